"""The content check and the build agree, for any content an editor might commit.

Hypothesis writes random records into a copy of the mini fixture: new topics, regions and press
items, and changed key figures, measures and organisations, with values drawn from everything YAML
can hold (text with markup, entities and invisible characters, huge and endless numbers, dates in
any year and form, lists and mappings where text belongs, raw unquoted YAML). For each example:

- ``portal.check`` never raises;
- if it accepts the content, the real ``mkdocs build --strict`` succeeds and no page's text links to
  a script or shows an image from another host;
- if it rejects the content, the build fails with exactly the same German lines, each naming a file
  under ``data/``, and never with a traceback.

The examples are derandomized so CI sees the same ones every run (an editor's change must never
turn CI red by chance); set ``HYPOTHESIS_PROFILE=explore`` locally to search with fresh examples.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import EPOCH, mini_project
from corpus_builder import build
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from portal.check import load_valid
from portal.links import classify, image_target
from portal.revision import reference_date

settings.register_profile("ci", max_examples=40, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("explore", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")

PROBLEM_LINE = re.compile(r"(data/.*?:\d+:\d+: .*)$", re.M)
BUILD_TIMEOUT = 120

# Fragments editors paste, and attackers try.
NASTY = ["<script>alert(1)</script>", "&lt;", "&auml;", "&#58;", "&", "[Klick](javascript&colon;alert(1))",
         "![x](//evil.example/p.png)", "![y](https:evil.example/q.png)", "[ok](https://example.org)", "=HYPERLINK(\"x\")",
         "+49", "@Kammer", "\u200b", "\ufeff", "\u00ad", "ä", "Fläche", "**fett**", "# Titel", "`code`", "> Zitat",
         "\n", "  ", "{", "[", "*", "!!binary", "%", ":", "- x", "'", '"', "\\", "Frühjahr 2018", "2023-02-30"]
# What valid content looks like: one-line names (an & is fine), Markdown with safe links and escaped markup.
SAFE_PROSE = ["<script>alert(1)</script>", "&", "&auml;", "[ok](https://example.org)", "[Seite](../../themen/)",
              "**fett**", "=SUMME(A1)", "@Kammer", "Fläche", "\n\n- Punkt\n", "`code`", "2023", "<b>x</b>"]
valid_name = st.text(alphabet=st.sampled_from("abcxyzäöüßABC 0123-=+@&.,'\"()/"), min_size=1, max_size=20).filter(
    lambda t: t.strip() != "" and not re.search(r"&[A-Za-z#]", t))
valid_prose = st.lists(st.one_of(st.sampled_from(SAFE_PROSE), st.text(alphabet="abc äöü.", max_size=8)), max_size=4).map(" ".join)
valid_year = st.integers(min_value=1900, max_value=2100)
valid_date = st.one_of(
    valid_year.map(str),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)).map(str),
    st.tuples(valid_year, st.integers(1, 12)).map(lambda t: f"{t[0]:04d}-{t[1]:02d}"),
    st.tuples(st.sampled_from(["Frühjahr", "Sommer", "Herbst", "Winter", "Anfang"]), valid_year).map(lambda t: f"{t[0]} {t[1]}"),
    st.just("unbekannt"),
)
valid_number = st.one_of(st.integers(min_value=-10**15, max_value=10**15),
                         st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False))

wild_text = st.one_of(st.text(max_size=25), st.sampled_from(NASTY),
                      st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=6)), max_size=4).map("".join))
wild_number = st.one_of(st.integers(), st.integers(min_value=-10**40, max_value=10**40),
                        st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([10**15 + 1, 1e30]))
wild_scalar = st.one_of(wild_text, wild_number, st.booleans(), st.none())
wild_year = st.integers(min_value=-5, max_value=12000)
wild_date = st.one_of(
    wild_year.map(str),
    st.tuples(wild_year, st.integers(0, 13), st.integers(0, 32)).map(lambda t: f"{t[0]:04d}-{t[1]:02d}-{t[2]:02d}"),
    st.tuples(st.sampled_from(["Frühjahr", "Winter", "Anfang", "Mitte"]), wild_year).map(lambda t: f"{t[0]} {t[1]}"),
    wild_scalar,
)
wild_value = st.one_of(wild_scalar, st.lists(wild_scalar, max_size=3), st.dictionaries(st.text(max_size=5), wild_scalar, max_size=2))


def field(valid: st.SearchStrategy[Any], wild: st.SearchStrategy[Any]) -> tuple[st.SearchStrategy[Any], st.SearchStrategy[Any]]:
    """A field's values in the two modes: valid only, or valid and wild mixed."""
    return valid, st.one_of(valid, wild)


def _dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _edit_yaml(path: Path, change: dict[str, Any]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key, new in change.items():
        target = data
        *parents, last = key.split(".")
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = new
    path.write_text(_dump(data), encoding="utf-8")


# Each mutation: field name → (valid values, any values). An example applies a few mutations, all in
# the valid mode (the check should accept them) or all in the mixed mode (it mostly rejects them).
FIELDS: dict[str, dict[str, tuple[st.SearchStrategy[Any], st.SearchStrategy[Any]]]] = {
    "topic": {"name": field(valid_name, wild_scalar), "description": field(valid_prose, wild_value)},
    "region": {"name": field(valid_name, wild_text), "kind": field(st.sampled_from(["stadt", "kreis"]), st.just("dorf")),
               "parent": field(st.sampled_from(["land", "teststadt"]), st.sampled_from(["neu", "gibt-es-nicht", None]))},
    "key_figure": {"key_figures.0.value": field(valid_number, wild_value), "key_figures.0.reference_date": field(valid_date, wild_date)},
    "measure": {"title": field(valid_name, wild_scalar), "target": field(valid_date, wild_date),
                "description": field(valid_prose, wild_text), "history.0.date": field(st.sampled_from(["2017-03-16", "2017"]), wild_date)},
    "organisation": {"name": field(valid_name, wild_text), "website": field(st.sampled_from(["https://ok.example/", "http://x.example/a?b=1&c=2"]),
                                                                           st.sampled_from(["javascript&colon;x", "//evil.example", "https:evil.example"]))},
    "press": {"title": field(valid_name, wild_text), "date": field(valid_date, wild_date), "body": field(valid_prose, wild_text),
              "type": field(st.just("pressemitteilung"), st.just("blog"))},
    "raw": {"name": field(valid_name.map(lambda t: f'"{t}"'), wild_text), "description": field(valid_name.map(lambda t: f'"{t}"'), wild_text)},
}


def mutations(valid: bool) -> st.SearchStrategy[tuple[tuple[str, dict[str, Any]], ...]]:
    """One to three mutations with values of one mode."""
    def values(name: str) -> st.SearchStrategy[tuple[str, dict[str, Any]]]:
        fields = {key: pair[0 if valid else 1] for key, pair in FIELDS[name].items()}
        return st.tuples(st.just(name), st.fixed_dictionaries(fields))
    names = st.lists(st.sampled_from(sorted(FIELDS)), min_size=1, max_size=3, unique=True)
    return names.flatmap(lambda chosen: st.tuples(*(values(name) for name in chosen)))


def apply(data: Path, name: str, values: dict[str, Any]) -> None:
    """Write one mutation into the fixture copy at ``data``."""
    if name == "topic":
        (data / "topics" / "neu.yaml").write_text(_dump(values), encoding="utf-8")
    elif name == "region":
        region = {key: item for key, item in values.items() if item is not None}
        (data / "regions" / "neu.yaml").write_text(_dump(region), encoding="utf-8")
    elif name == "key_figure":
        _edit_yaml(data / "initiatives" / "masterplan-test.yaml", values)
    elif name == "measure":
        _edit_yaml(data / "measures" / "glasfaser.yaml", values)
    elif name == "organisation":
        _edit_yaml(data / "organisations" / "stadt-test.yaml", values)
    elif name == "press":
        front = {key: item for key, item in values.items() if key != "body"} | {"initiatives": ["masterplan-test"]}
        body = values["body"] if isinstance(values["body"], str) else ""
        (data / "documents" / "neu.md").write_text(f"---\n{_dump(front)}---\n{body}\n", encoding="utf-8")
    else:  # raw YAML as an editor types it, quotes or not
        (data / "topics" / "roh.yaml").write_text(f"name: {values['name']}\ndescription: {values['description']}\n", encoding="utf-8")


def _article_is_safe(site: Path) -> None:
    for page in site.rglob("*.html"):
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("article")
        if article is None:
            continue
        for link in article.find_all("a", href=True):
            assert classify(link["href"], decoded=True).kind != "refused", (page, link)
        for img in article.find_all("img", src=True):
            assert image_target(img["src"], decoded=True).kind == "site", (page, img)


@pytest.fixture()
def epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixed reference date of the fixtures, for the check and the in-process build alike."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.delenv("PORTAL_PREVIEW", raising=False)


@pytest.mark.build
@pytest.mark.slow
@pytest.mark.usefixtures("epoch")
@settings(settings.get_profile(PROFILE), suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                                                HealthCheck.data_too_large])
@given(changes=st.booleans().flatmap(mutations))
def test_check_and_build_agree(changes: tuple[tuple[str, dict[str, Any]], ...]) -> None:
    with tempfile.TemporaryDirectory(prefix="eigenschaft-") as tmp:
        root = mini_project(Path(tmp))
        for name, values in changes:
            apply(root / "data", name, values)
        _, problems = load_valid(root / "data", reference_date())
        expected = [problem.render() for problem in problems.sorted()]
        run = build(root, BUILD_TIMEOUT)
        output = str(run["output"])
        assert run["code"] is not None, f"build hung:\n{output}"
        assert "Traceback" not in output, output
        event("angenommen" if not expected else "abgelehnt")
        if not expected:
            assert run["code"] == 0, output
            _article_is_safe(root / "site")
        else:
            assert run["code"] != 0, output
            assert PROBLEM_LINE.findall(output) == expected, output
            assert all(line.startswith("data/") for line in expected)
