"""A town located by a direction from a governorate's capital that lies far beyond the city.

"the city of al-Sukhna, east of Homs": al-Sukhna lies 200 km east of the city of Homs, in
the governorate's eastern desert. A reader who knows where the town is reads "east of Homs"
as the governorate's east, not as a point beside the city: the direction locates the town
in the area named after the capital. Near the city, "north of Homs" is the governorate's
area too since round 21 (``_capital_reading.compass_of_kind``, at the city's point); a
distance measured from the city ("Rastan, 25 km north of Homs") means the city.
"""

from __future__ import annotations

import dataclasses
import re

from ...place import Place
from ...projection import haversine_km
from .._parts import Part, shift
from .._results import PlaceMention
from ._capitals import DISTANCE_UNIT, capital_governorate

#: How far (km) the town located must lie from the capital for its direction to mean the
#: governorate: beyond the city's own countryside (the set's directions from a capital that
#: mean the city locate towns 1-45 km from it).
FAR_FROM_CITY_KM = 100.0
#: What may stand between the town and the direction: a comma, a distance.
_BETWEEN = re.compile(
    r",?[ \t]+(?:(?:some|about|around|nearly|roughly)[ \t]+)?"
    r"(?:\d[\d.,]*[ \t]?" + DISTANCE_UNIT + r"[ \t]+(?:to[ \t]+the[ \t]+)?)?"
)


def far_directions(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """Directions from a capital that locate a town far from the city: the governorate's part.

    Parameters
    ----------
    text : str
        The text.
    places : list of PlaceMention
        The place mentions found, in text order.

    Returns
    -------
    list of PlaceMention
        The same mentions, such a direction made the governorate's part (kind ``region``).

    Examples
    --------
    >>> import geozones
    >>> t = "Fighting near the city of al-Sukhna, east of Homs, went on."
    >>> [(m.text, m.kind) for m in geozones.extract(t).places]
    [('al-Sukhna', 'place'), ('east of Homs', 'region')]
    >>> t = "Fighting near the town of Rastan, 25 km north of Homs, went on."
    >>> [(m.text, m.kind) for m in geozones.extract(t).places]
    [('Rastan', 'place'), ('north of Homs', 'place')]
    """
    out = list(places)
    for i in range(1, len(places)):
        m, town = places[i], places[i - 1]
        area = _governorate(m)
        if area is None or town.kind != "place" or town.place.kind != "populated place":
            continue
        if area.name not in town.place.admin or not _BETWEEN.fullmatch(text, town.end, m.start):
            continue
        far = haversine_km(town.place.lat, town.place.lon, m.place.lat, m.place.lon)
        if far > FAR_FROM_CITY_KM:
            d = m.part.direction if m.part is not None else None
            part = shift(area, d).with_score(m.place.score, m.place.matched)
            alts = (m.place, *(a for a in m.alternatives if a is not area))
            out[i] = dataclasses.replace(m, place=part, kind="region", part=Part(d),
                                         alternatives=alts)  # fmt: skip
    return out


def _governorate(m: PlaceMention) -> Place | None:
    """The governorate named after the capital a direction is measured from, or None."""
    if m.part is None or m.part.ring != "direction" or m.place.kind != "populated place":
        return None
    return capital_governorate(m)
