"""The portal's settings under ``extra:`` in mkdocs.yml as typed MkDocs configuration
(``hooks/portal_config.py``): the shipped configuration passes and reaches the portal unchanged; every
wrong setting is named in German with its place, the key path, what is wrong and what to write
instead, all at once; the theme's keys under ``extra`` pass; a real build with wrong settings stops
before writing anything."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import material
import pytest
from conftest import ROOT, mini_project, run_build
from mkdocs.config import load_config
from mkdocs.utils.yaml import yaml_load
from portal_config import (
    EXAMPLE_REPOSITORY,
    MATERIAL_KEYS,
    EditConfig,
    OperatorConfig,
    PortalSettings,
    SettingsError,
    load_settings,
)
from test_legal_kinds import HOSTILE, LAND, VEREIN
from test_legal_pages import FILLED, shipped_operator

from portal import legal
from portal.evidence import DEFAULT_STALE_YEARS

OP = "mkdocs.yml: extra: operator: "


def problems(extra: dict[str, Any], path: str | None = None) -> list[str]:
    """The lines the build would log for ``extra`` ([] when it passes)."""
    try:
        load_settings(extra, path)
    except SettingsError as error:
        return error.lines
    return []


def one(extra: dict[str, Any]) -> str:
    found = problems(extra)
    assert len(found) == 1, found
    return found[0]


def with_operator(**values: Any) -> dict[str, Any]:
    return {"operator": {**shipped_operator(), **values}}


# --- The shipped configuration --------------------------------------------------------------------


def test_the_shipped_configuration_passes_and_reaches_the_portal_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PORTAL_REPOSITORY", raising=False)
    monkeypatch.delenv("PORTAL_BRANCH", raising=False)
    config = load_config(str(ROOT / "mkdocs.yml"))  # as MkDocs reads it, !ENV resolved
    settings, notes = load_settings(config.extra, config.config_file_path)
    assert notes == []
    assert isinstance(settings, PortalSettings)
    assert settings.stale_after_years == 2
    assert settings.edit_links() == {"repository": EXAMPLE_REPOSITORY, "branch": "main"}
    assert isinstance(settings.edit, EditConfig) and settings.edit.repository == EXAMPLE_REPOSITORY
    assert isinstance(settings.operator, OperatorConfig)
    assert dict(settings.operator_values()) == dict(config.extra["operator"]) == shipped_operator()
    # Placeholders pass the check; the publish gate still refuses every one of them.
    assert len(legal.publish_problems(settings.operator_values())) == len(legal.FIELDS)


def test_the_workflows_repository_and_branch_come_through(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTAL_REPOSITORY", "https://github.com/beispiel/portal")
    monkeypatch.setenv("PORTAL_BRANCH", "vorschau")
    config = load_config(str(ROOT / "mkdocs.yml"))
    settings, _ = load_settings(config.extra, config.config_file_path)
    assert settings.edit_links() == {"repository": "https://github.com/beispiel/portal", "branch": "vorschau"}


def test_the_operator_settings_are_the_fields_legal_knows_in_its_order() -> None:
    assert [key for key, _ in OperatorConfig._schema] == [field.key for field in legal.FIELDS]
    assert OperatorConfig.labels == {field.key: field.label for field in legal.FIELDS}


@pytest.mark.parametrize("operator", [FILLED, LAND, VEREIN, HOSTILE], ids=["person", "land", "verein", "hostile"])
def test_valid_operators_pass_unchanged_and_unescaped(operator: dict[str, str]) -> None:
    """The configuration neither trims nor escapes: the templates escape (tests/test_legal_kinds.py)."""
    settings, notes = load_settings({"operator": operator}, None)
    assert notes == [] and dict(settings.operator_values()) == operator
    assert legal.page_context(settings.operator_values()) == legal.page_context(operator)


def test_what_is_left_out_gets_the_defaults_the_portal_had() -> None:
    settings, notes = load_settings({}, None)
    assert notes == []
    assert settings.stale_after_years == DEFAULT_STALE_YEARS
    assert settings.edit_links() == {"repository": "", "branch": "main"}  # no edit or report links
    assert dict(settings.operator_values()) == {field.key: "" for field in legal.FIELDS}
    # Keys with nothing after the colon, and empty sections, are left out too.
    settings, _ = load_settings({"stale_after_years": None, "edit": None, "operator": {"name": None, "email": ""}}, None)
    assert settings.stale_after_years == DEFAULT_STALE_YEARS and settings.edit.branch == "main"
    assert settings.operator.name == "" and settings.operator.email == ""
    assert load_settings({"stale_after_years": 10}, None)[0].stale_after_years == 10


@pytest.mark.parametrize("kind", ["", "[Art eintragen: verein oder person]", *legal.KINDS])
def test_every_kind_and_placeholders_pass(kind: str) -> None:
    assert problems(with_operator(kind=kind, host_role="[eintragen]")) == []
    assert problems(with_operator(kind=kind, host_role="auftragsverarbeitung")) == []


# --- The theme's keys under extra -------------------------------------------------------------------


def test_materials_own_keys_are_what_its_templates_read() -> None:
    templates = Path(material.__file__).parent / "templates"
    read = set()
    for path in templates.rglob("*.html"):
        read |= set(re.findall(r"config\.extra\.(\w+)", path.read_text(encoding="utf-8")))
    assert read == MATERIAL_KEYS


def test_the_themes_keys_and_others_pass_unchecked() -> None:
    extra = {"social": [{"icon": "fontawesome/brands/github", "link": "https://github.com/x"}],
             "analytics": {"provider": "custom"}, "consent": {"title": "Cookies"}, "generator": False,
             "version": {"provider": "mike"}, "tags": {"Thema": "thema"}, "status": {"neu": "Neu"},
             "homepage": "https://example.org", "eigenes_feld": [1, 2], "stale": 3}
    settings, notes = load_settings({**extra, **with_operator()}, None)
    assert notes == []
    assert settings.stale_after_years == DEFAULT_STALE_YEARS


@pytest.mark.parametrize("key, meant", [("stale_after_year", "stale_after_years"), ("Operator", "operator"),
                                        ("edits", "edit")])
def test_a_near_miss_of_a_portal_setting_is_a_warning(key: str, meant: str) -> None:
    settings, notes = load_settings({key: 5}, None)
    assert notes == [f"mkdocs.yml: extra: {key}: ist keine Einstellung des Portals und bleibt unbeachtet – meinten Sie "
                     f"{meant}? (Andere Felder unter extra gehören dem Theme, zum Beispiel social.)"]
    assert settings.stale_after_years == DEFAULT_STALE_YEARS


# --- Wrong settings, one at a time ------------------------------------------------------------------


def test_an_unknown_operator_field_names_the_closest() -> None:
    operator = shipped_operator()
    operator["nmae"] = operator.pop("name")
    assert problems({"operator": operator}) == [f"{OP}nmae: unbekanntes Feld – meinten Sie name?"]
    assert one(with_operator(fax="0211 1")) == (
        f"{OP}fax: unbekanntes Feld – bekannte Felder: " + ", ".join(field.key for field in legal.FIELDS))
    assert one(with_operator(**{"email\u200b": "x@example.org"})) == (
        f"{OP}email[U+200B]: unbekanntes Feld: der Name enthält ein unsichtbares Zeichen: U+200B (Leerzeichen ohne "
        "Breite) an Stelle 6 – das Zeichen löschen; meinten Sie email?")


def test_an_unknown_edit_field_names_the_closest() -> None:
    assert problems({"edit": {"repo": EXAMPLE_REPOSITORY}}) == [
        "mkdocs.yml: extra: edit: repo: unbekanntes Feld – meinten Sie repository?"]


@pytest.mark.parametrize("value, message", [
    (["Name des Betreibers eintragen"],
     "erwartet wird Text, gefunden: eine Liste – eckige Klammern ohne Anführungszeichen liest YAML als Liste; einen "
     "Platzhalter in Anführungszeichen setzen: \"[Name des Betreibers eintragen]\""),
    (["Stadt Musterstadt", "Eigenbetrieb"],
     "erwartet wird Text, gefunden: eine Liste – genau einen Text in dieselbe Zeile schreiben, ohne '- ' davor: den "
     "vollständigen Namen des Betreibers"),
    ({"Stadt": "Musterstadt"},
     "erwartet wird Text, gefunden: einen Abschnitt mit Feldern – den Text in dieselbe Zeile wie den Feldnamen "
     "schreiben; enthält er einen Doppelpunkt, in \"…\" setzen"),
    (True, "erwartet wird Text, gefunden: den Wahrheitswert true – yes/no, on/off, true/false ohne Anführungszeichen "
           "liest YAML als Wahrheitswert; Text in \"…\" setzen"),
    (211123456, "erwartet wird Text, gefunden: die Zahl 211123456 – in Anführungszeichen setzen (\"…\"): ohne sie "
                "liest YAML Ziffern als Zahl und verliert führende Nullen"),
    (dt.date(2024, 1, 31), "erwartet wird Text, gefunden: das Datum 2024-01-31 – in Anführungszeichen setzen (\"…\"): "
                           "ohne sie liest YAML es als Datum"),
], ids=["placeholder-ohne-anfuehrungszeichen", "liste", "abschnitt", "wahrheitswert", "zahl", "datum"])
def test_text_is_expected_where_text_belongs(value: Any, message: str) -> None:
    assert one(with_operator(name=value)) == f"{OP}name (Name des Betreibers): {message}"


def test_kind_and_host_role_must_be_known_values() -> None:
    allowed = "eine von behoerde-land, behoerde-kommune, behoerde-bund, verein, unternehmen, person eintragen"
    assert one(with_operator(kind="firma")) == f"{OP}kind (Art des Betreibers): 'firma' ist keine bekannte Art – {allowed}"
    assert one(with_operator(kind="Verein")) == (
        f"{OP}kind (Art des Betreibers): 'Verein' ist keine bekannte Art (gemeint ist vielleicht 'verein') – {allowed}")
    assert one(with_operator(kind="behoerde")).startswith(
        f"{OP}kind (Art des Betreibers): 'behoerde' reicht nicht mehr aus, denn welches Datenschutz- und "
        "Barrierefreiheitsrecht gilt, hängt davon ab, zu wem die Stelle gehört – behoerde-land (")
    assert one(with_operator(host_role="github")) == (
        f"{OP}host_role (Rolle von GitHub beim Hosting): 'github' ist kein erlaubter Wert – eigenverantwortlich (kein "
        "Vertrag über eine Auftragsverarbeitung mit GitHub) oder auftragsverarbeitung (Vertrag nach Art. 28 DSGVO mit "
        "GitHub geschlossen) eintragen")


def test_free_text_is_left_to_the_publish_gate() -> None:
    """E-mail, phone and form address are judged when publishing; a local build shows what is there."""
    assert problems(with_operator(email="info(at)example.org", phone="bitte anrufen", contact_form="javascript:x")) == []


@pytest.mark.parametrize("value", ["zwei", 0, 51, True, 2.5, [2]])
def test_the_stale_period_keeps_its_message(value: Any) -> None:
    assert one({"stale_after_years": value}) == (
        f"mkdocs.yml: extra: stale_after_years: '{value}' ist keine Zahl von Jahren zwischen 1 und 50 – eine ganze Zahl "
        "schreiben, z. B. stale_after_years: 2")


@pytest.mark.parametrize("edit, message", [
    ({"repository": "github.com/industrie-initiativen-nrw/portal"},
     "repository: 'github.com/industrie-initiativen-nrw/portal' ist keine vollständige Web-Adresse – die Adresse des "
     f"Repositorys mit https:// vorn schreiben, zum Beispiel {EXAMPLE_REPOSITORY}; leer (\"\"), wenn die Seiten keine "
     "Links zum Bearbeiten und Melden zeigen sollen"),
    ({"repository": EXAMPLE_REPOSITORY, "branch": ""},
     "branch: ist leer – den Zweig schreiben, aus dem die Website gebaut wird, zum Beispiel main (ohne Leerzeichen)"),
    ({"repository": [EXAMPLE_REPOSITORY]},
     "repository: erwartet wird Text, gefunden: eine Liste – eckige Klammern ohne Anführungszeichen liest YAML als "
     f"Liste; die Klammern weglassen: {EXAMPLE_REPOSITORY}"),
], ids=["ohne-https", "leerer-zweig", "liste"])
def test_edit_links_need_an_address_and_a_branch(edit: dict[str, Any], message: str) -> None:
    assert one({"edit": edit}) == f"mkdocs.yml: extra: edit: {message}"


def test_a_section_must_be_a_section() -> None:
    assert one({"operator": "[Betreiber eintragen]"}) == (
        f"{OP}erwartet wird ein Abschnitt mit Feldern, gefunden: den Text '[Betreiber eintragen]' – die Felder "
        "eingerückt in die Zeilen darunter schreiben, je Zeile 'name: wert' ("
        + ", ".join(field.key for field in legal.FIELDS) + ")")
    assert one({"edit": [EXAMPLE_REPOSITORY]}) == (
        "mkdocs.yml: extra: edit: erwartet wird ein Abschnitt mit Feldern, gefunden: eine Liste – die Felder "
        "eingerückt in die Zeilen darunter schreiben, je Zeile 'name: wert' (repository, branch)")


# --- All at once, with their places in the file --------------------------------------------------------


def broken_config(text: str) -> str:
    """The shipped mkdocs.yml with a wrong stale period, a mistyped and an unquoted operator field, an
    unknown kind and a phone number YAML reads as a number."""
    text = text.replace("  stale_after_years: 2\n", "  stale_after_years: zwei\n")
    text = re.sub(r'^    name: .*$', "    nmae: Stadt Musterstadt", text, count=1, flags=re.M)
    text = re.sub(r'^    editorial_name: .*$', "    editorial_name: [Verantwortliche Person eintragen]", text, count=1,
                  flags=re.M)
    text = re.sub(r'^    kind: .*$', "    kind: firma", text, count=1, flags=re.M)
    return re.sub(r'^    phone: .*$', "    phone: 0211123456", text, count=1, flags=re.M)


def place(text: str, line_start: str) -> str:
    """``mkdocs.yml:<line>:<column>`` of the line that starts with ``line_start`` (indentation included)."""
    number = next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(line_start))
    return f"mkdocs.yml:{number}:{len(line_start) - len(line_start.lstrip()) + 1}"


EXPECTED = [
    ("  stale_after_years:", "extra: stale_after_years: 'zwei' ist keine Zahl von Jahren zwischen 1 und 50 – eine ganze "
                             "Zahl schreiben, z. B. stale_after_years: 2"),
    ("    kind:", "extra: operator: kind (Art des Betreibers): 'firma' ist keine bekannte Art – eine von behoerde-land, "
                  "behoerde-kommune, behoerde-bund, verein, unternehmen, person eintragen"),
    ("    nmae:", "extra: operator: nmae: unbekanntes Feld – meinten Sie name?"),
    # YAML 1.1 reads 0211123456 as an octal number: the message says which number came out.
    ("    phone:", f"extra: operator: phone (Telefonnummer): erwartet wird Text, gefunden: die Zahl {0o211123456} – in "
                   "Anführungszeichen setzen (\"…\"): ohne sie liest YAML Ziffern als Zahl und verliert führende Nullen"),
    ("    editorial_name:", "extra: operator: editorial_name (Verantwortliche Person nach § 18 Abs. 2 MStV): erwartet "
                            "wird Text, gefunden: eine Liste – eckige Klammern ohne Anführungszeichen liest YAML als "
                            "Liste; einen Platzhalter in Anführungszeichen setzen: \"[Verantwortliche Person eintragen]\""),
]


def test_every_problem_at_once_in_file_order_with_its_place(tmp_path: Path) -> None:
    text = broken_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    extra = yaml_load(text)["extra"]
    assert problems(extra, str(config)) == [f"{place(text, start)}: {line}" for start, line in EXPECTED]


@pytest.mark.build
def test_a_build_with_wrong_settings_stops_in_german_and_writes_nothing(tmp_path: Path) -> None:
    root = mini_project(tmp_path)
    text = broken_config((root / "mkdocs.yml").read_text(encoding="utf-8"))
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    build = run_build(root)
    assert build.returncode != 0
    for start, line in EXPECTED:
        assert f"{place(text, start)}: {line}" in build.output, line
    assert ("5 Probleme in den Einstellungen des Portals (mkdocs.yml, extra:); die Website wurde nicht gebaut. "
            "Bitte die oben genannten Stellen korrigieren.") in build.output
    assert "Traceback" not in build.output
    assert not (root / "site").exists() and not any(root.glob(".site*"))
