"""A name's first word left out of the match: "تل بيدر" is not the village Baydar.

Arabic names many villages with a noun and a name ("تل بيدر", the tell of Baydar; "تل
بصير"; "كفر X"): the noun is part of the name, and "تل X" is another place than "X"
(often tens of kilometres away). When the gazetteer holds no "تل X", the scan matches the
bare "X" after it, which names a namesake elsewhere: a reader does not take "تل بيدر" for
Baydar. The match is dropped (the unknown "تل X" stays for the construction rules).
"خربة X" (the ruin of X) is left out: the ruin lies by the village and the set marks the
village ("حرش وخربة باتنتة").
"""

from __future__ import annotations

import re

from ..scan._select import _Item

#: Nouns that open a village's name (a clinging و, ب, ل, ف before them).
_NAME_NOUN = re.compile(r"(?<![\u0621-\u064a])[وبلف]?(?:تل|تلة|كفر)[ \t]+$")


def opened_by_name_noun(text: str, it: _Item) -> bool:
    """Whether a one-word Arabic match stands right after a noun that opens village names.

    Parameters
    ----------
    text : str
        The text.
    it : _Item
        A name selected in it.

    Returns
    -------
    bool
        True when the match leaves out the name's first word ("تل" of "تل بيدر").

    Examples
    --------
    >>> t = "قصفت الطائرات مقرا في تل بيدر."
    >>> opened_by_name_noun(t, _Item(25, 29, 25, ()))
    True
    >>> opened_by_name_noun("قصفت الطائرات مقرا في بيدر.", _Item(22, 26, 22, ()))
    False
    """
    if it.nwords != 1 or it.start != it.name_start:
        return False
    return _NAME_NOUN.search(text, max(0, it.start - 12), it.start) is not None
