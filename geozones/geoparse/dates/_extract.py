"""Dates in news text: the candidates of :mod:`._date_patterns`, resolved one by one by
:mod:`._date_resolve`, then merged (ranges, times) and counted from each other by
:mod:`._date_merge`, anchored on the article's dateline (or its lead's day).

The finder is a handful of regular expressions over English news prose (day
month year, month day, month year, ISO, ranges, weekdays, relative words,
clock times). Each candidate is then resolved against a reference date (the
caller's, or the article's own dateline): absolute parts are checked with the
calendar, relative expressions ("yesterday", "two days ago", "last week") go
through :mod:`dateparser` with ``RELATIVE_BASE`` set to the reference.
``dateparser.search.search_dates`` is not used: it is slow and it finds
"dates" in ordinary numbers.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace

from . import _words as W
from ._ar_times import arabic_times
from ._filters import _bound
from ._find import _candidates
from ._merge import _anchor_later, _apposed, _count, _merge, _narrowed, _shift
from ._month_parts import days_of_month_before
from ._page_month import from_page_month
from ._patterns import (
    _FULL,
    _RANGE_GLUE,
    _WD,
    _YEARLESS,
    DateMention,
    _Cand,
)
from ._periods import periods_named
from ._resolve import (
    _day,
    _month,
    _resolve,
    _safe_date,
    _Sentences,
)
from ._story import from_written_year, named_day, years_back
from ._tweet import tweet_days
from ._weekday_year import _mentioned_years, _recent, dateline_year
from ._written_day import weekdays_by_written_day

# dateline forms: "ANKARA, March 5 (Reuters) -", "Moscow, 5 March 2020 —", "Published: …"
_DATELINE_RE = re.compile(
    r"^\s*(?P<city>[A-Z][\w'’.\- ]{1,40}?)(?:/[\w ]+)?,\s*(?P<date>[^()\n—–-]{3,40}?)\s*"
    r"(?:\((?P<agency>[^)\n]{1,40})\)\s*)?[—–-]",
    re.MULTILINE,
)
_PUBLISHED_RE = re.compile(
    r"^\s*(?:Published|Updated|Posted|Date|Dated|First published)\s*(?:on|at)?\s*:?\s*"
    r"(?P<date>[^\n]{4,60})$",
    re.IGNORECASE | re.MULTILINE,
)


# --------------------------------------------------------------------------- dateline


def find_dateline(text: str, head: int = 600) -> tuple[int, int, dt.date | None, bool]:
    """Find the article's own date near its top.

    Returns
    -------
    (start, end, date, has_year)
        Offsets of the date words in ``text`` (``-1, -1, None, False`` when none).

    Examples
    --------
    >>> find_dateline("Moscow, 5 March 2020 — Talks ended.")[2]
    datetime.date(2020, 3, 5)
    """
    top = text[:head]
    for rx in (_DATELINE_RE, _PUBLISHED_RE):
        for m in rx.finditer(top):
            seg_start = m.start("date")
            for c in _candidates(m.group("date")):
                if c.kind in ("dmy", "mdy", "iso", "numeric"):
                    d = _resolve(c, m.group("date"), None)
                    p = "a" if c.kind == "dmy" else "b"
                    has_year = c.kind in ("iso", "numeric") or bool(c.groups.get(f"{p}_y"))
                    if has_year and d is not None:
                        return seg_start + c.start, seg_start + c.end, d.start_date, True
                    if not has_year:
                        m_, d_ = _month(c.groups[f"{p}_m"]), _day(c.groups[f"{p}_d"])
                        return seg_start + c.start, seg_start + c.end, dt.date(2000, m_, d_), False
            break
    return -1, -1, None, False


#: How much older than the page a lead's day must be to date the story instead of the
#: page: a day or two is the writer's own news of yesterday, told on the page's day.
_LEAD_GAP = dt.timedelta(days=3)
#: How far into the text the lead sentence that dates the story may run.
_LEAD_CHARS = 320


def _lead_day(text: str, cands: list[_Cand]) -> dt.date | None:
    """The story's day when its lead names it with its weekday ("Douma was shelled on
    Friday, 18 November 2016"): the first full date of the text, in its first sentences,
    right after the weekday it falls on. A weekday that agrees with the calendar says
    "this day", the day the writer's "yesterday" counts from."""
    for c in cands:
        if c.start > _LEAD_CHARS:
            return None
        if c.kind not in ("dmy", "mdy"):
            continue
        d = _resolve(c, text, None)
        if d is None or d.start_date is None:
            return None  # the first date has no year: it dates nothing
        m = re.search(rf"({_WD})\W{{0,3}}$", text[max(0, c.start - 20) : c.start].translate(
            W.MATCH_FOLD), re.IGNORECASE)  # fmt: skip
        if m and W.WEEKDAYS.get(W.key(m.group(1))) == d.start_date.weekday():
            return d.start_date
        return None
    return None


#: Words of a beginning: "the operation began 50 days ago" and "it began on 20 January 2018"
#: name the same day.
_BEGIN = re.compile(
    r"\b(?:began|begun|begin|beginning|start|started|launched|beginn|beginns|begonnen|begann"
    r"|gestartet|début|commencé|commencée|lancé|lancée|başla\w*)\b|بدء|بدات|بدا|انطلاق|اطلق",
    re.IGNORECASE,
)


def _counted_back(text: str, cands: list[_Cand]) -> dt.date | None:
    """The day of writing of a text without a date, when it counts back to a beginning it
    also dates ("Seit Beginn der Operation vor 50 Tagen" … "Die Angriffe haben am 20. Januar
    2018 begonnen": 11 March 2018), as a reader finds it. None otherwise."""
    if not any(c.kind == "ago" for c in cands):
        return None
    sents = _Sentences(text)
    folded = W.match_folded(text)

    def begins(c: _Cand) -> bool:  # the sentence around c, a "20." inside it included
        return bool(_BEGIN.search(folded, sents.span(c.start)[0], sents.span(c.end)[1]))

    backs = [c for c in cands if c.kind == "ago" and begins(c)]
    if not backs:
        return None
    for c in cands:
        if c.kind in ("dmy", "mdy", "iso", "numeric") and begins(c):
            d = _resolve(c, text, None, sents)
            if d is not None and d.start_date is not None:
                n, unit = _count(backs[0].groups)
                return _shift(d.start_date, n, unit)
    return None


#: How much older than its page a story's dateline may be and still date the story.
_REPOST_DAYS = dt.timedelta(days=30)


def _dateline_weekday(text: str, ds: int, de: int) -> int | None:
    """The weekday a dateline names with its date ("Thursday, March 5", "5 mars, jeudi")."""
    around = text[max(0, ds - 30) : de + 15]
    m = re.search(rf"\b({_WD})", around, re.IGNORECASE)
    return W.WEEKDAYS.get(W.key(m.group(1))) if m else None


def extract_dates(
    text: str, reference_date: dt.date | None = None, *, month: tuple[int, int] | None = None
) -> tuple[list[DateMention], dt.date | None]:
    """Find and resolve the dates of ``text``.

    Parameters
    ----------
    text : str
        The article.
    reference_date : datetime.date, optional
        The date the text was published; by default its own dateline, which also
        wins when it is up to 30 days older (a wire story posted again later). A dateline
        without a year takes its year from this date, else from the weekday it
        names and the years the text writes out (:func:`dateline_year`); when the
        year stays a guess, every date resolved against it has ``year_known`` False.
    month : (year, month), optional
        The month of publication when its day is not known (a page that shows
        "August 2020"): a date without a year takes the year that puts it nearest to
        that month; relative dates ("on Friday", "yesterday") stay unresolved.

    Returns
    -------
    (mentions, reference)
        The date mentions in text order and the reference date used.

    Examples
    --------
    >>> ms, ref = extract_dates("Moscow, 5 March 2020 — a truce from 00:01 on Friday.")
    >>> [m.iso for m in ms]
    ['2020-03-05', '2020-03-06T00:01']
    """
    cands = _candidates(text)
    ds, de, dl_date, has_year = find_dateline(text)
    ref, sure = reference_date, True
    if dl_date is not None and not has_year:
        weekday = _dateline_weekday(text, ds, de)
        year, sure = dateline_year(
            dl_date.month, dl_date.day, weekday, _mentioned_years(cands), reference_date,
            _recent(cands),
        )  # fmt: skip
        dl_date = _safe_date(year, dl_date.month, dl_date.day)
    if dl_date is None:
        lead = _lead_day(text, cands)  # "تعرضت دوما، الجمعة 18 تشرين الثاني 2016، لقصف"
        if lead is not None and (ref is None or ref - lead >= _LEAD_GAP):
            dl_date = lead  # a page without date, or a story posted again days later
        ds = de = -1
    if ref is None or (dl_date is not None and ref - _REPOST_DAYS <= dl_date < ref):
        ref = dl_date  # a wire story posted again later: its days count from its dateline
    if ref is None and month is None:
        ref = named_day(text, cands, _resolve)  # "Thursday night" … "Thursday, August 15, 2019"
    if ref is None and month is None:
        ref = _counted_back(text, cands)  # "begun 50 days ago" … "began on 20 January 2018"
        sure = sure and ref is None  # two beginnings read as one: a reader's guess, said so
    month_end = None
    if month is not None and ref is None:
        month_end = _safe_date(month[0], month[1], calendar.monthrange(*month)[1])
    mentions = _resolve_all(text, cands, ref, month_end)
    if dl_date is not None:
        mentions = [
            DateMention(
                m.text, m.start, m.end, dl_date, dl_date, "day", dateline=True, year_known=sure
            )  # fmt: skip
            if m.start == ds and m.end == de
            else m
            for m in mentions
        ]
    if not sure:  # resolved against a dateline whose year is a guess: say so
        mentions = [replace(m, year_known=False) if m.relative and m.resolved else m
                    for m in mentions]  # fmt: skip
    # "more than seven years ago": a bound, the year it gives not known for sure
    mentions = [replace(m, year_known=False) if _bound(m.text, text, m.start)
                and m.text.lower().endswith("years ago") else m for m in mentions]  # fmt: skip
    mentions = periods_named(_merge(_not_today(mentions, text), text), text)  # "from May 2015 to …"
    mentions = _today_named(_weekday_again(_narrowed(_apposed(mentions, text), text)))
    mentions = weekdays_by_written_day(mentions, text)  # "On 18 August 2020 … on Tuesday"
    mentions = arabic_times(mentions, text, ref)  # "الساعة الخامسة من مساء السبت …"
    mentions = tweet_days(_anchor_later(mentions, cands, text), cands, text)  # "(@x) May 3"
    return days_of_month_before(mentions, text), ref  # "في الـ4 من شباط … في الـ14 منه"


#: Words that say a weekday is the coming one ("next Saturday", "السبت المقبل").
_COMING = re.compile(
    r"\b(?:next|coming|prochain|nächsten|kommenden|gelecek)\b|القادم|المقبل", re.IGNORECASE
)


def _weekday_again(mentions: list[DateMention]) -> list[DateMention]:
    """A weekday named again in a text is the day it named first ("erupting on Saturday" …
    "a curfew from Saturday evening"), when the second reading is a week away from the first
    and its own words do not say the coming one."""
    first: dict[int, dt.date] = {}
    out = []
    for m in mentions:
        days = [W.WEEKDAYS[k] for w in re.findall(r"\w+", m.text) if (k := W.key(w)) in W.WEEKDAYS]
        if len(days) == 1 and m.relative and m.period == "day" and m.start_date is not None:
            d0 = first.setdefault(days[0], m.start_date)
            if abs((m.start_date - d0).days) == 7 and not _COMING.search(m.text):
                m = replace(m, start_date=d0, end_date=d0)
        out.append(m)
    return out


#: "اليوم" that is no date: a day counted in something else ("اليوم السابع", the seventh
#: day; "اليوم العالمي", the world day; also the newspaper "اليوم السابع"), on folded text.
_NTH_DAY = re.compile(
    r"\s+(?:ال)?(?:اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|اخير|عالمي|وطني|دولي"
    r"|عربي)(?!\w)"
)
#: A quoted or bracketed name ending in "today" ("روسيا اليوم", «حلب اليوم», "USA Today",
#: "قناة (روسيا اليوم)").
_QUOTED_BEFORE = re.compile(r"[\"“«„(]\s*[^\W\d_][^\s\"”»()]*\s+$")
_QUOTED_AFTER = re.compile(r"\s*[\"”»“)]")
#: A broadcaster, paper, site or agency named before a name that ends in "اليوم" ("قناة
#: روسيا اليوم", "صحيفة مصر اليوم", "موقع حلب اليوم"): its name, not today (folded text);
#: a name with its article is the medium's own, "today" the date ("قالت صحيفة الوطن اليوم").
_MEDIA_BEFORE = re.compile(
    r"(?<!\w)(?:قناه|قنوات|صحيفه|جريده|مجله|موقع|وكاله|شبكه|تلفزيون|اذاعه|راديو|منصه)"
    r"\s+(?!ال)[^\W\d_]+\s+$"
)


def _not_today(mentions: list[DateMention], text: str) -> list[DateMention]:
    """Drop "اليوم"/"today" where it is no date: an ordinal or a day of something after it
    ("اليوم السابع", "اليوم العالمي للاجئين"), or the last word of a quoted name ("قناة
    "روسيا اليوم""), or a capitalised "Today" after a capitalised word ("USA Today")."""
    folded = W.match_folded(text)
    return [m for m in mentions if not _named_today(m, text, folded)]


_CAPITAL_BEFORE = re.compile(r"(?<![.!?\n]\s)(?<![.!?\n])\b[A-Z][\w.-]*[ \t]+$")


def _named_today(m: DateMention, text: str, folded: str) -> bool:
    """Whether a mention "اليوم"/"Today" is a word of a name or of "the Nth day"."""
    word = m.text.strip()
    if word not in ("اليوم", "Today"):
        return False
    before = text[max(0, m.start - 30) : m.start]
    if _QUOTED_BEFORE.search(before) and _QUOTED_AFTER.match(text, m.end):
        return True
    if word == "اليوم":
        media = _MEDIA_BEFORE.search(folded, max(0, m.start - 40), m.start)
        return bool(_NTH_DAY.match(folded, m.end) or media)
    return bool(m.start and _CAPITAL_BEFORE.search(before))


_TODAY = re.compile(r"(?<!\w)(?:اليوم|today|heute|aujourd['’]hui|bugün)(?!\w)", re.IGNORECASE)


def _today_named(mentions: list[DateMention]) -> list[DateMention]:
    """ "Today" in a text that names today's weekday ("مساء اليوم الاثنين" on a page of
    00:42 on Tuesday) is that weekday's date, as the writer's "today" was."""
    named = {
        m.start_date
        for m in mentions
        if _TODAY.search(m.text) and m.relative and m.start_date is not None
        and any(W.key(w) in W.WEEKDAYS for w in re.findall(r"\w+", m.text))
    }  # fmt: skip
    if len(named) != 1:
        return mentions
    day = named.pop()
    return [
        replace(m, start_date=day, end_date=day)
        if m.relative and m.period == "day" and _TODAY.fullmatch(m.text.strip())
        else m
        for m in mentions
    ]


def _resolve_all(
    text: str, cands: list[_Cand], ref: dt.date | None, month_end: dt.date | None = None
) -> list[DateMention]:
    sents = _Sentences(text)
    pairs = [(c, m) for c in cands if (m := _resolve(c, text, ref, sents)) is not None]
    mentions: list[DateMention] = []
    last_full: dt.date | None = None
    last_dated: DateMention | None = None  # the last full date or month with its year
    last_month: dt.date | None = None  # the last day of a month written with its year
    for i, (c, m) in enumerate(pairs):
        if m.start_date is None and ref is None and c.kind in ("month", "month_tr"):
            m = _since_after(m, c, text, last_dated, mentions, sents)
        if m.start_date is None and ref is None and c.kind in _YEARLESS:
            # no reference: the year of the date it runs to ("5 March to 9 March 2020"),
            # else of the date before it
            nxt = pairs[i + 1][1] if i + 1 < len(pairs) else None
            if nxt is not None and nxt.start_date and _RANGE_GLUE.match(text[m.end : nxt.start]):
                m = _resolve(c, text, nxt.start_date, sents) or m
            elif month_end is not None:  # the month of publication, and the date before it
                m = _in_page_year(c, text, last_full, month_end, sents) or m
            elif last_full is not None:
                m = _resolve(c, text, last_full, sents) or m
            elif last_month is not None and not _counts_from_page(c, text):
                m = _same_month(c, m, text, last_month, sents)
        if m.start_date is None and ref is None and month_end and c.kind in _FROM_MONTH:
            # "this spring", "بداية العام" on a page of August 2017: its month places them
            m = _resolve(c, text, month_end.replace(day=15), sents) or m
        if m.start_date is None and ref is None and month_end:  # "last month": its month's
            m = from_page_month(m, c, text, month_end, sents)
        if m.start_date is None and ref is None and c.kind in ("dmy", "mdy"):
            m = _by_weekday(m, c, text, _mentioned_years(cands), _recent(cands))
        if m.start_date is None and ref is None and (back := years_back(c, text)) is not None:
            m = from_written_year(m, back, _mentioned_years(cands))  # "3 years ago"
        if c.kind in _FULL and not m.relative:
            last_full = m.start_date
        if (c.kind in _FULL or c.kind == "my") and not m.relative:
            last_dated = m
        if c.kind == "my" and not m.relative and last_full is None:
            last_month = m.end_date
        mentions.append(m)
    return mentions


#: Words that count a month's year from the page ("May last year", "last May", "mai dernier").
_FROM_PAGE_BEFORE = re.compile(
    r"\b(?:last|past|next|vergangene[mn]?|letzte[mn]?|geçen|geçtiğimiz)\s+$", re.IGNORECASE
)
_FROM_PAGE_AFTER = re.compile(r"\s+(?:dernier|prochain|الماضي|المنصرم|الفائت|المقبل)(?!\w)")


def _in_page_year(
    c: _Cand, text: str, anchor: dt.date | None, month_end: dt.date, sents: _Sentences
) -> DateMention | None:
    """A day or month without year on a page dated by its month only: in the year of the
    full date named before it ("March 24, 2017" … "since … in early May", on a page of
    August 2017: May 2017), the year before when that puts it after the page; counted from
    the page when there is no such date, or when its words count from the page ("last
    May")."""
    m = _resolve(c, text, month_end, sents)
    if m is None or m.start_date is None or m.end_date is None or anchor is None:
        return m
    if _counts_from_page(c, text):
        return m
    s = m.start_date
    year = anchor.year - ((anchor.year, s.month, s.day) > (month_end.year, month_end.month, 31))
    shift = year - m.start_date.year
    if shift == 0:
        return m
    end = m.end_date.replace(year=m.end_date.year + shift, day=1)
    end = end.replace(day=calendar.monthrange(end.year, end.month)[1]) if m.period == "month" \
        else _safe_date(end.year, end.month, m.end_date.day) or end  # fmt: skip
    start = _safe_date(year, m.start_date.month, m.start_date.day)
    return replace(m, start_date=start, end_date=end) if start else m


def _same_month(
    c: _Cand, m: DateMention, text: str, month_end: dt.date, sents: _Sentences
) -> DateMention:
    """A month (or a part of it) without year on a page without date, named after the
    same month with its year ("the first weeks of August 2020 … mid-August … the first two
    weeks of August"): that month again; any other month or day stays unresolved."""
    if c.kind not in ("month", "month_tr", "month_span"):
        return m
    got = _resolve(c, text, month_end, sents)
    if got is None or got.start_date is None or got.start_date.month != month_end.month:
        return m
    return got if got.start_date.year == month_end.year else m


def _counts_from_page(c: _Cand, text: str) -> bool:
    """Whether a month's own words count it from the page ("last May", "mai dernier",
    "آب الماضي"), not from a date the story wrote before it."""
    return bool(
        _FROM_PAGE_BEFORE.search(text[max(0, c.start - 14) : c.start])
        or _FROM_PAGE_AFTER.match(text[c.end : c.end + 12].translate(W.MATCH_FOLD))
        or any(k in c.groups for k in ("m_yl", "m_yf", "m_yd", "m_ya"))
    )


#: Dates a page's month places as well as its day: seasons and parts of the year.
_FROM_MONTH = frozenset(("season_rel", "year_part"))


def _by_weekday(
    m: DateMention, c: _Cand, text: str, years: list[int], recent: bool = False
) -> DateMention:
    """A day without year after its weekday ("mardi 3 mai") on a page without date: the
    first year, from the latest the text writes out, whose calendar puts the day on that
    weekday (as a dateline's, :func:`dateline_year`); unresolved when none is sure."""
    wd = re.search(rf"({_WD})\W{{0,3}}$", text[max(0, c.start - 20) : c.start].translate(
        W.MATCH_FOLD), re.IGNORECASE)  # fmt: skip
    if wd is None or not years:
        return m
    p = "a" if c.kind == "dmy" else "b"
    month, day = _month(c.groups[f"{p}_m"]), _day(c.groups[f"{p}_d"])
    wday = W.WEEKDAYS.get(W.key(wd.group(1)))
    year, sure = dateline_year(month, day, wday, years, None, recent)
    d = _safe_date(year, month, day) if sure else None
    return m if d is None else replace(m, start_date=d, end_date=d)


#: "since" before a month ("depuis fin avril", "seit Ende April", "منذ نهاية نيسان").
_SINCE = re.compile(
    r"(?:\b(?:since|depuis|seit|from)|منذ)\s+(?:(?:the\s+)?(?:end|start|beginning|middle)\s+of"
    r"\s+|early\s+|late\s+|mid-?|fin\s+|début\s+|mi-|ende\s+|anfang\s+|mitte\s+|نهايه\s+"
    r"|بدايه\s+|مطلع\s+|منتصف\s+|اواخر\s+)?$",
    re.IGNORECASE,
)


def _since_after(
    m: DateMention,
    c: _Cand,
    text: str,
    last: DateMention | None,
    before: list[DateMention],
    sents: _Sentences,
) -> DateMention:
    """A month without year on a page without date, after "since", in a sentence that dates
    an event before it ("Alors que … ont conclu en septembre 2018 un accord, l’aviation a
    intensifié depuis fin avril"): the first such month after that event, as a reader reads
    the story forward; the same month named again later is the same. Flagged year_known
    False: a reader's inference."""
    again = next(
        (x for x in before if x.period == "month" and not x.year_known and x.start_date
         and W.key(x.text) == W.key(m.text)),
        None,
    )  # fmt: skip
    if again is not None:
        return replace(m, start_date=again.start_date, end_date=again.end_date, year_known=False)
    lead = text[max(0, m.start - 24) : m.start].translate(W.MATCH_FOLD)
    if last is None or last.start_date is None or not _SINCE.search(lead):
        return m
    if last.start < sents.span(c.start)[0]:
        return m  # the dated event is in another sentence
    month = _month(c.groups.get("m_m") or c.groups["mt_m"])
    y = last.start_date.year + (month <= last.start_date.month)
    s = dt.date(y, month, 1)
    e = dt.date(y, month, calendar.monthrange(y, month)[1])
    return replace(m, start_date=s, end_date=e, year_known=False)
