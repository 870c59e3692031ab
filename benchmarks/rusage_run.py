"""Run one command and write its cost as JSON: ``python rusage_run.py OUT.json -- CMD ARGS...``.

This wrapper is a fresh process whose only children are the command and what it starts, so
``RUSAGE_CHILDREN`` after waiting is exactly that command's CPU time (user + sys, descendants it
waited for included) and its peak memory (``ru_maxrss``: the largest resident set among them, in
KiB on Linux). That largest process may be a helper the command starts (the portal's build runs
Pagefind), so the command's own peak is read as well: the high-water mark of its resident set
(``VmHWM`` in ``/proc/<pid>/status``), polled while it runs. The command's exit status is the wrapper's.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

POLL = 0.05


def high_water_mark(pid: int) -> int:
    """The process's peak resident set so far, in bytes (0 once it is gone or on other systems)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return 0
    return next((int(line.split()[1]) * 1024 for line in status.splitlines() if line.startswith("VmHWM:")), 0)


def main(argv: list[str]) -> int:
    """Run ``argv[2:]`` (after ``OUT --``), write wall, cpu and max_rss to ``argv[0]``; return its status."""
    out, separator, *command = argv
    if separator != "--" or not command:
        raise SystemExit("Aufruf: rusage_run.py OUT.json -- BEFEHL ...")
    start = time.perf_counter()
    proc = subprocess.Popen(command)
    own = 0
    while proc.poll() is None:
        own = max(own, high_water_mark(proc.pid))
        time.sleep(POLL)
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    status = proc.returncode
    Path(out).write_text(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "max_rss": usage.ru_maxrss * 1024,
                                     "own_rss": own, "status": status}), encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
