"""One-word Arabic villages that the text itself links to its places, without a cue word.

:func:`._arabic_cues.drop_uncued_arabic` drops a one-word Arabic village name that no cue
word marks as a place ("في", "قرية", a list beside a placed name …): many such words are
common words of the language. A name the gazetteer holds exactly is kept, though, when the
text gives a POSITIVE link to its places instead of a cue word (issue #16, round 21: the
exact hits that the guards dropped for lack of a cue, "b1" of the analysis of four first
runs):

* the same name is cued elsewhere in the text ("… في الباغوز …" then "حررت كامل الباغوز":
  the second one is the same village);
* it is one end of a road the text names ("طريق المزيريب- طفس", "طريق حلب – خناصر – أثريا
  – السلمية", "طريق قنوات-"): a road runs between places;
* "أو" (or) joins it to a placed name ("من الغوطة أو جوبر"), as "و" does in a list;
* it stands in a list ("و" on it, or a comma before it: "منها الحويجة والحواش … وكور
  والصهرية", "العرقوب، السفافنة، المراشدة") and the gazetteer's reading lies within
  :data:`LINK_KM` of a place the text names by itself: the list is of that place's villages,
  although its other members are unknown to the gazetteer, so it does not count as a list.

A common word of the language (:func:`._arabic_common.is_common_word`) still needs a cue
word: the link must not turn "في الصراع" back into a village.
"""

from __future__ import annotations

import re

from ...projection import haversine_km
from ..scan._index import _candidates, _Index
from ..scan._select import _Item, settlement_noun_before
from ._common import is_common_word, strip_marks

#: How near (km) a listed village's reading must lie to a place the text names by itself
#: (tried at 10 and 20 km on dev 1-483: no false place at either; 20 reaches the villages
#: along the Euphrates that a list names 10-20 km from its town).
LINK_KM = 20.0
#: A comma right before a name (", المراشدة").
_AFTER_COMMA = re.compile(r"[،,]\s*$")

#: "طريق" (road) and what may stand between it and its first end: "الدولي", "عام" …
_ROAD_HEAD = r"(?<![\u0621-\u064a])(?:ال)?طريق(?:\s+(?:عام|العام|الدولي|دولي|سريع|السريع))?"
#: A road's named ends before the name: "طريق حلب – خناصر – " (dashes between the ends).
_ROAD_BEFORE = re.compile(
    _ROAD_HEAD + r"\s+(?:[\u0621-\u064a\u0640]+(?:\s+[\u0621-\u064a\u0640]+)?\s*[-–—]+\s*)*$"
)
#: "أو" (or) between two names, with the spaces and quotation marks around it.
_OR_GAP = re.compile(r"^[\s\"“”«»]*أو[\s\"“”«»]*$")
#: The proclitics a name may carry in the text ("والباغوز", "بالباغوز").
_PROCLITIC = re.compile(r"^(?:و|ف)?(?:ب|ل)?")


def _bare(word: str) -> str:
    """A name without its marks and proclitics ("والباغوز" → "الباغوز")."""
    w = strip_marks(word)
    m = _PROCLITIC.match(w)
    return w[m.end() :] if m and len(w) > 4 else w


def linked_names(
    text: str, items: list[_Item], cued: list[bool], index: _Index | None = None
) -> set[int]:
    """The indices of ``items`` that the text links to its places without a cue word (see
    the module's docstring); ``cued[i]`` says whether ``items[i]`` is placed by itself (a
    cue of its own, or more than a village); ``index`` reads the readings' points.

    Examples
    --------
    >>> linked_names("", [], [])
    set()
    """
    names = [_bare(text[it.name_start : it.end]) for it in items]
    cued_names = {n for n, c in zip(names, cued, strict=True) if c}
    out: set[int] = set()
    points: list[tuple[float, float]] | None = None  # the placed names' readings, once
    for i, it in enumerate(items):
        if cued[i] or is_common_word(text[it.start : it.end]):
            continue
        if names[i] in cued_names or _road_end(text, it) or _or_joined(text, items, cued, i):
            out.add(i)
        elif index is not None and _listed(text, it):
            if points is None:
                points = list({
                    (q.lat, q.lon)
                    for other, c in zip(items, cued, strict=True) if c
                    for q, _ in _candidates(index, other.payloads) if q.kind != "country"
                })  # fmt: skip
            if _near(index, it, points):
                out.add(i)
    return out


def _listed(text: str, it: _Item) -> bool:
    """Whether a name stands in a list ("… وكور والصهرية", "العرقوب، السفافنة، المراشدة"):
    "و" on it, or a comma before it."""
    return text.startswith("و", it.start) or bool(
        _AFTER_COMMA.search(text, max(0, it.start - 4), it.start)
    )


def _near(index: _Index, it: _Item, points: list[tuple[float, float]]) -> bool:
    """Whether a reading of the name lies within :data:`LINK_KM` of one of ``points``."""
    deg = LINK_KM / 111.0  # a degree of latitude; of longitude less, so this box holds the circle
    return any(
        abs(p.lat - lat) <= deg and abs(p.lon - lon) <= 2 * deg  # a box first (to 60° N)
        and haversine_km(p.lat, p.lon, lat, lon) <= LINK_KM
        for p, _ in _candidates(index, it.payloads) if p.kind != "country"
        for lat, lon in points
    )  # fmt: skip


def _road_end(text: str, it: _Item) -> bool:
    """Whether the name is one end of a road the text names ("طريق المزيريب- طفس")."""
    before = text[max(0, it.start - 80) : it.start]
    return "\n" not in before[-40:] and bool(_ROAD_BEFORE.search(before))


def _or_joined(text: str, items: list[_Item], cued: list[bool], i: int) -> bool:
    """Whether "أو" joins the name to a placed neighbour ("من الغوطة أو جوبر")."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(items) and cued[j]:
            a, b = (items[j], items[i]) if j < i else (items[i], items[j])
            if _OR_GAP.match(text[a.end : b.start]):
                return True
    return False


#: A noun of settlement right before a name: "مدينة الضمير", "بلدة الرحيبة", "قرية X".
_TOWN_NOUN_BEFORE = re.compile(r"(?<![\u0621-\u064a])[وبلف]?(?:مدينة|بلدة|قرية)[ \t]+$")


def town_named_elsewhere(text: str, items: list[_Item]) -> set[int]:
    """The indices of ``items`` whose name the text gives a noun of settlement elsewhere
    ("بعد نجاحه في مدينة الضمير" … "خروج المسلحين من الضمير المركز الرئيسي"): the same
    town, whatever the words after it (an apposition, "the main centre of …", is no head of
    a phrase). One sense per text, as a reader keeps it.

    Examples
    --------
    >>> town_named_elsewhere("", [])
    set()
    """
    names = [_bare(text[it.name_start : it.end]) for it in items]
    towns = {
        n
        for n, it in zip(names, items, strict=True)
        if _TOWN_NOUN_BEFORE.search(text, max(0, it.start - 8), it.start)
        or settlement_noun_before(text, it.name_start)  # "بلدتي قدسيا والهامة"
    }
    return {i for i, n in enumerate(names) if n in towns} if towns else set()


#: A village named by a common word whose reading lies farther (km) than this from every
#: other place of its sentence is a namesake of a village the gazetteer lacks (the reach of
#: a listed village, :data:`LINK_KM`).
COMMON_TOWN_KM = LINK_KM


#: A town this big (or a seat) is no namesake the text would not mean ("مدينة الرقة").
VILLAGE_POPULATION = 10_000


def _village(m) -> bool:  # noqa: ANN001 (a PlaceMention)
    level = m.place.extra.get("capital_level") if m.place.extra else None
    return m.place.population < VILLAGE_POPULATION and level is None


def drop_far_common_towns(text: str, places: list) -> list:
    """The places without the villages named by a common word of the language ("بلدة
    الجديدة", the new) that only their noun of settlement names, where the gazetteer's
    reading lies more than :data:`COMMON_TOWN_KM` from every other place of the sentence:
    the text names a village the gazetteer lacks, not that namesake far off.

    Examples
    --------
    >>> drop_far_common_towns("", [])
    []
    """
    out = []
    for m in places:
        common = m.kind == "place" and m.resolved and is_common_word(m.text)
        if common and _village(m) and settlement_noun_before(text, m.name_start):
            a = max(text.rfind(c, 0, m.start) for c in ".!?؟\n") + 1
            ends = [i for i in (text.find(c, m.end) for c in ".!?؟\n") if i != -1]
            b = min(ends) if ends else len(text)
            others = [o for o in places if o is not m and a <= o.start < b and o.kind == "place"]
            others = [o for o in others if o.place.country == m.place.country]
            if others and all(
                haversine_km(m.place.lat, m.place.lon, o.place.lat, o.place.lon) > COMMON_TOWN_KM
                for o in others
            ):
                continue
        out.append(m)
    return out
