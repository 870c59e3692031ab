"""What changed, and when: one list of dated facts for the "Neu" page, the feeds and the calendars.

A change is built only from facts a source dates: an initiative's or a measure's status entry
(``history``), a milestone that took place, the announcement of one (dated by its newest dated
source: the news is the announcement, not the day it names), or a published document. Nothing is guessed: a fact whose date no
source gives is not a change (it stays in the timeline and on its page), and neither is one dated
after the reference date (an announced date is a coming event: the calendars list it).

Newest first means by the **last** day a date can mean: "Frühjahr 2018" sorts as 31 May 2018 and
is still shown as "Frühjahr 2018". Every change names the records it concerns, so that each
initiative, organisation, topic and region selects its own changes from one index, built in one
pass over the list (``ChangeIndex``), never by a scan per record.

``FollowQueries`` is a mixin of ``portal.catalog.Catalog``: the queries the "Neu" page, the start
page and the feed links ask.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from . import labels
from .dates import Precision, VagueDate
from .selections import regions_up
from .urls import url_for

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Mapping

    from .indexes import Indexes, Involvement
    from .model import Document, Initiative, Measure, Region

# How many changes the "Neu" page shows, and the start page's block (older ones: feeds, timeline, press).
PAGE_LIMIT = 100
HOME_LIMIT = 5
# The calendar of all initiatives holds the dates of the last this many months and every coming one
# (an initiative's own calendar holds all its dates): bounded, so it does not grow with the years.
CALENDAR_PAST_MONTHS = 12
# The collections whose pages have a feed of their own (besides the whole portal and the press archive).
FEED_COLLECTIONS = ("initiatives", "organisations", "topics", "regions")
# The concerned records are named by (collection, id); these four plus "measures" and "documents".
Concern = tuple[str, str]


@dataclass(frozen=True)
class Change:
    """One dated fact: what a source says happened, when, on which page, resting on which sources.

    ``key`` identifies the fact across builds (the record and the entry's own date and status, a
    milestone's id, a document's id), never a position in a list: adding another entry elsewhere
    leaves every other key as it was. ``recorded`` names the record whose data file holds the fact:
    its git date is when the change was recorded (feeds' ``updated``, calendars' ``DTSTAMP``).
    """

    key: str
    kind: str                 # "initiative-status", "measure-status", "milestone", "document"
    date: VagueDate           # as precise as the source gives it, never more
    text: str                 # what happened, in German
    url: str                  # site-relative address of the page that shows the fact
    recorded: Concern         # (collection, id) of the record whose file holds the fact
    initiative_id: str | None
    sources: tuple[str, ...]  # document ids the fact rests on
    concerns: frozenset[Concern] = field(default_factory=frozenset)

    @property
    def sort_key(self) -> tuple[dt.date, int, str]:
        """Newest last day first (callers sort in reverse); the more precise date first; then by key."""
        last = self.date.last_day()
        assert last is not None  # undated facts never become changes
        # reverse=True sorts the precision index descending: negate it so day precision comes first.
        return (last, -list(Precision).index(self.date.precision), self.key)


def _quoted(title: str) -> str:
    return f"„{title}“"


def _initiative_concerns(initiative_id: str, initiative: Initiative, regions: Mapping[str, Region],
                         orgs_of: Mapping[str, list[str]]) -> set[Concern]:
    """An initiative, its participating organisations, its topics (working groups' too) and its regions."""
    topics = set(initiative.topics) | {t for g in initiative.working_groups for t in g.topics}
    return ({("initiatives", initiative_id)} | {("organisations", o) for o in orgs_of.get(initiative_id, [])}
            | {("topics", t) for t in topics} | {("regions", r) for r in regions_up(regions, initiative.region)})


def _measure_concerns(measure_id: str, measure: Measure, initiative_concerns: set[Concern]) -> set[Concern]:
    """A measure, its initiative and that initiative's regions, its own topics and the organisations it names."""
    orgs = [measure.owner, *measure.partners, *measure.mentioned]
    return ({("measures", measure_id)} | {c for c in initiative_concerns if c[0] in ("initiatives", "regions")}
            | {("topics", t) for t in measure.topics} | {("organisations", o) for o in orgs if o})


def _document_concerns(doc_id: str, doc: Document, by_initiative: Mapping[str, set[Concern]]) -> set[Concern]:
    """A document and every record it names, with the regions of the initiatives it names."""
    found: set[Concern] = {("documents", doc_id)}
    found |= {("initiatives", i) for i in doc.initiatives} | {("measures", m) for m in doc.measures}
    found |= {("organisations", o) for o in [*doc.organisations, doc.publisher] if o} | {("topics", t) for t in doc.topics}
    for initiative_id in doc.initiatives:
        found |= {c for c in by_initiative.get(initiative_id, set()) if c[0] == "regions"}
    return found


def _announced_on(sources: Iterable[str], documents: Mapping[str, Document]) -> VagueDate | None:
    """The date of the newest dated published source (by its last possible day), or None."""
    dated = [documents[s].date for s in sources if s in documents and documents[s].date.known]
    return max(dated, key=lambda d: (d.last_day(), d.sort_key())) if dated else None


def _unique(key: str, seen: dict[str, int]) -> str:
    """Two entries of one record with the same date and status (a source repeated): the second gets a suffix."""
    seen[key] = seen.get(key, 0) + 1
    return key if seen[key] == 1 else f"{key}-{seen[key]}"


@dataclass
class ChangeIndex:
    """All dated changes newest first, the facts left out for want of a date, and the changes of each record."""

    changes: list[Change]
    undated: int
    by_record: dict[Concern, list[Change]]

    @classmethod
    def build(cls, initiatives: Mapping[str, Initiative], measures: Mapping[str, Measure],
              documents: Mapping[str, Document], regions: Mapping[str, Region],
              involvements: Mapping[str, Mapping[Involvement, None]], today: dt.date) -> ChangeIndex:
        """Collect every dated fact in one pass over the records, then index it by the records it concerns."""
        orgs_of: dict[str, list[str]] = defaultdict(list)
        for org_id, entries in involvements.items():
            for initiative_id in dict.fromkeys(entry.initiative_id for entry in entries):
                orgs_of[initiative_id].append(org_id)
        found: list[Change] = []
        seen: dict[str, int] = {}
        by_initiative: dict[str, set[Concern]] = {}
        for iid, initiative in initiatives.items():
            concerns = by_initiative[iid] = _initiative_concerns(iid, initiative, regions, orgs_of)
            page = url_for("initiatives", iid)
            for entry in initiative.history:
                found.append(Change(
                    _unique(f"initiative-status/{iid}/{entry.date.notation()}/{entry.status}", seen), "initiative-status",
                    # A report of its time ("als „läuft“ gemeldet"), never today's status: that needs a recent source.
                    entry.date, f"Initiative {_quoted(initiative.title)}: als {_quoted(labels.INITIATIVE_STATUS[entry.status])} gemeldet",
                    page, ("initiatives", iid), iid, tuple(entry.sources), frozenset(concerns)))
            for milestone in initiative.milestones:
                kind = labels.MILESTONE_KIND[milestone.kind]
                if milestone.status == "stattgefunden":
                    date, text = milestone.date, f"{kind} {_quoted(milestone.title)} fand statt"
                else:
                    # An announcement is news on the day of its source, not on the day it announces
                    # (which may be in the future, or past without any report that it took place).
                    date = _announced_on(milestone.sources, documents) or VagueDate(Precision.UNKNOWN)
                    text = f"{kind} {_quoted(milestone.title)} angekündigt für {milestone.date.german()}"
                found.append(Change(
                    _unique(f"milestone/{iid}/{milestone.id}/{milestone.status}", seen), "milestone", date,
                    text, page + "#zeitleiste", ("initiatives", iid), iid, tuple(milestone.sources), frozenset(concerns)))
        for mid, measure in measures.items():
            concerns = _measure_concerns(mid, measure, by_initiative.get(measure.initiative, set()))
            for step in measure.history:
                found.append(Change(
                    _unique(f"measure-status/{mid}/{step.date.notation()}/{step.status}", seen), "measure-status",
                    step.date, f"Maßnahme {_quoted(measure.title)}: {labels.MEASURE_STATUS[step.status]}",
                    url_for("measures", mid) + "#verlauf", ("measures", mid), measure.initiative,
                    tuple(step.sources), frozenset(concerns)))
        for doc_id, doc in documents.items():
            found.append(Change(
                f"document/{doc_id}", "document", doc.date, f"{labels.DOCUMENT_TYPE[doc.type]} {_quoted(doc.title)}",
                url_for("documents", doc_id), ("documents", doc_id), doc.initiatives[0] if doc.initiatives else None,
                (doc_id,), frozenset(_document_concerns(doc_id, doc, by_initiative))))
        dated = [c for c in found if c.date.known and (c.date.first_day() or today) <= today]
        # Undated facts are counted for the page's note; future-dated ones are coming events, not changes.
        undated = sum(1 for c in found if not c.date.known)
        dated.sort(key=lambda c: c.sort_key, reverse=True)
        by_record: dict[Concern, list[Change]] = defaultdict(list)
        for change in dated:  # in order: each record's list is newest first as well
            for concern in change.concerns:
                by_record[concern].append(change)
        return cls(dated, undated, dict(by_record))


def period(change: Change) -> tuple[str, str]:
    """(year, heading) of the group a change is listed under: its month when the source gives one,
    otherwise the vague date itself ("Frühjahr 2018", "2018, ohne Monat")."""
    date = change.date
    if date.precision in (Precision.DAY, Precision.MONTH):
        return str(date.year), date.german().split(" ", 1)[1] if date.precision is Precision.DAY else date.german()
    if date.precision is Precision.YEAR:
        return str(date.year), f"{date.year}, ohne genaueren Zeitpunkt"
    return str(date.year), date.german()


def grouped(changes: Iterable[Change]) -> list[tuple[str, list[tuple[str, list[Change]]]]]:
    """(year, [(period heading, changes)]) in order of each group's newest change; no heading twice."""
    years: dict[str, dict[str, list[Change]]] = {}
    for change in changes:
        year, heading = period(change)
        years.setdefault(year, {}).setdefault(heading, []).append(change)
    return [(year, list(periods.items())) for year, periods in years.items()]


class FollowQueries:
    """What the "Neu" page, the start page's block and the feed and calendar links ask."""

    if TYPE_CHECKING:  # provided by Catalog
        index: Indexes
        today: dt.date
        initiatives: dict[str, Initiative]
        measures: dict[str, Measure]
        regions: dict[str, Region]
        documents: dict[str, Document]

    change_page_limit = PAGE_LIMIT  # how many changes the page "Neu" shows (overrides/changes.html)
    calendar_past_months = CALENDAR_PAST_MONTHS  # said on the pages that link the calendar (portal/follow.html)

    @cached_property
    def change_index(self) -> ChangeIndex:
        """Every dated change of the published content, built once per build."""
        return ChangeIndex.build(self.initiatives, self.measures, self.documents, self.regions,
                                 self.index.involvements, self.today)

    def changes(self, limit: int | None = None) -> list[Change]:
        """The newest ``limit`` changes (all without a limit), newest first."""
        return self.change_index.changes[:limit]

    def changes_about(self, collection: str, record_id: str, limit: int | None = None) -> list[Change]:
        """The newest ``limit`` changes concerning one record (an index lookup), newest first."""
        return self.change_index.by_record.get((collection, record_id), [])[:limit]

    def changes_grouped(self, limit: int = PAGE_LIMIT) -> list[tuple[str, list[tuple[str, list[Change]]]]]:
        """The newest ``limit`` changes grouped by year and month (or vague period), for the "Neu" page."""
        return grouped(self.changes(limit))

    def undated_facts(self) -> int:
        """How many status entries, milestones and documents no source dates (not on the "Neu" page)."""
        return self.change_index.undated

    def feed_path(self, collection: str | None = None, record_id: str | None = None) -> str:
        """Site-relative path of a feed: the whole portal (no arguments), the press archive
        (``"press"``), or a record's page (``FEED_COLLECTIONS``)."""
        if collection is None:
            return "neu/feed.xml"
        if collection == "press":
            return "presse/feed.xml"
        assert collection in FEED_COLLECTIONS and record_id, collection
        return url_for(collection, record_id) + "feed.xml"

    def calendar_path(self, initiative_id: str | None = None) -> str:
        """Site-relative path of a calendar: all initiatives, or one."""
        return url_for("initiatives", initiative_id) + "kalender.ics" if initiative_id else "zeitleiste/kalender.ics"
