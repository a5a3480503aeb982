"""The vector basemap of geozones maps, drawn from the bundled data.

Country borders (Natural Earth), governorates and districts (OCHA COD-AB),
the M4/M5 roads (schematic lines of the gazetteer) and labelled towns: the
seats of the admin areas and the largest places near the features. Only the
parts near a map's features are kept (:func:`basemap_near`), so a timeline
elsewhere gets no Syrian districts. Geometry is simplified within
:data:`BASEMAP_SIMPLIFY_M` metres in a metric CRS.

Examples
--------
>>> base = basemap_collections()                                   # doctest: +SKIP
>>> len(base["admin1"]["features"])                                # doctest: +SKIP
14
"""

from __future__ import annotations

import html
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .. import feature_values, settings
from ..errors import GeozonesError
from ._geometry import simplified_geometries

if TYPE_CHECKING:  # pragma: no cover
    import folium
    import geopandas as gpd

#: Tolerance (metres) for simplifying the basemap boundaries.
BASEMAP_SIMPLIFY_M = 250.0

#: Roads drawn on the basemap (names the gazetteer resolves with ``kind="road"``).
BASEMAP_ROADS = ("M4", "M5")

#: Gazetteer importance (about log10 of the population) of a "large" town labelled on any map.
LARGE_TOWN_IMPORTANCE = 5.0

#: At most this many large towns (rank 3, not admin seats) are labelled on one map.
MAX_LARGE_TOWNS = 12

#: Credit line of the bundled data shown in the map's attribution control.
CREDIT = "Boundaries: OCHA COD-AB (CC BY-IGO), Natural Earth · Places: OCHA, GeoNames (CC BY 4.0)"

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
    "roads": {"color": "#c0392b", "weight": 2.5, "opacity": 0.9},
}


def _available(module: str) -> bool:
    """Whether a geozones module another part of the project provides is installed."""
    import importlib

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
    """The bundled basemap around the features (:func:`_near`), or None without boundaries."""
    if not boundaries_available():
        return None
    base = {
        name: _near(collection, frame)
        for name, collection in basemap_collections(max(simplify_m, BASEMAP_SIMPLIFY_M)).items()
    }
    towns = base["towns"]["features"]  # ordered by rank, then importance
    large = [f for f in towns if f["properties"]["rank"] == 3][:MAX_LARGE_TOWNS]
    seats = [f for f in towns if f["properties"]["rank"] in (1, 2)]
    base["towns"] = {**base["towns"], "features": seats + large}
    return base


def add_basemap(fmap: folium.Map, base: dict[str, Any], frame: gpd.GeoDataFrame) -> Any:
    """Add the vector basemap layers that have something to show; return the countries layer."""
    from . import _elements as me

    countries = None
    if base["countries"]["features"]:
        countries = me.BasemapLayer(
            _focus_countries(base["countries"], frame),
            "Country borders",
            style=_BASEMAP_STYLES["countries"],
            pane="gz-land",
        )
        fmap.add_child(countries, name="gz_base_countries")
    for name, label in (("admin1", "Governorates"), ("admin2", "Districts")):
        if base[name]["features"]:
            fmap.add_child(
                me.BasemapLayer(base[name], label, style=_BASEMAP_STYLES[name]),
                name=f"gz_base_{name}",
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
    if base["towns"]["features"]:
        fmap.add_child(
            me.BasemapLayer(base["towns"], "Main towns", role="town"), name="gz_base_towns"
        )
    return countries


def _near(collection: dict[str, Any], frame: gpd.GeoDataFrame) -> dict[str, Any]:
    """The basemap features within reach of the timeline's features.

    Reach: the features' bounding box grown by half its size, at least 1 degree.
    """
    import shapely

    if not len(frame) or not collection["features"]:
        return collection
    x0, y0, x1, y1 = frame.total_bounds
    margin = max(1.0, 0.5 * max(x1 - x0, y1 - y0))
    view = shapely.box(x0 - margin, y0 - margin, x1 + margin, y1 + margin)
    shapes = [shapely.geometry.shape(f["geometry"]) for f in collection["features"]]
    keep = shapely.intersects(shapes, view)
    features = [f for f, k in zip(collection["features"], keep, strict=True) if k]
    return {**collection, "features": features}


def _focus_countries(collection: dict[str, Any], frame: gpd.GeoDataFrame) -> dict[str, Any]:
    """Mark the countries that hold the features (drawn lighter than their neighbours)."""
    import shapely

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
    """GeoJSON of the vector basemap: countries, admin1, admin2, roads and main towns.

    Cached per process (the same for every map).

    Examples
    --------
    >>> sorted(basemap_collections())                               # doctest: +SKIP
    ['admin1', 'admin2', 'countries', 'roads', 'towns']
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
    out["towns"] = _town_collection(load_boundaries("admin1"))
    return out


def _name_column(frame: gpd.GeoDataFrame) -> list[str]:
    for column in ("name_en", "name", "NAME_EN", "shapeName"):
        if column in frame.columns:
            return [_text_of(v) for v in frame[column]]
    return [""] * len(frame)


def _road_collection(simplify_m: float) -> dict[str, Any]:
    import geopandas as gpd

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


def _town_collection(admin1: gpd.GeoDataFrame) -> dict[str, Any]:
    """Labelled towns: seats of the bundled admin areas and large places anywhere.

    ``rank`` 1 is a governorate seat, 2 a district seat (the gazetteer's capital
    levels; where it records none, the most important populated place of each
    governorate stands in), 3 a place of at least :data:`LARGE_TOWN_IMPORTANCE`
    (about 100,000 people) that is no seat, so a map outside the bundled admin
    areas still has towns to read it by. Which rank-3 towns are drawn is decided
    per map: the :data:`MAX_LARGE_TOWNS` most important near the features.
    """
    import geopandas as gpd
    import numpy as np
    import shapely

    features: list[dict[str, Any]] = []
    if not _available("geozones.gazetteer"):
        return {"type": "FeatureCollection", "features": features}
    from ..gazetteer import Gazetteer  # optional part of the project (_available)

    gz = Gazetteer.default()
    kinds = np.asarray(gz.kinds)
    importance = np.asarray(gz.importance, dtype=float)
    idx = np.flatnonzero(kinds == "populated place")
    places = [gz.place(int(i)) for i in idx]
    points = shapely.points([p.lon for p in places], [p.lat for p in places])
    frame = gpd.GeoDataFrame(
        {
            "name": [p.name for p in places],
            "importance": importance[idx],
            "rank": [int(p.extra.get("capital_level") or 0) for p in places],
        },
        geometry=points,
        crs=4326,
    )
    areas = admin1[["geometry"]].reset_index(drop=True).assign(area=lambda f: f.index)
    # a little slack (~2 km) keeps coastal towns that simplified coastlines cut off
    inside = gpd.sjoin(frame, areas, predicate="dwithin", distance=0.02, how="inner")
    inside = inside.sort_values("area").loc[lambda f: ~f.index.duplicated()]
    seats = inside.loc[inside["rank"].isin([1, 2])]
    if seats.empty:  # no seats recorded: the most important place of each area
        top = inside.sort_values(["importance", "name"], ascending=[False, True])
        seats = top.drop_duplicates("area").assign(rank=1)
    large = frame.loc[(frame["importance"] >= LARGE_TOWN_IMPORTANCE) & ~frame["rank"].isin([1, 2])]
    if len(seats):  # a large place within ~10 km of a seat is that seat under another name
        near_seat = shapely.dwithin(
            large.geometry.to_numpy(), shapely.union_all(seats.geometry.to_numpy()), 0.1
        )
        large = large.loc[~near_seat]
    columns = ["name", "importance", "rank", "geometry"]
    towns = _concat([seats[columns], large[columns].assign(rank=3)])
    towns = towns.sort_values(["rank", "importance", "name"], ascending=[True, False, True])
    towns = towns.drop_duplicates("name")
    decimals = int(settings.coordinate_precision)
    for name, rank, imp, point in zip(
        towns["name"], towns["rank"], towns["importance"], towns.geometry, strict=True
    ):
        features.append(
            {
                "type": "Feature",
                "properties": {"name": str(name), "rank": int(rank), "importance": round(imp, 3)},
                "geometry": {
                    "type": "Point",
                    "coordinates": [round(point.x, decimals), round(point.y, decimals)],
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _concat(frames: list[Any]) -> Any:
    """Concatenate GeoDataFrames, keeping the CRS of the first."""
    import geopandas as gpd
    import pandas as pd

    return gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), crs=frames[0].crs)


def _simplified(frame: gpd.GeoDataFrame, simplify_m: float) -> list[dict[str, Any]]:
    return simplified_geometries(frame, simplify_m)


def _text_of(value: Any) -> str:
    return feature_values.text(value)
