"""The module-level API over the shared default gazetteer, and place geometries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import GeozonesError
from ..place import Place
from ._gazetteer import Gazetteer


def geocode(
    name: str,
    *,
    top: int = 1,
    country: str | Sequence[str] | None = None,
    near: Any = None,
    kind: str | None = None,
    online: bool = False,
) -> Place | list[Place]:
    """Resolve a place name offline, whatever its spelling.

    Parameters
    ----------
    name : str
        A place, admin area, country or road name in Latin or Arabic script,
        or a P-code ("C3908", "SY07").
    top : int
        1 → the best :class:`Place`; more → a list of up to ``top`` places.
    country : str or list of str, optional
        ISO alpha-2 code (or several: ``"LY,TN"``, ``["LY", "TN"]``); only places of
        those countries are returned. The first use
        of a country other than Syria builds its index from the GeoNames places of
        the ``geozones[world]`` extra (see :meth:`Gazetteer.load_country`).
    near : (lat, lon) or (south, west, north, east), optional
        Prefer places close to this point or inside this area (the regional prior;
        default :attr:`Gazetteer.region`, the area of the bundled data). An inexact
        match far from it is returned with a lowered score and a
        :class:`FarGuessWarning`.
    kind : str, optional
        Only this kind: ``"populated place"``, ``"road"``, ``"admin area"``,
        ``"country"``.
    online : bool
        When no good offline match exists, ask the online geocoder
        (:func:`geozones.online.geocode_online`; needs
        ``geozones.settings.online_user_agent``).

    Returns
    -------
    Place or list of Place

    Raises
    ------
    UnknownPlaceError
        When nothing matches; the message names the closest candidates.
    InputError
        For bad arguments.

    Examples
    --------
    >>> import geozones
    >>> p = geozones.geocode("Khan Sheikhoun")
    >>> p.name, p.admin[1]
    ('Khan Shaykun', 'Idleb')
    >>> geozones.geocode("Idlib", kind="admin area").level
    1
    >>> geozones.geocode("Aleppo–Latakia highway").source_id
    'M4'
    >>> [p.country for p in geozones.geocode("Tripoli", top=2)]  # the one near Syria first
    ['LB', 'LY']
    >>> geozones.geocode("Tripoli", near=(32.9, 13.2)).country
    'LY'
    >>> geozones.geocode("Misrata", country="LY").country     # doctest: +SKIP
    'LY'
    """
    return Gazetteer.default().geocode(
        name, top=top, country=country, near=near, kind=kind, online=online
    )


def search(name: str, limit: int = 10) -> list[Place]:
    """The ``limit`` best matches for ``name`` (fuzzy ones included).

    Examples
    --------
    >>> [p.name for p in search("Maarat", 2)]            # doctest: +SKIP
    ["Ma'arrat An Nu'man", ...]
    """
    return Gazetteer.default().search(name, limit)


def load_road(
    path: str | Path,
    name: str,
    aliases: Iterable[str] = (),
    layer: str | int | None = None,
    *,
    online: bool | None = None,
) -> Place:
    """Replace a bundled road (or add one) with a line from a file; see :meth:`Gazetteer.load_road`.

    Examples
    --------
    >>> import geozones.gazetteer as gz
    >>> gz.load_road("m4_osm.gpkg", "M4", layer="roads")   # doctest: +SKIP
    """
    return Gazetteer.default().load_road(path, name, aliases=aliases, layer=layer, online=online)


def _geometry_of(place: Place) -> Any:
    """The shapely geometry of a place: Point, road LineString, or area polygon.

    Examples
    --------
    >>> import geozones
    >>> _geometry_of(geozones.geocode("M5")).geom_type
    'LineString'
    >>> area = geozones.geocode("Idlib", kind="admin area")
    >>> _geometry_of(area).geom_type in ("Polygon", "MultiPolygon")
    True
    """
    import shapely  # lazy: shapely only when a geometry is asked for

    point = shapely.Point(place.lon, place.lat)
    if place.kind == "road":
        gz = Gazetteer.default()
        i = gz.find_id(place.source_id, place.source or None)
        if i is not None and gz.kinds[i] == "road":
            return gz.road_geometry(i)
        coords = place.extra.get("coords") if place.extra else None
        return shapely.LineString(coords) if coords else point
    if place.kind in ("admin area", "country") and place.source_id:
        from .. import boundaries  # lazy: geopandas only when an area's polygon is asked for

        try:
            return boundaries.geometry_of(place.source_id)
        except GeozonesError:
            return point
    return point
