#!/usr/bin/env bash
# Creates a new, valid content file from a template, e.g. (the ids exist in data/)
#   scripts/new.sh presse --titel "Neue Pressemitteilung" --herausgeber niederrheinische-ihk --initiative masterplan-duisburg
# A press item starts as a draft (draft: true). `scripts/new.sh --help` (also -h, or no arguments)
# explains the kinds of file with examples in German; `scripts/new.sh presse --help` lists the options.
# Needs bash and a Linux-style Python venv (Linux, macOS, WSL on Windows; not Git Bash with Windows Python).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || scripts/setup.sh requirements.txt >&2
PYTHONPATH=hooks exec .venv/bin/python -m portal.scaffold "$@"
