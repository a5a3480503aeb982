"""English names that are no places, known by the words around them (round 26):

* a time zone after a clock time ("11:47 AM(IST)", "10:00 GMT", "at 9 pm EST"): an
  abbreviation of a few capitals there is the zone, never a place, whatever the gazetteer
  holds under it (IST is also an airport's code, Istanbul's);
* a full name, two or three capitalised words, that a noun only a person takes says what
  it is: "Raed Fares was the founder of …", "Rubar Hassan was a spokesman",
  "X Y's colleagues", "X Y's widow". The noun of a role (founder, director, activist,
  journalist) after "was/is (the|a)", or a noun of kinship or work after the
  possessive, makes the name a person's; its last word is then a surname (the later
  "Fares" alone is read by :func:`~geozones.geoparse.scan._context.surname_entities`);
* an event named by a place and a capitalised noun of a gathering ("the Seventh Dublin
  Platform", "the Munich Security Conference", "the Brussels Summit"): the place inside
  an event's name is not marked, as in an agreement's name (the set's guideline).
"""

from __future__ import annotations

import re

from ..scan._context import Entity

#: A clock time ("11:47", "9.30", "9 pm", "11:47 AM") and then a zone's abbreviation of two
#: to five capitals, maybe in brackets and with an offset ("(IST)", "GMT+3", "UTC").
_CLOCK_ZONE = re.compile(
    r"(?<![\w.:])\d{1,2}(?:[:.]\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?|[ \t]*[AaPp]\.?[Mm]\.?)"
    r"[ \t]*\(?[ \t]*(?P<zone>[A-Z]{2,5})(?=[ \t]*[)+−-]|[^\w-]|$)"
)


def time_zones(text: str) -> list[Entity]:
    """The time zones written after a clock time: never places.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Entity
        One ``noun`` entity (rule ``time-zone``) per zone.

    Examples
    --------
    >>> [e.text for e in time_zones("Updated: Oct 25, 2019, 11:47 AM(IST)")]
    ['IST']
    >>> [e.text for e in time_zones("at 10:00 GMT+3 and at 9 pm EST")]
    ['GMT', 'EST']
    >>> time_zones("at 10:00 in Aleppo; 3 SDF fighters")
    []
    """
    return [
        Entity(m.group("zone"), *m.span("zone"), "noun", "time-zone")
        for m in _CLOCK_ZONE.finditer(text)
    ]


_CAP_WORD = r"[A-Z][a-z][\w'’]*"
#: A full name: a capitalised word and one or two more (a family name's "al-" allowed).
_FULL_NAME = (
    rf"(?<![\w'’-])(?P<name>{_CAP_WORD}"
    rf"(?:[ \t]+(?:(?:al|el|bin|ibn|abu)[- \t])?{_CAP_WORD}){{1,2}})"
)
#: Nouns of a role that a person holds, after "was/is (the|a|an)".
_ROLES = (
    r"(?:co-?)?founder|director|editor|journalist|activist|reporter|photographer|"
    r"correspondent|spokesman|spokeswoman|spokesperson|chairman|chairwoman|"
    r"commander|defender|lawyer|doctor|physician|surgeon|teacher|poet|writer|novelist|"
    r"father|mother|husband|wife|brother|sister|son|daughter|uncle|cousin|widow"
)
#: Nouns after a possessive that only a person has: kin, colleagues, a lawyer, a funeral.
_PERSONAL = (
    r"colleagues?|wife|husband|widow|brother|sister|son|daughter|father|mother|uncle|cousin"
    r"|lawyer|funeral|assassination|murder|abduction|kidnapping|killers?"
)
_ROLE_PERSON = re.compile(
    rf"{_FULL_NAME}(?:[ \t]+(?:was|is|had[ \t]+been|has[ \t]+been)[ \t]+(?:the[ \t]+|an?[ \t]+)?"
    rf"(?:[a-z]+[ \t]+)?(?:{_ROLES})\b|['’]s?[ \t]+(?:{_PERSONAL})\b)"
)
#: Words that are no given name: a sentence's first word, a month, a title.
_NOT_FIRST = frozenset(
    """The This That These Those Then When While After Before Since During In On At From
    For With By Of As If But And Or So Its Their His Her Our Both Each Every Some All""".split()
)


def role_persons(text: str) -> list[Entity]:
    """Full names that a noun of role or kinship says are a person's, with their later
    repeats in the text.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Entity
        ``person`` entities (rule ``role``), in text order.

    Examples
    --------
    >>> t = "Samir Kassab was the founder of the paper. Samir Kassab's colleagues fled."
    >>> [(e.text, e.start) for e in role_persons(t)]
    [('Samir Kassab', 0), ('Samir Kassab', 43)]
    >>> role_persons("Deir Ezzor was the scene of fighting; Tal Abyad's residents fled.")
    []
    """
    names = set()
    for m in _ROLE_PERSON.finditer(text):
        name = m.group("name")
        if name.split()[0] not in _NOT_FIRST:
            names.add(name)
    if not names:
        return []
    rx = re.compile(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, sorted(names))) + r")(?![\w-])")
    return [Entity(m.group(0), m.start(), m.end(), "person", "role") for m in rx.finditer(text)]


#: A capitalised noun of a gathering that closes an event's name.
_EVENT_NOUN = r"(?:Platform|Conference|Summit|Forum|Festival|Congress|Symposium|Expo|Biennale)"
_ORDINAL = (
    r"(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth"
    r"|\d+(?:st|nd|rd|th))"
)
#: An event's name: maybe an ordinal, one or two capitalised words, the noun last.
_EVENT = re.compile(
    rf"(?<![\w'’-])(?:{_ORDINAL}[ \t]+)?(?:[A-Z][\w'’-]*[ \t]+){{1,2}}{_EVENT_NOUN}(?![\w-])"
)


def event_names(text: str) -> list[Entity]:
    """Events named by capitalised words and a noun of a gathering: a place among the
    words belongs to the event's name.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Entity
        ``organization`` entities (rule ``event``).

    Examples
    --------
    >>> [e.text for e in event_names("at the Fifth Brussels Conference in March")]
    ['Fifth Brussels Conference']
    >>> event_names("a conference in Brussels")
    []
    """
    out = []
    for m in _EVENT.finditer(text):
        start = m.start()
        first = m.group(0).split()[0]
        if first in _NOT_FIRST:  # "In Brussels Summit …"? the name starts after the word
            start += len(first) + 1
            start += len(text[start:]) - len(text[start:].lstrip(" \t"))
        if " " in text[start : m.end()].strip():
            out.append(Entity(text[start : m.end()], start, m.end(), "organization", "event"))
    return out
