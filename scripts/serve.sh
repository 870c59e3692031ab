#!/usr/bin/env bash
# Sets up the Python environment and serves the portal with live reload on http://127.0.0.1:8000.
# --dirty: after a save only the pages whose content changed are rebuilt (hooks/portal/incremental.py).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements.txt
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs serve --dirty --dev-addr "127.0.0.1:${PORT:-8000}" "$@"
