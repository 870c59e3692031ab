"""Small presentation helpers for templates: dates as ``<time>``, German numbers, key figures.

Every helper returns escaped ``Markup`` or plain text, so templates never build HTML from data.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

from babel.numbers import format_decimal
from markupsafe import Markup

from . import labels
from .dates import VagueDate, format_day

if TYPE_CHECKING:
    from .model import KeyFigure


# Pure in its arguments (dates are immutable), and pages repeat the same dates in every list: each
# distinct (date, note) is written once per process; the bound keeps a long preview session small.
@functools.lru_cache(maxsize=16384)
def time_tag(date: VagueDate | dt.date | None, note: str | None = None) -> Markup:
    """A date in German inside ``<time datetime=…>``; an unknown date says so, with the source's hint."""
    if date is None:
        return Markup("")
    if isinstance(date, dt.date):
        return Markup('<time datetime="{}">{}</time>').format(date.isoformat(), format_day(date))
    if not date.known:
        text = f"Datum nicht bekannt ({note})" if note else "Datum nicht bekannt"
        return Markup('<span class="portal-date-unknown">{}</span>').format(text)
    html = Markup('<time datetime="{}">{}</time>').format(date.iso(), date.german())
    return html + Markup(" ({})").format(note) if note else html


def number(value: float | int) -> str:
    """German digit grouping and decimal comma: 100000 → '100.000', 2.5 → '2,5'."""
    return format_decimal(value, locale="de_DE")


def figure(key_figure: KeyFigure) -> str:
    """'nahezu 100.000 Beschäftigte' — qualifier, number, unit, as the source words it."""
    qualifier = labels.QUALIFIER[key_figure.qualifier]
    return " ".join(part for part in (qualifier, number(key_figure.value), key_figure.unit) if part)

