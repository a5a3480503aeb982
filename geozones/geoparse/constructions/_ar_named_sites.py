"""A mosque or a shrine named after a person: a site of the town the text places it in.

Arabic names a mosque, a shrine or a church after a person of the faith: "جامع عثمان بن
عفان", "مسجد أبي بكر الصديق", "مرقد السيدة رقية" (the shrine of Sayyida Ruqayya), "مقام
الشيخ X", "كنيسة مار الياس". The noun of the site (جامع, مسجد, مرقد, مقام, ضريح, كنيسة)
without the article, then a person's name — an honorific and a name ("السيدة رقية",
"الشيخ X", "الإمام X", "مار X"), or a name with its father's after "بن" ("أبي بن كعب"), or
a kunya ("أبي بكر") — is a building with a name of its own, which the set marks as a place
at its town's point (the README's building rule). The town is the one the text places it
in right after its name ("في دمشق", "بدمشق"), else the nearest city of its sentence, else
the city the text names most. A word of the person's name that the gazetteer reads as a
village ("السيدة", "عفان") is part of the site's name, not that village. "في جامع الحي"
(the quarter's mosque) or "مسجد المدينة" name no person: not read.
"""

from __future__ import annotations

import re

from .._results import PlaceMention
from ._ar_quarters import _city_for, _is_city
from ._unknown import _context_place

#: An Arabic word, with the marks a text may write on its letters ("أٌبي").
_W = r"[\u0621-\u064a][\u0621-\u0652\u0640]*"
#: The nouns of a site of worship (a clinging و, ب, ل or ف before them).
_NOUN = r"(?<![\u0621-\u064a])[وبلف]?(?P<noun>جامع|مسجد|مرقد|مقام|ضريح|كنيسة|كنيسه)"
#: Honorifics before a person's name ("السيدة رقية", "الشيخ عيسى", "مار الياس").
_HONORIFIC = r"(?:السيدة|السيده|الشيخ|الإمام|الامام|النبي|سيدي|مار|القديس|القديسة)"
_SITE = re.compile(
    rf"{_NOUN}[ \t]+(?P<name>{_HONORIFIC}[ \t]+{_W}|{_W}[ \t]+(?:بن|ابن)[ \t]+(?:عبد[ \t]+)?{_W}"
    rf"|(?:أبو|ابو|أبي|ابي)[ \t]+{_W})(?![\u0621-\u0652])"
)
#: A town right after the site's name: "في دمشق", "بدمشق", "وسط حلب".
_IN_TOWN = re.compile(r"[ \t]*[،,]?[ \t]*(?:(?:في|داخل|وسط|قرب)[ \t]+(?:مدينة[ \t]+)?|ب)")


def person_named_sites(text: str, places: list[PlaceMention], bias: str) -> list[PlaceMention]:
    """``places`` with the mosques and shrines named after a person (see the module) read
    as sites of their town, at its point (unresolved), the places inside their names gone.

    Examples
    --------
    >>> import geozones
    >>> t = "سقطت قذيفة قرب جامع سعد بن معاذ في مدينة حمص."
    >>> [(m.text, round(m.place.lat, 1)) for m in geozones.extract(t).places]
    [('جامع سعد بن معاذ', 34.7), ('مدينة حمص', 34.7)]
    >>> [m.text for m in geozones.extract("صلى في مسجد المدينة في حمص").places]
    ['حمص']
    """
    if not any(w in text for w in ("جامع", "مسجد", "مرقد", "مقام", "ضريح", "كنيس")):
        return places
    cities = [m for m in places if _is_city(m) and m.place.country == bias]
    out = list(places)
    for m in _SITE.finditer(text):
        s, e = m.start("noun"), m.end()  # "ومرقد السيدة رقية": without the clinging و
        inside = [p for p in out if s <= p.start and p.end <= e]
        if any(p.start < e and s < p.end for p in out if p not in inside):
            continue  # a longer name the gazetteer holds ("مقام السيدة زينب")
        if any(p.start == s and p.end == e for p in inside):
            continue
        town = _town(text, e, places, cities)
        if town is None:
            continue
        where = (town.place.lat, town.place.lon)
        site = PlaceMention(text[s:e], s, e, _context_place(text[s:e], where, bias), "place",
                            s, e, resolved=False)  # fmt: skip
        out = sorted([p for p in out if p not in inside] + [site], key=lambda p: p.start)
    return out


def _town(
    text: str, end: int, places: list[PlaceMention], cities: list[PlaceMention]
) -> PlaceMention | None:
    """The town named right after the site ("في دمشق"), else the story's city."""
    cue = _IN_TOWN.match(text, end)
    if cue is not None:
        after = [p for p in places if p.start == cue.end() and p.resolved and p.kind == "place"]
        after = [p for p in after if p.place.kind == "populated place"]
        if after:
            return after[0]
    return _city_for(text, end, cities)
