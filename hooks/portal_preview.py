"""MkDocs glue of the incremental live preview (``mkdocs serve --dirty``, scripts/serve.sh).

``portal_hooks`` calls these at its events; the decisions are made in the domain package
(``portal.incremental``: fingerprints compared with what was last written, ``portal.fingerprints``,
``portal.page_inputs``). Here only what needs MkDocs' objects: marking files as unmodified, adding
the files written in the background, silencing MkDocs' warning about dirty builds.

Like ``portal_config``, this module is imported once per process (``portal_hooks`` is imported anew
for every rebuild), but it keeps no state of its own: that lives in ``portal.incremental``.
"""

from __future__ import annotations

import logging
import os
import shutil
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import File, Files

from portal.fingerprints import Fingerprints
from portal.incremental import INDEXING, MEMORY, everything_key, remove_output, signatures
from portal.page_inputs import GRAPH
from portal.pages import PagePlan
from portal.search import SearchIndexError, index_site

if TYPE_CHECKING:
    from collections.abc import Iterable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from portal.site import Portal

log = logging.getLogger("mkdocs.plugins.portal")
PREVIEW = "PORTAL_PREVIEW"  # set by portal_hooks.on_startup for ``mkdocs serve``
# Set for ``mkdocs serve --dirty``: the preview rebuilds only what changed.
INCREMENTAL = "PORTAL_PREVIEW_INCREMENTAL"
DATA_KEY = "portal_data_signatures"
EXPORTED_KEY = "portal_exports_written"  # this build wrote the open data itself (the first one)


def start(dirty: bool) -> None:
    """``mkdocs serve`` starts: incremental with ``--dirty``, and then with a full first build."""
    if dirty:
        os.environ[INCREMENTAL] = "1"
        MEMORY.forget()
    else:
        os.environ.pop(INCREMENTAL, None)


def active() -> bool:
    """Whether this build is a rebuild of the incremental preview."""
    return os.environ.get(PREVIEW) == "1" and os.environ.get(INCREMENTAL) == "1"


def before_reading(config: MkDocsConfig, root: Path) -> None:
    """Take the content files' signatures before the content is read (a file saved again while it
    is read then counts as changed at the next build), and quiet MkDocs' dirty-build warning."""
    logger = logging.getLogger("mkdocs.commands.build")
    # By name: MkDocs imports this module afresh for every rebuild, so the class is a new one each time.
    if not any(type(existing).__name__ == _DirtyWarning.__name__ for existing in logger.filters):
        logger.addFilter(_DirtyWarning())
    config[DATA_KEY] = signatures(root / "data", root)


class _DirtyWarning(logging.Filter):
    """MkDocs warns on every --dirty build that navigation may be wrong; the preview decides itself
    what is stale (portal.incremental), so the warning would only mislead."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "A 'dirty' build is being performed" not in record.getMessage()


def front_matter(plans: Iterable[PagePlan]) -> dict[PagePlan, str]:
    """Each generated page's source, rendered only for plans that changed since the last save."""
    return MEMORY.front_matter(plans, PagePlan.markdown)


def add_exports(files: Files, config: MkDocsConfig, portal: Portal) -> None:
    """The open data, feeds and calendars: made now in the first build (so that links to them
    resolve); later as written last time (in the site folder), which MkDocs leaves as they are and
    the background job brings up to date after the build."""
    site = Path(config.site_dir)
    if not MEMORY.exported:
        made = portal.exports()
        for path, content in made.items():
            files.append(File.generated(config, path, content=content))
        MEMORY.made(made)
        config[EXPORTED_KEY] = True
        return
    for path in MEMORY.exported:
        if (site / path).is_file():
            file = File.generated(config, path, abs_src_path=str(site / path))
            file.is_modified = _unchanged  # type: ignore[method-assign]
            files.append(file)


def _unchanged() -> bool:
    return False


def _changed() -> bool:
    return True


def skip_unchanged(files: Files, config: MkDocsConfig, portal: Portal) -> None:
    """Mark every page and generated file whose fingerprint is as last written as unmodified
    (MkDocs then neither renders nor writes it); delete what the content no longer has."""
    root = Path(config.config_file_path).parent
    prints = Fingerprints(portal, config[DATA_KEY], GRAPH)
    outputs: dict[str, str] = {}
    decided: dict[str, File] = {}
    for file in files:
        if file.dest_uri in MEMORY.exported:
            continue  # written in the background after the build (after_build)
        generated = file.generated_by is not None
        if file.is_documentation_page():
            content = file.content_bytes
            fingerprint = prints.detail(file.src_uri, content) if generated else None
            outputs[file.dest_uri] = fingerprint or prints.listing(content)
        elif generated:
            outputs[file.dest_uri] = prints.generated(file.content_bytes)
        else:
            continue  # static files: MkDocs compares their modification times itself
        decided[file.dest_uri] = file
    sources = [Path(config.config_file_path), Path(config.docs_dir), root / "hooks"]
    if config.theme.custom_dir:
        sources.append(Path(config.theme.custom_dir))
    everything = everything_key(root, sources, config.site_url, portal.today, portal.problem_lines(),
                                portal.has_content)
    site = Path(config.site_dir)
    plan = MEMORY.plan(everything, outputs, lambda path: (site / path).is_file(), portal.search_vocabulary)
    if plan.full:
        INDEXING.wait()  # the background job must not write into the folder while it is emptied
        for entry in site.iterdir() if site.is_dir() else ():
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    for path in plan.remove:
        remove_output(site, path)
    for path, file in decided.items():
        # An instance attribute in place of File.is_modified: MkDocs asks it before reading,
        # rendering and writing a page, and before writing a generated file.
        file.is_modified = _changed if path in plan.rebuild else _unchanged  # type: ignore[method-assign]
    log.info(f"Vorschau: {len(plan.rebuild)} von {len(outputs)} Dateien neu" + (" (alles neu)" if plan.full else ""))


def remember(page: Page, output: str) -> None:
    """Note the words of a page just rendered (their compounds decide its search keywords)."""
    MEMORY.remember(page.file.dest_uri, output)


def after_build(config: MkDocsConfig, portal: Portal, site: Path) -> None:
    """The build succeeded: remember it, then write the open data (unless this build wrote it) and
    index in the background."""
    MEMORY.finished(portal.search_vocabulary)
    INDEXING.start(partial(_export_and_index, None if config.get(EXPORTED_KEY) else portal, site))


def failed() -> None:
    """A failed build may have written part of its pages: the next one starts from scratch."""
    MEMORY.forget()


def _export_and_index(portal: Portal | None, site: Path) -> None:
    """The open data, feeds and calendars of ``portal`` (only changed files written; None: the build
    wrote them), then the search index."""
    written = 0
    try:
        if portal is not None:
            written = MEMORY.export(site, portal.exports())
    except Exception as error:  # noqa: BLE001 - a background job must not die silently
        log.error(f"Die offenen Daten der Vorschau konnten nicht geschrieben werden: {error}")
    index_preview(site)
    log.info(f"Vorschau: offene Daten ({written} {'Datei' if written == 1 else 'Dateien'} neu) und Suchindex aktualisiert")


def index_preview(site: Path) -> None:
    """Pagefind's index of the preview's site folder; a failure is logged, the preview goes on."""
    try:
        log.debug(index_site(site))
    except SearchIndexError as error:  # the preview never stops; its pages still show
        log.error(f"{error}\nDie Vorschau läuft ohne aktuellen Suchindex weiter.")
