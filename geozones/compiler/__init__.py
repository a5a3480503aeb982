"""Compile an agreement spec into a :class:`~geozones.timeline.Timeline` of dated geometry.

A feature's ``geometry`` is an *expression*: a mapping with one key (the
operator) or, as a shorthand, a bare place name. Operators:

- ``place``: a named place → Point (``place: Saraqib`` or ``{name, country, kind}``)
- ``places``: several names → MultiPoint
- ``point``: ``{lat, lon}`` → Point
- ``wkt``: a WKT string in lon/lat
- ``admin``: union of admin areas by name or P-code (``{name(s), level, within}``)
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
- ``file``: ``{path, layer, where}``: any file GDAL reads (relative to the spec)

Distances are metres on the ground, worked in a local projection fitted to
each expression (:mod:`geozones.projection`); results are EPSG:4326 and valid.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import json
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import settings
from ._version import __version__
from .errors import GeozonesError, InputError, SpecError, UnknownPlaceError
from .spec import LineDict, LineList, Spec, bundled_path, parse_distance, read_spec, suggest

#: Bumped whenever compiled output changes for the same spec and data.
COMPILER_VERSION = "1"
#: A place used as an end of ``along``/``corridor`` may lie this far from the road.
MAX_ROAD_OFFSET_M = 5000.0
#: Default tolerance of ``band``'s ``along`` and ``exclude``.
BAND_TOLERANCE_M = 1000.0
#: Simplification (metres) of a boundary before ``band`` buffers it.
EDGE_SIMPLIFY_M = 10.0
#: A name in a spec must match the gazetteer at least this well (1 = exact after
#: folding case, diacritics, articles; a spelling variant scores ~0.9). Below it
#: the spec is refused with the candidates, never silently moved to a look-alike.
MIN_PLACE_SCORE = 0.95

Geometry = Any


# --- context -------------------------------------------------------------------------------


@dataclass
class _Context:
    """State of one compilation: the spec, finished features, places used."""

    spec: Spec
    features: dict[str, Any]
    done: dict[str, Geometry] = field(default_factory=dict)
    stack: list[str] = field(default_factory=list)
    places: dict[tuple, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    feature_notes: dict[str, list[str]] = field(default_factory=dict)
    in_cycle: set[str] = field(default_factory=set)
    #: whether ``file:`` may open VRT and /vsi* network paths (``--online``)
    online: bool = False
    #: results by expression node: a sub-expression shared through a YAML alias is built once
    memo: dict[tuple[int, int], tuple[Any, Any, Geometry, list[str]]] = field(default_factory=dict)
    #: while the ends of a road stretch are resolved: the road (namesakes far off it lose)
    near: Any = None

    @property
    def path(self) -> str | None:
        return self.spec.path

    def error(self, message: str, line: int | None, hint: str = "") -> SpecError:
        return SpecError(message, path=self.path, line=line, hint=hint)


def _line(node: Any, key: Any = None) -> int | None:
    if isinstance(node, (LineDict, LineList)):
        return node.line_of(key) if key is not None else node.line
    return None


# --- expressions -----------------------------------------------------------------------------

#: operator -> (handler, allowed keys of its mapping argument or None)
_OPS: dict[str, tuple[Callable[[_Context, Any, int | None], Geometry], set[str] | None]] = {}


def _op(name: str, keys: set[str] | None = None) -> Callable:
    def deco(fn: Callable) -> Callable:
        _OPS[name] = (fn, keys)
        return fn

    return deco


def evaluate(expr: Any, ctx: _Context, line: int | None = None) -> Geometry:
    """Evaluate a parsed geometry expression in a compilation context (internal).

    Use :func:`compile_expression` from outside a spec.
    """
    if isinstance(expr, str):
        return _place_geom(ctx, expr, line)
    if not isinstance(expr, dict) or len(expr) != 1:
        got = (
            "nothing"
            if expr is None
            else (
                f"{len(expr)} keys ({', '.join(map(str, expr))})"
                if isinstance(expr, dict)
                else type(expr).__name__
            )
        )
        raise ctx.error(
            f"a geometry expression must be a mapping with one operator, got {got}",
            _line(expr) or line,
            "write e.g. 'place: Saraqib' or 'buffer: {of: {place: Saraqib}, "
            "distance: 5 km}'; operators: " + ", ".join(_OPS),
        )
    key = (id(expr), id(ctx.near))
    hit = ctx.memo.get(key)
    if hit is not None:
        ctx.notes.extend(hit[3])
        return hit[2]
    before = len(ctx.notes)
    geom = _evaluate_op(expr, ctx, line)
    ctx.memo[key] = (expr, ctx.near, geom, ctx.notes[before:])
    return geom


def _evaluate_op(expr: dict, ctx: _Context, line: int | None) -> Geometry:
    """Evaluate one operator mapping (after :func:`evaluate`'s memo missed)."""
    ((op, arg),) = expr.items()
    op_line = _line(expr, op) or line
    if op not in _OPS:
        raise ctx.error(f"unknown geometry operator {op!r}", op_line, suggest(op, _OPS))
    fn, keys = _OPS[op]
    if keys is not None and isinstance(arg, dict):
        for key in arg:
            if key not in keys:
                raise ctx.error(
                    f"unknown key {key!r} in '{op}'",
                    _line(arg, key) or op_line,
                    suggest(key, sorted(keys)),
                )
    return fn(ctx, arg, op_line)


def _need(ctx: _Context, arg: Any, key: str, op: str, line: int | None) -> Any:
    if not isinstance(arg, dict):
        raise ctx.error(
            f"'{op}' takes a mapping with '{key}'",
            _line(arg) or line,
            f"write '{op}: {{{key}: ...}}'",
        )
    value = arg.get(key)
    if value is None or value == "":
        raise ctx.error(f"'{op}' has no '{key}'", line or _line(arg), f"add '{key}: ...'")
    return value


def _distance(
    ctx: _Context, arg: dict, key: str, op: str, line: int | None, *, allow_range: bool = True
) -> float:
    """A distance in metres; a range is drawn at its mean and recorded in the notes."""
    value = _need(ctx, arg, key, op, line)
    try:
        low, high = parse_distance(value, allow_range=allow_range)
    except ValueError as exc:
        raise ctx.error(f"{op} {key}: {exc}", _line(arg, key) or line) from None
    from .projection import MAX_RADIUS_M

    if high > MAX_RADIUS_M:
        raise ctx.error(
            f"{op} {key} {_km(high)} is beyond the {_km(MAX_RADIUS_M)} within which "
            "distances are drawn accurately",
            _line(arg, key) or line,
            "geozones draws distances in a local projection; use a smaller distance, "
            "or draw the area from admin areas or a file",
        )
    if high != low:
        mid = (low + high) / 2.0
        ctx.notes.append(
            f"{op} {key} given as a range, {_km(low)}–{_km(high)}: drawn at the mean, {_km(mid)}"
        )
        return mid
    return low


def _fit(ctx: _Context, line: int | None, *geoms: Geometry, distance_m: float = 0.0) -> Any:
    """The local projection for metric work on ``geoms``, refusing what it cannot draw right."""
    from .projection import fit, metric_problem

    problem = metric_problem(*geoms, distance_m=distance_m)
    if problem:
        raise ctx.error(
            f"cannot work in metres here: {problem}",
            line,
            "keep metric operators (buffer, band, corridor, hull) within about 1,000 km, "
            "away from the poles and the antimeridian",
        )
    return fit(*geoms)


def _check_lonlat(ctx: _Context, geom: Geometry, what: str, line: int | None) -> Geometry:
    """``geom`` when its coordinates are finite degrees on the globe, else a SpecError."""
    from .projection import lonlat_problem

    problem = lonlat_problem(geom)
    if problem:
        raise ctx.error(
            f"{what}: {problem}",
            line,
            "write longitude -180..180 and latitude -90..90, in degrees (EPSG:4326)",
        )
    return geom


def _km(metres: float) -> str:
    return f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"


def _list(ctx: _Context, arg: Any, op: str, line: int | None, *, min_len: int = 1) -> list:
    if not isinstance(arg, list) or len(arg) < min_len:
        raise ctx.error(
            f"'{op}' takes a list of at least {min_len} expression(s)",
            _line(arg) or line,
            f"write '{op}:' followed by '- ...' items",
        )
    return arg


def _items(ctx: _Context, arg: list, line: int | None) -> list[Geometry]:
    return [evaluate(item, ctx, _line(arg, i) or line) for i, item in enumerate(arg)]


# --- named things (gazetteer, boundaries) ---------------------------------------------------


def _gazetteer() -> Any:
    try:
        from . import gazetteer
    except ImportError as exc:  # pragma: no cover - the gazetteer ships with the package
        raise GeozonesError(f"the gazetteer is not available ({exc})") from None
    return gazetteer


def _resolve(
    ctx: _Context,
    name: Any,
    line: int | None,
    *,
    kind: str | None = None,
    country: str | None = None,
) -> Any:
    """Geocode a name for the spec; unknown or ambiguous → SpecError with suggestions."""
    if isinstance(name, dict):
        for key in name:
            if key not in {"name", "country", "kind"}:
                raise ctx.error(
                    f"unknown key {key!r} in a place",
                    _line(name, key) or line,
                    suggest(key, ["name", "country", "kind"]),
                )
        kind = name.get("kind", kind)
        country = name.get("country", country)
        line = _line(name) or line
        name = name.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ctx.error(
            f"a place must be a name, got {name!r}",
            line,
            "write the name as text, e.g. 'place: Saraqib'",
        )
    country = country if country is not None else ctx.spec.country
    key = (name, kind, country)
    if key in ctx.places and ctx.near is None:
        return ctx.places[key]
    gz = _gazetteer()
    kwargs: dict[str, Any] = {}
    if kind:
        kwargs["kind"] = kind
    if country:
        kwargs["country"] = country
    try:
        found = gz.geocode(name, top=5, **kwargs)
    except UnknownPlaceError as exc:
        cands = ", ".join(exc.candidates[:5])
        raise ctx.error(
            f"unknown place {name!r}",
            line,
            (
                f"did you mean one of: {cands}?"
                if cands
                else "check the spelling, or give 'point: {lat: ..., lon: ...}'"
            ),
        ) from None
    except GeozonesError as exc:
        raise ctx.error(f"cannot resolve {name!r}: {exc}", line) from None
    found = found if isinstance(found, list) else [found]
    if ctx.near is not None:
        found = _nearest_first(found, ctx.near)
    place = found[0]
    if place.score < MIN_PLACE_SCORE:
        where = ", ".join(reversed(place.admin[1:])) if place.admin else place.country
        raise ctx.error(
            f"no exact match for place {name!r}: the closest is {place.name!r} "
            f"({where}; {place.source_id}; score {place.score:.2f})",
            line,
            f"write '{place.name}' or its code {place.source_id} if that is the "
            "place, else 'point: {lat: ..., lon: ...}'",
        )
    _check_unique(ctx, name, place, found[1:], line)
    ctx.places[key] = place
    return place


def _nearest_first(found: list, near: Any) -> list:
    """The good matches ordered by distance to ``near``; namesakes far from it dropped."""
    import shapely

    good = [p for p in found if p.score >= MIN_PLACE_SCORE]
    if not good:
        return found
    deg = [shapely.distance(near, shapely.Point(p.lon, p.lat)) for p in good]
    order = sorted(range(len(good)), key=deg.__getitem__)
    limit = deg[order[0]] + 1.5 * MAX_ROAD_OFFSET_M / 111_000.0
    return [good[i] for i in order if deg[i] <= limit]


#: Two places of one name further apart than this (km) are different places.
SAME_PLACE_KM = 10.0


def _check_unique(ctx: _Context, name: str, place: Any, others: list, line: int | None) -> None:
    """Refuse a name that fits several places equally, unless one clearly dominates.

    A town of 48,000 beats a hamlet of the same name (population ten times larger);
    three villages called Zaytuneh do not beat each other: the spec must say which.
    """
    from .gazetteer import _haversine_km

    ties = [
        p
        for p in others
        if p.kind == place.kind
        and p.score >= place.score
        and _haversine_km(p.lat, p.lon, place.lat, place.lon) > SAME_PLACE_KM
    ]
    if not ties:
        return
    if place.population > 0 and place.population >= 10 * max(p.population for p in ties):
        return
    listed = "; ".join(
        f"{p.name} ({', '.join(reversed(p.admin[1:])) or p.country}; {p.source_id})"
        for p in [place, *ties]
    )
    raise ctx.error(
        f"place {name!r} names several places: {listed}",
        line,
        "write the code of the one you mean (e.g. 'place: "
        f"{place.source_id}'), or 'point: {{lat: ..., lon: ...}}'",
    )


def _place_geom(ctx: _Context, name: Any, line: int | None) -> Geometry:
    import shapely

    place = _resolve(ctx, name, line)
    if place.kind == "populated place":
        return shapely.Point(place.lon, place.lat)
    return place.geometry


@_op("place")
def _op_place(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    return _place_geom(ctx, arg, line)


@_op("places")
def _op_places(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    import shapely

    arg = _list(ctx, arg, "places", line)
    pts = [_resolve(ctx, n, _line(arg, i) or line) for i, n in enumerate(arg)]
    return shapely.MultiPoint([(p.lon, p.lat) for p in pts])


@_op("point", {"lat", "lon"})
def _op_point(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    import shapely

    try:
        lat = float(_need(ctx, arg, "lat", "point", line))
        lon = float(_need(ctx, arg, "lon", "point", line))
    except (TypeError, ValueError):
        raise ctx.error(
            "point lat and lon must be numbers",
            _line(arg) or line,
            "write 'point: {lat: 35.86, lon: 36.77}'",
        ) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ctx.error(
            f"point ({lat}, {lon}) is off the globe",
            _line(arg) or line,
            "lat runs -90..90 and lon -180..180 (did you swap them?)",
        )
    return shapely.Point(lon, lat)


@_op("wkt")
def _op_wkt(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    import shapely

    try:
        with warnings.catch_warnings():  # NaN in WKT: reported below, with the line
            warnings.simplefilter("ignore", RuntimeWarning)
            geom = shapely.from_wkt(str(arg))
        return shapely.make_valid(_check_lonlat(ctx, geom, "wkt", line))
    except shapely.errors.GEOSException as exc:
        raise ctx.error(
            f"bad WKT: {exc}",
            line,
            "write e.g. 'wkt: POLYGON ((36 35, 37 35, 37 36, 36 35))' (lon lat)",
        ) from None


@_op("road")
def _op_road(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    return _road_line(ctx, arg, line)


def _road_line(ctx: _Context, road: Any, line: int | None) -> Geometry:
    if isinstance(road, dict) and len(road) == 1 and next(iter(road)) in _OPS:
        geom = evaluate(road, ctx, line)
    else:
        place = _resolve(ctx, road, line, kind="road")
        geom = place.geometry
    if geom.geom_type not in ("LineString", "MultiLineString"):
        raise ctx.error(
            f"{road!r} is not a line (got a {geom.geom_type})",
            line,
            "give a road name such as M4, or a line expression",
        )
    if geom.geom_type == "MultiLineString":
        import shapely

        merged = shapely.line_merge(geom)
        if merged.geom_type != "LineString":
            raise ctx.error(
                f"road {road!r} is in several pieces", line, "use a single continuous line"
            )
        geom = merged
    return geom


# --- admin areas and layers --------------------------------------------------------------------

_ADMIN_LAYERS = {1: "admin1", 2: "admin2", 3: "admin3"}


def _boundaries(layer: str) -> Any:
    from . import boundaries

    return boundaries.load(layer)


@_op("admin", {"name", "names", "level", "within"})
def _op_admin(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    import shapely

    level = None
    within = None
    names = arg
    if isinstance(arg, dict):
        names = arg.get("names", arg.get("name"))
        level = arg.get("level")
        within = arg.get("within")
        if level is not None and level not in _ADMIN_LAYERS:
            raise ctx.error(
                f"admin level {level!r} is not 1, 2 or 3",
                _line(arg, "level"),
                "1 governorate, 2 district, 3 subdistrict",
            )
    if names is None and within is not None:
        geoms = [_admin_within(ctx, within, level or 3, _line(arg, "within") or line)]
    else:
        if isinstance(names, (str, int)):
            names = [str(names)]
        if not isinstance(names, list) or not names:
            raise ctx.error(
                "'admin' takes a name, a P-code or a list of them",
                _line(arg) or line,
                "write 'admin: Idleb' or 'admin: {names: [Ariha, Saraqab], level: 3}'",
            )
        geoms = [
            _admin_area(ctx, str(n), level, within, _line(names, i) or line)
            for i, n in enumerate(names)
        ]
    return _fill_slivers(shapely.make_valid(shapely.union_all(geoms)))


#: Holes smaller than this (km²) in a union of admin areas are gaps between
#: neighbouring polygons of different sources, not real enclaves: filled.
SLIVER_KM2 = 1.0


def _fill_slivers(geom: Geometry, max_km2: float = SLIVER_KM2) -> Geometry:
    """Fill the interior rings of an area smaller than ``max_km2`` (gaps between sources)."""
    import shapely

    from .projection import area_m2

    if geom.geom_type not in ("Polygon", "MultiPolygon"):
        return geom
    out = []
    for poly in shapely.get_parts(geom):
        holes = [r for r in poly.interiors if area_m2(shapely.Polygon(r)) > max_km2 * 1e6]
        out.append(shapely.Polygon(poly.exterior, holes))
    return shapely.make_valid(shapely.union_all(out))


def _admin_within(ctx: _Context, within: Any, level: int, line: int | None) -> Geometry:
    """Every admin area of ``level`` inside a governorate or district."""
    import shapely

    parent = _find_rows(["admin1", "admin2"], str(within))
    if len(parent) != 1:
        raise ctx.error(
            f"admin within: {within!r} is not one governorate or district",
            line,
            "give its P-code, e.g. SY07 (Idleb governorate)",
        )
    code = str(parent["pcode"].iloc[0])
    frames, _ = _admin_index()
    g = frames[_ADMIN_LAYERS[level]]
    cols = [c for c in ("admin1_pcode", "admin2_pcode") if c in g.columns]
    mask = g[cols].astype(str).eq(code).any(axis=1).to_numpy()
    if not mask.any():
        raise ctx.error(f"no level-{level} area within {within!r}", line)
    return shapely.union_all(g["geometry"].to_numpy()[mask])


def _admin_area(
    ctx: _Context, name: str, level: int | None, within: Any, line: int | None
) -> Geometry:
    """One admin area by P-code or name (``level``/``within`` settle ambiguity)."""

    layers = [_ADMIN_LAYERS[level]] if level else list(_ADMIN_LAYERS.values())
    rows = _find_rows(layers, name)
    if within is not None and len(rows):
        parent = _find_rows(["admin1", "admin2"], str(within))
        if not len(parent):
            raise ctx.error(
                f"admin within: no governorate or district {within!r}",
                line,
                "give a governorate or district name or P-code, e.g. Idleb",
            )
        codes = set(parent["pcode"].astype(str))
        keep = rows["admin1_pcode"].astype(str).isin(codes) | rows["admin2_pcode"].astype(str).isin(
            codes
        )
        rows = rows[keep.to_numpy()]
    if len(rows) == 0:
        frames, _ = _admin_index()
        names = []
        for lay in layers:
            names += frames[lay]["name_en"].dropna().astype(str).tolist()
        import difflib

        close = difflib.get_close_matches(name, names, n=5, cutoff=0.6)
        raise ctx.error(
            f"unknown admin area {name!r}" + (f" at level {level}" if level else ""),
            line,
            f"did you mean one of: {', '.join(close)}?"
            if close
            else "give the English name (OCHA spelling) or the P-code, e.g. SY0700",
        )
    if len(rows) > 1:
        listed = "; ".join(f"{r.name_en} ({r.pcode}, level {r.level})" for r in rows.itertuples())
        raise ctx.error(
            f"admin area {name!r} is ambiguous: {listed}",
            line,
            "write the P-code, or add 'level:' (1 governorate, 2 district, "
            "3 subdistrict) or 'within:'",
        )
    return rows["geometry"].iloc[0]


def _find_rows(layers: list[str], name: str) -> Any:
    """Rows of the bundled admin layers whose code, English or Arabic name is ``name``.

    A plain DataFrame (no CRS to re-create: this runs once per name in a spec).
    """
    import pandas as pd

    from ._text import name_key

    frames, index = _admin_index()
    hits: dict[str, list[int]] = {}
    for key in {name.strip().upper(), name_key(name)}:
        for layer, i in index.get(key, ()):
            if layer in layers and i not in hits.setdefault(layer, []):
                hits[layer].append(i)
    parts = [frames[lay].iloc[sorted(rows)] for lay, rows in hits.items() if rows]
    if not parts:
        return frames[layers[0]].iloc[0:0]
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]


@functools.lru_cache(maxsize=1)
def _admin_index() -> tuple[dict[str, Any], dict[str, list[tuple[str, int]]]]:
    """The admin layers, and an index: P-code or folded name → (layer, row)."""
    import pandas as pd

    from . import boundaries
    from ._text import name_key

    frames = {lay: pd.DataFrame(boundaries.load(lay)) for lay in _ADMIN_LAYERS.values()}
    index: dict[str, list[tuple[str, int]]] = {}
    for lay, g in frames.items():
        cols = [c for c in ("name_en", "name_ar", "name_ocha") if c in g.columns]
        columns = [g["pcode"].astype(str), *(g[c].fillna("").astype(str) for c in cols)]
        for i, row in enumerate(zip(*columns, strict=True)):
            keys = {row[0].upper()}
            for text in row[1:]:
                if text:
                    keys.update({name_key(text), name_key(text.split(" (")[0])})
            for key in keys - {""}:
                index.setdefault(key, []).append((lay, i))
    return frames, index


@_op("countries")
def _op_countries(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    return _layer_union(ctx, "countries", arg, line)


@_op("area", {"layer", "name", "names"})
def _op_area(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    from . import boundaries

    layer = str(_need(ctx, arg, "layer", "area", line))
    if layer not in boundaries.LAYERS:
        raise ctx.error(
            f"unknown layer {layer!r}",
            _line(arg, "layer") or line,
            suggest(layer, boundaries.LAYERS),
        )
    names = arg.get("names", arg.get("name"))
    if names is None:
        raise ctx.error("'area' has no 'name'", line, "add 'name: ...'")
    return _layer_union(ctx, layer, names, _line(arg, "names") or _line(arg, "name") or line)


def _layer_union(ctx: _Context, layer: str, names: Any, line: int | None) -> Geometry:
    import shapely

    if isinstance(names, str):
        names = [names]
    if not isinstance(names, list) or not names:
        raise ctx.error(f"give a name or a list of names of the {layer!r} layer", line)
    geoms = [_layer_row(ctx, layer, str(n), _line(names, i) or line) for i, n in enumerate(names)]
    return shapely.make_valid(shapely.union_all(geoms))


def _layer_row(ctx: _Context, layer: str, name: str, line: int | None) -> Geometry:
    """The geometry of the one row of ``layer`` whose code or a name matches ``name``.

    Names are compared folded (case, diacritics, articles); a name that is a
    whole-word part of exactly one row's name also matches ("Euphrates Shield").
    """
    from . import boundaries
    from ._text import fold

    g = boundaries.load(layer)
    cols = [c for c in ("pcode", "name_en", "name_ar", "operation_en") if c in g.columns]
    key = fold(name)
    texts = [[fold(str(v)) for v in g[c].fillna("")] for c in cols]
    exact = [i for i in range(len(g)) if any(t[i] == key for t in texts)]
    if not exact:
        padded = f" {key} "
        exact = [i for i in range(len(g)) if any(padded in f" {t[i]} " for t in texts)]
    if len(exact) == 1:
        return g.geometry.iloc[exact[0]]
    choices = g["name_en"].astype(str).tolist()
    if not exact:
        raise ctx.error(f"no {name!r} in the {layer!r} layer", line, suggest(name, choices))
    raise ctx.error(
        f"{name!r} matches several rows of {layer!r}: {', '.join(choices[i] for i in exact)}",
        line,
        "write the full name",
    )


# --- roads: along and corridor -------------------------------------------------------------------


def _along_m(
    ctx: _Context, arg: Any, op: str, line: int | None, grow: float = 0.0
) -> tuple[Any, Geometry]:
    """The road between two places, in a local projection; returns (projection, line_m)."""
    import shapely
    from shapely.ops import substring

    road = _road_line(ctx, _need(ctx, arg, "road", op, line), _line(arg, "road") or line)
    ends = []
    for key in ("from", "to"):
        expr = _need(ctx, arg, key, op, line)
        ctx.near = road  # of two namesakes, the one on the road
        try:
            geom = evaluate(expr, ctx, _line(arg, key) or line)
        finally:
            ctx.near = None
        ends.append((key, expr, geom, _line(arg, key) or line))
    proj = _fit(ctx, line, road, *(g for _, _, g, _ in ends), distance_m=grow)
    road_m = proj.forward(road)
    positions = []
    for key, expr, geom, kline in ends:
        pt_m = proj.forward(shapely.centroid(geom))
        offset = shapely.distance(road_m, pt_m)
        if offset > MAX_ROAD_OFFSET_M:
            raise ctx.error(
                f"{op} {key}: {_label(expr)} lies {offset / 1000:.1f} km from the road",
                kline,
                "name a place on the road, or check the road's line",
            )
        positions.append(road_m.project(pt_m))
    a, b = positions
    if abs(a - b) < 1.0:
        raise ctx.error(
            f"{op}: 'from' and 'to' fall on the same point of the road",
            line,
            "name two different places along the road",
        )
    part = substring(road_m, min(a, b), max(a, b))
    if a > b:
        part = part.reverse()
    return proj, part


def _label(expr: Any) -> str:
    if isinstance(expr, str):
        return repr(expr)
    if isinstance(expr, dict) and "place" in expr:
        return repr(expr["place"])
    return "the point"


@_op("along", {"road", "from", "to"})
def _op_along(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    proj, part = _along_m(ctx, arg, "along", line)
    return proj.inverse(part)


@_op("corridor", {"road", "from", "to", "width"})
def _op_corridor(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    import shapely

    from .projection import QUAD_SEGS

    width = _distance(ctx, arg, "width", "corridor", line)
    proj, part = _along_m(ctx, arg, "corridor", line, grow=width)
    poly = shapely.buffer(part, width, quad_segs=QUAD_SEGS, cap_style="flat")
    return shapely.make_valid(proj.inverse(poly))


# --- metric operators: buffer, band, hull -------------------------------------------------------


@_op("buffer", {"of", "distance", "cap"})
def _op_buffer(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    from .projection import buffer

    geom = evaluate(_need(ctx, arg, "of", "buffer", line), ctx, _line(arg, "of") or line)
    distance = _distance(ctx, arg, "distance", "buffer", line)
    _fit(ctx, line, geom, distance_m=distance)
    cap = arg.get("cap", "round")
    if cap not in ("round", "flat", "square"):
        raise ctx.error(
            f"buffer cap {cap!r} is not round, flat or square",
            _line(arg, "cap"),
            suggest(cap, ["round", "flat", "square"]),
        )
    return buffer(geom, distance, cap_style=cap)


_EDGE_KEYS = {"of", "along", "exclude", "tolerance", "min_part"}


def _edge_m(
    ctx: _Context, arg: Any, op: str, line: int | None, grow: float = 0.0
) -> tuple[Any, Any, Any]:
    """``(projection, area_m, kept boundary_m)`` of ``of``, with ``along``/``exclude`` applied.

    ``along`` keeps the boundary within ``tolerance`` of that expression;
    ``exclude`` drops the boundary within ``tolerance`` of that one. Pieces of
    the kept boundary shorter than ``min_part`` (default: twice the tolerance)
    are dropped: they are where two sources draw one border a few km apart,
    not stretches of a front line.
    """
    import shapely

    from .projection import QUAD_SEGS

    poly = evaluate(_need(ctx, arg, "of", op, line), ctx, _line(arg, "of") or line)
    if shapely.get_dimensions(poly) != 2:
        raise ctx.error(
            f"{op} 'of' must be an area, got a {poly.geom_type}",
            _line(arg, "of") or line,
            "use admin:, area:, ref: to a zone, buffer:…",
        )
    tol = BAND_TOLERANCE_M
    if "tolerance" in arg:
        tol = _distance(ctx, arg, "tolerance", op, line, allow_range=False)
    proj = _fit(ctx, line, poly, distance_m=grow)
    poly_m = proj.forward(poly)
    edge = shapely.boundary(poly_m)
    if "along" in arg:
        along = proj.forward(evaluate(arg["along"], ctx, _line(arg, "along") or line))
        edge = shapely.intersection(edge, shapely.buffer(along, tol, quad_segs=QUAD_SEGS))
    if "exclude" in arg:
        excl = proj.forward(evaluate(arg["exclude"], ctx, _line(arg, "exclude") or line))
        edge = shapely.difference(edge, shapely.buffer(excl, tol, quad_segs=QUAD_SEGS))
    if "along" in arg or "exclude" in arg:
        min_part = 2 * tol
        if "min_part" in arg:
            min_part = _distance(ctx, arg, "min_part", op, line, allow_range=False)
        parts = shapely.get_parts(shapely.line_merge(shapely.get_parts(edge)).tolist())
        parts = shapely.get_parts(shapely.line_merge(shapely.union_all(parts)))
        edge = shapely.union_all(parts[shapely.length(parts) >= min_part])
        edge = shapely.line_merge(edge) if not edge.is_empty else edge
    if shapely.is_empty(edge):
        raise ctx.error(
            f"{op}: no part of the boundary is left",
            _line(arg) or line,
            "check 'along'/'exclude', their 'tolerance' and 'min_part'",
        )
    return proj, poly_m, edge


@_op("band", {"width", "inside", *_EDGE_KEYS})
def _op_band(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    """The strip of a polygon within ``width`` of its boundary (or part of it).

    See :func:`_edge_m` for ``along``, ``exclude``, ``tolerance`` and
    ``min_part``. ``inside: false`` builds the strip outside the polygon instead.
    """
    import shapely

    from .projection import QUAD_SEGS

    width = _distance(ctx, arg, "width", "band", line)
    inside = arg.get("inside", True) if isinstance(arg, dict) else True
    if not isinstance(inside, bool):
        raise ctx.error(
            f"band inside must be true or false, got {inside!r}",
            _line(arg, "inside"),
            "write 'inside: true'",
        )
    proj, poly_m, edge = _edge_m(ctx, arg, "band", line, grow=width)
    # a 10 m simplification of the edge (< 0.1 % of any band width worth drawing) halves
    # the cost of buffering a long, dense outline
    strip = shapely.buffer(shapely.simplify(edge, EDGE_SIMPLIFY_M), width, quad_segs=QUAD_SEGS)
    out = shapely.intersection(poly_m, strip) if inside else shapely.difference(strip, poly_m)
    return shapely.make_valid(proj.inverse(out))


@_op("boundary", _EDGE_KEYS)
def _op_boundary(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    """The outline of an area, optionally only ``along``/without ``exclude`` (see band)."""
    if not isinstance(arg, dict) or "of" not in arg:
        arg = LineDict(of=arg)
    proj, _, edge = _edge_m(ctx, arg, "boundary", line)
    return proj.inverse(edge)


@_op("hull")
def _op_hull(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    import shapely

    geoms = _items(ctx, _list(ctx, arg, "hull", line), line)
    proj = _fit(ctx, line, *geoms)
    hull = shapely.convex_hull(shapely.union_all([proj.forward(g) for g in geoms]))
    return shapely.make_valid(proj.inverse(hull))


# --- set operations and references -------------------------------------------------------------


@_op("union")
def _op_union(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    import shapely

    return shapely.make_valid(shapely.union_all(_items(ctx, _list(ctx, arg, "union", line), line)))


@_op("difference")
def _op_difference(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    import shapely

    geoms = _items(ctx, _list(ctx, arg, "difference", line, min_len=2), line)
    return shapely.make_valid(shapely.difference(geoms[0], shapely.union_all(geoms[1:])))


@_op("intersection")
def _op_intersection(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    import shapely

    geoms = _items(ctx, _list(ctx, arg, "intersection", line, min_len=2), line)
    return shapely.make_valid(shapely.intersection_all(geoms))


@_op("ref")
def _op_ref(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    fid = str(arg)
    if fid not in ctx.features:
        raise ctx.error(
            f"ref to a feature that does not exist: {fid!r}",
            line,
            suggest(fid, ctx.features) if ctx.features else "define it first",
        )
    return _feature_geometry(ctx, fid, line)


@_op("file", {"path", "layer", "where"})
def _op_file(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    """Any local vector file (relative to the spec); see :func:`geozones.boundaries.read_file`."""
    import numpy as np
    import shapely

    from .boundaries import read_file

    if isinstance(arg, str):
        arg = {"path": arg}
    rel = str(_need(ctx, arg, "path", "file", line))
    where = _line(arg, "path") or line
    path = _spec_relative(ctx, rel)
    if not ctx.online and not path.exists() and not rel.startswith("/vsi"):
        raise ctx.error(
            f"file {rel!r} not found (looked in {path.parent})",
            where,
            "paths are relative to the spec file",
        )
    kwargs = {k: arg[k] for k in ("layer", "where") if arg.get(k) is not None}
    try:
        gdf = read_file(rel if rel.startswith("/vsi") else path, online=ctx.online, **kwargs)
    except InputError as exc:
        raise ctx.error(
            f"file: {exc}",
            where,
            "give a local GeoJSON, GeoPackage, Shapefile, FlatGeobuf, KML or CSV file, an "
            "existing layer, and as 'where' an SQL condition such as \"name = 'x'\"",
        ) from None
    if gdf.empty:
        raise ctx.error(
            f"{rel!r} has no features" + (" matching 'where'" if "where" in kwargs else ""),
            _line(arg) or line,
        )
    geoms = np.asarray(gdf.geometry.values)
    _check_lonlat(ctx, geoms, f"file {rel!r}", where)
    return shapely.make_valid(shapely.union_all(geoms))


def _spec_relative(ctx: _Context, rel: str) -> Path:
    """A path written in the spec: absolute, or relative to the spec's folder."""
    p = Path(rel)
    base = Path(ctx.path).parent if ctx.path and ctx.path != "<expression>" else Path.cwd()
    return p if p.is_absolute() else base / p


# --- features ------------------------------------------------------------------------------------


def _feature_geometry(ctx: _Context, fid: str, line: int | None = None) -> Geometry:
    if fid in ctx.done:
        return ctx.done[fid]
    if fid in ctx.stack:
        members = ctx.stack[ctx.stack.index(fid) :]
        ctx.in_cycle.update(members)
        cycle = " → ".join([*members, fid])
        raise ctx.error(
            f"reference cycle: {cycle}",
            line,
            "a feature cannot be built from itself; break the cycle",
        )
    f = ctx.features[fid]
    ctx.stack.append(fid)
    outer_notes, ctx.notes = ctx.notes, []
    outer_near, ctx.near = ctx.near, None  # a referenced feature resolves its own names
    try:
        if f.geometry is None:
            raise ctx.error(f"feature {fid!r} has no geometry", f.line, "add 'geometry: ...'")
        geom = _clean(evaluate(f.geometry, ctx, f.line))
    except (SpecError, KeyboardInterrupt):
        raise
    except GeozonesError as exc:
        raise ctx.error(f"feature {fid!r}: {exc}", f.line) from None
    except Exception as exc:  # a GEOS, GDAL or pyproj failure on odd input: still one line
        raise ctx.error(
            f"cannot build the geometry of feature {fid!r}: {type(exc).__name__}: {exc}",
            f.line,
            "simplify the expression or check its inputs",
        ) from None
    finally:
        ctx.stack.pop()
        ctx.feature_notes[fid], ctx.notes = ctx.notes, outer_notes
        ctx.near = outer_near
    if geom is None or geom.is_empty:
        raise ctx.error(
            f"the geometry of feature {fid!r} comes out empty",
            f.line,
            "check that the areas overlap (intersection) or that a difference "
            "does not remove everything",
        )
    ctx.done[fid] = geom
    return geom


def _clean(geom: Geometry) -> Geometry:
    """Valid geometry of one dimension: the polygons of a mixed collection, etc.

    The result is snapped to the grid of the written coordinates
    (``settings.coordinate_precision`` decimals, 0.1 m at 6): unions of admin areas
    from two sources leave zero-width spikes and near-touching vertices, which
    would turn invalid once the exports and maps round the coordinates. GEOS's
    precision reducer removes them and keeps the output valid; areas change by
    less than 1e-5 of their size.
    """
    import shapely

    from . import settings

    geom = shapely.make_valid(geom)
    geom = shapely.set_precision(geom, 10.0**-settings.coordinate_precision)
    if geom.geom_type != "GeometryCollection":
        return geom
    parts = shapely.get_parts(geom)
    dims = shapely.get_dimensions(parts)
    if len(parts) == 0:
        return geom
    keep = parts[dims == dims.max()]
    return shapely.union_all(keep) if len(keep) > 1 else keep[0]


def compile_spec(
    spec: Spec, *, collect: bool = False, online: bool | None = None
) -> tuple[Any, list, list[SpecError]]:
    """Compile a checked :class:`~geozones.spec.Spec` into a features GeoDataFrame.

    Parameters
    ----------
    spec : Spec
        From :func:`geozones.spec.read_spec`.
    collect : bool
        Collect every error instead of raising the first.
    online : bool, optional
        Let ``file:`` open VRT and ``/vsi*`` network paths (default
        ``settings.online_files``).

    Returns
    -------
    (GeoDataFrame, list of Place, list of SpecError)

    Examples
    --------
    >>> spec, _ = read_spec(bundled_path())                  # doctest: +SKIP
    >>> gdf, places, errors = compile_spec(spec)              # doctest: +SKIP
    """
    import geopandas as gpd
    import pandas as pd

    from .timeline import FEATURE_COLUMNS

    errors = list(spec.errors)
    if errors and not collect:
        raise _first(errors)
    online = settings.online_files if online is None else online
    ctx = _Context(spec=spec, features={f.id: f for f in spec.features}, online=online)
    rows = []
    seen: set[tuple] = {(e.line, e.message) for e in errors}
    for f in spec.features:
        if f.id in ctx.in_cycle:  # its cycle is reported already
            continue
        try:
            geom = _feature_geometry(ctx, f.id, f.line)
        except SpecError as exc:
            if not collect:
                raise
            if (exc.line, exc.message) not in seen:  # a broken ref'd feature: report once
                seen.add((exc.line, exc.message))
                errors.append(exc)
            continue
        notes = [f.notes] if f.notes else []
        notes += ctx.feature_notes.get(f.id, [])
        if f.start_precision == "month":
            notes.append(f"start known to the month only: drawn from {f.start}")
        if f.end and f.end_precision == "month":
            notes.append(f"end known to the month only: drawn up to {f.end}")
        rows.append(
            {
                "id": f.id,
                "name": f.name,
                "kind": f.kind,
                "agreement": f.agreement,
                "agreement_name": f.agreement_name,
                "start_date": f.start,
                "end_date": f.end,
                "confidence": f.confidence,
                "notes": " ".join(n.rstrip(".") + "." for n in notes),
                "sources": f.sources,
                "geometry": geom,
            }
        )
    frame = pd.DataFrame(rows, columns=FEATURE_COLUMNS)
    for col in ("start_date", "end_date"):
        frame[col] = pd.to_datetime(frame[col]).astype("datetime64[ns]")
    gdf = gpd.GeoDataFrame(frame, geometry="geometry", crs="EPSG:4326")
    places = list({id(p): p for p in ctx.places.values()}.values())
    return gdf, places, errors


def _first(errors: list[SpecError]) -> SpecError:
    first = errors[0]
    if len(errors) == 1:
        return first
    more = f"(and {len(errors) - 1} more problem(s): run 'geozones validate {first.path}')"
    hint = f"{first.hint} {more}" if first.hint else more
    return SpecError(first.message, path=first.path, line=first.line, hint=hint)


# --- the public entry point and its cache -------------------------------------------------------


def compile_timeline(path: str | Path | None = None, use_cache: bool | None = None) -> Any:
    """Compile a timeline spec (YAML) into a :class:`~geozones.timeline.Timeline`.

    Parameters
    ----------
    path : str or Path, optional
        The spec, or the name of a bundled timeline (``"north-west-syria"``).
        ``None``: the bundled ``data/timelines/north-west-syria.yaml``.
    use_cache : bool, optional
        Reuse (and store) the compiled result under ``settings.cache_dir``, keyed
        by the spec's bytes, the bundled data and the geozones version.
        Default: ``settings.use_cache``.

    Returns
    -------
    Timeline

    Raises
    ------
    SpecError
        The first problem, with file, line and what to write instead.

    Examples
    --------
    >>> tl = compile_timeline()                               # doctest: +SKIP
    >>> tl.at("2020-03-15")["id"].tolist()                    # doctest: +SKIP
    """
    from .timeline import Timeline

    path = _spec_path(path)
    use_cache = settings.use_cache if use_cache is None else use_cache
    spec, raw = read_spec(path)
    key = _cache_key(raw, spec) if use_cache else None
    if key is not None:
        cached = _cache_load(key, path)
        if cached is not None:
            return cached
    gdf, places, _ = compile_spec(spec)
    tl = Timeline(
        gdf,
        name=spec.name,
        id=spec.id,
        description=spec.description,
        agreements=spec.agreements,
        places=places,
        path=path,
    )
    if key is not None:
        _cache_store(key, tl)
    return tl


#: Sub-folders of the bundled data that compiled timelines depend on (besides the
#: files at its top level: the gazetteer, its aliases and roads).
DATA_DEPENDENCIES = ("boundaries",)


def _spec_path(path: str | Path | None) -> Path:
    """The spec file: a path, or the name of a bundled timeline (``north-west-syria``)."""
    if path is None:
        return bundled_path()
    p = Path(path)
    if not p.exists() and not p.suffix and p.name == str(path):
        bundled = bundled_path(str(path))
        if bundled.exists():
            return bundled
    return p


def _data_fingerprint() -> str:
    """Cheap fingerprint of the bundled data a compile reads: names, sizes and mtimes.

    The top-level files of ``settings.data_dir`` (gazetteer, aliases, roads) and the
    folders of :data:`DATA_DEPENDENCIES`; other folders (events, timelines…) do not
    change a compiled result.
    """
    h = hashlib.sha256()
    root = Path(settings.data_dir)
    if not root.is_dir():
        return h.hexdigest()
    files = [p for p in root.iterdir() if p.is_file()]
    for sub in DATA_DEPENDENCIES:
        if (root / sub).is_dir():
            files += [p for p in (root / sub).rglob("*") if p.is_file()]
    for p in sorted(files):
        try:
            st = p.stat()
        except OSError:
            continue
        h.update(f"{p.relative_to(root)}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()


def _file_refs(node: Any, base: Path, out: list[str]) -> None:
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "file":
                rel = v.get("path") if isinstance(v, dict) else v
                p = base / str(rel)
                try:
                    st = p.stat()
                    out.append(f"{p}:{st.st_size}:{st.st_mtime_ns}")
                except OSError:
                    out.append(f"{p}:missing")
            else:
                _file_refs(v, base, out)
    elif isinstance(node, list):
        for v in node:
            _file_refs(v, base, out)


def _cache_key(raw: bytes, spec: Spec) -> str:
    h = hashlib.sha256()
    h.update(raw)
    h.update(f"|{__version__}|{COMPILER_VERSION}|{_data_fingerprint()}|".encode())
    h.update(_code_fingerprint().encode())
    refs: list[str] = []
    base = Path(spec.path).parent if spec.path else Path.cwd()
    for f in spec.features:
        _file_refs(f.geometry, base, refs)
    h.update("|".join(refs).encode())
    return h.hexdigest()[:32]


#: Modules whose code decides a compiled result (a change to one recompiles).
_CODE = ("compiler", "projection", "spec", "gazetteer", "boundaries", "_text", "place")


@functools.lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """Sizes and mtimes of the modules in :data:`_CODE` (a checkout being edited)."""
    parts = []
    here = Path(__file__).resolve().parent
    for name in _CODE:
        try:
            st = (here / f"{name}.py").stat()
            parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{name}:-")
    return ";".join(parts)


def _cache_dir(key: str) -> Path:
    return Path(settings.cache_dir) / "timelines" / key


def _cache_store(key: str, tl: Any) -> None:
    """Write features (GeoParquet) and metadata (JSON); failures only cost speed."""
    from ._io import atomic_open, atomic_path

    folder = _cache_dir(key)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        frame = tl.features.copy()
        frame["sources"] = [json.dumps(s, ensure_ascii=False) for s in frame["sources"]]
        with atomic_path(folder / "features.parquet") as tmp:
            frame.to_parquet(tmp)
        meta = {
            "name": tl.name,
            "id": tl.id,
            "description": tl.description,
            "agreements": [
                {**a, "signed": a["signed"].isoformat() if a.get("signed") else None}
                for a in tl.agreements
            ],
            "places": [_place_dict(p) for p in tl.places],
            "created": time.time(),
        }
        with atomic_open(folder / "meta.json") as fh:
            json.dump(meta, fh, ensure_ascii=False)
        _prune_cache(folder.parent)
    except (OSError, ValueError, TypeError):
        return


#: How many compiled timelines the cache keeps (the most recently written).
CACHE_KEEP = 32


def _prune_cache(root: Path, keep: int | None = None) -> None:
    """Remove all but the ``keep`` (default :data:`CACHE_KEEP`) most recent compiled timelines."""
    import shutil

    keep = CACHE_KEEP if keep is None else keep

    entries = sorted(
        (p for p in root.iterdir() if p.is_dir()),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in entries[keep:]:
        shutil.rmtree(old, ignore_errors=True)


def _place_dict(place: Any) -> dict[str, Any]:
    d = place.to_dict()
    d["extra"] = {
        k: v
        for k, v in (getattr(place, "extra", None) or {}).items()
        if isinstance(v, (str, int, float, bool, type(None), list))
    }
    return d


def _cache_load(key: str, path: Path) -> Any:
    import geopandas as gpd

    from .place import Place
    from .timeline import Timeline

    folder = _cache_dir(key)
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        gdf = gpd.read_parquet(folder / "features.parquet")
    except (OSError, ValueError, KeyError):
        return None
    except Exception:  # a corrupt parquet file raises pyarrow's own errors
        return None
    gdf["sources"] = [json.loads(s) for s in gdf["sources"]]
    for a in meta["agreements"]:
        a["signed"] = _dt.date.fromisoformat(a["signed"]) if a.get("signed") else None
    places = []
    for d in meta["places"]:
        d["admin"] = tuple(d.get("admin") or ())
        try:
            places.append(Place(**d))
        except TypeError:
            return None
    return Timeline(
        gdf,
        name=meta["name"],
        id=meta["id"],
        description=meta["description"],
        agreements=meta["agreements"],
        places=places,
        path=path,
    )


def validate(
    path: str | Path, *, online: bool | None = None
) -> tuple[Spec | None, Any, list[SpecError]]:
    """Check and compile a spec, collecting every problem.

    ``online=True`` lets ``file:`` open VRT and network paths (default
    ``settings.online_files``).

    Returns
    -------
    (Spec or None, GeoDataFrame or None, list of SpecError)

    Examples
    --------
    >>> spec, gdf, errors = validate(bundled_path())
    >>> errors
    []
    """
    try:
        spec, _ = read_spec(_spec_path(path))
    except SpecError as exc:
        return None, None, [exc]
    gdf, _, errors = compile_spec(spec, collect=True, online=online)
    return spec, gdf, errors


def compile_expression(expr: Any, *, country: str | None = None) -> Geometry:
    """Build the geometry of one expression, outside any spec.

    Parameters
    ----------
    expr : str or dict
        YAML text (``"corridor: {road: M4, from: Trumba, to: Ain al-Havr, width: 6 km}"``)
        or the parsed mapping. ``ref`` is not available (there are no features).
    country : str, optional
        ISO alpha-2 code the place names are looked up in.

    Returns
    -------
    shapely geometry in EPSG:4326, valid.

    Raises
    ------
    SpecError
        With the line in the text and what to write instead.

    Examples
    --------
    >>> from geozones.projection import area_m2
    >>> g = compile_expression("buffer: {of: {point: {lat: 35.8, lon: 36.6}}, distance: 1 km}")
    >>> round(area_m2(g) / 1e6, 2)
    3.14
    """
    from .spec import load_yaml

    if isinstance(expr, str):
        expr = load_yaml(expr, "<expression>")
    spec = Spec("<expression>", "expression", "expression", "", country, [], [])
    ctx = _Context(spec=spec, features={})
    geom = _clean(evaluate(expr, ctx, 1))
    if geom.is_empty:
        raise ctx.error("the expression comes out empty", 1)
    return geom
