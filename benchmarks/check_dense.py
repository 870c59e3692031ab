"""Benchmark: how long the content check takes for files full of values (security issue, row 14).

Usage: .venv/bin/python benchmarks/check_dense.py [--runs 3] [--files 10]

Writes ``--files`` topic files just under the size limit, each a flow list of tens of thousands of
values, into a scratch copy of the shipped content, and times ``python -m portal.check`` on it against
the shipped content alone (medians). Before the node limit and libyaml, ten such files took 17 s.
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
sys.path.insert(0, str(ROOT / "hooks"))

from portal.loading import MAX_FILE_BYTES  # noqa: E402  (after the path is set)


def dense_file() -> bytes:
    head = b"name: Dicht\ndescription: x\nsources: ["
    count = (MAX_FILE_BYTES - len(head) - 10) // 3
    return head + b", ".join([b"a"] * count) + b"]\n"


def timed_check(data: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "portal.check", str(data)], env=env, capture_output=True, check=False)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--files", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        dense = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", dense)
        for n in range(args.files):
            (dense / "topics" / f"dicht-{n}.yaml").write_bytes(dense_file())
        shipped = statistics.median(timed_check(ROOT / "data") for _ in range(args.runs))
        with_dense = statistics.median(timed_check(dense) for _ in range(args.runs))
    print("| content | check (median) |\n|---|---:|")
    print(f"| shipped | {shipped:.2f} s |")
    print(f"| shipped + {args.files} files of {MAX_FILE_BYTES:,} bytes full of values | {with_dense:.2f} s |".replace(",", "."))


if __name__ == "__main__":
    main()
