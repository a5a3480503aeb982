"""Turkish names as they are typed without Turkish letters: Sanliurfa, Oncupinar, Cobanbey.

Imported by ``build_data.py``. The gazetteer's key (:func:`geozones._text.fold`) writes ş as
"sh", ç as "ch" and drops ğ, as a transliteration of Turkish reads them; but a writer without
a Turkish keyboard types s, c, g (and i, o, u for ı, ö, ü), which keys differently
("sanliurfa" is not "shanliurfa"). Every name written with those letters gets that typed
spelling as one more variant of its place.
"""

from __future__ import annotations

from typing import Any

#: The Turkish letters a writer without a Turkish keyboard types as plain Latin letters.
TYPED = str.maketrans("şŞçÇğĞıİöÖüÜ", "sScCgGiIoOuU")
_TURKISH = frozenset("şŞçÇğĞıİ")  # letters only Turkish (of the scripts indexed) uses


def typed_turkish(name: str) -> str:
    """``name`` typed without Turkish letters; ``""`` when it has none of ş ç ğ ı İ.

    Examples
    --------
    >>> typed_turkish("Şanlıurfa"), typed_turkish("Öncüpınar Sınır Kapısı")
    ('Sanliurfa', 'Oncupinar Sinir Kapisi')
    >>> typed_turkish("Köln")
    ''
    """
    return name.translate(TYPED) if _TURKISH.intersection(name) else ""


def add_typed_turkish(b: Any, name_key: Any, note: Any) -> None:
    """Give every name with Turkish letters its typed spelling (same ``how`` as the name)."""
    n = 0
    for vs in b.variants:
        keys = {name_key(t): how for t, how in vs}
        for t, how in list(vs):
            typed = typed_turkish(t)
            k = name_key(typed) if typed else ""
            # a typed spelling of a primary name is primary, even where an alternate has it
            if k and (k not in keys or (keys[k] == "a" and how != "a")):
                vs.append((typed, how))
                keys[k] = how
                n += 1
    note(f"Turkish names typed without Turkish letters: {n} spellings (Sanliurfa, Oncupinar)")
