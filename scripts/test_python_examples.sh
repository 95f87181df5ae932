#!/usr/bin/env bash
# The examples' Python tests (examples/test_*.py), in a venv outside the repository with
# pinned pandas and pyarrow from PyPI (FINSENT_PYTEST_VENV, default
# ~/.cache/finsent/pytest-venv). Run by .ci/run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv=${FINSENT_PYTEST_VENV:-$HOME/.cache/finsent/pytest-venv}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet pandas==3.1.1 pyarrow==26.0.1
for test in "$root"/examples/test_*.py; do
    "$venv/bin/python" "$test"
done
