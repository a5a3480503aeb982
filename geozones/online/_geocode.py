"""Opt-in online geocoding through geopy: polite, cached, never silent.

The offline gazetteer is the default everywhere. Only
``geozones.geocode(name, online=True)`` (``geozones geocode NAME --online``)
reaches this module, and only when the gazetteer has no good match. Then a
geopy geocoder is asked (``settings.online_service``, Nominatim by default):

* with an identifying user agent the user must set
  (``settings.online_user_agent`` or ``GEOZONES_USER_AGENT``), as
  Nominatim's usage policy requires; geopy's stock agent is refused;
* at most one request per ``settings.online_min_delay`` seconds per server,
  retries included: geopy's :class:`~geopy.extra.rate_limiter.RateLimiter`
  within a process, and the time of the last request kept in the cache file
  across processes running side by side;
* with a timeout (``settings.online_timeout``) and retries with exponential
  back-off on HTTP 429 (honouring ``Retry-After``) and 5xx
  (``settings.online_max_retries``);
* biased by the query's context: ``country`` becomes the service's country
  filter (``countrycodes`` for Nominatim), ``near`` its viewbox or focus point;
* through an on-disk SQLite cache (:mod:`geozones._cache`) that keeps every
  answer, "not found" included, for ``settings.online_cache_days`` days.
  Cache hits never touch the network, never sleep and do not count against
  the rate limit.

Answers are :class:`~geozones.place.Place` objects marked
``source="online:<service>"`` with the service's own id and
``precision="approximate"``.
"""

from __future__ import annotations

import functools
import inspect
import json
import logging
import math
import os
import threading
import time
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from . import _cache, settings
from .errors import (
    InputError,
    OnlineServiceError,
    UnknownPlaceError,
    UserAgentNotSetError,
)
from .place import Place

__all__ = ["geocode_online"]

log = logging.getLogger(__name__)

#: Half-size, in km, of the viewbox drawn around a ``near`` point.
NEAR_BOX_KM = 50.0
#: Fewest results asked for, so that top=1..5 share one cached answer.
_MIN_LIMIT = 5
#: Longest Retry-After (seconds) we wait for; beyond it we give up with a clear message.
_MAX_RETRY_AFTER = 120.0
#: Servers of the OpenStreetMap Foundation, held to one request a second whatever the settings.
_OSMF_DOMAINS = ("nominatim.openstreetmap.org",)
#: User agents of HTTP libraries that do not identify an application.
_STOCK_AGENTS = (
    "geopy/",
    "python-requests/",
    "python-urllib/",
    "curl/",
    "wget/",
    "aiohttp/",
    "httpx/",
    "mozilla/",
)

# Per-process state: one geocoder per configuration, one rate limiter per server.
_LOCK = threading.Lock()
_GEOCODERS: dict[str, Any] = {}
_LIMITERS: dict[str, Any] = {}


def geocode_online(
    name: str,
    *,
    top: int = 1,
    country: str | None = None,
    near: Any = None,
) -> Place | list[Place]:
    """Ask the configured online geocoder for ``name``; answers are cached on disk.

    Parameters
    ----------
    name : str
        The place name as the user wrote it.
    top : int
        How many answers to return; 1 returns a single Place.
    country : str, optional
        ISO 3166-1 alpha-2 code (``"SY"``) or several separated by commas;
        passed as the service's country filter (``countrycodes`` for Nominatim).
    near : (lat, lon) or Place or shapely geometry, optional
        Biases the answers towards this point or area (Nominatim: a
        ``viewbox`` of :data:`NEAR_BOX_KM` around the point, not bounded).

    Returns
    -------
    Place or list of Place
        With ``source="online:<service>"``, ``source_id`` the service's own id
        (``node/240109189`` for Nominatim), ``precision="approximate"``.

    Raises
    ------
    UserAgentNotSetError
        No identifying user agent is set (checked before anything is sent).
    UnknownPlaceError
        The service found nothing (this "not found" is cached too).
    OnlineServiceError
        Timeout, refusal or error after the retries.

    Examples
    --------
    >>> from geozones import settings
    >>> settings.online_user_agent = "my-project/1.0 (me@example.org)"   # doctest: +SKIP
    >>> geocode_online("Kafr Nabl", country="SY")                         # doctest: +SKIP
    Place(name='Kafr Nabl', lat=35.61..., lon=36.56..., kind='populated place', ...)
    """
    query = _clean_query(name)
    top = _check_top(top)
    agent = _user_agent()
    service, cls = _service()
    options = _service_options()
    kwargs = _query_kwargs(cls, top=top, country=country, near=near)
    cache_options = {k: v for k, v in options.items() if k in ("domain", "scheme")}
    cache_options["params"] = kwargs
    key = _cache.make_key(service, _cache_query(query), cache_options)
    hit = _cache.get(key)
    if hit is not None:
        answer, stored = hit
        log.info("online geocoder: %r answered from the cache", query)
    else:
        geocoder = _geocoder(service, cls, options, agent)
        answer = _ask(cls.__name__, geocoder, query, _with_objects(kwargs))
        stored = _cache.put(key, service, query, cache_options, answer)
    places = [_to_place(item, service, query, stored) for item in answer][:top]
    if not places:
        raise UnknownPlaceError(
            name,
            hint=f"the online service {settings.online_service} found nothing either; this "
            f"answer is cached for {settings.online_cache_days:g} days "
            "('geozones cache clear --online' forgets it)",
        )
    return places[0] if top == 1 else places


# --- configuration ------------------------------------------------------------


def _user_agent() -> str:
    agent = (settings.online_user_agent or os.environ.get("GEOZONES_USER_AGENT") or "").strip()
    how = (
        "set an identifying user agent, e.g. "
        "geozones.settings.online_user_agent = 'my-project/1.0 (me@example.org)' in Python "
        "or the environment variable GEOZONES_USER_AGENT='my-project/1.0 (me@example.org)'; "
        "the service's usage policy requires it "
        "(https://operations.osmfoundation.org/policies/nominatim/)"
    )
    if not agent:
        raise UserAgentNotSetError(f"online geocoding needs a user agent: {how}")
    if agent.lower().startswith(_STOCK_AGENTS):
        raise UserAgentNotSetError(
            f"the user agent {agent!r} is an HTTP library's stock agent that does not "
            f"identify your application: {how}"
        )
    return agent


def _service() -> tuple[str, Any]:
    from geopy.exc import GeocoderNotFound
    from geopy.geocoders import SERVICE_TO_GEOCODER, get_geocoder_for_service

    wanted = str(settings.online_service or "").strip()
    by_class = {c.__name__.lower(): c for c in SERVICE_TO_GEOCODER.values()}
    try:
        cls = by_class.get(wanted.lower()) or get_geocoder_for_service(wanted.lower())
    except GeocoderNotFound:
        known = ", ".join(sorted({c.__name__ for c in SERVICE_TO_GEOCODER.values()}))
        raise InputError(
            f"settings.online_service {wanted!r} is not a geopy geocoder; use one of: {known}"
        ) from None
    return cls.__name__.lower(), cls


def _service_options() -> dict[str, Any]:
    """``settings.online_options``, or the JSON in ``GEOZONES_ONLINE_OPTIONS``."""
    options = settings.online_options
    if not options and os.environ.get("GEOZONES_ONLINE_OPTIONS"):
        text = os.environ["GEOZONES_ONLINE_OPTIONS"]
        try:
            options = json.loads(text)
        except ValueError as exc:
            raise InputError(
                f"GEOZONES_ONLINE_OPTIONS is not JSON ({exc}): {text!r}; write e.g. "
                '\'{"domain": "nominatim.example.org"}\''
            ) from None
    if not isinstance(options, Mapping):
        raise InputError(
            f"settings.online_options must be a dict of geocoder options, not {options!r}"
        )
    return dict(options)


def _geocoder(service: str, cls: Any, options: dict[str, Any], agent: str) -> Any:
    config = json.dumps([service, options, agent], sort_keys=True, default=repr)
    with _LOCK:
        geocoder = _GEOCODERS.get(config)
        if geocoder is None:
            allowed = _parameters(cls.__init__)
            unknown = sorted(set(options) - set(allowed))
            if unknown:
                raise InputError(
                    f"settings.online_options has {', '.join(map(repr, unknown))}, which "
                    f"{cls.__name__} does not take; it takes: "
                    + ", ".join(p for p in allowed if p not in ("self", "user_agent"))
                )
            try:
                geocoder = cls(
                    **{"adapter_factory": _adapter_without_retries, **options, "user_agent": agent}
                )
            except Exception as exc:  # geopy's ConfigurationError, a missing api_key …
                raise InputError(
                    f"cannot set up the online geocoder {cls.__name__}: {exc}; "
                    "check settings.online_options"
                ) from None
            _GEOCODERS[config] = geocoder
    return geocoder


def _adapter_without_retries(*, proxies: Any, ssl_context: Any) -> Any:
    """geopy's HTTP adapter with urllib3's own retries off.

    requests/urllib3 would otherwise retry timeouts and sleep through any
    ``Retry-After`` unseen, outside the rate limiter; :func:`_ask` retries itself.
    """
    from geopy.adapters import RequestsAdapter, URLLibAdapter

    try:
        return RequestsAdapter(proxies=proxies, ssl_context=ssl_context, max_retries=0)
    except ImportError:  # requests not installed: urllib does not retry
        return URLLibAdapter(proxies=proxies, ssl_context=ssl_context)


def _limiter(geocoder: Any) -> Any:
    """The process-wide rate limiter of the server this geocoder talks to."""
    from geopy.extra.rate_limiter import RateLimiter

    server = _server_of(geocoder)
    delay = _min_delay(geocoder)
    with _LOCK:
        limiter = _LIMITERS.get(server)
        if limiter is None:
            limiter = RateLimiter(
                _call,
                min_delay_seconds=delay,
                max_retries=0,
                error_wait_seconds=delay,
                swallow_exceptions=False,
            )
            _LIMITERS[server] = limiter
        limiter.min_delay_seconds = limiter.error_wait_seconds = delay
    return limiter


def _min_delay(geocoder: Any) -> float:
    """``settings.online_min_delay``, but never under 1 s on the OSM Foundation's servers.

    Their usage policy allows one request a second at most; a lower setting is
    for a service of your own.
    """
    delay = max(0.0, float(settings.online_min_delay))
    if str(getattr(geocoder, "domain", "")).lower().endswith(_OSMF_DOMAINS):
        delay = max(delay, 1.0)
    return delay


def _server_of(geocoder: Any) -> str:
    return f"{type(geocoder).__name__}:{_where(geocoder)}"


def _where(geocoder: Any) -> str:
    scheme = getattr(geocoder, "scheme", "https")
    domain = getattr(geocoder, "domain", None) or getattr(geocoder, "api", "")
    return f"{scheme}://{domain}" if domain and "://" not in domain else str(domain)


# --- the query ------------------------------------------------------------------


def _clean_query(name: Any) -> str:
    if not isinstance(name, str) or not name.strip():
        raise InputError(f"a place name to geocode online must be a non-empty text, not {name!r}")
    return " ".join(name.split())


def _cache_query(query: str) -> str:
    """The query as cached: Unicode-normalized, case-folded (services ignore case)."""
    return unicodedata.normalize("NFC", query).casefold()


def _check_top(top: Any) -> int:
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise InputError(f"top must be a whole number ≥ 1, not {top!r}")
    return top


def _query_kwargs(cls: Any, *, top: int, country: Any, near: Any) -> dict[str, Any]:
    """The geocoder's keyword arguments (JSON-ready) for this query's context.

    Only the parameters the geocoder's ``geocode`` takes are used, so any geopy
    geocoder gets what it understands: a country filter, a bias towards
    ``near`` (never a hard bound), English names, details and enough results.
    """
    params = _parameters(cls.geocode)
    kwargs: dict[str, Any] = {}
    if "exactly_one" in params:
        kwargs["exactly_one"] = False
    for p in ("limit", "max_results", "maxresults", "maximum_responses"):
        if p in params:
            kwargs[p] = max(top, _MIN_LIMIT)
            break
    if "language" in params:
        kwargs["language"] = "en"
    for p in ("addressdetails", "extratags", "namedetails"):
        if p in params:
            kwargs[p] = True
    codes = _country_codes(country)
    if codes:
        country_params: list[tuple[str, Any]] = [
            ("country_codes", codes),
            ("countries", codes),
            ("country", ",".join(codes)),
            ("country_bias", codes[0]),
            ("region", codes[0].lower()),
        ]
        for p, value in country_params:
            if p in params:
                kwargs[p] = value
                break
    box = _near_box(near)
    if box is not None:
        south, west, north, east = box
        center = [(south + north) / 2, (west + east) / 2]
        near_params: list[tuple[str, Any]] = [
            ("viewbox", [[south, west], [north, east]]),
            ("location_bias", center),
            ("proximity", center),
            ("at", center),
            ("bounds", [[south, west], [north, east]]),
        ]
        for p, value in near_params:
            if p in params:
                kwargs[p] = value
                if p == "viewbox" and "bounded" in params:
                    kwargs["bounded"] = False
                break
    return kwargs


@functools.lru_cache(maxsize=64)
def _parameters(function: Any) -> tuple[str, ...]:
    return tuple(inspect.signature(function).parameters)


def _with_objects(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Turn the JSON-ready (lat, lon) lists of ``kwargs`` into geopy Points."""
    from geopy.point import Point

    out = dict(kwargs)
    for p in ("viewbox", "bounds"):
        if p in out:
            out[p] = [Point(*corner) for corner in out[p]]
    for p in ("location_bias", "proximity", "at"):
        if p in out:
            out[p] = Point(*out[p])
    return out


def _country_codes(country: Any) -> list[str]:
    if country is None or country == "":
        return []
    items = country.split(",") if isinstance(country, str) else list(country)
    codes = [str(c).strip() for c in items if str(c).strip()]
    bad = [c for c in codes if len(c) != 2 or not c.isalpha() or not c.isascii()]
    if bad:
        raise InputError(
            f"country {country!r} is not an ISO 3166-1 alpha-2 code; write e.g. 'SY' or 'SY,TR'"
        )
    return [c.lower() for c in codes]


def _near_box(near: Any) -> tuple[float, float, float, float] | None:
    """(south, west, north, east) of the area ``near`` stands for."""
    if near is None:
        return None
    if hasattr(near, "lat") and hasattr(near, "lon"):
        near = (near.lat, near.lon)
    elif hasattr(near, "bounds") and not isinstance(near, (tuple, list)):
        west, south, east, north = (float(v) for v in near.bounds)
        if west < east or south < north:
            return _checked_box(south, west, north, east, near)
        near = (south, west)
    try:
        lat, lon = (float(v) for v in near)
    except (TypeError, ValueError):
        raise InputError(
            f"near {near!r} is not a place: give (lat, lon), a Place or a shapely geometry"
        ) from None
    dlat = NEAR_BOX_KM / 111.32
    dlon = NEAR_BOX_KM / (111.32 * max(math.cos(math.radians(lat)), 0.01))
    return _checked_box(lat - dlat, lon - dlon, lat + dlat, lon + dlon, near)


def _checked_box(south: float, west: float, north: float, east: float, near: Any) -> tuple:
    if not (-90 <= (south + north) / 2 <= 90 and -180 <= (west + east) / 2 <= 180):
        raise InputError(f"near {near!r} is outside the world (lat, lon) range")
    return (max(south, -90.0), max(west, -180.0), min(north, 90.0), min(east, 180.0))


# --- asking, politely -------------------------------------------------------------


def _call(geocoder: Any, query: str, kwargs: dict[str, Any]) -> Any:
    """One request, spaced from the end of the previous one to the server, in any process.

    geopy's RateLimiter spaces the *starts* of this process's requests; the
    shared slot also spaces them from when the previous answer *arrived*, so
    the server sees them at least ``online_min_delay`` apart however long
    each request took to leave.
    """
    server = _server_of(geocoder)
    _cache.take_request_slot(server, _min_delay(geocoder))
    try:
        return geocoder.geocode(query, **kwargs)
    finally:
        _cache.end_request(server)


def _ask(service: str, geocoder: Any, query: str, kwargs: dict[str, Any]) -> list[dict[str, Any]]:
    """One answer from the service, rate limited, retried on 429 and 5xx; JSON-ready."""
    from geopy.exc import GeocoderServiceError

    where = _where(geocoder)
    attempts = max(0, int(settings.online_max_retries)) + 1
    limiter = _limiter(geocoder)
    for attempt in range(attempts):
        log.info("online geocoder: asking %s at %s for %r", service, where, query)
        try:
            found = limiter(geocoder, query, {**kwargs, "timeout": settings.online_timeout})
        except GeocoderServiceError as exc:
            wait, problem = _retry_wait(exc, attempt, f"{service} at {where}", query)
            if attempt + 1 == attempts:
                raise OnlineServiceError(
                    f"{service} at {where} answered {problem} to {attempts} attempt(s) for "
                    f"{query!r}; try again later (settings.online_max_retries = "
                    f"{settings.online_max_retries})"
                ) from None
            log.warning("online geocoder: %s from %s; retrying in %.1f s", problem, where, wait)
            time.sleep(wait)
            continue
        except Exception as exc:  # a malformed answer, a bug in a geopy geocoder
            raise OnlineServiceError(
                f"{service} at {where} gave an answer geopy cannot read for {query!r}: {exc}"
            ) from None
        return [_json_ready(loc) for loc in _as_list(found)]
    raise AssertionError("unreachable")  # pragma: no cover


def _retry_wait(exc: Exception, attempt: int, who: str, query: str) -> tuple[float, str]:
    """(seconds to wait, what happened) for a failure worth retrying; raise for the others.

    Retried: HTTP 429 (after ``Retry-After`` when given) and 5xx (exponential
    back-off). Not retried: timeouts, refusals (4xx), an unreachable server.
    """
    from geopy.exc import GeocoderRateLimited, GeocoderTimedOut, GeocoderUnavailable

    status = _status_of(exc)
    if isinstance(exc, GeocoderRateLimited) or status == 429:
        retry_after = getattr(exc, "retry_after", None)
        wait = float(retry_after) if retry_after is not None else _backoff(attempt)
        if wait > _MAX_RETRY_AFTER:
            raise OnlineServiceError(
                f"{who} refuses more requests for {wait:.0f} s (HTTP 429 Retry-After); "
                "try again later"
            ) from None
        return wait, "HTTP 429 (too many requests)"
    if status is not None and status >= 500:
        return _backoff(attempt), f"HTTP {status}"
    if isinstance(exc, GeocoderTimedOut):
        raise OnlineServiceError(
            f"{who} did not answer within {settings.online_timeout:g} s "
            f"(settings.online_timeout) for {query!r}; try again later or raise the timeout"
        ) from None
    if isinstance(exc, GeocoderUnavailable):
        raise OnlineServiceError(
            f"cannot reach {who} ({_first_line(exc)}); check the network connection and "
            "settings.online_options"
        ) from None
    what = f"HTTP {status}" if status else _first_line(exc)
    raise OnlineServiceError(
        f"{who} failed for {query!r}: {what}; check settings.online_service and "
        "settings.online_options"
    ) from None


def _first_line(exc: BaseException) -> str:
    """A short reason: the innermost cause's message, e.g. 'Connection refused'."""
    text = str(exc) or type(exc).__name__
    for marker in ("] ", "Errno "):
        if marker in text:
            text = text.rsplit(marker, 1)[1]
    return " ".join(text.split())[:160].rstrip("')\"")


def _backoff(attempt: int) -> float:
    """Seconds to wait before retry ``attempt + 1``: doubling from the minimum delay."""
    return max(float(settings.online_min_delay), 0.1) * 2**attempt


def _status_of(exc: BaseException) -> int | None:
    """The HTTP status behind a geopy error, if there was one."""
    seen = exc
    for _ in range(5):
        status = getattr(seen, "status_code", None)
        if isinstance(status, int):
            return status
        nxt = seen.__cause__ or seen.__context__
        if nxt is None:
            return None
        seen = nxt
    return None


def _as_list(found: Any) -> list[Any]:
    if found is None:
        return []
    return list(found) if isinstance(found, Sequence) else [found]


def _json_ready(location: Any) -> dict[str, Any]:
    raw = location.raw if isinstance(getattr(location, "raw", None), dict) else {}
    return {
        "lat": float(location.latitude),
        "lon": float(location.longitude),
        "address": str(location.address or ""),
        "raw": json.loads(json.dumps(raw, default=str)),
    }


# --- answers as Places ----------------------------------------------------------------

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


def _to_place(item: dict[str, Any], service: str, query: str, stored: float) -> Place:
    raw = _dict(item.get("raw"))
    props = _dict(raw.get("properties")) if "properties" in raw else None
    osm = _osm_fields(raw, props)
    address = _dict(raw.get("address"))
    names = _dict(raw.get("namedetails"))
    name = (
        names.get("name:en")
        or raw.get("name")
        or _dict(props).get("name")
        or str(item.get("address", "")).split(",")[0]
        or query
    )
    kind = _kind(osm)
    pop = str(_dict(raw.get("extratags")).get("population", "")).replace(",", "").strip()
    admin = tuple(
        str(v) for k, v in reversed(list(address.items())) if k in _ADMIN_KEYS and v != name
    )
    country = address.get("country_code") or _dict(props).get("countrycode") or ""
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
        country=str(country).upper(),
        level=_level(raw, kind),
        precision="approximate",
        population=int(pop) if pop.isdigit() else 0,
        extra=extra,
    )


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
    from rapidfuzz import fuzz

    from ._text import name_key

    key = name_key(query)
    keys = {name_key(str(v).split(",")[0]) for v in variants if v}
    if not key or not keys:
        return 0.0
    return round(max(fuzz.WRatio(key, k) for k in keys) / 100.0, 4)
