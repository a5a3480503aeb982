"""Clock times in Arabic ("الساعة الخامسة من مساء السبت الموافق 17/9/2016", "حوالي الساعة
10 ليلاً", "الساعة 19،17"): the hour word "الساعة" with a number or an ordinal, its minutes
(after ":", ".", "،" or "والنصف"/"والربع"), and the part of the day that places it
(صباحاً, ظهراً, عصراً, مساءً, ليلاً). Joined to the day written right after or before it,
else set on the day its sentence names before it, else on the page's day, else on the day
the text names last before it (round 23). An hour of twelve or less with neither minutes
nor a part of the day says no time, and stays out."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from . import _words as W
from ._mention import DateMention

_V = "[\u064b-\u0652\u0640]*"  # harakat, tanween, shadda, tatweel
_ORDINAL_HOURS = {
    "الواحده": 1, "الثانيه": 2, "الثالثه": 3, "الرابعه": 4, "الخامسه": 5, "السادسه": 6,
    "السابعه": 7, "الثامنه": 8, "التاسعه": 9, "العاشره": 10, "الحاديه عشره": 11,
    "الثانيه عشره": 12,
}  # fmt: skip
#: Parts of the day (folded, without harakat) and how they shift an hour of 1 to 12.
_PARTS = {"صباح": "am", "صباحا": "am", "فجرا": "am", "فجر": "am", "ظهرا": "pm", "ظهر": "pm",
          "عصرا": "pm", "عصر": "pm", "مساء": "pm", "مساءا": "pm", "ليلا": "night",
          "ليل": "night", "ليله": "night", "الظهر": "pm", "الظهيره": "pm", "الفجر": "am",
          "الصباح": "am", "المساء": "pm"}  # fmt: skip
_HOUR = re.compile(
    rf"(?<!\w)(?<!مدار\s)[وفب]?(?P<span>(?:(?:حوالي|حوالى|نحو|قرابه|قبيل|بعيد)\s+)?ال{_V}س{_V}ا{_V}ع{_V}ه{_V}\s+"
    rf"(?:(?P<h>[012]?\d)(?:\s?[:.،]\s?(?P<mm>[0-5]\d))?|(?P<o>{W.alternation(_ORDINAL_HOURS)}))"
    rf"(?!\d)(?:\s+و\s?(?P<frac>النصف|الربع|نصف|ربع))?"
    rf"(?:\s+(?:من\s+)?(?:(?P<ba>بعد|قبل)\s+)?(?P<part>{W.alternation(_PARTS)}){_V}(?!\w))?)"
)


def _clock(m: re.Match[str]) -> str | None:
    """The time "HH:MM" of an hour match, None when it gives none (or none that exists)."""
    h = int(m.group("h")) if m.group("h") else _ORDINAL_HOURS[W.key(m.group("o"))]
    mm = int(m.group("mm") or 0) + {"النصف": 30, "نصف": 30, "الربع": 15, "ربع": 15}.get(
        m.group("frac") or "", 0
    )
    part = _PARTS.get(re.sub(_V, "", m.group("part") or ""))
    if m.group("ba") == "قبل" and part == "pm":  # "قبل الظهر": before noon
        part = "am"
    if h > 23 or (part is None and h <= 12 and m.group("mm") is None):
        return None
    if part in ("pm", "night") and h < 12 and not (part == "night" and h < 5):
        h += 12
    elif part in ("am", "night") and h == 12:
        h = 0
    return f"{h % 24:02d}:{mm:02d}"


def _day(m: DateMention) -> bool:
    return m.period == "day" and m.start_date is not None and m.start_date == m.end_date


def arabic_times(mentions: list[DateMention], text: str, ref: dt.date | None) -> list[DateMention]:
    """``mentions`` with the Arabic clock times of ``text`` joined to their days.

    Examples
    --------
    >>> from geozones.geoparse.dates._extract import extract_dates
    >>> ms, _ = extract_dates("قصفت الطائرات الساعة 10 ليلاً البلدة.", dt.date(2016, 9, 17))
    >>> [m.iso for m in ms]
    ['2016-09-17T22:00']
    """
    if "ساع" not in text:
        return mentions
    folded = W.match_folded(text)
    out = list(mentions)
    for hm in _HOUR.finditer(folded):
        clock = _clock(hm)
        if clock is None or any(x.start <= hm.start("span") < x.end for x in out if x.time):
            continue
        out = _attach(out, hm.start("span"), hm.end(), clock, text, ref)
    return sorted(out, key=lambda x: x.start)


_SENTENCE_END = re.compile(r"[.!?؟\n]")
#: Between an hour and the day it belongs to: "من" (of), a comma, "يوم" (on the day of).
_GLUE = re.compile(r"[\s,،]*(?:(?:من|في|يوم)\s+)?")


def _attach(
    out: list[DateMention], s: int, e: int, clock: str, text: str, ref: dt.date | None
) -> list[DateMention]:
    """Join the hour s..e to the day written right after it ("من مساء السبت الموافق …"),
    overlapping it, or right before it; else set it on the day named before it in its
    sentence, else on the page's day, else (a page without date) on the day named last
    before it."""
    for i, d in enumerate(out):
        after = d.start >= s and _GLUE.fullmatch(text, e, max(e, d.start)) or s <= d.start < e
        before = d.end <= s and len(text[d.end : s].strip(" ,،")) <= 4
        if _day(d) and not d.time and (after or before):
            a, b = min(s, d.start), max(e, d.end)
            out[i] = replace(d, text=text[a:b], start=a, end=b, time=clock)
            return out
    prior = [d for d in out if _day(d) and d.end <= s]
    same = prior and not _SENTENCE_END.search(text, prior[-1].end, s)
    day = prior[-1].start_date if same or (prior and ref is None) else ref
    if day is None:
        return out
    lone = DateMention(text[s:e].strip(), s, s + len(text[s:e].strip()), day, day, "day",
                       clock, relative=True)  # fmt: skip
    return out + [lone]
