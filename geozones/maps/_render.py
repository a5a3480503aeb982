"""render_map and map_html: a timeline → one self-contained HTML page (folium)."""

from __future__ import annotations

import datetime as _dt
import html
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from branca.element import Figure
from folium.utilities import JsCode

from .._io import atomic_open
from ..errors import ExportError, InputError
from ..timeline import Timeline, to_date
from . import _basemap, _control, _declared_base, _legend, _popup, _time
from . import _elements as me
from ._assets import InlineAssets, NoScript
from ._geometry import SIMPLIFY_M, bounds, draw_order, features_4326, geojson_collection
from ._tiles import OFFLINE_BASE, add_tiles, tile_providers


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
    return _viewport(text.replace("<html>", '<html lang="en">', 1))


#: The page's viewport: folium's forbids zooming the page (``user-scalable=no``), which
#: phone users need (WCAG 1.4.4).
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1" />'


def _viewport(text: str) -> str:
    """Replace folium's viewport meta element by :data:`VIEWPORT`."""
    head, sep, rest = text.partition("</head>")
    head = re.sub(r'<meta name="viewport"[^>]*>', lambda _: VIEWPORT, head)
    return head + sep + rest


# --------------------------------------------------------------------------- building


def _build_map(
    timeline: Timeline,
    *,
    day: _dt.date | None,
    providers: list[Any],
    title: str | None,
    simplify_m: float,
    basemap: bool,
) -> me.SafeMap:
    frame = features_4326(timeline.features)
    if day is not None:
        frame = frame.loc[timeline.in_force(day).reindex(frame.index, fill_value=False)]
    ordered = draw_order(frame)
    heading = title if title is not None else (timeline.name or timeline.id)
    fmap = _new_map(heading)
    config = _time.time_config(timeline, ordered, day)
    fallback = _declared_base.view_fallback(timeline)  # nothing in force: where to look
    if fallback is None and basemap and _basemap.boundaries_available():
        fallback = _basemap.load_boundaries("admin1")
    view = bounds(_time.initial_view(ordered, config), fallback)
    if view is not None:  # first: every layer is then drawn once, in the view it opens on
        fmap.add_child(me.FitView(view), name="gz_fit")
    base_layers = add_tiles(fmap, providers)
    drawn = _declared_base.basemap_for(timeline, frame, simplify_m) if basemap else None
    data = me.FeatureData(
        geojson_collection(ordered, simplify_m=simplify_m),
        _page_meta(timeline, frame, drawn, basemap),
    )
    fmap.add_child(data, name="gz_features")
    control = _add_control(fmap, timeline, config, simplify_m, day)
    for i, (layer_name, kind_ids) in enumerate(_legend.layer_groups(frame)):
        # Leaflet's layer control shows names as HTML: escape them
        label = html.escape(layer_name)
        fmap.add_child(me.KindLayer(data, kind_ids, label, i), name=f"gz_layer_{i}")
    countries = None
    if drawn is not None and drawn.base is not None:
        countries = _basemap.add_basemap(fmap, drawn.base, frame, drawn.places)
    if config is not None:
        fmap.add_child(me.TimeControl(data, config, control), name="gz_time")
    fmap.add_child(me.TitlePanel(_popup.title_info(timeline, heading, day)), name="gz_title")
    fmap.add_child(me.Search(data), name="gz_search")
    fmap.add_child(me.Legend(data, control), name="gz_legend")
    layer_control = me.SafeLayerControl(collapsed=False, position="topright")
    # a button on phones (folium writes a JsCode option as raw JavaScript)
    layer_control.options["collapsed"] = JsCode(  # type: ignore[assignment]
        "window.innerWidth < 640 || window.innerHeight < 700"
    )
    layer_control.add_to(fmap)
    if base_layers and countries is not None:
        fmap.add_child(me.TileAware(countries, OFFLINE_BASE), name="gz_tile_aware")
    fmap.add_child(me.Startup(), name="gz_start")
    root = fmap.get_root()
    me.number_ids(root)
    me.check_safe(root)  # no element may render data as template source
    return fmap


def _add_control(
    fmap: me.SafeMap,
    timeline: Timeline,
    config: dict[str, Any] | None,
    simplify_m: float,
    day: _dt.date | None,
) -> me.ControlData | None:
    """The control layers (areas by party, contact line, changes), when the timeline has them."""
    if config is None:
        return None
    data = _control.control_data(timeline, config["days"], simplify_m)
    if data is None:
        return None
    source = me.ControlData(data)
    fmap.add_child(source, name="gz_control")
    layers = (
        ("areas", "Control: areas by party"),
        ("changes", "Control: changed since the previous change day"),
        ("lines", "Control: contact line"),
    )
    for role, name in layers:
        if data[role]["features"]:
            fmap.add_child(me.ControlLayer(source, role, name), name=f"gz_control_{role}")
    return source


def _new_map(heading: str) -> me.SafeMap:
    """An empty folium map with nothing fetched from CDNs: Leaflet is inlined instead."""
    fmap = me.SafeMap(
        tiles=None, control_scale=True, zoom_control="topleft", font_size="13px", zoom_snap=0.25
    )
    fmap.default_js = []
    fmap.default_css = []
    root = fmap.get_root()
    assert isinstance(root, Figure)
    root.title = html.escape(f"{heading} — geozones map", quote=True)
    root.header.add_child(InlineAssets(), name="gz_assets")
    root.html.add_child(NoScript(), name="gz_noscript")
    return fmap


def _page_meta(
    timeline: Timeline, frame: Any, drawn: _declared_base.Basemap | None, basemap: bool
) -> dict[str, Any]:
    meta = _legend.meta(timeline, frame)
    base = drawn.base if drawn is not None else None
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
    if drawn is not None and drawn.credit is not None:  # a spec's own data: what was drawn
        meta["credit"] = drawn.credit
        meta["basemap_note"] = drawn.note
    return meta
