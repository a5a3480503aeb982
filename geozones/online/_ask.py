"""Asking the service politely: one request at a time per server, retried on 429 and 5xx,
and only answers with valid coordinates kept."""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Sequence
from typing import Any

from .. import _cache, settings
from ._config import _LIMITERS, _LOCK, _MAX_RETRY_AFTER, _min_delay, _server_of, _where
from ._errors import (
    OnlineBadAnswerError,
    OnlineGeocodingError,
    OnlineRateLimitedError,
    OnlineServiceError,
    OnlineTimeoutError,
)

log = logging.getLogger("geozones.online")


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


def _limiter(geocoder: Any) -> Any:
    """The process-wide rate limiter of the server this geocoder talks to."""
    from geopy.extra.rate_limiter import RateLimiter  # lazy: geopy only for a request

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


def _ask(service: str, geocoder: Any, query: str, kwargs: dict[str, Any]) -> list[dict[str, Any]]:
    """One answer from the service, rate limited, retried on 429 and 5xx; JSON-ready."""
    from geopy.exc import GeocoderServiceError  # lazy: geopy only for a request

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
        except OnlineGeocodingError:
            raise  # ours, already clear (an answer too large)
        except Exception as exc:  # a malformed answer, a bug in a geopy geocoder
            raise OnlineBadAnswerError(
                f"{service} at {where} gave an answer geopy cannot read for {query!r}: "
                f"{_first_line(exc)}"
            ) from None
        return _checked(_as_list(found), f"{service} at {where}", query)
    raise AssertionError("unreachable")  # pragma: no cover


def _retry_wait(exc: Exception, attempt: int, who: str, query: str) -> tuple[float, str]:
    """(seconds to wait, what happened) for a failure worth retrying; raise for the others.

    Retried: HTTP 429 (after ``Retry-After`` when given) and 5xx (exponential
    back-off). Not retried: timeouts, refusals (4xx), an unreachable server.
    """
    from geopy.exc import (  # lazy: importing geopy loads every service
        GeocoderParseError,
        GeocoderRateLimited,
        GeocoderTimedOut,
        GeocoderUnavailable,
    )

    from ._http import ErrorAnswer  # lazy: _http imports geopy

    status = _status_of(exc)
    if isinstance(exc, (ErrorAnswer, GeocoderParseError)):
        raise OnlineBadAnswerError(
            f"{who} gave an answer that is not a list of places for {query!r} "
            f"({_first_line(exc)}); nothing was cached"
        ) from None
    if isinstance(exc, GeocoderRateLimited) or status == 429:
        retry_after = getattr(exc, "retry_after", None)
        wait = float(retry_after) if retry_after is not None else _backoff(attempt)
        if wait > _MAX_RETRY_AFTER:
            raise OnlineRateLimitedError(
                f"{who} refuses more requests for {wait:.0f} s (HTTP 429 Retry-After); "
                "try again later"
            ) from None
        return wait, "HTTP 429 (too many requests)"
    if status is not None and status >= 500:
        return _backoff(attempt), f"HTTP {status}"
    if isinstance(exc, GeocoderTimedOut):
        raise OnlineTimeoutError(
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


def _checked(locations: list[Any], who: str, query: str) -> list[dict[str, Any]]:
    """The JSON-ready results with valid coordinates, at most ``settings.online_max_results``.

    A result without coordinates, or with coordinates outside the world, is
    dropped (geopy would make it (0, 0)); an answer whose results all lack them
    is refused, so it is neither used nor cached.
    """
    items = [_json_ready(loc) for loc in locations[: max(1, int(settings.online_max_results))]]
    good = [i for i in items if i is not None]
    if items and not good:
        raise OnlineBadAnswerError(
            f"{who} answered {query!r} with {len(items)} result(s) but no valid coordinates; "
            "nothing was used or cached"
        )
    if len(good) < len(items):
        log.warning(
            "online geocoder: %d result(s) without valid coordinates dropped",
            len(items) - len(good),
        )
    return good


def _json_ready(location: Any) -> dict[str, Any] | None:
    """A result as JSON-ready data, or None when it has no valid coordinates."""
    raw = location.raw if isinstance(getattr(location, "raw", None), dict) else {}
    lat, lon = _raw_coordinates(raw, location)
    if lat is None or lon is None:
        return None
    return {
        "lat": lat,
        "lon": lon,
        "address": str(location.address or ""),
        "raw": json.loads(json.dumps(raw, default=str)),
    }


def _raw_coordinates(raw: dict[str, Any], location: Any) -> tuple[float | None, float | None]:
    """The coordinates the service really sent: raw ``lat``/``lon`` (Nominatim style) or a
    GeoJSON point (Photon style); geopy's own only when the raw answer holds neither."""
    if "lat" in raw or "lon" in raw:
        pair = (raw.get("lat"), raw.get("lon"))
    elif isinstance(raw.get("geometry"), dict) and "coordinates" in raw["geometry"]:
        c = raw["geometry"]["coordinates"]
        pair = (c[1], c[0]) if isinstance(c, list) and len(c) >= 2 else (None, None)
    else:
        pair = (getattr(location, "latitude", None), getattr(location, "longitude", None))
    try:
        lat, lon = (float(v) for v in pair)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None, None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None, None
    if lat == 0.0 and lon == 0.0:
        return None, None  # what geopy makes of missing coordinates ("Null Island")
    return lat, lon
