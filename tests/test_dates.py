"""Vague dates: parsing the editors' notation, German display, deadlines, ordering."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.dates import DateError, Precision, VagueDate


@pytest.mark.parametrize(
    ("text", "precision", "german", "iso"),
    [
        ("2023-01-20", Precision.DAY, "20. Januar 2023", "2023-01-20"),
        ("2017-03", Precision.MONTH, "März 2017", "2017-03"),
        ("2020", Precision.YEAR, "2020", "2020"),
        (2045, Precision.YEAR, "2045", "2045"),
        ("Frühjahr 2018", Precision.SEASON, "Frühjahr 2018", "2018"),
        ("Anfang 2023", Precision.EARLY, "Anfang 2023", "2023"),
        ("unbekannt", Precision.UNKNOWN, "Datum nicht bekannt", ""),
    ],
)
def test_parse_and_show(text: object, precision: Precision, german: str, iso: str) -> None:
    date = VagueDate.parse(text)
    assert date.precision is precision
    assert date.german() == german
    assert date.iso() == iso
    assert VagueDate.parse(date.notation()) == date


@pytest.mark.parametrize("text", ["2023-02-30", "2023-13", "20.01.2023", "Sommeranfang 2020", "", True, 3.5, "irgendwann"])
def test_rejects_impossible_or_unknown_forms(text: object) -> None:
    with pytest.raises(DateError) as error:
        VagueDate.parse(text)
    assert "erwartet" in str(error.value) or "gültig" in str(error.value) or "gibt es nicht" in str(error.value)


def test_a_year_deadline_runs_to_its_last_day() -> None:
    assert VagueDate.parse("2020").last_day() == dt.date(2020, 12, 31)
    assert VagueDate.parse("Frühjahr 2018").last_day() == dt.date(2018, 5, 31)
    assert VagueDate.parse("Winter 2019").last_day() == dt.date(2020, 2, 29)
    assert VagueDate.parse("2024-02").last_day() == dt.date(2024, 2, 29)
    assert VagueDate.parse("unbekannt").last_day() is None


def test_sorting_puts_unknown_last_and_precise_first() -> None:
    dates = [VagueDate.parse(t) for t in ("unbekannt", "2018", "2017-03-16", "Frühjahr 2018", "2017")]
    ordered = [d.notation() for d in sorted(dates, key=VagueDate.sort_key)]
    assert ordered == ["2017", "2017-03-16", "2018", "Frühjahr 2018", "unbekannt"]


@pytest.mark.parametrize(("text", "write"), [
    ("März 2024", "'2024-03' schreiben"),
    ("märz 2024", "'2024-03' schreiben"),
    ("MÄRZ 2024", "'2024-03' schreiben"),
    ("Maerz 2024", "'2024-03' schreiben"),
    ("Dezember 2019", "'2019-12' schreiben"),
    ("27. November 2026", "'2026-11-27' schreiben"),
    ("27.november 2026", "'2026-11-27' schreiben"),
    ("1. Januar 2020", "'2020-01-01' schreiben"),
    ("27.11.2026", "'2026-11-27' schreiben"),
])
def test_month_names_get_the_notation_to_write(text: str, write: str) -> None:
    """German month names (Babel's, in any case, ä also as ae) are refused with the notation to write instead."""
    with pytest.raises(DateError) as error:
        VagueDate.parse(text)
    assert error.value.hint == write
    assert VagueDate.parse(write.split("'")[1]).known


def test_impossible_day_with_a_month_name_says_why() -> None:
    with pytest.raises(DateError, match="den 30. Februar 2024 gibt es nicht"):
        VagueDate.parse("30. Februar 2024")


def test_a_word_that_is_no_month_is_not_taken_for_one() -> None:
    with pytest.raises(DateError) as error:
        VagueDate.parse("Mitte 2024")
    assert error.value.hint.startswith("'2024' schreiben")
