"""GeoPackage and FlatGeobuf, written through pyogrio (GDAL) with Arrow types."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyogrio
import shapely

from ..feature_values import COLUMNS, records
from ._common import clean_geometries
from ._qgis import write_qgis_styles

if TYPE_CHECKING:  # pragma: no cover
    from ..timeline import Timeline

#: GeoPackage layer for each geometry dimension (2 areas, 1 lines, 0 points).
GPKG_LAYERS: dict[int, str] = {2: "areas", 1: "lines", 0: "points"}

_MULTI_TYPES = {2: "MultiPolygon", 1: "MultiLineString", 0: "MultiPoint"}


#: Time of day written with each date: a feature is in force from the first instant of
#: its start day to the last second of its end day.
DAY_BOUNDS = {"start_date": _dt.time(0, 0, 0), "end_date": _dt.time(23, 59, 59)}


def _attribute_frame(feats: gpd.GeoDataFrame) -> Any:
    """A pandas frame of `COLUMNS`, the dates as Arrow timestamps (local, no time zone).

    ``start_date`` is the start day at 00:00:00 and ``end_date`` the last day
    in force at 23:59:59 (NULL: still in force). These are the values QGIS's
    own temporal defaults read right: ticking *Dynamic Temporal Control* on a
    layer opened as usual filters with ``"start_date" < end of frame`` and
    ``"end_date" > start of frame``, so a day frame shows exactly the
    features in force that day (DATE fields are shifted a day in QGIS 3.22,
    whose SQL compares ``'2020-03-06'`` with ``'2020-03-06T00:00:00'`` as
    text). No time zone: QGIS builds its frames in local time, and so reads
    these. ``sources`` becomes a JSON string.
    """

    recs = records(feats)
    data: dict[str, Any] = {}
    for col in COLUMNS:
        values = [r[col] for r in recs]
        if col in DAY_BOUNDS:
            stamps = [
                None
                if v is None
                else _dt.datetime.combine(_dt.date.fromisoformat(v), DAY_BOUNDS[col])
                for v in values
            ]
            data[col] = pd.arrays.ArrowExtensionArray(pa.array(stamps, type=pa.timestamp("s")))
        elif col == "sources":
            texts = [json.dumps(v, ensure_ascii=False) for v in values]
            data[col] = pd.arrays.ArrowExtensionArray(pa.array(texts, type=pa.string()))
        else:
            data[col] = pd.arrays.ArrowExtensionArray(pa.array(values, type=pa.string()))
    return pd.DataFrame(data)


def _split_by_dimension(geoms: np.ndarray) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Group the parts of each geometry by dimension and rebuild them as Multi* geometries.

    Returns ``{dimension: (row indices, multi geometries)}``; a geometry
    collection holding, say, a polygon and a line contributes to two groups.
    """

    parts, index = shapely.get_parts(geoms, return_index=True)
    while True:  # flatten nested multi-geometries and collections
        nested = shapely.get_num_geometries(parts) > 1
        nested |= shapely.get_type_id(parts) >= 4
        if not nested.any():
            break
        sub, sub_idx = shapely.get_parts(parts[nested], return_index=True)
        index = np.concatenate([index[~nested], index[nested][sub_idx]])
        parts = np.concatenate([parts[~nested], sub])
    keep = ~shapely.is_empty(parts)
    parts, index = parts[keep], index[keep]
    dims = shapely.get_dimensions(parts)
    builders = {2: shapely.multipolygons, 1: shapely.multilinestrings, 0: shapely.multipoints}
    out: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    for dim, build in builders.items():
        sel = dims == dim
        if not sel.any():
            continue
        order = np.argsort(index[sel], kind="stable")
        idx = index[sel][order]
        rows = np.unique(idx)
        # shapely wants consecutive group numbers 0..n-1
        group = np.searchsorted(rows, idx)
        out[dim] = (rows, build(parts[sel][order], indices=group))
    return out


def _geo_frame(table: Any, rows: Any, geoms: Any) -> gpd.GeoDataFrame:

    sub = table.iloc[rows].reset_index(drop=True)
    return gpd.GeoDataFrame(sub, geometry=gpd.GeoSeries(geoms, crs="EPSG:4326"), crs="EPSG:4326")


def write_gpkg(timeline: Timeline, feats: gpd.GeoDataFrame, path: Path) -> None:
    """GeoPackage: one layer per geometry dimension, each with a kind column.

    A GeoPackage layer holds one geometry type, and one kind can mix them (a
    zone given as a polygon in one agreement and as a town point in
    another), so layers by kind would not do. Three layers (``areas``,
    ``lines``, ``points``) keep every layer to one Multi* type; the ``kind``
    column drives the categorized style and filters.
    """

    table = _attribute_frame(feats)
    groups = _split_by_dimension(clean_geometries(feats.geometry.array))
    if not groups:  # nothing active: still a valid GeoPackage with an empty areas layer
        import numpy as np  # lazy: keeps start-up (import geozones, geozones --help) fast

        groups = {2: (np.array([], dtype=int), np.array([], dtype=object))}
    for dim in sorted(groups, reverse=True):
        rows, geoms = groups[dim]
        layer = GPKG_LAYERS[dim]
        pyogrio.write_dataframe(
            _geo_frame(table, rows, geoms),
            path,
            layer=layer,
            driver="GPKG",
            use_arrow=True,
            geometry_type=_MULTI_TYPES[dim],
            # GeoPackage 1.2: what every GDAL of the last years reads without a warning
            dataset_options={"VERSION": "1.2"},
            layer_options={
                "IDENTIFIER": f"{timeline.name} — {layer}",
                "DESCRIPTION": f"{layer} of the timeline {timeline.id!r}: in force from "
                "start_date 00:00:00 to end_date 23:59:59 (empty = still in force)",
            },
        )
    kinds = table["kind"].tolist()
    write_qgis_styles(
        path,
        timeline,
        {
            GPKG_LAYERS[d]: (d, list(dict.fromkeys(kinds[i] for i in groups[d][0])))
            for d in sorted(groups, reverse=True)
        },
    )


def write_fgb(timeline: Timeline, feats: gpd.GeoDataFrame, path: Path) -> None:
    """FlatGeobuf: one layer (mixed geometry types allowed), the GeoPackage columns."""

    table = _attribute_frame(feats)
    geoms = clean_geometries(feats.geometry.array)

    frame = _geo_frame(table, np.arange(len(table)), geoms)
    pyogrio.write_dataframe(frame, path, layer=timeline.id, driver="FlatGeobuf", use_arrow=True)
