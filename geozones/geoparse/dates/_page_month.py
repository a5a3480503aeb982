"""Relative months and years on a page dated by its month only (``published="2019-04"``):
"last month", "le mois dernier", "الشهر الماضي", "this year" count from the page's month as
well as from its day; relative days and weeks ("yesterday", "last week") stay unresolved
(round 23)."""

from __future__ import annotations

import datetime as dt

from ._mention import DateMention
from ._patterns import _Cand
from ._resolve import _resolve, _Sentences

#: The periods a page's month settles.
_MONTH_PERIODS = frozenset(("month", "year"))


def from_page_month(
    m: DateMention, c: _Cand, text: str, month_end: dt.date, sents: _Sentences
) -> DateMention:
    """``m`` resolved from the page's month when it is a relative month or year.

    Examples
    --------
    >>> from geozones.geoparse.dates._extract import extract_dates
    >>> ms, _ = extract_dates("Last month, jets struck Aleppo.", None, month=(2019, 4))
    >>> [(x.text, x.iso) for x in ms]
    [('Last month', '2019-03')]
    """
    if c.kind != "relative":
        return m
    got = _resolve(c, text, month_end.replace(day=15), sents)
    if got is None or got.start_date is None or got.period not in _MONTH_PERIODS:
        return m
    return got
