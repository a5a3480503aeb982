"""Words around a place name that make it a region or a zone: "western … countryside",
"southern …", "… province", "the … plain", "ريف … الشمالي", "… de-escalation zone".

Split from :mod:`._context` (which re-exports these names); the function takes the
original text and returns character spans.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

_DIRECTIONS = (
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|central|"
    r"northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|"
    r"south-?western|rural|greater|upper|lower)"
)
_AR_DIR = r"(?:شمال|جنوب|شرق|غرب)(?:ي)?(?:\s*(?:ال)?(?:شرق|غرب)(?:ي)?)?"
_FR_DIR = r"(?:nord|sud|est|ouest)(?:-(?:est|ouest))?"
_DE_DIR = (
    r"(?:nord|süd)?(?:östlich|westlich)|nördlich|südlich|(?:nord|süd)?(?:osten|westen)"
    r"|norden|süden"
)
#: Words before a name that make it (a part of) a region: English, Arabic, French, German.
_REGION_BEFORE = [
    re.compile(rf"(?:\b(?:the|in|of)\s+)?\b(?P<dir>{_DIRECTIONS})\s+(?:parts?\s+)?$", re.I),
    re.compile(
        rf"\b(?:the\s+)?(?:(?P<dir>{_DIRECTIONS})\s+)?(?:parts?\s+)?"
        r"(?P<noun>countryside|rural areas?|outskirts|suburbs|environs|vicinity|provinces?"
        r"|governorates?|region|district|subdistrict|area|enclave|pocket|canton|(?<!\bas )parts?)"
        r"\s+of\s+(?:the\s+)?"
        # "the eastern countryside of the Syrian city of Deir Ezzor": an adjective before it
        r"(?:(?:[A-Z][a-z]+\s+)?(?:city|town|village)\s+of\s+)?$",
        re.I,
    ),
    # "the countryside south of Damascus": the countryside, then its side (a part, as the
    # "southern Damascus countryside")
    re.compile(
        rf"\b(?P<noun>countryside|rural\s+areas?)\s+(?:to\s+the\s+)?(?P<dir>{_DIRECTIONS})"
        r"\s+of\s+(?:the\s+)?$",
        re.I,
    ),
    # "west of Aleppo": a position next to the town, not a part of its province
    re.compile(
        rf"(?<!the )\b(?P<dir>{_DIRECTIONS})\s+of\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?"
        r"(?P<near>)$",
        re.I,
    ),
    re.compile(
        rf"(?:^|[\s،(])(?:[وبلف]|في\s+)?(?:(?P<dir>{_AR_DIR})\s+)?"
        # "مقاطعة الحسكة": the Autonomous Administration's word for a governorate (canton)
        r"(?P<noun>ريف|ريفي|أرياف|ارياف|محافظة|مقاطعة|منطقة|ناحية|أطراف|اطراف|ضواحي|محيط|بادية"
        # "4 محافظات، هي: حلب ودير الزور": the governorates a list names
        r"|محافظات(?:\s*[،,]?\s*و?هي\s*:)?)\s+(?:(?:مدينة|بلدة)\s+)?"
        # a name in quotes or brackets: "ناحية “شران”"; a hashtag: "محافظة #السويداء"
        r"(?:[\"“«(#]\s*)?$"
    ),
    # the place's other name in brackets after its own: "بريف سري كانيه (رأس العين)"
    re.compile(
        r"(?:^|[\s،(])[وبلف]?(?P<noun>ريف)\s+[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+)?"
        r"\s*\(\s*$"
    ),
    # "الريف الشرقي لمدينة دير الزور", "الريف الشمالي لحماة": the countryside, then its side
    re.compile(
        r"(?:^|[\s،(])[وبلف]?(?P<noun>الريف)\s+"
        r"(?P<dir>ال(?:شمالي|جنوبي|شرقي|غربي)(?:\s+ال(?:شرقي|غربي))?)\s+"
        r"(?:ل(?:مدينة|محافظة|بلدة)\s+|ل)?$"
    ),
    re.compile(rf"(?:^|[\s،(])(?:[وب]|في\s+|ل)?(?P<dir>{_AR_DIR})\s+$"),
    re.compile(
        rf"\b(?:au|le|du|dans le)\s+(?:(?:secteur|quartier|partie)\s+)?(?P<dir>{_FR_DIR})\s+"
        r"(?:de\s+(?:la\s+)?|d['’]\s*)"
        r"(?:(?:province|région|ville)\s+(?:de\s+|d['’]\s*))?$"
        r"|\b(?P<noun>provinces?(?:\s+voisines)?|région|campagne|banlieue)\s+(?:de\s+|d['’]\s*)$",
        re.I,
    ),
    re.compile(
        rf"\b(?:im\s+)?(?P<dir>{_DE_DIR})\s+(?:von\s+|der\s+(?:Provinz|Stadt)\s+)?$"
        r"|\b(?:der\s+|die\s+|dem\s+|im\s+)?(?P<noun>Provinz|Region|Distrikt|Destrikt|Bezirk|Kanton)\s+$"
        r"|\b(?P<dir2>west|ost|nord|süd)?(?P<noun2>teile?|umgebung)\s+(?:von\s+)?$",
        re.I,
    ),
    # "Rif Dimashq", "Reef Aleppo": ريف X (the countryside of X) transliterated, a region
    # like "X countryside"; capitalised, as a name's first word ("the Rif mountains" aside)
    re.compile(r"(?<![\w-])(?P<noun>Rif|Reef|Reif|Rif-|Reef-)[ \t]*(?<=[ \t-])$"),
]
#: German compass prefixes of a part's noun ("Westteil von Aleppo").
_DE_COMPASS = {"west": "west", "ost": "east", "nord": "north", "süd": "south"}
#: Words one of which every "before" cue holds (a cheap test before the full patterns).
_CUE_WORD = re.compile(
    r"north|south|east|west|central|rural|greater|upper|lower|countryside|outskirts|suburbs"
    r"|environs|vicinity|province|governorate|region|district|area|part|enclave|pocket|canton"
    r"|ريف|رياف|محافظة|محافظات|مقاطعة|منطقة|ناحية|طراف|ضواحي|محيط|بادية|شمال|جنوب|شرق|غرب"
    r"|nord|sud|est|ouest|campagne|banlieue|östlich|westlich|nördlich|südlich|norden|süden"
    r"|osten|westen|provinz|région|teil|umgebung|distrikt|destrikt|bezirk|kanton|rif|reef|reif",
    re.IGNORECASE,
)
#: The patterns of ``_REGION_BEFORE`` that need an Arabic letter (the others need a Latin
#: one, under their own case folding): a head without such a letter skips them, unsearched.
_ARABIC_BEFORE = frozenset(range(4, 8))
_HAS_ARABIC = re.compile(r"[\u0600-\u06ff]")
_HAS_LATIN = re.compile(r"[a-z]", re.IGNORECASE)  # re.I: also "ı", "ſ", "K" (Kelvin)


#: ``_CUE_WORD``'s Arabic words, and its others (each with a Latin letter), apart: a head
#: in one script is searched for its own words only (a search under ``re.IGNORECASE``
#: costs ten times more on Arabic text than a plain one).
_CUE_WORD_ARABIC = re.compile(
    "|".join(w for w in _CUE_WORD.pattern.split("|") if _HAS_ARABIC.search(w))
)
_CUE_WORD_LATIN = re.compile(
    "|".join(w for w in _CUE_WORD.pattern.split("|") if not _HAS_ARABIC.search(w)),
    re.IGNORECASE,
)
#: The characters that ``re.IGNORECASE`` matches with a letter of those words, as that
#: letter (the capitals, the Turkish "İ" and "ı", the long "ſ", the Kelvin sign): searched in
#: lower case after it, the words match where they match under ``re.IGNORECASE``, four
#: times faster.
_AS_CASELESS = str.maketrans(
    {**{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)},
     "İ": "i", "ı": "i", "\u212a": "k", "ſ": "s", "É": "é", "Ö": "ö", "Ü": "ü"}
)  # fmt: skip
_CUE_WORD_LOWER = re.compile(_CUE_WORD_LATIN.pattern)


def _cue_word(head: str) -> bool:
    """``_CUE_WORD.search(head)``, each script's words searched only in a head that has it."""
    if _HAS_ARABIC.search(head) and _CUE_WORD_ARABIC.search(head):
        return True
    return bool(_HAS_LATIN.search(head) and _CUE_WORD_LOWER.search(head.translate(_AS_CASELESS)))


def _before_patterns(head: str) -> list[re.Pattern[str]]:
    """``_REGION_BEFORE`` in its order, less the patterns the head's script rules out."""
    arabic, latin = bool(_HAS_ARABIC.search(head)), bool(_HAS_LATIN.search(head))
    if arabic and latin:
        return _REGION_BEFORE
    if not arabic and not latin:
        return []
    return [rx for i, rx in enumerate(_REGION_BEFORE) if (i in _ARABIC_BEFORE) == arabic]


_REGION_AFTER = [
    re.compile(
        rf"^\s*(?:(?P<dir>{_DIRECTIONS})\s+)?(?P<noun>(?:province|governorate|countryside|region"
        r"|district|subdistrict|sub-district|plains?|mountains?|valley|desert|suburbs|outskirts"
        r"|pocket|enclave|area|canton)s?)\b",
        re.I,
    ),
    re.compile(r"^\s+(?P<dir>ال(?:شمالي|جنوبي|شرقي|غربي)[ةه]?(?:\s+ال(?:شرقي|غربي)[ةه]?)?)"),
    re.compile(
        r"^(?:['’]?(?:n[ıi]n|[ıi]n|un|ün|nun|nün))?\s+(?P<dir>kuzey|güney|doğu|batı)"
        r"(?:\s*(?:doğu|batı))?\w*"
        # "Afrin'e bağlı Raco": the district the villages belong to
        r"|^(?:['’]y?[ea])?\s+(?P<noun>kırsal\w*|vilayeti\w*|ili|ilinde|bölgesi\w*|kenti\w*"
        r"|bağlı\b)",
        re.I,
    ),
    # "in Rajou front", "on the Jinderes front": a front named after one town is its area,
    # as the set reads "the Hama front" (lower case: "the Levant Front" is a group)
    re.compile(r"^[ \t]+(?P<noun>front)\b(?![-‑])"),
]
#: "أحياء" (quarters) right before a name: a compass adjective after it agrees with the
#: quarters ("أحياء حلب الشرقية", the eastern quarters of Aleppo): the city's parts.
_QUARTERS_BEFORE = re.compile(r"(?:^|\s)[وفب]?(?:أحياء|احياء)\s+$")
#: The same with a city's own nouns ("مدينة درعا الجنوبية", the southern city of Daraa; "مدخل
#: حلب الغربي", Aleppo's western entrance): the adjective is the noun's, the name the city's.
_CITY_NOUN_BEFORE = re.compile(r"(?:^|\s)[وفبل]?(?:مدينة|لمدينة|مدخل|مداخل)\s+$")
#: A name right after another and a hyphen or "and": one end of a pair ("Hama-Idlib").
_END_OF_PAIR = re.compile(r"(?:[-‑–/][ \t]*|\band[ \t]+(?:the[ \t]+)?)$")
_ZONE_AFTER = re.compile(
    r"^\s*(?P<noun>(?:de-?escalation|demilitari[sz]ed|safe|buffer|security|ceasefire)\s+zones?)\b",
    re.IGNORECASE,
)
#: nouns after a coordinated list ("Latakia, Hama and Aleppo provinces")
_PLURAL_REGION = re.compile(
    r"^\s*(?:provinces|governorates|districts|subdistricts|countrysides|regions|cantons)\b",
    re.IGNORECASE,
)
_COORD_GAP = re.compile(r"^\s*(?:,|,?\s*and|,?\s*or)\s*$")
#: What a noun of a region cue makes of a town: a ring around it.
_RING_NOUNS = {"outskirts": "outskirts", "suburbs": "outskirts", "environs": "outskirts",
               "vicinity": "outskirts", "أطراف": "outskirts", "اطراف": "outskirts",
               "ضواحي": "outskirts", "محيط": "outskirts", "banlieue": "outskirts",
               "countryside": "countryside", "ريف": "countryside", "الريف": "countryside",
               "ريفي": "countryside",  # the dual: "ريفي حمص الشمالي وحماة الجنوبي"
               "أرياف": "countryside", "ارياف": "countryside",
               "campagne": "countryside", "rural areas": "countryside",
               "kırsal": "countryside", "region": "countryside", "front": "countryside",
               "rif": "countryside", "reef": "countryside", "reif": "countryside"}  # fmt: skip
_ADMIN_LEVEL = {"محافظة": 1, "محافظات": 1, "مقاطعة": 1, "provinz": 1, "ili": 1, "vilayeti": 1,
                "منطقة": 2, "ناحية": 3, "distrikt": 2, "destrikt": 2, "bezirk": 2, "bağlı": 2,
                "province": 1, "governorate": 1, "countryside": 1, "region": 1, "front": 1,
                "district": 2, "subdistrict": 3, "sub-district": 3}  # fmt: skip


@dataclass(frozen=True)
class RegionCue:
    """Words around a place name that make it a region or a zone."""

    kind: str  # "region" or "zone"
    start: int  # extended span
    end: int
    direction: str | None
    noun: str | None
    level: int | None
    ring: str | None = None  # "outskirts", "countryside": a ring around a town


def region_cue(text: str, start: int, end: int) -> RegionCue | None:
    """Look at the words around ``text[start:end]`` for a region or zone.

    Examples
    --------
    >>> t = "shelling in the western Aleppo countryside"
    >>> c = region_cue(t, t.index("Aleppo"), t.index("Aleppo") + 6)
    >>> t[c.start:c.end], c.direction, c.level
    ('western Aleppo countryside', 'western', 1)
    """
    head = text[max(0, start - 50) : start]
    after_text = text[end : end + 40]
    zone = _ZONE_AFTER.match(after_text)
    if zone:
        return RegionCue("zone", start, end + zone.end(), None, zone.group("noun"), 1)
    before = None
    if _cue_word(head):  # most names have none of these words before them
        before = next((m for rx in _before_patterns(head) if (m := rx.search(head))), None)
        if before is not None and (_noun_of_a_name(head, before) or _an_area_of(head, before)):
            before = None  # "the Waer district of Homs": the district is Waer's, not Homs's
        if before is not None and _parts_alone(before):
            before = None  # "one of the final parts of Raqqa to fall": no side named
    after = next((m for rx in _REGION_AFTER if (m := rx.match(after_text))), None)
    if (
        after is not None
        and after.re is _REGION_AFTER[1]
        and (_QUARTERS_BEFORE.search(head) or before is None and _CITY_NOUN_BEFORE.search(head))
    ):
        after = None  # "أحياء حلب الغربية": the western quarters of the city, not west Aleppo
    if after is not None and after.re is _REGION_AFTER[-1] and _END_OF_PAIR.search(head):
        after = None  # "the Hama-Idlib front", "the Raqqa and Deir ez-Zor front": its ends
    if not before and not after:
        return None
    s, e = start, end
    words, nouns = [], []
    if before:
        gd = before.groupdict()
        firsts = [before.start(g) for g in ("dir", "noun", "dir2", "noun2") if gd.get(g)]
        s = start - len(head) + (min(firsts) if firsts else before.start())
        words += [gd.get("dir") or _DE_COMPASS.get((gd.get("dir2") or "").lower(), "")]
        nouns += [gd.get("noun") or gd.get("noun2") or ""]
    if after:
        e = end + after.end()
        words += [after.groupdict().get("dir") or ""]
        nouns += [after.groupdict().get("noun") or ""]
    direction = " ".join(w for w in words if w) or None
    if direction and nouns[0].lower() in ("part", "parts"):
        nouns[0] = ""  # "the northwestern parts of Homs" is "northwestern Homs" (round 27)
    noun = next((n for n in nouns if n), None)
    key = noun.lower() if noun else ""
    ring = next((v for k, v in _RING_NOUNS.items() if key and key.startswith(k.rstrip("s"))), None)
    level = next((v for k, v in _ADMIN_LEVEL.items() if key and key.startswith(k)), None)
    last = nouns[-1] if after is not None else ""
    if ring == "outskirts" and _ADMIN_LEVEL.get(last.lower()) == 1:
        noun, ring, level = last, None, 1  # "the eastern suburbs of Idlib governorate": its part
    if before is not None and before.groupdict().get("near") is not None:
        if level is not None and after is not None and after.groupdict().get("noun"):
            direction = None  # "south of Idlib province": the province, whole, named as a mark
        else:
            ring = ring or "direction"
    if level is None and (ring == "countryside" or direction and not ring):
        level = 1  # "southern Idlib", "ريف إدلب": the province
    return RegionCue("region", s, e, direction, noun, level, ring)


#: A possessive and a capitalised name with an admin noun below a governorate's: the name
#: before the possessive is the area that holds it ("Afrin’s Shera district", "Idlib's
#: Harim District"), not its town.
_OWNER_OF_AREA = re.compile(
    r"['’]s[ \t]+(?P<name>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})[ \t]+"
    r"(?P<noun>(?i:district|subdistrict|sub-district|canton|region|countryside))\b"
)
#: A people's adjective ("Syrian", "Kurdish", "Iraqi", "Druze"): no name of a place.
DEMONYM = re.compile(r"(?:ian|ish|ese|ite|ic|i)$|^(?:Druze|Arab|Turkmen|Kurd|Arabs)$")
#: A capitalised word right before a region noun ("Waer district of", "Afrin region of"):
#: the noun names that place's area; sentence-opening articles are no such word.
_NAME_BEFORE_NOUN = re.compile(r"(?<![\w'’-])(?!(?:The|A|An|In|Of)\s)(?P<word>[A-Z][\w'’-]*)\s+$")


def _parts_alone(before: re.Match[str]) -> bool:
    """Whether the cue is "parts of" with no compass word: the plural names no part of the
    place ("the final parts of Raqqa to fall"); "the northern parts of" does (round 27)."""
    gd = before.groupdict()
    return (gd.get("noun") or "").lower() == "parts" and not gd.get("dir")


def _noun_of_a_name(head: str, before: re.Match[str]) -> bool:
    """Whether the English "X of" region noun before a name belongs to the name written just
    before it ("the long-disputed Waer district of Homs"), not to the name after."""
    gd = before.groupdict()
    if not gd.get("noun") or gd.get("dir") or not gd["noun"].isascii():
        return False
    m = _NAME_BEFORE_NOUN.search(head, 0, before.start("noun"))
    return m is not None and not DEMONYM.search(m.group("word"))  # not "the Syrian region of"


#: An indefinite article and up to three words before a noun ("a rebel-held area of").
_INDEFINITE_BEFORE = re.compile(r"\b(?:an?|one)\s+(?:[\w'’-]+\s+){0,3}$", re.I)


def _an_area_of(head: str, before: re.Match[str]) -> bool:
    """Whether the cue is "an area of X" with the indefinite article ("a rebel-held area of
    Aleppo", "a strategically important area of Aleppo"): one part among the town's, the
    town itself, not "the area of X", its region.

    Examples
    --------
    >>> h = "Syrians leave a rebel-held area of "
    >>> _an_area_of(h, _REGION_BEFORE[1].search(h))
    True
    >>> h = "fighting in the area of "
    >>> _an_area_of(h, _REGION_BEFORE[1].search(h))
    False
    """
    gd = before.groupdict()
    if (gd.get("noun") or "").lower() != "area" or gd.get("dir"):
        return False
    return _INDEFINITE_BEFORE.search(head, 0, before.start("noun")) is not None


def plural_region_follows(text: str, end: int) -> bool:
    """Whether "provinces"/"governorates"… follows ``end`` ("Hama and Aleppo provinces").

    Examples
    --------
    >>> plural_region_follows("Hama and Aleppo provinces", 15)
    True
    """
    return bool(_PLURAL_REGION.match(text[end : end + 30]))


def owner_of_area(text: str, end: int) -> tuple[int, int, str] | None:
    """The area a possessive after a name introduces ("Afrin’s Shera district"): where its
    name runs (start, end) and its noun; the name before the possessive is the area that
    holds it, not its town. None when no such area follows.

    Examples
    --------
    >>> t = "in Afrin’s Shera district"
    >>> owner_of_area(t, 8)
    (11, 16, 'district')
    """
    m = _OWNER_OF_AREA.match(text, end, end + 60)
    return (m.start("name"), m.end("name"), m.group("noun")) if m else None


def plural_region_noun(text: str, end: int) -> str | None:
    """The plural admin noun that follows ``end`` ("Hama and Aleppo provinces", "the Afrin
    and Kobane cantons"), or None.

    Examples
    --------
    >>> plural_region_noun("the Afrin and Kobane cantons", 20)
    'cantons'
    """
    m = _PLURAL_REGION.match(text[end : end + 30])
    return m.group(0).strip() if m else None


def coordinated(text: str, end: int, next_start: int) -> bool:
    """Whether two names are joined as a list (", ", " and ", ", and ").

    Examples
    --------
    >>> coordinated("Latakia, Hama and Aleppo", 7, 9), coordinated("Latakia to Hama", 7, 11)
    (True, False)
    """
    return bool(_COORD_GAP.match(text[end:next_start]))


#: A plural admin noun before a list: "the provinces of Hama, Aleppo and Latakia", "les
#: provinces de …", "محافظات حلب وإدلب".
_PLURAL_NOUNS = frozenset("provinces governorates régions regions محافظات provinzen".split())
_LIST_GAP = re.compile(r"\s*(?:[,،]\s*)?(?:(?:and|et|und|ve)\s+|و)?\s*", re.IGNORECASE)


def mark_plural_lists(text: str, items: Sequence[Any]) -> None:
    """The names listed after a plural admin noun are all governorates: "the provinces of
    Hama, Aleppo and Latakia" (Aleppo too, not the city). ``items`` (the selector's, in
    text order, with ``cue``, ``end`` and ``name_start``) get a governorate's cue.

    Examples
    --------
    >>> mark_plural_lists("", [])
    """
    for i, it in enumerate(items):
        if it.cue is None or (it.cue.noun or "").lower() not in _PLURAL_NOUNS:
            continue
        for prev, nxt in zip(items[i:], items[i + 1 :], strict=False):
            if not _LIST_GAP.fullmatch(text[prev.end : nxt.name_start]) or nxt.cue is not None:
                break
            nxt.cue = RegionCue("region", nxt.start, nxt.end, None, None, 1)
            if re.search(r"\b(?:and|et|und|ve)\b|و", text[prev.end : nxt.name_start], re.I):
                break  # "… Hama and Idlib, Aleppo was calm": the list ended at its "and"


#: A plural Arabic admin noun, then (within a few words) a list in brackets: "خمس نواحٍ في
#: منطقة عفرين (شران، وبلبلة، …)", "المحافظات الثلاث (حلب وإدلب وحماة)".
_AR_PLURAL_ADMIN = re.compile(
    r"(?<![\u0600-\u06ff])(?:ال)?(?P<noun>نواح|نواحي|محافظات)[\u064b-\u0652]*"
    r"(?:[ \t]+[^\s()]+){0,4}?[ \t]*\((?P<list>[^()\n]{2,200})\)"
)
#: A dual Arabic admin noun and the two names it governs, up to the clause's end:
#: "الخط الفاصل بين منطقتي “درع الفرات” و”منبج”" (the two areas).
_AR_DUAL_ADMIN = re.compile(
    r"(?<![\u0600-\u06ff])(?:ال)?(?P<noun>منطقتي|محافظتي|ناحيتي)[ \t]+"
    r"(?P<list>[^\n.،,:;]{2,80}?)(?=[\n.،,:;]|$)"
)
#: Between the two names of a dual: "و" and their quotation marks ("“X” و”Y”"), or the
#: first name, not in the scan, and "و".
_DUAL_GAP = re.compile(
    r"[ \t\"“”«»]*(?:[^\s\"“”«»]+(?:[ \t]+[^\s\"“”«»]+){0,3})?[\"“”«» \t]*و?[\"“”«»]*"
)
#: ("مناطق", areas, names towns as often as districts: no such list.)
_AR_PLURAL_SINGULAR = {"نواح": "ناحية", "نواحي": "ناحية", "محافظات": "محافظة"}


def mark_bracketed_admin_lists(text: str, items: Sequence[Any]) -> None:
    """The names listed in brackets after a plural Arabic admin noun are all areas of that
    level: "خمس نواحٍ في منطقة عفرين (شران، وبلبلة، والشيخ حديد)" are sub-districts, not
    their centre towns; so are the two names after a dual one ("منطقتي “درع الفرات”
    و”منبج”", the two areas). ``items`` get the admin noun's cue.

    Examples
    --------
    >>> mark_bracketed_admin_lists("", [])
    """
    for m in _AR_DUAL_ADMIN.finditer(text):  # "منطقتي “درع الفرات” و”منبج”": two areas
        a, b = m.span("list")
        noun = m.group("noun")[:-2] + "ة"
        inside = [it for it in items if a <= it.start and it.end <= b][:2]
        pair = inside[:1] + [
            it for it in inside[1:]
            if _DUAL_GAP.fullmatch(text, a, it.start)
            or _DUAL_GAP.fullmatch(text, inside[0].end, it.start)
        ]  # fmt: skip
        for it in pair:
            if it.cue is None:
                it.cue = RegionCue("region", it.start, it.end, None, noun, _ADMIN_LEVEL[noun])
    if "(" not in text or "نواح" not in text and "محافظات" not in text:
        return  # no bracket or no plural admin noun: nothing to scan
    for m in _AR_PLURAL_ADMIN.finditer(text):
        a, b = m.span("list")
        noun = _AR_PLURAL_SINGULAR[m.group("noun")]
        for it in items:
            if a <= it.start and it.end <= b and it.cue is None:
                it.cue = RegionCue("region", it.start, it.end, None, noun, _ADMIN_LEVEL[noun])


#: "مركز ناحية راجو", "مركز منطقة راجو": the centre of a subdistrict or district is its seat,
#: the town of its name.
_SEAT_BEFORE = re.compile(r"(?:^|\s)[وبلف]?(?:ال)?مركز\s*$")
#: The building an area is governed from ("مبنى محافظة السويداء", "مقر محافظة الحسكة",
#: "سرايا منطقة عفرين"): it stands in the area's seat, which the set marks at the city's point
#: (round 27). Not "مركز محافظة X" (the governorate's centre, said of a town named before it:
#: "مدينة البعث مركز محافظة القنيطرة" names the governorate).
_BUILDING_BEFORE = re.compile(r"(?:^|\s)[وبلف]?(?:ال)?(?:مبنى|مبني|مقر|مقرّ|سرايا|سراي|قصر)\s*$")


def seat_named(text: str, cue: RegionCue) -> bool:
    """Whether the words before an admin noun make the name the area's seat, the town: "مركز
    ناحية راجو" (the centre of the Raju subdistrict) is Raju; "مبنى محافظة السويداء" (the
    governorate's building) stands in Sweida, the city.

    Examples
    --------
    >>> t = "سيطر الجيش على مركز ناحية راجو"
    >>> seat_named(t, RegionCue("region", t.index("ناحية"), len(t), None, "ناحية", 3))
    True
    >>> seat_named(t, RegionCue("region", t.index("مركز"), len(t), None, "مركز", 3))
    False
    >>> t = "تجمعوا أمام مبنى محافظة السويداء"
    >>> seat_named(t, RegionCue("region", t.index("محافظة"), len(t), None, "محافظة", 1))
    True
    >>> t = "مدينة البعث مركز محافظة القنيطرة"
    >>> seat_named(t, RegionCue("region", t.index("محافظة"), len(t), None, "محافظة", 1))
    False
    """
    head = (text, max(0, cue.start - 12), cue.start)
    if cue.noun in ("ناحية", "منطقة") and _SEAT_BEFORE.search(*head):
        return True
    return cue.noun in ("ناحية", "منطقة", "محافظة") and bool(_BUILDING_BEFORE.search(*head))
