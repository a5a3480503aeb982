"""GeoJSON (RFC 7946): one FeatureCollection, one Feature per line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely
from shapely.geometry import mapping

from .. import settings
from ..feature_values import records
from ._common import clean_geometries

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from ..timeline import Timeline


def _bbox(bounds: Any) -> list[float] | None:

    if np.isnan(bounds).any():
        return None
    digits = int(settings.coordinate_precision)
    return [round(float(v), digits) for v in bounds]


def _geojson_document(timeline: Timeline, feats: gpd.GeoDataFrame) -> dict[str, Any]:
    """The RFC 7946 FeatureCollection as a dict (deterministic key order)."""

    geoms = clean_geometries(feats.geometry.array)
    bounds = shapely.bounds(geoms)
    features = []
    for rec, geom, b in zip(records(feats), geoms, bounds, strict=True):
        feature: dict[str, Any] = {"type": "Feature", "id": rec["id"]}
        bbox = _bbox(b)
        if bbox is not None:
            feature["bbox"] = bbox
        feature["geometry"] = None if geom is None or geom.is_empty else mapping(geom)
        feature["properties"] = {k: v for k, v in rec.items() if k != "id"}
        features.append(feature)
    doc: dict[str, Any] = {"type": "FeatureCollection", "name": timeline.name}
    if len(geoms) and not shapely.is_empty(geoms).all():
        doc["bbox"] = _bbox(shapely.total_bounds(geoms))
    doc["features"] = features
    return doc


def geojson_text(timeline: Timeline, feats: gpd.GeoDataFrame) -> str:
    """GeoJSON text: one Feature per line, so diffs between exports stay readable."""
    doc = _geojson_document(timeline, feats)
    features = doc.pop("features")

    def dump(obj: Any) -> str:
        return json.dumps(obj, ensure_ascii=False, allow_nan=False, separators=(",", ":"))

    head = dump(doc)[:-1]  # drop the closing brace
    body = ",\n".join(dump(f) for f in features)
    return f'{head},"features":[\n{body}\n]}}\n' if features else f'{head},"features":[]}}\n'


def write_geojson(timeline: Timeline, feats: gpd.GeoDataFrame, path: Path) -> None:
    text = geojson_text(timeline, feats)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
