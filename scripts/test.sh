#!/bin/sh
# Set up roadmapctl with its test extra in .venv (only python3 needed) and run the whole test suite.
# pytest's own exit code is returned unchanged (5 = no tests collected is a failure, not hidden).
set -eu
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check ".[test]"
exec .venv/bin/python -m pytest "$@"
