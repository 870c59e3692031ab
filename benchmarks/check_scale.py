"""Benchmark: the content check (``scripts/check.sh``) at the size of the shipped content, 1/10 NRW and all NRW.

Usage: .venv/bin/python benchmarks/check_scale.py [--fractions 0 0.1 1] [--runs 3]
       [--data 0.1=/path/to/generated/data ...] [--out benchmarks/results/check_scale.md]

For each fraction a scratch project gets a copy of ``data/`` plus synthetic content
(``benchmarks/synthetic.py``, or a folder generated before, given with ``--data``), and
``python -m portal.check`` runs in it as ``scripts/check.sh`` does, in a fresh process each time:

- without the cache (``PORTAL_CACHE=0``), as before the cache existed;
- cold: the cache folder deleted before the run (the first run after a code change, or in CI
  without a restored cache);
- warm: nothing changed since the last run;
- warm, one file changed: an editor's next check after editing one file;
- the preview: ``load_valid`` again in the same process after one file changed (the in-memory layer).

Each cell is the median of ``--runs`` runs: wall time, CPU time (user + system, worker processes
included) and peak memory. The machine's load is printed with the table, since wall time on a
shared machine depends on it; CPU time does not.
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
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import generate  # noqa: E402  (after the path is set)

PREVIEW = """
import sys, time
from pathlib import Path
from portal.check import load_valid
data = Path(sys.argv[1])
load_valid(data)
topic = next((data / "topics").iterdir())
topic.write_text(topic.read_text(encoding="utf-8") + "# geändert\\n", encoding="utf-8")
started, cpu = time.perf_counter(), time.process_time()
load_valid(data)
print(time.perf_counter() - started, time.process_time() - cpu)
"""


@dataclass
class Run:
    """One measured run: seconds of wall and CPU time, peak memory in MB."""

    wall: float
    cpu: float
    peak_mb: float


def check_once(data: Path, cache: bool) -> Run:
    """``python -m portal.check`` on ``data`` in a fresh process, measured with ``wait4``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "PORTAL_CACHE": "1" if cache else "0"}
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "portal.check", str(data)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"Die Prüfung meldet Probleme in {data}: {process.stderr.read().decode()[:2000] if process.stderr else ''}")
    # Linux gives ru_maxrss in KB; wait4's usage includes the worker processes the check waited for.
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def preview_once(data: Path) -> Run:
    """The second ``load_valid`` in one process after one file changed: the live preview's case."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "PORTAL_CACHE": "1"}
    out = subprocess.run([sys.executable, "-c", PREVIEW, str(data)], env=env, capture_output=True, text=True, check=True)
    wall, cpu = (float(part) for part in out.stdout.split())
    return Run(wall, cpu, 0.0)


def median(runs: list[Run]) -> Run:
    """The median of each measure separately."""
    return Run(*(statistics.median(getattr(run, name) for run in runs) for name in ("wall", "cpu", "peak_mb")))


def touch_one(data: Path) -> None:
    """Change one measure file (a comment line), as an editor's save would."""
    measure = sorted((data / "measures").iterdir())[0]
    measure.write_text(measure.read_text(encoding="utf-8") + "\n# geändert\n" if measure.suffix != ".md"
                       else measure.read_text(encoding="utf-8") + "\nGeändert.\n", encoding="utf-8")


def measure(data: Path, runs: int) -> dict[str, Run]:
    """Every way of running the check on ``data``, each ``runs`` times."""
    cache = data.parent / ".cache"
    results: dict[str, list[Run]] = {"ohne Cache": [], "kalt": [], "warm": [], "warm, eine Datei geändert": [],
                                     "Vorschau: erneut im selben Prozess, eine Datei geändert": []}
    for _ in range(runs):
        results["ohne Cache"].append(check_once(data, cache=False))
    for _ in range(runs):
        shutil.rmtree(cache, ignore_errors=True)
        results["kalt"].append(check_once(data, cache=True))
    for _ in range(runs):
        results["warm"].append(check_once(data, cache=True))
    for _ in range(runs):
        touch_one(data)
        results["warm, eine Datei geändert"].append(check_once(data, cache=True))
    for _ in range(runs):
        results["Vorschau: erneut im selben Prozess, eine Datei geändert"].append(preview_once(data))
    return {name: median(found) for name, found in results.items()}


def content(project: Path, fraction: float, given: dict[float, Path]) -> tuple[Path, int]:
    """The scratch project's data folder for ``fraction`` and its number of files."""
    data = project / "data"
    if fraction in given:
        shutil.copytree(given[fraction], data)
    else:
        shutil.copytree(ROOT / "data", data)
        if fraction > 0:
            generate(data, fraction)
    return data, sum(1 for path in data.rglob("*") if path.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fractions", type=float, nargs="+", default=[0, 0.1, 1])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", nargs="*", default=[], help="fraction=folder: content generated before")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    given = {float(item.split("=", 1)[0]): Path(item.split("=", 1)[1]) for item in args.data}
    lines = ["| content | files | run | wall | CPU | peak memory |", "|---|---:|---|---:|---:|---:|"]
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        for fraction in args.fractions:
            data, files = content(Path(tmp) / f"f{fraction}", fraction, given)
            name = "shipped" if fraction == 0 else ("full NRW" if fraction == 1 else f"{fraction:g} NRW")
            for run, found in measure(data, args.runs).items():
                memory = f"{found.peak_mb:.0f} MB" if found.peak_mb else ""
                count = f"{files:,}".replace(",", ".")
                lines.append(f"| {name} | {count} | {run} | {found.wall:.2f} s | {found.cpu:.2f} s | {memory} |")
                print(lines[-1], flush=True)
    load_after = os.getloadavg()
    notes = (f"\nMedians of {args.runs} runs; {os.cpu_count()} CPUs; load average {load_before[0]:.1f} before, "
             f"{load_after[0]:.1f} after (wall time rises with the load, CPU time hardly).\n"
             f"Command: .venv/bin/python benchmarks/check_scale.py {' '.join(sys.argv[1:])}\n")
    table = "\n".join(lines) + "\n" + notes
    print(notes)
    if args.out:
        args.out.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
