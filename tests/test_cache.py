"""The cache of parsed and validated content files (``portal.parsecache``): it never changes a result.

Every check is made on copies of the small fixture and on the broken-input corpus: without the
cache, with a cold cache, with the cache read from disk in a fresh process (the in-memory layer
dropped) and from the in-memory layer, the records, their file positions and every problem are the
same. Edited files are read again, files with problems are never kept, a damaged cache file or a
cache of other code is ignored, and ``PORTAL_CACHE=0`` switches it all off.
"""

from __future__ import annotations

import datetime as dt
import pickle
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, mini_data
from corpus import CASES, Case

from portal import loading, parsecache, reading
from portal.check import load_valid
from portal.loading import Loaded
from portal.problems import ProblemList

TODAY = dt.date(2026, 11, 30)
CACHE_FILE = Path(".cache") / "portal" / "inhalte.pickle"
FAST_CASES = [pytest.param(case, id=case.id) for case in CASES if case.id != "dense-files"]
CASES_BY_ID = {case.id: case for case in CASES}


@pytest.fixture(autouse=True)
def fresh_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts as a new process would: no in-memory layer, the cache switched on."""
    monkeypatch.setattr(parsecache, "_memory", None)
    monkeypatch.delenv("PORTAL_CACHE", raising=False)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files actually parsed (not taken from the cache), as problems name them."""
    parsed: list[str] = []
    original = reading.read_file

    def counting(collection: str, raw: bytes, rel: str) -> Any:
        parsed.append(rel)
        return original(collection, raw, rel)

    monkeypatch.setattr(reading, "read_file", counting)
    return parsed


def outcome(loaded: Loaded, problems: ProblemList) -> dict[str, Any]:
    """Everything a check run gives: records in order, positions, problems as found and as reported."""
    return {
        "records": {name: list(records.items()) for name, records in loaded.records.items()},
        "origins": {key: (origin.path, origin.parsed.data, origin.parsed.positions) for key, origin in loaded.origins.items()},
        "problems": list(loaded.problems),
        "all problems": list(problems.items),
        "report": [problem.render() for problem in problems.sorted()],
        "present": loaded.present,
        "files": loaded.files,
        "checked": loaded.checked,
    }


def run(data: Path) -> dict[str, Any]:
    return outcome(*load_valid(data, TODAY))


def four_ways(data: Path, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The outcome without the cache, cold, from disk in a fresh process, and from memory."""
    monkeypatch.setenv("PORTAL_CACHE", "0")
    without = run(data)
    monkeypatch.delenv("PORTAL_CACHE")
    cold = run(data)
    monkeypatch.setattr(parsecache, "_memory", None)
    from_disk = run(data)
    from_memory = run(data)
    return [without, cold, from_disk, from_memory]


def test_the_fixture_reads_the_same_with_and_without_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               reads: list[str]) -> None:
    data = mini_data(tmp_path / "data")
    files = sum(1 for path in data.rglob("*") if path.is_file())
    without, cold, from_disk, from_memory = four_ways(data, monkeypatch)
    assert without["records"]["initiatives"], "the fixture has content"
    assert without == cold == from_disk == from_memory
    # Parsed without the cache, then cold; the two warm runs parsed nothing.
    assert len(reads) == 2 * files
    assert (tmp_path / CACHE_FILE).is_file()


def test_the_shipped_content_reads_the_same_with_and_without_the_cache(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    without, cold, from_disk, from_memory = four_ways(data, monkeypatch)
    assert without == cold == from_disk == from_memory


@pytest.mark.parametrize("case", FAST_CASES)
def test_every_corpus_case_reads_the_same_with_and_without_the_cache(case: Case, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    data = mini_data(tmp_path / "data")
    case.apply(data)
    without, cold, from_disk, from_memory = four_ways(data, monkeypatch)
    assert without == cold == from_disk == from_memory
    assert without["report"] == list(case.expected(data))


def test_many_files_read_in_worker_processes_give_the_same_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = mini_data(tmp_path / "data")
    CASES_BY_ID["typo-nested"].apply(data)  # a problem too, so problems come back from the workers
    monkeypatch.setenv("PORTAL_CACHE", "0")
    serial = run(data)
    monkeypatch.setattr(reading, "PARALLEL_FROM", 1)
    monkeypatch.setattr(reading, "_CHUNK", 3)
    assert run(data) == serial
    assert serial["report"]


def test_an_edited_file_is_read_again(tmp_path: Path, reads: list[str]) -> None:
    data = mini_data(tmp_path / "data")
    run(data)
    topic = data / "topics" / "flaechen.yaml"
    text = topic.read_text(encoding="utf-8")
    topic.write_text("# eine neue erste Zeile\n" + text.replace("name: Flächen", "name: Neue Flächen"), encoding="utf-8")
    reads.clear()
    after = run(data)
    # Only the edited file is parsed again (the rest comes from the in-memory layer, as in the preview) ...
    assert reads == ["data/topics/flaechen.yaml"]
    assert dict(after["records"]["topics"])["flaechen"].name == "Neue Flächen"
    # ... and its positions are the new ones (one line further down).
    fresh_positions = after["origins"][("topics", "flaechen")][2]
    assert fresh_positions[("name",)][0] == 2
    # The same in a fresh process. For one changed file the cache file is not rewritten (that would
    # cost more than reading the file again), so the fresh process reads it again.
    parsecache._memory = None
    reads.clear()
    assert run(data) == after
    assert reads == ["data/topics/flaechen.yaml"]


def test_the_cache_file_is_rewritten_when_many_files_changed(tmp_path: Path, reads: list[str]) -> None:
    data = mini_data(tmp_path / "data")
    run(data)
    for number in range(parsecache.REWRITE_AFTER + 1):
        (data / "topics" / f"thema-{number}.yaml").write_text(f"name: Thema {number}\n", encoding="utf-8")
    expected = run(data)
    parsecache._memory = None
    reads.clear()
    assert run(data) == expected
    assert reads == []


def test_files_with_problems_are_never_kept_and_always_reported(tmp_path: Path, reads: list[str]) -> None:
    data = mini_data(tmp_path / "data")
    CASES_BY_ID["typo-nested"].apply(data)
    CASES_BY_ID["placeholder-press-text"].apply(data)
    first = run(data)
    assert len(first["report"]) >= 2
    stored = pickle.loads((tmp_path / CACHE_FILE).read_bytes())
    kept = set(stored["entries"])
    verdicts: dict[str, object] = {}
    for rel in {line.split(":")[0] for line in first["report"]}:
        path = tmp_path / rel
        raw = path.read_bytes()
        collection = next(name for name, (folder, _, _) in loading.COLLECTIONS.items() if folder == path.parent.name)
        key = parsecache.file_key(collection, path.suffix == ".md", raw)
        verdicts[rel] = stored["entries"][key][2] if key in kept else "not kept"
    # A file whose reading found a problem is not kept; one whose record has a problem of its own
    # (text left from the template) is kept only as "own checks still to run".
    assert verdicts == {"data/measures/glasfaser.yaml": "not kept", "data/documents/pm-zwei.md": False}
    reads.clear()
    assert run(data) == first
    parsecache._memory = None
    assert run(data) == first


def test_a_damaged_cache_file_is_ignored_and_replaced(tmp_path: Path, reads: list[str]) -> None:
    data = mini_data(tmp_path / "data")
    expected = run(data)
    cache_file = tmp_path / CACHE_FILE
    for damage in (b"", b"kein Pickle", cache_file.read_bytes()[: cache_file.stat().st_size // 2],
                   pickle.dumps({"version": parsecache.code_version(), "entries": "kaputt"}), pickle.dumps([1, 2])):
        cache_file.write_bytes(damage)
        parsecache._memory = None
        reads.clear()
        assert run(data) == expected
        assert reads, "everything was read again"
        assert pickle.loads(cache_file.read_bytes())["version"] == parsecache.code_version()
    assert [path.name for path in cache_file.parent.iterdir()] == [cache_file.name], "no temporary files left"


def test_a_cache_of_other_code_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reads: list[str]) -> None:
    data = mini_data(tmp_path / "data")
    expected = run(data)
    # A cache whose entries would change the result, were they used: every record swapped for another.
    cache_file = tmp_path / CACHE_FILE
    stored = pickle.loads(cache_file.read_bytes())
    other = next(entry for key, entry in stored["entries"].items() if key[0] == "regions")
    stored["entries"] = {key: other if key[0] == "regions" else entry for key, entry in stored["entries"].items()}
    cache_file.write_bytes(pickle.dumps(stored))
    monkeypatch.setattr(parsecache, "_code_version", "eine andere Fassung des Codes")
    parsecache._memory = None
    reads.clear()
    assert run(data) == expected
    assert len(reads) == len(expected["files"])
    # The poisoned cache under its own version would have been used: the version is what protects.
    monkeypatch.setattr(parsecache, "_code_version", stored["version"])
    cache_file.write_bytes(pickle.dumps(stored))
    parsecache._memory = None
    assert run(data) != expected


def test_the_code_version_covers_the_code_and_its_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code = tmp_path / "portal"
    (code / "geodata").mkdir(parents=True)
    (code / "model.py").write_text("x = 1\n")
    (code / "geodata" / "gemeinden.csv").write_text("a;b\n")
    monkeypatch.setattr(parsecache, "_CODE", code)
    versions = []
    for change in (None, ("model.py", "x = 2\n"), ("geodata/gemeinden.csv", "a;c\n")):
        if change:
            (code / change[0]).write_text(change[1])
        monkeypatch.setattr(parsecache, "_code_version", None)
        versions.append(parsecache.code_version())
    assert len(set(versions)) == 3


def test_portal_cache_0_switches_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reads: list[str]) -> None:
    data = mini_data(tmp_path / "data")
    monkeypatch.setenv("PORTAL_CACHE", "0")
    first = run(data)
    second = run(data)
    assert first == second
    assert not (tmp_path / ".cache").exists()
    assert len(reads) == 2 * len(first["files"])


def test_the_cache_does_not_grow_with_old_versions_of_files(tmp_path: Path) -> None:
    data = mini_data(tmp_path / "data")
    topics = [data / "topics" / f"thema-{number}.yaml" for number in range(parsecache.REWRITE_AFTER + 1)]
    for version in range(3):
        for number, topic in enumerate(topics):
            topic.write_text(f"name: Thema {number} in Fassung {version}\n", encoding="utf-8")
        result = run(data)
        stored = pickle.loads((tmp_path / CACHE_FILE).read_bytes())["entries"]
        assert len(stored) == len(result["files"]), "one entry per file, none for old versions"


def test_a_cache_that_cannot_be_written_changes_nothing(tmp_path: Path, reads: list[str]) -> None:
    data = mini_data(tmp_path / "data")
    (tmp_path / ".cache").write_text("eine Datei, kein Ordner")
    first = run(data)
    second = run(data)
    assert first == second
    # The in-memory layer still spares the second run the parsing.
    assert len(reads) == len(first["files"])

