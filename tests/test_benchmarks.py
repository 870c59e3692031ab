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


# --- the scale benchmark (benchmarks/scale.py): its bare twin, its measurements, its table ---------


def test_the_bare_twin_has_a_page_for_each_record_with_the_same_title(tmp_path: Path) -> None:
    import yaml
    from twin import write_twin

    from portal.site import Portal

    data = tmp_path / "data"
    _generated(data)
    today = reference_date()  # the shipped content may cite news of today: never a fixed past date
    counts = write_twin(data, tmp_path / "bare", today)
    plans = Portal(tmp_path, today, data_dir=data).plans
    assert sum(n for name, n in counts.items() if name != "docs") == len(plans) > 100
    for plan in plans.values():
        text = (tmp_path / "bare" / "docs" / plan.src_uri).read_text(encoding="utf-8")
        front = yaml.safe_load(text.split("---\n")[1])
        assert front["title"] == plan.title, plan.src_uri
    # The portal's own Markdown pages are there too, without the portal's templates.
    config = yaml.safe_load((tmp_path / "bare" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"]["name"] == "material" and config["theme"]["language"] == "de"
    assert "hooks" not in config and "plugins" not in config and "custom_dir" not in config["theme"]
    home = (tmp_path / "bare" / "docs" / "index.md").read_text(encoding="utf-8")
    assert "template:" not in home and "](initiativen/masterplan-duisburg.md)" in home


def test_twin_text_is_escaped_markdown() -> None:
    from twin_pages import esc, page

    hostile = "A *fett* [Link](javascript:x) <script>|"
    assert esc(hostile) == r"A \*fett\* \[Link\](javascript:x) \<script\>\|"
    assert page('Titel "mit" Anführung', ["Text"]).startswith('---\ntitle: "Titel \\"mit\\" Anführung"\n---\n\n# Titel')


def test_a_measured_run_reports_cpu_time_and_peak_memory_of_its_child(tmp_path: Path) -> None:
    from scale_measure import measured

    run = measured([sys.executable, "-c", "b = bytearray(80_000_000); sum(range(3_000_000))"], tmp_path)
    assert run.max_rss > 80_000_000 and run.own_rss > 80_000_000  # the command is the largest process here
    assert 0 < run.cpu and 0 < run.wall


def test_a_measured_run_tells_its_own_peak_from_a_larger_helper_process(tmp_path: Path) -> None:
    from scale_measure import measured

    helper = "import subprocess, sys; subprocess.run([sys.executable, '-c', 'b = bytearray(150_000_000)'], check=True)"
    run = measured([sys.executable, "-c", helper], tmp_path)
    assert run.max_rss > 150_000_000  # the helper, as Pagefind is the portal build's
    assert 0 < run.own_rss < 100_000_000


def test_site_size_names_the_largest_pages_and_those_over_budget(tmp_path: Path) -> None:
    import random

    from scale_measure import site_size

    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text("<p>klein</p>", encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text("x" * 600_000, encoding="utf-8")  # raw over 500 KB, gzips small
    noise = random.Random(1).randbytes(150_000).hex()  # 300 KB raw, incompressible beyond hex: over 100 KB gzipped
    (tmp_path / "b.html").write_text(noise, encoding="utf-8")
    (tmp_path / "style.css").write_text("p{}", encoding="utf-8")
    size = site_size(tmp_path)
    assert (size.files, size.html_pages) == (4, 3)
    assert size.largest_raw.path == "a/index.html" and size.largest_gzip.path == "b.html"
    assert [page.path for page in size.over_budget] == ["a/index.html", "b.html"]


def test_the_scale_report_reads_portal_against_bare_with_ratios() -> None:
    from scale_browser import BrowserFigures, PageLoad
    from scale_measure import Page, Run, SiteSize
    from scale_report import Measured, Side, report

    big = Page("massnahmen/index.html", 9_961_472, 1_048_576)
    portal = SiteSize(35_000, 900 * 1024 * 1024, 33_001, big, big, (big,))
    bare = SiteSize(33_500, 450 * 1024 * 1024, 33_001, Page("quellen/index.html", 3 * 1024 * 1024, 300 * 1024),
                    Page("quellen/index.html", 3 * 1024 * 1024, 300 * 1024), ())
    browser = BrowserFigures({"/massnahmen/": PageLoad(6_500.0, 7_500.0, 110_000)}, 850.0, "status=beschlossen")
    full = Measured("full NRW", Side([Run(222.0, 230.0, 1_078 * 2**20), Run(230.0, 240.0, 1_000 * 2**20)], portal, browser),
                    Side([Run(73.0, 75.0, 519 * 2**20)], bare, None),
                    (Run(35.0, 34.0, 455 * 2**20), Run(4.0, 3.5, 300 * 2**20)),
                    [{"Maßnahme": 220.0, "/massnahmen/": None}, {"Maßnahme": 230.0, "/massnahmen/": None},
                     {"Maßnahme": 226.0, "/massnahmen/": 240.0}])
    text = report([full], "python benchmarks/scale.py --fractions 1", "2026-11-30 10:00 UTC", "test machine", "abc1234")
    assert "Command: `python benchmarks/scale.py --fractions 1`" in text and "2026-11-30 10:00 UTC" in text
    assert "| | full NRW |" in text
    assert "| full build, wall time | 226 s / 73.0 s (3.10×) |" in text  # median of two runs
    assert "| peak memory (max RSS of any process) | 1,078 MB / 519 MB (2.08×) |" in text  # the highest peak
    assert "| peak memory of MkDocs' own process | – |" in text  # not known for these runs
    assert "| content check, cold / warm | 35.0 s / 4.00 s (455 MB) |" in text
    assert "| largest HTML page, raw | 9.5 MB `massnahmen/index.html` / 3.0 MB `quellen/index.html` |" in text
    assert "| pages over 100 KB gzipped or 500 KB raw | 1 / 0 |" in text
    assert "| preview: saved change visible on Maßnahme (median) | 226 s |" in text
    assert "| preview: saved change visible on /massnahmen/ (median) | 240 s (2 of 3: not shown after the rebuild) |" in text
    assert "| browser: /massnahmen/, DOMContentLoaded / load | 6,500 / 7,500 ms |" in text
    assert "| browser: /massnahmen/ DOM elements | 110,000 |" in text
    assert "| browser: /massnahmen/ filter change until the count shows it | 850 ms |" in text
    assert "- `massnahmen/index.html`: 9.5 MB raw, 1.0 MB gzipped" in text


def test_the_open_data_benchmark_measures_every_producer_of_the_exports(tmp_path: Path) -> None:
    from open_data import PRODUCERS, measure

    from portal.exports import FILE_SETS

    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", data)
    rows = measure(data, reference_date({"SOURCE_DATE_EPOCH": "1795305600"}))  # the mini fixtures' date
    assert [row[0] for row in rows] == list(PRODUCERS)
    assert set(FILE_SETS) == set(PRODUCERS.values())  # every set of files the build writes is measured
    for name, cpu, count, size, largest, biggest in rows:
        assert cpu >= 0 and count >= 1 and size >= biggest > 0 and largest, name
