"""Representative records of the SHIPPED content, picked by rule, never by id.

Editors change ``data/`` by committing: a new press item, a measure recorded as completed, an
organisation renamed, a record added or removed. Tests on the built real site must hold for any
such valid content, so they take their examples from here instead of writing ids, names or states
into the test. The content is read once, with the domain (``portal.check.load_valid`` and
``portal.catalog.Catalog``) and the real date, as ``real_site`` is built. Every pick is
deterministic: the record with the most of something, ties broken by id.

What depends on a *state* of the content (a measure being overdue, an initiative having a short
name) is not asserted on the shipped content at all: tests derive it from ``CATALOG`` ("every
measure the catalog calls overdue shows the tag"), or check it on the mini fixture
(``tests/fixtures/mini``, built with the fixed date ``EPOCH``).

Content without initiatives, measures, organisations, people, documents, topics or regions is
not content for this portal; loading fails with a message saying which collection is empty.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from portal.catalog import Catalog
from portal.check import load_valid
from portal.urls import url_for

ROOT = Path(__file__).resolve().parent.parent
# The real date: the real site is built with it, as CI publishes it every night.
TODAY = dt.date.today()


def _load() -> Catalog:
    loaded, problems = load_valid(ROOT / "data", TODAY)
    assert not problems, f"Die ausgelieferten Inhalte unter data/ sind nicht gültig:\n{problems.report()}"
    catalog = Catalog(loaded.records, TODAY)
    for collection in ("initiatives", "measures", "organisations", "people", "topics", "regions"):
        assert catalog.records[collection], f"data/ enthält keine Datensätze der Sammlung '{collection}'"
    assert catalog.documents, "data/documents enthält kein veröffentlichtes Dokument"
    return catalog


CATALOG = _load()


def most(ids: Iterable[str], size: Callable[[str], int]) -> str:
    """The id with the largest ``size``; among equals the first id in sort order."""
    return min(ids, key=lambda key: (-size(key), key))


def words(text: str) -> list[str]:
    """The words of ``text`` (letters only, no digits or punctuation)."""
    return re.findall(r"[^\W\d_]+", text)


# --- The picks -----------------------------------------------------------------------------------

# The initiative with the most measures: the biggest profile (measures, working groups, partners).
INITIATIVE = most(CATALOG.initiatives, lambda key: len(CATALOG.measures_of(key)))
# The measure with the longest history.
MEASURE = most(CATALOG.measures, lambda key: len(CATALOG.measures[key].history))
# The organisation involved most often (participant, chair, owner or partner of a measure ...).
ORGANISATION = most(CATALOG.organisations, lambda key: len(CATALOG.involvements.get(key, [])))
# The person with the most public roles and involvements.
PERSON = most(CATALOG.people,
              lambda key: len(CATALOG.people[key].roles)
              + sum(len(entries) for _, entries in CATALOG.initiatives_of_person(key)))
# The published document cited most often.
DOCUMENT = most(CATALOG.documents, lambda key: len(CATALOG.citations.get(key, [])))
# The topic with the most initiatives, measures and documents.
TOPIC = most(CATALOG.topics, lambda key: sum(len(ids) for ids in CATALOG.with_topic(key).values()))


def _region_uses(region_id: str) -> int:
    """How often a region is named: by initiatives, organisations and regions below it."""
    return (sum(i.region == region_id for i in CATALOG.initiatives.values())
            + sum(o.region == region_id for o in CATALOG.organisations.values())
            + len(CATALOG.region_children(region_id)))


REGION = most(CATALOG.regions, _region_uses)


def initiatives_with_region(region_id: str) -> list[str]:
    """Initiatives in ``region_id`` or a region below it (what the overview's region filter matches)."""
    return [iid for iid in CATALOG.sorted_ids("initiatives") if region_id in CATALOG.region_path(CATALOG.initiatives[iid].region)]


# A region that initiatives name (an option of the overview's region filter): the one named most.
INITIATIVE_REGION = most({i.region for i in CATALOG.initiatives.values()},
                         lambda key: len(initiatives_with_region(key)))

def _search_word() -> str:
    """A search term that finds at least one initiative: the longest word of INITIATIVE's title (long
    words are never stop words); if that has fewer than four letters, the longest word of any
    initiative's title; if no title has one, INITIATIVE's whole title."""
    own = [CATALOG.initiatives[INITIATIVE].title]
    for titles in (own, [CATALOG.initiatives[key].title for key in sorted(CATALOG.initiatives)]):
        found = sorted((w for title in titles for w in words(title)), key=len, reverse=True)
        if found and len(found[0]) >= 4:
            return found[0]
    return CATALOG.initiatives[INITIATIVE].title


SEARCH_WORD = _search_word()


def url(collection: str, record_id: str) -> str:
    """The site-relative address of a record's page."""
    return url_for(collection, record_id)


# One address per page type: start, every overview, every detail type, the open data, the editors'
# guide, the legal pages, and a missing page (the 404 page).
PAGE_TYPES = [
    "",
    "initiativen/", url("initiatives", INITIATIVE),
    "massnahmen/", url("measures", MEASURE),
    "partner/", url("organisations", ORGANISATION),
    url("people", PERSON),
    "zeitleiste/", "neu/",
    "themen/", url("topics", TOPIC),
    "regionen/", url("regions", REGION),
    "presse/", "quellen/", url("documents", DOCUMENT),
    "daten/", "mitmachen/", "methode/", "impressum/", "datenschutz/", "barrierefreiheit/", "leichte-sprache/",
    "gibt-es-nicht/",
]


# --- Derived values for search and filter tests ---------------------------------------------------

def page_titles() -> list[str]:
    """The titles search weighs most: every published record's page title (initiatives with short name)."""
    titles = [CATALOG.name(collection, key) for collection in ("measures", "organisations", "topics", "regions")
              for key in CATALOG.records[collection]]
    titles += [CATALOG.person_name(key) for key in CATALOG.people]
    titles += [doc.title for doc in CATALOG.documents.values()]
    titles += [f"{i.title} ({i.short_name})" if i.short_name else i.title for i in CATALOG.initiatives.values()]
    return titles


def _stem_query() -> tuple[str, str] | None:
    """(query, initiative id): a word of an initiative's title cut short, as a reader types another
    form of it ("Kernzone" for "Kernzonen"): by two letters from words of seven letters or more, else
    by one from words of four or more. Of all such words the one that starts the fewest words in
    page titles, so that the initiative is among the first results. None if no title has such a word."""
    title_words = [[w.casefold() for w in words(title)] for title in page_titles()]
    candidates = []
    for iid, initiative in CATALOG.initiatives.items():
        for word in words(initiative.title):
            if len(word) >= 4:
                query = word[:-2] if len(word) >= 7 else word[:-1]
                hits = sum(any(w.startswith(query.casefold()) for w in found) for found in title_words)
                candidates.append((len(word) < 7, hits, -len(word), iid, query))
    if not candidates:
        return None
    *_, iid, query = min(candidates)
    return query, iid


STEM = _stem_query()


def typeahead(options: list[str], index: int) -> str | None:
    """What to type into a closed <select> so that the browser's type-ahead picks ``options[index]``:
    the longest start of its label in plain ASCII letters (``keyboard.type`` sends other characters
    as text input, which a <select> ignores; a space would open it) that no earlier option starts with.
    None if there is no such start."""
    label = options[index]
    ascii_start = re.match(r"[A-Za-z]*", label)
    prefix = ascii_start.group(0) if ascii_start else ""
    while prefix:
        # Typing one letter again and again cycles through the options that start with it.
        repeated = len(prefix) > 1 and len(set(prefix.casefold())) == 1
        if not repeated and not any(o.casefold().startswith(prefix.casefold()) for o in options[:index]):
            return prefix
        prefix = prefix[:-1]
    return None
