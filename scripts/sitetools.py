"""Build the portal into a scratch folder and serve it on 127.0.0.1, for the report scripts.

Shared by ``scripts/lighthouse.py`` and ``scripts/screenshots.py`` so both look at the same site,
served the way GitHub Pages serves it (``404.html`` for a missing address), and start Chromium with
the same flags as the browser tests.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# mkdocs from the same venv as the interpreter running the script (".venv/bin/python scripts/...").
BIN = Path(sys.executable).parent

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
# Also used by tests/conftest.py, so the reports and the browser tests see the same browser: headless
# on a machine without a display or sandbox (--headless, --no-sandbox, --disable-gpu), nothing of
# Chromium's own in the background (first-run, component updates, sync, background networking, QUIC),
# and every host name except 127.0.0.1 unresolvable (--host-resolver-rules), which stops Chromium's
# calls to Google services and makes any request of the site to another host fail loudly.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]

# One example of each main page type, site-relative. The examples are records that the shipped
# content has had from the start; change them here if one is ever removed.
PAGES: dict[str, str] = {
    "start": "",
    "initiativen": "initiativen/",
    "initiative": "initiativen/masterplan-industrie-duesseldorf/",
    "massnahme": "massnahmen/duisburg-breitband-glasfaser/",
    "partner": "partner/",
    "organisation": "partner/ihk-duesseldorf/",
    "zeitleiste": "zeitleiste/",
    "presse": "presse/",
    "karte": "regionen/#karte",
    "initiative-zeitleiste": "initiativen/staerkungsinitiative-industrie-muelheim/#zeitleiste",
    "neu": "neu/",
    "netzwerk": "partner/netzwerk/",
    "region": "regionen/duisburg/#massnahmen",
    # Generated pages of the split overviews (portal.archives): an organisation type, a year of the timeline.
    "partner-art": "partner/art/verband/",
    "zeitleiste-jahr": "zeitleiste/2023/",
}


def build_site(dest: Path) -> Path:
    """Build the shipped content with MkDocs into ``dest`` (never into the repository's ``site/``)."""
    mkdocs = BIN / "mkdocs" if (BIN / "mkdocs").exists() else Path("mkdocs")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([str(mkdocs), "build", "--strict", "--quiet", "--site-dir", str(dest)],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"mkdocs build fehlgeschlagen:\n{proc.stdout}{proc.stderr}")
    return dest


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files; a missing address gets the site's own 404.html with status 404, as on Pages."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the reports print their own results, not an access log."""


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Browsers drop connections they no longer need; that is not an error worth a traceback."""


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 on a free port; yields the base URL ending in '/'."""
    server = _Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def add_site_argument(parser: argparse.ArgumentParser) -> None:
    """The common ``--site`` option: use an existing build instead of building afresh."""
    parser.add_argument("--site", type=Path, help="fertig gebauter Site-Ordner (sonst wird in einen Temp-Ordner gebaut)")


@contextlib.contextmanager
def served_site(site: Path | None) -> Iterator[str]:
    """Serve ``site``, or a fresh build of the shipped content in a temporary folder; yields the base URL."""
    if site is not None:
        if not (site / "index.html").is_file():
            raise SystemExit(f"{site} enthält keine index.html")
        with serve(site) as base:
            yield base
        return
    with tempfile.TemporaryDirectory(prefix="portal-site-") as tmp:
        print("Baue die Site …", file=sys.stderr)
        with serve(build_site(Path(tmp) / "site")) as base:
            yield base
