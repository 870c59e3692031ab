"""Every Python package is locked with hashes, the locks match their inputs, and the venv matches the lock.

requirements.txt and requirements-dev.txt are edited by people (and Dependabot); scripts/lock.sh turns
them into requirements*.lock, which scripts/setup.sh and scripts/test.sh install with --require-hashes.
"""

from __future__ import annotations

import re
import subprocess
import sys
from importlib import metadata

import pytest

from conftest import ROOT

RELOCK = "scripts/lock.sh ausführen"
LOCKS = {  # lock -> the inputs it is made from (scripts/lock.sh)
    "requirements.lock": ["requirements.txt"],
    "requirements-dev.lock": ["requirements-dev.txt", "requirements.txt"],
    "requirements-properdocs.lock": ["requirements.txt", "scripts/lock.sh"],
}
# What `python3 -m venv` puts into every venv; the locks leave them out.
VENV_SEEDS = {"pip", "setuptools", "wheel"}
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==(?P<version>[^\s;\\]+)")
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}\b")


def normalize(name: str) -> str:
    """The package name as PyPI compares names (PEP 503): 'PyYAML' and 'pyyaml' are one package."""
    return re.sub(r"[-_.]+", "-", name).lower()


def lock_entries(lock: str) -> list[str]:
    """The lock's requirements, one string each, continuation lines joined and comments dropped."""
    entries: list[str] = []
    current = ""
    for line in (ROOT / lock).read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not current and (not stripped or stripped.startswith("#")):
            continue
        current += " " + stripped.removesuffix("\\").strip()
        if not stripped.endswith("\\"):
            entries.append(current.strip())
            current = ""
    assert not current, f"{lock}: die letzte Zeile endet mit '\\'"
    return entries


def locked(lock: str) -> dict[str, str]:
    """Package -> version in ``lock``."""
    pins = {}
    for entry in lock_entries(lock):
        match = PIN.match(entry)
        assert match, f"{lock}: {entry[:80]!r} ist kein Paket==Version"
        pins[normalize(match["name"])] = match["version"]
    return pins


def input_pins(path: str) -> dict[str, str]:
    """Package -> version pinned in a human-edited requirements file (its own lines, not its -r files)."""
    pins = {}
    for line in (ROOT / path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        match = PIN.match(line)
        assert match, f"{path}: {line!r} ist nicht mit == gepinnt (die Eingaben pinnen jedes direkte Paket)"
        pins[normalize(match["name"])] = match["version"]
    return pins


def properdocs_pin() -> dict[str, str]:
    """The ProperDocs pin that scripts/lock.sh adds to requirements.txt for the ProperDocs venv."""
    match = re.search(r'^PROPERDOCS="(properdocs==[^"\s]+)"', (ROOT / "scripts" / "lock.sh").read_text(encoding="utf-8"), re.M)
    assert match, "scripts/lock.sh: PROPERDOCS=\"properdocs==…\" fehlt"
    pin = PIN.match(match[1])
    assert pin
    return {"properdocs": pin["version"]}


def expected_pins(lock: str) -> dict[str, str]:
    pins: dict[str, str] = {}
    for source in LOCKS[lock]:
        pins.update(properdocs_pin() if source == "scripts/lock.sh" else input_pins(source))
    return pins


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_every_lock_entry_is_pinned_with_hashes(lock: str) -> None:
    entries = lock_entries(lock)
    assert len(entries) >= 20, f"{lock}: zu wenige Pakete ({len(entries)}): {RELOCK}"
    for entry in entries:
        assert not entry.startswith("-"), f"{lock}: Optionen gehören nicht ins Lock: {entry[:80]!r}"
        assert PIN.match(entry), f"{lock}: {entry[:80]!r} pinnt keine Version mit =="
        assert HASH.search(entry), f"{lock}: {entry[:80]!r} hat kein --hash=sha256:"
        assert not re.search(r"--hash=(?!sha256:[0-9a-f]{64}\b)", entry), f"{lock}: {entry[:80]!r}: nur sha256-Hashes"
    assert len(locked(lock)) == len(entries), f"{lock}: ein Paket steht zweimal darin"
    assert "scripts/lock.sh" in (ROOT / lock).read_text(encoding="utf-8").split("\n", 3)[1], \
        f"{lock}: nicht von scripts/lock.sh geschrieben"


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_every_input_pin_is_in_its_lock(lock: str) -> None:
    pins = locked(lock)
    wrong = [f"{name}=={version} (im Lock: {pins.get(name, 'fehlt')})"
             for name, version in sorted(expected_pins(lock).items()) if pins.get(name) != version]
    assert not wrong, f"{lock} passt nicht zu {', '.join(LOCKS[lock])}: {'; '.join(wrong)} – {RELOCK}"


def test_shared_packages_have_one_version_in_all_locks() -> None:
    """The tests run with the versions CI deploys with; setup for the site never changes a test package."""
    site = locked("requirements.lock")
    for lock in ("requirements-dev.lock", "requirements-properdocs.lock"):
        other = locked(lock)
        differ = [f"{name}: {site[name]} / {other[name]}" for name in sorted(site.keys() & other.keys()) if site[name] != other[name]]
        assert not differ, f"requirements.lock und {lock} pinnen verschieden: {'; '.join(differ)} – {RELOCK}"
        assert site.keys() <= other.keys(), f"{lock} fehlt {sorted(site.keys() - other.keys())} – {RELOCK}"


def test_the_running_venv_is_the_dev_lock() -> None:
    pins = locked("requirements-dev.lock")
    installed = {normalize(dist.metadata["Name"]): dist.version for dist in metadata.distributions()}
    redo = "scripts/setup.sh requirements-dev.txt ausführen (oder .venv löschen und neu anlegen)"
    wrong = [f"{name}: installiert {installed.get(name, 'nicht')}, Lock {version}"
             for name, version in sorted(pins.items()) if installed.get(name) != version]
    assert not wrong, f"Die venv ({sys.prefix}) weicht von requirements-dev.lock ab: {'; '.join(wrong)} – {redo}"
    extra = sorted(set(installed) - set(pins) - VENV_SEEDS)
    assert not extra, f"In der venv ({sys.prefix}) ist mehr installiert als requirements-dev.lock nennt: {extra} – " \
                      "rm -rf .venv && scripts/setup.sh requirements-dev.txt"
    # --no-deps installs only what the lock names: pip check proves nothing a package needs is missing.
    proc = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_setup_and_test_scripts_install_only_from_locks_with_hashes() -> None:
    for script in ("scripts/setup.sh", "scripts/test.sh"):
        text = (ROOT / script).read_text(encoding="utf-8")
        installs = [line for line in re.sub(r"\\\n\s*", " ", text).splitlines() if "pip install" in line]
        assert installs, script
        for line in installs:
            for flag in ("--require-hashes", "--no-deps", "--only-binary :all:"):
                assert flag in line, f"{script}: {flag} fehlt in {line.strip()!r}"
            assert re.search(r"-r \S+\.lock\b|-r \"\$lock\"", line), f"{script}: installiert nicht aus einem Lock: {line.strip()!r}"
