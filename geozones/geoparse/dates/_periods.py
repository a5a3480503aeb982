"""A span of months or years the text names as one period: one interval.

"over the course of one year, from December 2015 to December 2016", "في الفترة الممتدة بين
أيلول 2013 وآذار 2014", "during the period between 2014 and 2016", "im Zeitraum von März
2015 bis Mai 2016": two months (or two years) written with their years, joined by "to",
"and", "-" after "from" or "between", are one interval when a word before them says they
are one stretch of time (a noun of a period, "الفترة", "la période", "Zeitraum", or the
duration they fill, "one year,"). Without such a word the two stay two dates, as the
written evaluation texts mark "from December 2019 to March 2020" and "Between 2017 and
2019" (round 26). Its value is the interval of the months ("2015-12/2016-12") or of the
years ("2014/2016").
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import _words as W
from ._mention import DateMention

#: Between the two ends: "to", "until", "and", a dash, "حتى", "إلى", "و" (folded).
_GLUE = re.compile(
    r"\s*(?:-|–|—|to|until|till|through|and|au|à|et|bis|und|ve|حتي|الي|لغايه|و)\s*",
    re.IGNORECASE,
)
#: What opens the span, right before its first end: "from", "between", "من", "بين" (the
#: years' own word after "بين": "بين عامي").
_OPENER = r"(?:from|between|de|du|entre|von|zwischen|من|بين)(?:\s+(?:عامي|العامين|سنتي))?\s+"
#: The word before the opener that names one stretch of time (folded, without vowel marks).
_PERIOD_BEFORE = re.compile(
    r"(?:\b(?:period|span|stretch|time|course\s+of(?:\s+\w+){0,3}"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:years?|months?)"
    r"|période|zeitraum)"
    r"|(?:الفتره|فتره|المده|مده|الحقبه)(?:\s+(?:الزمنيه|الممتده|الواقعه))?)"
    r"\s*,?\s*" + _OPENER + r"$",
    re.IGNORECASE,
)
_DIACRITICS = re.compile("[\u064b-\u0652\u0670]")
_BACK = 60


def periods_named(mentions: list[DateMention], text: str) -> list[DateMention]:
    """Two months or two years with their years, named as one period, joined into one.

    Examples
    --------
    >>> import datetime as dt
    >>> from geozones.geoparse.dates._extract import extract_dates
    >>> t = "The study ran for one year, from May 2015 to May 2016."
    >>> [(m.text, m.iso) for m in extract_dates(t, dt.date(2017, 1, 1))[0]]
    [('May 2015 to May 2016', '2015-05/2016-05')]
    """
    out: list[DateMention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        b = mentions[i + 1] if i + 1 < len(mentions) else None
        if b is not None and _one_period(a, b, text):
            assert a.start_date is not None
            period = "year" if a.period == "year" else "months"
            out.append(
                replace(b, text=text[a.start : b.end], start=a.start, start_date=a.start_date,
                        period=period, relative=False)
            )  # fmt: skip
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _one_period(a: DateMention, b: DateMention, text: str) -> bool:
    """Whether ``a`` and ``b`` are the two ends of one period the text names."""
    if a.period != b.period or a.period not in ("month", "year") or a.relative or b.relative:
        return False
    if a.start_date is None or b.start_date is None or a.start_date >= b.start_date:
        return False
    if not all(re.search(r"\d{4}", m.text.translate(W.MATCH_FOLD)) for m in (a, b)):
        return False
    if not _GLUE.fullmatch(text.translate(W.MATCH_FOLD), a.end, b.start):
        return False
    before = _DIACRITICS.sub("", text[max(0, a.start - _BACK) : a.start].translate(W.MATCH_FOLD))
    return bool(_PERIOD_BEFORE.search(before))
