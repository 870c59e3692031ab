"""Checks across records: every reference resolves, ids are unique, dates are in order.

Runs after every file has been read, so problems in different files are reported together.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import TYPE_CHECKING, Any

from .markup import refused_links
from .model import BODY_FIELD, COLLECTIONS, Document, Initiative, Measure, Person, Record
from .naming import invisible_chars, strip_invisible, suggest_id
from .problems import Problem
from .refs import FieldPath, markdown_fields, references, texts
from .regionkeys import region_key_problems
from .scaffold import PLACEHOLDERS
from .yamlio import dotted

if TYPE_CHECKING:
    from .dates import VagueDate
    from .loading import Loaded


def check(loaded: Loaded, today: dt.date | None = None) -> list[Problem]:
    """All cross-record problems of the loaded content; ``today`` decides which sources are out yet."""
    problems: list[Problem] = []
    for collection, records in loaded.records.items():
        for record_id, record in records.items():
            for path, target, ref_id in references(record):
                if ref_id not in loaded.records[target]:
                    if (target, ref_id) in loaded.present:
                        continue  # the target's own file has problems, reported there
                    problems.append(_unknown(loaded, collection, record_id, path, target, ref_id, today))
                elif target == "documents" and collection != "documents" and (
                        why := _unpublished(loaded.records[target][ref_id], today)):
                    problems.append(_problem(loaded, collection, record_id, path, f"die Quelle '{ref_id}' {why}",
                                             "eine Quelle muss veröffentlicht sein, bevor sich Angaben darauf stützen"))
    for initiative_id, initiative in loaded.records["initiatives"].items():
        assert isinstance(initiative, Initiative)
        problems.extend(_initiative_checks(loaded, initiative_id, initiative))
    for measure_id, measure in loaded.records["measures"].items():
        assert isinstance(measure, Measure)
        problems.extend(_measure_checks(loaded, measure_id, measure))
    # Whether someone has a public role can only be judged when every initiative could be read.
    broken = any(c == "initiatives" and key not in loaded.records["initiatives"] for c, key in loaded.present)
    public = None if broken else _people_in_public_roles(loaded)
    for person_id, person in loaded.records["people"].items():
        assert isinstance(person, Person)
        problems.extend(_person_checks(loaded, person_id, person))
        if public is not None and person_id not in public:
            problems.append(_problem(
                loaded, "people", person_id, ("name",),
                f"'{person.name}' hat keine öffentliche Rolle in einer Initiative: eine Personenseite gibt es nur für "
                "Beteiligte, Vorsitzende, Geschäftsführungen und Personen mit einer Stellungnahme",
                "die Person in einer Initiative eintragen (participants: person, chairs, management oder statements) "
                "oder die Datei löschen; Pressekontakte und Ansprechpartner bekommen keine eigene Seite"))
    problems.extend(_region_cycles(loaded))
    problems.extend(region_key_problems(loaded))
    for collection, records in loaded.records.items():
        for record_id, record in records.items():
            if (collection, record_id) in loaded.checked:
                continue  # checked before with the same bytes and code (portal.parsecache)
            if own := own_problems(loaded, collection, record_id, record):
                problems.extend(own)
            else:
                loaded.checked.add((collection, record_id))
    return problems


def own_problems(loaded: Loaded, collection: str, record_id: str, record: Record) -> list[Problem]:
    """The problems a record has on its own, whatever the other records say: links and images in its
    Markdown that would not be shown, text left over from a template. They depend only on the file."""
    return _prose_links(loaded, collection, record_id, record) + _placeholders(loaded, collection, record_id, record)


def _prose_links(loaded: Loaded, collection: str, record_id: str, record: Record) -> list[Problem]:
    """Links and images in Markdown that the page would not show as written (see portal.links)."""
    problems = []
    for path, text in markdown_fields(record):
        for refusal in refused_links(text):
            file, line, column = loaded.where(collection, record_id, path)
            if file.endswith(".md") and path == (BODY_FIELD.get(collection),):
                # Text below the front matter: the exact line of the address.
                line += text[: max(text.find(refusal.written), 0)].count("\n")
            browser = f" (im Browser: '{refusal.target.url}')" if refusal.target.url != refusal.written.strip() else ""
            what = "der Link" if refusal.what == "Link" else "das Bild"
            problems.append(Problem(file, line, column, dotted(path),
                                    f"{what} '{refusal.written}'{browser} wird nicht angezeigt: {refusal.target.reason}",
                                    refusal.target.hint))
    return problems


def _region_cycles(loaded: Loaded) -> list[Problem]:
    """Regions whose ``parent`` chain leads back to themselves (the pages would nest endlessly)."""
    regions = loaded.records["regions"]
    problems = []
    for region_id in regions:
        chain, seen = [region_id], {region_id}
        current = getattr(regions[region_id], "parent", None)
        while current in regions and current not in seen:
            chain.append(current)
            seen.add(current)
            current = getattr(regions[current], "parent", None)
        if current == region_id:
            message = ("die Region ist als ihre eigene übergeordnete Region eingetragen" if len(chain) == 1
                       else f"die Regionen verweisen im Kreis aufeinander: {' → '.join(chain + [region_id])}")
            problems.append(_problem(loaded, "regions", region_id, ("parent",), message,
                                     "parent nennt die nächstgrößere Region; zuoberst steht das Land, ohne parent"))
    return problems


def _unpublished(document: Record, today: dt.date | None) -> str:
    """Why a document cannot be cited yet ('' if it can): a draft, or dated after ``today``."""
    if getattr(document, "draft", False):
        return "ist ein Entwurf (draft: true)"
    first = document.date.first_day() if isinstance(document, Document) else None
    if today is not None and first is not None and first > today:
        return f"erscheint erst am {first.isoformat()} (Datum in der Zukunft)"
    return ""


def _problem(loaded: Loaded, collection: str, record_id: str, path: FieldPath, message: str, hint: str = "") -> Problem:
    file, line, column = loaded.where(collection, record_id, path)
    return Problem(file, line, column, dotted(path), message, hint)


def _unknown(loaded: Loaded, collection: str, record_id: str, path: FieldPath, target: str, ref_id: str,
             today: dt.date | None = None) -> Problem:
    folder = COLLECTIONS[target][0]
    known = list(loaded.records[target])
    if invisible := invisible_chars(ref_id):
        # Looks right on screen, yet cannot match: say which character hides in it.
        clean = strip_invisible(ref_id)
        hint = (f"das Zeichen löschen, am sichersten die id neu tippen: {clean}" if clean in known
                else "das Zeichen löschen, am sichersten die id neu tippen")
        return _problem(loaded, collection, record_id, path, f"'{ref_id}' {invisible}", hint)
    # "Stadt Düsseldorf" for stadt-duesseldorf: the id rule turns it into the likely id first.
    likely = suggest_id(ref_id)
    if target == "documents":
        close = _close_documents(loaded, ref_id)
    elif likely != ref_id and likely in known:
        close = [likely]
    else:
        close = _nearly_best({other: difflib.SequenceMatcher(None, ref_id, other).ratio() for other in known})
    hint = f"meinten Sie {', '.join(close)}?" if close else f"erlaubt sind die Dateinamen (ohne Endung) in data/{folder}/"
    if target == "documents" and (newest := _newest_documents(loaded, today)):
        hint += f"{'' if close else ';'} die neuesten Quellen: {', '.join(newest)}"
    return _problem(loaded, collection, record_id, path, f"'{ref_id}' gibt es nicht in data/{folder}/", hint)


def _close_documents(loaded: Loaded, ref_id: str) -> list[str]:
    """Documents whose id or title is close to ``ref_id``, best first.

    Editors cite a press item by what they remember of it: its title, or an id made up from the title
    ("lenkungskreis-gewerbeflaechen"). Titles are compared as ids (naming.suggest_id), in full and as
    far as the editor's id reaches, since a remembered title is often only its beginning.
    """
    likely = suggest_id(ref_id)
    scores: dict[str, float] = {}
    for document_id, document in loaded.records["documents"].items():
        if likely == document_id:
            return [document_id]
        title = suggest_id(getattr(document, "title", ""))
        names = (document_id, title, title[: len(likely)])
        scores[document_id] = max(difflib.SequenceMatcher(None, likely, name).ratio() for name in names)
    return _nearly_best(scores)


def _nearly_best(scores: dict[str, float], cutoff: float = 0.6, margin: float = 0.1) -> list[str]:
    """Up to three ids scoring at least ``cutoff`` and nearly as well as the best: for 'stadt-duisbrug'
    that is stadt-duisburg, not also stadt-duesseldorf."""
    close = sorted((name for name, score in scores.items() if score >= cutoff), key=lambda name: (-scores[name], name))
    return [name for name in close[:3] if scores[name] >= scores[close[0]] - margin]


def _newest_documents(loaded: Loaded, today: dt.date | None, count: int = 3) -> list[str]:
    """The ids of the newest documents that may be cited (no drafts, none dated after ``today``)."""
    citable = [(document_id, document) for document_id, document in loaded.records["documents"].items()
               if isinstance(document, Document) and not _unpublished(document, today)]
    # Newest date first; undated documents last, by id, so the list does not change from run to run.
    citable.sort(key=lambda item: item[0])
    citable.sort(key=lambda item: item[1].date.first_day() or dt.date.min, reverse=True)
    return [document_id for document_id, _ in citable[:count]]


_ANY_PLACEHOLDER = re.compile("|".join(re.escape(phrase) for phrase in PLACEHOLDERS))


def _placeholders(loaded: Loaded, collection: str, record_id: str, record: Record) -> list[Problem]:
    """Text left over from a template (scaffold.PLACEHOLDERS): one problem per field. A draft may keep it."""
    if getattr(record, "draft", False):
        return []
    problems = []
    for path, text in texts(record):
        if not _ANY_PLACEHOLDER.search(text):
            continue  # one search for all phrases; which one is reported is decided below, in their order
        phrase = next((phrase for phrase in PLACEHOLDERS if phrase in text), None)
        if phrase is None:
            continue
        file, line, column = loaded.where(collection, record_id, path)
        if file.endswith(".md") and path == (BODY_FIELD.get(collection),):
            # Text below the front matter: the exact line of the placeholder.
            line += text[: text.find(phrase)].count("\n")
        problems.append(Problem(file, line, column, dotted(path),
                                f"enthält noch den Platzhaltertext aus der Vorlage ('{phrase}')", PLACEHOLDERS[phrase]))
    return problems


def _order(loaded: Loaded, collection: str, record_id: str, path: FieldPath, start: VagueDate | None,
           end: VagueDate | None, what: str) -> list[Problem]:
    if start and end and start.known and end.known and end.last_day() < start.first_day():  # type: ignore[operator]
        return [_problem(loaded, collection, record_id, path,
                         f"{what} ({end.german()}) liegt vor dem Beginn ({start.german()})",
                         "Beginn und Ende prüfen")]
    return []


def _duplicates(loaded: Loaded, initiative_id: str, field: str, items: list[Any]) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for index, item in enumerate(items):
        if item.id in seen:
            problems.append(_problem(loaded, "initiatives", initiative_id, (field, index, "id"),
                                     f"die id '{item.id}' kommt in {field} doppelt vor", "jede id nur einmal vergeben"))
        seen.add(item.id)
    return problems


def _initiative_checks(loaded: Loaded, initiative_id: str, initiative: Initiative) -> list[Problem]:
    problems = _order(loaded, "initiatives", initiative_id, ("end",), initiative.start, initiative.end, "Das Ende")
    problems += _history_order(loaded, "initiatives", initiative_id, initiative.history)
    for field in ("bodies", "working_groups", "milestones", "key_figures"):
        problems += _duplicates(loaded, initiative_id, field, getattr(initiative, field))
    return problems


def _measure_checks(loaded: Loaded, measure_id: str, measure: Measure) -> list[Problem]:
    problems: list[Problem] = []
    initiative = loaded.records["initiatives"].get(measure.initiative)
    if measure.working_group and isinstance(initiative, Initiative):
        groups = [group.id for group in initiative.working_groups]
        if measure.working_group not in groups:
            close = difflib.get_close_matches(measure.working_group, groups, n=3, cutoff=0.5)
            hint = (f"meinten Sie {', '.join(close)}?" if close
                    else f"Arbeitskreise dieser Initiative: {', '.join(groups) or 'keine'}")
            problems.append(_problem(loaded, "measures", measure_id, ("working_group",),
                                     f"'{measure.working_group}' ist kein Arbeitskreis der Initiative '{measure.initiative}'", hint))
    return problems + _history_order(loaded, "measures", measure_id, measure.history)


def _history_order(loaded: Loaded, collection: str, record_id: str, history: list[Any]) -> list[Problem]:
    """Dated history entries must run oldest first: the last entry is the current status."""
    problems: list[Problem] = []
    previous: VagueDate | None = None
    for index, entry in enumerate(history):
        if entry.date.known:
            if previous and entry.date.sort_key() < previous.sort_key():
                problems.append(_problem(loaded, collection, record_id, ("history", index, "date"),
                                         f"{entry.date.german()} liegt vor dem vorigen Eintrag ({previous.german()})",
                                         "die Einträge der Reihe nach, den ältesten zuerst, aufschreiben"))
            previous = entry.date
    return problems


def _people_in_public_roles(loaded: Loaded) -> set[str]:
    """People who take part in an initiative in a role the sources name, or speak for it."""
    found: set[str] = set()
    for initiative in loaded.records["initiatives"].values():
        assert isinstance(initiative, Initiative)
        found.update(p.person for p in initiative.participants if p.person)
        chairs = [*(c for b in initiative.bodies for c in b.chairs),
                  *(c for g in initiative.working_groups for c in (*g.chairs, *g.management))]
        found.update(c.person for c in chairs if c.person)
        found.update(s.person for s in initiative.statements)
    return found


def _person_checks(loaded: Loaded, person_id: str, person: Person) -> list[Problem]:
    problems: list[Problem] = []
    for index, role in enumerate(person.roles):
        problems += _order(loaded, "people", person_id, ("roles", index, "end"), role.start, role.end, "Das Ende der Rolle")
    return problems

