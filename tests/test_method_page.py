"""The method page "So arbeiten wir" (docs/methode/index.md, overrides/method.html) at /methode/.

Templates link to its sections (every status tag, the overdue and stale notes), so its anchors are a
contract: each exists exactly once. Every status the content model knows (hooks/portal/labels.py)
is explained in its own section, with a definition and an example. The values a build works with
(the reference date, the stale period from ``extra.stale_after_years``) come from the build, never
from the Markdown: the real site shows the configured period, a fixture build with another period
shows that one. Every page's footer links the page; the navigation tabs do not list it.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup, SoupStrainer, Tag
from conftest import ROOT, Build, builds, mini_project, run_build

from portal import evidence, labels

URL = "methode/"
# The anchors the spec (issue 10) fixes and the templates link to.
ANCHORS = [
    "initiative", "massnahme", "status", "status-angekuendigt", "status-empfohlen", "status-beschlossen",
    "status-in-umsetzung", "status-abgeschlossen", "status-eingestellt", "initiative-angekuendigt",
    "initiative-laufend", "initiative-abgeschlossen", "initiative-unklar", "belege", "vage-daten",
    "zieltermin-verstrichen", "ohne-meldung", "stichtag", "beispiele", "korrekturen", "aenderungen",
]


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving its !ENV tags."""


_Loader.add_constructor("!ENV", lambda loader, node: None)


def configured_stale_years(config: Path = ROOT / "mkdocs.yml") -> int:
    extra = yaml.load(config.read_text(encoding="utf-8"), Loader=_Loader).get("extra") or {}
    return evidence.configured_years(extra.get("stale_after_years"))


def set_stale_years(config: Path, years: int) -> None:
    """Set ``extra.stale_after_years`` in a copied mkdocs.yml (replace the line, or add it under extra:)."""
    text = config.read_text(encoding="utf-8")
    line = f"  stale_after_years: {years}"
    if re.search(r"^  stale_after_years:", text, re.M):
        text = re.sub(r"^  stale_after_years:.*$", line, text, count=1, flags=re.M)
    else:
        text = text.replace("\nextra:\n", f"\nextra:\n{line}\n", 1)
    config.write_text(text, encoding="utf-8")
    assert configured_stale_years(config) == years


def measure_anchor(key: str) -> str:
    """Where the templates link a measure's status tag to (portal.evidence.method_anchor)."""
    return evidence.method_anchor("measure", key)


def initiative_anchor(key: str) -> str:
    return evidence.method_anchor("initiative", key)


def section_text(page: BeautifulSoup, anchor: str) -> str:
    """The heading with id ``anchor`` and everything after it up to the next heading of its level or higher."""
    heading = page.find(id=anchor)
    assert isinstance(heading, Tag) and re.fullmatch(r"h[1-6]", heading.name or ""), anchor
    level = int(heading.name[1])
    parts = [heading.get_text(" ")]
    for sibling in heading.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name or "") and int(sibling.name[1]) <= level:
            break
        parts.append(sibling.get_text(" "))
    return " ".join(" ".join(parts).split())


def rules_box(build: Build) -> Tag:
    boxes = build.html(URL).find("article").select(".portal-method-rules")
    assert len(boxes) == 1
    assert boxes[0].find(class_="admonition-title").get_text(strip=True) == "Regeln dieser Ausgabe"
    return boxes[0]


def resolve(site: Path, page: Path, href: str) -> Path:
    """The file a link on ``page`` leads to; absolute paths start at the site root (as on the 404 page)."""
    base = "file://" + (site.as_posix() + "/" if href.startswith("/") else page.as_posix())
    path = Path(unquote(urlsplit(urljoin(base, href.lstrip("/") if href.startswith("/") else href)).path))
    return path / "index.html" if path.is_dir() else path


# --- the page and its sections -----------------------------------------------------------------------


def test_method_page_exists_with_its_title(real_site: Build) -> None:
    assert evidence.METHOD_PAGE == URL  # where the templates link to
    assert (real_site.site / URL / "index.html").is_file()
    page = real_site.html(URL)
    headings = page.find("article").find_all("h1")
    assert [h.get_text(strip=True) for h in headings] == ["So arbeiten wir"]
    assert page.find("title").get_text().startswith("So arbeiten wir")


def test_every_anchor_of_the_spec_exists_exactly_once(real_site: Build) -> None:
    page = real_site.html(URL)
    for anchor in ANCHORS:
        assert len(page.find_all(id=anchor)) == 1, anchor
        assert re.fullmatch(r"h[2-6]", page.find(id=anchor).name), anchor
    # No id on the page is used twice (a duplicate would make some link land in the wrong place).
    ids = [element["id"] for element in page.find_all(id=True)]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_every_measure_status_has_its_section_with_definition_and_example(real_site: Build) -> None:
    page = real_site.html(URL)
    measure_part = section_text(page, "status")
    for key, label in labels.MEASURE_STATUS.items():
        anchor = measure_anchor(key)
        assert anchor in ANCHORS, f"Status {key!r} hat keinen Anker in der Spezifikation"
        text = section_text(page, anchor)
        assert label in text, (key, label)
        assert "Bedeutung:" in text and "Beispiel:" in text, key
        assert text in measure_part, f"{anchor} steht nicht im Abschnitt #status"


def test_every_initiative_status_has_its_section_with_definition_and_example(real_site: Build) -> None:
    page = real_site.html(URL)
    for key, label in labels.INITIATIVE_STATUS.items():
        anchor = initiative_anchor(key)
        assert anchor in ANCHORS, f"Status {key!r} einer Initiative hat keinen Anker in der Spezifikation"
        text = section_text(page, anchor)
        assert label in text, (key, label)
        assert "Bedeutung:" in text and "Beispiel:" in text, key


def test_examples_are_marked_as_quotes_with_their_source(real_site: Build) -> None:
    """An example either quotes a source („…“ and 'Zitat') or says honestly that the sources have none."""
    page = real_site.html(URL)
    anchors = [measure_anchor(key) for key in labels.MEASURE_STATUS] + [initiative_anchor(key) for key in labels.INITIATIVE_STATUS]
    for anchor in anchors:
        example = section_text(page, anchor).split("Beispiel:", 1)[1]
        quoted = "„" in example and "Zitat" in example
        none = "Keine der fünf Ausgangsquellen" in example or "enthalten keine" in example
        assert quoted or none, anchor


def test_change_log_is_dated(real_site: Build) -> None:
    text = section_text(real_site.html(URL), "aenderungen")
    assert "30. November 2026" in text
    for topic in ("angekündigt", "Quelle undatiert", "ohne aktuelle Meldung", "Beispiele"):
        assert topic in text, topic


# --- the values of this build --------------------------------------------------------------------------


def check_rules_box(build: Build, years: int, today: dt.date) -> None:
    box = rules_box(build)
    unit = "Jahr" if years == 1 else "Jahre"
    assert box.find(class_="portal-stale-years").get_text(strip=True) == f"{years} {unit}"
    times = [time["datetime"] for time in box.find_all("time")]
    assert times[0] == today.isoformat()
    since = today.replace(year=today.year - years, day=28 if (today.month, today.day) == (2, 29) else today.day)
    assert since.isoformat() in times


def test_rules_box_shows_the_configured_period_and_the_build_date(real_site: Build) -> None:
    # real_site is built with the real date; a build that runs over midnight may show yesterday.
    box_date = dt.date.fromisoformat(rules_box(real_site).find("time")["datetime"])
    assert dt.date.today() - box_date in (dt.timedelta(0), dt.timedelta(days=1))
    check_rules_box(real_site, configured_stale_years(), box_date)


@pytest.fixture(scope="module")
@builds
def three_year_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = mini_project(tmp_path_factory.mktemp("method"))
    set_stale_years(root / "mkdocs.yml", 3)
    build = run_build(root)
    assert build.returncode == 0, build.output
    return build


def test_a_build_with_another_period_shows_that_period(three_year_site: Build) -> None:
    # The fixture build's reference date: conftest.EPOCH, 22 November 2026.
    check_rules_box(three_year_site, 3, dt.date(2026, 11, 22))
    assert "2 Jahre" not in rules_box(three_year_site).get_text()


def test_the_markdown_leaves_the_values_to_the_build() -> None:
    """The period and the reference date stand only in the box the template fills in."""
    text = (ROOT / "docs" / "methode" / "index.md").read_text(encoding="utf-8")
    assert "<!-- portal:regeln -->" in text
    assert "zwei Jahre" not in text and "2 Jahren" not in text


# --- how readers reach it --------------------------------------------------------------------------------


def test_every_page_footer_links_the_method_page(real_site: Build) -> None:
    pages = [p for p in real_site.site.rglob("*.html") if "<html" in p.read_text(encoding="utf-8")[:500]]
    assert len(pages) > 100 and real_site.site / "404.html" in pages
    target = real_site.site / URL / "index.html"
    for page in pages:
        footer = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser", parse_only=SoupStrainer("footer"))
        links = [a for a in footer.select(".md-copyright nav.portal-about a[href]") if a.get_text(strip=True) == "So arbeiten wir"]
        assert len(links) == 1, page
        assert resolve(real_site.site, page, links[0]["href"]) == target, page


def test_status_tags_and_notes_link_to_a_section_of_the_method_page(real_site: Build) -> None:
    """Every status tag, overdue and stale note on the site leads to one of the spec's sections."""
    target = real_site.site / URL / "index.html"
    seen = set()
    for page in real_site.site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser", parse_only=SoupStrainer("a"))
        for link in soup.select("a.portal-status"):
            path, _, fragment = link["href"].partition("#")
            assert resolve(real_site.site, page, path) == target, (page, link["href"])
            assert fragment in ANCHORS, (page, link["href"])
            seen.add(fragment)
    assert seen, "keine Status-Angabe auf der Website"


def test_method_page_stays_out_of_the_navigation_tabs(real_site: Build) -> None:
    for url in ("", URL):
        navigation = " ".join(nav.get_text(" ") for nav in real_site.html(url).select("nav.md-tabs, nav.md-nav--primary"))
        assert "So arbeiten wir" not in navigation, url


def test_the_editors_guide_links_the_method_page(real_site: Build) -> None:
    guide = real_site.site / "mitmachen" / "index.html"
    article = BeautifulSoup(guide.read_text(encoding="utf-8"), "html.parser").find("article")
    targets = {resolve(real_site.site, guide, a["href"].split("#")[0]) for a in article.find_all("a", href=True)
               if a["href"].split("#")[0]}
    assert real_site.site / URL / "index.html" in targets
