"""A quarter of the story's city, named with its quarter noun: "حي الغوطة" in a story on Homs.

Arabic names a city's quarter with the noun حي ("حي الغوطة", "حي المحطة"; "حى" in the
Egyptian spelling). Many quarters bear the name of a village or a region elsewhere (al-Ghouta,
the region by Damascus; al-Hamidiyah, a subdistrict by Tartous), and few are in the
gazetteer's table of quarters (:mod:`._neighbourhoods`). After حي the text means a quarter
of a city, and the city is the one the story names: a name right after حي whose reading is
not a quarter and lies far from that city is read as the city's quarter, at the city's point,
as the set marks quarters (unresolved: the gazetteer does not hold it; its namesakes stay
among the alternatives). A name right after حي that nothing matched is such a quarter too.
"منطقة" (area, also a district) says the same only in a story on one city: every other
place of the text lies by that city, and the name's reading far from all of them.

The story's city is a big town (a governorate's or district's seat) the sentence names,
else the one the text names most often.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from ...projection import haversine_km
from .._results import PlaceMention
from ._unknown import _context_place

#: A city's quarter noun ("حي", "بحي", "وحى"; not "الحي", "أحياء"), or an area noun ("منطقة",
#: "بمنطقة": a quarter in a story on one city only), right before a name.
_CUE = re.compile(
    r"(?<![\u0600-\u06ff])(?:[وفب]?(?P<q>ح[يى]ّ?)|[وف]?ب?(?P<a>منطقة))[ \t]+[\"“«]?"
    r"(?=[\u0621-\u064a])"
)
#: The quarter's name where nothing matched it: a word with the article, and an adjective
#: with the article after it ("النشوة الشرقية"), or a word and its article-bearing
#: complement ("باب السباع").
_NAME = re.compile(
    r"(?:ال[\u0621-\u064a]{2,}(?:\s+ال(?:شرقي|غربي|شمالي|جنوبي|جديد|قديم)[ةه]?)?"
    r"|[\u0621-\u064a]{2,}\s+ال[\u0621-\u064a]{2,})(?![\u0621-\u064a])"
)
#: A quarter's reading lies this far (km) from its city at most; a reading farther is a
#: namesake elsewhere.
QUARTER_KM = 15.0
#: In a story on one city, its other places lie within this distance (km) of it …
ONE_CITY_KM = 25.0
#: … and a name after "منطقة" is its quarter when its reading lies this far from all of them.
FAR_KM = 50.0
#: A town this big (or a governorate's or district's seat) has quarters.
CITY_POPULATION = 30_000


def _is_city(m: PlaceMention) -> bool:
    p = m.place
    if m.kind != "place" or not m.resolved or p.kind != "populated place":
        return False
    level = p.extra.get("capital_level") if p.extra else None
    return p.population >= CITY_POPULATION or level in (1, 2)


def _city_for(text: str, pos: int, cities: list[PlaceMention]) -> PlaceMention | None:
    """The city the sentence of ``pos`` names (the nearest), else the text's most named."""
    if not cities:
        return None
    a = max(text.rfind(c, 0, pos) for c in ".!?؟\n") + 1
    ends = [i for i in (text.find(c, pos) for c in ".!?؟\n") if i != -1]
    b = min(ends) if ends else len(text)
    near = [c for c in cities if a <= c.start < b]
    if near:
        return min(near, key=lambda c: abs(c.start - pos))
    counts = Counter(c.place.source_id for c in cities)
    best = max(counts.values())
    return next(c for c in cities if counts[c.place.source_id] == best)


def city_quarters(
    text: str, places: list[PlaceMention], bias: str, taken: Iterable[tuple[int, int]] = ()
) -> list[PlaceMention]:
    """Names after a quarter noun read as quarters of the story's city (see the module).

    Examples
    --------
    >>> import geozones
    >>> t = "هاجم انتحاريون مدينة حمص، وفجروا مقرا في حي الغوطة."
    >>> [(m.text, round(m.place.lat, 2)) for m in geozones.extract(t).places]
    [('مدينة حمص', 34.72), ('الغوطة', 34.72)]
    """
    if "ح" not in text or not any(ord(c) > 0x600 for c in text[:200]):
        return places
    cities = [m for m in places if _is_city(m) and m.place.country == bias]
    if not cities:
        return places
    out = list(places)
    by_start = {m.name_start: i for i, m in enumerate(places)}
    busy = [(m.start, m.end) for m in places] + list(taken)
    added: list[PlaceMention] = []
    for q in _CUE.finditer(text):
        quarter, pos = q.group("q") is not None, q.end()
        city = _city_for(text, pos, cities)
        if city is None:
            continue
        i = by_start.get(pos)
        if i is None and quarter:
            w = _NAME.match(text, pos)
            if w and not any(s < w.end() and w.start() < e for s, e in busy):
                place = _context_place(w.group(), (city.place.lat, city.place.lon), bias)
                added.append(PlaceMention(w.group(), w.start(), w.end(), place, "place",
                                          w.start(), w.end(), resolved=False))  # fmt: skip
            continue
        if i is None or out[i] is city or not _namesake(out[i], city, places, not quarter):
            continue
        m = out[i]
        place = _context_place(text[m.name_start : m.name_end], (city.place.lat, city.place.lon),
                               bias)  # fmt: skip
        out[i] = replace(m, place=place, kind="place", alternatives=(m.place, *m.alternatives),
                         resolved=False, part=None, direction=None)  # fmt: skip
    return sorted(out + added, key=lambda m: m.start) if added else out


def _namesake(m: PlaceMention, city: PlaceMention, places: list[PlaceMention], area: bool) -> bool:
    """Whether ``m`` is read as a namesake far from the story's city (after "منطقة": in a
    story on that city alone)."""
    if m.place.extra and m.place.extra.get("feature") == "neighbourhood":
        return False
    if m.kind not in ("place", "region") or m.place.country != city.place.country:
        return False
    d = haversine_km(m.place.lat, m.place.lon, city.place.lat, city.place.lon)
    if not area:
        return d > QUARTER_KM
    if m.place.extra.get("region") or m.place.kind == "admin area" and (m.place.level or 9) <= 2:
        return False  # "منطقة القلمون", "منطقة عفرين": a named region or a district, as written
    others = [o for o in places if o.kind in ("place", "region") and o.place != m.place]
    return d > FAR_KM and all(
        o.kind == "place"  # a governorate named beside the town: no story on one city
        and haversine_km(o.place.lat, o.place.lon, city.place.lat, city.place.lon) <= ONE_CITY_KM
        for o in others
    )


#: The separators of an Arabic list: a comma, or "و" on the next name.
_LIST_SEP = re.compile(r"[ \t]*[،,][ \t]*(?:و(?=[\u0621-\u064a]))?|[ \t]+و(?=[\u0621-\u064a])")
#: A list member that is a name: one or two Arabic words (no digit, no mark).
_MEMBER = re.compile(r"[\u0621-\u064a]{3,}(?:[ \t]+[\u0621-\u064a]{2,})?")
#: A noun of areas or quarters that opens the list ("تعرضت مناطق العظمية و…").
_OPENING_NOUN = re.compile(r"(?:^|[ \t])[وبلف]?(?:مناطق|أحياء|احياء|حيي|أحيا)[ \t]+$")
#: A member added as a quarter: a name with the article ("الحمدانية"), one or two words.
_NEW_MEMBER = re.compile(r"ال[\u0621-\u064a]{3,}(?:[ \t]+ال[\u0621-\u064a]{2,})?")
#: A list of quarters names this many quarters of one city at least …
MIN_LISTED_QUARTERS = 2


def _quarter_city(m: PlaceMention) -> str:
    extra = m.place.extra or {}
    return str(extra.get("city_pcode", "")) if extra.get("feature") == "neighbourhood" else ""


def listed_quarters(text: str, places: list[PlaceMention], bias: str) -> list[PlaceMention]:
    """The other members of a list of a city's quarters ("مناطق العظمية وصلاح الدين
    والجميلية والحمدانية وسيف الدولة في حلب": Salah al-Din, Jamiliyah and Saif al-Dawla are
    Aleppo's, so are al-Azamiyah and al-Hamdaniyah), as quarters of that city at its point,
    where nothing else reads them.

    Examples
    --------
    >>> import geozones
    >>> t = "تعرضت مناطق العظمية وصلاح الدين والجميلية في حلب للقصف"
    >>> [m.text for m in geozones.extract(t).places][:3]
    ['العظمية', 'صلاح الدين', 'والجميلية']
    """
    quarters = [m for m in places if _quarter_city(m)]
    if len(quarters) < MIN_LISTED_QUARTERS:
        return places
    added: list[PlaceMention] = []
    busy = [(m.start, m.end) for m in places]
    done: set[int] = set()
    for q in quarters:
        if q.start in done:
            continue
        members = _list_around(text, q.start, q.end)
        inside = [m for m in quarters if any(a < m.end and m.start < b for a, b in members)]
        done.update(m.start for m in inside)
        cities = Counter(_quarter_city(m) for m in inside)
        city, n = cities.most_common(1)[0]
        if n < MIN_LISTED_QUARTERS or n * 2 < len(members):
            continue
        ref = next(m for m in inside if _quarter_city(m) == city)
        for a, b in members:
            if _NEW_MEMBER.fullmatch(text, a, b) and not any(s < b and a < e for s, e in busy):
                place = _context_place(text[a:b], (ref.place.lat, ref.place.lon), bias)
                added.append(PlaceMention(text[a:b], a, b, place, "place", a, b,
                                          resolved=False))  # fmt: skip
    return sorted(places + added, key=lambda m: m.start) if added else places


def _list_around(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The members (spans, "و" left out) of the Arabic list the name at ``start`` stands in."""
    spans = [(start, end)]
    pos = end  # forwards: a separator, then a member
    while (sep := _LIST_SEP.match(text, pos)) and (m := _MEMBER.match(text, sep.end())):
        spans.append(_one_name(text, m.start(), m.end()))
        pos = spans[-1][1]
    before: list[tuple[int, int]] = []
    pos = start - (1 if text[start - 1 : start] == "و" else 0)
    while True:  # backwards: the member before a separator, up to the list's opening noun
        head = text[max(0, pos - 40) : pos]
        m = _MEMBER_BEFORE.search(head)
        if m is None or (text[pos : pos + 1] != "و" and "،" not in m.group("sep")):
            return spans  # no opening noun reached: the names before are no members
        a = pos - len(head) + m.start("w")
        before.insert(0, (a + (1 if text[a] == "و" else 0), pos - len(head) + m.end("w")))
        if _OPENING_NOUN.search(text, max(0, a - 12), a):
            return before + spans
        pos = a


#: The member before a separator (the comma, or the spaces before a "و" on the next one).
_MEMBER_BEFORE = re.compile(r"(?:^|[ \t])(?P<w>[\u0621-\u064a]{3,})(?P<sep>[ \t]*[،,]?[ \t]*)$")


def _one_name(text: str, a: int, b: int) -> tuple[int, int]:
    """A two-word member is one name only when its second word has the article ("صلاح
    الدين", "سيف الدولة"); else the first word alone ("الحمدانية في")."""
    parts = text[a:b].split()
    if len(parts) == 2 and not parts[1].startswith("ال"):
        return a, a + len(parts[0])
    return a, b
