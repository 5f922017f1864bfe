#!/bin/sh
# Set up roadmapctl with its test extra in .venv (only python3 needed) and run the whole test suite
# on every core (pytest-xdist; tests that share a module-scoped fixture stay in one worker).
# pytest's own exit code is returned unchanged (5 = no tests collected is a failure, not hidden).
#
# The install is editable (the tests run the sources of this tree) and is redone only when
# pyproject.toml changed or .venv's roadmapctl is not this tree's: a reinstall on every run
# cost 6 s of CPU and 15 s of wall time. Arguments go to pytest; a later -n overrides ours
# (`sh scripts/test.sh -n 0` runs in one process).
set -eu
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
stamp=.venv/roadmapctl-test-install
want="$(.venv/bin/python -c 'import hashlib, os, sys; print(hashlib.sha256(open("pyproject.toml", "rb").read()).hexdigest(), os.getcwd())')"
here="$(.venv/bin/python -c 'import os, roadmapctl; print(os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(roadmapctl.__file__)))))' 2>/dev/null || true)"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ] || [ "$here" != "$(pwd -P)" ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
    echo "$want" > "$stamp"
fi
# Bytecode is written (next to the sources, in the __pycache__ folders git ignores) even where the
# environment sets PYTHONDONTWRITEBYTECODE: otherwise every process of every run compiles the same
# sources again. The installed libraries keep the bytecode pip compiled for them.
unset PYTHONDONTWRITEBYTECODE
exec .venv/bin/python -m pytest -n auto --dist loadgroup "$@"
