"""The :class:`Gazetteer` class: the index, matching, roads and added places together."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from .._text import did_you_mean, name_key
from ..errors import UnknownPlaceError
from ..place import Place
from ._match import _Matcher
from ._places import _Places
from ._query import _check_countries, _hint
from ._roads import _Roads

#: Scores below this count as "no good offline match" for ``online=True``.
ONLINE_THRESHOLD = 0.85
#: Bonus of a Syrian name among equally close spellings in "did you mean" lists.
_CLOSEST_SYRIA_BONUS = 5.0

_DEFAULT: Gazetteer | None = None
_LOCK = threading.Lock()


class Gazetteer(_Places, _Roads, _Matcher):
    """An in-memory name index over the bundled places.

    Use :meth:`Gazetteer.default` for the shared instance built from the
    bundled data; build your own with ``Gazetteer(path)`` to load another
    index file made by ``scripts/build_data.py``.

    Parameters
    ----------
    path : str or Path, optional
        A ``gazetteer.json.gz``; default the bundled one.
    online : callable, optional
        What ``geocode(..., online=True)`` asks when nothing good is found offline,
        called as ``online(name, top=, country=, near=)``; default
        :func:`geozones.online.geocode_online`.

    Examples
    --------
    >>> from geozones import Gazetteer
    >>> gz = Gazetteer.default()
    >>> gz.geocode("Idleb").source_id
    'C3871'
    >>> [p.name for p in gz.search("Saraqeb", 3)][0]
    'Saraqab'
    """

    def __init__(self, path: Any = None, *, online: Callable[..., Any] | None = None) -> None:
        super().__init__(path)
        self.online = online

    @classmethod
    def default(cls) -> Gazetteer:
        """The shared gazetteer over the bundled data (loaded once per process).

        Examples
        --------
        >>> Gazetteer.default() is Gazetteer.default()
        True
        """
        global _DEFAULT
        if _DEFAULT is None:
            with _LOCK:
                if _DEFAULT is None:
                    _DEFAULT = cls()
        return _DEFAULT

    def _online(self, name: str, **kw: Any) -> Place | list[Place]:
        if self.online is not None:
            return self.online(name, **kw)
        # lazy: geopy and the online engine load only when the user asked for online=True
        from .. import online

        return online.geocode_online(name, **kw)

    def geocode(
        self,
        name: str,
        *,
        top: int = 1,
        country: str | Sequence[str] | None = None,
        near: Any = None,
        kind: str | None = None,
        online: bool = False,
    ) -> Place | list[Place]:
        """Resolve a place name; see :func:`geozones.geocode`.

        Examples
        --------
        >>> from geozones import Gazetteer
        >>> Gazetteer.default().geocode("Sochi").country
        'RU'
        """
        plain = kind is None and country is None and near is None and not online
        if top == 1 and plain and type(name) is str:
            hit = self._exact_one(name)  # the commonest question: one exact name
            if hit is not None:
                return hit
        found = self.candidates(name, top=top, country=country, near=near, kind=kind)
        if online and (not found or found[0].score < ONLINE_THRESHOLD):
            return self._online(name, top=top, country=country, near=near)
        if not found:
            hint = _hint(kind, country)
            codes = {c.upper() for c in ([country] if isinstance(country, str) else country or ())}
            if codes & self._no_world:  # the country's small towns need the extra
                hint += "; the towns of that country need: pip install 'geozones[world]'"
            raise UnknownPlaceError(name, self.closest(name, kind=kind, country=country), hint=hint)
        return found if top > 1 else found[0]

    def search(self, name: str, limit: int = 10) -> list[Place]:
        """The ``limit`` best matches of every kind, fuzzy ones included.

        Examples
        --------
        >>> [p.name for p in Gazetteer.default().search("Saraqeb", 2)]
        ['Saraqab', 'Saraqab']
        """
        return self.candidates(name, top=limit)

    def closest(
        self, name: str, n: int = 5, *, kind: str | None = None, country: Any = None
    ) -> list[str]:
        """Labels of the ``n`` closest entries, for error messages (no cutoff).

        A label is the name and, to tell namesakes apart, the governorate (Syria)
        or the country code.

        Examples
        --------
        >>> from geozones import Gazetteer
        >>> Gazetteer.default().closest("Jarabls", 1)
        ['Jarablus (Aleppo)']
        """
        from rapidfuzz import fuzz  # lazy: rapidfuzz only on the error path

        key = name_key(name)
        if not key:
            return []
        pool = self._fuzzy_ix()[0].all_keys()
        if country is not None:
            country = _check_countries(country)
        if kind is not None or country is not None:  # error path only: a filtered pool
            pool = [
                k
                for k in [*self._keys, *self._more_key]
                if any(self._accept(self._v_entry[vi], kind, country) for vi in self._vids_key(k))
            ]
        scored: dict[str, float] = {}
        for k in did_you_mean(key, pool, n=n * 8, key=str):
            sc = fuzz.ratio(key, k)
            for vi in self._vids_key(k):
                e = self._v_entry[vi]
                if not self._accept(e, kind, country):
                    continue
                label = self._label(e)
                # a Syrian name is the likelier intent among equally close spellings
                s = sc + (_CLOSEST_SYRIA_BONUS if self._country[e] == "SY" else 0.0)
                scored[label] = max(s, scored.get(label, 0.0))
                break
        return sorted(scored, key=lambda lab: -scored[lab])[:n]

    def _label(self, e: int) -> str:
        if self._country[e] == "SY":
            path = self._admin_paths[self._admin[e]]
            where = path[1] if len(path) > 1 else "Syria"
            if self._kind[e] != "populated place":
                where = self._kind[e] if len(path) < 2 else f"{self._kind[e]}, {where}"
            return f"{self._name[e]} ({where})"
        return f"{self._name[e]} ({self._country[e] or self._kind[e]})"
