"""The measure lists that exist as pages of their own, and the region filter of the overview lists.

A mixin of ``portal.catalog.Catalog``. The static lists (overdue, without recent news, without a
target date, one per status) are docs pages under ``docs/massnahmen/`` that name their selection in
front matter (``overrides/measures-selection.html``): they work without JavaScript, and the start
page's tiles and status bar link to them. The region filter matches a region and every region above
it, so that "Ruhrgebiet" finds the measures of an initiative in Duisburg.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import yaml

from . import labels

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .model import Initiative, Measure, Region

# Selection name (front matter ``selection:`` of a docs page) → its address under /massnahmen/.
SELECTION_PAGES = {"overdue": "massnahmen/verstrichen/", "stale": "massnahmen/ohne-meldung/",
                   "untargeted": "massnahmen/ohne-zieltermin/"}
STATUS_PAGE = "massnahmen/status/{key}/"
# Measures per page of a static list: about 130 bytes each gzipped, so a page stays far below 100 KB
# however many measures there are; further pages (…/2/, …/3/) are generated (``continuation_pages``).
PAGE_SIZE = 400



def regions_up(regions: Mapping[str, Region], region_id: str | None) -> list[str]:
    """The region and every region above it, nearest first: a change or a measure in Düsseldorf
    concerns NRW too. Stops at a cycle or an unknown id (the check refuses both; a preview copy of
    the content might still hold one)."""
    path: list[str] = []
    while region_id and region_id not in path and region_id in regions:
        path.append(region_id)
        region_id = regions[region_id].parent
    return path

class SelectionQueries:
    """Which measures a static list shows, where it lives, and the regions an item is filtered under."""

    if TYPE_CHECKING:  # provided by Catalog and its other mixins, and documented there (hence noqa: D102)
        initiatives: dict[str, Initiative]
        measures: dict[str, Measure]
        regions: dict[str, Region]

        def sorted_ids(self, collection: str) -> list[str]: ...  # noqa: D102
        def status(self, measure_id: str) -> str: ...  # noqa: D102
        def is_overdue(self, measure_id: str) -> bool: ...  # noqa: D102
        def is_stale(self, collection: str, record_id: str) -> bool: ...  # noqa: D102

    def measure_selection(self, name: str, status: str = "") -> list[str]:
        """The measures of a static list, by title: "overdue", "stale", "untargeted", or "status"
        with ``status`` a key of ``labels.MEASURE_STATUS``; KeyError for anything else (a typo in
        a page's front matter fails the build)."""
        tests = {
            "overdue": self.is_overdue,
            "stale": lambda mid: self.is_stale("measures", mid),
            "untargeted": lambda mid: self.measures[mid].target is None,
        }
        if name == "status":
            labels.MEASURE_STATUS[status]  # noqa: B018 - raises KeyError for an unknown status
            return [mid for mid in self.sorted_ids("measures") if self.status(mid) == status]
        test = tests[name]
        return [mid for mid in self.sorted_ids("measures") if test(mid)]

    def selection_url(self, name: str, status: str = "", number: int = 1) -> str:
        """Site-relative address of a static list, or of its page ``number`` (for the ``url`` filter)."""
        # Addresses use hyphens like every other address of the site ("in-umsetzung").
        first = STATUS_PAGE.format(key=status.replace("_", "-")) if name == "status" else SELECTION_PAGES[name]
        return first if number == 1 else f"{first}{number}/"

    def selection_page(self, name: str, status: str = "", number: int = 1) -> tuple[list[str], int]:
        """The measures on page ``number`` of a static list, and how many pages the list has (at least one)."""
        ids = self.measure_selection(name, status)
        return ids[(number - 1) * PAGE_SIZE: number * PAGE_SIZE], max(1, math.ceil(len(ids) / PAGE_SIZE))

    def continuation_pages(self) -> dict[str, str]:
        """The generated pages 2, 3, … of every static list that needs them: source path → Markdown
        with front matter only (the template draws the list; page 1 is the docs page with the intro)."""
        lists = [(name, "") for name in SELECTION_PAGES] + [("status", key) for key in labels.MEASURE_STATUS]
        pages = {}
        for name, status in lists:
            _, count = self.selection_page(name, status)
            for number in range(2, count + 1):
                meta = {"template": "measures-selection.html", "selection": name, "status": status,
                        "page": number, "title": f"{self.selection_title(name, status)} – Seite {number} von {count}"}
                pages[self.selection_url(name, status, number).rstrip("/") + ".md"] = (
                    "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n")
        return pages

    def selection_title(self, name: str, status: str = "") -> str:
        """The title of a static list, as its docs page names it."""
        if name == "status":
            return f"Maßnahmen mit dem Status „{labels.MEASURE_STATUS[status]}“"
        return {"overdue": "Maßnahmen mit verstrichenem Zieltermin", "stale": "Maßnahmen ohne aktuelle Meldung",
                "untargeted": "Maßnahmen ohne Zieltermin"}[name]

    def region_path(self, region_id: str) -> list[str]:
        """The region and every region above it, nearest first (``regions_up``)."""
        return regions_up(self.regions, region_id)

    def measure_regions(self, measure_id: str) -> list[str]:
        """The regions a measure is filtered under: its initiative's region and every region above it."""
        return self.region_path(self.initiatives[self.measures[measure_id].initiative].region)

    def region_options(self) -> list[tuple[str, str]]:
        """(id, name) of every region an initiative lies in or below, by name: the region filter's choices."""
        used = {r for i in self.initiatives.values() for r in self.region_path(i.region)}
        return [(r, self.regions[r].name) for r in self.sorted_ids("regions") if r in used]
