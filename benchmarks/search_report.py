"""The search-cost benchmark's figures and its Markdown report (``benchmarks/search_cost.py`` measures).

Kept apart from the measuring so that either can change alone: what one cold page run yields
(``Run``), an engine's index (``Index``), one size's figures (``Measured``), and the report with the
verdict on issue 13's targets at a tenth of NRW.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
from dataclasses import dataclass, field
from pathlib import Path

# Targets of issue 13 at a tenth of NRW.
TARGET_MS, TARGET_BYTES = 1000, 500_000

NOTES = [
    "- Hits are not comparable between the engines: Pagefind stems German words (Fachkraft finds Fachkräfte) and "
    "indexes numbers, the portal's lunr pipeline does neither; and on a site without `data-pagefind-body` Pagefind "
    "indexes the whole of every page, navigation and footer included, so a place name in the menu matches everywhere.",
    "- The tenth's content is synthetic (`benchmarks/synthetic.py`, seed 13): German sentences from a word chain over "
    "the shipped texts, so the queries' words are frequent in it.",
    "- Pagefind's ready-made interfaces (`*-ui.*`, `pagefind-highlight.js`) are not counted as index; a search dialog "
    "that loads files from `/pagefind/` with the page counts in *search's bytes*.",
]


@dataclass
class Run:
    """One cold page: bytes (raw, gzip) before and during the query, time to results, heap, hits; and
    on a second cold page, the time to results for a query sent as soon as the page has loaded."""

    load: tuple[int, int]
    query: tuple[int, int]
    search: tuple[int, int]  # the search's own files wherever loaded, and everything the query loads
    ms: float
    heap: int
    hits: int
    ms_at_load: float = 0.0


@dataclass
class Index:
    """An engine's index in one built site."""

    files: int
    raw: int
    gzip: int
    made_seconds: float | None = None  # Pagefind run by the benchmark (None: the build made it)


@dataclass
class Measured:
    """Everything measured for one size."""

    size: str
    pages: int
    build_seconds: float
    indexes: dict[str, Index] = field(default_factory=dict)
    runs: dict[tuple[str, str], list[Run]] = field(default_factory=dict)


def kb(value: float) -> str:
    """Bytes as KB (1,000 bytes), German-free digits for the Markdown table."""
    return f"{value / 1000:,.1f} KB" if value < 10_000_000 else f"{value / 1_000_000:,.1f} MB"


def median(runs: list[Run], what: str) -> float:
    """Median of one figure over the runs (``load``/``query`` mean the gzipped bytes)."""
    values = {"load": lambda r: r.load[1], "query": lambda r: r.query[1], "load_raw": lambda r: r.load[0],
              "query_raw": lambda r: r.query[0], "search": lambda r: r.search[1],
              "search_raw": lambda r: r.search[0], "ms": lambda r: r.ms, "ms_at_load": lambda r: r.ms_at_load, "heap": lambda r: r.heap, "hits": lambda r: r.hits}[what]
    return statistics.median(values(r) for r in runs)


def report(results: list[Measured], runs: int, chromium: str, load_before: float) -> str:
    """The Markdown report: machine, index sizes, per-query figures and the verdict on the targets."""
    memory = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), "0")
    lines = [
        "# Search cost: Material's lunr search and Pagefind",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()} with {os.cpu_count()} CPU cores "
        f"(nproc {len(os.sched_getaffinity(0))}), {int(memory) / 1_048_576:.1f} GiB memory, Chromium {chromium}, Python "
        f"{platform.python_version()}; produced by `.venv/bin/python benchmarks/search_cost.py` (median of {runs} cold "
        f"page loads per query; bytes as served with gzip, raw in brackets). Load average {load_before:.1f} at the start, "
        f"{os.getloadavg()[0]:.1f} at the end "
        "(the machine is shared: compare rows of one run, not runs of different days).",
        "",
        "Columns: *page load* is every byte the start page requests until the network is idle (for Pagefind without "
        "Material's search, which the switch removes); *first query* what the query then requests; *search's bytes* the "
        "search's own files wherever they load (lunr: index, worker and language scripts, all with the page; Pagefind: "
        "everything under `/pagefind/`) plus the first query's; *first results* the time from sending the query on the "
        "loaded page to the results (lunr: Material's result count shows; Pagefind: `search()` and the first result's "
        "`data()`); *query at load* the same with the query sent at the page's load event, so that lunr also fetches and "
        "builds its index; *JS heap* the used heap of the page and its workers after the query.",
        "",
        "## Index",
        "",
        "| size | HTML pages | build | engine | index files | on disk | gzipped | Pagefind run |",
        "|---|---:|---:|---|---:|---:|---:|---:|",
    ]
    for m in results:
        for engine, ix in m.indexes.items():
            made = "in the build" if engine == "pagefind" and ix.made_seconds is None else (
                f"{ix.made_seconds:.1f} s" if ix.made_seconds is not None else "–")
            lines.append(f"| {m.size} | {m.pages:,} | {m.build_seconds:.1f} s | {engine} | {ix.files:,} | {kb(ix.raw)} | {kb(ix.gzip)} | {made} |")
    lines += ["", "## First query on a cold start page", "",
              "| size | engine | query | hits | page load | first query | search's bytes | first results "
              "| query at load: results | JS heap after |",
              "|---|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for m in results:
        for (engine, query), rs in m.runs.items():
            lines.append(f"| {m.size} | {engine} | {query} | {median(rs, 'hits'):.0f} | {kb(median(rs, 'load'))} ({kb(median(rs, 'load_raw'))}) "
                         f"| {kb(median(rs, 'query'))} ({kb(median(rs, 'query_raw'))}) "
                         f"| {kb(median(rs, 'search'))} ({kb(median(rs, 'search_raw'))}) | {median(rs, 'ms'):,.0f} ms "
                         f"| {median(rs, 'ms_at_load'):,.0f} ms | {median(rs, 'heap') / 1_048_576:.1f} MiB |")
    lines += ["", "## Targets at a tenth of NRW (issue 13)", ""]
    for m in results:
        if m.size != "tenth":
            continue
        for engine in m.indexes:
            per_query = [rs for (e, _), rs in m.runs.items() if e == engine]
            slowest = max(max(median(rs, "ms"), median(rs, "ms_at_load")) for rs in per_query)
            heaviest = max(median(rs, "search") for rs in per_query)
            met = slowest < TARGET_MS and heaviest < TARGET_BYTES
            lines.append(f"- {engine}: slowest first results {slowest:,.0f} ms (target under {TARGET_MS:,} ms), most bytes "
                         f"for the search by a first query {kb(heaviest)} (target under {kb(TARGET_BYTES)}): "
                         f"{'meets both targets' if met else 'misses the targets'}.")
    lines += ["", "## Reading these figures", "", *NOTES]
    return "\n".join(lines) + "\n"
