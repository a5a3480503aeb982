"""A region word and the country after a preposition: "في منطقة الساحل بسوريا".

Arabic says "the coast in Syria" ("الساحل بسوريا", "الساحل في سوريا") as often as "the
Syrian coast" ("الساحل السوري"): the preposition and the country do what the adjective
does. A definite word right before "بسوريا" / "في سوريا" (either spelling of the country)
that the regions table holds with the adjective ("الساحل السوري", "البادية السورية") is that
region; the bare word elsewhere ("الساحل" of another country, of the sea) stays a word.
"""

from __future__ import annotations

import re

from .._results import PlaceMention
from ..scan._index import _Index

#: A definite word, then "in Syria" (ب glued or "في" apart).
_IN_SYRIA = re.compile(
    r"(?<![\u0621-\u064a])(?P<word>ال[\u0621-\u064a]{3,})[ \t]+(?:ب|في[ \t]+)سوري[اة]"
    r"(?![\u0621-\u064a])"
)


def country_regions(text: str, places: list[PlaceMention], index: _Index) -> list[PlaceMention]:
    """``places`` with the regions named by a word and "in Syria" (see the module).

    Examples
    --------
    >>> import geozones
    >>> t = "اندلعت الحرائق في غابات الساحل بسوريا أمس."
    >>> [(m.text, m.place.name) for m in geozones.extract(t).places][:1]
    [('الساحل', 'Syrian coast')]
    """
    if "سوري" not in text:
        return places
    found = []
    for m in _IN_SYRIA.finditer(text):
        s, e = m.span("word")
        if any(p.start < e and s < p.end for p in places):
            continue
        word = m.group("word")
        region = next(
            (p for adj in ("السوري", "السورية") for p in index.lookup(f"{word} {adj}", top=3)
             if p.source in ("regions", "geoparse-regions") and p.score >= 1.0),
            None,
        )  # fmt: skip
        if region is not None:
            found.append(PlaceMention(word, s, e, region, "region", s, e))
    return sorted(places + found, key=lambda p: p.start) if found else places
