"""The incremental preview equals a full build: ``mkdocs serve --dirty`` as scripts/serve.sh starts it,
edits made in a scratch project one after the other (a measure's title and status, a measure moved
to another initiative, a new press item a measure cites, an organisation and a region renamed, a
record deleted, a problem and its fix), and after each the preview's site folder compared
file by file with a fresh ``mkdocs build`` of the same content (same address, same date). Pages whose
inputs did not change must not have been written again (their modification time), so the test also
proves that the preview is incremental. The search index (pagefind/) is left out: it is written in the
background after each rebuild.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
from conftest import BIN, EPOCH, mini_project
from test_preview import _free_port, _get, _wait_for

SECOND_INITIATIVE = """\
title: Zweite Initiative
kind: dialog
region: land
history: [{date: "2019-01-10", status: laufend, sources: [pm-zwei]}]
start: "2019"
summary: Ein Dialog über Wasserstoff.
sources: [pm-zwei]
"""
SECOND_MEASURE = """\
initiative: zweite-initiative
title: Elektrolyseur planen
history: [{date: "2019-01-10", status: angekuendigt, sources: [pm-zwei]}]
sources: [pm-zwei]
"""
SECOND_PRESS = """\
---
title: Pressemitteilung zwei
type: pressemitteilung
date: "2019-01-10"
initiatives: [zweite-initiative]
---
Der Dialog beginnt.
"""
UNRELATED_ORG = """\
name: Verband Test
type: verband
description: Ein Verband, den keine Maßnahme nennt.
sources: [pm-zwei]
"""
LONELY_TOPIC = "name: Einsames Thema\ndescription: Kein Eintrag nennt es.\n"
THIRD_PRESS = """\
---
title: Pressemitteilung drei
type: pressemitteilung
date: "2019-06-01"
measures: [fertig]
---
Die Maßnahme wurde wieder aufgenommen.
"""
# Outputs none of the edits below touches: they must keep their modification time.
UNTOUCHED = ("impressum/index.html", "partner/verband-test/index.html")


class DirtyPreview:
    """``mkdocs serve --dirty`` in ``root`` whose site folder is found under its own TMPDIR."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = _free_port()
        self.tmp = root / "tmp"
        self.tmp.mkdir()
        self.log = root / "serve.log"
        env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(self.tmp)}
        env.pop("PORTAL_PREVIEW", None)
        env.pop("PORTAL_PREVIEW_INCREMENTAL", None)
        self.process = subprocess.Popen(
            [str(BIN / "mkdocs"), "serve", "--dirty", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=root, env=env, stdout=self.log.open("w"), stderr=subprocess.STDOUT)

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def builds(self) -> int:
        """Finished builds so far: the first (before the server serves), then one per "Reloading
        browsers" of the live reload. Not MkDocs' "Documentation built in …": its logger drops a
        message it has logged before (mkdocs.utils.DuplicateFilter), so a rebuild that takes as long
        as an earlier one, to the hundredth of a second, would not be counted."""
        text = self.log.read_text(encoding="utf-8")
        return ("Serving on" in text) + text.count("Reloading browsers")

    def site(self) -> Path:
        (folder,) = self.tmp.glob("mkdocs_*")
        return folder

    def rebuilt(self, before: int) -> None:
        """Wait until a build after ``before`` finished and no other followed within a second."""
        _wait_for(lambda: self.builds() > before, "the rebuild after the save", timeout=120)
        while True:
            count = self.builds()
            time.sleep(1.0)
            text = self.log.read_text(encoding="utf-8")
            # The open data and the search index follow each build in the background.
            if (self.builds() == count and text.count("Building documentation") == count
                    and text.count("offene Daten (") == count):
                return


def _outputs(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*")
            if path.is_file() and path.relative_to(site).parts[0] != "pagefind"}


def _mtimes(site: Path) -> dict[str, int]:
    return {path.relative_to(site).as_posix(): path.stat().st_mtime_ns for path in site.rglob("*")
            if path.is_file() and path.relative_to(site).parts[0] != "pagefind"}


def _full_build(root: Path, address: str, scratch: Path) -> dict[str, bytes]:
    """A fresh ``mkdocs build`` of ``root``'s current content into ``scratch``, as the preview's address.

    Built as the preview builds (PORTAL_PREVIEW=1): the preview's pages carry no Content-Security-Policy
    (hooks/security_hooks.py: MkDocs' live reload injects an inline script) and keep running on problems."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": address,
           "PORTAL_PREVIEW": "1"}
    env.pop("PORTAL_PREVIEW_INCREMENTAL", None)
    site = scratch / f"site-{time.monotonic_ns()}"
    proc = subprocess.run([str(BIN / "mkdocs"), "build", "--site-dir", str(site)], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return _outputs(site)


def _assert_same(preview: DirtyPreview, scratch: Path) -> dict[str, int]:
    """Every file of a full build equals the preview's, and the preview has no file more."""
    full = _full_build(preview.root, preview.address, scratch)
    shown = _outputs(preview.site())
    differing = sorted(path for path in full if shown.get(path) != full[path])
    assert not differing, f"the preview differs from a full build in {differing[:20]}"
    assert sorted(set(shown) - set(full)) == [], "the preview keeps files a full build does not write"
    return _mtimes(preview.site())


@pytest.mark.slow
@pytest.mark.build
def test_the_incremental_preview_equals_a_full_build(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    root = mini_project(tmp_path / "project", write={
        "initiatives/zweite-initiative.yaml": SECOND_INITIATIVE, "measures/elektrolyseur.yaml": SECOND_MEASURE,
        "documents/pm-zwei.md": SECOND_PRESS, "organisations/verband-test.yaml": UNRELATED_ORG,
        "topics/einsames-thema.yaml": LONELY_TOPIC})
    data = root / "data"
    scratch = tmp_path / "full"
    scratch.mkdir()
    preview = DirtyPreview(root)
    try:
        _wait_for(lambda: _get(preview.address)[0] == 200 and preview.builds() == 1, "first build", timeout=120)
        preview.rebuilt(0)
        assert "A 'dirty' build" not in preview.log.read_text(encoding="utf-8")
        before = _assert_same(preview, scratch)

        def save(edit: str) -> dict[str, int]:
            nonlocal before
            count = preview.builds()
            time.sleep(0.05)  # a modification time after the last build's writes
            {"title and status": _retitle, "move": _move, "cite": _cite, "rename": _rename,
             "delete": _delete}[edit](data)
            preview.rebuilt(count)
            after = _assert_same(preview, scratch)
            rewritten = {path for path, mtime in after.items() if before.get(path) != mtime}
            before = after
            return {path: after[path] for path in rewritten}

        rewritten = save("title and status")
        assert "massnahmen/fertig/index.html" in rewritten
        assert "initiativen/masterplan-test/index.html" in rewritten  # lists the measure
        for path in UNTOUCHED + ("massnahmen/elektrolyseur/index.html", "initiativen/zweite-initiative/index.html"):
            assert path not in rewritten, f"{path} was written again though nothing it shows changed"

        rewritten = save("move")
        for path in ("massnahmen/glasfaser/index.html", "initiativen/masterplan-test/index.html",
                     "initiativen/zweite-initiative/index.html"):
            assert path in rewritten, f"{path}: the moved measure's old and new initiative"
        assert not rewritten.keys() & set(UNTOUCHED)

        rewritten = save("cite")
        assert {"quellen/pm-drei/index.html", "massnahmen/fertig/index.html"} <= rewritten.keys()
        assert not rewritten.keys() & set(UNTOUCHED)

        rewritten = save("rename")  # names shown on many pages: a partner's, a region's (in region paths)
        assert {"partner/kammer-test/index.html", "massnahmen/glasfaser/index.html", "regionen/land/index.html",
                "initiativen/masterplan-test/index.html"} <= rewritten.keys()
        assert not rewritten.keys() & set(UNTOUCHED)

        save("delete")
        assert not (preview.site() / "themen/einsames-thema").exists()

        # A save with a problem: every page shows the banner above the last good content, so every
        # page is written again; the fix writes every page again, and equals a full build.
        pages = {path for path in before if path.endswith(".html")}
        count = preview.builds()
        (data / "topics" / "kaputt.yaml").write_text("name: Kaputt\ntitel: Tippfehler\n", encoding="utf-8")
        preview.rebuilt(count)
        broken = _mtimes(preview.site())
        assert {path for path in pages if broken[path] == before[path]} == set(), "pages without the banner"
        site = preview.site()
        assert all("portal-problems" in (site / path).read_text(encoding="utf-8")
                   for path in pages)
        count = preview.builds()
        (data / "topics" / "kaputt.yaml").unlink()
        preview.rebuilt(count)
        fixed = _assert_same(preview, scratch)
        assert {path for path in pages if fixed[path] == broken[path]} == set(), "pages still with the banner"
        assert preview.process.poll() is None
        assert "Traceback" not in preview.log.read_text(encoding="utf-8")
    finally:
        preview.process.terminate()
        preview.process.wait(timeout=20)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _retitle(data: Path) -> None:
    measure = data / "measures" / "fertig.md"
    _replace(measure, "title: Erledigte Maßnahme", "title: Wieder offene Maßnahme")
    _replace(measure, "status: abgeschlossen", "status: in_umsetzung")


def _move(data: Path) -> None:
    measure = data / "measures" / "glasfaser.yaml"
    _replace(measure, "initiative: masterplan-test\nworking_group: ak-flaechen\n", "initiative: zweite-initiative\n")


def _cite(data: Path) -> None:
    (data / "documents" / "pm-drei.md").write_text(THIRD_PRESS, encoding="utf-8")
    _replace(data / "measures" / "fertig.md", "sources: [pm-eins]\n---", "sources: [pm-eins, pm-drei]\n---")


def _rename(data: Path) -> None:
    _replace(data / "organisations" / "kammer-test.yaml", "name: Kammer Test", "name: Kammer Umbenannt")
    _replace(data / "regions" / "teststadt.yaml", "name: Teststadt", "name: Umbenannte Stadt")


def _delete(data: Path) -> None:
    (data / "topics" / "einsames-thema.yaml").unlink()
