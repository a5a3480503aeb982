"""Reading a query: argument checks, qualifiers ("Idlib governorate", "the town of X") and
compass words ("southern Idlib", "ريف حلب الغربي")."""

from __future__ import annotations

import math
from typing import Any

from .._text import name_key
from ..errors import InputError
from ..place import PLACE_KINDS


def _check_args(name: Any, top: Any, kind: Any, country: Any, near: Any) -> tuple:
    """Checked ``(kind, country, near)``; InputError for a bad argument."""
    if not isinstance(name, str):
        raise InputError(f"a place name must be text, not {type(name).__name__}")
    if not name_key(name):
        raise InputError(
            f"place name {name!r} has no letters or digits; give a name such as 'Azaz'"
        )
    if not isinstance(top, int) or isinstance(top, bool) or top < 1:
        raise InputError(f"top={top!r}: give a whole number ≥ 1")
    if kind is not None and kind not in PLACE_KINDS:
        raise InputError(f"kind={kind!r}: use one of {', '.join(repr(k) for k in PLACE_KINDS)}")
    if country is not None:
        country = _check_countries(country)
    if near is not None:
        near = _check_near(near)
    return kind, country, near


def _check_countries(country: Any) -> frozenset[str]:
    """ISO alpha-2 codes from ``"LY"``, ``"LY,TN"`` or a list of codes, upper case."""
    if isinstance(country, frozenset):
        return country
    items = country.split(",") if isinstance(country, str) else country
    try:
        codes = frozenset(str(c).strip().upper() for c in items)
    except TypeError:
        codes = frozenset()
    if not codes or any(len(c) != 2 or not c.isalpha() or not c.isascii() for c in codes):
        raise InputError(
            f"country={country!r}: give an ISO 3166-1 alpha-2 code such as 'SY', "
            "or several ('LY,TN' or ['LY', 'TN'])"
        )
    return codes


def _check_near(near: Any) -> tuple[float, ...]:
    """``(lat, lon)`` or ``(south, west, north, east)`` in degrees, checked."""
    try:
        vals = tuple(float(x) for x in near)
    except (TypeError, ValueError):
        vals = ()
    if len(vals) not in (2, 4) or not all(math.isfinite(v) for v in vals):
        raise InputError(
            f"near={near!r}: give (lat, lon) in degrees, e.g. (35.93, 36.63), or an area "
            "(south, west, north, east)"
        )
    lats, lons = vals[0::2], vals[1::2]
    if not (all(-90 <= v <= 90 for v in lats) and all(-180 <= v <= 180 for v in lons)):
        raise InputError(f"near={near!r}: latitude must be in -90..90 and longitude in -180..180")
    if len(vals) == 4 and (vals[0] > vals[2] or vals[1] > vals[3]):
        raise InputError(f"near={near!r}: an area is (south, west, north, east), south ≤ north")
    return vals


#: Words that qualify a name: (kind, admin level) they ask for.
_QUALIFIERS: dict[str, tuple[str, int | None]] = {
    **{
        w: ("admin area", 1)
        for w in (
            "governorate",
            "province",
            "muhafazat",
            "muhafaza",
            "muhafazah",
            "il",
            "vilayeti",
            "ili",
        )
    },
    **{
        w: ("admin area", 2)
        for w in ("district", "mantiqa", "mantiqat", "mintaqa", "ilcesi", "ilce")
    },
    **{
        w: ("admin area", 3)
        for w in ("subdistrict", "nahiya", "nahiyah", "nahia", "nahiyat", "bucagi")
    },
    **{w: ("admin area", None) for w in ("region", "area", "countryside", "rural", "ريف")},
    **{
        w: ("populated place", None)
        for w in ("city", "town", "village", "hamlet", "sehri", "koyu", "kasabasi")
    },
    "محافظه": ("admin area", 1),
    "ولايه": ("admin area", 1),  # a Turkish province in Arabic: "ولاية هاتاي"
    "منطقه": ("admin area", 2),
    "ناحيه": ("admin area", 3),
    "مدينه": ("populated place", None),
    "بلده": ("populated place", None),
    "قريه": ("populated place", None),
}
_JOINERS = {"of", "the", "de", "du", "des"}
_RURAL = -1  # the "level" of a countryside qualifier


def _qualifier(words: list[str]) -> tuple[str, str | None, int | None]:
    """Split 'Idlib governorate', 'the city of Azaz', 'ناحية سراقب' into (name, kind, level)."""
    for at in (0, -1):
        w = words[at]
        if w in _QUALIFIERS:
            kind, level = _QUALIFIERS[w]
            rest = words[1:] if at == 0 else words[:-1]
            while rest and rest[0] in _JOINERS:
                rest = rest[1:]
            while rest and rest[-1] in _JOINERS:
                rest = rest[:-1]
            if w in ("countryside", "rural", "ريف"):
                level = _RURAL
            if rest:
                return " ".join(rest), kind, level
    if words[0] in _JOINERS:
        return _qualifier(words[1:]) if len(words) > 2 else ("", None, None)
    return "", None, None


_COMPASS = frozenset(
    "north south east west northern southern eastern western central "
    "northeastern northwestern southeastern southwestern north-east north-west "
    "شمال جنوب شرق غرب شمالي جنوبي شرقي غربي الشمالي الجنوبي الشرقي الغربي".split()
)


def _strip_compass(words: list[str]) -> str:
    """'northern Hama countryside' → 'hama countryside'; '' when no compass word leads or ends."""
    i, j = 0, len(words)
    while i < j - 1 and (words[i] in _COMPASS or words[i] in _JOINERS):
        i += 1
    while j - 1 > i and words[j - 1] in _COMPASS:
        j -= 1
    if (i, j) == (0, len(words)) or i == j:
        return ""
    return " ".join(words[i:j])


def _hint(kind: str | None, country: Any) -> str:
    parts = []
    if kind:
        parts.append(f"kind={kind!r}")
    if country:
        codes = sorted(country) if not isinstance(country, str) else [country]
        parts.append(f"country={','.join(codes)!r}")
    return ("searched only " + ", ".join(parts)) if parts else ""
