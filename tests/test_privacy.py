"""Privacy in a real browser: no page of any type asks another host for anything, no cookie is set,
and the browser stores only what Material needs (the colour scheme), as the privacy notice says."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from conftest import Build
from content import PAGE_TYPES, SEARCH_WORD
from playwright.sync_api import Browser, BrowserContext

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
            tab.locator("input.md-search__input").click()
            tab.keyboard.type(SEARCH_WORD)
            tab.wait_for_selector(".md-search-result__item")
            tab.keyboard.press("Escape")
    foreign = [url for url in requests if urlsplit(url)[:2] != origin and urlsplit(url).scheme not in ("data", "blob")]
    assert foreign == []
    assert context.cookies() == []
    assert tab.evaluate("document.cookie") == ""
    assert _keys(context, "localStorage") <= ALLOWED_LOCAL
    assert "__palette" in _keys(context, "localStorage")  # the toggle above really stored the choice
    assert _keys(context, "sessionStorage") <= ALLOWED_SESSION
# The privacy notice's wording (it names /.__palette) is checked in tests/test_legal_pages.py.
