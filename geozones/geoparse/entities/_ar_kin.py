"""A person named after a kinship or title noun that holds a possessive pronoun.

"قتل رئيس المجلس ونائبته سعاد الأحمد" (the council's head and his deputy, Suad al-Ahmad,
were killed), "أصيب الرجل وزوجته مريم الخليل": a noun of kinship (زوجته his wife, ابنه
his son, شقيقها her brother …) or of office (نائبتها her deputy, مساعده his assistant)
with a possessive suffix (ـه, ـها, ـهم, ـهما) asks for a person, and the two words after it,
a bare given name and a family name with the article, are that person's name. Their words
are no places, whatever the gazetteer holds ("هند", India; "مريم", a village).

The rule does not fire when the first word after the noun has the article ("زوجته
الثانية", his second wife) or is a word of place or a preposition ("ابنه في القرية"), nor
when the second word has no article (a bare word may already be the sentence's verb or
place: "ابنه محمد بلدة …").
"""

from __future__ import annotations

import re

from ..arabic._cues import AR_PLACE_BEFORE
from ..scan._context import Entity
from ..scan._persons import AR_FOLD

#: A kinship or office noun, a feminine ة written ت before the suffix, and the suffix.
_KIN = re.compile(
    r"(?<![\u0621-\u064a])[وف]?(?:نائب|رئيس|مساعد|مدير|زميل|زوج|شقيق|والد|حفيد|ابن|ابنت"
    r"|[أا]خ[وي]?|[أا]خت|[أا]ب[وي]|[أا]م|عم|خال)ت?(?:ه|ها|هما|هم)"
    r"[ \t]*[،,]?[ \t]+(?P<name>(?P<given>[\u0621-\u064a]{2,})[ \t]+ال[\u0621-\u064a]{2,})"
    r"(?![\u0621-\u064a])"
)
#: Words that are no given name: prepositions, particles and nouns of place.
_NOT_GIVEN = AR_PLACE_BEFORE | frozenset(
    """في من على الى إلى عن مع ضد خلال بعد قبل منذ التي الذي الذين ان إن أن انه إنه أنه قد
    لقد كما اليوم امس يوم و ثم او أو""".split()
)
_NOT_GIVEN_FOLDED = frozenset(w.translate(AR_FOLD) for w in _NOT_GIVEN)


def kin_persons(text: str) -> list[Entity]:
    """Persons named right after a kinship or office noun with a possessive suffix.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Entity
        One ``person`` entity per name (given name and family name).

    Examples
    --------
    >>> t = "قتل رئيس المجلس ونائبته سعاد الأحمد في القرية"
    >>> [e.text for e in kin_persons(t)]
    ['سعاد الأحمد']
    >>> kin_persons("وصلت زوجته الثانية إلى المدينة")
    []
    """
    if "ه" not in text:
        return []
    out = []
    for m in _KIN.finditer(text):
        given = m.group("given")
        if given.startswith("ال") or given.translate(AR_FOLD) in _NOT_GIVEN_FOLDED:
            continue
        if given[0] in "وفبل" and given[1:].translate(AR_FOLD) in _NOT_GIVEN_FOLDED:
            continue  # "وفي", "بين": a clinging particle and a preposition
        out.append(Entity(m.group("name"), *m.span("name"), "person", "ar-kin"))
    return out
