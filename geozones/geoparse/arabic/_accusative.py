"""A country's name in -يا that stands in a chain of indefinite accusative adjectives.

Unvowelled Arabic writes the accusative of a nisba adjective ("تركياً", Turkish; "سورياً",
Syrian) like the country's name. A reader tells them apart by the chain the word stands
in: after an indefinite accusative adjective in -يا, itself after an accusative word
("دعما مدفعيا وصاروخيا تركيا", Turkish artillery and rocket support; "19 معبرا بريا
سوريا", 19 Syrian land crossings), or in a list of such adjectives ("لبنانيا وسوريا
وإقليميا", in Lebanon, in Syria and in the region: adverbs), the word is the adjective.
The country keeps its name after a verb or a noun ("توصل تركيا وروسيا") and before an
adverb ("تدخل روسيا عسكريا", Russia's military intervention).
"""

from __future__ import annotations

import re

from ..scan._index import _Index, _scan
from ._common import strip_marks

_AR = "\u0621-\u064a"
#: The two words before a name (the first may close a clause with a comma).
_TWO_BEFORE = re.compile(rf"(?:([{_AR}]+)([،,]?)[ \t]+)?([{_AR}]+)[ \t]+$")
#: "و" and an adjective in -يا (or -ا) after the name.
_AND_ADVERB_AFTER = re.compile(rf"[ \t]+و[{_AR}]{{2,}}يا(?![{_AR}])")


def _bare(word: str) -> str:
    w = strip_marks(word)
    return w[1:] if len(w) > 4 and w[0] == "و" else w


def _is_place(word: str, index: _Index) -> bool:
    return any(m.start == 0 and m.end == len(word) for m in _scan(word, index))


def _nisba_accusative(word: str, index: _Index) -> bool:
    """An indefinite word in -يا that is no place's name ("صاروخيا", "بريا")."""
    w = _bare(word)
    return len(w) >= 4 and w.endswith("يا") and not w.startswith("ال") and not _is_place(w, index)


def accusative_adjective(text: str, start: int, end: int, index: _Index) -> bool:
    """Whether the word ``text[start:end]`` in -يا is an accusative adjective in a chain.

    Parameters
    ----------
    text : str
        The text.
    start, end : int
        The word's offsets (a clinging و included or not).
    index : _Index
        The gazetteer index (the adjective before it must be no place).

    Returns
    -------
    bool
        True when the word follows such an adjective that follows an accusative word, or
        follows one and goes on with "و" and another.

    Examples
    --------
    >>> from geozones.geoparse.scan._index import _index_for
    >>> ix = _index_for(None, "SY")
    >>> t = "وأكدوا دعما مدفعيا وصاروخيا تركيا، لبدء معركة"
    >>> accusative_adjective(t, 28, 33, ix)
    True
    >>> t = "ورغم توصل تركيا وروسيا في سبتمبر"
    >>> accusative_adjective(t, 16, 22, ix)
    False
    """
    word = _bare(text[start:end])
    if not word.endswith("يا"):
        return False
    if start > 0 and text[start - 1] == "و":
        start -= 1  # "لبنانيا وسوريا": the name's clinging "و"
    m = _TWO_BEFORE.search(text, max(0, start - 60), start)
    if m is None or not _nisba_accusative(m.group(3), index):
        return False
    first = _bare(m.group(1) or "")
    chained = not m.group(2) and first.endswith("ا") and not first.startswith("ال")
    return chained or bool(_AND_ADVERB_AFTER.match(text, end))
