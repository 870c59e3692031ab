"""Benchmark: the portal at the size of North Rhine-Westphalia, built side by side with a bare
MkDocs + Material twin of the same pages and text (issue 14).

Usage: .venv/bin/python benchmarks/scale.py --fractions 0 0.1 1 [--runs N] [--skip-browser] [--skip-preview]
       [--edits 3] [--browser-runs 3] [--seed 13] [--out benchmarks/results/scale.md] [--work DIR]

For each fraction of all NRW (0: the shipped content only) a scratch folder gets the shipped content
plus seeded synthetic content (``benchmarks/synthetic.py``), a copy of this portal over it, and its
bare twin written from the same records (``benchmarks/twin.py``). Then, per size:

- both sites are built ``--runs`` times, cold (caches removed), each build in a child process of its
  own: wall time, CPU time (user+sys with children), peak memory (max RSS);
- the portal's content check (``python -m portal.check ../data`` from hooks/, as scripts/check.sh),
  cold and at once again (warm);
- the built sites: bytes and files, the largest HTML page raw and gzipped, pages over the budget of
  100 KB gzipped or 500 KB raw;
- the browser (``benchmarks/scale_browser.py``): big pages of both sites in Chromium, and the filter
  of /massnahmen/;
- the preview (``benchmarks/scale_preview.py``): ``mkdocs serve`` of the portal, saved edits (``--edits``) of a
  measure's title, the seconds until its page, its initiative's page and /massnahmen/ show it.

The table is printed and written to ``--out`` with the command line, the date and the machine.
Machines here are shared and noisy: compare the columns of one run with each other.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "hooks"))

import synthetic  # noqa: E402
from portal.revision import reference_date  # noqa: E402
from scale_measure import SOURCE_DATE_EPOCH, build, built_site, check_runs, portal_project, site_size  # noqa: E402
from scale_report import Measured, Side, report  # noqa: E402
from twin import write_twin  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "scale.md"
LABELS = {0.0: "shipped", 0.1: "1/10 NRW", 1.0: "full NRW"}


def label(fraction: float) -> str:
    """'shipped', '1/10 NRW', 'full NRW', or '0.05 NRW'."""
    return LABELS.get(fraction, f"{fraction:g} NRW")


def say(text: str) -> None:
    """Progress on stderr, with the time of day (a full run takes a while)."""
    print(f"[{dt.datetime.now():%H:%M:%S}] {text}", file=sys.stderr, flush=True)


def prepare(work: Path, fraction: float, seed: int) -> tuple[Path, Path]:
    """The portal project and its bare twin for ``fraction`` of NRW, in ``work``."""
    data = work / "data"
    shutil.copytree(ROOT / "data", data)
    if fraction > 0:
        start = time.perf_counter()
        written = synthetic.generate(data, fraction, seed)
        say(f"  synthetic content generated in {time.perf_counter() - start:.0f} s: {written}")
    portal = portal_project(work / "portal", data)
    shutil.rmtree(data)
    start = time.perf_counter()
    today = reference_date({"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})
    pages = write_twin(portal / "data", work / "bare", today)
    say(f"  bare twin written in {time.perf_counter() - start:.0f} s: {pages}")
    return portal, work / "bare"


def measure_size(work: Path, fraction: float, args: argparse.Namespace) -> Measured:
    """Everything the table shows for one size."""
    say(f"{label(fraction)}: preparing in {work}")
    portal, bare = prepare(work, fraction, args.seed)
    portal_runs, bare_runs = [], []
    for n in range(args.runs):  # alternating, so that a noisy minute hits both sites alike
        portal_runs.append(build(portal, work / "portal-build.log"))
        say(f"  portal build {n + 1}: {portal_runs[-1]}")
        bare_runs.append(build(bare, work / "bare-build.log"))
        say(f"  bare build {n + 1}: {bare_runs[-1]}")
    portal_size, bare_size = site_size(built_site(portal)), site_size(built_site(bare))
    # Logged as measured, so that a run stopped later (the preview at full size takes long) keeps them.
    say(f"  portal site: {portal_size.files} files, {portal_size.bytes} bytes, {portal_size.html_pages} pages, "
        f"largest {portal_size.largest_raw} / {portal_size.largest_gzip}, {len(portal_size.over_budget)} over budget")
    say(f"  bare site: {bare_size.files} files, {bare_size.bytes} bytes, {bare_size.html_pages} pages, "
        f"largest {bare_size.largest_raw} / {bare_size.largest_gzip}")
    check = check_runs(portal)
    say(f"  content check cold / warm: {check[0]} / {check[1]}")
    portal_browser = bare_browser = None
    if not args.skip_browser:
        from scale_browser import browse

        portal_browser = browse(built_site(portal), runs=args.browser_runs)
        bare_browser = browse(built_site(bare), runs=args.browser_runs)
        say(f"  browser: {portal_browser}; bare: {bare_browser}")
    preview: list[dict[str, float | None]] = []
    if not args.skip_preview:
        from scale_preview import preview_latency

        preview = preview_latency(portal, work / "serve.log", edits=args.edits)
        say(f"  preview: {preview}")
    return Measured(label(fraction), Side(portal_runs, portal_size, portal_browser), Side(bare_runs, bare_size, bare_browser),
                    check, preview)


def machine() -> str:
    """CPU model, CPUs and memory of this machine."""
    info = Path("/proc/cpuinfo").read_text(encoding="utf-8") if Path("/proc/cpuinfo").exists() else ""
    model = next((line.split(":", 1)[1].strip() for line in info.splitlines() if line.startswith("model name")), "CPU")
    mem = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), "0") \
        if Path("/proc/meminfo").exists() else "0"
    return f"{model}, {os.cpu_count()} CPUs, {int(mem) / 1024 / 1024:.0f} GB RAM (shared)"


def commit() -> str:
    """The code measured: the commit, and whether the worktree had changes."""
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return f"{head or 'unbekannt'}{' with uncommitted changes' if dirty else ''}"


def main(argv: list[str] | None = None) -> int:
    """Measure every size asked for, print the table and write it to ``--out``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fractions", type=float, nargs="+", default=[0.0, 0.1])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--edits", type=int, default=3, help="saved edits in the preview (median)")
    parser.add_argument("--browser-runs", type=int, default=3, help="cold loads per page in Chromium (median)")
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--skip-preview", action="store_true")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--work", type=Path, help="scratch folder to keep (default: a temporary one, removed afterwards)")
    args = parser.parse_args(argv)
    command = "python benchmarks/scale.py " + shlex.join(sys.argv[1:] if argv is None else argv)
    code = commit()  # before anything runs: the code the scratch copies are made of
    results = []
    with tempfile.TemporaryDirectory(prefix="portal-scale-") as tmp:
        base = args.work or Path(tmp)
        for fraction in args.fractions:
            work = base / f"nrw-{fraction:g}"
            if work.exists():
                shutil.rmtree(work)
            work.mkdir(parents=True)
            results.append(measure_size(work, fraction, args))
    text = report(results, command, dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"), machine(), code)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
