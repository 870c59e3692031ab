"""Checking a DCAT-AP.de catalogue offline: GovData's SHACL shapes (``tests/shapes/dcat-ap-de``) with
pyshacl, and the excerpt of the controlled vocabularies the portal uses.

The shapes check vocabulary membership through ``skos:inScheme`` of each value, which only the
vocabularies themselves state; they are on the web (the shapes' imports file), not here. So the
excerpt below states membership for exactly the entries the portal may use, copied from the
published vocabularies, and the tests check directly that the catalogue uses nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyshacl
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.namespace import SH, SKOS

SHAPES = Path(__file__).resolve().parent / "shapes" / "dcat-ap-de"
# Every shape file but dcat-ap-de-imports.ttl, whose owl:imports need the web.
SHAPE_FILES = ("dcat-ap-spec-german-additions.ttl", "dcat-ap-spec-german-messages.ttl", "dcat-ap-konventionen.ttl",
               "dcat-ap-de-deprecated.ttl")

EU = "http://publications.europa.eu/resource/authority/"
# Entries of the vocabularies (scheme → members), as published by the EU Publications Office and dcat-ap.de.
VOCABULARIES: dict[str, set[str]] = {
    EU + "data-theme": {EU + f"data-theme/{code}" for code in (
        "AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST", "REGI", "SOCI", "TECH", "TRAN")},
    EU + "frequency": {EU + f"frequency/{code}" for code in (
        "IRREG", "UNKNOWN", "CONT", "DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "ANNUAL", "NEVER", "UPDATE_CONT")},
    EU + "file-type": {EU + f"file-type/{code}" for code in ("CSV", "JSON", "JSON_LD", "RDF_TURTLE", "XML")},
    EU + "language": {EU + "language/DEU"},
    "http://dcat-ap.de/def/licenses": {"http://dcat-ap.de/def/licenses/cc-by/4.0",
                                       "http://dcat-ap.de/def/licenses/dl-by-de/2.0"},
    "http://dcat-ap.de/def/politicalGeocoding/Level": {"http://dcat-ap.de/def/politicalGeocoding/Level/state"},
    "http://dcat-ap.de/def/politicalGeocoding/stateKey": {"http://dcat-ap.de/def/politicalGeocoding/stateKey/05"},
    # GovData's contributor ids; a test uses Open.NRW's, as a portal delivering itself would use its own.
    "http://dcat-ap.de/def/contributors": {"http://dcat-ap.de/def/contributors/openNRW"},
}
DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
CONTRIBUTOR_RULE = URIRef("http://dcat-ap.de/def/dcatde/Konv12_13_contributorID_v_List")


def shapes() -> Graph:
    """GovData's DCAT-AP.de 2.0 shapes as one graph."""
    graph = Graph()
    for name in SHAPE_FILES:
        graph.parse(SHAPES / name, format="turtle")
    return graph


def vocabulary_excerpt() -> Graph:
    """``skos:inScheme`` for each vocabulary entry the portal may use."""
    graph = Graph()
    for scheme, members in VOCABULARIES.items():
        for member in members:
            graph.add((URIRef(member), SKOS.inScheme, URIRef(scheme)))
            graph.add((URIRef(member), RDF.type, SKOS.Concept))
    return graph


@dataclass(frozen=True)
class Result:
    """One finding of the validation."""

    severity: str      # Violation, Warning, Info
    shape: str         # the source shape's IRI (or its message when the shape is a blank node)
    focus: str
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.message} ({self.focus})"


_SHAPES: Graph | None = None


def validate(data: Graph) -> list[Result]:
    """Every result of validating ``data`` against the shapes, with the vocabulary excerpt."""
    global _SHAPES
    _SHAPES = _SHAPES if _SHAPES is not None else shapes()
    # The excerpt joins a copy of the data, as the vocabularies would on the web.
    mixed = Graph()
    for triple in (*data, *vocabulary_excerpt()):
        mixed.add(triple)
    _, report, _ = pyshacl.validate(mixed, shacl_graph=_SHAPES, inference="rdfs")
    assert isinstance(report, Graph)
    found = []
    for node in report.subjects(RDF.type, SH.ValidationResult):
        severity = str(report.value(node, SH.resultSeverity)).rsplit("#", 1)[-1]
        shape = report.value(node, SH.sourceShape)
        message = " ".join(str(m) for m in report.objects(node, SH.resultMessage))
        found.append(Result(severity, str(shape) if isinstance(shape, URIRef) else message,
                            str(report.value(node, SH.focusNode)), message))
    return sorted(found, key=str)


def violations(data: Graph, *, delivered_by_harvester: bool = True) -> list[Result]:
    """The violations; with ``delivered_by_harvester`` without GovData's rule K12/13 (every dataset names
    its delivering portal's contributor id): Open.NRW, which harvests the portal, sets its own."""
    return [result for result in validate(data) if result.severity == "Violation"
            and not (delivered_by_harvester and result.shape == str(CONTRIBUTOR_RULE))]
