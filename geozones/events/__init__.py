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

Distances are metres on the ground, measured in the azimuthal equidistant
projection of :func:`geozones.projection.fit` centred on the timeline's
bounding box (features densified every 0.01° before projecting), exact at
the centre and within 0.01 % across 150 km.

How it runs (``_kernel``): candidate (event, feature) pairs come from a grid
index of the features' boxes in one vectorized gather, the dates are
compared as integer days on those pairs only, and the survivors get one
exact, prepared-geometry test grouped by feature; chunks of events run on a
thread pool (``workers=``). Modules: ``_read`` (files, dates), ``_columns``
(names, radii), ``_plan`` (features made ready), ``_kernel`` (matching),
``_frame`` (one frame), ``_join`` (:func:`join_events`), ``_file``
(:func:`join_file`), ``_summary``, ``_plot``, ``_dask`` and ``_cluster``
(dask collections, a dask.distributed scheduler).
"""

from __future__ import annotations

from ._columns import (
    DEFAULT_RADII,
    FEATURE_COLUMNS,
    NUMERIC_COLUMNS,
    EventsWarning,
    _Columns,
    radii_table,
)
from ._file import JoinReport, join_file
from ._frame import join_frame, match_all
from ._join import default_workers, join_events
from ._plan import _Plan, plan_of
from ._plot import plot_summary
from ._read import clean_events, count_rows, iter_chunks, parse_dates, read_events
from ._summary import summarize

__all__ = [
    "DEFAULT_RADII",
    "FEATURE_COLUMNS",
    "NUMERIC_COLUMNS",
    "EventsWarning",
    "JoinReport",
    "clean_events",
    "count_rows",
    "default_workers",
    "iter_chunks",
    "join_events",
    "join_file",
    "join_frame",
    "match_all",
    "parse_dates",
    "plan_of",
    "plot_summary",
    "radii_table",
    "read_events",
    "summarize",
]
# _Columns and _Plan are re-exported for the tests and the dask workers that pickle them.
_ = (_Columns, _Plan)
