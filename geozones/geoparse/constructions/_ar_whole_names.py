"""A village's name the construction sets off as one, read as two: "بقرية عقارب الصافية".

The noun before a name ("قرية", "بلدة") sets off one village's name, of one word or two
("عقارب الصافية", Aqarib al-Safiyah). When the gazetteer holds the village under its first
word only (OCHA "Aqareb") and the second word is read as another place that the story
does not place near it (a Safiyeh by Tartous 100 km off, left unresolved or far), the two
are one village: the first mention takes the whole name, the second goes.

A name of three words whose second word joins a person's name to the first ("ضهرة عبد
ربه", "فيضة ابن موينع": a place named after a person, عبد, ابن, أبو …) is one name too: a
word of the person's name the gazetteer reads as a village ("عبد") is no place of its own,
and the construction's item is left whole for the passes that place it. After a noun of
area or settlement the same holds where the gazetteer reads the first word alone ("بمنطقة
فيضة ابن موينع، التي تقع جنوب مدينة الميادين": not the Fayda of Hama, 300 km off): the
whole name is a place the gazetteer lacks, at the city its sentence names.

After a singular noun of settlement, a name of two words without the article whose first
word alone the gazetteer reads as a village far from the place the clause goes on to name
("في محيط قرية ميدان غزال في جبل شحشبو": not the Maydan 200 km off) is one village the
gazetteer lacks, placed at that place (the README's rule for a namesake 300 km away).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ...projection import haversine_km
from .._results import PlaceMention
from ._ar_quarters import _city_for, _is_city
from ._unknown import _context_place

#: The second word's own reading this far (km) from the first's is no place of the story.
SECOND_FAR_KM = 50.0
#: The words that join a person's name to the word before it ("ضهرة عبد ربه").
_NAME_LINKS = frozenset("عبد ابن بن أبو ابو أبي ابي أم ام بني".split())


def _named_after_person(text: str, s: int, e: int) -> bool:
    words = text[s:e].split()
    return len(words) == 3 and words[1] in _NAME_LINKS


def whole_names(
    text: str, places: list[PlaceMention], spans: Sequence[tuple[int, int]]
) -> list[PlaceMention]:
    """``places`` with each construction item read as a village and a far or unresolved
    name right after it made one mention of that village.

    Parameters
    ----------
    text : str
        The text.
    places : list of PlaceMention
        Its place mentions, in text order.
    spans : sequence of (int, int)
        The names constructions set off as one each (:func:`construction_spans` and the
        marked Arabic lists).

    Returns
    -------
    list of PlaceMention
        ``places``, such pairs made one mention.

    Examples
    --------
    >>> whole_names("", [], [])
    []
    """
    out = list(places)
    drop: set[int] = set()
    for s, e in sorted(set(spans)):
        inside = [i for i, m in enumerate(places) if s <= m.start and m.end <= e]
        if _named_after_person(text, s, e):
            drop.update(i for i in inside if places[i].start > s)
            continue
        if len(inside) != 2:
            continue
        i, j = inside
        a, b = places[i], places[j]
        if a.start != s or b.end != e or text[a.end : b.start].strip() or " " in b.text:
            continue  # one word after the village, only a space between
        if a.kind != "place" or b.kind != "place" or not a.resolved:
            continue
        far = haversine_km(a.place.lat, a.place.lon, b.place.lat, b.place.lon) > SECOND_FAR_KM
        if b.resolved and not far:
            continue  # two places of the story side by side
        out[i] = replace(a, text=text[a.start : e], end=e, name_end=e)
        drop.add(j)
    return [m for k, m in enumerate(out) if k not in drop]


#: A noun of area or settlement right before a name ("بمنطقة", "قرية").
_AREA_BEFORE = re.compile(r"(?<![\u0621-\u064a])[وبلف]?(?:منطقة|قرية|بلدة|مزرعة)[ \t]+$")
#: A person's name after a village's: "ابن" or "بن" and a name without the article.
_SON_OF_AFTER = re.compile(r"[ \t]+(?:ابن|بن)[ \t]+(?!ال)[\u0621-\u064a]{3,}(?![\u0621-\u064a])")
#: A village's reading this big is a town the text may well mean.
SMALL_POPULATION = 10_000


def son_of_names(text: str, places: list[PlaceMention], bias: str) -> list[PlaceMention]:
    """``places`` with a village read from the first word of a name "X ابن Y" after a noun
    of area made that whole name, at the city of its sentence (see the module).

    Examples
    --------
    >>> import geozones
    >>> t = "قتل جنود في كمين بمنطقة فيضة ابن موينع، جنوب مدينة الميادين."
    >>> [m.text for m in geozones.extract(t).places]
    ['فيضة ابن موينع', 'الميادين']
    """
    if "بن " not in text:
        return places
    cities = [m for m in places if _is_city(m) and m.place.country == bias]
    out = list(places)
    for i, m in enumerate(places):
        if m.kind != "place" or not m.resolved or m.place.population >= SMALL_POPULATION:
            continue
        opened = m.name_start > m.start  # "منطقة فيضة": the gazetteer's key holds the noun
        if not opened and not _AREA_BEFORE.search(text, max(0, m.start - 10), m.start):
            continue
        son = _SON_OF_AFTER.match(text, m.end)
        city = _city_for(text, m.start, [c for c in cities if c is not m]) if son else None
        if son is None or city is None:
            continue
        s, e = m.name_start, son.end()
        place = _context_place(text[s:e], (city.place.lat, city.place.lon), bias)
        out[i] = PlaceMention(text[s:e], s, e, place, "place", s, e, resolved=False,
                              alternatives=(m.place, *m.alternatives))  # fmt: skip
    return out


#: A singular noun of settlement right before a name ("قرية", "بلدة").
_SETTLEMENT_BEFORE = re.compile(r"(?<![\u0621-\u064a])[وبلف]?(?:قرية|بلدة)[ \t]+$")
#: A second word without the article, then "في" and the place the clause names.
_SECOND_THEN_IN = re.compile(
    r"[ \t]+(?!ال)[\u0621-\u064a]{3,}(?![\u0621-\u064a])[ \t]+(?:في|ب)[ \t]*"
)
#: Words that never go on a village's name after its first word.
_NOT_SECOND = frozenset("اليوم امس أمس مساء صباح فجر ليلة يوم بعد قبل منذ خلال".split())
#: The first word's reading this far (km) from the clause's place is another village.
FAR_FROM_CLAUSE_KM = 60.0


def far_first_words(text: str, places: list[PlaceMention], bias: str) -> list[PlaceMention]:
    """``places`` with a village read from the first word of a two-word name after
    "قرية" / "بلدة" made that whole name, at the place its clause names, when the reading
    lies far from that place (see the module).

    Examples
    --------
    >>> import geozones
    >>> t = "قصفت المدفعية محيط قرية ميدان غزال في جبل شحشبو بريف حماة."
    >>> [m.text for m in geozones.extract(t).places][:1]
    ['ميدان غزال']
    """
    out = list(places)
    for i, m in enumerate(places):
        if m.kind != "place" or not m.resolved or " " in m.text or m.place.country != bias:
            continue
        if not _SETTLEMENT_BEFORE.search(text, max(0, m.start - 10), m.start):
            continue
        second = _SECOND_THEN_IN.match(text, m.end)
        if second is None:
            continue
        word = text[m.end : second.end()].split()[0]
        if word in _NOT_SECOND:
            continue
        anchor = next((n for n in places[i + 1 :] if n.start >= second.end()), None)
        if anchor is None or anchor.start != second.end() or anchor.place.country != bias:
            continue
        a, p = anchor.place, m.place
        if haversine_km(a.lat, a.lon, p.lat, p.lon) <= FAR_FROM_CLAUSE_KM:
            continue
        s, e = m.name_start, text.index(word, m.end) + len(word)
        place = _context_place(text[s:e], (a.lat, a.lon), bias)
        out[i] = PlaceMention(text[s:e], s, e, place, "place", s, e, resolved=False,
                              alternatives=(m.place, *m.alternatives))  # fmt: skip
    return out
