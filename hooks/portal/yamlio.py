"""Reading YAML the careful way: keep line numbers for every field, refuse what PyYAML lets slip.

PyYAML silently keeps the last of two equal keys and turns ``2023-01-20`` into a date object. Here
every value is built from PyYAML's node tree, so each field remembers its line and column, duplicate
keys become problems, dates stay text (``dates.VagueDate`` parses them), and aliases cannot expand
into millions of nodes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem

Path = tuple[str | int, ...]
# Far above any real content file; stops "billion laughs" alias bombs long before memory runs out.
MAX_NODES = 200_000


class _Loader(yaml.SafeLoader):
    """SafeLoader without timestamp resolution: dates are parsed by the content model instead."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


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
    def __init__(self, loader: _Loader, path: str, line_offset: int) -> None:
        self.loader = loader
        self.file = path
        self.offset = line_offset
        self.count = 0
        self.positions: dict[Path, tuple[int, int]] = {}
        self.problems: list[Problem] = []

    def mark(self, node: yaml.Node) -> tuple[int, int]:
        return (node.start_mark.line + 1 + self.offset, node.start_mark.column + 1)

    def build(self, node: yaml.Node, path: Path) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooLarge()
        self.positions.setdefault(path, self.mark(node))
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = self.loader.construct_object(key_node)
                if not isinstance(key, str):
                    line, col = self.mark(key_node)
                    self.problems.append(Problem(self.file, line, col, "", f"Der Feldname '{key}' muss Text sein"))
                    continue
                if key in result:
                    line, col = self.mark(key_node)
                    first = self.positions[path + (key,)][0]
                    self.problems.append(Problem(
                        self.file, line, col, _dotted(path + (key,)),
                        f"steht doppelt (zuerst in Zeile {first})",
                        "jedes Feld darf nur einmal vorkommen; die beiden Einträge zusammenführen",
                    ))
                    continue
                self.positions[path + (key,)] = self.mark(key_node)
                result[key] = self.build(value_node, path + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self.loader.construct_object(node)


class _TooLarge(Exception):
    pass


def _dotted(path: Path) -> str:
    """``('bodies', 0, 'chairs')`` → ``bodies[1].chairs`` (1-based, as editors count)."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


dotted = _dotted


def parse_yaml(text: str, path: str, line_offset: int = 0) -> tuple[Parsed | None, list[Problem]]:
    """Parse one YAML document; return the data with positions, or None and the problems found."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Parsed(None), []
        builder = _Builder(loader, path, line_offset)
        data = builder.build(node, ())
        return Parsed(data, builder.positions), builder.problems
    except _TooLarge:
        return None, [Problem(path, 1 + line_offset, 1, "", "Die Datei enthält zu viele Einträge oder verschachtelte Verweise (&/*)",
                              "Verweise mit & und * sind in Inhaltsdateien nicht nötig; die Werte ausschreiben")]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        column = mark.column + 1 if mark else 1
        return None, [Problem(path, line, column, "", f"YAML-Syntaxfehler: {_german_yaml(exc)}",
                              "Einrückung mit Leerzeichen (keine Tabulatoren), Doppelpunkte und Anführungszeichen prüfen")]
    except yaml.YAMLError as exc:
        return None, [Problem(path, 1 + line_offset, 1, "", f"YAML-Fehler: {exc}")]
    finally:
        loader.dispose()


_YAML_MESSAGES = {
    "found character '\\t' that cannot start any token": "Tabulatorzeichen sind in YAML nicht erlaubt",
    "mapping values are not allowed here": "ein Doppelpunkt steht an einer Stelle, an der kein Feld beginnen kann",
    "could not find expected ':'": "nach dem Feldnamen fehlt ein Doppelpunkt",
    "found unexpected end of stream": "die Datei endet mitten in einem Wert (Anführungszeichen nicht geschlossen?)",
    "expected <block end>, but found '-'": "ein Listeneintrag ist falsch eingerückt",
    "expected <block end>": "die Einrückung passt nicht zu den Zeilen davor",
    "expected the node content": "hier fehlt ein Wert (eine Klammer [ oder { nicht geschlossen?)",
    "did not find expected ',' or ']'": "eine Liste in [ ] ist nicht richtig geschlossen",
    "did not find expected ',' or '}'": "ein Abschnitt in { } ist nicht richtig geschlossen",
    "did not find expected key": "die Einrückung passt nicht zu den Zeilen davor",
    "found undefined alias": "ein Verweis mit * nennt einen Anker (&), den es nicht gibt",
    "found character '@' that cannot start any token": "@ und ` dürfen einen Wert nicht beginnen; Text in \"…\" setzen",
    "found character '`' that cannot start any token": "@ und ` dürfen einen Wert nicht beginnen; Text in \"…\" setzen",
}


def _german_yaml(exc: yaml.MarkedYAMLError) -> str:
    problem = str(exc.problem or exc.context or "")
    for english, german in _YAML_MESSAGES.items():
        if english in problem:
            return german
    return f"{problem} (Originalmeldung)"
