#!/usr/bin/env bash
# Rebuilds models/gazetteer/gazetteer.jsonl (see build_gazetteer.py). Needs ../shared/data
# (or --sec PATH) and pip; the venv lives outside the repository.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv=${FINSENT_GAZETTEER_VENV:-$HOME/.cache/finsent/gazetteer-venv}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet -r "$here/requirements.txt"
exec "$venv/bin/python" "$here/build_gazetteer.py" "$@"
