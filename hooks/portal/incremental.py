"""The live preview's incremental rebuild: after a save, rebuild only the pages whose inputs changed.

``mkdocs serve --dirty`` (scripts/serve.sh) asks each file of a build whether it changed
(``File.is_modified``) and skips the rest. The hook answers from here: every output gets a
*fingerprint*, a hash of what it shows, and an output is rebuilt when its fingerprint differs from
the one it was last written with (or it is missing). What goes into a fingerprint:

- everything: ``mkdocs.yml``, ``docs/``, ``overrides/``, ``hooks/`` (their files' signatures), the
  site address, the reference date and the preview's problems. Any change there rebuilds every page
  from an emptied site folder, exactly like a full build (a banner appears on, or leaves, every page).
- a detail page: the signatures of the files of every record it shows (``portal.page_inputs``),
  which records those are, its "Stand" and its generated front matter.
- an overview or other Markdown page in ``docs/``, and generated list pages: the files of every
  collection its template shows (``TEMPLATE_COLLECTIONS``) and its own text.
- a generated file (open data, feeds, calendars): its content, so it is rewritten only when it changed.

A file's signature is its modification time and size, taken *before* the content is read: a file
saved again while a build reads it differs at the next build and is read again.

Generated search keywords split compounds on the vocabulary of all content (``portal.search_terms``),
so a word that enters or leaves the content may change the keywords of a page that shows none of the
changed records. The preview remembers each page's long words and rebuilds the pages among whose
words one now splits differently (``Memory.plan``).

The memory lives in this module, which the preview imports once (``portal.preview`` explains why).
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .model import COLLECTIONS
from .search_meta import ARTICLE, TAG
from .search_terms import MIN_COMPOUND, head, words

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping
    from pathlib import Path

ALL = frozenset(COLLECTIONS)
# The collections a page template shows (front matter ``template``); a template not named here
# shows all of them. Pages that show no content at all rebuild only with everything.
TEMPLATE_COLLECTIONS: dict[str, frozenset[str]] = {
    "legal.html": frozenset(),
    "data-dictionary.html": frozenset(),  # the content model only (portal.dictionary)
    "easy-language.html": frozenset(),
    "page.html": frozenset(),
    "method.html": frozenset(),
    # Document lists name publishers (organisations) and statements (people in initiatives).
    "press.html": frozenset({"documents", "organisations", "people", "initiatives"}),
    "sources.html": frozenset({"documents", "organisations", "people", "initiatives"}),
    "timeline.html": frozenset({"initiatives", "documents", "organisations", "regions", "topics"}),
    "topics.html": frozenset({"topics", "initiatives", "measures", "documents"}),
    "regions.html": frozenset({"regions", "initiatives", "measures"}),  # the map counts both per area
}
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^---[ \t]*$", re.S | re.M)
TEMPLATE = re.compile(r"^template:[ \t]*['\"]?([^'\"\s]+)", re.M)
SKIPPED_FOLDERS = {"__pycache__", ".mypy_cache", ".pytest_cache"}


def digest(*parts: object) -> str:
    """A short hash of ``parts`` (their reprs, in order)."""
    return hashlib.sha1("\x1f".join(map(repr, parts)).encode("utf-8", "surrogatepass")).hexdigest()


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def signature(path: Path) -> str:
    """A file's modification time and size ('' when it is missing)."""
    return _signature(str(path))


def _signature(path: str) -> str:
    try:
        stat = os.stat(path)
    except OSError:
        return ""
    return f"{stat.st_mtime_ns}:{stat.st_size}"


def signatures(folder: Path, root: Path) -> dict[str, str]:
    """Every file below ``folder`` by its path relative to ``root`` (as content problems name them)."""
    found: dict[str, str] = {}
    prefix = os.path.relpath(folder, root).replace(os.sep, "/")
    for directory, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if name not in SKIPPED_FOLDERS]
        relative = os.path.relpath(directory, folder).replace(os.sep, "/")
        base = prefix if relative == "." else f"{prefix}/{relative}"
        for name in files:
            found[f"{base}/{name}"] = _signature(os.path.join(directory, name))
    return found


def everything_key(root: Path, sources: Iterable[Path], *facts: object) -> str:
    """The fingerprint every page shares: the files of ``sources`` (folders or files) and ``facts``."""
    parts: list[object] = []
    for source in sources:
        if source.is_dir():
            parts.append(sorted(signatures(source, root).items()))
        else:
            parts.append((str(source), signature(source)))
    return digest(*parts, *facts)


def template_of(markdown: str) -> str:
    """The ``template`` a Markdown page names in its front matter ('' when none)."""
    front = FRONT_MATTER.match(markdown)
    found = TEMPLATE.search(front.group(1)) if front else None
    return found.group(1) if found else ""


def shown_collections(template: str) -> frozenset[str]:
    """The collections a page with ``template`` shows (``TEMPLATE_COLLECTIONS``, else all)."""
    return TEMPLATE_COLLECTIONS.get(template, ALL)


def long_words(page_html: str) -> str:
    """The words of the page's article that could split into compounds, lowercase, space-separated."""
    article = ARTICLE.search(page_html)
    text = html.unescape(TAG.sub(" ", article.group(0))) if article else ""
    return " ".join(sorted({word.lower() for word in words(text) if len(word) >= MIN_COMPOUND}))


def remove_output(site: Path, path: str) -> None:
    """Delete an output the content no longer has, and the folders it leaves empty."""
    target = site / path
    target.unlink(missing_ok=True)
    folder = target.parent
    while folder != site and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


@dataclass
class Plan:
    """What one build writes: outputs to (re)build, outputs to delete, whether to start from empty."""

    rebuild: set[str]
    remove: set[str]
    full: bool


@dataclass
class Memory:
    """What the preview last wrote: each output's fingerprint, each page's long words, the vocabulary."""

    everything: str = ""
    written: dict[str, str] = field(default_factory=dict)
    words: dict[str, str] = field(default_factory=dict)
    vocabulary: frozenset[str] = frozenset()
    # Open data, feeds and calendars as last written (site path → hash of the content): made after
    # the pages, in the background (``export``).
    exported: dict[str, str] = field(default_factory=dict)
    # A generated page's front matter by its plan: rendered once, not on every save.
    markdown: dict[Any, str] = field(default_factory=dict)
    _pending: tuple[str, dict[str, str], frozenset[str]] | None = None

    def plan(self, everything: str, outputs: Mapping[str, str], exists: Callable[[str], bool],
             vocabulary: Callable[[], frozenset[str]]) -> Plan:
        """Which of ``outputs`` (site path → fingerprint) to write now, given the last build.

        ``exists`` says whether an output is in the site folder; ``vocabulary`` gives the search
        vocabulary of the content now (asked only when pages stay as they were)."""
        full = everything != self.everything
        remove = set(self.written) - set(outputs)
        if full:
            rebuild = set(outputs)
            words_now: frozenset[str] = frozenset()
        else:
            rebuild = {path for path, print_ in outputs.items() if self.written.get(path) != print_ or not exists(path)}
            words_now = vocabulary()
            rebuild |= self._keyword_changes(words_now, set(outputs) - rebuild)
        self._pending = (everything, dict(outputs), words_now)
        return Plan(rebuild, remove, full)

    def _keyword_changes(self, vocabulary: frozenset[str], candidates: set[str]) -> set[str]:
        """The pages among ``candidates`` whose generated keywords may differ under the new vocabulary."""
        changed = vocabulary ^ self.vocabulary
        if not changed:
            return set()
        # A compound splits on words of the vocabulary that are parts of it: a page can only be
        # affected if one of its long words contains a word that entered or left.
        pattern = re.compile("|".join(map(re.escape, sorted(changed, key=len, reverse=True))))
        affected = set()
        for path in candidates:
            text = self.words.get(path)
            if text and pattern.search(text) and any(
                    head(word, vocabulary) != head(word, self.vocabulary) for word in text.split()):
                # Keywords come from where each long word splits (compound parts, and coordinations
                # whose second word is a long word): same splits, same keywords.
                affected.add(path)
        return affected

    def remember(self, path: str, page_html: str) -> None:
        """Note the long words of the page just written to ``path`` (for ``_keyword_changes``)."""
        self.words[path] = long_words(page_html)

    def finished(self, vocabulary: Callable[[], frozenset[str]]) -> None:
        """The build planned last succeeded: its fingerprints become the memory."""
        if self._pending is None:
            return
        everything, outputs, words_now = self._pending
        self.everything, self.written = everything, outputs
        self.vocabulary = words_now if words_now else vocabulary()
        self.words = {path: text for path, text in self.words.items() if path in outputs}
        self._pending = None

    def forget(self) -> None:
        """Start over: the next build is a full one (a new preview, or a build that failed)."""
        self.everything, self.written, self._pending = "", {}, None

    def front_matter(self, plans: Iterable[Any], render: Callable[[Any], str]) -> dict[Any, str]:
        """Each plan's page source, rendered only for plans not seen at the last save (plans are
        frozen values: an unchanged plan renders the same)."""
        known = self.markdown
        self.markdown = {plan: known[plan] if plan in known else render(plan) for plan in plans}
        return self.markdown

    def made(self, files: Mapping[str, str]) -> None:
        """The build itself writes these generated files (site path → text): remember their content."""
        self.exported = {path: _sha1(text) for path, text in files.items()}

    def export(self, site: Path, files: Mapping[str, str]) -> int:
        """Write the generated ``files`` (site path → text) whose content changed, delete those the
        content no longer has; returns how many were written."""
        written = 0
        hashes = {}
        for path, text in files.items():
            data = text.encode("utf-8")
            hashes[path] = hashlib.sha1(data).hexdigest()  # as _sha1, the bytes being at hand
            target = site / path
            if self.exported.get(path) != hashes[path] or not target.is_file():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                written += 1
        for path in set(self.exported) - set(files):
            remove_output(site, path)
        self.exported = hashes
        return written


class Background:
    """Runs one job at a time in a thread; a job asked for while one runs follows it, once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._next: Callable[[], None] | None = None

    def start(self, job: Callable[[], None]) -> None:
        """Run ``job`` now, or right after the running one (replacing any job already waiting)."""
        with self._lock:
            if self._thread is not None:
                self._next = job
                return
            self._thread = threading.Thread(target=self._run, args=(job,), name="portal-background", daemon=True)
            self._thread.start()

    def _run(self, job: Callable[[], None]) -> None:
        while True:
            job()
            with self._lock:
                if self._next is None:
                    self._thread = None
                    return
                job, self._next = self._next, None

    def wait(self) -> None:
        """Block until no job runs or waits (before the site folder is emptied)."""
        while True:
            with self._lock:
                thread = self._thread
            if thread is None:
                return
            thread.join()


# The running preview's memory and its background search indexing (see the module's docstring).
MEMORY = Memory()
INDEXING = Background()
