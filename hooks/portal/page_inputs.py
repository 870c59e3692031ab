"""Which records a detail page shows, for the live preview's incremental rebuild (``portal.incremental``).

A page shows more than its own record: the names of the records it links (an initiative's
participants, a measure's owner), the records that point at it (an organisation's measures, the
documents about a person), facts of those listed records (a measure's status and the date of its
newest source, the initiative a measure belongs to), the region path above any region it names and,
on a region's page, everything in the regions below it. Rather than a list per template, which
drifts as templates change, the rule is stated once on the graph of references between records
(every ``Ref`` field of the model, ``portal.refs``):

    shown(R) = R, what R refers to (with what a person it names or, on a source's page, any
               record it names refers to), what refers to R (its "listed" records),
               what each listed record refers to and the documents that name it (and a listed
               measure's initiative's regions, which its list entry is filtered by),
               a measure's sibling measures (its "Weitere Maßnahmen"), a region's descendants
               with what lies in them, and the regions above every region in the set.

It over-approximates on purpose: a page rebuilt needlessly costs milliseconds, a page left stale is
a wrong preview. ``tests/test_preview_incremental.py`` compares the preview with a full build.

The references of a record are walked once per version of its file (``Graph.update`` keeps them by
the file's signature), so a save re-walks only the files that changed.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from .refs import references
from .selections import regions_up

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from .catalog import Catalog

Key = tuple[str, str]  # (collection, record id)


class Graph:
    """The references between the published records of one build, both ways."""

    def __init__(self) -> None:
        # (collection, id) → (signature of its file, the records it refers to); kept between saves.
        self._walked: dict[Key, tuple[str, frozenset[Key]]] = {}
        self.out: dict[Key, frozenset[Key]] = {}
        self.into: dict[Key, set[Key]] = defaultdict(set)
        self.catalog: Catalog | None = None
        # Per page, what it shows through references alone: valid as long as no reference changes.
        self._shown: dict[Key, frozenset[Key]] = {}

    def update(self, catalog: Catalog, signature: Mapping[Key, str]) -> None:
        """Take ``catalog``'s records; walk only those whose file ``signature`` changed since the last call."""
        self.catalog = catalog
        walked: dict[Key, tuple[str, frozenset[Key]]] = {}
        for collection, records in catalog.records.items():
            for record_id, record in records.items():
                key = (collection, record_id)
                sig = signature.get(key, "")
                known = self._walked.get(key)
                if known is None or known[0] != sig or not sig:
                    known = (sig, frozenset((target, ref) for _, target, ref in references(record)))
                walked[key] = known
        self._walked = walked
        # A reference to a record that is not published (a withheld document) leads to no page.
        out = {key: frozenset(t for t in targets if t in walked) for key, (_, targets) in walked.items()}
        if out == self.out:
            return  # no reference added, moved or removed: what each page shows is as before
        self.out = out
        self.into = defaultdict(set)
        for key, targets in self.out.items():
            for target in targets:
                self.into[target].add(key)
        self._shown = {}

    def shown(self, collection: str, record_id: str) -> set[Key]:
        """The records whose data the page of ``(collection, record_id)`` may show (see the module's rule)."""
        fixed, changing = self.shown_parts(collection, record_id)
        return set(fixed) | changing

    def shown_parts(self, collection: str, record_id: str) -> tuple[frozenset[Key], frozenset[Key]]:
        """``shown`` in two parts: through references alone (the same object from save to save while
        no reference changes), and what also depends on other data (a measure's listed siblings)."""
        catalog = self.catalog
        assert catalog is not None, "update() first"
        me = (collection, record_id)
        if me not in self._shown:
            self._shown[me] = frozenset(self._by_references(catalog, collection, record_id))
        changing: set[Key] = set()
        if collection == "measures":  # which siblings a measure's page lists depends on their titles
            siblings = [("measures", key) for key in catalog.related_measures(record_id)[0]]
            changing.update(siblings)
            for key in siblings:
                changing.update(self.out.get(key, ()))
                changing.update(k for k in self.into.get(key, ()) if k[0] == "documents")
            changing = _with_regions_above(catalog, changing)
        return self._shown[me], frozenset(changing)

    def _by_references(self, catalog: Catalog, collection: str, record_id: str) -> set[Key]:
        me = (collection, record_id)
        listed = set(self.into.get(me, ()))
        if collection == "people":  # a person's functions name the organisations of their roles' records
            listed.update(self.out.get(me, ()))
        if collection == "regions":
            below = _descendants(catalog, record_id)
            listed.update(("regions", key) for key in below)
            for region in below:
                listed.update(self.into.get(("regions", region), ()))
            # A region lists the measures of the initiatives in it (and below it).
            initiatives = [key for key in listed if key[0] == "initiatives"]
            for initiative in initiatives:
                listed.update(self.into.get(initiative, ()))
        shown = {me, *self.out.get(me, ()), *listed}
        for key in listed:
            shown.update(self.out.get(key, ()))
            shown.update(k for k in self.into.get(key, ()) if k[0] == "documents")
            if key[0] == "measures":  # a listed measure is filtered by its initiative's regions
                for initiative in self.out.get(key, ()):
                    if initiative[0] == "initiatives":
                        shown.update(k for k in self.out.get(initiative, ()) if k[0] == "regions")
        for key in self.out.get(me, ()):
            # What a source mentions, with the initiative of a mentioned measure; a person a page
            # names, with the organisations of their roles (the function shown next to the name).
            if collection == "documents" or key[0] == "people":
                shown.update(self.out.get(key, ()))
        return _with_regions_above(catalog, shown)

    def counts(self, collection: str, record_id: str) -> str:
        """Counts a page shows that no record of ``shown`` changes with: a measure's page says how
        many measures its initiative has, which a measure added elsewhere changes."""
        catalog = self.catalog
        assert catalog is not None, "update() first"
        if collection == "measures":
            return str(len(catalog.measures_of(catalog.measures[record_id].initiative)))
        return ""


def _descendants(catalog: Catalog, region_id: str) -> list[str]:
    """Every region below ``region_id`` (children, their children, …), each once even in a cycle."""
    found: list[str] = []
    todo = list(catalog.index.region_children.get(region_id, []))
    while todo:
        region = todo.pop()
        if region in found or region == region_id:
            continue
        found.append(region)
        todo.extend(catalog.index.region_children.get(region, []))
    return found


def _with_regions_above(catalog: Catalog, keys: Iterable[Key]) -> set[Key]:
    """``keys`` and every region above a region among them: pages show a region with its path."""
    result = set(keys)
    for collection, record_id in list(result):
        if collection == "regions":
            result.update(("regions", key) for key in regions_up(catalog.regions, record_id))
    return result


# The running preview's graph, kept between rebuilds like ``portal.incremental.MEMORY``.
GRAPH = Graph()
