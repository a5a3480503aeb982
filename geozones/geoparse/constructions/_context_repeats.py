"""One sense per text for a name placed by its context: its later bare mentions too.

A village the gazetteer does not hold (or holds under a spelling no key reaches: "Fuaa" for
OCHA's "Foah") is found only where its construction shows it ("the government-held towns of
Fuaa and Kafraya", :mod:`._unknown`). Written again later with no cue ("Fuaa and Kafraya are
more than 300 km from Damascus"), it is the same village: a reader does not forget it. Each
later occurrence of the same name, written the same way with its capital, whole (no
capitalised word glued to it), and not inside another mention, entity, date or road, takes
the first mention's reading. :mod:`._repeats` does the same for names found by sound.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .._results import PlaceMention

#: Shortest name repeated this way (a shorter one is too often another word).
REPEAT_MIN_LETTERS = 4


def repeat_context_places(
    text: str, places: list[PlaceMention], taken: list[tuple[int, int]]
) -> list[PlaceMention]:
    """``places`` with the later bare occurrences of each name placed by its context.

    Parameters
    ----------
    text : str
        The text.
    places : list of PlaceMention
        Its place mentions, in text order.
    taken : list of (int, int)
        Spans of entities, dates and roads (no place inside them).

    Returns
    -------
    list of PlaceMention
        ``places`` and the repeated mentions, in text order.

    Examples
    --------
    >>> repeat_context_places("", [], [])
    []
    """
    firsts: dict[str, PlaceMention] = {}
    for m in places:
        name = text[m.name_start : m.name_end]
        if m.kind == "place" and m.place.source == "context" and _repeatable(name):
            firsts.setdefault(name, m)
    if not firsts:
        return places
    spans = sorted([(m.start, m.end) for m in places] + list(taken))
    added = []
    for name, ref in firsts.items():
        for hit in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", text):
            s, e = hit.span()
            if s <= ref.start or any(a < e and s < b for a, b in spans) or _glued(text, s, e):
                continue
            added.append(replace(ref, text=name, start=s, end=e, name_start=s, name_end=e))
            spans.append((s, e))
    return sorted(places + added, key=lambda m: m.start) if added else places


#: A lower-case Arabic article that opens a Latin name ("al-Koum", "el-Bab").
_ARTICLE = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az)-(?=[A-Z])")


def _repeatable(name: str) -> bool:
    """A name of letters that starts with a capital, after a lower-case article if any
    ("al-Koum"), long enough to be no common word.

    Examples
    --------
    >>> _repeatable("al-Koum"), _repeatable("Kaddour"), _repeatable("al-koum")
    (True, True, False)
    """
    letters = sum(c.isalpha() for c in name)
    head = name[m.end() :] if (m := _ARTICLE.match(name)) else name
    return letters >= REPEAT_MIN_LETTERS and head[:1].isupper() and not name.isupper()


#: A capitalised word right before or after: the name is part of a longer one.
_CAP_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]+$")
_CAP_AFTER = re.compile(r"[ \t]+[A-Z]")


def _glued(text: str, s: int, e: int) -> bool:
    """Whether a capitalised word stands right before or after the span."""
    return bool(_CAP_BEFORE.search(text, max(0, s - 30), s) or _CAP_AFTER.match(text, e))
