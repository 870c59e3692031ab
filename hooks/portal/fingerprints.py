"""The fingerprint of each output of a preview build: a hash of everything it shows (``portal.incremental``).

The hook hands over each file MkDocs is about to write, described by plain values (site path, the
page's source path, its text); the portal knows which records and collections each one shows.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from .incremental import digest, shown_collections, template_of

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .page_inputs import Graph
    from .site import Portal

DATA_PREFIX = "data/"


class Fingerprints:
    """Fingerprints of one build's outputs, from the content's file signatures taken before it was read."""

    def __init__(self, portal: Portal, data: Mapping[str, str], graph: Graph) -> None:
        """``data``: every file under data/ (path as content problems name it) → its signature."""
        self.portal = portal
        self.data = data
        # Each record's version: the signature of its file.
        self.versions = {key: data.get(path, "") for key, path in portal.files_of.items()}
        graph.update(portal.catalog, self.versions)
        self.graph = graph
        grouped: dict[str, list[tuple[str, str]]] = {}
        for path, sig in data.items():
            grouped.setdefault(path[len(DATA_PREFIX):].split("/", 1)[0], []).append((path, sig))
        self.collections = {name: digest(sorted(items)) for name, items in grouped.items()}
        self.stand_all = portal.stand(None)

    def detail(self, src_uri: str, content: bytes) -> str | None:
        """A record's page: the files of the records it shows (None if ``src_uri`` is no record page)."""
        plan = self.portal.plan_for(src_uri)
        if plan is None:
            return None
        version = self.versions.get
        fixed, changing = self.graph.shown_parts(plan.collection, plan.record_id)
        # Python's own hash: fast, and good enough within one process (the memory never leaves it).
        # A frozenset keeps its hash and its order while it is the same object; a different order
        # after a reference changed only rebuilds a page once more.
        return str(hash((content, self.portal.stand(plan), fixed, tuple(map(version, fixed)),
                         changing, tuple(map(version, changing)), self.graph.counts(plan.collection, plan.record_id))))

    def listing(self, content: bytes) -> str:
        """A Markdown page in docs/ or a generated list page: the collections its template shows."""
        text = content.decode("utf-8", errors="replace")
        collections = sorted(shown_collections(template_of(text)))
        return digest(_hash(content), self.stand_all, [(name, self.collections.get(name, "")) for name in collections])

    @staticmethod
    def generated(content: bytes) -> str:
        """A generated file (open data, feed, calendar): its content."""
        return _hash(content)


def _hash(content: bytes) -> str:
    return hashlib.sha1(content).hexdigest()
