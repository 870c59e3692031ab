"""The build's shortcuts give exactly what the slow ways gave: front matter MkDocs reads back as
written, cached date formatting equal to Babel's, the memoised compound splitting equal to the plain one."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from hypothesis import given
from hypothesis import strategies as st
import yaml
from mkdocs.utils.meta import get_data

from portal import present, search_meta, search_terms
from portal.dates import VagueDate, format_day
from portal.pages import front_matter
from portal.present import time_tag

HOSTILE = ['Titel: mit "Anführungszeichen" & <Zeichen>', "---", "# kein Kommentar", "- keine Liste", "'einfach'",
           "a\\nb \\\\ c", "Zeile\nzwei", "Tab\there", "C1\x85Steuer", "Trenner\u2028Zeile", "\ufeffBOM", "Emoji 🏭",
           "yes", "null", "2023-01-20", "  Leerzeichen  ", "", "\x7f", "{flow: map}", "[liste]", "*anker", "&ref", "!tag", "%", "@", "`"]


def dumped(meta: dict[str, str]) -> str:
    """The front matter as the portal wrote it before: yaml.safe_dump."""
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"


def test_front_matter_reads_back_as_written() -> None:
    for text in HOSTILE:
        meta = {"template": "measure.html", "title": text, "description": text + " Beschreibung"}
        body, read = get_data(front_matter(meta))
        assert (body, read) == get_data(dumped(meta)), text  # what MkDocs read before, for any text
        assert list(read) == list(meta)  # the keys' order too
        if text.isprintable() and not set(text) & {"\x85", "\u2028", "\u2029", "\x7f"}:
            assert read == meta, text  # and for text a title can hold, exactly the text


@given(st.text(), st.text())
def test_any_title_reads_back_as_before(title: str, description: str) -> None:
    meta = {"template": "document.html", "title": title, "description": description}
    assert get_data(front_matter(meta)) == get_data(dumped(meta))


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_cached_dates_equal_babel(day: dt.date) -> None:
    assert format_day(day) == format_date(day, "d. MMMM y", locale="de_DE")
    assert VagueDate.parse(day.isoformat()).german() == format_date(day, "d. MMMM y", locale="de_DE")
    month = VagueDate.parse(day.isoformat()[:7])
    assert month.german() == format_date(day.replace(day=1), "MMMM y", locale="de_DE")


def test_time_tag_is_the_same_markup_each_time() -> None:
    date = VagueDate.parse("2017-03")
    assert time_tag(date) == '<time datetime="2017-03">März 2017</time>'
    assert time_tag(date, "<laut Quelle>") == '<time datetime="2017-03">März 2017</time> (&lt;laut Quelle&gt;)'
    assert time_tag(date) == time_tag(VagueDate.parse("2017-03"))  # equal dates, one cached entry
    assert time_tag(dt.date(2026, 11, 30)) == '<time datetime="2026-11-30">30. November 2026</time>'


VOCAB = search_terms.vocabulary(["Gewerbe Industrie Flächen Arbeit Markt Handwerker Land Straßen Bau"])


@given(st.lists(st.sampled_from(["Gewerbeflächen", "Arbeitsmarkt", "Straßenbau", "Industrieflächen", "Land",
                                 "Gewerbe- und Industrieflächen", "Markt", "Flächen", "Handwerkerland", "xyz"]), max_size=12))
def test_memoised_keywords_equal_fresh_ones(parts: list[str]) -> None:
    memo: dict[str, str | None] = {}
    text = " ".join(parts)
    fresh = search_terms.keywords(text, VOCAB, ["IHK"])
    assert search_terms.keywords(text, VOCAB, ["IHK"], memo) == fresh
    assert search_terms.keywords(text, VOCAB, ["IHK"], memo) == fresh  # the second time from the memo
    assert search_terms.compound_parts(text, VOCAB, memo) == search_terms.compound_parts(text, VOCAB)


@given(st.lists(st.sampled_from(["<article", "<article>", "<articles>", '<article class="x">', "</article>", "</article",
                                 "Text ", "<p>", "\n", "é", "<ARTICLE>", "<article\n"]), max_size=10))
def test_article_found_as_the_pattern_finds_it(pieces: list[str]) -> None:
    page = "".join(pieces)
    match = search_meta.ARTICLE.search(page)
    assert search_meta._article(page) == (match.group(0) if match else None)


def test_coordinations_need_their_hint() -> None:
    vocab = search_terms.vocabulary(["Gewerbe Industrie Flächen"])
    assert search_terms.coordinations("Gewerbe-  sowie\tIndustrieflächen", vocab) == ["gewerbeflächen"]
    assert search_terms.coordinations("Gewerbe-und Industrieflächen", vocab) == []


def test_once_keeps_builds_and_catalogs_apart() -> None:
    """A fragment is reused within one environment and catalog only: a new build (a new Jinja
    environment) or another catalog renders its own."""
    from jinja2 import Environment

    from portal.catalog import Catalog
    from portal.model import COLLECTIONS

    def catalog(day: int) -> Catalog:
        return Catalog({name: {} for name in COLLECTIONS}, dt.date(2026, 11, day))

    source = '{% call portal.once("tag") %}{{ portal.today }}{% endcall %}|{% call fmt.once(("x", 1)) %}{{ n }}{% endcall %}'
    first, second = catalog(1), catalog(2)
    env = Environment(autoescape=True)
    template = env.from_string(source)
    assert template.render(portal=first, fmt=present, n=1) == "2026-11-01|1"
    assert template.render(portal=first, fmt=present, n=2) == "2026-11-01|1"  # remembered
    assert template.render(portal=second, fmt=present, n=2) == "2026-11-02|1"
    fresh = Environment(autoescape=True).from_string(source)
    assert fresh.render(portal=first, fmt=present, n=3) == "2026-11-01|3"
