"""Examples of the macros in overrides/portal/search.html (the search dialog's status templates and
filter fields), rendered on their own with the mini catalog; tests/test_macros.py checks their
documentation and escaping."""

from __future__ import annotations

from jinja2 import Environment
from test_macros import HOSTILE, HOSTILE_CALLS, Macros, assert_escaped, example, one, soup, text

from portal import labels
from portal.catalog import Catalog


def s(env: Environment, catalog: Catalog) -> Macros:
    """The search macros on the initiative's page (initiativen/masterplan-test/)."""
    return Macros(env, catalog, library="search")


@example("status_templates")
def test_status_templates_hold_the_sites_tag_for_every_status(env: Environment, catalog: Catalog) -> None:
    box = one(s(env, catalog).status_templates(), "div.portal-search__templates")
    assert box.has_attr("hidden")
    templates = box.find_all("template")
    keys = [(t["data-kind"], t["data-status"]) for t in templates]
    assert keys == [("measure", key) for key in labels.MEASURE_STATUS] + [
        ("initiative", key) for key in labels.INITIATIVE_STATUS]
    # The same tag as on the site: class, icon, the word, the link to the status's definition.
    running = next(t for t in templates if t["data-kind"] == "initiative" and t["data-status"] == "laufend")
    tag = running.find("a")
    assert tag["class"] == ["portal-status", "portal-status--laufend"]
    assert tag.find("svg") is not None and tag.find("span", class_="portal-status__icon")["aria-hidden"] == "true"
    assert text(tag) == "läuft"
    assert tag["href"] == "../../" + catalog.method_url("initiative", "laufend")
    # The two kinds share keys but not their icons or words.
    done = {t["data-kind"]: t for t in templates if t["data-status"] == "abgeschlossen"}
    assert text(done["measure"].a) == "abgeschlossen" and text(done["initiative"].a) == "beendet"
    assert str(done["measure"].find("svg")) != str(done["initiative"].find("svg"))


@example("filter_field")
def test_filter_field_is_a_labelled_empty_choice(env: Environment, catalog: Catalog) -> None:
    html = s(env, catalog).filter_field("art", "Art der Treffer")
    field = one(html, "div.portal-search__filter")
    assert field.has_attr("hidden")  # shown by the script only when the index has the filter
    select = one(html, "select")
    assert select["data-filter"] == "art" and select["id"] == "portal-search-filter-art"
    assert one(html, "label")["for"] == select["id"] and text(one(html, "label")) == "Art der Treffer"
    assert [(o["value"], o.get_text()) for o in select.find_all("option")] == [("", "alle")]


def test_filter_field_escapes_name_and_label(env: Environment, catalog: Catalog) -> None:
    html = s(env, catalog).filter_field(HOSTILE, HOSTILE)
    assert_escaped(html)
    assert soup(html).find("select")["data-filter"] == HOSTILE


HOSTILE_CALLS.update({
    "status_templates": (lambda m, c: m.status_templates(), False, "search"),
    "filter_field": (lambda m, c: m.filter_field("thema", HOSTILE), True, "search"),
})
