"""The benchmarks' synthetic content (``benchmarks/synthetic.py``): valid under the content model and
the same files for the same seed, so that figures measured on it can be reproduced."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from portal.check import load_valid
from portal.revision import reference_date

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import synthetic  # noqa: E402

FRACTION = 1 / 200


def _generated(target: Path, seed: int = 13) -> dict[str, int]:
    shutil.copytree(ROOT / "data", target)
    return synthetic.generate(target, FRACTION, seed)


def _files(data: Path) -> dict[str, bytes]:
    return {str(path.relative_to(data)): path.read_bytes() for path in sorted(data.rglob("*")) if path.is_file()}


def test_synthetic_content_is_valid_and_of_the_asked_size(tmp_path: Path) -> None:
    shipped = {folder: sum(1 for _ in (ROOT / "data" / folder).iterdir()) for folder in synthetic.FOLDERS}
    written = _generated(tmp_path / "data")
    loaded, problems = load_valid(tmp_path / "data", reference_date())
    assert not problems, problems.report()
    for folder, count in synthetic.counts(FRACTION).items():
        assert written[folder] - shipped[folder] == count, folder
        assert len(loaded.records[folder]) >= count, folder
    # Dates of several precisions, and drafts are possible but never cited (the check above).
    notations = {record.date.notation() for record in loaded.records["documents"].values()}  # type: ignore[attr-defined]
    assert any(len(n) == 10 for n in notations) and any(len(n) == 7 for n in notations)
    assert any(n.split()[0] in synthetic.SEASONS for n in notations if " " in n)
    assert "unbekannt" in notations or any(len(n) == 4 for n in notations)


def test_same_seed_same_files_other_seed_other_files(tmp_path: Path) -> None:
    first, second, other = (tmp_path / "a", tmp_path / "b", tmp_path / "c")
    _generated(first), _generated(second), _generated(other, seed=14)
    assert _files(first) == _files(second)
    assert _files(first) != _files(other)


def test_synthetic_text_is_german_prose_without_markup(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _generated(data)
    bodies = [path.read_text(encoding="utf-8").split("---", 2)[2] for path in (data / "documents").glob("*.md")
              if not (ROOT / "data" / "documents" / path.name).exists()]
    words = " ".join(bodies).split()
    assert len(words) / len(bodies) >= 60  # press items of realistic length
    assert not any(char in " ".join(bodies) for char in "<>[]`")
    assert {"und", "die", "der"} <= set(words)


def test_search_report_judges_the_targets_by_the_slowest_and_heaviest_query() -> None:
    from search_report import Index, Measured, Run, report

    def tenth(ms_at_load: float, search_bytes: int) -> Measured:
        quick = Run((90_000, 30_000), (150_000, 120_000), (150_000, 120_000), 200.0, 5_000_000, 12, 250.0)
        slow = Run((90_000, 30_000), (150_000, 120_000), (search_bytes * 2, search_bytes), 300.0, 5_000_000, 3, ms_at_load)
        return Measured("tenth", 3460, 30.0, {"pagefind": Index(3581, 9_000_000, 8_900_000)},
                        {("pagefind", "Fachkraft"): [quick], ("pagefind", "2023"): [slow]})

    met = report([tenth(900.0, 480_000)], 1, "156", 1.0)
    assert "pagefind: slowest first results 900 ms" in met and "480.0 KB" in met and "meets both targets" in met
    assert "| tenth | pagefind | 2023 | 3 |" in met
    assert "misses the targets" in report([tenth(1_200.0, 480_000)], 1, "156", 1.0)
    assert "misses the targets" in report([tenth(900.0, 520_000)], 1, "156", 1.0)
