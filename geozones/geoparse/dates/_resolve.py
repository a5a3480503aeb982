"""One date candidate to a calendar date: against a reference, by weekday, relative words
(through :mod:`dateparser`), clock times."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re

from . import _numerals as N
from . import _words as W
from ._hijri import feast_days
from ._month_parts import month_of_span, span_of_month
from ._patterns import (
    _FUTURE,
    _LATER,
    _MONTHS,
    _STARTS,
    _WEEKDAYS,
    DateMention,
    _Cand,
)
from ._relative import _clock, _relative, _resolve_ago
from ._seasons import _numeric, _season, _season_rel, _tr_season, _year_part

# --------------------------------------------------------------------------- resolving


def _month(s: str) -> int:
    """The month of its name, the first of two ("آذار/مارس", "يوليو (تموز)", "أغسطس آب")."""
    k = W.key(re.split(r"[/(–]|(?<=\w)\s*-", s)[0])  # "نيسان-أبريل": round 23
    if k not in _MONTHS:  # two names after a blank: the first
        k = _FIRST_MONTH.match(k).group()  # type: ignore[union-attr]
    return _MONTHS[k]


#: A month's name at the start of a key ("اغسطس اب": "اغسطس").
_FIRST_MONTH = re.compile(rf"(?:{W.alternation(_MONTHS)})(?!\w)")


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group(0))  # type: ignore[union-attr]


#: Words that make a month without a year the last one before the page.
_LAST_BEFORE = re.compile(
    r"\b(?:last|past|vergangene[mn]?|letzte[mn]?|geçen|geçtiğimiz)\s+$", re.IGNORECASE
)
_LAST_AFTER = re.compile(r"\s+(?:dernier|passé|الماضي|المنصرم|الفائت)(?!\w)", re.IGNORECASE)
#: "since" before a month or day without year ("since November", "seit Ende Mai", "depuis
#: le 5 mars", "منذ مطلع تشرين الثاني"), or its Turkish after it ("Kasım'dan bu yana",
#: "Kasım ayından beri"): a time before the page, the last such month or day on or before it.
_SINCE_BEFORE = re.compile(
    r"(?:\b(?:since|seit|depuis)|منذ)\s+(?:(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+"
    r"|early\s+|late\s+|mid-?|(?:le\s+)?(?:fin|début|mi)[\s-]+|ende\s+|anfang\s+|mitte\s+"
    r"|dem\s+|le\s+|the\s+|(?:نهايه|بدايه|مطلع|منتصف|اواخر|اوائل|اواسط)\s+)?(?:شهر\s+)?$",
    re.IGNORECASE,
)
_SINCE_AFTER = re.compile(
    r"(?:\s+ay(?:ı|ın)?(?:ndan|dan)|['’](?:dan|den|tan|ten))\s+(?:bu\s+yana|beri|itibaren)\b",
    re.IGNORECASE,
)


def _since(c: _Cand, text: str) -> bool:
    """Whether a date without year is the start of a time that lasts to the page ("since
    November"): the last such day or month on or before it, never a later one."""
    lead = text[max(0, c.start - 30) : c.start].translate(W.MATCH_FOLD)
    return bool(_SINCE_BEFORE.search(lead) or _SINCE_AFTER.match(text, c.end))


#: The words after a month that give its year from the page's: last, this or next year.
_YEAR_SHIFT = {
    "last": -1, "dernier": -1, "dernière": -1, "passée": -1, "vergangenen": -1, "letzten": -1,
    "vorigen": -1, "الماضي": -1, "الماضيه": -1, "المنصرم": -1, "this": 0, "الجاري": 0,
    "الجاريه": 0, "الحالي": 0, "الحاليه": 0, "next": 1, "prochain": 1, "prochaine": 1,
    "kommenden": 1, "nächsten": 1, "المقبل": 1, "المقبله": 1,
}  # fmt: skip


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
    if k == "month_span":
        return _month_span(c, text, ref, sents)
    s = e = None
    period, rel, time = "day", False, None
    if k == "iso":
        s = e = _safe_date(int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
        if s is None:
            return None
    elif k in ("dmy", "mdy"):
        day_rel = _day_month(c, text, ref, sents)
        if day_rel is None:
            return None
        s = e = day_rel[0]
        rel = day_rel[1]
    elif k == "day_page_month":
        s = e = _day_of_page_month(g, ref)
        rel = True
        if g.get("pr_d1") and e is not None:  # "يومي 7 و8 من الشهر الجاري": from the first
            s, period = _first_of_span(g["pr_d1"], e), "range"
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
    elif k in ("month", "month_tr"):
        s, e = _month_of(c, text, ref, sents)
        rel, period = True, "month"
    elif k == "numeric":
        s = e = _numeric(g)
        if s is None:
            return None
    elif k in ("season", "season_rel", "year_part"):
        s, e, period, rel = _seasonal(k, g, ref)
    elif k in _YEAR_KINDS:
        span = _years(k, g)
        if span is None:
            return None
        (s, e), period = span, "year"
    elif k == "feast":
        s, e, period = *_feast(c, text, ref, sents), "range"
        rel = not g.get("fe_y")
        if s is None and not rel:
            return None
    elif k in ("ago", "anchored", "later", "anchored_period"):
        return _resolve_ago(c, text, ref)
    elif k in ("weekday", "friday"):
        rel = True
        if ref is not None:
            sents = sents if sents is not None else _Sentences(text)
            name, lead = g.get("w_d", "الجمعه"), _weekday_lead(g)
            s = e = _weekday(name, lead, text, c.start, ref, sents)
    elif k == "relative":
        rel = True
        if _LATER.match(" ".join(text[c.start : c.end].lower().split())):
            return None  # resolved from the date before it, see _anchor_later
        if ref is not None and not _told_recently(text, c.start, text[c.start : c.end], sents):
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


#: "Recently" ("مؤخرا", "recently", "récemment", "kürzlich", "geçenlerde"): an event the text
#: dates no nearer than that.
_RECENTLY = re.compile(
    r"(?<![\w\u0621-\u064a])(?:مؤخرا|مؤخرًا|مؤخراً|موخرا)(?![\u0621-\u064a])"
    r"|\b(?:recently|récemment|kürzlich|unlängst|geçenlerde)\b",
    re.IGNORECASE,
)
#: The relative days counted from a day that is not the page's when the text tells of an
#: event it dates only as "recently".
_DAY_AFTER_OR_BEFORE = frozenset(
    ("tomorrow", "yesterday", "day after tomorrow", "day before yesterday")
)


def _told_recently(text: str, pos: int, phrase: str, sents: _Sentences | None) -> bool:
    """Whether a "tomorrow" or "yesterday" (``phrase``, at ``pos``) counts from an event its
    sentence dates only as "recently", so that its day is unknown (round 27, 735): "أعلنت
    الوزارة، مؤخرا، تعليق الصلاة … بداية من الغد" is the day after an announcement of an
    unknown day.

    Examples
    --------
    >>> t = "The ministry recently said the border would reopen tomorrow."
    >>> _told_recently(t, t.index("tomorrow"), "tomorrow", None)
    True
    >>> t = "The ministry said on Monday the border would reopen tomorrow."
    >>> _told_recently(t, t.index("tomorrow"), "tomorrow", None)
    False
    """
    word = W.RELATIVE.get(W.key(phrase)) or " ".join(phrase.lower().split())
    if word not in _DAY_AFTER_OR_BEFORE:
        return False
    a = (sents or _Sentences(text)).span(pos)[0]
    return _RECENTLY.search(text, a, pos) is not None


def _month_span(
    c: _Cand, text: str, ref: dt.date | None, sents: _Sentences | None
) -> DateMention | None:
    """A counted part of a month ("the first two weeks of August"): its month read as a
    month alone, then the days the words count in it."""
    month = _resolve(month_of_span(c), text, ref, sents)
    if month is None:
        return None
    s, e = span_of_month(c.groups, month.start_date)
    return DateMention(text[c.start : c.end], c.start, c.end, s, e, "range", None, month.relative)


def _day_month(
    c: _Cand, text: str, ref: dt.date | None, sents: _Sentences | None
) -> tuple[dt.date | None, bool] | None:
    """A day and month ("5 March", "March 5", "5 آذار الماضي", "5 March last year") and
    whether its year was placed from the page: its year written, else counted from the
    page by its words, else the nearest (the last one before the page when the words or
    the clause look back). None when the day does not exist."""
    g = c.groups
    p = "a" if c.kind == "dmy" else "b"
    m, d = _month(g[f"{p}_m"]), _day(g[f"{p}_d"])
    written = g.get(f"{p}_y")
    y = int(written) if written else _nearest_year(m, d, ref)
    if ref is not None and not written:
        if g.get(f"{p}_ys"):  # "5 March last year", "25 آب من العام الماضي"
            words = W.key(g[f"{p}_ys"]).split()
            y = ref.year + next((_YEAR_SHIFT[w] for w in words if w in _YEAR_SHIFT), 0)
        elif _LAST_AFTER.match(text[c.end : c.end + 10]):
            y = ref.year if (m, d) < (ref.month, ref.day) else ref.year - 1  # "5 آذار الماضي"
        elif _since(c, text):
            y = ref.year if (m, d) <= (ref.month, ref.day) else ref.year - 1  # "since 5 March"
        elif y is not None:
            y = _past_year(y, m, d, ref, text, c.start, sents)
    day = _safe_date(y, m, d)
    if day is None and y is not None:
        return None
    return day, not written


def _day_of_page_month(g: dict[str, str], ref: dt.date | None) -> dt.date | None:
    """ "في العاشر من الشهر الجاري", "the 5th of last month", "geçen ayın 5'inde": that day
    of the page's month, or of the month before or after it (None without a page date)."""
    if ref is None:
        return None
    shift = N.MONTH_FROM_PAGE[W.key(g.get("dp_m") or g["dp_t"])]
    n = g.get("dp_n") or g.get("dp_n2") or g.get("dp_tn")
    day = int(n) if n else N.AR_ORDINALS[W.key(g["dp_o"])]
    months = ref.month - 1 + shift
    return _safe_date(ref.year + months // 12, months % 12 + 1, day)


def _seasonal(
    k: str, g: dict[str, str], ref: dt.date | None
) -> tuple[dt.date | None, dt.date | None, str, bool]:
    """A season ("spring 2017", "this spring") or a part of the year ("بداية العام"): its
    first and last day, its period, and whether it was placed from the page's date."""
    if k == "season":
        name = W.SEASONS[W.key(g.get("s_s") or _tr_season(g["s_ts"]))]
        return *_season(name, int(g.get("s_y") or g["s_ty"])), "season", False
    period = "season" if k == "season_rel" else "year"
    if ref is None:
        return None, None, period, True
    return *(_season_rel(g, ref) if k == "season_rel" else _year_part(g, ref)), period, True


_YEAR_KINDS = frozenset(
    "year year_words years year_bare year_attr year_caption year_tr year_de".split()
)
#: How far after the page the nearest reading of a day may fall in a clause of the past.
_PAST_SLACK = dt.timedelta(days=60)


def _past_year(
    y: int, m: int, d: int, ref: dt.date, text: str, pos: int, sents: _Sentences | None
) -> int:
    """The year of a day without one: the nearest to the page, unless that puts it months
    after the page in a clause of the past ("Operasyon 5 Mart'ta başladı" on a page of
    October): then the year before."""
    day = _safe_date(y, m, d)
    if day is None or day - ref <= _PAST_SLACK:
        return y
    sents = sents or _Sentences(text)
    return y - 1 if _past_clause(text, pos, sents) or _arabic_not_future(text, pos, sents) else y


def _years(k: str, g: dict[str, str]) -> tuple[dt.date, dt.date] | None:
    """A year ("in 2019", "2018." after an Arabic noun, "عام الفين وستة عشر") or a span of
    years ("De 2014 à 2016"): its first and last day."""
    if k == "years":
        a, y = int(g.get("yy_a") or g["yo_a"]), int(g.get("yy_b") or g["yo_b"])
        if a >= y:
            return None
    else:
        y = (
            N.arabic_year(g["yw_y"])
            if k == "year_words"
            else int(
                next(v for n in ("y_y", "yb_y", "ya_y", "yc_y", "yt_y", "yd_y") if (v := g.get(n)))
            )
        )
        a = y
    return dt.date(a, 1, 1), dt.date(y, 12, 31)


def _feast(
    c: _Cand, text: str, ref: dt.date | None, sents: _Sentences | None
) -> tuple[dt.date | None, dt.date | None]:
    """Ramadan, Eid al-Fitr, Eid al-Adha: of the year written, else the nearest to the page
    (the last one before it when its clause speaks of the past)."""
    g = c.groups
    feast = "fitr" if g.get("fe_f") else "adha" if g.get("fe_a") else "ramadan"
    year = int(g["fe_y"]) if g.get("fe_y") else None
    past = ref is not None and _past_clause(text, c.start, sents or _Sentences(text))
    got = feast_days(feast, year, ref, past)
    return got if got is not None else (None, None)


def _month_of(
    c: _Cand, text: str, ref: dt.date | None, sents: _Sentences | None
) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day of a month named without its year: the one nearest to the
    reference, the last one before it when the words say so ("last September", "mai
    dernier", "March last year") or when its clause speaks of the past."""
    g = c.groups
    m = _month(g.get("m_m") or g["mt_m"])
    y = _nearest_year(m, 15, ref)
    shift = next((g[k] for k in ("m_yl", "m_yf", "m_yd", "m_ya") if g.get(k)), None)
    if ref is not None and shift is not None:
        y = ref.year + _YEAR_SHIFT[W.key(shift)]  # "March last year", "آذار العام الماضي"
    elif ref is not None and (
        _LAST_BEFORE.search(text[max(0, c.start - 14) : c.start])
        or _LAST_AFTER.match(text[c.end : c.end + 10])
    ):
        y = ref.year if m < ref.month else ref.year - 1  # "last September", "mai dernier"
    elif ref is not None and _since(c, text):
        y = ref.year if m <= ref.month else ref.year - 1  # "since November", "seit Ende Mai"
    elif ref is not None and _past_clause(text, c.start, sents or _Sentences(text)):
        y = ref.year if m <= ref.month else ref.year - 1  # "in September inked a deal"
    elif (
        ref is not None
        and y is not None
        and dt.date(y, m, 1) - ref > _PAST_SLACK
        and _arabic_not_future(text, c.start, sents or _Sentences(text))
    ):
        y -= 1  # "قتل في آذار" on a page of October: the March before, not the next
    if y is None:
        return None, None
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


_DOT = re.compile(r"\.")


class _Sentences:
    """Sentence bounds around positions of a text, each sentence judged once (linear time).

    A sentence runs from just after the last full stop before a position to the end of the
    next ``.``/``!``/``?`` followed by a space or the end of the text."""

    _END = re.compile(r"[.!?](?:\s|$)")
    #: The dot of a German day before its month ("am 3. Januar") ends no sentence.
    _ORDINAL = re.compile(rf"(?<!\d)\d{{1,2}}\.(?=\s*(?:{W.alternation(W.MONTHS)})\b)", re.I)

    def __init__(self, text: str) -> None:
        self.text = text
        ordinal = {m.end() - 1 for m in self._ORDINAL.finditer(text)}
        self._stops = [i for m in _DOT.finditer(text) if (i := m.start()) not in ordinal]
        self._ends = [m.end() for m in self._END.finditer(text) if m.start() not in ordinal]
        self._future: dict[tuple[int, int], list[int]] = {}
        self._clauses: dict[tuple[int, int], list[int]] = {}
        self._past: dict[tuple[int, int], bool] = {}

    def span(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_left(self._stops, pos)
        a = self._stops[i - 1] + 1 if i else 0
        j = bisect.bisect_right(self._ends, pos)
        b = self._ends[j] if j < len(self._ends) else len(self.text)
        return a, b

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause around ``pos``: between the commas (semicolons, colons) of its
        sentence, each sentence split once."""
        a, b = span = self.span(pos)
        cuts = self._clauses.get(span)
        if cuts is None:
            cuts = self._clauses[span] = [m.start() for m in _CLAUSE_END.finditer(self.text, a, b)]
        i = bisect.bisect_left(cuts, pos)
        return (cuts[i - 1] + 1 if i else a), (cuts[i] if i < len(cuts) else b)

    def future(self, pos: int) -> bool:
        """Whether the sentence around ``pos`` speaks of the future ("will", "next" …), up
        to the end of the clause of ``pos``: a later clause's "will" ("…launched an
        offensive on Wednesday, and … announced that the forces will surrender") is
        another verb's; so is one in a relative clause after ``pos`` ("began leaving …
        Saturday under a deal that will bring …": the deal's future, round 27). Each
        sentence is searched once."""
        span = self.span(pos)
        marks = self._future.get(span)
        if marks is None:
            marks = self._future[span] = [
                span[0] + i for i in _future_marks(self.text[span[0] : span[1]])
            ]
        if not marks:
            return False
        end = self.clause(pos)[1]
        if marks[0] > pos:
            rel = _RELATIVE.search(self.text, pos, marks[0])
            end = min(end, rel.start()) if rel else end
        return marks[0] < end


#: A relative pronoun (English): the clause it opens has a verb of its own ("a deal that
#: will bring …").
_RELATIVE = re.compile(r"\b(?:that|which|who|whose)\b", re.IGNORECASE)
#: A verb in the past tense (English): "inked", "took", "was".
_PAST_VERB = re.compile(
    r"\b(?:[a-z]{2,}ed|was|were|had|took|began|came|fell|saw|won|struck|made|met|held|left"
    r"|lost|sent|went|broke|drove|fought|gave|got|hit|kept|ran|rose|seized|shot|told|wrote)\b"
    # German: the simple past of the verbs of news ("im April begann die Regierung …")
    # (not "war": an English noun of every story here)
    r"|\b(?:waren|wurde|wurden|hatte|hatten|begann|begannen|kam|kamen|fiel|fielen|nahm"
    r"|nahmen|gab|gaben|griff|griffen|ging|gingen|brach|brachen|starb|starben|floh|flohen|zog"
    r"|zogen|eroberten?|starteten?|töteten?|meldeten?|erklärten?|sagten?|vereinbarten?"
    r"|kündigten?|besetzten?|beschossen|rückten?|drangen?|flogen?|trafen?|schossen?|tötete"
    r"|verletzten?|zerstörten?|übernahmen?|verließen?|erreichten?|\w{3,}ierten?)\b"
    # the German perfect: "hat … erobert", "haben … angegriffen", "ist … gefallen"
    r"|\b(?:hat|haben|ist|sind)\s+[^,;:!?]{0,80}?"
    r"\b(?:\w*ge|be|er|ver|zer|ent|über)\w{2,}(?:t|en)\b"
    # French: the perfect ("a lancé", "ont conclu") and the pluperfect ("a summit" is English)
    r"|\b(?:a|ont|avait|avaient)\s+(?:\w+\s+)?\w{2,}(?:é|ée|és|ées)\b"
    r"|\b(?:ont|avait|avaient)\s+(?:\w+\s+)?\w{2,}(?:is|it|u|ue|us|ert|int)\b"
)
#: Turkish: the past in -dı/-di/-du/-dü/-tı … ("kurtarmıştı", "başladı", "oldu"), read only
#: in a clause with a letter of Turkish ("Saudi" is no verb).
_TR_PAST = re.compile(
    r"\b(?!(?:kendi|şimdi|hadi|haydi)\b)\w{2,}(?:dı|di|du|dü|tı|ti|tu|tü)(?:lar|ler)?\b"
)
#: A clause is Turkish by its letters, or by a case ending after an apostrophe ("3
#: Ocak'ta ilerledi": no letter of Turkish's own).
_TR_LETTERS = re.compile("[ışğİ]|\\w['’](?:ta|da|te|de|tan|dan|ten|den)\\b")


def _past_clause(text: str, pos: int, sents: _Sentences) -> bool:
    """Whether the clause around ``pos`` speaks of the past (a verb in the past tense, no
    word of the future in its sentence up to the clause's end): a month named there is
    the latest one on or before the reference date, not the nearest."""
    if sents.future(pos):
        return False
    clause = sents.clause(pos)
    if len(text[clause[0] : clause[1]].split()) <= 3 and clause[1] < sents.span(pos)[1]:
        if sents.future(clause[1] + 1):  # "In June, attacks damaged …": a fronted date is
            return False  # the next clause's (round 23)
        clause = (clause[0], sents.clause(clause[1] + 1)[1])
    got = sents._past.get(clause)
    if got is None:  # each clause searched once
        got = sents._past[clause] = bool(
            _PAST_VERB.search(text, *clause)
            or _TR_LETTERS.search(text, *clause)
            and _TR_PAST.search(text, *clause)
        )
    return got


#: Words of the future in Arabic (folded): "سوف", "المقبل", "من المقرر" (scheduled), "من
#: المتوقع" (expected), and the future of the verbs of a schedule ("سيعقد", "ستبدأ").
_AR_FUTURE = re.compile(
    r"(?<!\w)(?:سوف|المقبل|المقبله|القادم|القادمه|المرتقب|المرتقبه|من\s+المقرر|من\s+المتوقع"
    r"|يعتزم|تعتزم|[وف]?س[يتن](?:تم|عقد|بدا|نطلق|جري|صل|نعقد|ستانف|شارك|زور|توجه|عود|عقد))(?!\w)"
)
_AR_LETTERS = re.compile("[\u0621-\u064a]")


def _arabic_not_future(text: str, pos: int, sents: _Sentences) -> bool:
    """Whether the sentence around ``pos`` is Arabic and says nothing of the future: a day
    or month without year months after the page is then the one before it (Arabic
    verbs carry no mark of the past a pattern could read)."""
    a, b = sents.span(pos)
    if not _AR_LETTERS.search(text, max(a, pos - 40), min(b, pos + 40)):
        return False
    return not _AR_FUTURE.search(text[a:b].translate(W.MATCH_FOLD))


#: The end of a clause: a comma, a semicolon, a colon, an Arabic comma or semicolon.
_CLAUSE_END = re.compile(r"[,;:،؛]")


def _future_marks(sentence: str) -> list[int]:
    """Offsets of the words of the future in a sentence ("will", "next", "سوف" …)."""
    return [m.start() for m in _FUTURE.finditer(sentence)]


def _weekday_lead(g: dict[str, str]) -> str:
    """The word that says which weekday is meant: "last" or "next" for the words of any
    language that say so before or after it ("vergangenen Freitag", "vendredi dernier",
    "الجمعة المقبل"), else the word before it as written."""
    lead = (g.get("w_rel") or "").lower()
    for w in (lead.split()[-1:] or [""]) + [W.key(g.get("w_after") or "")]:
        if w in W.LAST_WORDS:
            return "last"
        if w in W.NEXT_WORDS:
            return "next"
    return lead


_PAST_DAY = re.compile(rf"(?:{W.PAST_DAY_WORDS}|امس|اليوم)$", re.IGNORECASE)
#: A verb of saying in the past right before a weekday ("said Sunday the alliance expected
#: …"): the day it was said, past whatever the sentence says of the future (round 23).
_SAID = re.compile(r"\b(?:said|told\s+\w+|announced|stated|confirmed|reported|added)\s+(?:on\s+)?$")
#: A past participle after its noun right before a weekday ("a deal reached late on
#: Tuesday", "the attack carried out Friday"): a clause of its own, told in the past, whatever
#: the sentence's main verb says of the future ("are to be evacuated under a deal reached
#: late on Tuesday"); not after "be" or "will" (a passive, "will be released on Tuesday"), nor
#: a participle of a plan ("expected", "scheduled"). Round 25.
_PARTICIPLE = re.compile(r"\b(?P<before>\w+)\s+(?P<verb>[a-z]+ed)\s+(?:out\s+)?(?:on\s+)?$")
_NOT_PAST_BEFORE = frozenset(
    "be been being is are was were will would shall should could can may might must to get "
    "gets got has have had".split()
)
_PLAN_PARTICIPLES = frozenset("expected scheduled planned slated set due timed".split())


def _past_participle(lead: str) -> bool:
    """Whether a weekday follows a past participle of a clause on its own (:data:`_PARTICIPLE`).

    Examples
    --------
    >>> _past_participle("under a deal reached ")
    True
    >>> _past_participle("they will be released ")
    False
    """
    m = _PARTICIPLE.search(lead)
    return bool(
        m
        and m.group("before").lower() not in _NOT_PAST_BEFORE
        and m.group("verb") not in _PLAN_PARTICIPLES
    )


def _weekday(name: str, rel: str, text: str, pos: int, ref: dt.date, sents: _Sentences) -> dt.date:
    """A weekday named in a news text: the latest one on or before the reference, unless
    the sentence speaks of the future ("will", "next …"), then the next on or after it."""
    wd = _WEEKDAYS[W.key(name)]
    lead = text[max(0, pos - 25) : pos]
    past = rel == "last" or bool(_PAST_DAY.search(rel) or _SAID.search(lead))  # "hier mardi"
    past = past or _past_participle(text[max(0, pos - 40) : pos])  # "a deal reached on Tuesday"
    future = rel == "next" or (not past and (sents.future(pos) or bool(_STARTS.search(lead))))
    if future:
        return ref + dt.timedelta(days=(wd - ref.weekday()) % 7)
    back = (ref.weekday() - wd) % 7
    if rel == "last" and back == 0:
        back = 7
    return ref - dt.timedelta(days=back)


def _first_of_span(word: str, last: dt.date) -> dt.date:
    """The first day of a span of days of one month, written as a number or an Arabic
    ordinal ("7 و8 من الشهر الجاري", "السابع والثامن من الشهر الجاري"), in the month of its
    last day; the last day itself when the first would not come before it."""
    n = N.AR_ORDINALS.get(W.key(word)) or _day(word)
    return last.replace(day=n) if n < last.day else last
