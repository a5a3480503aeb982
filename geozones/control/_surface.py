"""The control surface: who holds each cell on each change day, from dated events.

Events are applied in date order (file order within a day); the latest event that
covers a cell gives its holder. The holder table is a numpy array (change days × cells)
built one day at a time with array assignments, never a Python loop over cells.

Reports name towns, not every village between them, so a capture moves more than its
own cells: the cells on the straight way from the party's nearest held cell to the town
(``settings.control_advance_max_m``), and the ground its offensive encloses: the convex
hull of the party's captures of the last ``settings.control_offensive_days`` days within
``settings.control_offensive_reach_m`` of the day's, with its front cell nearest each
(see ``_offensive``; only the losers' cells change hands). Then every pocket the front
passed goes to the party around it, unless a report describes it as besieged
(``_enclaves``).

Reports outrank inference: the way, the hull and the pocket rule are what the rules infer,
so they never take a cell that a report fixes on that day. A cell is fixed on day d when a holding
report (a baseline) of day d names it, whatever the order of the day's rows, or when a
siege (``besieged:``) covers it on d. Such a cell changes hands on d only by a capture
that names it (its own cells, or the villages of its reach); on later days the rules
apply to it again (a holding report of day d says nothing of d + 1).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely

from .. import settings
from ._cells import Cells
from ._enclaves import NOBODY, Siege, besieged_on, fill_enclaves, lifted_on, siege_days
from ._offensive import Taken, advance_cells, front_point, offensive_cells

__all__ = ["ENCLOSED", "NOBODY", "ControlEvent", "ControlSurface", "Holding"]

#: Event code of a cell given to the party around it (an enclave the front passed).
ENCLOSED = -2


def _or(value: float | None, default: float) -> float:
    """``value``, or the setting's ``default`` when None."""
    return default if value is None else value


@dataclass(frozen=True)
class ControlEvent:
    """One dated change of control (or a baseline) over a set of cells.

    Parameters
    ----------
    date : datetime.date
        The day from which ``party`` holds the cells.
    party : str
        A declared party.
    cells : ndarray of int
        The cells it covers.
    kind : str
        ``"capture"`` or ``"baseline"``.
    place : str
        What it was written about (a place name, a point).
    reach : str
        How far it reaches, as written ("" = the place's own cell).
    source : dict
        ``url``, ``title``, ``publisher``, ``published``, ``quote``, ``notes`` …
    at : (lon, lat), optional
        The place's point: a capture also takes the cells on the straight way from
        the capturing party's nearest held cell to it (see ``ControlSurface``).

    Examples
    --------
    >>> import datetime, numpy as np
    >>> ControlEvent(datetime.date(2020, 1, 28), "government", np.array([3])).kind
    'capture'
    """

    date: _dt.date
    party: str
    cells: np.ndarray = field(repr=False)
    kind: str = "capture"
    place: str = ""
    reach: str = ""
    source: dict[str, Any] = field(default_factory=dict)
    at: tuple[float, float] | None = None


@dataclass(frozen=True)
class Holding:
    """Who held a place on a day: the answer of ``Timeline.control_at``.

    ``holder`` is None where no baseline or event covers the place (or before the
    first one); ``since`` is the first day of the holder's unbroken hold as far as the
    table goes; ``event`` is the capture (or baseline) that gave it, with its source,
    or None with ``enclosed`` True when the cell was an enclave the front passed (its
    neighbours all fell to the holder that day).

    Examples
    --------
    >>> Holding(None, None, None).holder is None
    True
    """

    holder: str | None
    since: _dt.date | None
    event: ControlEvent | None
    enclosed: bool = False

    @property
    def source(self) -> dict[str, Any]:
        """The source of the event that gave the holder ({} when none).

        Examples
        --------
        >>> Holding(None, None, None).source
        {}
        """
        return dict(self.event.source) if self.event is not None else {}


class ControlSurface:
    """The holder of every cell on every change day.

    The rules' defaults are read from :mod:`geozones.settings` when the surface is built.

    Parameters
    ----------
    cells : Cells
        The land, divided.
    parties : list of str
        Declared parties, in order (their index is the holder code).
    events : list of ControlEvent
        Baselines and captures, any order (sorted stably by date); captures dated
        before the first baseline are dropped (the baseline already includes them).
    besieged : list of (first day, last day or None, cells)
        Pockets a report describes as besieged: never given to the party around them
        while the siege lasts.
    fill_enclaves : bool
        Whether pockets the front passed go to the party around them.
    advance_max_m : float, optional
        How far behind a captured town the party's front may be for the way between
        to fall with it (0 = off). Default ``settings.control_advance_max_m``.
    offensive_reach_m : float, optional
        How far apart the captures of one offensive, and a capture and its front, may
        be for the ground they enclose to fall (0 = off; ``_offensive``). Default
        ``settings.control_offensive_reach_m``.
    offensive_days : int, optional
        How many days back the captures of one offensive reach. Default
        ``settings.control_offensive_days``.

    Examples
    --------
    >>> import datetime, numpy as np, shapely
    >>> cells = Cells.from_polygons([shapely.box(i, 0, i + 1, 1) for i in range(3)])
    >>> d = datetime.date
    >>> s = ControlSurface(cells, ["a", "b"], [
    ...     ControlEvent(d(2020, 1, 1), "a", np.arange(3), kind="baseline"),
    ...     ControlEvent(d(2020, 2, 1), "b", np.array([2]))])
    >>> s.holder_names(d(2020, 2, 5))
    ['a', 'a', 'b']
    """

    def __init__(
        self,
        cells: Cells,
        parties: list[str],
        events: list[ControlEvent],
        *,
        besieged: Sequence[Siege] = (),
        fill_enclaves: bool = True,
        advance_max_m: float | None = None,
        offensive_reach_m: float | None = None,
        offensive_days: int | None = None,
    ) -> None:
        self.cells = cells
        self.parties = list(parties)
        bases = [e.date for e in events if e.kind == "baseline"]
        if bases:  # a baseline sets its whole area: captures before the first are history
            events = [e for e in events if e.kind == "baseline" or e.date >= min(bases)]
        order = sorted(range(len(events)), key=lambda i: (events[i].date, i))
        self.events = [events[i] for i in order]
        self.besieged = list(besieged)
        self.fill_enclaves = fill_enclaves
        self.advance_max_m = _or(advance_max_m, settings.control_advance_max_m)
        self.offensive_reach_m = _or(offensive_reach_m, settings.control_offensive_reach_m)
        self.offensive_days = int(_or(offensive_days, settings.control_offensive_days))
        self.days = sorted({e.date for e in self.events} | siege_days(self.besieged))
        self.holders, self.event_of = self._build()

    def _build(self) -> tuple[np.ndarray, np.ndarray]:
        n_days, n_cells = len(self.days), len(self.cells)
        holders = np.full((n_days, n_cells), NOBODY, dtype=np.int16)
        event_of = np.full((n_days, n_cells), -1, dtype=np.int32)
        code = {p: i for i, p in enumerate(self.parties)}
        by_day: dict[_dt.date, list[int]] = {}
        for i, ev in enumerate(self.events):
            by_day.setdefault(ev.date, []).append(i)
        h = np.full(n_cells, NOBODY, dtype=np.int16)
        e = np.full(n_cells, -1, dtype=np.int32)
        taken: list[Taken] = []
        for k, day in enumerate(self.days):
            before = h.copy()
            last: dict[int, int] = {}
            kept = besieged_on(self.besieged, day, n_cells)
            fixed = kept | self._held_on(by_day.get(day, ()), n_cells)
            for i in by_day.get(day, ()):
                ev, party = self.events[i], code[self.events[i].party]
                self._remember(taken, before, ev, party, last, i)
                if ev.kind == "capture" and ev.at is not None:  # the way from its front
                    way = advance_cells(self.cells, h, ev.cells, ev.at, party, self.advance_max_m)
                    way = way[~fixed[way]]
                    h[way], e[way] = party, i
                h[ev.cells], e[ev.cells] = party, i
            for party, i in last.items():  # the ground the offensive encloses
                won = offensive_cells(
                    self.cells,
                    h,
                    taken,
                    day,
                    party,
                    window_days=self.offensive_days,
                    reach_m=self.offensive_reach_m,
                )
                won = won[~fixed[won]]
                h[won], e[won] = party, i
            if self.fill_enclaves:
                changed = np.flatnonzero(h != before) if k else np.arange(n_cells)
                changed = np.r_[changed, lifted_on(self.besieged, day)]  # it may fall now
                flipped = fill_enclaves(self.cells, h, changed, fixed)
                e[flipped] = ENCLOSED
            holders[k], event_of[k] = h, e
        return holders, event_of

    def _held_on(self, day_events: Sequence[int], n_cells: int) -> np.ndarray:
        """The cells a holding report (a baseline) of the day names (a boolean array)."""
        held = np.zeros(n_cells, dtype=bool)
        for i in day_events:
            if self.events[i].kind == "baseline":
                held[self.events[i].cells] = True
        return held

    def _remember(
        self,
        taken: list[Taken],
        before: np.ndarray,
        ev: ControlEvent,
        party: int,
        last: dict[int, int],
        i: int,
    ) -> None:
        """Note a capture for the offensive rule (``_offensive``), with its front and losers."""
        if ev.kind != "capture" or ev.at is None or self.offensive_reach_m <= 0:
            return
        old = before[ev.cells]
        losers = frozenset(int(c) for c in np.unique(old) if c not in (party, NOBODY))
        front = front_point(self.cells, before, party, ev.at, self.offensive_reach_m)
        taken.append(Taken(ev.date, party, ev.at, front, losers))
        last[party] = i

    def day_index(self, dates: Any) -> np.ndarray:
        """For each date, the row of the holder table in force (``-1`` before the first).

        Examples
        --------
        >>> import datetime, numpy as np, shapely
        >>> s = ControlSurface(Cells.from_polygons([shapely.box(0, 0, 1, 1)]), ["a"],
        ...     [ControlEvent(datetime.date(2020, 1, 1), "a", np.array([0]))])
        >>> s.day_index(["2019-12-31", "2020-01-01", "2021-01-01"]).tolist()
        [-1, 0, 0]
        """
        days = np.array(self.days, dtype="datetime64[D]")
        when = np.asarray(dates, dtype="datetime64[D]")
        return np.searchsorted(days, when, side="right") - 1

    def holder_codes(self, cell: np.ndarray, dates: Any) -> np.ndarray:
        """Holder codes (``-1`` = nobody) of cells on dates (arrays of one length).

        Examples
        --------
        >>> import datetime, numpy as np, shapely
        >>> s = ControlSurface(Cells.from_polygons([shapely.box(0, 0, 1, 1)]), ["a"],
        ...     [ControlEvent(datetime.date(2020, 1, 1), "a", np.array([0]))])
        >>> when = ["2019-01-01", "2020-06-01", "2020-06-01"]
        >>> s.holder_codes(np.array([0, 0, -1]), when).tolist()
        [-1, 0, -1]
        """
        cell = np.asarray(cell, dtype=np.int64)
        k = self.day_index(dates)
        out = np.full(len(cell), NOBODY, dtype=np.int16)
        ok = (k >= 0) & (cell >= 0)
        if self.days:
            out[ok] = self.holders[k[ok], cell[ok]]
        return out

    def holder_names(self, date: Any) -> list[str | None]:
        """The holder of every cell on ``date`` (party name or None).

        Examples
        --------
        >>> import datetime, numpy as np, shapely
        >>> s = ControlSurface(Cells.from_polygons([shapely.box(0, 0, 1, 1)]), ["a"],
        ...     [ControlEvent(datetime.date(2020, 1, 1), "a", np.array([0]))])
        >>> s.holder_names("2020-01-02")
        ['a']
        """
        n = len(self.cells)
        codes = self.holder_codes(np.arange(n), np.full(n, np.datetime64(str(date)[:10], "D")))
        return [self.parties[c] if c >= 0 else None for c in codes]

    def holding(self, cell: int, date: Any) -> Holding:
        """Who held ``cell`` on ``date``, since when, by which event.

        Examples
        --------
        >>> import datetime, numpy as np, shapely
        >>> s = ControlSurface(Cells.from_polygons([shapely.box(0, 0, 1, 1)]), ["a"],
        ...     [ControlEvent(datetime.date(2020, 1, 1), "a", np.array([0]))])
        >>> s.holding(0, "2020-03-01").since
        datetime.date(2020, 1, 1)
        """
        k = int(self.day_index([str(date)[:10]])[0])
        if cell < 0 or k < 0 or self.holders[k, cell] == NOBODY:
            return Holding(None, None, None)
        column = self.holders[: k + 1, cell]
        other = np.flatnonzero(column != column[k])
        start = int(other[-1]) + 1 if len(other) else 0
        i = int(self.event_of[start, cell])
        event = self.events[i] if i >= 0 else None
        return Holding(self.parties[column[k]], self.days[start], event, enclosed=i == ENCLOSED)

    def _end_of(self, k_last: int) -> _dt.date | None:
        """The last day of a run ending at row ``k_last`` (None: still in force)."""
        if k_last + 1 >= len(self.days):
            return None
        return self.days[k_last + 1] - _dt.timedelta(days=1)

    def _runs(self, keys: np.ndarray) -> list[tuple[int, int]]:
        """Runs of equal rows of a 2-d boolean array (first row, last row)."""
        if len(keys) == 0:
            return []
        change = np.r_[True, np.any(keys[1:] != keys[:-1], axis=1)]
        starts = np.flatnonzero(change)
        ends = np.r_[starts[1:] - 1, len(keys) - 1]
        return list(zip(starts.tolist(), ends.tolist(), strict=True))

    def areas(self) -> list[tuple[str, _dt.date, _dt.date | None, Any]]:
        """The area each party holds, one row per period of unchanged holdings.

        Returns
        -------
        list of (party, start, end, geometry)
            ``end`` is the last day (inclusive), None when still in force; periods
            in which a party holds nothing are left out.

        Examples
        --------
        >>> import datetime, numpy as np, shapely
        >>> cells = Cells.from_polygons([shapely.box(i, 0, i + 1, 1) for i in range(2)])
        >>> ev = ControlEvent(datetime.date(2020, 1, 1), "a", np.arange(2))
        >>> s = ControlSurface(cells, ["a"], [ev])
        >>> [(p, g.area) for p, _, _, g in s.areas()]
        [('a', 2.0)]
        """
        out = []
        for code, party in enumerate(self.parties):
            mask = self.holders == code
            for k0, k1 in self._runs(mask):
                if mask[k0].any():
                    geom = self.union(np.flatnonzero(mask[k0]))
                    out.append((party, self.days[k0], self._end_of(k1), geom))
        return out

    def union(self, cells: np.ndarray) -> Any:
        """The dissolved polygon of some cells (a MultiPolygon).

        Examples
        --------
        >>> import numpy as np, shapely
        >>> c = Cells.from_polygons([shapely.box(i, 0, i + 1, 1) for i in range(2)])
        >>> s = ControlSurface(c, [], [])
        >>> s.union(np.arange(2)).area
        2.0
        """

        geom = shapely.coverage_union_all(self.cells.geometry[cells])
        if geom.geom_type == "Polygon":
            geom = shapely.MultiPolygon([geom])
        return geom

    def front(self, k: int, between: tuple[int, int] | None = None) -> Any:
        """The contact line on row ``k`` of the holder table (only between two party codes).

        Examples
        --------
        >>> import datetime, numpy as np, shapely
        >>> cells = Cells.from_polygons([shapely.box(i, 0, i + 1, 1) for i in range(3)])
        >>> s = ControlSurface(cells, ["a", "b", "c"], [
        ...     ControlEvent(datetime.date(2020, 1, 1), "a", np.array([0])),
        ...     ControlEvent(datetime.date(2020, 1, 1), "b", np.array([1])),
        ...     ControlEvent(datetime.date(2020, 1, 1), "c", np.array([2]))])
        >>> s.front(0, (1, 2)).wkt
        'LINESTRING (2 0, 2 1)'
        """
        return self.front_of(self.front_mask(k, between))

    def front_mask(self, k: int, between: tuple[int, int] | None = None) -> np.ndarray:
        """Which shared edges are on the contact line on row ``k`` (a boolean array).

        Examples
        --------
        >>> import datetime, numpy as np, shapely
        >>> cells = Cells.from_polygons([shapely.box(i, 0, i + 1, 1) for i in range(2)])
        >>> s = ControlSurface(cells, ["a", "b"], [
        ...     ControlEvent(datetime.date(2020, 1, 1), "a", np.array([0])),
        ...     ControlEvent(datetime.date(2020, 1, 1), "b", np.array([1]))])
        >>> s.front_mask(0).tolist()
        [True]
        """
        c = self.cells
        ha, hb = self.holders[k, c.edge_a], self.holders[k, c.edge_b]
        if between is None:
            return (ha != hb) & (ha != NOBODY) & (hb != NOBODY)
        p, q = between
        return ((ha == p) & (hb == q)) | ((ha == q) & (hb == p))

    def front_of(self, mask: np.ndarray) -> Any:
        """The merged line of the shared edges selected by ``mask``.

        Examples
        --------
        >>> import numpy as np, shapely
        >>> s = ControlSurface(Cells.from_polygons([shapely.box(i, 0, i + 1, 1)
        ...                                        for i in range(2)]), [], [])
        >>> s.front_of(np.array([True])).wkt
        'LINESTRING (1 0, 1 1)'
        """

        edges = self.cells.edge_geometry[mask]
        if not len(edges):
            return shapely.MultiLineString()
        return shapely.line_merge(shapely.multilinestrings(shapely.get_parts(edges)))

    def contact_lines(self) -> list[tuple[_dt.date, _dt.date | None, Any]]:
        """The lines between cells of different holders, per period in which they stand.

        Only edges shared by two cells count, so a coast or an international border
        is never part of a contact line; a cell nobody holds has no contact line.

        Returns
        -------
        list of (start, end, geometry)
            ``geometry`` a (Multi)LineString; periods without any contact are left out.

        Examples
        --------
        >>> import datetime, numpy as np, shapely
        >>> cells = Cells.from_polygons([shapely.box(i, 0, i + 1, 1) for i in range(2)])
        >>> s = ControlSurface(cells, ["a", "b"], [
        ...     ControlEvent(datetime.date(2020, 1, 1), "a", np.array([0])),
        ...     ControlEvent(datetime.date(2020, 1, 1), "b", np.array([1]))])
        >>> s.contact_lines()[0][2].wkt
        'LINESTRING (1 0, 1 1)'
        """

        c = self.cells
        ha, hb = self.holders[:, c.edge_a], self.holders[:, c.edge_b]
        front = (ha != hb) & (ha != NOBODY) & (hb != NOBODY)
        out = []
        for k0, k1 in self._runs(front):
            edges = c.edge_geometry[front[k0]]
            if len(edges):
                parts = shapely.get_parts(edges)
                out.append(
                    (
                        self.days[k0],
                        self._end_of(k1),
                        shapely.line_merge(shapely.multilinestrings(parts)),
                    )
                )
        return out
