"""Loading and validation: every broken input gives a German message with file, line, field and hint."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import line_of, mini_data

from portal.check import load_valid, main
from portal.problems import Problem



@pytest.fixture()
def data(tmp_path: Path) -> Path:
    """A writable copy of the small valid content set, as ``<tmp>/data``."""
    return mini_data(tmp_path / "data")


def edit(path: Path, old: str, new: str) -> None:
    """Replace ``old`` (which must occur) by ``new`` in a content file."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def problems_of(data: Path) -> list[Problem]:
    return load_valid(data)[1].sorted()


def only(data: Path) -> Problem:
    found = problems_of(data)
    assert len(found) == 1, [p.render() for p in found]
    return found[0]


def test_the_fixture_is_valid(data: Path) -> None:
    assert problems_of(data) == []


def test_typo_in_field_name_names_line_and_suggests(data: Path) -> None:
    (data / "topics" / "neu.yaml").write_text("name: Neu\ndescriptoin: Text\n", encoding="utf-8")
    problem = only(data)
    assert (problem.path, problem.line, problem.column, problem.field) == ("data/topics/neu.yaml", 2, 1, "descriptoin")
    assert problem.message == "ist kein bekanntes Feld"
    assert "description" in problem.hint
    assert problem.render().startswith("data/topics/neu.yaml:2:1: Feld 'descriptoin': ist kein bekanntes Feld")


def test_misspelt_required_field_is_reported_first_and_in_its_place(data: Path) -> None:
    (data / "topics" / "neu.yaml").write_text("description: Text\nnmae: Neu\n", encoding="utf-8")
    first, second = problems_of(data)
    assert (first.line, first.field, first.hint) == (2, "nmae", "meinten Sie name?")
    assert (second.line, second.field, second.message, second.hint) == (2, "name", "fehlt, ist aber Pflicht", "steht vielleicht als 'nmae' da")


def test_missing_field_without_a_likely_typo_stays_at_its_section(data: Path) -> None:
    (data / "topics" / "neu.yaml").write_text("description: Text\nbezeichnung: Neu\n", encoding="utf-8")
    missing, unknown = problems_of(data)
    assert (missing.line, missing.field, missing.hint) == (1, "name", "")
    assert (unknown.line, unknown.field) == (2, "bezeichnung")


def test_unknown_source_is_looked_up_by_title_and_the_newest_are_named(data: Path) -> None:
    for name, title, date in (("pm-a", "Neue Halle eröffnet", "2019"), ("pm-b", "Ausbildungsmesse", "2024-02"),
                              ("pm-c", "Ohne Datum", "unbekannt"), ("pm-d", "Später", "2030")):
        (data / "documents" / f"{name}.md").write_text(f'---\ntitle: {title}\ntype: nachricht\ndate: "{date}"\n---\nText\n',
                                                       encoding="utf-8")
    edit(data / "organisations" / "kammer-test.yaml", "sources: [pm-eins]", "sources: [neue-halle]")
    problem = load_valid(data, dt.date(2026, 11, 30))[1].sorted()[0]
    # pm-d is dated after the reference day and so cannot be cited yet; the draft neither.
    assert problem.hint == "meinten Sie pm-a? die neuesten Quellen: pm-b, pm-a, pm-eins"


def test_duplicate_key_is_refused(data: Path) -> None:
    (data / "topics" / "neu.yaml").write_text("name: Neu\ndescription: a\nname: Alt\n", encoding="utf-8")
    problem = only(data)
    assert (problem.line, problem.field) == (3, "name")
    assert "doppelt (zuerst in Zeile 1)" in problem.message


def test_tab_gives_german_syntax_error(data: Path) -> None:
    (data / "topics" / "neu.yaml").write_text("name: Neu\n\tdescription: a\n", encoding="utf-8")
    problem = only(data)
    assert problem.line == 2
    assert "YAML-Syntaxfehler" in problem.message and "Tabulator" in problem.message


def test_unknown_reference_suggests_closest_id(data: Path) -> None:
    edit(data / "measures" / "glasfaser.yaml", "owner: stadt-test", "owner: stadt-tset")
    problem = only(data)
    assert problem.field == "owner" and problem.line == line_of(data / "measures" / "glasfaser.yaml", "owner: stadt-tset")
    assert "'stadt-tset' gibt es nicht in data/organisations/" in problem.message
    assert "stadt-test" in problem.hint


def test_nested_reference_points_at_list_item(data: Path) -> None:
    path = data / "initiatives" / "masterplan-test.yaml"
    text = path.read_text(encoding="utf-8").replace("      - person: erika-muster", "      - person: max-muster")
    path.write_text(text, encoding="utf-8")
    problem = only(data)
    assert problem.field == "bodies[1].chairs[2].person"
    assert (problem.line, problem.column) == (line_of(path, "- person: max-muster"), 9)


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        ('start: "2017-03"', 'start: "2017-02-30"', "start", "kein gültiger Kalendertag"),
        ('start: "2017-03"', 'start: "20.03.2017"', "start", "kein erkanntes Datum"),
        ("status: laufend,", "status: aktiv,", "history[1].status", "'aktiv' ist kein erlaubter Wert"),
        ("title: Masterplan Test", "title: Masterplan <script>x</script>", "title", "spitzen Klammern"),
        ("title: Masterplan Test", "title: no", "title", "erwartet wird Text, gefunden: den Wahrheitswert false"),
        ("short_name: MPT", "short_name: [MPT]", "short_name", "erwartet wird Text"),
        ('history: [{date: "2017-03-20", status: laufend, note: Die Arbeit läuft laut Pressemitteilung., sources: [pm-eins]}]\n', "",
         "history", "fehlt, ist aber Pflicht"),
        ("value: 100000", 'value: "100.000"', "key_figures[1].value", "erwartet wird eine Zahl"),
        ("size: {min: 15, max: 20}", "size: {min: 20, max: 15}", "working_groups[1].size", "kleiner als min"),
        ('start: "2017-03"', 'start: "2017-03"\nend: "2016"', "end", "liegt vor dem Beginn"),
    ],
)
def test_initiative_field_errors(data: Path, old: str, new: str, field: str, words: str) -> None:
    path = data / "initiatives" / "masterplan-test.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    problem = only(data)
    assert problem.field == field
    assert words in problem.message
    assert problem.path == "data/initiatives/masterplan-test.yaml"


def test_non_http_url_is_refused(data: Path) -> None:
    edit(data / "organisations" / "stadt-test.yaml", "https://stadt.example/", "javascript:alert(1)")
    problem = only(data)
    assert problem.field == "website" and "https://" in problem.message


def test_bad_file_name_cannot_become_an_address(data: Path) -> None:
    (data / "topics" / "Neues Thema.yaml").write_text("name: Neu\n", encoding="utf-8")
    problem = only(data)
    assert problem.field == "Dateiname" and "Kleinbuchstaben" in problem.hint


def test_working_group_must_belong_to_the_initiative(data: Path) -> None:
    edit(data / "measures" / "glasfaser.yaml", "working_group: ak-flaechen", "working_group: ak-flaeche")
    problem = only(data)
    assert problem.field == "working_group" and "ak-flaechen" in problem.hint


def test_history_must_be_in_order(data: Path) -> None:
    edit(data / "measures" / "fertig.md", '"2018-05"', '"2016-05"')
    problem = only(data)
    assert problem.field == "history[2].date" and "vor dem vorigen Eintrag" in problem.message


def test_front_matter_missing_or_unterminated(data: Path) -> None:
    (data / "documents" / "ohne.md").write_text("title: x\n\nText\n", encoding="utf-8")
    (data / "documents" / "offen.md").write_text("---\ntitle: x\n\nText\n", encoding="utf-8")
    found = {p.path: p for p in problems_of(data)}
    assert "fehlen oder sind nicht abgeschlossen" in found["data/documents/ohne.md"].message
    assert "nicht mit einer Zeile --- abgeschlossen" in found["data/documents/offen.md"].hint


def test_empty_and_non_utf8_files(data: Path) -> None:
    (data / "topics" / "leer.yaml").write_text("", encoding="utf-8")
    (data / "topics" / "latin.yaml").write_bytes("name: Fläche\n".encode("latin-1"))
    found = {p.path: p for p in problems_of(data)}
    assert found["data/topics/leer.yaml"].message == "Die Datei ist leer"
    assert "nicht in UTF-8" in found["data/topics/latin.yaml"].message


def test_alias_bomb_is_stopped(data: Path) -> None:
    lines = ["a: &a ['x','x','x','x','x','x','x','x','x','x']"]
    for i in range(1, 9):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}"] * 10) + "]")
    (data / "topics" / "bombe.yaml").write_text("\n".join(lines) + "\nname: x\n", encoding="utf-8")
    problem = only(data)
    assert "zu viele Einträge" in problem.message


def test_references_to_drafts_are_refused(data: Path) -> None:
    edit(data / "organisations" / "kammer-test.yaml", "[pm-eins]", "[entwurf]")
    problem = only(data)
    assert "Entwurf" in problem.message


def test_every_problem_is_reported_at_once(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data / "topics" / "a.yaml").write_text("name: A\ntitel: x\n", encoding="utf-8")
    (data / "topics" / "b.yaml").write_text("name: [\n", encoding="utf-8")
    (data / "regions" / "c.yaml").write_text("name: C\nkind: dorf\nparent: nirgendwo\n", encoding="utf-8")
    assert main([str(data)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("3 Probleme in den Inhalten:")
    for where in ("data/topics/a.yaml:2:1", "data/topics/b.yaml:", "data/regions/c.yaml:2:1"):
        assert where in err


def test_future_items_publish_on_their_date_and_cannot_be_cited_before(data: Path) -> None:
    import datetime as dt

    from portal.catalog import Catalog

    edit(data / "documents" / "pm-eins.md", 'date: "2017-03-20"', 'date: "2026-11-23"')
    problems = load_valid(data, dt.date(2026, 11, 22))[1].sorted()
    assert problems and all("erscheint erst am 2026-11-23 (Datum in der Zukunft)" in p.message for p in problems)
    loaded, later = load_valid(data, dt.date(2026, 11, 23))
    assert not later
    assert "pm-eins" in Catalog(loaded.records, dt.date(2026, 11, 23)).documents
    assert "pm-eins" not in Catalog(loaded.records, dt.date(2026, 11, 22)).documents
