"""Open data: the published content as JSON, one file per collection with an index, and the
measures as CSV for spreadsheets.

Dates keep the editors' notation ("Frühjahr 2018"), so a vague date stays vague in the data too.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import dcat, labels, popolo, records_json, tables, timeline_data
from .calendars import calendar_files
from .dcat import catalogue_files
from .feeds import feed_files
from .popolo import popolo_files
from .records_json import COLLECTION_FILES, documents_by_year
from .table_cells import FORMULA_START
from .tables import table_files

if TYPE_CHECKING:
    from .catalog import Catalog
    from .context import BuildContext
    from .dates import VagueDate


def _notation(date: VagueDate | None) -> str:
    """A date in the editors' notation; '' when there is none (an undated source)."""
    return date.notation() if date else ""


def _currency(catalog: Catalog, collection: str, key: str) -> dict[str, Any]:
    """How current a record is: two different dates, never one "Stand" (git change, newest dated source)."""
    changed = catalog.changed.get((collection, key))
    newest = catalog.newest_source(catalog.sources_of(catalog.records[collection][key]))
    return {"inhalt_geaendert": changed.isoformat() if changed else None,
            "neueste_quelle_vom": newest[1].notation() if newest else None}


# One JSON file per collection under daten/, named in German like the site's sections
# (records_json.COLLECTION_FILES, whose per-record folders bear the same names). A file of everything
# reached 107 MB at the size of all NRW: nobody downloads that to look at one initiative.
INDEX_FILE = "daten/index.json"


def collection_records(ctx: BuildContext, name: str) -> dict[str, Any]:
    """Every published record of one collection by id, with the derived fields the pages show
    (how current it is; a measure's and an initiative's shown status and its source's date)."""
    catalog = ctx.catalog
    records = catalog.records[name]
    found = {key: records[key].model_dump(mode="json", exclude_defaults=True) for key in sorted(records)}
    if name != "documents":
        for key, record in found.items():
            record.update(_currency(catalog, name, key))
    if name == "measures":
        for key, measure in found.items():
            evidence = catalog.measure_evidence(key)
            measure["aktueller_status"] = catalog.status(key)
            measure["status_quelle_vom"] = _notation(evidence.date) or None
            measure["zieltermin_verstrichen"] = catalog.is_overdue(key)
            measure["letzte_meldung"] = _notation(catalog.last_news("measures", key)) or None
            measure["ohne_aktuelle_meldung"] = catalog.is_stale("measures", key)
    if name == "initiatives":
        for key, initiative in found.items():
            state = catalog.initiative_state(key)
            # The state the page shows, derived from the newest entry and its source's age (portal.evidence).
            initiative["angezeigter_status"] = state.key
            initiative["status_quelle_vom"] = _notation(state.evidence.date) or None
            initiative["letzte_meldung"] = _notation(catalog.last_news("initiatives", key)) or None
            initiative["ohne_aktuelle_meldung"] = catalog.is_stale("initiatives", key)
    return found


def _json(document: object) -> str:
    # NaN and Infinity are not JSON; the model refuses them, and this would fail loudly if one slipped by.
    # Compact separators: the files are for programs, and indentation made them a third larger.
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"


def _by_year(catalog: Catalog, records: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Records of documents by the year of their date (newest first), "undatiert" last."""
    return {year: {key: records[key] for key in ids} for year, ids in documents_by_year(catalog).items()}


def _in_daten(path: str) -> str:
    """A path under ``daten/`` as the index names it: relative to the index itself."""
    return path.removeprefix("daten/")


def _outputs() -> dict[str, Any]:
    """The further open-data outputs the index names, from their modules' constants (one address each)."""
    return {
        "tabellen": ["massnahmen.csv", *(f"{_in_daten(tables.TABLE_DIR)}/{table.name}.csv" for table in tables.TABLES)],
        "datenpaket": _in_daten(tables.DATAPACKAGE_PATH),
        # One file per record, the same object as in the collection's file (portal.records_json).
        "einzelne_eintraege": {name: _in_daten(records_json.pattern(name)) for name in COLLECTION_FILES},
        "popolo": _in_daten(popolo.PATH),
        "katalog": {"turtle": _in_daten(dcat.TURTLE_PATH), "json_ld": _in_daten(dcat.JSONLD_PATH)},
    }


def open_data_files(ctx: BuildContext) -> dict[str, str]:
    """``daten/<sammlung>.json`` per collection (the documents per year: ``dokumente-2019.json``), one
    file per record (``daten/<sammlung>/<id>.json``, portal.records_json) and ``daten/index.json`` naming
    each collection file with its record count and size in bytes, the reference date, the stale period,
    the licence and the further outputs (so a program reads the index first)."""
    catalog = ctx.catalog
    licence = ctx.terms.metadata(ctx.site_url)
    head = {"stichtag": ctx.today.isoformat(), "meldungsfrist_jahre": catalog.stale_years, "lizenz": licence}
    files: dict[str, str] = {}
    listed = []
    for name, stem in COLLECTION_FILES.items():
        # Made once per collection and build, shared by the collection's files and its per-record files
        # (32,000 records at the size of all NRW), then let go before the next collection.
        records = collection_records(ctx, name)
        files.update(records_json.files_of(ctx, name, records, licence))
        # The documents (20,000 at the size of all NRW, most of the volume) come one file per year of
        # their date, "undatiert" for those without: who looks for the press of 2019 loads 2019.
        parts = _by_year(catalog, records) if name == "documents" else {"": records}
        for part, chosen in parts.items():
            file = f"{stem}-{part}.json" if part else f"{stem}.json"
            files[f"daten/{file}"] = _json({**head, "sammlung": name, **({"jahr": part} if part else {}), "inhalte": chosen})
            listed.append({"sammlung": name, **({"jahr": part} if part else {}), "datei": file, "eintraege": len(chosen),
                           "bytes": len(files[f"daten/{file}"].encode("utf-8"))})
    files[INDEX_FILE] = json.dumps({**head, "dateien": listed, **_outputs()}, ensure_ascii=False, indent=2) + "\n"
    return files


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


# One (header, value) pair per column of massnahmen.csv: header and cell cannot drift apart, and a
# new column is one line here. Each getter receives the build context and the measure's id.
Column = tuple[str, Callable[["BuildContext", str], object]]
MEASURE_COLUMNS: list[Column] = [
    ("id", lambda ctx, key: key),
    ("titel", lambda ctx, key: ctx.catalog.measures[key].title),
    ("initiative", lambda ctx, key: ctx.catalog.initiatives[ctx.catalog.measures[key].initiative].title),
    ("arbeitskreis", lambda ctx, key: ctx.catalog.measures[key].working_group or ""),
    ("status", lambda ctx, key: labels.MEASURE_STATUS[ctx.catalog.status(key)]),
    ("status_seit", lambda ctx, key: ctx.catalog.status_date(key).notation()),
    ("status_quelle_vom", lambda ctx, key: _notation(ctx.catalog.measure_evidence(key).date) or "undatiert"),
    ("zieltermin", lambda ctx, key: _notation(ctx.catalog.measures[key].target)),
    ("zieltermin_verstrichen", lambda ctx, key: "ja" if ctx.catalog.is_overdue(key) else "nein"),
    ("letzte_meldung", lambda ctx, key: _notation(ctx.catalog.last_news("measures", key)) or "keine datierte Meldung"),
    ("ohne_aktuelle_meldung", lambda ctx, key: "ja" if ctx.catalog.is_stale("measures", key) else "nein"),
    ("verantwortlich", lambda ctx, key: _owner(ctx.catalog, key)),
    ("partner", lambda ctx, key: ", ".join(ctx.catalog.organisations[p].name for p in ctx.catalog.measures[key].partners)),
    ("quellen", lambda ctx, key: ", ".join(ctx.catalog.sources_of(ctx.catalog.measures[key]))),
    ("inhalt_geaendert", lambda ctx, key: _currency(ctx.catalog, "measures", key)["inhalt_geaendert"] or ""),
    ("neueste_quelle_vom", lambda ctx, key: _currency(ctx.catalog, "measures", key)["neueste_quelle_vom"] or ""),
    # Absolute when the site address is known: a spreadsheet has no page to resolve a relative path against.
    ("adresse", lambda ctx, key: ctx.absolute(ctx.catalog.url("measures", key))),
]


def _owner(catalog: Catalog, key: str) -> str:
    measure = catalog.measures[key]
    return catalog.organisations[measure.owner].name if measure.owner else (measure.owner_note or "")


def table_csv(ctx: BuildContext, columns: list[Column], ids: list[str]) -> str:
    """One row per id, one cell per column; semicolon-separated with a BOM, as German spreadsheet
    programs expect, every cell formula-safe."""
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow([header for header, _ in columns])
    for key in ids:
        writer.writerow([spreadsheet_safe(value(ctx, key)) for _, value in columns])
    return "\ufeff" + out.getvalue()


def measures_csv(ctx: BuildContext) -> str:
    """massnahmen.csv: one row per measure, by title."""
    return table_csv(ctx, MEASURE_COLUMNS, ctx.catalog.sorted_ids("measures"))


# Every open-data file by its path in the site; each receives the one build context.
EXPORTS: dict[str, Callable[[BuildContext], str]] = {
    "daten/massnahmen.csv": measures_csv,
    # The timeline overview's filter data, loaded on demand (portal.timeline_data).
    timeline_data.PATH: lambda ctx: timeline_data.timeline_json(ctx.catalog),
}


def follow_files(ctx: BuildContext) -> dict[str, str]:
    """The feeds and calendars (``portal.feeds``, ``portal.calendars``): one per record, so their
    paths depend on the content and they come as a set of files rather than one entry each."""
    return {**feed_files(ctx), **calendar_files(ctx)}


# Sets of files made together (the open data with one JSON file per record and its index; each record's
# feed; the tables with their Data Package; Popolo; the DCAT-AP.de catalogue); each returns {path: text}.
# The per-record files come with the collection files (open_data_files), which make each collection's
# records once; portal.records_json.record_files makes them alone for code that wants only those.
FILE_SETS: list[Callable[[BuildContext], dict[str, str]]] = [open_data_files, follow_files, table_files,
                                                             popolo_files, catalogue_files]
