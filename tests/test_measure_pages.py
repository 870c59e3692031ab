"""Bounded measure pages that still lead to every measure (issue 14, items 4 and 6, measures side).

A real build of the mini content with a second initiative in "land" and a few dozen measures, in a
scratch copy of the project whose page sizes (the constants in hooks/portal/selections.py) are
lowered, so that every list needs several pages: the overview shows only its first page, the list
of every measure continues on …/massnahmen/seite/N/, topics and regions have facet lists, and the
filter data (/massnahmen/filter.json) holds every measure. Without JavaScript every measure is
reached by page links; with it (Chromium), the filters find exactly the catalog's matches across all
pages and keep their state in the address. Expected values come from the catalog of the same content
with the same page sizes."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from urllib.parse import urljoin

import pytest
from conftest import EPOCH, ROOT, Build, GuardedPages, builds, mini_project, run_build
from playwright.sync_api import Browser, Page, expect
from sitetools import serve
from test_html_validity import VNU, is_material_toggle

from portal import selections
from portal.catalog import Catalog
from portal.check import load_valid
from portal.measure_index import decode_rows

TODAY = dt.datetime.fromtimestamp(int(EPOCH), dt.UTC).date()
# Small page sizes: every list of this content needs several pages.
SMALL = {"PAGE_SIZE": 4, "OVERVIEW_PAGE_SIZE": 3, "GROUP_LIMIT": 2, "CARD_LIMIT": 1, "PRESS_LIMIT": 1, "LIST_LIMIT": 2}
# A title with the characters HTML treats specially that the content check lets through (it refuses
# angle brackets and character references in titles): the script shows it as the server does.
HOSTILE = 'Vorhaben 05 & "zitiert" „Anführung“ \'einfach\''
STATUSES = ["empfohlen", "beschlossen", "in_umsetzung", "abgeschlossen", "angekuendigt"]


def _measure(n: int) -> str:
    initiative = "dialog-land" if n % 2 else "masterplan-test"
    topics = ["flaechen"] if n % 3 == 0 else ["fachkraefte"] if n % 3 == 1 else []
    target = 'target: "2019"\n' if n % 4 == 0 else ""
    title = json.dumps(HOSTILE if n == 5 else f"Vorhaben {n:02d}", ensure_ascii=False)
    return (f"initiative: {initiative}\ntitle: {title}\ntopics: {json.dumps(topics)}\n{target}"
            f'history: [{{date: "2017-03-16", status: {STATUSES[n % 5]}, sources: [pm-eins]}}]\nsources: [pm-eins]\n')


CONTENT = {
    "topics/fachkraefte.yaml": "name: Fachkräfte\n",
    "initiatives/dialog-land.yaml": """title: Dialog im Land
kind: dialog
region: land
topics: [flaechen]
history: [{date: "2017-03-20", status: laufend, sources: [pm-eins]}]
start: "2017"
summary: Ein Dialog auf Landesebene.
sources: [pm-eins]
""",
    **{f"measures/vorhaben-{n:02d}.yaml": _measure(n) for n in range(17)},
}


@pytest.fixture(scope="module", autouse=True)
def small_pages() -> Iterator[None]:
    """The same page sizes in this process as in the build's copy of the hooks."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in SMALL.items():
            patch.setattr(selections, name, value)
        yield


@pytest.fixture(scope="module")
def catalog(small_pages: None, tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    from conftest import mini_data
    data = mini_data(tmp_path_factory.mktemp("measures-data") / "data", write=CONTENT)
    loaded, problems = load_valid(data, TODAY)
    assert not problems, problems
    return Catalog(loaded.records, TODAY)


@pytest.fixture(scope="module")
@builds
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = mini_project(tmp_path_factory.mktemp("measures"), write=CONTENT)
    module = root / "hooks" / "portal" / "selections.py"
    source = module.read_text(encoding="utf-8")
    for name, value in SMALL.items():
        source, count = re.subn(rf"^{name} = \d+", f"{name} = {value}", source, flags=re.M)
        assert count == 1, name
    module.write_text(source, encoding="utf-8")
    build = run_build(root)
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def served(built: Build) -> Iterator[str]:
    with serve(built.site) as url:
        yield url


def listed(build: Build, url: str) -> list[str]:
    """The measures a list page shows, in order (items of its lists; the script's <template> holds none)."""
    page = build.html(url)
    found = []
    for a in page.select("article ul.portal-measures > li[data-portal-item] > a:first-child"):
        match = re.fullmatch(r"/massnahmen/([a-z0-9-]+)/", urljoin("/" + url, a["href"]))
        assert match, a
        found.append(match[1])
    return found


def chain(build: Build, first: str) -> list[list[str]]:
    """The measures of every page of a list, following its "nächste Seite" links from ``first``."""
    pages, url = [], first
    while url:
        pages.append(listed(build, url))
        following = build.html(url).select_one("nav.portal-pages p a")
        url = urljoin("/" + url, following["href"]).lstrip("/") if following else ""
        assert len(pages) < 50, "Seitenlinks im Kreis"
    return pages


def test_every_measure_is_reachable_without_javascript_from_the_overview(built: Build, catalog: Catalog) -> None:
    pages = chain(built, "massnahmen/")
    assert [len(p) for p in pages[:-1]] == [SMALL["OVERVIEW_PAGE_SIZE"]] * (len(pages) - 1)
    assert 0 < len(pages[-1]) <= SMALL["OVERVIEW_PAGE_SIZE"]
    every = [mid for page in pages for mid in page]
    assert sorted(every) == sorted(catalog.measures)  # each once
    assert every == catalog.measure_selection("all")  # by status, then title
    assert built.html("massnahmen/seite/2/").find("h1").get_text() == f"Alle Maßnahmen, die die Quellen nennen – Seite 2 von {len(pages)}"
    overview = built.html("massnahmen/")
    assert overview.select_one("[data-portal-page-note]").get_text(" ", strip=True).startswith(
        f"Hier die ersten {SMALL['OVERVIEW_PAGE_SIZE']} nach Status und Titel, Seite 1 von {len(pages)}.")
    # The headings count every measure of their status, not only those on the page.
    for heading in overview.select("#massnahmen-liste h2"):
        key = heading["id"].removeprefix("status-")
        assert heading.select_one("[data-portal-group-count]").get_text() == str(len(catalog.measure_selection("status", key)))


@pytest.mark.parametrize("name", ["topic", "region"])
def test_facet_lists_hold_exactly_their_measures(built: Build, catalog: Catalog, name: str) -> None:
    keys = catalog.facet_keys(name)
    assert len(keys) >= 2
    for key in keys:
        expected = catalog.measures_of_topic(key) if name == "topic" else catalog.measures_in_region(key)
        pages = chain(built, catalog.selection_url(name, key))
        assert [mid for page in pages for mid in page] == catalog.measure_selection(name, key)
        assert sorted(mid for page in pages for mid in page) == sorted(expected)
        assert all(len(page) <= SMALL["PAGE_SIZE"] for page in pages)


def test_filter_data_rows_equal_the_catalog(built: Build, catalog: Catalog) -> None:
    data = json.loads((built.site / "massnahmen" / "filter.json").read_text(encoding="utf-8"))
    rows = decode_rows(data)
    assert list(rows) == catalog.measure_selection("all")
    for mid, row in rows.items():
        measure = catalog.measures[mid]
        assert row["title"] == measure.title
        assert row["status"] == catalog.status(mid)
        assert row["initiative"] == measure.initiative
        assert row["regions"] == catalog.measure_regions(mid)
        assert row["topics"] == list(measure.topics)
        assert row["overdue"] == catalog.is_overdue(mid)
        assert row["target"] == ([measure.target.iso(), measure.target.german()] if measure.target else None)


@pytest.mark.parametrize(("url", "name", "key"), [("themen/flaechen/", "topic", "flaechen"), ("regionen/land/", "region", "land")])
def test_topic_and_region_pages_are_bounded_and_link_the_full_lists(built: Build, catalog: Catalog, url: str, name: str,
                                                                    key: str) -> None:
    page = built.html(url)
    ids = catalog.measure_selection(name, key)
    groups = page.select("section.portal-groups")
    assert [len(g.select("ul.portal-measures > li")) for g in groups] == [
        min(len(group), SMALL["GROUP_LIMIT"]) for _, _, group in catalog.by_status(ids)]
    facet = "../../" + catalog.selection_url(name, key)
    assert page.select_one(f"#massnahmen ~ p a[href='{facet}']").get_text().startswith(f"Alle {len(ids)} Maßnahmen")
    # A cut group links the facet page where its status begins.
    for group, (status, _, members) in zip(groups, catalog.by_status(ids), strict=True):
        if len(members) > SMALL["GROUP_LIMIT"]:
            assert group.find_all("a")[-1]["href"] == "../../" + catalog.facet_status_url(name, key, status) + f"#status-{status}"
    cards = page.select("#initiativen ~ article.portal-card")
    assert len(cards) == SMALL["CARD_LIMIT"]
    assert len(page.select("#weitere-initiativen + ul.portal-links > li")) == len(
        catalog.with_topic(key)["initiatives"] if name == "topic" else catalog.initiatives_in(key)) - SMALL["CARD_LIMIT"]
    # The footer names the sources of what the page shows.
    footer = [a["href"] for a in page.select("footer.portal-stand ul a[href*='quellen/']")]
    sources = catalog.topic_page_sources(key) if name == "topic" else catalog.region_page_sources(key)
    assert sorted(footer) == sorted(f"../../quellen/{doc}/" for doc in sources)


@pytest.mark.parametrize("url", ["massnahmen/", "massnahmen/seite/2/", "massnahmen/thema/flaechen/2/", "massnahmen/region/land/"])
def test_new_list_pages_have_a_table_of_contents_and_a_dated_footer(built: Build, url: str) -> None:
    page = built.html(url)
    toc = [a["href"] for a in page.select(".md-sidebar--secondary nav.md-nav--secondary a.md-nav__link")]
    headings = ["#" + h["id"] for h in page.select("article h2[id]") if not h.find_parent("template")]
    assert [href for href in toc if href != "#inhalt"] == headings
    assert "Inhalt zuletzt geändert am" in page.select_one("footer.portal-stand").get_text()


def visible_titles(page: Page) -> list[str]:
    return sorted(page.locator("#massnahmen-liste [data-portal-item]:visible > a:not(.portal-status)").all_inner_texts())


def show_all(page: Page) -> None:
    """Press "Weitere … anzeigen" until every match is shown."""
    more = page.locator("[data-portal-more]")
    while more.is_visible():
        before = page.locator("#massnahmen-liste [data-portal-item]").count()
        more.click()
        expect(page.locator("#massnahmen-liste [data-portal-item]")).not_to_have_count(before)


def test_filters_find_every_match_across_all_pages(guarded_pages: GuardedPages, served: str, catalog: Catalog) -> None:
    total = len(catalog.measures)
    page = guarded_pages.open(served)
    page.goto(served + "massnahmen/?initiative=dialog-land")
    count = page.locator("[data-portal-count]")
    wanted = [m for m in catalog.measure_selection("all") if catalog.measures[m].initiative == "dialog-land"]
    assert len(wanted) > SMALL["OVERVIEW_PAGE_SIZE"]
    expect(count).to_have_text(f"{len(wanted)} von {total} angezeigt, hier die ersten {SMALL['OVERVIEW_PAGE_SIZE']}")
    expect(page.locator("[data-portal-pager]")).to_be_hidden()
    show_all(page)
    expect(count).to_have_text(f"{len(wanted)} von {total} angezeigt")
    assert visible_titles(page) == sorted(catalog.measures[m].title for m in wanted)
    assert HOSTILE in visible_titles(page)
    expect(page.locator("#massnahmen-liste").get_by_text(HOSTILE, exact=True)).to_have_count(1)
    # The script's items are the server's: same links, status tag with icon, initiative, target in words.
    first = page.locator("#massnahmen-liste [data-portal-item]").first
    expect(first.locator("a.portal-status .portal-status__icon svg")).to_have_count(1)
    assert first.locator("a").first.get_attribute("href") == f"{wanted[0]}/"
    # Region and status narrow further; each heading counts its status among the matches.
    page.get_by_label("Region", exact=True).select_option("teststadt")
    in_city = [m for m in catalog.measure_selection("all") if "teststadt" in catalog.measure_regions(m)
               and catalog.measures[m].initiative == "dialog-land"]
    assert in_city == []  # the dialog lies in "land", above the city
    expect(count).to_have_text(f"0 von {total} angezeigt")
    expect(page.locator("#massnahmen-liste")).to_have_text("Keine Maßnahme passt zu diesen Filtern.")
    page.get_by_label("Initiative", exact=True).select_option("")
    page.get_by_label("Status", exact=True).select_option("beschlossen")
    expected = [m for m in catalog.measure_selection("all") if "teststadt" in catalog.measure_regions(m)
                and catalog.status(m) == "beschlossen"]
    expect(page).to_have_url(served + "massnahmen/?status=beschlossen&region=teststadt")
    show_all(page)
    assert visible_titles(page) == sorted(catalog.measures[m].title for m in expected)
    expect(page.locator("h2#status-beschlossen [data-portal-group-count]")).to_have_text(str(len(expected)))
    # The state survives a reload; reset brings the server's first page back.
    page.reload()
    expect(page.get_by_label("Status", exact=True)).to_have_value("beschlossen")
    expect(count).to_have_text(re.compile(rf"^{len(expected)} von {total} angezeigt"))
    page.get_by_label("nur mit verstrichenem Zieltermin").check()
    overdue = [m for m in expected if catalog.is_overdue(m)]
    expect(count).to_have_text(f"{len(overdue)} von {total} angezeigt")
    for text in page.locator("#massnahmen-liste [data-portal-item]").all_inner_texts():
        assert re.search(r"Zieltermin \S+ verstrichen", text), text
    page.get_by_role("button", name="Filter zurücksetzen").click()
    expect(page).to_have_url(served + "massnahmen/")
    expect(page.locator("[data-portal-pager]")).to_be_visible()
    expect(page.locator("#massnahmen-liste [data-portal-item]")).to_have_count(SMALL["OVERVIEW_PAGE_SIZE"])


def test_more_moves_the_focus_to_the_first_new_item(guarded_pages: GuardedPages, served: str, catalog: Catalog) -> None:
    page = guarded_pages.open(served)
    page.goto(served + "massnahmen/?region=land")
    items = page.locator("#massnahmen-liste [data-portal-item]")
    expect(items).to_have_count(SMALL["OVERVIEW_PAGE_SIZE"])
    page.locator("[data-portal-more]").click()
    third = catalog.measure_selection("all")[SMALL["OVERVIEW_PAGE_SIZE"]]
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == f"{third}/"


def test_without_javascript_the_page_links_lead_to_every_measure(guarded_pages: GuardedPages, served: str,
                                                                   catalog: Catalog) -> None:
    page = guarded_pages.open(served, java_script_enabled=False)
    page.goto(served + "massnahmen/")
    expect(page.locator("form.portal-filter")).to_be_hidden()
    seen: list[str] = []
    while True:
        seen += page.locator("article ul.portal-measures > li > a:first-child").all_inner_texts()
        following = page.locator("nav.portal-pages").get_by_role("link", name="nächste Seite")
        if not following.count():
            break
        following.click()
    assert sorted(seen) == sorted(m.title for m in catalog.measures.values())


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_RUN = ("axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},"
           " resultTypes: ['violations']})")


@pytest.mark.parametrize("url", ["massnahmen/?region=land", "massnahmen/", "massnahmen/seite/2/", "massnahmen/thema/flaechen/",
                                 "massnahmen/region/land/2/", "themen/flaechen/", "regionen/land/"])
def test_axe_finds_no_violations_on_the_lists(browser: Browser, served: str, url: str) -> None:
    """The new lists, and the overview with the script's items drawn from the filter data."""
    # bypass_csp: axe-core is added as an inline script, which the pages' policy blocks.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE", bypass_csp=True)
    try:
        tab = context.new_page()
        tab.goto(served + url)
        if "?" in url:
            expect(tab.locator("[data-portal-count]")).to_contain_text("hier die ersten")
        tab.add_script_tag(path=str(AXE))
        violations = tab.evaluate(AXE_RUN)["violations"]
        assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)[:4000]
    finally:
        context.close()


@pytest.mark.slow  # starts Java
def test_new_lists_are_valid_html_also_as_the_script_draws_them(built: Build, browser: Browser, served: str,
                                                                 tmp_path: pytest.TempPathFactory) -> None:
    java = shutil.which("java")
    assert java, "Java fehlt (Debian-Paket openjdk-17-jre-headless)"
    context = browser.new_context(locale="de-DE")
    try:
        tab = context.new_page()
        tab.goto(served + "massnahmen/?overdue=ja")
        expect(tab.locator("[data-portal-count]")).to_contain_text("hier die ersten")
        drawn = tmp_path / "gefiltert.html"  # type: ignore[operator]
        drawn.write_text(tab.content(), encoding="utf-8")
    finally:
        context.close()
    pages = [built.site / "massnahmen" / "index.html", built.site / "massnahmen" / "seite" / "2" / "index.html",
             built.site / "massnahmen" / "thema" / "flaechen" / "index.html", built.site / "massnahmen" / "region" / "land" / "2" / "index.html",
             built.site / "themen" / "flaechen" / "index.html", built.site / "regionen" / "land" / "index.html", drawn]
    proc = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
                          capture_output=True, text=True, timeout=300)
    problems = [m for m in json.loads(proc.stderr)["messages"] if not is_material_toggle(m)]
    assert problems == [], "\n".join(f"{m.get('url')}:{m.get('lastLine')}: {m['message']}" for m in problems)
