"""The measure lists that exist as pages of their own, and the region filter of the overview lists.

A mixin of ``portal.catalog.Catalog``. The static lists work without JavaScript: overdue, without
recent news, without a target date and one per status are docs pages under ``docs/massnahmen/`` that
name their selection in front matter (``overrides/measures-selection.html``); every measure ("all",
whose first page is the overview ``/massnahmen/`` itself) and the facets by topic and by region
(``/massnahmen/thema/<id>/``, ``/massnahmen/region/<id>/``) are generated. Every list is cut into
pages of a fixed size, so no page grows with the content; the start page's tiles, the overview and
the topic and region pages link to them. The region filter matches a region and every region above
it, so that "Ruhrgebiet" finds the measures of an initiative in Duisburg.
"""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING

from . import labels

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .model import Initiative, Measure, Region, Topic

# Selection name (front matter ``selection:`` of a docs page) → its address under /massnahmen/.
SELECTION_PAGES = {"overdue": "massnahmen/verstrichen/", "stale": "massnahmen/ohne-meldung/",
                   "untargeted": "massnahmen/ohne-zieltermin/"}
STATUS_PAGE = "massnahmen/status/{key}/"
# Every measure: page 1 is the filterable overview, pages 2, 3, … are generated.
ALL_PAGE = "massnahmen/"
ALL_MORE = "massnahmen/seite/{number}/"
# Facets: one generated list per topic and per region (with the regions below it).
FACET_PAGES = {"topic": "massnahmen/thema/{key}/", "region": "massnahmen/region/{key}/"}
# Lists whose pages group their measures under status headings (ordered by status, then title).
GROUPED = {"all", "topic", "region"}
# Measures per page of a static list. An item with its status icon, evidence and owner takes about
# 2 KB of HTML (measured at 1/10 NRW: 400 items made an 823 KB page), so 150 keep a page near 350 KB
# raw and 40 KB gzipped, under the budget of 500 KB and 100 KB however many measures there are;
# further pages (…/2/, …/3/) are generated (``continuation_pages``).
# Module constants, read at each call: a test lowers them (in a scratch copy of the hooks, or with
# monkeypatch) to get many pages from a few measures.
PAGE_SIZE = 150
# Measures per page of the list of every measure (the overview's first page and …/seite/N/): the
# overview also carries the filter form and the status summary, so its list is shorter.
OVERVIEW_PAGE_SIZE = 100
# Profile pages (topic, region, organisation, initiative, person, start page) show at most this many
# of a kind and link to the full list, so that they stay small however much content there is.
GROUP_LIMIT = 10      # measures per status group (glance.measure_groups)
CARD_LIMIT = 12       # initiative cards; the rest as plain links
PRESS_LIMIT = 10      # newest documents that name the record
LIST_LIMIT = 50       # measures an organisation's page lists; measures per status on an initiative's page


def regions_up(regions: Mapping[str, Region], region_id: str | None) -> list[str]:
    """The region and every region above it, nearest first: a change or a measure in Düsseldorf
    concerns NRW too. Stops at a cycle or an unknown id (the check refuses both; a preview copy of
    the content might still hold one)."""
    path: list[str] = []
    while region_id and region_id not in path and region_id in regions:
        path.append(region_id)
        region_id = regions[region_id].parent
    return path


def page_size(name: str) -> int:
    """How many measures one page of the list ``name`` shows."""
    return OVERVIEW_PAGE_SIZE if name == "all" else PAGE_SIZE


class SelectionQueries:
    """Which measures a static list shows, where it lives, and the regions an item is filtered under."""

    if TYPE_CHECKING:  # provided by Catalog and its other mixins, and documented there (hence noqa: D102)
        initiatives: dict[str, Initiative]
        measures: dict[str, Measure]
        regions: dict[str, Region]
        topics: dict[str, Topic]

        def sorted_ids(self, collection: str) -> list[str]: ...  # noqa: D102
        def status(self, measure_id: str) -> str: ...  # noqa: D102
        def is_overdue(self, measure_id: str) -> bool: ...  # noqa: D102
        def is_stale(self, collection: str, record_id: str) -> bool: ...  # noqa: D102
        def by_status(self, measure_ids: list[str]) -> list[tuple[str, str, list[str]]]: ...  # noqa: D102
        def measures_of_topic(self, topic_id: str) -> list[str]: ...  # noqa: D102
        def measures_in_region(self, region_id: str) -> list[str]: ...  # noqa: D102
        def with_topic(self, topic_id: str) -> dict[str, list[str]]: ...  # noqa: D102
        def initiatives_in(self, region_id: str) -> list[str]: ...  # noqa: D102
        def initiatives_by_news(self) -> list[str]: ...  # noqa: D102
        def status_groups(self, measure_ids: list[str], limit: int) -> list[tuple[str, str, list[str], int]]: ...  # noqa: D102
        def sources_for(self, collection: str, ids: list[str]) -> list[str]: ...  # noqa: D102

    def measure_selection(self, name: str, status: str = "") -> list[str]:
        """The measures of a static list: "overdue", "stale", "untargeted" by title; "status" with
        ``status`` a key of ``labels.MEASURE_STATUS``, by title; "all", "topic" and "region" (with
        ``status`` the topic's or region's id) by status, then title. KeyError for anything else (a
        typo in a page's front matter fails the build). Computed once per list and build: every page
        of a list asks for it."""
        cache: dict[tuple[str, str], list[str]] = self.__dict__.setdefault("_selections", {})
        if (name, status) not in cache:
            cache[name, status] = self._select(name, status)
        return cache[name, status]

    def _select(self, name: str, key: str) -> list[str]:
        if name in GROUPED:
            if name == "topic":
                self.topics[key]  # noqa: B018 - raises KeyError for an unknown topic
                found = self.measures_of_topic(key)
            elif name == "region":
                self.regions[key]  # noqa: B018 - raises KeyError for an unknown region
                found = self.measures_in_region(key)
            else:
                found = self.sorted_ids("measures")
            wanted = set(found)
            in_order = [mid for mid in self.sorted_ids("measures") if mid in wanted]
            return [mid for _, _, group in self.by_status(in_order) for mid in group]
        tests = {
            "overdue": self.is_overdue,
            "stale": lambda mid: self.is_stale("measures", mid),
            "untargeted": lambda mid: self.measures[mid].target is None,
        }
        if name == "status":
            labels.MEASURE_STATUS[key]  # noqa: B018 - raises KeyError for an unknown status
            return [mid for mid in self.sorted_ids("measures") if self.status(mid) == key]
        test = tests[name]
        return [mid for mid in self.sorted_ids("measures") if test(mid)]

    def selection_url(self, name: str, status: str = "", number: int = 1) -> str:
        """Site-relative address of a static list, or of its page ``number`` (for the ``url`` filter);
        ``status`` is the status key, or the topic's or region's id for a facet."""
        if name == "all":
            return ALL_PAGE if number == 1 else ALL_MORE.format(number=number)
        # Addresses use hyphens like every other address of the site ("in-umsetzung").
        if name == "status":
            first = STATUS_PAGE.format(key=status.replace("_", "-"))
        elif name in FACET_PAGES:
            first = FACET_PAGES[name].format(key=status)
        else:
            first = SELECTION_PAGES[name]
        return first if number == 1 else f"{first}{number}/"

    def selection_page(self, name: str, status: str = "", number: int = 1) -> tuple[list[str], int]:
        """The measures on page ``number`` of a static list, and how many pages the list has (at least one)."""
        ids, size = self.measure_selection(name, status), page_size(name)
        return ids[(number - 1) * size: number * size], max(1, math.ceil(len(ids) / size))

    def facet_status_url(self, name: str, key: str, status: str) -> str:
        """The address of the page of a grouped list (``GROUPED``) where the measures of ``status``
        begin (their heading's anchor is ``status-<status>``); the first page when none has it."""
        ids = self.measure_selection(name, key)
        first = next((n for n, mid in enumerate(ids) if self.status(mid) == status), 0)
        return self.selection_url(name, key, first // page_size(name) + 1)

    def facet_keys(self, name: str) -> list[str]:
        """The topics ("topic") or regions ("region") that get a list of their measures: those with
        at least one measure, by name."""
        if name == "topic":
            used = {t for m in self.measures.values() for t in m.topics}
            return [t for t in self.sorted_ids("topics") if t in used]
        used = {r for m in self.measures.values() for r in self.region_path(self.initiatives[m.initiative].region)}
        return [r for r in self.sorted_ids("regions") if r in used]

    def has_facet(self, name: str, key: str) -> bool:
        """Whether the topic or region ``key`` has a list of its measures (``facet_keys``)."""
        found: dict[str, set[str]] = self.__dict__.setdefault("_facets", {})
        if name not in found:
            found[name] = set(self.facet_keys(name))
        return key in found[name]

    def continuation_pages(self) -> dict[str, str]:
        """The generated list pages: source path → Markdown with front matter only (the template
        draws the list). For the docs pages' lists (page 1 is the docs page with the intro) and for
        the list of every measure (page 1 is the overview), pages 2, 3, …; for the facets by topic
        and region, every page."""
        lists = [(name, "") for name in SELECTION_PAGES] + [("status", key) for key in labels.MEASURE_STATUS]
        lists += [("all", "")]
        facets = [(name, key) for name in FACET_PAGES for key in self.facet_keys(name)]
        pages = {}
        for name, key in lists + facets:
            _, count = self.selection_page(name, key)
            first = 1 if (name, key) in facets else 2
            for number in range(first, count + 1):
                title = self.selection_title(name, key)
                meta = {"template": "measures-selection.html", "selection": name, "status": key, "page": number,
                        "generated": True, "title": title if count == 1 else f"{title} – Seite {number} von {count}"}
                # JSON is YAML: one line per key, no YAML writer needed for a few hundred pages.
                front = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in meta.items())
                pages[self.selection_url(name, key, number).rstrip("/") + ".md"] = "---\n" + front + "---\n"
        return pages

    def selection_title(self, name: str, status: str = "") -> str:
        """The title of a static list, as its docs page names it (for a facet: with the topic's or region's name)."""
        if name == "status":
            return f"Maßnahmen mit dem Status „{labels.MEASURE_STATUS[status]}“"
        if name == "topic":
            return f"Maßnahmen zum Thema „{self.topics[status].name}“"
        if name == "region":
            return f"Maßnahmen in der Region „{self.regions[status].name}“"
        return {"overdue": "Maßnahmen mit verstrichenem Zieltermin", "stale": "Maßnahmen ohne aktuelle Meldung",
                "untargeted": "Maßnahmen ohne Zieltermin", "all": "Alle Maßnahmen, die die Quellen nennen"}[name]

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

    # --- bounded profile pages ----------------------------------------------------------------
    def limits(self) -> dict[str, int]:
        """The page bounds of profile pages (``GROUP_LIMIT``, ``CARD_LIMIT``, ``PRESS_LIMIT``, ``LIST_LIMIT``)
        and of the overview's list (``OVERVIEW_PAGE_SIZE``), for templates."""
        return {"group": GROUP_LIMIT, "cards": CARD_LIMIT, "press": PRESS_LIMIT, "list": LIST_LIMIT,
                "overview": OVERVIEW_PAGE_SIZE}

    def card_split(self, initiative_ids: list[str]) -> tuple[list[str], list[str]]:
        """The initiatives a page shows as cards (at most ``CARD_LIMIT``, newest news first) and the
        rest, by title, which it lists as plain links."""
        wanted = set(initiative_ids)
        if len(wanted) <= CARD_LIMIT:
            return list(initiative_ids), []
        if "_by_news" not in self.__dict__:  # one order for every page of the build
            self.__dict__["_by_news"] = self.initiatives_by_news()
        cards = [iid for iid in self.__dict__["_by_news"] if iid in wanted][:CARD_LIMIT]
        shown = set(cards)
        return cards, [iid for iid in initiative_ids if iid not in shown]

    def shown_measures(self, measure_ids: list[str]) -> list[str]:
        """The measures ``glance.measure_groups`` shows of ``measure_ids``: at most ``GROUP_LIMIT`` per status."""
        return [mid for _, _, shown, _ in self.status_groups(measure_ids, GROUP_LIMIT) for mid in shown]

    def topic_page_sources(self, topic_id: str) -> list[str]:
        """The sources of what a topic page shows: its initiative cards' and its shown measures'."""
        found = self.with_topic(topic_id)
        cards, _ = self.card_split(found["initiatives"])
        return list(dict.fromkeys(self.sources_for("initiatives", cards)
                                  + self.sources_for("measures", self.shown_measures(found["measures"]))))

    def region_page_sources(self, region_id: str) -> list[str]:
        """The sources of what a region page shows: its own description's, its initiative cards' and
        its shown measures'."""
        cards, _ = self.card_split(self.initiatives_in(region_id))
        own = list(self.regions[region_id].sources)
        return list(dict.fromkeys(own + self.sources_for("initiatives", cards)
                                  + self.sources_for("measures", self.shown_measures(self.measures_in_region(region_id)))))
