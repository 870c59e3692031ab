"""Progress at a glance on the mini build (fixed date): the start page's tiles and status bar, the
status summaries of initiative, working group, organisation, topic and region pages, the region's
measures by status and the static lists under /massnahmen/ (issue 12, items 1, 2, 3, 7 and 12).
Expectations come from the catalog of the same content, never from counting by hand."""

from __future__ import annotations

import datetime as dt
import gzip
import re
from urllib.parse import urljoin

import pytest
from bs4 import Tag
from conftest import EPOCH, MINI, Build, mini_project, mini_variant

from portal import labels
from portal.catalog import Catalog
from portal.check import load_valid
from portal.selections import PAGE_SIZE

TODAY = dt.datetime.fromtimestamp(int(EPOCH), dt.UTC).date()
STATIC_LISTS = ["massnahmen/verstrichen/", "massnahmen/ohne-meldung/", "massnahmen/ohne-zieltermin/",
                *(f"massnahmen/status/{key.replace('_', '-')}/" for key in labels.MEASURE_STATUS)]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    loaded, problems = load_valid(MINI, TODAY)
    assert not problems
    return Catalog(loaded.records, TODAY)


def measure_ids(page: Tag, url: str) -> list[str]:
    """The measures a list on the page links, in order (each item's own link, not its meta links)."""
    found = []
    for a in page.select("ul.portal-measures > li > a:not(.portal-status)"):
        match = re.search(r"/massnahmen/([a-z0-9-]+)/$", urljoin("/" + url, a["href"]))
        if match:
            found.append(match.group(1))
    return found


def number(text: str) -> int:
    return int(text.replace(".", ""))


def test_start_page_tiles_are_the_catalogs_counts(mini_site: Build, catalog: Catalog) -> None:
    home = mini_site.html("")
    tiles = {li["class"][-1].removeprefix("portal-tile--"): (number(li.find(class_="portal-tile__number").get_text()), li.a["href"])
             for li in home.select("ul.portal-tiles > li")}
    all_ids = catalog.sorted_ids("measures")
    expected = {"initiativen": len(catalog.initiatives), "massnahmen": len(all_ids),
                "overdue": len(catalog.overdue_ids()), "stale": len(catalog.stale_measure_ids()),
                "untargeted": sum(catalog.measures[m].target is None for m in all_ids),
                **{f"status-{key}": sum(catalog.status(m) == key for m in all_ids) for key in labels.MEASURE_STATUS}}
    assert {key: count for key, (count, _) in tiles.items()} == expected
    # Each tile leads to a page that exists and lists exactly as many measures.
    for key, (count, href) in tiles.items():
        target = urljoin("/", href).strip("/") + "/"
        assert (mini_site.site / target / "index.html").exists(), href
        if key not in ("initiativen", "massnahmen"):
            assert len(measure_ids(mini_site.html(target), target)) == count, key


def test_start_page_bar_segments_sum_to_the_measures_and_link_their_lists(mini_site: Build, catalog: Catalog) -> None:
    bar = mini_site.html("").select_one("section.portal-glance svg.portal-bar")
    segments = bar.select("a > rect.portal-bar__seg")
    counts = [int(rect.title.get_text().split()[0]) for rect in segments]
    assert sum(counts) == len(catalog.measures)
    for rect in segments:
        key = rect["class"][-1].removeprefix("portal-bar__seg--")
        assert rect.parent["href"] == f"massnahmen/status/{key.replace('_', '-')}/"
        assert rect.parent["aria-label"].startswith(f"{sum(catalog.status(m) == key for m in catalog.measures)} ")
    # The text equivalent right beside it, and the legends of both kinds of status.
    text = mini_site.html("").select_one("section.portal-glance p.portal-summary__text").get_text(" ", strip=True)
    assert text == ", ".join(rect.title.get_text() for rect in segments).replace(",", " ,")
    assert len(mini_site.html("").select("section.portal-glance details.portal-legend")) == 2


def test_every_status_tag_has_an_icon_and_words(mini_site: Build) -> None:
    for url in ["", "massnahmen/", "initiativen/", "initiativen/masterplan-test/", "regionen/land/"]:
        # Tags inside <template> (the overview's script clones them) are not shown as they stand.
        tags = [a for a in mini_site.html(url).select("article a.portal-status")
                if not {"portal-status--overdue", "portal-status--stale"} & set(a["class"]) and not a.find_parent("template")]
        assert tags, url
        for tag in tags:
            assert tag.get_text(strip=True), (url, tag)
            icon = tag.select_one("span.portal-status__icon[aria-hidden=true] > svg")
            assert icon is not None, (url, tag)


@pytest.mark.parametrize("url", ["initiativen/masterplan-test/", "partner/stadt-test/", "themen/flaechen/",
                                 "regionen/land/", "regionen/teststadt/"])
def test_pages_summarise_their_measures(mini_site: Build, catalog: Catalog, url: str) -> None:
    collection, key = {"initiativen": "initiatives", "partner": "organisations", "themen": "topics",
                       "regionen": "regions"}[url.split("/")[0]], url.split("/")[1]
    ids = {"initiatives": catalog.measures_of, "organisations": catalog.measures_of_organisation,
           "topics": catalog.measures_of_topic, "regions": catalog.measures_in_region}[collection](key)
    summary = catalog.status_summary(ids, (collection, key))
    # The page's own summary: on an initiative's page after those of its working groups.
    box = mini_site.html(url).select("div.portal-summary")[-1]
    what = box.find("p", class_="portal-summary__what").get_text(" ", strip=True)
    noun = "Maßnahme" if len(ids) == 1 else "Maßnahmen"
    assert what.startswith(f"{len(ids)} {noun} ") and what.endswith("die die Quellen nennen"), what
    assert "alle" not in what.lower().split()
    rects = box.select("svg.portal-bar rect")
    assert sum(int(r.title.get_text().split()[0]) for r in rects) == len(ids) == summary.total
    assert box.find("p", class_="portal-summary__text").get_text(" ", strip=True).replace(" ,", ",") == summary.text
    flags = [li.get_text(" ", strip=True) for li in box.select("ul.portal-summary__flags > li")]
    assert flags[0].endswith(f": {summary.overdue}") and flags[1].endswith(f": {summary.stale}")
    assert "20. März 2017" in flags[2]


def test_a_working_group_has_its_own_summary(mini_site: Build, catalog: Catalog) -> None:
    page = mini_site.html("initiativen/masterplan-test/")
    group = page.find(id="arbeitskreis-ak-flaechen").parent
    box = group.find("div", class_="portal-summary")
    ids = catalog.measures_of_group("masterplan-test", "ak-flaechen")
    noun = "Maßnahme" if len(ids) == 1 else "Maßnahmen"
    what = box.find("p", class_="portal-summary__what").get_text(" ", strip=True)
    assert what == f"{len(ids)} {noun} dieses Arbeitskreises, die die Quellen nennen"
    assert sum(int(r.title.get_text().split()[0]) for r in box.select("svg.portal-bar rect")) == len(ids)
    assert box.find("details") is None  # the legend once per page, in the initiative's summary


def test_region_pages_list_the_measures_of_their_initiatives_and_below(mini_site: Build, catalog: Catalog) -> None:
    for region in ("land", "teststadt"):
        url = f"regionen/{region}/"
        page = mini_site.html(url)
        expected = [mid for _, _, ids in catalog.by_status(catalog.measures_in_region(region)) for mid in ids]
        assert expected, region
        assert measure_ids(page, url) == expected
        headings = [h.get_text(" ", strip=True) for h in page.select("section.portal-groups > h3")]
        assert headings == [f"{label} ({len(ids)})" for _, label, ids in catalog.by_status(expected)]


def test_static_lists_hold_exactly_their_measures(mini_site: Build, catalog: Catalog) -> None:
    expected = {
        "massnahmen/verstrichen/": catalog.overdue_ids(),
        "massnahmen/ohne-meldung/": catalog.stale_measure_ids(),
        "massnahmen/ohne-zieltermin/": [m for m in catalog.sorted_ids("measures") if catalog.measures[m].target is None],
        **{f"massnahmen/status/{key.replace('_', '-')}/": [m for m in catalog.sorted_ids("measures") if catalog.status(m) == key]
           for key in labels.MEASURE_STATUS},
    }
    assert sorted(expected) == sorted(STATIC_LISTS)
    for url, ids in expected.items():
        page = mini_site.html(url)
        assert measure_ids(page, url) == ids, url
        count = page.select_one("p.portal-selection-count strong").get_text()
        assert number(count) == len(ids), url
        # No script needed: the list is in the HTML, and no filter form hides anything.
        assert page.select_one("article form.portal-filter") is None
    assert "Derzeit trifft das auf keine Maßnahme zu." in mini_site.text("massnahmen/status/eingestellt/")


def test_measures_overview_counts_each_status_heading(mini_site: Build, catalog: Catalog) -> None:
    page = mini_site.html("massnahmen/")
    for key, label, ids in catalog.by_status(catalog.sorted_ids("measures")):
        heading = page.find("h2", id=f"status-{key}")
        assert heading.get_text(" ", strip=True) == f"{label} ( {len(ids)} )"
        assert heading.select_one("[data-portal-group-count]").get_text() == str(len(ids))
    assert [o["value"] for o in page.select("select[name=region] option")] == ["", "land", "teststadt"]


@pytest.mark.build
def test_start_page_stays_small_with_many_overdue_measures(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Twelve more overdue measures: the start page shows five and links the static list of all.
    extra = {f"measures/extra-{n:02d}.yaml": f"""initiative: masterplan-test
title: Zusätzliche Maßnahme {n:02d}
target: "2019"
history: [{{date: "2017-03-16", status: empfohlen, sources: [pm-eins]}}]
sources: [pm-eins]
""" for n in range(12)}
    build = mini_variant(tmp_path, write=extra)
    assert build.returncode == 0, build.output
    home = build.html("")
    shown = measure_ids(home, "")
    assert len(shown) == 5
    more = home.select("#zieltermin-verstrichen ~ p > a[href='massnahmen/verstrichen/']")
    assert [a.get_text() for a in more] == ["Alle 13 Maßnahmen mit verstrichenem Zieltermin"]
    assert len(measure_ids(build.html("massnahmen/verstrichen/"), "massnahmen/verstrichen/")) == 13


@pytest.mark.build
@pytest.mark.parametrize("name", ["verstrichen", "status"])
def test_a_measure_cannot_take_the_address_of_a_static_list(tmp_path, name: str) -> None:  # type: ignore[no-untyped-def]
    root = mini_project(tmp_path, write={f"measures/{name}.yaml": (MINI / "measures/glasfaser.yaml").read_text(encoding="utf-8")})
    _, problems = load_valid(root / "data", TODAY)
    assert [p.message for p in problems.sorted()] == [
        f"die id '{name}' ist schon vergeben: unter /massnahmen/{name}/ steht eine Seite aus docs/massnahmen/"]


@pytest.mark.build
@pytest.mark.slow  # PAGE_SIZE + 1 measures: about 10 s on two busy cores
def test_a_long_static_list_continues_on_further_pages(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # PAGE_SIZE + 1 measures "empfohlen": two pages, every measure on exactly one, each page bounded.
    extra = {f"measures/viele-{n:03d}.yaml": f"""initiative: masterplan-test
title: Empfehlung {n:03d}
history: [{{date: "2017-03-16", status: empfohlen, sources: [pm-eins]}}]
sources: [pm-eins]
""" for n in range(PAGE_SIZE + 1)}
    build = mini_variant(tmp_path, write=extra)
    assert build.returncode == 0, build.output
    first, second = "massnahmen/status/empfohlen/", "massnahmen/status/empfohlen/2/"
    on_first, on_second = measure_ids(build.html(first), first), measure_ids(build.html(second), second)
    assert len(on_first) == PAGE_SIZE and len(on_second) == 1
    assert sorted(on_first + on_second) == sorted(extra_id.removeprefix("measures/").removesuffix(".yaml") for extra_id in extra)
    for url in (first, second):
        page = build.html(url)
        assert [a.get_text() for a in page.select("nav.portal-pages li a")] == ["Seite 1", "Seite 2"]
        assert page.select_one("nav.portal-pages p").get_text() == ("Seite 1 von 2 · nächste Seite" if url == first else "Seite 2 von 2")
        assert page.select_one("nav.portal-pages a[aria-current=page]").get_text() == ("Seite 1" if url == first else "Seite 2")
        assert "Seite" in page.select_one("p.portal-selection-count").get_text()
        assert len(gzip.compress((build.site / url / "index.html").read_bytes())) < 100_000
    assert build.html(second).find("h1").get_text() == "Maßnahmen mit dem Status „empfohlen“ – Seite 2 von 2"
    assert not (build.site / "massnahmen/status/beschlossen/2").exists()  # short lists stay one page
    # Page 1 is the editor's docs page; the generated page 2 has no file of its own to edit.
    assert build.html(first).select_one("p.portal-edit code").get_text() == "docs/massnahmen/status/empfohlen.md"
    assert build.html(second).select_one("p.portal-edit") is None
