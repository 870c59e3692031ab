"""``python -m portal.check``: check all content without building the site (exit 1 on problems)."""

from __future__ import annotations

import sys
from pathlib import Path

from .loading import Loaded, load_content
from .problems import ProblemList
from .validation import check


def load_valid(data_dir: Path) -> tuple[Loaded, ProblemList]:
    """Read and check everything; the problem list is empty when the content is fit to publish."""
    loaded = load_content(data_dir)
    # Cross-record checks run even when some files failed, so one pass shows every problem.
    problems = ProblemList(list(loaded.problems))
    problems.extend(check(loaded))
    return loaded, problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    data_dir = Path(args[0]) if args else Path("data")
    loaded, problems = load_valid(data_dir)
    if problems:
        print(problems.report(), file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(records)} {name}" for name, records in loaded.records.items())
    print(f"Inhalte in Ordnung: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
