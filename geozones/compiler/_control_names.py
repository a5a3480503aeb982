"""Ambiguous names of a control table: a row's name that fits several places of the
gazetteer, kilometres apart, is read by a rule (the one nearest the previous row's place,
or the compiler's ranking for the first row); the compile says so in an
:class:`~geozones.control.AmbiguousPlaceWarning` with the candidates and how to pin it
(``control: places``), instead of choosing silently. The rules themselves
(:func:`_table_place`, :func:`_village`) are here too; ``_control`` applies them.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import shapely

from .. import settings
from .._text import fold
from ..control._table import VILLAGE_MAX_M, AmbiguousPlaceWarning, Row
from ..errors import GeozonesError, SpecError
from ..projection import buffer, haversine_m
from ._context import _Context
from ._ops_names import MIN_PLACE_SCORE, _resolve

#: How many exact matches of a name are looked at (a name rarely fits more).
_TOP = 12


class NameChecks:
    """The places a control table's rows resolved to, and its ambiguous names: noted while
    the table resolves, warned about at the end (:meth:`warn`), once the table's area (the
    hull of its places) is known.

    Examples
    --------
    >>> NameChecks().warn()  # nothing noted: nothing said
    []
    """

    def __init__(self) -> None:
        self.points: list[tuple[float, float]] = []
        self._pending: list[tuple[str, Any, list[Any], Row, str]] = []
        self._seen: set = set()

    def place(self, lon: float, lat: float) -> None:
        """Note a place a row resolved to (pinned or not): it spans the table's area."""
        self.points.append((lon, lat))

    def area(self, cells: Any, events: list) -> None:
        """Note the cells the table's baselines and captures name: they span its area."""
        idx = [ev.cells for ev in events if len(ev.cells)]
        if idx:
            lons, lats = cells.centroid_lonlat
            used = np.unique(np.concatenate(idx))
            self.points.extend(zip(lons[used].tolist(), lats[used].tolist(), strict=True))

    def note(self, ctx: _Context, name: str, place: Any, row: Row, why: str) -> None:
        """Note a row's name not pinned by ``places:`` (once per name and choice), with the
        places farther than ``settings.control_name_same_m`` it fits too."""
        key = (fold(name), round(float(place.lon), 4), round(float(place.lat), 4))
        if key in self._seen:
            return
        self._seen.add(key)
        others = _others(ctx, name, place)
        if others:
            self._pending.append((name, place, others, row, why))

    def warn(self) -> list[str]:
        """Warn (:class:`AmbiguousPlaceWarning`) about each name that fits another place
        within the table's area (the hull of its places, buffered by
        ``settings.control_name_area_m``); the messages, in row order."""
        if not self._pending:
            return []
        inside = _area_test(self.points)
        said = []
        for name, place, others, row, why in self._pending:
            near = [(c, d) for c, d in others if inside(c.lon, c.lat)]
            if near:
                said.append(_message(name, place, near, row, why))
                warnings.warn(AmbiguousPlaceWarning(said[-1]), stacklevel=3)
        return said


def _area_test(points: list[tuple[float, float]]) -> Any:
    """inside(lon, lat) → whether a point lies in the hull of ``points`` buffered by
    ``settings.control_name_area_m`` (in a projection centred on them)."""
    hull = shapely.MultiPoint(points).convex_hull
    area = buffer(hull, settings.control_name_area_m)
    shapely.prepare(area)
    return lambda lon, lat: bool(area.contains(shapely.Point(lon, lat)))


def _others(ctx: _Context, name: str, place: Any) -> list[tuple[Any, float]]:
    """The exact (or folded) matches of ``name`` farther than the threshold from ``place``,
    one per place, with their distance (km) from it; the same kind as the chosen one when it
    is a town or village (the table reads a town before any other kind of place)."""
    candidates = getattr(ctx.gazetteer, "candidates", None)
    if candidates is None or settings.control_name_same_m <= 0:
        return []  # a user's own gazetteer object: nothing to compare with
    kind = "populated place" if place.kind == "populated place" else None
    opts = {"country": ctx.spec.country} if ctx.spec.country else {}
    try:
        found = candidates(name, top=_TOP, kind=kind, fuzzy=False, **opts)
    except Exception:  # noqa: BLE001 - a check must never break a compile that works
        return []
    same = settings.control_name_same_m
    kept: list[tuple[Any, float]] = []
    for cand in found:
        if cand.score < MIN_PLACE_SCORE:
            continue
        dist = haversine_m(place.lat, place.lon, cand.lat, cand.lon)
        near_kept = any(haversine_m(k.lat, k.lon, cand.lat, cand.lon) <= same for k, _ in kept)
        if dist > same and not near_kept:
            kept.append((cand, dist / 1000))
    return kept


def _describe(place: Any) -> str:
    """``'Afrin' (Haritan, Jebel Saman, Aleppo; C1131)``: name, admin areas, code."""
    admin = [a for a in reversed(tuple(place.admin or ())[1:]) if a]
    code = place.source_id if place.source == "ocha-cod" else f"{place.lat:.4f}, {place.lon:.4f}"
    where = ", ".join(admin)
    matched = getattr(place, "matched", None)
    alias = f"; as {matched!r}" if matched and fold(matched) != fold(place.name) else ""
    return f"{place.name!r} ({where + '; ' if where else ''}{code}{alias})"


def _pin(name: str, place: Any) -> str:
    """The ``places:`` line that pins ``name`` to ``place``."""
    if place.source == "ocha-cod":
        return f"{name}: {place.source_id}"
    return f"{name}: {{lat: {place.lat:.4f}, lon: {place.lon:.4f}}}"


def _message(name: str, place: Any, others: list[tuple[Any, float]], row: Row, why: str) -> str:
    date = row.fields.get("date") or row.fields.get("from") or "?"
    cands = "; ".join(f"{_describe(c)} {d:.0f} km away" for c, d in others)
    return (
        f"{row.where}: the row of {date} names {name!r}, which fits {len(others) + 1} places "
        f"of the gazetteer: chosen {_describe(place)}, {why}; also {cands}. "
        f"Pin the one meant in the spec's 'control: places:' mapping, e.g. "
        f"'{_pin(name, place)}' or '{_pin(name, others[0][0])}' (a code, or {{lat, lon}})"
    )


# --- how a row's name is read (the rules the warning explains) -----------------------------


def _table_place(ctx: _Context, name: str, row: Row, last: Any) -> tuple[Any, str]:
    """The place of a row's name and why it was chosen (for a warning)."""
    if last is not None:
        place = _near(ctx, name, last[:2])
        if place is not None:
            return place, f"the one nearest the previous row's place ({last[2]!r}, {last[3]})"
    try:  # the first row, or no exact match: the compiler's own rules and messages
        place = _resolve(ctx, name, row.line)
    except SpecError as exc:
        raise row.error(exc.message, exc.hint) from None
    return place, (
        "the gazetteer's best match (no row before it)"
        if last is None
        else "the gazetteer's best match (no exact match near the previous row's place)"
    )


def _near(ctx: _Context, name: str, near: tuple[float, float]) -> Any:
    """The exact match of ``name`` nearest to ``near`` (lon, lat), or None; a town or
    village before any other kind of place (a subdistrict named after its town)."""
    opts = {"country": ctx.spec.country} if ctx.spec.country else {}
    candidates = getattr(ctx.gazetteer, "candidates", None)
    for kind in ("populated place", None):
        try:
            if candidates is not None:  # no typo search: only an exact match is taken
                found = candidates(
                    name, top=1, near=(near[1], near[0]), kind=kind, fuzzy=False, **opts
                )
                if not found:
                    continue
                place = found[0]
            else:  # a user's own gazetteer object
                place = ctx.gazetteer.geocode(
                    name, top=1, near=(near[1], near[0]), kind=kind, **opts
                )
        except GeozonesError:
            continue
        if place.score >= MIN_PLACE_SCORE:
            return place
    return None


def _village(ctx: _Context, name: str, near: tuple[float, float], row: Row) -> Any:
    place = _near(ctx, name, near)
    if place is None:
        raise row.error(f"no exact match for the village {name!r} of the reach")
    dist = haversine_m(near[1], near[0], place.lat, place.lon)
    if dist > VILLAGE_MAX_M:
        raise row.error(
            f"village {name!r} of the reach lies {dist / 1000:.0f} km from the place",
            "check the name, or write it as its own event",
        )
    return place
