"""Atom feeds (RFC 4287) of the changes: the whole portal, the press archive, and each initiative,
organisation, topic and region. Written with ``feedgenerator`` (Pelican's feed writer).

Honest dates: an entry's ``updated`` is the day the change was **recorded**, the git date of the
data file that holds it (``Catalog.changed``; the build's reference date when git does not know the
file). The source's own date, possibly vague ("Frühjahr 2018"), is in the title and the summary in
words; it is never turned into a made-up day, and no ``published`` date is claimed. A feed's
``updated`` is its newest entry's (the reference date for a feed without entries, so builds stay
reproducible).

Entry ids are absolute and stable: the same change keeps its id across builds and edits elsewhere.
They never depend on the site address, because an address can move and a local build has none:
each id is a name-based UUID (``urn:uuid:``, RFC 9562 version 5) of the change's key
(``portal.changes.Change.key``). A ``tag:`` URI would need a domain the project owned on a given
date, which a local build cannot claim. Links are absolute when the site address is known
(``site_url``), otherwise relative to the feed's own address, which is how Atom resolves them.
Every feed names the licence of the portal's texts and the attribution users must give in ``<rights>``.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import uuid
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from feedgenerator import Atom1Feed
from markupsafe import escape

from .changes import FEED_COLLECTIONS
from .context import PORTAL_NAME
from .labels import PRESS_TYPES

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from .catalog import Catalog
    from .changes import Change
    from .context import BuildContext

# Entries per feed: the whole portal and the press archive, and each record's feed (older changes
# stay on the pages and in the timeline). Bounded, so no feed grows with the content.
FEED_LIMIT = 100
RECORD_FEED_LIMIT = 30
# The namespace of every id the portal derives (feed entries, feeds, calendar events): fixed forever.
ID_NAMESPACE = uuid.UUID("5b0c2f4e-7d1a-5c8e-9f3b-2a6d4e8c1f07")


def stable_id(key: str) -> str:
    """An absolute, stable URI for a key: the same key gives the same id in every build."""
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, key)}"


def midnight(day: dt.date) -> dt.datetime:
    """A recorded day as a timestamp (the git date has no time of day: midnight UTC)."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def recorded(ctx: BuildContext, change: Change) -> dt.date:
    """When the change was recorded: the git date of its record's file, or the reference date."""
    return ctx.changed(*change.recorded) or ctx.today


def link(ctx: BuildContext, path: str, feed_path: str) -> str:
    """An address in a feed: absolute with a known site address, else relative to the feed itself."""
    if ctx.site_url:
        return ctx.site_url + path
    return _relative(path, posixpath.dirname(feed_path))


@lru_cache(maxsize=65536)
def _relative(path: str, folder: str) -> str:
    """``path`` relative to ``folder``: the same change's page is linked from many feeds in the same
    kind of folder, so each pair is worked out once."""
    relative = posixpath.relpath(path.split("#")[0] or ".", folder or ".")
    relative = "./" if relative == "." else relative + ("/" if path.split("#")[0].endswith("/") else "")
    return relative + ("#" + path.split("#", 1)[1] if "#" in path else "")


@dataclass(frozen=True)
class Entry:
    """A change as every feed writes it: made once per build (a change appears in the feeds of every
    record it concerns, about 25 on average), so the cost of the feeds is linear in the changes."""

    title: str
    description: str
    unique_id: str
    updated: dt.datetime


def prepare(ctx: BuildContext, changes: Iterable[Change]) -> dict[str, Entry]:
    """Each change's entry by its key, in one pass."""
    return {change.key: Entry(f"{change.date.german()}: {change.text}",
                              # The summary is written as type="html": escaped, so an editor's "<" stays text.
                              str(escape(summary(ctx, change))), stable_id(change.key),
                              midnight(recorded(ctx, change))) for change in changes}


class _Feed(Atom1Feed):
    """Atom1Feed whose ``updated`` never falls back to the wall clock (an empty feed: the reference date)."""

    def __init__(self, *args: object, empty_date: dt.datetime, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._empty_date = empty_date

    def latest_post_date(self) -> dt.datetime:  # noqa: D102 (feedgenerator's hook)
        return super().latest_post_date() if self.items else self._empty_date


def summary(ctx: BuildContext, change: Change) -> str:
    """The entry's text in words: the source's date as precise as it is, the initiative, the sources."""
    catalog = ctx.catalog
    parts = [f"{change.text}. Datum laut Quelle: {change.date.german()}."]
    if change.initiative_id and change.initiative_id in catalog.initiatives:
        parts.append(f"Initiative: {catalog.initiatives[change.initiative_id].title}.")
    titles = [catalog.documents[s].title for s in change.sources if s in catalog.documents and change.kind != "document"]
    if titles:
        parts.append("Quelle: " + "; ".join(titles) + ".")
    return " ".join(parts)


def atom(ctx: BuildContext, path: str, title: str, page: str, changes: list[Change], subtitle: str,
         prepared: Mapping[str, Entry] | None = None) -> str:
    """One Atom feed at site path ``path`` for the page ``page`` with ``changes`` (newest first);
    ``prepared`` holds the entries already made (``prepare``), the others are made here."""
    entries = prepared if prepared is not None else {}
    missing = [c for c in changes if c.key not in entries]
    if missing:
        entries = {**entries, **prepare(ctx, missing)}
    feed = _Feed(
        title=title, link=link(ctx, page, path), description=subtitle, language="de",
        author_name=PORTAL_NAME, feed_url=ctx.site_url + path if ctx.site_url else posixpath.basename(path),
        feed_guid=stable_id(f"feed/{path}"), empty_date=midnight(ctx.today),
        # Atom's <rights> (RFC 4287, 4.2.10): the licence and the attribution users must give.
        feed_copyright=ctx.terms.attribution(ctx.site_url))
    for change in changes:
        entry = entries[change.key]
        feed.add_item(title=entry.title, link=link(ctx, change.url, path), description=entry.description,
                      unique_id=entry.unique_id, updateddate=entry.updated)
    out = io.StringIO()
    feed.write(out, "utf-8")
    return out.getvalue()


def feed_files(ctx: BuildContext) -> dict[str, str]:
    """Every feed by its path in the site: the portal's, the press archive's, one per record page."""
    catalog = ctx.catalog
    # Which changes each feed shows (index lookups, each bounded), then every entry made once.
    portal = catalog.changes(FEED_LIMIT)
    press = [c for c in catalog.changes() if c.kind == "document" and catalog.documents[c.recorded[1]].type in PRESS_TYPES][:FEED_LIMIT]
    records = [(collection, record_id, catalog.changes_about(collection, record_id, RECORD_FEED_LIMIT))
               for collection in FEED_COLLECTIONS for record_id in catalog.records[collection]]
    prepared = prepare(ctx, {c.key: c for c in [*portal, *press, *(c for _, _, shown in records for c in shown)]}.values())
    files = {
        catalog.feed_path(): atom(ctx, catalog.feed_path(), f"{PORTAL_NAME}: Neu", "neu/", portal,
                                  "Neue Meldungen, Beschlüsse, Termine und Quellen aller Initiativen", prepared),
        catalog.feed_path("press"): atom(ctx, catalog.feed_path("press"), f"{PORTAL_NAME}: Presse", "presse/", press,
                                         "Pressemitteilungen, Nachrichten und Interviews", prepared),
    }
    for collection, record_id, shown in records:
        path = catalog.feed_path(collection, record_id)
        files[path] = atom(ctx, path, f"{PORTAL_NAME}: {catalog.name(collection, record_id)}",
                           catalog.url(collection, record_id), shown, f"Änderungen zu {catalog.name(collection, record_id)}", prepared)
    return files



# Pages written in docs/ that announce a feed: the start page and "Neu" the portal's, the press archive its own.
DOCS_PAGE_FEEDS = {"index.md": None, "neu/index.md": None, "zeitleiste/index.md": None, "presse/index.md": "press"}


def page_feeds(catalog: Catalog, src_uri: str, collection: str | None, record_id: str | None) -> list[tuple[str, str]]:
    """(title, site-relative path) of the feeds a page announces in its ``<head>`` (``rel="alternate"``)."""
    if collection is not None and record_id is not None:
        if collection not in FEED_COLLECTIONS:
            return []
        return [(f"Änderungen zu {catalog.name(collection, record_id)} (Atom)", catalog.feed_path(collection, record_id))]
    if src_uri not in DOCS_PAGE_FEEDS:
        return []
    kind = DOCS_PAGE_FEEDS[src_uri]
    title = f"{PORTAL_NAME}: Presse (Atom)" if kind else f"{PORTAL_NAME}: Neu (Atom)"
    return [(title, catalog.feed_path(kind))]
