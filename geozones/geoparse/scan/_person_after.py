"""A place right before a person's full name: "the Center in Hameimim Alexei Zigankov said".

A place name glued to an unknown capitalised word is taken as part of a longer name the
gazetteer lacks ("Sheir Maghar") and dropped. When the next word is a known given name that
opens a full name (a capitalised word after it), the words after the place are a person's
name, written without the comma a careful writer puts there: the place stands alone.
"""

from __future__ import annotations

import re

from ._persons import _given_names

_FULL_NAME = re.compile(
    r"[ \t]+(?P<g>[A-Z][a-z]+)[ \t]+(?:(?:al|el|bin|ibn|abu)[ \t-]+)?[A-Z][a-z]"
)


def person_follows(text: str, end: int) -> bool:
    """Whether a given name and another capitalised word follow ``end``.

    Examples
    --------
    >>> t = "the Center in Hameimim Alexei Zigankov said"
    >>> person_follows(t, t.index(" Alexei"))
    True
    >>> t = "the village of Sheir Maghar"
    >>> person_follows(t, t.index(" Maghar"))
    False
    """
    m = _FULL_NAME.match(text, end)
    return m is not None and m.group("g") in _given_names()[0]
