"""Relative dates resolved against the page's: "yesterday", "last week" (through
:mod:`dateparser`), "vor fünf Tagen", "a week and a half ago", and clock times."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import math
import re

from . import _words as W
from ._patterns import _LATER, DateMention, _Cand


def _resolve_ago(c: _Cand, text: str, ref: dt.date | None) -> DateMention | None:
    """ "vor fünf Tagen", "il y a 3 jours", "iki gün önce", "قبل خمسة أيام": N units before
    the reference. "la veille", "the next day" count from the date before them (see
    ``_dates._anchor_later``): None here."""
    if c.kind in ("anchored", "later", "anchored_period"):
        return None
    g = c.groups
    n, unit = _ago_count(g)
    s = e = None
    period = "day"
    if ref is not None and n != int(n):  # "vor anderthalb Wochen": counted in days
        s = e = ref - dt.timedelta(days=math.ceil(n * _UNIT_DAYS[unit]))
        if unit in ("month", "year"):
            last = calendar.monthrange(s.year, s.month)[1]
            s, e, period = s.replace(day=1), s.replace(day=last), "month"
    elif ref is not None:
        got = _relative(f"{int(n)} {unit}s ago", ref)
        if got is None:
            return None
        s, e, period = got
    return DateMention(text[c.start : c.end], c.start, c.end, s, e, period, None, True)


#: The days of a unit, for a count with a half (a half day more is a whole day back).
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30.4, "year": 365.25}


def _ago_count(g: dict[str, str]) -> tuple[float, str]:
    """The count and unit of "vor fünf Tagen", "قبل يومين", "bir buçuk hafta önce", "a week
    and a half ago" ("and a half", "et demie", "buçuk", "ونصف", "anderthalb" add a half)."""
    word = W.key(next(v for k, v in g.items() if k.endswith("_u")))
    unit = W.UNITS.get(word, word)
    n_word = next((v for k, v in g.items() if k.endswith("_n")), None)
    if n_word is None:
        n_word, unit = unit.split() if " " in unit else ("1", unit)
    key = W.key(n_word)
    n: float = int(n_word) if n_word.isdigit() else W.HALVES.get(key) or W.NUMBERS[key]
    if any(k.endswith("_h") for k in g):
        n += 0.5
    return n, unit


@functools.lru_cache(maxsize=512)
def _relative(phrase: str, ref: dt.date) -> tuple[dt.date, dt.date, str] | None:
    """Resolve "yesterday", "two days ago", "last week", "the weekend" against ``ref``."""
    p = W.RELATIVE.get(W.key(phrase)) or " ".join(phrase.lower().split())
    if "weekend" in p:
        sat = ref - dt.timedelta(days=(ref.weekday() - 5) % 7)
        if p.startswith("next"):
            sat += dt.timedelta(days=7)
        elif p.startswith("last") and ref.weekday() in (5, 6):
            sat -= dt.timedelta(days=7)
        return sat, sat + dt.timedelta(days=1), "range"
    if _LATER.match(p):
        return None  # "four days later" counts from an event, not from the article's date
    if p in ("tonight", "this morning", "this afternoon", "this evening"):
        return ref, ref, "day"
    if p == "last night":
        d = ref - dt.timedelta(days=1)
        return d, d, "day"
    if p.startswith(("earlier this", "later this")):
        p = p.split(" ", 1)[1]
    base = dt.datetime.combine(ref, dt.time(12))
    data = _parse_relative(p, base)
    if data is None:
        return None
    d, period = data
    if period == "week":
        start = d - dt.timedelta(days=d.weekday())
        return start, start + dt.timedelta(days=6), "week"
    if period == "month":
        return d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1]), "month"
    if period == "year":
        return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31), "year"
    return d, d, "day"


def _parse_relative(phrase: str, base: dt.datetime) -> tuple[dt.date, str] | None:
    from dateparser.date import DateDataParser  # lazy: slow to import

    parser = DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "past",
            "RETURN_TIME_AS_PERIOD": False,
        },
    )
    data = parser.get_date_data(phrase)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


def _clock(s: str) -> str | None:
    s = s.lower()
    if s.startswith(("midnight", "mitternacht", "minuit", "gece", "منتصف")):
        return "00:00"
    if s.startswith("noon"):
        return "12:00"
    m = re.match(r"(\d{1,2})(?:[:.h](\d\d))?\s*([ap])?", s)
    if not m:
        return None
    h, mi = int(m.group(1)), int(m.group(2) or 0)
    if m.group(3) == "p" and h < 12:
        h += 12
    if m.group(3) == "a" and h == 12:
        h = 0
    if h > 23 or mi > 59:
        return None
    return f"{h:02d}:{mi:02d}"
