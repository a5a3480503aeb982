"""Arabic has no capitals: a one-word village name needs the syntax to say it is a place.

In English a capital letter tells a name from a word; in Arabic nothing does, and many
common words are also the names of small villages ("كشف", revealed; "حدث", happened;
"استراتيجية", strategic; "الشمالية", northern). A one-word Arabic match whose every reading
is a village or a small town is kept only when the words around it make it a place:

* a preposition or a noun of place before it (في، من، إلى، على، قرب، نحو، باتجاه، بلدة،
  قرية، قرى، مدينة، ريف، محور، شمال …), a proclitic ب ("in") on the word itself;
* a list of villages ("قرى A وB وC", ``listed``), or another place just before it
  ("حاس ودير سنبل", "حاس، دير سنبل") or just after;
* a region cue (already found: "ريف X", "X الجنوبي");
* a dateline (the name opens a line and a dash or a bracket follows);

and never when the name is itself a noun of place with a word after it ("في مزارع منطقة
الشحيل": in the farms of the Shuheil area, not the village Muzaree; "على مزرعة لتربية
الدواجن": on a poultry farm, not the village Mazraa), nor when the grammar makes it a common
word whatever the cues: a preposition or adverb with an attached pronoun ("من خلاله",
through it), the noun of "aged" ("يبلغ من العمر 22 عاماً"), the verb after "هكذا" (thus)
that opens a clause ("هكذا بدا المشهد", thus the scene looked) — such a word also gives
no support to its neighbour as a list of places.

Big towns and cities, regions, countries and names of two words or more are not
affected: a city is named bare ("حلب تشهد …") and longer names are rarely common words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...place import Place
from ..scan._index import FOREIGN_MIN_POPULATION, _candidates, _Index
from ..scan._neighbourhoods import AR_SITE_NOUNS
from ..scan._persons import AR_FOLD
from ..scan._select import ARABIC_STOPWORDS, _Item, settlement_noun_before
from ._agreement import agreement_drops, common_at_home, home_countries
from ._common import is_common_word, named_by_noun, strip_marks
from ._linked import linked_names, town_named_elsewhere
from ._word_classes import word_class_drops

#: Words before a name that make it a place (proclitics و ف aside).
AR_PLACE_BEFORE = frozenset(
    """في من الى إلى على عن قرب نحو باتجاه اتجاه حول داخل بين عبر حتى لدى عند تخوم مشارف
    مدينة مدينتي مدن بلدة بلدتي بلدات قرية قريتي قرى منطقة مناطق ناحية ريف ريفي محافظة
    محافظتي محور محوري محاور أطراف اطراف ضواحي محيط وسط مطار معبر مخيم حي أحياء مزارع مزرعة
    شمال جنوب شرق غرب شمالي جنوبي شرقي غربي شمالا جنوبا شرقا غربا منها أبرزها بينها قاعدة
    سيطرة بسيطرة مقر مركز أهالي أبناء سكان ضاحية""".split()
)
_AR_LETTERS = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
#: The word before a name, its vowel marks and tatweel included ("بلدتيّ", the two towns).
_PREV_WORD = re.compile(r"([\u0621-\u0652\u0671-\u06d3\u0640]+)[\s“”\"«»(]*$")
#: Between two names of a list: a comma or و, with quotation marks or brackets around the
#: names ('"فطيرة" و"حاس"').
_LIST_GAP = re.compile(r"^[\s\"“”«»()]*(?:[،,][\s\"“”«»()]*)?(?:و)?[\s\"“”«»()]*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:[ـ\-–—(]|\d)")


def _list_gap(gap: str) -> bool:
    """Whether ``gap`` joins two names of a list: a comma, "و", a space or the names'
    quotation marks or brackets, but not a line's end: a headline's last name and the verb
    that opens the story ("… بمحافظة الحسكة\n\nكشف مراسل", a reporter revealed) are no list."""
    return "\n" not in gap and bool(_LIST_GAP.match(gap))


def _gap(text: str, a: _Item, b: _Item) -> str:
    """What stands between two names, with the "و" (and) the second one's span begins with
    ("السمكة والتح": the scan keeps the proclitic in the name's span)."""
    return text[a.end : b.start] + ("و" if text[b.start : b.start + 1] == "و" else "")


#: A town this big is named bare ("حلب تشهد", "سراقب التي …"): no cue needed.
BARE_TOWN_POPULATION = FOREIGN_MIN_POPULATION


def _is_small_arabic(text: str, it: _Item, index: _Index) -> bool:
    name = text[it.name_start : it.end]
    if it.nwords != 1 or not _AR_LETTERS.search(name) or " " in name.strip():
        return False
    cands = _candidates(index, it.payloads)
    return bool(cands) and all(
        p.kind == "populated place" and p.population < BARE_TOWN_POPULATION and
        not p.extra.get("region") for p, _ in cands
    )  # fmt: skip


def _small_abroad(text: str, it: _Item, index: _Index, homes: frozenset[str]) -> bool:
    """A one-word Arabic name whose every reading is a small town outside ``homes``."""
    if not _is_small_arabic(text, it, index):
        return False
    return all(p.country not in homes for p, _ in _candidates(index, it.payloads))


def _placed_neighbour(text: str, items: list[_Item], i: int, index: _Index) -> bool:
    """Whether a name beside ``items[i]`` in a list is a place by itself: cued by its own
    words, or more than a small village."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(items):
            a, b = (items[j], items[i]) if j < i else (items[i], items[j])
            if _list_gap(_gap(text, a, b)) and (
                _cued(text, 0, [items[j]]) or not _is_small_arabic(text, items[j], index)
            ):
                return True
    return False


def _joined(text: str, a: _Item, b: _Item) -> bool:
    """Whether a list's gap joins a common word to a name: a comma, "و" or quotation marks,
    or a space inside the quotation marks that hold the pair ("معبر “البوكمال القائم”"),
    not a space alone ("تحرير منبج أصبح محسوماً": Manbij, then the verb "became")."""
    gap = _gap(text, a, b)
    if not _list_gap(gap):
        return False
    if gap.strip():
        return True
    before, after = text[a.start - 1 : a.start], text[b.end : b.end + 1]
    return bool(before and after) and before in '“"«' and after in '”"»'


def _common_uncued(text: str, i: int, items: list[_Item]) -> bool:
    """A common word of the language that no noun of place, list, region cue or dateline
    names ("في الصراع"): see :mod:`._arabic_common`."""
    it = items[i]
    if not is_common_word(text[it.start : it.end]) or it.cue is not None:
        return False
    if named_by_noun(text, it.start):
        return False
    prev = items[i - 1] if i else None
    nxt = items[i + 1] if i + 1 < len(items) else None
    if prev is not None and _joined(text, prev, it):
        return False
    if nxt is not None and _joined(text, it, nxt):
        return False
    line_start = text.rfind("\n", 0, it.start) + 1
    return bool(text[line_start : it.start].strip()) or not _DATELINE_AFTER.match(text[it.end :])


def _cued(text: str, i: int, items: list[_Item]) -> bool:
    it = items[i]
    if it.cue is not None:
        return True
    lead = text[it.start : it.name_start] + text[it.name_start : it.name_start + 1]
    if lead[:1] == "ب" or lead[:2] in ("وب", "فب"):
        return True  # "بسراقب": in Saraqib
    before = text[max(0, it.start - 40) : it.start]
    m = _PREV_WORD.search(before)
    if m is not None:
        w = strip_marks(m.group(1))
        if w in AR_PLACE_BEFORE or (w[:1] in "وفب" and w[1:] in AR_PLACE_BEFORE):
            return True
    line_start = text.rfind("\n", 0, it.start) + 1
    if not text[line_start : it.start].strip() and _DATELINE_AFTER.match(text[it.end :]):
        return True
    prev = items[i - 1] if i else None
    nxt = items[i + 1] if i + 1 < len(items) else None
    if prev is not None and _list_gap(_gap(text, prev, it)):
        return True  # "… حاس ودير سنبل": a list of places
    lead_and = text[it.start : it.name_start].startswith("و")
    if prev is not None and lead_and and _list_gap(text[prev.end : it.start] + "و"):
        return True
    return nxt is not None and bool(_list_gap(_gap(text, it, nxt)))


def drop_uncued_arabic(
    text: str,
    items: list[_Item],
    index: _Index,
    listed: Sequence[tuple[int, int]] = (),
    home: str = "",
) -> list[_Item]:
    """The items without the one-word Arabic villages that nothing marks as places;
    ``listed`` are the spans of names in lists of villages ("قرى A وB وC"), places all.
    ``home`` is the extraction's home country (its bias): only its readings are "at home"
    (a country loaded since by ``geocode(country=)`` stays abroad); empty, the gazetteer's
    home countries.

    Examples
    --------
    >>> drop_uncued_arabic("", [], None)
    []
    """
    if not items:
        return items
    homes = home_countries(index, home)
    in_list = bytearray(len(text) + 1)
    for a, b in listed:
        in_list[a:b] = b"\x01" * (b - a)
    items = [
        it
        for it in items
        if not (_is_small_arabic(text, it, index) and _grammar_word(text, it))
        and not _compass_words(text, it)
        and not agreement_drops(text, it)  # "في المظاهرات السلمية", "بواسطة", "القريتين"
        and not word_class_drops(text, it)  # "وسابع في الجيزة", "وحراك من قِبل"
    ]
    towns = town_named_elsewhere(text, items)  # "مدينة الضمير" … "من الضمير المركز"
    items = [
        it for i, it in enumerate(items)
        if i in towns or not (
            (
                _heads_definite_noun(text, items, i)
                or _marked_abroad(text, it, index, homes)
                or _after_fa(text, it)
            )
            and _is_minor_arabic(text, it, index, homes)  # the syntax first: it is cheaper
        )
    ]  # fmt: skip
    # a small town abroad needs a cue of its own or a placed neighbour ("معبر “البوكمال
    # القائم”"): two uncued words do not make each other places, and the extraction reads
    # the same with or without another country loaded since
    items = [
        it for i, it in enumerate(items)
        if in_list[it.name_start] or not _small_abroad(text, it, index, homes)
        or _cued(text, 0, [it]) or _placed_neighbour(text, items, i, index)
    ]  # fmt: skip
    placed = [
        not _is_small_arabic(text, it, index) or _cued(text, i, items) for i, it in enumerate(items)
    ]
    linked = linked_names(
        text, items, placed, index
    )  # "طريق المزيريب- طفس": a road's end, no cue word
    keep = []
    towns = town_named_elsewhere(text, items)  # "بلدة الهامة" … "من الهامة": one sense
    for i, it in enumerate(items):
        if i in towns and not _heads_next(text, it) and _town_cued(text, i, items):
            keep.append(it)
            continue
        if it.nwords == 1 and _heads_next(text, it):
            continue  # a noun of place heads the phrase after it, whatever it also names
        if _is_small_arabic(text, it, index) and not in_list[it.name_start]:
            if not (_cued(text, i, items) or i in linked or _quarter_site(text, it, index)):
                continue
            if _verb_opening_clause(text, it):
                continue
            if _common_uncued(text, i, items):
                continue  # "في الصراع": in the conflict, not at Seraa
        elif not in_list[it.name_start] and common_at_home(text, it, index, homes):
            if _common_uncued(text, i, items):
                continue  # "في إشارة منها": a sub-district's name is a common word too
        keep.append(it)
    return keep


#: A noun of a compound or a barracks right before a name (see ``AR_SITE_NOUNS``).
_SITE_NOUN = re.compile(
    rf"(?<![\u0621-\u064a])[وبلف]?(?:ال)?{AR_SITE_NOUNS}[\u064b-\u0652]*[ \t]+$"
)


def _quarter_site(text: str, it: _Item, index: _Index) -> bool:
    """Whether a city's quarter the gazetteer holds is named by a site that bears its name
    ("مجمع الراموسة"): the site is in the quarter, which is the place meant."""
    if not _SITE_NOUN.search(text, max(0, it.start - 20), it.start):
        return False
    return any(
        p.extra.get("feature") == "neighbourhood" for p, _ in _candidates(index, it.payloads)
    )


#: Prepositions that take a common noun as readily as a place ("على نصيب من", a share of).
_LOOSE_PREPS = frozenset("على عن".split())


def _town_cued(text: str, i: int, items: list[_Item]) -> bool:
    """Whether a town's name written like a common word is cued as a place where it is
    written again: a noun of settlement, a preposition of place (not "على" or "عن", which
    take a common noun as readily) or a list beside a place."""
    it = items[i]
    prev = _PREV_WORD.search(text[max(0, it.start - 40) : it.start])
    if prev is not None and strip_marks(prev.group(1)).lstrip("وف") in _LOOSE_PREPS:
        return False
    return _cued(text, i, items) or settlement_noun_before(text, it.name_start)


_NEXT_WORD = re.compile(r"^[ \t]+[\"“«]?[\u0621-\u064a]")  # "مزرعة “الرشيد”"
_CLAUSE_BEFORE = re.compile(r"(?:^|[،,.:;!?\n])[ \t]*$")
_WORD_AFTER = re.compile(r"[ \t]+([\u0621-\u064a\u0640]+)")


def _verb_opening_clause(text: str, it: _Item) -> bool:
    """ "، وبدأ عملية التمشيط" (and began the sweep), "وسيطر على" (and took): a one-word
    name after "و" that opens a clause, followed by a word that neither goes on a list
    (و…), nor places it (في، ريف …), nor agrees with it as an adjective (الشرقية,
    الجنوبي), is the verb of that clause: a place is not followed by a bare noun."""
    s = it.start - 1 if text[it.start - 1 : it.start] == "و" else it.start  # the scan drops و
    return verb_after_and(text, s, it.end)


def verb_after_and(text: str, start: int, end: int) -> bool:
    """Whether the word ``text[start:end]``, which begins with "و" (and) and opens a clause
    (after a comma, a stop or a line's start), is a verb by the word after it (see
    :func:`_verb_opening_clause`).

    Examples
    --------
    >>> verb_after_and("بريف إدلب، وبدأ عملية التمشيط", 11, 15)
    True
    """
    s = start
    if text[s : s + 1] != "و" or not _CLAUSE_BEFORE.search(text[max(0, s - 3) : s]):
        return False
    m = _WORD_AFTER.match(text, end)
    if m is None:
        return False
    w = m.group(1).replace("ـ", "")
    if w[:1] == "و" or w in AR_PLACE_BEFORE or w in ARABIC_STOPWORDS or w in _AR_BARE_PREP:
        return w in _AR_VERB_PREP  # "وسيطر على", "وسيطر عن": a verb and its preposition
    return not (w.startswith("ال") and w[-1:] in "يةهى")


#: Prepositions a verb of taking or starting is built with ("سيطر على", "عدل عن").
_AR_VERB_PREP = frozenset("على عن".split())
_AR_BARE_PREP = frozenset("الى لدى".split())


def _heads_next(text: str, it: _Item) -> bool:
    """A village named like a noun of place ("مزارع", farms) that a word follows heads
    that word's phrase ("في مزارع منطقة الشحيل", in the farms of the Shuheil area)."""
    w = text[it.name_start : it.end].replace("ـ", "")
    noun = w in AR_PLACE_BEFORE or (w[:1] in "وفب" and w[1:] in AR_PLACE_BEFORE)
    return noun and bool(_NEXT_WORD.match(text[it.end : it.end + 3]))


#: An Arabic compass adjective: "الشمالية", "الغربي", "شرقية", "جنوبي".
_COMPASS_ADJ = re.compile(r"(?:ال)?(?:شمال|جنوب|شرق|غرب)(?:ي|ية|يه)")


def _compass_words(text: str, it: _Item) -> bool:
    """Compass adjectives and nothing else ("الشمالية الغربية", north-western; "الشرقية"
    after a noun) say where in the place before them: they name no village of their own,
    unless a preposition or a noun of place stands right before ("في الشمالية")."""
    words = text[it.name_start : it.end].replace("ـ", "").split()
    if not words or not all(_COMPASS_ADJ.fullmatch(w) for w in words):
        return False
    if len(words) >= 2:
        return True
    if not words[0].startswith("ال") or text[it.start : it.name_start].strip():
        return False  # "شمالي" alone, or with a proclitic ("والشمالية"): as before
    m = _PREV_WORD.search(text[max(0, it.start - 40) : it.start])
    if m is None:
        return False
    w = m.group(1).replace("ـ", "")
    return not (w in AR_PLACE_BEFORE or (w[:1] in "وفب" and w[1:] in AR_PLACE_BEFORE))


_PRONOUN = re.compile(r"(?:هما|هم|هن|ها|ه)$")
#: Forms of بلغ (to reach) that, with "من", say a person's age: "يبلغ من العمر".
_AGED = frozenset("يبلغ تبلغ بلغ بلغت يبلغان تبلغان البالغ البالغة".split())


def _grammar_word(text: str, it: _Item) -> bool:
    """Whether the grammar makes this one-word name a common word: a preposition or adverb
    with an attached pronoun ("خلاله"), the noun after "يبلغ من", a verb after "هكذا"."""
    w = text[it.name_start : it.end].translate(AR_FOLD)
    stem = _PRONOUN.sub("", w)
    if stem != w and len(stem) >= 2 and (stem in ARABIC_STOPWORDS or stem in AR_PLACE_BEFORE):
        return True
    before = text[max(0, it.start - 40) : it.start].split()
    if before and before[-1].lstrip("وف") == "هكذا":
        return True
    return len(before) >= 2 and before[-1] == "من" and before[-2].lstrip("و") in _AGED


#: Population from which a town abroad is named bare in Arabic news ("موسكو", "أنقرة"); a
#: smaller one shares its name with common words ("سيّرت", dispatched: Siirt).
FOREIGN_BARE_POPULATION = 1_000_000


def _is_minor_arabic(text: str, it: _Item, index: _Index, homes: frozenset[str]) -> bool:
    """A one-word Arabic name whose every reading is a village or small town at home, a
    sub-district named after one, or a town abroad below ``FOREIGN_BARE_POPULATION``."""
    name = text[it.name_start : it.end]
    if it.nwords != 1 or not _AR_LETTERS.search(name) or " " in name.strip():
        return False
    cands = _candidates(index, it.payloads)
    home = {p.country for p, _ in cands if p.kind == "country"}
    return bool(cands) and not home and all(_minor(p, homes) for p, _ in cands)


def _minor(p: Place, homes: frozenset[str]) -> bool:
    if p.extra.get("region"):
        return False
    if p.kind == "admin area":
        return (p.level or 0) >= 3
    if p.kind != "populated place":
        return False
    home = p.country in homes
    limit = BARE_TOWN_POPULATION if home else FOREIGN_BARE_POPULATION
    return p.population < limit


#: The shadda: a writer who marks it on a word of unvowelled news tells a verb or a noun
#: from its look-alike ("سيّرت", dispatched, against Siirt).
_SHADDA = "\u0651"


def _after_fa(text: str, it: _Item) -> bool:
    """A one-word name read after a "ف" glued to it: "فعليا" (actually) is an adverb, not
    "ف" (then) and the village Aaliaa; a place after "ف" is rare in news."""
    return it.start > 0 and text[it.start - 1] == "ف" and it.start == it.name_start


def _marked_abroad(text: str, it: _Item, index: _Index, homes: frozenset[str]) -> bool:
    """A one-word name written with a shadda whose every reading is a town abroad: the
    writer marked a verb ("سيّرت القوات", the forces dispatched: not Siirt). Villages at
    home keep theirs ("نبّل", "منّغ"): the press marks their doubled letters too."""
    if _SHADDA not in text[it.name_start : it.end]:
        return False
    return all(p.country not in homes for p, _ in _candidates(index, it.payloads))


#: Definite words after a name that do not head a phrase of their own: times ("سراقب
#: اليوم"), and the participles that describe a town ("الواقع", "المحرر").
_AFTER_NAME_OK = frozenset(
    """اليوم الأحد الاحد الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس السبت الماضي
    الفائت الجاري الحالي الأخير الاخير الواقع التابع المحرر المحاصر الجديد القديم الكبير
    الصغير الأوسط الاوسط الأعلى الاعلى الأسفل الاسفل""".split()
)
_DEFINITE_AFTER = re.compile(r"[ \t]+(ال[\u0621-\u064a\u0640]+)")


def _heads_definite_noun(text: str, items: list[_Item], i: int) -> bool:
    """ "وصور الرئيس" (and pictures of the president), "وبرد الشتاء" (the winter's cold),
    "إلى تبني الهجوم" (to claiming the attack), "سيّرت القوات" (the forces dispatched): a
    one-word name right before a definite noun that is no adjective agreeing with it (no
    -ي, -ية, -ى ending), no time word and no place of its own is the head of that phrase,
    a noun or a verb, not a village: a place is not followed by a bare definite noun."""
    it = items[i]
    m = _DEFINITE_AFTER.match(text, it.end)
    if m is None:
        return False
    w = m.group(1).replace("ـ", "")
    if w[-1:] in "يةهىا" or w in _AFTER_NAME_OK or w.endswith("ين"):
        return False  # "السورية", "الشرقي", "الماضي", "الاثنين"
    nxt = items[i + 1] if i + 1 < len(items) else None
    return not (nxt is not None and nxt.start <= m.start(1) < nxt.end)
