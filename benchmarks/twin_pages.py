"""The bare twin's detail pages: one Markdown page per record, written from the portal's catalog.

Each page has the record's title (as the portal's page plan titles it), its prose as the editor wrote
it, and its facts as Markdown lists and tables: the same names, dates (German, as the portal shows
them) and links to the same addresses. What the portal computes only for display (section links,
badges, maps, JSON-LD, feeds) has no counterpart: a bare MkDocs site has none of that.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from portal import labels  # noqa: E402
from portal.pagetypes import PAGE_TYPES  # noqa: E402
from portal.urls import SECTIONS  # noqa: E402

# Measures per status on a region's page (overrides/region.html: glance.measure_groups(ids, 10)).
REGION_MEASURES = 10
# Characters Markdown would read as markup inside a name or a table cell.
_MARKUP = re.compile(r"([\\`*_\[\]<>|#])")


def esc(text: object) -> str:
    """Plain text safe inside Markdown (a list item or a table cell)."""
    return _MARKUP.sub(r"\\\1", str(text)).replace("\n", " ")


def link(catalog: Any, collection: str, record_id: str, depth: int) -> str:
    """A Markdown link to a record's page from a page ``depth`` folders below docs/."""
    return f"[{esc(catalog.label(collection, record_id))}]({'../' * depth}{SECTIONS[collection]}/{record_id}.md)"


def date(value: Any) -> str:
    """A date as the portal shows it ('20. Januar 2023', 'Frühjahr 2018'); '' for none."""
    return value.german() if value is not None else ""


def dated(value: Any) -> str:
    """' (März 2017)' after a name; nothing when there is no date."""
    return f" ({date(value)})" if value is not None else ""


def bullets(items: Iterable[str]) -> list[str]:
    """A Markdown list (an empty list gives no lines)."""
    return [f"- {item}" for item in items]


def table(head: list[str], rows: Iterable[list[str]]) -> list[str]:
    """A Markdown table, or nothing when there are no rows."""
    body = [f"| {' | '.join(row)} |" for row in rows]
    if not body:
        return []
    return [f"| {' | '.join(head)} |", f"|{'---|' * len(head)}", *body, ""]


def section(heading: str, lines: list[str]) -> list[str]:
    """A second-level section, left out when it has no lines."""
    return ["", f"## {heading}", "", *lines, ""] if lines else []


def sources(catalog: Any, ids: Iterable[str], depth: int = 1) -> list[str]:
    """Document links with their date, as the portal's source lists show them."""
    docs = catalog.documents
    return bullets(f"{link(catalog, 'documents', d, depth)} ({date(docs[d].date)})" for d in ids if d in docs)


def measure_rows(catalog: Any, ids: Iterable[str], depth: int = 1) -> list[str]:
    """The measure table of lists: title, initiative, status, target date."""
    return table(["Maßnahme", "Initiative", "Status", "Zieltermin"], (
        [link(catalog, "measures", m, depth), link(catalog, "initiatives", catalog.measures[m].initiative, depth),
         labels.MEASURE_STATUS[catalog.status(m)], date(catalog.measures[m].target)] for m in ids))


def _press(catalog: Any, collection: str, key: str) -> list[str]:
    return section("Presse und Dokumente", sources(catalog, catalog.documents_about(collection, key)))


def _own_sources(catalog: Any, record: Any) -> list[str]:
    return section("Quellen dieser Seite", sources(catalog, catalog.sources_of(record)))


def initiative(catalog: Any, key: str) -> list[str]:
    """An initiative's page: lead, status history, goals, bodies, groups, measures, people, timeline, figures."""
    i = catalog.initiatives[key]
    who = {label: [(link(catalog, "organisations", p.organisation, 1) if p.organisation else esc(p.group or ""))
                   + (f", {link(catalog, 'people', p.person, 1)}" if p.person else "") for p in members]
           for label, members in catalog.participants_by_role(key)}
    return [
        f"**{esc(i.summary)}**", "", i.description, "",
        f"Art: {labels.INITIATIVE_KIND[i.kind]} · Region: {link(catalog, 'regions', i.region, 1)} · Beginn: {date(i.start)}",
        *section("Status", table(["Datum", "Status", "Anmerkung"], ([date(h.date), labels.INITIATIVE_STATUS[h.status],
                                                                     esc(h.note)] for h in i.history))),
        *section("Ziele", bullets(f"{esc(g.text)} (Ziel: {date(g.target)})" for g in i.goals)),
        *section("Gremien", bullets(f"{esc(b.name)}: {esc(b.description)}" for b in i.bodies)),
        *section("Arbeitskreise", [line for g in i.working_groups for line in (f"### {esc(g.name)}", "", g.description, "")]),
        *section("Maßnahmen", measure_rows(catalog, catalog.measures_of(key))),
        *section("Beteiligte", [line for label, names in who.items() for line in (f"### {esc(label)}", "", *bullets(names), "")]),
        *section("Zeitleiste", table(["Datum", "Ereignis", "Ort"], ([date(m.date), esc(m.title), esc(m.place or "")]
                                                                    for m in i.milestones))),
        *section("Kennzahlen", table(["Kennzahl", "Wert", "Stand"], ([esc(f.label), f"{labels.QUALIFIER[f.qualifier]} {f.value} {esc(f.unit)}".strip(),
                                                                     date(f.reference_date)] for f in i.key_figures))),
        *section("Stellungnahmen", bullets(f"{link(catalog, 'people', s.person, 1)} ({date(s.date)}): {esc(s.summary)}"
                                           for s in i.statements)),
        *_press(catalog, "initiatives", key),
        *_own_sources(catalog, i),
    ]


def measure(catalog: Any, key: str) -> list[str]:
    """A measure's page: facts, description, dated history, other measures of its group."""
    m = catalog.measures[key]
    related, _ = catalog.related_measures(key)
    facts = [f"Initiative: {link(catalog, 'initiatives', m.initiative, 1)}",
             f"Status: {labels.MEASURE_STATUS[catalog.status(key)]}", f"Zieltermin: {date(m.target) or 'nicht genannt'}"]
    if m.owner:
        facts.append(f"Verantwortlich: {link(catalog, 'organisations', m.owner, 1)}")
    if m.partners:
        facts.append("Partner: " + ", ".join(link(catalog, "organisations", o, 1) for o in m.partners))
    return [
        *bullets(facts), "", m.description, "",
        *section("Verlauf", table(["Datum", "Status", "Anmerkung", "Quelle"], (
            [date(h.date), labels.MEASURE_STATUS[h.status], esc(h.note),
             ", ".join(link(catalog, "documents", s, 1) for s in h.sources if s in catalog.documents)] for h in m.history))),
        *section("Weitere Maßnahmen", measure_rows(catalog, related)),
        *_press(catalog, "measures", key),
        *_own_sources(catalog, m),
    ]


def organisation(catalog: Any, key: str) -> list[str]:
    """An organisation's page: type, region, initiatives with its roles, people, measures."""
    o = catalog.organisations[key]
    return [
        f"{labels.ORG_TYPE_SINGULAR[o.type]}" + (f" · Region: {link(catalog, 'regions', o.region, 1)}" if o.region else ""), "",
        o.description,
        *section("Beteiligung an Initiativen", bullets(
            f"{link(catalog, 'initiatives', iid, 1)}: {', '.join(esc(e.role) for e in entries)}"
            for iid, entries in catalog.initiatives_of_org(key))),
        *section("Personen", bullets(f"{link(catalog, 'people', pid, 1)}, {esc(role.role)}" for pid, role in catalog.people_of_org(key))),
        *section("Maßnahmen", table(["Maßnahme", "Rolle"], ([link(catalog, "measures", mid, 1), esc(how)]
                                                            for mid, how in catalog.measures_of_org(key)))),
        *_press(catalog, "organisations", key),
        *_own_sources(catalog, o),
    ]


def person(catalog: Any, key: str) -> list[str]:
    """A person's page: public roles with dates, initiatives, statements."""
    p = catalog.people[key]
    return [
        esc(PAGE_TYPES["people"].description(catalog, key)), "",
        *section("Öffentliche Rollen", bullets(f"{esc(r.role)}, {link(catalog, 'organisations', r.organisation, 1)}{dated(r.start)}"
                                              for r in p.roles)),
        *section("Initiativen", bullets(f"{link(catalog, 'initiatives', iid, 1)}: {', '.join(esc(e.role) for e in entries)}"
                                        for iid, entries in catalog.initiatives_of_person(key))),
        *section("Stellungnahmen", bullets(f"{link(catalog, 'initiatives', iid, 1)} ({date(s.date)}): {esc(s.summary)}"
                                           for iid, s in catalog.statements_of(key))),
        *_press(catalog, "people", key),
        *_own_sources(catalog, p),
    ]


def document(catalog: Any, key: str) -> list[str]:
    """A source's page: type and date, its text, what it names and what rests on it."""
    d = catalog.documents[key]
    named = [link(catalog, collection, rid, 1) for collection in ("initiatives", "measures", "organisations", "people", "topics")
             for rid in getattr(d, collection) if rid in catalog.records[collection]]
    return [
        f"{labels.DOCUMENT_TYPE[d.type]} vom {date(d.date)}", "",
        *section("Zusammenfassung", [d.body]),
        *section("Erwähnt", bullets(named)),
        *section("Was sich auf diese Quelle stützt", bullets(
            f"{link(catalog, c.collection, c.record_id, 1)}: {', '.join(esc(label) for label, _ in c.parts)}"
            for c in catalog.citations.get(key, []))),
    ]


def topic(catalog: Any, key: str) -> list[str]:
    """A topic's page: initiatives, measures and press with that topic."""
    found = catalog.with_topic(key)
    return [
        catalog.topics[key].description,
        *section("Initiativen", bullets(link(catalog, "initiatives", i, 1) for i in found["initiatives"])),
        *section("Maßnahmen", measure_rows(catalog, found["measures"])),
        *section("Presse und Dokumente", sources(catalog, found["documents"])),
        *section("Quellen dieser Seite", sources(catalog, catalog.topic_sources(key))),
    ]


def region(catalog: Any, key: str) -> list[str]:
    """A region's page: initiatives, measures and organisations there."""
    initiatives = catalog.initiatives_in(key)
    groups = catalog.by_status([m for i in initiatives for m in catalog.measures_of(i)])
    # As the portal's region page: per status the first REGION_MEASURES, and how many there are.
    measures = [line for _, heading, ids in groups for line in (
        f"### {esc(heading)} ({len(ids)})", "", *measure_rows(catalog, ids[:REGION_MEASURES]))]
    return [
        catalog.regions[key].description,
        *section("Initiativen", bullets(link(catalog, "initiatives", i, 1) for i in initiatives)),
        *section("Maßnahmen in der Region", measures),
        *section("Organisationen vor Ort", bullets(link(catalog, "organisations", o, 1) for o in catalog.organisations_in(key))),
        *section("Quellen dieser Seite", sources(catalog, catalog.region_sources(key))),
    ]


DETAIL: dict[str, Callable[[Any, str], list[str]]] = {
    "initiatives": initiative, "measures": measure, "organisations": organisation, "people": person,
    "documents": document, "topics": topic, "regions": region}


def page(title: str, lines: list[str]) -> str:
    """A Markdown page with the title as its front matter and first heading."""
    quoted = title.replace("\\", "\\\\").replace('"', '\\"')
    return f'---\ntitle: "{quoted}"\n---\n\n# {esc(title)}\n\n' + "\n".join(lines) + "\n"
