#!/usr/bin/env bash
# Regenerates the lock files (every package, transitive ones too, pinned with its sha256 hashes)
# from the human-edited inputs. Run it after every change to an input, also after a Dependabot
# bump: tests/test_dependencies.py fails until the locks match the inputs.
#
#   input                                   lock                            installed by
#   requirements.txt                        requirements.lock               scripts/setup.sh requirements.txt (site, CI's deploy build)
#   requirements-dev.txt                    requirements-dev.lock           scripts/setup.sh requirements-dev.txt (tests)
#   requirements.txt + $PROPERDOCS below    requirements-properdocs.lock    scripts/test.sh (.venv-properdocs)
#
# Usage: scripts/lock.sh              keep every version already locked, change only what an input demands
#        scripts/lock.sh --upgrade    also move unpinned (transitive) packages to their newest versions
#        (further arguments go to `uv pip compile`, e.g. --upgrade-package certifi)
#
# The tool is uv (`uv pip compile --generate-hashes`), installed at a pinned version into the
# throwaway venv .venv-lock/ (git-ignored). It resolves for Python 3.11.0 on Linux x86_64, so the
# locks install on every 3.11.x (Debian's 3.11.2 as well as GitHub's newest 3.11), and writes the hash
# of every file the index serves for each locked version (all wheels and the sdist): pip finds a
# matching hash whichever file it picks, here and on GitHub's runners.
# The site lock is resolved first; the other two are resolved with it as a constraint, so a package
# shared by the site and the tests has the same version in all three locks (the tests test what CI
# deploys, and scripts/serve.sh and scripts/test.sh can install into the same .venv without
# changing each other's packages).
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSION=0.13.9
PROPERDOCS="properdocs==1.6.7"   # the maintained fork of MkDocs 1.x, built by tests/test_tools.py

if [ ! -x .venv-lock/bin/uv ] || [ "$(.venv-lock/bin/uv --version | cut -d' ' -f2)" != "$UV_VERSION" ]; then
  python3 -m venv .venv-lock
  .venv-lock/bin/python -m pip install --quiet --disable-pip-version-check --only-binary :all: "uv==$UV_VERSION"
fi

compile() {
  # --no-config: no uv.toml of this machine or user changes the result.
  .venv-lock/bin/uv pip compile --quiet --no-config --generate-hashes \
    --python-version 3.11 --python-platform x86_64-unknown-linux-gnu \
    --custom-compile-command scripts/lock.sh "$@"
}

compile "$@" requirements.txt -o requirements.lock
compile "$@" -c requirements.lock requirements-dev.txt -o requirements-dev.lock
printf -- '-r requirements.txt\n%s\n' "$PROPERDOCS" \
  | compile "$@" -c requirements.lock - -o requirements-properdocs.lock
echo "requirements.lock, requirements-dev.lock, requirements-properdocs.lock geschrieben."
