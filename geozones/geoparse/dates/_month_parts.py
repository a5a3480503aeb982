"""Parts of a month the text counts out, and days of a month named just before.

"The first two weeks of August", "les dix derniers jours de mars", "die letzten zwei
Wochen des Mai", "Ağustos'un ilk iki haftası", "الأسبوعين الأولين من آب": a counted
part of a month is the interval of its days, from the first day or up to the last
(:func:`span_of_month`); a part not counted ("early August", "the first weeks of
August", "الأسبوع الأول من آذار") stays the month, as the finder reads it.

"في الـ4 من شباط الجاري وانتهت في الـ14 منه", "le 4 février et le 14 du même mois",
"on 4 February and on the 14th of the same month": a day whose month is the one just
named ("منه", "منها": of it) is that day of the month of the date before it
(:func:`days_of_month_before`), its year as known as that date's.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace

from . import _numerals as N
from . import _words as W
from ._mention import DateMention
from ._patterns import _Cand

#: The words of a counted part that name its unit and its end.
_WEEK = re.compile(r"week|semaine|woche|hafta|اسبوع|اسابيع", re.IGNORECASE)
_LAST = re.compile(r"last|final|derni|letzten|\bson\b|اخر|الاخير", re.IGNORECASE)
_DUAL = re.compile(r"اسبوعين|يومين|beiden")


def month_of_span(c: _Cand) -> _Cand:
    """The month of a counted part of it, as the finder would give the month alone (with
    its year when written).

    Examples
    --------
    >>> c = _Cand("month_span", 0, 32, {"se_m": "August", "sp_at": "26:32"})
    >>> month_of_span(c).kind, month_of_span(c).groups
    ('month', {'m_m': 'August'})
    """
    g = c.groups
    month = next(g[k] for k in ("se_m", "sf_m", "sd_m", "sa_m", "st_m") if g.get(k))
    start, end = (int(x) for x in g["sp_at"].split(":"))
    year = g.get("sp_y") or g.get("st_y")
    if year:
        return _Cand("my", start, end, {"c_m": month, "c_y": year})
    return _Cand("month", start, end, {"m_m": month})


def span_of_month(groups: dict[str, str], first: dt.date | None) -> tuple[dt.date, dt.date]:
    """The first and last day of the part of the month starting on ``first`` that the
    words of ``groups`` count ("first two weeks": days 1-14; "last ten days": the ten
    last); ``(None, None)`` when the month is not known.

    Examples
    --------
    >>> span_of_month({"se_h": "the first two weeks"}, dt.date(2020, 8, 1))
    (datetime.date(2020, 8, 1), datetime.date(2020, 8, 14))
    >>> span_of_month({"sf_h": "les dix derniers jours"}, dt.date(2020, 3, 1))
    (datetime.date(2020, 3, 22), datetime.date(2020, 3, 31))
    """
    if first is None:
        return None, None  # type: ignore[return-value]
    head = next(groups[k] for k in ("se_h", "sf_h", "sd_h", "sa_h", "st_h") if groups.get(k))
    days = calendar.monthrange(first.year, first.month)[1]
    length = min(days, _count(head) * (7 if _WEEK.search(W.key(head)) else 1))
    if _LAST.search(W.key(head)):
        return first.replace(day=days - length + 1), first.replace(day=days)
    return first, first.replace(day=length)


def _count(head: str) -> int:
    """The number a counted part's words give ("two", "العشرة", "14", a dual)."""
    if _DUAL.search(W.key(head)):
        return 2
    for word in W.key(head).split():
        if word.isdigit():
            return int(word)
        for w in (word, word.removeprefix("ال")):
            if W.NUMBERS.get(w, 0) >= 2:
                return W.NUMBERS[w]
    return 1


#: A day of the month named before it: "في الـ14 منه", "حتى الرابع عشر منها", "يوم 14
#: منه", "the 14th of the same month", "le 14 du même mois", "am 14. desselben Monats",
#: "aynı ayın 14'ünde", "الـ14 من الشهر ذاته"; on folded text. The Arabic day needs its
#: article or a word that makes it a day ("في", "يوم", "حتى"): "أصيب 14 منها" is a count.
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_OF_IT = re.compile(
    rf"(?<!\w)(?:(?:في|يوم|حتي|لغايه|الي|و)\s*(?:الـ?\s*)?|الـ?\s*)(?P<d>{_DAY}|{W.alternation(N.AR_ORDINALS)})"
    r"\s+(?:منه|منها|من\s+(?:الشهر|ذات\s+الشهر)\s*(?:ذاته|نفسه)?)(?!\w)"
    rf"|\b(?:the\s+)?(?P<e>{_DAY})(?:st|nd|rd|th)?\s+of\s+the\s+same\s+month\b"
    rf"|\b(?:le\s+)?(?P<f>{_DAY})(?:er)?\s+du\s+m[êe]me\s+mois\b"
    rf"|\b(?:am\s+)?(?P<g>{_DAY})\.\s+(?:desselben|des\s+gleichen|des\s+selben)\s+monats\b"
    rf"|\baynı\s+ayın\s+(?P<t>{_DAY})['’]?\w*",
    re.IGNORECASE,
)
#: Words one of which every such back-reference holds (a cheap test before the expression).
_OF_IT_WORDS = ("منه", "الشهر", "same month", "même mois", "meme mois", "monats", "aynı ayın")
#: How far back the date whose month a day takes may be (the same or the next sentence).
_BACK = 200


def days_of_month_before(mentions: list[DateMention], text: str) -> list[DateMention]:
    """Add each day named by its month's back-reference ("الـ14 منه") as that day of the
    month of the date mention just before it.

    Examples
    --------
    >>> m = DateMention("4 February 2020", 3, 18, dt.date(2020, 2, 4), dt.date(2020, 2, 4), "day")
    >>> got = days_of_month_before([m], "On 4 February 2020 and on the 14th of the same month")
    >>> [(x.text, x.iso) for x in got]
    [('4 February 2020', '2020-02-04'), ('the 14th of the same month', '2020-02-14')]
    """
    low = text.lower()
    if not any(w in low for w in _OF_IT_WORDS):
        return mentions  # most texts: the full expression not run
    folded = W.match_folded(text)
    added: list[DateMention] = []
    dropped: list[DateMention] = []
    for hit in _OF_IT.finditer(folded):
        inside = [m for m in mentions if hit.start() <= m.start and m.end <= hit.end()]
        if any(m.start < hit.end() and hit.start() < m.end for m in mentions if m not in inside):
            continue  # a date of its own ("the 14th of the same month" read otherwise)
        before = [m for m in mentions if m.end <= hit.start() and hit.start() - m.end <= _BACK]
        if not before or before[-1].period not in ("day", "range", "month"):
            continue
        last = before[-1]
        word = next(hit.group(k) for k in "defgt" if hit.group(k))
        day = int(word) if word.isdigit() else N.AR_ORDINALS[W.key(word)]
        start = hit.start() + (len(hit.group()) - len(hit.group().lstrip()))
        if last.start_date is None:
            d = None
        else:
            try:
                d = last.end_date.replace(day=day)  # type: ignore[union-attr]
            except ValueError:
                continue
        dropped.extend(inside)  # "the same month", read alone before: the day's words
        added.append(
            replace(last, text=text[start : hit.end()], start=start, end=hit.end(),
                    start_date=d, end_date=d, period="day", time=None, dateline=False)
        )  # fmt: skip
    if not added:
        return mentions
    kept = [m for m in mentions if not any(m is d for d in dropped)]
    return sorted(kept + added, key=lambda m: m.start)
