"""The Frictionless Data Package (v1, "tabular-data-package") that describes the open-data tables:
``daten/datapackage.json`` with one resource per table, its Table Schema (types, German
descriptions, required fields, allowed values, patterns), primary and foreign keys, and the licence
of the build (``ctx.terms``).

Frictionless because it is the open standard for "CSV plus a schema": a reader learns each column's
type and meaning from one file, and ``frictionless validate daten/datapackage.json`` checks every
table against it, foreign keys between tables included (the tests do exactly that).

Foreign keys cover single ids only (``measures.initiative`` → ``initiativen.id``, a child row's
parent columns → its parent table); a cell holding a list of ids (``topics``, ``sources``,
``partners``) cannot carry one in Table Schema: its pattern checks the ids' spelling, the portal's
content check their targets.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .table_cells import DIALECT, ENCODING

if TYPE_CHECKING:
    from .context import BuildContext
    from .tables import Column, Table

PACKAGE_NAME = "industrie-initiativen-nrw"


def _field(column: Column) -> dict[str, Any]:
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.enum:
        constraints["enum"] = list(column.enum)
    if column.pattern:
        constraints["pattern"] = column.pattern
    if column.minimum is not None:
        constraints["minimum"] = column.minimum
    if column.maximum is not None:
        constraints["maximum"] = column.maximum
    field: dict[str, Any] = {"name": column.name, "type": column.type, "description": column.description}
    if column.derived:
        field["description"] += " (vom Portal abgeleitet, nicht in den Dateien der Redaktion)"
    return {**field, **({"constraints": constraints} if constraints else {})}


def _foreign_keys(table: Table, by_name: dict[str, Table]) -> list[dict[str, Any]]:
    """The table's parent link, every single id that points at a collection, and the stated links."""
    keys: list[tuple[tuple[str, ...], str, tuple[str, ...]]] = []
    if table.parent:
        parent = by_name[table.parent]
        keys.append((table.primary_key[: len(parent.primary_key)], parent.name, parent.primary_key))
    collection_tables = {t.collection: t.name for t in by_name.values() if not t.path}
    keys += [((column.name,), collection_tables[column.refers_to], ("id",)) for column in table.columns
             if column.refers_to and column.kind == "value"]
    keys += list(table.links)
    return [{"fields": list(fields), "reference": {"resource": target, "fields": list(target_fields)}}
            for fields, target, target_fields in keys]


def _resource(table: Table, by_name: dict[str, Table]) -> dict[str, Any]:
    schema: dict[str, Any] = {"fields": [_field(column) for column in table.columns],
                              "primaryKey": list(table.primary_key),
                              "missingValues": [""]}
    if foreign := _foreign_keys(table, by_name):
        schema["foreignKeys"] = foreign
    return {"name": table.name, "path": table.path_name.removeprefix("daten/"), "profile": "tabular-data-resource",
            "title": table.title, "description": table.description, "format": "csv", "mediatype": "text/csv",
            "encoding": ENCODING, "dialect": DIALECT, "schema": schema}


def descriptor(ctx: BuildContext, tables: tuple[Table, ...]) -> dict[str, Any]:
    """The Data Package as a dictionary: deterministic, dated by the build's reference date."""
    by_name = {table.name: table for table in tables}
    terms = ctx.terms
    home = ctx.absolute("daten/") if ctx.site_url else ""
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": f"{terms.site_name}: Tabellen",
        "description": ("Die Inhalte des Portals als Tabellen: je Sammlung eine Tabelle (Initiativen, Maßnahmen, "
                        "Organisationen, Personen, Regionen, Themen, Quellen) und je Liste innerhalb eines Eintrags "
                        "eine weitere (Verlauf, Beteiligte, Gremien, Arbeitskreise, Meilensteine, Kennzahlen, …), "
                        "verbunden über ihre Schlüssel. Daten bleiben so ungenau wie die Quellen sie nennen "
                        "(etwa „Frühjahr 2018“). Wo eine Auswahl von Maßnahmen als Beispiele gekennzeichnet ist "
                        "(measures_listed_scope = beispiele), ist die Liste nicht vollständig."),
        "created": f"{ctx.today.isoformat()}T00:00:00Z",
        "licenses": [{"name": terms.license.spdx, "path": terms.license.url, "title": terms.license.name}],
        "contributors": [{"title": terms.holder, "role": "publisher"}],
        "keywords": ["Industrie", "Nordrhein-Westfalen", "Masterplan", "Wirtschaftsförderung", "offene Daten"],
        "resources": [_resource(table, by_name) for table in tables],
    }
    if home:
        package["homepage"] = home
        package["sources"] = [{"title": terms.site_name, "path": ctx.absolute("")}]
    package["licenses"][0]["attribution"] = terms.attribution(ctx.site_url)
    # The same licence block as every other data file under daten/ (a custom property: Data Package
    # readers keep "licenses", the portal's own readers find "lizenz" everywhere).
    package["lizenz"] = terms.metadata(ctx.site_url)
    return package


def datapackage_json(ctx: BuildContext, tables: tuple[Table, ...]) -> str:
    """``daten/datapackage.json``: the descriptor, indented for people who read it."""
    return json.dumps(descriptor(ctx, tables), ensure_ascii=False, indent=2) + "\n"
