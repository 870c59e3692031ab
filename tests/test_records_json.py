"""One JSON file per published record (daten/<sammlung>/<id>.json): every record has its file, the
file holds the same object as the collection's file, its head is right (absolute addresses with a site
address), hostile text comes out as the same string, and the preview deletes the file of a deleted
record without work that grows with the square of the files."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import Build
from test_macros import TODAY, mini_records
from test_popolo import PUBLISHED, popolo_site  # noqa: F401 (the published variant, a fixture)

from portal.catalog import Catalog
from portal.context import BuildContext
from portal.exports import collection_records, open_data_files
from portal.incremental import Memory
from portal.model import Organisation
from portal.popolo import popolo_files
from portal.records_json import COLLECTION_FILES, path, record_files

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "open_data" / "record.schema.json").read_text(encoding="utf-8"))


def collections(build: Build) -> dict[str, dict[str, Any]]:
    """Every record of the collection files that daten/index.json names, by collection and id."""
    daten = build.site / "daten"
    index = json.loads((daten / "index.json").read_text(encoding="utf-8"))
    found: dict[str, dict[str, Any]] = {}
    for entry in index["dateien"]:
        found.setdefault(entry["sammlung"], {}).update(json.loads((daten / entry["datei"]).read_text(encoding="utf-8"))["inhalte"])
    return found


def per_record(build: Build) -> dict[str, dict[str, Any]]:
    """Every per-record file under daten/<sammlung>/, by its path under daten/."""
    daten = build.site / "daten"
    return {file.relative_to(daten).as_posix(): json.loads(file.read_text(encoding="utf-8"))
            for stem in COLLECTION_FILES.values() for file in sorted((daten / stem).glob("*.json"))}


def test_every_record_has_its_file_with_the_collection_files_object(mini_site: Build) -> None:
    expected = collections(mini_site)
    files = per_record(mini_site)
    index = json.loads((mini_site.site / "daten" / "index.json").read_text(encoding="utf-8"))
    assert sum(len(records) for records in expected.values()) == len(files) > 0
    for name, records in expected.items():
        for key, record in records.items():
            document = files[f"{COLLECTION_FILES[name]}/{key}.json"]
            jsonschema.validate(document, SCHEMA)
            assert (document["sammlung"], document["id"], document["inhalt"]) == (name, key, record)
            assert document["stichtag"] == "2026-11-22"
            assert document["lizenz"] == index["lizenz"]
            assert index["einzelne_eintraege"][name].replace("{id}", key) == f"{COLLECTION_FILES[name]}/{key}.json"
    assert files["massnahmen/glasfaser.json"]["adresse"] == "massnahmen/glasfaser/"  # no site address: site-relative
    assert files["organisationen/stadt-test.json"]["adresse"] == "partner/stadt-test/"
    assert files["massnahmen/glasfaser.json"]["inhalt"]["zieltermin_verstrichen"] is True
    # Drafts have no file, like they have no page.
    assert not (mini_site.site / "daten" / "dokumente" / "entwurf.json").exists()


def test_with_a_site_address_record_files_and_the_table_give_absolute_addresses(popolo_site: Build) -> None:  # noqa: F811
    files = per_record(popolo_site)
    assert files and all(document["adresse"].startswith(PUBLISHED) for document in files.values())
    for document in files.values():
        jsonschema.validate(document, SCHEMA)
    assert files["massnahmen/glasfaser.json"]["adresse"] == PUBLISHED + "massnahmen/glasfaser/"
    assert PUBLISHED in files["massnahmen/glasfaser.json"]["lizenz"]["namensnennung"]
    table = (popolo_site.site / "daten" / "massnahmen.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(table), delimiter=";"))
    assert [row["adresse"] for row in rows] == [PUBLISHED + "massnahmen/fertig/", PUBLISHED + "massnahmen/glasfaser/"]


def test_hostile_text_comes_out_as_the_same_string(popolo_site: Build) -> None:  # noqa: F811
    raw = (popolo_site.site / "daten" / "organisationen" / "verband-test.json").read_text(encoding="utf-8")
    assert raw.count("\n") == 1 and raw.endswith("}\n")  # the newline in the text is escaped
    record = json.loads(raw)["inhalt"]
    assert record["name"] == 'Verband "Test" & Co.'
    assert record["description"] == 'Zeile eins </script><script>alert(1)</script>\nZeile zwei =HYPERLINK("x")'
    person = json.loads((popolo_site.site / "daten" / "personen" / "max-muster.json").read_text(encoding="utf-8"))
    assert person["inhalt"]["name"] == 'Max "Maxi" Muster \\ Test'


def test_record_files_alone_equal_those_made_with_the_collection_files(catalog: Catalog) -> None:
    ctx = BuildContext(catalog, "", TODAY)
    made = open_data_files(ctx)
    alone = record_files(ctx)
    assert alone and all(made[file] == text for file, text in alone.items())
    assert set(alone) == {path(name, key) for name in COLLECTION_FILES for key in catalog.records[name]}
    assert json.loads(alone[path("topics", "flaechen")])["inhalt"] == collection_records(ctx, "topics")["flaechen"]


def test_the_preview_deletes_the_file_of_a_deleted_record(tmp_path: Path) -> None:
    records = mini_records()
    extra = Organisation.model_validate({"name": "Verband Einmal", "type": "verband", "sources": ["pm-eins"]})
    before = Catalog({**records, "organisations": {**records["organisations"], "verband-einmal": extra}}, TODAY)
    memory = Memory()
    memory.export(tmp_path, open_data_files(BuildContext(before, "", TODAY)))
    gone = tmp_path / "daten" / "organisationen" / "verband-einmal.json"
    assert gone.is_file()
    written = memory.export(tmp_path, open_data_files(BuildContext(Catalog(records, TODAY), "", TODAY)))
    assert not gone.exists() and (tmp_path / "daten" / "organisationen" / "stadt-test.json").is_file()
    # Only what changed is written again: the collection's file and the index (their counts and sizes).
    assert written == 2


@pytest.mark.slow  # writing 30,000 files first takes several seconds
def test_thirty_thousand_record_files_cost_the_preview_linear_work(tmp_path: Path) -> None:
    files = {f"daten/massnahmen/m-{number}.json": f'{{"id":"m-{number}"}}\n' for number in range(30_000)}
    memory = Memory()
    memory.export(tmp_path, files)
    changed = {**files, "daten/massnahmen/m-7.json": '{"id":"m-7","neu":true}\n'}
    del changed["daten/massnahmen/m-8.json"]
    start = time.perf_counter()
    written = memory.export(tmp_path, changed)
    elapsed = time.perf_counter() - start
    assert written == 1 and not (tmp_path / "daten" / "massnahmen" / "m-8.json").exists()
    # Hashing and one stat per file: 0.6 s on the shared test machine; quadratic work would take minutes.
    assert elapsed < 10, elapsed


def test_the_same_content_gives_the_same_files() -> None:
    """Deterministic: two catalogs of the same content (read twice) give byte-identical data files."""
    first, second = (BuildContext(Catalog(mini_records(), TODAY), "https://a.example/", TODAY) for _ in range(2))
    assert open_data_files(first) == open_data_files(second)
    assert popolo_files(first) == popolo_files(second)
