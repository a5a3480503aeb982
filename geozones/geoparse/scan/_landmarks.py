"""Named sites in a text: an air base, a crossing, a dam, a field, a camp, a prison by its phrase.

The gazetteer holds the sites war reports name (``data/landmarks.csv``: the Tabqa dam, the
Abu al-Duhur air base, the Bab al-Hawa crossing, the Rukban camp …) under the phrases the
press writes around their names ("the Tabqa dam", "سد الفرات", "معبر باب الهوى", "Cilvegözü
sınır kapısı", "barrage de Tabqa", "the airbase Nairab"). The scan finds such a phrase as one
name, longer than the town inside it, so "the Abu al-Duhur airbase" is one mention placed at
the air base while "Abu al-Duhur" alone stays the town. A bare name is a site's only when
the table gives it as the site's own (Rukban, al-Tanf, Tiyas); the geoparser then weighs it
against any namesake village as usual.

A phrase may open with its feature's word in lower case ("the airbase Nairab", "le barrage
de Tischrin"): the name proper is the capitalised part, and the geoparser's test that a
name starts with a capital is made on that part (:func:`name_from_capital`). A site's own
name shared with a village ("Bab al-Hawa", also two villages of Homs and al-Hasakah) is the
site alone where its feature's word stands next to it in the clause ("the border crossing
at Bab al-Hawa", "Bab al-Hawa gate"): the villages are dropped (:func:`keep_sites_by_cue`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ...gazetteer import Gazetteer

#: The gazetteer source of the named sites.
SOURCE = "landmarks"

_AIR = (
    r"air ?bases?|air ?fields?|(?:military )?airports?|aerodromes?|aéroports?|bases? aériennes?"
    r"|Flughafen|Flugplatz|Luftwaffenstützpunkt|hava ?üss?ü|havaalanı|havalimanı|مطار|قاعدة"
)
#: The words of each feature that make a shared name the site's ("the crossing at X").
_CUE_WORDS: dict[str, str] = {
    "airbase": _AIR,
    "airport": _AIR,
    "crossing": r"crossings?|border (?:gate|post|point)s?|gates?|poste[- ]frontière"
    r"|point de passage|Grenzübergang|sınır kapısı|معبر|منفذ",
    "dam": r"dams?|barrages?|Staudamm|Damm|Talsperre|barajı|سد",
    "oil-field": r"(?:oil |gas )?fields?|oilfields?|champs? pétroliers?|Ölfeld|sahası|حقل|حقول",
    "gas-field": r"(?:oil |gas )?fields?|gas plant|champs? gaziers?|Gasfeld|sahası|حقل|حقول|معمل",
    "camp": r"(?:refugee |displacement )?camps?|kampı|Lager|Flüchtlingslager|مخيم",
    "prison": r"prisons?|cezaevi|hapishanesi|Gefängnis|سجن",
    "base": r"bases?|garrison|outpost|üssü|Stützpunkt|قاعدة",
    "mountain": r"mount|mountains?|jabal|jebel|dağı|جبل",
    "hill": r"hills?|hilltops?|heights?|tepesi|colline|Hügel|تل|تلة",
    # the kinds of data/landmarks.csv added for issue #16 (farms, plants, academies …)
    "farm": r"farms?|fermes?|çiftlikleri|Farmen|مزارع",
    "factory": r"factory|factories|(?:gas |cement )?plant|usine|cimenterie|Fabrik|fabrikası"
    r"|معمل|مصنع",
    "refinery": r"(?:oil )?refinery|raffinerie|Raffinerie|rafinerisi|مصفاة",
    "power-plant": r"power (?:plant|station)|thermal (?:power )?(?:plant|station)|centrale"
    r"|Kraftwerk|santrali|محطة",
    "water-station": r"(?:water |pumping )+(?:station|plant|project|facility)|spring|station de"
    r" pompage|Wasserwerk|Pumpstation|istasyonu|محطة|نبع",
    "academy": r"academy|college|school|académie|école|Akademie|akademisi|okulu|كلية|مدرسة",
    "hospital": r"hospital|hôpital|Krankenhaus|hastanesi|مشفى|مستشفى",
    "bridge": r"bridge|pont|Brücke|köprüsü|جسر",
    "ancient-site": r"ancient|ruins?|archaeological|antique|ruines|antike|Ruinen|antik"
    r"|آثار|الأثرية",
    "industrial-zone": r"industrial (?:city|zone|area|district)|zone industrielle|Industriegebiet"
    r"|sanayi|الصناعية",
    "lake": r"lake|lac|See|gölü|بحيرة",
    "roundabout": r"roundabout|square|circle|rond-point|place|Platz|meydanı|دوار|ساحة",
    "depot": r"depots?|warehouses?|dépôts?|Waffenlager|cephanelikleri|depoları|مستودعات",
    "port": r"(?:sea)?ports?|port de|Hafen|limanı|مرفأ|ميناء",
    "mosque": r"mosques?|mosquée|Moschee|camii|جامع|مسجد",
    "research-center": r"research (?:center|centre|facility)|centre de recherches?"
    r"|Forschungszentrum|araştırma merkezi|مركز البحوث",
}
#: The cue before the name, in its clause: "the border crossing at X", "معبر X".
_BEFORE = {
    f: re.compile(
        rf"(?:^|[^\w])(?:{w})\s+(?:(?:at|of|in|near|de|du|von|bei)\s+)?(?:the\s+|al-|ال)?$",
        re.IGNORECASE,
    )
    for f, w in _CUE_WORDS.items()
}
#: The cue right after the name: "X camp", "X gate", "X Sınır Kapısı".
_AFTER = {
    f: re.compile(rf"^(?:['’]s)?[\s-]+(?:{w})(?!\w)", re.IGNORECASE) for f, w in _CUE_WORDS.items()
}
_WINDOW = 40


def landmarks(gaz: Gazetteer) -> dict[int, str]:
    """The gazetteer's named sites: entry index → feature (``airbase``, ``crossing`` …).

    Examples
    --------
    >>> from geozones import Gazetteer
    >>> gz = Gazetteer.default()
    >>> sites = landmarks(gz)
    >>> gz.place(min(sites)).source
    'landmarks'
    """
    return {
        i: str(gaz.place(i).extra.get("feature", ""))
        for i, source in enumerate(gaz.sources)
        if source == SOURCE
    }


def keep_sites_by_cue(text: str, found: Sequence[Any], sites: dict[int, str]) -> list[Any]:
    """The scan's matches, with a name shared by a site and a village kept as the site alone
    where the site's feature word stands next to it ("the border crossing at Bab al-Hawa",
    "Bab al-Hawa gate"); every other match as it was.

    Examples
    --------
    >>> keep_sites_by_cue("Nothing here.", [], {})
    []
    """
    out = []
    for m in found:
        own = [p for p in m.payloads if p.kind == "g" and p.ref in sites]
        if own and len(own) < len(m.payloads) and _cued(text, m, {sites[p.ref] for p in own}):
            m = replace(m, payloads=tuple(own))
        out.append(m)
    return out


def _cued(text: str, m: Any, features: set[str]) -> bool:
    """Whether a word of one of ``features`` stands right before (in its clause) or after ``m``."""
    before = re.split(r"[.;:!?\n،]", text[max(0, m.start - _WINDOW) : m.start])[-1]
    after = text[m.end : m.end + _WINDOW]
    return any(_BEFORE[f].search(before) or _AFTER[f].match(after) for f in features)


def name_from_capital(text: str, found: Sequence[Any], sites: dict[int, str]) -> list[Any]:
    """The scan's matches, with a site phrase that opens with a lower-case word ("airbase
    Nairab", "barrage de Tischrin") named from its first capitalised word on; every other
    match as it was.

    ``found`` holds the scan's matches (``start``, ``name_start``, ``end`` and
    ``payloads``, whose ``kind`` ``"g"`` and ``ref`` name a gazetteer entry).

    Examples
    --------
    >>> name_from_capital("Nothing here.", [], {})
    []
    """
    if not sites:
        return list(found)
    out = []
    for m in found:
        first = text[m.name_start : m.name_start + 1]
        if first.islower() and first.isascii() and _all_sites(m, sites):
            cap = _first_capital(text, m.name_start, m.end)
            if cap is not None:
                m = replace(m, name_start=cap)
        out.append(m)
    return out


def _all_sites(m: Any, sites: dict[int, str]) -> bool:
    return bool(m.payloads) and all(p.kind == "g" and p.ref in sites for p in m.payloads)


def _first_capital(text: str, start: int, end: int) -> int | None:
    """The offset of the first word within ``text[start:end]`` that starts with a capital."""
    at = start
    for word in text[start:end].split():
        at = text.index(word, at)
        if word[:1].isupper():
            return at
        at += len(word)
    return None
