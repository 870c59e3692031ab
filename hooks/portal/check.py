"""``python -m portal.check``: check all content without building the site (exit 1 on problems)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from .loading import Loaded, load_content
from .problems import ProblemList
from .revision import reference_date
from .validation import check


def load_valid(data_dir: Path, today: dt.date | None = None) -> tuple[Loaded, ProblemList]:
    """Read and check everything; the problem list is empty when the content is fit to publish
    on ``today`` (the build date: sources dated later may not be cited yet)."""
    loaded = load_content(data_dir)
    # Cross-record checks run even when some files failed, so one pass shows every problem.
    problems = ProblemList(list(loaded.problems))
    problems.extend(check(loaded, today))
    return loaded, problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    data_dir = Path(args[0]) if args else Path("data")
    loaded, problems = load_valid(data_dir, reference_date())
    if problems:
        print(problems.report(), file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(records)} {name}" for name, records in loaded.records.items())
    print(f"Inhalte in Ordnung: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
