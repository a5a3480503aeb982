"""Function words of French, German and Turkish that open a sentence with a capital.

"Sur cette artère vitale, …" is French for "on this vital artery", not the village of Sur
in Deir ez-Zor. A one-word name that is one of these words, written at the start of a
sentence or line and followed by another of them ("Sur cette", "Dans la", "Auf der"), is
the word, not a place; so is a sentence adverb opening a sentence ("Dabei wurden …", not
Dubai). English common words are in ``_items.STOPWORDS``.
"""

from __future__ import annotations

import re

from ..scan._select import _Item

#: Prepositions, articles, pronouns and conjunctions (lower case).
FUNCTION_WORDS = frozenset(
    """sur sous dans pour avec sans chez vers entre selon depuis pendant contre par parmi
    le la les un une des du au aux ce cet cette ces il elle ils elles on nous mais ou donc
    auf bei mit nach seit von vor aus für über unter gegen durch zwischen der die das den
    dem ein eine einer im am zum zur es sie er wir aber und oder
    bir bu şu ve ile için gibi ama fakat daha""".split()
)

#: Sentence adverbs that open a sentence whatever follows ("Dabei wurden …", not Dubai).
ADVERBS = frozenset(
    """dabei damit danach dazu daher dort hier zudem jedoch außerdem deshalb trotzdem
    alors ainsi ensuite aussi pourtant cependant ayrıca ancak böylece""".split()
)

_NEXT_WORD = re.compile(r"[ \t]+(\w+)")
_SENTENCE_END = '.!?:;»”"\n'


def drop_function_words(text: str, items: list[_Item]) -> list[_Item]:
    """The items that are not a function word opening a sentence.

    Parameters
    ----------
    text : str
        The text.
    items : list of _Item
        The names selected in it.

    Returns
    -------
    list of _Item
        ``items`` without "Sur" in "Sur cette artère" and the like.

    Examples
    --------
    >>> drop_function_words("Sur cette artère", [_Item(0, 3, 0, ())])
    []
    >>> len(drop_function_words("Sur is a village", [_Item(0, 3, 0, ())]))
    1
    >>> len(drop_function_words("near Sur la route", [_Item(5, 8, 5, ())]))
    1
    """
    out = []
    for it in items:
        word = text[it.name_start : it.end]
        low = word.lower()
        if it.nwords == 1 and low in FUNCTION_WORDS | ADVERBS and _opens_sentence(text, it.start):
            nxt = _NEXT_WORD.match(text, it.end)
            if low in ADVERBS or nxt is not None and nxt.group(1) in FUNCTION_WORDS:
                continue
        out.append(it)
    return out


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_END
