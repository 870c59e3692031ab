"""The legal pages follow from the operator's kind (extra.operator.kind, hooks/portal/legal.py): a public
body of NRW, a federal body, an association and a private person, each built with the mini content and
asserted on the rendered Impressum, Datenschutzerklärung and Erklärung zur Barrierefreiheit; and what
the deploy build (PORTAL_PUBLISH=1) demands of each kind, message by message."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import Build, builds, mini_project, run_build
from test_html_validity import VNU, is_material_toggle
from test_legal_pages import FILLED, OPERATOR_PAGES, notice, set_operator

from portal import legal

LAND = {
    "kind": "behoerde-land",
    "name": "Musterkammer Rhein-Ruhr",
    "legal_form": "Körperschaft des öffentlichen Rechts",
    "street": "Kammerplatz 1",
    "city": "40210 Düsseldorf",
    "representative": "Präsidentin Erika Muster und Hauptgeschäftsführer Max Muster",
    "email": "portal@example.org",
    "phone": "",
    "contact_form": "https://example.org/kontakt?thema=portal&quelle=impressum",
    "register": "",
    "vat_id": "",
    "supervisory_authority": "Ministerium für Wirtschaft des Landes Nordrhein-Westfalen",
    "editorial_name": "Erika Muster",
    "editorial_address": "Kammerplatz 1, 40210 Düsseldorf",
    "privacy_officer": "Datenschutzbeauftragte der Musterkammer",
    "privacy_officer_email": "datenschutz@example.org",
    "host_role": "auftragsverarbeitung",
    "host_log_retention": "höchstens 30 Tage",
}
KOMMUNE = {**LAND, "kind": "behoerde-kommune", "name": "Stadt Musterstadt",
           "legal_form": "Gebietskörperschaft des öffentlichen Rechts", "representative": "Oberbürgermeisterin Erika Muster"}
BUND = {**LAND, "kind": "behoerde-bund", "name": "Bundesamt für Musterwesen", "legal_form": "Bundesoberbehörde",
        "representative": "Präsident Max Muster", "phone": "0228 000000", "contact_form": "",
        "host_role": "eigenverantwortlich", "host_log_retention": ""}
VEREIN = {
    **{key: "" for key in LAND},
    "kind": "verein",
    "name": "Industrieforum Muster e. V.",
    "legal_form": "eingetragener Verein",
    "street": "Vereinsweg 2",
    "city": "45127 Essen",
    "representative": "Vorstand: Max Muster (Vorsitzender), Erika Muster",
    "email": "info@example.org",
    "phone": "0201 000000",
    "register": "Vereinsregister, Amtsgericht Essen, VR 1234",
    "editorial_name": "Max Muster",
    "editorial_address": "Vereinsweg 2, 45127 Essen",
    "host_role": "eigenverantwortlich",
}
UNTERNEHMEN = {**VEREIN, "kind": "unternehmen", "name": "Muster GmbH", "legal_form": "Gesellschaft mit beschränkter Haftung",
               "representative": "Geschäftsführerin Erika Muster", "register": "Handelsregister, Amtsgericht Essen, HRB 1"}

DSG_NRW = "Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit § 3 Datenschutzgesetz Nordrhein-Westfalen (DSG NRW)"
BDSG = "Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit § 3 Bundesdatenschutzgesetz (BDSG)"
PRIVATE_BASIS = "Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. f DSGVO"
LDI = "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW), Kavalleriestraße 2–4, 40213 Düsseldorf"


def build_with(tmp: Path, operator: dict[str, str]) -> Build:
    root = mini_project(tmp)
    set_operator(root / "mkdocs.yml", operator)
    build = run_build(root)
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
@builds(slow=True)  # four builds, about 4 s
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    """One site per kind of operator (the private person is test_legal_pages.filled_site's FILLED)."""
    return {name: build_with(tmp_path_factory.mktemp(name), operator)
            for name, operator in [("land", LAND), ("bund", BUND), ("verein", VEREIN), ("person", FILLED)]}


def terms(build: Build, url: str) -> dict[str, str]:
    """The first list of facts on a legal page (the operator's details), term to text."""
    facts = build.html(url).select_one("article dl.portal-operator-facts")
    return {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in facts.find_all("dt")}


# --- Every kind: complete, no placeholder left -----------------------------------------------------


@pytest.mark.parametrize("name", ["land", "bund", "verein", "person"])
def test_a_complete_operator_leaves_no_notice_and_no_placeholder(sites: dict[str, Build], name: str) -> None:
    for url in OPERATOR_PAGES:
        assert notice(sites[name], url) is None, url
        assert "[" not in sites[name].text(url), url


# --- Impressum: legal form, representative, second channel ------------------------------------------


def test_impressum_of_a_public_body(sites: dict[str, Build]) -> None:
    facts = terms(sites["land"], "impressum/")
    assert list(facts) == ["Rechtsform", "Vertreten durch", "E-Mail", "Kontaktformular", "Zuständige Aufsichtsbehörde"]
    assert facts["Rechtsform"] == LAND["legal_form"]
    assert facts["Vertreten durch"] == LAND["representative"]
    form = sites["land"].html("impressum/").select_one("article dd a[href^='https://example.org/kontakt']")
    assert form is not None and form["href"] == LAND["contact_form"]
    raw = (sites["land"].site / "impressum/index.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/kontakt?thema=portal&amp;quelle=impressum"' in raw
    assert list(terms(sites["bund"], "impressum/")) == ["Rechtsform", "Vertreten durch", "E-Mail", "Telefon",
                                                         "Zuständige Aufsichtsbehörde"]


def test_impressum_of_an_association_and_of_a_person(sites: dict[str, Build]) -> None:
    facts = terms(sites["verein"], "impressum/")
    assert list(facts) == ["Rechtsform", "Vertreten durch", "E-Mail", "Telefon", "Registereintrag"]
    assert facts["Rechtsform"] == "eingetragener Verein" and facts["Registereintrag"] == VEREIN["register"]
    # A private person has no legal form and no representative.
    assert list(terms(sites["person"], "impressum/")) == ["E-Mail", "Telefon"]


def test_impressum_speaks_of_paraphrases_not_quotes(sites: dict[str, Build]) -> None:
    text = sites["verein"].text("impressum/")
    assert "Zitat" not in text
    assert "Sinngemäß wiedergegeben, nicht im Wortlaut" in text
    assert "mit einem Link, wenn seine Web-Adresse bekannt ist" in text


# --- Datenschutzerklärung ------------------------------------------------------------------------


def test_privacy_statement_of_a_public_body_of_nrw(sites: dict[str, Build]) -> None:
    text = sites["land"].text("datenschutz/")
    # Hosting, messages and people in public roles: a public task, never legitimate interests.
    assert text.count(DSG_NRW) == 3
    assert PRIVATE_BASIS not in text
    # The data protection officer with contact details (Art. 37, Art. 13 (1) b).
    officer = sites["land"].html("datenschutz/").select_one("article dl.portal-privacy-officer")
    assert officer is not None
    assert LAND["privacy_officer"] in officer.get_text() and officer.find("a", href="mailto:datenschutz@example.org")
    # GitHub under a processing contract, the configured retention, the complaint to the LDI.
    assert "Auftragsverarbeitung nach Art. 28 DSGVO" in text and "nur nach unseren Weisungen" in text
    assert "Die Server-Protokolle speichert GitHub nach Angaben gegenüber uns höchstens 30 Tage." in text
    assert LDI in text and "Sie ist auch für uns zuständig." in text
    assert "BfDI" not in text


def test_privacy_statement_of_a_federal_body(sites: dict[str, Build]) -> None:
    text = sites["bund"].text("datenschutz/")
    assert text.count(BDSG) == 3
    assert PRIVATE_BASIS not in text and "DSG NRW" not in text
    assert "Bundesbeauftragte für den Datenschutz und die Informationsfreiheit (BfDI), Graurheindorfer Straße 153, " \
           "53117 Bonn" in text
    assert sites["bund"].html("datenschutz/").find("a", href="https://www.bfdi.bund.de")
    assert "Sie ist auch für uns zuständig." not in text
    # No processing contract: GitHub on its own terms; no retention given: what GitHub says, and the criteria.
    assert "haben wir mit GitHub nicht geschlossen" in text
    assert "Eine feste Frist, nach der die Server-Protokolle gelöscht werden, nennt GitHub nicht." in text
    assert "vom Zweck der Erhebung und von gesetzlichen Pflichten ab" in text


@pytest.mark.parametrize("name", ["verein", "person"])
def test_privacy_statement_of_a_private_operator(sites: dict[str, Build], name: str) -> None:
    text = sites[name].text("datenschutz/")
    assert text.count(PRIVATE_BASIS) == 3
    assert "Buchst. e DSGVO in Verbindung mit" not in text
    assert "Unser berechtigtes Interesse liegt darin, das Portal sicher, zuverlässig und ohne eigenen Serverbetrieb " \
           "bereitzustellen." in text
    assert "Eine Datenschutzbeauftragte oder einen Datenschutzbeauftragten haben wir nicht benannt." in text
    assert LDI in text and "Sie ist auch für uns zuständig." not in text


@pytest.mark.parametrize("name", ["land", "bund", "verein", "person"])
def test_privacy_statement_names_transfer_basis_rights_and_no_cookies(sites: dict[str, Build], name: str) -> None:
    text = sites[name].text("datenschutz/")
    for phrase in ["Angemessenheitsbeschluss der Europäischen Kommission vom 10. Juli 2023 zum EU-US-Datenschutzrahmen",
                   "Art. 45 DSGVO", "GitHub, Inc. gibt in seiner Datenschutzerklärung an, zertifiziert zu sein",
                   "Standardvertragsklauseln", "keine Cookies", "Art. 15 DSGVO", "Art. 21 DSGVO", "Art. 77 DSGVO",
                   "§ 25 Abs. 2 Nr. 2", "Solange Sie das Farbschema nicht selbst wechseln, speichert das Portal nichts"]:
        assert phrase in text, phrase
    soup = sites[name].html("datenschutz/")
    for href in ["https://www.dataprivacyframework.gov/list", "https://www.ldi.nrw.de",
                 "https://docs.github.com/en/site-policy/privacy-policies/github-general-privacy-statement"]:
        assert soup.find("a", href=href), href


# --- Erklärung zur Barrierefreiheit ---------------------------------------------------------------


def enforcement_links(build: Build) -> list[str]:
    section = build.section("barrierefreiheit/", "durchsetzungsverfahren")
    return sorted({a["href"] for element in section for a in element.find_all("a", href=True)})


def test_accessibility_statement_of_a_public_body_of_nrw(sites: dict[str, Build]) -> None:
    text = sites["land"].text("barrierefreiheit/")
    assert "Als öffentliche Stelle sind wir gesetzlich verpflichtet" in text
    assert "Behindertengleichstellungsgesetz Nordrhein-Westfalen (BGG NRW)" in text
    assert "Barrierefreie-Informationstechnik-Verordnung Nordrhein-Westfalen (BITV NRW)" in text
    assert enforcement_links(sites["land"]) == ["https://www.lbbp.nrw.de/ombudsstelle"]
    enforcement = " ".join(el.get_text(" ") for el in sites["land"].section("barrierefreiheit/", "durchsetzungsverfahren"))
    assert "Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen" in enforcement
    assert "keine gesetzliche Pflicht" not in text


def test_accessibility_statement_of_a_federal_body(sites: dict[str, Build]) -> None:
    text = sites["bund"].text("barrierefreiheit/")
    assert "gelten das Behindertengleichstellungsgesetz (BGG) und die Barrierefreie-Informationstechnik-Verordnung " \
           "(BITV 2.0)" in text
    assert "BGG NRW" not in text.split("Stand der Vereinbarkeit")[0]
    assert enforcement_links(sites["bund"]) == ["https://www.schlichtungsstelle-bgg.de"]
    assert "Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz (BGG)" in text


@pytest.mark.parametrize("name", ["verein", "person"])
def test_accessibility_statement_of_a_private_operator_is_voluntary(sites: dict[str, Build], name: str) -> None:
    text = sites[name].text("barrierefreiheit/")
    assert "Wir sind keine öffentliche Stelle; für dieses Portal besteht daher keine gesetzliche Pflicht" in text
    assert "Wir geben diese Erklärung freiwillig ab und halten uns an denselben Maßstab" in text
    assert "Als öffentliche Stelle" not in text
    assert enforcement_links(sites[name]) == []
    assert "Ein behördliches Durchsetzungsverfahren gibt es für dieses Portal nicht" in text


@pytest.mark.parametrize("name", ["land", "bund", "verein", "person"])
def test_accessibility_statement_names_the_sign_language_gap_and_every_channel(sites: dict[str, Build], name: str) -> None:
    build = sites[name]
    items = [li.get_text(" ", strip=True) for li in build.html("barrierefreiheit/").select("article li")]
    dgs = [item for item in items if item.startswith("Deutsche Gebärdensprache")]
    assert len(dgs) == 1 and "noch nicht" in dgs[0] and "§ 4 BITV 2.0" in dgs[0]
    sources = next(item for item in items if item.startswith("Quelldokumente"))
    assert "Eine Web-Adresse ist nicht bekannt" in sources and "anklicken" not in sources
    feedback = " ".join(el.get_text(" ") for el in build.section("barrierefreiheit/", "barrieren-melden-feedback-und-kontakt"))
    operator = {"land": LAND, "bund": BUND, "verein": VEREIN, "person": FILLED}[name]
    for key in ["email", "phone", "contact_form"]:
        if operator[key]:
            assert operator[key] in feedback, key


def test_headings_are_the_same_for_every_kind(sites: dict[str, Build]) -> None:
    for url in OPERATOR_PAGES:
        headings = {name: [h.get_text(strip=True) for h in build.html(url).find("article").find_all(["h2", "h3"])]
                    for name, build in sites.items()}
        assert len({tuple(h) for h in headings.values()}) == 1, (url, headings)


@pytest.mark.slow  # starts Java (the Nu HTML Checker)
def test_legal_pages_of_every_kind_are_valid_html(sites: dict[str, Build], tmp_path: Path) -> None:
    java = shutil.which("java")
    assert java and VNU.exists(), "Java und vnu.jar fehlen: scripts/test.sh richtet sie ein"
    pages = [build.site / url / "index.html" for build in sites.values() for url in OPERATOR_PAGES]
    proc = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
                          capture_output=True, text=True, timeout=300)
    problems = [m for m in json.loads(proc.stderr)["messages"] if not is_material_toggle(m)]
    assert problems == [], problems


# --- Escaping: no configured value reaches the page as markup ---------------------------------------

HOSTILE = {**VEREIN, **{key: f"{value} <b>fett</b>" for key, value in VEREIN.items()
                         if value and key not in ("kind", "email", "host_role")},
           "privacy_officer": "Datenschutz <i>kursiv</i>", "privacy_officer_email": "dsb@example.org",
           "contact_form": "javascript:alert(1)", "host_log_retention": "<script>alert(2)</script>"}


@pytest.mark.build
def test_every_configured_value_is_escaped(tmp_path: Path) -> None:
    build = build_with(tmp_path, HOSTILE)
    for url in OPERATOR_PAGES:
        raw = (build.site / url / "index.html").read_text(encoding="utf-8")
        article = raw[raw.index("<article"):raw.index("</article>")]
        assert "<b>fett" not in article and "<i>kursiv" not in article and "<script>alert" not in article, url
        assert "&lt;b&gt;fett&lt;/b&gt;" in article, url
        # A contact form that is not an https address is shown as text, never as a link.
        assert 'href="javascript:' not in article, url
        assert BeautifulSoup(article, "html.parser").find(string=lambda s: "javascript:alert(1)" in s), url


# --- What the deploy build demands of each kind -----------------------------------------------------

WHERE = "mkdocs.yml, extra: operator: "


@pytest.mark.parametrize("operator", [LAND, KOMMUNE, BUND, VEREIN, UNTERNEHMEN, FILLED],
                         ids=["land", "kommune", "bund", "verein", "unternehmen", "person"])
def test_complete_operators_pass(operator: dict[str, str]) -> None:
    assert legal.publish_problems(operator) == []
    assert legal.open_fields(operator) == []


@pytest.mark.parametrize("operator", [LAND, KOMMUNE, BUND], ids=["land", "kommune", "bund"])
def test_a_public_body_needs_representative_legal_form_and_data_protection_officer(operator: dict[str, str]) -> None:
    kind = operator["kind"]
    missing = {**operator, "legal_form": "", "representative": "", "privacy_officer": "", "privacy_officer_email": ""}
    assert legal.publish_problems(missing) == [
        f"{WHERE}legal_form (Rechtsform): fehlt – für einen Betreiber der Art '{kind}' nötig: § 5 Abs. 1 Nr. 1 DDG "
        "verlangt bei juristischen Personen und öffentlichen Stellen die Rechtsform; die Rechtsform, zum Beispiel "
        "„eingetragener Verein“, „GmbH“ oder „Körperschaft des öffentlichen Rechts“ eintragen",
        f"{WHERE}representative (Vertreten durch): fehlt – für einen Betreiber der Art '{kind}' nötig: § 5 Abs. 1 Nr. 1 "
        "DDG verlangt bei juristischen Personen und öffentlichen Stellen die vertretungsberechtigte Person; wer den "
        "Betreiber gesetzlich vertritt, mit Funktion, zum Beispiel „Oberbürgermeisterin Erika Muster“ oder „Vorstand: "
        "Max Muster (Vorsitzender)“ eintragen",
        f"{WHERE}privacy_officer (Datenschutzbeauftragte oder Datenschutzbeauftragter): fehlt – für einen Betreiber der "
        f"Art '{kind}' nötig: öffentliche Stellen müssen eine Datenschutzbeauftragte oder einen Datenschutzbeauftragten "
        "benennen (Art. 37 Abs. 1 Buchst. a DSGVO); Name oder Funktion, zum Beispiel „Behördliche "
        "Datenschutzbeauftragte der Stadt Musterstadt“ eintragen",
        f"{WHERE}privacy_officer_email (E-Mail-Adresse der oder des Datenschutzbeauftragten): fehlt – für einen "
        f"Betreiber der Art '{kind}' nötig: die Datenschutzerklärung muss sagen, wie die oder der "
        "Datenschutzbeauftragte zu erreichen ist (Art. 13 Abs. 1 Buchst. b DSGVO); die E-Mail-Adresse der oder des "
        "Datenschutzbeauftragten, zum Beispiel datenschutz@example.org eintragen",
    ]
    assert legal.open_fields(missing) == ["Rechtsform", "Vertreten durch",
                                          "Datenschutzbeauftragte oder Datenschutzbeauftragter",
                                          "E-Mail-Adresse der oder des Datenschutzbeauftragten"]
    # The register is not asked of a public body, nor its supervisory authority.
    assert legal.publish_problems({**operator, "register": "", "supervisory_authority": ""}) == []


@pytest.mark.parametrize("operator", [VEREIN, UNTERNEHMEN], ids=["verein", "unternehmen"])
def test_an_association_or_company_needs_representative_legal_form_and_register(operator: dict[str, str]) -> None:
    missing = {**operator, "legal_form": "", "representative": "", "register": ""}
    problems = legal.publish_problems(missing)
    assert [line.split(" (")[0] for line in problems] == [
        f"{WHERE}legal_form", f"{WHERE}representative", f"{WHERE}register"]
    assert f"Art '{operator['kind']}' nötig: § 5 Abs. 1 Nr. 4 DDG verlangt den Registereintrag; " in problems[2]
    assert "„nicht eingetragen“ eintragen" in problems[2]
    # No data protection officer is asked of a private operator; one that is named needs an address.
    assert legal.publish_problems({**operator, "privacy_officer": "Max Muster"}) == [
        f"{WHERE}privacy_officer_email (E-Mail-Adresse der oder des Datenschutzbeauftragten): fehlt – wer eine "
        "Datenschutzbeauftragte oder einen Datenschutzbeauftragten nennt, muss sagen, wie sie oder er zu erreichen ist "
        "(Art. 13 Abs. 1 Buchst. b DSGVO); die E-Mail-Adresse der oder des Datenschutzbeauftragten, zum Beispiel "
        "datenschutz@example.org eintragen"]


def test_a_private_person_needs_no_legal_form_and_no_representative() -> None:
    assert FILLED["legal_form"] == FILLED["representative"] == FILLED["register"] == ""
    assert legal.publish_problems(FILLED) == []


@pytest.mark.parametrize("operator", [LAND, BUND, VEREIN, FILLED], ids=["land", "bund", "verein", "person"])
def test_every_kind_needs_a_second_contact_channel(operator: dict[str, str]) -> None:
    only_mail = {**operator, "phone": "", "contact_form": ""}
    assert legal.publish_problems(only_mail) == [
        f"{WHERE}phone oder contact_form (Telefonnummer oder Kontaktformular): fehlt – neben der E-Mail-Adresse braucht "
        "das Impressum einen zweiten schnellen und unmittelbaren Kontaktweg (§ 5 Abs. 1 Nr. 2 DDG, EuGH C-298/07); eine "
        "Telefonnummer (phone) oder die Web-Adresse eines Kontaktformulars (contact_form) eintragen"]
    assert legal.open_fields(only_mail) == ["Telefonnummer oder Kontaktformular"]
    assert legal.publish_problems({**only_mail, "contact_form": "https://example.org/kontakt"}) == []
    assert legal.publish_problems({**only_mail, "phone": "+49 211 000000"}) == []


def test_old_and_mistyped_kinds_are_refused_with_what_to_write() -> None:
    assert legal.publish_problems({**LAND, "kind": "behoerde"}) == [
        f"{WHERE}kind (Art des Betreibers): 'behoerde' reicht nicht mehr aus, denn welches Datenschutz- und "
        "Barrierefreiheitsrecht gilt, hängt davon ab, zu wem die Stelle gehört – behoerde-land (öffentliche Stelle des "
        "Landes Nordrhein-Westfalen (Ministerium, Landesbehörde, Landesbetrieb, Kammer oder andere Körperschaft unter "
        "Landesaufsicht)), behoerde-kommune (Gemeinde, Stadt, Kreis oder andere kommunale Stelle in "
        "Nordrhein-Westfalen) oder behoerde-bund (öffentliche Stelle des Bundes) eintragen"]
    allowed = "eine von behoerde-land, behoerde-kommune, behoerde-bund, verein, unternehmen, person eintragen"
    assert legal.publish_problems({**VEREIN, "kind": "Verein"}) == [
        f"{WHERE}kind (Art des Betreibers): 'Verein' ist keine bekannte Art (gemeint ist vielleicht 'verein') – {allowed}"]
    assert legal.publish_problems({**VEREIN, "kind": "firma"}) == [
        f"{WHERE}kind (Art des Betreibers): 'firma' ist keine bekannte Art – {allowed}"]
    assert legal.operator_kind({"kind": "behoerde"}) is None


def test_fields_with_a_fixed_set_of_values_are_judged_at_every_build() -> None:
    """kind and host_role: the typed configuration (hooks/portal_config.py, tests/test_config.py) refuses
    any other value at every build; empty values and placeholders are left to the publish gate."""
    assert legal.CHOICES == ("kind", "host_role")
    for key, allowed in [("kind", legal.KINDS), ("host_role", legal.HOST_ROLES)]:
        for value in [*allowed, "", "  ", "[eintragen]", " [eintragen] "]:
            assert legal.choice_problem(key, value) is None, (key, value)
    assert legal.choice_problem("kind", "firma") == (
        "'firma' ist keine bekannte Art – eine von behoerde-land, behoerde-kommune, behoerde-bund, verein, unternehmen, "
        "person eintragen")
    assert legal.choice_problem("host_role", "github") == (
        "'github' ist kein erlaubter Wert – eigenverantwortlich (kein Vertrag über eine Auftragsverarbeitung mit GitHub) "
        "oder auftragsverarbeitung (Vertrag nach Art. 28 DSGVO mit GitHub geschlossen) eintragen")
    # Free text is judged only when publishing.
    assert legal.choice_problem("email", "info(at)example.org") is None


def test_malformed_values_are_named_with_what_to_write() -> None:
    wrong = {**VEREIN, "email": "info(at)example.org", "phone": "bitte anrufen", "contact_form": "www.example.org/kontakt",
             "host_role": "github"}
    assert legal.publish_problems(wrong) == [
        f"{WHERE}email (E-Mail-Adresse): 'info(at)example.org' ist keine E-Mail-Adresse – eine E-Mail-Adresse, die "
        "gelesen wird, zum Beispiel redaktion@example.org eintragen",
        f"{WHERE}phone (Telefonnummer): 'bitte anrufen' ist keine Telefonnummer – eine Telefonnummer mit Vorwahl, zum "
        "Beispiel 0211 123456 eintragen",
        f"{WHERE}contact_form (Kontaktformular): 'www.example.org/kontakt' ist keine vollständige Web-Adresse – die "
        "Adresse des Formulars mit https:// vorn eintragen",
        f"{WHERE}host_role (Rolle von GitHub beim Hosting): 'github' ist kein erlaubter Wert – eigenverantwortlich (kein "
        "Vertrag über eine Auftragsverarbeitung mit GitHub) oder auftragsverarbeitung (Vertrag nach Art. 28 DSGVO mit "
        "GitHub geschlossen) eintragen",
    ]


def test_kinds_carry_the_law_that_follows_from_them() -> None:
    kinds = legal.KINDS
    assert list(kinds) == ["behoerde-land", "behoerde-kommune", "behoerde-bund", "verein", "unternehmen", "person"]
    for key in ["behoerde-land", "behoerde-kommune"]:
        assert kinds[key].public and kinds[key].nrw
        assert kinds[key].privacy_law == legal.DSG_NRW
        assert kinds[key].accessibility_laws == (legal.BGG_NRW, legal.BITV_NRW)
        assert kinds[key].enforcement == legal.OMBUDSSTELLE_NRW and kinds[key].privacy_authority == legal.LDI_NRW
    bund = kinds["behoerde-bund"]
    assert bund.public and not bund.nrw and bund.privacy_law == legal.BDSG
    assert bund.accessibility_laws == (legal.BGG, legal.BITV_2) and bund.enforcement == legal.SCHLICHTUNGSSTELLE_BGG
    for key in ["verein", "unternehmen", "person"]:
        assert not kinds[key].public and kinds[key].privacy_law is None and kinds[key].accessibility_laws == ()
        assert kinds[key].enforcement is None


@pytest.mark.parametrize("operator, line", [
    ({**LAND, "privacy_officer": ""}, "privacy_officer (Datenschutzbeauftragte oder Datenschutzbeauftragter): fehlt"),
    ({**VEREIN, "register": ""}, "register (Registereintrag): fehlt"),
], ids=["land-ohne-dsb", "verein-ohne-register"])
@pytest.mark.build
def test_the_deploy_build_refuses_what_the_kind_lacks(tmp_path: Path, operator: dict[str, str], line: str) -> None:
    root = mini_project(tmp_path)
    set_operator(root / "mkdocs.yml", operator)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PORTAL_PUBLISH", "1")
        build = run_build(root)
    assert build.returncode != 0
    assert "Die Website wird nicht veröffentlicht" in build.output
    assert WHERE + line in build.output
    assert "Traceback" not in build.output
