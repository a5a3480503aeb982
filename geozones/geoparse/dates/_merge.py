"""Date mentions joined and anchored: ranges ("from 5 March to 7 March"), clock times and
weekdays attached to their day, the night of one weekday to the next, a start at
midnight, and days counted from the date named before them ("four days later", "la
veille", "zwei Tage später")."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace

from . import _words as W
from ._patterns import (
    _LATER,
    _NUMBERS,
    _RANGE_GLUE,
    _RANGE_OPENER,
    _TIME_GLUE,
    _WD,
    DateMention,
    _Cand,
)

# --------------------------------------------------------------------------- merging


def _merge(mentions: list[DateMention], text: str) -> list[DateMention]:
    """Join ranges ("from 5 March to 7 March") and attach clock times to their day."""
    out: list[DateMention] = []
    mentions = _years_from_end(mentions, text)  # "30 August to 2 September 2018"
    i = 0
    while i < len(mentions):
        a = mentions[i]
        b = mentions[i + 1] if i + 1 < len(mentions) else None
        if b is not None:
            gap = text[a.end : b.start]
            joined = (
                _join_range(a, b, gap, text)
                or _join_months(a, b, gap)
                or _join_time(a, b, gap, text)
                or _join_weekday(a, b, gap, text)
                or (_night_of(a, b, text) if _NIGHT_GLUE.fullmatch(gap) else None)
            )
            if joined is not None:
                mentions[i + 1] = joined
                i += 1
                continue
        if a.period != "time":  # a clock time alone says no date
            out.append(a)
        elif (start := _midnight_start(a, mentions, text)) is not None:
            out.append(start)
        i += 1
    return out


#: What stands between "today" and the date that says which day it is ("this evening
#: Saturday 20 June 2020", "اليوم, الأربعاء 13 تشرين الثاني/نوفمبر 2019", "yesterday (5 March)").
_APPOSED_GAP = re.compile(r"\s*[,،(]?\s*")
#: The words of the writer's day (folded): "today", "this evening", "yesterday", "اليوم", "أمس".
_DEICTIC = re.compile(
    r"(?:today|tonight|yesterday|last\s+night|this\s+(?:morning|afternoon|evening)|heute"
    r"|gestern|aujourd['’]hui|hier|bugün|dün|(?:(?:صباح|مساء|ليله|ليل|ظهر|فجر)\s+)?(?:اليوم|امس))",
    re.IGNORECASE,
)


def _apposed(mentions: list[DateMention], text: str) -> list[DateMention]:
    """ "today", "this evening", "اليوم", "أمس" right before a written date ("this evening
    Saturday 20 June 2020", "اليوم, الأربعاء 13 تشرين الثاني/نوفمبر 2019"): the day the
    written date says, which tells the writer's day better than the page's date does (a
    page dated the next morning). Side by side ("this evening Saturday 20 June 2020") the
    two are one date; after a comma or in brackets ("yesterday, Monday, 21 December 2020",
    "اليوم (الثلاثاء 4 آب)") the written date is a second mention of the same day, as the
    set marks them (and "Saturday (10 March)")."""
    out: list[DateMention] = []
    for m in mentions:
        a = out[-1] if out else None
        if (
            a is not None
            and a.relative
            and a.period == "day"
            and not a.time
            and _DEICTIC.fullmatch(a.text.translate(W.MATCH_FOLD).strip())
            and m.period == "day"
            and m.start_date is not None
            and re.search(r"\d", m.text)
            and _APPOSED_GAP.fullmatch(text, a.end, m.start)
        ):
            if not text[a.end : m.start].strip():
                out[-1] = replace(m, text=text[a.start : m.end], start=a.start)
                continue
            out[-1] = replace(a, start_date=m.start_date, end_date=m.end_date)
        out.append(m)
    return out


#: Between a vague period and the day that says which ("earlier this month on August 7,
#: 2018", "last week, on 3 March").
_NARROWED_GAP = re.compile(r"\s*,?\s*(?:on|le|am)?\s*", re.IGNORECASE)


def _narrowed(mentions: list[DateMention], text: str) -> list[DateMention]:
    """A relative period ("earlier this month", "last week") right before a day that falls
    in it ("Earlier this month on August 7, 2018"): the day says when, the period only
    leads to it, so the period is no date of its own (round 25).

    Examples
    --------
    >>> from geozones.geoparse.dates._extract import extract_dates
    >>> t = "Earlier this month on August 7, 2018, the schools closed."
    >>> [(m.text, m.iso) for m in extract_dates(t, dt.date(2018, 8, 28))[0]]
    [('August 7, 2018', '2018-08-07')]
    """
    out: list[DateMention] = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            nxt is not None
            and m.relative
            and m.period in ("week", "month", "year")
            and m.start_date is not None
            and m.end_date is not None
            and nxt.period == "day"
            and nxt.start_date is not None
            and m.start_date <= nxt.start_date <= m.end_date
            and re.search(r"\d", nxt.text)
            and _NARROWED_GAP.fullmatch(text, m.end, nxt.start)
        ):
            continue
        out.append(m)
    return out


#: A start said before a time ("ab Mitternacht", "from midnight", "اعتبارا من منتصف الليل").
_START_BEFORE = re.compile(
    r"(?:\b(?:ab|from|as of|starting|effective|à partir de|dès)|اعتبارا من|ابتداء من)\s+$",
    re.IGNORECASE,
)


def _midnight_start(t: DateMention, mentions: list[DateMention], text: str) -> DateMention | None:
    """ "Die Feuerpause gelte ab Mitternacht, sagte Erdogan am Donnerstagabend": a start
    at midnight with no day of its own is the midnight that ends the day its sentence
    names (the day the words were said)."""
    if t.time != "00:00" or not _START_BEFORE.search(text[max(0, t.start - 16) : t.start]):
        return None
    a = max((m.end() for m in re.finditer(r"[.!?\n]", text[: t.start])), default=0)
    b = next((m.start() for m in re.finditer(r"[.!?\n]", text[t.end :])), len(text) - t.end)
    days = [m for m in mentions if m.period == "day" and m.start_date and a <= m.start
            and m.end <= t.end + b]  # fmt: skip
    if not days:
        return None
    d = min(days, key=lambda m: abs(m.start - t.start)).start_date
    assert d is not None
    nxt = d + dt.timedelta(days=1)
    return DateMention(t.text, t.start, t.end, nxt, nxt, "day", "00:00", True)


def _join_range(a: DateMention, b: DateMention, gap: str, text: str) -> DateMention | None:
    if a.period != "day" or b.period != "day" or a.time or b.time:
        return None
    if not _RANGE_GLUE.match(gap):
        return None
    if gap.strip().lower() in _AND and not _RANGE_OPENER.search(
        text[max(0, a.start - 10) : a.start]
    ):
        return None
    night = _night_of(a, b, text)
    if night is not None:
        return night
    first = _year_of_end(a, b)
    if first is None or b.start_date is None or b.start_date <= first:
        return None
    return DateMention(
        text[a.start : b.end], a.start, b.end, first, b.end_date, "range",
        None, a.relative or b.relative,
    )  # fmt: skip


def _join_months(a: DateMention, b: DateMention, gap: str) -> DateMention | None:
    """Two months, the second with its year ("from May to June 2019", "May and June 2019",
    "أيار وحزيران 2019"): one span over both, in that year (the first month the year
    before when it comes later in the calendar); joined by "and" only when they follow
    each other ("April and August 2019" are two months). Round 23."""
    if a.period != "month" or b.period != "month" or b.start_date is None or b.relative:
        return None
    if not _RANGE_GLUE.match(gap) or re.search(r"\d", a.text.translate(W.DIGITS)):
        return None
    name = _MONTH_NAME.search(a.text.translate(W.MATCH_FOLD).lower())
    if name is None:
        return None
    month, end = W.MONTHS[W.key(name.group())], b.start_date
    if gap.strip().lower() in _AND and month % 12 + 1 != end.month:
        return None
    first = dt.date(end.year - (month > end.month), month, 1)
    return DateMention(a.text + gap + b.text, a.start, b.end, first, b.end_date, "range")


def _year_of_end(a: DateMention, b: DateMention) -> dt.date | None:
    """The first day of a range, in the year its end writes when it writes none ("from
    March 3 to March 5, 2019": 3 March 2019, not of the page's year); when neither writes
    one, in the year the end was given ("From February 12 to May 22" on a page of September
    2017: the start, nearer to the page in 2018, runs up to its end in 2017; round 25)."""
    d = a.start_date
    if d is None or b.start_date is None or re.search(r"\d{4}", a.text.translate(W.DIGITS)):
        return d
    if not _MONTH_NAME.search(a.text.translate(W.MATCH_FOLD).lower()):
        return d  # a weekday ("from Monday to 2 September 2018") keeps its week
    for year in (b.start_date.year, b.start_date.year - 1):  # "December 30 to January 2, 2020"
        try:
            if (first := d.replace(year=year)) < b.start_date:
                return first
        except ValueError:  # 29 February
            return d
    return d


_NIGHT = re.compile(
    r"(?:ليله|ليل|night\s+(?:of|from)|nuit\s+(?:de|du)|nacht\s+(?:von|zum|auf))\s+\S+$",
    re.IGNORECASE,
)


#: Between the two days of an Arabic night, besides a range's words: "ليلة الأحد على
#: الاثنين", "ليل السبت إلى الأحد" (the set marks such a night as one date, its first day;
#: "la nuit de mercredi à jeudi" as two, each its day, as the French words name them).
_NIGHT_GLUE = re.compile(r"\s*(?:على|الى|إلى|_)\s*")


def _night_of(a: DateMention, b: DateMention, text: str) -> DateMention | None:
    """ "ليلة الأحد – الاثنين", "ليل الثلاثاء الأربعاء", "the night of Sunday to Monday":
    the night that the first day begins, when the second is the day after (or, on a page
    without date, when the second weekday follows the first: one night, its week unknown)."""
    if a.start_date is None and b.start_date is None:
        if (_weekday_of(b) - _weekday_of(a)) % 7 != 1:
            return None
    elif a.start_date is None or b.start_date is None or (b.start_date - a.start_date).days != 1:
        return None
    if not _NIGHT.search((text[max(0, a.start - 12) : a.start] + a.text).translate(W.MATCH_FOLD)):
        return None
    return replace(a, text=text[a.start : b.end], end=b.end)


def _weekday_of(m: DateMention) -> int:
    """The weekday a mention ends with, -9 when it names none."""
    words = re.findall(r"\w+", m.text.translate(W.MATCH_FOLD))
    return W.WEEKDAYS.get(W.key(words[-1]), -9) if words else -9


#: What stands between a weekday and its date: a comma, an article ("dem", "le", "the"),
#: "الموافق" (corresponding to), after the Hijri date that the Gregorian one follows
#: ("الأحد 22 ربيع الأول 1441هـ الموافق 17 نوفمبر"). Not a bracket: "Saturday (10 March)"
#: is two mentions of the same day, as the set marks them.
_WEEKDAY_GAP = re.compile(
    r"\s*[,،]?\s*(?:(?:the|den|dem|le)\s+)?|\s*/\s*"
    r"|\s*[،,]?\s*(?:\d{1,2}\s+(?:[^\W\d]+\s+){1,2}\d{4}\s*(?:هـ|ه)?\s*[،,]?\s*)?"
    r"الموافق(?:ة|\s+ل)?\s*",
    re.IGNORECASE,
)
#: A weekday, and the word after it that says the last or the next one ("السبت الماضي").
_ENDS_WEEKDAY = re.compile(
    rf"{_WD}(?:\s+(?:dernier|prochain|الماضي|الماضيه|الفائت|المقبل|المقبله|القادم|القادمه))?$",
    re.IGNORECASE,
)


def _join_weekday(a: DateMention, b: DateMention, gap: str, text: str) -> DateMention | None:
    """ "Saturday, February 24, 2018", "am Samstag, dem 18. Juli", "samedi dernier, le 20
    juillet", "يوم السبت الماضي 18 سبتمبر 2020": the calendar date settles the weekday."""
    if not _WEEKDAY_GAP.fullmatch(gap) or b.period != "day":
        return None
    if not _ENDS_WEEKDAY.search(a.text.translate(W.MATCH_FOLD)):
        return _weekday_after(a, b, gap, text)
    if "/" in gap:  # "ليلة السبت/الأحد": only a night's two days
        return None if re.search(r"\d", b.text) else _night_of(a, b, text)
    if not re.search(r"\d", b.text):  # a second weekday: "ليل الثلاثاء الأربعاء"
        return _night_of(a, b, text)
    if b.relative and b.start_date is None and a.start_date is not None:
        return None
    return _month_by_weekday(replace(b, text=text[a.start : b.end], start=a.start))


def _weekday_after(a: DateMention, b: DateMention, gap: str, text: str) -> DateMention | None:
    """ "5 Mart Perşembe günü", "le 5 mars, jeudi": a weekday right after its day is that
    day's (the written date settles it)."""
    if a.period != "day" or a.start_date is None or not re.search(r"\d", a.text):
        return None
    if re.search(r"\d", b.text) or not re.fullmatch(r"\s*[,،]?\s*", gap):
        return None
    if not re.fullmatch(rf"{_WD}", b.text.translate(W.MATCH_FOLD).strip(), re.IGNORECASE):
        return None
    return _month_by_weekday(replace(a, text=text[a.start : b.end], end=b.end))


#: A month's name in any language (folded, lower case): the two names of a month pair.
_MONTH_NAME = re.compile(rf"(?<!\w)(?:{W.alternation(W.MONTHS)})(?!\w)")


def _month_by_weekday(m: DateMention) -> DateMention:
    """A day written with a month pair whose names disagree ("الأحد 12 حزيران/ يوليو 2020",
    June and July): the weekday the text names settles the month, as a reader checks it
    (12 July 2020 was a Sunday, 12 June a Friday); the first name when neither fits."""
    d = m.start_date
    if d is None or m.period != "day" or m.end_date != d:
        return m
    folded = m.text.translate(W.MATCH_FOLD).lower()
    days = {W.WEEKDAYS[k] for w in re.findall(r"\w+", folded) if (k := W.key(w)) in W.WEEKDAYS}
    months = {W.MONTHS[W.key(x.group())] for x in _MONTH_NAME.finditer(folded)}
    if len(days) != 1 or len(months) != 2 or d.weekday() in days:
        return m
    for month in months - {d.month}:
        if d.day <= calendar.monthrange(d.year, month)[1]:
            alt = d.replace(month=month)
            if alt.weekday() in days:
                return replace(m, start_date=alt, end_date=alt)
    return m


def _join_time(a: DateMention, b: DateMention, gap: str, text: str) -> DateMention | None:
    t, d = (a, b) if a.period == "time" else (b, a)
    if t.period != "time" or d.period != "day" or d.time or len(gap) > 16:
        return None
    if not _TIME_GLUE.match(gap):
        return None
    return DateMention(
        text[a.start : b.end], a.start, b.end, d.start_date, d.end_date, "day", t.time, d.relative
    )


def _anchor_later(mentions: list[DateMention], cands: list[_Cand], text: str) -> list[DateMention]:
    """Resolve "four days later" / "two weeks earlier" from the date mentioned just before."""
    have = {(m.start, m.end) for m in mentions}
    extra = []
    ordered = sorted(mentions, key=lambda x: x.end)
    i, prev = 0, None  # the last resolved day or range ending before the candidate
    last = None  # the last resolved date of any period ending before it
    near = None  # the last date ending before it, resolved or not
    for c in sorted(cands, key=lambda c: c.start):
        while i < len(ordered) and ordered[i].end <= c.start:
            x = near = ordered[i]
            if x.start_date and x.period in ("day", "range"):
                prev = x
            if x.start_date and x.period in ("day", "range", "month", "year"):
                last = x
            i += 1
        kinds = ("relative", "anchored", "later", "anchored_period")
        if c.kind not in kinds or (c.start, c.end) in have:
            continue
        if c.kind == "anchored_period" and near is not None and near.start_date is None:
            extra.append(_unresolved_period(c, text))  # "الشهر الذى سبقه" of a yearless day
            continue
        if (got := _period_later(last, c, text)) is not None:  # "the following year"
            extra.append(got)
            continue
        if prev is None or c.kind == "anchored_period":
            continue
        if c.kind != "relative":  # "la veille", "the next day", "zwei Tage später"
            if c.groups.get("an_e") and not _dates_event(prev, c.groups["an_e"], text[: c.start]):
                continue  # "the day before the vote": a vote no date before names
            extra.append(_next_to(prev, c, text))
            continue
        m = _LATER.match(" ".join(text[c.start : c.end].lower().split()))
        if not m:
            continue
        n = _NUMBERS.get(m.group("n"), None)
        n = int(m.group("n")) if n is None and m.group("n").isdigit() else n
        if n is None:
            continue
        sign = 1 if m.group("d") == "later" else -1
        base = prev.end_date or prev.start_date
        assert base is not None
        d = _shift(base, sign * n, m.group("u"))
        extra.append(
            DateMention(
                text[c.start : c.end],
                c.start,
                c.end,
                d,
                d,
                "day",
                None,
                True,
                year_known=prev.year_known,
            )  # fmt: skip
        )
    return sorted(mentions + extra, key=lambda x: x.start)


#: A preposition of a span before "the previous year" ("over the previous year", "throughout
#: the preceding month"): a stretch of time lasting up to the time told, which the set leaves
#: unmarked (704), not the year before a date named earlier (round 27).
_SPAN_BEFORE = re.compile(r"\b(?:over|throughout)\s+$", re.IGNORECASE)
#: The words of "the year after" and "the year before" ("l'année précédente", "im Jahr darauf").
_BEFORE_WORDS = ("previous", "preceding", "précédent", "précédente")
#: The groups of an anchored period that hold its unit, and those of "that (same) month".
_SAME_GROUPS = ("ap_su", "ap_sf", "ap_sd", "ap_st", "ap_sa", "ap_sa2", "ap_sa3", "ap_sa4")
_UNIT_GROUPS = (
    "ap_enu", "ap_fy", "ap_fm", "ap_deu", "ap_deu2", "ap_tru", "ap_aru", "ap_arb", *_SAME_GROUPS
)  # fmt: skip


def _period_later(last: DateMention | None, c: _Cand, text: str) -> DateMention | None:
    """ "The following year" after "March 2013" is 2014; "a year later", "ein Jahr später"
    after a month or a year are that month or year shifted ("March 2014"): the year or
    month counted from the date named before, in that date's own period."""
    if last is None or last.start_date is None or last.end_date is None:
        return None
    g = c.groups
    if c.kind == "anchored_period":
        if _SPAN_BEFORE.search(text, max(0, c.start - 20), c.start):
            return None  # "poured in over the previous year": a span up to now, no year named
        unit = next(v for k, v in g.items() if k in _UNIT_GROUPS)
        unit = "month" if W.key(unit) in ("month", "mois", "monat", "ay", "الشهر") else "year"
        back = "ap_arb" in g or any(
            g.get(k, "").lower() in _BEFORE_WORDS for k in ("ap_en", "ap_fyd", "ap_fmd")
        )
        n = 0 if any(k in g for k in _SAME_GROUPS) else -1 if back else 1
        if n == 0 and unit == "month" and last.period == "year":
            return None  # "that month" after a year: which month is not said
        period = unit if unit == "year" or last.period != "year" else "year"
    elif last.period in ("month", "year") and (got := _later_count(c, text)) is not None:
        n, unit = got
        if unit not in ("month", "year") or (unit == "month" and last.period == "year"):
            return None
        period = last.period
    else:
        return None
    base = last.start_date if n < 0 else last.end_date
    d = _shift(base.replace(day=1), n if unit == "month" else 12 * n, "month")
    if period == "year":
        s, e = dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
    else:
        s, e = d, d.replace(day=calendar.monthrange(d.year, d.month)[1])
    return DateMention(
        text[c.start : c.end], c.start, c.end, s, e, period, None, True, year_known=last.year_known
    )


def _unresolved_period(c: _Cand, text: str) -> DateMention:
    """ "The month before it" after a date whose year is unknown: a date, unresolved."""
    unit = next(v for k, v in c.groups.items() if k in _UNIT_GROUPS)
    period = "month" if W.key(unit) in ("month", "mois", "monat", "ay", "الشهر") else "year"
    return DateMention(text[c.start : c.end], c.start, c.end, None, None, period, None, True)


def _later_count(c: _Cand, text: str) -> tuple[int, str] | None:
    """The signed count and unit of "a year later", "two months earlier", "ein Jahr später"."""
    if c.kind == "later":
        n, unit = _count(c.groups)
        return (-n if c.groups.get("lt_d", "sonra").lower() in _EARLIER else n), unit
    words = " ".join(text[c.start : c.end].lower().split())
    m = _LATER.match(words) if c.kind == "relative" else None
    if m is None:
        return None
    got = _NUMBERS.get(m.group("n"))
    got = int(m.group("n")) if got is None and m.group("n").isdigit() else got
    if got is None:
        return None
    return (got if m.group("d") == "later" else -got), m.group("u")


def _next_to(prev: DateMention, c: _Cand, text: str) -> DateMention:
    """ "la veille", "am Vortag", "the next day": the day before the date named before it
    (before its first day), or after it (after its last)."""
    if c.kind == "later":
        n, unit = _count(c.groups)
        if c.groups.get("lt_d", "sonra").lower() in _EARLIER:
            n = -n
    else:
        written = text[c.start : c.end]
        if c.groups.get("an_e"):  # "the day before the visit": "the day before"
            written = " ".join(written.split()[:3])
        n, unit = W.ANCHORED[W.key(written)], "day"
    base = prev.start_date if n < 0 else prev.end_date
    assert base is not None
    d = _shift(base, n, unit)
    return DateMention(
        text[c.start : c.end], c.start, c.end, d, d, "day", None, True, year_known=prev.year_known
    )


def _dates_event(prev: DateMention, event: str, text: str) -> bool:
    """Whether the date named before "the day before the <event>" is that event's: its
    sentence, up to that phrase, names the event ("his visit …, which had been scheduled for
    August 10, 2017" … "the day before the visit"; round 25).

    Examples
    --------
    >>> t = "His visit was set for August 10, 2017."
    >>> d = dt.date(2017, 8, 10)
    >>> prev = DateMention("August 10, 2017", 22, 37, d, d, "day")
    >>> _dates_event(prev, "visit", t), _dates_event(prev, "vote", t)
    (True, False)
    """
    a = max(text.rfind(s, 0, prev.start) for s in (". ", "\n", "! ", "? ")) + 1
    ends = [i for s in (". ", "\n", "! ", "? ") if (i := text.find(s, prev.end)) >= 0]
    sentence = text[a : min(ends, default=len(text))].lower()
    return re.search(rf"\b{re.escape(event.lower())}\b", sentence) is not None


#: The words of "N days earlier" in German and French.
_EARLIER = frozenset(["zuvor", "früher", "plus tôt", "auparavant"])


def _count(g: dict[str, str]) -> tuple[int, str]:
    """The number and unit of "zwei Tage später", "بعد ثلاثة أيام", "بعد يومين"."""
    unit = W.UNITS[W.key(next(v for k, v in g.items() if k.endswith("_u")))]
    word = next((v for k, v in g.items() if k.endswith("_n")), None)
    if word is None:
        word, unit = unit.split() if " " in unit else ("1", unit)
    return (int(word) if word.isdigit() else W.NUMBERS[W.key(word)]), unit


def _shift(d: dt.date, n: int, unit: str) -> dt.date:
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    months = d.month - 1 + (n if unit == "month" else 12 * n)
    y, m = d.year + months // 12, months % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


#: The words "and" that join a range's two days only after "between" or "from".
_AND = frozenset(("and", "et", "und", "و"))


def _years_from_end(mentions: list[DateMention], text: str) -> list[DateMention]:
    """Each day without year before a day with its year, joined to it as a span or a list
    ("from 30 August to 2 September 2018", "on 30 August and 2 September 2018", "بين 28
    كانون الأول و2 كانون الثاني 2019"), in that year (:func:`_in_year_of_end`)."""
    out = list(mentions)
    for i in range(len(out) - 2, -1, -1):
        if _RANGE_GLUE.match(text[out[i].end : out[i + 1].start]):
            out[i] = _in_year_of_end(out[i], out[i + 1])
    return out


def _in_year_of_end(a: DateMention, b: DateMention) -> DateMention:
    """The first day of a span over two months whose year only the last day writes ("from
    30 August to 2 September 2018", "من 30 آب حتى 2 أيلول 2018", "du 28 décembre au 2
    janvier 2019"): in the year that puts it within a year before the last day, as a reader
    reads it; unchanged when its own year is written."""
    if not a.relative or b.relative or a.start_date is None or b.start_date is None:
        return a
    if not _MONTH_NAME.search(a.text.translate(W.MATCH_FOLD).lower()):
        return a  # a weekday or a word of time, not a day of a month
    s = a.start_date
    for year in (b.start_date.year, b.start_date.year - 1):
        day = _safe_day(year, s.month, s.day)
        last = b.end_date or b.start_date  # "9 نيسان - نيسان 2020": within the end, same year
        if day is not None and (day < b.start_date or day <= last) and (last - day).days < 366:
            return replace(a, start_date=day, end_date=day)
    return a


def _safe_day(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None
