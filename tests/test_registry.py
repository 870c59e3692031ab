"""The page-type registry and outputs described as data (issue 11): the README's walk-throughs
"Add a page type" and "Add a column" done as tests, and what every declaration must satisfy."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from conftest import FIXTURES, ROOT

from portal import pages
from portal.catalog import Catalog
from portal.check import load_valid
from portal.context import BuildContext
from portal.exports import MEASURE_COLUMNS, table_csv
from portal.model import COLLECTIONS
from portal.pagetypes import PAGE_TYPES, PageType, Section
from portal.urls import SECTIONS, url_for

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    loaded, problems = load_valid(FIXTURES / "mini", TODAY)
    assert not problems, problems.report()
    return Catalog(loaded.records, TODAY)


def test_every_collection_has_one_page_type_with_its_template() -> None:
    assert set(PAGE_TYPES) == set(COLLECTIONS)
    assert len(set(SECTIONS.values())) == len(SECTIONS)  # no two page types share an address
    for name, declared in PAGE_TYPES.items():
        assert declared.collection == name
        assert (ROOT / "overrides" / declared.template).is_file(), declared.template
        anchors = [s.anchor for s in declared.sections if s.anchor]
        assert len(anchors) == len(set(anchors)), name


def test_every_declaration_describes_every_record(catalog: Catalog) -> None:
    for name, declared in PAGE_TYPES.items():
        for key in declared.records(catalog):
            assert declared.title(catalog, key) and declared.description(catalog, key), (name, key)
            declared.intro(catalog, key)
            if declared.describe:
                data = declared.describe(catalog, key, "https://example.org/")
                assert data["@context"] == "https://schema.org"
                assert data["@id"] == "https://example.org/" + url_for(name, key)


def test_withheld_documents_get_no_page(catalog: Catalog) -> None:
    plans = pages.plan_pages(catalog, _files(catalog))
    assert "entwurf" in catalog.withheld and "entwurf" not in catalog.documents
    assert not any(plan.record_id == "entwurf" for plan in plans)


def test_add_a_page_type(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    """README, "Add a page type": one entry in the registry (plus its template) is all it takes."""
    topic_maps = PageType(
        "topics", "themen", "topic-map.html", "Thema",
        description=lambda c, key: f"Karte: {c.topics[key].name}",
        intro=PAGE_TYPES["topics"].intro,
        sections=(Section("karte", "Karte"),),
    )
    monkeypatch.setattr(pages, "PAGE_TYPES", {**PAGE_TYPES, "topics": topic_maps})
    planned = [plan for plan in pages.plan_pages(catalog, _files(catalog)) if plan.collection == "topics"]
    assert [plan.template for plan in planned] == ["topic-map.html"] * len(catalog.topics)
    assert planned[0].description.startswith("Karte: ")
    assert [s.anchor for s in topic_maps.present_sections(catalog, planned[0].record_id)] == ["karte"]


def test_add_a_column(catalog: Catalog) -> None:
    """README, "Add a field": a new CSV column is one (header, getter) pair; header and cells cannot drift."""
    columns = [*MEASURE_COLUMNS, ("themen", lambda ctx, key: ", ".join(ctx.catalog.measures[key].topics))]
    text = table_csv(BuildContext(catalog, "", TODAY), columns, catalog.sorted_ids("measures"))
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][-1] == "themen" and all(len(row) == len(columns) for row in rows)
    assert dict(zip(rows[0], rows[2], strict=True))["themen"] == "flaechen"  # glasfaser, the second measure by title


def test_sections_are_declared_once_and_cited_by_their_label(catalog: Catalog) -> None:
    initiative = PAGE_TYPES["initiatives"]
    assert initiative.section_for("goals").label == "Ziele"
    assert initiative.section_for("summary").label == "Grunddaten"
    cited = {c.record_id: c.parts for c in catalog.citations["pm-eins"]}
    assert ("Ziele", "ziele") in cited["masterplan-test"]
    assert initiative.section_named("presse").title == "Presse und Dokumente"  # heading longer than its link label


def _files(catalog: Catalog) -> dict[tuple[str, str], str]:
    return {(name, key): f"data/{name}/{key}" for name, records in catalog.records.items() for key in records}


@pytest.mark.parametrize(("site_url", "scope"), [
    ("", "/"), ("https://nrw.github.io/", "/"), ("https://nrw.github.io/portal/", "/portal/"),
    ("https://nrw.github.io/portal", "/portal/"), ("https://example.org/a/b/", "/a/b/"),
])
def test_the_storage_key_the_privacy_statement_names_follows_the_site_address(site_url: str, scope: str) -> None:
    """Material scopes browser storage by the site root's path; the Datenschutzerklärung names the key
    (computed in Python now, no URL parsing in legal.html)."""
    from portal.urls import storage_scope

    assert storage_scope(site_url) == scope
