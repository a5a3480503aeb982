"""Every compiled geometry of the bundled timeline survives the rounding of the exports."""

import numpy as np
import shapely

import geozones


def _spike_vertices(geom) -> int:
    n = 0
    polys = getattr(geom, "geoms", [geom]) if geom.geom_type in ("Polygon", "MultiPolygon") else []
    for poly in polys:
        for ring in (poly.exterior, *poly.interiors):
            xy = np.asarray(ring.coords)[:-1]
            if len(xy) < 3:
                continue
            prev, nxt = np.roll(xy, 1, axis=0), np.roll(xy, -1, axis=0)
            n += int(np.sum(np.all(np.abs(prev - nxt) < 1e-12, axis=1)))  # out-and-back
    return n


def test_bundled_geometries_have_no_spikes_and_stay_valid_when_rounded():
    tl = geozones.load_timeline(use_cache=False)
    for _, row in tl.features.iterrows():
        g = row.geometry
        assert g.is_valid, row["id"]
        assert _spike_vertices(g) == 0, row["id"]
        rounded = shapely.transform(g, lambda c: np.round(c, 6))
        assert rounded.is_valid, (row["id"], shapely.is_valid_reason(rounded))
