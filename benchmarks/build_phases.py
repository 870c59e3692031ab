"""Benchmark: where one build's CPU time goes (hook events, page templates by name) and its peak memory.

Usage, from a project folder (the repository, or a scratch copy with synthetic ``data/``):

    SOURCE_DATE_EPOCH=1795000000 .venv/bin/python benchmarks/build_phases.py /tmp/site-out

Runs ``mkdocs build -q -d <out>`` in this process and prints, to stderr, the CPU seconds of each
MkDocs event and of each page template (summed over its pages), then the build's wall and CPU time
and the peak resident memory of the build process and of its children (Pagefind). CPU time is
reported rather than wall time because the machines here are shared: other processes stretch wall
time far more than this process's own CPU time. Compare rows of runs made close together.
"""

from __future__ import annotations

import collections
import os
import resource
import sys
import time
from typing import Any

os.environ.setdefault("SOURCE_DATE_EPOCH", "1795000000")
os.environ["NO_MKDOCS_2_WARNING"] = "1"

import jinja2  # noqa: E402 (after the environment is set for MkDocs)
import mkdocs.plugins  # noqa: E402
from mkdocs.__main__ import cli  # noqa: E402

SPENT: collections.defaultdict[str, float] = collections.defaultdict(float)
CALLS: collections.Counter[str] = collections.Counter()


def _timed(owner: Any, name: str, label: Any) -> None:
    """Wrap ``owner.name`` so that the CPU time of each call adds up under ``label(args)``."""
    original = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            key = label(args)
            SPENT[key] += time.process_time() - start
            CALLS[key] += 1

    setattr(owner, name, wrapper)


def main(out: str) -> None:
    """Build into ``out`` and print the phases, the totals and peak memory."""
    _timed(mkdocs.plugins.PluginCollection, "run_event", lambda args: "event " + args[1])
    _timed(jinja2.Template, "render", lambda args: "template " + (args[0].name or "?"))
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        cli.main(["build", "-q", "-d", out], standalone_mode=False)
    finally:
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        for key, seconds in sorted(SPENT.items(), key=lambda item: -item[1]):
            if seconds >= 0.05:
                print(f"{seconds:7.2f} s CPU {CALLS[key]:6d}×  {key}", file=sys.stderr)
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        print(f"wall {wall:.1f} s, CPU {cpu:.1f} s (children {children.ru_utime + children.ru_stime:.1f} s), "
              f"peak memory {own.ru_maxrss / 1024:.0f} MB (children {children.ru_maxrss / 1024:.0f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/portal-build-phases")
