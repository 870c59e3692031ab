"""The compact data behind the filters of the measures overview (``/massnahmen/filter.json``).

The overview shows one bounded page of the list; its filters work across every measure by loading
this file once, on the first filter a reader sets (``docs/assets/portal.js``). It holds one row per
measure with only what a list item shows (``overrides/portal/glance.html``, ``measure_item``) and
what the filters ask, in the overview's order (status, then title). Everything that repeats is a
number into a small table, so that the file stays small at the size of all of NRW:

    {"statuses":    [status key, …]                       (labels.MEASURE_STATUS_ORDER)
     "initiatives": [[id, title, [region index, …]], …]   (its region and every region above it)
     "regions":     [id, …]
     "topics":      [id, …]
     "targets":     [[datetime, words], …]                (known target dates, as <time> shows them)
     "rows":        [[id, title, status, initiative, target or -1, overdue 0/1, [topic, …]], …]}

A measure's regions are its initiative's (``Catalog.measure_regions``), so rows do not repeat them.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from . import labels

if TYPE_CHECKING:
    from .catalog import Catalog

FILTER_PATH = "massnahmen/filter.json"


def filter_data(catalog: Catalog) -> dict[str, Any]:
    """The filter data of every published measure, as described in the module's docstring."""
    ids = catalog.measure_selection("all")
    initiative_ids = list(dict.fromkeys(catalog.measures[mid].initiative for mid in ids))
    regions: dict[str, int] = {}
    initiatives = []
    for iid in initiative_ids:
        path = catalog.region_path(catalog.initiatives[iid].region)
        initiatives.append([iid, catalog.initiatives[iid].title, [regions.setdefault(r, len(regions)) for r in path]])
    at_initiative = {iid: n for n, iid in enumerate(initiative_ids)}
    topics: dict[str, int] = {}
    targets: dict[tuple[str, str], int] = {}
    statuses = {key: n for n, key in enumerate(labels.MEASURE_STATUS_ORDER)}
    rows = []
    for mid in ids:
        measure = catalog.measures[mid]
        target = measure.target
        # Only a known date has a <time> to show; the server's list shows no other (measure_item).
        where = targets.setdefault((target.iso(), target.german()), len(targets)) if target and target.known else -1
        rows.append([mid, measure.title, statuses[catalog.status(mid)], at_initiative[measure.initiative], where,
                     int(catalog.is_overdue(mid)), [topics.setdefault(t, len(topics)) for t in measure.topics]])
    return {"statuses": list(statuses), "initiatives": initiatives, "regions": list(regions),
            "topics": list(topics), "targets": [list(pair) for pair in targets], "rows": rows}


def filter_json(catalog: Catalog) -> str:
    """``filter_data`` as compact JSON (no spaces, UTF-8 as is): the file the overview's script loads."""
    return json.dumps(filter_data(catalog), ensure_ascii=False, separators=(",", ":"))


def decode_rows(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The rows of ``filter_data`` (or the parsed file) with the table numbers resolved: measure id →
    {"title", "status", "initiative", "regions", "topics", "target", "overdue"}. For tests and tools
    that compare the file with the catalog."""
    found = {}
    for mid, title, status, initiative, target, overdue, topics in data["rows"]:
        iid, _, regions = data["initiatives"][initiative]
        found[mid] = {"title": title, "status": data["statuses"][status], "initiative": iid,
                      "regions": [data["regions"][r] for r in regions], "topics": [data["topics"][t] for t in topics],
                      "target": data["targets"][target] if target >= 0 else None, "overdue": bool(overdue)}
    return found
