"""Names of persons and organisations that hold a place word, found by general rules.

Complements :mod:`._context` (titles and organisation words in Latin script):

* a capitalised sequence that starts with a common given name ("Rami Abdel Rahman",
  "Mustafa Bali") is a person, and so is an Arabic given name after a verb of speech
  ("قال رامي عبد الرحمن");
* an Arabic title (الرئيس، الوزير، اللواء، العميد، المتحدث باسم …) followed, after the
  words that qualify it (الخارجية الروسية), by a name is a person;
* an Arabic organisation word (وكالة، هيئة، جبهة، حركة، فيلق، جيش، مجلس، قوات …) heads
  the name of an organisation ("هيئة تحرير الشام", "وكالة هاوار", "مجلس منبج العسكري",
  قوات "سوريا الديمقراطية" with its name in quotes), and the town after "لمدينة" with
  "وريفها" belongs to it ("المجلس العسكري لمدينة منبج وريفها");
* an office word (مركز، مكتب، مديرية) heads an organisation's name when a definite adjective
  in -ي/-ية closes a construct with one name ("مركز إدلب الإعلامي", the Idlib Media Centre),
  or when definite nouns of its field are followed by "في"/"ب" and one word ("مديرية
  التربية والتعليم في إدلب"): the place in it is a word of the name;
* an outlet named in quotes after "مراسل" (reporter) is that outlet ("مراسل “حلب اليوم”":
  Halab Today, not Aleppo and a date);
* a nationality adjective written without the article after a noun it qualifies
  ("مصادر سورية", Syrian sources) is no country;
* an Arabic given name followed by a family name with the article ("بشار الأسد") is a
  person, unless a place noun comes before it ("الشيخ مصطفى", "تل حسن"); a title after
  the contracted "لل" ("للرئيس السوري …") is read like any other.

Dateline credits and organisations whose name ends with a place are in :mod:`._org_names`.

A place name inside such a span is not a place. The given names come from the neutral
list ``given_name`` of ``data/geoparse/entities.yaml``.
"""

from __future__ import annotations

import bisect
import functools
import re

from ._context import Entity, known_entities

_AR = r"[\u0621-\u064a\u0671-\u06d3\u0640]+"
_AR_WORD = re.compile(_AR)
#: Arabic letters a word key folds (alef forms, ta marbuta, alef maqsura; tatweel dropped).
AR_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ـ": None, "ة": "ه", "ى": "ي"})

#: Arabic titles that put a person's name after them (the article optional).
AR_TITLES = frozenset(
    """رئيس وزير لواء عميد عقيد عماد مقدم رائد نقيب ملازم فريق سيد سيده دكتور متحدث ناطق
    مدير قائد مبعوث سفير صحفي ناشط مراسل محلل نائب امين مستشار""".split()
)
#: Words that qualify a title before the name ("المتحدث باسم الخارجية الروسية …").
_AR_QUALIFIERS = frozenset("باسم خارجيه دفاع داخليه اركان عام العام".split())
#: Indefinite nouns of a public sector after a title, the province after them: "مدير صحة
#: اللاذقية" (Latakia's director of health), "مدير زراعة حماة".
_AR_SECTORS = frozenset("صحه زراعه تربيه اوقاف كهرباء مياه اتصالات سياحه صناعه تموين".split())
#: Nouns after a title that make it an institution's, not a person's ("قائد شرطة حلب").
_AR_INSTITUTIONS = frozenset(
    "شرطه بلديه مدينه محافظه منطقه ريف مجلس فرع قوات جيش هيئه مكتب مركز مطار".split()
)
#: Arabic words that head an organisation's name (the article optional).
AR_ORG_HEADS = frozenset(
    """وكاله قناه صحيفه جريده شبكه هيئه جبهه حركه لواء فيلق جيش كتائب سرايا فرقه تجمع
    تنظيم حزب مجلس منظمه مرصد قوات تنسيقيه فوج""".split()
)
#: Words that end a name after a title or an organisation word.
_AR_STOP = frozenset(
    """في من على علي الى إلى عن مع بين ضد عبر خلال بعد قبل حول لدى منذ حتى عند التي الذي
    الذين ان إن أن انه إنه أنه قد لقد كما اليوم امس يوم""".split()
)
#: Adverbs of place that open no name after a title: "الناشط الموجود داخل عين ترما" (the
#: activist who is inside Ein Terma); "خلف", "امام" are also given names and stay out.
_AR_LOCATIVE = frozenset("داخل خارج قرب بقرب عند حول وسط بين قبالة لدي".split())
#: Arabic verbs of speech that put the speaker's name after them.
_AR_SPEECH = frozenset(
    """قال قالت صرح صرحت اكد اكدت اوضح اوضحت اضاف اضافت اعلن اعلنت افاد افادت اشار اشارت
    ذكر ذكرت""".split()
)
#: Nouns that a nationality adjective without the article qualifies ("مصادر سورية").
_AR_QUALIFIED = frozenset(
    """مصادر مصدر قوات وحدات فصائل طائرات مقاتلات دبابات مدفعيه حكومه جهات اراض اراضي مدن
    قري بلدات مدينه قريه بلده وسائل صحيفه وكاله قناه مسؤولين مسؤول معارضه فصائل""".split()
)
#: Adjectives that, without the article, are spelled like a country ("سورية").
_AR_ADJ_AS_COUNTRY = frozenset({"سوريه"})


def _ar_key(word: str) -> str:
    """An Arabic word without its proclitics (و ب ل ف) and article, alef/ta-marbuta folded
    ("للرئيس", li- before the article, is written with one alef less: "رئيس")."""
    w = word.translate(AR_FOLD)
    if len(w) > 4 and w[0] in "وف" and w[1:3] == "لل":
        w = w[1:]
    if len(w) > 3 and w.startswith("لل"):
        return w[2:]
    if len(w) > 3 and w[0] in "وبلف" and w[1:3] == "ال":
        w = w[1:]
    if len(w) > 4 and w.startswith("ال"):
        w = w[2:]
    return w


def _in(key: str, words: frozenset[str]) -> bool:
    """Whether ``key`` is one of ``words``, a one-letter proclitic (و ف ب ل) aside."""
    return key in words or (len(key) > 3 and key[0] in "وفبل" and key[1:] in words)


@functools.lru_cache(maxsize=1)
def _given_names() -> tuple[frozenset[str], frozenset[str]]:
    """(Latin-script given names, Arabic given names folded) from the curated list."""
    names = known_entities().get("given_name", [])
    latin = frozenset(n for n in names if n[:1].isascii())
    arabic = frozenset(n.translate(AR_FOLD) for n in names if not n[:1].isascii())
    return latin, arabic


_CAP = r"(?:[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*)"
#: The Arabic article as transliterated before a "sun letter", hyphened ("Omar a-Sharif",
#: "as-Sayyid", "ash-Shami"): a family name's article like "al-".
_ASSIMILATED = r"(?:a|an|ad|adh|ar|as|ash|at|ath|az)"
_LATIN_NAME = re.compile(
    rf"(?<![\w'’-])(?P<g>[A-Z][a-z]+)(?:[ \t]+(?:(?:al|el|bin|ibn|abu|de|van|von)[ \t-]+"
    rf"|{_ASSIMILATED}-)?{_CAP}){{1,3}}"
)
#: A byline's "By" ("By Omar Haj Kadour, AFP") is no name's first word (round 25).
_BYLINE_WORDS = frozenset({"By", "Par", "Von"})
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:village|town|city|area)\s+(?:of\s+)?|(?<![\w'’-])(?!(?:By|Par|Von)[ \t])"
    r"[A-Z][\w'’-]*[ \t]+)$"
)


def given_name_persons(text: str) -> list[Entity]:
    """Capitalised sequences that start with a known given name: a person.

    Examples
    --------
    >>> [e.text for e in given_name_persons("said Rami Abdel Rahman, the monitor's head")]
    ['Rami Abdel Rahman']
    >>> [e.text for e in given_name_persons("By Omar Haj Kadour, AFP")]  # a byline's "By"
    ['Omar Haj Kadour']
    """
    latin, _ = _given_names()
    out = []
    pos = 0
    while (m := _LATIN_NAME.search(text, pos)) is not None:
        pos = m.end()
        if m.group("g") in _BYLINE_WORDS:
            pos = m.end("g")  # "By Omar Haj Kadour": the name after the byline's word
            continue
        if m.group("g") not in latin:
            continue
        if _PLACE_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # "the village of Ali Bey", "Sheikh Mustafa": a place named after a person
        out.append(Entity(m.group(0), m.start(), m.end(), "person", "given-name"))
    return out


_AR_LETTER = re.compile("[\u0621-\u064a]")


def _words(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\s،,.;:!?()«»\"“”]+|[،,.;:!?()«»\"“”]",
                                                     text)]  # fmt: skip


def _name_after(text: str, words: list[tuple[int, int]], i: int, most: int) -> int:
    """How many words from ``i`` form a name (Arabic words, no stop word, no و-word after
    the first, at most ``most``)."""
    n = 0
    while n < most and i + n < len(words):
        a, b = words[i + n]
        w = text[a:b]
        if not _AR_WORD.fullmatch(w) or w in _AR_STOP or w.translate(AR_FOLD) in _AR_STOP:
            break
        if n and w.startswith("و") and not w.startswith("ول"):
            break
        n += 1
    return n


def arabic_entities(text: str) -> list[Entity]:
    """Persons after titles and verbs of speech, organisations after their head word, and
    nationality adjectives spelled like a country, in Arabic.

    Examples
    --------
    >>> t = "وقالت وكالة هاوار إن هيئة تحرير الشام قصفت المنطقة، وفق مصادر سورية."
    >>> [(e.text, e.kind) for e in arabic_entities(t)]
    [('وكالة هاوار', 'news'), ('هيئة تحرير الشام', 'organization'), ('سورية', 'adjective')]
    """
    if not _AR_LETTER.search(text, 0, 2000):  # as `any(...)` over text[:2000], in C
        return []
    hits = [m.start() for m in _trigger().finditer(text.translate(_SAME_LENGTH_FOLD))]
    if not hits:
        return []
    words = _words(text)
    starts = [a for a, _ in words]
    out: list[Entity] = []
    for h in hits:
        i = bisect.bisect_left(starts, h)
        if i == len(words) or starts[i] != h or (out and h < out[-1].end):
            continue  # inside a word, or inside the entity found just before
        got = _entity_at(text, words, i)
        if got is not None:
            out.append(got)
    return out


def _entity_at(text: str, words: list[tuple[int, int]], i: int) -> Entity | None:
    a, b = words[i]
    k = _ar_key(text[a:b])
    if _in(k, AR_ORG_HEADS):
        return _org_after(text, words, i, k)
    if _in(k, _AR_OFFICE_HEADS):
        return _office_after(text, words, i)
    if _in(k, AR_TITLES):
        return _after_title(text, words, i)
    if text[a:b].translate(AR_FOLD) in _given_names()[1]:
        return _given_name_person(text, words, i)
    if _in(k, _AR_SPEECH) and i + 1 < len(words):
        nxt = text[words[i + 1][0] : words[i + 1][1]].translate(AR_FOLD)
        n = _name_after(text, words, i + 1, 3) if nxt in _given_names()[1] else 0
        if n >= 2:
            s, e = words[i + 1][0], words[i + n][1]
            return Entity(text[s:e], s, e, "person", "ar-speech")
    elif k in _AR_ADJ_AS_COUNTRY and i and not text[a:b].startswith("ال"):
        p0, p1 = words[i - 1]
        if _ar_key(text[p0:p1]) in _AR_QUALIFIED:
            return Entity(text[a:b], a, b, "adjective", "ar-adjective")
    return None


#: Words before a given name that make it part of a place's name ("الشيخ مصطفى", "تل حسن").
_AR_PLACE_NOUNS = frozenset(
    """قريه بلده مدينه حي منطقه ناحيه مزرعه مزارع تل تله جبل عين كفر دير بئر خربه جسر شيخ
    ام ابو بيت قري بلدات وادي سهل مخيم معبر حاجز دوار ساحه شارع جامع مسجد مشفي مستشفي
    مدرسه جب بير راس بني قصر معره مقام مرقد ضريح""".split()
)


def _given_name_person(text: str, words: list[tuple[int, int]], i: int) -> Entity | None:
    """An Arabic given name followed by a family name with the article ("بشار الأسد",
    "أحمد الشيخو"), not after a word that makes it a place's name ("الشيخ مصطفى")."""
    if i and _ar_key(text[words[i - 1][0] : words[i - 1][1]]) in _AR_PLACE_NOUNS:
        return None
    n = 1
    while n < 3 and i + n < len(words):
        w = text[words[i + n][0] : words[i + n][1]]
        if not (_AR_WORD.fullmatch(w) and w.startswith("ال") and len(w) > 3):
            break
        if w in _AR_STOP or w.translate(AR_FOLD) in _AR_STOP:
            break
        n += 1
    if n == 1:
        n = 2 if _bare_family_name(text, words, i) else 1
    if n == 1:
        return None
    s, e = words[i][0], words[i + n - 1][1]
    return Entity(text[s:e], s, e, "person", "ar-given-name")


#: Marks and words that close a person's name written with a bare family name: a comma, a
#: colon, "أن"/"إن" (that) of reported speech.
_AR_NAME_CLOSE = frozenset("، , : ان إن أن".split())


def _bare_family_name(text: str, words: list[tuple[int, int]], i: int) -> bool:
    """Whether the given name ``words[i]`` is followed by a family name without the article
    that a comma, a colon or "أن" closes: "منسق عودة المهجرين محمد حمرا، أن …" (the
    returns coordinator Mohammed Hamra said that): a two-word name, whatever village the
    family name also names (round 25). "على" (on), spelled like "علي" once folded, opens
    no name."""
    if text[words[i][0] : words[i][1]] in ("على", "علي", "وعلى", "وعلي") or i + 2 >= len(words):
        return False
    w = text[words[i + 1][0] : words[i + 1][1]]
    if not _AR_WORD.fullmatch(w) or len(w) < 3 or w.startswith(("ال", "و")):
        return False
    if w in _AR_STOP or w.translate(AR_FOLD) in _AR_STOP or _ar_key(w) in _AR_PLACE_NOUNS:
        return False
    return text[words[i + 2][0] : words[i + 2][1]] in _AR_NAME_CLOSE


#: Folds that keep offsets (no tatweel removal): the trigger words are searched in it.
_SAME_LENGTH_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})


@functools.lru_cache(maxsize=1)
def _trigger() -> re.Pattern[str]:
    """Any word that may start an entity: a given name, or a proclitic, the article (or
    the contracted "لل"), then a head word, a title, a verb of speech or an adjective
    spelled like a country (one regex over the text instead of a look at every word)."""
    keys = AR_ORG_HEADS | AR_TITLES | _AR_SPEECH | _AR_ADJ_AS_COUNTRY | _AR_OFFICE_HEADS
    alt = "|".join(sorted(map(re.escape, keys), key=len, reverse=True))
    given = "|".join(sorted(map(re.escape, _given_names()[1] - _AR_STOP), key=len, reverse=True))
    return re.compile(
        rf"(?<![\u0621-\u064a])(?:{given})(?![\u0621-\u064a])|"
        rf"(?<![\u0621-\u064a])(?:[وف]?لل|[وفبل]?(?:ال)?)(?:{alt})(?![\u0621-\u064a])"
    )


_NEWS_HEADS = frozenset({"وكاله", "قناه", "صحيفه", "جريده", "شبكه"})
_QUOTES, _BRACKET = frozenset('"“”«»'), frozenset(")")  # an outlet's name in brackets


def _org_after(text: str, words: list[tuple[int, int]], i: int, k: str) -> Entity | None:
    """An organisation's name after its head word: "هيئة تحرير الشام", "وكالة "سانا"". After
    a head with the article ("الجيش") only words with the article follow ("الجيش السوري",
    not "الجيش السوري يحرر"); after one without ("جيش العزة") one word, then with it."""
    a = words[i][0]
    definite = text[a : words[i][1]].lstrip("وبلف").startswith("ال")
    j, quoted, close = i + 1, False, _QUOTES
    if j < len(words) and text[words[j][0] : words[j][1]] in _QUOTES:
        j, quoted = j + 1, True
    elif j < len(words) and text[words[j][0] : words[j][1]] == "(" and _in(k, _NEWS_HEADS):
        j, quoted, close = j + 1, True, _BRACKET  # "قناة (روسيا اليوم)"
    if _in(k, _FRONT) and not quoted and j < len(words) and _battlefront(text, words[j]):
        return None  # "جبهة ريف اللاذقية": the front in Latakia's countryside, no group
    if not quoted and not definite and _opens_quote(text, words, i):
        n = _quoted_to_close(text, words, j, _QUOTES)  # "“جيش أبابيل حوران”": the head
        if n > 1:  # quoted with its name, the name runs to the closing mark, a place too
            e = words[j + n - 2][1]
            return Entity(text[a:e], a, e, "organization", "ar-org-word")
    n = _quoted_to_close(text, words, j, close) if quoted and not definite else 0
    closed = n > 0  # the quoted name read to its closing mark ("الجيش «…»" quotes speech)
    while not closed and n < 3 and j + n < len(words):
        w = text[words[j + n][0] : words[j + n][1]]
        if not _AR_WORD.fullmatch(w) or w in _AR_STOP or w.translate(AR_FOLD) in _AR_STOP:
            break
        article = w.startswith("ال") or w.startswith("لل") or w.startswith("ل")
        if n == 1 and not (definite or article or quoted) and _collective(text, words[j]):
            n += 1  # "تجمع أحرار حوران": a construct of a people's noun and its place
            break
        if (definite or n) and not article and not quoted:
            break
        if n and w.startswith("و"):
            break
        n += 1
        if quoted and j + n < len(words) and text[words[j + n][0] : words[j + n][1]] in close:
            n += 1  # the closing quote
            break
    if n == 0:
        return None
    n += _town_of_name(text, words, j + n)
    e = words[j + n - 1][1]
    kind = "news" if _in(k, _NEWS_HEADS) else "organization"
    return Entity(text[a:e], a, e, kind, "ar-org-word")


def _opens_quote(text: str, words: list[tuple[int, int]], i: int) -> bool:
    """Whether the word at ``i`` comes right after an opening quotation mark (glued to it,
    where a closing mark is glued to the word before it)."""
    return i > 0 and text[slice(*words[i - 1])] in _QUOTES and words[i - 1][1] == words[i][0]


def _quoted_to_close(text: str, words: list[tuple[int, int]], j: int, close: frozenset[str]) -> int:
    """The words of a quoted name up to its closing mark, when it closes within six Arabic
    words: "تنظيم “الدولة الإسلامية في العراق والشام”" (its "في" and places are the name's);
    0 when it does not (the words are then read one by one)."""
    for q in range(j, min(j + 7, len(words))):
        w = text[words[q][0] : words[q][1]]
        if w in close:
            return q - j + 1 if q > j else 0
        if not _AR_WORD.fullmatch(w):
            return 0
    return 0


#: Nouns of a people that an organisation's name puts in construct with its place, without
#: the article ("تجمع أحرار حوران", the Gathering of Hauran's Free; "تنسيقية ثوار سلمية").
_AR_COLLECTIVES = frozenset("احرار ثوار شهداء ابناء رجال اهل اهالي انصار شباب احفاد".split())


def _collective(text: str, word: tuple[int, int]) -> bool:
    """Whether ``word`` is a people's noun without the article (no clinging و)."""
    w = text[word[0] : word[1]]
    return not w.startswith(("و", "ال")) and w.translate(AR_FOLD) in _AR_COLLECTIVES


#: "جبهة" (front) is a battle front, not a group, when a noun of place follows it.
_FRONT = frozenset({"جبهه"})
_FRONT_PLACE_NOUNS = frozenset(
    "ريف محور مدينه بلده قريه منطقه حي جبل تل سهل وادي محيط اطراف".split()
)


def _battlefront(text: str, word: tuple[int, int]) -> bool:
    """Whether the word after "جبهة" is a noun of place ("جبهة ريف اللاذقية")."""
    return _ar_key(text[word[0] : word[1]]) in _FRONT_PLACE_NOUNS


_TOWN_OF = re.compile(r"ل(?:مدينة|بلدة|قرية|منطقة|محافظة|ناحية)")
_AND_ITS_COUNTRYSIDE = re.compile(r"وريف(?:ها|ه)")


def _town_of_name(text: str, words: list[tuple[int, int]], j: int) -> int:
    """The town an organisation's name ends with, after "لمدينة" (of the town of): "المجلس
    العسكري لمدينة منبج وريفها" is a council, منبج in it no place mention. The words to add
    to the name (the town's, and "وريفها", and its countryside), or 0."""
    if not (0 < j < len(words) and _TOWN_OF.fullmatch(text[words[j - 1][0] : words[j - 1][1]])):
        return 0
    if not _AR_WORD.fullmatch(text[words[j][0] : words[j][1]]):
        return 0
    after = text[words[j + 1][0] : words[j + 1][1]] if j + 1 < len(words) else ""
    return 2 if _AND_ITS_COUNTRYSIDE.fullmatch(after) else 1


#: Office words that head an organisation's name only in the shapes of :func:`_office_after`
#: (alone, "مركز إدلب" is the district of Idlib's centre).
_AR_OFFICE_HEADS = frozenset({"مركز", "مكتب", "مديريه"})


def _office_after(text: str, words: list[tuple[int, int]], i: int) -> Entity | None:
    """An office's name: "مركز إدلب الإعلامي" (a construct with one name closed by definite
    adjectives in -ي/-ية), or "مديرية التربية والتعليم في إدلب" (definite nouns of its field,
    then "في" or "ب" and one word, the place the office serves)."""

    def w(j: int) -> str:
        return text[words[j][0] : words[j][1]] if j < len(words) else ""

    head = w(i).lstrip("وفبل")
    j = i + 1
    if not head.startswith("ال") and _AR_WORD.fullmatch(w(j)) and not w(j).startswith("ال"):
        n = 0
        while n < 2 and _AR_WORD.fullmatch(w(j + 1 + n)) and w(j + 1 + n).startswith("ال"):
            if not w(j + 1 + n).translate(AR_FOLD).endswith(("ي", "يه")):
                break
            n += 1
        if n == 1 and w(j + 1) == "الحدودي":
            return None  # "مركز نصيب الحدودي": a border post, where a town is
        if n and w(j) not in _AR_STOP:
            return Entity(text[words[i][0] : words[j + n][1]], words[i][0], words[j + n][1],
                          "organization", "ar-office")  # fmt: skip
    n = 0
    while n < 3 and _AR_WORD.fullmatch(w(j + n)) and w(j + n).lstrip("و").startswith("ال"):
        n += 1
    if not n:
        return None
    k = j + n
    if w(k) == "في" and _AR_WORD.fullmatch(w(k + 1)) and w(k + 1) not in _AR_STOP:
        k += 1
    elif not (w(k).startswith("ب") and len(w(k)) > 3 and _AR_WORD.fullmatch(w(k))):
        return None
    return Entity(text[words[i][0] : words[k][1]], words[i][0], words[k][1], "organization",
                  "ar-office")  # fmt: skip


#: A reporter of an outlet named in quotation marks: "مراسل “حلب اليوم”" (the outlet Halab
#: Today, not Aleppo).
_REPORTER_OF = re.compile(
    r"(?<![\u0621-\u064a])[وفل]?(?:ل)?مراسل(?:ة|و|ي)?\s*[\"“«](?P<name>[^\"”»\n]{2,40})[\"”»]"
)


def reporter_outlets(text: str) -> list[Entity]:
    """The outlet a reporter works for, named in quotation marks after "مراسل".

    Examples
    --------
    >>> [e.text for e in reporter_outlets("وأفاد مراسل “حلب اليوم” بأن الحصيلة بلغت 11")]
    ['حلب اليوم']
    """
    return [
        Entity(m.group("name"), m.start("name"), m.end("name"), "news", "ar-reporter-of")
        for m in _REPORTER_OF.finditer(text)
    ]


#: Words before a title that make it the first word of a place's name: nouns of place and
#: of shrines, "في" (in): "عزل مدينة السيدة زينب" (the town of Sayyida Zaynab was isolated),
#: "إصابات في السيدة زينب" (cases in Sayyida Zaynab), round 25.
_AR_BEFORE_TITLED_PLACE = _AR_PLACE_NOUNS | {"في", "وفي", "مقام", "مرقد", "ضريح"}


def _after_title(text: str, words: list[tuple[int, int]], i: int) -> Entity | None:
    """The name after an Arabic title, past the words that qualify the title."""
    if i and _in(_ar_key(text[words[i - 1][0] : words[i - 1][1]]), _AR_BEFORE_TITLED_PLACE):
        return None  # "مدينة السيدة زينب", "في السيدة زينب": a town named with a title
    j = i + 1
    while j < len(words) and j <= i + 4:
        w = text[words[j][0] : words[j][1]]
        if not _AR_WORD.fullmatch(w):
            return None
        if _ar_key(w) in _AR_SECTORS and not w.startswith("ال"):
            j += 2  # "مدير صحة اللاذقية هوازن مخلوف": the sector's province qualifies the
            continue  # title (round 21); "وزير الزراعة محمد …": the definite sector none
        if (
            w.startswith("ال")
            or _ar_key(w) in _AR_QUALIFIERS
            or w.translate(AR_FOLD) in (_AR_QUALIFIERS)
        ):
            j += 1
            continue
        break
    w = text[words[j][0] : words[j][1]] if j < len(words) else ""
    if not w or _ar_key(w) in _AR_INSTITUTIONS or w.startswith(("بال", "لل")):
        return None  # "مدير الصحة بالسويداء": "in" and a place start no name
    if w.translate(AR_FOLD) in _AR_LOCATIVE:
        return None  # "الناشط الموجود داخل عين ترما": "inside" and a place, no name
    n = _name_after(text, words, j, 3)
    if n == 0 or len(w) < 2:
        return None  # "مدير المكتب الإعلامي ل«قسد»": a clinging "ل", no name
    names = [text[a:b] for a, b in words[j : j + n]]
    if any(_in(_ar_key(x), AR_ORG_HEADS) for x in names):
        return None  # "المتحدث باسم حملة قوات سوريا": a group's name, no person's
    s, e = words[j][0], words[j + n - 1][1]
    return Entity(text[s:e], s, e, "person", "ar-title")


#: An indefinite feminine noun (…ة, …ات) and the indefinite word in -ية after it: "مظاهرة
#: سلمية" (a peaceful demonstration), "قوات روسية".
_AR_FEM_PAIR = re.compile(
    r"(?<![\u0621-\u064a])(?P<noun>[\u0621-\u064a]{2,}(?:ة|ات))\s+"
    r"(?P<adj>[\u0621-\u064a]{2,}ية)(?![\u0621-\u064a])"
)
#: Feminine nouns that head a place's name instead ("مدينة سلمية", "محافظة …").
_AR_FEM_PLACE_NOUNS = frozenset(
    "قريه بلده مدينه منطقه ناحيه محافظه مزرعه خربه تله بلدات قريات حاره جبهه".split()
)
#: Nouns in -ية that head a place's name ("ناحية X", "جمعية X", a housing quarter; "أبنية X"):
#: after "و" they are the next name of a list, not an adjective.
_AR_NAME_HEADS_IN_YA = frozenset("ناحيه جمعيه ابنيه".split())
#: A definite word, its proclitics included: ال، وال، فال، بال، لل (ل + ال).
_AR_DEFINITE = re.compile(r"(?:[وف]?ب?ال|[وف]?لل)")


def arabic_feminine_adjectives(text: str) -> list[Entity]:
    """An Arabic word in -ية right after an indefinite feminine noun agrees with it as an
    adjective ("مظاهرة سلمية", a peaceful demonstration: not the town of Salamiyah), unless
    the noun is one that heads a place's name ("مدينة سلمية").

    Examples
    --------
    >>> [e.text for e in arabic_feminine_adjectives("خرجت مظاهرة سلمية في مدينة سلمية")]
    ['سلمية']
    """
    out = []
    for m in _AR_FEM_PAIR.finditer(text):
        noun, adj = m.group("noun"), m.group("adj")
        if noun.startswith("ال") or _AR_DEFINITE.match(adj):  # "حماة واللاذقية": 2 names
            continue
        if _in(_ar_key(noun), _AR_FEM_PLACE_NOUNS):
            continue
        if adj[0] == "و" and _in(_ar_key(adj[1:]), _AR_NAME_HEADS_IN_YA):
            continue  # "بشنطرة وجمعية الهادي": "and" and a quarter's noun, no adjective
        out.append(Entity(adj, m.start("adj"), m.end("adj"), "adjective", "ar-feminine"))
    return out
