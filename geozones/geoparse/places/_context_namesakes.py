"""A name the gazetteer holds under another spelling, where the text says it lies.

A name the gazetteer's variants do not reach is placed by its construction ("the Syrian
town of Akerbat", "near Bureij village") at the centre of the towns around it, unresolved
(``constructions._unknown``). The gazetteer's matching by sound may still know it ("Akerbat":
Oqeirbat, "Huveysis": Hweisis, "Bureij": Breij), beside namesakes elsewhere. The text says
which, by where it puts the name:

* a sound-alike at home that lies within :data:`NAMESAKE_NEAR_KM` of a town the text names
  in the name's sentence or the sentences either side is that town's neighbour, the place
  meant (the nearest, when several lie so near);
* else, when the name's own clause puts it in a governorate ("Akerbat in the east of Hama
  province", "X, in Hama"), a sound-alike inside it, when those inside bear one name: the
  text says where the place is, however far the towns its sentence names lie from it.

A name the gazetteer spells exactly (its readings were weighed, and left, by the rules
before) and a list's member (its list places it) are left as they are.

The clause's governorate also corrects a town the scan read exactly: "the village of Hishmeh
in the north of Hama province" read as Hishmeh of Homs, with no namesake in Hama, is the
sound-alike inside Hama (Hashemiyeh), when those inside bear one name
(:func:`clause_area_namesakes`): a near spelling where the text says beats an exact namesake
elsewhere.

The name is then that place (resolved, with a lower score), and so is every other mention of
the same name placed by the context; a place so found counts as a town for the names after it
("Akerbat" … "near another city of Huveysis": Hweisis, 30 km from Oqeirbat). A sound-alike
neither near the story's towns nor in the governorate its sentence names is a guess: the
name stays unresolved where its construction put it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ...place import Place
from ...projection import haversine_km
from .._results import PlaceMention
from ._town_centre import _sentence

#: Least score of the gazetteer's matching by sound for a sound-alike to count.
NEAR_SPELLING_MIN_SCORE = 0.9
#: A sound-alike this near (km) a town of the name's sentences is its place.
NAMESAKE_NEAR_KM = 35.0
#: A candidate this sure is the gazetteer's own spelling of the name (an exact variant):
#: the scan found it, and the rules that left the name unresolved weighed it already.
EXACT_SCORE = 0.99
#: The score a name so found keeps, times its sound-alike's: a guess by sound and place.
NAMESAKE_SCORE = 0.8


def context_namesakes(
    text: str, places: list[PlaceMention], lookup: Callable[[str], list[Place]], bias: str
) -> list[PlaceMention]:
    """``places`` with the names placed by their context resolved to the gazetteer's
    sound-alike near the towns around them or in the governorate their clause names.

    Parameters
    ----------
    text : str
        The text.
    places : list of PlaceMention
        The text's place mentions, in text order.
    lookup : callable
        A name to the gazetteer's exact and phonetic candidates.
    bias : str
        The home country.

    Returns
    -------
    list of PlaceMention
        ``places``, such names resolved.

    Examples
    --------
    >>> import geozones
    >>> t = ("Troops reached the town of Akerbat in the east of Hama province. "
    ...      "Militants are encircled near Akerbat.")
    >>> [(m.text, m.place.name, m.resolved) for m in geozones.extract(t).places
    ...  if m.text == "Akerbat"]
    [('Akerbat', 'Oqeirbat', True), ('Akerbat', 'Oqeirbat', True)]
    """
    unresolved = [m for m in places if _placed_by_context(m)]
    if not unresolved:
        return places
    towns = [(m.start, m.place) for m in places if _home_town(m, bias)]
    areas = _areas(places, bias)
    chosen: dict[str, Place] = {}
    for m in unresolved:
        name = text[m.name_start : m.name_end]
        if name in chosen or _listed(text, m):
            continue  # a list's member is placed with its list, where its construction put it
        found = [p for p in lookup(name) if p.country == bias]
        if any(p.score >= EXACT_SCORE for p in found):
            continue  # the gazetteer's own spelling: its readings were weighed already
        sounds = [
            p for p in found if p.score >= NEAR_SPELLING_MIN_SCORE and p.kind == "populated place"
        ]
        if not sounds:
            continue
        best = _near_towns(text, m, sounds, towns) or _in_clause_area(text, m, sounds, areas)
        if best is None:
            continue
        chosen[name] = best
        towns += [(o.start, best) for o in unresolved if text[o.name_start : o.name_end] == name]
    if not chosen:
        return places
    out = []
    for m in places:
        p = chosen.get(text[m.name_start : m.name_end]) if _placed_by_context(m) else None
        if p is not None:
            score = round(p.score * NAMESAKE_SCORE, 3)
            m = replace(m, place=p.with_score(score, p.matched), resolved=True)
        out.append(m)
    return out


def clause_area_namesakes(
    text: str, places: list[PlaceMention], lookup: Callable[[str], list[Place]], bias: str
) -> list[PlaceMention]:
    """``places`` with a town read outside the governorate its own clause puts it in ("the
    village of X in the east of Hama province", X read in Idlib) read as the sound-alike
    inside it, when those inside bear one name: the text says where the place is, and a
    near spelling there beats an exact namesake elsewhere. Every mention of the same name
    read the same way follows.

    Examples
    --------
    >>> clause_area_namesakes("", [], lambda n: [], "SY")
    []
    """
    areas = _areas(places, bias)
    if not areas:
        return places
    chosen: dict[tuple[str, str], Place] = {}
    for m in places:
        if not _home_town(m, bias) or _listed(text, m) or m.place.source == "neighbourhoods":
            continue
        named = _clause_areas(text, m, areas)
        if not named or m.place.governorate in named:
            continue
        if any(a.governorate in named and a.kind == "populated place" for a in m.alternatives):
            continue  # a namesake inside: the choice among namesakes weighed it already
        name = text[m.name_start : m.name_end]
        sounds = [
            p for p in lookup(name)
            if p.country == bias and p.kind == "populated place"
            and p.score >= NEAR_SPELLING_MIN_SCORE and p.governorate in named
        ]  # fmt: skip
        if len({p.name for p in sounds}) == 1:
            chosen[(name, m.place.name)] = max(sounds, key=lambda p: p.score)
    if not chosen:
        return places
    out = []
    for m in places:
        p = chosen.get((text[m.name_start : m.name_end], m.place.name))
        if p is not None and _home_town(m, bias):
            score = round(p.score * NAMESAKE_SCORE, 3)
            m = replace(m, place=p.with_score(score, p.matched),
                        alternatives=(m.place, *m.alternatives))  # fmt: skip
        out.append(m)
    return out


def _areas(places: list[PlaceMention], bias: str) -> list[tuple[int, str]]:
    """(start, name) of the governorates the text names as areas."""
    return [
        (m.start, m.place.name)
        for m in places
        if m.kind == "region" and m.place.kind == "admin area" and m.place.level == 1
        and m.place.country == bias
    ]  # fmt: skip


def _placed_by_context(m: PlaceMention) -> bool:
    return not m.resolved and m.kind == "place" and m.place.source == "context"


#: A list's gap before a name ("A, B and X", "أ وX") or after it ("X, B", "X and B").
_LIST_BEFORE = re.compile(r"(?:[,،]|\band|\bor|(?:^|\s)و)\s*$")
_LIST_AFTER = re.compile(
    r"\s*(?:,\s*(?:and\s+)?[A-Z]|،\s*\S|\s+(?:and|or)\s+(?:the\s+)?[A-Z]|\s+و\S)"
)


def _listed(text: str, m: PlaceMention) -> bool:
    """Whether the name stands in a list of names (its list places it)."""
    before = text[max(0, m.name_start - 6) : m.name_start]
    return bool(_LIST_BEFORE.search(before) or _LIST_AFTER.match(text, m.name_end))


def _home_town(m: PlaceMention, bias: str) -> bool:
    return m.resolved and m.kind == "place" and m.place.country == bias


def _around(text: str, pos: int) -> tuple[int, int]:
    """The sentence at ``pos`` with the sentences either side of it."""
    a, b = _sentence(text, pos)
    return _sentence(text, max(0, a - 2))[0], _sentence(text, min(len(text), b + 1))[1]


def _near_towns(
    text: str, m: PlaceMention, sounds: list[Place], towns: list[tuple[int, Place]]
) -> Place | None:
    """The sound-alike nearest a town of the sentences either side of the name's, within
    the near distance, when the name's own sentence names no town (its construction then
    placed it by other sentences' towns, from afar)."""
    names = {p.name for p in sounds}
    a, b = _sentence(text, m.start)
    if any(a <= s < b and t.name not in names for s, t in towns):
        return None  # placed among its own sentence's towns: the text's own word
    lo, hi = _around(text, m.start)
    here = [t for s, t in towns if lo <= s < hi and t.name not in names]
    best, best_km = None, NAMESAKE_NEAR_KM
    for p in sounds:
        for t in here:
            km = haversine_km(p.lat, p.lon, t.lat, t.lon)
            if km <= best_km:
                best, best_km = p, km
    return best


#: What stands between a name and the governorate its own clause puts it in: "Akerbat in
#: the east of Hama province", "X, in Hama", "X inside the southern part of Idlib".
_IN_AREA = re.compile(
    r",?\s+(?:in|inside|within)\s+(?:the\s+)?(?:(?:far\s+)?(?:north|south|east|west)"
    r"(?:-?(?:north|south|east|west))?(?:ern)?\s+(?:(?:part|parts|countryside)\s+)?"
    r"(?:of\s+)?(?:the\s+)?)?",
    re.IGNORECASE,
)


def _in_clause_area(
    text: str, m: PlaceMention, sounds: list[Place], areas: list[tuple[int, str]]
) -> Place | None:
    """The sound-alike inside the governorate the name's own clause puts it in ("the town of
    Akerbat in the east of Hama province"), when those inside bear one name (the best
    scored)."""
    named = _clause_areas(text, m, areas)
    inside = [p for p in sounds if p.governorate in named]
    if len({p.name for p in inside}) != 1:
        return None
    return max(inside, key=lambda p: p.score)


def _clause_areas(text: str, m: PlaceMention, areas: list[tuple[int, str]]) -> set[str]:
    """The governorates the name's own clause puts it in ("X in the east of Hama province")."""
    return {g for s, g in areas if s > m.name_end and _IN_AREA.fullmatch(text, m.name_end, s)}
