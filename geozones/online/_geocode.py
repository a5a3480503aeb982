"""``geocode_online``: the one entry point, from the cache or from the service."""

from __future__ import annotations

import logging
from typing import Any

from .. import _cache, settings
from ..errors import UnknownPlaceError
from ..place import Place
from ._ask import _ask
from ._config import _geocoder, _service, _service_options, _user_agent
from ._query import _cache_query, _check_top, _clean_query, _query_kwargs, _with_objects
from ._services import _to_place

log = logging.getLogger("geozones.online")


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
