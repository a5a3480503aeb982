"""Configuration of the online geocoder: user agent, service, options, rate limit per server."""

from __future__ import annotations

import functools
import inspect
import json
import os
import threading
from collections.abc import Mapping
from typing import Any

from .. import settings
from ..errors import InputError
from ._errors import UserAgentNotSetError

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
    from geopy.exc import GeocoderNotFound  # lazy: a cached answer needs no geopy
    from geopy.geocoders import SERVICE_TO_GEOCODER, get_geocoder_for_service  # lazy: as above

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
    """The bounded adapter (:mod:`._http`): a total deadline, a byte cap, no retries of its own.

    requests/urllib3 would retry timeouts and sleep through any ``Retry-After``
    unseen, outside the rate limiter, and bound only each socket read;
    :func:`~._ask._ask` retries itself.
    """
    from ._http import BoundedAdapter  # lazy: geopy only when asked online

    return BoundedAdapter(proxies=proxies, ssl_context=ssl_context)


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


@functools.lru_cache(maxsize=64)
def _parameters(function: Any) -> tuple[str, ...]:
    return tuple(inspect.signature(function).parameters)
