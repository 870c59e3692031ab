"""Preview latency for ``benchmarks/scale.py``: how long after saving a data file the live preview
(``mkdocs serve``) shows the change.

The server runs in the scratch project with ``SERVE_ARGS`` (match them to ``scripts/serve.sh``) in a
process group of its own, so that stopping it stops everything it started. Once it serves, a measure's
title is changed in its YAML file, and from the moment the file is written each of ``WATCHED`` pages
is fetched over HTTP until it shows the new title. A page that still shows the old title
``AFTER_REBUILD`` seconds after the server logged a finished rebuild counts as not updated (None):
today's ``--dirty`` preview leaves overviews stale. Three edits; the caller takes the median.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

BIN = Path(sys.executable).parent
# The extra arguments of the preview (scripts/serve.sh runs the same): --dirty lets the portal
# rebuild only what a change touches (issue 14, item 5).
SERVE_ARGS = ("--dirty",)
# A measure of the shipped content, so that every content set has it, and its initiative.
MEASURE = "duisburg-breitband-glasfaser"
INITIATIVE = "masterplan-duisburg"
# Pages that show a measure's title: its own page, its initiative's page and the list of its status
# (``STATUS_LIST``, ordered by title; the overview /massnahmen/ shows only its first 100 measures by
# status, so at size a given measure is on one of its further pages).
WATCHED = {"Maßnahme": f"massnahmen/{MEASURE}/", "Initiative": f"initiativen/{INITIATIVE}/"}
STATUS_LIST = "Liste ihres Status"
# The measure's status, from the class of the first status tag in the page's article (the header's
# search dialog holds a template of every status tag before it).
STATUS_TAG = re.compile(r'class="portal-status portal-status--(?!overdue|stale)([a-z_]+)"')
# The new title starts with "Aa" so that it sorts first wherever a list is ordered by title (and so
# stays on the first page of a paginated list).
NEW_TITLE = "Aa Vorschau-Messung {n} {stamp}"
STARTUP_TIMEOUT = 1800.0   # the first build at full NRW takes minutes
CHANGE_TIMEOUT = 900.0     # a full rebuild per save at full NRW takes about four minutes
POLL = 0.2
# MkDocs' own log line after every rebuild of the preview, and how long a page may lag behind it.
REBUILT = b"Reloading browsers"
AFTER_REBUILD = 5.0
TITLE_LINE = re.compile(r"(?m)^title: .*$")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    """The page's text, or '' while the server cannot answer."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (127.0.0.1 only)
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return ""


def wait_for(url: str, text: str, start: float, rebuilt: Callable[[], float | None]) -> float | None:
    """Seconds from ``start`` until the page at ``url`` contains ``text``; None once ``AFTER_REBUILD``
    seconds have passed since ``rebuilt()`` first said when a rebuild finished, or after ``CHANGE_TIMEOUT``."""
    while time.perf_counter() - start < CHANGE_TIMEOUT:
        if text in fetch(url):
            return time.perf_counter() - start
        done = rebuilt()
        if done is not None and time.perf_counter() - done > AFTER_REBUILD:
            return None
        time.sleep(POLL)
    return None


class Preview:
    """``mkdocs serve`` in a project, started in its own process group; use as a context manager."""

    def __init__(self, project: Path, log: Path) -> None:
        self.project, self.log, self.port = project, log, free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Preview:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen([str(BIN / "mkdocs"), "serve", *SERVE_ARGS, "--dev-addr", f"127.0.0.1:{self.port}"],
                                         cwd=self.project, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        start = time.perf_counter()
        while time.perf_counter() - start < STARTUP_TIMEOUT:
            if self.proc.poll() is not None:
                raise RuntimeError(f"mkdocs serve beendet ({self.proc.returncode}), siehe {self.log}")
            if "</html>" in fetch(self.base):
                return self
            time.sleep(1.0)
        raise TimeoutError(f"mkdocs serve antwortet nicht nach {STARTUP_TIMEOUT:.0f} s, siehe {self.log}")

    def __exit__(self, *exc: object) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        # As Ctrl+C first (the server shuts down cleanly); in the middle of a build MkDocs may not
        # react to it, then SIGTERM, and SIGKILL as the last resort. Always the whole group.
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
            os.killpg(self.proc.pid, sig)
            try:
                self.proc.wait(timeout=15)
                return
            except subprocess.TimeoutExpired:
                continue

    def edit(self, n: int) -> dict[str, float | None]:
        """Change the measure's title, then the seconds until each watched page shows it."""
        path = self.project / "data" / "measures" / f"{MEASURE}.yaml"
        title = NEW_TITLE.format(n=n, stamp=int(time.time()))
        text = path.read_text(encoding="utf-8")
        changed = TITLE_LINE.sub(f"title: {title}", text, count=1)
        if changed == text:
            raise ValueError(f"{path} hat keine Zeile 'title:'")
        found: dict[str, float | None] = {}
        offset = self.log.stat().st_size
        seen: list[float] = []

        def rebuilt() -> float | None:
            """When the log first showed a finished rebuild after the save (None: not yet)."""
            if not seen:
                with self.log.open("rb") as log:
                    log.seek(offset)
                    if REBUILT in log.read():
                        seen.append(time.perf_counter())
            return seen[0] if seen else None

        page = fetch(self.base + WATCHED["Maßnahme"])
        status = STATUS_TAG.search(page, max(page.find("<article"), 0))
        watched = dict(WATCHED)
        if status:  # addresses use hyphens ("in-umsetzung")
            watched[STATUS_LIST] = f"massnahmen/status/{status.group(1).replace('_', '-')}/"
        start = time.perf_counter()
        path.write_text(changed, encoding="utf-8")
        threads = [threading.Thread(target=lambda k=key, u=url: found.__setitem__(k, wait_for(self.base + u, title, start, rebuilt)))
                   for key, url in watched.items()]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return {key: found.get(key) for key in watched}


def preview_latency(project: Path, log: Path, edits: int = 3) -> list[dict[str, float | None]]:
    """Seconds until each watched page shows an edit, for ``edits`` edits in a row (the measure's
    file is restored afterwards)."""
    path = project / "data" / "measures" / f"{MEASURE}.yaml"
    original = path.read_text(encoding="utf-8")
    try:
        with Preview(project, log) as preview:
            return [preview.edit(n + 1) for n in range(edits)]
    finally:
        path.write_text(original, encoding="utf-8")
