"""Legal and service pages: Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache, the 404 page,
and the footer that links them from every page."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import material
import pytest
import yaml
from bs4 import BeautifulSoup, SoupStrainer
from conftest import ROOT, Build, builds, mini_project, run_build

from portal import legal

LEGAL = {"impressum/": "Impressum", "datenschutz/": "Datenschutz", "barrierefreiheit/": "Barrierefreiheit",
         "leichte-sprache/": "Leichte Sprache"}
OPERATOR_PAGES = ["impressum/", "datenschutz/", "barrierefreiheit/"]
MATERIAL = Path(material.__file__).parent / "templates"  # the installed package, wherever it is


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving its !ENV tags."""


_Loader.add_constructor("!ENV", lambda loader, node: None)


def shipped_operator() -> dict[str, str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    return config["extra"]["operator"]


def resolve(site: Path, page: Path, href: str) -> Path:
    """The file a link on ``page`` leads to; absolute paths start at the site root (as on the 404 page)."""
    base = "file://" + (site.as_posix() + "/" if href.startswith("/") else page.as_posix())
    path = Path(unquote(urlsplit(urljoin(base, href.lstrip("/") if href.startswith("/") else href)).path))
    return path / "index.html" if path.is_dir() else path


def text_of(build: Build, url: str) -> str:
    return " ".join(build.html(url).find("article").get_text(" ").split())


def notice(build: Build, url: str) -> list[str] | None:
    """The labels listed in the placeholder notice, or None without a notice."""
    box = build.html(url).select_one(".portal-placeholder-notice")
    return [li.get_text(strip=True) for li in box.find_all("li")] if box else None


# --- Footer -----------------------------------------------------------------------------------------


def test_every_page_footer_links_the_four_legal_pages(real_site: Build) -> None:
    pages = [p for p in real_site.site.rglob("*.html") if "<html" in p.read_text(encoding="utf-8")[:500]]
    assert len(pages) > 100
    assert real_site.site / "404.html" in pages
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser",
                             parse_only=SoupStrainer("footer"))
        nav = soup.select_one("footer .md-copyright nav.portal-legal")
        assert nav is not None and nav.get("aria-label"), page
        links = {a.get_text(strip=True): a["href"] for a in nav.find_all("a", href=True)}
        assert sorted(links) == sorted(LEGAL.values()), page
        for url, title in LEGAL.items():
            assert resolve(real_site.site, page, links[title]) == real_site.site / url / "index.html", (page, title)
        # Material's attribution stays.
        assert "Material for MkDocs" in soup.get_text(), page


def test_legal_pages_stay_out_of_the_navigation(real_site: Build) -> None:
    soup = real_site.html("")
    navigation = " ".join(nav.get_text(" ") for nav in soup.select("nav.md-tabs, nav.md-nav--primary"))
    for title in ["Impressum", "Datenschutz", "Barrierefreiheit", "Leichte Sprache"]:
        assert title not in navigation
    for url in LEGAL:
        assert (real_site.site / url / "index.html").is_file()


# --- Impressum --------------------------------------------------------------------------------------


def test_impressum_shows_the_operator_and_the_placeholder_notice(real_site: Build) -> None:
    text = text_of(real_site, "impressum/")
    assert real_site.html("impressum/").find("h1").get_text(strip=True) == "Impressum"
    assert "§ 5 Digitale-Dienste-Gesetz (DDG)" in text
    assert "§ 18 Absatz 2 Medienstaatsvertrag (MStV)" in text
    operator = shipped_operator()
    for key in ["name", "street", "city", "email", "editorial_name", "editorial_address"]:
        assert operator[key] and operator[key] in text, key
    for key in ["legal_form", "representative", "phone", "contact_form", "register", "vat_id", "supervisory_authority"]:
        if operator.get(key):
            assert operator[key] in text, key
    open_fields = legal.open_fields(operator)
    for url in OPERATOR_PAGES:
        assert notice(real_site, url) == (open_fields or None), url


def test_shipped_operator_values_are_marked_placeholders_not_invented_data() -> None:
    operator = shipped_operator()
    assert set(operator) == {field.key for field in legal.FIELDS}
    assert all(legal.is_placeholder(value) for value in operator.values())


def test_open_fields_and_build_message() -> None:
    assert legal.is_placeholder(" [Name eintragen] ")
    assert not legal.is_placeholder("Stadt Musterstadt")
    assert not legal.is_placeholder(None)
    filled = {field.key: ("" if not field.required else "x") for field in legal.FIELDS} | {"phone": "0211 1"}
    assert legal.open_fields(filled) == []
    assert legal.open_fields_message(filled) is None
    assert legal.open_fields({**filled, "name": "", "vat_id": "[USt-IdNr. eintragen]"}) == [
        "Name des Betreibers", "Umsatzsteuer-Identifikationsnummer"]
    # Without a kind only what every operator needs, and the second contact channel.
    assert legal.open_fields(None) == [field.label for field in legal.FIELDS if field.required] + [legal.SECOND_CHANNEL]
    # What the kind requires counts too.
    assert legal.open_fields({**filled, "kind": "verein"}) == ["Rechtsform", "Vertreten durch", "Registereintrag"]
    message = legal.open_fields_message({})
    assert message and "extra: operator:" in message and "Name des Betreibers" in message


# --- Datenschutz ------------------------------------------------------------------------------------


def test_privacy_statement_names_host_cookies_storage_and_authority(real_site: Build) -> None:
    text = text_of(real_site, "datenschutz/")
    operator = shipped_operator()
    assert operator["name"] in text and operator["email"] in text
    for phrase in ["GitHub Pages", "GitHub, Inc.", "Microsoft", "IP-Adresse", "Art. 45 DSGVO", "10. Juli 2023",
                   "keine Cookies", "kein Tracking", "Keine Seite lädt etwas von einem anderen Server",
                   "localStorage", "sessionStorage", "§ 25 Abs. 2 Nr. 2",
                   "Art. 15 DSGVO", "Art. 21 DSGVO", "Art. 77 DSGVO",
                   "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW)",
                   "Kavalleriestraße 2–4, 40213 Düsseldorf"]:
        assert phrase in text, phrase
    keys = [code.get_text() for code in real_site.html("datenschutz/").select("article td code")]
    # Built without site_url, Material's __md_scope is the site root "/".
    assert keys == ["/.__palette"]
    link = real_site.html("datenschutz/").find("a", href=re.compile(r"^https://docs\.github\.com/"))
    assert link is not None
    # The shipped kind is a placeholder: the legal basis says where it comes from instead of guessing.
    assert "Rechtsgrundlage: [ergibt sich aus der Art des Betreibers" in text
    assert "Rechtsgrundlage ist Art. 6" not in text


def test_material_stores_nothing_but_the_palette_on_this_site(real_site: Build) -> None:
    """Every key Material can store, and the page markers that switch each one on: only __palette is
    active here. A Material update that stores something new fails this test: then update the
    privacy statement."""
    bundle = next((MATERIAL / "assets/javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    partials = " ".join(p.read_text(encoding="utf-8") for p in (MATERIAL / "partials/javascripts").glob("*.html"))
    written = set(re.findall(r'__md_set\("(__\w+)"', bundle + partials))
    assert written == {"__announce", "__consent", "__outdated", "__palette", "__source", "__tabs"}
    assert "document.cookie" not in bundle + partials
    html = "".join(p.read_text(encoding="utf-8") for p in [real_site.site / "index.html",
                                                            real_site.site / "datenschutz/index.html"])
    assert 'data-md-component="palette"' in html                  # __palette
    for marker in ['class="md-banner__button', 'data-md-component="consent"',  # __announce, __consent
                   'data-md-component="outdated"', 'data-md-component="source"',  # __outdated, __source
                   '"content.tabs.link"']:                                         # __tabs
        assert marker not in html, marker


# What the browser really stores on every page type is checked in tests/test_privacy.py.


def test_accessibility_statement_has_status_limits_feedback_and_enforcement(real_site: Build) -> None:
    soup = real_site.html("barrierefreiheit/")
    headings = [h.get_text(strip=True) for h in soup.find("article").find_all("h2")]
    assert headings == ["Stand der Vereinbarkeit mit den Anforderungen", "Nicht barrierefreie Inhalte",
                        "Erstellung dieser Erklärung", "Barrieren melden: Feedback und Kontakt",
                        "Durchsetzungsverfahren"]
    text = text_of(real_site, "barrierefreiheit/")
    for phrase in ["teilweise vereinbar", "WCAG", "BITV NRW", "BITV 2.0", "22. November 2026", "30. November 2026",
                   "Selbstbewertung", "axe-core", "Nu HTML Checker", "Tastatur", "Deutscher Gebärdensprache (DGS)",
                   "Eine Web-Adresse ist nicht bekannt"]:
        assert phrase in text, phrase
    # Which law applies and who enforces it follow from the kind (tests/test_legal_kinds.py); the
    # shipped placeholder kind says so.
    assert "Welche Vorschriften für dieses Portal gelten: [ergibt sich aus der Art des Betreibers" in text
    feedback = real_site.section("barrierefreiheit/", "barrieren-melden-feedback-und-kontakt")
    assert shipped_operator()["email"] in " ".join(el.get_text(" ") for el in feedback)


def test_easy_language_page_explains_and_links_the_sections(real_site: Build) -> None:
    soup = real_site.html("leichte-sprache/")
    assert soup.find("html")["lang"] == "de"
    assert soup.find("h1").get_text(strip=True) == "Leichte Sprache"
    assert soup.select_one("article .portal-easy")
    page = real_site.site / "leichte-sprache/index.html"
    targets = {resolve(real_site.site, page, a["href"]).relative_to(real_site.site).as_posix()
               for a in soup.find("article").find_all("a", href=True)}
    for section in ["initiativen", "massnahmen", "partner", "zeitleiste", "presse", "impressum", "datenschutz",
                    "barrierefreiheit"]:
        assert f"{section}/index.html" in targets, section
    text = text_of(real_site, "leichte-sprache/")
    assert "Suche" in text and "Nordrhein-Westfalen" in text
    # Leichte Sprache writes words out: no "z. B.", "bzw.", "usw.".
    assert not re.search(r"\b(z\. ?B\.|bzw\.|usw\.|d\. ?h\.)", text)
    # Sources can be clicked only where their address is known (review row 34), and the page explains
    # the accessibility statement, sign language gap included.
    assert "Sie können die Quelle anklicken" not in text
    assert "Oft kennen wir die Internet-Adresse nicht. Dann steht dort: Eine Web-Adresse ist nicht bekannt." in text
    assert "Es gibt noch keinen Film in Gebärden-Sprache." in text


def test_no_legal_page_claims_that_every_source_can_be_clicked(real_site: Build) -> None:
    """Review row 34: most sources have no known web address."""
    for url in LEGAL:
        text = text_of(real_site, url)
        for claim in ["Quelle anklicken", "liegen auf den Websites", "vor allem auf die Quellen", "Zitate"]:
            assert claim not in text, (url, claim)


# --- 404 --------------------------------------------------------------------------------------------


def test_404_page_is_german_and_its_links_work_from_any_depth(real_site: Build) -> None:
    page = real_site.site / "404.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.find("h1").get_text(strip=True) == "Seite nicht gefunden"
    links = {a.get_text(strip=True): a["href"] for a in soup.find("article").find_all("a", href=True)}
    assert {"Startseite", "Initiativen", "Maßnahmen", "Partner", "Zeitleiste", "Presse"} <= set(links)
    for title, href in links.items():
        # Absolute, so they work wherever GitHub Pages serves the page.
        assert href.startswith("/"), (title, href)
        assert resolve(real_site.site, page, href).is_file(), (title, href)
    assert "Suche" in soup.find("article").get_text()


# --- Filled-in operator, a site in a subfolder, escaping ---------------------------------------------

FILLED = {
    "kind": "person",
    "name": 'Betreiber <script>alert("x")</script> & Co.',
    "legal_form": "",
    "street": "Musterweg 1",
    "city": "12345 Musterstadt",
    "representative": "",
    "email": "kontakt@example.org",
    "phone": "0000 000000",
    "contact_form": "",
    "register": "",
    "vat_id": "",
    "supervisory_authority": "",
    "editorial_name": "Erika <b>Muster</b>",
    "editorial_address": "Musterweg 1, 12345 Musterstadt",
    "privacy_officer": "",
    "privacy_officer_email": "",
    "host_role": "eigenverantwortlich",
    "host_log_retention": "",
}


def set_operator(config: Path, values: dict[str, str]) -> None:
    """Replace the ``operator:`` block of a copied mkdocs.yml (JSON strings are valid YAML)."""
    lines = config.read_text(encoding="utf-8").splitlines()
    start = lines.index("  operator:") + 1
    end = start
    while end < len(lines) and lines[end].startswith("    "):
        end += 1
    lines[start:end] = [f"    {key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values.items()]
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
@builds
def filled_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = mini_project(tmp_path_factory.mktemp("legal"))
    set_operator(root / "mkdocs.yml", FILLED)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", "https://example.org/portal/")
        build = run_build(root)
    assert build.returncode == 0, build.output
    return build


def test_operator_values_are_escaped(filled_site: Build) -> None:
    for url in OPERATOR_PAGES:
        raw = (filled_site.site / url / "index.html").read_text(encoding="utf-8")
        assert "<script>alert" not in raw and "<b>Muster" not in raw, url
        assert "&lt;script&gt;alert" in raw, url
        assert FILLED["name"] in text_of(filled_site, url), url
    assert FILLED["editorial_name"] in text_of(filled_site, "impressum/")


def test_filled_operator_has_no_notice_and_leaves_out_empty_fields(filled_site: Build) -> None:
    for url in OPERATOR_PAGES:
        assert notice(filled_site, url) is None, url
        assert "[" not in text_of(filled_site, url), url
    soup = filled_site.html("impressum/")
    terms = [dt.get_text(strip=True) for dt in soup.find("article").find_all("dt")]
    assert terms == ["E-Mail", "Telefon"]
    assert soup.find("a", href="mailto:kontakt@example.org")


def test_site_in_a_subfolder_gets_absolute_404_links_and_its_storage_key(filled_site: Build) -> None:
    soup = BeautifulSoup((filled_site.site / "404.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = [a["href"] for a in soup.find("article").find_all("a", href=True)]
    hrefs += [a["href"] for a in soup.select("nav.portal-legal a")]
    assert hrefs and all(href.startswith("/portal/") for href in hrefs)
    assert "/portal/impressum/" in hrefs
    keys = [code.get_text() for code in filled_site.html("datenschutz/").select("article td code")]
    assert keys == ["/portal/.__palette"]


# --- No deployment without an operator (PORTAL_PUBLISH=1, set by the deploy job) --------------------


def test_publish_problems_name_every_open_field_and_what_the_kind_requires() -> None:
    lines = legal.publish_problems(shipped_operator())
    assert len(lines) == len(legal.FIELDS)  # the shipped configuration is all placeholders
    assert lines[0].startswith("mkdocs.yml, extra: operator: kind (Art des Betreibers): steht noch der Platzhalter")
    assert legal.publish_problems(FILLED) == []
    # What each kind requires, and old or mistyped kinds: tests/test_legal_kinds.py.
    assert legal.publish_problems({**FILLED, "name": ""}) == [
        "mkdocs.yml, extra: operator: name (Name des Betreibers): fehlt – ist Pflicht; den vollständigen Namen des "
        "Betreibers eintragen"]
    assert legal.publish_problems({**FILLED, "vat_id": "[USt-IdNr. eintragen oder leeren]"}) == [
        "mkdocs.yml, extra: operator: vat_id (Umsatzsteuer-Identifikationsnummer): steht noch der Platzhalter "
        "[USt-IdNr. eintragen oder leeren] – den echten Wert eintragen oder, wenn es nicht zutrifft, leer lassen: \"\""]


@pytest.mark.build
@pytest.mark.parametrize("filled", [False, True])
def test_the_deploy_build_refuses_placeholders(tmp_path: Path, filled: bool) -> None:
    root = mini_project(tmp_path)
    if filled:
        set_operator(root / "mkdocs.yml", FILLED)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PORTAL_PUBLISH", "1")
        build = run_build(root)
    if filled:
        assert build.returncode == 0, build.output
        return
    assert build.returncode != 0
    assert "Die Website wird nicht veröffentlicht" in build.output
    assert "mkdocs.yml, extra: operator: email (E-Mail-Adresse): steht noch der Platzhalter" in build.output
    assert "Traceback" not in build.output
    assert not (root / "site").exists()


def test_reports_go_by_mail_once_the_operator_has_an_address(filled_site: Build) -> None:
    from urllib.parse import unquote
    link = filled_site.html("massnahmen/glasfaser/").select_one("section.portal-report a[href^='mailto:']")
    assert link is not None and link.get_text() == "Per E-Mail an die Redaktion"
    address, _, query = link["href"].partition("?")
    assert address == "mailto:kontakt@example.org"
    assert "subject=Neuigkeit%20oder%20Korrektur%3A%20Glasfaser%20bis%202020" in query
    assert "Adresse: https://example.org/portal/massnahmen/glasfaser/" in unquote(query)
