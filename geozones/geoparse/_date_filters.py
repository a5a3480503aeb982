"""Tests that drop a date candidate: an English month that is a verb ("may"), a season
without its time ("ربيع الماضي"), German "Morgen" that is the morning, not tomorrow."""

from __future__ import annotations

import re

from . import _date_words as W

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
