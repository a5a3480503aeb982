"""A common given name standing alone is a person's, or a thing named after one (round 25).

Small villages bear given names ("Omar", a hamlet near Raju), but a reader takes a given
name for the village only when the sentence places it: a preposition of place or a noun
of settlement before it ("in Omar", "the village of Omar"), a noun of settlement after it
("Omar village", "Ömer köyü"), or a list of names around it ("Kafr Janna, Omar and Raju").
Alone, it is a person's name or a thing's named after a person: "homemade “Omar”
missiles", "Omar told us". A given name before another capitalised word is read by
:func:`~geozones.geoparse.scan.given_name_persons` ("Omar Haj Kadour"), and one after a
capitalised word belongs to that longer name ("Tal Omar", "Sheikh Omar").

The given names are the neutral list ``given_name`` of ``data/geoparse/entities.yaml``
(Latin-script names only: an Arabic word is no name by its letters alone).
"""

from __future__ import annotations

import functools
import re

from ..scan._context import Entity, known_entities

#: A capitalised word, alone: not inside a hyphened or capitalised run.
_WORD = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?![\w'’-])")
#: Words before a name that place it: prepositions of place and direction (English, French,
#: German), nouns of settlement, the links of a list, verbs of attack and taking ("shelled
#: Omar").
_PLACE_BEFORE = frozenset(
    """in at near from to into towards toward around outside inside of via through across
    between beyond past village villages town towns city hamlet area district and or
    shelled bombed struck hit captured seized took retook recaptured stormed entered reached
    besieged attacked targeted raided liberated
    à de du des dans près vers aux bei nach von aus im in zwischen um""".split()
)
#: Nouns of settlement after a name ("Omar village", "Ömer köyü", "Dorf").
_SETTLEMENT_AFTER = re.compile(
    r"[ \t]+(?:village|town|hamlet|area|district|köy|belde|mahalle|Dorf)", re.I
)
#: A list going on after a name: a comma, "and"/"or" and a capitalised word.
_LIST_GOES_ON = re.compile(r"[\"”»’']?[ \t]*(?:[,;]|[A-Z]|(?:and|or|und|et|ve)[ \t]+[A-Z])")
#: A longer name going on: a capitalised word, or a family name's article or link.
_NAME_GOES_ON = re.compile(
    r"[ \t]+(?:[A-Z]|(?:al|el|a|an|ad|ar|as|ash|at|az|bin|ibn|abu|bint)[- \t][a-zA-Z])"
)
#: The word before a name, and any quotation mark between.
_PREV = re.compile(r"([\w'’-]+)[ \t]*[\"“«‘']?[ \t]*$")


@functools.lru_cache(maxsize=1)
def _latin_given_names() -> frozenset[str]:
    return frozenset(n for n in known_entities().get("given_name", []) if n[:1].isascii())


def lone_given_names(text: str) -> list[Entity]:
    """Common given names that stand alone, with nothing that places them.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Entity
        One ``name`` entity per lone given name (not ``person``: a word alone would make
        every other occurrence of it a person's surname, "the village of Omar" too).

    Examples
    --------
    >>> [e.text for e in lone_given_names("homemade “Omar” missiles and rockets")]
    ['Omar']
    >>> lone_given_names("shelling on the village of Omar and nearby Raju")
    []
    """
    names = _latin_given_names()
    out: list[Entity] = []
    for m in _WORD.finditer(text):
        if m.group(0) not in names:
            continue
        s, e = m.span()
        if _LIST_GOES_ON.match(text, e):
            continue  # a longer name after it, or a list going on ("Omar and Kafr Janna")
        if _NAME_GOES_ON.match(text, e) or _SETTLEMENT_AFTER.match(text, e):
            continue  # "Bashar al-Assad", "Omar a-Sharif": a longer name; "Omar village"
        before = text[max(0, s - 40) : s]
        stripped = before.rstrip(" \t\"“«‘'")
        if stripped.endswith(","):
            continue  # a list's member
        p = _PREV.search(before)
        if p is not None:
            w = p.group(1)
            if w.lower() in _PLACE_BEFORE or (w[:1].isupper() and not stripped.endswith(".")):
                continue  # placed, or the end of a longer name ("Tal Omar")
        out.append(Entity(m.group(0), s, e, "name", "lone-given-name"))
    return out
