"""Arabic words that agreement, a preposition of means or a dual shows to be no place.

A reader of Arabic knows a word's role from the words it agrees with or depends on, before
asking whether a village bears its name:

* **an adjective agrees with its noun**: a definite word in -ة right after a definite plural
  in -ات that a preposition governs ("في المظاهرات السلمية", in the peaceful
  demonstrations: not Salamiyah) qualifies that plural — after a preposition the plural is
  no verb's subject, so the word is no object either; an indefinite word in -ة right after
  an indefinite plural of settlements ("بلدات كثيرة", many towns; "قرى محيطة بالمدينة",
  villages surrounding the city) is its adjective, unless a list goes on after it
  ("بلدات ترملا وفليفل"); an indefinite word in -ية right after an indefinite adjective in
  -ية goes on the chain ("طائرات حربية سورية", Syrian warplanes: not Syria); so is an
  indefinite word in -ية after "غير" (non-: "جنسيات سورية وغير سورية");
* **a preposition of means** ("بواسطة", by means of; "بفضل", thanks to; "بموجب", under)
  is a word of the sentence, not "ب" (in) and a village, and what it governs is an
  instrument, not a place (prepositions of topic and cause are left out: "بشأن سوريا",
  about Syria);
* **a definite dual of a noun of settlement refers back** to the pair the text named with
  that noun's construct dual ("بقريتي الشراشير والحويز … على القريتين", the two villages),
  or that the text gives in apposition to it ("القريتين "حوارين ومهين"", the two villages
  Hawarin and Mahin): not the town al-Qaryatayn, unless a noun of place names it ("بلدة
  القريتين");
* **a common word needs a noun of place even when a sub-district bears its name**: the
  common-word test of :mod:`._arabic_cues` ("في الصراع", in the conflict) is applied to
  words whose every reading is a village or a small town at home or a sub-district named
  after one ("في إشارة منها إلى", in a reference of hers to: not the sub-district Ashara;
  "تبنى غالبيتها", claimed most of them: not Tabni). Towns abroad and district seats are
  left out ("في القاهرة", "من تدمر").
"""

from __future__ import annotations

import re

from ..scan._index import _candidates, _Index
from ..scan._persons import AR_FOLD
from ..scan._select import _Item
from ._common import SETTLEMENT_NOUNS, is_common_word, named_by_noun
from ._unknown_words import unknown_is_word
from ._word_classes import word_class_drops

_AR_CH = "\u0621-\u064a\u0640"
_MARKS = re.compile(r"[\u064b-\u0652]")
#: The word right before a name (spaces only between).
_PREV = re.compile(rf"([{_AR_CH}\u064b-\u0652]+)[ \t]+$")
#: The word before that one.
_PREV2 = re.compile(rf"([{_AR_CH}\u064b-\u0652]+)[ \t]+[{_AR_CH}\u064b-\u0652]+[ \t]+$")
_PREPOSITIONS = frozenset("في من على الى عن حول ضد عبر خلال بين مع".split())
#: Indefinite plurals of settlements (folded).
_SETTLEMENT_PLURALS = frozenset("قري بلدات مدن مناطق احياء مخيمات".split())
#: Prepositions of means built on ب (folded): an instrument, never a place, follows.
_MEANS = frozenset("بواسطه بفضل بموجب بمثابه بدافع".split())
#: What goes on a list after a name: a comma or "و" and a word.
_LIST_AFTER = re.compile(rf"[ \t]*(?:[،,]|و[{_AR_CH}])")
#: Nouns whose construct dual names a pair of places ("قريتي", "بلدتي").
_DUAL_STEMS = ("قريت", "بلدت", "مدينت", "منطقت")
_HOME_LIMIT = 100_000
#: Nouns in -ية that head a place's name ("بلدية حمورية", "ناحية شران"), folded.
_NOUNS_IN_IYA = frozenset("قريه ناحيه بلديه مديريه ضاحيه محميه تسميه".split())


def _fold(word: str) -> str:
    return _MARKS.sub("", word).translate(AR_FOLD)


def _prev_word(text: str, start: int) -> str:
    m = _PREV.search(text, max(0, start - 40), start)
    return _fold(m.group(1)) if m else ""


def _adjective_of_definite_plural(text: str, it: _Item) -> bool:
    """ "في المظاهرات السلمية": a definite word in -ة after a definite plural in -ات that a
    preposition (a word or a clinging ب/ل) governs."""
    name = text[it.name_start : it.end]
    if it.start != it.name_start or not name.startswith("ال") or not name.endswith("ة"):
        return False
    m = _PREV2.search(text, max(0, it.start - 60), it.start)
    if m is None:
        return False
    plural = _fold(text[m.end(1) : it.start].strip())
    if not plural.endswith("ات") or len(plural) < 6:
        return False
    if plural[:1] in "بل" and plural[1:3] == "ال" or plural.startswith("لل"):
        return True  # "بالمظاهرات السلمية"
    return plural.startswith("ال") and _fold(m.group(1)).lstrip("و") in _PREPOSITIONS


def _adjective_of_definite_noun(text: str, it: _Item) -> bool:
    """ "الطائفة الاسماعيلية" (the Ismaili sect): a definite word in -ية right after a
    definite feminine noun in -ة (not itself an adjective in -ية, not a noun of place)
    agrees with it: an adjective, not the village Ismailiyeh."""
    name = _fold(text[it.name_start : it.end])
    if it.start != it.name_start or not name.startswith("ال") or not name.endswith("يه"):
        return False
    noun = _prev_word(text, it.start)
    if not (noun.startswith("ال") and noun.endswith("ه")) or noun.endswith("يه"):
        return False
    return len(noun) > 4 and noun[2:] not in SETTLEMENT_NOUNS and noun[2:] not in _NOUNS_IN_IYA


def _adjective_of_settlements(text: str, it: _Item) -> bool:
    """ "بلدات كثيرة في محيطها", "قرى محيطة بالمدينة": an indefinite word in -ة right after
    an indefinite plural of settlements, with no list going on after it."""
    name = text[it.name_start : it.end]
    if it.start != it.name_start or name.startswith("ال") or not name.endswith("ة"):
        return False
    prev = _prev_word(text, it.start)
    if prev not in _SETTLEMENT_PLURALS and prev[1:] not in _SETTLEMENT_PLURALS:
        return False  # "قرى وبلدات آهلة": the plural after "و" too
    return not _LIST_AFTER.match(text, it.end)


def _adjective_chain(text: str, it: _Item) -> bool:
    """ "طائرات حربية سورية" (Syrian warplanes): an indefinite word in -ية right after an
    indefinite adjective in -ية (no noun of settlement or office in -ية: "بلدية حمورية"
    is Hamouriyeh's council) goes on the chain of adjectives: not Syria."""
    name = _fold(text[it.name_start : it.end])
    if it.start != it.name_start or name.startswith("ال") or not name.endswith("يه"):
        return False
    prev = _prev_word(text, it.start)
    if len(prev) < 5 or prev.startswith("ال") or not prev.endswith("يه"):
        return False
    return prev not in SETTLEMENT_NOUNS and prev not in _NOUNS_IN_IYA


def _negated_adjective(text: str, it: _Item) -> bool:
    """ "من جنسيات سورية وغير سورية" (of Syrian and non-Syrian nationalities): an indefinite
    word in -ية right after "غير" (non-, other than) is the adjective it negates: not Syria.
    The country after "غير" is written with its own spelling or the article ("غير سوريا")."""
    name = _fold(text[it.name_start : it.end])
    if it.start != it.name_start or name.startswith("ال") or not name.endswith("يه"):
        return False
    return _prev_word(text, it.start) in ("غير", "وغير")


def _word_at(text: str, start: int, end: int) -> str:
    """The whole word the span lies in (its proclitics included)."""
    s = start
    while s > 0 and "\u0621" <= text[s - 1] <= "\u064a":
        s -= 1
    return text[s:end]


def _means(text: str, it: _Item) -> bool:
    """ "بواسطة" read as "ب" and the village Wasta, or the word it governs."""
    return _fold(_word_at(text, it.name_start, it.end)) in _MEANS or (
        _prev_word(text, it.start) in _MEANS
    )


def _dual_anaphora(text: str, it: _Item) -> bool:
    """ "على القريتين" after "بقريتي الشراشير والحويز": the two villages named before."""
    name = _fold(text[it.name_start : it.end])
    if not (name.startswith("ال") and name.endswith("ين")) or it.cue is not None:
        return False
    stem = name[2:-2]
    if stem.translate(AR_FOLD) not in {s.translate(AR_FOLD) for s in _DUAL_STEMS}:
        return False
    if named_by_noun(text, it.start):
        return False
    before = _fold(text[: it.start])
    if re.search(rf"(?<![{_AR_CH}])[وفبل]?{stem}ي(?![{_AR_CH}])", before) is not None:
        return True
    # the same dual with the pair in apposition, here or elsewhere in the text: "القريتين
    # "حوارين ومهين"" (the two villages, Hawarin and Mahin), round 25
    pair = rf"(?<![{_AR_CH}])[وفبل]?ال{stem}ين[ \t]+[\"“«]?[{_AR_CH}]+[ \t]+و[{_AR_CH}]"
    return re.search(pair, _fold(text)) is not None


def home_countries(index: _Index, home: str = "") -> frozenset[str]:
    """The countries whose readings of a name are "at home" for the Arabic minor-name rules:
    the extraction's home country (its bias) when given, else the gazetteer's home
    countries. A country loaded later by ``geocode(country=)`` joins the gazetteer's home
    countries, but an extraction biased to Syria still reads its towns as abroad.

    Examples
    --------
    >>> home_countries(None, "SY")
    frozenset({'SY'})
    """
    return frozenset({home}) if home else index.gaz.home_countries


def common_at_home(
    text: str, it: _Item, index: _Index, homes: frozenset[str] | None = None
) -> bool:
    """Whether a one-word Arabic name is a common word whose every reading is a village or
    a town under 100,000 at home, or a sub-district (none abroad, no district seat).

    Examples
    --------
    >>> common_at_home("", _Item(0, 0, 0, ()), None)
    False
    """
    if it.nwords != 1 or not it.payloads:
        return False
    name = text[it.name_start : it.end]
    if " " in name.strip() or not is_common_word(name):
        return False
    home = index.gaz.home_countries if homes is None else homes
    cands = _candidates(index, it.payloads)
    return bool(cands) and all(p.country in home and _minor_at_home(p) for p, _ in cands)


def _minor_at_home(p) -> bool:  # noqa: ANN001 (a Place)
    if p.extra.get("region") or p.kind == "country":
        return False
    if p.kind == "admin area":
        return (p.level or 0) >= 3
    return p.kind == "populated place" and p.population < _HOME_LIMIT


def agreement_drops(text: str, it: _Item) -> bool:
    """Whether agreement, a preposition of means or a dual shows a one-word Arabic name to
    be no place (see the module's notes).

    Parameters
    ----------
    text : str
        The text.
    it : _Item
        A name selected in it.

    Returns
    -------
    bool
        True when the name is an adjective, a preposition of means or what it governs, or
        a dual that refers back.

    Examples
    --------
    >>> t = "بمساهمتهما في المظاهرات السلمية ضد النظام"
    >>> agreement_drops(t, _Item(24, 31, 24, ()))
    True
    >>> agreement_drops("في مدينة السلمية", _Item(9, 16, 9, ()))
    False
    """
    if it.nwords != 1 or not any("\u0621" <= c <= "\u064a" for c in text[it.start : it.end]):
        return False
    return (
        _adjective_of_definite_plural(text, it)
        or _adjective_of_definite_noun(text, it)
        or _adjective_of_settlements(text, it)
        or _adjective_chain(text, it)
        or _negated_adjective(text, it)
        or _means(text, it)
        or _dual_anaphora(text, it)
    )


def drop_agreement_words(text: str, found: list) -> list:
    """The places found by their construction ("بلدات X") without the one-word Arabic
    names that agreement shows to be adjectives ("بلدات كثيرة", many towns) or whose class
    makes them no place (an ordinal: "وسابع في الجيزة", and a seventh in Jiza).

    Parameters
    ----------
    text : str
        The text.
    found : list of PlaceMention
        Places found by the words around them.

    Returns
    -------
    list of PlaceMention
        ``found`` without those names.

    Examples
    --------
    >>> drop_agreement_words("بلدات كثيرة", [])
    []
    """
    out = []
    for m in found:
        words = text[m.start : m.end].split()
        one = _Item(m.start, m.end, m.start, ())
        if len(words) == 1 and (agreement_drops(text, one) or word_class_drops(text, one)):
            continue  # "بلدات كثيرة"; "وسابع في الجيزة", an ordinal in a list (round 25)
        if unknown_is_word(text, m.start, m.end):  # "قرى وبلدات", "وعدد من القرى"
            continue
        out.append(m)
    return out
