"""Tests that drop a date candidate: an English month that is a verb ("may"), a season
without its time ("ربيع الماضي"), German "Morgen" that is the morning, not tomorrow, a
span of time ("over the last year"); and a bound ("more than seven years ago"), whose
year is not known for sure."""

from __future__ import annotations

import re

from . import _words as W

#: Words before "morgen" that make it the morning, not tomorrow ("heute morgen", "Freitag
#: morgen", "am Morgen", "jeden Morgen", "guten Morgen").
_MORNING_BEFORE = re.compile(
    rf"(?:\b(?:{W.alternation(W.WEEKDAYS, short=False)}|heute|gestern|vorgestern|am|jeden|guten"
    r"|diesen|eines|einem|den|der|dem|vom|zum|früh|frühen)\s+)$",
    re.IGNORECASE,
)


def _morning(word: str, folded: str, start: int) -> bool:
    """Whether German "morgen" is the morning: a noun has its capital ("der Morgen", but at
    a sentence's start the adverb has one too), an article or a day before it."""
    if W.key(word) != "morgen":
        return False
    opening = re.search(r"(?:^|[.!?:]\s+|\n)$", folded[max(0, start - 3) : start])
    if word[0].isupper() and not opening:
        return True
    return _MORNING_BEFORE.search(folded[max(0, start - 24) : start]) is not None


def _indefinite_season(g: dict[str, str]) -> bool:
    """ "ربيع الماضي" is no season: an Arabic adjective after its noun agrees with it, so
    "the last spring" is "الربيع الماضي" (a name, "ربيع", may stand before the word)."""
    return bool(g.get("sr_a") and g.get("sr_t", "").startswith(("ربيع", "صيف", "خريف", "شتاء")))


def _month_capitalised(s: str) -> bool:
    """English month words are verbs and names too ("may", "march"): they need a capital.
    Other languages' month names (lower case in French, Turkish; no case in Arabic) do not."""
    for word in re.findall(r"[^\W\d_]+", s):
        if W.key(word) in W.MONTHS:
            return W.key(word) not in W.ENGLISH_MONTHS or word[0].isupper()
    return True


#: "the last year", "over the past month": with its article the phrase is a span of time
#: running up to the page (the last twelve months), not the calendar year before it.
_SPAN_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_SPAN_WORDS = re.compile(r"(?:last|past)\s+(?:week|month|year)", re.IGNORECASE)
#: "more than seven years ago", "nearly two weeks ago": a bound, no day a reader could name.
_BOUND_BEFORE = re.compile(
    r"\b(?:more\s+than|less\s+than|fewer\s+than|over|nearly|almost|at\s+least|upwards\s+of"
    r"|well\s+over)\s+$",
    re.IGNORECASE,
)


def _no_point(written: str, folded: str, start: int) -> bool:
    """Whether an English relative date names no point of time: "over the last year", "in
    the past month" (a span running up to the page)."""
    before = folded[max(0, start - 16) : start]
    return bool(_SPAN_WORDS.fullmatch(written.strip()) and _SPAN_BEFORE.search(before))


#: "today" closing a clause's subject ("Its population today", "the town's population
#: today", "The city today"), at a clause's start.
_STATE_SUBJECT = re.compile(
    r"(?:^|[.;:!?\n]\s*|,\s+)(?:its|their|his|her|the|[a-z]+['’]s)\s+(?:[a-z-]+(?:['’]s)?\s+){0,2}$",
    re.IGNORECASE,
)
#: The clause's verb after it, in the present and of a state ("is 100,000", "stands at",
#: "remains"), not a verb of an event ("is advancing", "were entered", "said").
_STATE_VERB = re.compile(
    r"[^.;!?\n]{0,80}?\b(?:is|are|stands|remains|remain|numbers|exceeds)\b(?!\s+\w+(?:ing|ed)\b)",
    re.IGNORECASE,
)
_EVENT_WORDS = re.compile(
    r"\b(?:was|were|had|has|have|will|would|said|says|\w+ed)\b", re.IGNORECASE
)


def _state_today(written: str, folded: str, start: int) -> bool:
    """Whether an English "today" is the present of a state, not an event's day: it closes
    the subject of a clause whose verb is a present "is" of a state ("Its population today,
    according to various estimates, is 100,000"; round 26), while "killed today", "said
    today", "five towns were entered today", "today we can say" keep their day.

    Examples
    --------
    >>> t = "Its population today, according to estimates, is 100,000."
    >>> _state_today("today", t, t.index("today"))
    True
    >>> t = "Five towns were entered by the army today."
    >>> _state_today("today", t, t.index("today"))
    False
    """
    if written.strip().lower() != "today":
        return False
    if not _STATE_SUBJECT.search(folded, max(0, start - 60), start):
        return False
    end = start + len(written)
    verb = _STATE_VERB.match(folded, end)
    return verb is not None and not _EVENT_WORDS.search(folded, end, verb.end())


def _bound(written: str, text: str, start: int) -> bool:
    """Whether "N years ago" is a bound ("more than seven years ago", "nearly two weeks
    ago"): the date it gives is the nearest the text allows, its year not known for sure."""
    before = text[max(0, start - 16) : start]
    return written.lower().endswith(" ago") and _BOUND_BEFORE.search(before) is not None


#: A word of fasting a few words before Ramadan: "fasting during the Muslim holy month of
#: Ramadan", "le jeûne du ramadan", "صيام شهر رمضان": the custom explained, no date.
_FASTING = re.compile(
    r"(?:\bfast(?:ing|s)?|\biftar|\bje[uû]n\w*|\bfasten\b|\boruç\w*|صيام|الصيام|صوم|الصوم|افطار"
    r"|الافطار)\W+(?:\w+\W+){0,5}$",
    re.IGNORECASE,
)


def _custom(folded: str, start: int) -> bool:
    """Whether Ramadan, named after a word of fasting ("day-long fasting during the holy
    month of Ramadan"), is the custom explained rather than the month of an event."""
    return _FASTING.search(folded[max(0, start - 60) : start]) is not None


#: Function words of German and of French: "hier" is French yesterday, German "here".
_GERMAN_WORDS = re.compile(
    r"\b(?:und|auch|ist|sind|wir|ich|der|die|das|den|dem|nicht|noch|wird|werden|hat|haben"
    r"|mit|von|bei|am|im|sich|ein|eine|uns|es|sagt|sagte|gibt|heißt|seien)\b",
    re.IGNORECASE,
)
_FRENCH_WORDS = re.compile(
    r"\b(?:le|la|les|des|du|une|est|sont|ont|été|et|dans|par|pour|qui|que|au|aux|soir|matin"
    r"|il|elle|ils|a|selon)\b",
    re.IGNORECASE,
)


def _german_here(written: str, folded: str, start: int) -> bool:
    """Whether "hier" among German words is the German "here" ("auch hier am Boden"), not
    the French "yesterday" ("tués hier soir")."""
    if written.strip().lower() != "hier":
        return False
    around = folded[max(0, start - 50) : start + 54]
    return len(_GERMAN_WORDS.findall(around)) > len(_FRENCH_WORDS.findall(around))


#: The definite word before an Arabic ordinal, when the ordinal is its adjective ("الأسبوع
#: الأول من آذار", the first week of March; "النصف الثاني من شهر آذار"): any but a day's
#: own words, after which the ordinal is the day ("الخميس الرابع من آذار", "اليوم الأول من
#: آذار", "الموافق الرابع من آذار"); on folded text.
_ORDINAL_NOUN_BEFORE = re.compile(r"(?<!\w)(ال[^\W\d_]{2,})\s+$")
_DAY_WORDS_BEFORE = frozenset(
    [W.key(w) for w in W.WEEKDAYS if w.startswith(("ال", "ا"))]
    + ["اليوم", "الموافق", "المصادف", "الواقع"]  # "the day falling on": round 23
)


def _qualified_ordinal(folded: str, start: int) -> bool:
    """Whether an Arabic ordinal read as a day ("الأول من آذار") is the adjective of the
    definite noun before it ("في الأسبوع الأول من آذار"), no day."""
    m = _ORDINAL_NOUN_BEFORE.search(folded, max(0, start - 24), start)
    return m is not None and W.key(m.group(1)) not in _DAY_WORDS_BEFORE


#: A quoted name of two words or more ending in a weekday's word ("“ياسر الخميس”", a
#: person; "«Black Friday»"): its name, no date (round 23).
_QUOTE_OPEN = re.compile(r"[\"“«„]\s*(?:[^\W\d_]+\s+){1,3}$")
_QUOTE_CLOSE = re.compile(r"\s*[\"”»“]")


def _quoted_name(folded: str, start: int, end: int) -> bool:
    """Whether the weekday at ``start:end`` closes a quoted name of a few words."""
    return bool(
        _QUOTE_OPEN.search(folded, max(0, start - 40), start) and _QUOTE_CLOSE.match(folded, end)
    )


#: A count of days said to be approximate ("قبل حوالي 20 يوما", "about 20 days ago", "il y
#: a environ dix jours"): it names no day a reader can fix (round 23; "قبل نحو أسبوعين"
#: still names its week); folded.
_APPROX = re.compile(
    r"(?<!\w)(?:about|around|nearly|almost|roughly|approximately|some|environ|presque|etwa"
    r"|rund|ungefähr|fast|yaklaşık|حوالي|حوالى|نحو|قرابه|زهاء|ما\s+يقارب)\s+\S*\s*$"
)
_APPROX_INSIDE = re.compile(
    r"(?<!\w)(?:حوالي|حوالى|نحو|قرابه|زهاء|يقارب|environ|etwa|yaklaşık)(?!\w)"
)
_DAYS = re.compile(r"(?<!\w)(?:days?|jours?|tage[n]?|gün|يوم|يوما|ايام|يومين)(?!\w)")


def _approximate(written: str, folded: str, start: int) -> bool:
    """Whether a count of days back is said to be approximate."""
    if not _DAYS.search(written):
        return False
    return bool(_APPROX_INSIDE.search(written) or _APPROX.search(folded, max(0, start - 24), start))


#: A page's age in brackets after its own stamp ("Published on Sunday, August 11 2019 9:51
#: (about 10 months ago)"): counted from the reader's day, not the page's (folded text).
_AGE_STAMP = re.compile(
    r"(?:\d{4}|\d:\d\d(?:\s*[ap]\.?m\.?)?)\s*\(\s*(?:(?:about|around|some|nearly|almost"
    r"|environ|etwa|yaklaşık|حوالي|نحو|منذ)\s+)?$",
    re.IGNORECASE,
)


def _page_age(written: str, folded: str, start: int) -> bool:
    """Whether "N units ago" in brackets right after a written date or clock time is the
    page's age as its site shows it to the reader ("9:51 (about 10 months ago)"; round 26),
    which names no date of the story.

    Examples
    --------
    >>> t = "Published on Sunday, August 11 2019 9:51 (about 10 months ago)"
    >>> _page_age("10 months ago", t, t.index("10 months"))
    True
    >>> t = "The town fell (10 months ago) to the army."
    >>> _page_age("10 months ago", t, t.index("10 months"))
    False
    """
    if not re.search(r"\bago$|قبل|önce|vor\b|il y a", written, re.IGNORECASE):
        return False
    return _AGE_STAMP.search(folded, max(0, start - 30), start) is not None


#: "every November 11th", "each Friday", "chaque vendredi", "jeden Freitag": a day that comes
#: back every year or every week, no one date (round 25); folded text.
_EVERY = re.compile(r"\b(?:every|each|chaque|jeden|jedes|jede)\s+$")


def _recurring(folded: str, start: int) -> bool:
    """Whether a day or weekday follows a word of recurrence ("celebrated every November
    11th"), so that it names no date.

    Examples
    --------
    >>> _recurring("celebrated every november 11th", 17)
    True
    >>> _recurring("celebrated on november 11th", 14)
    False
    """
    return _EVERY.search(folded, max(0, start - 12), start) is not None


#: A prayer or a sermon named by its weekday (folded text): "تعليق صلاة الجمعة" (suspending
#: the Friday prayer), "خطبة الجمعة", "Friday prayers", "la prière du vendredi": the weekly rite,
#: no date (round 27, 735) ...
_RITE_BEFORE = re.compile(r"(?<!\w)(?:ال)?(?:صلاه|صلوات|خطبه|خطب)\s+$|\bpri[eè]res?\s+du\s+$")
_RITE_AFTER = re.compile(r"\s+(?:prayers?|sermons?)\b")
#: ... unless a word of time before it makes it the hour of one Friday: "بعد صلاة الجمعة",
#: "after Friday prayers", "après la prière du vendredi" (a protest's day).
_TIME_BEFORE = re.compile(
    r"(?<!\w)[وف]?(?:بعد|عقب|قبل|اثناء|خلال|اثر|حتي)\s+$"
    r"|\b(?:after|following|before|during|at|en\s+marge\s+de|après|avant|pendant)\s+(?:the\s+|la\s+)?$",
    re.IGNORECASE,
)


def _weekly_rite(folded: str, start: int, end: int) -> bool:
    """Whether a weekday names a weekly prayer or sermon ("تعليق صلاة الجمعة", "Friday
    prayers were suspended"), no date; a word of time before the rite ("بعد صلاة الجمعة",
    "after Friday prayers") makes it the hour of one Friday, a date.

    Examples
    --------
    >>> t = "اعلنت الوزاره تعليق صلاه الجمعه في المساجد"
    >>> _weekly_rite(t, t.index("الجمعه"), t.index("الجمعه") + 6)
    True
    >>> t = "خرج المتظاهرون بعد صلاه الجمعه"
    >>> _weekly_rite(t, t.index("الجمعه"), t.index("الجمعه") + 6)
    False
    """
    m = _RITE_BEFORE.search(folded, max(0, start - 16), start)
    if m is not None:
        rite = m.start()
    elif _RITE_AFTER.match(folded, end):
        rite = start
    else:
        return False
    return _TIME_BEFORE.search(folded, max(0, rite - 24), rite) is None
