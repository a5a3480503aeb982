"""Names of institutions that hold a country's or a place's name, found by their shape.

* A German compound whose first part is a country's name or initials and whose head is an
  institution's noun ("US-Zentralkommando", US Central Command; "Türkei-Ministerium") names
  that institution: the country is a word of the name, as the set marks "US Central Command".
* The name a group is "known as" or "called" ("formerly known as ISIS or the Islamic State in
  Syria and Iraq") is a name, the places at its end included, when it ends with a word that
  heads a group's name (State, Front, Army, Council …) before "in"/"of" and the places.
* A name followed by its initials in brackets ("the “Islamic State of Iraq and Syria”
  (ISIS)", "Raqqa Internal Security Forces (RISF)") is an organisation's, the places in it
  included: the initials say the words are one name.
* A place's office named as a source or a speaker ("according to Damascus police command",
  "the Idlib health directorate said") is the office, the place's name inside it.
"""

from __future__ import annotations

import re

from ..scan._context import CAPITALS, Entity
from ._outlets import _named

#: German nouns that end the name of an institution (a command, a ministry, an authority, a
#: service), written as the head of a compound.
_DE_HEAD = r"(?:kommando|ministerium|behörde|geheimdienst|nachrichtendienst|zentrale)"
_DE_COMPOUND = re.compile(
    rf"(?<![\w-])(?P<name>[{CAPITALS}][\w.]*-[{CAPITALS}][a-zäöüß]*{_DE_HEAD}"
    r"(?:s|es)?)(?![\w-])"
)
_CAP = rf"[{CAPITALS}][\w'’-]*"
#: Words that end a group's name before the places it is "of" or "in".
_GROUP_END = r"(?:State|Emirate|Caliphate|Front|Army|Council|Party|Movement|Forces|Brigades?)"
_ALIAS = re.compile(r"\b(?:known|referred[ \t]+to)[ \t]+as[ \t]+|\b(?:called|dubbed|renamed)[ \t]+")
_ALIASED = re.compile(
    rf"(?P<name>(?:{_CAP}[ \t]+){{0,3}}{_GROUP_END}[ \t]+(?:in|of)[ \t]+(?:the[ \t]+)?{_CAP}"
    rf"(?:[ \t]+and[ \t]+(?:the[ \t]+)?{_CAP})?)"
)


def institution_entities(text: str) -> list[Entity]:
    """Institutions named with a country's or a place's name inside the name.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Entity
        One ``organization`` entity per name.

    Examples
    --------
    >>> [e.text for e in institution_entities("Das US-Zentralkommando erklärte, …")]
    ['US-Zentralkommando']
    >>> t = "IS, formerly known as ISIS or the Islamic State in Syria and Iraq, said"
    >>> [e.text for e in institution_entities(t)]
    ['Islamic State in Syria and Iraq']
    >>> institution_entities("the Islamic State in Syria lost its last town; US-Truppen")
    []
    """
    out = _named(_DE_COMPOUND, text, "de-compound", "organization") + _initialled(text)
    out += _named(_OFFICE_SOURCE, text, "office", "organization")
    out += _named(_OFFICE_SPEAKS, text, "office", "organization")
    for a in _ALIAS.finditer(text):
        clause = re.match(r"[^.()\n;:]{0,120}", text[a.end() :]).group(0)  # type: ignore[union-attr]
        for m in _ALIASED.finditer(clause):
            s, e = a.end() + m.start("name"), a.end() + m.end("name")
            out.append(Entity(text[s:e], s, e, "organization", "alias"))
    return out


#: A place's office in lower case after its name: its police, a directorate, a council.
_OFFICE = (
    r"(?:police(?:[ \t]+(?:command|department|headquarters|directorate))?"
    r"|(?:health|education|agriculture|water|electricity|interior)[ \t]+"
    r"(?:directorate|department|authority|ministry)"
    r"|(?:city|local|provincial|municipal|military|governorate)[ \t]+council"
    r"|municipality|directorate|governorate[ \t]+office)"
)
_OFFICE_NAME = rf"(?P<name>{_CAP}(?:[ \t]+{_CAP}){{0,2}}[ \t]+{_OFFICE})\b"
#: Who a source phrase names or who speaks is the office, not the place it serves:
#: "according to Damascus police command", "the Idlib health directorate said".
_OFFICE_SOURCE = re.compile(rf"\b[Aa]ccording[ \t]+to[ \t]+(?:the[ \t]+)?{_OFFICE_NAME}")
_OFFICE_SPEAKS = re.compile(
    rf"{_OFFICE_NAME}(?=[ \t]+(?:said|says|stated|announced|reported|told|added|confirmed)\b)"
)

#: A name's words, then its initials in brackets: "Islamic State of Iraq and Syria" (ISIS).
_INITIALS = re.compile(r"[\"“”'’]?[ \t]{0,3}\((?P<abbr>[A-Z]{2,7})\)")
#: Two initials spell a name of two words on one line with nothing between them, neither in
#: capitals (a dateline "ALEPPO (AA)" is not one) and not a country's ("United States (US)"):
#: "Russia Today (RT)", "Islamic State (IS)".
_TWO_WORDS = re.compile(r"[A-Z][a-z'’-]+[ \t]+[A-Z][a-z'’-]+")
_COUNTRY_PAIRS = frozenset({"United States", "United Kingdom", "Saudi Arabia", "Czech Republic"})
_NAME_WORD = re.compile(rf"(?:(?:al|el|ad|ar|as|ash|at|az)-)?(?P<initial>[{CAPITALS}])[\w'’-]*")
_CONNECTORS = frozenset("of and for the in on al".split())
#: A name that ends with a noun of geography is a place's, initials or not ("the Middle
#: Euphrates River Valley (MERV)").
_GEO_HEAD = re.compile(
    r"(?:Valley|River|Basin|Plains?|Mountains?|Region|Province|Governorate|Area|Zone|Desert)s?"
)


def _initialled(text: str) -> list[Entity]:
    """Names followed by their initials in brackets: the words whose initials the
    brackets spell, read back from the bracket (connectors "of", "and", "the" skipped);
    not a place's ("… River Valley (MERV)")."""
    out = []
    for m in _INITIALS.finditer(text):
        abbr, pos = m.group("abbr"), m.start()
        words: list[re.Match[str]] = []
        head = text[max(0, pos - 120) : pos]
        tokens = list(re.finditer(r"[\w'’-]+", head))
        need = len(abbr)
        for t in reversed(tokens):
            if need == 0 or head[t.end() :].strip(" \t\"“”'’") and not words:
                break
            w = _NAME_WORD.fullmatch(t.group(0))
            if w is not None and abbr[need - 1] in (w.group("initial"), _after_article(w)):
                words.append(t)
                need -= 1
            elif t.group(0).lower() not in _CONNECTORS or not words:
                break
        if need == 0 and len(words) >= 2 and not _GEO_HEAD.fullmatch(words[0].group(0)):
            s, e = pos - len(head) + words[-1].start(), pos - len(head) + words[0].end()
            if len(abbr) == 2 and not _two_word_name(text[s:e]):
                continue
            out.append(Entity(text[s:e], s, e, "organization", "initials"))
    return out


def _after_article(w: re.Match[str]) -> str:
    """The initial after an article written with a capital ("Al-Sham" gives "S" in "Islamic
    State of Iraq and Al-Sham (ISIS)"; "Al-Qaeda" gives "A" by its first letter as well)."""
    word = w.group(0)
    return word[3] if _CAPITAL_ARTICLE.match(word) and len(word) > 3 else ""


#: An Arabic article written with a capital and its hyphen: "Al-", "El-".
_CAPITAL_ARTICLE = re.compile(r"(?:Al|El)-")


def _two_word_name(name: str) -> bool:
    """Whether two initials may spell ``name``: two words, title case, one line, no country."""
    return bool(_TWO_WORDS.fullmatch(name)) and name not in _COUNTRY_PAIRS
