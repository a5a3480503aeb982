"""From an article to a draft map: the places, roads and dates a text mentions.

:func:`extract` finds place names with the gazetteer's own name variants
(every variant of every entry, folded with :func:`geozones._text.fold` and
scanned in one pass with an Aho–Corasick automaton from ``pyahocorasick``),
maps each match back to the original text, and lets the context decide what
it is:

* persons ("Foreign Minister Sergei Lavrov", "Mr Cavusoglu", "Putin"),
  organisations ("the Free Syrian Army", "Jabhat al-Nusra") and news outlets
  ("Reuters", "SANA") are not places, by general rules (titles, organisation
  words, surnames seen earlier) and a short curated list
  (``data/geoparse/entities.yaml``);
* a name that is a country is a country; a city abroad ("Ankara", "Geneva")
  keeps its own country unless a Syrian place of that name is about as
  prominent;
* "western Aleppo countryside", "southern Idlib", "Aleppo province" are
  regions (the admin area); "Jabal al-Zawiya" and "the Ghab plain" are
  regions from ``data/geoparse/regions.yaml``; "the Idlib de-escalation zone"
  is a *zone* mention anchored on the Idlib governorate;
* a place inside a longer name belongs to it: "the Aleppo–Latakia highway" is
  a road (the M4), "Aleppo Media Center" an organisation.

Dates come from :mod:`geozones._geoparse_dates` (regex candidates, resolved
against the caller's reference date or the article's own dateline).
:func:`draft_spec` turns an extraction into a YAML spec skeleton with TODO
markers where a person must decide.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import math
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import _geoparse_context as ctx
from . import settings
from ._geoparse_context import Entity
from ._geoparse_dates import DateMention, extract_dates
from ._io import atomic_open, data_path
from ._text import fold, fold_with_offsets
from .errors import InputError
from .place import Place

if TYPE_CHECKING:  # pragma: no cover
    from .gazetteer import Gazetteer

__all__ = [
    "Extraction",
    "PlaceMention",
    "RoadMention",
    "DateMention",
    "Entity",
    "extract",
    "draft_spec",
    "write_draft_spec",
]

#: A foreign city wins over a Syrian namesake when it has at least this population
#: and ``FOREIGN_FACTOR`` times the Syrian one's.
FOREIGN_MIN_POPULATION = 100_000
FOREIGN_FACTOR = 10
#: Kilometres of distance that weigh as much as one order of magnitude of population
#: when choosing between namesakes (closer to the other places of the text wins).
PROXIMITY_KM = 50.0
#: Road words that may follow a road's name ("the M4 highway").
ROAD_WORDS = ("highway", "motorway", "expressway", "road", "route", "international highway")

_ARTICLES = frozenset(
    "al el il ul ol l ash esh as es ad ed ar er at et an en az ez adh edh ath eth".split()
)
_GLUED_SUN = re.compile(r"^[ae](sh|th|dh|[tdrszln])\1(?=[a-z]{2,})")
_BOUNDARY = re.compile(r"[.,;:!?()\[\]{}\"“”«»/|\n]|\s[-–—]\s|[–—]\s|\s[–—]")
_PROCLITICS = frozenset("وفبل")
_CODE_LIKE = re.compile(r"^(?:[a-z]{1,3} ?\d+|\d+)$")
_DASH_PAIR = re.compile(r"^\s*[-–—/]\s*$")
_ROAD_AFTER = re.compile(
    r"^\s*(?:international\s+)?(?P<w>highway|motorway|expressway|road|route)s?\b", re.IGNORECASE
)
_POSSESSIVE = re.compile(r"['’]s$")

#: Common English words that a gazetteer also holds as place names ("The", "Man", "Sea"):
#: never a place on their own.
STOPWORDS = frozenset(
    """a about above across after again against ago all also although am among an and another
    any are area around as at away back be because been before behind being below between
    both but by can cannot could day days did do does down during each early east either
    else end even ever every few first for from further get go good great had has have he
    her here hers him his how however i if in inside into is it its just last late later
    least less like long made main make man many may me men might more most much must my
    near never new next no nor north not now of off on once one only or other our out over
    own part per same sea see several she should side since so some south still such than
    that the their them then there these they this those though through thus to today top
    toward towards two under until up upon us very via was way we week were west what when
    where which while who whom whose why will with within without would year yet you your
    air army city day deal field front free hand head hill home line news peace point port
    post press red road safe state station street time town union valley village war water
    white zone center centre general major minor north south east west upper lower big little
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december jan feb mar apr jun jul aug sep
    sept oct nov dec hit took killed attack attacks strike strikes shelling troops rebels
    fighters regime opposition talks agreement memorandum protocol patrol patrols corridor
    withdrawal control offensive operation crossing convoy soldiers civilians people refugees
    camp camps aid said says told reported according officials sources monitor report
    ceasefire truce agreed signed killed wounded fire""".split()
)

#: Arabic words of news prose that are also village names ("وقف", ceasefire; "النار", fire),
#: as matching keys (folded, article dropped).
ARABIC_STOPWORDS = frozenset(
    """وقف اطلاق نار هدنه اتفاق اتفاقيه منطقه مناطق قوات جيش مدينه بلده قريه ريف شمال جنوب
    شرق غرب محافظه طريق معبر نقطه نقاط مراقبه دوريه دوريات في من علي الي عن مع بين قرب بعد
    قبل حتي منذ يوم امس اليوم""".split()
)

# ============================================================================ results


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text.

    Attributes
    ----------
    text : str
        The words as they stand in the text (``source[start:end] == text``), with
        the words that make it a region or zone ("western Aleppo countryside").
    start, end : int
        Offsets into the original text.
    place : Place
        The resolved place (its ``score`` is the confidence of the choice).
    kind : str
        ``place`` (a populated place, a point), ``region`` (an admin area or a
        named region), ``zone`` ("the Idlib de-escalation zone", anchored on the
        area it is named after) or ``country``.
    name_start, name_end : int
        Offsets of the name itself ("Aleppo" inside "western Aleppo countryside").
    direction : str or None
        "western", "southern" … when the text qualifies a region.
    alternatives : tuple of Place
        Other places of the same name, best first, when the name is ambiguous.
    """

    text: str
    start: int
    end: int
    place: Place
    kind: str = "place"
    name_start: int = -1
    name_end: int = -1
    direction: str | None = None
    alternatives: tuple[Place, ...] = ()

    @property
    def name(self) -> str:
        """The place's canonical name."""
        return self.place.name

    @property
    def ambiguous(self) -> bool:
        """Whether other places share the name."""
        return bool(self.alternatives)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "direction": self.direction,
            "place": self.place.to_dict(),
            "alternatives": [p.to_dict() for p in self.alternatives],
        }


@dataclass(frozen=True)
class RoadMention:
    """A road named in a text ("the M4", "the Aleppo–Latakia highway").

    Attributes
    ----------
    text : str
        As in the text.
    start, end : int
        Offsets into the original text.
    road : Place or None
        The gazetteer's road (kind ``road``), None when the gazetteer has no road
        of that name (then ``endpoints`` says what the text gives).
    endpoints : tuple of Place
        The towns the name is made of ("Aleppo", "Latakia"), when it is.
    """

    text: str
    start: int
    end: int
    road: Place | None
    endpoints: tuple[Place, ...] = ()

    @property
    def ref(self) -> str | None:
        """The road's id ("M4"), or None."""
        return self.road.source_id if self.road is not None else None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "ref": self.ref,
            "road": self.road.to_dict() if self.road is not None else None,
            "endpoints": [p.to_dict() for p in self.endpoints],
        }


@dataclass
class Extraction:
    """What :func:`extract` found in a text.

    Attributes
    ----------
    text : str
        The text.
    places : list of PlaceMention
        Place, region, zone and country mentions, in text order.
    roads : list of RoadMention
        Road mentions, in text order.
    dates : list of DateMention
        Dates, periods and date-times, in text order.
    entities : list of Entity
        Names recognised as persons, organisations or news outlets (not places).
    reference_date : datetime.date or None
        The date relative expressions were resolved against.
    country_bias : str
        The country preferred for ambiguous names.

    Examples
    --------
    >>> ex = extract("Moscow, 5 March 2020 — a ceasefire in Idlib province.")  # doctest: +SKIP
    >>> [(m.text, m.kind) for m in ex.places]                                # doctest: +SKIP
    [('Moscow', 'place'), ('Idlib province', 'region')]
    """

    text: str
    places: list[PlaceMention] = field(default_factory=list)
    roads: list[RoadMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    reference_date: dt.date | None = None
    country_bias: str = "SY"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (what ``geozones extract --json`` prints)."""
        return {
            "reference_date": self.reference_date.isoformat() if self.reference_date else None,
            "country_bias": self.country_bias,
            "places": [m.to_dict() for m in self.places],
            "roads": [m.to_dict() for m in self.roads],
            "dates": [m.to_dict() for m in self.dates],
            "entities": [e.to_dict() for e in self.entities],
        }

    def __repr__(self) -> str:
        return (
            f"<Extraction {len(self.places)} places, {len(self.roads)} roads, "
            f"{len(self.dates)} dates, {len(self.entities)} non-place names>"
        )


# ============================================================================ the index


def _word_key(word: str) -> str:
    """One folded word as matched: articles dropped, glued articles cut ("ezzor" → "zor")."""
    if word in _ARTICLES:
        return ""
    if "\u0600" <= word[:1] <= "\u06ff":
        if word.startswith("ال") and len(word) > 3:
            return word[2:]
        if word.startswith("وال") and len(word) > 4:
            return word[3:]
        return word
    m = _GLUED_SUN.match(word)
    if m:
        return word[2:]
    if word.startswith(("al", "el")) and len(word) >= 6 and word[2] not in "aeiou":
        return word[2:]  # "elhur", "alhasakeh" (not "aleppo", "alia")
    return word


@functools.lru_cache(maxsize=200_000)
def _key(folded: str) -> str:
    return " ".join(k for k in (_word_key(w) for w in folded.split()) if k)


@dataclass(frozen=True)
class _Payload:
    kind: str  # "g" gazetteer entry, "r" curated region, "e" non-place entity
    ref: Any  # entry index, region index, or entity kind
    caps: bool = False  # entity written in capitals: match only capitals


class _Index:
    """The automaton over every name variant, and what each key stands for."""

    def __init__(self, gaz: Gazetteer) -> None:
        import ahocorasick

        self.gaz = gaz
        by_key: dict[str, set[_Payload]] = {}
        kinds = gaz.kinds
        for folded, entry in gaz.variants():
            if _CODE_LIKE.match(folded) and kinds[entry] != "road":
                continue  # P-codes and ids are not names written in texts
            if kinds[entry] == "region":
                continue  # the curated regions come in below, with their own payload
            k = _key(folded)
            if k:
                by_key.setdefault(k, set()).add(_Payload("g", entry))
        self.regions = _load_regions()
        for i, (_place, variants) in enumerate(self.regions):
            for v in variants:
                if k := _key(fold(v)):
                    by_key.setdefault(k, set()).add(_Payload("r", i))
        for kind, names in ctx.known_entities().items():
            if kind == "demonym":
                continue  # a mapping for draft specs; the words are in "adjective"
            for name in names:
                if k := _key(fold(name)):
                    caps = name.isupper() and len(name) <= 6
                    by_key.setdefault(k, set()).add(_Payload("e", kind, caps))
        auto = ahocorasick.Automaton()
        for k, payloads in by_key.items():
            auto.add_word(f" {k} ", (k.count(" ") + 1, tuple(payloads)))
        auto.make_automaton()
        self.automaton = auto
        self.words = frozenset(k for k in by_key if " " not in k)
        self._places: dict[int, Place] = {}  # Place objects are frozen: safe to share
        self.importance = gaz.importance

    def place(self, p: _Payload) -> Place:
        if p.kind == "r":
            return self.regions[p.ref][0]
        got = self._places.get(p.ref)
        if got is None:
            got = self._places[p.ref] = self.gaz.place(p.ref)
        return got


def _load_regions() -> list[tuple[Place, list[str]]]:
    import yaml

    with open(data_path("geoparse", "regions.yaml"), encoding="utf-8") as fh:
        rows = yaml.safe_load(fh) or []
    out = []
    for r in rows:
        place = Place(
            name=r["name"], lat=float(r["lat"]), lon=float(r["lon"]), kind="admin area",
            admin=tuple(r.get("admin") or ()), source="geoparse-regions", source_id=r["name"],
            country="SY", level=None, precision="approximate",
            extra={"region": True},
        )  # fmt: skip
        out.append((place, [r["name"], *r.get("variants", [])]))
    return out


_INDEXES: dict[int, _Index] = {}
_INDEX_LOCK = threading.Lock()


def _index_for(gaz: Gazetteer | None) -> _Index:
    if gaz is None:
        from .gazetteer import Gazetteer

        gaz = Gazetteer.default()
    idx = _INDEXES.get(id(gaz))
    if idx is None or idx.gaz is not gaz:
        with _INDEX_LOCK:
            idx = _INDEXES.get(id(gaz))
            if idx is None or idx.gaz is not gaz:
                idx = _INDEXES[id(gaz)] = _Index(gaz)
    return idx


# ============================================================================ scanning


@dataclass
class _Token:
    key: str
    start: int  # original offsets of the word
    end: int
    lead: int  # start including an article written just before ("al-" of "al-Bab")


@dataclass
class _Match:
    start: int
    end: int
    name_start: int
    payloads: tuple[_Payload, ...]
    nwords: int


def _tokens(text: str, known: frozenset[str] = frozenset()) -> list[_Token | None]:
    """The folded words of ``text`` with original offsets; None marks a boundary.

    ``known`` holds the one-word keys of the index: an Arabic word that is not one but
    is one after a one-letter proclitic (و and, ب in, ل to, ف so) loses the proclitic."""
    folded, off = fold_with_offsets(text)
    out: list[_Token | None] = []
    pending_article: int | None = None
    prev_end = 0
    for m in re.finditer(r"\S+", folded):
        fs, fe = m.span()
        s, e = off[fs], off[fe - 1] + 1
        if out and _BOUNDARY.search(text[prev_end:s]):
            out.append(None)
            pending_article = None
        prev_end = e
        word = m.group(0)
        if _POSSESSIVE.search(text[s:e]) and word.endswith("s"):
            word, e = word[:-1], e - 2  # "Syria's" → "syria"
        k = _word_key(word)
        if known and k not in known and word[:1] in _PROCLITICS and len(word) > 3:
            k2 = _word_key(word[1:])
            if k2 in known:
                k, s = k2, off[fs + 1]  # "وإدلب" → "إدلب"
        if not k:
            # "al-Bab", "al Bab", "ash-Shughur" belong to the name; English "at", "an" do not
            if word in ("al", "el") or text[e : e + 1] in ("-", "‑"):
                pending_article = s if pending_article is None else pending_article
            continue
        lead = pending_article if pending_article is not None else s
        out.append(_Token(k, s, e, lead))
        pending_article = None
    return out


def _scan(text: str, index: _Index) -> list[_Match]:
    toks = _tokens(text, index.words)
    parts, starts, tok_at = [], [], {}
    pos = 1
    for i, t in enumerate(toks):
        word = t.key if t is not None else "|"
        tok_at[pos] = i
        starts.append(pos)
        parts.append(word)
        pos += len(word) + 1
    stream = " " + " ".join(parts) + " "
    found: list[_Match] = []
    for end_idx, (nwords, payloads) in index.automaton.iter(stream):
        first = _first_token(tok_at, stream, end_idx, nwords)
        if first is None:
            continue
        last = first + nwords - 1
        a, b = toks[first], toks[last]
        if a is None or b is None:
            continue
        found.append(_Match(a.lead, b.end, a.start, payloads, nwords))
    return found


def _first_token(tok_at: dict[int, int], stream: str, end_idx: int, nwords: int) -> int | None:
    # walk back nwords words from the trailing space at end_idx
    pos = end_idx
    for _ in range(nwords):
        pos = stream.rfind(" ", 0, pos)
    return tok_at.get(pos + 1)


# ============================================================================ deciding


@dataclass
class _Item:
    start: int
    end: int
    name_start: int
    payloads: tuple[_Payload, ...]
    entity: Entity | None = None
    cue: ctx.RegionCue | None = None
    nwords: int = 1


class _Occupancy:
    """Which characters of a text are taken (linear time, unlike pairwise span checks)."""

    def __init__(self, n: int, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._b = bytearray(n + 1)
        for a, b in spans:
            self.add(a, b)

    def add(self, a: int, b: int) -> None:
        self._b[a:b] = b"\x01" * (b - a)

    def free(self, a: int, b: int) -> bool:
        return self._b.find(1, a, b) == -1


def _acronym(text: str, start: int, end: int, title: _TitleLines) -> bool:
    """A short word in capitals inside running text is an acronym ("GNA", "(SDF)"), not a
    place; a dateline ("HAMA, Syria") or a line in capitals is another matter."""
    word = text[start:end]
    if not (word.isupper() and len(word) <= 5 and word.isalpha()):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip():
        return False  # first word of its line: a dateline
    return not title(start)


def _is_name_case(s: str) -> bool:
    """A place name in running English starts with a capital (or is not in Latin script)."""
    c = s[:1]
    return not c.isalpha() or c.isupper() or not c.isascii() and not c.islower()


def _select(
    text: str,
    matches: list[_Match],
    rule_ents: list[Entity],
    blocked: list[tuple[int, int]],
    title: _TitleLines,
) -> tuple[list[_Item], list[Entity]]:
    """Longest match wins; non-place names take their span from places."""
    cands: list[tuple[int, int, int, _Item]] = []
    for m in matches:
        name = text[m.name_start : m.end]
        pls = tuple(p for p in m.payloads if not (p.caps and not name.isupper()))
        if not pls:
            continue
        ent = next((p for p in pls if p.kind == "e"), None)
        if ent is not None:
            e = Entity(text[m.start : m.end], m.start, m.end, ent.ref, "list")
            cands.append((m.end - m.start, 0, m.start, _Item(m.start, m.end, m.name_start, (), e)))
            continue
        if not _is_name_case(name):
            continue
        words = re.findall(r"[\w'’]+", name.lower())
        if all(w in STOPWORDS or _key(fold(w)) in ARABIC_STOPWORDS for w in words):
            continue
        if _acronym(text, m.name_start, m.end, title):
            continue
        it = _Item(m.start, m.end, m.name_start, pls, nwords=m.nwords)
        cands.append((m.end - m.start, 1, m.start, it))
    for e in rule_ents:
        cands.append((e.end - e.start, 0, e.start, _Item(e.start, e.end, e.start, (), e)))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    taken = _Occupancy(len(text), blocked)
    items: list[_Item] = []
    for _, _, _, it in cands:
        if not taken.free(it.start, it.end):
            continue
        taken.add(it.start, it.end)
        items.append(it)
    items.sort(key=lambda it: it.start)
    places = [it for it in items if it.entity is None]
    entities = [it.entity for it in items if it.entity is not None]
    return places, entities


#: Capitalised words next to a place name that do not make it part of a longer name.
NAME_NEIGHBOURS = frozenset(
    """province provinces governorate governorates countryside region district subdistrict
    plain plains mountain mountains valley desert suburbs outskirts pocket enclave area
    city town village airport airbase base dam camp gate bridge castle citadel university
    hospital prison square crossing border highway motorway road route international
    de-escalation demilitarised demilitarized zone front frontline
    north south east west northern southern eastern western central rural greater upper lower
    northwest northeast southwest southeast north-west north-east south-west south-east
    northwestern northeastern southwestern southeastern""".split()
)
_LEFT_WORD = re.compile(r"(?<![\w'’-])([A-Z][\w'’]*)[ \t]+$")
_RIGHT_WORD = re.compile(r"^[ \t]+((?:(?:al|el|ash|as|ad|ar|at|an|az)[- ])?[A-Z][\w'’]*)")


def _longer_names(
    text: str,
    items: list[_Item],
    entities: list[Entity],
    index: _Index,
    bias: str,
    title: _TitleLines,
) -> list[_Item]:
    """A place name glued to unknown capitalised words is part of a longer name
    ("Sheir Maghar", "Daraa al-Balad"): look the whole name up, or drop the part."""
    items = _merge_adjacent(text, items, index)
    items = sorted(items + _unlisted(text, items, entities, index, bias), key=lambda it: it.start)
    occ = _Occupancy(
        len(text), [(e.start, e.end) for e in entities] + [(it.start, it.end) for it in items]
    )

    def free(a: int, b: int) -> bool:
        return occ.free(a, b)

    out = []
    for it in items:
        s, e = it.start, it.end
        if title(s):
            out.append(it)  # in "Russia And Turkey Agree …" every word has a capital
            continue
        head = text[max(0, s - 40) : s]
        left = _LEFT_WORD.search(head)
        if left and _sentence_start(head[: left.start()]):
            left = None  # "Speaking at Istanbul": a capital that only opens a sentence
        if left and _loose(left.group(1)) and free(s - len(left.group(0)), s):
            s -= len(left.group(0))
        right = _RIGHT_WORD.match(text[e : e + 40])
        if right and _loose(right.group(1)) and free(e, e + right.end()):
            e += right.end()
        if (s, e) == (it.start, it.end):
            out.append(it)
            continue
        longer = [p for p in index.gaz.candidates(text[s:e], top=3, fuzzy=False) if p.score >= 0.85]
        if longer:
            pls = tuple(_Payload("g", p.extra["index"]) for p in longer)
            out.append(_Item(s, e, s, pls, nwords=it.nwords + 1))
        elif it.nwords > 1 or _prominent(index, it):
            out.append(it)
    return out


_LOCATIVE = re.compile(
    r"(?:\b(?:in|near|around|at|from|to|into|outside|towards?|village of|town of|city of"
    r"|took|taken|captured|seized|retook|recaptured|entered|shelled|stormed|besieged|hit)"
    r"|(?P<list>,|\band|\bor))\s+"
    r"(?P<name>(?:(?:al|el|ash|as|ad|ar|at|an|az)-)?[A-Z][\w'’]+"
    r"(?:[ -](?:(?:al|el|ash|as|ad|ar|at|an|az)-)?[A-Z][\w'’]+)?)"
)
#: Minimum gazetteer score for a name found only by its context ("near Atmeh").
UNLISTED_MIN_SCORE = 0.9


def _unlisted(
    text: str, items: list[_Item], entities: list[Entity], index: _Index, bias: str
) -> list[_Item]:
    """Capitalised words after "in", "near", "around" … or listed with known places that no
    name variant matched: ask the gazetteer's phonetic matching ("Atmeh" → Atma)."""
    spans = _Occupancy(
        len(text), [(e.start, e.end) for e in entities] + [(it.start, it.end) for it in items]
    )
    ends = {it.end for it in items}
    out = []
    for m in _LOCATIVE.finditer(text):
        s, e = m.span("name")
        if not spans.free(s, e):
            continue
        if m.group("list") is not None and m.start() not in ends and m.start() - 1 not in ends:
            continue  # a list only counts after a known place: "Dana, Sarmada and Atmeh"
        name = m.group("name")
        words = re.findall(r"[\w'’]+", name.lower())
        if name.isupper() or any(w in STOPWORDS or w in ctx.TITLES for w in words):
            continue
        found = [
            p
            for p in index.gaz.candidates(name, top=5, fuzzy=False)
            if p.score >= UNLISTED_MIN_SCORE
            and p.kind in ("populated place", "admin area")
            and p.country == bias
        ]
        if len({p.name for p in found}) == 1:  # one name only: several are a guess
            pls = tuple(_Payload("g", p.extra["index"]) for p in found)
            out.append(_Item(s, e, s, pls, nwords=len(words)))
            spans.add(s, e)
    return out


def _merge_adjacent(text: str, items: list[_Item], index: _Index) -> list[_Item]:
    """Two names side by side may be one ("Daraa al-Balad"): keep the whole if the
    gazetteer knows it."""
    out: list[_Item] = []
    for it in items:
        prev = out[-1] if out else None
        if prev is not None and re.fullmatch(r"[ \t]+", text[prev.end : it.start]):
            longer = [
                p
                for p in index.gaz.candidates(text[prev.start : it.end], top=3, fuzzy=False)
                if p.score >= 0.85
            ]
            if longer:
                pls = tuple(_Payload("g", p.extra["index"]) for p in longer)
                out[-1] = _Item(prev.start, it.end, prev.name_start, pls,
                                nwords=prev.nwords + it.nwords)  # fmt: skip
                continue
        out.append(it)
    return out


_SPEECH = re.compile(
    r"^\s+(?:said|says|told|added|stated|noted|explained|wrote|tweeted|argued|warned)\b"
)


def _person_like(text: str, items: list[_Item], index: _Index) -> tuple[list[_Item], list[Entity]]:
    """Village names that are a person's here: two side by side that the gazetteer does not
    know together ("Khaled Mustafa"), or one that speaks ("Mustafa said"). A country or a
    big city that "said" is its government and stays a place."""
    drop: set[int] = set()
    for i in range(len(items) - 1):
        a, b = items[i], items[i + 1]
        if (
            a.nwords == 1
            and b.nwords == 1
            and re.fullmatch(r" ", text[a.end : b.start])
            and not _prominent(index, a)
            and not _prominent(index, b)
        ):
            drop.update((i, i + 1))
    for i, it in enumerate(items):
        if _SPEECH.match(text[it.end : it.end + 20]) and not _prominent(index, it):
            drop.add(i)
    persons: list[Entity] = []
    for i in sorted(drop):
        a0, b0 = items[i].start, items[i].end
        if persons and re.fullmatch(r" ", text[persons[-1].end : a0]):
            a0 = persons.pop().start  # "Khaled Mustafa" is one name
        persons.append(Entity(text[a0:b0], a0, b0, "person", "name"))
    return [it for i, it in enumerate(items) if i not in drop], persons


def _prominent(index: _Index, it: _Item) -> bool:
    """A country or a big city keeps its name next to a stray capital ("Turkey Agree")."""
    return any(
        p.kind == "country" or p.population >= FOREIGN_MIN_POPULATION
        for p, _ in _candidates(index, it.payloads)
    )


class _TitleLines:
    """Whether the line around a position capitalises most of its words (a headline, all
    caps). Each line is looked at once, however many names it holds (linear time)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._breaks = [m.start() for m in re.finditer("\n", text)]
        self._seen: dict[int, bool] = {}

    def __call__(self, pos: int) -> bool:
        i = bisect.bisect_left(self._breaks, pos)
        got = self._seen.get(i)
        if got is None:
            a = self._breaks[i - 1] + 1 if i else 0
            b = self._breaks[i] if i < len(self._breaks) else len(self.text)
            got = self._seen[i] = _line_is_title(self.text[a:b])
        return got


def _line_is_title(line: str) -> bool:
    """Whether a line capitalises most of its longer words ("Russia And Turkey Agree …")."""
    words = re.findall(r"[A-Za-z][\w'’]+", line)
    long = [w for w in words if len(w) > 3]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.75 * len(long)


def _loose(word: str) -> bool:
    w = word.lower().strip("'’")
    if w.endswith(("ing", "ed", "ly")) and len(w) > 5:
        return False  # verbs and adverbs that open a sentence or a headline word
    return w not in STOPWORDS and w not in NAME_NEIGHBOURS and w not in ctx.TITLES


def _sentence_start(before: str) -> bool:
    b = before.rstrip(" \t")
    return not b or b[-1] in '.!?\n"“(:;—–'


def _mark_regions(text: str, items: list[_Item]) -> None:
    """Region and zone cues, and lists that end in a plural ("Hama and Aleppo provinces")."""
    for it in items:
        it.cue = ctx.region_cue(text, it.name_start, it.end)
    for i, it in enumerate(items):
        if not ctx.plural_region_follows(text, it.end):
            continue
        j = i
        while j > 0 and ctx.coordinated(text, items[j - 1].end, items[j].start):
            prev = items[j - 1]
            if prev.cue is None:
                prev.cue = ctx.RegionCue("region", prev.start, prev.end, None, None, 1)
            j -= 1


def _rank_domestic(p: Place, importance: float, centroid: tuple[float, float] | None) -> float:
    r = importance
    if centroid is not None and p.kind != "country":
        r -= _km(p.lat, p.lon, *centroid) / PROXIMITY_KM
    return r


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def _candidates(index: _Index, payloads: Iterable[_Payload]) -> list[tuple[Place, float]]:
    out = []
    for p in payloads:
        if p.kind == "g":
            out.append((index.place(p), float(index.importance[p.ref])))
        elif p.kind == "r":
            out.append((index.place(p), 4.5))
    return out


def _choose(
    cands: list[tuple[Place, float]],
    cue: ctx.RegionCue | None,
    bias: str,
    centroid: tuple[float, float] | None,
    key: str = "",
    named_countries: frozenset[str] = frozenset(),
) -> tuple[Place, str, list[Place], float]:
    """Pick the place a mention means; return (place, mention kind, alternatives, confidence)."""
    scored: list[tuple[float, Place]] = []
    kind = "place"
    if cue is not None and cue.kind == "region" and any(p.kind == "country" for p, _ in cands):
        cue = None  # "northern Syria": a country with a direction
    if cue is not None:
        kind = cue.kind
        for p, imp in cands:
            r = _rank_domestic(p, imp, None) + (0 if p.country == bias or not bias else -3)
            if p.kind == "admin area":
                r += 10
                if cue.level and p.level is not None:
                    r -= abs(p.level - cue.level)
            scored.append((r, p))
    elif any(p.kind == "country" for p, _ in cands):
        kind = "country"
        scored = [(imp + (10 if p.kind == "country" else 0), p) for p, imp in cands]
    else:
        domestic = [(p, i) for p, i in cands if p.country == bias]
        foreign = [(p, i) for p, i in cands if p.country != bias]
        best_d = max((p.population for p, _ in domestic), default=-1)
        best_f = max(
            (p.population for p, _ in foreign if _abroad_plausible(p, key, named_countries)),
            default=-1,
        )
        go_abroad = not domestic or (
            best_f >= FOREIGN_MIN_POPULATION and best_f >= FOREIGN_FACTOR * max(best_d, 1)
        )
        for p, imp in cands:
            home = (p.country == bias) != go_abroad
            r = _rank_domestic(p, imp, centroid if home else None) + (20 if home else 0)
            if go_abroad and p.country != bias and _abroad_plausible(p, key, named_countries):
                r += 5  # Kita (Japan) by its own name, not Quito by an alternate
            r += 1.0 if p.kind == "populated place" else 0.0  # a bare name: the town
            scored.append((r, p))
    scored.sort(key=lambda x: -x[0])
    best_r, best = scored[0]
    if best.kind == "country":
        kind = "country"  # "northern Syria" is still Syria
    elif kind == "place" and best.kind == "admin area":
        kind = "region"
    seen = {(best.source, best.source_id)}
    alts = []
    for _r, p in scored[1:]:
        if (p.source, p.source_id) not in seen and p.kind != "road":
            seen.add((p.source, p.source_id))
            alts.append(p)
    margin = best_r - scored[1][0] if len(scored) > 1 else 10.0
    confidence = 1.0 / (1.0 + math.exp(-2.0 * margin)) if alts else 1.0
    return best, kind, alts[:5], round(confidence, 3)


#: Countries next to the default bias (Syria): their towns are named by the press at ~15,000.
NEIGHBOURS = frozenset({"TR", "LB", "JO", "IQ", "IL", "PS", "CY"})


def _abroad_plausible(p: Place, key: str, named_countries: frozenset[str]) -> bool:
    """Whether a foreign namesake may win: named by its own name (not one of the many
    GeoNames alternates, "Dar" for Dar es Salaam), or its country is named in the text."""
    if p.country in named_countries:
        return True
    own = _key(fold(p.name)) == key
    if p.country in NEIGHBOURS:
        return own
    return own or (p.population >= 10 * FOREIGN_MIN_POPULATION and len(key) >= 5)


def _centroid(
    text: str, items: list[_Item], index: _Index, bias: str
) -> tuple[float, float] | None:
    """Mean position of the unambiguous home-country towns of the text."""
    pts = []
    for it in items:
        towns = [p for p, _ in _candidates(index, it.payloads) if p.kind == "populated place"]
        if len(towns) == 1 and towns[0].country == bias:
            pts.append((towns[0].lat, towns[0].lon))
    if not pts:
        return None
    return (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))


def _road_tail(text: str, end: int, matched: str) -> int:
    """Extend a road's span over a road word that follows it ("M4" → "M4 highway")."""
    if re.search(r"(highway|motorway|expressway|road|route)s?$", matched, re.IGNORECASE):
        return end
    m = _ROAD_AFTER.match(text[end : end + 30])
    return end + m.end() if m else end


def _build(
    text: str, items: list[_Item], index: _Index, bias: str
) -> tuple[list[PlaceMention], list[RoadMention]]:
    centroid = _centroid(text, items, index, bias)
    named = frozenset(
        p.country for it in items for p, _ in _candidates(index, it.payloads) if p.kind == "country"
    )
    places: list[PlaceMention] = []
    roads: list[RoadMention] = []
    for it in items:
        cands = _candidates(index, it.payloads)
        if not cands:
            continue
        road = next((p for p, _ in cands if p.kind == "road"), None)
        if road is not None:
            end = _road_tail(text, it.end, text[it.start : it.end])
            roads.append(RoadMention(text[it.start : end], it.start, end, road))
            continue
        key = _key(fold(text[it.name_start : it.end]))
        place, kind, alts, conf = _choose(cands, it.cue, bias, centroid, key, named)
        s, e = (it.cue.start, it.cue.end) if it.cue is not None else (it.start, it.end)
        s = min(s, it.start)
        place = place.with_score(conf, text[it.name_start : it.end])
        direction = it.cue.direction if it.cue is not None else None
        places.append(
            PlaceMention(text[s:e], s, e, place, kind, it.name_start, it.end, direction,
                         tuple(alts))
        )  # fmt: skip
    return _pair_roads(text, places, roads)


def _pair_roads(
    text: str, places: list[PlaceMention], roads: list[RoadMention]
) -> tuple[list[PlaceMention], list[RoadMention]]:
    """ "X–Y highway" and "M4 (X–Y)": two towns joined by a dash name a road."""
    used: set[int] = set()
    road_ends = [r.end for r in roads]  # roads come in text order
    for i in range(len(places) - 1):
        a, b = places[i], places[i + 1]
        if i in used or a.kind != "place" or b.kind != "place":
            continue
        if not _DASH_PAIR.match(text[a.end : b.start]):
            continue
        tail = _ROAD_AFTER.match(text[b.end : b.end + 30])
        before = text[max(0, a.start - 40) : a.start]
        after = text[b.end : b.end + 3]
        road = None
        end = b.end
        if tail:
            end = b.end + tail.end()
        elif before.rstrip().endswith("(") and after.lstrip().startswith(")"):
            j = bisect.bisect_right(road_ends, a.start) - 1
            if j < 0 or a.start - road_ends[j] > 6:
                continue
            road = roads[j].road
        else:
            continue
        roads.append(RoadMention(text[a.start : end], a.start, end, road, (a.place, b.place)))
        used.update((i, i + 1))
    roads.sort(key=lambda r: r.start)
    return [p for i, p in enumerate(places) if i not in used], roads


# ============================================================================ public API


def _as_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise InputError(
        f"reference_date {value!r} is not a date; give a datetime.date or 'YYYY-MM-DD'"
    )


def extract(
    text: str,
    *,
    country_bias: str = "SY",
    reference_date: dt.date | str | None = None,
    gazetteer: Gazetteer | None = None,
) -> Extraction:
    """Find the places, roads and dates a text mentions, resolved with the gazetteer.

    Parameters
    ----------
    text : str
        An article, a communiqué, an agreement text (English; Arabic names are
        matched too).
    country_bias : str
        ISO code of the country whose places win ambiguous names ("SY").
        A big city abroad still beats a small namesake at home.
    reference_date : datetime.date or str, optional
        The date the text was written. By default the article's own dateline
        ("ANKARA, March 5 (Reuters) -", "Moscow, 5 March 2020 —", a
        "Published: …" line); relative dates stay unresolved without either.
    gazetteer : Gazetteer, optional
        Default: :meth:`geozones.Gazetteer.default`.

    Returns
    -------
    Extraction
        ``.places``, ``.roads``, ``.dates``, ``.entities`` (names that are
        not places) and ``.to_dict()``.

    Raises
    ------
    InputError
        When ``text`` is not a string, is longer than
        ``geozones.settings.extract_max_chars`` characters, or ``reference_date``
        is not a date.

    Examples
    --------
    >>> import geozones
    >>> ex = geozones.extract(
    ...     "ANKARA, March 5 (Reuters) - Foreign Minister Mevlut Cavusoglu said a "
    ...     "ceasefire would start in Idlib province at 00:01 on Friday.",
    ...     reference_date="2020-03-05")
    >>> [(m.text, m.kind, m.place.country) for m in ex.places]
    [('ANKARA', 'place', 'TR'), ('Idlib province', 'region', 'SY')]
    >>> [d.iso for d in ex.dates]
    ['2020-03-05', '2020-03-06T00:01']
    """
    if not isinstance(text, str):
        raise InputError(f"extract() needs the text as a str, not {type(text).__name__}")
    _check_size(text)
    bias = (country_bias or "").upper()
    ref = _as_date(reference_date)
    index = _index_for(gazetteer)
    dates, used_ref = extract_dates(text, ref)
    rule_ents = ctx.rule_entities(text)
    rule_ents += ctx.surname_entities(text, rule_ents) + ctx.acronym_entities(text, rule_ents)
    blocked = [(d.start, d.end) for d in dates]
    title = _TitleLines(text)
    items, entities = _select(text, _scan(text, index), rule_ents, blocked, title)
    entities += _list_surnames(text, entities, items)
    ents = _Occupancy(len(text), [(e.start, e.end) for e in entities])
    items = [it for it in items if ents.free(it.start, it.start + 1)]
    items = _longer_names(text, items, entities + _date_entities(dates), index, bias, title)
    items, persons = _person_like(text, items, index)
    entities += persons
    _mark_regions(text, items)
    places, roads = _build(text, items, index, bias)
    return Extraction(text, places, roads, dates, sorted(entities, key=lambda e: e.start),
                      used_ref, bias)  # fmt: skip


def _check_size(text: str) -> None:
    limit = settings.extract_max_chars
    if len(text) > limit:
        raise InputError(
            f"the text has {len(text):,} characters, more than extract() reads "
            f"(geozones.settings.extract_max_chars = {limit:,}); split it into articles, "
            "or raise the setting (environment: GEOZONES_EXTRACT_MAX_CHARS)"
        )


def _date_entities(dates: list[DateMention]) -> list[Entity]:
    return [Entity(d.text, d.start, d.end, "date", "date") for d in dates]


def _list_surnames(text: str, entities: list[Entity], items: list[_Item]) -> list[Entity]:
    """A person's surname seen once as a person is a person everywhere in the text."""
    persons = [e for e in entities if e.kind == "person" and " " in e.text]
    names = {e.text.split()[-1] for e in persons}
    out = []
    for it in items:
        if text[it.name_start : it.end] in names:
            out.append(Entity(text[it.name_start : it.end], it.name_start, it.end, "person",
                              "surname"))  # fmt: skip
    return out


# ============================================================================ draft spec

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[A-Z\"“(\[])|\n\s*\n")
_SIGNING = re.compile(
    r"\b(?:sign(?:ed|s|ing)?|agree(?:d|s|ment)?|reach(?:ed)?|brokered|concluded|struck|"
    r"memorandum|protocol|deal)\b",
    re.IGNORECASE,
)
_IN_FORCE = re.compile(
    r"\b(?:ceasefire|cease-fire|truce|take[sn]? effect|took effect|in force|come into force|"
    r"halt|stop)\b",
    re.IGNORECASE,
)
_WIDTH = re.compile(
    r"\b(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?\s*(?:km|kilomet(?:re|er)s?)\b",
    re.IGNORECASE,
)
_PLACE_NOUN = r"(?:the\s+)?(?:(?:settlements?|towns?|villages?|city|cities|areas?)\s+of\s+)?"
_FROM = re.compile(rf"\b(?:from|between)\s+{_PLACE_NOUN}$", re.IGNORECASE)
_TO = re.compile(rf"\b(?:to|until|as far as|and)\s+{_PLACE_NOUN}$", re.IGNORECASE)
_POST_WORD = re.compile(r"\bobservation\s+posts?\b|\bposts?\b", re.IGNORECASE)
_CORRIDOR = re.compile(r"\bcorridor\b", re.IGNORECASE)
_PATROL = re.compile(r"\bpatrol", re.IGNORECASE)


class _Spans(list):
    """The sentences of a text as ``(start, end)`` pairs, found by position in log time;
    what a sentence says (a regex search) is asked once per sentence and remembered."""

    def __init__(self, text: str, ex: Extraction | None = None) -> None:
        out, start = [], 0
        for m in _SENTENCE_END.finditer(text):
            out.append((start, m.start()))
            start = m.end()
        out.append((start, len(text)))
        super().__init__(out)
        self.text = text
        self._starts = [a for a, _ in out]
        self._said: dict[tuple[int, int, int], bool] = {}
        self._dates: dict[tuple[int, int], list[DateMention]] = {}
        if ex is not None:
            for d in ex.dates:
                if d.resolved and not d.dateline:
                    self._dates.setdefault(_sentence_of(self, d.start), []).append(d)

    def says(self, rx: re.Pattern[str], span: tuple[int, int]) -> bool:
        key = (id(rx), *span)
        got = self._said.get(key)
        if got is None:
            got = self._said[key] = rx.search(self.text, span[0], span[1]) is not None
        return got


def _sentence_of(spans: _Spans, pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(spans._starts, pos) - 1
    while i >= 0:
        a, b = spans[i]
        if a <= pos < b or pos == b:
            return a, b
        if b < pos:
            break
        i -= 1
    return (0, 0)


def _slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return s or "feature"


def _unique(ident: str, seen: dict[str, int]) -> str:
    """``ident``, or ``ident-2``, ``ident-3`` … when taken (``seen`` maps each id given to
    the next number to try, so a thousand namesakes cost a thousand steps, not a million)."""
    if ident not in seen:
        seen[ident] = 2
        return ident
    n = seen[ident]
    while f"{ident}-{n}" in seen:
        n += 1
    seen[ident] = n + 1
    seen[f"{ident}-{n}"] = 2
    return f"{ident}-{n}"


def _quote(text: str, span: tuple[int, int], n: int) -> str:
    """At most ``n`` characters of a sentence, blanks squeezed (reads a bounded slice)."""
    return " ".join(text[span[0] : min(span[1], span[0] + 4 * n)].split())[:n]


def _date_value(d: DateMention | None) -> str:
    if d is None or d.start_date is None:
        return "TODO: YYYY-MM-DD"
    if d.period == "month":
        return f"{d.start_date:%Y-%m}"
    if d.period in ("year", "season", "week"):
        return f"TODO: YYYY-MM-DD (the text says {' '.join(d.text.split())!r})"
    return d.start_date.isoformat()


def _dates_in(spans: _Spans, span: tuple[int, int]) -> list[DateMention]:
    return spans._dates.get(span, [])


def _place_ref(m: PlaceMention) -> dict[str, Any]:
    """A geometry expression for a place mention."""
    p = m.place
    if p.source == "geoparse-regions":
        return {"buffer": {"of": {"point": {"lat": round(p.lat, 4), "lon": round(p.lon, 4)}},
                           "distance": "TODO: radius, e.g. 10 km"}}  # fmt: skip
    if p.kind == "admin area":
        return {"admin": p.source_id or p.name}
    if m.alternatives:
        return {"point": {"lat": round(p.lat, 5), "lon": round(p.lon, 5)}}
    return {"place": p.name}


def _road_features(ex: Extraction, spans: _Spans, start: str, seen: dict[str, int]):
    feats = []
    done: set[tuple[str, str]] = set()
    for r in ex.roads:
        if r.road is None:
            continue
        sent = _sentence_of(spans, r.start)
        kinds = []
        if spans.says(_CORRIDOR, sent):
            kinds.append("security-corridor")
        if spans.says(_PATROL, sent):
            kinds.append("patrol-route")
        for kind in kinds or ["TODO: kind (security-corridor, patrol-route …)"]:
            if (r.road.source_id, kind) in done:
                continue
            done.add((r.road.source_id, kind))
            label = "" if "TODO" in kind else kind
            frm, to = _from_to(ex, sent, r.end)
            dates = _dates_in(spans, sent)
            ends = {"road": r.road.source_id, "from": frm, "to": to}
            if kind == "security-corridor":
                w = _WIDTH.search(ex.text, *sent)
                ends["width"] = f"{w.group(1)} km" if w else "TODO: width each side, e.g. 6 km"
                geom: dict[str, Any] = {"corridor": ends}
            else:
                geom = {"along": ends} if "TODO" not in kind else {"road": r.road.source_id}
            feats.append({
                "id": _unique(_slug(f"{r.road.source_id} {label}"), seen),
                "name": f"{r.road.source_id} {label.replace('-', ' ')}".strip(),
                "kind": kind,
                "start": _date_value(dates[0]) if dates else start,
                "end": None,
                "confidence": "approximate",
                "notes": f"TODO: check against the text: {_quote(ex.text, sent, 300)}",
                "geometry": geom,
            })  # fmt: skip
    return feats


def _from_to(ex: Extraction, sent: tuple[int, int], after: int) -> tuple[str, str]:
    """The places after "from" and "to" in a sentence ("from Trumba … to Ain al-Havr")."""
    frm = to = None
    for m in ex.places:
        if not (sent[0] <= m.start < sent[1]) or m.kind != "place":
            continue
        before = ex.text[max(sent[0], m.start - 40) : m.start]
        if frm is None and _FROM.search(before):
            frm = m
        elif frm is not None and to is None and _TO.search(before):
            to = m
    name = lambda m: m.place.name if m is not None else "TODO: place on the road"  # noqa: E731
    return name(frm), name(to)


def _area_features(ex: Extraction, spans: _Spans, start: str, seen: dict[str, int]):
    feats = []
    done: set[tuple[str, str]] = set()
    for m in ex.places:
        if m.kind not in ("zone", "region"):
            continue
        key = (m.place.source, m.place.source_id)
        if key in done:
            continue
        done.add(key)
        sent = _sentence_of(spans, m.start)
        dates = _dates_in(spans, sent)
        kind = "zone" if m.kind == "zone" else "TODO: kind (zone, operation-area, control-area …)"
        feats.append({
            "id": _unique(_slug(m.text), seen),
            "name": m.text,
            "kind": kind,
            "start": _date_value(dates[0]) if dates else start,
            "end": None,
            "confidence": "schematic",
            "notes": f"TODO: is this the whole {m.place.name} area? The text says: "
                     f"{_quote(ex.text, sent, 300)}",
            "geometry": _place_ref(m),
        })  # fmt: skip
    return feats


_STRIP = re.compile(
    r"\b(?P<what>demilitari[sz]ed (?:zone|strip|area)|buffer zone|safe zone|security zone)\b",
    re.IGNORECASE,
)


def _strip_features(ex: Extraction, spans: _Spans, start: str, seen: dict[str, int]):
    """A demilitarised or buffer zone the text describes by its depth ("15 to 20 km deep
    along the contact line"): a band whose edges a person must give."""
    feats = []
    for m in _STRIP.finditer(ex.text):
        sent = _sentence_of(spans, m.start())
        w = _WIDTH.search(ex.text, m.end(), sent[1]) or _WIDTH.search(ex.text, *sent)
        width = "TODO: depth, e.g. 15-20 km"
        if w:
            width = f"{w.group(1)}-{w.group(2)} km" if w.group(2) else f"{w.group(1)} km"
        dates = _dates_in(spans, sent)
        kind = "demilitarized-zone" if "demilitar" in m.group("what").lower() else "zone"
        feats.append({
            "id": _unique(_slug(m.group("what")), seen),
            "name": m.group("what"),
            "kind": kind,
            "start": _date_value(dates[0]) if dates else start,
            "end": None,
            "confidence": "schematic",
            "notes": f"TODO: draw it from the text: {_quote(ex.text, sent, 300)}",
            "geometry": {"band": {
                "inside": "TODO: the area it lies in, e.g. {ref: idlib-zone}",
                "along": "TODO: the line it follows, e.g. the contact line",
                "width": width,
            }},
        })  # fmt: skip
    return feats


def _post_features(ex: Extraction, spans: _Spans, start: str, seen: dict[str, int]):
    feats = []
    for m in ex.places:
        if m.kind != "place" or m.place.country != ex.country_bias:
            continue
        sent = _sentence_of(spans, m.start)
        if not spans.says(_POST_WORD, sent):
            continue
        dates = _dates_in(spans, sent)
        feats.append({
            "id": _unique(_slug(f"post {m.place.name}"), seen),
            "name": f"Observation post at {m.place.name}",
            "kind": "observation-post",
            "start": _date_value(dates[0]) if dates else start,
            "end": None,
            "confidence": "approximate",
            "notes": "TODO: check that the text places a post here",
            "geometry": _place_ref(m),
        })  # fmt: skip
    return feats


def _signed(ex: Extraction, spans: _Spans) -> tuple[str, DateMention | None]:
    for d in ex.dates:
        sent = _sentence_of(spans, d.start)
        if d.resolved and spans.says(_SIGNING, sent) and d.period != "year":
            return _date_value(d), d
    dl = next((d for d in ex.dates if d.dateline and d.resolved), None)
    if dl is not None:
        return _date_value(dl), dl
    return "TODO: YYYY-MM-DD", None


def _in_force(ex: Extraction, spans: _Spans, signed: str) -> str:
    for d in ex.dates:
        if (
            d.resolved
            and not d.dateline
            and d.period in ("day", "range")
            and spans.says(_IN_FORCE, _sentence_of(spans, d.start))
        ):
            return _date_value(d)
    return signed


def draft_spec(extraction: Extraction, *, name: str | None = None, url: str | None = None) -> str:
    """A YAML spec skeleton from an extraction, with ``TODO`` where a person must decide.

    The draft follows the spec format of :mod:`geozones.spec` (``timeline``,
    ``agreements`` with ``features``): parties are the countries named where the
    text speaks of signing or agreeing, ``signed`` the date in that sentence
    (else the dateline), roads become a ``security-corridor`` and/or
    ``patrol-route`` when their sentence says so (width and ``from``/``to``
    places filled in when stated), zones and regions become area features
    (``admin: <P-code>``), places near the word "post" become observation
    posts. Everything else it found is listed in comments at the top. Values
    it cannot know are the string ``"TODO: …"``, which ``geozones validate``
    rejects until a person replaces them.

    Parameters
    ----------
    extraction : Extraction
        What :func:`extract` returned.
    name : str, optional
        Agreement name; default a TODO.
    url : str, optional
        The text's address, for the source; default a TODO.

    Returns
    -------
    str
        YAML text (always valid YAML).

    Examples
    --------
    >>> import yaml, geozones
    >>> ex = geozones.extract("Moscow, 5 March 2020 — Russia and Turkey agreed a ceasefire "
    ...                       "in the Idlib de-escalation zone from 6 March.")
    >>> spec = yaml.safe_load(geozones.draft_spec(ex))
    >>> spec["agreements"][0]["parties"], spec["agreements"][0]["signed"]
    (['Russia', 'Turkey'], '2020-03-05')
    """
    import yaml

    if not isinstance(extraction, Extraction):
        raise InputError("draft_spec() takes the Extraction that geozones.extract() returns")
    ex = extraction
    spans = _Spans(ex.text, ex)
    signed, signed_d = _signed(ex, spans)
    start = _in_force(ex, spans, signed)
    parties = _parties(ex, spans)
    seen: dict[str, int] = {}
    features = (
        _area_features(ex, spans, start, seen)
        + _strip_features(ex, spans, start, seen)
        + _road_features(ex, spans, start, seen)
        + _post_features(ex, spans, start, seen)
    )
    quote_span = _sentence_of(spans, signed_d.start) if signed_d is not None else spans[0]
    agreement = {
        "id": _slug(name) if name else "TODO-agreement-id",
        "name": name or "TODO: agreement name",
        "parties": parties or ["TODO: parties"],
        "signed": signed,
        "sources": [
            {
                "url": url or "TODO: URL of the text",
                "quote": _quote(ex.text, quote_span, 400),
            }
        ],  # fmt: skip
        "features": features,
    }
    doc = {
        "timeline": {"id": "TODO-timeline-id", "name": "TODO: timeline name"},
        "agreements": [agreement],
    }
    body = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
    return _header(ex) + body


def _parties(ex: Extraction, spans: _Spans) -> list[str]:
    """Countries named where the text speaks of agreeing, or whose leaders agree there
    ("Russian President Vladimir Putin and Turkish President …")."""
    found: list[tuple[int, str]] = []
    for m in ex.places:
        if m.kind != "country" or m.place.country == ex.country_bias:
            continue
        sent = _sentence_of(spans, m.start)
        if spans.says(_SIGNING, sent):
            found.append((m.start, m.place.name))
    demonyms = ctx.known_entities().get("demonym", {})
    for e in ex.entities:
        country = demonyms.get(e.text) if isinstance(demonyms, dict) else None
        if e.kind != "adjective" or not country:
            continue
        sent = _sentence_of(spans, e.start)
        after = ex.text[e.end : e.end + 40]
        if spans.says(_SIGNING, sent) and re.match(
            r"\s+(?:[A-Z]\w+\s+)?(?:President|Prime Minister|Foreign Minister|Minister|leader)",
            after,
        ):
            found.append((e.start, country))
    out: list[str] = []
    for _, name in sorted(found):
        if name not in out and name != _country_name(ex.country_bias, ex):
            out.append(name)
    return out


def _country_name(code: str, ex: Extraction) -> str:
    return next((m.place.name for m in ex.places if m.kind == "country" and
                 m.place.country == code), code)  # fmt: skip


def _header(ex: Extraction) -> str:
    def clean(s: str) -> str:
        return " ".join(s.split())

    lines = [
        "# Draft spec written by `geozones extract --spec` from a text. A person must finish it:",
        "# replace every TODO, check every place and date against the text, then run",
        "# `geozones validate` on this file.",
        f"# Reference date: {ex.reference_date.isoformat() if ex.reference_date else 'none'}",
        "#",
        "# Places found (name in the text -> gazetteer entry):",
    ]
    for m in ex.places:
        p = m.place
        alt = f"; also {len(m.alternatives)} other(s) of that name" if m.alternatives else ""
        lines.append(
            f"#   {clean(m.text)!r} -> {p.name} ({m.kind}, {p.country}, {p.source}:{p.source_id}, "
            f"{p.lat:.4f}, {p.lon:.4f}){alt}"
        )
    for r in ex.roads:
        lines.append(f"#   road {clean(r.text)!r} -> {r.ref or 'TODO: unknown road'}")
    lines.append("# Dates found:")
    for d in ex.dates:
        lines.append(f"#   {clean(d.text)!r} -> {d.iso or 'unresolved'}")
    return "\n".join(lines) + "\n"


def write_draft_spec(extraction: Extraction, path: str, **kwargs: Any) -> str:
    """Write :func:`draft_spec` to ``path`` atomically; return the text.

    Examples
    --------
    >>> write_draft_spec(geozones.extract("Saraqib"), "draft.yaml")  # doctest: +SKIP
    """
    text = draft_spec(extraction, **kwargs)
    with atomic_open(path, "w") as fh:
        fh.write(text)
    return text
