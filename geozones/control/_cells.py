"""Cells: the land divided around communities, with the edges neighbouring cells share.

The bundled cells (``data/control/cells.parquet``, built by ``scripts/build_data.py``)
are the Voronoi cells of the 5,251 OCHA communities, computed per subdistrict, clipped
to Syria and noded into an exact coverage: two neighbouring cells share their edge vertex
for vertex, so a party's area is a fast ``coverage_union`` and the line between two
holders is a set of precomputed shared edges (``data/control/edges.parquet``), never an
international border or the coast (those are edges of one cell only).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely

from .._io import data_path
from ..errors import InputError
from ..projection import haversine_m


@dataclass(frozen=True, eq=False)
class Cells:
    """A coverage of polygons (lon/lat) and the lines that neighbouring ones share.

    Parameters
    ----------
    geometry : ndarray of shapely Polygon/MultiPolygon
        The cells, a valid coverage (no overlaps; shared edges noded alike).
    edge_a, edge_b : ndarray of int
        For each shared edge, the two cells (``a < b``).
    edge_geometry : ndarray of shapely LineString/MultiLineString
        The shared line of each pair.
    communities : ndarray of str
        ``;``-joined community codes per cell ("" for none).
    admin3 : ndarray of str
        The subdistrict code of each cell ("" when unknown).

    Examples
    --------
    >>> import shapely
    >>> c = Cells.from_polygons([shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1)])
    >>> len(c), c.edge_geometry[0].wkt
    (2, 'LINESTRING (1 0, 1 1)')
    """

    geometry: np.ndarray
    edge_a: np.ndarray
    edge_b: np.ndarray
    edge_geometry: np.ndarray
    communities: np.ndarray
    admin3: np.ndarray
    _index: dict[str, int] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.geometry)

    @classmethod
    def from_polygons(cls, polygons: Any, *, communities: Any = None, admin3: Any = None) -> Cells:
        """Cells from a coverage of polygons, computing the shared edges.

        Examples
        --------
        >>> import shapely
        >>> Cells.from_polygons([shapely.box(0, 0, 1, 1)]).edge_a.size
        0
        """
        geoms = np.asarray(list(polygons), dtype=object)
        a, b, lines = cell_edges(geoms)
        n = len(geoms)
        com = np.asarray(communities if communities is not None else [""] * n, dtype=object)
        adm = np.asarray(admin3 if admin3 is not None else [""] * n, dtype=object)
        return cls(geoms, a, b, lines, com, adm, _community_index(com))

    @functools.cached_property
    def _tree(self) -> Any:

        return shapely.STRtree(self.geometry)

    @functools.cached_property
    def centroid_lonlat(self) -> tuple[np.ndarray, np.ndarray]:
        """Longitudes and latitudes of the cells' centroids (arrays).

        Examples
        --------
        >>> import shapely
        >>> Cells.from_polygons([shapely.box(0, 0, 2, 2)]).centroid_lonlat[0].tolist()
        [1.0]
        """

        xy = shapely.get_coordinates(shapely.centroid(self.geometry))
        return xy[:, 0], xy[:, 1]

    @functools.cached_property
    def outer(self) -> np.ndarray:
        """Whether each cell has an edge no other cell shares (a border or the coast).

        Examples
        --------
        >>> import shapely
        >>> c = Cells.from_polygons([shapely.box(i % 3, i // 3, i % 3 + 1, i // 3 + 1)
        ...                          for i in range(9)])
        >>> c.outer.tolist()
        [True, True, True, True, False, True, True, True, True]
        """

        n = len(self.geometry)
        lengths = shapely.length(self.edge_geometry)
        shared = np.bincount(self.edge_a, lengths, n) + np.bincount(self.edge_b, lengths, n)
        perimeter = shapely.length(shapely.boundary(self.geometry))
        return perimeter - shared > 1e-6 * np.maximum(perimeter, 1e-9)

    def components(self, labels: np.ndarray) -> np.ndarray:
        """Connected groups of neighbouring cells with equal ``labels``.

        Returns, per cell, the lowest cell index of its group (min-label propagation
        with pointer jumping on the shared edges: numpy only).

        Examples
        --------
        >>> import numpy as np, shapely
        >>> c = Cells.from_polygons([shapely.box(i, 0, i + 1, 1) for i in range(4)])
        >>> c.components(np.array([1, 1, 2, 1])).tolist()
        [0, 0, 2, 3]
        """
        a, b = self.edge_a, self.edge_b
        same = labels[a] == labels[b]
        a, b = a[same], b[same]
        lab = np.arange(len(labels))
        while True:
            low = np.minimum(lab[a], lab[b])
            new = lab.copy()
            np.minimum.at(new, a, low)
            np.minimum.at(new, b, low)
            new = new[new]
            new = new[new]
            if np.array_equal(new, lab):
                return lab
            lab = new

    @functools.cached_property
    def adjacency(self) -> tuple[np.ndarray, np.ndarray]:
        """Neighbours of each cell in CSR form: ``indices[indptr[i]:indptr[i + 1]]``.

        Examples
        --------
        >>> import shapely
        >>> c = Cells.from_polygons([shapely.box(i, 0, i + 1, 1) for i in range(3)])
        >>> sorted(c.neighbours(np.array([1])).tolist())
        [0, 2]
        """
        a = np.r_[self.edge_a, self.edge_b].astype(np.int64)
        b = np.r_[self.edge_b, self.edge_a].astype(np.int64)
        order = np.argsort(a, kind="stable")
        counts = np.bincount(a, minlength=len(self.geometry))
        return np.r_[0, np.cumsum(counts)], b[order]

    def neighbours(self, cells: np.ndarray) -> np.ndarray:
        """All neighbours of some cells (with repeats), vectorized.

        Examples
        --------
        >>> import shapely
        >>> c = Cells.from_polygons([shapely.box(i, 0, i + 1, 1) for i in range(3)])
        >>> sorted(c.neighbours(np.array([0, 2])).tolist())
        [1, 1]
        """
        indptr, indices = self.adjacency
        start, stop = indptr[cells], indptr[cells + 1]
        lengths = stop - start
        if not lengths.sum():
            return np.zeros(0, dtype=np.int64)
        offsets = np.repeat(start - np.r_[0, np.cumsum(lengths)[:-1]], lengths)
        return indices[np.arange(lengths.sum()) + offsets]

    def locate(self, lons: Any, lats: Any) -> np.ndarray:
        """The cell holding each point (``-1`` outside every cell), vectorized.

        A point on an edge goes to the lower-numbered cell.

        Examples
        --------
        >>> import shapely
        >>> c = Cells.from_polygons([shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1)])
        >>> c.locate([0.5, 1.5, 5.0], [0.5, 0.5, 5.0]).tolist()
        [0, 1, -1]
        """

        pts = shapely.points(np.asarray(lons, dtype=float), np.asarray(lats, dtype=float))
        out = np.full(len(pts), -1, dtype=np.int64)
        pi, ci = self._tree.query(pts, predicate="intersects")
        order = np.lexsort((-ci, pi))  # per point, the lowest cell last
        out[pi[order]] = ci[order]
        return out

    def of_community(self, code: str) -> int | None:
        """The cell of a community code (e.g. an OCHA P-code ``"C4268"``), or None.

        Examples
        --------
        >>> import shapely
        >>> Cells.from_polygons([shapely.box(0, 0, 1, 1)], communities=["C1"]).of_community("C1")
        0
        """
        return self._index.get(str(code).upper())

    def within_m(self, lon: float, lat: float, metres: float) -> np.ndarray:
        """Indices of the cells whose centroid lies within ``metres`` of a point.

        Examples
        --------
        >>> import shapely
        >>> c = Cells.from_polygons([shapely.box(0, 0, 0.01, 0.01), shapely.box(1, 0, 1.01, 0.01)])
        >>> c.within_m(0.0, 0.0, 5000).tolist()
        [0]
        """

        x, y = self.centroid_lonlat
        return np.flatnonzero(haversine_m(lat, lon, y, x) <= metres)

    def in_admin3(self, code: str) -> np.ndarray:
        """Indices of the cells of one subdistrict code.

        Examples
        --------
        >>> import shapely
        >>> c = Cells.from_polygons([shapely.box(0, 0, 1, 1)], admin3=["SY070500"])
        >>> c.in_admin3("SY070500")
        array([0])
        """
        return np.flatnonzero(self.admin3 == code)

    def covered_by(self, area: Any) -> np.ndarray:
        """Indices of the cells whose interior point lies in ``area`` (a lon/lat polygon).

        Examples
        --------
        >>> import shapely
        >>> c = Cells.from_polygons([shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1)])
        >>> c.covered_by(shapely.box(0, 0, 1.2, 1)).tolist()
        [0]
        """

        if area is None or shapely.is_empty(area):
            return np.zeros(0, dtype=np.int64)
        pts = self._points
        shapely.prepare(area)
        return np.flatnonzero(shapely.contains(area, pts))

    @functools.cached_property
    def tied(self) -> np.ndarray:
        """Cells in several pieces, and the cells a piece of them touches (a boolean mask).

        Moving one of these without the others can leave a piece of a cell as a pocket
        no cell adjacency shows, so area rules (``_offensive``) leave them alone.

        Examples
        --------
        >>> import shapely
        >>> Cells.from_polygons([shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1)]).tied.tolist()
        [False, False]
        """

        out = np.zeros(len(self), dtype=bool)
        multi = np.flatnonzero(shapely.get_num_geometries(self.geometry) > 1)
        out[multi] = True
        if len(multi):
            parts = shapely.get_parts(self.geometry[multi])
            _, hit = self._tree.query(parts, predicate="intersects")
            out[hit] = True
        return out

    @functools.cached_property
    def _points(self) -> np.ndarray:

        return shapely.point_on_surface(self.geometry)


def _community_index(communities: np.ndarray) -> dict[str, int]:
    index: dict[str, int] = {}
    for i, codes in enumerate(communities):
        for code in str(codes or "").split(";"):
            if code:
                index.setdefault(code.upper(), i)
    return index


def cell_edges(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every pair of cells of a coverage that share a line, and that line.

    Returns
    -------
    (a, b, lines)
        Cell indices (``a < b``, int32) and the shared (line-merged) geometry.

    Examples
    --------
    >>> import shapely, numpy as np
    >>> a, b, g = cell_edges(np.array([shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1)]))
    >>> a.tolist(), b.tolist(), g[0].wkt
    ([0], [1], 'LINESTRING (1 0, 1 1)')
    """

    a, b = shapely.STRtree(geoms).query(geoms, predicate="touches")
    pair = a < b
    a, b = a[pair], b[pair]
    shared = shapely.intersection(shapely.boundary(geoms[a]), shapely.boundary(geoms[b]))
    lines = np.empty(len(shared), dtype=object)
    for k, geom in enumerate(shared):
        parts = [p for p in shapely.get_parts(geom) if shapely.get_dimensions(p) == 1]
        if parts:
            lines[k] = shapely.line_merge(shapely.multilinestrings(parts))
    ok = np.array([x is not None for x in lines], dtype=bool)
    return a[ok].astype(np.int32), b[ok].astype(np.int32), lines[ok]


@functools.cache
def load_cells() -> Cells:
    """The bundled cells of Syria (one per OCHA community) and their shared edges.

    Read once per process from ``data/control/``.

    Raises
    ------
    InputError
        When the bundled files are missing (rebuild with ``scripts/build_data.py``).

    Examples
    --------
    >>> len(load_cells()) > 5000                              # doctest: +SKIP
    True
    """
    import pyarrow.parquet as pq  # only when the cells are first needed (start-up time)

    cells_path, edges_path = (
        data_path("control", "cells.parquet"),
        data_path("control", "edges.parquet"),
    )
    if not cells_path.exists() or not edges_path.exists():
        raise InputError(
            f"the bundled control cells are missing at {cells_path.parent}; "
            "rebuild the data with 'python scripts/build_data.py'"
        )
    # GeoParquet's WKB read straight into shapely: no GeoDataFrame, no CRS object to build
    cells = pq.read_table(cells_path)
    edges = pq.read_table(edges_path)
    com = np.asarray(cells.column("communities").to_pylist(), dtype=object)
    return Cells(
        shapely.from_wkb(cells.column("geometry").to_numpy()),
        edges.column("a").to_numpy(),
        edges.column("b").to_numpy(),
        shapely.from_wkb(edges.column("geometry").to_numpy()),
        com,
        np.asarray(cells.column("admin3_pcode").to_pylist(), dtype=object),
        _community_index(com),
    )
