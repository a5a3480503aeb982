"""A person named in quotation marks after the title and the group that title is of.

"قال قائد حركة أحرار الشام “عمار العمر” إن …" (the commander of the Ahrar al-Sham
movement, Ammar al-Omar, said that …): a title (قائد, رئيس, المتحدث …), then an
organisation's name opened by its head word (حركة, هيئة, جبهة …), then a name of two or
three words in quotation marks. The reader knows the quoted name is the title's holder —
the title asks for a person and the group's name is already complete — so its words are no
places ("عمار", the village Ammar; "العمر", Omar), whatever the gazetteer holds.

The rule does not fire when the chain holds a preposition or a noun of place ("قائد
العمليات في بلدة “X”", "رئيس بلدية …": the quoted name may be the town), nor when no
organisation's head word stands between the title and the quotation marks ("المتحدث باسم
“الجيش الوطني”" names the group itself, which other rules read).

The same holds without quotation marks when the name closes the title's phrase: "المتحدث
باسم حملة قوات سوريا الديموقراطية في دير الزور عدنان عفرين عن …" (the campaign's spokesman
in Deir ez-Zor, Adnan Afrin, told of …), "مدير المكتب الإعلامي لـ«قسد»، مصطفى بالي الجمعة:"
(the head of the SDF's media office, Mustafa Bali, on Friday): after a title and at least
one word of what it is the title of, two bare words (no article, no preposition or noun of
place before them, none a noun of place, an organisation's or a title's word) followed by
what ends a name (a preposition, "إن", a weekday, a colon or a comma) are the holder's name,
whatever villages their words also name ("عفرين", "مصطفى", "بالي"). A title followed at
once by its pair ("قائد شرطة حلب إن", the Aleppo police chief) names an office, not a person.
"""

from __future__ import annotations

import functools
import re

from ..arabic._cues import AR_PLACE_BEFORE
from ..scan._context import Entity
from ..scan._persons import AR_FOLD, AR_ORG_HEADS, AR_TITLES, _given_names

_AR = r"[\u0621-\u064a\u0671-\u06d3\u0640]+"
#: A quoted name of two or three Arabic words.
_QUOTED = re.compile(rf"[\"“«](?P<name>{_AR}(?:[ \t]+{_AR}){{1,2}})[\"”»]")
#: The words right before it (Arabic words only, at most six).
_BEFORE = re.compile(rf"(?:{_AR}[ \t]+){{1,6}}$")
#: Words that break the chain: prepositions, conjunction-like particles and nouns of place.
_BREAK = frozenset(
    """في من على الى عن مع بين ضد عبر خلال بعد قبل حول لدى منذ حتى عند قرب التي الذي ان
    انه قد لقد كما مدينه بلده قريه منطقه ناحيه محافظه ريف حي مخيم بلديه مجلس""".split()
)


@functools.lru_cache(maxsize=65536)  # the same words come back in every text
def _key(word: str) -> str:
    """A word folded, without a clinging و/ف/ل/ب and the article."""
    w = word.translate(AR_FOLD)
    if len(w) > 4 and w[0] in "وفلب" and w[1:3] == "ال":
        w = w[1:]
    if len(w) > 4 and w.startswith("ال"):
        w = w[2:]
    if len(w) > 3 and w[0] in "وف" and w[1:] in AR_TITLES:
        w = w[1:]
    return w


def arabic_title_persons(text: str) -> list[Entity]:
    """Persons named in quotation marks after a title and the organisation it is of.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Entity
        One ``person`` entity per quoted name.

    Examples
    --------
    >>> t = "وقال قائد حركة أحرار الشام “عمار العمر” إن عناصر الحركة صامدون"
    >>> [e.text for e in arabic_title_persons(t)]
    ['عمار العمر']
    >>> arabic_title_persons("قال قائد العمليات في بلدة “كفر نبل” إن القصف توقف")
    []
    """
    out = _unquoted_holders(text)
    if "“" not in text and '"' not in text and "«" not in text:
        return out
    for m in _QUOTED.finditer(text):
        if any(_key(w) in AR_ORG_HEADS for w in m.group("name").split()):
            continue  # the quoted words are a group's own name
        b = _BEFORE.search(text, max(0, m.start() - 80), m.start())
        if b is None or not _titled_group(b.group(0).split()):
            continue
        s, e = m.span("name")
        if any(o.start < e and s < o.end for o in out):
            continue
        out.append(Entity(text[s:e], s, e, "person", "ar-title-of-group"))
    return sorted(out, key=lambda e: e.start)


def _titled_group(words: list[str]) -> bool:
    """Whether ``words`` (those before the quotation mark) end with a title and the
    organisation it is of: a title, then words that are no preposition or noun of place,
    among them an organisation's head word."""
    keys = [_key(w) for w in words]
    for i, k in enumerate(keys[:-1]):
        chain = keys[i + 1 :]
        if k in AR_TITLES and not any(w in _BREAK for w in chain):
            return any(w in AR_ORG_HEADS for w in chain)
    return False


#: A word of Arabic letters or one mark of punctuation.
_TOKEN = re.compile(rf"{_AR}|[،,:«»“”\"()]|[^\s]")
#: Any Arabic letter (a text without one has no Arabic title).
_ANY_AR = re.compile(r"[\u0621-\u064a]")
#: Words that qualify a title before what it is the title of ("المتحدث باسم …").
_QUALIFIERS = frozenset("باسم الرسمي الرسمي الاعلامي العسكري".split())
#: Words and marks that end a holder's name: prepositions, "that", time words, a colon, a
#: comma, a bracket, "لـ" before an outlet.
_END = frozenset(
    """في من على الى عن مع ل لـ ان انه بان وان الذي التي خلال امس اليوم يوم الاحد الاثنين
    الثلاثاء الاربعاء الخميس الجمعه السبت : ، , ( « \"""".split()
)
#: Marks and words that end the title's phrase before any name: a sentence's end, "إن".
_PHRASE_END = frozenset(". ! ? ؟ \n ان انه".split())
#: Nouns of place and words that break a name, folded.
_PLACE_NOUNS = frozenset(w.translate(AR_FOLD) for w in AR_PLACE_BEFORE) | {"مكتب", "شرطه"}
#: How many tokens after a title its phrase and the name may take.
_REACH = 14


def _unquoted_holders(text: str) -> list[Entity]:
    """Persons named without quotation marks where a title's phrase closes (see the module's
    docstring)."""
    if _ANY_AR.search(text) is None:  # no Arabic word, no Arabic title (English articles)
        return []
    toks = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    out: list[Entity] = []
    for i, (w, _s, _e) in enumerate(toks):
        if not "\u0621" <= w[0] <= "\u06d3" or _key(w) not in AR_TITLES:
            continue
        got = _holder_after(toks, i)
        if got is not None and not any(o.start == got[0] for o in out):
            out.append(Entity(text[got[0] : got[1]], got[0], got[1], "person", "ar-title-name"))
    return out


def _bare(w: str) -> bool:
    """A bare word that may be part of a person's name."""
    f = w.translate(AR_FOLD)
    return (
        re.fullmatch(_AR, w) is not None
        and len(f) > 2
        and not _definite(f)
        and f not in _END
        and f not in _PLACE_NOUNS
        and _key(w) not in AR_ORG_HEADS
        and _key(w) not in AR_TITLES
        and f not in _QUALIFIERS
        and f not in _BREAK
    )


def _clinging(w: str) -> bool:
    """A word that opens with a clinging "و" or "ب" (and, with) and is no given name: "وعدة
    جرحى" (and several wounded), "بعبوة ناسفة" (with an explosive device) start no name."""
    f = w.translate(AR_FOLD)
    return f[:1] in "وب" and f not in _given_names()[1]


def _definite(f: str) -> bool:
    """Whether a folded word carries the article (after و، ف، ب or the contracted لل)."""
    if f.startswith("ال"):
        return len(f) > 3
    return f.startswith(("لل", "بال", "وال", "فال")) and len(f) > 4


def _breaks_phrase(tok: str) -> bool:
    """Whether a token ends a title's phrase before any name: a sentence's end, "إن", a
    preposition other than "في" and "ل" (the place and the group the title is of), a
    relative or a particle ("الذي", "قد"), another title, an opening quotation mark."""
    f = tok.translate(AR_FOLD)
    if f in _PHRASE_END or tok in _PHRASE_END or tok in '“”"':
        return True
    return (f in _BREAK and f not in ("في", "ل")) or _key(tok) in AR_TITLES


def _holder_after(toks: list[tuple[str, int, int]], i: int) -> tuple[int, int] | None:
    """The span of the two-word name that closes the phrase of the title ``toks[i]``."""
    for j in range(i + 1, min(i + _REACH, len(toks) - 2)):
        if _breaks_phrase(toks[j][0]):
            return None
        if j == i + 1:
            continue
        w0 = toks[j - 1][0].translate(AR_FOLD)
        if not (_bare(toks[j][0]) and _bare(toks[j + 1][0])) or _clinging(toks[j][0]):
            continue
        if w0 in _PLACE_NOUNS or w0 in _BREAK or _key(toks[j - 1][0]) in AR_TITLES:
            continue  # "في كفر نبل", "بلدة كفر نبل", "قائد شرطة حلب"
        if j - 1 == i or all(t[0].translate(AR_FOLD) in _QUALIFIERS for t in toks[i + 1 : j]):
            continue  # nothing the title is of stands before the pair
        nxt = toks[j + 2][0]
        if nxt.translate(AR_FOLD) in _END or _key(nxt) in _END:
            return toks[j][1], toks[j + 1][2]
    return None
