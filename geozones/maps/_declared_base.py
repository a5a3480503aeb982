"""The basemap of a timeline whose spec declares its own data (``gazetteer:``, ``roads:``,
``boundaries:``; issue #19).

A spec that declares nothing (the bundled north-west Syria timeline) gets the bundled
basemap exactly as before (:mod:`._basemap`, :mod:`._places`). Otherwise the map draws
what the spec declares, from :attr:`geozones.timeline.Timeline.declared`:

- its ``boundaries:`` layers, one layer per level, in place of the bundled governorates
  and districts (as ``admin:`` resolves against them in that spec);
- its ``roads:``, drawn and labelled like the M4/M5;
- its places, the declared countries' GeoNames places and the places files', as the
  labelled place layer (largest first, at most :data:`._places.MAX_DECLARED_PLACES`);
- the bundled Natural Earth countries, rivers and lakes where they reach (Syria and its
  neighbours, at 1:10m); the land and borders elsewhere from the world layer, Natural
  Earth at 1:50m (:func:`._basemap.world_countries_near`: the countries near the features
  and those bordering the ones that hold them), and the legend says which scale.

**Syria or not.** A spec whose countries (``gazetteer: countries:`` and
``timeline: country:``) are none or include ``SY`` keeps the bundled Syrian layers
(OCHA governorates and districts unless it declares boundaries, the M4/M5, every
community) and adds what it declares. A spec of other countries gets no Syrian
district, road or community, even near the border. The credit line names what was
drawn: Natural Earth, OCHA, GeoNames, and each file by its ``credit:`` or its name.

The places are read from the shared gazetteer (:meth:`Gazetteer.default`), into which the
declared countries and files are loaded once, as compiling the spec does (a timeline compiled
against a gazetteer of its own gets the same places: they come from the same files).

Examples
--------
>>> drawn = basemap_for(geozones.load_timeline("libya.yaml"), frame, 20)   # doctest: +SKIP
>>> drawn.credit                                                          # doctest: +SKIP
'Boundaries: libya-adm2.geojson · Roads: libya_sirte_jufra_line.geojson · Places: GeoNames …'
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import shapely

from ..boundaries import read_file
from ..compiler import boundary_layer, declared_places
from ..errors import InputError
from ..gazetteer import Gazetteer
from . import _basemap, _places
from ._basemap import BASEMAP_DECIMALS, BASEMAP_SIMPLIFY_M, near
from ._geometry import features_4326, simplified_geometries

if TYPE_CHECKING:  # pragma: no cover
    from ..timeline import Timeline

_log = logging.getLogger(__name__)

#: Longest credit (or file name) of one declared file shown in the credit line.
MAX_CREDIT_CHARS = 120

#: The legend's note when no country of the bundled layers lies near the features
#: ({drawn}: what the spec's declarations put on the map instead).
NO_LAND_NOTE = (
    "No bundled country lies near these features; drawn here: {drawn}. "
    "Add web tiles with --tiles (e.g. OpenStreetMap.Mapnik) for more."
)

#: The legend's note when the world layer draws countries (outside Syria and its neighbours).
WORLD_NOTE = (
    "Land and country borders: Natural Earth at 1:50m{where}, generalised: a border may lie "
    "a few km off the true line."
)


@dataclass
class Basemap:
    """What a map draws under its features.

    ``base``: the collections :func:`._basemap.add_basemap` draws (None: no basemap);
    ``places``: the place table; ``credit``: the attribution text, HTML-escaped (None:
    the bundled :data:`._basemap.CREDIT`); ``note``: a sentence for the legend ("" none).
    """

    base: dict[str, Any] | None
    places: dict[str, list[Any]]
    credit: str | None = None
    note: str = ""


def is_declared(declared: dict[str, Any] | None) -> bool:
    """Whether a spec's declarations change the basemap (files, or a country not Syria).

    Examples
    --------
    >>> is_declared({"countries": [], "country": "SY", "places": [], "roads": []})
    False
    >>> is_declared({"countries": ["LY"]})
    True
    """
    declared = declared or {}
    files = declared.get("places") or declared.get("roads") or declared.get("boundaries")
    return bool(files) or bool(_countries(declared) - {"SY"})


def basemap_for(timeline: Timeline, frame: gpd.GeoDataFrame, simplify_m: float) -> Basemap:
    """The basemap of ``timeline`` around ``frame`` (its features in EPSG:4326).

    Raises
    ------
    InputError
        A declared file that cannot be read any more (moved since the spec was compiled).

    Examples
    --------
    >>> basemap_for(geozones.load_timeline(), frame, 20).credit is None   # doctest: +SKIP
    True
    """
    declared = getattr(timeline, "declared", None) or {}
    if not is_declared(declared):
        base = _basemap.basemap_near(frame, simplify_m)
        places = _places.place_table(timeline, frame) if base is not None else _empty_places()
        return Basemap(base, places)
    fallback = view_fallback(timeline) if not len(frame) else None
    frame = fallback if fallback is not None else frame  # nothing in force: near all features
    base = _basemap.basemap_near(frame, simplify_m)
    countries = _countries(declared)
    syrian = not countries or "SY" in countries
    base = dict(base) if base is not None else _empty_base()
    if not syrian:  # no Syrian districts or roads for another country's spec
        for key in ("admin1", "admin2", "roads"):
            base[key] = _empty()
    tolerance = max(simplify_m, BASEMAP_SIMPLIFY_M)
    credits: dict[str, list[str]] = {k: [] for k in ("Boundaries", "Rivers, lakes", "Roads")}
    credits["Places"] = []
    if declared.get("boundaries"):
        base.pop("admin1", None)
        base.pop("admin2", None)
        base.update(_boundary_layers(declared["boundaries"], frame, tolerance))
        credits["Boundaries"] += [_credit_of(i) for i in declared["boundaries"]]
    elif syrian and (base["admin1"]["features"] or base["admin2"]["features"]):
        credits["Boundaries"].append("OCHA COD-AB (CC BY-IGO)")
    world = _world_countries(base, frame, syrian, tolerance)
    if base["countries"]["features"]:
        credits["Boundaries"].append("Natural Earth")
    if declared.get("roads"):
        base["roads"] = _roads(base["roads"], declared["roads"], tolerance)
        credits["Roads"] += [_credit_of(i) for i in declared["roads"]]
    places, total, sources = _place_layer(timeline, frame, declared, syrian)
    credits["Places"] += sources
    base["places_total"] = total
    notes = [] if base["countries"]["features"] else [NO_LAND_NOTE.format(drawn=_drawn(base))]
    if world:
        where = (
            " (Syria and its neighbours: 1:10m)"
            if world < len(base["countries"]["features"])
            else ""
        )
        notes.append(WORLD_NOTE.format(where=where))
    if total > len(places["name"]):
        notes.append(f"Places: the {len(places['name']):,} largest of {total:,} are shown.")
        _log.warning("map: %d of %d declared places kept", len(places["name"]), total)
    return Basemap(base, places, _credit_line(base, credits), " ".join(notes))


def view_fallback(timeline: Timeline) -> gpd.GeoDataFrame | None:
    """Where a map opens when nothing is in force on its day: all the timeline's features for
    a spec of another country (not Syria's governorates); None for a Syrian spec.

    Examples
    --------
    >>> view_fallback(geozones.load_timeline()) is None                   # doctest: +SKIP
    True
    """
    declared = getattr(timeline, "declared", None) or {}
    countries = _countries(declared)
    if not is_declared(declared) or not countries or "SY" in countries:
        return None
    return features_4326(timeline.features)


def _world_countries(
    base: dict[str, Any], frame: gpd.GeoDataFrame, syrian: bool, tolerance: float
) -> int:
    """Put the world layer's countries (1:50m) under the bundled ones in ``base``, unless
    the spec is Syrian and the bundled 1:10m countries reach its features (a Syrian map
    keeps today's borders); returns how many were added."""
    bundled = base["countries"]["features"]
    if syrian and bundled:
        return 0
    codes = _basemap.bundled_country_codes()
    skip = frozenset(codes.get(f["properties"]["name"], "") for f in bundled) - {""}
    world = _basemap.world_countries_near(frame, skip, tolerance)["features"]
    base["countries"] = {**base["countries"], "features": world + bundled}
    return len(world)


def _drawn(base: dict[str, Any]) -> str:
    """What the basemap holds, in words ("the spec's roads and places")."""
    have = [
        what
        for what, present in (
            ("boundaries", bool(base.get("labels"))),
            ("roads", bool(base["roads"]["features"])),
            ("places", bool(base.get("places_total"))),
        )
        if present
    ]
    if not have:
        return "nothing but the features"
    words = have[0] if len(have) == 1 else ", ".join(have[:-1]) + " and " + have[-1]
    return f"the spec's {words}"


def _countries(declared: dict[str, Any]) -> set[str]:
    out = {str(c).upper() for c in declared.get("countries") or []}
    if declared.get("country"):
        out.add(str(declared["country"]).upper())
    return out


def _empty() -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": []}


def _empty_base() -> dict[str, Any]:
    names = ("countries", "admin1", "admin2", "roads", *_basemap.NATURAL_LAYERS)
    return {name: _empty() for name in names}


def _empty_places() -> dict[str, list[Any]]:
    return {k: [] for k in ("name", "lon", "lat", "rank", "imp", "alt")}


def _collection(frame: gpd.GeoDataFrame, names: list[str], tolerance: float) -> dict[str, Any]:
    geoms = simplified_geometries(frame, tolerance, BASEMAP_DECIMALS)
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": g, "properties": {"name": n}}
            for g, n in zip(geoms, names, strict=True)
        ],
    }


def _boundary_layers(
    items: list[dict[str, Any]], frame: gpd.GeoDataFrame, tolerance: float
) -> dict[str, Any]:
    """``admin<level>`` collections of the declared layers (near the features), with labels."""
    out: dict[str, Any] = {}
    labels: dict[str, str] = {}
    for item in sorted(items, key=lambda i: int(i["level"])):
        options = {k: item.get(k) for k in ("layer", "name_field", "code_field")}
        layer = boundary_layer(item["path"], int(item["level"]), **options)
        layer = layer.loc[~(layer.geometry.is_empty | layer.geometry.isna())]
        names = [str(n) for n in layer["name_en"]]
        key = f"admin{int(item['level'])}"
        found = near(_collection(layer, names, tolerance), frame)
        out.setdefault(key, _empty())["features"] += found["features"]
        shown = Path(item["path"]).name
        labels[key] = (labels[key] + ", " + shown) if key in labels else shown
    out["labels"] = {
        key: f"Boundaries, level {key[5:]} ({name})" for key, name in sorted(labels.items())
    }
    return out


def _roads(bundled: dict[str, Any], items: list[dict[str, Any]], tolerance: float) -> Any:
    """The bundled roads a declared road does not replace, then the declared roads."""
    names, geoms = [], []
    for item in items:
        frame = read_file(item["path"], layer=item.get("layer"))
        lines = frame.geometry[frame.geometry.geom_type.isin(["LineString", "MultiLineString"])]
        if not len(lines):
            continue
        names.append(str(item["name"]))
        geoms.append(shapely.line_merge(shapely.union_all(lines.to_numpy())))
    taken = {_places.search_key(n) for n in names}
    for item in items:
        aliases = item.get("aliases") or []
        taken |= {
            _places.search_key(str(a)) for a in ([aliases] if isinstance(aliases, str) else aliases)
        }
    kept = [
        f for f in bundled["features"] if _places.search_key(f["properties"]["name"]) not in taken
    ]
    declared = _collection(
        gpd.GeoDataFrame({"n": names}, geometry=geoms, crs=4326), names, tolerance
    )
    return {"type": "FeatureCollection", "features": kept + declared["features"]}


def _place_layer(
    timeline: Timeline, frame: gpd.GeoDataFrame, declared: dict[str, Any], syrian: bool
) -> tuple[dict[str, list[Any]], int, list[str]]:
    """The place table (bundled near places + declared places), its size before the cut,
    and the credits of its sources."""
    gazetteer = Gazetteer.default()
    own = {k: v for k, v in declared.items() if k in ("countries", "places")}
    # Syria's places are the bundled communities (place_table), not GeoNames' Syrian towns
    own["countries"] = [
        cc for cc in sorted(_countries(declared) - {"SY"}) if _loadable(gazetteer, cc)
    ]
    index = declared_places(gazetteer, own)
    bundled = _places.place_table(timeline, frame, communities=syrian, skip=index)
    # the bundled places (Syria's communities) are all kept; the declared fill up to the cap
    room = max(_places.MAX_DECLARED_PLACES - len(bundled["name"]), 0)
    table, count = _places.declared_place_table(timeline, gazetteer, index, limit=room)
    sources = []
    if syrian and bundled["name"]:
        sources.append("OCHA")
    if own["countries"] or bundled["name"]:
        sources.append("GeoNames (CC BY 4.0)")
    sources += [_credit_of(i) for i in declared.get("places") or []]
    merged = _merge(table, bundled)  # a place in both keeps its declared rank
    return merged, count + len(merged["name"]) - len(table["name"]), sources


def _loadable(gazetteer: Gazetteer, cc: str) -> bool:
    """Whether country ``cc``'s GeoNames places can be loaded (the world extra is installed;
    a spec's ``timeline: country:`` alone does not require it)."""
    try:
        gazetteer.load_country(cc)
    except InputError as exc:
        _log.warning("map: no GeoNames places of %s: %s", cc, exc)
        return False
    return True


def _merge(first: dict[str, list[Any]], second: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Rows of both tables (a place in both once), in label priority."""
    seen = {(n, x, y) for n, x, y in zip(first["name"], first["lon"], first["lat"], strict=True)}
    out = {k: list(v) for k, v in first.items()}
    for i, key in enumerate(zip(second["name"], second["lon"], second["lat"], strict=True)):
        if key not in seen:
            seen.add(key)
            for k in out:
                out[k].append(second[k][i])
    return _places.by_priority(out)


def _credit_of(item: dict[str, Any]) -> str:
    """A declared file's credit: its ``credit:``, else its file name (bounded, one line)."""
    text = " ".join(str(item.get("credit") or Path(str(item["path"])).name).split())
    return text if len(text) <= MAX_CREDIT_CHARS else text[: MAX_CREDIT_CHARS - 1] + "…"


def _credit_line(base: dict[str, Any], credits: dict[str, list[str]]) -> str:
    """The attribution text of what was drawn, HTML-escaped (Leaflet shows it as HTML)."""
    if any(base.get(k, {}).get("features") for k in ("rivers", "lakes")):
        credits["Rivers, lakes"].append("Natural Earth")
    parts = []
    for what, names in credits.items():
        unique = list(dict.fromkeys(n for n in names if n))
        if unique:
            parts.append(f"{what}: {', '.join(unique)}")
    return html.escape(" · ".join(parts))
