"""Compile an agreement spec into a :class:`~geozones.timeline.Timeline` of dated geometry.

A feature's ``geometry`` is an *expression*: a mapping with one key (the
operator) or, as a shorthand, a bare place name. Operators:

- ``place``: a named place → Point (``place: Saraqib`` or ``{name, country, kind}``)
- ``places``: several names → MultiPoint
- ``point``: ``{lat, lon}`` → Point
- ``wkt``: a WKT string in lon/lat
- ``admin``: union of admin areas by name or P-code (``{name(s), level, within}``),
  from the bundled layers or those the spec declares (``boundaries:``)
- ``countries``: union of countries (Natural Earth)
- ``area``: a polygon of a bundled layer (``{layer: operation-areas, name: ...}``)
- ``road``: the whole line of a named road
- ``along``: a road between the points on it nearest two places
- ``corridor``: ``along`` buffered by ``width`` on each side, flat ends at the two places
- ``buffer``: ``{of, distance}`` (``cap: round|flat``)
- ``band``: the strip of an area within ``width`` of (part of) its boundary
- ``boundary``: the outline of an area, or the part of it ``along``/not near ``exclude``
- ``hull``: convex hull of expressions or names
- ``union``, ``difference``, ``intersection``: set operations over a list
- ``ref``: the geometry of another feature (by id)
- ``file``: ``{path, layer, where}``: a local vector file (relative to the spec)

Distances are metres on the ground, worked in a local projection fitted to
each expression (:mod:`geozones.projection`); results are EPSG:4326 and valid.

The package: ``_context`` (one compilation's state and argument helpers), ``_evaluator``
(the evaluator and the operator registry), one ``_ops_<family>.py`` module per operator
family (found by :func:`load_families`: a new family is one new module), ``_declared``
(data a spec declares), ``_features`` (features and the table), ``_cache`` (the on-disk
cache and its key) and ``_api`` (the entry points below).
"""

from __future__ import annotations

from ._api import (
    compile_expression,
    compile_timeline,
    load_timeline,
    timeline_cache,
    validate,
)
from ._cache import CACHE_KEEP, COMPILER_VERSION, TimelineCache, cache_key, code_fingerprint
from ._context import Geometry
from ._declared import boundary_layer, declared_of, declared_places
from ._evaluator import OPS, evaluate, load_families, op
from ._features import compile_spec

load_families()

#: The operators by name (the registry, under the name tests and docs scripts used).
_OPS = OPS

__all__ = [
    "CACHE_KEEP",
    "COMPILER_VERSION",
    "Geometry",
    "OPS",
    "TimelineCache",
    "boundary_layer",
    "cache_key",
    "code_fingerprint",
    "compile_expression",
    "compile_spec",
    "compile_timeline",
    "declared_of",
    "declared_places",
    "evaluate",
    "load_families",
    "load_timeline",
    "op",
    "timeline_cache",
    "validate",
]
