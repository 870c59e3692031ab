"""The open-data tables: one CSV per collection and per list of records inside a record, described
by a Frictionless Data Package (``daten/datapackage.json``, made by ``portal.datapackage``).

``TABLES`` is derived from the content model (``portal.model``), never listed by hand: every
collection becomes a table, every list of records inside a record (an initiative's milestones, a
working group's chairs) a child table, so a field added to the model appears in the tables as soon
as it is declared. Column names are the model's field names, as editors write them and as the JSON
files give them. A child table carries its parent's key columns (``initiative``, ``initiative`` +
``working_group``, …) and a 1-based ``position``: the order of a list is part of the record (history
order), so even items with an id of their own keep it. A single nested record (``size``,
``measures_listed``) becomes prefixed columns (``size_min``, ``measures_listed_scope``). A list of ids
becomes one cell, the ids joined by commas (``CELL_LIST``). A few columns are derived by the portal
(``derived=True``, named as in the JSON files): the record page's address and, for initiatives and
measures, the status the page shows and its source's date; an import ignores them.

How a cell is written and read back is ``portal.table_cells``; the rows are ``portal.table_rows``;
reading the tables back into the model is ``portal.table_import``.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from . import labels
from .datapackage import datapackage_json
from .dates import VagueDate
from .model import COLLECTIONS, DATE_PATTERN, ID_PATTERN, Markdown, Record, Ref
from .schema import COLLECTION_HELP, field_descriptions
from .table_cells import ID_LIST_PATTERN, TABLE_DIR
from .table_labels import COLLECTION_ROWS, IDS_NOTE, SINGULAR, TABLE_NAMES, TABLE_TITLES, help_text
from .table_rows import table_csv

if TYPE_CHECKING:
    from .context import BuildContext

__all__ = ["DATAPACKAGE_PATH", "TABLES", "TABLE_DIR", "Column", "Table", "table_files"]
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
    pattern: str = ""               # a regular expression every non-empty cell matches
    minimum: int | float | None = None
    maximum: int | float | None = None
    # Where the value lives in the row's record: ("size", "min") for size_min; () for key columns.
    field: tuple[str, ...] = ()
    kind: Literal["value", "ids", "key", "parent", "position", "derived"] = "value"
    refers_to: str = ""             # the collection a single id points at (a foreign key)


@dataclass(frozen=True)
class Table:
    """One CSV file: what it holds, where its rows come from, its columns and keys."""

    name: str                       # file stem: daten/tabellen/<name>.csv
    title: str                      # German
    description: str                # German
    collection: str                 # the model collection its rows come from (portal.model.COLLECTIONS)
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    # The list fields from the collection's record down to this table's items: () for the collection
    # itself, ("working_groups", "chairs") for the working groups' chairs.
    path: tuple[str, ...] = ()
    parent: str = ""                # the parent table's name ('' for a collection's table)
    record_class: type[Record] = Record
    # Extra foreign keys the model states only in words: (columns, table, its columns).
    links: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()

    @property
    def path_name(self) -> str:
        """The file name of the table in the site."""
        return f"{TABLE_DIR}/{self.name}.csv"

    @property
    def own_key(self) -> str:
        """The column that tells this table's items apart within their parent: ``id`` or ``position``."""
        return self.primary_key[-1]


# --- deriving the tables from the model ------------------------------------------------------------

def _unwrap(annotation: Any, metadata: list[Any]) -> tuple[Any, list[Any], bool]:
    """The type inside Optional and Annotated, every marker on the way, and whether None is allowed."""
    markers = list(metadata)
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation, *extra = get_args(annotation)
            markers += extra
        elif origin in (Union, types.UnionType) and type(None) in get_args(annotation):
            optional = True
            rest = [arg for arg in get_args(annotation) if arg is not type(None)]
            annotation = rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]  # noqa: UP007 (a runtime union)
        else:
            break
    flat: list[Any] = []
    for marker in markers:
        flat += [marker, *marker.metadata] if isinstance(marker, FieldInfo) else [marker]
    return annotation, flat, optional


def _is_record(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _scalar(name: str, annotation: Any, markers: list[Any], description: str, required: bool,
            field: tuple[str, ...]) -> Column:
    """A column for a single value: text, id, date, number, yes/no or one of a set."""
    pattern = next((m.pattern for m in markers if getattr(m, "pattern", None)), "")
    schema: dict[str, Any] = next((m.json_schema for m in markers if hasattr(m, "json_schema")), {})
    pattern = pattern or schema.get("pattern", "")
    ref = next((m.collection for m in markers if isinstance(m, Ref)), "")
    text = Column(name, "string", description, required=required, field=field)
    if get_origin(annotation) is Literal:
        return replace(text, enum=tuple(get_args(annotation)))
    if annotation is VagueDate:
        # Dates keep the editors' notation ("Frühjahr 2018"), so the column is text with their pattern.
        return replace(text, pattern=DATE_PATTERN)
    if annotation is bool:
        return replace(text, type="boolean")
    if annotation is int:
        return replace(text, type="integer", minimum=next((m.ge for m in markers if hasattr(m, "ge")), None),
                       maximum=next((m.le for m in markers if hasattr(m, "le")), None))
    if set(get_args(annotation)) == {int, float}:
        return replace(text, type="number", minimum=schema.get("minimum"), maximum=schema.get("maximum"))
    if annotation is str:
        # Markdown may be empty even where the field is required; an empty cell is "missing" to frictionless.
        markdown = any(isinstance(m, Markdown) for m in markers)
        return replace(text, pattern=ID_PATTERN if ref else pattern, refers_to=ref, required=required and not markdown)
    raise TypeError(f"portal.tables: no column for {field} of type {annotation!r}; add the shape to _scalar")


def _columns(cls: type[Record], prefix: str = "", field: tuple[str, ...] = (), required: bool = True
             ) -> tuple[list[Column], dict[str, type[Record]]]:
    """The columns of one record type's own values, and its lists of records (field → item class)."""
    columns: list[Column] = []
    lists: dict[str, type[Record]] = {}
    descriptions = field_descriptions(cls)
    for name, info in cls.model_fields.items():
        annotation, markers, optional = _unwrap(info.annotation, list(info.metadata))
        needed = required and info.is_required() and not optional
        if get_origin(annotation) is list:
            (item,) = get_args(annotation)
            item, item_markers, _ = _unwrap(item, [])
            if _is_record(item):
                if prefix:
                    raise TypeError(f"portal.tables: a list of records inside {prefix}: give it a table")
                lists[name] = item
                continue
            if item is not str or not any(isinstance(m, Ref) or getattr(m, "pattern", None) for m in item_markers):
                raise TypeError(f"portal.tables: {cls.__name__}.{name} is a list of {item!r}, not of ids")
            columns.append(Column(prefix + name, "string", descriptions[name], pattern=ID_LIST_PATTERN,
                                  required=needed and any(getattr(m, "min_length", 0) for m in markers),
                                  field=(*field, name), kind="ids"))
        elif _is_record(annotation):
            nested, _ = _columns(annotation, f"{prefix}{name}_", (*field, name), needed)
            columns += nested
        else:
            columns.append(_scalar(prefix + name, annotation, markers, descriptions[name], needed, (*field, name)))
    return columns, lists


def _table(collection: str, cls: type[Record], path: tuple[str, ...], parents: tuple[Column, ...],
           parent: str) -> list[Table]:
    """The table of ``cls`` at ``path`` and, depth first, the tables of its lists."""
    name = TABLE_NAMES.get(".".join((collection, *path)), "-".join((TABLE_NAMES[collection], *path)).replace("_", "-"))
    own, lists = _columns(cls)
    described = {column.name for column in own}
    found_id = next((column for column in own if column.name == "id"), None)
    own = [column for column in own if column is not found_id]
    position = Column("position", "integer", "Stelle in der Liste des übergeordneten Eintrags (1 = zuerst); "
                      "die Reihenfolge ist Teil der Angaben", required=True, minimum=1, kind="position")
    if not path:
        key_columns = [Column("id", "string", f"Kennung: der Dateiname in data/{COLLECTIONS[collection][0]}/ ohne "
                              "Endung; Teil der Adresse der Seite", required=True, pattern=ID_PATTERN, kind="key")]
    else:
        # Items with an id of their own are keyed by it; the others by their place in the list.
        # Every item keeps its position: the order is part of the record.
        key_columns = [found_id, position] if found_id else [position]
    keyed = found_id is not None or not path
    clash = {column.name for column in parents} & described
    if clash:
        raise TypeError(f"portal.tables: {cls.__name__} has fields named like its parent's key columns: {clash}")
    derived = list(DERIVED.get(collection, ())) if not path else []
    title = TABLE_TITLES.get(name, name)
    if path:
        description = (f"{help_text(cls.__name__)} Eine Zeile je Eintrag der Liste {path[-1]}; "
                       f"{' und '.join(c.name for c in parents)} {'nennen' if len(parents) > 1 else 'nennt'} "
                       "den übergeordneten Eintrag.")
    else:
        description = COLLECTION_ROWS.get(collection) or COLLECTION_HELP[collection] + "."
    if ids := [column.name for column in own if column.kind == "ids"]:
        description += " " + IDS_NOTE.format(columns=", ".join(ids))
    table = Table(name, title, description, collection, (*parents, *key_columns, *own, *derived),
                  tuple(column.name for column in (*parents, *key_columns[:1])), path, parent, cls,
                  LINKS.get(name, ()))
    found = [table]
    for field, item in lists.items():
        single = SINGULAR.get(collection if not path else path[-1], (collection if not path else path[-1]).removesuffix("s"))
        own_name = single if keyed else f"{single}_position"
        link = Column(own_name, key_columns[0].type, f"Der übergeordnete Eintrag: {key_columns[0].name} in der Tabelle {name}",
                      required=True, pattern=key_columns[0].pattern, kind="parent")
        found += _table(collection, item, (*path, field), (*parents, link), name)
    return found


# What the portal computes (never in the editors' files; an import ignores it), named as in the
# JSON files (exports.collection_records). The values come from portal.table_rows.
_ADDRESS = Column("adresse", "string", "Adresse der Seite des Eintrags im Portal (vollständig, wenn die Adresse "
                  "der Website bekannt ist)", derived=True, kind="derived")
_CURRENCY = (
    Column("inhalt_geaendert", "date", "Wann die Datei des Eintrags zuletzt geändert wurde (leer, wenn unbekannt)",
           derived=True, kind="derived"),
    Column("neueste_quelle_vom", "string", "Datum der neuesten datierten Quelle des Eintrags",
           derived=True, kind="derived", pattern=DATE_PATTERN),
)
_NEWS = (
    Column("status_quelle_vom", "string", "Datum der Quelle, auf der der angezeigte Stand beruht (leer: undatiert)",
           derived=True, kind="derived", pattern=DATE_PATTERN),
    Column("letzte_meldung", "string", "Datum der letzten datierten Meldung zum Eintrag", derived=True,
           kind="derived", pattern=DATE_PATTERN),
    Column("ohne_aktuelle_meldung", "boolean", "true, wenn der Eintrag offen ist und seine neueste datierte "
           "Meldung älter ist als die Meldungsfrist des Portals (oder es keine gibt)", derived=True, kind="derived"),
)
DERIVED: dict[str, tuple[Column, ...]] = {
    "documents": (_ADDRESS,),
    "measures": (_ADDRESS, *_CURRENCY,
                 Column("aktueller_status", "string", "Stand, den die Seite zeigt: der des neuesten Eintrags im Verlauf",
                        derived=True, kind="derived", enum=tuple(labels.MEASURE_STATUS), required=True),
                 Column("zieltermin_verstrichen", "boolean", "true, wenn der Zieltermin verstrichen ist und die "
                        "Maßnahme nicht abgeschlossen ist", derived=True, kind="derived"),
                 *_NEWS),
    "initiatives": (_ADDRESS, *_CURRENCY,
                    Column("angezeigter_status", "string", "Stand, den die Seite zeigt: abgeleitet aus dem neuesten "
                           "Eintrag im Verlauf und dem Alter seiner Quelle", derived=True, kind="derived",
                           enum=tuple(labels.INITIATIVE_STATUS), required=True),
                    *_NEWS),
}
for _collection in ("organisations", "people", "regions", "topics"):
    DERIVED[_collection] = (_ADDRESS, *_CURRENCY)

# A measure's working group is an id within its initiative, so only the pair (initiative,
# working_group) could point at arbeitskreise; frictionless reports such a key as broken when only its
# second half is empty (a measure without a working group), so no extra links are declared; the
# content check (portal.validation) holds the working group to its initiative.
LINKS: dict[str, tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...]] = {}

TABLES: tuple[Table, ...] = tuple(table for collection, (_folder, cls, _suffixes) in COLLECTIONS.items()
                                  for table in _table(collection, cls, (), (), ""))
TABLE_BY_NAME: dict[str, Table] = {table.name: table for table in TABLES}
COLLECTION_TABLE: dict[str, Table] = {table.collection: table for table in TABLES if not table.path}


def table_files(ctx: BuildContext) -> dict[str, str]:
    """Every table and the Data Package, by path in the site."""
    files = {table.path_name: table_csv(ctx, table) for table in TABLES}
    files[DATAPACKAGE_PATH] = datapackage_json(ctx, TABLES)
    return files
