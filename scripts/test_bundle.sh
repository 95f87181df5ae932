#!/usr/bin/env bash
# Builds the bundle (scripts/bundle.sh) and checks it as a cluster node would see it: unpacked
# in a clean directory, PATH pointing nowhere, HOME empty (no cache directory), and the
# checkout and the ONNX Runtime cache hidden behind empty mounts where `unshare` allows it
# (root). `finsent info` must find the runtime beside the binary, and `finsent score` on the
# corpus must equal the checkout's release binary. Run by .ci/run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
target=${CARGO_TARGET_DIR:-$root/target}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bundle=$(scripts/bundle.sh "$work/dist")
case $(basename "$bundle") in finsent-*-linux-x86_64.tar.gz) ;; *) echo "bad name: $bundle"; exit 1 ;; esac
"$target/release/finsent" score corpus/archive.jsonl -q > "$work/expected.jsonl"

node=$work/node
mkdir -p "$node/finsent" "$node/home" "$node/corpus"
tar -xzf "$bundle" -C "$node/finsent"
cp corpus/archive.jsonl "$node/corpus/"
for f in finsent "libonnxruntime.so.$(cat ONNXRUNTIME_VERSION)" model/model.onnx model/tokenizer.json model/config.json \
         gazetteer/gazetteer.jsonl licences/finsent-LICENSE licences/onnxruntime-LICENSE README.md; do
    [ -f "$node/finsent/$f" ] || { echo "bundle lacks $f"; exit 1; }
done
(cd "$node/finsent" && sha256sum --quiet -c SHA256SUMS)

# The checks run inside a clean environment; the script is written out so it can run under
# unshare, where the checkout is hidden.
cat > "$node/check.sh" <<'CHECK'
cd "$1"
info=$(./finsent/finsent info) || exit 1
printf '%s\n' "$info"
case $info in *"beside the finsent binary"*) ;; *) echo "runtime not taken from the bundle"; exit 1 ;; esac
./finsent/finsent score corpus/archive.jsonl -q > got.jsonl
CHECK
sh=$(command -v sh)
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
    cache=${XDG_CACHE_HOME:-$HOME/.cache}
    unshare -m "$sh" -c 'mount -t tmpfs none "$1" && { [ ! -d "$2" ] || mount -t tmpfs none "$2"; } &&
        [ ! -e "$1/Cargo.toml" ] && exec env -i PATH=/nonexistent HOME="$3/home" "$4" "$3/check.sh" "$3"' \
        - "$root" "$cache/finsent" "$node" "$sh"
    echo "bundle: checked with the checkout and the runtime cache hidden"
else
    env -i PATH=/nonexistent HOME="$node/home" "$sh" "$node/check.sh" "$node"
fi
cmp "$node/got.jsonl" "$work/expected.jsonl" || { echo "the bundle's output differs from the checkout's"; exit 1; }
grep -q '"tickers":\[{"symbol"' "$node/got.jsonl"
echo "bundle: $(basename "$bundle") ($(du -h "$bundle" | cut -f1)) scores the corpus like the checkout"
