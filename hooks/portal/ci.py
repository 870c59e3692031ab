"""Problems in the words GitHub Actions shows to editors: annotations on the line, a job summary.

``scripts/check.sh`` prints every problem as a workflow command
(``::error file=…,line=…,col=…,title=…::…``), which GitHub shows on that line of the file in a pull
request's "Files changed" tab and in the run, and writes a German summary for the run's page
(``$GITHUB_STEP_SUMMARY``). Both formats are GitHub's documented ones:
https://docs.github.com/actions/reference/workflow-commands-for-github-actions
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .problems import Problem

GUIDE = "docs/mitmachen/index.md"
GUIDE_ANCHOR = "was-die-fehlermeldungen-bedeuten"


def _data(text: str) -> str:
    # A workflow command ends at the line break; % starts an escape (GitHub's own escaping rules).
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    """One ``::error`` workflow command for ``problem``: file, line and column, a title, the German text."""
    title = f"Inhalte prüfen: Feld '{problem.field}'" if problem.field else "Inhalte prüfen"
    where = f"file={_property(problem.path)},line={problem.line},col={problem.column},title={_property(title)}"
    return f"::error {where}::{_data(problem.text())}"


def _blob(env: Mapping[str, str]) -> str:
    """The address of the checked commit's files on GitHub ('' outside GitHub Actions)."""
    server, repository, sha = env.get("GITHUB_SERVER_URL"), env.get("GITHUB_REPOSITORY"), env.get("GITHUB_SHA")
    return f"{server}/{repository}/blob/{sha}/" if server and repository and sha else ""


def guide_url(env: Mapping[str, str]) -> str:
    """The guide's table of messages in the repository at the checked commit (or the relative path)."""
    return f"{_blob(env)}{GUIDE}#{GUIDE_ANCHOR}"


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split()) or "–"


def summary(problems: list[Problem], counts: Mapping[str, int], env: Mapping[str, str]) -> str:
    """The job summary in Markdown: what is wrong, where, what to write instead, and the guide."""
    if not problems:
        listed = ", ".join(f"{count} {name}" for name, count in counts.items())
        return f"## Inhalte prüfen: alles in Ordnung\n\nGeprüft: {listed}.\n"
    head = "1 Problem" if len(problems) == 1 else f"{len(problems)} Probleme"
    lines = [
        f"## Inhalte prüfen: {head}",
        "",
        "Die Website wird erst gebaut, wenn alles behoben ist. Jede Stelle ist in der Datei markiert "
        "(im Pull Request unter „Files changed“).",
        "",
        "| Datei | Zeile | Feld | Was nicht stimmt | Was zu tun ist |",
        "|---|---:|---|---|---|",
    ]
    blob = _blob(env)
    for p in problems:
        # The file links to its line on GitHub, where "Edit" is one click away.
        where = f"[`{_cell(p.path)}`]({blob}{p.path}#L{p.line})" if blob else f"`{_cell(p.path)}`"
        lines.append(f"| {where} | {p.line} | {_cell(p.field)} | {_cell(p.message)} | {_cell(p.hint)} |")
    lines += ["", f"Was die Meldungen bedeuten: [Anleitung für Redaktionen]({guide_url(env)})", ""]
    return "\n".join(lines)
