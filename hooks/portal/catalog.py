"""The validated content as one read-only object graph, with the reverse links pages need.

Everything a page shows about "who else points here" (an organisation's initiatives, a document's
facts, a topic's measures) is computed once here, so templates only read.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from . import evidence, labels
from .dates import VagueDate
from .evidence import Evidence, State
from .model import Document, Initiative, Measure, Milestone, Organisation, Person, Record, Region, Role, Selection, Topic
from .refs import references
from .urls import url_for

FINISHED = {"abgeschlossen", "eingestellt"}


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


@dataclass(frozen=True)
class TimelineEntry:
    initiative_id: str
    milestone: Milestone


@dataclass
class Catalog:
    """All records by collection, the reference date for "overdue", and derived indexes."""

    records: dict[str, dict[str, Record]]
    today: dt.date
    # Open items without dated news for longer than this are flagged (mkdocs.yml extra.stale_after_years).
    stale_years: int = evidence.DEFAULT_STALE_YEARS
    # When each record's file last changed (git), for "Inhalt zuletzt geändert" in the open data.
    changed: dict[tuple[str, str], dt.date] = field(default_factory=dict)
    involvements: dict[str, list[Involvement]] = field(default_factory=lambda: defaultdict(list))
    person_involvements: dict[str, list[Involvement]] = field(default_factory=lambda: defaultdict(list))
    citations: dict[str, list[Citation]] = field(default_factory=lambda: defaultdict(list))
    mentions: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    _sorted: dict[str, list[str]] = field(default_factory=dict)
    _published: dict[str, Document] | None = None
    _measures_by_initiative: dict[str, list[str]] = field(default_factory=dict)
    _measures_by_group: dict[tuple[str, str | None], list[str]] = field(default_factory=dict)
    _region_children: dict[str, list[str]] = field(default_factory=dict)
    _last_news: dict[tuple[str, str], VagueDate | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._index_involvements()
        self._index_citations()
        self._index_mentions()

    # --- typed access -------------------------------------------------------------------------
    @property
    def initiatives(self) -> dict[str, Initiative]:
        return self.records["initiatives"]  # type: ignore[return-value]

    @property
    def measures(self) -> dict[str, Measure]:
        return self.records["measures"]  # type: ignore[return-value]

    @property
    def organisations(self) -> dict[str, Organisation]:
        return self.records["organisations"]  # type: ignore[return-value]

    @property
    def people(self) -> dict[str, Person]:
        return self.records["people"]  # type: ignore[return-value]

    @property
    def regions(self) -> dict[str, Region]:
        return self.records["regions"]  # type: ignore[return-value]

    @property
    def topics(self) -> dict[str, Topic]:
        return self.records["topics"]  # type: ignore[return-value]

    @property
    def documents(self) -> dict[str, Document]:
        """Published documents only: drafts and items dated after the build date stay off the site."""
        if self._published is None:
            self._published = {key: doc for key, doc in self.records["documents"].items()  # type: ignore[misc]
                               if self.is_published(doc)}
        return self._published

    def is_published(self, doc: Record) -> bool:
        assert isinstance(doc, Document)
        first = doc.date.first_day()
        # An item dated in the future appears with the first build on or after its (first) day.
        return not doc.draft and not (first is not None and first > self.today)

    def url(self, collection: str, record_id: str) -> str:
        """Site-relative URL of a record's page (for the ``url`` filter of the theme)."""
        return url_for(collection, record_id)

    def name(self, collection: str, record_id: str) -> str:
        """The display name of any record."""
        record = self.records[collection][record_id]
        for attr in ("title", "name"):
            if hasattr(record, attr):
                return str(getattr(record, attr))
        return record_id

    def person_name(self, person_id: str) -> str:
        person = self.people[person_id]
        parts = [person.honorific, person.name, person.suffix]
        return " ".join(part for part in parts if part)

    def sorted_ids(self, collection: str) -> list[str]:
        """Ids ordered by display name (computed once per collection and build)."""
        if collection not in self._sorted:
            self._sorted[collection] = sorted(self.records[collection], key=lambda key: self.name(collection, key).casefold())
        return self._sorted[collection]

    # --- measures -----------------------------------------------------------------------------
    def status(self, measure_id: str) -> str:
        """The measure's current status: that of its newest history entry."""
        return self.measures[measure_id].history[-1].status

    def status_date(self, measure_id: str) -> VagueDate:
        return self.measures[measure_id].history[-1].date

    def is_overdue(self, measure_id: str) -> bool:
        """Target date passed (its last possible day before today) and no completion recorded."""
        measure = self.measures[measure_id]
        last = measure.target.last_day() if measure.target else None
        return bool(last and last < self.today and self.status(measure_id) not in FINISHED)

    # --- evidence: how strong and how old the news behind a status is (see portal.evidence) -------
    def measure_evidence(self, measure_id: str) -> Evidence:
        """The sources of the measure's current status and the newest date among them."""
        return evidence.newest(self.documents, self.measures[measure_id].history[-1].sources)

    def entry_evidence(self, source_ids: list[str]) -> Evidence:
        """The evidence of any sourced statement (a history entry, a role)."""
        return evidence.newest(self.documents, source_ids)

    def role_evidence(self, role: Role) -> Evidence:
        return evidence.newest(self.documents, role.sources)

    def initiative_state(self, initiative_id: str) -> State:
        """What the initiative's page shows: derived from its newest history entry and that source's age."""
        entry = self.initiatives[initiative_id].history[-1]
        return evidence.initiative_state(entry.status, evidence.newest(self.documents, entry.sources), self.today, self.stale_years)

    def last_news(self, collection: str, record_id: str) -> VagueDate | None:
        """The date of the newest dated document the record cites or that names it (None: none dated)."""
        key = (collection, record_id)
        if key not in self._last_news:
            ids = self.sources_of(self.records[collection][record_id]) + self.documents_about(collection, record_id)
            found = evidence.newest_source(self.documents, ids)
            self._last_news[key] = found[1] if found else None
        return self._last_news[key]

    def is_open(self, collection: str, record_id: str) -> bool:
        """Still expected to change: not finished or stopped (measures), not ended (initiatives)."""
        if collection == "measures":
            return self.status(record_id) not in FINISHED
        if collection == "initiatives":
            return self.initiatives[record_id].history[-1].status != "abgeschlossen"
        return False

    def is_stale(self, collection: str, record_id: str) -> bool:
        """An open item whose newest dated news is older than the stale period, or that has none."""
        return self.is_open(collection, record_id) and evidence.is_stale(
            self.last_news(collection, record_id), self.today, self.stale_years)

    def stale_text(self, collection: str, record_id: str) -> str:
        """"keine datierte Meldung" or "seit über N Jahren ohne Meldung"."""
        return evidence.stale_text(self.last_news(collection, record_id), self.today)

    def newest_source(self, source_ids: list[str]) -> tuple[str, VagueDate] | None:
        """The newest dated document among a page's sources, for "neueste Quelle vom …"."""
        return evidence.newest_source(self.documents, source_ids)

    def method_url(self, kind: str = "", key: str = "") -> str:
        """Site-relative address of the method page, or of its section for a status."""
        return evidence.METHOD_PAGE + (f"#{evidence.method_anchor(kind, key)}" if kind else "")

    def selection_text(self, selection: Selection | None, shown: int) -> str:
        """How the listed measures relate to all there are: never "Alle …" unless the source says so."""
        what = "Maßnahme" if shown == 1 else "Maßnahmen"
        if selection is None:
            return f"{shown} {what}, die die Quellen nennen; ob es weitere gibt, sagen sie nicht."
        if selection.scope == "vollstaendig":
            return f"Alle {shown} {what}, die die Quelle aufzählt."
        if selection.total:
            counted = f"Laut Quelle {selection.total} {selection.total_label or ''}".rstrip()
            return f"{counted}; hier {shown} als Beispiele aus der Quelle."
        return f"Hier {shown} als Beispiele aus der Quelle; wie viele es insgesamt sind, sagt sie nicht."

    def is_past(self, date: VagueDate) -> bool:
        """The date's last possible day lies before the reference date (an announced event is due)."""
        last = date.last_day()
        return last is not None and last < self.today

    def newest_dated_entry(self, history: list[Any]) -> VagueDate | None:
        """The newest known date in a history (the event, not the source): shown when no source is dated."""
        dates = [entry.date for entry in history if entry.date.known]
        return max(dates, key=lambda date: date.sort_key()) if dates else None

    def measures_of(self, initiative_id: str) -> list[str]:
        """The initiative's measures, by working group and title (computed once per build)."""
        if not self._measures_by_initiative:
            for key in sorted(self.measures, key=lambda k: (self.measures[k].working_group or "", self.measures[k].title.casefold())):
                self._measures_by_initiative.setdefault(self.measures[key].initiative, []).append(key)
        return self._measures_by_initiative.get(initiative_id, [])

    def measures_of_group(self, initiative_id: str, group_id: str) -> list[str]:
        """The measures of one working group, in the initiative's order."""
        return [key for key in self.measures_of(initiative_id) if self.measures[key].working_group == group_id]

    def related_measures(self, measure_id: str, limit: int = 10) -> tuple[list[str], int]:
        """Up to ``limit`` other measures of the same working group (or initiative), and how many the
        initiative has. Bounded so that a page's size does not grow with the whole content."""
        measure = self.measures[measure_id]
        if not self._measures_by_group:
            for key in self.sorted_ids("measures"):
                m = self.measures[key]
                self._measures_by_group.setdefault((m.initiative, m.working_group), []).append(key)
        group = self._measures_by_group[(measure.initiative, measure.working_group)]
        same = [key for key in group[: limit + 1] if key != measure_id]
        return same[:limit], len(self.measures_of(measure.initiative))

    def by_status(self, measure_ids: list[str]) -> list[tuple[str, str, list[str]]]:
        """(status, heading, ids) groups in the fixed order: open work first, finished last."""
        groups = []
        for status in labels.MEASURE_STATUS_ORDER:
            ids = [key for key in measure_ids if self.status(key) == status]
            if ids:
                label = labels.MEASURE_STATUS[status]
                groups.append((status, label[:1].upper() + label[1:], ids))
        return groups

    def overdue_ids(self) -> list[str]:
        return [key for key in self.sorted_ids("measures") if self.is_overdue(key)]

    def stale_measure_ids(self) -> list[str]:
        """Open measures without dated news within the stale period (or with none dated at all)."""
        return [key for key in self.sorted_ids("measures") if self.is_stale("measures", key)]

    # --- participation ------------------------------------------------------------------------
    def participants_by_role(self, initiative_id: str) -> list[tuple[str, list[Any]]]:
        """Participants grouped under the German label of their role, in the vocabulary's order."""
        initiative = self.initiatives[initiative_id]
        groups = []
        for role, label in labels.PARTICIPANT_ROLE.items():
            members = [p for p in initiative.participants if p.role == role]
            if members:
                groups.append((label, members))
        return groups

    def _involve(self, org: str | None, person: str | None, initiative_id: str, role: str, detail: str = "") -> None:
        entry = Involvement(initiative_id, role, detail)
        if org and entry not in self.involvements[org]:
            self.involvements[org].append(entry)
        if person and entry not in self.person_involvements[person]:
            self.person_involvements[person].append(entry)

    def _index_involvements(self) -> None:
        for iid, initiative in self.initiatives.items():
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
        for measure in self.measures.values():
            if measure.owner:
                self._involve(measure.owner, None, measure.initiative, "Verantwortlich für Maßnahme", measure.title)
            for partner in measure.partners:
                self._involve(partner, None, measure.initiative, "Partner einer Maßnahme", measure.title)
            for org in measure.mentioned:
                self._involve(org, None, measure.initiative, "Genannt bei einer Maßnahme (Rolle nicht angegeben)", measure.title)

    def initiatives_of_org(self, org_id: str) -> list[tuple[str, list[Involvement]]]:
        grouped: dict[str, list[Involvement]] = defaultdict(list)
        for entry in self.involvements.get(org_id, []):
            grouped[entry.initiative_id].append(entry)
        return sorted(grouped.items(), key=lambda item: self.initiatives[item[0]].title.casefold())

    def initiatives_of_person(self, person_id: str) -> list[tuple[str, list[Involvement]]]:
        grouped: dict[str, list[Involvement]] = defaultdict(list)
        for entry in self.person_involvements.get(person_id, []):
            grouped[entry.initiative_id].append(entry)
        return sorted(grouped.items(), key=lambda item: self.initiatives[item[0]].title.casefold())

    def people_of_org(self, org_id: str) -> list[tuple[str, Role]]:
        """(person id, role) for everyone with a public role in the organisation."""
        found = [(pid, role) for pid, person in self.people.items() for role in person.roles if role.organisation == org_id]
        return sorted(found, key=lambda item: self.people[item[0]].name.casefold())

    def measures_of_org(self, org_id: str) -> list[tuple[str, str]]:
        """(measure id, "Verantwortlich" or "Partner") for every measure the organisation carries."""
        found = []
        for mid in self.sorted_ids("measures"):
            measure = self.measures[mid]
            if measure.owner == org_id:
                found.append((mid, "Verantwortlich"))
            elif org_id in measure.partners:
                found.append((mid, "Partner"))
            elif org_id in measure.mentioned:
                found.append((mid, "genannt, Rolle nicht angegeben"))
        return found

    def statements_of(self, person_id: str) -> list[tuple[str, Any]]:
        return [(iid, s) for iid, i in self.initiatives.items() for s in i.statements if s.person == person_id]

    # --- documents ----------------------------------------------------------------------------
    def _index_citations(self) -> None:
        # Which part of a record's page a cited field appears in: (label, anchor on that page).
        parts = {
            "goals": ("Ziele", "ziele"), "participants": ("Beteiligte", "beteiligte"), "bodies": ("Gremien", "gremien"),
            "working_groups": ("Arbeitskreise", "arbeitskreise"), "milestones": ("Zeitleiste", "zeitleiste"),
            "key_figures": ("Kennzahlen", "kennzahlen"), "statements": ("Stellungnahmen", "stellungnahmen"),
            "history": ("Verlauf", "verlauf"), "roles": ("Rollen", "rollen"), "measures_listed": ("Maßnahmen", "massnahmen"),
        }
        # An initiative's history is its status, shown at the top of its page.
        special = {("initiatives", "history"): ("Status", "")}
        for collection in ("initiatives", "measures", "organisations", "people", "regions"):
            for record_id in self.sorted_ids(collection):
                found: dict[str, list[tuple[str, str]]] = {}
                for path, target, doc_id in references(self.records[collection][record_id]):
                    if target == "documents":
                        part = special.get((collection, str(path[0]))) or parts.get(str(path[0]), ("Grunddaten", ""))
                        if part not in found.setdefault(doc_id, []):
                            found[doc_id].append(part)
                for doc_id, cited_parts in found.items():
                    label = self.person_name(record_id) if collection == "people" else self.name(collection, record_id)
                    self.citations[doc_id].append(Citation(collection, record_id, label, tuple(cited_parts)))

    def _index_mentions(self) -> None:
        for doc_id, doc in self.documents.items():
            for collection, ids in (("initiatives", doc.initiatives), ("measures", doc.measures),
                                    ("organisations", doc.organisations), ("people", doc.people), ("topics", doc.topics)):
                for ref in ids:
                    self.mentions[(collection, ref)].append(doc_id)
            if doc.publisher:
                self.mentions[("organisations", doc.publisher)].append(doc_id)

    def documents_about(self, collection: str, record_id: str) -> list[str]:
        """Published documents that name the record, newest first (undated ones last)."""
        ids = dict.fromkeys(self.mentions.get((collection, record_id), []))
        return self.sort_documents(list(ids))

    def sort_documents(self, ids: list[str]) -> list[str]:
        docs = self.documents
        dated = sorted((i for i in ids if docs[i].date.known), key=lambda i: docs[i].date.sort_key(), reverse=True)
        undated = sorted((i for i in ids if not docs[i].date.known), key=lambda i: docs[i].title.casefold())
        return dated + undated

    def press_ids(self) -> list[str]:
        return self.sort_documents([key for key, doc in self.documents.items() if doc.type in labels.PRESS_TYPES])

    def sources_of(self, record: Record) -> list[str]:
        """Every document a record cites anywhere, in the order of first use."""
        ids = [ref for _, target, ref in references(record) if target == "documents"]
        return list(dict.fromkeys(ids))

    def sources_for(self, collection: str, ids: list[str]) -> list[str]:
        """The documents behind a list page: every source of the listed records, newest first."""
        found = [doc for key in ids for doc in self.sources_of(self.records[collection][key])]
        return self.sort_documents(list(dict.fromkeys(found)))

    def timeline_sources(self) -> list[str]:
        return self.sort_documents(list(dict.fromkeys(s for e in self.timeline() for s in e.milestone.sources)))

    # --- time, topics, regions ----------------------------------------------------------------
    def timeline(self, initiative_id: str | None = None) -> list[TimelineEntry]:
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
        entries = self.timeline()
        kinds = {e.milestone.kind for e in entries}
        return [
            ("initiative", "Initiative", [(i, self.initiatives[i].title) for i in self.sorted_ids("initiatives")
                                          if any(e.initiative_id == i for e in entries)]),
            ("kind", "Art", [(k, v) for k, v in labels.MILESTONE_KIND.items() if k in kinds]),
            ("status", "Stand", [(k, v) for k, v in labels.MILESTONE_STATUS.items()]),
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
        """The regions directly below ``region_id``, by name (indexed once per build)."""
        if not self._region_children:
            self._region_children[""] = []  # marks the index as built, also when there are no regions
            for rid in self.sorted_ids("regions"):
                if parent := self.regions[rid].parent:
                    self._region_children.setdefault(parent, []).append(rid)
        return self._region_children.get(region_id, [])

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
        area = self.region_with_descendants(region_id)
        return sorted((iid for iid, i in self.initiatives.items() if i.region in area),
                      key=lambda key: self.initiatives[key].title.casefold())

    def organisations_in(self, region_id: str) -> list[str]:
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
            ("region", "Region", [(r, self.regions[r].name) for r in self.sorted_ids("regions") if any(i.region == r for i in used)]),
            ("status", "Status", [(k, v) for k, v in labels.INITIATIVE_STATUS.items()
                                  if any(self.initiative_state(i).key == k for i in self.initiatives)]),
        ]

    def measure_filters(self) -> list[tuple[str, str, list[tuple[str, str]]]]:
        """Filter fields for the measures overview: status, initiative and topic."""
        statuses = {self.status(mid) for mid in self.measures}
        topics = {t for m in self.measures.values() for t in m.topics}
        return [
            ("status", "Status", [(k, v) for k, v in labels.MEASURE_STATUS.items() if k in statuses]),
            ("initiative", "Initiative", [(i, self.initiatives[i].title) for i in self.sorted_ids("initiatives")
                                          if any(m.initiative == i for m in self.measures.values())]),
            ("topic", "Thema", [(t, self.topics[t].name) for t in self.sorted_ids("topics") if t in topics]),
        ]

    def orgs_by_type(self) -> list[tuple[str, list[str]]]:
        groups = []
        for org_type, label in labels.ORG_TYPE.items():
            ids = [oid for oid in self.sorted_ids("organisations") if self.organisations[oid].type == org_type]
            if ids:
                groups.append((label, ids))
        return groups
