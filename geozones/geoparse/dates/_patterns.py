"""Date candidates in news text: month and weekday tables, the regular expressions, and
:class:`DateMention`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import _numerals as N
from . import _words as W
from ._mention import DateMention  # noqa: F401  (imported from here by the others)

_MONTHS = W.MONTHS
_WEEKDAYS = W.WEEKDAYS
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    "|forty|fifty|sixty|seventy|eighty|ninety|a|an|\\d{1,3}"
)
#: A number in words of any of the languages, or in digits ("vor fünf Tagen", "قبل 5 أيام").
_ANY_NUMBER = rf"(?:{W.alternation(W.NUMBERS)}|\d{{1,3}})"
_UNIT = W.alternation(W.UNITS)
#: German numbers with a half ("vor anderthalb Wochen", "vor zweieinhalb Jahren").
_HALVES = W.alternation(W.HALVES)

_M1 = rf"(?:{W.alternation(W.MONTHS)})\.?"
#: a month, or two names of it ("آذار/مارس", "September/ Eylül"), the second one also in
#: brackets as Arabic papers of the Gulf and London write it ("يوليو (تموز)", "تموز (يوليو)"),
#: or an Arabic name after a blank ("12 أغسطس آب 2019", "5 شباط فبراير")
_M2 = rf"(?:\s*/\s*{_M1}|\s*\(\s*{_M1}\s*\)|\s+(?:{W.alternation(W.ARABIC_MONTHS)})(?!\w))"


def _dash_pairs() -> str:
    """Two Arabic names of one month joined by a dash ("نيسان-أبريل", "كانون الأول - ديسمبر"):
    one month; two different months so joined are a span and stay apart (round 23)."""
    names: dict[int, list[str]] = {}
    for k, v in W.ARABIC_MONTHS.items():
        names.setdefault(v, []).append(k)
    return "|".join(
        rf"(?:{W.alternation(ks)})\s*[-–]\s*(?:{W.alternation(ks)})(?!\w)" for ks in names.values()
    )


_M_DASH = rf"(?:{_dash_pairs()})"
_M = rf"(?:{_M_DASH}|{_M1}{_M2}?)"
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er|\.(?=\s))?"
_Y = r"(?:1[89]\d\d|20\d\d)"
#: words between a month and its year ("تشرين الأول/ أكتوبر عام 2012", "أيلول من العام 2019")
_YEAR_WORD = r"(?:(?:من\s+)?(?:عام|سنه|العام)\s+|(?:لعام|للعام|لسنه)\s+)?"
_WD = rf"(?:{W.alternation(W.WEEKDAYS, short=False)})"
#: A day as an Arabic ordinal, whole: "السابع والعشرين" is the 27th, not the 7th and 20th.
_AR_ORD = rf"(?:{W.alternation(N.AR_ORDINALS)})(?!\s*و\s*(?:العشرين|الثلاثين)(?!\w))"
#: The days listed before the last two of a span of one month ("7, 8 and 9 Sep. 2018",
#: "7 و8 و9 أيلول", "les 7, 8 et 9 septembre", "am 7., 8. und 9. September", "September 7,
#: 8 and 9"): the span runs from the first to the last.
_DAY_LIST = rf"(?:\.?(?:\s*[,،]\s*|\s+و\s*){_D}(?=\s*[,،]?\s*(?:{_D}|and|et|und|ve|و)))*[,،]?"
_SEP = (
    r"\s*(?:-|–|—|to|until|till|through|and|au|bis|et|und|ve|الي|حتي|لغايه|و)"
    r"(?:\s+(?:dem|zum|the|le))?\s*"
)
_TIME = (
    r"(?:(?:[01]?\d|2[0-3])[:.h][0-5]\d(?:\s*(?:[ap]\.?m\.?))?(?:\s*(?:gmt|utc|local time|hours))?"
    r"|(?:[01]?\d)\s*[ap]\.?m\.?|midnight|noon|mitternacht|minuit|gece\s+yarısı|منتصف\s+الليل)"
)
_REL_WORDS = W.alternation(W.RELATIVE)
_SEASON = W.alternation(W.SEASONS)
_TR_SEASON = r"(?:ilkbahar|sonbahar|bahar|yaz|kış)"
#: The Turkish case endings a season takes ("ilkbaharda", "yazın", "kışın", "baharından").
_TR_CASE = r"(?:ında|ından|da|ta|ın|dan|tan)"
#: Nouns of an event that an English month names ("the May attacks", "the March protests").
_EVENT_NOUNS = (
    r"(?:attacks?|bombings?|blasts?|explosions?|offensive|assault|raids?|strikes?|airstrikes?"
    r"|massacres?|clashes|battles?|fighting|ceasefire|truce|agreement|deal|accord|talks"
    r"|summit|meeting|elections?|referendum|protests?|uprising|uprisings|operation|campaign"
    r"|siege|evacuation|evacuations)"
)
#: The same nouns in Arabic (folded), before the month they are of ("هجمات أيار").
_AR_EVENT_NOUNS = (
    r"(?:هجمات|هجوم|تفجيرات|تفجير|مجزره|مجازر|معارك|معركه|اتفاق|اتفاقيه|هدنه|انتخابات"
    r"|احتجاجات|مظاهرات|ثوره|حمله|عمليه|قمه|محادثات|اجتماع|حصار|غارات|اشتباكات)"
)
#: The adjective after an Arabic month that places it from the page's ("أيار الماضي").
_AR_MONTH_ADJ = r"(?:الماضي|الماضيه|المنصرم|الفائت|المقبل|المقبله|القادم|الجاري|الحالي)"
_MONTH_LEAD = (
    # "earlier June", "later March" as "early June" (round 26)
    r"(?:in|at|since|until|by|from|before|after|during|earlier|early|later|late|mid|end of|of"
    r"|fin|début|mi|en|depuis|ende|anfang|mitte|im|seit|في|منذ|خلال|حتي|مطلع|اواخر|نهايه|بدايه"
    r"|منتصف|اواسط|اوائل|(?:من|الي)(?=\s+شهر\s)"  # "من شهر آذار", not "من أب" (a father)
    # a part of the month ("النصف الثاني من حزيران", "الأسبوع الأخير من حزيران"): the month
    r"|(?:النصف|الربع|الثلث|الاسبوع|الشطر|العشر)\s+(?:الاول|الاولي|الثاني|الثالث|الرابع|الاخير"
    r"|الاخيره|الاواخر|الاوائل)\s+من"
    r"|last|past|vergangene[mn]?|letzte[mn]?|geçen|geçtiğimiz"  # "last September"
    # a month before the event it dates ("the May attacks", "the August offensive")
    rf"|the(?=\s+(?:{W.alternation(W.ENGLISH_MONTHS)})\s+{_EVENT_NOUNS}\b)"
    # the same in Arabic, the month after its event ("هجمات أيار", "مجزرة آذار"), and an
    # Arabic month with its adjective after it, whatever word before ("تفجيرات مايو الماضي")
    rf"|{_AR_EVENT_NOUNS}"
    rf"|[\u0621-\u064a]+(?=\s+{_M1}(?:\s*/\s*{_M1})?\s+{_AR_MONTH_ADJ}(?!\w)))"
)
#: After a month: "last year", "of this year", "de l'an dernier", "من العام الماضي" (its year).
_MONTH_YEAR_WORDS = (
    r"(?:\s+(?:of\s+)?(?P<m_yl>last|this|next)\s+year"
    r"|\s+(?:de\s+)?(?:l['’]an|l['’]année)\s+(?P<m_yf>dernier|dernière|passée|prochaine?)"
    r"|\s+(?:des\s+)?(?P<m_yd>vergangenen|letzten|vorigen|kommenden|nächsten)\s+jahres"
    r"|\s+(?:من\s+)?(?:العام|السنه)\s+(?P<m_ya>الماضي|الماضيه|الجاري|الجاريه|الحالي|الحاليه"
    r"|المقبل|المقبله|المنصرم))"
)
#: A year before 1800, in a span of years only ("from 1142 to 1271").
_OLD_Y = r"(?:1[0-7]\d\d)"
#: Not after a verb of a changing count ("rose from 1200 to 1500").
_CHANGE_VERBS = (
    "rose", "risen", "increased", "fell", "fallen", "dropped", "grew", "grown", "jumped",
    "climbed", "declined", "up", "down", "passé", "stieg", "sank",
)  # fmt: skip
_NOT_A_CHANGE = "".join(rf"(?<!{v}\s)" for v in _CHANGE_VERBS)
#: Arabic proclitics glued to a lead word ("وعام 2017", and in 2017).
#: Patterns that may follow an Arabic clitic start with this mark (empty: the candidate
#: regex starts every pattern at a word's edge or right after a clitic, "وعام 2017");
#: the others start with their own \b.
_AR_CLITIC = ""
#: A day's number may be glued to an Arabic "and" ("و12 شباط"): a word's edge, or just
#: after that clitic; or run into the Arabic word before it, a weekday as often as not
#: ("يوم الجمعة17 تشرين الثاني": the digits start a number whatever letter precedes them).
_AFTER_CLITIC = r"(?:\b|(?<=\b[وفبل])|(?=\d)(?<=[\u0621-\u064a]))"

#: A count of two or more, of the days or weeks of a counted part of a month.
_SPAN_N = rf"(?:{W.alternation(sorted(w for w, n in W.NUMBERS.items() if n >= 2))}|[12]?\d)"
#: The first or last N weeks or days of a month, the words before its month in every
#: language but Turkish ("the first two weeks of", "les dix derniers jours de", "die ersten
#: zwei Wochen des", "الأسبوعين الأولين من", "الأيام العشرة الأخيرة من شهر"); the count
#: is in the words (round 24).
_SPAN_HEAD = (
    rf"(?P<se_h>(?:the\s+)?(?:first|last|final)\s+{_SPAN_N}\s+(?:weeks|days))\s+of\s+"
    rf"(?:the\s+month\s+of\s+)?(?P<se_m>{_M})"
    rf"|(?P<sf_h>(?:les\s+)?{_SPAN_N}\s+(?:premi[eè]re?s|derni[eè]re?s)\s+(?:semaines|jours))"
    rf"\s+(?:du\s+mois\s+)?(?:de\s+|d['’]\s*)(?P<sf_m>{_M})"
    rf"|(?P<sd_h>(?:ersten|letzten)\s+(?:{_SPAN_N}|beiden)\s+(?:wochen|tage|tagen))"
    rf"\s+(?:des|im|von)\s+(?:monats\s+)?(?P<sd_m>{_M})s?"
    r"|(?P<sa_h>(?:اول|اخر)\s+(?:(?:ال)?" + _SPAN_N + r"\s+(?:ايام|اسابيع)|اسبوعين|يومين)"
    r"|(?:الاسبوعين|اليومين)\s+(?:الاولين|الاخيرين)"
    r"|(?:الايام|الاسابيع)\s+(?:ال)?" + _SPAN_N + r"\s+(?:الاولي|الاخيره)"
    r"|(?:ال)?" + _SPAN_N + r"\s+(?:ايام|اسابيع)\s+(?:الاولي|الاخيره))"
    rf"\s+من\s+(?:شهر\s+)?(?P<sa_m>{_M})"
)
#: Turkish puts the month first: "Ağustos'un ilk iki haftası", "Mart ayının son on günü".
_SPAN_TR = (
    rf"(?P<st_m>{_M})(?:['’]?n?[ıiuü]n|\s+ay[ıi]n[ıi]n)\s+"
    rf"(?P<st_h>(?:ilk|son)\s+{_SPAN_N}\s+(?:hafta|gün))\w*"
)

#: The first or last N weeks or days of a month, with its year when written: an interval.
#: Searched apart, only around its unit's words (:func:`._find._month_spans`): in the
#: finder's one expression its many first letters (every number word's) cost a tenth of it.
_MONTH_SPAN = (
    rf"(?:\b|(?<=\b[وفبل]))(?:(?:{_SPAN_HEAD})(?:,?\s+{_YEAR_WORD}(?P<sp_y>{_Y}))?(?!\w)"
    rf"|\b(?:(?P<st_y>{_Y})\s+)?{_SPAN_TR})"
)
#: The unit words one of which every such span holds (folded, in lower case).
_SPAN_UNITS = (
    "weeks", "days", "semaines", "jours", "wochen", "tage", "hafta", "gün", "ايام", "اسابيع",
    "اسبوعين", "يومين",
)  # fmt: skip

# Ordered: the first alternative that matches at a position wins, so longer forms come first.
_PATTERNS: list[tuple[str, str]] = [
    # 2019-08-21, and the year first with slashes as SMART's pages date them: 2018/12/19,
    # or with dots as aggregators and East Asian pages do: 2020.02.17; a month or day of
    # one digit after a slash or a hyphen only ("2020/2/17"; "2020.1.2" is a version); the
    # same blank around every separator ("2012 . 03 . 06", "2015 / 05 / 21")
    (
        "iso",
        rf"\b(?P<iso_y>{_Y})(?P<iso_b>[ ]?)(?P<iso_s>[-/.])(?P=iso_b)"
        rf"(?P<iso_m>[01]\d|(?<!\.)[1-9])(?P=iso_b)(?P=iso_s)(?P=iso_b)"
        rf"(?P<iso_d>[0-3]\d|(?<!\.)[1-9])\b",
    ),
    (
        "dmy_range",
        rf"{_AFTER_CLITIC}(?P<r1_d1>{_D}){_DAY_LIST}{_SEP}(?P<r1_d2>{_D})"
        rf"\s+(?:of\s+|من\s+(?:شهر\s+)?)?(?P<r1_m>{_M})"
        rf"(?:,?\s+{_YEAR_WORD}(?P<r1_y>{_Y}))?\b",
    ),
    (
        "mdy_range",
        rf"\b(?P<r2_m>{_M})\s+(?P<r2_d1>{_D}){_DAY_LIST}\s*(?:-|–|to|through|and|&|و)\s*"
        rf"(?P<r2_d2>{_D})(?!\s+{_M1})(?:,?\s+(?P<r2_y>{_Y}))?\b(?!\s+{W.COUNT_NOUNS}\b)",
    ),
    (
        "dmy",
        rf"{_AFTER_CLITIC}(?P<a_d>{_D})(?:\s+(?:of\s+|de\s+|من\s+)?(?:شهر\s+)?|(?P<a_h>\s?[-/]\s?))"
        # "17-11-2017" with the month's name: "17-November-2017", "17-تشرين الثاني-2017",
        # "21/ديسمبر/2024", its two names joined by a hyphen too ("17-تشرين الثاني- نوفمبر"),
        # the year after a hyphen, a slash or a blank ("14-أيار 2018")
        rf"(?P<a_m>{_M}(?(a_h)(?:\s?-\s?{_M1})?))"
        rf"(?:(?(a_h)(?:\s?[-/]\s?|\s+)|,?\s+{_YEAR_WORD})(?P<a_y>{_Y})"
        rf"|{N.day_year_words('a_ys')})?"
        rf"(?:\b|(?<=\)))",
    ),
    # "في السابع والثامن من أيلول 2018": days as Arabic ordinals, a span (read as dmy_range)
    (
        "dmy_ar_range",
        rf"(?<!\w)(?P<or_d1>{_AR_ORD})(?:\s*[,،]\s*{_AR_ORD}|\s+و\s*{_AR_ORD}(?=\s*(?:[,،]|و)))*"
        rf"\s*(?:[,،]\s*)?(?:و|الي|حتي|-|–)\s*(?P<or_d2>{_AR_ORD})\s+من\s+(?:شهر\s+)?"
        rf"(?P<or_m>{_M})(?:,?\s+{_YEAR_WORD}(?P<or_y>{_Y}))?(?!\w)",
    ),
    # "في التاسع من أكتوبر 2019": the day as an Arabic ordinal (read as dmy)
    (
        "dmy_ar",
        # not the ordinal of a part of the month ("النصف الثاني من حزيران", the second half)
        r"(?<!النصف\s)(?<!الربع\s)(?<!الثلث\s)(?<!الاسبوع\s)(?<!الشطر\s)(?<!العشر\s)"
        rf"(?<!\w)(?P<o_d>{W.alternation(N.AR_ORDINALS)})\s+من\s+(?:شهر\s+)?(?P<o_m>{_M})"
        rf"(?:,?\s+{_YEAR_WORD}(?P<o_y>{_Y})|{N.day_year_words('o_ys')})?(?!\w)",
    ),
    # a day of the page's month, or of the month before or after it: see N.MONTH_FROM_PAGE
    # and a span of its days ("يومي 7 و8 من الشهر الجاري", "the 7th and 8th of last month")
    (
        "day_page_month",
        rf"{_AFTER_CLITIC}(?:(?P<pr_d1>{_AR_ORD}|{_D})(?:(?:\s*[,،]\s*|\s+و\s*)(?:{_AR_ORD}|{_D}))*"
        rf"\s*(?:[,،]\s*)?(?:-|–|to|and|و|الي|حتي)\s*)?(?:{N.DAY_OF_PAGE_MONTH})",
    ),
    (
        "mdy",
        rf"\b(?P<b_m>{_M})\s+(?P<b_d>{_D})(?!\d)(?:,?\s+(?P<b_y>{_Y})|{N.day_year_words('b_ys')})?\b",
    ),
    (
        "season",
        rf"\b(?:(?P<s_q>early|late|mid)[\s-]*)?(?P<s_s>{_SEASON})\s+(?:of\s+)?{_YEAR_WORD}"
        rf"(?P<s_y>{_Y})\b"
        # Turkish writes the year first: "2017 ilkbaharında", "2018 yılının yazında"
        rf"|\b(?P<s_ty>{_Y})\s+(?:yılı(?:nın)?\s+)?(?P<s_ts>{_TR_SEASON})(?:{_TR_CASE})?\b",
    ),
    # a season placed from the page's date: "this spring", "l'été dernier", "letzten Sommer",
    # "geçen kış", "الصيف الماضي", "ربيع العام الماضي", "im Sommer vergangenen Jahres"
    (
        "season_rel",
        rf"{_AR_CLITIC}(?:(?P<sr_b>{W.alternation(W.SEASON_WORDS_BEFORE)})\s+"
        rf"(?P<sr_s>{_SEASON})(?:{_TR_CASE})?"
        rf"|(?:l['’])?(?P<sr_t>{_SEASON})(?:\s+(?P<sr_a>{W.alternation(W.SEASON_WORDS_AFTER)})"
        rf"|\s+(?P<sr_y>{W.alternation(W.YEAR_SHIFT_WORDS)})))(?!\w)(?![\s,]*\d)",
    ),
    # a part of the year named from the page's ("بداية العام", "early this year", "Anfang
    # des Jahres", "yılın başında"): the year
    ("year_part", rf"{_AR_CLITIC}(?P<yp_w>{W.YEAR_PARTS})(?!\w)(?![\s,]*\d)"),
    # also after the Arabic "and" ("وحزيران 2019", and June 2019: round 23; not "باب 2019")
    ("my", rf"{_AR_CLITIC}(?<![بفل])(?P<c_m>{_M})\s+(?:of\s+)?{_YEAR_WORD}(?P<c_y>{_Y})\b"),
    # dd.mm.yyyy, dd/mm/yyyy, dd-mm-yyyy, a blank after each dot allowed ("11. 01. 2018"),
    # or around every separator ("04 . 08 . 2020", "26 / 04 / 2011");
    # the month first only when the day cannot be a month ("12/25/2019"), see _resolve
    (
        "numeric",
        rf"{_AFTER_CLITIC}(?P<n_d>[0-3]?\d)"
        rf"(?:(?P<n_dot>[ ]?\.[ ]?)|(?P<n_b>[ ]?)(?P<n_s>[/-])(?P=n_b))"
        rf"(?P<n_m>[0-3]?\d)(?(n_dot)[ ]?\.[ ]?|(?P=n_b)(?P=n_s)(?P=n_b))(?P<n_y>{_Y})"
        r"(?:\b|(?=[\u0621-\u064a]))"  # or run into the Arabic word after it: round 23
        rf"(?![-/.]\d)",
    ),
    (
        "weekday",
        rf"{_AR_CLITIC}(?:(?P<w_rel>last|next|this|on|late on|early on|{W.PAST_DAY_WORDS}"
        rf"|(?:am\s+)?(?:vergangenen|letzten|vorigen|kommenden|nächsten)|geçen|geçtiğimiz"
        rf"|gelecek|önümüzdeki"
        # "اليوم (الثلاثاء)": today's weekday in brackets; "اليوم (الثلاثاء 4 آب)" is
        # today and the written date beside it, two mentions (see _date_merge._apposed);
        # in quotes the same ("يوم أمس “الأربعاء”": round 24)
        rf"|{W.ARABIC_DAY_WORDS})(?:\s+\((?=\s*{_WD}\s*\))|\s+[“\"«]\s*(?={_WD}\s*[”\"»“])|\s+))?"
        rf"(?P<w_d>{_WD})(?:{W.DAY_PARTS}"
        # the Turkish night of one day to the next ("cumartesiyi pazara bağlayan gece"): the
        # first day, as the set marks a night
        r"|(?:yı|yi|yu|yü|ı|i|u|ü)(?=\s+\w+\s+bağlayan\s+gece))?\b"
        r"(?:\s+(?P<w_after>dernier|prochain|الماضي|الماضيه|الفائت|المقبل|المقبله|القادم"
        r"|القادمه)(?!\w))?",
    ),
    # Ramadan after a preposition ("during Ramadan", "في شهر رمضان", "ramazan ayında": a
    # name alone may be a person's), the two Eids, with or without their year
    (
        "feast",
        rf"{_AR_CLITIC}(?:(?P<fe_f>eid\s+al[- ]fitr|عيد\s+الفطر|ramazan\s+bayram[ıi]"
        r"|a[iï]d\s+(?:el|al)[- ]fitr)"
        r"|(?P<fe_a>eid\s+al[- ]adha|عيد\s+الاضحي|kurban\s+bayram[ıi]"
        r"|a[iï]d\s+(?:el|al)[- ](?:adha|k[ée]bir))"
        # "during the month of Ramadan", "pendant le mois de ramadan", "im Fastenmonat
        # Ramadan"; not after a word of fasting ("fasting during the holy month of Ramadan"
        # explains a custom, see _date_filters._custom)
        r"|(?:in|during|since|before|after|du|pendant|durant|depuis|le|au|im|während|seit"
        r"|vor|nach|شهر|في|خلال|منذ|حلول|قبل|بعد)\s+(?:(?:des|the)\s+)?"
        r"(?:(?:(?:muslim|islamic)\s+)?(?:holy\s+)?(?:fasting\s+)?month\s+of\s+"
        r"|(?:le\s+)?mois\s+(?:sacré\s+)?(?:de\s+|du\s+)|fastenmonats?\s+)?"
        r"(?P<fe_r>ramadan|ramadhan|ramazan|رمضان)"
        r"|(?P<fe_t>ramazan)(?=\s+ay|['’]|\s+boyunca)"
        # with its year the month is meant, a name would not have one: "Ramadan 2018"
        rf"|(?P<fe_ry>ramadan|ramadhan|ramazan|رمضان)(?=\s+{_Y}\b))"
        rf"(?:\s+(?P<fe_y>{_Y}))?(?!\w)",
    ),
    # a Friday of protest named in quotes ("في جمعة “بوتين مجرم حرب”"): a Friday
    ("friday", r"\bفي\s+(?P<f_d>جمعه)(?=\s*[“\"«])"),
    # "zwei Tage später", "trois jours plus tard", "iki gün sonra", "بعد ثلاثة أيام": counted
    # from the date before them (see _dates._anchor_later)
    (
        "later",
        rf"{_AR_CLITIC}(?:(?P<lt_n>{_ANY_NUMBER})\s+(?P<lt_u>{_UNIT})\s+(?P<lt_d>später|danach|darauf"
        r"|zuvor|früher|plus\s+tard|après|plus\s+tôt|auparavant|sonra)"
        r"|بعد\s+(?:(?P<lu_n>\d{1,2}|ثلاثه|اربعه|خمسه|سته|سبعه|ثمانيه|تسعه|عشره)\s+(?P<lu_u>ايام|اسابيع)"
        r"|(?P<lv_u>يومين|اسبوعين|اسبوع)))(?!\w)(?!\s+من)",
    ),
    (
        "ago",
        rf"{_AR_CLITIC}(?:vor\s+(?P<ga_n>{_ANY_NUMBER}|{_HALVES})\s+(?P<ga_u>{_UNIT})"
        rf"|il\s+y\s+a\s+(?P<gb_n>{_ANY_NUMBER})\s+(?P<gb_u>{_UNIT})(?P<gb_h>\s+et\s+demie?)?"
        rf"|(?P<gc_n>{_ANY_NUMBER})(?P<gc_h>\s+buçuk)?\s+(?P<gc_u>{_UNIT})\s+önce"
        # "a week and a half ago", "one and a half weeks ago"
        rf"|(?P<gg_n>{_NUMBER_WORDS})(?:\s+(?P<gg_u>day|week|month|year)s?(?P<gg_h>\s+and\s+a\s+half)"
        rf"|(?P<gh_h>\s+and\s+a\s+half)\s+(?P<gh_u>day|week|month|year)s)\s+ago"
        # "قبل نحو أسبوعين", about two weeks ago: the count as said
        rf"|قبل\s+(?:(?:نحو|حوالي|قرابه|زهاء)\s+)?(?:(?:ال)?(?P<gd_n>{_ANY_NUMBER})\s+(?P<gd_u>{_UNIT})"
        # the counted noun first, both with the article: "قبل السنوات الست" (round 26)
        rf"|ال(?P<gi_u>ايام|اسابيع|اشهر|شهور|سنوات|اعوام)\s+ال(?P<gi_n>{_ANY_NUMBER})"
        rf"|(?P<ge_u>يومين|اسبوعين|شهرين|عامين|سنتين)"
        # "قبل أسبوع ونصف", a week and a half ago: the unit alone is one; and "قبل أسبوع"
        # alone closing its clause or before a preposition (not "قبل شهر رمضان", "قبل عام 2011")
        rf"|(?P<gf_u>يوم|اسبوع|شهر|عام|سنه)(?=\s*و\s*نصف|\s*(?:[.,،؛:)\"»]|$)"
        r"|\s+(?:في|علي|عند|حين|عندما|اثر|جراء|بعد|و)\s))(?P<gd_h>\s*و\s*نصف)?)(?!\w)"
        # "قبل سبعة أشهر من الانتخابات" counts back from an event, not from the page
        r"(?!\s+(?:من|علي)\s+(?!الان(?!\w)))",
    ),
    (
        "anchored",
        r"\b(?:the\s+(?:previous|next|following)\s+day"
        r"|the\s+day\s+(?:before|after)(?=\s*[,.;:)]|\s+(?:and|when|as|while)\b)"
        # "the day before the visit": from the date of the event it names (_merge, round 25)
        r"|the\s+day\s+(?:before|after)\s+(?:the|his|her|its|their)\s+(?P<an_e>[a-z]{3,})\b"
        r"|(?:la\s+veille|le\s+lendemain)(?!\s+(?:de|du|des|d['’]))"
        r"|am\s+(?:vortag|nächsten\s+tag|folgenden\s+tag)(?!\s+(?:des|der|von)\b)"
        r"|tags\s+(?:zuvor|darauf)|ertesi\s+gün|bir\s+gün\s+(?:önce|sonra)"
        r"|اليوم\s+(?:السابق|التالي)(?!\s+(?:ل|من|علي))"
        # the day named before ("في ذلك اليوم", on that day: not today)
        r"|the\s+same\s+day|le\s+même\s+jour|am\s+(?:selben|gleichen)\s+tag|aynı\s+gün"
        # the night after (before) the day named before: that day (the day before), as the
        # set marks a night by the day it begins; the morning after it, the next day (round 26)
        # ("that night", "تلك الليلة" is the night the writer has in mind, 381: no date)
        r"|the\s+(?:following|next|same|previous)\s+(?:night|morning)"
        r"|la\s+nuit\s+(?:suivante|précédente)|in\s+der\s+(?:folgenden\s+nacht|nacht\s+darauf)"
        r"|am\s+(?:nächsten|folgenden)\s+morgen|ertesi\s+(?:gece|sabah)|aynı\s+gece"
        r"|الليله\s+(?:التاليه|السابقه|نفسها|ذاتها)"
        r"|(?:ذلك|ذات|نفس)\s+اليوم|اليوم\s+(?:نفسه|ذاته))(?!\w)",
    ),
    # the year or month after (before) the date named before it: "the following year",
    # "l'année suivante", "im folgenden Jahr", "im Jahr darauf", "ertesi yıl", "العام التالي"
    (
        "anchored_period",
        r"\b(?:the\s+(?P<ap_en>following|previous|preceding)\s+(?P<ap_enu>year|month)"
        r"|l['’](?P<ap_fy>année|an)\s+(?P<ap_fyd>suivante?|précédente?)"
        r"|le\s+(?P<ap_fm>mois)\s+(?P<ap_fmd>suivant|précédent)"
        r"|(?:im\s+)?(?P<ap_ded>folgenden|darauffolgenden|darauf\s+folgenden)\s+(?P<ap_deu>jahr|monat)"
        r"|im\s+(?P<ap_deu2>jahr|monat)\s+darauf"
        r"|ertesi\s+(?P<ap_tru>yıl|sene|ay)(?:ı|ında|ın)?"
        r"|(?P<ap_aru>العام|السنه|الشهر)\s+(?:التالي|التاليه|اللاحق|اللاحقه|الذي\s+تلاه|التي\s+تلتها)"
        # "the month before it" (round 23): "الشهر الذي سبقه", "السنة التي سبقتها"
        r"|(?P<ap_arb>العام|السنه|الشهر)\s+(?:الذي\s+(?:سبقه|سبقها|قبله)|التي\s+(?:سبقته|سبقتها))"
        # the month or year of the date named before: "earlier that month", "that same
        # year", "le même mois", "im selben Jahr", "aynı yıl", "في الشهر نفسه", "ذلك العام"
        r"|(?:(?:earlier|later)\s+(?:in\s+)?that|that\s+same|the\s+same)\s+(?P<ap_su>month|year)"
        r"|(?:le|la)\s+même\s+(?P<ap_sf>mois|année)|im\s+(?:selben|gleichen)\s+(?P<ap_sd>monat|jahr)"
        r"|aynı\s+(?P<ap_st>yıl|ay)(?:ın|ında|da)?"
        r"|(?:(?:في|خلال)\s+)?(?:(?:نفس|ذات)\s+(?P<ap_sa>العام|السنه|الشهر)"
        r"|(?P<ap_sa2>العام|السنه|الشهر)\s+(?:نفسه|نفسها|ذاته|ذاتها)|ذلك\s+(?P<ap_sa3>العام|الشهر)"
        r"|تلك\s+(?P<ap_sa4>السنه)))"
        r"(?!\w)",
    ),
    (
        "relative",
        rf"{_AR_CLITIC}(?:(?:the\s+)?day before yesterday|(?:the\s+)?day after tomorrow|yesterday"
        rf"|today"
        rf"|tonight|tomorrow|last night"
        rf"|this (?:morning|afternoon|evening)"
        rf"|(?:{_NUMBER_WORDS})\s+(?:days?|weeks?|months?|years?)\s+(?:ago|later|earlier)"
        rf"|(?:last|next|this|past)\s+(?:week|month|year|weekend)|(?:the|this|last|next)\s+weekend"
        rf"|(?:earlier|later)\s+this\s+(?:week|month|year)|{_REL_WORDS})\b",
    ),
    (
        "month",
        rf"{_AR_CLITIC}{_MONTH_LEAD}[\s-]+(?:شهري?\s+)?(?!{_M_DASH}\s+{_YEAR_WORD}\d)(?P<m_m>{_M})"
        # not a month of a date with its year ("مايو (أيار) عام 2018", "in June of 2016": "my")
        rf"(?!\.?{_M2}?[\s/]*(?:of\s+)?{_YEAR_WORD}\d)(?!\s*/)(?:\b|(?<=\))){_MONTH_YEAR_WORDS}?",
    ),
    (
        "years",
        # "from 2014 to 2016", "De 2014 à 2016", "von 2014 bis 2016": one span of years
        # ("between 2017 and 2019" stays two years, as the written texts mark it)
        rf"(?:\b(?:from|de|von|depuis)|من|منذ)\s+(?P<yy_a>{_Y})\s*"
        rf"(?:-|–|to|until|à|au|bis|الي|حتي)\s*(?P<yy_b>{_Y})\b(?![-/.,]\d)"
        # years before 1800 ("who held it from 1142 to 1271, when"), not a count changing
        # ("rose from 1200 to 1500", "from 1200 to 1500 people"): closing their clause
        rf"|{_NOT_A_CHANGE}\b(?:from|de|von)\s+(?P<yo_a>{_OLD_Y})\s*(?:-|–|to|until|à|au|bis)"
        rf"\s*(?P<yo_b>{_OLD_Y})(?=\s*(?:[.,;:)]|$)|\s+(?:when|where|until|before|after|and"
        rf"|lorsque|quand|als|bis)\b)",
    ),
    ("year_words", rf"{_AR_CLITIC}(?:عام|سنه|العام)\s+(?P<yw_y>{N.ARABIC_YEAR})(?!\w)"),
    # a Turkish month with its case ending or "ayında" ("Mart'ta", "Ekim ayında", "Ekim başında")
    (
        "month_tr",
        rf"\b(?P<mt_m>{W.alternation(W.TURKISH_MONTHS)})(?=\s+ay(?:ı|ın|ında|ından|ına|ının)\b"
        r"|['’](?:da|de|ta|te|dan|den|tan|ten|a|e|ı|i)\b"
        r"|\s+(?:başı|başında|sonu|sonunda|ortası|ortasında)\b)",
    ),
    (
        "year",
        rf"{_AR_CLITIC}(?:(?:in|since|until|by|from|before|after|during|throughout|early|late|of"
        rf"|mid|between|عام|سنه|العام|en|im|seit|depuis"
        # the same words in Arabic, French, German ("في 2017", "أواخر 2017", "fin 2018",
        # "au début de 2017", "im Jahr 2016", "Anfang 2018")
        r"|في|منذ|خلال|حتي|الي|قبل|بعد|بين|مطلع|اواخر|اوائل|اواسط|منتصف|بدايه|نهايه"
        r"|عامي|سنتي"  # the years of a pair: "بين عامي 2018 و2019"
        r"|(?:fin|début|courant|milieu)(?:\s+de)?|mi|im\s+jahre?|anfang|ende|mitte"
        rf"|(?<=\d\d\d\d )(?:and|to|until))[\s-]+"
        r"|(?<=\d\d\d\d\s)و\s*)"  # "بين 2014 و2016": the second year
        rf"(?P<y_y>{_Y})\b(?![-/.,]\d)"
        rf"(?!\s+(?:{W.AR_COUNT_NOUNS})(?!\w))",
    ),
    # Turkish puts its case on the year ("2018'de", "2011'den bu yana", "2016 yılında"), not
    # on a count ("2000'den fazla kişi")
    (
        "year_tr",
        rf"\b(?P<yt_y>{_Y})(?=\s+yıl(?:ı|ında|ının|ından|ına)\b|['’](?:de|da|te|ta|den|dan"
        r"|ten|tan|e|a|ye|ya|in|ın|un|ün|nin|nın)\b(?!\s+(?:fazla|az|kişi|sivil|kadar)\b))",
    ),
    # German puts a bare year after its verb, before the object ("Die Türkei hatte 2016 den
    # Einsatz gestartet"); a count has its noun, capitalised, after it ("hatte 2000 Soldaten"); not
    # "die" nor "des", English and French words too ("some 2016 die", "quelque 2000 des")
    (
        "year_de",
        rf"(?<=[a-zäöüß]\s)(?P<yd_y>{_Y})(?=\s+(?:den|das|der|dem|ein|eine|einen|einem"
        r"|eines|erstmals|erneut|bereits|zum\s+ersten)\s)",
    ),
    # a year alone after an Arabic noun, closing its phrase ("منذ اتفاق التسوية 2018."):
    # a count would have its noun after it ("2018 شخصا")
    (
        "year_bare",
        rf"(?<=[\u0621-\u064a]\s)(?P<yb_y>{_Y})(?=\s*(?:م(?!\w))?\s*(?:[.،,؛:)]|\n|$))",
    ),
    # a year before its noun ("a 1974 demilitarized zone", "the 2018 Sochi deal"), not a
    # count ("the 2000 people")
    (
        "year_attr",
        rf"\b(?:a|an|the)\s+(?P<ya_y>19\d\d|20[0-3]\d)(?=\s+(?!{W.COUNT_NOUNS}\b)[a-z])",
    ),
    # a year closing a caption after a comma ("… of Syria, 2016. © AFP")
    (
        "year_caption",
        rf"(?<=[^\W\d_],\s)(?P<yc_y>{_Y})(?=\.(?:\s|$)|\s*©|\s*\n)",
    ),
    ("time", rf"\b(?P<t_t>{_TIME})(?![\w:])"),
]
#: Every pattern starts at a word's edge, or right after an Arabic clitic glued to its
#: first word ("وعام 2017", "وليلة الأحد"), or at digits run into an Arabic word
#: ("الجمعة17"): the engine tries the alternatives only there.
_PREFIX = r"(?:\b|(?<=\b[وفبل])|(?=\d)(?<=[\u0621-\u064a]))"
#: The alternatives as :func:`W.caseless` compiles them (their letters beyond ASCII in lower
#: case), each behind a look-ahead on its first characters by :mod:`._date_scan` (compiled
#: on first use): without, the finder is twice as slow.
_ALTERNATIVES = tuple(
    (k, p.translate({c: v for c, v in W.CASELESS.items() if c > 127})) for k, p in _PATTERNS
)
_FULL = {"dmy", "mdy", "iso", "numeric", "dmy_range", "mdy_range"}
_YEARLESS = {
    "dmy",
    "mdy",
    "dmy_range",
    "mdy_range",
    "month",
    "month_tr",
    "month_span",
}  # "may" and "march" are also verbs: want a capital

# what may stand between a time and a date it belongs to ("00:01 on Friday", "6 March at 06:00")
_TIME_GLUE = re.compile(
    r"^[\s,()]*(?:on|at|of|le|am|um|à|local time|\(local time\)|hours|GMT|,|\s|\(|\))*"
    r"[\s,()]*$",
    re.IGNORECASE,
)
_RANGE_GLUE = re.compile(
    r"^\s*(?:-|–|—|to|until|till|through|and|au|bis|et|und|حتى|حتي|إلى|الى|لغاية|و)\s*$",
    re.IGNORECASE,
)
_RANGE_OPENER = re.compile(r"(?:from|between|entre|zwischen|من|بين)\s+$", re.IGNORECASE)
_FUTURE = re.compile(
    r"\b(?:will|shall|would start|is to|are to|due|expected|scheduled|planned|plans|next"
    r"|upcoming|wird|werden|sera|seront|سوف|المقبل|القادم)\b"
    # the French simple future of the third person ("entrera", "commenceront", "tiendra",
    # "aura", "devra") and the Turkish future ("başlayacak", "girecek")
    r"|\b(?!(?:camera|cameras|opera|operas|cholera|chimera|caldera|ephemera|tempera)\b)"
    r"[a-zàâçéèêëîïôûù]{3,}(?:era|eront|ira|iront|dra|dront)\b"
    r"|\b(?:aura|auront|fera|feront|devra|devront|pourra|pourront)\b"
    r"|\b\w{2,}(?:acak|ecek)(?:tır|tir|lar|ler)?\b",
    re.IGNORECASE,
)

# "from 00:01 on Friday", "starting Monday": a start or a deadline, said ahead of it
_STARTS = re.compile(
    r"\b(?:from|starting|as of|effective|until|till|by|beginning|starts?|begins?|takes? effect)"
    r"\b[^.;]{0,16}$",
    re.IGNORECASE,
)
_LATER = re.compile(
    rf"^(?P<n>{_NUMBER_WORDS})\s+(?P<u>day|week|month|year)s?\s+(?P<d>later|earlier)$"
)
_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}
_NUMBERS.update({w: n for w, n in W.NUMBERS.items() if re.fullmatch(_NUMBER_WORDS, w)})


@dataclass
class _Cand:
    kind: str
    start: int
    end: int
    groups: dict[str, str]
