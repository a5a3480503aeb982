"""Layered, time-sliced, self-contained HTML maps of a :class:`~geozones.timeline.Timeline`.

The map is one HTML file that renders with no network at all: Leaflet (from the
pinned ``django-js-lib-leaflet`` package) and the geozones runtime are inlined,
the basemap is drawn from the bundled boundaries (countries, governorates,
districts, the M4/M5 roads and the governorate capitals), and web tiles are
only an optional base layer.

Features are intervals: they are embedded once as GeoJSON with ``start`` and
``end`` (inclusive, ``null`` = open) properties, and a slider over
:meth:`Timeline.slices` shows exactly the features in force on its date.

Geometry is simplified in a metric CRS within ``simplify_m`` metres (features)
and :data:`BASEMAP_SIMPLIFY_M` metres (basemap), and coordinates are rounded to
``settings.coordinate_precision`` decimals.

One private module per concern: ``_render`` (the page), ``_elements`` (folium
elements that never render data as template source), ``_assets`` (inlined
Leaflet and runtime), ``_geometry`` (GeoJSON), ``_legend`` (layers and legend),
``_popup`` (agreement texts), ``_time`` (the time axis), ``_basemap`` and ``_tiles``.

Examples
--------
>>> import geozones
>>> geozones.render_map(geozones.load_timeline(), "nw-syria.html")   # doctest: +SKIP
PosixPath('nw-syria.html')
"""

from __future__ import annotations

from ._basemap import BASEMAP_SIMPLIFY_M, basemap_collections
from ._elements import js_json
from ._geometry import SIMPLIFY_M, geojson_collection, simplified_geometries
from ._render import map_html, render_map
from ._tiles import OFFLINE_BASE, ONLINE_TILES, tile_providers

__all__ = [
    "BASEMAP_SIMPLIFY_M",
    "OFFLINE_BASE",
    "ONLINE_TILES",
    "SIMPLIFY_M",
    "basemap_collections",
    "geojson_collection",
    "js_json",
    "map_html",
    "render_map",
    "simplified_geometries",
    "tile_providers",
]
