"""A small synthetic timeline for the events tests (polygons, a hole, a multipolygon,
a metric 6 km corridor, a line and a point; open and closed date ranges)."""

from __future__ import annotations

import numpy as np
import pandas as pd


def _wavy(cx: float, cy: float, r: float, n: int = 300, seed: int = 0):
    from shapely.geometry import Polygon

    rng = np.random.default_rng(seed)
    t = np.linspace(0, 2 * np.pi, n, endpoint=False)
    rr = r * (1 + 0.15 * np.sin(5 * t) + 0.03 * rng.standard_normal(n))
    return Polygon(np.column_stack([cx + rr * np.cos(t), cy + rr * np.sin(t) * 0.8]))


def metric_corridor(line, half_width_m: float):
    """``line`` (lon/lat) buffered by ``half_width_m`` metres on each side, flat ends."""
    import shapely
    from pyproj import Transformer

    c = line.centroid
    crs = f"+proj=aeqd +lat_0={c.y} +lon_0={c.x} +datum=WGS84 +units=m +type=crs"
    fwd = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    inv = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    proj = shapely.transform(
        shapely.segmentize(line, 0.01),
        lambda xy: np.column_stack(fwd.transform(xy[:, 0], xy[:, 1])),
    )
    buf = shapely.segmentize(proj.buffer(half_width_m, cap_style="flat"), 500)
    return shapely.transform(buf, lambda xy: np.column_stack(inv.transform(xy[:, 0], xy[:, 1])))


ROAD = [(35.9, 35.65), (36.3, 35.8), (36.8, 35.87)]


def synthetic_timeline():
    import geopandas as gpd
    from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box

    from geozones.timeline import Timeline

    zone = _wavy(36.5, 35.8, 0.6, seed=1)
    hole = Polygon(zone.exterior.coords, [list(box(36.4, 35.7, 36.6, 35.9).exterior.coords)])
    road = LineString(ROAD)
    rows = [
        ("zone", "Zone", "zone", "ag1", "2017-05-06", None, zone),
        ("holed", "Holed", "demilitarized-zone", "ag2", "2018-09-17", "2019-08-04", hole),
        (
            "corridor",
            "Corridor",
            "security-corridor",
            "ag3",
            "2020-03-06",
            None,
            metric_corridor(road, 6000),
        ),
        ("patrol", "Patrol", "patrol-route", "ag3", "2020-03-15", "2020-08-25", road),
        ("post", "Post", "observation-post", "ag1", "2018-02-15", "2020-10-20", Point(36.6, 35.7)),
        (
            "multi",
            "Multi",
            "operation-area",
            "ag0",
            "2016-08-24",
            "2017-03-29",
            MultiPolygon([box(37.0, 36.0, 37.2, 36.2), box(37.3, 36.0, 37.5, 36.3)]),
        ),
        (
            "tri",
            "Triangle",
            "control-area",
            "ag0",
            "2019-01-01",
            "2019-01-01",
            Polygon([(36.0, 35.0), (36.4, 35.0), (36.2, 35.4)]),
        ),
    ]
    features = gpd.GeoDataFrame(
        {
            "id": [r[0] for r in rows],
            "name": [r[1] for r in rows],
            "kind": [r[2] for r in rows],
            "agreement": [r[3] for r in rows],
            "agreement_name": [r[3].upper() for r in rows],
            "start_date": pd.to_datetime([r[4] for r in rows]).astype("datetime64[ns]"),
            "end_date": pd.to_datetime([r[5] for r in rows]).astype("datetime64[ns]"),
            "confidence": "approximate",
            "notes": "",
            "sources": [[] for _ in rows],
        },
        geometry=[r[6] for r in rows],
        crs="EPSG:4326",
    )
    agreements = [
        {"id": a, "name": a.upper(), "signed": s}
        for a, s in [
            ("ag0", "2016-08-24"),
            ("ag1", "2017-05-04"),
            ("ag2", "2018-09-17"),
            ("ag3", "2020-03-05"),
        ]
    ]
    return Timeline(features, name="Synthetic", id="synthetic", agreements=agreements)


def reference_join(events: pd.DataFrame, timeline, radii: dict[int, float]) -> set:
    """(event label, feature id, match) triples by plain geopandas: sjoin + date filter.

    Inside = ``sjoin(predicate="intersects")`` in EPSG:4326; an uncertain event
    (radius r > 0) also matches a feature within r metres (``sjoin`` ``dwithin``
    in the local metric CRS), and is certain when its disc (a 256-gon) is
    ``within`` the feature. Returns also the set of pairs whose certainty is
    too close to call (|distance to the boundary − r| < 0.05 %).
    """
    import geopandas as gpd
    import shapely

    from geozones.events import _Plan

    f = timeline.features.reset_index(drop=True)[["id", "start_date", "end_date", "geometry"]]
    pts = gpd.GeoDataFrame(
        events[["event_date", "geo_precision"]].copy(),
        geometry=gpd.points_from_xy(events.longitude, events.latitude),
        crs="EPSG:4326",
    )
    worst = max(radii.values())
    pts["r"] = pts["geo_precision"].map(radii).fillna(worst).astype(float)
    inside = gpd.sjoin(pts, f, predicate="intersects")
    pairs = {(i, fid) for i, fid in zip(inside.index, inside["id"], strict=True)}
    crs = _Plan(timeline.features).crs
    fp = f.set_geometry(f.geometry.segmentize(0.01)).to_crs(crs)
    ptsp = pts.to_crs(crs)
    for rv in sorted(set(pts["r"]) - {0.0}):
        sub = ptsp.loc[ptsp["r"] == rv]
        near = gpd.sjoin(sub, fp, predicate="dwithin", distance=rv)
        pairs |= {(i, fid) for i, fid in zip(near.index, near["id"], strict=True)}
    inside_set = {(i, fid) for i, fid in zip(inside.index, inside["id"], strict=True)}
    cand = pd.DataFrame(sorted(pairs), columns=["ev", "fid"])
    cand = cand.merge(f[["id", "start_date", "end_date"]], left_on="fid", right_on="id")
    day = pd.to_datetime(events["event_date"]).dt.normalize()
    cand["day"] = day.loc[cand["ev"]].to_numpy()
    keep = (cand["day"] >= cand["start_date"]) & (
        cand["end_date"].isna() | (cand["day"] <= cand["end_date"])
    )
    cand = cand.loc[keep].reset_index(drop=True)
    r = pts["r"].loc[cand["ev"]].to_numpy()
    p = ptsp.geometry.loc[cand["ev"]].to_numpy()
    g = fp.set_index("id").geometry.loc[cand["fid"]].to_numpy()
    is_in = np.array(
        [(i, fid) in inside_set for i, fid in zip(cand["ev"], cand["fid"], strict=True)], dtype=bool
    )
    discs = shapely.buffer(p, np.where(r > 0, r, 1.0), quad_segs=64)
    certain = np.where(r == 0, True, is_in & shapely.within(discs, g))
    polygonal = np.isin(shapely.get_type_id(g), (3, 6))
    gap = np.abs(shapely.distance(p, shapely.boundary(np.where(polygonal, g, None))) - r)
    close = polygonal & (r > 0) & (gap < 5e-4 * r)
    out = {
        (int(i), str(fid), "certain" if c else "possible")
        for i, fid, c in zip(cand["ev"], cand["fid"], certain, strict=True)
    }
    unsure = {
        (int(i), str(fid)) for i, fid in zip(cand["ev"][close], cand["fid"][close], strict=True)
    }
    return out, unsure


def many_features_timeline(n: int = 300, seed: int = 7):
    """``n`` small features (wavy polygons, holed squares, lines, points) with random dates.

    Polygons are ~2-20 km across over north-west Syria, so a grid index puts
    each in several cells and many cells hold several features.
    """
    import geopandas as gpd
    from shapely.geometry import LineString, Point, Polygon, box

    from geozones.timeline import Timeline

    rng = np.random.default_rng(seed)
    geoms, starts, ends = [], [], []
    for i in range(n):
        cx, cy = rng.uniform(35.8, 37.5), rng.uniform(35.0, 36.6)
        r = rng.uniform(0.01, 0.1)
        kind = i % 5
        if kind in (0, 1):
            geoms.append(_wavy(cx, cy, r, n=int(rng.integers(20, 200)), seed=i))
        elif kind == 2:
            outer = box(cx - r, cy - r, cx + r, cy + r)
            geoms.append(
                Polygon(
                    outer.exterior.coords, [box(cx - r / 2, cy - r / 2, cx, cy).exterior.coords]
                )
            )
        elif kind == 3:
            geoms.append(LineString([(cx - r, cy), (cx, cy + r / 2), (cx + r, cy)]))
        else:
            geoms.append(Point(cx, cy))
        start = pd.Timestamp("2016-01-01") + pd.Timedelta(days=int(rng.integers(0, 1500)))
        starts.append(start)
        ends.append(
            None if rng.random() < 0.3 else start + pd.Timedelta(days=int(rng.integers(0, 700)))
        )
    features = gpd.GeoDataFrame(
        {
            "id": [f"f{i}" for i in range(n)],
            "name": [f"F{i}" for i in range(n)],
            "kind": "zone",
            "agreement": "ag",
            "agreement_name": "AG",
            "start_date": pd.to_datetime(starts).astype("datetime64[ns]"),
            "end_date": pd.to_datetime(ends).astype("datetime64[ns]"),
            "confidence": "approximate",
            "notes": "",
            "sources": [[] for _ in range(n)],
        },
        geometry=geoms,
        crs="EPSG:4326",
    )
    return Timeline(features, name="Many", id="many", agreements=[])


def events_near(timeline, n: int, seed: int = 0) -> pd.DataFrame:
    """``n`` events: a third on the features' vertices, the rest uniform around them."""
    import shapely

    rng = np.random.default_rng(seed)
    f = timeline.features
    minx, miny, maxx, maxy = f.total_bounds
    lon, lat = rng.uniform(minx - 0.2, maxx + 0.2, n), rng.uniform(miny - 0.2, maxy + 0.2, n)
    coords = shapely.get_coordinates(f.geometry.values)
    on = rng.random(n) < 0.33
    pick = coords[rng.integers(0, len(coords), int(on.sum()))]
    lon[on], lat[on] = pick[:, 0], pick[:, 1]
    start, end = f["start_date"].min(), f["end_date"].max()
    days = start + pd.to_timedelta(rng.integers(-30, (end - start).days + 30, n), "D")
    return pd.DataFrame(
        {
            "event_date": days.strftime("%Y-%m-%d"),
            "latitude": lat,
            "longitude": lon,
            "geo_precision": rng.choice([1, 2, 3], n, p=[0.6, 0.3, 0.1]),
        }
    )
