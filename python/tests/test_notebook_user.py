"""What a notebook user meets (issue 31): progress on long calls, `tickers` by date, share
classes as of the date, and a panel that joins US prices with a datetime64 `day`.

    python test_notebook_user.py

Run by scripts/test_python_package.sh from outside the checkout, so that `import finsent`
is the wheel's; tqdm is installed in that venv.
"""

import contextlib
import datetime
import io
import json
import tempfile
from pathlib import Path

import pandas as pd

import finsent

PASSED = []


def check(function):
    function()
    PASSED.append(function.__name__)
    print(f"ok   {function.__name__}")


def counts(call, total):
    """The counts `call(progress=...)` reports, checked: each call gets `total`, the counts
    never go down, and the last is the total."""
    seen = []

    def progress(done, given):
        assert given == total, (given, total)
        seen.append(done)

    call(progress=progress)
    assert seen, "the callback was never called"
    assert seen == sorted(seen), seen
    assert seen[-1] == total, seen
    return seen


def a_progress_callback_counts_up_to_the_total():
    # 1,200 headlines: three chunks of `score` (512 records each), five pieces of 256 texts.
    headlines = [f"Acme {i} raises its outlook" for i in range(1200)]
    seen = counts(lambda **p: finsent.score([{"title": t} for t in headlines], **p), 1200)
    assert len(seen) >= 3, seen
    seen = counts(lambda **p: finsent.classify(headlines, **p), 1200)
    assert len(seen) >= 5, seen
    seen = counts(lambda **p: finsent.tickers(headlines, **p), 1200)
    assert len(seen) >= 5, seen
    # Nothing to do: the callback still hears the end.
    assert counts(lambda **p: finsent.classify([], **p), 0) == [0]


def a_path_reports_records_without_a_total():
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "news.jsonl"
        path.write_text("".join(json.dumps({"title": f"Acme {i} cuts jobs"}) + "\n" for i in range(600)))
        seen = []
        finsent.score(str(path), progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1] == (600, None), seen
    assert [d for d, _ in seen] == sorted(d for d, _ in seen), seen


def a_raising_callback_stops_the_call():
    def stop(done, total):
        raise LookupError(f"stop at {done}")

    for call in (
        lambda: finsent.score([{"title": "Sony raises its outlook"}] * 600, progress=stop),
        lambda: finsent.classify(["Sony raises its outlook"] * 600, progress=stop),
    ):
        try:
            call()
        except LookupError as e:
            assert str(e).startswith("stop at"), e
        else:
            raise AssertionError("the callback's exception did not stop the call")
    try:
        finsent.classify(["x"], progress="yes")
    except TypeError as e:
        assert "progress" in str(e), e
    else:
        raise AssertionError("progress='yes' was accepted")


def a_tqdm_bar_shows_when_asked_and_on_long_calls():
    def stderr_of(call):
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            call()
        return err.getvalue()

    texts = ["Sony raises its outlook"] * 600
    assert "600/600" in stderr_of(lambda: finsent.tickers(texts)), "no bar on a long call"
    assert stderr_of(lambda: finsent.tickers(texts[:10])) == "", "a bar on a short call"
    assert "10/10" in stderr_of(lambda: finsent.tickers(texts[:10], progress=True))
    assert stderr_of(lambda: finsent.tickers(texts, progress=False)) == ""


def symbols(found):
    return [(m.row, m.symbol, None if pd.isna(m.delisted) else m.delisted) for m in found.itertuples()]


def tickers_resolve_former_listings_by_date():
    lehman = "Lehman Brothers shares plunged."
    # A name only a former listing had: its symbol by the date, nothing without one or after.
    assert symbols(finsent.tickers([lehman], published_at="2008-09-10")) == [(0, "LEH", "2008-09-17")]
    assert symbols(finsent.tickers([lehman])) == []
    # After its end a name only it had still names it (a retrospective).
    assert symbols(finsent.tickers([lehman], published_at=datetime.date(2010, 1, 4))) == [(0, "LEH", "2008-09-17")]
    # One date per text, as a list with a gap or a datetime64 Series; aware times in UTC.
    texts = [lehman, lehman, "Clear Channel agreed to a buyout."]
    dates = pd.Series(pd.to_datetime(["2008-09-10 09:00", None, "2007-05-17 12:00"]))
    expected = [(0, "LEH", "2008-09-17"), (2, "CCU", "2008-07-30")]
    assert symbols(finsent.tickers(texts, published_at=dates)) == expected
    assert symbols(finsent.tickers(texts, published_at=["2008-09-10", None, "2007-05-17"])) == expected
    # A code goes to its holder of the day, read in UTC: 22:00 in New York on Clear
    # Channel's last day is the next day in UTC, when $CCU is today's holder's.
    ccu = "$CCU fell."
    last = datetime.datetime(2008, 7, 30, 12, tzinfo=datetime.timezone(datetime.timedelta(hours=-4)))
    late = datetime.datetime(2008, 7, 30, 22, tzinfo=datetime.timezone(datetime.timedelta(hours=-4)))
    assert symbols(finsent.tickers([ccu], published_at=last)) == [(0, "CCU", "2008-07-30")]
    assert symbols(finsent.tickers([ccu], published_at=late)) == [(0, "CCU", None)], "2008-07-31 in UTC"
    for bad, error in [("yesterday", ValueError), (["2008-09-10"] * 2, ValueError), ({"a": 1}, TypeError)]:
        try:
            finsent.tickers([lehman], published_at=bad)
        except error:
            pass
        else:
            raise AssertionError(f"published_at={bad!r} was accepted")


def share_classes_as_of_the_date():
    google = "Google raised its forecast."
    assert symbols(finsent.tickers([google], published_at="2007-10-18")) == [(0, "GOOG", "2014-04-02")]
    assert symbols(finsent.tickers([google], published_at="2015-10-22")) == [(0, "GOOGL", None)]
    assert symbols(finsent.tickers([google])) == [(0, "GOOGL", None)]
    assert symbols(finsent.tickers(["$BRK.A rose."], published_at="2007-05-05")) == [(0, "BRK.B", None)]
    scored = finsent.score(
        [
            {"id": "2007", "title": google, "published_at": "2007-10-18T20:05:00Z"},
            {"id": "2015", "title": google, "published_at": "2015-10-22T20:05:00Z"},
        ],
        as_arrow=True,
    ).to_pylist()
    got = [(r["id"], [(t["symbol"], t["delisted"]) for t in r["tickers"]]) for r in scored]
    assert got == [("2007", [("GOOG", "2014-04-02")]), ("2015", [("GOOGL", None)])], got


def panel_joins_us_prices_with_a_datetime_day():
    scored = finsent.score(
        [
            {"id": "a", "title": "Toyota raises its profit forecast", "published_at": "2026-02-06T14:00:00Z"},
            {"id": "b", "title": "Sony cuts its outlook", "published_at": "2026-02-06T15:00:00Z"},
            {"id": "c", "title": "Nvidia beats estimates", "published_at": "2026-02-06T15:30:00Z"},
        ]
    )
    home = finsent.panel(scored)
    us = finsent.panel(scored, listing="US")
    us_codes = {"7203.T": "TM", "6758.T": "SONY"}
    assert list(home["symbol"]) == ["6758.T", "7203.T", "NVDA"], home
    renamed = {us_codes.get(s, s): score for s, score in zip(home["symbol"], home["score"])}
    assert dict(zip(us["symbol"], us["score"])) == renamed, (home, us)
    assert str(home["day"].dtype).startswith("datetime64"), home.dtypes
    assert (home["day"] == pd.Timestamp("2026-02-06")).all(), home["day"]
    assert str(finsent.panel(scored, as_arrow=True).schema.field("day").type) == "date32[day]"
    try:
        finsent.panel(scored, listing="LSE")
    except ValueError as e:
        assert "listing" in str(e), e
    else:
        raise AssertionError("listing='LSE' was accepted")


def main():
    check(a_progress_callback_counts_up_to_the_total)
    check(a_path_reports_records_without_a_total)
    check(a_raising_callback_stops_the_call)
    check(a_tqdm_bar_shows_when_asked_and_on_long_calls)
    check(tickers_resolve_former_listings_by_date)
    check(share_classes_as_of_the_date)
    check(panel_joins_us_prices_with_a_datetime_day)
    print(f"{len(PASSED)} passed, 0 failed")


if __name__ == "__main__":
    main()
