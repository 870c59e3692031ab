"""Examples of the visual timeline's macros (overrides/portal/timechart.html), rendered on their own.

Like tests/test_macros.py, whose environment, mini catalog and checks these examples use: every
macro here has an example and one call on the hostile catalog in ``HOSTILE_CALLS``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from jinja2 import Environment
from test_macros import (  # noqa: F401 (the autouse check that each example calls its macros)
    HOSTILE_CALLS,
    TODAY,
    Macros,
    _calls_the_macros_it_names,
    environment,
    example,
    hrefs,
    mini_records,
    one,
    soup,
    text,
)

from portal.catalog import Catalog
from portal.dates import VagueDate
from portal.timechart import Item, Row, build, position
from portal.timechart_rows import TimeChart


@pytest.fixture()
def t(env: Environment, catalog: Catalog) -> Macros:
    """The timeline macros on the initiative's page (initiativen/masterplan-test/)."""
    return Macros(env, catalog, library="timechart")


def x_from_ticks(svg: object, day: dt.date) -> float:
    """Where ``day`` begins, read from the drawn year ticks alone (each tick is 1 January of its year)."""
    ticks = {int(line["data-year"]): float(line["x1"]) for line in soup(svg).select("line[data-year]")}
    left, right = ticks[day.year], ticks[day.year + 1]
    days = (dt.date(day.year + 1, 1, 1) - dt.date(day.year, 1, 1)).days
    return left + (right - left) * (day - dt.date(day.year, 1, 1)).days / days


@example("timechart")
def test_timechart_draws_an_initiative(t: Macros, catalog: Catalog) -> None:
    tc = catalog.initiative_chart("masterplan-test")
    html = t.timechart(tc, "initiative", "zeitleiste-liste")
    figure = one(html, "figure.portal-tc")
    assert figure["id"] == "zeitleiste-liste-diagramm"
    caption = one(html, "figcaption")
    assert "je Maßnahme eine Zeile" in text(caption) and "„Frühjahr 2018“ sind als Zeitraum gezeichnet" in text(caption)
    assert "(höchstens 20 Maßnahmen, die mit den frühesten Daten)" in text(caption)
    assert "#zeitleiste-liste" in hrefs(caption)
    scroll = one(html, "div.portal-tc__scroll")
    assert (scroll["tabindex"], scroll["role"]) == ("0", "region") and scroll["aria-label"]
    svg = one(html, "svg.portal-tc__svg")
    assert [text(label) for label in svg.select(".portal-tc__label")] == [
        "Meilensteine", "Stand der Initiative", "Erledigte Maßnahme", "Glasfaser bis 2020"]
    # Measure rows link to the measure's page; the milestones link to their year in the list below.
    assert [a["href"] for a in svg.select("a.portal-tc__rowlink")] == ["../../massnahmen/fertig/", "../../massnahmen/glasfaser/"]
    marks = svg.select(".portal-tc__mark")
    assert len(marks) == len(tc.chart.marks) == 8
    assert all(m["aria-label"] and m.title.get_text() == m["aria-label"] for m in marks)
    review = one(html, '.portal-tc__mark[data-first="2018-03-01"]')
    assert review["href"] == "#zeitleiste-2018" and "portal-tc__mark--hollow" in review["class"]
    # The "heute" line at the reference date, measured against the year ticks.
    line = one(html, ".portal-tc__svg .portal-tc__today line")
    assert line["data-date"] == "2026-11-22"
    assert float(line["x1"]) == pytest.approx(x_from_ticks(svg, TODAY), abs=0.05)
    assert text(one(html, ".portal-tc__svg .portal-tc__today text")) == "heute"
    # Undated items apart, never on the axis; the table has one row per mark.
    assert "Treffen" in text(one(html, ".portal-tc__undated"))
    assert "Treffen" not in " ".join(m["aria-label"] for m in marks)
    assert len(one(html, "details.portal-tc__table").select("tbody tr")) == 8
    assert [a["href"] for a in one(html, "nav.portal-tc__years").find_all("a")] == [
        "#zeitleiste-2017", "#zeitleiste-2018", "#zeitleiste-unbekannt"]


@example("timechart")
def test_timechart_across_all_says_what_is_left_out(env: Environment, catalog: Catalog) -> None:
    tc = dataclasses.replace(catalog.overall_chart(), rows_left_out=3)
    html = Macros(env, catalog, library="timechart").timechart(tc, "alle", "zeitleiste-liste")
    caption = text(one(html, "figcaption"))
    assert "je Initiative eine Zeile, die Initiativen mit dem jüngsten datierten Meilenstein zuerst (höchstens 20)." in caption
    assert "Nicht gezeichnet sind 3 weitere Initiativen mit datierten Meilensteinen" in caption
    assert "#je-initiative" in hrefs(one(html, "figcaption"))
    assert [a["href"] for a in soup(html).select("a.portal-tc__rowlink")] == ["./#zeitleiste"]


@example("timechart")
def test_timechart_without_any_date_draws_nothing_and_lists_the_items(t: Macros) -> None:
    undated = Item("Treffen", VagueDate.parse("unbekannt"), "sitzung", "Sitzung, stattgefunden")
    tc = TimeChart(build([Row("Meilensteine", [undated])], TODAY), 0, 0, [], "", [])
    html = t.timechart(tc, "initiative", "liste")
    assert soup(html).find("svg") is None and soup(html).find("details") is None
    assert "nichts gezeichnet" in text(html)
    assert text(one(html, ".portal-tc__undated li")) == "Treffen (Sitzung, stattgefunden)"


@example("year_nav")
def test_year_nav_links_the_year_sections(t: Macros) -> None:
    nav = one(t.year_nav([(2017, "jahr-2017"), (2023, "jahr-2023")], "jahr-unbekannt"), "nav")
    assert nav["aria-label"] == "Jahre der Zeitleiste"
    assert [(a["href"], a.get_text()) for a in nav.find_all("a")] == [
        ("#jahr-2017", "2017"), ("#jahr-2023", "2023"), ("#jahr-unbekannt", "ohne Datum")]
    assert hrefs(t.year_nav([(2017, "jahr-2017")], "")) == ["#jahr-2017"]
    assert str(t.year_nav([], "")).strip() == ""


@example("mark")
def test_mark_draws_a_vague_date_as_a_range_over_its_days(t: Macros, catalog: Catalog) -> None:
    chart = catalog.initiative_chart("masterplan-test").chart
    target = next(m for m in chart.marks if m.item.shape == "target" and m.item.link == ("measures", "glasfaser"))
    a = one(t.mark(target), "a")
    assert a["href"] == "../../massnahmen/glasfaser/"
    assert (a["data-first"], a["data-last"]) == ("2020-01-01", "2020-12-31")
    assert a["aria-label"] == "Glasfaser bis 2020 – Zieltermin – 2020, 1. Januar 2020 bis 31. Dezember 2020"
    rect = a.find("rect")
    start, stop = float(rect["x"]), float(rect["x"]) + float(rect["width"])
    assert start == position(dt.date(2020, 1, 1), chart.start, chart.end, chart.plot_left, chart.plot_right)
    assert stop == pytest.approx(position(dt.date(2021, 1, 1), chart.start, chart.end, chart.plot_left, chart.plot_right), abs=0.02)
    assert a.find("path")["transform"] == f"translate({target.centre} {target.y})"


@example("mark")
def test_mark_without_a_page_is_a_named_image(t: Macros, catalog: Catalog) -> None:
    status = catalog.initiative_chart("masterplan-test").chart.rows[1].marks[0]
    g = one(t.mark(status), "g")
    assert (g["role"], g["aria-label"]) == ("img", "Masterplan Test – Meldung einer Quelle: als laufend gemeldet – 20. März 2017")
    assert g.find("rect") is None  # a day is a point
    status_link = catalog.initiative_chart("masterplan-test").chart.rows[3].marks[0]
    assert one(t.mark(status_link), "a")["href"] == "../../massnahmen/glasfaser/#verlauf"


@example("chart_legend")
def test_legend_explains_only_what_the_chart_uses(t: Macros, catalog: Catalog) -> None:
    html = t.chart_legend(catalog.initiative_chart("masterplan-test").chart)
    items = [text(li) for li in soup(html).find_all("li")]
    assert items[:4] == ["Konferenz", "Überprüfung", "Statusmeldung einer Quelle", "Zieltermin"]
    assert any(i.startswith("Balken: ungenaues Datum") for i in items)
    assert "leere Form: nur angekündigt" in items
    assert items[-1].startswith("gestrichelte Linie: heute, 22. November 2026")
    point_only = build([Row("A", [Item("X", VagueDate.parse("2020-01-01"), "sitzung", "Sitzung")])], TODAY)
    assert [text(li) for li in soup(t.chart_legend(point_only)).find_all("li")][:-1] == ["Sitzung"]


@example("undated_list")
def test_undated_list_names_the_undated_items_and_says_how_many_more(t: Macros, catalog: Catalog) -> None:
    tc = catalog.initiative_chart("masterplan-test")
    html = t.undated_list(tc)
    assert text(html) == "Ohne Datum, daher nicht im Diagramm: Treffen (Sitzung, stattgefunden)"
    assert hrefs(html) == ["#zeitleiste-unbekannt"]
    more = t.undated_list(dataclasses.replace(tc, undated_left_out=4))
    assert "… und 4 weitere ohne Datum" in text(more)
    assert hrefs(more)[-2:] == ["#zeitleiste-unbekannt", "#massnahmen"]
    assert str(t.undated_list(dataclasses.replace(tc, chart=build([], TODAY)))).strip() == ""


@example("chart_table")
def test_chart_table_has_a_row_per_mark(t: Macros, catalog: Catalog) -> None:
    html = t.chart_table(catalog.initiative_chart("masterplan-test").chart)
    assert text(one(html, "summary")) == "Diagramm als Tabelle"
    rows = [[text(td) for td in tr.find_all("td")] for tr in soup(html).select("tbody tr")]
    assert rows[0] == ["Meilensteine", "16. März 2017", "Industriekonferenz – Konferenz, stattgefunden"]
    assert ["Meilensteine", "Frühjahr 2018", "Überprüfung – Überprüfung, angekündigt"] in rows
    assert len(rows) == 8


HOSTILE_CALLS.update({
    "timechart": (lambda p, c: p.timechart(c.initiative_chart("masterplan-test"), "initiative", "liste"), True, "timechart"),
    "year_nav": (lambda p, c: p.year_nav([(2017, "jahr-2017")], "jahr-unbekannt"), False, "timechart"),
    "mark": (lambda p, c: p.mark(c.initiative_chart("masterplan-test").chart.marks[0]), True, "timechart"),
    "chart_legend": (lambda p, c: p.chart_legend(c.initiative_chart("masterplan-test").chart), False, "timechart"),
    "undated_list": (lambda p, c: p.undated_list(c.initiative_chart("masterplan-test")), True, "timechart"),
    "chart_table": (lambda p, c: p.chart_table(c.initiative_chart("masterplan-test").chart), True, "timechart"),
})
