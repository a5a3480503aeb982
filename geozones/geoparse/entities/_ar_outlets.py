"""Arabic outlets named after a place, found by the shape of an outlet's name.

* A name closed by a word that only an outlet's name ends with, a loan word of the press
  (بوست post, نيوز news, برس press, تايمز times, ميديا media) or عاجل (breaking news), is
  the outlet: "عفرين بوست" (Afrin Post), "“السقيلبية عاجل”" (a network named after
  al-Suqaylabiyah), not the town.
* "وكالة أنباء" (news agency) without the article is a construct whose next word is the
  agency's name, with "اليوم" or "الآن" after it when they follow ("وكالة انباء روسيا
  اليوم", the Russia Today agency, not Russia and a date).
* A name in quotation marks after a noun of the media — a page, an account, a
  platform, a network, a radio ("صفحة “أخبار تنسيقية اللاذقية الحرة”", the page of the
  Free Latakia Coordination's news) — is that outlet's, whatever place it names: the noun
  says what the quoted words are.
* An outlet's name in Urdu or Persian script, closed by "نیوز" (news, with the Persian yeh)
  — "پاکستان پوائنٹ نیوز" (Pakistan Point News) in a credit — is one name up to three words
  long, each written with a letter Arabic lacks (پ چ ژ گ ک ی ٹ ڈ ڑ ں ہ ے) or closing it: its
  country word is the outlet's, not a place of the story.
"""

from __future__ import annotations

import re

from ..scan._context import Entity
from ._ar_bodies import body_names

_AR = r"[\u0621-\u064a\u0671-\u06d3\u0640]+"
_B, _A = r"(?<![\u0621-\u064a])", r"(?![\u0621-\u064a])"
#: Words that only close an outlet's name.
_SUFFIX = r"(?:بوست|نيوز|برس|تايمز|ميديا|عاجل)"
_QUOTED = re.compile(rf"[\"“«](?P<name>{_AR}(?:[ \t]+{_AR}){{0,2}}[ \t]+{_SUFFIX})[\"”»]")
_BARE = re.compile(rf"{_B}(?P<name>{_AR}[ \t]+{_SUFFIX}){_A}")
_AGENCY = re.compile(
    rf"{_B}(?P<name>[وفبل]?(?:ل?وكال[ةه][ \t]+)?[أا]نباء[ \t]+{_AR}"
    rf"(?:[ \t]+(?:اليوم|الآن|الان|{_SUFFIX}){_A})?)"
)
#: A word in Urdu or Persian script: one letter at least that Arabic does not write.
_FOREIGN_LETTER = r"[\u067e\u0686\u0698\u06af\u06a9\u06cc\u0679\u0688\u0691\u06ba\u06c1\u06d2]"
_FOREIGN_WORD = rf"[\u0621-\u06d3]*{_FOREIGN_LETTER}[\u0621-\u06d3]*"
_FOREIGN_OUTLET = re.compile(
    rf"(?<![\u0621-\u06d3])(?P<name>(?:{_FOREIGN_WORD}[ \t]+){{1,3}}(?:نیوز|نيوز))"
    r"(?![\u0621-\u06d3])"
)
_HINT = re.compile(rf"{_SUFFIX}|[أا]نباء|[\"“«]|نیوز")
#: Nouns of the media (a clinging و/ب/ل/ف and the article optional, a possessive ending
#: allowed: "صفحتها"), then a name in quotation marks.
_MEDIA_NOUN = r"(?:صفح(?:ة|ات|ت\w{0,2})|حساب(?:ات)?|منص(?:ة|ات)|إذاعة|اذاعة|شبكة|قناة)"
_MEDIA_QUOTED = re.compile(
    rf"{_B}[وفبل]?(?:ال|ل)?{_MEDIA_NOUN}[ \t]*[\"“«](?P<name>[^\"“”«»\n]{{2,60}})[\"”»]"
)
#: A dateline's credit after an underscore or a run of tatweel used as its dash, on a line of
#: its own: "دمشق _ صوت الإمارات" (the outlet Emirates' Voice, not the country).
_UNDERSCORE_CREDIT = re.compile(
    rf"^[ \t]*{_AR}(?:[ \t]+{_AR})?[ \t]+(?:_+|\u0640{{2,}})[ \t]+"
    rf"(?P<name>{_AR}(?:[ \t]+{_AR}){{0,2}})[ \t]*\n(?=[ \t]*\S)",
    re.MULTILINE,
)
#: Words after "أنباء" that are no name (prepositions, pronouns, the article's nouns).
_NOT_NAME = frozenset("في من عن على إلى الى عن حول أن ان بأن بان".split())


def arabic_outlets(text: str) -> list[Entity]:
    """Outlets whose Arabic name holds a place's: a name closed by an outlet's word, and
    the name after "وكالة أنباء".

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Entity
        One ``news`` entity per outlet's name.

    Examples
    --------
    >>> [e.text for e in arabic_outlets("وفقاً لمراسل عفرين بوست، فإن القصف طال القرى")]
    ['عفرين بوست']
    >>> [e.text for e in arabic_outlets("وفقا لوكالة انباء روسيا اليوم.")]
    ['لوكالة انباء روسيا اليوم']
    >>> arabic_outlets("قصفت الطائرات عفرين اليوم")
    []
    >>> [e.text for e in arabic_outlets("قالت صفحة “أخبار تنسيقية اللاذقية الحرة” إن")]
    ['أخبار تنسيقية اللاذقية الحرة']
    >>> [e.text for e in arabic_outlets("دمشق _ صوت الإمارات\\nأعلن مصدر عسكري")]
    ['صوت الإمارات']
    >>> [e.text for e in arabic_outlets("(پاکستان پوائنٹ نیوز / سبوتنيك - 09 أغسطس")]
    ['پاکستان پوائنٹ نیوز']
    """
    out: list[Entity] = [
        Entity(m.group("name"), *m.span("name"), "news", "ar-dateline-credit")
        for m in _UNDERSCORE_CREDIT.finditer(text)
    ]
    if not _HINT.search(text):
        return out + body_names(text)  # no outlet's word, no "أنباء": bodies' names
    for rx in (_FOREIGN_OUTLET, _QUOTED, _BARE, _MEDIA_QUOTED):
        for m in rx.finditer(text):
            s, e = m.span("name")
            if not any(o.start <= s and e <= o.end for o in out):
                out.append(Entity(text[s:e], s, e, "news", "ar-outlet-word"))
    for m in _AGENCY.finditer(text):
        s, e = m.span("name")
        words = text[s:e].split()
        if words[-1] in _NOT_NAME or words[-1].startswith("ال") and len(words) == 2:
            continue
        if words[-2] in ("انباء", "أنباء") and words[-1] in _NOT_NAME:
            continue
        out.append(Entity(text[s:e], s, e, "news", "ar-news-agency"))
    return out + [
        b for b in body_names(text) if not any(o.start < b.end and b.start < o.end for o in out)
    ]
