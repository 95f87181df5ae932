#!/usr/bin/env bash
# Runs the examples end to end and checks them against a direct run:
#  - spark_pipe.py in local[2] mode: Spark's output equals `finsent score` on the same archive;
#  - spark_pipe.py as on a cluster: spark-submit in local-cluster[2,1,1024] mode (two
#    executors in their own JVMs and working directories) ships the bundle
#    (scripts/bundle.sh) with --archives BUNDLE#finsent and runs ./finsent/finsent in each
#    executor; its output equals the direct run too;
#  - the Parquet and CSV outputs read in pandas and polars equal the JSON Lines output;
#  - daily_sentiment.py writes its PNG.
# Not part of `cargo test`: it installs pandas, pyarrow, polars, matplotlib and pyspark
# (examples/requirements.txt) into a venv outside the repository
# (FINSENT_EXAMPLES_VENV, default ~/.cache/finsent/examples-venv) and starts a JVM (Java 17).
# A few minutes here once the venv exists (the cluster run starts three JVMs; it runs under
# nice).  Usage: examples/test_examples.sh [ARTICLES]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
venv=${FINSENT_EXAMPLES_VENV:-$HOME/.cache/finsent/examples-venv}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet -r examples/requirements.txt
cargo build --release --quiet
bin=$root/target/release/finsent
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 benches/gen_archive.py "${1:-60}" --seed 7 -o "$work/archive.jsonl"
# Two broken records, so error records travel through every path too.
printf '%s\n' '{"id":"bad-json","title": "cut short' '{"id":"bad-empty","body":""}' >> "$work/archive.jsonl"

for out in direct.jsonl scores.parquet scores.csv; do
    status=0
    "$bin" score "$work/archive.jsonl" -q -o "$work/$out" || status=$?
    [ "$status" -eq 1 ] || { echo "finsent score -o $out: exit $status, expected 1"; exit 1; }
done

export PYSPARK_PYTHON=$venv/bin/python PYSPARK_DRIVER_PYTHON=$venv/bin/python
"$venv/bin/python" examples/spark_pipe.py "$work/archive.jsonl" "$work/spark" --finsent "$bin" 2> "$work/spark.log" \
    || { tail -30 "$work/spark.log"; exit 1; }

# As on a cluster: the bundle is all an executor gets. Run from a directory without finsent
# in it, so ./finsent/finsent exists only where Spark unpacked the archive.
bundle=$(scripts/bundle.sh "$work/dist")
mkdir "$work/driver"
(cd "$work/driver" && nice -n 10 "$venv/bin/spark-submit" --master 'local-cluster[2,1,1024]' \
    --archives "$bundle#finsent" "$root/examples/spark_pipe.py" "$work/archive.jsonl" "$work/spark-cluster") \
    > "$work/spark-cluster.out" 2> "$work/spark-cluster.log" \
    || { cat "$work/spark-cluster.out"; tail -40 "$work/spark-cluster.log"; exit 1; }
cat "$work/spark-cluster.out"
grep -q 'local-cluster\[2,1,1024\], finsent: ./finsent/finsent' "$work/spark-cluster.out"

"$venv/bin/python" - "$work" <<'PY'
import glob, json, math, sys
import pandas as pd
import polars as pl

work = sys.argv[1]
direct = [json.loads(l) for l in open(f"{work}/direct.jsonl")]

# Spark: one output line per input line, in input order, equal to the direct run apart from
# where finsent read the record (stdin of one partition), the ids it gives broken lines and
# the stories, which a partition leaves null (--no-stories: `finsent stories` gives them).
for run in ["spark", "spark-cluster"]:
    spark = [json.loads(l) for f in sorted(glob.glob(f"{work}/{run}/part-*")) for l in open(f)]
    assert len(spark) == len(direct), (run, len(spark), len(direct))
    for d, s in zip(direct, spark):
        d, s = dict(d), dict(s)
        d.pop("source"), s.pop("source")
        if d.get("error"):
            assert d["error"] == s["error"], (run, d, s)
        else:
            for field in ("story", "novelty", "story_first"):
                assert s.pop(field) is None, (run, s["id"], field)
                d.pop(field)
            assert d == s, (run, d["id"], s["id"])
    print(f"{run}: {len(spark)} records equal to the direct run")

def same(a, b, path):
    if isinstance(a, float) and math.isnan(a):
        a = None
    if isinstance(b, float) and math.isnan(b):
        b = None
    if isinstance(a, dict) or isinstance(b, dict):
        a, b = a or {}, b or {}
        for k in set(a) | set(b):
            same(a.get(k), b.get(k), f"{path}.{k}")
    elif isinstance(a, list) or isinstance(b, list):
        assert len(a or []) == len(b or []), path
        for i, (x, y) in enumerate(zip(a or [], b or [])):
            same(x, y, f"{path}[{i}]")
    elif isinstance(a, (int, float)) and isinstance(b, (int, float)):
        assert abs(a - b) < 1e-9, (path, a, b)
    else:
        assert a == b, (path, a, b)

def plain(value):
    """pandas/polars values as JSON-like Python values."""
    if value is None or value is pd.NaT:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat().replace("+00:00", "Z")
    if hasattr(value, "tolist"):
        return [plain(v) for v in value.tolist()]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value

pdf = pd.read_parquet(f"{work}/scores.parquet")
assert str(pdf["published_at"].dtype).startswith("datetime64"), pdf["published_at"].dtype
for d, row in zip(direct, pdf.to_dict("records")):
    same(d, {k: plain(v) for k, v in row.items()}, d["id"])
pldf = pl.read_parquet(f"{work}/scores.parquet")
for d, row in zip(direct, pldf.to_dicts()):
    same(d, {k: plain(v) for k, v in row.items()}, d["id"])
print(f"parquet: {len(pdf)} rows in pandas and polars equal to the JSON Lines output")

csv = pd.read_csv(f"{work}/scores.csv", keep_default_na=False, dtype=str)
assert len(csv) == len(direct)
for d, row in zip(direct, csv.to_dict("records")):
    assert row["id"] == d["id"]
    if d.get("error"):
        assert row["error.kind"] == d["error"]["kind"]
        continue
    assert float(row["score"]) == d["score"] and row["label"] == d["label"]
    assert row["tickers.symbol"] == ";".join(t["symbol"] for t in d["tickers"])
    assert row["published_at"] == d["published_at"] and row["sentences.total"] == str(d["sentences"]["total"])
print(f"csv: {len(csv)} rows equal to the JSON Lines output")
PY

"$venv/bin/python" examples/daily_sentiment.py "$work/scores.parquet" -o "$work/daily.png" --min-relevance 0 > "$work/daily.txt"
test -s "$work/daily.png"
head -5 "$work/daily.txt"
echo "examples: all checks passed"
