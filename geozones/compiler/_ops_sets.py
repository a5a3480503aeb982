"""Set operations (``union``, ``difference``, ``intersection``) and ``ref`` to a feature."""

from __future__ import annotations

from typing import Any

import shapely

from ..spec import suggest
from ._context import Geometry, _Context, _list
from ._evaluator import _items, op
from ._features import _feature_geometry


@op("union")
def _op_union(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    return shapely.make_valid(shapely.union_all(_items(ctx, _list(ctx, arg, "union", line), line)))


@op("difference")
def _op_difference(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    geoms = _items(ctx, _list(ctx, arg, "difference", line, min_len=2), line)
    return shapely.make_valid(shapely.difference(geoms[0], shapely.union_all(geoms[1:])))


@op("intersection")
def _op_intersection(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    geoms = _items(ctx, _list(ctx, arg, "intersection", line, min_len=2), line)
    return shapely.make_valid(shapely.intersection_all(geoms))


@op("ref")
def _op_ref(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    fid = str(arg)
    if fid not in ctx.features:
        raise ctx.error(
            f"ref to a feature that does not exist: {fid!r}",
            line,
            suggest(fid, ctx.features) if ctx.features else "define it first",
        )
    return _feature_geometry(ctx, fid, line)
