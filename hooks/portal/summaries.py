"""Status summaries: how many of a set of measures stand at each status, how many are overdue or
stale, and when the newest news about them appeared.

A mixin of ``portal.catalog.Catalog``. Every summary counts the measures it is given in one pass; the
sets come from the indexes the catalog already has (an initiative's, a working group's, an
organisation's measures, a topic's, a region's through its initiatives), so no page scans all
measures. A summary counts only what the sources name: its wording says so ("Maßnahmen, die die
Quellen nennen"), never "alle".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import evidence, labels

if TYPE_CHECKING:
    from .dates import VagueDate
    from .indexes import Indexes
    from .model import Document, Initiative, Measure, Record

# A segment of the status bar is drawn at least this wide (per cent), so that one measure among
# thousands stays visible and its link can take focus; the others shrink to make room.
MIN_SEGMENT = 2.0


@dataclass(frozen=True)
class Segment:
    """One status in a summary: its count and its place in the stacked bar (per cent of the width)."""

    key: str
    label: str
    count: int
    x: float
    width: float

    @property
    def text(self) -> str:
        """The segment in words: "3 beschlossen"."""
        return f"{self.count} {self.label}"


@dataclass(frozen=True)
class StatusSummary:
    """Counts of a set of measures: per status (in ``labels.MEASURE_STATUS_ORDER``), overdue, stale,
    without a target date, and the newest dated document about them (None: none is dated)."""

    total: int
    counts: tuple[tuple[str, int], ...]
    overdue: int
    stale: int
    untargeted: int
    newest: tuple[str, VagueDate] | None

    def count(self, status: str) -> int:
        """How many of the measures stand at ``status``."""
        return dict(self.counts).get(status, 0)

    @property
    def segments(self) -> list[Segment]:
        """The statuses that occur, with their share of the bar; every one at least ``MIN_SEGMENT`` wide."""
        present = [(key, count) for key, count in self.counts if count]
        if not present:
            return []
        # Small counts get the minimum width; the rest share what is left in proportion.
        small = [count for _, count in present if count / self.total * 100 < MIN_SEGMENT]
        room = 100 - MIN_SEGMENT * len(small)
        large_total = sum(count for _, count in present if count / self.total * 100 >= MIN_SEGMENT)
        segments, x = [], 0.0
        for key, count in present:
            share = count / self.total * 100
            width = MIN_SEGMENT if share < MIN_SEGMENT else room * count / large_total
            segments.append(Segment(key, labels.MEASURE_STATUS[key], count, round(x, 3), round(width, 3)))
            x += width
        return segments

    @property
    def text(self) -> str:
        """The counts in words, in the bar's order: "3 beschlossen, 2 angekündigt"."""
        return ", ".join(segment.text for segment in self.segments)


class SummaryQueries:
    """Status summaries, and the sets of measures that belong to an organisation, topic or region."""

    if TYPE_CHECKING:  # provided by Catalog and its other mixins, and documented there (hence noqa: D102)
        index: Indexes
        documents: dict[str, Document]
        initiatives: dict[str, Initiative]
        measures: dict[str, Measure]

        def status(self, measure_id: str) -> str: ...  # noqa: D102
        def is_overdue(self, measure_id: str) -> bool: ...  # noqa: D102
        def is_stale(self, collection: str, record_id: str) -> bool: ...  # noqa: D102
        def record(self, collection: str, record_id: str) -> Record: ...  # noqa: D102
        def sources_of(self, record: Record) -> list[str]: ...  # noqa: D102
        def documents_about(self, collection: str, record_id: str) -> list[str]: ...  # noqa: D102
        def measures_of(self, initiative_id: str) -> list[str]: ...  # noqa: D102
        def measures_of_org(self, org_id: str) -> list[tuple[str, str]]: ...  # noqa: D102
        def initiatives_in(self, region_id: str) -> list[str]: ...  # noqa: D102
        def with_topic(self, topic_id: str) -> dict[str, list[str]]: ...  # noqa: D102
        def by_status(self, measure_ids: list[str]) -> list[tuple[str, str, list[str]]]: ...  # noqa: D102
        def sorted_ids(self, collection: str) -> list[str]: ...  # noqa: D102
        def last_news(self, collection: str, record_id: str) -> VagueDate | None: ...  # noqa: D102

    def status_summary(self, measure_ids: list[str], about: tuple[str, str] | None = None) -> StatusSummary:
        """Count ``measure_ids`` in one pass; the newest news is the newest dated document the measures
        (and the record ``about``, as (collection, id), when given) cite or are named in."""
        counts = dict.fromkeys(labels.MEASURE_STATUS_ORDER, 0)
        overdue = stale = untargeted = 0
        documents: list[str] = []
        for mid in dict.fromkeys(measure_ids):
            counts[self.status(mid)] += 1
            overdue += self.is_overdue(mid)
            stale += self.is_stale("measures", mid)
            untargeted += self.measures[mid].target is None
            documents += self.sources_of(self.measures[mid]) + self.documents_about("measures", mid)
        if about is not None:
            documents += self.sources_of(self.record(*about)) + self.documents_about(*about)
        return StatusSummary(sum(counts.values()), tuple(counts.items()), overdue, stale, untargeted,
                             evidence.newest_source(self.documents, documents))

    def measures_of_organisation(self, org_id: str) -> list[str]:
        """The measures that name the organisation (owner, partner or mentioned), each once, by title."""
        return list(dict.fromkeys(mid for mid, _ in self.measures_of_org(org_id)))

    def measures_of_topic(self, topic_id: str) -> list[str]:
        """The measures tagged with the topic, by title."""
        return self.with_topic(topic_id)["measures"]

    def measures_in_region(self, region_id: str) -> list[str]:
        """The measures of the initiatives in the region or in any region below it."""
        return [mid for iid in self.initiatives_in(region_id) for mid in self.measures_of(iid)]

    def status_groups(self, measure_ids: list[str], limit: int) -> list[tuple[str, str, list[str], int]]:
        """(status, heading, the first ``limit`` ids, how many there are) per status that occurs:
        a region with thousands of measures still gets a page of bounded size."""
        return [(key, heading, ids[:limit], len(ids)) for key, heading, ids in self.by_status(measure_ids)]

    def initiatives_by_news(self) -> list[str]:
        """Initiatives with the newest dated news first (a vague date by its sort key), undated ones
        last, ties by title: the start page shows the first few."""
        dated: list[tuple[VagueDate, str]] = []
        undated: list[str] = []
        for iid in self.sorted_ids("initiatives"):
            news = self.last_news("initiatives", iid)
            if news is None:
                undated.append(iid)
            else:
                dated.append((news, iid))
        dated.sort(key=lambda item: item[0].sort_key(), reverse=True)  # stable: ties stay by title
        return [iid for _, iid in dated] + undated
