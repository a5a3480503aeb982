"""Named things: places (gazetteer look-ups, refusing look-alikes and namesakes), points,
WKT and roads."""

from __future__ import annotations

import warnings
from typing import Any

import shapely

from ..errors import GeozonesError, UnknownPlaceError
from ..gazetteer import FAR_KM
from ..projection import haversine_km
from ..spec import suggest
from ._context import Geometry, _check_lonlat, _Context, _line, _list, _need
from ._evaluator import OPS, evaluate, op

#: A name in a spec must match the gazetteer at least this well (1 = exact after
#: folding case, diacritics, articles; a spelling variant scores ~0.9). Below it
#: the spec is refused with the candidates, never silently moved to a look-alike.
MIN_PLACE_SCORE = 0.95
#: Of two namesakes, one further than this (metres) from the nearest to the road loses.
NAMESAKE_ROAD_M = 7500.0


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
    implicit = country is None
    country = country if country is not None else ctx.spec.country
    key = (name, kind, country)
    if key in ctx.places and ctx.near is None:
        return ctx.places[key]
    try:
        found = _lookup(ctx, name, kind, country, implicit)
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
    _widen(ctx, place)
    return place


def _widen(ctx: _Context, place: Any) -> None:
    """Grow the box of the places the spec has resolved (the regional prior's fallback)."""
    box = ctx.resolved_box
    y, x = place.lat, place.lon
    if box is None:
        ctx.resolved_box = (y, x, y, x)
    else:
        ctx.resolved_box = (min(box[0], y), min(box[1], x), max(box[2], y), max(box[3], x))


def _spec_area(ctx: _Context) -> Any:
    """The spec's area for the regional prior (issue #16): names shared by several places
    resolve to the one there.

    The bounds of the countries it declares (``gazetteer: countries:``), else of the
    places it has already resolved, else of ``timeline: country``; None (the gazetteer's
    own region) when it says nothing. Passed as ``near=``, so the shared gazetteer's
    region is never changed for other callers.
    """
    bounds = getattr(ctx.gazetteer, "country_bounds", None)
    if bounds is None:  # a user's own gazetteer object without country bounds
        return ctx.resolved_box
    declared = (ctx.spec.declared or {}).get("gazetteer") or {}
    codes = declared.get("countries") or []
    box = bounds(codes) if codes else None
    if box is None:
        box = ctx.resolved_box
    if box is None and ctx.spec.country:
        box = bounds([ctx.spec.country])
    return box


def _lookup(ctx: _Context, name: str, kind: Any, country: Any, implicit: bool) -> list:
    """The gazetteer's candidates for a name.

    Places and roads the spec declares from files may have no country: when the
    spec's default country (``timeline: country:``) finds nothing, they are
    looked up without it (and only they are kept).
    """
    kwargs: dict[str, Any] = {"kind": kind} if kind else {}
    area = _spec_area(ctx)
    if area is not None:
        kwargs["near"] = area
    where = {"country": country} if country else {}
    exact = _exact_candidates(ctx.gazetteer, name, {**kwargs, **where})
    if exact:
        return exact
    try:
        found = ctx.gazetteer.geocode(name, top=5, **kwargs, **where)
    except UnknownPlaceError:
        declared = ctx.spec.declared or {}
        own = (declared.get("gazetteer") or {}).get("files") or declared.get("roads")
        if not (implicit and country and own):
            raise
        anywhere = ctx.gazetteer.geocode(name, top=5, **kwargs)
        listed = anywhere if isinstance(anywhere, list) else [anywhere]
        found = [p for p in listed if not p.country]
        if not found:
            raise
    return found if isinstance(found, list) else [found]


def _exact_candidates(gazetteer: Any, name: str, kwargs: dict[str, Any]) -> list:
    """Candidates when the name is spelled as the gazetteer has it, else ``[]``.

    A spec's names are mostly exact: asking without typo and fuzzy matching first
    keeps a compile from building the typo index it would not use (look-alikes only
    matter when nothing matches exactly, and the long way then still finds them).
    """
    candidates = getattr(gazetteer, "candidates", None)
    if candidates is None:  # a user's own gazetteer object: the long way
        return []
    found = candidates(name, top=5, fuzzy=False, **kwargs)
    return found if found and found[0].score >= 1.0 else []


def _nearest_first(found: list, near: Any) -> list:
    """The good matches ordered by distance to ``near``; namesakes far from it dropped."""
    good = [p for p in found if p.score >= MIN_PLACE_SCORE]
    if not good:
        return found
    deg = [shapely.distance(near, shapely.Point(p.lon, p.lat)) for p in good]
    order = sorted(range(len(good)), key=deg.__getitem__)
    limit = deg[order[0]] + NAMESAKE_ROAD_M / 111_000.0
    return [good[i] for i in order if deg[i] <= limit]


#: Two places of one name further apart than this (km) are different places.
SAME_PLACE_KM = 10.0


def _check_unique(ctx: _Context, name: str, place: Any, others: list, line: int | None) -> None:
    """Refuse a name that fits several places equally, unless one clearly dominates.

    A town of 48,000 beats a hamlet of the same name (population ten times larger);
    three villages called Zaytuneh do not beat each other: the spec must say which.
    """
    ties = [
        p
        for p in others
        if p.kind == place.kind
        and p.score >= place.score
        and haversine_km(p.lat, p.lon, place.lat, place.lon) > SAME_PLACE_KM
    ]
    if not ties:
        return
    if place.population > 0 and place.population >= 10 * max(p.population for p in ties):
        return
    area = _spec_area(ctx)
    if area is not None:  # the regional prior decides: one is near the spec's area, the rest far
        near = _km_from(area, place)
        if all(_km_from(area, p) > max(near + FAR_KM, 3 * near) for p in ties):
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


def _km_from(box: Any, place: Any) -> float:
    """Great-circle km from a place to the nearest point of a (south, west, north, east) box."""
    s, w, n, e = box
    return float(
        haversine_km(place.lat, place.lon, min(max(place.lat, s), n), min(max(place.lon, w), e))
    )


def _place_geom(ctx: _Context, name: Any, line: int | None) -> Geometry:
    place = _resolve(ctx, name, line)
    if place.kind == "populated place":
        return shapely.Point(place.lon, place.lat)
    return _geometry(ctx, place)


def _geometry(ctx: _Context, place: Any) -> Geometry:
    """A place's geometry; a road's line from the compilation's gazetteer (loaded lines too)."""
    if place.kind == "road":
        gz = ctx.gazetteer
        i = gz.find_id(place.source_id, place.source or None)
        if i is not None:
            return gz.road_geometry(i)
    return place.geometry


@op("place")
def _op_place(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    return _place_geom(ctx, arg, line)


@op("places")
def _op_places(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    arg = _list(ctx, arg, "places", line)
    pts = [_resolve(ctx, n, _line(arg, i) or line) for i, n in enumerate(arg)]
    return shapely.MultiPoint([(p.lon, p.lat) for p in pts])


@op("point", {"lat", "lon"})
def _op_point(ctx: _Context, arg: Any, line: int | None) -> Geometry:
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


@op("wkt")
def _op_wkt(ctx: _Context, arg: Any, line: int | None) -> Geometry:
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


@op("road")
def _op_road(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    return _road_line(ctx, arg, line)


def _road_line(ctx: _Context, road: Any, line: int | None) -> Geometry:
    if isinstance(road, dict) and len(road) == 1 and next(iter(road)) in OPS:
        geom = evaluate(road, ctx, line)
    else:
        place = _resolve(ctx, road, line, kind="road")
        geom = _geometry(ctx, place)
    if geom.geom_type not in ("LineString", "MultiLineString"):
        raise ctx.error(
            f"{road!r} is not a line (got a {geom.geom_type})",
            line,
            "give a road name such as M4, or a line expression",
        )
    if geom.geom_type == "MultiLineString":
        merged = shapely.line_merge(geom)
        if merged.geom_type != "LineString":
            raise ctx.error(
                f"road {road!r} is in several pieces", line, "use a single continuous line"
            )
        geom = merged
    return geom
