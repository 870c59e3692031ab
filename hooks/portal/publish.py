"""A build writes into a staging folder; the site folder is replaced only when the build succeeded.

MkDocs empties the site folder before it writes, so a template error, a strict-mode warning or a
kill in the middle of a long build would otherwise leave a half-written site behind, which a local
preview, the benchmark or a careless deploy step would then serve. Here the site is written to
``.site.neu/`` next to ``site/`` and swapped in at the end; a failed or killed build leaves the old
site as it was (and its staging folder is cleared by the next build).
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


class Staging:
    """The build's staging folder for ``site_dir``, and the swap into place."""

    def __init__(self, site_dir: Path) -> None:
        self.site = site_dir
        self.folder = site_dir.with_name(f".{site_dir.name}.neu")
        self._previous = site_dir.with_name(f".{site_dir.name}.alt")
        # Left over from a build that was killed: never part of a site.
        self.discard()
        shutil.rmtree(self._previous, ignore_errors=True)

    def publish(self) -> None:
        """Replace the site folder with the finished build (two renames in one folder)."""
        if self.site.exists():
            self.site.rename(self._previous)
        self.folder.rename(self.site)
        shutil.rmtree(self._previous, ignore_errors=True)

    def discard(self) -> None:
        """Remove what a failed build wrote; the site folder stays as it was."""
        shutil.rmtree(self.folder, ignore_errors=True)
