"""Examples of the macros in overrides/portal/partners.html: the partner matrix, the network picture and
an organisation's initiatives (the checks of every library are in tests/test_macros.py)."""

from __future__ import annotations

from jinja2 import Environment
from test_macros import (
    HOSTILE,
    HOSTILE_CALLS,
    TODAY,
    Macros,
    assert_escaped,
    example,
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
        ("MPT (Masterplan Test, Initiative)", "./"), ("Zweite Initiative (Initiative)", "../zweite-initiative/"),
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


# --- the quieter profiles: source lines, folded rows, participants and key figures ----------------------


@example("section_sources")
def test_section_sources_is_one_line_with_every_source(env: Environment, catalog: Catalog, hostile: Catalog) -> None:
    partners = Macros(env, catalog, library="partners")
    line = one(partners.section_sources(["pm-eins"]), "p.portal-section-sources")
    assert text(line) == "Quelle dieses Abschnitts: „Pressemitteilung eins“"
    assert hrefs(line) == ["../../quellen/pm-eins/"]
    assert text(partners.section_sources(["pm-eins", "pm-eins"])).startswith("Quellen dieses Abschnitts:")
    assert str(partners.section_sources([])) == ""
    assert_escaped(Macros(env, hostile, library="partners").section_sources(["pm-eins"]))


@example("left_open")
def test_left_open_folds_what_the_sources_do_not_give(env: Environment, catalog: Catalog) -> None:
    partners = Macros(env, catalog, library="partners")
    html = partners.left_open(["Partner", "Zieltermin"])
    assert soup(html).dt.get_text() == "Nicht genannt"
    assert text(one(html, "dd.portal-open")) == "Partner, Zieltermin (nennen die Quellen nicht)"
    assert str(partners.left_open([])) == ""
    assert_escaped(partners.left_open([HOSTILE]))


@example("participants_table")
def test_participants_table_names_organisation_person_and_role(env: Environment, catalog: Catalog) -> None:
    html = Macros(env, catalog, library="partners").participants_table("masterplan-test")
    table = one(html, "table.portal-participants")
    assert [th.get_text() for th in table.thead.find_all("th")] == ["Organisation", "Person und Funktion"]
    groups = [[[text(cell) for cell in tr.find_all(["th", "td"])] for tr in body.find_all("tr")] for body in table.find_all("tbody")]
    assert groups == [
        [["Gemeinsame Leitung"], ["Stadt Test", "Dr. Erika Muster, Oberbürgermeisterin (laut Quelle vom 20. März 2017)"]],
        [["Teilnehmende"], ["Politik und Verwaltung", "keine genannt"]]]
    assert [th["scope"] for th in table.find_all("tbody")[0].find_all("th")] == ["rowgroup", "row"]
    # Both rows rest on the same source: it is named once, under the table.
    assert soup(html).select(".portal-sources") == []
    assert text(one(html, "p.portal-section-sources")) == "Quelle dieses Abschnitts: „Pressemitteilung eins“"


@example("participants_table")
def test_a_participant_on_another_source_names_it(env: Environment) -> None:
    records = mini_records()
    initiative = records["initiatives"]["masterplan-test"]
    members = [initiative.participants[0], initiative.participants[1].model_copy(update={"sources": ["pm-eins", "pm-eins"]})]
    records["initiatives"]["masterplan-test"] = initiative.model_copy(update={"participants": members})
    html = Macros(env, Catalog(records, TODAY), library="partners").participants_table("masterplan-test")
    [own] = soup(html).select("th .portal-sources")
    assert text(own) == "(Quellen: Pressemitteilung eins, Pressemitteilung eins)"
    assert text(own.find_parent("th")).startswith("Politik und Verwaltung (Quellen:")


@example("key_figures")
def test_key_figures_fit_two_columns(env: Environment, catalog: Catalog, hostile: Catalog) -> None:
    html = Macros(env, catalog, library="partners").key_figures("masterplan-test")
    table = one(html, "table.portal-figures")
    assert [th.get_text() for th in table.thead.find_all("th")] == ["Kennzahl", "Wert und Stichtag"]
    [row] = table.tbody.find_all("tr")
    assert row["id"] == "kennzahl-beschaeftigte"
    assert [text(c) for c in row.find_all(["th", "td"])] == ["Beschäftigte", "nahezu 100.000 BeschäftigteStichtag: Datum nicht bekannt"]  # <br> between
    assert text(one(html, "p.portal-section-sources")) == "Quelle dieses Abschnitts: „Pressemitteilung eins“"
    assert_escaped(Macros(env, hostile, library="partners").key_figures("masterplan-test"))


HOSTILE_CALLS.update({
    "section_sources": (lambda p, c: p.section_sources(["pm-eins"]), True, "partners"),
    "left_open": (lambda p, c: p.left_open(["Partner"]), False, "partners"),
    "participants_table": (lambda p, c: p.participants_table("masterplan-test"), True, "partners"),
    "key_figures": (lambda p, c: p.key_figures("masterplan-test"), True, "partners"),
    "partner_matrix": (lambda p, c: p.partner_matrix(c.partner_matrix()), True, "partners"),
    "network": (lambda p, c: p.network(c.partner_network()), True, "partners"),
    "partner_initiatives": (lambda p, c: p.partner_initiatives("stadt-test"), True, "partners"),
})
