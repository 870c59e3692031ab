"""Shared fixtures: build the real site (or the site with other data) with MkDocs, once per session."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import pytest
from sitetools import CHROMIUM, CHROMIUM_ARGS, serve  # scripts/: one server for tests and reports
from bs4 import BeautifulSoup, Tag
from playwright.sync_api import Browser, BrowserContext, Page, Request, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "mini"  # the small content set: behaviour is tested on it, with the fixed date EPOCH
# 2026-11-22 00:00 UTC: a fixed reference date, so "overdue" does not change with the calendar.
EPOCH = "1795305600"
BIN = Path(sys.executable).parent


# --- Markers (registered in pyproject.toml): browser, build, slow ------------------------------------
#
# Given by the fixtures a test uses, directly or through other fixtures, so that a new test is marked
# for free: `browser` for everything that needs the `browser` fixture (Chromium), `build` for everything
# that needs a fixture declared with @builds, and `slow` for a fixture declared with @builds(slow=True).
# A test that calls make_project or run_build in its body carries @pytest.mark.build (both refuse to run
# in a test that is not marked). `slow` means: run alone, fixtures included, the test takes more than
# about 3 s, or it starts Java (the Nu HTML Checker); tests that are slow by themselves carry
# @pytest.mark.slow. The fast loop: scripts/test.sh -m "not browser and not slow" (README, "Tests").

BROWSER_FIXTURES = {"browser"}
BUILD_FIXTURES: set[str] = set()
SLOW_FIXTURES: set[str] = set()
F = TypeVar("F", bound=Callable[..., Any])


def builds(fixture: F | None = None, *, slow: bool = False) -> Any:
    """Declare a fixture that runs MkDocs: every test that uses it is marked ``build`` (and ``slow``
    with ``slow=True``, for a fixture whose setup alone takes more than about 3 s).

    Goes below ``@pytest.fixture``. Fixtures are known by name, so keep the name unique."""
    def declare(function: F) -> F:
        BUILD_FIXTURES.add(function.__name__)
        if slow:
            SLOW_FIXTURES.add(function.__name__)
        return function
    return declare(fixture) if fixture is not None else declare


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))  # the closure: fixtures of fixtures included
        if fixtures & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if fixtures & BUILD_FIXTURES:
            item.add_marker(pytest.mark.build)
        if fixtures & SLOW_FIXTURES:
            item.add_marker(pytest.mark.slow)


_running: list[pytest.Item] = []


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Any:
    _running.append(item)
    try:
        return (yield)
    finally:
        _running.pop()


def _require_build_marker(what: str) -> None:
    """Fail a test that builds without the ``build`` marker, so that ``-m "not build"`` can be trusted."""
    if _running and _running[-1].get_closest_marker("build") is None:
        raise AssertionError(f"{_running[-1].nodeid} calls {what} but is not marked 'build': add "
                             "@pytest.mark.build to the test, or @builds to the fixture that builds")


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
    _require_build_marker("make_project")
    for name in ("mkdocs.yml", "docs", "overrides", "hooks"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp / name)
    shutil.copytree(data if data is not None else ROOT / "data", tmp / "data")
    return tmp


# (file under data/, old text, new text): an editor's change; the first occurrence of old, which must be there.
Edit = tuple[str, str, str]


def edit_data(data: Path, edits: Iterable[Edit] = (), write: Mapping[str, str] | None = None) -> Path:
    """Make editors' changes in the content folder ``data``: the ``edits``, then the files in ``write``
    (path under data/ → text), created or overwritten whole. Returns ``data``."""
    for name, old, new in edits:
        path = data / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{name}: {old!r} not found"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    for name, text in (write or {}).items():
        path = data / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return data


def line_of(path: Path, text: str) -> int:
    """The 1-based line where ``text`` (which may span lines) first occurs in the file ``path``: tests
    name a fixture's lines by their text, so that a line added to the fixture breaks nothing."""
    content = path.read_bytes().decode("utf-8", errors="replace")
    index = content.find(text)
    assert index >= 0, f"{text!r} not in {path}"
    return content.count("\n", 0, index) + 1


def mini_data(target: Path, *edits: Edit, write: Mapping[str, str] | None = None) -> Path:
    """A copy of the small content set (``tests/fixtures/mini``) as the folder ``target``, with the
    editors' changes made (``edit_data``); no MkDocs project around it. Returns ``target``."""
    shutil.copytree(MINI, target)
    return edit_data(target, edits, write)


def mini_project(tmp: Path, *edits: Edit, write: Mapping[str, str] | None = None,
                 config: Callable[[str], str] | None = None) -> Path:
    """A scratch project in ``tmp`` (``make_project``) with the small content set, the editors'
    changes made (``edit_data``) and ``mkdocs.yml`` passed through ``config``. Returns the root."""
    root = make_project(tmp, MINI)
    edit_data(root / "data", edits, write)
    if config is not None:
        mkdocs = root / "mkdocs.yml"
        mkdocs.write_text(config(mkdocs.read_text(encoding="utf-8")), encoding="utf-8")
    return root


def mini_variant(tmp: Path, *edits: Edit, write: Mapping[str, str] | None = None,
                 config: Callable[[str], str] | None = None) -> Build:
    """``mini_project`` built with the fixed date. The outcome is returned as it is: some variants
    are meant to fail."""
    return run_build(mini_project(tmp, *edits, write=write, config=config))


def run_build(root: Path, *args: str, command: str = "mkdocs", epoch: str | None = EPOCH) -> Build:
    """``mkdocs build --strict`` in ``root``; ``epoch=None`` builds with the real date, as CI publishes."""
    _require_build_marker("run_build")
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
@builds
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The shipped content, built strictly with the real date, as CI publishes it. Tests on it assert
    only what holds for any valid content; behaviour is tested on ``mini_site`` with a fixed date."""
    build = run_build(make_project(tmp_path_factory.mktemp("real"), None), epoch=None)
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
@builds
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A small hand-made content set with planted <script> tags, drafts and an overdue measure."""
    build = run_build(mini_project(tmp_path_factory.mktemp("mini")))
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


# --- the macro examples' environment and catalogs (tests/test_macros.py and test_macros_<library>.py) ---
# Module-scoped, defined once here for every macro library's examples; imported lazily, because
# test_macros imports the examples of the other libraries.


@pytest.fixture(scope="module")
def env() -> Any:
    """The build's Jinja environment for rendering macros on their own (test_macros.environment)."""
    from test_macros import environment
    return environment()


@pytest.fixture(scope="module")
def catalog() -> Any:
    """The catalog of the mini content on the mini fixtures' reference date."""
    from test_macros import TODAY, mini_records

    from portal.catalog import Catalog
    return Catalog(mini_records(), TODAY)


@pytest.fixture(scope="module")
def hostile() -> Any:
    """A catalog whose texts are markup, quotes and ampersands: what must reach HTML as text."""
    from test_macros import TODAY, hostile_records

    from portal.catalog import Catalog
    return Catalog(hostile_records(), TODAY)


@pytest.fixture(scope="module")
def undated() -> Any:
    """A catalog in which no source carries a date."""
    from test_macros import TODAY, undated_records

    from portal.catalog import Catalog
    return Catalog(undated_records(), TODAY)
