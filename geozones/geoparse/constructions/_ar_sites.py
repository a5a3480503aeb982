"""A bridge, roundabout or square named after a far city is a site where the story is: "جسر
بغداد قرب دمشق" (the Baghdad Bridge, by Damascus), not Baghdad.

Arabic names many sites after the city their road leads to or after a famous one: "جسر بغداد",
"دوار حلب", "ساحة بيروت". After such a site noun a name whose reading lies abroad (in a
country the text does not name by itself) or far (beyond :data:`FAR_KM`) from every other
place of the sentence is the site's name: the mention becomes the site ("جسر بغداد"),
unresolved, at the town the text places it by ("قرب دمشق", "في حمص") or else at the
nearest home town of its sentence. A site named after a town nearby ("جسر الرستن", "دوار
باب تدمر") stays that town, as the set marks it.

A mountain or a range is named after a town at its foot the same way: "جبل عندان" (the
Anadan hills), "في جبل التركمان". "جبل" without the article right before a town the
gazetteer resolves (and holds no mountain of that name for) is the mountain: one region
mention of both words, at the town's point, as the set marks the ranges.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...projection import haversine_km
from .._results import PlaceMention
from ._unknown import _context_place

#: A site noun (no article) right before a name: bridge, roundabout, square, junction.
_SITE_NOUN = re.compile(r"(?<![\u0621-\u064a])[وبلف]?(?P<noun>جسر|دوار|ساحة|مفرق|عقدة)[ \t]+$")
#: What places the site by a town right after its name: "قرب دمشق", "في حمص", "بحمص".
_BY_TOWN = re.compile(r"[ \t]*(?:(?:قرب|بالقرب[ \t]+من|في|عند|داخل|وسط)[ \t]+|ب)?")
#: A reading farther than this (km) from every other place of the sentence is not meant.
FAR_KM = 100.0
_STOPS = ".!?؟\n"


def _sentence(text: str, pos: int) -> tuple[int, int]:
    a = max(text.rfind(c, 0, pos) for c in _STOPS) + 1
    ends = [i for i in (text.find(c, pos) for c in _STOPS) if i != -1]
    return a, min(ends) if ends else len(text)


def far_named_sites(text: str, places: list[PlaceMention], bias: str) -> list[PlaceMention]:
    """Sites named after a far city read as sites where the story is (see the module).

    Examples
    --------
    >>> import geozones
    >>> t = "استهدف القصف منطقة الكسوة ومرج السلطان وجسر بغداد قرب دمشق."
    >>> [(m.text, m.resolved) for m in geozones.extract(t).places][2:]
    [('جسر بغداد', False), ('دمشق', True)]
    """
    if not any(w in text for w in ("جسر", "دوار", "ساحة", "مفرق", "عقدة")):
        return places
    home = [m for m in places if m.kind == "place" and m.resolved and m.place.country == bias]
    out = list(places)
    for i, m in enumerate(places):
        noun = _SITE_NOUN.search(text, max(0, m.start - 8), m.start)
        if noun is None or m.kind != "place" or not m.resolved:
            continue
        a, b = _sentence(text, m.start)
        others = [o for o in home if o is not m and a <= o.start < b]
        if not others or not _far(m, others, bias):
            continue
        by = _BY_TOWN.match(text, m.end)
        after = [o for o in others if by is not None and o.start == by.end()]
        town = after[0] if after else min(others, key=lambda o: abs(o.start - m.start))
        s = noun.start("noun")
        name = text[s : m.end]
        place = _context_place(name, (town.place.lat, town.place.lon), bias)
        out[i] = replace(m, text=name, start=s, name_start=s, place=place,
                         alternatives=(m.place, *m.alternatives), resolved=False)  # fmt: skip
    return out


def _far(m: PlaceMention, others: list[PlaceMention], bias: str) -> bool:
    """Whether the mention's reading lies abroad or beyond FAR_KM of every other place."""
    if m.place.country != bias:
        return True
    return all(
        haversine_km(m.place.lat, m.place.lon, o.place.lat, o.place.lon) > FAR_KM for o in others
    )


#: "جبل" (mountain) without the article right before a name.
_MOUNTAIN = re.compile(r"(?<![\u0621-\u064a])[وبلف]?(?P<noun>جبل)[ \t]+$")


def town_mountains(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """``places`` with each town right after "جبل" read as the mountain named after it, a
    region at the town's point (see the module).

    Examples
    --------
    >>> import geozones
    >>> t = "دخلت القوات مدينة عندان، وحاصرت نقطة المراقبة في جبل عندان."
    >>> [(m.text, m.kind) for m in geozones.extract(t).places]
    [('عندان', 'place'), ('جبل عندان', 'region')]
    """
    if "جبل" not in text:
        return places
    out = list(places)
    for i, m in enumerate(places):
        if m.kind != "place" or not m.resolved or m.place.kind != "populated place":
            continue
        noun = _MOUNTAIN.search(text, max(0, m.start - 8), m.start)
        if noun is not None:
            s = noun.start("noun")
            out[i] = replace(m, text=text[s : m.end], start=s, name_start=s, kind="region")
    return out
