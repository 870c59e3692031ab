"""The licence of the portal's texts and data (``portal.licensing``, ``extra.license`` in mkdocs.yml):
the operator's choice is checked in German, whom users must name falls back from the configured
holder to the operator to the portal's name, and the attribution text names the licence and its text."""

from __future__ import annotations

import pytest
from portal_config import SettingsError, load_settings

from portal.licensing import DEFAULT_LICENSE, LICENSES, THIRD_PARTY, license_problem, terms

SITE = "Industrie-Initiativen NRW"


def test_left_out_it_is_cc_by_naming_the_portal_until_the_operator_is_filled_in() -> None:
    settings, notes = load_settings({}, None)
    assert notes == [] and settings.license.id == DEFAULT_LICENSE == "cc-by-4.0" and settings.license.holder == ""
    shown = terms(settings.license.id, settings.license.holder, "[Name des Betreibers eintragen]", SITE)
    assert shown.holder == SITE
    assert shown.attribution() == f"{SITE}, Lizenz: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.de)"


def test_the_operator_is_named_then_the_configured_holder() -> None:
    assert terms("cc-by-4.0", "", "Stadt Beispiel", SITE).holder == "Stadt Beispiel"
    chosen = terms("dl-de-by-2.0", " Redaktion X ", "Stadt Beispiel", SITE)
    assert chosen.holder == "Redaktion X"
    assert chosen.attribution("https://example.org/portal/") == (
        f"Redaktion X: {SITE}, https://example.org/portal/, Lizenz: dl-de/by-2-0 (https://www.govdata.de/dl-de/by-2-0)")


def test_the_metadata_names_the_licence_for_programs_and_people() -> None:
    meta = terms("dl-de-by-2.0", "", "Stadt Beispiel", SITE).metadata("https://example.org/")
    assert meta["spdx"] == "DL-DE-BY-2.0" and meta["dcat_ap_de"] == "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
    assert meta["namensnennung"].startswith("Stadt Beispiel: Industrie-Initiativen NRW, https://example.org/")
    assert meta["inhalte_dritter"] == THIRD_PARTY and "GeoBasis-DE / BKG" in THIRD_PARTY


@pytest.mark.parametrize("key", sorted(LICENSES))
def test_every_licence_has_its_identifiers(key: str) -> None:
    lic = LICENSES[key]
    assert license_problem(key) is None and lic.key == key
    assert lic.url.startswith("https://") and lic.dcat_uri.startswith("http://dcat-ap.de/def/licenses/")
    assert load_settings({"license": {"id": key}}, None)[0].license.id == key


@pytest.mark.parametrize("value", ["cc-by", "CC-BY-4.0", "cc0", ""])
def test_an_unknown_licence_is_named_with_the_ones_allowed(value: str) -> None:
    with pytest.raises(SettingsError) as error:
        load_settings({"license": {"id": value}}, None)
    (line,) = error.value.lines
    assert line.startswith(f"mkdocs.yml: extra: license: id: '{value}' ist keine der Lizenzen, die das Portal kennt – ")
    assert "cc-by-4.0 (Creative Commons Namensnennung 4.0 International)" in line
    assert "dl-de-by-2.0 (Datenlizenz Deutschland – Namensnennung – Version 2.0)" in line


def test_unknown_keys_in_the_licence_section_are_refused() -> None:
    with pytest.raises(SettingsError) as error:
        load_settings({"license": {"id": "cc-by-4.0", "holdr": "X"}}, None)
    assert "extra: license: holdr: unbekanntes Feld – meinten Sie holder?" in error.value.lines[0]
