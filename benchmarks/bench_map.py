"""Benchmark: render time and file size of geozones maps against a plain folium map.

The baseline, measured in the same run on the same features, is what one gets
with folium alone: ``folium.Map`` + one ``folium.GeoJson`` of the features +
a layer control, saved to HTML (no time slider, no basemap, no popups; Leaflet,
jQuery, Bootstrap … loaded from CDNs). The geozones map inlines Leaflet, embeds
a vector basemap and the time-sliced features, and still has to stay small.

In headless Chromium (network off, as the browser tests run it) it also measures
the bundled map against the targets of issue #15: the file under 2 MB, the first
features drawn within 1 s of navigation, and a step of the time axis (the state of
another day: features, control, caption) under 50 ms at the 95th percentile. The
step's baseline, in the same page and run, is redrawing every feature from scratch
(one ``L.geoJSON`` of the whole collection added and removed).

Run::

    python benchmarks/bench_map.py            # bundled timeline + a synthetic one of 300 features
    python benchmarks/bench_map.py --repeat 7
    python benchmarks/bench_map.py --no-browser
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from pathlib import Path


def _synthetic(n: int):
    """``n`` buffered points and lines with staggered intervals around Idlib."""
    import geopandas as gpd
    import numpy as np
    import pandas as pd
    import shapely

    from geozones.timeline import Timeline

    rng = np.random.default_rng(4)
    lon = 36.0 + rng.random(n) * 1.5
    lat = 35.3 + rng.random(n) * 1.2
    utm = "EPSG:32637"
    pts = gpd.GeoSeries(shapely.points(lon, lat), crs=4326).to_crs(utm)
    radius = 1_000 + rng.random(n) * 9_000
    geoms = pts.buffer(radius, quad_segs=16).to_crs(4326).to_numpy()
    kinds = np.array(["zone", "demilitarized-zone", "security-corridor", "operation-area"])
    start = pd.Timestamp("2016-01-01") + pd.to_timedelta(rng.integers(0, 1500, n), unit="D")
    length = pd.to_timedelta(rng.integers(30, 900, n), unit="D")
    end = pd.Series(start + length).where(rng.random(n) < 0.7)
    frame = gpd.GeoDataFrame(
        {
            "id": [f"f{i}" for i in range(n)],
            "name": [f"Feature {i}" for i in range(n)],
            "kind": kinds[rng.integers(0, len(kinds), n)],
            "agreement": "bench",
            "agreement_name": "Benchmark agreement",
            "start_date": start,
            "end_date": end,
            "confidence": np.array(["surveyed", "approximate", "schematic"])[rng.integers(0, 3, n)],
            "notes": "",
            "sources": [[{"url": "https://example.org", "title": "src", "quote": ""}]] * n,
        },
        geometry=geoms,
        crs=4326,
    )
    return Timeline(frame, name=f"Synthetic ({n} features)", id="synthetic")


def _baseline(timeline, path: Path) -> None:
    """A plain folium map of the same features (what folium does out of the box)."""
    import folium

    frame = timeline.features.copy()
    for column in ("start_date", "end_date"):
        frame[column] = frame[column].dt.strftime("%Y-%m-%d")
    frame = frame.drop(columns=["sources"])
    b = frame.total_bounds
    fmap = folium.Map(tiles="OpenStreetMap")
    folium.GeoJson(frame, name="features").add_to(fmap)
    folium.LayerControl().add_to(fmap)
    fmap.fit_bounds([[b[1], b[0]], [b[3], b[2]]])
    fmap.save(str(path))


def _time(fn, repeat: int) -> tuple[float, float]:
    """(first call, median of the next ``repeat``) in seconds."""
    t0 = time.perf_counter()
    fn()
    first = time.perf_counter() - t0
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return first, statistics.median(runs)


def _external(text: str) -> int:
    return len(re.findall(r"<script[^>]+src=|<link[^>]+href=", text))


def bench(timeline, label: str, repeat: int, out: Path) -> None:
    from geozones.maps import render_map

    ours = out / f"{timeline.id}-geozones.html"
    base = out / f"{timeline.id}-folium.html"
    ours_first, ours_med = _time(lambda: render_map(timeline, ours), repeat)
    base_first, base_med = _time(lambda: _baseline(timeline, base), repeat)
    ours_text = ours.read_text(encoding="utf-8")
    base_text = base.read_text(encoding="utf-8")
    n = len(timeline.features)
    print(f"\n{label}: {n} features, {len(timeline.change_days())} change days on the axis")
    print(f"{'':32}{'geozones':>12}{'folium baseline':>18}{'ratio':>8}")
    print(
        f"{'render, first call (s)':32}{ours_first:12.3f}{base_first:18.3f}"
        f"{ours_first / base_first:8.2f}"
    )
    print(
        f"{f'render, median of {repeat} (s)':32}{ours_med:12.3f}{base_med:18.3f}"
        f"{ours_med / base_med:8.2f}"
    )
    print(
        f"{'file size (KB)':32}{len(ours_text.encode()) / 1024:12.0f}"
        f"{len(base_text.encode()) / 1024:18.0f}"
        f"{len(ours_text.encode()) / len(base_text.encode()):8.2f}"
    )
    print(f"{'external scripts/styles':32}{_external(ours_text):12d}{_external(base_text):18d}")
    print(f"{'works offline':32}{'yes':>12}{'no':>18}")


_STEPS_JS = """
var days = arguments[0], out = [], base = [];
var data = geozones.featureData;
for (var i = 0; i < days.length; i++) {
  var t0 = performance.now();
  geozones.setDay(days[i], true);
  document.body.offsetHeight;  // include the layout the step causes
  out.push(performance.now() - t0);
}
for (var j = 0; j < 20; j++) {
  var t1 = performance.now();
  var all = L.geoJSON(data).addTo(geozones.map);
  document.body.offsetHeight;
  geozones.map.removeLayer(all);
  base.push(performance.now() - t1);
}
return [out, base];
"""


def _p(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def bench_browser(timeline, out: Path, steps: int) -> None:
    """First features drawn and time-axis steps of the rendered map, in headless Chromium."""
    import random
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from _browser import browser_available, make_driver, open_map, quit_driver

    from geozones.maps import render_map

    if not browser_available():
        print("\nheadless Chromium not available: browser figures skipped")
        return
    path = render_map(timeline, out / f"{timeline.id}-browser.html")
    size = path.stat().st_size
    driver = make_driver()
    try:
        loads = []
        for _ in range(3):
            open_map(driver, path)
            loads.append(
                driver.execute_script("return geozones.firstDrawnMs || performance.now();")
            )
        rng = random.Random(7)
        first = timeline.change_days()[0].toordinal() - 60
        last = timeline.change_days()[-1].toordinal() + 60
        import datetime as dt

        days = [dt.date.fromordinal(rng.randint(first, last)).isoformat() for _ in range(steps)]
        step, base = driver.execute_script(_STEPS_JS, days)
    finally:
        quit_driver(driver)
    print(f"\n{timeline.name}: in headless Chromium (targets of issue #15)")
    print(f"{'file size (MB)':40}{size / 1e6:10.2f}   target < 2")
    print(f"{'first features drawn, median of 3 (ms)':40}{sorted(loads)[1]:10.0f}   target < 1000")
    p50, p95 = _p(step, 0.5), _p(step, 0.95)
    b95 = _p(base, 0.95)
    print(
        f"{f'time-axis step p50 / p95 of {steps} (ms)':40}{p50:10.1f} / {p95:.1f}   target p95 < 50"
    )
    print(f"{'baseline: redraw all features p95 (ms)':40}{b95:10.1f}   ratio {p95 / b95:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--synthetic", type=int, default=300, help="features of the synthetic run")
    parser.add_argument("--steps", type=int, default=200, help="time-axis steps in Chromium")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium figures")
    args = parser.parse_args()

    import geozones

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        try:
            t0 = time.perf_counter()
            bundled = geozones.load_timeline()
            print(f"bundled timeline loaded in {time.perf_counter() - t0:.2f} s")
            bench(bundled, "Bundled timeline", args.repeat, out)
            if not args.no_browser:
                bench_browser(bundled, out, args.steps)
        except geozones.GeozonesError as exc:
            print(f"bundled timeline unavailable: {exc}")
        bench(_synthetic(args.synthetic), "Synthetic timeline", args.repeat, out)


if __name__ == "__main__":
    main()
