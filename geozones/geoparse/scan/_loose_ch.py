"""The loose key, with the French "ch" for the sound English writes "sh", "gh" and "g" for غ.

Press copy translated from French, or written by French-trained writers, spells ش as
"ch": "al-Mechleb" for al-Mashlab (Meshleb), "Cheikh Maqsoud" for Sheikh Maqsoud, "Chaddadi"
for Shaddadi. Arabic has no sound English writes "ch", so in a name of Syria's places the
two letters stand for "sh". غ is written "gh" or "g" ("Baghuz", the gazetteer's "Baguz").
The geoparser keys both the gazetteer's names and a text's words with these functions, so
"Mechleb" and "Meshleb" meet on one key.

A village split in two keeps one name in the press: OCHA's "Upper Baguz" and "Lower
Baqras" (فوقاني، تحتاني) are "Baghuz" and "Baqrus" in a story. :func:`unqualified_keys`
gives a gazetteer name's key without that qualifier too.
"""

from __future__ import annotations

import functools
import re

from ...gazetteer._loose import loose_key as _loose_key
from ...gazetteer._loose import loose_word as _loose_word


def _sh(folded: str) -> str:
    if "ch" in folded:
        folded = folded.replace("ch", "sh")
    return folded.replace("gh", "g") if "gh" in folded else folded


#: The qualifiers of a village split in two: "Upper X", "Lower X", "X Fawqani", "X Tahtani".
_QUALIFIED = re.compile(r"^(?:upper|lower)\s+(?P<a>.+)$|^(?P<b>.+?)\s+(?:fawqani|foqani|tahtani)$")


def unqualified_keys(folded: str) -> tuple[str, ...]:
    """The loose key of a gazetteer name without its "Upper"/"Lower" qualifier, if it has one.

    Examples
    --------
    >>> unqualified_keys("upper baguz") == (loose_key("baghouz"),)
    True
    >>> unqualified_keys("baguz")
    ()
    """
    m = _QUALIFIED.match(folded)
    if m is None:
        return ()
    key = loose_key(m.group("a") or m.group("b"))
    return (key,) if key else ()


#: A kasra written "i" or "e" before a final consonant ("Dabiq" / "Dabeq", "Hajin" / "Hajen"):
#: the loose key drops the "e" (written "a" by then: "Kefer" / "Kafr"), so it drops the "i" too.
_EPENTHESIS_I = re.compile(r"^([^aiu]*[aiu][^aiu])i([^aiu])$")


@functools.lru_cache(maxsize=65536)  # the words of texts come back in every text
def loose_word(word: str) -> str:
    """:func:`geozones.gazetteer._loose.loose_word` of ``word`` with "ch" read as "sh", and
    an "i" before a final consonant dropped as the key drops an "e" there.

    Examples
    --------
    >>> loose_word("mechleb") == loose_word("meshleb")
    True
    >>> loose_word("dabiq") == loose_word("dabeq")
    True
    """
    key = _loose_word(_sh(word))
    return _EPENTHESIS_I.sub(r"\1\2", key) if word.isascii() else key


def loose_key(folded: str) -> str:
    """:func:`geozones.gazetteer._loose.loose_key` of ``folded`` with "ch" read as "sh" (and
    the words keyed by :func:`loose_word`).

    Examples
    --------
    >>> loose_key("cheikh maqsoud") == loose_key("sheikh maqsud")
    True
    """
    key = _loose_key(_sh(folded))
    if not key:
        return key
    return " ".join(_EPENTHESIS_I.sub(r"\1\2", w) for w in key.split(" "))


#: An "e" between two consonants inside a word: a kasra that other writers spell "i"
#: ("Sayyeda Zeinab" / "Sayyidah Zaynab", "Hameediyeh" aside): not an ending, not a
#: diphthong ("Zeinab"), not a word's last vowel before its last consonant (the key drops
#: that one already: "Kefer" / "Kafr").
_INNER_E = re.compile(r"(?<=[b-df-hj-np-tv-z])e(?=[b-df-hj-np-tv-xz]{1,2}[aeiou])")


def kasra_keys(folded: str) -> tuple[str, ...]:
    """The loose key of a gazetteer name with its inner "e" written "i", when that differs
    from its own key.

    Examples
    --------
    >>> kasra_keys("sayyeda zeinab") == (loose_key("sayyidah zaynab"),)
    True
    >>> kasra_keys("kafr nabudah")
    ()
    """
    if "e" not in folded or not folded.isascii():
        return ()
    other = _INNER_E.sub("i", folded)
    if other == folded:
        return ()
    key = loose_key(other)
    return (key,) if key and key != loose_key(folded) else ()


#: "ei" between consonants: a long vowel that other writers spell "e" ("Rmeilan" / "Rmelan",
#: رميلان).
_INNER_EI = re.compile(r"(?<=[b-df-hj-np-tv-z])ei(?=[b-df-hj-np-tv-xz])")


def diphthong_keys(folded: str) -> tuple[str, ...]:
    """The loose key of a gazetteer name with its inner "ei" written "e", when that differs
    from its own key.

    Examples
    --------
    >>> diphthong_keys("upper rmeilan") == (loose_key("upper rmelan"), loose_key("rmelan"))
    True
    >>> diphthong_keys("deir hafer") == (loose_key("der hafer"),)
    True
    >>> diphthong_keys("idleb")
    ()
    """
    if "ei" not in folded or not folded.isascii():
        return ()
    other = _INNER_EI.sub("e", folded)
    if other == folded:
        return ()
    own = loose_key(folded)
    keys = (loose_key(other), *unqualified_keys(other))
    return tuple(k for k in keys if k and k != own)
