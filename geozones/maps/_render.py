"""Layered, time-sliced, self-contained HTML maps of a :class:`~geozones.timeline.Timeline`.

The map is one HTML file that renders with no network at all: Leaflet (from the
pinned ``django-js-lib-leaflet`` package) and the geozones runtime are inlined,
the basemap is drawn from the bundled boundaries (countries, governorates,
districts, the M4/M5 roads and the governorate capitals), and web tiles are
only an optional base layer.

Features are intervals: they are embedded once as GeoJSON with ``start`` and
``end`` (inclusive, ``null`` = open) properties, and a slider over
:meth:`Timeline.slices` shows exactly the features in force on its date.

Geometry is simplified in a metric CRS (UTM zone of the features) within
``simplify_m`` metres (features) and :data:`geozones.map_basemap.BASEMAP_SIMPLIFY_M` metres
(basemap), and coordinates are rounded to ``settings.coordinate_precision``
decimals.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import html
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import map_basemap, settings
from ._io import atomic_open
from .errors import ExportError, InputError
from .kinds import CONFIDENCE, KINDS
from .timeline import Timeline, to_date

if TYPE_CHECKING:  # pragma: no cover
    import folium
    import geopandas as gpd

#: Default tolerance (metres on the ground) for simplifying feature geometry.
SIMPLIFY_M = 20.0

#: Web tile providers offered when ``offline=False`` and no ``tiles`` are given.
ONLINE_TILES = ("OpenStreetMap.Mapnik", "Esri.WorldImagery", "OpenTopoMap")

#: Name of the base layer that shows no web tiles.
OFFLINE_BASE = "No tiles (offline vector basemap)"


def render_map(
    timeline: Timeline,
    path: str | Path,
    *,
    offline: bool = True,
    date: Any = None,
    tiles: str | Sequence[str] | None = None,
    title: str | None = None,
    simplify_m: float = SIMPLIFY_M,
    basemap: bool = True,
) -> Path:
    """Render ``timeline`` as one self-contained, time-sliced HTML map.

    Parameters
    ----------
    timeline : Timeline
        The dated features (``geozones.load_timeline()``).
    path : str or Path
        Output HTML file; written atomically (a failure leaves no file).
    offline : bool, default True
        ``True`` adds no web tiles unless ``tiles`` names some; ``False`` also
        offers OpenStreetMap, Esri World Imagery and OpenTopoMap as optional base layers.
    date : str or date, optional
        Render this one date (features in force on it, no slider).
    tiles : str or list of str, optional
        xyzservices provider names (``"OpenStreetMap.Mapnik"``,
        ``"OpenTopoMap"``, ``"Esri.WorldImagery"`` …) added as optional,
        non-default base layers.
    title : str, optional
        Page and panel title (default: the timeline's name).
    simplify_m : float, default 20
        Simplification tolerance of the feature geometry, in metres.
    basemap : bool, default True
        Draw the vector basemap from the bundled boundaries.

    Returns
    -------
    Path
        The written file.

    Raises
    ------
    InputError
        A bad date, tile name or tolerance.
    ExportError
        When the file cannot be written (a folder, no permission, disk full).

    Examples
    --------
    >>> import geozones
    >>> tl = geozones.load_timeline()                              # doctest: +SKIP
    >>> geozones.render_map(tl, "maps/nw-syria.html")              # doctest: +SKIP
    PosixPath('maps/nw-syria.html')
    >>> geozones.render_map(tl, "idlib-2020-03-06.html", date="2020-03-06")  # doctest: +SKIP
    PosixPath('idlib-2020-03-06.html')
    """
    text = map_html(
        timeline,
        offline=offline,
        date=date,
        tiles=tiles,
        title=title,
        simplify_m=simplify_m,
        basemap=basemap,
    )
    target = Path(path)
    if target.is_dir():
        raise ExportError(
            f"{target} is a folder; give the map a file name, e.g. {target / 'map.html'}"
        )
    try:
        with atomic_open(target, "w", newline="\n") as fh:
            fh.write(text)
    except OSError as exc:
        raise ExportError(f"cannot write the map to {target}: {exc.strerror or exc}") from exc
    return target


def map_html(
    timeline: Timeline,
    *,
    offline: bool = True,
    date: Any = None,
    tiles: str | Sequence[str] | None = None,
    title: str | None = None,
    simplify_m: float = SIMPLIFY_M,
    basemap: bool = True,
) -> str:
    """The HTML text :func:`render_map` writes (same parameters, no file).

    Examples
    --------
    >>> html_text = map_html(geozones.load_timeline())            # doctest: +SKIP
    >>> html_text.startswith("<!DOCTYPE html>")                     # doctest: +SKIP
    True
    """
    if not isinstance(timeline, Timeline):
        raise InputError(
            f"render_map needs a Timeline (geozones.load_timeline()), not {type(timeline).__name__}"
        )
    try:
        simplify_m = float(simplify_m)
    except (TypeError, ValueError):
        raise InputError(f"simplify_m {simplify_m!r} is not a number of metres, e.g. 20") from None
    if not simplify_m >= 0:
        raise InputError(f"simplify_m must be 0 or more metres, not {simplify_m}")
    day = to_date(date, what="date") if date is not None else None
    providers = tile_providers(tiles, offline)
    fmap = _build_map(
        timeline, day=day, providers=providers, title=title, simplify_m=simplify_m, basemap=basemap
    )
    text = fmap.get_root().render()
    return text.replace("<html>", '<html lang="en">', 1)


# --------------------------------------------------------------------------- building


def _build_map(
    timeline: Timeline,
    *,
    day: _dt.date | None,
    providers: list[Any],
    title: str | None,
    simplify_m: float,
    basemap: bool,
) -> folium.Map:
    from branca.element import Figure
    from folium.utilities import JsCode

    from . import map_elements as me

    frame = _features_4326(timeline)
    if day is not None:
        frame = frame.loc[timeline.active_mask(day).reindex(frame.index, fill_value=False)]
    collection = geojson_collection(_draw_order(frame), simplify_m=simplify_m)
    heading = title if title is not None else (timeline.name or timeline.id)

    fmap = me.SafeMap(
        tiles=None, control_scale=True, zoom_control="topleft", font_size="13px", zoom_snap=0.25
    )
    # Everything folium would fetch from CDNs is dropped; Leaflet is inlined instead.
    fmap.default_js = []
    fmap.default_css = []
    root = fmap.get_root()
    assert isinstance(root, Figure)
    root.title = html.escape(f"{heading} — geozones map", quote=True)
    root.header.add_child(me.InlineAssets(), name="gz_assets")
    root.html.add_child(me.NoScript(), name="gz_noscript")

    base_layers = _add_tiles(fmap, providers)

    base = map_basemap.basemap_near(frame, simplify_m) if basemap else None
    meta = _meta(timeline, frame)
    if base is None or not base["countries"]["features"]:
        # no bundled land here: say so, and do not paint the whole map as sea
        meta["land"] = False
        meta["credit"] = ""
        meta["basemap_note"] = (
            "No bundled basemap covers this area: add web tiles with --tiles "
            "(e.g. OpenStreetMap.Mapnik)."
            if basemap
            else ""
        )
    data = me.FeatureData(collection, meta)
    fmap.add_child(data, name="gz_features")
    layers: list[me.KindLayer] = []
    for layer_name, kind_ids in _layer_groups(frame):
        layer = me.KindLayer(data, kind_ids, layer_name)
        fmap.add_child(layer, name=f"gz_layer_{len(layers)}")
        layers.append(layer)

    countries = map_basemap.add_basemap(fmap, base, frame) if base is not None else None

    slices = [d.isoformat() for d in timeline.slices()]
    config = _time_config(timeline, frame, slices, day)
    if config is not None:
        fmap.add_child(me.TimeControl(data, layers, config), name="gz_time")
    fmap.add_child(me.TitlePanel(_title_info(timeline, heading, day)), name="gz_title")
    fmap.add_child(me.Legend(data), name="gz_legend")
    control = me.SafeLayerControl(collapsed=False, position="topright")
    # a button on phones (folium writes a JsCode option as raw JavaScript)
    control.options["collapsed"] = JsCode("window.innerWidth < 640")  # type: ignore[assignment]
    control.add_to(fmap)
    if base_layers and countries is not None:
        fmap.add_child(me.TileAware(countries, OFFLINE_BASE), name="gz_tile_aware")

    bounds = _bounds(_initial_view(frame, config), basemap)
    if bounds is not None:
        fmap.add_child(me.FitView(bounds), name="gz_fit")
    me.number_ids(root)
    me.check_safe(root)  # no element may render data as template source
    return fmap


def _features_4326(timeline: Timeline) -> gpd.GeoDataFrame:
    frame = timeline.features
    if frame.crs is not None and frame.crs.to_epsg() != 4326:
        frame = frame.to_crs(4326)
    keep = frame.geometry.notna() & ~frame.geometry.is_empty
    return frame.loc[keep]


def _layer_groups(frame: gpd.GeoDataFrame) -> list[tuple[str, list[str]]]:
    """Layer name → kinds, only for kinds present, drawn areas first, then lines, then points.

    Within each geometry class the order of :data:`KINDS` is kept, so small
    things stay on top of large ones and can be clicked.
    """
    present = set(frame["kind"].astype(str))
    groups: dict[str, list[str]] = {}
    for kind_id, kind in KINDS.items():
        if kind_id in present:
            groups.setdefault(kind.layer, []).append(kind_id)
    unknown = sorted(present - set(KINDS))
    if unknown:
        groups.setdefault("Other features", []).extend(unknown)
    types = frame.geometry.geom_type.groupby(frame["kind"].astype(str)).agg(set)
    rank = {"area": 0, "line": 1, "point": 2}

    def order(item: tuple[str, list[str]]) -> int:
        return min(rank[_geometry_class(types[k])] for k in item[1])

    return sorted(groups.items(), key=order)


def _draw_order(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Features from the largest to the smallest (points and lines last)."""
    import numpy as np
    import shapely

    area = shapely.area(frame.geometry.to_numpy())  # degrees², only to order
    order = np.argsort(-area, kind="stable")
    return frame.iloc[order]


def _geometry_class(geom_types: set[str]) -> str:
    if geom_types <= {"Point", "MultiPoint"}:
        return "point"
    if geom_types <= {"LineString", "MultiLineString"}:
        return "line"
    return "area"


def _meta(timeline: Timeline, frame: gpd.GeoDataFrame) -> dict[str, Any]:
    """Kinds, confidence styles and legend entries the runtime needs."""
    kinds = {k: {"label": v.label, "layer": v.layer, "color": v.color} for k, v in KINDS.items()}
    for other in sorted(set(frame["kind"].astype(str)) - set(KINDS)):
        kinds[other] = {"label": other, "layer": "Other features", "color": "#555555"}
    types = frame.geometry.geom_type.groupby(frame["kind"].astype(str)).agg(set)
    legend = [{"id": k, "geometry": _geometry_class(types[k])} for k in kinds if k in types.index]
    confidence = {
        c: {
            "dash": v["dash"],
            "weight": v["weight"],
            "fill_opacity": v["fill_opacity"],
            "label": v["label"],
        }
        for c, v in CONFIDENCE.items()
    }
    return {
        "kinds": kinds,
        "agreements": _agreements_meta(timeline),
        "confidence": confidence,
        "legend_kinds": legend,
        "basemap_note": "Basemap: OCHA COD-AB boundaries, Natural Earth borders; roads and "
        "towns from the geozones gazetteer. Lines drawn through towns are schematic.",
        # shown by Leaflet's attribution control as HTML: static, escaped text only
        "credit": html.escape(map_basemap.CREDIT),
        "land": True,
    }


def _agreements_meta(timeline: Timeline) -> dict[str, dict[str, Any]]:
    """Agreement id → name, signing date (ISO) and parties, for the popups."""
    out = {}
    for ag in timeline.agreements:
        try:
            signed = to_date(ag["signed"]).isoformat() if ag.get("signed") else None
        except InputError:
            signed = None
        parties = ag.get("parties") or []
        if isinstance(parties, str):
            parties = [parties]
        out[str(ag.get("id", ""))] = {
            "name": _text(ag.get("name")),
            "signed": signed,
            "parties": [_text(p) for p in parties],
        }
    return out


def _time_config(
    timeline: Timeline, frame: gpd.GeoDataFrame, slices: list[str], day: _dt.date | None
) -> dict[str, Any] | None:
    if day is not None:
        iso = day.isoformat()
        return {
            "fixed": iso,
            "slices": [iso],
            "initial": 0,
            "events": {iso: _events(timeline, day)},
        }
    if not slices:
        return None
    events = _events_by_day(timeline, slices)
    return {
        "fixed": None,
        "slices": slices,
        "initial": _initial_slice(frame, slices),
        "events": events,
        "interval": 1200,
    }


def _events(timeline: Timeline, day: Any) -> list[dict[str, str]]:
    return [
        {
            "type": str(e.get("type", "")),
            "id": str(e.get("id", "")),
            "name": str(e.get("name", "")),
            "kind": str(e.get("kind", "")),
        }
        for e in timeline.events(day)
    ]


def _events_by_day(timeline: Timeline, days: list[str]) -> dict[str, list[dict[str, str]]]:
    """:meth:`Timeline.events` of every ISO day in ``days`` in one pass over the features.

    Starts and ends (on the day after the last day in force) are exactly those
    of ``Timeline.events``. An agreement signed between two slider positions
    is reported at the next position, with its own ``date``, so no signing
    is skipped by the slider (e.g. a protocol signed the day before its
    features come into force).
    """
    import bisect

    import pandas as pd

    f = timeline.features
    out: dict[str, list[dict[str, str]]] = {d: [] for d in days}
    ident = [f[c].astype(str).tolist() for c in ("id", "name", "kind")]
    starts = f["start_date"].dt.strftime("%Y-%m-%d").tolist()
    ends = (f["end_date"] + pd.Timedelta(days=1)).dt.strftime("%Y-%m-%d").tolist()
    for kind, column in (("start", starts), ("end", ends)):
        for day, fid, name, fkind in zip(column, *ident, strict=True):
            if isinstance(day, str) and day in out:
                out[day].append({"type": kind, "id": fid, "name": name, "kind": fkind})
    ordered = sorted(days)
    for ag in timeline.agreements:
        try:
            signed = to_date(ag.get("signed")).isoformat() if ag.get("signed") else None
        except InputError:
            continue
        if signed is None:
            continue
        at = bisect.bisect_left(ordered, signed)
        if at == len(ordered) or (at == 0 and signed != ordered[0]):
            continue  # signed after the last or before the first position
        name = str(ag.get("name") or ag.get("id", ""))
        out[ordered[at]].append(
            {
                "type": "signed",
                "id": str(ag.get("id", "")),
                "name": name,
                "kind": "agreement",
                "date": signed,
            }
        )
    return out


def _initial_slice(frame: gpd.GeoDataFrame, slices: list[str]) -> int:
    """The slice with the most features in force (the latest on a tie)."""
    import numpy as np
    import pandas as pd

    days = pd.to_datetime(pd.Series(slices)).to_numpy()
    start = frame["start_date"].to_numpy(dtype="datetime64[ns]")
    end = frame["end_date"].to_numpy(dtype="datetime64[ns]")
    open_end = np.isnat(end)
    active = (start[None, :] <= days[:, None]) & (
        open_end[None, :] | (days[:, None] <= end[None, :])
    )
    counts = active.sum(axis=1)
    return int(len(counts) - 1 - np.argmax(counts[::-1]))


def _title_info(timeline: Timeline, heading: str, day: _dt.date | None) -> dict[str, Any]:
    agreements = []
    for ag in timeline.agreements:
        signed = ag.get("signed")
        try:
            signed_iso = to_date(signed).isoformat() if signed is not None else None
        except InputError:
            signed_iso = None
        agreements.append({"name": str(ag.get("name") or ag.get("id") or ""), "signed": signed_iso})
    agreements.sort(key=lambda a: (a["signed"] or "9999", a["name"]))
    description = str(timeline.description or "")
    if day is not None:
        description = (
            description + " " if description else ""
        ) + f"Features in force on {day.isoformat()}."
    return {"title": str(heading), "description": description, "agreements": agreements}


def _initial_view(frame: gpd.GeoDataFrame, config: dict[str, Any] | None) -> gpd.GeoDataFrame:
    """The features the map opens on: those in force on the slider's first position."""
    if config is None or config["fixed"] is not None or not len(frame):
        return frame
    import pandas as pd

    day = pd.Timestamp(config["slices"][config["initial"]])
    active = (frame["start_date"] <= day) & (frame["end_date"].isna() | (day <= frame["end_date"]))
    return frame.loc[active] if active.any() else frame


def _bounds(frame: gpd.GeoDataFrame, basemap: bool) -> list[list[float]] | None:
    import numpy as np

    if len(frame):
        x0, y0, x1, y1 = frame.total_bounds
    elif basemap and map_basemap.boundaries_available():
        x0, y0, x1, y1 = map_basemap.load_boundaries("admin1").total_bounds
    else:
        return None
    if not np.all(np.isfinite([x0, y0, x1, y1])):
        return None
    p = int(settings.coordinate_precision)
    return [[round(float(y0), p), round(float(x0), p)], [round(float(y1), p), round(float(x1), p)]]


# --------------------------------------------------------------------------- geometry → GeoJSON


def geojson_collection(
    frame: gpd.GeoDataFrame, *, simplify_m: float = SIMPLIFY_M
) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of timeline features for the map runtime.

    Geometry is simplified within ``simplify_m`` metres in the features' UTM
    zone and rounded to ``settings.coordinate_precision`` decimals; dates
    become ISO strings (``end`` is ``None`` when open and is the last day in
    force).

    Examples
    --------
    >>> fc = geojson_collection(load_timeline().features)        # doctest: +SKIP
    >>> fc["features"][0]["properties"]["start"]                  # doctest: +SKIP
    '2018-09-17'
    """
    geometries = simplified_geometries(frame, simplify_m)
    features = [
        {"type": "Feature", "geometry": geometry, "properties": props}
        for geometry, props in zip(geometries, _properties(frame), strict=True)
    ]
    return {"type": "FeatureCollection", "features": features}


def simplified_geometries(frame: gpd.GeoDataFrame, simplify_m: float) -> list[dict[str, Any]]:
    """GeoJSON geometry dicts of ``frame``: simplified in metres, rounded in degrees.

    Examples
    --------
    >>> import geopandas as gpd, shapely
    >>> f = gpd.GeoDataFrame(geometry=[shapely.Point(36.123456789, 35.9)], crs=4326)
    >>> simplified_geometries(f, 10)
    [{'type': 'Point', 'coordinates': [36.123457, 35.9]}]
    """
    import json

    import numpy as np
    import shapely

    if not len(frame):
        return []
    series = frame.geometry
    if series.crs is None:
        series = series.set_crs(4326)
    elif series.crs.to_epsg() != 4326:
        series = series.to_crs(4326)
    if simplify_m > 0:
        metric = _utm_crs(series)
        projected = series.to_crs(metric)
        simple = shapely.simplify(projected.to_numpy(), simplify_m, preserve_topology=True)
        series = type(series)(simple, index=series.index, crs=metric).to_crs(4326)
    decimals = int(settings.coordinate_precision)
    rounded = shapely.transform(series.to_numpy(), lambda xy: np.round(xy, decimals))
    return [json.loads(text) for text in shapely.to_geojson(rounded)]


def _utm_crs(series: gpd.GeoSeries) -> str:
    """The WGS 84 / UTM zone of the centre of ``series``' bounds (a metric CRS)."""
    x0, y0, x1, y1 = series.total_bounds
    lon, lat = (x0 + x1) / 2, (y0 + y1) / 2
    zone = min(max(int((lon + 180) // 6) + 1, 1), 60)
    return f"EPSG:{(32600 if lat >= 0 else 32700) + zone}"


def _iso(value: Any) -> str | None:
    import pandas as pd

    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return to_date(value).isoformat()


def _text(value: Any) -> str:
    import pandas as pd

    if value is None or (not isinstance(value, (str, list, dict)) and pd.isna(value)):
        return ""
    return str(value)


def _sources(value: Any) -> list[dict[str, str]]:
    if value is None or isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        return [{"url": _text(value), "title": "", "quote": ""}] if _text(value) else []
    out = []
    for item in value:
        if isinstance(item, dict):
            out.append(
                {
                    "url": _text(item.get("url")).strip(),
                    "title": _text(item.get("title")),
                    "quote": _text(item.get("quote")),
                }
            )
        elif _text(item):
            out.append({"url": _text(item).strip(), "title": "", "quote": ""})
    return out


def _properties(frame: gpd.GeoDataFrame) -> list[dict[str, Any]]:
    """The popup properties of every feature, column by column."""
    text = {c: [_text(v) for v in frame[c].tolist()] for c in _TEXT_COLUMNS}
    start = [_iso(v) for v in frame["start_date"].tolist()]
    end = [_iso(v) for v in frame["end_date"].tolist()]
    sources = [_sources(v) for v in frame["sources"].tolist()]
    return [
        {
            **{c: text[c][i] for c in _TEXT_COLUMNS},
            "start": start[i],
            "end": end[i],
            "sources": sources[i],
        }
        for i in range(len(frame))
    ]


_TEXT_COLUMNS = ("id", "name", "kind", "agreement", "agreement_name", "confidence", "notes")


# --------------------------------------------------------------------------- tiles


def tile_providers(tiles: str | Sequence[str] | None, offline: bool = True) -> list[Any]:
    """The xyzservices providers for ``tiles`` (names), or the online defaults.

    Raises
    ------
    InputError
        For an unknown name (with close names) or a provider that needs an API key.

    Examples
    --------
    >>> [p.name for p in tile_providers("OpenTopoMap")]
    ['OpenTopoMap']
    >>> tile_providers(None, offline=True)
    []
    """
    if tiles is None:
        names: list[str] = [] if offline else list(ONLINE_TILES)
    elif isinstance(tiles, str):
        names = [tiles]
    else:
        names = [str(t) for t in tiles]
    return [_provider(name) for name in names]


def _provider(name: str) -> Any:
    import xyzservices.providers as xyz

    try:
        provider = xyz.query_name(name)
    except ValueError:
        known = list(xyz.flatten())
        close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
        hint = ", ".join(dict.fromkeys([*close, *ONLINE_TILES]))
        raise InputError(
            f"unknown tile provider {name!r}; try one of: {hint} "
            "(every name: python -c 'import xyzservices; print(*xyzservices.providers.flatten())')"
        ) from None
    if provider.requires_token():
        raise InputError(
            f"tile provider {provider.name!r} needs an API key; choose one that does not, "
            "e.g. OpenStreetMap.Mapnik or Esri.WorldImagery"
        )
    return provider


def _add_tiles(fmap: folium.Map, providers: list[Any]) -> bool:
    from . import map_elements as me

    if not providers:
        return False
    me.SafeFeatureGroup(name=OFFLINE_BASE, overlay=False, control=True, show=True).add_to(fmap)
    for provider in providers:
        me.SafeTileLayer(
            tiles=provider, name=provider.name, overlay=False, control=True, show=False
        ).add_to(fmap)
    return True
