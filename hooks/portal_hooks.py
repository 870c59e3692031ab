"""MkDocs hooks: thin glue between MkDocs' build events and the portal's domain package.

on_startup  remember whether this is the live preview (``mkdocs serve``)
on_config   check the portal's settings under extra: (hooks/portal_config.py), then read and check
            all content (nothing is written if either has problems; with content problems the preview
            instead keeps running and shows them on every page, with the last good content)
on_files    add one generated page per record, the open-data files and the further pages of long static lists
on_env      autoescape the portal's own templates; the preview's problems for every template
on_page_content  give generated pages their searchable prose
on_page_context  hand templates the catalog and the page's record; fill the table of contents of
                 pages whose headings come from templates
on_post_page     add the page's generated search keywords (portal.search_meta)
on_post_build    index the site for the search (Pagefind, portal.search), then swap the finished site
                 into place (a failed build leaves the old one untouched)

The preview of scripts/serve.sh (``mkdocs serve --dirty``) rebuilds incrementally: on_files tells
MkDocs which pages and files are unchanged since the last build (portal.incremental), and Pagefind
indexes in the background after the build.
"""

from __future__ import annotations

import hashlib
import html
import logging
import os
import shutil
import tempfile
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import CountHandler

from portal.fingerprints import Fingerprints
from portal.incremental import INDEXING, MEMORY, everything_key, remove_output, signatures
from portal.legal import contact_email, open_fields_message, page_context, publish_problems
from portal.page_inputs import Graph
from portal.pages import PagePlan
from portal.preview import LAST_GOOD
from portal.problems import ContentError, Problem
from portal.publish import Staging
from portal.revision import reference_date
from portal.search import SearchIndexError, index_site
from portal.site import Portal
from portal_config import SettingsError, load_settings

if TYPE_CHECKING:  # MkDocs passes these in; annotations only
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from portal.toc import TocEntry

log = logging.getLogger("mkdocs.plugins.portal")
STATE_KEY = "portal_state"
STAGING_KEY = "portal_staging"
OPERATOR_KEY = "portal_operator"  # extra.operator, checked (hooks/portal_config.py): every field as text
# MkDocs re-imports this module for every rebuild of the live preview but calls on_startup only once,
# so the preview flag lives in the process environment. Setting it by hand previews a normal build.
PREVIEW = "PORTAL_PREVIEW"
# Set for ``mkdocs serve --dirty`` (scripts/serve.sh): the preview rebuilds only what changed.
INCREMENTAL = "PORTAL_PREVIEW_INCREMENTAL"
DATA_KEY = "portal_data_signatures"
# The dependency graph of the running preview, kept between rebuilds like the memory (portal.incremental).
GRAPH = Graph()
# Set by the deploy job: the site goes public, so the operator's details must be complete.
PUBLISH = "PORTAL_PUBLISH"
# Templates in overrides/ that replace Material's own and so must keep its non-escaping behaviour.
MATERIAL_OVERRIDES = {"main.html", "base.html", "404.html"}


def _portal(config: MkDocsConfig) -> Portal:
    return config[STATE_KEY]


def on_startup(command: str, dirty: bool) -> None:
    """``mkdocs serve`` is the live preview: it shows content problems instead of stopping."""
    if command == "serve":
        os.environ[PREVIEW] = "1"
        if dirty:
            os.environ[INCREMENTAL] = "1"
            MEMORY.forget()  # a new preview starts with a full build
        else:
            os.environ.pop(INCREMENTAL, None)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Check the settings and read and check all content before anything is written; build into staging."""
    root = Path(config.config_file_path).parent
    preview = os.environ.get(PREVIEW) == "1"
    # The portal's settings under extra: (stale_after_years, edit, operator), typed and checked first.
    try:
        settings, notes = load_settings(config.extra, config.config_file_path)
    except SettingsError as error:
        for line in error.lines:
            log.error(line)
        raise PluginError(str(error)) from None
    for note in notes:
        log.warning(note)
    operator = config[OPERATOR_KEY] = settings.operator_values()
    build = partial(Portal, root, reference_date(), site_url=config.site_url or "",
                    edit=settings.edit_links(), contact=contact_email(operator),
                    stale_years=settings.stale_after_years)
    if _incremental():
        _quiet_dirty_warning()
        # Before the content is read: a file saved again meanwhile counts as changed next time.
        config[DATA_KEY] = signatures(root / "data", root)
    if preview:  # never fails: the last good content (or none yet) with the new problems
        portal = LAST_GOOD.show(build)
        if LAST_GOOD.traceback:
            log.error(LAST_GOOD.traceback.rstrip())
        if portal.problems:
            _report(portal.problems.sorted())
            shown = "den letzten fehlerfreien Stand" if portal.has_content else "noch keine Inhalte (es gab noch keinen fehlerfreien Stand)"
            log.error(f"{_count(len(portal.problems))} in den Inhalten. Die Vorschau zeigt sie oben auf jeder Seite, "
                      f"darunter {shown}, und baut nach dem nächsten Speichern neu.")
    else:
        try:
            portal = build()
        except ContentError as error:
            _report(error.problems.sorted())
            raise PluginError(f"{_count(len(error.problems))} in den Inhalten; die Website wurde nicht gebaut. "
                              "Bitte die oben genannten Stellen korrigieren.") from None
    if os.environ.get(PUBLISH) == "1" and (missing := publish_problems(operator)):
        for line in missing:
            log.error(line)
        raise PluginError("Die Website wird nicht veröffentlicht: Impressum und Datenschutzerklärung brauchen die "
                          "Angaben des Betreibers (§ 5 DDG, Art. 13 DSGVO). Bitte die oben genannten Felder in mkdocs.yml eintragen.")
    # Info, not warning: local builds, the preview and the tests may keep the shipped placeholders.
    if message := open_fields_message(operator):
        log.info(message)
    config[STATE_KEY] = portal
    if not preview:  # the preview serves from a temporary folder of its own
        staging = Staging(Path(config.site_dir))
        config.site_dir = str(staging.folder)
        config[STAGING_KEY] = staging
    return config


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The page's generated search keywords (compound parts, coordinations, short names)."""
    if _incremental():
        MEMORY.remember(page.file.dest_uri, output)
    return _portal(config).search_keywords(output, page.file.src_uri)


def on_post_build(config: MkDocsConfig) -> None:
    """Index the site for the search, then swap it into place (portal.search, portal.publish)."""
    staging: Staging | None = config.get(STAGING_KEY)
    if staging is None:  # the live preview: index its temporary site folder on every rebuild
        site = Path(config.site_dir)
        if _incremental():  # in the background: the reload need not wait, data and index follow shortly
            MEMORY.finished(_portal(config).search_vocabulary)
            INDEXING.start(partial(_export_and_index, _portal(config), site))
        else:
            _index_preview(site)
        return
    # In strict mode MkDocs aborts right after this event if its counter saw a warning: then the old
    # site stays, and the staging folder waits for the next build to clear it (on_build_error gets
    # no config to find it by).
    counters = [h for h in logging.getLogger("mkdocs").handlers if isinstance(h, CountHandler)]
    if config.strict and any(counter.get_counts() for counter in counters):
        return
    _index(staging.folder)
    staging.publish()
    config.site_dir = str(staging.site)


def on_build_error(error: Exception) -> None:
    """A failed preview build may have written part of its pages: the next one starts from scratch."""
    if _incremental():
        MEMORY.forget()


def _export_and_index(portal: Portal, site: Path) -> None:
    """The preview's open data, feeds and calendars (only changed files written), then its search index."""
    try:
        written = MEMORY.export(site, portal.exports())
    except Exception as error:  # noqa: BLE001 - a background job must not die silently
        log.error(f"Die offenen Daten der Vorschau konnten nicht geschrieben werden: {error}")
        written = 0
    _index_preview(site)
    log.info(f"Vorschau: offene Daten ({written} {'Datei' if written == 1 else 'Dateien'} neu) und Suchindex aktualisiert")


def _index_preview(site: Path) -> None:
    try:
        log.debug(index_site(site))
    except SearchIndexError as error:  # the preview never stops; its pages still show
        log.error(f"{error}\nDie Vorschau läuft ohne aktuellen Suchindex weiter.")


def _index(site: Path) -> None:
    """Pagefind's index of ``site``; a failure fails the build, in German."""
    try:
        log.debug(index_site(site))
    except SearchIndexError as error:
        log.error(str(error))
        raise PluginError("Die Suche konnte nicht indiziert werden; die Website wurde nicht veröffentlicht.") from None


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        log.error(problem.render())


def _count(number: int) -> str:
    return "Ein Problem" if number == 1 else f"{number} Probleme"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add one generated page per record and the open-data files."""
    plans = _portal(config).plans.values()
    incremental = _incremental()
    sources = MEMORY.front_matter(plans, PagePlan.markdown) if incremental else {}
    for plan in plans:
        if files.get_file_from_path(plan.src_uri):
            raise PluginError(f"docs/{plan.src_uri} überschneidet sich mit einer erzeugten Seite; bitte umbenennen.")
        # Detail pages stay out of the navigation: a full nav makes build time grow with the square of pages.
        markdown = sources[plan] if incremental else plan.markdown()
        files.append(File.generated(config, plan.src_uri, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV))
    if incremental:
        # Made after the pages, in the background (on_post_build): here only the files written last
        # time, so that links to them resolve; MkDocs leaves them as they are.
        site = Path(config.site_dir)
        for path in MEMORY.exported:
            if (site / path).is_file():
                file = File.generated(config, path, abs_src_path=str(site / path))
                file.is_modified = _unchanged  # type: ignore[method-assign]
                files.append(file)
    else:
        for path, content in _portal(config).exports().items():
            files.append(File.generated(config, path, content=content))
    # Pages 2, 3, … of the static measure lists (docs/massnahmen/…), outside the navigation like detail pages.
    for path, content in _portal(config).catalog.continuation_pages().items():
        files.append(File.generated(config, path, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
    if _incremental():
        _skip_unchanged(files, config)
    return files


def _incremental() -> bool:
    return os.environ.get(PREVIEW) == "1" and os.environ.get(INCREMENTAL) == "1"


class _DirtyWarning(logging.Filter):
    """MkDocs warns on every --dirty build that navigation may be wrong; the preview's incremental
    build (portal.incremental) decides itself what to rebuild, so the warning would only mislead."""

    portal_dirty = True

    def filter(self, record: logging.LogRecord) -> bool:
        return "A 'dirty' build is being performed" not in record.getMessage()


def _quiet_dirty_warning() -> None:
    logger = logging.getLogger("mkdocs.commands.build")
    # This module is imported anew for every rebuild: one filter is enough.
    if not any(getattr(existing, "portal_dirty", False) for existing in logger.filters):
        logger.addFilter(_DirtyWarning())


def _unchanged() -> bool:
    return False


def _changed() -> bool:
    return True


def _skip_unchanged(files: Files, config: MkDocsConfig) -> None:
    """Mark every page and generated file whose fingerprint is as last written as unmodified
    (MkDocs then neither renders nor writes it); delete what the content no longer has."""
    root = Path(config.config_file_path).parent
    portal = _portal(config)
    prints = Fingerprints(portal, config[DATA_KEY], GRAPH)
    outputs: dict[str, str] = {}
    decided: dict[str, File] = {}
    for file in files:
        if file.dest_uri in MEMORY.exported:
            continue  # written in the background after the build (_export_and_index)
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
        INDEXING.wait()  # Pagefind must not write into the folder while it is emptied
        for entry in site.iterdir() if site.is_dir() else ():
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    for path in plan.remove:
        remove_output(site, path)
    for path, file in decided.items():
        # An instance attribute in place of File.is_modified: MkDocs asks it before reading,
        # rendering and writing a page, and before writing a generated file.
        file.is_modified = _changed if path in plan.rebuild else _unchanged  # type: ignore[method-assign]
    log.info(f"Vorschau: {len(plan.rebuild)} von {len(outputs)} Dateien neu"
             + (" (alles neu)" if plan.full else ""))



def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Autoescape the portal's own templates; give every template the preview's problems."""
    # MkDocs' Jinja environment does not autoescape, and Material's templates rely on that. The
    # portal's own templates (page types in overrides/, partials in overrides/portal/) get
    # autoescaping switched on, so every data string is escaped unless marked safe on purpose.
    custom_dir = config.theme.custom_dir
    own = {path.name for path in Path(custom_dir).glob("*.html")} - MATERIAL_OVERRIDES if custom_dir else set()

    def autoescape(name: str | None) -> bool:
        return name is not None and (name in own or name.startswith("portal/"))

    env.autoescape = autoescape
    # Compiled templates are kept between builds (the preview, the tests' many builds, CI): Jinja
    # recompiles a template whose source changed. The compiled code depends on autoescaping, so the
    # folder is named after the autoescape rule's inputs and the Jinja version: a changed rule never
    # reuses code compiled under the old one.
    rule = "|".join(sorted(own)) + "||" + "|".join(sorted(MATERIAL_OVERRIDES)) + "||" + jinja2.__version__
    folder = Path(tempfile.gettempdir()) / f"portal-jinja-{os.getuid() if hasattr(os, 'getuid') else 0}-{hashlib.sha256(rule.encode()).hexdigest()[:16]}"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    # The preview's problems also reach templates rendered without a page (404.html) as globals;
    # pages get the same list in their context. content_missing: no good content yet, pages that
    # summarise the data show a placeholder (overrides/main.html).
    portal = _portal(config)
    env.globals.update(content_problems=portal.problem_lines(), content_missing=not portal.has_content)
    return env


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A generated page's searchable prose (its intro) becomes its content."""
    plan = _portal(config).plan_for(page.file.src_uri)
    return str(_portal(config).intro(plan)) if plan else html


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    """Hand templates the catalog, the page's record and the operator's details."""
    context.update(_portal(config).context(page.file.src_uri))
    # The operator's details for the legal pages (overrides/legal.html).
    context.update(page_context(config[OPERATOR_KEY]))
    # Material draws "Inhalt" from page.toc, which MkDocs fills from Markdown headings only: the
    # headings templates write come from the portal (after the Markdown's own, on overview pages).
    if entries := _portal(config).toc(page.file.src_uri, page.meta):
        page.toc = _with_entries(page, _anchor_links(entries))
    # Plain Markdown pages get Material's own edit button; the portal's page types show a text link.
    page.edit_url = context["edit_url"]
    return context


def _with_entries(page: Page, links: list[AnchorLink]) -> TableOfContents:
    """The page's table of contents with ``links`` after its Markdown headings, under one top entry.

    Material lists the children of a level-1 first entry, and points its skip link at that entry: a
    page without an <h1> from Markdown gets one that points at the content's start (#inhalt, in
    main.html), so "Zum Inhalt springen" does not jump past the title and the facts to a section."""
    first = next(iter(page.toc), None)
    if first is not None and first.level == 1:
        first.children.extend(links)
        return page.toc
    top = AnchorLink(html.escape(page.title or ""), "inhalt", 1)
    top.children = [*page.toc, *links]
    return TableOfContents([top])


def _anchor_links(entries: list[TocEntry]) -> list[AnchorLink]:
    """MkDocs' table of contents items, an entry of a deeper level nested under the one before it.
    Material writes the titles unescaped (they are HTML in MkDocs' model), so they are escaped here."""
    top: list[AnchorLink] = []
    for entry in entries:
        link = AnchorLink(html.escape(entry.title), entry.anchor, entry.level)
        if top and entry.level > top[-1].level:
            top[-1].children.append(link)
        else:
            top.append(link)
    return top
