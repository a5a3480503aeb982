"""A generic head word of a longer name: "Wadi" of "the Wadi al-Anaz area".

Many Syrian names open with a word for a kind of place: a valley (wadi), a hill (tal,
tell), a mountain (jabal), a spring (ain), a monastery (deir), a village (kafr), a ruin
(khirbet), a well (bir), a farm (mazraat). The gazetteer holds a few hamlets named by such
a word alone ("Wadi", "Tal"). Written with a name after it ("Wadi al-Anaz", "Tal Sunbul"),
the head word is the first word of a longer name the gazetteer lacks, not that hamlet: a
reader does not cut a name in two. The scan keeps the longest name it knows, so a match of
the head word alone, followed by a name, is dropped.
"""

from __future__ import annotations

import re

from ..scan._items import _Item

#: Head words (folded, Latin spellings) that open a name of a kind of place.
GENERIC_HEADS = frozenset(
    """wadi wady tal tall tel tell jabal jebel jabel ain ayn ein deir dayr der kafr kfar kefr
    khirbet khirbat khirbeh bir beer mazraat mazraa qasr ras bab marj sahl umm beit bayt
    jisr nahr qalaat tellet""".split()
)
#: What makes the next words a name: an article joined by a hyphen ("al-Anaz") or a
#: capitalised word, on the same line.
_NAME_AFTER = re.compile(r"[ \t]+(?:(?:al|el|as|ash|ad|ar|at|az|an)[-‑][A-Za-z]|[A-Z][a-z])")


def drop_generic_heads(text: str, items: list[_Item]) -> list[_Item]:
    """``items`` without the one-word matches of a generic head followed by a name.

    Examples
    --------
    >>> t = "seized the Wadi al-Anaz area"
    >>> drop_generic_heads(t, [_Item(11, 15, 11, ())])
    []
    >>> drop_generic_heads("in Wadi, then", [_Item(3, 7, 3, ())])[0].start
    3
    >>> drop_generic_heads("Tal Maleh fell", [_Item(0, 3, 0, ()), _Item(4, 9, 4, ())])
    []
    """
    out: list[_Item] = []
    cut_to = -1  # the end of the longer name a head word opens: its other words go too
    for it in items:
        word = text[it.name_start : it.end]
        if it.entity is None and it.start < cut_to:
            continue  # "Maleh" of "Tal Maleh" is not the village Maleh either
        if (
            it.entity is None
            and " " not in word
            and word.lower() in GENERIC_HEADS
            and (after := _NAME_AFTER.match(text, it.end))
        ):
            cut_to = _name_end(text, after.end())
            continue
        out.append(it)
    return out


def _name_end(text: str, pos: int) -> int:
    """The end of the capitalised word (with its hyphenated parts) that runs through ``pos``."""
    m = re.compile(r"[\w'’]*(?:[-‑][\w'’]+)*").match(text, pos)
    return m.end() if m else pos
