"""finsent: the sentiment of market news, scored by a small ONNX model, from a notebook.

    import finsent
    df = finsent.score(articles)          # pandas or polars DataFrame, list of dicts, or a path
    finsent.classify(["Sony raises its outlook"])
    finsent.tickers(["Toyota (TSE: 7203) and Sony rose."])

The model loads once per process (on the first call) and is reused. Scoring runs in Rust
on every core, without the GIL. A record that cannot be scored is a row with ``error`` set;
exceptions are raised only for bad arguments (and a runtime that cannot be loaded).
ONNX Runtime is the one in the ``onnxruntime`` package: nothing is downloaded.
"""

from __future__ import annotations

import datetime
import importlib.util
import json
import math
import numbers
import os
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from . import _finsent

__all__ = ["score", "classify", "tickers", "panel", "runtime_path", "ORT_VERSION"]
__version__ = _finsent.__version__

#: The ONNX Runtime release the library is built against (the ``onnxruntime`` dependency).
ORT_VERSION: str = _finsent.ORT_VERSION

#: The input field names ``finsent score`` tries, in order, for each article field.
_DEFAULT_FIELDS: dict[str, list[str]] = dict(_finsent.default_fields())

#: ``source.path`` of rows given as a DataFrame or a list of dicts.
ROWS_PATH = "<data>"


def runtime_path() -> Path:
    """The ONNX Runtime library inside the installed ``onnxruntime`` package."""
    spec = importlib.util.find_spec("onnxruntime")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            f"finsent needs the onnxruntime package: pip install onnxruntime=={ORT_VERSION}"
        )
    for location in spec.submodule_search_locations:
        library = Path(location) / "capi" / f"libonnxruntime.so.{ORT_VERSION}"
        if library.is_file():
            return library
    found = ", ".join(spec.submodule_search_locations)
    raise RuntimeError(
        f"no capi/libonnxruntime.so.{ORT_VERSION} in the onnxruntime package at {found}: "
        f"pip install onnxruntime=={ORT_VERSION}"
    )


def _engine_args(model: str | os.PathLike) -> dict[str, Any]:
    if not isinstance(model, (str, os.PathLike)):
        raise TypeError(f"model must be 'fast', 'accurate' or a model directory, not {type(model).__name__}")
    return {"runtime": str(runtime_path()), "model": os.fspath(model)}


def _table(ipc: bytes) -> pa.Table:
    return pa.ipc.open_stream(ipc).read_all()


def _frame(table: pa.Table, as_arrow: bool, polars: bool = False):
    if as_arrow:
        return table
    if polars:
        import polars as pl

        return pl.from_arrow(table)
    return table.to_pandas()


#: The largest whole number a float holds exactly (2**53): a whole float up to it is an int.
_EXACT_FLOAT = 2**53


def _cell(value: Any) -> Any:
    """A DataFrame cell as JSON: text and numbers as they are, times in ISO 8601, gaps as None.

    Missing values are None: ``None``, ``pd.NA``, ``NaN``, ``NaT`` and the infinities (which
    JSON cannot hold). A whole float is an int (pandas turns an int column with a gap into
    floats): an id 101 stays ``"101"``, epoch seconds stay epoch seconds.
    """
    if value is None or isinstance(value, str):
        return value
    if _is_na(value):
        return None
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, numbers.Integral):
        # JSON readers take numbers past 64 bits as floats (2**70 -> 1.18e+21): keep the digits.
        return int(value) if abs(int(value)) < 2**63 else str(int(value))
    if isinstance(value, (bytes, bytearray)):
        # Bytes that are not UTF-8 stay invalid: the row becomes an `encoding` error row.
        return bytes(value).decode("utf-8", "surrogateescape")
    if isinstance(value, Mapping):
        # Left out with a warning in the row, as the command leaves out such JSON fields.
        return {}
    if isinstance(value, (list, tuple, set, frozenset)) or type(value).__name__ == "ndarray":
        return []
    if isinstance(value, numbers.Real):
        value = float(value)
        if not math.isfinite(value):
            return None
        return int(value) if value.is_integer() and abs(value) <= _EXACT_FLOAT else value
    if isinstance(value, (datetime.datetime, datetime.date)):
        # pandas.NaT is a datetime whose isoformat() is "NaT".
        text = value.isoformat()
        return None if text == "NaT" else text
    try:
        import numpy as np

        if isinstance(value, np.datetime64):
            return None if np.isnat(value) else str(value)
    except ImportError:
        pass
    return str(value)


def _is_na(value: Any) -> bool:
    """pandas' missing-value scalar ``pd.NA`` (nullable and pyarrow-backed columns), whose
    ``str`` is ``"<NA>"``; checked by type, so pandas need not be imported."""
    kind = type(value)
    return kind.__name__ == "NAType" and kind.__module__.startswith("pandas")


def _kind(data: Any) -> str:
    module = type(data).__module__
    if module.startswith("pandas") and type(data).__name__ == "DataFrame":
        return "pandas"
    if module.startswith("polars") and type(data).__name__ == "DataFrame":
        return "polars"
    if isinstance(data, (str, os.PathLike)):
        return "path"
    if isinstance(data, Sequence) and all(isinstance(row, Mapping) for row in data):
        return "dicts"
    raise TypeError(
        "data must be a pandas or polars DataFrame, a list of dicts or a path, "
        f"not {type(data).__name__}"
    )


def _columns(data: Any, kind: str) -> list[str]:
    if kind in ("pandas", "polars"):
        return [str(c) for c in data.columns]
    seen: dict[str, None] = {}
    for row in data:
        seen.update(dict.fromkeys(str(k) for k in row))
    return list(seen)


def _refuse_twice(data: Any, kind: str, wanted: Sequence[str]) -> None:
    """A DataFrame with two columns of a name finsent reads: pandas would hand over both,
    and the second would be read as the next field."""
    if kind != "pandas":
        return
    names = [str(c) for c in data.columns]
    twice = sorted({c for c in wanted if names.count(c) > 1})
    if twice:
        raise ValueError(f"the DataFrame has more than one column named {', '.join(twice)}")


def _rows(data: Any, kind: str, columns: list[str]) -> Iterable[tuple]:
    if kind == "pandas":
        return data[columns].itertuples(index=False, name=None)
    if kind == "polars":
        return data.select(columns).iter_rows()
    return (tuple(row.get(c) for c in columns) for row in data)


def _jsonl(data: Any, kind: str, names: dict[str, list[str]], named: dict[str, str]) -> bytes:
    """The fields finsent reads of every row, one JSON object a line. A column in `named`
    (given explicitly, not left at its default) must be there."""
    present = set(_columns(data, kind))
    for field, column in named.items():
        if column not in present:
            raise ValueError(f"{field}={column!r} names no column of the data; it has {sorted(present)}")
    wanted = [c for field in names.values() for c in field]
    columns = list(dict.fromkeys(c for c in wanted if c in present))
    _refuse_twice(data, kind, columns)
    if not any(c in present for c in names["title"] + names["body"]):
        body = f"no body column ({', '.join(names['body'])})" if names["body"] else "body=None"
        raise ValueError(
            f"no title column ({', '.join(names['title'])}) and {body} among {sorted(present)}; "
            "name them with title= and body="
        )
    lines = []
    for row in _rows(data, kind, columns):
        cells = {c: _cell(v) for c, v in zip(columns, row)}
        lines.append(json.dumps({c: v for c, v in cells.items() if v is not None}, ensure_ascii=False))
    # A lone surrogate stays invalid UTF-8: that row becomes an `encoding` error row.
    return "\n".join(lines).encode("utf-8", "surrogatepass")


def _kept(data: Any, kind: str, column: str) -> pa.Array:
    """The input column `column` (named as a string, whatever its label) as Arrow."""
    try:
        if kind == "pandas":
            label = next(c for c in data.columns if str(c) == column)
            return pa.Array.from_pandas(data[label])
        if kind == "polars":
            return data[column].to_arrow()
        return pa.array([next((v for k, v in row.items() if str(k) == column), None) for row in data])
    except (pa.ArrowInvalid, pa.ArrowTypeError) as e:
        raise ValueError(f"keep= column {column!r} cannot be one Arrow column: {e}") from None


#: The name a kept input column takes when the result has a column of its own name.
KEPT_PREFIX = "input_"

#: By default (``progress=None``) a call on more rows than this shows a progress bar, when
#: tqdm is installed; a path (whose size is not known in advance) shows one once this many
#: records are done.
PROGRESS_ROWS = 500


class _Bar:
    """A tqdm bar (``tqdm.auto``: a widget in a notebook) fed the count done; opened when
    more than `after` rows are done, so that short calls show none."""

    def __init__(self, total: int | None, unit: str, after: int):
        self.total, self.unit, self.after = total, unit, after
        self.bar = None

    def __call__(self, done: int) -> None:
        if self.bar is None:
            if done <= self.after:
                return
            from tqdm.auto import tqdm

            self.bar = tqdm(total=self.total, unit=self.unit, desc="finsent")
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _tqdm_installed() -> bool:
    return importlib.util.find_spec("tqdm") is not None


def _progress(progress: Any, total: int | None, unit: str):
    """What the Rust side calls after each chunk with the count done (or None), and what
    closes it afterwards: `progress` is None (a bar when tqdm is installed and the call is
    long), True (a bar), False (nothing) or ``callable(done, total)``."""
    if progress is False:
        return None, lambda: None
    if progress is None or progress is True:
        if progress is True and not _tqdm_installed():
            raise ImportError("progress=True needs tqdm: pip install tqdm")
        if progress is None and (not _tqdm_installed() or (total is not None and total <= PROGRESS_ROWS)):
            return None, lambda: None
        bar = _Bar(total, unit, -1 if progress or total is not None else PROGRESS_ROWS)
        return bar, bar.close
    if callable(progress):
        return (lambda done: progress(done, total)), lambda: None
    raise TypeError(f"progress must be True, False, None or a callable(done, total), not {type(progress).__name__}")


def _with_progress(progress: Any, total: int | None, unit: str, call):
    """`call(callback)`, with the progress callback, closing a bar however it ends."""
    callback, close = _progress(progress, total, unit)
    try:
        return call(callback)
    finally:
        close()


def score(
    data: Any,
    *,
    title: str = "title",
    body: str | None = "body",
    id: str = "id",
    published_at: str = "published_at",
    keep: Sequence[str] | None = None,
    sentences: bool = False,
    domain: str | None = None,
    model: str | os.PathLike = "fast",
    progress: Any = None,
    as_arrow: bool = False,
):
    """Scores articles: one row per input record, in input order, with the columns of
    ``finsent score -o out.parquet`` (``error`` set, and the scores null, where a record
    could not be scored).

    data: a pandas or polars DataFrame or a list of dicts (one article each), or the path of a
        file or directory, read as ``finsent score PATH`` reads it (gzip and zstd files
        too: ``news.jsonl.gz``).
    title, body, id, published_at: the columns holding these fields. Left at their defaults,
        each also accepts the command's other names (``headline``; ``text``, ``content``;
        ``date``, ``published``, ``datetime``, ``timestamp``); ``source``/``outlet`` and
        ``url``/``link`` are read too. A column named otherwise must exist in a DataFrame or
        list of dicts (``ValueError`` names it). ``body=None`` scores headlines alone (no
        body column is read). Times without an offset are UTC. Missing values (``None``,
        ``pd.NA``, ``NaN``, ``NaT``, infinities) are missing; a whole float is an int (an
        int column with a gap, which pandas stores as floats); bytes are UTF-8 text; lists
        and dicts are left out with a warning, as the command leaves them out.
    keep: input columns carried into the result, after ``error``. One named as a result
        column (``id``, ``title``, ...) is kept as ``input_id``, ``input_title``, ...
        From a DataFrame or list of dicts a column keeps its type; from a path the fields
        are read as ``finsent score --keep`` reads them (JSONL keys, CSV columns): as text,
        null where a record lacks one (and in error rows).
    sentences: add ``sentence_scores``, every sentence with its scores.
    domain: ``news``, ``tweet`` or ``headline``, the tag the model is given, as the
        command's ``--domain`` (default: the model's, ``news``).
    model: ``"fast"`` (the shipped model, compiled in), ``"accurate"`` (finsent-mpnet-v3: the
        ``models/finsent-mpnet-v3`` directory of the checkout the package was built from, or
        a copy in ``~/.cache/finsent/models/``) or a model directory.
    progress: ``None`` (default): a tqdm progress bar when tqdm is installed and there are
        more than ``PROGRESS_ROWS`` (500) records (a path: once 500 are done); ``True``: a
        bar whatever the size; ``False``: none; or a ``callable(done, total)``, called after
        each chunk of records with the records done so far and the total (``None`` for a
        path), last with ``done == total``. An exception it raises stops the call.
    as_arrow: return a ``pyarrow.Table`` instead of a DataFrame (pandas, or polars for a
        polars DataFrame).
    """
    given = {"id": id, "title": title, "body": body, "published_at": published_at}
    for field, name in given.items():
        if field == "body" and name is None:
            continue
        if not isinstance(name, str) or not name:
            raise TypeError(f"{field}= must be a column name, not {name!r}")
    if domain is not None and not isinstance(domain, str):
        raise TypeError(f"domain must be a string, not {type(domain).__name__}")
    # A field left at its default reads every name the command reads; body=None reads none.
    named = {f: name for f, name in given.items() if name is not None and name != f}
    overrides = {f: ([] if name is None else [name] if name != f else None) for f, name in given.items()}
    keep = [keep] if isinstance(keep, str) else list(dict.fromkeys(keep or []))
    kind = _kind(data)
    engine = {**_engine_args(model), "domain": domain}
    if kind == "path":
        if not os.fspath(data):
            # Path("") is ".": the empty string would score the current directory.
            raise ValueError("data is an empty path; give a file or directory")
        path = Path(data)
        if not path.exists():
            raise FileNotFoundError(f"no such file or directory: {path}")
        if not (path.is_file() or path.is_dir()):
            # Opening a FIFO waits for a writer, beyond the reach of Ctrl-C.
            raise ValueError(
                f"{path} is not a regular file or directory (a FIFO, socket or device); "
                "read it in Python and pass the rows, or give it to the finsent command"
            )
        ipc = _with_progress(
            progress,
            None,
            "records",
            lambda callback: _finsent.score_paths(
                [str(path)],
                sentences=sentences,
                keep=keep,
                progress=callback,
                **engine,
                **overrides,
            ),
        )
        return _frame(_table(ipc), as_arrow)
    columns = _columns(data, kind)
    missing = [c for c in keep if c not in columns]
    if missing:
        raise ValueError(f"keep= names columns the data does not have: {missing}")
    _refuse_twice(data, kind, keep)
    # Converted before scoring, so that a column Arrow cannot hold fails at once.
    kept = {column: _kept(data, kind, column) for column in keep}
    names = {f: (list(_DEFAULT_FIELDS[f]) if n is None else n) for f, n in overrides.items()}
    names["outlet"] = _DEFAULT_FIELDS["outlet"]
    names["url"] = _DEFAULT_FIELDS["url"]
    jsonl = _jsonl(data, kind, names, named)
    ipc = _with_progress(
        progress,
        len(data),
        "records",
        lambda callback: _finsent.score_rows(
            jsonl, path=ROWS_PATH, sentences=sentences, progress=callback, **engine, **overrides
        ),
    )
    table = _table(ipc)
    result = set(table.column_names)
    for column, values in kept.items():
        name = KEPT_PREFIX + column if column in result else column
        if name in table.column_names:
            raise ValueError(f"keep= column {column!r} would be {name!r}, which the result has already")
        table = table.append_column(name, values)
    return _frame(table, as_arrow, polars=kind == "polars")


def classify(
    texts: Iterable[str],
    targets: Iterable[str | None] | None = None,
    domain: str = "news",
    *,
    model: str | os.PathLike = "fast",
    progress: Any = None,
    as_arrow: bool = False,
):
    """Scores short texts (headlines, tweets, sentences) as they are, without splitting: one
    row per text with ``label``, ``score`` (P(positive) - P(negative)), ``probs`` and ``error``.

    targets: for each text, the company it is scored toward (or None). A model that cannot
        score toward a target (no ``target_format`` in its config.json) gives such a text a
        ``model`` error row, as ``finsent classify`` does.
    domain: ``news``, ``tweet`` or ``headline``: the tag the model was trained with.
    model: ``"fast"``, ``"accurate"`` or a model directory, as in :func:`score`.
    progress: a progress bar or callback, as in :func:`score` (counted in texts).
    """
    if isinstance(texts, str):
        raise TypeError("texts must be a list of strings; wrap a single text in a list")
    texts = [_text(t) for t in texts]
    if targets is not None:
        if isinstance(targets, str):
            raise TypeError("targets must be a list, one per text")
        targets = [_text(t) for t in targets]
        if len(targets) != len(texts):
            raise ValueError(f"{len(texts)} texts but {len(targets)} targets")
    if not isinstance(domain, str):
        raise TypeError(f"domain must be a string, not {type(domain).__name__}")
    # A text or target that is not valid Unicode (a lone surrogate) is an `encoding` error
    # row, as in `score`, not an exception for the whole list.
    invalid = [
        i
        for i, t in enumerate(texts)
        if _lone_surrogate(t) or (targets is not None and _lone_surrogate(targets[i]))
    ]
    for i in invalid:
        texts[i] = None
        if targets is not None:
            targets[i] = None
    engine = _engine_args(model)
    ipc = _with_progress(
        progress,
        len(texts),
        "texts",
        lambda callback: _finsent.classify(texts, targets, domain=domain, progress=callback, **engine),
    )
    table = _table(ipc)
    if invalid:
        column = table.schema.get_field_index("error")
        errors = table.column(column).to_pylist()
        for i in invalid:
            errors[i] = {"kind": "encoding", "message": "the text is not valid UTF-8 (a lone surrogate)"}
        table = table.set_column(
            column, table.schema.field(column), pa.array(errors, table.schema.field(column).type)
        )
    return _frame(table, as_arrow)


def tickers(
    texts: Iterable[str],
    published_at: Any = None,
    *,
    progress: Any = None,
    as_arrow: bool = False,
):
    """The companies each text names, found as ``finsent score`` finds them: one row per
    mention with ``row`` (the text's position), ``symbol``, ``exchange``, ``name``,
    ``delisted`` (the last day of a listing that has ended, else null), ``part`` (always
    ``"body"``: a text is read as an article body), the mention's ``text``, its character
    offsets ``start``/``end`` and its ``form``: the fields of ``finsent tickers``.

    published_at: the texts' dates, one per text (a list or Series of dates, datetimes,
        pandas Timestamps or strings, None where unknown), or one for every text. As in
        ``score``, the date picks among listings that had a name or a code over the years
        the one that had it then: ``Lehman Brothers`` is found only with a date before its
        delisting, ``Google`` in 2007 is ``GOOG`` (``GOOGL`` from April 2014), ``$CCU`` in
        2007 is Clear Channel. Without one, names go to today's listings and a name only a
        former listing had names nothing. Times without an offset are UTC; a date finsent
        cannot read raises ``ValueError``.
    progress: a progress bar or callback, as in :func:`score` (counted in texts).

    A text whose work fails inside finsent (a bug) raises ``RuntimeError`` naming its
    position: a mention row has no error column.
    """
    if isinstance(texts, str):
        raise TypeError("texts must be a list of strings; wrap a single text in a list")
    # A lone surrogate becomes U+FFFD, one character for one, so offsets stay Python's.
    texts = [_SURROGATE.sub("\ufffd", t) if t is not None else t for t in map(_text, texts)]
    dates = _dates(published_at, len(texts))
    ipc = _with_progress(
        progress, len(texts), "texts", lambda callback: _finsent.tickers(texts, dates, progress=callback)
    )
    return _frame(_table(ipc), as_arrow)


def _one_date(value: Any) -> bool:
    if isinstance(value, (str, datetime.date)):
        return True
    return type(value).__name__ == "datetime64" or _is_na(value)


def _dates(published_at: Any, count: int) -> list[str | None] | None:
    """The texts' dates as text finsent reads (aware times in UTC), one per text."""
    if published_at is None:
        return None
    if _one_date(published_at):
        return [_date_text(published_at)] * count
    if isinstance(published_at, Mapping) or not isinstance(published_at, Iterable):
        raise TypeError(
            "published_at must be a date, a datetime, a string or a list of them, "
            f"not {type(published_at).__name__}"
        )
    dates = [_date_text(d) for d in published_at]
    if len(dates) != count:
        raise ValueError(f"{count} texts but {len(dates)} published_at values")
    return dates


def _date_text(value: Any) -> str | None:
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        value = value.astimezone(datetime.timezone.utc)
    cell = _cell(value)
    if isinstance(cell, (dict, list)):
        raise TypeError(f"a date must be a date, a datetime or a string, not {type(value).__name__}")
    return None if cell is None else str(cell)


def panel(
    scores: Any,
    *,
    tz: str = "America/New_York",
    cutoff: str = "16:00",
    min_relevance: float = 0.0,
    per_story: str = "mean",
    listing: str = "home",
    as_arrow: bool = False,
):
    """The ticker x day table of scored articles (the result of ``score``, as a pandas or
    polars DataFrame or a pyarrow Table), as ``finsent panel`` builds it: one row per
    company and trading day with ``score`` (the companies' own scores, relevance-weighted),
    ``articles``, ``stories`` (distinct near-duplicate stories), ``confidence`` (mean),
    ``relevance`` (sum) and ``last_published_at``.

    An article's time is read in ``tz``; at or after ``cutoff`` (HH:MM) it goes to the next
    day, and Saturday and Sunday roll forward to Monday, so a day holds only news published
    before its close. Holidays are not known. Error and undated records are left out.

    ``per_story`` says how the articles of one story (``score``'s ``story`` column) count:
    ``"mean"`` (a story's articles in a company-day average into one observation),
    ``"first"`` (only a story's first article counts), ``"last"`` (its latest article in the
    company-day stands for it) or ``"all"`` (every article). Without a ``story`` column
    every article is a story of its own.

    ``listing`` says which listing names a company's rows: ``"home"`` (the symbol ``score``
    reports: ``7203.T``, ``BP.L``, ``UBSG.SW``) or ``"US"`` (its US listing where it has one
    among ``other_listings``, an ADR on NYSE or Nasdaq before one over the counter: ``TM``,
    ``BP``, ``UBS``; a company without one keeps its home symbol), to join US prices.

    ``day`` is a ``datetime64`` column in pandas (midnight of the trading day; a ``Date``
    in polars, ``date32`` with ``as_arrow``). ``score``, ``confidence`` and ``relevance``
    are rounded to 4 decimals, as every output of finsent is.
    """
    if isinstance(scores, pa.Table):
        table = scores
    elif _kind(scores) == "pandas":
        table = pa.Table.from_pandas(scores, preserve_index=False)
    elif _kind(scores) == "polars":
        table = scores.to_arrow()
    else:
        raise TypeError(f"scores must be the DataFrame finsent.score returns, not {type(scores).__name__}")
    needed = ["published_at", "confidence", "tickers", "error"]
    missing = [c for c in needed if c not in table.column_names]
    if missing:
        raise ValueError(f"scores lacks the columns {missing} of finsent.score's result")
    if "story" in table.column_names:
        needed.append("story")
    records = table.select(needed).to_pylist()
    lines = [json.dumps(row, default=_json_time, allow_nan=False) for row in _finite(records)]
    ipc = _finsent.panel(
        "\n".join(lines).encode(),
        tz=tz,
        cutoff=cutoff,
        min_relevance=float(min_relevance),
        per_story=per_story,
        listing=listing,
    )
    result = _table(ipc)
    if records and result.num_rows == 0:
        # The command prints these counts; an empty panel from records says why.
        errors = sum(r["error"] is not None for r in records)
        undated = sum(r["error"] is None and r["published_at"] is None for r in records)
        warnings.warn(
            f"no ticker-day rows from {len(records)} records: {errors} error records, "
            f"{undated} without published_at, the rest without a numeric confidence or a "
            "company whose score and relevance are numbers (the columns of finsent.score's "
            "result)",
            stacklevel=2,
        )
    if as_arrow:
        return result
    # datetime64, not Python dates: pandas' time tools and joins on price tables work on it.
    return result.to_pandas(date_as_object=False)


def _finite(records: list[dict]) -> Iterable[dict]:
    """Scores and relevances that are NaN or infinite are missing (JSON cannot hold them)."""
    for record in records:
        if isinstance(record.get("confidence"), float) and not math.isfinite(record["confidence"]):
            record["confidence"] = None
        for company in record.get("tickers") or []:
            if isinstance(company, dict):
                for key in ("score", "relevance"):
                    value = company.get(key)
                    if isinstance(value, float) and not math.isfinite(value):
                        company[key] = None
        yield record


def _json_time(value: Any) -> str:
    """A time as RFC 3339; one without a zone is UTC, as ``score`` reads it."""
    if isinstance(value, datetime.datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=datetime.timezone.utc)
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


#: A UTF-16 surrogate, which alone is no character (Python strings may hold one).
_SURROGATE = re.compile("[\ud800-\udfff]")


def _lone_surrogate(text: str | None) -> bool:
    return text is not None and _SURROGATE.search(text) is not None


def _text(value: Any) -> str | None:
    cell = _cell(value)
    if isinstance(cell, (dict, list)):
        raise TypeError(f"a text must be a string, not {type(value).__name__}")
    return None if cell is None else str(cell)
