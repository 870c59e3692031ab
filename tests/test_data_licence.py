"""The licence in every data file: every JSON file under daten/ carries ``lizenz`` with the attribution
users must give, every Atom feed its ``<rights>``, every calendar its description; the operator's choice
of licence and the site address reach them all; daten/index.json names the further open-data outputs."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import feedparser
import icalendar
import pytest
from conftest import Build, builds, mini_variant
from test_follow_build import calendars, feeds

from portal import dcat, popolo, tables
from portal.licensing import LICENSES, THIRD_PARTY

PUBLISHED = "https://daten.example/nrw/"
HOLDER = 'Stadt "Test" – Amt für Daten'


def json_files(site: Path) -> dict[str, Any]:
    """Every JSON file under daten/, parsed, by its path under the site."""
    files = sorted((site / "daten").rglob("*.json"))
    assert files
    return {file.relative_to(site).as_posix(): json.loads(file.read_text(encoding="utf-8")) for file in files}


def unescape(text: str) -> str:
    """An iCalendar TEXT value unescaped (RFC 5545, 3.3.11)."""
    return re.sub(r"\\([\\;,nN])", lambda found: "\n" if found.group(1) in "nN" else found.group(1), text)


def assert_licensed(site: Path, short: str, address: str = "") -> None:
    """Every JSON file under daten/, feed and calendar names the licence ``short`` and its attribution."""
    for name, data in json_files(site).items():
        licence = data.get("lizenz")
        assert isinstance(licence, dict), name
        assert licence["kurzname"] == short and short in licence["namensnennung"], name
        assert licence["inhalte_dritter"] == THIRD_PARTY, name
        assert address in licence["namensnennung"], name
    for path in feeds(site):
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert short in feed.feed.rights and address in feed.feed.rights, path
    for path in calendars(site):
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        # icalendar leaves an X- property's TEXT escaped ("\,"): unescaped, it is the calendar's DESCRIPTION.
        description = unescape(str(calendar["x-wr-caldesc"]))
        assert short in description and address in description and "\\" not in description, path
        assert str(calendar["description"]) == description, path


def test_every_data_file_of_the_mini_site_names_the_licence(mini_site: Build) -> None:
    assert_licensed(mini_site.site, "CC BY 4.0")
    index = json_files(mini_site.site)["daten/index.json"]
    assert index["lizenz"]["namensnennung"] == (
        "Industrie-Initiativen NRW, Lizenz: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.de)")
    feed = feedparser.parse((mini_site.site / "neu" / "feed.xml").read_bytes())
    assert feed.feed.rights == index["lizenz"]["namensnennung"]


@pytest.fixture(scope="module")
@builds
def licensed_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The mini content under the Datenlizenz Deutschland, naming a holder with quotes, at an address."""
    def configure(text: str) -> str:
        text = text.replace('site_url: !ENV [SITE_URL, ""]', f"site_url: {PUBLISHED}")
        old = '  license:\n    id: cc-by-4.0\n    holder: ""\n'
        assert old in text
        return text.replace(old, f"  license:\n    id: dl-de-by-2.0\n    holder: '{HOLDER}'\n")
    build = mini_variant(tmp_path_factory.mktemp("licence"), config=configure)
    assert build.returncode == 0, build.output
    return build


def test_the_chosen_licence_holder_and_address_reach_every_data_file(licensed_site: Build) -> None:
    assert_licensed(licensed_site.site, "dl-de/by-2-0", PUBLISHED)
    index = json_files(licensed_site.site)["daten/index.json"]
    assert index["lizenz"]["spdx"] == "DL-DE-BY-2.0" and index["lizenz"]["url"] == LICENSES["dl-de-by-2.0"].url
    assert index["lizenz"]["namensnennung"] == (
        f"{HOLDER}: Industrie-Initiativen NRW, {PUBLISHED}, Lizenz: dl-de/by-2-0 (https://www.govdata.de/dl-de/by-2-0)")
    feed = feedparser.parse((licensed_site.site / "neu" / "feed.xml").read_bytes())
    assert feed.feed.rights == index["lizenz"]["namensnennung"]  # quotes and the dash intact through XML


def test_the_index_names_every_open_data_output(mini_site: Build) -> None:
    index = json_files(mini_site.site)["daten/index.json"]
    assert index["tabellen"][0] == "massnahmen.csv"
    assert [f"daten/{name}" for name in index["tabellen"][1:]] == [
        f"{tables.TABLE_DIR}/{table.name}.csv" for table in tables.TABLES]
    assert f"daten/{index['datenpaket']}" == tables.DATAPACKAGE_PATH
    assert f"daten/{index['popolo']}" == popolo.PATH and (mini_site.site / popolo.PATH).is_file()
    assert (f"daten/{index['katalog']['turtle']}", f"daten/{index['katalog']['json_ld']}") == (dcat.TURTLE_PATH, dcat.JSONLD_PATH)
    for name, pattern in index["einzelne_eintraege"].items():
        assert pattern.endswith("/{id}.json") and (mini_site.site / "daten" / pattern.split("/")[0]).is_dir(), name


def test_every_data_file_of_the_shipped_content_parses_and_names_the_licence(real_site: Build) -> None:
    """Whatever the content: every JSON file under daten/ parses and carries the licence, every feed its rights."""
    for name, data in json_files(real_site.site).items():
        assert data["lizenz"]["namensnennung"] and data["lizenz"]["spdx"] in {"CC-BY-4.0", "DL-DE-BY-2.0"}, name
    for path in feeds(real_site.site):
        assert feedparser.parse(path.read_bytes()).feed.rights, path
