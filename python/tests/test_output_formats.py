"""The command's three output formats load into the same pandas frame (issue 31): the JSON
Lines, CSV and Parquet outputs of one run have the same columns (CSV's named by their path,
`error.kind` for `error`) and the same nulls, and agree on the values of the plain columns.
A run without error records is the case that failed: JSON Lines left `error` out of scored
records, so its frame had no `error` column (`df["error"].isna()` raised KeyError).

The fields for joins (issue 31 #2) too: each sentence's `index` and `symbols` (in
`sentence_scores` and `evidence`), kept input fields (`--keep`), and the sentences table
(`--sentences-table`) in its three formats.

    python test_output_formats.py --cli target/release/finsent --corpus corpus

Needs pandas and pyarrow only (not the finsent package). Run by
scripts/test_python_package.sh.
"""

import argparse
import json
import subprocess
import tempfile
from pathlib import Path

import pandas as pd

#: Columns holding one value each (not a struct, not a list), compared value by value.
PLAIN = ["id", "title", "label", "score", "confidence", "published_at", "outlet", "url"]
NUMBERS = ["score", "confidence"]


def read(path):
    """A file finsent wrote, as pandas reads its format."""
    if path.suffix == ".jsonl":
        return pd.read_json(path, lines=True, dtype=False)
    if path.suffix == ".csv":
        return pd.read_csv(path, dtype=str)
    return pd.read_parquet(path)


def outputs(cli, inputs, tmp, expected_status, flags=(), table=None):
    """The frames of `finsent score INPUTS -o out.EXT FLAGS` for each format; with `table`,
    also those of `--sentences-table TABLE.EXT`."""
    frames, tables = [], []
    for ext in ("jsonl", "csv", "parquet"):
        out = tmp / f"out.{ext}"
        extra = ["--sentences-table", str(tmp / f"{table}.{ext}")] if table else []
        run = subprocess.run(
            [cli, "score", *inputs, "-q", "-o", str(out), *flags, *extra], capture_output=True, text=True
        )
        assert run.returncode == expected_status, f"{ext}: exit {run.returncode}: {run.stderr}"
        frames.append(read(out))
        if table:
            tables.append(read(tmp / f"{table}.{ext}"))
    return (frames, tables) if table else frames


def time_column(values):
    return pd.to_datetime(values, utc=True, format="ISO8601")


def values(column):
    """A column's values, with None for every kind of missing value."""
    return list(column.astype(object).where(column.notna(), None))


def symbol_lists(column):
    """A column of symbol lists as Python lists (a Parquet list is an array; a CSV cell joins
    them with `;`, an empty list being an empty cell)."""
    out = []
    for value in column:
        if isinstance(value, str):
            out.append(value.split(";"))
        elif value is None or (isinstance(value, float) and pd.isna(value)):
            out.append([])
        else:
            out.append(list(value))
    return out


def check_sentences(name, jsonl, csv, parquet):
    """`sentence_scores` (a JSON cell in CSV) and `evidence` carry the same `index` and
    `symbols` in the three formats."""
    for j, c, p in zip(jsonl["sentence_scores"], csv["sentence_scores"], parquet["sentence_scores"]):
        if not isinstance(j, list):
            assert pd.isna(c) and p is None, name
            continue
        c = json.loads(c)
        assert [s["index"] for s in j] == [s["index"] for s in c] == [s["index"] for s in p] == list(range(len(j)))
        assert [s["symbols"] for s in j] == [s["symbols"] for s in c] == [list(s["symbols"]) for s in p], name
    for side in ("most_positive", "most_negative"):
        j = [e[side] if isinstance(e, dict) else None for e in jsonl["evidence"]]
        p = [e[side] if e is not None else None for e in parquet["evidence"]]
        c_index = values(csv[f"evidence.{side}.index"])
        c_symbols = symbol_lists(csv[f"evidence.{side}.symbols"])
        for je, pe, ci, cs in zip(j, p, c_index, c_symbols):
            if je is None:
                assert pe is None and ci is None, name
                continue
            assert je["index"] == pe["index"] == int(ci), name
            assert je["symbols"] == list(pe["symbols"]) == (cs if je["symbols"] else []), name
    print(f"ok   {name}: sentence index and symbols agree in sentence_scores and evidence")


def check_kept(name, kept, jsonl, csv, parquet):
    for column in kept:
        assert values(jsonl[column]) == values(csv[column]) == values(parquet[column]), f"{name}: {column}"
    print(f"ok   {name}: kept {kept} alike in the three formats")


def check_table(name, jsonl, csv, parquet):
    """The sentences table: the same rows and columns in the three formats."""
    columns = list(jsonl.columns)
    assert columns == list(parquet.columns), f"{name}: {columns} vs {list(parquet.columns)}"
    top = list(dict.fromkeys(c.split(".")[0] for c in csv.columns))
    assert top == columns, f"{name}: CSV {top} vs {columns}"
    assert len(jsonl) == len(csv) == len(parquet) > 0, name
    for column in ("id", "part", "text", "label"):
        assert values(jsonl[column]) == values(csv[column]) == values(parquet[column]), f"{name}: {column}"
    for column in ("index", "start", "end"):
        assert list(jsonl[column]) == [int(v) for v in csv[column]] == list(parquet[column]), f"{name}: {column}"
    for column in ("score", "probs.negative", "probs.neutral", "probs.positive"):
        if column == "score":
            j, p = jsonl[column], parquet[column]
        else:
            part = column.split(".")[1]
            j = pd.Series([d[part] for d in jsonl["probs"]])
            p = pd.Series([d[part] for d in parquet["probs"]])
        c = pd.to_numeric(csv[column])
        assert ((j - c).abs() < 1e-9).all() and ((j - p).abs() < 1e-9).all(), f"{name}: {column}"
    assert symbol_lists(jsonl["symbols"]) == symbol_lists(csv["symbols"]) == symbol_lists(parquet["symbols"])
    assert [len(t) for t in jsonl["targets"]] == [len(json.loads(t)) for t in csv["targets"]]
    assert [len(t) for t in jsonl["targets"]] == [len(t) for t in parquet["targets"]]
    assert time_column(jsonl["published_at"]).equals(time_column(csv["published_at"])), name
    assert time_column(jsonl["published_at"]).equals(pd.to_datetime(parquet["published_at"], utc=True)), name
    named = sum(bool(s) for s in symbol_lists(jsonl["symbols"]))
    print(f"ok   {name}: {len(jsonl)} sentence rows ({named} naming a company), same columns and values")


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

        # Fields for joins: sentences with index and symbols, kept input fields, the table.
        desks = tmp / "desks.jsonl"
        desks.write_text(
            '{"id": "d1", "title": "Toyota lifts outlook", "body": "Toyota and Sony rose.", "desk": "tokyo", "permno": 10107}\n'
            '{"id": "d2", "title": "Ford cuts outlook", "date": "2026-02-12"}\n'
            '{"id": "d3", "title": "cut short\n'
        )
        kept = ["desk", "permno", "input_id"]
        inputs = [str(args.corpus), str(desks)]
        flags = ["--sentences", "--keep", "desk,permno,id"]
        (records, tables) = outputs(args.cli, inputs, tmp, 1, flags, table="sentences")
        check_run("with sentences and kept fields", *records)
        check_sentences("with sentences and kept fields", *records)
        check_kept("with sentences and kept fields", kept, *records)
        assert values(records[0]["desk"])[-3:] == ["tokyo", None, None]
        assert values(records[0]["input_id"])[-3:] == ["d1", "d2", None]
        check_table("sentences table", *tables)


if __name__ == "__main__":
    main()
