"""The online geocoder's errors: one hierarchy under :class:`geozones.errors.OnlineGeocodingError`.

::

    OnlineGeocodingError
    ├── UserAgentNotSetError          no identifying user agent (nothing was sent)
    └── OnlineServiceError            the service failed (nothing is cached)
        ├── OnlineTimeoutError        no complete answer before the deadline
        ├── OnlineRateLimitedError    HTTP 429 asking for a longer wait than we accept
        └── OnlineBadAnswerError      an answer we refuse: not JSON, an error object,
            └── OnlineAnswerTooLargeError   results without valid coordinates, too large
"""

from __future__ import annotations

from ..errors import OnlineGeocodingError, OnlineServiceError, UserAgentNotSetError

__all__ = [
    "OnlineGeocodingError",
    "UserAgentNotSetError",
    "OnlineServiceError",
    "OnlineTimeoutError",
    "OnlineRateLimitedError",
    "OnlineBadAnswerError",
    "OnlineAnswerTooLargeError",
]


class OnlineTimeoutError(OnlineServiceError):
    """No complete answer within ``settings.online_timeout`` (a total deadline)."""


class OnlineRateLimitedError(OnlineServiceError):
    """The service asks us to wait longer than we are willing to (HTTP 429 Retry-After)."""


class OnlineBadAnswerError(OnlineServiceError):
    """An answer that cannot be trusted: not JSON, an error object, no valid coordinates."""


class OnlineAnswerTooLargeError(OnlineBadAnswerError):
    """An answer over ``settings.online_max_bytes``."""
