"""Queries for overview pages: the timeline, topics, regions, groupings and filter options.

A mixin of ``portal.catalog.Catalog``; the overviews split into pages of their own are in
``portal.archives``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import labels
from .archives import ArchiveQueries

if TYPE_CHECKING:
    from .evidence import State
    from .indexes import Indexes
    from .model import Document, Initiative, Measure, Milestone, Organisation, Region, Topic


@dataclass(frozen=True)
class TimelineEntry:
    """A milestone with the initiative it belongs to: the timeline mixes the milestones of all initiatives."""

    initiative_id: str
    milestone: Milestone


class ListingQueries(ArchiveQueries):
    """What overview pages list, in which groups and with which filters (the split overviews' pages:
    ``portal.archives``)."""

    if TYPE_CHECKING:  # provided by Catalog and ProgressQueries, and documented there (hence noqa: D102)
        index: Indexes
        initiatives: dict[str, Initiative]
        measures: dict[str, Measure]
        organisations: dict[str, Organisation]
        regions: dict[str, Region]
        topics: dict[str, Topic]
        documents: dict[str, Document]

        def sorted_ids(self, collection: str) -> list[str]: ...  # noqa: D102
        def sort_documents(self, ids: list[str]) -> list[str]: ...  # noqa: D102
        def documents_about(self, collection: str, record_id: str) -> list[str]: ...  # noqa: D102
        def status(self, measure_id: str) -> str: ...  # noqa: D102
        def initiative_state(self, initiative_id: str) -> State: ...  # noqa: D102
        def region_options(self) -> list[tuple[str, str]]: ...  # noqa: D102

    def timeline(self, initiative_id: str | None = None) -> list[TimelineEntry]:
        """Milestones of every initiative (or only of ``initiative_id``), oldest first, undated last, ties by title."""
        entries = [TimelineEntry(iid, m) for iid, i in self.initiatives.items()
                   if initiative_id in (None, iid) for m in i.milestones]
        return sorted(entries, key=lambda e: (e.milestone.date.sort_key(), e.milestone.title))

    def timeline_by_year(self) -> list[tuple[str, str, list[TimelineEntry]]]:
        """(anchor, heading, entries) per year; milestones no source dates come last, said so."""
        groups: dict[str, tuple[str, str, list[TimelineEntry]]] = {}
        for entry in self.timeline():
            date = entry.milestone.date
            key, heading = (str(date.year), str(date.year)) if date.known else ("unbekannt", "Zeitpunkt nicht bekannt")
            groups.setdefault(key, (f"jahr-{key}", heading, []))[2].append(entry)
        return list(groups.values())

    def timeline_filters(self) -> list[tuple[str, str, list[tuple[str, str]]]]:
        """Filter fields for the timeline: initiatives and kinds that occur, and every milestone status."""
        entries = self.timeline()
        kinds = {e.milestone.kind for e in entries}
        return [
            ("initiative", "Initiative", [(i, self.initiatives[i].title) for i in self.sorted_ids("initiatives")
                                          if any(e.initiative_id == i for e in entries)]),
            ("kind", "Art", [(k, v) for k, v in labels.MILESTONE_KIND.items() if k in kinds]),
            ("status", "Stand", [(k, v) for k, v in labels.MILESTONE_STATUS.items()]),
            ("region", "Region", self.region_options()),
        ]

    def with_topic(self, topic_id: str) -> dict[str, list[str]]:
        """Initiatives, measures and documents tagged with a topic (working groups count for initiatives)."""
        initiatives = [iid for iid, i in self.initiatives.items()
                       if topic_id in i.topics or any(topic_id in g.topics for g in i.working_groups)]
        return {
            "initiatives": sorted(initiatives, key=lambda key: self.initiatives[key].title.casefold()),
            "measures": [mid for mid in self.sorted_ids("measures") if topic_id in self.measures[mid].topics],
            "documents": self.documents_about("topics", topic_id),
        }

    def region_children(self, region_id: str) -> list[str]:
        """The regions directly below ``region_id``, by name."""
        return self.index.region_children.get(region_id, [])

    def region_with_descendants(self, region_id: str) -> set[str]:
        """The region and every region below it (iterative: nesting depth never exhausts the stack)."""
        found, todo = {region_id}, [region_id]
        while todo:
            for child in self.region_children(todo.pop()):
                if child not in found:
                    found.add(child)
                    todo.append(child)
        return found

    def initiatives_in(self, region_id: str) -> list[str]:
        """Initiatives of the region or of any region below it, by title."""
        area = self.region_with_descendants(region_id)
        return sorted((iid for iid, i in self.initiatives.items() if i.region in area),
                      key=lambda key: self.initiatives[key].title.casefold())

    def organisations_in(self, region_id: str) -> list[str]:
        """Organisations placed in exactly this region (not in regions below it), by name."""
        return [oid for oid in self.sorted_ids("organisations") if self.organisations[oid].region == region_id]

    def initiatives_by_kind(self) -> list[tuple[str, str, list[str]]]:
        """(kind, German label, ids) for every kind that has initiatives."""
        groups = []
        for kind, label in labels.INITIATIVE_KIND.items():
            ids = [iid for iid in self.sorted_ids("initiatives") if self.initiatives[iid].kind == kind]
            if ids:
                groups.append((kind, label, ids))
        return groups

    def documents_by_type(self) -> list[tuple[str, str, list[str]]]:
        """(type, German label, ids) for every document type with published documents, each group newest first."""
        groups = []
        for doc_type, label in labels.DOCUMENT_TYPE.items():
            ids = self.sort_documents([key for key, doc in self.documents.items() if doc.type == doc_type])
            if ids:
                groups.append((doc_type, label, ids))
        return groups

    def initiative_filters(self) -> list[tuple[str, str, list[tuple[str, str]]]]:
        """Filter fields for the initiatives overview: only values that occur."""
        used = self.initiatives.values()
        return [
            ("kind", "Art", [(k, v) for k, v in labels.INITIATIVE_KIND.items() if any(i.kind == k for i in used)]),
            # A region finds the initiatives in it and in the regions below it (portal.selections).
            ("region", "Region", self.region_options()),
            ("status", "Status", [(k, v) for k, v in labels.INITIATIVE_STATUS.items()
                                  if any(self.initiative_state(i).key == k for i in self.initiatives)]),
        ]

    def measure_filters(self) -> list[tuple[str, str, list[tuple[str, str]]]]:
        """Filter fields for the measures overview: status, initiative, topic and region."""
        statuses = {self.status(mid) for mid in self.measures}
        topics = {t for m in self.measures.values() for t in m.topics}
        return [
            ("status", "Status", [(k, v) for k, v in labels.MEASURE_STATUS.items() if k in statuses]),
            ("initiative", "Initiative", [(i, self.initiatives[i].title) for i in self.sorted_ids("initiatives")
                                          if any(m.initiative == i for m in self.measures.values())]),
            ("topic", "Thema", [(t, self.topics[t].name) for t in self.sorted_ids("topics") if t in topics]),
            ("region", "Region", self.region_options()),
        ]

    def orgs_by_type(self) -> list[tuple[str, list[str]]]:
        """(German label, ids) for every organisation type that occurs, in the vocabulary's order, ids by name."""
        groups = []
        for org_type, label in labels.ORG_TYPE.items():
            ids = [oid for oid in self.sorted_ids("organisations") if self.organisations[oid].type == org_type]
            if ids:
                groups.append((label, ids))
        return groups
