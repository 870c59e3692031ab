"""The DCAT-AP.de catalogue as built (``daten/katalog.ttl`` and ``daten/katalog.jsonld``): GovData's
shapes pass, both files say the same, every file it names is there, its IRIs follow the site address,
and what the shapes can check only online (the vocabularies) is checked here directly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import Build, builds, mini_variant, run_build
from dcat_check import VOCABULARIES, violations
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, FOAF

from portal.datasets import DATASETS, GEOCODING, GEOCODING_LEVEL
from portal.dcat import DCATDE, JSONLD_PATH, TURTLE_PATH, VCARD
from portal.licensing import LICENSES

PUBLISHED = "https://example.org/portal/"
# Where a test pretends a locally built catalogue lies, to resolve its relative IRIs.
LOCAL = "http://local.test/site/"
# A holder of the licence with markup, quotes, an ampersand and a spreadsheet formula.
HOLDER = 'Kammer "Test" </script> & =HYPERLINK(1)'


# Properties whose values are addresses of the portal itself.
OWN_ADDRESSES = (DCAT.downloadURL, DCAT.accessURL, DCAT.landingPage, FOAF.homepage, VCARD.hasURL, DCAT.dataset,
                 DCAT.distribution, DCTERMS.publisher, DCAT.contactPoint, DCTERMS.temporal)


def parse(site: Path, base: str) -> tuple[Graph, Graph]:
    """The Turtle and the JSON-LD file, each resolved against its own address under ``base``."""
    turtle = Graph().parse(site / TURTLE_PATH, format="turtle", publicID=base + TURTLE_PATH)
    jsonld = Graph().parse(site / JSONLD_PATH, format="json-ld", publicID=base + JSONLD_PATH)
    return turtle, jsonld


@pytest.fixture(scope="module")
@builds
def published(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The mini content with the site address known (as the Pages build), a hostile licence holder,
    and vague source dates: a month and a season."""
    build = mini_variant(
        tmp_path_factory.mktemp("dcat"),
        ("documents/pm-eins.md", 'date: "2017-03-20"', 'date: "2017-03"'),
        write={"documents/pm-zwei.md": "---\ntitle: Pressemitteilung zwei\ntype: pressemitteilung\n"
                                       "date: Herbst 2019\npublisher: stadt-test\n---\nZusammenfassung.\n"},
        config=lambda text: text.replace('site_url: !ENV [SITE_URL, ""]', f"site_url: {PUBLISHED}")
                                .replace('holder: ""', f"holder: {json.dumps(HOLDER)}"))
    assert build.returncode == 0, build.output
    return build


def test_the_locally_built_catalogue_conforms_to_govdata_shapes(mini_site: Build) -> None:
    turtle, _ = parse(mini_site.site, LOCAL)
    found = violations(turtle)
    assert found == [], "\n".join(map(str, found))


def test_the_published_catalogue_conforms_and_both_files_say_the_same(published: Build) -> None:
    turtle, jsonld = parse(published.site, PUBLISHED)
    found = violations(turtle)
    assert found == [], "\n".join(map(str, found))
    assert isomorphic(turtle, jsonld)
    assert len(turtle) > 100


def test_the_json_ld_has_a_readable_context_and_no_blank_nodes(published: Build) -> None:
    document = json.loads((published.site / JSONLD_PATH).read_text(encoding="utf-8"))
    assert document["@context"]["dcat"] == str(DCAT)
    assert document["@context"]["dct"] == str(DCTERMS)
    text = (published.site / JSONLD_PATH).read_text(encoding="utf-8")
    assert "_:" not in text and "_:" not in (published.site / TURTLE_PATH).read_text(encoding="utf-8")


def test_every_iri_is_absolute_with_the_site_address(published: Build) -> None:
    turtle, _ = parse(published.site, "http://elsewhere.test/")
    iris = {term for triple in turtle for term in triple if isinstance(term, URIRef)}
    assert not [iri for iri in iris if str(iri).startswith("http://elsewhere.test/")]
    assert {str(subject) for subject in turtle.subjects() if not str(subject).startswith(PUBLISHED)} == set()
    for predicate in OWN_ADDRESSES:
        assert all(str(value).startswith(PUBLISHED) for value in turtle.objects(None, predicate)), predicate
    assert turtle.value(URIRef(PUBLISHED + "daten/#katalog"), FOAF.homepage) == URIRef(PUBLISHED)


def test_a_local_build_invents_no_address(mini_site: Build) -> None:
    # No site address: the portal's own IRIs stay relative to daten/ and resolve against the file.
    turtle, jsonld = parse(mini_site.site, LOCAL)
    assert isomorphic(turtle, jsonld)
    catalogue = URIRef(LOCAL + "daten/#katalog")
    assert (catalogue, RDF.type, DCAT.Catalog) in turtle
    assert turtle.value(catalogue, FOAF.homepage) == URIRef(LOCAL)
    assert "@base" not in (mini_site.site / TURTLE_PATH).read_text(encoding="utf-8")
    # Every node, and every address of the portal the catalogue names, lies where the file lies.
    assert {str(subject) for subject in turtle.subjects() if not str(subject).startswith(LOCAL)} == set()
    for predicate in OWN_ADDRESSES:
        values = set(turtle.objects(None, predicate))
        assert values and all(str(value).startswith(LOCAL) for value in values), predicate


@pytest.mark.build  # the fixture is chosen by name, so the marker is not given by it
@pytest.mark.parametrize("build_name", ["mini_site", "published"])
def test_every_download_url_is_a_file_of_the_site(build_name: str, request: pytest.FixtureRequest) -> None:
    build: Build = request.getfixturevalue(build_name)
    base = PUBLISHED if build_name == "published" else LOCAL
    turtle, _ = parse(build.site, base)
    downloads = {str(url) for url in turtle.objects(None, DCAT.downloadURL)}
    assert downloads
    for url in downloads:
        assert url.startswith(base + "daten/"), url
        assert (build.site / url.removeprefix(base)).is_file(), url
    # …and every file the open data's index lists is in the catalogue.
    index = json.loads((build.site / "daten/index.json").read_text(encoding="utf-8"))
    listed = {base + "daten/" + entry["datei"] for entry in index["dateien"]}
    listed |= {base + "daten/" + table for table in index.get("tabellen", [])}
    assert listed <= downloads, listed - downloads


def test_each_distribution_names_licence_attribution_format_and_addresses(published: Build) -> None:
    turtle, _ = parse(published.site, PUBLISHED)
    distributions = set(turtle.subjects(RDF.type, DCAT.Distribution))
    assert distributions
    licence = LICENSES["cc-by-4.0"]
    for node in distributions:
        assert turtle.value(node, DCTERMS.license) == URIRef(licence.dcat_uri)
        attribution = str(turtle.value(node, DCATDE.licenseAttributionByText))
        assert licence.short in attribution and HOLDER in attribution and PUBLISHED in attribution
        assert turtle.value(node, DCAT.accessURL) == URIRef(PUBLISHED + "daten/")
        assert turtle.value(node, DCTERMS.title) is not None
        kind = str(turtle.value(node, DCTERMS.format)).rsplit("/", 1)[-1]
        media = str(turtle.value(node, DCAT.mediaType))
        assert {"CSV": "https://www.iana.org/assignments/media-types/text/csv",
                "JSON": "https://www.iana.org/assignments/media-types/application/json"}[kind] == media
        modified = turtle.value(node, DCTERMS.modified)
        assert isinstance(modified, Literal) and modified.datatype == XSD.date


def test_hostile_text_stays_text_in_both_files(published: Build) -> None:
    turtle, jsonld = parse(published.site, PUBLISHED)
    publisher = turtle.value(URIRef(PUBLISHED + "daten/#katalog"), DCTERMS.publisher)
    assert str(turtle.value(publisher, FOAF.name)) == HOLDER
    assert str(jsonld.value(publisher, FOAF.name)) == HOLDER
    contact = turtle.value(URIRef(PUBLISHED + "daten/#datensatz-massnahmen"), DCAT.contactPoint)
    assert str(turtle.value(contact, VCARD.fn)) == HOLDER


def test_vocabulary_values_are_entries_of_the_vocabularies(published: Build) -> None:
    # What the shapes check online only: each value is an entry of the vocabulary the specification names.
    turtle, _ = parse(published.site, PUBLISHED)
    eu = "http://publications.europa.eu/resource/authority/"
    uses = {
        DCTERMS.license: VOCABULARIES["http://dcat-ap.de/def/licenses"],
        DCAT.theme: VOCABULARIES[eu + "data-theme"],
        DCTERMS.format: VOCABULARIES[eu + "file-type"],
        DCTERMS.accrualPeriodicity: VOCABULARIES[eu + "frequency"],
        DCTERMS.language: VOCABULARIES[eu + "language"],
    }
    for predicate, members in uses.items():
        values = {str(value) for value in turtle.objects(None, predicate)}
        assert values and values <= members, (predicate, values - members)
    for dataset in turtle.subjects(RDF.type, DCAT.Dataset):
        assert turtle.value(dataset, DCATDE.politicalGeocodingLevelURI) == URIRef(GEOCODING_LEVEL)
        assert turtle.value(dataset, DCATDE.politicalGeocodingURI) == URIRef(GEOCODING)
    assert GEOCODING == "http://dcat-ap.de/def/politicalGeocoding/stateKey/05"  # NRW's Länderschlüssel
    assert GEOCODING_LEVEL == "http://dcat-ap.de/def/politicalGeocoding/Level/state"
    # Both licences the operator may choose are dcat-ap.de licences.
    assert {licence.dcat_uri for licence in LICENSES.values()} <= VOCABULARIES["http://dcat-ap.de/def/licenses"]


def test_datasets_are_described_in_german_with_their_coverage(published: Build) -> None:
    turtle, _ = parse(published.site, PUBLISHED)
    catalogue = URIRef(PUBLISHED + "daten/#katalog")
    datasets = set(turtle.objects(catalogue, DCAT.dataset))
    assert datasets == {URIRef(f"{PUBLISHED}daten/#datensatz-{dataset.key}") for dataset in DATASETS}
    for node in datasets:
        for predicate in (DCTERMS.title, DCTERMS.description):
            value = turtle.value(node, predicate)
            assert isinstance(value, Literal) and value.language == "de" and str(value), (node, predicate)
        assert all(keyword.language == "de" for keyword in turtle.objects(node, DCAT.keyword))  # type: ignore[attr-defined]
        landing = str(turtle.value(node, DCAT.landingPage))
        assert landing.startswith(PUBLISHED) and (published.site / landing.removeprefix(PUBLISHED) / "index.html").is_file()
        assert str(turtle.value(node, DCTERMS.identifier)) == str(node)
    # The sources: a month and a season, each as precise as its source (a season is its year).
    period = turtle.value(URIRef(PUBLISHED + "daten/#datensatz-quellen"), DCTERMS.temporal)
    assert turtle.value(period, DCAT.startDate) == Literal("2017-03", datatype=XSD.gYearMonth)
    assert turtle.value(period, DCAT.endDate) == Literal("2019", datatype=XSD.gYear)
    # The initiative cites only the press release of March 2017.
    period = turtle.value(URIRef(PUBLISHED + "daten/#datensatz-initiativen"), DCTERMS.temporal)
    assert turtle.value(period, DCAT.startDate) == turtle.value(period, DCAT.endDate)
    assert turtle.value(period, DCAT.endDate) == Literal("2017-03", datatype=XSD.gYearMonth)
    # One JSON distribution per year of the sources (beside the table and the Data Package describing it).
    titles = {str(turtle.value(part, DCTERMS.title))
              for part in turtle.objects(URIRef(PUBLISHED + "daten/#datensatz-quellen"), DCAT.distribution)}
    assert {title for title in titles if title.endswith("(JSON)")} == {
        "Quellen mit Datum im Jahr 2017 (JSON)", "Quellen mit Datum im Jahr 2019 (JSON)"}
    assert "Quellen und Pressemeldungen (CSV)" in titles


def test_the_contact_point_is_the_participation_page_while_the_email_is_a_placeholder(published: Build) -> None:
    turtle, _ = parse(published.site, PUBLISHED)
    contact = turtle.value(URIRef(PUBLISHED + "daten/#datensatz-initiativen"), DCAT.contactPoint)
    assert turtle.value(contact, VCARD.hasURL) == URIRef(PUBLISHED + "mitmachen/")
    assert (published.site / "mitmachen/index.html").is_file()


@pytest.mark.build
def test_the_shipped_content_gives_a_conforming_catalogue(real_site: Build) -> None:
    # Holds for any valid content, built with the real date.
    turtle, jsonld = parse(real_site.site, LOCAL)
    found = violations(turtle)
    assert found == [], "\n".join(map(str, found))
    assert isomorphic(turtle, jsonld)
    for url in turtle.objects(None, DCAT.downloadURL):
        assert (real_site.site / str(url).removeprefix(LOCAL)).is_file(), url


@pytest.mark.build
def test_the_same_content_gives_the_same_bytes(mini_site: Build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A second build with another hash seed: sets iterate in another order, the files stay the same.
    root = tmp_path / "again"
    root.mkdir()
    for name in ("mkdocs.yml", "docs", "overrides", "hooks", "data"):
        source, target = mini_site.root / name, root / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target)
    monkeypatch.setenv("PYTHONHASHSEED", "12345")  # run_build passes the environment on to MkDocs
    again = run_build(root)
    assert again.returncode == 0, again.output
    for path in (TURTLE_PATH, JSONLD_PATH):
        assert (again.site / path).read_bytes() == (mini_site.site / path).read_bytes(), path
