"""The reverse links pages need ("who else points here"), computed once per build in one pass.

An organisation's initiatives and measures, a person's roles and statements, a document's
citations and mentions, an initiative's measures by working group, a region's children: each is a
dictionary filled by walking the content once, so a page asks in constant time and a build stays
linear however much content there is.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import labels
from .pagetypes import PAGE_TYPES
from .refs import references

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from .model import Document, Initiative, Measure, Person, Record, Region, Role, Statement


@dataclass(frozen=True)
class Involvement:
    """One way an organisation or person takes part in an initiative (role label, optional detail)."""

    initiative_id: str
    role: str
    detail: str = ""


@dataclass(frozen=True)
class Citation:
    """A record whose facts rest on a given document, and the parts of its page (label, anchor)."""

    collection: str
    record_id: str
    label: str
    parts: tuple[tuple[str, str], ...]


# The collections whose records cite documents in their fields (documents cite nothing).
CITING = ("initiatives", "measures", "organisations", "people", "regions")


@dataclass
class Indexes:
    """Reverse links of one build's content; built by ``build`` and only read afterwards."""

    involvements: dict[str, dict[Involvement, None]] = field(default_factory=lambda: defaultdict(dict))
    person_involvements: dict[str, dict[Involvement, None]] = field(default_factory=lambda: defaultdict(dict))
    citations: dict[str, list[Citation]] = field(default_factory=lambda: defaultdict(list))
    mentions: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    measures_by_initiative: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    measures_by_group: dict[tuple[str, str | None], list[str]] = field(default_factory=lambda: defaultdict(list))
    measures_by_org: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    people_by_org: dict[str, list[tuple[str, Role]]] = field(default_factory=lambda: defaultdict(list))
    statements_by_person: dict[str, list[tuple[str, Statement]]] = field(default_factory=lambda: defaultdict(list))
    region_children: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def build(cls, records: Mapping[str, Mapping[str, Record]], sorted_ids: Callable[[str], list[str]],
              label: Callable[[str, str], str]) -> Indexes:
        """Walk the content once. ``sorted_ids`` gives a collection's ids by name, ``label`` a record's
        display name; lists come out in that order, so pages need not sort again."""
        found = cls()
        initiatives: Mapping[str, Initiative] = records["initiatives"]  # type: ignore[assignment]
        measures: Mapping[str, Measure] = records["measures"]  # type: ignore[assignment]
        people: Mapping[str, Person] = records["people"]  # type: ignore[assignment]
        regions: Mapping[str, Region] = records["regions"]  # type: ignore[assignment]
        documents: Mapping[str, Document] = records["documents"]  # type: ignore[assignment]
        for iid in sorted_ids("initiatives"):
            found._initiative(iid, initiatives[iid])
        by_group = sorted(measures, key=lambda k: (measures[k].working_group or "", measures[k].title.casefold()))
        for mid in by_group:
            found.measures_by_initiative[measures[mid].initiative].append(mid)
        for mid in sorted_ids("measures"):
            found._measure(mid, measures[mid])
        for pid in sorted_ids("people"):
            for role in people[pid].roles:
                found.people_by_org[role.organisation].append((pid, role))
        for rid in sorted_ids("regions"):
            if parent := regions[rid].parent:
                found.region_children[parent].append(rid)
        for collection in CITING:
            for record_id in sorted_ids(collection):
                found._cite(collection, record_id, records[collection][record_id], label(collection, record_id))
        for doc_id, doc in documents.items():
            for collection, ids in (("initiatives", doc.initiatives), ("measures", doc.measures),
                                    ("organisations", doc.organisations), ("people", doc.people), ("topics", doc.topics)):
                for ref in ids:
                    found.mentions[(collection, ref)].append(doc_id)
            if doc.publisher:
                found.mentions[("organisations", doc.publisher)].append(doc_id)
        return found

    def _involve(self, org: str | None, person: str | None, initiative_id: str, role: str, detail: str = "") -> None:
        # Dictionaries keep the order of first appearance and drop repeats in constant time.
        entry = Involvement(initiative_id, role, detail)
        if org:
            self.involvements[org][entry] = None
        if person:
            self.person_involvements[person][entry] = None

    def _initiative(self, iid: str, initiative: Initiative) -> None:
        for p in initiative.participants:
            self._involve(p.organisation, p.person, iid, labels.PARTICIPANT_ROLE_SINGULAR[p.role], p.note or "")
        for body in initiative.bodies:
            for chair in body.chairs:
                self._involve(chair.organisation, chair.person, iid, "Vorsitz", body.name)
        for group in initiative.working_groups:
            for chair in group.chairs:
                self._involve(chair.organisation, chair.person, iid, "Vorsitz Arbeitskreis", group.name)
            for manager in group.management:
                self._involve(manager.organisation, manager.person, iid, "Geschäftsführung Arbeitskreis", group.name)
        for statement in initiative.statements:
            self._involve(None, statement.person, iid, "Stellungnahme")
            self.statements_by_person[statement.person].append((iid, statement))

    def _measure(self, mid: str, measure: Measure) -> None:
        self.measures_by_group[(measure.initiative, measure.working_group)].append(mid)
        if measure.owner:
            self._involve(measure.owner, None, measure.initiative, "Verantwortlich für Maßnahme", measure.title)
            self.measures_by_org[measure.owner].append((mid, "Verantwortlich"))
        for partner in measure.partners:
            self._involve(partner, None, measure.initiative, "Partner einer Maßnahme", measure.title)
            if partner != measure.owner:
                self.measures_by_org[partner].append((mid, "Partner"))
        for org in measure.mentioned:
            self._involve(org, None, measure.initiative, "Genannt bei einer Maßnahme (Rolle nicht angegeben)", measure.title)
            if org != measure.owner and org not in measure.partners:
                self.measures_by_org[org].append((mid, "genannt, Rolle nicht angegeben"))

    def _cite(self, collection: str, record_id: str, record: Record, label: str) -> None:
        # Which part of the record's page a cited field appears in, as its page type declares.
        declared = PAGE_TYPES[collection]
        found: dict[str, dict[tuple[str, str], None]] = {}
        for path, target, doc_id in references(record):
            if target == "documents":
                section = declared.section_for(str(path[0]))
                found.setdefault(doc_id, {})[(section.label, section.anchor)] = None
        for doc_id, parts in found.items():
            self.citations[doc_id].append(Citation(collection, record_id, label, tuple(parts)))
