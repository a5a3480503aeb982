"""Metric operators: ``buffer``, ``band``, ``boundary`` and ``hull``, in metres on the ground."""

from __future__ import annotations

from typing import Any

import shapely

from .. import projection
from ..projection import QUAD_SEGS
from ..spec import LineDict, suggest
from ._context import Geometry, _Context, _distance, _fit, _line, _list, _need
from ._evaluator import _items, evaluate, op

#: Default tolerance of ``band``'s ``along`` and ``exclude``.
BAND_TOLERANCE_M = 1000.0
#: Simplification (metres) of a boundary before ``band`` buffers it.
EDGE_SIMPLIFY_M = 10.0


@op("buffer", {"of", "distance", "cap"})
def _op_buffer(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    geom = evaluate(_need(ctx, arg, "of", "buffer", line), ctx, _line(arg, "of") or line)
    distance = _distance(ctx, arg, "distance", "buffer", line)
    _fit(ctx, line, geom, distance_m=distance)
    cap = arg.get("cap", "round")
    if cap not in ("round", "flat", "square"):
        raise ctx.error(
            f"buffer cap {cap!r} is not round, flat or square",
            _line(arg, "cap"),
            suggest(cap, ["round", "flat", "square"]),
        )
    return projection.buffer(geom, distance, cap_style=cap)


_EDGE_KEYS = {"of", "along", "exclude", "tolerance", "min_part"}


def _edge_m(
    ctx: _Context, arg: Any, op: str, line: int | None, grow: float = 0.0
) -> tuple[Any, Any, Any]:
    """``(projection, area_m, kept boundary_m)`` of ``of``, with ``along``/``exclude`` applied.

    ``along`` keeps the boundary within ``tolerance`` of that expression;
    ``exclude`` drops the boundary within ``tolerance`` of that one. Pieces of
    the kept boundary shorter than ``min_part`` (default: twice the tolerance)
    are dropped: they are where two sources draw one border a few km apart,
    not stretches of a front line.
    """
    poly = evaluate(_need(ctx, arg, "of", op, line), ctx, _line(arg, "of") or line)
    if shapely.get_dimensions(poly) != 2:
        raise ctx.error(
            f"{op} 'of' must be an area, got a {poly.geom_type}",
            _line(arg, "of") or line,
            "use admin:, area:, ref: to a zone, buffer:…",
        )
    tol = BAND_TOLERANCE_M
    if "tolerance" in arg:
        tol = _distance(ctx, arg, "tolerance", op, line, allow_range=False)
    proj = _fit(ctx, line, poly, distance_m=grow)
    poly_m = proj.forward(poly)
    edge = shapely.boundary(poly_m)
    if "along" in arg:
        along = proj.forward(evaluate(arg["along"], ctx, _line(arg, "along") or line))
        edge = shapely.intersection(edge, shapely.buffer(along, tol, quad_segs=QUAD_SEGS))
    if "exclude" in arg:
        excl = proj.forward(evaluate(arg["exclude"], ctx, _line(arg, "exclude") or line))
        edge = shapely.difference(edge, shapely.buffer(excl, tol, quad_segs=QUAD_SEGS))
    if "along" in arg or "exclude" in arg:
        min_part = 2 * tol
        if "min_part" in arg:
            min_part = _distance(ctx, arg, "min_part", op, line, allow_range=False)
        parts = shapely.get_parts(shapely.line_merge(shapely.get_parts(edge)).tolist())
        parts = shapely.get_parts(shapely.line_merge(shapely.union_all(parts)))
        edge = shapely.union_all(parts[shapely.length(parts) >= min_part])
        edge = shapely.line_merge(edge) if not edge.is_empty else edge
    if shapely.is_empty(edge):
        raise ctx.error(
            f"{op}: no part of the boundary is left",
            _line(arg) or line,
            "check 'along'/'exclude', their 'tolerance' and 'min_part'",
        )
    return proj, poly_m, edge


@op("band", {"width", "inside", *_EDGE_KEYS})
def _op_band(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    """The strip of a polygon within ``width`` of its boundary (or part of it).

    See :func:`_edge_m` for ``along``, ``exclude``, ``tolerance`` and
    ``min_part``. ``inside: false`` builds the strip outside the polygon instead.
    """
    width = _distance(ctx, arg, "width", "band", line)
    inside = arg.get("inside", True) if isinstance(arg, dict) else True
    if not isinstance(inside, bool):
        raise ctx.error(
            f"band inside must be true or false, got {inside!r}",
            _line(arg, "inside"),
            "write 'inside: true'",
        )
    proj, poly_m, edge = _edge_m(ctx, arg, "band", line, grow=width)
    # a 10 m simplification of the edge (< 0.1 % of any band width worth drawing) halves
    # the cost of buffering a long, dense outline
    strip = shapely.buffer(shapely.simplify(edge, EDGE_SIMPLIFY_M), width, quad_segs=QUAD_SEGS)
    out = shapely.intersection(poly_m, strip) if inside else shapely.difference(strip, poly_m)
    return shapely.make_valid(proj.inverse(out))


@op("boundary", _EDGE_KEYS)
def _op_boundary(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    """The outline of an area, optionally only ``along``/without ``exclude`` (see band)."""
    if not isinstance(arg, dict) or "of" not in arg:
        arg = LineDict(of=arg)
    proj, _, edge = _edge_m(ctx, arg, "boundary", line)
    return proj.inverse(edge)


@op("hull")
def _op_hull(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    geoms = _items(ctx, _list(ctx, arg, "hull", line), line)
    proj = _fit(ctx, line, *geoms)
    hull = shapely.convex_hull(shapely.union_all([proj.forward(g) for g in geoms]))
    return shapely.make_valid(proj.inverse(hull))
