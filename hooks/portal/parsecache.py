"""A cache of parsed and validated content files, between runs and between the live preview's rebuilds.

Reading a content file (YAML with every field's line and column, then the model's validation) costs
about half a millisecond; at the size of North Rhine-Westphalia (33,000 files) that is most of the
content check. A file whose bytes have not changed gives the same record again, so the result is kept:

- on disk in the project's ``.cache/portal/`` (one pickle file, written atomically), for the next
  ``scripts/check.sh``, build or CI run;
- in memory (module-level), for the live preview, which reads the content again on every save in the
  same process and so parses only the files that changed.

An entry's key is the file's collection, whether it is Markdown, and a hash of its bytes; the whole
cache is also keyed by the version of the portal's code (a hash of ``hooks/portal/``, with its
boundary data, and of Python and the libraries in ``LIBRARIES``), so a changed model never reuses an
entry made by the old one. Only files that were read without any problem are kept: a file with
problems is read again every time, so its problems are always found and reported afresh. An entry
also notes whether the record's own checks (``validation.own_problems``) found nothing; until they
have, they run again. The checks across files always run. A cache file that cannot be read, or was
written by other code, is ignored and replaced. ``PORTAL_CACHE=0`` switches both layers off.

The cache is pickled: it is only ever read from the project's own ``.cache/`` folder, which git ignores.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from .model import Record

# (collection, whether the file is Markdown, BLAKE2 hash of the file's bytes)
Key = tuple[str, bool, bytes]
# The record, its fields with their positions (pickled: ``loading.Source`` unpickles them when a
# problem needs a position), and whether the record's own checks (links in its Markdown, text left
# from a template: ``validation.own_problems``) found nothing.
Entry = tuple["Record", bytes, bool]
# A record by collection and id.
Owner = tuple[str, str]
# The libraries whose behaviour decides what a file reads as and what its own checks find.
LIBRARIES = ("pydantic", "pydantic-core", "PyYAML", "Markdown")

CACHE_FOLDER = Path(".cache") / "portal"
CACHE_FILE = "inhalte.pickle"
ENVIRONMENT = "PORTAL_CACHE"
# The cache file is rewritten when more entries than this (or 2 % of them) are new or gone.
REWRITE_AFTER = 20
_CODE = Path(__file__).resolve().parent
_code_version: str | None = None
# The in-memory layer: the cache file it belongs to, that file's state when last read or written,
# and the entries of the last run. One project at a time (the preview serves one).
_memory: tuple[Path, tuple[int, int, int] | None, dict[Key, Entry]] | None = None


def enabled() -> bool:
    """Whether the cache is on: unless the environment says ``PORTAL_CACHE=0``."""
    return os.environ.get(ENVIRONMENT, "1").strip() != "0"


def file_key(collection: str, markdown: bool, raw: bytes) -> Key:
    """The key of one file's content: the same bytes in the same collection give the same record."""
    return collection, markdown, hashlib.blake2b(raw, digest_size=16).digest()


def code_version() -> str:
    """A hash of everything that decides what a file reads as: the portal's code and boundary data,
    the versions of Python and of ``LIBRARIES`` (and whether PyYAML uses libyaml)."""
    global _code_version  # noqa: PLW0603 (computed once per process: the code does not change under it)
    if _code_version is None:
        digest = hashlib.blake2b(digest_size=16)
        for part in (sys.version, str(getattr(yaml, "__with_libyaml__", False)), *map(_version, LIBRARIES)):
            digest.update(part.encode() + b"\0")
        for path in sorted(_CODE.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                digest.update(path.relative_to(_CODE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
        _code_version = digest.hexdigest()
    return _code_version


def _version(library: str) -> str:
    try:
        return f"{library} {importlib.metadata.version(library)}"
    except importlib.metadata.PackageNotFoundError:
        return f"{library} -"


class ParseCache:
    """The cache for one run over one content folder: look entries up, add new ones, then ``save``.

    ``folder`` is where the cache file lives (None: no cache, every lookup misses)."""

    def __init__(self, folder: Path | None) -> None:
        self.file = folder / CACHE_FILE if folder is not None else None
        self.used: dict[Key, Entry] = {}
        self.owners: dict[Owner, Key] = {}
        self.added = 0
        self._known: dict[Key, Entry] | None = None
        self._state: tuple[int, int, int] | None = None

    @classmethod
    def for_content(cls, data_dir: Path) -> ParseCache:
        """The cache of the project that holds ``data_dir`` (its ``.cache/portal/``), or a disabled one."""
        return cls((data_dir.parent / CACHE_FOLDER).resolve() if enabled() else None)

    def get(self, key: Key, owner: Owner) -> Entry | None:
        """The record, positions and own checks' verdict stored for ``key`` (the file of ``owner``), or None."""
        if self.file is None:
            return None
        entry = self._entries().get(key)
        if entry is not None:
            self.used[key] = entry
            self.owners[owner] = key
        return entry

    def put(self, key: Key, owner: Owner, record: Record, parsed: bytes) -> None:
        """Keep the result of reading a file that had no problems (its own checks have not run yet)."""
        if self.file is not None:
            self.used[key] = (record, parsed, False)
            self.owners[owner] = key
            self.added += 1

    def confirm(self, checked: set[Owner]) -> None:
        """Note that the own checks of these records found nothing: next time they are skipped."""
        for owner in checked:
            key = self.owners.get(owner)
            if key is not None and not self.used[key][2]:
                record, parsed, _ = self.used[key]
                self.used[key] = (record, parsed, True)
                self.added += 1

    def save(self) -> None:
        """Keep this run's entries (and only those, so the cache does not grow with old versions of
        files) in memory and, if they changed, on disk. Never fails: a cache that cannot be written
        is simply not there next time."""
        global _memory  # noqa: PLW0603 (the in-memory layer outlives the run by design)
        if self.file is None:
            return
        known = self._entries()
        state = self._state
        # Rewriting the whole file for one or two changed files (a save in the preview) would cost
        # more than reading those files again next time: written for a few percent, or if it has gone.
        changed = self.added + abs(len(self.used) - len(known))
        missing = bool(self.used) and (state is None or not known)  # gone, damaged or of other code
        if missing or changed > max(REWRITE_AFTER, len(self.used) // 50):
            state = _write(self.file, {"version": code_version(), "entries": self.used})
        _memory = (self.file, state, self.used)

    def _entries(self) -> dict[Key, Entry]:
        """The entries from before this run: from memory if the cache file is unchanged, else from disk."""
        if self._known is None:
            assert self.file is not None
            self._state = _state(self.file)
            if _memory is not None and _memory[0] == self.file and _memory[1] == self._state:
                self._known = _memory[2]
            else:
                self._known = _read(self.file)
        return self._known


def _state(file: Path) -> tuple[int, int, int] | None:
    """Modification time, size and inode of the cache file: a change means another process wrote it."""
    try:
        found = file.stat()
    except OSError:
        return None
    return found.st_mtime_ns, found.st_size, found.st_ino


def _read(file: Path) -> dict[Key, Entry]:
    """The entries in the cache file; nothing if it is missing, unreadable, corrupt or from other code."""
    try:
        with file.open("rb") as handle:
            stored = pickle.load(handle)  # noqa: S301 (the project's own cache folder, see the module docstring)
        if isinstance(stored, dict) and stored.get("version") == code_version() and isinstance(stored.get("entries"), dict):
            return stored["entries"]
    except Exception:  # noqa: BLE001, S110 (any damage to the cache only means reading the files again)
        pass
    return {}


def _write(file: Path, stored: object) -> tuple[int, int, int] | None:
    """Write ``stored`` to ``file`` atomically (a temporary file renamed over it); its new state, or
    None if it could not be written."""
    temporary = None
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=file.parent, prefix=".inhalte-", suffix=".tmp", delete=False) as handle:
            temporary = Path(handle.name)
            pickle.dump(stored, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, file)
        return _state(file)
    except Exception:  # noqa: BLE001 (a read-only checkout or a full disk: the run itself succeeded)
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        return None
