#!/usr/bin/env bash
# Checks all content under data/ without building the site; prints every problem in German.
# Exit code 0: everything is fine; 1: problems were found.
# Files read before with the same bytes come from .cache/portal/ (portal.parsecache; the result is the
# same); PORTAL_CACHE=0 scripts/check.sh reads every file afresh.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || scripts/setup.sh requirements.txt >&2
PYTHONPATH=hooks exec .venv/bin/python -m portal.check "${1:-data}"
