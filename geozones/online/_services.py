"""Answers as Places: a base class and one small subclass per geocoder, like geopy's.

:class:`OnlineService` turns a JSON-ready answer item into a
:class:`~geozones.place.Place` from the fields every geopy ``Location`` has;
:class:`NominatimService` and :class:`PhotonService` read their service's own
fields (OSM ids, classes and types, admin paths, names in other languages).
"""

from __future__ import annotations

from typing import Any

from .. import _cache
from ..place import Place

#: OSM ``place=*`` values that are settlements or parts of them.
_SETTLEMENTS = {
    "city",
    "town",
    "village",
    "hamlet",
    "suburb",
    "neighbourhood",
    "quarter",
    "locality",
    "isolated_dwelling",
    "farm",
    "borough",
    "city_block",
    "plot",
    "square",
    "allotments",
}
#: OSM ``place=*`` values and Nominatim address types that are administrative areas.
_ADMIN_TYPES = {
    "state",
    "province",
    "region",
    "county",
    "district",
    "municipality",
    "state_district",
    "subdistrict",
    "administrative",
    "governorate",
}
#: Nominatim address keys that name administrative units, widest to narrowest.
_ADMIN_KEYS = (
    "country",
    "state",
    "province",
    "region",
    "state_district",
    "county",
    "district",
    "municipality",
    "city_district",
)


class OnlineService:
    """How a geocoder's answers become Places; the base reads what every geopy result has.

    Subclasses override :meth:`fields` for their service's own answer format.

    Examples
    --------
    >>> item = {"lat": 36.2, "lon": 37.1, "address": "Aleppo, Syria", "raw": {}}
    >>> OnlineService().place(item, "someservice", "Aleppo", 0.0).name
    'Aleppo'
    """

    def fields(self, raw: dict[str, Any]) -> dict[str, Any]:
        """``osm`` (id, class, type …), ``address``, ``names``, ``name``, ``country``,
        ``population`` and ``level`` from the raw answer (empty for an unknown format).

        Examples
        --------
        >>> raw = {"name": "Azaz", "address": {"country_code": "sy"}}
        >>> NominatimService().fields(raw)["country"]
        'sy'
        """
        return {
            "osm": _osm_fields({}, None),
            "address": {},
            "names": {},
            "name": raw.get("name") if isinstance(raw.get("name"), str) else None,
            "country": "",
            "population": "",
        }

    def place(self, item: dict[str, Any], service: str, query: str, stored: float) -> Place:
        """The :class:`Place` of one JSON-ready result (valid ``lat``/``lon`` checked before).

        Examples
        --------
        >>> item = {"lat": 36.59, "lon": 37.05, "address": "Azaz", "raw": {"osm_type": "node",
        ...         "osm_id": 1, "class": "place", "type": "town", "name": "Azaz"}}
        >>> NominatimService().place(item, "nominatim", "Azaz", 0.0).source_id
        'node/1'
        """
        raw = _dict(item.get("raw"))
        f = self.fields(raw)
        osm, address, names = f["osm"], f["address"], f["names"]
        name = f["name"] or str(item.get("address", "")).split(",")[0] or query
        kind = _kind(osm)
        pop = str(f["population"]).replace(",", "").strip()
        admin = tuple(
            str(v) for k, v in reversed(list(address.items())) if k in _ADMIN_KEYS and v != name
        )
        extra = {
            "display_name": item.get("address", ""),
            "osm_class": osm["class"],
            "osm_type_value": osm["type"],
            "boundingbox": raw.get("boundingbox"),
            "importance": raw.get("importance"),
            "licence": raw.get("licence"),
            "names": names,
            "retrieved": _cache._iso(stored),
        }
        if names.get("name:ar"):
            extra["name_ar"] = names["name:ar"]
        return Place(
            name=str(name),
            lat=float(item["lat"]),
            lon=float(item["lon"]),
            kind=kind,
            admin=admin,
            source=f"online:{service}",
            source_id=osm["id"] or str(raw.get("place_id") or raw.get("id") or ""),
            score=_score(query, [name, raw.get("name"), item.get("address"), *names.values()]),
            matched=query,
            country=str(f["country"]).upper(),
            level=_level(raw, kind),
            precision="approximate",
            population=int(pop) if pop.isdigit() else 0,
            extra=extra,
        )


class NominatimService(OnlineService):
    """Nominatim (OpenStreetMap): ``json``/``jsonv2`` answers with address and name details."""

    def fields(self, raw: dict[str, Any]) -> dict[str, Any]:
        names = _dict(raw.get("namedetails"))
        address = _dict(raw.get("address"))
        return {
            "osm": _osm_fields(raw, None),
            "address": address,
            "names": names,
            "name": names.get("name:en") or raw.get("name"),
            "country": address.get("country_code") or "",
            "population": _dict(raw.get("extratags")).get("population", ""),
        }


class PhotonService(OnlineService):
    """Photon (komoot): GeoJSON features whose ``properties`` hold the OSM fields."""

    def fields(self, raw: dict[str, Any]) -> dict[str, Any]:
        props = _dict(raw.get("properties"))
        return {
            "osm": _osm_fields(raw, props),
            "address": {},
            "names": {},
            "name": props.get("name"),
            "country": props.get("countrycode") or "",
            "population": props.get("extra", {}).get("population", "")
            if isinstance(props.get("extra"), dict)
            else "",
        }


#: The service classes by geopy geocoder class name (lower case); others use the base.
SERVICES: dict[str, OnlineService] = {
    "nominatim": NominatimService(),
    "openmapquest": NominatimService(),
    "pickpoint": NominatimService(),
    "photon": PhotonService(),
}


def service_for(service: str) -> OnlineService:
    """The :class:`OnlineService` that reads answers of geopy geocoder ``service``.

    Examples
    --------
    >>> type(service_for("nominatim")).__name__, type(service_for("bing")).__name__
    ('NominatimService', 'OnlineService')
    """
    return SERVICES.get(service.lower(), _BASE)


_BASE = OnlineService()


def _to_place(item: dict[str, Any], service: str, query: str, stored: float) -> Place:
    """One answer item as a Place, read by the service's class (any answer shape tolerated)."""
    raw = _dict(item.get("raw"))
    if service not in SERVICES and "properties" in raw:
        return PhotonService().place(item, service, query, stored)  # a Photon-style answer
    if service not in SERVICES and ("osm_type" in raw or "namedetails" in raw):
        return NominatimService().place(item, service, query, stored)
    return service_for(service).place(item, service, query, stored)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _osm_fields(raw: dict[str, Any], props: dict[str, Any] | None) -> dict[str, str]:
    """OSM id (``node/123``), class and type of a Nominatim- or Photon-style answer."""
    src = props if props is not None else raw
    osm_type = str(src.get("osm_type") or "")
    osm_type = {"N": "node", "W": "way", "R": "relation"}.get(osm_type, osm_type)
    osm_id = src.get("osm_id")
    return {
        "id": f"{osm_type}/{osm_id}" if osm_type and osm_id is not None else "",
        "osm_type": osm_type,
        "class": str(src.get("class") or src.get("category") or src.get("osm_key") or ""),
        "type": str((src.get("type") if props is None else src.get("osm_value")) or ""),
        "addresstype": str(src.get("addresstype") or ""),
        "rank": str(src.get("place_rank") or ""),
    }


def _kind(osm: dict[str, str]) -> str:
    """One of Place's kinds from the service's OSM class/type (general OSM tagging rules)."""
    cls, typ, addresstype = osm["class"], osm["type"], osm["addresstype"]
    if "country" in (addresstype, typ) or (cls == "boundary" and osm["rank"] == "4"):
        return "country"
    if cls == "highway" and osm["osm_type"] != "node":
        return "road"
    if addresstype in _SETTLEMENTS or (cls == "place" and typ in _SETTLEMENTS):
        return "populated place"
    if (
        (cls == "boundary" and typ == "administrative")
        or typ in _ADMIN_TYPES
        or (addresstype in _ADMIN_TYPES)
    ):
        return "admin area"
    return "populated place"


def _level(raw: dict[str, Any], kind: str) -> int | None:
    """Admin level 1..3 of an admin area from Nominatim's place_rank (8 state, 12 county)."""
    if kind != "admin area":
        return None
    try:
        rank = int(raw.get("place_rank", ""))
    except (TypeError, ValueError):
        return None
    return 1 if rank <= 8 else 2 if rank <= 12 else 3


def _score(query: str, variants: list[Any]) -> float:
    """How well the query matches the answer's names, in 0..1, folded as offline.

    The same folding as the offline gazetteer (case, diacritics, articles,
    Arabic letter variants), then rapidfuzz's WRatio against the best variant.
    The service's own ranking stays in the order of the answers and in
    ``extra["importance"]``.
    """
    from rapidfuzz import fuzz  # lazy: rapidfuzz only when answers arrive

    from .._text import name_key  # lazy: with rapidfuzz, only when answers arrive

    key = name_key(query)
    keys = {name_key(str(v).split(",")[0]) for v in variants if v}
    if not key or not keys:
        return 0.0
    return round(max(fuzz.WRatio(key, k) for k in keys) / 100.0, 4)
