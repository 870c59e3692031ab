"""Examples of the pager in overrides/portal/paging.html (portal.paging), rendered on its own with the
mini catalog; tests/test_macros.py checks its documentation and escaping (HOSTILE_CALLS)."""

from __future__ import annotations

from jinja2 import Environment
from test_macros import HOSTILE, HOSTILE_CALLS, Macros, example, one, soup, text

from portal.catalog import Catalog
from portal.paging import Paged


def pg(env: Environment, catalog: Catalog) -> Macros:
    """The pager on the initiative's page (initiativen/masterplan-test/): addresses relative to it."""
    return Macros(env, catalog, library="paging")


def forty_pages() -> Paged[int]:
    """1,995 items at 50 a page: 40 pages, the last one part full."""
    return Paged(list(range(1995)), "presse/2019/", size=50)


@example("pager")
def test_pager_names_the_page_and_links_a_bounded_window(env: Environment, catalog: Catalog) -> None:
    html = pg(env, catalog).pager(forty_pages().pager(17))
    nav = one(html, "nav.portal-pager")
    assert nav["aria-label"] == "Seiten dieser Liste"
    assert text(nav.p) == "Seite 17 von 40 (Einträge 801 bis 850 von 1995)"
    items = nav.select("ul > li")
    assert [text(li) for li in items] == ["Vorherige Seite", "1", "…", "15", "16", "17", "18", "19", "…", "40", "Nächste Seite"]
    links = nav.select("a")
    assert links[0]["href"] == "../../presse/2019/seite/16/" and links[0]["rel"] == ["prev"]
    assert links[-1]["href"] == "../../presse/2019/seite/18/" and links[-1]["rel"] == ["next"]
    assert links[1]["href"] == "../../presse/2019/"  # page 1 is the list's own address
    current = nav.select('a[aria-current="page"]')
    assert len(current) == 1 and current[0].get_text() == "17" and current[0]["aria-label"] == "Seite 17"
    # The gaps are decoration: a screen reader hears the page numbers only.
    assert all(li["aria-hidden"] == "true" for li in nav.select("li.portal-pager__gap"))


@example("pager")
def test_pager_at_the_ends_and_for_a_single_page(env: Environment, catalog: Catalog) -> None:
    first = one(pg(env, catalog).pager(forty_pages().pager(1)), "nav")
    assert "Vorherige Seite" not in text(first) and "Nächste Seite" in text(first)
    assert [a.get_text() for a in first.select("a")][:5] == ["1", "2", "3", "40", "Nächste Seite"]
    last = one(pg(env, catalog).pager(forty_pages().pager(40)), "nav")
    assert "Nächste Seite" not in text(last)
    assert text(last.p) == "Seite 40 von 40 (Einträge 1951 bis 1995 von 1995)"
    # A list that fits on one page has no pager at all.
    assert str(pg(env, catalog).pager(Paged([1, 2], "presse/", size=5).pager(1))).strip() == ""


@example("pager")
def test_pager_label_is_text(env: Environment, catalog: Catalog) -> None:
    html = pg(env, catalog).pager(forty_pages().pager(2), label=HOSTILE)
    assert one(html, "nav")["aria-label"] == HOSTILE
    assert soup(html).find("script") is None and "&lt;script&gt;" in str(html)


HOSTILE_CALLS.update({
    "pager": (lambda p, c: p.pager(forty_pages().pager(3), label=HOSTILE), False, "paging"),
})


@example("group_nav")
def test_group_nav_links_each_group_with_its_count(env: Environment, catalog: Catalog) -> None:
    groups = catalog.archives["zeitleiste"]
    nav = one(pg(env, catalog).group_nav(groups, "2017", "Jahre der Zeitleiste"), "nav.portal-groups")
    assert nav["aria-label"] == "Jahre der Zeitleiste"
    assert [(a["href"], a.get_text(), a.find_next_sibling("span").get_text()) for a in nav.select("li > a")] == [
        ("../../zeitleiste/2018/", "2018", "(1)"), ("../../zeitleiste/2017/", "2017", "(1)"),
        ("../../zeitleiste/undatiert/", "Zeitpunkt nicht bekannt", "(1)")]
    assert [a.get_text() for a in nav.select('a[aria-current="page"]')] == ["2017"]
    assert one(pg(env, catalog).group_nav(groups), "nav")["aria-label"] == "Teile dieser Liste"
    assert str(pg(env, catalog).group_nav([])).strip() == ""


HOSTILE_CALLS.update({
    "group_nav": (lambda p, c: p.group_nav(c.archives["presse"], "", HOSTILE), False, "paging"),
})
