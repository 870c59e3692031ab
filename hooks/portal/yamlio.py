"""Reading YAML the careful way: keep line numbers for every field, refuse what PyYAML lets slip.

PyYAML silently keeps the last of two equal keys and turns ``2023-01-20`` into a date object. Here
every value is built from PyYAML's node tree, so each field remembers its line and column, duplicate
keys become problems, dates stay text (``dates.VagueDate`` parses them), and aliases cannot expand
into millions of nodes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem, char_name

Path = tuple[str | int, ...]
# Values in one file: the largest real content file has about 350, so this is over fifty times that.
# It bounds the work one file can cause, and stops "billion laughs" alias bombs long before memory
# runs out (aliases are expanded, and counted, while the values are built).
MAX_NODES = 20_000
# libyaml composes recursively in C; far more nested [ and { than any content file needs go the
# pure-Python way, which turns too deep nesting into a RecursionError instead of a crash.
MAX_FAST_BRACKETS = 1_000
_TAG_PREFIX = "tag:yaml.org,2002:"
_STR_TAG = _TAG_PREFIX + "str"


class _Loader(yaml.SafeLoader):
    """SafeLoader without timestamp resolution: dates are parsed by the content model instead.

    Pure Python: its error messages and positions are the ones ``_YAML_MESSAGES`` translates."""


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same rules with libyaml's C parser: about ten times faster for large files."""


for _cls in (_Loader, _FastLoader):
    _cls.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def _compose(text: str) -> tuple[Any, yaml.Node | None]:
    """The document's node tree and the loader that made it (needed to build values from nodes).

    libyaml does the work; only if it finds a problem (or the file nests very deeply) does the
    pure-Python parser run again, for the exact messages and positions that editors are shown.
    """
    if text.count("[") + text.count("{") <= MAX_FAST_BRACKETS:
        fast = _FastLoader(text)
        try:
            return fast, fast.get_single_node()
        except yaml.YAMLError:
            fast.dispose()
    loader = _Loader(text)
    return loader, loader.get_single_node()


@dataclass
class Parsed:
    """A YAML document as plain Python data plus the position of every field and list item."""

    data: Any
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path) -> tuple[int, int]:
        """Line and column of ``path``, or of its closest parent that has a position."""
        for cut in range(len(path), -1, -1):
            if path[:cut] in self.positions:
                return self.positions[path[:cut]]
        return (1, 1)


class _Builder:
    """Turns PyYAML's node tree into plain data, noting positions and problems on the way."""

    def __init__(self, loader: Any, path: str, line_offset: int, tags: bool = True) -> None:
        self.loader = loader
        # Every explicit tag (!!binary, !ENV, !<…>) is written with a "!": a text without one has none.
        self.tags = tags
        self.file = path
        self.offset = line_offset
        self.count = 0
        self.positions: dict[Path, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        # Node ids already built: meeting one again means an alias (*name) is being expanded.
        self.seen: set[int] = set()
        self.first_alias: yaml.Node | None = None

    def mark(self, node: yaml.Node) -> tuple[int, int]:
        return (node.start_mark.line + 1 + self.offset, node.start_mark.column + 1)

    def build(self, node: yaml.Node, path: Path) -> Any:
        self.count += 1
        if id(node) in self.seen and self.first_alias is None:
            self.first_alias = node
        self.seen.add(id(node))
        if self.count > MAX_NODES:
            raise _TooLarge(self.first_alias or node, aliased=self.first_alias is not None)
        self.positions.setdefault(path, self.mark(node))
        if self.tags and (tag := self.explicit_tag(node)):
            raise _Refused(node, path, f"'{tag}' vor dem Wert ist eine YAML-Typangabe und nicht erlaubt",
                           'die Typangabe löschen; Text, der mit ! beginnt, in Anführungszeichen "…" setzen')
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        if node.tag == _STR_TAG:
            return node.value  # what PyYAML's constructor returns for text, without its bookkeeping
        try:
            value = self.loader.construct_object(node)
        except ValueError:
            # Python refuses to read integers of more than 4,300 digits (a guard against slow parsing).
            raise _Refused(node, path, f"die Zahl hat {len(node.value):,} Stellen und ist damit viel zu lang".replace(",", "."),
                           "Tippfehler? Zahlen ohne Tausenderpunkte und höchstens mit 15 Stellen schreiben") from None
        if isinstance(value, float) and not node.style and _THOUSANDS.fullmatch(node.value):
            line, col = self.positions[path]
            self.problems.append(Problem(
                self.file, line, col, dotted(path),
                f"'{node.value}' liest YAML als Kommazahl {str(value).replace('.', ',')}, nicht als {node.value.replace('.', '')}",
                f"Zahlen ohne Tausenderpunkte schreiben: {node.value.replace('.', '')}; "
                "ist wirklich eine Kommazahl gemeint, eine Null anhängen (z. B. 1.2340)",
            ))
        return value

    def explicit_tag(self, node: yaml.Node) -> str:
        """The type tag written before a value (``!!binary``, ``!ENV``), or '' if YAML chose the type itself.

        Tags make PyYAML build other things than text, lists and fields: none is needed in content,
        and on lists and fields they would otherwise be silently ignored."""
        if isinstance(node, yaml.ScalarNode):
            # Plain values get their type from their text (1 → int); quoted and block text is always str.
            # (A plain value's style is None in PyYAML's parser and '' in libyaml's.)
            resolved = self.loader.resolve(yaml.ScalarNode, node.value, (not node.style, True))
        else:
            resolved = self.loader.resolve(type(node), None, True)
        if node.tag == resolved:
            return ""
        return "!!" + node.tag.removeprefix(_TAG_PREFIX) if node.tag.startswith(_TAG_PREFIX) else node.tag

    def mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if key_node.tag == _STR_TAG and isinstance(key_node, yaml.ScalarNode) else self.loader.construct_object(key_node)
            if not isinstance(key, str):
                line, col = self.mark(key_node)
                self.problems.append(Problem(self.file, line, col, "", f"Ein Feldname muss Text sein, gefunden: {_describe_key(key)}",
                                             "Feldnamen sind die englischen Namen aus der Anleitung, z. B. title oder sources"))
                continue
            if key in result:
                line, col = self.mark(key_node)
                first = self.positions[path + (key,)][0]
                self.problems.append(Problem(
                    self.file, line, col, dotted(path + (key,)),
                    f"steht doppelt (zuerst in Zeile {first})",
                    "jedes Feld darf nur einmal vorkommen; die beiden Einträge zusammenführen",
                ))
                continue
            self.positions[path + (key,)] = self.mark(key_node)
            result[key] = self.build(value_node, path + (key,))
        return result


# "100.000" is a thousands separator to a German reader and the float 100.0 to YAML.
_THOUSANDS = re.compile(r"\d{1,3}\.\d{3}")


class _Refused(Exception):
    """A value the content may not hold (a type tag, an endless number): the file is not read further."""

    def __init__(self, node: yaml.Node, path: Path, message: str, hint: str) -> None:
        super().__init__(message)
        self.node, self.path, self.message, self.hint = node, path, message, hint


class _TooLarge(Exception):
    """Raised when a file holds more values than any real content file; ``aliased`` if via & and *."""

    def __init__(self, node: yaml.Node, aliased: bool) -> None:
        super().__init__()
        self.node = node
        self.aliased = aliased


def _describe_key(key: Any) -> str:
    if key is None:
        return "nichts"
    if isinstance(key, bool):
        return f"der Wahrheitswert {str(key).lower()}"
    if isinstance(key, list | dict):
        return "eine Liste oder ein Abschnitt"
    return repr(key) if isinstance(key, str) else str(key)


def dotted(path: Path) -> str:
    """``('bodies', 0, 'chairs')`` → ``bodies[1].chairs`` (1-based, as editors count)."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out



def parse_yaml(text: str, path: str, line_offset: int = 0) -> tuple[Parsed | None, list[Problem]]:
    """Parse one YAML document; return the data with positions, or None and the problems found."""
    loader: Any = None
    try:
        # The loader checks for control characters as soon as it is created, so it is inside the try.
        loader, node = _compose(text)
        if node is None:
            return Parsed(None), []
        builder = _Builder(loader, path, line_offset, tags="!" in text)
        data = builder.build(node, ())
        return Parsed(data, builder.positions), builder.problems
    except _Refused as exc:
        line, col = exc.node.start_mark.line + 1 + line_offset, exc.node.start_mark.column + 1
        return None, [Problem(path, line, col, dotted(exc.path), exc.message, exc.hint)]
    except _TooLarge as exc:
        line, col = exc.node.start_mark.line + 1 + line_offset, exc.node.start_mark.column + 1
        if exc.aliased:
            return None, [Problem(path, line, col, "",
                                  f"Die Datei enthält zu viele Einträge: ihre Verweise (& und *) entfalten sich zu mehr als {MAX_NODES:,} Werten".replace(",", "."),
                                  "Verweise mit & und * sind in Inhaltsdateien nicht nötig; die Werte ausschreiben")]
        return None, [Problem(path, line, col, "",
                              f"Die Datei enthält zu viele Einträge: mehr als {MAX_NODES:,} Werte; so viele liest das Portal aus einer Datei nicht".replace(",", "."),
                              "die Inhalte auf mehrere Dateien verteilen")]
    except RecursionError:
        # PyYAML builds nested lists recursively; "[[[[…" thousands deep would otherwise crash the build.
        return None, [Problem(path, 1 + line_offset, 1, "", "Die Datei ist zu tief verschachtelt",
                              "so viele Ebenen aus [ ], { } oder Einrückungen braucht kein Inhalt; Klammern und Einrückung prüfen")]
    except yaml.reader.ReaderError as exc:
        line, col = _line_col(text, exc.position)
        return None, [Problem(path, line + line_offset, col, "",
                              f"Die Datei enthält ein unzulässiges Steuerzeichen: {char_name(_char(exc.character))}",
                              "das unsichtbare Zeichen löschen (es kommt oft beim Kopieren aus Word oder PDF mit)")]
    except yaml.MarkedYAMLError as exc:
        message, hint, mark = _german_yaml(exc)
        line = (mark.line + 1 if mark else 1) + line_offset
        column = mark.column + 1 if mark else 1
        return None, [Problem(path, line, column, "", f"YAML-Syntaxfehler: {message}", hint)]
    except yaml.YAMLError as exc:
        return None, [Problem(path, 1 + line_offset, 1, "", f"YAML-Fehler: {exc} (Originalmeldung)", _GENERIC_HINT)]
    finally:
        if loader is not None:
            loader.dispose()


def _char(character: int | str) -> str:
    # PyYAML reports the offending character as a code point or as a one-character string.
    return chr(character) if isinstance(character, int) else str(character)[:1]


def _line_col(text: str, position: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


_GENERIC_HINT = "Einrückung mit Leerzeichen (keine Tabulatoren), Doppelpunkte und Anführungszeichen prüfen"
_QUOTE_HINT = 'den ganzen Text in Anführungszeichen "…" setzen'

# PyYAML's English problem text → German message and hint. The first match wins; ``opening`` means
# the error is reported where the unclosed thing (quote, bracket) began, which is where to fix it.
_YAML_MESSAGES: list[tuple[str, str, str, bool]] = [
    (r"found character '\\t' that cannot start any token|found a tab character",
     "Tabulatorzeichen sind in YAML nicht erlaubt", "mit Leerzeichen einrücken (im Editor Tabulatoren durch Leerzeichen ersetzen)", False),
    (r"mapping values are not allowed here",
     "ein Doppelpunkt mit Leerzeichen (': ') steht an einer Stelle, an der kein Feld beginnen kann",
     f"enthält der Text einen Doppelpunkt, {_QUOTE_HINT}; sonst Einrückung und den Doppelpunkt nach dem Feldnamen in der Zeile davor prüfen", False),
    (r"could not find expected ':'",
     "nach dem Feldnamen fehlt ein Doppelpunkt", "'feld: wert' schreiben, mit einem Leerzeichen nach dem Doppelpunkt", False),
    (r"while scanning a quoted scalar",
     "ein Anführungszeichen wird hier geöffnet, aber nicht wieder geschlossen", "das passende schließende Anführungszeichen ergänzen", True),
    (r"found unexpected end of stream",
     "die Datei endet mitten in einem Wert", "Anführungszeichen und Klammern prüfen", False),
    (r"expected <block end>, but found '-'",
     "ein Listeneintrag ('- ') ist falsch eingerückt", "alle Einträge einer Liste gleich weit einrücken", False),
    (r"expected <block end>, but found '<scalar>'",
     "nach dem Wert steht in derselben Zeile noch Text",
     "beginnt der Text mit einem Anführungszeichen, den ganzen Text in einfache Anführungszeichen '…' setzen", False),
    (r"expected <block end>|did not find expected key|expected <block mapping start>",
     "die Einrückung passt nicht zu den Zeilen davor", "Felder derselben Ebene gleich weit mit Leerzeichen einrücken", False),
    (r"while parsing a flow sequence|expected ',' or ']'",
     "eine Liste, die hier mit [ beginnt, wird nicht richtig mit ] geschlossen", "die Einträge durch Kommas trennen und mit ] schließen", True),
    (r"while parsing a flow mapping|expected ',' or '}'",
     "ein Abschnitt, der hier mit { beginnt, wird nicht richtig mit } geschlossen", "die Felder durch Kommas trennen und mit } schließen", True),
    (r"expected the node content, but found '<stream end>'",
     "die Datei endet, bevor eine mit [ oder { begonnene Liste geschlossen ist", "die Klammer schließen: ] zu [ und } zu {", False),
    (r"expected the node content",
     "hier fehlt ein Wert", "Klammern [ ] und { } prüfen", False),
    (r"found undefined alias|while scanning an alias|while scanning an anchor",
     "ein Wert beginnt mit * oder &, die in YAML Verweise einleiten",
     'Text, der mit * oder & beginnt (etwa Markdown **fett**), in Anführungszeichen "…" setzen', True),
    (r"found character '(?P<char>.)' that cannot start any token",
     "das Zeichen {char} darf einen Wert nicht beginnen", _QUOTE_HINT, False),
    (r"could not determine a constructor for the tag 'tag:yaml.org,2002:merge'",
     "'<<' (Felder aus einem Verweis übernehmen) wird nicht unterstützt", "die Felder ausschreiben", False),
    (r"could not determine a constructor for the tag '(?P<tag>[^']*)'",
     "'{tag}' am Anfang eines Werts ist eine YAML-Typangabe und nicht erlaubt", 'Text, der mit ! beginnt, in Anführungszeichen "…" setzen', False),
    (r"expected chomping or indentation indicators",
     "nach | oder > darf in derselben Zeile kein Text stehen", "den Text in der nächsten Zeile eingerückt beginnen", False),
    (r"but found another document",
     "die Datei enthält eine zweite Zeile --- und damit ein zweites Dokument",
     "je Datei nur ein Eintrag; die Zeile --- entfernen (Kopfdaten in Markdown stehen zwischen genau zwei Zeilen ---)", False),
    (r"found unknown escape character '(?P<char>.)'",
     "in \"…\" leitet \\ ein Sonderzeichen ein, '\\{char}' gibt es nicht", "einfache Anführungszeichen '…' verwenden oder \\\\ für einen Backslash schreiben", False),
    (r"found duplicate anchor|second occurrence",
     "ein Anker (&name) ist doppelt vergeben", "Verweise mit & und * sind in Inhaltsdateien nicht nötig; die Werte ausschreiben", False),
]


def _german_yaml(exc: yaml.MarkedYAMLError) -> tuple[str, str, yaml.Mark | None]:
    """German message, hint and position for one of PyYAML's syntax errors."""
    english = f"{exc.context or ''} {exc.problem or ''}"
    for pattern, message, hint, opening in _YAML_MESSAGES:
        if found := re.search(pattern, english):
            mark = exc.context_mark if opening and exc.context_mark else exc.problem_mark or exc.context_mark
            for name, value in found.groupdict().items():
                message = message.replace("{" + name + "}", value)
            return message, hint, mark
    return f"{exc.problem or exc.context} (Originalmeldung)", _GENERIC_HINT, exc.problem_mark or exc.context_mark
