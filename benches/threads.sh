#!/usr/bin/env bash
# Compares thread layouts of `finsent score` on one archive, alternating the layouts so
# machine noise hits them alike, and prints the median wall time and sentences/s of each.
#   benches/threads.sh ARCHIVE.jsonl [ROUNDS]
# Layouts: -j 1; -j N with N single-threaded sessions (one per worker); -j N with one
# session of N intra-op threads (N = number of cores).
set -euo pipefail
archive=$1
rounds=${2:-3}
cores=$(nproc)
bin=$(dirname "$0")/../target/release/finsent
[ -x "$bin" ] || cargo build --release --quiet
layouts=("-j 1 --intra-threads 1" "-j $cores --intra-threads 1" "-j $cores --intra-threads $cores")
declare -A times rates
for ((r = 0; r < rounds; r++)); do
  for layout in "${layouts[@]}"; do
    # shellcheck disable=SC2086
    line=$("$bin" score "$archive" $layout --no-tickers 2>&1 >/dev/null | tail -1)
    times[$layout]+="$(sed -E 's/.* in ([0-9.]+) s .*/\1/' <<<"$line") "
    rates[$layout]+="$(sed -E 's/.*\(([0-9.]+) sentences\/s\).*/\1/' <<<"$line") "
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '%-32s %10s %14s\n' layout "median s" "sentences/s"
for layout in "${layouts[@]}"; do
  printf '%-32s %10s %14s\n' "$layout" "$(median <<<"${times[$layout]}")" "$(median <<<"${rates[$layout]}")"
done
