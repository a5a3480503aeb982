"""Benchmark of the spec compiler on the bundled north-west Syria timeline.

Run: ``python benchmarks/bench_timeline.py [--runs 5]``. Prints, as medians:

- cold: a fresh interpreter with an empty cache folder runs
  ``geozones.load_timeline()`` (spec read, gazetteer and boundaries loaded, the
  control table resolved into its holder table over the 5,244 cells, every feature
  compiled, those that follow control once per change day, the result cached), timed
  inside the interpreter after ``import geozones, geopandas`` (the import cost any
  geopandas script pays); the budget is 3 s;
- control: the same fresh interpreter, the control table alone (its places resolved,
  its holder table built) and then the control and contact-line frames;
- warm: a second compile in the same process (``use_cache=False``: data loaded);
- cached: a fresh interpreter loading the compiled result from the on-disk cache
  (timed the same way);
- baseline (same run): the same interpreter doing by hand, with plain geopandas,
  ONE of its features: the Sochi band (read the subdistricts, dissolve the Idlib
  zone, project to UTM 37N, buffer the outline by 17.5 km, intersect, back to
  EPSG:4326) — the floor of any GIS script that builds the DMZ at all.

Each figure is given as wall time and CPU time (``time.process_time``): the machine is
shared, so wall time grows with the load while CPU time does not; the verdict is on wall
time, and says when only the load put it over.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

IMPORTS = "import time, geozones, geopandas"
TIMED = (
    "t, c = time.perf_counter(), time.process_time()\n{body}\n"
    "print(time.perf_counter() - t, time.process_time() - c)"
)
COMPILE = "geozones.load_timeline()"
CONTROL = "tl = geozones.load_timeline(use_cache=False); tl.control; tl.contact_lines"
BASELINE = """
from geozones import boundaries
a3 = boundaries.load("admin3")
zone = a3[a3["admin1_pcode"] == "SY07"].dissolve()
utm = zone.to_crs(32637)
band = utm.intersection(utm.boundary.buffer(17_500))
band.to_crs(4326)
"""


def _run(body: str, cache: str) -> tuple[float, float]:
    """Wall and CPU seconds ``body`` takes in a fresh interpreter (after the imports)."""
    code = IMPORTS + "\n" + TIMED.format(body=body)
    env = {**os.environ, "GEOZONES_CACHE_DIR": cache}
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, env=env, capture_output=True, text=True
    ).stdout
    wall, cpu = out.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def _median(body: str, runs: int, cache: str | None = None) -> tuple[float, float]:
    """Median wall and CPU seconds over ``runs`` fresh interpreters."""
    times = [_run(body, cache or tempfile.mkdtemp(prefix="gz-bench-")) for _ in range(runs)]
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)


def main() -> None:

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    cold = _median(COMPILE, args.runs)
    control = _median(CONTROL, args.runs)
    cache = tempfile.mkdtemp(prefix="gz-bench-cache-")
    _run(COMPILE, cache)
    cached = _median(COMPILE, args.runs, cache)
    baseline = _median(BASELINE, args.runs)

    import geozones

    geozones.load_timeline(use_cache=False)
    warm_times = []
    for _ in range(args.runs):
        t, c = time.perf_counter(), time.process_time()
        tl = geozones.load_timeline(use_cache=False)
        warm_times.append((time.perf_counter() - t, time.process_time() - c))
    warm = (
        statistics.median(w for w, _ in warm_times),
        statistics.median(c for _, c in warm_times),
    )

    print(
        f"bundled timeline: {len(tl.features)} features, {len(tl.agreements)} agreements, "
        f"{len(tl.slices())} slices; control: {len(tl.parties)} parties, "
        f"{len(tl.control)} areas, {len(tl.contact_lines)} contact lines"
    )
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("                               wall s   CPU s   (medians)")
    verdict = (
        "OK" if cold[0] < 3 else ("OVER (CPU under 3 s: machine load)" if cold[1] < 3 else "OVER")
    )
    print(f"cold compile (fresh process)  {cold[0]:6.2f}  {cold[1]:6.2f}   budget 3 s: {verdict}")
    print(f"cold compile + control frames {control[0]:6.2f}  {control[1]:6.2f}")
    print(f"warm compile (same process)   {warm[0]:6.2f}  {warm[1]:6.2f}")
    print(f"cached load (fresh process)   {cached[0]:6.2f}  {cached[1]:6.2f}")
    print(f"baseline: one DMZ band by hand {baseline[0]:6.2f}  {baseline[1]:6.2f}")
    print(
        f"ratios (CPU): cold/baseline {cold[1] / baseline[1]:5.1f}x, warm/baseline "
        f"{warm[1] / baseline[1]:5.1f}x, cold/cached {cold[1] / max(cached[1], 1e-3):5.1f}x"
    )


if __name__ == "__main__":
    main()
