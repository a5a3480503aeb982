"""The fast paths of the gazetteer give the same answers as the slow, obvious code.

- :func:`geozones._text.fold`, :func:`~geozones._text.name_key` and
  :func:`~geozones._text.phonetic_key` must give byte-identical output to the
  algorithm ``data/`` was built with (a frozen copy, :func:`_ref_fold` below), on
  every name of the bundled gazetteer, its foreign alternates, the curated
  aliases and a corpus of mixed-script strings;
- the exact path (``geocode``) names the same place as the general ranking;
- one-letter typos (a letter changed, dropped, added, two swapped, doubled,
  an Arabic letter confused with its neighbour) resolve to the place meant.
"""

from __future__ import annotations

import csv
import random
import re
import unicodedata

import pytest

from geozones import _text
from geozones._io import data_path
from geozones.gazetteer import Gazetteer

# --- the reference: fold / name_key as they were when data/ was built (FOLD_VERSION 5) -------


def _ref_fold_char(ch: str) -> str:
    if ch in _text._DROP:
        return ""
    if ch in _text._PRE:
        return _text._PRE[ch]
    if ch in _text._ARABIC_DIGITS:
        return _text._ARABIC_DIGITS[ch]
    out = []
    for c in unicodedata.normalize("NFKD", ch):
        if unicodedata.combining(c) or c in _text._DROP:
            continue
        c = _text._PRE.get(c, c)
        out.append(c.lower() if c.isalnum() else " ")
    return "".join(out)


def _ref_fold_with_offsets(text: str) -> str:
    chars: list[str] = []
    for ch in text:
        for c in _ref_fold_char(ch):
            if c == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(c)
    while chars and chars[-1] == " ":
        chars.pop()
    return "".join(chars)


_REF_ASCII = {
    cp: (chr(cp).lower() if chr(cp).isalnum() else None if chr(cp) in "'`" else " ")
    for cp in range(128)
}


def _ref_table() -> dict[int, str | None]:
    ranges = [(0x80, 0x250), (0x2B0, 0x370), (0x600, 0x700), (0x1E00, 0x1F00), (0x2000, 0x2070)]
    table: dict[int, str | None] = dict(_REF_ASCII)
    for lo, hi in ranges:
        for cp in range(lo, hi):
            f = _ref_fold_char(chr(cp))
            table[cp] = f if f.strip() or not f else " "
    for ch in _text._DROP:
        table[ord(ch)] = ""
    return table


_REF_TABLE = _ref_table()
_REF_SEP = re.compile(r"[\W_]+")
_REF_OUTSIDE = re.compile(r"[^\x00-\x7f\u0600-\u06ff]").search


def _ref_fold(text: str) -> str:
    if text.isascii():
        return " ".join(text.translate(_REF_ASCII).split())
    t = text.translate(_REF_TABLE)
    if _REF_OUTSIDE(t):
        return _ref_fold_with_offsets(text)
    return " ".join(_REF_SEP.sub(" ", t).lower().split())


_REF_ARTICLES = frozenset(
    "al el il ul ol l ash esh as es ad ed ar er at et an en az ez adh edh ath eth".split()
)
_REF_GLUED = re.compile(r"^[ae](sh|th|dh|[tdrszln])\1(?=[a-z]{2,})|^(?:al|el)(?=[a-z]{3,})").match


def _ref_drop_articles(words: list[str]) -> list[str]:
    out: list[str] = []
    last = len(words) - 1
    for i, w in enumerate(words):
        if "\u0600" <= w[:1] <= "\u06ff":
            if len(w) > 3 and w.startswith("ال"):
                w = w[2:]
            elif len(w) > 4 and w.startswith("وال"):
                w = w[3:]
        elif w in _REF_ARTICLES:
            if i < last:
                continue
        elif i and w[:1] in ("a", "e") and _REF_GLUED(w):
            w = w[2:]
        out.append(w)
    return out or words


def _ref_name_key(text: str) -> str:
    words = _ref_fold(text).split()
    if len(words) == 1:
        w = words[0]
        if len(w) > 3 and w.startswith("ال"):
            return w[2:]
        if len(w) > 4 and w.startswith("وال"):
            return w[3:]
        return w
    return "".join(_ref_drop_articles(words)) if words else ""


# --- the corpus -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    g = Gazetteer()
    g._load_alternates()  # the foreign places' alternate names too
    return g


def _aliases() -> list[str]:
    with data_path("aliases.csv").open(encoding="utf-8") as fh:
        return [c for row in csv.reader(fh) for c in row if c and not c.startswith("#")]


_PIECES = [
    "al-",
    "Al ",
    "el ",
    " ",
    "  ",
    "-",
    "_",
    "'",
    "’",
    "ʿ",
    "\u0640",
    "\u200f",
    "\u064e",
    "ال",
    "وال",
    "أ",
    "ة",
    "ى",
    "ئ",
    "ؤ",
    "ک",
    "ی",
    "٣",
    "۴",
    "İ",
    "ı",
    "ş",
    "Ş",
    "ç",
    "ğ",
    "ß",
    "Æ",
    "ø",
    "Ł",
    "é",
    "Ḩ",
    "ā",
    "ʾ",
    "½",
    "²",
    "ﻻ",
    "ﺏ",
    "Ω",
    "я",
    "ж",
    "中",
    "\u05d0",
    "Ǆ",
    "K",
    "\u2013",
    "\u00a0",
    "\t",
    "\x1c",
    "Eastern ",
    "ezzor",
    "\uff41zzor",  # a fullwidth a: outside the table, folded to a glued article
    "\uff45lhur",
    "ash",
    "a",
    "e",
    "Deir",
    "حلب",
    "ريف",
    "12",
]


def _mixed(n: int) -> list[str]:
    """Deterministic random strings from the pieces and code points of every range folded."""
    rng = random.Random(18)
    points = [
        chr(c)
        for lo, hi in ((0x20, 0x250), (0x600, 0x700), (0x1E00, 0x1F00))
        for c in range(lo, hi)
    ]
    points += [chr(c) for c in range(0x2000, 0x2070)] + ["\ufeff", "\ufb50", "\ufe8f", "\u0400"]
    out = []
    for _ in range(n):
        parts = [
            rng.choice(_PIECES if rng.random() < 0.6 else points) for _ in range(rng.randint(1, 8))
        ]
        out.append("".join(parts))
    return out


def _plain_arabic(n: int) -> list[str]:
    """Deterministic random strings of Arabic letters (U+0621-U+064A) and spaces."""
    rng = random.Random(29)
    letters = [chr(c) for c in range(0x621, 0x64B)] + [" ", " ", "ال", "وال"]
    return ["".join(rng.choice(letters) for _ in range(rng.randint(1, 12))) for _ in range(n)]


def _check_same(texts) -> int:
    n = 0
    for t in dict.fromkeys(texts):
        assert _text.fold(t) == _ref_fold(t), t
        assert _text.name_key(t) == _ref_name_key(t), t
        n += 1
    return n


def test_fold_and_keys_unchanged_on_every_bundled_name(gz):
    names = [*gz._v_text, *gz._name, *_aliases()]
    assert _check_same(names) > 70_000  # Syrian, world and alternate names


def test_fold_and_keys_unchanged_on_mixed_script_strings():
    corpus = _mixed(30_000) + ["", " ", "''", "ال", "Al", "al al", "el Bab", "الباب الكبير"]
    corpus += _plain_arabic(20_000) + ["ء", "ء ـ", "ال ال", "والباب", "ـالباب", " ءال"]
    corpus += [p + q for p in _PIECES for q in _PIECES]
    assert _check_same(corpus) == len(dict.fromkeys(corpus))


def test_fold_with_offsets_unchanged(gz):
    for t in _mixed(3000) + gz._v_text[:3000]:
        assert _text.fold_with_offsets(t)[0] == _ref_fold_with_offsets(t), t


def test_the_fold_table_only_yields_lower_case_letters_digits_and_spaces():
    """What lets fold skip the separator regex and ``lower()`` for ASCII and Arabic text."""
    table = _text._table()
    for cp, v in table.items():
        if v and not _REF_OUTSIDE(v):
            assert all((c.isalnum() and c == c.lower()) or c == " " for c in v), (hex(cp), v)


# --- the exact path agrees with the general ranking ----------------------------------------


def test_exact_path_names_the_place_the_general_ranking_puts_first(gz):
    """For every key shared by several variants: ``geocode``'s fast path gives the entry and
    the matched spelling that scoring all candidates and ranking them gives."""
    checked = 0
    for j, key in enumerate(gz._keys):
        a, b = gz._key_start[j], gz._key_start[j + 1]
        if b - a < 2 or key in gz._more_key:
            continue
        for text in {gz._v_text[a], gz._v_text[b - 1]}:
            fast = gz._exact_one(text)
            cands = gz._exact(key, None, None, text.strip())
            (e, vi, s), *_ = gz._ranked(cands, None, None, 1)
            assert (fast.extra["index"], fast.matched, fast.score) == (e, gz._v_text[vi], s), text
            checked += 1
    assert checked > 1000


# --- one-letter typos of every kind resolve to the place meant ------------------------------

TYPOS = [
    ("Jarablsu", "Jarablus"),  # two letters swapped
    ("Ildib", "Idlib"),
    ("Jarabls", "Jarablus"),  # a letter missing
    ("Mnbij", "Manbij"),
    ("Sraqib", "Saraqib"),
    ("Saraqqib", "Saraqib"),  # a letter doubled
    ("Jarabluss", "Jarablus"),
    ("Kafrihin", "Kafruhin"),  # a vowel changed
    ("Khan Shaykhnu", "Khan Shaykhun"),  # several words
    ("حرابلس", "جرابلس"),  # Arabic letters told apart by their dots: ج ح, ب ي, ب ت, د ذ
    ("جرايلس", "جرابلس"),
    ("سراقت", "سراقب"),
    ("وريذة", "وريدة"),  # one changed letter, not سورية two edits away (a country, bigger)
]


@pytest.mark.parametrize(("typo", "meant"), TYPOS)
def test_one_letter_typos_resolve_to_the_place_meant(gz, typo, meant):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # none of them is a far guess
        got = gz.geocode(typo)
    want = gz.geocode(meant)
    assert got.extra["index"] == want.extra["index"], (typo, got, want)
    assert 0.85 <= got.score < 0.97  # scored as a typo, below every exact match


def test_one_edit_beats_two_edits_at_the_same_ratio():
    """rapidfuzz's ratio scores 'hxmis' alike against 'hamis' (a letter changed) and 'hmeis'
    (x dropped, e added); the index ranks the one-edit reading first."""
    from rapidfuzz.fuzz import ratio

    from geozones.gazetteer._fuzzy import FuzzyIndex

    assert ratio("hxmis", "hamis") == ratio("hxmis", "hmeis")
    got = FuzzyIndex(["hmeis", "hamis"]).near("hxmis")
    assert [k for k, _ in got] == ["hamis", "hmeis"]
    assert got[0][1] > got[1][1]


def test_exact_path_follows_a_changed_region(monkeypatch):
    """The fast path keeps per-entry ranks for the default region: a new region (set on the
    gazetteer, or in settings as a tuple or a list) must be seen at once."""
    from geozones import settings

    g = Gazetteer()
    assert g.geocode("Tripoli").country == "LB"  # near the bundled Syrian region
    g.region = (30.0, 10.0, 33.5, 16.0)  # Libya
    assert g.geocode("Tripoli").country == "LY"
    g.region = None
    assert g.geocode("Tripoli").country == "LB"
    for box in ((30.0, 10.0, 33.5, 16.0), [30.0, 10.0, 33.5, 16.0]):
        monkeypatch.setattr(settings, "gazetteer_region", box, raising=False)
        assert g.geocode("Tripoli").country == "LY", box
        monkeypatch.setattr(settings, "gazetteer_region", None)
        assert g.geocode("Tripoli").country == "LB"
