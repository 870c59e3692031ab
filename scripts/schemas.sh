#!/usr/bin/env bash
# Regenerates the JSON Schemas in schemas/ and .vscode/settings.json from the content model.
# Run it after changing hooks/portal/model.py and commit the result (a test checks they match).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || scripts/setup.sh requirements.txt
cd hooks && exec ../.venv/bin/python -m portal.schema ..
