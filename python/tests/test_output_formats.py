"""The command's three output formats load into the same pandas frame (issue 31): the JSON
Lines, CSV and Parquet outputs of one run have the same columns (CSV's named by their path,
`error.kind` for `error`) and the same nulls, and agree on the values of the plain columns.
A run without error records is the case that failed: JSON Lines left `error` out of scored
records, so its frame had no `error` column (`df["error"].isna()` raised KeyError).

    python test_output_formats.py --cli target/release/finsent --corpus corpus

Needs pandas and pyarrow only (not the finsent package). Run by
scripts/test_python_package.sh.
"""

import argparse
import subprocess
import tempfile
from pathlib import Path

import pandas as pd

#: Columns holding one value each (not a struct, not a list), compared value by value.
PLAIN = ["id", "title", "label", "score", "confidence", "published_at", "outlet", "url"]
NUMBERS = ["score", "confidence"]


def outputs(cli, inputs, tmp, expected_status):
    """The frames of `finsent score INPUTS -o out.EXT` for each format."""
    frames = {}
    for ext in ("jsonl", "csv", "parquet"):
        out = tmp / f"out.{ext}"
        run = subprocess.run([cli, "score", *inputs, "-q", "-o", str(out)], capture_output=True, text=True)
        assert run.returncode == expected_status, f"{ext}: exit {run.returncode}: {run.stderr}"
        if ext == "jsonl":
            frames[ext] = pd.read_json(out, lines=True, dtype=False)
        elif ext == "csv":
            frames[ext] = pd.read_csv(out, dtype=str)
        else:
            frames[ext] = pd.read_parquet(out)
    return frames["jsonl"], frames["csv"], frames["parquet"]


def time_column(values):
    return pd.to_datetime(values, utc=True, format="ISO8601")


def check_run(name, jsonl, csv, parquet):
    columns = list(jsonl.columns)
    assert "error" in columns, f"{name}: JSON Lines has no error column: {columns}"
    assert columns == list(parquet.columns), f"{name}: JSON Lines {columns} vs Parquet {list(parquet.columns)}"
    top = list(dict.fromkeys(c.split(".")[0] for c in csv.columns))
    assert top == columns, f"{name}: CSV {top} vs {columns}"
    assert len(jsonl) == len(csv) == len(parquet), name

    for column in columns:
        nulls = jsonl[column].isna()
        assert nulls.equals(parquet[column].isna()), f"{name}: nulls of {column} differ (Parquet)"
    for column in PLAIN + ["error"]:
        cell = "error.kind" if column == "error" else column
        nulls = jsonl[column].isna()
        assert nulls.equals(csv[cell].isna()), f"{name}: nulls of {column} differ (CSV {cell})"

    for column in PLAIN:
        j, c, p = jsonl[column], csv[column], parquet[column]
        if column in NUMBERS:
            c = pd.to_numeric(c)
            assert ((j - c).abs().fillna(0) < 1e-9).all() and ((j - p).abs().fillna(0) < 1e-9).all(), column
        elif column == "published_at":
            assert time_column(j).equals(time_column(c)), column
            assert time_column(j).equals(pd.to_datetime(p, utc=True)), column
        else:
            j = j.astype(object).where(j.notna(), None)
            for other, what in ((c, "CSV"), (p, "Parquet")):
                other = other.astype(object).where(other.notna(), None)
                assert list(j) == list(other), f"{name}: {column} differs ({what})"
    kinds = [e["kind"] if isinstance(e, dict) else None for e in jsonl["error"]]
    assert kinds == list(csv["error.kind"].astype(object).where(csv["error.kind"].notna(), None)), name
    assert kinds == [e["kind"] if e is not None else None for e in parquet["error"]], name
    errors = sum(k is not None for k in kinds)
    print(f"ok   {name}: {len(jsonl)} records ({errors} errors), {len(columns)} columns, same nulls")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cli", required=True, help="the finsent binary")
    parser.add_argument("--corpus", required=True, type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        # Every record scored: no error record in the run.
        check_run("clean archive", *outputs(args.cli, [str(args.corpus / "archive.jsonl")], tmp, 0))
        broken = tmp / "broken.jsonl"
        broken.write_text(
            '{"id": "cut", "title": "cut short\n'
            '{"id": "empty", "title": " ", "body": ""}\n'
            '{"id": "ok", "body": "Sony raised its forecast.", "date": "yesterday"}\n'
        )
        check_run("with error records", *outputs(args.cli, [str(args.corpus), str(broken)], tmp, 1))


if __name__ == "__main__":
    main()
