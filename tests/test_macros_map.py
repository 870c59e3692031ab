"""Examples of the map library (overrides/portal/map.html), rendered on their own like those of
``tests/test_macros.py``, with the mini catalog (Teststadt carries Düsseldorf's key, 051110000000)."""

from __future__ import annotations

from typing import Any

import pytest
from jinja2 import Environment
from test_macros import (
    HOSTILE_CALLS,
    TODAY,
    Macros,
    _calls_the_macros_it_names,  # noqa: F401  (autouse: an example must call the macros it names)
    assert_escaped,
    changed,
    example,
    hostile_records,
    hrefs,
    mini_records,
    one,
    soup,
    text,
)

from portal.catalog import Catalog
from portal.geo import geography
from portal.model import Region

ATTRIBUTION = "© GeoBasis-DE / BKG (2021), Daten verändert"


@pytest.fixture(scope="module")
def hostile() -> Catalog:
    return Catalog(hostile_records(), TODAY)
LICENCE = "https://www.govdata.de/dl-de/by-2-0"


def spread_records() -> dict[str, dict[str, Any]]:
    """The mini content with initiatives in four kinds of place: the state (key 05), a Gemeinde below a
    Kreis (Stadt Unna, 059780036036, in Kreis Unna 05978, which has no page; with one measure), a region without key
    below the state (in no single area), and the fixture's own in Teststadt (Düsseldorf's area)."""
    records = mini_records()
    base = records["initiatives"]["masterplan-test"]
    records["regions"]["stadt-unna"] = Region.model_validate({"name": "Stadt Unna", "parent": "land", "ars": "059780036036"})
    records["regions"]["revier"] = Region.model_validate({"name": "Revier", "kind": "region", "parent": "land"})
    for key, region in (("im-land", "land"), ("in-unna", "stadt-unna"), ("im-revier", "revier")):
        records["initiatives"][key] = base.model_copy(update={"title": f"Initiative {key}", "region": region})
    records["measures"]["in-unna-eins"] = records["measures"]["fertig"].model_copy(update={"initiative": "in-unna", "working_group": None})
    return records


@example("nrw_map")
def test_nrw_map_links_areas_with_a_region_page_and_names_their_counts(env: Environment, catalog: Catalog) -> None:
    html = Macros(env, catalog, library="map").nrw_map()
    svg = one(html, "svg.portal-map__svg")
    assert svg["role"] == "group" and svg["aria-label"].startswith("Karte von Nordrhein-Westfalen")
    assert len(svg.select("path")) == len(geography().areas) == 53
    # One area has a region page (Teststadt = Düsseldorf's key): one link, named with both counts.
    links = svg.select("a.portal-map__link")
    # The link's <title> is its accessible name (and the tooltip under the mouse).
    assert [(a["href"], text(a.title)) for a in links] == [
        ("../../regionen/teststadt/", "Düsseldorf (Kreisfreie Stadt): 1 Initiative, 2 Maßnahmen")]
    assert links[0].path["class"] == ["portal-map__area--1"]
    # Every other area is no link, hidden from screen readers (the table lists what counts), shaded "keine".
    others = [path for path in svg.select("path") if path.parent.name != "a"]
    assert len(others) == 52
    assert all(path["aria-hidden"] == "true" and path["class"] == ["portal-map__area--0"] for path in others)
    assert text(others[0].title) == "Duisburg (Kreisfreie Stadt): keine erfasste Initiative"
    assert [text(t) for t in svg.select("g.portal-map__count text")] == ["1"]  # the count is written, not only shaded
    legend = one(html, "ul.portal-map__legend")
    assert [text(li) for li in legend.select("li")] == [
        "keine erfasste Initiative", "1 Initiative", "2 bis 3 Initiativen", "4 bis 7 Initiativen", "8 und mehr Initiativen"]
    note = text(one(html, "p.portal-map__note"))
    assert "keine vollständige Übersicht" in note and "landesweit" not in note and "Nicht auf der Karte" not in note
    assert ATTRIBUTION in text(one(html, "figcaption p.portal-map__source"))


@example("nrw_map")
def test_nrw_map_counts_a_gemeinde_for_its_kreis_and_names_the_state_and_the_unplaced_apart(env: Environment) -> None:
    html = Macros(env, Catalog(spread_records(), TODAY), library="map").nrw_map()
    # Kreis Unna counts the initiative of Stadt Unna; without a region page of its own it is no link.
    unna = one(html, 'path[role="img"]')
    assert text(unna.title) == "Unna (Kreis): 1 Initiative, 1 Maßnahme"
    assert unna.parent.name != "a"
    assert hrefs(one(html, "svg.portal-map__svg")) == ["../../regionen/teststadt/"]
    note = text(one(html, "p.portal-map__note"))
    assert "Dazu kommt 1 landesweite Initiative: Initiative im-land." in note
    assert "Nicht auf der Karte, weil ihre Region keinem einzelnen Kreis entspricht: Revier (1 Initiative)." in note
    assert "../im-land/" in hrefs(html) and "../../regionen/revier/" in hrefs(html)


@example("nrw_map")
def test_nrw_map_stays_under_40_kb_when_every_area_has_a_page_and_initiatives(env: Environment) -> None:
    """All of NRW filled (400 initiatives, 8,000 measures): 53 links, 53 counts, the SVG still under 40 KB."""
    records = mini_records()
    base, measure = records["initiatives"]["masterplan-test"], records["measures"]["fertig"]
    for n, (key, area) in enumerate(geography().areas.items()):
        records["regions"][f"gebiet-mit-langem-namen-{key}"] = Region.model_validate({"name": area.name, "ars": key})
        for i in range(8):
            iid = f"initiative-{key}-{i}"
            records["initiatives"][iid] = base.model_copy(update={"region": f"gebiet-mit-langem-namen-{key}"})
            for j in range(20 if n < 50 else 0):
                records["measures"][f"{iid}-{j}"] = measure.model_copy(update={"initiative": iid, "working_group": None})
    html = str(Macros(env, Catalog(records, TODAY), library="map").nrw_map())
    svg = one(html, "svg.portal-map__svg")
    assert len(svg.select("a.portal-map__link")) == 53 and len(svg.select("g.portal-map__count text")) == 53
    assert len(str(svg).encode()) < 40_000


@example("area_table")
def test_area_table_lists_every_area_with_initiatives(env: Environment, catalog: Catalog) -> None:
    html = Macros(env, catalog, library="map").area_table()
    table = one(html, "div.portal-map-table > table")
    assert text(table.caption).startswith("Die Karte als Tabelle")
    assert [text(th) for th in table.select("thead th")] == ["Gebiet", "Schlüssel", "Initiativen", "Maßnahmen", "Im Portal"]
    rows = [[text(cell) for cell in tr.find_all(["th", "td"])] for tr in table.select("tbody tr")]
    assert rows == [["Düsseldorf (Kreisfreie Stadt)", "05111", "1", "2", "Teststadt"]]
    assert hrefs(table) == ["../../regionen/teststadt/"]


@example("area_table")
def test_area_table_links_the_initiatives_of_an_area_without_a_page(env: Environment) -> None:
    html = Macros(env, Catalog(spread_records(), TODAY), library="map").area_table()
    rows = {text(tr.th): [text(td) for td in tr.find_all("td")] for tr in soup(html).select("tbody tr")}
    assert rows == {"Düsseldorf (Kreisfreie Stadt)": ["05111", "1", "2", "Teststadt"],
                    "Unna (Kreis)": ["05978", "1", "1", "Initiative in-unna"]}
    assert "../in-unna/" in hrefs(html)  # relative to the initiative page the examples render on


@example("area_table")
def test_area_table_says_so_when_no_area_has_an_initiative(env: Environment) -> None:
    records = mini_records()
    changed(records, "regions", "teststadt", ars=None)
    html = Macros(env, Catalog(records, TODAY), library="map").area_table()
    assert soup(html).find("table") is None
    assert text(html) == "Noch keine erfasste Initiative liegt in einem einzelnen Kreis oder einer kreisfreien Stadt."


@example("geo_attribution")
def test_geo_attribution_names_bkg_the_change_and_the_licence(env: Environment, catalog: Catalog) -> None:
    html = Macros(env, catalog, library="map").geo_attribution()
    assert text(html) == ("Kartengrundlage: © GeoBasis-DE / BKG (2021), Daten verändert (ausgewählt, umprojiziert, "
                          "vereinfacht), Lizenz: Datenlizenz Deutschland – Namensnennung – Version 2.0")
    assert hrefs(html) == [LICENCE]


def test_hostile_region_names_reach_the_table_as_text(env: Environment, hostile: Catalog) -> None:
    assert_escaped(Macros(env, hostile, library="map").area_table())


HOSTILE_CALLS.update({
    # Areas carry BKG's names; region and initiative names appear in the notes and the table.
    "nrw_map": (lambda p, c: p.nrw_map(), False, "map"),
    "area_table": (lambda p, c: p.area_table(), True, "map"),
    "geo_attribution": (lambda p, c: p.geo_attribution(), False, "map"),
})
