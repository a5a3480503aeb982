"""An Arabic military unit named by its number: the unit, or the base it holds.

"الفرقة 17", "الفوج 137", "اللواء 93" name a division, a regiment, a brigade, and the
gazetteer holds the bases named after them ("Division 17 base"). The set marks the base
where the text puts something in it or at it ("في الفوج 137", "إلى الفوج 137", "بالقرب من
الفوج 46"), and the unit ``x`` where the text speaks of its men: "أبطال الحرس الجمهوري
والفرقة 17" (the heroes of the Republican Guard and the 17th Division), "عناصر الفوج 137".
A numbered unit is read as the unit when a noun of its men stands right before it, or
when it is coordinated ("و…") with a phrase that such a noun, or another unit's word,
opens within a few words; otherwise it is left to the other rules (a base, a place).
"""

from __future__ import annotations

import re

from ..scan._context import Entity
from ..scan._persons import AR_FOLD

#: A unit's noun with the article (a clinging و/ف allowed) and its number.
_UNIT = re.compile(
    r"(?<![\u0621-\u064a])(?P<name>[وف]?ال(?:فرقة|فرقه|فوج|لواء|كتيبة|كتيبه|فيلق)[ \t]+"
    r"[0-9\u0660-\u0669]{1,3})(?![0-9\u0660-\u0669])"
)
#: Nouns of a unit's men (folded: alef forms, ta marbuta, alef maqsura).
_MEN = frozenset(
    """ابطال عناصر عنصر مقاتلي مقاتلو مقاتلين جنود جندي ضباط ضابط قائد قاده قادة امر افراد
    مجندي مجموعات مجموعه وحدات كتائب قوات تشكيلات""".translate(AR_FOLD).split()
)
#: Words of another unit or force that a coordinated unit follows ("الحرس الجمهوري والفرقة 17").
_FORCES = frozenset("الحرس الفرقه الفوج اللواء الفيلق الجيش القوات قوات الكتيبه".split())
_WORD = re.compile(r"[\u0621-\u064a]+|[^\s\u0621-\u064a]+")


def _words_before(text: str, start: int, most: int) -> list[str]:
    """Up to ``most`` words before ``start`` (folded), nearest first, cut at punctuation."""
    out: list[str] = []
    for w in reversed(_WORD.findall(text, max(0, start - 80), start)):
        if not re.fullmatch(r"[\u0621-\u064a]+", w):
            break
        out.append(w.translate(AR_FOLD))
        if len(out) == most:
            break
    return out


def _bare(word: str) -> str:
    """A folded word without one clinging و/ف/ل/ب."""
    return word[1:] if len(word) > 3 and word[0] in "وفلب" else word


def numbered_units(text: str) -> list[Entity]:
    """Numbered units whose men the text speaks of: the unit, no base.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Entity
        One ``organization`` entity per unit.

    Examples
    --------
    >>> t = "تلتقي أبطال الحرس الجمهوري والفرقة 17 في المدينة"
    >>> [e.text for e in numbered_units(t)]
    ['والفرقة 17']
    >>> numbered_units("دخلت العربات إلى الفوج 137 غرب المدينة")
    []
    """
    if "ال" not in text:
        return []
    out = []
    for m in _UNIT.finditer(text):
        before = _words_before(text, m.start(), 4)
        if not before:
            continue
        if _bare(before[0]) in _MEN or before[0] in _MEN:
            men = True
        elif m.group("name")[0] in "وف":  # coordinated: what opens the first member
            men = any(w in _MEN or _bare(w) in _MEN or w in _FORCES for w in before)
        else:
            men = False
        if men:
            out.append(Entity(m.group("name"), *m.span("name"), "organization", "ar-unit"))
    return out
