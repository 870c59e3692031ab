"""JSON Schemas for editors' tools, generated from the content model (one source of truth).

``python -m portal.schema`` writes one schema per collection into ``schemas/`` and the VS Code
settings that connect them to the data folders; ``--check`` only reports whether the files in the
repository are up to date. The pydantic model stays the authority: the schemas give completion and
early red squiggles, the portal's own check gives the German messages.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

from .model import COLLECTIONS, Record

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

# German help for editors, shown when hovering over a field, in the tables' descriptions and on the
# data dictionary page (/daten/felder/): one text per field. Field names repeat across record types
# with the same meaning, so one entry serves them all; FIELD_HELP_BY_CLASS says where a name means
# something else in one record type.
FIELD_HELP: dict[str, str] = {
    "id": "Kennung, eindeutig innerhalb der Initiative; bleibt stabil, andere Einträge verweisen darauf",
    "name": "Name, eine Zeile",
    "title": "Titel, eine Zeile",
    "short_name": "Kurzname, etwa eine Abkürzung",
    "kind": "Art (einer der erlaubten Werte)",
    "type": "Art (einer der erlaubten Werte)",
    "status": "Stand (einer der erlaubten Werte)",
    "summary": "Zusammenfassung in einem Satz",
    "description": "Beschreibung in Markdown",
    "body": "Text in Markdown: die Zusammenfassung der Quelle in eigenen Worten des Portals",
    "sources": "Quellen: ids von Dateien in data/documents/, mindestens eine",
    "date": "Datum, so genau wie die Quelle es nennt",
    "date_note": "Anmerkung zum Datum, etwa „zum Jahresauftakt“",
    "start": "Beginn, so genau wie die Quelle es nennt",
    "start_note": "Anmerkung zum Beginn",
    "end": "Ende, so genau wie die Quelle es nennt",
    "duration_note": "Anmerkung zur Laufzeit",
    "target": "Zieltermin, so genau wie die Quelle es nennt",
    "target_note": "Anmerkung zum Zieltermin",
    "history": "Verlauf: je Statusänderung ein Eintrag mit Datum, Status und Quelle; der neueste gilt",
    "note": "Anmerkung",
    "draft": "true hält den Eintrag von der Website fern",
    "url": "Web-Adresse der Quelle",
    "website": "Web-Adresse der Organisation",
    "address": "Anschrift, eine Zeile",
    "region": "Region (id aus data/regions/)",
    "parent": "Übergeordnete Region (id aus data/regions/), etwa das Land für eine Stadt",
    "former_names": "Frühere Namen der Organisation, mit Quelle",
    "participants": "Beteiligte Organisationen mit ihrer Rolle",
    "roles": "Öffentliche Rollen der Person",
    "honorific": "Titel oder Anrede vor dem Namen, etwa „Dr.“ oder „Prof. Dr.“",
    "suffix": "Zusatz nach dem Namen, etwa „MdL“",
    "organisation": "Organisation (id aus data/organisations/)",
    "person": "Person (id aus data/people/)",
    "group": "Beteiligte Gruppe, wenn die Quelle keine Organisation nennt, etwa „Politik und Verwaltung“",
    "role": "Rolle (einer der erlaubten Werte)",
    "chairs": "Vorsitz: Organisationen oder Personen, die das Gremium leiten",
    "management": "Geschäftsführung oder Leitung des Arbeitskreises",
    "size": "Zahl der Mitglieder, wie die Quelle sie nennt (von min bis max)",
    "min": "Untergrenze der Mitgliederzahl",
    "max": "Obergrenze der Mitgliederzahl (gleich min, wenn die Quelle eine Zahl nennt)",
    "measures_listed": "Sind die genannten Maßnahmen alle oder nur Beispiele, und wie viele zählt die Quelle",
    "scope": "„vollstaendig“: alle Maßnahmen stehen im Portal; „beispiele“: nur einige",
    "total": "Zahl der Maßnahmen, die die Quelle insgesamt nennt",
    "total_label": "Wie die Quelle diese Zahl nennt, etwa „rund 60 Handlungsempfehlungen“",
    "topics": "Themen (ids aus data/topics/)",
    "goals": "Ziele der Initiative, mit Zieltermin, wenn die Quelle einen nennt",
    "text": "Das Ziel in Worten (Markdown)",
    "bodies": "Gremien: Lenkungskreis, Steuerungskreis, Konferenz, Spitzengespräch",
    "working_groups": "Arbeitskreise der Initiative",
    "milestones": "Meilensteine: Konferenzen, Sitzungen, Unterzeichnungen, Überprüfungen",
    "key_figures": "Kennzahlen: Zahlen mit Einheit, Stichtag und Quelle",
    "statements": "Aussagen von Personen, in eigenen Worten wiedergegeben",
    "place": "Ort, eine Zeile",
    "label": "Was die Zahl zählt, etwa „Beschäftigte“",
    "value": "Der Wert, ohne Tausenderpunkte",
    "qualifier": "Wie genau die Zahl ist: genau, rund, über, nahezu oder mindestens",
    "unit": "Einheit, etwa „Euro“ oder „Beschäftigte“",
    "reference_date": "Stichtag der Zahl, so genau wie die Quelle ihn nennt",
    "reference_note": "Anmerkung zum Stichtag",
    "initiative": "Initiative (id aus data/initiatives/)",
    "working_group": "id eines Arbeitskreises der Initiative",
    "owner": "Verantwortliche Organisation (id aus data/organisations/)",
    "owner_note": "Verantwortlich, wenn die Quelle keine Organisation nennt, oder eine Anmerkung dazu",
    "partners": "Partner-Organisationen (ids aus data/organisations/)",
    "mentioned": "Organisationen, die die Quelle ohne Rolle nennt",
    "title_note": "Anmerkung zum Titel, etwa „Titel sinngemäß“",
    "publisher": "Herausgeber der Quelle (id aus data/organisations/)",
    "publisher_note": "Herausgeber, wenn er keine Organisation im Portal ist, oder eine Anmerkung dazu",
    "reference": "Aktenzeichen, Nummer oder Fundstelle der Quelle",
    "initiatives": "Initiativen, die die Quelle betrifft (ids aus data/initiatives/)",
    "organisations": "Organisationen, die die Quelle nennt (ids aus data/organisations/)",
    "measures": "Maßnahmen, die die Quelle nennt (ids aus data/measures/)",
    "people": "Personen, die die Quelle nennt (ids aus data/people/)",
    "ars": "Amtlicher Regionalschlüssel, nur wenn die Region sicher genau dieses Verwaltungsgebiet ist; setzt sie auf die Karte",
}

# Where a field name means something else in one record type: (class name, field) → help.
FIELD_HELP_BY_CLASS: dict[tuple[str, str], str] = {
    ("Role", "role"): "Bezeichnung der Rolle, etwa „Oberbürgermeisterin“",
    ("Role", "organisation"): "Organisation, in der die Person die Rolle hat (id aus data/organisations/)",
    ("Role", "start"): "Beginn der Rolle, so genau wie die Quelle es nennt",
    ("Role", "end"): "Ende der Rolle, so genau wie die Quelle es nennt",
    ("Participant", "role"): "Rolle der Beteiligten in der Initiative (einer der erlaubten Werte)",
    ("Participant", "person"): "Person, die die Organisation vertritt (id aus data/people/)",
    ("Participant", "note"): "Anmerkung zur Beteiligung",
    ("Chair", "organisation"): "Organisation im Vorsitz oder in der Leitung (id aus data/organisations/)",
    ("Chair", "person"): "Person im Vorsitz oder in der Leitung (id aus data/people/)",
    ("Chair", "note"): "Wer den Vorsitz hat, wenn die Quelle weder Organisation noch Person nennt",
    ("Statement", "person"): "Person, die das gesagt hat (id aus data/people/)",
    ("Statement", "summary"): "Was die Person gesagt hat, in eigenen Worten des Portals (Markdown)",
    ("Statement", "date"): "Wann die Person das gesagt hat, so genau wie die Quelle es nennt",
    ("FormerName", "name"): "Früherer Name, eine Zeile",
    ("FormerName", "note"): "Anmerkung, etwa bis wann der Name galt",
    ("Region", "kind"): "Art der Region: Stadt, Kreis, Region oder Land",
    ("Body", "kind"): "Art des Gremiums (einer der erlaubten Werte)",
    ("Milestone", "kind"): "Art des Meilensteins (einer der erlaubten Werte)",
    ("Milestone", "status"): "„stattgefunden“ oder nur „angekuendigt“",
    ("Initiative", "kind"): "Art der Initiative (einer der erlaubten Werte)",
    ("Organisation", "type"): "Art der Organisation (einer der erlaubten Werte)",
    ("Organisation", "region"): "Sitz der Organisation (id aus data/regions/)",
    ("Initiative", "region"): "Region, in der die Initiative wirkt (id aus data/regions/)",
    ("Document", "type"): "Art der Quelle (einer der erlaubten Werte)",
    ("Document", "date"): "Datum der Quelle, so genau wie sie es nennt",
    ("Document", "topics"): "Themen, die die Quelle betrifft (ids aus data/topics/)",
    ("HistoryEntry", "status"): "Stand der Maßnahme laut Quelle (einer der erlaubten Werte)",
    ("HistoryEntry", "note"): "Anmerkung zu diesem Schritt (Markdown)",
    ("InitiativeHistoryEntry", "status"): "Stand der Initiative laut Quelle (einer der erlaubten Werte)",
    ("InitiativeHistoryEntry", "note"): "Anmerkung zu diesem Stand (Markdown)",
    ("Goal", "target"): "Bis wann das Ziel erreicht sein soll, so genau wie die Quelle es nennt",
    ("Selection", "sources"): "Quellen der Angabe: ids von Dateien in data/documents/, mindestens eine",
    ("Person", "name"): "Vor- und Nachname, eine Zeile",
}


def help_for(class_name: str, field: str) -> str:
    """The German help of a field of a record type ('' when there is none: a test asks for every field)."""
    return FIELD_HELP_BY_CLASS.get((class_name, field)) or FIELD_HELP.get(field, "")


# One line per record type, in German, for the top of each schema.
COLLECTION_HELP: dict[str, str] = {
    "regions": "Eine Stadt, ein Kreis, eine Region oder das Land",
    "topics": "Ein Thema, das Initiativen verbindet",
    "organisations": "Eine Organisation: Stadt, Kammer, Verband, Gewerkschaft, Hochschule, Ministerium, Unternehmen …",
    "people": "Eine Person in einer öffentlichen Rolle",
    "initiatives": "Eine Initiative: Masterplan, Stärkungsinitiative, Dialog …",
    "measures": "Eine Maßnahme oder Handlungsempfehlung mit Verlauf",
    "documents": "Kopfdaten (Front Matter) einer Quelle oder Pressemeldung; der Text steht darunter",
}


def schema_for(collection: str) -> dict[str, Any]:
    """The JSON Schema of one collection's data files (for Markdown files: of the front matter)."""
    folder, cls, suffixes = COLLECTIONS[collection]
    schema = _germanise(cls.model_json_schema(mode="validation"), cls)
    if ".md" in suffixes and collection == "documents":
        # The text below the front matter becomes ``body``; it never appears in the front matter.
        schema["properties"].pop("body", None)
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"{collection}.schema.json",
        "title": f"data/{folder}/",
        "description": COLLECTION_HELP[collection],
        **{key: value for key, value in schema.items() if key not in ("title", "description")},
    }


def _germanise(node: Any, cls: type[Record], owner: str | None = None) -> Any:
    """Drop pydantic's English titles and class docstrings; add German help to every field.

    ``owner`` is the class whose schema ``node`` is (the top, or an entry of ``$defs``, which pydantic
    names after the class), so a field's help can depend on its record type (``FIELD_HELP_BY_CLASS``)."""
    owner = owner or cls.__name__
    if isinstance(node, list):
        return [_germanise(item, cls, owner) for item in node]
    if not isinstance(node, dict):
        return node
    result = {key: (_defs(value, cls) if key == "$defs" and isinstance(value, dict) else _germanise(value, cls, owner))
              for key, value in node.items() if not (key == "title" and isinstance(value, str))}
    if "properties" in result:
        result.pop("description", None)  # an English class docstring
        for field, prop in result["properties"].items():
            help_text = help_for(owner, field)
            if help_text and isinstance(prop, dict):
                extra = prop.get("description")
                # A reference's own note ("id einer Datei in data/…") repeats help that already names the folder.
                repeats = extra == help_text or (isinstance(extra, str) and extra.startswith("id einer Datei in data/")
                                                 and "data/" in help_text)
                prop["description"] = f"{help_text} ({extra})" if extra and not repeats else help_text
    return result


def _defs(defs: dict[str, Any], cls: type[Record]) -> dict[str, Any]:
    return {name: _germanise(value, cls, name) for name, value in defs.items()}


@cache
def field_descriptions(cls: type[Record]) -> dict[str, str]:
    """Each field of a record type with its German description exactly as its JSON Schema gives it:
    the tables' Table Schemas and the data dictionary show the same text."""
    properties = _germanise(cls.model_json_schema(mode="validation"), cls)["properties"]
    return {field: str(prop.get("description", "")) for field, prop in properties.items()}


def vscode_settings(schema_dir: str = "schemas") -> dict[str, Any]:
    """VS Code settings that give the YAML extension a schema for every data folder."""
    mapping: dict[str, list[str]] = {}
    for collection, (folder, _cls, suffixes) in COLLECTIONS.items():
        globs = [f"data/{folder}/*{suffix}" for suffix in suffixes if suffix != ".md"]
        if globs:
            mapping[f"./{schema_dir}/{collection}.schema.json"] = globs
    return {
        "yaml.schemas": mapping,
        "yaml.validate": True,
        "yaml.completion": True,
        "files.encoding": "utf8",
        "files.insertFinalNewline": True,
        "[yaml]": {"editor.insertSpaces": True, "editor.tabSize": 2, "editor.autoIndent": "keep"},
        "[markdown]": {"editor.wordWrap": "on"},
    }


def generated_files(root: Path) -> dict[Path, str]:
    """Every file this module owns, with its content."""
    files = {root / "schemas" / f"{name}.schema.json": _dump(schema_for(name)) for name in COLLECTIONS}
    files[root / ".vscode" / "settings.json"] = _dump(vscode_settings())
    return files


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the schemas (default) or, with ``--check``, report files that are out of date."""
    args = sys.argv[1:] if argv is None else argv
    check = "--check" in args
    rest = [arg for arg in args if arg != "--check"]
    root = Path(rest[0]) if rest else Path.cwd()
    stale = [path for path, text in generated_files(root).items()
             if not path.exists() or path.read_text(encoding="utf-8") != text]
    if check:
        for path in stale:
            print(f"{path}: veraltet – bitte 'scripts/schemas.sh' ausführen und das Ergebnis einchecken", file=sys.stderr)
        return 1 if stale else 0
    for path, text in generated_files(root).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"{len(COLLECTIONS)} Schemas und .vscode/settings.json geschrieben ({len(stale)} geändert)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
