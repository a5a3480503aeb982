"""Speed of geozones.extract on a 3,000-character article, after the index is loaded.

Prints the load time (building the Aho–Corasick automaton over every gazetteer name
variant, once per process), then the median and 90th percentile time of one extraction
of a 3,000-character article, next to baselines measured in the same run on the same text:

* ``fold``: folding the text with offsets (the least any matcher must do);
* ``gazetteer lookup per capital (warm)``: the naive geoparser, one gazetteer lookup per
  capitalised word (no context, no dates);
* ``dateparser.search_dates``: the library's own date finder (dates only).

Target: under 100 ms per 3,000-character article after load.

Run:  python benchmarks/bench_extract.py [--runs 30]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_geoparse import parse  # noqa: E402

HERE = Path(__file__).resolve().parent / "geoparse_eval"


def article(n: int = 3000) -> str:
    """About ``n`` characters of news text from the evaluation set, cut at a sentence end."""
    parts = []
    for path in sorted(HERE.glob("*.yaml")):
        parts.append(parse(yaml.safe_load(path.read_text(encoding="utf-8"))["text"])[0])
    text = "\n".join(parts)
    cut = text.rfind(". ", 0, n)
    return text[: cut + 1]


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args(argv)

    import geozones
    from geozones import _text
    from geozones.gazetteer import Gazetteer

    text = article()
    t = time.perf_counter()
    gz = Gazetteer.default()
    gaz_load = time.perf_counter() - t
    t = time.perf_counter()
    geozones.extract("warm-up: Saraqib, 5 March 2020", gazetteer=gz)
    load = time.perf_counter() - t

    caps = re.findall(r"\b[A-Z][\w'’-]+", text)

    def naive() -> None:
        for w in caps:
            gz.candidates(w, top=3, fuzzy=False)

    def search_dates() -> None:
        from dateparser.search import search_dates as sd

        sd(text, languages=["en"])

    ext = timed(lambda: geozones.extract(text, gazetteer=gz), args.runs)
    base = {
        "fold with offsets": timed(lambda: _text.fold_with_offsets(text), args.runs),
        "gazetteer lookup per capital (warm)": timed(naive, max(3, args.runs // 5)),
        "dateparser.search_dates": timed(search_dates, 3),
    }
    med = statistics.median(ext)
    p90 = sorted(ext)[int(0.9 * (len(ext) - 1))]
    ex = geozones.extract(text, gazetteer=gz)
    print(f"article: {len(text)} characters, {len(caps)} capitalised words")
    print(f"gazetteer load {gaz_load:.2f} s; geoparser index build {load:.2f} s (once per process)")
    print(f"extract: median {1000 * med:.1f} ms, p90 {1000 * p90:.1f} ms over {args.runs} runs "
          f"({len(ex.places)} places, {len(ex.roads)} roads, {len(ex.dates)} dates)")  # fmt: skip
    print(f"target < 100 ms: {'met' if p90 < 0.1 else 'NOT met'}")
    for name, ts in base.items():
        m = statistics.median(ts)
        print(f"  baseline {name:32} median {1000 * m:8.1f} ms   extract/baseline = {med / m:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
