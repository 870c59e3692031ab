"""Benchmark: what a visitor pays for the search, with Material's lunr search and with Pagefind.

Usage: .venv/bin/python benchmarks/search_cost.py [--sizes shipped tenth] [--engine lunr pagefind] [--runs 3]

For each size ("shipped": the shipped content; "tenth": plus synthetic content for a tenth of all NRW
from ``benchmarks/synthetic.py``, about 3,300 more pages) a scratch copy of the project is built with
``mkdocs build``. ``lunr`` is Material's search of that build (``search/search_index.json``);
``pagefind`` is the Pagefind index in ``pagefind/``, made by the build if it makes one, otherwise
by running ``python -m pagefind --site`` on the built site.

Measured per size and engine: the index on disk (files, bytes, bytes gzipped as GitHub Pages serves
text files; Pagefind's chunks are gzip files already and count as they are). Then in this machine's
Chromium, for each query, on a cold page (a new browser context, empty cache) per run, served from
127.0.0.1 by ``scripts/sitetools.serve``: the bytes requested while the start page loads (until the
network is idle) and during the first query, the time from sending the query to the first results,
and the JS heap of the page and its workers after the query (CDP ``Runtime.getHeapUsage``). Bytes
are the sizes of the requested files, raw and as served with gzip. The median of the runs is
printed as Markdown and written to ``benchmarks/results/search_cost.md`` with the date and the machine.

lunr: the query goes into Material's search box (one key release, as a visitor's last key), and the
time runs until its result line says how many results there are. Pagefind: its JS API in the page
(``import('/pagefind/pagefind.js')``, ``search(query)``, then the first result's ``data()``), so the
figures do not depend on the search dialog's markup. The page's Content-Security-Policy is bypassed
for that call: the API needs WebAssembly, which the site's policy allows only once Pagefind is part
of the site. On a site that still has Material's search, its files are blocked while Pagefind is
measured, so the page load counts what the page will load once Pagefind replaces it. Machines here are shared and noisy: compare rows of one run with each other.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import synthetic  # noqa: E402
from search_report import Index, Measured, Run, report  # noqa: E402
from sitetools import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

SIZES = {"shipped": 0.0, "tenth": 0.1}
ENGINES = ("lunr", "pagefind")
QUERIES = ("Fachkraft", "Glasfaser", "2023", "Düsseldorf")
RESULTS = ROOT / "benchmarks" / "results" / "search_cost.md"
# GitHub Pages compresses text; Pagefind's index chunks and WebAssembly are gzip files already.
TEXT_SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".map"}
# Pagefind's ready-made interfaces are not the index; the dialog's own bytes show in the transfers.
PAGEFIND_UI = ("-ui.", "pagefind-highlight")
# What Material's search loads: its index, its worker and lunr's language scripts.
LUNR_FILES = re.compile(r"/search/search_index\.json$|/assets/javascripts/(workers/search\.|lunr/)")
SEARCH_FILES = re.compile(LUNR_FILES.pattern + r"|/pagefind/")

LUNR_QUERY = r"""async (query) => {
  const box = document.querySelector('input.md-search__input');
  const meta = document.querySelector('.md-search-result__meta');
  const start = performance.now();
  box.value = query;
  box.dispatchEvent(new KeyboardEvent('keyup', {key: 'End'}));
  // "3 Suchergebnisse", "1 Suchergebnis" or "Keine Suchergebnisse": Material has answered.
  while (!/Suchergebnis/.test(meta.textContent)) await new Promise((done) => requestAnimationFrame(done));
  // Material renders ten results at a time; the line above the list counts them all.
  const count = meta.textContent.match(/\d[\d.]*/);
  return [performance.now() - start, count ? Number(count[0].replace(/\./g, '')) : 0];
}"""
PAGEFIND_QUERY = """async (query) => {
  const start = performance.now();
  const pagefind = await import('/pagefind/pagefind.js');
  const found = await pagefind.search(query);
  if (found.results.length) await found.results[0].data();
  return [performance.now() - start, found.results.length];
}"""


def served_bytes(path: Path) -> tuple[int, int]:
    """(raw, as served): text files gzipped at level 6, everything else as it is."""
    raw = path.read_bytes()
    return len(raw), len(gzip.compress(raw, 6)) if path.suffix in TEXT_SUFFIXES else len(raw)


def project(tmp: Path, fraction: float, seed: int) -> Path:
    """A scratch copy of the project, with synthetic content for ``fraction`` of NRW added."""
    for name in ("mkdocs.yml", "docs", "overrides", "hooks", "data"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, tmp / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(src, tmp / name)
    if fraction:
        synthetic.generate(tmp / "data", fraction, seed)
    return tmp


def build(root: Path) -> tuple[Path, float]:
    """``mkdocs build`` of the scratch project; the site folder and the seconds it took."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    proc = subprocess.run([str(BIN / "mkdocs"), "build", "--quiet", "--site-dir", str(root / "site")],
                          cwd=root, env=env, capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"mkdocs build fehlgeschlagen:\n{proc.stdout}{proc.stderr}")
    return root / "site", time.perf_counter() - start


def index_files(site: Path, engine: str) -> list[Path]:
    """The files of an engine's index (empty when the site has none)."""
    if engine == "lunr":
        return [p for p in [site / "search" / "search_index.json"] if p.is_file()]
    folder = site / "pagefind"
    return sorted(p for p in folder.rglob("*") if p.is_file() and not any(ui in p.name for ui in PAGEFIND_UI))


def index(site: Path, engine: str) -> Index | None:
    """Size of the engine's index; Pagefind is run on the site first if the build made no index."""
    made = None
    if engine == "pagefind" and not (site / "pagefind" / "pagefind.js").is_file():
        start = time.perf_counter()
        subprocess.run([str(BIN / "python"), "-m", "pagefind", "--site", str(site), "--quiet"], check=True)
        made = time.perf_counter() - start
    files = index_files(site, engine)
    if not files:
        return None
    sizes = [served_bytes(p) for p in files]
    return Index(len(files), sum(s[0] for s in sizes), sum(s[1] for s in sizes), made)


def heap(browser: Any) -> int:
    """Used JS heap of every page and worker (Material's search and Pagefind search in workers)."""
    cdp = browser.new_browser_cdp_session()
    answers: dict[str, Any] = {}

    def received(event: dict[str, Any]) -> None:
        message = json.loads(event["message"])
        if message.get("id") == 1:
            answers[event["sessionId"]] = message.get("result", {})

    cdp.on("Target.receivedMessageFromTarget", received)
    total = 0
    for target in cdp.send("Target.getTargets")["targetInfos"]:
        if target["type"] not in ("page", "worker") or target["url"].startswith("chrome"):
            continue
        # A worker has no session of its own in Playwright; the browser's session speaks to it.
        session = cdp.send("Target.attachToTarget", {"targetId": target["targetId"], "flatten": False})["sessionId"]
        cdp.send("Target.sendMessageToTarget", {"sessionId": session,
                                                "message": json.dumps({"id": 1, "method": "Runtime.getHeapUsage"})})
        deadline = time.monotonic() + 5
        while session not in answers and time.monotonic() < deadline:
            cdp.send("Target.getTargets")  # a round trip lets Playwright deliver the events
            time.sleep(0.01)
        total += int(answers.get(session, {}).get("usedSize", 0))
        cdp.send("Target.detachFromTarget", {"sessionId": session})
    cdp.detach()
    return total


def cold_page(browser: Any, engine: str) -> Any:
    """A new browser context (empty cache) for ``engine``."""
    context = browser.new_context(bypass_csp=engine == "pagefind")
    if engine == "pagefind":
        # A site built before the switch still loads Material's search on every page: Pagefind is
        # measured as it will be served, without it.
        context.route(LUNR_FILES, lambda route: route.abort())
    return context


def ask(page: Any, engine: str, query: str) -> tuple[float, int]:
    """Send ``query`` to the engine in ``page``; milliseconds until the first results, and the hits."""
    if engine == "lunr":
        page.locator("input.md-search__input").click()
        ms, hits = page.evaluate(LUNR_QUERY, query)
    else:
        ms, hits = page.evaluate(PAGEFIND_QUERY, query)
    return float(ms), int(hits)


def query_at_load(browser: Any, base: str, engine: str, query: str) -> float:
    """Time to first results for a query sent at the page's load event: a visitor who searches at
    once also waits for what the engine still fetches and builds (lunr: its whole index)."""
    context = cold_page(browser, engine)
    page = context.new_page()
    page.goto(base, wait_until="load")
    ms = ask(page, engine, query)[0]
    context.close()
    return ms


def first_query(browser: Any, base: str, site: Path, engine: str, query: str) -> Run:
    """Open the start page cold, wait until it is loaded, send ``query``; measure bytes, time, heap."""
    context = cold_page(browser, engine)
    requested: list[tuple[str, str]] = []
    phase = ["load"]
    context.on("requestfinished", lambda request: requested.append((phase[0], request.url)))
    page = context.new_page()
    page.goto(base, wait_until="networkidle")
    phase[0] = "query"
    ms, hits = ask(page, engine, query)
    page.wait_for_load_state("networkidle")
    used = heap(browser)
    totals = {"load": [0, 0], "query": [0, 0], "search": [0, 0]}
    for when, url in requested:
        path = unquote(urlsplit(url).path).lstrip("/")
        file = site / path / "index.html" if path == "" or path.endswith("/") else site / path
        if file.is_file():
            raw, served = served_bytes(file)
            # lunr's index arrives with the page, Pagefind's with the query: both are the search's cost.
            for kind in {when, "search"} if when == "query" or SEARCH_FILES.search(url) else {when}:
                totals[kind][0] += raw
                totals[kind][1] += served
    context.close()
    load, during, search = ((totals[k][0], totals[k][1]) for k in ("load", "query", "search"))
    return Run(load, during, search, ms, used, hits, query_at_load(browser, base, engine, query))


def measure(size: str, engines: list[str], runs: int, seed: int, playwright: Any) -> Measured:
    """Build one size and measure every engine on it."""
    with tempfile.TemporaryDirectory(prefix=f"search-cost-{size}-") as scratch:
        root = project(Path(scratch), SIZES[size], seed)
        print(f"{size}: baue die Site …", file=sys.stderr)
        site, seconds = build(root)
        result = Measured(size, sum(1 for _ in site.rglob("*.html")), seconds)
        for engine in engines:
            found = index(site, engine)
            if found is None:
                print(f"{size}: keine Suche von {engine} in der Site", file=sys.stderr)
                continue
            result.indexes[engine] = found
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        with serve(site) as base:
            for engine in result.indexes:
                for query in QUERIES:
                    result.runs[(engine, query)] = [first_query(browser, base, site, engine, query) for _ in range(runs)]
                    print(f"{size} {engine} {query}: {[round(r.ms) for r in result.runs[(engine, query)]]} ms", file=sys.stderr)
        browser.close()
        return result


def main() -> None:
    """Measure the sizes and engines asked for; print the report and write it to the results file."""
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", choices=list(SIZES), default=list(SIZES))
    parser.add_argument("--engine", nargs="+", choices=ENGINES, default=list(ENGINES))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    with sync_playwright() as playwright:
        results = [measure(size, args.engine, args.runs, args.seed, playwright) for size in args.sizes]
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        chromium = browser.version
        browser.close()
    text = report(results, args.runs, chromium, load_before)
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
