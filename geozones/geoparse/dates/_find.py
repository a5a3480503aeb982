"""The date finder: the windows around the words every date holds, the matches of the
patterns of :mod:`._date_patterns` in them, and the candidates they give (with the filters
of :mod:`._date_filters`)."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from . import _numerals as N
from . import _words as W
from ._filters import (
    _approximate,
    _custom,
    _german_here,
    _indefinite_season,
    _month_capitalised,
    _morning,
    _no_point,
    _page_age,
    _qualified_ordinal,
    _quoted_name,
    _recurring,
    _state_today,
    _weekly_rite,
)
from ._misspelled import misspelled_weekdays
from ._patterns import _ALTERNATIVES, _MONTH_SPAN, _PATTERNS, _PREFIX, _SPAN_UNITS, _Cand
from ._scan import guarded

#: The candidates a word of recurrence before them ("every", "each") takes out: a day
#: without its year, a weekday (round 25).
_RECURRING_KINDS = frozenset(("dmy", "mdy", "weekday"))

#: Every date holds a digit or one of these words: the full patterns run only around them.
_TRIGGER_RE = W.caseless(
    r"\d|(?:midnight|noon|mitternacht|minuit|gece yarısı|منتصف الليل)|\b(?:"
    + W.alternation(
        # "an" and "ay" (a year, a month) are too common a word to look around: "önce",
        # "sonra" and the numbers stand in for them
        (set(W.UNITS) - {"an", "ay"})
        | set("veille lendemain vortag tags ertesi previous following next önce sonra ramadan "
              "ramadhan ramazan eid aïd aid bayramı رمضان عيد السابق "
              "التالي الفين العام jahres jahresbeginn jahresanfang jahresende année yılın "
              "yıl demi demie buçuk".split())
        # the counted noun first with its article: "قبل السنوات الست" (round 26)
        | {"السنوات", "الايام", "الاسابيع", "الاشهر", "الاعوام"}
        # a night or morning counted from the day before it (round 26)
        | {"nacht", "nuit", "gece", "sabah", "الليله"}
        | set(W.HALVES)
    )
    + r")\b|(?:\b|(?<=\b[وفبل]))"  # "وأمس", "وبالأمس": after a clitic too
    + W.alternation(
        {**W.MONTHS, **W.WEEKDAYS, **W.RELATIVE, **W.SEASONS}.keys()
        | set("yesterday today tonight tomorrow night morning afternoon evening day days week "
              "weeks weekend month months year years ago later earlier".split())
    )
)  # fmt: skip
#: Characters before and after a trigger that a date around it may take ("the day before
#: yesterday", "early spring 2019", "from 5 to 7 March 2020").
_WINDOW = (40, 60)
_CAPITAL_ONLY = {"mdy", "my", "month"}


# --------------------------------------------------------------------------- finding


#: The group that holds the date itself where the pattern's words around it are context.
_SPAN = {
    "month": "m_m",
    "year": "y_y",
    "friday": "f_d",
    "year_attr": "ya_y",
    "year_tr": "yt_y",
    "year_de": "yd_y",
}


def _candidates(text: str) -> list[_Cand]:
    out = []
    folded = W.match_folded(text)  # same length and offsets
    outer_at, names = _layout(guarded(_PREFIX, _ALTERNATIVES))
    for m in _matches(folded):
        # the outer alternative: the group closed last, else the one that took part
        kind = outer_at.get(m.lastindex or 0)
        if kind is None or m.start(kind) < 0:
            kind = next(k for k, _ in _PATTERNS if m.start(k) >= 0)
        outer = kind
        # the groups as written (the match ran on the text in lower case)
        groups = {k: folded[m.start(k) : m.end(k)] for k in names[outer] if m.start(k) >= 0}
        if kind == "dmy_ar" and _qualified_ordinal(folded, m.start(kind)):
            out.append(_month_alone(m, groups, "o"))  # "الأسبوع الأول من آذار": the week's
            continue
        if kind == "dmy_ar_range":  # days as ordinals: read as "7-9 September 2018"
            if _qualified_ordinal(folded, m.start(kind)):
                out.append(_month_alone(m, groups, "or"))  # "الأسبوعين الأول والثاني من آذار"
                continue
            kind = "dmy_range"
            groups.update({f"r1_{k}": v for k, v in _ordinal_days(groups).items()})
        if kind == "dmy_ar":  # an ordinal day: read as "9 October 2019"
            kind = "dmy"
            groups.update(a_d=str(N.AR_ORDINALS[W.key(groups["o_d"])]), a_m=groups["o_m"])
            for o, a in (("o_y", "a_y"), ("o_ys", "a_ys")):
                if o in groups:
                    groups[a] = groups[o]
        written = folded[m.start(kind) : m.end(kind)]
        if kind in _CAPITAL_ONLY and not _month_capitalised(groups.get("m_m") or written):
            continue
        if kind == "season_rel" and _indefinite_season(groups):
            continue
        if kind == "relative" and _morning(written, folded, m.start(kind)):
            continue
        if kind == "relative" and _no_point(written, folded, m.start(kind)):
            continue
        if kind == "relative" and _german_here(written, folded, m.start(kind)):
            continue
        if kind in ("relative", "ago") and _page_age(written, folded, m.start(kind)):
            continue  # "9:51 (about 10 months ago)": the page's age to its reader
        if kind == "relative" and _state_today(written, folded, m.start(kind)):
            continue  # "Its population today … is 100,000": a state, no day
        if kind in ("relative", "ago") and _approximate(written, folded, m.start(kind)):
            continue  # "قبل حوالي 20 يوما", "about 20 days ago": no day a reader fixes
        if outer == "feast" and m.start("fe_r") >= 0 and _custom(folded, m.start(kind)):
            continue
        if kind in _RECURRING_KINDS and _recurring(folded, m.start(outer)):
            continue  # "every November 11th", "each Friday": no one date
        span = _SPAN.get(outer, outer)  # the preposition is context
        if outer == "feast":  # the feast's name: the preposition is context
            span = next(k for k in ("fe_f", "fe_a", "fe_r", "fe_t", "fe_ry") if m.group(k))
        start, end = m.start(span), m.end(span)
        if outer in ("dmy_ar", "dmy_ar_range") and folded[end - 1] == ".":
            end -= 1  # "الرابع من آذار.": the full stop
        if kind in ("month", "feast") and m.end(kind) > end:
            end = m.end(kind)  # "March last year", "آذار من العام الماضي": the year's words
        lead = m.group(outer)[: start - m.start(outer)].strip(" -")  # in lower case
        if kind == "month" and lead.removesuffix("شهر").strip() in _PART_OF_MONTH:
            start = m.start(kind)  # "Mitte Dezember", "mid-December": a part of the month
        if kind == "weekday" and _quoted_name(folded, start, end):
            continue  # "“ياسر الخميس”": a person's name
        if kind == "weekday" and _weekly_rite(folded, start, end):
            continue  # "تعليق صلاة الجمعة", "Friday prayers were cancelled": the rite
        if kind == "weekday" and re.search(r"[“\"«]", folded[start:end]):
            end += bool(re.match(r"[”\"»“]", folded[end : end + 1]))  # "أمس “الأربعاء”"
        out.append(_Cand(kind, start, end, groups))
    if spans := _month_spans(folded):  # "the first two weeks of August": in its place
        out = sorted(
            [c for c in out if not any(c.start < x.end and x.start < c.end for x in spans)] + spans,
            key=lambda c: c.start,
        )
    if typos := misspelled_weekdays(text):  # "officials said Wednesady"
        out = sorted(out + typos, key=lambda c: c.start)
    return out


@functools.cache
def _span_rx() -> re.Pattern[str]:
    return W.caseless(_MONTH_SPAN)


def _month_spans(folded: str) -> list[_Cand]:
    """The counted parts of a month ("the first two weeks of August", "الأيام العشرة الأخيرة
    من آذار"), searched around their unit words only; the month's place kept in ``sp_at``."""
    lower = folded.translate(W.CASELESS)
    found: dict[int, re.Match[str]] = {}
    for u in _SPAN_UNITS:
        at = lower.find(u)
        while at >= 0:
            lo, hi = max(0, at - 45), min(len(lower), at + 60)
            for m in _span_rx().finditer(lower, lo, hi):
                if m.start() <= at < m.end():
                    found.setdefault(m.start(), m)
            at = lower.find(u, at + 1)
    spans = (_span(found[k], folded) for k in sorted(found))
    return [c for c in spans if c is not None]


def _span(m: re.Match[str], folded: str) -> _Cand | None:
    """One counted part of a month as a candidate (None for an English month in lower
    case, "the last two days of may": the verb)."""
    groups = {k: folded[m.start(k) : m.end(k)] for k, v in m.groupdict().items() if v}
    at = next(g for g in ("se_m", "sf_m", "sd_m", "sa_m", "st_m") if m.start(g) >= 0)
    if not _month_capitalised(groups[at]):
        return None
    groups["sp_at"] = f"{m.start(at)}:{m.end(at)}"
    end = m.end()
    if folded[end - 1] == "." and "\u0621" <= folded[end - 2] <= "\u064a":
        end -= 1  # "من آب.": the full stop
    return _Cand("month_span", m.start(), end, groups)


@functools.cache
def _layout(rx: re.Pattern[str]) -> tuple[dict[int, str], dict[str, tuple[str, ...]]]:
    """The alternatives of the finder's expression by the number of their group, and the
    named groups inside each (in their order): a match's groups are those of its own."""
    index = rx.groupindex
    outer_at = {index[k]: k for k, _ in _PATTERNS}
    starts = sorted(outer_at) + [rx.groups + 1]
    by_number = sorted((i, name) for name, i in index.items())
    names = {
        outer_at[a]: tuple(name for i, name in by_number if a <= i < b)
        for a, b in itertools.pairwise(starts)
    }  # fmt: skip
    return outer_at, names


#: Words before a month that name a part of it, and belong to the date's words.
_PART_OF_MONTH = frozenset(
    "mid early late end of fin début mi ende anfang mitte".split()
    + "مطلع اواخر نهايه بدايه منتصف اواسط اوائل".split()
)


def _matches(folded: str) -> Iterator[re.Match[str]]:
    """The candidate matches, searched only in windows around trigger words (the full
    pattern at every position of a long text costs ten times more)."""
    folded = folded.translate(W.CASELESS)  # the patterns are in lower case
    windows: list[list[int]] = []
    for t in _TRIGGER_RE.finditer(folded):
        a, b = max(0, t.start() - _WINDOW[0]), min(len(folded), t.end() + _WINDOW[1])
        if windows and a <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], b)
        else:
            windows.append([a, b])
    rx = guarded(_PREFIX, _ALTERNATIVES)
    last_end = 0
    for a, b in windows:
        for m in rx.finditer(folded, max(a, last_end), b):
            last_end = m.end()
            yield m


def _month_alone(m: re.Match[str], groups: dict[str, str], p: str) -> _Cand:
    """The month (with its year when written) of an ordinal that is no day ("الأسبوع الأول
    من آذار 2019": March 2019)."""
    start = m.start(f"{p}_m")
    if f"{p}_y" in groups:
        return _Cand(
            "my", start, m.end(f"{p}_y"), {"c_m": groups[f"{p}_m"], "c_y": groups[f"{p}_y"]}
        )
    month = groups[f"{p}_m"].rstrip(".")  # an Arabic month closing its sentence
    return _Cand("month", start, start + len(month), {"m_m": month})


def _ordinal_days(groups: dict[str, str]) -> dict[str, str]:
    """The groups of a span of days written as Arabic ordinals, as a dmy_range's."""
    out = {"d1": str(N.AR_ORDINALS[W.key(groups["or_d1"])]), "m": groups["or_m"]}
    out["d2"] = str(N.AR_ORDINALS[W.key(groups["or_d2"])])
    if "or_y" in groups:
        out["y"] = groups["or_y"]
    return out
