"""Geometry of a map: features as GeoJSON, simplified in metres and rounded in degrees.

Simplification works in metres in the project's local projection
(:func:`geozones.projection.fit`, an azimuthal equidistant projection centred on
the features); coordinates are rounded to ``settings.coordinate_precision`` decimals.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely

from .. import feature_values, projection, settings

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

#: Default tolerance (metres on the ground) for simplifying feature geometry.
SIMPLIFY_M = 20.0

#: The text columns of a feature's popup, in the order they are embedded.
TEXT_COLUMNS = ("id", "name", "kind", "agreement", "agreement_name", "confidence", "notes")


def geojson_collection(
    frame: gpd.GeoDataFrame, *, simplify_m: float = SIMPLIFY_M
) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of timeline features for the map runtime.

    Geometry is simplified within ``simplify_m`` metres and rounded to
    ``settings.coordinate_precision`` decimals; dates become ISO strings
    (``end`` is ``None`` when open and is the last day in force).

    Examples
    --------
    >>> fc = geojson_collection(load_timeline().features)        # doctest: +SKIP
    >>> fc["features"][0]["properties"]["start"]                  # doctest: +SKIP
    '2018-09-17'
    """
    geometries = simplified_geometries(frame, simplify_m)
    features = [
        {"type": "Feature", "geometry": geometry, "properties": props}
        for geometry, props in zip(geometries, properties(frame), strict=True)
    ]
    return {"type": "FeatureCollection", "features": features}


def simplified_geometries(
    frame: gpd.GeoDataFrame, simplify_m: float, decimals: int | None = None
) -> list[dict[str, Any]]:
    """GeoJSON geometry dicts of ``frame``: simplified in metres, rounded in degrees.

    ``decimals`` (default ``settings.coordinate_precision``) rounds the coordinates;
    layers simplified coarsely need fewer (4 decimals ≈ 11 m).

    Examples
    --------
    >>> import geopandas as gpd, shapely
    >>> f = gpd.GeoDataFrame(geometry=[shapely.Point(36.123456789, 35.9)], crs=4326)
    >>> simplified_geometries(f, 10)
    [{'type': 'Point', 'coordinates': [36.123457, 35.9]}]
    """

    if not len(frame):
        return []
    series = simplified_series(frame, simplify_m)
    decimals = int(settings.coordinate_precision) if decimals is None else int(decimals)
    rounded = shapely.transform(series.to_numpy(), lambda xy: np.round(xy, decimals))
    return [json.loads(text) for text in shapely.to_geojson(rounded)]


def simplified_series(frame: gpd.GeoDataFrame, simplify_m: float) -> gpd.GeoSeries:
    """The geometry of ``frame`` in EPSG:4326, simplified within ``simplify_m`` metres.

    Examples
    --------
    >>> import geopandas as gpd, shapely
    >>> line = shapely.LineString([(36, 35), (36.005, 35.00001), (36.01, 35)])
    >>> len(simplified_series(gpd.GeoDataFrame(geometry=[line], crs=4326), 50).iloc[0].coords)
    2
    """

    series = frame.geometry
    if series.crs is None:
        series = series.set_crs(4326)
    elif series.crs.to_epsg() != 4326:
        series = series.to_crs(4326)
    if simplify_m > 0:
        # the CRS only (no densifying): the simplified shape is all the map needs
        metric = projection.fit(shapely.box(*series.total_bounds)).crs
        projected = series.to_crs(metric)
        simple = shapely.simplify(projected.to_numpy(), simplify_m, preserve_topology=True)
        series = type(series)(simple, index=series.index, crs=metric).to_crs(4326)
    return series


def properties(frame: gpd.GeoDataFrame) -> list[dict[str, Any]]:
    """The popup properties of every feature, column by column (:mod:`geozones.feature_values`)."""
    text = {c: [feature_values.text(v) for v in frame[c].tolist()] for c in TEXT_COLUMNS}
    start = [feature_values.iso_date(v) for v in frame["start_date"].tolist()]
    end = [feature_values.iso_date(v) for v in frame["end_date"].tolist()]
    sources = [feature_values.sources(v) for v in frame["sources"].tolist()]
    return [
        {
            **{c: text[c][i] for c in TEXT_COLUMNS},
            "start": start[i],
            "end": end[i],
            "sources": sources[i],
        }
        for i in range(len(frame))
    ]


def geometry_class(geom_types: set[str]) -> str:
    """``"point"``, ``"line"`` or ``"area"`` for a set of geometry type names.

    Examples
    --------
    >>> geometry_class({"LineString", "MultiLineString"})
    'line'
    """
    if geom_types <= {"Point", "MultiPoint"}:
        return "point"
    if geom_types <= {"LineString", "MultiLineString"}:
        return "line"
    return "area"


def features_4326(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The features with a geometry, in EPSG:4326."""
    if frame.crs is not None and frame.crs.to_epsg() != 4326:
        frame = frame.to_crs(4326)
    keep = frame.geometry.notna() & ~frame.geometry.is_empty
    return frame.loc[keep]


def draw_order(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Features from the largest to the smallest (points and lines last)."""

    area = shapely.area(frame.geometry.to_numpy())  # degrees², only to order
    order = np.argsort(-area, kind="stable")
    return frame.iloc[order]


def bounds(frame: gpd.GeoDataFrame, fallback: Any = None) -> list[list[float]] | None:
    """``[[south, west], [north, east]]`` of ``frame`` (or of ``fallback``), rounded."""

    if len(frame):
        x0, y0, x1, y1 = frame.total_bounds
    elif fallback is not None:
        x0, y0, x1, y1 = fallback.total_bounds
    else:
        return None
    if not np.all(np.isfinite([x0, y0, x1, y1])):
        return None
    p = int(settings.coordinate_precision)
    return [[round(float(y0), p), round(float(x0), p)], [round(float(y1), p), round(float(x1), p)]]


def encode_collection(collection: dict[str, Any], decimals: int | None = None) -> dict[str, Any]:
    """A FeatureCollection with its coordinates delta-encoded as integers (a copy).

    Each geometry's coordinates become, per ring or line, one flat list of
    integers in units of ``10**-decimals`` degrees: the first point, then the
    difference to the previous one (``"e"`` instead of ``"coordinates"``). The
    page is about three times smaller; ``geozones.decode`` in the runtime
    restores plain GeoJSON before anything is drawn.

    Examples
    --------
    >>> fc = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
    ...       "geometry": {"type": "LineString", "coordinates": [[36.1, 35.2], [36.15, 35.1]]}}]}
    >>> encode_collection(fc, 2)["features"][0]["geometry"]
    {'type': 'LineString', 'e': [3610, 3520, 5, -10]}
    """
    decimals = int(settings.coordinate_precision) if decimals is None else int(decimals)
    scale = 10**decimals
    features = []
    for feature in collection["features"]:
        geometry = feature.get("geometry")
        if geometry is not None and "coordinates" in geometry:  # a GeometryCollection stays
            geometry = {"type": geometry["type"], "e": _encode(geometry["coordinates"], scale)}
        features.append({**feature, "geometry": geometry})
    return {**collection, "features": features, "scale": scale}


def _encode(coords: Any, scale: int) -> Any:
    """Nested coordinate lists → the same nesting with each innermost line flat and delta-coded."""
    if not coords:
        return []
    if isinstance(coords[0], (int, float)):  # a single position (a Point)
        return [round(c * scale) for c in coords[:2]]
    if isinstance(coords[0][0], (int, float)):  # a line or ring of positions
        out: list[int] = []
        px = py = 0
        for x, y, *_ in coords:
            ix, iy = round(x * scale), round(y * scale)
            out += [ix - px, iy - py]
            px, py = ix, iy
        return out
    return [_encode(part, scale) for part in coords]
