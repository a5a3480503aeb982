"""How fast geozones writes each export format, against GDAL's own writers.

Builds a synthetic timeline (polygons with holes, multipolygons, lines and
points, N features in all), then times ``geozones.export`` for every format
and, as the baseline measured in the same run, ``GeoDataFrame.to_file`` with
pyogrio (GDAL's GeoJSON and GeoPackage writers, which do none of the
rounding, winding, typing or atomic-write work). Prints seconds and ratios.

Run::

    python benchmarks/bench_exports.py            # 2,000 features
    python benchmarks/bench_exports.py 20000
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

import geozones
from geozones.kinds import KINDS
from geozones.timeline import Timeline


def synthetic_timeline(n: int, seed: int = 0) -> Timeline:
    """``n`` features around north-west Syria: 60 % areas, 25 % lines, 15 % points."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(35.8, 38.0, n)
    y = rng.uniform(35.0, 36.8, n)
    kinds = np.array(list(KINDS))[rng.integers(0, len(KINDS), n)]
    n_area, n_line = int(n * 0.6), int(n * 0.25)
    centres = shapely.points(x, y)
    areas = shapely.buffer(centres[:n_area], rng.uniform(0.01, 0.1, n_area), quad_segs=32)
    holes = shapely.buffer(centres[:n_area], 0.004, quad_segs=8)
    areas = shapely.difference(areas, holes)
    starts = np.column_stack([x[n_area : n_area + n_line], y[n_area : n_area + n_line]])
    steps = rng.normal(0, 0.01, (n_line, 50, 2)).cumsum(axis=1) + starts[:, None, :]
    lines = shapely.linestrings(steps)
    points = centres[n_area + n_line :]
    start = pd.Timestamp("2016-01-01") + pd.to_timedelta(rng.integers(0, 1500, n), unit="D")
    end = start + pd.to_timedelta(rng.integers(1, 900, n), unit="D")
    end = end.where(rng.random(n) > 0.3)
    features = gpd.GeoDataFrame(
        {
            "id": [f"f{i}" for i in range(n)],
            "name": [f"Feature {i} <& ‘منطقة’>" for i in range(n)],
            "kind": kinds,
            "agreement": "bench",
            "agreement_name": "Benchmark agreement",
            "start_date": start,
            "end_date": end,
            "confidence": "approximate",
            "notes": "",
            "sources": [[{"url": "https://example.org/x", "quote": "q", "title": "t"}]] * n,
        },
        geometry=np.concatenate([areas, lines, points]),
        crs="EPSG:4326",
    )
    return Timeline(features, name="benchmark", id="benchmark")


def _time(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(n: int = 2000) -> None:
    tl = synthetic_timeline(n)
    plain = tl.features.copy()
    plain["sources"] = plain["sources"].astype(str)
    vertices = int(shapely.get_num_coordinates(tl.features.geometry.array).sum())
    print(f"{n} features, {vertices} vertices")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        base_json = _time(lambda: plain.to_file(out / "b.geojson", engine="pyogrio"))
        base_gpkg = _time(lambda: plain.to_file(out / "b.gpkg", engine="pyogrio", layer="x"))
        print(f"baseline GDAL GeoJSON writer: {base_json:.3f} s")
        print(f"baseline GDAL GPKG writer:    {base_gpkg:.3f} s")
        for fmt, base in (
            ("geojson", base_json),
            ("gpkg", base_gpkg),
            ("kml", base_json),
            ("fgb", base_json),
        ):
            secs = _time(lambda f=fmt: geozones.export(tl, out / f"z.{f}"))
            size = (out / f"z.{fmt}").stat().st_size / 1e6
            what = "GPKG" if fmt == "gpkg" else "GeoJSON"
            print(
                f"geozones {fmt:8s} {secs:7.3f} s  {size:6.1f} MB  "
                f"x{secs / base:.2f} of the GDAL {what} baseline"
            )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
