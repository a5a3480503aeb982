"""data/landmarks.csv → gazetteer entries: the named sites war reports name (air bases,
airports, border crossings, dams, oil and gas fields, camps, prisons, bases, mountains, hills,
farms, factories and refineries, power and water stations, academies, hospitals, bridges,
ancient sites, industrial zones, lakes, squares, arms depots, research centres, ports, mosques).

Imported by ``build_data.py`` (:func:`add_landmarks`). A site is an entry of kind
``populated place`` (``extra.feature`` says what it is: ``airbase``, ``crossing``, ``dam`` …)
under the admin chain of the community it is named after or lies by, with population 0 and
an importance below any OCHA community (:data:`LANDMARK_IMPORTANCE`), so that a town of the
same name keeps its prominence. Its names are

- its full names from the table (``Euphrates Dam``, ``سد الفرات``, ``Cilvegözü Sınır Kapısı``);
- the phrases the press writes around its base names, from :data:`PHRASES` and
  :data:`PHRASES_AR` ("Tabqa dam", "barrage de Tabqa", "سد الطبقة"; "Abu al-Duhur airbase",
  "مطار أبو الظهور العسكري"; "Bab al-Hawa crossing", "معبر باب الهوى", "Cilvegözü sınır
  kapısı"): general word orders of English, French, German, Turkish and Arabic, not a list
  of sentences seen;
- the names that alone mean the site (``own``: Rukban, al-Tanf, Tiyas). A base name alone is
  never one of its names: "Tabqa" stays the town, "Tabqa dam" is the dam.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import numpy as np
from _build_turkish import typed_turkish

#: Importance of a named site: below any OCHA community (3.0) and above a city quarter (2.8).
LANDMARK_IMPORTANCE = 2.9

_AIR = (
    "{} airbase", "{} air base", "{} airport", "{} military airport", "{} military airbase",
    "{} military air base", "{} airfield", "{} military airfield", "{} air field",
    "{} air force base", "{} international airport", "airbase of {}", "air base of {}",
    "airport of {}", "airbase {}", "air base {}",
    "{} havalimanı", "{} havaalanı", "{} askeri havaalanı", "{} askeri havalimanı",
    "{} hava üssü", "{} askeri hava üssü",
    "aéroport de {}", "aéroport {}", "aéroport militaire de {}", "aéroport militaire {}",
    "base aérienne de {}", "base aérienne {}", "aérodrome de {}",
    "Flughafen {}", "{} Flughafen", "Militärflughafen {}", "Luftwaffenstützpunkt {}",
    "Luftwaffenbasis {}", "Militärflugplatz {}", "Flugplatz {}", "Luftstützpunkt {}",
)  # fmt: skip
#: The phrases of each feature around a Latin base name ("{}"), in English, Turkish, French
#: and German. French "d'X" is matched as "X" (the geoparser drops the elided article).
PHRASES: dict[str, tuple[str, ...]] = {
    "airbase": _AIR,
    "airport": _AIR,
    "crossing": (
        "{} crossing", "{} border crossing", "{} border gate", "{} crossing point",
        "{} border post", "{} border point", "crossing of {}",
        "{} sınır kapısı", "{} gümrük kapısı", "{} hudut kapısı",
        "poste-frontière de {}", "poste frontière de {}", "poste-frontière {}",
        "point de passage de {}", "passage frontalier de {}", "poste frontalier de {}",
        "Grenzübergang {}", "{} Grenzübergang",
    ),
    "dam": (
        "{} dam", "{} hydroelectric dam", "{} barajı", "barrage de {}", "barrage {}",
        "{} Staudamm", "Staudamm {}", "{} Damm", "Talsperre {}",
    ),
    "oil-field": (
        "{} oil field", "{} oilfield", "{} field", "{} oil and gas field", "{} petrol sahası",
        "{} petrol kuyuları", "champ pétrolier de {}", "champ pétrolier {}", "Ölfeld {}",
        "{} Ölfeld",
    ),
    "gas-field": (
        "{} gas field", "{} gasfield", "{} field", "{} gas plant", "{} gas facility",
        "{} doğalgaz sahası", "{} gaz sahası", "champ gazier de {}", "champ gazier {}",
        "Gasfeld {}", "{} Gasfeld",
    ),
    "camp": (
        "{} camp", "{} refugee camp", "{} displacement camp", "{} IDP camp",
        "{} displaced camp", "{} camps", "{} kampı", "camp de {}", "camp {}", "Lager {}",
        "{} Lager", "Flüchtlingslager {}", "{} Flüchtlingslager",
    ),
    "prison": (
        "{} prison", "{} military prison", "{} central prison", "{} cezaevi",
        "{} hapishanesi", "prison de {}", "prison {}", "Gefängnis {}", "{} Gefängnis",
        "Militärgefängnis {}",
    ),
    "base": (
        "{} base", "{} garrison", "{} military base", "{} naval base", "{} naval facility",
        "{} outpost", "{} üssü", "{} deniz üssü",
        "{} askeri üssü", "base de {}", "base militaire de {}", "Stützpunkt {}",
        "Militärstützpunkt {}",
    ),
    "mountain": (),
    "hill": (
        "{} hill", "{} hilltop", "{} heights", "hill of {}", "Tal {}", "Tell {}", "Tel {}",
        "colline de {}", "{} tepesi", "Hügel {}",
    ),
    "farm": ("{} farms", "farms of {}", "fermes de {}", "{} çiftlikleri", "Farmen von {}"),
    "factory": (
        "{} factory", "{} plant", "{} gas plant", "{} gas factory", "{} cement plant",
        "{} cement factory", "usine de {}", "cimenterie de {}", "Fabrik {}", "Zementwerk {}",
        "{} fabrikası",
    ),
    "refinery": (
        "{} refinery", "{} oil refinery", "raffinerie de {}", "Raffinerie {}", "{} rafinerisi",
        "Ölraffinerie {}",
    ),
    "power-plant": (
        "{} power plant", "{} power station", "{} thermal power plant", "{} thermal power station",
        "{} thermal plant", "{} thermal station", "{} electricity plant", "centrale de {}",
        "centrale électrique de {}", "centrale thermique de {}", "Kraftwerk {}", "{} Kraftwerk",
        "Wärmekraftwerk {}", "{} santrali", "{} termik santrali",
    ),
    "water-station": (
        "{} water station", "{} water pumping station", "{} pumping station", "{} water plant",
        "{} water project", "{} water facility", "station de pompage de {}", "station d'eau de {}",
        "Wasserwerk {}", "Pumpstation {}", "{} su istasyonu", "{} içme suyu istasyonu",
    ),
    "academy": (
        "{} academy", "{} military academy", "{} military college", "{} military school",
        "académie militaire de {}", "école militaire de {}", "Militärakademie {}",
        "Militärakademie in {}", "{} askeri akademisi", "{} harp okulu",
    ),
    "hospital": (
        "{} hospital", "{} National Hospital", "{} military hospital", "hôpital de {}",
        "hôpital national de {}", "hôpital militaire de {}", "Krankenhaus {}",
        "Krankenhaus von {}", "{} hastanesi", "{} Devlet Hastanesi",
    ),
    "bridge": (
        "{} bridge", "bridge of {}", "pont de {}", "pont {}", "Brücke von {}", "{}-Brücke",
        "{} Brücke", "{} köprüsü",
    ),
    "ancient-site": (
        "ancient {}", "ancient city of {}", "{} ruins", "ruins of {}", "{} archaeological site",
        "archaeological site of {}", "site antique de {}", "cité antique de {}", "ruines de {}",
        "site archéologique de {}", "antike Stadt {}", "Ruinen von {}", "Ruinenstadt {}",
        "{} antik kenti", "{} harabeleri", "{} ören yeri",
    ),
    "industrial-zone": (
        "{} industrial city", "{} industrial zone", "{} industrial area", "{} industrial district",
        "industrial city of {}", "industrial zone of {}", "zone industrielle de {}",
        "cité industrielle de {}", "Industriegebiet {}", "Industriestadt {}",
        "{} sanayi bölgesi", "{} organize sanayi bölgesi",
    ),
    "lake": ("Lake {}", "{} lake", "lac de {}", "lac {}", "{} gölü", "{}-See", "{}see"),
    "roundabout": (
        "{} roundabout", "{} Square", "{} circle", "rond-point {}", "rond-point de {}",
        "place {}", "{} meydanı", "{}-Platz", "Kreisverkehr {}",
    ),
    "depot": (
        "{} depots", "{} depot", "{} arms depots", "{} weapons depots", "{} ammunition depots",
        "{} warehouses", "{} military warehouses", "dépôts d'armes de {}", "dépôts de {}",
        "Waffenlager {}", "Waffenlager von {}", "{} cephanelikleri", "{} depoları",
    ),
    "port": (
        "{} port", "port of {}", "{} seaport", "port de {}", "Hafen von {}", "Hafen {}",
        "{} limanı",
    ),
    "mosque": ("{} mosque", "mosquée {}", "{}-Moschee", "{} camii"),
    "research-center": (
        "{} research center", "{} research centre", "{} scientific research center",
        "{} scientific research centre", "{} research facility", "centre de recherche de {}",
        "centre de recherches scientifiques de {}", "Forschungszentrum {}",
        "{} araştırma merkezi", "{} bilimsel araştırma merkezi",
    ),
}  # fmt: skip
_AIR_AR = ("مطار {}", "مطار {} العسكري", "مطار {} الدولي", "قاعدة {} الجوية", "قاعدة {}")
#: The phrases of each feature around an Arabic base name.
PHRASES_AR: dict[str, tuple[str, ...]] = {
    "airbase": _AIR_AR,
    "airport": _AIR_AR,
    "crossing": ("معبر {}", "معبر {} الحدودي", "منفذ {}", "منفذ {} الحدودي"),
    "dam": ("سد {}",),
    "oil-field": ("حقل {}", "حقل {} النفطي", "حقول {}"),
    "gas-field": ("حقل {}", "حقل {} للغاز", "حقل {} الغازي", "معمل غاز {}", "معمل {}"),
    "camp": ("مخيم {}", "مخيمات {}", "مخيم {} للاجئين"),
    "prison": ("سجن {}", "سجن {} العسكري", "سجن {} المركزي"),
    "base": ("قاعدة {}", "قاعدة {} العسكرية"),
    "mountain": (),
    "hill": ("تل {}", "تلة {}", "تلال {}"),
    "farm": ("مزارع {}",),
    "factory": ("معمل {}", "مصنع {}", "معامل {}", "معمل غاز {}", "معمل إسمنت {}"),
    "refinery": ("مصفاة {}", "مصفاة {} النفطية", "مصفاة نفط {}"),
    "power-plant": (
        "محطة {} الحرارية", "محطة توليد {}", "محطة كهرباء {}", "محطة {} الكهربائية",
        "محطة {} لتوليد الكهرباء", "المحطة الحرارية في {}",
    ),
    "water-station": (
        "محطة مياه {}", "محطة ضخ {}", "محطة {} لضخ المياه", "مشروع مياه {}", "محطة {} للمياه",
        "محطة ضخ مياه {}",
    ),
    "academy": ("الكلية الحربية في {}", "الكلية الحربية ب{}", "كلية {} الحربية"),
    "hospital": (
        "مشفى {}", "مستشفى {}", "مشفى {} الوطني", "مستشفى {} الوطني", "المشفى الوطني في {}",
        "مشفى {} العسكري", "مستشفى {} العسكري",
    ),
    "bridge": ("جسر {}",),
    "ancient-site": ("مدينة {} الأثرية", "آثار {}", "موقع {} الأثري", "{} الأثرية"),
    "industrial-zone": (
        "المدينة الصناعية في {}", "مدينة {} الصناعية", "منطقة {} الصناعية",
        "المنطقة الصناعية في {}",
    ),
    "lake": ("بحيرة {}",),
    "roundabout": ("دوار {}", "ساحة {}"),
    "depot": ("مستودعات {}", "مستودعات {} العسكرية", "مستودعات أسلحة {}"),
    "port": ("مرفأ {}", "ميناء {}"),
    "mosque": ("جامع {}", "مسجد {}"),
    "research-center": (
        "مركز البحوث العلمية في {}", "مركز البحوث العلمية ب{}", "مركز البحوث في {}",
        "مركز {} للبحوث العلمية",
    ),
}  # fmt: skip
FEATURES = tuple(PHRASES)
_COLUMNS = "name,feature,variants,name_ar,base,base_ar,own,near,lat,lon,approx,source".split(",")


def _split(text: str) -> list[str]:
    return [t.strip() for t in (text or "").split(";") if t.strip()]


def read_table(path: Path) -> list[dict[str, str]]:
    """The rows of ``landmarks.csv`` (comment lines dropped), checked: a known feature, a
    source URL, and either the page's coordinates or ``approx=community`` with a P-code."""
    if not path.exists():
        raise SystemExit(f"{path} is missing (the named sites table, see data/SOURCES.md)")
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if not r["name"].startswith("#")]
    for r in rows:
        where = f"landmarks.csv: {r['name']!r}"
        if list(r) != _COLUMNS or None in r.values():
            raise SystemExit(f"{where}: the row needs the columns {','.join(_COLUMNS)}")
        if r["feature"] not in PHRASES:
            raise SystemExit(f"{where}: feature {r['feature']!r} is not one of {FEATURES}")
        if not r["source"].startswith(("https://", "http://")):
            raise SystemExit(f"{where}: no source URL")
        approx = r["approx"] == "community"
        if approx == bool(r["lat"]) or (approx and not r["near"]):
            raise SystemExit(f"{where}: give lat/lon, or approx=community and near=P-code")
    return rows


def site_names(r: dict[str, str]) -> list[str]:
    """Every name of a site: its name, full names, the feature's phrases around its base
    names, and its own names.

    Examples
    --------
    >>> r = dict(name="Tabqa Dam", feature="dam", variants="Euphrates Dam", name_ar="سد الفرات",
    ...          base="Tabqa", base_ar="الطبقة", own="")
    >>> names = site_names(r)
    >>> "Tabqa dam" in names and "سد الطبقة" in names and "Tabqa" not in names
    True
    """
    names = [r["name"], *_split(r["variants"]), *_split(r["name_ar"])]
    for b in _split(r["base"]):
        names += [p.format(b) for p in PHRASES[r["feature"]]]
    for b in _split(r["base_ar"]):
        names += [p.format(b) for p in PHRASES_AR[r["feature"]]]
    return names + _split(r["own"])


def _nearest(b: Any, lat: float, lon: float, haversine_km: Any) -> int:
    """The OCHA community nearest to a point (its entry index)."""
    idx = [i for i, e in enumerate(b.entries) if e["source"] == "ocha-cod" and e["level"] is None]
    lats = np.array([b.entries[i]["lat"] for i in idx])
    lons = np.array([b.entries[i]["lon"] for i in idx])
    return idx[int(np.argmin(haversine_km(lat, lon, lats, lons)))]


def add_landmarks(b: Any, out: Path, alias_target: Any, haversine_km: Any, note: Any) -> None:
    """data/landmarks.csv: the named sites, each sourced, merged into the builder ``b``.

    A site named after a community (``near``) takes its admin chain; another takes the
    chain of the community nearest to it. ``approx=community`` sites stand at that
    community's point.
    """
    rows = read_table(out / "landmarks.csv")
    for r in rows:
        approx = r["approx"] == "community"
        lat, lon = (None, None) if approx else (float(r["lat"]), float(r["lon"]))
        i = alias_target(b, r["near"]) if r["near"] else _nearest(b, lat, lon, haversine_km)
        if i is None or b.entries[i]["source"] != "ocha-cod":
            raise SystemExit(f"landmarks.csv: {r['name']!r}: unknown community {r['near']!r}")
        town = b.entries[i]
        extra = {"feature": r["feature"], "near": town["name"], "near_pcode": town["source_id"]}
        extra["name_ar"] = _split(r["name_ar"])[0] if r["name_ar"] else ""
        if approx:
            extra["approx"] = "community"
        b.add(
            dict(
                name=r["name"],
                lat=town["lat"] if approx else round(lat, 6),
                lon=town["lon"] if approx else round(lon, 6),
                kind="populated place",
                admin=list(town["admin"]),
                source="landmarks",
                source_id=r["name"],
                country="SY",
                level=None,
                precision="approximate",
                population=0,
                importance=LANDMARK_IMPORTANCE,
                extra=extra,
            ),
            site_names(r),
        )
    n_approx = sum(r["approx"] == "community" for r in rows)
    note(
        f"landmarks.csv: {len(rows)} named sites of {len({r['feature'] for r in rows})} kinds "
        f"(air bases, crossings, dams, fields, camps, prisons, bases, mountains, hills, farms, "
        f"plants, academies, hospitals, bridges, ancient sites, industrial zones …), "
        f"{len(rows) - n_approx} at their page's coordinates, "
        f"{n_approx} at the community they are named after"
    )


#: The features a reader of Syria news knows by their bare name ("Bab al-Hawa", "Kuweires",
#: "Rukban"): border crossings, air bases and airports, dams, fields, camps, prisons, bases.
#: Local sites (hospitals, mosques, squares, hills …) never take a bare name.
PROMINENT = frozenset(
    ("airbase", "airport", "crossing", "dam", "oil-field", "gas-field", "camp", "prison", "base")
)
#: Importance of a prominent site that takes a bare name: above a village (3.0), below the
#: seat of a subdistrict or any bigger town (4.0 and more), so a town keeps its name.
BARE_SITE_IMPORTANCE = 3.5
#: A namesake of at least this importance is a town (an admin seat, a city of 10,000).
TOWN_IMPORTANCE = 4.0
#: A namesake closer than this (km) to the site is the place the site is named after or lies
#: by: the bare name stays that place (both readings lie within a reader's tolerance anyway).
SAME_PLACE_KM = 25.0


def _a_far_village(e: dict, site: dict, near: str, haversine_km: Any) -> bool:
    """Whether entry ``e`` is a village or hamlet far from ``site`` that is not its community."""
    if e["kind"] != "populated place" or e["source_id"] == near:
        return False
    if e["importance"] >= TOWN_IMPORTANCE or (e.get("population") or 0) >= 10_000:
        return False
    return float(haversine_km(e["lat"], e["lon"], site["lat"], site["lon"])) > SAME_PLACE_KM


def give_sites_bare_names(
    b: Any, out: Path, fold: Any, name_key: Any, haversine_km: Any, note: Any
) -> None:
    """A prominent site's own names beat far villages of that name; a town keeps its name.

    The rule a reader uses: "Bab al-Hawa" alone is the crossing, not the hamlet of that name
    in al-Hasakah; "Tal Abyad", "Jarablus", "Kasab" stay the towns the crossings are named
    after. A :data:`PROMINENT` site ranks above the others of one of its ``own`` names (the
    names that alone mean it) when every other place of that exact key is a populated place
    that is no town (importance below :data:`TOWN_IMPORTANCE`, fewer than 10,000 people),
    not the community the site is named after (``near``) and farther than
    :data:`SAME_PLACE_KM` from the site: its importance becomes
    :data:`BARE_SITE_IMPORTANCE`, above the villages and below any town. A ``base`` name
    alone never means the site (the real evaluation set reads "Nairab" and "Kweires" as the
    villages, not the air bases), and a site one of whose names is a common word or a
    person's name (``_build_names._not_names``: "al-Omar", "Tishrin", "al-Sina'a", "Jaber")
    is left as it is.
    """
    from _build_names import _not_names  # the bare village names' list of words and persons

    words = _not_names(out, fold, name_key)
    rows = read_table(out / "landmarks.csv")
    keys: dict[str, set[int]] = {}
    for i, vs in enumerate(b.variants):
        if b.entries[i]["source"] != "landmarks":
            for t, _ in vs:
                keys.setdefault(name_key(t), set()).add(i)
    taken_by = 0
    for r in rows:
        own, bases = _split(r["own"]), [*_split(r["base"]), *_split(r["base_ar"])]
        if r["feature"] not in PROMINENT or any(name_key(n) in words for n in (*own, *bases)):
            continue
        i = b.by_id[f"landmarks:{r['name']}"]
        site = b.entries[i]
        taken = []
        for name in own:
            others = keys.get(name_key(name), ())
            if others and all(
                _a_far_village(b.entries[j], site, r["near"], haversine_km) for j in others
            ):
                taken.append(name)
        if taken:
            site["importance"] = BARE_SITE_IMPORTANCE
            site["extra"]["bare_names"] = True
            taken_by += 1
    note(f"landmarks.csv: {taken_by} prominent sites rank above far villages of their own names")
    stems = _crossing_stems(b, rows, keys, words, fold, name_key)
    note(f"landmarks.csv: {stems} crossings answer to their Turkish name without its generic")


#: The generic words of a Turkish border gate's name ("Öncüpınar Sınır Kapısı").
TURKISH_GENERICS = ("sınır kapısı", "gümrük kapısı", "hudut kapısı")


def _crossing_stems(
    b: Any, rows: list[dict[str, str]], keys: dict, words: set[str], fold: Any, name_key: Any
) -> int:
    """A crossing's Turkish name without its generic words ("Öncüpınar" of "Öncüpınar Sınır
    Kapısı") becomes a name of the crossing when no place has that name and it is no word.
    Turkish names a gate after the Turkish village by it: where that village is in the
    gazetteer (Akçakale, Ceylanpınar, Cilvegözü), the name stays the village."""
    generics = {fold(g) for g in TURKISH_GENERICS}
    n = 0
    for r in rows:
        if r["feature"] != "crossing":
            continue
        i = b.by_id[f"landmarks:{r['name']}"]
        for full in _split(r["variants"]):
            parts = full.split()
            stem = " ".join(parts[:-2])
            if len(parts) < 3 or fold(" ".join(parts[-2:])) not in generics:
                continue
            k = name_key(stem)
            if k and k not in keys and k not in words:
                have = {name_key(t) for t, _ in b.variants[i]}
                typed = [t for t in (stem, typed_turkish(stem)) if t and name_key(t) not in have]
                b.add_names(i, typed)
                n += 1
    return n
