"""One build's knowledge of the portal: valid content, planned pages, dates.

The hook creates a ``Portal`` in ``on_config`` and asks it for files to add and template context.
Creating it reads and checks all content first; on any problem it raises ``ContentError`` before a
single file is written. The live preview catches that and shows the last good portal instead, with
the new problems (``portal.preview``).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from . import labels, present
from .catalog import Catalog
from .check import load_valid
from .context import BuildContext
from .evidence import DEFAULT_STALE_YEARS
from .exports import EXPORTS, FILE_SETS
from .feeds import page_feeds
from .markup import render_inline, render_prose
from .measure_index import FILTER_PATH, filter_json
from .model import COLLECTIONS, Record
from .pages import PagePlan, intro_html, plan_pages
from .pagetypes import PAGE_TYPES
from .problems import ContentError, ProblemList
from .revision import last_changes, stand
from .search_meta import SearchVocabulary, search_entry
from .structured import script_body
from .toc import TocEntry, overview_toc, record_toc
from .urls import edit_url, issue_url, mail_url, storage_scope, url_for

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping
    from pathlib import Path

    from markupsafe import Markup

    from .licensing import Terms


class Portal:
    """Content, page plans and reference dates of one build.

    Content with problems raises ``ContentError``. The live preview of ``mkdocs serve`` keeps going
    instead (``portal.preview``): it shows the last good portal with the new problems (``showing``),
    or, before any content was good, a portal built with ``content=False``.
    """

    def __init__(self, root: Path, today: dt.date, data_dir: Path | None = None, site_url: str = "",
                 edit: dict[str, str] | None = None, contact: str = "", content: bool = True,
                 stale_years: int = DEFAULT_STALE_YEARS, terms: Terms | None = None) -> None:
        """Read and check all content under ``data_dir`` (``root/data``); with ``content=False`` read
        nothing and build a portal without records (the preview's placeholder)."""
        data_dir = data_dir or root / "data"
        records: dict[str, dict[str, Record]] = {name: {} for name in COLLECTIONS}
        self.files_of: dict[tuple[str, str], str] = {}
        if content:
            loaded, problems = load_valid(data_dir, today)
            if problems:
                raise ContentError(problems)
            records = loaded.records
            self.files_of = {key: origin.path for key, origin in loaded.origins.items()}
        self.has_content = content
        # Problems to show with this content: empty, except in a preview copy made by ``showing``.
        self.problems = ProblemList()
        self.today = today
        self.edit = edit or {}
        self.contact = contact  # the operator's e-mail for readers' reports ('' while a placeholder)
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self.terms = terms or BuildContext.terms  # the licence (extra.license); the default: CC BY 4.0
        self._changes = last_changes(root, data_dir.relative_to(root).as_posix() if data_dir.is_relative_to(root) else str(data_dir))
        changed = {key: stand([path], self._changes, today) for key, path in self.files_of.items()}
        self.catalog = Catalog(records, today, stale_years=stale_years, changed=changed)
        self.plans = {plan.src_uri: plan for plan in plan_pages(self.catalog, self.files_of)}
        self._search_words: SearchVocabulary | None = None

    def showing(self, problems: ProblemList) -> Portal:
        """This portal's content with ``problems`` to show on every page (the live preview while the
        files have problems). A shallow copy: the content is shared, this portal stays as it is."""
        shown = copy.copy(self)
        shown.problems = problems
        return shown

    def problem_lines(self) -> list[str]:
        """The problems as the banner lists them (for templates without a page, like 404.html)."""
        return [problem.render() for problem in self.problems.sorted()]

    def plan_for(self, src_uri: str) -> PagePlan | None:
        """The plan of the record page generated at ``src_uri``; None for pages written in Markdown in docs/."""
        return self.plans.get(src_uri)

    def stand(self, plan: PagePlan | None) -> dt.date:
        """The date of a page's data: newest change of its files (of all data for index pages)."""
        paths = list(plan.data_files) if plan else list(self.files_of.values())
        return stand(paths, self._changes, self.today)

    def exports(self) -> dict[str, str]:
        """Open-data files, feeds, calendars and the measures overview's filter data by their path in the site."""
        ctx = self.build_context
        files = {path: make(ctx) for path, make in EXPORTS.items()}
        for make_set in FILE_SETS:
            files.update(make_set(ctx))
        files[FILTER_PATH] = filter_json(self.catalog)  # the measures overview's filters (portal.measure_index)
        return files

    @property
    def build_context(self) -> BuildContext:
        """The facts every output of this build shares (site address, reference date, git dates)."""
        return BuildContext(self.catalog, self.site_url, self.today, self.terms, self.contact)

    def intro(self, plan: PagePlan) -> Markup:
        """The page's searchable prose, which becomes the content MkDocs indexes (``pages.intro_html``)."""
        return intro_html(self.catalog, plan)

    def source_file(self, src_uri: str) -> str:
        """The file an editor changes for a page: its data file, or its Markdown file in docs/."""
        plan = self.plan_for(src_uri)
        return plan.data_files[0] if plan else f"docs/{src_uri}"

    def context(self, src_uri: str) -> dict[str, Any]:
        """Template variables for any page: the catalog, helpers, and the page's own record."""
        plan = self.plan_for(src_uri)
        source = self.source_file(src_uri)
        repository = self.edit.get("repository", "")
        record = self.catalog.records[plan.collection][plan.record_id] if plan else None
        return {
            "portal": self.catalog,
            "fmt": present,
            "labels": labels,
            "prose": render_prose,
            "inline": render_inline,
            "plan": plan,
            "record": record,
            "record_id": plan.record_id if plan else None,
            "stand": self.stand(plan),
            "jsonld": self.jsonld(plan),
            # Pagefind's meta and filters for the page (main.html; the contract is in portal.search).
            "search_entry": search_entry(self.catalog, plan.collection if plan else None, plan.record_id if plan else None, src_uri),
            # The Atom feeds main.html announces in <head> (title, site-relative path).
            "feeds": page_feeds(self.catalog, src_uri, plan.collection if plan else None, plan.record_id if plan else None),
            "content_problems": [problem.render() for problem in self.problems.sorted()],
            "source_file": source,
            "edit_url": edit_url(repository, self.edit.get("branch", "main"), source) if repository else None,
            "report_links": self.report(plan, source),
            # Named in the privacy statement: the one key the colour toggle stores (overrides/legal.html).
            "storage_key": storage_scope(self.site_url) + ".__palette",
        }

    def search_keywords(self, page_html: str, src_uri: str) -> str:
        """The rendered page with its generated search keywords (``portal.search_meta``)."""
        plan = self.plan_for(src_uri)
        entry = search_entry(self.catalog, plan.collection if plan else None, plan.record_id if plan else None, src_uri)
        return self._vocabulary().add_keywords(page_html, entry.short_names)

    def search_vocabulary(self) -> frozenset[str]:
        """The words compound words split into (the preview compares them between saves)."""
        return self._vocabulary().words

    def _vocabulary(self) -> SearchVocabulary:
        if self._search_words is None:  # made on first use: the vocabulary of all content
            self._search_words = SearchVocabulary(self.catalog)
        return self._search_words

    def toc(self, src_uri: str, meta: Mapping[str, Any]) -> list[TocEntry]:
        """The table of contents a page's template headings make: a detail page's declared sections,
        an overview's groups by its front matter ``meta`` (``portal.toc``); empty for other pages."""
        plan = self.plan_for(src_uri)
        if plan:
            return record_toc(self.catalog, plan.collection, plan.record_id)
        return overview_toc(self.catalog, meta)

    def jsonld(self, plan: PagePlan | None) -> Markup | None:
        """The page's schema.org JSON-LD (main.html writes it), or None for page types without one."""
        describe = PAGE_TYPES[plan.collection].describe if plan else None
        return script_body(describe(self.catalog, plan.record_id, self.site_url)) if plan and describe else None

    def report(self, plan: PagePlan | None, source: str) -> dict[str, str]:
        """Where readers report news or a correction for a record's page: a GitHub issue, an e-mail."""
        if plan is None:
            return {}
        address = self.site_url + url_for(plan.collection, plan.record_id) if self.site_url else url_for(plan.collection, plan.record_id)
        repository = self.edit.get("repository", "")
        found = {"issue": issue_url(repository, plan.title, address, source)} if repository else {}
        if self.contact:
            found["mail"] = mail_url(self.contact, plan.title, address, source)
        return found
