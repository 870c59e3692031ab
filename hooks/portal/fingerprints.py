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

    from .dependencies import Graph
    from .site import Portal

DATA_PREFIX = "data/"


class Fingerprints:
    """Fingerprints of one build's outputs, from the content's file signatures taken before it was read."""

    def __init__(self, portal: Portal, data: Mapping[str, str], graph: Graph) -> None:
        """``data``: every file under data/ (path as content problems name it) → its signature."""
        self.portal = portal
        self.data = data
        files_of = portal.files_of
        graph.update(portal.catalog, {key: data.get(path, "") for key, path in files_of.items()})
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
        files_of = self.portal.files_of
        data = self.data
        inputs = frozenset((key, data.get(files_of.get(key, ""), "")) for key in self.graph.shown(plan.collection, plan.record_id))
        # Python's own hash of a tuple: fast, and good enough within one process (the memory never
        # leaves it); no sorting needed for a frozenset.
        return str(hash((content, self.portal.stand(plan), inputs, self.graph.counts(plan.collection, plan.record_id))))

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
