"""Names no variant of the gazetteer matched that their context shows to be places ("near
Atmeh", "Dana, Sarmada and Atmeh", "A, B ve C köylerine", "the camp of Hndarat", "the
nearby As-Shayfouniyyeh area"): the gazetteer's phonetic matching finds them, kept near
the text's other towns."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...projection import haversine_km
from . import _context as ctx
from ._context import Entity
from ._index import _candidates, _Index, _Payload
from ._items import STOPWORDS, _Item, _Occupancy
from ._words import english_common_word

_LOCATIVE = re.compile(
    r"(?:\b(?:in|near|around|at|from|to|into|outside|towards?|between"
    r"|(?:the\s+)?(?:villages?|towns?|cities|areas?|camps?)(?:\s+and\s+(?:villages?|towns?))?"
    r"\s+of"
    r"|took|taken|captured|seized|retook|recaptured|entered|shelled|stormed|besieged|hit"
    r"|liberated|liberating|reached|controlled"
    r"|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of"
    r"|bei|nahe|nahe\s+(?:der|dem)\s+(?:Stadt|Ort|Ortschaft|Dorf)|Stadt|Ortschaft|Dorf"
    r"|près\s+de|autour\s+de|vers|(?:ville|village|localité)\s+de)"
    r"|(?P<list>,(?:\s+(?:and|or)\b)?|\band|\bor))\s+"  # "A, B, and C": the serial comma
    rf"(?P<name>(?:(?:al|el|ash|as|ad|ar|at|an|az)-)?[{ctx.CAPITALS}][\w'’]+"
    rf"(?:[ -](?:(?:al|el|ash|as|ad|ar|at|an|az)-)?[{ctx.CAPITALS}][\w'’]+)?)"
)
#: A name and a noun of settlement or area after it ("the nearby As-Shayfouniyyeh area",
#: "Dashisha town"), the noun no word of a longer name (not "… Area Command").
_NOUN_AFTER = re.compile(
    r"(?<![\w'’-])"
    rf"(?P<name>(?:(?:[Aa][lsnrdtz]|[Ee]l|[Aa]sh)-)?[{ctx.CAPITALS}][\w'’]+"
    rf"(?:-[{ctx.CAPITALS}][\w'’]+)?)"
    r"[ \t]+(?:village|town|area|camp)\b(?![ \t]+[A-Z])"
)
#: A leading article of a name ("As-", "al-"): no English word ("as").
_ARTICLE = re.compile(r"^(?:[Aa][lsnrdtz]|[Ee]l|[Aa]sh)-")
#: Minimum gazetteer score for a name found only by its context ("near Atmeh").
UNLISTED_MIN_SCORE = 0.9
#: A name found by its sound only is kept within ``UNLISTED_REGION_KM`` of the text's other
#: towns (when the text has some: "Shinshrah" in a text on Kafranbel is not Shinshar near
#: Homs); among several names that sound alike, those within ``UNLISTED_NEAR_KM``, and one
#: must be left ("Bleisa" → Ballisa near Abu al-Duhur).
UNLISTED_NEAR_KM = 40.0
UNLISTED_REGION_KM = 100.0
#: A name a list alone shows to be a place is sought within this distance of the name
#: listed before it: the villages of one list lie together.
LIST_NEAR_KM = 30.0


def _unlisted(
    text: str, items: list[_Item], entities: list[Entity], index: _Index, bias: str
) -> list[_Item]:
    """Capitalised words after "in", "near", "around" … or listed with known places that no
    name variant matched: ask the gazetteer's phonetic matching ("Atmeh" → Atma)."""
    spans = _Occupancy(
        len(text), [(e.start, e.end) for e in entities] + [(it.start, it.end) for it in items]
    )
    ends = {it.end for it in items}
    at_end = {it.end: it for it in items}
    centre = _home_centre(items, index, bias)
    governorates = named_governorates(items, index, bias)
    out = []
    for begin, s, e, is_list, cued in _cued_names(text):
        if not spans.free(s, e):
            continue
        if is_list and begin not in ends and begin - 1 not in ends:
            continue  # a list only counts after a known place: "Dana, Sarmada and Atmeh"
        name = text[s:e]
        words = re.findall(r"[\w'’]+", _ARTICLE.sub("", name).replace("İ", "I").lower())
        if name.isupper() or any(w in ctx.TITLES or w in STOPWORDS and not cued for w in words):
            continue  # "Has" before "köylerine" is a village, not the English verb
        found = sounds = _sound_matches(index, name, bias)
        if centre is not None:  # a guess by sound must lie in the region of the story
            near = UNLISTED_NEAR_KM if len({p.name for p in found}) > 1 else UNLISTED_REGION_KM
            found = [p for p in found if haversine_km(p.lat, p.lon, *centre) <= near]
        if len({p.name for p in found}) > 1 and governorates:  # those of the named province
            found = [p for p in found if p.governorate in governorates] or found
        if is_list:  # a list's next name lies by the name before it ("Al-Hirak, and Rakhem")
            found = _beside(found, at_end.get(begin) or at_end.get(begin - 1), index, bias)
        if not found and not is_list and not _LIST_NEXT.match(text, e):  # one name alone
            found = in_named_governorate(sounds, governorates, centre)
        if len({p.name for p in found}) == 1:  # one name only: several are a guess
            pls = tuple(_Payload("g", p.extra["index"]) for p in found)
            out.append(_Item(s, e, s, pls, nwords=len(words)))
            at_end[e] = out[-1]
            spans.add(s, e)
            ends.add(e)  # the list goes on after it: "Kuweres, Bleisa and Jdeideh"
    return out + _respelled(text, items, spans, index, bias)


#: A name written with the Arabic article, anywhere ("Al-Wair is home to …").
_ARTICLE_NAME = re.compile(rf"(?<![\w'’-])(?:[Aa]l|[Ee]l)-[{ctx.CAPITALS}][a-z'’]{{2,}}(?![\w'’-])")


def _respelled(
    text: str, items: list[_Item], spans: _Occupancy, index: _Index, bias: str
) -> list[_Item]:
    """Names written with the article that no variant matched and that differ from a name
    of a place the text has found only in their vowels: the same place spelled again
    ("al-Waer" … "Al-Wair is home to 75,000 people"), one place per text. Only the text's
    own names are compared, never the gazetteer's sound-alikes.

    Examples
    --------
    >>> _skeleton("Al-Wair") == _skeleton("al-Waer"), _skeleton("Al-Bab") == _skeleton("Al-Bir")
    (True, False)
    """
    named: dict[str, _Item] = {}
    for it in items:
        if it.payloads and _ARTICLE.match(text[it.start : it.end]):
            named.setdefault(_skeleton(text[it.start : it.end]), it)
    out: list[_Item] = []
    for m in _ARTICLE_NAME.finditer(text) if named else ():
        s, e = m.span()
        stem = _ARTICLE.sub("", m.group(0))
        if not spans.free(s, e) or english_common_word(stem) or len(stem) < 4:
            continue
        if (same := named.get(_skeleton(m.group(0)))) is not None:
            lead = same.name_start - same.start  # the article, as the name's own item has it
            out.append(_Item(s, e, s + lead, same.payloads, nwords=same.nwords))
            spans.add(s, e)
    return out


_VOWELS = re.compile(r"[aeiouy'’]+")


def _skeleton(name: str) -> str:
    """A name's consonants after its article, doubled letters once: "Al-Wair", "al-Waer":
    "wr"."""
    stem = _VOWELS.sub("", _ARTICLE.sub("", name).lower())
    return re.sub(r"(.)\1", r"\1", stem)


#: Turkish nouns of settlements after a list of names: "A, B ve C köylerine", "X beldesi".
_TR_SETTLEMENT = re.compile(
    r"(?P<list>(?:[A-ZÇĞİÖŞÜ][\w'’]*(?: [A-ZÇĞİÖŞÜ][\w'’]*){0,2})"
    r"(?:\s*,\s*[A-ZÇĞİÖŞÜ][\w'’]*(?: [A-ZÇĞİÖŞÜ][\w'’]*){0,2})*"
    r"(?:\s+ve\s+[A-ZÇĞİÖŞÜ][\w'’]*(?: [A-ZÇĞİÖŞÜ][\w'’]*){0,2})?)"
    r"\s+(?:köy(?:ü|ler)|belde(?:si|ler)|kasaba(?:sı|lar))\w*"
)
_TR_SPLIT = re.compile(r"\s*,\s*|\s+ve\s+")
#: The Turkish spelling of the Arabic head word كفر ("Kefer Avid" is Kafr Oweid).
_TR_KAFR = re.compile(r"\bKef(?:e|i)?r\b")


def _cued_names(text: str) -> Iterable[tuple[int, int, int, bool, bool]]:
    """Names that their context shows to be places: (where the cue starts, name start, name
    end, whether only a list shows it, whether a settlement noun names it)."""
    for m in _LOCATIVE.finditer(text):
        yield m.start(), *m.span("name"), m.group("list") is not None, False
    for m in _NOUN_AFTER.finditer(text):  # "the nearby As-Shayfouniyyeh area" (round 26)
        if not english_common_word(_ARTICLE.sub("", m.group("name"))):  # "the Kurdish area"
            yield m.start(), *m.span("name"), False, False
    if "köy" not in text and "belde" not in text and "kasaba" not in text:
        return
    for m in _TR_SETTLEMENT.finditer(text):
        base, last = m.start("list"), 0
        chunk = m.group("list")
        for sep in [*_TR_SPLIT.finditer(chunk), None]:
            a, b = last, (sep.start() if sep else len(chunk))
            if b > a:
                yield base + a, base + a, base + b, False, True
            last = sep.end() if sep else last


def _sound_matches(index: _Index, name: str, bias: str) -> list:
    """The gazetteer's places at home that sound like ``name`` (a Turkish "Kefer" read as
    "Kafr" when the name as written matches nothing)."""

    def ask(n: str) -> list:
        return [
            p
            for p in index.lookup(n, top=5)
            if p.score >= UNLISTED_MIN_SCORE
            and p.kind in ("populated place", "admin area")
            and p.country == bias
        ]

    found = ask(name)
    if not found and _TR_KAFR.search(name):
        found = ask(_TR_KAFR.sub("Kafr", name))
    if glued := _TELL.match(name):  # "Tel Aad": OCHA writes some such villages as one word
        names = {p.name for p in found}  # ("Tilaada"), which the two words do not reach
        found += [p for p in ask(glued.group(1) + glued.group(2).lower()) if p.name not in names]
    return found


#: A hill's word apart from the rest of a village's name ("Tel Aad", "Tal Hadya"; round 25).
_TELL = re.compile(r"^(T[ae]ll?|Til)[ -]([A-Z][a-z'’]+)$")


def _beside(found: list, before: _Item | None, index: _Index, bias: str) -> list:
    """Of the places that sound like a listed name, those within ``LIST_NEAR_KM`` of a
    sense at home of the name listed before it (all of them when it has none)."""
    if before is None:
        return found
    prev = [p for p, _ in _candidates(index, before.payloads) if p.country == bias]
    if not prev:  # a name with no namesake at home says nothing of where the list lies
        return found
    return [
        p for p in found
        if any(haversine_km(p.lat, p.lon, q.lat, q.lon) <= LIST_NEAR_KM for q in prev)
    ]  # fmt: skip


def _home_centre(items: list[_Item], index: _Index, bias: str) -> tuple[float, float] | None:
    """Mean position of the towns of the text that have one namesake at home."""
    pts = []
    for it in items:
        towns = [p for p, _ in _candidates(index, it.payloads) if p.kind == "populated place"]
        if len(towns) == 1 and towns[0].country == bias:
            pts.append((towns[0].lat, towns[0].lon))
    if not pts:
        return None
    return sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)


def named_governorates(items: list[_Item], index: _Index, bias: str) -> frozenset[str]:
    """The governorates at home that the text's names may name ("Raqqa Province", "Idlib").

    Examples
    --------
    >>> named_governorates([], None, "SY")
    frozenset()
    """
    return frozenset(
        p.name
        for it in items
        for p, _ in _candidates(index, it.payloads)
        if p.kind == "admin area" and p.level == 1 and p.country == bias
    )


#: A settlement's noun or a preposition of place right before a name.
def _in_governorates(p, governorates: frozenset[str]) -> bool:  # noqa: ANN001 (a Place)
    """Whether a place lies in one of ``governorates``, or is one of them."""
    return p.governorate in governorates


#: Another name of a list after a name: "Hawash, Jabrieh", "Fuaa and Kafraya".
_LIST_NEXT = re.compile(rf"\s*(?:,|\band\b|\bor\b)\s*[{ctx.CAPITALS}]")


def in_named_governorate(
    found: list, governorates: frozenset[str], centre: tuple[float, float] | None
) -> list:
    """Of the places that sound like a name, those of one name in a governorate the text
    names, within ``UNLISTED_REGION_KM`` of the story's towns: the guess left when every
    sound-alike lay too far for several names ("the town of Al-Quraya" in a story on
    Sweida: Qarayya of Sweida's Salkhad, 50 km from Daraa, the one town the text names
    exactly).

    Examples
    --------
    >>> in_named_governorate([], frozenset({"As-Sweida"}), None)
    []
    """
    inside = [p for p in found if _in_governorates(p, governorates)]
    if len({p.name for p in inside}) != 1:
        return []
    if centre is not None:
        inside = [p for p in inside if haversine_km(p.lat, p.lon, *centre) <= UNLISTED_REGION_KM]
    return inside


_PLACE_CUE_BEFORE = re.compile(r"\b(?:(?:town|village|city)\s+of|in|near|at|from)\s+$", re.I)


def home_namesake(
    text: str, start: int, end: int, index: _Index, bias: str, governorates: frozenset[str]
) -> tuple[_Payload, ...]:
    """The home place that sounds like a name whose exact namesakes are all abroad and named
    so only by an alternate spelling, when a cue of place stands before it and one name of
    the governorates the text names sounds like it ("the town of al-Mansoura in the province
    of Raqqa": Mansura of Raqqa, not Al Mansurah in Egypt).

    Examples
    --------
    >>> home_namesake("", 0, 0, None, "SY", frozenset())
    ()
    """
    if not governorates or not _PLACE_CUE_BEFORE.search(text, max(0, start - 20), start):
        return ()
    found = [
        p for p in _sound_matches(index, text[start:end], bias) if p.governorate in governorates
    ]
    if len({p.name for p in found}) != 1:
        return ()
    return tuple(_Payload("g", p.extra["index"]) for p in found)
