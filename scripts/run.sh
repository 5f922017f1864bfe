#!/bin/sh
# Set up roadmapctl in .venv (first run only needs python3) and run the daily job on roadmaps/:
# check every roadmap, then list what is overdue.
set -eu
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check .
status=0
.venv/bin/roadmapctl check roadmaps/ || status=$?
echo
.venv/bin/roadmapctl overdue roadmaps/ || status=$?
exit "$status"
