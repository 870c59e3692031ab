"""The timeline's filter data: every milestone of every initiative in one small JSON file
(``zeitleiste/eintraege.json``), which the timeline overview loads when a reader sets a filter.

The overview itself lists only the years (its list is split into a page per year, ``portal.archives``),
so that it stays small however many milestones there are; its filters still work across every
milestone: ``docs/assets/timeline.js`` loads this file on the first change of a filter and shows the
milestones that match, under their years. Each entry holds only what the filters test and the short
form of a milestone shows; names of kinds, statuses and initiatives come from the filter form's own
options, so the file holds keys, not words twice.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .archives import UNDATED
from .urls import url_for

if TYPE_CHECKING:
    from .catalog import Catalog

PATH = "zeitleiste/eintraege.json"
# The order of an entry's fields (the file names them once, in "felder").
FIELDS = ["gruppe", "datum_iso", "datum", "titel", "ort", "art", "stand", "initiative", "regionen"]


def timeline_entries(catalog: Catalog) -> dict[str, object]:
    """The file's content: the fields, every year group's heading and address, each initiative's
    address, and one list per milestone, in the timeline's order (oldest first, undated last)."""
    groups = {g.key: {"ueberschrift": g.heading, "adresse": g.url, "anker": "jahr-unbekannt" if g.key == UNDATED else f"jahr-{g.key}"}
              for g in catalog.archives["zeitleiste"]}
    entries = []
    for entry in catalog.timeline():
        m = entry.milestone
        known = m.date.known
        note = f" ({m.date_note})" if m.date_note else ""
        entries.append([
            str(m.date.year) if known else UNDATED, m.date.iso() if known else "",
            (m.date.german() + note) if known else f"Datum nicht bekannt{note}", m.title, m.place or "",
            m.kind, m.status, entry.initiative_id, catalog.region_path(catalog.initiatives[entry.initiative_id].region)])
    # The groups' order separately: a script reads an object's number-like keys in ascending order.
    return {"felder": FIELDS, "gruppen": groups, "reihenfolge": list(groups),
            "initiativen": {iid: url_for("initiatives", iid) for iid in catalog.initiatives},
            "eintraege": entries}


def timeline_json(catalog: Catalog) -> str:
    """``zeitleiste/eintraege.json`` as text: compact, it is for the script, not for reading."""
    return json.dumps(timeline_entries(catalog), ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"
