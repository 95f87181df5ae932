#!/usr/bin/env bash
# Side-by-side throughput: finsent vs Python with the same ONNX model vs a BERT-base
# transformers pipeline (benches/compare.py). Installs the Python contestants into a venv
# outside the repository (FINSENT_COMPARE_VENV), builds finsent in release mode, and
# generates the archive when given a number instead of a file.
#   benches/compare.sh 1000 [compare.py options]      # generated archive of 1000 articles
#   benches/compare.sh archive.jsonl [options]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv=${FINSENT_COMPARE_VENV:-$HOME/.cache/finsent/compare-venv}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet -r "$here/requirements-compare.txt"
(cd "$here/.." && cargo build --release --quiet)
archive=$1
shift
if [[ "$archive" =~ ^[0-9]+$ ]]; then
  generated=$(mktemp --suffix=.jsonl)
  python3 "$here/gen_archive.py" "$archive" --seed 1 -o "$generated"
  archive=$generated
fi
exec "$venv/bin/python" "$here/compare.py" "$archive" "$@"
