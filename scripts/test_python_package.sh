#!/usr/bin/env bash
# The Python package as a user gets it: builds the wheel once (release), installs it in a
# fresh venv with pinned pandas, pyarrow, polars and onnxruntime from PyPI (no Rust in
# that venv, nothing else from the checkout), and checks `finsent.score`, `classify` and
# `tickers` against the release binary on the corpus (python/tests/test_against_cli.py),
# then that the command's three output formats load into equal pandas frames
# (python/tests/test_output_formats.py) and the package's reliability cases
# (python/tests/test_reliability.py); then, with pinned tqdm, nbclient, ipykernel and
# matplotlib added, what a notebook user meets (python/tests/test_notebook_user.py:
# progress, tickers by date, the panel's US listings) and examples/research.ipynb run
# headless (python/tests/run_notebook.py: any failing cell fails this script).
# Run by .ci/run. Tools: maturin in a venv of its own (FINSENT_MATURIN_VENV, default
# ~/.cache/finsent/maturin-venv).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
python=${PYTHON:-python3}
tools=${FINSENT_MATURIN_VENV:-$HOME/.cache/finsent/maturin-venv}
[ -x "$tools/bin/maturin" ] || { "$python" -m venv "$tools" && "$tools/bin/pip" install --quiet maturin==1.9.4; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

start=$(date +%s)
wheel=$(PATH="$tools/bin:$PATH" PYTHON="$python" scripts/build_wheel.sh "$work/dist")
echo "wheel: $(basename "$wheel"), $(du -h "$wheel" | cut -f1), built in $(( $(date +%s) - start )) s"
cargo build --release --locked --quiet
# The release binary, wherever cargo puts it (CARGO_TARGET_DIR, relative to the checkout).
target=${CARGO_TARGET_DIR:-target}
case $target in /*) ;; *) target=$root/$target ;; esac
cli=$target/release/finsent

"$python" -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "$wheel" pandas==3.1.1 pyarrow==26.0.1 polars==2.1.0 \
    "onnxruntime==$(cat ONNXRUNTIME_VERSION)"
# From outside the checkout, so that `import finsent` is the installed wheel.
cd "$work"
"$work/venv/bin/python" "$root/python/tests/test_against_cli.py" \
    --cli "$cli" --corpus "$root/corpus"
# The command's JSON Lines, CSV and Parquet outputs of one run load into the same frame.
"$work/venv/bin/python" "$root/python/tests/test_output_formats.py" \
    --cli "$cli" --corpus "$root/corpus"
# Several engines, pandas' missing values, fork and Ctrl-C (each with a timeout), and the
# README's Python block, run from the checkout as a reader would.
"$work/venv/bin/python" "$root/python/tests/test_reliability.py" \
    --readme "$root/README.md" --corpus "$root/corpus" --cli "$cli"
# A notebook user's tools: a progress bar, a kernel, plots.
"$work/venv/bin/pip" install --quiet tqdm==4.70.1 nbclient==0.11.0 ipykernel==7.4.0 matplotlib==3.11.2
"$work/venv/bin/python" "$root/python/tests/test_notebook_user.py"
"$work/venv/bin/python" "$root/python/tests/run_notebook.py" "$root/examples/research.ipynb" \
    --corpus "$root/corpus" --plot "$work/research.png"

# A record that panics: the hook that makes it panic is a test-only feature, so a build
# with it (the release dependencies reused: only finsent is compiled again) replaces the
# wheel in the venv for that check.
cd "$root"
PATH="$tools/bin:$PATH" FINSENT_SKIP_ORT_FETCH=1 maturin build --release --locked \
    --features fault-hook --out "$work/hook-dist" --interpreter "$python" >&2
"$work/venv/bin/pip" install --quiet --force-reinstall --no-deps "$work"/hook-dist/finsent-*.whl
cd "$work"
"$work/venv/bin/python" "$root/python/tests/test_reliability.py" --fault-hook --corpus "$root/corpus"
