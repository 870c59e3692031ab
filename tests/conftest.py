"""Shared fixtures: build the real site (or the site with other data) with MkDocs, once per session."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# 2026-11-22 00:00 UTC: a fixed reference date, so "overdue" does not change with the calendar.
EPOCH = "1795305600"
BIN = Path(sys.executable).parent


@dataclass
class Build:
    """The outcome of one MkDocs run in a scratch copy of the project."""

    root: Path
    returncode: int
    output: str

    @property
    def site(self) -> Path:
        return self.root / "site"

    def html(self, url: str) -> BeautifulSoup:
        """Parse the page published at site-relative ``url`` (e.g. 'initiativen/x/')."""
        path = self.site / url / "index.html" if not url.endswith(".html") else self.site / url
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def text(self, url: str) -> str:
        """The visible text of a page's main article, whitespace collapsed."""
        article = self.html(url).find("article")
        text = " ".join(article.get_text(" ").split()) if article else ""
        # get_text(" ") puts a space between every tag; undo it before punctuation.
        return re.sub(r"\(\s+", "(", re.sub(r"\s+([,.:;)])", r"\1", text))

    def section(self, url: str, heading_id: str) -> list[Tag]:
        """The elements after the heading with ``heading_id`` up to the next heading of its level."""
        heading = self.html(url).find(id=heading_id)
        found = []
        for sibling in heading.find_next_siblings():
            if sibling.name == heading.name:
                break
            found.append(sibling)
        return found


def make_project(tmp: Path, data: Path | None) -> Path:
    """Copy the project (config, docs, templates, hooks) into ``tmp`` with ``data`` as content."""
    for name in ("mkdocs.yml", "docs", "overrides", "hooks"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp / name)
    shutil.copytree(data if data is not None else ROOT / "data", tmp / "data")
    return tmp


def run_build(root: Path, *args: str, command: str = "mkdocs") -> Build:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    executable = str(BIN / command) if (BIN / command).exists() else command
    proc = subprocess.run([executable, "build", "--strict", *args], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)
    return Build(root, proc.returncode, proc.stdout + proc.stderr)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The shipped content, built strictly."""
    build = run_build(make_project(tmp_path_factory.mktemp("real"), None))
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A small hand-made content set with planted <script> tags, drafts and an overdue measure."""
    build = run_build(make_project(tmp_path_factory.mktemp("mini"), FIXTURES / "mini"))
    assert build.returncode == 0, build.output
    return build
