"""Pagination: one long list split into numbered pages of a fixed size, with their addresses.

A list lives at a first address (``presse/2019/``); its page ``n`` (from 2 on) at ``…/seite/n/``
(or ``…/n/`` with ``style="bare"``, as the static measure lists of ``portal.selections`` do). Page 1
is either a Markdown page in ``docs/`` (with the introduction) or generated like the others; every
further page is generated with front matter only (``continuation_pages``): the template draws the
list from the page's ``listing`` key and ``page`` number. Generated pages stay out of the
navigation (the hook adds them as ``NOT_IN_NAV``), like every detail page.

The pager (``overrides/portal/paging.html``) shows a bounded window of page links: the first, the
last, the current page and its neighbours, with gaps between (``window``), so that a list of 500
pages still has a pager of a handful of links.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

T = TypeVar("T")

# Items per page when a list does not say otherwise: about 300 bytes of HTML each (a document with
# type, date and publisher), so a page stays near 60 KB raw and far below 100 KB gzipped.
DEFAULT_SIZE = 200
# Page links on each side of the current one in the pager (besides the first and the last).
NEIGHBOURS = 2


def page_url(first: str, number: int, style: str = "seite") -> str:
    """Site-relative address of page ``number`` of the list whose first page is at ``first``."""
    if number <= 1:
        return first
    return f"{first}seite/{number}/" if style == "seite" else f"{first}{number}/"


def page_count(total: int, size: int) -> int:
    """How many pages ``total`` items fill at ``size`` per page: at least one (an empty list has a page)."""
    if size < 1:
        raise ValueError(f"page size must be positive, not {size}")
    return max(1, math.ceil(total / size))


def window(number: int, count: int, neighbours: int = NEIGHBOURS) -> list[int | None]:
    """The page numbers a pager links, in order, with ``None`` for a gap: the first, the last, and
    ``neighbours`` on each side of ``number``. A gap of a single page shows that page instead."""
    wanted = {1, count, *range(number - neighbours, number + neighbours + 1)}
    shown = sorted(n for n in wanted if 1 <= n <= count)
    found: list[int | None] = []
    for n in shown:
        if found and isinstance(found[-1], int) and n - found[-1] == 2:
            found.append(n - 1)  # "1 … 3" hides one page: show it rather than a gap
        elif found and isinstance(found[-1], int) and n - found[-1] > 2:
            found.append(None)
        found.append(n)
    return found


@dataclass(frozen=True)
class Paged(Generic[T]):
    """A list split into pages: the items, the page size, and the first page's address."""

    items: Sequence[T]
    first: str          # site-relative address of page 1, e.g. "presse/2019/"
    size: int = DEFAULT_SIZE
    style: str = "seite"  # "seite": …/seite/2/; "bare": …/2/

    @property
    def total(self) -> int:
        """How many items the whole list has."""
        return len(self.items)

    @property
    def count(self) -> int:
        """How many pages the list has (at least one)."""
        return page_count(len(self.items), self.size)

    def page(self, number: int) -> Sequence[T]:
        """The items on page ``number`` (1-based); IndexError for a page the list does not have."""
        if not 1 <= number <= self.count:
            raise IndexError(f"page {number} of {self.count}")
        return self.items[(number - 1) * self.size: number * self.size]

    def url(self, number: int) -> str:
        """Site-relative address of page ``number``."""
        return page_url(self.first, number, self.style)

    def pager(self, number: int) -> Pager:
        """What the pager macro needs to draw page ``number``'s links."""
        return Pager(number, self.count, tuple(self.url(n) for n in range(1, self.count + 1)),
                     (number - 1) * self.size + 1 if self.items else 0, min(number * self.size, self.total), self.total)


@dataclass(frozen=True)
class Pager:
    """One page's place in its list: its number, the page count, every page's address, and which
    items (first and last position, 1-based) of how many it shows."""

    number: int
    count: int
    urls: tuple[str, ...]
    first_item: int
    last_item: int
    total: int

    @property
    def links(self) -> list[tuple[int, str] | None]:
        """(number, address) of every page the pager links, ``None`` for a gap (``window``)."""
        return [(n, self.urls[n - 1]) if n else None for n in window(self.number, self.count)]

    @property
    def previous(self) -> str | None:
        """The previous page's address, or None on the first page."""
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        """The next page's address, or None on the last page."""
        return self.urls[self.number] if self.number < self.count else None


def front_matter(meta: Mapping[str, Any]) -> str:
    """A generated page's Markdown: front matter only. Each value is written as JSON, which YAML
    reads as the same value (strings quoted and escaped), and is far quicker than ``yaml.safe_dump``."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


def source_path(url: str) -> str:
    """The source path of a generated page at the site-relative ``url`` (``presse/2019/`` →
    ``presse/2019/index.md``): with directory URLs MkDocs serves it at exactly that address."""
    return url + "index.md"


def continuation_pages(paged: Paged[Any], template: str, title: str, meta: Mapping[str, Any],
                       with_first: bool = False) -> dict[str, str]:
    """The generated pages of a list (source path → Markdown): pages 2, 3, … (and page 1 with
    ``with_first``, for a list without a page in ``docs/``). Each names its ``template``, its
    title ("title – Seite 2 von 17" from page 2 on), its ``page`` number and ``meta`` (which list)."""
    pages = {}
    for number in range(1 if with_first else 2, paged.count + 1):
        shown = title if number == 1 else f"{title} – Seite {number} von {paged.count}"
        pages[source_path(paged.url(number))] = front_matter({"template": template, "title": shown, **meta, "page": number})
    return pages
