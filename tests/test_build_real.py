"""The shipped content, built with MkDocs and the real date: what must hold for ANY valid content.

Editors change data/ every week; nothing here names a record or a fact of today's content. The
expectations come from the content itself, read with the portal's own domain (the catalog): every
published record has its page, every participant, working group, milestone and measure of an
initiative is on its page, overdue flags agree with the dates, every page names its sources, and every
internal link and anchor resolves. Behaviour (how overdue is decided, escaping, vague dates) is
tested on fixtures with a fixed date (test_build_mini.py, test_corpus.py).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, Build

from portal.catalog import Catalog
from portal.check import load_valid
from portal.evidence import configured_years
from portal.model import Initiative, Measure
from portal.urls import SECTIONS, url_for

DATA = ROOT / "data"


def configured_stale_years(config: Path = ROOT / "mkdocs.yml") -> int:
    """The stale period the build uses (extra.stale_after_years), read as MkDocs reads it."""
    found = re.search(r"^  stale_after_years: *(\S+)", config.read_text(encoding="utf-8"), re.M)
    return configured_years(int(found.group(1)) if found else None)


def shipped_catalog(data: Path = DATA, today: dt.date | None = None, config: Path = ROOT / "mkdocs.yml") -> Catalog:
    """The content under ``data`` as the build sees it on ``today`` (default: the real date)."""
    today = today or dt.date.today()
    loaded, problems = load_valid(data, today)
    assert not problems, problems.report()
    return Catalog(loaded.records, today, stale_years=configured_stale_years(config))


@pytest.fixture(scope="module")
def catalog(real_site: Build) -> Catalog:
    return shipped_catalog()


def check_every_published_record_has_a_page(site: Build, catalog: Catalog) -> None:
    for collection in SECTIONS:
        ids = catalog.records[collection]
        for record_id in ids:
            assert (site.site / url_for(collection, record_id) / "index.html").is_file(), (collection, record_id)
    # Drafts and items dated after today stay off the site.
    for record_id in catalog.withheld:
        assert not (site.site / url_for("documents", record_id)).exists(), record_id


def test_every_published_record_has_a_page(real_site: Build, catalog: Catalog) -> None:
    assert catalog.initiatives and catalog.measures and catalog.documents, "Inhalte ohne Initiativen sind kein Portal"
    check_every_published_record_has_a_page(real_site, catalog)


def internal_links(build: Build) -> list[tuple[Path, str]]:
    links = []
    for page in build.site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for a in soup.find_all("a", href=True):
            if not urlsplit(a["href"]).scheme and not a["href"].startswith("//"):
                links.append((page, a["href"]))
    return links


def check_every_internal_link_and_anchor_resolves(build: Build) -> None:
    ids_cache: dict[Path, set[str]] = {}
    broken = []
    links = internal_links(build)
    assert links
    for page, href in links:
        # Absolute paths (only the 404 page uses them) start at the site root.
        base = "file://" + (build.site.as_posix() + "/" if href.startswith("/") else page.as_posix())
        target = urlsplit(urljoin(base, href.lstrip("/") if href.startswith("/") else href))
        path = Path(unquote(target.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            broken.append(f"{page.relative_to(build.site)}: {href}")
            continue
        if target.fragment:
            if path not in ids_cache:
                soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
                ids_cache[path] = {el["id"] for el in soup.find_all(id=True)}
            if unquote(target.fragment) not in ids_cache[path]:
                broken.append(f"{page.relative_to(build.site)}: {href} (Anker fehlt)")
    assert not broken, "\n".join(broken[:30])


@pytest.mark.slow
def test_every_internal_link_and_anchor_resolves(real_site: Build) -> None:
    check_every_internal_link_and_anchor_resolves(real_site)


def check_initiative_pages_show_all_their_parts(site: Build, catalog: Catalog) -> None:
    for initiative_id, initiative in catalog.initiatives.items():
        assert isinstance(initiative, Initiative)
        url = url_for("initiatives", initiative_id)
        text = site.text(url)
        expected = [initiative.title, *(g.name for g in initiative.working_groups), *(b.name for b in initiative.bodies),
                    *(m.title for m in initiative.milestones), *(k.label for k in initiative.key_figures)]
        for participant in initiative.participants:
            expected.append(catalog.name("organisations", participant.organisation) if participant.organisation
                            else participant.group or "")
        for name in expected:
            assert " ".join(name.split()) in text, (url, name)
        listed = site.html(url).select("#massnahmen ~ ul.portal-measures li")
        assert len(listed) == len(catalog.measures_of(initiative_id)), url


def test_initiative_pages_show_all_their_parts(real_site: Build, catalog: Catalog) -> None:
    check_initiative_pages_show_all_their_parts(real_site, catalog)


def check_overdue_flags_follow_the_dates(site: Build, catalog: Catalog) -> None:
    for measure_id in catalog.measures:
        page = site.html(url_for("measures", measure_id))
        assert bool(page.find(class_="portal-overdue")) == catalog.is_overdue(measure_id), measure_id
    def listed(url: str, selector: str) -> list[str]:
        links = [urljoin("/" + url, a["href"]) for a in site.html(url).select(selector)]
        return [found.group(1) for href in links if (found := re.search(r"massnahmen/([a-z0-9-]+)/$", href))]

    # The start page shows the first few (it stays small), the static list every one.
    assert listed("", "#zieltermin-verstrichen ~ ul.portal-measures li a[href]") == catalog.overdue_ids()[:5]
    assert listed("massnahmen/verstrichen/", "ul.portal-measures > li > a[href]") == catalog.overdue_ids()


def test_overdue_flags_follow_the_dates(real_site: Build, catalog: Catalog) -> None:
    check_overdue_flags_follow_the_dates(real_site, catalog)


def check_measure_pages_name_owner_partners_and_mentions(site: Build, catalog: Catalog) -> None:
    for measure_id, measure in catalog.measures.items():
        assert isinstance(measure, Measure)
        facts = " ".join(site.html(url_for("measures", measure_id)).find("dl", class_="portal-facts").get_text(" ").split())
        for org in [measure.owner, *measure.partners, *measure.mentioned]:
            if org:
                assert catalog.name("organisations", org) in facts, (measure_id, org)
        if measure.mentioned:
            assert "(die Quelle nennt keine Rolle)" in facts, measure_id
        if not measure.partners:  # folded with the other facts no source gives
            folded = site.html(url_for("measures", measure_id)).find("dd", class_="portal-open")
            assert folded is not None and "Partner" in folded.get_text(), measure_id


def test_measure_pages_name_owner_partners_and_mentions(real_site: Build, catalog: Catalog) -> None:
    check_measure_pages_name_owner_partners_and_mentions(real_site, catalog)


def check_every_detail_page_lists_its_sources_and_stand(site: Build, catalog: Catalog) -> None:
    for collection in ("initiatives", "measures", "organisations", "people"):
        for record_id, record in catalog.records[collection].items():
            url = url_for(collection, record_id)
            soup = site.html(url)
            cited = catalog.sources_of(record)
            assert cited and soup.find(id="quellen"), url
            linked = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in soup.select("#quellen ~ ul a[href*='/quellen/']")}
            assert linked == set(cited), url
            assert "Inhalt zuletzt geändert am" in site.text(url), url


@pytest.mark.slow
def test_every_detail_page_lists_its_sources_and_stand(real_site: Build, catalog: Catalog) -> None:
    check_every_detail_page_lists_its_sources_and_stand(real_site, catalog)


def check_document_pages_show_what_rests_on_them(site: Build, catalog: Catalog) -> None:
    for document_id in catalog.documents:
        soup = site.html(url_for("documents", document_id))
        citations = catalog.citations.get(document_id, [])
        if citations:
            assert soup.find(id="belegt"), document_id
            assert len(soup.select("#belegt ~ ul.portal-citations > li")) == len(citations), document_id


def test_document_pages_show_what_rests_on_them(real_site: Build, catalog: Catalog) -> None:
    check_document_pages_show_what_rests_on_them(real_site, catalog)


def check_person_pages_show_their_public_roles(site: Build, catalog: Catalog) -> None:
    for person_id, person in catalog.people.items():
        text = site.text(url_for("people", person_id))
        for role in person.roles:
            assert " ".join(role.role.split()) in text and catalog.name("organisations", role.organisation) in text, person_id


def test_person_pages_show_their_public_roles(real_site: Build, catalog: Catalog) -> None:
    check_person_pages_show_their_public_roles(real_site, catalog)


def check_every_status_says_how_old_its_source_is(site: Build, catalog: Catalog) -> None:
    """Each status tag links to its definition; each status on a profile names its source's age;
    "läuft" only stands on a dated source within the stale period; no list claims to be complete
    unless the source says it is."""
    method = site.html("methode/")
    for collection in ("initiatives", "measures"):
        for record_id in catalog.records[collection]:
            url = url_for(collection, record_id)
            soup = site.html(url)
            status = soup.select_one(".portal-facts a.portal-status")
            assert status is not None, url
            anchor = status["href"].rsplit("#", 1)[-1]
            assert method.find(id=anchor), (url, anchor)
            facts = " ".join(soup.select_one(".portal-facts").get_text(" ").split())
            assert "Quelle vom" in facts or "Quelle undatiert" in facts or "undatierter Quelle" in facts, url
            if catalog.is_stale(collection, record_id):
                assert soup.select_one(".portal-facts .portal-status--stale"), url
            if collection == "initiatives":
                state = catalog.initiative_state(record_id)
                assert status.get_text() == state.label, url
                if state.key == "laufend":
                    assert state.evidence.date is not None and not catalog.is_stale("initiatives", record_id), url
                listed = catalog.initiatives[record_id].measures_listed
                if not (listed and listed.scope == "vollstaendig"):
                    assert not re.search(r"\bAlle \d+ Maßnahmen", site.text(url)), url


def test_every_status_says_how_old_its_source_is(real_site: Build, catalog: Catalog) -> None:
    check_every_status_says_how_old_its_source_is(real_site, catalog)


# Every check above, for the editor's-week test (tests/test_editors_week.py) to run on its build.
CONTENT_CHECKS = [
    check_every_published_record_has_a_page,
    check_initiative_pages_show_all_their_parts,
    check_overdue_flags_follow_the_dates,
    check_measure_pages_name_owner_partners_and_mentions,
    check_every_detail_page_lists_its_sources_and_stand,
    check_document_pages_show_what_rests_on_them,
    check_person_pages_show_their_public_roles,
    check_every_status_says_how_old_its_source_is,
]
