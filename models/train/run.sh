#!/usr/bin/env bash
# One command: builds the pinned venv (outside the repo) and trains, exports, quantizes and
# checks finsent's model. Extra arguments go to train.py (see `train.py --help`).
# FINSENT_TRAIN_VENV sets the venv location (default: ~/.cache/finsent/train-venv).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv=${FINSENT_TRAIN_VENV:-$HOME/.cache/finsent/train-venv}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet -r "$here/requirements.txt"
cd "$here"
exec "$venv/bin/python" train.py "$@"
