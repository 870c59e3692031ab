"""Examples of the macros in overrides/portal/glance.html: the stacked status bar, status summaries,
the legend, the start page's tiles and bounded lists by status (see tests/test_macros.py: each macro
has an example here and one call in HOSTILE_CALLS)."""

from __future__ import annotations

from jinja2 import Environment

import pytest

from portal import labels, selections
from portal.catalog import Catalog
from test_macros import _calls_the_macros_it_names  # noqa: F401 - autouse: each example calls its macros
from test_macros import HOSTILE_CALLS, TODAY, Macros, changed, example, hrefs, mini_records, one, soup, text

MEASURES = ["fertig", "glasfaser"]  # the mini content's measures: one beschlossen (overdue, stale), one abgeschlossen


def glance(env: Environment, catalog: Catalog) -> Macros:
    return Macros(env, catalog, library="glance")


@example("status_bar")
def test_status_bar_has_a_titled_segment_per_status(env: Environment, catalog: Catalog) -> None:
    summary = catalog.status_summary(MEASURES)
    svg = one(glance(env, catalog).status_bar(summary), "svg.portal-bar")
    assert (svg["role"], svg["aria-label"]) == ("img", "Stand der Maßnahmen: 1 beschlossen, 1 abgeschlossen")
    rects = svg.find_all("rect")
    assert [(r["class"][-1], r.title.get_text(), r["x"], r["width"]) for r in rects] == [
        ("portal-bar__seg--beschlossen", "1 beschlossen", "0.0%", "50.0%"),
        ("portal-bar__seg--abgeschlossen", "1 abgeschlossen", "50.0%", "50.0%")]
    assert not svg.find("a")
    assert str(glance(env, catalog).status_bar(catalog.status_summary([]))).strip() == ""


@example("status_bar")
def test_status_bar_segments_link_to_the_static_lists(env: Environment, catalog: Catalog) -> None:
    svg = one(glance(env, catalog).status_bar(catalog.status_summary(MEASURES), links=True), "svg.portal-bar")
    assert not svg.has_attr("role")  # links inside: not one image
    assert [(a["href"], a["aria-label"]) for a in svg.find_all("a")] == [
        ("../../massnahmen/status/beschlossen/", "1 beschlossen: Liste ansehen"),
        ("../../massnahmen/status/abgeschlossen/", "1 abgeschlossen: Liste ansehen")]


def test_a_rare_status_keeps_a_visible_segment(catalog: Catalog) -> None:
    # 99 of one status and 1 of another: the small one is still drawn, at the minimum width.
    summary = catalog.status_summary(MEASURES)
    many = type(summary)(100, (("beschlossen", 99), ("abgeschlossen", 1)), 0, 0, 0, None)
    assert [(s.key, s.x, s.width) for s in many.segments] == [("beschlossen", 0.0, 98.0), ("abgeschlossen", 98.0, 2.0)]
    assert many.text == "99 beschlossen, 1 abgeschlossen"


@example("status_summary")
def test_status_summary_counts_in_words_beside_the_bar(env: Environment, catalog: Catalog) -> None:
    summary = catalog.status_summary(MEASURES, ("initiatives", "masterplan-test"))
    html = glance(env, catalog).status_summary(summary, "dieser Initiative, die die Quellen nennen")
    box = one(html, "div.portal-summary")
    assert text(box.find("p", class_="portal-summary__what")) == "2 Maßnahmen dieser Initiative, die die Quellen nennen"
    assert box.find("svg", class_="portal-bar") is not None
    counts = box.find("p", class_="portal-summary__text")
    assert text(counts) == "1 beschlossen, 1 abgeschlossen"
    tags = counts.select("a.portal-status")
    assert [t["href"] for t in tags] == ["../../methode/#status-beschlossen", "../../methode/#status-abgeschlossen"]
    assert all(t.find("svg") is not None and t.find(class_="portal-status__icon")["aria-hidden"] == "true" for t in tags)
    assert [text(li) for li in box.select("ul.portal-summary__flags > li")] == [
        "Zieltermin verstrichen, kein Abschluss gemeldet: 1", "Ohne aktuelle Meldung: 1",
        "Neueste datierte Meldung: 20. März 2017 (Pressemitteilung eins)"]
    assert box.find("details", class_="portal-legend") is not None
    without = glance(env, catalog).status_summary(summary, "hier", with_legend=False)
    one_measure = glance(env, catalog).status_summary(catalog.status_summary(["fertig"]), "hier", with_legend=False)
    assert text(one(one_measure, "p.portal-summary__what")) == "1 Maßnahme hier"  # singular
    assert soup(without).find("details") is None


@example("status_summary")
def test_status_summary_of_no_measures_says_so(env: Environment, catalog: Catalog) -> None:
    html = glance(env, catalog).status_summary(catalog.status_summary([]), "hier")
    assert text(html) == "Die Quellen nennen hier keine Maßnahme."
    # Undated sources: the newest news says so instead of a date.
    records = mini_records()
    changed(records, "documents", "pm-eins", date=type(records["documents"]["pm-eins"].date).parse("unbekannt"))  # type: ignore[attr-defined]
    undated = Catalog(records, TODAY)
    html = glance(env, undated).status_summary(undated.status_summary(MEASURES), "hier")
    assert "Neueste datierte Meldung: keine Quelle ist datiert" in text(html)


@example("legend")
def test_legend_explains_every_status_and_links_its_definition(env: Environment, catalog: Catalog) -> None:
    html = glance(env, catalog).legend()
    rows = soup(html).select("details.portal-legend dl > dt")
    assert [dt_.get_text(strip=True) for dt_ in rows] == [labels.MEASURE_STATUS[k] for k in labels.MEASURE_STATUS_ORDER]
    assert [dt_.a["href"] for dt_ in rows][:2] == ["../../methode/#status-in-umsetzung", "../../methode/#status-beschlossen"]
    assert all(dt_.find("svg") is not None for dt_ in rows)  # colour, icon and words
    assert [dd.get_text() for dd in soup(html).select("dd")] == [labels.MEASURE_STATUS_MEANING[k] for k in labels.MEASURE_STATUS_ORDER]
    initiative = glance(env, catalog).legend("initiative")
    assert [a["href"] for a in soup(initiative).select("dt a")] == [
        "../../methode/#initiative-angekuendigt", "../../methode/#initiative-laufend",
        "../../methode/#initiative-abgeschlossen", "../../methode/#initiative-unklar"]
    assert "Stand unklar" in text(initiative)


@example("tiles")
def test_tiles_count_and_link_the_lists(env: Environment, catalog: Catalog) -> None:
    html = glance(env, catalog).tiles(catalog.status_summary(catalog.sorted_ids("measures")))
    tiles = [(li["class"][-1], li.a["href"], text(li.find(class_="portal-tile__number")), text(li.find(class_="portal-tile__label")))
             for li in soup(html).select("ul.portal-tiles > li")]
    assert tiles == [
        ("portal-tile--initiativen", "../", "1", "Initiativen"),
        ("portal-tile--massnahmen", "../../massnahmen/", "2", "Maßnahmen, die die Quellen nennen"),
        ("portal-tile--status-in_umsetzung", "../../massnahmen/status/in-umsetzung/", "0", "in Umsetzung"),
        ("portal-tile--status-beschlossen", "../../massnahmen/status/beschlossen/", "1", "beschlossen"),
        ("portal-tile--status-empfohlen", "../../massnahmen/status/empfohlen/", "0", "empfohlen"),
        ("portal-tile--status-angekuendigt", "../../massnahmen/status/angekuendigt/", "0", "angekündigt"),
        ("portal-tile--status-abgeschlossen", "../../massnahmen/status/abgeschlossen/", "1", "abgeschlossen"),
        ("portal-tile--status-eingestellt", "../../massnahmen/status/eingestellt/", "0", "eingestellt"),
        ("portal-tile--overdue", "../../massnahmen/verstrichen/", "1", "Zieltermin verstrichen, kein Abschluss gemeldet"),
        ("portal-tile--stale", "../../massnahmen/ohne-meldung/", "1", "ohne aktuelle Meldung"),
        ("portal-tile--untargeted", "../../massnahmen/ohne-zieltermin/", "0", "ohne Zieltermin in den Quellen"),
    ]


@example("measure_groups")
def test_measure_groups_are_bounded_and_link_the_rest(env: Environment, catalog: Catalog) -> None:
    html = glance(env, catalog).measure_groups(MEASURES, 10, "region=land")
    sections = soup(html).select("section.portal-groups")
    assert [(s.h3["id"], text(s.h3)) for s in sections] == [
        ("massnahmen-beschlossen", "Beschlossen (1)"), ("massnahmen-abgeschlossen", "Abgeschlossen (1)")]
    assert "../../massnahmen/?region=land&status=beschlossen" not in hrefs(html)  # nothing left out
    # Two measures of one status and a limit of one: the first shown, a link to the rest.
    records = mini_records()
    changed(records, "measures", "fertig", history=records["measures"]["glasfaser"].history)  # type: ignore[attr-defined]
    both = Catalog(records, TODAY)
    html = glance(env, both).measure_groups(MEASURES, 1, "region=land")
    (section,) = soup(html).select("section.portal-groups")
    assert text(section.h3) == "Beschlossen (2)"
    assert len(section.select("ul.portal-measures > li")) == 1
    more = section.find_all("a")[-1]
    assert (more["href"], more.get_text()) == ("../../massnahmen/?region=land&status=beschlossen",
                                              "Alle 2 Maßnahmen „beschlossen“ in der gefilterten Liste")


@example("measure_groups")
def test_measure_groups_link_a_facet_where_the_status_begins(env: Environment, catalog: Catalog) -> None:
    records = mini_records()
    changed(records, "measures", "fertig", history=records["measures"]["glasfaser"].history)  # type: ignore[attr-defined]
    both = Catalog(records, TODAY)
    html = glance(env, both).measure_groups(MEASURES, 1, facet=("region", "land"))
    (section,) = soup(html).select("section.portal-groups")
    more = section.find_all("a")[-1]
    assert more["href"] == "../../massnahmen/region/land/#status-beschlossen"
    assert text(more) == "Alle 2 Maßnahmen „beschlossen“ in der Liste in der Region „Testland“"


@example("measure_item")
def test_measure_item_is_short_and_flags_an_overdue_target(env: Environment, catalog: Catalog) -> None:
    g = glance(env, catalog)
    overdue = one(g.measure_item("glasfaser"), "li[data-portal-item]")
    assert [a["href"] for a in overdue.find_all("a", recursive=False)] == ["../../massnahmen/glasfaser/", "../../methode/#status-beschlossen"]
    assert text(overdue) == "Glasfaser bis 2020 beschlossen Zieltermin 2020 verstrichen · Masterplan Test · Ziel: 2020"
    assert overdue.select_one(".portal-flag a.portal-status--overdue")["href"] == "../../methode/#zieltermin-verstrichen"
    assert overdue.select_one(".portal-target time")["datetime"] == "2020"
    done = one(g.measure_item("fertig"), "li[data-portal-item]")
    assert done.select_one(".portal-flag") is None
    assert text(done) == "Erledigte Maßnahme abgeschlossen · Masterplan Test · Ziel: 2018"


@example("measure_item_template")
def test_measure_item_template_has_the_items_markup_with_slots(env: Environment, catalog: Catalog) -> None:
    html = str(glance(env, catalog).measure_item_template("liste"))
    page = soup(html)
    item = page.select_one("template#liste-eintrag > li[data-portal-item]")
    assert [el["data-slot"] for el in item.select("[data-slot]")] == [
        "title", "status", "flag", "overdue-target", "initiative", "target", "time"]
    # The same parts in the same order as measure_item: filled in, the script's item reads like the server's.
    served = one(glance(env, catalog).measure_item("glasfaser"), "li[data-portal-item]")
    shape = lambda li: [(el.name, el.get("class")) for el in li.find_all(True) if not el.find_parent("a", class_="portal-status--beschlossen") and el.name not in ("svg", "path")]  # noqa: E731
    # (Slots are <span>s the script replaces: the status tag, the overdue date's text, the <time>.)
    assert [x for x in shape(item) if x != ("span", None)] == [
        x for x in shape(served) if x[1] not in (["portal-status", "portal-status--beschlossen"], ["portal-status__icon"]) and x[0] != "time"]
    tags = page.select("template[id^='liste-status-']")
    assert [t["id"].removeprefix("liste-status-") for t in tags] == list(labels.MEASURE_STATUS_ORDER)
    assert all(t.select_one("a.portal-status") for t in tags)


@example("pages_nav")
def test_pages_nav_links_every_page_and_marks_the_current_one(env: Environment, catalog: Catalog) -> None:
    g = glance(env, catalog)
    assert str(g.pages_nav("all", "", 1, 1)).strip() == ""
    nav = one(g.pages_nav("topic", "flaechen", 2, 3), "nav.portal-pages")
    assert nav["aria-label"] == "Seiten dieser Liste"
    assert text(nav.p) == "Seite 2 von 3 · nächste Seite"
    assert [(a["href"], a.get("aria-current")) for a in nav.select("li a")] == [
        ("../../massnahmen/thema/flaechen/", None), ("../../massnahmen/thema/flaechen/2/", "page"),
        ("../../massnahmen/thema/flaechen/3/", None)]


@example("newest_press")
def test_newest_press_is_bounded_and_says_how_many_there_are(env: Environment, catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    html = glance(env, catalog).newest_press(["pm-eins"], "diese Organisation")
    assert [h["id"] for h in soup(html).find_all("h2")] == ["presse"]
    assert "neuesten" not in str(html)
    assert str(glance(env, catalog).newest_press([], "diese Organisation")).strip() == ""
    monkeypatch.setattr(selections, "PRESS_LIMIT", 0)
    html = glance(env, catalog).newest_press(["pm-eins"], "diese Organisation")
    assert soup(html).find("h2") is None
    assert text(soup(html).p) == "Die 0 neuesten von 1 Dokumenten, die diese Organisation nennen. Alle Dokumente stehen unter Quellen."


def test_initiatives_by_news_newest_first_then_by_title() -> None:
    records = mini_records()
    first = records["initiatives"]["masterplan-test"]
    records["initiatives"]["aaa"] = first.model_copy(update={"title": "Aaa"})  # same sources, same date
    records["initiatives"]["undatiert"] = first.model_copy(update={"title": "0 ohne Quelle", "sources": [], "history": [
        first.history[0].model_copy(update={"sources": []})], "milestones": [], "key_figures": [], "statements": [],  # type: ignore[attr-defined]
        "goals": [], "participants": [], "bodies": [], "working_groups": [], "measures_listed": None})
    ordered = Catalog(records, TODAY).initiatives_by_news()
    assert ordered == ["aaa", "masterplan-test", "undatiert"]


HOSTILE_CALLS.update({
    "status_bar": (lambda g, c: g.status_bar(c.status_summary(sorted(c.measures)), links=True), False, "glance"),
    "status_summary": (lambda g, c: g.status_summary(c.status_summary(sorted(c.measures), ("initiatives", "masterplan-test")),
                                                     "hier"), True, "glance"),
    "legend": (lambda g, c: g.legend("initiative"), False, "glance"),
    "tiles": (lambda g, c: g.tiles(c.status_summary(sorted(c.measures))), False, "glance"),
    "measure_groups": (lambda g, c: g.measure_groups(sorted(c.measures), 1, "region=teststadt"), True, "glance"),
    "measure_item": (lambda g, c: g.measure_item("glasfaser"), True, "glance"),
    "measure_item_template": (lambda g, c: g.measure_item_template("liste"), False, "glance"),
    "pages_nav": (lambda g, c: g.pages_nav("region", "teststadt", 1, 2), False, "glance"),
    "newest_press": (lambda g, c: g.newest_press(["pm-eins"], "diese Organisation"), True, "glance"),
})
