"""The map of NRW: initiatives and measures counted per Kreis and kreisfreie Stadt.

A mixin of ``portal.catalog.Catalog``. An initiative counts for the area of its region's official key
(``Region.ars``, portal.geo): a Kreis key for its own area, a Gemeinde key for its Kreis; a region
without a key counts for the nearest region above it with a Kreis or Gemeinde key. The state key
``05`` is no area: initiatives of the state itself are counted apart ("landesweit"), and those of a
region that lies in no single area (the Ruhr area, a town the sources leave unclear) are named apart
too, never spread over areas they may not cover.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from .geo import STATE_KEY, Area, Geography, geography

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .model import Initiative, Measure, Region

# Shading classes by the number of initiatives: (lowest count, legend text). Fixed, so the legend
# means the same on every build; the top class is open-ended for a portal of all NRW.
CLASSES: tuple[tuple[int, str], ...] = (
    (0, "keine erfasste Initiative"),
    (1, "1 Initiative"),
    (2, "2 bis 3 Initiativen"),
    (4, "4 bis 7 Initiativen"),
    (8, "8 und mehr Initiativen"),
)


def shade(count: int) -> int:
    """The class (index into ``CLASSES``) of an area with ``count`` initiatives."""
    return max(index for index, (lowest, _) in enumerate(CLASSES) if count >= lowest)


def place(region_id: str, regions: Mapping[str, Region], geo: Geography) -> str | None:
    """The five-digit key of the area a region lies in, or None (the state, or no keyed region above).

    Walks up ``parent`` until a region has a key; the check refuses cycles, the ``seen`` set only
    keeps a broken preview from looping.
    """
    current: str | None = region_id
    seen: set[str] = set()
    while current is not None and current in regions and current not in seen:
        region = regions[current]
        if region.ars:
            return geo.area_of(region.ars)
        seen.add(current)
        current = region.parent
    return None


@dataclass(frozen=True)
class AreaCount:
    """One area of the map with what the portal knows there."""

    area: Area
    initiatives: tuple[str, ...]  # ids, by title
    measures: int  # measures of those initiatives
    region: str | None  # the region whose page is this area (a link), or None
    shade: int  # index into CLASSES

    def label(self) -> str:
        """The accessible name: official name, designation and both counts ("Düsseldorf (Kreisfreie Stadt): …")."""
        count = len(self.initiatives)
        initiatives = "1 Initiative" if count == 1 else f"{count} Initiativen"
        measures = "1 Maßnahme" if self.measures == 1 else f"{self.measures} Maßnahmen"
        return f"{self.area.name} ({self.area.art}): {initiatives}, {measures}"


@dataclass(frozen=True)
class RegionMap:
    """Every area with its counts (in the data's order), the statewide initiatives and the unplaced ones."""

    areas: tuple[AreaCount, ...]
    statewide: tuple[str, ...]  # initiatives of a region keyed 05, by title
    unplaced: tuple[tuple[str, tuple[str, ...]], ...]  # (region id, its initiatives) for regions in no single area
    width: float
    height: float

    @property
    def rows(self) -> list[AreaCount]:
        """The table: every area with at least one initiative, by official name."""
        return sorted((a for a in self.areas if a.initiatives), key=lambda a: a.area.name.casefold())

    @property
    def classes(self) -> list[tuple[int, str]]:
        """(class index, legend text) for the legend."""
        return [(index, text) for index, (_, text) in enumerate(CLASSES)]


def count_by_area(regions: Mapping[str, Region], initiatives: Mapping[str, Initiative],
                  measures: Mapping[str, Measure], geo: Geography) -> RegionMap:
    """Count initiatives and their measures per area; one pass over each collection."""
    by_title = sorted(initiatives, key=lambda key: initiatives[key].title.casefold())
    placed: dict[str, list[str]] = {}
    statewide: list[str] = []
    unplaced: dict[str, list[str]] = {}
    region_area = {rid: place(rid, regions, geo) for rid in regions}
    for iid in by_title:
        region_id = initiatives[iid].region
        area = region_area.get(region_id)
        if area is not None:
            placed.setdefault(area, []).append(iid)
        elif regions[region_id].ars == STATE_KEY:
            statewide.append(iid)
        else:
            unplaced.setdefault(region_id, []).append(iid)
    measure_count: dict[str, int] = {}
    for measure in measures.values():
        measure_count[measure.initiative] = measure_count.get(measure.initiative, 0) + 1
    # The region whose page is the whole area (the check allows one per area); sorted ids decide ties in a preview.
    page_of: dict[str, str] = {}
    for rid in sorted(regions):
        key = regions[rid].ars
        if key and key != STATE_KEY and geo.is_whole_area(key):
            page_of.setdefault(key[:5], rid)
    areas = tuple(
        AreaCount(area, tuple(placed.get(key, ())), sum(measure_count.get(i, 0) for i in placed.get(key, ())),
                  page_of.get(key), shade(len(placed.get(key, ()))))
        for key, area in geo.areas.items())
    return RegionMap(areas, tuple(statewide), tuple((rid, tuple(ids)) for rid, ids in sorted(unplaced.items())),
                     geo.width, geo.height)


class MapQueries:
    """What the map of NRW shows (start page, regions overview)."""

    if TYPE_CHECKING:  # provided by Catalog
        initiatives: dict[str, Initiative]
        measures: dict[str, Measure]
        regions: dict[str, Region]

    @cached_property
    def region_map(self) -> RegionMap:
        """Initiatives and measures per area of NRW, computed once per build."""
        return count_by_area(self.regions, self.initiatives, self.measures, geography())

    def region_key_name(self, region_id: str) -> str:
        """The official name of the area a region's key names ("Düsseldorf (Stadt)"); '' without a key."""
        key = self.regions[region_id].ars
        return geography().official_name(key) if key else ""
