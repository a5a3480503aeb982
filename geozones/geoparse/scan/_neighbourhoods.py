"""City neighbourhoods in a text: taken by their cue or their city, never as a stray word.

The gazetteer holds the quarters of the big cities (``data/neighbourhoods.csv``: Aleppo's
Sakhour, Homs's al-Waer, Damascus's Jobar …). Many of their names are common words or
names of people (الميدان "the square", السكري, "Salah al-Din") or are shared with a
village elsewhere (Jobar, a village near Homs). A neighbourhood found in a text therefore
counts only

- after or before a cue word written next to it ("حي الوعر", "the Sakhour neighbourhood",
  "the neighbourhood of Jobar", "quartier de Cheikh Saïd", "Şeyh Maksud mahallesi"): the
  text means the quarter, and a namesake elsewhere is dropped;
- or with its city named in the same sentence, or a cue in the same clause ("the Sakhur,
  Haydariya and Sheikh Khodr districts"): the quarter joins the namesakes, and the
  geoparser weighs them as usual; with both, the quarter of the city named stands alone;
- or, with neither, when its name is its own (one quarter, no other place, and not a
  common word as written: ``cue=ar`` marks a name whose Arabic spelling is one, السكري
  "the diabetic", while "Sukkari" is only Aleppo's quarter).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..._text import starts_arabic

if TYPE_CHECKING:  # pragma: no cover
    from ...gazetteer import Gazetteer

#: Arabic nouns of a compound or a barracks, named after the quarter they stand in ("مجمع
#: الراموسة", the Ramouseh complex; "ثكنة هنانو"): the quarter is the place meant.
AR_SITE_NOUNS = r"(?:مجمع|مجمّع|معسكر|معسكرات|ثكنة|ثكنات)"
#: A cue written right before the name: Arabic حي / حيي / أحياء, English, French, German;
#: an Arabic site named after its quarter.
_CUE_BEFORE = re.compile(
    r"(?:(?:^|[\s(«\"و])(?:ال)?(?:حي[\u064b-\u0652]*ي?|أحياء)\s*[(«\"]?\s*"
    rf"|(?:^|[\s(«\"])[وبلف]?(?:ال)?{AR_SITE_NOUNS}[\u064b-\u0652]*[ \t]+"
    r"|\b(?:neighbou?rhoods?|quarters?|quartiers?|suburbs?|Viertel|Stadtteil)\s+"
    r"(?:(?:of|de|du|von)\s+)?(?:(?:the|d['’])\s*)?)$",
    re.IGNORECASE,
)
#: A cue written right after it ("X neighbourhood", "X mahallesi", "X-Viertel").
_CUE_AFTER = re.compile(
    r"^(?:['’]s)?[\s-]*(?:neighbou?rhoods?|quarters?|suburbs?|mahalle\w*|semt\w*|Viertel|Stadtteil)\b",
    re.IGNORECASE,
)
#: A cue in the same clause: a list of quarters ("the districts of A, B and C", "أحياء (أ، ب)").
_CLAUSE_BEFORE = re.compile(
    r"(?:\b(?:neighbou?rhoods?|districts?|quarters?|quartiers?)\b|(?:^|[\s(«\"و])(?:ال)?"
    r"(?:حي[\u064b-\u0652]*ي?|أحياء))[^.;:!?\n]{0,60}$",
    re.IGNORECASE,
)
_CLAUSE_AFTER = re.compile(
    r"^[^.;:!?\n]{0,60}?\b(?:neighbou?rhoods|districts|quarters|mahalleleri\w*)\b", re.IGNORECASE
)
#: "X district" (singular): a quarter's cue with its city named, else also a town's district.
_DISTRICT_AFTER = re.compile(r"^\s*district\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?؟\n]")
#: How far (characters) a cue is looked for around a name.
_WINDOW = 80


@dataclass(frozen=True)
class Quarter:
    """A neighbourhood entry: its city's entry, and whether its name is also a common word
    (``"word"``: every spelling; ``"ar"``: the Arabic spellings; ``""``: none)."""

    city: int | None
    word: str

    def common(self, written: str) -> bool:
        """Whether the name as ``written`` in the text is also a common word."""
        return self.word == "word" or (self.word == "ar" and starts_arabic(written))


def quarters(gaz: Gazetteer) -> dict[int, Quarter]:
    """The gazetteer's neighbourhood entries, by entry index.

    Examples
    --------
    >>> from geozones import Gazetteer
    >>> gz = Gazetteer.default()
    >>> q = quarters(gz)
    >>> gz.place(next(iter(q))).extra["feature"]
    'neighbourhood'
    """
    out: dict[int, Quarter] = {}
    for i, source in enumerate(gaz.sources):
        if source == "neighbourhoods":
            extra = gaz.place(i).extra
            city = gaz.find_id(str(extra.get("city_pcode", "")))
            out[i] = Quarter(city, str(extra.get("cue", "")))
    return out


def keep_quarters(text: str, found: Sequence[Any], table: dict[int, Quarter]) -> list[Any]:
    """The matches of a scan with each neighbourhood kept or dropped by its cue or its city
    (see the module's docstring); a match left with no payload is dropped.

    ``found`` holds the scan's matches (``start``, ``name_start``, ``end`` and
    ``payloads``, whose ``kind`` ``"g"`` and ``ref`` name a gazetteer entry).

    Examples
    --------
    >>> keep_quarters("Nothing here.", [], {})
    []
    """
    if not table:
        return list(found)
    out = []
    cued = _cued_quarters(text, found, table)  # one sense per text: "the Mezze suburb" … "in Mezze"
    for m in found:
        qs = [p for p in m.payloads if p.kind == "g" and p.ref in table]
        if not qs:
            out.append(m)
            continue
        others = [p for p in m.payloads if p not in qs]
        keep = set(_judge(text, m, found, qs, others, table))
        keep |= _same_written(text, m, qs, cued)
        payloads = [p for p in m.payloads if p in keep]  # the scan's order
        if payloads:
            out.append(m if payloads == list(m.payloads) else replace(m, payloads=tuple(payloads)))
    return out


def _judge(
    text: str, m: Any, found: Sequence[Any], qs: list, others: list, table: dict[int, Quarter]
) -> list:
    """The payloads a match keeps: its quarters by their cue or city, its other places."""
    named = _cities_named(text, m, found)
    in_city = [p for p in qs if table[p.ref].city in named]
    before = text[max(0, m.start - _WINDOW) : m.start]
    after = text[m.end : m.end + _WINDOW]
    if _CUE_BEFORE.search(before) or _CUE_AFTER.match(after):
        return in_city or qs
    clause = (
        _CLAUSE_BEFORE.search(before) or _CLAUSE_AFTER.match(after) or _DISTRICT_AFTER.match(after)
    )
    if in_city and clause:
        return in_city  # "the al-Zahraa district of western Aleppo": its city and a cue
    if in_city or clause:
        return others + (in_city or qs)
    written = text[m.name_start : m.end]
    if not others and len(qs) == 1 and not table[qs[0].ref].common(written):
        return qs  # a name of its own: one quarter, no namesake, no common word
    return others


def _cities_named(text: str, m: Any, found: Sequence[Any]) -> set[int]:
    """The gazetteer entries matched in the sentence of ``m`` (its city among them, if named)."""
    starts = [e.end() for e in _SENTENCE_END.finditer(text, 0, m.start)]
    s0 = starts[-1] if starts else 0
    e = _SENTENCE_END.search(text, m.end)
    s1 = e.start() if e else len(text)
    return {
        p.ref
        for o in found
        if o is not m and s0 <= o.start and o.end <= s1 and not _named_as_area(text, o)
        for p in o.payloads
        if p.kind == "g"
    }


def _cued(text: str, m: Any) -> bool:
    """A cue word written right before or after the match ("the suburb of X", "X quarter")."""
    before = text[max(0, m.start - _WINDOW) : m.start]
    return bool(_CUE_BEFORE.search(before) or _CUE_AFTER.match(text[m.end : m.end + _WINDOW]))


def _cued_quarters(text: str, found: Sequence[Any], table: dict[int, Quarter]) -> dict[str, set]:
    """The quarters a cue showed in the text, by their name as written (with a capital)."""
    out: dict[str, set] = {}
    for m in found:
        written = text[m.name_start : m.end]
        qs = [p for p in m.payloads if p.kind == "g" and p.ref in table]
        if qs and written[:1].isupper() and _cued(text, m):
            out.setdefault(written, set()).update(qs)
    return out


def _same_written(text: str, m: Any, qs: list, cued: dict[str, set]) -> set:
    """A quarter's name written again as a cue once showed it ("the affluent Mezze suburb" …
    "live in Mezze"): the same quarter, even where its name is also a common word."""
    return {p for p in qs if p in cued.get(text[m.name_start : m.end], ())}


_DIRS = r"(?:(?:north|south)-?(?:east|west)(?:ern)?|(?:north|south|east|west)(?:ern)?)"
#: An area word right after a city's name, or before it: "Hama northern and western
#: countryside", "Hama province", "the countryside of Hama" (English: an Arabic quarter named
#: with ريف of its city is left to the other rules).
_AREA_AFTER = re.compile(
    rf"[ \t]+(?:{_DIRS}(?:[ \t]+and[ \t]+{_DIRS})?[ \t]+)?(?:countryside|province|governorate)\b",
    re.IGNORECASE,
)
_AREA_BEFORE = re.compile(
    r"\b(?:countryside|province|governorate)[ \t]+of[ \t]+(?:the[ \t]+)?$", re.IGNORECASE
)


def _named_as_area(text: str, o: Any) -> bool:
    """Whether a name is written as an area ("Hama northern countryside"): the
    city's quarters are not named with it (al-Arbaeen of Hama city is not the village
    Arbaine among the towns of "Hama northern and western countryside")."""
    return bool(
        _AREA_AFTER.match(text, o.end) or _AREA_BEFORE.search(text[max(0, o.start - 30) : o.start])
    )
