"""The words of dates in the languages of Syria's news: English, Arabic (both month series:
the Levantine/Iraqi names "آذار", "تشرين الأول" and the Egyptian/Maghrebi "مارس",
"أكتوبر"), French, German and Turkish; weekdays, relative days, seasons; Arabic-Indic digits.

Every table maps a *key* (lower case; Arabic with the alef forms, ta marbuta, alef maqsura
and tatweel folded by :func:`key`) to a number, and :func:`alternation` turns a table into
a regular expression over text folded with ``MATCH_FOLD`` (same length, same offsets).
"""

from __future__ import annotations

import functools
import re

#: Arabic-Indic and Extended Arabic-Indic (Persian) digits, mapped to ASCII one for one
#: (same length, so offsets into the text stay valid).
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
#: What the date finder reads: those digits, and the Arabic letters folded one for one
#: (alef forms, ta marbuta, alef maqsura), so that the patterns hold one spelling.
#: (with the Persian yeh and kaf that Kurdish and Persian keyboards type in Arabic text:
#: "حزیران", "کانون")
MATCH_FOLD = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹أإآةىیک", "01234567890123456789اااهييك")
#: The era letter glued to a year ("19 نوفمبر 2019م", "1441هـ") and the article glued to a
#: day's number ("في الـ12 من تموز", "وال5 من الشهر"): read as blanks by :func:`match_folded`,
#: so that the number starts and the year ends at a word's edge.
_ERA = re.compile(r"(?<=\d\d\d\d)(?:م|هـ|ه)(?!\w)|(?<!\w)[وب]?الـ?(?=\d)")


@functools.lru_cache(maxsize=8)
def match_folded(text: str) -> str:
    """``text`` with ``MATCH_FOLD`` and the era letters after a year blanked (same length
    and offsets), kept for the text's other readers (one article is folded once)."""
    folded = text.translate(MATCH_FOLD)
    if "م" not in folded and "ه" not in folded and "ال" not in folded:
        return folded  # no Arabic: nothing to blank (most of an English text's cost)
    return _ERA.sub(lambda m: " " * len(m.group()), folded)


def _caseless_table() -> dict[int, str]:
    """Each letter to its lower case, one character for one, as a case-insensitive regular
    expression compares them: "İ" and "ı" are "i", "ſ" is "s" (Python's own equivalences)."""
    table = {}
    for i in range(0x250):  # Latin, where the patterns' letters are; Arabic has no case
        low = chr(i).lower()
        if len(low) == 1 and low != chr(i):
            table[i] = low
    table.update({0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"})
    return table


#: Applied to text already folded with ``MATCH_FOLD`` (same length, same offsets): the date
#: patterns, written in lower case, then run without ``re.IGNORECASE``, which costs about
#: a third of the finder's time on a news article.
CASELESS = _caseless_table()


def caseless(pattern: str) -> re.Pattern[str]:
    """Compile a pattern written in lower case for text translated with ``CASELESS``.

    Its letters outside ASCII go through the same table ("yılın" is "yilin" on both sides);
    its ASCII letters are left alone, so escapes such as ``\\W`` keep their meaning.

    Examples
    --------
    >>> bool(caseless(r"\\byılın\\b").search("Yılın sonunda".translate(CASELESS)))
    True
    """
    if re.search(r"(?<!\\)\b[A-Z]{2,}\b", pattern):
        raise ValueError("a caseless pattern is written in lower case")
    return re.compile(pattern.translate({k: v for k, v in CASELESS.items() if k > 127}))


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
    # the same without the article, as many pages write them ("ديسمبر/كانون أول 2016")
    "كانون ثاني": 1, "تشرين اول": 10, "تشرين ثاني": 11, "كانون اول": 12,
    # Arabic, Egyptian series
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    # Arabic, Maghrebi series (Algeria, Tunisia: from the French names; مارس, سبتمبر … as
    # the Egyptian) and Moroccan series (from the French and Spanish: يوليوز, غشت, شتنبر)
    "جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "اوت": 8,
    "ينار": 1, "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
}  # fmt: skip
MONTHS = {**_EN_MONTHS, **_OTHER_MONTHS}
#: The Arabic month names (of every series).
ARABIC_MONTHS = {k: v for k, v in _OTHER_MONTHS.items() if "\u0621" <= k[0] <= "\u064a"}
#: English month words are also verbs and names ("may", "march"): they need a capital.
ENGLISH_MONTHS = frozenset(_EN_MONTHS)
#: Turkish month names, which take a case ending ("Mart'ta", "Ekim ayında").
TURKISH_MONTHS = frozenset(
    "ocak şubat subat mart nisan mayıs mayis haziran temmuz ağustos agustos eylül eylul ekim "
    "kasım kasim aralık aralik".split()
)

#: Words beside a weekday that make it the last one or the coming one ("vergangenen
#: Freitag", "geçen cuma", "vendredi dernier", "الجمعة الماضي").
LAST_WORDS = frozenset(
    "last vergangenen letzten vorigen geçen geçtiğimiz dernier passé الماضي الماضيه الفائت".split()
)
NEXT_WORDS = frozenset(
    "next kommenden nächsten gelecek önümüzdeki prochain المقبل المقبله القادم القادمه".split()
)

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
    r"(?:اول\s+(?:من\s+)?امس|يوم\s+امس"
    r"|(?:صباح|مساء|ليله|فجر|ظهر|عصر)\s+(?:اليوم|امس)|اليوم|يوم|صباح|مساء|ليله|ليل|فجر|ظهر|عصر"
    r"|امس)"
)

#: Relative days in other languages, as the English words the resolver knows.
RELATIVE = {
    "اليوم": "today", "صباح اليوم": "today", "مساء اليوم": "today", "امس": "yesterday",
    "البارحه": "yesterday", "غدا": "tomorrow",
    # tomorrow in a construct ("صباح غد", tomorrow morning; "يوم الغد"); "يومنا هذا" (this
    # day of ours, "حتى يومنا هذا") is today
    "صباح غد": "tomorrow", "مساء غد": "tomorrow", "ظهر غد": "tomorrow", "فجر غد": "tomorrow",
    "يوم غد": "tomorrow", "صباح الغد": "tomorrow", "مساء الغد": "tomorrow",
    "يوم الغد": "tomorrow", "يومنا هذا": "today", "يومنا الحالي": "today",
    # from tomorrow on ("بداية من الغد", "اعتبارا من الغد"); "الغد" alone is also a channel
    "من الغد": "tomorrow",
    "بعد غد": "day after tomorrow", "بعد الغد": "day after tomorrow",
    "après-demain": "day after tomorrow", "öbür gün": "day after tomorrow",
    "aujourd'hui": "today", "aujourd’hui": "today", "hier": "yesterday", "demain": "tomorrow",
    "heute": "today", "gestern": "yesterday", "morgen": "tomorrow",
    "übermorgen": "day after tomorrow",
    "bugün": "today", "dün": "yesterday", "yarın": "tomorrow",
    # the week, month and year before, and the day before yesterday
    "العام الماضي": "last year", "السنه الماضيه": "last year", "الشهر الماضي": "last month",
    "الاسبوع الماضي": "last week", "اول امس": "day before yesterday",
    "avant-hier": "day before yesterday", "l'an dernier": "last year",
    "l’an dernier": "last year", "l'année dernière": "last year",
    "l’année dernière": "last year", "le mois dernier": "last month",
    "la semaine dernière": "last week", "vorgestern": "day before yesterday",
    "önceki gün": "day before yesterday", "geçen yıl": "last year", "geçen ay": "last month",
    "geçen hafta": "last week", "evvelki gün": "day before yesterday",
    "evvelsi gün": "day before yesterday",
    # the day before yesterday as Syrian papers write it; the current week, month, year
    "اول من امس": "day before yesterday", "امس الاول": "day before yesterday",
    "الاسبوع الجاري": "this week",
    "الاسبوع الحالي": "this week", "الشهر الجاري": "this month", "الشهر الحالي": "this month",
    "العام الجاري": "this year", "العام الحالي": "this year", "السنه الجاريه": "this year",
    "السنه الحاليه": "this year", "الاسبوع المقبل": "next week", "الشهر المقبل": "next month",
    "العام المقبل": "next year", "العام المنصرم": "last year", "الشهر المنصرم": "last month",
    "الاسبوع الفائت": "last week", "الشهر الفائت": "last month", "العام الفائت": "last year",
    "السنه الفائته": "last year", "السنه المنصرمه": "last year",
    "cette semaine": "this week", "ce mois-ci": "this month", "cette année": "this year",
    "la semaine passée": "last week", "le mois passé": "last month",
    # the week, month and year before the last
    "الاسبوع قبل الماضي": "2 weeks ago", "الشهر قبل الماضي": "2 months ago",
    "العام قبل الماضي": "2 years ago", "السنه قبل الماضيه": "2 years ago",
    "the week before last": "2 weeks ago", "the month before last": "2 months ago",
    "the year before last": "2 years ago", "vorletzte woche": "2 weeks ago",
    "vorletzten woche": "2 weeks ago", "vorletzten monat": "2 months ago",
    "vorletztes jahr": "2 years ago", "vorletzten jahr": "2 years ago",
    # the week, month and year after the page's
    "la semaine prochaine": "next week", "le mois prochain": "next month",
    "l'an prochain": "next year", "l’an prochain": "next year", "l'année prochaine": "next year",
    "l’année prochaine": "next year", "nächste woche": "next week",
    "nächsten woche": "next week", "kommende woche": "next week", "kommenden woche": "next week",
    "nächsten monat": "next month", "kommenden monat": "next month",
    "nächstes jahr": "next year", "nächsten jahr": "next year", "kommendes jahr": "next year",
    "kommenden jahr": "next year", "gelecek hafta": "next week", "önümüzdeki hafta": "next week",
    "gelecek ay": "next month", "önümüzdeki ay": "next month", "gelecek yıl": "next year",
    "önümüzdeki yıl": "next year", "gelecek sene": "next year", "bu ay": "this month",
    "l'année passée": "last year", "l’année passée": "last year",
    # German: the adjective takes the case of its article ("in der vergangenen Woche")
    "vergangene woche": "last week", "vergangenen woche": "last week",
    # the genitive after a part of it ("Mitte vergangener Woche", "Ende letzten Monats")
    "vergangener woche": "last week", "letzter woche": "last week", "voriger woche": "last week",
    "vergangenen monats": "last month", "letzten monats": "last month",
    "vorigen monats": "last month", "dieses monats": "this month",
    # Turkish: the genitive before a part ("geçen ayın sonunda", "bu haftanın başında")
    "geçen ayın": "last month", "geçtiğimiz ayın": "last month", "geçen haftanın": "last week",
    "geçtiğimiz haftanın": "last week", "bu ayın": "this month", "bu haftanın": "this week",
    # the weekend ("hafta sonu", "am Wochenende", "le week-end", "عطلة نهاية الأسبوع")
    "hafta sonu": "the weekend", "geçen hafta sonu": "last weekend",
    "am wochenende": "the weekend", "am vergangenen wochenende": "last weekend",
    "am letzten wochenende": "last weekend", "le week-end": "the weekend",
    "ce week-end": "this weekend", "le week-end dernier": "last weekend",
    "عطله نهايه الاسبوع": "the weekend", "عطله نهايه الاسبوع الماضي": "last weekend",
    "letzte woche": "last week", "letzten woche": "last week", "vorige woche": "last week",
    "vorigen woche": "last week", "vergangenen monat": "last month",
    "letzten monat": "last month", "vorigen monat": "last month",
    "vergangenes jahr": "last year", "vergangenen jahr": "last year",
    "letztes jahr": "last year", "letzten jahr": "last year", "voriges jahr": "last year",
    "vorigen jahr": "last year", "diese woche": "this week", "dieser woche": "this week",
    "diesen monat": "this month", "dieses jahr": "this year", "diesem jahr": "this year",
    "bu hafta": "this week", "bu yıl": "this year", "bu sabah": "today", "bu akşam": "today",
    "ce matin": "today", "ce soir": "today", "cet après-midi": "today",
    "la nuit dernière": "yesterday", "letzte nacht": "yesterday",
    "vergangene nacht": "yesterday", "dün gece": "yesterday", "dün akşam": "yesterday",
    "geçtiğimiz hafta": "last week",
    "geçtiğimiz ay": "last month", "geçtiğimiz yıl": "last year", "geçen sene": "last year",
    "الليله الماضيه": "last night", "هذا الاسبوع": "this week", "هذا الشهر": "this month",
    "هذا العام": "this year", "هذه السنه": "this year", "الاسبوع القادم": "next week",
    "الشهر القادم": "next month", "العام القادم": "next year", "السنه المقبله": "next year",
    "السنه القادمه": "next year", "الاسبوع المنصرم": "last week",
    # "tonight" and "yesterday" with the preposition glued: round 23
    "هذه الليله": "tonight", "بالامس": "yesterday",
}  # fmt: skip
#: A part of the week ("في بداية الأسبوع", "مطلع الأسبوع الماضي", "Anfang der Woche", "en
#: début de semaine"): the whole week, Monday to Sunday, as the set marks "this week" and
#: "last week" (round 26; "عطلة نهاية الأسبوع" stays the weekend, its longer key).
_WEEK_PARTS_AR = ("بدايه", "مطلع", "اوائل", "منتصف", "اواسط", "نهايه", "اواخر")
_WEEK_WHICH_AR = {
    "": "this week", "الجاري": "this week", "الحالي": "this week", "الماضي": "last week",
    "المنصرم": "last week", "الفائت": "last week", "المقبل": "next week",
    "القادم": "next week",
}  # fmt: skip
RELATIVE.update(
    {f"{p} الاسبوع {w}".strip(): v for p in _WEEK_PARTS_AR for w, v in _WEEK_WHICH_AR.items()}
)
RELATIVE.update(
    {
        "anfang der woche": "this week", "mitte der woche": "this week",
        "ende der woche": "this week", "zu beginn der woche": "this week",
        "en début de semaine": "this week", "en milieu de semaine": "this week",
        "au début de la semaine": "this week", "en fin de semaine": "this week",
    }
)  # fmt: skip

#: Days counted from the date named before them ("la veille", "the next day").
ANCHORED = {
    "the day before": -1, "the previous day": -1, "the day after": 1, "the next day": 1,
    "the following day": 1, "la veille": -1, "le lendemain": 1, "am vortag": -1,
    "tags zuvor": -1, "tags darauf": 1, "am nächsten tag": 1, "am folgenden tag": 1,
    "ertesi gün": 1, "bir gün önce": -1, "bir gün sonra": 1, "اليوم السابق": -1,
    "اليوم التالي": 1, "the same day": 0, "le même jour": 0, "am selben tag": 0,
    "am gleichen tag": 0, "aynı gün": 0, "ذلك اليوم": 0, "ذات اليوم": 0, "نفس اليوم": 0,
    "اليوم نفسه": 0, "اليوم ذاته": 0,
    # a night is the day it begins ("the following night" after Sunday: Sunday night, dated
    # Sunday as the set dates "Friday night"); the next morning is the next day (round 26)
    "the following night": 0, "the next night": 0, "the same night": 0,
    "the previous night": -1, "the following morning": 1, "the next morning": 1,
    "the same morning": 0, "the previous morning": -1,
    "la nuit suivante": 0, "la nuit précédente": -1, "in der folgenden nacht": 0,
    "in der nacht darauf": 0, "am nächsten morgen": 1, "am folgenden morgen": 1,
    "ertesi gece": 0, "ertesi sabah": 1, "aynı gece": 0, "الليله التاليه": 0,
    "الليله السابقه": -1, "الليله نفسها": 0, "الليله ذاتها": 0,
}  # fmt: skip

#: Relative words before a weekday that name the day before the page, or the page's day
#: ("hier mardi", "gestern Dienstag", "أول أمس الجمعة"): the weekday is a past one.
PAST_DAY_WORDS = (
    r"yesterday|today|avant-hier|hier|aujourd['’]hui|vorgestern|gestern|heute|dün|bugün"
)

#: Number words of "N days ago" in English, German, French, Turkish and Arabic.
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
    "ein": 1, "einem": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
    "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30,
    "quarante": 40, "cinquante": 50,
    "bir": 1, "iki": 2, "üç": 3, "dört": 4, "beş": 5, "altı": 6, "yedi": 7, "sekiz": 8,
    "dokuz": 9, "on": 10, "yirmi": 20, "otuz": 30, "kırk": 40, "elli": 50,
    "واحد": 1, "اثنين": 2, "اثنان": 2, "ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6,
    "سبعه": 7, "ثمانيه": 8, "تسعه": 9, "عشره": 10, "عشرين": 20, "ثلاثين": 30,
    "اربعين": 40, "خمسين": 50,
    # the forms before a feminine noun ("ثلاث سنوات", "خمس سنوات", "عشر سنوات")
    "ثلاث": 3, "اربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثماني": 8, "ثمان": 8, "تسع": 9,
    "عشر": 10,
}  # fmt: skip
#: German numbers with a half, as the count they name ("vor anderthalb Wochen").
HALVES = {
    "anderthalb": 1.5, "eineinhalb": 1.5, "zweieinhalb": 2.5, "dreieinhalb": 3.5,
    "viereinhalb": 4.5, "fünfeinhalb": 5.5,
}  # fmt: skip
#: The units of "N days ago" in those languages (Arabic duals carry their number: يومين).
UNITS = {
    "tag": "day", "tage": "day", "tagen": "day", "woche": "week", "wochen": "week",
    "monat": "month", "monate": "month", "monaten": "month", "jahr": "year", "jahre": "year",
    "jahren": "year", "jour": "day", "jours": "day", "semaine": "week", "semaines": "week",
    "mois": "month", "an": "year", "ans": "year", "année": "year", "années": "year",
    "gün": "day", "hafta": "week", "ay": "month", "yıl": "year", "sene": "year",
    "يوم": "day", "ايام": "day", "يوما": "day", "اسبوع": "week", "اسابيع": "week",
    "شهر": "month", "اشهر": "month", "شهور": "month", "سنه": "year", "سنوات": "year",
    "عام": "year", "اعوام": "year", "يومين": "2 day", "اسبوعين": "2 week",
    "شهرين": "2 month", "عامين": "2 year", "سنتين": "2 year",
}  # fmt: skip
SEASONS = {
    "spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn",
    "winter": "winter", "printemps": "spring", "été": "summer", "automne": "autumn",
    "hiver": "winter", "frühling": "spring", "frühjahr": "spring", "sommer": "summer",
    "herbst": "autumn", "ilkbahar": "spring", "yaz": "summer", "sonbahar": "autumn",
    "kış": "winter", "bahar": "spring",
    # Arabic (folded): "ربيع" alone, never "ربيع الأول", a month of the Hijri year, nor "الربيع
    # العربي": the season patterns want a year or a word of time right after it
    "ربيع": "spring", "الربيع": "spring", "صيف": "summer", "الصيف": "summer",
    "خريف": "autumn", "الخريف": "autumn", "شتاء": "winter", "الشتاء": "winter",
}  # fmt: skip

#: Words beside a season that place it from the page's date ("this spring", "l'été dernier",
#: "letzten Sommer", "geçen kış", "الصيف الماضي"): the one the page is in (0), the last
#: one before it (-1), the next one after it (1).
SEASON_WORDS_BEFORE = {
    "this": 0, "ce": 0, "cet": 0, "cette": 0, "diesen": 0, "dieses": 0, "diesem": 0, "bu": 0,
    "هذا": 0, "last": -1, "past": -1, "letzten": -1, "letztes": -1, "vergangenen": -1,
    "vergangenes": -1, "vorigen": -1, "voriges": -1, "geçen": -1, "geçtiğimiz": -1,
    "next": 1, "coming": 1, "kommenden": 1, "kommendes": 1, "nächsten": 1, "nächstes": 1,
    "gelecek": 1, "önümüzdeki": 1,
}  # fmt: skip
SEASON_WORDS_AFTER = {
    "dernier": -1, "passé": -1, "الماضي": -1, "المنصرم": -1, "الفائت": -1, "prochain": 1,
    "المقبل": 1, "القادم": 1, "الحالي": 0, "الجاري": 0,
}  # fmt: skip
#: Words of a year counted from the page's ("of last year", "dieses Jahres", "de l'année
#: dernière", "من العام الماضي"), by how many years they shift it.
YEAR_SHIFT_WORDS = {
    "this year": 0, "last year": -1, "next year": 1, "dieses jahres": 0,
    "des vergangenen jahres": -1, "vergangenen jahres": -1, "des letzten jahres": -1,
    "letzten jahres": -1, "des vorigen jahres": -1, "vorigen jahres": -1,
    "des kommenden jahres": 1, "kommenden jahres": 1, "des nächsten jahres": 1,
    "nächsten jahres": 1, "de cette année": 0, "de l'année dernière": -1,
    "de l’année dernière": -1, "de l'an dernier": -1, "de l’an dernier": -1,
    "de l'année prochaine": 1, "de l’année prochaine": 1, "العام": 0, "هذا العام": 0,
    "العام الجاري": 0, "العام الحالي": 0, "العام الماضي": -1, "العام المنصرم": -1,
    "العام الفائت": -1, "العام المقبل": 1, "السنه الماضيه": -1, "السنه الجاريه": 0,
    "السنه الحاليه": 0, "من هذا العام": 0, "من العام الجاري": 0, "من العام الحالي": 0,
    "من العام الماضي": -1, "من العام المنصرم": -1, "من العام المقبل": 1,
}  # fmt: skip
#: Words of a part of the year ("بداية العام", "the beginning of the year", "Anfang des
#: Jahres", "début de l'année", "yılın başında"): the year is meant.
YEAR_PARTS = (
    r"(?:(?:the\s+)?(?:beginning|start|end|middle)\s+of\s+(?:the|this|last|next)\s+year"
    r"|early\s+(?:this|last|next)\s+year"
    r"|(?:anfang|ende|mitte)\s+(?:des|dieses|des\s+vergangenen|des\s+letzten|vergangenen|"
    r"letzten)\s+jahres|jahresbeginn|jahresanfang|jahresende"
    r"|(?:le\s+)?(?:début|fin|milieu)\s+(?:de\s+)?(?:l['’]année|l['’]an|cette\s+année)"
    r"(?:\s+(?:dernière|passée|prochaine))?"
    r"|(?:(?:geçen|geçtiğimiz|bu)\s+)?yılın\s+(?:başında|başından|sonunda|ortasında)"
    r"|yıl\s+başında"
    r"|(?:بدايه|مطلع|نهايه|منتصف|اواخر|اوائل|اواسط)\s+(?:هذا\s+)?(?:العام|السنه)"
    r"(?:\s+(?:الجاري|الجاريه|الحالي|الحاليه|الماضي|الماضيه|المنصرم|الفائت|المقبل))?)"
)

#: Words a count has after it, never a year's ("the 2000 people", "a 1500 km border").
COUNT_NOUNS = (
    r"(?:people|persons|civilians|fighters|families|troops|soldiers|refugees|men|women"
    r"|children|residents|militants|rebels|members|km|kilometres|kilometers|miles|metres"
    r"|meters|tons|tonnes|dollars|euros|pounds|homes|houses|buildings|displaced|dead"
    r"|killed|wounded|injured|of|to|and|or|in)"
)
#: Arabic nouns of a count after a number ("في 2000 منزل"), on folded text.
AR_COUNT_NOUNS = (
    r"شخص|اشخاص|مدني|مدنيا|منزل|منازل|عائله|مقاتل|مقاتلا|عنصر|عنصرا|طفل|طفلا|كيلومتر|كم"
    r"|دولار|ليره|نازح|نازحا|قتيل|قتيلا|جريح|جريحا|اسره|غاره|قذيفه|صاروخ|برميل|مواطن|لاجئ"
    r"|عام|سنه|سنوات|اعوام"  # "قبل 2000 عام", two thousand years ago
)

_ALEF = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك", "ـ": None}
)


def key(word: str) -> str:
    """The table key of a date word: lower case, blanks squeezed, Arabic letters folded.

    Examples
    --------
    >>> key("تشرين  الأول"), key("Août")
    ('تشرين الاول', 'août')
    """
    # Turkish capital İ lowers to i and a combining dot: drop the dot ("İki" → "iki")
    return " ".join(word.replace("İ", "i").lower().translate(_ALEF).split()).rstrip(".")


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
