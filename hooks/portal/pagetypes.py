"""The page types: one declaration per kind of detail page.

Each collection of records gets one ``PageType``: where its pages live (``section``), which
template draws them, how a page is titled and described, the searchable intro, the schema.org
JSON-LD, which data files feed a page (for "Inhalt zuletzt geändert") and the sections of the page
(anchor and label, and which fields' sources are cited there). Pages, URLs, citations, JSON-LD and
the open data all read this table, so a new page type is one entry here plus one template in
``overrides/`` (README, "Add a page type").

The callables receive the catalog as an argument; this module imports it for typing only, because
the catalog itself asks ``portal.urls`` (and so this table) for addresses.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from . import labels, structured
from .markup import render_prose

if TYPE_CHECKING:
    from .catalog import Catalog
    from .model import Record

Describe = Callable[["Catalog", str, str], dict[str, Any]]


@dataclass(frozen=True)
class Section:
    """A part of a detail page, declared once: its anchor, its label (in the page's section links and
    in citations on source pages), its heading when that is longer, the record fields whose sources
    it shows, and whether a given record's page has it (None: always)."""

    anchor: str
    label: str
    fields: tuple[str, ...] = ()
    heading: str = ""
    shown: Callable[[Catalog, str], bool] | None = None

    @property
    def title(self) -> str:
        """The section's heading on the page."""
        return self.heading or self.label


# Facts that are not in a section of their own are cited as the page's basic data.
BASICS = Section("", "Grunddaten")


@dataclass(frozen=True)
class PageType:
    """How the records of one collection become pages."""

    collection: str
    section: str                                   # URL folder: /<section>/<id>/
    template: str                                  # in overrides/
    noun: str                                      # "Maßnahme": what one page is, in German
    description: Callable[[Catalog, str], str]     # one line for search engines and link previews
    intro: Callable[[Catalog, str], Markup]        # the searchable prose MkDocs indexes as the page's content
    describe: Describe | None = None               # schema.org JSON-LD; None: the page has none
    sections: tuple[Section, ...] = ()
    # Other records whose files feed the page (an initiative's page lists its measures).
    also_from: Callable[[Catalog, str], list[tuple[str, str]]] = lambda catalog, key: []

    def title(self, catalog: Catalog, record_id: str) -> str:
        """The page title: the record's name; an initiative's short name too (search reads titles)."""
        if self.collection == "people":
            return catalog.person_name(record_id)
        short = getattr(catalog.record(self.collection, record_id), "short_name", None)
        name = catalog.name(self.collection, record_id)
        return f"{name} ({short})" if short and self.collection == "initiatives" else name

    def records(self, catalog: Catalog) -> Mapping[str, Record]:
        """The records that get a page: every published one (the catalog holds nothing else)."""
        return catalog.records[self.collection]

    def present_sections(self, catalog: Catalog, record_id: str) -> list[Section]:
        """The sections a record's page has, in page order, for its section links (anchorless ones left out)."""
        return [s for s in self.sections if s.anchor and (s.shown is None or s.shown(catalog, record_id))]

    def section_named(self, anchor: str) -> Section:
        """A section by its anchor."""
        return next(s for s in self.sections if s.anchor == anchor)

    def section_for(self, field: str) -> Section:
        """The section a field's sources are cited in (the basic data when it has none)."""
        return next((s for s in self.sections if field in s.fields), BASICS)


def _press(collection: str) -> Section:
    """The "Presse und Dokumente" section (macros.press), on pages of records that documents name."""
    return Section("presse", "Presse", heading="Presse und Dokumente",
                   shown=lambda c, k: bool(c.documents_about(collection, k)))


def _sources(collection: str) -> Section:
    """The page's sources at its end (macros.stand), on pages of records that cite any."""
    return Section("quellen", "Quellen", heading="Quellen dieser Seite",
                   shown=lambda c, k: bool(c.sources_of(c.record(collection, k))))


def _intro_description(collection: str) -> Callable[[Catalog, str], Markup]:
    return lambda catalog, key: render_prose(getattr(catalog.record(collection, key), "description", ""))


def _initiative_intro(catalog: Catalog, key: str) -> Markup:
    record = catalog.initiatives[key]
    return Markup('<p class="portal-lead">{}</p>').format(record.summary) + render_prose(record.description)


def _measure_description(catalog: Catalog, key: str) -> str:
    initiative = catalog.initiatives[catalog.measures[key].initiative]
    evidence = catalog.measure_evidence(key)
    age = f"Quelle vom {evidence.date.german()}" if evidence.date else "Quelle undatiert"
    return f"Maßnahme der Initiative {initiative.title}: Status laut Quelle {labels.MEASURE_STATUS[catalog.status(key)]} ({age})"


def _person_description(catalog: Catalog, key: str) -> str:
    # A role is what a source of a given date says, never a current job title.
    roles = []
    for role in catalog.people[key].roles:
        date = catalog.role_evidence(role).date
        age = f"laut Quelle vom {date.german()}" if date else "laut undatierter Quelle"
        roles.append(f"{role.role}, {catalog.name('organisations', role.organisation)} ({age})")
    return "In den Quellen genannt als " + "; ".join(roles)


def _place_description(collection: str) -> Callable[[Catalog, str], str]:
    return lambda catalog, key: f"{catalog.name(collection, key)}: Initiativen, Maßnahmen und Quellen"


PAGE_TYPES: dict[str, PageType] = {
    "initiatives": PageType(
        "initiatives", "initiativen", "initiative.html", "Initiative",
        description=lambda catalog, key: catalog.initiatives[key].summary,
        intro=_initiative_intro,
        describe=structured.project,
        sections=(
            Section("", "Status", ("history",)),
            Section("ziele", "Ziele", ("goals",), shown=lambda c, k: bool(c.initiatives[k].goals)),
            Section("gremien", "Gremien", ("bodies",), shown=lambda c, k: bool(c.initiatives[k].bodies)),
            Section("arbeitskreise", "Arbeitskreise", ("working_groups",), shown=lambda c, k: bool(c.initiatives[k].working_groups)),
            Section("massnahmen", "Maßnahmen", ("measures_listed",)),
            Section("beteiligte", "Beteiligte", ("participants",), shown=lambda c, k: bool(c.initiatives[k].participants)),
            Section("zeitleiste", "Zeitleiste", ("milestones",)),
            Section("kennzahlen", "Kennzahlen", ("key_figures",), shown=lambda c, k: bool(c.initiatives[k].key_figures)),
            Section("stellungnahmen", "Stellungnahmen", ("statements",), shown=lambda c, k: bool(c.initiatives[k].statements)),
            Section("presse", "Presse", heading="Presse und Dokumente",
                    shown=lambda c, k: bool(c.documents_about("initiatives", k))),
            Section("quellen", "Quellen", heading="Quellen dieser Seite"),
        ),
        also_from=lambda catalog, key: [("measures", mid) for mid in catalog.measures_of(key)],
    ),
    "measures": PageType(
        "measures", "massnahmen", "measure.html", "Maßnahme",
        description=_measure_description,
        intro=_intro_description("measures"),
        describe=structured.measure,
        sections=(
            Section("verlauf", "Verlauf", ("history",)),
            Section("weitere-massnahmen", "Weitere Maßnahmen", shown=lambda c, k: bool(c.related_measures(k)[0])),
            _press("measures"),
            _sources("measures"),
        ),
    ),
    "organisations": PageType(
        "organisations", "partner", "organisation.html", "Organisation",
        description=lambda catalog, key: (f"{labels.ORG_TYPE_SINGULAR[catalog.organisations[key].type]}: "
                                          "Beteiligung an Initiativen für Industrie und Handwerk in NRW"),
        intro=_intro_description("organisations"),
        describe=structured.organisation,
        sections=(
            Section("initiativen", "Initiativen", heading="Beteiligung an Initiativen"),
            Section("personen", "Personen", shown=lambda c, k: bool(c.people_of_org(k))),
            Section("massnahmen", "Maßnahmen", shown=lambda c, k: bool(c.measures_of_org(k))),
            _press("organisations"),
            _sources("organisations"),
        ),
    ),
    "people": PageType(
        "people", "personen", "person.html", "Person",
        description=_person_description,
        intro=lambda catalog, key: Markup("<p>{}</p>").format(escape(_person_description(catalog, key))),
        describe=structured.person,
        sections=(
            Section("rollen", "Rollen", ("roles",), heading="Öffentliche Rollen"),
            Section("initiativen", "Initiativen", shown=lambda c, k: bool(c.initiatives_of_person(k))),
            Section("stellungnahmen", "Stellungnahmen", shown=lambda c, k: bool(c.statements_of(k))),
            _press("people"),
            _sources("people"),
        ),
    ),
    "documents": PageType(
        "documents", "quellen", "document.html", "Quelle",
        description=lambda catalog, key: f"{labels.DOCUMENT_TYPE[catalog.documents[key].type]}: {catalog.documents[key].title}",
        intro=lambda catalog, key: render_prose(catalog.documents[key].body),
        describe=structured.document,
        sections=(
            Section("zusammenfassung", "Zusammenfassung"),
            Section("erwaehnt", "Erwähnt", shown=lambda c, k: any(
                getattr(c.documents[k], f) for f in ("initiatives", "measures", "organisations", "people", "topics"))),
            Section("belegt", "Was sich auf diese Quelle stützt", shown=lambda c, k: bool(c.citations.get(k))),
        ),
    ),
    "topics": PageType(
        "topics", "themen", "topic.html", "Thema",
        description=_place_description("topics"),
        intro=_intro_description("topics"),
        sections=(
            Section("initiativen", "Initiativen"),
            Section("massnahmen", "Maßnahmen"),
            _press("topics"),
            Section("quellen", "Quellen", heading="Quellen dieser Seite", shown=lambda c, k: bool(c.topic_page_sources(k))),
        ),
    ),
    "regions": PageType(
        "regions", "regionen", "region.html", "Region",
        description=_place_description("regions"),
        intro=_intro_description("regions"),
        sections=(
            Section("initiativen", "Initiativen"),
            Section("massnahmen", "Maßnahmen", heading="Maßnahmen in der Region"),
            Section("partner", "Organisationen", heading="Organisationen vor Ort", shown=lambda c, k: bool(c.organisations_in(k))),
            Section("quellen", "Quellen", heading="Quellen dieser Seite", shown=lambda c, k: bool(c.region_page_sources(k))),
        ),
    ),
}


def page_type(collection: str) -> PageType:
    """The declaration for a collection's pages."""
    return PAGE_TYPES[collection]
