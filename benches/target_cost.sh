#!/usr/bin/env bash
# The wall-time cost of target passes, side by side in one run: `finsent score` on the
# generated archive with the shipped fast model, and with a copy of it whose config.json has
# no `target_format` (so no unit is scored toward a company), alternating, ROUNDS rounds;
# prints each run and the medians. Usage: benches/target_cost.sh [ARTICLES] [ROUNDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
articles=${1:-1000}
rounds=${2:-3}
finsent=${FINSENT:-${CARGO_TARGET_DIR:-$root/target}/release/finsent}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
model=$root/models/finsent-minilm-v2
mkdir "$work/plain"
cp "$model/model.onnx" "$model/tokenizer.json" "$work/plain/"
python3 -c 'import json,sys; c=json.load(open(sys.argv[1])); c.pop("target_format"); json.dump(c, open(sys.argv[2], "w"))' \
    "$model/config.json" "$work/plain/config.json"
python3 "$root/benches/gen_archive.py" "$articles" --seed 1 -o "$work/archive.jsonl"
for round in $(seq "$rounds"); do
    for run in plain targets; do
        dir=$work/plain; [ "$run" = targets ] && dir=$model
        start=$(date +%s.%N)
        "$finsent" score "$work/archive.jsonl" -q --model "$dir" -o "$work/out.jsonl"
        echo "$round $run $(echo "$(date +%s.%N) - $start" | bc)"
    done
done | tee "$work/times"
python3 - "$work/times" <<'PY'
import statistics, sys
runs = [line.split() for line in open(sys.argv[1])]
median = {k: statistics.median(float(r[2]) for r in runs if r[1] == k) for k in ("plain", "targets")}
print(f"medians: {median['plain']:.2f} s without target passes, {median['targets']:.2f} s with them, "
      f"{100 * (median['targets'] / median['plain'] - 1):+.1f} %")
PY
