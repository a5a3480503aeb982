"""Names the press writes for a village that OCHA splits in parts (imported by build_data.py).

OCHA lists some villages as their parts: "الباغوز فوقاني" (Upper Baguz) and "الباغوز تحتاني",
"السرب الشرقية" (Eastern Serb). Reports name the village without the part ("الباغوز",
"Baghuz"). The bare name becomes a name of every part, when no other place has it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

#: Arabic words after a name that say which part of a village it is (upper/lower, east/west,
#: north/south, big/small), with and without the article, masculine and feminine.
QUALIFIERS_AR = frozenset(
    """فوقاني تحتاني فوقانيه تحتانيه فوقا تحتا شرقي غربي شمالي جنوبي قبلي شرقيه غربيه شماليه
    جنوبيه قبليه كبير صغير كبيره صغيره كبري صغري""".split()
)
#: English words before (Upper Baguz, Little Khayrieyh) or after (… Sharqi) an OCHA name.
QUALIFIERS_BEFORE = frozenset("upper lower eastern western northern southern little big".split())
QUALIFIERS_AFTER = frozenset(
    """fawqani foqani fouqani fawqa tahtani tahtan sharqi gharbi shamali janoubi qibli sharqiyeh
    gharbiyeh sharqiya gharbiya kabir kbir saghir sghir kabireh saghireh kabira saghira""".split()
)
#: Words that make a bare name no village's: "and", person names' "Abd", "Abdel".
_NOT_BARE = frozenset("and عبد abd abdel abdul abdal".split())
_COMBINED = re.compile(r"\s-\s|/|_")
#: Least letters of a bare name: shorter ones are too often another word or name.
BARE_MIN = 4


def bare_name(name: str, fold: Callable[[str], str]) -> str:
    """The name without the word that says which part of a village it is, or "".

    >>> from geozones._text import fold
    >>> bare_name("الباغوز فوقاني", fold), bare_name("Upper Baguz", fold)
    ('الباغوز', 'baguz')
    >>> bare_name("Eastern Damina", fold), bare_name("Baguz", fold), bare_name("Western Deir", fold)
    ('damina', '', '')
    """
    words = fold(name).split()
    if len(words) < 2:
        return ""
    last = re.sub(r"^(?:ال|el|al)", "", words[-1]) if words[-1] != "ال" else ""
    if last in QUALIFIERS_AR or last in QUALIFIERS_AFTER:
        rest = words[:-1]
    elif words[0] in QUALIFIERS_BEFORE:
        rest = words[1:]
    else:
        return ""
    stripped = {re.sub(r"^(?:ال|el|al)", "", w) for w in rest}
    if stripped & (QUALIFIERS_AR | QUALIFIERS_AFTER | QUALIFIERS_BEFORE | _NOT_BARE):
        return ""  # a name with two qualifiers, or a person's ("Abdel Salam")
    bare = " ".join(rest)
    least = BARE_MIN + (len(rest) == 1 and bare.isascii())  # a short Latin word: "Deir", "Maar"
    return bare if len(bare.replace(" ", "").removeprefix("ال")) >= least else ""


def _not_names(out: Path, fold: Callable, name_key: Callable) -> set[str]:
    """Keys a bare name must not have: the common words of Arabic
    (``geoparse/arabic_common_words.txt``) and the geoparser's non-place names and given
    names (``geoparse/entities.yaml``): "مدينه" (city), "كبير", "فاطمه", "فلسطين" …"""
    words = (out / "geoparse" / "arabic_common_words.txt").read_text(encoding="utf-8").split("\n")
    keys = {name_key(w) for w in words if w and not w.startswith("#")}
    entities = yaml.safe_load((out / "geoparse" / "entities.yaml").read_text(encoding="utf-8"))
    for names in (entities or {}).values():
        items = names.items() if isinstance(names, dict) else ((n, None) for n in names or ())
        for name, value in items:
            more = value if isinstance(value, list) else ()
            keys.update(name_key(str(n)) for n in (name, *more))
    exonyms = yaml.safe_load((out / "geoparse" / "exonyms.yaml").read_text(encoding="utf-8"))
    for english, names in (exonyms or {}).items():
        keys.update(name_key(str(n)) for n in (english, *(names or ())))
    return keys


def add_bare_names(
    b: Any, n_ocha: int, out: Path, fold: Callable, name_key: Callable, note: Callable
) -> None:
    """Give the OCHA communities (the first ``n_ocha`` entries of builder ``b``) their bare
    Arabic names (see :func:`bare_name`) where no entry of the gazetteer has that name
    already and it is no common word or other name (:func:`_not_names`). Combined OCHA names
    ("A - B") are left to their parts. Latin bare names are not added: Latin spellings vary
    so much that a bare "Karatin" (of Big and Little Karatin) takes the place of another
    village written "Kerratin", which the gazetteer lacks."""
    taken = {name_key(t) for vs in b.variants for t, _ in vs} | _not_names(out, fold, name_key)
    groups: dict[str, set[int]] = defaultdict(set)
    spelled: dict[str, str] = {}
    for i in range(n_ocha):
        for t, how in b.variants[i]:
            if how == "p" and not _COMBINED.search(t) and (bare := bare_name(t, fold)):
                k = name_key(bare)
                if k and k not in taken and not bare.isascii():
                    groups[k].add(i)
                    spelled.setdefault(k, bare)
    for k, members in sorted(groups.items()):
        for i in sorted(members):
            b.variants[i].append((spelled[k], "a"))
    n_parts = sum(len(m) for m in groups.values())
    note(f"bare village names: {len(groups)} names of villages OCHA lists in parts ({n_parts})")
