"""A small trained filter: is this Arabic name really a place, or a word, a name, a meeting?

Many villages bear an everyday Arabic word, a verb form or a given name as their name
("هوية", identity; "كشف", he revealed; "عمار", a man's name; "سوتشي", a round of talks):
every unseen batch brought new ones that the rules, each written for the words of the
batch it was tuned on, did not know. This filter weighs what a reader weighs, on every
Arabic place mention the extractor keeps: how common the word is (wordfreq's Zipf,
bucketed), its length and morphology (a verb's prefix, a pronoun's suffix, a feminine
adjective's ending), the word before it (a noun of settlement, a preposition, a person's
title, a noun of talks), whether it stands in a list with other places, what the
gazetteer holds under it (population, kind, namesakes, how sure the match is) and how far
it lies from the text's other places.

The weights are a logistic regression fitted on the examined passages of the benchmark
(``scripts/train_place_model.py``, which writes ``data/geoparse/place_model.json``); a
mention is dropped only when p(place) is below the model's threshold and no strong cue
names it a place ("قرية X", "مدينة X", an admin name followed by its governorate).
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from typing import Any

import numpy as np

from ..._io import data_path
from .._results import PlaceMention
from ..arabic._common import SETTLEMENT_NOUNS, is_common_word
from ..arabic._common import normalise as _normalise
from ..scan._persons import AR_TITLES, _given_names
from ..scan._persons import _ar_key as _key

#: The word functions, memoised: a text repeats its words, and every mention reads a few.
normalise = functools.lru_cache(maxsize=8192)(_normalise)
_ar_key = functools.lru_cache(maxsize=8192)(_key)
_common = functools.lru_cache(maxsize=8192)(is_common_word)
_ARABIC = re.compile(r"[\u0621-\u064a]")
_WORD = re.compile(r"[\u0621-\u064a\u0640\u064b-\u0652]+")
_QUOTES = " \t\"'“”«»()/"
#: What joins two names of a list: a comma, "و" or "أو" ("من الغوطة أو جوبر"), quotes, brackets.
_LIST_GAP = re.compile(
    r"[\s\"'“”«»()/]*[،,]?[\s\"'“”«»()/]*(?:و|[أا]و(?=[\s\"'“”«»()/]))?[\s\"'“”«»()/]*"
)
#: … or one member between them that is no place ("قرى حريتان وعندان والقصر العدلي وشويحنة": a
#: building the rules dropped): "و" or a comma, one or two words, then "و" or a comma.
_SKIPPED_MEMBER = re.compile(
    r"[\s\"'“”«»()/]*(?:[،,][\s]*و?|و)[\u0621-\u064a\u0640]{2,}(?:[ \t]+[\u0621-\u064a\u0640]{2,})?"
    r"[\s\"'“”«»()/]*(?:[،,][\s]*و?|و)[\s\"'“”«»()/]*"
)


def _joins(gap: str) -> bool:
    """Whether ``gap`` joins two members of one list (see ``_LIST_GAP``, ``_SKIPPED_MEMBER``).

    Examples
    --------
    >>> _joins(" و"), _joins(" أو "), _joins("، "), _joins(" والقصر العدلي و"), _joins(" في ")
    (True, True, True, True, False)
    """
    if len(gap) <= 8 and _LIST_GAP.fullmatch(gap):
        return True
    return len(gap) <= 30 and _SKIPPED_MEMBER.fullmatch(gap) is not None


def _fold(words: str) -> frozenset[str]:
    return frozenset(normalise(w) for w in words.split())


#: The nouns that name a settlement outright: a mention after them is never dropped.
_STRONG = _fold("قرية قريتي بلدة بلدتي مدينة مدينتي مخيم ناحية")
_AREA = SETTLEMENT_NOUNS - _STRONG
_PREPS = _fold("في من إلى الى على عن نحو باتجاه قرب بين حتى عند داخل خارج وسط تجاه")
_MEETING = _fold(
    """مسار محادثات مباحثات اتفاق اتفاقية اتفاقات مؤتمر قمة تفاهمات تفاهم اجتماع اجتماعات
    منصة لقاء جولة جولات مفاوضات صيغة"""
)
_PERSON = _fold(
    """الشيخ السيد الرئيس القائد المدعو الشهيد الطفل الشاب الرجل العميد اللواء العقيد الدكتور
    الناشط المواطن الرائد النقيب الملازم الحاج الأستاذ المهندس الشيخة السيدة الطفلة
    الشابة المرأة الصحفي المراسل الزميل أبو أبي ابن بن بنت أم شقيق شقيقه والد نجل
    زوجة زوج"""
)
_CUES = SETTLEMENT_NOUNS | _STRONG | _PREPS | _MEETING | _PERSON
_VERB_PREFIX = tuple("تينأ")
_PRONOUN_ENDS = ("وا", "ون", "ها", "هم", "هن", "كم", "نا", "ين", "تم")

#: The features, in the order of the model's weights.
FEATURES = (
    "common",
    "rare",
    "zipf",
    "one_token",
    "tokens",
    "article",
    "proclitic",
    "cue_settlement",
    "cue_area",
    "cue_preposition",
    "cue_meeting",
    "cue_person",
    "verb_prefix",
    "pronoun_suffix",
    "feminine_ending",
    "listed",
    "region",
    "populated_place",
    "log_population",
    "abroad",
    "exact",
    "score",
    "namesakes",
    "unresolved",
    "near_km",
    "alone",
    "repeats",
    "governorate_follows",
    "given_name",
    "after_given_name",
    "cut_word",
    "tanwin",
    "after_definite",
    "next_possessed",
    "next_definite",
    "title_before",
    "next_rare",
    "list_head",
)
#: The nouns that head a list of settlements ("قرى (قوخار، شجيف، والية)").
_HEADS = _STRONG | _fold("قرى بلدات مدن مزارع")
_NEXT_WORD = re.compile(r"[ \t]+([\u0621-\u064a\u0640\u064b-\u0652]+)")
_POSSESSED = re.compile(r"\s+([\u0621-\u064a]{2,}(?:ها|هم|هما|هن))(?![\u0621-\u064a])")
_NEXT_DEFINITE = re.compile(r"\s+ال[\u0621-\u064a]{2,}")
_TANWIN = re.compile(r"[\u064b-\u064d]")


@functools.lru_cache(maxsize=1)
def _model() -> dict[str, Any]:
    """The fitted model (read once): weights, scaling, threshold and the Zipf buckets."""
    with open(data_path("geoparse", "place_model.json"), encoding="utf-8") as fh:
        raw = json.load(fh)
    zipf: dict[str, float] = {}
    for value, words in raw["zipf"].items():
        zipf.update(dict.fromkeys(words.split(), float(value)))
    return {
        "w": np.array(raw["weights"], dtype=float),
        "b": float(raw["bias"]),
        "mean": np.array(raw["mean"], dtype=float),
        "scale": np.array(raw["scale"], dtype=float),
        "threshold": float(raw["threshold"]),
        "zipf_floor": float(raw["zipf_floor"]),
        "zipf": zipf,
    }


def _zipf(word: str, table: dict[str, float], floor: float) -> float:
    """The word's Zipf frequency (a clinging و, ف, ب, ل aside), ``floor`` when rarer."""
    w = normalise(word)
    got = table.get(w)
    if got is None and len(w) > 3 and w[0] in "وفبل":
        got = table.get(w[1:])
    return floor if got is None else got


def _word_before(text: str, start: int) -> str:
    """The normalised word just before ``start``, quotes and brackets between aside (a
    clinging و, ب, ل, ف dropped when the word is then a cue: "وقرية", "ببلدة")."""
    window = text[max(0, start - 40) : start].rstrip(_QUOTES)
    words = _WORD.findall(window)
    if not words or not window.endswith(words[-1]):
        return ""
    w = normalise(words[-1])
    bare = w[1:] if len(w) > 3 and w[0] in "وفبل" else w
    return bare if w not in _CUES and bare in _CUES else w


def _title_before(text: str, start: int) -> bool:
    """Whether a person's title stands among the three words before ``start`` ("مدير
    المرصد رامي", the monitor's director Rami)."""
    words = _WORD.findall(text, max(0, start - 40), start)[-3:]
    return any(_ar_key(w) in AR_TITLES or normalise(w) in _PERSON for w in words)


def _next_rare(text: str, end: int, table: dict[str, float], floor: float) -> bool:
    """Whether the next word, on the same line and without punctuation between, is rare and
    bare (no article, no و): a surname after a given name ("عدنان عفرين")."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    w = normalise(m.group(1))
    return not w.startswith(("ال", "و")) and _zipf(w, table, floor) <= floor


def _strip_clitic(word: str) -> str:
    """A normalised word without a clinging و, ف, ب or ل."""
    return word[1:] if len(word) > 3 and word[0] in "وفبل" else word


def _is_target(m: PlaceMention) -> bool:
    """The mentions the filter weighs: Arabic names, not countries."""
    return m.kind != "country" and bool(_ARABIC.search(m.text))


#: The nearness value of a mention with no other place in the text (about the mean of
#: the training mentions': the ``alone`` feature says the rest).
ALONE_NEAR = 1.0
#: Up to this many mentions the nearness feature compares every pair; above it (a text of
#: thousands of names), each mention with its ``NEAR_WINDOW`` neighbours on either side in
#: the order of the text, which keeps the work linear.
NEAR_ALL = 64
NEAR_WINDOW = 15


def _nearest_km(places: list[PlaceMention]) -> np.ndarray:
    """Per mention (in text order), the great-circle distance to the nearest other
    non-country place of another name."""
    n = len(places)
    best = np.full(n, np.inf)
    if n < 2:
        return best
    lat, lon = np.radians(np.array([(p.place.lat, p.place.lon) for p in places])).T
    names = np.array([p.text for p in places], dtype=object)
    country = np.array([p.kind == "country" for p in places])
    if n <= NEAR_ALL:
        a, b = np.triu_indices(n, 1)
    else:
        a = np.concatenate([np.arange(n - k) for k in range(1, NEAR_WINDOW + 1)])
        b = a + np.repeat(np.arange(1, NEAR_WINDOW + 1), [n - k for k in range(1, NEAR_WINDOW + 1)])
    h = (
        np.sin((lat[b] - lat[a]) / 2) ** 2
        + np.cos(lat[a]) * np.cos(lat[b]) * np.sin((lon[b] - lon[a]) / 2) ** 2
    )
    d = 12742.0 * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
    d[names[a] == names[b]] = np.inf
    np.minimum.at(best, a, np.where(country[b], np.inf, d))
    np.minimum.at(best, b, np.where(country[a], np.inf, d))
    return best


def _listed(text: str, m: PlaceMention, others: list[PlaceMention]) -> bool:
    """Whether another place stands right beside the mention, joined by و or a comma."""
    for o in others:
        if o.end <= m.start:
            gap = text[o.end : m.start]
        elif m.end <= o.start:
            gap = text[m.end : o.start]
        else:
            continue
        if _joins(gap):
            return True
    return False


def _governorate_follows(m: PlaceMention, after: list[PlaceMention]) -> bool:
    """Whether the mention's own governorate or district is named right after it."""
    admin = {a.lower() for a in m.place.admin[1:]}
    return bool(admin) and any(
        0 <= o.start - m.end <= 25 and o.place.name.lower() in admin for o in after
    )


def _mention_features(
    text: str, m: PlaceMention, beside: list[PlaceMention], near: float, repeats: int,
    model: dict,
) -> list[float]:  # fmt: skip
    """The feature row of one mention, in the order of :data:`FEATURES` but the last,
    ``list_head``, which :func:`feature_rows` adds (``beside``: the
    mentions just before and after it in the text; ``repeats``: how many mentions of the
    text have its words)."""
    name = text[m.name_start : m.name_end] if m.name_start >= 0 else m.text
    tokens = name.split()
    table, floor = model["zipf"], model["zipf_floor"]
    zipf = min(_zipf(t, table, floor) for t in tokens) if tokens else floor
    last = normalise(tokens[-1]) if tokens else ""
    first = normalise(tokens[0]) if tokens else ""
    start = m.name_start if m.name_start >= 0 else m.start
    before = _word_before(text, start)
    clinging = start > 0 and bool(_ARABIC.match(text[start - 1]))
    pop = m.place.population or 0
    given = _given_names()[1]
    end = m.name_end if m.name_end >= 0 else m.end
    after = text[end : end + 1]
    return [
        float(len(tokens) == 1 and _common(tokens[0])),
        float(zipf <= floor),
        zipf,
        float(len(tokens) == 1),
        float(min(len(tokens), 4)),
        float(first.startswith("ال")),
        float(clinging),
        float(before in _STRONG),
        float(before in _AREA),
        float(before in _PREPS),
        float(before in _MEETING),
        float(before in _PERSON),
        float(len(tokens) == 1 and first[:1] in _VERB_PREFIX and not first.startswith("ال")),
        float(len(tokens) == 1 and last.endswith(_PRONOUN_ENDS)),
        float(last.endswith("ه") and len(tokens) == 1),
        float(_listed(text, m, beside)),
        float(m.kind in ("region", "zone")),
        float(m.place.kind == "populated place"),
        math.log10(pop + 1.0),
        float(m.place.country != "SY"),
        float(m.place.precision == "exact"),
        float(m.place.score),
        float(min(len(m.alternatives), 5)),
        float(not m.resolved),
        math.log10(1.0 + min(near, 3000.0)) if math.isfinite(near) else ALONE_NEAR,
        float(not math.isfinite(near)),
        math.log2(min(repeats, 8)),
        float(_governorate_follows(m, [o for o in beside if o.start >= m.end])),
        float(len(tokens) == 1 and _strip_clitic(first) in given),
        float(before in given and before not in _PREPS),  # "على" folds to the name "علي"
        float(bool(_ARABIC.match(after))),
        float(bool(_TANWIN.match(after))),
        float(before.startswith("ال") and first.lstrip("وبلف").startswith("ال")),
        float(bool(_POSSESSED.match(text, end)) and not text[end:].lstrip().startswith("و")),
        float(bool(_NEXT_DEFINITE.match(text, end))),
        float(_title_before(text, start)),
        float(_next_rare(text, end, table, floor)),
    ]


def _list_heads(text: str, ranked: list[PlaceMention]) -> list[bool]:
    """Per mention (in text order), whether a noun of settlements heads the list it stands
    in: right before it, or before the list's first name ("قرى (قوخار، شجيف، والية)"; "قرى
    حماة الشرقية: عقيربات، كشف")."""
    heads: list[bool] = []
    for r, m in enumerate(ranked):
        head = _word_before(text, m.start) in _HEADS
        if not head and r and heads[r - 1] and ranked[r - 1].end <= m.start:
            gap = text[ranked[r - 1].end : m.start]
            head = _joins(gap.replace(":", " ", 1))
        heads.append(head)
    return heads


class _Context:
    """What the features of a text's mentions share: the mentions in text order, their
    nearness, repetitions and list heads (computed once per text)."""

    def __init__(self, text: str, places: list[PlaceMention], model: dict) -> None:
        self.text, self.model = text, model
        self.order = sorted(range(len(places)), key=lambda i: (places[i].start, places[i].end))
        self.ranked = [places[i] for i in self.order]
        self.targets = [r for r, m in enumerate(self.ranked) if _is_target(m)]
        self.near = _nearest_km(self.ranked) if self.targets else np.zeros(0)
        self.counts = Counter(p.text for p in self.ranked)
        self.heads = _list_heads(text, self.ranked) if self.targets else []

    def row(self, r: int) -> list[float]:
        """The feature row of the mention ranked ``r`` in the text."""
        m, ranked = self.ranked[r], self.ranked
        beside = ranked[max(0, r - 2) : r] + ranked[r + 1 : r + 3]
        got = _mention_features(self.text, m, beside, self.near[r], self.counts[m.text], self.model)
        return [*got, float(self.heads[r])]


def feature_rows(
    text: str, places: list[PlaceMention], model: dict | None = None
) -> tuple[list[int], np.ndarray]:
    """The indices of the mentions the filter weighs and their feature rows.

    Examples
    --------
    >>> from geozones import extract
    >>> text = "قصفت قوات النظام قرية كفرنبل وتركيا"
    >>> idx, rows = feature_rows(text, extract(text).places)
    >>> idx, rows.shape[1] == len(FEATURES), float(rows[0][FEATURES.index("cue_settlement")])
    ([0], True, 1.0)
    """
    ctx = _Context(text, places, model or _model())
    if not ctx.targets:
        return [], np.zeros((0, len(FEATURES)))
    rows = [ctx.row(r) for r in ctx.targets]
    return [ctx.order[r] for r in ctx.targets], np.array(rows, dtype=float)


def probabilities(rows: np.ndarray, model: dict | None = None) -> np.ndarray:
    """p(place) of each feature row under the fitted logistic regression.

    Examples
    --------
    >>> from geozones import extract
    >>> text = "قصفت قوات النظام قرية كفرنبل"
    >>> bool(probabilities(feature_rows(text, extract(text).places)[1])[0] > 0.9)
    True
    """
    model = model or _model()
    z = ((rows - model["mean"]) / model["scale"]) @ model["w"] + model["b"]
    return 1.0 / (1.0 + np.exp(-z))


def strong_cue(row: np.ndarray) -> bool:
    """Whether a feature row holds a cue that names the mention a place outright.

    Examples
    --------
    >>> row = np.zeros(len(FEATURES))
    >>> strong_cue(row), strong_cue(np.where(np.array(FEATURES) == "cue_settlement", 1.0, row))
    (False, True)
    """
    f = dict(zip(FEATURES, row, strict=True))
    listed_under_head = f["list_head"] and f["listed"]
    return bool(f["cue_settlement"] or f["governorate_follows"] or listed_under_head)


def drop_unlikely_places(
    text: str, places: list[PlaceMention], threshold: float | None = None
) -> list[PlaceMention]:
    """The places without the Arabic mentions the trained model finds unlikely to be places.

    A mention goes when p(place) is under the model's threshold (or ``threshold``) and no
    strong cue names it a place ("قرية X", an admin name followed by its governorate, a
    list that a noun of settlements heads).

    Examples
    --------
    >>> from geozones import extract
    >>> [m.text for m in extract("قصفت قوات النظام قرية كفرنبل في ريف إدلب").places]
    ['كفرنبل', 'ريف إدلب']
    """
    if not any(_is_target(m) for m in places):
        return places
    model = _model()
    cut = model["threshold"] if threshold is None else threshold
    ctx = _Context(text, places, model)
    kept = {m.text for m in places if not _is_target(m)}
    low: dict[str, list[int]] = {}
    for r in ctx.targets:  # a name kept once is kept everywhere: its repeats are not weighed
        name = ctx.ranked[r].text
        if name in kept:
            continue
        row = np.array(ctx.row(r), dtype=float)
        if probabilities(row[None, :], model)[0] >= cut or strong_cue(row):
            kept.add(name)
        else:
            low.setdefault(name, []).append(ctx.order[r])
    drop = {i for name, ids in low.items() if name not in kept for i in ids}
    return [m for i, m in enumerate(places) if i not in drop]


def dropped(
    places: list[PlaceMention], idx: list[int], rows: np.ndarray, p: np.ndarray, cut: float
) -> set[int]:
    """The indices of the mentions to drop: p(place) under ``cut``, no strong cue, and no
    other mention of the same words kept (one sense per text: "في مخيم الباغوز" … "في
    الباغوز" is the same camp). :func:`drop_unlikely_places` decides the same way.

    Examples
    --------
    >>> from geozones import extract
    >>> text = "قصفت قوات النظام قرية كفرنبل"
    >>> places = extract(text).places
    >>> idx, rows = feature_rows(text, places)
    >>> dropped(places, idx, rows, probabilities(rows), 0.5), dropped(places, idx, rows, [0.0], 0.5)
    (set(), set())
    """
    low = {i for i, row, q in zip(idx, rows, p, strict=True) if q < cut and not strong_cue(row)}
    kept = {places[i].text for i in range(len(places)) if i not in low}
    return {i for i in low if places[i].text not in kept}
