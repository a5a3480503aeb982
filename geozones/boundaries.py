"""Bundled boundary polygons: Syrian admin areas, neighbouring countries, operation areas.

Layers (GeoParquet under ``data/boundaries/``, EPSG:4326, valid geometries):

``admin1``
    14 governorates (OCHA COD-AB 2015), simplified (see ``data/SOURCES.md``).
``admin2``
    61 districts (OCHA COD-AB 2015), simplified with shared edges kept.
``admin3``
    272 subdistricts (geoBoundaries 2017) with OCHA P-codes given by the
    communities inside them.
``countries``
    Syria and its neighbours at 1:10m (Natural Earth); ``pcode`` is the
    ISO 3166-1 alpha-2 code.
``operation-areas``
    Schematic polygons of Turkey's operations Euphrates Shield, Olive Branch
    and Peace Spring (``pcode`` is the area id, ``announced`` its date).
``disputed``
    Natural Earth's Israeli-occupied Golan Heights, UNDOF zone and Shebaa Farms
    (``pcode`` GOLAN, UNDOF, SHEBAA; level -2), to subtract from zones.

Every layer has the columns ``pcode``, ``name_en``, ``name_ar``, ``level``
(0 country, 1–3 admin, -1 operation area) and, for admin areas,
``admin1_pcode``, ``admin2_pcode`` (parent codes) and ``area_km2``.

Examples
--------
>>> from geozones import boundaries
>>> boundaries.load("admin1").shape[0]            # doctest: +SKIP
14
>>> boundaries.geometry_of("SY07").geom_type      # Idleb governorate  # doctest: +SKIP
'Polygon'
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from ._io import data_path
from .errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

__all__ = ["LAYERS", "load", "geometry_of", "find"]

#: The bundled layers.
LAYERS = ("admin1", "admin2", "admin3", "countries", "operation-areas", "disputed")


@functools.cache
def _read(layer: str) -> gpd.GeoDataFrame:
    import geopandas as gpd

    path = data_path("boundaries", f"{layer}.parquet")
    if not path.exists():
        raise InputError(
            f"bundled boundary layer {layer!r} is missing at {path}; "
            "rebuild the data with 'python scripts/build_data.py'"
        )
    gdf = gpd.read_parquet(path)
    if gdf.crs is None or gdf.crs.to_epsg() != 4326:
        gdf = gdf.set_crs(4326, allow_override=True)
    return gdf


def load(layer: str) -> gpd.GeoDataFrame:
    """Load one bundled boundary layer as a GeoDataFrame in EPSG:4326.

    The file is read once per process; each call returns a copy, so callers
    may modify what they get.

    Parameters
    ----------
    layer : str
        One of :data:`LAYERS`: ``"admin1"``, ``"admin2"``, ``"admin3"``,
        ``"countries"``, ``"operation-areas"``.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``pcode``, ``name_en``, ``name_ar``, ``level``, parent codes,
        ``geometry``.

    Raises
    ------
    InputError
        For an unknown layer name.

    Examples
    --------
    >>> from geozones import boundaries
    >>> adm3 = boundaries.load("admin3")                   # doctest: +SKIP
    >>> adm3.loc[adm3.pcode == "SY020400", "name_en"].item()  # doctest: +SKIP
    "A'zaz"
    """
    if layer not in LAYERS:
        raise InputError(f"unknown boundary layer {layer!r}; use one of: {', '.join(LAYERS)}")
    return _read(layer).copy()


@functools.cache
def _code_index() -> dict[str, tuple[str, int]]:
    index: dict[str, tuple[str, int]] = {}
    for layer in LAYERS:
        for i, code in enumerate(_read(layer)["pcode"]):
            index.setdefault(str(code).upper(), (layer, i))
    return index


def geometry_of(code: str) -> Any:
    """The polygon of an admin area, country or operation area by its code.

    Parameters
    ----------
    code : str
        An OCHA P-code (``SY07``, ``SY0705``, ``SY070500``), an ISO country
        code (``TR``) or an operation-area id (``tur-op-firat-kalkani``).

    Returns
    -------
    shapely.Polygon or shapely.MultiPolygon

    Raises
    ------
    InputError
        When no bundled layer has that code.

    Examples
    --------
    >>> from geozones import boundaries
    >>> round(boundaries.geometry_of("SY0705").area, 3)    # doctest: +SKIP
    0.061
    """
    hit = _code_index().get(str(code).strip().upper())
    if hit is None:
        raise InputError(
            f"no bundled boundary has the code {code!r}; codes look like SY07 (governorate), "
            "SY0705 (district), SY070500 (subdistrict) or TR (country)"
        )
    layer, i = hit
    return _read(layer).geometry.iloc[i]


def find(name: str, *, layer: str | None = None) -> gpd.GeoDataFrame:
    """Rows whose English or Arabic name or code matches ``name`` after folding.

    Parameters
    ----------
    name : str
        A name ("Idlib", "إدلب", "Jisr ash-Shughur") or a code.
    layer : str, optional
        Restrict to one layer of :data:`LAYERS`; default: all admin layers
        and countries.

    Returns
    -------
    geopandas.GeoDataFrame
        The matching rows (possibly empty) with a ``layer`` column.

    Examples
    --------
    >>> from geozones import boundaries
    >>> boundaries.find("Idlib").pcode.tolist()          # doctest: +SKIP
    ['SY07', 'SY0700']
    """
    import pandas as pd

    from ._text import name_key, phonetic_key

    layers = [layer] if layer else ["admin1", "admin2", "admin3", "countries"]
    k, pk = name_key(name), phonetic_key(name)
    parts = []
    for lay in layers:
        g = load(lay)
        names = g["name_en"].fillna("").tolist()
        ar = g["name_ar"].fillna("").tolist()
        codes = g["pcode"].astype(str).tolist()
        keys = [
            {
                name_key(a),
                name_key(b),
                name_key(c),
                name_key(a.split(" (")[0]),
                name_key(b.removeprefix("مركز ")),
            }
            for a, b, c in zip(names, ar, codes, strict=False)
        ]
        mask = [k in ks for ks in keys]
        if not any(mask):
            mask = [pk in {phonetic_key(a), phonetic_key(a.split(" (")[0])} for a in names]
        hit = g[mask]
        if len(hit):
            parts.append(hit.assign(layer=lay))
    if not parts:
        return load(layers[0]).iloc[0:0].assign(layer=[])
    import geopandas as gpd

    return gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), crs=4326)
