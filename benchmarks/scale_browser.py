"""The browser at size for ``benchmarks/scale.py``: big pages of a built site in this machine's Chromium.

The site is served from 127.0.0.1 by ``scripts/sitetools.serve`` (as GitHub Pages would serve it);
Chromium starts with the browser tests' flags. Each page loads in a new browser context (empty
cache); the figures are the Navigation Timing of the page: DOMContentLoaded and load, in ms from the
start of the navigation. On /massnahmen/ the filter is then changed the way a visitor does (an option
of a select in the filter form) and timed until the form's result count text changes: only the
form's visible behaviour is used, so the measurement holds however the filter gets its data.
"""

from __future__ import annotations

import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from sitetools import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

# Big pages, site-relative. The topic is one of the shipped content, so every content set has it (the
# generator tags its records with shipped topics at random: all topic pages are about as big).
PAGES = {"Start": "", "/massnahmen/": "massnahmen/", "/partner/": "partner/", "/presse/": "presse/",
         "Thema": "themen/fachkraefte-ausbildung/"}
FILTER_PAGE = "massnahmen/"
# The filter form and its parts, as a visitor sees them (overrides/portal/macros.html, filter_form).
FILTER_FORM = "form[data-portal-filter]"
FILTER_FIELDS = ('select[name="status"]', 'select[name="initiative"]', "select")
FILTER_COUNT = "[data-portal-count], output[aria-live]"
TIMEOUT_MS = 120_000
# A filter change that does not change the count within this is reported as not measured.
FILTER_WAIT_MS = 10_000

NAVIGATION = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return [nav.domContentLoadedEventEnd, nav.loadEventEnd, document.getElementsByTagName('*').length];
}"""
# Picks the n-th real option (not "alle") of the first field found, changes the form as a visitor
# would (value + change event) and waits for the count text to change.
FILTER_CHANGE = """async ([form, fields, count, n, wait]) => {
  const scope = document.querySelector(form);
  const field = fields.map((s) => scope.querySelector(s)).find((el) => el && el.options.length > 1);
  const out = scope.querySelector(count);
  const before = out.textContent;
  const option = field.options[1 + (n % (field.options.length - 1))];
  const start = performance.now();
  field.value = option.value;
  field.dispatchEvent(new Event('input', {bubbles: true}));
  field.dispatchEvent(new Event('change', {bubbles: true}));
  if (out.textContent === before) {
    const changed = await Promise.race([
      new Promise((done) => new MutationObserver((_, obs) => { obs.disconnect(); done(true); })
        .observe(out, {childList: true, characterData: true, subtree: true})),
      new Promise((done) => setTimeout(() => done(false), wait))]);
    if (!changed) return [null, field.name + '=' + option.value, out.textContent];
  }
  return [performance.now() - start, field.name + '=' + option.value, out.textContent];
}"""


@dataclass(frozen=True)
class PageLoad:
    """One page in the browser: ms to DOMContentLoaded and to load, and its DOM element count."""

    dom_content_loaded: float
    load: float
    nodes: int


@dataclass(frozen=True)
class BrowserFigures:
    """Medians per page, and the filter on /massnahmen/ (None when the page has no filter form)."""

    pages: dict[str, PageLoad]
    filter_ms: float | None
    filter_change: str


def browse(site: Path, runs: int = 3, filter_changes: int = 3, pages: dict[str, str] | None = None) -> BrowserFigures:
    """Load each page ``runs`` times (cold) and change the measures filter ``filter_changes`` times."""
    from playwright.sync_api import sync_playwright

    pages = PAGES if pages is None else pages
    loads: dict[str, PageLoad] = {}
    filters: list[float] = []
    change = ""
    with serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for label, address in pages.items():
                if not (site / address / "index.html").is_file():
                    continue
                figures = []
                for _ in range(runs):
                    context = browser.new_context()
                    page = context.new_page()
                    page.goto(base + address, wait_until="load", timeout=TIMEOUT_MS)
                    figures.append(page.evaluate(NAVIGATION))
                    if address == FILTER_PAGE and page.locator(FILTER_FORM).count():
                        page.wait_for_selector(f"{FILTER_FORM}:not([hidden])", timeout=TIMEOUT_MS)
                        for n in range(filter_changes):
                            ms, change, _ = page.evaluate(FILTER_CHANGE, [FILTER_FORM, list(FILTER_FIELDS), FILTER_COUNT, n, FILTER_WAIT_MS])
                            if ms is not None:
                                filters.append(ms)
                    context.close()
                loads[label] = PageLoad(statistics.median(f[0] for f in figures), statistics.median(f[1] for f in figures),
                                        int(statistics.median(f[2] for f in figures)))
        finally:
            browser.close()
    return BrowserFigures(loads, statistics.median(filters) if filters else None, change)
