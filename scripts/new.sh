#!/usr/bin/env bash
# Creates a new, valid content file from a template, e.g.
#   scripts/new.sh presse --titel "Neue Pressemitteilung" --herausgeber ihk-duisburg
# `scripts/new.sh --help` and `scripts/new.sh presse --help` list the options.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || scripts/setup.sh requirements.txt >&2
PYTHONPATH=hooks exec .venv/bin/python -m portal.scaffold "$@"
