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
from .dates import VagueDate

CSV_COLUMNS = [
    "id", "titel", "initiative", "arbeitskreis", "status", "status_seit", "status_quelle_vom", "zieltermin",
    "zieltermin_verstrichen", "letzte_meldung", "ohne_aktuelle_meldung", "verantwortlich", "partner", "quellen",
    "inhalt_geaendert", "neueste_quelle_vom", "adresse",
]


def _notation(date: VagueDate | None) -> str:
    """A date in the editors' notation; '' when there is none (an undated source)."""
    return date.notation() if date else ""


def _currency(catalog: Catalog, collection: str, key: str) -> dict[str, Any]:
    """How current a record is: two different dates, never one "Stand" (git change, newest dated source)."""
    changed = catalog.changed.get((collection, key))
    newest = catalog.newest_source(catalog.sources_of(catalog.records[collection][key]))
    return {"inhalt_geaendert": changed.isoformat() if changed else None,
            "neueste_quelle_vom": newest[1].notation() if newest else None}


def content_json(catalog: Catalog) -> str:
    """Every published record by collection and id, plus each measure's derived status."""
    collections: dict[str, Any] = {}
    for name, records in catalog.records.items():
        collections[name] = {key: records[key].model_dump(mode="json", exclude_defaults=True) for key in sorted(records)}
    for name, records in collections.items():
        if name != "documents":
            for key, record in records.items():
                record.update(_currency(catalog, name, key))
    for key, measure in collections["measures"].items():
        evidence = catalog.measure_evidence(key)
        measure["aktueller_status"] = catalog.status(key)
        measure["status_quelle_vom"] = _notation(evidence.date) or None
        measure["zieltermin_verstrichen"] = catalog.is_overdue(key)
        measure["letzte_meldung"] = _notation(catalog.last_news("measures", key)) or None
        measure["ohne_aktuelle_meldung"] = catalog.is_stale("measures", key)
    for key, initiative in collections["initiatives"].items():
        state = catalog.initiative_state(key)
        # The state the page shows, derived from the newest entry and its source's age (portal.evidence).
        initiative["angezeigter_status"] = state.key
        initiative["status_quelle_vom"] = _notation(state.evidence.date) or None
        initiative["letzte_meldung"] = _notation(catalog.last_news("initiatives", key)) or None
        initiative["ohne_aktuelle_meldung"] = catalog.is_stale("initiatives", key)
    document = {"stichtag": catalog.today.isoformat(), "meldungsfrist_jahre": catalog.stale_years, "inhalte": collections}
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
        currency = _currency(catalog, "measures", key)
        writer.writerow([spreadsheet_safe(cell) for cell in [
            key, m.title, catalog.initiatives[m.initiative].title, m.working_group or "",
            labels.MEASURE_STATUS[catalog.status(key)], catalog.status_date(key).notation(),
            _notation(catalog.measure_evidence(key).date) or "undatiert",
            m.target.notation() if m.target else "", "ja" if catalog.is_overdue(key) else "nein",
            _notation(catalog.last_news("measures", key)) or "keine datierte Meldung",
            "ja" if catalog.is_stale("measures", key) else "nein",
            catalog.organisations[m.owner].name if m.owner else (m.owner_note or ""),
            ", ".join(catalog.organisations[p].name for p in m.partners),
            ", ".join(catalog.sources_of(m)), currency["inhalt_geaendert"] or "", currency["neueste_quelle_vom"] or "",
            catalog.url("measures", key),
        ]])
    return "\ufeff" + out.getvalue()


EXPORTS = {
    "daten/inhalte.json": content_json,
    "daten/massnahmen.csv": measures_csv,
}
