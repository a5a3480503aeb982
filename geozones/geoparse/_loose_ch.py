"""The loose key, with the French "ch" for the sound English writes "sh".

Press copy translated from French, or written by French-trained writers, spells ش as
"ch": "al-Mechleb" for al-Mashlab (Meshleb), "Cheikh Maqsoud" for Sheikh Maqsoud, "Chaddadi"
for Shaddadi. Arabic has no sound English writes "ch", so in a name of Syria's places the
two letters stand for "sh". The geoparser keys both the gazetteer's names and a text's
words with these functions, so "Mechleb" and "Meshleb" meet on one key.
"""

from __future__ import annotations

from ..gazetteer._loose import loose_key as _loose_key
from ..gazetteer._loose import loose_word as _loose_word


def _sh(folded: str) -> str:
    return folded.replace("ch", "sh") if "ch" in folded else folded


def loose_word(word: str) -> str:
    """:func:`geozones.gazetteer._loose.loose_word` of ``word`` with "ch" read as "sh".

    Examples
    --------
    >>> loose_word("mechleb") == loose_word("meshleb")
    True
    """
    return _loose_word(_sh(word))


def loose_key(folded: str) -> str:
    """:func:`geozones.gazetteer._loose.loose_key` of ``folded`` with "ch" read as "sh".

    Examples
    --------
    >>> loose_key("cheikh maqsoud") == loose_key("sheikh maqsud")
    True
    """
    return _loose_key(_sh(folded))
