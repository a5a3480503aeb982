"""The words of dates in the languages of Syria's news: English, Arabic (both month series:
the Levantine/Iraqi names "آذار", "تشرين الأول" and the Egyptian/Maghrebi "مارس",
"أكتوبر"), French, German and Turkish; weekdays, relative days, seasons; Arabic-Indic digits.

Every table maps a *key* (lower case; Arabic with the alef forms, ta marbuta, alef maqsura
and tatweel folded by :func:`key`) to a number, and :func:`alternation` turns a table into
a regular expression over text folded with ``MATCH_FOLD`` (same length, same offsets).
"""

from __future__ import annotations

import re

#: Arabic-Indic and Extended Arabic-Indic (Persian) digits, mapped to ASCII one for one
#: (same length, so offsets into the text stay valid).
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
#: What the date finder reads: those digits, and the Arabic letters folded one for one
#: (alef forms, ta marbuta, alef maqsura), so that the patterns hold one spelling.
MATCH_FOLD = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹أإآةى", "01234567890123456789اااهي")

_EN_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_OTHER_MONTHS = {
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12,
    # Turkish
    "ocak": 1, "şubat": 2, "subat": 2, "mart": 3, "nisan": 4, "mayıs": 5, "mayis": 5,
    "haziran": 6, "temmuz": 7, "ağustos": 8, "agustos": 8, "eylül": 9, "eylul": 9, "ekim": 10,
    "kasım": 11, "kasim": 11, "aralık": 12, "aralik": 12,
    # Arabic, Levantine series
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7,
    "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    # Arabic, Egyptian series
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
}  # fmt: skip
MONTHS = {**_EN_MONTHS, **_OTHER_MONTHS}
#: English month words are also verbs and names ("may", "march"): they need a capital.
ENGLISH_MONTHS = frozenset(_EN_MONTHS)

WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6,
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
    "sonnabend": 5, "sonntag": 6,
    "pazartesi": 0, "salı": 1, "sali": 1, "çarşamba": 2, "carsamba": 2, "perşembe": 3,
    "persembe": 3, "cuma": 4, "cumartesi": 5, "pazar": 6,
    "الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5,
    "الاحد": 6,
}  # fmt: skip
#: Long English weekday names (the short ones are too ambiguous in running text).
_SHORT = frozenset("mon tue tues wed thu thurs fri sat sun".split())
#: Parts of a day glued to a German weekday ("Montagabend") or after it ("samedi matin").
DAY_PARTS = r"(?:abend|morgen|nacht|nachmittag|vormittag|mittag)"
#: Words before a weekday that keep it the same day ("اليوم الأربعاء", today Wednesday;
#: "صباح اليوم الاثنين", this Monday morning; "مساء أمس الأحد").
ARABIC_DAY_WORDS = (
    r"(?:(?:صباح|مساء|ليله|فجر|ظهر|عصر)\s+(?:اليوم|امس)|اليوم|يوم|صباح|مساء|ليله|فجر|ظهر|عصر"
    r"|امس)"
)

#: Relative days in other languages, as the English words the resolver knows.
RELATIVE = {
    "اليوم": "today", "صباح اليوم": "today", "مساء اليوم": "today", "امس": "yesterday",
    "البارحه": "yesterday", "غدا": "tomorrow",
    "aujourd'hui": "today", "aujourd’hui": "today", "hier": "yesterday", "demain": "tomorrow",
    "heute": "today", "gestern": "yesterday",
    "bugün": "today", "dün": "yesterday", "yarın": "tomorrow",
    # the week, month and year before, and the day before yesterday
    "العام الماضي": "last year", "السنه الماضيه": "last year", "الشهر الماضي": "last month",
    "الاسبوع الماضي": "last week", "اول امس": "day before yesterday",
    "avant-hier": "day before yesterday", "l'an dernier": "last year",
    "l’an dernier": "last year", "l'année dernière": "last year",
    "l’année dernière": "last year", "le mois dernier": "last month",
    "la semaine dernière": "last week", "vorgestern": "day before yesterday",
    "önceki gün": "day before yesterday", "geçen yıl": "last year", "geçen ay": "last month",
    "geçen hafta": "last week",
}  # fmt: skip
SEASONS = {
    "spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn",
    "winter": "winter", "printemps": "spring", "été": "summer", "automne": "autumn",
    "hiver": "winter", "frühling": "spring", "frühjahr": "spring", "sommer": "summer",
    "herbst": "autumn", "ilkbahar": "spring", "yaz": "summer", "sonbahar": "autumn",
    "kış": "winter",
}  # fmt: skip

_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", "ـ": None})


def key(word: str) -> str:
    """The table key of a date word: lower case, blanks squeezed, Arabic letters folded.

    Examples
    --------
    >>> key("تشرين  الأول"), key("Août")
    ('تشرين الاول', 'août')
    """
    return " ".join(word.lower().translate(_ALEF).split()).rstrip(".")


def alternation(words: object, *, short: bool = True) -> str:
    """A regex alternation of the words of a table, longest first.

    Examples
    --------
    >>> re.fullmatch(alternation(["تشرين الاول"]), "تشرين  الاول") is not None
    True
    """
    keys = [str(w) for w in words if short or str(w) not in _SHORT]  # type: ignore[attr-defined]
    trie: dict = {}
    for k in keys:
        node = trie
        for ch in k:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    """A regex for the words of a trie, prefixes shared (the engine tries one branch per
    letter instead of every word at every position); longer words win."""
    ends = "" in node
    branches = []
    for ch in sorted((c for c in node if c), key=lambda c: -_depth(node[c])):
        head = r"\s+" if ch == " " else re.escape(ch)
        branches.append(head + _trie_pattern(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


def _depth(node: dict) -> int:
    return 1 + max((_depth(n) for n in node.values()), default=0)
