"""Reading events: CSV (also compressed) and Parquet files, dates, rejected rows."""

from __future__ import annotations

import datetime as dt
import lzma
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from dateutil import parser as du

from ..errors import InputError
from ._columns import NUMERIC_COLUMNS, EventsWarning, _Columns


def read_events(
    path: str | Path,
    *,
    date: str = "event_date",
    lat: str = "latitude",
    lon: str = "longitude",
    precision: str = "geo_precision",
    with_rejected: bool = False,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Read events from an ACLED-style CSV or Parquet export.

    Dates are read as ISO (``2020-03-15``) or as ACLED writes them
    (``15 March 2020``); other spellings with a month name are read too.
    Numeric dates that could be day-first or month-first (``03/04/2020``) are
    refused rather than guessed. Rows whose date or coordinates cannot be
    read are taken out, counted and reported: an :class:`EventsWarning` names
    how many and the first row numbers, and ``with_rejected=True`` also
    returns them.

    Parameters
    ----------
    path : str or Path
        A ``.csv`` (optionally ``.gz``/``.zip``/``.bz2``/``.xz``) or ``.parquet`` file.
    date, lat, lon, precision : str
        Column names. ``precision`` may be absent from the file (all events exact).
    with_rejected : bool
        Also return the rejected rows.

    Returns
    -------
    pandas.DataFrame or (DataFrame, DataFrame)
        The events, ``date`` parsed to ``datetime64[ns]`` days, ``lat``/``lon`` to floats,
        ACLED's numeric columns (``fatalities``, ``year``…) to numbers; the
        index is the row number in the file (0 = first record). The rejected
        rows: ``row`` (1 = first record after the header), ``reason``, and the
        raw date and coordinates.

    Raises
    ------
    InputError
        The file is missing, unreadable, of an unknown type, or lacks a column.

    Examples
    --------
    >>> from geozones._io import data_path
    >>> ev = read_events(data_path("events", "synthetic_events.csv"))
    >>> str(ev["event_date"].dtype).startswith("datetime64")
    True
    """
    cols = _Columns(date, lat, lon, precision)
    frame = _read_table(path)
    cols.check(frame.columns, where=str(path), how="keyword")
    good, rejected = clean_events(frame, cols)
    _warn_rejected(rejected, len(frame), where=str(path))
    return (good, rejected) if with_rejected else good


def clean_events(frame: pd.DataFrame, cols: _Columns) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split raw rows into readable events and rejected rows (with reasons).

    ``frame``'s index must be the 0-based record number in the source.

    Examples
    --------
    >>> import pandas as pd
    >>> raw = pd.DataFrame({"event_date": ["1 May 2020", "soon"], "latitude": ["35.8", "35.8"],
    ...                     "longitude": ["36.5", "36.5"]})
    >>> good, bad = clean_events(raw, _Columns("event_date", "latitude", "longitude", None))
    >>> len(good), bad["reason"].tolist()
    (1, ['unreadable event_date'])
    """

    frame = _numeric_columns(frame, skip=(cols.lat, cols.lon))
    dates = parse_dates(frame[cols.date])
    lat = pd.to_numeric(frame[cols.lat], errors="coerce").astype("float64")
    lon = pd.to_numeric(frame[cols.lon], errors="coerce").astype("float64")
    reasons = pd.Series("", index=frame.index, dtype=object)
    problems = [
        (frame[cols.date].isna(), f"no {cols.date}"),
        (dates.isna() & frame[cols.date].notna(), f"unreadable {cols.date}"),
        (frame[cols.lat].isna(), f"no {cols.lat}"),
        (lat.isna() & frame[cols.lat].notna(), f"unreadable {cols.lat}"),
        (lat.abs() > 90, f"{cols.lat} outside -90..90"),
        (frame[cols.lon].isna(), f"no {cols.lon}"),
        (lon.isna() & frame[cols.lon].notna(), f"unreadable {cols.lon}"),
        (lon.abs() > 180, f"{cols.lon} outside -180..180"),
    ]
    for mask, reason in problems:
        m = np.asarray(mask, dtype=bool)
        if m.any():
            reasons[m] = reasons[m].where(reasons[m] == "", reasons[m] + "; ") + reason
    bad = np.asarray(reasons != "")
    good = frame.loc[~bad].copy()
    good[cols.date] = dates[~bad]
    good[cols.lat] = lat[~bad]
    good[cols.lon] = lon[~bad]
    rejected = pd.DataFrame(
        {
            "row": frame.index[bad] + 1,
            "reason": reasons[bad].to_numpy(dtype=object),
            cols.date: frame.loc[bad, cols.date].astype(object).to_numpy(),
            cols.lat: frame.loc[bad, cols.lat].astype(object).to_numpy(),
            cols.lon: frame.loc[bad, cols.lon].astype(object).to_numpy(),
        }
    )
    return good, rejected


def parse_dates(values: pd.Series) -> pd.Series:
    """Parse event dates to ``datetime64`` days; unreadable values become NaT.

    Each distinct value is parsed once (event files repeat few dates), so a
    million rows cost about as much as a few thousand.

    Examples
    --------
    >>> import pandas as pd
    >>> parse_dates(pd.Series(["15 March 2020", "2020-03-16", "03/04/2020", "x"])).tolist()
    [Timestamp('2020-03-15 00:00:00'), Timestamp('2020-03-16 00:00:00'), NaT, NaT]
    """

    if isinstance(values.dtype, pd.DatetimeTZDtype):
        values = values.dt.tz_localize(None)
    if pd.api.types.is_datetime64_dtype(values.dtype):
        return values.dt.normalize().astype("datetime64[ns]")
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    parsed = np.array([_parse_one(v) for v in uniques], dtype="datetime64[s]")
    out = np.full(len(values), np.datetime64("NaT"), dtype="datetime64[s]")
    ok = codes >= 0
    out[ok] = parsed[codes[ok]]
    return pd.Series(out.astype("datetime64[ns]"), index=values.index, name=values.name)


_ISO = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}([ T].*)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")


@lru_cache(maxsize=65536)
def _parse_one(value: Any) -> Any:
    """One date value → ``numpy.datetime64`` day, or NaT (see :func:`parse_dates`).

    Years outside 1678–2261 (what ``datetime64[ns]`` holds) are unreadable.
    """

    day = _parse_day(value)
    if np.isnat(day) or not (np.datetime64("1678-01-01") <= day <= np.datetime64("2261-12-31")):
        return np.datetime64("NaT", "D")
    return day


def _parse_day(value: Any) -> Any:

    nat = np.datetime64("NaT")
    if isinstance(value, (dt.date, dt.datetime)) or hasattr(value, "to_pydatetime"):
        return np.datetime64(value.strftime("%Y-%m-%d"))
    text = str(value).strip()
    if not text:
        return nat
    if _ISO.match(text):
        try:
            return np.datetime64(
                dt.date.fromisoformat(
                    "-".join(p.zfill(2) for p in re.split(r"[ T]", text)[0].split("-"))
                )
            )
        except ValueError:
            return nat
    m = _NUMERIC.match(text)
    if m:  # d/m/y or m/d/y: only when one reading is impossible or both agree
        a, b, y = (int(g) for g in m.groups())
        readings = {_ymd(y, b, a), _ymd(y, a, b)} - {None}
        return np.datetime64(readings.pop()) if len(readings) == 1 else nat
    if not re.search(r"[A-Za-z]{3}", text):
        return nat  # no month name, not ISO: refuse to guess

    try:
        parsed = du.parse(text, dayfirst=True, default=dt.datetime(1, 1, 1))
    except (ValueError, OverflowError):
        return nat
    if parsed.year == 1 or not re.search(r"\d{4}", text) or not re.search(r"\b\d{1,2}\b", text):
        return nat  # a year or a day was missing: "March 2020" is not a day
    return np.datetime64(parsed.date())


def _ymd(y: int, m: int, d: int) -> str | None:

    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _numeric_columns(frame: pd.DataFrame, skip: tuple[str, ...]) -> pd.DataFrame:
    """ACLED's numeric columns read as text become numbers when every value is one."""

    for col in NUMERIC_COLUMNS:
        if (
            col in frame.columns
            and col not in skip
            and not pd.api.types.is_numeric_dtype(frame[col].dtype)
        ):
            num = pd.to_numeric(frame[col], errors="coerce")
            if num.isna().sum() == frame[col].isna().sum():
                whole = bool(((num.dropna() % 1) == 0).all())
                frame[col] = num.astype("Int64" if whole else "float64")
    return frame


def _read_table(path: str | Path) -> pd.DataFrame:
    """The whole file as a frame (CSV as text columns); clear errors."""

    return (
        pd.concat(list(iter_chunks(path, chunksize=None)))
        if _is_parquet(path)
        else next(iter_chunks(path, chunksize=None))
    )


def _is_parquet(path: str | Path) -> bool:
    return Path(path).suffix.lower() in (".parquet", ".pq", ".parq")


def _check_readable(path: str | Path) -> Path:
    p = Path(path)
    if not p.exists():
        raise InputError(f"events file {str(p)!r} does not exist")
    if p.is_dir():
        raise InputError(f"{str(p)!r} is a folder; give an events .csv or .parquet file")
    if not p.is_file():  # a FIFO, socket or device would block or never end
        raise InputError(
            f"{str(p)!r} is not a regular file (a pipe or device); "
            "save the events to a .csv or .parquet file first"
        )
    name = p.name.lower()
    for comp in (".gz", ".bz2", ".zip", ".xz", ".zst"):
        name = name.removesuffix(comp)
    if not (_is_parquet(p) or name.endswith((".csv", ".tsv", ".txt"))):
        raise InputError(f"cannot read events from {str(p)!r}: give a .csv or .parquet file")
    return p


def iter_chunks(path: str | Path, chunksize: int | None = 200_000) -> Iterator[pd.DataFrame]:
    """Yield the rows of an events file in chunks (CSV values as text).

    Each chunk's index is the 0-based record number in the file.
    ``chunksize=None`` yields the whole CSV at once (Parquet: batches of 1,000,000).

    Examples
    --------
    >>> from geozones._io import data_path
    >>> [len(c) for c in iter_chunks(data_path("events", "synthetic_events.csv"), 800)]
    [800, 800, 400]
    """

    p = _check_readable(path)
    if _is_parquet(p):
        yield from _iter_parquet(p, chunksize)
        return
    errors = _csv_errors()
    sep = "\t" if ".tsv" in p.name.lower() else ","
    try:
        options: dict[str, Any] = {
            "sep": sep,
            "dtype": str,
            "keep_default_na": False,
            "na_values": [""],
            "encoding": "utf-8-sig",
        }
        if chunksize is None:
            yield pd.read_csv(p, **options)
            return
        with pd.read_csv(p, chunksize=chunksize, **options) as reader:
            yield from reader
    except errors as exc:
        raise InputError(
            f"cannot read {str(p)!r} as CSV: {_first_line(exc)} "
            "(is the file complete and of the type its name says?)"
        ) from None


@lru_cache(maxsize=1)
def _csv_errors() -> tuple[type[BaseException], ...]:
    """What a corrupt, truncated or mislabelled (compressed) CSV raises while read."""

    return (
        pd.errors.ParserError,
        pd.errors.EmptyDataError,
        UnicodeDecodeError,
        ValueError,
        OSError,
        EOFError,
        zlib.error,
        lzma.LZMAError,
        zipfile.BadZipFile,
    )


def _iter_parquet(p: Path, chunksize: int | None) -> Iterator[pd.DataFrame]:

    try:
        pf = pq.ParquetFile(p)
        start = 0
        for batch in pf.iter_batches(batch_size=chunksize or 1_000_000):
            frame = batch.to_pandas()
            frame.index = pd.RangeIndex(start, start + len(frame))
            start += len(frame)
            yield frame
        if start == 0:
            frame = pf.schema_arrow.empty_table().to_pandas()
            yield frame
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"cannot read {str(p)!r} as Parquet: {_first_line(exc)}") from None


def count_rows(path: str | Path) -> int | None:
    """Rows in an events file, cheaply (Parquet metadata; CSV line count), for progress bars.

    Examples
    --------
    >>> from geozones._io import data_path
    >>> count_rows(data_path("events", "synthetic_events.csv"))
    2000
    """
    p = _check_readable(path)
    if _is_parquet(p):
        try:
            return pq.ParquetFile(p).metadata.num_rows
        except (pa.ArrowException, OSError) as exc:
            raise InputError(f"cannot read {str(p)!r} as Parquet: {_first_line(exc)}") from None
    if p.suffix.lower() != ".csv":
        return None
    n = 0
    with open(p, "rb") as fh:
        while block := fh.read(1 << 22):
            n += block.count(b"\n")
    return max(n - 1, 0)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _warn_rejected(rejected: pd.DataFrame, total: int, where: str) -> None:
    if len(rejected):
        rows = ", ".join(str(r) for r in rejected["row"].head(5))
        more = ", …" if len(rejected) > 5 else ""
        warnings.warn(
            f"{where}: {len(rejected)} of {total} rows have an unreadable date or coordinates "
            f"and were left out (rows {rows}{more}: {rejected['reason'].iloc[0]}); "
            "pass with_rejected=True to get them all",
            EventsWarning,
            stacklevel=3,
        )
