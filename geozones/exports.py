"""Export a Timeline to files that GIS tools open unchanged.

One public function, `export`, and one private writer per format:

- **geojson** (`.geojson`, `.json`): an RFC 7946 FeatureCollection: lon/lat
  WGS84, no `crs`, counter-clockwise exterior rings and clockwise holes,
  `settings.coordinate_precision` decimals, a `bbox`.
- **gpkg** (`.gpkg`): a GeoPackage with layers `areas`, `lines` and `points`
  (one per geometry dimension, each with a `kind` column); `start_date` and
  `end_date` are DATE columns; a default QGIS style per layer (colours by
  kind, outlines by confidence, temporal settings).
- **kml** (`.kml`): KML 2.2, one Folder per map layer, a `<TimeSpan>` per
  Placemark for Google Earth's time slider, a Style per kind, sources as links.
- **fgb** (`.fgb`): FlatGeobuf, one layer, the GeoPackage columns.
- **csv** (`.csv`): the gazetteer places the spec named (name, lat, lon,
  kind, source, source_id, admin, country).

Every file is written beside its target and renamed into place only once it
is complete (`geozones._io.atomic_path`): a failure never leaves a partial
file.
"""

from __future__ import annotations

import csv
import datetime as _dt
import html
import json
import math
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import settings
from ._io import atomic_path
from .errors import ExportError, GeozonesError, InputError
from .kinds import KINDS
from .timeline import FEATURE_COLUMNS

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd
    import numpy as np

    from .timeline import Timeline

#: Export formats and the file extensions they are inferred from.
FORMATS: dict[str, tuple[str, ...]] = {
    "geojson": (".geojson", ".json"),
    "gpkg": (".gpkg",),
    "kml": (".kml",),
    "fgb": (".fgb",),
    "csv": (".csv",),
}

#: GeoPackage layer for each geometry dimension (2 areas, 1 lines, 0 points).
GPKG_LAYERS: dict[int, str] = {2: "areas", 1: "lines", 0: "points"}

#: Attribute columns of the table formats (GeoPackage, FlatGeobuf), in order:
#: the timeline's feature columns but the geometry.
COLUMNS = tuple(c for c in FEATURE_COLUMNS if c != "geometry")

_MULTI_TYPES = {2: "MultiPolygon", 1: "MultiLineString", 0: "MultiPoint"}
_KML_NS = "http://www.opengis.net/kml/2.2"
# characters XML 1.0 cannot carry at all, even escaped
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def export(
    timeline: Timeline,
    path: str | os.PathLike[str],
    format: str | None = None,
    date: Any = None,
) -> Path:
    """Write a timeline (or what is active on one date) to a GIS file.

    Parameters
    ----------
    timeline : Timeline
        The compiled timeline, e.g. from `geozones.load_timeline()`.
    path : str or PathLike
        The file to write. ``"-"`` writes GeoJSON to standard output.
    format : str, optional
        One of ``geojson``, ``gpkg``, ``kml``, ``fgb``, ``csv``. By default it
        is inferred from the extension of ``path`` (``.geojson``/``.json``,
        ``.gpkg``, ``.kml``, ``.fgb``, ``.csv``).
    date : str or date, optional
        Export only the features active on this day (``Timeline.at``). Not
        allowed with ``csv``, which lists the places the spec named.

    Returns
    -------
    Path
        `path` as a `pathlib.Path` (`Path("-")` for standard output).

    Raises
    ------
    ExportError
        Unknown format, an extension that names no format, or a file that
        cannot be written (the message says why). Nothing is left behind.
    InputError
        ``date`` is not a date.

    Examples
    --------
    >>> import geozones
    >>> tl = geozones.load_timeline()                                  # doctest: +SKIP
    >>> geozones.export(tl, "nw-syria.gpkg")                           # doctest: +SKIP
    PosixPath('nw-syria.gpkg')
    >>> geozones.export(tl, "2020-03-15.kml", date="2020-03-15")       # doctest: +SKIP
    PosixPath('2020-03-15.kml')
    """
    fmt = _resolve_format(path, format)
    if fmt == "csv" and date is not None:
        raise InputError(
            "the places CSV lists every place the spec named and has no dates; "
            "export it without a date"
        )
    features = _select(timeline, date)
    if str(path) == "-":
        if fmt != "geojson":
            raise ExportError(f"only GeoJSON can be written to standard output, not {fmt}")
        sys.stdout.write(_geojson_text(timeline, features))
        sys.stdout.flush()
        return Path("-")
    target = Path(path).expanduser()
    if target.is_dir():
        raise ExportError(f"cannot write {fmt} to {target}: it is a folder; give a file name")
    try:
        with atomic_path(target) as tmp:
            _WRITERS[fmt](timeline, features, tmp)
    except GeozonesError:
        raise
    except Exception as exc:
        # OS and encoding errors, GDAL's (pyogrio raises RuntimeError subclasses), GEOS's
        if not isinstance(exc, (OSError, UnicodeError, ValueError, RuntimeError)) and not (
            type(exc).__module__.startswith("shapely")
        ):
            raise
        raise ExportError(f"cannot write {fmt} to {target}: {_reason(exc)}") from exc
    return target


# --- selection and preparation ---------------------------------------------


def _resolve_format(path: str | os.PathLike[str], format: str | None) -> str:
    """The format to write: ``format`` if given (checked), else from the extension."""
    if format is not None:
        fmt = str(format).strip().lower().lstrip(".")
        fmt = {"json": "geojson", "flatgeobuf": "fgb", "geopackage": "gpkg"}.get(fmt, fmt)
        if fmt not in FORMATS:
            raise ExportError(f"unknown export format {format!r}; use one of: {', '.join(FORMATS)}")
        return fmt
    if str(path) == "-":
        return "geojson"
    suffix = Path(path).suffix.lower()
    for fmt, exts in FORMATS.items():
        if suffix in exts:
            return fmt
    known = ", ".join(e for exts in FORMATS.values() for e in exts)
    raise ExportError(
        f"cannot tell the export format of {str(path)!r} from its extension "
        f"{suffix or '(none)'!r}; name the file with one of {known} or give a format "
        f"({', '.join(FORMATS)})"
    )


def _select(timeline: Timeline, date: Any) -> gpd.GeoDataFrame:
    """The features to write, in EPSG:4326: all of them, or those active on ``date``."""
    feats = timeline.features if date is None else timeline.at(date)
    if feats.crs is not None and not feats.crs.equals("EPSG:4326"):
        feats = feats.to_crs(4326)
    return feats


def _reason(exc: BaseException) -> str:
    """A one-line reason for a low-level failure (OSError, GDAL error)."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return " ".join(str(exc).split()) or type(exc).__name__


def _clean_geometries(geoms: Any) -> np.ndarray:
    """Round to the coordinate grid, keep validity, orient rings per RFC 7946.

    Coordinates are rounded to ``settings.coordinate_precision`` decimals, so
    they print with at most that many. Where rounding alone would make a valid
    geometry invalid (a sliver thinner than the grid folding over), that
    geometry is snapped with `shapely.set_precision` instead, which repairs
    what snapping breaks. Finally exterior rings are made counter-clockwise
    and holes clockwise.
    """
    import numpy as np
    import shapely

    digits = int(settings.coordinate_precision)
    arr = np.asarray(geoms, dtype=object)
    rounded = shapely.transform(arr, lambda c: np.round(c, digits))
    broken = shapely.is_valid(arr) & ~shapely.is_valid(rounded)
    if broken.any():
        snapped = shapely.set_precision(arr[broken], 10.0**-digits)
        snapped = shapely.transform(snapped, lambda c: np.round(c, digits))
        # a geometry entirely thinner than the grid would vanish: keep it merely rounded
        keep = ~shapely.is_empty(snapped)
        idx = np.flatnonzero(broken)[keep]
        rounded[idx] = snapped[keep]
    return _orient(rounded)


def _orient(geoms: np.ndarray) -> np.ndarray:
    import shapely

    if hasattr(shapely, "orient_polygons"):  # shapely >= 2.1
        return shapely.orient_polygons(geoms, exterior_cw=False)
    from shapely.geometry.polygon import orient  # pragma: no cover - shapely 2.0

    return _map_polygons(geoms, lambda p: orient(p, 1.0))  # pragma: no cover


def _map_polygons(geoms: np.ndarray, fn: Callable[[Any], Any]) -> np.ndarray:  # pragma: no cover
    import numpy as np
    from shapely.geometry import GeometryCollection, MultiPolygon, Polygon

    def one(g: Any) -> Any:
        if isinstance(g, Polygon):
            return fn(g)
        if isinstance(g, MultiPolygon):
            return MultiPolygon([fn(p) for p in g.geoms])
        if isinstance(g, GeometryCollection):
            return GeometryCollection([one(p) for p in g.geoms])
        return g

    return np.array([one(g) for g in geoms], dtype=object)


def _iso(value: Any) -> str | None:
    """``YYYY-MM-DD`` of a Timestamp/date, ``None`` for NaT/None."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "date") and callable(value.date):
        value = value.date()
    return value.isoformat()[:10] if hasattr(value, "isoformat") else str(value)[:10]


def _text(value: Any) -> str:
    """A string for a text attribute; missing values become ``""``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _sources(value: Any) -> list[dict[str, str | None]]:
    """The sources of a feature as a list of ``{url, quote, title}``."""
    if isinstance(value, str) and value.lstrip().startswith("["):
        try:  # a JSON list, as some readers hand it back
            value = json.loads(value)
        except ValueError:
            pass
    if value is None or isinstance(value, (str, bytes, float)):
        return (
            []
            if not isinstance(value, str) or not value
            else [{"url": value, "quote": None, "title": None}]
        )
    out: list[dict[str, str | None]] = []
    for item in value:
        if isinstance(item, dict):
            out.append(
                {
                    k: (None if item.get(k) is None else str(item.get(k)))
                    for k in ("url", "quote", "title")
                }
            )
        elif item:
            out.append({"url": str(item), "quote": None, "title": None})
    return out


def _records(feats: gpd.GeoDataFrame) -> list[dict[str, Any]]:
    """One plain dict of JSON-ready properties per feature (dates as ISO strings)."""
    cols = {c: feats[c].tolist() for c in COLUMNS}
    out = []
    for i in range(len(feats)):
        out.append(
            {
                "id": _text(cols["id"][i]),
                "name": _text(cols["name"][i]),
                "kind": _text(cols["kind"][i]),
                "agreement": _text(cols["agreement"][i]),
                "agreement_name": _text(cols["agreement_name"][i]),
                "start_date": _iso(cols["start_date"][i]),
                "end_date": _iso(cols["end_date"][i]),
                "confidence": _text(cols["confidence"][i]),
                "notes": _text(cols["notes"][i]),
                "sources": _sources(cols["sources"][i]),
            }
        )
    return out


# --- GeoJSON ----------------------------------------------------------------


def _bbox(bounds: Any) -> list[float] | None:
    import numpy as np

    if np.isnan(bounds).any():
        return None
    digits = int(settings.coordinate_precision)
    return [round(float(v), digits) for v in bounds]


def _geojson_document(timeline: Timeline, feats: gpd.GeoDataFrame) -> dict[str, Any]:
    """The RFC 7946 FeatureCollection as a dict (deterministic key order)."""
    import shapely
    from shapely.geometry import mapping

    geoms = _clean_geometries(feats.geometry.array)
    bounds = shapely.bounds(geoms)
    features = []
    for rec, geom, b in zip(_records(feats), geoms, bounds, strict=True):
        feature: dict[str, Any] = {"type": "Feature", "id": rec["id"]}
        bbox = _bbox(b)
        if bbox is not None:
            feature["bbox"] = bbox
        feature["geometry"] = None if geom is None or geom.is_empty else mapping(geom)
        feature["properties"] = {k: v for k, v in rec.items() if k != "id"}
        features.append(feature)
    doc: dict[str, Any] = {"type": "FeatureCollection", "name": timeline.name}
    if len(geoms) and not shapely.is_empty(geoms).all():
        doc["bbox"] = _bbox(shapely.total_bounds(geoms))
    doc["features"] = features
    return doc


def _geojson_text(timeline: Timeline, feats: gpd.GeoDataFrame) -> str:
    """GeoJSON text: one Feature per line, so diffs between exports stay readable."""
    doc = _geojson_document(timeline, feats)
    features = doc.pop("features")

    def dump(obj: Any) -> str:
        return json.dumps(obj, ensure_ascii=False, allow_nan=False, separators=(",", ":"))

    head = dump(doc)[:-1]  # drop the closing brace
    body = ",\n".join(dump(f) for f in features)
    return f'{head},"features":[\n{body}\n]}}\n' if features else f'{head},"features":[]}}\n'


def _write_geojson(timeline: Timeline, feats: gpd.GeoDataFrame, path: Path) -> None:
    text = _geojson_text(timeline, feats)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


# --- GeoPackage and FlatGeobuf (pyogrio) -------------------------------------


def _attribute_frame(feats: gpd.GeoDataFrame) -> Any:
    """A pandas frame of `COLUMNS`, dates typed as Arrow ``date32``.

    Going through Arrow is what makes GDAL create DATE fields (not text, not
    datetimes), so QGIS sees real dates. ``sources`` becomes a JSON string.
    """
    import pandas as pd
    import pyarrow as pa

    recs = _records(feats)
    data: dict[str, Any] = {}
    for col in COLUMNS:
        values = [r[col] for r in recs]
        if col in ("start_date", "end_date"):
            dates = [None if v is None else _dt.date.fromisoformat(v) for v in values]
            data[col] = pd.arrays.ArrowExtensionArray(pa.array(dates, type=pa.date32()))
        elif col == "sources":
            texts = [json.dumps(v, ensure_ascii=False) for v in values]
            data[col] = pd.arrays.ArrowExtensionArray(pa.array(texts, type=pa.string()))
        else:
            data[col] = pd.arrays.ArrowExtensionArray(pa.array(values, type=pa.string()))
    return pd.DataFrame(data)


def _split_by_dimension(geoms: np.ndarray) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Group the parts of each geometry by dimension and rebuild them as Multi* geometries.

    Returns ``{dimension: (row indices, multi geometries)}``; a geometry
    collection holding, say, a polygon and a line contributes to two groups.
    """
    import numpy as np
    import shapely

    parts, index = shapely.get_parts(geoms, return_index=True)
    while True:  # flatten nested multi-geometries and collections
        nested = shapely.get_num_geometries(parts) > 1
        nested |= shapely.get_type_id(parts) >= 4
        if not nested.any():
            break
        sub, sub_idx = shapely.get_parts(parts[nested], return_index=True)
        index = np.concatenate([index[~nested], index[nested][sub_idx]])
        parts = np.concatenate([parts[~nested], sub])
    keep = ~shapely.is_empty(parts)
    parts, index = parts[keep], index[keep]
    dims = shapely.get_dimensions(parts)
    builders = {2: shapely.multipolygons, 1: shapely.multilinestrings, 0: shapely.multipoints}
    out: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    for dim, build in builders.items():
        sel = dims == dim
        if not sel.any():
            continue
        order = np.argsort(index[sel], kind="stable")
        idx = index[sel][order]
        rows = np.unique(idx)
        # shapely wants consecutive group numbers 0..n-1
        group = np.searchsorted(rows, idx)
        out[dim] = (rows, build(parts[sel][order], indices=group))
    return out


def _geo_frame(table: Any, rows: Any, geoms: Any) -> gpd.GeoDataFrame:
    import geopandas as gpd

    sub = table.iloc[rows].reset_index(drop=True)
    return gpd.GeoDataFrame(sub, geometry=gpd.GeoSeries(geoms, crs="EPSG:4326"), crs="EPSG:4326")


def _write_gpkg(timeline: Timeline, feats: gpd.GeoDataFrame, path: Path) -> None:
    """GeoPackage: one layer per geometry dimension, each with a kind column.

    A GeoPackage layer holds one geometry type, and one kind can mix them (a
    zone given as a polygon in one agreement and as a town point in
    another), so layers by kind would not do. Three layers (``areas``,
    ``lines``, ``points``) keep every layer to one Multi* type; the ``kind``
    column drives the categorized style and filters.
    """
    import pyogrio

    table = _attribute_frame(feats)
    groups = _split_by_dimension(_clean_geometries(feats.geometry.array))
    if not groups:  # nothing active: still a valid GeoPackage with an empty areas layer
        import numpy as np

        groups = {2: (np.array([], dtype=int), np.array([], dtype=object))}
    for dim in sorted(groups, reverse=True):
        rows, geoms = groups[dim]
        layer = GPKG_LAYERS[dim]
        pyogrio.write_dataframe(
            _geo_frame(table, rows, geoms),
            path,
            layer=layer,
            driver="GPKG",
            use_arrow=True,
            geometry_type=_MULTI_TYPES[dim],
            layer_options={
                "IDENTIFIER": f"{timeline.name} — {layer}",
                "DESCRIPTION": f"{layer} of the timeline {timeline.id!r}; "
                "end_date is the last day in force (empty = still in force)",
            },
        )
    kinds = table["kind"].tolist()
    _write_qgis_styles(
        path,
        timeline,
        {
            GPKG_LAYERS[d]: (d, list(dict.fromkeys(kinds[i] for i in groups[d][0])))
            for d in sorted(groups, reverse=True)
        },
    )


# QGIS default styles stored in the GeoPackage (table ``layer_styles``, the
# table QGIS itself writes with "Save as Default → Datasource Database"):
# features are coloured by kind with solid / dashed / dotted outlines for
# surveyed / approximate / schematic, and the temporal settings show a feature
# from start_date to end_date, both days included (end_date is the last day in
# force). QGIS applies the colours on opening but switches the temporal part
# off again (it re-guesses it from the DATE fields); docs/exports.md says how
# to turn it on.

# Expressions, not the plain fields: QGIS 3.22 compares a DATE field with the
# frame's datetime as if the date came just before midnight, which shifts every
# feature one day early (qgis/QGIS#48946); converting explicitly is right in
# every version. An open end (NULL) means still in force: until now, which
# also keeps "Set to full range" of the Temporal Controller to real dates.
_QGIS_START = 'to_datetime("start_date")'
_QGIS_END = 'coalesce(to_datetime("end_date"), now())'
_QGIS_SYMBOL = {2: ("fill", "SimpleFill"), 1: ("line", "SimpleLine"), 0: ("marker", "SimpleMarker")}
_QGIS_DASH = (
    "CASE WHEN \"confidence\" = 'surveyed' THEN 'solid' "
    "WHEN \"confidence\" = 'schematic' THEN 'dot' ELSE 'dash' END"
)


def _rgba(hex_color: str, alpha: float = 1.0) -> str:
    h = hex_color.lstrip("#")
    if not re.fullmatch(r"[0-9a-fA-F]{6}", h):
        h = "808080"
    return f"{int(h[0:2], 16)},{int(h[2:4], 16)},{int(h[4:6], 16)},{round(alpha * 255)}"


def _qml_symbol(parent: ET.Element, name: str, dim: int, color: str) -> None:
    sym_type, layer_class = _QGIS_SYMBOL[dim]
    sym = _sub(
        parent, "symbol", type=sym_type, name=name, alpha="1", clip_to_extent="1", force_rhr="0"
    )
    layer = _sub(sym, "layer", **{"class": layer_class, "enabled": "1", "locked": "0", "pass": "0"})
    if dim == 2:
        props = {
            "color": _rgba(color, 0.3),
            "outline_color": _rgba(color),
            "style": "solid",
            "outline_style": "solid",
            "outline_width": "0.6",
            "outline_width_unit": "MM",
            "joinstyle": "round",
        }
        dashed = "outlineStyle"
    elif dim == 1:
        props = {
            "line_color": _rgba(color),
            "line_width": "0.8",
            "line_width_unit": "MM",
            "line_style": "solid",
            "capstyle": "round",
            "joinstyle": "round",
        }
        dashed = "outlineStyle"
    else:
        props = {
            "color": _rgba(color),
            "name": "circle",
            "size": "3",
            "size_unit": "MM",
            "outline_color": "35,35,35,255",
            "outline_style": "solid",
            "outline_width": "0.3",
            "outline_width_unit": "MM",
        }
        dashed = ""
    options = _sub(layer, "Option", type="Map")
    for k, v in props.items():
        _sub(options, "Option", type="QString", name=k, value=v)
    for k, v in props.items():  # QGIS < 3.20 reads <prop>
        _sub(layer, "prop", k=k, v=v)
    ddp = _sub(_sub(layer, "data_defined_properties"), "Option", type="Map")
    _sub(ddp, "Option", type="QString", name="name", value="")
    prop_map = _sub(ddp, "Option", type="Map", name="properties")
    if dashed:
        dd = _sub(prop_map, "Option", type="Map", name=dashed)
        _sub(dd, "Option", type="bool", name="active", value="true")
        _sub(dd, "Option", type="QString", name="expression", value=_QGIS_DASH)
        _sub(dd, "Option", type="int", name="type", value="3")
    _sub(ddp, "Option", type="QString", name="type", value="collection")


def _qml(dim: int, kinds: list[str]) -> str:
    """A QGIS style (QML) for one layer: temporal settings and a renderer by kind."""
    root = ET.Element("qgis", version="3.22.0", styleCategories="Symbology|Temporal")
    temporal = _sub(
        root,
        "temporal",
        enabled="1",
        mode="4",
        limitMode="1",
        startField="start_date",
        endField="end_date",
        accumulate="0",
        durationField="",
        durationUnit="d",
        fixedDuration="0",
        startExpression=_QGIS_START,
        endExpression=_QGIS_END,
    )
    fixed = _sub(temporal, "fixedRange")
    _sub(fixed, "start", "")
    _sub(fixed, "end", "")
    renderer = _sub(
        root,
        "renderer-v2",
        type="categorizedSymbol",
        attr="kind",
        forceraster="0",
        enableorderby="0",
        symbollevels="0",
    )
    cats = _sub(renderer, "categories")
    symbols = _sub(renderer, "symbols")
    for i, kind_id in enumerate(kinds):
        k = KINDS.get(kind_id)
        _sub(
            cats,
            "category",
            value=kind_id,
            symbol=str(i),
            label=k.label if k else kind_id,
            render="true",
        )
        _qml_symbol(symbols, str(i), dim, k.color if k else "#808080")
    _sub(root, "layerGeometryType", str(dim))
    body = ET.tostring(root, encoding="unicode")
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + body


def _write_qgis_styles(
    path: Path, timeline: Timeline, layers: dict[str, tuple[int, list[str]]]
) -> None:
    """Add the ``layer_styles`` table with a default style for each layer."""
    import pandas as pd
    import pyogrio

    rows = []
    for layer, (dim, present) in layers.items():
        kinds = list(KINDS) + [k for k in present if k not in KINDS]
        rows.append(
            {
                "f_table_catalog": "",
                "f_table_schema": "",
                "f_table_name": layer,
                "f_geometry_column": "geom",
                "styleName": f"geozones {layer}",
                "styleQML": _qml(dim, kinds),
                "styleSLD": "",
                "useAsDefault": True,
                "description": "geozones: coloured by kind, Temporal Controller on "
                "start_date..end_date (both days included)",
                "owner": "",
                "ui": "",
                "update_time": _dt.datetime(2000, 1, 1),  # fixed: deterministic output
            }
        )
    pyogrio.write_dataframe(
        pd.DataFrame(rows), path, layer="layer_styles", driver="GPKG", layer_options={"FID": "id"}
    )


def _write_fgb(timeline: Timeline, feats: gpd.GeoDataFrame, path: Path) -> None:
    """FlatGeobuf: one layer (mixed geometry types allowed), the GeoPackage columns."""
    import pyogrio

    table = _attribute_frame(feats)
    geoms = _clean_geometries(feats.geometry.array)
    import numpy as np

    frame = _geo_frame(table, np.arange(len(table)), geoms)
    pyogrio.write_dataframe(frame, path, layer=timeline.id, driver="FlatGeobuf", use_arrow=True)


# --- CSV of places ------------------------------------------------------------


#: Columns of the places CSV.
PLACE_COLUMNS = ("name", "lat", "lon", "kind", "source", "source_id", "admin", "country")


def _unique_places(places: list[Any]) -> list[Any]:
    """The places without repeats (same name, source, id and point), first seen order."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for place in places:
        key = (place.name, place.source, place.source_id, place.lat, place.lon)
        if key not in seen:
            seen.add(key)
            out.append(place)
    return out


def _write_csv(timeline: Timeline, feats: gpd.GeoDataFrame, path: Path) -> None:
    """The places the timeline's spec named, one row each (first seen order, no repeats)."""
    digits = int(settings.coordinate_precision)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(PLACE_COLUMNS)
        for place in _unique_places(timeline.places):
            writer.writerow(
                [
                    place.name,
                    round(float(place.lat), digits),
                    round(float(place.lon), digits),
                    place.kind,
                    place.source,
                    place.source_id,
                    " > ".join(place.admin),
                    place.country,
                ]
            )


# --- KML ------------------------------------------------------------------------


def _kml_color(hex_color: str, alpha: float = 1.0) -> str:
    """``#rrggbb`` → KML ``aabbggrr``."""
    h = hex_color.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    if not re.fullmatch(r"[0-9a-fA-F]{6}", h):
        h = "808080"
    return f"{round(alpha * 255):02x}{h[4:6]}{h[2:4]}{h[0:2]}".lower()


def _xml(text: Any) -> str:
    """Text made safe for XML 1.0 (characters it cannot carry are dropped)."""
    return _XML_ILLEGAL.sub("", _text(text))


def _sub(parent: ET.Element, tag: str, text: Any = None, **attrib: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrib)
    if text is not None:
        el.text = _xml(text)
    return el


def _style_id(kind_id: str) -> str:
    return "kind-" + re.sub(r"[^A-Za-z0-9_.-]", "_", kind_id or "unknown")


def _kml_styles(doc: ET.Element, kinds: list[str]) -> None:
    for kind_id in kinds:
        k = KINDS.get(kind_id)
        color = k.color if k else "#808080"
        style = _sub(doc, "Style", id=_style_id(kind_id))
        icon = _sub(style, "IconStyle")
        _sub(icon, "color", _kml_color(color))
        _sub(icon, "scale", "1.1")
        line = _sub(style, "LineStyle")
        _sub(line, "color", _kml_color(color))
        _sub(line, "width", "3")
        poly = _sub(style, "PolyStyle")
        _sub(poly, "color", _kml_color(color, 0.3))


def _safe_url(url: str | None) -> str | None:
    """Only web and mail links become ``href``s (never ``javascript:``)."""
    if url and re.match(r"(?i)^(https?|ftp|mailto):", url.strip()):
        return url.strip()
    return None


def _description_html(rec: dict[str, Any]) -> str:
    """The balloon HTML of a Placemark; every piece of text is HTML-escaped."""
    e = html.escape
    k = KINDS.get(rec["kind"])
    label = k.label if k else rec["kind"]
    end = rec["end_date"] or "still in force"
    parts = [
        f"<p><b>{e(label)}</b> — {e(rec['agreement_name'] or rec['agreement'])}</p>",
        f"<p>In force from {e(rec['start_date'] or 'unknown')} to {e(end)}"
        f"{' (last day)' if rec['end_date'] else ''}; confidence: {e(rec['confidence'])}</p>",
    ]
    if rec["notes"]:
        parts.append(f"<p>{e(rec['notes'])}</p>")
    if rec["sources"]:
        items = []
        for s in rec["sources"]:
            title = e(s.get("title") or s.get("url") or "source")
            url = _safe_url(s.get("url"))
            link = f'<a href="{e(url, quote=True)}">{title}</a>' if url else title
            quote = f" — “{e(s['quote'])}”" if s.get("quote") else ""
            items.append(f"<li>{link}{quote}</li>")
        parts.append("<p>Sources:</p><ul>" + "".join(items) + "</ul>")
    return "".join(parts)


def _kml_coords(coords: Any) -> str:
    return " ".join(f"{_num(x)},{_num(y)}" for x, y, *_ in coords)


def _num(v: float) -> str:
    """Shortest text of an already rounded coordinate (``36.5``, not ``36.500000``)."""
    return repr(float(v))


def _kml_geometry(parent: ET.Element, geom: Any) -> None:
    gtype = geom.geom_type
    if gtype == "Point":
        _sub(_sub(parent, "Point"), "coordinates", _kml_coords(geom.coords))
    elif gtype == "LineString":
        line = _sub(parent, "LineString")
        _sub(line, "tessellate", "1")
        _sub(line, "coordinates", _kml_coords(geom.coords))
    elif gtype == "Polygon":
        poly = _sub(parent, "Polygon")
        _sub(poly, "tessellate", "1")
        ring = _sub(_sub(poly, "outerBoundaryIs"), "LinearRing")
        _sub(ring, "coordinates", _kml_coords(geom.exterior.coords))
        for hole in geom.interiors:
            ring = _sub(_sub(poly, "innerBoundaryIs"), "LinearRing")
            _sub(ring, "coordinates", _kml_coords(hole.coords))
    elif not geom.is_empty:  # Multi* and collections
        multi = _sub(parent, "MultiGeometry")
        for part in geom.geoms:
            _kml_geometry(multi, part)


def _kml_tree(timeline: Timeline, feats: gpd.GeoDataFrame) -> ET.ElementTree:
    """The KML document: Styles by kind, one Folder per map layer, dated Placemarks."""
    root = ET.Element("kml", xmlns=_KML_NS)
    doc = _sub(root, "Document")
    _sub(doc, "name", timeline.name)  # KML 2.2 schema order: name, open, description
    _sub(doc, "open", "1")
    if timeline.description:
        _sub(doc, "description", timeline.description)
    recs = _records(feats)
    geoms = _clean_geometries(feats.geometry.array)
    kinds = list(dict.fromkeys(r["kind"] for r in recs))
    _kml_styles(doc, kinds)
    folders: dict[str, ET.Element] = {}
    for rec, geom in zip(recs, geoms, strict=True):
        k = KINDS.get(rec["kind"])
        layer = k.layer if k else (rec["kind"] or "Other")
        if layer not in folders:
            folders[layer] = _sub(doc, "Folder")
            _sub(folders[layer], "name", layer)
        pm = _sub(folders[layer], "Placemark")
        _sub(pm, "name", rec["name"] or rec["id"])
        _sub(pm, "description", _description_html(rec))
        if rec["start_date"] or rec["end_date"]:
            span = _sub(pm, "TimeSpan")
            if rec["start_date"]:
                _sub(span, "begin", rec["start_date"])
            if rec["end_date"]:
                # a date at day resolution covers the whole day: <end>2020-03-05</end>
                # runs to 2020-03-05T23:59:59, i.e. end_date stays the last day in force
                _sub(span, "end", rec["end_date"])
        _sub(pm, "styleUrl", "#" + _style_id(rec["kind"]))
        ext = _sub(pm, "ExtendedData")
        for key in COLUMNS:  # the name is <name> already
            if key == "name":
                continue
            value = rec[key]
            if key == "sources":
                value = json.dumps(value, ensure_ascii=False)
            data = _sub(ext, "Data", name=key)
            _sub(data, "value", "" if value is None else value)
        if geom is not None and not geom.is_empty:
            _kml_geometry(pm, geom)
    ET.indent(root, space=" ")
    return ET.ElementTree(root)


def _write_kml(timeline: Timeline, feats: gpd.GeoDataFrame, path: Path) -> None:
    tree = _kml_tree(timeline, feats)
    with open(path, "wb") as fh:
        tree.write(fh, encoding="UTF-8", xml_declaration=True)


_WRITERS: dict[str, Callable[[Any, Any, Path], None]] = {
    "geojson": _write_geojson,
    "gpkg": _write_gpkg,
    "kml": _write_kml,
    "fgb": _write_fgb,
    "csv": _write_csv,
}

__all__ = ["export", "FORMATS", "GPKG_LAYERS", "COLUMNS", "PLACE_COLUMNS"]
