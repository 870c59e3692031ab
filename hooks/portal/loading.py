"""Reading every content file under ``data/`` into records, collecting every problem on the way.

Like Pelican, the portal reads and validates everything first and writes nothing until the whole
content is known to be good.
"""

from __future__ import annotations

import gc
import os
import pickle
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .layout import relative, stray_files, symlink, unread
from .model import COLLECTIONS, Record
from .naming import id_faults, id_hint, is_id
from .parsecache import Key, ParseCache, file_key
from .problems import Problem
from .reading import FRONT_MATTER, MAX_FILE_BYTES, read_files
from .urls import SECTIONS

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from .yamlio import Parsed

__all__ = ["FRONT_MATTER", "MAX_FILE_BYTES", "Loaded", "Source", "load_content", "paused_gc"]


class Source:
    """Where a record came from, so later checks can point at the right line.

    The parsed fields may be given pickled (as read by a worker or kept in the cache): most records
    never need them, so they are unpickled only when a problem asks for a position."""

    __slots__ = ("_parsed", "path")

    def __init__(self, path: str, parsed: Parsed | bytes) -> None:
        self.path = path
        self._parsed = parsed

    @property
    def parsed(self) -> Parsed:
        """The file's fields with the line and column of each."""
        parsed = self._parsed
        if isinstance(parsed, bytes):
            parsed = self._parsed = pickle.loads(parsed)  # noqa: S301 (made by this process, its workers or its own cache)
        return parsed

    def __repr__(self) -> str:
        return f"Source({self.path!r})"


@dataclass
class Loaded:
    """All records by collection and id, with their file positions, plus the problems found."""

    records: dict[str, dict[str, Record]] = field(default_factory=lambda: {name: {} for name in COLLECTIONS})
    origins: dict[tuple[str, str], Source] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Ids whose file exists even if it failed validation: references to them are not reported twice.
    present: set[tuple[str, str]] = field(default_factory=set)
    # The file that claimed each id first, so a second file with the same name can point at it.
    files: dict[tuple[str, str], str] = field(default_factory=dict)
    # Records whose own checks (``validation.own_problems``) are known to find nothing: read from
    # the cache, which keeps only files without problems; ``validation.check`` adds the others.
    checked: set[tuple[str, str]] = field(default_factory=set)

    def where(self, collection: str, record_id: str, path: tuple[str | int, ...]) -> tuple[str, int, int]:
        """File, line and column of a field of a loaded record."""
        origin = self.origins[(collection, record_id)]
        line, column = origin.parsed.where(path)
        return origin.path, line, column


def load_content(data_dir: Path, root: Path | None = None, cache: ParseCache | None = None) -> Loaded:
    """Read all collections under ``data_dir``; paths in problems are relative to ``root``.

    Files read before with the same bytes come from ``cache`` (``portal.parsecache``, off with
    ``PORTAL_CACHE=0``); the result is the same either way. Without a ``cache`` given, the project's
    cache is used and saved; a caller that passes one saves it (after ``ParseCache.confirm``)."""
    root = root or data_dir.parent
    saves = cache is None
    cache = cache or ParseCache.for_content(data_dir)
    loaded = Loaded()
    if data_dir.is_symlink():
        loaded.problems += symlink(data_dir, root)
        return loaded
    loaded.problems += stray_files(data_dir, root)
    with paused_gc():
        # First every file's place in the report (its name's problems, or its content), then the reading.
        steps: list[list[Problem] | _File] = []
        for collection, (folder, _cls, suffixes) in COLLECTIONS.items():
            directory = data_dir / folder
            if directory.is_symlink() or not directory.is_dir():
                loaded.problems += symlink(directory, root)
                continue
            pages = _Pages(data_dir.parent / "docs", SECTIONS[collection])
            folder_rel = relative(directory, root)
            for name, regular in _listing(directory):
                rel = name if folder_rel == "." else f"{folder_rel}/{name}"
                suffix = _stem_suffix(name)[1]
                # A plain file with a suffix the folder reads is never one that ``unread`` reports;
                # for such files (all but a few) no Path object is made: 33,000 of them cost a second.
                if not (regular and suffix in suffixes) and (problems := unread(directory / name, folder, suffixes, root)):
                    steps.append(problems)
                elif problem := pages.taken(collection, directory, name, root):
                    steps.append([problem])
                elif regular or (directory / name).is_file():
                    steps.append(_claim(loaded, collection, os.path.join(directory, name), rel, cache))
        _read_missing([step for step in steps if isinstance(step, _File) and step.pending], cache)
        for step in steps:
            if isinstance(step, _File):
                _keep(loaded, step)
            else:
                loaded.problems += step
    if saves:
        cache.save()
    return loaded


@contextmanager
def paused_gc() -> Iterator[None]:
    """Python's cycle collector paused while content is read.

    Reading makes hundreds of thousands of small objects that all stay alive (records, positions);
    each collection pass would scan all of them again, which made reading NRW's 33,000 files take
    half as long again. None of them forms a cycle that needs collecting early."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class _File:
    """A content file claimed by its id: its bytes' cache key and, once read, what it holds."""

    collection: str
    record_id: str
    rel: str
    raw: bytes
    key: Key
    record: Record | None = None
    parsed: bytes | None = None  # pickled (see reading.Result)
    problems: list[Problem] = field(default_factory=list)
    pending: bool = True


def _listing(directory: Path) -> list[tuple[str, bool]]:
    """The names in ``directory`` (without hidden ones) in the order of sorted paths, each with
    whether it is a plain file (not a link): one directory read instead of a stat per file."""
    with os.scandir(directory) as found:
        names = [(entry.name, entry.is_file(follow_symlinks=False)) for entry in found if not entry.name.startswith(".")]
    return sorted(names, key=lambda item: os.path.normcase(item[0]))


class _Pages:
    """The names in ``docs/<section>/``: a record may not take the address of a page written there."""

    def __init__(self, docs: Path, section: str) -> None:
        self.docs = docs
        try:
            self.names = {_folded(name) for name in os.listdir(docs / section)}
        except OSError:
            self.names = set()

    def taken(self, collection: str, directory: Path, name: str, root: Path) -> Problem | None:
        """A problem if the address of the record in ``directory/name`` is already a page of ``docs/``."""
        record_id = _stem_suffix(name)[0]
        # Only a name in the folder (compared as a case-insensitive file system would) can be a page there.
        if record_id != "index" and _folded(f"{record_id}.md") not in self.names and _folded(record_id) not in self.names:
            return None
        return _address_taken(collection, directory / name, self.docs, root)


def _folded(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def _stem_suffix(name: str) -> tuple[str, str]:
    """A file name's stem and suffix, as ``Path.stem`` and ``Path.suffix`` give them."""
    dot = name.rfind(".")
    return (name[:dot], name[dot:]) if 0 < dot < len(name) - 1 else (name, "")


def _address_taken(collection: str, file: Path, docs: Path, root: Path) -> Problem | None:
    """A problem if the record's address is already a page of ``docs/`` (``index`` is the overview)."""
    section = SECTIONS[collection]
    record_id = file.stem
    page = docs / section / ("index.md" if record_id == "index" else f"{record_id}.md")
    if record_id == "index":
        message = f"die id 'index' ist nicht möglich: /{section}/ ist die Übersichtsseite (docs/{section}/index.md)"
    elif page.exists() or (docs / section / record_id).is_dir():
        message = f"die id '{record_id}' ist schon vergeben: unter /{section}/{record_id}/ steht eine Seite aus docs/{section}/"
    else:
        return None
    return Problem(relative(file, root), 1, 1, "Dateiname", message,
                   "die Datei umbenennen; der Name wird Teil der Adresse, am besten nach dem Namen oder Titel des Eintrags")


def _claim(loaded: Loaded, collection: str, file: str, rel: str, cache: ParseCache) -> list[Problem] | _File:
    """The file's id, checked and taken; its bytes, and its record if the cache has it."""
    name = os.path.basename(file)
    record_id, suffix = _stem_suffix(name)
    if not is_id(record_id):
        return [Problem(rel, 1, 1, "Dateiname", f"'{name}' taugt nicht als Adresse der Seite: der Name {id_faults(record_id)}",
                        id_hint(record_id, suffix))]
    if (collection, record_id) in loaded.files:
        other = loaded.files[(collection, record_id)]
        return [Problem(rel, 1, 1, "Dateiname", f"die id '{record_id}' gibt es schon ({other})",
                        "beide Dateien ergäben dieselbe Adresse; eine davon umbenennen oder löschen")]
    loaded.present.add((collection, record_id))
    loaded.files[(collection, record_id)] = rel
    with open(file, "rb") as handle:
        raw = handle.read()
    claimed = _File(collection, record_id, rel, raw, file_key(collection, rel.endswith(".md"), raw))
    if (hit := cache.get(claimed.key, (collection, record_id))) is not None:
        claimed.record, claimed.parsed, checked = hit
        claimed.pending = False
        if checked:
            loaded.checked.add((collection, record_id))
    return claimed


def _read_missing(files: list[_File], cache: ParseCache) -> None:
    """Read the files the cache did not have; keep those without problems for next time."""
    results = read_files([(file.collection, file.raw, file.rel) for file in files])
    for file, (record, parsed, problems) in zip(files, results, strict=True):
        file.record, file.parsed, file.problems = record, parsed, problems
        file.raw, file.pending = b"", False
        if file.record is not None and file.parsed is not None and not file.problems:
            cache.put(file.key, (file.collection, file.record_id), file.record, file.parsed)


def _keep(loaded: Loaded, file: _File) -> None:
    loaded.problems += file.problems
    if file.record is not None and file.parsed is not None:
        loaded.records[file.collection][file.record_id] = file.record
        loaded.origins[(file.collection, file.record_id)] = Source(file.rel, file.parsed)
