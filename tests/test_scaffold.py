"""The scaffolding command: every kind of new file it writes is valid at once; nothing invalid stays."""

from __future__ import annotations

import argparse
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

from portal import validation
from portal.check import load_valid
from portal.loading import load_content
from portal.dates import VagueDate
from portal.model import InitiativeHistoryEntry
from portal.scaffold import EXAMPLES, KINDS, PLACEHOLDERS, PRESS_QUOTES, PRESS_SUMMARY, main, slug


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


@pytest.mark.parametrize(("args", "path", "expected"), [
    (["presse", "--titel", "Ja: Neues \"Zitat\" – nein", "--datum", "2026-11-20", "--herausgeber", "niederrheinische-ihk",
      "--initiative", "masterplan-duisburg", "--massnahme", "duisburg-breitband-glasfaser"],
     "documents/ja-neues-zitat-nein.md", {"title": "Ja: Neues \"Zitat\" – nein", "draft": True}),
    (["massnahme", "--titel", "Flächen für Gründer", "--initiative", "masterplan-duisburg", "--status", "empfohlen",
      "--quelle", "standortinitiativen-duisburg-muelheim"],
     "measures/flaechen-fuer-gruender.yaml", {"title": "Flächen für Gründer", "initiative": "masterplan-duisburg"}),
    (["organisation", "--name", "Handwerkskammer Beispiel", "--art", "kammer", "--quelle", "loi-zukunftsdialog-industrie",
      "--website", "https://example.org"],
     "organisations/handwerkskammer-beispiel.yaml", {"name": "Handwerkskammer Beispiel", "type": "kammer"}),
    (["initiative", "--titel", "Masterplan Beispiel", "--art", "masterplan", "--region", "duesseldorf", "--beginn",
      "Frühjahr 2026", "--zusammenfassung", "Ein Satz.", "--quelle", "loi-zukunftsdialog-industrie", "--id", "mp-beispiel"],
     "initiatives/mp-beispiel.yaml", {"title": "Masterplan Beispiel", "history": [InitiativeHistoryEntry(
         date=VagueDate.parse("2023-01-20"), status="unklar", sources=["loi-zukunftsdialog-industrie"])]}),
])
def test_new_file_is_valid_and_holds_what_was_given(data: Path, args: list[str], path: str, expected: dict[str, object]) -> None:
    assert main(["--daten", str(data), *args]) == 0
    assert (data / path).is_file()
    loaded, problems = load_valid(data)
    assert not problems, problems.report()
    folder, name = path.split("/")
    collection = {"documents": "documents", "measures": "measures", "organisations": "organisations",
                  "initiatives": "initiatives"}[folder]
    record = loaded.records[collection][name.rsplit(".", 1)[0]]
    for field, value in expected.items():
        assert getattr(record, field) == value


def test_measure_history_takes_the_date_of_its_source(data: Path) -> None:
    main(["--daten", str(data), "massnahme", "--titel", "X", "--initiative", "masterplan-duisburg",
          "--status", "beschlossen", "--quelle", "loi-zukunftsdialog-industrie"])
    loaded, _ = load_valid(data)
    source = loaded.records["documents"]["loi-zukunftsdialog-industrie"]
    assert loaded.records["measures"]["x"].history[0].date == source.date  # type: ignore[attr-defined]


def test_new_yaml_files_name_their_schema(data: Path) -> None:
    main(["--daten", str(data), "organisation", "--name", "Verband Y", "--art", "verband", "--quelle", "loi-zukunftsdialog-industrie"])
    first = (data / "organisations" / "verband-y.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schemas/organisations.schema.json"
    assert (ROOT / "schemas" / "organisations.schema.json").is_file()


def test_invalid_input_leaves_no_file(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--daten", str(data), "massnahme", "--titel", "X", "--initiative", "masterplan-duisbrug",
                 "--status", "beschlossen", "--quelle", "loi-zukunftsdialog-industrie"])
    assert code == 1
    assert not (data / "measures" / "x.yaml").exists()
    err = capsys.readouterr().err
    assert "nicht angelegt" in err and "masterplan-duisbrug" in err and "masterplan-duisburg" in err


def test_existing_id_is_not_overwritten(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (data / "measures" / "duisburg-breitband-glasfaser.yaml").read_bytes()
    code = main(["--daten", str(data), "massnahme", "--titel", "X", "--id", "duisburg-breitband-glasfaser",
                 "--initiative", "masterplan-duisburg", "--status", "beschlossen", "--quelle", "loi-zukunftsdialog-industrie"])
    assert code == 2 and "gibt es schon" in capsys.readouterr().err
    assert (data / "measures" / "duisburg-breitband-glasfaser.yaml").read_bytes() == before


def test_slug_follows_the_id_rule() -> None:
    assert slug("Stärkung der Ausbildung & Weiterbildung!") == "staerkung-der-ausbildung-weiterbildung"
    assert slug("Straße: Öffnung") == "strasse-oeffnung"


def test_shell_wrapper_runs_the_command(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    proc = subprocess.run([str(ROOT / "scripts" / "new.sh"), "--daten", str(data), "presse", "--titel", "Kurz"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "Angelegt:" in proc.stdout and (data / "documents" / "kurz.md").is_file()


# --- the German command line ---------------------------------------------------------------------


def help_text(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.mark.parametrize(("argv", "code"), [(["--help"], 0), (["-h"], 0), ([], 2)])
def test_help_is_german(capsys: pytest.CaptureFixture[str], argv: list[str], code: int) -> None:
    got, text = help_text(capsys, *argv)
    assert got == code
    assert text.startswith("Aufruf: scripts/new.sh")
    for word in ("Arten von Dateien", "Angaben", "diese Hilfe zeigen", "Beispiele", "presse", "massnahme", "draft: true"):
        assert word in text, word
    for english in ("usage:", "options:", "positional arguments", "show this help"):
        assert english not in text, english


def test_help_of_a_kind_is_german(capsys: pytest.CaptureFixture[str]) -> None:
    code, text = help_text(capsys, "presse", "--help")
    assert code == 0 and text.startswith("Aufruf: scripts/new.sh presse")
    assert "Entwurf (draft: true)" in text and "Titel der Meldung (Pflicht)" in text and "usage" not in text


@pytest.mark.parametrize(("argv", "message"), [
    (["pressse", "--titel", "x"], "Fehler: 'pressse' ist keine bekannte Art – meinten Sie presse?"),
    (["presse"], "Fehler: es fehlt: --titel"),
    (["presse", "--titel"], "Fehler: nach --titel fehlt der Wert"),
    (["organisation", "--name", "x", "--art", "kamer", "--quelle", "y"], "'kamer' ist für --art nicht möglich – meinten Sie kammer?"),
    (["presse", "--titel", "x", "--farbe", "rot"], "Fehler: unbekannte Angaben: --farbe rot"),
])
def test_command_line_errors_are_german(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    code, text = help_text(capsys, *argv)
    assert code == 2 and message in text, text
    assert "Aufruf:" in text and "error:" not in text and "usage:" not in text


def example_commands() -> list[list[str]]:
    """The example commands of ``scripts/new.sh --help`` and of the comment at the top of new.sh."""
    header = [line.removeprefix("#").strip() for line in (ROOT / "scripts" / "new.sh").read_text(encoding="utf-8").splitlines()
              if line.startswith("#   scripts/new.sh ")]
    examples = [line.strip() for line in EXAMPLES.splitlines() if line.startswith("  scripts/new.sh ")]
    assert header and len(examples) == 4
    return [shlex.split(line)[1:] for line in header + examples]


@pytest.mark.parametrize("argv", example_commands(), ids=lambda argv: argv[0])
def test_examples_in_the_help_work_with_the_shipped_data(data: Path, argv: list[str]) -> None:
    # Every id in the examples exists in data/, so an editor can run them as they are.
    for option, folder in (("--herausgeber", "organisations"), ("--initiative", "initiatives"), ("--massnahme", "measures"),
                           ("--quelle", "documents"), ("--region", "regions"), ("--verantwortlich", "organisations")):
        for index, arg in enumerate(argv[:-1]):
            if arg == option:
                assert list((ROOT / "data" / folder).glob(f"{argv[index + 1]}.*")), f"{argv[index + 1]} fehlt in data/{folder}/"
    assert main(["--daten", str(data), *argv]) == 0
    _loaded, problems = load_valid(data)
    assert not problems, problems.report()


# --- drafts and placeholders ---------------------------------------------------------------------


def test_press_item_is_a_draft_until_its_text_is_written(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--daten", str(data), "presse", "--titel", "Neu", "--datum", "2026-11-20"]) == 0
    assert "Entwurf (draft: true)" in capsys.readouterr().out
    path = data / "documents" / "neu.md"
    text = path.read_text(encoding="utf-8")
    assert "\ndraft: true\n" in text and PRESS_SUMMARY in text
    # Published as the guide says (the line draft: true deleted), the placeholder text is reported ...
    path.write_text(text.replace("draft: true\n", ""), encoding="utf-8")
    _loaded, problems = load_valid(data)
    assert [(p.field, p.message) for p in problems.sorted()] == [
        ("body", f"enthält noch den Platzhaltertext aus der Vorlage ('{PRESS_SUMMARY}')")]
    # ... until the editor's own summary replaces it.
    path.write_text(text.replace("draft: true\n", "").replace(f"{PRESS_SUMMARY} {PRESS_QUOTES}", "Eigene Worte."), encoding="utf-8")
    assert not load_valid(data)[1]


def test_placeholders_are_defined_once_and_used() -> None:
    # The check reads the phrases from the scaffold, not from a copy.
    assert validation.PLACEHOLDERS is PLACEHOLDERS
    guide = (ROOT / "docs" / "mitmachen" / "index.md").read_text(encoding="utf-8")
    templates = "".join(template(_args(), load_content(ROOT / "data")) for _, _, _, template in KINDS.values())
    for phrase, hint in PLACEHOLDERS.items():
        assert phrase in templates or phrase in guide, f"'{phrase}' steht in keiner Vorlage"
        assert hint


def _args() -> argparse.Namespace:
    return argparse.Namespace(titel="T", art="verband", datum="2026", herausgeber=None, url=None, initiative=None,
                              massnahme=None, quelle="loi-zukunftsdialog-industrie", status="empfohlen", verantwortlich=None,
                              name="N", region=None, website=None, beginn="2026", zusammenfassung="Z")


def test_new_measure_writes_history_as_the_shipped_files_do(data: Path) -> None:
    main(["--daten", str(data), "massnahme", "--titel", "Spalte", "--initiative", "masterplan-duisburg",
          "--status", "empfohlen", "--quelle", "loi-zukunftsdialog-industrie"])
    text = (data / "measures" / "spalte.yaml").read_text(encoding="utf-8")
    assert "\nhistory:\n- date: \"2023-01-20\"\n  status: empfohlen\n  sources: [loi-zukunftsdialog-industrie]\nsources:" in text
