"""Dates a page without its day still gives: a weekday next to a day the text writes in
full ("On 18 August 2020, a general was killed … on Tuesday"; "يوم الإثنين، المصادف الثاني
من شهر كانون الأول لعام 2019") is that day's week's, as a reader takes it (round 23)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from . import _words as W
from ._mention import DateMention

#: A year written out (in any digits): what makes a written day "full".
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


def _weekday(m: DateMention) -> int | None:
    """The one weekday a mention names, None when it names none or two."""
    days = {W.WEEKDAYS[k] for w in re.findall(r"\w+", m.text.translate(W.MATCH_FOLD))
            if (k := W.key(w)) in W.WEEKDAYS}  # fmt: skip
    return days.pop() if len(days) == 1 else None


def _full_day(m: DateMention) -> bool:
    """A single day written with its month and year ("18 August 2020", "2/12/2019")."""
    return (
        m.period == "day"
        and m.start_date is not None
        and m.start_date == m.end_date
        and not m.relative
        and m.year_known
        and bool(_YEAR.search(m.text.translate(W.DIGITS)))
    )


def weekdays_by_written_day(mentions: list[DateMention], text: str) -> list[DateMention]:
    """An unresolved weekday (the page gives no day) in a paragraph that writes a day in
    full: the date of that weekday on or before the written day (within six days), when
    the paragraph writes one such day; unchanged otherwise.

    Examples
    --------
    >>> from geozones.geoparse.dates._extract import extract_dates
    >>> ms, _ = extract_dates("On 18 August 2020, a blast hit a convoy on Tuesday.", None)
    >>> [(m.text, m.iso) for m in ms]
    [('18 August 2020', '2020-08-18'), ('on Tuesday', '2020-08-18')]
    """
    full = [m for m in mentions if _full_day(m)]
    if not full:
        return mentions
    mentions = _apposed_weekdays(mentions, full, text)
    out = []
    for m in mentions:
        if m.start_date is None and _WEEK.get(W.RELATIVE.get(k := W.key(m.text), k)) is not None:
            out.append(_week_of_written_days(m, full, text))
            continue
        wd = _weekday(m) if m.start_date is None and m.period == "day" else None
        day = _nearest_in_paragraph(m, full, text) if wd is not None else None
        if wd is not None and day is None:
            day = _latest_on_weekday(wd, full)  # "held Friday" … "on November 11, 2016"
        if wd is not None and day is not None:
            d = day - dt.timedelta(days=(day.weekday() - wd) % 7)
            m = replace(m, start_date=d, end_date=d, relative=True)
        out.append(m)
    return out


def _nearest_in_paragraph(m: DateMention, full: list[DateMention], text: str) -> dt.date | None:
    """The one day ``m``'s paragraph writes in full; None when it writes none or several
    ("On Friday, 5 July 2019 and on Friday, 12 July 2019"), or one whose own weekday the
    calendar contradicts ("Tuesday 15/12/2017" was a Friday)."""
    para = (text.rfind("\n", 0, m.start) + 1, (text.find("\n", m.end) + 1 or len(text) + 1) - 1)
    days = {f.start_date for f in full if para[0] <= f.start and f.end <= para[1]}
    day = days.pop() if len(days) == 1 else None
    if day is None:
        return None
    named = [w for f in full if f.start_date == day and (w := _weekday(f)) is not None]
    return day if all(w == day.weekday() for w in named) else None


def _latest_on_weekday(wd: int, full: list[DateMention]) -> dt.date | None:
    """The day a weekday names, read outside its paragraph (a parade "held Friday" in the
    lead, "on November 11, 2016" in the photo's caption): the latest day the text writes in
    full, when it falls on that very weekday and no other day written in full does; None
    otherwise (round 25).

    Examples
    --------
    >>> from geozones.geoparse.dates._extract import extract_dates
    >>> t = "A parade was held Friday.\\nA photo of the parade on November 11, 2016."
    >>> [(m.text, m.iso) for m in extract_dates(t, None)[0]]
    [('Friday', '2016-11-11'), ('November 11, 2016', '2016-11-11')]
    """
    days = sorted({f.start_date for f in full if f.start_date is not None})
    on_day = [d for d in days if d.weekday() == wd]
    return days[-1] if len(on_day) == 1 and on_day[0] == days[-1] else None


#: "last week", "this week" in every language (by :data:`W.RELATIVE`'s English value).
_WEEK = {"last week": -1, "this week": 0}


def _week_of_written_days(m: DateMention, full: list[DateMention], text: str) -> DateMention:
    """An unresolved "last week"/"this week" (the page gives no day) in a paragraph whose
    days written in full all fall in one week (Monday to Sunday): that week, the week of
    the events it tells ("الأسبوع الماضي" … "يوم الاثنين 6-5-2019" … "يوم الثلاثاء
    7-5-2019"); unchanged otherwise."""
    para = (text.rfind("\n", 0, m.start) + 1, (text.find("\n", m.end) + 1 or len(text) + 1) - 1)
    days = [f.start_date for f in full if para[0] <= f.start and f.end <= para[1] and f.start_date]
    mondays = {d - dt.timedelta(days=d.weekday()) for d in days}
    if len(mondays) != 1:
        return m
    monday = mondays.pop()
    return replace(m, start_date=monday, end_date=monday + dt.timedelta(days=6), period="week",
                   relative=True)  # fmt: skip


#: Between a weekday and the date it falls on, in apposition: "يوم الإثنين، المصادف …",
#: "، الموافق …", "، الواقع في …" (the day falling on).
_APPOSITION = re.compile(r"\s*[،,]\s*(?:المصادف|الموافق|الواقع(?:\s+في)?)\s+")


def _apposed_weekdays(
    mentions: list[DateMention], full: list[DateMention], text: str
) -> list[DateMention]:
    """A weekday followed, after a comma, by "المصادف"/"الموافق" and a day written in full
    on that weekday: that day, whatever the page's date says."""
    starts = {f.start: f.start_date for f in full}
    out = []
    for m in mentions:
        g = _APPOSITION.match(text, m.end)
        day = starts.get(g.end()) if g else None
        if day is not None and m.period == "day" and _weekday(m) == day.weekday():
            m = replace(m, start_date=day, end_date=day, relative=True)
        out.append(m)
    return out
