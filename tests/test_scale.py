"""The page budget of issue 14 at 1/10 of North Rhine-Westphalia: the portal built over seeded synthetic
content (``benchmarks/synthetic.py``) has no HTML page over 100 KB gzipped or 500 KB raw.

The content is generated once per session with a fixed seed and checked first (it must be valid, or
the budget says nothing). Page sizes are measured with the benchmark's own ``site_size`` (gzip level 6,
as a web server sends pages), so the test and ``benchmarks/scale.py`` agree on what is over budget.
Speed is not asserted here: ``benchmarks/scale.py`` measures it.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from conftest import Build, builds, make_project, run_build

from portal.check import load_valid
from portal.revision import reference_date

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import synthetic  # noqa: E402
from scale_measure import BUDGET_GZIP, BUDGET_RAW, GZIP_LEVEL, site_size  # noqa: E402

FRACTION = 0.1
SEED = 13


@pytest.fixture(scope="session")
def tenth_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content plus synthetic content for 1/10 of NRW (seed 13)."""
    data = tmp_path_factory.mktemp("tenth") / "data"
    shutil.copytree(ROOT / "data", data)
    synthetic.generate(data, FRACTION, SEED)
    return data


@pytest.fixture(scope="session")
@builds(slow=True)
def tenth_site(tenth_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The portal built strictly over the 1/10 NRW content with the real date: the set holds the shipped
    content, which may cite news of today."""
    build = run_build(make_project(tmp_path_factory.mktemp("tenth-site"), tenth_data), epoch=None)
    assert build.returncode == 0, build.output[-5000:]
    return build


@pytest.mark.slow
def test_the_generated_tenth_of_nrw_is_valid_and_of_its_size(tenth_data: Path) -> None:
    loaded, problems = load_valid(tenth_data, reference_date())  # real date: the shipped part may cite news of today
    assert not problems, problems.report()
    for folder, count in synthetic.counts(FRACTION).items():
        assert len(loaded.records[folder]) >= count, folder


def test_every_page_of_the_tenth_of_nrw_is_within_the_page_budget(tenth_site: Build) -> None:
    size = site_size(tenth_site.site)
    assert size.html_pages > 3000  # the whole site was measured, not a few pages
    over = [f"{page.path}: {page.raw / 1024:,.0f} KB raw, {page.gzipped / 1024:,.0f} KB gzipped (gzip -{GZIP_LEVEL})"
            for page in size.over_budget]
    assert not over, (f"{len(over)} Seiten über dem Budget von {BUDGET_GZIP // 1024} KB gzip / {BUDGET_RAW // 1024} KB roh:\n"
                      + "\n".join(over))
