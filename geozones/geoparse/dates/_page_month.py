"""Relative months and years on a page dated by its month only (``published="2019-04"``):
"last month", "le mois dernier", "الشهر الماضي", "this year" count from the page's month as
well as from its day; relative days and weeks ("yesterday", "last week") stay unresolved
(round 23). So do whole months and years counted back in any language ("six years ago",
"قبل ست سنوات", "vor zwei Jahren", "il y a trois mois", "iki yıl önce": round 26); a count
with a half ("vor anderthalb Jahren") is counted in days and stays unresolved."""

from __future__ import annotations

import datetime as dt

from ._mention import DateMention
from ._patterns import _Cand
from ._relative import _ago_count
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
    >>> ms, _ = extract_dates("سيطرت عليها قبل ست سنوات.", None, month=(2018, 3))
    >>> [(x.text, x.iso) for x in ms]
    [('قبل ست سنوات', '2012')]
    """
    if c.kind not in ("relative", "ago"):
        return m
    if c.kind == "ago" and _ago_count(c.groups)[0] % 1:  # "vor anderthalb Jahren": in days
        return m
    got = _resolve(c, text, month_end.replace(day=15), sents)
    if got is None or got.start_date is None or got.period not in _MONTH_PERIODS:
        return m
    return got
