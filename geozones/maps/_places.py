"""The places of the basemap: every bundled community, one display name each, every spelling.

The runtime labels them on a canvas with collision handling (a label is drawn
only where it overlaps no label of a more important place) and searches them by
any spelling the gazetteer knows (English, Arabic, press and Turkish variants,
the OCHA P-code).

**One display name per place.** A place the timeline's spec names is shown by
the spelling the timeline writes most often — in its place expressions and
in its texts (feature and agreement names, notes) — so the basemap says what
the popups say ("Morek", not OCHA's "Murak"; "Idlib", "Saraqib" where OCHA
writes "Idleb", "Saraqab"); any other place by its gazetteer name. Every
other spelling stays searchable.

Examples
--------
>>> places = place_table(load_timeline())                   # doctest: +SKIP
>>> len(places["name"])                                       # doctest: +SKIP
5263
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely

from ..errors import GeozonesError

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from ..timeline import Timeline

#: Gazetteer importance (about log10 of the population) of a "large" town: shown on
#: any map (also outside the bundled communities), labelled first.
LARGE_TOWN_IMPORTANCE = 5.0

#: Decimals of the places' coordinates (4 ≈ 11 m: a label's position, not a survey).
PLACE_DECIMALS = 4

#: The bundled communities (the gazetteer source whose places the basemap labels).
COMMUNITY_SOURCE = "ocha-cod"

_CODE_LIKE = re.compile(r"^[A-Z]{1,3}\d{3,}$")


def place_table(
    timeline: Timeline,
    frame: gpd.GeoDataFrame,
    *,
    communities: bool = True,
    skip: Sequence[int] = (),
) -> dict[str, list[Any]]:
    """Columns of the basemap's places: name, lon, lat, rank, importance, spellings.

    ``rank`` 1 is a governorate seat, 2 a district seat, 3 a large town, 0 any
    other community. The bundled communities are all kept when any of them lies
    within reach of the features (so a map of north-west Syria can be panned to
    any Syrian village); large towns only within reach. ``communities=False``: the large
    towns only (a map of another country's spec). ``skip``: entry indices left out (the
    places a spec declares, drawn by :func:`declared_place_table`).
    """
    empty: dict[str, list[Any]] = {k: [] for k in ("name", "lon", "lat", "rank", "imp", "alt")}
    try:
        from ..gazetteer import Gazetteer  # optional part of the project
    except ModuleNotFoundError:  # pragma: no cover - a stripped install
        return empty
    try:
        gz = Gazetteer.default()
    except GeozonesError:  # pragma: no cover - no bundled data
        return empty
    index = _candidates(gz, frame, communities, skip)
    if not len(index):
        return empty
    importance = np.asarray(gz.importance, dtype=float)[index]
    table = _table(timeline, gz, index, importance)
    table["rank"] = [_rank(gz.place(int(i)), imp) for i, imp in zip(index, importance, strict=True)]
    return by_priority(table)


#: Most places a spec's declared places put on a map (the most populous are kept): the
#: page stays a few megabytes whatever the size of the places files.
MAX_DECLARED_PLACES = 10_000

#: Population from which a declared place is labelled at regional zooms (rank 2).
TOWN_POPULATION = 10_000


def declared_place_table(
    timeline: Timeline, gazetteer: Any, index: Sequence[int], limit: int = MAX_DECLARED_PLACES
) -> tuple[dict[str, list[Any]], int]:
    """Columns of the places a spec declares (:func:`place_table`'s), the largest first;
    and how many places there were before the cut.

    ``rank`` 1 is a place of 100,000 people or more (labelled at any zoom, like a
    governorate seat), 2 one of :data:`TOWN_POPULATION` or more or a place the spec names
    (labelled from regional zooms, like a district seat), 0 any other; ``imp`` is log10
    of the population (at least 2), so big towns win the label collisions. At most
    ``limit`` rows (the highest ranked) are kept.

    Examples
    --------
    >>> gz = Gazetteer.default()                                      # doctest: +SKIP
    >>> declared_place_table(tl, gz, [0, 1])[0]["name"]               # doctest: +SKIP
    ['Aleppo', 'Idlib']
    """
    entries = np.asarray(index, dtype=int)
    named = {(p.source, str(p.source_id)) for p in timeline.places}
    places = [gazetteer.place(int(i)) for i in entries]
    population = np.array([float(p.population or 0) for p in places])
    importance = np.round(np.log10(np.maximum(population, 100.0)), 2)
    rank = np.where(importance >= LARGE_TOWN_IMPORTANCE, 1, 0)
    spec = np.array([(p.source, str(p.source_id)) in named for p in places], dtype=bool)
    rank = np.where((rank == 0) & ((population >= TOWN_POPULATION) | spec), 2, rank)
    priority = np.select([rank == 1, rank == 2], [0, 1], 2)
    order = np.lexsort((-population, -importance, priority))[: max(int(limit), 0)]
    keep = entries[order]
    table = _table(timeline, gazetteer, keep, importance[order])
    table["rank"] = [int(r) for r in rank[order]]
    return table, len(entries)


def _table(
    timeline: Timeline, gz: Any, index: np.ndarray, importance: np.ndarray
) -> dict[str, list[Any]]:
    """name, lon, lat, imp, alt of the entries ``index`` (rank is the caller's)."""
    places = [gz.place(int(i)) for i in index]
    shown = _display_names(timeline)
    spellings = _spellings(gz, set(int(i) for i in index))
    decimals = PLACE_DECIMALS
    out: dict[str, list[Any]] = {}
    written = _written_in(timeline)
    out["name"] = [
        _as_written(p, spellings.get(int(i), []), written, shown.get((p.source, str(p.source_id))))
        for p, i in zip(places, index, strict=True)
    ]
    out["lon"] = [round(p.lon, decimals) for p in places]
    out["lat"] = [round(p.lat, decimals) for p in places]
    out["rank"] = []
    out["imp"] = [round(float(v), 2) for v in importance]
    out["alt"] = [
        "|".join(_alternates(p, name, spellings.get(int(i), [])))
        for p, name, i in zip(places, out["name"], index, strict=True)
    ]
    return out


def _candidates(
    gz: Any, frame: gpd.GeoDataFrame, allow: bool = True, skip: Sequence[int] = ()
) -> np.ndarray:
    """Entry indices of the communities (all, if any is near) and of the large towns near,
    but none of ``skip``."""
    kinds = np.asarray(gz.kinds)
    idx = np.flatnonzero(kinds == "populated place")
    if len(skip):
        idx = idx[~np.isin(idx, np.asarray(skip, dtype=int))]
    if not len(idx):
        return idx
    places = [gz.place(int(i)) for i in idx]
    lon = np.array([p.lon for p in places])
    lat = np.array([p.lat for p in places])
    community = np.array([p.source == COMMUNITY_SOURCE for p in places])
    large = np.asarray(gz.importance, dtype=float)[idx] >= LARGE_TOWN_IMPORTANCE
    near = _near_mask(lon, lat, frame)
    any_near = allow and bool((community & near).any())
    communities = community if any_near else np.zeros_like(community)
    keep = communities | (large & near & ~community)
    return idx[keep]


def _near_mask(lon: np.ndarray, lat: np.ndarray, frame: gpd.GeoDataFrame) -> np.ndarray:
    """Points within reach of the features: their box grown by half its size, at least 1°."""
    if not len(frame):
        return np.ones(len(lon), dtype=bool)
    x0, y0, x1, y1 = frame.total_bounds
    margin = max(1.0, 0.5 * max(x1 - x0, y1 - y0))
    box = shapely.box(x0 - margin, y0 - margin, x1 + margin, y1 + margin)
    return shapely.contains_xy(box, lon, lat)


def _display_names(timeline: Timeline) -> dict[tuple[str, str], str]:
    """(source, source id) → the spelling the spec wrote for that place."""
    out: dict[tuple[str, str], str] = {}
    for place in timeline.places:
        written = str(getattr(place, "matched", "") or "").strip()
        if written and not _CODE_LIKE.match(written) and getattr(place, "source_id", None):
            out.setdefault((place.source, str(place.source_id)), written)
    return out


#: Shortest spelling (letters and digits) looked for in the timeline's texts: shorter
#: names ("Tal", "Bab") are ordinary words too often.
MIN_WRITTEN = 5


def _written_in(timeline: Timeline) -> dict[str, tuple[str, int]]:
    """Key (:func:`_key`) → (first surface, count) of every capitalised run of 1-4 words
    in the timeline's texts."""
    texts = [str(v) for c in ("name", "notes", "agreement_name") for v in timeline.features[c]]
    texts += [str(ag.get("name") or "") for ag in timeline.agreements]
    out: dict[str, tuple[str, int]] = {}
    for text in texts:
        words = re.findall(r"[^\W\d_][\w'\u2019-]*", text)
        for i, word in enumerate(words):
            if not word[:1].isupper():
                continue
            for n in range(1, 5):
                surface = " ".join(words[i : i + n])
                key = search_key(surface)
                if len(key) >= MIN_WRITTEN:
                    first, count = out.get(key, (surface, 0))
                    out[key] = (first, count + 1)
    return out


def _as_written(
    place: Any, folded: list[str], written: dict[str, tuple[str, int]], spec: str | None = None
) -> str:
    """The spelling the timeline writes most often (a place expression of the spec counts
    too), else the gazetteer name."""
    best, most = spec or place.name, 1 if spec else 0
    for spelling in [place.name, *folded]:
        surface, count = written.get(search_key(spelling), ("", 0))
        if spec and search_key(spec) == search_key(spelling):
            surface, count = spec, count + 1
        if count > most:
            best, most = surface, count
    return best


def _spellings(gz: Any, wanted: set[int]) -> dict[int, list[str]]:
    """Entry index → its folded name variants (the gazetteer's own list)."""
    out: dict[int, list[str]] = defaultdict(list)
    for text, i in gz.variants():
        if i in wanted:
            out[i].append(text)
    return out


def _alternates(place: Any, name: str, folded: list[str]) -> list[str]:
    """The spellings a search matches, besides the display name (no duplicates)."""
    out = [place.name, str(place.extra.get("name_ar") or ""), str(place.source_id or "")]
    out += [str(place.extra.get("geonames_name") or ""), *folded]
    seen = {search_key(name)}
    kept = []
    for text in out:
        key = search_key(text)
        if text and key not in seen:  # a spelling the search folds to a kept one is left out
            seen.add(key)
            kept.append(text)
    return kept


def search_key(text: str) -> str:
    """What the runtime's search compares, roughly: letters and digits only, no case or marks.

    Examples
    --------
    >>> search_key("Jisr ash-Shughur") == search_key("jisr ASH shughur")
    True
    """

    folded = unicodedata.normalize("NFKD", text.casefold()).translate(_ARABIC_FOLD)
    return "".join(c for c in folded if c.isalnum() and not unicodedata.combining(c))


#: The Arabic letter variants the runtime's search folds together (as the gazetteer does).
_ARABIC_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي"}
)


def _rank(place: Any, importance: float) -> int:
    level = int(place.extra.get("capital_level") or 0)
    if level in (1, 2):
        return level
    return 3 if importance >= LARGE_TOWN_IMPORTANCE else 0


def by_priority(table: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Rows by label priority: seats, large towns, then by importance, then name.

    Examples
    --------
    >>> by_priority({"name": ["b", "a"], "rank": [0, 1], "imp": [3.0, 2.0]})["name"]
    ['a', 'b']
    """
    priority = {1: 0, 2: 1, 3: 2, 0: 3}
    order = sorted(
        range(len(table["name"])),
        key=lambda i: (priority[table["rank"][i]], -table["imp"][i], table["name"][i]),
    )
    return {k: [v[i] for i in order] for k, v in table.items()}
