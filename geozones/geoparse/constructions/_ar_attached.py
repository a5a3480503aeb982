"""A village the Arabic text ties to a town: "قرية تل الجنب التابعة لبلدة المبروكة" (that
belongs to the town of Mabruka), "قرية تل طويل القريبة من مدينة الحسكة" (near the city of
Hasakah).

* A village the gazetteer lacks (an unresolved mention, placed at the centre of its
  sentence's towns) that the text says belongs to a town is placed at that town, and so is
  every other mention of the same name: the text's own tie is a better anchor than the
  towns that happen to share a sentence with it ("غرب مدينة رأس العين" in the first
  sentence, "التابعة لبلدة المبروكة" in the next). The tie holds for every name of the list
  it closes ("خالدية وجبول التابعتين لمركز عفرين", the dual and plural too), and a reading of
  the gazetteer farther than :data:`NEAR_KM` from what they belong to (and no namesake
  nearer) is another village of that name: placed there, unresolved. What they belong to
  may be a district or subdistrict ("لمركز عفرين", the Afrin centre subdistrict). The names
  are read back from the tie (``_ar_tied``), so a name the gazetteer matches only in part
  ("قسطل كجك": Qastal) ties the names listed before it too.
* A village the text says lies near a town, whose gazetteer reading lies farther than
  :data:`NEAR_KM` from that town (and no namesake nearer), is another village of that name
  the gazetteer lacks: it is placed at the town, unresolved, its reading kept among the
  alternatives.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...projection import haversine_km
from .._results import PlaceMention
from ..arabic._common import is_common_word
from ._ar_tied import tied_members
from ._unknown import _context_place

#: "التابعة لبلدة", "التابع لناحية", "تتبع إلى مدينة" … right after a name; the dual and the
#: plural after a list ("خالدية وجبول التابعتين لمركز عفرين", "التابعين لبلدة").
_BELONGS = re.compile(
    r"[\s،,]*(?:ال)?(?:تابعتين|تابعتان|تابعين|تابعان|تابعة|تابع|تابعه|يتبع|تتبع|تتبعان)[ \t]+"
    r"(?:ل|إلى[ \t]+|الى[ \t]+)(?:(?:بلدة|مدينة|قرية|ناحية|منطقة)[ \t]+)?"
)
#: The gap between two names of an Arabic list ("خالدية وجبول", "أ، وب").
_AND = re.compile(r"[ \t]*[،,]?[ \t]*و[ \t]*")
#: "القريبة من مدينة", "القريب من بلدة", "قرب مدينة" right after a name.
_NEAR = re.compile(
    r"[\s،,]*(?:(?:ال)?(?:قريبة|قريب|قريبه)[ \t]+من|بالقرب[ \t]+من|قرب)[ \t]+"
    r"(?:(?:بلدة|مدينة|قرية)[ \t]+)?"
)
#: A cheap test first: most texts have none of these words.
_CHEAP = re.compile(r"تابع|تتبع|يتبع|قرب|قريب")
#: A village "near" a town lies within this distance (km) of it (the press says "near" of
#: villages 20-30 km from a city: a reading beyond 35 km is another village).
NEAR_KM = 35.0


def _town_at(places: list[PlaceMention], pos: int) -> PlaceMention | None:
    """The resolved town whose name starts at ``pos`` (a proclitic on it or not), or the
    district or subdistrict named there ("لمركز عفرين": the Afrin centre subdistrict)."""
    return next(
        (o for o in places if o.resolved and _anchor(o) and pos - 1 <= o.start <= pos + 1),
        None,
    )


def _anchor(o: PlaceMention) -> bool:
    """A town, or a district or subdistrict (a unit a village belongs to)."""
    if o.kind == "place":
        return True
    return o.kind == "region" and o.place.kind == "admin area" and (o.place.level or 0) >= 2


def attached_villages(text: str, places: list[PlaceMention], bias: str) -> list[PlaceMention]:
    """Villages placed at the town the text ties them to (see the module).

    Examples
    --------
    >>> import geozones
    >>> t = "انفجرت سيارة في قرية تل الجنب التابعة لبلدة المبروكة."
    >>> [(m.text, round(m.place.lat, 2)) for m in geozones.extract(t).places]
    [('تل الجنب', 36.66), ('المبروكة', 36.66)]
    """
    if not _CHEAP.search(text):
        return places
    out = list(places)
    anchor: dict[str, tuple[float, float]] = {}
    tied = {a: town for (a, _), town in tied_members(text)}  # a name of a tie, read back
    for i, m in enumerate(places):
        if m.kind != "place" or m.place.country != bias:
            continue
        tie = _BELONGS.match(text, m.end)
        near = None if tie else _NEAR.match(text, m.end)
        cue = tie or near
        town = _town_at(places, cue.end()) if cue is not None else None
        read_back = town is None and m.name_start in tied  # "وقسطل كجك التابعتين لبلدة شران"
        if read_back:
            town = _town_at(places, tied[m.name_start])
        if town is None or town is m:
            continue
        where = (town.place.lat, town.place.lon)
        if tie or read_back:  # the name and those listed before it ("خالدية وجبول التابعتين")
            for j in _listed_before(text, places, i):
                o = places[j]
                if o.kind != "place" or o.place.country != bias:
                    continue
                if not o.resolved:
                    anchor[text[o.name_start : o.name_end]] = where
                elif _far_from(o, where):  # a far namesake's reading: another village
                    out[j] = _placed_at(text, o, where, bias)
        elif near and m.resolved and _far_from(m, where):
            out[i] = _placed_at(text, m, where, bias)
    for i, m in enumerate(out):
        at = None if m.resolved else anchor.get(text[m.name_start : m.name_end])
        if at is not None:
            out[i] = replace(m, place=_context_place(m.place.name, at, bias))
    return out


def _placed_at(text: str, m: PlaceMention, where: tuple[float, float], bias: str) -> PlaceMention:
    """The mention unresolved at ``where``, its reading kept among the alternatives."""
    name = text[m.name_start : m.name_end]
    place = _context_place(name, where, bias)
    return replace(m, place=place, alternatives=(m.place, *m.alternatives), resolved=False)


def _listed_before(text: str, places: list[PlaceMention], i: int) -> list[int]:
    """``i`` and the indices of the names listed right before it, joined by "و"."""
    out = [i]
    while out[-1] > 0 and _AND.fullmatch(text, places[out[-1] - 1].end, places[out[-1]].start):
        out.append(out[-1] - 1)
    return out


def _far_from(m: PlaceMention, where: tuple[float, float]) -> bool:
    """Whether the mention's reading and every namesake lie farther than NEAR_KM."""
    return all(
        haversine_km(p.lat, p.lon, *where) > NEAR_KM
        for p in (m.place, *m.alternatives)
        if p.kind == "populated place"
    )


#: A road named by its two ends, in brackets or not: "طريق (السخنة -روض الوحش)", "طريق
#: السخنة – روض الوحش": each end a place, known to the gazetteer or not.
_ROAD_ENDS = re.compile(
    r"(?<![\u0621-\u064a])[وبل]?(?:طريق|الطريق|أوتوستراد|اوتوستراد)[ \t]*\(?[ \t]*#?"
    r"(?P<a>[\u0621-\u064a]{3,}(?:[ \t]+[\u0621-\u064a]{2,})?)[ \t]*[-–—][ \t]*#?"
    r"(?P<b>[\u0621-\u064a]{3,}(?:[ \t]+ال[\u0621-\u064a]{2,})?)(?![\u0621-\u064a])"
)
#: Adjectives of a road, not the second word of its end's name ("طريق حلب - دمشق الدولي").
_ROAD_ADJECTIVES = frozenset("الدولي السريع الرئيسي الرئيس القديم الجديد العام".split())


def road_end_spans(text: str) -> list[tuple[int, int]]:
    """The two ends of a road the text names by them ("طريق (السخنة -روض الوحش)"): places,
    for the unlisted ones to be placed by their sentence's towns.

    Examples
    --------
    >>> t = "حرروا منطقة على طريق (السخنة -روض الوحش) غربي مدينة السخنة"
    >>> [t[a:b] for a, b in road_end_spans(t)]
    ['السخنة', 'روض الوحش']
    """
    if "طريق" not in text and "توستراد" not in text:
        return []
    out = []
    for m in _ROAD_ENDS.finditer(text):
        for g in ("a", "b"):
            a, b = m.span(g)
            words = text[a:b].split()
            if len(words) == 2 and words[1] in _ROAD_ADJECTIVES:
                b = a + len(words[0])
            out.append((a, b))
    return out


#: A checkpoint (or two) named after their places: "وحاجز العتال شرقي البصيرة", "بين حاجزي
#: دوار الصباغ والقرميد"; the names up to the clause's end.
_CHECKPOINT = re.compile(
    r"(?<![\u0621-\u064a])[وب]?(?P<dual>حاجزي|حاجز)[ \t]+(?P<rest>[^\n.،,:;!?()]{3,60})"
)


def checkpoint_spans(text: str) -> list[tuple[int, int]]:
    """The places checkpoints are named after ("حاجز العتال", "حاجزي … والقرميد"): a word with
    the article that is no common word ("حاجز الجيش", the army's checkpoint, names none), the
    first of the dual's two names and the one after its "و".

    Examples
    --------
    >>> t = "بين حاجزي دوار الصباغ والقرميد التابعين للقوات الكردية"
    >>> [t[a:b] for a, b in checkpoint_spans(t)]
    ['دوار الصباغ', 'القرميد']
    >>> t = "سيطروا على حاجز مشتل الزهور وحاجز قوات النظام"
    >>> [t[a:b] for a, b in checkpoint_spans(t)]
    ['مشتل الزهور']
    """
    if "حاجز" not in text:
        return []
    out = []
    for m in _CHECKPOINT.finditer(text):
        parts = [(m.start("rest"), m.group("rest"))]
        if m.group("dual") == "حاجزي" and " و" in m.group("rest"):
            i = m.group("rest").index(" و")
            parts.append((m.start("rest") + i + 2, m.group("rest")[i + 2 :]))
        for pos, part in parts:
            words = part.split()
            word = words[0] if words else ""
            if word.startswith("ال") and len(word) >= 5 and not is_common_word(word):
                out.append((pos, pos + len(word)))
            elif len(words) >= 2 and _construct_name(words[0], words[1]):
                out.append((pos, pos + len(" ".join(words[:2]))))  # "حاجز مشتل الزهور"
    return out


def _construct_name(first: str, second: str) -> bool:
    """Whether two words after "حاجز" are a name in construct: a bare noun that is no
    common word and no adjective (in -ي, -ية) and a definite noun ("مشتل الزهور", the
    flower nursery); "حاجز قوات النظام" (the regime forces' checkpoint) and "حاجز عسكري"
    name none."""
    if first.startswith(("ال", "و", "ل")) or first.endswith(("ي", "ية")) or len(first) < 3:
        return False
    return second.startswith("ال") and len(second) >= 5 and not is_common_word(first)
