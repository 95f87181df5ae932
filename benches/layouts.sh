#!/usr/bin/env bash
# Compares ways of running `finsent score` on one archive (thread layouts, batch sizes, ...),
# alternating them so machine noise hits them alike; prints the median wall time,
# sentences/s and the largest peak RSS of each. The sentence cache is off.
#   benches/layouts.sh ARCHIVE.jsonl [ROUNDS] [LAYOUT...]
# A LAYOUT is a string of finsent flags. Default layouts: -j 1; -j N with N single-threaded
# sessions (one per worker); -j N with one session of N intra-op threads (N = cores).
#   benches/layouts.sh a200.jsonl 3 "--max-batch 4" "--max-batch 8" "--max-batch 64"
set -euo pipefail
archive=$1
rounds=${2:-3}
shift $(( $# < 2 ? $# : 2 ))
cores=$(nproc)
bin=$(dirname "$0")/../target/release/finsent
[ -x "$bin" ] || cargo build --release --quiet
layouts=("$@")
[ ${#layouts[@]} -gt 0 ] || layouts=("-j 1 --intra-threads 1" "-j $cores --intra-threads 1" "-j $cores --intra-threads $cores")
declare -A times rates rss
log=$(mktemp)
mem=$(mktemp)
trap 'rm -f "$log" "$mem"' EXIT
for ((r = 0; r < rounds; r++)); do
  for layout in "${layouts[@]}"; do
    # shellcheck disable=SC2086
    /usr/bin/time -f "%M" -o "$mem" "$bin" score "$archive" $layout --no-sentence-cache 2>"$log" >/dev/null
    line=$(grep 'skipped; ' "$log")
    times[$layout]+="$(sed -E 's/.* in ([0-9.]+) s .*/\1/' <<<"$line") "
    rates[$layout]+="$(sed -E 's/.*\(([0-9.]+) sentences\/s\).*/\1/' <<<"$line") "
    rss[$layout]+="$(tail -1 "$mem") "
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
largest() { tr ' ' '\n' | grep -v '^$' | sort -g | tail -1; }
printf '%-36s %10s %12s %14s\n' layout "median s" "sentences/s" "peak RSS MB"
for layout in "${layouts[@]}"; do
  printf '%-36s %10s %12s %14s\n' "$layout" "$(median <<<"${times[$layout]}")" "$(median <<<"${rates[$layout]}")" \
    "$(( $(largest <<<"${rss[$layout]}") / 1024 ))"
done
