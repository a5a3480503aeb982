"""Outlets and organisations whose names hold a place, found by their form: the outlet a
dateline credits on a line of its own ("Idlib - Enab Baladi"), and an organisation's name
that ends with a place ("the Russian Center for Reconciliation in Syria", "le Conseil
militaire de Manbij"): the place inside is a word of the name, no place mention."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..scan._context import Entity

#: A dateline's credit on a line of its own: "دمشق-لبنان اليوم", "Idlib - Enab Baladi" (a
#: place, a dash, then one to three words to the end of the line, with the text right below).
_DATELINE_CREDIT = re.compile(
    r"^[ \t]*(?P<pre>[^\W\d_][\w'’]*(?:[ \t]+[^\W\d_][\w'’]*)?)[ \t]*[-–—][ \t]*"
    r"(?P<src>[^\W\d_][\w'’.]*(?:[ \t]+[\w'’.]+){0,2})[ \t]*\n(?=[ \t]*\S)",
    re.MULTILINE,
)


def dateline_entities(text: str) -> list[Entity]:
    """The news outlet credited after a dateline's place on a line of its own.

    Examples
    --------
    >>> [e.text for e in dateline_entities("Idlib - Enab Baladi\\nOn Monday, jets struck.")]
    ['Enab Baladi']
    >>> dateline_entities("نهر ميديا – دير الزور\\nقال مراسل نهر ميديا إن")
    []
    >>> [e.text for e in dateline_entities("حلب اليوم-حلب\\nقال مراسل إن")]
    ['حلب اليوم']
    """
    out = []
    for m in _DATELINE_CREDIT.finditer(text):
        if _TODAY_LAST.search(m.group("pre")):  # "بغداد اليوم-بغداد": the outlet first
            out.append(Entity(m.group("pre"), *m.span("pre"), "news", "dateline-credit"))
            continue
        if _OUTLET_LAST_WORD.search(text, m.start(), m.start("src")):
            continue  # "نهر ميديا – دير الزور": the outlet first, the place after the dash
        s, e = m.span("src")
        out.append(Entity(text[s:e], s, e, "news", "dateline-credit"))
    return out


#: "Today" closing the words before a dateline's dash ("بغداد اليوم-بغداد", Baghdad Today,
#: then its dateline): no place ends so, the words are the outlet's name, the place is
#: after the dash (round 26; "دمشق-لبنان اليوم" has it after the dash, the credit).
_TODAY_LAST = re.compile(r"(?:\bToday|(?<!\w)اليوم)$")


#: The last word of an outlet's name before a dateline's dash ("نهر ميديا –", "Syria News
#: -"): the credit comes first and the place after it.
_OUTLET_LAST_WORD = re.compile(
    r"(?:ميديا|نيوز|برس|بوست|اونلاين|أونلاين|Media|News|Press|Post|Online|TV|FM)[ \t]*[-–—]",
    re.IGNORECASE,
)


_FR_LOW = r"[a-zà-ÿœ-]+"
_FR_ART = r"(?:(?:la|le|les|l['’])[ \t]*)?"
#: The place that ends an organisation's name: "the Russian Center for Reconciliation in
#: Syria", "le Centre russe pour la réconciliation en Syrie", "le Conseil militaire de
#: Manbij", "das Zentrum für Versöhnung in Syrien".
_ORG_NAME_PLACE = [
    re.compile(
        r"\b(?:Cent(?:er|re)|Office|Committee|Commission|Council|Bureau|Mission|Observatory"
        r"|Agency)[ \t]+(?:for|of)[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]*"
        r"(?:[ \t]+(?:(?:of|the|and|for)[ \t]+)*[A-Z][\w'’-]*){0,4}"
        r"[ \t]+in[ \t]+(?P<p>[A-Z][\w'’-]+)"
    ),
    # "the Autonomous Administration of North and East Syria": a body named after a part
    re.compile(
        r"\b(?:Administration|Federation|Council|Command)[ \t]+of[ \t]+(?:the[ \t]+)?"
        r"(?:North|South|East|West)(?:ern)?[ \t]+and[ \t]+(?P<p>(?:North|South|East|West)(?:ern)?"
        r"[ \t]+[A-Z][\w'’-]+)"
    ),
    re.compile(
        r"\b(?:Centre|Conseil|Comité|Bureau|Observatoire|Commission|Mission|Agence|Direction"
        rf"|Coordination|Délégation|Office)(?:[ \t]+{_FR_LOW})?"
        rf"(?:[ \t]+(?:pour|de|des|du|d['’])[ \t]*{_FR_ART}{_FR_LOW}"
        rf"(?:[ \t]+(?:de|des|du|d['’])[ \t]*{_FR_ART}{_FR_LOW})*)?"
        r"[ \t]+(?:en|au|aux|de|du|d['’])[ \t]*(?P<p>[A-ZÀ-Ý][\w'’-]+)"
    ),
    re.compile(
        r"\b(?:Zentrum|Zentrums|Büro|Büros|Komitee|Kommission|Beobachtungsstelle|Mission"
        r"|Agentur|Rat|Rats|Militärrat|Militärrats)[ \t]+(?:für|zur|von)[ \t]+"
        r"(?:[\wäöüß-]+[ \t]+){0,3}?(?:in|von)[ \t]+(?P<p>[A-ZÄÖÜ][\w'’-]+)"
    ),
]


#: A body's proper name, two capitalised words or more before the noun of a body, then "in"
#: and one name: "the Kurdish National Council in Syria". The name after "in" belongs to the
#: body's name when it is a country's (a body named for its country); a town after it is
#: where the body sits ("the Local Council in Saraqib").
_BODY_IN = re.compile(
    r"(?<![\w'’-])(?:[A-Z][a-z][\w'’-]*[ \t]+){2,4}(?:Council|Coalition|Committee|Commission"
    r"|Union|Federation|Association|Assembly|League|Party|Movement|Front|Congress)"
    r"[ \t]+in[ \t]+(?P<p>[A-Z][\w'’-]+)(?![\w'’-]|[ \t]*[-‑][ \t]*\w|[ \t]+[A-Z])"
)

_BODY_HEAD_IN = re.compile(
    r"(?:Council|Coalition|Committee|Commission|Union|Federation|Association|Assembly|League"
    r"|Party|Movement|Front|Congress)[ \t]+in[ \t]"
)


def org_name_places(text: str, country: Callable[[str], bool] | None = None) -> list[Entity]:
    """Organisations whose name ends with a place ("… for Reconciliation in Syria"): the
    place inside the name is no place mention. ``country`` tells whether a name is a
    country's: a body's name of capitalised words before "in" and a country ("the Kurdish
    National Council in Syria") ends with it.

    Examples
    --------
    >>> t = "a indiqué le Centre russe pour la réconciliation en Syrie."
    >>> [e.text for e in org_name_places(t)]
    ['Centre russe pour la réconciliation en Syrie']
    >>> t = "the chairperson of the Kurdish National Council in Syria said"
    >>> [e.text for e in org_name_places(t, lambda name: name == "Syria")]
    ['Kurdish National Council in Syria']
    """
    out = []
    for rx in _ORG_NAME_PLACE:
        for m in rx.finditer(text):
            out.append(Entity(m.group(0), m.start(), m.end(), "organization", "org-name-place"))
    bodies = country is not None and _BODY_HEAD_IN.search(text) is not None  # a cheap test
    for m in _BODY_IN.finditer(text) if bodies else ():
        if country is not None and country(m.group("p")):
            out.append(Entity(m.group(0), m.start(), m.end(), "organization", "body-in-country"))
    return out
