"""The rows of the open-data tables (``portal.tables``): one pass over each collection's published
records, in the order of their ids, each list's items in their order (with their position).

Published means as in the JSON files: the catalog has already set drafts and documents dated after
the reference date aside. The derived columns come from the catalog's queries, once per record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .table_cells import csv_text, to_cell

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from .context import BuildContext
    from .dates import VagueDate
    from .model import Record
    from .tables import Column, Table


def _notation(date: VagueDate | None) -> str | None:
    return date.notation() if date else None


# Each derived column's value for (build, collection, id): what the JSON files give under that name.
DERIVED_VALUES: dict[str, Callable[[BuildContext, str, str], Any]] = {
    "adresse": lambda ctx, name, key: ctx.absolute(ctx.catalog.url(name, key)),
    "inhalt_geaendert": lambda ctx, name, key: (changed.isoformat() if (changed := ctx.changed(name, key)) else None),
    "neueste_quelle_vom": lambda ctx, name, key: _notation(newest[1]) if (newest := ctx.catalog.newest_source(
        ctx.catalog.sources_of(ctx.catalog.records[name][key]))) else None,
    "aktueller_status": lambda ctx, name, key: ctx.catalog.status(key),
    "angezeigter_status": lambda ctx, name, key: ctx.catalog.initiative_state(key).key,
    "status_quelle_vom": lambda ctx, name, key: _notation(
        ctx.catalog.measure_evidence(key).date if name == "measures" else ctx.catalog.initiative_state(key).evidence.date),
    "zieltermin_verstrichen": lambda ctx, name, key: ctx.catalog.is_overdue(key),
    "letzte_meldung": lambda ctx, name, key: _notation(ctx.catalog.last_news(name, key)),
    "ohne_aktuelle_meldung": lambda ctx, name, key: ctx.catalog.is_stale(name, key),
}


def _items(record: Record, path: tuple[str, ...], keys: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], int, Record]]:
    """(parent keys, position, item) for every item of the lists at ``path`` below ``record``."""
    head, *rest = path
    for position, item in enumerate(getattr(record, head), start=1):
        if rest:
            own = getattr(item, "id", None) or str(position)
            yield from _items(item, tuple(rest), (*keys, own))
        else:
            yield keys, position, item


def _value(item: Any, column: Column) -> Any:
    for part in column.field:
        item = getattr(item, part, None) if item is not None else None
    return item


def rows(ctx: BuildContext, table: Table) -> Iterator[list[str]]:
    """The table's rows as cells, in the order of the ids, then of the position in the list."""
    records = ctx.catalog.records[table.collection]
    own = [column for column in table.columns if column.kind in ("value", "ids")]
    derived = [column for column in table.columns if column.derived]
    parents = [column.name for column in table.columns if column.kind == "parent"]
    names = [column.name for column in table.columns]
    for key in sorted(records):
        record = records[key]
        if not table.path:
            cells = {"id": key, **{c.name: to_cell(c, _value(record, c)) for c in own},
                     **{c.name: to_cell(c, DERIVED_VALUES[c.name](ctx, table.collection, key)) for c in derived}}
            yield [cells[name] for name in names]
            continue
        for keys, position, item in _items(record, table.path, (key,)):
            cells = {**dict(zip(parents, keys, strict=True)), "position": str(position),
                     **{c.name: to_cell(c, _value(item, c)) for c in own}}
            yield [cells[name] for name in names]


def table_csv(ctx: BuildContext, table: Table) -> str:
    """One table as CSV text (``portal.table_cells`` states the dialect)."""
    return csv_text([column.name for column in table.columns], list(rows(ctx, table)))
