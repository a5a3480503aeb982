"""Arabic lists of settlements whose names are set off by quotation marks or brackets.

A reader takes every name of "سيطرت القوات على مناطق “الجدلة وقصور أم سابا وصفصافة بريف
دير الزور" or "قريتي (كفر رم، وقروت قولاق)" for a place, whatever its number of words: the
noun of settlement (قرى، بلدات، مناطق، قريتي …) and the opening mark say that a list of
names follows, and the separators (و, the comma, the slash between two spellings of one
name: "صوغانكه/ صوغانة") and the closing mark or the first word that
ends a list ("بريف", "في") cut it into names. Without the mark, only the villages the list
rules of :mod:`._unknown` find are taken: "مناطق سيطرة النظام" (areas of the regime's
control) is no list of names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from ..._text import fold
from ..scan._index import _key
from ..scan._select import ARABIC_STOPWORDS
from ..scan._words import ARABIC_HEADS
from ._common import is_common_word

#: A noun of settlement (singular, dual or plural) and an opening mark right after it.
_OPEN = re.compile(
    r"(?<![\u0600-\u06ff])[وبلف]?(?:ال)?(?:قرى|بلدات|مناطق|قرية|بلدة|قريتي|بلدتي|قريتا|بلدتا"
    r"|مزارع|مزرعة|تلال|أحياء|حي|محاور|محوري)\s*(?P<mark>[“\"«(])\s*"
)
_ARABIC = re.compile(r"[\u0621-\u064a]")
_CLOSE = {"“": "”", '"': '"', "«": "»", "(": ")"}
_WORD = re.compile(r"[\u0621-\u0652\u0671-\u06d3\u0640]+|[،,]|[^\s\u0621-\u06d3]")
#: Words that end a list without a closing mark ("… والشمر اللايح بريف دير الزور").
_END = frozenset(
    """في من قرب عند على ضمن جنوب شمال شرق غرب جنوبي شمالي شرقي غربي باتجاه بالقرب بريف ريف
    بمحافظة محافظة بمنطقة منطقة الواقعة التابعة بعد""".split()
)
#: The most words a name of such a list has ("قصور أم سابا").
_MOST_WORDS = 3


def delimited_arabic_spans(text: str) -> list[tuple[int, int]]:
    """The names of Arabic lists of settlements opened by a quotation mark or a bracket.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of (int, int)
        The span of each name (its conjunction و left out).

    Examples
    --------
    >>> t = "سيطرت على مناطق “الجدلة وقصور أم سابا وصفصافة بريف دير الزور."
    >>> [t[a:b] for a, b in delimited_arabic_spans(t)]
    ['الجدلة', 'قصور أم سابا', 'صفصافة']
    >>> t = "سيطرت على قريتي (كفر رم، وقروت قولاق) في محور شران"
    >>> [t[a:b] for a, b in delimited_arabic_spans(t)]
    ['كفر رم', 'قروت قولاق']
    >>> delimited_arabic_spans("في مناطق سيطرة النظام")
    []
    >>> t = "طال القصف قرى (صوغانكه/ صوغانة، اقيبة/ عاقيبة) التابعة لناحية شيراوا"
    >>> [t[a:b] for a, b in delimited_arabic_spans(t)]
    ['صوغانكه', 'صوغانة', 'اقيبة', 'عاقيبة']
    """
    out: list[tuple[int, int]] = []
    if not _ARABIC.search(text):
        return out  # no Arabic letter: nothing to scan
    for m in _OPEN.finditer(text):
        close = _CLOSE[m.group("mark")]
        names, closed = _names(text, m.end(), close)
        if len(names) == 1 and _kind_after_plural(text, m.group(0), *names[0]):
            continue  # "إحدى مناطق “خفض التوتر”": the zones' kind, no list of names
        if closed or len(names) >= 2:
            out.extend(names)
    return out + street_spans(text) + hill_spans(text) + point_spans(text)


#: A street or a roundabout named after its noun: "دوار المشنقة", "شارع “منير حبيب”".
_STREET = re.compile(
    r"(?<![\u0621-\u064a])[وبلف]?(?:دوار|شارع)[ \t]+(?:[“\"«](?P<quoted>[\u0621-\u064a]+"
    r"(?:[ \t]+[\u0621-\u064a]+){0,2})[”\"»]|(?P<definite>ال[\u0621-\u064a]{3,}))"
    r"(?![\u0621-\u064a])"
)


def street_spans(text: str) -> list[tuple[int, int]]:
    """Streets and roundabouts a text names: the noun "شارع" (street) or "دوار" (roundabout)
    without the article, then a definite word ("دوار المشنقة", the noun included) or a name
    in quotation marks ("شارع “منير حبيب”", the name). A reader places them in the town
    their paragraph names (:func:`placed_beside_towns` keeps them only there); "الشارع"
    (the street) and "شارع رئيسي" (a main street) name none.

    Examples
    --------
    >>> t = "والثاني عند دوار المشنقة في شارع “منير حبيب” بمدينة القامشلي"
    >>> [t[a:b] for a, b in street_spans(t)]
    ['دوار المشنقة', 'منير حبيب']
    """
    out = []
    for m in _STREET.finditer(text):
        if m.group("quoted"):
            out.append(m.span("quoted"))
        else:
            s = m.start() + (1 if text[m.start()] in "وبلف" and text[m.start() + 1] != "و" else 0)
            out.append((s, m.end()))
    return out


def _names(text: str, pos: int, close: str) -> tuple[list[tuple[int, int]], bool]:
    """The names from ``pos`` to the closing mark (then True) or to a word that ends the
    list, the end of the sentence or a name too long to be one (then False)."""
    names: list[tuple[int, int]] = []
    cur: list[tuple[int, int]] = []
    for w in _WORD.finditer(text, pos, min(len(text), pos + 400)):
        tok = w.group(0)
        if tok == close or tok in ".:;!?\n" or (tok in _END and not cur):
            return _flush(text, names, cur), tok == close
        if tok in "،,/-–":  # "صوغانكه/ صوغانة": a slash between two spellings of one name
            names, cur = _flush(text, names, cur), []
            continue
        if not re.fullmatch(r"[\u0621-\u06d3\u0640]+", tok):
            break
        if tok.startswith("و") and len(tok) > 2 and (cur or names and tok[:4] != "وادي"):
            # "و" and a name, unless no name is left without it ("والية", Walia: not "و"
            # and the article with one letter; "وتل الشيح", "وأم شرشوح": و and a head word)
            rest = _key(fold(tok[1:]))
            cut = 0 if len(rest.replace(" ", "")) < 3 and rest not in ARABIC_HEADS else 1
            names, cur = _flush(text, names, cur), [(w.start() + cut, w.end())]
        elif tok in _END:
            return _flush(text, names, cur), False
        else:
            cur.append((w.start(), w.end()))
        if len(cur) > _MOST_WORDS:
            return names, False
    return _flush(text, names, cur), False


#: Plural nouns of settlement and area: a list of names follows them, not one name.
_PLURALS = re.compile(r"(?:قرى|بلدات|مناطق|مزارع|تلال|أحياء|محاور)\s*[“\"«(]")


def _kind_after_plural(text: str, opening: str, a: int, b: int) -> bool:
    """Whether the one name set off after a plural noun ("إحدى مناطق “خفض التوتر”", one of
    the "de-escalation" zones) is two common words, the second with the article and the
    first no head of a place's name ("عين", "تل", "دير"): the kind of the areas, a notion
    in quotation marks; a plural lists two names or more when it lists places.

    Examples
    --------
    >>> t = "وإحدى مناطق “خفض التوتر”، التي"
    >>> _kind_after_plural(t, "مناطق “", 13, 23)
    True
    >>> t = "قرى “عين الماء”"
    >>> _kind_after_plural(t, "قرى “", 5, 14)
    False
    """
    if not _PLURALS.search(opening):
        return False
    words = text[a:b].split()
    if len(words) != 2 or not words[1].startswith("ال"):
        return False
    if _key(fold(words[0])) in ARABIC_HEADS:
        return False
    return all(is_common_word(w) for w in words)


#: The derived verbal nouns (masdars) of the verb forms II, IV, VI, VIII, VII and X
#: (تخفيف, إطلاق, تبادل, اجتياح, انسحاب, استهداف), as written without proclitics.
_VERBAL_NOUN = re.compile(
    r"ت[^ا\s]{2}ي[^ا\s]|إ[^ا\s]{2}ا[^ا\s]|ت[^ا\s]ا[^ا\s]{2}|ا[^ا\s]ت[^ا\s]ا[^ا\s]"
    r"|ان[^ا\s]{2}ا[^ا\s]|است[^ا\s]{2}ا[^ا\s]"
)


def verbal_noun_phrase(name: str) -> bool:
    """Whether a name of two words is a verbal noun and its definite object: "تخفيف
    التصعيد" (de-escalation), "إطلاق النار" (fire), "تبادل الأسرى" (the exchange of
    prisoners) name an act, not a place, though a list's marks set them off ("مناطق
    “تخفيف التصعيد”", the de-escalation zones). A village's name does not take that shape:
    its first word is a noun of place or a name ("عين ترما", "تل الشاير").

    Examples
    --------
    >>> verbal_noun_phrase("تخفيف التصعيد"), verbal_noun_phrase("استهداف المدنيين")
    (True, True)
    >>> verbal_noun_phrase("عين ترما"), verbal_noun_phrase("تل الشاير"), verbal_noun_phrase("تخفيف")
    (False, False, False)
    """
    words = name.split()
    if len(words) != 2 or not words[1].startswith("ال"):
        return False
    first = words[0][1:] if len(words[0]) > 5 and words[0][0] in "وفبل" else words[0]
    return bool(_VERBAL_NOUN.fullmatch(first))


def _flush(
    text: str, names: list[tuple[int, int]], cur: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    if not cur:
        return names
    a, b = cur[0][0], cur[-1][1]
    key = _key(text[a:b])
    short = len(key.replace(" ", "")) < 3 and len(text[a:b]) < 5  # "والية" is a name
    if short or (len(cur) == 1 and key in ARABIC_STOPWORDS) or verbal_noun_phrase(text[a:b]):
        return names
    return [*names, (a, b)]


def placed_beside_towns(
    text: str, found: list, places: list, marked_only: Iterable[tuple[int, int]] = ()
) -> list:
    """The unresolved names of such lists kept only where their own paragraph names a town
    the gazetteer resolves: a list with no town beside it ("… بريف دير الزور", a province
    alone) is not placed from the far end of the text.

    Parameters
    ----------
    text : str
        The text.
    found : list of PlaceMention
        The places found by their construction.
    places : list of PlaceMention
        The places the gazetteer resolved.
    marked_only : iterable of (int, int)
        The spans only these lists name (the other list rules' are placed as they say).

    Returns
    -------
    list of PlaceMention
        ``found`` without the names of lists with no resolved town in their paragraph.

    Examples
    --------
    >>> placed_beside_towns("", [], [], [(0, 4)])
    []
    """
    spans = set(marked_only)
    hills = (set(hill_spans(text)) | set(point_spans(text))) & spans
    out: list = []
    unplaced: list = []
    for m in found:
        if (m.start, m.end) in hills and not _town_beside(text, m, places):
            continue  # a hill or a numbered point is placed by a town right beside it
        if (m.start, m.end) in spans:
            a, b = text.rfind("\n", 0, m.start) + 1, text.find("\n", m.end)
            b = len(text) if b < 0 else b
            towns = [p for p in places if a <= p.start < b and p.resolved]
            if not any(p.place.kind == "populated place" for p in towns):
                city = _the_city(text, m, places)
                if city is None:
                    unplaced.append(m)
                    continue
                m = replace(m, place=replace(m.place, lat=city.place.lat, lon=city.place.lon))
        out.append(m)
    return _named_again(out, unplaced)


def _named_again(kept: list, unplaced: list) -> list:
    """``kept`` with the names of ``unplaced`` that ``kept`` holds written the same way
    ("شارع الساقية" placed in a paragraph on Raqqa, then named again in one without a
    town): the same street, at the first one's point (one sense per text)."""
    if not unplaced:
        return kept
    first: dict[str, Any] = {}
    for k in kept:
        first.setdefault(fold(k.text), k)
    again = [
        replace(m, place=replace(m.place, lat=ref.place.lat, lon=ref.place.lon))
        for m in unplaced
        if (ref := first.get(fold(m.text))) is not None
    ]
    return sorted(kept + again, key=lambda m: m.start) if again else kept


#: "في المدينة", "بالمدينة", "وسط المدينة" right after a name: the city the text is about.
_THE_CITY_AFTER = re.compile(r"[ \t]*[،,]?[ \t]*(?:في|ب|وسط|داخل)[ \t]*المدينة(?![\u0621-\u064a])")


def _the_city(text: str, m, places: list):  # noqa: ANN001, ANN202 (PlaceMention)
    """The town "المدينة" (the city) right after ``m`` stands for: the last town named
    before it ("… في مدينة عفرين … في نهاية شارع X في المدينة": a street of Afrin), or
    None when no "the city" follows or no town comes before."""
    if not _THE_CITY_AFTER.match(text, m.end):
        return None
    before = [p for p in places if p.end <= m.start and p.resolved and p.kind == "place"]
    before = [p for p in before if p.place.kind == "populated place"]
    return max(before, key=lambda p: p.end) if before else None


#: How far (characters) from a hill the town that places it is named, within its sentence.
HILL_TOWN_CHARS = 60


def _town_beside(text: str, m, places: list) -> bool:  # noqa: ANN001 (a PlaceMention)
    """Whether a resolved town is named within ``HILL_TOWN_CHARS`` of ``m``, with no
    sentence's end and no other place between ("على تل النار وخان شيخون"; not "على تلة
    العيس، وفي ريف حلب الغربي قرب مدينة دارة عزة", a town placed by another countryside)."""
    for p in places:
        if not p.resolved or p.place.kind != "populated place":
            continue
        a, b = (p.end, m.start) if p.end <= m.start else (m.end, p.start)
        if not 0 <= b - a <= HILL_TOWN_CHARS or any(c in text[a:b] for c in ".\n!?؟"):
            continue
        if not any(a <= o.start and o.end <= b for o in places):
            return True  # no other place (a countryside, a region) between them
    return False


#: A hill named after its noun: "تل" or "تلة" without the article, then one word.
_HILL = re.compile(
    r"(?<![\u0621-\u064a])[وبلف]?(?P<noun>تل|تلة)[ \t]+(?P<name>[\u0621-\u064a]{3,})"
    r"(?![\u0621-\u064a])"
)


def hill_spans(text: str) -> list[tuple[int, int]]:
    """Hills a text names: "تل" or "تلة" (hill) without the article, then a name, definite
    ("تل النار", "تلة العيس": a construct, the hill of …) or a word that is no common word
    ("تل بصير"; not "تل كبير", a big hill). The span holds the noun: the hill is the
    name, not the village its second word may also name.

    Examples
    --------
    >>> t = "سيطرت القوات على تل النار وتل كبير قرب تلة العيس"
    >>> [t[a:b] for a, b in hill_spans(t)]
    ['تل النار', 'تلة العيس']
    """
    out = []
    for m in _HILL.finditer(text):
        name = m.group("name")
        if not name.startswith("ال") and is_common_word(name):
            continue
        if name.startswith("ال") and len(name) < 5:
            continue
        out.append((m.start("noun"), m.end()))
    return out


#: A numbered point: "النقطة (400)", "نقطة 22" (a border or military point known by its
#: number), the digits in brackets or bare.
_POINT = re.compile(
    r"(?<![\u0621-\u064a])[وبلف]?(?P<noun>(?:ال)?نقطة)[ \t]*(?:\([ \t]*[0-9\u0660-\u0669]{1,4}"
    r"[ \t]*\)|[0-9\u0660-\u0669]{1,4}(?![0-9\u0660-\u0669]))"
)


def point_spans(text: str) -> list[tuple[int, int]]:
    """Numbered points a text names: "النقطة (400)" (Point 400), the noun and its number.
    Like a hill, a reader places it by the town named right beside it ("النقطة (400) غرب
    البوكمال"), or not at all; "نقطة" with no number is a point of anything.

    Examples
    --------
    >>> t = "وصلت القوات إلى النقطة (400) غرب البوكمال وإلى نقطة طبية"
    >>> [t[a:b] for a, b in point_spans(t)]
    ['النقطة (400)']
    """
    if "نقطة" not in text:
        return []
    return [(m.start("noun"), m.end()) for m in _POINT.finditer(text)]
