"""Privacy in a real browser: no page of any type asks another host for anything, no cookie is set,
and the browser stores only the colour scheme, and only once the visitor has chosen one, as the privacy
notice says."""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from conftest import Build
from content import PAGE_TYPES, SEARCH_WORD
from playwright.sync_api import Browser, BrowserContext, Page, expect

# Material's key, scoped by the site's base path ("/.__palette"): the chosen colour scheme.
# Nothing else may be stored, in localStorage or sessionStorage.
ALLOWED_LOCAL = {"__palette"}
ALLOWED_SESSION: set[str] = set()


@pytest.fixture()
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    yield context
    context.close()


def _keys(context: BrowserContext, storage: str) -> set[str]:
    keys: list[str] = context.pages[0].evaluate(f"Object.keys(window.{storage})")
    return {key.rsplit(".", 1)[-1] for key in keys}


@pytest.mark.slow
def test_every_page_type_stays_on_its_own_host_and_stores_only_the_colour_scheme(
        context: BrowserContext, served_site: str, real_site: Build) -> None:
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    origin = urlsplit(served_site)[:2]
    for url in PAGE_TYPES:
        tab.goto(served_site + url)
        tab.wait_for_load_state("networkidle")
        assert tab.locator("h1").count() >= 1, url
        if url == "":
            # Use what stores something: the colour toggle and the search.
            tab.locator("label.md-header__button[for^='__palette']:visible").first.click()
            # The search's index and WebAssembly (Pagefind), loaded as the search dialog loads them.
            found = tab.evaluate("""async ([script, word]) => {
              const pagefind = await import(script);
              const search = await pagefind.search(word);
              return search.results.length ? (await search.results[0].data()).url : "";
            }""", [served_site + "pagefind/pagefind.js", SEARCH_WORD])
            assert found, SEARCH_WORD
    foreign = [url for url in requests if urlsplit(url)[:2] != origin and urlsplit(url).scheme not in ("data", "blob")]
    assert foreign == []
    assert context.cookies() == []
    assert tab.evaluate("document.cookie") == ""
    assert _keys(context, "localStorage") <= ALLOWED_LOCAL
    assert "__palette" in _keys(context, "localStorage")  # the toggle above really stored the choice
    assert _keys(context, "sessionStorage") <= ALLOWED_SESSION


def _stored(tab: Page) -> dict[str, str]:
    return tab.evaluate("Object.fromEntries(Object.entries(localStorage))")


def _stays_empty(tab: Page, seconds: float = 1.0) -> None:
    """Nothing in either storage, sampled for a while: Material may write after the page has loaded."""
    for _ in range(int(seconds / 0.1)):
        assert _stored(tab) == {}
        assert tab.evaluate("sessionStorage.length") == 0
        tab.wait_for_timeout(100)


@pytest.mark.slow
@pytest.mark.parametrize("scheme, shown, other", [("light", "default", "slate"), ("dark", "slate", "default")])
def test_the_colour_scheme_is_stored_only_after_the_visitor_chooses_one(
        browser: Browser, served_site: str, scheme: str, shown: str, other: str) -> None:
    """The privacy statement promises: nothing is stored until the visitor uses the toggle, then exactly
    the one key (§ 25 Abs. 2 Nr. 2 TDDDG). Material writes its palette on every load; docs/assets/portal.js
    takes that back until the visitor chooses."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE", color_scheme=scheme)
    try:
        tab = context.new_page()
        body = tab.locator("body")
        tab.goto(served_site)
        tab.wait_for_load_state("networkidle")
        # Material has applied the scheme of the device (so its palette code ran) and stored nothing.
        expect(body).to_have_attribute("data-md-color-scheme", shown)
        expect(body).to_have_attribute("data-md-color-media", f"(prefers-color-scheme: {scheme})")
        _stays_empty(tab)
        tab.goto(served_site + "datenschutz/")
        expect(body).to_have_attribute("data-md-color-media", f"(prefers-color-scheme: {scheme})")
        _stays_empty(tab, 0.5)

        tab.locator('form[data-md-component="palette"] label:visible').click()
        expect(body).to_have_attribute("data-md-color-scheme", other)
        stored = _stored(tab)
        assert list(stored) == ["/.__palette"]
        assert json.loads(stored["/.__palette"])["color"]["scheme"] == other

        # The choice holds on the next page and is the only entry there too.
        tab.goto(served_site + "impressum/")
        expect(body).to_have_attribute("data-md-color-scheme", other)
        tab.wait_for_load_state("networkidle")
        assert list(_stored(tab)) == ["/.__palette"]
        assert json.loads(_stored(tab)["/.__palette"])["color"]["scheme"] == other
        assert tab.evaluate("sessionStorage.length") == 0
        assert context.cookies() == []
    finally:
        context.close()
# The privacy notice's wording (it names /.__palette) is checked in tests/test_legal_pages.py.
