"""Benchmark: build time and content-check time, with the shipped content and with more measures.

Usage: .venv/bin/python benchmarks/build_time.py [--runs 3] [--sizes 0 500 2000]

Each size adds that many synthetic measure pages to a scratch copy of the project and builds it
with ``mkdocs build`` several times; the median is printed. Machines here are shared and noisy:
compare the rows of one run with each other, not with another day's numbers.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MEASURE = """initiative: masterplan-duisburg
working_group: mittelstand-und-gruendung
title: Synthetische Maßnahme {n}
description: Nur für den Benchmark erzeugt.
target: "2030"
history:
  - date: "2024-0{month}"
    status: beschlossen
    sources: [standortinitiativen-duisburg-muelheim]
sources: [standortinitiativen-duisburg-muelheim]
"""


def project(tmp: Path, extra_measures: int) -> Path:
    for name in ("mkdocs.yml", "docs", "overrides", "hooks", "data"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp / name)
    for n in range(extra_measures):
        (tmp / "data" / "measures" / f"synthetisch-{n:05d}.yaml").write_text(MEASURE.format(n=n, month=n % 9 + 1), encoding="utf-8")
    return tmp


def timed(args: list[str], cwd: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795305600"}
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 500, 2000])
    args = parser.parse_args()
    print(f"{'extra measures':>14} {'html pages':>10} {'build median s':>15} {'check median s':>15}")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as scratch:
            root = project(Path(scratch), size)
            builds = [timed([str(BIN / "mkdocs"), "build", "--strict"], root) for _ in range(args.runs)]
            checks = [timed([str(BIN / "python"), "-m", "portal.check", "../data"], root / "hooks") for _ in range(args.runs)]
            pages = sum(1 for _ in (root / "site").rglob("*.html"))
            print(f"{size:>14} {pages:>10} {statistics.median(builds):>15.2f} {statistics.median(checks):>15.2f}")


if __name__ == "__main__":
    main()
