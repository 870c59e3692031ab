"""The dated change list ("Neu"), its feeds and calendars, on the small content set with the fixed date.

No MkDocs build here: the catalog, ``portal.feeds`` and ``portal.calendars`` directly; the built
files are checked in ``tests/test_follow_build.py``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import feedparser
import icalendar
import pytest
from conftest import MINI, mini_data

from portal.calendars import calendar_files, items, months_before
from portal.catalog import Catalog
from portal.changes import grouped
from portal.check import load_valid
from portal.context import BuildContext
from portal.feeds import atom, feed_files, link, stable_id

TODAY = dt.date(2026, 11, 22)  # the mini fixtures' reference date (tests/conftest.py, EPOCH)
MINI_ORDER = [
    "measure-status/fertig/2018-05/abgeschlossen",
    # An announced milestone is news on the day of its source (20 March 2017), not on the day it names.
    "milestone/masterplan-test/review/angekuendigt",
    "initiative-status/masterplan-test/2017-03-20/laufend",
    "document/pm-eins",
    "milestone/masterplan-test/konferenz/stattgefunden",
    "measure-status/glasfaser/2017-03-16/beschlossen",
    "measure-status/fertig/2017-03-16/beschlossen",
]
HELD = ("initiatives/masterplan-test.yaml", "status: angekuendigt\n    title: Überprüfung", "status: stattgefunden\n    title: Überprüfung")


def catalog_of(data: Path = MINI, today: dt.date = TODAY, changed: dict[tuple[str, str], dt.date] | None = None) -> Catalog:
    loaded, problems = load_valid(data, today)
    assert not problems, problems
    return Catalog(loaded.records, today, changed=changed)


def keys(changes: list) -> list[str]:
    return [c.key for c in changes]


def test_changes_newest_first_by_the_last_day_a_date_can_mean(tmp_path: Path) -> None:
    catalog = catalog_of()
    assert keys(catalog.changes()) == MINI_ORDER
    assert keys(catalog.changes(2)) == MINI_ORDER[:2]
    # The review took place in "Frühjahr 2018": it sorts as 31 May 2018, after "Mai 2018" (more precise first).
    held = catalog_of(mini_data(tmp_path / "data", HELD)).changes()
    assert keys(held)[:2] == ["measure-status/fertig/2018-05/abgeschlossen", "milestone/masterplan-test/review/stattgefunden"]
    # The vague date stays vague: shown as the source gives it, never as its last day.
    assert (held[1].date.german(), held[1].text) == ("Frühjahr 2018", "Überprüfung „Überprüfung“ fand statt")


def test_an_announcement_is_dated_by_its_source() -> None:
    review = catalog_of().changes()[1]
    assert (review.date.german(), review.text) == ("20. März 2017", "Überprüfung „Überprüfung“ angekündigt für Frühjahr 2018")
    # A status entry is a report of its day, never today's status.
    assert catalog_of().changes()[2].text == "Initiative „Masterplan Test“: als „läuft“ gemeldet"


def test_a_year_sorts_by_its_last_day_above_a_day_inside_it(tmp_path: Path) -> None:
    data = mini_data(tmp_path / "data", ("initiatives/masterplan-test.yaml", 'date: "2017-03-16"\n    kind: konferenz', 'date: "2018"\n    kind: konferenz'),
                     ("measures/fertig.md", 'date: "2018-05"', 'date: "2018-12-30"'))
    changes = catalog_of(data).changes()
    assert keys(changes)[:2] == ["milestone/masterplan-test/konferenz/stattgefunden", "measure-status/fertig/2018-12-30/abgeschlossen"]
    assert changes[0].date.german() == "2018"


def test_undated_and_future_facts_are_not_changes(tmp_path: Path) -> None:
    catalog = catalog_of()
    assert not [k for k in keys(catalog.changes()) if "treffen" in k]  # date: unbekannt
    assert catalog.undated_facts() == 1
    # A meeting reported as held on a day after the reference date is not news yet; the calendar has it.
    data = mini_data(tmp_path / "data", HELD, ("initiatives/masterplan-test.yaml", "date: Frühjahr 2018", "date: Frühjahr 2027"))
    later = catalog_of(data)
    assert not [k for k in keys(later.changes()) if "review" in k]
    assert "milestone/masterplan-test/review" in [item.key for item in items(later)]


def test_drafts_never_become_changes() -> None:
    catalog = catalog_of()
    assert "entwurf" in catalog.withheld
    assert not [c for c in catalog.changes() if "entwurf" in c.key or "entwurf" in c.sources]


def test_each_record_selects_its_changes_from_the_index() -> None:
    catalog = catalog_of()
    everything = keys(catalog.changes())
    # The initiative, its region and the region above it: all seven.
    for collection, key in [("initiatives", "masterplan-test"), ("regions", "teststadt"), ("regions", "land")]:
        assert keys(catalog.changes_about(collection, key)) == everything
    # The chamber takes part in the initiative and is a partner of "glasfaser", but not named by "fertig".
    chamber = keys(catalog.changes_about("organisations", "kammer-test"))
    assert chamber == [k for k in everything if not k.startswith("measure-status/fertig/")]
    # The topic: the initiative's facts, the press item and "glasfaser" (tagged), not "fertig" (untagged).
    assert keys(catalog.changes_about("topics", "flaechen")) == chamber
    assert keys(catalog.changes_about("organisations", "kammer-test", limit=2)) == chamber[:2]
    assert catalog.changes_about("organisations", "unbekannt") == []


def test_keys_survive_edits_elsewhere(tmp_path: Path) -> None:
    data = mini_data(tmp_path / "data", ("measures/glasfaser.yaml", "history:\n",
                                         "history:\n  - date: \"2016-01\"\n    status: angekuendigt\n    sources: [pm-eins]\n"))
    edited = keys(catalog_of(data).changes())
    assert set(MINI_ORDER) < set(edited)
    assert [k for k in edited if k in MINI_ORDER] == MINI_ORDER


def test_groups_by_year_and_month_or_vague_period(tmp_path: Path) -> None:
    groups = grouped(catalog_of(mini_data(tmp_path / "data", HELD)).changes())
    assert [(year, [heading for heading, _ in periods]) for year, periods in groups] == [
        ("2018", ["Mai 2018", "Frühjahr 2018"]), ("2017", ["März 2017"])]
    assert sum(len(c) for _, periods in groups for _, c in periods) == len(MINI_ORDER)
    # The page "Neu" is bounded: the newest N only.
    bounded = catalog_of().changes_grouped(limit=3)
    assert [c.key for _, periods in bounded for _, cs in periods for c in cs] == MINI_ORDER[:3]


# --- feeds --------------------------------------------------------------------------------------


def context(site_url: str = "", changed: dict[tuple[str, str], dt.date] | None = None) -> BuildContext:
    return BuildContext(catalog_of(changed=changed), site_url, TODAY)


def test_feed_entries_are_dated_by_their_recording_and_keep_the_vague_date_in_words() -> None:
    recorded = {("initiatives", "masterplan-test"): dt.date(2026, 5, 4), ("measures", "fertig"): dt.date(2025, 1, 2)}
    ctx = context(changed=recorded)
    parsed = feedparser.parse(feed_files(ctx)["neu/feed.xml"])
    assert not parsed.bozo, parsed.bozo_exception
    assert [e.id for e in parsed.entries] == [stable_id(k) for k in MINI_ORDER]
    assert parsed.entries[0].title == "Mai 2018: Maßnahme „Erledigte Maßnahme“: abgeschlossen"
    assert parsed.entries[0].updated.startswith("2025-01-02")  # the measure file's git date
    assert parsed.entries[1].title == "20. März 2017: Überprüfung „Überprüfung“ angekündigt für Frühjahr 2018"
    assert parsed.entries[1].updated.startswith("2026-05-04")
    assert "Datum laut Quelle: 20. März 2017" in parsed.entries[1].summary
    assert not any("published" in e for e in parsed.entries)  # no made-up day for a vague date
    # Records git does not know count as recorded on the reference date; the feed is as new as its newest entry.
    assert parsed.feed.updated.startswith("2026-11-22")
    assert parsed.entries[3].updated.startswith("2026-11-22")


def test_feed_ids_and_links_absolute_with_the_site_address_and_relative_without() -> None:
    local = feedparser.parse(feed_files(context())["initiativen/masterplan-test/feed.xml"])
    published = feedparser.parse(feed_files(context("https://example.org/portal/"))["initiativen/masterplan-test/feed.xml"])
    assert [e.id for e in local.entries] == [e.id for e in published.entries]  # ids never depend on the address
    assert all(e.id.startswith("urn:uuid:") for e in local.entries)
    assert len({e.id for e in local.entries}) == len(local.entries)
    assert published.entries[0].link == "https://example.org/portal/massnahmen/fertig/#verlauf"
    assert published.feed.link == "https://example.org/portal/initiativen/masterplan-test/"
    assert local.entries[0].link == "../../massnahmen/fertig/#verlauf"
    assert link(context(), "neu/", "neu/feed.xml") == "./"


def test_an_empty_feed_is_valid_and_dated_by_the_reference_date() -> None:
    ctx = context()
    parsed = feedparser.parse(atom(ctx, "x/feed.xml", "Leer", "x/", [], "nichts"))
    assert not parsed.bozo and parsed.entries == []
    assert parsed.feed.updated.startswith("2026-11-22")


def test_feed_text_is_escaped() -> None:
    ctx = context()
    catalog = ctx.catalog
    hostile = catalog.changes()[0].__class__(**{**catalog.changes()[0].__dict__, "text": '<script>alert("x")</script> & Co'})
    parsed = feedparser.parse(atom(ctx, "neu/feed.xml", "T", "neu/", [hostile], "S"))
    assert not parsed.bozo
    assert "<script>" not in parsed.entries[0].summary
    assert parsed.entries[0].title.endswith('<script>alert("x")</script> & Co')


# --- calendars ----------------------------------------------------------------------------------


def events(text: str) -> list[icalendar.Event]:
    return icalendar.Calendar.from_ical(text).walk("VEVENT")


def test_calendar_days_spans_and_undated_items() -> None:
    files = calendar_files(context(changed={("initiatives", "masterplan-test"): dt.date(2026, 5, 4)}))
    assert sorted(files) == ["initiativen/masterplan-test/kalender.ics", "zeitleiste/kalender.ics"]
    found = {str(e["summary"]): e for e in events(files["initiativen/masterplan-test/kalender.ics"])}
    assert sorted(found) == [
        "2018 (genauer Tag unbekannt): Zieltermin der Maßnahme „Erledigte Maßnahme“ (MPT)",
        "2020 (genauer Tag unbekannt): Zieltermin der Maßnahme „Glasfaser bis 2020“ (MPT)",
        "Frühjahr 2018 (genauer Tag unbekannt): Überprüfung (MPT)",
        "Industriekonferenz (MPT)",
    ]  # "Treffen" has no date: not in the calendar
    day = found["Industriekonferenz (MPT)"]
    assert (day.decoded("dtstart"), day.decoded("dtend")) == (dt.date(2017, 3, 16), dt.date(2017, 3, 17))
    season = found["Frühjahr 2018 (genauer Tag unbekannt): Überprüfung (MPT)"]
    assert (season.decoded("dtstart"), season.decoded("dtend")) == (dt.date(2018, 3, 1), dt.date(2018, 6, 1))
    assert "DTSTART;VALUE=DATE:20180301" in season.to_ical().decode()
    assert season.decoded("dtstamp") == dt.datetime(2026, 5, 4, tzinfo=dt.UTC)  # recorded, not the wall clock
    assert "url" not in season  # no absolute address known locally


def test_calendar_of_all_initiatives_holds_the_last_twelve_months_and_what_comes() -> None:
    """Bounded: a date counts by its last possible day, at most 12 months before the reference date."""
    def summaries(today: dt.date) -> list[str]:
        files = calendar_files(BuildContext(catalog_of(), "", today))
        return [str(e["summary"]) for e in events(files["zeitleiste/kalender.ics"])]

    everything = [str(e["summary"]) for e in events(calendar_files(context())["initiativen/masterplan-test/kalender.ics"])]
    assert len(everything) == 4 and summaries(TODAY) == []  # the mini content's dates are years old
    assert summaries(dt.date(2017, 1, 1)) == everything  # all still to come
    # Spring 2018 ends on 31 May 2018: in the calendar until 31 May 2019, not a day longer.
    assert "Frühjahr 2018 (genauer Tag unbekannt): Überprüfung (MPT)" in summaries(dt.date(2019, 5, 31))
    assert "Frühjahr 2018 (genauer Tag unbekannt): Überprüfung (MPT)" not in summaries(dt.date(2019, 6, 1))
    assert "Industriekonferenz (MPT)" not in summaries(dt.date(2019, 5, 31))  # 16 March 2017
    assert months_before(dt.date(2024, 2, 29), 12) == dt.date(2023, 2, 28)


def test_calendar_uids_unique_and_stable(tmp_path: Path) -> None:
    first = events(calendar_files(context("https://example.org/"))["initiativen/masterplan-test/kalender.ics"])
    uids = [str(e["uid"]) for e in first]
    assert len(uids) == len(set(uids)) == 4
    assert str(first[0]["url"]).startswith("https://example.org/")
    assert str(first[0]["summary"]) == "Industriekonferenz (MPT)"  # each title names its initiative
    data = mini_data(tmp_path / "data", ("measures/glasfaser.yaml", 'target: "2020"', 'target: "2021-06-30"'))
    again = events(calendar_files(BuildContext(catalog_of(data), "", TODAY))["initiativen/masterplan-test/kalender.ics"])
    assert sorted(str(e["uid"]) for e in again) == sorted(uids)


@pytest.mark.parametrize("initiative", [None, "masterplan-test"])
def test_calendar_is_reproducible(initiative: str | None) -> None:
    ctx = context()
    path = ctx.catalog.calendar_path(initiative)
    assert calendar_files(ctx)[path] == calendar_files(context())[path]


def test_the_preview_without_content_still_has_valid_feeds_and_calendars() -> None:
    """``mkdocs serve`` before any good content: empty feeds and calendars, never an error."""
    from portal.site import Portal  # asks git: only here

    files = Portal(MINI.parent.parent.parent, TODAY, content=False).exports()
    parsed = feedparser.parse(files["neu/feed.xml"])
    assert not parsed.bozo and parsed.entries == []
    assert events(files["zeitleiste/kalender.ics"]) == []
