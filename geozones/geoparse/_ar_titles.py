"""A person named in quotation marks after the title and the group that title is of.

"قال قائد حركة أحرار الشام “عمار العمر” إن …" (the commander of the Ahrar al-Sham
movement, Ammar al-Omar, said that …): a title (قائد, رئيس, المتحدث …), then an
organisation's name opened by its head word (حركة, هيئة, جبهة …), then a name of two or
three words in quotation marks. The reader knows the quoted name is the title's holder —
the title asks for a person and the group's name is already complete — so its words are no
places ("عمار", the village Ammar; "العمر", Omar), whatever the gazetteer holds.

The rule does not fire when the chain holds a preposition or a noun of place ("قائد
العمليات في بلدة “X”", "رئيس بلدية …": the quoted name may be the town), nor when no
organisation's head word stands between the title and the quotation marks ("المتحدث باسم
“الجيش الوطني”" names the group itself, which other rules read).
"""

from __future__ import annotations

import re

from ._context import Entity
from ._persons import AR_FOLD, AR_ORG_HEADS, AR_TITLES

_AR = r"[\u0621-\u064a\u0671-\u06d3\u0640]+"
#: A quoted name of two or three Arabic words.
_QUOTED = re.compile(rf"[\"“«](?P<name>{_AR}(?:[ \t]+{_AR}){{1,2}})[\"”»]")
#: The words right before it (Arabic words only, at most six).
_BEFORE = re.compile(rf"(?:{_AR}[ \t]+){{1,6}}$")
#: Words that break the chain: prepositions, conjunction-like particles and nouns of place.
_BREAK = frozenset(
    """في من على الى عن مع بين ضد عبر خلال بعد قبل حول لدى منذ حتى عند قرب التي الذي ان
    انه قد لقد كما مدينه بلده قريه منطقه ناحيه محافظه ريف حي مخيم بلديه مجلس""".split()
)


def _key(word: str) -> str:
    """A word folded, without a clinging و/ف/ل/ب and the article."""
    w = word.translate(AR_FOLD)
    if len(w) > 4 and w[0] in "وفلب" and w[1:3] == "ال":
        w = w[1:]
    if len(w) > 4 and w.startswith("ال"):
        w = w[2:]
    if len(w) > 3 and w[0] in "وف" and w[1:] in AR_TITLES:
        w = w[1:]
    return w


def arabic_title_persons(text: str) -> list[Entity]:
    """Persons named in quotation marks after a title and the organisation it is of.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Entity
        One ``person`` entity per quoted name.

    Examples
    --------
    >>> t = "وقال قائد حركة أحرار الشام “عمار العمر” إن عناصر الحركة صامدون"
    >>> [e.text for e in arabic_title_persons(t)]
    ['عمار العمر']
    >>> arabic_title_persons("قال قائد العمليات في بلدة “كفر نبل” إن القصف توقف")
    []
    """
    if "“" not in text and '"' not in text and "«" not in text:
        return []
    out = []
    for m in _QUOTED.finditer(text):
        if any(_key(w) in AR_ORG_HEADS for w in m.group("name").split()):
            continue  # the quoted words are a group's own name
        b = _BEFORE.search(text, max(0, m.start() - 80), m.start())
        if b is None or not _titled_group(b.group(0).split()):
            continue
        s, e = m.span("name")
        out.append(Entity(text[s:e], s, e, "person", "ar-title-of-group"))
    return out


def _titled_group(words: list[str]) -> bool:
    """Whether ``words`` (those before the quotation mark) end with a title and the
    organisation it is of: a title, then words that are no preposition or noun of place,
    among them an organisation's head word."""
    keys = [_key(w) for w in words]
    for i, k in enumerate(keys[:-1]):
        chain = keys[i + 1 :]
        if k in AR_TITLES and not any(w in _BREAK for w in chain):
            return any(w in AR_ORG_HEADS for w in chain)
    return False
