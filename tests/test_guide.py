"""The editors' guide (docs/mitmachen/index.md): its examples are real. Valid examples pass the check
and appear on the built site; every error example produces exactly the message the guide shows."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, make_project, run_build

from portal.check import load_valid

GUIDE = ROOT / "docs" / "mitmachen" / "index.md"
BLOCK = re.compile(r'^```\{\.(?P<lang>\w+) #(?P<id>[\w-]+)(?: title="(?P<title>[^"]*)")?\}\n(?P<body>.*?)^```$', re.M | re.S)


def examples() -> dict[str, tuple[str, str]]:
    """Code blocks of the guide by id: (title, text)."""
    return {m["id"]: (m["title"] or "", m["body"]) for m in BLOCK.finditer(GUIDE.read_text(encoding="utf-8"))}


def write_example(data: Path, block_id: str) -> Path:
    title, body = examples()[block_id]
    target = data.parent / title
    target.write_text(body, encoding="utf-8")
    return target


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def test_guide_has_the_promised_examples() -> None:
    found = examples()
    for block_id in ("beispiel-presse", "beispiel-massnahme", "beispiel-fortschreibung", "beispiel-organisation"):
        assert block_id in found
    errors = [key for key in found if key.startswith("fehler-")]
    assert len(errors) >= 3
    for key in errors:
        assert f"meldung-{key.removeprefix('fehler-')}" in found, key


def add_valid_examples(data: Path) -> None:
    for block_id in ("beispiel-presse", "beispiel-massnahme", "beispiel-organisation"):
        write_example(data, block_id)
    measure = data / "measures" / "beispiel-gewerbeflaechen.yaml"
    measure.write_text(measure.read_text(encoding="utf-8") + examples()["beispiel-fortschreibung"][1], encoding="utf-8")


def test_valid_examples_pass_the_check(data: Path) -> None:
    add_valid_examples(data)
    loaded, problems = load_valid(data)
    assert not problems, problems.report()
    history = loaded.records["measures"]["beispiel-gewerbeflaechen"].history  # type: ignore[attr-defined]
    assert [entry.status for entry in history] == ["empfohlen", "beschlossen"]


@pytest.mark.parametrize("name", sorted(key.removeprefix("fehler-") for key in examples() if key.startswith("fehler-")))
def test_error_examples_give_the_messages_the_guide_shows(data: Path, name: str) -> None:
    write_example(data, f"fehler-{name}")
    _loaded, problems = load_valid(data)
    shown = examples()[f"meldung-{name}"][1].strip().splitlines()
    assert sorted(p.render() for p in problems.sorted()) == sorted(shown)


def test_messages_in_the_table_exist_in_the_checks() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    table = text[text.index("| Meldung | Bedeutung |"):]
    fragments = re.findall(r"^\| `([^`]+)` \|", table, re.M)
    source = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "hooks" / "portal").glob("*.py"))
    assert len(fragments) >= 8
    for fragment in fragments:
        for piece in re.split(r"…|data/…", fragment):
            assert piece.strip(" '") in source, fragment


def test_examples_appear_on_the_built_site(tmp_path: Path) -> None:
    project = make_project(tmp_path, None)
    add_valid_examples(project / "data")
    build = run_build(project)
    assert build.returncode == 0, build.output
    press = build.text("quellen/beispiel-pressemitteilung/")
    assert "Lenkungskreis berät über Gewerbeflächen" in press
    measure = build.html("massnahmen/beispiel-gewerbeflaechen/")
    history = measure.find("ol", class_="portal-history").find_all("li")
    assert len(history) == 2 and "beschlossen" in history[0].get_text()
    assert measure.find("a", href="../../quellen/beispiel-pressemitteilung/") is not None
    assert "Beispielverband der Industrie" in build.text("partner/beispiel-verband/")
    initiative = build.html("initiativen/masterplan-duisburg/")
    assert initiative.find("a", href="../../massnahmen/beispiel-gewerbeflaechen/") is not None
    guide = build.html("mitmachen/")
    assert guide.find(id="beispiel-presse") is not None
