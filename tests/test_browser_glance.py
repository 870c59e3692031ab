"""Shareable filters, in Debian's Chromium (issue 12, item 12): the measures, initiatives and timeline
filters keep their state in the address, restore it on load, reload and back/forward, and the region
filter finds what lies in a region or below it; the status headings count what stays visible.

Runs on a copy of the mini fixture with a second initiative in "land" (the region above
"teststadt", where the mini masterplan is) and one measure of it, so that the region filter has
something to narrow. Expected values come from the catalog of that content."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import EPOCH, GuardedPages, builds, mini_data, mini_variant
from playwright.sync_api import Page, expect
from sitetools import serve

from portal import labels
from portal.catalog import Catalog
from portal.check import load_valid

PLANTED = {
    "initiatives/dialog-land.yaml": """title: Dialog im Land
kind: dialog
region: land
history: [{date: "2017-03-20", status: laufend, sources: [pm-eins]}]
start: "2017"
summary: Ein Dialog auf Landesebene.
sources: [pm-eins]
""",
    "measures/land-empfehlung.yaml": """initiative: dialog-land
title: Empfehlung auf Landesebene
history: [{date: "2017-03-16", status: beschlossen, sources: [pm-eins]}]
sources: [pm-eins]
""",
}
TODAY = dt.datetime.fromtimestamp(int(EPOCH), dt.UTC).date()


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    data = mini_data(tmp_path_factory.mktemp("glance-data") / "data", write=PLANTED)
    loaded, problems = load_valid(data, TODAY)
    assert not problems, problems
    return Catalog(loaded.records, TODAY)


@pytest.fixture(scope="module")
@builds
def glance_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    build = mini_variant(tmp_path_factory.mktemp("glance"), write=PLANTED)
    assert build.returncode == 0, build.output
    with serve(build.site) as url:
        yield url


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def visible_titles(page: Page, selector: str = "#massnahmen-liste [data-portal-item]:visible > a:not(.portal-status)") -> list[str]:
    return sorted(page.locator(selector).all_inner_texts())


def titles(catalog: Catalog, ids: list[str]) -> list[str]:
    return sorted(catalog.measures[mid].title for mid in ids)


def test_measures_filter_lives_in_the_address(guarded_pages: GuardedPages, glance_site: str, planted: Catalog) -> None:
    total = len(planted.measures)
    beschlossen = [m for m in planted.measures if planted.status(m) == "beschlossen"]
    assert 1 < len(beschlossen) < total
    page = guarded_pages.open(glance_site)
    count = page.locator("[data-portal-count]")

    # A shared address opens the list filtered.
    page.goto(glance_site + "massnahmen/?status=beschlossen")
    expect(page.get_by_label("Status", exact=True)).to_have_value("beschlossen")
    expect(count).to_have_text(f"{len(beschlossen)} von {total} angezeigt")
    assert visible_titles(page) == titles(planted, beschlossen)
    expect(page.locator("h2#status-beschlossen [data-portal-group-count]")).to_have_text(str(len(beschlossen)))

    # Changing a filter changes the address, without a reload and without a new history entry.
    history = page.evaluate("history.length")
    page.get_by_label("Region", exact=True).select_option("teststadt")
    expect(page).to_have_url(glance_site + "massnahmen/?status=beschlossen&region=teststadt")
    assert page.evaluate("history.length") == history
    in_city = [m for m in beschlossen if "teststadt" in planted.measure_regions(m)]
    expect(count).to_have_text(f"{len(in_city)} von {total} angezeigt")
    assert visible_titles(page) == titles(planted, in_city)
    expect(page.locator("h2#status-beschlossen [data-portal-group-count]")).to_have_text(str(len(in_city)))

    # The region above finds the measures of both initiatives.
    page.get_by_label("Region", exact=True).select_option("land")
    expect(count).to_have_text(f"{len(beschlossen)} von {total} angezeigt")
    assert visible_titles(page) == titles(planted, beschlossen)

    # A reload keeps the filter; back and forward come back to it.
    page.reload()
    expect(page.get_by_label("Region", exact=True)).to_have_value("land")
    expect(page.get_by_label("Status", exact=True)).to_have_value("beschlossen")
    expect(count).to_have_text(f"{len(beschlossen)} von {total} angezeigt")
    page.goto(glance_site + "massnahmen/verstrichen/")
    page.go_back()
    expect(page).to_have_url(glance_site + "massnahmen/?status=beschlossen&region=land")
    expect(page.get_by_label("Region", exact=True)).to_have_value("land")
    expect(count).to_have_text(f"{len(beschlossen)} von {total} angezeigt")

    # Reset clears the address as well.
    page.get_by_role("button", name="Filter zurücksetzen").click()
    expect(page).to_have_url(glance_site + "massnahmen/")
    expect(count).to_have_text(f"{total} von {total} angezeigt")


def test_an_unknown_value_in_the_address_is_ignored(guarded_pages: GuardedPages, glance_site: str, planted: Catalog) -> None:
    page = guarded_pages.open(glance_site)
    page.goto(glance_site + "massnahmen/?status=gibt-es-nicht&overdue=ja")
    expect(page.get_by_label("Status", exact=True)).to_have_value("")
    expect(page.get_by_label("nur mit verstrichenem Zieltermin")).to_be_checked()
    overdue = planted.overdue_ids()
    expect(page.locator("[data-portal-count]")).to_have_text(f"{len(overdue)} von {len(planted.measures)} angezeigt")


def test_initiatives_and_timeline_filter_by_region_from_the_address(guarded_pages: GuardedPages, glance_site: str,
                                                                     planted: Catalog) -> None:
    page = guarded_pages.open(glance_site)
    page.goto(glance_site + "initiativen/?region=teststadt")
    expect(page.get_by_label("Region", exact=True)).to_have_value("teststadt")
    cards = page.locator("#initiativen-liste [data-portal-item]:visible h3")
    expect(cards).to_have_text([planted.initiatives["masterplan-test"].title])
    page.goto(glance_site + "initiativen/?region=land")
    expect(cards).to_have_count(len(planted.initiatives))

    entries = planted.timeline()
    page.goto(glance_site + "zeitleiste/?region=teststadt")
    expect(page.get_by_label("Region", exact=True)).to_have_value("teststadt")
    # The overview loads every milestone for its filters (docs/assets/timeline.js) and shows the matches.
    items = page.locator("#zeitleiste-treffer [data-portal-item]:visible")
    expect(items).to_have_count(sum("teststadt" in planted.region_path(planted.initiatives[e.initiative_id].region) for e in entries))
    page.get_by_label("Region", exact=True).select_option("")
    expect(page).to_have_url(glance_site + "zeitleiste/")
    expect(items).to_have_count(0)
    expect(page.locator("[data-portal-count]")).to_have_text(f"{len(entries)} von {len(entries)} angezeigt")


def test_start_page_bar_and_tiles_lead_to_the_static_lists(guarded_pages: GuardedPages, glance_site: str,
                                                           planted: Catalog) -> None:
    page = guarded_pages.open(glance_site, java_script_enabled=False)
    page.goto(glance_site)
    page.locator(".portal-tiles").get_by_role("link", name="beschlossen").click()
    expect(page).to_have_url(glance_site + "massnahmen/status/beschlossen/")
    beschlossen = [m for m in planted.measures if planted.status(m) == "beschlossen"]
    assert visible_titles(page, "ul.portal-measures > li > a:not(.portal-status)") == titles(planted, beschlossen)
    page.go_back()
    label = f"{len(beschlossen)} {labels.MEASURE_STATUS['beschlossen']}: Liste ansehen"
    page.locator("svg.portal-bar").get_by_role("link", name=label).click()
    expect(page).to_have_url(glance_site + "massnahmen/status/beschlossen/")


