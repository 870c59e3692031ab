"""What a reader does, in Debian's Chromium: search in German, click through from the start page to a
partner and back, filter the overviews, use the mobile menu and the colour scheme, and land on the
404 page. Every tab fails its test if it asks another host for anything (``guarded_pages``).

Expected values come from the content under ``data/`` as the domain reads it (``tests/content.py``),
not from the built HTML, so a test fails when the page shows something other than the content says.
No test names a record of the shipped content: editors' commits must never turn them red. What the
shipped content need not contain (a short name, a word in „quotes“) is planted in a copy of the mini
fixture (``planted_site``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from urllib.parse import urljoin

import pytest
from conftest import Build, GuardedPages, builds, mini_variant
from content import CATALOG
from playwright.sync_api import Page, expect
from search_queries import GUIDE_QUERIES, HOEFE, PLANTED, QUERIES, planted_search_site
from sitetools import serve

INITIATIVES = CATALOG.initiatives
MEASURES = CATALOG.measures
ORGANISATIONS = CATALOG.organisations
MILESTONES = [m for i in INITIATIVES.values() for m in i.milestones]


# A copy of tests/fixtures/mini with the search's second initiative (tests/search_queries.py), so that the
# initiative filters have a combination without any initiative.
PLANTED_INITIATIVE = ("dialog-test", PLANTED["initiatives/dialog-test.yaml"])
# Help and legal pages: the editors' guide, the method page and the legal pages.
SERVICE_PAGES = ("mitmachen/", "methode/", "impressum/", "datenschutz/", "barrierefreiheit/", "leichte-sprache/")


@pytest.fixture(scope="module")
@builds
def planted_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The mini content plus PLANTED_INITIATIVE, built and served. Yields the base URL."""
    build = mini_variant(tmp_path_factory.mktemp("planted"), write={
        f"initiatives/{PLANTED_INITIATIVE[0]}.yaml": PLANTED_INITIATIVE[1]})
    assert build.returncode == 0, build.output
    with serve(build.site) as url:
        yield url


def _status(measure_id: str) -> str:
    """A measure's current status: the last entry of its history (oldest first)."""
    return CATALOG.status(measure_id)


def _heading(text: str) -> re.Pattern[str]:
    """An h1 that starts with ``text`` (profiles may add a short name in brackets)."""
    return re.compile("^" + re.escape(text))


# --- Search ------------------------------------------------------------------------------------
# The portal's dialog (overrides/partials/search.html, docs/assets/search.js) asking Pagefind's index.
# Its links are addresses from the site root ("/initiativen/x/"), as Pagefind gives them.

@pytest.fixture(scope="module")
@builds
def search_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The mini content plus tests/search_queries.PLANTED, built, indexed and served. Yields the base URL."""
    build = planted_search_site(tmp_path_factory.mktemp("search"))
    assert build.returncode == 0, build.output
    with serve(build.site) as url:
        yield url


def _search(page: Page, base: str, query: str, *, everything: bool = False) -> list[str]:
    """Type ``query`` into the search dialog on the start page; the hits' addresses, best first.
    ``everything``: tick "auch Hilfe- und Rechtsseiten durchsuchen" first (where the index has it)."""
    page.goto(base)
    box = page.locator("#portal-search-query")
    box.click()
    scope = page.locator("[data-portal-search-scope]")
    if everything:
        page.wait_for_function("() => !document.querySelector('[data-portal-search-options]').hidden")
        scope.check()
    box.fill(query)
    status = page.locator("#portal-search-status")
    expect(status).to_have_text(re.compile(r"^(\d+|Keine) Treffer für „" + re.escape(query) + "“"))
    return [href.removeprefix("/") for href in
            page.locator("a.portal-search__link").evaluate_all("links => links.map(a => a.getAttribute('href'))")]


@pytest.mark.parametrize("initiative_id", sorted(INITIATIVES))
def test_search_finds_every_initiative_by_its_title(guarded_pages: GuardedPages, served_site: str,
                                                    initiative_id: str) -> None:
    page = guarded_pages.open(served_site)
    hits = _search(page, served_site, INITIATIVES[initiative_id].title)
    assert f"initiativen/{initiative_id}/" in hits[:3], hits
    page.locator(f'a.portal-search__link[href$="/initiativen/{initiative_id}/"]').click()
    expect(page).to_have_url(re.compile(re.escape(f"{served_site}initiativen/{initiative_id}/")))
    expect(page.locator("h1")).to_have_text(_heading(INITIATIVES[initiative_id].title))


def test_search_loads_pagefind_only_when_used_and_never_materials_search(guarded_pages: GuardedPages,
                                                                       search_site: str) -> None:
    """Reading a page loads no search at all; opening the search loads Pagefind from the site itself;
    Material's lunr index and worker are never asked for."""
    page = guarded_pages.open(search_site)
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(search_site + "initiativen/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in asked if "pagefind" in url], asked
    _search(page, search_site, "Breitband")
    assert f"{search_site}pagefind/pagefind.js" in asked
    assert not [url for url in asked if "search_index.json" in url or "workers/search" in url], asked


@pytest.mark.parametrize(("query", "path", "top"), QUERIES, ids=[q for q, _, _ in QUERIES])
def test_search_finds_german_as_people_type_it(guarded_pages: GuardedPages, search_site: str, query: str,
                                               path: str, top: int) -> None:
    """Word forms, years, ae/oe/ue/ss, compounds, short names: the page is among the first ``top`` hits."""
    page = guarded_pages.open(search_site)
    hits = _search(page, search_site, query)
    assert path in hits[:top], f"{query!r}: {path} nicht unter den ersten {top}: {hits[:10]}"


@pytest.mark.parametrize(("query", "path"), GUIDE_QUERIES, ids=[q for q, _ in GUIDE_QUERIES])
def test_guide_and_legal_pages_do_not_outrank_content(guarded_pages: GuardedPages, search_site: str, query: str,
                                                      path: str) -> None:
    """Even with help and legal pages searched too, the content page comes before them."""
    page = guarded_pages.open(search_site)
    hits = _search(page, search_site, query, everything=True)
    assert path in hits, hits
    service = [i for i, hit in enumerate(hits) if hit.startswith(SERVICE_PAGES)]
    assert all(hits.index(path) < i for i in service), hits
    # By default (the box unticked) they are not searched at all.
    assert not [hit for hit in _search(page, search_site, query) if hit.startswith(SERVICE_PAGES)]


def test_search_umlauts_typed_as_ae_oe_ue_find_what_the_umlaut_finds(guarded_pages: GuardedPages,
                                                                     search_site: str) -> None:
    page = guarded_pages.open(search_site)
    typed = _search(page, search_site, "Handwerkerhoefe")
    written = _search(page, search_site, "Handwerkerhöfe")
    assert written and set(written) <= set(typed), (typed, written)


def test_search_announces_the_number_of_hits(guarded_pages: GuardedPages, search_site: str) -> None:
    """A polite live region says how many hits the query has; the list shows the first ten, "weitere
    Treffer" the next ones, each hit with its kind of page, initiative, status and marked excerpt."""
    page = guarded_pages.open(search_site)
    status = page.locator("#portal-search-status")
    hits = _search(page, search_site, "Zukunftswerkstatt")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    expect(status).to_have_text(f"{len(hits)} Treffer für „Zukunftswerkstatt“" if len(hits) > 1
                                else "1 Treffer für „Zukunftswerkstatt“")
    _search(page, search_site, "Xylophonquartett")
    expect(status).to_have_text("Keine Treffer für „Xylophonquartett“")
    many = _search(page, search_site, "Test")
    assert len(many) == 10, many
    total = int(status.inner_text().split()[0])
    assert total > 10
    more = page.locator("[data-portal-search-more]")
    more.click()
    expect(page.locator(".portal-search__hit")).to_have_count(min(total, 20))
    # The first new hit has focus, so a keyboard reader goes on where the list grew.
    assert page.evaluate("document.activeElement.closest('li') === document.querySelectorAll('.portal-search__hit')[10]")
    # A measure's hit: kind, initiative and the site's status tag with icon and word.
    _search(page, search_site, "Handwerkerhöfe")
    hit = page.locator(".portal-search__hit", has=page.locator(f'a[href="/{HOEFE}"]'))
    expect(hit.locator(".portal-search__kind")).to_have_text("Maßnahme")
    expect(hit.locator(".portal-search__initiative")).to_contain_text("Initiative: Masterplan Test")
    expect(hit.locator("a.portal-status.portal-status--beschlossen svg")).to_have_count(1)
    expect(hit.locator("a.portal-status")).to_have_text("beschlossen")
    expect(hit.locator(".portal-search__excerpt mark").first).to_be_visible()


def test_search_filters_by_kind_with_counts(guarded_pages: GuardedPages, search_site: str) -> None:
    """The kind filter offers "Maßnahme" with its count under the query; choosing it shows exactly
    that many hits, all measures, and the live region says the list is narrowed."""
    page = guarded_pages.open(search_site)
    _search(page, search_site, "Test")
    status = page.locator("#portal-search-status")
    everything = int(status.inner_text().split()[0])
    kind = page.locator("#portal-search-filter-art")
    page.locator(".portal-search__filters summary").click()
    option = kind.locator("option", has_text=re.compile(r"^Maßnahme \(\d+\)$"))
    expect(option).to_have_count(1)
    counted = int(re.findall(r"\d+", option.inner_text())[-1])
    kind.select_option("Maßnahme")
    expect(page.locator("#portal-search-status")).to_have_text(re.compile(r"Treffer für „Test“ \(eingegrenzt\)"))
    narrowed = int(status.inner_text().split()[0])
    assert narrowed == counted and 0 < narrowed < everything
    kinds = page.locator(".portal-search__kind").all_inner_texts()
    assert kinds and set(kinds) == {"Maßnahme"}, kinds


# --- From the start page to a partner and back -------------------------------------------------

def _journey() -> tuple[str, str, str]:
    """(initiative, measure, organisation): the first measure that names an owner or a partner."""
    for measure_id in sorted(MEASURES):
        measure = MEASURES[measure_id]
        organisations = ([measure.owner] if measure.owner else []) + measure.partners
        if organisations:
            return measure.initiative, measure_id, organisations[0]
    raise AssertionError("keine Maßnahme mit verantwortlicher Organisation oder Partner in data/measures")


def test_reader_goes_from_start_to_initiative_measure_partner_and_back(guarded_pages: GuardedPages,
                                                                        served_site: str) -> None:
    initiative_id, measure_id, org_id = _journey()
    initiative, measure = INITIATIVES[initiative_id].title, MEASURES[measure_id].title
    organisation = ORGANISATIONS[org_id].name
    content = "article.md-content__inner"
    page = guarded_pages.open(served_site)
    h1 = page.locator("h1")

    def at(path: str, heading: str) -> None:
        expect(page).to_have_url(served_site + path)
        expect(h1).to_have_count(1)
        expect(h1).to_have_text(_heading(heading))

    page.goto(served_site)
    page.locator(content).get_by_role("link", name=initiative, exact=True).first.click()
    at(f"initiativen/{initiative_id}/", initiative)
    page.locator(content).get_by_role("link", name=measure, exact=True).first.click()
    at(f"massnahmen/{measure_id}/", measure)
    # The partner link sits in the measure's facts (Verantwortlich / Partner).
    page.locator(".portal-facts").get_by_role("link", name=organisation, exact=True).click()
    at(f"partner/{org_id}/", organisation)

    # Back with the browser's history, and forward again.
    page.go_back()
    at(f"massnahmen/{measure_id}/", measure)
    page.go_forward()
    at(f"partner/{org_id}/", organisation)

    # Back by links: the partner page lists the measure, the measure names its initiative.
    page.locator(content).get_by_role("link", name=measure, exact=True).first.click()
    at(f"massnahmen/{measure_id}/", measure)
    page.locator(".portal-facts").get_by_role("link", name=initiative, exact=True).click()
    at(f"initiativen/{initiative_id}/", initiative)
    page.locator("header a.md-logo").click()
    expect(page).to_have_url(served_site)


# --- Filters on the overviews and the timeline -------------------------------------------------
# tests/test_browser.py covers: initiatives by region + reset, measures overdue + initiative,
# timeline by initiative + status. Here: the other fields, combinations against the data, empty
# results, reset on every list, the keyboard, and the lists without JavaScript.

def _topic_and_status() -> tuple[str, str]:
    """A topic of measures and the most common status among them. Preferably both narrow the list
    (the topic leaves out measures, the status some of the topic's); then the topic with most measures."""
    candidates = []
    for topic in sorted({t for m in MEASURES.values() for t in m.topics}):
        with_topic = [mid for mid in MEASURES if topic in MEASURES[mid].topics]
        statuses = Counter(_status(mid) for mid in with_topic)
        status = min(statuses, key=lambda key: (-statuses[key], key))
        narrows = (statuses[status] < len(with_topic), len(with_topic) < len(MEASURES))
        candidates.append((not all(narrows), not any(narrows), -len(with_topic), topic, status))
    assert candidates, "keine Maßnahme hat ein Thema: der Themenfilter der Maßnahmenliste hat nichts zu filtern"
    *_, topic, status = min(candidates)
    return topic, status


def test_measure_filters_combine_topic_and_status_and_reset(guarded_pages: GuardedPages, served_site: str) -> None:
    topic, status = _topic_and_status()
    with_topic = {mid: m for mid, m in MEASURES.items() if topic in m.topics}
    expected = sorted(m.title for mid, m in with_topic.items() if _status(mid) == status)
    assert 0 < len(expected) <= len(with_topic)

    page = guarded_pages.open(served_site)
    page.goto(served_site + "massnahmen/")
    count = page.locator("[data-portal-count]")
    total = len(MEASURES)
    page.get_by_label("Thema", exact=True).select_option(topic)
    expect(count).to_have_text(f"{len(with_topic)} von {total} angezeigt")
    page.get_by_label("Status", exact=True).select_option(status)
    expect(count).to_have_text(f"{len(expected)} von {total} angezeigt")
    assert sorted(page.locator("#massnahmen-liste [data-portal-item]:visible > a:not(.portal-status)").all_inner_texts()) == expected
    # Only the group of the chosen status keeps its heading.
    expect(page.locator("#massnahmen-liste section:visible")).to_have_count(1)
    expect(page.locator(f"#massnahmen-liste section:visible h2#status-{status}")).to_have_count(1)

    page.get_by_role("button", name="Filter zurücksetzen").click()
    expect(count).to_have_text(f"{total} von {total} angezeigt")
    expect(page.locator("#massnahmen-liste [data-portal-item]:visible")).to_have_count(total)
    expect(page.get_by_label("Thema", exact=True)).to_have_value("")
    expect(page.get_by_label("Status", exact=True)).to_have_value("")
    assert page.url == served_site + "massnahmen/"  # filtering stays on the page, nothing is reloaded


def test_initiative_filters_can_show_nothing_and_say_so(guarded_pages: GuardedPages, planted_site: str) -> None:
    # A kind and a region that no initiative has together: on the planted site, where the mini
    # fixture's masterplan is in "teststadt" and the planted dialog in "land", above it (the region
    # filter finds what lies below a region, so "land" would find the masterplan too). (The shipped
    # content need not have such a pair: with one initiative, or one kind, every pair is taken.)
    kind, region = "dialog", "teststadt"
    page = guarded_pages.open(planted_site)
    page.goto(planted_site + "initiativen/")
    page.get_by_label("Art", exact=True).select_option(kind)
    expect(page.locator("[data-portal-count]")).to_have_text("1 von 2 angezeigt")
    page.get_by_label("Region", exact=True).select_option(region)
    expect(page.locator("[data-portal-count]")).to_have_text("0 von 2 angezeigt")
    expect(page.locator("#initiativen-liste [data-portal-item]:visible")).to_have_count(0)
    expect(page.locator("#initiativen-liste section:visible")).to_have_count(0)


def test_timeline_filters_by_kind_and_status_and_reset(guarded_pages: GuardedPages, served_site: str) -> None:
    milestones = MILESTONES
    assert milestones, "keine Initiative hat einen Meilenstein: die Zeitleiste ist leer"
    kinds = Counter(m.kind for m in milestones)
    kind = min(kinds, key=lambda key: (-kinds[key], key))
    of_kind = [m for m in milestones if m.kind == kind]
    page = guarded_pages.open(served_site)
    page.goto(served_site + "zeitleiste/")
    count = page.locator("[data-portal-count]")
    # The overview loads every milestone for its filters (docs/assets/timeline.js) and shows the matches.
    titles = page.locator("#zeitleiste-treffer [data-portal-item]:visible .portal-timeline__title strong")
    expect(count).to_have_text(f"{len(milestones)} von {len(milestones)} angezeigt")
    page.get_by_label("Art", exact=True).select_option(kind)
    expect(count).to_have_text(f"{len(of_kind)} von {len(milestones)} angezeigt")
    assert sorted(titles.all_inner_texts()) == sorted(m.title for m in of_kind)
    for status in ("stattgefunden", "angekuendigt"):
        page.get_by_label("Stand", exact=True).select_option(status)
        expect(titles).to_have_count(sum(m.status == status for m in of_kind))
    page.get_by_role("button", name="Filter zurücksetzen").click()
    expect(count).to_have_text(f"{len(milestones)} von {len(milestones)} angezeigt")
    expect(titles).to_have_count(0)  # no filter: the overview lists the years, each with its page


def test_filters_work_with_the_keyboard(guarded_pages: GuardedPages, served_site: str) -> None:
    page = guarded_pages.open(served_site)
    page.goto(served_site + "initiativen/")
    count = page.locator("[data-portal-count]")
    kind = page.get_by_label("Art", exact=True)
    kind.focus()
    page.keyboard.press("ArrowDown")  # a closed <select> takes the next option and fires "change"
    chosen = kind.input_value()
    assert chosen != ""
    of_kind = sum(i.kind == chosen for i in INITIATIVES.values())
    expect(count).to_have_text(f"{of_kind} von {len(INITIATIVES)} angezeigt")
    reset = page.get_by_role("button", name="Filter zurücksetzen")
    for _ in range(5):  # Art → Region → Status → reset button
        if reset.evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(reset).to_be_focused()
    page.keyboard.press("Enter")
    expect(count).to_have_text(f"{len(INITIATIVES)} von {len(INITIATIVES)} angezeigt")

    page.goto(served_site + "massnahmen/")
    overdue = page.get_by_label("nur mit verstrichenem Zieltermin")
    overdue.focus()
    page.keyboard.press("Space")
    expect(overdue).to_be_checked()
    # Exactly the measures overdue today, however many that are (test_browser.py checks the mini site's).
    expected = len(CATALOG.overdue_ids())
    expect(page.locator("#massnahmen-liste [data-portal-item]:visible")).to_have_count(expected)
    expect(page.locator("[data-portal-count]")).to_have_text(f"{expected} von {len(MEASURES)} angezeigt")


@pytest.mark.parametrize(("path", "items", "total"), [
    ("initiativen/", "#initiativen-liste [data-portal-item]", len(INITIATIVES)),
    ("massnahmen/", "#massnahmen-liste [data-portal-item]", len(MEASURES)),
])
def test_without_javascript_lists_are_complete_and_the_form_stays_hidden(
        guarded_pages: GuardedPages, served_site: str, path: str, items: str, total: int) -> None:
    page = guarded_pages.open(served_site, java_script_enabled=False)
    page.goto(served_site + path)
    expect(page.locator("form[data-portal-filter]")).to_be_hidden()
    expect(page.locator(f"{items}:visible")).to_have_count(total)


def test_without_javascript_the_timeline_years_hold_every_milestone(guarded_pages: GuardedPages, served_site: str) -> None:
    # The overview lists the years (the filter loads every entry only with JavaScript); the year pages
    # and their further pages, followed without JavaScript, show every milestone exactly once.
    page = guarded_pages.open(served_site, java_script_enabled=False)
    page.goto(served_site + "zeitleiste/")
    expect(page.locator("form[data-portal-filter]")).to_be_hidden()
    years = [a.get_attribute("href") or "" for a in page.locator("#zeitleiste-liste > li > a").all()]
    seen: list[str] = []
    for href in years:
        queue = [urljoin(served_site + "zeitleiste/", href)]
        while queue:
            url = queue.pop()
            page.goto(url)
            seen += page.locator("#zeitleiste-liste li.portal-timeline__item:visible .portal-timeline__title strong").all_inner_texts()
            following = page.locator("nav.portal-pager a[rel=next]")
            if following.count():
                queue.append(urljoin(url, following.first.get_attribute("href") or ""))
    assert sorted(seen) == sorted(m.title for m in MILESTONES)


# --- Mobile menu, colour scheme, 404 -----------------------------------------------------------

def test_mobile_menu_opens_navigates_and_closes(guarded_pages: GuardedPages, served_site: str) -> None:
    page = guarded_pages.open(served_site, width=375, height=740, has_touch=True)
    page.goto(served_site)
    drawer = page.locator("#__drawer")
    hamburger = page.locator('header label[for="__drawer"]')
    nav = page.locator("nav.md-nav--primary")
    timeline = nav.get_by_role("link", name="Zeitleiste", exact=True)
    expect(hamburger).to_be_visible()
    # Closed, the drawer sits beside the screen: rendered, but out of the viewport.
    expect(timeline).not_to_be_in_viewport()

    hamburger.click()
    expect(drawer).to_be_checked()
    for name in ("Start", "Initiativen", "Maßnahmen", "Partner", "Zeitleiste", "Presse", "Quellen"):
        expect(nav.get_by_role("link", name=name, exact=True)).to_be_in_viewport()
    timeline.click()
    expect(page).to_have_url(served_site + "zeitleiste/")
    expect(page.locator("h1")).to_have_text("Zeitleiste")
    expect(drawer).not_to_be_checked()  # a new page starts with the menu closed

    hamburger.click()
    # The current page has a table of contents: Material shows its entry as the toggle that opens it
    # (a label; the link itself is hidden on phones).
    current = nav.locator("label.md-nav__link--active")
    expect(current).to_have_text("Zeitleiste")
    expect(current).to_be_in_viewport()
    # The shaded rest of the screen closes the menu.
    page.locator("label.md-overlay").click(position={"x": 360, "y": 400})
    expect(drawer).not_to_be_checked()
    expect(current).not_to_be_in_viewport()


def test_colour_scheme_toggle_switches_persists_and_speaks_german(guarded_pages: GuardedPages,
                                                                  served_site: str) -> None:
    page = guarded_pages.open(served_site, color_scheme="light")
    page.goto(served_site)
    body = page.locator("body")
    toggle = page.locator('form[data-md-component="palette"] label:visible')
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    expect(toggle).to_have_count(1)
    expect(toggle).to_have_attribute("title", "Dunkles Farbschema")

    toggle.click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    expect(toggle).to_have_attribute("title", "Helles Farbschema")
    stored = page.evaluate("Object.entries(localStorage).filter(([k]) => k.endsWith('__palette')).map(([, v]) => v)")
    assert len(stored) == 1 and '"scheme":"slate"' in stored[0]

    # The choice outlives a reload and holds on other pages.
    page.reload()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.goto(served_site + "zeitleiste/")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")

    toggle.click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.reload()
    expect(body).to_have_attribute("data-md-color-scheme", "default")


@pytest.mark.parametrize("missing", ["gibt-es-nicht/", "initiativen/gibt-es-nicht/"])
def test_missing_address_shows_the_404_page_with_a_way_home(guarded_pages: GuardedPages, served_site: str,
                                                            real_site: Build, missing: str) -> None:
    page = guarded_pages.open(served_site)
    response = page.goto(served_site + missing)
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("Seite nicht gefunden")
    # A link in the page's content (not only the header) that leads to the start page.
    hrefs = page.locator(".md-content a").evaluate_all("links => links.map(a => a.href)")
    assert served_site in hrefs, f"kein Link zur Startseite im Inhalt: {hrefs}"
    page.locator(".md-content a").nth(hrefs.index(served_site)).click()
    expect(page).to_have_url(served_site)
    start = real_site.html("").find("h1")
    assert start is not None
    expect(page.locator("h1")).to_have_text(start.get_text(strip=True))


def test_served_pages_stay_on_the_own_origin(guarded_pages: GuardedPages, served_site: str) -> None:
    """The guard itself works: a request to another host is recorded (and fails in Chromium)."""
    # bypass_csp: the pages' policy (connect-src 'self') would stop the fetch before any request.
    page = guarded_pages.open(served_site, bypass_csp=True)
    page.goto(served_site)
    page.evaluate("fetch('http://example.org/').catch(() => null)")
    page.wait_for_timeout(200)
    assert guarded_pages.foreign == ["http://example.org/"]
    guarded_pages.foreign.clear()  # planted on purpose; the check after the test must pass
