"""The content check speaks to editors in GitHub Actions: an annotation on each problem's line and a
German job summary. GitHub's formats are checked here, on the real command (scripts/check.sh)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import yaml
from conftest import MINI, ROOT, mini_data

from portal import ci
from portal.check import load_valid
from portal.problems import Problem

WORKFLOW_COMMAND = re.compile(r"^::error file=(?P<file>[^,]*),line=(?P<line>\d+),col=(?P<col>\d+),title=(?P<title>[^:]*)::(?P<text>.*)$")
GITHUB = {"GITHUB_ACTIONS": "true", "GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "nrw/portal",
          "GITHUB_SHA": "0123abc"}


def _unescape(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def _check(data: Path, summary: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **GITHUB, "GITHUB_STEP_SUMMARY": str(summary), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([str(ROOT / "scripts" / "check.sh"), str(data)], env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_every_problem_becomes_an_annotation_on_its_line(tmp_path: Path) -> None:
    data = mini_data(tmp_path / "data", ("measures/glasfaser.yaml", "owner: stadt-test", "owner: stadt-tset"),
                     write={"topics/neu.yaml": "name: Neu\ndescription: 100% sicher: ja, wirklich\n  zweite: Zeile\n"})
    summary = tmp_path / "summary.md"
    proc = _check(data, summary)
    assert proc.returncode == 1
    _, problems = load_valid(data)
    expected = problems.sorted()
    commands = [WORKFLOW_COMMAND.match(line) for line in proc.stdout.splitlines()]
    assert all(commands) and len(commands) == len(expected) == 2, proc.stdout
    for match, problem in zip(commands, expected, strict=True):
        assert match is not None
        assert (_unescape(match["file"]), int(match["line"]), int(match["col"])) == (problem.path, problem.line, problem.column)
        assert match["file"].startswith("data/")
        assert _unescape(match["text"]) == problem.text()
        assert _unescape(match["title"]).startswith("Inhalte prüfen")
    # The German report still goes to the log, as on an editor's machine.
    assert proc.stderr.startswith("2 Probleme in den Inhalten:")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Inhalte prüfen: 2 Probleme")
    assert "| [`data/measures/glasfaser.yaml`](https://github.com/nrw/portal/blob/0123abc/data/measures/glasfaser.yaml#L6) | 6 | owner |" in text
    assert "meinten Sie stadt-test?" in text
    assert "(https://github.com/nrw/portal/blob/0123abc/docs/mitmachen/index.md#was-die-fehlermeldungen-bedeuten)" in text
    # The guide really has the heading the summary links to.
    assert "## Was die Fehlermeldungen bedeuten" in (ROOT / "docs" / "mitmachen" / "index.md").read_text(encoding="utf-8")


def test_good_content_gives_a_green_summary_and_no_annotation(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    proc = _check(MINI, summary)
    assert proc.returncode == 0, proc.stderr
    assert "::error" not in proc.stdout
    assert summary.read_text(encoding="utf-8").startswith("## Inhalte prüfen: alles in Ordnung")


def test_outside_github_actions_nothing_is_annotated(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("GITHUB_")}
    proc = subprocess.run([str(ROOT / "scripts" / "check.sh"), str(MINI)], env=env, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0 and "::" not in proc.stdout


def test_annotation_escapes_what_would_end_or_split_a_workflow_command() -> None:
    problem = Problem("data/topics/a.yaml", 3, 7, "name", "100% falsch:\nzweite Zeile", "a, b: c")
    line = ci.annotation(problem)
    assert line == ("::error file=data/topics/a.yaml,line=3,col=7,title=Inhalte prüfen%3A Feld 'name'::"
                    "Feld 'name': 100%25 falsch:%0Azweite Zeile – a, b: c")
    assert "\n" not in line
    summary = ci.summary([Problem("data/x.yaml", 1, 1, "", "a | b", "")], {}, {})
    assert "| `data/x.yaml` | 1 | – | a \\| b | – |" in summary


def test_workflow_checks_content_first_and_publishes_only_with_an_operator() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    content = jobs["content"]
    assert content["name"] == "Inhalte prüfen"
    assert any(step.get("run") == "scripts/check.sh" for step in content["steps"])
    assert set(jobs["build"]["needs"]) == {"content", "test"}
    assert jobs["deploy"]["needs"] == "build"
    build_steps = [step for step in jobs["build"]["steps"] if "mkdocs build --strict" in step.get("run", "")]
    assert build_steps and build_steps[0]["env"]["PORTAL_PUBLISH"] == "1"
    # On every push and pull request, not only on main.
    assert {"push", "pull_request"} <= set(workflow[True] if True in workflow else workflow["on"])
