"""The geoparser's gate on names found by the loose transliteration key only.

A press spelling that differs from the gazetteer's by its ending, its vowels or a doubled
letter (Atme for Atma, Merc ez Zuhur for Marj Elzohur) is found by the loose key of
:mod:`geozones.gazetteer._loose`. Loose keys collide more often than exact ones, so such
a name is kept only where the text's other places are: one of its senses within
:data:`LOOSE_NEAR_KM` of the centre of the towns the text names exactly. A loose name far
from them is left to the context rules (a village the gazetteer does not know, placed
where its sentence says). When the text names no town at home exactly, a loose name with
one sense at home (a town and the district named after it count as one) is kept, and so is
one whose one sense lies in a governorate the text names ("the Atme settlement" in a text on
Idlib province: Atma, 40 km from the city of Idlib).

The other way round, a press spelling may match exactly a village far away while the
village the story is about bears another spelling of the same loose key ("Hader" matches the
Hadher south of Aleppo exactly, Hadar on the Golan loosely, and the story's other places are
Quneitra, the Golan and Daraa): an exact village name whose every sense lies farther than
:data:`EXACT_FAR_KM` from the text's other places gives way to its loose namesake near them.
"""

from __future__ import annotations

import dataclasses
import re

from ..._text import fold
from ...projection import haversine_km
from ..scan._index import _candidates, _Index
from ..scan._loose_ch import loose_key
from ..scan._select import _Item, _titled_name
from ..scan._unlisted import _home_centre, _in_governorates, named_governorates

#: Greatest distance (km) from the text's home centre of a sense found by the loose key.
LOOSE_NEAR_KM = 35.0
#: An exact village name this far from every other place of the text …
EXACT_FAR_KM = 100.0


def _anchors(items: list[_Item], index: _Index, bias: str) -> list[tuple[float, float]]:
    """The home centre of the text, every town it names that has one sense, and every
    named region it names that has one ("the Kurdish Mountains", beside Kabani)."""
    centre = _home_centre(items, index, bias)
    pts = [centre] if centre else []
    for it in items:
        cands = [p for p, _ in _candidates(index, it.payloads)]
        towns = [p for p in cands if p.kind == "populated place"]
        regions = [p for p in cands if p.extra.get("region")]
        if len(towns) == 1:
            pts.append((towns[0].lat, towns[0].lon))
        elif not towns and len(regions) == 1 and regions[0].country == bias:
            pts.append((regions[0].lat, regions[0].lon))
    return pts


def keep_near_loose(items: list[_Item], index: _Index, bias: str, text: str = "") -> list[_Item]:
    """Drop the loose-key items with no sense near the text's home centre; keep, of those
    near it, only the near senses.

    Parameters
    ----------
    items : list of _Item
        The names selected in a text.
    index : _Index
        The geoparser's index.
    bias : str
        The home country.

    Returns
    -------
    list of _Item
        ``items`` without the far loose ones.

    Examples
    --------
    >>> keep_near_loose([], None, "SY")
    []
    """
    if not any(it.loose for it in items):
        return items
    exact = [it for it in items if not it.loose]
    anchors = _anchors(exact, index, bias)
    at_home = _home_centre(exact, index, bias) is not None
    governorates = named_governorates(exact, index, bias)
    out = []
    for it in items:
        if not it.loose:
            out.append(it)
            continue
        home = tuple(pl for pl in it.payloads if index.place(pl).country == bias)
        near = tuple(
            pl
            for pl in home
            if any(haversine_km(index.place(pl).lat, index.place(pl).lon, *a) <= LOOSE_NEAR_KM
                   for a in anchors)
        )  # fmt: skip
        one = len({index.place(pl).name for pl in home}) == 1  # a town and its district
        if _titled_name(text[it.name_start : it.end]):  # it beat a person by its length:
            near = tuple(pl for pl in near if _seat(index.place(pl)))  # a known town near
            one = False  # the story only ("Sheikh Miskeen", a subdistrict's seat by Nawa;
            if not near:  # not the hamlet Sheikh Idris for "Sheikh Idriss")
                continue
        capital = _capital_name(home, index) and bool(
            _LOCATIVE_BEFORE.search(text[max(0, it.start - 16) : it.start])
        )  # "from Deir Ezzor to al-Hassakeh": a capital's name, however far
        if near or one and (not at_home or _in_named(home, governorates, index) or capital):
            it.payloads = near or home  # nothing at home to be near, or in a governorate
            out.append(it)  # the text names: one sense at home
        elif inside := in_named_only(home, governorates, index):
            it.payloads = inside  # "Al-Suwaidaa" in a story on Sweida: As-Sweida, not the
            out.append(it)  # Sweida of Raqqa or of Hama
        elif _settlement_named(text, it, home, index):
            it.payloads = home  # "near the city of Baghouz" in a story on Qamishli
            out.append(it)
    return out


#: A town of this many people or more is known by its name, however the press spells it.
KNOWN_TOWN_POPULATION = 10_000


def _seat(p) -> bool:  # noqa: ANN001 (a Place)
    """Whether a place is a town the press knows: the seat of a district or subdistrict, or
    one of :data:`KNOWN_TOWN_POPULATION` people or more."""
    return p.kind == "populated place" and (
        bool(p.extra.get("capital_level")) or p.population >= KNOWN_TOWN_POPULATION
    )


def in_named_only(home: tuple, governorates: frozenset[str], index: _Index) -> tuple:
    """The senses of a loose name that lie in a governorate the text names (or are one),
    when they all bear one name: the one reading the text's own governorates leave.

    Examples
    --------
    >>> in_named_only((), frozenset(), None)
    ()
    """
    if not governorates:
        return ()
    inside = tuple(pl for pl in home if _in_governorates(index.place(pl), governorates))
    return inside if len({_base_name(index.place(pl).name) for pl in inside}) == 1 else ()


#: A settlement's noun right before a name: "the city of X", "the town of X".
_SETTLEMENT_OF = re.compile(r"\b(?:city|town|village)\s+of\s+(?:the\s+)?$", re.I)


def _settlement_named(text: str, it: _Item, home: tuple, index: _Index) -> bool:
    """Whether a loose name stands after a settlement's noun ("the city of Baghouz") and
    its senses at home are towns of one name (a village split in two counts as one): the
    text says it is a town, and the gazetteer knows one such town, however far from the
    story's other places."""
    if not home or not _SETTLEMENT_OF.search(text, max(0, it.start - 30), it.start):
        return False
    places = [index.place(pl) for pl in home]
    towns = [p for p in places if p.kind == "populated place"]
    return bool(towns) and len({_base_name(p.name) for p in towns}) == 1


#: What a gazetteer name adds to the name a story uses: the qualifier of a village split in
#: two ("Upper Rmeilan", "Lower Rmeilan"), a second village joined to it ("Maskana - Onaiza").
_QUALIFIERS = re.compile(r"^(?:Upper|Lower)\s+|\s+(?:Fawqani|Tahtani)$|\s+-\s+.*$")


def _base_name(name: str) -> str:
    """The name a story uses for a gazetteer entry ("Maskana - Onaiza" → "Maskana")."""
    return _QUALIFIERS.sub("", name)


#: A preposition of place right before a name (the loose capital's cue, "to al-Hassakeh";
#: not "des droits de l'Hommes", French "men").
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|to|from|near|at|of|and|between|towards?|around|outside|into|across)[ \t]+\Z"
)


def _capital_name(home: tuple, index: _Index) -> bool:
    """Whether the one name of a loose match is a governorate's capital (and its
    governorate): a name every reader knows however the press spells it ("from Deir Ezzor to
    al-Hassakeh" for Al-Hasakeh; round 25), when a preposition of place stands before it."""
    return any(index.place(pl).extra.get("capital_level") == 1 for pl in home)


def _in_named(home: tuple, governorates: frozenset[str], index: _Index) -> bool:
    """Every sense lies in a governorate the text names (the "Atme" camps in a text on
    Idlib province: Atma, 40 km from the city of Idlib, in its governorate)."""
    return bool(governorates) and all(index.place(pl).governorate in governorates for pl in home)


#: … and smaller than this (a town this big is named as itself).
EXACT_FAR_MAX_POPULATION = 20_000


def prefer_near_spelling(text: str, items: list[_Item], index: _Index, bias: str) -> list[_Item]:
    """Give an exact village name whose every sense lies far from the text's other places
    the senses of its loose key that lie near them ("Hader" in a story of the Golan: Hadar,
    not the Hadher south of Aleppo).

    Parameters
    ----------
    text : str
        The text.
    items : list of _Item
        The names selected in it.
    index : _Index
        The geoparser's index.
    bias : str
        The home country.

    Returns
    -------
    list of _Item
        ``items``, such names with their near senses.

    Examples
    --------
    >>> prefer_near_spelling("", [], None, "SY")
    []
    """
    out, seen = [], {}  # one answer per spelling and senses: the work stays linear
    for it in items:
        key = (text[it.name_start : it.end], it.payloads)
        if not it.loose and key not in seen:
            seen[key] = _near_namesakes(key[0], it, items, index, bias)
        near = () if it.loose else seen[key]
        out.append(dataclasses.replace(it, payloads=near) if near else it)
    return out


def _near_namesakes(written: str, it: _Item, items: list[_Item], index: _Index, bias: str) -> tuple:
    """The loose-key senses of ``it`` near the other places, when all its own are far."""
    cands = [p for p, _ in _candidates(index, it.payloads)]
    if not cands or not written.isascii() or any(
        not (p.kind == "populated place" or p.kind == "admin area" and (p.level or 0) >= 2)
        or p.country != bias
        or p.population >= EXACT_FAR_MAX_POPULATION for p in cands
    ):  # fmt: skip
        return ()
    got = index.loose.get(f" {loose_key(fold(written))} ", None)
    others_sensed = [pl for pl in got[1] if pl not in it.payloads] if got else []
    if not others_sensed:
        return ()  # the loose key knows no other namesake (most names: no more work)
    names = {p.name for p in cands}
    others = [o for o in items if not names & {p.name for p, _ in _candidates(index, o.payloads)}]
    anchors = _anchors(others, index, bias)
    if len(anchors) < 2 or any(_within(p, anchors, EXACT_FAR_KM) for p in cands):
        return ()
    return tuple(
        pl for pl in others_sensed
        if pl.kind == "g" and index.place(pl).country == bias
        and _within(index.place(pl), anchors, LOOSE_NEAR_KM)
    )  # fmt: skip


def _within(p, anchors: list[tuple[float, float]], km: float) -> bool:  # noqa: ANN001 (a Place)
    return any(haversine_km(p.lat, p.lon, *a) <= km for a in anchors)
