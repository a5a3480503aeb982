""" "The Syrian city of Darra": a loose spelling named as a city is the city.

A press spelling the gazetteer lacks ("Darra" for Daraa) is found by its loose key
(:mod:`geozones.gazetteer._loose`), which also meets hamlets of a like name (Dara, a farm
near Busra). With no other place of the text near one of them, the loose match is dropped
as a guess. "the city of", "the Syrian city of" before it say what a reader needs: the
sense that is a city, when exactly one of its senses at home is a town of
:data:`CITY_SENSE_MIN_POPULATION` people or more.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..scan._index import _Index
from ..scan._items import _Item

#: A town of this many people is a city to a reader of "the city of".
CITY_SENSE_MIN_POPULATION = 20_000
#: "the city of", "the Syrian city of", "the northern city of", "the town of" right before.
_CITY_OF = re.compile(r"\b(?:city|town)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def city_sense(text: str, items: list[_Item], index: _Index, bias: str) -> list[_Item]:
    """``items`` with each loose match after "the city of" narrowed to its one city at home.

    Examples
    --------
    >>> city_sense("", [], None, "SY")
    []
    """
    out = []
    for it in items:
        if it.loose and _CITY_OF.search(text[max(0, it.start - 30) : it.start]):
            cities = [
                pl
                for pl in it.payloads
                if (p := index.place(pl)).country == bias
                and p.kind == "populated place"
                and p.population >= CITY_SENSE_MIN_POPULATION
            ]
            if len(cities) == 1:
                it = replace(it, payloads=tuple(cities))
        out.append(it)
    return out
