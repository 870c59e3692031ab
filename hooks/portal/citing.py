"""Profiles with less noise: one source line per section instead of "(Quelle: …)" on every row.

A mixin of ``portal.catalog.Catalog``. The rule (stated to readers on the method page, "Quellen"):
a section names once, at its end, the sources that most of its rows rest on ("Quellen dieses
Abschnitts"); a row that rests on other sources still names its own, right there. So every fact
stays traceable to its document, and every cited document stays linked from the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import labels

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .model import Initiative, Participant, Person, Role


# Editors' notes that only say a source is silent ("owner_note: in der Quelle nicht genannt"): such a
# fact is folded with the others no source gives, instead of a row of its own.
SILENT = {"in der quelle nicht genannt", "in den quellen nicht genannt", "nicht genannt", "nicht bekannt",
          "in der quelle nicht angegeben", "in den quellen nicht angegeben"}


def says_nothing(note: str | None) -> bool:
    """Whether an editor's note only says that the sources do not give the fact (or is empty)."""
    return not note or note.strip().rstrip(".").casefold() in SILENT


@dataclass(frozen=True)
class SectionSources:
    """A section's source line (``common``) and, per row in page order, the sources that row must
    still show itself: empty when it rests on exactly the section's sources."""

    common: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def section_sources(rows: Sequence[Sequence[str]]) -> SectionSources:
    """The section's sources: the set of documents most rows cite (the first such set in page order
    on a tie; rows without sources do not count). Rows citing another set keep their own."""
    counts: dict[tuple[str, ...], int] = {}
    for row in rows:
        if row:
            counts[tuple(row)] = counts.get(tuple(row), 0) + 1
    common = max(counts, key=lambda key: counts[key]) if counts else ()  # max keeps the first on a tie
    return SectionSources(common, tuple(() if tuple(row) == common else tuple(row) for row in rows))


@dataclass(frozen=True)
class ParticipantRows:
    """An initiative's participants grouped by role (German label, in the vocabulary's order), each
    with the sources it must still show itself, and the table's source line."""

    groups: tuple[tuple[str, tuple[tuple[Participant, tuple[str, ...]], ...]], ...]
    common: tuple[str, ...]


class ProfileQueries:
    """What the quieter profiles ask: a section's source line, a person's function in an organisation."""

    if TYPE_CHECKING:  # provided by Catalog
        people: dict[str, Person]
        initiatives: dict[str, Initiative]

    def section_sources(self, rows: Sequence[Sequence[str]]) -> SectionSources:
        """The source line of a section whose rows cite ``rows`` (``portal.citing.section_sources``)."""
        return section_sources(rows)

    def says_nothing(self, note: str | None) -> bool:
        """Whether a note only says the sources are silent (``portal.citing.says_nothing``)."""
        return says_nothing(note)

    def person_function(self, person_id: str, org_id: str | None) -> Role | None:
        """The person's first role in the organisation as a source states it ("Präsident"), or None."""
        if org_id is None:
            return None
        return next((role for role in self.people[person_id].roles if role.organisation == org_id), None)

    def participant_rows(self, initiative_id: str) -> ParticipantRows:
        """The participants table of an initiative: groups by role (the vocabulary's order, members
        as listed), each row with the sources it still shows (``section_sources``)."""
        members = self.initiatives[initiative_id].participants
        cited = section_sources([m.sources for m in members])
        groups = []
        for role, label in labels.PARTICIPANT_ROLE.items():
            rows = tuple((m, cited.rows[index]) for index, m in enumerate(members) if m.role == role)
            if rows:
                groups.append((label, rows))
        return ParticipantRows(tuple(groups), cited.common)
