"""The shipped content, built with MkDocs: every record has its page, every seed fact is on the
site with its source, every internal link and anchor resolves."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, Build

from portal.urls import SECTIONS

DATA = ROOT / "data"


@pytest.mark.parametrize("collection", sorted(SECTIONS))
def test_every_record_has_a_page(real_site: Build, collection: str) -> None:
    folder = DATA / collection
    ids = [p.stem for p in folder.iterdir() if p.suffix in (".yaml", ".yml", ".md")]
    assert ids
    for record_id in ids:
        assert (real_site.site / SECTIONS[collection] / record_id / "index.html").is_file(), record_id


def internal_links(build: Build) -> list[tuple[Path, str]]:
    links = []
    for page in build.site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for a in soup.find_all("a", href=True):
            if not urlsplit(a["href"]).scheme and not a["href"].startswith("//"):
                links.append((page, a["href"]))
    return links


def test_every_internal_link_and_anchor_resolves(real_site: Build) -> None:
    ids_cache: dict[Path, set[str]] = {}
    broken = []
    links = internal_links(real_site)
    assert len(links) > 1000
    for page, href in links:
        # Absolute paths (only the 404 page uses them) start at the site root.
        base = "file://" + (real_site.site.as_posix() + "/" if href.startswith("/") else page.as_posix())
        target = urlsplit(urljoin(base, href.lstrip("/") if href.startswith("/") else href))
        path = Path(unquote(target.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            broken.append(f"{page.relative_to(real_site.site)}: {href}")
            continue
        if target.fragment:
            if path not in ids_cache:
                soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
                ids_cache[path] = {el["id"] for el in soup.find_all(id=True)}
            if unquote(target.fragment) not in ids_cache[path]:
                broken.append(f"{page.relative_to(real_site.site)}: {href} (Anker fehlt)")
    assert not broken, "\n".join(broken[:30])


def test_zukunftsdialog_lists_every_signatory(real_site: Build) -> None:
    text = real_site.text("initiativen/zukunftsdialog-industrie-nrw/")
    signatories = [
        "Mona Neubaur", "Ralf Stoffels", "Andreas Ehlert", "Arndt G. Kirchhoff", "Thomas Wessel", "Timo Berger",
        "Bernhard Osburg", "Ulrich Leidecker", "Berthold Schröder", "Michael Hagspihl", "Anja Weber", "Knut Giesler",
        "Frank Löllgen", "Lars Baumgürtel", "Daniela Jansen",
    ]
    for name in signatories:
        assert name in text, name
    assert "20. Januar 2023" in text and "2045" in text
    for org in ("IHK NRW", "HANDWERK.NRW", "Unternehmer NRW", "VCI NRW", "VDMA NRW", "Wirtschaftsvereinigung Stahl",
                "Bitkom", "DGB NRW", "IG Metall NRW", "IGBCE Nordrhein", "In|du|strie", "Zukunft durch Industrie"):
        assert org in text, org


def test_muelheim_facts_with_dates_as_vague_as_the_slides(real_site: Build) -> None:
    text = real_site.text("initiativen/staerkungsinitiative-industrie-muelheim/")
    for fact in ("16. März 2017", "Frühjahr 2018", "15 bis 20", "rund 18.000", "33", "Hochschule Ruhr West",
                 "Unternehmerverband Mülheimer Wirtschaft", "IG Metall"):
        assert fact in text, fact


def test_duisburg_working_groups_and_recommendations(real_site: Build) -> None:
    text = real_site.text("initiativen/masterplan-duisburg/")
    for group in ("Mittelstand und Gründung", "Infrastruktur, Umwelt und Energie", "Image und internationales Profil",
                  "Familienfreundlichkeit", "Bildung, Integration und Technologie"):
        assert group in text, group
    assert "Niederrheinische IHK" in text and "über 12 Prozent" in text
    soup = real_site.html("initiativen/masterplan-duisburg/")
    assert len(soup.select("#massnahmen ~ ul.portal-measures li")) == 15


def test_duesseldorf_master_plans_and_the_ruhr_agency(real_site: Build) -> None:
    mpi = real_site.text("initiativen/masterplan-industrie-duesseldorf/")
    for fact in ("Stephan Keller", "Andreas Schmitz", "Daniel Kleine", "nahezu 100.000", "33", "2016", "Steuerungskreis"):
        assert fact in mpi, fact
    assert "Datum nicht bekannt (zum Jahresauftakt" in mpi
    handwerk = real_site.text("initiativen/masterplan-handwerk-duesseldorf/")
    for fact in ("Handwerkerhöfe", "Erlebnis Handwerk", "EuroSkills 2027", "rund 800", "über 30"):
        assert fact in handwerk, fact
    ruhr = real_site.text("initiativen/wirtschaftsfoerderung-metropole-ruhr/")
    for fact in ("Udo Mager", "Wirtschaftsförderung Dortmund", "15", "EXPO REAL", "MIPIM"):
        assert fact in ruhr, fact


def test_past_deadlines_without_news_are_flagged(real_site: Build) -> None:
    overdue = {li.find("a").get_text() for li in real_site.html("").select("#zieltermin-verstrichen ~ ul li")}
    assert overdue, "the seeds hold measures with a 2020 or 2023 deadline and no completion"
    glasfaser = real_site.text("massnahmen/duisburg-breitband-glasfaser/")
    assert "Zieltermin verstrichen" in glasfaser
    euroskills = real_site.html("massnahmen/handwerk-euroskills-2027/")
    assert not euroskills.find(class_="portal-overdue")


def test_every_detail_page_lists_its_sources_and_stand(real_site: Build) -> None:
    for collection in ("initiatives", "measures", "organisations", "people"):
        for path in (DATA / collection).glob("*.yaml"):
            url = f"{SECTIONS[collection]}/{path.stem}/"
            soup = real_site.html(url)
            assert soup.find(id="quellen"), url
            assert soup.select("#quellen ~ ul a[href*='/quellen/']"), url
            assert "Stand der Daten:" in real_site.text(url), url


def test_each_seed_document_has_a_page_that_shows_what_rests_on_it(real_site: Build) -> None:
    for path in (DATA / "documents").glob("*.md"):
        soup = real_site.html(f"quellen/{path.stem}/")
        assert soup.find(id="belegt"), path.stem
        assert len(soup.select("#belegt ~ ul.portal-citations li")) >= 3, path.stem


def test_organisations_named_without_a_role_are_not_made_partners(real_site: Build) -> None:
    measure = real_site.html("massnahmen/muelheim-innovationszentrum-hrw/").find("dl", class_="portal-facts").get_text(" ")
    assert "Partner in den Quellen nicht genannt" in " ".join(measure.split())
    assert "Ebenfalls genannt Hochschule Ruhr West (die Quelle nennt keine Rolle)" in " ".join(measure.split())
    profile = real_site.text("partner/hochschule-ruhr-west/")
    assert "Innovationszentrum an der Hochschule Ruhr West (genannt, Rolle nicht angegeben)" in profile
