"""An Arabic noun with a possessive pronoun that folds to a village's name.

Folded to matching keys, a noun with the pronoun "ه" (his, its) spells a name in "ة"
("مقتله", his killing: the village Maqtala, مقتلة). A reader sees the pronoun: the word
has no article (a noun with a pronoun never takes one) and what is left without the
pronoun is a common word of the language ("مقتل", killing). The common words are
wordfreq's Arabic list (:mod:`._arabic_common`); a noun of place before the word names
the village anyway ("قرية مقتله").
"""

from __future__ import annotations

from ..scan._select import _Item
from ._common import is_common_word, named_by_noun, normalise, strip_marks

#: The possessive pronouns a noun may end with, longest first.
_PRONOUNS = ("هما", "هم", "هن", "ها", "ه")


def noun_with_pronoun(text: str, it: _Item) -> bool:
    """Whether a one-word Arabic match is a common noun with a possessive pronoun.

    Parameters
    ----------
    text : str
        The text.
    it : _Item
        A name selected in it.

    Returns
    -------
    bool
        True for "مقتله" (his killing) read as the village مقتلة.

    Examples
    --------
    >>> t = "ما أدى إلى مقتله."
    >>> noun_with_pronoun(t, _Item(11, 16, 11, ()))
    True
    >>> noun_with_pronoun("قصفت الطائرات قرية مقتله.", _Item(19, 24, 19, ()))
    False
    """
    if it.nwords != 1 or it.start != it.name_start:
        return False
    word = strip_marks(text[it.start : it.end])  # as written: "ه", not "ة" folded
    if word[:1] in "وفبل" and len(word) > 4:
        word = word[1:]
    if word.startswith("ال") or named_by_noun(text, it.start):
        return False
    for pron in _PRONOUNS:
        stem = word[: -len(pron)]
        if word.endswith(pron) and len(stem) >= 3 and is_common_word(normalise(stem)):
            return True
    return False
