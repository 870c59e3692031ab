"""The page "Offene Daten" /daten/ (docs/daten/index.md, overrides/data.html, portal.data_page).

It lists the files the build wrote and links nothing else, explains "Stand" in both meanings, shows
the licence with the exact attribution text and what it does not cover, suggests a citation, and
links the portal's feeds and the calendar. What depends on the build (the licence, the holder, the
site's address, the reference date, the tables) comes from the build: a variant with another licence,
holder and address shows those.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import Build, builds, mini_variant, squash

from portal import tables
from portal.records_json import COLLECTION_FILES
from portal.licensing import LICENSES, THIRD_PARTY, terms

URL = "daten/"
ADDRESS = "https://daten.example.org/portal/"


def section(soup: BeautifulSoup, heading_id: str) -> str:
    """The text from the heading with ``heading_id`` up to the next heading of its level."""
    heading = soup.find(id=heading_id)
    assert heading is not None, heading_id
    parts = [heading.get_text(" ")]
    for sibling in heading.find_next_siblings():
        if isinstance(sibling, Tag) and sibling.name == heading.name:
            break
        parts.append(sibling.get_text(" "))
    return squash(" ".join(parts))


def local_links(site: Path, soup: BeautifulSoup) -> list[tuple[str, Path]]:
    """The article's links within the site, each with the file it resolves to."""
    found = []
    for link in soup.select("article a[href]"):
        href = link["href"]
        parts = urlsplit(href)
        if parts.scheme or href.startswith("#"):
            continue
        path = unquote(urlsplit(urljoin(URL, href)).path)
        target = site / path
        found.append((href, target / "index.html" if path.endswith("/") or target.is_dir() else target))
    return found


def check_links(build: Build) -> list[str]:
    soup = build.html(URL)
    links = local_links(build.site, soup)
    missing = [href for href, target in links if not target.is_file()]
    assert not missing, f"/daten/ links files the build did not write: {missing}"
    return [href for href, _ in links]


@pytest.fixture(scope="module")
def page(mini_site: Build) -> BeautifulSoup:
    return mini_site.html(URL)


def test_links_only_files_that_exist_and_every_json_file_of_the_index(mini_site: Build) -> None:
    hrefs = check_links(mini_site)
    index = json.loads((mini_site.site / "daten" / "index.json").read_text(encoding="utf-8"))
    for entry in index["dateien"]:
        assert entry["datei"] in hrefs, entry["datei"]
    for name in ("index.json", "massnahmen.csv", "felder/"):
        assert name in hrefs, name


@pytest.mark.build
def test_the_real_site_links_only_files_that_exist(real_site: Build) -> None:
    check_links(real_site)
    assert real_site.html(URL).find(id="lizenz") is not None


def test_outputs_to_come_are_listed_only_once_written(mini_site: Build, page: BeautifulSoup) -> None:
    text = squash(page.find("article").get_text(" "))
    for table in tables.TABLES:
        if (mini_site.site / tables.TABLE_DIR / f"{table.name}.csv").exists():
            assert f"{table.name}.csv" in text
    package = (mini_site.site / tables.DATAPACKAGE_PATH).exists()
    assert ("datapackage.json" in text) == package
    popolo = (mini_site.site / "daten" / "popolo.json").exists()
    assert ("Die Popolo-Datei gibt es in dieser Ausgabe des Portals noch nicht" in text) != popolo
    catalogue = (mini_site.site / "daten" / "katalog.ttl").exists()
    assert ("Den Katalog gibt es in dieser Ausgabe des Portals noch nicht" in text) != catalogue
    per_record = (mini_site.site / "daten" / "massnahmen" / "glasfaser.json").exists()
    patterns = [table for table in page.select("article table")
                if table.caption.get_text().startswith("Einzeldateien je Sammlung")]
    assert len(patterns) == per_record
    if per_record:
        cells = [row.find("td").get_text() for row in patterns[0].select("tbody tr")]
        assert cells == [f"{stem}/<id>.json" for stem in COLLECTION_FILES.values()]
    assert ("Einzeldateien je Eintrag gibt es in dieser Ausgabe des Portals noch nicht" in text) != per_record
    assert "GovData" in section(page, "katalog") and "Open.NRW" in section(page, "katalog")


def test_stand_in_both_meanings_and_the_reference_date(mini_site: Build, page: BeautifulSoup) -> None:
    stand = section(page, "stand")
    for word in ("stichtag", "inhalt_geaendert", "neueste_quelle_vom", "status_quelle_vom", "Frühjahr 2018", "unbekannt"):
        assert word in stand, word
    assert "nur so belastbar wie seine Quelle" in stand
    # The day the files were made, from the build: the same as the files' own stichtag.
    stichtag = json.loads((mini_site.site / "daten" / "index.json").read_text(encoding="utf-8"))["stichtag"]
    times = [tag["datetime"] for tag in page.find(id="stand").find_all_next("time") if tag.find_parent("article")]
    assert times[0] == stichtag


def test_feeds_and_calendars_are_linked(mini_site: Build, page: BeautifulSoup) -> None:
    follow = page.find(id="abonnieren")
    links = {a["href"]: a.get("type") for a in follow.find_all_next("a") if a.find_parent("ul", class_="portal-data-follow")}
    assert links == {"../neu/feed.xml": "application/atom+xml", "../presse/feed.xml": "application/atom+xml",
                     "../zeitleiste/kalender.ics": "text/calendar"}
    assert "eigenen Feed" in section(page, "abonnieren")


def test_licence_attribution_and_what_it_does_not_cover(page: BeautifulSoup) -> None:
    licence = LICENSES["cc-by-4.0"]
    text = section(page, "lizenz")
    assert licence.name in text and squash(THIRD_PARTY) in text and "mkdocs.yml" in text
    link = page.find(id="lizenz").find_next("a", rel="license")
    assert link["href"] == licence.url
    expected = terms("cc-by-4.0", "", "[Name des Betreibers eintragen]", "Industrie-Initiativen NRW").attribution("")
    assert page.select_one(".portal-attribution code").get_text() == expected
    for choice in LICENSES.values():
        assert choice.name in text
    citation = page.select_one(".portal-citation code").get_text()
    # The mini build's fixed date, no address locally; the reader fills in the day of retrieval.
    assert citation == "Industrie-Initiativen NRW – Offene Daten, Stichtag 22.11.2026, abgerufen am [Datum des Abrufs]. Lizenz: CC BY 4.0."


@pytest.fixture(scope="module")
@builds
def configured(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The mini site published at an address, under the Datenlizenz Deutschland naming "Stadt Test"."""
    def config(text: str) -> str:
        text = text.replace('site_url: !ENV [SITE_URL, ""]', f"site_url: {ADDRESS}", 1)
        return text.replace('    id: cc-by-4.0\n    holder: ""\n', '    id: dl-de-by-2.0\n    holder: "Stadt Test"\n', 1)
    build = mini_variant(tmp_path_factory.mktemp("configured"), config=config)
    assert build.returncode == 0, build.output
    return build


def test_a_configured_licence_holder_and_address_are_shown(configured: Build) -> None:
    soup = configured.html(URL)
    licence = LICENSES["dl-de-by-2.0"]
    text = section(soup, "lizenz")
    assert licence.name in text
    assert soup.find(id="lizenz").find_next("a", rel="license")["href"] == licence.url
    attribution = soup.select_one(".portal-attribution code").get_text()
    assert attribution == f"Stadt Test: Industrie-Initiativen NRW, {ADDRESS}, Lizenz: dl-de/by-2-0 ({licence.url})"
    citation = soup.select_one(".portal-citation code").get_text()
    assert citation.startswith("Stadt Test: Industrie-Initiativen NRW – Offene Daten, Stichtag ")
    assert f", {ADDRESS}daten/, abgerufen am" in citation and "dl-de/by-2-0" in citation
    check_links(configured)
