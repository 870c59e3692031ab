"""Problems found in the content, collected rather than raised, so an editor sees all of them at once."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

# German names for the invisible characters editors most often paste in by accident (from Word,
# PDFs, web pages, Windows editors). Others are named by their Unicode name.
INVISIBLE_NAMES: dict[str, str] = {
    "\ufeff": "Byte-Order-Mark",
    "\u200b": "Leerzeichen ohne Breite",
    "\u200c": "Bindehemmer ohne Breite",
    "\u200d": "Verbinder ohne Breite",
    "\u2060": "Wortverbinder",
    "\u00ad": "weiches Trennzeichen",
    "\u00a0": "geschütztes Leerzeichen",
    "\u202f": "schmales geschütztes Leerzeichen",
    "\u200e": "Schreibrichtung links-nach-rechts",
    "\u200f": "Schreibrichtung rechts-nach-links",
    "\x00": "Null-Byte",
    "\x0b": "vertikaler Tabulator, ein Zeilenumbruch aus Word",
    "\x0c": "Seitenvorschub",
    "\x1b": "Escape",
}


def is_invisible(char: str) -> bool:
    """True for characters that show as nothing or as a plain space (format, control, odd spaces)."""
    if char in "\n\t ":
        return False
    return unicodedata.category(char) in ("Cf", "Cc", "Zs", "Zl", "Zp")


def char_name(char: str) -> str:
    """``U+200B (Leerzeichen ohne Breite)``: a name an editor can search for."""
    name = INVISIBLE_NAMES.get(char) or unicodedata.name(char, "Steuerzeichen")
    return f"U+{ord(char):04X} ({name})"


def undecodable(text: str) -> str:
    """``text`` with the bytes of a non-UTF-8 file name (kept by Python as surrogates) written as ``[0xE4]``.

    Such a name cannot be printed as it is; written out, it reads the same in the log and the terminal.
    """
    return "".join(f"[0x{ord(c) - 0xDC00:02X}]" if "\udc80" <= c <= "\udcff" else c for c in text)


def visible(text: str) -> str:
    """``text`` with every invisible character written as ``[U+200B]``, so messages never hide it."""
    return "".join(f"[U+{ord(c):04X}]" if is_invisible(c) else c for c in undecodable(text))


class Fault(ValueError):
    """A wrong value found by a validator, with a German hint on what to write instead.

    pydantic keeps the exception in the error's context, so the hint reaches the editor.
    """

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


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
        """``datei:zeile:spalte: Feld 'x': Meldung – Hinweis`` — the format editors' tools link to.

        Invisible characters in field, message and hint are written out (``[U+FEFF]``): a message
        that quotes ``'stadt-test'`` while the file says ``'\ufeffstadt-test'`` would only confuse.
        The path stays as it is, so editors' tools can still open the file (only bytes that are not
        UTF-8 are written out, since they cannot be printed).
        """
        return f"{undecodable(self.path)}:{self.line}:{self.column}: {self.text()}"

    def text(self) -> str:
        """The problem without its place: ``Feld 'x': Meldung – Hinweis``."""
        what = f"Feld '{visible(self.field)}': {visible(self.message)}" if self.field else visible(self.message)
        return what + (f" – {visible(self.hint)}" if self.hint else "")

    def sort_key(self) -> tuple[str, int, int]:
        """The order of the report: by file, then line, then column."""
        return (self.path, self.line, self.column)


@dataclass
class ProblemList:
    """An ordered collection of problems; empty means the content is valid."""

    items: list[Problem] = field(default_factory=list)

    def extend(self, problems: list[Problem]) -> None:
        """Add problems as found; repeats are dropped only when the list is sorted or reported."""
        self.items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.sorted())

    def sorted(self) -> list[Problem]:
        """Each problem once (same place, field and message), by file, line and column."""
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
