"""Broken content stops the build (plain and --strict) with German messages, and publishes nothing."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from conftest import BIN, EPOCH, builds, line_of, mini_project


@pytest.fixture()
@builds
def broken_project(tmp_path: Path) -> Path:
    root = mini_project(tmp_path, ("measures/glasfaser.yaml", "owner: stadt-test", "owner: stadt-tset"),
                        write={"topics/kaputt.yaml": "name: Kaputt\ntitel: Tippfehler\n"})
    # A site from an earlier good build: a failed build must leave it untouched, not half-replaced.
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("alte Fassung", encoding="utf-8")
    return root


@pytest.mark.parametrize("strict", [True, False])
def test_broken_content_stops_the_build_with_every_problem(broken_project: Path, strict: bool) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    args = [str(BIN / "mkdocs"), "build"] + (["--strict"] if strict else [])
    proc = subprocess.run(args, cwd=broken_project, env=env, capture_output=True, text=True, timeout=300)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "data/topics/kaputt.yaml:2:1: Feld 'titel': ist kein bekanntes Feld" in output
    line = line_of(broken_project / "data" / "measures" / "glasfaser.yaml", "owner: stadt-tset")
    assert f"data/measures/glasfaser.yaml:{line}:1: Feld 'owner': 'stadt-tset' gibt es nicht" in output
    assert "meinten Sie stadt-test?" in output
    assert "die Website wurde nicht gebaut" in output
    assert "Traceback" not in output
    assert (broken_project / "site" / "index.html").read_text(encoding="utf-8") == "alte Fassung"
    assert sorted(p.name for p in (broken_project / "site").iterdir()) == ["index.html"]


def test_check_command_reports_the_same_without_building(broken_project: Path) -> None:
    proc = subprocess.run([str(BIN / "python"), "-m", "portal.check", str(broken_project / "data")],
                          cwd=broken_project / "hooks", capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr.startswith("2 Probleme in den Inhalten:")
    assert "Traceback" not in proc.stderr
