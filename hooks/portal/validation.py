"""Checks across records: every reference resolves, ids are unique, dates are in order.

Runs after every file has been read, so problems in different files are reported together.
"""

from __future__ import annotations

import difflib
from typing import Any

from .dates import VagueDate
from .loading import Loaded
from .model import COLLECTIONS, Initiative, Measure, Person
from .problems import Problem
from .refs import FieldPath, references
from .yamlio import dotted


def check(loaded: Loaded) -> list[Problem]:
    """All cross-record problems of the loaded content."""
    problems: list[Problem] = []
    for collection, records in loaded.records.items():
        for record_id, record in records.items():
            for path, target, ref_id in references(record):
                if ref_id not in loaded.records[target]:
                    if (target, ref_id) in loaded.present:
                        continue  # the target's own file has problems, reported there
                    problems.append(_unknown(loaded, collection, record_id, path, target, ref_id))
                elif target == "documents" and getattr(loaded.records[target][ref_id], "draft", False) and collection != "documents":
                    problems.append(_problem(loaded, collection, record_id, path,
                                             f"die Quelle '{ref_id}' ist ein Entwurf (draft: true)",
                                             "eine Quelle muss veröffentlicht sein, bevor sich Angaben darauf stützen"))
    for initiative_id, initiative in loaded.records["initiatives"].items():
        assert isinstance(initiative, Initiative)
        problems.extend(_initiative_checks(loaded, initiative_id, initiative))
    for measure_id, measure in loaded.records["measures"].items():
        assert isinstance(measure, Measure)
        problems.extend(_measure_checks(loaded, measure_id, measure))
    for person_id, person in loaded.records["people"].items():
        assert isinstance(person, Person)
        problems.extend(_person_checks(loaded, person_id, person))
    return problems


def _problem(loaded: Loaded, collection: str, record_id: str, path: FieldPath, message: str, hint: str = "") -> Problem:
    file, line, column = loaded.where(collection, record_id, path)
    return Problem(file, line, column, dotted(path), message, hint)


def _unknown(loaded: Loaded, collection: str, record_id: str, path: FieldPath, target: str, ref_id: str) -> Problem:
    folder = COLLECTIONS[target][0]
    close = difflib.get_close_matches(ref_id, list(loaded.records[target]), n=3, cutoff=0.6)
    hint = f"meinten Sie {', '.join(close)}?" if close else f"erlaubt sind die Dateinamen (ohne Endung) in data/{folder}/"
    return _problem(loaded, collection, record_id, path, f"'{ref_id}' gibt es nicht in data/{folder}/", hint)


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
    previous: VagueDate | None = None
    for index, entry in enumerate(measure.history):
        if entry.date.known:
            if previous and entry.date.sort_key() < previous.sort_key():
                problems.append(_problem(loaded, "measures", measure_id, ("history", index, "date"),
                                         f"{entry.date.german()} liegt vor dem vorigen Eintrag ({previous.german()})",
                                         "die Einträge der Reihe nach, den ältesten zuerst, aufschreiben"))
            previous = entry.date
    return problems


def _person_checks(loaded: Loaded, person_id: str, person: Person) -> list[Problem]:
    problems: list[Problem] = []
    for index, role in enumerate(person.roles):
        problems += _order(loaded, "people", person_id, ("roles", index, "end"), role.start, role.end, "Das Ende der Rolle")
    return problems

