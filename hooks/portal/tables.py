"""STUB (issue 15, to be replaced by the tables work): the open-data tables, one CSV per collection and
per list inside records, described by a Frictionless Data Package.

Interface other modules rely on (keep it): ``Column``, ``Table``, ``TABLES``, ``TABLE_DIR``,
``DATAPACKAGE_PATH``, ``table_files``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .context import BuildContext

TABLE_DIR = "daten/tabellen"             # daten/tabellen/<name>.csv
DATAPACKAGE_PATH = "daten/datapackage.json"


@dataclass(frozen=True)
class Column:
    """One column of a table: its name, Table Schema type, German meaning and constraints."""

    name: str
    type: str                       # Table Schema type: string, integer, number, boolean, date, …
    description: str                # German, the same text as the JSON Schemas (portal.schema)
    required: bool = False
    enum: tuple[str, ...] = ()      # allowed values, where there is a fixed set
    derived: bool = False           # computed by the portal (not in the editors' files; ignored on import)


@dataclass(frozen=True)
class Table:
    """One CSV file: what it holds, where its rows come from, its columns and keys."""

    name: str                       # file stem: daten/tabellen/<name>.csv
    title: str                      # German
    description: str                # German
    collection: str                 # the model collection its rows come from (portal.model.COLLECTIONS)
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]


TABLES: tuple[Table, ...] = ()


def table_files(ctx: BuildContext) -> dict[str, str]:
    """Every table and the Data Package, by path in the site."""
    return {}
