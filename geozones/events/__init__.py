"""Which events fell inside which zone, on their date: a spatio-temporal join at scale.

An event (an ACLED row: ``event_date``, ``latitude``, ``longitude``,
``geo_precision``) **matches** a timeline feature when

* its point lies in the feature's geometry — the geometry is **closed**: a
  point exactly on the boundary or on a vertex is inside (shapely's
  ``intersects``, the same rule as ``geopandas.sjoin(predicate="intersects")``),
  tested in EPSG:4326 on the coordinates as given; and
* its date (the calendar day; a time of day is ignored) lies in the feature's
  ``[start_date, end_date]``, both ends inclusive, ``end_date`` NaT = still in
  force (the rule of :meth:`geozones.Timeline.active_mask`).

**Precision.** ACLED's ``geo_precision`` says how well the coordinates place
the event: 1 — the event happened at that town; 2 — "near" it, or in a small
part of a region (the nearest town's coordinates are used); 3 — only the
larger region is known (a district or province centre is used). Each code
gets an uncertainty radius, :data:`DEFAULT_RADII` (metres, configurable with
``radii=``):

* 1 → 0 m: the point as given (a town's coordinates are its centre, so pass
  ``radii={1: 1000}`` to treat a town's built-up extent as uncertain too);
* 2 → 5 km: "near" a town in ACLED's codebook means its outskirts and the
  villages around it — about the radius of a Syrian sub-district (nahiya,
  median ≈ 400 km², i.e. a disc of ≈ 11 km) halved, as the named town is
  usually inside it rather than at its edge;
* 3 → 25 km: the coordinates are a district (admin-2) or province centre; a
  median Syrian district covers ≈ 2,000 km², a disc of ≈ 25 km.

Codes that are missing or not in the table get the largest radius (the
conservative choice: such events can only be "possible" near a boundary).

An event with radius ``r`` matches a feature when its uncertainty disc
touches the feature (point inside, or ``distance(point, feature) <= r``), and
the match is

* ``"certain"`` when the point is inside and the whole disc is inside:
  ``distance(point, boundary) >= r`` (so with ``r = 0``, any match);
* ``"possible"`` otherwise. Lines and points (patrol routes, observation
  posts) have no inside, so a disc with ``r > 0`` is only ever possible near
  them; a precision-3 event is never certainly inside a 6 km corridor.

Distances are metres on the ground, measured in an azimuthal equidistant
projection centred on the timeline's bounding box (features densified every
0.01° before projecting), exact at the centre and within 0.01 % across
150 km.

The algorithm makes one spatial pass over all events per feature, with no
Python loop over events: a vectorized bounding-box and date prefilter
(numpy), then an exact test of the remaining candidates against the
*prepared* feature geometry (shapely 2 ``intersects_xy``, ``dwithin``).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

    from .timeline import Timeline

#: Uncertainty radius in metres for each ACLED ``geo_precision`` code.
DEFAULT_RADII: dict[int, float] = {1: 0.0, 2: 5_000.0, 3: 25_000.0}

#: Columns that :func:`join_events` adds to the events' own columns.
FEATURE_COLUMNS = ["feature_id", "feature_name", "kind", "agreement", "match"]

#: ACLED export columns read as numbers (when every value in them is one).
NUMERIC_COLUMNS = (
    "year",
    "geo_precision",
    "time_precision",
    "fatalities",
    "inter1",
    "inter2",
    "interaction",
    "iso",
    "timestamp",
    "population_best",
)

_NAT = -(2**63)
_NEVER = 2**63 - 1
_M_PER_DEG_LAT = 110_574.0  # metres in a degree of latitude at the equator (the least)
_M_PER_DEG_LON = 111_320.0  # metres in a degree of longitude at the equator


class EventsWarning(UserWarning):
    """Events that were read or joined with a caveat (unreadable rows, unknown codes)."""


# --------------------------------------------------------------------------- reading


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
    import numpy as np
    import pandas as pd

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
    import numpy as np
    import pandas as pd

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
    import numpy as np

    day = _parse_day(value)
    if np.isnat(day) or not (np.datetime64("1678-01-01") <= day <= np.datetime64("2261-12-31")):
        return np.datetime64("NaT", "D")
    return day


def _parse_day(value: Any) -> Any:
    import datetime as dt

    import numpy as np

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
    from dateutil import parser as du

    try:
        parsed = du.parse(text, dayfirst=True, default=dt.datetime(1, 1, 1))
    except (ValueError, OverflowError):
        return nat
    if parsed.year == 1 or not re.search(r"\d{4}", text) or not re.search(r"\b\d{1,2}\b", text):
        return nat  # a year or a day was missing: "March 2020" is not a day
    return np.datetime64(parsed.date())


def _ymd(y: int, m: int, d: int) -> str | None:
    import datetime as dt

    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _numeric_columns(frame: pd.DataFrame, skip: tuple[str, ...]) -> pd.DataFrame:
    """ACLED's numeric columns read as text become numbers when every value is one."""
    import pandas as pd

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
    import pandas as pd

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
    import pandas as pd

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
    import lzma
    import zipfile
    import zlib

    import pandas as pd

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
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

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
        import pyarrow as pa
        import pyarrow.parquet as pq

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


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def _csv_safe_text(value: Any) -> Any:
    """One cell: text that a spreadsheet would run as a formula gets a leading ``'``."""
    if (
        isinstance(value, str)
        and value.startswith(_FORMULA_START)
        and not _PLAIN_NUMBER.match(value)
    ):
        return "'" + value
    return value


def _csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` safe to open in a spreadsheet (OWASP CSV injection advice).

    Text cells starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return get a leading ``'``; numbers (numeric columns, and text that is a
    plain number such as ``-3.5``) are left as they are.
    """
    import pandas as pd

    out = frame.copy(deep=False)
    for col in out.columns:
        series = out[col]
        if isinstance(series.dtype, pd.CategoricalDtype):
            cats = series.cat.categories
            if cats.dtype == object or pd.api.types.is_string_dtype(cats.dtype):
                new = [_csv_safe_text(c) for c in cats]
                if new == list(cats):
                    continue
                if len(set(new)) == len(new):
                    out[col] = series.cat.rename_categories(new)
                else:  # "=x" and "'=x" both present: plain text instead
                    out[col] = series.astype(object).map(_csv_safe_text, na_action="ignore")
        elif series.dtype == object or pd.api.types.is_string_dtype(series.dtype):
            out[col] = series.map(_csv_safe_text, na_action="ignore")
    return out


# --------------------------------------------------------------------------- columns


class _Columns:
    """The names of the event columns the join reads."""

    def __init__(self, date: str, lat: str, lon: str, precision: str | None) -> None:
        self.date, self.lat, self.lon, self.precision = date, lat, lon, precision

    def check(
        self, columns: Any, *, where: str, how: str = "keyword", geometry: bool = False
    ) -> None:
        """Raise :class:`InputError` naming each missing column and how to set it."""
        present = [str(c) for c in columns]
        need = {"date": self.date}
        if not geometry:
            need.update(lat=self.lat, lon=self.lon)
        missing = [(opt, col) for opt, col in need.items() if col not in present]
        if missing:
            hints = "; ".join(
                f"no column {col!r} (set it with "
                + (f"--{opt}" if how == "option" else f"{opt}=")
                + " COLUMN)"
                for opt, col in missing
            )
            shown = ", ".join(present[:20]) + (", …" if len(present) > 20 else "")
            raise InputError(f"{where}: {hints}; its columns are: {shown or '(none)'}")


# --------------------------------------------------------------------------- the plan


class _Plan:
    """A timeline's features ready for matching: arrays, prepared and projected geometry.

    Picklable (prepared state and transformers are rebuilt after unpickling),
    so the dask backend ships one plan to every worker.
    """

    def __init__(self, features: Any) -> None:
        import numpy as np
        import pandas as pd
        import shapely

        if features.crs is not None and not features.crs.equals("EPSG:4326"):
            features = features.to_crs("EPSG:4326")
        geoms = np.asarray(features.geometry.values, dtype=object)
        self.geoms = shapely.from_wkb(shapely.to_wkb(geoms))  # own copies, prepared below
        self.ids = np.asarray(features["id"].astype(str), dtype=object)
        self.names = np.asarray(features["name"].astype(str), dtype=object)
        self.kinds = np.asarray(features["kind"].astype(str), dtype=object)
        self.agreements = np.asarray(features["agreement"].astype(str), dtype=object)
        self.start = _days(pd.Series(features["start_date"]), nat=_NEVER)
        self.end = _days(pd.Series(features["end_date"]), nat=_NEVER)
        bounds = shapely.bounds(self.geoms)
        self.bounds = np.where(
            np.isnan(bounds), np.array([np.inf, np.inf, -np.inf, -np.inf]), bounds
        )
        self.polygonal = np.isin(shapely.get_type_id(self.geoms), (3, 6))
        finite = np.isfinite(bounds).all(axis=1)
        if finite.any():
            minx, miny = bounds[finite, 0].min(), bounds[finite, 1].min()
            maxx, maxy = bounds[finite, 2].max(), bounds[finite, 3].max()
            self.center = (round((miny + maxy) / 2, 4), round((minx + maxx) / 2, 4))
        else:
            self.center = (0.0, 0.0)
        self._ready = False

    def __len__(self) -> int:
        return len(self.ids)

    def __getstate__(self) -> dict[str, Any]:
        import shapely

        state = {k: v for k, v in self.__dict__.items() if k not in ("proj", "boundary", "_ready")}
        state["geoms"] = shapely.to_wkb(self.geoms)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        import shapely

        state["geoms"] = shapely.from_wkb(state["geoms"])
        self.__dict__.update(state)
        self._ready = False

    @property
    def crs(self) -> str:
        """The local metric CRS (PROJ string): azimuthal equidistant on the features' centre."""
        lat0, lon0 = self.center
        return (
            f"+proj=aeqd +lat_0={lat0} +lon_0={lon0} +x_0=0 +y_0=0 +datum=WGS84 "
            "+units=m +no_defs +type=crs"
        )

    def ready(self) -> _Plan:
        """Prepare the lon/lat geometry; project it (and its boundary) to metres."""
        import numpy as np
        import shapely

        if not self._ready:
            shapely.prepare(self.geoms)
            self.proj = _project_features(self.geoms, self.crs)
            polys = np.asarray(self.proj, dtype=object).copy()
            polys[~self.polygonal] = None
            self.boundary = shapely.boundary(polys)
            shapely.prepare(self.proj)
            shapely.prepare(self.boundary)
            self._ready = True
        return self

    def to_metres(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Project lon/lat arrays to the plan's metric CRS."""
        return _transformer(self.crs).transform(x, y)


def _project_features(geoms: Any, crs: str) -> Any:
    """Lon/lat geometry to the metric ``crs``, edges densified every 0.01° first."""
    import shapely

    tf = _transformer(crs)

    def fwd(xy: Any) -> Any:
        import numpy as np

        x, y = tf.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(shapely.segmentize(geoms, 0.01), fwd)


@lru_cache(maxsize=32)
def _transformer(crs: str) -> Any:
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:4326", crs, always_xy=True)


def _days(values: pd.Series, *, nat: int) -> np.ndarray:
    """Datetime-like values → int64 days since 1970; NaT → ``nat``."""
    import numpy as np
    import pandas as pd

    if not pd.api.types.is_datetime64_any_dtype(values.dtype):
        values = pd.to_datetime(values, errors="coerce")
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        values = values.dt.tz_localize(None)
    arr = values.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    out = arr.astype("int64")
    out[np.isnat(arr)] = nat
    return out


# --------------------------------------------------------------------------- matching


def _match_arrays(
    plan: _Plan, x: np.ndarray, y: np.ndarray, day: np.ndarray, radius: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The (event, feature, certain) triples, sorted by event then feature.

    ``x``/``y`` lon/lat, ``day`` int64 days (``_NAT`` = no date), ``radius`` metres.
    One vectorized pass over all events per feature: bounding box and dates
    by numpy, then the exact test of the candidates against the prepared
    geometry (uncertain candidates are projected to metres once).
    """
    import numpy as np
    import shapely

    plan.ready()
    with np.errstate(invalid="ignore"):
        ok = np.isfinite(x) & np.isfinite(y) & (day != _NAT)
    ok &= np.abs(y) <= 90
    dy = radius / _M_PER_DEG_LAT * 1.001 + 1e-9
    coslat = np.cos(np.radians(np.minimum(np.abs(np.where(ok, y, 0)) + dy, 89.9)))
    dx = radius / (_M_PER_DEG_LON * coslat) * 1.001 + 1e-9
    xlo, xhi, ylo, yhi = x - dx, x + dx, y - dy, y + dy
    candidates = []  # pass 1: bounding boxes and dates, numpy only
    for k in range(len(plan)):
        minx, miny, maxx, maxy = plan.bounds[k]
        m = ok & (xhi >= minx) & (xlo <= maxx) & (yhi >= miny) & (ylo <= maxy)
        m &= (day >= plan.start[k]) & (day <= plan.end[k])
        candidates.append(np.flatnonzero(m))
    # uncertain events near some feature: projected to metres once, as shapely points
    near = np.zeros(len(x), dtype=bool)
    for idx in candidates:
        near[idx] = True
    near &= radius > 0
    pts = np.full(len(x), None, dtype=object)
    if near.any():
        pts[near] = shapely.points(*plan.to_metres(x[near], y[near]))
    evs, feats, certs = [], [], []
    for k, idx in enumerate(candidates):  # pass 2: exact tests on prepared geometry
        if not idx.size:
            continue
        hit, certain = _exact(plan, k, idx, x, y, pts, radius)
        evs.append(idx[hit])
        feats.append(np.full(int(hit.sum()), k, dtype=np.int64))
        certs.append(certain[hit])
    if not evs:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty.copy(), np.empty(0, dtype=bool)
    ev, ft, ce = np.concatenate(evs), np.concatenate(feats), np.concatenate(certs)
    order = np.lexsort((ft, ev))
    return ev[order], ft[order], ce[order]


def _exact(
    plan: _Plan,
    k: int,
    idx: np.ndarray,
    x: np.ndarray,
    y: np.ndarray,
    pts_m: np.ndarray,
    radius: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """For candidate events ``idx`` of feature ``k``: (matches, certain) boolean arrays."""
    import numpy as np
    import shapely

    inside = shapely.intersects_xy(plan.geoms[k], x[idx], y[idx])
    hit = inside.copy()
    certain = inside.copy()
    r = radius[idx]
    fz = np.flatnonzero(r > 0)
    if fz.size:
        pts = pts_m[idx[fz]]
        rf, inf = r[fz], inside[fz]
        if plan.polygonal[k]:
            # one prepared distance test against the boundary answers both questions:
            # outside points touch the feature iff within r of the boundary; inside
            # points are certain iff no closer than r to it (distance >= r)
            out_i, in_i = np.flatnonzero(~inf), np.flatnonzero(inf)
            hit[fz[out_i]] = shapely.dwithin(plan.boundary[k], pts[out_i], rf[out_i])
            certain[fz[in_i]] = ~shapely.dwithin(
                plan.boundary[k], pts[in_i], np.nextafter(rf[in_i], 0)
            )
            certain[fz[out_i]] = False
        else:
            hit[fz] = inf | shapely.dwithin(plan.proj[k], pts, rf)
            certain[fz] = False
    return hit, certain


# --------------------------------------------------------------------------- the join


def join_events(
    events: Any,
    timeline: Timeline | None = None,
    *,
    date: str = "event_date",
    lat: str = "latitude",
    lon: str = "longitude",
    precision: str | None = "geo_precision",
    how: str = "inner",
    radii: Mapping[int, float] | None = None,
    backend: str = "auto",
) -> Any:
    """Label each event with the timeline features in force at its place and date.

    Parameters
    ----------
    events : pandas.DataFrame, geopandas.GeoDataFrame, or a dask (-geopandas) DataFrame
        One row per event. A GeoDataFrame without ``lat``/``lon`` columns is
        read from its point geometry (any CRS; converted to EPSG:4326). Dates
        may be ``datetime64`` or text (see :func:`parse_dates`).
    timeline : Timeline, optional
        Default: the bundled timeline (:func:`geozones.load_timeline`).
    date, lat, lon : str
        Column names.
    precision : str or None
        The ACLED ``geo_precision`` column. If it is absent (or ``None``),
        every event is exact.
    how : {"inner", "left"}
        ``"left"`` keeps events that match nothing, once, with null feature columns.
    radii : mapping, optional
        Metres of uncertainty per precision code, merged over :data:`DEFAULT_RADII`,
        e.g. ``{2: 2000, 3: 50000}``.
    backend : {"auto", "pandas", "dask"}
        ``"auto"``: dask for dask collections, pandas otherwise. ``"dask"`` on
        a pandas frame partitions it, runs on the current dask scheduler (a
        ``dask.distributed`` client if one is active) and returns pandas.

    Returns
    -------
    pandas.DataFrame (GeoDataFrame for GeoDataFrame input; lazy dask frame for dask input)
        One row per (event, feature) match, ordered by event then feature:
        ``event_index`` (the event's index label), the event's columns, then
        ``feature_id``, ``feature_name``, ``kind``, ``agreement`` and
        ``match`` (``"certain"`` or ``"possible"``), as categoricals.
        Events without a readable date or coordinates match nothing (an
        :class:`EventsWarning` counts them; :func:`read_events` lists them).

    Raises
    ------
    InputError
        A missing column, an unknown ``how``/``backend``, bad radii, or event
        columns that clash with the ones added.

    Examples
    --------
    >>> import pandas as pd
    >>> ev = pd.DataFrame({"event_date": ["2020-03-20"], "latitude": [35.85],
    ...                    "longitude": [36.6], "geo_precision": [1]})
    >>> out = join_events(ev)                                   # doctest: +SKIP
    >>> out[["event_index", "feature_id", "match"]]             # doctest: +SKIP
    """
    if how not in ("inner", "left"):
        raise InputError(f"how={how!r} is not a join type; use 'inner' or 'left'")
    if backend not in ("auto", "pandas", "dask"):
        raise InputError(f"backend={backend!r} is unknown; use 'auto', 'pandas' or 'dask'")
    table = _radii(radii)
    if timeline is None:
        from .timeline import load_timeline

        timeline = load_timeline()
    plan = plan_of(timeline)
    cols = _Columns(date, lat, lon, precision)
    is_dask = _is_dask(events)
    if backend == "dask" or is_dask:
        from . import _dask

        return _dask.join(events, plan, cols, how=how, radii=table, lazy=is_dask)
    return join_frame(events, plan, cols, how=how, radii=table)


def plan_of(timeline: Timeline) -> _Plan:
    """The timeline's features ready for matching, kept on the timeline for reuse.

    Rebuilt whenever the features change (a fingerprint of their ids, dates
    and geometry is compared; hashing even a large timeline takes
    milliseconds).

    Examples
    --------
    >>> plan_of(load_timeline()) is plan_of(load_timeline())       # doctest: +SKIP
    False
    """
    key = _fingerprint(timeline.features)
    cached = getattr(timeline, "_events_plan", None)
    if cached is not None and cached[0] == key:
        return cached[1]
    plan = _Plan(timeline.features)
    try:
        timeline._events_plan = (key, plan)  # type: ignore[attr-defined]
    except AttributeError:  # pragma: no cover - slotted objects
        pass
    return plan


def _fingerprint(features: Any) -> str:
    import hashlib

    import pandas as pd
    import shapely

    h = hashlib.blake2b(digest_size=16)
    for col in ("id", "name", "kind", "agreement", "start_date", "end_date"):
        h.update(
            pd.util.hash_pandas_object(features[col].astype(str), index=False).to_numpy().tobytes()
        )
    for wkb in shapely.to_wkb(features.geometry.values):
        h.update(wkb or b"-")
    h.update(str(features.crs).encode())
    return h.hexdigest()


def _is_dask(obj: Any) -> bool:
    return type(obj).__module__.split(".")[0] in ("dask", "dask_geopandas", "dask_expr")


def _radii(radii: Mapping[int, float] | None) -> dict[int, float]:
    import math

    table = dict(DEFAULT_RADII)
    for code, metres in (radii or {}).items():
        try:
            key, val = int(code), float(metres)
        except (TypeError, ValueError):
            raise InputError(
                f"radii must map precision codes to metres, got {code!r}: "
                f"{metres!r}; e.g. radii={{2: 5000, 3: 25000}}"
            ) from None
        if not math.isfinite(val) or val < 0:
            raise InputError(f"radius for precision {key} must be metres >= 0, got {metres!r}")
        table[key] = val
    return table


def join_frame(
    events: pd.DataFrame,
    plan: _Plan,
    cols: _Columns,
    *,
    how: str = "inner",
    radii: Mapping[int, float] | None = None,
) -> pd.DataFrame:
    """:func:`join_events` on one in-memory frame with a ready plan (the per-chunk worker).

    Examples
    --------
    >>> tl = load_timeline()                                              # doctest: +SKIP
    >>> cols = _Columns("event_date", "latitude", "longitude", "geo_precision")
    >>> join_frame(events, plan_of(tl), cols, how="left")                 # doctest: +SKIP
    """
    import numpy as np

    clash = [c for c in ["event_index", *FEATURE_COLUMNS] if c in events.columns]
    if clash:
        raise InputError(
            f"the events already have column(s) {clash} that join_events adds; "
            "rename or drop them first"
        )
    x, y, day, radius = _event_arrays(events, cols, _radii(radii))
    ev, ft, ce = _match_arrays(plan, x, y, day, radius)
    if how == "left":
        lone = np.setdiff1d(np.arange(len(events)), ev, assume_unique=False)
        ev = np.concatenate([ev, lone])
        ft = np.concatenate([ft, np.full(lone.size, -1, dtype=np.int64)])
        ce = np.concatenate([ce, np.zeros(lone.size, dtype=bool)])
        order = np.lexsort((ft, ev))
        ev, ft, ce = ev[order], ft[order], ce[order]
    return _assemble(events, plan, ev, ft, ce)


def _event_arrays(
    events: pd.DataFrame, cols: _Columns, radii: Mapping[int, float]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """x, y (lon/lat floats), day (int64) and radius (metres) arrays of the events."""
    import numpy as np
    import pandas as pd

    geometry = _is_geo(events) and (
        cols.lat not in events.columns or cols.lon not in events.columns
    )
    cols.check(events.columns, where="events", geometry=geometry)
    if geometry:
        x, y = _xy_of_geometry(events)
    else:
        x = pd.to_numeric(events[cols.lon], errors="coerce").to_numpy(
            dtype="float64", na_value=np.nan
        )
        y = pd.to_numeric(events[cols.lat], errors="coerce").to_numpy(
            dtype="float64", na_value=np.nan
        )
    dates = events[cols.date]
    if not pd.api.types.is_datetime64_any_dtype(dates.dtype):
        dates = parse_dates(dates)
    day = _days(dates, nat=_NAT)
    bad = int((~(np.isfinite(x) & np.isfinite(y) & (np.abs(y) <= 90)) | (day == _NAT)).sum())
    if bad:
        warnings.warn(
            f"{bad} of {len(events)} events have no readable date or coordinates; "
            "they match nothing (read_events lists such rows)",
            EventsWarning,
            stacklevel=4,
        )
    return x, y, day, _radius_of(events, cols, radii)


def _is_geo(frame: Any) -> bool:
    """Whether ``frame`` is a GeoDataFrame (not a DataFrame with a 'geometry' column)."""
    import geopandas as gpd

    return isinstance(frame, gpd.GeoDataFrame) and frame._geometry_column_name in frame


def _xy_of_geometry(events: Any) -> tuple[np.ndarray, np.ndarray]:
    import numpy as np
    import shapely

    geo = events.geometry
    if geo.crs is not None and not geo.crs.equals("EPSG:4326"):
        geo = geo.to_crs("EPSG:4326")
    arr = np.asarray(geo.values, dtype=object)
    types = shapely.get_type_id(arr)
    if ((types != 0) & (types != -1) & ~shapely.is_empty(arr)).any():
        raise InputError(
            "event geometries must be points; give lat=/lon= columns or use "
            "representative points (GeoSeries.representative_point())"
        )
    empty = shapely.is_missing(arr) | shapely.is_empty(arr)
    pts = arr.copy()
    pts[empty] = None
    x = np.where(empty, np.nan, shapely.get_x(pts))
    y = np.where(empty, np.nan, shapely.get_y(pts))
    return x.astype("float64"), y.astype("float64")


def _radius_of(events: pd.DataFrame, cols: _Columns, radii: Mapping[int, float]) -> np.ndarray:
    """Radius in metres per event from its precision code; unknown codes → the largest."""
    import numpy as np
    import pandas as pd

    n = len(events)
    if not cols.precision or cols.precision not in events.columns:
        return np.full(n, float(radii.get(1, 0.0)))
    codes = pd.to_numeric(events[cols.precision], errors="coerce").to_numpy(
        dtype="float64", na_value=np.nan
    )
    worst = max(radii.values()) if radii else 0.0
    out = np.full(n, worst)
    known = np.zeros(n, dtype=bool)
    for code, metres in radii.items():
        m = codes == code
        out[m] = metres
        known |= m
    if n and not known.all():
        odd = pd.unique(codes[~known])[:5]
        warnings.warn(
            f"{int((~known).sum())} events have a {cols.precision} that is not one of "
            f"{sorted(radii)} (e.g. {list(odd)}); they get the largest radius, "
            f"{worst:g} m",
            EventsWarning,
            stacklevel=4,
        )
    return out


def _assemble(
    events: pd.DataFrame, plan: _Plan, ev: np.ndarray, ft: np.ndarray, ce: np.ndarray
) -> pd.DataFrame:
    """The long result: the matched events' rows plus the feature columns."""
    import numpy as np
    import pandas as pd

    out = events.take(ev)
    labels = events.index.to_numpy()[ev]
    out = out.reset_index(drop=True)
    out.insert(0, "event_index", labels)
    out["feature_id"] = _categorical(plan.ids, ft)
    out["feature_name"] = _categorical(plan.names, ft)
    out["kind"] = _categorical(plan.kinds, ft)
    out["agreement"] = _categorical(plan.agreements, ft)
    codes = np.where(ft < 0, -1, np.where(ce, 0, 1))
    out["match"] = pd.Categorical.from_codes(codes, categories=pd.Index(["certain", "possible"]))
    return out


def _categorical(values: np.ndarray, idx: np.ndarray) -> pd.Categorical:
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(values)
    taken = np.where(idx >= 0, codes[np.maximum(idx, 0)] if len(codes) else -1, -1)
    return pd.Categorical.from_codes(taken, categories=pd.Index(uniques, dtype=object))


# --------------------------------------------------------------------------- summaries


def summarize(joined: Any, freq: str = "MS", *, date: str = "event_date") -> pd.DataFrame:
    """Count matched events per feature and period, certain and possible apart.

    Parameters
    ----------
    joined : DataFrame
        The output of :func:`join_events` (pandas or dask).
    freq : str
        Period length: ``"MS"`` (months), ``"QS"``, ``"YS"``, ``"W"`` (weeks
        from Monday), ``"D"`` — or the pandas period aliases ``M``, ``Q``, ``Y``.
    date : str
        The events' date column.

    Returns
    -------
    pandas.DataFrame
        ``feature_id``, ``feature_name``, ``kind``, ``agreement``, ``period``
        (first day of the period), ``certain``, ``possible``, ``total``, and
        ``fatalities_certain``/``fatalities_possible`` when the events have
        ``fatalities``. Periods with no events between a feature's first and
        last period are listed with zeros.

    Examples
    --------
    >>> summarize(join_events(read_events("events.csv")), "MS").head()   # doctest: +SKIP
    """
    pfreq = _period_freq(freq)
    if _is_dask(joined):
        parts = joined.map_partitions(
            _partial_counts, pfreq, date, meta=_partial_counts(joined._meta, pfreq, date)
        ).compute()
    else:
        parts = _partial_counts(joined, pfreq, date)
    return _finish_counts(parts, pfreq)


def _period_freq(freq: str) -> str:
    import pandas as pd

    text = str(freq).strip()
    aliases = {
        "MS": "M",
        "QS": "Q",
        "YS": "Y",
        "AS": "Y",
        "ME": "M",
        "QE": "Q",
        "YE": "Y",
        "A": "Y",
    }
    cand = aliases.get(text.upper(), text)
    try:
        pd.Period("2020-01-01", freq=cand)
    except (ValueError, TypeError):
        raise InputError(
            f"freq {freq!r} is not a period; use MS (months), QS, YS, W or D"
        ) from None
    return cand


_COUNT_KEYS = ["feature_id", "feature_name", "kind", "agreement", "period"]


def _partial_counts(joined: pd.DataFrame, pfreq: str, date: str) -> pd.DataFrame:
    """Counts per (feature, period) of one chunk; sums of chunks give the whole."""
    import numpy as np
    import pandas as pd

    missing = [c for c in ("feature_id", "match", date) if c not in joined.columns]
    if missing:
        raise InputError(
            f"summarize needs the output of join_events; missing column(s) "
            f"{missing} (set date= to the events' date column)"
        )
    j = joined.loc[joined["feature_id"].notna()]
    dates = j[date]
    if not pd.api.types.is_datetime64_any_dtype(dates.dtype):
        dates = parse_dates(dates)
    period = dates.dt.to_period(pfreq).dt.start_time
    certain = (j["match"].astype(object) == "certain").to_numpy()
    frame = pd.DataFrame(
        {
            "feature_id": j["feature_id"].array,
            "period": period.to_numpy(),
            "certain": certain.astype(np.int64),
            "possible": (~certain).astype(np.int64),
        }
    )
    if "fatalities" in j.columns:
        fat = pd.to_numeric(j["fatalities"], errors="coerce").fillna(0).to_numpy(dtype=float)
        frame["fatalities_certain"] = np.where(certain, fat, 0.0)
        frame["fatalities_possible"] = np.where(certain, 0.0, fat)
    sums = frame.groupby(["feature_id", "period"], sort=False, observed=True).sum()
    sums = sums.reset_index()
    sums["feature_id"] = sums["feature_id"].astype(object)
    labels = j.drop_duplicates("feature_id")[_COUNT_KEYS[:4]].astype(object)
    out = labels.merge(sums, on="feature_id", how="inner")
    return out[[*_COUNT_KEYS, *[c for c in out.columns if c not in _COUNT_KEYS]]]


def _finish_counts(parts: pd.DataFrame, pfreq: str) -> pd.DataFrame:
    import pandas as pd

    sums = parts.groupby(_COUNT_KEYS, sort=True, dropna=False).sum()
    rows = []
    for key, grp in sums.groupby(level=[0, 1, 2, 3], sort=False, dropna=False):
        periods = grp.index.get_level_values("period")
        full = pd.period_range(periods.min(), periods.max(), freq=pfreq).start_time
        idx = pd.MultiIndex.from_tuples([(*key, p) for p in full], names=_COUNT_KEYS)
        rows.append(grp.reindex(idx, fill_value=0))
    if not rows:
        out = pd.DataFrame(columns=[*_COUNT_KEYS, "certain", "possible", "total"])
        return out.astype({"certain": "int64", "possible": "int64", "total": "int64"})
    out = pd.concat(rows).reset_index()
    out["total"] = out["certain"] + out["possible"]
    lead = [*_COUNT_KEYS, "certain", "possible", "total"]
    out = out[lead + [c for c in out.columns if c not in lead]]
    return out.sort_values(["feature_id", "period"], kind="stable").reset_index(drop=True)


def plot_summary(
    summary: pd.DataFrame,
    timeline: Timeline | None,
    path: str | Path,
    *,
    top: int = 8,
    title: str | None = None,
) -> Path:
    """Chart the counts of :func:`summarize` over time, agreements' signed dates marked.

    One colour per feature (the ``top`` features with most events; the rest
    are summed as "other features"): certain matches solid, certain plus
    possible dashed. Drawn with matplotlib's Agg canvas (no pyplot, no
    display needed) and written atomically (PNG, SVG or PDF by the suffix).

    Examples
    --------
    >>> plot_summary(summarize(joined), load_timeline(), "counts.png")   # doctest: +SKIP
    PosixPath('counts.png')
    """
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    from ._io import atomic_path

    need = {"feature_id", "period", "certain", "possible"}
    if not need <= set(summary.columns):
        raise InputError(
            f"plot_summary needs the output of summarize; missing "
            f"{sorted(need - set(summary.columns))}"
        )
    fig = Figure(figsize=(12, 6), dpi=110)  # no pyplot: no global state, no GUI backend
    ax = fig.add_subplot()
    palette = matplotlib.colormaps["tab10"]
    totals = summary.groupby("feature_id", observed=True)[["certain", "possible"]].sum()
    keep = list(totals.sum(axis=1).sort_values(ascending=False).index[:top])
    names = summary.drop_duplicates("feature_id").set_index("feature_id")
    lines = [
        (
            str(names["feature_name"].get(fid, fid)) if "feature_name" in names else str(fid),
            summary.loc[summary["feature_id"] == fid],
        )
        for fid in keep
    ]
    rest = summary.loc[~summary["feature_id"].isin(keep)]
    if len(rest):
        lines.append(
            (
                f"{rest['feature_id'].nunique()} other features",
                rest.groupby("period", as_index=False)[["certain", "possible"]].sum(),
            )
        )
    for i, (name, frame) in enumerate(lines):
        frame = frame.sort_values("period")
        colour = palette(i % 10)
        ax.plot(frame["period"], frame["certain"], color=colour, lw=1.8, label=_plain(name))
        ax.plot(
            frame["period"],
            frame["certain"] + frame["possible"],
            color=colour,
            lw=1.0,
            ls="--",
            alpha=0.8,
        )
    _mark_agreements(ax, timeline)
    ax.set_ylabel("events per period")
    ax.set_ylim(bottom=0)
    fig.suptitle(
        _plain(
            title
            or (
                f"Events inside the features of {timeline.name}"
                if timeline
                else "Events inside timeline features"
            )
        ),
        fontsize=11,
    )
    ax.grid(alpha=0.3)
    handles, labels = ax.get_legend_handles_labels()
    handles += [Line2D([], [], color="0.2", lw=1.8), Line2D([], [], color="0.2", lw=1.0, ls="--")]
    labels += ["certain (solid)", "certain + possible (dashed)"]
    ax.legend(
        handles, labels, fontsize=7.5, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False
    )
    fig.autofmt_xdate()
    fig.tight_layout()
    target = Path(path)
    with atomic_path(target) as tmp:
        fig.savefig(tmp, format=(target.suffix.lstrip(".") or "png").lower())
    return target


def _mark_agreements(ax: Any, timeline: Timeline | None) -> None:
    """Dotted vertical lines at the agreements' signed dates, labelled above the axes."""
    import pandas as pd

    for ag in timeline.agreements if timeline is not None else []:
        signed = pd.to_datetime(str(ag.get("signed") or ""), errors="coerce")
        if pd.isna(signed):
            continue
        ax.axvline(signed, color="0.35", lw=0.8, ls=":")
        label = str(ag.get("name") or ag.get("id"))
        label = _plain(label if len(label) <= 34 else label[:33] + "…")
        ax.annotate(
            label,
            (signed, 1.01),
            xycoords=("data", "axes fraction"),
            rotation=90,
            fontsize=6.5,
            va="bottom",
            ha="center",
            color="0.25",
            annotation_clip=False,
        )


def _plain(text: str) -> str:
    """Text from specs shown literally by matplotlib (no ``$…$`` mathtext)."""
    return str(text).replace("$", r"\$")
