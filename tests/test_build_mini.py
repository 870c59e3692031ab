"""The real MkDocs build on a small hand-made content set: every page type, escaping, drafts,
overdue measures, links in both directions, dates and the "Stand" line."""

from __future__ import annotations

import csv
import io
import json

from bs4 import BeautifulSoup
from conftest import Build
from pagefind_index import fragments

from portal.search import index_languages

from portal import labels
from portal.catalog import Catalog

DETAIL_PAGES = [
    "initiativen/masterplan-test/", "massnahmen/glasfaser/", "massnahmen/fertig/", "partner/stadt-test/",
    "partner/kammer-test/", "personen/erika-muster/", "quellen/pm-eins/", "themen/flaechen/", "regionen/teststadt/",
    "regionen/land/",
]
INDEX_PAGES = ["", "initiativen/", "massnahmen/", "partner/", "zeitleiste/", "themen/", "regionen/", "presse/", "quellen/"]


def hrefs(build: Build, url: str) -> set[str]:
    article = build.html(url).find("article")
    return {a["href"] for a in article.find_all("a", href=True)}


def test_every_page_type_is_built_with_a_heading_and_stand(mini_site: Build) -> None:
    for url in DETAIL_PAGES + INDEX_PAGES:
        soup = mini_site.html(url)
        article = soup.find("article")
        assert article is not None, url
        assert len(article.find_all("h1")) == 1, url
        assert "Inhalt zuletzt geändert am" in mini_site.text(url), url


def test_planted_script_tags_are_escaped_everywhere(mini_site: Build) -> None:
    pages = list(mini_site.site.rglob("*.html"))
    assert len(pages) >= len(DETAIL_PAGES) + len(INDEX_PAGES)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html, page
        assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", ""), page
        assert 'href="javascript:' not in html.lower(), page
    assert "&lt;script&gt;alert(\"xss\")&lt;/script&gt;" in (mini_site.site / "initiativen/masterplan-test/index.html").read_text()
    for url, text in [
        ("initiativen/masterplan-test/", "<script>alert('quote')</script>"),
        ("massnahmen/glasfaser/", "<script>alert('measure')</script>"),
        ("quellen/pm-eins/", "<script>alert('press')</script>"),
        ("regionen/teststadt/", "<script>alert('region')</script>"),
        ("partner/stadt-test/", "<img src=x onerror=alert(1)>"),
    ]:
        # The text is shown as text: visible to the reader, never executed.
        assert text in mini_site.text(url), url
        article = mini_site.html(url).find("article")
        assert not article.find_all("img"), url
        assert all(script.get("type") == "application/ld+json" for script in article.find_all("script")), url


def test_drafts_stay_off_the_site_lists_and_search(mini_site: Build) -> None:
    assert not (mini_site.site / "quellen/entwurf").exists()
    for url in INDEX_PAGES + ["initiativen/masterplan-test/"]:
        assert "Entwurf" not in mini_site.text(url), url
    indexed = fragments(mini_site.site)  # the search index (Pagefind), page by page
    assert "quellen/entwurf/" not in indexed
    assert not any("Noch nicht veröffentlicht" in page["content"] for page in indexed.values())


def test_overdue_measure_is_flagged_in_words_everywhere(mini_site: Build) -> None:
    assert "Zieltermin 2020 verstrichen" in mini_site.text("massnahmen/glasfaser/")
    assert "die Quellen melden keinen Abschluss" in mini_site.text("massnahmen/glasfaser/")
    assert "Zieltermin verstrichen" not in mini_site.html("massnahmen/fertig/").find("dl", class_="portal-facts").get_text()
    assert not mini_site.html("massnahmen/fertig/").find(class_="portal-overdue")
    for url in ("initiativen/masterplan-test/", "massnahmen/", ""):
        item = next(li for li in mini_site.html(url).select("ul.portal-measures li") if "Glasfaser" in li.get_text())
        assert "Zieltermin 2020 verstrichen" in " ".join(item.get_text().split()), url
        done = [li for li in mini_site.html(url).select("ul.portal-measures li") if "Erledigte" in li.get_text()]
        assert all("Zieltermin verstrichen" not in li.get_text() for li in done), url


def test_measures_are_grouped_by_current_status(mini_site: Build) -> None:
    soup = mini_site.html("initiativen/masterplan-test/")
    assert soup.find(id="massnahmen-beschlossen") and soup.find(id="massnahmen-abgeschlossen")
    history = mini_site.text("massnahmen/fertig/")
    assert "Mai 2018: abgeschlossen" in history and "16. März 2017: beschlossen" in history


def test_links_go_both_ways(mini_site: Build) -> None:
    pairs = [
        ("initiativen/masterplan-test/", "massnahmen/glasfaser/"),
        ("initiativen/masterplan-test/", "partner/stadt-test/"),
        ("initiativen/masterplan-test/", "personen/erika-muster/"),
        ("initiativen/masterplan-test/", "quellen/pm-eins/"),
        ("initiativen/masterplan-test/", "themen/flaechen/"),
        ("initiativen/masterplan-test/", "regionen/teststadt/"),
        ("massnahmen/glasfaser/", "partner/kammer-test/"),
        ("massnahmen/fertig/", "quellen/pm-eins/"),
        ("partner/stadt-test/", "personen/erika-muster/"),
        ("partner/stadt-test/", "regionen/teststadt/"),
        ("themen/flaechen/", "massnahmen/glasfaser/"),
    ]
    for a, b in pairs:
        assert f"../../{b}" in hrefs(mini_site, a), f"{a} → {b}"
        assert f"../../{a}" in hrefs(mini_site, b), f"{b} → {a}"


def test_partners_are_grouped_by_role_and_type(mini_site: Build) -> None:
    table = mini_site.html("initiativen/masterplan-test/").find("table", class_="portal-participants")
    rows = [[" ".join(c.get_text(" ").split()) for c in tr.find_all(["th", "td"])] for tr in table.find_all("tr")]
    assert rows[1:] == [["Gemeinsame Leitung"], ["Stadt Test", "Dr. Erika Muster , Oberbürgermeisterin (laut Quelle vom 20. März 2017 )"],
                        ["Teilnehmende"], ["Politik und Verwaltung", "keine genannt"]]
    directory = mini_site.html("partner/")
    assert [h.get_text() for h in directory.find("article").find_all("h2")][:3] == [
        "Wer mit wem", "Organisationen nach Art", "Personen in öffentlichen Rollen"]
    # Each type has a page of its own, in the vocabulary's order, with its count.
    types = [(a["href"], a.get_text(), a.find_next_sibling("span").get_text()) for a in directory.select("nav.portal-groups a")]
    assert types[:2] == [("art/stadt/", "Städte", "(1)"), ("art/kammer/", "Kammern", "(1)")]
    assert [a.get_text() for a in mini_site.html("partner/art/kammer/").select("ul.portal-partners > li > a")] == ["Kammer Test"]
    org = mini_site.text("partner/kammer-test/")
    assert "Vorsitz: Lenkungskreis" in org and "Partner einer Maßnahme: Glasfaser bis 2020" in org


def test_dates_are_marked_up_and_as_vague_as_the_source(mini_site: Build) -> None:
    soup = mini_site.html("initiativen/masterplan-test/")
    times = {t["datetime"]: t.get_text() for t in soup.find_all("time")}
    assert times["2017-03-16"] == "16. März 2017"
    assert times["2017-03"] == "März 2017"
    assert times["2018"] == "Frühjahr 2018"
    assert "Datum nicht bekannt (zum Jahresauftakt)" in mini_site.text("initiativen/masterplan-test/")
    assert "Inhalt zuletzt geändert am" in mini_site.text("zeitleiste/")


def test_timeline_orders_by_date_with_unknown_last(mini_site: Build) -> None:
    # The overview links the years, newest first, the undated last; each year's page lists its milestones.
    years = [a.get_text() for a in mini_site.html("zeitleiste/").select("#zeitleiste-liste > li > a")]
    assert years == ["2018", "2017", "Zeitpunkt nicht bekannt"]
    assert len(mini_site.html("zeitleiste/2017/").select("#zeitleiste-liste li.portal-timeline__item")) >= 1
    assert mini_site.html("zeitleiste/undatiert/").select("#zeitleiste-liste li.portal-timeline__item")


def test_every_fact_links_its_source(mini_site: Build) -> None:
    for section in ("ziele", "gremien", "arbeitskreise", "beteiligte", "zeitleiste", "kennzahlen", "stellungnahmen"):
        blocks = mini_site.section("initiativen/masterplan-test/", section)
        assert any(block.find("a", href="../../quellen/pm-eins/") for block in blocks), section
    cited = mini_site.text("quellen/pm-eins/")
    for label in ("Masterplan Test – Status, Ziele, Beteiligte", "Glasfaser bis 2020 – Verlauf, Grunddaten", "Dr. Erika Muster – Rollen"):
        assert label in cited, label
    assert "../../initiativen/masterplan-test/#kennzahlen" in hrefs(mini_site, "quellen/pm-eins/")


def test_detail_pages_stay_out_of_the_navigation(mini_site: Build) -> None:
    nav = mini_site.html("").find("nav", class_="md-nav--primary")
    links = {a["href"] for a in nav.find_all("a", href=True)}
    assert "initiativen/" in links
    assert not any("masterplan-test" in link or "glasfaser" in link for link in links)


def test_search_index_holds_detail_page_text(mini_site: Build) -> None:
    indexed = fragments(mini_site.site)
    assert index_languages(mini_site.site) == ["de"]
    assert "Ein Masterplan für die Testindustrie" in indexed["initiativen/masterplan-test/"]["content"]
    assert indexed["massnahmen/glasfaser/"]["meta"]["title"] == "Glasfaser bis 2020"


def test_every_page_has_the_portals_search_dialog_and_not_materials(mini_site: Build) -> None:
    """Material's lunr search is gone (no index, no component that would start its worker); every page,
    the 404 page included, has the portal's dialog, kept out of the index it searches."""
    assert not (mini_site.site / "search").exists()
    pages = sorted(mini_site.site.rglob("*.html"))
    assert mini_site.site / "404.html" in pages
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert not soup.select('[data-md-component="search"], form[name="search"]'), page
        [dialog] = soup.select("div.md-search[data-portal-search]")
        assert dialog["data-pagefind-ignore"] == "all" and dialog["role"] == "dialog", page
        assert dialog.select_one("#portal-search-query")["aria-label"], page
        assert any(script.get("src", "").endswith("assets/search.js") for script in soup.find_all("script")), page
    # Pages with the portal's context carry the status tags the script clones into hits.
    templates = mini_site.html("massnahmen/glasfaser/").select(".md-search template[data-kind]")
    assert {(t["data-kind"], t["data-status"]) for t in templates} == {
        *(("measure", key) for key in labels.MEASURE_STATUS), *(("initiative", key) for key in labels.INITIATIVE_STATUS)}


def test_no_page_loads_anything_from_another_host(mini_site: Build) -> None:
    for page in mini_site.site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in soup.find_all(tag):
                if "canonical" in element.get("rel", []):
                    continue  # names the page's public address; browsers do not fetch it
                value = element.get(attr, "")
                assert not value.startswith(("http:", "https:", "//")), f"{page}: {tag} {value}"



def test_description_meta_tag_is_escaped(mini_site: Build) -> None:
    meta = mini_site.html("initiativen/masterplan-test/").find("meta", attrs={"name": "description"})
    assert meta["content"] == 'Ein Masterplan für die Testindustrie: "Flächen" & mehr.'
    assert set(meta.attrs) == {"name", "content"}


def test_detail_pages_describe_themselves_in_schema_org(mini_site: Build) -> None:
    expected = {
        "initiativen/masterplan-test/": "Project", "massnahmen/glasfaser/": "Project",
        "partner/stadt-test/": "GovernmentOrganization", "partner/kammer-test/": "Organization",
        "personen/erika-muster/": "Person", "quellen/pm-eins/": "NewsArticle",
    }
    for url, schema_type in expected.items():
        scripts = mini_site.html(url).find_all("script", type="application/ld+json")
        assert len(scripts) == 1, url
        data = json.loads(scripts[0].string)
        assert data["@context"] == "https://schema.org" and data["@type"] == schema_type, url
    initiative = json.loads(mini_site.html("initiativen/masterplan-test/").find("script", type="application/ld+json").string)
    assert initiative["foundingDate"] == "2017-03"
    assert {e["name"]: e.get("startDate") for e in initiative["event"]} == {
        "Industriekonferenz": "2017-03-16", "Überprüfung": "2018", "Treffen": None}
    assert initiative["description"] == 'Ein Masterplan für die Testindustrie: "Flächen" & mehr.'


def test_open_data_files_hold_the_published_content(mini_site: Build, catalog: Catalog) -> None:
    daten = mini_site.site / "daten"
    index = json.loads((daten / "index.json").read_text(encoding="utf-8"))
    assert index["stichtag"] == "2026-11-22" and index["tabellen"][0] == "massnahmen.csv"
    content = {}
    for entry in index["dateien"]:  # one file per collection, each valid JSON, as the index describes it
        raw = (daten / entry["datei"]).read_bytes()
        data = json.loads(raw)
        assert (data["sammlung"], data["stichtag"], len(data["inhalte"]), len(raw)) == (
            entry["sammlung"], "2026-11-22", entry["eintraege"], entry["bytes"])
        assert not set(data["inhalte"]) & set(content.get(entry["sammlung"], {}))  # no record in two files
        content.setdefault(entry["sammlung"], {}).update(data["inhalte"])
    assert not (daten / "inhalte.json").exists()
    # Together they hold every published record, nothing else (the catalog of the same mini content).
    assert {name: set(records) for name, records in content.items()} == {
        name: set(records) for name, records in catalog.records.items()}
    assert set(content["measures"]) == {"glasfaser", "fertig"}
    assert content["measures"]["glasfaser"]["zieltermin_verstrichen"] is True
    assert content["measures"]["fertig"]["aktueller_status"] == "abgeschlossen"
    assert content["initiatives"]["masterplan-test"]["milestones"][1]["date"] == "Frühjahr 2018"
    assert "entwurf" not in content["documents"]
    rows = list(csv.DictReader(io.StringIO((daten / "massnahmen.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    assert [row["id"] for row in rows] == ["fertig", "glasfaser"]
    assert rows[1]["zieltermin_verstrichen"] == "ja" and rows[1]["verantwortlich"] == "Stadt Test"
    assert "Inhalt zuletzt geändert am" in mini_site.text("daten/")
    links = {a["href"] for a in mini_site.html("daten/").find("article").find_all("a", href=True)}
    assert {"index.json", "massnahmen.json", "massnahmen.csv"} <= links
    # The documents come one file per year of their date (named in index.json, not linked one by one).
    assert [entry["datei"] for entry in index["dateien"] if entry["sammlung"] == "documents"] == ["dokumente-2017.json"]
    assert {entry["datei"] for entry in index["dateien"] if entry["sammlung"] != "documents"} <= links


def test_list_pages_name_the_sources_behind_them(mini_site: Build) -> None:
    # Each page of a split overview names the sources of what it shows: a type's organisations, the
    # people, a year's milestones (portal.archives).
    for url in ("", "initiativen/", "massnahmen/", "partner/art/stadt/", "partner/personen/", "zeitleiste/",
                "zeitleiste/2017/", "themen/flaechen/", "regionen/teststadt/"):
        links = [a["href"] for a in mini_site.html(url).select("#quellen ~ ul a")]
        assert any(link.endswith("quellen/pm-eins/") for link in links), url
        assert len(links) == len(set(links)), url


def test_measure_text_from_markdown_file_is_rendered_safely(mini_site: Build) -> None:
    article = mini_site.html("massnahmen/fertig/").find("article")
    assert article.find("strong", string="lange Text") is not None
    assert "<b>rohem HTML</b>" in article.get_text()  # raw HTML is shown as text, not interpreted
    assert article.find("b") is None


def test_press_item_names_its_measures_and_the_measure_lists_it(mini_site: Build) -> None:
    doc = mini_site.html("quellen/pm-eins/").find("article")
    assert doc.find("a", href="../../massnahmen/fertig/") is not None
    measure = mini_site.html("massnahmen/fertig/")
    press = measure.find("h2", id="presse")
    assert press is not None and "Pressemitteilung eins" in press.find_next("ul").get_text()


def test_every_generated_page_links_to_its_file_on_github(mini_site: Build) -> None:
    expected = {
        "massnahmen/fertig/": "data/measures/fertig.md",
        "massnahmen/glasfaser/": "data/measures/glasfaser.yaml",
        "initiativen/masterplan-test/": "data/initiatives/masterplan-test.yaml",
        "partner/stadt-test/": "data/organisations/stadt-test.yaml",
        "personen/erika-muster/": "data/people/erika-muster.yaml",
        "quellen/pm-eins/": "data/documents/pm-eins.md",
        "themen/flaechen/": "data/topics/flaechen.yaml",
        "initiativen/": "docs/initiativen/index.md",
    }
    for url, path in expected.items():
        link = mini_site.html(url).find("a", string="Datei auf GitHub bearbeiten")
        assert link is not None, url
        assert link["href"] == f"https://github.com/industrie-initiativen-nrw/portal/edit/main/{path}", url
    for url in DETAIL_PAGES:
        assert mini_site.html(url).find("a", string="Datei auf GitHub bearbeiten") is not None, url
    # Plain Markdown pages get Material's edit button instead.
    guide = mini_site.html("mitmachen/").find("a", class_="md-content__button")
    assert guide is not None and guide["href"].endswith("/edit/main/docs/mitmachen/index.md")


def test_readers_can_report_news_on_measures_and_initiatives(mini_site: Build) -> None:
    from urllib.parse import parse_qs, urlsplit
    for url, source in (("massnahmen/glasfaser/", "data/measures/glasfaser.yaml"),
                        ("initiativen/masterplan-test/", "data/initiatives/masterplan-test.yaml")):
        section = mini_site.html(url).select_one("section.portal-report")
        assert section is not None and section.find("h2", id="melden"), url
        issue = section.find("a", string="Auf GitHub melden")["href"]
        parts = urlsplit(issue)
        assert parts.path.endswith("/issues/new"), issue
        query = parse_qs(parts.query)
        assert query["title"][0].startswith("Neuigkeit oder Korrektur: ")
        assert f"Datei: {source}" in query["body"][0] and "Quelle (Link oder Dokument, mit Datum):" in query["body"][0]
        # The operator's e-mail is still a placeholder in the fixture's configuration: no mail link.
        assert not section.select("a[href^='mailto:']"), url
    # The overdue box points readers to the report section.
    overdue = mini_site.html("massnahmen/glasfaser/").find(class_="portal-overdue")
    assert overdue.find("a", href="#melden")
    assert mini_site.html("themen/flaechen/").select_one("section.portal-report") is None
