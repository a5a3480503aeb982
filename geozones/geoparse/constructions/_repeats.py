"""One sense per text: a name the context showed to be a place is a place wherever it is
written again ("east of Dabiq" … "ISIS see Dabiq as the place where …").

Names the gazetteer spells the same way are found everywhere by the scan; a press spelling
found through a cue ("towards X", "X village") and the gazetteer's matching by sound is
found only where the cue is. Its other occurrences, written the same way with a capital
and not inside another name or entity, take the same reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ..scan._index import _Match
from ..scan._select import _Item


def repeat_cued_names(
    text: str, items: list[_Item], scanned: Iterable[_Match], taken: Iterable[tuple[int, int]]
) -> list[_Item]:
    """``items`` with the other occurrences of the capitalised names that no exact scan
    match found (their cue found them), in text order.

    Examples
    --------
    >>> repeat_cued_names("", [], [], [])
    []
    """
    exact = {(m.start, m.end) for m in scanned}
    cued: dict[str, _Item] = {}
    for it in items:
        name = text[it.name_start : it.end]
        if (it.start, it.end) not in exact and name[:1].isupper() and len(name) >= 4:
            cued.setdefault(name, it)
    if not cued:
        return items
    busy = bytearray(len(text) + 1)
    for a, b in [*taken, *((it.start, it.end) for it in items)]:
        busy[a:b] = b"\x01" * (b - a)
    out = list(items)
    for name, it in cued.items():
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])", text):
            s, e = m.span()
            if busy.find(1, s, e) == -1:
                out.append(replace(it, start=s, end=e, name_start=s, entity=None, cue=None))
                busy[s:e] = b"\x01" * (e - s)
    return sorted(out, key=lambda x: x.start)
