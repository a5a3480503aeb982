"""The speed work of round 23 (issue 16: extraction under 50 ms for 3,000 characters)
changes no result: each faster expression or test finds exactly what the former one found,
on every examined passage of the evaluation set (its first 531), the written texts, and
random strings of the characters the expressions turn on."""

from __future__ import annotations

import random
import re
from pathlib import Path

import yaml

from geozones.geoparse.constructions import _arabic_lists as AL
from geozones.geoparse.constructions import _unknown as U
from geozones.geoparse.scan import _region_cue as R

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
MARK = re.compile(r"\[\[([^|\]]+)\|[^\]]*\]\]")


def _texts() -> list[str]:
    """The passages 1-531 of the real set (listed by number: the later ones are held out)
    and the written texts, without their markup."""
    real = BENCH / "geoparse_real"
    names = [n.name for n in real.iterdir() if n.name[:1].isdigit() and n.name.endswith(".yaml")]
    names = [n for n in names if int(n.split("_")[0]) <= 531]
    paths = [real / n for n in sorted(names)] + sorted((BENCH / "geoparse_eval").glob("*.yaml"))
    assert len(paths) > 540
    return [MARK.sub(r"\1", yaml.safe_load(p.read_text(encoding="utf-8"))["text"]) for p in paths]


def _random(alphabet: str, n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(n)]


def test_the_comma_list_expression_finds_the_same_lists():
    item = r"(?:و)?[\u0621-\u064a\u0640]{2,}(?:[ \t]+[\u0621-\u064a\u0640]{2,}){0,2}"
    former = re.compile(rf"(?:{item})(?:[ \t]*[،,][ \t]*{item}){{3,}}")
    texts = _texts() + _random("وبكفرال ،,\t\u064e\u0640xa.\n", 5000, 23)
    found = 0
    for text in texts:
        got = [m.span() for m in AL._LIST.finditer(text)]
        assert got == [m.span() for m in former.finditer(text)], repr(text)
        found += len(got)
    assert found > 20  # the Arabic passages hold such lists


def test_the_cue_word_test_is_the_former_search():
    heads = []
    for text in _texts():
        heads += [text[max(0, i - 50) : i] for i in range(0, len(text), 13)]
    heads += _random("Nnorth SOUTH İıſ\u212aÉéÖöÜü stadt Provinz ريف شمال ،x", 4000, 5)
    hits = 0
    for head in heads:
        got = R._cue_word(head)
        assert got == bool(R._CUE_WORD.search(head)), repr(head)
        hits += got
    assert hits > 300


def test_the_lower_case_table_matches_every_character_ignorecase_matches():
    """Every character that ``re.IGNORECASE`` matches with a letter of the cue words is
    turned into that letter, and no other: the lower-case search finds the same words."""
    letters = set("".join(R._CUE_WORD_LATIN.pattern.split("|")))
    anyone = re.compile("|".join(map(re.escape, sorted(letters))), re.I)
    for cp in range(0x110000):
        c = chr(cp)
        matched = set()
        if anyone.fullmatch(c):
            matched = {x for x in letters if re.fullmatch(re.escape(x), c, re.I)}
        turned = c.translate(R._AS_CASELESS)
        assert (turned in letters) == bool(matched), hex(cp)
        if matched:
            assert matched == {turned}, hex(cp)


def test_the_region_patterns_left_out_by_script_find_nothing():
    heads = []
    for text in _texts():
        heads += [text[max(0, i - 50) : i] for i in range(0, len(text), 17)]
    found = 0
    for head in heads:
        kept = R._before_patterns(head)
        for rx in R._REGION_BEFORE:
            if rx not in kept:
                assert rx.search(head) is None, (rx.pattern[:40], head)
        first = next((m for rx in R._REGION_BEFORE if (m := rx.search(head))), None)
        again = next((m for rx in kept if (m := rx.search(head))), None)
        assert (first and (first.re, first.span())) == (again and (again.re, again.span()))
        found += first is not None
    assert found > 40


def test_the_english_construction_tests_skip_only_texts_without_a_match():
    texts = _texts()
    skipped = 0
    for text in texts:
        if not U._LATIN_LOWER.search(text):
            assert not any(rx.search(text) for rx in (U._BEFORE, U._AFTER, U._INCLUDING,
                                                      U._OTHER, U._LOCATED, U._SITE))  # fmt: skip
            skipped += 1
        if not U._OTHER_WORDS.search(text):
            assert U._OTHER.search(text) is None
            skipped += 1
    assert skipped > 300
