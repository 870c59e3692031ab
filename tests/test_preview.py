"""The live preview: ``mkdocs serve`` keeps running on broken content, shows the problems in the
browser page above the last good content (or a placeholder before there was any), and recovers
with the next good save. Also the fallback logic itself (``portal.preview``)."""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import BIN, EPOCH, GuardedPages, builds, mini_data, mini_project
from playwright.sync_api import expect
from portal.preview import INTERNAL, LastGood
from portal.problems import ContentError
from portal.site import Portal

BROKEN_TOPIC = "name: Neu\ntitel: Tippfehler\n"
PROBLEM_LINE = "data/topics/neu.yaml:2:1: Feld 'titel': ist kein bekanntes Feld"
LAST_GOOD_NOTE = "Die Vorschau zeigt den letzten fehlerfreien Stand"
PLACEHOLDER = "Die Vorschau zeigt keine Inhalte, solange die oben genannten Probleme bestehen."
# Browser waits: a rebuild of the small project takes a few seconds; the bound only guards against a hang.
RELOAD_MS = 60_000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        # MkDocs' server holds a request while a build runs: on a busy machine longer than the timeout.
        return 0, ""


def _wait_for(condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for: {what}")


class Preview:
    """A running ``mkdocs serve`` in a scratch project, with its output collected in a file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = _free_port()
        self.log = root / "serve.log"
        env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
        env.pop("PORTAL_PREVIEW", None)  # serve itself must switch the preview on
        self.process = subprocess.Popen(
            [str(BIN / "mkdocs"), "serve", "--dirty", "--dev-addr", f"127.0.0.1:{self.port}"],  # as scripts/serve.sh
            cwd=root, env=env, stdout=self.log.open("w"), stderr=subprocess.STDOUT,
        )

    def url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def page(self, path: str = "") -> str:
        return _get(self.url(path))[1]


@pytest.fixture()
@builds
def preview(tmp_path: Path) -> Iterator[Preview]:
    server = Preview(mini_project(tmp_path))
    try:
        yield server
    finally:
        server.process.terminate()
        server.process.wait(timeout=20)


@pytest.mark.slow
def test_serve_survives_a_broken_save_and_recovers(preview: Preview) -> None:
    _wait_for(lambda: "Erledigte Maßnahme" in preview.page("massnahmen/fertig/"), "first build")

    broken = preview.root / "data" / "topics" / "neu.yaml"
    broken.write_text(BROKEN_TOPIC, encoding="utf-8")
    _wait_for(lambda: PROBLEM_LINE in html.unescape(preview.page()), "problems shown on the start page")
    assert preview.process.poll() is None, "the server stopped on a content error"
    start = preview.page()
    assert 'class="portal-problems" role="alert"' in start
    assert "Ein Problem in den Inhalten" in start and LAST_GOOD_NOTE in start
    # The last good content stays, with its numbers, on the start page and every generated page.
    assert "Zieltermin verstrichen, kein Abschluss gemeldet (1)" in start and PLACEHOLDER not in start
    status, measure = _get(preview.url("massnahmen/fertig/"))
    assert status == 200 and "Erledigte Maßnahme" in measure and PROBLEM_LINE in html.unescape(measure)
    output = preview.output()
    assert PROBLEM_LINE in output and "Traceback" not in output
    assert "letzten fehlerfreien Stand" in output

    broken.write_text("name: Neu\ndescription: Jetzt richtig\n", encoding="utf-8")
    _wait_for(lambda: "portal-problems" not in preview.page(), "recovery after a good save")
    assert "Jetzt richtig" in preview.page("themen/neu/")
    assert "portal-problems" not in preview.page("massnahmen/fertig/")


@pytest.mark.slow
def test_an_open_measure_page_keeps_its_content_and_shows_the_problems(
        preview: Preview, guarded_pages: GuardedPages) -> None:
    """What the editor sees: the page they have open reloads by itself, keeps its content, shows
    the problems, and comes back without them after the fix. The 404 page shows them too."""
    measure = sorted((preview.root / "data" / "measures").iterdir())[0]
    address = f"massnahmen/{measure.stem}/"
    _wait_for(lambda: _get(preview.url(address))[0] == 200, "first build")
    page = guarded_pages.open(preview.url())
    page.goto(preview.url(address))
    heading = page.locator("article h1")
    title = heading.inner_text()
    assert title and page.locator(".portal-problems").count() == 0

    original = measure.read_text(encoding="utf-8")
    measure.write_text(re.sub(r"^title:", "titel:", original, count=1, flags=re.M), encoding="utf-8")
    banner = page.locator(".portal-problems")
    expect(banner).to_be_visible(timeout=RELOAD_MS)  # live reload, not the test, reloaded the page
    expect(banner).to_be_in_viewport()  # not scrolled away by the browser's scroll restoration
    expect(banner).to_contain_text(f"data/measures/{measure.name}:")
    expect(banner).to_contain_text("Feld 'titel': ist kein bekanntes Feld")
    expect(banner).to_contain_text(LAST_GOOD_NOTE)
    expect(heading).to_have_text(title)
    assert preview.process.poll() is None

    missing = guarded_pages.open(preview.url())
    response = missing.goto(preview.url("gibt-es-nicht/"))
    assert response is not None and response.status == 404
    expect(missing.locator("article h1")).to_have_text("Seite nicht gefunden")
    expect(missing.locator(".portal-problems")).to_contain_text(f"data/measures/{measure.name}:")
    expect(missing.locator(".portal-placeholder")).to_have_count(0)  # there is good content to show

    assert f"title: {title}" in original, "the test changes the title in place"
    measure.write_text(original.replace(f"title: {title}", f"title: {title} überarbeitet", 1), encoding="utf-8")
    expect(banner).to_have_count(0, timeout=RELOAD_MS)
    expect(heading).to_have_text(f"{title} überarbeitet")
    missing.reload()
    expect(missing.locator(".portal-problems")).to_have_count(0)


@pytest.mark.build
def test_serve_starts_with_broken_content_shows_a_placeholder_and_recovers(tmp_path: Path) -> None:
    root = mini_project(tmp_path, write={"topics/neu.yaml": "name: <script>alert(1)</script>\n"})
    broken = root / "data" / "topics" / "neu.yaml"
    server = Preview(root)
    try:
        _wait_for(lambda: "portal-problems" in server.page(), "start page with problems")
        assert server.process.poll() is None
        for address, status in (("", 200), ("massnahmen/", 200), ("gibt-es-nicht/", 404), ("massnahmen/fertig/", 404)):
            got, page = _get(server.url(address))
            assert got == status, address
            banner = page.split('class="portal-problems"')[1].split("</div>")[0]
            assert "data/topics/neu.yaml:1:" in banner and "&lt;" in banner, address
            assert "<script>alert(1)" not in page, address
            assert "Seit dem Start gab es noch keinen fehlerfreien Stand" in banner, address
            # No empty data presented as fact: the placeholder instead of counts and lists.
            assert PLACEHOLDER in page, address
            assert "Zieltermin verstrichen" not in page and "0 Maßnahmen" not in page, address
        assert "Industrie-Initiativen in Nordrhein-Westfalen" in server.page(), "the start page keeps its heading"
        assert "Traceback" not in server.output()

        broken.write_text("name: Neu\n", encoding="utf-8")
        _wait_for(lambda: "portal-problems" not in server.page(), "recovery after a good save")
        start = server.page()
        assert PLACEHOLDER not in start and "Zieltermin verstrichen, kein Abschluss gemeldet (1)" in start
        assert "Erledigte Maßnahme" in server.page("massnahmen/fertig/")
        status, missing = _get(server.url("gibt-es-nicht/"))
        assert status == 404 and "portal-problems" not in missing and PLACEHOLDER not in missing
    finally:
        server.process.terminate()
        server.process.wait(timeout=20)


# Planted into the scratch project's copy of the hooks: reading the content crashes while the
# marker file exists, as a bug in the portal would. The shipped code is not changed.
CRASH = """

_load_valid = load_valid


def load_valid(data_dir, today=None):  # type: ignore[no-redef]
    if (data_dir / "absturz.txt").exists():
        raise RuntimeError("Testabsturz beim Lesen")
    return _load_valid(data_dir, today)
"""


@pytest.mark.build
@pytest.mark.slow
def test_an_internal_error_while_reading_becomes_a_problem_not_a_dead_server(tmp_path: Path) -> None:
    root = mini_project(tmp_path)
    with (root / "hooks" / "portal" / "check.py").open("a", encoding="utf-8") as check:
        check.write(CRASH)
    server = Preview(root)
    try:
        _wait_for(lambda: "Erledigte Maßnahme" in server.page("massnahmen/fertig/"), "first build")
        marker = root / "data" / "absturz.txt"
        marker.write_text("", encoding="utf-8")
        _wait_for(lambda: INTERNAL in server.page("massnahmen/fertig/"), "the crash shown as a problem")
        assert server.process.poll() is None, "the server stopped on an internal error"
        measure = html.unescape(server.page("massnahmen/fertig/"))
        assert f"{INTERNAL}: RuntimeError: Testabsturz beim Lesen (portal/check.py, Zeile" in measure
        assert "Erledigte Maßnahme" in measure and LAST_GOOD_NOTE in measure
        assert "Traceback" in server.output(), "the terminal gets the traceback for a bug report"

        marker.unlink()
        _wait_for(lambda: "portal-problems" not in server.page("massnahmen/fertig/"), "recovery")
    finally:
        server.process.terminate()
        server.process.wait(timeout=20)


# --- The fallback logic (portal.preview), without a server ---

TODAY = dt.date(2026, 11, 22)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    mini_data(tmp_path / "data")
    return tmp_path


def _build(root: Path) -> Callable[..., Portal]:
    def build(*, content: bool = True) -> Portal:
        return Portal(root, TODAY, content=content)
    return build


def _crash(root: Path) -> Callable[..., Portal]:
    def build(*, content: bool = True) -> Portal:
        if content:
            raise RuntimeError("kaputt\nin zwei Zeilen")
        return Portal(root, TODAY, content=False)
    return build


def test_the_preview_shows_good_content_and_remembers_it(project: Path) -> None:
    last = LastGood()
    portal = last.show(_build(project))
    assert last.portal is portal and portal.has_content and not portal.problems
    assert "massnahmen/fertig.md" in portal.plans and last.traceback == ""


def test_broken_content_shows_the_last_good_content_with_the_new_problems(project: Path) -> None:
    last = LastGood()
    good = last.show(_build(project))
    (project / "data" / "topics" / "neu.yaml").write_text(BROKEN_TOPIC, encoding="utf-8")
    with pytest.raises(ContentError):  # a real build still fails
        Portal(project, TODAY)

    shown = last.show(_build(project))
    [line] = shown.problem_lines()
    assert line.startswith(PROBLEM_LINE)
    assert shown.has_content and shown.plans is good.plans and shown.catalog is good.catalog
    assert shown.context("massnahmen/fertig.md")["content_problems"] == [line]
    # The remembered portal itself stays clean: the problems belong to this build only.
    assert last.portal is good and not good.problems

    (project / "data" / "topics" / "neu.yaml").write_text("name: Neu\n", encoding="utf-8")
    fixed = last.show(_build(project))
    assert last.portal is fixed and fixed is not good and not fixed.problems
    assert "themen/neu.md" in fixed.plans


def test_broken_content_before_any_good_shows_an_empty_portal(project: Path) -> None:
    (project / "data" / "topics" / "neu.yaml").write_text(BROKEN_TOPIC, encoding="utf-8")
    last = LastGood()
    shown = last.show(_build(project))
    assert last.portal is None
    assert not shown.has_content and shown.plans == {}
    assert [line.startswith(PROBLEM_LINE) for line in shown.problem_lines()] == [True]
    assert shown.catalog.measures == {} and shown.exports()  # the open-data files exist, empty


@pytest.mark.parametrize("good_first", [True, False])
def test_an_unexpected_exception_becomes_a_problem(project: Path, good_first: bool) -> None:
    last = LastGood()
    good = last.show(_build(project)) if good_first else None
    shown = last.show(_crash(project))
    [line] = shown.problem_lines()
    assert line.startswith(f"{INTERNAL}: RuntimeError: kaputt in zwei Zeilen (")
    assert "test_preview.py, Zeile" in line and "bitte mit dieser Zeile melden" in line
    assert "Traceback" in last.traceback and "kaputt" in last.traceback
    assert last.portal is good and shown.has_content is good_first
    # The next good build clears the traceback and is remembered.
    assert last.show(_build(project)) is last.portal and last.traceback == ""
