"""Page planning: which detail page each record gets, with which template, title and data files.

Index pages (start, overviews, timeline, press) are ordinary Markdown files in ``docs/`` that name
their template in front matter; detail pages are planned here and added by the hook without being
written to disk. Detail pages stay out of the navigation, which keeps build time linear.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import yaml
from markupsafe import Markup, escape

from . import labels
from .catalog import Catalog
from .markup import render_prose
from .urls import src_uri

TEMPLATES: dict[str, str] = {
    "initiatives": "initiative.html",
    "measures": "measure.html",
    "organisations": "organisation.html",
    "people": "person.html",
    "documents": "document.html",
    "topics": "topic.html",
    "regions": "region.html",
}


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
        return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"


def plan_pages(catalog: Catalog, files_of: dict[tuple[str, str], str]) -> list[PagePlan]:
    """A plan for every published record; ``files_of`` maps (collection, id) to its data file."""
    plans = []
    for collection, template in TEMPLATES.items():
        ids = catalog.documents if collection == "documents" else catalog.records[collection]
        for record_id in sorted(ids):
            files = [files_of[(collection, record_id)]]
            if collection == "initiatives":
                files += [files_of[("measures", mid)] for mid in catalog.measures_of(record_id)]
            plans.append(PagePlan(
                src_uri=src_uri(collection, record_id),
                template=template,
                title=_title(catalog, collection, record_id),
                description=_description(catalog, collection, record_id),
                collection=collection,
                record_id=record_id,
                data_files=tuple(files),
            ))
    return plans


def _title(catalog: Catalog, collection: str, record_id: str) -> str:
    if collection == "people":
        return catalog.person_name(record_id)
    record = catalog.records[collection][record_id]
    short = getattr(record, "short_name", None)
    # The short name ("MPI") belongs in the title: search indexes the title, not the h1.
    return f"{catalog.name(collection, record_id)} ({short})" if short and collection == "initiatives" else catalog.name(collection, record_id)


def _description(catalog: Catalog, collection: str, record_id: str) -> str:
    """A one-line summary for search engines and link previews."""
    record = catalog.records[collection][record_id]
    if collection == "initiatives":
        return str(record.summary)  # type: ignore[attr-defined]
    if collection == "measures":
        initiative = catalog.initiatives[record.initiative]  # type: ignore[attr-defined]
        evidence = catalog.measure_evidence(record_id)
        age = f"Quelle vom {evidence.date.german()}" if evidence.date else "Quelle undatiert"
        return f"Maßnahme der Initiative {initiative.title}: Status laut Quelle {labels.MEASURE_STATUS[catalog.status(record_id)]} ({age})"
    if collection == "organisations":
        return f"{labels.ORG_TYPE_SINGULAR[record.type]}: Beteiligung an Initiativen für Industrie und Handwerk in NRW"  # type: ignore[attr-defined]
    if collection == "people":
        # A role is what a source of a given date says, never a current job title.
        roles = []
        for role in record.roles:  # type: ignore[attr-defined]
            date = catalog.role_evidence(role).date
            age = f"laut Quelle vom {date.german()}" if date else "laut undatierter Quelle"
            roles.append(f"{role.role}, {catalog.name('organisations', role.organisation)} ({age})")
        return "In den Quellen genannt als " + "; ".join(roles)
    if collection == "documents":
        return f"{labels.DOCUMENT_TYPE[record.type]}: {record.title}"  # type: ignore[attr-defined]
    return f"{catalog.name(collection, record_id)}: Initiativen, Maßnahmen und Quellen"


def intro_html(catalog: Catalog, plan: PagePlan) -> Markup:
    """The searchable prose of a detail page (it becomes the page content MkDocs indexes)."""
    record = catalog.records[plan.collection][plan.record_id]
    if plan.collection == "initiatives":
        return Markup("<p class=\"portal-lead\">{}</p>").format(record.summary) + render_prose(record.description)  # type: ignore[attr-defined]
    if plan.collection == "documents":
        return render_prose(record.body)  # type: ignore[attr-defined]
    if plan.collection == "people":
        return Markup("<p>{}</p>").format(escape(plan.description))
    return render_prose(getattr(record, "description", ""))
