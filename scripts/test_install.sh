#!/usr/bin/env bash
# Installs finsent as a new user would and checks that it works without its source:
# `cargo install --path SRC --root R --target-dir T` from a copy of the checkout, then
# `rm -rf SRC T`, then `R/bin/finsent` run from another directory with only a corpus file
# in it and a reduced environment. Its output must equal the checkout's own release binary
# on the same file, tickers included, and `finsent info` must pass. Run by .ci/run.
# T starts as a copy of this checkout's target/release, so only finsent itself compiles.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
target=${CARGO_TARGET_DIR:-$root/target}
cargo build --release --locked --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The tracked files of the checkout, as a fresh clone has them.
mkdir "$work/src" "$work/target" "$work/elsewhere"
git ls-files -z | tar --null -T - -cf - | tar -C "$work/src" -xf -
cp -a "$target/release" "$work/target/"
cargo install --quiet --locked --path "$work/src" --root "$work/root" --target-dir "$work/target"
rm -rf "$work/src" "$work/target"

file=corpus/txt/boeing_delivery_halt.txt
cp "$file" "$work/elsewhere/article.txt"
expected=$(cd "$work/elsewhere" && "$target/release/finsent" score article.txt -q)
cd "$work/elsewhere"
run() { env -i HOME="$HOME" PATH=/usr/bin:/bin "$work/root/bin/finsent" "$@"; }

run --version
run info
run info --json | grep -q '"source":"compiled in"' || { echo "info: the model is not the compiled-in one"; exit 1; }
got=$(run score article.txt -q)
[ "$got" = "$expected" ] || { echo "installed finsent differs from the checkout's:"; echo "$got"; echo "$expected"; exit 1; }
echo "$got" | grep -q '"tickers":\[{"symbol":"BA"' || { echo "no BA ticker in: $got"; exit 1; }

# A runtime that is not there: one paragraph, exit 2, no panic.
status=0
err=$(env -i HOME="$HOME" PATH=/usr/bin:/bin ORT_DYLIB_PATH=/nonexistent/libonnxruntime.so.1.31.1 \
    "$work/root/bin/finsent" info 2>&1 >/dev/null) || status=$?
[ "$status" -eq 2 ] || { echo "missing runtime: exit $status, expected 2"; exit 1; }
case $err in *panicked*|"") echo "missing runtime: bad message: $err"; exit 1 ;; esac
[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || { echo "missing runtime: not one paragraph: $err"; exit 1; }
echo "install: the installed finsent scores from another directory without its source or target"
