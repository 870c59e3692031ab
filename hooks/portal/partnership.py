"""Who works with whom: the organisation × initiative matrix and the network picture's data.

A mixin of ``portal.catalog.Catalog``. Both the matrix (the table) and the network (the SVG drawn
from it, ``portal.network``) are bounded: at the size of all NRW (3,000 organisations, 400
initiatives) one page cannot show every pair, so the organisations with the most initiatives come
first, ``ROW_LIMIT`` of them, and the page says how many there are in all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .network import NetworkLayout, layout

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .indexes import Involvement
    from .model import Initiative, Organisation

# A measure that only names an organisation, without a role, is no sign that it takes part: such
# mentions stay out of the matrix and the network (the organisation's page still lists them).
NO_ROLE = "Genannt bei einer Maßnahme (Rolle nicht angegeben)"
ROW_LIMIT = 40      # organisations in the matrix and the network
COLUMN_LIMIT = 24   # initiatives (columns, inner nodes); more would not fit a table or a circle


@dataclass(frozen=True)
class MatrixRow:
    """One organisation: its roles in each column's initiative (empty tuple: none), and in how many
    initiatives it takes part in all (columns left out included)."""

    organisation_id: str
    cells: tuple[tuple[str, ...], ...]
    count: int


@dataclass(frozen=True)
class PartnerMatrix:
    """The bounded matrix: columns (initiative ids), rows, and the totals the page states."""

    initiatives: tuple[str, ...]
    rows: tuple[MatrixRow, ...]
    organisations_total: int      # organisations with a role in at least one initiative
    several_total: int            # … in two or more
    initiatives_total: int        # initiatives with at least one organisation in a role

    @property
    def complete(self) -> bool:
        """Whether every organisation and every initiative with a role is shown."""
        return len(self.rows) == self.organisations_total and len(self.initiatives) == self.initiatives_total


def roles_by_initiative(entries: Mapping[Involvement, None]) -> dict[str, tuple[str, ...]]:
    """An organisation's roles per initiative, each role once, in order of first appearance;
    mentions without a role left out."""
    found: dict[str, dict[str, None]] = {}
    for entry in entries:
        if entry.role != NO_ROLE:
            found.setdefault(entry.initiative_id, {})[entry.role] = None
    return {key: tuple(roles) for key, roles in found.items()}


def build_matrix(involvements: Mapping[str, Mapping[Involvement, None]], names: Mapping[str, str],
                 titles: Mapping[str, str], rows: int = ROW_LIMIT, columns: int = COLUMN_LIMIT) -> PartnerMatrix:
    """The matrix from each organisation's involvements. ``names`` and ``titles`` give the sort names
    of organisations and initiatives. Rows: most initiatives first, then by name; columns: the
    initiatives of the shown rows, those with most shown organisations first, then by title.
    Linear in the involvements plus a sort: nothing here compares every pair."""
    roles = {org: found for org, entries in involvements.items() if org in names
             if (found := roles_by_initiative(entries))}
    ranked = sorted(roles, key=lambda org: (-len(roles[org]), names[org].casefold(), org))
    shown = ranked[:rows]
    weight: dict[str, int] = {}
    for org in shown:
        for initiative in roles[org]:
            weight[initiative] = weight.get(initiative, 0) + 1
    cols = sorted(weight, key=lambda key: (-weight[key], titles[key].casefold(), key))[:columns]
    every = {initiative for found in roles.values() for initiative in found}
    return PartnerMatrix(
        initiatives=tuple(cols),
        rows=tuple(MatrixRow(org, tuple(roles[org].get(col, ()) for col in cols), len(roles[org])) for org in shown),
        organisations_total=len(roles),
        several_total=sum(1 for found in roles.values() if len(found) > 1),
        initiatives_total=len(every),
    )


class PartnerQueries:
    """The partner matrix, the network layout and an organisation's partners across initiatives."""

    if TYPE_CHECKING:  # provided by Catalog (documented there, hence noqa: D102)
        initiatives: dict[str, Initiative]
        organisations: dict[str, Organisation]

        @property
        def involvements(self) -> Mapping[str, Mapping[Involvement, None]]: ...  # noqa: D102

    _matrix: PartnerMatrix | None = None
    _network: NetworkLayout | None = None

    def partner_matrix(self) -> PartnerMatrix:
        """The bounded organisation × initiative matrix (computed once per build)."""
        if self._matrix is None:
            names = {key: org.name for key, org in self.organisations.items()}
            titles = {key: initiative.title for key, initiative in self.initiatives.items()}
            self._matrix = build_matrix(self.involvements, names, titles)
        return self._matrix

    def partner_network(self) -> NetworkLayout:
        """The network picture's geometry for the matrix's rows and columns (computed once per build)."""
        if self._network is None:
            matrix = self.partner_matrix()
            inner = [(key, self.initiatives[key].title) for key in matrix.initiatives]
            outer = [(row.organisation_id, self.organisations[row.organisation_id].name,
                      [key for key, cell in zip(matrix.initiatives, row.cells, strict=True) if cell])
                     for row in matrix.rows]
            self._network = layout(inner, outer, {key: self.initiative_label(key) for key in matrix.initiatives})
        return self._network

    def initiative_label(self, initiative_id: str) -> str:
        """An initiative's name where space is short: its short name, else its title."""
        initiative = self.initiatives[initiative_id]
        return initiative.short_name or initiative.title

    def partner_initiatives(self, org_id: str) -> dict[str, tuple[str, ...]]:
        """The initiatives an organisation takes part in (a role, not only a mention), with its roles, by title."""
        found = roles_by_initiative(self.involvements.get(org_id, {}))
        return {key: found[key] for key in sorted(found, key=lambda key: self.initiatives[key].title.casefold())}
