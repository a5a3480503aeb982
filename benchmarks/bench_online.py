"""What the online geocoder's cache saves: a cache hit against a request, on 127.0.0.1.

Starts the tests' Nominatim stand-in on 127.0.0.1 (no internet), then times,
per call:

* a miss: a real HTTP request to the stand-in, with the rate limit set to 0
  so that only the work is measured (geopy, the request, the cache write);
* a hit: the same questions again, answered from the SQLite cache;
* the baseline measured in the same run: the offline gazetteer answering a
  name it knows (``geozones.geocode("Azaz")``), when it is installed.

A real service adds network time and, above all, the polite 1 s between
requests, which a hit never waits for.

Run::

    python benchmarks/bench_online.py          # 200 questions
    python benchmarks/bench_online.py 1000
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from _nominatim_server import PLACES, NominatimStandIn  # noqa: E402

from geozones import settings  # noqa: E402
from geozones.online import geocode_online  # noqa: E402


def _per_call(fn, n: int) -> float:
    t0 = time.perf_counter()
    for i in range(n):
        fn(i)
    return (time.perf_counter() - t0) / n


def main(n: int = 200) -> None:
    names = [p["names"][0] for p in PLACES]
    countries = ["SY", "LB", "RU", "LY", "TR", "IQ", "JO", "IL", "CY", "EG"]
    # distinct questions: every name with every country filter (most are "not found")
    questions = [
        (names[i % len(names)], countries[(i // len(names)) % len(countries)], i) for i in range(n)
    ]
    with tempfile.TemporaryDirectory() as tmp, NominatimStandIn() as server:
        settings.cache_dir = Path(tmp)
        settings.online_options = {"domain": server.domain, "scheme": "http", "proxies": {}}
        settings.online_user_agent = "geozones-benchmark/1.0 (bench@example.org)"
        settings.online_min_delay = 0.0

        def ask(i: int) -> None:
            name, country, k = questions[i]
            try:
                geocode_online(name, country=country, near=(30 + k % 10, 35 + k // 10 % 10))
            except Exception:  # not found is an answer too
                pass

        miss = _per_call(ask, n)
        requests = server.count
        hit = _per_call(ask, n)
        assert server.count == requests, "a cache hit reached the server"

    print(f"{n} distinct questions, {requests} requests to the stand-in on 127.0.0.1")
    print(f"miss (HTTP request + cache write): {miss * 1e3:8.2f} ms/call")
    print(
        f"hit  (SQLite cache):               {hit * 1e3:8.2f} ms/call  "
        f"({miss / hit:.1f}x faster than a local miss; "
        f"{(1.0 + miss) / hit:.0f}x faster than a miss at the polite 1 s delay)"
    )
    try:
        import geozones

        geozones.geocode("Azaz")  # load the gazetteer once
        offline = _per_call(lambda i: geozones.geocode("Azaz"), n)
        print(
            f"baseline: offline gazetteer, known name: {offline * 1e3:8.2f} ms/call  "
            f"(hit/offline = {hit / offline:.2f})"
        )
    except (ImportError, AttributeError):
        print("baseline: offline gazetteer not available")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
