"""The overviews split into pages (portal.archives, portal.paging), built: a small synthetic content set
(benchmarks/synthetic.py, 1/200 of NRW plus the shipped content) with tiny page sizes, so that every
split list has several groups and pages. Nothing is lost and nothing listed twice, every pager link
leads to a page that exists, further pages are titled and stay out of the navigation, and a source's
page lists a bounded number of the entries that cite it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, Build, builds, make_project, run_build
from sitetools import serve
import test_accessibility
from test_accessibility import AXE, AXE_RUN, OVERFLOW_JS, View, assert_scheme, format_violations
from test_html_validity import VNU, is_material_toggle

from portal.archives import ARCHIVES
from portal.catalog import Catalog
from portal.check import load_valid
from portal.revision import reference_date

sys.path.insert(0, str(ROOT / "benchmarks"))

import synthetic  # noqa: E402

TODAY = reference_date()  # built with the real date: the set holds the shipped content, which an editor
# may extend with news of today (a fixed past date would call that source "in the future")
SIZES = {"presse": 7, "quellen": 9, "partner": 3, "personen": 4, "zeitleiste": 2}
CITATIONS = 2


@pytest.fixture(scope="module")
@builds(slow=True)
def split_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Catalog]:
    """The small synthetic set built with tiny page sizes (the constants patched in the copy's hooks)."""
    data = tmp_path_factory.mktemp("synthetic") / "data"
    shutil.copytree(ROOT / "data", data)
    synthetic.generate(data, 1 / 200, 13)
    root = make_project(tmp_path_factory.mktemp("split"), data)
    module = root / "hooks" / "portal" / "archives.py"
    text = module.read_text(encoding="utf-8")
    text, count = re.subn(r"PAGE_SIZES: dict\[str, int\] = \{.*?\}\n", f"PAGE_SIZES: dict[str, int] = {SIZES!r}\n", text, flags=re.S)
    text, limits = re.subn(r"CITATION_LIMIT = \d+", f"CITATION_LIMIT = {CITATIONS}", text)
    assert count == limits == 1
    module.write_text(text, encoding="utf-8")
    build = run_build(root, epoch=None)
    assert build.returncode == 0, build.output
    loaded, problems = load_valid(data, TODAY)
    assert not problems
    catalog = Catalog(loaded.records, TODAY)
    catalog.archive_sizes, catalog.citation_limit = SIZES, CITATIONS  # as the patched build has them
    return build, catalog


def page(build: Build, url: str) -> BeautifulSoup:
    return build.html(url)


def pages_of(build: Build, first: str) -> list[str]:
    """Every page of a list, from its first page by the pager's "next" links; each pager link exists."""
    found, url = [], first
    while url:
        assert url not in found, url
        found.append(url)
        soup = page(build, url)
        for a in soup.select("nav.portal-pager a"):
            target = urljoin("/" + url, a["href"]).lstrip("/")
            assert (build.site / target / "index.html").is_file(), (url, a["href"])
        following = soup.select_one('nav.portal-pager a[rel="next"]')
        url = urljoin("/" + url, following["href"]).lstrip("/") if following else ""
    return found


def listed(build: Build, listing: str, selector: str) -> tuple[list[str], dict[str, int]]:
    """The addresses a split overview lists on all pages of all its groups, in order, and the pages per group."""
    if listing == "personen":  # one group: the list of people, linked from the partner directory
        groups = [ARCHIVES[listing][0]]
    else:
        overview = {"partner": "partner/"}.get(listing, ARCHIVES[listing][0])
        groups = [urljoin("/" + overview, a["href"]).lstrip("/") for a in page(build, overview).select("nav.portal-groups a")]
    found: list[str] = []
    counts = {}
    for first in groups:
        urls = pages_of(build, first)
        counts[first] = len(urls)
        for url in urls:
            found += [urljoin("/" + url, a["href"]).lstrip("/") for a in page(build, url).select(selector)]
    return found, counts


@pytest.mark.parametrize(("listing", "selector", "expected"), [
    ("presse", "ul.portal-documents > li > a:first-child", lambda c: [c.url("documents", d) for d in c.press_ids()]),
    ("quellen", "ul.portal-documents > li > a:first-child",
     lambda c: [c.url("documents", d) for g in c.archives["quellen"] for d in g.paged.items]),
    ("partner", "ul.portal-partners > li > a:first-child",
     lambda c: [c.url("organisations", o) for g in c.archives["partner"] for o in g.paged.items]),
    ("personen", "ul.portal-people > li > a:first-child",
     lambda c: [c.url("people", p) for p in c.sorted_ids("people")]),
])
def test_the_pages_of_a_split_list_hold_every_record_once(split_site: tuple[Build, Catalog], listing: str,
                                                        selector: str, expected: object) -> None:
    build, catalog = split_site
    found, counts = listed(build, listing, selector)
    want = expected(catalog)  # type: ignore[operator]
    assert found == want and len(set(found)) == len(found)
    assert max(counts.values()) > 1, counts  # the tiny sizes did split the list
    # Every collection's records are all there: press items among the documents, every organisation.
    if listing == "quellen":
        assert sorted(want) == sorted(catalog.url("documents", d) for d in catalog.documents)
    if listing == "partner":
        assert sorted(want) == sorted(catalog.url("organisations", o) for o in catalog.organisations)


def test_the_timeline_years_hold_every_milestone_once(split_site: tuple[Build, Catalog]) -> None:
    build, catalog = split_site
    overview = page(build, "zeitleiste/")
    years = [urljoin("/zeitleiste/", a["href"]).lstrip("/") for a in overview.select("#zeitleiste-liste > li > a")]
    total = 0
    for first in years:
        urls = pages_of(build, first)
        items = [li for url in urls for li in page(build, url).select("#zeitleiste-liste li.portal-timeline__item")]
        total += len(items)
        group = catalog.archive_group("zeitleiste", first.split("/")[1])
        assert len(items) == group.total
    assert total == len(catalog.timeline()) == catalog.archive_total("zeitleiste")


def test_further_pages_are_titled_and_outside_the_navigation(split_site: tuple[Build, Catalog]) -> None:
    build, catalog = split_site
    group = max(catalog.archives["presse"], key=lambda g: g.paged.count)
    assert group.paged.count >= 2
    second = page(build, group.paged.url(2))
    assert second.title.get_text().startswith(f"Presse {group.heading} – Seite 2 von {group.paged.count}")
    assert second.find("h1").get_text() == f"Presse {group.heading} – Seite 2 von {group.paged.count}"
    current = second.select('nav.portal-pager a[aria-current="page"]')
    assert [a.get_text() for a in current] == ["2", "2"]  # the pager above and below the list
    nav = page(build, "").find("nav", class_="md-nav--primary")
    links = {a["href"] for a in nav.find_all("a", href=True)}
    assert not any("seite/" in link or re.search(r"presse/\d{4}/", link) for link in links)
    # Generated pages have no file of their own to edit.
    assert second.select_one(".portal-edit") is None


def test_a_source_page_lists_a_bounded_number_of_citing_entries(split_site: tuple[Build, Catalog]) -> None:
    build, catalog = split_site
    doc_id, cited = max(catalog.citations.items(), key=lambda item: len(item[1]))
    assert len(cited) > CITATIONS
    soup = page(build, catalog.url("documents", doc_id))
    assert len(soup.select("ul.portal-citations > li")) == CITATIONS
    assert f"Hier stehen die ersten {CITATIONS} von {len(cited)} Einträgen" in " ".join(soup.get_text().split())


# --- a further page of a list, in the browser and the Nu HTML Checker --------------------------------------



view = test_accessibility.view  # the fixture: one tab per width and colour scheme


def further_pages(catalog: Catalog) -> list[str]:
    """Page 2 of the longest group of every split overview (a press year, a type of organisation, …)."""
    found = []
    for groups in catalog.archives.values():
        group = max(groups, key=lambda g: (g.paged.count, g.url))
        if group.paged.count > 1:
            found.append(group.paged.url(2))
    return found


@pytest.fixture(scope="module")
def served_split(split_site: tuple[Build, Catalog]) -> Iterator[str]:
    with serve(split_site[0].site) as url:
        yield url


def test_axe_and_reflow_on_a_further_page(view: View, served_split: str, split_site: tuple[Build, Catalog]) -> None:
    """axe-core's WCAG A/AA rules pass on page 2 of a split list in both schemes at 1280 and 375 px,
    and at 375 px nothing (the pager included) is cut off."""
    url = further_pages(split_site[1])[0]
    view.tab.goto(served_split + url)
    assert_scheme(view)
    assert view.tab.locator('nav.portal-pager a[aria-current="page"]').first.is_visible()
    if view.width < 800:
        assert view.tab.evaluate(OVERFLOW_JS) == [], f"/{url}: Inhalt ragt bei 375 px über den rechten Rand"
    view.tab.add_script_tag(path=str(AXE))
    violations = view.tab.evaluate(AXE_RUN)["violations"]
    assert violations == [], f"axe-core, /{url}, {view}:\n{format_violations(violations)}"


@pytest.mark.slow  # starts Java
def test_further_pages_are_valid_html(split_site: tuple[Build, Catalog]) -> None:
    build, catalog = split_site
    pages = [build.site / url / "index.html" for url in further_pages(catalog)]
    assert len(pages) == len(ARCHIVES)  # every split overview has a page 2 at these sizes
    java = shutil.which("java")
    assert java, "Java fehlt (Debian-Paket openjdk-17-jre-headless)"
    proc = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
                          capture_output=True, text=True, timeout=600)
    problems = [m for m in json.loads(proc.stderr)["messages"] if not is_material_toggle(m)]
    assert problems == [], problems
