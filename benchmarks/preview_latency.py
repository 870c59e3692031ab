"""How long a saved change takes to show in the live preview (``mkdocs serve --dirty``, as scripts/serve.sh).

Copies the project (mkdocs.yml, docs, overrides, hooks) with a content folder into a scratch folder,
starts the preview there, waits for its first build, then saves edits one after the other and
measures, for each, the time from the save until the changed page answers with the new text over
HTTP (what an editor sees), the build time MkDocs reports and the CPU time the preview used until
then (steadier than the wall clock when the machine is busy). Pagefind runs after each build in the
background and is not part of the latency.

    .venv/bin/python benchmarks/preview_latency.py --data /work/nrw10-data [--rounds 3]

Edits per round: a measure's title (its page, its initiative, the lists), an organisation's
description (a quiet profile), a new press item that names a measure.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from functools import partial
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _project(data: Path, scratch: Path) -> Path:
    for name in ("mkdocs.yml", "docs", "overrides", "hooks"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, scratch / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, scratch / name)
    shutil.copytree(data, scratch / "data")
    return scratch


def _cpu(pid: int) -> float:
    """CPU seconds the preview's process has used (user and system, all its threads): on a busy
    machine a steadier measure of its work than the wall clock."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _shows(url: str, marker: str) -> bool:
    return marker in _page(url)


def _more(builds: Callable[[], list[float]], count: int) -> bool:
    return len(builds()) > count


def _wait(condition: Callable[[], bool], timeout: float) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if condition():
            return time.monotonic() - start
        time.sleep(0.05)
    raise TimeoutError("the preview did not show the change")


def main() -> None:
    """Run the preview on a copy of ``--data`` and print the latency of each edit."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=900)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="preview-latency-"))
    root = _project(args.data.resolve(), scratch)
    port = _port()
    log = root / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PORTAL_PREVIEW", None)
    start = time.monotonic()
    process = subprocess.Popen([str(BIN / "mkdocs"), "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
                               cwd=root, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"

    def builds() -> list[float]:
        return [float(x) for x in re.findall(r"Documentation built in ([\d.]+) seconds", log.read_text(encoding="utf-8"))]

    try:
        first = _wait(lambda: len(builds()) >= 1 and bool(_page(base)), args.timeout)
        print(f"first (full) build: {builds()[0]:.1f} s reported, {first:.1f} s until served")
        measures = sorted((root / "data" / "measures").iterdir())
        organisations = sorted((root / "data" / "organisations").iterdir())
        rows: dict[str, list[tuple[float, float, float]]] = {}
        for round_ in range(args.rounds):
            edits = [
                ("measure title", *_retitle(measures[round_ * 7 % len(measures)], round_)),
                ("organisation text", *_describe(organisations[round_ * 5 % len(organisations)], round_)),
                ("new press item", *_press(root / "data" / "documents", measures[round_ * 3 % len(measures)], round_)),
            ]
            for name, address, marker, write in edits:
                count = len(builds())
                time.sleep(0.2)
                cpu = _cpu(process.pid)
                saved = time.monotonic()
                write()
                _wait(partial(_shows, base + address, marker), args.timeout)
                seen = time.monotonic() - saved
                used = _cpu(process.pid) - cpu
                _wait(partial(_more, builds, count), args.timeout)
                rows.setdefault(name, []).append((seen, builds()[-1], used))
                time.sleep(0.5)
        for name, values in rows.items():
            visible = [v[0] for v in values]
            reported = [v[1] for v in values]
            cpu_used = [v[2] for v in values]
            print(f"{name}: visible after {statistics.median(visible):.2f} s (median of {len(visible)}; "
                  f"max {max(visible):.2f}), build {statistics.median(reported):.2f} s, "
                  f"CPU until visible {statistics.median(cpu_used):.2f} s")
        print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        lines = [line for line in log.read_text(encoding="utf-8").splitlines() if "Vorschau:" in line]
        print("\n".join(lines[-3:]))
        print(f"total {time.monotonic() - start:.0f} s", file=sys.stderr)
    finally:
        process.terminate()
        process.wait(timeout=60)
        shutil.rmtree(scratch, ignore_errors=True)


def _retitle(path: Path, round_: int) -> tuple[str, str, Callable[[], object]]:
    text = path.read_text(encoding="utf-8")
    marker = f"Messlauf{round_}x"
    new = re.sub(r"^title: (.*)$", lambda m: f"title: {m.group(1)} {marker}", text, count=1, flags=re.M)
    return f"massnahmen/{path.stem}/", marker, lambda: path.write_text(new, encoding="utf-8")


def _describe(path: Path, round_: int) -> tuple[str, str, Callable[[], object]]:
    text = path.read_text(encoding="utf-8")
    marker = f"Messnotiz{round_}y"
    if re.search(r"^description: ", text, flags=re.M):
        new = re.sub(r"^description: (.*)$", lambda m: f"description: {marker} {m.group(1)}", text, count=1, flags=re.M)
    else:
        new = text.rstrip("\n") + f"\ndescription: {marker}\n"
    return f"partner/{path.stem}/", marker, lambda: path.write_text(new, encoding="utf-8")


def _press(folder: Path, measure: Path, round_: int) -> tuple[str, str, Callable[[], object]]:
    name = f"messlauf-{round_}"
    marker = f"Messmeldung{round_}z"
    text = (f"---\ntitle: {marker} zur Maßnahme\ntype: pressemitteilung\ndate: \"2020-01-0{round_ + 1}\"\n"
            f"measures: [{measure.stem}]\n---\nEine Meldung für die Messung.\n")
    return f"quellen/{name}/", marker, lambda: (folder / f"{name}.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
