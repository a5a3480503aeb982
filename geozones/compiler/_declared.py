"""The data a spec declares: countries and places files for the gazetteer, admin boundary
layers, and roads from line files (``gazetteer:``, ``boundaries:``, ``roads:``).

Paths are relative to the spec. Places, countries and roads are added to the gazetteer the
spec is compiled with, once per gazetteer (a second compile of the same spec adds nothing);
the boundary layers replace the bundled admin areas for ``admin:`` in that spec.
"""

from __future__ import annotations

import weakref
from typing import Any

from ..boundaries import read_file
from ..errors import GeozonesError
from ..gazetteer import Gazetteer
from ._context import _Context, _line, _spec_relative
from ._ops_admin import admin_index

#: What each gazetteer already holds from specs: (what, path, size, mtime, options).
_LOADED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
#: Attribute names guessed for a layer's name and code, best first (geoBoundaries, OCHA COD).
NAME_FIELDS = ("shapeName", "ADM{n}_EN", "name_en", "NAME_{n}", "name", "NAME")
CODE_FIELDS = ("ADM{n}_PCODE", "shapeISO", "shapeID", "pcode", "GID_{n}", "code")


def default_gazetteer() -> Gazetteer:
    """The bundled gazetteer shared by the process (:meth:`Gazetteer.default`).

    Examples
    --------
    >>> default_gazetteer() is default_gazetteer()
    True
    """
    return Gazetteer.default()


def prepare(ctx: _Context) -> None:
    """Load what ``ctx.spec`` declares into ``ctx`` (its gazetteer, its admin layers).

    Raises
    ------
    SpecError
        With the line of the declaration that cannot be loaded.
    """
    declared = ctx.spec.declared or {}
    gz_block = declared.get("gazetteer") or {}
    for cc in gz_block.get("countries") or []:
        _once(ctx, ("country", cc), lambda cc=cc: ctx.gazetteer.load_country(cc), None)
    for item in gz_block.get("files") or []:
        _load_places(ctx, item)
    for item in declared.get("roads") or []:
        _load_road(ctx, item)
    if declared.get("boundaries"):
        ctx.admin_index = _boundaries(ctx, declared["boundaries"])


def _once(ctx: _Context, key: tuple, load: Any, item: Any) -> None:
    """Run ``load()`` unless this gazetteer already loaded ``key``; errors get the line."""
    done = _LOADED.setdefault(ctx.gazetteer, set())
    if key in done:
        return
    try:
        load()
    except GeozonesError as exc:
        line = _line(item, "path") if item is not None else None
        raise ctx.error(
            f"cannot load {key[0]} {key[1]!r}: {' '.join(str(exc).split())}",
            line,
            "check the file and its columns (paths are relative to the spec)",
        ) from None
    done.add(key)


def _signature(path: Any) -> tuple:
    try:
        st = path.stat()
        return (str(path.resolve()), st.st_size, st.st_mtime_ns)
    except OSError:
        return (str(path), -1, -1)


def _load_places(ctx: _Context, item: Any) -> None:
    path = _spec_relative(ctx, str(item["path"]))
    options = {k: item.get(k) for k in ("name_field", "lat_field", "lon_field", "layer")}

    def load() -> None:  # the gazetteer checks a GDAL layer as check_local_file does
        given = {k: v for k, v in options.items() if v}
        ctx.gazetteer.add_places_file(path, online=ctx.online, **given)

    key = ("places file", str(item["path"]), _signature(path), tuple(options.items()))
    _once(ctx, key, load, item)


def _load_road(ctx: _Context, item: Any) -> None:
    path = _spec_relative(ctx, str(item["path"]))
    aliases = item.get("aliases") or []
    aliases = [aliases] if isinstance(aliases, str) else [str(a) for a in aliases]

    def load() -> None:  # load_road checks the file as check_local_file does
        name, layer = str(item["name"]), item.get("layer")
        ctx.gazetteer.load_road(path, name, aliases=aliases, layer=layer, online=ctx.online)

    key = ("road", str(item["path"]), _signature(path), str(item["name"]), tuple(aliases))
    _once(ctx, key, load, item)


def _boundaries(ctx: _Context, items: list) -> Any:
    """The declared admin layers as ``admin_index`` frames (``admin1``, ``admin2`` …)."""
    layers: dict[str, Any] = {}
    for item in items:
        path = _spec_relative(ctx, str(item["path"]))
        try:
            gdf = read_file(path, layer=item.get("layer"), online=ctx.online)
        except GeozonesError as exc:
            raise ctx.error(
                f"boundaries: {exc}", _line(item, "path"), "paths are relative to the spec"
            ) from None
        level = int(item["level"])
        layers[f"admin{level}"] = _normalise(ctx, gdf, level, item)
    return admin_index(layers)


def _field(ctx: _Context, gdf: Any, item: Any, key: str, guesses: tuple, level: int) -> Any:
    given = item.get(key)
    if given:
        if given not in gdf.columns:
            raise ctx.error(
                f"boundaries: no field {given!r} in {item['path']!r}",
                _line(item, key),
                "its fields are: " + ", ".join(map(str, gdf.columns[:20])),
            )
        return given
    for g in guesses:
        name = g.format(n=level)
        if name in gdf.columns:
            return name
    return None


def _normalise(ctx: _Context, gdf: Any, level: int, item: Any) -> Any:
    """A boundary layer with the bundled layers' columns: pcode, name_en, name_ar, parents."""
    import geopandas as gpd  # heavy: imported when a spec declares boundaries

    name = _field(ctx, gdf, item, "name_field", NAME_FIELDS, level)
    if name is None:
        raise ctx.error(
            f"boundaries: which field of {item['path']!r} holds the names?",
            _line(item, "path"),
            "add 'name_field: ...'; its fields are: " + ", ".join(map(str, gdf.columns[:20])),
        )
    code = _field(ctx, gdf, item, "code_field", CODE_FIELDS, level)
    names = gdf[name].fillna("").astype(str)
    out = {
        "pcode": gdf[code].astype(str) if code else names,
        "name_en": names,
        "level": level,
    }
    for col, src in (("name_ar", f"ADM{level}_AR"), ("admin1_pcode", "ADM1_PCODE")):
        if src in gdf.columns:
            out[col] = gdf[src].fillna("").astype(str)
    if "ADM2_PCODE" in gdf.columns and level > 2:
        out["admin2_pcode"] = gdf["ADM2_PCODE"].astype(str)
    return gpd.GeoDataFrame(out, geometry=gdf.geometry.values, crs=4326)
