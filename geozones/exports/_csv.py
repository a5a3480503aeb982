"""The CSV of the gazetteer places a timeline's spec named."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import settings

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from ..timeline import Timeline

#: Columns of the places CSV.
PLACE_COLUMNS = ("name", "lat", "lon", "kind", "source", "source_id", "admin", "country")


def unique_places(places: list[Any]) -> list[Any]:
    """The places without repeats (same name, source, id and point), first seen order.

    These are the rows of the places CSV (``export(tl, "places.csv")``).

    Parameters
    ----------
    places : list of Place
        E.g. ``Timeline.places``, the gazetteer places a spec named.

    Returns
    -------
    list of Place

    Examples
    --------
    >>> from geozones.place import Place
    >>> a = Place("Saraqib", 35.8641, 36.8054, source="ocha-cod", source_id="C4179")
    >>> [p.name for p in unique_places([a, a])]
    ['Saraqib']
    """
    seen: set[tuple[Any, ...]] = set()
    out = []
    for place in places:
        key = (place.name, place.source, place.source_id, place.lat, place.lon)
        if key not in seen:
            seen.add(key)
            out.append(place)
    return out


def write_csv(timeline: Timeline, feats: gpd.GeoDataFrame, path: Path) -> None:
    """The places the timeline's spec named, one row each (first seen order, no repeats)."""
    digits = int(settings.coordinate_precision)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(PLACE_COLUMNS)
        for place in unique_places(timeline.places):
            writer.writerow(
                [
                    place.name,
                    round(float(place.lat), digits),
                    round(float(place.lon), digits),
                    place.kind,
                    place.source,
                    place.source_id,
                    " > ".join(place.admin),
                    place.country,
                ]
            )
