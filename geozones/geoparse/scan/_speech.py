"""A name that speaks ("Mustafa said", "Hassan a déclaré") is a person's, not a village's,
unless a preposition of place stands before it: "rebels in Afrin wrote on Twitter" names
the town where the speakers are."""

from __future__ import annotations

import re

_SPEECH = re.compile(
    r"^\s+(?:said|says|told|added|stated|noted|explained|wrote|tweeted|argued|warned"
    r"|sagte|sagt|erklärte|betonte|a\s+déclaré|a\s+dit|a\s+affirmé|a\s+annoncé|dedi)\b"
)
#: A preposition of place right before the name: the speaker is someone there.
_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|near|at|from|around|outside|inside|à|près\s+de|dans|bei|aus|nahe)\s+$",
    re.IGNORECASE,
)

#: A noun of place that ends the name: a person's name never does ("Sweida province").
_PLACE_NOUN_END = re.compile(
    r"[ \t](?:province|governorate|countryside|district|subdistrict|region|city|town|village"
    r"|area|camp|Province|Governorate|District|City|Provinz|Stadt)$"
)


def speaks(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is the subject of a verb of speech.

    Examples
    --------
    >>> t = "Mustafa said the rebels in Afrin wrote on Twitter."
    >>> speaks(t, 0, 7), speaks(t, 27, 32)
    (True, False)
    """
    if not _SPEECH.match(text[end : end + 20]) or _PLACE_NOUN_END.search(text, start, end):
        return False  # "the director of health for Sweida province told": no person's name
    return not _PLACE_PREPOSITION.search(text[max(0, start - 12) : start])
