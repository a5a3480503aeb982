"""The data a spec declares: countries and places files for the gazetteer, admin boundary
layers, and roads from line files (``gazetteer:``, ``boundaries:``, ``roads:``).

Paths are relative to the spec. Places, countries and roads are added to the gazetteer the
spec is compiled with, once per gazetteer (a second compile of the same spec adds nothing);
the boundary layers replace the bundled admin areas for ``admin:`` in that spec.
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

from ..boundaries import read_file
from ..errors import GeozonesError, InputError
from ..gazetteer import Gazetteer
from ._context import _Context, _line, _spec_relative
from ._ops_admin import admin_index

#: What each gazetteer already holds from specs: (what, file signature, options) → the
#: range of entries that load added.
_LOADED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
#: The options of a places file (``gazetteer: files:`` item) besides its path.
PLACE_OPTIONS = ("name_field", "lat_field", "lon_field", "layer")
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


def declared_of(spec: Any) -> dict[str, Any]:
    """What ``spec`` declares, as :attr:`geozones.timeline.Timeline.declared` holds it.

    ``countries`` (``gazetteer: countries:``), ``country`` (``timeline: country:``),
    ``places``, ``roads`` and ``boundaries`` (the items, each ``path`` resolved against
    the spec's folder, the other options as written).

    Examples
    --------
    >>> from geozones.spec import bundled_path, read_spec
    >>> declared_of(read_spec(bundled_path())[0])["roads"]
    []
    """
    declared = spec.declared or {}
    gz_block = declared.get("gazetteer") or {}
    base = Path(spec.path).parent if spec.path and spec.path != "<expression>" else Path.cwd()

    def items(values: Any, keys: tuple[str, ...]) -> list[dict[str, Any]]:
        out = []
        for item in values or []:
            row = {k: item.get(k) for k in keys if item.get(k) not in (None, "")}
            path = Path(str(item["path"]))
            row["path"] = str(path if path.is_absolute() else (base / path).resolve())
            out.append(row)
        return out

    return {
        "countries": [str(c) for c in gz_block.get("countries") or []],
        "country": spec.country,
        "places": items(gz_block.get("files"), (*PLACE_OPTIONS, "credit")),
        "roads": items(declared.get("roads"), ("name", "aliases", "layer", "credit")),
        "boundaries": items(
            declared.get("boundaries"), ("level", "layer", "name_field", "code_field", "credit")
        ),
    }


def declared_places(gazetteer: Gazetteer, declared: dict[str, Any]) -> list[int]:
    """Entry indices of the places a spec declares: its countries' and its files' places.

    What is not in ``gazetteer`` yet is loaded first, once (as compiling the spec does).
    Only populated places are returned; the countries' places are the gazetteer's entries
    of those countries (the bundled larger towns included), the files' are what each file
    added.

    Parameters
    ----------
    gazetteer : Gazetteer
        Where the places are (usually :meth:`Gazetteer.default`).
    declared : dict
        :attr:`Timeline.declared` (:func:`declared_of`).

    Raises
    ------
    InputError
        A declared file or country that cannot be loaded (moved, or no world extra).

    Examples
    --------
    >>> gz = default_gazetteer()
    >>> len(declared_places(gz, {"countries": ["MT"]})) > 10          # doctest: +SKIP
    True
    """
    countries = {str(c).upper() for c in declared.get("countries") or []}
    files: list[range] = []
    for cc in sorted(countries):
        _load_once(gazetteer, ("country", cc), lambda cc=cc: gazetteer.load_country(cc))
    for item in declared.get("places") or []:
        files.append(_load_once(gazetteer, *_places_loader(gazetteer, Path(item["path"]), item)))
    kinds = gazetteer.kinds
    out: set[int] = set()
    for added in files:
        out.update(i for i in added if kinds[i] == "populated place")
    if countries:
        skip = set().union(*files) if files else set()
        out.update(
            i
            for i, kind in enumerate(kinds)
            if kind == "populated place"
            and i not in skip
            and gazetteer.place(i).country in countries
        )
    return sorted(out)


def _load_once(gazetteer: Gazetteer, key: tuple, load: Any) -> range:
    """Run ``load()`` unless ``gazetteer`` already loaded ``key``; the entries it added."""
    done = _LOADED.setdefault(gazetteer, {})
    if key not in done:
        first = len(gazetteer)
        load()
        done[key] = range(first, len(gazetteer))
    return done[key]


def _once(ctx: _Context, key: tuple, load: Any, item: Any) -> None:
    """:func:`_load_once` in a compilation: an error gets the line of the declaration."""
    try:
        _load_once(ctx.gazetteer, key, load)
    except GeozonesError as exc:
        line = _line(item, "path") if item is not None else None
        # a country's error says what to do itself (install the extra, check the code)
        hint = (
            ""
            if item is None
            else "check the file and its columns (paths are relative to the spec)"
        )
        raise ctx.error(
            f"cannot load {key[0]} {key[1]!r}: {' '.join(str(exc).split())}", line, hint
        ) from None


def _signature(path: Any) -> tuple:
    try:
        st = path.stat()
        return (str(path.resolve()), st.st_size, st.st_mtime_ns)
    except OSError:
        return (str(path), -1, -1)


def _places_loader(gazetteer: Gazetteer, path: Path, item: Any, online: Any = None) -> tuple:
    """(key, load) of a places file: keyed by the file itself, wherever the spec is."""
    options = {k: item.get(k) for k in PLACE_OPTIONS}

    def load() -> None:  # the gazetteer checks a GDAL layer as check_local_file does
        given = {k: v for k, v in options.items() if v}
        gazetteer.add_places_file(path, online=online, **given)

    return ("places file", _signature(path), tuple(options.items())), load


def _load_places(ctx: _Context, item: Any) -> None:
    path = _spec_relative(ctx, str(item["path"]))
    key, load = _places_loader(ctx.gazetteer, path, item, ctx.online)
    _once(ctx, key, load, item)


def _load_road(ctx: _Context, item: Any) -> None:
    path = _spec_relative(ctx, str(item["path"]))
    aliases = item.get("aliases") or []
    aliases = [aliases] if isinstance(aliases, str) else [str(a) for a in aliases]

    def load() -> None:  # load_road checks the file as check_local_file does
        name, layer = str(item["name"]), item.get("layer")
        ctx.gazetteer.load_road(path, name, aliases=aliases, layer=layer, online=ctx.online)

    key = ("road", _signature(path), str(item["name"]), tuple(aliases))
    _once(ctx, key, load, item)


def _boundaries(ctx: _Context, items: list) -> Any:
    """The declared admin layers as ``admin_index`` frames (``admin1``, ``admin2`` …)."""
    layers: dict[str, Any] = {}
    for item in items:
        path = _spec_relative(ctx, str(item["path"]))
        options = {k: item.get(k) for k in ("layer", "name_field", "code_field")}
        try:
            layer = boundary_layer(path, item["level"], online=ctx.online, **options)
        except _FieldError as exc:
            raise ctx.error(str(exc), _line(item, exc.key), exc.hint) from None
        except GeozonesError as exc:
            raise ctx.error(
                f"boundaries: {exc}", _line(item, "path"), "paths are relative to the spec"
            ) from None
        layers[f"admin{int(item['level'])}"] = layer
    return admin_index(layers)


class _FieldError(InputError):
    """A boundary layer's name or code field that is missing (``key``: the spec's key)."""

    def __init__(self, message: str, key: str, hint: str) -> None:
        super().__init__(f"{message}; {hint}")
        self.args = (message,)
        self.key, self.hint = key, hint


def boundary_layer(
    path: str | Path,
    level: int,
    *,
    layer: str | int | None = None,
    name_field: str | None = None,
    code_field: str | None = None,
    online: bool | None = None,
) -> Any:
    """A user's admin boundary layer with the bundled layers' columns.

    ``pcode``, ``name_en``, ``level`` (and ``name_ar``, ``admin1_pcode`` from OCHA COD
    fields); the name and code fields are guessed (:data:`NAME_FIELDS`,
    :data:`CODE_FIELDS`) unless given.

    Raises
    ------
    InputError
        The file cannot be read, or has no such (or no guessable) name field.

    Examples
    --------
    >>> adm = boundary_layer("libya-adm2.geojson", 2)                  # doctest: +SKIP
    >>> adm["name_en"].tolist()                                        # doctest: +SKIP
    ['Al Jufrah']
    """
    import geopandas as gpd  # heavy: imported when a spec declares boundaries

    gdf = read_file(path, layer=layer, online=online)
    level = int(level)
    item = {"path": str(path), "name_field": name_field, "code_field": code_field}
    name = _field(gdf, item, "name_field", NAME_FIELDS, level)
    if name is None:
        raise _FieldError(
            f"boundaries: which field of {str(path)!r} holds the names?",
            "path",
            "add 'name_field: ...'; its fields are: " + ", ".join(map(str, gdf.columns[:20])),
        )
    code = _field(gdf, item, "code_field", CODE_FIELDS, level)
    names = gdf[name].fillna("").astype(str)
    out = {"pcode": gdf[code].astype(str) if code else names, "name_en": names, "level": level}
    for col, src in (("name_ar", f"ADM{level}_AR"), ("admin1_pcode", "ADM1_PCODE")):
        if src in gdf.columns:
            out[col] = gdf[src].fillna("").astype(str)
    if "ADM2_PCODE" in gdf.columns and level > 2:
        out["admin2_pcode"] = gdf["ADM2_PCODE"].astype(str)
    return gpd.GeoDataFrame(out, geometry=gdf.geometry.values, crs=4326)


def _field(gdf: Any, item: Any, key: str, guesses: tuple, level: int) -> Any:
    given = item.get(key)
    if given:
        if given not in gdf.columns:
            raise _FieldError(
                f"boundaries: no field {given!r} in {item['path']!r}",
                key,
                "its fields are: " + ", ".join(map(str, gdf.columns[:20])),
            )
        return given
    for g in guesses:
        name = g.format(n=level)
        if name in gdf.columns:
            return name
    return None
