"""Names of bodies that hold a place's name, found by the shape of the name (round 25):

* **a campaign or outlet named by a sentence**: a place, a verb and how ("الرقة تذبح بصمت",
  Raqqa is being slaughtered silently) on a line of its own is the name of the campaign
  that signs the page, not a report on the town: a headline names what happened (a verb
  and its object, "حلب تستعيد الكهرباء"), a signature says how (a bare "ب" noun of manner
  closes the line). In English the same name is written in title case in the running text
  ("the group Raqqa is Being Slaughtered Silently said"): a place, "is"/"are"/"was", and
  a capitalised participle;
* **an administration named for a region**: "الإدارة الذاتية لشمال وشرق سوريا" (the
  Autonomous Administration of North and East Syria), "الإدارة المدنية في منبج": the
  administration's noun and its adjective, then "ل" or "في" and the region it governs,
  its compass words joined by "و", are one name (``x`` in the set, as "Autonomous
  Administration of North and East Syria" is);
* **a party named with a lower-case "party"**: "the Baath party" (the village Baath),
  "the Kurdistan Workers party"; with a capital the organisation words already read it;
* **a church body**: a denomination's adjective before "Church" ("the Syriac Orthodox
  Church Diocese", "the Armenian Catholic Church") names the church as a body, by what it
  is, not a building of its own name (the set's README: a building named only by its kind
  or owner is not a place).

Examples
--------
>>> [e.text for e in body_names("near the Baath party building in the city")]
['Baath party']
"""

from __future__ import annotations

import re

from ..scan._context import Entity

_AR = "\u0621-\u064a"
#: A line of its own: one to three words (the place), an imperfect verb (تـ/يـ and three or
#: four letters, no article) and a bare noun of manner with "ب" ("بصمت", silently).
_AR_SLOGAN = re.compile(
    rf"(?m)^[ \t]*(?P<name>[{_AR}]+(?:[ \t]+[{_AR}]+){{0,2}}[ \t]+[تي](?!ال)[{_AR}]{{3,4}}"
    rf"(?<![ةه])[ \t]+ب(?!ال)[{_AR}]{{2,5}})[ \t]*$"
)
_CAP = r"[A-Z][\w'’-]*"
#: A place, "is"/"are"/"was"/"were" (and "Being"), a capitalised participle and, maybe, a
#: capitalised adverb: a name in title case inside a sentence.
_EN_SLOGAN = re.compile(
    rf"(?<=\S[ \t])(?P<name>{_CAP}(?:[ \t]+{_CAP})?[ \t]+(?:is|are|was|were|Is|Are|Was|Were)"
    rf"[ \t]+(?:[Bb]eing[ \t]+)?[A-Z][a-z]+(?:ed|en)(?:[ \t]+[A-Z][a-z]+ly)?)\b"
)
_EN_VERB = re.compile(r"\b(?:is|are|was|were|Is|Are|Was|Were)[ \t]+(?:[Bb]eing[ \t]+)?[A-Z]")
#: The administration's noun and adjective, "ل"/"في", compass words joined by "و", and the
#: region's name (one word, and a second with the article: "دير الزور").
_COMPASS = r"(?:ال)?(?:شمال|جنوب|شرق|غرب)(?:ي)?"
_AR_ADMINISTRATION = re.compile(
    rf"(?<![{_AR}])(?P<name>[وفب]?(?:لل|ال)[إا]دار[ةه][ \t]+(?:ال)?(?:ذاتي|مدني)[ةه]"
    rf"(?:[ \t]+(?:ال)?(?:ديمقراطي|ديموقراطي|كردي)[ةه])?[ \t]+(?:ل|في[ \t]+)"
    rf"(?:{_COMPASS}(?:[ \t]+و{_COMPASS})*[ \t]+)?[{_AR}]+(?:[ \t]+ال[{_AR}]+)?)"
)
#: A capitalised name and a lower-case "party".
_PARTY = re.compile(rf"(?<![\w'’-])(?P<name>{_CAP}(?:[ \t]+{_CAP}){{0,2}}[ \t]+party)\b")
_DENOMINATION = (
    r"(?:Orthodox|Catholic|Evangelical|Protestant|Apostolic|Anglican|Maronite|Melkite"
    r"|Chaldean|Presbyterian|Lutheran|Baptist)"
)
#: A denomination's adjective (and the words before it) and "Church", and the capitalised
#: words that go on the body's name ("Diocese", "of Antioch").
_CHURCH = re.compile(
    rf"(?<![\w'’-])(?P<name>(?:{_CAP}[ \t]+){{0,2}}{_DENOMINATION}[ \t]+Church"
    rf"(?:[ \t]+(?:of[ \t]+)?{_CAP})*)"
)


def body_names(text: str) -> list[Entity]:
    """Campaigns named by a sentence, administrations named for a region, parties and church
    bodies (see the module's notes).

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Entity
        One entity per name: ``news`` for a campaign's signature, ``organization`` for the
        others.

    Examples
    --------
    >>> [e.text for e in body_names("الرقة تذبح بصمت\\nانفجرت سيارة مفخخة في المدينة")]
    ['الرقة تذبح بصمت']
    >>> body_names("حلب تستعيد الكهرباء\\nعادت الكهرباء إلى المدينة")
    []
    >>> [e.text for e in body_names("وهو ما أكدته الإدارة الذاتية لشمال وشرق سوريا في بيان")]
    ['الإدارة الذاتية لشمال وشرق سوريا']
    >>> [e.text for e in body_names("run by the Syriac Orthodox Church Diocese since 1935")]
    ['Syriac Orthodox Church Diocese']
    """
    out: list[Entity] = []
    for rx, kind, how in (
        (_AR_SLOGAN, "news", "sentence-name"),
        (_EN_SLOGAN, "news", "sentence-name"),
        (_AR_ADMINISTRATION, "organization", "administration-of"),
        (_PARTY, "organization", "party"),
        (_CHURCH, "organization", "church-body"),
    ):
        if rx is _EN_SLOGAN and _EN_VERB.search(text) is None:
            continue  # the common case, without the pattern's scan
        for m in rx.finditer(text):
            s, e = m.span("name")
            out.append(Entity(text[s:e], s, e, kind, how))
    return sorted(out, key=lambda e: e.start)
