"""Arabic names of meetings, groups, units and persons whose words spell a place.

A reader knows these from the construction around the words, not from a list of names:

* **a meeting or an agreement is named after its venue**: the word after a noun of
  meeting or agreement ("مؤتمر أستانا", the Astana conference; "مؤتمر (أستانا 5)";
  "مؤتمرات أستانا"; "اتفاق «سوتشي»", the Sochi agreement; "محادثات جنيف") names the
  meeting, not the city — quotes or a bracket may stand between;
* **a group's name ends with the complement of its noun**: after a group's head word
  ("جبهة", "حركة", "لواء" …) an indefinite noun in construct ("جبهة تحرير", the front
  of the liberation of …) wants its complement, which belongs to the name even when it
  is a country ("جبهة تحرير سوريا"); the text then names the group without its head
  ("“تحرير سوريا”"), which is the group too — but a noun of place in construct
  ("جبهة ريف حماة", the Hama countryside front) names the front of an area, not a group;
* **a unit is a definite plural of units and its adjective**: "العصائب الحمراء" (the
  Red Bands), "الكتائب الحمراء": the adjective (written like the village al-Hamra)
  qualifies the plural;
* **a demonstrative points at a common noun**: "في هذا الصدد" (in this regard), "هذه
  المنطقة": a place's name takes no demonstrative;
* **a compound given name "… الدين" goes on with the father's or family name**: "نجم
  الدين خليل" (a reporter), "عز الدين صالح": the word after it is a person's name, not
  the village Khalil — unless a noun of place names the compound ("حي صلاح الدين").
"""

from __future__ import annotations

import re

from ..scan._context import Entity
from ._common import SETTLEMENT_NOUNS, is_common_word, named_by_noun, normalise

_AR = "\u0621-\u064a"
_W = rf"[{_AR}\u0640]"
#: Words that end a name (prepositions, relatives, conjunction-like words).
_STOP = (
    "في|من|على|إلى|الى|عن|مع|بين|ضد|عبر|خلال|بعد|قبل|حول|لدى|منذ|حتى|عند|التي|الذي|"
    "بشأن|حيال|بحضور|برعاية|وفق|ضمن|قد|أن|إن|أنه|إنه|كما|هي|هو"
)
#: Nouns of meeting or agreement; the name after them is the meeting's.
_MEETING_NOUNS = (
    "مؤتمر|مؤتمرات|محادثات|مفاوضات|مسار|قمة|اجتماعات|منصة|اتفاق|اتفاقية|"
    "اتفاقات|اتفاقيات|تفاهمات|تفاهم|مذكرة"
)
_MEETING = re.compile(
    rf"(?<![{_AR}])[وبلف]?(?:ال)?(?:{_MEETING_NOUNS})[ \t]*[«\"“(]?[ \t]*"
    rf"(?P<name>(?!ال|لل|(?:{_STOP})(?!{_W})){_W}{{3,}})(?!{_W})"
)
#: Head words of armed groups and movements (with a clinging و, ب, ل, ف).
_GROUP_HEADS = "جبهة|جبهه|حركة|حركه|هيئة|هيئه|تجمع|جيش|لواء|فيلق|كتائب|سرايا|فرقة|ألوية|الوية"
#: The head, an indefinite noun in construct and its bare complement, which closes the
#: name (punctuation, a quote, a stop word or the line's end after it).
_GROUP = re.compile(
    rf"(?<![{_AR}])(?P<head>[وبلف]?(?:{_GROUP_HEADS}))[ \t]+"
    rf"(?P<noun>(?!ال|و)(?!(?:{_STOP})(?!{_W})){_W}{{3,}})[ \t]+"
    rf"(?P<comp>(?!ال|و)(?!(?:{_STOP})(?!{_W})){_W}{{3,}})"
    rf"(?=[ \t]*(?:[\"”»،,.:؛)\n]|$|[ \t]*(?:{_STOP})(?!{_W})))"
)
#: A definite plural of armed units and the definite adjective after it.
_UNIT = re.compile(
    rf"(?<![{_AR}])[وبلف]?(?:ال|لل)(?:عصائب|كتائب|سرايا|ألوية|الوية|فيالق)[ \t]+"
    rf"ال{_W}{{3,}}"
)
#: A demonstrative and the definite noun it points at.
_DEMONSTRATIVE = re.compile(
    rf"(?<![{_AR}])[وفب]?(?:هذا|هذه|ذلك|تلك|هذين|هاتين|هؤلاء|هذان|هاتان)[ \t]+"
    rf"(?P<noun>ال{_W}{{2,}})"
)
#: The first words of compound given names in "… الدين" (a closed class of honorifics).
_DIN_FIRST = (
    "نور|صلاح|عز|علاء|نجم|شمس|بدر|سيف|جمال|كمال|زين|خير|تقي|نصر|فخر|بهاء|سعد|محي|محيي"
    "|شهاب|ضياء|حسام|عماد|قطب|ركن|معين|شرف|برهان|نظام|غياث|مجد|تاج|جلال|فخر|نجم"
)
_DIN = re.compile(
    rf"(?<![{_AR}])(?P<given>(?:{_DIN_FIRST})[ \t]+الدين)[ \t]+"
    rf"(?P<sur>(?!ال|و)(?!(?:{_STOP})(?!{_W})){_W}{{3,}})(?!{_W})"
)


def _meetings(text: str) -> list[Entity]:
    return [
        Entity(m.group("name"), m.start("name"), m.end("name"), "agreement", "ar-meeting")
        for m in _MEETING.finditer(text)
    ]


def _groups(text: str) -> list[Entity]:
    """ "جبهة تحرير سوريا" and, once it is named so, "تحرير سوريا" alone."""
    out, short = [], set()
    for m in _GROUP.finditer(text):
        if not is_common_word(m.group("noun")):
            continue  # "جيش خالد": a person's name, not a noun in construct
        if normalise(m.group("noun")) in SETTLEMENT_NOUNS:
            continue  # "على جبهة ريف حماة": the front of an area, not a group's name
        out.append(Entity(m.group(0), m.start(), m.end(), "organization", "ar-group-construct"))
        short.add(f"{m.group('noun')} {m.group('comp')}")
    for name in short:
        for m in re.finditer(rf"(?<![{_AR}]){re.escape(name)}(?!{_W})", text):
            if not any(e.start <= m.start() and m.end() <= e.end for e in out):
                out.append(Entity(m.group(0), m.start(), m.end(), "organization", "ar-group-short"))
    return out


def _persons(text: str) -> list[Entity]:
    return [
        Entity(m.group(0), m.start(), m.end(), "person", "ar-compound-given-name")
        for m in _DIN.finditer(text)
        if not named_by_noun(text, m.start())
    ]


def arabic_named_things(text: str) -> list[Entity]:
    """Meetings, groups, units, demonstratives' nouns and persons whose words spell a place.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Entity
        The names (see the module's notes), sorted by their start.

    Examples
    --------
    >>> [e.text for e in arabic_named_things("المتفق عليها في مؤتمر (أستانا 5) أمس")]
    ['أستانا']
    >>> [e.text for e in arabic_named_things('تمكنت "جبهة تحرير سوريا" من طرد')]
    ['جبهة تحرير سوريا']
    >>> [e.text for e in arabic_named_things("وفي هذا الصدد صرح مدير المرصد")]
    ['الصدد']
    >>> [e.text for e in arabic_named_things("نجم الدين خليل - حلب")]
    ['نجم الدين خليل']
    >>> arabic_named_things("سيطرت القوات على مدينة منبج")
    []
    """
    out = _meetings(text) + _groups(text) + _persons(text)
    out += [Entity(m.group(0), m.start(), m.end(), "organization", "ar-unit")
            for m in _UNIT.finditer(text)]  # fmt: skip
    out += [
        Entity(m.group("noun"), m.start("noun"), m.end("noun"), "noun", "ar-demonstrative")
        for m in _DEMONSTRATIVE.finditer(text)
    ]
    return sorted(out, key=lambda e: e.start)
