"""A governorate's capital named alone: the city or the governorate, as ONE rule.

The set's guideline (benchmarks/geoparse_real/README.md, "a governorate's capital named
alone", with the silent cases decided in round 21) is read here in its order; the cue
patterns each step uses stay where they were written (named below) and the per-language
cues this module adds are in the tables :data:`DISTANCE_BEFORE` and :data:`CITY_NOUN_NEAR`:

1. a cue in its own phrase that makes it an area is the governorate: the region cues of
   ``_region_cue`` / ``_context`` ("Idlib province", "ريف إدلب", "northern Idlib"), and,
   since round 21, "<compass> of X" ("east of Homs", "south of Damascus", "شمال حمص": the
   area at the city's point, not a point beside the city; :func:`compass_of_kind`) and the
   phrases of :data:`AREA_BEFORE` ("بمحافظة حمص", "the east of Aleppo", "Raqqa, the
   province where"); since round 26, "around X" ("operating around Damascus", "the
   rebel-held areas around Damascus": the country round the city);
2. a cue that makes it the city is the city: ``_capitals._city_cue`` (the city of, مدينة,
   a dateline, a road's end, near X, a distance measured from it), a facility or
   institution after it, a quarter of the city beside it, a list of towns it stands in;
   a distance or a city noun with a compass ("13 km south of Damascus", "south of Idlib
   city": :data:`DISTANCE_BEFORE`, :data:`CITY_NOUN_NEAR`); :data:`CITY_BEFORE` (the
   Arabic dual "مدينتي إدلب وسراقب", "قريبة من", a reporter in it; since round 26 its
   residents, "سكان X", "residents of X", and people who settled in it; since round 27 its
   streets, "الشوارع … في X", "the streets of X");
3. the article decides: a village "in X" is the area, and so is a count of events "in X"
   ("أعداد الهجمات … في درعا", round 26) and a capital in a list of governorates (a
   metropolis too: "the provinces of Aleppo, Hama and Latakia"); the
   text's city cues for that capital, counted (``_capitals.capital_leanings``), make its
   bare mentions the city; its area cues, counted the same way (:func:`area_leanings`),
   make them the area;
4. nothing decides: the capital's default reading, :data:`CITY_BY_DEFAULT` (learnt from the
   examined batches' marks, leave-one-batch-out) or, for a capital not in it, the city for
   a metropolis (Aleppo, Damascus) and the governorate otherwise.

Scattered rules that stay where they are and run after this choice, each one of the steps
above: ``_far_direction`` (a town far east of Homs: the governorate's part, rule 1),
``_ar_paired_capitals`` ("في حلب وإدلب": two governorates, rule 3), ``_city_sense`` (a loose
spelling after "the city of", rule 2), ``_choose._region_sized`` (the city's side for a
desert governorate: "شمال حمص", rule 1 at the city's point).
"""

from __future__ import annotations

import re

from ...place import Place
from ..scan import _context as ctx
from ..scan._index import _candidates, _Index
from ..scan._select import _Item
from . import _capitals as cap

#: Governorates whose capital named alone, with nothing deciding, the news means as the city
#: (rule 4). Learnt from the marks of the examined batches (1-303, ex-heldout15 ... 19): a
#: capital is listed when its marks with no cue in their phrase are the city (`p`) at least
#: 5 times and more than twice as often as the governorate (`r`): Raqqa 34 p / 5 r, Homs
#: 12 / 4, Tartus 7 / 1. Left out, a batch learns the same list from the others, but for
#: Tartus (its marks are in ex-heldout18 and 19) and Homs (in 1-303).
CITY_BY_DEFAULT = frozenset({"Ar-Raqqa", "Homs", "Tartous"})
#: How many area cues for one capital, more than its city cues, make its bare mentions the
#: governorate even where :data:`CITY_BY_DEFAULT` says the city (rule 3).
AREA_CUES = 2

#: A distance right before a compass word: the direction is measured from the city's point
#: (rule 2): "13 kilometers (8 miles) south of", "55km to the west of", "à 20 km au sud
#: d'", "20 km südlich von", "20 كم جنوب".
DISTANCE_BEFORE = {
    "en": r"\b\d[\d.,]*\s?" + cap.DISTANCE_UNIT + r"(?:\s\([^()]{1,20}\))?"
    r"\s+(?:to\s+the\s+)?$",
    "fr": r"\b\d[\d.,]*\s?(?:km|kilomètres?)\s+(?:au|à\s+l['’])?\s*$",
    "de": r"\b\d[\d.,]*\s?(?:km|Kilometer)\s+$",
    # the noun may carry its tanween ("55 كيلومتراً", "كيلومترًا") or be spaced ("كيلو متر")
    "ar": r"\d[\d.,]*\s?(?:كم|كيلو\s?مترات|كيلو\s?متر(?:[\u064b-\u0652]*ا)?|أميال|ميلا?)"
    r"[\u064b-\u0652]*\s+(?:إلى\s+|الى\s+|ب?اتجاه\s+)?$",
}
_DISTANCE = re.compile("|".join(f"(?:{p})" for p in DISTANCE_BEFORE.values()), re.I)
#: A city noun in the compass phrase or right after the name: "north-east of the city of
#: Deir ez-Zor", "south of Idlib city", "à l'est de la ville d'Idleb".
CITY_NOUN_NEAR = {
    # also after its other name in brackets: "Deir Ezzor (دير الزور) city" (round 24)
    "en": (r"\b(?:city|town)\s+of\b", r"^\s+(?:\([^()\n]{1,30}\)\s+)?(?:city|town)\b"),
    "fr": (r"\bville\s+d", r"^$"),
    "de": (r"\bStadt\b", r"^$"),
}
_CITY_IN = re.compile("|".join(a for a, _ in CITY_NOUN_NEAR.values()), re.I)
_CITY_AFTER = re.compile("|".join(b for _, b in CITY_NOUN_NEAR.values() if b != "^$"), re.I)


#: City cues in the capital's own phrase that ``_capitals._city_cue`` lacks (rule 2): the
#: Arabic dual "the two cities of X and Y" ("مدينتي حمص وحماة", "مدينتي إدلب وسراقب"), both
#: names of it; a reporter in it (a reporter sits in the city: `p` and `pr` marks agree).
CITY_BEFORE = {
    "ar": r"(?:^|\s)[وبل]?(?:مدينتي|مدينتا|المدينتين)\s+(?:\S+\s+){0,2}?(?:و\s*)?$"
    # near it ("مناطق قريبة من دير الزور"), a road's end with vowel marks ("الطريقِ الواصلِ
    # بينَ دير الزور"), a reporter in it ("مراسل سانا في حماة")
    r"|(?:قريبة|قريب|القريبة|القريب)\s+من\s+$"
    r"|(?:الواصل|الرابط|يصل|تصل)[\u064b-\u0652]*\s+بين[\u064b-\u0652]*\s+$"
    r"|(?:^|\s)[وف]?مراسل\S*(?:\s+\S+){0,2}?\s+(?:في\s+|ب)$"
    # one building in it ("مشفى (الحكمة) الخاص في الحسكة"): a building stands in the city's
    # streets (rule 3; the set marks a building inside a town at its town); round 24
    r"|(?:^|\s)[وبلف]?(?:ال)?(?:مشفى|مستشفى|مدرسة|فندق|مسجد|جامع|كنيسة|مطعم|فرن)"
    r"(?:\s+\S+){0,3}?\s+(?:في\s+|ب)$"
    # its residents ("سكان الرقة", "يعلمه سكان اللاذقية"), people who settled in it ("واستقروا
    # في اللاذقية"): people living in or arriving in the city (rule 3; round 26)
    r"|(?:^|\s)[وبلف]?(?:ال)?سكان\s+$|(?:^|\s)[وف]?(?:استقر|يستقر|تستقر)\S*\s+(?:في\s+|ب)$"
    # its streets ("يجوبون الشوارع الرئيسية والساحات في السويداء", "شوارع درعا"): events in
    # the city's streets (rule 3; round 27). Not "ساحات" alone, which also means expanses
    r"|(?:^|\s)[وبلف]?(?:ال)?شوارع(?:\s+\S+){0,3}?\s+(?:في\s+|ب)$"
    r"|(?:^|\s)[وبلف]?شوارع\s+$",
    "en": r"\b(?:reporter|correspondent)\s+in\s+$"
    r"|\bstreets\s+(?:of|in)\s+$"
    r"|\b(?:hospital|school|hotel|mosque|church|restaurant|bakery)(?:\s+\S+){0,3}?\s+in\s+$"
    r"|\b(?:residents|inhabitants|people)\s+of\s+$|\bsettled\s+in\s+$",
}
_CITY_BEFORE = re.compile("|".join(f"(?:{p})" for p in CITY_BEFORE.values()))


def _city_phrase(text: str, it: _Item) -> bool:
    """Whether the name's phrase has a city cue of :data:`CITY_BEFORE` (rule 2)."""
    before = text[max(0, it.start - 40) : it.start]
    m = _CITY_BEFORE.search(before)  # no clause's end inside the cue ("…محاصرين. وهذا ما يعلمه
    return m is not None and not re.search(r"[.،,؛]", before[m.start() :])  # سكان اللاذقية")


#: Area cues in the capital's own phrase that the region cues of ``_region_cue`` leave to
#: the default (rule 1): a governorate's noun with a clinging preposition ("بمحافظة حمص"),
#: "the eastern countryside of", "the southern parts of" ("الأجزاء الجنوبية من حمص",
#: "البادية الشرقية لحمص"), the capital in brackets after a town ("Ras al-Ain (Hasaka)": the
#: town's governorate, rule 3).
AREA_BEFORE = {
    "en": r"\b(?:countryside|province|governorate)\s+of\s+(?:the\s+)?$"
    r"|\bthe\s+(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+$"
    r"|\b(?:mountains?|hills|plains?|desert|camps|villages|towns)\s+in\s+(?:the\s+)?$"
    r"|\b(?:north|south|east|west)\w*\s+(?:parts?|portion|half|side)\s+of\s+(?:the\s+)?$",
    "ar": r"(?:^|\s)[وبل]?(?:محافظة|محافظتي|ريف|ريفي|أرياف|بادية)\s+$"
    r"|(?:البادية|الريف|الأرياف|الأجزاء|الجزء|القسم|المناطق|الجهة)\s+(?:ال)?"
    r"(?:شمال|جنوب|شرق|غرب)\S*\s+(?:من\s+|ل)$",
    "fr": r"\b(?:province|région|campagne|gouvernorat)\s+(?:de\s+|d['’]\s*)$",
    "de": r"\bProvinz\s+$",
    "brackets": r"\w\s*\($",
}
_AREA_BEFORE = re.compile("|".join(f"(?:{p})" for p in AREA_BEFORE.values()), re.I)
#: After the name: "Raqqa province", "Rakka ili", "Rakka kırsalında", "Raqqa, the province
#: where"; or paired with a
#: province ("from Raqqa and western parts of Deir az-Zour province": listed among
#: governorates, rule 3).
_AREA_AFTER = re.compile(
    r"^(?:\s+(?:province|governorate|countryside)\b|['’]?\w{0,4}\s+(?:ili|kırsal)"
    # an apposition calling it the province: "Raqqa, (which is) the province where IS …"
    r"|,\s+(?:(?:which|that)\s+is\s+)?the\s+(?:[\w-]+\s+){0,2}?(?:province|governorate)\b"
    # ... but not its own countryside beside it ("Damascus and its countryside": the city
    # and the country around it, named apart; round 24)
    r"|\s+(?:and|or|et|und)\s+(?!(?:its|ses|sa|seine[mn]?|ihre[mn]?)\s)"
    r"(?:[\w'’-]+\s+){0,5}(?:provinces?|governorates?|countryside)\b)",
    re.I,
)


#: Arabic villages or towns "in" the name (rule 3): "العديد من البلدات في حمص", "قرى في
#: الرقة", "منطقة البادية الشمالية في حمص", "بلدة كفرنبل بإدلب".
_AR_VILLAGES_IN = re.compile(
    r"(?:^|\s)[وفب]?(?:ال)?(?:قرى|قرية|بلدات|بلدة|مدن|بادية|البادية)(?:\s+\S+){0,2}?\s+(?:في\s+|ب)$"
)


#: A plural area noun heads the list the name stands in, or ends it: every name of it is
#: a governorate, a metropolis too ("the provinces of Aleppo, Hama and Latakia", "Idlib and
#: Hama provinces", "die angrenzenden Provinzen Hama, Aleppo und Latakia", "les provinces
#: limitrophes d'Alep, de Hama et de Lattaquié", "ثلاث محافظات، هي اللاذقية وطرطوس"; rule 3).
_LIST_ITEM = r"(?:(?:de\s+|d['’]\s*)?(?:(?:al|el)-)?[A-Z][\w'’-]*(?:[ ][A-Z][\w'’-]*)*)"
_LIST_GAP = r"(?:\s*,\s*(?:and\s+|et\s+|und\s+)?|\s+(?:and|et|und)\s+)"
_AREA_LIST_BEFORE = re.compile(
    r"(?:\b(?:provinces|governorates|Provinzen|régions)(?:\s+[a-zäöüé]+){0,2}"
    r"\s+(?:of\s+|de\s+|d['’]\s*)?"
    rf"(?:{_LIST_ITEM}\s*,\s*)*(?:{_LIST_ITEM},?\s+(?:and|et|und)\s+)?(?:de\s+|d['’]\s*)?"
    r"|(?:محافظات|محافظتي)[،,]?\s+(?:هي\s+)?(?:\S+\s+)*?(?:و\s*)?)$"
)
_AREA_LIST_AFTER = re.compile(rf"^(?:{_LIST_GAP}{_LIST_ITEM})+\s+(?:provinces|governorates)\b")


#: What ends an Arabic list of governorates before the name: a sentence's end, a noun of a
#: city, a relative pronoun or a preposition that opens another phrase ("في محافظات عدة كالرقة
#: وحلب وإدلب، والذين هربوا … واستقروا في اللاذقية": Latakia is no list member; round 26);
#: a compass part of the country after "في" places members and opens no phrase (round 27).
_LIST_BROKEN = re.compile(
    r"[.\n]|(?:مدينة|بلدة|قرية)|(?:^|\s)[وف]?(?:الذين|التي|الذي|اللذين|اللواتي|في|إلى|الى|على)\s"
    # ... but not where a member is placed in the country ("محافظات اللاذقية وطرطوس في الغرب
    # وحمص في الوسط": "in the west" says where the two lie, the list runs on; round 27)
    r"(?!(?:ال)?(?:غرب|شرق|شمال|جنوب|وسط)(?:[\s،,]|$))"
)


def _area_list(text: str, it: _Item) -> bool:
    """Whether the name stands in a list of governorates (:data:`_AREA_LIST_BEFORE`)."""
    before = text[max(0, it.start - 80) : it.start]
    if re.search(r"[.؟!\n]", before[-60:]) is None and _AREA_LIST_BEFORE.search(before):
        return not _LIST_BROKEN.search(before[before.rfind("محافظ") :])
    return bool(_AREA_LIST_AFTER.match(text[it.end : it.end + 80]))


#: "around X" ("rebel groups operating around Damascus", "the areas under opposition control
#: around Damascus") is the country round the city, the area, as "<compass> of X" is (rule 1;
#: the set README's round-26 decision); a distance measured from X still makes it the city.
_AROUND = re.compile(r"\baround\s+$", re.I)
#: ", which was only 5 km away": a distance to X right after it makes it a point, the city.
_DISTANCE_AFTER = re.compile(
    r"^[^.;\n]{0,40}?\b\d+(?:[.,]\d+)?\s*" + cap.DISTANCE_UNIT + r"\b", re.I
)


#: A count of events over a time "in X" ("بلغت أعداد الهجمات ومحاولات الاغتيال في درعا … 703
#: هجمات", "the number of attacks in Daraa since June"): events spread over the governorate,
#: the area SOHR and the like count by (rule 3; the set marks it so in 358, 407, 470, 686).
_EVENTS_COUNTED = re.compile(
    r"(?:(?:^|\s)[وب]?(?:عدد|أعداد|اعداد)\s+(?:ال)?(?:هجمات|عمليات|اغتيالات|تفجيرات|انفجارات"
    r"|غارات|ضربات|خروقات|انتهاكات|حوادث|حالات)(?:\s+\S+){0,4}?\s+(?:في\s+|ب)"
    r"|\b(?:number|tally|count)\s+of\s+(?:attacks|assassinations|bombings|explosions"
    r"|air\s?strikes|raids|violations|incidents)(?:\s+\S+){0,4}?\s+in\s+)$",
    re.I,
)


def _events_counted(text: str, it: _Item) -> bool:
    """Whether the name closes a count of events ("أعداد الهجمات … في درعا"), in one clause."""
    before = text[max(0, it.start - 90) : it.start]
    m = _EVENTS_COUNTED.search(before)
    return m is not None and not re.search(r"[.؟!\n،,]", before[m.start() :])


def _area_phrase(text: str, it: _Item) -> bool:
    """Whether the name's phrase has an area cue of :data:`AREA_BEFORE` (rule 1)."""
    before = text[max(0, it.start - 40) : it.start]
    after = text[it.end : it.end + 60]
    if _AROUND.search(before) and not _DISTANCE_AFTER.search(after):
        return True  # "operating around Damascus"
    if before.rstrip().endswith("("):  # brackets after a town, closed right after the name
        line = it.start - text.rfind("\n", 0, it.start)  # not a dateline: "أوغاريت بوست(حلب)"
        spaced = before.endswith(" (")
        return spaced and line > 40 and after.startswith(")")
    return bool(_AREA_BEFORE.search(before) or _AREA_AFTER.match(after))


def _governorates(cands: list[tuple[Place, float]], bias: str) -> list[Place]:
    """The governorates whose capital (a metropolis too) the name may be."""
    return cap._capital_of(cands, bias, None, metropolis=True)


def compass_of_kind(
    text: str, cue: ctx.RegionCue | None, end: int, cands: list[tuple[Place, float]], bias: str
) -> bool:
    """Whether "<compass> of X" names the area of the capital X (rule 1), not a point beside
    the city: no distance before it, no city noun in or after it (rule 2).

    Parameters
    ----------
    text : str
        The text.
    cue : RegionCue or None
        The name's region cue.
    end : int
        Where the name ends.
    cands : list of (Place, float)
        The name's candidates.
    bias : str
        The home country.

    Returns
    -------
    bool
        True for "east of Homs", "south of Damascus"; False for "13 km south of
        Damascus", "south of Idlib city", "west of Manbij" (no capital), "near Idlib".

    Examples
    --------
    >>> compass_of_kind("", None, 0, [], "SY")
    False
    """
    if cue is None or cue.ring not in ("direction", None) or cue.noun:
        return False
    if not cue.direction or cue.direction == "central":
        return False  # "near Idlib", "central Quneitra": the city
    if _DISTANCE.search(text[max(0, cue.start - 40) : cue.start]):
        return False
    if _CITY_IN.search(text[cue.start : end]) or _CITY_AFTER.match(text[end : end + 48]):
        return False
    return bool(_governorates(cands, bias))


def measured_from(text: str, cue: ctx.RegionCue | None) -> bool:
    """Whether a compass cue follows a distance, so that the name is the point the distance
    is measured from, its city (rule 2): "على بعد 55 كيلومتراً شمال شرق دمشق" (55 km
    north-east of Damascus) is no part of the governorate.

    Examples
    --------
    >>> from dataclasses import replace
    >>> t = "على بعد 55 كيلومتراً شمال شرق دمشق"
    >>> cue = ctx.RegionCue("region", t.index("شمال"), len(t), "شمال شرق", None, 1)
    >>> measured_from(t, cue), measured_from("في شمال شرق دمشق", replace(cue, start=3))
    (True, False)
    """
    if cue is None or not cue.direction or cue.direction == "central" or cue.noun:
        return False
    return bool(_DISTANCE.search(text[max(0, cue.start - 40) : cue.start]))


def area_leanings(text: str, items: list[_Item], index: _Index, bias: str) -> frozenset[str]:
    """The governorates whose capital the text treats as the area (rule 3): ``AREA_CUES``
    area cues or more for it ("ريف الرقة", "Raqqa province"), and more than its city cues.

    Examples
    --------
    >>> area_leanings("", [], None, "SY")
    frozenset()
    """
    area: dict[str, int] = {}
    city: dict[str, int] = {}
    for it in items:
        cands = _candidates(index, it.payloads)
        names = {
            p.name
            for p, _ in cands
            if p.kind == "admin area" and p.level == 1 and p.country == bias
        } & CITY_BY_DEFAULT
        whole = it.cue is None and all(p.kind == "admin area" for p, _ in cands)  # "X province"
        area_read = whole or cap._area_cue(it.cue)
        if not names or not area_read and not cap._city_cue(text, it):
            continue
        tally = area if area_read else city
        for name in names:
            tally[name] = tally.get(name, 0) + 1
    return frozenset(n for n, k in area.items() if k >= AREA_CUES and k > city.get(n, 0))


#: What stands between a town and the capital it lies "in": "Tabqa in Raqqa", "Baniyas,
#: in Tartous", "تدمر في حمص", "بلدة الطبقة بالرقة".
_IN_GAP = re.compile(r",?[ \t]+(?:in|à|im|en|في)[ \t]+|[ \t]+ب")


def towns_in(text: str, items: list[_Item], index: _Index, bias: str) -> frozenset[int]:
    """Starts of the capitals named right after a town at home and "in" ("Palmyra in Homs",
    "Tabqa in Raqqa"): the town's governorate (rule 3), whatever the capital's default.

    Examples
    --------
    >>> towns_in("", [], None, "SY")
    frozenset()
    """
    out = set()
    for a, b in zip(items, items[1:], strict=False):
        if not _IN_GAP.fullmatch(text, a.end, b.start):
            continue
        if cap._list_kind(index, a, bias) == "town" and _governorates(
            _candidates(index, b.payloads), bias
        ):
            out.add(b.start)
    return frozenset(out)


def capital_cue(
    text: str,
    it: _Item,
    cands: list[tuple[Place, float]],
    bias: str,
    first: Place,
    leaning: frozenset[str] = frozenset(),
    listed: frozenset[int] = frozenset(),
    area_leaning: frozenset[str] = frozenset(),
    town_in: frozenset[int] = frozenset(),
) -> ctx.RegionCue | None:
    """The region cue that makes a capital named with no cue of its own the governorate,
    or None for the city (or for a name that is no capital): rules 2-4 in order.

    Examples
    --------
    >>> capital_cue("", _Item(0, 0, 0, ()), [], "SY", None) is None
    True
    """
    cue = cap.province_reading(text, it, cands, bias, first, leaning, listed)
    gov = cap._capital_of(cands, bias, first, metropolis=True) if cands else []
    if not gov:
        return cue  # no capital (or the town meant lies elsewhere)
    areas = cap._capital_of(cands, bias, first)
    city = cap._city_cue(text, it) or it.start in listed
    if not city and (_area_list(text, it) or not areas and _area_phrase(text, it)):
        return cue or ctx.RegionCue("region", it.start, it.end, None, None, 1)  # rule 1/3
    if not areas or city:
        return cue  # a metropolis, a city cue or a quarter beside it (rule 2)
    if _city_phrase(text, it):
        return None  # rule 2: "مدينتي إدلب وسراقب"
    before = text[max(0, it.start - 60) : it.start]
    villages = it.start in town_in or bool(  # "Palmyra in Homs", "villages in Raqqa"
        cap._VILLAGES_IN.search(before) or _AR_VILLAGES_IN.search(before)
    )
    villages = villages or _events_counted(text, it)  # "أعداد الهجمات … في درعا" (rule 3)
    if villages or _area_phrase(text, it):  # rule 1, or a village "in X" (rule 3)
        return cue or ctx.RegionCue("region", it.start, it.end, None, None, 1)
    if cue is None:
        return None  # the city's facility, quarter or list of towns; the text's lean (3)
    names = {a.name for a in areas}
    if names & CITY_BY_DEFAULT and not names & area_leaning:
        return None  # rule 4: "Raqqa" alone is the city
    return cue


#: Population from which a capital is a metropolis (Aleppo, Damascus): "central X" is then
#: the city's centre, as for any capital (rule 2).
METROPOLIS_POPULATION = 1_000_000


def central_metropolis(cands: list[tuple[Place, float]], cue: ctx.RegionCue | None) -> bool:
    """Whether "central X" names the centre of the metropolis X (rule 2: "central X" is the
    city), not the middle of its governorate ("in central Aleppo").

    Examples
    --------
    >>> central_metropolis([], None)
    False
    """
    if cue is None or cue.direction != "central" or cue.noun:
        return False
    return any(
        p.kind == "populated place" and p.population >= METROPOLIS_POPULATION for p, _ in cands
    )
