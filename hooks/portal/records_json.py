"""STUB (issue 15, to be replaced): one JSON file per record at ``daten/<sammlung>/<id>.json``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .context import BuildContext


def record_files(ctx: BuildContext) -> dict[str, str]:
    """One JSON file per published record, by path in the site."""
    return {}
