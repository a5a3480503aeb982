"""English names of organisations and persons that a place's name opens or closes, found by
the shape of the phrase (round 23):

* a country's name, then a lower-case noun of a body and "for" with what it does: "the
  Syria company for oil transport". The body is named; the country is a word of its name
  (the set's country guideline: the whole span is ``x``). A governorate's capital there is
  marked as the set marks an office named after it ("مديرية صحة السويداء": the capital
  guideline, step 3), so a town's name is left to the other rules;
* a group's name continued by "of" and one or two names joined by "and": "the Islamic
  State of Iraq and Syria", "the Islamic State of Iraq and the Levant". A group's name,
  known (``entities.yaml``) or found by an organisation word, whose next words are "of X
  and Y" is the longer name of the group; the countries in it belong to it;
* a name opening a sentence, then an apposition between commas that says what the person
  is, then a verb of speech: "Mustafa, a vehicle repair shop owner, told AFP". Whatever
  the apposition's words, a name that "told"/"said" after it is a person's (a country that
  speaks is its government: it stays a place).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from ..scan._context import Entity, known_entities
from ..scan._items import _Item
from ._ar_units import numbered_units

#: Lower-case nouns of a body that a capitalised name qualifies ("the Syria company").
_BODY_NOUNS = (
    r"(?:company|corporation|establishment|directorate|authority|organi[sz]ation|commission"
    r"|committee|foundation|institute|agency|administration)"
)
#: Lower-case words that end a body's name: links and the verbs that follow a subject.
_NOT_NAME = (
    r"(?:and|or|in|on|at|to|of|from|with|by|said|says|told|has|have|had|was|were|is|are"
    r"|will|would|which|that|who)"
)
_BODY_FOR = re.compile(
    r"\b[Tt]he[ \t]+(?P<name>(?P<place>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})[ \t]+"
    + _BODY_NOUNS
    + r"[ \t]+for[ \t]+[a-z][\w'’-]*(?:[ \t]+(?!" + _NOT_NAME + r"\b)[a-z][\w'’-]*){0,2})"
)  # fmt: skip


def body_for_names(text: str, country: Callable[[str], bool]) -> list[Entity]:
    """Bodies named by a country's name, a lower-case body's noun and "for …".

    Parameters
    ----------
    text : str
        The text.
    country : callable
        Whether a name is a country's.

    Returns
    -------
    list of Entity
        One ``organization`` entity per name.

    Examples
    --------
    >>> syria = {"Syria"}.__contains__
    >>> [e.text for e in body_for_names("the deputy head of the Syria company for oil "
    ...                                 "transport, Qais Deeb, said", syria)]
    ['Syria company for oil transport']
    >>> body_for_names("the company for oil transport in Syria said", syria)
    []
    >>> body_for_names("the Hama directorate for health affairs said", syria)
    []
    """
    if " for " not in text:
        return []
    return [
        Entity(m.group("name"), *m.span("name"), "organization", "body-for")
        for m in _BODY_FOR.finditer(text)
        if country(m.group("place"))
    ]


#: "of" and one or two capitalised names joined by "and" (an article allowed before the
#: second: "of Iraq and the Levant"; the second may be of two words: "of Iraq and Greater
#: Syria"), right after a group's name.
_OF_PLACES = re.compile(
    r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z](?:[\w'’-]*\w)?"
    r"(?:[ \t]+and[ \t]+(?:the[ \t]+|al-)?[A-Z](?:[\w'’-]*\w)?(?:[ \t]+[A-Z](?:[\w'’-]*\w)?)?)?"
    r"(?![\w-]|[ \t]+[A-Z])"
)


@functools.lru_cache(maxsize=1)
def _group_names() -> frozenset[str]:
    """The organisations of ``entities.yaml`` written in Latin capitals."""
    return frozenset(n for n in known_entities().get("organization", []) if n[:1].isupper())


def group_of_places(text: str, named: list[Entity]) -> list[Entity]:
    """A group's name continued by "of X and Y": the longer name of the group.

    Parameters
    ----------
    text : str
        The text.
    named : list of Entity
        The organisations found by the rules (their ends are looked at too).

    Returns
    -------
    list of Entity
        One ``organization`` entity per longer name.

    Examples
    --------
    >>> t = "to defeat the Islamic State of Iraq and Syria, officials said"
    >>> [e.text for e in group_of_places(t, [])]
    ['Islamic State of Iraq and Syria']
    >>> group_of_places("the Islamic State fighters of Raqqa", [])
    []
    >>> bank = Entity("East Bank", 29, 38, "organization", "rule")
    >>> group_of_places("Turkey wants to push the YPG East Bank of the Euphrates.", [bank])
    []
    """
    if " of " not in text:
        return []
    ends = {e.end: e.start for e in named if e.kind == "organization"}
    out = []
    for m in re.finditer(r"[ \t]+of[ \t]+", text):
        start, known = ends.get(m.start()), False
        if start is None:
            start, known = _group_before(text, m.start()), True
        got = _OF_PLACES.match(text, m.start()) if start is not None else None
        # a name found by its shape takes "of X and Y" only ("the East Bank of the Euphrates"
        # is a river's bank, not a bank); a known group takes "of X" too
        if got is not None and not known and " and " not in got.group():
            got = None
        if got is not None and start is not None:
            out.append(Entity(text[start : got.end()], start, got.end(), "organization",
                              "group-of-places"))  # fmt: skip
    return out


def _group_before(text: str, end: int) -> int | None:
    """The start of a known group's name that ends at ``end`` (up to four words back)."""
    words = list(re.finditer(r"[\w'’-]+", text[max(0, end - 60) : end]))
    base = max(0, end - 60)
    for w in words[-4:]:
        s = base + w.start()
        if text[s:end] in _group_names() and (s == 0 or not text[s - 1].isalnum()):
            return s
    return None


#: A title of address before the name, not part of it ("Mr Bara, a local official, said").
_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Dr|Miss|Sheikh|Prof)\.?[ \t]+)"
#: What a person is, in apposition: an article and up to seven words, then a comma.
_WHAT = r"(?:a|an|the)[ \t]+[\w'’-]+(?:[ \t]+[\w'’-]+){0,6},[ \t]+"
_SPEECH = r"(?:told|tells|said|says|added|explained|recalled|recounted|insisted|stressed)"
#: A name opening a sentence (or a line, or after a quotation), an apposition between
#: commas with an article, then a verb of speech.
_APPOSITION_SPEAKER = re.compile(
    r"(?:^|(?<=[\n.!?\"“”]\s)|(?<=[\n.!?\"“”]))[ \t]*" + _HONORIFIC + r"?"
    r"(?P<name>[A-Z][a-zà-ÿ'’]+(?:[ \t]+(?:al-|el-)?[A-Z][a-zà-ÿ'’]+){0,2}),[ \t]+"
    r"(?:[0-9]{1,3},[ \t]+(?:"
    + _WHAT
    + r")?|"
    + _WHAT
    + r")"  # an age, what the person is
    + _SPEECH
    + r"\b",
    re.M,
)


#: Nouns of a place: an apposition with one says what a town is, not a person.
_PLACE_NOUNS = (
    r"(?:town|towns|city|village|area|district|region|province|governorate|stronghold|hub"
    r"|crossing|camp|base|neighbou?rhood|suburb|capital|enclave|pocket|countryside)"
)
#: A verb of speech, then the name and an apposition that ends the sentence: "said Mustafa,
#: a shop owner." (not "said Saraqib, a key town, fell": the town is the clause's subject).
_SPEAKER_AFTER_VERB = re.compile(
    r"\b(?:said|says|told|added|explained|recalled)[ \t]+" + _HONORIFIC + r"?"
    r"(?P<name>[A-Z][a-zà-ÿ'’]+(?:[ \t]+(?:al-|el-)?[A-Z][a-zà-ÿ'’]+){0,2}),[ \t]+"
    r"(?:[0-9]{1,3}[,.]|(?:a|an|the)[ \t]+(?![\w'’ \t-]*\b" + _PLACE_NOUNS + r"\b)"
    r"[\w'’-]+(?:[ \t]+[\w'’-]+){0,6}(?:[.;\n]|$))"
)


def apposition_speakers(text: str, country: Callable[[str], bool]) -> list[Entity]:
    """Names with an apposition that says what the person is and a verb of speech: opening a
    sentence ("Mustafa, a shop owner, told AFP") or after the verb ("said Mustafa, a …").

    Parameters
    ----------
    text : str
        The text.
    country : callable
        Whether a name is a country's (a country that speaks is its government).

    Returns
    -------
    list of Entity
        One ``person`` entity per name.

    Examples
    --------
    >>> t = "Flames rose. Mustafa, a vehicle repair shop owner, told AFP that he left."
    >>> [e.text for e in apposition_speakers(t, lambda name: False)]
    ['Mustafa']
    >>> apposition_speakers("Turkey, a NATO member, said it would act.", lambda n: n == "Turkey")
    []
    >>> [e.text for e in apposition_speakers("Umm Ahmad, 45, told AFP.", lambda n: False)]
    ['Umm Ahmad']
    >>> apposition_speakers("Afrin, Azaz, said to be calm", lambda n: False)
    []
    >>> t = '"We lost everything," said Mustafa, a vehicle repair shop owner.'
    >>> [e.text for e in apposition_speakers(t, lambda name: False)]
    ['Mustafa']
    """
    if ", " not in text:
        return []
    found = [*_APPOSITION_SPEAKER.finditer(text), *_SPEAKER_AFTER_VERB.finditer(text)]
    return [
        Entity(m.group("name"), *m.span("name"), "person", "apposition-speaker")
        for m in sorted(found, key=lambda m: m.start("name"))
        if not country(m.group("name"))
    ]


def speakers_named_again(
    text: str, items: list[_Item], persons: list[Entity]
) -> tuple[list[_Item], list[Entity]]:
    """A one-word name that speaks elsewhere in the text ("…," Mustafa said) is the same
    person wherever else it stands ("Mustafa, whose shop was destroyed"): the village
    readings of its other mentions go.

    Parameters
    ----------
    text : str
        The text.
    items : list of _Item
        The place readings left.
    persons : list of Entity
        The persons found by their speaking.

    Returns
    -------
    tuple of (list of _Item, list of Entity)
        The readings kept, and ``persons`` with the persons added.

    Examples
    --------
    >>> from geozones.geoparse.scan._items import _Item
    >>> t = "Mustafa lost his shop. Mustafa said it burned."
    >>> kept, got = speakers_named_again(t, [_Item(0, 7, 0, ())], [Entity("Mustafa", 23, 30,
    ...                                  "person", "name")])
    >>> kept, [(e.text, e.start) for e in got]
    ([], [('Mustafa', 23), ('Mustafa', 0)])
    """
    names = {p.text for p in persons if p.text.isalpha() and p.text[:1].isupper()}
    if not names:
        return items, persons
    again = [it for it in items if text[it.start : it.end] in names]
    if not again:
        return items, persons
    got = [Entity(text[it.start : it.end], it.start, it.end, "person", "speaker-again")
           for it in again]  # fmt: skip
    return [it for it in items if it not in again], persons + got


#: A place's name and "24": a news site's ("Deir Ezzor 24", "France 24", "السويداء 24"), when
#: the number closes the phrase (punctuation, a quotation mark, the line's end) or a verb or
#: noun of reporting follows it, or when a post's byline names it ("Posted by السويداء 24 on
#: Monday", an embedded social-media post); never before a unit ("Idlib 24 hours", "حلب 24
#: ساعة").
_OUTLET_NAME = (
    r"(?:[A-Z][\w'’-]*[ \t]+){0,2}[A-Z][\w'’-]*"
    r"|[\u0621-\u064a]+(?:[ \t]+ال[\u0621-\u064a]+)?"
)
_NUMBERED_OUTLET = re.compile(
    rf"(?<![\w'’-])(?P<name>{_OUTLET_NAME})[ \t]+(?:24|٢٤)"
    r"(?=[ \t]*(?:[.,;:!?)\]\"”’»،؛\n]|$)|[ \t]+(?:reported|reports|said|says|network|news"
    r"|website|site|correspondent|cited|quoted|published|that)\b|[ \t]+(?:أن|إن|بأن|أنه))"
    rf"|(?<=\b(?:Posted|Shared) by )(?P<by>{_OUTLET_NAME})[ \t]+(?:24|٢٤)(?![\d])"
)


def numbered_outlets(text: str, dates: Sequence[tuple[int, int]] = ()) -> list[Entity]:
    """News sites named by a place and the number 24, none over a date ("August 24").

    Parameters
    ----------
    text : str
        The text.
    dates : sequence of (int, int)
        The spans of the dates found: a name over one is the date's.

    Returns
    -------
    list of Entity
        One ``news`` entity per name.

    Examples
    --------
    >>> [e.text for e in numbered_outlets("According to Deir Ezzor 24, the convoy left.")]
    ['Deir Ezzor 24']
    >>> [e.text for e in numbered_outlets("وقالت مصادر للسويداء 24، أن الحادثة وقعت")]
    ['للسويداء 24']
    >>> [e.text for e in numbered_outlets("Posted by Idlib 24 on Monday, June 8, 2020")]
    ['Idlib 24']
    >>> numbered_outlets("The siege of Idlib 24 hours ago ended.")
    []
    """
    if "24" not in text and "٢٤" not in text:
        return []
    out = []
    for m in _NUMBERED_OUTLET.finditer(text):
        s = m.start("name") if m.group("name") else m.start("by")
        if not any(a < m.end() and s < b for a, b in dates):
            out.append(Entity(text[s : m.end()], s, m.end(), "news", "numbered-outlet"))
    return out


def shaped_entities(
    text: str, country: Callable[[str], bool], named: Sequence[Entity] = ()
) -> list[Entity]:
    """The persons, bodies, groups and units that the shape of their phrase names: a
    speaker's apposition, a country's body "for …", a group's name continued by "of X and
    Y", an Arabic numbered unit whose men are meant.

    Parameters
    ----------
    text : str
        The text.
    country : callable
        Whether a name is a country's.
    named : sequence of Entity
        The organisations found so far (a group's name may continue after one).

    Returns
    -------
    list of Entity
        :func:`body_for_names`, :func:`apposition_speakers`, :func:`group_of_places` and
        :func:`._ar_units.numbered_units`, in that order.

    Examples
    --------
    >>> t = "Mustafa, a shop owner, told AFP. The Syria company for oil transport said so."
    >>> [e.text for e in shaped_entities(t, {"Syria"}.__contains__)]
    ['Syria company for oil transport', 'Mustafa']
    """
    got = body_for_names(text, country) + apposition_speakers(text, country)
    return got + group_of_places(text, [*named, *got]) + numbered_units(text)
