"""The year of a day and month written without one, from the weekday it falls on and the
years the text writes out (a dateline "Thursday, March 5", a "dimanche 15 juillet" on a page
without date): a reader takes the one year of a plausible window whose calendar fits, and
says the year is unknown when two years fit (round 23)."""

from __future__ import annotations

import datetime as dt

from ._patterns import _Cand
from ._resolve import _nearest_year, _safe_date


def _mentioned_years(cands: list[_Cand]) -> list[int]:
    """Every year the text writes out (in full dates, months, seasons, "in 2019")."""
    return [int(v) for c in cands for k, v in c.groups.items() if k.endswith("_y")]


#: The groups of a year written with its month ("5 March 2019", "December 2019").
_MONTH_YEAR_GROUPS = frozenset("a_y b_y c_y iso_y n_y o_y or_y r1_y r2_y".split())


def _recent(cands: list[_Cand]) -> bool:
    """Whether the latest year the text writes out dates a month or a day of it (news of
    the last months), not only a year (which may be history: "the 2011 uprising")."""
    years = _mentioned_years(cands)
    return bool(years) and any(
        int(v) == max(years) for c in cands for k, v in c.groups.items() if k in _MONTH_YEAR_GROUPS
    )  # fmt: skip


#: How many years after the latest year a text writes out it may still have been written:
#: a weekday fits a day of the month once in 5 to 11 years, so a weekday dates a yearless day
#: only when one year of this window fits (round 23).
_WEEKDAY_WINDOW = 10
_RECENT_WINDOW = 2


def dateline_year(
    month: int,
    day: int,
    weekday: int | None,
    years: list[int],
    published: dt.date | None,
    recent: bool = True,
) -> tuple[int | None, bool]:
    """The year of a dateline that gives none, as a reader finds it; and whether it is sure.

    With the publication date: the year that puts the day nearest to it (sure). Else the
    article is not older than the latest year it writes out, nor more than ten years
    younger (two when that year is written with a month, ``recent``, the default: "in
    December 2019" is news of the last months; ten when it is not: "the 2011 uprising" may
    be history), so the year is that latest year itself when its calendar puts the day on
    the weekday the dateline names (a text writes out its own year), else the one year of
    the window that does (sure); when two later years of the window fit (a date falls on
    the same weekday every 5 to 11 years), the year is unknown. Without a weekday the
    latest year written is a guess (not sure); without any year the year stays unknown.

    Examples
    --------
    >>> dateline_year(3, 5, 3, [2019], None)  # Thursday, March 5, after "December 2019"
    (2020, True)
    >>> dateline_year(11, 23, 4, [2016], None, recent=False)  # Friday 23 Nov. after "2016"
    (2018, True)
    >>> dateline_year(3, 5, 3, [2019], None, recent=False)  # 2020 and 2026 both fit
    (None, False)
    >>> dateline_year(3, 5, None, [2019], None)
    (2019, False)
    """
    if published is not None:
        return _nearest_year(month, day, published), True
    if not years:
        return None, False
    lo = max(years)
    if weekday is None:
        return lo, False
    fits = [y for y in range(lo, lo + (_RECENT_WINDOW if recent else _WEEKDAY_WINDOW) + 1)
            if (d := _safe_date(y, month, day)) is not None and d.weekday() == weekday]  # fmt: skip
    if len(fits) > 1 and fits[0] != lo:  # "Saturday, Sept 8" after "2011": 2012 and 2018
        return None, False
    return (fits[0], True) if fits else (lo, False)
