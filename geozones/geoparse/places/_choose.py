"""Which place a name means: home or abroad, the nearest namesake, region or town."""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import replace

from ..._text import fold, starts_arabic
from ...gazetteer._match import LOOSE
from ...place import Place
from ...projection import haversine_km
from .._parts import Part, compass, shift
from .._results import PlaceMention, RoadMention
from ..scan import _context as ctx
from ..scan._index import FOREIGN_MIN_POPULATION, _candidates, _Index, _key
from ..scan._region_cue import seat_named
from ..scan._select import _Item
from ..scan._unlisted import home_namesake, named_governorates
from ._abroad import (
    _abroad_plausible,
    _any_in_cluster,
    _common_word_abroad,
    _far_article_abroad,
    _far_for_arabic,
    _far_small_abroad,
    _home_in_cluster,
    _only_far_alternates,
    demonym_country,
)
from ._apposed_country import apposed_countries, in_apposed_country
from ._capital_reading import (
    area_leanings,
    capital_cue,
    central_metropolis,
    compass_of_kind,
    measured_from,
    towns_in,
)
from ._capitals import (
    capital_leanings,
    capital_named,
    city_noun,
    quarter_named,
    town_listed,
)
from ._quarter_district import metropolis_district, quarter_district
from ._roads import _pair_roads, _road_tail, _roads_before

#: A foreign city wins over a Syrian namesake when it has ``FOREIGN_FACTOR`` times the
#: Syrian one's population (and at least ``FOREIGN_MIN_POPULATION``).
FOREIGN_FACTOR = 10
#: Kilometres of distance that weigh as much as one order of magnitude of population
#: when choosing between namesakes (closer to the other places of the text wins).
PROXIMITY_KM = 50.0
#: Beyond this distance (km) from the text's centre nearness weighs no more when no namesake
#: lies in the text's cluster (``CLUSTER_KM``): namesakes all outside it are told apart by
#: prominence, not by which lies less far (a city of 110,000 against a hamlet 60 km from
#: the text's towns); a namesake inside it keeps the whole distance's weight.
PROXIMITY_CAP_KM = 150.0


def _rank_domestic(p: Place, importance: float, km: float | None, bias: str = "") -> float:
    """Importance, less one order of magnitude per ``PROXIMITY_KM`` from the text's towns
    (at most ``PROXIMITY_CAP_KM`` of them for a place in the ``bias`` country, when it is
    given: a place abroad keeps its whole distance)."""
    if km is None or p.kind == "country":
        return importance
    return importance - (min(km, PROXIMITY_CAP_KM) if p.country == bias else km) / PROXIMITY_KM


def _distances(
    cands: list[tuple[Place, float]],
    centroid: tuple[float, float] | None,
    known: dict[tuple[float, float], float] | None = None,
) -> list[float | None]:
    """Kilometres from each candidate to the text's centre, in one vectorized call (or
    from ``known``, :func:`_all_distances`' table, when it holds them all)."""
    if centroid is None:
        return [None] * len(cands)
    if known is not None:
        got = [known.get((p.lat, p.lon)) for p, _ in cands]
        if None not in got:
            return got
    import numpy as np  # lazy: keeps `import geozones` fast

    lats = np.fromiter((p.lat for p, _ in cands), float, len(cands))
    lons = np.fromiter((p.lon for p, _ in cands), float, len(cands))
    return [float(d) for d in haversine_km(lats, lons, centroid[0], centroid[1])]


def _all_distances(
    items: list[_Item], index: _Index, centroid: tuple[float, float] | None
) -> dict[tuple[float, float], float]:
    """Kilometres to the text's centre of every candidate of every mention, in one
    vectorized call (numpy gives each element the value a call on fewer would give)."""
    if centroid is None:
        return {}
    import numpy as np  # lazy: keeps `import geozones` fast

    points = list({(p.lat, p.lon): 0 for it in items for p, _ in _candidates(index, it.payloads)})
    lats = np.fromiter((a for a, _ in points), float, len(points))
    lons = np.fromiter((b for _, b in points), float, len(points))
    kms = haversine_km(lats, lons, centroid[0], centroid[1])
    return {pt: float(d) for pt, d in zip(points, kms, strict=True)}


#: How much nearer (km) a town in a governorate the text names weighs among namesakes.
AREA_BONUS_KM = 75.0
#: And, on top of that, a town in a governorate named in the same sentence ("كفرنبل ودير
#: سنبل في ريف إدلب الجنوبي" names the Idlib Deir Sunbul even when Hama is named later on).
SENTENCE_AREA_BONUS_KM = 50.0


def _choose(
    cands: list[tuple[Place, float]],
    cue: ctx.RegionCue | None,
    bias: str,
    centroid: tuple[float, float] | None,
    key: str = "",
    named_countries: frozenset[str] = frozenset(),
    named_areas: frozenset[str] = frozenset(),
    sentence_areas: frozenset[str] = frozenset(),
    known_km: dict[tuple[float, float], float] | None = None,
) -> tuple[Place, str, list[Place], float]:
    """Pick the place a mention means; return (place, mention kind, alternatives, confidence).

    ``named_areas`` are the governorates the text names: a town among namesakes that lies
    in one of them weighs as if ``AREA_BONUS_KM`` nearer ("Deir Sunbul" in a text about
    the Idlib countryside is the Ariha one, not its namesake in Hama); one in a governorate
    of ``sentence_areas`` (named in the mention's own sentence) weighs as if
    ``SENTENCE_AREA_BONUS_KM`` nearer again."""
    scored: list[tuple[float, Place]] = []
    kind = "place"
    if cue is not None and cue.kind == "region" and any(p.kind == "country" for p, _ in cands):
        cue = None  # "northern Syria": a country with a direction
    if cue is not None:
        kind = cue.kind
        for p, imp in cands:
            r = _rank_domestic(p, imp, None) + (0 if p.country == bias or not bias else -3)
            if p.kind == "admin area":
                r += 10
                if cue.level and p.level is not None:
                    r -= abs(p.level - cue.level)
            scored.append((r, p))
    elif any(p.kind == "country" for p, _ in cands):
        kind = "country"
        scored = [(imp + (10 if p.kind == "country" else 0), p) for p, imp in cands]
    else:
        domestic = [(p, i) for p, i in cands if p.country == bias]
        foreign = [(p, i) for p, i in cands if p.country != bias]
        best_d = max((p.population for p, _ in domestic), default=-1)
        best_f = max(
            (p.population for p, _ in foreign if _abroad_plausible(p, key, named_countries)),
            default=-1,
        )
        go_abroad = not domestic or (
            best_f >= FOREIGN_MIN_POPULATION
            and best_f >= FOREIGN_FACTOR * max(best_d, 1)
            and not _home_in_cluster(domestic, foreign, key, centroid)
        )
        kms = _distances(cands, centroid, known_km)
        # nearness saturates only when no home namesake lies in the text's cluster
        capped = bias if not _any_in_cluster(cands, kms, bias) else ""
        for (p, imp), km in zip(cands, kms, strict=True):
            home = (p.country == bias) != go_abroad
            r = _rank_domestic(p, imp, km if home else None, capped) + (20 if home else 0)
            if home and p.kind == "populated place" and named_areas & set(p.admin):
                r += AREA_BONUS_KM / PROXIMITY_KM
                if sentence_areas & set(p.admin):
                    r += SENTENCE_AREA_BONUS_KM / PROXIMITY_KM
            if go_abroad and p.country != bias and _abroad_plausible(p, key, named_countries):
                r += 5  # Kita (Japan) by its own name, not Quito by an alternate
            r += 1.0 if p.kind == "populated place" else 0.0  # a bare name: the town
            scored.append((r, p))
    scored.sort(key=lambda x: -x[0])
    best_r, best = scored[0]
    if best.kind == "country":
        kind = "country"  # "northern Syria" is still Syria
    elif kind == "place" and best.kind in ("admin area", "region"):
        kind = "region"  # a governorate, or a named region ("Cebel Zaviye", the Ghab)
    seen = {(best.source, best.source_id)}
    alts = []
    for _r, p in scored[1:]:
        if (p.source, p.source_id) not in seen and p.kind != "road":
            seen.add((p.source, p.source_id))
            alts.append(p)
    margin = best_r - scored[1][0] if len(scored) > 1 else 10.0
    confidence = 1.0 / (1.0 + math.exp(-2.0 * margin)) if alts else 1.0
    return best, kind, alts[:5], round(confidence, 3)


#: An admin noun inside the name matched ("Afrin District", "ناحية شيراوا"): the area.
_NAMED_AREA = re.compile(r"\b(?:district|subdistrict|province|governorate|canton)\b|ناحي|منطق")


#: A word of belonging right before the name: what a village "belongs to" is an admin unit
#: ("خالدية وجبول التابعتين لمركز عفرين": the Afrin centre subdistrict, not its seat).
_BELONGS_TO = re.compile(r"(?:تابع|تتبع|يتبع)\S*[ \t]+(?:ل|إلى[ \t]+|الى[ \t]+)$")


def _seat_meant(text: str, start: int, key: str) -> bool:
    """Whether an area named with no cue may be its seat: no admin noun in its name ("Afrin
    District"), no word of belonging before it ("التابعتين لمركز عفرين")."""
    return not _NAMED_AREA.search(key) and not _BELONGS_TO.search(text, max(0, start - 24), start)


def _seat(index: _Index, area: Place, kind: str) -> tuple[Place, str]:
    """A district or subdistrict named with no region cue, by a spelling only the area
    carries ("Raco", the Turkish name of Raju subdistrict), is its seat of the same
    name, as a bare town name is the town."""
    if area.kind != "admin area" or area.level not in (2, 3) or area.extra.get("region"):
        return area, kind
    for p in index.lookup(area.name, top=5):
        if p.kind == "populated place" and p.name == area.name and area.name in p.admin:
            return p.with_score(area.score, area.matched), "place"
    return area, kind


def _centroid(
    text: str, items: list[_Item], index: _Index, bias: str
) -> tuple[float, float] | None:
    """Mean position of the unambiguous home-country towns and the named regions of the
    text. A name that is also a curated region ("الغوطة": the Ghouta, and a village Ghota
    in Raqqa) counts as the region, never as its one namesake village."""
    pts = []
    for it in items:
        cands = [p for p, _ in _candidates(index, it.payloads)]
        regions = [p for p in cands if p.extra.get("region")]
        towns = [p for p in cands if p.kind == "populated place"]
        if regions:
            if len(regions) == 1:
                pts.append((regions[0].lat, regions[0].lon))
        elif len(towns) == 1 and towns[0].country == bias:
            pts.append((towns[0].lat, towns[0].lon))
    if not pts:
        return None
    return (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))


_PAIR_NAME = re.compile(r"^(?P<a>[^-–—/]+?)\s*[-–—/]\s*(?P<b>[^-–—/]+?)(?=\s+\w+|$)")


def _towns_in_road_name(
    text: str, start: int, end: int, index: _Index, bias: str
) -> list[PlaceMention]:
    """The towns a road's own name is made of ("the Aleppo–Latakia highway")."""
    m = _PAIR_NAME.match(text[start:end])
    if m is None:
        return []
    out = []
    for g in ("a", "b"):
        s, e = start + m.start(g), start + m.end(g)
        towns = [p for p in index.lookup(text[s:e], top=5)
                 if p.kind == "populated place" and p.score >= 0.9]  # fmt: skip
        home = [p for p in towns if p.country == bias] or towns
        if home:
            best = max(home, key=lambda p: p.population)
            out.append(PlaceMention(text[s:e], s, e, best.with_score(1.0, text[s:e]), "place",
                                    s, e))  # fmt: skip
    return out if len(out) == 2 else []


_ADMIN_NOUNS = frozenset(
    "province governorate district subdistrict sub-district محافظة منطقة ناحية provinz ili "
    "vilayeti".split()
)


def _region_sized(cands: list[tuple[Place, float]], cue: ctx.RegionCue) -> bool:
    """Whether a name with a region cue means an area (a governorate, a named region, or
    an admin noun: "Saraqib district"), rather than a town with a direction or a ring
    ("south of Khan Sheikhun", "the outskirts of Saraqib", "ريف معرة النعمان")."""
    if cue.ring == "outskirts" and not any(p.kind == "populated place" for p, _ in cands):
        return True  # "أطراف الغوطة الشرقية": the outskirts of a region are the region's
    if cue.ring in ("outskirts", "direction"):
        return False  # "the outskirts of Aleppo", "west of Aleppo": the city
    if cue.direction == "central" and not cue.noun and capital_named(cands) or city_noun(cue):
        return False  # "central Quneitra", "İdlib kentinin": the city, not the governorate
    if _CITY_SIDE.match(cue.direction or "") and not cue.noun and _city_apart(cands):
        return False  # "شمال حمص", "northern Homs": beside the city, not the desert's centre
    if cue.noun == "منطقة":  # "the area of": a district's, or a village's own
        return any(p.kind == "admin area" or p.extra.get("region") for p, _ in cands)
    if cue.noun and not cue.ring and cue.noun.lower() == "area":  # "the al-Kiswah area": the
        return any(_wide(p) for p, _ in cands)  # town, unless a governorate or a region
    if cue.noun and not cue.ring and cue.noun.lower().rstrip("s") in _ADMIN_NOUNS:
        return True  # "Saraqib district"
    if cue.noun and not cue.ring:  # "the Ghab plain", "Saraqib areas": an area if one is known
        return any(p.kind == "admin area" or p.kind == "country" for p, _ in cands)
    return any(
        p.kind == "admin area" and (p.level == 1 or p.extra.get("region")) or p.kind == "country"
        for p, _ in cands
    )


def _wide(p: Place) -> bool:
    """A governorate, a named region or a country: what "the X area" names as an area."""
    return (
        p.kind == "country"
        or bool(p.extra.get("region"))
        or (p.kind == "admin area" and p.level == 1)
    )


#: A governorate whose point lies farther than this (km) from the city it is named after
#: (Homs: 140 km, in the desert) is not what a direction on the city's name means; nearer
#: ones (Hama's 57 km) stay the governorate's part ("غرب حماه" after the Ghab).
CITY_APART_KM = 100.0
#: Direction words that put a part beside a city: an English adjective ("northern"), an
#: Arabic compass noun in construct ("شمال حمص", north of Homs); not "im Norden von".
_CITY_SIDE = re.compile(r"(?:north|south|east|west)\S*ern$|[\u0600-\u06ff]", re.IGNORECASE)
#: … and the city's population from which this holds.
CITY_APART_MIN_POPULATION = 100_000


def _city_apart(cands: list[tuple[Place, float]]) -> bool:
    """Whether the name is a city's whose governorate of the same name has its point far
    away: "northern Homs" is then a part of the city's surroundings."""
    city = next((p for p, _ in cands if p.kind == "populated place"
                 and p.population >= CITY_APART_MIN_POPULATION), None)  # fmt: skip
    if city is None:
        return False
    return any(
        p.kind == "admin area" and p.level == 1 and p.country == city.country
        and haversine_km(p.lat, p.lon, city.lat, city.lon) > CITY_APART_KM
        for p, _ in cands
    )  # fmt: skip


def _part(
    place: Place, kind: str, cue: ctx.RegionCue | None, town: bool
) -> tuple[Place, str, Part | None]:
    """The part of the place a cue names: a sector of an area (its point moved into it),
    or a ring or sector around a town (the town's point kept)."""
    if cue is None or cue.kind != "region" or kind == "country":
        return place, kind, None
    d = compass(cue.direction)
    if not town and place.kind == "admin area":
        return (shift(place, d), kind, Part(d)) if d else (place, kind, None)
    ring = cue.ring or (_adjective_ring(cue.direction) if d else None)
    if ring is None:
        return place, kind, None
    return place, "region" if ring == "countryside" else "place", Part(d, ring)


def _adjective_ring(direction: str | None) -> str:
    """A direction written as an adjective before a town ("western Manbij") names the
    town's countryside on that side; one with "of" ("west of Manbij") a point beside it."""
    return "countryside" if re.search(r"ern$", direction or "", re.I) else "direction"


def _areas_by_position(items: list[_Item], index: _Index, bias: str) -> list[tuple[int, str]]:
    """(offset, governorate name) of every mention that may name a home governorate."""
    return [
        (it.start, p.name)
        for it in items
        for p, _ in _candidates(index, it.payloads)
        if p.kind == "admin area" and p.level == 1 and p.country == bias
    ]


def _sentence_areas(ends: list[int], it: _Item, area_at: list[tuple[int, str]]) -> frozenset[str]:
    """The governorates named in the sentence of ``it``; ``ends`` are the offsets where
    sentences end (a full stop, question mark or line break followed by a space)."""
    if not area_at:
        return frozenset()
    i = bisect.bisect_right(ends, it.start)
    a = ends[i - 1] if i else 0
    b = ends[i] if i < len(ends) else 1 << 62
    return frozenset(name for pos, name in area_at if a <= pos < b)


def _named_countries(text: str, items: list[_Item], index: _Index, bias: str) -> frozenset[str]:
    """The countries the text names: by their names, or by a governorate of theirs."""
    return frozenset(
        p.country for it in items for p, _ in _candidates(index, it.payloads) if p.kind == "country"
    ) | _countries_of_named_areas(text, items, index, bias)


def _named_by_adjective(
    text: str,
    end: int,
    index: _Index,
    named: frozenset[str],
    cands: list[tuple[Place, float]],
    bias: str,
) -> frozenset[str]:
    """The countries the text names, with the one an Arabic adjective right after the name
    gives ("بلدة الهرمل اللبنانية": Lebanon, though the text does not name it), looked for only
    when the name has a reading abroad."""
    if all(p.country == bias for p, _ in cands):
        return named
    if not starts_arabic(text[end + 1 : end + 2]):
        return named
    country = demonym_country(text, end, lambda n: index.lookup(n, top=3))
    return named | {country} if country else named


#: A governorate's noun inside the name matched ("محافظة اربد", "Irbid Governorate").
_GOVERNORATE_IN_NAME = re.compile(r"محافظ|\b(?:governorate|province)\b", re.IGNORECASE)


def _countries_of_named_areas(
    text: str, items: list[_Item], index: _Index, bias: str
) -> frozenset[str]:
    """The countries abroad whose governorate the text names with its admin noun
    ("بمحافظة اربد", "Irbid governorate"): a country named as clearly as by its name."""
    out = set()
    for it in items:
        cued = it.cue is not None and it.cue.level == 1 and bool(it.cue.noun)
        if not cued and not _GOVERNORATE_IN_NAME.search(text, it.start, it.end):
            continue
        areas = {p.country for p, _ in _candidates(index, it.payloads) if p.kind == "admin area"}
        if len(areas) == 1 and bias not in areas:
            out |= areas
    return frozenset(out)


def _build(
    text: str, items: list[_Item], index: _Index, bias: str
) -> tuple[list[PlaceMention], list[RoadMention]]:
    centroid = _centroid(text, items, index, bias)
    known_km = _all_distances(items, index, centroid)  # one vectorized call for the text
    named0 = _named_countries(text, items, index, bias)  # "بمحافظة اربد": Jordan too
    area_at = _areas_by_position(items, index, bias)
    stops = [m.start() + 1 for m in ctx.SENTENCE_END.finditer(text)] if area_at else []
    areas = frozenset(name for _, name in area_at)
    leaning = capital_leanings(text, items, index, bias)
    area_leaning = area_leanings(text, items, index, bias)  # "ريف الرقة" twice: Raqqa's area
    town_in = towns_in(text, items, index, bias)  # "Palmyra in Homs": the governorate
    governorates = named_governorates(items, index, bias)
    listed = town_listed(text, items, index, bias) | quarter_named(text, items, index, bias)
    apposed = apposed_countries(items, index)  # "Sinjar, northern Iraq": the Iraqi Sinjar
    places: list[PlaceMention] = []
    roads: list[RoadMention] = []
    for it in items:
        cands = in_apposed_country(text, it, _candidates(index, it.payloads), apposed, bias)
        if not cands:
            continue
        road = next((p for p, _ in cands if p.kind == "road"), None)
        if road is not None:
            end = _road_tail(text, it.end, text[it.start : it.end])
            ends = _towns_in_road_name(text, it.start, end, index, bias)
            places += ends
            roads.append(RoadMention(text[it.start : end], it.start, end, road,
                                     tuple(m.place for m in ends)))  # fmt: skip
            continue
        key = _key(fold(text[it.name_start : it.end]))
        named = _named_by_adjective(text, it.end, index, named0, cands, bias)  # "الهرمل اللبنانية"
        if key not in index.exonyms and _only_far_alternates(cands, key, bias, named):
            home = home_namesake(text, it.start, it.end, index, bias, governorates)
            cands = _candidates(index, home)  # "the town of al-Mansoura": not Al Mansurah
        if (
            not cands
            or key not in index.exonyms
            and (
                _far_for_arabic(text[it.name_start : it.end], cands, bias, named)
                or _far_small_abroad(cands, bias, named, centroid)
                or _far_article_abroad(text[it.start : it.end], cands, bias, named, centroid)
                or _common_word_abroad(text, it.name_start, it.end, cands, bias, named)
            )
        ):
            continue
        cue = it.cue
        here = _sentence_areas(stops, it, area_at)
        chosen = None  # the choice with no cue, reused below when no cue comes
        if cue is None:
            chosen = _choose(cands, None, bias, centroid, key, named, areas, here, known_km)
            first = chosen[0]
            cue = capital_cue(text, it, cands, bias, first, leaning, listed, area_leaning, town_in)
        if cue is not None and cue.ring == "direction" and _NAMED_AREA.search(key):
            cue = replace(cue, direction=None, ring=None, level=1)  # "east of Homs Province"
        town = cue is not None and cue.kind == "region" and not _region_sized(cands, cue)
        town = town or cue is not None and seat_named(text, cue) or measured_from(text, cue)
        town = town or quarter_district(cands, cue) or central_metropolis(cands, cue)
        reuse = chosen if town or cue is None else None
        place, kind, alts, conf = reuse or _choose(cands, None if town else cue, bias, centroid,
                                                   key, named, areas, here, known_km)  # fmt: skip
        if cue is None and kind == "region" and _seat_meant(text, it.start, key):
            place, kind = _seat(index, place, kind)  # not "Afrin District": the district
        if cue is None:  # "rebel-held Damascus district": the city's district, the city
            place, kind = metropolis_district(index.lookup, key, place, kind)
        place, kind, part = _part(place, kind, cue, town)
        kind = "region" if compass_of_kind(text, cue, it.end, cands, bias) else kind  # east of Homs
        s, e = (cue.start, cue.end) if cue is not None else (it.start, it.end)
        s = min(s, it.start)
        conf = round(conf * LOOSE, 3) if it.loose else conf  # a press spelling: a little less sure
        place = place.with_score(conf, text[it.name_start : it.end])
        direction = cue.direction if cue is not None else None
        places.append(
            PlaceMention(text[s:e], s, e, place, kind, it.name_start, it.end, direction,
                         tuple(alts), part)
        )  # fmt: skip
    places.sort(key=lambda m: m.start)
    roads += _roads_before(text, places, roads, lambda n: index.lookup(n, top=3))
    roads.sort(key=lambda r: r.start)
    return _pair_roads(text, places, roads)
