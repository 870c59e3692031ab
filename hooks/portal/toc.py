"""The table of contents ("Inhalt") of pages whose headings come from templates.

Material draws the right-hand table of contents from MkDocs' ``page.toc``, which MkDocs fills from
a page's Markdown headings only. Detail pages and the overviews write their headings in templates,
so their ``page.toc`` stays empty; the hook fills it from these entries. Detail pages list the
sections their page type declares (``portal.pagetypes``: the same anchors and headings the
templates write); overviews list their groups (years on the timeline, organisation types on the
partner directory, statuses on the measures overview).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .pagetypes import PAGE_TYPES
from .selections import GROUPED

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import Any

    from .catalog import Catalog


@dataclass(frozen=True)
class TocEntry:
    """One line of the table of contents: the heading's anchor, its text and its level (2 for <h2>)."""

    anchor: str
    title: str
    level: int = 2


def record_toc(catalog: Catalog, collection: str, record_id: str) -> list[TocEntry]:
    """The sections a record's page has, in page order, as its page type declares them."""
    return [TocEntry(s.anchor, s.title) for s in PAGE_TYPES[collection].present_sections(catalog, record_id)]


SOURCES = TocEntry("quellen", "Quellen dieser Seite")


def _listed(catalog: Catalog, meta: Mapping[str, Any]) -> list[Any]:
    """What a page of a split overview (portal.archives) lists: its group's items on its page number."""
    group = catalog.archive_group(str(meta["listing"]), str(meta["group"]))
    return list(group.paged.page(int(meta.get("page") or 1)))


def _timeline(catalog: Catalog, meta: Mapping[str, Any]) -> list[TocEntry]:
    # A year's page (portal.archives): the other years and its milestones' sources; the overview its
    # years and the initiatives.
    if meta.get("listing"):
        return [TocEntry("jahre", "Andere Jahre"), *([SOURCES] if catalog.entry_sources(_listed(catalog, meta)) else [])]
    return [TocEntry("jahre", "Nach Jahren"), TocEntry("je-initiative", "Zeitleiste je Initiative")]


def _documents(catalog: Catalog, meta: Mapping[str, Any]) -> list[TocEntry]:
    # The press archive and the sources (portal.archives): a year's page links the other years; the
    # overview its years and, for the press, the newest items.
    if meta.get("listing"):
        return [TocEntry("jahre", "Andere Jahre")]
    newest = meta.get("template") == "press.html" and catalog.archives["presse"]
    return [TocEntry("jahre", "Nach Jahren"), *([TocEntry("neueste", "Die neuesten Einträge")] if newest else [])]


def _partners(catalog: Catalog, meta: Mapping[str, Any]) -> list[TocEntry]:
    # A type's page (portal.archives): the other types and its organisations' sources; the people's
    # page: their sources; the overview links both.
    if meta.get("listing") in ("partner", "personen"):
        collection = "organisations" if meta["listing"] == "partner" else "people"
        others = [TocEntry("arten", "Andere Arten von Organisationen")] if meta["listing"] == "partner" else []
        return [*others, *([SOURCES] if catalog.sources_for(collection, _listed(catalog, meta)) else [])]
    return [TocEntry("netzwerk", "Wer mit wem"), TocEntry("arten", "Organisationen nach Art"),
            TocEntry("personen", "Personen in öffentlichen Rollen")]


def _measures(catalog: Catalog, meta: Mapping[str, Any]) -> list[TocEntry]:
    # The overview shows the first page of the list of every measure: the statuses on that page.
    ids, _ = catalog.selection_page("all")
    groups = [TocEntry(f"status-{state}", label) for state, label, _ in catalog.by_status(ids)]
    return groups + ([TocEntry("quellen", "Quellen dieser Seite")] if catalog.sources_for("measures", ids) else [])


def _network(catalog: Catalog, meta: Mapping[str, Any]) -> list[TocEntry]:
    shown = [TocEntry("bild", "Das Netz als Bild"), TocEntry("tabelle", "Organisationen und Initiativen als Tabelle")]
    sourced = catalog.sources_for("initiatives", list(catalog.partner_matrix().initiatives))
    return [*shown, TocEntry("quellen", "Quellen dieser Seite")] if sourced else shown


def _selection(catalog: Catalog, meta: Mapping[str, Any]) -> list[TocEntry]:
    # A static list of measures (overrides/measures-selection.html): the status headings of a grouped
    # list (every measure, a topic's, a region's) on this page, then the sources of the measures on
    # this page of the list, when they have any.
    name = str(meta.get("selection", ""))
    ids, _ = catalog.selection_page(name, str(meta.get("status") or ""), int(meta.get("page") or 1))
    groups = [TocEntry(f"status-{state}", label) for state, label, _ in catalog.by_status(ids)] if name in GROUPED else []
    return groups + ([TocEntry("quellen", "Quellen dieser Seite")] if catalog.sources_for("measures", ids) else [])


# Overview pages by their template (front matter of their Markdown file in docs/); the functions also
# get the page's front matter (a static list names its selection there).
OVERVIEWS: dict[str, Callable[[Catalog, Mapping[str, Any]], list[TocEntry]]] = {
    "measures-selection.html": _selection,
    "timeline.html": _timeline,
    "partners.html": _partners,
    "press.html": _documents,
    "sources.html": _documents,
    "measures.html": _measures,
    "network.html": _network,
}


def overview_toc(catalog: Catalog, meta: Mapping[str, Any]) -> list[TocEntry]:
    """The groups of an overview page, by the template its front matter ``meta`` names; empty for any other page."""
    make = OVERVIEWS.get(str(meta.get("template", "")))
    return make(catalog, meta) if make else []
