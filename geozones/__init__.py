"""geozones: map ceasefire and de-escalation zones from the words of the agreements.

The public API is imported lazily, so ``import geozones`` stays fast and
geopandas or folium load only when a function that needs them is called.

Examples
--------
>>> import geozones
>>> geozones.geocode("Cerablus").name          # doctest: +SKIP
'Jarablus'
>>> tl = geozones.load_timeline()              # doctest: +SKIP
>>> geozones.render_map(tl, "map.html")        # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from . import settings
from ._version import __version__
from .errors import (
    ExportError,
    GeozonesError,
    GeozonesWarning,
    InputError,
    OnlineGeocodingError,
    SpecError,
    UnknownPlaceError,
)

# public name -> module that defines it
_LAZY: dict[str, str] = {
    "Place": "geozones.place",
    "Gazetteer": "geozones.gazetteer",
    "geocode": "geozones.gazetteer",
    "Timeline": "geozones.timeline",
    "load_timeline": "geozones.compiler",
    "locate": "geozones.analysis",
    "render_map": "geozones.maps",
    "export": "geozones.exports",
    "join_events": "geozones.events",
    "summarize": "geozones.events",
    "read_events": "geozones.events",
    "extract": "geozones.geoparse",
    "draft_spec": "geozones.geoparse",
}

__all__ = [
    "__version__",
    "settings",
    "GeozonesError",
    "GeozonesWarning",
    "UnknownPlaceError",
    "SpecError",
    "InputError",
    "ExportError",
    "OnlineGeocodingError",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'geozones' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from .analysis import locate
    from .compiler import load_timeline
    from .events import join_events, read_events, summarize
    from .exports import export
    from .gazetteer import Gazetteer, geocode
    from .geoparse import draft_spec, extract
    from .maps import render_map
    from .place import Place
    from .timeline import Timeline
