"""In Debian's Chromium: the overview filters work, and no page asks another host for anything."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page


@pytest.fixture()
def page(browser: Browser, served_site: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.requests = requests  # type: ignore[attr-defined]
    yield tab
    context.close()


def test_initiative_filters(page: Page, served_site: str) -> None:
    page.goto(served_site + "initiativen/")
    form = page.locator("form[data-portal-filter]")
    assert form.is_visible()
    cards = page.locator("#initiativen-liste [data-portal-item]")
    assert cards.count() == 6
    assert form.locator("output").inner_text() == "6 von 6 angezeigt"
    page.get_by_label("Region").select_option("duisburg")
    assert form.locator("output").inner_text() == "1 von 6 angezeigt"
    visible = page.locator("#initiativen-liste [data-portal-item]:visible h3")
    assert visible.all_inner_texts() == ["Masterplan für Duisburgs wirtschaftliche Zukunft"]
    # Groups without a visible initiative disappear with their heading.
    assert page.locator("#initiativen-liste section:visible h2").all_inner_texts() == ["Masterplan"]
    page.get_by_role("button", name="Filter zurücksetzen").click()
    page.wait_for_function("document.querySelector('[data-portal-count]').textContent === '6 von 6 angezeigt'")


def test_measure_filters_find_overdue_measures(page: Page, served_site: str) -> None:
    page.goto(served_site + "massnahmen/")
    total = page.locator("#massnahmen-liste [data-portal-item]").count()
    assert total == 38
    page.get_by_label("nur mit verstrichenem Zieltermin").check()
    visible = page.locator("#massnahmen-liste [data-portal-item]:visible")
    assert 0 < visible.count() < total
    for text in visible.all_inner_texts():
        assert "Zieltermin verstrichen" in text
    page.get_by_label("Initiative", exact=True).select_option("zukunftsdialog-industrie-nrw")
    assert visible.count() == 1
    assert "Industriepolitisches Leitbild" in visible.first.inner_text()


@pytest.mark.parametrize("url", ["", "initiativen/", "initiativen/staerkungsinitiative-industrie-muelheim/",
                                 "massnahmen/duisburg-breitband-glasfaser/", "partner/ihk-duesseldorf/",
                                 "personen/mona-neubaur/", "zeitleiste/", "quellen/loi-zukunftsdialog-industrie/",
                                 "themen/flaechen/", "regionen/ruhrgebiet/", "presse/"])
def test_pages_request_nothing_from_other_hosts(page: Page, served_site: str, url: str) -> None:
    page.goto(served_site + url, wait_until="networkidle")
    own = urlsplit(served_site).netloc
    foreign = [r for r in page.requests if urlsplit(r).netloc not in (own, "")]  # type: ignore[attr-defined]
    assert foreign == []
    assert page.locator("h1").count() == 1


def test_timeline_filter_by_initiative(page: Page, served_site: str) -> None:
    page.goto(served_site + "zeitleiste/")
    page.get_by_label("Initiative", exact=True).select_option("staerkungsinitiative-industrie-muelheim")
    visible = page.locator("#zeitleiste-liste [data-portal-item]:visible .portal-timeline__title strong")
    assert visible.all_inner_texts() == ["Industriekonferenz beschließt 33 Projekte", "Industriekonferenz berät über den Stand der Umsetzung"]
    assert page.locator("#zeitleiste-liste section:visible h2").all_inner_texts() == ["2017", "2018"]
    page.get_by_label("Stand").select_option("angekuendigt")
    assert visible.count() == 1


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
