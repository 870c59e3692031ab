"""One JSON file per published record at ``daten/<sammlung>/<id>.json``: a civic app reads one
initiative or measure without downloading its whole collection.

The address is stable: the folder is the collection's German name (``COLLECTION_FILES``, as the
collection files ``daten/<sammlung>.json``), the file name the record's id, which is its data file's
name and its page's slug. The file holds a small head (reference date, collection, id, the record's
page, the licence) and under ``inhalt`` exactly the object the collection's file holds for the record.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .urls import url_for

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .catalog import Catalog
    from .context import BuildContext

# Collection → the German name of its JSON file and of its folder of per-record files under daten/.
COLLECTION_FILES: dict[str, str] = {
    "initiatives": "initiativen", "measures": "massnahmen", "organisations": "organisationen",
    "people": "personen", "regions": "regionen", "topics": "themen", "documents": "dokumente",
}

UNDATED = "undatiert"


def documents_by_year(catalog: Catalog) -> dict[str, list[str]]:
    """The published documents' ids by the part of their file's name (``daten/dokumente-<teil>.json``):
    the year of their date, newest first, then "undatiert" for those without one; ids sorted."""
    found: dict[str, list[str]] = {}
    for key in sorted(catalog.documents):
        date = catalog.documents[key].date
        found.setdefault(str(date.year) if date.known else UNDATED, []).append(key)
    years = sorted((year for year in found if year != UNDATED), reverse=True)
    return {year: found[year] for year in [*years, *([UNDATED] if UNDATED in found else [])]}


def path(collection: str, record_id: str) -> str:
    """The site path of one record's JSON file."""
    return f"daten/{COLLECTION_FILES[collection]}/{record_id}.json"


def pattern(collection: str) -> str:
    """The address pattern of a collection's per-record files, as ``daten/index.json`` names it."""
    return path(collection, "{id}")


def record_document(ctx: BuildContext, collection: str, record_id: str, record: Mapping[str, Any],
                    licence: Mapping[str, str]) -> dict[str, Any]:
    """One record's file as an object: the head, then the record as in its collection's file."""
    return {"stichtag": ctx.today.isoformat(), "sammlung": collection, "id": record_id,
            "adresse": ctx.absolute(url_for(collection, record_id)), "lizenz": licence, "inhalt": record}


def files_of(ctx: BuildContext, collection: str, records: Mapping[str, Mapping[str, Any]],
             licence: Mapping[str, str]) -> dict[str, str]:
    """The per-record files of one collection, from its records as ``exports.collection_records`` made
    them (made once per build and shared with the collection's own file)."""
    return {path(collection, key): _json(record_document(ctx, collection, key, record, licence))
            for key, record in records.items()}


def record_files(ctx: BuildContext) -> dict[str, str]:
    """One JSON file per published record of every collection, by path in the site.

    The build makes them with the collection files (``exports.open_data_files``), which share each
    collection's records with them; this makes them alone."""
    from .exports import collection_records  # here: portal.exports imports this module

    licence = ctx.terms.metadata(ctx.site_url)
    files: dict[str, str] = {}
    for name in COLLECTION_FILES:
        files.update(files_of(ctx, name, collection_records(ctx, name), licence))
    return files


def _json(document: object) -> str:
    # As the collection files (portal.exports): compact, UTF-8, NaN refused.
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"
