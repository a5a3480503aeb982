"""The exact grid's cell classes from rasterized outlines agree with real geometry tests."""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import GeometryCollection, LineString, Point, Polygon

from geozones.events._kernel import _DEEP, _EDGE, _OUT, _Grid
from geozones.events._plan import _Plan
from geozones.events._raster import classify

SQUARE_WITH_HOLE = Polygon(
    [(0, 0), (4, 0), (4, 4), (0, 4)], holes=[[(1.5, 1.5), (2.5, 1.5), (2.5, 2.5), (1.5, 2.5)]]
)
WAVY = Polygon(
    [
        (5 + 1.5 * np.cos(t) * (1 + 0.2 * np.sin(7 * t)), 2 + np.sin(t))
        for t in np.linspace(0, 6.2, 300)
    ]
)
GEOMS = [
    SQUARE_WITH_HOLE,  # long straight edges: split to half a cell before rasterizing
    WAVY,
    LineString([(0.3, 5), (7.7, 5.6)]),
    Point(3.3, 3.3),
    GeometryCollection([Point(6, 6), Polygon([(6, 6), (7, 6), (7, 7)])]),
]


def _plan() -> _Plan:
    import geopandas as gpd

    n = len(GEOMS)
    f = gpd.GeoDataFrame(
        {
            "id": [f"f{i}" for i in range(n)],
            "name": "x",
            "kind": "zone",
            "agreement": "a",
            "start_date": pd.to_datetime(["2020-01-01"] * n),
            "end_date": pd.to_datetime([None] * n),
        },
        geometry=GEOMS,
        crs="EPSG:4326",
    )
    return _Plan(f).for_thread()


def _points_in(grid: _Grid, cx: np.ndarray, cy: np.ndarray, per: int, rng) -> tuple:
    """``per`` random points in each cell, its corners and the middles of its sides."""
    u = np.concatenate([rng.random((len(cx), per)), np.tile([0, 0, 1, 0.5, 0.5], (len(cx), 1))], 1)
    v = np.concatenate([rng.random((len(cx), per)), np.tile([0, 1, 0, 0, 0.5], (len(cx), 1))], 1)
    x = grid.x0 + (cx[:, None] + u) * grid.side
    y = grid.y0 + (cy[:, None] + v) * grid.side
    inside = (np.floor((x - grid.x0) / grid.side) == cx[:, None]) & (
        np.floor((y - grid.y0) / grid.side) == cy[:, None]
    )
    return x, y, inside


def test_every_point_of_a_deep_cell_matches_and_no_point_of_an_out_cell_does():
    plan = _plan()
    rng = np.random.default_rng(3)
    for budget in (50, 400, 5_000):
        grid = _Grid(plan, 0.0, budget)
        n = len(GEOMS)
        feat = np.repeat(np.arange(n), grid.nx * grid.ny)
        cell = np.tile(np.arange(grid.nx * grid.ny), n)
        cx, cy = cell % grid.nx, cell // grid.nx
        state = classify(
            plan.geoms,
            plan.polygonal,
            feat,
            cx,
            cy,
            (grid.x0, grid.y0, grid.side, grid.nx, grid.ny),
        )
        assert set(np.unique(state)) <= {_OUT, _DEEP, _EDGE}
        assert (state == _DEEP).any() and (state == _OUT).any() and (state == _EDGE).any()
        x, y, inside = _points_in(grid, cx, cy, 20, rng)
        hit = shapely.intersects_xy(plan.geoms[feat][:, None], x, y)
        deep, out = state == _DEEP, state == _OUT
        assert (hit | ~inside)[deep].all()  # deep: every point of the cell is in the feature
        assert not (hit & inside)[out].any()  # out: none is
        assert (state[feat == 4] == _EDGE).all()  # a collection: the exact test everywhere
        assert not deep[feat >= 2].any()  # lines, points and collections are never deep


def test_boundary_points_of_the_grid_cells_give_the_sjoin_answer():
    from geozones.events._kernel import match

    plan = _plan()
    # points on the hole's edge, on the outer edge, on a vertex, on the line, and the post
    x = np.array([1.5, 2.0, 4.0, 0.0, 0.3, 3.3, 2.0, 3.0])
    y = np.array([2.0, 1.5, 2.0, 4.0, 5.0, 3.3, 2.0, 3.0])
    day = np.full(len(x), int(np.datetime64("2021-01-01", "D").astype(int)))
    grid = _Grid(plan, 0.0, 2_000)
    ev, ft, certain = match(plan, {0.0: grid}, x, y, day, np.zeros(len(x)))
    got = set(zip(ev.tolist(), ft.tolist(), strict=True))
    want = {
        (i, j)
        for i in range(len(x))
        for j in range(len(GEOMS))
        if shapely.intersects_xy(plan.geoms[j], x[i], y[i])
    }
    assert got == want
    assert (0, 0) in got and (6, 0) not in got and (5, 3) in got and (4, 2) in got


def test_grids_built_by_two_threads_equal_the_ones_built_by_one():
    from geozones.events._kernel import grids_for

    radii = np.array([0.0, 5_000.0, 25_000.0, 5_000.0])
    one = grids_for(_plan(), radii, workers=1)
    two = grids_for(_plan(), radii, workers=2)
    assert sorted(one) == sorted(two) == [0.0, 5_000.0, 25_000.0]
    for r in one:
        assert one[r].side == two[r].side
        assert np.array_equal(one[r].feat, two[r].feat)
        assert np.array_equal(one[r].state, two[r].state)
        assert np.array_equal(one[r].indptr, two[r].indptr)
    assert (two[5_000.0].state == 3).any()  # cells near a boundary: possible matches untested
