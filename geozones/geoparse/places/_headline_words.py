"""Common English words that a title-case headline capitalises, read as a city's short form.

A headline writes every word with a capital ("Rebels Raid ISIS Dam Complex"), so a common
noun there looks like a name. When the gazetteer holds that word only as a short form of a
longer name (OCHA lists "Dam" among Damascus's names), the word is the noun, not the city:
no English writer shortens a city's name to a word of the language. A word that is the
place's own full name ("Homs") is kept, and so is the short form in running text, where the
capital itself says it is a name.
"""

from __future__ import annotations

import re

from .._results import PlaceMention
from ..scan._select import _TitleLines
from ..scan._words import english_common_word

_WORD = re.compile(r"[A-Za-z]+")


def drop_headline_words(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """The places that are not a common English word of a title-case line read as a short
    form of a longer name.

    Parameters
    ----------
    text : str
        The text.
    places : list of PlaceMention
        The places found.

    Returns
    -------
    list of PlaceMention
        ``places`` without such words.

    Examples
    --------
    >>> import geozones
    >>> ex = geozones.extract("Syrian Rebels Get Airlift To Raid Militant Dam Complex\\nMore text.")
    >>> [m.text for m in ex.places]
    []
    >>> [m.text for m in geozones.extract("Rebels Shell Homs And Hama Again").places]
    ['Homs', 'Hama']
    """
    title = None
    out = []
    for p in places:
        if _short_form_word(text, p):
            title = title or _TitleLines(text)
            if title(p.start):
                continue
        out.append(p)
    return out


def _short_form_word(text: str, p: PlaceMention) -> bool:
    """Whether the mention is one common English word that begins its place's longer name
    ("Dam" for Damascus)."""
    word = text[p.start : p.end]
    if p.place is None or not _WORD.fullmatch(word) or not english_common_word(word):
        return False
    name = p.place.name.lower()
    return len(name) > len(word) and name.startswith(word.lower())
