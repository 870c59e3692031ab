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

The preview of scripts/serve.sh (``mkdocs serve --dirty``) rebuilds incrementally (hooks/portal_preview.py,
portal.incremental): on_files tells MkDocs which pages and files are unchanged since the last build,
and the open data and Pagefind's index follow in the background after the build.
"""

from __future__ import annotations

import hashlib
import html
import logging
import os
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

import portal_preview
from portal.data_page import OpenData
from portal.legal import contact_email, open_fields_message, page_context, publish_problems
from portal.licensing import terms
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
        portal_preview.start(dirty)


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
                    stale_years=settings.stale_after_years,
                    terms=terms(settings.license.id, settings.license.holder, operator["name"], config.site_name))
    if portal_preview.active():
        portal_preview.before_reading(config, root)
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
    if portal_preview.active():
        portal_preview.remember(page, output)
    return _portal(config).search_keywords(output, page.file.src_uri)


def on_post_build(config: MkDocsConfig) -> None:
    """Index the site for the search, then swap it into place (portal.search, portal.publish)."""
    staging: Staging | None = config.get(STAGING_KEY)
    if staging is None:  # the live preview: index its temporary site folder on every rebuild
        site = Path(config.site_dir)
        if portal_preview.active():  # in the background: the reload need not wait, data and index follow shortly
            portal_preview.after_build(config, _portal(config), site)
        else:
            portal_preview.index_preview(site)
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
    if portal_preview.active():
        portal_preview.failed()


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
    active = portal_preview.active()
    sources = portal_preview.front_matter(plans) if active else {}
    for plan in plans:
        if files.get_file_from_path(plan.src_uri):
            raise PluginError(f"docs/{plan.src_uri} überschneidet sich mit einer erzeugten Seite; bitte umbenennen.")
        # Detail pages stay out of the navigation: a full nav makes build time grow with the square of pages.
        markdown = sources[plan] if active else plan.markdown()
        files.append(File.generated(config, plan.src_uri, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV))
    if active:  # after the first build made after the pages, in the background (portal_preview)
        portal_preview.add_exports(files, config, _portal(config))
    else:
        for path, content in _portal(config).exports().items():
            files.append(File.generated(config, path, content=content))
    # Pages 2, 3, … of the static measure lists (docs/massnahmen/…), outside the navigation like detail pages.
    # The long overviews' pages by year or type (portal.archives), also outside the navigation.
    catalog = _portal(config).catalog
    for path, content in {**catalog.continuation_pages(), **catalog.archive_pages()}.items():
        files.append(File.generated(config, path, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
    if active:
        portal_preview.skip_unchanged(files, config, _portal(config))
    return files



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
    # The licence of the portal's texts and data, for the footer and /daten/ (portal.licensing).
    env.globals.update(portal_terms=portal.terms)
    # What /daten/ and /daten/felder/ list (portal.data_page): only files this build wrote.
    env.globals.update(open_data=OpenData(portal.build_context, lambda path: files.get_file_from_path(path) is not None))
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
