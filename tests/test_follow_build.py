"""Following the portal in real builds: the page "Neu", the start page's block, the feeds announced
and linked on every page that has one, every Atom feed read back with feedparser and every calendar
with icalendar; on the mini site (fixed date) and on the shipped content (real date)."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup
from conftest import Build, mini_variant

# Pages with a feed on the mini site, and the feed each announces (site-relative).
MINI_FEEDS = {
    "": "neu/feed.xml",
    "neu/": "neu/feed.xml",
    "zeitleiste/": "neu/feed.xml",
    "presse/": "presse/feed.xml",
    "initiativen/masterplan-test/": "initiativen/masterplan-test/feed.xml",
    "partner/stadt-test/": "partner/stadt-test/feed.xml",
    "partner/kammer-test/": "partner/kammer-test/feed.xml",
    "themen/flaechen/": "themen/flaechen/feed.xml",
    "regionen/teststadt/": "regionen/teststadt/feed.xml",
    "regionen/land/": "regionen/land/feed.xml",
}
PUBLISHED = "https://example.org/portal/"


def resolve(page: str, href: str) -> str:
    """A relative href on the page at site-relative ``page``, as a site-relative path ("" for the root)."""
    path = posixpath.normpath(page + href)
    return "" if path == "." else path + ("/" if href.endswith("/") else "")


def feeds(site: Path) -> list[Path]:
    return sorted(site.rglob("feed.xml"))


def calendars(site: Path) -> list[Path]:
    return sorted(site.rglob("*.ics"))


def check_feed(path: Path, absolute: str | None = None) -> feedparser.FeedParserDict:
    """Whatever the content: well-formed Atom, ids absolute and unique, dates present."""
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, f"{path}: {parsed.bozo_exception}"
    assert parsed.version == "atom10", path
    assert parsed.feed.get("updated") and parsed.feed.get("id", "").startswith("urn:uuid:"), path
    ids = [entry.id for entry in parsed.entries]
    assert len(ids) == len(set(ids)), path
    for entry in parsed.entries:
        assert entry.id.startswith("urn:uuid:") and entry.get("updated") and entry.title, (path, entry)
        if absolute:
            assert entry.link.startswith(absolute), (path, entry.link)
    if parsed.entries:  # the feed is as new as its newest recorded entry
        assert parsed.feed.updated_parsed == max(e.updated_parsed for e in parsed.entries), path
    return parsed


def check_calendar(path: Path) -> list[icalendar.Event]:
    """Whatever the content: parses, UIDs unique, every event an all-day date or span with a stamp."""
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert calendar["version"] == "2.0" and calendar.get("prodid"), path
    events = calendar.walk("VEVENT")
    uids = [str(e["uid"]) for e in events]
    assert len(uids) == len(set(uids)), path
    for e in events:
        assert "VALUE=DATE:" in e.to_ical().decode().replace("\r\n ", ""), (path, e)
        assert e.decoded("dtend") > e.decoded("dtstart") and e.get("dtstamp"), (path, e)
        vague = " (genauer Tag unbekannt): " in str(e["summary"])
        assert vague == ((e.decoded("dtend") - e.decoded("dtstart")).days > 1), (path, e["summary"])
    return events


# --- the mini site -----------------------------------------------------------------------------


def test_the_page_neu_lists_dated_changes_by_year_and_month(mini_site: Build) -> None:
    page = mini_site.html("neu/")
    article = page.find("article")
    assert [h.get_text() for h in article.find_all("h2")] == ["Änderungen abonnieren", "2018", "2017",
                                                              "Ältere Einträge und Einträge ohne Datum"]
    assert [h.get_text() for h in article.find_all("h3")] == ["Mai 2018", "März 2017"]
    items = article.select("ul.portal-changes > li")
    assert len(items) == 7
    assert items[0].time["datetime"] == "2018-05"
    assert "Überprüfung „Überprüfung“ angekündigt für Frühjahr 2018" in items[1].get_text()
    text = mini_site.text("neu/")
    assert "Diese Seite zeigt alle 7 datierten Einträge; mehr zu jedem steht auf der verlinkten Seite." in text
    assert "1 Eintrag nennt kein Datum, das eine Quelle belegt: Er steht nicht hier, sondern in der Zeitleiste" in text
    assert "Treffen" not in text  # its date is "unbekannt"
    assert "Ein Feed (Atom-Format) ist eine Liste der neuesten Einträge" in text
    nav = [a.get_text(" ", strip=True) for a in page.select("nav.md-tabs a")]
    assert "Neu" in nav


def test_the_start_page_shows_the_newest_five(mini_site: Build) -> None:
    block = mini_site.html("").select_one("article section.portal-latest")
    assert block is not None and block.h2["id"] == "neu"
    assert len(block.select("ul.portal-changes > li")) == 5
    assert block.find("a", string="Weitere Änderungen auf der Seite „Neu“")["href"] == "neu/"


@pytest.mark.parametrize(("url", "feed"), sorted(MINI_FEEDS.items()))
def test_every_page_with_a_feed_announces_and_links_it(mini_site: Build, url: str, feed: str) -> None:
    page = mini_site.html(url)
    announced = page.head.find_all("link", rel="alternate", type="application/atom+xml")
    assert [resolve(url, link["href"]) for link in announced] == [feed]
    assert announced[0]["title"]
    visible = page.find("article").find("a", string="Änderungen als Feed abonnieren")
    assert visible is not None and resolve(url, visible["href"]) == feed
    assert (mini_site.site / feed).is_file()


def test_pages_without_a_feed_announce_none(mini_site: Build) -> None:
    for url in ["massnahmen/glasfaser/", "personen/erika-muster/", "quellen/pm-eins/", "massnahmen/", "404.html"]:
        assert mini_site.html(url).head.find("link", type="application/atom+xml") is None, url


def test_calendars_are_linked_from_timeline_neu_and_each_initiative(mini_site: Build) -> None:
    for url, target in [("zeitleiste/", "zeitleiste/kalender.ics"), ("neu/", "zeitleiste/kalender.ics"),
                        ("initiativen/masterplan-test/", "initiativen/masterplan-test/kalender.ics")]:
        link = mini_site.html(url).find("article").find("a", type="text/calendar")
        assert link is not None and resolve(url, link["href"]) == target, url
    # On an initiative's page, in its Zeitleiste section.
    section = mini_site.section("initiativen/masterplan-test/", "zeitleiste")
    assert any(tag.find("a", type="text/calendar") for tag in section)


def test_every_feed_of_the_mini_site(mini_site: Build) -> None:
    found = {path.relative_to(mini_site.site).as_posix() for path in feeds(mini_site.site)}
    assert found == set(MINI_FEEDS.values())
    for path in feeds(mini_site.site):
        check_feed(path)
    portal = check_feed(mini_site.site / "neu/feed.xml")
    assert [e.title for e in portal.entries][:2] == [
        "Mai 2018: Maßnahme „Erledigte Maßnahme“: abgeschlossen",  # a month stays a month
        "20. März 2017: Überprüfung „Überprüfung“ angekündigt für Frühjahr 2018"]  # a season stays a season
    assert len(portal.entries) == 7
    # Git does not know the copied files: recorded on the build's reference date (22 November 2026).
    assert all(e.updated.startswith("2026-11-22") for e in portal.entries)
    assert not any(e.get("published") for e in portal.entries)
    press = check_feed(mini_site.site / "presse/feed.xml")
    assert [e.title for e in press.entries] == ["20. März 2017: Pressemitteilung „Pressemitteilung eins“"]
    assert "<script>" not in (mini_site.site / "neu/feed.xml").read_text(encoding="utf-8")


def test_every_calendar_of_the_mini_site(mini_site: Build) -> None:
    assert [p.relative_to(mini_site.site).as_posix() for p in calendars(mini_site.site)] == [
        "initiativen/masterplan-test/kalender.ics", "zeitleiste/kalender.ics"]
    events = check_calendar(mini_site.site / "initiativen/masterplan-test/kalender.ics")
    assert len(events) == 4  # two milestones and two target dates; "Treffen" is undated
    assert not any("Treffen" in str(e["summary"]) for e in events)
    # The calendar of all initiatives holds the last 12 months and what is coming: the mini content's
    # dates (2017 to 2020) are all older than that on its reference date, 22 November 2026.
    assert check_calendar(mini_site.site / "zeitleiste/kalender.ics") == []
    assert "Termine der letzten 12 Monate und alle kommenden" in mini_site.text("zeitleiste/")


@pytest.mark.build
def test_ids_stay_after_an_edit_elsewhere_and_links_follow_the_site_address(mini_site: Build, tmp_path: Path) -> None:
    build = mini_variant(
        tmp_path,
        ("measures/glasfaser.yaml", "    note: Auf der Konferenz beschlossen.\n    sources: [pm-eins]\n",
         "    note: Auf der Konferenz beschlossen.\n    sources: [pm-eins]\n"
         "  - date: \"2019-06\"\n    status: in_umsetzung\n    sources: [pm-eins]\n"),
        ("organisations/kammer-test.yaml", "name: ", "name: Neue "),
        config=lambda text: text.replace('site_url: !ENV [SITE_URL, ""]', f"site_url: {PUBLISHED}"))
    assert build.returncode == 0, build.output
    for path in feeds(mini_site.site):
        relative = path.relative_to(mini_site.site)
        before = check_feed(path)
        after = check_feed(build.site / relative, absolute=PUBLISHED)
        assert {e.id for e in before.entries} <= {e.id for e in after.entries}, relative
        assert after.feed.link.startswith(PUBLISHED)
    added = check_feed(build.site / "initiativen/masterplan-test/feed.xml").entries[0]
    assert added.title == "Juni 2019: Maßnahme „Glasfaser bis 2020“: in Umsetzung"
    assert added.link == PUBLISHED + "massnahmen/glasfaser/#verlauf"
    announced = build.html("initiativen/masterplan-test/").head.find("link", type="application/atom+xml")
    assert announced["href"] == "feed.xml"
    for path in calendars(mini_site.site):
        relative = path.relative_to(mini_site.site)
        uids = {str(e["uid"]) for e in check_calendar(path)}
        assert uids == {str(e["uid"]) for e in check_calendar(build.site / relative)}, relative
        assert all(str(e["url"]).startswith(PUBLISHED) for e in check_calendar(build.site / relative))


def test_feeds_and_calendars_never_read_the_wall_clock(mini_site: Build) -> None:
    """``updated`` and DTSTAMP are recorded days (git, else the reference date): midnight, never the build's time."""
    for path in feeds(mini_site.site):
        stamps = re.findall(r"<updated>([^<]+)</updated>", path.read_text(encoding="utf-8"))
        assert stamps and all(stamp == "2026-11-22T00:00:00+00:00" for stamp in stamps), path
    for path in calendars(mini_site.site):
        stamps = re.findall(r"DTSTAMP:(\S+)", path.read_text(encoding="utf-8"))
        # The calendar of all initiatives is empty here (its dates are old: test_every_calendar_of_the_mini_site).
        assert (stamps or path.parent.name == "zeitleiste") and all(stamp == "20261122T000000Z" for stamp in stamps), path


# --- the shipped content, real date --------------------------------------------------------------


def test_every_feed_and_calendar_of_the_shipped_content(real_site: Build) -> None:
    site = real_site.site
    paths = feeds(site)
    catalog_pages = [p for p in site.glob("initiativen/*/index.html")]
    assert len(calendars(site)) == len(catalog_pages) + 1
    assert (site / "neu/feed.xml") in paths and (site / "presse/feed.xml") in paths
    for path in paths:
        check_feed(path)
    for path in calendars(site):
        check_calendar(path)
    # Only what the pages show: no e-mail address (the operator's is for reports, not for feeds).
    for path in [*paths, *calendars(site)]:
        assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", path.read_text(encoding="utf-8")), path
    # Every page that announces a feed links it visibly, and the feed exists.
    for page in site.rglob("index.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        announced = soup.head.find("link", type="application/atom+xml")
        if announced is None:
            continue
        url = page.parent.relative_to(site).as_posix() + "/" if page.parent != site else ""
        target = resolve(url, announced["href"])
        assert (site / target).is_file(), (url, target)
        visible = soup.find("article").find("a", type="application/atom+xml")
        assert visible is not None and resolve(url, visible["href"]) == target, url
