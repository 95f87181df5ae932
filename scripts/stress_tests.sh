#!/bin/bash
# Runs the tests that once depended on the machine's speed (growth, signals, locks, panic
# isolation) ten times in a row with both cores busy (stress-ng --cpu 2), and says how many
# runs passed. Run from the repository root: bash scripts/stress_tests.sh [RUNS]
set -u
runs=${1:-10}
command -v stress-ng >/dev/null || { echo "stress-ng is not installed" >&2; exit 2; }
# A shell started in the background has SIGINT ignored, which the SIGINT tests would
# inherit: each cargo runs with the default action restored.
dfl() {
    python3 -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
signal.signal(signal.SIGQUIT, signal.SIG_DFL)
os.execvp(sys.argv[1], sys.argv[1:])' "$@"
}
dfl cargo test -q --no-run --lib --test growth --test tickers --test engines --test reliability || exit 2
stress-ng --cpu 2 --timeout 3600s >/dev/null 2>&1 &
stress=$!
trap 'kill $stress' EXIT
passed=0
log=$(mktemp)
for i in $(seq 1 "$runs"); do
    ok=1
    dfl cargo test -q --lib -- guard partial pipeline::record isolate lock >"$log" 2>&1 || ok=0
    dfl cargo test -q --test growth >>"$log" 2>&1 || ok=0
    dfl cargo test -q --test tickers >>"$log" 2>&1 || ok=0
    dfl cargo test -q --test engines -- a_record_that_panics >>"$log" 2>&1 || ok=0
    dfl cargo test -q --test reliability -- a_panic_while_walking a_record_that_panics sigint \
        two_runs >>"$log" 2>&1 || ok=0
    [ $ok = 1 ] || cp "$log" "stress-run-$i.log"
    echo "run $i: $([ $ok = 1 ] && echo passed || echo "FAILED (stress-run-$i.log)"), load $(cut -d' ' -f1 /proc/loadavg)"
    passed=$((passed + ok))
done
rm -f "$log"
echo "passed $passed of $runs"
[ "$passed" = "$runs" ]
