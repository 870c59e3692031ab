"""The corpus of editors' mistakes (``tests/corpus.py``), run three ways.

1. ``portal.check.load_valid`` reports exactly the expected lines, all at once (fast, in-process).
2. The real ``mkdocs build --strict``: it stops with a non-zero exit code, prints the same German
   lines and no traceback, and leaves the previously published site folder untouched. Accepted
   cases build, and show planted HTML as text. Every case is built through MkDocs' command line code
   in one helper process (``corpus_builder.py``, fresh config per case); a few also run as separate
   ``mkdocs`` processes, to check the exit code of the executable itself.
3. The command line ``python -m portal.check`` exits 1 with the same lines for a handful of cases,
   and 0 for the valid fixture.

And the cases hold when every fixture file gains a line at the top: they name fixture lines by their
text (``{line:…}``, see ``tests/corpus.py``), not by number.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BIN, EPOCH, MINI, ROOT, builds, mini_data, mini_project
from corpus import CASES, LINE_OF, Case

from portal.check import load_valid

# Cases that take more than about 3 s even in the checker (ten files of 20,000 values each).
SLOW_CASES = {"dense-files"}
PARAMS = [pytest.param(case, id=case.id, marks=[pytest.mark.slow] if case.id in SLOW_CASES else [])
          for case in CASES]
OLD_SITE = "alte Fassung"
# A problem line as the build and the CLI print it: data/<file>:<line>:<column>: <message>
PROBLEM_LINE = re.compile(r"(data/.*?:\d+:\d+: .*)$", re.M)
BUILD_TIMEOUT = 60
# Cases also run through the real executables (each start costs about a second).
CLI_CASES = ["yaml-tab", "latin-1", "bom-in-reference", "duplicate-yaml-yml", "typo-nested", "several-files-at-once",
             "date-year-0000", "number-endless", "symlink-outside"]
EXECUTABLE_CASES = ["alias-bomb", "deep-nesting", "utf-16", "several-files-at-once", "html-in-prose", "symlink-outside",
                    "number-endless", "region-cycle"]


def corpus_data(tmp: Path, case: Case) -> Path:
    """A copy of the mini fixture as ``<tmp>/data`` with the case's change made."""
    data = mini_data(tmp / "data")
    case.apply(data)
    return data


def test_the_corpus_is_large_and_readable() -> None:
    ids = [case.id for case in CASES]
    assert len(CASES) >= 40
    assert len(ids) == len(set(ids)), "case ids must be unique"
    for case in CASES:
        assert case.write or case.edit or case.links or case.folders, case.id
        for line in case.expect:
            assert PROBLEM_LINE.fullmatch(LINE_OF.sub("1", line)), (case.id, line)
        assert not case.shows_as_text or not case.expect, f"{case.id}: only accepted content is built into pages"


@pytest.mark.parametrize("case", PARAMS)
def test_checker_reports_exactly_the_expected_lines(case: Case, tmp_path: Path) -> None:
    data = corpus_data(tmp_path, case)
    _, problems = load_valid(data)
    assert [problem.render() for problem in problems.sorted()] == list(case.expected(data))


# --- the real build ---------------------------------------------------------------------------


@dataclass
class BuildRun:
    """One ``mkdocs build --strict`` of a case: its project folder, exit code and output."""

    root: Path
    code: int | None  # None: the build did not finish within BUILD_TIMEOUT seconds
    output: str


def _project(tmp: Path, case: Case) -> Path:
    """A copy of the project with the case's data, and the site folder of an earlier good build."""
    root = mini_project(tmp)
    case.apply(root / "data")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text(OLD_SITE, encoding="utf-8")
    return root


def _env() -> dict[str, str]:
    return {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1", "PYTHONIOENCODING": "utf-8"}


@pytest.fixture(scope="session")
@builds(slow=True)  # every selected case: about 12 s for the whole corpus
def corpus_builds(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuildRun]:
    """Build every selected case with ``corpus_builder.py``: one process, a fresh MkDocs config per case.

    A separate ``mkdocs`` process per case costs about 0.7 s of imports each; in one process the
    whole corpus builds in a few seconds. ``test_mkdocs_command_*`` below runs the real executable.
    """
    selected = {item.callspec.params["case"].id for item in request.session.items
                if getattr(item, "originalname", "") == "test_build_stops_with_the_same_lines" and hasattr(item, "callspec")}
    roots = {case.id: _project(tmp_path_factory.mktemp(f"corpus-{case.id}"), case) for case in CASES if case.id in selected}
    if not roots:
        return {}
    command = [str(BIN / "python"), str(Path(__file__).with_name("corpus_builder.py")), str(BUILD_TIMEOUT),
               *map(str, roots.values())]
    # The builder stops any one build after BUILD_TIMEOUT; this outer limit only guards the builder itself.
    proc = subprocess.run(command, env=_env(), capture_output=True, text=True, encoding="utf-8",
                          timeout=BUILD_TIMEOUT + 5 * len(roots))
    assert proc.returncode == 0, proc.stderr
    results = [json.loads(line) for line in proc.stdout.splitlines()]
    return {case_id: BuildRun(root, result["code"], result["output"])
            for (case_id, root), result in zip(roots.items(), results, strict=True)}


def assert_build_outcome(case: Case, run: BuildRun) -> None:
    """A broken case stops the build with exactly its German lines and leaves site/ alone."""
    assert run.code is not None, f"build hung for {BUILD_TIMEOUT} s:\n{run.output}"
    assert "Traceback" not in run.output, run.output
    assert "root:x:0:" not in run.output, "a file outside the project reached the build log"
    assert PROBLEM_LINE.findall(run.output) == list(case.expected(run.root / "data")), run.output
    site = run.root / "site"
    if not case.expect:
        assert run.code == 0, run.output
        for url, text in case.shows_as_text:
            html = (site / url / "index.html").read_text(encoding="utf-8")
            article = BeautifulSoup(html, "html.parser").find("article")
            assert article is not None and text in article.get_text(), (url, text)
            assert text not in html, f"{url}: {text!r} reached the page as markup"
        return
    assert run.code != 0, run.output
    problems = "Ein Problem" if len(case.expect) == 1 else f"{len(case.expect)} Probleme"
    assert f"{problems} in den Inhalten; die Website wurde nicht gebaut." in run.output, run.output
    assert sorted(path.name for path in site.iterdir()) == ["index.html"], "a failed build wrote into site/"
    assert (site / "index.html").read_text(encoding="utf-8") == OLD_SITE


@pytest.mark.parametrize("case", PARAMS)
def test_build_stops_with_the_same_lines(case: Case, corpus_builds: dict[str, BuildRun]) -> None:
    assert_build_outcome(case, corpus_builds[case.id])


@pytest.mark.build
@pytest.mark.parametrize("case", [param for param in PARAMS if param.id in EXECUTABLE_CASES])
def test_mkdocs_command_exits_as_the_corpus_says(case: Case, tmp_path: Path) -> None:
    root = _project(tmp_path, case)
    try:
        proc = subprocess.run([str(BIN / "mkdocs"), "build", "--strict"], cwd=root, env=_env(),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=BUILD_TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        run = BuildRun(root, None, (exc.output or b"").decode("utf-8", errors="replace"))
    else:
        run = BuildRun(root, proc.returncode, proc.stdout.decode("utf-8", errors="replace"))
    assert_build_outcome(case, run)


# --- the command line -------------------------------------------------------------------------


def _check_command(data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([str(BIN / "python"), "-m", "portal.check", str(data)], cwd=ROOT / "hooks", env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)


@pytest.mark.parametrize("case", [param for param in PARAMS if param.id in CLI_CASES])
def test_check_command_prints_the_same_lines(case: Case, tmp_path: Path) -> None:
    data = corpus_data(tmp_path, case)
    proc = _check_command(data)
    assert proc.returncode == 1, proc.stderr
    count = len(case.expect)
    head = "1 Problem in den Inhalten:" if count == 1 else f"{count} Probleme in den Inhalten:"
    assert proc.stderr.splitlines() == [head] + [f"  {line}" for line in case.expected(data)]
    assert proc.stdout == ""


def test_check_command_accepts_the_valid_fixture() -> None:
    proc = _check_command(MINI)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Inhalte in Ordnung:")
    assert proc.stderr == ""


# --- the cases do not depend on the fixture's line numbers ---------------------------------------

SHIFTED = "# Eine Zeile mehr oben in der Datei: die Fälle nennen Zeilen über {line:…}, nicht als Zahl.\n"
PLACED = [param for param in PARAMS if any("{line:" in line for line in param.values[0].expect)
          and param.id not in SLOW_CASES]


def shifted_corpus_data(tmp: Path, case: Case) -> Path:
    """``corpus_data`` with a comment line added at the top of every fixture file first (in a
    Markdown file, as the first line of its front matter), so that every line moves down by one."""
    data = mini_data(tmp / "data")
    for path in sorted(data.rglob("*")):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".md":
                assert text.startswith("---\n"), path
                path.write_text("---\n" + SHIFTED + text.removeprefix("---\n"), encoding="utf-8")
            else:
                path.write_text(SHIFTED + text, encoding="utf-8")
    case.apply(data)
    return data


def test_most_cases_name_fixture_lines_by_their_text() -> None:
    assert len(PLACED) >= 60


@pytest.mark.parametrize("case", PLACED)
def test_a_line_added_to_every_fixture_file_breaks_no_case(case: Case, tmp_path: Path) -> None:
    data = shifted_corpus_data(tmp_path / "shifted", case)
    expected = case.expected(data)
    assert expected != case.expected(corpus_data(tmp_path / "plain", case)), "the added line moved nothing"
    _, problems = load_valid(data)
    assert [problem.render() for problem in problems.sorted()] == list(expected)
