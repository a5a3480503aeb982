"""Ranking matches: score, importance, the regional prior, and far guesses.

Among equal matches the more important place wins (capital level,
population). The *regional prior* breaks ties between namesakes in favour of
the area being mapped: ``near=`` (a point or a ``(south, west, north, east)``
box), else the countries asked for with ``country=``, else
:attr:`Gazetteer.region` (``settings.gazetteer_region``; by default the area of
the bundled Syrian data). An inexact match (phonetic or
fuzzy) farther than :data:`FAR_KM` from that area is a guess: its score is
multiplied by :data:`FAR_FACTOR` and :class:`FarGuessWarning` is issued.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable
from itertools import compress
from typing import Any

from .. import settings
from ..errors import GeozonesWarning
from ..projection import haversine_km
from ._index import _Index

#: Rank weight of importance (≈ log10 population) and of proximity with a point ``near=``.
_W_IMPORTANCE = 0.01
_W_NEAR = 0.12
_NEAR_KM = 60.0
#: Rank weight of the regional prior and the distance (km) over which it fades.
_W_PRIOR = 0.05
_PRIOR_KM = 200.0
_SYRIA_BONUS = 0.01
_FOREIGN_INEXACT = 0.1
#: An inexact match farther than this (km) from the region is a guess ...
FAR_KM = 250.0
#: ... and its score is multiplied by this.
FAR_FACTOR = 0.5
_INEXACT = 0.97  # scores below this are phonetic or fuzzy matches


class FarGuessWarning(GeozonesWarning):
    """An inexact match far from the region being mapped: check it, or give ``near=``."""


Box = tuple[float, float, float, float]


def _as_box(near: Any) -> Box:
    """``(south, west, north, east)`` of a point ``(lat, lon)`` or a box."""
    if len(near) == 2:
        return (near[0], near[1], near[0], near[1])
    return near


def _box_km(box: Box, lat: Any, lon: Any) -> Any:
    """Great-circle distance (km) from points to the nearest point of a lat/lon box (0 inside)."""
    import numpy as np  # lazy: numpy only when namesakes must be told apart

    s, w, n, e = box
    lat = np.asarray(lat, dtype=float)
    lon = np.asarray(lon, dtype=float)
    return haversine_km(lat, lon, np.clip(lat, s, n), np.clip(lon, w, e))


class _Ranker(_Index):
    """Ranking half of the matcher (mixed into :class:`Gazetteer`)."""

    _region: Box | None = None
    _default_region: Box | None = None
    _region_box: Box | None = None
    _region_km: list[float] = []
    _rank0: tuple[Box, list[float | None], Any] | None = None

    @property
    def region(self) -> Box:
        """The area of interest ``(south, west, north, east)`` used when ``near`` is not given.

        ``settings.gazetteer_region`` when set, else the bounds of the bundled
        Syrian places. Set it (e.g. to a timeline's bounds) to prefer another area.

        Examples
        --------
        >>> from geozones import Gazetteer
        >>> s, w, n, e = Gazetteer.default().region
        >>> s < 35.9 < n and w < 36.6 < e     # Idlib is inside
        True
        """
        configured = getattr(settings, "gazetteer_region", None)
        if self._region is not None:
            box = self._region
        elif configured:
            box = tuple(float(v) for v in configured)  # type: ignore[assignment]
        else:
            if self._default_region is None:
                self._default_region = self._country_box("SY") or (-90.0, -180.0, 90.0, 180.0)
            box = self._default_region
        return self._set_region_box(box)

    @region.setter
    def region(self, box: Box | None) -> None:
        from ._query import _check_near  # the same checks as near=

        self._region = None if box is None else _as_box(_check_near(box))
        self._memo.clear()

    def country_bounds(self, countries: Iterable[str]) -> Box | None:
        """The box ``(south, west, north, east)`` around the places of ``countries``.

        None when the gazetteer holds no place of any of them. A spec's compiler
        uses it as the regional prior of a timeline about those countries.

        Examples
        --------
        >>> from geozones import Gazetteer
        >>> s, w, n, e = Gazetteer.default().country_bounds(["SY"])
        >>> s < 35.9 < n and w < 36.6 < e     # Idlib is inside
        True
        >>> Gazetteer.default().country_bounds(["XX"]) is None
        True
        """
        boxes = [b for b in (self._country_box(str(cc).upper()) for cc in countries) if b]
        if not boxes:
            return None
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )

    def _country_box(self, cc: str) -> Box | None:
        n = len(self._lat)
        cached = self._country_boxes.get(cc)
        if cached is not None and cached[0] == n:  # entries added since: compute again
            return cached[1]
        mask = list(map(cc.__eq__, self._country))  # C loops: this runs on the first look-up
        lat = list(compress(self._lat, mask))
        lon = list(compress(self._lon, mask))
        box = (min(lat), min(lon), max(lat), max(lon)) if lat else None
        self._country_boxes[cc] = (n, box)
        return box

    def _set_region_box(self, box: Box) -> Box:
        if box != self._region_box:  # a new region: its distances are computed on first need
            self._region_box, self._region_km = box, []
        return box

    def _ranked(
        self, cands: dict[int, tuple[float, int]], near: Any, country: str | None, top: int
    ) -> list[tuple[int, int, float]]:
        """The ``top`` best ``(entry, variant, score)``; far guesses scored down."""
        if len(cands) == 1:
            ((e, (s, vi)),) = cands.items()
            if s < _INEXACT and self._far_km(e, near, country) > FAR_KM:
                s *= FAR_FACTOR
            return [(e, vi, s)]
        box = self._search_box(near, country)
        point = near is not None and len(near) == 2
        dist = self._distances(box, cands)
        imp, ccs = self._importance, self._country
        ranked = []
        for e, (s, vi) in cands.items():
            d = dist.get(e, 0.0)
            if s < _INEXACT and d > FAR_KM:
                s *= FAR_FACTOR
            # among guesses, spelling similarity counts more than size
            r = s + _W_IMPORTANCE * imp[e] * (1.0 if s >= _INEXACT else 0.25)
            if country is None and ccs[e] == "SY":
                r += _SYRIA_BONUS
            elif s < _INEXACT:
                r -= _FOREIGN_INEXACT  # a foreign place must be named, not guessed
            if point:
                r += _W_NEAR * math.exp(-d / _NEAR_KM)
            elif d:
                r += _W_PRIOR * (math.exp(-d / _PRIOR_KM) - 1.0)  # 0 inside the region
            ranked.append((-r, e, vi, s))
        ranked.sort()
        return [(e, vi, s) for _, e, vi, s in ranked[:top]]

    def _default_rank_list(self) -> list[float | None]:
        """Per entry, what :meth:`_ranked` adds to an exact score with default options
        (importance, the Syria bonus, the prior of the default region), or None where
        not computed yet (:meth:`_fill_default_rank`); a new region starts a new list."""
        # the region follows from these two: the hot path skips the region property (a
        # setting given as a list never compares equal to the tuple kept: the slow path)
        conf = getattr(settings, "gazetteer_region", None)
        rank0 = self._rank0
        if rank0 is None or rank0[2] != (self._region, conf):
            box = self.region
            if rank0 is None or rank0[0] != box:
                rank0 = (box, [None] * len(self._lat), None)
            kept = (self._region, None if conf is None else tuple(conf))
            self._rank0 = rank0 = (box, rank0[1], kept)
        ranks = rank0[1]
        if len(ranks) < len(self._lat):  # entries added since
            ranks.extend([None] * (len(self._lat) - len(ranks)))
        return ranks

    def _fill_default_rank(self, e: int) -> float:
        """Compute and keep entry ``e``'s default rank (no numpy: the exact path stays light)."""
        box, ranks, _ = self._rank0  # type: ignore[misc]
        r = _W_IMPORTANCE * self._importance[e]
        if self._country[e] == "SY":
            r += _SYRIA_BONUS
        s, w, n, e_ = box
        lat, lon = self._lat[e], self._lon[e]
        if not (s <= lat <= n and w <= lon <= e_):
            d = haversine_km(lat, lon, min(max(lat, s), n), min(max(lon, w), e_))
            if d:
                r += _W_PRIOR * (math.exp(-d / _PRIOR_KM) - 1.0)
        ranks[e] = r
        return r

    def _distances(self, box: Box, ents: Any) -> dict[int, float]:
        """Distance (km) from the box of the entries outside it (no trigonometry for the rest).

        For the default region the distances of all entries are computed once, in one
        vectorized call, and looked up after that.
        """
        s, w, n, e_ = box
        lat, lon = self._lat, self._lon
        out = [e for e in ents if not (s <= lat[e] <= n and w <= lon[e] <= e_)]
        if not out:
            return {}
        if box == self._region_box:
            km = self._region_km
            if len(km) < len(lat):  # entries added since: extend for them
                km.extend(_box_km(box, lat[len(km) :], lon[len(km) :]).tolist())
            return {e: km[e] for e in out}
        d = _box_km(box, [lat[e] for e in out], [lon[e] for e in out]).tolist()
        return dict(zip(out, d, strict=True))

    def _search_box(self, near: Any, country: Any) -> Box:
        """The region a question searches: ``near=``, else the countries asked for
        (``country=``: a guess inside them is no far guess), else :attr:`region`."""
        if near is not None:
            return _as_box(near)
        if country:
            box = self.country_bounds(country)
            if box is not None:
                return box
        return self.region

    def _far_km(self, e: int, near: Any, country: Any = None) -> float:
        box = self._search_box(near, country)
        return self._distances(box, (e,)).get(e, 0.0)

    def _warn_if_far(self, name: str, e: int, score: float, near: Any, country: Any = None) -> None:
        """FarGuessWarning when the inexact best match, entry ``e``, is far from the region."""
        d = self._far_km(e, near, country)
        if d > FAR_KM:
            warnings.warn(
                f"{name!r} matched {self._name[e]!r} ({self._country[e] or self._kind[e]}) only "
                f"inexactly, {d:,.0f} km from the region searched; its score is lowered to "
                f"{round(float(score), 4):.2f}. Check it, or pass near=(lat, lon) or country=",
                FarGuessWarning,
                stacklevel=4,
            )
