"""The incremental preview's decisions without MkDocs: which outputs a save rebuilds (``portal.incremental``),
which records a detail page shows (``portal.page_inputs``), and the background jobs that never overlap."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from portal.incremental import Background, Memory, long_words, remove_output, shown_collections, template_of
from portal.page_inputs import Graph

VOCABULARY = frozenset({"gewerbe", "flächen", "industrie", "markt"})


def _never() -> frozenset[str]:
    raise AssertionError("a full build needs no vocabulary")


def _exists(path: str) -> bool:
    return True


def test_the_first_build_and_a_change_of_everything_rebuild_all() -> None:
    memory = Memory()
    plan = memory.plan("A", {"a.html": "1", "b.html": "1"}, _exists, _never)
    assert plan.full and plan.rebuild == {"a.html", "b.html"} and plan.remove == set()
    memory.finished(lambda: VOCABULARY)
    plan = memory.plan("B", {"a.html": "1", "b.html": "1"}, _exists, lambda: VOCABULARY)
    assert plan.full and plan.rebuild == {"a.html", "b.html"}


def test_only_changed_missing_and_new_outputs_are_rebuilt_and_vanished_ones_removed() -> None:
    memory = Memory()
    memory.plan("A", {"a.html": "1", "b.html": "1", "c.html": "1", "gone.html": "1"}, _exists, _never)
    memory.finished(lambda: VOCABULARY)
    plan = memory.plan("A", {"a.html": "2", "b.html": "1", "c.html": "1", "new.html": "1"},
                       lambda path: path != "c.html", lambda: VOCABULARY)
    assert not plan.full
    assert plan.rebuild == {"a.html", "c.html", "new.html"}
    assert plan.remove == {"gone.html"}


def test_an_unfinished_build_leaves_the_memory_as_it_was() -> None:
    memory = Memory()
    memory.plan("A", {"a.html": "1"}, _exists, _never)
    memory.finished(lambda: VOCABULARY)
    memory.plan("A", {"a.html": "2"}, _exists, lambda: VOCABULARY)  # the build fails: no finished()
    assert memory.plan("A", {"a.html": "2"}, _exists, lambda: VOCABULARY).rebuild == {"a.html"}
    memory.forget()
    assert memory.plan("A", {"a.html": "2"}, _exists, _never).full


def test_a_new_word_rebuilds_only_pages_whose_compounds_now_split_differently() -> None:
    memory = Memory()
    memory.plan("A", {"flaechen.html": "1", "markt.html": "1", "anders.html": "1"}, _exists, _never)
    memory.remember("flaechen.html", "<article><p>Gewerbeflächen und Wassernetze</p></article>")
    memory.remember("markt.html", "<article><p>Arbeitsmarkt</p></article>")
    memory.remember("anders.html", "<article><p>Wasserstoff</p></article>")  # contains "wasser", splits nowhere
    memory.finished(lambda: VOCABULARY)
    # "wasser" and "netze" enter the content: only "Wassernetze" now splits ("wasser|netze").
    plan = memory.plan("A", {"flaechen.html": "1", "markt.html": "1", "anders.html": "1"}, _exists,
                       lambda: VOCABULARY | {"wasser", "netze"})
    assert plan.rebuild == {"flaechen.html"}


def test_long_words_are_those_of_the_article_only() -> None:
    page = "<nav>Navigationsleiste</nav><article><h1>Gewerbeflächen</h1><p>und <b>Industrie</b>park, Markt</p></article>"
    # Words of at least eight letters (shorter ones never split), lowercase, once each, sorted.
    assert long_words(page) == "gewerbeflächen industrie"


def test_template_and_collections_of_a_page() -> None:
    assert template_of("---\ntitle: Impressum\ntemplate: legal.html\n---\nText") == "legal.html"
    assert template_of("# Keine Vorderseite\n") == ""
    assert template_of("---\ntitle: Leitfaden\n---\n```yaml\ntemplate: home.html\n```\n") == ""  # not in front matter
    assert shown_collections("legal.html") == frozenset()
    assert "measures" in shown_collections("measures.html") and "measures" in shown_collections("")


def test_removing_an_output_removes_the_folders_it_leaves_empty(tmp_path: Path) -> None:
    page = tmp_path / "themen" / "alt" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("x", encoding="utf-8")
    (tmp_path / "themen" / "index.html").write_text("y", encoding="utf-8")
    remove_output(tmp_path, "themen/alt/index.html")
    assert not (tmp_path / "themen" / "alt").exists() and (tmp_path / "themen" / "index.html").exists()


def test_background_jobs_never_overlap_and_the_last_waiting_one_runs() -> None:
    background = Background()
    running = threading.Lock()
    ran: list[str] = []

    def job(name: str) -> Any:
        def run() -> None:
            assert running.acquire(blocking=False), "two jobs at once"
            time.sleep(0.05)
            ran.append(name)
            running.release()
        return run

    for name in ("eins", "zwei", "drei"):
        background.start(job(name))
    background.wait()
    assert ran == ["eins", "drei"]  # "zwei" was replaced while it waited


def test_a_measure_page_shows_its_initiative_owner_partners_sources_and_documents(catalog: Any) -> None:
    graph = Graph()
    graph.update(catalog, {})
    shown = graph.shown("measures", "glasfaser")
    assert {("initiatives", "masterplan-test"), ("organisations", "stadt-test"), ("organisations", "kammer-test"),
            ("documents", "pm-eins"), ("topics", "flaechen")} <= shown
    # Its siblings are those of its working group; "fertig" has none, only the initiative's count shows it.
    assert ("measures", "fertig") not in shown and graph.counts("measures", "glasfaser") == "2"


def test_a_list_of_measures_depends_on_the_regions_it_is_filtered_by(catalog: Any) -> None:
    graph = Graph()
    graph.update(catalog, {})
    # kammer-test is a partner of glasfaser: its page lists the measure, filtered by the region of
    # the measure's initiative and every region above it.
    assert {("measures", "glasfaser"), ("regions", "teststadt"), ("regions", "land")} <= graph.shown(
        "organisations", "kammer-test")


def test_a_region_page_shows_what_lies_below_it(catalog: Any) -> None:
    graph = Graph()
    graph.update(catalog, {})
    shown = graph.shown("regions", "land")
    assert {("regions", "teststadt"), ("initiatives", "masterplan-test"), ("measures", "glasfaser"),
            ("organisations", "stadt-test")} <= shown


def test_references_are_walked_again_only_for_changed_files(catalog: Any, monkeypatch: Any) -> None:
    import portal.page_inputs as page_inputs

    graph = Graph()
    versions = {(c, k): "v1" for c, records in catalog.records.items() for k in records}
    graph.update(catalog, versions)
    walked: list[Any] = []
    original = page_inputs.references
    monkeypatch.setattr(page_inputs, "references", lambda record: walked.append(record) or original(record))
    graph.update(catalog, {**versions, ("measures", "fertig"): "v2"})
    assert walked == [catalog.measures["fertig"]]
