#!/usr/bin/env bash
# Writes finsent-VERSION-linux-x86_64.tar.gz: a self-contained finsent for Linux x86_64
# machines without Rust or Python (cluster nodes). Files at the top of the archive:
#   finsent                    the release binary (model, tokenizer and gazetteer compiled in)
#   libonnxruntime.so.1.31.1   ONNX Runtime, found by finsent beside its binary
#   model/                     config.json, model.onnx, tokenizer.json, MODEL_CARD.md: the
#                              compiled-in model as files (licence, checksums, FINSENT_MODEL)
#   gazetteer/                 gazetteer.jsonl and README.md (its sources and licences)
#   licences/                  finsent's, ONNX Runtime's and its third-party notices
#   README.md                  how to run it and ship it to Spark (scripts/bundle/README.md)
#   SHA256SUMS
# The archive has no top directory, as `spark-submit --archives FILE#finsent` expects:
# unpack it with `mkdir finsent && tar -xzf FILE -C finsent`.
# Usage: scripts/bundle.sh [OUT_DIR]   (default: dist/); prints the archive's path.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "${1:-$root/dist}" && cd "${1:-$root/dist}" && pwd)
cd "$root"
cargo build --release --locked --quiet
bin=${CARGO_TARGET_DIR:-$root/target}/release/finsent
# What this binary carries and which runtime it loads, with no override in the way.
info=$(env -u FINSENT_MODEL -u FINSENT_GAZETTEER -u ORT_DYLIB_PATH "$bin" info --json)
field() { python3 -c 'import json, sys; v = json.loads(sys.argv[1])
for k in sys.argv[2:]: v = v[k]
print(v)' "$info" "$@"; }
version=$(field finsent)
model_dir=$(field compiled_in model)
gazetteer=$(field compiled_in gazetteer)
runtime=$(field onnx_runtime path)
runtime_dir=$(dirname "$runtime")
for f in "$runtime_dir/LICENSE" "$runtime_dir/ThirdPartyNotices.txt"; do
    [ -f "$f" ] || { echo "bundle.sh: $f is missing; run python3 scripts/fetch_onnxruntime.py $runtime_dir" >&2; exit 2; }
done

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/model" "$stage/gazetteer" "$stage/licences"
cp "$bin" "$stage/finsent"
cp "$runtime" "$stage/"
cp "$model_dir"/{config.json,model.onnx,tokenizer.json,MODEL_CARD.md} "$stage/model/"
cp "$gazetteer" "$(dirname "$gazetteer")/README.md" "$stage/gazetteer/"
cp LICENSE "$stage/licences/finsent-LICENSE"
cp "$runtime_dir/LICENSE" "$stage/licences/onnxruntime-LICENSE"
cp "$runtime_dir/ThirdPartyNotices.txt" "$stage/licences/onnxruntime-ThirdPartyNotices.txt"
sed "s/@VERSION@/$version/g" scripts/bundle/README.md > "$stage/README.md"
(cd "$stage" && find . -type f ! -name SHA256SUMS -printf '%P\n' | sort | xargs sha256sum > SHA256SUMS)
archive=$out/finsent-$version-linux-x86_64.tar.gz
# Fixed owner, order and times, so the same inputs give the same archive.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$stage" -cf - . | gzip -n > "$archive.tmp"
mv "$archive.tmp" "$archive"
echo "$archive"
