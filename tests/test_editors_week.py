"""An editor's week on a copy of the shipped content, with the real date: CI stays green.

The editor records news the way the guide says: a press item dated today, cited by a measure whose
completion it reports; an organisation renamed (the old name kept in ``former_names``); a person's
role ended; a draft; an item dated next month that nothing cites yet. The content check accepts the
result, the strict build succeeds, and every content check of test_build_real.py holds on it.
Records are picked from whatever the content holds today, so the test keeps working as it changes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import Build, builds, make_project, run_build
from test_build_real import CONTENT_CHECKS, check_every_internal_link_and_anchor_resolves, shipped_catalog

from portal.catalog import FINISHED, Catalog
from portal.check import load_valid
from portal.urls import url_for

NEWS = "redaktion-meldung-der-woche"
DRAFT = "redaktion-entwurf-der-woche"
LATER = "redaktion-vorschau-naechster-monat"


def _front(path: Path) -> tuple[dict[str, Any], str]:
    """A record's fields and, for Markdown files, the text below the front matter."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".md":
        return yaml.safe_load(text), ""
    _, head, body = text.split("---\n", 2)
    return yaml.safe_load(head), body


def _write(path: Path, fields: dict[str, Any], body: str = "") -> None:
    dumped = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{dumped}---\n{body}" if path.suffix == ".md" else dumped, encoding="utf-8")


def _file(data: Path, folder: str, record_id: str) -> Path:
    return next(path for path in (data / folder).iterdir() if path.stem == record_id)


def _press(today: dt.date, initiative: str, measure: str, publisher: str, **extra: Any) -> dict[str, Any]:
    return {"title": "Maßnahme abgeschlossen", "type": "pressemitteilung", "date": today.isoformat(), "publisher": publisher,
            "initiatives": [initiative], "measures": [measure], **extra}


def editors_week(data: Path, today: dt.date) -> dict[str, str]:
    """Make the week's changes in ``data``; return the ids they touched."""
    catalog = shipped_catalog(data, today)
    # The measure: overdue if any is, else one still open, else any.
    measure_id = next(iter(catalog.overdue_ids()), None) or next(
        (key for key in catalog.sorted_ids("measures") if catalog.status(key) not in FINISHED), catalog.sorted_ids("measures")[0])
    measure = catalog.measures[measure_id]
    publisher = measure.owner or catalog.sorted_ids("organisations")[0]
    docs = data / "documents"
    _write(docs / f"{NEWS}.md", _press(today, measure.initiative, measure_id, publisher),
           "Die Stadt meldet, dass die Maßnahme abgeschlossen ist.\n")
    _write(docs / f"{DRAFT}.md", _press(today, measure.initiative, measure_id, publisher, draft=True), "Noch nicht fertig.\n")
    _write(docs / f"{LATER}.md", _press(today + dt.timedelta(days=30), measure.initiative, measure_id, publisher),
           "Erscheint im nächsten Monat.\n")

    path = _file(data, "measures", measure_id)
    fields, body = _front(path)
    fields["history"].append({"date": today.isoformat(), "status": "abgeschlossen",
                              "note": "Laut Pressemitteilung abgeschlossen.", "sources": [NEWS]})
    _write(path, fields, body)

    org_id = catalog.sorted_ids("organisations")[0]
    path = _file(data, "organisations", org_id)
    fields, _ = _front(path)
    old = fields["name"]
    fields["name"] = f"{old} (neuer Name)"
    fields["former_names"] = [*fields.get("former_names", []), {"name": old, "sources": [NEWS]}]
    _write(path, fields)

    person_id, role_index = next((pid, index) for pid in catalog.sorted_ids("people")
                                 for index, role in enumerate(catalog.people[pid].roles)
                                 if role.end is None and (role.start is None or (role.start.first_day() or today) <= today))
    path = _file(data, "people", person_id)
    fields, _ = _front(path)
    fields["roles"][role_index]["end"] = today.isoformat()
    fields["roles"][role_index]["sources"] = [*fields["roles"][role_index]["sources"], NEWS]
    _write(path, fields)
    return {"measure": measure_id, "organisation": org_id, "person": person_id}


@pytest.fixture(scope="module")
@builds(slow=True)  # the shipped content, edited, checked and built: about 4 s
def week(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Catalog, dict[str, str]]:
    root = make_project(tmp_path_factory.mktemp("woche"), None)
    today = dt.date.today()
    touched = editors_week(root / "data", today)
    _, problems = load_valid(root / "data", today)
    assert not problems, problems.report()
    build = run_build(root, epoch=None)
    assert build.returncode == 0, build.output
    return build, shipped_catalog(root / "data", today), touched


def test_the_week_is_on_the_site(week: tuple[Build, Catalog, dict[str, str]]) -> None:
    build, catalog, touched = week
    measure = build.html(url_for("measures", touched["measure"]))
    assert measure.find(class_="portal-overdue") is None
    assert "abgeschlossen" in measure.select_one("dl.portal-facts").get_text(" ")
    assert (build.site / url_for("documents", NEWS) / "index.html").is_file()
    for hidden in (DRAFT, LATER):
        assert not (build.site / url_for("documents", hidden)).exists(), hidden
    organisation = build.text(url_for("organisations", touched["organisation"]))
    assert "(neuer Name)" in organisation
    assert catalog.organisations[touched["organisation"]].former_names[-1].name in organisation


@pytest.mark.parametrize("check", CONTENT_CHECKS, ids=lambda check: check.__name__)
def test_every_content_check_holds_after_the_week(week: tuple[Build, Catalog, dict[str, str]], check: Any) -> None:
    build, catalog, _ = week
    check(build, catalog)


def test_links_still_resolve_after_the_week(week: tuple[Build, Catalog, dict[str, str]]) -> None:
    check_every_internal_link_and_anchor_resolves(week[0])
