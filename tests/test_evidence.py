"""A status is as strong as its dated source and says how old that news is (issue 10).

Unit tests of the rules in ``portal.evidence``, then fixture builds with a fixed reference date
(2026-11-22) for each case the model must express: a source that only announces, a stale and an
undated source, a recent one, examples from a larger set, a role that ended, the overdue wording,
the configured stale period, and the open data that carries both dates.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from conftest import Build, mini_variant, squash

from portal.dates import VagueDate
from portal.evidence import Evidence, configured_years, initiative_state, is_stale, stale_text, years_before

TODAY = dt.date(2026, 11, 22)
D = VagueDate.parse


# --- the rules ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("last", "years", "stale"), [
    (None, 2, True),                      # undated is never silently current
    (D("2024-11-23"), 2, False),          # one day inside the period
    (D("2024-11-22"), 2, False),          # exactly two years: not yet "over two years"
    (D("2024-11-21"), 2, True),
    (D("2024"), 2, False),                # a year counts until its last day, 31 December 2024
    (D("2023"), 2, True),
    (D("Herbst 2024"), 2, False),         # autumn 2024 runs to November 2024
    (D("2017-03-20"), 10, False),         # a longer configured period
])
def test_stale_counts_from_the_last_possible_day(last: VagueDate | None, years: int, stale: bool) -> None:
    assert is_stale(last, TODAY, years) is stale


def test_stale_wording_names_full_years() -> None:
    assert stale_text(None, TODAY) == "keine datierte Meldung"
    assert stale_text(D("2017-03-20"), TODAY) == "seit über 9 Jahren ohne Meldung"
    assert stale_text(D("2017"), TODAY) == "seit über 8 Jahren ohne Meldung"
    assert stale_text(D("2025-10"), TODAY) == "seit über einem Jahr ohne Meldung"


def test_a_leap_day_has_a_year_before() -> None:
    assert years_before(dt.date(2028, 2, 29), 2) == dt.date(2026, 2, 28)


def test_running_needs_a_dated_recent_source() -> None:
    recent = Evidence(("pm",), D("2026-01-10"))
    old = Evidence(("pm",), D("2017-03-20"))
    undated = Evidence(("pm",), None)
    assert initiative_state("laufend", recent, TODAY, 2).key == "laufend"
    assert initiative_state("laufend", old, TODAY, 2).key == "unklar"
    assert initiative_state("laufend", old, TODAY, 2).reason == "zuletzt als laufend gemeldet"
    assert initiative_state("laufend", undated, TODAY, 2).key == "unklar"
    # Announced and ended stay what the source says: the page adds the age, it does not upgrade or downgrade.
    assert initiative_state("angekuendigt", old, TODAY, 2).label == "angekündigt"
    assert initiative_state("abgeschlossen", undated, TODAY, 2).label == "beendet"


@pytest.mark.parametrize("value", ["zwei", 0, 51, True, 2.5])
def test_the_stale_period_must_be_whole_years(value: object) -> None:
    with pytest.raises(ValueError, match="stale_after_years"):
        configured_years(value)


# --- fixture builds -------------------------------------------------------------------------------


PM_DATE = ("documents/pm-eins.md", 'date: "2017-03-20"')
INITIATIVE = "initiatives/masterplan-test.yaml"


def test_an_old_running_source_reads_as_unclear(mini_site: Build) -> None:
    text = mini_site.text("initiativen/masterplan-test/")
    assert "Status Stand unklar – zuletzt als laufend gemeldet laut „Pressemitteilung eins“ (Quelle vom 20. März 2017)" in text
    assert "seit über 9 Jahren ohne Meldung" in text
    tag = mini_site.html("initiativen/masterplan-test/").select_one(".portal-facts a.portal-status--unklar")
    assert tag is not None and tag["href"].endswith("methode/#initiative-unklar")


@pytest.mark.build
def test_a_recent_source_lets_the_page_say_running(tmp_path: Path) -> None:
    build = mini_variant(tmp_path, (*PM_DATE, 'date: "2026-01-10"'))
    assert build.returncode == 0, build.output
    text = build.text("initiativen/masterplan-test/")
    assert "Status läuft laut „Pressemitteilung eins“ (Quelle vom 10. Januar 2026)" in text
    assert "ohne Meldung" not in text
    assert "neueste Quelle vom 10. Januar 2026" in text


@pytest.mark.build
def test_an_undated_source_says_so_everywhere(tmp_path: Path) -> None:
    build = mini_variant(tmp_path, (*PM_DATE, "date: unbekannt"))
    assert build.returncode == 0, build.output
    measure = build.text("massnahmen/glasfaser/")
    assert "Status beschlossen laut „Pressemitteilung eins“ (Quelle undatiert)" in measure
    assert "Letzte Meldung keine datierte Meldung; jüngster datierter Eintrag im Verlauf: 16. März 2017" in measure
    assert "keine der Quellen dieser Seite ist datiert" in measure
    initiative = build.text("initiativen/masterplan-test/")
    assert "zuletzt als laufend gemeldet laut „Pressemitteilung eins“ (Quelle undatiert)" in initiative
    # The static lists show each measure's evidence (the overview's short items show status, overdue
    # flag, initiative and target only).
    listing = build.text("massnahmen/status/beschlossen/")
    assert "beschlossen (Quelle undatiert)" in listing
    # Nothing about it is dated: the undated source itself is the stale flag, said once, not twice.
    flag = build.html("massnahmen/status/beschlossen/").select_one("ul.portal-measures [data-portal-item] a.portal-status--stale")
    assert flag.get_text() == "Quelle undatiert" and flag["href"].endswith("methode/#ohne-meldung")
    assert "keine datierte Meldung" not in listing


@pytest.mark.build
def test_an_announced_measure_is_not_shown_as_started(tmp_path: Path) -> None:
    build = mini_variant(tmp_path, ("measures/glasfaser.yaml", "status: beschlossen", "status: angekuendigt"))
    assert build.returncode == 0, build.output
    page = build.html("massnahmen/glasfaser/")
    tag = page.select_one(".portal-facts a.portal-status--angekuendigt")
    assert tag is not None and tag.get_text() == "angekündigt"
    assert tag["href"].endswith("methode/#status-angekuendigt")
    assert "in Umsetzung" not in build.text("massnahmen/glasfaser/")
    overview = build.html("massnahmen/")
    assert overview.find(id="status-angekuendigt").get_text() == "Angekündigt (1)"  # with its count


def test_overdue_names_the_target_and_the_last_news_separately(mini_site: Build) -> None:
    text = mini_site.text("massnahmen/glasfaser/")
    assert "Zieltermin 2020 verstrichen; letzte Meldung: beschlossen (Quelle vom 20. März 2017)" in text
    assert "(seit" not in text  # the status date no longer reads as the day the target lapsed


@pytest.mark.build
def test_examples_are_never_shown_as_a_complete_list(tmp_path: Path) -> None:
    listed = ("measures_listed:\n  scope: beispiele\n  total: 33\n  total_label: konkrete Projekte beschlossen\n"
              "  sources: [pm-eins]\nworking_groups:")
    build = mini_variant(tmp_path, (INITIATIVE, "working_groups:", listed))
    assert build.returncode == 0, build.output
    text = build.text("initiativen/masterplan-test/")
    assert "Laut Quelle 33 konkrete Projekte beschlossen; hier 2 als Beispiele aus der Quelle" in text
    assert "Alle" not in text
    assert "Alle" not in build.text("massnahmen/fertig/")


def test_without_a_selection_the_page_claims_no_completeness(mini_site: Build) -> None:
    text = mini_site.text("initiativen/masterplan-test/")
    assert "2 Maßnahmen, die die Quellen nennen; ob es weitere gibt, sagen sie nicht." in text


@pytest.mark.build
def test_roles_carry_their_source_date_and_end(tmp_path: Path) -> None:
    build = mini_variant(tmp_path, ("people/erika-muster.yaml", "    role: Oberbürgermeisterin\n",
                                 "    role: Oberbürgermeisterin\n    end: \"2020\"\n"))
    assert build.returncode == 0, build.output
    text = build.text("personen/erika-muster/")
    assert "laut „Pressemitteilung eins“ vom 20. März 2017: Oberbürgermeisterin, Stadt Test bis 2020" in text
    ld = json.loads(build.html("personen/erika-muster/").find("script", type="application/ld+json").string)
    assert "jobTitle" not in ld and "worksFor" not in ld
    meta = build.html("personen/erika-muster/").find("meta", attrs={"name": "description"})["content"]
    assert meta == "In den Quellen genannt als Oberbürgermeisterin, Stadt Test (laut Quelle vom 20. März 2017)"


@pytest.mark.build
def test_the_stale_period_is_configured(tmp_path: Path) -> None:
    build = mini_variant(tmp_path, config=lambda text: text.replace("stale_after_years: 2", "stale_after_years: 10"))
    assert build.returncode == 0, build.output
    text = build.text("initiativen/masterplan-test/")
    assert "Status läuft laut „Pressemitteilung eins“ (Quelle vom 20. März 2017)" in text
    assert "ohne Meldung" not in text


@pytest.mark.build
def test_a_wrong_stale_period_stops_the_build_in_german(tmp_path: Path) -> None:
    build = mini_variant(tmp_path, config=lambda text: text.replace("stale_after_years: 2", "stale_after_years: zwei"))
    assert build.returncode != 0
    assert "extra: stale_after_years: 'zwei' ist keine Zahl von Jahren zwischen 1 und 50" in build.output
    assert not (build.site / "index.html").exists()


def test_footer_separates_the_change_date_from_the_newest_source(mini_site: Build) -> None:
    stand = " ".join(mini_site.html("initiativen/masterplan-test/").select_one(".portal-stand").get_text(" ").split())
    assert "Inhalt zuletzt geändert am" in stand
    assert "neueste Quelle vom 20. März 2017" in stand
    assert "Stand der Daten" not in stand


def test_open_data_carries_evidence_and_both_dates(mini_site: Build) -> None:
    data = json.loads((mini_site.site / "daten" / "massnahmen.json").read_text(encoding="utf-8"))
    initiatives = json.loads((mini_site.site / "daten" / "initiativen.json").read_text(encoding="utf-8"))["inhalte"]
    assert data["meldungsfrist_jahre"] == 2
    glasfaser = data["inhalte"]["glasfaser"]
    assert glasfaser["status_quelle_vom"] == "2017-03-20"
    assert glasfaser["letzte_meldung"] == "2017-03-20"
    assert glasfaser["ohne_aktuelle_meldung"] is True
    assert glasfaser["neueste_quelle_vom"] == "2017-03-20"
    assert "inhalt_geaendert" in glasfaser
    assert data["inhalte"]["fertig"]["ohne_aktuelle_meldung"] is False  # finished: nothing more to report
    initiative = initiatives["masterplan-test"]
    assert initiative["angezeigter_status"] == "unklar" and initiative["history"][-1]["status"] == "laufend"
    text = (mini_site.site / "daten" / "massnahmen.csv").read_text(encoding="utf-8-sig")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text), delimiter=";")}
    assert rows["glasfaser"]["status_quelle_vom"] == "2017-03-20"
    assert rows["glasfaser"]["ohne_aktuelle_meldung"] == "ja"
    assert rows["glasfaser"]["letzte_meldung"] == "2017-03-20"


def test_region_pages_mark_geography_and_cite_their_description(mini_site: Build) -> None:
    text = mini_site.text("regionen/teststadt/")
    assert "Art und Zugehörigkeit sind allgemeine Geografie, keine Angaben aus den Quellen." in text
    assert "(Quelle: Pressemitteilung eins)" in text


def test_an_announced_event_whose_date_passed_says_nobody_reported_it(mini_site: Build) -> None:
    text = mini_site.text("zeitleiste/2018/")  # the year's page of the timeline
    assert "Angekündigt für Frühjahr 2018; ob es stattfand, meldet keine Quelle." in text
    assert text.count("ob es stattfand") == 1  # the conference took place; only the review is open


def test_an_old_dated_source_gets_the_stale_note_once(mini_site: Build) -> None:
    item = mini_site.html("massnahmen/status/beschlossen/").select_one("ul.portal-measures [data-status=beschlossen]")
    text = squash(item.get_text(" "))
    assert "beschlossen (Quelle vom 20. März 2017)" in text
    assert text.count("seit über 9 Jahren ohne Meldung") == 1
