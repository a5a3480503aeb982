"""Benchmark geozones.join_events against geopandas, DuckDB spatial and a shapely floor.

Run::

    python benchmarks/bench_join.py                       # 1,000,000 events; 40/400/4,000 features
    python benchmarks/bench_join.py --n 200000 --big 0    # quicker
    python benchmarks/bench_join.py --big 10000000        # also the 10M-event run

Timelines: synthetic, at 40, 400 and 4,000 features over north-west Syria
(``--sizes``): a tenth large zones (500-2,000 vertices), seven tenths small
cells like the control model's (30-200 vertices), a tenth routes and a tenth
posts; dates random, a third still in force.

Events: half uniform over the timeline's bounding box (+5 %), half scattered
around the features' vertices (σ ≈ 10 km, where events cluster), dates
uniform over the timeline's years ± 1, ACLED-like precision mix (70 % code 1,
20 % code 2, 10 % code 3).

Methods, each in a forked child process so that its peak memory (``ru_maxrss``
of the child minus its size at the fork) is its own; each fast method runs
``--repeat`` times and the best time is kept (the machine is shared, its load
average is printed with every table):

* ``gpd intersects``: ``points_from_xy`` → ``sjoin(predicate="intersects")``
  → merge the feature dates → date filter;
* ``gpd within``: the same with ``predicate="within"`` (points on a boundary
  then do not match: its pairs differ from the others by those);
* ``duckdb``: DuckDB's spatial extension (``ST_Intersects`` join + date
  filter; its own threads), loaded offline from the ``duckdb-extension-spatial``
  package; skipped with the reason printed when it is not installed;
* ``floor``: per feature, ``shapely.prepare`` + ``intersects_xy`` over all
  events + a date mask (the prepared-geometry floor);
* ``geozones exact``: ``join_events`` with every radius 0 — the same question
  as ``gpd intersects`` and ``floor``, whose (event, feature) pairs must be identical;
* ``geozones``: ``join_events`` with the default radii (the full job: certain
  and possible matches, 5 km / 25 km discs in metres).

``--big N`` then joins N events (default radii) on the 40-feature timeline
alone and prints its time and peak memory against the targets (< 6 s, < 2 GB).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.1f} (5 min {five:.1f}) on {os.cpu_count()} CPUs"


# --------------------------------------------------------------------------- data


def synthetic_timeline(k: int, seed: int = 11):
    """``k`` features over north-west Syria: zones, small cells, routes and posts."""
    import geopandas as gpd
    from shapely.geometry import LineString, Point, Polygon

    from geozones.timeline import Timeline

    rng = np.random.default_rng(seed)

    def wavy(cx, cy, r, n):
        t = np.linspace(0, 2 * np.pi, n, endpoint=False)
        rr = r * (1 + 0.12 * np.sin(7 * t) + 0.05 * np.sin(53 * t) + 0.01 * rng.standard_normal(n))
        return Polygon(np.column_stack([cx + rr * np.cos(t), cy + 0.8 * rr * np.sin(t)]))

    geoms, kinds = [], []
    for i in range(k):
        cx, cy = rng.uniform(35.8, 37.6), rng.uniform(35.0, 36.8)
        share = i % 10
        if share == 0:
            geoms.append(wavy(cx, cy, rng.uniform(0.15, 0.4), int(rng.integers(500, 2_000))))
            kinds.append("zone")
        elif share <= 7:
            geoms.append(wavy(cx, cy, rng.uniform(0.01, 0.05), int(rng.integers(30, 200))))
            kinds.append("control-area")
        elif share == 8:
            pts = np.column_stack(
                [cx + np.linspace(0, 0.6, 40), cy + 0.1 * rng.standard_normal(40)]
            )
            geoms.append(LineString(pts))
            kinds.append("patrol-route")
        else:
            geoms.append(Point(cx, cy))
            kinds.append("observation-post")
    start = pd.Timestamp("2016-01-01") + pd.to_timedelta(rng.integers(0, 1_500, k), "D")
    length = pd.to_timedelta(rng.integers(30, 1_200, k), "D")
    end = pd.Series(start + length).where(rng.random(k) > 0.33)
    f = gpd.GeoDataFrame(
        {
            "id": [f"f{i}" for i in range(k)],
            "name": [f"feature {i}" for i in range(k)],
            "kind": kinds,
            "agreement": "synthetic",
            "agreement_name": "Synthetic",
            "start_date": pd.DatetimeIndex(start).astype("datetime64[ns]"),
            "end_date": pd.to_datetime(end).astype("datetime64[ns]"),
            "confidence": "schematic",
            "notes": "",
            "sources": [[] for _ in range(k)],
        },
        geometry=geoms,
        crs="EPSG:4326",
    )
    return Timeline(f, name=f"Synthetic {k}", id=f"synthetic-{k}")


def make_events(n: int, tl, seed: int = 0) -> pd.DataFrame:
    """``n`` events, half uniform over the timeline's box, half near its vertices."""
    import shapely

    f = tl.features
    rng = np.random.default_rng(seed)
    minx, miny, maxx, maxy = f.total_bounds
    dx, dy = (maxx - minx) * 0.05, (maxy - miny) * 0.05
    lon = rng.uniform(minx - dx, maxx + dx, n)
    lat = rng.uniform(miny - dy, maxy + dy, n)
    anchors = shapely.get_coordinates(f.geometry.values)
    near = rng.random(n) < 0.5
    pick = anchors[rng.integers(0, len(anchors), int(near.sum()))]
    lon[near] = pick[:, 0] + rng.normal(0, 0.11, len(pick))
    lat[near] = pick[:, 1] + rng.normal(0, 0.09, len(pick))
    start = f["start_date"].min() - pd.Timedelta(days=365)
    end = f["end_date"].max() + pd.Timedelta(days=365)
    return pd.DataFrame(
        {
            "event_date": start + pd.to_timedelta(rng.integers(0, (end - start).days, n), "D"),
            "latitude": lat,
            "longitude": lon,
            "geo_precision": rng.choice(np.array([1, 2, 3], dtype=np.int8), n, p=[0.7, 0.2, 0.1]),
            "fatalities": rng.integers(0, 3, n, dtype=np.int16),
        }
    )


# --------------------------------------------------------------------------- methods


def _gpd(ev, tl, predicate):
    import geopandas as gpd

    f = tl.features[["id", "start_date", "end_date", "geometry"]]
    pts = gpd.GeoDataFrame(
        ev, geometry=gpd.points_from_xy(ev["longitude"], ev["latitude"]), crs="EPSG:4326"
    )
    j = gpd.sjoin(pts, f, predicate=predicate, how="inner")
    keep = (j["event_date"] >= j["start_date"]) & (
        j["end_date"].isna() | (j["event_date"] <= j["end_date"])
    )
    j = j.loc[keep]
    return j.index.to_numpy(), j["id"].to_numpy()


def m_gpd_intersects(ev, tl):
    return _gpd(ev, tl, "intersects")


def m_gpd_within(ev, tl):
    return _gpd(ev, tl, "within")


def duckdb_spatial():
    """(connect function, None) or (None, the reason DuckDB spatial cannot run offline)."""
    try:
        import duckdb
        import duckdb_extension_spatial as ext
    except ImportError as exc:
        return None, f"{exc.name} is not installed (pip install 'geozones[bench]')"
    found = sorted(Path(ext.__file__).parent.glob("extensions/*/spatial.duckdb_extension"))
    if not found:
        return None, "duckdb-extension-spatial ships no spatial.duckdb_extension file"

    def connect():
        con = duckdb.connect(
            config={"autoinstall_known_extensions": False, "autoload_known_extensions": False}
        )
        con.execute(f"LOAD '{found[-1]}'")  # a local file: no download
        return con

    try:
        connect().close()
    except Exception as exc:  # noqa: BLE001 - report whatever DuckDB says
        return None, f"the spatial extension does not load offline: {exc}"
    return connect, None


def m_duckdb(ev, tl):
    import shapely

    connect, _ = duckdb_spatial()
    con = connect()
    f = tl.features
    feats = pd.DataFrame(
        {
            "fid": f["id"].to_numpy(),
            "s": f["start_date"].to_numpy(),
            "e": f["end_date"].to_numpy(),
            "wkb": shapely.to_wkb(f.geometry.values),
        }
    )
    events = pd.DataFrame(
        {
            "i": np.arange(len(ev)),
            "x": ev["longitude"].to_numpy(),
            "y": ev["latitude"].to_numpy(),
            "d": ev["event_date"].to_numpy(),
        }
    )
    con.register("feats_raw", feats)
    con.register("events", events)
    con.execute("CREATE TABLE feats AS SELECT fid, s, e, ST_GeomFromWKB(wkb) AS g FROM feats_raw")
    out = con.execute(
        "SELECT ev.i, f.fid FROM (SELECT i, d, ST_Point(x, y) AS p FROM events) ev "
        "JOIN feats f ON ST_Intersects(f.g, ev.p) "
        "WHERE ev.d >= f.s AND (f.e IS NULL OR ev.d <= f.e)"
    ).fetchnumpy()
    return out["i"], out["fid"]


def m_floor(ev, tl):
    import shapely

    x, y = ev["longitude"].to_numpy(), ev["latitude"].to_numpy()
    day = ev["event_date"].to_numpy()
    geoms = shapely.from_wkb(shapely.to_wkb(tl.features.geometry.values))
    shapely.prepare(geoms)
    evs, ids = [], []
    for g, fid, s, e in zip(
        geoms, tl.features["id"], tl.features["start_date"], tl.features["end_date"], strict=True
    ):
        m = shapely.intersects_xy(g, x, y) & (day >= s.to_datetime64())
        if not pd.isna(e):
            m &= day <= e.to_datetime64()
        idx = np.flatnonzero(m)
        evs.append(idx)
        ids.append(np.full(idx.size, fid, dtype=object))
    return np.concatenate(evs), np.concatenate(ids)


def m_geozones_exact(ev, tl):
    from geozones.events import join_events

    out = join_events(ev, tl, radii={2: 0, 3: 0})
    return out["event_index"].to_numpy(), out["feature_id"].astype(object).to_numpy()


def m_geozones(ev, tl):
    from geozones.events import join_events

    out = join_events(ev, tl)
    return (
        out["event_index"].to_numpy(),
        out["feature_id"].astype(object).to_numpy(),
        (out["match"] == "certain").to_numpy(),
    )


METHODS = {
    "gpd intersects": m_gpd_intersects,
    "gpd within": m_gpd_within,
    "duckdb": m_duckdb,
    "floor": m_floor,
    "geozones exact": m_geozones_exact,
    "geozones": m_geozones,
}
SLOW = ("gpd intersects", "gpd within", "duckdb")  # run once


# --------------------------------------------------------------------------- running


def _child(name, ev, tl, conn, keep_pairs):
    before = _maxrss_mb()
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    res = METHODS[name](ev, tl)
    secs, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    out = {"secs": secs, "cpu": cpu, "peak_mb": _maxrss_mb() - before, "n": len(res[0])}
    if keep_pairs:
        a = np.asarray(res[0], dtype=np.int64)
        b = pd.factorize(np.asarray(res[1], dtype=object))
        keys = pd.Index(b[1]).astype(str).to_numpy()[b[0]]
        out["pairs"] = np.sort(np.char.add(a.astype(str), np.char.add("|", keys.astype(str))))
    if len(res) > 2:
        out["certain"] = int(np.asarray(res[2]).sum())
    conn.send(out)
    conn.close()


def run_forked(name, ev, tl, keep_pairs=True):
    ctx = mp.get_context("fork")
    a, b = ctx.Pipe(duplex=False)
    p = ctx.Process(target=_child, args=(name, ev, tl, b, keep_pairs))
    p.start()
    out = a.recv()
    p.join()
    return out


def bench_size(k: int, n: int, repeat: int, skip: list[str]) -> dict:
    tl = synthetic_timeline(k)
    ev = make_events(n, tl)
    import shapely

    nv = int(shapely.get_num_coordinates(tl.features.geometry.values).sum())
    print(f"\n{k:,} features ({nv:,} vertices), {n:,} events; {_load()}")
    _, why = duckdb_spatial()
    results = {}
    for name in METHODS:
        if name in skip:
            continue
        if name == "duckdb" and why:
            print(f"  {'duckdb':<15} skipped: {why}")
            continue
        runs = [run_forked(name, ev, tl) for _ in range(1 if name in SLOW else repeat)]
        results[name] = r = min(runs, key=lambda x: x["secs"])
        extra = f", {r['certain']:,} certain" if "certain" in r else ""
        print(
            f"  {name:<15} {r['secs']:8.2f} s (cpu {r['cpu']:6.2f} s) "
            f"{n / r['secs'] / 1e6:6.2f} M events/s  peak +{r['peak_mb']:6.0f} MB  "
            f"{r['n']:,} matches{extra}"
        )
    _compare(results)
    return results


def _compare(results: dict) -> None:
    mine = results.get("geozones exact")
    if not mine:
        return
    for other in ("gpd intersects", "duckdb", "floor"):
        if other in results:
            same = np.array_equal(results[other]["pairs"], mine["pairs"])
            print(f"  identical (event, feature) pairs, geozones exact vs {other}: {same}")
    if "gpd within" in results:
        extra = len(mine["pairs"]) - len(results["gpd within"]["pairs"])
        print(f"  gpd within finds {extra:,} fewer pairs (points on a boundary are not within)")
    gpd_best = min(
        (results[m]["secs"], m) for m in ("gpd intersects", "gpd within") if m in results
    ) if any(m in results for m in ("gpd intersects", "gpd within")) else None  # fmt: skip
    parts = []
    if gpd_best:
        parts.append(
            f"{gpd_best[0] / mine['secs']:.1f}× faster than the fastest geopandas "
            f"({gpd_best[1]}; target ≥ 3×)"
        )
    if "duckdb" in results:
        parts.append(f"{results['duckdb']['secs'] / mine['secs']:.1f}× DuckDB")
    if "floor" in results:
        parts.append(f"{results['floor']['secs'] / mine['secs']:.2f}× the floor (target > 1)")
    if "geozones" in results and gpd_best:
        parts.append(f"with discs {gpd_best[0] / results['geozones']['secs']:.1f}× geopandas")
    print("  geozones exact, wall time: " + "; ".join(parts))
    cpu = [
        f"{results[m]['cpu'] / mine['cpu']:.1f}× {m}"
        for m in ("gpd intersects", "gpd within", "duckdb", "floor")
        if m in results
    ]
    if "geozones" in results:
        cpu.append(f"with discs {results['geozones']['cpu'] / mine['cpu']:.1f}× the exact time")
    print("  geozones exact, CPU time (what a loaded machine distorts least): " + "; ".join(cpu))


def _big_child(n, conn):
    tl = synthetic_timeline(40)
    ev = make_events(n, tl, seed=5)
    before = _maxrss_mb()
    rss0 = _rss_mb()
    from geozones.events import join_events

    t0, cpu0 = time.perf_counter(), time.process_time()
    out = join_events(ev, tl)
    secs, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    conn.send(
        {
            "secs": secs,
            "cpu": cpu,
            "rows": len(out),
            "peak_mb": _maxrss_mb(),
            "join_mb": _maxrss_mb() - max(before, rss0),
            "events_mb": rss0,
        }
    )
    conn.close()


def bench_big(n: int) -> None:
    from geozones.events import default_workers

    ctx = mp.get_context("spawn")  # a fresh interpreter: its peak memory is this run's alone
    a, b = ctx.Pipe(duplex=False)
    p = ctx.Process(target=_big_child, args=(n, b))
    print(f"\n{n:,} events on the 40-feature timeline, default radii; {_load()}")
    p.start()
    r = a.recv()
    p.join()
    print(
        f"  geozones {r['secs']:.2f} s (target < 6 s; CPU {r['cpu']:.2f} s on "
        f"{default_workers()} threads), {r['rows']:,} rows; peak RSS of the "
        f"process {r['peak_mb']:,.0f} MB (target < 2,048 MB), of which the events frame and "
        f"interpreter {r['events_mb']:,.0f} MB before the join"
    )


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="events per timeline size")
    ap.add_argument("--sizes", type=int, nargs="*", default=[40, 400, 4_000])
    ap.add_argument("--big", type=int, default=10_000_000, help="events of the big run (0: skip)")
    ap.add_argument("--skip", nargs="*", default=[], help="methods to skip")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each fast method (best kept)")
    args = ap.parse_args(argv)
    from geozones import settings
    from geozones.events import default_workers

    print(
        f"bench_join: geozones with {default_workers(settings.join_workers)} worker threads; "
        f"{_load()}"
    )
    for k in args.sizes:
        bench_size(k, args.n, args.repeat, args.skip)
    if args.big:
        bench_big(args.big)


if __name__ == "__main__":
    main()
