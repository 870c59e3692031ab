"""The DCAT-AP.de catalogue of the open data: one RDF graph (rdflib), written as Turtle
(``daten/katalog.ttl``) and JSON-LD (``daten/katalog.jsonld``), for GovData and Open.NRW to harvest.

Which datasets and files it describes is declared in ``portal.datasets``. Every node has an IRI on
the data page (``…/daten/#katalog``, ``#datensatz-massnahmen``, ``#datei-massnahmen-json``): no
blank nodes, whose labels would change from build to build.

Addresses: with the site address known (``site_url``, which the Pages build sets) every IRI is
absolute. A local build has no address and invents none: the IRIs are then relative to the folder
``daten/`` in which both files lie (``./#katalog``, ``massnahmen.json``, ``../massnahmen/``), valid
Turtle and JSON-LD that a reader resolves against the file's own address (no ``@base`` is written).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF

from . import datasets as vocabulary  # the controlled vocabularies' IRIs the datasets use
from .datasets import DATASETS, Dataset, distributions, newest_change
from .dates import Precision, VagueDate

if TYPE_CHECKING:
    import datetime as dt

    from .context import BuildContext

TURTLE_PATH = "daten/katalog.ttl"
JSONLD_PATH = "daten/katalog.jsonld"
DATA_PAGE = "daten/"
# Where readers reach the editors while the operator's e-mail is still a [placeholder]: the page that
# explains how to report an error or a new source.
CONTACT_PAGE = "mitmachen/"

DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
PREFIXES: dict[str, str] = {
    "dcat": str(DCAT), "dct": str(DCTERMS), "dcatde": str(DCATDE), "foaf": str(FOAF), "vcard": str(VCARD),
    "xsd": str(XSD), "rdf": str(RDF),
}

# A vague date keeps its precision: a day is an xsd:date, a month an xsd:gYearMonth; a season,
# "Anfang 2023" and a year are their year (xsd:gYear).
_DATATYPES = {Precision.DAY: XSD.date, Precision.MONTH: XSD.gYearMonth}


def vague_literal(date: VagueDate) -> Literal:
    """A known date as a literal exactly as precise as its source."""
    datatype = _DATATYPES.get(date.precision, XSD.gYear)
    return Literal(date.iso(), datatype=datatype)


class _Addresses:
    """IRIs of the site's files and pages, absolute when the site address is known."""

    def __init__(self, site_url: str) -> None:
        self.site_url = site_url

    def __call__(self, path: str) -> URIRef:
        """The IRI of a site-relative ``path`` ("daten/#katalog", "massnahmen/", "" for the home page)."""
        if self.site_url:
            return URIRef(self.site_url + path)
        # Relative to daten/, where the catalogue lies: "daten/x.json" → "x.json", "daten/#k" → "./#k".
        if path.startswith(DATA_PAGE):
            rest = path[len(DATA_PAGE):]
            return URIRef(rest if rest and not rest.startswith("#") else "./" + rest)
        return URIRef("../" + path)


def _day(day: dt.date) -> Literal:
    return Literal(day.isoformat(), datatype=XSD.date)


def _temporal(ctx: BuildContext, dataset: Dataset) -> tuple[VagueDate, VagueDate] | None:
    """The oldest and newest dated source of the dataset's records (the documents' own dates for the
    sources dataset); None when no source carries a date."""
    catalog = ctx.catalog
    if "documents" in dataset.collections:
        cited: set[str] = set(catalog.documents)
    else:
        cited = {doc for collection in dataset.collections for record in catalog.records[collection].values()
                 for doc in catalog.sources_of(record)}
    known = [date for key in cited if key in catalog.documents and (date := catalog.documents[key].date).known]
    if not known:
        return None
    # sort_key orders by first day, then precision: equal keys are equal dates, so the choice is deterministic.
    return min(known, key=VagueDate.sort_key), max(known, key=VagueDate.sort_key)


def catalogue_graph(ctx: BuildContext, email: str | None = None, contributor_id: str = "") -> Graph:
    """The catalogue as one graph. ``email``: the operator's contact address (default: the build
    context's, '' while it is a placeholder; then the contact point names the /mitmachen/ page).
    ``contributor_id``: GovData's dcat-ap.de contributor IRI, only for a portal delivering to GovData
    itself (a harvesting portal such as Open.NRW sets its own)."""
    iri = _Addresses(ctx.site_url)
    # BuildContext carries the operator's e-mail once issue 15 is merged (Portal.contact); until then ''.
    email = getattr(ctx, "contact", "") if email is None else email
    terms = ctx.terms
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    add = graph.add

    publisher = iri(DATA_PAGE + "#herausgeber")
    add((publisher, RDF.type, FOAF.Agent))          # typed as both: the shapes know no FOAF subclasses offline
    add((publisher, RDF.type, FOAF.Organization))
    add((publisher, FOAF.name, Literal(terms.holder)))
    contact = iri(DATA_PAGE + "#kontakt")
    add((contact, RDF.type, VCARD.Kind))
    add((contact, RDF.type, VCARD.Organization))
    add((contact, VCARD.fn, Literal(terms.holder)))
    if email:
        add((contact, VCARD.hasEmail, URIRef("mailto:" + email)))
    else:
        add((contact, VCARD.hasURL, iri(CONTACT_PAGE)))

    catalogue = iri(DATA_PAGE + "#katalog")
    license_iri = URIRef(terms.license.dcat_uri)
    attribution = Literal(terms.attribution(ctx.site_url), lang="de")
    add((catalogue, RDF.type, DCAT.Catalog))
    add((catalogue, DCTERMS.title, Literal(f"{terms.site_name} – Offene Daten", lang="de")))
    add((catalogue, DCTERMS.description, Literal(
        "Die Daten des Portals über die Initiativen für Industrie und Handwerk in Nordrhein-Westfalen: "
        "Initiativen, Maßnahmen mit Verlauf, Organisationen und Personen, Quellen, Themen und Regionen, "
        "als JSON und CSV, jede Angabe mit ihrer Quelle.", lang="de")))
    add((catalogue, DCTERMS.publisher, publisher))
    add((catalogue, FOAF.homepage, iri("")))
    add((catalogue, DCTERMS.language, URIRef(vocabulary.LANGUAGE)))
    add((catalogue, DCTERMS.license, license_iri))
    add((catalogue, DCTERMS.spatial, URIRef(vocabulary.SPATIAL)))
    add((catalogue, DCAT.themeTaxonomy, URIRef(vocabulary.DATA_THEME)))
    add((catalogue, DCTERMS.modified, _day(newest_change(ctx, ctx.catalog.records))))

    for dataset in DATASETS:
        node = iri(f"{DATA_PAGE}#datensatz-{dataset.key}")
        add((catalogue, DCAT.dataset, node))
        add((node, RDF.type, DCAT.Dataset))
        add((node, DCTERMS.title, Literal(dataset.title, lang="de")))
        add((node, DCTERMS.description, Literal(dataset.description, lang="de")))
        add((node, DCTERMS.identifier, Literal(str(node) if ctx.site_url else f"{DATA_PAGE}#datensatz-{dataset.key}")))
        add((node, DCTERMS.publisher, publisher))
        add((node, DCAT.contactPoint, contact))
        for keyword in dataset.keywords:
            add((node, DCAT.keyword, Literal(keyword, lang="de")))
        for theme in dataset.themes:
            add((node, DCAT.theme, URIRef(f"{vocabulary.DATA_THEME}/{theme}")))
        add((node, DCTERMS.language, URIRef(vocabulary.LANGUAGE)))
        add((node, DCATDE.politicalGeocodingLevelURI, URIRef(vocabulary.GEOCODING_LEVEL)))
        add((node, DCATDE.politicalGeocodingURI, URIRef(vocabulary.GEOCODING)))
        add((node, DCTERMS.spatial, URIRef(vocabulary.SPATIAL)))
        add((node, DCTERMS.accrualPeriodicity, URIRef(vocabulary.ACCRUAL)))
        add((node, DCTERMS.modified, _day(newest_change(ctx, (*dataset.collections, "documents")))))
        add((node, DCAT.landingPage, iri(dataset.landing)))
        if contributor_id:
            add((node, DCATDE.contributorID, URIRef(contributor_id)))
        if span := _temporal(ctx, dataset):
            period = iri(f"{DATA_PAGE}#zeitraum-{dataset.key}")
            add((node, DCTERMS.temporal, period))
            add((period, RDF.type, DCTERMS.PeriodOfTime))
            add((period, DCAT.startDate, vague_literal(span[0])))
            add((period, DCAT.endDate, vague_literal(span[1])))
        for file in distributions(ctx, dataset):
            part = iri(f"{DATA_PAGE}#datei-{file.key}")
            add((node, DCAT.distribution, part))
            add((part, RDF.type, DCAT.Distribution))
            add((part, DCTERMS.title, Literal(file.title, lang="de")))
            if file.description:
                add((part, DCTERMS.description, Literal(file.description, lang="de")))
            add((part, DCTERMS.license, license_iri))
            add((part, DCATDE.licenseAttributionByText, attribution))
            add((part, DCAT.accessURL, iri(DATA_PAGE)))
            add((part, DCAT.downloadURL, iri(file.path)))
            add((part, DCTERMS.format, URIRef(file.format.file_type)))
            add((part, DCAT.mediaType, URIRef(file.format.iana)))
            add((part, DCTERMS.modified, _day(file.modified)))
            if file.conforms_to:
                add((part, DCTERMS.conformsTo, URIRef(file.conforms_to)))
    return graph


def _ordered(value: Any) -> Any:
    """JSON-LD with a fixed order: rdflib writes nodes and repeated values in set order, which
    changes with Python's hash seed; sorted here, the same content gives the same bytes."""
    if isinstance(value, dict):
        return {key: _ordered(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_ordered(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, ensure_ascii=False, sort_keys=True))
    return value


# Readers of the JSON-LD meet the catalogue first, then its datasets, then their files.
_READING_ORDER = {"dcat:Catalog": 0, "dcat:Dataset": 1, "dcat:Distribution": 2}


def _reading_order(node: dict[str, Any]) -> tuple[int, str]:
    types = node.get("@type", [])
    types = [types] if isinstance(types, str) else types
    return min((_READING_ORDER.get(kind, 3) for kind in types), default=3), str(node.get("@id", ""))


def jsonld(graph: Graph) -> str:
    """The graph as compacted JSON-LD with the catalogue's prefixes as a readable ``@context``."""
    document = _ordered(json.loads(graph.serialize(format="json-ld", context=PREFIXES, auto_compact=True)))
    document["@graph"] = sorted(document["@graph"], key=_reading_order)
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def catalogue_files(ctx: BuildContext) -> dict[str, str]:
    """The catalogue in Turtle and JSON-LD by path in the site."""
    graph = catalogue_graph(ctx)
    return {TURTLE_PATH: graph.serialize(format="turtle"), JSONLD_PATH: jsonld(graph)}
