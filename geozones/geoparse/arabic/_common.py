"""The common-word test for Arabic village names.

Many small villages bear a word of everyday Arabic as their name ("الصراع", the conflict:
Seraa; "الحصار", the siege; "العدوان", the aggression: Edwan). Such a word after a bare
preposition ("التعاون الذي يدعم الفصائل في الصراع", in the conflict) is the word: a reader
takes it for the village only when a noun of place names it ("قرية الصراع", the village of
Seraa), a list of places holds it, a region cue follows it or it opens a dateline.

The common words are the language's, not a list fitted to texts: the words of wordfreq's
Arabic list used at least ~16 times per million words (``data/geoparse/
arabic_common_words.txt``, written by ``scripts/build_arabic_common_words.py``).
"""

from __future__ import annotations

import re

from ..scan._persons import AR_FOLD
from ..scan._words import word_list

_MARKS = re.compile(r"[\u064b-\u0652\u0640]")
#: Nouns of place that name a village ("قرية X", "بلدات X", "أطراف X", "شمال X"), as
#: normalised; the prepositions and the nouns of taking ("سيطرة X") say less.
SETTLEMENT_NOUNS = frozenset(
    _w.translate(AR_FOLD)
    for _w in """مدينة مدينتي مدن بلدة بلدتي بلدات قرية قريتي قرى منطقة منطقتي مناطق ناحية
    حي حيي أحياء مخيم مزرعة مزارع محور محوري محاور ريف ريفي أطراف ضواحي محيط مشارف تخوم
    شمال جنوب شرق غرب شمالي جنوبي شرقي غربي أهالي سكان أبناء""".split()
)


_QUOTES = "\"“”«»()'،,"


def _common_words() -> frozenset[str]:
    return word_list("arabic_common_words.txt")


def strip_marks(word: str) -> str:
    """An Arabic word as written, without its vowel marks and tatweel.

    Examples
    --------
    >>> strip_marks("مقتلِهِ"), strip_marks("قريـة")
    ('مقتله', 'قرية')
    """
    return _MARKS.sub("", word)


def normalise(word: str) -> str:
    """An Arabic word as the common-word list holds it.

    Examples
    --------
    >>> normalise("إلّا"), normalise("قريةٌ")
    ('الا', 'قريه')
    """
    return strip_marks(word).translate(AR_FOLD)


def is_common_word(word: str) -> bool:
    """Whether an Arabic word is one of the language's common words, a clinging و, ف, ب or
    ل aside ("والصراع", and the conflict).

    Examples
    --------
    >>> is_common_word("الصراع"), is_common_word("والصراع"), is_common_word("سراقب")
    (True, True, False)
    """
    w = normalise(word.strip())
    words = _common_words()
    return w in words or (len(w) > 3 and w[0] in "وفبل" and w[1:] in words)


def named_by_noun(text: str, start: int) -> bool:
    """Whether a noun of place stands right before ``text[start:]`` ("قرية الصراع").

    Examples
    --------
    >>> named_by_noun("قصفت الطائرات قرية الصراع", 19), named_by_noun("في الصراع", 3)
    (True, False)
    >>> named_by_noun("غارات على بلدتيّ “علما", 18)
    True
    >>> named_by_noun("القرى المحاذية لبلدة كسب", 21)
    True
    """
    before = [w for w in text[max(0, start - 40) : start].split() if w.strip(_QUOTES)]
    if not before:
        return False
    w = normalise(before[-1].strip(_QUOTES))
    return w in SETTLEMENT_NOUNS or (w[:1] in "وفبل" and w[1:] in SETTLEMENT_NOUNS)
