"""``file``: geometry from the user's own vector file, opened safely."""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely

from ..boundaries import read_file
from ..errors import InputError
from ._context import Geometry, _check_lonlat, _Context, _line, _need, _spec_relative
from ._evaluator import op


@op("file", {"path", "layer", "where"})
def _op_file(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    """Any local vector file (relative to the spec); see :func:`geozones.boundaries.read_file`."""
    if isinstance(arg, str):
        arg = {"path": arg}
    rel = str(_need(ctx, arg, "path", "file", line))
    where = _line(arg, "path") or line
    path = _spec_relative(ctx, rel)
    if not ctx.online and not path.exists() and not rel.startswith("/vsi"):
        raise ctx.error(
            f"file {rel!r} not found (looked in {path.parent})",
            where,
            "paths are relative to the spec file",
        )
    kwargs = {k: arg[k] for k in ("layer", "where") if arg.get(k) is not None}
    try:
        gdf = read_file(rel if rel.startswith("/vsi") else path, online=ctx.online, **kwargs)
    except InputError as exc:
        raise ctx.error(
            f"file: {exc}",
            where,
            "give a local GeoJSON, GeoPackage, Shapefile, FlatGeobuf, KML or CSV file, an "
            "existing layer, and as 'where' an SQL condition such as \"name = 'x'\"",
        ) from None
    if gdf.empty:
        raise ctx.error(
            f"{rel!r} has no features" + (" matching 'where'" if "where" in kwargs else ""),
            _line(arg) or line,
        )
    geoms = np.asarray(gdf.geometry.values)
    _check_lonlat(ctx, geoms, f"file {rel!r}", where)
    return shapely.make_valid(shapely.union_all(geoms))
