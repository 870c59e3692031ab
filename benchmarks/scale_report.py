"""The table of ``benchmarks/scale.py``: portal against its bare MkDocs twin, one column per content size.

Pure formatting of figures measured elsewhere (``scale_measure``, ``scale_preview``, ``scale_browser``),
so that it can be tested on fixed figures (tests/test_benchmarks.py). A cell reads "portal / bare
(ratio portal/bare)", as in issue 14; figures only the portal has stand alone.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass, field

from scale_browser import BrowserFigures
from scale_measure import BUDGET_GZIP, BUDGET_RAW, Page, Run, SiteSize

# Over-budget pages named per content size below the table (the rest are counted).
LISTED_OVER_BUDGET = 25
NOT_MEASURED = "–"


@dataclass(frozen=True)
class Side:
    """One site (the portal or the bare twin) at one size: its builds, its pages, the browser."""

    builds: list[Run]
    size: SiteSize
    browser: BrowserFigures | None = None

    @property
    def build(self) -> Run:
        """The median build (wall and CPU time), with the highest peak memory of the runs."""
        return Run(statistics.median(r.wall for r in self.builds), statistics.median(r.cpu for r in self.builds),
                   max(r.max_rss for r in self.builds), max(r.own_rss for r in self.builds))


@dataclass(frozen=True)
class Measured:
    """Everything measured at one content size."""

    label: str
    portal: Side
    bare: Side
    check: tuple[Run, Run] | None = None
    preview: list[dict[str, float | None]] = field(default_factory=list)


def seconds(value: float) -> str:
    """'0.84 s', '25.1 s', '222 s'."""
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s" if value < 100 else f"{value:,.0f} s"


def megabytes(value: float) -> str:
    """Bytes as '161 MB' (MiB, as tools report memory), '1.4 MB' below 10."""
    mb = value / 1024 / 1024
    return f"{mb:.1f} MB" if mb < 10 else f"{mb:,.0f} MB"


def kilobytes(value: float) -> str:
    """Bytes as '987 KB' (KiB), '9.5 MB' from 1,000 KB on."""
    return f"{value / 1024:,.0f} KB" if value < 1_000 * 1024 else megabytes(value)


def ratio(portal: float, bare: float) -> str:
    """'(3.05×)'; nothing when the bare figure is zero."""
    return f" ({portal / bare:.2f}×)" if bare else ""


def both(portal: float, bare: float, unit: Callable[[float], str]) -> str:
    """'25.1 s / 9.0 s (2.79×)'."""
    return f"{unit(portal)} / {unit(bare)}{ratio(portal, bare)}"


def _page(page: Page, size: Callable[[Page], int]) -> str:
    return f"{kilobytes(size(page))} `{page.path}`"


def _median(values: list[float | None]) -> str:
    known = [v for v in values if v is not None]
    if not known:
        return f"not shown after the rebuild ({len(values)} of {len(values)})" if values else NOT_MEASURED
    missing = len(values) - len(known)
    return seconds(statistics.median(known)) + (f" ({missing} of {len(values)}: not shown after the rebuild)" if missing else "")


def _browser(m: Measured, label: str) -> str:
    portal, bare = (side.browser.pages.get(label) if side.browser else None for side in (m.portal, m.bare))
    if portal is None:
        return NOT_MEASURED
    text = f"{portal.dom_content_loaded:,.0f} / {portal.load:,.0f} ms"
    return text + (f" (bare {bare.dom_content_loaded:,.0f} / {bare.load:,.0f} ms)" if bare else "")


def rows(measured: list[Measured]) -> list[tuple[str, list[str]]]:
    """(label, one cell per size) for every row of the table."""
    out: list[tuple[str, list[str]]] = [
        ("HTML pages, portal / bare", [f"{m.portal.size.html_pages:,} / {m.bare.size.html_pages:,}" for m in measured]),
        ("full build, wall time", [both(m.portal.build.wall, m.bare.build.wall, seconds) for m in measured]),
        ("full build, CPU time (user+sys)", [both(m.portal.build.cpu, m.bare.build.cpu, seconds) for m in measured]),
        ("peak memory (max RSS of any process)", [both(m.portal.build.max_rss, m.bare.build.max_rss, megabytes) for m in measured]),
        ("peak memory of MkDocs' own process", [both(m.portal.build.own_rss, m.bare.build.own_rss, megabytes)
                                                if m.portal.build.own_rss else NOT_MEASURED for m in measured]),
        ("content check, cold / warm", [f"{seconds(m.check[0].wall)} / {seconds(m.check[1].wall)} ({megabytes(m.check[0].max_rss)})"
                                        if m.check else NOT_MEASURED for m in measured]),
        ("site size (files)", [f"{megabytes(m.portal.size.bytes)} ({m.portal.size.files:,}) / {megabytes(m.bare.size.bytes)} "
                               f"({m.bare.size.files:,}){ratio(m.portal.size.bytes, m.bare.size.bytes)}" for m in measured]),
        ("largest HTML page, raw", [f"{_page(m.portal.size.largest_raw, lambda p: p.raw)} / {_page(m.bare.size.largest_raw, lambda p: p.raw)}"
                                    for m in measured]),
        ("largest HTML page, gzipped", [f"{_page(m.portal.size.largest_gzip, lambda p: p.gzipped)} / "
                                        f"{_page(m.bare.size.largest_gzip, lambda p: p.gzipped)}" for m in measured]),
        (f"pages over {BUDGET_GZIP // 1024} KB gzipped or {BUDGET_RAW // 1024} KB raw",
         [f"{len(m.portal.size.over_budget):,} / {len(m.bare.size.over_budget):,}" for m in measured]),
    ]
    watched = list(dict.fromkeys(key for m in measured for edit in m.preview for key in edit))
    for key in watched:
        out.append((f"preview: saved change visible on {key} (median)",
                    [_median([edit.get(key) for edit in m.preview]) if m.preview else NOT_MEASURED for m in measured]))
    labels = list(dict.fromkeys(key for m in measured if m.portal.browser for key in m.portal.browser.pages))
    for label in labels:
        out.append((f"browser: {label}, DOMContentLoaded / load", [_browser(m, label) for m in measured]))
    if any(m.portal.browser for m in measured):
        out.append(("browser: /massnahmen/ DOM elements", [_nodes(m) for m in measured]))
        out.append(("browser: /massnahmen/ filter change until the count shows it",
                    [f"{m.portal.browser.filter_ms:,.0f} ms" if m.portal.browser and m.portal.browser.filter_ms is not None
                     else NOT_MEASURED for m in measured]))
    return out


def _nodes(m: Measured) -> str:
    portal = m.portal.browser.pages.get("/massnahmen/") if m.portal.browser else None
    bare = m.bare.browser.pages.get("/massnahmen/") if m.bare.browser else None
    if portal is None:
        return NOT_MEASURED
    return f"{portal.nodes:,}" + (f" (bare {bare.nodes:,})" if bare else "")


def table(measured: list[Measured]) -> str:
    """The Markdown table: one row per figure, one column per content size."""
    lines = ["| | " + " | ".join(m.label for m in measured) + " |", "|---|" + "---|" * len(measured)]
    lines += [f"| {label} | " + " | ".join(cells) + " |" for label, cells in rows(measured)]
    return "\n".join(lines)


def over_budget(measured: list[Measured]) -> str:
    """The portal's pages over the page budget, per size (the largest first)."""
    out = []
    for m in measured:
        pages = m.portal.size.over_budget
        if not pages:
            continue
        out.append(f"Portal pages over budget at {m.label} ({len(pages):,}):")
        out += [f"- `{p.path}`: {kilobytes(p.raw)} raw, {kilobytes(p.gzipped)} gzipped" for p in pages[:LISTED_OVER_BUDGET]]
        if len(pages) > LISTED_OVER_BUDGET:
            out.append(f"- … and {len(pages) - LISTED_OVER_BUDGET:,} more")
        out.append("")
    return "\n".join(out)


def report(measured: list[Measured], command: str, when: str, machine: str, commit: str) -> str:
    """The whole Markdown report: how it was made, the table, the pages over budget."""
    return "\n".join([
        "# Scale benchmark: the portal against a bare MkDocs + Material twin", "",
        f"Command: `{command}`  ", f"Date: {when}  ", f"Machine: {machine}  ", f"Code: {commit}", "",
        "Cells read portal / bare twin (ratio). Builds are cold (no cache), each in a child process of its own; "
        "times are medians of the runs, memory the highest peak. Sizes: bytes on disk, gzip level 6 as a web server "
        "sends them.", "",
        table(measured), "", over_budget(measured)]).rstrip() + "\n"
