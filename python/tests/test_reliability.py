"""The installed package under the cases of the "Reliability" table (docs/reliability.md)
that only Python reaches: several engines in one process, a record that panics, pandas'
missing values, fork and Ctrl-C. Each check is named after its case (issue 33's rows).

    python test_reliability.py --corpus corpus [--readme README.md] [--cli finsent] [--fault-hook]

Run by scripts/test_python_package.sh from outside the checkout, so that `import finsent`
is the wheel's: once on the release wheel, then, with --fault-hook, on a build with the
test-only feature `fault-hook`, whose hook makes the record whose id is
FINSENT_TEST_PANIC_ID panic.
"""

import argparse
import json
import math
import os
import signal
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import pandas as pd

import finsent

#: The longest a child process may take before the test calls it hung (seconds).
HUNG = 300

PASSED = []


def check(function, *args):
    function(*args)
    PASSED.append(function.__name__)
    print(f"ok   {function.__name__}")


def child(code, **kwargs):
    """Runs `code` in a fresh interpreter; a hang fails the test after HUNG seconds (and
    ends the child's whole process group: a hung fork of it too)."""
    process = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        **kwargs,
    )
    try:
        out, err = process.communicate(timeout=HUNG)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def rows(df):
    return json.loads(df.to_json(orient="records", date_format="iso"))


def two_engines_in_one_process():
    """Row 1: classify with the default domain, then "headline", then "tweet", then score."""
    text = ["Sony raises its full-year outlook"]
    results = [finsent.classify(text, domain=d) for d in ("news", "headline", "tweet", "news")]
    for result in results:
        assert result["error"].isna().all(), result["error"]
        assert math.isclose(sum(result.loc[0, "probs"].values()), 1.0, abs_tol=1e-3)
    assert results[0].loc[0, "score"] == results[3].loc[0, "score"], "the same engine again"
    scored = finsent.score([{"title": text[0]}])
    assert scored["error"].isna().all(), scored["error"]


def readme_python_block_runs(readme):
    """Row 1: the README's own block (section "Python"), run where its paths lead."""
    text = Path(readme).read_text()
    section = text[text.index("\n## Python\n") :]
    block = section[section.index("```python\n") + len("```python\n") :]
    block = block[: block.index("```")]
    run = child(block, cwd=Path(readme).parent)
    assert run.returncode == 0, f"the README's Python block failed:\n{block}\n{run.stderr}"


def a_record_that_panics_fails_alone_in_python_score():
    """Issue 30 #1: through the fault hook, one record panics."""
    articles = [
        {"id": "a", "title": "Toyota raises its forecast", "body": "Toyota raised it."},
        {"id": "boom", "title": "Sony cuts its outlook", "body": "Sony cut it."},
        {"id": "c", "title": "Boeing halts deliveries", "body": "Boeing halted them."},
    ]
    code = f"""
import json, finsent
print(json.dumps(finsent.score({articles!r}, as_arrow=True).to_pylist()))
"""
    run = child(code, env={**os.environ, "FINSENT_TEST_PANIC_ID": "boom"})
    assert run.returncode == 0, run.stderr
    got = json.loads(run.stdout)
    assert [r["id"] for r in got] == ["a", "boom", "c"], got
    assert got[1]["error"]["kind"] == "internal", got[1]
    assert "test fault" in got[1]["error"]["message"], got[1]
    # This process has no hook set: the same articles, scored without the fault.
    clean = json.loads(json.dumps(finsent.score(articles, as_arrow=True).to_pylist()))
    assert clean[1]["error"] is None, clean[1]
    assert [got[0], got[2]] == [clean[0], clean[2]], (got, clean)


def a_text_that_panics_fails_alone_in_python_classify():
    """Issue 30 #1: classify goes through the stream runner too; the text at position 1
    (its id for the fault hook) panics and is one `internal` error row."""
    texts = ["Toyota raises its forecast", "Sony cuts its outlook", "Boeing halts deliveries"]
    code = f"""
import json, finsent
print(json.dumps(finsent.classify({texts!r}, as_arrow=True).to_pylist()))
"""
    run = child(code, env={**os.environ, "FINSENT_TEST_PANIC_ID": "1"})
    assert run.returncode == 0, run.stderr
    got = json.loads(run.stdout)
    assert [r["text"] for r in got] == texts, got
    assert got[1]["error"]["kind"] == "internal", got[1]
    assert "test fault" in got[1]["error"]["message"], got[1]
    assert got[1]["score"] is None, got[1]
    # This process has no hook set: the same texts, scored without the fault.
    clean = json.loads(json.dumps(finsent.classify(texts, as_arrow=True).to_pylist()))
    assert clean[1]["error"] is None, clean[1]
    assert [got[0], got[2]] == [clean[0], clean[2]], (got, clean)



def a_text_that_panics_in_tickers_raises_naming_it():
    """Issue 30 #1: tickers goes through the stream runner too; a mention row has no error
    column, so the text at position 1 (its id for the fault hook) that panics raises
    RuntimeError naming it, not a PanicException."""
    texts = ["Toyota (TSE: 7203) rose", "Sony cuts its outlook", "Boeing halts deliveries"]
    code = f"""
import finsent
try:
    finsent.tickers({texts!r})
    print("no error")
except RuntimeError as e:
    print(type(e).__name__, e)
"""
    run = child(code, env={**os.environ, "FINSENT_TEST_PANIC_ID": "1"})
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("RuntimeError text 1: "), run.stdout
    assert "test fault" in run.stdout, run.stdout
    # This process has no hook set: the same texts, found without the fault.
    assert "7203.T" in set(finsent.tickers(texts, as_arrow=True).column("symbol").to_pylist())

def pandas_missing_values_are_missing():
    """Rows 4 and 13: pd.NA (convert_dtypes, Int64, pyarrow-backed) and float("inf") are
    missing values, as None is, never the text "<NA>" or invalid JSON."""
    plain = [
        {"id": "x1", "title": "Sony up", "body": "Sony rose."},
        {"id": "x2", "title": None, "body": "Sony rose."},
    ]
    expected = rows(finsent.score(plain))
    nullable = pd.DataFrame(plain).convert_dtypes()
    assert nullable["title"].iloc[1] is pd.NA
    assert rows(finsent.score(nullable)) == expected
    arrow = pd.DataFrame(plain).convert_dtypes(dtype_backend="pyarrow")
    assert rows(finsent.score(arrow)) == expected
    ids = pd.DataFrame({"id": pd.array([101, None], dtype="Int64"), "title": ["Sony up"] * 2})
    assert list(finsent.score(ids)["id"]) == ["101", "<data>:2"]
    infinite = finsent.score([{"id": "i", "title": "Sony up", "body": float("inf")}])
    assert rows(infinite) == rows(finsent.score([{"id": "i", "title": "Sony up"}]))
    assert infinite["error"].isna().all(), infinite["error"]
    assert finsent.classify([pd.NA, "Sony up"]).loc[0, "error"]["kind"] == "empty_text"


def int_column_with_a_gap_stays_int():
    """Row 9: pandas makes an int column with a missing value float64; ids stay "101" and
    epoch seconds stay a date."""
    df = pd.DataFrame(
        {"id": [101, None], "title": ["Sony up"] * 2, "published_at": [1770880200, None]}
    )
    assert df["id"].dtype == "float64"
    got = finsent.score(df)
    assert list(got["id"]) == ["101", "<data>:2"], list(got["id"])
    expected = finsent.score([{"id": 101, "title": "Sony up", "published_at": 1770880200}])
    assert got.loc[0, "published_at"] == expected.loc[0, "published_at"]
    assert pd.notna(got.loc[0, "published_at"]), got.loc[0]
    assert pd.isna(got.loc[1, "published_at"])


def refused(call, error, words):
    try:
        call()
    except error as e:
        assert words in str(e), e
        return
    raise AssertionError(f"expected {error.__name__} ({words})")


def empty_path_is_refused():
    """Row 14: finsent.score("") scored the current directory."""
    refused(lambda: finsent.score(""), ValueError, "empty path")


def fifo_path_is_refused():
    """Row 6: finsent.score(<a FIFO>) waited forever for a writer and ignored Ctrl-C."""
    with tempfile.TemporaryDirectory() as tmp:
        fifo = Path(tmp) / "news.jsonl"
        os.mkfifo(fifo)
        refused(lambda: finsent.score(str(fifo)), ValueError, "not a regular file")


def two_columns_of_one_name_are_refused():
    """Row 12: with two `title` columns the second was read as the body."""
    df = pd.DataFrame([["Sony up", "other", "Sony rose."]], columns=["title", "title", "body"])
    refused(lambda: finsent.score(df), ValueError, "more than one column named title")
    df = pd.DataFrame([["Sony up", "a", "b"]], columns=["title", "desk", "desk"])
    refused(lambda: finsent.score(df, keep=["desk"]), ValueError, "named desk")


def lone_surrogate_fails_alone_in_classify_and_tickers():
    """Row 16: one text with a lone surrogate raised UnicodeEncodeError for the whole list.
    In classify it is an `encoding` error row, as in score; tickers reads it as U+FFFD
    (offsets unchanged)."""
    got = finsent.classify(["Sony raises its outlook"] * 2 + ["\ud800 Sony"])
    assert got["error"].iloc[:2].isna().all(), got["error"]
    assert got.loc[2, "error"]["kind"] == "encoding", got.loc[2]
    assert got.loc[0, "score"] == finsent.classify(["Sony raises its outlook"]).loc[0, "score"]
    found = finsent.tickers(["\ud800 Toyota (TSE: 7203) rose."])
    assert len(found) > 0, found
    assert rows(found) == rows(finsent.tickers(["\ufffd Toyota (TSE: 7203) rose."]))


def keep_edge_cases():
    """Row 17: keep= naming a column twice, an int-named column, a mixed-type column."""
    df = pd.DataFrame({"title": ["Sony up", "Toyota down"], 5: ["a", "b"], "mixed": [1, "a"]})
    got = finsent.score(df, keep=["5", "5"])
    assert list(got["5"]) == ["a", "b"], got
    assert list(got.columns).count("5") == 1
    refused(lambda: finsent.score(df, keep=["mixed"]), ValueError, "cannot be one Arrow column")


def panel_of_off_format_scores(corpus):
    """Row 8: tz-naive published_at is UTC (as score reads it); NaN scores are missing; a
    panel left empty by off-format input warns with the counts (it was silent)."""
    scores = finsent.score(str(corpus / "archive.jsonl"))
    daily = finsent.panel(scores)
    assert len(daily) > 0
    naive = scores.assign(published_at=scores["published_at"].dt.tz_localize(None))
    assert finsent.panel(naive).equals(daily)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        empty = finsent.panel(scores.assign(confidence=float("nan")))
    assert len(empty) == 0
    assert any("no ticker-day rows from 6 records" in str(w.message) for w in caught), caught


def bytes_containers_and_big_ints():
    """Row 20: bytes were scored as "b'...'", lists and dicts stringified, an id of 2**70
    became 1.18e+21. Bytes are UTF-8 text (else an `encoding` error row), containers are
    left out with a warning as the command leaves out such JSON fields (a TypeError in
    classify), ints past 64 bits keep their digits."""
    got = finsent.score(
        [
            {"id": 2**70, "title": b"Sony up", "body": ["x"]},
            {"id": "b", "title": b"\xff bad"},
            {"id": "c", "title": "Sony up", "body": {"a": 1}},
        ],
        as_arrow=True,
    ).to_pylist()
    plain = finsent.score([{"title": "Sony up"}], as_arrow=True).to_pylist()[0]
    assert got[0]["id"] == str(2**70), got[0]
    assert got[0]["score"] == plain["score"], (got[0], plain)
    assert got[0]["warnings"] == ["body: expected a string, found an array; left out"], got[0]
    assert got[1]["error"]["kind"] == "encoding", got[1]
    assert got[2]["warnings"] == ["body: expected a string, found an object; left out"], got[2]
    refused(lambda: finsent.classify([["a"]]), TypeError, "not list")


def panel_reads_parquet_that_pandas_wrote(cli, corpus):
    """Row 7: `finsent panel` on a Parquet that pandas wrote from finsent.score's result
    exited 2 ("Invalid timezone \"UTC\": only offset based timezones supported")."""
    scores = finsent.score(str(corpus / "archive.jsonl"))
    with tempfile.TemporaryDirectory() as tmp:
        written, out = Path(tmp) / "p.parquet", Path(tmp) / "panel.jsonl"
        scores.to_parquet(written)
        run = subprocess.run(
            [cli, "panel", str(written), "-q", "-o", str(out)], capture_output=True, text=True
        )
        assert run.returncode == 0, run.stderr
        got = [json.loads(line) for line in out.read_text().splitlines()]
    expected = json.loads(finsent.panel(scores).to_json(orient="records", date_format="iso"))
    assert [(r["symbol"], r["score"]) for r in got] == [
        (r["symbol"], r["score"]) for r in expected
    ], (got, expected)
    assert got, "the corpus gives a panel"


def bad_model_directory_says_it_once():
    """Row 18: a model directory without config.json said "(os error 2)" twice."""
    with tempfile.TemporaryDirectory() as tmp:
        try:
            finsent.classify(["x"], model=tmp)
        except RuntimeError as e:
            message = str(e)
        else:
            raise AssertionError("an empty model directory loads")
    assert "config.json" in message and message.count("os error 2") == 1, message


FORK = """
import os, finsent
finsent.classify(["x"]); finsent.score([{"title": "Sony up"}])
pid = os.fork()
if pid == 0:
    ok = finsent.classify(["y"])["error"].isna().all()
    ok = ok and finsent.score([{"title": "Toyota down"}])["error"].isna().all()
    os._exit(0 if ok else 3)
_, status = os.waitpid(pid, 0)
raise SystemExit(os.waitstatus_to_exitcode(status))
"""

FORK_POOL = """
import multiprocessing, finsent

def work(text):
    return float(finsent.classify([text]).loc[0, "score"])

if __name__ == "__main__":
    texts = ["Sony raises its outlook", "Boeing halts deliveries"]
    here = [work(t) for t in texts]
    with multiprocessing.get_context("fork").Pool(2) as pool:
        there = pool.map(work, texts)
    assert there == here, (there, here)
"""


def fork_after_the_engine_loaded():
    """Row 2: os.fork() and a multiprocessing "fork" pool after the engine loaded: the child
    loads its own engine and scores (it hung in rayon forever)."""
    for name, code in [("os.fork", FORK), ("fork pool", FORK_POOL)]:
        try:
            run = child(code)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"{name}: the child hung") from None
        assert run.returncode == 0, f"{name}: exit {run.returncode}\n{run.stderr}"


INTERRUPTED = """
import json, os, signal, sys, threading, finsent
path, call, big = sys.argv[1], sys.argv[2], sys.argv[3]
bodies = [json.loads(line)["body"] for line in open(path)]
# Many chunks of work (512 articles a chunk in score, 256 texts in classify and tickers); the
# call stops after the first two or three, so their number costs nothing.
chunks = 32
if call == "score":
    with open(big, "w") as out:
        for i in range(chunks * 512 // len(bodies) + 1):
            for j, body in enumerate(bodies):
                out.write(json.dumps({"id": f"{i}-{j}", "body": body}) + "\\n")
    work = lambda progress: finsent.score(big, progress=progress)
elif call == "classify":
    texts = [body[:300] for body in bodies] * (chunks * 256 // len(bodies) + 1)
    work = lambda progress: finsent.classify(texts, progress=progress)
else:
    texts = ["Toyota (TSE: 7203) rose on Tuesday as traders bought shares. " * 100] * (chunks * 256)
    work = lambda progress: finsent.tickers(texts, progress=progress)
reports, sent, first = [], [], threading.Event()
def progress(done, total):
    reports.append(done)
    first.set()
def interrupt():
    # A Ctrl-C from outside the call (as a terminal's), once the first chunk is done.
    first.wait()
    sent.append(len(reports))
    os.kill(os.getpid(), signal.SIGINT)
threading.Thread(target=interrupt, daemon=True).start()
try:
    work(progress)
    outcome = "completed"
except KeyboardInterrupt:
    outcome = "interrupted"
print(json.dumps({"outcome": outcome, "reports": len(reports), "sent": sent}), flush=True)
"""


def ctrl_c_stops_a_long_call(corpus):
    """Row 6: SIGINT during score, classify and tickers raises KeyboardInterrupt between
    chunks, not when the call would end (it was raised only when the call returned). The
    signal is sent once the first chunk is done; what is checked is what happened, not how
    long it took: the call raised KeyboardInterrupt, and at most the chunk under way when
    the signal came was finished after it (no chunk was started after it was seen)."""
    with tempfile.TemporaryDirectory() as tmp:
        for call in ("score", "classify", "tickers"):
            try:
                run = subprocess.run(
                    [
                        sys.executable,
                        "-c",
                        INTERRUPTED,
                        str(corpus / "archive.jsonl"),
                        call,
                        str(Path(tmp) / "big.jsonl"),
                    ],
                    capture_output=True,
                    text=True,
                    timeout=HUNG,
                )
            except subprocess.TimeoutExpired:
                raise AssertionError(f"{call}: still running after {HUNG} s") from None
            assert run.returncode == 0, f"{call}: {run.stderr}"
            got = json.loads(run.stdout)
            assert got["outcome"] == "interrupted", f"{call}: {got} {run.stderr}"
            assert len(got["sent"]) == 1, f"{call}: {got}"
            # Chunks reported after the signal was sent: the one under way, at most.
            assert got["reports"] <= got["sent"][0] + 1, f"{call}: {got}"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--readme", type=Path, help="the README whose Python block runs")
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--cli", help="the finsent binary, for the checks that run it")
    parser.add_argument(
        "--fault-hook", action="store_true", help="only the checks of the fault hook (a build with the feature fault-hook)"
    )
    args = parser.parse_args()
    if args.fault_hook:
        check(a_record_that_panics_fails_alone_in_python_score)
        check(a_text_that_panics_fails_alone_in_python_classify)
        check(a_text_that_panics_in_tickers_raises_naming_it)
    else:
        check(two_engines_in_one_process)
        if args.readme:
            check(readme_python_block_runs, args.readme)
        check(pandas_missing_values_are_missing)
        check(int_column_with_a_gap_stays_int)
        check(empty_path_is_refused)
        check(fifo_path_is_refused)
        check(two_columns_of_one_name_are_refused)
        check(lone_surrogate_fails_alone_in_classify_and_tickers)
        check(keep_edge_cases)
        check(panel_of_off_format_scores, args.corpus)
        check(bytes_containers_and_big_ints)
        if args.cli:
            check(panel_reads_parquet_that_pandas_wrote, args.cli, args.corpus)
        check(bad_model_directory_says_it_once)
        check(fork_after_the_engine_loaded)
        check(ctrl_c_stops_a_long_call, args.corpus)
    print(f"{len(PASSED)} passed, 0 failed")


if __name__ == "__main__":
    main()
