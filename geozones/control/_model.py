"""A timeline's compiled control: parties, the surface, its frames and answers."""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Callable
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..errors import InputError
from ._cells import Cells
from ._surface import NOBODY, ControlSurface, Holding

#: Columns of ``Timeline.control`` and ``Timeline.contact_lines``.
CONTROL_FRAME_COLUMNS = ("party", "start_date", "end_date", "geometry")
CONTACT_FRAME_COLUMNS = ("start_date", "end_date", "geometry")


class Control:
    """The control table of a timeline, compiled: who held which cell on which day.

    Parameters
    ----------
    parties : dict
        name → ``{"colour": "#rrggbb", "label": str}``, in the spec's order.
    surface : ControlSurface
    resolve : callable, optional
        name → ``(lon, lat, community code or None)``, for answers about a named place.
    alias : callable, optional
        name → the table's ``places:`` entry (a code, a ``(lat, lon)`` pair) or None.

    Examples
    --------
    >>> import datetime, numpy as np, shapely
    >>> from geozones.control import Cells, ControlEvent, ControlSurface
    >>> cells = Cells.from_polygons([shapely.box(i, 0, i + 1, 1) for i in range(2)])
    >>> ev = ControlEvent(datetime.date(2020, 1, 1), "a", np.arange(2))
    >>> c = Control({"a": {"colour": "#000000", "label": "A"}}, ControlSurface(cells, ["a"], [ev]))
    >>> c.at((0.5, 0.5), "2020-02-01").holder
    'a'
    """

    def __init__(
        self,
        parties: dict[str, dict[str, str]],
        surface: ControlSurface,
        resolve: Callable[[str], tuple[float, float, str | None]] | None = None,
        alias: Callable[[str], str | tuple[float, float] | None] | None = None,
    ) -> None:
        self.parties = dict(parties)
        self.surface = surface
        self._resolve = resolve
        self._alias = alias

    @property
    def days(self) -> list[_dt.date]:
        """The change days of the control table, sorted.

        Examples
        --------
        >>> Control({}, ControlSurface(_empty_cells(), [], [])).days
        []
        """
        return list(self.surface.days)

    # --- geometry of one day ------------------------------------------------------------

    def area(self, party: str, date: Any, *, within: np.ndarray | None = None) -> Any:
        """The area ``party`` holds on ``date`` (a MultiPolygon, empty when none).

        ``within``: only these cells (indices), e.g. those of an agreement's outline.

        Examples
        --------
        >>> Control({}, ControlSurface(_empty_cells(), [], [])).area("a", "2020-01-01").is_empty
        True
        """

        s = self.surface
        k = int(s.day_index([_day(date).isoformat()])[0])
        if k < 0 or party not in s.parties:
            return shapely.MultiPolygon()
        code = s.parties.index(party)
        if within is None:
            return self._area_row(code, int(self._run_starts(code)[k]), None)
        inside = np.zeros(len(s.cells), dtype=bool)
        inside[within] = True
        key = id(within)
        self._within[key] = inside  # keep the mask alive for the cache key
        return self._area_row(code, int(self._run_starts(code, key)[k]), key)

    @functools.cached_property
    def _within(self) -> dict[int, np.ndarray]:
        return {}

    @functools.lru_cache(maxsize=256)  # noqa: B019 - one Control per compiled timeline
    def _run_starts(self, code: int, within: int | None = None) -> np.ndarray:
        """For each row, the first row of the run of days with the same area of ``code``."""
        held = self.surface.holders == code
        if within is not None:
            held = held & self._within[within][None, :]
        out = np.zeros(len(self.surface.days), dtype=np.int64)
        for k0, k1 in self.surface._runs(held):
            out[k0 : k1 + 1] = k0
        return out

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one Control per compiled timeline
    def _area_row(self, code: int, k: int, within: int | None) -> Any:

        held = self.surface.holders[k] == code
        if within is not None:
            held = held & self._within[within]
        cells = np.flatnonzero(held)
        return self.surface.union(cells) if len(cells) else shapely.MultiPolygon()

    def contact_line(self, date: Any, between: tuple[str, str] | None = None) -> Any:
        """The contact line on ``date`` (a (Multi)LineString, empty when none).

        ``between``: only the line between these two parties.

        Examples
        --------
        >>> Control({}, ControlSurface(_empty_cells(), [], [])).contact_line("2020-01-01").is_empty
        True
        """

        s = self.surface
        k = int(s.day_index([_day(date).isoformat()])[0])
        if k < 0:
            return shapely.MultiLineString()
        codes = None
        if between is not None:
            unknown = [p for p in between if p not in s.parties]
            if unknown:
                raise InputError(f"unknown parties {unknown}; use {', '.join(s.parties)}")
            codes = (s.parties.index(between[0]), s.parties.index(between[1]))
        mask = s.front_mask(k, codes)
        key = (codes, np.packbits(mask).tobytes())  # an unchanged line: the same object
        if key not in self._fronts:
            self._fronts[key] = s.front_of(mask)
        return self._fronts[key]

    @functools.cached_property
    def _fronts(self) -> dict[tuple, Any]:
        return {}

    @functools.cached_property
    def _lines(self) -> list[tuple[_dt.date, _dt.date | None, Any]]:
        return self.surface.contact_lines()

    # --- frames -------------------------------------------------------------------------

    @functools.cached_property
    def frame(self) -> Any:
        """GeoDataFrame: party, start_date, end_date (inclusive, NaT = open), geometry.

        Examples
        --------
        >>> list(Control({}, ControlSurface(_empty_cells(), [], [])).frame.columns)
        ['party', 'start_date', 'end_date', 'geometry']
        """
        rows = [(p, a, b, g) for p, a, b, g in self.surface.areas() if p in self.parties]
        return _frame(CONTROL_FRAME_COLUMNS, rows)

    @functools.cached_property
    def contact_frame(self) -> Any:
        """GeoDataFrame of the contact lines: start_date, end_date, geometry.

        Examples
        --------
        >>> len(Control({}, ControlSurface(_empty_cells(), [], [])).contact_frame)
        0
        """
        return _frame(CONTACT_FRAME_COLUMNS, self._lines)

    # --- answers ------------------------------------------------------------------------

    def at(self, place_or_point: Any, date: Any) -> Holding:
        """Who held a place (name, ``(lat, lon)``, shapely Point or Place) on ``date``.

        Examples
        --------
        >>> Control({}, ControlSurface(_empty_cells(), [], [])).at((35.0, 36.0), "2020-01-01")
        Holding(holder=None, since=None, event=None, enclosed=False)
        """
        cell = self._cell(place_or_point)
        return self.surface.holding(cell, _day(date).isoformat())

    def place_alias(self, name: str) -> str | tuple[float, float] | None:
        """What the control table's ``places:`` gives a name: a gazetteer code, a
        ``(lat, lon)`` pair, or None for a name it does not list (the gazetteer's then).

        Examples
        --------
        >>> c = Control({}, ControlSurface(_empty_cells(), [], []), alias=lambda n: "C1039")
        >>> c.place_alias("Kafr Halab")
        'C1039'
        """
        return self._alias(name) if self._alias is not None else None

    def holders(self, lons: Any, lats: Any, dates: Any) -> np.ndarray:
        """The holder (party name or None) of each point on its date, vectorized.

        Examples
        --------
        >>> Control({}, ControlSurface(_empty_cells(), [], [])).holders([36.0], [35.0],
        ...     ["2020-01-01"]).tolist()
        [None]
        """
        s = self.surface
        cells = s.cells.locate(lons, lats)
        when = np.asarray(
            [str(d)[:10] for d in np.asarray(dates, dtype=object)], dtype="datetime64[D]"
        )
        codes = s.holder_codes(cells, when)
        names = np.array([*s.parties, None], dtype=object)
        return names[np.where(codes == NOBODY, len(s.parties), codes)]

    def _cell(self, where: Any) -> int:

        code = None
        if isinstance(where, str):
            if self._resolve is None:
                raise InputError("this timeline cannot resolve place names; give (lat, lon)")
            lon, lat, code = self._resolve(where)
        elif hasattr(where, "lat") and hasattr(where, "lon"):
            lon, lat = float(where.lon), float(where.lat)
            if getattr(where, "source", "") == "ocha-cod":
                code = where.source_id
        elif isinstance(where, shapely.Geometry) and where.geom_type == "Point":
            lon, lat = where.x, where.y
        elif isinstance(where, (tuple, list)) and len(where) == 2:
            lat, lon = float(where[0]), float(where[1])
        else:
            raise InputError(
                "control_at takes a place name, a (lat, lon) tuple, a shapely Point or a "
                f"Place, not {type(where).__name__}"
            )
        cells = self.surface.cells
        known = cells.of_community(code) if code else None
        if known is not None:
            return int(known)
        return int(cells.locate([lon], [lat])[0])


def _day(date: Any) -> _dt.date:
    if isinstance(date, _dt.datetime):
        return date.date()
    if isinstance(date, _dt.date):
        return date
    try:
        return _dt.date.fromisoformat(str(date).strip()[:10])
    except ValueError:
        raise InputError(f"date {date!r} is not a date; write it as YYYY-MM-DD") from None


def _frame(columns: tuple[str, ...], rows: list[tuple]) -> Any:

    data = {c: [r[i] for r in rows] for i, c in enumerate(columns[:-1])}
    frame = pd.DataFrame(data, columns=list(columns[:-1]))
    for col in ("start_date", "end_date"):
        frame[col] = pd.to_datetime(frame[col]).astype("datetime64[ns]")
    return gpd.GeoDataFrame(frame, geometry=[r[-1] for r in rows], crs="EPSG:4326")


def empty_frames() -> tuple[Any, Any]:
    """The control and contact-line frames of a timeline without a control table.

    Examples
    --------
    >>> [len(f) for f in empty_frames()]
    [0, 0]
    """
    return _frame(CONTROL_FRAME_COLUMNS, []), _frame(CONTACT_FRAME_COLUMNS, [])


def _empty_cells() -> Any:

    return Cells.from_polygons([])
