"""The administrative areas of North Rhine-Westphalia: official keys and the outlines of the map.

The data is BKG's VG5000 (``hooks/portal/geodata/``, dl-de/by-2-0, see ``LIZENZ.md``): 53 Kreise and
kreisfreie Städte with outlines, and the keys of the 396 Gemeinden. It never changes while the
portal runs, so it is read, projected and simplified once per process (``geography``).

Keys (Amtlicher Regionalschlüssel, ARS) that regions may carry: ``05`` for the state, five digits for a
Kreis or kreisfreie Stadt, twelve digits for a Gemeinde. A Gemeinde lies in the area of its first five
digits; a kreisfreie Stadt is a Kreis with one Gemeinde, so its twelve-digit key means the whole area.
"""

from __future__ import annotations

import csv
import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .problems import Fault

DATA = Path(__file__).parent / "geodata"
STATE_KEY = "05"
STATE_NAME = "Nordrhein-Westfalen"
# Width of the map in SVG units; the height follows from the projection. Coordinates are written with
# one decimal: a tenth of a unit is about 60 m, far below what VG5000's 1:5,000,000 outlines resolve.
MAP_WIDTH = 400.0
# Points closer than this (in map units) to the line through their neighbours are dropped: 0.8 units
# are little more than a pixel at the widest the map is shown (640 px), and keep the SVG under 40 KB
# even when every area is a link with a count (tests/test_macros_map.py).
TOLERANCE = 0.8
KEY_HELP = ('die Schlüssel stehen in hooks/portal/geodata/ (nrw-kreise.geojson: Kreise und kreisfreie Städte, '
            'nrw-gemeinden.csv: Gemeinden); für das Land "05"')

Point = tuple[float, float]


@dataclass(frozen=True)
class Bounds:
    """The extent of the data in degrees, and the latitude whose scale the projection keeps."""

    west: float
    east: float
    south: float
    north: float

    @property
    def mid_latitude(self) -> float:
        """The latitude in the middle: east–west distances are scaled by its cosine."""
        return (self.south + self.north) / 2


def project(lon: float, lat: float, bounds: Bounds, width: float = MAP_WIDTH) -> Point:
    """Longitude/latitude to map units: equirectangular, x scaled by cos(mid latitude), north up.

    The west edge of ``bounds`` is x = 0 and the north edge y = 0; the east edge is x = ``width``.
    Over NRW's two degrees of latitude this distorts less than the outlines' own generalisation.
    """
    shrink = math.cos(math.radians(bounds.mid_latitude))
    scale = width / ((bounds.east - bounds.west) * shrink)
    return (round((lon - bounds.west) * shrink * scale, 1), round((bounds.north - lat) * scale, 1))


def map_height(bounds: Bounds, width: float = MAP_WIDTH) -> float:
    """The map's height in units for ``width`` (the projection's aspect ratio)."""
    return project(bounds.west, bounds.south, bounds, width)[1]


def simplify(points: list[Point], tolerance: float = TOLERANCE) -> list[Point]:
    """Douglas–Peucker: drop points nearer than ``tolerance`` to the line between the kept ones.

    Iterative (a stack, no recursion) and O(n log n) on outlines; first and last point always stay.
    """
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1)
        farthest, distance = first, 0.0
        for index in range(first + 1, last):
            x, y = points[index]
            d = (abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length if length
                 else math.hypot(x - x1, y - y1))
            if d > distance:
                farthest, distance = index, d
        if distance > tolerance:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def path_data(ring: list[Point]) -> str:
    """An SVG path for a closed ring: an absolute start, then relative steps (shorter), closed with z
    (which draws the step back to the start, so a ring's repeated first point is left out)."""
    def num(value: float) -> str:
        text = f"{value:.1f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text

    parts = [f"M{num(ring[0][0])} {num(ring[0][1])}l"]
    steps = []
    points = ring[:-1] if len(ring) > 1 and ring[-1] == ring[0] else ring
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        dx, dy = round(x1 - x0, 1), round(y1 - y0, 1)
        if dx or dy:
            steps.append(f"{num(dx)} {num(dy)}")
    return parts[0] + " ".join(steps) + "z"


def centroid(ring: list[Point]) -> Point:
    """The area-weighted centre of a ring (inside for the compact outlines of Kreise), rounded."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if not area:
        return ring[0]
    return (round(cx / (3 * area), 1), round(cy / (3 * area), 1))


@dataclass(frozen=True)
class Area:
    """A Kreis or kreisfreie Stadt on the map: its five-digit key, official name and outline."""

    key: str
    name: str
    art: str  # BKG's designation: "Kreis" or "Kreisfreie Stadt"
    path: str  # SVG path data in map units
    centre: Point  # where the map writes the area's count


@dataclass(frozen=True)
class Municipality:
    """A Gemeinde: twelve-digit ARS, eight-digit AGS, official name and designation ("Stadt", "Gemeinde")."""

    ars: str
    ags: str
    name: str
    art: str


@dataclass(frozen=True)
class Geography:
    """Every area (by five-digit key, in the data's order) and Gemeinde (by ARS), and the map's size."""

    areas: dict[str, Area]
    municipalities: dict[str, Municipality]
    width: float
    height: float

    def area_of(self, key: str) -> str | None:
        """The five-digit key of the area a valid key lies in; None for the state."""
        return None if key == STATE_KEY else key[:5]

    def is_whole_area(self, key: str) -> bool:
        """The key names a whole area: a Kreis, a kreisfreie Stadt, or the one Gemeinde of a kreisfreie Stadt."""
        if len(key) == 5:
            return key in self.areas
        return len(key) == 12 and self.areas[key[:5]].art == "Kreisfreie Stadt"

    def official_name(self, key: str) -> str:
        """The official name with BKG's designation: 'Recklinghausen (Kreis)', 'Nordrhein-Westfalen (Land)'."""
        if key == STATE_KEY:
            return f"{STATE_NAME} (Land)"
        place = self.areas[key] if len(key) == 5 else self.municipalities[key]
        return f"{place.name} ({place.art})"


def _bounds(features: list[dict]) -> Bounds:
    lons = [lon for f in features for ring in f["geometry"]["coordinates"] for lon, _ in ring]
    lats = [lat for f in features for ring in f["geometry"]["coordinates"] for _, lat in ring]
    return Bounds(min(lons), max(lons), min(lats), max(lats))


@cache
def geography() -> Geography:
    """The areas and Gemeinden, read, projected and simplified once per process."""
    features = json.loads((DATA / "nrw-kreise.geojson").read_text(encoding="utf-8"))["features"]
    bounds = _bounds(features)
    areas = {}
    for feature in features:
        props = feature["properties"]
        # Every feature is one Polygon whose first ring is the outline (no holes in the Kreise file).
        ring = simplify([project(lon, lat, bounds) for lon, lat in feature["geometry"]["coordinates"][0]])
        areas[props["ars"]] = Area(props["ars"], props["name"], props["art"], path_data(ring), centroid(ring[:-1]))
    with (DATA / "nrw-gemeinden.csv").open(encoding="utf-8", newline="") as handle:
        municipalities = {row["ars"]: Municipality(row["ars"], row["ags"], row["name"], row["art"])
                          for row in csv.DictReader(handle, delimiter=";")}
    return Geography(areas, municipalities, MAP_WIDTH, map_height(bounds))


def check_key(value: object) -> str:
    """An editor's ``ars``: the key if it is NRW's, a Kreis's or a Gemeinde's in the committed
    boundaries; otherwise a ``Fault`` that says what to write."""
    example = 'z. B. ars: "051110000000" für die Stadt Düsseldorf'
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise Fault("erwartet wird ein Schlüssel aus Ziffern in Anführungszeichen", example)
    if isinstance(value, int):
        # Unquoted digits are a number to YAML: the leading 0 is lost, and 05111… may even be read as octal.
        raise Fault("steht ohne Anführungszeichen: YAML liest die Ziffern dann als Zahl, die führende 0 geht verloren",
                    f"den Schlüssel in Anführungszeichen setzen, {example}")
    key = value.strip()
    if re.fullmatch(r"[\d ]+", key) and " " in key:
        written = key.replace(" ", "")
        raise Fault(f"'{key}' enthält Leerzeichen", f'die Ziffern ohne Leerzeichen schreiben: ars: "{written}"')
    if not re.fullmatch(r"\d+", key):
        raise Fault(f"'{key}' ist kein Regionalschlüssel: er besteht nur aus Ziffern", f"{example}; {KEY_HELP}")
    if not key.startswith(STATE_KEY):
        raise Fault(f"'{key}' ist kein Schlüssel in Nordrhein-Westfalen: diese beginnen mit 05", KEY_HELP)
    geo = geography()
    if len(key) == 8:
        named = [m for m in geo.municipalities.values() if m.ags == key]
        if named:
            raise Fault(f"'{key}' ist der Amtliche Gemeindeschlüssel (8 Stellen) von {named[0].name}; "
                        "hier steht der Regionalschlüssel mit 12 Stellen", f'ars: "{named[0].ars}" schreiben')
    if key == STATE_KEY or key in geo.areas or key in geo.municipalities:
        return key
    if len(key) in (5, 12):
        what = "eines Kreises oder einer kreisfreien Stadt" if len(key) == 5 else "einer Gemeinde"
        raise Fault(f"'{key}' ist nicht der Schlüssel {what} in Nordrhein-Westfalen (Verwaltungsgrenzen des BKG, Stand 2021)",
                    KEY_HELP)
    raise Fault(f"'{key}' hat {len(key)} Stellen; ein Regionalschlüssel hat 2 (das Land: 05), 5 (Kreis oder kreisfreie "
                "Stadt) oder 12 Stellen (Gemeinde)", KEY_HELP)
