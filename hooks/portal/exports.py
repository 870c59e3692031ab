"""Open data: the published content as JSON, and the measures as CSV for spreadsheets.

Dates keep the editors' notation ("Frühjahr 2018"), so a vague date stays vague in the data too.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from . import labels
from .catalog import Catalog

CSV_COLUMNS = [
    "id", "titel", "initiative", "arbeitskreis", "status", "status_seit", "zieltermin", "zieltermin_verstrichen",
    "verantwortlich", "partner", "quellen", "adresse",
]


def content_json(catalog: Catalog) -> str:
    """Every published record by collection and id, plus each measure's derived status."""
    collections: dict[str, Any] = {}
    for name, records in catalog.records.items():
        visible = catalog.documents if name == "documents" else records
        collections[name] = {key: visible[key].model_dump(mode="json", exclude_defaults=True) for key in sorted(visible)}
    for key, measure in collections["measures"].items():
        measure["aktueller_status"] = catalog.status(key)
        measure["zieltermin_verstrichen"] = catalog.is_overdue(key)
    document = {"stichtag": catalog.today.isoformat(), "inhalte": collections}
    # NaN and Infinity are not JSON; the model refuses them, and this would fail loudly if one slipped by.
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


# A cell starting with one of these is a formula to Excel and LibreOffice (=HYPERLINK(…) can send
# the sheet's contents elsewhere); tab and carriage return start one after the separator too.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula (OWASP "CSV Injection").

    Text starting with a formula character, also after leading spaces, gets an apostrophe in front,
    which spreadsheets hide and treat as "this is text". Numbers stay numbers.
    """
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_START):
        return "'" + value
    return value


def csv_writer(out: io.StringIO) -> Any:
    """The portal's CSV dialect: semicolons and CRLF as German spreadsheets expect, every text quoted."""
    return csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)


def measures_csv(catalog: Catalog) -> str:
    """One row per measure; semicolon-separated with a BOM, as German spreadsheet programs expect."""
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(CSV_COLUMNS)
    for key in catalog.sorted_ids("measures"):
        m = catalog.measures[key]
        writer.writerow([spreadsheet_safe(cell) for cell in [
            key, m.title, catalog.initiatives[m.initiative].title, m.working_group or "",
            labels.MEASURE_STATUS[catalog.status(key)], catalog.status_date(key).notation(),
            m.target.notation() if m.target else "", "ja" if catalog.is_overdue(key) else "nein",
            catalog.organisations[m.owner].name if m.owner else (m.owner_note or ""),
            ", ".join(catalog.organisations[p].name for p in m.partners),
            ", ".join(catalog.sources_of(m)), catalog.url("measures", key),
        ]])
    return "\ufeff" + out.getvalue()


EXPORTS = {
    "daten/inhalte.json": content_json,
    "daten/massnahmen.csv": measures_csv,
}
