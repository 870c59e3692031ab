"""portal.timeline_data: the timeline overview's filter data holds every milestone once, with what the
filters test, in the order of the year pages."""

from __future__ import annotations

import json

from test_macros import HOSTILE, TODAY, changed, mini_records

from portal.catalog import Catalog
from portal.timeline_data import FIELDS, timeline_json


def test_every_milestone_once_with_what_the_filters_test() -> None:
    catalog = Catalog(mini_records(), TODAY)
    data = json.loads(timeline_json(catalog))
    assert data["felder"] == FIELDS
    entries = [dict(zip(FIELDS, entry, strict=True)) for entry in data["eintraege"]]
    assert [e["titel"] for e in entries] == [e.milestone.title for e in catalog.timeline()]
    assert entries[0] == {"gruppe": "2017", "datum_iso": "2017-03-16", "datum": "16. März 2017", "titel": "Industriekonferenz",
                          "ort": "", "art": "konferenz", "stand": "stattgefunden", "initiative": "masterplan-test",
                          "regionen": ["teststadt", "land"]}
    assert entries[1]["datum"] == "Frühjahr 2018" and entries[1]["datum_iso"] == "2018"  # as vague as the source
    assert entries[2]["gruppe"] == "undatiert" and entries[2]["datum"] == "Datum nicht bekannt (zum Jahresauftakt)"
    # The groups in the order of the year list (newest first, undated last), with their pages.
    assert data["reihenfolge"] == ["2018", "2017", "undatiert"]
    assert data["gruppen"]["undatiert"] == {"ueberschrift": "Zeitpunkt nicht bekannt", "adresse": "zeitleiste/undatiert/",
                                            "anker": "jahr-unbekannt"}
    assert data["initiativen"] == {"masterplan-test": "initiativen/masterplan-test/"}


def test_text_is_data_not_markup() -> None:
    """The script writes every text as text (textContent); the file keeps it exactly as written."""
    records = mini_records()
    initiative = records["initiatives"]["masterplan-test"]
    changed(records, "initiatives", "masterplan-test",
            milestones=[m.model_copy(update={"title": HOSTILE}) for m in initiative.milestones])  # type: ignore[attr-defined]
    data = json.loads(timeline_json(Catalog(records, TODAY)))
    assert {entry[3] for entry in data["eintraege"]} == {HOSTILE}
