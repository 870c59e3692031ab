"""Benchmark: the open data of one build (issue 15) at the size of the shipped content, 1/10 NRW and all NRW.

Usage: .venv/bin/python benchmarks/open_data.py [--fractions 0 0.1 1] [--data 1=/path/to/generated/data ...]
       [--out benchmarks/results/open_data.md]

For each fraction the content (``data/`` plus synthetic records from ``benchmarks/synthetic.py``, or a
folder generated before, given with ``--data``) is read once into a ``Portal`` in this process, then
every producer of ``Portal.exports()`` runs on its own, timed in CPU seconds: the JSON per collection
with the per-record files, the tables with their Data Package, Popolo, the DCAT-AP.de catalogue, feeds
and calendars. The table gives each producer's time, file count and bytes, the largest single file, and
the whole open data's size; reading the content is not counted (``check_scale.py`` measures it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "hooks"))

from synthetic import generate  # noqa: E402  (after the path is set)

from portal.context import BuildContext  # noqa: E402
from portal.dcat import catalogue_files  # noqa: E402
from portal.exports import follow_files, open_data_files  # noqa: E402
from portal.popolo import popolo_files  # noqa: E402
from portal.site import Portal  # noqa: E402
from portal.tables import table_files  # noqa: E402

PRODUCERS: dict[str, Callable[[BuildContext], dict[str, str]]] = {
    "JSON je Sammlung und je Eintrag": open_data_files,
    "Tabellen und Data Package": table_files,
    "Popolo": popolo_files,
    "DCAT-AP.de-Katalog": catalogue_files,
    "Feeds und Kalender": follow_files,
}


def measure(data: Path, today: dt.date) -> list[tuple[str, float, int, int, str, int]]:
    """(producer, CPU seconds, files, bytes, largest file, its bytes) for each producer."""
    portal = Portal(data.parent, today, data_dir=data, site_url="https://example.org/portal/")
    ctx = portal.build_context
    rows = []
    for name, make in PRODUCERS.items():
        started = time.process_time()
        files = make(ctx)
        cpu = time.process_time() - started
        sizes = {path: len(text.encode("utf-8")) for path, text in files.items()}
        largest = max(sizes, key=lambda path: sizes[path]) if sizes else ""
        rows.append((name, cpu, len(files), sum(sizes.values()), largest, sizes.get(largest, 0)))
    return rows


def main() -> None:
    """Measure each fraction and write the Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fractions", type=float, nargs="+", default=[0, 0.1, 1])
    parser.add_argument("--data", nargs="*", default=[], help="FRACTION=FOLDER of content generated before")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "open_data.md")
    args = parser.parse_args()
    given = {float(key): Path(value) for key, value in (item.split("=", 1) for item in args.data)}
    today = dt.date.today()
    lines = [f"# Open data at NRW size ({today.isoformat()})", "",
             "`.venv/bin/python benchmarks/open_data.py " + " ".join(sys.argv[1:]) + "`", "",
             "| content | producer | CPU s | files | MB | largest file | its KB |", "|---|---|---|---|---|---|---|"]
    for fraction in args.fractions:
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "data"
            if fraction in given:
                shutil.copytree(given[fraction], data)
            else:
                shutil.copytree(ROOT / "data", data)
                if fraction:
                    generate(data, fraction)
            label = "shipped" if not fraction else f"{fraction:g} NRW"
            for name, cpu, count, size, largest, biggest in measure(data, today):
                lines.append(f"| {label} | {name} | {cpu:.2f} | {count:,} | {size / 1e6:.1f} | `{largest}` | {biggest / 1e3:,.0f} |")
                print(lines[-1], flush=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
