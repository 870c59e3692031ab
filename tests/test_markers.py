"""The markers that select tests (browser, build, slow; tests/conftest.py) can be trusted."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_project, mini_data, run_build


def test_a_test_without_the_build_marker_may_not_build(tmp_path: Path) -> None:
    for build in (lambda: make_project(tmp_path / "project", None), lambda: run_build(tmp_path)):
        with pytest.raises(AssertionError, match="is not marked 'build'"):
            build()
    assert not (tmp_path / "project").exists()


def test_fixtures_give_their_markers(request: pytest.FixtureRequest) -> None:
    session_items = {item.nodeid: item for item in request.session.items}
    for item in session_items.values():
        fixtures = set(getattr(item, "fixturenames", ()))
        if "browser" in fixtures:
            assert item.get_closest_marker("browser"), item.nodeid
        if fixtures & {"real_site", "mini_site"}:
            assert item.get_closest_marker("build"), item.nodeid


def test_the_small_content_set_can_be_copied_without_a_build(tmp_path: Path) -> None:
    data = mini_data(tmp_path / "data", ("topics/flaechen.yaml", "name:", "name: Neu und"),
                     write={"topics/neu.yaml": "name: Neu\n"})
    assert (data / "topics" / "flaechen.yaml").read_text(encoding="utf-8").startswith("name: Neu und")
    assert (data / "topics" / "neu.yaml").read_text(encoding="utf-8") == "name: Neu\n"
    with pytest.raises(AssertionError, match="not found"):
        mini_data(tmp_path / "other", ("topics/flaechen.yaml", "gibt es nicht", "x"))
