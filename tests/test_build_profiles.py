"""Built pages of issue 12, items 6 and 8: the network page (matrix and picture), quieter profiles
(one source line per section, folded rows, the participants table) and Material's table of contents
on generated and overview pages. On the mini content with its fixed date, and on a variant of it
with a second initiative that shares organisations with the first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import Build, builds, mini_variant

from portal.catalog import Catalog
from portal.check import load_valid
from portal.partnership import roles_by_initiative

EPOCH_DATE = dt.date(2026, 11, 22)  # conftest.EPOCH as a date
SECOND = """title: Zweite Initiative
kind: dialog
region: teststadt
history: [{date: "2020-05", status: laufend, sources: [pm-eins]}]
start: "2020"
summary: Eine zweite Initiative mit denselben Partnern.
participants:
  - organisation: kammer-test
    role: unterzeichner
    sources: [pm-eins]
  - organisation: stadt-test
    role: unterzeichner
    person: erika-muster
    sources: [pm-eins]
sources: [pm-eins]
"""


@pytest.fixture(scope="module")
@builds
def shared_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The mini content with a second initiative whose signatories take part in the first as well."""
    build = mini_variant(tmp_path_factory.mktemp("shared"), write={"initiatives/zweite-initiative.yaml": SECOND})
    assert build.returncode == 0, build.output
    return build


def catalog_of(build: Build) -> Catalog:
    loaded, problems = load_valid(build.root / "data", EPOCH_DATE)
    assert not problems
    return Catalog(loaded.records, EPOCH_DATE)


def page_exists(site: Path, page_url: str, href: str) -> bool:
    """Whether a relative link from ``page_url`` reaches a built page."""
    target = urljoin("https://x/" + page_url, href).removeprefix("https://x/").split("#")[0]
    return (site / target / "index.html").is_file() or (site / target).is_file()


# --- the network page -------------------------------------------------------------------------------


def test_matrix_cells_are_the_roles_in_the_data(shared_site: Build) -> None:
    catalog = catalog_of(shared_site)
    table = shared_site.html("partner/netzwerk/").find("table")
    columns = [a["href"] for a in table.thead.find_all("a")]
    assert len(columns) == 2 and all(page_exists(shared_site.site, "partner/netzwerk/", c) for c in columns)
    initiative_ids = [href.rstrip("/").split("/")[-1] for href in columns]
    for tr in table.tbody.find_all("tr"):
        org = tr.th.a["href"].rstrip("/").split("/")[-1]
        roles = roles_by_initiative(catalog.involvements[org])
        cells = [td.get_text() for td in tr.find_all("td")]
        assert cells[:-1] == [", ".join(roles.get(iid, ())) for iid in initiative_ids], org
        assert cells[-1] == str(len(roles))
    # Both organisations of the mini content sign the second initiative: they come first, in both columns.
    assert [tr.th.get_text() for tr in table.tbody.find_all("tr")] == ["Kammer Test", "Stadt Test"]
    assert "2 Organisationen wirken in zwei oder mehr Initiativen mit" in shared_site.text("partner/netzwerk/")


def test_every_network_node_links_to_an_existing_page(shared_site: Build) -> None:
    svg = shared_site.html("partner/netzwerk/").find("svg", class_="portal-network__svg")
    nodes = svg.find_all("a")
    assert len(nodes) == 4
    for node in nodes:
        assert node["aria-label"] and page_exists(shared_site.site, "partner/netzwerk/", node["href"]), node
    assert len(svg.select("g.portal-network__edges line")) == 4  # one per organisation and initiative


def test_network_is_linked_from_the_directory_and_each_organisation(shared_site: Build) -> None:
    assert "netzwerk/" in [a["href"] for a in shared_site.html("partner/").find("article").find_all("a")]
    row = shared_site.html("partner/kammer-test/").find("p", class_="portal-partnership")
    assert " ".join(row.get_text().split()).startswith("Kammer Test wirkt laut den Quellen in 2 Initiativen mit:")
    assert row.find_all("a")[-1]["href"] == "../netzwerk/"


# --- quieter profiles ------------------------------------------------------------------------------------


def sections(soup: BeautifulSoup) -> dict[str, list[Tag]]:
    """Each <h2 id> of the article with the elements up to the next <h2>."""
    found: dict[str, list[Tag]] = {}
    for heading in soup.find("article").find_all("h2", id=True):
        found[heading["id"]] = [el for el in heading.find_next_siblings()]
        for index, el in enumerate(found[heading["id"]]):
            if el.name == "h2":
                found[heading["id"]] = found[heading["id"]][:index]
                break
    return found


def test_each_section_has_one_source_line_and_every_source_stays_linked(mini_site: Build) -> None:
    for url in ("initiativen/masterplan-test/", "massnahmen/glasfaser/"):
        soup = mini_site.html(url)
        for anchor, elements in sections(soup).items():
            lines = [el for el in elements if "portal-section-sources" in (el.get("class") or [])]
            assert len(lines) <= 1, (url, anchor)
        # The mini content cites one document everywhere: no row repeats it, each section names it once.
        assert soup.find("article").find_all(string=lambda s: s and "(Quelle:" in s) == [], url
        catalog = catalog_of(mini_site)
        record = catalog.records["initiatives" if "initiativen" in url else "measures"][url.split("/")[1]]
        linked = {a["href"].rstrip("/").split("/")[-1] for a in soup.find("article").find_all("a", href=True) if "quellen/" in a["href"]}
        assert set(catalog.sources_of(record)) <= linked, url
    initiative = sections(mini_site.html("initiativen/masterplan-test/"))
    for anchor in ("ziele", "gremien", "arbeitskreise", "beteiligte", "zeitleiste", "kennzahlen", "stellungnahmen"):
        lines = [el for el in initiative[anchor] if "portal-section-sources" in (el.get("class") or [])]
        assert [" ".join(line.get_text().split()) for line in lines] == ["Quelle dieses Abschnitts: „Pressemitteilung eins“"], anchor


def test_facts_no_source_gives_are_folded(mini_site: Build) -> None:
    group = mini_site.html("initiativen/masterplan-test/").find(id="arbeitskreis-ak-flaechen").find_parent("section")
    assert group.find(string=lambda s: s and "nicht genannt" in s and "Quelle" in s) is None
    assert " ".join(group.find("dd", class_="portal-open").get_text().split()) == "Geschäftsführung (nennen die Quellen nicht)"
    # The finished measure names neither owner nor partners: one row says so, none says it twice.
    measure = mini_site.html("massnahmen/fertig/").find("dl", class_="portal-facts")
    assert [t.get_text() for t in measure.find_all("dt")].count("Nicht genannt") == 1
    assert " ".join(measure.find("dd", class_="portal-open").get_text().split()) == "Verantwortlich, Partner (nennen die Quellen nicht)"
    assert "Verantwortlich" not in [t.get_text() for t in measure.find_all("dt")]


def test_the_method_page_states_the_source_line_rule(mini_site: Build) -> None:
    rule = mini_site.html("methode/").find(id="quellenzeile")
    assert rule is not None and rule.get_text() == "Eine Quellenzeile je Abschnitt"
    text = " ".join(rule.find_next_sibling("p").get_text().split())
    assert "Quellen dieses Abschnitts" in text and "nennt er sie weiterhin selbst" in text


# --- the table of contents ---------------------------------------------------------------------------


def toc_anchors(soup: BeautifulSoup) -> list[str]:
    nav = soup.find("nav", class_="md-nav--secondary")
    return [a["href"].removeprefix("#") for a in nav.find_all("a")] if nav else []


@pytest.mark.parametrize("url", ["initiativen/masterplan-test/", "massnahmen/glasfaser/", "partner/kammer-test/",
                                 "personen/erika-muster/", "quellen/pm-eins/", "themen/flaechen/", "regionen/teststadt/"])
def test_toc_entries_are_the_pages_section_headings(mini_site: Build, url: str) -> None:
    soup = mini_site.html(url)
    headings = [h["id"] for h in soup.find("article").find_all("h2", id=True) if h["id"] != "melden"]
    assert toc_anchors(soup) == headings and headings


@pytest.mark.parametrize(("url", "first"), [("zeitleiste/", "jahre"), ("zeitleiste/2017/", "jahre"), ("partner/", "netzwerk"),
                                            ("partner/art/stadt/", "arten"), ("partner/personen/", "quellen"),
                                            ("massnahmen/", "status-beschlossen")])
def test_overviews_list_their_groups_in_the_toc(mini_site: Build, url: str, first: str) -> None:
    soup = mini_site.html(url)
    anchors = toc_anchors(soup)
    assert anchors[0] == first
    assert all(soup.find(id=anchor) is not None for anchor in anchors)


# --- the shipped content (any valid content, the real date) --------------------------------------------


def test_every_generated_page_has_its_headings_as_toc(real_site: Build) -> None:
    """On every detail page of the shipped content, "Inhalt" lists exactly the page's section headings
    (the report section "melden" aside, which depends on the settings, not on the record)."""
    checked = 0
    for path in sorted(real_site.site.glob("*/*/index.html")):
        url = path.parent.relative_to(real_site.site).as_posix() + "/"
        if url.split("/")[0] not in {"initiativen", "massnahmen", "partner", "personen", "quellen", "themen", "regionen"}:
            continue
        soup = real_site.html(url)
        headings = [h["id"] for h in soup.find("article").find_all("h2", id=True) if h["id"] != "melden"]
        assert toc_anchors(soup) == headings, url
        checked += 1
    assert checked > 0


def test_every_network_node_of_the_shipped_content_links_to_a_page(real_site: Build) -> None:
    soup = real_site.html("partner/netzwerk/")
    nodes = soup.select("svg.portal-network__svg a")
    rows = soup.select("div.portal-matrix tbody tr")
    columns = soup.select("div.portal-matrix thead th a")
    assert len(nodes) == len(rows) + len(columns)
    for node in nodes:
        assert page_exists(real_site.site, "partner/netzwerk/", node["href"]), node["href"]
