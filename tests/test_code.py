"""The code stays clean: ruff finds nothing, mypy type-checks the domain, the hooks and the scripts."""

from __future__ import annotations

import subprocess
import sys

from conftest import BIN, ROOT


def test_ruff() -> None:
    proc = subprocess.run([str(BIN / "ruff"), "check", "hooks", "tests", "scripts", "benchmarks"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy() -> None:
    # The files to check are listed once, in pyproject.toml ([tool.mypy] files).
    proc = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
