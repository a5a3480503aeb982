"""Arabic lists joined by "و" after a preposition: "على معرة النعمان والتمانعة وتل منيس
والهلوبة والفاقي ومعرشمارين والتح".

A report of strikes names the villages hit one after the other, each glued to the "و"
(and) before it, with no noun of settlement before them. A reader who knows most of the
members to be places reads the others as places too: the members of one list are of one
kind. So a run of three names or more after a preposition, joined by "و", whose members
are at least half names the gazetteer knows as towns or areas (two at least; a country
says nothing of a village: "من إيران وروسيا واصلت هجماتها وسيطرت على" names two countries
and two verbs), is a list of places: each
member's span is listed (a known one is kept however common its word, an unknown one is a
village the gazetteer lacks, placed with its list by ``context_places``).

A member is one to three words; a member the gazetteer does not know must end where the
list visibly ends (a comma, a stop, a line's end, a preposition) or before the next "و", and
must not be only common words of the language ("والمناطق المحيطة", and the areas around).
A name shown to be a place by an earlier list of the text counts as known in a later one
("و3 في الهلوبة ومعرشورين والفاقي": two of its three members were listed before).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..arabic._common import is_common_word, normalise
from ..scan._index import _candidates, _Index
from ..scan._items import ARABIC_STOPWORDS, _Item
from ..scan._persons import AR_FOLD

#: A preposition of place before the list's first member.
_PREP = re.compile(
    r"(?<![\u0621-\u064a\u0640])[وف]?(?:في|على|من|إلى|الى|عن|قرب|نحو|باتجاه|حتى)"
    r"[\u064b-\u0652]*[ \t]+(?=[\u0621-\u064a])"
)
#: An Arabic word (its marks and tatweel too) or a run of other characters.
_TOKEN = re.compile(r"[\u0621-\u064a\u0640\u064b-\u0652]+|[^\s\u0621-\u064a\u0640\u064b-\u0652]+")
#: Characters after which the list has visibly ended.
_CLOSERS = frozenset(',،.;:!?()[]«»"“”-–—')
#: Words (normalised, a و aside) that end a list: a preposition, a noun of the area.
_ENDS = frozenset(
    normalise(w)
    for w in """في من إلى الى على عن قرب عند ضمن بعد قبل خلال منذ حتى مع بين باتجاه نحو
    بريف ريف شمال جنوب شرق غرب شمالي جنوبي شرقي غربي بمحافظة محافظة بمنطقة منطقة""".split()
)
#: Nouns that head a list of their own ("على تلال A وB", "في قرى A وB"): the list after
#: them is read by ``_unknown``'s rules, with the noun left out of its first name.
_HEADS = frozenset(
    normalise(w) for w in "قرى بلدات مدن قرية بلدة مدينة قريتي بلدتي مزارع مزرعة تلال تلة".split()
)
#: How far after its preposition a list is read (characters).
LIST_CHARS = 400
#: Least number of members, and of members known to be places.
MIN_MEMBERS, MIN_KNOWN = 3, 2
#: Least share of a list's members known to be places.
KNOWN_SHARE = 0.5
#: Most words of one member.
MAX_WORDS = 3


def and_list_spans(text: str, items: Sequence[_Item], index: _Index) -> list[tuple[int, int]]:
    """The members of Arabic "و" lists after a preposition whose members are mostly names
    the gazetteer knows (``items``, the names the scan kept), a "و" aside.

    Parameters
    ----------
    text : str
        The text.
    items : sequence of _Item
        The gazetteer's names found in the text.
    index : _Index
        The gazetteer's index (what each name may be).

    Returns
    -------
    list of (int, int)
        The members' spans, in the text's order.

    Examples
    --------
    >>> t = "قصفت الطائرات على ألف وباء وجيم"
    >>> and_list_spans(t, [], None)
    []
    """
    if "و" not in text:
        return []
    starts = {it.name_start: it for it in items if _settlement(it, index)}
    out: list[tuple[int, int]] = []
    listed: set[str] = set()  # names an earlier list of the text showed to be places
    pos = 0
    for m in _PREP.finditer(text):
        if m.start() < pos:
            continue
        members, closed = _members(text, m.end())
        if len(members) < MIN_MEMBERS:
            continue
        spans = _spans(text, members, closed, starts)
        known = [k or _key(text[s:e]) in listed for s, e, k in spans]
        if len(spans) < MIN_MEMBERS or sum(known) < MIN_KNOWN:
            continue
        if sum(known) < KNOWN_SHARE * len(spans):
            continue
        for (s, e, _k), kn in zip(spans, known, strict=True):
            if kn or not _only_common(text[s:e]):
                out.append((s, e))
                listed.add(_key(text[s:e]))
        pos = spans[-1][1]
    return out


def _settlement(it: _Item, index: _Index) -> bool:
    """Whether a name may be a town, a village or an area (not only a country)."""
    return any(p.kind != "country" for p, _ in _candidates(index, it.payloads))


def _key(name: str) -> str:
    return " ".join(normalise(w) for w in name.split())


def _members(text: str, pos: int) -> tuple[list[list[tuple[int, int]]], bool]:
    """The words of each member of a list from ``pos`` (a member's "و" left out), and
    whether the list visibly ends (a stop, a comma, a line's end, a preposition)."""
    members: list[list[tuple[int, int]]] = []
    last = pos
    for t in _TOKEN.finditer(text, pos, min(len(text), pos + LIST_CHARS)):
        s, e = t.span()
        if "\n" in text[last:s]:
            return members, True
        last = e
        word = t.group(0)
        if not "\u0621" <= word[0] <= "\u064a" and word[0] != "\u0640":
            return members, word[0] in _CLOSERS
        bare = normalise(word)
        if members and bare.startswith("و") and len(bare) > 2:
            if bare[1:] in _ENDS:
                return members, True
            members.append([(s + 1, e)])
        elif bare in _ENDS:
            return members, True
        elif not members:
            if bare in _HEADS:
                return [], False  # "على تلال الكبينة والخضر": the noun's own list
            members.append([(s, e)])
        elif len(members[-1]) < MAX_WORDS:
            members[-1].append((s, e))
        else:
            return members, False
    return members, False


def _spans(
    text: str, members: list[list[tuple[int, int]]], closed: bool, starts: dict[int, _Item]
) -> list[tuple[int, int, bool]]:
    """Each member's span and whether the gazetteer knows it; the list stops at a member
    that runs on into the words after it."""
    out: list[tuple[int, int, bool]] = []
    for i, words in enumerate(members):
        s = words[0][0]
        it = starts.get(s) or starts.get(s - 1)
        if it is not None and it.end <= words[-1][1]:
            out.append((s, it.end, True))
            if it.end < words[-1][1]:
                break  # the known name ends before the member's words: the list ends there
            continue
        if i == len(members) - 1 and not closed and len(words) > 1:
            break  # the last member may run on into its clause ("وإدلب خلال الأسبوع")
        if any(_stopword(text[a:b]) for a, b in words[1:]):
            break
        out.append((s, words[-1][1], False))
    return out


def _stopword(word: str) -> bool:
    return normalise(word).translate(AR_FOLD).removeprefix("ال") in ARABIC_STOPWORDS


def _only_common(name: str) -> bool:
    """Whether every word of a name is a common word of the language, or the name is one
    word of news prose ("خلال", "يوم")."""
    words = name.split()
    return len(words) == 1 and _stopword(words[0]) or all(is_common_word(w) for w in words)
