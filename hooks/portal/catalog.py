"""The published content as one read-only, typed object graph, with the queries pages ask.

``Catalog`` holds one field per collection, built once: drafts and documents dated after the
reference date are set aside (``withheld``, for checks only), so no page, list, feed or export can
show them. The reverse links come from ``portal.indexes``; progress queries (evidence, stale,
overdue) from ``portal.progress``; overview groupings and filters from ``portal.listings``; status
summaries from ``portal.summaries``; the static measure lists and region filter from
``portal.selections``; the dated changes for the "Neu" page and the feeds from ``portal.changes``;
counts per map area from ``portal.regionmap``; partners across initiatives from
``portal.partnership``; the quieter profiles' source lines from ``portal.citing``; what the timeline
charts draw from ``portal.timechart_rows``.
Templates only read.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from jinja2 import pass_context

from . import evidence, labels, present
from .changes import FollowQueries
from .citing import ProfileQueries
from .indexes import Citation, Indexes, Involvement
from .listings import ListingQueries, TimelineEntry
from .pagetypes import PAGE_TYPES, Section
from .partnership import PartnerQueries
from .progress import FINISHED, ProgressQueries
from .refs import references
from .regionmap import MapQueries
from .selections import SelectionQueries
from .summaries import SummaryQueries
from .timechart_rows import TimechartQueries
from .urls import url_for

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Hashable, Mapping

    from jinja2.runtime import Context

    from .dates import VagueDate
    from .model import (
        Document,
        Initiative,
        Measure,
        Organisation,
        Person,
        Record,
        Region,
        Role,
        Statement,
        Topic,
        WorkingGroup,
    )

__all__ = ["FINISHED", "Catalog", "Citation", "Involvement", "TimelineEntry"]


def is_published(doc: Document, today: dt.date) -> bool:
    """Not a draft, and not dated after ``today`` (an item appears with the first build on or after its first day)."""
    first = doc.date.first_day()
    return not doc.draft and not (first is not None and first > today)


class Catalog(ProgressQueries, ListingQueries, SummaryQueries, SelectionQueries, MapQueries, FollowQueries,
              PartnerQueries, ProfileQueries, TimechartQueries):
    """All published records by collection, the reference date for "overdue", and derived indexes."""

    def __init__(self, records: Mapping[str, Mapping[str, Record]], today: dt.date,
                 stale_years: int = evidence.DEFAULT_STALE_YEARS,
                 changed: dict[tuple[str, str], dt.date] | None = None) -> None:
        self.today = today
        # Open items without dated news for longer than this are flagged (mkdocs.yml extra.stale_after_years).
        self.stale_years = stale_years
        # When each record's file last changed (git), for "Inhalt zuletzt geändert" in the open data.
        self.changed = changed or {}
        self.initiatives: dict[str, Initiative] = dict(records["initiatives"])  # type: ignore[arg-type]
        self.measures: dict[str, Measure] = dict(records["measures"])  # type: ignore[arg-type]
        self.organisations: dict[str, Organisation] = dict(records["organisations"])  # type: ignore[arg-type]
        self.people: dict[str, Person] = dict(records["people"])  # type: ignore[arg-type]
        self.regions: dict[str, Region] = dict(records["regions"])  # type: ignore[arg-type]
        self.topics: dict[str, Topic] = dict(records["topics"])  # type: ignore[arg-type]
        documents: dict[str, Document] = dict(records["documents"])  # type: ignore[arg-type]
        self.documents = {key: doc for key, doc in documents.items() if is_published(doc, today)}
        self.withheld = {key: doc for key, doc in documents.items() if key not in self.documents}
        self._records: dict[str, Mapping[str, Record]] = {
            "regions": self.regions, "topics": self.topics, "organisations": self.organisations, "people": self.people,
            "initiatives": self.initiatives, "measures": self.measures, "documents": self.documents}
        self._sorted: dict[str, list[str]] = {}
        self._names: dict[tuple[str, str], str] = {}
        self._fragments: present.Fragments = weakref.WeakKeyDictionary()  # portal.once
        self._sources: dict[int, list[str]] = {}
        self._last_news: dict[tuple[str, str], VagueDate | None] = {}
        self.index = Indexes.build(self.records, self.sorted_ids, self.label)

    @property
    def records(self) -> dict[str, Mapping[str, Record]]:
        """The published records by collection name, for code that handles every collection alike."""
        return self._records

    # --- access -------------------------------------------------------------------------------
    def record(self, collection: str, record_id: str) -> Record:
        """Any published record by collection and id."""
        return self.records[collection][record_id]

    def url(self, collection: str, record_id: str) -> str:
        """Site-relative URL of a record's page (for the ``url`` filter of the theme)."""
        return url_for(collection, record_id)

    def name(self, collection: str, record_id: str) -> str:
        """The display name of any record."""
        # Every link on every page asks (hundreds of thousands of times in a large build): once per record.
        key = (collection, record_id)
        found = self._names.get(key)
        if found is None:
            record = self.record(collection, record_id)
            found = self._names[key] = next((str(getattr(record, attr)) for attr in ("title", "name") if hasattr(record, attr)), record_id)
        return found

    def sections(self, collection: str, record_id: str) -> list[Section]:
        """The sections a record's page has (for its section links), as its page type declares them."""
        return PAGE_TYPES[collection].present_sections(self, record_id)

    def section(self, collection: str, anchor: str) -> Section:
        """One declared section of a page type (for its heading)."""
        return PAGE_TYPES[collection].section_named(anchor)

    def label(self, collection: str, record_id: str) -> str:
        """The name a list shows (and a link, macros.link): a person with honorific and suffix, anything else by its name."""
        return self.person_name(record_id) if collection == "people" else self.name(collection, record_id)

    def person_name(self, person_id: str) -> str:
        """Honorific, name and suffix as one string ("Prof. Dr. Erika Muster MdL"); missing parts are left out."""
        person = self.people[person_id]
        parts = [person.honorific, person.name, person.suffix]
        return " ".join(part for part in parts if part)

    def sorted_ids(self, collection: str) -> list[str]:
        """Ids ordered by display name (computed once per collection and build)."""
        if collection not in self._sorted:
            self._sorted[collection] = sorted(self.records[collection], key=lambda key: self.name(collection, key).casefold())
        return self._sorted[collection]

    @pass_context
    def once(self, context: Context, key: Hashable, caller: Callable[[], str]) -> str:
        """A ``{% call portal.once(key) %}…{% endcall %}`` body rendered once per build, catalog and key,
        for fragments many pages repeat (``portal.present.once`` says what ``key`` must name). The
        fragments live with this catalog and the build's Jinja environment: a test that renders
        several catalogs with one environment, or the preview that keeps a catalog for the next
        build, never gets another's."""
        return present.remembered(self._fragments, context, key, caller)

    # --- measures -----------------------------------------------------------------------------
    def measures_of(self, initiative_id: str) -> list[str]:
        """The initiative's measures, by working group and title."""
        return self.index.measures_by_initiative.get(initiative_id, [])

    def measures_of_group(self, initiative_id: str, group_id: str) -> list[str]:
        """The measures of one working group, by title (the initiative's order within the group)."""
        return self.index.measures_by_group.get((initiative_id, group_id), [])

    def working_group(self, initiative_id: str, group_id: str) -> WorkingGroup:
        """A working group of an initiative by its id (the check makes sure it exists)."""
        return next(group for group in self.initiatives[initiative_id].working_groups if group.id == group_id)

    def related_measures(self, measure_id: str, limit: int = 10) -> tuple[list[str], int]:
        """Up to ``limit`` other measures of the same working group (or initiative), and how many the
        initiative has. Bounded so that a page's size does not grow with the whole content."""
        measure = self.measures[measure_id]
        group = self.index.measures_by_group[(measure.initiative, measure.working_group)]
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

    def _by_initiative(self, entries: Mapping[Involvement, None]) -> list[tuple[str, list[Involvement]]]:
        grouped: dict[str, list[Involvement]] = defaultdict(list)
        for entry in entries:
            grouped[entry.initiative_id].append(entry)
        return sorted(grouped.items(), key=lambda item: self.initiatives[item[0]].title.casefold())

    def initiatives_of_org(self, org_id: str) -> list[tuple[str, list[Involvement]]]:
        """(initiative id, the organisation's involvements there) for each initiative it takes part in, by title."""
        return self._by_initiative(self.index.involvements.get(org_id, {}))

    def initiatives_of_person(self, person_id: str) -> list[tuple[str, list[Involvement]]]:
        """(initiative id, the person's involvements there, statements included) for each initiative, by title."""
        return self._by_initiative(self.index.person_involvements.get(person_id, {}))

    def people_of_org(self, org_id: str) -> list[tuple[str, Role]]:
        """(person id, role) for everyone with a public role in the organisation, by name."""
        return self.index.people_by_org.get(org_id, [])

    def measures_of_org(self, org_id: str) -> list[tuple[str, str]]:
        """(measure id, "Verantwortlich", "Partner" or "genannt, …") for every measure that names the organisation."""
        return self.index.measures_by_org.get(org_id, [])

    def statements_of(self, person_id: str) -> list[tuple[str, Statement]]:
        """(initiative id, statement) for all the person said: initiatives by title, statements as listed there."""
        return self.index.statements_by_person.get(person_id, [])

    # --- documents ----------------------------------------------------------------------------
    @property
    def citations(self) -> dict[str, list[Citation]]:
        """Document id → the records that rest on it and the parts of their pages (a source page's "cited in" list)."""
        return self.index.citations

    def documents_about(self, collection: str, record_id: str) -> list[str]:
        """Published documents that name the record, newest first (undated ones last)."""
        ids = dict.fromkeys(self.index.mentions.get((collection, record_id), []))
        return self.sort_documents(list(ids))

    def sort_documents(self, ids: list[str]) -> list[str]:
        """Dated documents newest first (a vague date by its sort key), then the undated ones by title."""
        docs = self.documents
        dated = sorted((i for i in ids if docs[i].date.known), key=lambda i: docs[i].date.sort_key(), reverse=True)
        undated = sorted((i for i in ids if not docs[i].date.known), key=lambda i: docs[i].title.casefold())
        return dated + undated

    def press_ids(self) -> list[str]:
        """Published press releases, news items and interviews (``labels.PRESS_TYPES``), newest first."""
        return self.sort_documents([key for key, doc in self.documents.items() if doc.type in labels.PRESS_TYPES])

    def sources_of(self, record: Record) -> list[str]:
        """Every document a record cites anywhere, in the order of first use (a new list each time).

        Walking a record's fields is the costliest lookup pages make (a measure is asked for by its own
        page, its siblings' lists, the overviews and the open data), so each record is walked once."""
        key = id(record)  # records live as long as the catalog and never change (frozen models)
        if key not in self._sources:
            ids = [ref for _, target, ref in references(record) if target == "documents"]
            self._sources[key] = list(dict.fromkeys(ids))
        return list(self._sources[key])

    def sources_for(self, collection: str, ids: list[str]) -> list[str]:
        """The documents behind a list page: every source of the listed records, newest first."""
        found = [doc for key in ids for doc in self.sources_of(self.record(collection, key))]
        return self.sort_documents(list(dict.fromkeys(found)))

    def topic_sources(self, topic_id: str) -> list[str]:
        """The documents behind a topic page: those of its initiatives, then those of its measures."""
        found = self.with_topic(topic_id)
        return list(dict.fromkeys(self.sources_for("initiatives", found["initiatives"]) + self.sources_for("measures", found["measures"])))

    def region_sources(self, region_id: str) -> list[str]:
        """The documents behind a region page: its own description's, then its initiatives'."""
        own = list(self.regions[region_id].sources)
        return list(dict.fromkeys(own + self.sources_for("initiatives", self.initiatives_in(region_id))))

    @property
    def involvements(self) -> Mapping[str, Mapping[Involvement, None]]:
        """Organisation id → its involvements in initiatives (in order of first appearance)."""
        return self.index.involvements

    def timeline_sources(self) -> list[str]:
        """The documents behind the timeline page: every source of any milestone, newest first."""
        return self.sort_documents(list(dict.fromkeys(s for e in self.timeline() for s in e.milestone.sources)))
