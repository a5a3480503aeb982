"""Arabic lists written with commas only: "مورك، اللطامنة، المستودعات، وادي العنز، …".

A statement naming the places retaken often lists them with the Arabic comma and no noun
of settlement before them ("ومن بين المناطق التي استعادها الجيش A، B، C، …"). When most
of such a list's items are places the gazetteer knows, the others, names of one to three
words between the same commas, are places too: hamlets, hills and valleys it lacks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .._results import PlaceMention
from ..scan._persons import AR_FOLD
from ..scan._select import ARABIC_STOPWORDS

#: One item of a comma list: one to three Arabic words, an optional و before them.
#: (Each word's letters are taken whole, possessively, and a list starts at a word's first
#: letter: nothing can follow a word's letters but a space or a comma, so no shorter cut
#: matches where the whole word does not; the same matches, without the backtracking.)
_ITEM = r"(?:و)?[\u0621-\u064a\u0640]{2,}+(?:[ \t]+[\u0621-\u064a\u0640]{2,}+){0,2}"
#: Four items or more, separated by the Arabic (or Latin) comma, closed by a full stop, a
#: line's end or a comma-less و before the last item.
_LIST = re.compile(rf"(?<![\u0621-\u064a\u0640])(?:{_ITEM})(?:[ \t]*[،,][ \t]*{_ITEM}){{3,}}")
#: Words that no name of a place opens: prepositions, conjunctions, verbs of the report.
_NOT_FIRST = frozenset(
    """في من الى إلى على عن مع بعد قبل منذ حتى التي الذي الذين كما حيث وقد قد كان كانت
    أن إن ان لا لم لن ما هذا هذه ذلك تلك بين""".split()
)
#: After a list, a word of the same clause: its last item ran on into the words after the
#: list (three words of "ليصبح بذلك وسط المدينة", so that the city's centre became …), as
#: the first may run on from before; a name ends at a stop, a comma, a bracket or a line.
_RUNS_ON = re.compile(r"[ \t]+[\u0621-\u064a\u0640]")
#: Least share of a list's items that must be places already found.
KNOWN_SHARE = 1 / 3


def comma_list_spans(text: str, places: Sequence[PlaceMention]) -> list[tuple[int, int]]:
    """The names of Arabic comma lists whose items are mostly places already found.

    Examples
    --------
    >>> comma_list_spans("", [])
    []
    """
    if "،" not in text:
        return []
    out: list[tuple[int, int]] = []
    for m in _LIST.finditer(text):
        items = _items(text, m.start(), m.end())
        if len(items) < 4:
            continue
        known = [any(p.start < e and s < p.end for p in places) for s, e in items]
        if sum(known) < 2 or sum(known) < KNOWN_SHARE * len(items):
            continue
        if _RUNS_ON.match(text, m.end()):  # "…، الجميلية، ليصبح بذلك وسط المدينة"
            items[-1] = _run_on_name(text, *items[-1])
        new = zip(items[1:], known[1:], strict=True)  # the first may run on from before
        out += [(s, e) for (s, e), k in new if not k and _name(text[s:e])]
    return out


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of the list between ``start`` and ``end`` (a و before an article dropped);
    the first may run on from the words before the list, and is then no name (so may the
    last, into the words after it: see ``_RUNS_ON``)."""
    out = []
    pos = start
    for seg in re.split(r"[،,]", text[start:end]):
        lead = len(seg) - len(seg.lstrip())
        s, e = pos + lead, pos + len(seg.rstrip())
        if text[s : s + 3] == "وال":
            s += 1  # "والمستودعات"; "وادي العنز" keeps its و
        out.append((s, e))
        pos += len(seg) + 1
    return out


def _run_on_name(text: str, s: int, e: int) -> tuple[int, int]:
    """A last item that runs on into its clause: its first word when that word has the
    article of a name ("أرنبة، الحلوبة دون تفاصيل", al-Halluba), else nothing ("ليصبح بذلك
    وسط المدينة", so that the city's centre became)."""
    first = text[s:e].split()[0]
    return (s, s + len(first)) if first.removeprefix("و").startswith("ال") else (s, s)


def _name(name: str) -> bool:
    if not name.strip():
        return False
    words = name.split()
    first = words[0].translate(AR_FOLD)
    if first in _NOT_FIRST or words[0] in _NOT_FIRST:
        return False
    return not (len(words) == 1 and first.removeprefix("ال") in ARABIC_STOPWORDS)
