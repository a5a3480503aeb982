"""The day and year a text without a page date speaks from, as a reader finds them: a
weekday it names alone and also writes with its calendar date ("Thursday night" …
"Thursday, August 15, 2019"), and the latest year it writes out, from which its "three
years ago" counts."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from . import _words as W
from ._patterns import _NUMBERS, _WD, DateMention, _Cand
from ._relative import _ago_count

#: Full dates whose weekday can be checked against the calendar.
_DATED = frozenset(("dmy", "mdy", "numeric", "iso"))
#: What may stand between a weekday and the date it names ("Thursday, August 15").
_GAP = re.compile(r"[\s,،(]*(?:(?:the|den|dem|le)\s+)?")


def _written_weekday(c: _Cand, text: str) -> int | None:
    """The weekday written right before a candidate ("Thursday, August 15, 2019")."""
    m = re.search(rf"({_WD})\W{{0,3}}$", text[max(0, c.start - 20) : c.start].translate(
        W.MATCH_FOLD), re.IGNORECASE)  # fmt: skip
    return W.WEEKDAYS.get(W.key(m.group(1))) if m else None


def named_day(
    text: str, cands: list[_Cand], resolve: Callable[..., DateMention | None]
) -> dt.date | None:
    """The story's day of a text without a page date: a full date written with its weekday
    (the calendar agreeing) when the text also names that weekday alone ("Syrian media
    reported on Thursday night …" … "At 23:06 on Thursday, August 15, 2019"): the writer's
    "Thursday" is that day, and the story is told from it. None when no such date, or when
    two different dates qualify.

    Examples
    --------
    >>> from geozones.geoparse.dates._find import _candidates
    >>> from geozones.geoparse.dates._resolve import _resolve
    >>> t = "Blasts on Thursday night. At 23:06 on Thursday, August 15, 2019, a missile hit."
    >>> named_day(t, _candidates(t), _resolve)
    datetime.date(2019, 8, 15)
    """
    dated: dict[int, set[dt.date]] = {}
    attached: set[int] = set()  # the weekday candidates written with their date
    for i, c in enumerate(cands):
        if c.kind not in _DATED:
            continue
        if i and cands[i - 1].kind == "weekday" and _GAP.fullmatch(text, cands[i - 1].end, c.start):
            attached.add(i - 1)
        wd = _written_weekday(c, text)
        if wd is None:
            continue
        d = resolve(c, text, None)
        if d is not None and d.start_date is not None and not d.relative:
            if d.start_date.weekday() == wd:
                dated.setdefault(wd, set()).add(d.start_date)
    alone = {
        W.WEEKDAYS.get(W.key(c.groups.get("w_d", "")))
        for i, c in enumerate(cands)
        if c.kind == "weekday" and i not in attached
    }
    days = {d for wd, ds in dated.items() if wd in alone for d in ds}
    return days.pop() if len(days) == 1 else None


_YEARS_AGO = re.compile(r"(?P<n>\w+)\s+years?\s+ago|(?P<last>last|past)\s+year", re.IGNORECASE)


def years_back(c: _Cand, text: str) -> int | None:
    """How many years before the writer's own year a phrase counts ("3 years ago", "last
    year", "قبل عامين", "vor drei Jahren"); None for any other phrase, or a count with a
    half.

    Examples
    --------
    >>> from geozones.geoparse.dates._find import _candidates
    >>> t = "the massacre 3 years ago"
    >>> years_back(_candidates(t)[0], t)
    3
    """
    if c.kind == "ago":
        n, unit = _ago_count(c.groups)
        return int(n) if unit == "year" and n == int(n) else None
    if c.kind != "relative":
        return None
    m = _YEARS_AGO.fullmatch(" ".join(text[c.start : c.end].split()))
    if m is None:
        return None
    if m.group("last"):
        return 1
    word = m.group("n").lower()
    return int(word) if word.isdigit() else _NUMBERS.get(word)


def from_written_year(m: DateMention, back: int, years: list[int]) -> DateMention:
    """A phrase counting years back ("3 years ago") in a text without a page date: counted
    from the latest year the text writes out (the text is not older than that year), a
    guess said so (``year_known`` False); unresolved when the text writes no year."""
    if not years:
        return m
    y = max(years) - back
    s, e = dt.date(y, 1, 1), dt.date(y, 12, 31)
    return DateMention(m.text, m.start, m.end, s, e, "year", None, True, year_known=False)
