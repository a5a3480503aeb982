"""Roads between two places: ``along`` and ``corridor``."""

from __future__ import annotations

from typing import Any

import shapely
from shapely.ops import substring

from ..projection import QUAD_SEGS
from ._context import Geometry, _Context, _distance, _fit, _line, _need
from ._evaluator import evaluate, op
from ._ops_names import _road_line

#: A place used as an end of ``along``/``corridor`` may lie this far from the road.
MAX_ROAD_OFFSET_M = 5000.0


def _along_m(
    ctx: _Context, arg: Any, op: str, line: int | None, grow: float = 0.0
) -> tuple[Any, Geometry]:
    """The road between two places, in a local projection; returns (projection, line_m)."""
    road = _road_line(ctx, _need(ctx, arg, "road", op, line), _line(arg, "road") or line)
    ends = []
    for key in ("from", "to"):
        expr = _need(ctx, arg, key, op, line)
        ctx.near = road  # of two namesakes, the one on the road
        try:
            geom = evaluate(expr, ctx, _line(arg, key) or line)
        finally:
            ctx.near = None
        ends.append((key, expr, geom, _line(arg, key) or line))
    proj = _fit(ctx, line, road, *(g for _, _, g, _ in ends), distance_m=grow)
    road_m = proj.forward(road)
    positions = []
    for key, expr, geom, kline in ends:
        pt_m = proj.forward(shapely.centroid(geom))
        offset = shapely.distance(road_m, pt_m)
        if offset > MAX_ROAD_OFFSET_M:
            raise ctx.error(
                f"{op} {key}: {_label(expr)} lies {offset / 1000:.1f} km from the road",
                kline,
                "name a place on the road, or check the road's line",
            )
        positions.append(road_m.project(pt_m))
    a, b = positions
    if abs(a - b) < 1.0:
        raise ctx.error(
            f"{op}: 'from' and 'to' fall on the same point of the road",
            line,
            "name two different places along the road",
        )
    part = substring(road_m, min(a, b), max(a, b))
    if a > b:
        part = part.reverse()
    return proj, part


def _label(expr: Any) -> str:
    if isinstance(expr, str):
        return repr(expr)
    if isinstance(expr, dict) and "place" in expr:
        return repr(expr["place"])
    return "the point"


@op("along", {"road", "from", "to"})
def _op_along(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    proj, part = _along_m(ctx, arg, "along", line)
    return proj.inverse(part)


@op("corridor", {"road", "from", "to", "width"})
def _op_corridor(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    width = _distance(ctx, arg, "width", "corridor", line)
    proj, part = _along_m(ctx, arg, "corridor", line, grow=width)
    poly = shapely.buffer(part, width, quad_segs=QUAD_SEGS, cap_style="flat")
    return shapely.make_valid(proj.inverse(poly))
