"""Round 15 of issue 16, item 2: the dates heldout14 missed (passages 268-303), each rule
tested on the real sentence of its passage (benchmarks/geoparse_real/) and on sentences made
for the general form (other languages, other units, the readings a rule must not take);
then date forms of Syrian war news the code did not read before (item 3)."""

from __future__ import annotations

import datetime as dt

import geozones

#: A Monday, the page's date of the sentences made for the general forms.
PAGE = dt.date(2019, 7, 22)


def _dates(text: str, published: dt.date | str | None = None) -> list[tuple[str, str | None]]:
    return [(d.text, d.iso) for d in geozones.extract(text, published=published).dates]


def test_a_month_with_its_other_name_in_brackets():
    # Independent Arabia (301): the Egyptian name, the Levantine one in brackets, the year
    text = (
        'وفق ما أفادت وكالة الأنباء الرسمية "سانا" اليوم الاثنين 22 يوليو (تموز) 2019، في '
        "تفجير تبنّاه تنظيم داعش، وهو الأول له منذ طرده من العاصمة السورية في مايو (أيار) "
        "عام 2018."
    )
    assert _dates(text, dt.date(2019, 7, 22)) == [
        ("اليوم الاثنين 22 يوليو (تموز) 2019", "2019-07-22"),
        ("مايو (أيار) عام 2018", "2018-05"),
    ]
    # the other order, a day without the year, a month counted from the page
    got = _dates(
        "قتل مدني في تموز (يوليو) 2018، وفي 24 يناير (كانون الثاني) 2019، وفي مايو (أيار) الماضي.",
        PAGE,
    )
    assert got == [
        ("تموز (يوليو) 2018", "2018-07"),
        ("24 يناير (كانون الثاني) 2019", "2019-01-24"),
        ("مايو (أيار)", "2019-05"),
    ]
    # a bracket after a month that holds no month is not taken
    assert _dates("في أيار (مايو) 2017 و(آذار) 2018", PAGE)[0] == ("أيار (مايو) 2017", "2017-05")


def test_the_year_or_month_after_the_date_named_before():
    # Naharnet relaying AFP (271), a page without date: 2014, from "March 2013"
    text = (
        "The rebellion spread in March 2013 to the province. The following year the rebel "
        "fighters and jihadists expanded their zone of control."
    )
    assert _dates(text) == [("March 2013", "2013-03"), ("The following year", "2014")]
    for sentence, word in [
        ("L'armée a pris la ville en mars 2013. L'année suivante, les rebelles sont revenus.",
         "L'année suivante"),
        ("Die Armee nahm die Stadt im März 2013 ein. Im folgenden Jahr kehrten sie zurück.",
         "Im folgenden Jahr"),
        ("Ordu şehri Mart 2013'te aldı. Ertesi yıl isyancılar geri döndü.", "Ertesi yıl"),
        ("سيطر الجيش على المدينة في آذار 2013. وفي العام التالي عاد المقاتلون.", "العام التالي"),
    ]:  # fmt: skip
        assert _dates(sentence, PAGE)[1] == (word, "2014")
    # a month after a month, the year before a year, and counts of years after a month
    assert _dates("In March 2013 they came; the following month they left.")[1] == (
        "the following month",
        "2013-04",
    )
    assert _dates("The town fell in 2013. The previous year they had left.")[1] == (
        "The previous year",
        "2012",
    )
    assert _dates("The town fell in March 2013. A year later they returned.")[1] == (
        "A year later",
        "2014-03",
    )
    assert _dates("Die Stadt fiel im März 2013. Zwei Jahre später kehrten sie zurück.")[1] == (
        "Zwei Jahre später",
        "2015-03",
    )
    # with no date before it, nothing to count from: no date, not a guess
    assert _dates("The following year the rebels returned.") == []


def test_german_tomorrow_and_not_the_morning():
    # ORF (296), a page of Sunday 29 April 2018
    text = (
        "Ab morgen würden „terroristische Gruppen“ aus Jarmuk in die von Rebellen "
        "kontrollierten Gebiete gebracht."
    )
    assert _dates(text, dt.date(2018, 4, 29)) == [("morgen", "2018-04-30")]
    assert _dates("Die Kämpfer sollen übermorgen abziehen.", PAGE) == [("übermorgen", "2019-07-24")]
    assert _dates("Morgen sollen die Kämpfer abziehen.", PAGE) == [("Morgen", "2019-07-23")]
    # the noun, and the old spelling of "this morning", "Friday morning"
    for sentence in ("Am Morgen griff die Armee an.", "Jeden Morgen fielen Bomben."):
        assert _dates(sentence, PAGE) == []
    assert _dates("Die Armee griff heute morgen an.", PAGE) == [("heute", "2019-07-22")]
    assert _dates("Die Armee griff am Freitag morgen an.", PAGE) == [("Freitag", "2019-07-19")]


def test_a_count_with_a_half_before_the_page():
    # ORF (296): a week and a half before Sunday 29 April 2018 is about the 18th
    text = (
        "Die syrische Armee hatte vor anderthalb Wochen eine Offensive gestartet, um die "
        "IS-Miliz aus den südlichen Vororten von Damaskus zu vertreiben."
    )
    assert _dates(text, dt.date(2018, 4, 29)) == [("vor anderthalb Wochen", "2018-04-18")]
    for sentence, words in [
        ("Die Armee hatte vor eineinhalb Wochen angegriffen.", "vor eineinhalb Wochen"),
        ("The army attacked a week and a half ago.", "a week and a half ago"),
        ("The army attacked one and a half weeks ago.", "one and a half weeks ago"),
        ("L'armée a attaqué il y a une semaine et demie.", "il y a une semaine et demie"),
        ("Ordu bir buçuk hafta önce saldırdı.", "bir buçuk hafta önce"),
        ("هاجم الجيش البلدة قبل أسبوع ونصف.", "قبل أسبوع ونصف"),
    ]:  # fmt: skip
        assert _dates(sentence, PAGE) == [(words, "2019-07-11")]
    # a year and a half: the month it falls in; whole counts as before
    assert _dates("L'armée a attaqué il y a un an et demi.", PAGE) == [
        ("il y a un an et demi", "2018-01")
    ]
    assert _dates("Die Armee hatte vor zwei Wochen angegriffen.", PAGE) == [
        ("vor zwei Wochen", "2019-07-08/2019-07-14")
    ]


def test_since_a_month_is_the_last_one_before_the_page():
    # Live News Chat (277), a page of June 2017 (its month only): November 2016
    text = (
        "The SDF has been advancing on the ISIS stronghold since November, and its forces "
        "now have Raqqa surrounded on three sides."
    )
    assert _dates(text, "2017-06") == [("November", "2016-11")]
    for sentence, words in [
        ("Die SDF rücken seit November auf die Stadt vor.", "November"),
        ("Depuis novembre, les FDS avancent vers la ville.", "novembre"),
        ("قوات سوريا الديمقراطية تتقدم منذ تشرين الثاني نحو المدينة.", "تشرين الثاني"),
        ("SDG Kasım'dan bu yana kente ilerliyor.", "Kasım"),
        ("SDG Kasım ayından beri kente ilerliyor.", "Kasım"),
        ("Die Armee belagert die Stadt seit Ende November.", "Ende November"),
    ]:  # fmt: skip
        assert _dates(sentence, PAGE) == [(words, "2018-11")]
    assert _dates("The army has besieged the town since 5 December.", PAGE) == [
        ("5 December", "2018-12-05")
    ]
    # a month before the page's stays in its year; without "since" the nearest is kept
    assert _dates("The SDF has been advancing since June.", PAGE) == [("June", "2019-06")]
    assert _dates("The talks will resume in November.", PAGE) == [("November", "2019-11")]


def test_a_weekday_with_its_word_of_the_past_and_its_date():
    # Al-Murasil (303), no date on the page: the written date settles the day
    text = (
        "أول حادثة استهداف ضمن المدينة لأحد أبرز القادة في مجموعات الفيلق في بصرى الشام يوم "
        "السبت الماضي 18 سبتمبر 2020 حيث انفجرت عبوة ناسفة"
    )
    assert _dates(text) == [("يوم السبت الماضي 18 سبتمبر 2020", "2020-09-18")]
    assert _dates("Die Armee eroberte die Stadt am Samstag, dem 20. Juli.", PAGE) == [
        ("Samstag, dem 20. Juli", "2019-07-20")
    ]
    assert _dates("L'armée a pris la ville samedi dernier, le 20 juillet.", PAGE) == [
        ("samedi dernier, le 20 juillet", "2019-07-20")
    ]
    # a weekday alone is still the last one
    assert _dates("قتل ثلاثة مدنيين يوم السبت الماضي في قصف.", PAGE) == [
        ("يوم السبت الماضي", "2019-07-20")
    ]


def test_today_as_the_last_word_of_a_broadcasters_name():
    # Youm7 (282), a page of Tuesday 16 May 2017: "(روسيا اليوم)" is RT, not today
    text = (
        "أفاد ناشطون سوريون اليوم الثلاثاء، بأن قوات سوريا الديمقراطية سيطرت على قرية رقة "
        "سمرة. وأضافت قناة (روسيا اليوم) الإخبارية أن ذلك التقدم يأتى وسط تواصل المعارك."
    )
    assert _dates(text, dt.date(2017, 5, 16)) == [("اليوم الثلاثاء", "2017-05-16")]
    assert _dates("وأفادت قناة روسيا اليوم بأن الجيش تقدم، وقال موقع حلب اليوم إن", PAGE) == []
    # a medium named with its article: "today" is the date
    assert _dates("وقالت صحيفة الوطن اليوم إن الجيش تقدم.", PAGE) == [("اليوم", "2019-07-22")]


def test_the_weeks_a_reader_resolves():
    # The Daily Star (269), 21 April 2017: the page's week (gold fixed in round 15)
    text = "The army's capture earlier this week of Suran, a town just east of the highway"
    assert _dates(text, dt.date(2017, 4, 21)) == [("earlier this week", "2017-04-17/2017-04-23")]
    # Harz Kurier (278), no date on the page: a week whose days are unknown
    text = "Russland und Syrien hatten in der vergangene Woche die Luftangriffe reduziert."
    assert [(d.text, d.resolved) for d in geozones.extract(text).dates] == [
        ("vergangene Woche", False)
    ]


def test_more_forms_of_syrian_war_news():
    """Item 3: forms a reader meets in the five languages, each read."""
    cases = [
        ("The talks began on the 15th of March.", [("15th of March", "2019-03-15")]),
        ("Fighting raged on 15-16 March in Idlib.", [("15-16 March", "2019-03-15/2019-03-16")]),
        ("The offensive is expected by mid-2019.", [("2019", "2019")]),
        ("Ramadan 2018 was calm in Idlib.", [("Ramadan 2018", "2018-05-16/2018-06-14")]),
        ("قصفت الطائرات المدينة في أواسط الشهر الجاري.", [("الشهر الجاري", "2019-07")]),
        ("Rejim güçleri geçtiğimiz cuma köye saldırdı.", [("geçtiğimiz cuma", "2019-07-19")]),
        ("Die Armee griff in der Nacht zum Sonntag an.", [("Sonntag", "2019-07-21")]),
        ("Die Armee eroberte Ende Mai das Dorf.", [("Ende Mai", "2019-05")]),
        ("Die Armee hatte vergangene Woche das Dorf erobert.",
         [("vergangene Woche", "2019-07-15/2019-07-21")]),
        ("Mitte vergangener Woche rückte die Armee vor.",
         [("vergangener Woche", "2019-07-15/2019-07-21")]),
        ("Ende vergangenen Monats rückte die Armee vor.", [("vergangenen Monats", "2019-06")]),
        ("Geçen ayın sonunda ordu ilerledi.", [("Geçen ayın", "2019-06")]),
        ("Bu haftanın başında ordu ilerledi.", [("Bu haftanın", "2019-07-22/2019-07-28")]),
        ("Sie rückte vom 16. bis 18. Juli vor.", [("16. bis 18. Juli", "2019-07-16/2019-07-18")]),
        ("L'armée a avancé du 16 au 18 juillet.", [("16 au 18 juillet", "2019-07-16/2019-07-18")]),
        ("قتل مدنيون في 5 و6 آذار الجاري.", [("5 و6 آذار", "2019-03-05/2019-03-06")]),
    ]  # fmt: skip
    for sentence, want in cases:
        assert _dates(sentence, PAGE) == want, sentence
    # the two weekdays of a night, each its day, as the set marks them (199)
    assert _dates("Dans la nuit de samedi à dimanche, l'armée a bombardé.", PAGE) == [
        ("samedi", "2019-07-20"),
        ("dimanche", "2019-07-21"),
    ]
    # a man named Ramadan is no month
    assert _dates("Mohammed Ramadan said the army advanced.", PAGE) == []


def test_a_day_in_a_clause_of_the_past_in_german_and_turkish():
    """A day months after the page is the one before it when its clause tells the past: the
    German perfect ("hat … erobert", "ist … gefallen"), more verbs of news ("rückte"), a
    Turkish clause known by its case ending after an apostrophe ("3 Ocak'ta ilerledi");
    the dot of "3. Januar" ends no sentence."""
    for sentence in (
        "Die Armee hat am 3. Januar die Stadt erobert.",
        "Die Stadt ist am 3. Januar gefallen.",
        "Die Armee rückte am 3. Januar vor.",
        "Ordu 3 Ocak'ta ilerledi.",
    ):
        assert [iso for _, iso in _dates(sentence, PAGE)] == ["2019-01-03"], sentence
    for sentence in (
        "Die Armee wird am 3. Januar die Stadt angreifen.",
        "Die Armee hat angekündigt, am 3. Januar anzugreifen.",
        "Ordu 3 Ocak'ta ilerleyecek.",
    ):
        assert [iso for _, iso in _dates(sentence, PAGE)] == ["2020-01-03"], sentence


def test_the_weekend_in_other_languages():
    weekend = "2019-07-20/2019-07-21"
    for sentence, words in [
        ("Ordu hafta sonu ilerledi.", "hafta sonu"),
        ("Die Armee rückte am Wochenende vor.", "am Wochenende"),
        ("L'armée a avancé le week-end dernier.", "le week-end dernier"),
        ("قتل مدنيون في عطلة نهاية الأسبوع.", "عطلة نهاية الأسبوع"),
    ]:  # fmt: skip
        assert _dates(sentence, PAGE) == [(words, weekend)]


def test_a_date_counted_from_a_guessed_year_says_so():
    # "fin avril" after "septembre 2018" on a page without date is a reader's guess of its
    # year (2019); the month after it is as uncertain, and says so
    text = (
        "Alors que la Turquie et la Russie ont conclu en septembre 2018 un accord, l'aviation "
        "a intensifié depuis fin avril. Le mois suivant, les rebelles ont reculé."
    )
    got = [(d.text, d.iso, d.year_known) for d in geozones.extract(text).dates]
    assert got == [
        ("septembre 2018", "2018-09", True),
        ("fin avril", "2019-04", False),
        ("Le mois suivant", "2019-05", False),
    ]


def test_a_day_of_the_pages_month_or_the_month_before():
    cases = [
        ("قتل مدنيون في العاشر من الشهر الجاري.", "العاشر من الشهر الجاري", "2019-07-10"),
        ("قتل مدنيون في 5 من الشهر الجاري.", "5 من الشهر الجاري", "2019-07-05"),
        ("قتل مدنيون في الخامس من الشهر الماضي.", "الخامس من الشهر الماضي", "2019-06-05"),
        ("Ordu geçen ayın 5'inde ilerledi.", "geçen ayın 5'inde", "2019-06-05"),
        ("Ordu bu ayın 12'sinde ilerledi.", "bu ayın 12'sinde", "2019-07-12"),
        ("Die Armee rückte am 5. vergangenen Monats vor.", "5. vergangenen Monats", "2019-06-05"),
        ("L'armée a avancé le 5 du mois dernier.", "5 du mois dernier", "2019-06-05"),
        ("The army advanced on the 10th of this month.", "10th of this month", "2019-07-10"),
    ]  # fmt: skip
    for sentence, words, iso in cases:
        assert _dates(sentence, PAGE) == [(words, iso)], sentence
    # a count before "last month" is no day; without a page date the day is unknown
    assert _dates("The army killed 5 last month.", PAGE) == [("last month", "2019-06")]
    assert _dates("قتل 5 الشهر الماضي.", PAGE) == [("الشهر الماضي", "2019-06")]
    assert _dates("قتل مدنيون في العاشر من الشهر الجاري.") == [("العاشر من الشهر الجاري", None)]


def test_a_day_and_month_with_the_words_of_its_year():
    cases = [
        ("قتل مدنيون في 25 آب من العام الماضي.", "25 آب من العام الماضي", "2018-08-25"),
        ("قتل مدنيون في الخامس من آب من العام الماضي.", "الخامس من آب من العام الماضي",
         "2018-08-05"),
        ("The army advanced on March 5 last year.", "March 5 last year", "2018-03-05"),
        ("L'armée a avancé le 3 mai de l'an dernier.", "3 mai de l'an dernier", "2018-05-03"),
        ("Die Armee rückte am 5. März vergangenen Jahres vor.", "5. März vergangenen Jahres",
         "2018-03-05"),
        ("The talks resume on 5 March next year.", "5 March next year", "2020-03-05"),
    ]  # fmt: skip
    for sentence, words, iso in cases:
        assert _dates(sentence, PAGE) == [(words, iso)], sentence


def test_a_weekday_right_after_its_day_or_joined_by_al_muwafiq():
    assert _dates("Ordu 5 Mart Perşembe günü ilerledi.", PAGE) == [
        ("5 Mart Perşembe", "2019-03-05")
    ]
    assert _dates("قتل مدنيون يوم الخميس الماضي الموافق 18 تموز.", PAGE) == [
        ("يوم الخميس الماضي الموافق 18 تموز", "2019-07-18")
    ]
    # a weekday of another sentence or clause stays its own day
    assert _dates("The army advanced on March 5. Thursday was calm.", PAGE) == [
        ("March 5", "2019-03-05"),
        ("Thursday", "2019-07-18"),
    ]
