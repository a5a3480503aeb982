"""A tweet embedded in a page, dated by its own signature.

A page shows an embedded tweet as its text followed by a signature line, "— Name
(@handle) February 3, 2018". The tweet's "today", "yesterday" or weekday count from
that date, not from the page's (which may give only its month, or be days later):
:func:`tweet_days` resolves them again from it (round 24).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ._mention import DateMention
from ._patterns import _Cand
from ._resolve import _resolve, _Sentences

#: The signature of an embedded tweet: a dash, the author's name, the handle in brackets;
#: its date follows right after.
_SIGNATURE = re.compile(r"(?:^|(?<=\s))[—–-][ \t]*[^\n()—–]{1,60}?\(\s*@\w{1,30}\s*\)[ \t]*")
#: The kinds of candidates a tweet's date resolves (days counted from the writer's).
_RELATIVE_KINDS = frozenset(("relative", "weekday"))


def _body(text: str, dash: int) -> int:
    """Where the tweet before a signature starts: its own line when the signature runs on
    after the text, else the last line of text before it."""
    line = text.rfind("\n", 0, dash) + 1
    if text[line:dash].strip():
        return line
    end = len(text[:line].rstrip())  # the end of the last line with text
    return text.rfind("\n", 0, end) + 1


def tweet_days(mentions: list[DateMention], cands: list[_Cand], text: str) -> list[DateMention]:
    """The relative days of each embedded tweet resolved from the date of its signature.

    Examples
    --------
    >>> import datetime as dt
    >>> from geozones.geoparse.dates import extract_dates
    >>> text = "A jet was downed today\\n\\n– Jane Roe (@janeroe) February 3, 2018 Later"
    >>> [(m.text, m.iso) for m in extract_dates(text, None, month=(2018, 2))[0]]
    [('today', '2018-02-03'), ('February 3, 2018', '2018-02-03')]
    """
    out = list(mentions)
    by_start = {c.start: c for c in cands if c.kind in _RELATIVE_KINDS}
    sents = None
    for sig in _SIGNATURE.finditer(text):
        date = next((m for m in mentions if m.start == sig.end()), None)
        if date is None or date.period != "day" or date.start_date is None or date.relative:
            continue
        start = _body(text, sig.start())
        for i, m in enumerate(out):
            c = by_start.get(m.start)
            if c is None or not start <= m.start < sig.start() or m.period != "day":
                continue
            sents = sents or _Sentences(text)
            got = _resolve(c, text, date.start_date, sents)
            if got is not None and got.start_date is not None:
                out[i] = replace(m, start_date=got.start_date, end_date=got.end_date)
    return out
