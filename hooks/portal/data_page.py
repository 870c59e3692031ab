"""What the page "Offene Daten" (``/daten/``, ``overrides/data.html``) and the data dictionary
(``/daten/felder/``, ``overrides/data-dictionary.html``) show that depends on the build: the files
that exist, the tables of the Data Package, the licence and the text to cite, the feeds and calendars.

The templates receive one ``OpenData`` as the Jinja global ``open_data`` (``hooks/portal_hooks.py``,
``on_env``). A file is listed only when the build wrote it, so the page never links to a file that
is not there (an output still to come, the preview while it writes the data in the background).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import dcat, popolo, tables
from .dictionary import COLLECTION_TITLES, DERIVED, Derived, Entity, entities, table_type
from .exports import INDEX_FILE
from .licensing import LICENSES, THIRD_PARTY, License
from .records_json import COLLECTION_FILES, documents_by_year

if TYPE_CHECKING:
    from collections.abc import Callable

    from .context import BuildContext
    from .tables import Table

# What each collection's JSON file holds, in plain German (the documents come one file per year).
COLLECTION_CONTENT: dict[str, str] = {
    "initiatives": "die erfassten Initiativen mit ihren Gremien, Arbeitskreisen, Meilensteinen, Kennzahlen und Quellenangaben",
    "measures": "die erfassten Maßnahmen mit Status, Verlauf, Zieltermin und Quellenangaben",
    "organisations": "die Organisationen, die die Quellen nennen",
    "people": "die Personen in öffentlichen Rollen",
    "topics": "die Themen",
    "regions": "die Städte, Kreise und Regionen",
}
JSON = "JSON (UTF-8)"
CSV = "CSV, Semikolon-getrennt, UTF-8"


@dataclass(frozen=True)
class DataFile:
    """One downloadable file as the page lists it: path in the site, what it holds, its format."""

    path: str
    what: str
    format: str

    @property
    def name(self) -> str:
        """The file's path below daten/ (or its whole path for files elsewhere)."""
        return self.path.removeprefix("daten/")


class OpenData:
    """The build's open data as the two pages describe it; ``exists`` says whether the build wrote a file."""

    def __init__(self, ctx: BuildContext, exists: Callable[[str], bool]) -> None:
        """Remember the build's facts; everything is worked out when a template asks for it."""
        self._ctx = ctx
        self._exists = exists

    @property
    def address(self) -> str:
        """The portal's public address with a trailing slash, or '' when the build does not know it."""
        return self._ctx.site_url

    @property
    def attribution(self) -> str:
        """The attribution text users must give, with the portal's address when it is known."""
        return self._ctx.terms.attribution(self._ctx.site_url)

    @property
    def third_party(self) -> str:
        """What the licence does not cover (``licensing.THIRD_PARTY``)."""
        return THIRD_PARTY

    @staticmethod
    def licenses() -> list[License]:
        """The licences an operator can choose in mkdocs.yml."""
        return list(LICENSES.values())

    @property
    def stichtag(self) -> str:
        """The day the files were made (the build's reference date), as the files write it."""
        return self._ctx.today.isoformat()

    def citation(self) -> str:
        """A suggested citation of the data; the reader adds the day they retrieved it."""
        terms = self._ctx.terms
        where = f", {self._ctx.absolute('daten/')}" if self._ctx.site_url else ""
        source = terms.site_name if terms.holder == terms.site_name else f"{terms.holder}: {terms.site_name}"
        return (f"{source} – Offene Daten, Stichtag {self._ctx.today.strftime('%d.%m.%Y')}{where}, "
                f"abgerufen am [Datum des Abrufs]. Lizenz: {terms.license.short}.")

    def files(self) -> list[DataFile]:
        """The JSON files of the collections and their index. ``exports.open_data_files`` writes them all
        together, so the index stands for all: the documents' files by year are listed from the content,
        not looked up one by one (in the preview a year's new file is written after the page)."""
        if not self._exists(INDEX_FILE):
            return []
        found = [DataFile(INDEX_FILE, "welche Dateien es gibt, mit der Zahl ihrer Einträge und ihrer Größe in Bytes", JSON)]
        for collection, what in COLLECTION_CONTENT.items():
            found.append(DataFile(f"daten/{COLLECTION_FILES[collection]}.json", what, JSON))
        found += [DataFile(f"daten/{COLLECTION_FILES['documents']}-{year}.json",
                           f"die Quellen mit Datum im Jahr {year}" if year != "undatiert" else "die Quellen ohne Datum", JSON)
                  for year in self.document_years()]
        return found

    def document_years(self) -> list[str]:
        """The years the documents' files cover, newest first, "undatiert" last (as exports writes them)."""
        return list(documents_by_year(self._ctx.catalog))

    def record_folders(self) -> list[DataFile]:
        """The folders of the per-record files (``daten/<stem>/<id>.json``), when the build writes them: a
        pattern, not a link, since which ids there are changes with the content."""
        # One record of each collection stands for its folder; any of them will do, so that a record
        # added in the preview (whose file is written after the page) does not hide the others.
        catalog = self._ctx.catalog
        witnesses = [f"daten/{stem}/{catalog.sorted_ids(collection)[0]}.json"
                     for collection, stem in COLLECTION_FILES.items() if catalog.records[collection]]
        if not any(self._exists(path) for path in witnesses):
            return []
        return [DataFile(f"daten/{stem}/<id>.json", f"ein Eintrag der Sammlung {COLLECTION_TITLES[collection]}", JSON)
                for collection, stem in COLLECTION_FILES.items()]

    def tables(self) -> list[Table]:
        """The tables of the Data Package (``portal.tables.TABLES``) that the build wrote."""
        return [table for table in tables.TABLES if self._exists(f"{tables.TABLE_DIR}/{table.name}.csv")]

    def table_path(self, table: Table) -> str:
        """Where a table is in the site."""
        return f"{tables.TABLE_DIR}/{table.name}.csv"

    def package(self) -> DataFile | None:
        """The Data Package describing the tables, when the build wrote it."""
        path = tables.DATAPACKAGE_PATH
        return DataFile(path, "beschreibt alle Tabellen", "JSON (Frictionless Data Package)") if self._exists(path) else None

    def measures_csv(self) -> DataFile | None:
        """The measures' table for spreadsheets (``exports.measures_csv``)."""
        path = "daten/massnahmen.csv"
        return DataFile(path, "alle Maßnahmen, eine Zeile je Maßnahme", CSV) if self._exists(path) else None

    def popolo(self) -> DataFile | None:
        """People, organisations and memberships in Popolo, when the build wrote them."""
        return DataFile(popolo.PATH, "Personen, Organisationen und Mitgliedschaften", "JSON (Popolo)") if self._exists(popolo.PATH) else None

    def catalogue(self) -> list[DataFile]:
        """The DCAT-AP.de catalogue in its two notations, as far as the build wrote them."""
        found = [DataFile(dcat.TURTLE_PATH, "der Katalog in Turtle", "RDF (Turtle)"),
                 DataFile(dcat.JSONLD_PATH, "der Katalog in JSON-LD", "RDF (JSON-LD)")]
        return [file for file in found if self._exists(file.path)]

    def follow(self) -> list[DataFile]:
        """The portal-wide feeds and the calendar of all initiatives."""
        catalog = self._ctx.catalog
        found = [DataFile(catalog.feed_path(), "alle datierten Änderungen im Portal", "Atom-Feed"),
                 DataFile(catalog.feed_path("press"), "neue Pressemitteilungen, Nachrichten und Interviews", "Atom-Feed"),
                 DataFile(catalog.calendar_path(), "Termine und Zieltermine aller Initiativen", "iCalendar")]
        return [file for file in found if self._exists(file.path)]

    @staticmethod
    def entities() -> tuple[Entity, ...]:
        """The collections and parts of records, field by field (``portal.dictionary``)."""
        return entities()

    @staticmethod
    def derived() -> tuple[Derived, ...]:
        """The keys the portal adds in the JSON files."""
        return DERIVED

    @staticmethod
    def table_type(name: str) -> str:
        """A column's Table Schema type in German."""
        return table_type(name)

    @staticmethod
    def all_tables() -> tuple[Table, ...]:
        """Every table the portal declares (the dictionary describes them whether or not a build wrote them)."""
        return tables.TABLES
