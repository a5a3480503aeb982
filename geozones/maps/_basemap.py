"""The vector basemap of geozones maps, drawn from the bundled data.

Country borders (Natural Earth), governorates and districts (OCHA COD-AB),
rivers and lakes (Natural Earth), the Golan line, the M4/M5 roads (schematic
lines of the gazetteer) and every bundled community (:mod:`._places`, labelled
on a canvas with collision handling). Only the parts near a map's features are
kept (:func:`basemap_near`), so a timeline elsewhere gets no Syrian districts.
Geometry is simplified within :data:`BASEMAP_SIMPLIFY_M` metres in a metric CRS.

Outside Syria and its neighbours (whose borders are bundled at 1:10m), the land and
borders come from the world layer, Natural Earth at 1:50m
(``data/basemap/world-countries.parquet``; :func:`world_countries_near`).

Examples
--------
>>> base = basemap_collections()                                   # doctest: +SKIP
>>> len(base["admin1"]["features"])                                # doctest: +SKIP
14
"""

from __future__ import annotations

import html
import importlib
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import shapely

from .. import feature_values, settings
from ..errors import GeozonesError
from . import _elements as me
from ._geometry import simplified_geometries

if TYPE_CHECKING:  # pragma: no cover
    import folium

#: Tolerance (metres) for simplifying the basemap boundaries.
BASEMAP_SIMPLIFY_M = 250.0

#: Decimals of the basemap's coordinates (4 ≈ 11 m, well within its simplification).
BASEMAP_DECIMALS = 4

#: Roads drawn on the basemap (names the gazetteer resolves with ``kind="road"``).
BASEMAP_ROADS = ("M4", "M5")

#: Credit line of the bundled data shown in the map's attribution control.
CREDIT = (
    "Boundaries: OCHA COD-AB (CC BY-IGO), Natural Earth · Rivers, lakes: Natural Earth · "
    "Places: OCHA, GeoNames (CC BY 4.0)"
)

#: The natural layers of ``data/basemap/`` (built by ``scripts/build_data.py``).
NATURAL_LAYERS = ("lakes", "rivers", "golan-line")

#: The world's countries at 1:50m in ``data/basemap/`` (built by ``scripts/build_data.py``).
WORLD_LAYER = "world-countries"

#: Tolerance (metres) for simplifying the 1:50m world countries on a map: that scale is
#: generalised to about a kilometre, finer would only add bytes.
WORLD_SIMPLIFY_M = 1000.0

_BASEMAP_STYLES: dict[str, dict[str, Any]] = {
    "countries": {
        "color": "#7d7d7d",
        "weight": 1.5,
        "fillColor": "#ebe7de",
        "focusFill": "#faf8f3",
        "fillOpacity": 1,
    },
    "admin1": {"color": "#8c8c8c", "weight": 1.2, "dashArray": "6 3", "fill": False},
    "admin2": {"color": "#b9b9b9", "weight": 0.6, "fill": False},
    # a spec's own boundary layers: level 0 as a country border, 3 and below finer
    "admin0": {"color": "#7d7d7d", "weight": 1.5, "fill": False},
    "admin3": {"color": "#cfcfcf", "weight": 0.5, "fill": False},
    "roads": {"color": "#c0392b", "weight": 2.5, "opacity": 0.9},
    "lakes": {"color": "#7fa7c4", "weight": 0.8, "fillColor": "#b9d3e6", "fillOpacity": 1},
    "rivers": {"color": "#6e9cc0", "weight": 1.4, "fill": False},
    "golan-line": {"color": "#5b3a8c", "weight": 2, "dashArray": "10 4 2 4", "fill": False},
}


def _available(module: str) -> bool:
    """Whether a geozones module another part of the project provides is installed."""

    try:
        importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            return False
        raise
    return True


def boundaries_available() -> bool:
    """Whether the bundled boundaries (``geozones.boundaries``) are installed."""
    return _available("geozones.boundaries")


def load_boundaries(layer: str) -> gpd.GeoDataFrame:
    """One bundled boundary layer (``geozones.boundaries.load``)."""
    from .. import boundaries  # optional part of the project (boundaries_available)

    return boundaries.load(layer)


def basemap_near(frame: gpd.GeoDataFrame, simplify_m: float) -> dict[str, Any] | None:
    """The bundled basemap around the features (:func:`near`), or None without boundaries."""
    if not boundaries_available():
        return None
    return {
        name: near(collection, frame)
        for name, collection in basemap_collections(max(simplify_m, BASEMAP_SIMPLIFY_M)).items()
    }


def add_basemap(
    fmap: folium.Map, base: dict[str, Any], frame: gpd.GeoDataFrame, places: dict[str, Any]
) -> Any:
    """Add the vector basemap layers that have something to show; return the countries layer."""

    countries = None
    if base["countries"]["features"]:
        countries = me.BasemapLayer(
            _focus_countries(base["countries"], frame),
            "Country borders",
            style=_BASEMAP_STYLES["countries"],
            pane="gz-land",
        )
        fmap.add_child(countries, name="gz_base_countries")
    water = base.get("lakes", {}).get("features", []) + base.get("rivers", {}).get("features", [])
    if water:
        fmap.add_child(
            me.BasemapLayer(
                {"type": "FeatureCollection", "features": water},
                "Rivers and lakes",
                role="water",
                style={"lake": _BASEMAP_STYLES["lakes"], "river": _BASEMAP_STYLES["rivers"]},
            ),
            name="gz_base_water",
        )
    for name, label in _area_layers(base):
        if base.get(name, {}).get("features"):
            style = _BASEMAP_STYLES.get(name, _BASEMAP_STYLES["admin3"])
            fmap.add_child(
                # Leaflet's layer control shows names as HTML (a declared layer's file name)
                me.BasemapLayer(base[name], html.escape(label), role="area", style=style),
                name=f"gz_base_{name.replace('-', '_')}",
            )
    if base["roads"]["features"]:
        roads = ", ".join(f["properties"]["name"] for f in base["roads"]["features"])
        fmap.add_child(
            me.BasemapLayer(
                base["roads"],
                html.escape(f"Roads ({roads})"),  # Leaflet's layer control shows names as HTML
                role="road",
                style=_BASEMAP_STYLES["roads"],
            ),
            name="gz_base_roads",
        )
    if places["name"]:
        label = f"Places ({len(places['name']):,})"
        if base.get("places_total", 0) > len(places["name"]):
            label = f"Places ({len(places['name']):,} largest of {base['places_total']:,})"
        fmap.add_child(me.PlacesLayer(places, label), name="gz_base_places")
    return countries


def _area_layers(base: dict[str, Any]) -> list[tuple[str, str]]:
    """(key, label) of the area layers: the bundled admin layers, or the ones a spec declares
    (``base["labels"]``, by level), then the Golan line."""
    declared = base.get("labels")
    if declared:
        areas = list(declared.items())
    else:
        areas = [("admin1", "Governorates"), ("admin2", "Districts")]
    return [*areas, ("golan-line", "Golan line (1974)")]


def near(collection: dict[str, Any], frame: gpd.GeoDataFrame) -> dict[str, Any]:
    """The basemap features within reach of the timeline's features.

    Reach: the features' bounding box grown by half its size, at least 1 degree.

    Examples
    --------
    >>> near(basemap_collections()["admin1"], load_timeline().features)  # doctest: +SKIP
    """

    if not len(frame) or not collection["features"]:
        return collection
    x0, y0, x1, y1 = frame.total_bounds
    margin = max(1.0, 0.5 * max(x1 - x0, y1 - y0))
    view = shapely.box(x0 - margin, y0 - margin, x1 + margin, y1 + margin)
    shapes = [shapely.geometry.shape(f["geometry"]) for f in collection["features"]]
    keep = shapely.intersects(shapes, view)
    features = [f for f, k in zip(collection["features"], keep, strict=True) if k]
    return {**collection, "features": features}


def world_countries_near(
    frame: gpd.GeoDataFrame, skip: frozenset[str] = frozenset(), simplify_m: float = 0.0
) -> dict[str, Any]:
    """GeoJSON of the world's countries (Natural Earth 1:50m) around the features.

    Kept: every country within the reach of :func:`near` (the features' box grown by half
    its size, at least 1 degree) and every country bordering one that holds features (so
    the land around them does not end at a made-up coast), less the countries whose ISO
    numeric code is in ``skip`` (those the bundled 1:10m layer draws). Simplified within
    ``max(simplify_m, WORLD_SIMPLIFY_M)`` metres; ``name`` = Natural Earth's short name.
    Empty without features or without the layer.

    Examples
    --------
    >>> import geopandas as gpd, shapely
    >>> sirte = gpd.GeoDataFrame(geometry=[shapely.Point(16.59, 31.2)], crs=4326)
    >>> names = [f["properties"]["name"] for f in world_countries_near(sirte)["features"]]
    >>> "Libya" in names and "Egypt" in names and "Syria" not in names
    True
    """
    world = _world_frame()
    if world is None or not len(frame):
        return {"type": "FeatureCollection", "features": []}
    x0, y0, x1, y1 = frame.total_bounds
    margin = max(1.0, 0.5 * max(x1 - x0, y1 - y0))
    reach = shapely.box(x0 - margin, y0 - margin, x1 + margin, y1 + margin)
    keep = shapely.intersects(world.geometry.to_numpy(), reach)
    holding = shapely.intersects(world.geometry.to_numpy(), shapely.box(x0, y0, x1, y1))
    if holding.any():  # the neighbours of the countries that hold the features
        _, bordering = world.sindex.query(world.geometry[holding], predicate="intersects")
        keep[bordering] = True
    keep &= ~world["iso_n3"].isin(skip).to_numpy()
    chosen = world.loc[keep]
    geoms = _simplified(chosen, max(simplify_m, WORLD_SIMPLIFY_M))
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": g, "properties": {"name": n}}
            for g, n in zip(geoms, _name_column(chosen), strict=True)
        ],
    }


@lru_cache(maxsize=1)
def bundled_country_codes() -> dict[str, str]:
    """Name → ISO numeric code (3 digits) of the bundled 1:10m countries ({} without them).

    Examples
    --------
    >>> bundled_country_codes()["Syria"]                            # doctest: +SKIP
    '760'
    """
    if not boundaries_available():
        return {}
    frame = load_boundaries("countries")
    return {
        _text_of(n): str(c).zfill(3) for n, c in zip(frame["name_en"], frame["iso_n3"], strict=True)
    }


@lru_cache(maxsize=1)
def _world_frame() -> gpd.GeoDataFrame | None:
    """The world countries layer (None when ``data/`` has none), read once per process."""
    path = settings.data_dir / "basemap" / f"{WORLD_LAYER}.parquet"
    if not path.exists():
        return None
    return gpd.read_parquet(path)


def _focus_countries(collection: dict[str, Any], frame: gpd.GeoDataFrame) -> dict[str, Any]:
    """Mark the countries that hold the features (drawn lighter than their neighbours)."""

    if not len(frame):
        return collection
    points = shapely.points(frame.geometry.representative_point().get_coordinates().to_numpy())
    features = []
    for feature in collection["features"]:
        shape = shapely.geometry.shape(feature["geometry"])
        focus = bool(shapely.intersects(shape, points).any())
        features.append({**feature, "properties": {**feature["properties"], "focus": focus}})
    return {**collection, "features": features}


@lru_cache(maxsize=4)
def basemap_collections(simplify_m: float = BASEMAP_SIMPLIFY_M) -> dict[str, dict[str, Any]]:
    """GeoJSON of the vector basemap: countries, admin areas, roads, rivers, lakes, Golan line.

    Cached per process (the same for every map).

    Examples
    --------
    >>> sorted(basemap_collections())                               # doctest: +SKIP
    ['admin1', 'admin2', 'countries', 'golan-line', 'lakes', 'rivers', 'roads']
    """
    out = {}
    for layer in ("countries", "admin1", "admin2"):
        frame = load_boundaries(layer)
        geoms = _simplified(frame, simplify_m)
        names = _name_column(frame)
        out[layer] = {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "geometry": g, "properties": {"name": n}}
                for g, n in zip(geoms, names, strict=True)
            ],
        }
    out["roads"] = _road_collection(simplify_m)
    for layer in NATURAL_LAYERS:
        out[layer] = _natural_collection(layer, simplify_m)
    return out


def _natural_collection(layer: str, simplify_m: float) -> dict[str, Any]:
    """A layer of ``data/basemap/`` as GeoJSON (empty when the file is not there)."""

    path = settings.data_dir / "basemap" / f"{layer}.parquet"
    if not path.exists():
        return {"type": "FeatureCollection", "features": []}
    frame = gpd.read_parquet(path)
    names = _name_column(frame)
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": g, "properties": {"name": n}}
            for g, n in zip(_simplified(frame, simplify_m), names, strict=True)
        ],
    }


def _name_column(frame: gpd.GeoDataFrame) -> list[str]:
    for column in ("name_en", "name", "NAME_EN", "shapeName"):
        if column in frame.columns:
            return [_text_of(v) for v in frame[column]]
    return [""] * len(frame)


def _road_collection(simplify_m: float) -> dict[str, Any]:

    names: list[str] = []
    geoms: list[Any] = []
    for name in BASEMAP_ROADS if _available("geozones.gazetteer") else ():
        from ..gazetteer import geocode  # optional part of the project (_available)

        try:
            place = geocode(name, kind="road")
            geometry = place.geometry if not isinstance(place, list) else None
        except GeozonesError:
            continue
        if geometry is None or geometry.is_empty or geometry.geom_type == "Point":
            continue
        names.append(name)
        geoms.append(geometry)
    frame = gpd.GeoDataFrame({"name": names}, geometry=geoms, crs=4326)
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": g, "properties": {"name": n}}
            for g, n in zip(_simplified(frame, simplify_m), names, strict=True)
        ],
    }


def _simplified(frame: gpd.GeoDataFrame, simplify_m: float) -> list[dict[str, Any]]:
    return simplified_geometries(frame, simplify_m, BASEMAP_DECIMALS)


def _text_of(value: Any) -> str:
    return feature_values.text(value)
