"""The search index (issue 13): Pagefind indexes every page's article in German, with the meta and
filters the search dialog reads (the contract in ``hooks/portal/search.py``), generated German
keywords, and a ranking in which the expected page comes first for German queries.

The queries and the planted content are in ``tests/search_queries.py`` (shared with the dialog's
tests). The ranking is asserted with Pagefind's own JavaScript in Chromium, on a page of the built
site (its Content-Security-Policy included); the index's contents are read in Python
(``tests/pagefind_index.py``)."""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import Build, GuardedPages, builds, mini_variant
from pagefind_index import fragments
from playwright.sync_api import Page
from search_queries import GUIDE_QUERIES, QUERIES, planted_search_site
from sitetools import serve
from test_preview import Preview, _get, _wait_for

from portal import search_terms
from portal.search import CONTENT, HELP, HELP_WEIGHT, OVERVIEW_WEIGHT, SearchIndexError, index_languages, index_site
from portal.search_meta import search_entry

HELP_PAGES = {"mitmachen/", "methode/", "impressum/", "datenschutz/", "barrierefreiheit/", "leichte-sprache/"}


def generated_lists(site: Path) -> set[str]:
    """The generated pages of the measure lists (facets by topic and region, pages 2, 3, … of a list):
    they stay out of the search, because they repeat what the measures' own pages say
    (overrides/measures-selection.html). Found as the list pages without a search entry."""
    found = set()
    for page in site.glob("massnahmen/**/index.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        if soup.select_one("p.portal-selection-count") and not soup.select_one("[data-pagefind-body]"):
            found.add(page.relative_to(site).parent.as_posix() + "/")
    return found


# --- German keywords (portal.search_terms) --------------------------------------------------------

VOCAB = search_terms.vocabulary(["Gewerbe Industrie Flächen Arbeit Markt Handwerker Höfe Wirt Test Land"])


@pytest.mark.parametrize(("word", "part"), [
    ("Gewerbeflächen", "flächen"),
    ("Industrieflächen", "flächen"),
    ("Arbeitsmarkt", "markt"),  # with the linking "s"
    ("Handwerkerhöfe", "höfe"),
    ("Wirtschaft", None),  # "schaft" is no word of the content
    ("Flächen", None),  # too short to be a compound of two words of four letters
    ("Bauflächen", None),  # "Bau" has three letters
])
def test_compounds_split_into_words_of_the_content(word: str, part: str | None) -> None:
    assert search_terms.head(word, VOCAB) == part


def test_a_coordination_gives_the_compound_it_abbreviates() -> None:
    assert search_terms.coordinations("Gewerbe- und Industrieflächen, Arbeits- oder Testland", VOCAB) == [
        "gewerbeflächen", "arbeitsland"]
    assert search_terms.coordinations("Gewerbe und Industrieflächen", VOCAB) == []  # no hyphen, no coordination


def test_keywords_are_new_words_once_each_with_short_names() -> None:
    text = "Gewerbe- und Industrieflächen, Gewerbeflächen und mehr Industrieflächen"
    assert search_terms.keywords(text, VOCAB, ["IHK", "ihk", ""]) == ["flächen", "ihk"]


def test_the_vocabulary_holds_words_of_four_letters_and_more() -> None:
    assert search_terms.vocabulary(["Der Bau der Höfe, 2027"]) == frozenset({"höfe"})


# --- What each page tells the index (portal.search_meta) ------------------------------------------

def test_search_entries_of_every_kind_of_page(catalog: Any) -> None:
    measure = search_entry(catalog, "measures", "glasfaser", "")
    assert (measure.art, measure.bereich, measure.initiatives) == ("Maßnahme", CONTENT, ["Masterplan Test"])
    assert (measure.status, measure.status_label) == ("beschlossen", "beschlossen")
    assert measure.regions == ["Teststadt", "Testland"] and measure.topics == ["Flächen"]
    assert "MPT" in measure.short_names
    initiative = search_entry(catalog, "initiatives", "masterplan-test", "")
    state = catalog.initiative_state("masterplan-test")
    assert (initiative.art, initiative.status) == ("Initiative", state.key)
    assert initiative.filters().count(("region", "Testland")) == 1
    assert search_entry(catalog, "documents", "pm-eins", "").art == "Pressemitteilung"
    assert search_entry(catalog, "organisations", "stadt-test", "").initiatives == ["Masterplan Test"]
    assert search_entry(catalog, "topics", "flaechen", "").art == "Thema"
    assert search_entry(catalog, None, None, "mitmachen/index.md").bereich == HELP
    assert search_entry(catalog, None, None, "impressum.md").art == "Rechtliches"
    overview = search_entry(catalog, None, None, "massnahmen/index.md")
    assert (overview.art, overview.bereich, overview.meta()) == ("Übersicht", CONTENT, [("art", "Übersicht")])


# --- Indexing (portal.search) ---------------------------------------------------------------------

def _page(folder: Path, lang: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(f'<!doctype html><html lang="{lang}"><head><title>t</title></head>'
                                       f"<body><article data-pagefind-body><h1>{text}</h1></article></body></html>",
                                       encoding="utf-8")


def test_an_index_that_is_not_german_is_refused(tmp_path: Path) -> None:
    _page(tmp_path / "a", "en", "Search")
    with pytest.raises(SearchIndexError, match="Der Suchindex ist nicht deutsch.*'en'"):
        index_site(tmp_path)


def test_a_site_without_pages_fails_in_german(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match="Der Suchindex \\(Pagefind\\) konnte nicht erstellt werden"):
        index_site(tmp_path)


def test_a_german_site_is_indexed(tmp_path: Path) -> None:
    _page(tmp_path / "a", "de", "Fachkräfte")
    index_site(tmp_path)
    assert index_languages(tmp_path) == ["de"]
    assert (tmp_path / "pagefind" / "pagefind.js").exists()


class _Config(dict[str, Any]):
    """What on_post_build reads of MkDocs' config: site_dir, strict and the portal's keys."""

    def __init__(self, site_dir: Path, **keys: Any) -> None:
        super().__init__(keys)
        self.site_dir = str(site_dir)
        self.strict = False


def test_a_failing_index_stops_a_build_but_not_the_preview(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    import portal_hooks
    from mkdocs.exceptions import PluginError

    from portal.publish import Staging
    # The preview (no staging folder): an empty site cannot be indexed. caplog's handler goes on the
    # hook's own logger: MkDocs' command line (imported in-process by other tests) stops its loggers
    # from propagating to the root logger, where caplog listens by default.
    portal_hooks.log.addHandler(caplog.handler)
    try:
        portal_hooks.on_post_build(_Config(tmp_path))  # type: ignore[arg-type]
    finally:
        portal_hooks.log.removeHandler(caplog.handler)
    assert "Die Vorschau läuft ohne aktuellen Suchindex weiter" in caplog.text
    staging = Staging(tmp_path / "site")
    staging.folder.mkdir()
    with pytest.raises(PluginError, match="Die Suche konnte nicht indiziert werden"):
        portal_hooks.on_post_build(_Config(staging.folder, **{portal_hooks.STAGING_KEY: staging}))  # type: ignore[arg-type]
    assert not (tmp_path / "site").exists()  # nothing was published


# --- The planted site's index ----------------------------------------------------------------------

@pytest.fixture(scope="module")
@builds
def search_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The mini content with the planted search content (tests/search_queries.py), built."""
    build = planted_search_site(tmp_path_factory.mktemp("search"))
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def indexed(search_site: Build) -> dict[str, dict[str, Any]]:
    return fragments(search_site.site)


def test_every_page_is_indexed_in_german_but_the_404_page(search_site: Build, indexed: dict[str, dict[str, Any]]) -> None:
    assert index_languages(search_site.site) == ["de"]
    pages = {p.relative_to(search_site.site).parent.as_posix() + "/" for p in search_site.site.rglob("index.html")}
    lists = generated_lists(search_site.site)
    # The mini content's facets: its topic and both regions; every other page is indexed.
    assert lists == {"massnahmen/thema/flaechen/", "massnahmen/region/land/", "massnahmen/region/teststadt/"}
    assert set(indexed) == {"" if page == "./" else page for page in pages} - lists
    assert not BeautifulSoup((search_site.site / "404.html").read_text(encoding="utf-8"), "html.parser").select("[data-pagefind-body]")
    assert not (search_site.site / "search").exists()  # Material's lunr index is gone


def test_the_shipped_site_is_indexed_page_by_page(real_site: Build) -> None:
    # Holds for any valid content: every page but the 404 page, German, each with its kind and area,
    # record pages with their record's title.
    indexed = fragments(real_site.site)
    assert index_languages(real_site.site) == ["de"]
    pages = {p.relative_to(real_site.site).parent.as_posix() + "/" for p in real_site.site.rglob("index.html")}
    lists = generated_lists(real_site.site)
    assert all(url.startswith(("massnahmen/thema/", "massnahmen/region/", "massnahmen/seite/")) or url[-2:-1].isdigit()
               for url in lists), lists
    assert set(indexed) == {"" if page == "./" else page for page in pages} - lists
    for url, page in indexed.items():
        assert page["meta"]["art"] and page["filters"]["bereich"] == [HELP if url in HELP_PAGES else CONTENT], url
        assert page["meta"]["title"] == real_site.html(url).find("h1").get_text(" ", strip=True), url


@pytest.mark.parametrize("url", ["", "massnahmen/glasfaser/", "mitmachen/", "impressum/"])
def test_only_the_article_is_indexed(search_site: Build, indexed: dict[str, dict[str, Any]], url: str) -> None:
    soup = search_site.html(url)
    assert [element.name for element in soup.select("[data-pagefind-body]")] == ["article"]
    assert soup.html["lang"] == "de"
    content = indexed[url]["content"]
    for outside in soup.select("header, nav, footer, .md-sidebar"):
        # Words of the header, the navigation and the footer are not in the index unless the article has them too.
        article = search_site.text(url)
        missing = [w for w in outside.get_text(" ").split() if len(w) > 5 and w in content and w not in article]
        assert missing == [], (url, missing)


def test_meta_and_filters_follow_the_contract(indexed: dict[str, dict[str, Any]]) -> None:
    measure = indexed["massnahmen/glasfaser/"]
    assert {k: v for k, v in measure["meta"].items() if k != "stichwoerter"} == {
        "title": "Glasfaser bis 2020", "art": "Maßnahme", "initiative": "Masterplan Test",
        "status": "beschlossen", "status_label": "beschlossen"}
    assert measure["filters"] == {"art": ["Maßnahme"], "bereich": ["Inhalte"], "initiative": ["Masterplan Test"],
                                  "region": ["Teststadt", "Testland"], "status": ["beschlossen"], "thema": ["Flächen"]}
    letter = indexed["quellen/letter-of-intent/"]
    assert letter["meta"]["art"] == "Absichtserklärung (Letter of Intent)"
    assert letter["filters"]["initiative"] == ["Masterplan Test"]
    assert indexed["initiativen/masterplan-test/"]["meta"]["status_label"] == "Stand unklar"  # a source of 2017
    assert indexed["regionen/muelheim/"]["filters"]["region"] == ["Mülheim an der Ruhr", "Testland"]
    assert indexed["partner/ihk-duesseldorf/"]["meta"]["art"] == "Partner"
    for url, page in indexed.items():
        expected = HELP if url in HELP_PAGES else CONTENT
        assert page["filters"]["bereich"] == [expected], url
        assert page["meta"]["art"], url


def test_keywords_are_indexed_and_never_shown(search_site: Build, indexed: dict[str, dict[str, Any]]) -> None:
    topic = indexed["themen/gewerbe-industrieflaechen/"]
    assert "gewerbeflächen" in topic["meta"]["stichwoerter"].split()
    assert "gewerbeflächen" not in topic["content"].lower()  # result excerpts come from the content
    for url in indexed:
        soup = search_site.html(url)
        for element in soup.select("[data-pagefind-meta], [data-pagefind-filter]"):
            assert element.find_parent(attrs={"hidden": True, "data-pagefind-ignore": True}), (url, element)


def test_record_titles_count_most_and_help_pages_least(search_site: Build) -> None:
    for url in ("massnahmen/glasfaser/", "initiativen/masterplan-test/", "themen/flaechen/", "quellen/pm-eins/"):
        assert search_site.html(url).find("h1")["data-pagefind-weight"] == "10", url
    assert search_site.html("mitmachen/").find("article")["data-pagefind-weight"] == HELP_WEIGHT
    assert search_site.html("impressum/").find("article")["data-pagefind-weight"] == HELP_WEIGHT
    assert search_site.html("massnahmen/").find("article")["data-pagefind-weight"] == OVERVIEW_WEIGHT
    assert not search_site.html("massnahmen/glasfaser/").find("article").has_attr("data-pagefind-weight")


@pytest.mark.build
def test_a_build_whose_index_is_not_german_fails_and_keeps_the_old_site(tmp_path: Path) -> None:
    build = mini_variant(tmp_path, config=lambda text: text.replace("language: de", "language: en", 1))
    assert build.returncode != 0
    assert "Der Suchindex ist nicht deutsch" in build.output
    assert "Die Suche konnte nicht indiziert werden" in build.output
    assert not build.site.exists()


# --- German queries in Chromium --------------------------------------------------------------------

SEARCH_JS = """async ([query, filters]) => {
  const pagefind = await import("/pagefind/pagefind.js");
  const search = await pagefind.search(query, filters ? {filters} : {});
  const pages = await Promise.all(search.results.map(r => r.data()));
  return pages.map(p => p.url);
}"""


@pytest.fixture(scope="module")
def served_search(search_site: Build) -> Iterator[str]:
    with serve(search_site.site) as url:
        yield url


def _search(page: Page, query: str, filters: dict[str, str] | None = None) -> list[str]:
    """Site-relative addresses of the results, best first."""
    return [url.lstrip("/") for url in page.evaluate(SEARCH_JS, [query, filters])]


@pytest.fixture()
def search_page(guarded_pages: GuardedPages, served_search: str) -> Page:
    """A page of the built site (its Content-Security-Policy applies) from which Pagefind runs."""
    page = guarded_pages.open(served_search)
    page.goto(served_search + "massnahmen/")
    return page


@pytest.mark.parametrize(("query", "path", "top_n"), QUERIES, ids=[q for q, _, _ in QUERIES])
def test_german_queries_find_the_expected_page(search_page: Page, query: str, path: str, top_n: int) -> None:
    results = _search(search_page, query, {"bereich": CONTENT})
    assert path in results[:top_n], f"{query!r}: {path} nicht unter den ersten {top_n}: {results[:top_n]}"


@pytest.mark.parametrize(("query", "path"), GUIDE_QUERIES, ids=[q for q, _ in GUIDE_QUERIES])
def test_the_guide_never_outranks_the_content(search_page: Page, query: str, path: str) -> None:
    results = _search(search_page, query)
    assert "mitmachen/" in results, f"{query!r}: the guide should contain the word, or the case proves nothing"
    assert results[0] not in HELP_PAGES, results
    assert results.index(path) < results.index("mitmachen/"), results


def test_screen_readers_and_readers_never_meet_the_keywords(guarded_pages: GuardedPages, served_search: str,
                                                            indexed: dict[str, dict[str, Any]]) -> None:
    page = guarded_pages.open(served_search)
    page.goto(served_search + "themen/gewerbe-industrieflaechen/")
    keywords = indexed["themen/gewerbe-industrieflaechen/"]["meta"]["stichwoerter"]
    article = page.locator("article")
    spoken = article.aria_snapshot()  # what the accessibility tree offers screen readers
    assert "gewerbeflächen" not in spoken.lower() and keywords not in spoken
    assert "gewerbeflächen" not in article.inner_text().lower()  # nor shown
    assert page.locator("article [data-pagefind-meta], article [data-pagefind-filter]").first.is_hidden()


def test_the_search_requests_only_its_own_files(search_page: Page, guarded_pages: GuardedPages) -> None:
    search_page.wait_for_load_state("networkidle")
    loaded: list[str] = []
    search_page.on("request", lambda request: loaded.append(request.url))
    assert _search(search_page, "Breitband")
    assert any(url.endswith(".pf_index") for url in loaded) and any(url.endswith(".pf_fragment") for url in loaded)
    assert all("/pagefind/" in url for url in loaded), loaded  # guarded_pages fails on any other host


# --- The live preview re-indexes on every rebuild --------------------------------------------------

@pytest.mark.slow
@pytest.mark.build
def test_the_preview_index_follows_edits(tmp_path: Path) -> None:
    from conftest import mini_project
    preview = Preview(mini_project(tmp_path))
    try:
        def pages() -> int:
            status, text = _get(preview.url("pagefind/pagefind-entry.json"))
            return json.loads(text)["languages"]["de"]["page_count"] if status == 200 else 0
        _wait_for(lambda: pages() > 0, "the first index")
        before = pages()
        (preview.root / "data" / "topics" / "neu.yaml").write_text("name: Neues Thema\n", encoding="utf-8")
        _wait_for(lambda: pages() == before + 1, "the index after an edit")
        assert "Neues Thema" in html.unescape(preview.page("themen/neu/"))
    finally:
        preview.process.terminate()
        preview.process.wait(timeout=20)
