"""A governorate's capital named alone: the city, or the governorate named after it.

The set's guideline (benchmarks/geoparse_real/README.md, 29 Nov 2026), read in order:

1. a cue in the name's own phrase that makes it an area ("Idlib province", "ريف إدلب",
   "northern Idlib") is the governorate: the region cues of ``_region_cue`` say so;
2. a cue that makes it the city is the city: "Idlib city", "the city of", "مدينة إدلب",
   "İdlib kent merkezi", "central Quneitra", a dateline ("DARAA:", "HAMA, Syria"), one end
   of a road's name, a point near it ("near Idlib");
3. named alone, the article decides (one sense per text): the text's own cues for that
   capital, counted, lean one way: two city cues or more, and more than its area cues
   ("QUNEITRA:" and "central Quneitra"), make every bare "Quneitra" the city; a dateline
   "DARAA:" against "Daraa province" twice leaves a bare "Daraa" the province; a capital
   listed among towns ("Tabqah, Manbij, Raqqa and Kobane") is the city;
4. when nothing decides, the governorate (the reading most older marks have), except for a
   metropolis (Aleppo, Damascus), which is the city.
"""

from __future__ import annotations

import re

from ...place import Place
from .._results import PlaceMention
from ..scan import _context as ctx
from ..scan._index import _candidates, _Index
from ..scan._select import _Item

#: The English units of a distance ("55km", "13 kilometres", "20 miles"), one fragment for every
#: distance pattern of the capital reading.
DISTANCE_UNIT = r"(?:km|kilomet(?:er|re)s?|miles?)"

#: Population from which a governorate's capital named alone is the city, not the province
#: ("Aleppo" is the city; "Idlib", "Hama", "إدلب" alone are, in the news, the province).
CITY_OVER_PROVINCE_POPULATION = 1_000_000
_CITY_BEFORE = re.compile(
    r"(?:\b(?:city|town|cities|towns)\s+of\s+(?:the\s+)?|مدينة\s+|\bville\s+(?:de\s+|d['’]\s*)"
    r"|\bStadt\s+"
    # a distance measured from it, a point: "55km to the west of Raqqa", "20 miles north of"
    r"|\b\d[\d.,]*\s?" + DISTANCE_UNIT + r"(?:\s\([^()]{1,20}\))?\s+(?:to\s+the\s+)?"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+"
    # … in Arabic: "على بعد 55 كيلومتراً شمال شرق دمشق", "20 كم إلى الجنوب من حلب"
    r"|\d[\d.,]*\s?(?:كم|كيلو\s?مترات|كيلو\s?متر(?:[\u064b-\u0652]*ا)?|أميال|ميلا?)[\u064b-\u0652]*\s+"
    r"(?:(?:إلى|الى)\s+)?(?:(?:ال)?(?:شمال|جنوب|شرق|غرب)(?:ي|ا)?[\u064b-\u0652]*\s+"
    r"(?:(?:ال)?(?:شرق|غرب)(?:ي|ا)?[\u064b-\u0652]*\s+)?(?:من\s+)?|من\s+)?"
    # or from it with no compass word: "The town, 190 miles from Deir Ezzor"
    r"|\b(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few)\s?"
    + DISTANCE_UNIT
    + r"(?:\s\([^()]{1,20}\))?\s+(?:away\s+)?from\s+"
    # a road that leads to it: "the road connection to Raqqa", "the highway to Homs"
    r"|\b(?:road|highway|route)(?:\s+(?:connection|link))?\s+(?:to|towards)\s+"
    # a quarter of it: "the western quarters of Aleppo", "أحياء حلب الغربية"
    r"|\b(?:quarters?|neighbou?rhoods?)\s+of\s+|(?:^|\s)[وف]?(?:أحياء|احياء)\s+"
    # the seat named as such: "the provincial capital Sweida", "le chef-lieu Idleb"
    r"|\b(?:provincial|regional|governorate)\s+capital,?\s+|\bchef-lieu,?\s+"
    # the seat a group rules from: "the group’s de facto capital of Raqqa"
    r"|\bcapital\s+(?:city\s+)?of\s+"
    # the city's centre: "central Quneitra", "downtown Homs"
    r"|\bcentral\s+|\bdowntown\s+"
    # a point near it: "près d'Idleb", "near Idlib", "قرب إدلب", "nahe Idlib"
    r"|\bnear\s+|\bprès\s+d(?:e\s+|['’]\s*)|\bnahe\s+|(?:^|\s)(?:بالقرب\s+من|قرب)\s+"
    # the villages around it, and its pair: "the villages neighboring Al Qamishli and Al Hasakah"
    r"|\b(?:neighbou?ring|surrounding)\s+(?:(?:(?:al|el)[- ])?[A-Z][\w'’-]*[ \t]+and[ \t]+)?"
    # a road that leads to it: "طريق حماة محردة", "أوتوستراد حماة", "طريق #حماة" (a hashtag)
    r"|(?:^|\s)[وبل]?(?:طريق|الطريق|أوتوستراد|اوتوستراد|أوتستراد|اوتستراد)\s+#?"
    # a road's end: "طريق الإمداد الرئيس إلى دير الزور"; what a road links: "وتربطٌ الحسكة"
    r"|(?:^|\s)[وبل]?(?:طريق|الطريق)(?:\s+[^\s.،,]+){0,2}\s+(?:إلى|الى)\s+"
    r"|(?:^|\s)[وف]?(?:تربط|يربط|تصل\s+بين|يصل\s+بين|الواصل\s+بين|الرابط\s+بين)[\u064b-\u0652]*\s+)"
    # the name as a hashtag: "طريق #السويداء – دمشق", "near #Idlib" (round 24)
    r"#?$",
    re.I,
)
#: A plural noun of cities heads the list the name ends: every name of it is a city ("the
#: port cities of Jableh (Latakia Governorate) and Tartous", "the towns of Tabqa and Raqqa").
_CITIES_LIST_BEFORE = re.compile(
    r"\b(?:cities|towns)\s+of\s+(?:(?:(?:al|el)-)?[A-Z][\w'’-]*"
    r"(?:[ ](?:(?:al|el)-)?[A-Z][\w'’-]*)*(?:\s*\([^()\n]{1,40}\))?"
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+))+$"
)
#: After the name: "Idlib city", "İdlib kenti / kentinin / kent merkezine", "Hama şehri".
_CITY_AFTER = re.compile(
    r"^(?:\s+(?:city|town|kent\w*|şehr\w*|şehir\w*|المدينة)\b"
    # its other name in brackets between ("Deir Ezzor (دير الزور) city"), or it is that
    # other name itself, the city noun after the bracket: both names of the city (round 24)
    r"|(?:\s+\([^()\n]{1,30}\)|\s*\))\s+(?:city|town)\b"
    # "Homs, Syria's third city": an apposition; "in Lattakia, Syria" alone is an address
    # that says nothing of city or province (a dateline "HAMA, Syria" is read apart)
    r"|,\s*Syria['’]s\b"
    # an apposition that calls it a city: "Hasakah, a city in northeastern Syria", "Raqqa, the
    # largest town on the Euphrates" (round 26)
    r"|,[ \t]+(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:city|town)\b(?!['’])"
    # one word that qualifies the city, no area's noun: "the Latakia port(al) city"
    r"|[ \t]+(?!(?:province|governorate|countryside|district|region|rural|and|or|of|the|to)\b)"
    r"[a-z]+[ \t]+city\b"
    # the subject of "is … port/city": "Latakia is Syria’s main commercial port" (round 25)
    r"|[ \t]+(?:is|was)[ \t]+(?:the|a|its|Syria['’]s)[ \t]+(?:[a-z-]+[ \t]+){0,3}?"
    r"(?:port|city|town|harbou?r)\b)",
    re.I,
)
#: After the name, an apposition that calls it a capital: the seat a group or a state rules
#: from is a city ("Raqqa, the de facto IS capital", "Raqqa, the group’s self-declared
#: capital"); "the provincial capital" too.
_CAPITAL_APPOSITION = re.compile(
    r"^,[ \t]+(?:(?:which|that)[ \t]+(?:used[ \t]+to[ \t]+be|was|is|had[ \t]+been)[ \t]+)?"
    r"(?:the|its)[ \t]+(?:[\w'’-]+[ \t]+){0,3}?capital\b(?![ \t]+of[ \t]+the[ \t]+"
    r"(?:province|governorate))"
    # or a distance measured from it to elsewhere: "in Raqqa, some 500 km away from Damascus"
    r"|^,[ \t]+(?:(?:some|about|around|nearly|roughly)[ \t]+)?\d[\d.,]*[ \t]?"
    + DISTANCE_UNIT
    + r"[ \t]+(?:away[ \t]+)?from\b"
)
#: After the name, "and" and a city named as such: the pair are two cities ("between Raqqa
#: and the eastern city of Deir el-Zour", "entre Raqqa et la ville de Deir ez-Zor").
_CITY_PAIR_AFTER = re.compile(
    r"^\s+(?:and|et|und)\s+(?:the|la|die)\s+(?:[\w-]+\s+)?(?:city|town|ville|Stadt)\s+"
    r"(?:of|de|d['’])",
    re.I,
)
#: "HAMA, Syria", "Idlib (AA)", "Idlib - SMART", "Deir Ez-Zor. Syria –"; not a sentence's
#: "Idlib, near the border, is".
_DATELINE_AFTER = re.compile(
    r",(?![ \t]*[a-z])|[ \t]*\(|[ \t]+[-–—][ \t]|\.[ \t]+[A-Z][\w]+[ \t]*[-–—][ \t]"
)
#: A road, a highway or a front line named by its two ends, the name one of them: "the road
#: between the ancient city of Palmyra and Deir al-Zour", "the highway linking Raqqa to" (a
#: city at each end, the README's rule 2).
_ROAD_ENDS_BEFORE = re.compile(
    r"\b(?:road|highway|motorway|route|supply\s+line|front(?:\s+line)?)s?\s+"
    r"(?:that\s+|which\s+)?(?:runs?\s+|leads?\s+)?(?:between|linking|connecting)\s+"
    r"(?:[^.;:!?\n]{1,60}?\s+(?:and|to|with)\s+)?(?:the\s+)?$"
    # "the M4 Motorway that runs through Idlib to Latakia": where the road leads
    r"|\b(?:road|highway|motorway|route)\s+(?:that|which)\s+(?:runs?|leads?|goes|extends?)\s+"
    r"(?:[^.;:!?\n]{1,40}?\s+)?(?:to|towards)\s+(?:the\s+)?$",
    re.I,
)
#: A dateline in capitals after an outlet's name, not at a line's start: "ACTNews, IDLIB -",
#: "(ANI), DAMASCUS (Reuters)". The name in capitals in a text written in lower case,
#: followed by a dash or a bracket.
_UPPER_DATELINE_AFTER = re.compile(r"[ \t]*(?:[-–—][ \t]|\()")


def _upper_dateline(text: str, it: _Item) -> bool:
    """Whether the name is a dateline written in capitals within its line (see
    :data:`_UPPER_DATELINE_AFTER`), the line itself not written in capitals."""
    name = text[it.start : it.end]
    if len(name) < 4 or not name.isupper() or not _UPPER_DATELINE_AFTER.match(text, it.end):
        return False
    line_start = text.rfind("\n", 0, it.start) + 1
    line_end = text.find("\n", it.end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    return sum(c.islower() for c in line) > sum(c.isupper() for c in line)


_IN_PAIR_AFTER = re.compile(r"^\s?[-–—]\s?\w")
_IN_PAIR_BEFORE = re.compile(r"\w\s?[-–—]\s?$")
#: A village (or villages, towns) "in" the name: a settlement lies in the governorate, even
#: a metropolis's ("the Abu-Ruwayl village in Aleppo", "several villages in Idlib"; rule 3).
_VILLAGES_IN = re.compile(
    r"\b(?:villages?|hamlets?|towns)\b(?:[ \t]+[\w'’-]+){0,2}?[ \t]+in[ \t]+(?:the[ \t]+)?$", re.I
)
#: How many city cues (rule 2) for one capital, more than its area cues, make the text's
#: bare mentions of it the city: one alone may be a dateline or "the city of Idlib" in a
#: text about the province ("vowed to retake Idlib").
CITY_CUES = 2


def _capital_of(
    cands: list[tuple[Place, float]], bias: str, first: Place | None, metropolis: bool = False
) -> list[Place]:
    """The governorates (of ``bias``) whose capital the name means, or [] when it is no
    such capital, or a metropolis (unless ``metropolis``), or the town meant lies elsewhere."""
    areas = [p for p, _ in cands if p.kind == "admin area" and p.level == 1 and p.country == bias]
    if not areas:
        return []
    if first is None:
        towns = [p for p, _ in cands if p.kind == "populated place" and p.country == bias]
        first = max(towns, key=lambda p: p.population, default=None)
    if first is None or first.kind != "populated place" or first.country != bias:
        return []
    if first.population >= CITY_OVER_PROVINCE_POPULATION and not metropolis:
        return []
    return [a for a in areas if a.name in first.admin]  # not "Quneitra" among Idlib villages


def _city_cue(text: str, it: _Item) -> bool:
    """Whether the name's own phrase makes it the city (rule 2)."""
    # asked of one mention by several passes (the leanings, the capital's cue, the province
    # reading): read once, kept on the mention (it lives for one extraction)
    memo = it.__dict__.setdefault("_city_cue", {})
    key = (text, it.start, it.end)
    got = memo.get(key)
    if got is None:
        got = memo[key] = _city_cue_read(text, it)
    return got


def dateline_place(text: str, start: int, end: int, *, any_colon: bool = False) -> bool:
    """Whether the name at ``text[start:end]`` is a dateline's place: it opens its line and a
    dateline's closing follows it (see :data:`_DATELINE_AFTER`), or a colon after a name in
    capitals ("DARAA: The wave of assassinations …"). With ``any_colon``, a colon after any
    name counts too: a headline's "Latakia: rebels thwart …" names the story's place without
    saying whether the city or the province is meant.

    Examples
    --------
    >>> dateline_place("HAMA, Syria (AP) — Troops", 0, 4)
    True
    >>> dateline_place("DARAA: The wave", 0, 5), dateline_place("Idlib, near the border, is", 0, 5)
    (True, False)
    >>> t = "Damascus: Lockdown has been enforced"
    >>> dateline_place(t, 0, 8), dateline_place(t, 0, 8, any_colon=True)
    (False, True)
    """
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    if _DATELINE_AFTER.match(text, end):
        return True  # "HAMA, Syria", "LAZKİYE (AA) -", "Idlib - SMART"
    return text.startswith(":", end) and (any_colon or text[start:end].isupper())


def _city_cue_read(text: str, it: _Item) -> bool:
    if dateline_place(text, it.start, it.end):
        return True
    if _CITY_BEFORE.search(text[max(0, it.start - 40) : it.start]):
        return True
    if _ROAD_ENDS_BEFORE.search(text[max(0, it.start - 100) : it.start]):
        return True  # "the road between the ancient city of Palmyra and Deir al-Zour"
    if _upper_dateline(text, it):
        return True  # "ACTNews, IDLIB - A total of …": a dateline after the outlet's name
    if _CITIES_LIST_BEFORE.search(text[max(0, it.start - 160) : it.start]):
        return True  # "the port cities of Jableh (Latakia Governorate) and Tartous"
    if _CITY_AFTER.match(text[it.end : it.end + 48]):
        return True
    if _CAPITAL_APPOSITION.match(text[it.end : it.end + 80]):
        return True  # "Raqqa, the de facto IS capital in Syria"
    if _CITY_PAIR_AFTER.match(text[it.end : it.end + 60]):
        return True  # "between Raqqa and the eastern city of Deir el-Zour": two cities
    return bool(  # "the Idlib–Latakia road": a town at each end
        _IN_PAIR_AFTER.match(text[it.end : it.end + 4])
        or _IN_PAIR_BEFORE.search(text[max(0, it.start - 4) : it.start])
    )


#: Words before a name that treat it as the city (rule 3, counted, never alone): the battle
#: for it, its siege, an offensive to take it ("The battle for Raqqa", "an offensive to
#: capture Raqqa"); since round 27 the fighting over it ("The fighting over Hasakah", "clashes
#: for Deir ez-Zor") and forces leaving it ("units will withdraw from Hasakah", "pulled out
#: of Homs"): the README's "the battle for the city, people leaving or arriving in it".
_BATTLE_FOR = re.compile(
    r"(?:\b(?:[Bb]attle|[Ff]ight|[Ss]iege)\s+(?:for|of)\s+"
    r"|\b(?:[Ff]ighting|[Cc]lash(?:es)?|[Bb]attles|[Ss]truggle)\s+(?:over|for)\s+"
    r"|\b(?:[Ww]ithdr[ae]w(?:s|n|ing|al)?|[Pp]ull(?:s|ed|ing)?\s+out|[Pp]ull-?out)"
    r"\s+(?:from|of)\s+"
    r"|\b(?:[Oo]ffensive|[Aa]ssault|[Cc]ampaign|[Dd]rive)\s+[Tt]o\s+"
    r"(?:[Cc]apture|[Tt]ake|[Rr]etake|[Ss]eize|[Ss]torm|[Ll]iberate|[Ff]ree)\s+"
    # German and French: "die Offensive auf Rakka", "der Sturm auf", "die Schlacht um",
    # "l'offensive sur Raqqa", "la bataille de/pour Raqqa", "l'assaut sur"
    r"|\b(?:Offensive|Sturm|Vormarsch|Angriff)\s+auf\s+|\bSchlacht\s+um\s+"
    r"|\b(?:offensive|assaut)\s+(?:sur|contre)\s+|\bbataille\s+(?:de|pour)\s+)$"
)


#: Nouns after a name that say the city: Turkish "kent", "şehir" and their forms ("İdlib
#: kentinin doğusunda", east of the city of Idlib).
_CITY_NOUN = re.compile(r"(?:kent|şehr|şehir)", re.I)


def city_noun(cue: ctx.RegionCue) -> bool:
    """Whether a cue's noun is the city's ("kentinin"), not an area's.

    Examples
    --------
    >>> city_noun(ctx.RegionCue("region", 0, 14, None, "kentinin", None))
    True
    """
    return bool(cue.noun and _CITY_NOUN.match(cue.noun))


def _area_cue(cue: ctx.RegionCue | None) -> bool:
    """Whether a region cue makes the name an area (rule 1): a noun, a countryside, a
    compass part; not a ring or a direction beside the city ("the outskirts of", "west of"),
    nor the city's centre ("central Quneitra")."""
    return (
        cue is not None
        and cue.kind == "region"
        and cue.ring not in ("outskirts", "direction")
        and not (cue.direction == "central" and not cue.noun)
        and not city_noun(cue)
    )


def capital_named(cands: list[tuple[Place, float]]) -> bool:
    """Whether a name's senses are a governorate and the town that is its capital (not a
    metropolis): "Quneitra", "Idlib", "Daraa".

    Examples
    --------
    >>> capital_named([])
    False
    """
    countries = {p.country for p, _ in cands if p.kind == "admin area" and p.level == 1}
    return any(_capital_of(cands, c, None) for c in countries)


def capital_leanings(text: str, items: list[_Item], index: _Index, bias: str) -> frozenset[str]:
    """The governorates whose capital, named alone, the text treats as the city (rule 3).

    Parameters
    ----------
    text : str
        The text.
    items : list of _Item
        The names selected in it.
    index : _Index
        The geoparser's index.
    bias : str
        The home country.

    Returns
    -------
    frozenset of str
        The governorates' names with ``CITY_CUES`` city cues or more in the text, and more
        city cues than area cues.

    Examples
    --------
    >>> capital_leanings("", [], None, "SY")
    frozenset()
    """
    city: dict[str, int] = {}
    area: dict[str, int] = {}
    for it in items:
        cands = _candidates(index, it.payloads)
        names = [a.name for a in _capital_of(cands, bias, None)]
        if not names:
            continue
        cue = it.cue
        central = cue is not None and (
            cue.direction == "central" and not cue.noun or city_noun(cue)
        )
        city_read = (
            central
            or _city_cue(text, it)
            or _BATTLE_FOR.search(text[max(0, it.start - 40) : it.start])
        )
        tally = area if _area_cue(it.cue) else city if city_read else None
        for name in names:
            city.setdefault(name, 0)
            if tally is not None:
                tally[name] = tally.get(name, 0) + 1
    lone = _lone_capital(text, items, index, bias, city)
    return frozenset(
        n for n, k in city.items()
        if (k >= CITY_CUES and k > area.get(n, 0)) or (n == lone and not area.get(n, 0))
    )  # fmt: skip


#: "the city" with no name or adjective after it: the text's one city, named before ("في
#: المدينة حيث …", not "في المدينة الصناعية", the industrial zone).
_THE_CITY = re.compile(
    r"\b(?:in|of|across)\s+the\s+city\b(?!\s+of\b)|(?:في|داخل)\s+المدينة(?![\u0640\u064b-\u0652]*\s+ال)",
    re.I,
)


#: A word of a province anywhere in the text ("Syria's last opposition-held province"): the
#: capital named alone may be the province, however lone.
_AREA_WORD = re.compile(
    r"\b(?:provinces?|governorates?|countryside|province|Provinz|ili)\b|محافظ|ريف|أرياف", re.I
)


def _lone_capital(
    text: str, items: list[_Item], index: _Index, bias: str, city: dict[str, int]
) -> str | None:
    """The governorate whose capital is the only place at home the text names, named more
    than once, and which the text calls "the city" or gives a city cue, with no word of a
    province anywhere: a story told in one city ("Security forces in Raqqa … in the city of
    Raqqa", "انفجار بإدلب … في المدينة")."""
    if len(city) != 1:
        return None
    (name,) = city
    mentions = 0
    for it in items:
        cands = _candidates(index, it.payloads)
        if any(a.name == name for a in _capital_of(cands, bias, None)):
            mentions += 1
        elif any(p.country == bias and p.kind != "country" for p, _ in cands):
            if not _quarters_of(cands, items, index, name, bias):
                return None  # another town or area at home: the province may be meant
    cued = city[name] >= 1 or bool(_THE_CITY.search(text))
    return name if mentions >= 2 and cued and not _AREA_WORD.search(text) else None


#: How many towns beside it make a capital one of a list of towns ("Tabqah, Manbij, Raqqa
#: and Kobane"); a pair ("in Saraqib and Idlib") says too little.
LIST_TOWNS = 2
#: What stands between two items of a list: a comma, "and" in the set's languages.
_LIST_GAP = re.compile(r"\s*(?:,|،)?\s*(?:(?:and|et|und|ve)\s+|و)?\s*")


def town_listed(text: str, items: list[_Item], index: _Index, bias: str) -> frozenset[int]:
    """Starts of the capitals named alone in a list of towns ("towns … including Tabqah,
    Manbij, Raqqa and Kobane"): the city, as a capital listed among governorates is the
    governorate.

    Examples
    --------
    >>> town_listed("", [], None, "SY")
    frozenset()
    """
    kinds = [_list_kind(index, it, bias) for it in items]
    out = set()
    for i, it in enumerate(items):
        if kinds[i] != "capital" or it.cue is not None:
            continue
        chain = _chain(text, items, i)
        if len(chain) >= LIST_TOWNS and all(kinds[j] == "town" for j in chain):
            out.add(it.start)
    return frozenset(out)


#: How far apart, in characters, a quarter and its city's name may stand to be read together
#: ("the al-Waer neighbourhood, the last rebel stronghold in Homs").
QUARTER_REACH = 120


def quarter_named(text: str, items: list[_Item], index: _Index, bias: str) -> frozenset[int]:
    """Starts of the capitals named alone next to one of the city's own quarters — no other
    name between them, in the same sentence ("the al-Waer neighbourhood, the last rebel
    stronghold in Homs", "rebels in Homs … the city's last pocket of al-Waer"): the city
    (rule 2, a neighbourhood of the city), never the governorate. A quarter further off, past
    other towns of the province, says nothing of the capital.

    Examples
    --------
    >>> quarter_named("", [], None, "SY")
    frozenset()
    """
    out = set()
    for i, it in enumerate(items):
        cands = _candidates(index, it.payloads)
        if it.cue is not None or not _capital_of(cands, bias, None):
            continue
        towns = {p.name for p, _ in cands if p.kind == "populated place" and p.country == bias}
        for j in (i - 1, i + 1):
            if 0 <= j < len(items) and _beside(text, it, items[j]):
                if any(
                    p.extra.get("feature") == "neighbourhood" and p.extra.get("city") in towns
                    for p, _ in _candidates(index, items[j].payloads)
                ):
                    out.add(it.start)
    return frozenset(out)


def _beside(text: str, a: _Item, b: _Item) -> bool:
    """Whether two names stand within ``QUARTER_REACH`` of each other in one sentence."""
    lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    gap = text[lo:hi]
    return len(gap) <= QUARTER_REACH and not ctx.SENTENCE_END.search(gap)


def _chain(text: str, items: list[_Item], i: int) -> list[int]:
    """The other items of the list item ``i`` stands in (none when it stands alone)."""
    out = []
    j = i
    while j > 0 and _LIST_GAP.fullmatch(text, items[j - 1].end, items[j].start):
        j -= 1
        out.append(j)
    j = i
    while j + 1 < len(items) and _LIST_GAP.fullmatch(text, items[j].end, items[j + 1].start):
        j += 1
        out.append(j)
    return out


def _list_kind(index: _Index, it: _Item, bias: str) -> str:
    """Kind of a list's item: "capital", "town" (at home, no region cue), or ""."""
    cands = _candidates(index, it.payloads)
    if _capital_of(cands, bias, None):
        return "capital"
    if it.cue is None and any(p.kind == "populated place" and p.country == bias for p, _ in cands):
        wide = any(p.kind == "country" or p.level == 1 or p.extra.get("region") for p, _ in cands)
        return "" if wide else "town"  # a district's seat is a town; a governorate is not
    return ""


#: The city's own institution after its name ("the Sweida Hospital"): that name is the
#: city's (not counted among the text's cues for its other mentions).
_INSTITUTION_AFTER = re.compile(r"(?:[ \t]+National)?[ \t]+(?:Hospital|hospital)\b")


def province_reading(
    text: str,
    it: _Item,
    cands: list[tuple[Place, float]],
    bias: str,
    first: Place,
    city_leaning: frozenset[str] = frozenset(),
    listed: frozenset[int] = frozenset(),
) -> ctx.RegionCue | None:
    """A governorate named after its capital, named alone, is the governorate ("fighting in
    Idlib", "ريف" aside) unless its phrase says the city (rule 2), the text leans to the
    city (``city_leaning``, rule 3), or the city is a metropolis (Aleppo, Damascus).

    Examples
    --------
    >>> province_reading("", _Item(0, 0, 0, ()), [], "SY", None) is None
    True
    """
    if cands and _VILLAGES_IN.search(text[max(0, it.start - 60) : it.start]):
        areas = _capital_of(cands, bias, first, metropolis=True)
        if areas and not _city_cue(text, it):  # "the Abu-Ruwayl village in Aleppo"
            return ctx.RegionCue("region", it.start, it.end, None, None, 1)
    areas = _capital_of(cands, bias, first) if cands else []
    if not areas or _city_cue(text, it) or any(a.name in city_leaning for a in areas):
        return None
    if _INSTITUTION_AFTER.match(text, it.end):  # "the Sweida Hospital": the city's own
        return None
    if _FACILITY_AFTER.match(text, it.end):
        return None  # "over Tartous sea port": the city's own (not counted as the text's lean)
    if it.start in listed:
        return None  # listed among towns, or beside a quarter of the city
    return ctx.RegionCue("region", it.start, it.end, None, None, 1)


def _quarters_of(
    cands: list[tuple[Place, float]], items: list[_Item], index: _Index, name: str, bias: str
) -> bool:
    """Whether every sense of a name is a quarter of the capital of governorate ``name``
    (al-Mashlab of Raqqa): a story told in the city's quarters is still told in one city."""
    towns = set()
    for it in items:
        its = _candidates(index, it.payloads)
        if any(a.name == name for a in _capital_of(its, bias, None)):
            towns |= {p.name for p, _ in its if p.kind == "populated place"}
    return all(
        p.extra.get("feature") == "neighbourhood" and p.extra.get("city") in towns for p, _ in cands
    )


#: A facility of the city right after its name: "over Tartous sea port", "Hama military
#: airport", "the Idlib hospital" (the phrase's own cue, rule 2; a point in the city that says
#: nothing of how the text reads the capital elsewhere, so it is not tallied for rule 3).
_FACILITY_AFTER = re.compile(
    r"[ \t]+(?:sea[ \t]?)?port\b|[ \t]+(?:military[ \t]+)?(?:airport|harbou?r|hospital|prison)\b",
    re.IGNORECASE,
)


def capital_governorate(m: PlaceMention) -> Place | None:
    """The governorate named after the city ``m`` reads as, among its readings: the other
    sense a capital named alone carries (``None`` when the city is no governorate's seat).

    Examples
    --------
    >>> import geozones
    >>> m = geozones.extract("Three people were killed in Hama city.").places[0]
    >>> capital_governorate(m).name
    'Hama'
    """
    return next(
        (a for a in m.alternatives if a.kind == "admin area" and a.level == 1
         and a.country == m.place.country and a.name == m.place.governorate),
        None,
    )  # fmt: skip
