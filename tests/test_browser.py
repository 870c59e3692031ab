"""In Debian's Chromium: the overview filters work, and no page asks another host for anything.

Expected values come from the shipped content as the domain reads it (``tests/content.py``), so the
tests hold whatever editors commit; states the content may lack today are checked on the mini site."""

from __future__ import annotations

import re

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from content import (CATALOG, DOCUMENT, INITIATIVE, INITIATIVE_REGION, MEASURE, ORGANISATION, PERSON, REGION, TOPIC,
                     initiatives_with_region, most)
from content import url as record_url
from playwright.sync_api import Browser, Page, expect


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.requests = requests  # type: ignore[attr-defined]
    yield tab
    context.close()


def test_initiative_filters(page: Page, served_site: str) -> None:
    total = len(CATALOG.initiatives)
    in_region = initiatives_with_region(INITIATIVE_REGION)
    # Shown grouped by kind in the vocabulary's order, by title within a kind.
    groups = [(label, [iid for iid in ids if iid in in_region]) for _, label, ids in CATALOG.initiatives_by_kind()]
    groups = [(label, ids) for label, ids in groups if ids]
    page.goto(served_site + "initiativen/")
    form = page.locator("form[data-portal-filter]")
    assert form.is_visible()
    cards = page.locator("#initiativen-liste [data-portal-item]")
    assert cards.count() == total
    assert form.locator("output").inner_text() == f"{total} von {total} angezeigt"
    page.get_by_label("Region").select_option(INITIATIVE_REGION)
    assert form.locator("output").inner_text() == f"{len(in_region)} von {total} angezeigt"
    visible = page.locator("#initiativen-liste [data-portal-item]:visible h3")
    assert visible.all_inner_texts() == [CATALOG.initiatives[iid].title for _, ids in groups for iid in ids]
    # Groups without a visible initiative disappear with their heading.
    assert page.locator("#initiativen-liste section:visible h2").all_inner_texts() == [label for label, _ in groups]
    page.get_by_role("button", name="Filter zurücksetzen").click()
    # expect() polls from Playwright's side: wait_for_function would evaluate a string in the page,
    # which the pages' Content-Security-Policy (no 'unsafe-eval') forbids.
    expect(page.locator("[data-portal-count]")).to_have_text(f"{total} von {total} angezeigt")


def test_measure_filters_find_overdue_measures(page: Page, served_site: str) -> None:
    """Whatever is overdue today (possibly nothing): the checkbox shows exactly that, and the
    initiative filter narrows it further. The mini site below always has an overdue measure."""
    overdue = CATALOG.overdue_ids()
    page.goto(served_site + "massnahmen/")
    total = page.locator("#massnahmen-liste [data-portal-item]").count()
    assert total == len(CATALOG.measures)
    page.get_by_label("nur mit verstrichenem Zieltermin").check()
    visible = page.locator("#massnahmen-liste [data-portal-item]:visible")
    expect(visible).to_have_count(len(overdue))  # once the filter data has loaded
    for text in visible.all_inner_texts():
        assert re.search(r"Zieltermin \S.* verstrichen", text), text
    # The initiative with the most overdue measures (any initiative when nothing is overdue).
    initiative = most(CATALOG.initiatives, lambda key: sum(CATALOG.measures[m].initiative == key for m in overdue))
    expected = sorted(CATALOG.measures[m].title for m in overdue if CATALOG.measures[m].initiative == initiative)
    page.get_by_label("Initiative", exact=True).select_option(initiative)
    assert sorted(page.locator("#massnahmen-liste [data-portal-item]:visible > a:not(.portal-status)").all_inner_texts()) == expected


def test_measure_filters_find_overdue_measures_on_the_mini_site(page: Page, served_mini: str) -> None:
    # tests/fixtures/mini: "Glasfaser bis 2020" is overdue on the fixed date, "Erledigte Maßnahme" is done.
    page.goto(served_mini + "massnahmen/")
    items = page.locator("#massnahmen-liste [data-portal-item]")
    assert items.count() == 2
    page.get_by_label("nur mit verstrichenem Zieltermin").check()
    visible = page.locator("#massnahmen-liste [data-portal-item]:visible")
    # The filter answers once massnahmen/filter.json has loaded: wait for it, as a reader does.
    expect(visible).to_have_count(1)
    assert "Glasfaser bis 2020" in visible.first.inner_text() and "Zieltermin 2020 verstrichen" in visible.first.inner_text()
    assert page.locator("[data-portal-count]").inner_text() == "1 von 2 angezeigt"


def _detail_pages() -> list[str]:
    """The start page, the overviews with lists, and one page of each record type."""
    return ["", "initiativen/", record_url("initiatives", INITIATIVE), record_url("measures", MEASURE),
            record_url("organisations", ORGANISATION), record_url("people", PERSON), "zeitleiste/",
            record_url("documents", DOCUMENT), record_url("topics", TOPIC), record_url("regions", REGION), "presse/"]


@pytest.mark.parametrize("url", _detail_pages())
def test_pages_request_nothing_from_other_hosts(page: Page, served_site: str, url: str) -> None:
    page.goto(served_site + url, wait_until="networkidle")
    own = urlsplit(served_site).netloc
    foreign = [r for r in page.requests if urlsplit(r).netloc not in (own, "")]  # type: ignore[attr-defined]
    assert foreign == []
    assert page.locator("h1").count() == 1


def test_timeline_filter_by_initiative(page: Page, served_site: str) -> None:
    # The initiative with the most milestones; its entries under their years, newest year first, as the
    # overview's year pages (portal.archives): the overview loads every milestone for its filters.
    initiative = most(CATALOG.initiatives, lambda key: len(CATALOG.timeline(key)))
    groups = [(g.heading, [e for e in g.paged.items if e.initiative_id == initiative]) for g in CATALOG.archives["zeitleiste"]]
    groups = [(heading, entries) for heading, entries in groups if entries]
    assert groups, "keine Initiative hat einen Meilenstein"
    page.goto(served_site + "zeitleiste/")
    page.get_by_label("Initiative", exact=True).select_option(initiative)
    visible = page.locator("#zeitleiste-treffer [data-portal-item]:visible .portal-timeline__title strong")
    expect(visible).to_have_count(sum(len(entries) for _, entries in groups))
    assert visible.all_inner_texts() == [e.milestone.title for _, entries in groups for e in entries]
    assert page.locator("#zeitleiste-treffer section:visible h3").all_inner_texts() == [heading for heading, _ in groups]
    page.get_by_label("Stand", exact=True).select_option("angekuendigt")
    expect(visible).to_have_count(sum(e.milestone.status == "angekuendigt" for _, entries in groups for e in entries))
    page.get_by_role("button", name="Filter zurücksetzen").click()
    expect(page.locator("#zeitleiste-treffer")).to_be_hidden()


@pytest.mark.parametrize("url", ["initiativen/", "massnahmen/", "zeitleiste/"])
def test_showing_the_filters_moves_nothing(page: Page, served_site: str, url: str) -> None:
    # The filter form's space and its count are there before portal.js runs (Lighthouse: layout shift).
    page.add_init_script("window.__shifts = []; new PerformanceObserver(list => list.getEntries()"
                         ".forEach(e => window.__shifts.push(e.value))).observe({type: 'layout-shift', buffered: true});")
    page.set_viewport_size({"width": 412, "height": 823})
    page.goto(served_site + url)
    page.wait_for_load_state("networkidle")
    assert page.locator("form[data-portal-filter]").is_visible()
    assert page.evaluate("window.__shifts") == []
