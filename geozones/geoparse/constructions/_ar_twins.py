"""The second of two sister villages named by its qualifier alone: "الدير الشرقي والغربي".

Arabic names a pair of sister villages once, the shared name with the first qualifier and
the second qualifier after "و" ("أطراف قرية الدير الشرقي والغربي", the outskirts of the
village of Eastern and Western Deir; "أم تينة الشرقية والغربية"; "الحويجة الكبرى
والصغرى"). A reader supplies the shared name: "والغربي" is Western Deir. The second
village is taken when the gazetteer holds the shared name with that qualifier, next to
the first (a namesake far away is not the sister).
"""

from __future__ import annotations

import re

from ...place import Place
from ...projection import haversine_km
from .._results import PlaceMention
from ..scan._index import _Index

#: The qualifiers of sister villages (masculine and feminine forms).
_QUALIFIERS = (
    "الشرقي|الغربي|الشمالي|الجنوبي|الشرقية|الغربية|الشمالية|الجنوبية|الكبرى|الصغرى"
    "|الكبير|الصغير|الفوقاني|التحتاني|الفوقانية|التحتانية|القبلي|القبلية"
)
_FIRST = re.compile(rf"[ \t]+(?:{_QUALIFIERS})$")
_SECOND = re.compile(rf"[ \t]+و(?P<q>{_QUALIFIERS})(?![\u0621-\u064a])")
#: How far (km) the sister may lie from the first village.
SISTER_KM = 15.0


def elided_twins(text: str, places: list[PlaceMention], index: _Index) -> list[PlaceMention]:
    """The places and the sister villages named by their qualifier alone after one.

    Parameters
    ----------
    text : str
        The text.
    places : list of PlaceMention
        The place mentions, in text order.
    index : _Index
        The gazetteer index (to find the sister's name).

    Returns
    -------
    list of PlaceMention
        ``places`` and the sisters ("والغربي" after "الدير الشرقي": Western Deir).

    Examples
    --------
    >>> elided_twins("", [], None)
    []
    """
    out = list(places)
    taken = {(m.start, m.end) for m in places}
    for m in places:
        first = _FIRST.search(m.text)
        second = _SECOND.match(text, m.end) if first else None
        if first is None or second is None or m.kind != "place":
            continue
        if m.place.kind != "populated place":
            continue
        s, e = second.start("q"), second.end("q")
        if any(a < e and s < b for a, b in taken):
            continue
        name = m.text[: first.start()]
        sister = _sister(name.strip() + " " + second.group("q"), m, index)
        if sister is not None:
            out.append(PlaceMention(text[s:e], s, e, sister, "place", s, e))
    return sorted(out, key=lambda p: p.start)


def _sister(name: str, m: PlaceMention, index: _Index) -> Place | None:
    """The populated place ``name`` names within ``SISTER_KM`` of the first village."""
    for p in index.lookup(name, top=3):
        far = haversine_km(p.lat, p.lon, m.place.lat, m.place.lon)
        if p.kind == "populated place" and p.score >= 0.95 and 0 < far <= SISTER_KM:
            return p
    return None
