"""The open-data tables as declared (portal.tables): derived from the model, covering every field,
described with the same German text as the JSON Schemas, their names frozen; cells formula-safe and
reversible (portal.table_cells). Behaviour of the built tables: test_datapackage.py, test_roundtrip.py."""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
from conftest import FIXTURES, ROOT
from hypothesis import given
from hypothesis import strategies as st
from test_macros import TODAY, mini_records

from portal import model, schema
from portal.catalog import Catalog
from portal.context import BuildContext
from portal.table_cells import ESCAPED_START, from_cell, read_csv, safe_text, to_cell, unsafe_text
from portal.tables import DATAPACKAGE_PATH, TABLES, Column, table_files

SNAPSHOT = FIXTURES / "tables.json"
# Every record type of the model, found independently of portal.tables' own walk.
RECORD_CLASSES = [cls for cls in vars(model).values()
                  if isinstance(cls, type) and issubclass(cls, model.Record) and cls is not model.Record]
HOSTILE = ['=HYPERLINK("x")', "+1", "-2", "@x", "'quote", "''zwei", '"double"', "a;b", "Zeile\nZeile",
           "</script>", " =1+1", "\t=1", "\r=1", "normal", "", "'", "x'"]


def frozen() -> dict[str, list[str]]:
    return {table.name: [column.name for column in table.columns] for table in TABLES}


def test_table_names_and_columns_are_frozen() -> None:
    # A rename breaks everyone who reuses the data: change the snapshot only on purpose.
    if os.environ.get("PORTAL_UPDATE_SNAPSHOT"):
        SNAPSHOT.write_text(json.dumps(frozen(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert json.loads(SNAPSHOT.read_text(encoding="utf-8")) == frozen(), \
        "tables changed: if on purpose, rerun with PORTAL_UPDATE_SNAPSHOT=1 and commit tests/fixtures/tables.json"


def covered() -> set[tuple[str, str]]:
    """(record type, field) for every field the tables hold: as a column, prefixed columns or a child table."""
    found: set[tuple[str, str]] = set()
    for table in TABLES:
        for column in table.columns:
            if column.field:
                owner: Any = table.record_class
                for part in column.field:
                    found.add((owner.__name__, part))
                    annotation = owner.model_fields[part].annotation
                    owner = next((arg for arg in [annotation, *getattr(annotation, "__args__", ())]
                                  if isinstance(arg, type) and issubclass(arg, model.Record)), owner)
        if table.path:
            parent = next(t for t in TABLES if t.name == table.parent)
            found.add((parent.record_class.__name__, table.path[-1]))
    return found


def test_the_tables_hold_every_field_of_every_record_type() -> None:
    expected = {(cls.__name__, field) for cls in RECORD_CLASSES for field in cls.model_fields}
    assert expected - covered() == set()
    assert {table.collection for table in TABLES if not table.path} == set(model.COLLECTIONS)


def test_every_field_has_german_help() -> None:
    missing = [(cls.__name__, field) for cls in RECORD_CLASSES for field in cls.model_fields
               if not schema.help_for(cls.__name__, field).strip()]
    assert missing == []
    for table in TABLES:
        for column in table.columns:
            assert column.description.strip(), (table.name, column.name)
        assert table.title.strip() and table.description.strip(), table.name


def schema_description(table_class: type[model.Record], field: tuple[str, ...]) -> str:
    """The description the committed JSON Schema gives the field (the class's own or under $defs)."""
    owner: Any = table_class
    for part in field[:-1]:
        annotation = owner.model_fields[part].annotation
        owner = next(arg for arg in getattr(annotation, "__args__", ()) if isinstance(arg, type))
    collection = next((name for name, (_f, cls, _s) in model.COLLECTIONS.items() if cls is owner), None)
    if collection and not (collection == "documents" and field[-1] == "body"):
        data = json.loads((ROOT / "schemas" / f"{collection}.schema.json").read_text(encoding="utf-8"))
        return str(data["properties"][field[-1]]["description"])
    for name, (_folder, _cls, _suffixes) in model.COLLECTIONS.items():
        data = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        if owner.__name__ in data.get("$defs", {}):
            return str(data["$defs"][owner.__name__]["properties"][field[-1]]["description"])
    return schema.field_descriptions(owner)[field[-1]]  # the body of a document, not in its front matter


def test_column_descriptions_are_the_json_schemas_descriptions() -> None:
    compared = 0
    for table in TABLES:
        for column in table.columns:
            if column.field:
                assert column.description == schema_description(table.record_class, column.field), (table.name, column.name)
                compared += 1
    assert compared > 100


def test_child_tables_name_their_parent_and_keep_the_order() -> None:
    by_name = {table.name: table for table in TABLES}
    assert by_name["massnahmen-verlauf"].primary_key == ("measure", "position")
    assert by_name["meilensteine"].primary_key == ("initiative", "id")
    assert by_name["gremien-vorsitz"].primary_key == ("initiative", "body", "position")
    assert by_name["arbeitskreise-leitung"].primary_key == ("initiative", "working_group", "position")
    for table in TABLES:
        names = [column.name for column in table.columns]
        assert len(names) == len(set(names)), table.name
        if table.path:
            assert "position" in names, table.name
            parent = by_name[table.parent]
            assert table.primary_key[: len(parent.primary_key)] == tuple(
                column.name for column in table.columns if column.kind == "parent")
    arbeitskreise = [column.name for column in by_name["arbeitskreise"].columns]
    assert {"size_min", "size_max", "measures_listed_scope", "measures_listed_total"} <= set(arbeitskreise)


@pytest.mark.parametrize("text", HOSTILE)
def test_a_text_cell_never_starts_a_formula_and_reads_back_exactly(text: str) -> None:
    cell = safe_text(text)
    assert not cell.lstrip(" ").startswith(ESCAPED_START) or cell.startswith("'")
    assert unsafe_text(cell) == text


@given(st.text())
def test_the_escape_is_reversible_for_any_text(text: str) -> None:
    column = Column("title", "string", "Titel")
    cell = to_cell(column, text)
    if text.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")):
        assert cell == "'" + text
    assert (from_cell(column, cell) if text else "") == text


def context(site_url: str = "") -> BuildContext:
    return BuildContext(Catalog(mini_records(), TODAY), site_url, TODAY)


def test_the_same_content_gives_byte_identical_tables() -> None:
    assert table_files(context()) == table_files(context())


def test_addresses_are_absolute_when_the_site_address_is_known() -> None:
    files = table_files(context("https://example.org/portal/"))
    rows = read_csv(files["daten/tabellen/massnahmen.csv"])
    assert [row["adresse"] for row in rows] == ["https://example.org/portal/massnahmen/fertig/",
                                                "https://example.org/portal/massnahmen/glasfaser/"]
    package = json.loads(files[DATAPACKAGE_PATH])
    assert package["homepage"] == "https://example.org/portal/daten/"
    relative = read_csv(table_files(context())["daten/tabellen/massnahmen.csv"])
    assert [row["adresse"] for row in relative] == ["massnahmen/fertig/", "massnahmen/glasfaser/"]


def test_rows_follow_ids_then_positions() -> None:
    files = table_files(context())
    history = read_csv(files["daten/tabellen/massnahmen-verlauf.csv"])
    assert [(row["measure"], row["position"], row["status"]) for row in history] == [
        ("fertig", "1", "beschlossen"), ("fertig", "2", "abgeschlossen"), ("glasfaser", "1", "beschlossen")]
    milestones = read_csv(files["daten/tabellen/meilensteine.csv"])
    # The editors' order, not the ids' order: the order is part of the record.
    assert [row["id"] for row in milestones] == ["konferenz", "review", "treffen"]
    assert [row["date"] for row in milestones] == ["2017-03-16", "Frühjahr 2018", "unbekannt"]


def test_drafts_are_not_in_the_documents_table() -> None:
    rows = read_csv(table_files(context())["daten/tabellen/dokumente.csv"])
    assert [row["id"] for row in rows] == ["pm-eins"]
    assert rows[0]["body"].startswith("Zusammenfassung mit")


def test_a_collection_table_has_its_json_files_name() -> None:
    from portal.records_json import COLLECTION_FILES

    assert {table.collection: table.name for table in TABLES if not table.path} == COLLECTION_FILES


def test_the_package_carries_the_chosen_licence() -> None:
    from portal.licensing import LICENSES, Terms

    licence = LICENSES["dl-de-by-2.0"]
    ctx = BuildContext(Catalog(mini_records(), TODAY), "https://example.org/", TODAY,
                       Terms(licence, "Stadt Beispiel", "Industrie-Initiativen NRW"))
    package = json.loads(table_files(ctx)[DATAPACKAGE_PATH])
    assert package["licenses"] == [{"name": "DL-DE-BY-2.0", "path": licence.url, "title": licence.name,
                                    "attribution": ctx.terms.attribution("https://example.org/")}]
    assert package["contributors"] == [{"title": "Stadt Beispiel", "role": "publisher"}]
    assert package["created"] == "2026-11-22T00:00:00Z"
