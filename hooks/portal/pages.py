"""Page planning: which detail page each record gets, with which template, title and data files
(all declared per page type in ``portal.pagetypes``).

Index pages (start, overviews, timeline, press) are ordinary Markdown files in ``docs/`` that name
their template in front matter; detail pages are planned here and added by the hook without being
written to disk. Detail pages stay out of the navigation, which keeps build time linear.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import yaml

from .pagetypes import PAGE_TYPES
from .urls import src_uri

if TYPE_CHECKING:
    from markupsafe import Markup

    from .catalog import Catalog


@dataclass(frozen=True)
class PagePlan:
    """One generated detail page."""

    src_uri: str
    template: str
    title: str
    description: str
    collection: str
    record_id: str
    data_files: tuple[str, ...]

    def markdown(self) -> str:
        """The generated page's source: front matter only; the hook supplies the body."""
        # Material writes title and description into <title>, the header, attributes and the search
        # index without escaping, so both are escaped here. Names and titles hold no < > and no
        # character references (see model.Name), so the browser shows exactly the editor's text.
        meta = {"template": self.template, "title": html.escape(self.title, quote=False),
                "description": html.escape(self.description, quote=True)}
        return front_matter(meta)


# Characters PyYAML reads back unchanged inside a double-quoted scalar written by json.dumps: printable
# text without the line breaks YAML folds (U+0085, U+2028, U+2029); json.dumps escapes the controls
# below U+0020 as YAML does (\n, \t, \uXXXX).
_QUOTABLE = re.compile("[\x00-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]*")


def front_matter(meta: dict[str, str]) -> str:
    """``meta`` as YAML front matter that MkDocs reads back as exactly ``meta``.

    yaml.safe_dump cost more than rendering some pages (its emitter analyses every scalar), so
    values are written as JSON strings, which are YAML double-quoted scalars; a value with a
    character whose quoting differs between the two (a C1 control, a YAML line break) is left to
    yaml.safe_dump. tests/test_pages.py reads both back with MkDocs' own parser."""
    if all(_QUOTABLE.fullmatch(value) for value in meta.values()):
        lines = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
        return "---\n" + lines + "---\n"
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"


def plan_pages(catalog: Catalog, files_of: dict[tuple[str, str], str]) -> list[PagePlan]:
    """A plan for every published record; ``files_of`` maps (collection, id) to its data file."""
    plans = []
    for collection, declared in PAGE_TYPES.items():
        for record_id in sorted(declared.records(catalog)):
            files = [files_of[(collection, record_id)]] + [files_of[key] for key in declared.also_from(catalog, record_id)]
            plans.append(PagePlan(
                src_uri=src_uri(collection, record_id),
                template=declared.template,
                title=declared.title(catalog, record_id),
                description=declared.description(catalog, record_id),
                collection=collection,
                record_id=record_id,
                data_files=tuple(files),
            ))
    return plans


def intro_html(catalog: Catalog, plan: PagePlan) -> Markup:
    """The searchable prose of a detail page (it becomes the page content MkDocs indexes)."""
    return PAGE_TYPES[plan.collection].intro(catalog, plan.record_id)
