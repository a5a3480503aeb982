"""A dateline in capitals closed by a dash: "ERBIL — The Syrian army has claimed …".

A short word in capitals inside a line is taken for an acronym ("GNA", "(SDF)"), unless it
opens its line (a dateline). A byline run together with its dateline ("Sardar Sattar –
BasNews – 20. Aug 2016 – ERBIL — The Syrian army …") puts the dateline mid-line; the dash
after it, before the story's first sentence, marks it as a dateline all the same.
"""

from __future__ import annotations

import re

#: A dash (em, en, or a doubled hyphen; a hyphen with a space on each side: "ACTNews, IDLIB -
#: A total of …") after the word, then the story's capitalised word.
_DASH_AFTER = re.compile(r"[ \t]*(?:—|–|--)[ \t]*[A-Z]|[ \t]+-[ \t]+[A-Z]")


def dateline_by_dash(text: str, end: int) -> bool:
    """Whether the word in capitals ending at ``end`` is followed by a dateline's dash.

    Examples
    --------
    >>> t = "BasNews – ERBIL — The Syrian army has claimed"
    >>> dateline_by_dash(t, t.index(" —"))
    True
    >>> dateline_by_dash("the GNA said", 7)
    False
    """
    return _DASH_AFTER.match(text, end) is not None
