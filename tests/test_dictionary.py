"""The data dictionary /daten/felder/ (portal.dictionary, overrides/data-dictionary.html).

Every field of every class of the content model is on the page, with the type, whether it is
required and its allowed values, and its meaning in exactly the words of the JSON Schema the editors'
tools show (portal.schema). Every key the built JSON files carry beyond the model's fields is
explained as a derived field. The page is model-sized, accessible (captions, header cells, headings in
order) and escapes what it shows.
"""

from __future__ import annotations

import gzip
import json
import typing
from collections.abc import Iterator
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import Build
from pydantic import BaseModel

from portal import dictionary, tables
from portal.records_json import COLLECTION_FILES
from portal.model import COLLECTIONS, Record
from portal.schema import schema_for

URL = "daten/felder/"


def record_classes() -> dict[str, type[BaseModel]]:
    """Every class of the content model reachable from the collections, by name."""
    found: dict[str, type[BaseModel]] = {}
    pending: list[type[BaseModel]] = [cls for _folder, cls, _suffixes in COLLECTIONS.values()]
    while pending:
        cls = pending.pop()
        if cls.__name__ in found:
            continue
        found[cls.__name__] = cls
        for info in cls.model_fields.values():
            pending.extend(_parts(info.annotation))
    return found


def _parts(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return [annotation]
    return [part for arg in typing.get_args(annotation) for part in _parts(arg)]


def schema_description(cls_name: str, field: str) -> str | None:
    """A field's description in the JSON Schemas; '' when the schema has none, None when no schema has the field."""
    for collection, (_folder, cls, _suffixes) in COLLECTIONS.items():
        schema = schema_for(collection)
        node = schema if cls.__name__ == cls_name else schema.get("$defs", {}).get(cls_name)
        if node and field in node.get("properties", {}):
            return str(node["properties"][field].get("description", ""))
    return None


def row_id(cls_name: str, field: str) -> str:
    """Where the page lists a field: collections by their name, parts as "teil-<class>"."""
    collection = next((name for name, (_f, cls, _s) in COLLECTIONS.items() if cls.__name__ == cls_name), None)
    prefix = collection or "teil-" + cls_name.lower()
    return f"{prefix}-{field.replace('_', '-')}"


def model_fields() -> Iterator[tuple[str, str]]:
    for name, cls in record_classes().items():
        for field in cls.model_fields:
            yield name, field


def enum_values(cls: type[BaseModel], field: str) -> list[str]:
    """The allowed values of a Literal field (also inside ``| None``), else []."""
    annotation = cls.model_fields[field].annotation
    options = [annotation, *typing.get_args(annotation)]
    for option in options:
        if typing.get_origin(option) is typing.Literal:
            return [str(value) for value in typing.get_args(option)]
    return []


@pytest.fixture(scope="module")
def page(mini_site: Build) -> BeautifulSoup:
    return mini_site.html(URL)


def cell_text(cell: Tag) -> str:
    return " ".join(cell.get_text(" ").split())


# --- the content of the page, from the model -------------------------------------------------------


def test_every_class_of_the_model_is_described_once_with_a_german_title() -> None:
    entities = dictionary.entities()
    keys = [entity.key for entity in entities]
    assert len(keys) == len(set(keys))
    parts = set(record_classes()) - {cls.__name__ for _f, cls, _s in COLLECTIONS.values()}
    assert set(keys) == set(COLLECTIONS) | parts
    assert parts <= set(dictionary.PART_TITLES), "a part of a record without its German name in PART_TITLES"
    assert all(entity.used_in for entity in entities if not entity.folder)


def test_every_enum_is_listed_with_the_labels_the_site_shows() -> None:
    classes = record_classes()
    listed = {(entity.key, field.name): field
              for entity in dictionary.entities() for field in entity.fields}
    by_class = {entity.key: COLLECTIONS[entity.key][1].__name__ if entity.folder else entity.key
                for entity in dictionary.entities()}
    checked = 0
    for (key, name), field in listed.items():
        values = enum_values(classes[by_class[key]], name)
        assert [value.value for value in field.values] == values
        for value in field.values:
            shown = dictionary.VALUE_LABELS.get((by_class[key], name), {})
            assert value.label == shown.get(value.value, "")
        checked += bool(values)
    assert checked >= 10  # kinds, statuses, roles, types …


@pytest.mark.parametrize(("cls_name", "field"), list(model_fields()))
def test_every_field_is_on_the_page_with_the_schemas_words(page: BeautifulSoup, cls_name: str, field: str) -> None:
    row = page.find("tr", id=row_id(cls_name, field))
    assert row is not None, f"{cls_name}.{field} is not on the data dictionary"
    assert cell_text(row.find("th")) == field
    meaning = row.select_one(".portal-dictionary-meaning")
    expected = schema_description(cls_name, field)
    if expected is None:  # the Markdown body, which the front matter's schema leaves out
        assert field == "body"
        expected = dictionary.BODY_NOTE
    assert meaning.get_text() == expected
    values = enum_values(record_classes()[cls_name], field)
    shown = [code.get_text() for code in row.select(".portal-dictionary-values code")]
    assert shown == values
    required = cell_text(row.select_one(".portal-dictionary-required"))
    assert required.startswith("Pflicht" if record_classes()[cls_name].model_fields[field].is_required() else "optional")


def test_types_are_named_in_german_and_link_what_they_refer_to(page: BeautifulSoup) -> None:
    assert cell_text(page.find("tr", id="measures-target").select_one(".portal-dictionary-type")) == "Datum (so genau wie die Quelle)"
    owner = page.find("tr", id="measures-owner").select_one(".portal-dictionary-type a")
    assert owner.get_text() == "Verweis auf Organisationen (id)" and owner["href"] == "#organisations"
    history = page.find("tr", id="measures-history").select_one(".portal-dictionary-type a")
    assert history["href"] == "#teil-historyentry" and "Verlaufseintrag" in history.get_text()
    assert page.find(id="teil-historyentry").name == "h3"
    assert cell_text(page.find("tr", id="documents-draft").select_one(".portal-dictionary-type")) == "Ja/Nein (true oder false)"
    assert cell_text(page.find("tr", id="teil-size-min").select_one(".portal-dictionary-type")) == "Ganzzahl"
    assert cell_text(page.find("tr", id="teil-keyfigure-value").select_one(".portal-dictionary-type")) == "Zahl"
    status = page.find("tr", id="teil-historyentry-status")
    assert "in_umsetzung – in Umsetzung" in cell_text(status)
    # Every link on the page to an anchor of the page finds it.
    ids = {tag["id"] for tag in page.find_all(id=True)}
    for link in page.select("article a[href^='#']"):
        assert link["href"][1:] in ids, link


# --- what the portal adds in the JSON files ---------------------------------------------------------


def json_keys(node: Any, under: str = "") -> Iterator[str]:
    """Every key of a JSON document; the keys of ``inhalte`` are record ids, not names."""
    if isinstance(node, dict):
        for key, value in node.items():
            if under != "inhalte":
                yield key
            yield from json_keys(value, key)
    elif isinstance(node, list):
        for item in node:
            yield from json_keys(item)


def test_every_key_the_json_files_add_is_explained(mini_site: Build, page: BeautifulSoup) -> None:
    # The collections' files the index names, the index, and the per-record files (daten/<stem>/<id>.json);
    # Popolo and the Data Package follow their own standards' vocabularies, not this dictionary.
    daten = mini_site.site / "daten"
    index = json.loads((daten / "index.json").read_text(encoding="utf-8"))
    files = [daten / "index.json", *(daten / entry["datei"] for entry in index["dateien"])]
    files += sorted(path for stem in COLLECTION_FILES.values() for path in (daten / stem).glob("*.json"))
    assert {"massnahmen.json", "initiativen.json"} <= {file.name for file in files}
    fields = {field for _cls, field in model_fields()}
    added = set()
    for file in files:
        added |= set(json_keys(json.loads(file.read_text(encoding="utf-8")))) - fields
    assert {"stichtag", "aktueller_status", "inhalt_geaendert", "neueste_quelle_vom"} <= added
    # Collections' names (index.json names the per-record files by collection) are the page's sections.
    explained = dictionary.derived_names() | set(COLLECTIONS)
    assert added <= explained, f"keys in the JSON files the dictionary does not explain: {added - explained}"
    for name in added - set(COLLECTIONS):
        row = page.find("tr", id="abgeleitet-" + name.replace("_", "-"))
        assert row is not None and row.select_one(".portal-dictionary-meaning").get_text().strip(), name
    for name in added & set(COLLECTIONS):
        assert page.find("h2", id=name) is not None, name


def test_the_tables_and_their_columns_are_described(page: BeautifulSoup) -> None:
    section = page.find(id="tabellen")
    assert section is not None and section.name == "h2"
    if not tables.TABLES:
        assert "noch nicht" in cell_text(section.find_next("p"))
    for table in tables.TABLES:
        assert page.find(id=f"tabelle-{table.name}") is not None, table.name
        for column in table.columns:
            row = page.find("tr", id=f"tabelle-{table.name}-{column.name.replace('_', '-')}")
            assert row is not None, (table.name, column.name)
            assert row.select_one(".portal-dictionary-meaning").get_text() == column.description
            assert [code.get_text() for code in row.select("code")][1:] == list(column.enum)


# --- size, accessibility, escaping ------------------------------------------------------------------


def test_the_page_is_model_sized(mini_site: Build) -> None:
    raw = (mini_site.site / URL / "index.html").read_bytes()
    assert len(gzip.compress(raw)) < 100_000


def test_tables_have_captions_and_header_cells_and_headings_keep_their_order(page: BeautifulSoup) -> None:
    article = page.find("article")
    tables_on_page = article.find_all("table")
    assert len(tables_on_page) > len(COLLECTIONS)
    for table in tables_on_page:
        assert table.find("caption") and table.find("caption").get_text().strip()
        assert table.select("thead th[scope=col]")
        assert all(row.find("th", scope="row") for row in table.select("tbody tr"))
    levels = [int(heading.name[1]) for heading in article.find_all(["h1", "h2", "h3", "h4"])]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(after <= before + 1 for before, after in zip(levels, levels[1:], strict=False)), levels
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert len(ids) == len(set(ids))


def test_what_the_schema_says_is_escaped(mini_site: Build, page: BeautifulSoup) -> None:
    # The schemas' own words contain "< und >": shown as text, never as markup.
    raw = (mini_site.site / URL / "index.html").read_text(encoding="utf-8")
    assert "ohne &lt; und &gt;" in raw
    title = page.find("tr", id="measures-title").select_one(".portal-dictionary-meaning")
    assert "ohne < und >" in title.get_text() and not title.find_all(True)


def test_the_data_page_links_the_dictionary_and_the_dictionary_links_back(mini_site: Build, page: BeautifulSoup) -> None:
    data = mini_site.html("daten/")
    assert any(a["href"].rstrip("/").endswith("felder") for a in data.select("article a[href]"))
    assert any(a["href"] in ("../", "../index.html", "..") for a in page.select("article a[href]"))
