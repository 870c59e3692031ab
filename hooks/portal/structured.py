"""schema.org JSON-LD for detail pages (Project, Organization, Person, NewsArticle, Event).

One function per page type; the page-type registry (``portal.pagetypes``) says which one a page uses.

Only what the content states goes in: a vague date is given with its real precision ("2018", not
"2018-03-01"), an unknown one is left out.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from .labels import PRESS_TYPES

if TYPE_CHECKING:  # at run time the catalog comes as an argument; importing it would be circular
    from .catalog import Catalog
    from .dates import VagueDate

GOVERNMENT = {"stadt", "kreis", "ministerium"}


def _date(value: VagueDate | None) -> str | None:
    return value.iso() if value and value.known else None


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _org(catalog: Catalog, org_id: str, base: str) -> dict[str, Any]:
    org = catalog.organisations[org_id]
    return _clean({
        "@type": "GovernmentOrganization" if org.type in GOVERNMENT else "Organization",
        "@id": base + catalog.url("organisations", org_id),
        "name": org.name,
        "alternateName": org.short_name,
        "url": org.website,
        "address": org.address,
    })


def _person(catalog: Catalog, person_id: str, base: str) -> dict[str, Any]:
    # No jobTitle or worksFor: schema.org reads them as the person's current job, while the sources
    # only say what the role was at their date. The page (and its description) says which source and when.
    person = catalog.people[person_id]
    return _clean({
        "@type": "Person",
        "@id": base + catalog.url("people", person_id),
        "name": person.name,
        "honorificPrefix": person.honorific,
    })


def project(catalog: Catalog, record_id: str, base: str = "") -> dict[str, Any]:
    """An initiative as a schema.org Project with its members and events."""
    record = catalog.initiatives[record_id]
    members = [_org(catalog, p.organisation, base) for p in record.participants if p.organisation]
    return _clean({
        "@context": "https://schema.org", "@type": "Project", "@id": base + catalog.url("initiatives", record_id),
        "name": record.title, "alternateName": record.short_name, "description": record.summary,
        "areaServed": catalog.regions[record.region].name, "foundingDate": _date(record.start),
        "member": list({m["@id"]: m for m in members}.values()),
        "event": [_clean({"@type": "Event", "name": m.title, "startDate": _date(m.date), "location": m.place})
                  for m in record.milestones],
    })


def measure(catalog: Catalog, record_id: str, base: str = "") -> dict[str, Any]:
    """A measure as a Project inside its initiative, with owner and partners as members."""
    record = catalog.measures[record_id]
    return _clean({
        "@context": "https://schema.org", "@type": "Project", "@id": base + catalog.url("measures", record_id),
        "name": record.title,
        "parentOrganization": {"@type": "Project", "@id": base + catalog.url("initiatives", record.initiative),
                               "name": catalog.initiatives[record.initiative].title},
        "member": [_org(catalog, o, base) for o in ([record.owner] if record.owner else []) + list(record.partners)],
    })


def organisation(catalog: Catalog, record_id: str, base: str = "") -> dict[str, Any]:
    """An organisation as schema.org Organization (GovernmentOrganization for cities, districts, ministries)."""
    return {"@context": "https://schema.org", **_org(catalog, record_id, base)}


def person(catalog: Catalog, record_id: str, base: str = "") -> dict[str, Any]:
    """A person as schema.org Person: name and honorific only, no job (see ``_person``)."""
    return {"@context": "https://schema.org", **_person(catalog, record_id, base)}


def document(catalog: Catalog, record_id: str, base: str = "") -> dict[str, Any]:
    """A press item as NewsArticle, any other source as DigitalDocument."""
    record = catalog.documents[record_id]
    return _clean({
        "@context": "https://schema.org",
        "@type": "NewsArticle" if record.type in PRESS_TYPES else "DigitalDocument",
        # A title the editors wrote (title_note) is not the item's headline: search engines get it as a name only.
        "@id": base + catalog.url("documents", record_id), "headline": None if record.title_note else record.title,
        "name": record.title if record.title_note else None, "datePublished": _date(record.date),
        "publisher": _org(catalog, record.publisher, base) if record.publisher else None,
        "url": record.url,
        "about": [{"@type": "Project", "@id": base + catalog.url("initiatives", i), "name": catalog.initiatives[i].title}
                  for i in record.initiatives],
    })


def script_body(data: dict[str, Any]) -> Markup:
    """JSON for a ``<script type="application/ld+json">``, safe against ``</script>`` in data."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
