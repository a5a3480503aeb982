"""The error and warning hierarchy of geozones (after geopy's ``geopy.exc``).

Every error a user can cause derives from :class:`GeozonesError`; the CLI
turns any of them into one line on stderr and exit code 2. Every warning
(something to check, not a failure) derives from :class:`GeozonesWarning`; the
CLI prints each as one line on stderr and goes on.
"""

from __future__ import annotations

from collections.abc import Sequence


class GeozonesError(Exception):
    """Base class of every error geozones raises on bad input or bad data."""


class UnknownPlaceError(GeozonesError, LookupError):
    """A name that the gazetteer cannot resolve.

    Parameters
    ----------
    name : str
        The name as given.
    candidates : sequence of str
        The closest names the gazetteer knows, best first.
    """

    def __init__(self, name: str, candidates: Sequence[str] = (), hint: str = "") -> None:
        self.name = name
        self.candidates = list(candidates)
        msg = f"unknown place {name!r}"
        if self.candidates:
            msg += "; closest: " + ", ".join(self.candidates)
        if hint:
            msg += f" ({hint})"
        super().__init__(msg)


class InputError(GeozonesError, ValueError):
    """Bad input to a function or command (a file, a date, an option)."""


class SpecError(InputError):
    """A timeline spec that cannot be compiled (a kind of :class:`InputError`).

    The message names the file and line, what is wrong and what to write instead.
    """

    def __init__(
        self, message: str, *, path: str | None = None, line: int | None = None, hint: str = ""
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint
        where = path or "<spec>"
        if line is not None:
            where += f":{line}"
        text = f"{where}: {message}"
        if hint:
            text += f" — {hint}"
        super().__init__(text)


class ExportError(GeozonesError):
    """An export that cannot be written."""


class OnlineGeocodingError(GeozonesError):
    """Base class of the errors of the opt-in online geocoder."""


class UserAgentNotSetError(OnlineGeocodingError):
    """Online geocoding was asked for but no identifying user agent is set."""


class OnlineServiceError(OnlineGeocodingError):
    """The online service failed (timeout, refusal, bad answer) after the retries."""


class GeozonesWarning(UserWarning):
    """Base class of every warning geozones gives: the result stands, but check it.

    Examples
    --------
    >>> import warnings
    >>> from geozones.gazetteer import FarGuessWarning
    >>> issubclass(FarGuessWarning, GeozonesWarning)
    True
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", GeozonesWarning)  # silence them all
    """
