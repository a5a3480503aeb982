"""Named sites in a text: an air base, a crossing, a dam, a field, a camp, a prison by its phrase.

The gazetteer holds the sites war reports name (``data/landmarks.csv``: the Tabqa dam, the
Abu al-Duhur air base, the Bab al-Hawa crossing, the Rukban camp …) under the phrases the
press writes around their names ("the Tabqa dam", "سد الفرات", "معبر باب الهوى", "Cilvegözü
sınır kapısı", "barrage de Tabqa", "the airbase Nairab"). The scan finds such a phrase as one
name, longer than the town inside it, so "the Abu al-Duhur airbase" is one mention placed at
the air base while "Abu al-Duhur" alone stays the town. A bare name is a site's only when
the table gives it as the site's own (Rukban, al-Tanf, Tiyas); the geoparser then weighs it
against any namesake village as usual.

A phrase may open with its feature's word in lower case ("the airbase Nairab", "le barrage
de Tischrin"): the name proper is the capitalised part, and the geoparser's test that a
name starts with a capital is made on that part (:func:`name_from_capital`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ..gazetteer import Gazetteer

#: The gazetteer source of the named sites.
SOURCE = "landmarks"


def landmarks(gaz: Gazetteer) -> frozenset[int]:
    """The entry indices of the gazetteer's named sites.

    Examples
    --------
    >>> from geozones import Gazetteer
    >>> gz = Gazetteer.default()
    >>> sites = landmarks(gz)
    >>> gz.place(min(sites)).source
    'landmarks'
    """
    return frozenset(i for i, source in enumerate(gaz.sources) if source == SOURCE)


def name_from_capital(text: str, found: Sequence[Any], sites: frozenset[int]) -> list[Any]:
    """The scan's matches, with a site phrase that opens with a lower-case word ("airbase
    Nairab", "barrage de Tischrin") named from its first capitalised word on; every other
    match as it was.

    ``found`` holds the scan's matches (``start``, ``name_start``, ``end`` and
    ``payloads``, whose ``kind`` ``"g"`` and ``ref`` name a gazetteer entry).

    Examples
    --------
    >>> name_from_capital("Nothing here.", [], frozenset())
    []
    """
    if not sites:
        return list(found)
    out = []
    for m in found:
        first = text[m.name_start : m.name_start + 1]
        if first.islower() and first.isascii() and _all_sites(m, sites):
            cap = _first_capital(text, m.name_start, m.end)
            if cap is not None:
                m = replace(m, name_start=cap)
        out.append(m)
    return out


def _all_sites(m: Any, sites: frozenset[int]) -> bool:
    return bool(m.payloads) and all(p.kind == "g" and p.ref in sites for p in m.payloads)


def _first_capital(text: str, start: int, end: int) -> int | None:
    """The offset of the first word within ``text[start:end]`` that starts with a capital."""
    at = start
    for word in text[start:end].split():
        at = text.index(word, at)
        if word[:1].isupper():
            return at
        at += len(word)
    return None
