"""The public join: :func:`join_events` on a pandas or a dask frame of events."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .. import compiler, settings
from ..errors import InputError
from . import _dask
from ._columns import _Columns, is_dask_collection, radii_table
from ._frame import _is_geo, _xy_of_geometry, join_frame
from ._plan import plan_of
from ._read import parse_dates

if TYPE_CHECKING:  # pragma: no cover
    from ..timeline import Timeline


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
    workers: int | None = None,
    control: bool = False,
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
    date, lat, lon, precision : str
        Column names; ``precision`` is ACLED's ``geo_precision`` (absent or
        ``None``: every event is exact).
    how : {"inner", "left"}
        ``"left"`` keeps events that match nothing, once, with null feature columns.
    radii : mapping, optional
        Metres of uncertainty per precision code, merged over :data:`DEFAULT_RADII`,
        e.g. ``{2: 2000, 3: 50000}``.
    backend : {"auto", "pandas", "dask"}
        ``"auto"``: dask for dask collections, pandas otherwise. ``"dask"`` on
        a pandas frame partitions it, runs on the current dask scheduler (a
        ``dask.distributed`` client if one is active) and returns pandas.
    workers : int, optional
        Threads (default :data:`geozones.settings.join_workers`, or every core).
    control : bool
        Add a ``holder`` column: the party holding each event's place that day.

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
    _check_options(events, how, backend, control)
    table = radii_table(radii)
    timeline = timeline if timeline is not None else compiler.load_timeline()
    plan, cols = plan_of(timeline), _Columns(date, lat, lon, precision)
    if backend == "dask" or is_dask_collection(events):
        lazy = is_dask_collection(events)
        return _dask.join(events, plan, cols, how=how, radii=table, lazy=lazy)
    out = join_frame(events, plan, cols, how=how, radii=table, workers=default_workers(workers))
    if control:
        out["holder"] = _holders(out, timeline, cols)
    return out


def _check_options(events: Any, how: str, backend: str, control: bool) -> None:
    """One clear error for an option :func:`join_events` cannot honour."""
    if how not in ("inner", "left"):
        raise InputError(f"how={how!r} is not a join type; use 'inner' or 'left'")
    if backend not in ("auto", "pandas", "dask"):
        raise InputError(f"backend={backend!r} is unknown; use 'auto', 'pandas' or 'dask'")
    if not control:
        return
    if backend == "dask" or is_dask_collection(events):
        raise InputError(
            "control=True works on pandas frames; join the dask frame, then "
            "label the computed rows with geozones.analysis.label_holders"
        )
    if "holder" in events.columns:
        raise InputError("the events already have a 'holder' column; rename or drop it first")


def _holders(joined: Any, timeline: Timeline, cols: _Columns) -> Any:
    """The holder of each joined row's event (computed once per event), as a categorical."""

    first = ~joined["event_index"].duplicated().to_numpy()
    rows = joined.loc[first]
    if _is_geo(rows) and (cols.lon not in rows.columns or cols.lat not in rows.columns):
        x, y = _xy_of_geometry(rows)
    else:
        x = pd.to_numeric(rows[cols.lon], errors="coerce").to_numpy(dtype="float64")
        y = pd.to_numeric(rows[cols.lat], errors="coerce").to_numpy(dtype="float64")
    dates = rows[cols.date]
    if not pd.api.types.is_datetime64_any_dtype(dates.dtype):
        dates = parse_dates(dates)
    known = np.isfinite(x) & np.isfinite(y) & dates.notna().to_numpy()
    held = np.full(len(rows), None, dtype=object)
    if known.any():
        days = dates.to_numpy()[known].astype("datetime64[D]").astype(str)
        held[known] = timeline.holders(x[known], y[known], list(days))
    per_event = pd.Series(held, index=rows["event_index"].to_numpy())
    return pd.Categorical(per_event.reindex(joined["event_index"].to_numpy()).to_numpy())


def default_workers(workers: int | None = None) -> int:
    """``workers``, else :data:`geozones.settings.join_workers`, else the number of cores.

    Examples
    --------
    >>> default_workers(3)
    3
    """

    value = workers if workers is not None else settings.join_workers
    if value is None:
        value = os.cpu_count() or 1
    if int(value) < 1:
        raise InputError(f"workers must be at least 1, got {value!r}")
    return int(value)
