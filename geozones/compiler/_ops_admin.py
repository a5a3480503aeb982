"""Admin areas and the other bundled boundary layers (countries, operation areas).

``countries:`` names Syria and its neighbours in the bundled 1:10m layer, and any other
country in the world layer, Natural Earth at 1:50m (``data/basemap/world-countries.parquet``):
the feature's notes say so, as that border is generalised.
"""

from __future__ import annotations

import functools
from typing import Any

import shapely

from .. import boundaries, settings
from .._text import did_you_mean, fold, name_key
from ..projection import area_m2
from ..spec import suggest
from ._context import Geometry, _Context, _line, _need
from ._evaluator import op

#: The bundled admin layers by level (1 governorate, 2 district, 3 subdistrict).
_ADMIN_LAYERS = {1: "admin1", 2: "admin2", 3: "admin3"}

#: (frames by layer name, index: code or folded name -> [(layer, row)])
AdminIndex = tuple[dict[str, Any], dict[str, list[tuple[str, int]]]]


def _levels(ctx: _Context) -> dict[int, str]:
    """Admin layers by level: those the spec declares (``boundaries:``), else the bundled."""
    if ctx.admin_index is not None:
        return {int(lay.removeprefix("admin")): lay for lay in ctx.admin_index[0]}
    return _ADMIN_LAYERS


def _or(levels: dict[int, str]) -> str:
    words = [str(v) for v in sorted(levels)]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _index(ctx: _Context) -> AdminIndex:
    return ctx.admin_index if ctx.admin_index is not None else _bundled_index()


@op("admin", {"name", "names", "level", "within"})
def _op_admin(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    level = None
    within = None
    names = arg
    if isinstance(arg, dict):
        names = arg.get("names", arg.get("name"))
        level = arg.get("level")
        within = arg.get("within")
        levels = _levels(ctx)
        if level is not None and level not in levels:
            raise ctx.error(
                f"admin level {level!r} is not {_or(levels)}",
                _line(arg, "level"),
                "1 governorate, 2 district, 3 subdistrict"
                if ctx.admin_index is None
                else "use a level the spec's 'boundaries:' declares",
            )
    if names is None and within is not None:
        deepest = max(_levels(ctx))
        geoms = [_admin_within(ctx, within, level or deepest, _line(arg, "within") or line)]
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
    if geom.geom_type not in ("Polygon", "MultiPolygon"):
        return geom
    out = []
    for poly in shapely.get_parts(geom):
        holes = [r for r in poly.interiors if area_m2(shapely.Polygon(r)) > max_km2 * 1e6]
        out.append(shapely.Polygon(poly.exterior, holes))
    return shapely.make_valid(shapely.union_all(out))


def _admin_within(ctx: _Context, within: Any, level: int, line: int | None) -> Geometry:
    """Every admin area of ``level`` inside a governorate or district."""
    parent = _find_rows(ctx, _parents(ctx), str(within))
    if len(parent) != 1:
        raise ctx.error(
            f"admin within: {within!r} is not one governorate or district",
            line,
            "give its P-code, e.g. SY07 (Idleb governorate)",
        )
    code = str(parent["pcode"].iloc[0])
    frames, _ = _index(ctx)
    g = frames[_levels(ctx)[level]]
    cols = [c for c in ("admin1_pcode", "admin2_pcode") if c in g.columns]
    mask = g[cols].astype(str).eq(code).any(axis=1).to_numpy()
    if not mask.any():
        raise ctx.error(f"no level-{level} area within {within!r}", line)
    return shapely.union_all(g["geometry"].to_numpy()[mask])


def _admin_area(
    ctx: _Context, name: str, level: int | None, within: Any, line: int | None
) -> Geometry:
    """One admin area by P-code or name (``level``/``within`` settle ambiguity)."""
    levels = _levels(ctx)
    layers = [levels[level]] if level else list(levels.values())
    rows = _find_rows(ctx, layers, name)
    if within is not None and len(rows):
        parent = _find_rows(ctx, _parents(ctx), str(within))
        if not len(parent):
            raise ctx.error(
                f"admin within: no governorate or district {within!r}",
                line,
                "give a governorate or district name or P-code, e.g. Idleb",
            )
        codes = set(parent["pcode"].astype(str))
        cols = [c for c in ("admin1_pcode", "admin2_pcode") if c in rows.columns]
        rows = rows[rows[cols].astype(str).isin(codes).any(axis=1).to_numpy()]
    if len(rows) == 0:
        frames, _ = _index(ctx)
        names = []
        for lay in layers:
            names += frames[lay]["name_en"].dropna().astype(str).tolist()
        close = did_you_mean(name, names, n=5, cutoff=60)
        raise ctx.error(
            f"unknown admin area {name!r}" + (f" at level {level}" if level else ""),
            line,
            f"did you mean one of: {', '.join(close)}?"
            if close
            else "give the English name (OCHA spelling) or the P-code, e.g. SY0700"
            if ctx.admin_index is None
            else "give a name or code of the layers the spec's 'boundaries:' declares",
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


def _parents(ctx: _Context) -> list[str]:
    """The layers ``within`` may name: every admin layer but the deepest."""
    levels = _levels(ctx)
    return [lay for lvl, lay in sorted(levels.items()) if lvl < max(levels)] or list(
        levels.values()
    )


def _find_rows(ctx: _Context, layers: list[str], name: str) -> Any:
    """Rows of the admin layers whose code, English or Arabic name is ``name``.

    A plain DataFrame (no CRS to re-create: this runs once per name in a spec).
    """
    import pandas as pd  # heavy: imported when an admin area is first named

    frames, index = _index(ctx)
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
def _bundled_index() -> AdminIndex:
    """The bundled admin layers and their index (see :func:`admin_index`)."""
    return admin_index({lay: boundaries.load(lay) for lay in _ADMIN_LAYERS.values()})


def admin_index(layers: dict[str, Any]) -> AdminIndex:
    """Admin layers (``{"admin1": GeoDataFrame, ...}``) and an index: code or folded name → rows.

    Each layer has the columns ``pcode``, ``name_en`` and ``geometry``, and optionally
    ``name_ar``, ``name_ocha``, ``level``, ``admin1_pcode`` and ``admin2_pcode``.

    Examples
    --------
    >>> from geozones import boundaries
    >>> frames, index = admin_index({"admin1": boundaries.load("admin1")})
    >>> index["SY07"]
    [('admin1', 0)]
    """
    import pandas as pd  # heavy: imported when an admin area is first named

    frames = {lay: pd.DataFrame(g) for lay, g in layers.items()}
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


#: The world countries layer (Natural Earth 1:50m), beside the bundled ``countries``.
WORLD_COUNTRIES = "world-countries"

#: A feature's note when a country comes from the world layer ({name}: its name there).
WORLD_COUNTRY_NOTE = (
    "countries: {name} is drawn from Natural Earth at 1:50m (generalised: its border may lie "
    "a few km off the true line)"
)


@op("countries")
def _op_countries(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    names = [arg] if isinstance(arg, str) else arg
    if not isinstance(names, list) or not names:
        raise ctx.error("give a name or a list of names of the 'countries' layer", line)
    geoms = [_country(ctx, str(n), _line(names, i) or line) for i, n in enumerate(names)]
    return shapely.make_valid(shapely.union_all(geoms))


def _country(ctx: _Context, name: str, line: int | None) -> Geometry:
    """A country: the bundled 1:10m row if it holds it, else the world layer's (noted)."""
    g = boundaries.load("countries")
    cols = [c for c in ("pcode", "name_en", "name_ar") if c in g.columns]
    world = _world_countries()
    if world is None or _matching_rows(g, cols, name):
        return _layer_row(ctx, "countries", name, line)
    rows = _matching_rows(world, ["iso_a2", "iso_a3", "name_en", "name_geonames"], name)
    codes = {str(world["iso_a2"].iloc[i]) for i in rows}
    if not rows:
        choices = [*g["name_en"].astype(str), *world["name_geonames"].astype(str)]
        raise ctx.error(f"no {name!r} in the 'countries' layer", line, suggest(name, choices))
    if len(rows) > 1 and (len(codes) > 1 or "" in codes):
        found = ", ".join(str(world["name_en"].iloc[i]) for i in rows)
        raise ctx.error(f"{name!r} matches several countries: {found}", line, "write the full name")
    if codes <= set(g["pcode"].astype(str)):  # "TUR": the bundled 1:10m Turkey
        return _layer_row(ctx, "countries", codes.pop(), line)
    ctx.notes.append(WORLD_COUNTRY_NOTE.format(name=world["name_en"].iloc[rows[0]]))
    return shapely.union_all(world.geometry.iloc[rows].to_numpy())  # one ISO code: its parts


@functools.lru_cache(maxsize=1)
def _world_countries() -> Any:
    """The world countries layer (None when the data has none), read once per process."""
    import geopandas as gpd  # heavy: imported when a country outside the bundled ones is named

    path = settings.data_dir / "basemap" / f"{WORLD_COUNTRIES}.parquet"
    return gpd.read_parquet(path) if path.exists() else None


def _matching_rows(g: Any, cols: list[str], name: str) -> list[int]:
    """Rows of ``g`` whose value in one of ``cols`` is ``name`` (folded), else the rows of
    which ``name`` is a whole-word part of such a value."""
    key = fold(name)
    texts = [[fold(str(v)) for v in g[c].fillna("")] for c in cols]
    exact = [i for i in range(len(g)) if any(t[i] == key for t in texts)]
    if not exact and key:
        padded = f" {key} "
        exact = [i for i in range(len(g)) if any(padded in f" {t[i]} " for t in texts)]
    return exact


@op("area", {"layer", "name", "names"})
def _op_area(ctx: _Context, arg: Any, line: int | None) -> Geometry:
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
    g = boundaries.load(layer)
    cols = [c for c in ("pcode", "name_en", "name_ar", "operation_en") if c in g.columns]
    exact = _matching_rows(g, cols, name)
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
