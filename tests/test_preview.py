"""The live preview: ``mkdocs serve`` keeps running on broken content, shows the problems in the
browser page, and recovers with the next good save."""

from __future__ import annotations

import html
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import BIN, EPOCH, FIXTURES, make_project

BROKEN_TOPIC = "name: Neu\ntitel: Tippfehler\n"
PROBLEM_LINE = "data/topics/neu.yaml:2:1: Feld 'titel': ist kein bekanntes Feld"


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
    except (urllib.error.URLError, ConnectionError):
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
            [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=root, env=env, stdout=self.log.open("w"), stderr=subprocess.STDOUT,
        )

    def url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def page(self, path: str = "") -> str:
        return _get(self.url(path))[1]


@pytest.fixture()
def preview(tmp_path: Path) -> Iterator[Preview]:
    server = Preview(make_project(tmp_path, FIXTURES / "mini"))
    try:
        yield server
    finally:
        server.process.terminate()
        server.process.wait(timeout=20)


def test_serve_survives_a_broken_save_and_recovers(preview: Preview) -> None:
    _wait_for(lambda: "Erledigte Maßnahme" in preview.page("massnahmen/fertig/"), "first build")

    broken = preview.root / "data" / "topics" / "neu.yaml"
    broken.write_text(BROKEN_TOPIC, encoding="utf-8")
    _wait_for(lambda: PROBLEM_LINE in html.unescape(preview.page()), "problems shown on the start page")
    assert preview.process.poll() is None, "the server stopped on a content error"
    start = preview.page()
    assert 'class="portal-problems" role="alert"' in start
    assert "Ein Problem in den Inhalten" in start
    output = preview.output()
    assert PROBLEM_LINE in output and "Traceback" not in output

    broken.write_text("name: Neu\ndescription: Jetzt richtig\n", encoding="utf-8")
    _wait_for(lambda: "Erledigte Maßnahme" in preview.page("massnahmen/fertig/"), "recovery after a good save")
    assert "portal-problems" not in preview.page()
    assert "Jetzt richtig" in preview.page("themen/neu/")


def test_serve_starts_with_broken_content_and_escapes_the_problems(tmp_path: Path) -> None:
    root = make_project(tmp_path, FIXTURES / "mini")
    (root / "data" / "topics" / "neu.yaml").write_text("name: <script>alert(1)</script>\n", encoding="utf-8")
    server = Preview(root)
    try:
        _wait_for(lambda: "portal-problems" in server.page(), "start page with problems")
        page = server.page()
        assert "<script>alert(1)" not in page
        assert "&lt;" in page.split('class="portal-problems"')[1]
        assert server.process.poll() is None
    finally:
        server.process.terminate()
        server.process.wait(timeout=20)
