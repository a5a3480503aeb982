"""Broadcasters named after a country and a number: "France 24 reported", "Rossiya 24".

A channel's name is often a country's with a number after it. A capitalised name followed
by a bare number and then by a verb of reporting (or the end of a credit in brackets) is
such an outlet, not a mention of the country: no list of channels is needed.
"""

from __future__ import annotations

import re

from ._context import Entity

_CHANNEL = re.compile(
    r"\b(?P<name>[A-Z][a-zà-ÿ]+(?: [A-Z][a-zà-ÿ]+)?[ -](?:\d{1,3}))\b"
    r"(?=\s*(?:\)|,?\s+(?:reported|reports|said|says|quoted|quotes|cited|cites|aired|airs"
    r"|broadcast|broadcasts|showed|shows|told|tells|added|adds|wrote|writes|announced"
    r"|correspondent|television|TV|channel|news)\b))"
)


def channel_entities(text: str) -> list[Entity]:
    """News outlets named by a name and a number before a verb of reporting.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Entity
        One ``news`` entity per such name.

    Examples
    --------
    >>> [e.text for e in channel_entities("pro-regime forces advanced, France 24 reported.")]
    ['France 24']
    >>> channel_entities("France sent 24 advisers.")
    []
    """
    return [
        Entity(m.group("name"), m.start("name"), m.end("name"), "news", "channel")
        for m in _CHANNEL.finditer(text)
    ]
