"""Every macro of the portal's macro libraries (overrides/portal/*.html) rendered on its own, with
examples, escaping included.

Like GOV.UK Frontend's components: each macro has a documented parameter list (checked here against
its signature and against what it reads from the context) and examples that render it in isolation
and assert the HTML a page gets. The environment is the build's: Material's templates and the
portal's overrides, MkDocs' ``url`` filter and the hook's autoescaping of ``portal/`` templates; the
catalog is the real one of the small content set (``tests/fixtures/mini``) on the fixed date.

A new macro without an example, or without documentation, fails ``test_every_macro_has_an_example``
and ``test_every_macro_is_documented``. Libraries other than ``macros.html`` (``portal/<name>.html``)
keep their examples in ``tests/test_macros_<name>.py``, which imports ``Macros``, ``example`` and
``HOSTILE_CALLS`` from here and adds one hostile call per macro; the checks below cover every library.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from jinja2 import Environment, FileSystemLoader, UndefinedError, nodes
from markupsafe import escape
from mkdocs.utils.templates import url_filter

from portal import labels, present
from portal.catalog import Catalog
from portal.check import load_valid
from portal.dates import VagueDate
from portal.evidence import Evidence
from portal.markup import render_inline, render_prose
from portal.model import Chair, Record, Selection

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
OVERRIDES = ROOT / "overrides"
MACROS = OVERRIDES / "portal" / "macros.html"
# Every macro library: macros.html and the components in files of their own (charts, map, feeds);
# includes without macros (problems.html) are not libraries.
LIBRARIES = sorted(path for path in (OVERRIDES / "portal").glob("*.html") if "{% macro" in path.read_text(encoding="utf-8"))
TODAY = dt.date(2026, 11, 22)  # the reference date of the mini fixtures (tests/conftest.py, EPOCH)
# The examples are rendered on the initiative's own page: the url filter makes addresses relative to it.
PAGE_URL = "initiativen/masterplan-test/"
# Markup, an attribute quote and an ampersand: what must reach the HTML as text.
HOSTILE = '<script>alert("x")</script> & "Co"'


# --- the environment, the catalog and the context, as the build has them ---------------------------


def material_templates() -> Path:
    """Material's templates folder in the installed package (never a path into a virtualenv)."""
    spec = importlib.util.find_spec("material")
    assert spec is not None and spec.origin is not None, "mkdocs-material ist nicht installiert"
    return Path(spec.origin).parent / "templates"


def autoescape(name: str | None) -> bool:
    """The hook's rule (portal_hooks.on_env) for the portal's partials: ``portal/…`` is autoescaped."""
    return name is not None and name.startswith("portal/")


def environment() -> Environment:
    """MkDocs' theme environment (mkdocs.theme.Theme.get_env): a loader over overrides/ first, then
    Material's templates; no auto-reload; MkDocs' own ``url`` filter; autoescaping as the hook sets it."""
    env = Environment(loader=FileSystemLoader([OVERRIDES, material_templates()]), auto_reload=False,
                      autoescape=autoescape)
    env.filters["url"] = url_filter
    return env


def mini_records() -> dict[str, dict[str, Record]]:
    loaded, problems = load_valid(FIXTURES / "mini", TODAY)
    assert not problems, problems
    return {name: dict(items) for name, items in loaded.records.items()}


def changed(records: dict[str, dict[str, Record]], collection: str, key: str, **fields: Any) -> None:
    """Replace fields of one record without validation (``model_copy``): the content check refuses
    ``<`` and ``>`` in names, the templates must escape them anyway."""
    records[collection][key] = records[collection][key].model_copy(update=fields)


def hostile_records() -> dict[str, dict[str, Record]]:
    """The mini content with every name, title and free text a macro shows set to ``HOSTILE``."""
    records = mini_records()
    initiative = records["initiatives"]["masterplan-test"]
    person = records["people"]["erika-muster"]
    changed(records, "documents", "pm-eins", title=HOSTILE)
    changed(records, "organisations", "stadt-test", name=HOSTILE)
    changed(records, "organisations", "kammer-test", name=HOSTILE)
    changed(records, "people", "erika-muster", name=HOSTILE, honorific=None,
            roles=[role.model_copy(update={"role": HOSTILE}) for role in person.roles])  # type: ignore[attr-defined]
    changed(records, "measures", "glasfaser", title=HOSTILE)
    changed(records, "measures", "fertig", title=HOSTILE)
    changed(records, "regions", "teststadt", name=HOSTILE)
    changed(records, "topics", "flaechen", name=HOSTILE)
    changed(records, "initiatives", "masterplan-test", title=HOSTILE, summary=HOSTILE,
            milestones=[m.model_copy(update={"title": HOSTILE, "place": HOSTILE, "description": HOSTILE})
                        for m in initiative.milestones],  # type: ignore[attr-defined]
            working_groups=[g.model_copy(update={"chairs": [Chair.model_construct(note=HOSTILE)]})
                            for g in initiative.working_groups])  # type: ignore[attr-defined]
    return records


def undated_records() -> dict[str, dict[str, Record]]:
    """The mini content with its one published document undated: no status has a dated source."""
    records = mini_records()
    changed(records, "documents", "pm-eins", date=VagueDate.parse("unbekannt"))
    return records


def context(catalog: Catalog, **extra: Any) -> dict[str, Any]:
    """What a page's template gets: portal.site.Portal.context()'s names, and MkDocs' page and base_url."""
    return {
        "page": SimpleNamespace(url=PAGE_URL, title="Masterplan Test", content="<p>Text der Redaktion.</p>"),
        "base_url": "../..",
        "portal": catalog,
        "fmt": present,
        "labels": labels,
        "prose": render_prose,
        "inline": render_inline,
        "report_links": {},
        "edit_url": None,
        "source_file": "data/initiatives/masterplan-test.yaml",
        **extra,
    }


CALLED: set[str] = set()  # the macros the running test called
COVERED: set[str] = set()  # the macros some test names as its subject (see ``example``)


class Macros:
    """The imported macros (``{% import "portal/macros.html" as p with context %}``); notes each call."""

    def __init__(self, env: Environment, catalog: Catalog, library: str = "macros", **extra: Any) -> None:
        self._module = env.get_template(f"portal/{library}.html").make_module(context(catalog, **extra))

    def __getattr__(self, name: str) -> Callable[..., Any]:
        CALLED.add(name)
        return getattr(self._module, name)


def example(*names: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Marks a test as an example of the macros ``names``; after the test, each must have been called."""
    def mark(test: Callable[..., None]) -> Callable[..., None]:
        COVERED.update(names)
        test.macros = names  # type: ignore[attr-defined]
        return test
    return mark


@pytest.fixture(autouse=True)
def _calls_the_macros_it_names(request: pytest.FixtureRequest) -> Any:
    CALLED.clear()
    yield
    missing = set(getattr(request.function, "macros", ())) - CALLED
    assert not missing, f"{request.function.__name__} ist Beispiel für {sorted(missing)}, ruft sie aber nicht auf"


@pytest.fixture()
def p(env: Environment, catalog: Catalog) -> Macros:
    """The macros on the initiative's page, with the mini catalog and no report or edit links."""
    return Macros(env, catalog)


# --- reading the output -------------------------------------------------------------------------


def soup(html: object) -> BeautifulSoup:
    return BeautifulSoup(str(html), "html.parser")


def text(html: object) -> str:
    """The text a reader sees, whitespace collapsed."""
    return " ".join(soup(html).get_text().split())


def one(html: object, selector: str) -> Tag:
    found = soup(html).select(selector)
    assert len(found) == 1, f"{selector}: {len(found)} Treffer in {html}"
    return found[0]


def hrefs(html: object) -> list[str]:
    return [str(a["href"]) for a in soup(html).find_all("a")]


def assert_escaped(html: object, value: str = HOSTILE) -> None:
    """``value`` reached the HTML as text: escaped in the source, whole for the reader, no element from it."""
    source = str(html)
    assert str(escape(value)) in source, source
    assert "<script" not in source and "<b>" not in source, source
    assert soup(source).find(["script", "b"]) is None
    assert value in soup(source).get_text()


# --- page_heading, section_heading, section_links ------------------------------------------------


@example("page_heading")
def test_page_heading_writes_the_title_unless_the_page_has_one(env: Environment, catalog: Catalog) -> None:
    html = Macros(env, catalog).page_heading()
    assert str(html) == "<h1>Masterplan Test</h1>"
    with_h1 = SimpleNamespace(url=PAGE_URL, title="Titel", content="<h1>Eigene Überschrift</h1>")
    assert str(Macros(env, catalog, page=with_h1).page_heading()) == ""
    hostile_page = SimpleNamespace(url=PAGE_URL, title=HOSTILE, content="")
    html = Macros(env, catalog, page=hostile_page).page_heading()
    assert one(html, "h1").get_text() == HOSTILE
    assert_escaped(html)


@example("section_heading")
def test_section_heading_uses_the_declared_anchor_and_heading(p: Macros) -> None:
    assert str(p.section_heading("initiatives", "arbeitskreise", " (1)")) == '<h2 id="arbeitskreise">Arbeitskreise (1)</h2>'
    # The heading can be longer than the section link's label.
    heading = one(p.section_heading("people", "rollen"), "h2")
    assert (heading["id"], heading.get_text()) == ("rollen", "Öffentliche Rollen")
    assert one(p.section_heading("initiatives", "presse"), "h2").get_text() == "Presse und Dokumente"
    html = p.section_heading("measures", "verlauf", " " + HOSTILE)
    assert one(html, "h2#verlauf").get_text() == "Verlauf " + HOSTILE
    assert_escaped(html)
    with pytest.raises(UndefinedError):  # an anchor the page type does not declare
        str(p.section_heading("measures", "gibt-es-nicht"))


@example("section_links")
def test_section_links_list_the_sections_the_record_has(env: Environment, p: Macros) -> None:
    nav = one(p.section_links("initiatives", "masterplan-test"), "nav.portal-sections")
    assert nav["aria-label"] == "Abschnitte dieser Seite"
    assert [(a["href"], a.get_text()) for a in nav.select("ul > li > a")] == [
        ("#ziele", "Ziele"), ("#gremien", "Gremien"), ("#arbeitskreise", "Arbeitskreise"), ("#massnahmen", "Maßnahmen"),
        ("#beteiligte", "Beteiligte"), ("#zeitleiste", "Zeitleiste"), ("#kennzahlen", "Kennzahlen"),
        ("#stellungnahmen", "Stellungnahmen"), ("#presse", "Presse"), ("#quellen", "Quellen")]
    # Without goals, the initiative's page has no "Ziele" section, and no link to it.
    records = mini_records()
    changed(records, "initiatives", "masterplan-test", goals=[])
    html = Macros(env, Catalog(records, TODAY)).section_links("initiatives", "masterplan-test")
    assert "#ziele" not in hrefs(html) and "#gremien" in hrefs(html)


# --- link, sources, cited ---------------------------------------------------------------------------


@pytest.mark.parametrize(("collection", "key", "href", "name"), [
    ("measures", "glasfaser", "../../massnahmen/glasfaser/", "Glasfaser bis 2020"),
    ("initiatives", "masterplan-test", "./", "Masterplan Test"),  # the page itself
    ("organisations", "stadt-test", "../../partner/stadt-test/", "Stadt Test"),
    ("people", "erika-muster", "../../personen/erika-muster/", "Dr. Erika Muster"),  # with honorific
    ("documents", "pm-eins", "../../quellen/pm-eins/", "Pressemitteilung eins"),
    ("regions", "teststadt", "../../regionen/teststadt/", "Teststadt"),
    ("topics", "flaechen", "../../themen/flaechen/", "Flächen"),
])
@example("link")
def test_link_points_to_the_record_relative_to_the_page(p: Macros, collection: str, key: str, href: str, name: str) -> None:
    assert str(p.link(collection, key)) == f'<a href="{href}">{name}</a>'


@example("link")
def test_link_escapes_its_text_and_the_record_name(p: Macros, env: Environment, hostile: Catalog) -> None:
    html = p.link("measures", "glasfaser", text="<b>x</b> & \"y\"")
    assert str(html) == '<a href="../../massnahmen/glasfaser/">&lt;b&gt;x&lt;/b&gt; &amp; &#34;y&#34;</a>'
    assert one(html, "a").get_text() == '<b>x</b> & "y"'
    assert_escaped(Macros(env, hostile).link("documents", "pm-eins"))
    assert_escaped(Macros(env, hostile).link("people", "erika-muster"))


@example("sources")
def test_sources_say_quelle_or_quellen(p: Macros, env: Environment, hostile: Catalog) -> None:
    span = one(p.sources(["pm-eins"]), "span.portal-sources")
    assert text(span) == "(Quelle: Pressemitteilung eins)"
    assert hrefs(span) == ["../../quellen/pm-eins/"]
    # The mini set has one published document: cited twice, it shows the plural and the separator.
    assert text(p.sources(["pm-eins", "pm-eins"])) == "(Quellen: Pressemitteilung eins, Pressemitteilung eins)"
    assert str(p.sources([])) == ""
    assert_escaped(Macros(env, hostile).sources(["pm-eins"]))


@example("cited")
def test_cited_quotes_and_links_the_titles(p: Macros, env: Environment, hostile: Catalog) -> None:
    html = p.cited(["pm-eins"])
    assert str(html) == '„<a href="../../quellen/pm-eins/">Pressemitteilung eins</a>“'
    assert text(p.cited(["pm-eins", "pm-eins"])) == "„Pressemitteilung eins“, „Pressemitteilung eins“"
    assert str(p.cited([])) == ""
    assert_escaped(Macros(env, hostile).cited(["pm-eins"]))


# --- evidence, status_tag, status, initiative_status, stale_note ------------------------------------------


@example("evidence")
def test_evidence_gives_the_date_of_the_source(p: Macros, catalog: Catalog) -> None:
    dated = catalog.measure_evidence("glasfaser")
    html = p.evidence(dated)
    span = one(html, "span.portal-evidence")
    assert text(span) == "Quelle vom 20. März 2017"
    assert span.time is not None and span.time["datetime"] == "2017-03-20"
    assert str(p.evidence(dated, True)) == str(html)  # a dated source is never flagged
    undated = Evidence(("pm-eins",), None)
    assert str(p.evidence(undated)) == '<span class="portal-evidence">Quelle undatiert</span>'
    flag = one(p.evidence(undated, flagged=True), "a")
    assert flag["class"] == ["portal-status", "portal-status--stale"]
    assert (flag["href"], flag.get_text()) == ("../../methode/#ohne-meldung", "Quelle undatiert")


@example("status_tag")
def test_status_tag_links_the_status_to_its_definition(p: Macros) -> None:
    tag = one(p.status_tag("measure", "in_umsetzung", "in Umsetzung"), "a")
    assert tag["class"] == ["portal-status", "portal-status--in_umsetzung"]
    assert (tag["href"], tag.get_text()) == ("../../methode/#status-in-umsetzung", "in Umsetzung")
    tag = one(p.status_tag("initiative", "laufend", "läuft"), "a")
    assert (tag["href"], tag.get_text()) == ("../../methode/#initiative-laufend", "läuft")
    html = p.status_tag("measure", 'x" onclick="alert(1)', HOSTILE)
    tag = one(html, "a")
    assert tag.get("onclick") is None  # the quote did not end the attribute: all of it stayed in the class
    assert tag["class"] == ["portal-status", 'portal-status--x"', 'onclick="alert(1)']
    assert_escaped(html)


@example("status")
def test_status_of_an_overdue_stale_measure(p: Macros) -> None:
    html = p.status("glasfaser")
    links = soup(html).find_all("a")
    assert [(a["class"][-1], a.get_text(), a["href"]) for a in links] == [
        ("portal-status--beschlossen", "beschlossen", "../../methode/#status-beschlossen"),
        ("portal-status--overdue", "Zieltermin 2020 verstrichen", "../../methode/#zieltermin-verstrichen"),
        ("portal-status--stale", "seit über 9 Jahren ohne Meldung", "../../methode/#ohne-meldung"),
    ]
    assert text(one(html, "span.portal-meta")) == "(Quelle vom 20. März 2017)"


@example("status")
def test_status_of_a_finished_measure_has_no_flags(p: Macros) -> None:
    html = p.status("fertig")
    assert text(html) == "abgeschlossen (Quelle vom 20. März 2017)"
    assert [a["class"][-1] for a in soup(html).find_all("a")] == ["portal-status--abgeschlossen"]


@example("status")
def test_status_on_an_undated_source_flags_the_source_once(env: Environment, undated: Catalog) -> None:
    html = Macros(env, undated).status("glasfaser")
    stale = soup(html).select("a.portal-status--stale")
    assert [a.get_text() for a in stale] == ["Quelle undatiert"]  # not "keine datierte Meldung" as well
    assert text(html) == "beschlossen (Quelle undatiert) Zieltermin 2020 verstrichen"


@example("initiative_status")
def test_initiative_status_says_unclear_on_an_old_source(p: Macros) -> None:
    html = p.initiative_status("masterplan-test")
    tag = one(html, "a.portal-status--unklar")
    assert (tag["href"], tag.get_text()) == ("../../methode/#initiative-unklar", "Stand unklar")
    assert text(soup(html).find("span", class_="portal-meta")) == "(zuletzt als laufend gemeldet, Quelle vom 20. März 2017)"
    assert one(html, "a.portal-status--stale").get_text() == "seit über 9 Jahren ohne Meldung"


@example("initiative_status")
def test_initiative_status_runs_on_a_recent_source(env: Environment) -> None:
    html = Macros(env, Catalog(mini_records(), dt.date(2017, 6, 1))).initiative_status("masterplan-test")
    assert text(html) == "läuft (Quelle vom 20. März 2017)"
    assert one(html, "a")["class"] == ["portal-status", "portal-status--laufend"]


@example("stale_note")
def test_stale_note_only_for_open_items_with_old_dated_news(p: Macros, env: Environment, undated: Catalog) -> None:
    note = one(p.stale_note("measures", "glasfaser"), "a")
    assert note["class"] == ["portal-status", "portal-status--stale"]
    assert (note["href"], note.get_text()) == ("../../methode/#ohne-meldung", "seit über 9 Jahren ohne Meldung")
    assert text(p.stale_note("initiatives", "masterplan-test")) == "seit über 9 Jahren ohne Meldung"
    assert str(p.stale_note("measures", "fertig")).strip() == ""  # finished
    assert str(Macros(env, undated).stale_note("measures", "glasfaser")).strip() == ""  # evidence flags it
    recent = Macros(env, Catalog(mini_records(), dt.date(2017, 6, 1)))
    assert str(recent.stale_note("measures", "glasfaser")).strip() == ""


# --- role, selection ---------------------------------------------------------------------------------


@example("role")
def test_role_as_the_source_states_it(p: Macros, catalog: Catalog) -> None:
    role = catalog.people["erika-muster"].roles[0]
    html = p.role(role)
    assert text(html) == "laut „Pressemitteilung eins“ vom 20. März 2017: Oberbürgermeisterin, Stadt Test"
    assert hrefs(html) == ["../../quellen/pm-eins/", "../../partner/stadt-test/"]
    dated = role.model_copy(update={"start": VagueDate.parse("2015"), "end": VagueDate.parse("2020-10")})
    assert [text(s) for s in soup(p.role(dated)).select("span.portal-meta")] == ["seit 2015", "bis Oktober 2020"]


@example("role")
def test_role_compact_has_no_links(p: Macros, catalog: Catalog) -> None:
    html = p.role(catalog.people["erika-muster"].roles[0], compact=True)
    assert text(html) == "Oberbürgermeisterin, Stadt Test (laut Quelle vom 20. März 2017)"
    assert hrefs(html) == [] and one(html, "time")["datetime"] == "2017-03-20"


@example("role")
def test_role_on_an_undated_source(env: Environment, undated: Catalog) -> None:
    p = Macros(env, undated)
    role = undated.people["erika-muster"].roles[0]
    assert text(p.role(role)) == "laut „Pressemitteilung eins“ (Quelle undatiert): Oberbürgermeisterin, Stadt Test"
    assert text(p.role(role, compact=True)) == "Oberbürgermeisterin, Stadt Test (laut undatierter Quelle)"


@example("role")
def test_role_escapes_role_organisation_and_source(env: Environment, hostile: Catalog) -> None:
    p = Macros(env, hostile)
    role = hostile.people["erika-muster"].roles[0]
    for html in (p.role(role), p.role(role, compact=True)):
        assert_escaped(html)
        assert text(html).count(HOSTILE) == (3 if "„" in text(html) else 2)  # role, organisation (, source)


@example("selection")
def test_selection_says_what_the_list_is(p: Macros) -> None:
    html = p.selection(None, 2)
    para = one(html, "p.portal-selection")
    assert text(para) == "2 Maßnahmen, die die Quellen nennen; ob es weitere gibt, sagen sie nicht. Was das heißt"
    assert hrefs(para) == ["../../methode/#beispiele"]
    examples = Selection(scope="beispiele", total=33, total_label="konkrete Projekte", sources=["pm-eins"])
    html = p.selection(examples, 8)
    assert text(html) == ("Laut Quelle 33 konkrete Projekte; hier 8 als Beispiele aus der Quelle. "
                          "(Quelle: Pressemitteilung eins) Was das heißt")
    assert "Quelle:" not in text(p.selection(examples, 8, cite=False))
    complete = Selection(scope="vollstaendig", sources=["pm-eins"])
    assert text(p.selection(complete, 1, cite=False)) == "Alle 1 Maßnahme, die die Quelle aufzählt. Was das heißt"


@example("selection")
def test_selection_escapes_the_sources_words(p: Macros) -> None:
    crafted = Selection.model_construct(scope="beispiele", total=3, total_label=HOSTILE, sources=[])
    html = p.selection(crafted, 1)
    assert text(html).startswith(f"Laut Quelle 3 {HOSTILE}; hier 1 als Beispiele")
    assert_escaped(html)


# --- measure_list, chairs, timeline -----------------------------------------------------------------------


@example("measure_list")
def test_measure_list_items_carry_their_filter_data(p: Macros) -> None:
    html = p.measure_list(["glasfaser", "fertig"], show_initiative=True)
    items = one(html, "ul.portal-measures").find_all("li", recursive=False)
    assert [{k: v for k, v in li.attrs.items()} for li in items] == [
        {"data-portal-item": "", "data-status": "beschlossen", "data-initiative": "masterplan-test",
         "data-topic": "flaechen", "data-region": "teststadt land", "data-overdue": "ja", "data-stale": "ja"},
        {"data-portal-item": "", "data-status": "abgeschlossen", "data-initiative": "masterplan-test",
         "data-topic": "", "data-region": "teststadt land", "data-overdue": "nein", "data-stale": "nein"},
    ]
    first = items[0]
    assert (first.a["href"], first.a.get_text()) == ("../../massnahmen/glasfaser/", "Glasfaser bis 2020")
    assert first.select_one("a.portal-status--overdue") is not None  # with status()
    meta = first.find_all("span", class_="portal-meta", recursive=False)
    assert [text(m) for m in meta] == [
        "(Quelle vom 20. März 2017)",  # status()'s
        "· Masterplan Test · Ziel: 2020 · letzte Meldung: 20. März 2017 · verantwortlich: Stadt Test"]
    assert "Masterplan Test" not in text(p.measure_list(["glasfaser"]))  # show_initiative=False
    assert str(p.measure_list([])).strip() == '<ul class="portal-measures">\n  </ul>'


@example("measure_list")
def test_measure_list_escapes_titles_and_names(env: Environment, hostile: Catalog) -> None:
    html = Macros(env, hostile).measure_list(["glasfaser"], show_initiative=True)
    assert_escaped(html)
    assert [a.get_text() for a in soup(html).find_all("a") if "portal-status" not in a.get("class", [])] == [HOSTILE] * 3


@example("chairs")
def test_chairs_name_people_organisations_and_notes(p: Macros, catalog: Catalog) -> None:
    html = p.chairs(catalog.initiatives["masterplan-test"].bodies[0].chairs)
    assert text(html) == "Kammer Test; Dr. Erika Muster"
    assert hrefs(html) == ["../../partner/kammer-test/", "../../personen/erika-muster/"]
    assert str(p.chairs(catalog.initiatives["masterplan-test"].working_groups[0].chairs)) == "ein Unternehmer (Name nicht genannt)"
    both = Chair(person="erika-muster", organisation="stadt-test", note="Sprecherin")
    assert text(p.chairs([both])) == "Dr. Erika Muster, Stadt Test – Sprecherin"
    assert_escaped(p.chairs([Chair.model_construct(organisation="kammer-test", person=None, note=HOSTILE)]))


@example("timeline")
def test_timeline_lists_milestones_with_dates(p: Macros, catalog: Catalog) -> None:
    html = p.timeline(catalog.timeline())
    items = one(html, "ol.portal-timeline").find_all("li", recursive=False)
    assert [(li["class"], li["data-kind"], li["data-status"], li["data-initiative"]) for li in items] == [
        (["portal-timeline__item", "portal-timeline__item--stattgefunden"], "konferenz", "stattgefunden", "masterplan-test"),
        (["portal-timeline__item", "portal-timeline__item--angekuendigt"], "ueberpruefung", "angekuendigt", "masterplan-test"),
        (["portal-timeline__item", "portal-timeline__item--stattgefunden"], "sitzung", "stattgefunden", "masterplan-test"),
    ]
    first, due, unknown = items
    assert first.select_one("p.portal-timeline__date time")["datetime"] == "2017-03-16"
    assert text(first.select_one("p.portal-timeline__title")) == "Industriekonferenz (Konferenz, stattgefunden)"
    assert hrefs(first) == ["./", "../../quellen/pm-eins/"]
    # An announced event whose date has passed says that no source reports it took place.
    note = due.find("a", href="../../methode/#ohne-meldung")
    assert note.get_text() == "Angekündigt für Frühjahr 2018; ob es stattfand, meldet keine Quelle."
    assert text(unknown.select_one("p.portal-timeline__date")) == "Datum nicht bekannt (zum Jahresauftakt)"
    assert "./" not in hrefs(p.timeline(catalog.timeline(), show_initiative=False))
    # On an initiative's page the section's source line names the common sources: items leave them out.
    quiet = p.timeline(catalog.timeline(), show_initiative=False, common=["pm-eins"])
    assert "../../quellen/pm-eins/" not in hrefs(quiet)
    other = p.timeline(catalog.timeline(), show_initiative=False, common=["pm-eins", "pm-eins"])
    assert hrefs(other).count("../../quellen/pm-eins/") == 3


@example("timeline")
def test_timeline_escapes_titles_places_and_descriptions(env: Environment, hostile: Catalog) -> None:
    html = Macros(env, hostile).timeline(hostile.timeline()[:1])
    assert_escaped(html)
    item = soup(html).li
    assert item.strong.get_text() == HOSTILE
    assert text(item.select_one("span.portal-meta")) == f"(Konferenz, stattgefunden, {HOSTILE})"
    assert HOSTILE in item.p.find_next_sibling("p", class_=None).get_text()  # the description, Markdown as text


# --- document_list, press, statement ------------------------------------------------------------------


@example("document_list")
def test_document_list_gives_type_date_and_publisher(p: Macros, env: Environment, undated: Catalog) -> None:
    html = p.document_list(["pm-eins"])
    [item] = one(html, "ul.portal-documents").find_all("li")
    assert text(item) == "Pressemitteilung eins Pressemitteilung · 20. März 2017 · Stadt Test"
    assert hrefs(item) == ["../../quellen/pm-eins/", "../../partner/stadt-test/"]
    assert text(Macros(env, undated).document_list(["pm-eins"])) == (
        "Pressemitteilung eins Pressemitteilung · Datum nicht bekannt · Stadt Test")


@example("document_list")
def test_document_list_escapes_titles_and_publishers(env: Environment, hostile: Catalog) -> None:
    html = Macros(env, hostile).document_list(["pm-eins"])
    assert_escaped(html)
    assert [a.get_text() for a in soup(html).find_all("a")] == [HOSTILE, HOSTILE]


@example("press")
def test_press_is_a_section_only_with_documents(p: Macros, env: Environment, hostile: Catalog) -> None:
    assert str(p.press([])).strip() == ""
    html = p.press(["pm-eins"])
    heading = one(html, "h2#presse")
    assert heading.get_text() == "Presse und Dokumente"
    assert heading.find_next_sibling("ul")["class"] == ["portal-documents"]
    assert_escaped(Macros(env, hostile).press(["pm-eins"]))


@example("statement")
def test_statement_with_its_speaker_or_initiative(p: Macros, catalog: Catalog) -> None:
    said = catalog.initiatives["masterplan-test"].statements[0]
    html = p.statement(said)
    figure = one(html, "figure.portal-statement")
    # The summary is the editor's Markdown: the planted <script> of the fixture is text.
    assert figure.blockquote.get_text() == "Sie sagt sinngemäß <script>alert('quote')</script> etwas."
    assert figure.find("script") is None and "&lt;script&gt;" in str(html)
    assert text(figure.figcaption) == ("Dr. Erika Muster, Oberbürgermeisterin, Stadt Test (laut Quelle vom 20. März 2017) "
                                       "· Datum nicht bekannt (Quelle: Pressemitteilung eins)")
    on_person = p.statement(said, initiative_id="masterplan-test")
    assert text(soup(on_person).figcaption).startswith("zu Masterplan Test · Datum nicht bekannt")
    assert "../../personen/erika-muster/" not in hrefs(on_person)
    # Where the section's source line names them, the caption leaves the sources out.
    assert text(soup(p.statement(said, cite=False)).figcaption).endswith("· Datum nicht bekannt")


@example("statement")
def test_statement_escapes_speaker_and_role(env: Environment, hostile: Catalog) -> None:
    html = Macros(env, hostile).statement(hostile.initiatives["masterplan-test"].statements[0])
    assert_escaped(html)
    assert soup(html).figcaption.a.get_text() == HOSTILE


# --- report, stand, initiative_card, filter_form -------------------------------------------------------


@example("report")
def test_report_offers_the_configured_ways(env: Environment, catalog: Catalog) -> None:
    assert str(Macros(env, catalog).report("Maßnahme")).strip() == ""  # no report_links: nothing
    links = {"issue": "https://github.com/o/r/issues/new?title=A&body=B", "mail": "mailto:redaktion@example.org?subject=A&body=B"}
    html = Macros(env, catalog, report_links=links).report("Maßnahme")
    section = one(html, "section.portal-report")
    assert section["aria-labelledby"] == "melden" and section.h2["id"] == "melden"
    assert "Wissen Sie, wie es mit dieser Maßnahme weitergeht" in text(section)
    assert [(a["href"], a.get("rel"), a.get_text()) for a in section.select("li > a")] == [
        (links["issue"], ["nofollow"], "Auf GitHub melden"), (links["mail"], None, "Per E-Mail an die Redaktion")]
    assert "?title=A&amp;body=B" in str(html)  # & in an address is escaped in the attribute
    only_mail = Macros(env, catalog, report_links={"mail": links["mail"]}).report("Initiative")
    assert hrefs(only_mail) == [links["mail"]] and "mit dieser Initiative" in text(only_mail)


@example("report")
def test_report_escapes_the_noun_and_the_addresses(env: Environment, catalog: Catalog) -> None:
    address = 'https://github.com/o/r/issues/new?title="x"&body=<b>'
    html = Macros(env, catalog, report_links={"issue": address}).report(HOSTILE)
    assert_escaped(html)
    assert hrefs(html) == [address]


@example("stand")
def test_stand_gives_both_dates(p: Macros) -> None:
    html = p.stand(dt.date(2026, 1, 2))
    footer = one(html, "footer.portal-stand")
    assert footer.h2 is None and footer.select_one(".portal-edit") is None  # no sources, no edit_url
    assert text(footer) == "Inhalt zuletzt geändert am 2. Januar 2026 · Wie aktuell ist das?"
    assert hrefs(footer) == ["../../methode/#stichtag"]
    html = p.stand(dt.date(2026, 1, 2), ["pm-eins"])
    footer = one(html, "footer.portal-stand")
    assert (footer.h2["id"], footer.h2.get_text()) == ("quellen", "Quellen dieser Seite")
    assert footer.select_one("ul.portal-documents") is not None
    assert text(footer.find("p", recursive=False)) == (
        "Inhalt zuletzt geändert am 2. Januar 2026 · neueste Quelle vom 20. März 2017 (Pressemitteilung eins) "
        "· Wie aktuell ist das?")


@example("stand")
def test_stand_with_undated_sources_and_an_edit_link(env: Environment, undated: Catalog) -> None:
    edit = "https://github.com/o/r/edit/main/data/initiatives/masterplan-test.yaml"
    html = Macros(env, undated, edit_url=edit).stand(dt.date(2026, 1, 2), ["pm-eins"])
    assert "keine der Quellen dieser Seite ist datiert" in text(html)
    para = one(html, "p.portal-edit")
    assert para.code.get_text() == "data/initiatives/masterplan-test.yaml"
    assert [(a["href"], a.get("rel")) for a in para.find_all("a")] == [(edit, ["nofollow"]), ("../../mitmachen/", None)]


@example("stand")
def test_stand_escapes_file_edit_address_and_sources(env: Environment, hostile: Catalog) -> None:
    edit = 'https://github.com/o/r/edit/main/x.yaml?a="1"&b=<2>'
    html = Macros(env, hostile, edit_url=edit, source_file=HOSTILE).stand(dt.date(2026, 1, 2), ["pm-eins"])
    assert_escaped(html)
    assert one(html, "p.portal-edit code").get_text() == HOSTILE
    assert edit in hrefs(html)


@example("initiative_card")
def test_initiative_card(p: Macros) -> None:
    html = p.initiative_card("masterplan-test")
    card = one(html, "article.portal-card")
    assert (card["data-kind"], card["data-region"], card["data-status"]) == ("masterplan", "teststadt land", "unklar")  # and the regions above
    assert card.has_attr("data-portal-item")
    assert (card.h3["id"], card.h3.a["href"], card.h3.a.get_text()) == ("initiative-masterplan-test", "./", "Masterplan Test")
    metas = card.find_all("p", class_="portal-meta")
    assert text(metas[0]) == "Masterplan · Teststadt"
    assert metas[1].select_one("a.portal-status--unklar") is not None
    # The fixture's summary has quotes and an ampersand: escaped in the source, intact for the reader.
    assert card.find_all("p")[-1].get_text() == 'Ein Masterplan für die Testindustrie: "Flächen" & mehr.'
    assert "&#34;Flächen&#34; &amp; mehr." in str(html)


@example("initiative_card")
def test_initiative_card_escapes_title_summary_and_region(env: Environment, hostile: Catalog) -> None:
    html = Macros(env, hostile).initiative_card("masterplan-test")
    assert_escaped(html)
    card = one(html, "article.portal-card")
    assert card.h3.a.get_text() == HOSTILE and card.find_all("p")[-1].get_text() == HOSTILE
    assert text(card.find("p", class_="portal-meta")) == f"Masterplan · {HOSTILE}"


@example("filter_form")
def test_filter_form_one_select_per_field(p: Macros, catalog: Catalog) -> None:
    html = p.filter_form("massnahmen-liste", catalog.measure_filters(), 2, ("overdue", "ja", "nur mit verstrichenem Zieltermin"))
    form = one(html, "form.portal-filter")
    assert form["data-portal-filter"] == "massnahmen-liste" and form.has_attr("hidden")
    assert form.legend.get_text() == "Liste filtern"
    selects = form.find_all("select")
    assert [(s["id"], s["name"]) for s in selects] == [
        ("filter-massnahmen-liste-status", "status"), ("filter-massnahmen-liste-initiative", "initiative"),
        ("filter-massnahmen-liste-topic", "topic"), ("filter-massnahmen-liste-region", "region")]
    # A region and every region above the initiatives' regions: "Testland" finds Teststadt's measures.
    assert [(o["value"], o.get_text()) for o in selects[3].find_all("option")] == [
        ("", "alle"), ("land", "Testland"), ("teststadt", "Teststadt")]
    assert [label["for"] for label in form.select("div.portal-filter__field > label")] == [s["id"] for s in selects]
    assert [(o["value"], o.get_text()) for o in selects[0].find_all("option")] == [
        ("", "alle"), ("beschlossen", "beschlossen"), ("abgeschlossen", "abgeschlossen")]
    box = one(html, "label.portal-filter__check input")
    assert (box["type"], box["name"], box["value"]) == ("checkbox", "overdue", "ja")
    assert text(one(html, "label.portal-filter__check")) == "nur mit verstrichenem Zieltermin"
    assert one(html, "button")["type"] == "reset"
    assert one(html, "output[data-portal-count]").get_text() == "2 von 2 angezeigt"
    assert soup(p.filter_form("x", [], 0)).find("input") is None  # no checkbox


@example("filter_form")
def test_filter_form_escapes_keys_labels_and_options(p: Macros) -> None:
    fields = [('k"1', HOSTILE, [('a"b&c', "<b>Fett</b> & mehr")])]
    html = p.filter_form('liste"x', fields, 1, ("c", 'v"', HOSTILE))
    assert_escaped(html)
    form = one(html, "form")
    assert form["data-portal-filter"] == 'liste"x'
    select = one(html, "select")
    assert (select["id"], select["name"]) == ('filter-liste"x-k"1', 'k"1')
    option = select.find_all("option")[1]
    assert (option["value"], option.get_text()) == ('a"b&c', "<b>Fett</b> & mehr")
    assert one(html, "input")["value"] == 'v"'


# --- every macro: an example, the hostile catalog, its documentation ------------------------------------

# One call per macro on the hostile catalog: whatever record text it shows arrives escaped.
HOSTILE_CALLS: dict[str, tuple[Callable[[Macros, Catalog], Any], bool]] = {
    # name: (call, shows record text)
    "page_heading": (lambda p, c: p.page_heading(), False),
    "section_heading": (lambda p, c: p.section_heading("initiatives", "ziele"), False),
    "section_links": (lambda p, c: p.section_links("initiatives", "masterplan-test"), False),
    "link": (lambda p, c: p.link("organisations", "stadt-test"), True),
    "sources": (lambda p, c: p.sources(["pm-eins"]), True),
    "evidence": (lambda p, c: p.evidence(c.measure_evidence("glasfaser")), False),
    "stale_note": (lambda p, c: p.stale_note("measures", "glasfaser"), False),
    "cited": (lambda p, c: p.cited(["pm-eins"]), True),
    "status_tag": (lambda p, c: p.status_tag("measure", c.status("glasfaser"), "beschlossen"), False),
    "status": (lambda p, c: p.status("glasfaser"), False),
    "initiative_status": (lambda p, c: p.initiative_status("masterplan-test"), False),
    "role": (lambda p, c: p.role(c.people["erika-muster"].roles[0]), True),
    "selection": (lambda p, c: p.selection(c.initiatives["masterplan-test"].measures_listed, 2), False),
    "measure_list": (lambda p, c: p.measure_list(sorted(c.measures), show_initiative=True), True),
    "chairs": (lambda p, c: p.chairs(c.initiatives["masterplan-test"].bodies[0].chairs), True),
    "timeline": (lambda p, c: p.timeline(c.timeline()), True),
    "document_list": (lambda p, c: p.document_list(["pm-eins"]), True),
    "statement": (lambda p, c: p.statement(c.initiatives["masterplan-test"].statements[0]), True),
    "press": (lambda p, c: p.press(c.documents_about("initiatives", "masterplan-test")), True),
    "report": (lambda p, c: p.report("Initiative"), False),
    "stand": (lambda p, c: p.stand(c.today, c.sources_of(c.initiatives["masterplan-test"])), True),
    "initiative_card": (lambda p, c: p.initiative_card("masterplan-test"), True),
    "filter_form": (lambda p, c: p.filter_form("liste", c.measure_filters() + c.initiative_filters(), 2), True),
}


def macro_names() -> list[str]:
    """The macros every library defines, library by library in file order."""
    return [name for path in LIBRARIES
            for name in re.findall(r"\{%-?\s*macro\s+(\w+)\(", path.read_text(encoding="utf-8"))]


def load_library_examples() -> None:
    """Import the example modules of the other libraries: their examples and hostile calls count here."""
    for path in LIBRARIES:
        if path.stem != "macros":
            importlib.import_module(f"test_macros_{path.stem}")


def test_every_macro_has_an_example() -> None:
    load_library_examples()
    names = macro_names()
    assert len(names) == len(set(names)) >= 23
    assert sorted(set(names) - COVERED) == [], "Makros ohne Beispiel in tests/test_macros.py"
    assert sorted(COVERED - set(names)) == [], "Beispiele für Makros, die es nicht mehr gibt"
    assert sorted(HOSTILE_CALLS) == sorted(names), "HOSTILE_CALLS: ein Aufruf je Makro"


load_library_examples()


@pytest.mark.parametrize("name", sorted(HOSTILE_CALLS))
def test_every_macro_escapes_the_hostile_catalog(env: Environment, hostile: Catalog, name: str) -> None:
    call, shows_text, library = (*HOSTILE_CALLS[name], "macros")[:3]
    html = str(call(Macros(env, hostile, library=library, report_links={"mail": "mailto:a@example.org?subject=A&body=B"}), hostile))
    assert html.strip(), f"{name}: keine Ausgabe"
    assert "<script" not in html and soup(html).find("script") is None, html
    if shows_text:
        assert_escaped(html)
    assert name in CALLED


# The documentation: "name(signature): …", then "Parameters:" (or "Parameters: none"), one line per
# parameter "name (required) – …" or "name (optional, default X) – …", then "Output: …" and "Reads: …".
DOC_COMMENT = re.compile(r"\{#-((?:(?!-#\}).)*)-#\}\s*\{% macro (\w+)\(", re.S)
PARAMETER = re.compile(r"^ {6}(\w+) \((required|optional, default (.+?))\) – \S", re.M)


def documentation() -> dict[str, str]:
    return {name: body for path in LIBRARIES for body, name in DOC_COMMENT.findall(path.read_text(encoding="utf-8"))}


def parsed_macros(env: Environment) -> dict[str, nodes.Macro]:
    found = {}
    for path in LIBRARIES:
        tree = env.parse(path.read_text(encoding="utf-8"))
        found.update({macro.name: macro for macro in tree.find_all(nodes.Macro)})
    return found


def jinja_literal(value: object) -> str:
    return json.dumps(value) if isinstance(value, str) else repr(value)


def signature(macro: nodes.Macro) -> str:
    defaults = [None] * (len(macro.args) - len(macro.defaults)) + list(macro.defaults)
    return ", ".join(arg.name + (f"={jinja_literal(d.as_const())}" if d is not None else "")
                     for arg, d in zip(macro.args, defaults, strict=True))


def reads(macros: Mapping[str, nodes.Macro]) -> dict[str, set[str]]:
    """The context variables each macro reads, itself or through the macros it calls (the url
    filter reads MkDocs' page)."""
    direct: dict[str, set[str]] = {}
    calls: dict[str, set[str]] = {}
    for name, macro in macros.items():
        loaded = {n.name for n in macro.find_all(nodes.Name) if n.ctx == "load"}
        local = {a.name for a in macro.args} | {n.name for n in macro.find_all(nodes.Name) if n.ctx in ("store", "param")}
        calls[name] = loaded & set(macros)
        direct[name] = loaded - local - set(macros) - {"loop"}
        if any(f.name == "url" for f in macro.find_all(nodes.Filter)):
            direct[name].add("page")
    found = {}
    for name in macros:
        seen, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(calls[current])
        found[name] = set().union(*(direct[m] for m in seen))
    return found


def test_every_macro_is_documented(env: Environment) -> None:
    """Each macro's comment names its signature, each parameter (required or its default), the
    output, and exactly the context variables it reads."""
    docs = documentation()
    macros = parsed_macros(env)
    needs = reads(macros)
    assert sorted(docs) == sorted(macros) == sorted(macro_names())
    for name, macro in macros.items():
        doc = docs[name]
        assert doc.lstrip().startswith(f"{name}({signature(macro)}):"), f"{name}: erste Zeile nennt nicht die Signatur"
        documented = PARAMETER.findall(doc)
        defaults = [None] * (len(macro.args) - len(macro.defaults)) + list(macro.defaults)
        expected = [(arg.name, "required" if d is None else f"optional, default {jinja_literal(d.as_const())}")
                    for arg, d in zip(macro.args, defaults, strict=True)]
        assert [(n, kind) for n, kind, _ in documented] == expected, f"{name}: Parameter"
        assert ("Parameters: none" in doc) == (not macro.args), f"{name}: 'Parameters: none' nur ohne Parameter"
        assert re.search(r"^ {4}Output: \S", doc, re.M), f"{name}: Output fehlt"
        line = re.search(r"^ {4}Reads: (.+)$", doc, re.M)
        assert line, f"{name}: Reads fehlt"
        names = re.sub(r"\([^)]*\)", "", line[1])  # "page (for the url filter)": the name only
        listed = set() if names == "nothing" else {item.strip() for item in names.split(",")}
        assert listed == needs[name], f"{name}: liest {sorted(needs[name])}, dokumentiert {sorted(listed)}"


def test_the_macros_read_only_what_the_build_hands_templates(env: Environment, catalog: Catalog) -> None:
    """The context these examples use is the build's: Portal.context()'s names and MkDocs' page."""
    from portal.site import Portal  # builds plans and asks git: only here

    portal = Portal(ROOT, TODAY, data_dir=FIXTURES / "mini")
    built = set(portal.context("initiativen/masterplan-test.md")) | {"page", "base_url"}
    ours = set(context(catalog))
    assert ours <= built
    assert set().union(*reads(parsed_macros(env)).values()) <= ours


def test_the_hook_autoescapes_the_macros_as_here() -> None:
    """portal_hooks.on_env switches autoescaping on for portal/macros.html, as ``environment()`` does."""
    import portal_hooks

    class Config(dict):
        theme = SimpleNamespace(custom_dir=str(OVERRIDES))

    state = SimpleNamespace(problem_lines=lambda: [], has_content=True, terms=None, build_context=None)
    hooked = portal_hooks.on_env(Environment(), Config({portal_hooks.STATE_KEY: state}), None)  # type: ignore[arg-type]
    for name in ("portal/macros.html", "initiative.html", "main.html", None):
        assert hooked.autoescape(name) == (autoescape(name) or name == "initiative.html"), name  # type: ignore[operator]
