"""``python -m portal.scaffold``: create a new, valid content file from a template.

Editors name what they know (title, source, initiative …); the command writes a commented file
into the right folder, checks the whole content with the new file, and removes the file again if
it would break anything, so the repository never holds a half-made record.

    scripts/new.sh presse --titel "…" [--datum 2026-11-22] [--herausgeber id] [--initiative id] …
    scripts/new.sh massnahme --titel "…" --initiative id --status beschlossen --quelle id
    scripts/new.sh organisation --name "…" --art kammer --quelle id [--region id] [--website url]
    scripts/new.sh initiative --titel "…" --art masterplan --region id --beginn 2026 --zusammenfassung "…" --quelle id
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import get_args

from .check import load_valid
from .loading import Loaded, load_content
from .naming import suggest_id
from .model import COLLECTIONS, DocumentType, InitiativeKind, InitiativeStatus, MeasureStatus, OrgType
from .revision import reference_date



def slug(text: str) -> str:
    """An id from a title: ``Stärkung der Ausbildung`` → ``staerkung-der-ausbildung``."""
    return suggest_id(text)[:60].strip("-")


def _q(value: str) -> str:
    # A JSON string is a valid double-quoted YAML scalar: quotes, colons and "ja"/"nein" stay text.
    return json.dumps(value, ensure_ascii=False)


def _ids(values: list[str] | None) -> str:
    return "[" + ", ".join(values or []) + "]"


def _schema_line(collection: str) -> str:
    # The yaml-language-server convention: VS Code finds the schema even without the settings file.
    return f"# yaml-language-server: $schema=../../schemas/{collection}.schema.json\n"


def press_item(args: argparse.Namespace, loaded: Loaded) -> str:
    """Front matter and a placeholder text; a draft until the editor has written the summary."""
    optional = "".join(f"{key}: {_q(value)}\n" for key, value in (("url", args.url),) if value)
    return (
        "---\n"
        f"title: {_q(args.titel)}\n"
        f"type: {args.art}\n"
        f"date: {_q(args.datum)}\n"
        + (f"publisher: {args.herausgeber}\n" if args.herausgeber else "# publisher: id aus data/organisations/\n")
        + optional
        + (f"initiatives: {_ids(args.initiative)}\n" if args.initiative else "# initiatives: [id, …]\n")
        + (f"measures: {_ids(args.massnahme)}\n" if args.massnahme else "# measures: [id, …]\n")
        + "# organisations: [id, …]\n# people: [id, …]\n# topics: [id, …]\n"
        "# Entwurf: erscheint nirgends auf der Website. Zeile löschen, wenn der Text fertig ist.\n"
        "draft: true\n"
        "---\n\n"
        "Hier steht in eigenen Worten, was die Meldung sagt. Zitate nur kurz und mit Anführungszeichen.\n"
    )


def measure(args: argparse.Namespace, loaded: Loaded) -> str:
    """A measure whose first history entry carries the date of its source."""
    source = loaded.records["documents"].get(args.quelle)
    date = source.date.notation() if source is not None else "unbekannt"  # type: ignore[attr-defined]
    return (
        _schema_line("measures")
        + f"initiative: {args.initiative}\n"
        f"title: {_q(args.titel)}\n"
        "# description: |\n#   Was die Maßnahme will, in eigenen Worten.\n"
        + (f"owner: {args.verantwortlich}\n" if args.verantwortlich else "# owner: id aus data/organisations/\n")
        + "# partners: [id, …]\n# target: \"2027\"   # Zieltermin, so genau wie die Quelle ihn nennt\n"
        "# Verlauf: für jede Statusänderung einen Eintrag darunter anfügen; der unterste gilt.\n"
        "history:\n"
        f"  - date: {_q(date)}\n"
        f"    status: {args.status}\n"
        f"    sources: [{args.quelle}]\n"
        f"sources: [{args.quelle}]\n"
    )


def organisation(args: argparse.Namespace, loaded: Loaded) -> str:
    """An organisation with its type, its source and optionally region and website."""
    return (
        _schema_line("organisations")
        + f"name: {_q(args.name)}\n"
        "# short_name: Kurzname\n"
        f"type: {args.art}\n"
        + (f"region: {args.region}\n" if args.region else "# region: id aus data/regions/\n")
        + (f"website: {_q(args.website)}\n" if args.website else "# website: https://…\n")
        + "# description: Was die Organisation tut, in eigenen Worten.\n"
        f"sources: [{args.quelle}]\n"
    )


def initiative(args: argparse.Namespace, loaded: Loaded) -> str:
    """An initiative with the fields every initiative needs; the rest commented for later."""
    return (
        _schema_line("initiatives")
        + f"title: {_q(args.titel)}\n"
        f"kind: {args.art}\n"
        f"region: {args.region}\n"
        f"status: {args.status}\n"
        f"start: {_q(args.beginn)}\n"
        f"summary: {_q(args.zusammenfassung)}\n"
        "# description: |\n#   Längerer Text in Markdown.\n"
        "# goals, participants, bodies, working_groups, milestones, key_figures: siehe Anleitung\n"
        f"sources: [{args.quelle}]\n"
    )


KINDS = {
    # kind → (collection, suffix, field that names the record, template)
    "presse": ("documents", ".md", "titel", press_item),
    "massnahme": ("measures", ".yaml", "titel", measure),
    "organisation": ("organisations", ".yaml", "name", organisation),
    "initiative": ("initiatives", ".yaml", "titel", initiative),
}


def parser() -> argparse.ArgumentParser:
    """The German command line: one sub-command per kind of file."""
    main = argparse.ArgumentParser(prog="scripts/new.sh", description="Legt eine neue, gültige Inhaltsdatei an.")
    main.add_argument("--daten", default="data", help="Ordner mit den Inhalten (Standard: data)")
    sub = main.add_subparsers(dest="kind", required=True, metavar="ART")
    press = sub.add_parser("presse", help="Pressemeldung oder Nachricht (Markdown, zunächst als Entwurf)")
    press.add_argument("--titel", required=True)
    press.add_argument("--art", choices=get_args(DocumentType), default="pressemitteilung")
    press.add_argument("--datum", default=reference_date().isoformat(), help="Standard: heute")
    press.add_argument("--herausgeber", help="id aus data/organisations/")
    press.add_argument("--url", help="Web-Adresse der Meldung")
    press.add_argument("--initiative", action="append", help="id aus data/initiatives/ (mehrfach möglich)")
    press.add_argument("--massnahme", action="append", help="id aus data/measures/ (mehrfach möglich)")
    meas = sub.add_parser("massnahme", help="Maßnahme einer Initiative")
    meas.add_argument("--titel", required=True)
    meas.add_argument("--initiative", required=True, help="id aus data/initiatives/")
    meas.add_argument("--status", choices=get_args(MeasureStatus), required=True)
    meas.add_argument("--quelle", required=True, help="id aus data/documents/")
    meas.add_argument("--verantwortlich", help="id aus data/organisations/")
    org = sub.add_parser("organisation", help="Stadt, Kammer, Verband, Unternehmen …")
    org.add_argument("--name", required=True)
    org.add_argument("--art", choices=get_args(OrgType), required=True)
    org.add_argument("--quelle", required=True, help="id aus data/documents/")
    org.add_argument("--region", help="id aus data/regions/")
    org.add_argument("--website")
    ini = sub.add_parser("initiative", help="Masterplan, Stärkungsinitiative, Dialog …")
    ini.add_argument("--titel", required=True)
    ini.add_argument("--art", choices=get_args(InitiativeKind), required=True)
    ini.add_argument("--region", required=True, help="id aus data/regions/")
    ini.add_argument("--status", choices=get_args(InitiativeStatus), default="unklar")
    ini.add_argument("--beginn", required=True, help="Datum, so genau wie die Quelle es nennt")
    ini.add_argument("--zusammenfassung", required=True, help="ein Satz")
    ini.add_argument("--quelle", required=True, help="id aus data/documents/")
    for each in (press, meas, org, ini):
        each.add_argument("--id", help="Dateiname ohne Endung (Standard: aus Titel oder Name gebildet)")
    return main


def main(argv: list[str] | None = None) -> int:
    """Write the new file, check all content, and keep the file only if everything is valid."""
    args = parser().parse_args(argv)
    collection, suffix, name_arg, template = KINDS[args.kind]
    data_dir = Path(args.daten)
    record_id = args.id or slug(getattr(args, name_arg))
    target = data_dir / COLLECTIONS[collection][0] / f"{record_id}{suffix}"
    if not record_id:
        print("Aus dem Titel lässt sich keine id bilden; bitte --id angeben.", file=sys.stderr)
        return 2
    existing = list(target.parent.glob(f"{record_id}.*"))
    if existing:
        print(f"{existing[0]} gibt es schon; bitte mit --id einen anderen Namen wählen.", file=sys.stderr)
        return 2
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(template(args, load_content(data_dir)), encoding="utf-8")
    _loaded, problems = load_valid(data_dir, reference_date())
    mine = [problem for problem in problems.sorted() if Path(problem.path).parts[-2:] == target.parts[-2:]]
    if mine:
        target.unlink()
        print("Die neue Datei wäre nicht gültig und wurde nicht angelegt:", file=sys.stderr)
        for problem in mine:
            print(f"  {problem.render()}", file=sys.stderr)
        return 1
    print(f"Angelegt: {target}")
    if problems:
        print(f"Hinweis: in anderen Dateien gibt es {len(problems)} Probleme; 'scripts/check.sh' zeigt sie.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
