"""Partners across initiatives (portal.partnership, portal.network) and the table of contents of
generated pages (portal.toc): bounded, deterministic, honest about what they leave out."""

from __future__ import annotations

import itertools
import math
import random

import pytest
from test_macros import TODAY, mini_records

from portal.catalog import Catalog
from portal.indexes import Involvement
from portal.network import RADIUS, SQUARE, STEP, layout, short
from portal.partnership import COLUMN_LIMIT, NO_ROLE, ROW_LIMIT, build_matrix
from portal.toc import TocEntry, overview_toc, record_toc


def two_initiatives() -> Catalog:
    """The mini content with a second initiative (a copy of the first with its own title): the
    organisations of its bodies and participants then take part in two initiatives."""
    records = mini_records()
    first = records["initiatives"]["masterplan-test"]
    records["initiatives"]["zweite-initiative"] = first.model_copy(update={"title": "Zweite Initiative", "short_name": None})
    return Catalog(records, TODAY)


def synthetic(orgs: int, initiatives: int, seed: int = 7) -> tuple[dict[str, dict[Involvement, None]], dict[str, str], dict[str, str]]:
    """Involvements of ``orgs`` organisations in up to five of ``initiatives`` initiatives each, at random
    (fixed seed), a mention without a role among them."""
    rng = random.Random(seed)
    titles = {f"i{n:03}": f"Initiative {n:03}" for n in range(initiatives)}
    names = {f"o{n:04}": f"Organisation {n:04}" for n in range(orgs)}
    involvements: dict[str, dict[Involvement, None]] = {}
    for org in names:
        chosen = rng.sample(sorted(titles), rng.randint(1, min(5, initiatives)))
        involvements[org] = {Involvement(i, rng.choice(["Vorsitz", "Unterzeichner", "Teilnahme"])): None for i in chosen}
        involvements[org][Involvement(chosen[0], NO_ROLE, "eine Maßnahme")] = None
    return involvements, names, titles


# --- the matrix -------------------------------------------------------------------------------


def test_matrix_of_the_mini_content_has_the_roles_in_words() -> None:
    matrix = Catalog(mini_records(), TODAY).partner_matrix()
    assert matrix.initiatives == ("masterplan-test",)
    cells = {row.organisation_id: row.cells[0] for row in matrix.rows}
    # stadt-test leads the initiative and owns a measure; kammer-test chairs the steering body and is a
    # measure's partner; each role once, however often it occurs.
    assert cells == {"kammer-test": ("Vorsitz", "Partner einer Maßnahme"),
                     "stadt-test": ("Gemeinsame Leitung", "Verantwortlich für Maßnahme")}
    assert (matrix.organisations_total, matrix.several_total, matrix.initiatives_total, matrix.complete) == (2, 0, 1, True)


def test_organisations_in_two_initiatives_come_first() -> None:
    matrix = two_initiatives().partner_matrix()
    assert [row.count for row in matrix.rows] == sorted((row.count for row in matrix.rows), reverse=True)
    assert matrix.several_total == 2
    assert set(matrix.initiatives) == {"masterplan-test", "zweite-initiative"}


def test_a_mention_without_role_is_no_participation() -> None:
    involvements = {"o": {Involvement("i", NO_ROLE, "Maßnahme")}, "p": {Involvement("i", "Vorsitz")}}
    matrix = build_matrix({k: dict.fromkeys(v) for k, v in involvements.items()}, {"o": "O", "p": "P"}, {"i": "I"})
    assert [row.organisation_id for row in matrix.rows] == ["p"] and matrix.organisations_total == 1


def test_matrix_is_bounded_at_the_size_of_all_nrw() -> None:
    involvements, names, titles = synthetic(3000, 400)
    matrix = build_matrix(involvements, names, titles)
    assert len(matrix.rows) == ROW_LIMIT and len(matrix.initiatives) <= COLUMN_LIMIT
    assert matrix.organisations_total == 3000 and matrix.initiatives_total == 400 and not matrix.complete
    counts = [row.count for row in matrix.rows]
    assert counts == sorted(counts, reverse=True) and counts[0] == 5
    assert all(len(row.cells) == len(matrix.initiatives) for row in matrix.rows)
    assert all(NO_ROLE not in cell for row in matrix.rows for cell in row.cells)
    assert build_matrix(involvements, names, titles) == matrix  # deterministic


# --- the network layout -----------------------------------------------------------------------------


def overlaps(net: object) -> list[tuple[str, str]]:
    nodes = net.nodes  # type: ignore[attr-defined]
    return [(a.key, b.key) for a, b in itertools.combinations(nodes, 2)
            if math.dist((a.x, a.y), (b.x, b.y)) < a.size + b.size + 4]


@pytest.mark.parametrize(("orgs", "initiatives"), [(1, 1), (5, 12), (40, 6), (3000, 400)])
def test_network_layout_has_no_overlapping_nodes_and_stays_in_its_box(orgs: int, initiatives: int) -> None:
    involvements, names, titles = synthetic(orgs, initiatives)
    matrix = build_matrix(involvements, names, titles)
    inner = [(key, titles[key]) for key in matrix.initiatives]
    outer = [(row.organisation_id, names[row.organisation_id],
              [k for k, cell in zip(matrix.initiatives, row.cells, strict=True) if cell]) for row in matrix.rows]
    net = layout(inner, outer)
    assert overlaps(net) == []
    assert len(net.nodes) == len(inner) + len(outer) <= ROW_LIMIT + COLUMN_LIMIT
    assert all(0 <= n.x - n.size and n.x + n.size <= net.width and 0 <= n.y - n.size and n.y + n.size <= net.height for n in net.nodes)
    assert len(net.edges) == sum(len(joined) for _, _, joined in outer)
    for edge in net.edges:  # each edge joins the circle of its organisation and the square of its initiative
        org, initiative = net.node("organisation", edge.organisation), net.node("initiative", edge.initiative)
        assert (edge.x1, edge.y1) == (org.x - RADIUS, org.y) and (edge.x2, edge.y2) == (initiative.x + SQUARE, initiative.y)
    assert layout(inner, outer) == net  # deterministic
    assert net.height <= (max(len(inner), len(outer)) + 2) * STEP


def test_network_orders_organisations_by_their_initiatives() -> None:
    net = layout([("a", "A"), ("b", "B")], [("x", "X", ["b"]), ("y", "Y", ["a"]), ("z", "Z", ["a", "b"])])
    right = [n.key for n in sorted(net.nodes, key=lambda n: n.y) if n.kind == "organisation"]
    assert right == ["y", "z", "x"]  # near A, between, near B: no crossing


def test_long_names_are_shortened_on_the_picture_only() -> None:
    name = "Ministerium für Wirtschaft, Industrie, Klimaschutz und Energie"
    net = layout([("i", "I")], [("m", name, ["i"])])
    node = net.node("organisation", "m")
    assert node.name == name and node.label == short(name) and node.label.endswith("…") and len(node.label) == 28


def test_catalog_network_covers_the_matrix() -> None:
    catalog = two_initiatives()
    net = catalog.partner_network()
    matrix = catalog.partner_matrix()
    assert {n.key for n in net.nodes if n.kind == "initiative"} == set(matrix.initiatives)
    assert {n.key for n in net.nodes if n.kind == "organisation"} == {row.organisation_id for row in matrix.rows}
    edges = {(e.organisation, e.initiative) for e in net.edges}
    assert edges == {(row.organisation_id, key) for row in matrix.rows
                     for key, cell in zip(matrix.initiatives, row.cells, strict=True) if cell}


def test_partner_initiatives_of_an_organisation() -> None:
    catalog = two_initiatives()
    assert catalog.partner_initiatives("kammer-test") == {"masterplan-test": ("Vorsitz", "Partner einer Maßnahme"),
                                                          "zweite-initiative": ("Vorsitz",)}


# --- the table of contents ------------------------------------------------------------------------------


def test_record_toc_lists_the_declared_sections_present() -> None:
    catalog = Catalog(mini_records(), TODAY)
    anchors = [e.anchor for e in record_toc(catalog, "initiatives", "masterplan-test")]
    assert anchors == [s.anchor for s in catalog.sections("initiatives", "masterplan-test")]
    assert anchors[:2] == ["ziele", "gremien"] and anchors[-1] == "quellen"
    assert record_toc(catalog, "people", "erika-muster")[0] == TocEntry("rollen", "Öffentliche Rollen")
    assert [e.anchor for e in record_toc(catalog, "organisations", "kammer-test")][0] == "initiativen"


def test_overview_toc_lists_the_groups() -> None:
    catalog = Catalog(mini_records(), TODAY)
    assert [e.anchor for e in overview_toc(catalog, {"template": "timeline.html"})] == ["jahre", "je-initiative"]
    year = {"template": "timeline.html", "listing": "zeitleiste", "group": "2017", "page": 1}
    assert [e.anchor for e in overview_toc(catalog, year)] == ["jahre", "quellen"]
    assert [e.anchor for e in overview_toc(catalog, {"template": "measures.html"})] == ["status-beschlossen", "status-abgeschlossen", "quellen"]
    # The partner directory links its types' pages (portal.archives) under one heading.
    assert [e.anchor for e in overview_toc(catalog, {"template": "partners.html"})] == ["netzwerk", "arten", "personen"]
    kind = {"template": "partners.html", "listing": "partner", "group": "stadt", "page": 1}
    assert [e.anchor for e in overview_toc(catalog, kind)] == ["arten", "quellen"]
    people = {"template": "partners.html", "listing": "personen", "group": "personen", "page": 1}
    assert [e.anchor for e in overview_toc(catalog, people)] == ["quellen"]
    assert [e.anchor for e in overview_toc(catalog, {"template": "network.html"})] == ["bild", "tabelle", "quellen"]
    assert overview_toc(catalog, {"template": "page.html"}) == []


# --- one source line per section (portal.citing) ------------------------------------------------------


def test_section_sources_names_what_most_rows_cite_and_keeps_the_others() -> None:
    from portal.citing import section_sources

    found = section_sources([["a"], ["b"], ["a"], [], ["a", "b"]])
    assert found.common == ("a",)
    assert found.rows == ((), ("b",), (), (), ("a", "b"))
    # Every cited document is still named: in the line or on its row.
    assert {d for row in found.rows for d in row} | set(found.common) == {"a", "b"}
    assert section_sources([["b"], ["a"]]).common == ("b",)  # a tie: the first in page order
    assert section_sources([]).common == () and section_sources([[]]).rows == ((),)


def test_a_note_that_only_says_the_source_is_silent_is_folded() -> None:
    from portal.citing import says_nothing

    assert says_nothing(None) and says_nothing("") and says_nothing("in der Quelle nicht genannt")
    assert says_nothing("In den Quellen nicht genannt.")
    assert not says_nothing("in der Quelle nicht genannt; moderieren soll laut Interview die wmr")
