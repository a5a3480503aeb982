"""The calendar time axis of a map: change days, the state of each, events, the axis' range.

The rules (in force on a day, change days, events per day) live on
:class:`~geozones.timeline.Timeline`; this module evaluates them in Python and
hands the runtime their results: for every change day the positions of the
features in force from that day on. The runtime only looks up the last change
day on or before the day asked for (none: the empty state before the first
change), so any day shows exactly ``Timeline.at(day)``.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

import numpy as np

from ..timeline import in_force_matrix

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from ..timeline import Timeline

#: Milliseconds between two steps when the time axis plays.
PLAY_INTERVAL_MS = 900


def states(frame: gpd.GeoDataFrame, days: list[str]) -> list[list[int]]:
    """For each day, the positions (rows of ``frame``) in force on it.

    Examples
    --------
    >>> import pandas as pd, geopandas as gpd
    >>> f = gpd.GeoDataFrame({"start_date": pd.to_datetime(["2020-01-01", "2020-02-01"]),
    ...                       "end_date": pd.to_datetime(["2020-01-31", None])})
    >>> states(f, ["2019-12-31", "2020-01-01", "2020-02-01"])
    [[], [0], [1]]
    """
    if not days or not len(frame):
        return [[] for _ in days]
    matrix = in_force_matrix(frame["start_date"], frame["end_date"], days)
    return [np.flatnonzero(row).tolist() for row in matrix]


def time_config(
    timeline: Timeline, ordered: gpd.GeoDataFrame, day: _dt.date | None
) -> dict[str, Any] | None:
    """The time control's configuration (``ordered``: the features in embedding order)."""
    if day is not None:
        iso = day.isoformat()
        return {
            "fixed": iso,
            "days": [iso],
            "states": states(ordered, [iso]),
            "events": {iso: _events(timeline, day)},
            "initial": iso,
            "axis": [iso, iso],
        }
    days = [d.isoformat() for d in timeline.change_days()]
    if not days:
        return None
    active = states(ordered, days)
    counts = np.array([len(a) for a in active])
    initial = days[int(len(counts) - 1 - np.argmax(counts[::-1]))]  # most in force, latest
    return {
        "fixed": None,
        "days": days,
        "states": active,
        "events": timeline.events_by_day(),
        "initial": initial,
        "axis": axis_range(days),
        "interval": PLAY_INTERVAL_MS,
    }


def axis_range(days: list[str]) -> list[str]:
    """First and last day of the axis: the change days with a margin, on month starts.

    The margin (a twentieth of the span, at least 30 days) leaves room to show
    the empty state before the first change and the state after the last.

    Examples
    --------
    >>> axis_range(["2017-05-06", "2020-03-06"])
    ['2017-03-01', '2020-05-01']
    """
    first, last = _dt.date.fromisoformat(days[0]), _dt.date.fromisoformat(days[-1])
    margin = _dt.timedelta(days=max(30, (last - first).days // 20))
    start, end = first - margin, last + margin
    start = start.replace(day=1)
    end = (end.replace(day=1) + _dt.timedelta(days=32)).replace(day=1)
    return [start.isoformat(), end.isoformat()]


def _events(timeline: Timeline, day: Any) -> list[dict[str, str]]:
    return [{k: str(v) for k, v in e.items()} for e in timeline.events(day)]


def initial_view(frame: gpd.GeoDataFrame, config: dict[str, Any] | None) -> gpd.GeoDataFrame:
    """The features the map opens on: those in force on the initial day (``frame`` ordered)."""
    if config is None or config["fixed"] is not None or not len(frame):
        return frame
    on = config["states"][config["days"].index(config["initial"])]
    return frame.iloc[on] if on else frame
