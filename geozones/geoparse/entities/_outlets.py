"""Broadcasters named after a country and a number: "France 24 reported", "Rossiya 24".

A channel's name is often a country's with a number after it. A capitalised name followed
by a bare number and then by a verb of reporting (or the end of a credit in brackets) is
such an outlet, not a mention of the country: no list of channels is needed.

Likewise the bare name a source phrase opens and a comma or a stop closes ("According to Al
Mayadeen, groups …", "selon Reuters.") is who reports, not a place: a place there is a
qualifier ("according to Idlib-based activist …"), and the name is glued to what follows.

A line that holds nothing but two or three capitalised words and a dash after them (or
"By" before them) is the writer's byline ("Selava Omar –", "By Hadi Abdullah"): a person,
even where a word of it is also a village's name.

A broadcaster is named by its band or medium: "Radio X", "X FM", "X TV" ("Radio Cham FM",
"Sham FM", "Orient TV") is the station, and a place's name inside it ("Cham", Damascus)
belongs to the station, as the set marks a country's name inside an outlet's.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..scan._context import Entity

_CHANNEL = re.compile(
    # "\b" before the capital, written after it ("(?<!\w[A-Z])"): the capital then opens
    # the pattern, and the engine skips to the next capital instead of trying each character
    r"(?P<name>[A-Z](?<!\w[A-Z])[a-zà-ÿ]+(?: [A-Z][a-zà-ÿ]+)?[ -](?:\d{1,3}))\b"
    r"(?=\s*(?:\)|,?\s+(?:reported|reports|said|says|quoted|quotes|cited|cites|aired|airs"
    r"|broadcast|broadcasts|showed|shows|told|tells|added|adds|wrote|writes|announced"
    r"|correspondent|television|TV|channel|news)\b))"
)


def channel_entities(text: str) -> list[Entity]:
    """News outlets named by a name and a number before a verb of reporting.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Entity
        One ``news`` entity per such name.

    Examples
    --------
    >>> [e.text for e in channel_entities("pro-regime forces advanced, France 24 reported.")]
    ['France 24']
    >>> channel_entities("France sent 24 advisers.")
    []
    """
    return _named(_CHANNEL, text, "channel")


_WORD = r"[A-Z][\w'’-]*"
_BROADCASTER = re.compile(
    rf"\b(?P<name>(?:Radio[ \t]+)?{_WORD}(?:[ \t]+{_WORD}){{0,2}}[ \t]+(?:FM|TV)"
    rf"|Radio[ \t]+{_WORD}(?:[ \t]+{_WORD}){{0,2}})\b"
)


def broadcaster_entities(text: str) -> list[Entity]:
    """Stations named by their band or medium: "Radio X", "X FM", "X TV".

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Entity
        One ``news`` entity per station's name, the band or medium word included.

    Examples
    --------
    >>> [e.text for e in broadcaster_entities("a correspondent for Radio Cham FM in Homs")]
    ['Radio Cham FM']
    >>> [e.text for e in broadcaster_entities("Halab Today TV showed the ruins")]
    ['Halab Today TV']
    >>> broadcaster_entities("the radio station in Homs was hit")
    []
    """
    return _named(_BROADCASTER, text, "broadcaster")


#: A name written with the Arabic article ("Al Rai", "al-Watan", "Al-Mayadeen").
_ARTICLE_NAME = r"(?:Al|El|al|el|Ar|As|Ash|An|Az|Ad|At)[- ][A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?"
#: What may follow "media" or "daily" after an outlet's name: a stop, or a verb or a
#: preposition ("Al Rai media, …", "al-Watan daily reported"), never the noun of a compound
#: ("al-Bab media activists", "al-Bab daily life").
_AFTER_LOOSE_NOUN = (
    r"(?=[ \t]*[,.;:)”\"]|[ \t]+(?:reported|reports|said|says|quoted|quotes|cited|cites|wrote"
    r"|writes|published|added|claimed|noted|on|in|that|and|as)\b)"
)
_ARTICLE_OUTLET = re.compile(
    rf"(?P<name>{_ARTICLE_NAME})(?=[ \t]+(?:newspaper|television|TV|channel|website|magazine"
    rf"|news[ \t]+(?:agency|website|outlet))\b|[ \t]+(?:media|daily){_AFTER_LOOSE_NOUN})"
    rf"|\b(?:daily|newspaper|broadcaster|channel|weekly|magazine)[ \t]+(?P<after>{_ARTICLE_NAME})"
)


def article_outlets(text: str) -> list[Entity]:
    """Outlets named with the Arabic article before a noun of the press ("Al Rai media",
    "the al-Watan newspaper", "Al Sumaria television") or after one ("the Kuwaiti daily Al
    Rai"): the outlet, not the town that shares its name (Ar-Ra'ee, Sumariyeh). A town's
    name before "media" or "daily" stays a town when a noun follows ("al-Bab media
    activists").

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
    >>> [e.text for e in article_outlets("reporting for Middle East-based Al Rai media, notes")]
    ['Al Rai']
    >>> [e.text for e in article_outlets("the pro-government daily al-Watan said")]
    ['al-Watan']
    >>> article_outlets("al-Bab media activists said")
    []
    """
    out = []
    for m in _ARTICLE_OUTLET.finditer(text):
        g = "name" if m.group("name") else "after"
        out.append(Entity(m.group(g), m.start(g), m.end(g), "news", "article-outlet"))
    return out


_SOURCE = re.compile(
    r"\b(?:[Aa]ccording[ \t]+to|[Ss]elon|[Ll]aut)[ \t]+"
    r"(?P<name>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})(?=[ \t]*[,.;:])"
)


def source_entities(text: str, country: Callable[[str], bool] = lambda name: False) -> list[Entity]:
    """Who a source phrase names when the name stands alone before a comma or a stop; a
    country named so ("according to Israel, …") is its government, a mention of the
    country (the set's country guideline: a noun mention, metonymic or not; round 25).

    Parameters
    ----------
    text : str
        The text.
    country : callable, optional
        Whether a name is a country's.

    Returns
    -------
    list of Entity
        One ``news`` entity per such name.

    Examples
    --------
    >>> [e.text for e in source_entities("According to Al Mayadeen, groups attack patrols.")]
    ['Al Mayadeen']
    >>> source_entities("according to Idlib-based activist Hadi Abdullah")
    []
    >>> source_entities("weapons (according to Israel, also arms)", lambda n: n == "Israel")
    []
    """
    return [e for e in _named(_SOURCE, text, "source") if not country(e.text)]


_BYLINE = re.compile(
    r"^[ \t]*(?:(?P<by>By|Par|Von)[ \t]+)?"
    r"(?P<name>[A-Z][a-zà-ÿ'’]+(?:[ \t]+[A-Z][a-zà-ÿ'’]+){1,2})[ \t]*(?P<dash>[-–—])?[ \t]*$",
    re.M,
)


def byline_persons(text: str) -> list[Entity]:
    """The writer a byline line names: two or three capitalised words alone on their line,
    with a dash after them or "By" before them.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Entity
        One ``person`` entity per byline.

    Examples
    --------
    >>> [e.text for e in byline_persons("SDF raid in Deir Ezzor\\n\\nSelava Omar –\\n")]
    ['Selava Omar']
    >>> byline_persons("Tal Abyad\\nThe town was shelled.")
    []
    """
    return [
        Entity(m.group("name"), m.start("name"), m.end("name"), "person", "byline")
        for m in _BYLINE.finditer(text)
        if m.group("by") or m.group("dash")
    ]


def _named(pattern: re.Pattern[str], text: str, how: str, kind: str = "news") -> list[Entity]:
    """One ``kind`` entity per match of ``pattern``'s ``name`` group."""
    return [
        Entity(m.group("name"), m.start("name"), m.end("name"), kind, how)
        for m in pattern.finditer(text)
    ]


#: Nouns that say what a person is, in an apposition after the name ("Zeina, a resident of
#: …", "Ahmad, a 34-year-old father of three").
_PERSON_NOUNS = (
    r"resident|residents|local|mother|father|farmer|teacher|doctor|nurse|student|witness"
    r"|survivor|activist|journalist|reporter|volunteer|fighter|commander|spokesman"
    r"|spokeswoman|spokesperson|official|worker|shopkeeper|driver|man|woman|boy|girl"
    r"|widow|grandmother|grandfather|pharmacist|engineer|lawyer|[0-9]{1,3}-year-old"
)
_APPOSITION = re.compile(
    r"(?:^|(?<=[\n.!?\"“”]\s)|(?<=[\n.!?\"“”]))[ \t]*(?:(?:Mr|Mrs|Ms|Dr|Miss)\.?[ \t]+)?"
    r"(?P<name>[A-Z][a-zà-ÿ'’]+(?:[ \t]+[A-Z][a-zà-ÿ'’]+){0,2}),[ \t]+(?:a|an|the)[ \t]+"
    rf"(?:\w+[ \t]+)?(?:{_PERSON_NOUNS})\b",
    re.M,
)


def apposition_persons(text: str) -> list[Entity]:
    """A name opening a sentence with an apposition that says what a person is ("Zeina, a
    resident of the tiny village of Al-Matuna, told AFP") names that person.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Entity
        One ``person`` entity per such name.

    Examples
    --------
    >>> [e.text for e in apposition_persons("Zeina, a resident of the village, told AFP.")]
    ['Zeina']
    >>> apposition_persons("Sweida, a city in the south, was hit.")
    []
    """
    return _named(_APPOSITION, text, "apposition", "person")


#: A number with a full stop before a capitalised noun inside a sentence: a Turkish or German
#: ordinal naming a unit ("4. Tümen", the 4th Division; "5. Kolordu"), not a place.
_ORDINAL_UNIT = re.compile(r"(?<=[^\s\n])[ \t]+[0-9]{1,2}\.[ \t]*(?P<name>[A-ZÇĞİÖŞÜ][\wçğıöşü]+)")


def ordinal_units(text: str) -> list[Entity]:
    """The noun after an ordinal written "N." inside a sentence names a unit, not a place.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Entity
        One ``organization`` entity per ordinal noun.

    Examples
    --------
    >>> [e.text for e in ordinal_units("Mahir Esed komutasındaki 4. Tümen’e ait konvoy")]
    ['Tümen']
    >>> ordinal_units("1. Afrin\\n2. Manbij")
    []
    """
    return _named(_ORDINAL_UNIT, text, "ordinal", "organization")


#: A line holding a name of two or three words and a dash, nothing else: a dateline's
#: place, or the outlet's signature.
_SIGNATURE = re.compile(r"(?m)^[ \t]*(?P<name>\S+(?:[ \t]+\S+){1,2})[ \t]*[-–—][ \t]*$")


def signature_outlets(text: str, places: list) -> tuple[list, list[Entity]]:
    """Drop a country that opens a signature line: a dateline names a town, so a line of a
    country's name, one or two more words and a dash ("الأردن العربي –", "Syria Direct –") is
    the outlet that signs the story, named after its country.

    Parameters
    ----------
    text : str
        The text.
    places : list of PlaceMention
        The place mentions found.

    Returns
    -------
    tuple
        The place mentions kept and one ``news`` entity per signature.

    Examples
    --------
    >>> import geozones
    >>> r = geozones.extract("الإثنين 4/12/2017\\nالأردن العربي –\\nسيطر الجيش على البوكمال.")
    >>> [m.text for m in r.places], [e.text for e in r.entities if e.kind == "news"]
    (['البوكمال'], ['الأردن العربي'])
    """
    out: list[Entity] = []
    for m in _SIGNATURE.finditer(text):
        s, e = m.span("name")
        inside = [p for p in places if s <= p.start and p.end <= e]
        if len(inside) == 1 and inside[0].kind == "country" and s == inside[0].start < e:
            if inside[0].end < e and not any(c.isdigit() for c in text[s:e]):
                places = [p for p in places if p is not inside[0]]
                out.append(Entity(text[s:e], s, e, "news", "signature"))
    return places, out


_CREDIT_NAME = (
    r"[A-ZÀ-ÖØ-Þ][a-zà-ÿ'’-]+(?:[ \t]+(?:al-|el-|de[ \t]+|van[ \t]+)?[A-ZÀ-ÖØ-Þ][a-zà-ÿ'’-]+){1,3}"
)
#: A wire story's credit: "(Reporting by Tom Perry; Editing by Louise Ireland)", "Writing
#: by X and Y", "Additional reporting by X, Y".
_CREDIT = re.compile(
    r"\b(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Cc]ompiled|[Ww]ritten|[Ee]dited|[Pp]hotos?"
    r"|[Gg]raphics|[Vv]ideo)[ \t]+by[ \t]+"
    rf"(?P<names>{_CREDIT_NAME}(?:(?:,[ \t]*|[ \t]+and[ \t]+){_CREDIT_NAME})*)"
)


def credit_persons(text: str) -> list[Entity]:
    """The reporters and editors a wire story's credit names ("Reporting by Tom Perry;
    Editing by Louise Ireland"): persons, even where a word of the name is a country's.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Entity
        One ``person`` entity per name credited.

    Examples
    --------
    >>> [e.text for e in credit_persons("(Reporting by Tom Perry; Editing by Louise Ireland)")]
    ['Tom Perry', 'Louise Ireland']
    >>> credit_persons("The village was captured by Turkey-backed rebels.")
    []
    """
    out = []
    for m in _CREDIT.finditer(text):
        for n in re.finditer(_CREDIT_NAME, m.group("names")):
            s = m.start("names") + n.start()
            out.append(Entity(n.group(0), s, s + len(n.group(0)), "person", "credit"))
    return out
