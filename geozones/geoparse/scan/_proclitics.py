"""A known name of two words beats reading the second word's first letter as a proclitic.

The tokenizer cuts a one-letter proclitic (و and, ب in, ل to, ف so) off an Arabic word that
is not the first word of a known name when the rest is one ("وإدلب" → "إدلب"). The second
word of a longer name may look like that: "كركي لكي" (Girkê Legê, al-Maabada) has "لكي"
(in order to), which the cut makes "ل" and "كي". A reader who knows the name reads the two
words together: when the word before and the whole word, uncut, open a known name, the
word keeps its first letter. So does a word cut after "لل" (ل and the article: "للبوكمال")
when, whole, it follows the word before in a known name ("الضفة الشرقية للفرات").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..._text import fold
from ._words import _word_key

if TYPE_CHECKING:
    from ._words import _Token

_PROCLITICS = frozenset("وفبل")


def rejoin_proclitics(text: str, toks: list[_Token | None], automaton: Any) -> list[_Token | None]:
    """The tokens with a cut proclitic put back where the word before and the whole word
    open a known name.

    Parameters
    ----------
    text : str
        The text.
    toks : list of _Token or None
        The tokens of :func:`._words._tokens` (None marks a boundary).
    automaton : ahocorasick.Automaton
        The index's automaton over " key " strings.

    Returns
    -------
    list of _Token or None
        ``toks``, a cut token restored to its whole word where that makes a known name.

    Examples
    --------
    >>> rejoin_proclitics("", [], None)
    []
    """
    out = list(toks)
    for i in range(1, len(out)):
        t, prev = out[i], out[i - 1]
        if t is None or prev is None or t.start < 2 or text[t.start - 1] not in _PROCLITICS:
            continue
        if text[t.start - 2 : t.start] == "لل" and (t.start < 3 or text[t.start - 3] in " \t"):
            # "الضفة الشرقية للفرات": "لل" cut off as ل and the article, put back
            whole = _word_key(fold(text[t.start - 2 : t.end]).strip())
            if whole and _inside_name(out, i, whole, automaton):
                out[i] = replace(t, key=whole, start=t.start - 2, lead=t.start - 2)
            continue
        if text[t.start - 2] not in " \t":
            continue  # not a one-letter proclitic at the word's start
        whole = _word_key(fold(text[t.start - 1 : t.end]).strip())
        if whole and automaton.match(f" {prev.key} {whole} "):
            out[i] = replace(t, key=whole, start=t.start - 1, lead=t.start - 1)
    return out


def _inside_name(toks: list[_Token | None], i: int, whole: str, automaton: Any) -> bool:
    """Whether ``whole`` after the one, two or three words before token ``i`` (no boundary
    between) continues a known name."""
    words: list[str] = []
    for j in range(i - 1, max(-1, i - 4), -1):
        tok = toks[j]
        if tok is None:
            break
        words.insert(0, tok.key)
        if automaton.match(" " + " ".join(words) + f" {whole} "):
            return True
    return False
