"""``python -m portal.check``: check all content without building the site (exit 1 on problems)."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import ci
from .loading import Loaded, load_content, paused_gc
from .parsecache import ParseCache
from .problems import ProblemList
from .revision import reference_date
from .validation import check

if TYPE_CHECKING:
    import datetime as dt


def load_valid(data_dir: Path, today: dt.date | None = None) -> tuple[Loaded, ProblemList]:
    """Read and check everything; the problem list is empty when the content is fit to publish
    on ``today`` (the build date: sources dated later may not be cited yet)."""
    cache = ParseCache.for_content(data_dir)
    loaded = load_content(data_dir, cache=cache)
    # Cross-record checks run even when some files failed, so one pass shows every problem.
    problems = ProblemList(list(loaded.problems))
    with paused_gc():
        problems.extend(check(loaded, today))
    cache.confirm(loaded.checked)
    cache.save()
    return loaded, problems


def main(argv: list[str] | None = None) -> int:
    """Check the content in the folder given (default ``data``); exit 1 on problems.

    In GitHub Actions (``GITHUB_ACTIONS=true``) every problem is also printed as an annotation on its
    file and line, and a German summary goes to the job summary (``GITHUB_STEP_SUMMARY``)."""
    args = sys.argv[1:] if argv is None else argv
    data_dir = Path(args[0]) if args else Path("data")
    loaded, problems = load_valid(data_dir, reference_date())
    found = problems.sorted()
    counts = {name: len(records) for name, records in loaded.records.items()}
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in found:
            print(ci.annotation(problem))
        if summary_file := os.environ.get("GITHUB_STEP_SUMMARY"):
            with open(summary_file, "a", encoding="utf-8") as out:
                out.write(ci.summary(found, counts, os.environ))
    if problems:
        print(problems.report(), file=sys.stderr)
        return 1
    print(f"Inhalte in Ordnung: {', '.join(f'{count} {name}' for name, count in counts.items())}")
    return 0


if __name__ == "__main__":
    # A short run that keeps nearly everything it makes: the cycle collector would only scan the
    # content again and again (seconds at NRW size) and find nothing to free. (Only here: a caller
    # of main() in a longer-lived process keeps its collector.)
    gc.disable()
    sys.exit(main())
