"""Measurements of one build for ``benchmarks/scale.py``: scratch projects, timed builds in child
processes, the content check, and the sizes of a built site.

Every build runs in a child process of its own (``benchmarks/rusage_run.py``), which reports the wall
time, the CPU time (user + sys of the build and everything it starts, Pagefind included) and the peak
memory (the largest resident set of any of those processes) of exactly that build.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RUSAGE_RUN = Path(__file__).resolve().parent / "rusage_run.py"
# What a portal project is made of (README, "How the folders fit together").
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "data")
# A fixed build date, so that overdue measures, drafts and "ohne Meldung" are the same on every run.
SOURCE_DATE_EPOCH = "1795305600"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
# Caches a build or check may leave in the project (the parse cache of issue 14 lives in one of them):
# removed before every cold run. Python's bytecode stays: it is not the portal's cache.
CACHE_NAMES = (".cache",)
# Not copied into a scratch project: bytecode and caches of this worktree.
NOT_COPIED = (*CACHE_NAMES, "__pycache__")
# Folders a cache is never in: the built site (and the portal's half-written one).
NOT_SEARCHED = {"site", ".site.neu", "node_modules"}
# The page budget of issue 14: no HTML page over this, gzipped or raw.
BUDGET_GZIP = 100 * 1024
BUDGET_RAW = 500 * 1024
# GitHub Pages serves text gzipped; level 6 is what web servers commonly use.
GZIP_LEVEL = 6


@dataclass(frozen=True)
class Run:
    """One command's cost: seconds of wall time and CPU time (with its children), peak memory in bytes
    (``max_rss``: of its largest process, children included; ``own_rss``: of the command's own process)."""

    wall: float
    cpu: float
    max_rss: int
    own_rss: int = 0


@dataclass(frozen=True)
class Page:
    """An HTML page of a built site: site-relative path, raw and gzipped bytes."""

    path: str
    raw: int
    gzipped: int


@dataclass(frozen=True)
class SiteSize:
    """A built site: its files and bytes, its HTML pages, the largest ones and the pages over budget."""

    files: int
    bytes: int
    html_pages: int
    largest_raw: Page
    largest_gzip: Page
    over_budget: tuple[Page, ...]


def portal_project(target: Path, data: Path | None = None) -> Path:
    """A scratch copy of the portal (this worktree's code) at ``target``; ``data`` replaces data/."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        src = data if name == "data" and data is not None else ROOT / name
        dest = target / name
        if dest.exists():
            shutil.rmtree(dest) if dest.is_dir() else dest.unlink()
        if src.is_dir():
            shutil.copytree(src, dest, ignore=shutil.ignore_patterns(*NOT_COPIED))
        else:
            shutil.copy(src, dest)
    return target


def clear_caches(project: Path) -> None:
    """Remove every cache folder a previous run left in the project (not the built site)."""
    for folder, subfolders, _ in os.walk(project):
        for name in list(subfolders):
            if name in CACHE_NAMES:
                shutil.rmtree(Path(folder) / name, ignore_errors=True)
            if name in CACHE_NAMES or name in NOT_SEARCHED or folder == str(project / "data"):
                subfolders.remove(name)


def measured(args: list[str], cwd: Path, log: Path | None = None) -> Run:
    """Run ``args`` in ``cwd`` in a child process of its own and return its cost; fails loudly with
    the output when the command fails. ``log`` keeps stdout and stderr."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        figures = Path(out.name)
    try:
        proc = subprocess.run([sys.executable, str(RUSAGE_RUN), str(figures), "--", *args], cwd=cwd, env=ENV,
                              capture_output=True, text=True)
        if log is not None:
            log.write_text(proc.stdout + proc.stderr, encoding="utf-8")
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} in {cwd} fehlgeschlagen ({proc.returncode}):\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}")
        found = json.loads(figures.read_text(encoding="utf-8"))
    finally:
        figures.unlink(missing_ok=True)
    return Run(found["wall"], found["cpu"], found["max_rss"], found.get("own_rss", 0))


def build(project: Path, log: Path | None = None) -> Run:
    """A cold ``mkdocs build`` of the project (caches removed first)."""
    clear_caches(project)
    return measured([str(BIN / "mkdocs"), "build", "--quiet"], project, log)


def check_runs(project: Path) -> tuple[Run, Run]:
    """The content check as ``scripts/check.sh`` runs it (``python -m portal.check ../data`` from
    hooks/): once without any cache, then again at once (a parse cache, if any, is warm then)."""
    clear_caches(project)
    args = [sys.executable, "-m", "portal.check", "../data"]
    return measured(args, project / "hooks"), measured(args, project / "hooks")


def site_size(site: Path) -> SiteSize:
    """Files, bytes and HTML pages of a built site, with the largest pages and those over budget."""
    files = total = 0
    pages: list[Page] = []
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        files += 1
        data = path.read_bytes()
        total += len(data)
        if path.suffix == ".html":
            pages.append(Page(path.relative_to(site).as_posix(), len(data), len(gzip.compress(data, GZIP_LEVEL))))
    if not pages:
        raise ValueError(f"{site} enthält keine HTML-Seite")
    over = tuple(sorted((p for p in pages if p.gzipped > BUDGET_GZIP or p.raw > BUDGET_RAW), key=lambda p: -p.raw))
    return SiteSize(files, total, len(pages), max(pages, key=lambda p: p.raw), max(pages, key=lambda p: p.gzipped), over)


def built_site(project: Path) -> Path:
    """Where the build put the site (MkDocs' default site/)."""
    site = project / "site"
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"keine gebaute Site in {site}")
    return site
