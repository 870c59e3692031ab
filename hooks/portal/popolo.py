"""People, organisations and their relations in Popolo (https://www.popoloproject.com/specs/):
``daten/popolo.json`` with ``persons``, ``organizations`` and ``memberships``, as the Popolo JSON
Schemas describe them (``tests/schemas/popolo/``).

- Every organisation is an organization (classification: its German type), and so is every
  initiative ("Initiative") with its working groups ("Arbeitskreis") and bodies ("Gremium"), which
  name their initiative as ``parent_id``: so an organisation's participation in an initiative is a
  membership with the organisation as ``member`` (Popolo allows a person or an organization there).
- People's public roles are memberships of the person in the organisation, with the role's name; a
  person named for a participating organisation is a member of the initiative ``on_behalf_of_id``
  of that organisation; chairs and management of working groups and bodies are members in those.
- Ids are the records' addresses: ``personen/<id>``, ``organisationen/<id>``, ``initiativen/<id>``,
  ``initiativen/<id>/arbeitskreise/<ak>`` and ``…/gremien/<gremium>`` (unique across the file).
- Dates as precise as the sources: Popolo's reduced ISO 8601 (``2017``, ``2017-03``, ``2017-03-16``);
  a season or "Anfang 2023" becomes its year, never a made-up month, and the editors' notation stays
  beside it in ``start_date_notation`` / ``end_date_notation`` (only where it says more than the
  ISO value); an unknown date has no field at all. Nothing the sources do not give is added: no end
  dates, no role names (a participation's role is the portal's German label of the role the source
  names), no memberships for groups the sources name without an organisation.
- ``sources``: each source document's own address (where it has one) and its page on the portal.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from . import labels
from .records_json import COLLECTION_FILES
from .urls import url_for

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .context import BuildContext
    from .dates import VagueDate
    from .model import Chair, Initiative

PATH = "daten/popolo.json"

# What the file says about its own extra fields (German, for the people who read it).
NOTES = {
    "start_date_notation": "Beginn in der Schreibweise der Quelle, wo sie mehr sagt als start_date "
                           "(z. B. 'Frühjahr 2018' zu start_date '2018')",
    "end_date_notation": "Ende in der Schreibweise der Quelle, wo sie mehr sagt als end_date",
    "founding_date_notation": "Beginn einer Initiative in der Schreibweise der Quelle, wo sie mehr sagt als founding_date",
    "dissolution_date_notation": "Ende einer Initiative in der Schreibweise der Quelle, wo sie mehr sagt als dissolution_date",
    "daten": "Datumsangaben so genau wie die Quellen (Jahr, Jahr-Monat oder Tag); fehlt ein Datum, "
             "ist es in den Quellen nicht bekannt",
    "adressen": "Adressen ohne https:// gelten relativ zur Startseite des Portals (die Adresse des Portals "
                "war beim Erzeugen nicht bekannt)",
}


def record_id(collection: str, key: str) -> str:
    """A record's Popolo id: its address under daten/ (``organisationen/stadt-test``)."""
    return f"{COLLECTION_FILES[collection]}/{key}"


def group_id(initiative: str, key: str) -> str:
    """The Popolo id of a working group of an initiative."""
    return f"{record_id('initiatives', initiative)}/arbeitskreise/{key}"


def body_id(initiative: str, key: str) -> str:
    """The Popolo id of a body (Lenkungskreis, Konferenz …) of an initiative."""
    return f"{record_id('initiatives', initiative)}/gremien/{key}"


def dated(field: str, date: VagueDate | None) -> dict[str, str]:
    """``{field: ISO date as precise as the source}`` and, where the editors' notation says more
    (a season, "Anfang 2023"), ``{field}_notation``; nothing for a missing or unknown date."""
    if date is None or not date.known:
        return {}
    found = {field: date.iso()}
    if date.notation() != found[field]:
        found[f"{field}_notation"] = date.notation()
    return found


class _Popolo:
    """The parts of one build's Popolo file, with each source's links made once."""

    def __init__(self, ctx: BuildContext) -> None:
        self.ctx = ctx
        self.catalog = ctx.catalog
        self._links: dict[str, list[dict[str, str]]] = {}

    def page(self, collection: str, key: str, anchor: str = "") -> list[dict[str, str]]:
        """The link to a record's page on the portal."""
        return [{"url": self.ctx.absolute(url_for(collection, key)) + anchor, "note": "Seite im Portal"}]

    def sources(self, ids: Iterable[str]) -> list[dict[str, str]]:
        """Links to the published source documents: their own address, then their page on the portal."""
        found: list[dict[str, str]] = []
        for key in dict.fromkeys(ids):
            if key not in self.catalog.documents:  # a draft or a document not yet out
                continue
            if key not in self._links:
                doc = self.catalog.documents[key]
                own = [{"url": doc.url, "note": doc.title}] if doc.url else []
                self._links[key] = [*own, {"url": self.ctx.absolute(url_for("documents", key)),
                                           "note": f"Quellenseite im Portal: {doc.title}"}]
            found.extend(self._links[key])
        return found

    def persons(self) -> list[dict[str, Any]]:
        """Every person with the honorifics the model has, the portal page and the sources."""
        found: list[dict[str, Any]] = []
        for key in self.catalog.sorted_ids("people"):
            person = self.catalog.people[key]
            found.append({"id": record_id("people", key), "name": person.name,
                          **({"honorific_prefix": person.honorific} if person.honorific else {}),
                          **({"honorific_suffix": person.suffix} if person.suffix else {}),
                          "links": self.page("people", key), "sources": self.sources(self.catalog.sources_of(person))})
        return found

    def organizations(self) -> list[dict[str, Any]]:
        """Every organisation, then every initiative with its working groups and bodies."""
        found: list[dict[str, Any]] = []
        for key in self.catalog.sorted_ids("organisations"):
            org = self.catalog.organisations[key]
            other = [{"name": org.short_name, "note": "Kurzname"}] if org.short_name else []
            other += [{"name": former.name, "note": "früherer Name" + (f" ({former.note})" if former.note else "")}
                      for former in org.former_names]
            website = [{"url": org.website, "note": "Website"}] if org.website else []
            found.append({"id": record_id("organisations", key), "name": org.name,
                          **({"other_names": other} if other else {}),
                          "classification": labels.ORG_TYPE_SINGULAR[org.type],
                          "links": [*website, *self.page("organisations", key)],
                          "sources": self.sources(self.catalog.sources_of(org))})
        for key in self.catalog.sorted_ids("initiatives"):
            found.extend(self.initiative(key, self.catalog.initiatives[key]))
        return found

    def initiative(self, key: str, initiative: Initiative) -> list[dict[str, Any]]:
        """An initiative as an organization, followed by its working groups and bodies."""
        own = record_id("initiatives", key)
        short = [{"name": initiative.short_name, "note": "Kurzname"}] if initiative.short_name else []
        found: list[dict[str, Any]] = [{"id": own, "name": initiative.title, **({"other_names": short} if short else {}),
                  "classification": "Initiative",
                  **dated("founding_date", initiative.start), **dated("dissolution_date", initiative.end),
                  "links": self.page("initiatives", key), "sources": self.sources(initiative.sources)}]
        for group in initiative.working_groups:
            found.append({"id": group_id(key, group.id), "name": group.name, "classification": "Arbeitskreis",
                          "parent_id": own, "links": self.page("initiatives", key, "#arbeitskreise"),
                          "sources": self.sources(group.sources)})
        for body in initiative.bodies:
            found.append({"id": body_id(key, body.id), "name": body.name, "classification": "Gremium",
                          "parent_id": own, "links": self.page("initiatives", key, "#gremien"),
                          "sources": self.sources(body.sources)})
        return found

    def memberships(self) -> list[dict[str, Any]]:
        """People's roles, then each initiative's participants and its groups' and bodies' chairs."""
        found: list[dict[str, Any]] = []
        for key in self.catalog.sorted_ids("people"):
            for role in self.catalog.people[key].roles:
                found.append({"person_id": record_id("people", key),
                              "organization_id": record_id("organisations", role.organisation), "role": role.role,
                              **dated("start_date", role.start), **dated("end_date", role.end),
                              "sources": self.sources(role.sources)})
        for key in self.catalog.sorted_ids("initiatives"):
            initiative = self.catalog.initiatives[key]
            own = record_id("initiatives", key)
            for participant in initiative.participants:
                if participant.organisation is None:  # a group the source names without an organisation
                    continue
                org = record_id("organisations", participant.organisation)
                label = labels.PARTICIPANT_ROLE_SINGULAR[participant.role]
                sources = self.sources(participant.sources)
                found.append({"member": {"@type": "Organization", "id": org}, "organization_id": own,
                              "role": label, "sources": sources})
                if participant.person:  # the person the source names for the organisation
                    found.append({"person_id": record_id("people", participant.person), "organization_id": own,
                                  "on_behalf_of_id": org, "role": label, "sources": sources})
            for group in initiative.working_groups:
                found += self.chairs(group_id(key, group.id), group.chairs, "Vorsitz", group.sources)
                found += self.chairs(group_id(key, group.id), group.management, "Geschäftsführung", group.sources)
            for body in initiative.bodies:
                found += self.chairs(body_id(key, body.id), body.chairs, "Vorsitz", body.sources)
        return found

    def chairs(self, organization: str, chairs: list[Chair], role: str, sources: list[str]) -> list[dict[str, Any]]:
        """The chairs or managers of a working group or body who are records (a note alone names nobody)."""
        found: list[dict[str, Any]] = []
        for chair in chairs:
            if chair.person:
                found.append({"person_id": record_id("people", chair.person), "organization_id": organization,
                              "role": role, **({"on_behalf_of_id": record_id("organisations", chair.organisation)}
                                               if chair.organisation else {}),
                              "sources": self.sources(sources)})
            elif chair.organisation:
                found.append({"member": {"@type": "Organization", "id": record_id("organisations", chair.organisation)},
                              "organization_id": organization, "role": role, "sources": self.sources(sources)})
        return found


def popolo_document(ctx: BuildContext) -> dict[str, Any]:
    """The Popolo export as an object: the head (reference date, licence, notes), then the three lists."""
    made = _Popolo(ctx)
    return {"stichtag": ctx.today.isoformat(), "lizenz": ctx.terms.metadata(ctx.site_url), "hinweise": NOTES,
            "persons": made.persons(), "organizations": made.organizations(), "memberships": made.memberships()}


def popolo_files(ctx: BuildContext) -> dict[str, str]:
    """The Popolo export by path in the site."""
    # Compact like the other data files; ensure_ascii off: names stay readable UTF-8.
    return {PATH: json.dumps(popolo_document(ctx), ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"}
