"""Calendars (RFC 5545, written with ``icalendar``): milestones and measures' target dates, for all
initiatives (``zeitleiste/kalender.ics``) and per initiative (``initiativen/<id>/kalender.ics``).
The calendar of all initiatives is bounded: the dates of the last ``CALENDAR_PAST_MONTHS`` months
and every coming one (a vague date counts by its last possible day); an initiative's holds all.

Only a date known to the day becomes an event on that day. A month, a season, "Anfang 2023" or a
year becomes an all-day span over every day it can mean (``DTSTART;VALUE=DATE`` to an exclusive
``DTEND``), and its title says so ("Frühjahr 2018 (genauer Tag unbekannt): …"). Undated items stay
out. UIDs are name-based UUIDs of the item (the same item keeps its UID in every build), and
``DTSTAMP`` is the day the item's data file was last recorded (git), not the wall clock, so the same
content gives the same file.

Each calendar names the licence and the attribution users must give in its description: RFC 7986's
``DESCRIPTION`` of the calendar, and ``X-WR-CALDESC``, the same text under the name that the calendar
programs which predate RFC 7986 (Apple Calendar, Google Calendar, Outlook) show. Not in every event: the
events are shared by the calendars and copied into other calendars one by one, where a licence line in
each would only be noise in the reader's agenda.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from icalendar import Calendar, Event, vText

from . import labels
from .changes import CALENDAR_PAST_MONTHS
from .context import PORTAL_NAME
from .dates import Precision
from .feeds import ID_NAMESPACE, midnight
from .urls import url_for

if TYPE_CHECKING:
    from .catalog import Catalog
    from .context import BuildContext
    from .dates import VagueDate


@dataclass(frozen=True)
class Item:
    """One dated item of a calendar: a milestone or a measure's target date."""

    key: str
    initiative_id: str
    initiative: str   # the initiative's short name or title, named in every event's title
    date: VagueDate
    title: str
    description: str
    url: str          # site-relative page of the item
    recorded: tuple[str, str]  # (collection, id) of the record whose file holds the item


def items(catalog: Catalog, initiative_id: str | None = None) -> list[Item]:
    """Milestones and target dates with a known date (of every initiative, or one), oldest first."""
    found: list[Item] = []
    chosen = [initiative_id] if initiative_id else list(catalog.initiatives)
    for iid in chosen:
        initiative = catalog.initiatives[iid]
        name = initiative.short_name or initiative.title
        for m in initiative.milestones:
            note = f" ({m.date_note})" if m.date_note else ""
            found.append(Item(
                f"milestone/{iid}/{m.id}", iid, name, m.date, m.title,
                f"{labels.MILESTONE_KIND[m.kind]}, {labels.MILESTONE_STATUS[m.status]}{note}. Initiative: {initiative.title}.",
                url_for("initiatives", iid) + "#zeitleiste", ("initiatives", iid)))
        for mid in catalog.measures_of(iid):
            measure = catalog.measures[mid]
            if measure.target is None:
                continue
            note = f" ({measure.target_note})" if measure.target_note else ""
            found.append(Item(
                f"target/{mid}", iid, name, measure.target, f"Zieltermin der Maßnahme „{measure.title}“",
                f"Zieltermin laut Quelle{note}. Stand der Maßnahme: {labels.MEASURE_STATUS[catalog.status(mid)]}. "
                f"Initiative: {initiative.title}.",
                url_for("measures", mid), ("measures", mid)))
    dated = [item for item in found if item.date.known]
    return sorted(dated, key=lambda item: (item.date.sort_key(), item.key))


def summary(item: Item) -> str:
    """The event's title with its initiative (several calendars may be subscribed side by side); a vague
    date says so in words, a day needs no note."""
    title = f"{item.title} ({item.initiative})"
    if item.date.precision is Precision.DAY:
        return title
    return f"{item.date.german()} (genauer Tag unbekannt): {title}"


def event(ctx: BuildContext, item: Item) -> Event:
    """One all-day event (or span of days) for an item."""
    first, last = item.date.first_day(), item.date.last_day()
    assert first is not None and last is not None
    found = Event()
    found.add("uid", str(uuid.uuid5(ID_NAMESPACE, item.key)))
    found.add("dtstamp", midnight(ctx.changed(*item.recorded) or ctx.today))
    found.add("dtstart", first)  # a date: VALUE=DATE
    found.add("dtend", last + dt.timedelta(days=1))  # exclusive end (RFC 5545, 3.6.1)
    found.add("summary", summary(item))
    found.add("description", item.description)
    found.add("transp", "TRANSPARENT")  # a reminder of a date, not a busy time
    if ctx.site_url:  # URL needs an absolute address; locally the description names the initiative
        found.add("url", ctx.site_url + item.url)
    return found


END = b"END:VCALENDAR\r\n"


def calendar(name: str, events: list[bytes], rights: str = "") -> str:
    """An iCalendar file around events already written (``event(…).to_ical()``): each event is
    serialised once and shared by the calendar of all initiatives and its initiative's own, since
    serialising is most of the work (about 1 ms per event). ``rights``: the licence's attribution text."""
    cal = Calendar()
    cal.add("prodid", f"-//{PORTAL_NAME}//Kalender//DE")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    if rights:
        text = f"Termine aus dem Portal {PORTAL_NAME}. {rights}"
        cal.add("description", text)  # RFC 7986, 5.2
        # As TEXT (RFC 5545, 3.8.8.2: the default type of an X- property), commas escaped: icalendar
        # would write an unknown property's value as it is.
        cal.add("x-wr-caldesc", vText(text))
    head = cal.to_ical()
    assert head.endswith(END)
    return (head[: -len(END)] + b"".join(events) + END).decode("utf-8")


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months earlier (the month's last day when it has no such day)."""
    month = day.year * 12 + day.month - 1 - months
    year, month = divmod(month, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError(day)  # every month has a 28th


def recent(item: Item, today: dt.date, months: int = CALENDAR_PAST_MONTHS) -> bool:
    """Whether an item belongs in the calendar of all initiatives: its last possible day is at most
    ``months`` months before ``today``, or later (every coming date)."""
    last = item.date.last_day()
    return last is not None and last >= months_before(today, months)


def calendar_files(ctx: BuildContext) -> dict[str, str]:
    """Every calendar by its path in the site: all initiatives (bounded, ``recent``), and one per initiative."""
    catalog = ctx.catalog
    chosen = items(catalog)
    written = [(item.initiative_id, event(ctx, item).to_ical(), recent(item, ctx.today)) for item in chosen]
    rights = ctx.terms.attribution(ctx.site_url)
    files = {catalog.calendar_path(): calendar(f"{PORTAL_NAME}: Termine", [text for _, text, shown in written if shown], rights)}
    by_initiative: dict[str, list[bytes]] = defaultdict(list)
    for iid, text, _ in written:  # in the order of the whole calendar: by date
        by_initiative[iid].append(text)
    for iid in catalog.initiatives:
        files[catalog.calendar_path(iid)] = calendar(f"{PORTAL_NAME}: {catalog.initiatives[iid].title}", by_initiative[iid], rights)
    return files
