"""Numbers and days written in words in dates: a year in Arabic words ("ألفين وستة عشر"),
a day as an Arabic ordinal ("التاسع من أكتوبر"), a day of the page's month ("في العاشر من
الشهر الجاري", "the 5th of last month") and the words that give a day's year from the
page's ("من العام الماضي")."""

from __future__ import annotations

from ._words import alternation, key

_AR_UNITS = {
    "واحد": 1, "احد": 1, "اثنين": 2, "اثنان": 2, "اثني": 2, "اثنا": 2, "ثلاثه": 3, "ثلاث": 3,
    "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6, "سبعه": 7, "سبع": 7,
    "ثمانيه": 8, "ثماني": 8, "ثمان": 8, "تسعه": 9, "تسع": 9,
}  # fmt: skip
#: A year of this century written in Arabic words ("ألفين وستة عشر", 2016), on folded text.
ARABIC_YEAR = (
    r"الفين(?:\s+و\s*(?:(?:"
    + "|".join(sorted(_AR_UNITS, key=len, reverse=True))
    + r")(?:\s+عشر(?:ه)?|\s+و\s*عشرين)?|عشره|عشرين))?"
)


def arabic_year(words: str) -> int:
    """The year that Arabic number words write ("ألفين وستة عشر" is 2016).

    Examples
    --------
    >>> arabic_year("الفين وستة عشر"), arabic_year("ألفين وتسعة وعشرين"), arabic_year("الفين")
    (2016, 2029, 2000)
    """
    n = 0
    for w in key(words).replace("و", " و ").split():
        w = w.removeprefix("و")
        if w in _AR_UNITS:
            n += _AR_UNITS[w]
        elif w in ("عشر", "عشره"):
            n += 10
        elif w == "عشرين":
            n += 20
    return 2000 + n


_AR_ORDINAL_UNITS = [
    "الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
]  # fmt: skip


def _arabic_ordinals() -> dict[str, int]:
    """The days of a month as Arabic ordinals, folded ("التاسع", "الخامس عشر", "الحادي
    والعشرين" …)."""
    out = {"العاشر": 10, "العشرين": 20, "الثلاثين": 30, "الحادي والثلاثين": 31}
    for n, word in enumerate(_AR_ORDINAL_UNITS, start=1):
        out[word] = n
        first = "الحادي" if n == 1 else word  # the first of a ten: الحادي عشر
        out[f"{first} عشر"] = 10 + n
        out[f"{first} والعشرين"] = 20 + n
    return out


#: The days of a month written as Arabic ordinals ("في التاسع من أكتوبر"), as numbers.
AR_ORDINALS = _arabic_ordinals()


#: The month of a day named from the page's ("في العاشر من الشهر الجاري", "the 5th of last
#: month", "geçen ayın 5'inde", "am 5. vergangenen Monats", "le 5 du mois dernier"): how
#: many months from the page's, on folded text.
MONTH_FROM_PAGE = {
    "الشهر الجاري": 0, "الشهر الحالي": 0, "هذا الشهر": 0, "الشهر الماضي": -1,
    "الشهر المنصرم": -1, "الشهر الفائت": -1, "الشهر المقبل": 1, "الشهر القادم": 1,
    "this month": 0, "last month": -1, "next month": 1, "bu ayın": 0, "geçen ayın": -1,
    "geçtiğimiz ayın": -1, "gelecek ayın": 1, "dieses monats": 0, "vergangenen monats": -1,
    "letzten monats": -1, "vorigen monats": -1, "kommenden monats": 1, "nächsten monats": 1,
    "de ce mois": 0, "du mois en cours": 0, "du mois dernier": -1, "du mois prochain": 1,
}  # fmt: skip
DAY_OF_PAGE_MONTH = (
    # a number with its ordinal mark, or with "of"/"من" ("killed 5 last month" is a count)
    r"(?:(?P<dp_n>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er|\.)\s+(?:of\s+(?:the\s+)?)?"
    r"|(?P<dp_n2>[12]\d|3[01]|0?[1-9])\s+(?:of\s+(?:the\s+)?|من\s+|(?=d[ue]\s))"
    rf"|(?P<dp_o>{alternation(AR_ORDINALS)})\s+(?:من\s+)?)(?P<dp_m>(?:الشهر\s+(?:الجاري|الحالي|الماضي|المنصرم|الفائت"
    r"|المقبل|القادم)|هذا\s+الشهر|(?:this|last|next)\s+month|(?:dieses|vergangenen|letzten"
    r"|vorigen|kommenden|nächsten)\s+monats|de\s+ce\s+mois|du\s+mois\s+(?:en\s+cours|dernier"
    r"|prochain)))(?!\w)"
    # Turkish puts the month first: "geçen ayın 5'inde"
    r"|(?P<dp_t>(?:bu|geçen|geçtiğimiz|gelecek)\s+ayın)\s+(?P<dp_tn>[12]\d|3[01]|0?[1-9])"
    r"['’](?:i|ı|u|ü|si|sı|ü)?(?:nde|nda|inde|ında|unda|ünde)\b"
)


def day_year_words(group: str) -> str:
    """A regex of the words after a day and month that give its year from the page's ("5
    March last year", "25 آب من العام الماضي", "le 3 mai de l'an dernier", "am 5. März
    vergangenen Jahres"), as the named group ``group`` (folded text).

    Examples
    --------
    >>> import re
    >>> re.fullmatch(day_year_words("y"), " من العام الماضي") is not None
    True
    """
    return (
        rf"(?P<{group}>\s+(?:of\s+)?(?:last|this|next)\s+year"
        r"|\s+(?:de\s+)?l['’](?:an|année)\s+(?:dernier|dernière|passée|prochaine?)"
        r"|\s+(?:des\s+)?(?:vergangenen|letzten|vorigen|kommenden|nächsten)\s+jahres"
        r"|\s+(?:من\s+)?(?:العام|السنه)\s+(?:الماضي|الماضيه|الجاري|الجاريه|الحالي|الحاليه"
        r"|المقبل|المقبله|المنصرم))(?!\w)"
    )
