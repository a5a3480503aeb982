"""Places the gazetteer does not hold, known as places by their construction.

A reader knows "Kaddour" is a place in "captured the towns of Kaddour and Ruwehah", and
"سطوح الدير" in "حررت قريتي أرينبة وسطوح الدير", without any list of villages: the noun
before the names (towns, villages, areas; قرى، بلدات، قرية; Dorf; köyü; village de) says
so. Such names are reported as place mentions that are *not resolved*: their ``place`` is
made here (``source="context"``, ``precision="context"``, a low ``score``) at the centre of
the resolved towns of the same sentence (else paragraph, else text) when those lie close
together, and ``PlaceMention.resolved`` is False. With no resolved town nearby in the text
nothing is reported: a position from nowhere would be a silent guess.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..._text import fold
from ...place import Place
from ...projection import haversine_km
from .._results import PlaceMention
from ..arabic._delimited import delimited_arabic_spans
from ..places._town_centre import (
    _cluster_centre,
    _context_point,
    _measured_from,
    _sentence,
    _Towns,
)
from ..scan import _context as ctx
from ..scan._index import ARABIC_HEADS, _key
from ..scan._region_cue import DEMONYM as _DEMONYM
from ..scan._select import ARABIC_STOPWORDS, STOPWORDS
from ._list_area import beside_in_list, one_in_named_area

#: The score of a place found by its construction only (a gazetteer match is 0.85–1).
CONTEXT_SCORE = 0.3

_P = r"(?:al|el|ash|as|ad|ar|at|an|az)[-‑]"
#: … the article may stand apart in lower case ("al Jam’iya"), never "as"/"at" (English).
#: (a hyphened part may itself start with an article, "Ras-al-Ain": "[-‑][\w'’]+" takes it
#: as two parts; spelt out as an optional article it split "-al-al-…" two ways at each step)
_TOKEN = rf"(?:{_P}|(?:al|el)[ \t])?[{ctx.CAPITALS}][\w'’]*(?:[-‑][\w'’]+)*"
_NAME = rf"{_TOKEN}(?: (?:{_P}[\w'’]+|[{ctx.CAPITALS}][\w'’]*(?:[-‑][\w'’]+)*)){{0,2}}"
_LIST = rf"{_NAME}(?:\s*,\s*(?:and\s+)?{_NAME}|\s+(?:and|as\s+well\s+as)\s+{_NAME})*"
_NOUNS = r"(?:villages?|towns?|cit(?:y|ies)|hamlets?|settlements?|localities|communities|areas?)"
#: "the villages of A, B and C", "the town of X", "the border village of X".
_BEFORE = re.compile(rf"\b{_NOUNS}(?:\s+and\s+{_NOUNS})?\s+of\s+(?P<list>{_LIST})")
#: Verbs of taking a place ("the army seized the Wadi al-Anaz area east of the town of Morek").
_TAKEN = r"(?:seized|captured|took|retook|retaken|taken|recaptured|stormed|entered|reached)"
#: … and their base forms ("the offensive to capture the al-Manshiyah neighborhood"; round 25).
_TAKE = r"(?:seize|capture|take|retake|recapture|storm|enter|reach)"
#: "in A, B and C areas", "towards X and Y areas", "with X town", "to capture the X quarter".
_AFTER = re.compile(
    rf"\b(?:in|near|towards?|around|at|from|to|of|into|outside|between|with|on|over|{_TAKEN}"
    rf"|{_TAKE})\s+(?:the\s+)?"
    rf"(?P<list>{_LIST})\s+(?:[Vv]illages?|[Tt]owns?|[Hh]amlets?|areas?|axis|axes|front"
    r"|neighbou?rhoods?|hills?|mountains"  # "in al-Dwila’a neighborhood": a quarter it lacks
    r"|hilltops?|[Hh]eights|peaks?|ridges?)\b"  # "took A and B hilltops" (round 26)
)  # "at Der Mismis Village" (a photo caption's capitals)
#: A list of names each with its settlement noun after it: "Uqayribat town, Masaada village,
#: Rasm Qanbar farm and the area surrounding them" (each a place, the farm too).
_NOUN_AFTER = r"(?:villages?|towns?|farms?|hamlets?)"
_NOUN_CHAIN = re.compile(
    r"(?:(?<=village)|(?<=villages)|(?<=town)|(?<=towns)|(?<=farm)|(?<=farms)|(?<=hamlet))"
    rf",\s+(?:and\s+)?(?P<list>{_NAME})(?=\s+{_NOUN_AFTER}\b)"
)
#: "several villages, including A, B and C", "dozens of towns, among them X".
_INCLUDING = re.compile(
    rf"\b(?:villages|towns|hamlets|localities|settlements)\b[^.\n]{{0,80}}?"
    rf"\b(?:including|among\s+them|such\s+as|namely)\s+(?P<list>{_LIST})"
)
#: A list followed by its count and its noun: "the evacuation of A and B, two mainly Shiite
#: towns", "from A, B and C, three villages on the front" (round 25); the count must agree.
_COUNTED = re.compile(
    rf"\b(?:of|in|from|to|at|near|into|for|between|and)\s+(?P<list>{_LIST}),\s+(?:the\s+)?"
    r"(?P<n>two|three|four|five)\s+(?:[\w-]+\s+){0,3}?(?:villages|towns|cities|hamlets)\b"
)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}
#: A name a direction from a town locates, after a preposition of place: "near Sad Abu
#: Fayad, east of the city of Salamiyah", "in X, 10 km south of Y".
_LOCATED = re.compile(
    rf"\b(?:near|in|at|towards?|around|outside|into|{_TAKEN})\s+(?:the\s+)?(?P<list>{_NAME})"
    r"(?:\s+(?:area|village|town|hill|farms))?,?\s+"
    r"(?:(?:about|some|around|nearly)\s+)?(?:\d[\d.]*\s*(?:km|kilomet(?:re|er)s?|miles?)\s+)?"
    r"(?:to\s+the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\b"
)
#: A named hospital: a site in the town of its sentence, placed at it as the set places
#: institutions ("the bus station, city garage, Al-Bassel Hospital, and gas station" in a
#: sentence on Tartous City).
_SITE_WORD = rf"(?:(?:[Aa]l|[Ee]l)[-‑ ])?[{ctx.CAPITALS}][\w'’]*(?:[-‑][\w'’]+)*"
_SITE = re.compile(
    rf"(?P<list>{_SITE_WORD}(?: {_SITE_WORD})?[ \t]+(?:Hospital|Square|[Rr]oundabout"
    r"|Cathedral|Church|Mosque|Monastery|[Ii]ntersection|Wall|Gate)"
    rf"|{_SITE_WORD}-Platz)\b"  # a square, a roundabout: "Al-Masri roundabout", "Tahrir-Platz"
)  # a named building or crossing ("the Mariamite Cathedral", "al-Bzorieh intersection"):
#  a site of its town, as the set marks named buildings (README, "a building or site"); a
#  town's named wall or gate too ("the Rafiqah Wall that surrounds the Old City", round 26)
_SITE_HINT = re.compile(
    r"Hospital|Square|[Rr]oundabout|-Platz|Cathedral|Church|Mosque|Monastery|[Ii]ntersection"
    r"|Wall|Gate"
)
#: Turkish determiners and numbers ("Bu köylerde", in these villages): no village's name.
_TR_DET = r"(?:Bu|Şu|O|Bir|Diğer|Tüm|Bütün|Bazı|Her|Birçok|İki|Üç|Dört|Beş|Altı|On)"
#: German, French, Turkish: "Dorf X", "Ortschaft X", "village de X", "X köyü", "A, B ve C
#: köylerine / kamplarına".
_OTHER = re.compile(
    rf"\b(?:Dorf|Dörfer|Ortschaft|Ortschaften|(?:villages?|localités?|bourgs?)\s+d[e']\s*)"
    rf"\s*(?P<list>{_LIST.replace(' and', ' (?:und|et|ve)')})"
    rf"|(?P<tr>(?!{_TR_DET}\s){_NAME}(?:\s*,\s*{_NAME})*(?:\s+ve\s+{_NAME})?)[\"”]?\s+"
    r"(?:köy(?:ü|ün|ler)\w*|belde(?:si|sin)\w*|tepe(?:si|sin)\w*"
    r"|kamp(?:ı|ın|lar)\w*)(?!\w)"  # "A, B ve C kamplarına": camps named after their villages
)
_SPLIT = re.compile(r"\s*,\s*(?:(?:and|und|et|ve)\s+)?|\s+(?:and|und|et|ve|as\s+well\s+as)\s+")

_AR_WORD = r"[\u0621-\u0652\u0671-\u06d3\u0640]+"  # its vowel marks too ("معلّق")
#: Arabic nouns that introduce settlements: قرى، بلدات، قرية، بلدة، قريتي، بلدتي، مزارع، تلال.
_AR_NOUN = re.compile(
    r"(?<![\u0600-\u06ff])[وبلف]?(?:قرى|بلدات|قرية|بلدة|قريتي|بلدتي|قريتا|بلدتا|مزارع|مزرعة|تلال)"
    r"(?:\s+و(?:قرى|بلدات|مزارع))?\s+"
)
#: "… البلدات والقرى في ريف إدلب منها A و B": the settlements, "among them" a list; "… إلى
#: 7 مناطق، وهي A و B": settlements or areas, right before "namely", a list.
_AR_AMONG = re.compile(
    r"(?<![\u0600-\u06ff])[وبلف]?(?:ال)?(?:قرى|بلدات|مدن)(?![\u0600-\u06ff])[^.\n]{0,120}?"
    r"(?<![\u0600-\u06ff])(?:منها|ومنها|أبرزها|بينها|من\s+بينها)\s+"
    r"|(?<![\u0600-\u06ff])(?:ال)?(?:قرى|بلدات|مناطق)\s*[،,]?\s*(?:وهي|هي)\s+"
)
#: "مزرعة لتربية الدواجن" (a farm for raising poultry), "مخيم للنازحين": the preposition ل on
#: a verbal noun or on a noun with the article says what the place is for, not its name.
_AR_PURPOSE = re.compile(r"لل\S+|لت\S{2,}[ةه]")
#: Words after which an Arabic list of villages ends ("… وسطوح الدير بريف إدلب").
_AR_END = frozenset(
    """في من قرب عند على ضمن جنوب شمال شرق غرب جنوبي شمالي شرقي غربي باتجاه بالقرب
    الواقعه الواقعي الواقعتين بريف ريف بمحافظه محافظه بمنطقه منطقه الاستراتيجيه
    جنوب-غرب بعد""".split()
)


def context_places(
    text: str,
    places: list[PlaceMention],
    taken: Iterable[tuple[int, int]],
    bias: str,
    roads: Iterable[tuple[int, int]] = (),
    listed: list[tuple[int, int]] | None = None,
) -> list[PlaceMention]:
    """Unresolved place mentions for names whose construction says they are places.

    Examples
    --------
    >>> import geozones
    >>> ex = geozones.extract("The army took Saraqib and the villages of Kaddour and Ruwehah.")
    >>> [(m.text, m.resolved, m.place.precision) for m in ex.places]
    [('Saraqib', True, 'exact'), ('Kaddour', False, 'context'), ('Ruwehah', False, 'context')]
    """
    road_spans = list(roads)
    anchors = [m for m in places if not any(a < m.end and m.start < b for a, b in road_spans)]
    towns = _Towns(anchors, bias)
    busy = bytearray(len(text) + 1)
    for a, b in taken:
        busy[a:b] = b"\x01" * (b - a)
    for m in places:
        busy[m.start : m.end] = b"\x01" * (m.end - m.start)
    spans = construction_spans(text) if listed is None else listed
    out: list[PlaceMention] = []
    first: dict[str, tuple[float, float]] = {}  # a name named again is where it was placed
    for s, e in sorted(set(spans)):
        if busy.find(1, s, e) != -1:
            continue
        where = first.get(text[s:e]) or _measured_from(text, e, towns)
        where = where or _context_point(text, s, towns)
        if where is None:
            continue
        busy[s:e] = b"\x01" * (e - s)
        name = text[s:e]
        first.setdefault(name, where)
        place = _context_place(name, where, bias)
        out.append(PlaceMention(name, s, e, place, "place", s, e, resolved=False))
    return out


#: A namesake this far from the other towns of its sentence …
RECHOOSE_FAR_KM = 50.0
#: … gives way to another namesake this close to them.
RECHOOSE_NEAR_KM = 25.0


def rechoose_near(
    text: str, places: list[PlaceMention], bias: str, listed: Sequence[tuple[int, int]] = ()
) -> list[PlaceMention]:
    """Among namesakes, the one near the other towns of the sentence (or the sentences
    around it): "Naqir" in a list of villages south of Idlib is not the Naqir near Hama.
    A small town named in a list of villages (``listed``: the spans of such lists) that
    lies far from the group its list forms, with no namesake near it, is another village
    of that name that the gazetteer lacks: it becomes unresolved, placed with its list,
    the gazetteer's namesakes among its alternatives.

    Examples
    --------
    >>> rechoose_near("", [], "SY")
    []
    """
    out = list(places)
    others = _Towns([o for o in places if not o.alternatives], bias)  # one namesake only
    in_list = _Spans(listed)
    for i, m in enumerate(places):
        if m.kind != "place" or not m.resolved or m.place.country != bias:
            continue
        listed_here = in_list(m.start, m.end)
        if not m.alternatives and not listed_here:
            continue
        where = None
        if m.alternatives:
            where = _context_point(text, m.start, others, exclude=m, majority=True)
        if where is None and listed_here:  # a list's own group: most of 2+ towns of its sentence
            a, b = _sentence(text, m.start)
            group = [t for t in others.within(a, b, m.start) if t is not m]
            if len(group) >= 2:
                where = _cluster_centre(group, m.start, True)
            else:  # or one, in the governorate the sentence names, which this one is not in
                group = group or [  # its towns with namesakes, when no other is sure
                    o for o in places
                    if o is not m and a <= o.start < b and o.resolved and o.kind == "place"
                ]  # fmt: skip
                where = one_in_named_area(m, group, places, a, b)
        if where is None or haversine_km(m.place.lat, m.place.lon, *where) <= RECHOOSE_FAR_KM:
            continue
        if listed_here and _sure(m) and _neighbour(text, m, places):
            continue  # a list of two groups of places ("Madaya, Zabadani, Foah and Kefraya")
        if beside_in_list(text, i, places, RECHOOSE_FAR_KM):
            continue  # "جرابلس والراعي والباب": al-Rai between its two neighbours of the list
        near = [a for a in m.alternatives if a.country == m.place.country and a.kind == m.place.kind
                and haversine_km(a.lat, a.lon, *where) <= RECHOOSE_NEAR_KM]  # fmt: skip
        if near:
            best = near[0]
            alts = (m.place, *(a for a in m.alternatives if a is not best))
            out[i] = replace(m, place=best.with_score(m.place.score, m.place.matched),
                             alternatives=alts)  # fmt: skip
        elif listed_here and m.place.population < LISTED_NAMESAKE_MAX_POPULATION:
            if _sure(m) and _alone(text, m, places) and not _far_from_local(text, m, places, bias):
                continue  # "the town of Madaya", the only Madaya: no town near says otherwise
            place = _context_place(text[m.name_start : m.name_end], where, bias)
            out[i] = replace(m, place=place, alternatives=(m.place, *m.alternatives),
                             resolved=False)  # fmt: skip
    return out


def _far_from_local(text: str, m: PlaceMention, places: list[PlaceMention], bias: str) -> bool:
    """Whether the towns at home of the mention's sentence and the sentences either side
    of it are there and all lie farther than ``RECHOOSE_FAR_KM`` from it: the evidence that
    a town of one namesake is another village (a point found only farther off, in the rest
    of the text, is no group the name was listed with: "the town of Madaya" is Madaya)."""
    a, b = _sentence(text, m.start)
    lo = _sentence(text, max(0, a - 2))[0]
    hi = _sentence(text, min(len(text), b + 1))[1]
    local = [
        o.place for o in places
        if lo <= o.start < hi and o is not m and o.kind == "place" and o.resolved
        and o.place.country == bias and o.place.name != m.place.name
    ]  # fmt: skip
    return bool(local) and all(
        haversine_km(m.place.lat, m.place.lon, p.lat, p.lon) > RECHOOSE_FAR_KM for p in local
    )


_LIST_GAP = re.compile(r"\s*(?:[,،]|\band\b|\bor\b)?\s*(?:و)?\s*")


def _alone(text: str, m: PlaceMention, places: list[PlaceMention]) -> bool:
    """Whether no other name stands next to the mention as a member of one list with it."""
    return not any(
        o is not m and _LIST_GAP.fullmatch(text[o.end : m.start] if o.end <= m.start
                                           else text[m.end : o.start])
        for o in places
        if o.end <= m.start and m.start - o.end <= 6 or o.start >= m.end and o.start - m.end <= 6
    )  # fmt: skip


def _sure(m: PlaceMention) -> bool:
    """No other town of the gazetteer bears the mention's name."""
    return not any(x.kind == "populated place" for x in m.alternatives)


def _neighbour(text: str, m: PlaceMention, places: list[PlaceMention]) -> bool:
    """Another town of ``m``'s sentence, with no namesake town either, lies within
    :data:`RECHOOSE_NEAR_KM` of it."""
    a, b = _sentence(text, m.start)
    return any(
        o is not m and a <= o.start < b and o.resolved and o.kind == "place"
        and _sure(o)
        and haversine_km(o.place.lat, o.place.lon, m.place.lat, m.place.lon) <= RECHOOSE_NEAR_KM
        for o in places
    )  # fmt: skip


#: A town bigger than this named in a list of villages far from the others stays itself.
LISTED_NAMESAKE_MAX_POPULATION = 20_000


class _Spans:
    """Whether a span overlaps one of a sorted list of spans."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]

    def __call__(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.starts, e)
        return any(b > s for _, b in self.spans[max(0, i - 3) : i])


def construction_spans(text: str, marked: bool = True) -> list[tuple[int, int]]:
    """The names that a construction shows to be places ("the villages of A and B").

    Examples
    --------
    >>> t = "the villages of Kaddour and Ruwehah"
    >>> [t[a:b] for a, b in construction_spans(t)]
    ['Kaddour', 'Ruwehah']
    """
    lists = delimited_arabic_spans(text) if marked else []  # "مناطق “الجدلة وقصور أم سابا …"
    return sorted(set(_english_spans(text) + _arabic_spans(text) + lists))


def _context_place(name: str, where: tuple[float, float], bias: str) -> Place:
    return Place(
        name, where[0], where[1], "populated place", (), "context", "", CONTEXT_SCORE,
        name, bias, None, "context", 0, {"resolved": False, "position": "context"},
    )  # fmt: skip


#: What every match of ``_OTHER`` holds (a cheap test before it, as "Hospital" for
#: ``_SITE``): its German, French or Turkish noun of settlement.
_OTHER_WORDS = re.compile(
    r"Dorf|Dörfer|Ortschaft|(?:villages?|localités?|bourgs?)\s+d[e']|köy|belde|tepe|kamp"
)
#: Every pattern of :func:`_english_spans` holds a lower-case Latin letter (an Arabic text
#: has none: none is searched).
_LATIN_LOWER = re.compile(r"[a-z]")


def _english_spans(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if not _LATIN_LOWER.search(text):
        return out
    for rx in (_BEFORE, _AFTER, _INCLUDING, _OTHER, _LOCATED, _SITE, _NOUN_CHAIN, _COUNTED):
        if rx is _SITE and not _SITE_HINT.search(text):
            continue  # a cheap test first: most texts name no hospital
        if rx is _OTHER and not _OTHER_WORDS.search(text):
            continue
        for m in rx.finditer(text):
            g = "list" if m.group("list") is not None else "tr"
            base = m.start(g)
            if rx is _COUNTED and len(_split(m.group(g))) != _COUNTS[m.group("n")]:
                continue  # "of A and B, three towns": the count says it is no list of them
            for part in _split(m.group(g)):
                s = base + part[0]
                name = text[s : base + part[1]]
                if _name_ok(name):
                    out.append((s, s + len(name)))
    return out


def _split(s: str) -> list[tuple[int, int]]:
    parts, last = [], 0
    for m in _SPLIT.finditer(s):
        parts.append((last, m.start()))
        last = m.end()
    parts.append((last, len(s)))
    return [(a, b) for a, b in parts if b > a]


def _name_ok(name: str) -> bool:
    words = re.findall(r"[\w'’]+", name)
    if not words or name.isupper() and len(name) <= 5:
        return False  # an acronym
    low = [w.lower() for w in words]
    if any(w in STOPWORDS or w in ctx.TITLES for w in low):
        return False
    return not (len(words) == 1 and _DEMONYM.search(words[0]))


def _arabic_spans(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for rx in (_AR_NOUN, _AR_AMONG):
        for m in rx.finditer(text):  # a dual ("قريتي تل حلف وأم الخير والتوغل") names two
            items = _arabic_items(text, m.end())
            out.extend(items[:2] if re.search(r"(?:تي|تا)\s", m.group(0)) else items)
    return out


def _arabic_items(text: str, pos: int) -> list[tuple[int, int]]:
    """The villages of an Arabic list: "أرينبة وسطوح الدير" → two spans (no proclitic)."""
    chunk = text[pos : pos + LIST_CHARS]
    words = [(w.start(), w.end()) for w in _AR_LIST_WORD.finditer(chunk)]
    words = [(pos + a, pos + b) for a, b in words]
    dots = _AR_QUOTED.match(chunk) is not None  # 'قرى “A .. B.. C”': dots part the names
    items: list[tuple[int, int]] = []
    i, first, dotted = 0, True, False
    while i < len(words):
        a, b = words[i]
        w = text[a:b]
        if not first and _goes_on(text, words, i):
            i += 2  # "… وقيلون إضافة إلى جمعية الهادي": "in addition to" goes on with the list
            a, b = words[i]
            w = text[a:b]
        elif not first:
            if w.startswith("و") and len(w) > 2 and not dotted:
                a += 1
            elif (w in "،," or dots and w[:2] in ("..", "…")) and i + 1 < len(words):
                i += 1
                dotted = w[:1] in ".…"
                continue
            elif not dotted:
                break
        dotted = False
        if not re.fullmatch(_AR_WORD, text[a:b]) or first and _AR_PURPOSE.fullmatch(w):
            break
        if first and _AR_VERB.fullmatch(w) and _next_is(text, words, i, _AR_VERB_PREP):
            break  # "قرى تقع ضمن منطقة …": villages that lie within, a verb, no name
        n = 2 if i + 1 < len(words) and _two_words(text, a, b, words[i + 1]) else 1
        n = 2 if n == 1 and _quarter_named(text, a, b, words[i + 1 : i + 2]) else n
        n += _third_word(text, words, i, n)
        n = max(n, _dotted_words(text, words, i)) if dots else n
        if n == 1 and _ar_key(_unclitic(text[a:b])) in ARABIC_STOPWORDS:
            break  # "تل" alone is a hill, "تل أغر" a village; "بلدة وقرية": towns and villages
        e = words[i + n - 1][1]
        items.append((a, e))
        i += n
        first = False
        if dots and text[e : e + 4].lstrip(" ")[:2] in ("..", "…"):
            continue  # "لزقة .. عباه": the next name of a quoted list
        if text[e : e + 2].lstrip(" ")[:1] in (".", ";", ":", "!", "?", "\n", ")", "»", '"'):
            break  # the sentence or the clause ends
    while items and not _ends_list(text, items[-1][1]):
        items.pop()  # "… وكفر سجنة وتدمير عتاد": the list ended before the last word
    return [(a, e) for a, e in items if len(_ar_key(text[a:e]).replace(" ", "")) >= 3]


def _dotted_words(text: str, words: list[tuple[int, int]], i: int) -> int:
    """How many words, up to three, the name at ``i`` of a list parted by dots holds: all
    up to the next dots or the closing quotation mark ("قبر شيخ حسين”")."""
    n = 1
    while n < 3 and i + n < len(words):
        a, b = words[i + n]
        if text[words[i + n - 1][1] : a].strip() or not re.fullmatch(_AR_WORD, text[a:b]):
            break
        n += 1
    return n


#: A word of an Arabic list, a comma, or a run of dots ("..", "…").
_AR_LIST_WORD = re.compile(r"[^\s،,.;:!?()«»\"“”…]+|[،,]|\.{2,}|…")
#: A list opened by a quotation mark, whose names dots may part ('قرى “لزقة .. عباه..').
_AR_QUOTED = re.compile(r"[ \t]*[“\"«]")
#: How far (characters) after its noun an Arabic list of villages is read.
LIST_CHARS = 700
#: "إضافة إلى" (in addition to) between two members: the list goes on.
_IN_ADDITION = re.compile(r"(?:و|ب)?(?:ال)?[إا]ضافة")
#: The second words that join a person's name to the word before it: "ضهرة عبد ربه",
#: "فيضة ابن موينع", "نزلة أبو كنعان" (a place named after a person: three words).
_NAME_LINKS = frozenset("عبد ابن بن أبو ابو أبي ابي أم ام بني".split())
#: Words with a و of their own that open no list member ("وسط البادية": amid the desert).
_NOT_NAMES = frozenset("وسط".split())


#: Nouns of a city's housing quarters that take the quarter's name after them, whatever it
#: is ("جمعية آذار", "أبنية وعد", "بناء النعناعي"): in a list of places, a quarter.
_AR_QUARTER_HEADS = frozenset(_key(fold(w)) for w in "جمعية أبنية بناء مساكن ضاحية".split())


def _quarter_named(text: str, a: int, b: int, nxt: list[tuple[int, int]]) -> bool:
    """Whether the word at ``a:b`` is a quarter's noun and the next word its name, the list
    going on (or ending) right after it."""
    if not nxt or _ar_key(_unclitic(text[a:b])) not in _AR_QUARTER_HEADS:
        return False
    s, e = nxt[0]
    return (
        re.fullmatch(_AR_WORD, text[s:e]) is not None
        and _AR_LIST_GOES_ON.match(text, e) is not None
    )


#: Nouns of settlement that a village's name follows, no part of it ("قرية أم جلال").
_SETTLEMENT_HEADS = frozenset(_key(fold(w)) for w in "قرية بلدة مدينة منطقة ناحية حي مخيم".split())


def _head_noun(word: str) -> bool:
    """Whether ``word`` is a noun of settlement ("قرية أم جلال": the village of Umm Jalal),
    not a word of the name ("تلة عبد ربه", the hill of Abd Rabbo)."""
    return _ar_key(_unclitic(word)) in _SETTLEMENT_HEADS


def _goes_on(text: str, words: list[tuple[int, int]], i: int) -> bool:
    """Whether "إضافة إلى" (in addition to) stands at ``i`` with a name after it."""
    if i + 2 >= len(words) or not _IN_ADDITION.fullmatch(text[words[i][0] : words[i][1]]):
        return False
    return text[words[i + 1][0] : words[i + 1][1]] in ("إلى", "الى")


def _third_word(text: str, words: list[tuple[int, int]], i: int, n: int) -> int:
    """How many more words the name at ``i`` (``n`` words so far) takes: a third one after
    a noun, its definite complement and a definite adjective ("جمعية الكهرباء الثانية",
    "جمعية المحاربين القدماء"), the list going on after it; or two after a word followed by
    a person's name of two words ("ضهرة عبد ربه", "فيضة ابن موينع")."""
    if i + 2 >= len(words):
        return 0
    w = [text[a:b] for a, b in words[i : i + 3]]
    if (
        not all(re.fullmatch(_AR_WORD, x) for x in w)
        or w[1].startswith("و")
        or w[2].startswith("و")
    ):
        return 0
    definite = w[1].startswith("ال") and w[2].startswith("ال")
    if n == 2 and definite and not w[0].startswith("ال") and w[0] not in _NOT_NAMES:
        end = words[i + 2][1]
        return int(_ar_key(w[2]) not in _AR_END and _AR_LIST_GOES_ON.match(text, end) is not None)
    if w[1] in _NAME_LINKS and not w[2].startswith("ال") and not _head_noun(w[0]):
        return (3 - n) * int(_ar_key(w[2]) not in ARABIC_STOPWORDS and _ar_key(w[2]) not in _AR_END)
    return 0


#: A short imperfect verb (ت/ي and a three-letter root: تقع، يقع، تبعد، تمتد) …
_AR_VERB = re.compile(r"[تي][\u0621-\u064a]{2,3}")
#: … followed by a preposition opens a relative clause after "قرى", not a village's name.
_AR_VERB_PREP = frozenset("ضمن في على من الى إلى قرب عند تحت بين بالقرب".split())


def _next_is(text: str, words: list[tuple[int, int]], i: int, wanted: frozenset[str]) -> bool:
    return i + 1 < len(words) and text[words[i + 1][0] : words[i + 1][1]] in wanted


#: Compass adjectives without the article that close a village's name ("جرذي غربي") …
_AR_COMPASS_ADJ = frozenset("شرقي غربي شمالي جنوبي".split())
#: The upper, middle and lower of two or three villages of one name ("جقلا فوقاني", "جقلا
#: وسطاني", "كفر روم تحتاني"): adjectives that only ever close a village's name.
_AR_TIER_ADJ = frozenset("فوقاني تحتاني وسطاني فوقانى تحتانى وسطانى".split())
#: … when the list goes on (or ends) right after them, rather than a place being named.
_AR_LIST_GOES_ON = re.compile(r"[\s\"”»)]*(?:[،,.;:]|و|\n|$)")


def _two_words(text: str, a: int, b: int, nxt: tuple[int, int]) -> bool:
    """Whether the next word belongs to the name: after a head word (تل، كفر، سطوح …), or a
    word with the article after one without it (سطوح الدير) or an adjective (الدار الكبيرة),
    or a compass adjective that the list's "و" or comma follows (جرذي غربي)."""
    second = text[nxt[0] : nxt[1]]
    if not re.fullmatch(_AR_WORD, second) or second.startswith("و"):
        return False
    if second in _AR_COMPASS_ADJ and _AR_LIST_GOES_ON.match(text, nxt[1]):
        return True  # "جرذي غربي و…": Western Jarda; "X غربي حلب" is west of Aleppo
    if second in _AR_TIER_ADJ:
        return True  # "جقلا فوقاني": Upper Jaqla
    k = _ar_key(second)
    if (
        k in _AR_END
        or fold(second) in _AR_END
        or k in ARABIC_STOPWORDS
        and not second.startswith("ال")
    ):
        return False
    first = _ar_key(text[a:b])
    return (
        first in ARABIC_HEADS
        or first in {"سطوح", "شيخ", "دار", "مزرعه"}
        or (second.startswith("ال"))
    )


def _ends_list(text: str, end: int) -> bool:
    rest = text[end : end + 30].lstrip(" ”’")  # 'قرية “بابيص” بريف حلب': a quoted name
    if not rest.strip() or rest[:1] in '،,.;:\n)»"':
        return True
    nxt = rest.split()[0]
    k = _ar_key(nxt)
    ends = nxt.startswith(("و", "بريف", "بال", "لل")) or k in _AR_END or nxt in _AR_END
    return ends or nxt[:1] == "ل" and len(nxt) > 3  # "قرية جبورين بالمدفعية", "X لقصف"


def _unclitic(word: str) -> str:
    """The word without a clinging و or ف ("وقرية" → "قرية")."""
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


def _ar_key(word: str) -> str:
    return _key(fold(word))
