"""``python -m portal.scaffold``: create a new, valid content file from a template.

Editors name what they know (title, source, initiative …); the command writes a commented file
into the right folder, checks the whole content with the new file, and removes the file again if
it would break anything, so the repository never holds a half-made record.

    scripts/new.sh presse --titel "…" [--datum 2026-11-22] [--herausgeber id] [--initiative id] …
    scripts/new.sh massnahme --titel "…" --initiative id --status beschlossen --quelle id
    scripts/new.sh organisation --name "…" --art kammer --quelle id [--region id] [--website url]
    scripts/new.sh initiative --titel "…" --art masterplan --region id --beginn 2026 --zusammenfassung "…" --quelle id

The command line speaks German throughout (help, headings, argparse's error messages): its users
are press offices, not programmers.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from pathlib import Path
from typing import Any, NoReturn, get_args

from .loading import Loaded, load_content
from .model import COLLECTIONS, DocumentType, InitiativeKind, InitiativeStatus, MeasureStatus, OrgType
from .naming import suggest_id
from .revision import reference_date

# Placeholder texts of the templates: those scripts/new.sh writes (below) and those of the template
# for GitHub's web editor in the editors' guide (docs/mitmachen/index.md, "Ohne eigenen Rechner").
# Each maps to the hint an editor gets. The check (portal.validation) reports every text field that
# still holds one of them, except in a draft, so a template never goes out half-filled.
PRESS_SUMMARY = "Hier steht in eigenen Worten, was die Meldung sagt."
PRESS_QUOTES = "Zitate nur kurz und mit Anführungszeichen."
PRESS_TITLE = "Titel der Meldung"
WEB_ADDRESS = "https://…"
MEASURE_DESCRIPTION = "Was die Maßnahme will, in eigenen Worten."
ORGANISATION_DESCRIPTION = "Was die Organisation tut, in eigenen Worten."
INITIATIVE_DESCRIPTION = "Längerer Text in Markdown."
PLACEHOLDERS: dict[str, str] = {
    PRESS_SUMMARY: "den Text der Vorlage durch eine Zusammenfassung der Meldung in eigenen Worten ersetzen",
    PRESS_QUOTES: "den Hinweis aus der Vorlage löschen",
    PRESS_TITLE: "den Titel der Meldung eintragen",
    WEB_ADDRESS: "die Web-Adresse eintragen oder die Zeile löschen",
    MEASURE_DESCRIPTION: "den Satz durch eine Beschreibung der Maßnahme in eigenen Worten ersetzen",
    ORGANISATION_DESCRIPTION: "den Satz durch eine Beschreibung der Organisation in eigenen Worten ersetzen",
    INITIATIVE_DESCRIPTION: "den Satz durch eine Beschreibung der Initiative ersetzen",
}


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
    return (
        "---\n"
        f"title: {_q(args.titel)}\n"
        f"type: {args.art}\n"
        f"date: {_q(args.datum)}\n"
        + (f"publisher: {args.herausgeber}\n" if args.herausgeber else "# publisher: id aus data/organisations/\n")
        + (f"url: {_q(args.url)}\n" if args.url else f"# url: {WEB_ADDRESS}\n")
        + (f"initiatives: {_ids(args.initiative)}\n" if args.initiative else "# initiatives: [id, …]\n")
        + (f"measures: {_ids(args.massnahme)}\n" if args.massnahme else "# measures: [id, …]\n")
        + "# organisations: [id, …]\n# people: [id, …]\n# topics: [id, …]\n"
        "# Entwurf: erscheint nirgends auf der Website. Zum Veröffentlichen, wenn der Text fertig ist,\n"
        "# die Zeile draft: true löschen (oder draft: false schreiben).\n"
        "draft: true\n"
        "---\n\n"
        f"{PRESS_SUMMARY} {PRESS_QUOTES}\n"
    )


def measure(args: argparse.Namespace, loaded: Loaded) -> str:
    """A measure whose first history entry carries the date of its source."""
    source = loaded.records["documents"].get(args.quelle)
    date = source.date.notation() if source is not None else "unbekannt"  # type: ignore[attr-defined]
    return (
        _schema_line("measures")
        + f"initiative: {args.initiative}\n"
        f"title: {_q(args.titel)}\n"
        f"# description: |\n#   {MEASURE_DESCRIPTION}\n"
        + (f"owner: {args.verantwortlich}\n" if args.verantwortlich else "# owner: id aus data/organisations/\n")
        + "# partners: [id, …]\n# target: \"2027\"   # Zieltermin, so genau wie die Quelle ihn nennt\n"
        "# Verlauf: für jede Statusänderung einen Eintrag (ab '- date:') unter dem letzten anfügen,\n"
        "# vor der Zeile sources; der unterste gilt.\n"
        "history:\n"
        f"- date: {_q(date)}\n"
        f"  status: {args.status}\n"
        f"  sources: [{args.quelle}]\n"
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
        + (f"website: {_q(args.website)}\n" if args.website else f"# website: {WEB_ADDRESS}\n")
        + f"# description: {ORGANISATION_DESCRIPTION}\n"
        f"sources: [{args.quelle}]\n"
    )


def initiative(args: argparse.Namespace, loaded: Loaded) -> str:
    """An initiative with the fields every initiative needs; the rest commented for later. Its first
    history entry carries the date of its source, like a measure's."""
    source = loaded.records["documents"].get(args.quelle)
    date = source.date.notation() if source is not None else "unbekannt"  # type: ignore[attr-defined]
    return (
        _schema_line("initiatives")
        + f"title: {_q(args.titel)}\n"
        f"kind: {args.art}\n"
        f"region: {args.region}\n"
        "# Stand laut Quelle: für jede neue Meldung einen Eintrag unter dem letzten anfügen; der unterste gilt.\n"
        "history:\n"
        f"- date: {_q(date)}\n"
        f"  status: {args.status}\n"
        f"  sources: [{args.quelle}]\n"
        f"start: {_q(args.beginn)}\n"
        f"summary: {_q(args.zusammenfassung)}\n"
        f"# description: |\n#   {INITIATIVE_DESCRIPTION}\n"
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


EXAMPLES = """\
Beispiele (die ids stehen so in data/):
  scripts/new.sh presse --titel "Lenkungskreis berät über Gewerbeflächen" --herausgeber stadt-duisburg --initiative masterplan-duisburg
  scripts/new.sh massnahme --titel "Flächen für Gründer" --initiative masterplan-duisburg --status empfohlen --quelle standortinitiativen-duisburg-muelheim
  scripts/new.sh organisation --name "Handwerkskammer Düsseldorf" --art kammer --region duesseldorf --quelle spitzengespraech-handwerk-duesseldorf
  scripts/new.sh initiative --titel "Masterplan Wirtschaft Unna" --art masterplan --region unna --beginn "Frühjahr 2026" --zusammenfassung "Ein Satz zur Initiative." --quelle interview-mager-metropole-ruhr

Eine Pressemeldung entsteht als Entwurf (draft: true) und erscheint erst auf der Website, wenn
die Zeile draft: true gelöscht ist. Jede neue Datei wird sofort geprüft; ist sie nicht gültig,
wird sie nicht angelegt. Die Optionen einer Art zeigt zum Beispiel: scripts/new.sh presse --help
Anleitung: Seite „Mitmachen“ des Portals (docs/mitmachen/index.md).
"""

# argparse's English messages (Python 3.11) and what an editor reads instead.
_ERRORS: tuple[tuple[str, str], ...] = (
    (r"the following arguments are required: (.*)", "es fehlt: {0}"),
    (r"argument (\S+): expected one argument", "nach {0} fehlt der Wert"),
    (r"argument (\S+): invalid (\w+) value: (.*)", "{0}: {2} ist kein gültiger Wert"),
    (r"unrecognized arguments: (.*)", "unbekannte Angaben: {0}"),
    (r"ambiguous option: (\S+) could match (.*)", "{0} ist nicht eindeutig: gemeint sein könnte {1}"),
    (r"argument (\S+): not allowed with argument (\S+)", "{0} geht nicht zusammen mit {1}"),
    (r"argument (\S+): ignored explicit argument (.*)", "{0} nimmt keinen Wert: {1}"),
)


def _german_error(message: str) -> str:
    """argparse's error ``message`` in German; a wrong choice also names the closest allowed one."""
    if m := re.fullmatch(r"argument (\S+): invalid choice: '(.*)' \(choose from (.*)\)", message):
        name, value = m.group(1), m.group(2)
        allowed = [choice.strip().strip("'") for choice in m.group(3).split(",")]
        close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)
        what = "keine bekannte Art" if name == "ART" else f"für {name} nicht möglich"
        return (f"'{value}' ist {what}" + (f" – meinten Sie {close[0]}?" if close else "")
                + f" Erlaubt sind: {', '.join(allowed)}")
    for pattern, german in _ERRORS:
        if m := re.fullmatch(pattern, message):
            return german.format(*m.groups())
    return message


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Help in German: "Aufruf:" instead of "usage:"; descriptions and examples keep their lines."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "Aufruf: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse in German: headings, the help option and the error messages."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "Arten von Dateien"
        self._optionals.title = "Angaben"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="diese Hilfe zeigen")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: Fehler: {_german_error(message)}\n"
                     f"Hilfe: scripts/new.sh --help\n")


def _choices(values: Any) -> str:
    return "eine von " + ", ".join(get_args(values))


def parser() -> argparse.ArgumentParser:
    """The German command line: one sub-command per kind of file."""
    main = _Parser(prog="scripts/new.sh", description="Legt eine neue, gültige Inhaltsdatei in data/ an und prüft sie sofort.",
                   epilog=EXAMPLES)
    main.add_argument("--daten", default="data", help="Ordner mit den Inhalten (Standard: data)")
    sub = main.add_subparsers(dest="kind", required=True, metavar="ART")
    press = sub.add_parser("presse", help="Pressemeldung oder Nachricht (Markdown, zunächst als Entwurf)",
                           description="Legt eine Pressemeldung in data/documents/ an, als Entwurf (draft: true). "
                                       "Zum Veröffentlichen die Zeile draft: true löschen, wenn der Text fertig ist.")
    press.add_argument("--titel", required=True, help="Titel der Meldung (Pflicht)")
    press.add_argument("--art", choices=get_args(DocumentType), default="pressemitteilung", metavar="ART",
                       help=f"{_choices(DocumentType)} (Standard: pressemitteilung)")
    press.add_argument("--datum", default=reference_date().isoformat(), help="Datum der Meldung, etwa 2026-11-20 (Standard: heute)")
    press.add_argument("--herausgeber", help="id aus data/organisations/")
    press.add_argument("--url", help="Web-Adresse der Meldung")
    press.add_argument("--initiative", action="append", help="id aus data/initiatives/ (mehrfach möglich)")
    press.add_argument("--massnahme", action="append", help="id aus data/measures/ (mehrfach möglich)")
    meas = sub.add_parser("massnahme", help="Maßnahme einer Initiative",
                          description="Legt eine Maßnahme in data/measures/ an, mit dem ersten Eintrag ihres Verlaufs.")
    meas.add_argument("--titel", required=True, help="Titel der Maßnahme (Pflicht)")
    meas.add_argument("--initiative", required=True, help="id aus data/initiatives/ (Pflicht)")
    meas.add_argument("--status", choices=get_args(MeasureStatus), required=True, metavar="STATUS",
                      help=f"Stand laut Quelle (Pflicht): {_choices(MeasureStatus)}")
    meas.add_argument("--quelle", required=True, help="id aus data/documents/ (Pflicht)")
    meas.add_argument("--verantwortlich", help="id aus data/organisations/")
    org = sub.add_parser("organisation", help="Stadt, Kammer, Verband, Unternehmen …",
                         description="Legt eine Organisation in data/organisations/ an.")
    org.add_argument("--name", required=True, help="Name der Organisation (Pflicht)")
    org.add_argument("--art", choices=get_args(OrgType), required=True, metavar="ART",
                     help=f"Art der Organisation (Pflicht): {_choices(OrgType)}")
    org.add_argument("--quelle", required=True, help="id aus data/documents/ (Pflicht)")
    org.add_argument("--region", help="id aus data/regions/")
    org.add_argument("--website", help="Web-Adresse, beginnt mit https://")
    ini = sub.add_parser("initiative", help="Masterplan, Stärkungsinitiative, Dialog …",
                         description="Legt eine Initiative in data/initiatives/ an.")
    ini.add_argument("--titel", required=True, help="Titel der Initiative (Pflicht)")
    ini.add_argument("--art", choices=get_args(InitiativeKind), required=True, metavar="ART",
                     help=f"Art der Initiative (Pflicht): {_choices(InitiativeKind)}")
    ini.add_argument("--region", required=True, help="id aus data/regions/ (Pflicht)")
    ini.add_argument("--status", choices=get_args(InitiativeStatus), default="unklar", metavar="STATUS",
                     help=f"{_choices(InitiativeStatus)} (Standard: unklar)")
    ini.add_argument("--beginn", required=True, help="Datum, so genau wie die Quelle es nennt (Pflicht)")
    ini.add_argument("--zusammenfassung", required=True, help="ein Satz (Pflicht)")
    ini.add_argument("--quelle", required=True, help="id aus data/documents/ (Pflicht)")
    for each in (press, meas, org, ini):
        each.add_argument("--id", help="Dateiname ohne Endung (Standard: aus Titel oder Name gebildet)")
        each.epilog = "Hilfe zu allen Arten, mit Beispielen: scripts/new.sh --help"
    return main


def main(argv: list[str] | None = None) -> int:
    """Write the new file, check all content, and keep the file only if everything is valid."""
    # Imported here: the check (portal.validation) reads PLACEHOLDERS from this module.
    from .check import load_valid

    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        parser().print_help()
        return 2
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
    problems = load_valid(data_dir, reference_date())[1]
    mine = [problem for problem in problems.sorted() if Path(problem.path).parts[-2:] == target.parts[-2:]]
    if mine:
        target.unlink()
        print("Die neue Datei wäre nicht gültig und wurde nicht angelegt:", file=sys.stderr)
        for problem in mine:
            print(f"  {problem.render()}", file=sys.stderr)
        return 1
    print(f"Angelegt: {target}")
    if args.kind == "presse":
        print("Die Meldung ist ein Entwurf (draft: true) und erscheint noch nicht. Den Text in eigenen Worten "
              "schreiben, dann die Zeile draft: true löschen und mit scripts/check.sh prüfen.")
    if problems:
        print(f"Hinweis: in anderen Dateien gibt es {len(problems)} Probleme; 'scripts/check.sh' zeigt sie.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
