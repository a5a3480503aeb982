"""The dask backend of :func:`geozones.join_events` (install ``geozones[dask]``).

Imported only when a dask collection is joined or ``backend="dask"`` is asked
for. The events are split into partitions and each partition is joined by
the same vectorized code as the pandas path
(:func:`geozones.events.join_frame`, one thread per partition: dask runs the
partitions in parallel), with :meth:`DataFrame.map_partitions`.
The timeline's prepared *plan* travels once, as one task of the graph that
every partition depends on, so a ``dask.distributed`` cluster ships it to
each worker once. Whatever scheduler is current runs the graph: the
``distributed.Client`` made last, if any (e.g. on a ``LocalCluster``).
"""

from __future__ import annotations

from typing import Any

from ..errors import InputError
from ._frame import _is_geo, join_frame

#: Events per partition when a pandas frame is handed to the dask backend.
PARTITION_ROWS = 250_000


def _import_dask() -> Any:
    try:
        import dask  # optional: the dask extra, only for dask collections
        import dask.dataframe as dd  # optional: the dask extra, only for dask collections
    except ImportError:  # pragma: no cover - depends on the installation
        raise InputError("the dask backend needs dask: pip install 'geozones[dask]'") from None
    return dask, dd


def join(
    events: Any, plan: Any, cols: Any, *, how: str, radii: dict[int, float], lazy: bool
) -> Any:
    """Join a dask (or pandas) frame of events, partition by partition.

    Parameters
    ----------
    events : dask DataFrame, dask-geopandas GeoDataFrame, or pandas DataFrame
    plan : geozones.events._plan._Plan
    cols : geozones.events._columns._Columns
    how, radii
        As for :func:`geozones.join_events`.
    lazy : bool
        True for dask input: return the lazy dask frame. False: compute and
        return pandas (for ``backend="dask"`` on an in-memory frame).

    Examples
    --------
    >>> import dask.dataframe as dd                                    # doctest: +SKIP
    >>> joined = join_events(dd.read_parquet("acled/*.parquet"))       # doctest: +SKIP
    >>> summarize(joined)                                              # doctest: +SKIP
    """
    dask, dd = _import_dask()

    if not lazy:
        n = max(1, -(-len(events) // PARTITION_ROWS))
        ddf = dd.from_pandas(events, npartitions=n, sort=False)
    else:
        ddf = events
    geometry = _is_geo(ddf._meta) and (cols.lat not in ddf.columns or cols.lon not in ddf.columns)
    cols.check(ddf.columns, where="events", geometry=geometry)
    meta = join_frame(ddf._meta, plan, cols, how=how, radii=radii)
    plan_task = dask.delayed(plan, pure=True, traverse=False)
    out = ddf.map_partitions(
        _join_partition, plan_task, cols, how, radii, meta=meta, align_dataframes=False
    )
    if lazy:
        return out
    result = out.compute()
    return result.reset_index(drop=True)


def _join_partition(part: Any, plan: Any, cols: Any, how: str, radii: dict[int, float]) -> Any:
    return join_frame(part, plan, cols, how=how, radii=radii)
