"""Reading the open-data tables back into the content model: the import format is the export format.

``records_from_tables(folder)`` reads the CSV files of ``daten/tabellen/`` (as ``portal.tables``
declares them), puts each list's rows back into their parent record in the order of ``position``,
and lets the model validate every record, exactly as it validates an editor's file. Derived columns
(``adresse``, the shown status, …) are ignored: they are the portal's, not the editors'. The
tests compare the result with the published records, so a column that loses or changes anything
fails the round trip.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from .model import COLLECTIONS
from .table_cells import from_cell, read_csv
from .tables import TABLES, Table

if TYPE_CHECKING:
    from pathlib import Path

    from .model import Record

Rows = dict[tuple[str, ...], list[dict[str, str]]]


def _parent_key(table: Table, row: dict[str, str]) -> tuple[str, ...]:
    return tuple(row[column.name] for column in table.columns if column.kind == "parent")


def _fields(table: Table, row: dict[str, str]) -> dict[str, Any]:
    """The editors' fields of one row, nested as in their files; empty cells are left out."""
    data: dict[str, Any] = {}
    fields = table.record_class.model_fields
    for column in table.columns:
        if column.kind not in ("value", "ids"):
            continue
        value = from_cell(column, row[column.name])
        if value is None:
            head = column.field[0]
            # A required text that was empty (Markdown may be) is written as an empty cell.
            if len(column.field) == 1 and column.type == "string" and fields[head].is_required():
                data[head] = [] if column.kind == "ids" else ""
            continue
        target = data
        for part in column.field[:-1]:
            target = target.setdefault(part, {})
        target[column.field[-1]] = value
    return data


def _assemble(table: Table, row: dict[str, str], keys: tuple[str, ...], children: dict[str, list[Table]],
              rows: dict[str, Rows]) -> dict[str, Any]:
    """One item with its lists, recursively: the child rows whose parent columns name ``keys``."""
    data = _fields(table, row)
    for child in children.get(table.name, []):
        found = rows[child.name].get(keys, [])
        ordered = sorted(found, key=lambda item: int(item["position"]))
        data[child.path[-1]] = [_assemble(child, item, (*keys, item[child.own_key]), children, rows) for item in ordered]
    return data


def records_from_tables(folder: Path) -> dict[str, dict[str, Record]]:
    """Every record of the tables in ``folder`` (the CSV files), by collection and id, validated by the model."""
    children: dict[str, list[Table]] = defaultdict(list)
    rows: dict[str, Rows] = {}
    top: dict[str, Table] = {}
    for table in TABLES:
        if table.parent:
            children[table.parent].append(table)
        else:
            top[table.collection] = table
        grouped: Rows = defaultdict(list)
        for row in read_csv((folder / f"{table.name}.csv").read_text(encoding="utf-8")):
            grouped[_parent_key(table, row)].append(row)
        rows[table.name] = grouped
    records: dict[str, dict[str, Record]] = {}
    for collection, (_folder, cls, _suffixes) in COLLECTIONS.items():
        table = top[collection]
        records[collection] = {row["id"]: cls.model_validate(_assemble(table, row, (row["id"],), children, rows))
                               for row in rows[table.name][()]}
    return records
