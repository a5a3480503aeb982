"""Control layers of a map: who held what on each change day, the contact line, what changed.

Drawn from the timeline's control model when it has one (``Timeline.parties``,
``Timeline.control`` and ``Timeline.contact_lines``; both frames empty or
missing for a spec without a control table):

- the areas held by each party, in the spec's colours;
- the contact line of the day;
- what each party gained since the previous change day, outlined;
- the area held per party on each change day (km²), for the chart under the axis.

Examples
--------
>>> control_data(load_timeline(), ["2020-03-06"], 20) is None   # doctest: +SKIP
False
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import shapely

from .. import feature_values, projection
from ._geometry import encode_collection, simplified_geometries, simplified_series
from ._time import states

if TYPE_CHECKING:  # pragma: no cover
    from ..timeline import Timeline

#: Colour of a party the spec gives none.
DEFAULT_PARTY_COLOUR = "#777777"

#: Tolerance (metres) for simplifying control areas and contact lines. Control is
#: modelled on cells around villages (kilometres across): finer detail would be invented.
CONTROL_SIMPLIFY_M = 1000.0

#: Decimals of control coordinates (3 ≈ 110 m, well within :data:`CONTROL_SIMPLIFY_M`).
CONTROL_DECIMALS = 3


def has_control(timeline: Timeline) -> bool:
    """Whether the timeline carries a non-empty control table."""
    frame = getattr(timeline, "control", None)
    return frame is not None and len(frame) > 0


def control_data(timeline: Timeline, days: list[str], simplify_m: float) -> dict[str, Any] | None:
    """Everything the runtime needs to draw control (None without a control table)."""
    if not has_control(timeline) or not days:
        return None
    tolerance = max(float(simplify_m), CONTROL_SIMPLIFY_M)
    areas = _valid(timeline.control, tolerance)
    lines = _valid(getattr(timeline, "contact_lines", None), tolerance)
    parties = _parties(timeline, areas)
    return {
        "parties": parties,
        "areas": encode_collection(_collection(areas, ("party",)), CONTROL_DECIMALS),
        "area_states": states(areas, days) if areas is not None else [[] for _ in days],
        "lines": encode_collection(_collection(lines, ()), CONTROL_DECIMALS),
        "line_states": states(lines, days) if lines is not None else [[] for _ in days],
        "changes": encode_collection(_changes(areas, days), CONTROL_DECIMALS),
        "chart": _chart(timeline.control, days, [p["id"] for p in parties]),
    }


def _valid(frame: gpd.GeoDataFrame | None, tolerance: float) -> gpd.GeoDataFrame | None:
    """The rows with a geometry, simplified within ``tolerance`` metres (None: no rows)."""
    if frame is None or not len(frame):
        return None
    keep = frame.geometry.notna() & ~frame.geometry.is_empty
    frame = frame.loc[keep].reset_index(drop=True)
    if not len(frame):
        return None
    return frame.set_geometry(simplified_series(frame, tolerance).to_numpy()).set_crs(
        4326, allow_override=True
    )


def _parties(timeline: Timeline, areas: gpd.GeoDataFrame | None) -> list[dict[str, str]]:
    declared = dict(getattr(timeline, "parties", None) or {})
    names = list(declared)
    if areas is not None:
        names += sorted(set(areas["party"].astype(str)) - set(declared))
    out = []
    for name in names:
        info = declared.get(name) or {}
        colour = str(info.get("colour") or info.get("color") or DEFAULT_PARTY_COLOUR)
        out.append(
            {
                "id": feature_values.text(name),
                "label": feature_values.text(info.get("label") or name),
                "colour": colour if _is_colour(colour) else DEFAULT_PARTY_COLOUR,
            }
        )
    return out


def _is_colour(text: str) -> bool:
    """``#rgb`` or ``#rrggbb`` only: a colour reaches the page as a style value."""
    digits = text[1:]
    return (
        text.startswith("#")
        and len(digits) in (3, 6)
        and all(c in "0123456789abcdefABCDEF" for c in digits)
    )


def _collection(frame: gpd.GeoDataFrame | None, columns: tuple[str, ...]) -> dict[str, Any]:
    if frame is None:
        return {"type": "FeatureCollection", "features": []}
    geometries = simplified_geometries(frame, 0, CONTROL_DECIMALS)
    start = [feature_values.iso_date(v) for v in frame["start_date"].tolist()]
    end = [feature_values.iso_date(v) for v in frame["end_date"].tolist()]
    features = []
    for i, geometry in enumerate(geometries):
        props: dict[str, Any] = {c: feature_values.text(frame[c].iloc[i]) for c in columns}
        props.update(start=start[i], end=end[i])
        features.append({"type": "Feature", "geometry": geometry, "properties": props})
    return {"type": "FeatureCollection", "features": features}


def _held(areas: gpd.GeoDataFrame, on: list[int], party: str) -> Any:
    rows = [i for i in on if str(areas["party"].iloc[i]) == party]
    if not rows:
        return shapely.Polygon()
    return shapely.union_all(areas.geometry.to_numpy()[rows])


def _changes(areas: gpd.GeoDataFrame | None, days: list[str]) -> dict[str, Any]:
    """Per change day and party, the area gained since the previous change day."""

    empty = {"type": "FeatureCollection", "features": []}
    if areas is None or len(days) < 2:
        return empty
    on = states(areas, days)
    parties = sorted(set(areas["party"].astype(str)))
    rows: list[dict[str, Any]] = []
    for k in range(1, len(days)):
        if on[k] == on[k - 1]:
            continue
        for party in parties:
            gained = shapely.difference(_held(areas, on[k], party), _held(areas, on[k - 1], party))
            if not gained.is_empty and gained.area > 0:
                rows.append({"day": days[k], "party": party, "geometry": gained})
    if not rows:
        return empty
    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)
    geometries = simplified_geometries(frame, CONTROL_SIMPLIFY_M, CONTROL_DECIMALS)
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": g, "properties": {"day": r["day"], "party": r["party"]}}
            for g, r in zip(geometries, rows, strict=True)
        ],
    }


def _chart(areas: gpd.GeoDataFrame | None, days: list[str], parties: list[str]) -> dict[str, Any]:
    """Area held per party (km², one decimal) on every change day (from the exact areas)."""
    if areas is None or not len(areas):
        return {"days": days, "km2": {}}
    areas = areas.loc[areas.geometry.notna()].reset_index(drop=True)
    km2 = np.array([projection.area_m2(g) / 1e6 for g in areas.geometry])
    party = areas["party"].astype(str).to_numpy()
    on = states(areas, days)
    out = {}
    for p in parties:
        mine = party == p
        out[p] = [round(float(km2[[i for i in rows if mine[i]]].sum()), 1) for rows in on]
    return {"days": days, "km2": out}
