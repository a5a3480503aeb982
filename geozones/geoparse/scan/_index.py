"""The automaton over every name variant of the gazetteer, and the scan of a text."""

from __future__ import annotations

import threading
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..._io import data_path
from ..._text import fold
from ...place import Place
from . import _context as ctx
from ._country_bias import load_country as _load_country
from ._landmarks import keep_sites_by_cue, landmarks, name_from_capital
from ._loose_ch import diphthong_keys, kasra_keys, loose_key, loose_word, unqualified_keys
from ._neighbourhoods import Quarter, keep_quarters, quarters
from ._person_after import person_follows
from ._proclitics import rejoin_proclitics
from ._words import (
    _CODE_LIKE,
    _arabic_spellings,
    _key,
    _split_and,
    _Token,
    _tokens,
    glued_article,
)
from ._words import ARABIC_HEADS as ARABIC_HEADS  # imported from here by other modules

if TYPE_CHECKING:  # pragma: no cover
    from ...gazetteer import Gazetteer

#: Population from which a place counts as prominent (a foreign city may then beat a
#: home namesake, and its name survives next to a stray capital).
FOREIGN_MIN_POPULATION = 100_000


#: The gazetteer's importance of a governorate (5.5) and its capital (5.8).
CAPITAL_IMPORTANCE = 5.5


@dataclass(frozen=True)
class _Payload:
    kind: str  # "g" gazetteer entry, "r" curated region, "e" non-place entity
    ref: Any  # entry index, region index, or entity kind
    caps: bool = False  # entity written in capitals: match only capitals
    #: a one-word entity whose key cut a glued article ("Assad" → "sad"): it matches only a
    #: word written with that article, not the bare rest ("Sad Abu Fayad", a village)
    glued: bool = False


class _Index:
    """The automaton over every name variant, and what each key stands for."""

    def __init__(self, gaz: Gazetteer) -> None:
        import ahocorasick  # lazy: keeps `import geozones` fast

        self.gaz = gaz
        self.size = len(gaz)  # entries indexed: a country loaded later makes it stale
        by_key: dict[str, set[_Payload]] = {}
        kinds = gaz.kinds
        countries: set[str] = set()
        for folded, entry in gaz.variants():
            if _CODE_LIKE.match(folded) and kinds[entry] != "road":
                continue  # P-codes and ids are not names written in texts
            if kinds[entry] == "region":
                continue  # the curated regions come in below, with their own payload
            k = _key(folded)
            if k and kinds[entry] == "country":
                countries.add(k)
            if k:
                for variant in (k, *_arabic_spellings(k)):
                    by_key.setdefault(variant, set()).add(_Payload("g", entry))
        #: curated names of other languages: a place's own name, not a stray alternate
        self.exonyms = frozenset(_add_exonyms(by_key, kinds, gaz.importance))
        #: one-word names of countries and exonyms: a German genitive "-s" may end them
        self.genitive = frozenset(k for k in (*countries, *self.exonyms) if " " not in k)
        self.regions = _load_regions()
        for i, (_place, variants) in enumerate(self.regions):
            for v in variants:
                if k := _key(fold(v)):
                    by_key.setdefault(k, set()).add(_Payload("r", i))
        for kind, names in ctx.known_entities().items():
            if kind in ("demonym", "arabic_adjective", "given_name"):
                continue  # draft-spec mapping; Arabic adjectives are checked as written
            for name in names:
                if k := _key(fold(name)):
                    caps = name.isupper() and len(name) <= 6
                    glued = " " not in k and glued_article(name)
                    by_key.setdefault(k, set()).add(_Payload("e", kind, caps, glued))
        auto = ahocorasick.Automaton()
        for k, payloads in by_key.items():
            auto.add_word(f" {k} ", (k.count(" ") + 1, _ordered(payloads)))
        auto.make_automaton()
        self.automaton = auto
        self.loose = _loose_automaton(gaz)
        self.joined = _joined_arabic(by_key)
        # one-word keys, and first words of longer ones: what a proclitic may stand before
        self.words = frozenset(k.split(" ", 1)[0] for k in by_key)
        #: … and the Arabic names of two words written as one ("معرشمارين"): "ومعرشمارين" is
        #: "و" and the name, the way "وإدلب" is "و" and "إدلب"
        self.clitic_words = self.words | frozenset(self.joined)
        #: one-word Arabic names of places: the halves of "أنقرةوموسكو" (see _split_and)
        self.arabic_single = frozenset(
            k for k, ps in by_key.items() if " " not in k and k[:1] >= "\u0600"
            and any(p.kind != "e" for p in ps)
        )  # fmt: skip
        #: one-word Arabic names of a governorate or its capital: after "لل" the name even
        #: where they are common words too ("السور الأثري للرقة", of al-Raqqa)
        self.capital_words = frozenset(
            k for k, ps in by_key.items() if " " not in k and k[:1] >= "\u0600"
            and any(p.kind == "g" and gaz.importance[p.ref] >= CAPITAL_IMPORTANCE for p in ps)
        )  # fmt: skip
        self.quarters = quarters(gaz)  # city neighbourhoods: taken by their cue or city
        self.sites = landmarks(gaz)  # named sites: their phrase is named from its capital
        self._places: dict[int, Place] = {}  # Place objects are frozen: safe to share
        self.importance = gaz.importance

    def lookup(self, name: str, top: int) -> list[Place]:
        """The gazetteer's exact and phonetic candidates for a name found in a text. The
        geoparser weighs them itself (score, country, nearness), so the gazetteer's warnings
        about far guesses, meant for a person's query, are not passed on."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = self.gaz.candidates(name, top=top, fuzzy=False)
        # a quarter whose name is a common word is taken only from the scan, by its cue or city
        return [p for p in found if not _common_quarter(p, name)]

    def place(self, p: _Payload) -> Place:
        if p.kind == "r":
            return self.regions[p.ref][0]
        got = self._places.get(p.ref)
        if got is None:
            got = self._places[p.ref] = self.gaz.place(p.ref)
        return got


def _common_quarter(place: Place, written: str) -> bool:
    """A city neighbourhood whose name, as written, is also a common word (or a person's)."""
    cue = place.extra.get("cue", "") if place.source == "neighbourhoods" else ""
    return bool(cue) and Quarter(None, cue).common(written)


def _loose_automaton(gaz: Gazetteer) -> Any:
    """The automaton over the loose keys (:func:`geozones.gazetteer._loose.loose_key`) of the
    home country's Latin names of places and areas: "Atme" finds Atma, "Merc ez Zuhur"
    Marj Elzohur. A second tier: :func:`_scan` keeps its matches only where no exact name
    was found, and only for names written with capitals."""
    import ahocorasick  # lazy: keeps `import geozones` fast

    by_key: dict[str, set[_Payload]] = {}
    kinds, ccs, home = gaz.kinds, gaz.countries, gaz.home_countries
    for folded, entry in gaz.variants():
        if folded.isascii() and ccs[entry] in home and kinds[entry] in _LOOSE_KINDS:
            if (k := loose_key(folded)) and not _CODE_LIKE.match(k):
                for variant in (
                    k,
                    *_latin_joined(k),
                    *unqualified_keys(folded),
                    *kasra_keys(folded),
                    *diphthong_keys(folded),
                ):
                    by_key.setdefault(variant, set()).add(_Payload("g", entry))
    auto = ahocorasick.Automaton()
    for k, payloads in by_key.items():
        auto.add_word(f" {k} ", (k.count(" ") + 1, _ordered(payloads)))
    auto.make_automaton()
    return auto


_LOOSE_KINDS = frozenset({"populated place", "admin area"})
#: First words of village names (loose keys) that Latin writers glue to the next word as
#: Arabic writers do: "Kafrlosin" (Kafr Lusin), "Deirhafer", "Telrifaat".
LATIN_HEADS = frozenset("kafr dair tal ain bait abu jisr mart um".split())


def _latin_joined(k: str) -> tuple[str, ...]:
    """The loose key with its head word glued to the next ("kafr lusin" → "kafrlusin")."""
    head, _, rest = k.partition(" ")
    return (head + rest,) if head in LATIN_HEADS and rest else ()


#: Least letters of an Arabic name matched with its spaces left out.
JOINED_MIN = 6


def _joined_arabic(by_key: dict[str, set[_Payload]]) -> dict[str, tuple[_Payload, ...]]:
    """The gazetteer's Arabic names with their spaces left out ("حر بنفسه", "حربنفسه" →
    "حربنفسه"): writers space a village's name their own way ("حرب نفسه")."""
    out: dict[str, set[_Payload]] = {}
    for k, payloads in by_key.items():
        if "\u0600" <= k[:1] <= "\u06ff":
            j = k.replace(" ", "")
            gaz = {p for p in payloads if p.kind == "g"}
            if len(j) >= JOINED_MIN and gaz:
                out.setdefault(j, set()).update(gaz)
                for g in _glued_article(j):  # "بصرالحرير" written "بصر الحرير"
                    out.setdefault(g, set()).update(gaz)
    return {j: _ordered(p) for j, p in out.items()}


#: An article glued inside a one-word Arabic name ("بصرالحرير") after this many letters at
#: least, and as many after it: the joined key of the name spaced there leaves the second
#: word's article out ("بصرحرير"), as the text's key does ("بصر الحرير").
_GLUED_MIN = 3


#: … not after a word of kinship: "ابوالعمر" spaced is "أبو العمر", and "أبو عمر" a person.
_KINSHIP = frozenset(("ابو", "ابن", "بني", "بنت", "ام"))


def _glued_article(j: str) -> list[str]:
    out, i = [], j.find("ال", _GLUED_MIN)
    while i != -1 and i + 2 + _GLUED_MIN <= len(j):
        if j[:i] not in _KINSHIP:
            out.append(j[:i] + j[i + 2 :])
        i = j.find("ال", i + 1)
    return out


def _ordered(payloads: set[_Payload]) -> tuple[_Payload, ...]:
    """A key's payloads in a fixed order: a set's order follows the string hash, which
    changes from run to run, and ties among namesakes must not."""
    return tuple(sorted(payloads, key=lambda p: (p.kind, str(p.ref), p.caps, p.glued)))


def _add_exonyms(by_key: dict[str, set[_Payload]], kinds: Any, importance: Any) -> set[str]:
    """Names of countries and of big cities in other languages
    (``data/geoparse/exonyms.yaml``) as more spellings of the gazetteer's entries
    ("Russland", "Suriye"; "Beyrouth", "لندن"): a country's entries, or the most important
    town of that English name (the GeoNames alternates are not read by the geoparser)."""
    import yaml  # lazy: keeps `import geozones` fast

    with open(data_path("geoparse", "exonyms.yaml"), encoding="utf-8") as fh:
        table = yaml.safe_load(fh) or {}
    keys: set[str] = set()
    for english, names in table.items():
        entries = {p for p in by_key.get(_key(fold(str(english))), ()) if p.kind == "g"}
        target = {p for p in entries if kinds[p.ref] == "country"}
        if not target:
            towns = [p for p in entries if kinds[p.ref] == "populated place"]
            target = {max(towns, key=lambda p: importance[p.ref])} if towns else set()
        for name in names if target else ():
            if k := _key(fold(str(name))):
                caps = _is_abbreviation(str(name))  # "US", "ABD": not "us", "Abd"
                by_key.setdefault(k, set()).update(_Payload(p.kind, p.ref, caps) for p in target)
                keys.add(k)
    return keys


def _is_abbreviation(name: str) -> bool:
    """A short name written in capitals ("US", "U.S.", "ABD"): matched only in capitals,
    since its lower-case form is a common word ("us", the name part "Abd")."""
    letters = name.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 4


def _load_regions() -> list[tuple[Place, list[str]]]:
    import yaml  # lazy: keeps `import geozones` fast

    with open(data_path("geoparse", "regions.yaml"), encoding="utf-8") as fh:
        rows = yaml.safe_load(fh) or []
    out = []
    for r in rows:
        place = Place(
            name=r["name"], lat=float(r["lat"]), lon=float(r["lon"]), kind="admin area",
            admin=tuple(r.get("admin") or ()), source="geoparse-regions", source_id=r["name"],
            country=r.get("country", "SY"), level=None, precision="approximate",
            extra={"region": True},
        )  # fmt: skip
        out.append((place, [r["name"], *r.get("variants", [])]))
    return out


_INDEXES: dict[int, _Index] = {}
_INDEX_LOCK = threading.Lock()


def _index_for(gaz: Gazetteer | None, country: str = "") -> _Index:
    """The scan index of ``gaz``; ``country``, a bias outside the gazetteer's home
    countries, is loaded first (as ``geocode(country=)`` does), and an index built
    before a load is rebuilt, so the country's places are scanned for too."""
    if gaz is None:
        from ...gazetteer import Gazetteer  # lazy: the gazetteer loads its data on first use

        gaz = Gazetteer.default()
    if country and country not in gaz.home_countries:
        _load_country(gaz, country)
    idx = _INDEXES.get(id(gaz))
    if idx is None or idx.gaz is not gaz or idx.size != len(gaz):
        with _INDEX_LOCK:
            idx = _INDEXES.get(id(gaz))
            if idx is None or idx.gaz is not gaz or idx.size != len(gaz):
                idx = _INDEXES[id(gaz)] = _Index(gaz)
    return idx


# ============================================================================ scanning


@dataclass
class _Match:
    start: int
    end: int
    name_start: int
    payloads: tuple[_Payload, ...]
    nwords: int
    loose: bool = False  # found by the loose key only (a second tier)


def _scan(text: str, index: _Index) -> list[_Match]:
    toks = _tokens(text, index.clitic_words, index.genitive, index.capital_words)
    toks = _split_and(text, toks, index)
    toks = rejoin_proclitics(text, toks, index.automaton)  # "كركي لكي", not "ل" and "كي"
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
    found = keep_sites_by_cue(text, name_from_capital(text, found, index.sites), index.sites)
    return keep_quarters(text, found + _loose_scan(text, toks, found, index), index.quarters)


def _loose_scan(
    text: str, toks: list[_Token | None], exact: list[_Match], index: _Index
) -> list[_Match]:
    """Matches of the loose keys, where no exact name covers the words and every word of
    the name is written with a capital ("Atme", "Kefer Lusin", not "atma" in a sentence) and
    the next word is not (the name is whole)."""
    parts, tok_at = [], {}
    pos = 1
    for i, t in enumerate(toks):
        word = (loose_word(t.key) or "|") if t is not None else "|"
        tok_at[pos] = i
        parts.append(word)
        pos += len(word) + 1
    stream = " " + " ".join(parts) + " "
    covered = bytearray(len(text) + 1)
    for m in exact:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    found = _joined_scan(text, toks, covered, index)
    for end_idx, (nwords, payloads) in index.loose.iter(stream):
        first = _first_token(tok_at, stream, end_idx, nwords)
        if first is None:
            continue
        words = [t for t in toks[first : first + nwords] if t is not None]
        if len(words) < nwords or any(not text[t.start : t.start + 1].isupper() for t in words):
            continue
        a, b = words[0], words[-1]
        nxt = toks[first + nwords] if first + nwords < len(toks) else None
        if nxt is not None and text[nxt.start : nxt.start + 1].isupper():
            if not person_follows(text, b.end):  # "in Hameimim Alexei Zigankov": a person
                continue  # a part of a longer name ("Kefer" of "Kefer Avid")
        if covered.find(1, a.lead, b.end) == -1:
            found.append(_Match(a.lead, b.end, a.start, payloads, nwords, loose=True))
    return found


def _joined_scan(
    text: str, toks: list[_Token | None], covered: bytearray, index: _Index
) -> list[_Match]:
    """Arabic names written with another spacing than the gazetteer's: two or three words
    that joined are a name joined ("حرب نفسه" for "حر بنفسه"), or one word that is a
    name of two words joined, where no exact name of that length was found."""
    found: list[_Match] = []
    joined, last = index.joined, len(toks) - 1
    for i, t in enumerate(toks):
        if t is None or not "\u0600" <= t.key[:1] <= "\u06ff":
            continue
        t2 = toks[i + 1] if i < last else None  # three words, two, one: the longest first
        t3 = toks[i + 2] if i + 1 < last else None
        if t2 is not None and t3 is not None and (p := joined.get(t.key + t2.key + t3.key)):
            found.append(_Match(t.lead, t3.end, t.start, p, 3, loose=True))
        elif t2 is not None and (p := joined.get(t.key + t2.key)):
            found.append(_Match(t.lead, t2.end, t.start, p, 2, loose=True))
        elif (p := joined.get(t.key)) and covered.find(1, t.start, t.end) == -1:
            found.append(_Match(t.lead, t.end, t.start, p, 1, loose=True))
    return found


def _first_token(tok_at: dict[int, int], stream: str, end_idx: int, nwords: int) -> int | None:
    # walk back nwords words from the trailing space at end_idx
    pos = end_idx
    for _ in range(nwords):
        pos = stream.rfind(" ", 0, pos)
    return tok_at.get(pos + 1)


def _candidates(index: _Index, payloads: Iterable[_Payload]) -> list[tuple[Place, float]]:
    # the same payload tuple (the automaton's own) is looked up by a dozen passes per
    # mention: kept by identity (the tuple held, so its id is never reused), a copy returned
    memo = index.__dict__.setdefault("_cands_memo", {})
    got = memo.get(id(payloads))
    if got is not None and got[0] is payloads:
        return list(got[1])
    out = _candidates_of(index, payloads)
    if isinstance(payloads, tuple):
        if len(memo) >= _CANDS_MEMO_SIZE:
            memo.clear()
        memo[id(payloads)] = (payloads, tuple(out))
    return out


#: How many payload tuples :func:`_candidates` keeps (cleared when full: bounded memory).
_CANDS_MEMO_SIZE = 4096


def _candidates_of(index: _Index, payloads: Iterable[_Payload]) -> list[tuple[Place, float]]:
    out = []
    places, importance = index._places, index.importance
    for p in payloads:
        if p.kind == "g":
            got = places.get(p.ref) or index.place(p)  # index.place, without the call
            out.append((got, float(importance[p.ref])))
        elif p.kind == "r":
            out.append((index.regions[p.ref][0], 4.5))
    return out
