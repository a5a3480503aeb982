"""List every occurrence of a country's name in the real-report passages, for the country
guideline of the set's README (every noun mention of a country is a place, ``c``, literal
or metonymic; demonym adjectives are not).

The names are those the geoparser's index holds for the gazetteer's country entries: the
gazetteer's country names and their alternates, and ``data/geoparse/exonyms.yaml``. Each
occurrence is printed with its gold markup (or ``UNMARKED``) and some context, for a check
by hand.

Run:  python benchmarks/geoparse_real/country_mentions.py [--unmarked]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from eval_geoparse import overlaps, parse  # noqa: E402


def country_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, country code) of each country name the index finds in ``text``."""
    from geozones.geoparse.scan._index import _index_for, _scan

    index = _index_for(None)
    kinds = index.gaz.kinds
    out = []
    for m in _scan(text, index):
        refs = [p for p in m.payloads if p.kind == "g" and kinds[p.ref] == "country"]
        if refs:
            out.append((m.start, m.end, index.place(refs[0]).country))
    # keep the longest of overlapping matches
    out.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, str]] = []
    for s in out:
        if not kept or s[0] >= kept[-1][1]:
            kept.append(s)
    return kept


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--unmarked", action="store_true", help="only those not marked c")
    args = ap.parse_args()
    n = 0
    for path in sorted(HERE.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        text, gold = parse(doc["text"])
        for s, e, cc in country_spans(text):
            span = {"start": s, "end": e}
            g = next((g for g in gold if overlaps(span, g)), None)
            mark = f"{g['type']}:{g['text']}" if g else "UNMARKED"
            if args.unmarked and g and g["type"] == "c":
                continue
            ctx = text[max(0, s - 40) : e + 40].replace("\n", " ")
            print(f"{path.stem[:3]} {cc} {text[s:e]!r:24} {mark:30} …{ctx}…")
            n += 1
    print(f"{n} occurrences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
