"""Arabic names of bodies, offices and outlets that hold a place's name in construct.

Arabic names an office or an outlet by a chain of nouns in construct (إضافة) whose last
link is the place it serves: "قيادة شرطة دمشق" (the Damascus Police Command), "مكتب أخبار
سوريا" (Syria News Desk), "شبكة أخبار ريف الحسكة" (the Hasakah Countryside News Network).
The place is a word of the name, not a place the text reports on (the set marks the whole
span ``x``: benchmarks/geoparse_real/README.md, "a country's name inside the name of an
organisation or outlet … belongs to that x"). Four shapes, none a list of names:

* a body's noun, then a noun of a field (police, security, health, news …), both without
  the article, then the place: "قيادة شرطة دمشق", "مديرية صحة إدلب", "مكتب أخبار سوريا".
  Two bare nouns in construct before a name are a name's shape; "في" after the head
  ("مديرية الصحة في السويداء") is not, and its place stays a place, as the set marks it;
* a body's noun without the article, the town, and a definite adjective of the body's kind:
  "لجنة درعا المركزية" (the Daraa Central Committee), "تنسيقية حلب الثورية" (a compass
  adjective is no body's: "مكتب حلب الشرقية" is not taken, nor is the border's: "مركز نصيب
  الحدودي" is a border post);
* "فرع" (branch) without the article right after a body's name, and its place: "الشركة
  العامة للطرق والجسور فرع اللاذقية";
* an outlet of entities.yaml whose name ends in "اليوم" (today) after a word that cites a
  source ("حسبما ذكرت روسيا اليوم", "بحسب روسيا اليوم"): the channel, not the country and
  a date. After "قالت" it stays Russia and today ("قالت روسيا اليوم إن" — Russia said today).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..scan._context import Entity, known_entities

_L = r"\u0621-\u064a\u0640"
_W = rf"[{_L}]+"
_B, _A = rf"(?<![{_L}])", rf"(?![{_L}])"
#: Nouns of a body, an office or an outlet (without the article; a clinging و/ف/ل allowed,
#: not ب: "بقيادة" is "led by").
_HEAD = (
    r"(?:قياد[ةه]|مديري[ةه]|دائر[ةه]|فرع|قسم|مخفر|مكتب|مجلس|إدار[ةه]|ادار[ةه]|هيئ[ةه]|لجن[ةه]"
    r"|مركز|مؤسس[ةه]|شبك[ةه]|موقع|صفح[ةه]|وكال[ةه]|إذاع[ةه]|اذاع[ةه]|قنا[ةه]|تنسيقي[ةه]"
    r"|غرف[ةه]|رابط[ةه]|اتحاد|نقاب[ةه]|جمعي[ةه]|منظم[ةه]|مجموع[ةه])"
)
#: Nouns of a field that an office or outlet serves, without the article.
_FIELD = (
    r"(?:شرط[ةه]|أمن|امن|صح[ةه]|تربي[ةه]|أوقاف|اوقاف|زراع[ةه]|كهرباء|مياه|نقل|مالي[ةه]"
    r"|اتصالات|إعلام|اعلام|أخبار|اخبار|أنباء|انباء|جمارك|سياح[ةه]|ثقاف[ةه]|خدمات|آثار"
    r"|شؤون|شئون|نفوس|سجل|مرور|دفاع|إغاث[ةه]|اغاث[ةه]|تموين|صناع[ةه]|تجار[ةه]|قضاء|عدل)"
)
#: Words that end a name: prepositions, conjunctions, speech verbs, day words.
_STOP = (
    r"(?:في|من|على|علي|إلى|الى|عن|مع|بين|ضد|عبر|خلال|بعد|قبل|حول|لدى|منذ|حتى|عند|التي|الذي"
    r"|أن|ان|إن|بأن|بان|انه|أنه|إنه|قد|كما|اليوم|أمس|امس|يوم|قال|قالت|ذكر|ذكرت|أكد|أكدت|اكد"
    r"|اكدت|أفاد|أفادت|افاد|افادت|أعلن|أعلنت|اعلن|اعلنت|قوله|وقال|وقالت|أو|او|ثم|و)"
)
#: A place's name in a name: one word, or two when the second has the article ("دير الزور",
#: "ريف الحسكة"), "ريف"/"بادية" before it ("ريف دمشق"), then "وريفها" (and its countryside).
_PLACE = (
    rf"(?:(?:ريف|بادي[ةه])[ \t]+(?!ال))?"
    rf"(?!{_STOP}{_A})(?!ال{_FIELD}{_A}){_W}(?:[ \t]+(?!{_STOP}{_A})ال{_W})?"
    rf"(?:[ \t]+وريف(?:ها|ه){_A})?"
)
_FIELD_NAME = re.compile(
    rf"{_B}[وفل]?(?P<name>(?<!ب){_HEAD}[ \t]+{_FIELD}(?:[ \t]+و?{_FIELD})?[ \t]+{_PLACE}){_A}"
)
#: Compass adjectives: a part of a town, not a body's kind ("حلب الشرقية").
_COMPASS = (
    r"(?:شرقي|غربي|شمالي|جنوبي|اوسط|أوسط|شرقيه|غربيه|شماليه|جنوبيه|شرقية|غربية|شمالية|جنوبية)"
)
_BARE_WORD = rf"(?!{_STOP}{_A})(?!ال){_W}"
#: "الحدودي" (of the border) qualifies a post where a town is ("مركز نصيب الحدودي"), no body.
_BORDER = r"(?:حدودي|حدودية|حدوديه)"
_ADJ_NAME = re.compile(
    rf"{_B}[وفل]?(?P<name>{_HEAD}[ \t]+{_BARE_WORD}(?:[ \t]+{_BARE_WORD})?"
    rf"[ \t]+ال(?!(?:{_COMPASS}|{_BORDER}){_A}){_W}(?:ي|ية|يه)){_A}"
)
#: "فرع" after a body's name (a word that is no preposition), then its place.
_BRANCH = re.compile(rf"(?<=[{_L}])[ \t]+(?P<name>فرع[ \t]+{_PLACE}){_A}")
_BRANCH_AFTER_STOP = re.compile(rf"{_B}{_STOP}$")
#: Words that cite a source before an outlet's name.
_CITE = (
    r"(?:حسبما[ \t]+(?:ذكرت|أفادت|افادت|أوردت|اوردت|نقلت|نشرت)|كما[ \t]+ذكرت|بحسب|حسب"
    r"|وفق(?:ا|اً)?[ \t]+ل|وفق[ \t]+ما[ \t]+(?:ذكرت|أفادت|افادت|نشرت)|نقل(?:ا|اً)?[ \t]+عن"
    r"|أفادت|افادت|أوردت|اوردت|نشرت|ذكرت)"
)


@lru_cache(maxsize=1)
def _cited_outlet_rx() -> re.Pattern[str] | None:
    """Outlets of entities.yaml whose Arabic name ends in "اليوم", after a citing word."""
    names = [n for n in known_entities().get("news", []) if n.endswith(" اليوم")]
    if not names:
        return None
    alt = "|".join(re.escape(n) for n in names)
    return re.compile(
        rf"{_B}{_CITE}[ \t]+[\"“«]?(?P<name>{alt})[\"”»]?(?=[ \t]*(?:[.،,:؛]|أن|ان|$))"
    )


def _cited_outlets(text: str) -> list[Entity]:
    rx = _cited_outlet_rx() if "اليوم" in text else None
    if rx is None:
        return []
    return [
        Entity(m.group("name"), *m.span("name"), "news", "ar-cited-outlet")
        for m in rx.finditer(text)
    ]


def body_names(text: str) -> list[Entity]:
    """Names of Arabic bodies, offices and outlets that hold a place's name in construct.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Entity
        One ``organization`` (or ``news``) entity per name; the place inside it is a word
        of the name.

    Examples
    --------
    >>> [e.text for e in body_names("عن مصدر في قيادة شرطة دمشق قوله")]
    ['قيادة شرطة دمشق']
    >>> [e.text for e in body_names("وهو أحد أعضاء لجنة درعا المركزية.")]
    ['لجنة درعا المركزية']
    >>> body_names("أعلنت مديرية الصحة في السويداء عن وقوع إصابات")
    []
    >>> [e.text for e in body_names("حسبما ذكرت روسيا اليوم. وقالت مصادر")]
    ['روسيا اليوم']
    """
    out: list[Entity] = []
    for rx, kind, how in (
        (_FIELD_NAME, "organization", "ar-field-construct"),
        (_ADJ_NAME, "organization", "ar-body-adjective"),
    ):
        for m in rx.finditer(text):
            s, e = m.span("name")
            if not any(o.start <= s < o.end for o in out):
                out.append(Entity(text[s:e], s, e, kind, how))
    for m in _BRANCH.finditer(text) if "فرع" in text else ():
        if _BRANCH_AFTER_STOP.search(text, 0, m.start()):
            continue  # "في فرع حلب": the branch is where, not a body's name
        s, e = m.span("name")
        if not any(o.start <= s < o.end for o in out):
            out.append(Entity(text[s:e], s, e, "organization", "ar-branch"))
    return out + _cited_outlets(text)
