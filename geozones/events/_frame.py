"""Joining one in-memory frame of events: arrays in, chunks on a thread pool, rows out."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..errors import InputError
from ._columns import FEATURE_COLUMNS, NAT, EventsWarning, _Columns, days_of, radii_table
from ._kernel import grids_for, match
from ._read import parse_dates

if TYPE_CHECKING:  # pragma: no cover
    from ._plan import _Plan

#: Fewest events a thread is given at a time: a smaller chunk costs more than it gains
#: (every thread prepares its own copy of the geometry; 4,000 features, 100k events:
#: 1.4 s of CPU in two chunks of 50,000, 1.05 s in one).
MIN_CHUNK = 200_000
#: Most events matched at a time (bounds the memory of the candidate pairs).
MAX_CHUNK = 500_000


def join_frame(
    events: pd.DataFrame,
    plan: _Plan,
    cols: _Columns,
    *,
    how: str = "inner",
    radii: Mapping[int, float] | None = None,
    workers: int = 1,
) -> pd.DataFrame:
    """:func:`join_events` on one in-memory frame with a plan (the per-partition worker).

    Parameters
    ----------
    events : pandas.DataFrame
        The events (see :func:`geozones.events.join_events`).
    plan : _Plan
        From :func:`geozones.events.plan_of`.
    cols : _Columns
        The names of the date, latitude, longitude and precision columns.
    how, radii
        As for :func:`geozones.events.join_events`.
    workers : int
        Threads matching chunks of the events at once (shapely and numpy
        release the GIL).

    Returns
    -------
    pandas.DataFrame
        As :func:`geozones.events.join_events`.

    Examples
    --------
    >>> tl = load_timeline()                                              # doctest: +SKIP
    >>> cols = _Columns("event_date", "latitude", "longitude", "geo_precision")
    >>> join_frame(events, plan_of(tl), cols, how="left", workers=2)      # doctest: +SKIP
    """

    clash = [c for c in ["event_index", *FEATURE_COLUMNS] if c in events.columns]
    if clash:
        raise InputError(
            f"the events already have column(s) {clash} that join_events adds; "
            "rename or drop them first"
        )
    x, y, day, radius = _event_arrays(events, cols, radii_table(radii))
    ev, ft, ce = match_all(plan, x, y, day, radius, workers=workers)
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
    day = days_of(dates, nat=NAT)
    bad = int((~(np.isfinite(x) & np.isfinite(y) & (np.abs(y) <= 90)) | (day == NAT)).sum())
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

    return isinstance(frame, gpd.GeoDataFrame) and frame._geometry_column_name in frame


def _xy_of_geometry(events: Any) -> tuple[np.ndarray, np.ndarray]:

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

    codes, uniques = pd.factorize(values)
    taken = np.where(idx >= 0, codes[np.maximum(idx, 0)] if len(codes) else -1, -1)
    return pd.Categorical.from_codes(taken, categories=pd.Index(uniques, dtype=object))


def match_all(
    plan: _Plan,
    x: np.ndarray,
    y: np.ndarray,
    day: np.ndarray,
    radius: np.ndarray,
    *,
    workers: int = 1,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(event, feature, certain) triples of all events, sorted by event then feature.

    The events are cut into chunks matched by ``workers`` threads; the grid
    index and the prepared geometry are built once and shared.

    Examples
    --------
    >>> import numpy as np
    >>> from geozones import load_timeline
    >>> plan = plan_of(load_timeline())                                   # doctest: +SKIP
    >>> x, y = np.array([36.6]), np.array([35.85])
    >>> match_all(plan, x, y, np.array([18340]), np.zeros(1), workers=2)  # doctest: +SKIP
    """

    plan = plan.for_thread()  # dask may call this from several threads with one plan
    grids = grids_for(plan, radius, workers=workers)
    n = len(x)
    workers = max(1, int(workers))
    size = min(max(-(-n // workers), MIN_CHUNK), MAX_CHUNK)
    starts = list(range(0, n, size)) or [0]

    def one(s: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        sl = slice(s, s + size)
        mine = plan.for_thread()  # GEOS prepared geometry is not thread-safe: one copy each
        ev, ft, ce = match(mine, grids, x[sl], y[sl], day[sl], radius[sl])
        return ev + s, ft, ce

    if workers == 1 or len(starts) == 1:
        parts = [one(s) for s in starts]
    else:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="geozones-join") as pool:
            parts = list(pool.map(one, starts))
    return (
        np.concatenate([p[0] for p in parts]).astype(np.int64),
        np.concatenate([p[1] for p in parts]).astype(np.int64),
        np.concatenate([p[2] for p in parts]).astype(bool),
    )
