"""Villages anchored by their clause: "Tal Tourin and Qarah villages in Eastern al-Bab".

A reader places a village the clause anchors to a town or an area ("in eastern al-Bab",
"near Manbij", "بريف دير الزور الشرقي", "في اللاذقية") where the anchor says, even when
the gazetteer knows only a namesake of it far away (the Qarah of the Qalamoun, 300 km
from al-Bab). When every sense the gazetteer holds for the village lies farther than
:data:`ANCHOR_FAR_KM` from the anchor (or, for a governorate anchor, outside it), the
village is not that namesake: it is placed at the anchor (its named part), unresolved and
approximate, its namesakes kept as alternatives. A sense near the anchor (or inside the
anchoring governorate) is chosen instead when there is one. A village the gazetteer does
not hold, placed by :mod:`._unknown` with its list, moves only when that point lies
outside its anchor.

More ways a clause anchors its villages:

* a list set off in brackets closes with its anchor ("قرى (السكرية والجعابات … وبعض
  التلال القريبة. في ريف مسكنة)"): the bracket is one aside, so the anchor before its
  closing bracket anchors every village in it, past a full stop or words that are no names;
* a governorate's side ("بريف حلب الشرقي", in eastern Aleppo countryside) holds only the
  villages on that side of its capital: a namesake in the governorate but on another side
  (more than :data:`PART_OFF_DEGREES` off the direction, seen from the capital) is not
  the village meant;
* "the city" after a list ("قرى “لزقة .. عباه” بريف المدينة") is the town named last
  before the list (:func:`_the_city_anchor`);
* a town far abroad (:data:`FAR_ABROAD_KM`) that the clause anchors at home ("Kasra,
  Mahaymida and Junaynah in western Deir Ezzor") is not the village meant either;
* the area named after a town ("في ريف منطقة الشدادي") reaches as far as a direction
  from it (:data:`DIRECTED_FAR_KM`), and a village the gazetteer lacks, placed with its
  list far from the town, lies between the town and the listed villages the gazetteer
  holds in that area.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from ...place import Place
from ...projection import haversine_km
from .._parts import _BEARINGS, compass
from .._results import PlaceMention
from ..places._town_centre import _cluster_centre

#: A village's senses all farther than this (km) from its anchor town: none of them is meant.
ANCHOR_FAR_KM = 25.0
#: … or farther than this from a town whose direction anchors it ("Dabiq northeast of
#: Aleppo", 40 km; "قرى … غربي عين عيسى"): a direction reaches farther than a preposition.
DIRECTED_FAR_KM = 60.0
#: … or farther than this from the point of the governorate anchoring it, and not in it
#: (a village just over a governorate's border is still near it).
ANCHOR_AREA_FAR_KM = 75.0
#: A village placed by its list farther than this (km) from the point of the part of a
#: governorate ("غرب حلب") or of the named region ("في منطقة جبل الأكراد") its clause
#: names is moved there.
PART_FAR_KM = 30.0
#: A town this big is itself wherever its clause seems to anchor it ("وتربط الحسكة بحلب",
#: links Hasakah with Aleppo: no Hasakah "in" Aleppo).
ANCHOR_MAX_POPULATION = 50_000
#: Score of a village placed at its anchor (a context place scores 0.3).
ANCHOR_SCORE = 0.35
#: How far (km) from a town's centre the point of its named part ("eastern X") lies.
TOWN_PART_KM = 6.0
#: A town abroad this far (km) from the home area its clause anchors it in is not the
#: village meant ("the villages of Kasra, Mahaymida and Junaynah in western Deir Ezzor":
#: not al-Junaynah in Sudan); a town over the border may be ("Kilis in northern Aleppo").
FAR_ABROAD_KM = 1000.0
#: How far (characters) after a village its anchor may stand.
_REACH = 120
#: A village this many degrees or more off the direction of a governorate's named side,
#: seen from its capital ("ريف حلب الشرقي": east of Aleppo city), lies on another side …
PART_OFF_DEGREES = 90.0
#: … unless it lies within this distance (km) of the capital, where every side meets.
PART_CAPITAL_KM = 10.0
#: How far (characters) before a village the bracket that sets its list off may open, and
#: after it the bracket may close.
_BRACKET_REACH = 300

_DIR_EN = (
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)"
)
_DIR_AR = r"(?:(?:شمال|جنوب|شرق|غرب)(?:ي|\s+(?:شرق|غرب)ي?)?[\u064b-\u0652]*\s+)"
#: The words right before the anchor: a preposition of place, and a direction or ريف.
_ANCHOR_BEFORE = re.compile(
    rf"(?:\b(?:in|near|around|outside|of)\s+(?:the\s+)?{_DIR_EN}?"
    rf"|(?<![\u0600-\u06ff])(?:في|قرب|بالقرب\s+من|ب|من)\s*(?:ريف\s+|منطقة\s+|محافظة\s+)?{_DIR_AR}?"
    rf"|(?<![\u0600-\u06ff])ب?(?:ريف|محافظة|منطقة)\s+"
    rf"|(?<![\u0600-\u06ff]){_DIR_AR})$",  # "قرى … غربيّ عين عيسى": west of, no preposition
    re.IGNORECASE,
)
#: What may stand between a village and the anchor besides other villages of its list.
_LIST_GLUE = re.compile(
    r"^(?:[\s,،()\"“”«»'’]|\band\b|\bvillages?\b|\btowns?\b|\bthe\b|و)*",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?؟\n]")
#: A clause that says where the village lies before a direction from a town ("Tall Ward
#: located on the Turkish border southeast of Ras al-Ayn").
_LOCATED = re.compile(
    r"\s*,?\s*(?:(?:which|that)\s+(?:is\s+|lies\s+)?)?(?:located|situated|lying|lies)\b[^.,;:]*",
    re.IGNORECASE,
)


def _glue_end(gap: str) -> int:
    """Where the list glue at the start of ``gap`` ends (0 when there is none)."""
    glue = _LIST_GLUE.match(gap)
    return glue.end() if glue is not None else 0


def _anchor_of(
    text: str, i: int, places: list[PlaceMention]
) -> tuple[PlaceMention, str | None] | None:
    """The mention that the clause of ``places[i]`` anchors it to, if any (the first
    mention after it, past the other names of its list, behind a preposition of place),
    with the direction the preposition names ("in eastern al-Bab": east)."""
    m = places[i]
    pos = m.end
    for a in places[i + 1 :]:
        gap = text[pos : a.start]
        if a.start - m.end > _REACH or _SENTENCE_END.search(gap):
            return None
        if not gap.strip() and a.kind == "region" and a.direction and a.resolved:
            return a, None  # "بلدة عينجارة غرب حلب": a part of a governorate right after it
        if not gap.strip() and a.direction and a.resolved and a.place.kind == "populated place":
            return a, None  # "قرى الخالدية وهوشان ومعلق غربي عين عيسى": west of a town
        if (
            a.direction
            and a.resolved
            and a.place.kind == "populated place"
            and (_LOCATED.fullmatch(gap))
        ):
            return a, None  # "… located on the Turkish border southeast of Ras al-Ayn"
        if a.text.lstrip("وب").startswith("ريفي "):
            return None  # "في ريفي الرقة والحسكة": the dual names two areas, no one anchor
        prep = _ANCHOR_BEFORE.search(gap)
        if prep is not None and _glue_end(gap) >= prep.start():
            usable = a.resolved and a.place.kind in ("populated place", "admin area")
            return (a, compass(prep.group(0))) if usable else None
        if _glue_end(gap) != len(gap):
            return None  # the list ended before any anchor
        pos = a.end
    return None


def _bracket_anchor(
    text: str, i: int, places: list[PlaceMention]
) -> tuple[PlaceMention, str | None] | None:
    """The anchor of a list set off in brackets, at its end: "قرى (السكرية والجعابات وبعض
    التلال القريبة. في ريف مسكنة)". The last mention before the closing bracket, behind a
    preposition of place, anchors every village of the bracket (a full stop or words that
    are no names inside it do not end the aside)."""
    m = places[i]
    opened = text.rfind("(", max(0, m.start - _BRACKET_REACH), m.start)
    if opened < 0 or ")" in text[opened : m.start]:
        return None
    close = text.find(")", m.end, m.end + _BRACKET_REACH)
    if close < 0 or "(" in text[m.end : close]:
        return None
    inner = [a for a in places[i + 1 :] if a.end <= close]
    if not inner or text[inner[-1].end : close].strip(" \t.،,"):
        return None  # the bracket does not close on a name
    a = inner[-1]
    prep = _ANCHOR_BEFORE.search(text, max(opened + 1, a.start - 40), a.start)
    if prep is None or not a.resolved or a.place.kind not in ("populated place", "admin area"):
        return None
    return a, compass(prep.group(0))


#: What joins the names of one list besides "و" and commas: the dots of a quoted list
#: ('قرى “لزقة .. عباه.. مريكيز”').
_DOTTED_GLUE = re.compile(r"^(?:[\s,،()\"“”«»'’…]|\.{2,}|و)*$")
#: "the city" as the anchor after a list: "بريف المدينة" (in the city's countryside), "في
#: محيط المدينة", "قرب المدينة": the town named last before the list.
_THE_CITY = re.compile(
    r"[\s\"“”«»'’)]*[وف]?(?:(?:ب|في\s+)?(?:ريف|محيط|أطراف|ضواحي)|قرب|بالقرب\s+من)\s+"
    r"المدينة(?![\u0621-\u064a])"
)


def _the_city_anchor(
    text: str, i: int, places: list[PlaceMention], bias: str
) -> tuple[PlaceMention, str | None] | None:
    """The town "المدينة" (the city) stands for when it anchors the list of ``places[i]``
    ("في قرى “لزقة .. عباه.. مريكيز” بريف المدينة"): the last town at home named before
    the list, within its paragraph."""
    k = i
    while k + 1 < len(places) and _DOTTED_GLUE.match(text[places[k].end : places[k + 1].start]):
        k += 1  # the list's last name
    if not _THE_CITY.match(text, places[k].end):
        return None
    j = i
    while j > 0 and _DOTTED_GLUE.match(text[places[j - 1].end : places[j].start]):
        j -= 1  # the list's first name
    para = text.rfind("\n\n", 0, places[j].start) + 1
    towns = [p for p in places[:j] if p.start >= para and p.resolved and p.kind == "place"
             and p.place.kind == "populated place" and p.place.country == bias]  # fmt: skip
    return (towns[-1], None) if towns else None


#: "منطقة" (area, district) before a town: the area named after it, wider than the town.
_AREA_WORD = re.compile(r"(?:^|\s)[وبل]?(?:ريف\s+)?منطقة\s*$")


def _town_area(text: str, anchor: PlaceMention) -> bool:
    """Whether the anchor is the area named after a town ("في ريف منطقة الشدادي"), which
    reaches as far as a direction from it (:data:`DIRECTED_FAR_KM`), not a town's
    :data:`ANCHOR_FAR_KM`."""
    if anchor.place.kind != "populated place":
        return False
    head = anchor.text[: anchor.name_start - anchor.start] if anchor.name_end > 0 else ""
    return bool(_AREA_WORD.search(" " + head)) or bool(
        _AREA_WORD.search(text, max(0, anchor.start - 12), anchor.start)
    )


def _capital(anchor: PlaceMention) -> Place | None:
    """The capital of the governorate whose side a mention names ("ريف حلب الشرقي":
    Aleppo city), None for any other anchor."""
    a = anchor.place
    if a.kind != "admin area" or a.extra.get("region") or a.extra.get("direction") is None:
        return None
    towns = [p for p in anchor.alternatives if p.kind == "populated place"
             and p.country == a.country and a.name in p.admin]  # fmt: skip
    return max(towns, key=lambda p: p.population, default=None)


def _on_side(p: Place, anchor: PlaceMention) -> bool:
    """Whether ``p`` may lie on the side of a governorate its anchor names: within
    :data:`PART_OFF_DEGREES` of that direction seen from the capital, or near the capital
    (True for any anchor that names no governorate's side)."""
    capital = _capital(anchor)
    direction = anchor.place.extra.get("direction")
    if capital is None or direction not in _BEARINGS:
        return True
    if haversine_km(capital.lat, capital.lon, p.lat, p.lon) <= PART_CAPITAL_KM:
        return True
    north = p.lat - capital.lat
    east = (p.lon - capital.lon) * math.cos(math.radians(capital.lat))
    bearing = math.degrees(math.atan2(east, north)) % 360
    return abs((bearing - _BEARINGS[direction] + 180) % 360 - 180) < PART_OFF_DEGREES


def _inside(p: Place, anchor: Place, directed: bool = False) -> bool:
    """Whether ``p`` lies in (near) the anchor: inside the governorate or district it
    names or within :data:`ANCHOR_AREA_FAR_KM` of its point, or within
    :data:`ANCHOR_FAR_KM` of the town (:data:`DIRECTED_FAR_KM` when a direction from it
    anchors ``p``)."""
    km = haversine_km(p.lat, p.lon, anchor.lat, anchor.lon)
    if anchor.kind == "admin area" and not anchor.extra.get("region"):
        return anchor.name in p.admin or km <= ANCHOR_AREA_FAR_KM  # a village over its border
    return km <= (DIRECTED_FAR_KM if directed else ANCHOR_FAR_KM)


def _placed_outside(
    m: PlaceMention, anchor: Place, places: list[PlaceMention], part: bool = False
) -> bool:
    """Whether a village placed by its list (:mod:`._unknown`) lies outside its anchor: far
    from an anchor town or from the point of a governorate's named ``part``, or, for a
    governorate, far from its point with none of the text's towns in that governorate
    near it."""
    if anchor.kind == "populated place":
        return not _inside(m.place, anchor, part)
    if part or anchor.extra.get("region"):  # a governorate's part, a named region: its point
        return haversine_km(m.place.lat, m.place.lon, anchor.lat, anchor.lon) > PART_FAR_KM
    if anchor.kind != "admin area":
        return False
    if haversine_km(m.place.lat, m.place.lon, anchor.lat, anchor.lon) <= ANCHOR_AREA_FAR_KM:
        return False
    return not any(
        o.resolved and o.place.kind == "populated place" and anchor.name in o.place.admin
        and haversine_km(o.place.lat, o.place.lon, m.place.lat, m.place.lon) <= ANCHOR_FAR_KM
        for o in places
    )  # fmt: skip


def place_at_anchors(text: str, places: list[PlaceMention], bias: str) -> list[PlaceMention]:
    """Village mentions whose clause anchors them far from every sense the gazetteer
    gives them: the sense near the anchor, else a place at the anchor (unresolved).

    Parameters
    ----------
    text : str
        The text.
    places : list of PlaceMention
        Its place mentions, in text order.
    bias : str
        The home country (only its villages are moved).

    Returns
    -------
    list of PlaceMention
        ``places``, the anchored far namesakes replaced.

    Examples
    --------
    >>> import geozones
    >>> t = "They seized Tal Tourin and Qarah villages in Eastern al-Bab."
    >>> {m.text: m.resolved for m in geozones.extract(t).places}["Qarah"]
    False
    """
    out = list(places)
    anchors = [_anchor(text, i, places, bias) for i in range(len(places))]
    for i, m in enumerate(places):
        found = anchors[i]
        if found is None:
            continue
        anchor, direction = found
        area = _town_area(text, anchor)  # "في ريف منطقة الشدادي": the town's area
        part = anchor.direction is not None or area  # a governorate's part, a direction
        if m.place.source == "context" and not _placed_outside(m, anchor.place, places, part):
            if area:
                out[i] = _in_town_area(m, anchor, places, anchors)
            continue  # placed with its list, in the anchoring area: its point is no better
        senses = [p for p in (m.place, *m.alternatives) if p.country == bias]
        if m.resolved and _inside(m.place, anchor.place, part) and _on_side(m.place, anchor):
            continue
        near = [p for p in senses if m.resolved or p is not m.place]
        near = [p for p in near if p.source != "context" and _inside(p, anchor.place, part)
                and _on_side(p, anchor)]  # fmt: skip
        if near:
            alts = tuple(p for p in (m.place, *m.alternatives) if p is not near[0])
            best = near[0].with_score(max(m.place.score, ANCHOR_SCORE), near[0].matched)
            out[i] = replace(m, place=best, alternatives=alts, resolved=True)
        else:
            known = tuple(p for p in (*senses, m.place) if p.source != "context")
            known = tuple(dict.fromkeys(known))  # a town far abroad stays an alternative
            where = _towns_in(anchor.place, places, m.start)
            out[i] = replace(m, place=_at(m, anchor, direction, where), resolved=False,
                             alternatives=known)  # fmt: skip
    return out


def _anchor(
    text: str, i: int, places: list[PlaceMention], bias: str
) -> tuple[PlaceMention, str | None] | None:
    """The anchor of ``places[i]`` when it is a village at home its clause may move."""
    m = places[i]
    abroad = m.place.country != bias
    if m.kind != "place" or abroad and m.place.kind != "populated place":
        return None
    if m.resolved and m.place.population >= ANCHOR_MAX_POPULATION and not abroad:
        return None
    if m.place.source == "landmarks":
        return None  # a named site's phrase ("the Tishrin dam in Aleppo") is the site itself
    found = _anchor_of(text, i, places) or _bracket_anchor(text, i, places)
    found = found or _the_city_anchor(text, i, places, bias)
    if found is None or found[0].place.country != bias:
        return None
    if _item_modifier(text, i, places, found[0]) or _left_area(text, i, places, found[0]):
        return None
    a = found[0].place
    if abroad and haversine_km(m.place.lat, m.place.lon, a.lat, a.lon) <= FAR_ABROAD_KM:
        return None  # "Kilis in northern Aleppo"? a town over the border may be meant
    return found


#: What continues a list after an anchor phrase: a comma or "and" before its next name.
_LIST_GOES_ON = re.compile(r"^\s*(?:[,،]|[,،]?\s*\b(?:and|or)\b)\s*(?:the\s+)?$", re.IGNORECASE)


def _item_modifier(text: str, i: int, places: list[PlaceMention], anchor: PlaceMention) -> bool:
    """Whether the anchor phrase modifies one later member of the list, not ``places[i]``:
    other names stand between them and the list goes on after the anchor ("Morek, Rashidin
    west of Aleppo, Tal al-Eis and …": only Rashidin is west of Aleppo)."""
    k = places.index(anchor)
    if k <= i + 1 or k + 1 >= len(places):
        return False  # the village is the last name before its anchor, or the list ends
    nxt = places[k + 1]
    gap = text[anchor.end : nxt.start]
    return nxt.kind == "place" and bool(_LIST_GOES_ON.match(gap))


def _left_area(text: str, i: int, places: list[PlaceMention], anchor: PlaceMention) -> bool:
    """Whether the clause already placed ``places[i]`` in an area named before it, and the
    later anchor lies outside that area: the clause has moved on to the next area ("in
    northern Homs around Rastan and Talbiseh, in Eastern Ghouta": Talbiseh stays in Homs)."""
    m = places[i]
    if not m.resolved or m.place.kind != "populated place":
        return False
    start = max((e.end() for e in _SENTENCE_END.finditer(text, 0, m.start)), default=0)
    for r in places[:i]:
        if r.start < start or r.kind != "region" or not r.resolved:
            continue
        gov = r.place.governorate
        if gov is not None and gov == m.place.governorate:
            return anchor.place.governorate not in (None, gov)
    return False


def _in_town_area(
    m: PlaceMention,
    anchor: PlaceMention,
    places: list[PlaceMention],
    anchors: list[tuple[PlaceMention, str | None] | None],
) -> PlaceMention:
    """A village placed with its list inside the area named after a town ("قرى … وتل صفوك
    … في ريف منطقة الشدادي") but farther than :data:`ANCHOR_FAR_KM` from the town: it
    followed one village of its list to the area's edge; the list lies between its
    villages the gazetteer holds and the town, so it goes to their centre."""
    a = anchor.place
    if haversine_km(m.place.lat, m.place.lon, a.lat, a.lon) <= ANCHOR_FAR_KM:
        return m
    held = [
        o.place for o, f in zip(places, anchors, strict=True)
        if f is not None and f[0] is anchor and o.resolved and o.place.source != "context"
        and _inside(o.place, a, True)
    ]  # fmt: skip
    points = [a, *held]
    lat = sum(p.lat for p in points) / len(points)
    lon = sum(p.lon for p in points) / len(points)
    return replace(m, place=replace(m.place, lat=lat, lon=lon))


def _towns_in(area: Place, places: list[PlaceMention], pos: int) -> tuple[float, float] | None:
    """The centre of the text's resolved towns inside a governorate anchor (its towns
    gathered round their medoid), a better point for the part the text speaks of than
    the governorate's own (Deir ez-Zor's lies in the steppe north of its valley)."""
    if area.kind != "admin area" or area.extra.get("region"):
        return None
    towns = [o for o in places if o.resolved and o.kind == "place"
             and o.place.kind == "populated place" and area.name in o.place.admin]  # fmt: skip
    return _cluster_centre(towns, pos) if len(towns) >= 2 else None


def _at(
    m: PlaceMention,
    anchor: PlaceMention,
    direction: str | None,
    where: tuple[float, float] | None = None,
) -> Place:
    """A place for ``m`` at ``where`` (the anchoring governorate's towns in the text) or at
    its anchor's point, moved into the part of a town that the clause names ("eastern
    al-Bab": :data:`TOWN_PART_KM` east of its centre)."""
    a = anchor.place
    lat, lon = where or (a.lat, a.lon)
    if where is None and direction and a.kind == "populated place" and anchor.direction is None:
        b = math.radians(_BEARINGS[direction])
        lat += TOWN_PART_KM * math.cos(b) / 111.2
        lon += TOWN_PART_KM * math.sin(b) / (111.2 * math.cos(math.radians(lat)))
    return Place(
        m.text[m.name_start - m.start : m.name_end - m.start] if m.name_end > 0 else m.text,
        lat, lon, "populated place", (), "context", "", ANCHOR_SCORE, m.text, a.country,
        None, "approximate", 0, {"resolved": False, "position": "anchor", "anchor": a.name},
    )  # fmt: skip
