"""The long overviews split into bounded pages: press and sources by year, partners by type, people,
the timeline by year.

A mixin of ``portal.catalog.Catalog`` (through ``portal.listings.ListingQueries``). Each overview
keeps its page in ``docs/`` (``presse/index.md``, …) as page 1: the introduction, how many entries
there are and how they are split, with a link to each group. Every group (a year, an organisation
type) gets pages of its own, generated (``archive_pages``) at ``<section>/<group>/`` and, when
long, ``<section>/<group>/seite/2/`` and on (``portal.paging``). A record appears in exactly one
group and on exactly one page of it, so the pages together list the whole overview, nothing twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from . import labels
from .paging import DEFAULT_SIZE, Paged, continuation_pages

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from .evidence import State
    from .indexes import Citation
    from .listings import TimelineEntry
    from .model import Document, Organisation, Person
    from .timechart_rows import TimeChart

# Group key of entries whose source gives no date (an address part, like a year).
UNDATED = "undatiert"
# Items per page of each split overview: configurable, so tests can split a small content set.
PAGE_SIZES: dict[str, int] = {"presse": DEFAULT_SIZE, "quellen": DEFAULT_SIZE, "partner": DEFAULT_SIZE,
                              "personen": DEFAULT_SIZE, "zeitleiste": 150}
# Each split overview: (its section's address, the template of its group pages, title of a group page).
ARCHIVES: dict[str, tuple[str, str, str]] = {
    "presse": ("presse/", "press.html", "Presse {heading}"),
    "quellen": ("quellen/", "sources.html", "Quellen {heading}"),
    "partner": ("partner/art/", "partners.html", "Partner: {heading}"),
    "personen": ("partner/personen/", "partners.html", "Personen in öffentlichen Rollen"),
    "zeitleiste": ("zeitleiste/", "timeline.html", "Zeitleiste {heading}"),
}


# How many citing entries a source's page lists at most ("Was sich auf diese Quelle stützt"): a
# document cited by thousands of records would otherwise make a page of megabytes.
CITATION_LIMIT = 200


@dataclass(frozen=True)
class Group:
    """One group of a split overview: its key (an address part), its heading and its pages."""

    listing: str
    key: str
    heading: str
    paged: Paged[Any]

    @property
    def url(self) -> str:
        """Site-relative address of the group's first page."""
        return self.paged.first

    @property
    def total(self) -> int:
        """How many entries the group has."""
        return self.paged.total


def _year_groups(ids: list[str], year_of: dict[str, int | None]) -> list[tuple[str, list[str]]]:
    """(year or UNDATED, ids) in the order ``ids`` come in (newest first): years newest first, undated last."""
    groups: dict[str, list[str]] = {}
    for key in ids:
        year = year_of[key]
        groups.setdefault(str(year) if year is not None else UNDATED, []).append(key)
    dated = sorted((k for k in groups if k != UNDATED), key=int, reverse=True)
    return [(k, groups[k]) for k in dated] + ([(UNDATED, groups[UNDATED])] if UNDATED in groups else [])


class ArchiveQueries:
    """Which groups and pages each split overview has, and the generated pages."""

    if TYPE_CHECKING:  # provided by Catalog and its other mixins, and documented there (hence noqa: D102)
        documents: dict[str, Document]
        organisations: dict[str, Organisation]
        people: dict[str, Person]

        @property
        def records(self) -> dict[str, Mapping[str, Any]]: ...  # noqa: D102

        def sorted_ids(self, collection: str) -> list[str]: ...  # noqa: D102
        def sort_documents(self, ids: list[str]) -> list[str]: ...  # noqa: D102
        def press_ids(self) -> list[str]: ...  # noqa: D102
        def url(self, collection: str, record_id: str) -> str: ...  # noqa: D102
        def initiative_state(self, initiative_id: str) -> State: ...  # noqa: D102
        @property
        def citations(self) -> dict[str, list[Citation]]: ...  # noqa: D102
        def timeline(self, initiative_id: str | None = None) -> list[TimelineEntry]: ...  # noqa: D102

    archive_sizes = PAGE_SIZES  # an instance may get its own (tests split a small content set)
    citation_limit = CITATION_LIMIT

    def _paged(self, listing: str, key: str, items: list[Any]) -> Paged[Any]:
        section = ARCHIVES[listing][0]
        first = section if listing == "personen" else f"{section}{key}/"  # one group: no key in its address
        return Paged(items, first, self.archive_sizes[listing])

    def _document_years(self, listing: str, ids: list[str]) -> list[Group]:
        year_of = {key: (self.documents[key].date.year if self.documents[key].date.known else None) for key in ids}
        return [Group(listing, key, "ohne Datum" if key == UNDATED else key, self._paged(listing, key, group))
                for key, group in _year_groups(ids, year_of)]

    @cached_property
    def archives(self) -> dict[str, list[Group]]:
        """Every split overview's groups, in page order: computed once per build."""
        years: dict[str, list[TimelineEntry]] = {}
        for entry in self.timeline():  # oldest first: so are the milestones of each year's pages
            date = entry.milestone.date
            years.setdefault(str(date.year) if date.known else UNDATED, []).append(entry)
        # The years newest first, as the press archive's; the undated last.
        timeline_keys = sorted((k for k in years if k != UNDATED), key=int, reverse=True) + ([UNDATED] if UNDATED in years else [])
        by_type: dict[str, list[str]] = {}
        for org_id in self.sorted_ids("organisations"):
            by_type.setdefault(self.organisations[org_id].type, []).append(org_id)
        types = [(key, label, by_type.get(key, [])) for key, label in labels.ORG_TYPE.items()]
        return {
            "presse": self._document_years("presse", self.press_ids()),
            "quellen": self._document_years("quellen", self.sort_documents(list(self.documents))),
            "partner": [Group("partner", key.replace("_", "-"), label, self._paged("partner", key.replace("_", "-"), ids))
                        for key, label, ids in types if ids],
            "personen": [Group("personen", "personen", "Personen in öffentlichen Rollen",
                               self._paged("personen", "personen", self.sorted_ids("people")))],
            "zeitleiste": [Group("zeitleiste", key, "Zeitpunkt nicht bekannt" if key == UNDATED else key,
                                 self._paged("zeitleiste", key, years[key])) for key in timeline_keys],
        }

    def archive_group(self, listing: str, key: str) -> Group:
        """One group of a split overview by its key (KeyError for one it does not have)."""
        for group in self.archives[listing]:
            if group.key == key:
                return group
        raise KeyError(f"{listing}/{key}")

    def archive_total(self, listing: str) -> int:
        """How many entries a split overview has in all its groups."""
        return sum(group.total for group in self.archives[listing])

    def entry_sources(self, entries: Sequence[TimelineEntry]) -> list[str]:
        """The documents behind a page of the timeline: the sources of the milestones it lists, newest first."""
        return self.sort_documents(list(dict.fromkeys(s for e in entries for s in e.milestone.sources)))

    def chart_sources(self, chart: TimeChart) -> list[str]:
        """The documents behind the overall chart: the sources of the milestones of the initiatives it
        draws or names (not of every initiative: the chart is bounded, and so is its source list)."""
        shown = [row.link[1] for row in chart.chart.rows if row.link and row.link[0] == "initiatives"]
        shown += [item.link[1] for item in chart.undated if item.link and item.link[0] == "initiatives"]
        return self.entry_sources([e for iid in dict.fromkeys(shown) for e in self.timeline(iid)])

    def status_sources(self, initiative_ids: Sequence[str]) -> list[str]:
        """The documents behind the stated status of each initiative (the overview's cards), newest first."""
        found = (s for iid in initiative_ids for s in self.initiative_state(iid).evidence.sources)
        return self.sort_documents(list(dict.fromkeys(found)))

    def citations_shown(self, doc_id: str) -> tuple[list[Citation], int]:
        """The citing entries a source's page lists (at most ``citation_limit``, in the index's order)
        and how many there are in all."""
        cited = self.citations.get(doc_id, [])
        return cited[: self.citation_limit], len(cited)

    def archive_pages(self) -> dict[str, str]:
        """Every generated page of the split overviews: source path → Markdown with front matter only
        (``portal.paging.continuation_pages``). ValueError when a group's address is a record's page
        (a source with the id "2019", an organisation "personen"): the id must change."""
        pages: dict[str, str] = {}
        taken = {self.url(c, key) for c in ("documents", "organisations") for key in self.records[c]}
        for listing, groups in self.archives.items():
            _, template, title = ARCHIVES[listing]
            for group in groups:
                pages.update(continuation_pages(group.paged, template, title.format(heading=group.heading),
                                                {"listing": listing, "group": group.key}, with_first=True))
                if group.url in taken:
                    raise ValueError(f"Die Adresse {group.url} ist eine erzeugte Übersichtsseite; bitte die Datei mit dieser id umbenennen.")
        return pages
