"""Catalog and page planning on the small content set: overdue logic, grouping, publication rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import MINI, mini_data

from portal.catalog import Catalog
from portal.check import load_valid
from portal.pages import plan_pages
from portal.revision import reference_date, stand
from mkdocs.utils.meta import get_data


def catalog_for(today: dt.date, data: Path = MINI) -> tuple[Catalog, dict[tuple[str, str], str]]:
    loaded, problems = load_valid(data)
    assert not problems
    return Catalog(loaded.records, today), {key: origin.path for key, origin in loaded.origins.items()}


@pytest.mark.parametrize(("today", "overdue"), [
    (dt.date(2020, 12, 31), False),  # a target "2020" runs until its last day
    (dt.date(2021, 1, 1), True),
])
def test_overdue_starts_the_day_after_the_target(today: dt.date, overdue: bool) -> None:
    catalog, _ = catalog_for(today)
    assert catalog.is_overdue("glasfaser") is overdue
    assert catalog.is_overdue("fertig") is False  # finished in May 2018, target 2018


def test_status_comes_from_the_newest_history_entry() -> None:
    catalog, _ = catalog_for(dt.date(2026, 11, 22))
    assert catalog.status("fertig") == "abgeschlossen"
    groups = catalog.by_status(catalog.measures_of("masterplan-test"))
    assert [(state, ids) for state, _, ids in groups] == [("beschlossen", ["glasfaser"]), ("abgeschlossen", ["fertig"])]


def test_plans_one_page_per_published_record() -> None:
    catalog, files = catalog_for(dt.date(2026, 11, 22))
    plans = {plan.src_uri: plan for plan in plan_pages(catalog, files)}
    assert "quellen/entwurf.md" not in plans  # draft
    initiative = plans["initiativen/masterplan-test.md"]
    assert initiative.template == "initiative.html"
    assert initiative.title == "Masterplan Test (MPT)"  # the short name is searchable in the title
    assert set(initiative.data_files) == {"mini/initiatives/masterplan-test.yaml", "mini/measures/glasfaser.yaml", "mini/measures/fertig.md"}
    assert plans["personen/erika-muster.md"].title == "Dr. Erika Muster"
    assert len(plans) == 2 + 1 + 2 + 1 + 1 + 2 + 1
    body, meta = get_data(initiative.markdown())  # read back as MkDocs reads it
    assert body == ""
    assert meta["template"] == "initiative.html"
    assert meta["title"] == "Masterplan Test (MPT)"
    assert "&quot;Flächen&quot; &amp; mehr" in meta["description"]


def test_documents_dated_in_the_future_wait_for_their_day(tmp_path: Path) -> None:
    data = mini_data(tmp_path / "data", ("documents/pm-eins.md", 'date: "2017-03-20"', 'date: "2027-01-01"'))
    before, _ = catalog_for(dt.date(2026, 12, 31), data)
    on_the_day, _ = catalog_for(dt.date(2027, 1, 1), data)
    assert "pm-eins" not in before.documents and "pm-eins" in on_the_day.documents


def test_reverse_links_of_an_organisation() -> None:
    catalog, _ = catalog_for(dt.date(2026, 11, 22))
    roles = {(e.role, e.detail) for _, entries in catalog.initiatives_of_org("kammer-test") for e in entries}
    assert roles == {("Vorsitz", "Lenkungskreis"), ("Partner einer Maßnahme", "Glasfaser bis 2020")}
    assert [(pid, role.role) for pid, role in catalog.people_of_org("stadt-test")] == [("erika-muster", "Oberbürgermeisterin")]
    assert catalog.measures_of_org("stadt-test") == [("glasfaser", "Verantwortlich")]
    assert catalog.documents_about("organisations", "stadt-test") == ["pm-eins"]


def test_citations_name_every_part_that_rests_on_a_document() -> None:
    catalog, _ = catalog_for(dt.date(2026, 11, 22))
    parts = {c.record_id: [label for label, _ in c.parts] for c in catalog.citations["pm-eins"]}
    assert parts["masterplan-test"] == ["Status", "Ziele", "Beteiligte", "Gremien", "Arbeitskreise", "Zeitleiste",
                                        "Kennzahlen", "Stellungnahmen", "Grunddaten"]
    assert parts["glasfaser"] == ["Verlauf", "Grunddaten"]
    assert parts["erika-muster"] == ["Rollen"]
    assert parts["stadt-test"] == ["Grunddaten"]
    assert parts["teststadt"] == ["Grunddaten"]  # a region's description rests on its sources


def test_reference_date_and_stand() -> None:
    assert reference_date({"SOURCE_DATE_EPOCH": "1795305600"}) == dt.date(2026, 11, 22)
    changes = {"data/a.yaml": dt.date(2024, 1, 2), "data/b.yaml": dt.date(2025, 3, 4)}
    assert stand(["data/a.yaml", "data/b.yaml"], changes, dt.date(2026, 1, 1)) == dt.date(2025, 3, 4)
    assert stand(["data/neu.yaml"], changes, dt.date(2026, 1, 1)) == dt.date(2026, 1, 1)


def test_json_ld_cannot_close_its_script_element() -> None:
    from portal.structured import script_body

    body = str(script_body({"name": "</script><script>alert(1)</script> & mehr"}))
    assert "<" not in body and ">" not in body and "&" not in body
    import json

    assert json.loads(body)["name"] == "</script><script>alert(1)</script> & mehr"


def test_prose_keeps_readers_on_this_site() -> None:
    from portal.markup import render_prose

    html = str(render_prose("![Logo](https://tracker.example/p.png) [ok](https://example.org) [x](javascript:alert(1)) <b>fett</b>"))
    assert "<img" not in html and "[Bild: Logo]" in html
    assert '<a href="https://example.org" rel="noopener">ok</a>' in html
    assert "javascript:" not in html and "&lt;b&gt;fett&lt;/b&gt;" in html


def test_last_changes_come_from_git_history(tmp_path: Path) -> None:
    import subprocess

    from portal.revision import last_changes

    def git(*args: str, date: str = "2024-05-06T12:00:00") -> None:
        env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
               "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin"}
        subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True, capture_output=True)

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.yaml").write_text("name: A\n", encoding="utf-8")
    (tmp_path / "data" / "b.yaml").write_text("name: B\n", encoding="utf-8")
    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "eins")
    (tmp_path / "data" / "b.yaml").write_text("name: B2\n", encoding="utf-8")
    git("commit", "-qam", "zwei", date="2025-07-08T12:00:00")
    assert last_changes(tmp_path) == {"data/a.yaml": dt.date(2024, 5, 6), "data/b.yaml": dt.date(2025, 7, 8)}
    assert last_changes(tmp_path / "nirgends") == {}
