"""STUB (issue 15, to be replaced): people, organisations and memberships in Popolo (``daten/popolo.json``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .context import BuildContext

PATH = "daten/popolo.json"


def popolo_files(ctx: BuildContext) -> dict[str, str]:
    """The Popolo export by path in the site."""
    return {}
