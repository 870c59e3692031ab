"""JSON Schemas for editors' tools, generated from the content model (one source of truth).

``python -m portal.schema`` writes one schema per collection into ``schemas/`` and the VS Code
settings that connect them to the data folders; ``--check`` only reports whether the files in the
repository are up to date. The pydantic model stays the authority: the schemas give completion and
early red squiggles, the portal's own check gives the German messages.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .model import COLLECTIONS, Record

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

# German help for editors, shown when hovering over a field. Field names repeat across record
# types with the same meaning, so one entry serves them all.
FIELD_HELP: dict[str, str] = {
    "name": "Name, eine Zeile",
    "title": "Titel, eine Zeile",
    "short_name": "Kurzname, etwa eine Abkürzung",
    "kind": "Art (einer der erlaubten Werte)",
    "type": "Art (einer der erlaubten Werte)",
    "status": "Stand (einer der erlaubten Werte)",
    "summary": "Zusammenfassung in einem Satz",
    "description": "Beschreibung in Markdown",
    "body": "Text in Markdown",
    "sources": "Quellen: ids von Dateien in data/documents/, mindestens eine",
    "date": "Datum, so genau wie die Quelle es nennt",
    "start": "Beginn, so genau wie die Quelle es nennt",
    "end": "Ende, so genau wie die Quelle es nennt",
    "target": "Zieltermin, so genau wie die Quelle es nennt",
    "history": "Verlauf: je Statusänderung ein Eintrag mit Datum, Status und Quelle; der neueste gilt",
    "note": "Anmerkung",
    "draft": "true hält den Eintrag von der Website fern",
    "url": "Web-Adresse der Quelle",
    "website": "Web-Adresse der Organisation",
    "participants": "Beteiligte Organisationen mit ihrer Rolle",
    "roles": "Öffentliche Rollen der Person",
    "owner": "Verantwortliche Organisation (id aus data/organisations/)",
    "partners": "Partner-Organisationen (ids aus data/organisations/)",
    "mentioned": "Organisationen, die die Quelle ohne Rolle nennt",
    "working_group": "id eines Arbeitskreises der Initiative",
    "ars": "Amtlicher Regionalschlüssel, nur wenn die Region sicher genau dieses Verwaltungsgebiet ist; setzt sie auf die Karte",
}

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


def _germanise(node: Any, cls: type[Record]) -> Any:
    """Drop pydantic's English titles and class docstrings; add German help to known fields."""
    if isinstance(node, list):
        return [_germanise(item, cls) for item in node]
    if not isinstance(node, dict):
        return node
    result = {key: _germanise(value, cls) for key, value in node.items()
              if not (key == "title" and isinstance(value, str))}
    if "properties" in result:
        result.pop("description", None)  # an English class docstring
        for field, prop in result["properties"].items():
            help_text = FIELD_HELP.get(field)
            if help_text and isinstance(prop, dict) and "enum" not in prop:
                extra = prop.get("description")
                prop["description"] = f"{help_text} ({extra})" if extra and extra != help_text else help_text
    return result


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
