"""Train the "is this really a place?" filter: write ``data/geoparse/place_model.json``.

The examples are the Arabic place mentions the extractor outputs on the examined (``set:
dev`` and the examined batches heldout20 … heldout23) benchmark passages 1-663
(``benchmarks/geoparse_real/``, listed by number: no passage from 664 on, the unseen
batch, is opened), with the candidates its Arabic word rules drop (the
extractor run again with those rules switched off), labelled by the gold marks: a place
when the span overlaps a gold place, region or country mark (whatever reading the
extractor chose), not one when it overlaps no mark or an ``x`` mark; spans on a gold road
count neither way. The features are ``geozones.geoparse.places._place_model.FEATURES``; word
frequencies come from wordfreq 3.1.1 (``pip install geozones[data]``), read here at build
time only: the model file keeps their Zipf values, bucketed, for the Arabic words at or
above ``ZIPF_FLOOR``.

The model is a logistic regression (L2, Newton iterations from zero, fixed count: the
output is byte-reproducible). The threshold is chosen on leave-one-batch-out figures over
the examined batches ex-heldout15 … ex-heldout23 (train on every other passage 1-663,
filter the held batch): the one that raises the held-out Arabic precision most while the
recall, pooled over those batches and on the older passages 1-303 held out alone, loses at
most ``MAX_RECALL_LOSS``. The shipped weights are fitted on all of 1-663 (1-483 until round 25:
the batches examined since add 180 passages).

Run (after any change to the extractor, e.g. after a rebase):
    pip install -e '.[data]' && python scripts/train_place_model.py [--report]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "benchmarks" / "geoparse_real"
OUT = ROOT / "data" / "geoparse" / "place_model.json"
LAST = 735  # the examined passages; 736 and up are unseen and never opened
BATCHES = (
    ("ex-heldout15", 304, 339),
    ("ex-heldout16", 340, 363),
    ("ex-heldout17", 364, 411),
    ("ex-heldout18", 412, 435),
    ("ex-heldout19", 436, 483),
    ("ex-heldout20", 484, 531),
    ("ex-heldout21", 532, 579),
    ("ex-heldout22", 580, 627),
    ("ex-heldout23", 628, 663),
    ("ex-heldout24", 664, 699),
    ("ex-heldout25", 700, 735),
)
#: The sets whose passages train the model: dev and the batches examined since (they keep
#: their labels so that their figures stay apart); the old ``heldout`` nine stay out.
EXAMINED_SETS = (
    "dev",
    "heldout20",
    "heldout21",
    "heldout22",
    "heldout23",
    "heldout24",
    "heldout25",
)
ZIPF_FLOOR = 3.5
L2 = 10.0
NEWTON_STEPS = 30
THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
MAX_RECALL_LOSS = 0.005


def _eval_module():
    path = ROOT / "benchmarks" / "eval_geoparse.py"
    spec = importlib.util.spec_from_file_location("eval_geoparse", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def passages() -> list[tuple[int, Path]]:
    """The examined passages 1-663, by number (names only are listed; none above is read)."""
    out = []
    for name in os.listdir(REAL):
        head = name.split("_", 1)[0]
        if name.endswith(".yaml") and head.isdigit() and 1 <= int(head) <= LAST:
            out.append((int(head), REAL / name))
    return sorted(out)


def batch_of(n: int) -> str:
    return next((b for b, lo, hi in BATCHES if lo <= n <= hi), "older")


def zipf_table() -> dict[str, str]:
    """wordfreq's Arabic words at or above ``ZIPF_FLOOR``, normalised, by Zipf bucket."""
    import wordfreq  # build-time only

    from geozones.geoparse.arabic._common import normalise

    best: dict[str, float] = {}
    for w in wordfreq.iter_wordlist("ar"):
        z = wordfreq.zipf_frequency(w, "ar")
        if z < ZIPF_FLOOR:
            break
        key = normalise(w)
        if key and " " not in key:
            best[key] = max(best.get(key, 0.0), z)
    buckets: dict[str, list[str]] = {}
    for w, z in best.items():
        buckets.setdefault(f"{int(z * 4) / 4:.2f}", []).append(w)
    return {k: " ".join(sorted(v)) for k, v in sorted(buckets.items())}


def _switch(rules_on: bool):
    """Run the extractor without the filter, and with its Arabic word rules on or off."""
    from geozones.geoparse import _extract as ex

    saved = getattr(_switch, "saved", None)
    if saved is None:
        names = ("drop_unlikely_places", "drop_uncued_arabic", "drop_grammar_words",
                 "drop_function_words", "drop_agreement_words", "arabic_entities",
                 "arabic_title_persons", "arabic_feminine_adjectives",
                 "arabic_qualified_nouns")  # fmt: skip
        saved = _switch.saved = {n: getattr(ex, n) for n in names}
    for n, f in saved.items():
        setattr(ex, n, f)
    ex.drop_unlikely_places = lambda text, places: places
    names = list(saved)
    if not rules_on:
        ex.drop_uncued_arabic = lambda text, items, *a, **k: items
        ex.drop_grammar_words = lambda text, items, *a, **k: items
        ex.drop_function_words = lambda text, items, *a, **k: items
        ex.drop_agreement_words = lambda text, found, *a, **k: found
        for n in names[5:]:  # the Arabic names the rules read as persons, adjectives, nouns
            setattr(ex, n, lambda text, *a, **k: [])


def collect(model: dict) -> list[dict]:
    """Per passage: its text, gold, the kept and the considered places, their rows."""
    import geozones
    from geozones.geoparse.places._place_model import feature_rows

    ev = _eval_module()
    docs = []
    for n, path in passages():
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if doc.get("set", "dev") not in EXAMINED_SETS:
            continue  # the few older held-out passages stay out of any tuning
        text, gold = ev.parse(doc["text"])
        docs.append({"n": n, "lang": doc.get("language", "en"), "text": text, "gold": gold,
                     "pub": ev.published(doc), "batch": batch_of(n)})  # fmt: skip
    for rules_on in (True, False):
        _switch(rules_on)
        for d in docs:
            places = geozones.extract(d["text"], published=d["pub"]).places
            idx, rows = feature_rows(d["text"], places, model)
            d["kept" if rules_on else "considered"] = (places, idx, rows)
    _switch(True)
    return docs


def examples(docs: list[dict], ev) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows and labels of every weighed mention, kept or considered, once per span."""
    xs, ys = [], []
    for d in docs:
        gp = [g for g in d["gold"] if g["type"] in ("p", "r", "pr", "c")]
        roads = [g for g in d["gold"] if g["type"] == "road"]
        seen = set()
        for key in ("kept", "considered"):
            places, idx, rows = d[key]
            for i, row in zip(idx, rows, strict=True):
                m = places[i]
                if (m.start, m.end) in seen or any(ev.overlaps(m, g) for g in roads):
                    continue
                seen.add((m.start, m.end))
                xs.append(row)
                ys.append(float(any(ev.overlaps(m, g) for g in gp)))
    from geozones.geoparse.places._place_model import FEATURES

    return np.array(xs, dtype=float).reshape(-1, len(FEATURES)), np.array(ys)


def fit(x: np.ndarray, y: np.ndarray) -> dict:
    """L2 logistic regression (the counts and measures standardised, the yes/no features
    as they are), Newton steps from zero."""
    binary = np.all((x == 0) | (x == 1), axis=0)  # yes/no features stay as they are:
    mean = np.where(binary, 0.0, x.mean(axis=0))  # a rare one would else weigh 1/sd
    scale = np.where(binary, 1.0, x.std(axis=0))
    scale[scale < 1e-9] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    reg = np.full(z.shape[1], L2)
    reg[-1] = 0.0
    for _ in range(NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        grad = z.T @ (p - y) + reg * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(reg) + 1e-9 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return {"w": w[:-1], "b": float(w[-1]), "mean": mean, "scale": scale}


def scored(d: dict, ev, p=None, cut: float = 0.0, key: str = "kept") -> tuple[int, int, int, int]:
    """tp, found, gold and non-places taken for places of one passage's kept (or
    considered) places, without those the filter drops at ``cut`` (``p``: the
    probabilities of its weighed mentions; None: no filter)."""
    from geozones.geoparse.places._place_model import dropped

    places, idx, rows = d[key]
    drop = set() if p is None else dropped(places, idx, rows, p, cut)
    found = [m for i, m in enumerate(places) if i not in drop]
    gp = [g for g in d["gold"] if g["type"] in ("p", "r", "pr", "c")]
    gx = [g for g in d["gold"] if g["type"] == "x"]
    roads = [g for g in d["gold"] if g["type"] == "road"]
    counted = [m for m in found if not any(ev.overlaps(m, g) for g in roads)]
    tp, nf, ng, _ = ev.score(counted, gp, ev.place_ok)
    return tp, nf, ng, sum(1 for m in found if any(ev.overlaps(m, g) for g in gx))


def lobo(docs: list[dict], ev, model: dict) -> dict:
    """Per held batch and threshold: per-passage figures before and after the filter."""
    from geozones.geoparse.places._place_model import probabilities

    out = {}
    for name in [b for b, _, _ in BATCHES] + ["older"]:
        train = [d for d in docs if d["batch"] != name]
        held = [d for d in docs if d["batch"] == name]
        fitted = fit(*examples(train, ev))
        m = dict(model, **fitted)
        res = {"langs": [d["lang"] for d in held]}
        for key, tag in (("kept", ""), ("considered", " rules off")):
            res["before" + tag] = [scored(d, ev, key=key) for d in held]
            probs = [probabilities(d[key][2], m) for d in held]
            res["after" + tag] = {
                t: [scored(d, ev, p, t, key) for d, p in zip(held, probs, strict=True)]
                for t in THRESHOLDS
            }
        out[name] = res
    return out


def _pr(rows: list[tuple[int, int, int, int]]) -> tuple[float, float, int]:
    tp, nf, ng, x = (sum(r[k] for r in rows) for k in range(4))
    return (tp / nf if nf else 1.0), (tp / ng if ng else 1.0), x


def pooled(table: dict, t: float | None, tag: str = "", lang: str = "ar", older=False) -> tuple:
    """P, R and non-places over the held batches' passages of ``lang`` (``t`` None: no
    filter): the examined batches, or (``older``) the passages 1-303 held out alone."""
    rows = [r for name, res in table.items() if (name == "older") == older for r, la in
            zip(res["before" + tag] if t is None else res["after" + tag][t], res["langs"],
                strict=True) if lang in ("all", la)]  # fmt: skip
    return _pr(rows)


def choose(table: dict) -> float:
    """The threshold with the best pooled held-out Arabic precision of the examined
    batches while the recall loses at most ``MAX_RECALL_LOSS``, pooled over them and on
    the older passages held out alone, on the extractor's output and on its output with
    the word rules off (a first run's stand-in: the words no rule knows yet)."""
    best, best_p = 0.0, 0.0
    for t in THRESHOLDS:
        ok = all(
            pooled(table, None, tag, older=o)[1] - pooled(table, t, tag, older=o)[1]
            <= MAX_RECALL_LOSS
            for tag in ("", " rules off")
            for o in (False, True)
        )
        p = pooled(table, t)[0] + pooled(table, t, " rules off")[0]
        if ok and p > best_p + 1e-12:
            best, best_p = t, p
    return best


def report(table: dict, t: float, tag: str = "") -> None:
    """The leave-one-batch-out table at threshold ``t``: per batch and language (``tag``
    " rules off": on the extractor's output with its Arabic word rules switched off)."""
    print(f"leave-one-batch-out{tag}, threshold {t}")
    for name, res in table.items():
        before = res["before" + tag]
        after = res["after" + tag].get(t, before)
        for lang in ("ar", "all"):
            pick = [i for i, la in enumerate(res["langs"]) if lang == "all" or la == lang]
            b = _pr([before[i] for i in pick])
            a = _pr([after[i] for i in pick])
            better = sum(1 for i in pick if _f1(after[i]) > _f1(before[i]))
            worse = sum(1 for i in pick if _f1(after[i]) < _f1(before[i]))
            print(f"  {name} {lang:3} n={len(pick):<3} P {b[0]:.3f} → {a[0]:.3f}  "
                  f"R {b[1]:.3f} → {a[1]:.3f}  persons {b[2]} → {a[2]}  "
                  f"better {better} worse {worse}")  # fmt: skip
    for lang in ("ar", "all"):
        b, a = pooled(table, None, tag, lang), pooled(table, t, tag, lang)
        print(f"  pooled ex-heldout15-23 {lang:3} P {b[0]:.3f} → {a[0]:.3f}  "
              f"R {b[1]:.3f} → {a[1]:.3f}  persons {b[2]} → {a[2]}")  # fmt: skip


def _f1(r: tuple[int, int, int, int]) -> float:
    tp, nf, ng, _ = r
    return 2 * tp / (nf + ng) if nf + ng else 1.0


def _extractor_commit() -> str:
    """The last commit that changed the extractor's code (the filter's own module aside)."""
    got = subprocess.run(
        ["git", "log", "-1", "--format=%H", "--", "geozones",
         ":(exclude)geozones/geoparse/places/_place_model.py"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return got.stdout.strip() or "unknown"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--report", action="store_true", help="print the LOBO table per threshold")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from geozones.geoparse.places._place_model import FEATURES

    ev = _eval_module()
    zipf = zipf_table()
    table_model = {"zipf": {}, "zipf_floor": ZIPF_FLOOR - 0.5}
    for value, words in zipf.items():
        table_model["zipf"].update(dict.fromkeys(words.split(), float(value)))
    docs = collect(table_model)
    table = lobo(docs, ev, table_model)
    t = choose(table)
    if args.report:
        for cut in THRESHOLDS:
            report(table, cut)
            report(table, cut, " rules off")
    report(table, t)
    report(table, t, " rules off")
    x, y = examples(docs, ev)
    fitted = fit(x, y)
    print(f"{len(y)} examples, {int(y.sum())} places, {int(len(y) - y.sum())} not places")
    out = {
        "about": "Logistic regression p(place) for Arabic place mentions; written by "
        "scripts/train_place_model.py from benchmarks/geoparse_real passages 1-663; "
        "zipf: wordfreq 3.1.1 (CC BY-SA 4.0) Arabic Zipf frequencies, normalised, bucketed.",
        "extractor_commit": _extractor_commit(),
        "examples": {"places": int(y.sum()), "not_places": int(len(y) - y.sum())},
        "features": list(FEATURES),
        "weights": [round(float(v), 6) for v in fitted["w"]],
        "bias": round(fitted["b"], 6),
        "mean": [round(float(v), 6) for v in fitted["mean"]],
        "scale": [round(float(v), 6) for v in fitted["scale"]],
        "threshold": t,
        "zipf_floor": ZIPF_FLOOR - 0.5,
        "zipf": zipf,
    }
    args.out.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} (threshold {t})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
