"""A name followed by its country in apposition: "Sinjar, northern Iraq", "Hatay, southern
Turkey", "Qamishli, Syria".

The press writes a place abroad with its country after a comma, most often with a compass
word ("Sinjar, northern Iraq"). The country decides among the name's namesakes: the Iraqi
Sinjar, not the Syrian village Sanjar whose press spelling it shares. Within that country
the namesake named by its own name wins over one that only carries the name as an
alternate ("Hatay" is the Turkish province; its city Antakya is called Hatay too).
"""

from __future__ import annotations

import re

from ..._text import fold
from ...place import Place
from ..scan._index import _candidates, _Index, _key
from ..scan._select import _Item

#: After a name: a comma and a compass word or none, the country's name to follow.
_APPOSITION = re.compile(
    r",[ \t]+(?:the[ \t]+)?(?:(?:north|south|east|west|central)"
    r"(?:[ -]?(?:east|west))?(?:ern)?[ \t]+)?",
    re.IGNORECASE,
)


def apposed_countries(items: list[_Item], index: _Index) -> dict[int, str]:
    """Where each country the text names begins: start offset → ISO code.

    Examples
    --------
    >>> apposed_countries([], None)
    {}
    """
    out: dict[int, str] = {}
    for it in items:
        countries = [p for p, _ in _candidates(index, it.payloads) if p.kind == "country"]
        if len(countries) == 1:
            out[it.start] = countries[0].country
    return out


def in_apposed_country(
    text: str,
    it: _Item,
    cands: list[tuple[Place, float]],
    countries: dict[int, str],
    bias: str,
) -> list[tuple[Place, float]]:
    """The namesakes of ``it`` in the country written after it ("Sinjar, northern Iraq"),
    abroad those named by their own name first; ``cands`` as they are when no country
    follows, or none of them lies in it.

    Examples
    --------
    >>> in_apposed_country("Sinjar.", None, [], {}, "SY")
    []
    """
    if not countries or not cands:
        return cands
    m = _APPOSITION.match(text, it.end)
    country = countries.get(m.end()) if m else None
    if country is None:
        return cands
    inside = [(p, imp) for p, imp in cands if p.country == country and p.kind != "country"]
    if not inside or country == bias:
        return inside or cands  # at home the usual choice decides among the home namesakes
    key = _key(fold(text[it.name_start : it.end]))
    own = [(p, imp) for p, imp in inside if _key(fold(p.name)) == key]
    return own or inside
