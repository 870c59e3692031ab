"""Run one command and write its cost as JSON: ``python rusage_run.py OUT.json -- CMD ARGS...``.

This wrapper is a fresh process whose only children are the command and what it starts, so
``RUSAGE_CHILDREN`` after waiting is exactly that command's CPU time (user + sys, descendants it
waited for included) and its peak memory (``ru_maxrss``: the largest resident set among them, in
KiB on Linux). The command's exit status is the wrapper's.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    """Run ``argv[2:]`` (after ``OUT --``), write wall, cpu and max_rss to ``argv[0]``; return its status."""
    out, separator, *command = argv
    if separator != "--" or not command:
        raise SystemExit("Aufruf: rusage_run.py OUT.json -- BEFEHL ...")
    start = time.perf_counter()
    status = subprocess.run(command, check=False).returncode
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    Path(out).write_text(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                                     "max_rss": usage.ru_maxrss * 1024, "status": status}), encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
