"""The question asked online: the cleaned query, and the service's parameters for its context."""

from __future__ import annotations

import math
import unicodedata
from typing import Any

from ..errors import InputError
from ._config import _parameters

#: Half-size, in km, of the viewbox drawn around a ``near`` point.
NEAR_BOX_KM = 50.0
#: Fewest results asked for, so that top=1..5 share one cached answer.
_MIN_LIMIT = 5


def _clean_query(name: Any) -> str:
    if not isinstance(name, str) or not name.strip():
        raise InputError(f"a place name to geocode online must be a non-empty text, not {name!r}")
    return " ".join(name.split())


def _cache_query(query: str) -> str:
    """The query as cached: Unicode-normalized, case-folded (services ignore case)."""
    return unicodedata.normalize("NFC", query).casefold()


def _check_top(top: Any) -> int:
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise InputError(f"top must be a whole number ≥ 1, not {top!r}")
    return top


def _query_kwargs(cls: Any, *, top: int, country: Any, near: Any) -> dict[str, Any]:
    """The geocoder's keyword arguments (JSON-ready) for this query's context.

    Only the parameters the geocoder's ``geocode`` takes are used, so any geopy
    geocoder gets what it understands: a country filter, a bias towards
    ``near`` (never a hard bound), English names, details and enough results.
    """
    params = _parameters(cls.geocode)
    kwargs: dict[str, Any] = {}
    if "exactly_one" in params:
        kwargs["exactly_one"] = False
    for p in ("limit", "max_results", "maxresults", "maximum_responses"):
        if p in params:
            kwargs[p] = max(top, _MIN_LIMIT)
            break
    if "language" in params:
        kwargs["language"] = "en"
    for p in ("addressdetails", "extratags", "namedetails"):
        if p in params:
            kwargs[p] = True
    codes = _country_codes(country)
    if codes:
        country_params: list[tuple[str, Any]] = [
            ("country_codes", codes),
            ("countries", codes),
            ("country", ",".join(codes)),
            ("country_bias", codes[0]),
            ("region", codes[0].lower()),
        ]
        for p, value in country_params:
            if p in params:
                kwargs[p] = value
                break
    box = _near_box(near)
    if box is not None:
        south, west, north, east = box
        center = [(south + north) / 2, (west + east) / 2]
        near_params: list[tuple[str, Any]] = [
            ("viewbox", [[south, west], [north, east]]),
            ("location_bias", center),
            ("proximity", center),
            ("at", center),
            ("bounds", [[south, west], [north, east]]),
        ]
        for p, value in near_params:
            if p in params:
                kwargs[p] = value
                if p == "viewbox" and "bounded" in params:
                    kwargs["bounded"] = False
                break
    return kwargs


def _with_objects(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Turn the JSON-ready (lat, lon) lists of ``kwargs`` into geopy Points."""
    from geopy.point import Point  # lazy: a cached answer needs no geopy

    out = dict(kwargs)
    for p in ("viewbox", "bounds"):
        if p in out:
            out[p] = [Point(*corner) for corner in out[p]]
    for p in ("location_bias", "proximity", "at"):
        if p in out:
            out[p] = Point(*out[p])
    return out


def _country_codes(country: Any) -> list[str]:
    if country is None or country == "":
        return []
    items = country.split(",") if isinstance(country, str) else list(country)
    codes = [str(c).strip() for c in items if str(c).strip()]
    bad = [c for c in codes if len(c) != 2 or not c.isalpha() or not c.isascii()]
    if bad:
        raise InputError(
            f"country {country!r} is not an ISO 3166-1 alpha-2 code; write e.g. 'SY' or 'SY,TR'"
        )
    return [c.lower() for c in codes]


def _near_box(near: Any) -> tuple[float, float, float, float] | None:
    """(south, west, north, east) of the area ``near`` stands for."""
    if near is None:
        return None
    if hasattr(near, "lat") and hasattr(near, "lon"):
        near = (near.lat, near.lon)
    elif isinstance(near, (tuple, list)) and len(near) == 4:  # the gazetteer's area form
        try:
            south, west, north, east = (float(v) for v in near)
        except (TypeError, ValueError):
            raise InputError(f"near {near!r}: give (south, west, north, east) in degrees") from None
        return _checked_box(south, west, north, east, near)
    elif hasattr(near, "bounds") and not isinstance(near, (tuple, list)):
        west, south, east, north = (float(v) for v in near.bounds)
        if west < east or south < north:
            return _checked_box(south, west, north, east, near)
        near = (south, west)
    try:
        lat, lon = (float(v) for v in near)
    except (TypeError, ValueError):
        raise InputError(
            f"near {near!r} is not a place: give (lat, lon), a Place or a shapely geometry"
        ) from None
    dlat = NEAR_BOX_KM / 111.32
    dlon = NEAR_BOX_KM / (111.32 * max(math.cos(math.radians(lat)), 0.01))
    return _checked_box(lat - dlat, lon - dlon, lat + dlat, lon + dlon, near)


def _checked_box(south: float, west: float, north: float, east: float, near: Any) -> tuple:
    if not (-90 <= (south + north) / 2 <= 90 and -180 <= (west + east) / 2 <= 180):
        raise InputError(f"near {near!r} is outside the world (lat, lon) range")
    return (max(south, -90.0), max(west, -180.0), min(north, 90.0), min(east, 180.0))
