"""Benchmark of the offline gazetteer: cold load, exact lookups/s, fuzzy lookups/s.

Run: ``python benchmarks/bench_gazetteer.py [--n 20000]``. Every figure is printed
with a baseline measured in the same run and the machine's load (the 1-minute
average of /proc/loadavg) when it was taken: on a shared machine the wall-clock
rates drop with the load, the per-CPU-second ones much less.

- cold load: a fresh interpreter runs ``import geozones; geozones.geocode("Azaz")``
  (median of 5 runs), minus the same interpreter doing ``import geozones`` only;
- first typo lookup: what the first typo builds (the set-up of the typo index and
  its blocks for names of that length, rapidfuzz, the foreign alternate names);
  then the rest of that one-time work (the other blocks, numpy and the region's
  distances for a far guess), timed apart so that it is not spread over the rates;
- exact: distinct names taken from the index (every one a known spelling), first
  pass (no name folded before) and second pass (the fold's cache warm); baseline:
  a dict from folded name to entry, each query folded afresh (fold's cache cleared);
- fuzzy: the same names with one letter changed (deterministic), so no exact
  key matches, no memo; baseline: brute-force rapidfuzz ``fuzz.ratio`` over every
  folded name (``process.extractOne``) on a sample of the same typos: its speed and
  how often it names the right place, next to geozones' on the same sample;
- other typos: a letter dropped, doubled, two swapped, the next key on the keyboard,
  an Arabic letter with other dots, each on the same sample of names;
- held out: GeoNames spellings looked up in an index of the OCHA names only;
- world: a country's index built from GeoNames on first use, then loaded from
  its cache file (``--world LY,YE,...``).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
import warnings


def _cold(code: str, runs: int = 5) -> tuple[float, float]:
    """Median wall-clock and CPU seconds (user + system, of the child) of a fresh interpreter."""
    import resource

    times, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times), statistics.median(cpus)


def _rates(fn, items) -> tuple[float, float]:
    """Calls per second of ``fn`` over ``items``: by the wall clock and per CPU second."""
    t, c = time.perf_counter(), time.process_time()
    for x in items:
        fn(x)
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    return len(items) / wall, len(items) / max(cpu, 1e-9)


def _typo(name: str, rng: random.Random) -> str:
    letters = [i for i, c in enumerate(name) if c.isalpha()]
    if len(letters) < 5:
        return name + "x"
    i = rng.choice(letters[1:-1])
    return name[:i] + ("x" if name[i] != "x" else "q") + name[i + 1 :]


_KEYBOARD = dict(zip("qwertyuiopasdfghjklzxcvbnm", "wertyuiopqsdfghjklaxcvbnmz", strict=True))
# Arabic letters that differ by their dots only
_DOTS = dict(zip("بتثجحخدذرزسشصضطظعغفقني", "تثبحخجذدزرشسضصظطغعقفبب", strict=True))


def _kind_typo(name: str, kind: str, rng: random.Random) -> str | None:
    """``name`` with one typo of ``kind`` (None when the name has no place for it)."""
    idx = [i for i, c in enumerate(name) if c.isalpha()]
    if len(idx) < 5:
        return None
    i = rng.choice(idx[1:-1])
    c = name[i]
    if kind == "letter dropped":
        return name[:i] + name[i + 1 :]
    if kind == "letter doubled":
        return name[:i] + c + name[i:]
    if kind == "letters swapped":
        nxt = name[i + 1 : i + 2]
        return name[:i] + nxt + c + name[i + 2 :] if nxt.isalpha() and nxt != c else None
    table = _KEYBOARD if kind == "next key on the keyboard" else _DOTS
    return name[:i] + table[c.lower()] + name[i + 1 :] if c.lower() in table else None


def _typo_kinds(gz, names: list[str], n: int) -> None:
    """How often typos of other kinds than the generated 'x' resolve to the place meant."""
    from geozones._text import name_key

    rng = random.Random(11)
    sample = rng.sample(names, min(n, len(names)))
    kinds = ("letter dropped", "letter doubled", "letters swapped", "next key on the keyboard")
    for kind in (*kinds, "Arabic letter with other dots"):
        asked = right = 0
        for o in sample:
            q = _kind_typo(o, kind, rng)
            if not q or gz._vids_key(name_key(q)):
                continue
            asked += 1
            got = gz.candidates(q, top=1)
            meant = {gz._v_entry[v] for v in gz._vids_key(name_key(o))}
            right += bool(got) and got[0].extra["index"] in meant
        print(f"  {kind:30} {right / max(asked, 1):6.1%} of {asked:,} resolved right")


def _held_out(gz) -> None:
    """How well the folding rules generalize: GeoNames spellings vs OCHA names only.

    Index only the OCHA names of each Syrian community (what the source itself
    spells), then look up the Latin GeoNames alternates merged into it (press,
    French, German, Turkish, BGN transliterations the rules were not fitted on one
    by one). Exact key, phonetic skeleton, then a fuzzy fallback over the OCHA keys.
    """
    from rapidfuzz import fuzz, process

    from geozones._text import name_key, phonetic_key

    own: dict[int, set[str]] = {}
    alts: list[tuple[str, int]] = []
    for t, e, how in zip(gz._v_text, gz._v_entry, gz._v_how, strict=True):
        if gz._source[e] != "ocha-cod" or gz._kind[e] != "populated place":
            continue
        if how == "p":
            own.setdefault(e, set()).add(t)
        elif how == "a" and all(c.isascii() or "\u00c0" <= c <= "\u1eff" for c in t):
            alts.append((t, e))  # a Latin-script GeoNames alternate
    keys: dict[str, set[int]] = {}
    pkeys: dict[str, set[int]] = {}
    for e, names in own.items():
        for t in names:
            keys.setdefault(name_key(t), set()).add(e)
            pkeys.setdefault(phonetic_key(t), set()).add(e)
    pool = list(keys)
    n = exact = phon = fz = 0
    for t, e in alts:
        k = name_key(t)
        if k in keys and e in keys[k]:
            n += 1
            exact += 1
            continue
        n += 1
        if e in pkeys.get(phonetic_key(t), ()):
            phon += 1
            continue
        best = process.extractOne(k, pool, scorer=fuzz.ratio, score_cutoff=75)
        if best and e in keys[best[0]]:
            fz += 1
    print(
        f"held-out GeoNames spellings of {len(own):,} OCHA communities: {n:,} names; "
        f"exact {exact / n:.0%}, + phonetic {(exact + phon) / n:.0%}, "
        f"+ fuzzy {(exact + phon + fz) / n:.0%} resolve to their community"
    )


def _world(countries: list[str]) -> None:
    """A country's index: built on first use (target < 2 s), loaded from the cache (< 0.2 s)."""
    import tempfile

    from geozones import settings
    from geozones.gazetteer import Gazetteer

    settings.cache_dir = tempfile.mkdtemp(prefix="geozones-bench-")
    for cc in countries:
        gz = Gazetteer()
        t = time.perf_counter()
        gz.load_country(cc)  # first use: read cities500, fold the names, cache
        built = time.perf_counter() - t
        gz = Gazetteer()
        t = time.perf_counter()
        gz.load_country(cc)  # from the cache file
        cached = time.perf_counter() - t
        n = sum(1 for c in gz._country if c == cc)
        print(
            f"country {cc}: {n:6,} places; first use {built * 1000:6.0f} ms (target < 2,000), "
            f"cached {cached * 1000:5.0f} ms (target < 200)"
        )


def _load() -> str:
    """The machine's load (1-minute average from /proc/loadavg) as a short note."""
    try:
        with open("/proc/loadavg") as fh:
            one = float(fh.read().split()[0])
    except OSError:
        one = os.getloadavg()[0]
    return f"load {one:4.2f}"


def _cold_figures() -> None:
    base, base_cpu = _cold("import geozones")
    full, full_cpu = _cold("import geozones; geozones.geocode('Azaz')")
    print(
        f"cold start: python + import geozones (baseline) {base * 1000:5.0f} ms  "
        f"cpu {base_cpu * 1000:5.0f} ms   {_load()}"
    )
    print(
        f"cold start: + load gazetteer + 1 lookup         {full * 1000:5.0f} ms  "
        f"cpu {full_cpu * 1000:5.0f} ms   {_load()}"
    )
    print(
        f"cold load of the gazetteer (difference)          {(full - base) * 1000:5.0f} ms  "
        f"cpu {(full_cpu - base_cpu) * 1000:5.0f} ms   (target < 300 ms)"
    )


def _exact_figures(gz, names: list[str]) -> float:
    """Exact lookups/s of names not seen before, again, and the dict-of-folded-names floor."""
    from geozones._text import fold

    gz.geocode("Tripoli")  # one-time work (the region's box, the list of default ranks)
    cold_rate, cold_cpu = _rates(gz.geocode, names)
    load = _load()
    warm_rate, warm_cpu = _rates(gz.geocode, names)
    # baseline: a dict from folded name to entry, each query folded (the floor of a look-up)
    folded: dict[str, int] = {}
    for t_, e in zip(gz._v_text, gz._v_entry, strict=False):
        folded.setdefault(fold(t_), e)
    fold.cache_clear()  # the queries were folded by geocode: fold them afresh here too
    dict_rate, dict_cpu = _rates(lambda q: folded.get(fold(q)), names)
    print("lookups/s: wall clock, and per CPU second (what the process got of a shared core)")
    print(
        f"exact lookups/s, names not seen before    {cold_rate:9,.0f}  cpu {cold_cpu:9,.0f}"
        f"   (target ≥ 100,000)  {load}"
    )
    print(f"exact lookups/s, the same names again     {warm_rate:9,.0f}  cpu {warm_cpu:9,.0f}")
    print(
        f"baseline: dict of folded names            {dict_rate:9,.0f}  cpu {dict_cpu:9,.0f}"
        f"   (first pass at 1/{dict_cpu / cold_cpu:.1f} of it per CPU second)  {_load()}"
    )
    return cold_rate


def _fuzzy_figures(gz, names: list[str], fuzzy_n: int, baseline_n: int, rng) -> tuple:
    """Fuzzy lookups/s and how many one-letter typos resolve right, with the brute force."""
    from rapidfuzz import fuzz, process

    from geozones._text import fold, name_key

    originals = rng.sample(names, min(fuzzy_n, len(names)))
    pairs = [(o, _typo(o, rng)) for o in originals]
    pairs = [(o, q) for o, q in pairs if not gz._vids_key(name_key(q))]
    typos = [q for _, q in pairs]
    gz._memo.clear()
    got: list = []
    fuzzy_rate, fuzzy_cpu = _rates(lambda q: got.append(gz.candidates(q, top=1)), typos)
    load = _load()

    def meant(o: str) -> set[int]:
        return {gz._v_entry[v] for v in gz._vids_key(name_key(o))}

    right = [
        bool(g) and g[0].extra["index"] in meant(o) for (o, _), g in zip(pairs, got, strict=True)
    ]
    print(
        f"fuzzy lookups/s (typo'd names, no memo)   {fuzzy_rate:9,.0f}  cpu {fuzzy_cpu:9,.0f}"
        f"   (target ≥ 5,000)  {load}"
    )
    print(
        f"  one letter changed: {sum(map(bool, got)) / len(typos):.0%} answered, "
        f"{sum(right) / len(typos):.1%} of {len(typos):,} resolved to the place the correct "
        "spelling names (target ≥ 95%)"
    )
    # baseline: brute-force rapidfuzz ratio over every folded name, on a sample of the typos
    by_fold: dict[str, set[int]] = {}
    for t_, e in zip(gz._v_text, gz._v_entry, strict=False):
        by_fold.setdefault(fold(t_), set()).add(e)
    pool = sorted(by_fold)
    n_base = min(baseline_n, len(pairs))
    t = time.perf_counter()
    best = [process.extractOne(fold(q), pool, scorer=fuzz.ratio) for _, q in pairs[:n_base]]
    naive_rate = n_base / (time.perf_counter() - t)
    base_right = [
        bool(b) and bool(by_fold[b[0]] & meant(o)) for (o, _), b in zip(pairs, best, strict=False)
    ]
    ours = sum(right[:n_base]) / n_base
    print(
        f"baseline: brute-force fuzz.ratio over {len(pool):,} folded names {naive_rate:7,.0f} /s"
        f"  {_load()}"
    )
    print(
        f"  on the same {n_base} typos: brute force {sum(base_right) / n_base:.1%} right, "
        f"geozones {ours:.1%} right"
    )
    print(f"ratio fuzzy / baseline                      {fuzzy_rate / naive_rate:9.1f} x")
    return naive_rate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=20000, help="exact queries (default 20000)")
    ap.add_argument("--fuzzy-n", type=int, default=3000, help="fuzzy queries (default 3000)")
    ap.add_argument(
        "--baseline-n", type=int, default=500, help="typos also scanned by brute force (500)"
    )
    ap.add_argument(
        "--world",
        default="LY,YE,AZ,AM,TR",
        help="countries whose on-demand index is timed (default LY,YE,AZ,AM,TR; '' for none)",
    )
    args = ap.parse_args(argv)
    from geozones.gazetteer import FarGuessWarning

    warnings.simplefilter("ignore", FarGuessWarning)  # far guesses are scored down, counted below
    print(f"machine at the start: {_load()} on {os.cpu_count()} cores")
    _cold_figures()

    from geozones.gazetteer import Gazetteer

    t = time.perf_counter()
    gz = Gazetteer()
    print(f"Gazetteer() in a warm interpreter          {(time.perf_counter() - t) * 1000:7.0f} ms")
    # the one-time work of the first inexact look-ups, timed apart from the rates below:
    # the typo index, rapidfuzz, the foreign alternate names, the region's distances (numpy)
    t = time.perf_counter()
    gz.candidates("Jarablsx", top=1)
    print(
        f"first typo lookup (what it needs built)    {(time.perf_counter() - t) * 1000:7.0f} ms"
        f"   {_load()}"
    )
    t = time.perf_counter()
    ix = gz._fuzzy_ix()[0]
    if hasattr(ix, "build"):  # the rest of the typo index (code before 2026-11-29: built whole)
        ix.build()
    gz.candidates("Sochx", top=3)  # a far guess: numpy and the distances from the region
    print(f"rest of the one-time work of typos        {(time.perf_counter() - t) * 1000:7.0f} ms")

    rng = random.Random(7)
    syrian = [
        t
        for t, e in zip(gz._v_text, gz._v_entry, strict=False)
        if gz._country[e] == "SY" and not any(c.isdigit() for c in t)  # names, not P-codes
    ]
    names = rng.sample(sorted(set(syrian)), min(args.n, len(set(syrian))))
    cold_rate = _exact_figures(gz, names)
    naive_rate = _fuzzy_figures(gz, names, args.fuzzy_n, args.baseline_n, rng)
    print(f"ratio exact first pass / baseline           {cold_rate / naive_rate:9.1f} x")
    print("other one-letter typos of the same names:")
    _typo_kinds(gz, names, args.fuzzy_n)
    _held_out(gz)
    if args.world:
        _world([c.strip().upper() for c in args.world.split(",") if c.strip()])
    print(f"machine at the end: {_load()} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
