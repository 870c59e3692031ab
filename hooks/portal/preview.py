"""The live preview's memory: the last portal built from content without problems.

Why this one piece of state outlives a build: for every rebuild of ``mkdocs serve`` MkDocs loads a
fresh configuration and imports the hook module anew, so nothing kept in the hook or the config
survives from one build to the next. This package is imported once per process and stays, so the
preview keeps the last good ``Portal`` here. While the files have problems the preview shows that
portal's content with the *new* problems: every page an editor may have open keeps answering (and
so keeps its live reload), and the next good save replaces it. Before any content was good it shows
an empty portal, whose pages say so instead of presenting empty lists as fact.

Nothing read from the content may stop the preview: an unexpected exception while reading (a bug,
not an editor's mistake) becomes one more problem in the banner. A real build never uses this
module: ``mkdocs build`` fails on any problem.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .problems import ContentError, Problem, ProblemList

if TYPE_CHECKING:
    from .site import Portal

INTERNAL = "interner Fehler beim Lesen der Inhalte"
# The exception's text is shown in the banner and the log; a repr of a huge value should not flood them.
MAX_DETAIL = 300


class Build(Protocol):
    """Creates the portal from the files (raising ``ContentError`` on problems), or, with
    ``content=False``, an empty one with the same settings."""

    def __call__(self, *, content: bool = True) -> Portal:
        """The portal read from the files; with ``content=False`` one that reads no files at all."""


class InternalProblem(Problem):
    """A problem that is not at a place in a file: rendered as its message alone."""

    def render(self) -> str:
        """Message and hint only: an exception in the code has no place in a content file."""
        return f"{self.message} – {self.hint}" if self.hint else self.message


def internal_problem(error: Exception) -> Problem:
    """The banner line for an unexpected exception: what it was and where in the code it came from."""
    detail = " ".join(f"{type(error).__name__}: {error}".split())
    if len(detail) > MAX_DETAIL:
        detail = detail[:MAX_DETAIL] + " …"
    where = ""
    if frames := traceback.extract_tb(error.__traceback__):
        file = Path(frames[-1].filename)
        where = f" ({file.parent.name}/{file.name}, Zeile {frames[-1].lineno})"
    return InternalProblem("", 0, 0, "", f"{INTERNAL}: {detail}{where}",
                           "ein Fehler des Portals, nicht der Inhalte: bitte mit dieser Zeile melden")


class LastGood:
    """Builds the portal for the preview and remembers the last one built without problems."""

    def __init__(self) -> None:
        self.portal: Portal | None = None
        # The full traceback of the last build's unexpected exception ('' if there was none), for the log.
        self.traceback = ""

    def show(self, build: Build) -> Portal:
        """The portal the preview shows now.

        Good content: the new portal, remembered. Problems (or an unexpected exception): the last good
        portal with the new problems, or, if there never was good content, an empty portal with them.
        Only the empty portal's own construction, which reads no files, may still raise.
        """
        self.traceback = ""
        try:
            portal = build()
        except ContentError as error:
            problems = error.problems
        except Exception as error:  # anything else a file can provoke must not end the preview
            self.traceback = traceback.format_exc()
            problems = ProblemList([internal_problem(error)])
        else:
            self.portal = portal
            return portal
        return (self.portal or build(content=False)).showing(problems)


# The one instance of the running ``mkdocs serve`` (see the module's docstring).
LAST_GOOD = LastGood()
