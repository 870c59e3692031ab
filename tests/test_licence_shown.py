"""The licence of the portal's texts and data (``extra.license``, portal.licensing) is shown on every
page: the footer names it, links the licence text and the section "Lizenz und Namensnennung" on
/daten/, and says whom to name. On the 404 page (absolute links, no autoescaping) too. The holder is
the operator's text: escaped wherever it appears. A licence the portal does not know stops the build
with a German message naming mkdocs.yml, the line and the allowed values.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import Build, builds, line_of, mini_project, mini_variant, run_build

from portal.licensing import LICENSES

HOSTILE_HOLDER = 'Stadt "Test" </script><b>fett</b> & Co'


def licensed(text: str, key: str, holder: str) -> str:
    """mkdocs.yml with ``extra.license`` set to ``key`` naming ``holder`` (quoted for YAML)."""
    quoted = holder.replace("\\", "\\\\").replace('"', '\\"')
    assert "    id: cc-by-4.0\n    holder: \"\"\n" in text
    return text.replace("    id: cc-by-4.0\n    holder: \"\"\n", f'    id: {key}\n    holder: "{quoted}"\n', 1)


def html_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if "pagefind" not in path.parts)


def check_footer(site: Path, path: Path, licence_url: str, short: str, holder: str) -> None:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    lines = soup.select("footer .portal-license")
    assert len(lines) == 1, f"{path}: no licence line in the footer"
    line = lines[0]
    text = " ".join(line.get_text(" ").split())
    assert text.startswith("Texte und Daten dieses Portals:") and short in text
    assert f"bitte nennen: {holder}" in text
    licence = line.find("a", rel="license")
    assert licence["href"] == licence_url and licence.get_text() == short
    # The section on /daten/, reached from this page's address.
    page_url = path.relative_to(site).as_posix()
    target = [a["href"] for a in line.find_all("a") if a["href"].endswith("#lizenz")]
    assert len(target) == 1
    href = target[0]
    if href.startswith("/"):  # the 404 page's links are absolute from the site's root
        resolved = href.lstrip("/")
    else:
        resolved = urljoin(page_url, href).lstrip("/")
    resolved = urlsplit(resolved).path
    assert resolved in ("daten/", "daten/index.html"), (path, href)


@pytest.mark.build
def test_every_page_of_the_mini_site_names_the_licence_in_its_footer(mini_site: Build) -> None:
    licence = LICENSES["cc-by-4.0"]
    pages = html_pages(mini_site.site)
    assert mini_site.site / "404.html" in pages and len(pages) > 20
    for path in pages:
        check_footer(mini_site.site, path, licence.url, licence.short, "Industrie-Initiativen NRW")


@pytest.fixture(scope="module")
@builds
def hostile_holder(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The mini site under the Datenlizenz Deutschland, naming a holder full of markup."""
    build = mini_variant(tmp_path_factory.mktemp("holder"),
                         config=lambda text: licensed(text, "dl-de-by-2.0", HOSTILE_HOLDER))
    assert build.returncode == 0, build.output
    return build


@pytest.mark.parametrize("page", ["404.html", "index.html", "daten/index.html", "massnahmen/glasfaser/index.html"])
def test_the_holder_is_shown_as_text_in_every_footer(hostile_holder: Build, page: str) -> None:
    path = hostile_holder.site / page
    licence = LICENSES["dl-de-by-2.0"]
    check_footer(hostile_holder.site, path, licence.url, licence.short, HOSTILE_HOLDER)
    raw = path.read_text(encoding="utf-8")
    assert "<b>fett</b>" not in raw and "</script><b>" not in raw
    assert "&lt;/script&gt;&lt;b&gt;fett&lt;/b&gt; &amp; Co" in raw


@pytest.mark.build
def test_an_unknown_licence_stops_the_build_in_german(tmp_path: Path) -> None:
    root = mini_project(tmp_path, config=lambda text: text.replace("    id: cc-by-4.0\n", "    id: cc-by-3.0\n", 1))
    line = line_of(root / "mkdocs.yml", "    id: cc-by-3.0")
    build = run_build(root)
    assert build.returncode != 0
    assert f"mkdocs.yml:{line}:" in build.output
    assert "'cc-by-3.0' ist keine der Lizenzen, die das Portal kennt" in build.output
    for key, licence in LICENSES.items():
        assert f"{key} ({licence.name})" in build.output
    assert not (build.site / "index.html").exists()
