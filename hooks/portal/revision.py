"""When content last changed ("Stand"), and the build's reference date.

The last change of a file comes from git, in one ``git log`` call for the whole data folder.
Outside a git checkout (or for uncommitted files) the build's reference date stands in.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def reference_date(environ: dict[str, str] | None = None) -> dt.date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` when set (reproducible builds, tests)."""
    environ = dict(os.environ) if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def last_changes(root: Path, folder: str = "data") -> dict[str, dt.date]:
    """Map of repository-relative path → date of the newest commit touching it."""
    try:
        out = subprocess.run(
            ["git", "log", "--format=@%cs", "--name-only", "--", folder],
            cwd=root, capture_output=True, text=True, timeout=30, check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    changes: dict[str, dt.date] = {}
    current: dt.date | None = None
    prefix = _git_prefix(root)
    for line in out.splitlines():
        if line.startswith("@"):
            current = dt.date.fromisoformat(line[1:])
        elif line and current:
            path = line[len(prefix):] if prefix and line.startswith(prefix) else line
            changes.setdefault(path, current)  # git log is newest first
    return changes


def _git_prefix(root: Path) -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--show-prefix"], cwd=root, capture_output=True,
                              text=True, timeout=10, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def stand(paths: list[str], changes: dict[str, dt.date], fallback: dt.date) -> dt.date:
    """The newest change among ``paths``; a path git does not know counts as changed today."""
    dates = [changes.get(path, fallback) for path in paths]
    return max(dates) if dates else fallback
