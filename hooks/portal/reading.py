"""Reading one content file into a record: its bytes decoded, its YAML parsed, its fields validated.

Every problem on the way is collected with its line and column. The result depends only on the file's
bytes, its collection and whether it is Markdown, which is what lets ``portal.parsecache`` keep it.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import re
import site
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .messages import describe, german, known_fields, misspelt_as
from .model import BODY_FIELD, COLLECTIONS, Record
from .problems import Problem
from .yamlio import Parsed, dotted, parse_yaml

# Twenty-five times the largest real content file. PyYAML parses pure Python at roughly 100 KB a
# second for dense lists, so the limit also bounds how long one pasted-in data dump can stall a build.
MAX_FILE_BYTES = 200_000
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?$\n?", re.S | re.M)


def read_file(collection: str, raw: bytes, rel: str) -> tuple[Record | None, Parsed | None, list[Problem]]:
    """The record in one file of ``collection`` (None if it has problems that keep it from being one),
    its parsed fields with their positions, and the file's own problems; ``rel`` names the file in them."""
    text, problem = _decode(raw, rel)
    if problem:
        return None, None, [problem]
    parsed, problems = _parse(text, rel, BODY_FIELD.get(collection, "body"))
    if parsed is None:
        return None, None, problems
    record = _validate(collection, COLLECTIONS[collection][1], parsed, rel, problems)
    return record, parsed, problems


# (collection, the file's bytes, its path as problems name it) → (record, its parsed fields pickled,
# problems). The fields' positions are needed only to point at a problem found later, so they travel
# and are kept pickled (``loading.Source`` unpickles them on demand).
Job = tuple[str, bytes, str]
Result = tuple[Record | None, bytes | None, list[Problem]]
# Below this many files to read, starting worker processes costs more than it saves.
PARALLEL_FROM = 2_000
_CHUNK = 500


def read_files(jobs: list[Job]) -> list[Result]:
    """``read_file`` for each job, in order; many files are spread over the CPU's cores.

    Reading is a pure function of the bytes, so the result is the same either way; if worker
    processes cannot be started (a sandbox, no /dev/shm), the files are read here one by one."""
    workers = min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 8)
    if len(jobs) < PARALLEL_FROM or workers < 2:
        return _read_chunk(jobs)
    chunks = [jobs[start:start + _CHUNK] for start in range(0, len(jobs), _CHUNK)]
    # fork starts a worker with everything imported; it is only safe while no other thread runs
    # (the preview's server has threads), otherwise the workers start afresh.
    method = "fork" if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods() else "spawn"
    try:
        # A started worker imports this package from the folder that holds it (MkDocs puts hooks/ on
        # the import path only while it loads the hook modules).
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method),
                                 initializer=site.addsitedir, initargs=(str(Path(__file__).resolve().parent.parent),)) as pool:
            return [result for chunk in pool.map(_read_chunk, chunks) for result in chunk]
    except (OSError, RuntimeError, ImportError):  # BrokenProcessPool is a RuntimeError
        return _read_chunk(jobs)


def _read_chunk(jobs: list[Job]) -> list[Result]:
    # The collector would only rescan the records made so far (see loading.paused_gc).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return [_packed(*read_file(collection, raw, rel)) for collection, raw, rel in jobs]
    finally:
        if enabled:
            gc.enable()


def _packed(record: Record | None, parsed: Parsed | None, problems: list[Problem]) -> Result:
    if record is None or parsed is None:
        return None, None, problems
    return record, pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL), problems


def _decode(raw: bytes, rel: str) -> tuple[str, Problem | None]:
    """The file's text, or the problem that keeps it from being read."""
    if len(raw) > MAX_FILE_BYTES:
        return "", Problem(rel, 1, 1, "", f"Die Datei ist mit {len(raw):,} Bytes zu groß".replace(",", "."),
                           f"höchstens {MAX_FILE_BYTES:,} Bytes; lange Texte kürzen oder aufteilen".replace(",", "."))
    # UTF-16 ("Unicode" in Windows editors) starts with a byte order mark or, without one, has a
    # zero byte in every other place. A stray zero byte in UTF-8 is left to the YAML reader to locate.
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw.count(b"\x00") * 4 > len(raw):
        return "", Problem(rel, 1, 1, "", "Die Datei ist in UTF-16 gespeichert, nicht in UTF-8",
                           "im Editor die Kodierung UTF-8 wählen und neu speichern")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw[: exc.start].count(b"\n") + 1
        column = len(raw[line_start: exc.start].decode("utf-8", errors="replace")) + 1
        byte = raw[exc.start]
        guess = bytes([byte]).decode("cp1252", errors="replace")
        return "", Problem(rel, line, column, "",
                           f"Die Datei ist nicht in UTF-8 gespeichert: das Byte 0x{byte:02X} (in Windows-1252 '{guess}') ist kein UTF-8",
                           "im Editor die Kodierung UTF-8 wählen und neu speichern")
    # A byte order mark at the very start (Windows editors add it) is invisible and harmless: dropped.
    # Anywhere else it is reported, because it makes ids silently differ (see naming.invisible_chars).
    return text.removeprefix("\ufeff"), None


def _parse(text: str, rel: str, body_field: str) -> tuple[Parsed | None, list[Problem]]:
    if not text.strip():
        return None, [Problem(rel, 1, 1, "", "Die Datei ist leer", "die Felder eintragen; Beispiele stehen in der Anleitung auf der Seite „Mitmachen“")]
    if not rel.endswith(".md"):
        parsed, problems = parse_yaml(text, rel)
        return _need_mapping(parsed, problems, rel, 1, ("Die Datei enthält", "Die Datei ist"))
    match = FRONT_MATTER.match(text)
    if not match:
        hint = ("die erste Zeile muss --- sein, dann die Felder, dann wieder eine Zeile ---"
                if not text.startswith("---") else "die Kopfdaten werden nicht mit einer Zeile --- abgeschlossen")
        return None, [Problem(rel, 1, 1, "", "Kopfdaten (Front Matter) fehlen oder sind nicht abgeschlossen", hint)]
    if not match.group(1).strip():
        return None, [Problem(rel, 1, 1, "", "Die Kopfdaten zwischen den beiden Zeilen --- sind leer",
                              "die Felder aus der Anleitung (etwa title, type, date) zwischen die Zeilen --- schreiben")]
    parsed, problems = parse_yaml(match.group(1), rel, line_offset=1)
    parsed, problems = _need_mapping(parsed, problems, rel, 2, ("Die Kopfdaten enthalten", "Die Kopfdaten sind"))
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
            # The text's first line, so problems inside it (a refused link) can point at their line.
            rest = text[match.end():]
            parsed.positions[(body_field,)] = (text[:match.end()].count("\n") + 1 + len(rest) - len(rest.lstrip("\n")), 1)
    return parsed, problems


def _need_mapping(parsed: Parsed | None, problems: list[Problem], rel: str, first_line: int,
                  what: tuple[str, str]) -> tuple[Parsed | None, list[Problem]]:
    """Keep ``parsed`` only if it is a mapping of fields; say in German what it is instead.

    ``what`` is the subject with "contains" and with "is": ("Die Datei enthält", "Die Datei ist").
    """
    if parsed is None:
        return None, problems
    if isinstance(parsed.data, dict):
        return parsed, problems
    contains, is_ = what
    line, column = parsed.where(()) if () in parsed.positions else (first_line, 1)
    expected = "erwartet werden Felder der Form 'name: wert'"
    if parsed.data is None:
        message, hint = f"{contains} nur Kommentare (Zeilen mit #), keine Felder", f"{expected}, siehe Anleitung"
    elif isinstance(parsed.data, list):
        message = f"{is_} eine Liste (Zeilen mit '- '); {expected}"
        hint = "je Datei ein Eintrag: das '- ' vor dem ersten Feld entfernen und die Felder nicht einrücken"
    else:
        message = f"{contains} nur {describe(parsed.data)}; {expected}"
        hint = "nach dem Feldnamen fehlt der Doppelpunkt mit Leerzeichen" if ":" in str(parsed.data) else ""
    return None, problems + [Problem(rel, line, column, "", message, hint)]


def _validate(collection: str, cls: type[Record], parsed: Parsed, rel: str, problems: list[Problem]) -> Record | None:
    try:
        return cls.model_validate(parsed.data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        if misplaced := _misplaced(collection, parsed, errors):
            problems.append(Problem(rel, 1, 1, "", *misplaced))
            return None
        located = [(error, tuple(part for part in error["loc"] if not _is_union_branch(part))) for error in errors]
        # An unknown field first: "staus" with its suggestion, then the "status" it leaves missing.
        # Problems at the same place keep this order (ProblemList sorts stably by file, line, column).
        located.sort(key=lambda pair: pair[0]["type"] != "extra_forbidden")
        typos = _typos(cls, located)
        for error, loc in located:
            line, column = parsed.where(typos.get(loc, loc))
            message, hint = german(dict(error), cls, loc)
            if loc in typos:
                hint = f"steht vielleicht als '{typos[loc][-1]}' da"
            problems.append(Problem(rel, line, column, dotted(loc), message, hint))
        return None


def _typos(cls: type[Record], located: list[tuple[Any, tuple[Any, ...]]]) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    """Missing fields that are probably there, misspelt: the missing field's path → the misspelt field's path."""
    unknown: dict[tuple[Any, ...], list[str]] = {}
    for error, loc in located:
        if error["type"] == "extra_forbidden" and loc:
            unknown.setdefault(loc[:-1], []).append(str(loc[-1]))
    typos = {}
    for error, loc in located:
        if error["type"] == "missing" and loc and loc[:-1] in unknown:
            found = misspelt_as(str(loc[-1]), unknown[loc[:-1]], known_fields(cls, loc[:-1]))
            if found is not None:
                typos[loc] = (*loc[:-1], found)
    return typos


def _misplaced(collection: str, parsed: Parsed, errors: list[Any]) -> tuple[str, str] | None:
    """If the file's fields are those of another collection, the file is in the wrong folder."""
    unknown = {str(error["loc"][0]) for error in errors if error["type"] == "extra_forbidden" and len(error["loc"]) == 1}
    if not unknown:
        return None
    for other, (folder, other_cls, _) in COLLECTIONS.items():
        if other != collection and set(parsed.data) <= set(other_cls.model_fields):
            fields = (f"Das Feld {next(iter(unknown))} gehört" if len(unknown) == 1
                      else f"Die Felder ({', '.join(sorted(unknown))}) gehören")
            return (f"{fields} zu einer Datei in {folder}/, nicht in {COLLECTIONS[collection][0]}/",
                    f"die Datei nach data/{folder}/ verschieben")
    return None


def _is_union_branch(part: Any) -> bool:
    # pydantic puts the tried type of a union into the location ("str", "function-after[...]").
    return isinstance(part, str) and ("[" in part or part in {"str", "int", "float", "bool", "VagueDate", "none"})
