"""City quarters called districts ("the Barzeh district", "the district of Qaboun").

English news calls a city's quarter a "district" ("the rebel-held district of Qaboun on the
edge of the capital", "the Dummar district of the country's capital Damascus") as it calls
an admin district one ("Masyaf District", "the Tel Rifat district"). The word alone does not
say which; the gazetteer does. A name with an admin area of its name (a district or
sub-district whose seat it is: Masyaf, Ayn Issa, Atarib) or a curated region is the area,
as before. A name whose senses are a city's quarter (the gazetteer's neighbourhoods) and no
area is the quarter: a place, at its city's point as the set places quarters. A metropolis
named "X district" with no compass word ("rebel-held Damascus district") is a district of
the city: the city.
"""

from __future__ import annotations

from collections.abc import Callable

from ...place import Place
from ..scan._region_cue import RegionCue

#: The nouns read here: English "district(s)" only (an Arabic "منطقة X" is a district's or a
#: village's own area and is read elsewhere).
DISTRICT_NOUNS = frozenset({"district", "districts"})
#: Population from which a town is a metropolis whose "X district" is one of its quarters.
METROPOLIS_POPULATION = 1_000_000


def quarter_district(cands: list[tuple[Place, float]], cue: RegionCue | None) -> bool:
    """Whether "X district" names a city quarter (a place), not an admin district.

    Parameters
    ----------
    cands : list of (Place, float)
        The name's candidates.
    cue : RegionCue or None
        The name's region cue ("district", with its compass word if any).

    Returns
    -------
    bool
        True when the noun is "district" and the name is a quarter with no area of its
        name, or a metropolis named with no compass word.

    Examples
    --------
    >>> quarter_district([], RegionCue("region", 0, 6, None, "district", 2))
    False
    >>> quarter_district([], None)
    False
    """
    if cue is None or cue.noun is None or cue.noun.lower() not in DISTRICT_NOUNS or not cands:
        return False
    direction = cue.direction
    places = [p for p, _ in cands]
    if any(p.kind == "populated place" and p.population >= METROPOLIS_POPULATION for p in places):
        return direction is None  # "rebel-held Damascus district"; not "eastern Aleppo district"
    if any(p.kind in ("admin area", "country") or p.extra.get("region") for p in places):
        return False  # "Masyaf District", "the Ayn Issa district": the area
    return any(p.extra.get("feature") == "neighbourhood" for p in places)


def metropolis_district(
    lookup: Callable[[str, int], list[Place]], key: str, place: Place, kind: str
) -> tuple[Place, str]:
    """A district named "X district" after the metropolis X, with no compass word ("rebel-held
    Damascus district"): the news means a district of the city, and the admin district of
    that name is the city itself (OCHA's Damascus district): the city.

    Parameters
    ----------
    lookup : callable
        The geoparser's lookup (name, top) -> places.
    key : str
        The folded name matched ("damascus district").
    place : Place
        The place chosen for it.
    kind : str
        Its kind ("region").

    Returns
    -------
    (Place, str)
        The metropolis and "place", or ``place`` and ``kind`` unchanged.

    Examples
    --------
    >>> p = Place("Idleb", 35.9, 36.6, "admin area", (), "x", "", 1.0, "Idleb", "SY", 2)
    >>> metropolis_district(lambda n, top: [], "idleb district", p, "region")[1]
    'region'
    """
    if kind != "region" or place.kind != "admin area" or place.level != 2:
        return place, kind
    if not key.endswith(" district"):
        return place, kind
    for p in lookup(place.name, 5):
        if p.kind == "populated place" and p.name == place.name:
            if p.population >= METROPOLIS_POPULATION and place.name in p.admin:
                return p.with_score(place.score, place.matched), "place"
    return place, kind
