"""Import format equals export format: the built tables read back into the model
(``table_import.records_from_tables``) give exactly the published records, hostile text included,
and every text cell a spreadsheet would run as a formula starts with the escaping apostrophe."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import frictionless
import pytest
from conftest import Build, builds, mini_variant
from test_macros import TODAY

from portal.check import load_valid
from portal.exports import FORMULA_START
from portal.model import Record
from portal.table_cells import read_csv, unsafe_text
from portal.table_import import records_from_tables
from portal.tables import TABLE_BY_NAME as TABLES_BY_NAME
from portal.tables import TABLES

PUBLISHED = "https://example.org/portal/"
FORMULA = '=HYPERLINK("x")'
MEASURE = f"""initiative: masterplan-test
title: '{FORMULA}'
description: "@x </script>\\nzweite Zeile; \\"double\\", 'quote'"
owner_note: "+1"
target: "2030"
target_note: "-2"
history:
  - date: "2018"
    status: empfohlen
    note: "'quote"
    sources: [pm-zwei]
sources: [pm-zwei]
"""
DOCUMENT = """---
title: '@x ; "double"'
type: nachricht
date: "2018-01-05"
place: "-2"
reference: "'quote"
measures: [boese]
---
=HYPERLINK("y") steht am Anfang; "double".

</script> und eine zweite Zeile
"""


def published(data: Path, today: dt.date) -> dict[str, dict[str, Record]]:
    """The records a build publishes: loaded and checked, drafts and future documents set aside."""
    from portal.catalog import Catalog

    loaded, problems = load_valid(data, today)
    assert not problems, problems
    catalog = Catalog(loaded.records, today)
    return {name: dict(records) for name, records in catalog.records.items()}


@pytest.fixture(scope="module")
@builds
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The mini content with formula starts, quotes, separators, line breaks and </script> in texts,
    built with a known site address."""
    build = mini_variant(
        tmp_path_factory.mktemp("hostile-tables"),
        ("initiatives/masterplan-test.yaml", "    label: Beschäftigte\n", '    label: "+1 Beschäftigte"\n'),
        ("initiatives/masterplan-test.yaml", "    value: 100000\n", "    value: -2.5\n"),
        write={"measures/boese.yaml": MEASURE, "documents/pm-zwei.md": DOCUMENT},
        config=lambda text: text.replace('site_url: !ENV [SITE_URL, ""]', f"site_url: {PUBLISHED}"))
    assert build.returncode == 0, build.output
    return build


def test_the_mini_tables_read_back_into_the_published_records(mini_site: Build) -> None:
    expected = published(mini_site.root / "data", TODAY)
    assert records_from_tables(mini_site.site / "daten/tabellen") == expected
    assert "entwurf" not in expected["documents"]


@pytest.mark.parametrize(("table", "stem"), [("massnahmen", "massnahmen"), ("initiativen", "initiativen"),
                                             ("organisationen", "organisationen")])
def test_derived_columns_say_what_the_json_files_say(mini_site: Build, table: str, stem: str) -> None:
    records = json.loads((mini_site.site / f"daten/{stem}.json").read_text(encoding="utf-8"))["inhalte"]
    derived = [column.name for column in TABLES_BY_NAME[table].columns if column.derived and column.name != "adresse"]
    assert derived
    for row in cells(mini_site, table):
        shown = {name: records[row["id"]].get(name) for name in derived}
        as_cells = {name: {True: "true", False: "false", None: ""}.get(value, value) for name, value in shown.items()}
        assert {name: row[name] for name in derived} == as_cells, row["id"]


def test_hostile_text_reads_back_exactly(hostile_site: Build) -> None:
    expected = published(hostile_site.root / "data", TODAY)
    found = records_from_tables(hostile_site.site / "daten/tabellen")
    assert found == expected
    assert found["measures"]["boese"].title == FORMULA
    assert found["documents"]["pm-zwei"].body.startswith('=HYPERLINK("y")')
    assert found["initiatives"]["masterplan-test"].key_figures[0].value == -2.5


def cells(build: Build, table: str) -> list[dict[str, str]]:
    return read_csv((build.site / "daten/tabellen" / f"{table}.csv").read_text(encoding="utf-8"))


def test_every_text_cell_is_formula_safe(hostile_site: Build) -> None:
    measure = next(row for row in cells(hostile_site, "massnahmen") if row["id"] == "boese")
    assert measure["title"] == "'" + FORMULA
    assert (measure["owner_note"], measure["target_note"]) == ("'+1", "'-2")
    assert measure["description"].startswith("'@x </script>\nzweite Zeile; ")
    assert measure["adresse"] == PUBLISHED + "massnahmen/boese/"
    history = next(row for row in cells(hostile_site, "massnahmen-verlauf") if row["measure"] == "boese")
    assert history["note"] == "''quote"  # an apostrophe of its own is escaped too: the import strips exactly one
    document = next(row for row in cells(hostile_site, "dokumente") if row["id"] == "pm-zwei")
    assert (document["title"], document["place"], document["reference"]) == ("'@x ; \"double\"", "'-2", "''quote")
    assert document["body"].startswith("'=HYPERLINK")
    figure = cells(hostile_site, "kennzahlen")[0]
    assert (figure["label"], figure["value"]) == ("'+1 Beschäftigte", "-2.5")  # a number stays a number
    checked = 0
    for table in TABLES:
        texts = [column.name for column in table.columns if column.type == "string"]
        for row in cells(hostile_site, table.name):
            for name in texts:
                # What a spreadsheet would run never starts a cell; what the escape hid is counted.
                assert not row[name].lstrip(" ").startswith(FORMULA_START), (table.name, name, row[name])
                checked += unsafe_text(row[name]).lstrip(" ").startswith(FORMULA_START)
    assert checked >= 8


def test_the_hostile_package_is_valid(hostile_site: Build) -> None:
    report = frictionless.validate(str(hostile_site.site / "daten/datapackage.json"))
    assert report.valid, report.flatten(["type", "fieldName", "note"])
    package = json.loads((hostile_site.site / "daten/datapackage.json").read_text(encoding="utf-8"))
    assert package["homepage"] == PUBLISHED + "daten/"


def test_the_shipped_tables_read_back_into_the_published_records(real_site: Build) -> None:
    # The build's own reference date (the real date): the index of the open data names it.
    index = json.loads((real_site.site / "daten/index.json").read_text(encoding="utf-8"))
    today = dt.date.fromisoformat(index["stichtag"])
    assert records_from_tables(real_site.site / "daten/tabellen") == published(real_site.root / "data", today)


def test_every_shipped_address_is_a_page(real_site: Build) -> None:
    for table in TABLES:
        if not table.path:
            for row in cells(real_site, table.name):
                assert (real_site.site / row["adresse"] / "index.html").is_file(), (table.name, row["adresse"])
