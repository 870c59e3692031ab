"""The scaffolding command: every kind of new file it writes is valid at once; nothing invalid stays."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

from portal.check import load_valid
from portal.scaffold import main, slug


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
     "initiatives/mp-beispiel.yaml", {"title": "Masterplan Beispiel", "status": "unklar"}),
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
