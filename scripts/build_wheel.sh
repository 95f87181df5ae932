#!/usr/bin/env bash
# Builds the Python wheel (release, abi3: one wheel for CPython 3.10 and later) into
# DIR (default dist/) and prints its path. maturin checks the extension's symbols and
# tags the wheel with the oldest manylinux policy it meets, so it installs without Rust
# on any Linux with that glibc or newer. The wheel holds the model; ONNX Runtime comes
# from the onnxruntime wheel it depends on.
# Needs maturin (pip install maturin==1.9.4) and a Rust toolchain.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/dist}
cd "$root"
# The runtime is the onnxruntime package's: the build need not fetch one (build.rs).
export FINSENT_SKIP_ORT_FETCH=1
maturin build --release --locked --out "$out" --interpreter "${PYTHON:-python3}" >&2
ls -t "$out"/finsent-*.whl | head -n 1
