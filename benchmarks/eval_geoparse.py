"""Precision and recall of geozones.extract on the evaluation set in benchmarks/geoparse_eval/.

Each YAML file holds a short ceasefire news text with inline gold annotations (see the
README there). The script strips the markup, runs the extractor on the plain text and
prints, per text and in total, precision and recall for

Texts marked ``set: heldout`` were written after the extractor had been tuned on the
others, to show how it does on text it has not seen; their figures are printed apart.

* places (populated places, regions, countries): a found mention counts when it overlaps
  a gold mention of the same type and resolves to the right country and to within
  25 km (points) or 150 km (regions) of the gold position;
* roads: overlap and the same road id;
* dates: overlap and the same ISO value;

and the number of persons/organisations/news outlets taken for places (must be 0).

Run:  python benchmarks/eval_geoparse.py [--verbose]
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import re
import sys
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent / "geoparse_eval"
MARK = re.compile(r"\[\[(?P<surface>[^|\]]+)\|(?P<type>[a-z]+)(?:\|(?P<rest>[^\]]*))?\]\]")
TOLERANCE_KM = {"p": 25.0, "r": 150.0}


def parse(marked: str) -> tuple[str, list[dict]]:
    """Plain text and gold annotations (with offsets into the plain text)."""
    out, gold, pos, last = [], [], 0, 0
    for m in MARK.finditer(marked):
        out.append(marked[last : m.start()])
        pos += m.start() - last
        surface = m.group("surface")
        fields = (m.group("rest") or "").split("|")
        g = {"text": surface, "start": pos, "end": pos + len(surface), "type": m.group("type")}
        if g["type"] in ("p", "r"):
            g["country"] = fields[0]
            g["lat"], g["lon"] = (float(x) for x in fields[1].split(","))
        elif g["type"] == "c":
            g["country"] = fields[0]
        elif g["type"] in ("road", "d", "x"):
            g["value"] = fields[0]
        gold.append(g)
        out.append(surface)
        pos += len(surface)
        last = m.end()
    out.append(marked[last:])
    return "".join(out), gold


def km(a: float, b: float, c: float, d: float) -> float:
    p1, p2 = math.radians(a), math.radians(c)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(d - b) / 2) ** 2
    )
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def overlaps(a: dict | object, g: dict) -> bool:
    s, e = (a["start"], a["end"]) if isinstance(a, dict) else (a.start, a.end)
    return s < g["end"] and g["start"] < e


def place_ok(m, g: dict) -> bool:
    p = m.place
    if p.country != g["country"]:
        return False
    if g["type"] == "c":
        return m.kind == "country"
    if g["type"] == "p" and m.kind != "place":
        return False
    if g["type"] == "r" and m.kind not in ("region", "zone"):
        return False
    return km(p.lat, p.lon, g["lat"], g["lon"]) <= TOLERANCE_KM[g["type"]]


def score(found: list, gold: list[dict], ok) -> tuple[int, int, int, list[str]]:
    tp, notes, used = 0, [], set()
    for f in found:
        hit = next(
            (i for i, g in enumerate(gold) if i not in used and overlaps(f, g) and ok(f, g)), None
        )
        if hit is None:
            notes.append(f"  FP {f.text!r} → {describe(f)}")
        else:
            used.add(hit)
            tp += 1
    for i, g in enumerate(gold):
        if i not in used:
            notes.append(f"  FN {g['text']!r} ({g['type']} {g.get('country', g.get('value', ''))})")
    return tp, len(found), len(gold), notes


def describe(f) -> str:
    if hasattr(f, "place"):
        p = f.place
        return f"{f.kind}: {p.name} [{p.kind}, {p.country}] {p.lat:.2f},{p.lon:.2f}"
    if hasattr(f, "iso"):
        return f"date {f.iso}"
    if hasattr(f, "road"):
        return f"road {f.ref}"
    return str(f)


def pr(tp: int, nf: int, ng: int) -> tuple[float, float]:
    return (tp / nf if nf else 1.0), (tp / ng if ng else 1.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args = ap.parse_args(argv)

    import geozones

    t0 = time.perf_counter()
    geozones.extract("warm-up: Saraqib, 5 March 2020")
    load = time.perf_counter() - t0
    totals = {k: [0, 0, 0] for k in ("places", "roads", "dates")}
    by_set: dict[str, dict[str, list[int]]] = {}
    confused = 0
    spent = 0.0
    files = sorted(HERE.glob("*.yaml"))
    print(f"{'text':32} {'places P/R':>12} {'roads P/R':>11} {'dates P/R':>11}")
    for path in files:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        text, gold = parse(doc["text"])
        ref = doc.get("reference_date")
        if isinstance(ref, str):
            ref = dt.date.fromisoformat(ref)
        t = time.perf_counter()
        ex = geozones.extract(text, reference_date=ref)
        spent += time.perf_counter() - t
        gp = [g for g in gold if g["type"] in ("p", "r", "c")]
        gr = [g for g in gold if g["type"] == "road"]
        gd = [g for g in gold if g["type"] == "d"]
        gx = [g for g in gold if g["type"] == "x"]
        res = {
            "places": score(ex.places, gp, place_ok),
            "roads": score(ex.roads, gr, lambda f, g: f.ref == g["value"]),
            "dates": score(ex.dates, gd, lambda f, g: f.iso == g["value"]),
        }
        bad = [m for m in ex.places if any(overlaps(m, g) for g in gx)]
        confused += len(bad)
        cells = []
        part = by_set.setdefault(doc.get("set", "dev"), {k: [0, 0, 0] for k in totals})
        for k, (tp, nf, ng, _) in res.items():
            for acc in (totals[k], part[k]):
                acc[0] += tp
                acc[1] += nf
                acc[2] += ng
            p, r = pr(tp, nf, ng)
            cells.append(f"{p:.2f}/{r:.2f}")
        print(f"{path.stem:32} {cells[0]:>12} {cells[1]:>11} {cells[2]:>11}")
        if args.verbose:
            for _, _, _, notes in res.values():
                for n in notes:
                    print(n)
            for m in bad:
                print(f"  NON-PLACE TAKEN FOR A PLACE: {m.text!r}")
    print("-" * 70)
    for name, part in by_set.items():
        cells = [f"{k} P {pr(*v)[0]:.2f} R {pr(*v)[1]:.2f}" for k, v in part.items()]
        print(f"{name + ' texts:':15} " + "   ".join(cells))
    print("all texts:")
    for k, (tp, nf, ng) in totals.items():
        p, r = pr(tp, nf, ng)
        print(
            f"{k:7} precision {p:.3f}  recall {r:.3f}   ({tp} right of {nf} found, {ng} expected)"
        )
    print(f"persons/organisations/agencies taken for places: {confused}")
    print(
        f"{len(files)} texts; index load {load:.2f} s; "
        f"extraction {1000 * spent / len(files):.1f} ms per text"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
