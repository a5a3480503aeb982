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
* with a total deadline per request (``settings.online_timeout``: a server
  trickling its answer cannot hold it longer), answers capped in bytes
  (``settings.online_max_bytes``) and results (``settings.online_max_results``),
  and retries with exponential back-off on HTTP 429 (honouring
  ``Retry-After``) and 5xx (``settings.online_max_retries``);
* biased by the query's context: ``country`` becomes the service's country
  filter (``countrycodes`` for Nominatim), ``near`` its viewbox or focus point;
* through an on-disk SQLite cache (:mod:`geozones._cache`) that keeps every
  answer, "not found" included, for ``settings.online_cache_days`` days.
  Cache hits never touch the network, never sleep and do not count against
  the rate limit. A failure (timeout, error answer, results without valid
  coordinates, an answer too large) is never cached.

The package: :mod:`._geocode` (the entry point), :mod:`._config` (user agent,
service, options, rate limiters), :mod:`._query` (the parameters), :mod:`._http`
(the bounded HTTP adapter), :mod:`._ask` (retries, checks), :mod:`._services`
(answers as Places: a base class and one subclass per service) and
:mod:`._errors` (the error hierarchy).

Answers are :class:`~geozones.place.Place` objects marked
``source="online:<service>"`` with the service's own id and
``precision="approximate"``.
"""

from __future__ import annotations

from .. import _cache as answer_cache  # the SQLite answer cache: .info(), .clear()
from ._config import _LIMITERS, _min_delay
from ._errors import (
    OnlineAnswerTooLargeError,
    OnlineBadAnswerError,
    OnlineGeocodingError,
    OnlineRateLimitedError,
    OnlineServiceError,
    OnlineTimeoutError,
    UserAgentNotSetError,
)
from ._geocode import geocode_online
from ._query import NEAR_BOX_KM, _query_kwargs
from ._services import NominatimService, OnlineService, PhotonService, _to_place, service_for

__all__ = [
    "answer_cache",
    "geocode_online",
    "OnlineService",
    "NominatimService",
    "PhotonService",
    "service_for",
    "NEAR_BOX_KM",
    "OnlineGeocodingError",
    "UserAgentNotSetError",
    "OnlineServiceError",
    "OnlineTimeoutError",
    "OnlineRateLimitedError",
    "OnlineBadAnswerError",
    "OnlineAnswerTooLargeError",
]
# for the tests: the per-server rate limiters, the delay rule, the parameters, the reader
_TEST_HOOKS = (_LIMITERS, _min_delay, _query_kwargs, _to_place)
