"""What each page tells the search index: kind, initiatives, regions, topics, status, area.

``search_entry`` answers for one page (main.html writes it as Pagefind meta and filter elements;
the contract is in ``portal.search``); ``SearchVocabulary`` holds the words compounds split into
and adds the generated keywords to a rendered page (``portal.search_terms``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import labels, search_terms
from .search import CONTENT, HELP, HELP_WEIGHT, OVERVIEW_WEIGHT

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .catalog import Catalog

# Markdown pages that are help or legal text rather than content (their src_uri in docs/).
HELP_PAGES = {"mitmachen/index.md": "Hilfe", "methode/index.md": "Hilfe", "impressum.md": "Rechtliches",
              "datenschutz.md": "Rechtliches", "barrierefreiheit.md": "Rechtliches", "leichte-sprache.md": "Rechtliches"}
ART = {"initiatives": "Initiative", "measures": "Maßnahme", "organisations": "Partner", "people": "Person",
       "topics": "Thema", "regions": "Region"}
OVERVIEW = "Übersicht"
# main.html leaves this comment in the article; the keywords replace it after the page is rendered.
KEYWORDS_MARK = "<!--portal-search-keywords-->"
ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
# Scripts (the JSON-LD) hold addresses, not words; tags and comments separate words.
TAG = re.compile(r"<script\b.*?</script>|<!--.*?-->|<[^>]+>", re.S)
ID = re.compile(r"[a-z0-9-]+")  # record ids and references: addresses, not words
_WORD_CHAR = re.compile(r"\w")  # what ends "<article" for ARTICLE's \b


@dataclass(frozen=True)
class SearchEntry:
    """The search's view of one page (see the contract in ``portal.search``)."""

    art: str
    bereich: str
    initiatives: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    status: str = ""
    status_label: str = ""
    short_names: list[str] = field(default_factory=list)

    @property
    def weight(self) -> str:
        """The article's ``data-pagefind-weight``: empty (Pagefind's 1) for a record's page; lower for
        overviews, which repeat lines of many records, and lowest for guide, method and legal pages."""
        if self.bereich == HELP:
            return HELP_WEIGHT
        return OVERVIEW_WEIGHT if self.art == OVERVIEW else ""

    def filters(self) -> list[tuple[str, str]]:
        """(filter, value) pairs, a filter repeated once per value."""
        pairs = [("art", self.art), ("bereich", self.bereich)]
        pairs += [("initiative", title) for title in self.initiatives]
        pairs += [("region", name) for name in self.regions]
        pairs += [("thema", name) for name in self.topics]
        if self.status_label:
            pairs.append(("status", self.status_label))
        return pairs

    def meta(self) -> list[tuple[str, str]]:
        """(meta, value) pairs for the result list."""
        pairs = [("art", self.art)]
        if self.initiatives:
            pairs.append(("initiative", " · ".join(self.initiatives)))
        if self.status:
            pairs += [("status", self.status), ("status_label", self.status_label)]
        return pairs


def search_entry(catalog: Catalog, collection: str | None, record_id: str | None, src_uri: str) -> SearchEntry:
    """The search entry of a generated record page (``collection``, ``record_id``) or a Markdown page."""
    if collection is None or record_id is None:
        art = HELP_PAGES.get(src_uri)
        return SearchEntry(art or OVERVIEW, HELP if art else CONTENT)
    return _RECORD_ENTRIES[collection](catalog, record_id)


def _names(catalog: Catalog, collection: str, ids: list[str]) -> list[str]:
    return [catalog.name(collection, i) for i in dict.fromkeys(ids) if i in catalog.records[collection]]


def _regions(catalog: Catalog, region_id: str | None) -> list[str]:
    return _names(catalog, "regions", catalog.region_path(region_id)) if region_id else []


def _short_names(catalog: Catalog, initiative_ids: list[str]) -> list[str]:
    return [s for i in initiative_ids if i in catalog.initiatives and (s := catalog.initiatives[i].short_name)]


def _initiative(catalog: Catalog, record_id: str) -> SearchEntry:
    record = catalog.initiatives[record_id]
    state = catalog.initiative_state(record_id)
    return SearchEntry("Initiative", CONTENT, [record.title], _regions(catalog, record.region),
                       _names(catalog, "topics", list(record.topics)), state.key, labels.INITIATIVE_STATUS[state.key],
                       _short_names(catalog, [record_id]))


def _measure(catalog: Catalog, record_id: str) -> SearchEntry:
    record = catalog.measures[record_id]
    status = catalog.status(record_id)
    return SearchEntry("Maßnahme", CONTENT, _names(catalog, "initiatives", [record.initiative]),
                       _names(catalog, "regions", catalog.measure_regions(record_id)),
                       _names(catalog, "topics", list(record.topics)), status, labels.MEASURE_STATUS[status],
                       _short_names(catalog, [record.initiative]) + _org_short_names(catalog, _measure_orgs(record)))


def _measure_orgs(record: Any) -> list[str]:
    return [o for o in [record.owner, *record.partners, *record.mentioned] if isinstance(o, str)]


def _org_short_names(catalog: Catalog, org_ids: list[str]) -> list[str]:
    return [s for o in org_ids if o in catalog.organisations and (s := catalog.organisations[o].short_name)]


def _organisation(catalog: Catalog, record_id: str) -> SearchEntry:
    record = catalog.organisations[record_id]
    initiatives = [i for i, _ in catalog.initiatives_of_org(record_id)]
    return SearchEntry("Partner", CONTENT, _names(catalog, "initiatives", initiatives), _regions(catalog, record.region),
                       short_names=_org_short_names(catalog, [record_id]) + _short_names(catalog, initiatives))


def _person(catalog: Catalog, record_id: str) -> SearchEntry:
    initiatives = [i for i, _ in catalog.initiatives_of_person(record_id)]
    return SearchEntry("Person", CONTENT, _names(catalog, "initiatives", initiatives),
                       short_names=_short_names(catalog, initiatives))


def _document(catalog: Catalog, record_id: str) -> SearchEntry:
    record = catalog.documents[record_id]
    orgs = [o for o in [record.publisher, *record.organisations] if isinstance(o, str)]
    return SearchEntry(labels.DOCUMENT_TYPE[record.type], CONTENT, _names(catalog, "initiatives", list(record.initiatives)),
                       topics=_names(catalog, "topics", list(record.topics)),
                       short_names=_short_names(catalog, list(record.initiatives)) + _org_short_names(catalog, orgs))


def _topic(catalog: Catalog, record_id: str) -> SearchEntry:
    return SearchEntry("Thema", CONTENT, topics=[catalog.topics[record_id].name])


def _region(catalog: Catalog, record_id: str) -> SearchEntry:
    return SearchEntry("Region", CONTENT, regions=_regions(catalog, record_id))


_RECORD_ENTRIES = {"initiatives": _initiative, "measures": _measure, "organisations": _organisation,
                   "people": _person, "documents": _document, "topics": _topic, "regions": _region}


class SearchVocabulary:
    """The words of all content, which compound words split into; made once per build."""

    def __init__(self, catalog: Catalog) -> None:
        self.words = search_terms.vocabulary(_strings(catalog))
        self._splits: dict[str, str | None] = {}  # each distinct word's split, for every page of the build

    def add_keywords(self, page_html: str, extra: list[str]) -> str:
        """``page_html`` with the generated keywords of its article in place of ``KEYWORDS_MARK``."""
        if KEYWORDS_MARK not in page_html:
            return page_html
        text = html.unescape(TAG.sub(" ", article)) if (article := _article(page_html)) else ""
        found = search_terms.keywords(text, self.words, extra, self._splits)
        element = f'<span data-pagefind-meta="stichwoerter">{html.escape(" ".join(found))}</span>' if found else ""
        return page_html.replace(KEYWORDS_MARK, element, 1)


def _article(page_html: str) -> str | None:
    """The page's first ``<article …>…</article>``, as ``ARTICLE`` finds it, without a regular expression's
    scan of the whole page (Material's chrome before the article is most of it)."""
    start = page_html.find("<article")
    while start != -1 and _WORD_CHAR.match(page_html, start + len("<article")):  # "<articles": no tag
        start = page_html.find("<article", start + 1)
    if start == -1:
        return None
    end = page_html.find("</article>", start + len("<article"))
    return None if end == -1 else page_html[start:end + len("</article>")]


def _strings(catalog: Catalog) -> Iterator[str]:
    """Every text of every record (titles, names, descriptions, notes), once each."""
    for records in catalog.records.values():
        for record in records.values():
            yield from (text for text in _texts(record.model_dump()) if not ID.fullmatch(text))


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item)
