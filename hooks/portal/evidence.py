"""How strong and how old the news behind a status is.

A status is only as strong as its source, and only as current as the source's date: every status
the portal shows carries the date of the documents it rests on ("Quelle undatiert" when none has a
date). An open item without dated news for longer than the configured period is *stale*, like an
overdue one; an item whose sources are all undated is never silently current. An initiative shows
"läuft" only on the strength of a dated, recent source; otherwise "Stand unklar" and why.

The rules are explained to readers on the method page (docs/methode/index.md); the anchors below are
its sections.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import labels

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Mapping

    from .dates import VagueDate
    from .model import Document

DEFAULT_STALE_YEARS = 2
METHOD_PAGE = "methode/"
MEASURE_ANCHOR = {"in_umsetzung": "status-in-umsetzung"}  # other statuses: "status-<key>"


@dataclass(frozen=True)
class Evidence:
    """The documents a statement rests on and the newest date among them (None: all undated)."""

    sources: tuple[str, ...]
    date: VagueDate | None

    @property
    def dated(self) -> bool:
        """Whether any of the documents has a date ("Quelle undatiert" when not)."""
        return self.date is not None


@dataclass(frozen=True)
class State:
    """What an initiative's page says about its progress, derived from its newest history entry.

    ``key`` is what the page shows (a key of ``labels.INITIATIVE_STATUS``); ``reported`` is what the
    source said. They differ when a source said "laufend" but is undated or older than the stale
    period: then the page says "Stand unklar" and ``reason`` explains it.
    """

    key: str
    reported: str
    evidence: Evidence
    reason: str = ""

    @property
    def label(self) -> str:
        """The German word for the state the page shows ("läuft", "Stand unklar")."""
        return labels.INITIATIVE_STATUS[self.key]


def stale_years_problem(value: object) -> tuple[str, str] | None:
    """What is wrong with a stale period other than None, and what to write instead; None when it is fine."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 50:
        return (f"'{value}' ist keine Zahl von Jahren zwischen 1 und 50",
                f"eine ganze Zahl schreiben, z. B. stale_after_years: {DEFAULT_STALE_YEARS}")
    return None


def configured_years(value: object) -> int:
    """The stale period from ``extra.stale_after_years``; ValueError with a German message otherwise.

    The build checks it with the rest of the portal's settings (``hooks/portal_config.py``)."""
    if value is None:
        return DEFAULT_STALE_YEARS
    if isinstance(value, int) and not stale_years_problem(value):
        return value
    what, hint = stale_years_problem(value) or ("", "")
    raise ValueError(f"mkdocs.yml, extra: stale_after_years: {what}; {hint}")


def newest(documents: Mapping[str, Document], ids: Iterable[str]) -> Evidence:
    """The evidence of ``ids``: the documents that exist in ``documents`` and the newest known date."""
    found = tuple(dict.fromkeys(i for i in ids if i in documents))
    best = newest_source(documents, found)
    return Evidence(found, best[1] if best else None)


def newest_source(documents: Mapping[str, Document], ids: Iterable[str]) -> tuple[str, VagueDate] | None:
    """The newest dated document among ``ids`` and its date, or None when none is dated."""
    best: tuple[str, VagueDate] | None = None
    for doc_id in ids:
        doc = documents.get(doc_id)
        if doc is not None and doc.date.known and (best is None or doc.date.sort_key() > best[1].sort_key()):
            best = (doc_id, doc.date)
    return best


def years_before(today: dt.date, years: int) -> dt.date:
    """The same day ``years`` earlier (28 February for 29 February in a common year)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def is_stale(last_news: VagueDate | None, today: dt.date, years: int) -> bool:
    """No dated news at all, or the newest news ended more than ``years`` before ``today``.

    A vague date counts with its last possible day ("2017" → 31 December 2017), so an item is never
    called stale earlier than its source allows.
    """
    if last_news is None:
        return True
    last = last_news.last_day()
    return last is not None and last < years_before(today, years)


def full_years(since: dt.date, today: dt.date) -> int:
    """Whole years between two days ("über 9 Jahre")."""
    return today.year - since.year - ((today.month, today.day) < (since.month, since.day))


def stale_text(last_news: VagueDate | None, today: dt.date) -> str:
    """The stale note in words: "keine datierte Meldung" or "seit über N Jahren ohne Meldung"."""
    if last_news is None or last_news.last_day() is None:
        return "keine datierte Meldung"
    years = full_years(last_news.last_day(), today)  # type: ignore[arg-type]
    return f"seit über {years} Jahren ohne Meldung" if years != 1 else "seit über einem Jahr ohne Meldung"


def initiative_state(reported: str, evidence: Evidence, today: dt.date, years: int) -> State:
    """The state an initiative's page shows: "läuft" needs a dated source within the stale period."""
    if reported == "laufend" and is_stale(evidence.date, today, years):
        # The page adds the source and its age ("Quelle vom März 2017", "Quelle undatiert").
        return State("unklar", reported, evidence, "zuletzt als laufend gemeldet")
    return State(reported, reported, evidence)


def method_anchor(kind: str, key: str) -> str:
    """The method page's section for a status: kind 'measure' or 'initiative'."""
    if kind == "measure":
        return MEASURE_ANCHOR.get(key, f"status-{key}")
    return f"initiative-{key}"
