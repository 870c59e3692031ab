"""Queries about progress: how strong and how old the news behind each status is.

A mixin of ``portal.catalog.Catalog``; the rules themselves are in ``portal.evidence``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import evidence

if TYPE_CHECKING:
    import datetime as dt

    from .dates import VagueDate
    from .evidence import Evidence, State
    from .model import Document, Initiative, Measure, Record, Role, Selection

FINISHED = {"abgeschlossen", "eingestellt"}


class ProgressQueries:
    """Evidence dates, last news, stale and overdue flags, the derived state of initiatives."""

    if TYPE_CHECKING:  # provided by Catalog, and documented there (hence noqa: D102)
        today: dt.date
        stale_years: int
        documents: dict[str, Document]
        initiatives: dict[str, Initiative]
        measures: dict[str, Measure]
        _last_news: dict[tuple[str, str], VagueDate | None]

        def record(self, collection: str, record_id: str) -> Record: ...  # noqa: D102
        def sources_of(self, record: Record) -> list[str]: ...  # noqa: D102
        def documents_about(self, collection: str, record_id: str) -> list[str]: ...  # noqa: D102
        def sorted_ids(self, collection: str) -> list[str]: ...  # noqa: D102

    def status(self, measure_id: str) -> str:
        """The measure's current status: that of its newest history entry."""
        return self.measures[measure_id].history[-1].status

    def status_date(self, measure_id: str) -> VagueDate:
        """When the measure reached its current status: its newest history entry's date, as precise as the source."""
        return self.measures[measure_id].history[-1].date

    def is_overdue(self, measure_id: str) -> bool:
        """Target date passed (its last possible day before today) and no completion recorded."""
        measure = self.measures[measure_id]
        last = measure.target.last_day() if measure.target else None
        return bool(last and last < self.today and self.status(measure_id) not in FINISHED)

    def overdue_ids(self) -> list[str]:
        """The measures ``is_overdue`` flags, by title."""
        return [key for key in self.sorted_ids("measures") if self.is_overdue(key)]

    def stale_measure_ids(self) -> list[str]:
        """Open measures without dated news within the stale period (or with none dated at all)."""
        return [key for key in self.sorted_ids("measures") if self.is_stale("measures", key)]

    def measure_evidence(self, measure_id: str) -> Evidence:
        """The sources of the measure's current status and the newest date among them."""
        return evidence.newest(self.documents, self.measures[measure_id].history[-1].sources)

    def entry_evidence(self, source_ids: list[str]) -> Evidence:
        """The evidence of any sourced statement (a history entry, a role)."""
        return evidence.newest(self.documents, source_ids)

    def role_evidence(self, role: Role) -> Evidence:
        """The sources of a person's role and the newest date among them (how current the role is known to be)."""
        return evidence.newest(self.documents, role.sources)

    def initiative_state(self, initiative_id: str) -> State:
        """What the initiative's page shows: derived from its newest history entry and that source's age."""
        entry = self.initiatives[initiative_id].history[-1]
        return evidence.initiative_state(entry.status, evidence.newest(self.documents, entry.sources), self.today, self.stale_years)

    def last_news(self, collection: str, record_id: str) -> VagueDate | None:
        """The date of the newest dated document the record cites or that names it (None: none dated)."""
        key = (collection, record_id)
        if key not in self._last_news:
            ids = self.sources_of(self.record(collection, record_id)) + self.documents_about(collection, record_id)
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

