#!/usr/bin/env bash
# Creates .venv with the locked packages (once; again when the lock file changes).
# Usage: scripts/setup.sh [requirements file]   (default: requirements.txt)
# The requirements file names its lock: requirements.txt installs requirements.lock (site),
# requirements-dev.txt installs requirements-dev.lock (tests). A lock pins every package, transitive
# ones too, with its sha256 hashes (scripts/lock.sh writes it). pip refuses any file whose hash is not
# in the lock (--require-hashes), installs nothing the lock does not name (--no-deps) and runs no
# package's build code (--only-binary: wheels only).
set -euo pipefail
cd "$(dirname "$0")/.."
req="${1:-requirements.txt}"
lock="${req%.txt}.lock"
if [ ! -f "$lock" ]; then
  echo "scripts/setup.sh: kein Lock zu $req (erwartet: $lock; scripts/lock.sh schreibt es)" >&2
  exit 2
fi
stamp=".venv/.installed-$(basename "$lock")"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
if [ ! -f "$stamp" ] || [ "$lock" -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check \
    --require-hashes --no-deps --only-binary :all: -r "$lock"
  touch "$stamp"
fi
