""" "The Government of Syria": a country named as a noun, not an organisation's name.

"Government" is an organisation word ("the Syrian Interim Government", "Government of
National Accord"), so a capitalised sequence "Government of X" is taken for a body's name.
When X is a country, the phrase names the country's government by the country's own name,
as "Syria's government" does: the set's country guideline marks the country there (a noun
mention), so the sequence is no organisation.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..scan._context import Entity

_GOVERNMENT_OF = re.compile(
    r"(?:[Tt]he\s+)?(?:[Gg]overnments?|[Rr]egime)\s+of\s+(?:the\s+)?(?P<c>[A-Z][\w'’ -]{2,40})"
)


def government_of_country(ents: list[Entity], country: Callable[[str], bool]) -> list[Entity]:
    """``ents`` without the organisations that are only "(the) Government of <a country>".

    Examples
    --------
    >>> e = Entity("Government of Syria", 0, 19, "organization", "org-word")
    >>> government_of_country([e], lambda name: name == "Syria")
    []
    >>> e = Entity("Government of National Accord", 0, 29, "organization", "org-word")
    >>> [x.text for x in government_of_country([e], lambda name: name == "Syria")]
    ['Government of National Accord']
    """
    out = []
    for e in ents:
        m = _GOVERNMENT_OF.fullmatch(e.text) if e.kind == "organization" else None
        if m is None or not country(m.group("c")):
            out.append(e)
    return out
