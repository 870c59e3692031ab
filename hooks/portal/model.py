"""The content model: one pydantic class per kind of record, following Popolo and schema.org.

Every class forbids unknown fields and is strict about types, so a typo such as ``titel`` or a
number where text belongs is reported instead of silently ignored. Fields that point at other
records are typed ``Ref("collection")``; ``validation.check_references`` follows those markers, so
a new reference field is checked as soon as it is declared here.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
    model_validator,
)

from .dates import FORMATS_HELP, MAX_YEAR, MIN_YEAR, YEAR_PATTERN, VagueDate
from .geo import check_key
from .links import REASONS
from .problems import Fault

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_RULE = "nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (Umlaute als ae, oe, ue, ß als ss)"


@dataclass(frozen=True)
class Ref:
    """Marks a field whose value is the id of a record in ``collection``."""

    collection: str

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        # Editors' tools (JSON Schema) learn that this is an id and where the ids live.
        schema: dict[str, Any] = handler(core_schema)
        schema.update(pattern=ID_PATTERN, description=f"id einer Datei in data/{self.collection}/ (Dateiname ohne Endung)")
        return schema


@dataclass(frozen=True)
class Markdown:
    """Marks a field whose text is Markdown; ``portal.prose`` checks its links and images."""


# A character reference as the browser decodes it in text: named (with or without ";"), decimal, hex.
_CHAR_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")


def _plain_text(value: str) -> str:
    # Names and titles end up in <title>, lists and feeds, where markup makes no sense.
    for found in _CHAR_REFERENCE.finditer(value):
        # Material writes page titles into <title> and the header without escaping: "&lt;" would
        # become "<" there and stay "&lt;" elsewhere. A name must mean the same text everywhere.
        code = found.group()
        char = html.unescape(code)
        if char != code:
            shown = char if char.isprintable() and not char.isspace() else f"U+{ord(char[0]):04X}"
            hint = ("spitze Klammern sind in Namen und Titeln nicht erlaubt; den Text ohne sie schreiben" if char in "<>"
                    else f"das Zeichen selbst schreiben: '{shown}' statt '{code}'")
            raise Fault(f"enthält den HTML-Zeichencode '{code}', den Browser als '{shown}' anzeigen", hint)
    if "<" in value or ">" in value:
        raise Fault("darf keine spitzen Klammern < > enthalten (HTML ist in Namen und Titeln nicht erlaubt)",
                    "den Text ohne HTML-Tags schreiben; in Namen und Titeln gibt es keine Hervorhebungen")
    if "\n" in value.strip():
        raise Fault("muss in eine Zeile passen", "Zeilenumbrüche entfernen; längere Texte gehören in description")
    if not value.strip():
        raise Fault("darf nicht leer sein", "den Text ergänzen oder die Zeile löschen")
    return value.strip()


# Why an address is refused, by its scheme: the editor learns what the address does instead.
_NOT_WEB = {**REASONS, "mailto": "das ist eine E-Mail-Adresse, keine Website"}


def _http_url(value: str) -> str:
    # Only links to web pages: the address is put into href on every page that shows it.
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    expected = "erwartet wird eine Adresse, die mit https:// beginnt"
    if scheme in ("http", "https") and parts.netloc and not re.search(r"\s", value):
        return value
    if re.search(r"\s", value.strip()):
        raise Fault(f"'{value}' ist keine Web-Adresse: sie enthält Leerzeichen; {expected}",
                    "die Adresse aus der Adresszeile des Browsers kopieren")
    if scheme in ("http", "https"):
        raise Fault(f"'{value}' ist keine vollständige Web-Adresse: nach {scheme}:// fehlt der Name der Website; {expected}")
    if not scheme or not parts.netloc and "." in scheme:
        full = "https://" + value.strip().lstrip("/")
        raise Fault(f"'{value}' ist keine vollständige Web-Adresse: vorn fehlt https://", f"'{full}' schreiben")
    reason = _NOT_WEB.get(scheme, f"'{scheme}:' ist kein Protokoll für Webseiten")
    raise Fault(f"'{value}' ist keine Web-Adresse: {reason}; {expected}")


# Key figures in the sources reach billions (of euros); far beyond that a value is a typo, and the
# German number formatting (Babel) fails on numbers it cannot represent, such as 1.0e+30.
MAX_FIGURE = 10**15
# Working groups in the sources have up to a few dozen members.
MAX_SIZE = 100_000


def _finite(value: int | float) -> int | float:
    if isinstance(value, float) and math.isnan(value):
        raise Fault("ist keine Zahl (.nan steht in YAML für 'keine Zahl')", "die Zahl aus der Quelle eintragen")
    if isinstance(value, float) and math.isinf(value):
        raise Fault("ist unendlich (.inf, oder eine Zahl mit mehr als 308 Stellen)", "die Zahl aus der Quelle eintragen")
    if abs(value) > MAX_FIGURE:
        raise Fault(f"ist zu groß: erlaubt sind Zahlen bis {MAX_FIGURE:,}".replace(",", "."),
                    "Tippfehler? Große Beträge in einer größeren Einheit schreiben, z. B. value: 2.5 mit unit: Milliarden Euro")
    return value


def _vague_date(value: Any) -> VagueDate:
    if isinstance(value, VagueDate):
        return value
    return VagueDate.parse(value)


# The JSON Schemas for editors' tools (see schema.py) come from these types; their patterns mirror
# the validators, which stay the authority and give the German messages.
DATE_PATTERN = (rf"^({YEAR_PATTERN}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?"
                rf"|(Frühjahr|Sommer|Herbst|Winter|Anfang) {YEAR_PATTERN}|unbekannt)$")
Id = Annotated[str, Field(pattern=ID_PATTERN)]
Name = Annotated[str, AfterValidator(_plain_text), WithJsonSchema(
    {"type": "string", "pattern": r"^[^<>\n]*\S[^<>\n]*$", "description": "eine Zeile Text, ohne < und >"})]
Prose = Annotated[str, Field(description="Text in Markdown; HTML wird beim Anzeigen maskiert"), Markdown()]
Url = Annotated[str, AfterValidator(_http_url), WithJsonSchema(
    {"type": "string", "pattern": r"^https?://[^\s/]+\S*$", "description": "Web-Adresse, beginnt mit https:// oder http://"})]
Date = Annotated[
    VagueDate,
    BeforeValidator(_vague_date),
    PlainSerializer(lambda date: date.notation(), return_type=str),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": DATE_PATTERN}, {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR}],
                    "description": f"Datum: {FORMATS_HELP}"}),
]
# An official key of the state, a Kreis or a Gemeinde (portal.geo checks it against the committed
# boundaries); written in quotes, since YAML reads bare digits as a number and drops the leading 0.
RegionKey = Annotated[str, BeforeValidator(check_key), WithJsonSchema(
    {"type": "string", "pattern": r"^05(\d{3}(\d{7})?)?$",
     "description": 'Amtlicher Regionalschlüssel in Anführungszeichen: "05" für das Land, 5 Stellen für einen Kreis '
                    'oder eine kreisfreie Stadt, 12 Stellen für eine Gemeinde'})]
Figure = Annotated[int | float, AfterValidator(_finite), WithJsonSchema(
    {"type": "number", "minimum": -MAX_FIGURE, "maximum": MAX_FIGURE, "description": "eine endliche Zahl, ohne Tausenderpunkte"})]
Sources = Annotated[list[Annotated[str, Ref("documents")]], Field(min_length=1)]
TopicRefs = list[Annotated[str, Ref("topics")]]
OrgRef = Annotated[str, Ref("organisations")]
PersonRef = Annotated[str, Ref("people")]

InitiativeKind = Literal["masterplan", "staerkungsinitiative", "dialog", "absichtserklaerung", "regionale_wirtschaftsfoerderung"]
# What a dated source says about an initiative as a whole; the page derives what it shows from the
# newest entry and the age of its source (portal.evidence), so "läuft" is never a free assertion.
InitiativeStatus = Literal["angekuendigt", "laufend", "abgeschlossen", "unklar"]
MeasureStatus = Literal["angekuendigt", "empfohlen", "beschlossen", "in_umsetzung", "abgeschlossen", "eingestellt"]
OrgType = Literal[
    "stadt", "kreis", "kammer", "verband", "gewerkschaft", "hochschule", "ministerium",
    "unternehmensnetzwerk", "wirtschaftsfoerderung", "unternehmen", "initiative", "gremium", "medium",
    "unbestimmt",
]
ParticipantRole = Literal[
    "initiator", "traeger", "leitung", "vorsitz", "gastgeber", "geschaeftsfuehrung", "unterzeichner", "mitglied", "teilnehmer", "partner",
]
MilestoneKind = Literal["konferenz", "sitzung", "unterzeichnung", "ueberpruefung", "gruendung", "veranstaltung", "workshop"]
DocumentType = Literal["pressemitteilung", "nachricht", "interview", "foliensatz", "absichtserklaerung"]
RegionKind = Literal["stadt", "kreis", "region", "land"]
Qualifier = Literal["genau", "rund", "ueber", "nahezu", "mindestens"]


class Record(BaseModel):
    """Common settings: unknown fields are errors, types are strict, records never change."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, arbitrary_types_allowed=True)


class Region(Record):
    """A city, district, region or the state; ``parent`` nests them (Düsseldorf → Nordrhein-Westfalen).

    ``kind`` and ``parent`` are general geography and shown as such; every fact in ``description``
    comes from ``sources``.
    """

    name: Name
    kind: RegionKind | None = None
    parent: Annotated[str, Ref("regions")] | None = None
    # Only where the region is certainly this administrative area; places the region on the map.
    ars: RegionKey | None = None
    description: Prose = ""
    sources: list[Annotated[str, Ref("documents")]] = []

    @model_validator(mode="after")
    def _sourced(self) -> Region:
        if self.description.strip() and not self.sources:
            raise Fault("description enthält Angaben, aber sources fehlt",
                        "die Quellen der Beschreibung als sources: [id-der-quelle] angeben, oder description leeren")
        return self


class Topic(Record):
    """A theme that cuts across initiatives, such as land for industry or skilled workers."""

    name: Name
    description: Prose = ""


class FormerName(Record):
    """A name the organisation had before, with an optional note and the sources that give it."""

    name: Name
    note: Name | None = None
    sources: Sources


class Organisation(Record):
    """A city, chamber, association, union, university, ministry, network, agency or company."""

    name: Name
    short_name: Name | None = None
    type: OrgType
    region: Annotated[str, Ref("regions")] | None = None
    address: Name | None = None
    website: Url | None = None
    former_names: list[FormerName] = []
    description: Prose = ""
    sources: Sources


class Role(Record):
    """A public role a person holds in an organisation (Popolo: membership with a post)."""

    organisation: OrgRef
    role: Name
    start: Date | None = None
    end: Date | None = None
    sources: Sources


class Person(Record):
    """Only people in public roles, only with what the sources say about those roles."""

    name: Name
    honorific: Name | None = None
    suffix: Name | None = None
    roles: Annotated[list[Role], Field(min_length=1)]


class Chair(Record):
    """Who chairs or manages a body: an organisation, a person, or a description the source gives."""

    organisation: OrgRef | None = None
    person: PersonRef | None = None
    note: Name | None = None

    @model_validator(mode="after")
    def _something(self) -> Chair:
        if not (self.organisation or self.person or self.note):
            raise Fault("braucht mindestens eines der Felder organisation, person oder note",
                        "eine id aus data/organisations/ oder data/people/ angeben, sonst in note beschreiben, was die Quelle sagt")
        return self


class Size(Record):
    """How many take part in a working group, as the source gives it: from ``min`` to ``max``."""

    min: int = Field(ge=1, le=MAX_SIZE)
    max: int = Field(ge=1, le=MAX_SIZE)

    @model_validator(mode="after")
    def _ordered(self) -> Size:
        if self.max < self.min:
            raise Fault(f"max ({self.max}) ist kleiner als min ({self.min})", "die beiden Zahlen tauschen")
        return self


class Body(Record):
    """A steering body (Lenkungskreis, Steuerungskreis), a conference or a top-level dialogue."""

    id: Id
    name: Name
    kind: Literal["lenkungskreis", "steuerungskreis", "konferenz", "spitzengespraech", "dialog"]
    description: Prose = ""
    chairs: list[Chair] = []
    sources: Sources


class Selection(Record):
    """Whether the listed measures are all there are or examples, and how many the source counts."""

    scope: Literal["beispiele", "vollstaendig"]
    total: int | None = Field(default=None, ge=1, le=MAX_SIZE)
    total_label: Name | None = None
    sources: Sources

    @model_validator(mode="after")
    def _label(self) -> Selection:
        if self.total_label and self.total is None:
            raise Fault("total_label steht da, aber total fehlt", "die Zahl aus der Quelle als total eintragen, oder total_label löschen")
        return self


class WorkingGroup(Record):
    """An Arbeitskreis with its topic, chairs, management and size."""

    id: Id
    name: Name
    topics: TopicRefs = []
    chairs: list[Chair] = []
    management: list[Chair] = []
    size: Size | None = None
    measures_listed: Selection | None = None
    description: Prose = ""
    sources: Sources


class Participant(Record):
    """An organisation (or a group the source names without an organisation) in a role."""

    organisation: OrgRef | None = None
    group: Name | None = None
    role: ParticipantRole
    person: PersonRef | None = None
    note: Name | None = None
    sources: Sources

    @model_validator(mode="after")
    def _who(self) -> Participant:
        if bool(self.organisation) == bool(self.group):
            hint = ("organisation und group stehen beide da: group nur verwenden, wenn die Quelle keine Organisation nennt"
                    if self.organisation else "organisation (eine id aus data/organisations/) oder group ergänzen")
            raise Fault("braucht genau eines der Felder organisation (eine id) oder group (eine Beschreibung)", hint)
        return self


class Goal(Record):
    """A goal the initiative sets itself, with its target date if the source names one."""

    text: Prose
    target: Date | None = None
    sources: Sources


class Milestone(Record):
    """A dated event: conference, meeting, signing, review; ``angekuendigt`` if only announced."""

    id: Id
    date: Date
    date_note: Name | None = None
    kind: MilestoneKind
    status: Literal["stattgefunden", "angekuendigt"]
    title: Name
    description: Prose = ""
    place: Name | None = None
    sources: Sources


class KeyFigure(Record):
    """A number with its unit, its reference date and its source."""

    id: Id
    label: Name
    value: Figure
    qualifier: Qualifier = "genau"
    unit: Name
    reference_date: Date
    reference_note: Name | None = None
    sources: Sources


class Statement(Record):
    """What a person said, paraphrased in the portal's own words."""

    person: PersonRef
    date: Date
    summary: Prose
    topics: TopicRefs = []
    sources: Sources


class HistoryEntry(Record):
    """One dated step in a measure's life; the newest entry is its current status."""

    date: Date
    status: MeasureStatus
    note: Prose = ""
    sources: Sources


class InitiativeHistoryEntry(Record):
    """What a source of a given date says about the initiative as a whole (announced, running, ended)."""

    date: Date
    status: InitiativeStatus
    note: Prose = ""
    sources: Sources


class Initiative(Record):
    """A master plan, strengthening initiative, dialogue or regional agency, with all its parts."""

    title: Name
    short_name: Name | None = None
    kind: InitiativeKind
    region: Annotated[str, Ref("regions")]
    history: Annotated[list[InitiativeHistoryEntry], Field(min_length=1)]
    start: Date
    start_note: Name | None = None
    end: Date | None = None
    duration_note: Name | None = None
    summary: Name
    description: Prose = ""
    goals: list[Goal] = []
    topics: TopicRefs = []
    participants: list[Participant] = []
    bodies: list[Body] = []
    working_groups: list[WorkingGroup] = []
    measures_listed: Selection | None = None
    milestones: list[Milestone] = []
    key_figures: list[KeyFigure] = []
    statements: list[Statement] = []
    sources: Sources


class Measure(Record):
    """A Handlungsempfehlung or project: owner, partners, target date and dated history."""

    initiative: Annotated[str, Ref("initiatives")]
    working_group: Id | None = None
    title: Name
    description: Prose = ""
    topics: TopicRefs = []
    owner: OrgRef | None = None
    owner_note: Name | None = None
    partners: list[OrgRef] = []
    # Organisations the source names with the measure without saying what their role is
    # ("an der Hochschule Ruhr West"): linked, but never presented as owner or partner.
    mentioned: list[OrgRef] = []
    target: Date | None = None
    target_note: Name | None = None
    history: Annotated[list[HistoryEntry], Field(min_length=1)]
    sources: Sources


class Document(Record):
    """A source document or press item; the Markdown body is the portal's own summary of it."""

    title: Name
    title_note: Name | None = None
    type: DocumentType
    date: Date
    date_note: Name | None = None
    publisher: OrgRef | None = None
    publisher_note: Name | None = None
    place: Name | None = None
    url: Url | None = None
    reference: Name | None = None
    initiatives: list[Annotated[str, Ref("initiatives")]] = []
    organisations: list[OrgRef] = []
    measures: list[Annotated[str, Ref("measures")]] = []
    people: list[PersonRef] = []
    topics: TopicRefs = []
    draft: bool = False
    body: Prose = ""


# Collection name → (folder under data/, record class, file suffixes). Order matters for loading only
# in that every collection is read before references are checked.
COLLECTIONS: dict[str, tuple[str, type[Record], tuple[str, ...]]] = {
    "regions": ("regions", Region, (".yaml", ".yml")),
    "topics": ("topics", Topic, (".yaml", ".yml")),
    "organisations": ("organisations", Organisation, (".yaml", ".yml")),
    "people": ("people", Person, (".yaml", ".yml")),
    "initiatives": ("initiatives", Initiative, (".yaml", ".yml", ".md")),
    "measures": ("measures", Measure, (".yaml", ".yml", ".md")),
    "documents": ("documents", Document, (".md",)),
}

# In a Markdown file the text below the front matter fills this field: long texts stay readable Markdown.
BODY_FIELD: dict[str, str] = {"initiatives": "description", "measures": "description", "documents": "body"}
