"""Arabic phrases of the language taken for the names of places (round 23).

Two mechanisms produce a place from words that are no name:

* a list after a noun of settlement ("في بلدة سنجار والقرى المحيطة", in the town of Sinjar
  and the surrounding villages) gives its members as villages the gazetteer lacks; a
  member that is a phrase of the language is no village's name:

  - a definite plural noun of settlements, with what qualifies it: "القرى المحيطة" (the
    surrounding villages), "البلدات المجاورة";
  - a definite noun of a building and an adjective of relation: "القصر العدلي" (the
    courthouse), "المشفى الوطني", what the building is (the set leaves these unmarked);
  - a noun of place with an attached pronoun: "ومحيطها" (and its surroundings), "وريفها";
  - an indefinite adjective of relation before a preposition and an administrative noun:
    "بلدة تابعة لمنطقة الحفة" (a town belonging to the district of al-Haffa);

* a town named by a common word ("الثورة", al-Thawra, the revolution) as the second term
  of a construct (إضافة) whose first term is a noun that is neither a place's, a site's nor
  a person's: "مهد الثورة" (the cradle of the revolution), "شرارة الثورة", "رموز الثورة",
  "مكتسبات الثورة". The name is the word there, unless the text names it a place
  elsewhere ("مدينة الثورة"): every mention of it must stand in such a construct.
"""

from __future__ import annotations

import re

from .._results import PlaceMention
from ..arabic._common import SETTLEMENT_NOUNS, is_common_word, normalise, strip_marks
from ..arabic._cues import AR_PLACE_BEFORE
from ..scan._persons import AR_TITLES, _ar_key, _given_names

_AR = re.compile(r"[\u0621-\u064a]+")
#: Plural nouns of settlements (folded) that, with the article, open a phrase, no name.
_PLURALS = frozenset(normalise(w) for w in "قرى بلدات مدن مناطق احياء مزارع نواحي قريات".split())
#: Quantifiers (folded) that open a noun phrase, never a name: "بعض التلال" (some hills),
#: "كل القرى", "معظم البلدات", "عدد من القرى", "جميع", "باقي", "بقية", "عشرات".
_QUANTIFIERS = frozenset(normalise(w) for w in "بعض كل معظم عدد جميع باقي بقيه عشرات مئات".split())
#: Nouns of buildings (folded) that, with the article and an adjective of relation, say
#: what a building is, no name of its own: "القصر العدلي", "المشفى الوطني", "الفرن الآلي".
_BUILDINGS = frozenset(
    normalise(w)
    for w in """قصر مشفى مستشفى مدرسة سجن ملعب مصنع معمل فندق فرن مخبز كلية جامعة مبنى
    مجمع مركز""".split()
)
#: A definite adjective of relation (folded): "العدلي", "الوطنية".
_RELATION_ADJ = re.compile(r"ال[\u0621-\u064a]{2,}(?:ي|يه)")
#: Pronouns that cling to a noun ("محيطها", its surroundings).
_PRONOUN = re.compile(r"(?:ها|هما|هم|هن|ه)$")
_PLACE_NOUNS = SETTLEMENT_NOUNS | frozenset(normalise(w) for w in AR_PLACE_BEFORE)
#: A preposition and an administrative noun after an adjective of relation ("تابعة لمنطقة").
_RELATION_AFTER = re.compile(
    r"[ \t]+(?:ل|لل|من[ \t]+|عن[ \t]+|ب)(?:ال)?(?:منطقة|ناحية|محافظة|مدينة|بلدة|قرية|ريف|قضاء)"
    r"(?![\u0621-\u064a])"
)


def _unclitic(word: str) -> str:
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


def _phrase(text: str, m: PlaceMention) -> bool:
    """Whether a name found by its construction only is a phrase of the language."""
    words = [normalise(w) for w in _AR.findall(m.text)]
    if not words or len(words) != len(m.text.split()):
        return False
    first = _unclitic(words[0])
    if first.startswith("ال") and first[2:] in _PLURALS:
        return True  # "القرى المحيطة"
    if len(words) > 1 and first in _QUANTIFIERS:
        return True  # "وبعض التلال القريبة": some nearby hills
    if len(words) == 2 and first[2:] in _BUILDINGS and _RELATION_ADJ.fullmatch(words[1]):
        return True  # "والقصر العدلي" (the courthouse), "المشفى الوطني": what it is
    raw = _unclitic(strip_marks(m.text.strip()))  # "ه" a pronoun, "ة" no: not folded
    if len(words) == 1 and _PRONOUN.search(raw):
        stem = normalise(_PRONOUN.sub("", raw))
        if stem in SETTLEMENT_NOUNS or stem + "ه" in SETTLEMENT_NOUNS:
            return True  # "ومحيطها"
    return (
        len(words) == 1
        and not first.startswith("ال")
        and is_common_word(first)
        and _RELATION_AFTER.match(text, m.end) is not None
    )  # "تابعة لمنطقة"


def drop_phrase_names(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """The places found by their construction, without those that are phrases.

    Parameters
    ----------
    text : str
        The text.
    found : list of PlaceMention
        Places found by their construction (unresolved, ``source == "context"``).

    Returns
    -------
    list of PlaceMention
        ``found`` without the phrases.

    Examples
    --------
    >>> from geozones import extract
    >>> t = "قصفت الطائرات بلدة سنجار والقرى المحيطة، وسط اشتباكات"
    >>> [m.text for m in extract(t).places]
    ['سنجار']
    """
    return [m for m in found if not (m.place.source == "context" and _phrase(text, m))]


#: The word right before a name, with one space between (quotation marks before it allowed).
_PREV = re.compile(r"(?<![\u0621-\u064a])([\u0621-\u064a]{2,}) $")
#: Nouns of a site or a way that a place's name completes ("طريق الباب", "مقبرة الرشيد").
_SITES = frozenset(
    normalise(w)
    for w in """طريق اوتوستراد جسر سد مطار معبر حاجز دوار ساحة شارع سوق جامع مسجد كنيسة
    مشفى مستشفى مدرسة جامعة مقبرة مقبرتي قلعة حديقة ملعب مصفاة محطة ثكنة سجن فرع مفرزة
    بوابة مدخل مخرج بادية سهل جبل وادي نهر بحيرة تل حقل حقول معمل مصنع""".split()
)


def _construct_word(text: str, m: PlaceMention) -> bool:
    """Whether a one-word town named by a common word completes a construct whose first
    term is no place's, site's or person's noun ("مهد الثورة")."""
    if m.kind != "place" or m.place.kind != "populated place" or not m.text.startswith("ال"):
        return False
    if " " in m.text or not is_common_word(m.text):
        return False
    prev = _PREV.search(text, max(0, m.start - 30), m.start)
    if prev is None:
        return False
    w = normalise(prev.group(1))
    bare = w[1:] if len(w) > 3 and w[0] in "وفبل" else w
    if w.startswith("ال") or bare.startswith("ال") or w.endswith("ت") and not w.endswith("ات"):
        return False  # a definite word (an adjective's noun), a verb in -ت ("قصفت")
    if {w, bare} & (_PLACE_NOUNS | _SITES) or _ar_key(prev.group(1)) in AR_TITLES:
        return False
    return w not in _given_names()[1] and len(bare) >= 3


def drop_construct_words(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """The places without the towns named by a common word that every mention of them
    uses as the second term of a construct ("شرارة الثورة", the spark of the revolution).

    Parameters
    ----------
    text : str
        The text.
    places : list of PlaceMention
        The places found.

    Returns
    -------
    list of PlaceMention
        ``places`` without those words.

    Examples
    --------
    >>> from geozones.geoparse._results import PlaceMention
    >>> from geozones.place import Place
    >>> t = "اشتعلت فيها شرارة الثورة ضد النظام"
    >>> p = Place("Al-Thawrah", 35.84, 38.55, "populated place", (), "ocha-cod", "x", 1.0)
    >>> i = t.index("الثورة")
    >>> drop_construct_words(t, [PlaceMention("الثورة", i, i + 6, p, "place", i, i + 6)])
    []
    """
    if not places:
        return places
    hits = [_construct_word(text, m) for m in places]
    drop = {m.text for m, hit in zip(places, hits, strict=True) if hit}
    if not drop:
        return places
    drop -= {m.text for m, hit in zip(places, hits, strict=True) if not hit}
    return [m for m in places if m.text not in drop]
