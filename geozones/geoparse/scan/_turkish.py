"""Turkish press names a settlement with its kind, capitalised: "Racco Beldesi" (the town
of Raju), "Cilvegözü Köyü", "Tel Abyad İlçesi".

The loose transliteration key finds a press spelling only where the name stands whole, the
next word in lower case ("Kefer" of "Kefer Avid" is no name of its own); a Turkish noun of
settlement after it, capitalised and with its case ending ("Beldesi´ne", "Köyü'nde"), ends
the name all the same. Such a name is looked up by its loose key and, like every loose
match, kept only near the text's other places (:func:`._loose.keep_near_loose`).
"""

from __future__ import annotations

import re

from ..._text import fold
from ._index import _Index, _Match
from ._loose_ch import loose_key

_NOUNS = r"(?:Beldesi|Köyü|Kasabası|İlçesi|Mahallesi|Nahiyesi)(?![\wçğıöşü])"
#: A name of one or two capitalised words, then a Turkish noun of settlement (any case).
_NAMED = re.compile(
    r"\b(?P<name>[A-ZÇĞİÖŞÜ][\wçğıöşü]+(?:[ \t]+[A-ZÇĞİÖŞÜ][\wçğıöşü]+)?)[ \t]+" + _NOUNS
)
_NOUN = re.compile(_NOUNS)


def kind_of(word: re.Match[str]) -> bool:
    r"""Whether the word a match holds (group 1) is a Turkish noun of settlement, which
    closes the name before it rather than lengthening it ("Racco Beldesi´ne").

    Examples
    --------
    >>> kind_of(re.match(r"\s*(\S+)", " Beldesi´ne")), kind_of(re.match(r"\s*(\S+)", " Avid"))
    (True, False)
    """
    return bool(_NOUN.match(word.group(1)))


def settlement_matches(text: str, index: _Index, scanned: list[_Match]) -> list[_Match]:
    """Loose matches for the names a Turkish noun of settlement closes, where no match
    covers them yet.

    Parameters
    ----------
    text : str
        The text.
    index : _Index
        The geoparser's index.
    scanned : list of _Match
        The matches found so far.

    Returns
    -------
    list of _Match
        One loose match per such name the loose key knows.

    Examples
    --------
    >>> settlement_matches("Saraqib was shelled.", None, [])
    []
    """
    out = []
    for m in _NAMED.finditer(text):
        a, b = m.span("name")
        if any(s.start < b and a < s.end for s in scanned):
            continue
        got = index.loose.get(f" {loose_key(fold(m.group('name')))} ", None)
        if got is not None:
            out.append(_Match(a, b, a, got[1], m.group("name").count(" ") + 1, loose=True))
    return out


#: A name of one or two capitalised words, maybe in quotes, before a lower-case noun of
#: settlement or of a hill in any case ("Şeyh Aruz köyünü", "\"Ebu Dali\" köyünün", "Şeyh
#: Haruz tepesini").
_LOWER_NAMED = re.compile(
    r"(?<![\wçğıöşü'’])[\"“]?(?!(?:Bu|Şu|O|Bir|Diğer|Tüm|Bütün|Bazı|Her)\s)"
    r"(?P<name>[A-ZÇĞİÖŞÜ][\wçğıöşü]+(?:[ \t]+[A-ZÇĞİÖŞÜ][\wçğıöşü]+)?)"
    r"[\"”]?[ \t]+(?:köy(?:ü|ün|ler)|tepe(?:si|sin)|belde(?:si|sin))[\wçğıöşü]*"
)


_LOWER_NOUN = re.compile(r"köy|tepe|belde")


def named_settlement_spans(text: str) -> list[tuple[int, int]]:
    """The names a lower-case Turkish noun of settlement or of a hill names: the whole
    name is the place's, a shorter one inside it ("Aruz" of "Şeyh Aruz") is not.

    Examples
    --------
    >>> t = 'Bir Türkmen genci Şeyh Aruz köyünü ele geçirdi.'
    >>> [t[a:b] for a, b in named_settlement_spans(t)]
    ['Şeyh Aruz']
    """
    if not _LOWER_NOUN.search(text):
        return []  # no such noun: nothing to scan
    return [m.span("name") for m in _LOWER_NAMED.finditer(text)]
