"""Broadcasters named after a country and a number: "France 24 reported", "Rossiya 24".

A channel's name is often a country's with a number after it. A capitalised name followed
by a bare number and then by a verb of reporting (or the end of a credit in brackets) is
such an outlet, not a mention of the country: no list of channels is needed.

Likewise the bare name a source phrase opens and a comma or a stop closes ("According to Al
Mayadeen, groups …", "selon Reuters.") is who reports, not a place: a place there is a
qualifier ("according to Idlib-based activist …"), and the name is glued to what follows.

A line that holds nothing but two or three capitalised words and a dash after them (or
"By" before them) is the writer's byline ("Selava Omar –", "By Hadi Abdullah"): a person,
even where a word of it is also a village's name.
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
    return _named(_CHANNEL, text, "channel")


_SOURCE = re.compile(
    r"\b(?:[Aa]ccording[ \t]+to|[Ss]elon|[Ll]aut)[ \t]+"
    r"(?P<name>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})(?=[ \t]*[,.;:])"
)


def source_entities(text: str) -> list[Entity]:
    """Who a source phrase names when the name stands alone before a comma or a stop.

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
    >>> [e.text for e in source_entities("According to Al Mayadeen, groups attack patrols.")]
    ['Al Mayadeen']
    >>> source_entities("according to Idlib-based activist Hadi Abdullah")
    []
    """
    return _named(_SOURCE, text, "source")


_BYLINE = re.compile(
    r"^[ \t]*(?:(?P<by>By|Par|Von)[ \t]+)?"
    r"(?P<name>[A-Z][a-zà-ÿ'’]+(?:[ \t]+[A-Z][a-zà-ÿ'’]+){1,2})[ \t]*(?P<dash>[-–—])?[ \t]*$",
    re.M,
)


def byline_persons(text: str) -> list[Entity]:
    """The writer a byline line names: two or three capitalised words alone on their line,
    with a dash after them or "By" before them.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Entity
        One ``person`` entity per byline.

    Examples
    --------
    >>> [e.text for e in byline_persons("SDF raid in Deir Ezzor\\n\\nSelava Omar –\\n")]
    ['Selava Omar']
    >>> byline_persons("Tal Abyad\\nThe town was shelled.")
    []
    """
    return [
        Entity(m.group("name"), m.start("name"), m.end("name"), "person", "byline")
        for m in _BYLINE.finditer(text)
        if m.group("by") or m.group("dash")
    ]


def _named(pattern: re.Pattern[str], text: str, how: str) -> list[Entity]:
    """One ``news`` entity per match of ``pattern``'s ``name`` group."""
    return [
        Entity(m.group("name"), m.start("name"), m.end("name"), "news", how)
        for m in pattern.finditer(text)
    ]
