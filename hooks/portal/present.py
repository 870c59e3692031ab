"""Small presentation helpers for templates: dates as ``<time>``, German numbers, key figures.

Every helper returns escaped ``Markup`` or plain text, so templates never build HTML from data.
``once`` lets a template write a fragment that many pages repeat unchanged only once per build.
"""

from __future__ import annotations

import datetime as dt
import functools
import weakref
from typing import TYPE_CHECKING

from babel.numbers import format_decimal
from jinja2 import pass_context
from markupsafe import Markup

from . import labels
from .dates import VagueDate, format_day

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable

    from jinja2 import Environment
    from jinja2.runtime import Context

    from .model import KeyFigure

# The fragments ``once`` wrote, per Jinja environment: MkDocs makes a new environment for every build
# (the live preview's too), so a changed template never meets an old fragment.
Fragments = weakref.WeakKeyDictionary["Environment", dict["Hashable", str]]
_FRAGMENTS: Fragments = weakref.WeakKeyDictionary()


@pass_context
def once(context: Context, key: Hashable, caller: Callable[[], str]) -> str:
    """The body of a ``{% call fmt.once(key) %}…{% endcall %}`` block, rendered once per build and key.

    For fragments that many pages repeat (a status tag with its icon, the search dialog's status
    templates): the first call renders the body, every later call with an equal key gets that HTML.
    ``key`` must therefore name everything the body's output depends on: its arguments (text that
    may be Markup escaped, ``label | e``, since Markup and text of the same letters are equal keys)
    and the addresses it writes relative to the page (the ``url`` filter's result, not the page).
    A body that shows content uses ``portal.once`` (``Catalog.once``), whose fragments also belong
    to that one catalog."""
    return remembered(_FRAGMENTS, context, key, caller)


def remembered(store: Fragments, context: Context, key: Hashable, caller: Callable[[], str]) -> str:
    """``caller()`` the first time ``key`` is asked for in ``context``'s environment, from ``store`` later."""
    made = store.get(context.environment)
    if made is None:
        made = store[context.environment] = {}
    html = made.get(key)
    if html is None:
        html = made[key] = caller()
    return html


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

