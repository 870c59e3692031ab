"""daten/popolo.json: people, organisations (with initiatives, working groups and bodies) and memberships
in Popolo, valid against Popolo's own JSON Schemas (tests/schemas/popolo/), with dates exactly as precise
as the sources and nothing the sources do not give."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import Build, builds, mini_variant
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from portal.dates import VagueDate
from portal.popolo import dated

SCHEMAS = Path(__file__).parent / "schemas" / "popolo"
PUBLISHED = "https://portal.example/industrie/"
# A second person whose roles carry every kind of date the editors write, and an organisation with a
# short and a former name and hostile text (quotes, a backslash, a closing script tag, a newline).
PERSON = """\
name: 'Max "Maxi" Muster \\ Test'
suffix: MdL
roles:
  - organisation: kammer-test
    role: Präsident
    start: Frühjahr 2018
    end: "2019-03"
    sources: [pm-eins]
  - organisation: stadt-test
    role: Beigeordneter
    start: "2017-03-16"
    end: unbekannt
    sources: [pm-eins]
  - organisation: verband-test
    role: 'Sprecher "Industrie"'
    start: Anfang 2023
    sources: [pm-eins]
  - organisation: verband-test
    role: Mitglied
    start: 2015
    sources: [pm-eins]
  - organisation: stadt-test
    role: Ratsmitglied
    sources: [pm-eins]
"""
ORGANISATION = """\
name: 'Verband "Test" & Co.'
short_name: VT
type: verband
former_names:
  - name: Alter Verband
    note: Name bis 2019
    sources: [pm-eins]
  - name: Ganz alter Verband
    sources: [pm-eins]
description: "Zeile eins </script><script>alert(1)</script>\\nZeile zwei =HYPERLINK(\\"x\\")"
sources: [pm-eins]
"""
WRITE = {"people/max-muster.yaml": PERSON, "organisations/verband-test.yaml": ORGANISATION}
# The person manages the working group for the association (a person page needs a part in an initiative).
CHAIR = '    chairs: [{note: "ein Unternehmer (Name nicht genannt)"}]\n'
MANAGEMENT = ("initiatives/masterplan-test.yaml", CHAIR, CHAIR + "    management: [{person: max-muster, organisation: verband-test}]\n")


def published(text: str) -> str:
    """mkdocs.yml with the site address set."""
    return text.replace('site_url: !ENV [SITE_URL, ""]', f"site_url: {PUBLISHED}")


@pytest.fixture(scope="module")
@builds
def popolo_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The mini content with the person and organisation above, published at an address."""
    build = mini_variant(tmp_path_factory.mktemp("popolo"), MANAGEMENT, write=WRITE, config=published)
    assert build.returncode == 0, build.output
    return build


def popolo(build: Build) -> dict[str, Any]:
    return json.loads((build.site / "daten" / "popolo.json").read_text(encoding="utf-8"))


def validator(name: str) -> jsonschema.Draft3Validator:
    """A validator for one of Popolo's schemas; their references resolve to the copies here."""
    resources = []
    for path in SCHEMAS.glob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["id"], Resource.from_contents(schema, default_specification=DRAFT3)))
    registry: Registry = Registry().with_resources(resources)
    schema = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
    return jsonschema.Draft3Validator(schema, registry=registry)


def assert_valid(data: dict[str, Any]) -> None:
    for key, schema in (("persons", "person"), ("organizations", "organization"), ("memberships", "membership")):
        check = validator(schema)
        assert data[key], key
        for item in data[key]:
            errors = [f"{list(e.path)}: {e.message}" for e in check.iter_errors(item)]
            assert not errors, (item, errors)
    ids = [item["id"] for item in data["persons"] + data["organizations"]]
    assert len(ids) == len(set(ids))
    # Every membership names its member and its organisation, and both are in the file.
    persons = {p["id"] for p in data["persons"]}
    organizations = {o["id"] for o in data["organizations"]}
    for membership in data["memberships"]:
        assert membership["organization_id"] in organizations
        assert ("person_id" in membership) != ("member" in membership), membership
        if "person_id" in membership:
            assert membership["person_id"] in persons
        else:
            assert membership["member"]["@type"] == "Organization" and membership["member"]["id"] in organizations
        assert membership.get("on_behalf_of_id", next(iter(organizations))) in organizations
        assert membership["sources"], membership
    for organization in data["organizations"]:
        assert organization.get("parent_id", organization["id"]) in organizations


def test_popolo_of_the_mini_site_is_valid_and_complete(mini_site: Build) -> None:
    data = popolo(mini_site)
    assert_valid(data)
    assert [p["id"] for p in data["persons"]] == ["personen/erika-muster"]
    erika = data["persons"][0]
    assert erika["name"] == "Erika Muster" and erika["honorific_prefix"] == "Dr." and "honorific_suffix" not in erika
    # Without a site address, the portal's pages are site-relative; the source's own address stays as it is.
    assert erika["links"] == [{"url": "personen/erika-muster/", "note": "Seite im Portal"}]
    assert erika["sources"] == [{"url": "https://stadt.example/pm", "note": "Pressemitteilung eins"},
                                {"url": "quellen/pm-eins/", "note": "Quellenseite im Portal: Pressemitteilung eins"}]
    by_id = {o["id"]: o for o in data["organizations"]}
    assert by_id["organisationen/stadt-test"]["classification"] == "Stadt"
    assert by_id["organisationen/stadt-test"]["links"][0] == {"url": "https://stadt.example/", "note": "Website"}
    assert by_id["organisationen/kammer-test"]["classification"] == "Kammer"
    initiative = by_id["initiativen/masterplan-test"]
    assert (initiative["classification"], initiative["founding_date"], initiative["other_names"]) == (
        "Initiative", "2017-03", [{"name": "MPT", "note": "Kurzname"}])
    assert "dissolution_date" not in initiative  # the sources give no end
    assert by_id["initiativen/masterplan-test/arbeitskreise/ak-flaechen"] == {
        "id": "initiativen/masterplan-test/arbeitskreise/ak-flaechen", "name": "Flächen und Infrastruktur",
        "classification": "Arbeitskreis", "parent_id": "initiativen/masterplan-test",
        "links": [{"url": "initiativen/masterplan-test/#arbeitskreise", "note": "Seite im Portal"}],
        "sources": erika["sources"]}
    assert by_id["initiativen/masterplan-test/gremien/lenkungskreis"]["classification"] == "Gremium"
    memberships = [{k: v for k, v in m.items() if k != "sources"} for m in data["memberships"]]
    assert memberships == [
        # Erika Muster's public role, without dates: the source gives none.
        {"person_id": "personen/erika-muster", "organization_id": "organisationen/stadt-test", "role": "Oberbürgermeisterin"},
        # The city leads the initiative; the person the source names does so for the city.
        {"member": {"@type": "Organization", "id": "organisationen/stadt-test"},
         "organization_id": "initiativen/masterplan-test", "role": "Gemeinsame Leitung"},
        {"person_id": "personen/erika-muster", "organization_id": "initiativen/masterplan-test",
         "on_behalf_of_id": "organisationen/stadt-test", "role": "Gemeinsame Leitung"},
        # The working group's chair is a note ("ein Unternehmer (Name nicht genannt)"): nobody to name.
        # The steering committee's chairs: an organisation and a person.
        {"member": {"@type": "Organization", "id": "organisationen/kammer-test"},
         "organization_id": "initiativen/masterplan-test/gremien/lenkungskreis", "role": "Vorsitz"},
        {"person_id": "personen/erika-muster", "organization_id": "initiativen/masterplan-test/gremien/lenkungskreis",
         "role": "Vorsitz"},
    ]
    # "Politik und Verwaltung" takes part as a group without an organisation: no membership is made up.
    assert "Politik und Verwaltung" not in json.dumps(data, ensure_ascii=False)
    assert data["stichtag"] == "2026-11-22" and data["lizenz"]["spdx"] == "CC-BY-4.0"


def test_dates_are_as_precise_as_the_sources(popolo_site: Build) -> None:
    data = popolo(popolo_site)
    assert_valid(data)
    roles = {m["role"]: m for m in data["memberships"]
             if m.get("person_id") == "personen/max-muster" and m["organization_id"].startswith("organisationen/")}
    dates = {role: {k: v for k, v in m.items() if "date" in k} for role, m in roles.items()}
    assert dates == {
        # A season becomes its year, the notation stays beside it; a month stays a month.
        "Präsident": {"start_date": "2018", "start_date_notation": "Frühjahr 2018", "end_date": "2019-03"},
        # A day stays a day; "unbekannt" means no date field at all.
        "Beigeordneter": {"start_date": "2017-03-16"},
        # "Anfang 2023" is its year, never a made-up month.
        'Sprecher "Industrie"': {"start_date": "2023", "start_date_notation": "Anfang 2023"},
        "Mitglied": {"start_date": "2015"},
        # No dates in the source: none in the data, and no end is invented.
        "Ratsmitglied": {},
    }


@pytest.mark.parametrize(("notation", "expected"), [
    ("2017-03-16", {"start_date": "2017-03-16"}),
    ("2017-03", {"start_date": "2017-03"}),
    ("2017", {"start_date": "2017"}),
    ("Frühjahr 2018", {"start_date": "2018", "start_date_notation": "Frühjahr 2018"}),
    ("Winter 2018", {"start_date": "2018", "start_date_notation": "Winter 2018"}),
    ("Anfang 2023", {"start_date": "2023", "start_date_notation": "Anfang 2023"}),
    ("unbekannt", {}),
])
def test_each_kind_of_date_keeps_its_precision(notation: str, expected: dict[str, str]) -> None:
    assert dated("start_date", VagueDate.parse(notation)) == expected
    assert dated("start_date", None) == {}


def test_names_and_addresses_in_the_published_popolo(popolo_site: Build) -> None:
    data = popolo(popolo_site)
    person = next(p for p in data["persons"] if p["id"] == "personen/max-muster")
    # Quotes and a backslash come out as the same string (the JSON parser undoes the escaping).
    assert person["name"] == 'Max "Maxi" Muster \\ Test' and person["honorific_suffix"] == "MdL"
    assert "honorific_prefix" not in person
    organization = next(o for o in data["organizations"] if o["id"] == "organisationen/verband-test")
    assert organization["name"] == 'Verband "Test" & Co.' and organization["classification"] == "Verband"
    assert organization["other_names"] == [{"name": "VT", "note": "Kurzname"},
                                           {"name": "Alter Verband", "note": "früherer Name (Name bis 2019)"},
                                           {"name": "Ganz alter Verband", "note": "früherer Name"}]
    # With a site address every portal link is absolute.
    links = [link["url"] for item in data["persons"] + data["organizations"] + data["memberships"]
             for link in item.get("links", []) + item["sources"]]
    assert links and all(url.startswith(("https://", "http://")) for url in links)
    assert person["links"] == [{"url": PUBLISHED + "personen/max-muster/", "note": "Seite im Portal"}]
    assert PUBLISHED in data["lizenz"]["namensnennung"]
    managing = [{k: v for k, v in m.items() if k != "sources"} for m in data["memberships"]
                if m["organization_id"].endswith("/arbeitskreise/ak-flaechen")]
    assert managing == [{"person_id": "personen/max-muster", "organization_id": "initiativen/masterplan-test/arbeitskreise/ak-flaechen",
                         "role": "Geschäftsführung", "on_behalf_of_id": "organisationen/verband-test"}]
