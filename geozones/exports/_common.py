"""What every writer shares: the selection, geometry clean-up, XML helpers, errors."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely
from shapely.geometry import GeometryCollection, MultiPolygon, Polygon

from .. import settings
from ..errors import InputError
from ..feature_values import text

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from ..timeline import Timeline


def select(timeline: Timeline, date: Any) -> gpd.GeoDataFrame:
    """The features to write, in EPSG:4326: all of them, or those active on ``date``."""
    feats = timeline.features if date is None else timeline.at(date)
    if feats.crs is not None and not feats.crs.equals("EPSG:4326"):
        feats = feats.to_crs(4326)
    return feats


def check_coordinates(feats: gpd.GeoDataFrame) -> None:
    """Refuse to write a coordinate that is not finite or not on the globe.

    A longitude outside -180..180, a latitude outside -90..90, ``inf`` or
    ``NaN`` would reach KML, GeoPackage and FlatGeobuf as is (GeoJSON cannot
    even hold them), and every reader would draw nonsense or fail.

    Raises
    ------
    InputError
        Naming the first feature with such a coordinate and the value.
    """

    coords, index = shapely.get_coordinates(
        np.asarray(feats.geometry.array, dtype=object), return_index=True
    )
    if not len(coords):
        return
    lon, lat = coords[:, 0], coords[:, 1]
    with np.errstate(invalid="ignore"):
        ok = np.isfinite(coords).all(axis=1) & (np.abs(lon) <= 180) & (np.abs(lat) <= 90)
    if ok.all():
        return
    first = int(np.flatnonzero(~ok)[0])
    fid = text(feats["id"].iloc[int(index[first])]) if "id" in feats else str(index[first])
    raise InputError(
        f"feature {fid!r} has a coordinate off the globe (longitude {lon[first]!r}, "
        f"latitude {lat[first]!r}); longitudes run from -180 to 180 and latitudes from "
        "-90 to 90 degrees: fix the geometry in the spec or its file before exporting"
    )


def reason(exc: BaseException) -> str:
    """A one-line reason for a low-level failure (OSError, GDAL error)."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return " ".join(str(exc).split()) or type(exc).__name__


def clean_geometries(geoms: Any) -> np.ndarray:
    """Round to the coordinate grid, keep validity, orient rings per RFC 7946.

    Coordinates are rounded to ``settings.coordinate_precision`` decimals, so
    they print with at most that many. Where rounding alone would make a valid
    geometry invalid (a sliver thinner than the grid folding over), that
    geometry is snapped with `shapely.set_precision` instead, which repairs
    what snapping breaks. Finally exterior rings are made counter-clockwise
    and holes clockwise.
    """

    digits = int(settings.coordinate_precision)
    arr = np.asarray(geoms, dtype=object)
    rounded = shapely.transform(arr, lambda c: np.round(c, digits))
    broken = shapely.is_valid(arr) & ~shapely.is_valid(rounded)
    if broken.any():
        snapped = shapely.set_precision(arr[broken], 10.0**-digits)
        snapped = shapely.transform(snapped, lambda c: np.round(c, digits))
        # a geometry entirely thinner than the grid would vanish: keep it merely rounded
        keep = ~shapely.is_empty(snapped)
        idx = np.flatnonzero(broken)[keep]
        rounded[idx] = snapped[keep]
    return _orient(rounded)


def _orient(geoms: np.ndarray) -> np.ndarray:

    if hasattr(shapely, "orient_polygons"):  # shapely >= 2.1
        return shapely.orient_polygons(geoms, exterior_cw=False)
    from shapely.geometry.polygon import orient  # pragma: no cover - shapely 2.0

    return _map_polygons(geoms, lambda p: orient(p, 1.0))  # pragma: no cover


def _map_polygons(geoms: np.ndarray, fn: Callable[[Any], Any]) -> np.ndarray:  # pragma: no cover

    def one(g: Any) -> Any:
        if isinstance(g, Polygon):
            return fn(g)
        if isinstance(g, MultiPolygon):
            return MultiPolygon([fn(p) for p in g.geoms])
        if isinstance(g, GeometryCollection):
            return GeometryCollection([one(p) for p in g.geoms])
        return g

    return np.array([one(g) for g in geoms], dtype=object)


def sub(parent: ET.Element, tag: str, content: Any = None, /, **attrib: str) -> ET.Element:
    """Add a child element; its text goes through `feature_values.text` (XML-safe)."""
    el = ET.SubElement(parent, tag, attrib)
    if content is not None:
        el.text = text(content)
    return el
