"""The visual timeline's geometry (portal.timechart) and what it draws (portal.timechart_rows).

Pure functions and the mini catalog on the fixed date: no MkDocs build here. The drawn pages are
checked in tests/test_timechart_build.py, the macros in tests/test_macros_timechart.py.
"""

from __future__ import annotations

import datetime as dt

import pytest
from test_macros import TODAY, changed, mini_records

from portal import timechart
from portal.catalog import Catalog
from portal.dates import VagueDate
from portal.timechart import Item, Row, assign_lanes, build, label_lines, position, tick_step
from portal.timechart_rows import INITIATIVE_ROWS, MEASURE_ROWS, UNDATED_SHOWN


def item(date: str, title: str = "Ereignis", shape: str = "konferenz", **extra: object) -> Item:
    return Item(title, VagueDate.parse(date), shape, "Konferenz, stattgefunden", **extra)  # type: ignore[arg-type]


def x_of(chart: timechart.Chart, day: dt.date) -> float:
    return position(day, chart.start, chart.end, chart.plot_left, chart.plot_right)


# --- the axis -------------------------------------------------------------------------------------


def test_axis_spans_whole_years_from_the_first_item_to_today() -> None:
    chart = build([Row("Meilensteine", [item("2017-03-16"), item("Frühjahr 2018")])], TODAY)
    assert (chart.start, chart.end) == (dt.date(2017, 1, 1), dt.date(2027, 1, 1))
    assert chart.years == list(range(2017, 2027))
    assert [t.year for t in chart.ticks] == list(range(2017, 2028))  # a tick at every 1 January, the end included
    assert chart.ticks[0].x == chart.plot_left and chart.ticks[-1].x == chart.plot_right
    assert all(t.labelled for t in chart.ticks)
    xs = [t.x for t in chart.ticks]
    assert xs == sorted(xs)


def test_the_today_line_sits_at_the_reference_date() -> None:
    chart = build([Row("Meilensteine", [item("2017-03-16")])], TODAY)
    assert chart.today == TODAY
    assert chart.today_x == x_of(chart, TODAY)
    # 22 November is 325 days into 2026: the line sits that far between the ticks of 2026 and 2027.
    tick = {t.year: t.x for t in chart.ticks}
    assert chart.today_x == pytest.approx(tick[2026] + (tick[2027] - tick[2026]) * 325 / 365, abs=0.02)


def test_a_future_target_is_drawn_after_the_today_line() -> None:
    chart = build([Row("Maßnahme", [item("2030", shape="target")])], TODAY)
    (mark,) = chart.marks
    assert chart.end == dt.date(2031, 1, 1)
    assert mark.x > chart.today_x


def test_a_single_date_in_the_current_year_spans_that_year() -> None:
    chart = build([Row("Meilensteine", [item("2026-05-04")])], TODAY)
    assert (chart.start, chart.end) == (dt.date(2026, 1, 1), dt.date(2027, 1, 1))
    (mark,) = chart.marks
    assert mark.width == 0 and not mark.is_range
    assert chart.plot_left < mark.x < chart.today_x < chart.plot_right


def test_dates_far_in_the_past_and_future_label_only_some_years() -> None:
    chart = build([Row("A", [item("1901-01-01"), item("2099")])], TODAY)
    assert (chart.start.year, chart.end.year) == (1901, 2100)
    labelled = [t.year for t in chart.ticks if t.labelled]
    assert len(labelled) <= timechart.MAX_TICKS
    assert labelled == [year for year in range(1901, 2101) if year % 20 == 0]
    first, last = chart.marks
    assert chart.plot_left <= first.x < last.x + last.width <= chart.plot_right


@pytest.mark.parametrize(("years", "step"), [(1, 1), (11, 1), (12, 2), (40, 5), (199, 20), (500, 50)])
def test_tick_step(years: int, step: int) -> None:
    assert tick_step(years) == step


# --- marks -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("date", "first", "last"), [
    ("Frühjahr 2018", dt.date(2018, 3, 1), dt.date(2018, 5, 31)),
    ("Winter 2019", dt.date(2019, 12, 1), dt.date(2020, 2, 29)),
    ("2020", dt.date(2020, 1, 1), dt.date(2020, 12, 31)),
    ("2017-03", dt.date(2017, 3, 1), dt.date(2017, 3, 31)),
    ("Anfang 2023", dt.date(2023, 1, 1), dt.date(2023, 3, 31)),
])
def test_a_vague_date_is_a_range_from_its_first_to_the_end_of_its_last_day(date: str, first: dt.date, last: dt.date) -> None:
    chart = build([Row("A", [item(date)])], TODAY)
    (mark,) = chart.marks
    assert mark.is_range and (mark.first, mark.last) == (first, last)
    assert mark.x == x_of(chart, first)
    assert mark.x + mark.width == pytest.approx(x_of(chart, last + dt.timedelta(days=1)), abs=0.02)
    assert mark.centre == pytest.approx(mark.x + mark.width / 2, abs=0.01)
    assert chart.has_range
    assert "bis" in mark.name  # the span in words: "Frühjahr 2018, 1. März 2018 bis 31. Mai 2018"


def test_a_day_is_a_point_named_by_its_date() -> None:
    chart = build([Row("A", [item("2017-03-16", title="Industriekonferenz")])], TODAY)
    (mark,) = chart.marks
    assert (mark.width, mark.first, mark.last) == (0, dt.date(2017, 3, 16), dt.date(2017, 3, 16))
    assert mark.name == "Industriekonferenz – Konferenz, stattgefunden – 16. März 2017"
    assert not chart.has_range


def test_undated_items_are_never_placed_and_come_back_apart() -> None:
    undated = item("unbekannt", title="Treffen")
    chart = build([Row("Meilensteine", [item("2017-03-16"), undated]), Row("Nur undatiert", [item("unbekannt")])], TODAY)
    assert [m.item.title for m in chart.marks] == ["Ereignis"]
    assert chart.undated == [undated, item("unbekannt")]
    assert [r.label for r in chart.rows] == ["Meilensteine"]  # a row without a dated item is not drawn


def test_only_undated_items_draw_no_row() -> None:
    chart = build([Row("A", [item("unbekannt")])], TODAY)
    assert chart.rows == [] and len(chart.undated) == 1
    assert (chart.start, chart.end) == (dt.date(2026, 1, 1), dt.date(2027, 1, 1))


def test_overlapping_marks_get_lanes_and_the_legend_names_the_shapes_used() -> None:
    chart = build([Row("A", [item("2017-03-16"), item("2017-03-17", shape="sitzung"), item("2020", shape="target", hollow=True)])], TODAY)
    row = chart.rows[0]
    assert len({m.y for m in row.marks}) == 2  # the two March days overlap; the year 2020 does not
    assert row.height == 2 * timechart.LANE_HEIGHT + timechart.ROW_PADDING
    assert [shape for shape, _, _ in chart.legend] == ["konferenz", "sitzung", "target"]
    assert chart.has_hollow


def test_lanes_are_capped() -> None:
    lanes = assign_lanes([(0, 10)] * 10)
    assert max(lanes) == timechart.MAX_LANES - 1
    assert assign_lanes([(0, 10), (30, 40), (5, 12)]) == [0, 0, 1]


def test_long_labels_take_two_lines_and_are_shortened() -> None:
    assert label_lines("Meilensteine") == ["Meilensteine"]
    lines = label_lines("Selbstverpflichtung der Verwaltung: Digitalisierung und Serviceversprechen")
    assert len(lines) == 2 and all(len(line) <= timechart.LABEL_CHARS for line in lines)
    assert lines[0] == "Selbstverpflichtung der" and lines[1].endswith("…")
    assert label_lines("x" * 40) == ["x" * 28, "x" * 12]  # one long word is cut where the line ends
    assert label_lines("a " * 40)[1].endswith("…")


def test_every_shape_has_a_label() -> None:
    assert set(timechart.SHAPES) == set(timechart.SHAPE_LABELS)


# --- the rows of the mini catalog --------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog(mini_records(), TODAY)


def test_the_initiative_chart_draws_milestones_status_and_measures(catalog: Catalog) -> None:
    tc = catalog.initiative_chart("masterplan-test")
    rows = {r.label: r for r in tc.chart.rows}
    assert list(rows) == ["Meilensteine", "Stand der Initiative", "Erledigte Maßnahme", "Glasfaser bis 2020"]
    milestones = rows["Meilensteine"].marks
    assert [(m.item.title, m.item.shape, m.item.hollow, m.is_range) for m in milestones] == [
        ("Industriekonferenz", "konferenz", False, False), ("Überprüfung", "ueberpruefung", True, True)]
    assert [m.item.anchor for m in milestones] == ["zeitleiste-2017", "zeitleiste-2018"]
    glasfaser = rows["Glasfaser bis 2020"].marks
    assert [(m.item.shape, m.item.link, m.item.date.notation()) for m in glasfaser] == [
        ("status", ("measures", "glasfaser"), "2017-03-16"), ("target", ("measures", "glasfaser"), "2020")]
    assert rows["Stand der Initiative"].marks[0].item.detail == "Meldung einer Quelle: als laufend gemeldet"
    assert [i.title for i in tc.undated] == ["Treffen"] and tc.undated[0].anchor == "zeitleiste-unbekannt"
    assert tc.years == [(2017, "zeitleiste-2017"), (2018, "zeitleiste-2018")]
    assert tc.undated_anchor == "zeitleiste-unbekannt"
    assert (tc.rows_left_out, tc.undated_left_out, tc.row_limit) == (0, 0, MEASURE_ROWS)


def test_the_initiative_list_is_grouped_by_year(catalog: Catalog) -> None:
    groups = catalog.initiative_timeline_by_year("masterplan-test")
    assert [(a, h, [e.milestone.id for e in es]) for a, h, es in groups] == [
        ("zeitleiste-2017", "2017", ["konferenz"]), ("zeitleiste-2018", "2018", ["review"]),
        ("zeitleiste-unbekannt", "Zeitpunkt nicht bekannt", ["treffen"])]


def test_the_overall_chart_draws_one_row_of_milestones_per_initiative(catalog: Catalog) -> None:
    tc = catalog.overall_chart()
    (row,) = tc.chart.rows
    assert (row.label, row.link, row.anchor) == ("MPT", ("initiatives", "masterplan-test"), "zeitleiste")
    assert [m.item.title for m in row.marks] == ["Industriekonferenz", "Überprüfung"]
    assert tc.years == [(2017, "jahr-2017"), (2018, "jahr-2018")] and tc.undated_anchor == "jahr-unbekannt"
    assert [i.title for i in tc.undated] == ["Treffen"]


def test_both_charts_stay_bounded_however_large_the_content() -> None:
    records = mini_records()
    initiative = records["initiatives"]["masterplan-test"]
    measure = records["measures"]["glasfaser"]
    for n in range(60):
        records["initiatives"][f"i-{n}"] = initiative.model_copy(update={"title": f"Initiative {n}", "short_name": None})
        records["measures"][f"m-{n}"] = measure.model_copy(update={"title": f"Maßnahme {n}"})
    catalog = Catalog(records, TODAY)
    overall = catalog.overall_chart()
    assert len(overall.chart.rows) == INITIATIVE_ROWS and overall.rows_left_out == 61 - INITIATIVE_ROWS
    assert len(overall.undated) == UNDATED_SHOWN and overall.undated_left_out == 61 - UNDATED_SHOWN
    mine = catalog.initiative_chart("masterplan-test")
    assert len(mine.chart.rows) == 2 + MEASURE_ROWS and mine.rows_left_out == 62 - MEASURE_ROWS


def test_the_newest_initiative_comes_first_on_the_overall_chart() -> None:
    records = mini_records()
    initiative = records["initiatives"]["masterplan-test"]
    newer = [m.model_copy(update={"date": VagueDate.parse("2024-02-01")}) for m in initiative.milestones[:1]]  # type: ignore[attr-defined]
    records["initiatives"]["neuer"] = initiative.model_copy(update={"title": "Neuere", "short_name": None, "milestones": newer})
    changed(records, "initiatives", "masterplan-test", short_name="Ältere")
    tc = Catalog(records, TODAY).overall_chart()
    assert [r.label for r in tc.chart.rows] == ["Neuere", "Ältere"]
