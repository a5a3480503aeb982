"""The layers of a map (one per layer name of the kinds present) and the legend's metadata."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from ..kinds import CONFIDENCE, KINDS
from ._basemap import CREDIT
from ._geometry import geometry_class
from ._popup import agreements_meta

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from ..timeline import Timeline

#: Layer (and legend group) of kinds the project does not know.
OTHER_LAYER = "Other features"


def layer_groups(frame: gpd.GeoDataFrame) -> list[tuple[str, list[str]]]:
    """Layer name → kinds, only for kinds present, drawn areas first, then lines, then points.

    Within each geometry class the order of :data:`~geozones.kinds.KINDS` is
    kept, so small things stay on top of large ones and can be clicked.
    """
    present = set(frame["kind"].astype(str))
    groups: dict[str, list[str]] = {}
    for kind_id, kind in KINDS.items():
        if kind_id in present:
            groups.setdefault(kind.layer, []).append(kind_id)
    unknown = sorted(present - set(KINDS))
    if unknown:
        groups.setdefault(OTHER_LAYER, []).extend(unknown)
    types = frame.geometry.geom_type.groupby(frame["kind"].astype(str)).agg(set)
    rank = {"area": 0, "line": 1, "point": 2}

    def order(item: tuple[str, list[str]]) -> int:
        return min(rank[geometry_class(types[k])] for k in item[1])

    return sorted(groups.items(), key=order)


def meta(timeline: Timeline, frame: gpd.GeoDataFrame) -> dict[str, Any]:
    """Kinds, confidence styles and legend entries the runtime needs."""
    kinds = {k: {"label": v.label, "layer": v.layer, "color": v.color} for k, v in KINDS.items()}
    for other in sorted(set(frame["kind"].astype(str)) - set(KINDS)):
        kinds[other] = {"label": other, "layer": OTHER_LAYER, "color": "#555555"}
    types = frame.geometry.geom_type.groupby(frame["kind"].astype(str)).agg(set)
    legend = [{"id": k, "geometry": geometry_class(types[k])} for k in kinds if k in types.index]
    confidence = {
        c: {
            "dash": v["dash"],
            "weight": v["weight"],
            "fill_opacity": v["fill_opacity"],
            "label": v["label"],
        }
        for c, v in CONFIDENCE.items()
    }
    return {
        "kinds": kinds,
        "agreements": agreements_meta(timeline),
        "confidence": confidence,
        "legend_kinds": legend,
        "basemap_note": "Basemap: OCHA COD-AB boundaries, Natural Earth borders; roads and "
        "towns from the geozones gazetteer. Lines drawn through towns are schematic.",
        # shown by Leaflet's attribution control as HTML: static, escaped text only
        "credit": html.escape(CREDIT),
        "land": True,
    }
