"""The villages an Arabic clause ties to a town, in the singular or the dual: "كانة كاور
التابعة لبلدة جنديرس" (that belongs to the town of Jandairis), "قره تبه وقسطل كجك التابعتين
لبلدة شران" (the two that belong to the town of Sharan).

The tie says how many names stand before it: one for "التابعة" (feminine singular, a
village), two for "التابعتين" (dual), joined by "و". A name runs back from the tie to a
comma, a stop, a bracket, a noun of settlement ("قرى", "قريتي"), a preposition or the "و"
that joins the two, and holds one to three words (the masculine "التابع" ties a building
or a body more often than a village: it is left out). The names are places whatever the
gazetteer holds (they go to the listed spans), and :func:`._ar_attached.attached_villages`
places those it lacks, and its far namesakes, at the town. The tie must name the town with
its noun ("لبلدة", "لمدينة", "لناحية", "لمركز"): "القوات التابعة للنظام" ties no village;
a name of common words only ("الأحياء السكنية التابعة لمدينة …") or opening with a
building's or an institution's noun ("مدرسة …") is no village's.
"""

from __future__ import annotations

import re

from ..arabic._common import is_common_word, normalise

#: The tie: "التابعة لبلدة", "التابعتين لمركز", "التابع إلى ناحية" (the dual in "تين/تان/ين").
_TIE = re.compile(
    r"[ \t]+(?:ال)?(?P<form>تابعتين|تابعتان|تابعة|تابعه)[\u064b-\u0652]*[ \t]+"
    r"(?:ل|إلى[ \t]+|الى[ \t]+)(?:بلدة|مدينة|ناحية|مركز|منطقة)[ \t]+(?=[\u0621-\u064a])"
)
#: A word of the names before the tie (an Arabic word, its marks included).
_WORD = re.compile(r"[\u0621-\u064a\u0640\u064b-\u0652]+")
#: Nouns of settlement that open the names ("قرى A وB التابعتين"), a proclitic aside.
_NOUNS = frozenset(normalise(w) for w in "قرى قرية قريتي قريتا بلدة بلدتي بلدات مزرعة".split())
#: Nouns of buildings, institutions and land that a tie follows as readily as a village
#: ("مدرسة … التابعة لبلدة", "الأراضي الزراعية التابعة لمدينة"): no village's name opens so.
_NOT_VILLAGES = frozenset(
    normalise(w)
    for w in """مدرسة المدرسة مستشفى المستشفى مشفى المشفى مركز المركز مقر المقر مطار المطار
    معمل المعمل مصنع المصنع شركة الشركة جامعة الجامعة كلية الكلية مديرية المديرية فرع الفرع
    مكتب المكتب دائرة الدائرة الأراضي اراضي أراضي المناطق الأحياء الفصائل القوات المجموعات
    الوحدات الكتيبة كتيبة الفرقة فرقة اللجنة لجنة المجالس المجلس مجلس البلدية بلدية""".split()
)
#: Particles before the names: a preposition, "أن", a relative pronoun.
_PARTICLES = frozenset(
    normalise(w)
    for w in "في على من إلى الى عن عند قرب نحو حول بين مع إن أن ان التي الذي منها بينها".split()
)
#: Most words of one name.
MAX_WORDS = 3


def tied_members(text: str) -> list[tuple[tuple[int, int], int]]:
    """The names tied to a town, each with where the town's name starts.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of ((int, int), int)
        Each name's span (a "و" before it left out) and the start of the town's name.

    Examples
    --------
    >>> t = "سيطروا على قرى قره تبه وقسطل كجك التابعتين لبلدة شران."
    >>> [(t[a:b], t[c:]) for (a, b), c in tied_members(t)]
    [('قره تبه', 'شران.'), ('قسطل كجك', 'شران.')]
    >>> tied_members("انسحبت القوات التابعة للنظام من المدينة")
    []
    """
    if "تابع" not in text:
        return []
    out: list[tuple[tuple[int, int], int]] = []
    for m in _TIE.finditer(text):
        want = 1 if m.group("form") in ("تابعة", "تابعه") else 2
        names = _names_before(text, m.start(), want)
        if names is not None:
            out += [(span, m.end()) for span in names]
    return out


def tied_spans(text: str) -> list[tuple[int, int]]:
    """The spans of :func:`tied_members`.

    Examples
    --------
    >>> t = "وسيطروا على كانة كاور التابعة لبلدة جنديرس"
    >>> [t[a:b] for a, b in tied_spans(t)]
    ['كانة كاور']
    """
    return [span for span, _ in tied_members(text)]


def _names_before(text: str, end: int, want: int) -> list[tuple[int, int]] | None:
    """The ``want`` names that end at ``end``, in the text's order, or None when the words
    before the tie are not that many names."""
    words = [(w.start(), w.end()) for w in _WORD.finditer(text, max(0, end - 120), end)]
    names: list[tuple[int, int]] = []
    first = stop = None  # the name being read: its first word's start, its last word's end
    count, nxt = 0, end  # its words; where the word after the one read starts
    for a, b in reversed(words):
        bare = normalise(text[a:b])
        if text[b:nxt].strip() or bare in _NOUNS or bare[1:] in _NOUNS and bare[0] in "وب":
            break  # a comma, a bracket, a stop, or "قرى" before the names
        if bare in _PARTICLES or bare[1:] in _PARTICLES and bare[0] in "وف":
            break  # "على كانة كاور التابعة"
        nxt, count = a, count + 1
        stop = b if stop is None else stop
        if count > MAX_WORDS:
            return None
        if bare.startswith("و") and len(bare) > 3:
            names.insert(0, (a + 1, stop))  # "وقسطل كجك": the name after "و"
            if len(names) == want:
                return _checked(text, names, want)
            first, stop, count = None, None, 0
        else:
            first = a
    if first is not None and stop is not None:
        names.insert(0, (first, stop))
    return _checked(text, names, want)


def _checked(text: str, names: list[tuple[int, int]], want: int) -> list[tuple[int, int]] | None:
    """The names when they are as many as the tie says, none only common words of the
    language nor opening with a building's or an institution's noun ("مدرسة …")."""
    if len(names) != want:
        return None
    for a, b in names:
        words = text[a:b].split()
        if not words or normalise(words[0]) in _NOT_VILLAGES:
            return None
        if all(is_common_word(w) for w in words):
            return None
    return names
