"""The DCAT-AP.de catalogue's graph on its own (``portal.dcat.catalogue_graph``) for the mini content:
the shapes bite on a missing triple, the tables of ``portal.tables`` become distributions, the
contact point, GovData's contributor id, vague dates and a content without dated sources."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from dcat_check import CONTRIBUTOR_RULE, validate, violations
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, FOAF
from test_macros import TODAY, mini_records

from portal import tables
from portal.catalog import Catalog
from portal.context import PORTAL_NAME, BuildContext
from portal.datasets import DATASETS
from portal.dates import VagueDate
from portal.dcat import DCATDE, VCARD, catalogue_files, catalogue_graph, jsonld, vague_literal
from portal.licensing import LICENSES, Terms
from portal.tables import Column, Table

SITE = "https://example.org/portal/"
KATALOG = URIRef(SITE + "daten/#katalog")


@pytest.fixture(scope="module")
def ctx() -> BuildContext:
    """The mini content with the site address known and one record's git date."""
    changed = {("measures", "glasfaser"): dt.date(2024, 5, 6), ("organisations", "stadt-test"): dt.date(2025, 1, 2)}
    return BuildContext(Catalog(mini_records(), TODAY, changed=changed), SITE, TODAY)


def dataset(key: str) -> URIRef:
    return URIRef(f"{SITE}daten/#datensatz-{key}")


def test_the_graph_conforms_and_only_govdata_delivery_needs_a_contributor_id(ctx: BuildContext) -> None:
    graph = catalogue_graph(ctx)
    assert violations(graph) == []
    # Delivered to GovData directly, every dataset must name the delivering portal (rule K12/13)…
    missing = [result for result in validate(graph) if result.shape == str(CONTRIBUTOR_RULE)]
    assert len(missing) == len(DATASETS)
    # …and with an id there is no violation left; the only warning is the unknown date of first publication.
    given = validate(catalogue_graph(ctx, contributor_id="http://dcat-ap.de/def/contributors/openNRW"))
    assert [result for result in given if result.severity == "Violation"] == []
    warnings = {result.shape for result in given if result.severity == "Warning"}
    assert warnings == {"http://dcat-ap.de/def/dcatde/KonvXX_dct_issued_w_Min"}, warnings


@pytest.mark.parametrize(("what", "remove", "rule"), [
    ("a distribution's licence", (URIRef(SITE + "daten/#datei-massnahmen-json"), DCTERMS.license, None),
     "Konv31_dct_license_v_List"),
    ("a dataset's publisher", (dataset("massnahmen"), DCTERMS.publisher, None), "Konv36_dct_publisher_v_Min"),
    ("the contact's address", (URIRef(SITE + "daten/#kontakt"), VCARD.hasURL, None), "Konv01_hasEmail_hasURL_v_Min"),
])
def test_the_shapes_report_a_missing_required_triple(ctx: BuildContext, what: str, remove: tuple[URIRef, URIRef, None], rule: str) -> None:
    graph = catalogue_graph(ctx)
    assert len(list(graph.triples(remove))) >= 1, what
    graph.remove(remove)
    found = violations(graph)
    assert found, what
    assert all(result.severity == "Violation" for result in found)
    assert any(result.shape.endswith(rule) for result in found), "\n".join(map(str, found))


def test_a_wrong_vocabulary_value_is_a_violation(ctx: BuildContext) -> None:
    graph = catalogue_graph(ctx)
    node = URIRef(SITE + "daten/#datei-massnahmen-json")
    graph.set((node, DCTERMS.format, URIRef("http://example.org/format/JSON")))
    assert any("dct:format" in result.message for result in violations(graph))


def test_tables_become_distributions_of_their_collections_dataset(ctx: BuildContext, monkeypatch: pytest.MonkeyPatch) -> None:
    column = Column("id", "string", "Kennung", required=True)
    monkeypatch.setattr(tables, "TABLES", (
        Table("massnahmen-verlauf", "Verlauf der Maßnahmen", "Ein Eintrag je Zeile", "measures", (column,), ("id",)),
        Table("personen", "Personen", "Personen in öffentlichen Rollen", "people", (column,), ("id",)),
    ))
    graph = catalogue_graph(ctx)
    assert violations(graph) == []

    def downloads(key: str) -> set[str]:
        return {str(graph.value(part, DCAT.downloadURL)) for part in graph.objects(dataset(key), DCAT.distribution)}
    assert SITE + "daten/tabellen/massnahmen-verlauf.csv" in downloads("massnahmen")
    assert SITE + "daten/tabellen/personen.csv" in downloads("organisationen-personen")
    assert SITE + "daten/datapackage.json" in downloads("massnahmen") & downloads("organisationen-personen")
    assert SITE + "daten/datapackage.json" not in downloads("initiativen")
    table = URIRef(SITE + "daten/#datei-tabelle-massnahmen-verlauf")
    assert graph.value(table, DCTERMS.title) == Literal("Verlauf der Maßnahmen (CSV)", lang="de")
    assert graph.value(table, DCTERMS.format) == URIRef("http://publications.europa.eu/resource/authority/file-type/CSV")


def test_without_tables_there_is_no_data_package(ctx: BuildContext, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tables, "TABLES", ())
    graph = catalogue_graph(ctx)
    assert URIRef(SITE + "daten/datapackage.json") not in set(graph.objects(None, DCAT.downloadURL))


def test_the_operators_email_is_the_contact_once_filled_in(ctx: BuildContext) -> None:
    graph = catalogue_graph(ctx, email="daten@example.org")
    contact = graph.value(dataset("initiativen"), DCAT.contactPoint)
    assert graph.value(contact, VCARD.hasEmail) == URIRef("mailto:daten@example.org")
    assert graph.value(contact, VCARD.hasURL) is None
    assert (contact, RDF.type, VCARD.Organization) in graph
    assert violations(graph) == []
    placeholder = catalogue_graph(ctx)
    assert placeholder.value(contact, VCARD.hasURL) == URIRef(SITE + "mitmachen/")


def test_modified_is_the_newest_change_git_knows(ctx: BuildContext) -> None:
    graph = catalogue_graph(ctx)
    assert graph.value(KATALOG, DCTERMS.modified) == Literal("2025-01-02", datatype=XSD.date)
    assert graph.value(dataset("massnahmen"), DCTERMS.modified) == Literal("2024-05-06", datatype=XSD.date)
    # No change of a topic, region or source known to git: the reference date, never the machine's clock.
    assert graph.value(dataset("themen-regionen"), DCTERMS.modified) == Literal(TODAY.isoformat(), datatype=XSD.date)


@pytest.mark.parametrize(("notation", "value", "datatype"), [
    ("2017-03-20", "2017-03-20", XSD.date),
    ("2017-03", "2017-03", XSD.gYearMonth),
    ("2018", "2018", XSD.gYear),
    ("Frühjahr 2018", "2018", XSD.gYear),
    ("Winter 2018", "2018", XSD.gYear),
    ("Anfang 2023", "2023", XSD.gYear),
])
def test_a_vague_date_stays_vague(notation: str, value: str, datatype: URIRef) -> None:
    assert vague_literal(VagueDate.parse(notation)) == Literal(value, datatype=datatype)


def test_without_dated_sources_there_is_no_temporal_coverage(undated: Catalog) -> None:
    graph = catalogue_graph(BuildContext(undated, SITE, TODAY))
    assert list(graph.objects(None, DCTERMS.temporal)) == []
    assert violations(graph) == []


def test_the_files_are_the_graph(ctx: BuildContext) -> None:
    files = catalogue_files(ctx)
    turtle = Graph().parse(data=files["daten/katalog.ttl"], format="turtle")
    assert isomorphic(turtle, catalogue_graph(ctx))
    assert files["daten/katalog.jsonld"] == jsonld(catalogue_graph(ctx))
    assert files == catalogue_files(ctx)


def test_hostile_text_and_the_other_licence_reach_both_files_as_text() -> None:
    holder = 'Kammer "Test"\n</script> & =HYPERLINK("http://x")'
    terms = Terms(LICENSES["dl-de-by-2.0"], holder, PORTAL_NAME)
    ctx = BuildContext(Catalog(mini_records(), TODAY), "", TODAY, terms)
    files = catalogue_files(ctx)
    base = "http://local.test/daten/"
    turtle = Graph().parse(data=files["daten/katalog.ttl"], format="turtle", publicID=base + "katalog.ttl")
    jsonld_graph = Graph().parse(data=files["daten/katalog.jsonld"], format="json-ld", publicID=base + "katalog.jsonld")
    assert isomorphic(turtle, jsonld_graph)
    publisher = URIRef(base + "#herausgeber")
    assert str(turtle.value(publisher, FOAF.name)) == holder
    licences = set(turtle.objects(None, DCTERMS.license))
    assert licences == {URIRef("http://dcat-ap.de/def/licenses/dl-by-de/2.0")}
    attributions = {str(text) for text in turtle.objects(None, DCATDE.licenseAttributionByText)}
    assert attributions == {terms.attribution()} and "dl-de/by-2-0" in terms.attribution()
    assert violations(turtle) == []


def test_popolo_and_the_data_package_name_their_specification(ctx: BuildContext, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tables, "TABLES", (Table("personen", "Personen", "", "people", (Column("id", "string", "Kennung"),), ("id",)),))
    graph = catalogue_graph(ctx)
    assert graph.value(URIRef(SITE + "daten/#datei-popolo"), DCTERMS.conformsTo) == URIRef("https://www.popoloproject.com/specs/")
    package = URIRef(SITE + "daten/#datei-organisationen-personen-datapackage")
    assert graph.value(package, DCTERMS.conformsTo) == URIRef("https://specs.frictionlessdata.io/data-package/")


@dataclass(frozen=True)
class WithContact(BuildContext):
    """The build context as it will carry the operator's e-mail (``Portal.contact``)."""

    contact: str = ""


def test_the_build_contexts_email_is_the_default_contact() -> None:
    ctx = WithContact(Catalog(mini_records(), TODAY), SITE, TODAY, contact="redaktion@example.org")
    graph = catalogue_graph(ctx)
    assert graph.value(URIRef(SITE + "daten/#kontakt"), VCARD.hasEmail) == URIRef("mailto:redaktion@example.org")
