"""Point-in-zone questions: which features contain a place, on a date."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import shapely

from .errors import InputError
from .place import Place
from .projection import fit

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from .timeline import Timeline

#: Lines and points (routes, posts) "contain" a place within this many metres.
LINE_TOLERANCE_M = 1000.0


def point_of(where: Any, gazetteer: Any = None, timeline: Any = None) -> tuple[Any, Any]:
    """``(shapely Point, Place or None)`` for a name, ``(lat, lon)``, Point or Place.

    A name is read as ``timeline``'s control table reads it when given one (a name of its
    ``places:`` first, then the gazetteer), else looked up in ``gazetteer``.

    Examples
    --------
    >>> point, place = point_of((35.93, 36.63))
    >>> (round(point.x, 2), round(point.y, 2)), place
    ((36.63, 35.93), None)
    """
    if isinstance(where, str) and timeline is not None:
        where = _named(where, timeline)
    if isinstance(where, str):
        from .gazetteer import Gazetteer  # lazy: the index loads only for a name

        where = (gazetteer or Gazetteer.default()).geocode(where)
    if isinstance(where, Place):
        return shapely.Point(where.lon, where.lat), where
    if isinstance(where, shapely.Geometry):
        if where.geom_type != "Point" or where.is_empty:
            raise InputError(
                f"locate takes a point, got a {where.geom_type}; "
                "use its centroid or representative_point()"
            )
        return where, None
    if isinstance(where, (tuple, list)) and len(where) == 2:
        try:
            lat, lon = float(where[0]), float(where[1])
        except (TypeError, ValueError):
            lat = lon = float("nan")
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            return shapely.Point(lon, lat), None
        raise InputError(
            f"{where!r} is not a (lat, lon) pair in degrees; write e.g. (35.87, 36.72)"
        )
    raise InputError(
        f"locate takes a place name, a (lat, lon) tuple, a shapely Point or a "
        f"Place, not {type(where).__name__}"
    )


def _named(name: str, timeline: Any) -> Any:
    """A name as the timeline's control table reads it: what its ``places:`` gives the
    name (a gazetteer code, a (lat, lon) pair), else the name itself (for the gazetteer)."""
    control = getattr(timeline, "_control", None)
    given = control.place_alias(name) if control is not None else None
    return name if given is None else given


def locate(
    place_or_point: Any,
    date: Any = None,
    timeline: Timeline | None = None,
    *,
    tolerance: float = LINE_TOLERANCE_M,
    gazetteer: Any = None,
) -> gpd.GeoDataFrame:
    """The features of a timeline that contain a place (on a date).

    Areas contain a point when it lies inside or on their boundary; lines
    (patrol routes) and points (observation posts) when it lies within
    ``tolerance`` metres, measured on the ground.

    Parameters
    ----------
    place_or_point : str, (lat, lon), shapely Point or Place
        A name is geocoded with the offline gazetteer.
    date : str or date, optional
        Only features in force on that day; ``None``: every feature, whatever its dates.
    timeline : Timeline, optional
        Default: the bundled timeline (:func:`geozones.load_timeline`).
    tolerance : float
        Metres, for lines and points.
    gazetteer : Gazetteer, optional
        Where a name is looked up, and the default timeline compiled; default
        :meth:`geozones.Gazetteer.default`.

    Returns
    -------
    GeoDataFrame
        The matching rows of ``timeline.features`` plus ``distance_m`` (0 inside
        an area), sorted by start date.

    Examples
    --------
    >>> import geozones
    >>> geozones.locate("Ariha", "2020-03-15")["id"].tolist()      # doctest: +SKIP
    ['idlib-zone-2020-03', 'm4-corridor']
    >>> geozones.locate((36.59, 37.05), "2017-06-01")["kind"].tolist()  # doctest: +SKIP
    ['control-area']
    """
    if timeline is None:
        from .compiler import load_timeline  # lazy: the compiler only for the default timeline

        timeline = load_timeline(gazetteer=gazetteer)
    point, _ = point_of(place_or_point, gazetteer, timeline=None if gazetteer else timeline)
    features = timeline.features if date is None else timeline.at(date)
    geoms = np.asarray(features.geometry.values)
    areal = shapely.get_dimensions(geoms) == 2
    hit = areal & shapely.covers(geoms, point)
    dist = np.zeros(len(geoms))
    # lines and points: a generous pre-filter in degrees, then metres on the ground
    # in a projection centred on the point (exact for distances from the centre)
    deg = 1.5 * tolerance / (111_000.0 * max(np.cos(np.radians(point.y)), 0.01))
    near = ~areal & shapely.dwithin(geoms, point, deg)
    if near.any():
        proj = fit(point)
        d = shapely.distance(proj.forward(geoms[near]), shapely.Point(0.0, 0.0))
        dist[near] = d
        hit[near] = d <= tolerance
    out = features.loc[hit].copy()
    out["distance_m"] = np.round(dist[hit], 1)
    return out.sort_values(["start_date", "id"], kind="stable")


def label_holders(events: Any, timeline: Timeline | None = None, *, column: str = "holder") -> Any:
    """Label dated events with who held their place on their date (issue #14).

    Vectorized over the events (the timeline's control cells and holder table):
    ``column`` gets the party, or a missing value where the control table says nothing (no
    control table, outside its cells or before its first day).

    Parameters
    ----------
    events : DataFrame
        ACLED-style: ``event_date``, ``latitude``, ``longitude``.
    timeline : Timeline, optional
        Default: the bundled timeline.

    Returns
    -------
    DataFrame
        A copy of ``events`` with the new column.

    Examples
    --------
    >>> import pandas as pd, geozones
    >>> ev = pd.DataFrame({"event_date": ["2020-03-15"], "latitude": [35.61],
    ...                    "longitude": [36.56]})
    >>> from geozones.analysis import label_holders
    >>> label_holders(ev)["holder"].tolist()                    # doctest: +SKIP
    ['government']
    """
    missing = [c for c in ("event_date", "latitude", "longitude") if c not in events.columns]
    if missing:
        raise InputError(f"events lack the columns {missing}; ACLED's names are expected")
    if timeline is None:
        from .compiler import load_timeline  # the compiler is heavy: loaded when needed

        timeline = load_timeline()
    out = events.copy()
    dates = [str(d)[:10] for d in out["event_date"]]
    out[column] = timeline.holders(out["longitude"].to_numpy(), out["latitude"].to_numpy(), dates)
    return out
