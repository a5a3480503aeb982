"""Names of military operations: "Zeytin Dalı Harekâtı", "Operation Olive Branch",
"l'opération « Rameau d'olivier »", Arabic operations rooms' quoted names ("غرفة عمليات
“فتح حلب”"), and councils named after their town ("Conseil
militaire de Manbij"). Their words are no places ("Dalı" is not Dalyeh,
"Euphrates Shield" not the river), whatever the language the press writes them in."""

from __future__ import annotations

import re

from ..scan._context import CAPITALS, Entity

_WORD = rf"[{CAPITALS}][\w'’-]*"
#: Turkish: one to three capitalised words before "Harekâtı" / "Operasyonu" (any ending).
#: A word with a case ending after an apostrophe ("Kuvvetleri’nin") closes the phrase
#: before the name: it is the operation's owner, not a word of its name.
_TR_WORD = rf"[{CAPITALS}][\w-]*"
_TR = re.compile(rf"(?<![\w'’])(?:{_TR_WORD}\s+){{1,3}}(?:Harek[aâ]t|Operasyon)\w*")
_Q = r"[«\"„“‘']?\s*"
#: English, French, German: "Operation" written with a capital, then its name; or a
#: lower-case "operation" followed by a name of two capitalised words or in quotes.
_LATIN = re.compile(
    rf"\b(?:Operation|Opération|Militäroperation|Militäroffensive)\s+{_Q}"
    rf"(?:{_WORD}(?:\s+(?:d['’]|de\s+|of\s+|des\s+)?{_WORD}){{0,2}})"
    rf"|\b(?:operation|opération|Offensive)\s+(?:{_WORD}\s+{_WORD}(?:\s+{_WORD})?"
    rf"|[«\"„“]\s*[^«»\"„“”\n]{{2,40}}?\s*[»\"“”])"
)
#: A council named after its town, in French and German ("Conseil militaire de Manbij",
#: "Militärrat von Manbij"): an organisation, the town's name part of it (the English and
#: Turkish word orders are read by the organisation rules).
_COUNCIL = re.compile(
    r"\b[Cc]onseil\s+(?:militaire|civil|local|législatif|exécutif)\s+(?:de\s+|d['’]\s*)"
    rf"{_WORD}(?:[ -]{_WORD})?"
    rf"|\b(?:Militärrat|Zivilrat)\s+(?:von\s+)?{_WORD}"
)
#: An operations room named after its battle or its town, the noun in lower case ("the
#: Aleppo Conquest operations room", "the Hama military operations room"): a command of
#: armed groups, its place word part of its name.
_ROOM = re.compile(
    rf"(?<![\w'’-])(?!(?:The|In|From|To|Of|And|On|At|For|Near|Into)\b)"
    rf"(?:{_WORD}[ \t]+){{1,3}}(?:joint[ \t]+)?(?:military[ \t]+)?operations?[ \t]+room\b"
)
#: An Arabic operations room ("غرفة عمليات", the dual "غرفتي عمليات") and the names in
#: quotation marks after it, joined by و: "غرفتي عمليات “مثلث الموت” و“النصر المبين”" (the
#: operations rooms "Death Triangle" and "Clear Victory"), names of commands, not places.
_AR_ROOM = re.compile(
    r"(?<![\u0621-\u064a])[وبلف]?(?:ال)?غرف(?:ة|تي|تا|ت)[ \t]+(?:ال)?عمليات[ \t]*"
    r"(?P<names>[\"“«][^\"“”«»\n]{2,40}[\"”»](?:[ \t]*و[ \t]*[\"“«][^\"“”«»\n]{2,40}[\"”»])*)"
)
_AR_QUOTED = re.compile(r"[\"“«](?P<name>[^\"“”«»\n]{2,40})[\"”»]")
#: An operation's name is not taken when the word after "Operation" is a preposition.
_NOT_NAME = frozenset({"In", "Against", "On", "At", "For", "Gegen", "Contre", "Dans"})


def operation_entities(text: str) -> list[Entity]:
    """The names of military operations, and of councils named after their town, in
    ``text`` (entities of kind ``organization``, rule ``operation``: they are no places).

    Examples
    --------
    >>> [e.text for e in operation_entities("Türk ordusunun Zeytin Dalı Harekatı'nda")]
    ['Zeytin Dalı Harekatı']
    >>> [e.text for e in operation_entities("TSK’nin Zeytin Dalı Harekatı üçüncü gününde")]
    ['Zeytin Dalı Harekatı']
    >>> [e.text for e in operation_entities("Turkey launched its operation Olive Branch.")]
    ['operation Olive Branch']
    >>> [e.text for e in operation_entities("arms for the Aleppo Conquest operations room")]
    ['Aleppo Conquest operations room']
    >>> [e.text for e in operation_entities("أعلنت غرفة عمليات “فتح حلب” البدء")]
    ['فتح حلب']
    """
    out = []
    for rx in (_TR, _LATIN, _COUNCIL, _ROOM):
        for m in rx.finditer(text):
            words = m.group(0).split()
            if len(words) > 1 and words[1] in _NOT_NAME:
                continue
            s, e = m.start(), m.end()
            if rx is _TR:
                e = s + len(m.group(0).split("'")[0].split("’")[0])
                e = s + _tr_stem_end(text[s:e])
            out.append(Entity(text[s:e], s, e, "organization", "operation"))
    for m in _AR_ROOM.finditer(text):
        for q in _AR_QUOTED.finditer(text, *m.span("names")):
            s, e = q.span("name")
            out.append(Entity(text[s:e], s, e, "organization", "operation"))
    return out


#: An armed group named "<name> al-Sham" in Latin letters ("Fateh Al Sham", "Ahrar
#: al-Sham", "Jaish al-Sham", "Tahrir ash-Sham"): al-Sham (the Levant) after a capitalised
#: word that is no function word closes a group's name, whatever the article's spelling;
#: the words are no mention of Damascus.
_SHAM = re.compile(
    rf"\b(?!(?:In|From|To|Of|The|And|On|At|For|Near|Into|Towards?|Dans|De|Du|En|Aus|Nach|Bilad|Bilād)\b)"
    rf"(?:{_WORD}[ \t]+){{0,2}}{_WORD}[ \t]+[Aa](?:l|[sš]h?)(?:-|[ \t]+)[SŞ]ham\b"
)


def group_entities(text: str) -> list[Entity]:
    """Armed groups named "<name> al-Sham" in Latin letters (entities of kind
    ``organization``, rule ``sham-group``): the words are no mention of Damascus.

    Examples
    --------
    >>> [e.text for e in group_entities("fighters from Fateh Al Sham (Al Qaida)")]
    ['Fateh Al Sham']
    >>> group_entities("In al-Sham the war goes on")
    []
    >>> [e.text for e in group_entities("the Turkey-backed Ahrar al-Sham")]
    ['Ahrar al-Sham']
    """
    if "ham" not in text:
        return []  # no "Sham" or "Şham": nothing to scan
    out = []
    for m in _SHAM.finditer(text):
        s = m.start()
        while lead := _SPONSORED.match(text, s, m.end()):  # "the Turkey-backed Ahrar al-Sham"
            s = lead.end()
        out.append(Entity(text[s : m.end()], s, m.end(), "organization", "sham-group"))
    return out


#: A word that says who backs, leads or arms a group ("Turkey-backed", "US-made"): no word
#: of the group's name; the country in it is named (the set marks it).
_SPONSORED = re.compile(
    r"[\w'’]+[-‑–](?:backed|led|allied|aligned|sponsored|funded|trained|supported|armed"
    r"|made|based)[ \t]+"
)


def _tr_stem_end(name: str) -> int:
    """The end of "Harekâtı"/"Operasyonu" without the case ending that follows it."""
    m = re.search(r"(?:Harek[aâ]t[ıi]|Operasyonu)", name)
    return m.end() if m else len(name)
