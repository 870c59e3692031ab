"""The map's domain: projection, simplification, official keys (portal.geo) and counting per area
(portal.regionmap), without a build."""

from __future__ import annotations

import math
import re
from typing import Any

import pytest

from portal.geo import STATE_KEY, Bounds, centroid, check_key, geography, map_height, path_data, project, simplify
from portal.model import Initiative, Measure, Region
from portal.problems import Fault
from portal.regionmap import CLASSES, count_by_area, place, shade

NRW = Bounds(west=5.8, east=9.5, south=50.3, north=52.6)


# --- projection and outlines ----------------------------------------------------------------------


def test_projection_puts_north_west_at_the_origin_and_keeps_the_width() -> None:
    assert project(NRW.west, NRW.north, NRW) == (0.0, 0.0)
    assert project(NRW.east, NRW.north, NRW)[0] == 400.0
    assert project(NRW.west, NRW.south, NRW)[1] == map_height(NRW) > 0


def test_projection_scales_longitude_by_the_cosine_of_the_mid_latitude() -> None:
    # A degree of longitude at 51.45° N is cos(51.45°) ≈ 0.62 of a degree of latitude.
    east = project(NRW.west + 1, NRW.north, NRW, width=1000)[0]
    south = project(NRW.west, NRW.north - 1, NRW, width=1000)[1]
    assert east / south == pytest.approx(math.cos(math.radians(51.45)), abs=0.001)


def test_projection_rounds_to_one_decimal() -> None:
    x, y = project(7.123456, 51.987654, NRW)
    assert (x, y) == (round(x, 1), round(y, 1))


def test_simplify_drops_points_near_the_line_and_keeps_corners() -> None:
    line = [(0.0, 0.0), (1.0, 0.1), (2.0, -0.1), (3.0, 0.0), (3.0, 5.0)]
    assert simplify(line, tolerance=0.5) == [(0.0, 0.0), (3.0, 0.0), (3.0, 5.0)]
    assert simplify(line, tolerance=0.05) == line
    assert simplify([(0.0, 0.0), (1.0, 1.0)]) == [(0.0, 0.0), (1.0, 1.0)]


def test_path_data_is_relative_and_closed() -> None:
    assert path_data([(10.0, 20.0), (12.5, 20.0), (12.5, 18.0), (10.0, 20.0)]) == "M10 20l2.5 0 0 -2z"
    assert path_data([(10.0, 20.0), (12.5, 20.0), (12.5, 18.0)]) == "M10 20l2.5 0 0 -2z"


def test_centroid_of_a_square() -> None:
    assert centroid([(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0)]) == (2.0, 2.0)


def test_the_committed_boundaries_make_a_small_map_of_53_areas() -> None:
    geo = geography()
    assert len(geo.areas) == 53 and len(geo.municipalities) == 396
    assert {area.art for area in geo.areas.values()} == {"Kreis", "Kreisfreie Stadt"}
    assert all(re.fullmatch(r"M[\d.]+ [\d.]+l[-\d. ]+z", area.path) for area in geo.areas.values())
    # Every coordinate lies on the map, and every area's count badge inside the map's box.
    for area in geo.areas.values():
        assert 0 <= area.centre[0] <= geo.width and 0 <= area.centre[1] <= geo.height, area.name
    # The outlines (the bulk of the SVG) stay well under 40 KB.
    assert sum(len(area.path) for area in geo.areas.values()) < 36_000
    assert geography() is geo  # read once per process


# --- official keys --------------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "name", "whole"), [
    ("05", "Nordrhein-Westfalen (Land)", False),
    ("05111", "Düsseldorf (Kreisfreie Stadt)", True),
    ("051110000000", "Düsseldorf (Stadt)", True),  # a kreisfreie Stadt's one Gemeinde is the whole area
    ("05562", "Recklinghausen (Kreis)", True),
    ("059780036036", "Unna (Stadt)", False),  # a Gemeinde in Kreis Unna
])
def test_keys_of_the_state_areas_and_gemeinden_are_accepted(key: str, name: str, whole: bool) -> None:
    geo = geography()
    assert check_key(key) == key
    assert geo.official_name(key) == name
    assert (key != STATE_KEY and geo.is_whole_area(key)) == whole


@pytest.mark.parametrize(("value", "message", "hint"), [
    (5111, "steht ohne Anführungszeichen", 'ars: "051110000000"'),
    ("05111000", "Amtliche Gemeindeschlüssel (8 Stellen) von Düsseldorf", 'ars: "051110000000" schreiben'),
    ("05 111", "enthält Leerzeichen", 'ars: "05111"'),
    ("09162", "kein Schlüssel in Nordrhein-Westfalen", "hooks/portal/geodata/"),
    ("05999", "nicht der Schlüssel eines Kreises", "nrw-kreise.geojson"),
    ("051119999999", "nicht der Schlüssel einer Gemeinde", "nrw-gemeinden.csv"),
    ("051", "hat 3 Stellen", 'für das Land "05"'),
    ("Düsseldorf", "besteht nur aus Ziffern", "z. B."),
    (True, "Ziffern in Anführungszeichen", "z. B."),
])
def test_wrong_keys_say_what_to_write(value: object, message: str, hint: str) -> None:
    with pytest.raises(Fault) as raised:
        check_key(value)
    assert message in str(raised.value) and hint in raised.value.hint


# --- counting per area ----------------------------------------------------------------------------


def region(name: str, parent: str | None = None, ars: str | None = None) -> Region:
    return Region.model_validate({"name": name, "parent": parent, "ars": ars})


def initiative(region_id: str, title: str) -> Any:
    # Only the fields the count reads; the content check is not under test here.
    return Initiative.model_construct(title=title, region=region_id)


REGIONS = {
    "land": region("Nordrhein-Westfalen", ars="05"),
    "ruhr": region("Ruhrgebiet", parent="land"),
    "kreis-re": region("Kreis Recklinghausen", parent="ruhr", ars="05562"),
    "marl": region("Marl", parent="kreis-re"),  # no key of its own, below a Kreis
    "stadt-unna": region("Stadt Unna", parent="ruhr", ars="059780036036"),  # a Gemeinde key
    "unna": region("Unna", parent="ruhr"),  # city or Kreis? the source does not say
}


def test_place_walks_up_to_the_nearest_keyed_region() -> None:
    geo = geography()
    assert place("kreis-re", REGIONS, geo) == "05562"  # its own Kreis key
    assert place("marl", REGIONS, geo) == "05562"  # below a Kreis
    assert place("stadt-unna", REGIONS, geo) == "05978"  # a Gemeinde counts for its Kreis
    assert place("land", REGIONS, geo) is None  # the state is no area
    assert place("unna", REGIONS, geo) is None  # above it only the Ruhr area and the state
    assert place("gibt-es-nicht", REGIONS, geo) is None


def test_count_by_area_counts_initiatives_and_their_measures() -> None:
    initiatives = {
        "a": initiative("kreis-re", "A"), "b": initiative("marl", "B"), "c": initiative("stadt-unna", "C"),
        "d": initiative("land", "D"), "e": initiative("unna", "E"), "f": initiative("ruhr", "F"),
    }
    measures = {f"m{n}": Measure.model_construct(initiative=iid) for n, iid in enumerate("aabd")}
    result = count_by_area(REGIONS, initiatives, measures, geography())
    by_key = {a.area.key: a for a in result.areas}
    assert len(by_key) == 53
    recklinghausen, unna = by_key["05562"], by_key["05978"]
    assert (recklinghausen.initiatives, recklinghausen.measures, recklinghausen.region) == (("a", "b"), 3, "kreis-re")
    assert recklinghausen.label() == "Recklinghausen (Kreis): 2 Initiativen, 3 Maßnahmen"
    # Stadt Unna's key is a Gemeinde: Kreis Unna counts it but has no region page of its own.
    assert (unna.initiatives, unna.measures, unna.region) == (("c",), 0, None)
    assert unna.label() == "Unna (Kreis): 1 Initiative, 0 Maßnahmen"
    assert result.statewide == ("d",)
    assert result.unplaced == (("ruhr", ("f",)), ("unna", ("e",)))
    assert [a.area.key for a in result.rows] == ["05562", "05978"]  # by name: Recklinghausen, Unna
    assert sum(len(a.initiatives) for a in result.areas) + len(result.statewide) + 2 == len(initiatives)


def test_shading_classes_are_fixed_steps() -> None:
    assert [shade(n) for n in (0, 1, 2, 3, 4, 7, 8, 400)] == [0, 1, 2, 2, 3, 3, 4, 4]
    assert len(CLASSES) == 5
