"""What the visual timelines draw: rows of milestones, status reports and target dates.

A mixin of ``portal.catalog.Catalog``; the geometry is ``portal.timechart``. Both charts are bounded
whatever the size of the content: an initiative's chart shows at most ``MEASURE_ROWS`` measures, the
chart across all initiatives the ``INITIATIVE_ROWS`` most recently active ones, and the undated items
beside a chart are cut at ``UNDATED_SHOWN`` with the number left out and where to find them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import labels
from .timechart import Chart, Item, Row, build

if TYPE_CHECKING:
    from .listings import TimelineEntry
    from .model import Initiative, Measure, Milestone

MEASURE_ROWS = 20  # measures drawn on an initiative's chart
INITIATIVE_ROWS = 20  # initiatives drawn on the chart across all
UNDATED_SHOWN = 15  # undated items named beside a chart
# What one dated report says about an initiative; never "läuft", which the page derives (portal.evidence).
REPORTED = {"angekuendigt": "angekündigt", "laufend": "als laufend gemeldet", "abgeschlossen": "als beendet gemeldet",
            "unklar": "Stand unklar"}


@dataclass(frozen=True)
class TimeChart:
    """A drawn chart with what it leaves out: rows not drawn and undated items not named."""

    chart: Chart
    rows_left_out: int  # rows with dated items beyond the limit
    undated_left_out: int  # undated items beyond UNDATED_SHOWN
    years: list[tuple[int, str]]  # (year, anchor) of the list's year sections, for the year navigation
    undated_anchor: str  # the list's section of undated entries ("" if it has none)
    more: list[tuple[str, str]]  # (anchor, label): where the undated items not named here are found
    row_limit: int = 0  # how many rows of measures or initiatives are drawn at most (said in the caption)

    @property
    def undated(self) -> list[Item]:
        """The undated items named beside the chart (at most UNDATED_SHOWN)."""
        return self.chart.undated[:UNDATED_SHOWN]


def milestone_item(milestone: Milestone, link: tuple[str, str] | None, anchor: str) -> Item:
    """A milestone as a chart item: its kind's shape, hollow while only announced."""
    return Item(milestone.title, milestone.date, milestone.kind,
                f"{labels.MILESTONE_KIND[milestone.kind]}, {labels.MILESTONE_STATUS[milestone.status]}",
                hollow=milestone.status == "angekuendigt", link=link, anchor=anchor)


def measure_items(measure_id: str, measure: Measure) -> list[Item]:
    """A measure's status reports and its target date."""
    link = ("measures", measure_id)
    items = [Item(measure.title, h.date, "status", f"Status laut Quelle: {labels.MEASURE_STATUS[h.status]}",
                  link=link, anchor="verlauf") for h in measure.history]
    if measure.target:
        items.append(Item(measure.title, measure.target, "target", "Zieltermin", link=link))
    return items


def partition(rows: list[Row]) -> tuple[list[Row], list[Row]]:
    """The rows with at least one dated item, and the others, in one pass (never a search per row)."""
    dated: list[Row] = []
    undated: list[Row] = []
    for row in rows:
        (dated if any(i.date.known for i in row.items) else undated).append(row)
    return dated, undated


def _newest(items: list[Item]) -> dt.date:
    return max((i.date.last_day() or dt.date.min for i in items), default=dt.date.min)


class TimechartQueries:
    """The rows of the visual timelines."""

    if TYPE_CHECKING:  # provided by Catalog and ListingQueries, and documented there (hence noqa: D102)
        today: dt.date
        initiatives: dict[str, Initiative]
        measures: dict[str, Measure]

        def measures_of(self, initiative_id: str) -> list[str]: ...  # noqa: D102
        def timeline(self, initiative_id: str | None = None) -> list[TimelineEntry]: ...  # noqa: D102
        def timeline_by_year(self) -> list[tuple[str, str, list[TimelineEntry]]]: ...  # noqa: D102

    def initiative_timeline_by_year(self, initiative_id: str) -> list[tuple[str, str, list[TimelineEntry]]]:
        """(anchor, heading, entries) per year of one initiative's milestones; undated ones last."""
        groups: dict[str, tuple[str, str, list[TimelineEntry]]] = {}
        for entry in self.timeline(initiative_id):
            date = entry.milestone.date
            key, heading = (str(date.year), str(date.year)) if date.known else ("unbekannt", "Zeitpunkt nicht bekannt")
            groups.setdefault(key, (f"zeitleiste-{key}", heading, []))[2].append(entry)
        return list(groups.values())

    def initiative_chart(self, initiative_id: str) -> TimeChart:
        """An initiative's milestones, the status its sources report, and its measures' status reports
        and target dates (one row each, the MEASURE_ROWS with the earliest dates)."""
        initiative = self.initiatives[initiative_id]
        status = [Item(initiative.title, h.date, "status", f"Meldung einer Quelle: {REPORTED[h.status]}")
                  for h in initiative.history]
        groups = self.initiative_timeline_by_year(initiative_id)
        years = [(y, a) for a, _, entries in groups if (y := entries[0].milestone.date.year) is not None]
        undated_anchor = "zeitleiste-unbekannt" if any(a == "zeitleiste-unbekannt" for a, _, _ in groups) else ""
        milestones = [milestone_item(m, None, f"zeitleiste-{m.date.year}" if m.date.known else "zeitleiste-unbekannt")
                      for m in initiative.milestones]
        measures = [Row(self.measures[mid].title, measure_items(mid, self.measures[mid]), ("measures", mid))
                    for mid in self.measures_of(initiative_id)]
        dated, undated = partition(measures)
        dated.sort(key=lambda row: (min(i.date.sort_key() for i in row.items), row.label.casefold()))
        rows = [Row("Meilensteine", milestones), Row("Stand der Initiative", status), *dated[:MEASURE_ROWS], *undated]
        more = [(undated_anchor, "Meilensteine ohne Datum")] if undated_anchor else []
        return self._chart(rows, len(dated) - MEASURE_ROWS, years, undated_anchor, [*more, ("massnahmen", "Maßnahmen")],
                           MEASURE_ROWS)

    def overall_chart(self) -> TimeChart:
        """One row of milestones per initiative: the INITIATIVE_ROWS whose newest dated milestone is the
        newest, drawn in that order; undated milestones beside the chart."""
        rows = [Row(i.short_name or i.title, [milestone_item(m, ("initiatives", iid), "zeitleiste") for m in i.milestones],
                    ("initiatives", iid), "zeitleiste")
                for iid, i in self.initiatives.items() if i.milestones]
        dated, undated = partition(rows)
        dated.sort(key=lambda row: (-_newest([i for i in row.items if i.date.known]).toordinal(), row.label.casefold()))
        groups = self.timeline_by_year()
        years = [(int(anchor.removeprefix("jahr-")), anchor) for anchor, _, _ in groups if anchor != "jahr-unbekannt"]
        undated_anchor = "jahr-unbekannt" if any(a == "jahr-unbekannt" for a, _, _ in groups) else ""
        # Undated milestones of initiatives not drawn stay in the list below, counted with the others.
        kept = dated[:INITIATIVE_ROWS]
        left = [Row(r.label, [i for i in r.items if not i.date.known], r.link, r.anchor) for r in dated[INITIATIVE_ROWS:]]
        more = [(undated_anchor, "Zeitpunkt nicht bekannt")] if undated_anchor else []
        return self._chart([*kept, *undated, *left], len(dated) - INITIATIVE_ROWS, years, undated_anchor, more,
                           INITIATIVE_ROWS)

    def _chart(self, rows: list[Row], rows_left_out: int, years: list[tuple[int, str]], undated_anchor: str,
               more: list[tuple[str, str]], row_limit: int) -> TimeChart:
        chart = build(rows, self.today)
        return TimeChart(chart, max(rows_left_out, 0), max(len(chart.undated) - UNDATED_SHOWN, 0), years,
                         undated_anchor, more, row_limit)
