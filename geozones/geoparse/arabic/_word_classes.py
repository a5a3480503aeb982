"""Arabic words whose class makes them no place, whatever village bears them (round 25).

* **an ordinal numeral** ("سابع", seventh; "وسادس", and a sixth) counts: "خمسة مدنيين قتلوا في
  داعل، وسادس في المسيفرة، وسابع في الجيزة" (five civilians were killed in Dael, a sixth in
  Museifra and a seventh in Jiza). The ordinals are a closed class of the language; a
  village bearing one is named by a noun of place ("قرية سابع"), and neither a preposition
  nor a list's comma makes the counted word a village;
* **an action done "by" someone** ("من قِبل", by): a word followed at once by "من قبل" and
  its agent is a verbal noun ("وحراك من قِبل شخصيات موالية", and a movement by loyalist
  figures; "قصف من قبل قوات النظام"), not the town Hrak, unless a preposition or a noun of
  place before it makes it a place ("السيطرة على الحراك من قبل الجيش", the army's taking
  of al-Hirak).
"""

from __future__ import annotations

import re

from ..scan._items import _Item
from ..scan._persons import AR_FOLD
from ._common import named_by_noun, strip_marks

#: The ordinal numerals two to ten, masculine and feminine, folded.
_ORDINALS = frozenset(
    w.translate(AR_FOLD)
    for w in """ثان ثاني ثالث رابع خامس سادس سابع ثامن تاسع عاشر ثانية ثالثة رابعة خامسة
    سادسة سابعة ثامنة تاسعة عاشرة""".split()
)
#: "من قبل" (by), its vowel marks optional, right after the word.
_BY = re.compile(r"[ \t]+من[ \t]+ق\u0650?ب\u064e?ل(?![\u0621-\u064a])")
#: The word right before a name.
_PREV = re.compile(r"([\u0621-\u064a\u064b-\u0652\u0640]+)[ \t]*$")
#: Prepositions that make the word after them a place's name (folded).
_PLACING = frozenset(
    w.translate(AR_FOLD) for w in "في من الى إلى على عن قرب نحو باتجاه حول داخل عبر".split()
)


def _bare(word: str) -> str:
    """A word folded, without a clinging و/ف and the article."""
    w = strip_marks(word).translate(AR_FOLD)
    if len(w) > 3 and w[0] in "وف":
        w = w[1:]
    if len(w) > 4 and w.startswith("ال"):
        w = w[2:]
    return w


def word_class_drops(text: str, it: _Item) -> bool:
    """Whether a one-word Arabic name is an ordinal or an action "by" someone (see the
    module's notes).

    Parameters
    ----------
    text : str
        The text.
    it : _Item
        A name selected in it.

    Returns
    -------
    bool
        True when the word is no place by its class.

    Examples
    --------
    >>> t = "قتل خمسة في داعل، وسادس في المسيفرة، وسابع في الجيزة"
    >>> word_class_drops(t, _Item(37, 42, 38, ()))
    True
    >>> word_class_drops("وسط سخط واسع وحراك من قِبل شخصيات", _Item(13, 18, 14, ()))
    True
    >>> word_class_drops("السيطرة على حراك من قبل الجيش", _Item(12, 16, 12, ()))
    False
    """
    if it.nwords != 1:
        return False
    name = text[it.name_start : it.end]
    if " " in name.strip() or not any("\u0621" <= c <= "\u064a" for c in name):
        return False
    if _bare(name) in _ORDINALS:
        return not named_by_noun(text, it.start)
    if _BY.match(text, it.end) is None or named_by_noun(text, it.start):
        return False
    prev = _PREV.search(text, max(0, it.start - 30), it.start)
    word = text[it.start : it.name_start] + name
    if word[:1] == "ب" or word[:2] in ("وب", "فب"):
        return False  # "بحراك": in Hrak
    return prev is None or _bare(prev.group(1)) not in _PLACING
