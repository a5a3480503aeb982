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
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import settings
from ._io import data_path
from ._text import name_key, phonetic_key
from .errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd  # lazy: the geocode path imports this module

__all__ = ["LAYERS", "LOCAL_FORMATS", "load", "geometry_of", "find", "read_file"]

#: The bundled layers.
LAYERS = ("admin1", "admin2", "admin3", "countries", "operation-areas", "disputed")


@functools.cache
def _read(layer: str) -> gpd.GeoDataFrame:
    import geopandas as gpd  # lazy: the geocode path imports this module

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
    import pandas as pd  # lazy: the geocode path imports this module (check_local_file)

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
    import geopandas as gpd  # lazy: the geocode path imports this module

    return gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), crs=4326)


# --- the user's own vector files, opened safely ----------------------------------------------

#: File endings geozones opens from a spec, and the GDAL driver each one must be.
#: Every one of these formats is self-contained: none makes GDAL open another dataset or a
#: web address. VRT, GML (remote schemas), zip archives and ``/vsi*`` paths are refused
#: unless ``online=True`` (``settings.online_files``).
LOCAL_FORMATS = {
    ".geojson": "GeoJSON",
    ".json": "GeoJSON",
    ".topojson": "TopoJSON",
    ".gpkg": "GPKG",
    ".shp": "ESRI Shapefile",
    ".fgb": "FlatGeobuf",
    ".kml": "KML",
    ".csv": "CSV",
    ".parquet": "Parquet",
    ".geoparquet": "Parquet",
}

_NETWORK_MARKERS = ("/vsi", "://", "<OGRVRTDataSource", "<VRTDataset", "<NetworkLink")


def _sniff(head: bytes, ext: str) -> str | None:
    """What is wrong with a file's first bytes for its ending (None: it looks right)."""
    text = head.decode("latin-1")
    for marker in ("<OGRVRTDataSource", "<VRTDataset"):
        if marker in text:
            return "is a GDAL virtual dataset (VRT), which can make GDAL open web addresses"
    driver = LOCAL_FORMATS[ext]
    body = text.lstrip("\ufeff\xef\xbb\xbf \t\r\n")
    magic = {
        "GPKG": head[:16] == b"SQLite format 3\x00" and head[68:72] in (b"GPKG", b"GP10", b"GP11"),
        "FlatGeobuf": head[:3] == b"fgb",
        "Parquet": head[:4] == b"PAR1",
        "ESRI Shapefile": head[:4] == b"\x00\x00\x27\x0a",
        "GeoJSON": body[:1] in ("{", "["),
        "TopoJSON": body[:1] == "{",
        "KML": body[:1] == "<" and "<NetworkLink" not in text,
        "CSV": b"\x00" not in head and not body.startswith("<"),
    }
    if not magic[driver]:
        return f"is not a {driver} file (its first bytes say otherwise)"
    return None


def check_local_file(path: str | os.PathLike[str], *, online: bool | None = None) -> Path:
    """Refuse a path GDAL must not open from untrusted input; return it as a Path.

    A file named by a spec must be a regular local file of a self-contained vector
    format (:data:`LOCAL_FORMATS`), no larger than ``settings.max_input_file_bytes``:
    no ``/vsicurl/`` or other ``/vsi*`` path, no web address, no VRT (whose sources
    can be web addresses), no FIFO or device (which would hang the reader). With
    ``online=True`` (default ``settings.online_files``) VRT and ``/vsi*`` are allowed.

    Raises
    ------
    InputError
        Saying what the file is and what to give instead.

    Examples
    --------
    >>> check_local_file("/vsicurl/http://example.org/x.geojson")
    Traceback (most recent call last):
    ...
    geozones.errors.InputError: '/vsicurl/http://example.org/x.geojson' is a GDAL network path ...
    """
    online = settings.online_files if online is None else online
    text = os.fspath(path)
    if not online and any(m in text for m in _NETWORK_MARKERS[:2]):
        raise InputError(
            f"{text!r} is a GDAL network path or web address; geozones reads only local "
            "files unless --online (settings.online_files) is given"
        )
    p = Path(text)
    try:
        st = os.stat(p)
    except OSError as exc:
        raise InputError(f"{text!r}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError(
            f"{text!r} is not a regular file (a folder, FIFO or device); give a vector file"
        )
    if st.st_size > settings.max_input_file_bytes:
        raise InputError(
            f"{text!r} is {st.st_size:,} bytes, more than settings.max_input_file_bytes "
            f"({settings.max_input_file_bytes:,})"
        )
    if online:
        return p
    ext = p.suffix.lower()
    if ext not in LOCAL_FORMATS:
        raise InputError(
            f"{text!r}: geozones opens only these vector formats from a spec: "
            f"{', '.join(sorted(LOCAL_FORMATS))} (VRT and archives need --online)"
        )
    with open(p, "rb") as fh:
        head = fh.read(4096 if ext != ".kml" else None)  # a KML NetworkLink may come anywhere
    problem = _sniff(head, ext)
    if problem:
        raise InputError(f"{text!r} {problem}; give a {LOCAL_FORMATS[ext]} file")
    return p


def read_file(
    path: str | os.PathLike[str],
    *,
    layer: str | int | None = None,
    where: str | None = None,
    online: bool | None = None,
) -> gpd.GeoDataFrame:
    """Read a user's vector file (boundaries, places, lines) safely, in EPSG:4326.

    The path is checked first with :func:`check_local_file`; then GDAL reads it.

    Parameters
    ----------
    path : str or Path
        A GeoJSON, GeoPackage, Shapefile, FlatGeobuf, KML, CSV, TopoJSON or
        GeoParquet file.
    layer : str or int, optional
        Layer of a multi-layer file.
    where : str, optional
        An SQL condition on the attributes (``"name = 'x'"``).
    online : bool, optional
        Allow VRT and ``/vsi*`` network paths (default ``settings.online_files``).

    Returns
    -------
    geopandas.GeoDataFrame
        In EPSG:4326 (a file without a CRS is taken to be in it).

    Raises
    ------
    InputError
        When the file is refused or cannot be read.

    Examples
    --------
    >>> from geozones import boundaries
    >>> g = boundaries.read_file("examples/specs/libya_sirte_jufra_line.geojson")  # doctest: +SKIP
    >>> g.crs.to_epsg()                                                          # doctest: +SKIP
    4326
    """
    import geopandas as gpd  # lazy: the geocode path imports this module

    p = check_local_file(path, online=online)
    kwargs: dict[str, Any] = {
        k: v for k, v in (("layer", layer), ("where", where)) if v is not None
    }
    try:
        if p.suffix.lower() in (".parquet", ".geoparquet"):
            if kwargs:
                raise InputError(f"{os.fspath(path)!r}: 'layer' and 'where' are not for Parquet")
            gdf = gpd.read_parquet(p)
        else:
            gdf = gpd.read_file(p, **kwargs)
    except InputError:
        raise
    except Exception as exc:  # GDAL and pyarrow raise many kinds
        raise InputError(f"cannot read {os.fspath(path)!r}: {' '.join(str(exc).split())}") from None
    if gdf.crs is None:
        return gdf.set_crs(4326)
    return gdf if gdf.crs.to_epsg() == 4326 else gdf.to_crs(4326)
