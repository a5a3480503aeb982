"""Arabic words that the construction rules would take for unknown villages.

A name the gazetteer does not hold is taken for a place only from its construction
("قرى وبلدات X", "هجين والسوسة و X"). The construction is not enough when the word is
one a reader knows as a word of the sentence:

* **a noun of settlement is no name**: "قرى وبلدات" (villages and towns) lists two
  nouns, "وبلدات" is not a village after "قرى";
* **a noun of quantity closes the list**: a common word followed by "من" and a definite
  plural of settlements ("والشعفة وعدد من القرى", and a number of villages; "ومجموعة من
  البلدات") counts the places, it is none of them. The common words are wordfreq's
  Arabic list (:mod:`._arabic_common`), the language's, not a list fitted to texts; a
  common word that names a village in a list is kept ("قرية الكركات والشريعة").
"""

from __future__ import annotations

import re

from ._common import SETTLEMENT_NOUNS, is_common_word, normalise

#: "من" and a definite plural of settlements after a noun of quantity ("عدد من القرى").
_OF_PLURAL = re.compile(
    r"[ \t]+من[ \t]+(?:ال)(?:قرى|بلدات|مدن|مناطق|أحياء|احياء|مخيمات|مزارع|نواحي)(?![\u0621-\u064a])"
)


def _settlement_noun(word: str) -> bool:
    w = normalise(word)
    return w in SETTLEMENT_NOUNS or (len(w) > 3 and w[0] in "وفبل" and w[1:] in SETTLEMENT_NOUNS)


def unknown_is_word(text: str, start: int, end: int) -> bool:
    """Whether an unresolved one-word Arabic name found by its construction is a noun of
    settlement or a noun of quantity ("عدد من القرى").

    Parameters
    ----------
    text : str
        The text.
    start, end : int
        The name's offsets.

    Returns
    -------
    bool
        True when the name is a word of the language, not an unknown village.

    Examples
    --------
    >>> t = "استهدفت الغارات قرى وبلدات وعدد من القرى"
    >>> unknown_is_word(t, 20, 26), unknown_is_word(t, 27, 31)
    (True, True)
    >>> unknown_is_word("قصفت الطائرات قرية الكركات والشريعة", 27, 35)
    False
    """
    word = text[start:end].strip()
    if not word or " " in word or not ("\u0621" <= word[0] <= "\u064a"):
        return False
    if _settlement_noun(word):
        return True
    return is_common_word(word) and bool(_OF_PLURAL.match(text, end))
