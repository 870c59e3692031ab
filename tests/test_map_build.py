"""The map of NRW in real builds: on the start page and /regionen/, links only to region pages that
exist, the same counts in the map's names and in the table, the attribution, the size budget; the
official key on the region page and in the open data."""

from __future__ import annotations

import gzip
import json
import re

from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import Build
from playwright.sync_api import Browser

MAP_PAGES = ["", "regionen/"]
ATTRIBUTION = "© GeoBasis-DE / BKG (2021), Daten verändert"
LICENCE = "https://www.govdata.de/dl-de/by-2-0"
# What an area's accessible name says: "Düsseldorf (Kreisfreie Stadt): 1 Initiative, 2 Maßnahmen".
NAME = re.compile(r"^(.+ \((?:Kreis|Kreisfreie Stadt)\)): (\d+) Initiativen?, (\d+) Maßnahmen?$")


def figure(build: Build, url: str) -> Tag:
    found = build.html(url).select("article figure.portal-map")
    assert len(found) == 1, url
    return found[0]


def named_areas(map_figure: Tag) -> dict[str, tuple[int, int]]:
    """Area name → (initiatives, measures), from the accessible names (<title>) of the linked and the labelled areas."""
    names = [e.title.get_text() for e in map_figure.select("svg a.portal-map__link, svg path[role=img]")]
    parsed = {m.group(1): (int(m.group(2)), int(m.group(3))) for m in map(NAME.match, names) if m}
    assert len(parsed) == len(names), names
    return parsed


def table_rows(build: Build) -> dict[str, tuple[int, int]]:
    rows = build.html("regionen/").select("article .portal-map-table tbody tr")
    found = {}
    for row in rows:
        cells = [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        found[row.th.get_text(" ", strip=True)] = (int(cells[1]), int(cells[2]))
    return found


def check_map_links_resolve_to_region_pages(build: Build) -> None:
    for url in MAP_PAGES:
        for link in figure(build, url).select("svg a"):
            target = urljoin("/" + url, str(link["href"]))
            assert target.startswith("/regionen/") and target != "/regionen/", (url, target)
            assert (build.site / target.lstrip("/") / "index.html").is_file(), (url, target)


def check_the_table_and_the_map_agree(build: Build) -> None:
    areas = named_areas(figure(build, "regionen/"))
    rows = table_rows(build)
    # Every area with initiatives is in the table with the counts its name on the map gives; areas
    # the map names with no initiative (a region page without any) are not.
    assert rows == {name: counts for name, counts in areas.items() if counts[0] > 0}
    for url in MAP_PAGES:
        badges = [int(t.get_text()) for t in figure(build, url).select("g.portal-map__count text")]
        assert sorted(badges) == sorted(initiatives for initiatives, _ in rows.values()), url


def check_attribution(build: Build) -> None:
    for url in MAP_PAGES:
        source = figure(build, url).select_one("p.portal-map__source")
        assert source is not None and ATTRIBUTION in source.get_text(), url
        assert source.a["href"] == LICENCE
    assert ATTRIBUTION.split(",")[0] in build.text("impressum/")


def test_mini_map_links_only_to_existing_region_pages(mini_site: Build) -> None:
    check_map_links_resolve_to_region_pages(mini_site)
    links = figure(mini_site, "regionen/").select("svg a")
    assert [(a["href"], a.title.get_text()) for a in links] == [
        ("teststadt/", "Düsseldorf (Kreisfreie Stadt): 1 Initiative, 2 Maßnahmen")]


def test_mini_map_counts_match_the_table(mini_site: Build) -> None:
    check_the_table_and_the_map_agree(mini_site)
    assert table_rows(mini_site) == {"Düsseldorf (Kreisfreie Stadt)": (1, 2)}


def test_mini_map_shows_the_attribution(mini_site: Build) -> None:
    check_attribution(mini_site)


def test_region_page_and_open_data_give_the_official_key(mini_site: Build) -> None:
    facts = mini_site.html("regionen/teststadt/").select_one("article dl.portal-facts")
    terms = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in facts.find_all("dt")}
    assert terms["Amtlicher Regionalschlüssel"] == "051110000000 (Düsseldorf (Stadt), laut den Verwaltungsgrenzen des BKG)"
    data = json.loads((mini_site.site / "daten" / "regionen.json").read_text(encoding="utf-8"))
    regions = data["inhalte"]
    assert regions["teststadt"]["ars"] == "051110000000"
    assert regions["land"]["ars"] == "05"


def test_real_map_links_resolve_and_agree_with_the_table(real_site: Build) -> None:
    check_map_links_resolve_to_region_pages(real_site)
    check_the_table_and_the_map_agree(real_site)
    check_attribution(real_site)


@pytest.mark.parametrize("url", MAP_PAGES)
def test_pages_with_the_map_stay_small(real_site: Build, url: str) -> None:
    html = (real_site.site / url / "index.html").read_bytes()
    assert len(gzip.compress(html)) < 100_000, url
    svg = str(BeautifulSoup(html, "html.parser").select_one("svg.portal-map__svg"))
    assert len(svg.encode()) < 40_000, url


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_map_area_is_reached_by_tab_shows_focus_and_opens_its_region(browser: Browser, served_mini: str, scheme: str) -> None:
    """Keyboard: Tab reaches the linked area, its focus is marked (outline and a thicker outline of
    the area), Enter opens the region page; the counts sit on top without taking the click."""
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="de-DE", color_scheme=scheme)
    tab = context.new_page()
    try:
        tab.goto(served_mini + "regionen/")
        for _ in range(80):
            tab.keyboard.press("Tab")
            if tab.evaluate("document.activeElement.matches('a.portal-map__link')"):
                break
        else:
            pytest.fail("Tab erreicht kein Gebiet der Karte")
        marked = tab.evaluate("""() => {
            const link = document.activeElement, path = link.querySelector('path');
            const style = getComputedStyle(link), outline = getComputedStyle(path);
            return {outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
                    stroke: parseFloat(outline.strokeWidth), counts: getComputedStyle(
                      document.querySelector('.portal-map__count')).pointerEvents}; }""")
        assert marked == {"outline": True, "stroke": 3, "counts": "none"}
        tab.keyboard.press("Enter")
        tab.wait_for_url("**/regionen/teststadt/")
    finally:
        context.close()
