"""Shared fixtures: build the real site (or the site with other data) with MkDocs, once per session."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from sitetools import CHROMIUM, CHROMIUM_ARGS, serve  # scripts/: one server for tests and reports
from bs4 import BeautifulSoup, Tag
from playwright.sync_api import Browser, BrowserContext, Page, Request, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# 2026-11-22 00:00 UTC: a fixed reference date, so "overdue" does not change with the calendar.
EPOCH = "1795305600"
BIN = Path(sys.executable).parent


def squash(text: str) -> str:
    """Text as read: whitespace collapsed, and no space where get_text(" ") put one between a tag
    and punctuation or German quotes ("( Quelle" → "(Quelle", "„ Titel “" → "„Titel“")."""
    text = " ".join(text.split())
    text = re.sub(r"\s+([,.:;)“])", r"\1", text)
    return re.sub(r"([(„])\s+", r"\1", text)


@dataclass
class Build:
    """The outcome of one MkDocs run in a scratch copy of the project."""

    root: Path
    returncode: int
    output: str

    @property
    def site(self) -> Path:
        return self.root / "site"

    def html(self, url: str) -> BeautifulSoup:
        """Parse the page published at site-relative ``url`` (e.g. 'initiativen/x/')."""
        path = self.site / url / "index.html" if not url.endswith(".html") else self.site / url
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def text(self, url: str) -> str:
        """The visible text of a page's main article, whitespace collapsed."""
        article = self.html(url).find("article")
        return squash(article.get_text(" ")) if article else ""

    def section(self, url: str, heading_id: str) -> list[Tag]:
        """The elements after the heading with ``heading_id`` up to the next heading of its level."""
        heading = self.html(url).find(id=heading_id)
        found = []
        for sibling in heading.find_next_siblings():
            if sibling.name == heading.name:
                break
            found.append(sibling)
        return found


def make_project(tmp: Path, data: Path | None) -> Path:
    """Copy the project (config, docs, templates, hooks) into ``tmp`` with ``data`` as content."""
    for name in ("mkdocs.yml", "docs", "overrides", "hooks"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp / name)
    shutil.copytree(data if data is not None else ROOT / "data", tmp / "data")
    return tmp


def run_build(root: Path, *args: str, command: str = "mkdocs", epoch: str | None = EPOCH) -> Build:
    """``mkdocs build --strict`` in ``root``; ``epoch=None`` builds with the real date, as CI publishes."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    env.pop("PORTAL_PREVIEW", None)  # a real build, never the forgiving live preview
    executable = str(BIN / command) if (BIN / command).exists() else command
    proc = subprocess.run([executable, "build", "--strict", *args], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)
    return Build(root, proc.returncode, proc.stdout + proc.stderr)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The shipped content, built strictly with the real date, as CI publishes it. Tests on it assert
    only what holds for any valid content; behaviour is tested on ``mini_site`` with a fixed date."""
    build = run_build(make_project(tmp_path_factory.mktemp("real"), None), epoch=None)
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A small hand-made content set with planted <script> tags, drafts and an overdue measure."""
    build = run_build(make_project(tmp_path_factory.mktemp("mini"), FIXTURES / "mini"))
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def served_site(real_site: Build) -> Iterator[str]:
    """The real site over HTTP on 127.0.0.1 (a free port), answering like GitHub Pages: a missing
    address gets the site's 404.html with status 404. Yields the base URL."""
    with serve(real_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def served_mini(mini_site: Build) -> Iterator[str]:
    """The mini site over HTTP, like ``served_site``: browser checks of states that the shipped
    content may or may not be in today (an overdue measure, a short name). Yields the base URL."""
    with serve(mini_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright (installed by scripts/test.sh)."""
    assert CHROMIUM.exists(), "Chromium fehlt: scripts/test.sh installiert das Debian-Paket chromium"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


# --- Browser journeys: a server that answers like GitHub Pages, and pages that watch their requests ---


class GuardedPages:
    """Opens browser tabs that record every request and every uncaught script error.

    ``check()`` fails if any tab asked a host other than the served site's origin (scheme, host
    and port) for anything, or if a script threw: a privacy and a robustness check that every
    browser test gets for free."""

    # Schemes that never leave the browser.
    LOCAL_SCHEMES = ("data", "blob", "about")

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.contexts: list[BrowserContext] = []
        self.foreign: list[str] = []
        self.errors: list[str] = []

    def open(self, base_url: str, *, width: int = 1280, height: int = 800, **options: Any) -> Page:
        """A new tab in a fresh context (own storage) that may only talk to ``base_url``'s origin."""
        origin = urlsplit(base_url)[:2]
        context = self.browser.new_context(viewport={"width": width, "height": height}, locale="de-DE", **options)
        self.contexts.append(context)

        def record(request: Request) -> None:
            url = urlsplit(request.url)
            if url.scheme not in self.LOCAL_SCHEMES and url[:2] != origin:
                self.foreign.append(request.url)

        # On the context, not only the page: it also sees requests of workers (search) and popups.
        context.on("request", record)
        page = context.new_page()
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))
        return page

    def check(self) -> None:
        assert self.foreign == [], f"Anfragen an fremde Hosts: {self.foreign}"
        assert self.errors == [], f"Skriptfehler: {self.errors}"

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture()
def guarded_pages(browser: Browser) -> Iterator[GuardedPages]:
    """Tabs for one test; after the test, fails on any request outside the site's origin or script error."""
    pages = GuardedPages(browser)
    yield pages
    try:
        pages.check()
    finally:
        pages.close()
