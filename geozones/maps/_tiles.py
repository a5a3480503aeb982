"""Optional web tile base layers (xyzservices providers), never shown by default."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import xyzservices.providers as xyz

from ..errors import InputError
from ._elements import SafeFeatureGroup, SafeTileLayer

if TYPE_CHECKING:  # pragma: no cover
    import folium

#: Web tile providers offered when ``offline=False`` and no ``tiles`` are given.
ONLINE_TILES = ("OpenStreetMap.Mapnik", "Esri.WorldImagery", "OpenTopoMap")

#: Name of the base layer that shows no web tiles.
OFFLINE_BASE = "No tiles (offline vector basemap)"


def tile_providers(tiles: str | Sequence[str] | None, offline: bool = True) -> list[Any]:
    """The xyzservices providers for ``tiles`` (names), or the online defaults.

    Raises
    ------
    InputError
        For an unknown name (with close names) or a provider that needs an API key.

    Examples
    --------
    >>> [p.name for p in tile_providers("OpenTopoMap")]
    ['OpenTopoMap']
    >>> tile_providers(None, offline=True)
    []
    """
    if tiles is None:
        names: list[str] = [] if offline else list(ONLINE_TILES)
    elif isinstance(tiles, str):
        names = [tiles]
    else:
        names = [str(t) for t in tiles]
    return [_provider(name) for name in names]


def _provider(name: str) -> Any:

    try:
        provider = xyz.query_name(name)
    except ValueError:
        known = list(xyz.flatten())
        close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
        hint = ", ".join(dict.fromkeys([*close, *ONLINE_TILES]))
        raise InputError(
            f"unknown tile provider {name!r}; try one of: {hint} "
            "(every name: python -c 'import xyzservices; print(*xyzservices.providers.flatten())')"
        ) from None
    if provider.requires_token():
        raise InputError(
            f"tile provider {provider.name!r} needs an API key; choose one that does not, "
            "e.g. OpenStreetMap.Mapnik or Esri.WorldImagery"
        )
    return provider


def add_tiles(fmap: folium.Map, providers: list[Any]) -> bool:
    """Add an offline base layer and the ``providers`` (not shown); False when there are none."""

    if not providers:
        return False
    SafeFeatureGroup(name=OFFLINE_BASE, overlay=False, control=True, show=True).add_to(fmap)
    for provider in providers:
        SafeTileLayer(
            tiles=provider, name=provider.name, overlay=False, control=True, show=False
        ).add_to(fmap)
    return True
