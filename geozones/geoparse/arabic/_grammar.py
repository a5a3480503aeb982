"""Arabic words that the grammar shows to be no place name, whatever they match.

Folded to matching keys, many Arabic words of every sentence spell a place somewhere
("وأن", and that: Van in Turkey; "إلا", except: the village of Alala; "العدوان", the
aggression: Edwan). Three rules of the language tell them apart, with no list of words:

* **particles**: a particle of the closed class (أن، إن، إلا، لا، ما، لم، لن، قد، …),
  with a clinging و or ف ("وأن", "فإن"), is a word of the sentence, never a name; the
  hamza the text writes decides ("وأن" is "and that", "وان" may be Van);
* **tanween**: a word written with the indefinite ending (ـاً, ـٌ, ـٍ: "المدعومة تركياً",
  Turkish-backed; "جندياً") is an indefinite noun or an adverb: a place's name is definite
  and never takes it;
* **nationality**: a word qualified by a nationality adjective ("العدوان التركي", the
  Turkish aggression) is a place only in that nationality's country ("الريحانية التركية",
  Reyhanlı in Turkey): a match whose every reading lies in another country is a common
  noun;
* **the noun "city"**: a match that opens with "مدينة" ("من مدينة حمص") names the city,
  only its readings as a populated place are kept (the gazetteer holds "مدينة حمص" as a
  key of the governorate too; "مدينة دمشق" only as the governorate's, whose city is
  then read from the name after the noun); so does "القديمة" after the name ("منطقة حلب
  القديمة", the old city of Aleppo).
"""

from __future__ import annotations

import dataclasses
import re

from ..scan import _context as ctx
from ..scan._index import _candidates, _Index, _scan
from ..scan._select import _Item
from ._accusative import accusative_adjective
from ._common import strip_marks
from ._name_prefix import opened_by_name_noun
from ._suffixes import noun_with_pronoun

#: The particles (as written, hamza included; a clinging و or ف is dropped before the test).
PARTICLES = frozenset(
    """أن إن أنّ إنّ إلا ألا لا ما لم لن قد كي لكن لكنّ ثم أو أم بل إذ إذا لو لولا لعل ليت
    كأن كأنّ هل سوف كلا إنما أنما""".split()
)
_TANWEEN = "\u064b\u064c\u064d"
_AR = "\u0621-\u064a"
#: The nationality adjective after a word: the article and a nisba ending.
_ADJ_AFTER = re.compile(rf"\s+((?:ال)[{_AR}]{{3,}}(?:ي|ية|يه|يين|يون))(?![{_AR}])")
_NISBA = re.compile(r"(?:ية|يه|يين|يون|ي)$")
#: A military base or post right before a name: a nationality adjective after the name
#: says whose the base is ("قاعدة حميميم الروسية", "نقطة مورك التركية"), not where it is.
_BASES = "قاعدة|قاعده|قواعد|نقطة|نقطه|نقاط"
_BASE_BEFORE = re.compile(rf"(?<![{_AR}])[وبلف]?(?:{_BASES})[ \t]+$")
#: … or opening the name the gazetteer holds for the base ("قاعدة حميميم").
_BASE_OPENING = re.compile(rf"[وبلف]?(?:{_BASES})[ \t]+")


def is_particle(word: str) -> bool:
    """Whether an Arabic word is a particle, a clinging و or ف aside.

    Examples
    --------
    >>> is_particle("وأن"), is_particle("إلا"), is_particle("وان"), is_particle("حلب")
    (True, True, False, False)
    """
    w = word.replace("ـ", "").strip()
    return w in PARTICLES or (len(w) > 2 and w[0] in "وف" and w[1:] in PARTICLES)


def has_tanween(text: str, start: int, end: int) -> bool:
    """Whether the word ``text[start:end]`` is written with the indefinite ending: a
    tanween that ends a word (after its last letter, or on the alif after it: "تركياً"). A
    tanween inside a word ("جامع أٌبي بن كعب", a stray mark on the first letter) ends none.

    Examples
    --------
    >>> has_tanween("المدعومة تركياً بالقذائف", 9, 14)
    True
    >>> has_tanween("المدعومة من تركيا", 12, 17)
    False
    >>> has_tanween("منطقة جامع أٌبي بن كعب", 11, 15)
    False
    """
    stop = min(len(text), end + 1)
    return any(text[i] in _TANWEEN and _word_ends(text, i + 1) for i in range(start, stop))


_WORD_END = re.compile(r"[\u064b-\u0652\u0640]*[اى]?[\u064b-\u0652\u0640]*(?![\u0621-\u064a])")


def _word_ends(text: str, pos: int) -> bool:
    """Whether no letter follows ``pos`` in its word (marks and a final alif aside)."""
    return _WORD_END.match(text, pos) is not None


def drop_grammar_words(text: str, items: list[_Item], index: _Index) -> list[_Item]:
    """The items that are not an Arabic particle, an indefinite word or a noun that a
    nationality adjective places in another country.

    Parameters
    ----------
    text : str
        The text.
    items : list of _Item
        The names selected in it.
    index : _Index
        The gazetteer index (to read the adjective's country).

    Returns
    -------
    list of _Item
        ``items`` without the words the grammar shows to be no place.

    Examples
    --------
    >>> from geozones.geoparse.scan._index import _index_for
    >>> from geozones.geoparse.scan._items import _Item
    >>> text = "قالت المصادر إن انفجارا هز المدينة، وأن عددا من الأشخاص أصيبوا"
    >>> drop_grammar_words(text, [_Item(36, 39, 36, ())], _index_for(None, "SY"))
    []
    """
    out = []
    for it in items:
        name = text[it.name_start : it.end]
        if not re.search(f"[{_AR}]", name):
            out.append(it)
        elif it.nwords == 1 and is_particle(text[it.start : it.end]):
            continue
        elif " " not in name.strip() and has_tanween(text, it.start, it.end):
            continue
        elif it.nwords == 1 and accusative_adjective(text, it.start, it.end, index):
            continue  # "دعما مدفعيا وصاروخيا تركيا": the adjective without its tanween
        elif opened_by_name_noun(text, it):
            continue  # "تل بيدر": another place than Baydar
        elif noun_with_pronoun(text, it):
            continue  # "مقتله", his killing: not the village مقتلة
        else:
            out.extend(
                _city_reading(text, got, index) for got in _in_adjective_country(text, it, index)
            )
    return out


#: "مدينة" (city) opening a match: the gazetteer holds "مدينة حمص" as a key of the city
#: and of the governorate alike.
_CITY_NOUN = re.compile(r"[وفبل]?مدينة[ \t]+")


#: "القديمة" (old) after a town's name: its old city ("حلب القديمة"), a part of the town.
_OLD_CITY = re.compile(r"[ \t]+ال(?:قديمة|قديمه)(?![\u0621-\u064a])")


def _city_reading(text: str, it: _Item, index: _Index) -> _Item:
    """The item with only its readings as a populated place when its match opens with the
    noun "مدينة" (city): "من مدينة حمص" names the city, not the governorate (whose
    centroid lies 130 km east); so does "القديمة" (old) after it: "في منطقة حلب القديمة"
    is the old city of Aleppo, a part of the city, not the area. Unchanged when no reading
    is a populated place."""
    m = _CITY_NOUN.match(text, it.name_start, it.end)
    if m is None:
        if not _OLD_CITY.match(text, it.end):
            return it
        kept = tuple(p for p in it.payloads if _is_town(index, p))  # "منطقة حلب القديمة"
        return dataclasses.replace(it, payloads=kept, cue=None) if kept else it
    payloads = it.payloads
    if not any(_is_town(index, p) for p in payloads):  # "مدينة دمشق": the governorate's key
        rest = text[m.end() : it.end]
        payloads = tuple(
            p for got in _scan(rest, index) if got.start == 0 and got.end == len(rest)
            for p in got.payloads
        )  # fmt: skip
    kept = tuple(p for p in payloads if _is_town(index, p))
    return dataclasses.replace(it, payloads=kept) if kept else it


def _is_town(index: _Index, payload) -> bool:  # noqa: ANN001 (a private _Payload)
    return any(c.kind == "populated place" for c, _ in _candidates(index, (payload,)))


def _in_adjective_country(text: str, it: _Item, index: _Index) -> list[_Item]:
    """The item with only its readings in the country of the nationality adjective after
    it ("الريحانية التركية": Reyhanlı, not the Syrian Rihaniya); none when no reading lies
    there ("العدوان التركي"); the item as it is without such an adjective, or where a base
    before it owns the adjective ("قاعدة حميميم الروسية")."""
    m = _ADJ_AFTER.match(text, it.end)
    if m is None or not it.payloads or not ctx.arabic_adjective(m.group(1)):
        return [it]
    if _BASE_BEFORE.search(text, max(0, it.start - 12), it.start) or _BASE_OPENING.match(
        text, it.start
    ):
        return [it]  # "قاعدة حميميم الروسية": the base is Russian, Hmeimim is where it is
    country = _adjective_country(m.group(1), index)
    if country is None:
        return [it]
    kept = tuple(p for p in it.payloads if _country_of(index, p) == country)
    if len(kept) == len(it.payloads):
        return [it]
    return [dataclasses.replace(it, payloads=kept)] if kept else []


def _country_of(index: _Index, payload) -> str | None:  # noqa: ANN001 (a private _Payload)
    got = _candidates(index, (payload,))
    return got[0][0].country if got else None


def _adjective_country(adj: str, index: _Index) -> str | None:
    """The country a nationality adjective names ("التركي" → TR, "السورية" → SY), read from
    the gazetteer: its stem with يا ("تركيا"), ا ("أمريكا") or bare ("إيران") names it."""
    stem = _NISBA.sub("", strip_marks(adj)[2:])
    for word in (stem + "يا", stem + "ا", stem):
        for m in _scan(word, index):
            if m.start == 0 and m.end == len(word):
                for p, _ in _candidates(index, m.payloads):
                    if p.kind == "country":
                        return p.country
    return None
