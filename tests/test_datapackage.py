"""The built Data Package (daten/datapackage.json) and its tables pass ``frictionless validate``,
foreign keys included, and the schema really constrains: a corrupted copy is reported."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import frictionless
import pytest
from conftest import Build

from portal.licensing import LICENSES
from portal.table_cells import DIALECT, csv_text, read_csv
from portal.tables import TABLES


def validate(folder: Path) -> frictionless.Report:
    return frictionless.validate(str(folder / "datapackage.json"))


def errors(report: frictionless.Report) -> list[list[str]]:
    return report.flatten(["type", "fieldName", "note"])


def test_the_built_package_is_valid_with_its_foreign_keys(mini_site: Build) -> None:
    report = validate(mini_site.site / "daten")
    assert report.valid, errors(report)
    assert report.stats["errors"] == 0
    assert len(report.tasks) == len(TABLES)
    package = json.loads((mini_site.site / "daten/datapackage.json").read_text(encoding="utf-8"))
    keys = {resource["name"]: resource["schema"].get("foreignKeys", []) for resource in package["resources"]}
    assert {"fields": ["initiative"], "reference": {"resource": "initiativen", "fields": ["id"]}} in keys["massnahmen"]
    assert {"fields": ["owner"], "reference": {"resource": "organisationen", "fields": ["id"]}} in keys["massnahmen"]
    assert {"fields": ["initiative", "body"], "reference": {"resource": "gremien", "fields": ["initiative", "id"]}} \
        in keys["gremien-vorsitz"]


def test_the_package_names_the_licence_and_is_dated_by_the_build(mini_site: Build) -> None:
    package = json.loads((mini_site.site / "daten/datapackage.json").read_text(encoding="utf-8"))
    licence = LICENSES["cc-by-4.0"]
    assert package["licenses"][0] | {"attribution": ""} == {"name": licence.spdx, "path": licence.url,
                                                            "title": licence.name, "attribution": ""}
    assert package["created"] == "2026-11-22T00:00:00Z"  # the fixed reference date, never the clock
    resources = {resource["name"]: resource for resource in package["resources"]}
    assert set(resources) == {table.name for table in TABLES}
    for table in TABLES:
        resource = resources[table.name]
        assert resource["path"] == f"tabellen/{table.name}.csv"
        assert resource["dialect"] == DIALECT and resource["encoding"] == "utf-8"
        fields = resource["schema"]["fields"]
        assert [field["name"] for field in fields] == [column.name for column in table.columns]
        assert all(field["description"] for field in fields)
        assert resource["schema"]["primaryKey"] == list(table.primary_key)
        # RFC 4180 as declared: CRLF line ends (read as bytes: text mode would translate them), no BOM.
        header = (mini_site.site / "daten" / resource["path"]).read_bytes().split(b"\r\n", 1)[0]
        assert header == ",".join(column.name for column in table.columns).encode("utf-8")


def corrupt(source: Path, target: Path, table: str, row: int, column: str, value: str) -> Path:
    """A copy of the package with one cell of one table changed."""
    shutil.copytree(source, target)
    path = target / "tabellen" / f"{table}.csv"
    rows = read_csv(path.read_text(encoding="utf-8"))
    rows[row][column] = value
    header = list(rows[0])
    path.write_text(csv_text(header, [[item[name] for name in header] for item in rows]), encoding="utf-8")
    return target


@pytest.mark.parametrize(("table", "column", "value", "error"), [
    ("massnahmen-verlauf", "status", "fertig", "constraint-error"),          # not one of the allowed values
    ("initiativen", "title", "", "constraint-error"),                         # a required value missing
    ("massnahmen", "initiative", "gibt-es-nicht", "foreign-key"),             # points at no initiative
    ("gremien-vorsitz", "body", "kein-gremium", "foreign-key"),               # a child without its parent
    ("meilensteine", "date", "im Mai", "constraint-error"),                   # not a date in the editors' notation
    ("massnahmen", "topics", "flaechen, kultur", "constraint-error"),          # not a list of ids
    ("kennzahlen", "value", "viele", "type-error"),                           # not a number
])
def test_a_corrupted_table_is_reported(mini_site: Build, tmp_path: Path, table: str, column: str, value: str,
                                       error: str) -> None:
    report = validate(corrupt(mini_site.site / "daten", tmp_path / "daten", table, 0, column, value))
    assert not report.valid
    assert error in {row[0] for row in errors(report)}, errors(report)


def test_the_shipped_content_gives_a_valid_package(real_site: Build) -> None:
    report = validate(real_site.site / "daten")
    assert report.valid, errors(report)
    assert len(report.tasks) == len(TABLES)
