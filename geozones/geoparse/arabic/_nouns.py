"""Arabic common nouns that are spelled like a village, told apart by their grammar.

A place's name is definite: no indefinite adjective agrees with it. So

* a word followed by an indefinite nationality adjective ("عدوان تركي", a Turkish aggression:
  not the village of Edwan) is a common noun qualified by it;
* a word in -ية after a broken plural of the pattern فعائل or مفاعل ("خسائر بشرية", human
  losses: not the village of Bishriyeh; "مناطق سورية أخرى", other Syrian areas) is an
  adjective agreeing with that plural, as it is after a
  feminine noun (:func:`._persons.arabic_feminine_adjectives`);
* a name without the article followed by a definite political adjective ("سوريا
  الديمقراطية", Democratic Syria: the SDF's short name; "سوريا الحرة") is the name of a
  force or a party, not the place: a place is qualified by a compass word instead ("سوريا
  الشمالية", kept);
* a building's noun ("مدرسة", school; "فندق", hotel; "مشفى", hospital; "جامع", mosque) is
  no village, and the name after it is the building's ("مدرسة القادسية", "فندق الشهباء",
  "مدرسة الماظة خليل"), not the village or the district that shares it — unless the text
  names that word as a town elsewhere ("في مدينة السقيلبية … في مشفى السقيلبية": the
  town's hospital, and the town a place).
"""

from __future__ import annotations

import re

from ..scan._context import Entity, arabic_adjective
from ._named import arabic_named_things

_AR = "\u0621-\u064a"
#: A word and the indefinite masculine word in -ي after it ("عدوان تركي").
_NOUN_ADJ = re.compile(rf"(?<![{_AR}])(?P<noun>[{_AR}]{{3,}})\s+(?P<adj>[{_AR}]{{3,}}ي)(?![{_AR}])")
#: A broken plural فعائل ("خسائر", "وسائل", "ذخائر") and the word in -ية after it.
_PLURAL_ADJ = re.compile(
    # "مناطق سورية أخرى", "مصادر سورية": the plural مفاعل too
    rf"(?<![{_AR}])[وفبل]?(?:[{_AR}]{{2}}ائ[{_AR}]|م[{_AR}]ا[{_AR}]{{2}})\s+"
    # an indefinite noun the plural is annexed to may stand between ("وسائل إعلام سورية",
    # Syrian media: the adjective agrees with the plural)
    rf"(?:(?!ال|في|من|على|عن|مع)[{_AR}]{{3,}}\s+(?=[{_AR}]{{2,}}ية(?![{_AR}])))?"
    # the adjective is indefinite like its plural: a definite word after it is the plural's
    # genitive ("مشافي اللاذقية", Latakia's hospitals; "حرائق ريف اللاذقية")
    rf"(?P<adj>(?!ال)[{_AR}]{{2,}}ية)(?![{_AR}])"
)

#: A name without the article and a definite political adjective after it.
_POLITICAL_NAME = re.compile(
    rf"(?<![{_AR}])(?P<name>[{_AR}]{{3,}})\s+(?:ال(?:ديمقراطية|ديموقراطية|حرة|وطنية|شعبية))"
    rf"(?![{_AR}])"
)


#: Nouns of buildings (with a clinging و/ب/ل/ف before them).
_BUILDINGS = (
    "مدرسة|مدرسه|مدارس|فندق|مشفى|مشفي|مستشفى|مستشفي|جامع|مسجد|ملعب|جامعة|كنيسة|مطعم|مصنع"
    "|معمل|مخبز|فرن|صيدلية"
)
#: An Arabic letter: a text without one holds none of these nouns (a cheap test first).
_ANY_ARABIC = re.compile(r"[\u0600-\u06ff]")
_BUILDING = re.compile(rf"(?<![{_AR}])[وبلف]?(?:{_BUILDINGS})(?![{_AR}])")
#: The name after it: up to three words, each with the article or after the first one,
#: none a preposition or a word with a clinging preposition ("بالسوق"), nor one that "و"
#: joins to it (round 21: "مدرسة البيطرة وأحياء الكلاسة", the school and the quarters).
_BUILDING_NAME = re.compile(
    rf"(?:\s+(?!(?:في|من|على|عن|إلى|الى|قرب|دون|عند|مع)(?![{_AR}]))"
    rf"(?![وبلفك]ال)(?!و[اأإ])[{_AR}]{{2,}}){{1,3}}"
)


def _buildings(text: str) -> list[Entity]:
    """A building's noun and the name after it ("مدرسة القادسية"): no place mention,
    unless the text names that word as a town elsewhere ("مشفى السقيلبية" after "مدينة
    السقيلبية": the town's hospital, the town a place)."""
    out = []
    for m in _BUILDING.finditer(text):
        name = _BUILDING_NAME.match(text, m.end())
        end = name.end() if name and name.group(0).split()[0].startswith("ال") else m.end()
        if name and end > m.end() and _named_as_town(text, name.group(0).split()[0]):
            end = m.end()
        out.append(Entity(text[m.start() : end], m.start(), end, "facility", "ar-building"))
    return out


#: Nouns of settlement that name a town ("مدينة X", "بلدة X"), a clinging proclitic allowed.
_TOWN_NOUN = r"(?<![\u0621-\u064a])[وفبل]?(?:مدينة|بلدة|قرية|مدينتي|بلدتي|قريتي)\s+"


def _named_as_town(text: str, word: str) -> bool:
    """Whether the text names ``word`` after a noun of settlement somewhere."""
    return re.search(_TOWN_NOUN + re.escape(word) + rf"(?![{_AR}])", text) is not None


def arabic_qualified_nouns(text: str) -> list[Entity]:
    """Words that an indefinite adjective shows to be common nouns, and such adjectives.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Entity
        ``noun`` entities for the qualified nouns, ``adjective`` ones for the adjectives.

    Examples
    --------
    >>> [e.text for e in arabic_qualified_nouns("أنباء عن عدوان تركي، ولا خسائر بشرية")]
    ['عدوان', 'بشرية']
    >>> arabic_qualified_nouns("قصفت الطائرات التركية قرية عدوان")
    []
    >>> [e.text for e in arabic_qualified_nouns("هجوم على “سوريا الديمقراطية” شرقي سوريا")]
    ['سوريا الديمقراطية']
    >>> [e.text for e in arabic_qualified_nouns("انفجرت بالقرب من مدرسة القادسية.")]
    ['مدرسة القادسية']
    """
    if not _ANY_ARABIC.search(text):
        return []  # every pattern below (and in arabic_named_things) needs an Arabic letter
    out = []
    for m in _NOUN_ADJ.finditer(text):
        noun, adj = m.group("noun"), m.group("adj")
        if noun.startswith("ال") or adj.startswith("ال") or not arabic_adjective("ال" + adj):
            continue
        out.append(Entity(noun, m.start("noun"), m.end("noun"), "noun", "ar-indefinite"))
    for m in _PLURAL_ADJ.finditer(text):
        out.append(Entity(m.group("adj"), m.start("adj"), m.end("adj"), "adjective", "ar-plural"))
    for m in _POLITICAL_NAME.finditer(text):
        if not m.group("name").startswith("ال"):
            out.append(Entity(m.group(0), m.start(), m.end(), "organization", "ar-political"))
    out += arabic_named_things(text)  # meetings, groups, units, "هذا الصدد", "نجم الدين خليل"
    return sorted(out + _buildings(text), key=lambda e: e.start)
