"""The loose transliteration key: one home for the spellings press and gazetteers disagree on.

A second tier after the exact folded key (:func:`geozones._text.name_key`), before the
phonetic skeleton and fuzzy guesses. Two Latin spellings of one Arabic name often differ
only by what a transliteration leaves open: the ending (Atme / Atmeh / Atma; -iyeh / -iyya /
-eyyeh), a doubled consonant (Tell / Tel), the vowels a writer hears (Kefer / Kafr, Merc /
Marj, Zuhur / Zohur, Deyr / Deir, Ayn / Ein, Nauman / Numan), and Turkish letters (c for j,
ç for ch, ş for sh). The loose key writes all of them one way. It is applied word by word
to text already folded by :func:`geozones._text.fold` (which stays as it is), so the
geoparser can key a text's words and the gazetteer its variants with one function.
"""

from __future__ import annotations

import functools
import re

#: Least length (letters, spaces left out) of a loose key worth matching: shorter keys
#: ("tel", "bab") collide with too many names.
LOOSE_MIN = 4

_ARTICLES = frozenset(
    "al el il ul ol l ash esh as es ad ed ar er at et an en az ez adh edh ath eth".split()
)
_GLUED_SUN = re.compile(r"^[ae](sh|th|dh|[tdrszln])\1(?=[a-z]{2,})")
_TURKISH_C = re.compile(r"c(?!h)")  # Turkish c is j ("Merc", "Cisr"); "ch" is ç or English
_DOUBLE = re.compile(r"([b-df-hj-np-tv-z])\1")
_DIPHTHONG = re.compile(r"ay|ey|ei|ai")  # Deyr / Deir / Dayr; Ayn / Ein
#: -iyeh -iyya -eyyeh -iya -iye -ieh, and -yie ("al-Salhyie", round 21: the y before the i)
_ENDING_IYA = re.compile(r"(?<=[^aiu])y?[ai]y{0,2}ah?$")
_ENDING_A = re.compile(r"(?<=[^aiu])ah?$")  # -eh -ah -e -a (after the e → a step)
_FOLD_VOWEL = str.maketrans({"e": "a", "o": "u", "q": "k", "w": "u"})
#: an epenthetic vowel before a final consonant: "Kefer" / "Kafr", "Nahar" / "Nahr"
_EPENTHESIS = re.compile(r"^([^aiu]*[aiu][^aiu])a([^aiu])$")
_KFAR = re.compile(r"^kfar")  # the Lebanese spelling of kafr
#: "au" between consonants is one vowel u, the a an ayn written as a vowel ("Nauman" /
#: "Numan" for نعمان); "aw" is folded to "au" first, so "Tawbeh" / "Tubeh" meet too
_AYN_U = re.compile(r"(?<=[^aeiou])au(?=[^aeiou]|$)")


@functools.lru_cache(maxsize=200_000)
def loose_word(word: str) -> str:
    """The loose key of one folded Latin word (Arabic or other words are returned as they are).

    Parameters
    ----------
    word : str
        One word folded by :func:`geozones._text.fold` (lower case, no diacritics).

    Returns
    -------
    str
        The word with its open transliteration choices written one way; ``""`` for an
        article ("al", "el", "ez" …).

    Examples
    --------
    >>> [loose_word(w) for w in ("atme", "atmeh", "atma")]
    ['atma', 'atma', 'atma']
    >>> loose_word("kefer") == loose_word("kafr") == loose_word("kfar")
    True
    >>> loose_word("merc") == loose_word("marj")
    True
    >>> loose_word("nauman") == loose_word("numan")
    True
    """
    if not word.isascii() or not word.isalpha():
        return word
    if word in _ARTICLES:
        return ""
    if word.startswith(("al", "el")) and len(word) >= 6 and word[2] not in "aeiou":
        word = word[2:]  # a glued article: "elzohur", "alhasakeh" (not "aleppo")
    elif _GLUED_SUN.match(word):
        word = word[2:]  # "ezzor", "ashsham"
    w = _TURKISH_C.sub("j", word).replace("ou", "u").replace("oo", "u").replace("ee", "i")
    w = w.translate(_FOLD_VOWEL).replace("aa", "a")
    w = _AYN_U.sub("u", w).replace("uu", "u")
    if len(w) >= 4:  # the ending first: "-eyyeh" is one ending, not a diphthong and a double
        w, n = _ENDING_IYA.subn("iya", w)
        if not n:
            w = _ENDING_A.sub("a", w)
    w = _DIPHTHONG.sub("ai", _DOUBLE.sub(r"\1", w))
    w = _KFAR.sub("kafr", w)
    return _EPENTHESIS.sub(r"\1\2", w)


def loose_key(folded: str) -> str:
    """The loose key of a folded Latin name: :func:`loose_word` of each word, articles
    dropped, words joined by one space.

    Parameters
    ----------
    folded : str
        A name folded by :func:`geozones._text.fold`.

    Returns
    -------
    str
        The key; ``""`` when it is shorter than :data:`LOOSE_MIN` letters or not Latin
        (a key that short matches too many names to be a second tier).

    Examples
    --------
    >>> loose_key("merc ez zuhur") == loose_key("marj al zohur")
    True
    >>> loose_key("kefer lusin") == loose_key("kafr lousin")
    True
    >>> loose_key("ras el ayn") == loose_key("ras el ein")
    True
    >>> loose_key("tel")
    ''
    """
    if not folded.isascii():
        return ""
    key = " ".join(w for w in map(loose_word, folded.split()) if w)
    return key if len(key) - key.count(" ") >= LOOSE_MIN else ""
