"""The visual timelines on built pages: the mini content on the fixed date, a large variant of it for
the size bound, and the shipped content for what holds for any valid content."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import EPOCH, Build, mini_variant
from content import CATALOG

from portal.catalog import Catalog
from portal.dates import VagueDate
from portal.timechart_rows import INITIATIVE_ROWS, MEASURE_ROWS, UNDATED_SHOWN
from portal.urls import url_for

FIXED_DAY = dt.datetime.fromtimestamp(int(EPOCH), dt.UTC).date()
MINI_INITIATIVE = "initiativen/masterplan-test/"


def chart(page: BeautifulSoup) -> Tag:
    found = page.select("article figure.portal-tc")
    assert len(found) == 1, f"{len(found)} Diagramme"
    return found[0]


def x_from_ticks(svg: Tag, day: dt.date) -> float:
    """Where ``day`` begins, read from the drawn year ticks (each is 1 January of its year)."""
    ticks = {int(line["data-year"]): float(line["x1"]) for line in svg.select("line[data-year]")}
    left, right = ticks[day.year], ticks[day.year + 1]
    days = (dt.date(day.year + 1, 1, 1) - dt.date(day.year, 1, 1)).days
    return left + (right - left) * (day - dt.date(day.year, 1, 1)).days / days


def assert_marks_match_dates(figure: Tag, dates: dict[str, VagueDate]) -> None:
    """Each named item is one mark: a point on its day, or a range from its first to the end of its
    last day (measured against the year ticks); an undated one is only in the list beside the chart."""
    svg = figure.select_one("svg")
    undated = figure.select_one(".portal-tc__undated")
    for title, date in dates.items():
        marks = [m for m in svg.select(".portal-tc__mark") if m["aria-label"].startswith(title + " – ")]
        if not date.known:
            assert marks == [], title
            assert undated is not None and title in undated.get_text(), title
            continue
        assert len(marks) == 1, title
        mark = marks[0]
        first, last = date.first_day(), date.last_day()
        assert first and last and (mark["data-first"], mark["data-last"]) == (first.isoformat(), last.isoformat())
        rect = mark.find("rect")
        if first == last:
            assert rect is None, title
            centre = float(mark.find("path")["transform"].split("(")[1].split()[0])
            assert centre == pytest.approx(x_from_ticks(svg, first), abs=0.05), title
        else:
            start, stop = float(rect["x"]), float(rect["x"]) + float(rect["width"])
            assert start == pytest.approx(x_from_ticks(svg, first), abs=0.05), title
            assert stop == pytest.approx(x_from_ticks(svg, last + dt.timedelta(days=1)), abs=0.05), title


def assert_today_line(figure: Tag, today: dt.date) -> None:
    line = figure.select_one("svg .portal-tc__today line")
    assert line["data-date"] == today.isoformat()
    assert float(line["x1"]) == pytest.approx(x_from_ticks(figure.select_one("svg"), today), abs=0.05)


def test_the_initiative_chart_draws_every_dated_milestone_and_lists_the_undated(mini_site: Build) -> None:
    page = mini_site.html(MINI_INITIATIVE)
    figure = chart(page)
    # The chart sits in the "Zeitleiste" section, above the list that stays its text equivalent.
    assert figure.find_previous("h2")["id"] == "zeitleiste"
    assert figure.find_next_sibling(id="zeitleiste-liste") is not None
    assert_marks_match_dates(figure, {"Industriekonferenz": VagueDate.parse("2017-03-16"),
                                      "Überprüfung": VagueDate.parse("Frühjahr 2018"),
                                      "Treffen": VagueDate.parse("unbekannt")})
    # Frühjahr 2018 spans March to May; the measure's target "2020" the whole year, after its status.
    review = figure.select_one('.portal-tc__svg .portal-tc__mark--ueberpruefung')
    assert (review["data-first"], review["data-last"]) == ("2018-03-01", "2018-05-31")
    target = figure.select_one('.portal-tc__svg .portal-tc__mark--target[href="../../massnahmen/glasfaser/"]')
    assert (target["data-first"], target["data-last"]) == ("2020-01-01", "2020-12-31")
    assert_today_line(figure, FIXED_DAY)
    # Year navigation to the list's year headings, which exist on the page.
    links = [a["href"] for a in figure.select("nav.portal-tc__years a")]
    assert links == ["#zeitleiste-2017", "#zeitleiste-2018", "#zeitleiste-unbekannt"]
    assert [page.find(id=href[1:]).name for href in links] == ["h3", "h3", "h3"]
    # Every mark is named; marks with a page link to it.
    for mark in figure.select(".portal-tc__svg .portal-tc__mark"):
        assert mark["aria-label"] and mark.title.get_text() == mark["aria-label"]
    hrefs = {a["href"] for a in figure.select("a.portal-tc__mark")}
    assert {"../../massnahmen/glasfaser/", "../../massnahmen/glasfaser/#verlauf", "#zeitleiste-2017"} <= hrefs


def test_the_chart_across_all_initiatives(mini_site: Build) -> None:
    page = mini_site.html("zeitleiste/")
    figure = chart(page)
    assert figure.find_next_sibling(id="zeitleiste-liste") is not None
    assert_marks_match_dates(figure, {"Industriekonferenz": VagueDate.parse("2017-03-16"),
                                      "Überprüfung": VagueDate.parse("Frühjahr 2018"),
                                      "Treffen": VagueDate.parse("unbekannt")})
    assert_today_line(figure, FIXED_DAY)
    links = [a["href"] for a in figure.select("nav.portal-tc__years a")]
    assert links == ["#jahr-2017", "#jahr-2018", "#jahr-unbekannt"]
    assert all(page.find(id=href[1:]) is not None for href in links)
    assert [a["href"] for a in figure.select("a.portal-tc__rowlink")] == ["../initiativen/masterplan-test/#zeitleiste"]
    assert "je Initiative eine Zeile" in figure.figcaption.get_text()


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes()))


@pytest.mark.build
def test_the_charts_stay_bounded_for_large_content(tmp_path: Path) -> None:
    """60 initiatives with dated milestones and 80 dated measures on one of them: the charts draw their
    top rows and say how many are left out; the pages stay far below 100 KB gzipped."""
    source = (Path(__file__).parent / "fixtures" / "mini" / "initiatives" / "masterplan-test.yaml").read_text(encoding="utf-8")
    measure = (Path(__file__).parent / "fixtures" / "mini" / "measures" / "glasfaser.yaml").read_text(encoding="utf-8")
    write = {f"initiatives/gross-{n}.yaml": source.replace("Masterplan Test", f"Initiative {n}").replace("short_name: MPT\n", "")
             .replace('"2017-03-16"', f'"{2000 + n % 26}-0{1 + n % 9}-1{n % 10}"') for n in range(60)}
    write |= {f"measures/gross-{n}.yaml": measure.replace("Glasfaser bis 2020", f"Maßnahme {n}") for n in range(80)}
    build = mini_variant(tmp_path, write=write)
    assert build.returncode == 0, build.output
    overall = chart(build.html("zeitleiste/"))
    assert len(overall.select("g.portal-tc__row")) == INITIATIVE_ROWS
    assert f"Nicht gezeichnet sind {61 - INITIATIVE_ROWS} weitere Initiativen" in " ".join(overall.figcaption.get_text().split())
    assert len(overall.select(".portal-tc__undated li")) == UNDATED_SHOWN
    initiative = chart(build.html(MINI_INITIATIVE))
    assert len(initiative.select("g.portal-tc__row")) == 2 + MEASURE_ROWS
    assert len(gzip.compress(str(initiative).encode())) < 20_000
    assert len(gzip.compress(str(overall).encode())) < 20_000
    for url in ("zeitleiste/", MINI_INITIATIVE):
        assert gzipped(build.site / url / "index.html") < 100_000, url


def test_every_initiative_page_of_the_shipped_content_has_its_chart(real_site: Build) -> None:
    """For any valid content: each dated milestone is a mark on its initiative's chart, each undated
    one is listed apart, and the "heute" line is at the build date."""
    catalog: Catalog = CATALOG
    for iid, initiative in catalog.initiatives.items():
        figure = chart(real_site.html(url_for("initiatives", iid)))
        if any(m.date.known for m in initiative.milestones) or figure.select_one("svg"):
            assert_today_line(figure, catalog.today)
        if figure.select_one("svg"):
            marks = figure.select(".portal-tc__svg .portal-tc__mark")
            assert len(marks) == len(catalog.initiative_chart(iid).chart.marks)
        for m in initiative.milestones:
            in_chart = [a for a in figure.select(".portal-tc__svg .portal-tc__mark--" + m.kind) if a["aria-label"].startswith(m.title + " – ")]
            assert bool(in_chart) == m.date.known, (iid, m.id)
