"""The country an extraction favours (``country_bias``): checked, and its towns loaded.

A country outside the gazetteer's home countries is loaded as ``geocode(country=)`` does
(GeoNames through the ``world`` extra), so the scan index sees its places; a code no country
has is an :class:`~geozones.errors.InputError`; without the extra a
:class:`CountryBiasWarning` says that only the bundled places are read.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

from ...errors import GeozonesWarning, InputError

if TYPE_CHECKING:
    from ...gazetteer import Gazetteer

_NO_COUNTRY: set[tuple[int, str]] = set()  # (gazetteer, country) whose places cannot be loaded


class CountryBiasWarning(GeozonesWarning):
    """``extract(country_bias=...)`` could not load that country's towns (no ``world`` extra):
    only the bundled places (Syria, its neighbours' border towns, the world's big cities) are
    read."""


def load_country(gaz: Gazetteer, country: str) -> None:
    """Add ``country``'s GeoNames places to ``gaz`` once; InputError for a code no country has;
    without the ``world`` extra, a :class:`CountryBiasWarning` and the bundled places only."""
    if (id(gaz), country) in _NO_COUNTRY:
        return
    if country not in _country_codes(gaz):
        raise InputError(
            f"{country!r} is not the ISO 3166-1 alpha-2 code of a country (country_bias=, "
            "--country); give the country's two-letter code, e.g. 'SY', 'LY', 'TR'"
        )
    try:
        gaz.load_country(country)
    except InputError as exc:
        _NO_COUNTRY.add((id(gaz), country))
        warnings.warn(
            f"the towns of {country} are not loaded ({exc}); only the bundled places are read",
            CountryBiasWarning,
            stacklevel=4,
        )


def _country_codes(gaz: Gazetteer) -> frozenset[str]:
    """The codes of the countries ``gaz`` knows (its ``country`` entries)."""
    got = _CODES.get(id(gaz))
    if got is None or got[0] is not gaz:
        codes = frozenset(
            c for c, k in zip(gaz.countries, gaz.kinds, strict=True) if k == "country"
        )
        got = _CODES[id(gaz)] = (gaz, codes)
    return got[1]


_CODES: dict[int, tuple[Any, frozenset[str]]] = {}
