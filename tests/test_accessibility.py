"""Accessibility (WCAG 2.1 AA / BITV 2.0) of the built real site, checked in Debian's Chromium.

- axe-core finds no violation on any page type, at 1280 and 375 px, in the light and the dark scheme;
- the page content reflows at 375 px without being cut off at the right edge;
- keyboard: the skip link comes first and leads into the content, focus is always visible and on
  screen, search and the overview filters work without a mouse;
- from the HTML: data tables have header cells, and a measure's status is always written out.
"""

from __future__ import annotations

import re

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from playwright.sync_api import Browser, Page, expect

from conftest import ROOT, Build
from content import (CATALOG, DOCUMENT, INITIATIVE, MEASURE, ORGANISATION, PERSON, REGION, SEARCH_WORD, TOPIC,
                     initiatives_with_region, most, typeahead)
from content import url as record_url

from portal import labels

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
# Only violations are needed; leaving out passes and incomplete results roughly halves axe's run time.
AXE_RUN = f"axe.run(document, {{runOnly: {{type: 'tag', values: {json.dumps(AXE_TAGS)}}}, resultTypes: ['violations']}})"

# One page of every generated type, a big one of its kind where there is a choice (more markup, more
# to get wrong), picked from the shipped content by rule (tests/content.py). Pages written in Markdown
# under docs/ (start page, overviews, open data, legal pages, ...) are added below as they are found,
# so a new one is checked without editing this list. The overdue box ("Zieltermin verstrichen"),
# which the shipped content may or may not show today, is checked on the mini site (MINI_PAGES).
DETAIL_PAGES = [
    record_url("initiatives", INITIATIVE),
    record_url("measures", MEASURE),
    record_url("organisations", ORGANISATION),
    record_url("people", PERSON),
    record_url("topics", TOPIC),
    record_url("regions", REGION),
    record_url("documents", DOCUMENT),
    # The generated lists of a topic's and a region's measures (portal.selections), the longest of each.
    *(CATALOG.selection_url(name, max(keys, key=lambda k, n=name: len(CATALOG.measure_selection(n, k))))
      for name in ("topic", "region") if (keys := CATALOG.facet_keys(name))),
]
# tests/fixtures/mini: a measure whose target date passed on the mini site's fixed date.
MINI_OVERDUE = "massnahmen/glasfaser/"
# and its initiative, which has every section (participants table, key figures, folded facts) in one
# page, and a timeline chart with every kind of mark: points, vague ranges, outlines, targets.
MINI_PAGES = [MINI_OVERDUE, "initiativen/masterplan-test/"]


def docs_pages() -> list[str]:
    """Site addresses of the Markdown pages under docs/ (``use_directory_urls``: a/b.md -> a/b/)."""
    urls = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        parts = list(path.relative_to(ROOT / "docs").with_suffix("").parts)
        if parts[-1] == "index":
            parts.pop()
        urls.append("".join(part + "/" for part in parts))
    return urls


# The overviews' generated pages (portal.archives: a year of the press archive, an organisation type, …):
# the biggest group of each, picked from the shipped content by rule. A further page of a list
# (…/seite/2/), which the shipped content is too small to have, is checked on the split site
# (tests/test_archives_build.py).
ARCHIVE_PAGES = [max(groups, key=lambda g: (g.total, g.url)).url for groups in CATALOG.archives.values() if groups]
PAGES = [*docs_pages(), *DETAIL_PAGES, *ARCHIVE_PAGES, "404.html"]


@dataclass
class View:
    """One browser tab with a fixed viewport width and colour scheme, reused for many pages."""

    width: int
    scheme: str
    tab: Page

    def __str__(self) -> str:
        return f"{self.width} px, {'dunkles' if self.scheme == 'dark' else 'helles'} Farbschema"


VIEWS = [(1280, "light"), (1280, "dark"), (375, "light"), (375, "dark")]


@pytest.fixture(scope="module", params=VIEWS, ids=[f"{w}px-{s}" for w, s in VIEWS])
def view(request: pytest.FixtureRequest, browser: Browser) -> Iterator[View]:
    """A tab per width and scheme. The dark scheme comes from the emulated system preference: the
    palette in mkdocs.yml follows prefers-color-scheme, as it does for a reader whose system is dark."""
    width, scheme = request.param
    # bypass_csp: axe-core is added as an inline script, which the pages' policy blocks (tests/test_csp.py checks it).
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, locale="de-DE",
                                  bypass_csp=True)
    yield View(width, scheme, context.new_page())
    context.close()


def format_violations(violations: list[dict[str, Any]]) -> str:
    """axe's findings, one line per element: rule, selector, why it fails, help text and link."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} – {violation['helpUrl']}")
        for node in violation["nodes"][:10]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    … und {len(violation['nodes']) - 10} weitere Elemente")
    return "\n".join(lines)


def assert_scheme(view: View) -> None:
    """The scheme asked for is the one in effect: Material's attribute and a matching background."""
    expected = "slate" if view.scheme == "dark" else "default"
    assert view.tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    # Relative luminance of the page background: near 0 in slate, 1 in the default scheme.
    luminance = view.tab.evaluate("""() => {
        const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).slice(0, 3)
            .map(v => { v = v / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b; }""")
    assert (luminance < 0.1) if view.scheme == "dark" else (luminance > 0.9), f"Hintergrund passt nicht zu {view}"


@pytest.mark.parametrize("url", PAGES)
def test_axe_finds_no_violations(view: View, served_site: str, real_site: Build, url: str) -> None:
    """axe-core's WCAG 2.0/2.1 A and AA rules and its best practices pass on the page."""
    path = real_site.site / (url if url.endswith(".html") else url + "index.html")
    assert path.exists(), f"{url} fehlt in der gebauten Website"
    view.tab.goto(served_site + url)
    assert_scheme(view)
    view.tab.add_script_tag(path=str(AXE))
    violations = view.tab.evaluate(AXE_RUN)["violations"]
    assert violations == [], f"axe-core, /{url}, {view}:\n{format_violations(violations)}"


def test_axe_finds_no_violations_in_the_open_search(view: View, served_mini: str) -> None:
    """The search dialog, open with hits (and what the index gives them: kind, status tag, marked
    excerpt) and its filters unfolded:
    axe passes in both schemes at 1280 and 375 px, and nothing is cut off at phone width."""
    view.tab.goto(served_mini)
    assert_scheme(view)
    if view.width < 800:
        view.tab.locator("label.md-header__button[for='__search']").click()  # the magnifier on phones
    else:
        view.tab.locator("#portal-search-query").click()
    expect(view.tab.locator("#__search")).to_be_checked()
    expect(view.tab.locator("#portal-search-query")).to_be_focused()
    view.tab.keyboard.type("Glasfaser")
    expect(view.tab.locator("#portal-search-status")).to_have_text(re.compile(r"\d+ Treffer für „Glasfaser“"))
    assert view.tab.locator(".portal-search__hit mark").count() > 0
    for details in view.tab.locator(".portal-search__filters:visible").all():
        details.locator("summary").click()
    view.tab.add_script_tag(path=str(AXE))
    violations = view.tab.evaluate(AXE_RUN.replace("axe.run(document", "axe.run(document.querySelector('.md-search')"))["violations"]
    assert violations == [], f"axe-core, offene Suche, {view}:\n{format_violations(violations)}"
    # Inside the dialog's box: Material's overlay behind it is meant to reach past the edges.
    wide = view.tab.evaluate("""() => [...document.querySelectorAll('.md-search__inner *')]
        .filter(el => el.getClientRects().length && el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map(el => el.tagName + '.' + el.className)""")
    assert wide == [], f"Suche ragt über den Rand, {view}: {wide}"


@pytest.mark.parametrize("url", MINI_PAGES)
def test_axe_finds_no_violations_on_the_mini_site(view: View, served_mini: str, mini_site: Build, url: str) -> None:
    """The same on the mini site's pages in states the shipped content need not have (the overdue box)."""
    view.tab.goto(served_mini + url)
    assert_scheme(view)
    if url == MINI_OVERDUE:
        assert view.tab.locator("article .portal-overdue").is_visible()
        assert "Zieltermin 2020 verstrichen" in view.tab.locator("article .portal-overdue").inner_text()
    view.tab.add_script_tag(path=str(AXE))
    violations = view.tab.evaluate(AXE_RUN)["violations"]
    assert violations == [], f"axe-core, Mini-Website /{url}, {view}:\n{format_violations(violations)}"


def test_every_kind_of_page_is_checked(real_site: Build) -> None:
    """Each top-level folder of the built site holds pages of a type that PAGES covers."""
    checked = {url.split("/")[0] for url in PAGES}
    folders = {path.relative_to(real_site.site).parts[0] for path in real_site.site.glob("*/**/index.html")}
    folders -= {"pagefind", "assets"}  # the search index (no pages) and the stylesheets and scripts
    assert folders - checked == set()


# Walks the article and lists elements cut off at the right edge. Material sets overflow-x: hidden on
# <html>, so overflowing content is not scrollable but simply lost. Elements inside a scrolling
# box (Material wraps tables in one, which WCAG 1.4.10 allows for data tables) are fine.
OVERFLOW_JS = """() => {
  const limit = document.documentElement.clientWidth + 1;
  const scrolls = el => { for (let p = el.parentElement; p; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX; if (x === 'auto' || x === 'scroll') return true; } return false; };
  return [...document.querySelectorAll('article *')]
    .filter(el => el.getClientRects().length && el.getBoundingClientRect().right > limit && !scrolls(el))
    .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + String(el.className).split(' ')[0] : '')
         + ' bis ' + Math.round(el.getBoundingClientRect().right) + ' px');
}"""


@pytest.fixture(scope="module")
def narrow(browser: Browser) -> Iterator[Page]:
    """One phone-width tab for the reflow checks."""
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="de-DE")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("url", PAGES)
def test_content_reflows_at_375_px(narrow: Page, served_site: str, url: str) -> None:
    """Nothing in the content is cut off at phone width (1.4.10 Reflow)."""
    narrow.goto(served_site + url)
    assert narrow.evaluate(OVERFLOW_JS) == [], f"/{url}: Inhalt ragt bei 375 px über den rechten Rand"


@pytest.mark.parametrize("url", MINI_PAGES)
def test_content_reflows_at_375_px_on_the_mini_site(narrow: Page, served_mini: str, url: str) -> None:
    narrow.goto(served_mini + url)
    assert narrow.evaluate(OVERFLOW_JS) == [], f"Mini-Website /{url}: Inhalt ragt bei 375 px über den rechten Rand"


# --- Keyboard ---------------------------------------------------------------------------------

# What has keyboard focus, where it is and how it is marked. A Material palette toggle is a visually
# hidden radio button; its focus ring is drawn on the <label> that follows it, so that is measured.
FOCUS_JS = """() => {
  let el = document.activeElement;
  if (!el || el === document.body) return null;
  const described = el.outerHTML.slice(0, 120);
  if (el.matches('input.md-option') && el.nextElementSibling) el = el.nextElementSibling;
  const style = getComputedStyle(el), box = el.getBoundingClientRect();
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  return {element: described, indicator: outline || style.boxShadow !== 'none',
          onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
            && box.left < innerWidth && box.top < innerHeight,
          inContent: !!el.closest('.md-content')};
}"""


@pytest.fixture()
def keyboard_tab(browser: Browser) -> Iterator[Page]:
    """A fresh tab (focus and search state must not leak between tests) without CSS transitions,
    so that a focused element is measured where it ends up, not halfway through sliding in."""
    # bypass_csp: the <style> below and axe-core are inline, which the pages' policy blocks.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE", bypass_csp=True)
    tab = context.new_page()
    tab.add_init_script("""document.addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style');
        style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
        document.head.append(style); });""")
    yield tab
    context.close()


def focused(tab: Page) -> dict[str, Any] | None:
    """The focused element as FOCUS_JS describes it, or None when nothing has focus."""
    state: dict[str, Any] | None = tab.evaluate(FOCUS_JS)
    return state


def focus_is_marked(tab: Page) -> bool:
    """Whether the focused element shows a focus indicator and is on screen."""
    state = focused(tab)
    return bool(state and state["indicator"] and state["onScreen"])


def tab_to(tab: Page, selector: str, limit: int = 40) -> None:
    """Press Tab until the element matching ``selector`` has focus; fail if it takes more than ``limit``."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if tab.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{selector} ist mit {limit}-mal Tab nicht erreichbar")


SKIP_PAGES = ["", "initiativen/", record_url("initiatives", INITIATIVE), record_url("measures", MEASURE),
              record_url("organisations", ORGANISATION), "404.html"]


def contrast_problems(tab: Page, selector: str | None = None) -> str:
    """axe's colour-contrast rule on one element: the one matching ``selector``, else the focused one.
    A full-page run cannot judge states that need focus or the mouse (the skip link is transparent
    until focused; Material recolours links and buttons on focus and hover)."""
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate("""s => axe.run(s ? document.querySelector(s) : document.activeElement,
                                         {runOnly: ['color-contrast'], resultTypes: ['violations']})""", selector)
    return format_violations(result["violations"])


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", SKIP_PAGES)
def test_skip_link_is_first_and_leads_to_content(keyboard_tab: Page, served_site: str, url: str, scheme: str) -> None:
    """The first Tab shows the skip link (2.4.1), legibly; Enter on it and the next Tab land in the content."""
    keyboard_tab.emulate_media(color_scheme=scheme)
    keyboard_tab.goto(served_site + url)
    keyboard_tab.keyboard.press("Tab")
    active = keyboard_tab.evaluate("document.activeElement.outerHTML")
    # Material's German wording is "Zum Inhalt".
    assert keyboard_tab.evaluate("document.activeElement.matches('a.md-skip')") and \
        keyboard_tab.evaluate("document.activeElement.textContent.trim()").startswith("Zum Inhalt"), \
        f"/{url}: erster Tab-Halt ist {active}"
    # Material shows the link only while it has focus (opacity 0 otherwise).
    assert focus_is_marked(keyboard_tab)
    assert keyboard_tab.evaluate("getComputedStyle(document.activeElement).opacity") == "1"
    assert contrast_problems(keyboard_tab) == "", f"/{url}, {scheme}"
    target = keyboard_tab.evaluate("document.activeElement.hash")
    keyboard_tab.keyboard.press("Enter")
    assert keyboard_tab.evaluate("location.hash") == target
    assert keyboard_tab.evaluate("t => !!document.getElementById(decodeURIComponent(t.slice(1)))", target), \
        f"/{url}: Sprungziel {target} fehlt"
    # The next Tab continues inside the content, not in the header or the navigation.
    keyboard_tab.keyboard.press("Tab")
    state = focused(keyboard_tab)
    assert state and state["inContent"], f"/{url}: nach dem Sprung landet Tab auf {state}"


# Elements whose colours change with focus or under the mouse: (page, CSS selector of the element).
STATEFUL = {
    "link-in-text": (record_url("initiatives", INITIATIVE), "article p a[href]"),
    "navigation-tab": ("massnahmen/", ".md-tabs__item:not(.md-tabs__item--active) .md-tabs__link"),
    "footer-link": ("massnahmen/", ".md-footer-meta .portal-legal a"),
    "filter-reset": ("massnahmen/", ".portal-filter button[type=reset]"),
    "back-to-top": ("massnahmen/", ".md-top"),
}


@pytest.mark.parametrize("state", ["focus", "hover"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(STATEFUL))
def test_text_stays_legible_on_focus_and_hover(keyboard_tab: Page, served_site: str, name: str, scheme: str,
                                               state: str) -> None:
    url, selector = STATEFUL[name]
    keyboard_tab.emulate_media(color_scheme=scheme)
    keyboard_tab.goto(served_site + url)
    if name == "back-to-top":
        # Material shows the button after the reader scrolls down and then a little back up.
        keyboard_tab.mouse.wheel(0, 3000)
        keyboard_tab.wait_for_timeout(200)
        keyboard_tab.mouse.wheel(0, -300)
    element = keyboard_tab.locator(selector).first
    element.wait_for(state="visible", timeout=5000)
    if state == "focus":
        element.focus()
    else:
        element.hover(timeout=5000)
    assert contrast_problems(keyboard_tab, selector) == "", f"{name}, {scheme}, {state}"


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("url", ["", "massnahmen/", record_url("initiatives", INITIATIVE)])
def test_focus_is_always_visible(keyboard_tab: Page, served_site: str, url: str, width: int) -> None:
    """Tab through the first 60 stops: each one is marked (outline or shadow) and on screen."""
    keyboard_tab.set_viewport_size({"width": width, "height": 800})
    keyboard_tab.goto(served_site + url)
    problems = []
    for step in range(1, 61):
        keyboard_tab.keyboard.press("Tab")
        state = focused(keyboard_tab)
        if state is None:
            continue
        if not state["indicator"]:
            problems.append(f"Tab {step}: kein sichtbarer Fokus auf {state['element']}")
        if not state["onScreen"]:
            problems.append(f"Tab {step}: Fokus außerhalb des Bildschirms auf {state['element']}")
    assert problems == [], f"/{url} bei {width} px:\n" + "\n".join(problems)


@pytest.mark.parametrize("width", [1280, 375])
def test_search_works_with_the_keyboard(keyboard_tab: Page, served_site: str, width: int) -> None:
    """Tab reaches the search field (on phones it opens the search overlay), typing searches, the
    arrow key moves to the first result and Enter opens it."""
    keyboard_tab.set_viewport_size({"width": width, "height": 800})
    keyboard_tab.goto(served_site + "initiativen/")
    tab_to(keyboard_tab, "input.md-search__input")
    assert focus_is_marked(keyboard_tab)
    keyboard_tab.keyboard.type(SEARCH_WORD)
    results = keyboard_tab.locator(".md-search-result__item")
    results.first.wait_for()
    # Arrow down moves into the results, Enter opens the one that has focus.
    keyboard_tab.keyboard.press("ArrowDown")
    state = focused(keyboard_tab)
    # Asked of the element itself: its description is cut at 120 characters, and a long address fills them.
    assert keyboard_tab.evaluate("document.activeElement.matches('a.md-search-result__link')"), state
    assert state and state["indicator"] and state["onScreen"], state
    href = keyboard_tab.evaluate("document.activeElement.href")
    # The words the hit marks as matches (Pagefind stems German: "Wirtschaft" for "wirtschaftliche").
    marked = keyboard_tab.evaluate("""[...document.activeElement.closest('li').querySelectorAll('mark')]
        .map(m => m.textContent.replace(/[^\\p{L}\\p{N}-]/gu, ''))""")
    keyboard_tab.keyboard.press("Enter")
    keyboard_tab.wait_for_url(href)
    page_text = keyboard_tab.locator("body").inner_text().casefold()
    assert marked and all(word.casefold() in page_text for word in marked), marked


def test_search_closes_with_escape(keyboard_tab: Page, served_site: str) -> None:
    """Focusing the search field opens the search; Escape closes it again (no keyboard trap) and
    gives focus back to where it was before the search, also from a result."""
    keyboard_tab.goto(served_site)
    tab_to(keyboard_tab, "input.md-search__input")
    keyboard_tab.keyboard.press("Shift+Tab")
    before = keyboard_tab.evaluate("document.activeElement.outerHTML")
    keyboard_tab.keyboard.press("Tab")
    expect(keyboard_tab.locator("#__search")).to_be_checked()
    keyboard_tab.keyboard.press("Escape")
    expect(keyboard_tab.locator("#__search")).not_to_be_checked()
    assert keyboard_tab.evaluate("document.activeElement.outerHTML") == before
    # From a result, and after the shortcut "/" that Material's search had: back to the page's body.
    keyboard_tab.keyboard.press("/")
    expect(keyboard_tab.locator("#__search")).to_be_checked()
    keyboard_tab.keyboard.type(SEARCH_WORD)
    keyboard_tab.locator(".md-search-result__item").first.wait_for()
    keyboard_tab.keyboard.press("ArrowDown")
    assert keyboard_tab.evaluate("document.activeElement.matches('a.md-search-result__link')")
    keyboard_tab.keyboard.press("ArrowUp")
    assert keyboard_tab.evaluate("document.activeElement.id") == "portal-search-query"
    keyboard_tab.keyboard.press("ArrowDown")
    keyboard_tab.keyboard.press("Escape")
    expect(keyboard_tab.locator("#__search")).not_to_be_checked()
    assert keyboard_tab.evaluate("document.activeElement.closest('.md-search') === null")


def count_text(tab: Page) -> str:
    """The filter form's live count, e.g. "6 von 6 angezeigt"."""
    return tab.locator("[data-portal-count]").inner_text()


def _typed_region() -> tuple[str, str]:
    """(region id, what to type): a region of the initiatives overview's filter that typing its first
    letters selects, the one most initiatives name first."""
    options = [option for key, _, options in CATALOG.initiative_filters() if key == "region" for option in options]
    labels_in_order = ["alle", *(name for _, name in options)]
    typeable = [(region, typed) for index, (region, _) in enumerate(options, 1)
                if (typed := typeahead(labels_in_order, index))]
    assert typeable, f"keine Region im Filter lässt sich mit ASCII-Buchstaben anwählen: {labels_in_order}"
    ranked = dict(typeable)
    region = most(ranked, lambda key: len(initiatives_with_region(key)))
    return region, ranked[region]


def test_initiative_filter_with_the_keyboard(keyboard_tab: Page, served_site: str) -> None:
    """A select is reached with Tab and set by typing; the reset button works with Enter."""
    total = len(CATALOG.initiatives)
    region, typed = _typed_region()
    keyboard_tab.goto(served_site + "initiativen/")
    assert count_text(keyboard_tab) == f"{total} von {total} angezeigt"
    tab_to(keyboard_tab, "#filter-initiativen-liste-region")
    # Typing an option's first letters selects it in a closed <select>, as on any desktop system.
    keyboard_tab.keyboard.type(typed)
    assert keyboard_tab.evaluate("document.activeElement.value") == region
    assert count_text(keyboard_tab) == f"{len(initiatives_with_region(region))} von {total} angezeigt"
    tab_to(keyboard_tab, "button[type=reset]", limit=5)
    assert focus_is_marked(keyboard_tab)
    keyboard_tab.keyboard.press("Enter")
    keyboard_tab.wait_for_function(
        f"document.querySelector('[data-portal-count]').textContent === '{total} von {total} angezeigt'")


def test_measure_filter_with_the_keyboard(keyboard_tab: Page, served_site: str) -> None:
    """Arrow keys change a select (the list follows at once); Space toggles the overdue checkbox."""
    keyboard_tab.goto(served_site + "massnahmen/")
    total = keyboard_tab.locator("#massnahmen-liste [data-portal-item]").count()
    tab_to(keyboard_tab, "#filter-massnahmen-liste-status")
    keyboard_tab.keyboard.press("ArrowDown")  # from "alle" to the first status
    chosen = keyboard_tab.evaluate("document.activeElement.value")
    assert chosen != ""
    # The matches come from the filter data (loaded when the form first gets focus) and are drawn
    # a moment later: expect() waits for them.
    visible = keyboard_tab.locator("#massnahmen-liste [data-portal-item]:visible")
    matching = sum(CATALOG.status(key) == chosen for key in CATALOG.measures)
    assert matching > 0
    expect(visible).to_have_count(matching)
    expect(keyboard_tab.locator(f"#massnahmen-liste [data-portal-item] > a.portal-status--{chosen}")).to_have_count(matching)
    keyboard_tab.keyboard.press("ArrowUp")  # back to "alle"
    expect(visible).to_have_count(total)
    tab_to(keyboard_tab, "input[type=checkbox][name=overdue]", limit=5)
    assert focus_is_marked(keyboard_tab)
    keyboard_tab.keyboard.press("Space")
    # Exactly the measures overdue today, however many that are (the mini site always has one).
    expect(visible).to_have_count(len(CATALOG.overdue_ids()))
    assert all(re.search(r"Zieltermin \S.* verstrichen", text) for text in visible.all_inner_texts())
    keyboard_tab.keyboard.press("Space")
    expect(visible).to_have_count(total)


def test_timeline_filter_with_the_keyboard(keyboard_tab: Page, served_site: str) -> None:
    """The timeline's first filter (initiative) narrows the list when changed with the arrow key."""
    keyboard_tab.goto(served_site + "zeitleiste/")
    total = len(CATALOG.timeline())
    expect(keyboard_tab.locator("[data-portal-count]")).to_have_text(f"{total} von {total} angezeigt")
    tab_to(keyboard_tab, "form[data-portal-filter] select")
    keyboard_tab.keyboard.press("ArrowDown")
    # The first initiative in the filter: the first by title of those with milestones.
    first = next(key for key in CATALOG.sorted_ids("initiatives") if CATALOG.timeline(key))
    assert keyboard_tab.evaluate("document.activeElement.value") == first
    # The overview loads every milestone for its filters (docs/assets/timeline.js) and shows the matches.
    visible = keyboard_tab.locator("#zeitleiste-treffer [data-portal-item]:visible")
    expect(visible).to_have_count(len(CATALOG.timeline(first)))
    expect(keyboard_tab.locator("[data-portal-count]")).to_have_text(f"{len(CATALOG.timeline(first))} von {total} angezeigt")


# --- From the HTML ----------------------------------------------------------------------------

def built_pages(site: Path) -> Iterator[tuple[str, BeautifulSoup]]:
    """Every HTML file of the built site, parsed, with its path inside the site."""
    for path in sorted(site.rglob("*.html")):
        yield str(path.relative_to(site)), BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.slow
def test_every_table_has_header_cells(real_site: Build) -> None:
    """Screen readers announce each cell with its column header (1.3.1): every table's header row,
    its <thead> or else its first row, is made of <th> cells."""
    problems = []
    tables = 0
    for name, soup in built_pages(real_site.site):
        for number, table in enumerate(soup.find_all("table"), 1):
            tables += 1
            first_row = table.find("tr")
            cells = first_row.find_all(["th", "td"], recursive=False) if isinstance(first_row, Tag) else []
            if not cells or any(cell.name != "th" for cell in cells):
                problems.append(f"{name}, Tabelle {number}: Kopfzeile ohne <th>: {first_row}")
    assert tables > 0  # the initiative profiles have tables; if they lose them, this test must change
    assert problems == []


@pytest.mark.slow
def test_measure_status_is_written_out(real_site: Build) -> None:
    """A status badge is never colour alone: each one says its status in words, and every overdue
    measure says so in words too."""
    problems = []
    badges = 0
    for name, soup in built_pages(real_site.site):
        for badge in soup.select(".portal-status"):
            if badge.find_parent("template"):
                continue  # the search dialog's patterns: cloned into hits, tested in test_macros_search.py
            badges += 1
            text = " ".join(badge.get_text(" ").split())
            states = [c.removeprefix("portal-status--") for c in badge["class"] if c.startswith("portal-status--")]
            state = states[0] if states else ""
            # Status tags link to their definition; the link tells a measure's status from an initiative's.
            vocabulary = labels.INITIATIVE_STATUS if "#initiative-" in badge.get("href", "") else labels.MEASURE_STATUS
            expected = {"overdue": r"(Zieltermin \S.* )?verstrichen",
                        "stale": r"Quelle undatiert|keine datierte Meldung|seit über (einem Jahr|\d+ Jahren) ohne Meldung"}.get(
                state, re.escape(vocabulary.get(state, "\0")))
            if not text or not re.fullmatch(expected, text):
                problems.append(f"{name}: Statusmarke {badge['class']} sagt '{text}', erwartet '{expected}'")
    assert badges > 0
    assert problems == []


def _overdue_marks(site: Build, measure_url: str) -> tuple[list[str], bool]:
    """The overdue badge in a measure page's facts (not in a list of other measures), and whether
    the page has the overdue box."""
    soup = site.html(measure_url)
    badges = [" ".join(b.get_text().split()) for b in soup.select("article .portal-facts .portal-status--overdue")]
    return badges, soup.select_one("article .portal-overdue") is not None


def test_overdue_is_said_on_exactly_the_overdue_measures_pages(real_site: Build, mini_site: Build) -> None:
    """Every measure the catalog calls overdue today says so on its own page, in its facts and in the
    box; no other measure page does. Whether any shipped measure is overdue changes with the
    calendar and with editors' news, so the mini site, with its fixed date, always has one."""
    for key in CATALOG.measures:
        badges, box = _overdue_marks(real_site, record_url("measures", key))
        target = CATALOG.measures[key].target
        expected = ["verstrichen"] if CATALOG.is_overdue(key) and target else []
        assert (badges, box) == (expected, bool(expected)), key
    assert _overdue_marks(mini_site, MINI_OVERDUE) == (["verstrichen"], True)
    assert _overdue_marks(mini_site, "massnahmen/fertig/") == ([], False)
