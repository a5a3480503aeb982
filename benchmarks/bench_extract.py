"""Speed of geozones.extract on a 3,000-character article, after the index is loaded.

Prints the load time (building the Aho–Corasick automaton over every gazetteer name
variant, once per process), then the median and 90th percentile time of one extraction
of a 3,000-character article, next to baselines measured in the same run on the same text:

* ``fold``: folding the text with offsets (the least any matcher must do);
* ``gazetteer lookup per capital (warm)``: the naive geoparser, one gazetteer lookup per
  capitalised word (no context, no dates);
* ``dateparser.search_dates``: the library's own date finder (dates only);
* ``dates alone`` and ``name scan alone``: geozones' own date finder and its scan for
  gazetteer names (the automaton and the word rules around it), the two parts of
  ``extract`` that read every character, to see where the time goes.

Target: under 50 ms per 3,000-character article after load (an English article, then the
CPU time of a 3,000-character Arabic one made of the real reports in Arabic). On a shared
machine the wall-clock figures include time spent waiting for a core; the CPU time of the process
(``time.process_time``) is printed too.

``--scaling`` then times texts of 8, 16, 32 and 64 thousand characters made of repeated
place names on one line and of dates in one sentence (the inputs that were quadratic,
issue 12: 128 KB of names took 113 s) and prints the time ratio per doubling of the
input (2 = linear, 4 = quadratic), with ``fold with offsets`` on the same text as the
same-run linear baseline.

The figures recorded on the project's 2-core machine (``RECORDED``) are printed last, to
read the run's own against them (the machine is shared: a loaded one adds 10-30 %).

Run:  python benchmarks/bench_extract.py [--runs 30] [--scaling]
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
REAL = Path(__file__).resolve().parent / "geoparse_real"


#: CPU time per 3,000-character article (``process_time``), as recorded on the project's
#: machine: each round that changed the speed, with the figure of the code before it.
RECORDED = (
    ("round 16 (the rules of rounds 14-16)", "English 35-40 ms, Arabic 42-47 ms on a quiet "
     "machine; 51-54 ms under load"),
    ("round 17 (the date finder's alternatives behind look-aheads on their first "
     "characters, folding without a loop, the name scan's word rules trimmed)",
     "English 33 -> 27 ms, Arabic 35 -> 30 ms (the best of six alternating runs of the code "
     "before and after, on a loaded machine); date finder 6.3 -> 2.7 ms English, name scan "
     "3.7 -> 2.7 ms; no result changed"),
    ("round 23 (speed only, after rounds 17-22 had taken it back to 39-51 ms English and 44-52 "
     "ms Arabic at load 0.8: comma lists and outlet names matched without backtracking, "
     "patterns of one script skipped on text of the other, distances to the text's centre "
     "and between its towns in one matrix per text, a mention's city cue and cue-less "
     "choice made once, word functions cached)",
     "at load 4-8 on the 2 cores, medians of three alternating runs: English 42-55 -> 35 "
     "ms, Arabic 50-67 -> 42-50 ms; the two trees side by side under the same load (best "
     "of 12 x 10 extractions): English 41.5 -> 31.9 ms, Arabic 49.1 -> 36.7 ms; no result "
     "changed (passages 1-531 and the written texts, byte-identical)"),
    ("round 24 (the geoparser moved into rooms, output byte-identical; then about thirty "
     "readings of lists, anchors, names and dates)",
     "on a quiet machine (load 0.7-1.0, this script, 30 runs): English 20.1-22.1 ms, Arabic "
     "23.2-25.7 ms CPU per article; a 120,000-character text of 300 Arabic passages 1.2 s, "
     "linear in its length"),
    ("round 25 (heldout23's readings: non-places, Arabic lists and sites, English dates and "
     "places; the Arabic filter trained on 1-663)",
     "on a quiet machine (load 0.4-0.8, this script, three runs): English 20.3-21.7 ms, "
     "Arabic 23.6-25.0 ms CPU per article: unchanged"),
)  # fmt: skip


def article(n: int = 3000, folder: Path = HERE, glob: str = "*.yaml") -> str:
    """About ``n`` characters of news text from an evaluation set, cut at a sentence end."""
    parts: list[str] = []
    for path in sorted(folder.glob(glob), key=_number):  # the first passages: a stable text
        if sum(len(p) + 1 for p in parts) > n:
            break  # enough text: later passages (a held-out batch among them) are not read
        parts.append(parse(yaml.safe_load(path.read_text(encoding="utf-8"))["text"])[0])
    text = "\n".join(parts)
    cut = text.rfind(".", 0, n)
    return text[: cut + 1]


def _number(path: Path) -> tuple[int, str]:
    """Sort key of a passage: its number ("7_x" before "10_x"), so that passages added
    later (numbered higher) never change the text timed."""
    head = path.name.split("_", 1)[0]
    return (int(head) if head.isdigit() else 0, path.name)


def arabic_cpu(gz, runs: int) -> None:
    """CPU time of one extraction of a 3,000-character Arabic text (the real reports in
    Arabic, one after another): Arabic has its own rules (titles, organisation words,
    the cues that make a one-word village a place)."""
    import geozones

    text = article(3000, REAL, "*_ar.yaml")
    geozones.extract(text, gazetteer=gz)
    c0 = time.process_time()
    for _ in range(runs):
        geozones.extract(text, gazetteer=gz)
    cpu = (time.process_time() - c0) / runs
    print(f"Arabic article: {len(text)} characters, extract CPU time {1000 * cpu:.1f} ms "
          f"per article (target < 50 ms: {'met' if cpu < 0.05 else 'NOT met'})")  # fmt: skip


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
    ap.add_argument("--scaling", action="store_true", help="also time growing hostile inputs")
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
        **_parts(text, gz, args.runs),
    }
    med = statistics.median(ext)
    p90 = sorted(ext)[int(0.9 * (len(ext) - 1))]
    ex = geozones.extract(text, gazetteer=gz)
    print(f"article: {len(text)} characters, {len(caps)} capitalised words")
    print(f"gazetteer load {gaz_load:.2f} s; geoparser index build {load:.2f} s (once per process)")
    print(f"extract: min {1000 * min(ext):.1f} ms, median {1000 * med:.1f} ms, "
          f"p90 {1000 * p90:.1f} ms over {args.runs} runs "
          f"({len(ex.places)} places, {len(ex.roads)} roads, {len(ex.dates)} dates)")  # fmt: skip
    c0 = time.process_time()
    for _ in range(args.runs):
        geozones.extract(text, gazetteer=gz)
    cpu = (time.process_time() - c0) / args.runs
    print(f"extract CPU time (process_time, unaffected by other jobs waiting for the cores): "
          f"{1000 * cpu:.1f} ms per article")  # fmt: skip
    print(
        f"target < 50 ms: median wall {'met' if med < 0.05 else 'NOT met'}, "
        f"CPU {'met' if cpu < 0.05 else 'NOT met'}"
    )
    for name, ts in base.items():
        m = statistics.median(ts)
        print(f"  baseline {name:32} median {1000 * m:8.1f} ms   extract/baseline = {med / m:6.2f}")
    arabic_cpu(gz, args.runs)
    print("recorded (CPU time per article, the project's machine):")
    for when, figures in RECORDED:
        print(f"  {when}: {figures}")
    if args.scaling:
        scaling(gz)
    return 0


def _parts(text: str, gz, runs: int) -> dict[str, list[float]]:
    """Times of the two parts of ``extract`` that read every character of the text."""
    from geozones.geoparse.dates._extract import extract_dates
    from geozones.geoparse.scan import _index

    index = _index._index_for(gz)
    return {
        "dates alone (extract_dates)": timed(lambda: extract_dates(text), runs),
        "name scan alone (_index._scan)": timed(lambda: _index._scan(text, index), runs),
    }


def scaling(gz) -> None:
    """Time per size for the inputs that were quadratic; ratio per doubling."""
    import datetime as dt

    import geozones
    from geozones import _text

    units = {
        "names on one line": "Fighting near Saraqib and Maarat al-Numan and Kafr Nabl, ",
        "dates in one sentence": "clashes on Friday, 5 March 2020, Monday and two days later, ",
    }
    ref = dt.date(2020, 3, 6)
    for label, unit in units.items():
        prev = prev_fold = None
        for size in (8_000, 16_000, 32_000, 64_000):
            text = (unit * (size // len(unit) + 1))[:size]
            t = min(timed(lambda t=text: geozones.extract(t, gazetteer=gz, reference_date=ref), 2))
            f = min(timed(lambda t=text: _text.fold_with_offsets(t), 3))
            ratio = f"×{t / prev:4.2f}" if prev else "     "
            fratio = f"×{f / prev_fold:4.2f}" if prev_fold else "     "
            print(f"  {label:22} {size:>6} chars: extract {1000 * t:8.1f} ms {ratio}   "
                  f"fold {1000 * f:6.2f} ms {fratio}")  # fmt: skip
            prev, prev_fold = t, f


if __name__ == "__main__":
    sys.exit(main())
