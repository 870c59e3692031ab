"""STUB (issue 15, to be replaced): the DCAT-AP.de catalogue of the open data (Turtle and JSON-LD)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .context import BuildContext

TURTLE_PATH = "daten/katalog.ttl"
JSONLD_PATH = "daten/katalog.jsonld"


def catalogue_files(ctx: BuildContext) -> dict[str, str]:
    """The catalogue in Turtle and JSON-LD by path in the site."""
    return {}
