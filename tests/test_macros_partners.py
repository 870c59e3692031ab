"""Examples of the macros in overrides/portal/partners.html: the partner matrix, the network picture and
an organisation's initiatives (the checks of every library are in tests/test_macros.py)."""

from __future__ import annotations

from jinja2 import Environment
from test_macros import (  # noqa: F401 (env, catalog and hostile are fixtures)
    HOSTILE,
    HOSTILE_CALLS,
    TODAY,
    Macros,
    assert_escaped,
    catalog,
    env,
    example,
    hostile,
    hrefs,
    mini_records,
    one,
    soup,
    text,
)

from portal.catalog import Catalog


def two_initiatives(records: dict | None = None) -> Catalog:
    """The mini content (or ``records``) with a copy of its initiative under another id and title."""
    records = records or mini_records()
    first = records["initiatives"]["masterplan-test"]
    records["initiatives"]["zweite-initiative"] = first.model_copy(update={"title": "Zweite Initiative", "short_name": None})
    return Catalog(records, TODAY)


@example("partner_matrix")
def test_partner_matrix_is_a_table_with_headers_and_roles(env: Environment) -> None:
    both = two_initiatives()
    html = Macros(env, both, library="partners").partner_matrix(both.partner_matrix())
    table = one(html, "div.portal-matrix[role=region] > table")
    assert one(html, "div.portal-matrix")["tabindex"] == "0"
    assert table.caption.get_text() == "Organisationen und ihre Rollen in den Initiativen"
    header = [(th["scope"], th.get_text()) for th in table.thead.find_all("th")]
    assert header == [("col", "Organisation"), ("col", "MPT"), ("col", "Zweite Initiative"), ("col", "Initiativen insgesamt")]
    rows = {tr.th.get_text(): [td.get_text() for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")}
    # The copy has no measures: the roles from measures are in the first column only.
    assert rows == {"Kammer Test": ["Vorsitz, Partner einer Maßnahme", "Vorsitz", "2"],
                    "Stadt Test": ["Gemeinsame Leitung, Verantwortlich für Maßnahme", "Gemeinsame Leitung", "2"]}
    assert all(th["scope"] == "row" for th in table.tbody.find_all("th"))
    assert "../../partner/kammer-test/" in hrefs(table) and "../zweite-initiative/" in hrefs(table)
    assert text(one(html, "p.portal-matrix__note")).startswith("Alle 2 Organisationen, die laut den Quellen eine Rolle")
    assert "2 Organisationen wirken in zwei oder mehr Initiativen mit" in text(html)


@example("partner_matrix")
def test_partner_matrix_without_roles_says_so(env: Environment) -> None:
    records = mini_records()
    initiative = records["initiatives"]["masterplan-test"]
    records["initiatives"]["masterplan-test"] = initiative.model_copy(update={"participants": [], "bodies": []})
    records["measures"] = {}
    empty = Catalog(records, TODAY)
    html = Macros(env, empty, library="partners").partner_matrix(empty.partner_matrix())
    assert soup(html).find("table") is None
    assert text(html) == "Die Quellen nennen noch keine Organisation in einer Rolle bei einer Initiative."


@example("network")
def test_network_nodes_are_named_links_with_a_legend(env: Environment) -> None:
    both = two_initiatives()
    net = both.partner_network()
    html = Macros(env, both, library="partners").network(net)
    svg = one(html, "figure.portal-network svg.portal-network__svg")
    assert (svg["role"], svg["viewbox"]) == ("group", f"0 0 {net.width} {net.height}")
    assert svg.find("title").get_text().startswith("Netz der Beteiligung")
    links = svg.find_all("a")
    assert [(a["aria-label"], a["href"]) for a in links] == [
        ("Masterplan Test (Initiative)", "./"), ("Zweite Initiative (Initiative)", "../zweite-initiative/"),
        ("Kammer Test (Organisation)", "../../partner/kammer-test/"), ("Stadt Test (Organisation)", "../../partner/stadt-test/")]
    assert [(a.title.get_text(), a.find("text").get_text()) for a in links] == [  # full name, label
        ("Masterplan Test", "MPT"), ("Zweite Initiative", "Zweite Initiative"), ("Kammer Test", "Kammer Test"),
        ("Stadt Test", "Stadt Test")]
    assert [len(a.find_all("rect")) + 2 * len(a.find_all("circle")) for a in links] == [1, 1, 2, 2]  # square, circle
    edges = one(html, "g.portal-network__edges")
    assert edges["aria-hidden"] == "true" and len(edges.find_all("line")) == len(net.edges) == 4
    legend = [text(li) for li in soup(html).select("ul.portal-network__legend li")]
    assert legend[:2] == ["Quadrat: Initiative", "Kreis: Organisation"]
    assert "#matrix-titel" in hrefs(one(html, "figcaption"))


@example("network")
def test_network_without_nodes_writes_nothing(env: Environment, catalog: Catalog) -> None:
    from portal.network import layout

    assert str(Macros(env, catalog, library="partners").network(layout([], []))).strip() == ""


@example("partner_initiatives")
def test_partner_initiatives_is_the_organisations_row(env: Environment, catalog: Catalog) -> None:
    both = two_initiatives()
    html = Macros(env, both, library="partners").partner_initiatives("kammer-test")
    assert text(html) == ("Kammer Test wirkt laut den Quellen in 2 Initiativen mit: Masterplan Test (Vorsitz, Partner einer Maßnahme); "
                          "Zweite Initiative (Vorsitz). Wer arbeitet mit wem?")
    assert hrefs(html)[-1] == "../../partner/netzwerk/"
    single = Macros(env, catalog, library="partners").partner_initiatives("kammer-test")
    assert text(single).startswith("Kammer Test wirkt laut den Quellen in einer Initiative mit: Masterplan Test")


@example("partner_initiatives")
def test_partner_initiatives_escape_names(env: Environment, hostile: Catalog) -> None:
    html = Macros(env, hostile, library="partners").partner_initiatives("stadt-test")
    assert_escaped(html)
    assert text(html).count(HOSTILE) == 2  # the organisation and the initiative


HOSTILE_CALLS.update({
    "partner_matrix": (lambda p, c: p.partner_matrix(c.partner_matrix()), True, "partners"),
    "network": (lambda p, c: p.network(c.partner_network()), True, "partners"),
    "partner_initiatives": (lambda p, c: p.partner_initiatives("stadt-test"), True, "partners"),
})
