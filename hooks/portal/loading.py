"""Reading every content file under ``data/`` into records, collecting every problem on the way.

Like Pelican, the portal reads and validates everything first and writes nothing until the whole
content is known to be good.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .model import BODY_FIELD, COLLECTIONS, ID_PATTERN, ID_RULE, Record
from .problems import Problem
from .yamlio import Parsed, dotted, parse_yaml

MAX_FILE_BYTES = 1_000_000
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?$\n?", re.S | re.M)


@dataclass
class Source:
    """Where a record came from, so later checks can point at the right line."""

    path: str
    parsed: Parsed


@dataclass
class Loaded:
    """All records by collection and id, with their file positions, plus the problems found."""

    records: dict[str, dict[str, Record]] = field(default_factory=lambda: {name: {} for name in COLLECTIONS})
    origins: dict[tuple[str, str], Source] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Ids whose file exists even if it failed validation: references to them are not reported twice.
    present: set[tuple[str, str]] = field(default_factory=set)

    def where(self, collection: str, record_id: str, path: tuple[str | int, ...]) -> tuple[str, int, int]:
        """File, line and column of a field of a loaded record."""
        origin = self.origins[(collection, record_id)]
        line, column = origin.parsed.where(path)
        return origin.path, line, column


def load_content(data_dir: Path, root: Path | None = None) -> Loaded:
    """Read all collections under ``data_dir``; paths in problems are relative to ``root``."""
    root = root or data_dir.parent
    loaded = Loaded()
    for collection, (folder, cls, suffixes) in COLLECTIONS.items():
        directory = data_dir / folder
        if not directory.is_dir():
            continue
        for file in sorted(directory.iterdir()):
            if file.name.startswith(".") or file.is_dir():
                continue
            rel = _relative(file, root)
            if file.suffix not in suffixes:
                loaded.problems.append(Problem(rel, 1, 1, "", f"Unerwartete Datei in {folder}/",
                                               f"erwartet werden Dateien mit der Endung {' oder '.join(suffixes)}"))
                continue
            _load_file(loaded, collection, cls, file, rel)
    return loaded


def _relative(file: Path, root: Path) -> str:
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return file.as_posix()


def _load_file(loaded: Loaded, collection: str, cls: type[Record], file: Path, rel: str) -> None:
    record_id = file.stem
    if not re.match(ID_PATTERN, record_id):
        loaded.problems.append(Problem(rel, 1, 1, "Dateiname", f"'{file.name}' taugt nicht als Adresse der Seite",
                                       f"der Name vor der Endung wird zur id: {ID_RULE}"))
        return
    if record_id in loaded.records[collection]:
        other = loaded.origins[(collection, record_id)].path
        loaded.problems.append(Problem(rel, 1, 1, "Dateiname", f"die id '{record_id}' gibt es schon ({other})",
                                       "jede Datei eines Ordners braucht einen eigenen Namen"))
        return
    loaded.present.add((collection, record_id))
    raw = file.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        loaded.problems.append(Problem(rel, 1, 1, "", f"Die Datei ist mit {len(raw):,} Bytes zu groß".replace(",", "."),
                                       f"höchstens {MAX_FILE_BYTES:,} Bytes; lange Texte aufteilen".replace(",", ".")))
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        loaded.problems.append(Problem(rel, line, 1, "", "Die Datei ist nicht in UTF-8 gespeichert",
                                       "im Editor die Kodierung UTF-8 wählen und neu speichern"))
        return
    if text.startswith("\ufeff"):
        # Windows editors add a byte order mark; it is invisible and harmless, so it is dropped.
        text = text[1:]
    parsed, problems = _parse(text, rel, BODY_FIELD.get(collection, "body"))
    loaded.problems.extend(problems)
    if parsed is None:
        return
    record = _validate(cls, parsed, rel, loaded.problems)
    if record is not None:
        loaded.records[collection][record_id] = record
        loaded.origins[(collection, record_id)] = Source(rel, parsed)


def _parse(text: str, rel: str, body_field: str) -> tuple[Parsed | None, list[Problem]]:
    if not text.strip():
        return None, [Problem(rel, 1, 1, "", "Die Datei ist leer", "Vorlage aus der Anleitung für Redaktionen verwenden")]
    if not rel.endswith(".md"):
        parsed, problems = parse_yaml(text, rel)
        return _need_mapping(parsed, problems, rel)
    match = FRONT_MATTER.match(text)
    if not match:
        hint = ("die erste Zeile muss --- sein, dann die Felder, dann wieder eine Zeile ---"
                if not text.startswith("---") else "die Kopfdaten werden nicht mit einer Zeile --- abgeschlossen")
        return None, [Problem(rel, 1, 1, "", "Kopfdaten (Front Matter) fehlen oder sind nicht abgeschlossen", hint)]
    parsed, problems = parse_yaml(match.group(1), rel, line_offset=1)
    parsed, problems = _need_mapping(parsed, problems, rel)
    body = text[match.end():].strip("\n")
    if parsed is not None:
        # Documents keep their text only below the front matter; initiatives and measures may
        # write a short description in the front matter instead, but not both.
        clash = body_field in parsed.data and (body_field == "body" or bool(body.strip()))
        if clash:
            line, col = parsed.where((body_field,))
            message = ("gehört nicht in die Kopfdaten" if body_field == "body"
                       else "steht doppelt: in den Kopfdaten und als Text unter den Kopfdaten")
            problems.append(Problem(rel, line, col, body_field, message, "den Text nur unter der zweiten Zeile --- schreiben"))
        elif body.strip() or body_field == "body":
            parsed.data[body_field] = body
    return parsed, problems


def _need_mapping(parsed: Parsed | None, problems: list[Problem], rel: str) -> tuple[Parsed | None, list[Problem]]:
    if parsed is None:
        return None, problems
    if not isinstance(parsed.data, dict):
        found = "nichts" if parsed.data is None else type(parsed.data).__name__
        return None, problems + [Problem(rel, 1, 1, "", f"Erwartet werden Felder der Form 'name: wert', gefunden: {found}")]
    return parsed, problems


def _validate(cls: type[Record], parsed: Parsed, rel: str, problems: list[Problem]) -> Record | None:
    try:
        return cls.model_validate(parsed.data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = tuple(part for part in error["loc"] if not _is_union_branch(part))
            line, column = parsed.where(loc)
            message, hint = _german(dict(error), cls, loc)
            problems.append(Problem(rel, line, column, dotted(loc), message, hint))
        return None


def _is_union_branch(part: Any) -> bool:
    # pydantic puts the tried type of a union into the location ("str", "function-after[...]").
    return isinstance(part, str) and ("[" in part or part in {"str", "int", "float", "bool", "VagueDate", "none"})


def _german(error: dict[str, Any], cls: type[Record], loc: tuple[Any, ...]) -> tuple[str, str]:
    """Turn one pydantic error into a German message and a hint."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "fehlt, ist aber Pflicht", ""
    if kind == "extra_forbidden":
        known = _known_fields(cls, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), known, n=3, cutoff=0.5)
        hint = f"meinten Sie {', '.join(close)}?" if close else f"bekannte Felder: {', '.join(known)}"
        return "ist kein bekanntes Feld", hint
    if kind == "literal_error":
        allowed = ctx.get("expected", "").replace("'", "").replace(" or ", ", ")
        return f"'{value}' ist kein erlaubter Wert", f"erlaubt sind: {allowed}"
    if kind == "string_pattern_mismatch":
        return f"'{value}' ist keine gültige id", ID_RULE
    if kind in ("string_type", "str_type"):
        hint = ("ja/nein, on/off, true/false ohne Anführungszeichen liest YAML als Wahrheitswert; Text in \"…\" setzen"
                if isinstance(value, bool) else "")
        return f"erwartet wird Text, gefunden: {_describe(value)}", hint
    if kind in ("int_type", "float_type", "int_parsing", "float_parsing"):
        return f"erwartet wird eine Zahl, gefunden: {_describe(value)}", "Zahlen ohne Anführungszeichen und mit Punkt statt Komma schreiben"
    if kind == "bool_type":
        return f"erwartet wird true oder false, gefunden: {_describe(value)}", ""
    if kind == "list_type":
        return f"erwartet wird eine Liste (Zeilen mit '- '), gefunden: {_describe(value)}", ""
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"erwartet wird ein Abschnitt mit Feldern, gefunden: {_describe(value)}", ""
    if kind == "too_short":
        return "darf nicht leer sein", "mindestens ein Eintrag ist nötig"
    if kind in ("greater_than_equal", "greater_than"):
        return f"{value} ist zu klein", f"erwartet wird mindestens {ctx.get('ge', ctx.get('gt'))}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])), ""
    return f"ungültiger Wert ({error['msg']})", ""


def _describe(value: Any) -> str:
    if value is None:
        return "nichts"
    if isinstance(value, bool):
        return f"den Wahrheitswert {str(value).lower()}"
    if isinstance(value, dict):
        return "ein Abschnitt mit Feldern"
    if isinstance(value, list):
        return "eine Liste"
    return repr(value)


def _known_fields(cls: type[Record], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the model at ``loc``, to suggest the closest one for a typo."""
    model: Any = cls
    for part in loc:
        if isinstance(part, int):
            continue
        info = getattr(model, "model_fields", {}).get(part)
        if info is None:
            return []
        model = _inner_model(info.annotation)
    return sorted(getattr(model, "model_fields", {}))


def _inner_model(annotation: Any) -> Any:
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, Record):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
