"""Which datasets the DCAT-AP.de catalogue (``portal.dcat``) describes, and which files of the open
data belong to each: declared once here, so the catalogue cannot name a file the build does not write.

A dataset is a group of collections a reuser wants together (the measures with their history; the
organisations with the people). Its distributions are the files the build writes for those
collections: the JSON file per collection (the documents one file per year), the CSV tables of
``portal.tables`` whose rows come from one of them, the Data Package describing all tables, and
Popolo for the people and organisations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import labels, popolo, tables
from .records_json import COLLECTION_FILES, UNDATED, documents_by_year

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from .context import BuildContext

# EU vocabularies (publications.europa.eu authority tables) and dcat-ap.de's, as DCAT-AP.de 2.0 requires.
EU = "http://publications.europa.eu/resource/authority/"
DATA_THEME = EU + "data-theme"
FREQUENCY = EU + "frequency"
FILE_TYPE = EU + "file-type"
LANGUAGE = EU + "language/DEU"
IANA = "https://www.iana.org/assignments/media-types/"
# North Rhine-Westphalia: state level, state key (Länderschlüssel) 05; NUTS-1 region DEA for dct:spatial.
GEOCODING_LEVEL = "http://dcat-ap.de/def/politicalGeocoding/Level/state"
GEOCODING = "http://dcat-ap.de/def/politicalGeocoding/stateKey/05"
SPATIAL = "http://data.europa.eu/nuts/code/DEA"
# The content changes whenever editors commit, on no schedule: "irregular" is the honest frequency.
ACCRUAL = FREQUENCY + "/IRREG"


@dataclass(frozen=True)
class Format:
    """A file format by its EU file-type code and its IANA media type."""

    code: str        # EU file type, e.g. CSV
    media_type: str  # IANA, e.g. text/csv
    label: str       # German, in distribution titles

    @property
    def file_type(self) -> str:
        """The EU file-type IRI."""
        return f"{FILE_TYPE}/{self.code}"

    @property
    def iana(self) -> str:
        """The IANA media-type IRI."""
        return IANA + self.media_type


POPOLO_SPEC = "https://www.popoloproject.com/specs/"
DATA_PACKAGE_SPEC = "https://specs.frictionlessdata.io/data-package/"

JSON = Format("JSON", "application/json", "JSON")
CSV = Format("CSV", "text/csv", "CSV")


@dataclass(frozen=True)
class Dataset:
    """One dataset of the catalogue: a group of collections with its German description."""

    key: str                         # the IRI's fragment and dct:identifier's last part
    title: str
    description: str
    collections: tuple[str, ...]     # model collections (portal.model.COLLECTIONS)
    keywords: tuple[str, ...]
    themes: tuple[str, ...]          # EU data-theme codes
    landing: str                     # site-relative page that presents the data
    popolo: bool = False             # Popolo (people, organisations, memberships) belongs here


DATASETS: tuple[Dataset, ...] = (
    Dataset("initiativen", "Industrie-Initiativen in Nordrhein-Westfalen",
            "Die erfassten Initiativen von Städten, Kammern, Verbänden, Gewerkschaften und Land für Industrie "
            "und Handwerk in NRW: Ziele, Gremien, Arbeitskreise, Meilensteine, Kennzahlen und ihr Status, "
            "jede Angabe mit ihrer Quelle. Daten so genau, wie die Quellen sie nennen.",
            ("initiatives",), ("Industrie", "Handwerk", "Wirtschaftsförderung", "Masterplan", "Initiative",
                               "Nordrhein-Westfalen"),
            ("ECON", "GOVE", "REGI"), "initiativen/"),
    Dataset("massnahmen", "Maßnahmen der Industrie-Initiativen mit Verlauf",
            "Die Maßnahmen, die die Quellen zu den Initiativen nennen, mit Verantwortlichen, Partnern, "
            "Zieltermin und dem Verlauf ihres Status (jeder Eintrag mit Datum und Quelle); ob es weitere "
            "gibt, sagen die Quellen nicht immer.",
            ("measures",), ("Maßnahme", "Umsetzung", "Zieltermin", "Industrie", "Nordrhein-Westfalen"),
            ("ECON", "GOVE"), "massnahmen/"),
    Dataset("organisationen-personen", "Organisationen und Personen der Industrie-Initiativen",
            "Die Organisationen, die die Quellen nennen, und die Personen in öffentlichen Rollen, mit ihren "
            "Rollen in den Initiativen, auch im Format Popolo (Personen, Organisationen, Mitgliedschaften).",
            ("organisations", "people"), ("Organisation", "Kammer", "Verband", "Kommune", "Person", "Popolo"),
            ("GOVE", "ECON"), "partner/", popolo=True),
    Dataset("quellen", "Quellen und Pressemeldungen zu den Industrie-Initiativen",
            "Die Dokumente, auf die sich die Angaben stützen: Pressemitteilungen, Nachrichten, Interviews, "
            "Absichtserklärungen und Foliensätze, mit Datum, Herausgeber, Adresse und einer Zusammenfassung in eigenen "
            "Worten; eine Datei je Jahr ihres Datums. Die Texte der Dokumente selbst stehen nicht unter der "
            "Lizenz des Portals.",
            ("documents",), ("Pressemitteilung", "Quelle", "Dokument", "Industrie", "Nordrhein-Westfalen"),
            ("GOVE", "ECON"), "quellen/"),
    Dataset("themen-regionen", "Themen und Regionen der Industrie-Initiativen",
            "Die Themen, nach denen das Portal Initiativen und Maßnahmen ordnet, und die Städte, Kreise und "
            "Regionen Nordrhein-Westfalens, in denen sie wirken.",
            ("topics", "regions"), ("Thema", "Region", "Kreis", "Stadt", "Nordrhein-Westfalen"),
            ("REGI", "ECON"), "themen/"),
)


@dataclass(frozen=True)
class Distribution:
    """One downloadable file of a dataset."""

    key: str           # unique in the catalogue: the IRI's fragment
    title: str
    path: str          # site-relative, the downloadURL
    format: Format
    modified: dt.date
    description: str = ""
    conforms_to: str = ""   # the specification the file follows, where there is one (Popolo, Data Package)


def newest_change(ctx: BuildContext, collections: Iterable[str], ids: Iterable[tuple[str, str]] = ()) -> dt.date:
    """The newest change git knows of the records of ``collections`` (or of the given (collection, id)
    pairs); the reference date when git knows none (a build outside a repository). Deterministic."""
    wanted = set(collections)
    changed = ctx.catalog.changed
    found = [day for (collection, _), day in changed.items() if collection in wanted] if wanted else []
    found += [day for key in ids if (day := changed.get(key)) is not None]
    return max(found, default=ctx.today)


def distributions(ctx: BuildContext, dataset: Dataset) -> list[Distribution]:
    """The files of ``dataset`` in a fixed order: JSON per collection, CSV tables, Data Package, Popolo."""
    # Derived fields (status, last news) follow the sources: their changes count for every file.
    modified = newest_change(ctx, (*dataset.collections, "documents"))
    found: list[Distribution] = []
    for collection in dataset.collections:
        stem = COLLECTION_FILES[collection]
        if collection == "documents":
            for part, ids in documents_by_year(ctx.catalog).items():
                when = "ohne bekanntes Datum" if part == UNDATED else f"mit Datum im Jahr {part}"
                found.append(Distribution(f"{stem}-{part}-json", f"Quellen {when} (JSON)", f"daten/{stem}-{part}.json",
                                          JSON, newest_change(ctx, (), (("documents", key) for key in ids))))
        else:
            found.append(Distribution(f"{stem}-json", f"{labels.COLLECTION_TITLES[collection]} (JSON)", f"daten/{stem}.json",
                                      JSON, modified))
    if "measures" in dataset.collections:
        found.append(Distribution("massnahmen-csv", "Maßnahmen für Tabellenprogramme (CSV, Semikolon-getrennt)",
                                  "daten/massnahmen.csv", CSV, modified))
    for table in tables.TABLES:
        if table.collection in dataset.collections:
            found.append(Distribution(f"tabelle-{table.name}", f"{table.title} (CSV)",
                                      f"{tables.TABLE_DIR}/{table.name}.csv", CSV, modified, table.description))
    if any(table.collection in dataset.collections for table in tables.TABLES):
        # Every dataset with tables names the one package that describes them all (Table Schemas, keys).
        found.append(Distribution(f"{dataset.key}-datapackage", "Beschreibung aller Tabellen (Frictionless Data Package)",
                                  tables.DATAPACKAGE_PATH, JSON, newest_change(ctx, COLLECTION_FILES),
                                  conforms_to=DATA_PACKAGE_SPEC))
    if dataset.popolo:
        found.append(Distribution("popolo", "Personen, Organisationen und Mitgliedschaften (Popolo, JSON)",
                                  popolo.PATH, JSON, modified, conforms_to=POPOLO_SPEC))
    return found
