"""Dates in news text: a regex candidate finder, the article's dateline, and resolution.

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

import bisect
import calendar
import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip
_NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|\\d{1,3}"

_M = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:1[89]\d\d|20\d\d)"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SEP = r"\s*(?:-|–|—|to|until|till|through|and)\s*"
_TIME = (
    r"(?:(?:[01]?\d|2[0-3])[:.h][0-5]\d(?:\s*(?:[ap]\.?m\.?))?(?:\s*(?:GMT|UTC|local time|hours))?"
    r"|(?:[01]?\d)\s*[ap]\.?m\.?|midnight|noon)"
)

# Ordered: the first alternative that matches at a position wins, so longer forms come first.
_PATTERNS: list[tuple[str, str]] = [
    ("iso", rf"\b(?P<iso_y>{_Y})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)\b"),
    (
        "dmy_range",
        rf"\b(?P<r1_d1>{_D}){_SEP}(?P<r1_d2>{_D})\s+(?P<r1_m>{_M})(?:,?\s+(?P<r1_y>{_Y}))?\b",
    ),
    (
        "mdy_range",
        rf"\b(?P<r2_m>{_M})\s+(?P<r2_d1>{_D})\s*(?:-|–|to|through)\s*(?P<r2_d2>{_D})(?:,?\s+(?P<r2_y>{_Y}))?\b",
    ),
    ("dmy", rf"\b(?P<a_d>{_D})\s+(?:of\s+)?(?P<a_m>{_M})(?:,?\s+(?P<a_y>{_Y}))?\b"),
    ("mdy", rf"\b(?P<b_m>{_M})\s+(?P<b_d>{_D})(?!\d)(?:,?\s+(?P<b_y>{_Y}))?\b"),
    (
        "season",
        rf"\b(?P<s_q>early|late|mid)?[\s-]*(?P<s_s>spring|summer|autumn|fall|winter)\s+(?:of\s+)?"
        rf"(?P<s_y>{_Y})\b",
    ),
    ("my", rf"\b(?P<c_m>{_M})\s+(?:of\s+)?(?P<c_y>{_Y})\b"),
    ("numeric", rf"\b(?P<n_d>[0-3]?\d)[./](?P<n_m>[01]?\d)[./](?P<n_y>{_Y})\b"),
    ("weekday", rf"\b(?:(?P<w_rel>last|next|this|on|late on|early on)\s+)?(?P<w_d>{_WD})\b"),
    (
        "relative",
        rf"\b(?:(?:the\s+)?day before yesterday|yesterday|today|tonight|tomorrow|last night"
        rf"|this (?:morning|afternoon|evening)"
        rf"|(?:{_NUMBER_WORDS})\s+(?:days?|weeks?|months?|years?)\s+(?:ago|later|earlier)"
        rf"|(?:last|next|this|past)\s+(?:week|month|year|weekend)|(?:the|this|last|next)\s+weekend"
        rf"|(?:earlier|later)\s+this\s+(?:week|month|year))\b",
    ),
    (
        "month",
        rf"\b(?:in|since|until|by|from|before|after|during|early|late|mid|end of|of)[\s-]+"
        rf"(?P<m_m>{_M})(?!\s*\d)\b",
    ),
    (
        "year",
        rf"\b(?:in|since|until|by|from|before|after|during|throughout|early|late|of|mid|between"
        rf"|(?<=\d\d\d\d )(?:and|to|until))[\s-]+(?P<y_y>{_Y})\b(?![-/.,]\d)",
    ),
    ("time", rf"\b(?P<t_t>{_TIME})(?![\w:])"),
]
_CANDIDATE_RE = re.compile("|".join(f"(?P<{k}>{p})" for k, p in _PATTERNS), re.IGNORECASE)
_CAPITAL_ONLY = {"mdy", "my", "month"}
_FULL = {"dmy", "mdy", "iso", "numeric", "dmy_range", "mdy_range"}
_YEARLESS = {
    "dmy",
    "mdy",
    "dmy_range",
    "mdy_range",
    "month",
}  # "may" and "march" are also verbs: want a capital

# what may stand between a time and a date it belongs to ("00:01 on Friday", "6 March at 06:00")
_TIME_GLUE = re.compile(
    r"^[\s,()]*(?:on|at|of|local time|\(local time\)|hours|GMT|,|\s|\(|\))*[\s,()]*$",
    re.IGNORECASE,
)
_RANGE_GLUE = re.compile(r"^\s*(?:-|–|—|to|until|till|through|and)\s*$", re.IGNORECASE)
_RANGE_OPENER = re.compile(r"(?:from|between)\s+$", re.IGNORECASE)
_FUTURE = re.compile(
    r"\b(?:will|shall|would start|is to|are to|due|expected|scheduled|planned|plans|next"
    r"|upcoming)\b",
    re.IGNORECASE,
)

# "from 00:01 on Friday", "starting Monday": a start or a deadline, said ahead of it
_STARTS = re.compile(
    r"\b(?:from|starting|as of|effective|until|till|by|beginning|starts?|begins?|takes? effect)"
    r"\b[^.;]{0,16}$",
    re.IGNORECASE,
)
_LATER = re.compile(
    rf"^(?P<n>{_NUMBER_WORDS})\s+(?P<u>day|week|month|year)s?\s+(?P<d>later|earlier)$"
)
_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}
_NUMBERS.update({"a": 1, "an": 1})

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


@dataclass(frozen=True)
class DateMention:
    """A date, period or time found in a text.

    Attributes
    ----------
    text : str
        The words as they stand in the text (``text == source[start:end]``).
    start, end : int
        Offsets into the original text.
    start_date, end_date : datetime.date or None
        The first and last day meant (equal for a single day); None when the
        text gives no year and no reference date is known.
    period : str
        ``day``, ``range``, ``week``, ``month``, ``season``, ``year`` or ``time``.
    time : str or None
        A clock time ("00:01") when the text gives one.
    relative : bool
        Whether it was resolved against the reference date ("on Friday").
    dateline : bool
        Whether it is the article's own dateline.
    """

    text: str
    start: int
    end: int
    start_date: dt.date | None
    end_date: dt.date | None
    period: str
    time: str | None = None
    relative: bool = False
    dateline: bool = False

    @property
    def resolved(self) -> bool:
        """Whether the calendar date is known."""
        return self.start_date is not None

    @property
    def iso(self) -> str | None:
        """ISO 8601 form: ``2020-03-05``, ``2020-03``, ``2020``, ``2020-03-05/2020-03-07``,
        ``2020-03-06T00:01``; None when unresolved."""
        s, e = self.start_date, self.end_date
        if s is None or e is None:
            return None
        if self.period == "month":
            return f"{s:%Y-%m}"
        if self.period == "season":
            return f"{s:%Y-%m}/{e:%Y-%m}"
        if self.period == "year":
            return f"{s:%Y}"
        if s != e:
            return f"{s.isoformat()}/{e.isoformat()}"
        if self.time:
            return f"{s.isoformat()}T{self.time}"
        return s.isoformat()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "iso": self.iso,
            "start_date": self.start_date.isoformat() if self.start_date else None,
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "period": self.period,
            "time": self.time,
            "relative": self.relative,
            "dateline": self.dateline,
        }


@dataclass
class _Cand:
    kind: str
    start: int
    end: int
    groups: dict[str, str]


# --------------------------------------------------------------------------- finding


def _candidates(text: str) -> list[_Cand]:
    out = []
    for m in _CANDIDATE_RE.finditer(text):
        # lastgroup is the innermost closed group: find the outer alternative
        kind = next(k for k, _ in _PATTERNS if m.group(k) is not None)
        groups = {k: v for k, v in m.groupdict().items() if v is not None}
        if kind in _CAPITAL_ONLY and not _month_capitalised(groups.get("m_m") or m.group(kind)):
            continue
        span = {"month": "m_m", "year": "y_y"}.get(kind, kind)  # the preposition is context
        out.append(_Cand(kind, m.start(span), m.end(span), groups))
    return out


def _month_capitalised(s: str) -> bool:
    word = re.search(r"[A-Za-z]+", s)
    return word is not None and word.group(0)[0].isupper()


# --------------------------------------------------------------------------- resolving


def _month(s: str) -> int:
    return _MONTHS[s.lower().rstrip(".")]


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group(0))  # type: ignore[union-attr]


def _nearest_year(month: int, day: int, ref: dt.date | None) -> int | None:
    """The year that puts a year-less ``day month`` nearest to the reference date."""
    if ref is None:
        return None
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            d = dt.date(y, month, min(day, calendar.monthrange(y, month)[1]))
        except ValueError:
            continue
        if best is None or abs((d - ref).days) < abs((best - ref).days):
            best = d
    return best.year if best else None


def _safe_date(y: int | None, m: int, d: int) -> dt.date | None:
    if y is None:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _resolve(
    c: _Cand, text: str, ref: dt.date | None, sents: _Sentences | None = None
) -> DateMention | None:
    g = c.groups
    k = c.kind
    s = e = None
    period, rel, time = "day", False, None
    if k == "iso":
        s = e = _safe_date(int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
        if s is None:
            return None
    elif k in ("dmy", "mdy"):
        p = "a" if k == "dmy" else "b"
        m, d = _month(g[f"{p}_m"]), _day(g[f"{p}_d"])
        y = int(g[f"{p}_y"]) if g.get(f"{p}_y") else _nearest_year(m, d, ref)
        rel = not g.get(f"{p}_y")
        s = e = _safe_date(y, m, d)
        if s is None and y is not None:
            return None
    elif k in ("dmy_range", "mdy_range"):
        p = "r1" if k == "dmy_range" else "r2"
        m, d1, d2 = _month(g[f"{p}_m"]), _day(g[f"{p}_d1"]), _day(g[f"{p}_d2"])
        if d2 < d1:
            return None
        y = int(g[f"{p}_y"]) if g.get(f"{p}_y") else _nearest_year(m, d1, ref)
        rel = not g.get(f"{p}_y")
        s, e = _safe_date(y, m, d1), _safe_date(y, m, d2)
        period = "range"
    elif k == "my":
        y, m = int(g["c_y"]), _month(g["c_m"])
        s, e, period = dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1]), "month"
    elif k == "month":
        m = _month(g["m_m"])
        y = _nearest_year(m, 15, ref)
        rel, period = True, "month"
        if y is not None:
            s, e = dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
    elif k == "numeric":
        s = e = _safe_date(int(g["n_y"]), int(g["n_m"]), int(g["n_d"]))
        if s is None:
            return None
    elif k == "season":
        s, e = _season(g["s_s"].lower(), int(g["s_y"]))
        period = "season"
    elif k == "year":
        y = int(g["y_y"])
        s, e, period = dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    elif k == "weekday":
        rel = True
        if ref is not None:
            sents = sents if sents is not None else _Sentences(text)
            s = e = _weekday(g["w_d"], (g.get("w_rel") or "").lower(), text, c.start, ref, sents)
    elif k == "relative":
        rel = True
        if _LATER.match(" ".join(text[c.start : c.end].lower().split())):
            return None  # resolved from the date before it, see _anchor_later
        if ref is not None:
            got = _relative(text[c.start : c.end], ref)
            if got is None:
                return None
            s, e, period = got
    elif k == "time":
        time = _clock(g["t_t"])
        if time is None:
            return None
        period = "time"
    return DateMention(text[c.start : c.end], c.start, c.end, s, e, period, time, rel)


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


def _season(name: str, year: int) -> tuple[dt.date, dt.date]:
    """Meteorological seasons of the northern hemisphere; winter runs into the next year."""
    if name == "winter":
        end = dt.date(year + 1, 2, calendar.monthrange(year + 1, 2)[1])
        return dt.date(year, 12, 1), end
    a, b = _SEASONS[name]
    return dt.date(year, a, 1), dt.date(year, b, calendar.monthrange(year, b)[1])


class _Sentences:
    """Sentence bounds around positions of a text, each sentence judged once (linear time).

    A sentence runs from just after the last full stop before a position to the end of the
    next ``.``/``!``/``?`` followed by a space or the end of the text."""

    _END = re.compile(r"[.!?](?:\s|$)")

    def __init__(self, text: str) -> None:
        self.text = text
        self._stops = [i for i, ch in enumerate(text) if ch == "."]
        self._ends = [m.end() for m in self._END.finditer(text)]
        self._future: dict[tuple[int, int], bool] = {}

    def span(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_left(self._stops, pos)
        a = self._stops[i - 1] + 1 if i else 0
        j = bisect.bisect_right(self._ends, pos)
        b = self._ends[j] if j < len(self._ends) else len(self.text)
        return a, b

    def future(self, pos: int) -> bool:
        """Whether the sentence around ``pos`` speaks of the future ("will", "next" …)."""
        span = self.span(pos)
        got = self._future.get(span)
        if got is None:
            got = self._future[span] = _speaks_of_future(self.text[span[0] : span[1]])
        return got


def _speaks_of_future(sentence: str) -> bool:
    return bool(_FUTURE.search(sentence))


def _weekday(name: str, rel: str, text: str, pos: int, ref: dt.date, sents: _Sentences) -> dt.date:
    """A weekday named in a news text: the latest one on or before the reference, unless
    the sentence speaks of the future ("will", "next …"), then the next on or after it."""
    wd = _WEEKDAYS[name.lower()]
    lead = text[max(0, pos - 25) : pos]
    future = rel == "next" or (rel != "last" and (sents.future(pos) or bool(_STARTS.search(lead))))
    if future:
        return ref + dt.timedelta(days=(wd - ref.weekday()) % 7)
    back = (ref.weekday() - wd) % 7
    if rel == "last" and back == 0:
        back = 7
    return ref - dt.timedelta(days=back)


@functools.lru_cache(maxsize=512)
def _relative(phrase: str, ref: dt.date) -> tuple[dt.date, dt.date, str] | None:
    """Resolve "yesterday", "two days ago", "last week", "the weekend" against ``ref``."""
    p = " ".join(phrase.lower().split())
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
    from dateparser.date import DateDataParser

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
    if s.startswith("midnight"):
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


# --------------------------------------------------------------------------- merging


def _merge(mentions: list[DateMention], text: str) -> list[DateMention]:
    """Join ranges ("from 5 March to 7 March") and attach clock times to their day."""
    out: list[DateMention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        b = mentions[i + 1] if i + 1 < len(mentions) else None
        if b is not None:
            gap = text[a.end : b.start]
            joined = (
                _join_range(a, b, gap, text)
                or _join_time(a, b, gap, text)
                or _join_weekday(a, b, gap, text)
            )
            if joined is not None:
                mentions[i + 1] = joined
                i += 1
                continue
        if a.period != "time":  # a clock time alone says no date
            out.append(a)
        i += 1
    return out


def _join_range(a: DateMention, b: DateMention, gap: str, text: str) -> DateMention | None:
    if a.period != "day" or b.period != "day" or a.time or b.time:
        return None
    if not _RANGE_GLUE.match(gap):
        return None
    if gap.strip().lower() == "and" and not _RANGE_OPENER.search(
        text[max(0, a.start - 10) : a.start]
    ):
        return None
    if a.start_date is None or b.start_date is None or b.start_date <= a.start_date:
        return None
    return DateMention(
        text[a.start : b.end], a.start, b.end, a.start_date, b.end_date, "range",
        None, a.relative or b.relative,
    )  # fmt: skip


def _join_weekday(a: DateMention, b: DateMention, gap: str, text: str) -> DateMention | None:
    """ "Saturday, February 24, 2018": the calendar date settles the weekday."""
    if not re.fullmatch(r",?\s*", gap) or b.period != "day" or b.relative and b.start_date is None:
        return None
    if not re.search(rf"{_WD}$", a.text, re.IGNORECASE):
        return None
    return replace(b, text=text[a.start : b.end], start=a.start)


def _join_time(a: DateMention, b: DateMention, gap: str, text: str) -> DateMention | None:
    t, d = (a, b) if a.period == "time" else (b, a)
    if t.period != "time" or d.period != "day" or d.time or len(gap) > 16:
        return None
    if not _TIME_GLUE.match(gap):
        return None
    return DateMention(
        text[a.start : b.end], a.start, b.end, d.start_date, d.end_date, "day", t.time, d.relative
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


def _likely_year(cands: list[_Cand]) -> int | None:
    years = Counter(
        int(v) for c in cands for k, v in c.groups.items() if k.endswith("_y") and k != "y_y"
    )
    years.update(int(c.groups["y_y"]) for c in cands if "y_y" in c.groups)
    return years.most_common(1)[0][0] if years else None


def extract_dates(
    text: str, reference_date: dt.date | None = None
) -> tuple[list[DateMention], dt.date | None]:
    """Find and resolve the dates of ``text``.

    Parameters
    ----------
    text : str
        The article.
    reference_date : datetime.date, optional
        The date the text was written; by default its own dateline.

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
    ref = reference_date
    if dl_date is not None and not has_year:
        year = reference_date.year if reference_date else _likely_year(cands)
        dl_date = _safe_date(year, dl_date.month, dl_date.day) if year else None
    if ref is None:
        ref = dl_date
    sents = _Sentences(text)
    pairs = [(c, m) for c in cands if (m := _resolve(c, text, ref, sents)) is not None]
    mentions = []
    last_full: dt.date | None = None
    for i, (c, m) in enumerate(pairs):
        if m.start_date is None and ref is None and c.kind in _YEARLESS:
            # no reference: the year of the date it runs to ("5 March to 9 March 2020"),
            # else of the date before it
            nxt = pairs[i + 1][1] if i + 1 < len(pairs) else None
            if nxt is not None and nxt.start_date and _RANGE_GLUE.match(text[m.end : nxt.start]):
                m = _resolve(c, text, nxt.start_date, sents) or m
            elif last_full is not None:
                m = _resolve(c, text, last_full, sents) or m
        if c.kind in _FULL and not m.relative:
            last_full = m.start_date
        mentions.append(m)
    if dl_date is not None:
        mentions = [
            DateMention(m.text, m.start, m.end, dl_date, dl_date, "day", dateline=True)
            if m.start == ds and m.end == de
            else m
            for m in mentions
        ]
    return _anchor_later(_merge(mentions, text), cands, text), ref


def _anchor_later(mentions: list[DateMention], cands: list[_Cand], text: str) -> list[DateMention]:
    """Resolve "four days later" / "two weeks earlier" from the date mentioned just before."""
    have = {(m.start, m.end) for m in mentions}
    extra = []
    ordered = sorted(mentions, key=lambda x: x.end)
    i, prev = 0, None  # the last resolved day or range ending before the candidate
    for c in sorted(cands, key=lambda c: c.start):
        while i < len(ordered) and ordered[i].end <= c.start:
            x = ordered[i]
            if x.start_date and x.period in ("day", "range"):
                prev = x
            i += 1
        if c.kind != "relative" or (c.start, c.end) in have or prev is None:
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
        extra.append(DateMention(text[c.start : c.end], c.start, c.end, d, d, "day", None, True))
    return sorted(mentions + extra, key=lambda x: x.start)


def _shift(d: dt.date, n: int, unit: str) -> dt.date:
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    months = d.month - 1 + (n if unit == "month" else 12 * n)
    y, m = d.year + months // 12, months % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))
