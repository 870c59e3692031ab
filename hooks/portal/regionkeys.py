"""Checks of the official keys of regions across files (``Region.ars``; each key alone: ``portal.geo``).

The map links one region page per area and counts a region for the area of its key, so two regions
may not name the same area, and a key must lie inside the area of the nearest keyed region above it
(a town under the wrong Kreis would be counted for one Kreis and listed under another).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .geo import STATE_KEY, Geography, geography
from .problems import Problem
from .yamlio import dotted

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .loading import Loaded
    from .model import Record


def region_key_problems(loaded: Loaded) -> list[Problem]:
    """Regions sharing one area, and keys outside the area of the region above them."""
    regions, geo = loaded.records["regions"], geography()
    problems: list[Problem] = []
    owner: dict[str, str] = {}

    def problem(region_id: str, message: str, hint: str) -> Problem:
        file, line, column = loaded.where("regions", region_id, ("ars",))
        return Problem(file, line, column, dotted(("ars",)), message, hint)

    for region_id in sorted(regions):
        key = getattr(regions[region_id], "ars", None)
        if not key:
            continue
        area = key[:5] if geo.is_whole_area(key) else key
        if area in owner:
            other = loaded.where("regions", owner[area], ("ars",))[0]
            problems.append(problem(region_id, f"'{key}' bezeichnet dasselbe Gebiet wie der Schlüssel in {other} ({geo.official_name(key)})",
                                    "jedes Verwaltungsgebiet gehört zu genau einer Region; den Schlüssel bei einer der beiden löschen"))
            continue
        owner[area] = region_id
        above = _keyed_ancestor(regions, region_id)
        if above and not _inside(geo, key, above[1]):
            parent = getattr(regions[region_id], "parent", None)
            problems.append(problem(region_id, f"'{key}' ({geo.official_name(key)}) liegt nicht in {geo.official_name(above[1])}, "
                                               f"dem Gebiet der übergeordneten Region '{above[0]}' (über parent: {parent})",
                                    "parent oder ars prüfen: parent nennt die nächstgrößere Region, ars das Gebiet dieser Region"))
    return problems


def _keyed_ancestor(regions: Mapping[str, Record], region_id: str) -> tuple[str, str] | None:
    """(id, key) of the nearest region above ``region_id`` with a key; None if there is none, or if the
    chain of parents runs in a cycle (reported once, as a cycle, by ``validation``)."""
    chain: list[str] = []
    current: str | None = getattr(regions[region_id], "parent", None)
    while current is not None and current in regions:
        if current == region_id or current in chain:
            return None
        chain.append(current)
        current = getattr(regions[current], "parent", None)
    keyed = [(rid, key) for rid in chain if (key := getattr(regions[rid], "ars", None))]
    return keyed[0] if keyed else None


def _inside(geo: Geography, key: str, outer: str) -> bool:
    """Whether the area of ``key`` lies within ``outer``: everything is in the state, a Gemeinde in its Kreis."""
    if outer == STATE_KEY:
        return True
    return key != outer and geo.is_whole_area(outer) and not geo.is_whole_area(key) and key[:5] == outer[:5]
