"""Problems found in the content, collected rather than raised, so an editor sees all of them at once."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing an editor has to fix, with where it is and what is expected instead."""

    path: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""

    def render(self) -> str:
        """``datei:zeile:spalte: Feld 'x': Meldung (Hinweis)`` — the format editors' tools link to."""
        where = f"{self.path}:{self.line}:{self.column}"
        what = f"Feld '{self.field}': {self.message}" if self.field else self.message
        return f"{where}: {what}" + (f" – {self.hint}" if self.hint else "")

    def sort_key(self) -> tuple[str, int, int]:
        return (self.path, self.line, self.column)


@dataclass
class ProblemList:
    """An ordered collection of problems; empty means the content is valid."""

    items: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    def extend(self, problems: list[Problem]) -> None:
        self.items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.sorted())

    def sorted(self) -> list[Problem]:
        # The same problem can be reached twice (for example a bad id used as a file name and a field).
        unique = {(p.path, p.line, p.column, p.field, p.message): p for p in self.items}
        return sorted(unique.values(), key=Problem.sort_key)

    def report(self) -> str:
        """A German report: a summary line, then one problem per line."""
        lines = [p.render() for p in self.sorted()]
        count = len(lines)
        head = "1 Problem in den Inhalten" if count == 1 else f"{count} Probleme in den Inhalten"
        return f"{head}:\n" + "\n".join(f"  {line}" for line in lines)


class ContentError(Exception):
    """Raised once, after loading and validation, when the content has problems."""

    def __init__(self, problems: ProblemList) -> None:
        self.problems = problems
        super().__init__(problems.report())
