"""English weekday names misspelled by one letter ("officials said Wednesady"): a capitalised
word after a word that leads a weekday ("said", "on", "late", "early" …), one edit (a letter
added, dropped, changed, or two letters swapped) from a weekday's name, is that weekday, as
a reader reads it (round 23). Names of six letters (Monday, Friday, Sunday) have English
neighbours ("Frida", "sundae", "sundry"), so they take a swap of two letters only; a plural
("Fridays") is no misspelling."""

from __future__ import annotations

import re

from ._patterns import _Cand

_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: A capitalised word of a weekday's length after a word that leads a weekday.
_CUED = re.compile(
    r"\b(?i:said|says|on|late|early|since|until|till|by|from|last|next|this|overnight|before"
    r"|after|and)\s+(?P<w>[A-Z][a-z]{4,9})\b"
)


def _swapped(a: str, b: str) -> bool:
    """Whether ``a`` is ``b`` with two neighbouring letters swapped."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
        and a[diff[1]] == b[diff[0]]  # fmt: skip


def weekday_of(word: str) -> str | None:
    """The weekday name ``word`` misspells by one edit, None when it misspells none.

    Examples
    --------
    >>> weekday_of("Wednesady"), weekday_of("Thurday"), weekday_of("Fridya")
    ('wednesday', 'thursday', 'friday')
    >>> weekday_of("Sundae"), weekday_of("Fridays"), weekday_of("Monday")
    (None, None, None)
    """
    w = word.lower()
    if w in _NAMES or w.endswith("days"):
        return None
    from rapidfuzz.distance.OSA import distance  # lazy: only for a cued word of this shape

    for name in _NAMES:
        if len(name) > 6 and distance(w, name) == 1:
            return name
        if len(name) == 6 and _swapped(w, name):
            return name
    return None


def misspelled_weekdays(text: str) -> list[_Cand]:
    """Weekday candidates of the misspelled names of ``text`` (its own offsets)."""
    out = []
    for m in _CUED.finditer(text):
        name = weekday_of(m.group("w"))
        if name is not None:
            out.append(_Cand("weekday", m.start("w"), m.end("w"), {"weekday": name, "w_d": name}))
    return out
