"""Geometry of the visual timeline: dated items become marks on a time axis with year ticks.

Pure functions without MkDocs or HTML: the macro library ``overrides/portal/timechart.html`` only
draws what this module computes (x positions and widths in SVG user units, rows, lanes, ticks, the
"heute" line). A date is drawn as precisely as its source gives it: a day as a point, a month, a
season or a year as a range from its first to the end of its last day ("Frühjahr 2018" spans 1 March
to 31 May 2018). Undated items never get a position; they are returned apart, to be listed beside the
chart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .dates import Precision, format_day

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .dates import VagueDate

# Marker shapes as SVG path data around (0, 0), about 12 units across. Each kind of item has its own
# shape, so that the chart never relies on colour; the legend shows the shapes that occur, in this order.
SHAPES: dict[str, str] = {
    "konferenz": "M0,-6A6,6 0 1,1 0,6A6,6 0 1,1 0,-6Z",  # circle
    "sitzung": "M-5,-5H5V5H-5Z",  # square
    "unterzeichnung": "M0,-7L7,0L0,7L-7,0Z",  # diamond
    "ueberpruefung": "M0,-6L6,5H-6Z",  # triangle up
    "workshop": "M0,6L6,-5H-6Z",  # triangle down
    "gruendung": "M0,-7L2,-2L7,-2L3,1L5,7L0,3L-5,7L-3,1L-7,-2L-2,-2Z",  # star
    "veranstaltung": "M-3,-6H3L6,0L3,6H-3L-6,0Z",  # hexagon
    "status": "M-2,-7H2V7H-2Z",  # upright bar: a status reported by a source
    "target": "M-1,7V-7H6L3,-4L6,-1H1V7Z",  # flag: a target date
}
SHAPE_LABELS: dict[str, str] = {
    "konferenz": "Konferenz", "sitzung": "Sitzung", "unterzeichnung": "Unterzeichnung",
    "ueberpruefung": "Überprüfung", "workshop": "Workshop", "gruendung": "Gründung",
    "veranstaltung": "Veranstaltung", "status": "Statusmeldung einer Quelle", "target": "Zieltermin",
}

WIDTH = 720  # the drawing's width in SVG user units (CSS pixels at scale 1)
LABEL_WIDTH = 180  # the row labels' column
AXIS_TOP = 26  # room for the year labels above the rows
LANE_HEIGHT = 24
ROW_PADDING = 6
BOTTOM = 24  # room for the "heute" label below the rows
MARK_RADIUS = 7  # half a marker: two points closer than this share a lane only if they do not overlap
MAX_LANES = 4  # more overlapping marks share the last lane (each keeps its name and link)
MAX_TICKS = 12  # labelled year ticks; beyond that only every 2nd, 5th, 10th … year is labelled
LABEL_CHARS = 28  # characters of a row label that fit its column (the whole label is its title)


@dataclass(frozen=True)
class Item:
    """Something that happened or is due: what the chart needs of a milestone, status report or target."""

    title: str  # what it is: "Industriekonferenz", "Glasfaser bis 2020"
    date: VagueDate
    shape: str  # a key of SHAPES
    detail: str  # kind and state in words: "Konferenz, stattgefunden"
    hollow: bool = False  # only announced: drawn as an outline
    link: tuple[str, str] | None = None  # (collection, id) of the page it belongs to, if any
    anchor: str = ""  # fragment on that page (or on the current page without link)


@dataclass(frozen=True)
class Row:
    """One line of the chart, e.g. an initiative's milestones or one measure."""

    label: str
    items: Sequence[Item]
    link: tuple[str, str] | None = None
    anchor: str = ""


@dataclass(frozen=True)
class Mark:
    """An item placed on the axis: a point (``width`` 0) or a range from its first to its last day."""

    item: Item
    x: float
    width: float
    y: float  # centre line of its lane
    first: dt.date
    last: dt.date
    name: str  # the accessible name: title, detail and date in words

    @property
    def path(self) -> str:
        """The SVG path of its marker shape, around (0, 0)."""
        return SHAPES[self.item.shape]

    @property
    def centre(self) -> float:
        """Where its marker sits: on the day, or in the middle of its range."""
        return round(self.x + self.width / 2, 2)

    @property
    def is_range(self) -> bool:
        """True for a date less precise than a day."""
        return self.item.date.precision is not Precision.DAY


@dataclass(frozen=True)
class Tick:
    """A year boundary (1 January) on the axis; ``labelled`` ticks carry the year."""

    year: int
    x: float
    labelled: bool


@dataclass(frozen=True)
class ChartRow:
    """A row as drawn: its label (in at most two lines that fit, the whole one kept), position and marks."""

    label: str
    lines: list[str]
    link: tuple[str, str] | None
    anchor: str
    y: float
    height: float
    marks: list[Mark]


@dataclass(frozen=True)
class Chart:
    """Everything the drawing needs; ``undated`` are the items no source dates, never placed on the axis."""

    start: dt.date
    end: dt.date  # exclusive: 1 January after the last year shown
    today: dt.date
    today_x: float
    width: float
    height: float
    plot_left: float
    plot_right: float
    rows: list[ChartRow]
    ticks: list[Tick]
    undated: list[Item]
    shapes: list[str] = field(default_factory=list)  # the shapes that occur, for the legend
    has_range: bool = False
    has_hollow: bool = False

    @property
    def marks(self) -> list[Mark]:
        """Every mark, row by row."""
        return [mark for row in self.rows for mark in row.marks]

    @property
    def plot_top(self) -> float:
        """Where the rows begin (the year labels are above)."""
        return float(AXIS_TOP)

    @property
    def plot_bottom(self) -> float:
        """Where the rows end (the "heute" label is below)."""
        return self.height - BOTTOM

    @property
    def legend(self) -> list[tuple[str, str, str]]:
        """(shape, SVG path, German label) for every shape that occurs."""
        return [(shape, SHAPES[shape], SHAPE_LABELS[shape]) for shape in self.shapes]

    @property
    def years(self) -> list[int]:
        """The years the axis spans."""
        return list(range(self.start.year, self.end.year))


def axis_span(items: Sequence[Item], today: dt.date) -> tuple[dt.date, dt.date]:
    """1 January of the first year and of the year after the last that any dated item or today touches."""
    days = [d for item in items for d in (item.date.first_day(), item.date.last_day()) if d is not None]
    first = min([today, *days])
    last = max([today, *days])
    return dt.date(first.year, 1, 1), dt.date(last.year + 1, 1, 1)


def position(day: dt.date, start: dt.date, end: dt.date, left: float, right: float) -> float:
    """The x coordinate of the beginning of ``day`` on an axis from ``start`` to ``end`` (exclusive)."""
    return round(left + (right - left) * (day - start).days / (end - start).days, 2)


def tick_step(years: int, max_ticks: int = MAX_TICKS) -> int:
    """Label every year, or every 2nd, 5th, 10th … so that at most ``max_ticks`` labels fit."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100):
        if years // step + 1 <= max_ticks:
            return step
    return 200


def ticks(start: dt.date, end: dt.date, left: float, right: float) -> list[Tick]:
    """A tick at every 1 January from ``start`` to ``end``; labels at multiples of the step only."""
    step = tick_step(end.year - start.year)
    return [Tick(year, position(dt.date(year, 1, 1), start, end, left, right), year % step == 0)
            for year in range(start.year, end.year + 1)]


def describe(item: Item) -> str:
    """The accessible name of a mark: "Industriekonferenz – Konferenz, stattgefunden – 16. März 2017";
    a vague date names its span ("Frühjahr 2018, 1. März bis 31. Mai 2018")."""
    when = item.date.german()
    first, last = item.date.first_day(), item.date.last_day()
    if item.date.precision is not Precision.DAY and first and last:
        when += f", {format_day(first)} bis {format_day(last)}"
    return f"{item.title} – {item.detail} – {when}"


def shorten(label: str, chars: int = LABEL_CHARS) -> str:
    """``label`` cut at a word boundary to at most ``chars`` characters, with "…" if cut."""
    if len(label) <= chars:
        return label
    cut = label[: chars - 1].rsplit(" ", 1)[0] if " " in label[: chars - 1] else label[: chars - 1]
    return cut.rstrip(" ,;:–-") + "…"


def label_lines(label: str, chars: int = LABEL_CHARS) -> list[str]:
    """``label`` in one or two lines of at most ``chars`` characters, broken between words; the second
    line is shortened with "…" when the label is longer (SVG text does not wrap by itself)."""
    if len(label) <= chars:
        return [label]
    head = label[: chars + 1].rsplit(" ", 1)[0] if " " in label[: chars + 1] else label[:chars]
    return [head, shorten(label[len(head):].strip(), chars)]


def assign_lanes(spans: Sequence[tuple[float, float]], gap: float = 2 * MARK_RADIUS) -> list[int]:
    """A lane per span (x from, x to), in the given order, so that spans in one lane keep ``gap`` apart;
    at most MAX_LANES lanes, further spans share the lane that frees up first. Linear in spans × lanes."""
    ends: list[float] = []
    lanes = []
    for left, right in spans:
        lane = next((i for i, end in enumerate(ends) if left - end >= gap), None)
        if lane is None and len(ends) < MAX_LANES:
            ends.append(right)
            lane = len(ends) - 1
        elif lane is None:
            lane = min(range(len(ends)), key=lambda i: ends[i])
        ends[lane] = max(ends[lane], right)
        lanes.append(lane)
    return lanes


def build(rows: Sequence[Row], today: dt.date, width: float = WIDTH, label_width: float = LABEL_WIDTH) -> Chart:
    """Place the dated items of ``rows`` on one axis from the first to the last year any of them or
    ``today`` touches; rows without a dated item are left out, and every undated item is returned in
    ``Chart.undated`` (in row order)."""
    dated = [item for row in rows for item in row.items if item.date.known]
    start, end = axis_span(dated, today)
    left, right = label_width, width - 12
    chart_rows: list[ChartRow] = []
    y = float(AXIS_TOP)
    for row in rows:
        items = sorted((i for i in row.items if i.date.known), key=lambda i: (i.date.sort_key(), i.title))
        if not items:
            continue
        placed = []
        for item in items:
            first, last = item.date.first_day(), item.date.last_day()
            assert first is not None and last is not None  # known dates have both
            x = position(first, start, end, left, right)
            stop = position(last + dt.timedelta(days=1), start, end, left, right) if item.date.precision is not Precision.DAY else x
            placed.append((item, first, last, x, round(stop - x, 2)))
        lanes = assign_lanes([(x - MARK_RADIUS, x + w + MARK_RADIUS) for _, _, _, x, w in placed])
        height = (max(lanes) + 1) * LANE_HEIGHT + ROW_PADDING
        marks = [Mark(item, x, w, y + ROW_PADDING / 2 + lane * LANE_HEIGHT + LANE_HEIGHT / 2, first, last, describe(item))
                 for (item, first, last, x, w), lane in zip(placed, lanes, strict=True)]
        chart_rows.append(ChartRow(row.label, label_lines(row.label), row.link, row.anchor, y, height, marks))
        y += height
    used = {m.item.shape for r in chart_rows for m in r.marks}
    return Chart(
        start=start, end=end, today=today, today_x=position(today, start, end, left, right),
        width=width, height=y + BOTTOM, plot_left=left, plot_right=right, rows=chart_rows,
        ticks=ticks(start, end, left, right),
        undated=[item for row in rows for item in row.items if not item.date.known],
        shapes=[shape for shape in SHAPES if shape in used],
        has_range=any(m.is_range for r in chart_rows for m in r.marks),
        has_hollow=any(m.item.hollow for r in chart_rows for m in r.marks),
    )
