"""The time axis of a map: its days, the events of each, and the day it opens on.

The rules (in force on a day, change days, events per day) live on
:class:`~geozones.timeline.Timeline`; this module only arranges them for the runtime.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from ..timeline import Timeline


def time_config(
    timeline: Timeline, frame: gpd.GeoDataFrame, slices: list[str], day: _dt.date | None
) -> dict[str, Any] | None:
    """The time control's configuration: one fixed day, or the slices and their events."""
    if day is not None:
        iso = day.isoformat()
        return {
            "fixed": iso,
            "slices": [iso],
            "initial": 0,
            "events": {iso: _events(timeline, day)},
        }
    if not slices:
        return None
    return {
        "fixed": None,
        "slices": slices,
        "initial": initial_slice(timeline, frame, slices),
        "events": timeline.events_by_day(slices),
        "interval": 1200,
    }


def _events(timeline: Timeline, day: Any) -> list[dict[str, str]]:
    return [{k: str(v) for k, v in e.items()} for e in timeline.events(day)]


def initial_slice(timeline: Timeline, frame: gpd.GeoDataFrame, slices: list[str]) -> int:
    """The slice with the most features of ``frame`` in force (the latest on a tie)."""
    import numpy as np

    active = timeline.in_force_matrix(slices)[:, _positions(timeline, frame)]
    counts = active.sum(axis=1)
    return int(len(counts) - 1 - np.argmax(counts[::-1]))


def initial_view(
    timeline: Timeline, frame: gpd.GeoDataFrame, config: dict[str, Any] | None
) -> gpd.GeoDataFrame:
    """The features the map opens on: those in force on the slider's first position."""
    if config is None or config["fixed"] is not None or not len(frame):
        return frame
    day = config["slices"][config["initial"]]
    active = timeline.in_force(day).reindex(frame.index, fill_value=False)
    return frame.loc[active] if active.any() else frame


def _positions(timeline: Timeline, frame: gpd.GeoDataFrame) -> Any:
    """Which rows of ``timeline.features`` are in ``frame`` (a subset of it), as a mask."""
    return timeline.features.index.isin(frame.index)
