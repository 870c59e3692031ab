"""Examples of the macros in overrides/portal/follow.html (changes, feed and calendar links), rendered
on their own with the mini catalog; tests/test_macros.py checks their documentation and escaping."""

from __future__ import annotations

from jinja2 import Environment
from test_macros import TODAY, HOSTILE_CALLS, Macros, example, hrefs, one, soup, text

from portal.catalog import Catalog


def f(env: Environment, catalog: Catalog) -> Macros:
    """The follow macros on the initiative's page (initiativen/masterplan-test/)."""
    return Macros(env, catalog, library="follow")


@example("change_list")
def test_change_list_gives_date_what_initiative_and_source(env: Environment, catalog: Catalog) -> None:
    html = f(env, catalog).change_list(catalog.changes())
    items = one(html, "ul.portal-changes").find_all("li", recursive=False)
    assert len(items) == len(catalog.changes()) == 7
    first = items[0]
    assert first.time["datetime"] == "2018-05"
    assert text(first) == ("Mai 2018 Maßnahme „Erledigte Maßnahme“: abgeschlossen · Initiative: Masterplan Test "
                           "(Quelle: Pressemitteilung eins)")
    assert hrefs(first) == ["../../massnahmen/fertig/#verlauf", "./", "../../quellen/pm-eins/"]
    # The initiative's own status names it already; a document is its own source.
    assert hrefs(items[2]) == ["./", "../../quellen/pm-eins/"]
    assert hrefs(items[3]) == ["../../quellen/pm-eins/", "./"]
    assert "Initiative:" not in text(f(env, catalog).change_list(catalog.changes(1), show_initiative=False))
    assert str(f(env, catalog).change_list([])).strip() == ""


@example("latest_changes")
def test_latest_changes_shows_the_newest_and_links_to_the_page(env: Environment, catalog: Catalog) -> None:
    html = f(env, catalog).latest_changes(limit=2)
    section = one(html, "section.portal-latest")
    assert section.h2["id"] == "neu"
    assert len(section.select("ul.portal-changes > li")) == 2
    assert "Die 2 neuesten datierten Einträge" in text(html)
    links = {a.get_text(): a["href"] for a in section.find_all("a", recursive=False)} | {
        a.get_text(): a["href"] for a in section.select("p > a")}
    assert links["Weitere Änderungen auf der Seite „Neu“"] == "../../neu/"
    assert links["Änderungen als Feed abonnieren"] == "../../neu/feed.xml"


@example("latest_changes")
def test_latest_changes_without_dated_changes(env: Environment, catalog: Catalog) -> None:
    empty = Catalog({name: {} for name in catalog.records}, TODAY)
    html = f(env, empty).latest_changes()
    assert soup(html).find("ul") is None
    assert "Noch keine Quelle nennt ein Datum" in text(html)


@example("follow")
def test_follow_links_feed_and_calendar(env: Environment, catalog: Catalog) -> None:
    macros = f(env, catalog)
    initiative = one(macros.follow("initiatives", "masterplan-test"), "div.portal-follow")
    assert [(a["href"], a["type"], a.get_text()) for a in initiative.find_all("a")] == [
        ("feed.xml", "application/atom+xml", "Änderungen als Feed abonnieren"),
        ("kalender.ics", "text/calendar", "Termine als Kalender herunterladen")]
    assert hrefs(macros.follow("organisations", "kammer-test")) == ["../../partner/kammer-test/feed.xml"]
    assert hrefs(macros.follow("topics", "flaechen")) == ["../../themen/flaechen/feed.xml"]
    assert hrefs(macros.follow("regions", "land")) == ["../../regionen/land/feed.xml"]
    assert hrefs(macros.follow("press")) == ["../../presse/feed.xml"]
    assert hrefs(macros.follow("timeline")) == ["../../neu/feed.xml", "../../zeitleiste/kalender.ics"]
    everything = macros.follow("all")
    assert hrefs(everything) == ["../../neu/feed.xml", "../../zeitleiste/kalender.ics"]
    assert one(everything, "h2")["id"] == "abonnieren"
    assert "Ein Feed (Atom-Format) ist eine Liste der neuesten Einträge" in text(everything)


HOSTILE_CALLS.update({
    "change_list": (lambda p, c: p.change_list(c.changes()), True, "follow"),
    "latest_changes": (lambda p, c: p.latest_changes(), True, "follow"),
    "follow": (lambda p, c: p.follow("initiatives", "masterplan-test"), False, "follow"),
})
