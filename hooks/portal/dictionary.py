"""The data dictionary (``/daten/felder/``): every collection and every part of a record, field by
field, read from the content model and its JSON Schemas (``portal.schema``), so the page and the
editors' tools always say the same.

What the page shows of a field comes from two places only: its type, whether it is required and its
allowed values from the JSON Schema of its collection; its meaning is the schema's ``description``,
word for word (never a second text). The fields the portal adds in the JSON files (``stichtag``,
``aktueller_status`` …) are not in the model: their meanings are declared once here (``DERIVED``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from . import labels
from .model import COLLECTIONS, DATE_PATTERN, ID_PATTERN, Markdown, Record
from .schema import schema_for

if TYPE_CHECKING:
    from pydantic import BaseModel

# The collections in German, as the site names them (the sections of the site, the JSON files).
COLLECTION_TITLES = labels.COLLECTION_TITLES
# The page's order: what readers look for first.
ORDER = ("initiatives", "measures", "organisations", "people", "documents", "topics", "regions")

# The parts of records (Teilobjekte) in German; a new part class without an entry shows its class name.
PART_TITLES: dict[str, str] = {
    "InitiativeHistoryEntry": "Verlaufseintrag einer Initiative", "HistoryEntry": "Verlaufseintrag einer Maßnahme",
    "Goal": "Ziel", "Participant": "Beteiligung", "Body": "Gremium", "Chair": "Vorsitz oder Leitung",
    "WorkingGroup": "Arbeitskreis", "Size": "Größe eines Arbeitskreises", "Selection": "Auswahl der Maßnahmen",
    "Milestone": "Meilenstein", "KeyFigure": "Kennzahl", "Statement": "Stellungnahme",
    "FormerName": "Früherer Name", "Role": "Rolle",
}

# Allowed values with the labels the site shows for them (portal.labels), by (class, field).
VALUE_LABELS: dict[tuple[str, str], dict[str, str]] = {
    ("Initiative", "kind"): labels.INITIATIVE_KIND,
    ("InitiativeHistoryEntry", "status"): labels.INITIATIVE_STATUS,
    ("HistoryEntry", "status"): labels.MEASURE_STATUS,
    ("Organisation", "type"): labels.ORG_TYPE_SINGULAR,
    ("Participant", "role"): labels.PARTICIPANT_ROLE_SINGULAR,
    ("Milestone", "kind"): labels.MILESTONE_KIND,
    ("Milestone", "status"): labels.MILESTONE_STATUS,
    ("Document", "type"): labels.DOCUMENT_TYPE,
    ("Body", "kind"): labels.BODY_KIND,
    ("Region", "kind"): labels.REGION_KIND,
    ("KeyFigure", "qualifier"): labels.QUALIFIER,
}

# A field the JSON Schema leaves out: a Markdown file's text below the front matter (model.BODY_FIELD).
BODY_NOTE = "Der Text unter den Kopfdaten der Markdown-Datei: die Zusammenfassung der Quelle in eigenen Worten."

_REF = re.compile(r"^id einer Datei in data/([a-z_]+)/")
_ONE_LINE = r"^[^<>\n]*\S[^<>\n]*$"


@dataclass(frozen=True)
class Value:
    """One allowed value and the label the site shows for it ('' where the site shows none)."""

    value: str
    label: str


@dataclass(frozen=True)
class Field:
    """One field of a collection or a part, as the dictionary shows it."""

    name: str
    anchor: str                      # id on the page: "<collection or part>-<field>"
    type: str                        # in German: "Text (eine Zeile)", "Datum (so genau wie die Quelle)" …
    link: str                        # the anchor of the collection or part the type names, or ''
    required: bool
    note: str                        # "mindestens ein Eintrag", "Vorgabe: genau" …
    values: tuple[Value, ...]
    description: str                 # the JSON Schema's description, word for word ('' where it has none)


@dataclass(frozen=True)
class Entity:
    """A collection (one file per record under data/) or a part of a record (Teilobjekt)."""

    key: str                         # collection name, or the part's class name
    anchor: str
    title: str
    description: str
    folder: str                      # data/<folder>/ for a collection, '' for a part
    used_in: tuple[str, ...]         # for a part: the fields that hold it ("Initiativen: history")
    fields: tuple[Field, ...]


def _anchor(name: str) -> str:
    return name.lower().replace("_", "-")


def _part_anchor(cls_name: str) -> str:
    return "teil-" + _anchor(cls_name)


def _unwrap(prop: dict[str, Any]) -> dict[str, Any]:
    """The value's own schema without the ``null`` that makes a field optional."""
    options = prop.get("anyOf")
    if options and any(option.get("type") == "null" for option in options):
        rest = [option for option in options if option.get("type") != "null"]
        if len(rest) == 1:
            return rest[0]
    return prop


def _kind(prop: dict[str, Any], cls_name: str, field: str, markdown: bool) -> tuple[str, str, tuple[Value, ...]]:
    """The German type of a schema node, the anchor it links to, and its allowed values."""
    inner = _unwrap(prop)
    if "$ref" in inner:
        part = inner["$ref"].rsplit("/", 1)[-1]
        return f"Teilobjekt {PART_TITLES.get(part, part)}", _part_anchor(part), ()
    options = inner.get("anyOf", [])
    if any(option.get("pattern") == DATE_PATTERN for option in options):
        return "Datum (so genau wie die Quelle)", "", ()
    if "enum" in inner:
        shown = VALUE_LABELS.get((cls_name, field), {})
        return "Auswahl (einer der Werte)", "", tuple(Value(str(v), shown.get(str(v), "")) for v in inner["enum"])
    found = _REF.match(inner.get("description", ""))
    if found and found.group(1) in COLLECTIONS:
        return f"Verweis auf {COLLECTION_TITLES[found.group(1)]} (id)", found.group(1), ()
    kind = inner.get("type")
    if kind == "array":
        item, link, values = _kind(inner.get("items", {}), cls_name, field, False)
        return f"Liste, je Eintrag: {item}", link, values
    if kind == "boolean":
        return "Ja/Nein (true oder false)", "", ()
    if kind == "integer":
        return "Ganzzahl", "", ()
    if kind == "number":
        return "Zahl", "", ()
    pattern = inner.get("pattern", "")
    if pattern == ID_PATTERN:
        return "Kennung (id)", "", ()
    if pattern.startswith("^https?://"):
        return "Web-Adresse", "", ()
    if pattern.startswith("^05"):
        return "Amtlicher Regionalschlüssel (Text aus Ziffern)", "", ()
    if pattern == _ONE_LINE:
        return "Text (eine Zeile)", "", ()
    return ("Text (Markdown)" if markdown else "Text"), "", ()


def _note(prop: dict[str, Any]) -> str:
    """What the schema says beyond the type: a minimum number of entries, a default value."""
    inner = _unwrap(prop)
    notes = []
    if inner.get("minItems") == 1:
        notes.append("mindestens ein Eintrag")
    default = prop.get("default")
    if isinstance(default, bool):
        notes.append(f"Vorgabe: {'true' if default else 'false'}")
    elif isinstance(default, str) and default:
        notes.append(f"Vorgabe: {default}")
    return ", ".join(notes)


def _fields(cls: type[BaseModel], node: dict[str, Any], prefix: str) -> tuple[Field, ...]:
    """The fields of one class in model order, described by its schema node ``node``."""
    properties = node.get("properties", {})
    required = set(node.get("required", ()))
    found = []
    for name, info in cls.model_fields.items():
        prop = properties.get(name)
        if prop is None:  # the Markdown body, which the schema of the front matter leaves out
            found.append(Field(name, f"{prefix}-{_anchor(name)}", "Text (Markdown)", "", False, "", (), BODY_NOTE))
            continue
        markdown = any(isinstance(item, Markdown) for item in info.metadata)
        kind, link, values = _kind(prop, cls.__name__, name, markdown)
        found.append(Field(name, f"{prefix}-{_anchor(name)}", kind, link, name in required, _note(prop), values,
                           prop.get("description", "")))
    return tuple(found)


def _parts_of(cls: type[BaseModel]) -> list[tuple[str, type[BaseModel]]]:
    """The part classes a class holds directly, with the field that holds each, in field order."""
    found = []
    for name, info in cls.model_fields.items():
        for part in _classes_in(info.annotation):
            found.append((name, part))
    return found


def _classes_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return [annotation]
    return [cls for arg in getattr(annotation, "__args__", ()) for cls in _classes_in(arg)]


@cache
def entities() -> tuple[Entity, ...]:
    """Every collection, each followed by the parts first met in it (a part shared by several
    collections or fields is listed once, naming every place that holds it)."""
    used_in: dict[str, list[str]] = {}
    nodes: dict[str, tuple[type[BaseModel], dict[str, Any]]] = {}
    order: list[tuple[str, Entity | None]] = []
    seen: set[str] = set()
    for collection in ORDER:
        folder, cls, _suffixes = COLLECTIONS[collection]
        schema = schema_for(collection)
        order.append((collection, Entity(collection, collection, COLLECTION_TITLES[collection], schema.get("description", ""),
                                         folder, (), _fields(cls, schema, collection))))
        pending: list[tuple[type[BaseModel], str]] = [(cls, COLLECTION_TITLES[collection])]
        while pending:
            holder, where = pending.pop(0)
            for field, part in _parts_of(holder):
                used_in.setdefault(part.__name__, []).append(f"{where}: {field}")
                if part.__name__ in seen:
                    continue
                seen.add(part.__name__)
                order.append((part.__name__, None))
                pending.append((part, PART_TITLES.get(part.__name__, part.__name__)))
                nodes[part.__name__] = (part, schema.get("$defs", {}).get(part.__name__, {}))
    result = []
    for key, entity in order:
        if entity is not None:
            result.append(entity)
            continue
        part, node = nodes[key]
        result.append(Entity(key, _part_anchor(key), PART_TITLES.get(key, key), "", "", tuple(used_in[key]),
                             _fields(part, node, _part_anchor(key))))
    return tuple(result)


@dataclass(frozen=True)
class Derived:
    """A key the portal adds in the JSON files: where it stands and what it means."""

    name: str
    where: str
    meaning: str

    @property
    def anchor(self) -> str:
        """Its id on the page."""
        return "abgeleitet-" + _anchor(self.name)


# The keys the portal adds in its JSON files, beyond the editors' fields; declared once, in German.
DERIVED: tuple[Derived, ...] = (
    Derived("stichtag", "Kopf jeder JSON-Datei", "Der Tag, an dem die Dateien erzeugt wurden (JJJJ-MM-TT). "
            "Nach ihm richtet sich, ob ein Zieltermin verstrichen ist und ob eine Meldung noch aktuell ist."),
    Derived("meldungsfrist_jahre", "Kopf jeder JSON-Datei", "Nach wie vielen Jahren ohne datierte Meldung eine offene "
            "Maßnahme oder Initiative als „ohne aktuelle Meldung“ gilt."),
    Derived("sammlung", "Kopf jeder JSON-Datei und index.json", "Welche Art von Einträgen die Datei enthält "
            "(initiatives, measures, organisations, people, regions, topics, documents)."),
    Derived("jahr", "Kopf der Dateien dokumente-<jahr>.json und index.json",
            "Das Jahr, aus dem die Quellen der Datei stammen, oder „undatiert“."),
    Derived("inhalte", "jede JSON-Datei einer Sammlung", "Die Einträge, nach ihrer Kennung (id); die Kennung ist "
            "auch der letzte Teil der Adresse ihrer Seite."),
    Derived("lizenz", "Kopf jeder JSON-Datei", "Die Lizenz der Daten: name, kurzname, url (Lizenztext), spdx und "
            "dcat_ap_de (Kennungen für Programme), namensnennung (der Text, den Weiterverwendende nennen müssen) und "
            "inhalte_dritter (was nicht unter die Lizenz fällt)."),
    Derived("kurzname", "in lizenz", "Die übliche Kurzform der Lizenz, etwa „CC BY 4.0“."),
    Derived("spdx", "in lizenz", "Die Kennung der Lizenz in der SPDX-Liste."),
    Derived("dcat_ap_de", "in lizenz", "Die Adresse der Lizenz im Lizenz-Verzeichnis von DCAT-AP.de."),
    Derived("namensnennung", "in lizenz", "Der Text, den nennen muss, wer Texte oder Daten weiterverwendet."),
    Derived("inhalte_dritter", "in lizenz", "Was nicht unter diese Lizenz fällt (Karte, Pressetexte, Logos)."),
    Derived("dateien", "index.json", "Die Liste aller JSON-Dateien mit Sammlung, Jahr, Dateiname, Zahl der Einträge "
            "und Größe."),
    Derived("datei", "index.json", "Der Name einer Datei im Ordner daten/."),
    Derived("eintraege", "index.json", "Wie viele Einträge die Datei enthält."),
    Derived("bytes", "index.json", "Die Größe der Datei in Bytes."),
    Derived("tabellen", "index.json", "Die Tabellen (CSV-Dateien) zum Herunterladen."),
    Derived("datenpaket", "index.json", "Die Datei, die alle Tabellen beschreibt (Frictionless Data Package)."),
    Derived("einzelne_eintraege", "index.json", "Je Sammlung die Adresse der Dateien mit einem einzelnen Eintrag, "
            "<id> steht für seine Kennung."),
    Derived("popolo", "index.json", "Die Datei mit Personen, Organisationen und Mitgliedschaften im Format Popolo."),
    Derived("katalog", "index.json", "Die Dateien des Katalogs für Datenportale (DCAT-AP.de): turtle und json_ld."),
    Derived("turtle", "in katalog", "Der Katalog in der Schreibweise Turtle."),
    Derived("json_ld", "in katalog", "Der Katalog in der Schreibweise JSON-LD."),
    Derived("inhalt", "Datei eines einzelnen Eintrags", "Der Eintrag selbst, mit denselben Feldern wie in der Datei "
            "seiner Sammlung."),
    Derived("adresse", "Einträge und Tabellen", "Die Adresse der Seite des Eintrags im Portal; vollständig mit "
            "https://, wenn die Adresse des Portals beim Erzeugen bekannt war."),
    Derived("inhalt_geaendert", "alle Einträge außer Quellen", "Der Tag, an dem die Redaktion die Datei des "
            "Eintrags zuletzt geändert hat (JJJJ-MM-TT), oder leer, wenn das nicht bekannt ist. Das sagt nichts "
            "darüber, wie alt die Angaben selbst sind."),
    Derived("neueste_quelle_vom", "alle Einträge außer Quellen", "Das Datum der neuesten datierten Quelle des "
            "Eintrags, so genau wie die Quelle es nennt; leer, wenn keine Quelle datiert ist."),
    Derived("aktueller_status", "Maßnahmen", "Der Status aus dem neuesten Verlaufseintrag (einer der Werte von "
            "status im Verlauf)."),
    Derived("status_quelle_vom", "Maßnahmen und Initiativen", "Das Datum der Quelle, auf der der Status beruht; "
            "leer, wenn diese Quelle undatiert ist. Ein Status ist nur so belastbar wie seine datierte Quelle."),
    Derived("zieltermin_verstrichen", "Maßnahmen", "true, wenn der Zieltermin vor dem Stichtag liegt und keine "
            "Quelle die Maßnahme als abgeschlossen oder eingestellt meldet."),
    Derived("letzte_meldung", "Maßnahmen und Initiativen", "Das Datum der neuesten datierten Meldung; leer, wenn es "
            "keine datierte Meldung gibt."),
    Derived("ohne_aktuelle_meldung", "Maßnahmen und Initiativen", "true, wenn die Maßnahme oder Initiative noch "
            "offen ist und seit mehr als meldungsfrist_jahre Jahren keine datierte Meldung hat."),
    Derived("angezeigter_status", "Initiativen", "Der Stand, den die Seite zeigt: „laufend“ nur mit einer "
            "datierten, aktuellen Quelle, sonst etwa „unklar“ (abgeleitet aus dem neuesten Verlaufseintrag und dem "
            "Alter seiner Quelle)."),
    Derived("id", "Einträge in Einzeldateien und Tabellen", "Die Kennung des Eintrags: der Dateiname unter data/ "
            "und der letzte Teil der Adresse seiner Seite."),
)


def derived_names() -> frozenset[str]:
    """Every key ``DERIVED`` documents."""
    return frozenset(item.name for item in DERIVED)


# Table Schema types (Frictionless) in German, for the columns of the tables.
TABLE_TYPES: dict[str, str] = {
    "string": "Text", "integer": "Ganzzahl", "number": "Zahl", "boolean": "Ja/Nein", "date": "Datum",
    "datetime": "Zeitpunkt", "year": "Jahr", "yearmonth": "Monat", "any": "beliebig", "array": "Liste",
    "object": "Objekt",
}


def table_type(name: str) -> str:
    """A Table Schema type in German (the type's own name where there is no German one)."""
    return TABLE_TYPES.get(name, name)
