"""Which matches of the scan are names of places: the context decides (capitals, longer
names, persons, lists, region cues)."""

from __future__ import annotations

import bisect
import re

from ..._text import fold
from ..dates._dateline_dash import dateline_by_dash
from . import _context as ctx
from ._context import Entity
from ._index import (
    ARABIC_HEADS,
    FOREIGN_MIN_POPULATION,
    _candidates,
    _Index,
    _key,
    _Match,
    _Payload,
    glued_article,
)
from ._items import ARABIC_STOPWORDS, STOPWORDS, _Item, _Occupancy
from ._person_after import person_follows
from ._speech import speaks
from ._turkish import kind_of
from ._unlisted import _unlisted
from ._words import english_common_word


def _acronym(text: str, start: int, end: int, title: _TitleLines) -> bool:
    """A short word in capitals inside running text is an acronym ("GNA", "(SDF)"), not a
    place; a dateline ("HAMA, Syria") or a line in capitals is another matter."""
    word = text[start:end]
    if not (word.isupper() and len(word) <= 5 and word.isalpha()):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip():
        return False  # first word of its line: a dateline
    if len(word) >= 4 and dateline_by_dash(text, end):
        return False  # "… 20. Aug 2016 – ERBIL — The Syrian army …": a dateline
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
    countries: frozenset[int] = frozenset(),
    metropolises: frozenset[int] = frozenset(),
) -> tuple[list[_Item], list[Entity]]:
    """Longest match wins; non-place names take their span from places. ``countries``
    holds the gazetteer entries of countries (a country that backs is still named), and
    ``metropolises`` the cities of a million people or more (one that backs or leads is
    named for its government: "Ankara-backed", "Moscow-led")."""
    cands: list[tuple[int, int, int, _Item]] = []
    settled = _settled_common_names(text, matches)
    for m in matches:
        name = text[m.name_start : m.end]
        pls = tuple(p for p in m.payloads if not (p.caps and not name.isupper()))
        if not pls:
            continue
        ents = [p for p in pls if p.kind == "e"]
        ent = next((p for p in ents if not p.glued or glued_article(name)), None)
        if ents and ent is None:  # "Sad" is not "Assad"
            pls = tuple(p for p in pls if p.kind != "e")
            if not pls:
                continue
        if ent is not None and _TOWN_NOUN_BEFORE.search(text[max(0, m.start - 16) : m.start]):
            ent, pls = None, tuple(p for p in pls if p.kind != "e")  # "مدينة الميادين"
            if not pls:
                continue
        if ent is not None:
            e = Entity(text[m.start : m.end], m.start, m.end, ent.ref, "list")
            cands.append((m.end - m.start, 0, m.start, _Item(m.start, m.end, m.name_start, (), e)))
            continue
        if not _is_name_case(name):
            continue
        abbreviation = all(p.caps for p in pls)  # "US" in capitals is no stop word "us"
        if not abbreviation and _common_words(text, m, name, settled):
            continue
        if ctx.arabic_adjective(text[m.start : m.end]):
            e = Entity(text[m.start : m.end], m.start, m.end, "adjective", "arabic-adjective")
            cands.append((m.end - m.start, 0, m.start, _Item(m.start, m.end, m.name_start, (), e)))
            continue
        country = any(p.ref in countries for p in pls)  # "USA", "UAE": a country, no acronym
        if not abbreviation and not country and _acronym(text, m.name_start, m.end, title):
            continue
        backed = _BACKED.match(text, m.end)
        if backed and _SPONSOR.search(backed.group(0)):
            countries = countries | frozenset(p.ref for p in pls if p.ref in metropolises)
        if backed and _who_not_where(text, backed, pls, countries):
            continue  # "Aleppo-based fighters", "Idlib-backed units"
        if m.loose and _loose_english_word(text, m.name_start, m.end):
            continue  # "Small columns of the army": no Smal
        it = _Item(m.start, m.end, m.name_start, pls, nwords=m.nwords, loose=m.loose)
        # a Latin loose key fills what is left, but one that opens on a title word keeps its
        # length against the person the title would make ("Sheikh Miskeen": Sheikh Miskine,
        # as the exact spelling wins over "Miskine" by its length)
        last = m.loose and name.isascii() and not _titled_name(name)
        cands.append((m.end - m.start, 2 if last else 1, m.start, it))
    for e in rule_ents:
        cands.append((e.end - e.start, 0, e.start, _Item(e.start, e.end, e.start, (), e)))
    cands.sort(key=lambda c: (c[1] == 2, -c[0], c[1], c[2]))  # loose keys: what is left
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


#: A noun of settlement or area after a name: "Small village" would be a village's name.
_SETTLEMENT_AFTER = re.compile(r"[ \t]+(?:village|town|city|hamlet|area|district|camp)\b", re.I)


def _loose_english_word(text: str, start: int, end: int) -> bool:
    """Whether a name found by the loose key only is one common English word, capitalised
    ("Small" opening a sentence, tied to the village Smal by its loose key alone), with no
    noun of settlement after it: a word, not the village. An exact name is read as before.

    Examples
    --------
    >>> _loose_english_word("Small columns passed.", 0, 5)
    True
    >>> _loose_english_word("Small village was shelled.", 0, 5)
    False
    """
    word = text[start:end]
    return (
        word.isascii()
        and word.isalpha()
        and english_common_word(word)
        and not _SETTLEMENT_AFTER.match(text, end)
    )


def _titled_name(name: str) -> bool:
    """Whether a name of two words or more opens on a title word ("Sheikh", "Emir"): a
    place named after a holy man or a chief, which the title rule would read as a person.

    Examples
    --------
    >>> _titled_name("Sheikh Miskeen"), _titled_name("Sheikh"), _titled_name("Tell Abyad")
    (True, False, False)
    """
    first, _, rest = name.partition(" ")
    return bool(rest) and first.lower() in _PLACE_TITLES


#: Title words that open the names of places (a shrine's saint, a tribe's chief).
_PLACE_TITLES = frozenset({"sheikh", "sheik", "shaykh", "emir", "amir", "imam"})


#: A noun of settlement right before a name: the name is the town's, not an outlet's or a
#: group's that shares it ("مدينة الميادين", the town of al-Mayadin, not the TV channel).
#: An Arabic preposition of motion or place, a road or a countryside before it does too
#: ("من الميادين", "طريق الميادين", "تجاه الميادين", "قوات “الميادين”" after one), but
#: "عن" (reported by) and the dative "ل" do not ("لمدينة الميادين", to the town, does).
_TOWN_NOUN_BEFORE = re.compile(
    r"(?:(?:^|\s)[وبل]?(?:مدينة|بلدة|قرية|ناحية)|\b(?:town|city|village)\s+of"
    r"|(?:^|\s)[وف]?(?:من|إلى|الى|قرب|نحو|باتجاه|تجاه|طريق|ريف|أطراف|محيط))\s+[\"“«]?$",
    re.I,
)
#: A noun of settlement and "of" right before a capitalised name: the name is the
#: village's even when it is also a common word ("the village of Has").
_SETTLEMENT_OF = re.compile(r"\b(?:town|city|village|hamlet)[ \t]+of[ \t]+$")


def _common_words(text: str, m: _Match, name: str, settled: frozenset[str]) -> bool:
    """Whether a match is made of common words only, no place's name: not after "village
    of" ("village of Has"), nor a name a noun of settlement names elsewhere ("بلدة الهامة"
    … "من الهامة"), nor a head and a noun with the article ("رأس العين", "تل النار"; unlike
    "وقف إطلاق النار")."""
    words = _NAME_WORDS.findall(name.replace("İ", "I").lower())
    if not all(w in STOPWORDS or _key(fold(w)) in ARABIC_STOPWORDS for w in words):
        return False
    return not (
        _SETTLEMENT_OF.search(text, max(0, m.start - 24), m.start)
        or _key(fold(name)) in settled
        or len(words) > 1
        and _key(fold(words[0])) in ARABIC_HEADS
        and words[1].startswith("ال")
    )


#: An Arabic noun of settlement right before a name ("بلدة الهامة"), or a dual noun of
#: settlement and its first name before "و" and the second ("بلدتي قدسيا والهامة").
_AR_SETTLEMENT_OF = re.compile(
    r"(?:(?<![\u0621-\u064a])[وبلف]?(?:مدينة|بلدة|قرية)[ \t]+[\"“«]?"
    r"|(?<![\u0621-\u064a])[وبلف]?(?:مدينتي|بلدتي|قريتي)[ \t]+[\u0621-\u064a]{3,}[ \t]+و)$"
)


def _settled_common_names(text: str, matches: list[_Match]) -> frozenset[str]:
    """The Arabic names written like a common word ("الهامة", the important) that a noun of
    settlement right before names as a town somewhere in the text ("بلدة الهامة"): the
    town's name wherever it is written (one sense per text), folded."""
    out = set()
    for m in matches:
        if m.end - m.name_start < 3 or not "\u0621" <= text[m.name_start] <= "\u064a":
            continue
        if settlement_noun_before(text, m.name_start):
            out.add(_key(fold(text[m.name_start : m.end])))
    return frozenset(out)


def settlement_noun_before(text: str, start: int) -> bool:
    """Whether an Arabic noun of settlement names the name at ``start`` as a town: right
    before a definite name ("بلدة الهامة"; "قرية جديدة", a new village, is its adjective),
    or a dual noun before the pair it opens ("بلدتي قدسيا والهامة"), a clinging و, ب, ل or
    ف before the article aside.

    Examples
    --------
    >>> t = "من بلدتي قدسيا والهامة"
    >>> settlement_noun_before(t, t.index("والهامة")), settlement_noun_before(t, 0)
    (True, False)
    >>> settlement_noun_before("قرية جديدة", 5)
    False
    """
    pos = start + (
        text[start : start + 1] in ("و", "ب", "ل", "ف") and text.startswith("ال", start + 1)
    )
    if not text.startswith("ال", pos):
        return False  # "قرية جديدة": an indefinite word after the noun is its adjective
    return _AR_SETTLEMENT_OF.search(text, max(0, pos - 30), pos) is not None


def _who_not_where(
    text: str, backed: re.Match[str], pls: tuple[_Payload, ...], countries: frozenset[int]
) -> bool:
    """Whether "X-backed", "X-based" before a noun says who, not where ("Aleppo-based
    fighters"): a country that backs is named all the same ("Turkey-backed", the set's
    country guideline), and where a monitor or an activist is based is a place ("the
    London-based Observatory", "Daraa-based activist", as the set marks them)."""
    return not _BASED.match(text, backed.end()) and not any(p.ref in countries for p in pls)


#: After "X-based": a name, or a noun of who reports (its base is a place).
_BASED = re.compile(
    r"(?<=based)[ \t]+(?:[A-Z]|(?:\w+[ \t]+)?(?:activists?|journalists?|reporters?|monitors?"
    r"|NGOs?|observatory|newspapers?|outlets?|websites?|agency|think[ \t]tanks?|watchdogs?"
    r"|researchers?|analysts?|charity|charities)\b)"
)
_SPONSOR = re.compile(r"backed|led|sponsored|funded|supported", re.I)  # a government acts
_BACKED = re.compile(
    r"\s?[-‑–]\s?(?:backed|led|allied|aligned|sponsored|brokered|funded|trained|supported"
    r"|based|held|controlled|linked|affiliated)\b",
    re.IGNORECASE,
)

#: Capitalised words next to a place name that do not make it part of a longer name.
NAME_NEIGHBOURS = frozenset(
    """province provinces governorate governorates countryside region district subdistrict
    plain plains mountain mountains valley desert suburbs outskirts pocket enclave area
    city town village airport airbase base dam camp gate bridge castle citadel university
    hospital prison square crossing border highway motorway road route international
    de-escalation demilitarised demilitarized zone front frontline stadt dorf ortschaft städte
    north south east west northern southern eastern western central rural greater upper lower
    northwest northeast southwest southeast north-west north-east south-west south-east
    northwestern northeastern southwestern southeastern distrikt destrikt bezirk provinz
    kanton enklave gebiet grenzstadt kleinstadt hauptstadt""".split()
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
        if right and person_follows(text, e):
            right = None  # "in Hameimim Alexei Zigankov": a person's name after the place
        if right and _loose(right.group(1)) and free(e, e + right.end()) and not kind_of(right):
            e += right.end()
        if (s, e) == (it.start, it.end):
            out.append(it)
            continue
        longer = [p for p in index.lookup(text[s:e], top=3) if p.score >= 0.85]
        if longer:
            pls = tuple(_Payload("g", p.extra["index"]) for p in longer)
            out.append(_Item(s, e, s, pls, nwords=it.nwords + 1))
        elif it.nwords > 1 or _prominent(index, it):
            out.append(it)
    return out


def _merge_adjacent(text: str, items: list[_Item], index: _Index) -> list[_Item]:
    """Two names side by side may be one ("Daraa al-Balad"): keep the whole if the
    gazetteer knows it."""
    out: list[_Item] = []
    for it in items:
        prev = out[-1] if out else None
        if (
            prev is not None
            and re.fullmatch(r"[ \t]+", text[prev.end : it.start])
            and not text.startswith("وال", it.start)  # "والراعي والباب": and al-Bab, a list
        ):
            longer = [p for p in index.lookup(text[prev.start : it.end], top=3) if p.score >= 0.85]
            if longer:
                pls = tuple(_Payload("g", p.extra["index"]) for p in longer)
                out[-1] = _Item(prev.start, it.end, prev.name_start, pls,
                                nwords=prev.nwords + it.nwords)  # fmt: skip
                continue
        out.append(it)
    return out


def _person_like(text: str, items: list[_Item], index: _Index) -> tuple[list[_Item], list[Entity]]:
    """Village names that are a person's here: two side by side that the gazetteer does not
    know together ("Khaled Mustafa"), or one that speaks ("Mustafa said"). A country or a
    big city that "said" is its government and stays a place."""
    drop: set[int] = set()
    given: dict[int, int] = {}  # the start of a given name the gazetteer does not hold
    for i in range(len(items) - 1):
        a, b = items[i], items[i + 1]
        if (
            a.nwords == 1
            and b.nwords == 1
            and re.fullmatch(r" ", text[a.end : b.start])
            and text[a.start : a.start + 1].isascii()  # capitals say names in Latin script
            and text[b.start : b.start + 1].isascii()  # only ("بليصة والمشرفة" are two)
            and not _prominent(index, a)
            and not _prominent(index, b)
        ):
            drop.update((i, i + 1))
    for i, it in enumerate(items):
        if not speaks(text, it.start, it.end):
            continue
        prev = items[i - 1] if i else None
        if not _prominent(index, it):
            drop.add(i)
        elif (g := _after_given_name(text, it, prev, index)) is not None:
            drop.add(i)  # "Rubar Hassan told": the village Rubar is the given name too
            if prev is not None and re.fullmatch(" ", text[prev.end : it.start]):
                drop.add(i - 1)
            else:
                given[i] = g
    persons: list[Entity] = []
    for i in sorted(drop):
        a0, b0 = given.get(i, items[i].start), items[i].end
        if persons and re.fullmatch(r" ", text[persons[-1].end : a0]):
            a0 = persons.pop().start  # "Khaled Mustafa" is one name
        persons.append(Entity(text[a0:b0], a0, b0, "person", "name"))
    return [it for i, it in enumerate(items) if i not in drop], persons


#: A capitalised word and one space right before a name.
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)[ ]$")


def _after_given_name(text: str, it: _Item, prev: _Item | None, index: _Index | None) -> int | None:
    """The start of the capitalised word before a name that speaks, when it is no common
    English word, no title and no big place (else None): "Rubar Hassan told Rudaw" is a
    person, however big the city Hassan (India) is (and a village Rubar does not change
    it); "Meanwhile Ankara said" and "Idlib Aleppo" are not.

    Examples
    --------
    >>> it = _Item(6, 12, 6, ())
    >>> _after_given_name("Rubar Hassan told us", it, None, None)
    0
    >>> _after_given_name("Later Hassan told us", it, None, None) is None
    True
    """
    m = _WORD_BEFORE.search(text, max(0, it.start - 20), it.start)
    if m is None:
        return None
    if prev is not None and prev.end > m.start(1) and (index is None or _prominent(index, prev)):
        return None  # a big place's name before it ("Idlib Aleppo"): no given name
    word = m.group(1)
    if english_common_word(word) or word.lower() in ctx.TITLES | STOPWORDS:
        return None
    return m.start(1)


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
    words = _TITLE_WORDS.findall(line)
    long = [w for w in words if len(w) > 3]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.75 * len(long)


#: The words of a name and of a line, compiled once (they are asked for every name).
_NAME_WORDS = re.compile(r"[\w'’]+")
_TITLE_WORDS = re.compile(r"[A-Za-z][\w'’]+")


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
        noun = ctx.plural_region_noun(text, it.end)
        if noun is None:
            continue
        j = i
        while j > 0 and ctx.coordinated(text, items[j - 1].end, items[j].start):
            prev = items[j - 1]
            if prev.cue is None:  # the list's noun is each name's ("Afrin and Kobane cantons")
                prev.cue = ctx.RegionCue("region", prev.start, prev.end, None, noun, 1)
            j -= 1
    _mark_arabic_duals(text, items)


def mark_owner_areas(text: str, items: list[_Item], index: _Index) -> None:
    """A name before a possessive and an area's name with its admin noun is the area that
    holds it ("Afrin’s Shera district": Afrin's district, not the town), unless that area is
    a quarter of a city ("Homs's Waer district": the city's quarter, the city).

    Examples
    --------
    >>> mark_owner_areas("", [], None)
    """
    for it in items:
        owned = ctx.owner_of_area(text, it.end) if it.cue is None else None
        if owned is None:
            continue
        inner = [o for o in items if owned[0] <= o.start < owned[1]]
        if any(p.source == "neighbourhoods" for o in inner
               for p, _ in _candidates(index, o.payloads)):  # fmt: skip
            continue
        it.cue = ctx.RegionCue("region", it.start, it.end, None, owned[2], 2)


def drop_cue_nouns(items: list[_Item], text: str = "") -> list[_Item]:
    """Without the names that are the region noun of the name before them: "Afrin Canton"
    is the Afrin canton, and "Canton" no Guangzhou (its old name in English); so is a
    capitalised region noun after a capitalised word the gazetteer does not hold and no
    common English word ("the Cizîr Canton", round 26).

    Examples
    --------
    >>> drop_cue_nouns([])
    []
    >>> t = "clashes in the Cizîr Canton"
    >>> drop_cue_nouns([_Item(t.index("Canton"), len(t), t.index("Canton"), ())], t)
    []
    """
    tails = [(it.end, it.cue.end) for it in items if it.cue is not None and it.cue.end > it.end]
    items = [it for it in items if not any(a <= it.start and it.end <= b for a, b in tails)]
    return [it for it in items if not (text and _noun_of_unknown_name(text, it))]


#: A region noun written with a capital, as a name's last word ("the Cizîr Canton").
_REGION_NOUN = re.compile(r"(?:Canton|Province|Governorate|District|Region)s?")
#: A capitalised word (any script's capitals, "Cizîr") and one space before a position.
_NAME_WORD_BEFORE = re.compile(rf"(?<![\w'’-])([{ctx.CAPITALS}][\w'’-]*)[ ]$")


def _noun_of_unknown_name(text: str, it: _Item) -> bool:
    """Whether the match is a capitalised region noun right after a capitalised word that
    is no common English word, no stop word and no title: the noun of that name."""
    if not _REGION_NOUN.fullmatch(text, it.start, it.end):
        return False
    m = _NAME_WORD_BEFORE.search(text, max(0, it.start - 30), it.start)
    if m is None:
        return False
    word = m.group(1)
    low = word.lower()
    return not (english_common_word(word) or low in STOPWORDS or low in ctx.TITLES)


#: An Arabic dual of a region noun before a name: "ريفي إدلب وحلب" (the countrysides of Idlib
#: and Aleppo), "محافظتي حماة وحلب" (the provinces of Hama and Aleppo).
_AR_DUAL = re.compile(r"(?:^|[\s،(])[وبلف]?(?:ريفي|محافظتي|منطقتي|ناحيتي)\s+$")
#: "و" alone between two names (with the name's proclitic), maybe after a comma.
_AR_AND = re.compile(r"\s*(?:[،,]\s*)?و\s*")


def _mark_arabic_duals(text: str, items: list[_Item]) -> None:
    """Both names after an Arabic dual region noun are regions: the second one, "حلب" in
    "ريفي إدلب وحلب", has no noun of its own before it."""
    for it, nxt in zip(items, items[1:], strict=False):
        if not _AR_DUAL.search(text[max(0, it.name_start - 12) : it.name_start]):
            continue
        if not _AR_AND.fullmatch(text[it.end : nxt.name_start]):
            continue
        for one in (it, nxt):
            if one.cue is None:
                one.cue = ctx.RegionCue("region", one.start, one.end, None, None, 1)
