"""The installed package against the command: `finsent.score` on the corpus gives the rows
`finsent score -o out.parquet` writes (scores, labels, evidence, tickers and their scores),
from pandas, polars, a list of dicts and paths; `classify` and `tickers` agree with their
commands; bad records are rows, bad arguments exceptions; the GIL is released while scoring.

    python test_against_cli.py --cli target/release/finsent --corpus corpus

Run by scripts/test_python_package.sh in a fresh venv holding only the wheel and its
dependencies (run it from outside the checkout, so that `import finsent` is the wheel's).
"""

import argparse
import gzip
import json
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pandas as pd
import polars as pl
import pyarrow.parquet as pq

import finsent


def cli_rows(cli, *args):
    """The records `finsent ARGS -o out.parquet` writes, as dicts."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.parquet"
        subprocess.run([cli, *args, "-q", "-o", str(out)], check=True)
        return pq.read_table(out).to_pylist()


def cli_lines(cli, *args, stdin=None):
    out = subprocess.run([cli, *args], check=True, capture_output=True, text=True, input=stdin)
    return [json.loads(line) for line in out.stdout.splitlines()]


def without(rows, field):
    return [{k: v for k, v in row.items() if k != field} for row in rows]


def same(got, expected, what):
    assert len(got) == len(expected), f"{what}: {len(got)} rows, the command wrote {len(expected)}"
    for g, e in zip(got, expected):
        assert g == e, f"{what}: row {e.get('id')} differs:\n  python  {g}\n  command {e}"
    print(f"ok   {what}: {len(got)} rows equal")


def timed(what, call):
    start = time.perf_counter()
    result = call()
    print(f"time {what}: {time.perf_counter() - start:.2f} s")
    return result


def check_score(cli, corpus):
    jsonl, csv = corpus / "archive.jsonl", corpus / "archive.csv"
    expected_jsonl = cli_rows(cli, "score", str(jsonl))
    expected_csv = cli_rows(cli, "score", str(csv))

    # pandas, as a notebook reads the archive (published_at becomes datetime64[UTC]).
    articles = pd.read_json(jsonl, lines=True)
    df = timed("first score (loads the model)", lambda: finsent.score(articles))
    timed("second score (model reused)", lambda: finsent.score(articles))
    assert isinstance(df, pd.DataFrame), type(df)
    assert df["error"].isna().all(), df["error"]
    assert list(df["id"]) == [r["id"] for r in expected_jsonl]
    assert list(df["score"]) == [r["score"] for r in expected_jsonl]
    assert list(df["label"]) == [r["label"] for r in expected_jsonl]
    tickers = [[(t["symbol"], t["score"], t["relevance"]) for t in ts] for ts in df["tickers"]]
    assert tickers == [
        [(t["symbol"], t["score"], t["relevance"]) for t in r["tickers"]] for r in expected_jsonl
    ]
    assert any(tickers), "the corpus names companies"
    print(f"ok   pandas DataFrame: scores, labels and {sum(map(len, tickers))} tickers equal")
    same(
        without(finsent.score(articles, as_arrow=True).to_pylist(), "source"),
        without(expected_jsonl, "source"),
        "pandas (JSONL archive), every column",
    )
    # The CSV archive names its fields headline, text and date: the defaults read them.
    same(
        without(finsent.score(pd.read_csv(csv), as_arrow=True).to_pylist(), "source"),
        without(expected_csv, "source"),
        "pandas (CSV archive), every column",
    )
    same(
        without(finsent.score(pl.read_ndjson(jsonl), as_arrow=True).to_pylist(), "source"),
        without(expected_jsonl, "source"),
        "polars",
    )
    dicts = [json.loads(line) for line in jsonl.read_text().splitlines()]
    same(
        without(finsent.score(dicts, as_arrow=True).to_pylist(), "source"),
        without(expected_jsonl, "source"),
        "list of dicts",
    )
    renamed = pd.read_csv(csv).rename(columns={"headline": "hl", "text": "story", "id": "key"})
    same(
        without(
            finsent.score(renamed, title="hl", body="story", id="key", as_arrow=True).to_pylist(),
            "source",
        ),
        without(expected_csv, "source"),
        "columns named with title=, body=, id=",
    )
    same(
        finsent.score(str(corpus), as_arrow=True).to_pylist(),
        cli_rows(cli, "score", str(corpus)),
        "the corpus directory as a path (txt, md, html, jsonl, csv)",
    )
    # domain= is the command's --domain.
    headline = finsent.score(articles, domain="headline", as_arrow=True).to_pylist()
    same(
        without(headline, "source"),
        without(cli_rows(cli, "score", str(jsonl), "--domain", "headline"), "source"),
        "domain='headline'",
    )
    assert [r["score"] for r in headline] != [r["score"] for r in expected_jsonl]
    with tempfile.TemporaryDirectory() as tmp:
        # A gzip file is read as the archive it holds (it was "binary file (NUL bytes)").
        packed = Path(tmp) / "archive.jsonl.gz"
        packed.write_bytes(gzip.compress(jsonl.read_bytes()))
        same(
            without(finsent.score(packed, as_arrow=True).to_pylist(), "source"),
            without(expected_jsonl, "source"),
            "a gzip archive as a path",
        )
    same(
        finsent.score(jsonl, sentences=True, as_arrow=True).to_pylist(),
        cli_rows(cli, "score", "--sentences", str(jsonl)),
        "sentences=True",
    )
    # keep= on a path is the command's --keep: the fields as text, id as input_id.
    same(
        finsent.score(corpus, keep=["url", "id", "desk"], as_arrow=True).to_pylist(),
        cli_rows(cli, "score", "--keep", "url,id,desk", str(corpus)),
        "keep= on a path",
    )


def check_panel(cli, corpus):
    """finsent.panel on score's DataFrame equals `finsent panel` on the command's Parquet,
    for each time zone and per-story rule; the archive holds a repost of one article."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive.jsonl"
        lines = (corpus / "archive.jsonl").read_text().splitlines()
        repost = json.loads(lines[0])
        repost["id"] += "-repost"
        repost["published_at"] = repost["published_at"].replace("06:45", "07:45")
        archive.write_text("\n".join(lines[:1] + [json.dumps(repost)] + lines[1:]) + "\n")
        scores, table = Path(tmp) / "scores.parquet", Path(tmp) / "panel.parquet"
        subprocess.run([cli, "score", str(archive), "-q", "-o", str(scores)], check=True)
        frame = finsent.score(str(archive))
        assert list(frame["novelty"])[:2] == ["new", "repeat"], frame[["id", "story", "novelty"]]
        symbols = {}
        for tz, cutoff, rule, listing in [
            ("America/New_York", "16:00", "mean", "home"),
            ("Asia/Tokyo", "15:00", "mean", "home"),
            ("America/New_York", "16:00", "all", "home"),
            ("America/New_York", "16:00", "first", "home"),
            ("America/New_York", "16:00", "mean", "us"),
        ]:
            subprocess.run(
                [cli, "panel", str(scores), "-q", "-o", str(table), "--tz", tz, "--cutoff", cutoff,
                 "--per-story", rule, "--listing", listing],
                check=True,
            )
            expected = pq.read_table(table).to_pylist()
            got = finsent.panel(
                frame, tz=tz, cutoff=cutoff, per_story=rule, listing=listing.upper(), as_arrow=True
            )
            same(got.to_pylist(), expected, f"panel ({tz}, {cutoff}, {rule}, {listing})")
            symbols[listing] = {r["symbol"] for r in expected}
            assert expected, "the corpus gives a panel"
            counts = {(r["symbol"], r["day"]): (r["articles"], r["stories"]) for r in expected}
            reposted = [c for c in counts.values() if c[0] > c[1]]
            assert bool(reposted) == (rule in ("mean",)), (rule, counts)
        moved = symbols["home"] - symbols["us"]
        assert moved and all("." in s for s in moved), ("home listings named by their US code", moved)


def check_records_and_arguments():
    rows = [
        {"id": "good", "title": "Sony raises its outlook", "body": "Sony raised its forecast.",
         "desk": "tech"},
        {"id": "empty", "title": "  ", "body": None, "desk": "none"},
    ]
    df = finsent.score(rows, keep=["desk"])
    assert list(df["desk"]) == ["tech", "none"]
    assert df.loc[0, "error"] is None and pd.notna(df.loc[0, "score"]), df.loc[0]
    assert df.loc[0, "score"] == finsent.score(rows[:1]).loc[0, "score"]
    assert df.loc[1, "error"]["kind"] == "empty_text", df.loc[1, "error"]
    print("ok   a bad record is a row with error set; keep= carries a column")

    # Issue 31: keep= may name id (kept as input_id); polars in gives polars out.
    frame = pl.DataFrame(rows)
    out = finsent.score(frame, keep=["id", "desk"])
    assert isinstance(out, pl.DataFrame), type(out)
    assert out["input_id"].to_list() == ["good", "empty"] and out["id"].to_list() == ["good", "empty"]
    assert out["desk"].to_list() == ["tech", "none"]
    assert out["score"][0] == df.loc[0, "score"]
    print("ok   polars in, polars out; keep=['id'] is input_id")

    # body=None scores the headline alone, as a row without a body is scored.
    headline_only = finsent.score(rows[:1], body=None)
    alone = finsent.score([{"id": "good", "title": rows[0]["title"]}])
    assert headline_only.loc[0, "score"] == alone.loc[0, "score"] != df.loc[0, "score"]
    assert headline_only.loc[0, "sentences"]["total"] == 1
    print("ok   body=None scores headlines alone")
    bad_calls = [
        (lambda: finsent.score(42), TypeError),
        (lambda: finsent.score(rows, title=3), TypeError),
        (lambda: finsent.score(rows, keep=["nope"]), ValueError),
        (lambda: finsent.score([{**rows[0], "input_title": "x"}], keep=["title", "input_title"]), ValueError),
        # A column named explicitly but missing (it was read as absent: every row NaT).
        (lambda: finsent.score(rows, published_at="published"), ValueError),
        (lambda: finsent.score(rows, body="stroy"), ValueError),
        (lambda: finsent.score(rows, id="idd"), ValueError),
        (lambda: finsent.score([{"body": "Sony rose."}], body=None), ValueError),
        (lambda: finsent.score(rows, domain="sports"), ValueError),
        (lambda: finsent.score(pd.DataFrame({"x": ["a"]})), ValueError),
        (lambda: finsent.score("/nonexistent/news.jsonl"), FileNotFoundError),
        (lambda: finsent.score(rows, model="/nonexistent/model"), ValueError),
        (lambda: finsent.classify("one text"), TypeError),
        (lambda: finsent.classify(["a", "b"], targets=["x"]), ValueError),
    ]
    for call, error in bad_calls:
        try:
            call()
        except error:
            continue
        raise AssertionError(f"expected {error.__name__} from {call}")
    print(f"ok   {len(bad_calls)} bad arguments raise")


def check_classify_and_tickers(cli, corpus):
    texts = [
        "Toyota raises its full-year profit forecast",
        "Boeing halts deliveries after a new defect",
        "The board meets on Tuesday",
    ]
    lines = "".join(json.dumps({"text": t}) + "\n" for t in texts)
    expected = cli_lines(cli, "classify", "-", stdin=lines)
    got = finsent.classify(texts, as_arrow=True).to_pylist()
    for g, e in zip(got, expected, strict=True):
        assert (g["label"], g["score"], g["probs"]) == (e["label"], e["score"], e["probs"]), (g, e)
    assert finsent.classify([""]).loc[0, "error"]["kind"] == "empty_text"
    print(f"ok   classify: {len(got)} texts equal `finsent classify`")

    # The accurate tier in the same process: its own engine, equal to `--model accurate`.
    expected = cli_lines(cli, "classify", "-", "--model", "accurate", stdin=lines)
    got = finsent.classify(texts, model="accurate", as_arrow=True).to_pylist()
    for g, e in zip(got, expected, strict=True):
        # Labels equal; probabilities to the fourth decimal the outputs are rounded to (the
        # 8-bit kernels may split their work differently under another thread count).
        assert g["label"] == e["label"], (g, e)
        assert all(abs(g["probs"][k] - e["probs"][k]) <= 1e-4 for k in e["probs"]), (g, e)
    assert [g["label"] for g in got][:2] == ["positive", "negative"], got
    print(f"ok   classify, model='accurate': {len(got)} texts equal `finsent classify --model accurate`")

    jsonl = corpus / "archive.jsonl"
    records = [json.loads(line) for line in jsonl.read_text().splitlines()]
    bodies = [r["body"] for r in records]
    expected = [
        [
            (m["symbol"], m.get("delisted"), m["part"], m["start"], m["end"], m["form"])
            for m in r["tickers"]
            if m["part"] == "body"
        ]
        for r in cli_lines(cli, "tickers", str(jsonl))
    ]
    # The command resolves names by each record's date: so does published_at.
    found = finsent.tickers(
        bodies, published_at=[r.get("published_at") for r in records], as_arrow=True
    ).to_pylist()
    got = [
        [
            (m["symbol"], m["delisted"], m["part"], m["start"], m["end"], m["form"])
            for m in found
            if m["row"] == i
        ]
        for i in range(len(bodies))
    ]
    assert got == expected, (got, expected)
    print(f"ok   tickers: {len(found)} mentions equal `finsent tickers` on the bodies")


def check_gil_released(corpus):
    """Another Python thread runs while an article set is scored."""
    articles = pd.read_json(corpus / "archive.jsonl", lines=True)
    articles = pd.concat([articles] * 10, ignore_index=True)
    done = threading.Event()
    worker = threading.Thread(target=lambda: (finsent.score(articles), done.set()))
    ticks = 0
    worker.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    worker.join()
    assert ticks > 50, f"the main thread ran only {ticks} times while scoring"
    print(f"ok   the GIL is released: the main thread ran {ticks} times while scoring")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cli", required=True, help="the finsent binary")
    parser.add_argument("--corpus", required=True, type=Path)
    args = parser.parse_args()
    assert "site-packages" in finsent.__file__, f"finsent imported from {finsent.__file__}"
    print(f"finsent {finsent.__version__} from {finsent.__file__}; runtime {finsent.runtime_path()}")
    check_score(args.cli, args.corpus)
    check_panel(args.cli, args.corpus)
    check_records_and_arguments()
    check_classify_and_tickers(args.cli, args.corpus)
    check_gil_released(args.corpus)


if __name__ == "__main__":
    main()
