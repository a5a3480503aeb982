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


def kind_label(kind_id: str, timeline: Timeline | None = None) -> str:
    """The legend's label of a kind: the spec's own label, else the kind id in words.

    Examples
    --------
    >>> kind_label("patrol-route")
    'Patrol route'
    >>> kind_label("demilitarized-zone")
    'Demilitarized zone'
    """
    declared = getattr(timeline, "kind_labels", None) or {}
    label = declared.get(kind_id) if isinstance(declared, dict) else None
    if label:
        return str(label)
    words = kind_id.replace("_", " ").replace("-", " ").split()
    return " ".join(words).capitalize() if words else kind_id


def meta(timeline: Timeline, frame: gpd.GeoDataFrame) -> dict[str, Any]:
    """Kinds, confidence styles, legend entries (in drawing order) the runtime needs."""
    present = frame["kind"].astype(str)
    types = frame.geometry.geom_type.groupby(present).agg(set)
    kinds = {}
    for kind_id in [k for k in KINDS if k in types.index] + sorted(set(types.index) - set(KINDS)):
        known = KINDS.get(kind_id)
        kinds[kind_id] = {
            "label": kind_label(kind_id, timeline),
            "layer": known.layer if known else OTHER_LAYER,
            "color": known.color if known else "#555555",
        }
    legend = [
        {"id": k, "geometry": cls, "layer": i}
        for i, (_, ids) in enumerate(layer_groups(frame))
        for k in ids
        for cls in _classes(types[k])
    ]
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
        "basemap_note": "Basemap: OCHA COD-AB boundaries and communities, Natural Earth borders, "
        "rivers and lakes; roads from the geozones gazetteer. Lines drawn through towns are "
        "schematic.",
        # shown by Leaflet's attribution control as HTML: static, escaped text only
        "credit": html.escape(CREDIT),
        "land": True,
    }


def _classes(geom_types: set[str]) -> list[str]:
    """The geometry classes of a kind's features, areas first (one legend swatch each)."""
    found = {geometry_class({t}) for t in geom_types}
    return [c for c in ("area", "line", "point") if c in found]
