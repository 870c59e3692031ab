"""Every page of the built real site is valid HTML, checked once with the Nu HTML Checker (vnu.jar)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from typing import Any

import pytest
from conftest import ROOT, Build

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Material's base.html (9.8) writes two hidden checkboxes, the drawer and the search toggle, with
# autocomplete="off" so that Firefox does not restore them checked after "back". The Nu checker
# refuses autocomplete on checkboxes. The markup sits in base.html outside any block: removing it
# means copying Material's whole base template, which would then miss Material's fixes. So exactly
# this error on exactly these two inputs is expected, once each per page, and nothing else.
MATERIAL_TOGGLE_ERROR = "Attribute “autocomplete” is only allowed when the input type is"
MATERIAL_TOGGLE = re.compile(
    r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__(drawer|search)" autocomplete="off">')


def is_material_toggle(message: dict[str, Any]) -> bool:
    """The known error on Material's drawer or search toggle (the highlighted markup is the input)."""
    start, length = message.get("hiliteStart", 0), message.get("hiliteLength", 0)
    highlighted = message.get("extract", "")[start:start + length]
    return message["message"].startswith(MATERIAL_TOGGLE_ERROR) and bool(MATERIAL_TOGGLE.fullmatch(highlighted))


@pytest.mark.slow  # starts Java, and checks every page of the site
def test_every_page_is_valid_html(real_site: Build) -> None:
    java = shutil.which("java")
    assert java, "Java fehlt (Debian-Paket openjdk-17-jre-headless)"
    assert VNU.exists(), "vnu.jar fehlt: npm install (package.json nennt vnu-jar)"
    proc = subprocess.run([java, "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json",
                           str(real_site.site)], capture_output=True, text=True, timeout=600)
    # The checker writes its JSON report to stderr and exits 1 when it reports any error.
    report = json.loads(proc.stderr)
    messages = report["messages"]
    problems = [m for m in messages if not is_material_toggle(m)]
    listed = "\n".join(f"{m.get('url', '').removeprefix('file:' + str(real_site.site))}:{m.get('lastLine', '?')}: "
                       f"{m['type']}: {m['message']}\n    {' '.join(m.get('extract', '').split())}" for m in problems)
    assert problems == [], f"Nu HTML Checker meldet {len(problems)} Fehler:\n{listed}"
    # Twice on every page, which also shows that the checker really read every page.
    pages = sorted(str(p) for p in real_site.site.rglob("*.html"))
    per_page = Counter(m["url"].removeprefix("file:") for m in messages)
    assert {page: per_page[page] for page in pages} == dict.fromkeys(pages, 2), \
        "Material schreibt die beiden Umschalter nicht mehr wie erwartet: Filter oben prüfen"
