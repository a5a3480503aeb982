"""The public :func:`extract`: scan, select, choose, and the dates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import settings
from ..errors import InputError
from ..projection import haversine_km
from ._results import Extraction, PlaceMention, RoadMention
from .arabic import (
    arabic_qualified_nouns,
    delimited_arabic_spans,
    drop_agreement_words,
    drop_far_common_towns,
    drop_grammar_words,
    drop_uncued_arabic,
    placed_beside_towns,
)
from .constructions import (
    and_list_spans,
    attached_villages,
    checkpoint_spans,
    city_markets,
    city_quarters,
    comma_list_spans,
    construction_spans,
    context_places,
    country_regions,
    elided_twins,
    far_english_members,
    far_first_words,
    far_list_members,
    far_named_sites,
    follow_first_reading,
    follow_first_unresolved,
    keep_anchored_squares,
    listed_quarters,
    old_cities,
    paired_capitals,
    person_named_sites,
    place_at_anchors,
    place_list_spans,
    rechoose_near,
    repeat_context_places,
    repeat_cued_names,
    river_mentions,
    road_end_spans,
    shopping_centres,
    son_of_names,
    tied_spans,
    town_mountains,
    whole_names,
)
from .dates import DateMention, extract_dates
from .entities import (
    apposition_persons,
    arabic_outlets,
    arabic_title_persons,
    article_outlets,
    body_names,
    broadcaster_entities,
    byline_persons,
    channel_entities,
    credit_persons,
    dateline_entities,
    drop_construct_words,
    drop_phrase_names,
    event_names,
    government_of_country,
    group_entities,
    institution_entities,
    kin_persons,
    lone_given_names,
    numbered_outlets,
    operation_entities,
    ordinal_units,
    org_name_places,
    renamed_organisations,
    role_persons,
    shaped_entities,
    signature_outlets,
    source_entities,
    speakers_named_again,
    time_zones,
)
from .places import (
    build,
    city_sense,
    clause_area_namesakes,
    context_namesakes,
    drop_far_quarters,
    drop_function_words,
    drop_generic_heads,
    drop_headline_words,
    drop_unlikely_places,
    far_directions,
    front_word_towns,
    keep_near_loose,
    place_nicknames,
    prefer_near_spelling,
    province_word_towns,
    site_bases,
)
from .scan import (
    Entity,
    arabic_entities,
    arabic_feminine_adjectives,
    given_name_persons,
    mark_bracketed_admin_lists,
    mark_plural_lists,
    named_settlement_spans,
    reporter_outlets,
    settlement_matches,
)
from .scan import _context as ctx
from .scan._index import _Index, _index_for, _scan
from .scan._select import (
    _Item,
    _longer_names,
    _mark_regions,
    _Occupancy,
    _person_like,
    _select,
    _TitleLines,
    drop_cue_nouns,
    mark_owner_areas,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..gazetteer import Gazetteer


def _as_date(value: Any, what: str = "published") -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise InputError(f"{what} {value!r} is not a date; give a datetime.date or 'YYYY-MM-DD'")


def _as_month(value: Any) -> tuple[int, int] | None:
    """(year, month) when ``value`` is a month without its day ("2020-08"), else None."""
    if isinstance(value, str) and re.fullmatch(r"\s*\d{4}-(0[1-9]|1[0-2])\s*", value):
        y, m = value.strip().split("-")
        return int(y), int(m)
    return None


def extract(
    text: str,
    *,
    published: dt.date | str | None = None,
    country_bias: str = "SY",
    reference_date: dt.date | str | None = None,
    gazetteer: Gazetteer | None = None,
) -> Extraction:
    """Find the places, roads and dates a text mentions, resolved with the gazetteer.

    Parameters
    ----------
    text : str
        An article, a communiqué, an agreement text: English, Arabic, French,
        German or Turkish (place names from the gazetteer in any script; dates
        with the month and weekday names of those languages).
    published : datetime.date or str, optional
        The day the text was published, when you have it (a scraper's date, the
        page's date); or only its month, "YYYY-MM", when the page shows no day: the
        dates without a year then take the year nearest to that month, and the
        relative ones stay unresolved. Relative dates ("on Friday", "yesterday", "اليوم") and a
        dateline without a year are read against it. Without it the article's
        own dateline is used ("ANKARA, March 5 (Reuters) -", "Moscow, 5 March
        2020 —", a "Published: …" line); a dateline without a year takes the
        year in which its weekday falls on its day, counting from the latest
        year the text writes out; when nothing settles the year, the dates
        that depend on it have ``year_known`` False. Relative dates stay
        unresolved when there is no date at all.
    country_bias : str
        ISO code of the country whose places win ambiguous names ("SY").
        A big city abroad still beats a small namesake at home.
    reference_date : datetime.date or str, optional
        Former name of ``published`` (kept working).
    gazetteer : Gazetteer, optional
        Default: :meth:`geozones.Gazetteer.default`.

    Returns
    -------
    Extraction
        ``.places``, ``.roads``, ``.dates``, ``.entities`` (names that are
        not places) and ``.to_dict()``.

    Raises
    ------
    InputError
        When ``text`` is not a string, is longer than
        ``geozones.settings.extract_max_chars`` characters, or ``published``
        is not a date.

    Examples
    --------
    >>> import geozones
    >>> ex = geozones.extract(
    ...     "ANKARA, March 5 (Reuters) - Foreign Minister Mevlut Cavusoglu said a "
    ...     "ceasefire would start in Idlib province at 00:01 on Friday.",
    ...     published="2020-03-05")
    >>> [(m.text, m.kind, m.place.country) for m in ex.places]
    [('ANKARA', 'place', 'TR'), ('Idlib province', 'region', 'SY')]
    >>> [d.iso for d in ex.dates]
    ['2020-03-05', '2020-03-06T00:01']
    """
    if not isinstance(text, str):
        raise InputError(f"extract() needs the text as a str, not {type(text).__name__}")
    _check_size(text)
    original, text = text, _blank_long_runs(text)
    bias = (country_bias or "").upper()
    month = _as_month(published)
    ref = None if month else _as_date(published) or _as_date(reference_date, "reference_date")
    index = _index_for(gazetteer, bias)
    dates, used_ref = extract_dates(text, ref, month=month)
    credits = dateline_entities(text) + reporter_outlets(text) + arabic_outlets(text)
    credits += numbered_outlets(text, [(d.start, d.end) for d in dates])  # "Deir Ezzor 24"
    # a credit's words are a name, not a date ("لبنان اليوم", Lebanon Today; "مراسل “حلب اليوم”")
    dates = [d for d in dates if not any(c.start < d.end and d.start < c.end for c in credits)]
    places, roads, entities = _names(text, dates, index, bias, credits)
    return Extraction(original, places, roads, dates, entities, used_ref, bias)


def _names(
    text: str, dates: list[DateMention], index: _Index, bias: str, credits: list[Entity]
) -> tuple[list[PlaceMention], list[RoadMention], list[Entity]]:
    """Places, roads and the names that are not places, dates' words aside: the names
    that are no places first, then the gazetteer's names the context keeps, the place
    each means, the places known by their construction, and the readings that correct a
    choice by the rest of the text."""
    rule_ents = _rule_entities(text, dates, index, credits)
    items, entities = _kept_names(text, dates, index, bias, rule_ents)
    unmarked, marked = construction_spans(text, marked=False), delimited_arabic_spans(text)
    listed = unmarked + marked + and_list_spans(text, items, index)  # "على A وB وC"
    listed = sorted(set(listed + tied_spans(text)))  # "A وB التابعتين لبلدة Y"
    items = drop_uncued_arabic(text, items, index, listed, bias)
    places, roads = build(text, items, index, bias)
    places = site_bases(text, places, index, bias)  # "الرصافة" in a story on Raqqa: Resafa
    places, signed = signature_outlets(text, places)  # "الأردن العربي –": the outlet
    entities += signed
    road_spans = [(r.start, r.end) for r in roads]
    taken = [(e.start, e.end) for e in entities] + [(d.start, d.end) for d in dates] + road_spans
    spans = _Spans(unmarked, marked, listed, road_spans, taken)
    places = _constructed(text, places, spans, bias)
    places = _corrected(text, places, index, bias, taken)
    entities = [e for e in entities if not _named_building(e, places)]  # "جامع أبي بن كعب"
    return places, roads, sorted(entities, key=lambda e: e.start)


def _named_building(e: Entity, places: list[PlaceMention]) -> bool:
    """Whether a building's noun taken for no place lies inside a site read as a place."""
    return e.rule == "ar-building" and any(p.start <= e.start and e.end <= p.end for p in places)


def _rule_entities(
    text: str, dates: list[DateMention], index: _Index, credits: list[Entity]
) -> list[Entity]:
    """The names that are not places by a general rule or the curated list (persons,
    organisations, outlets, operations), before any name of the gazetteer is read."""
    rule_ents = ctx.rule_entities(text) + ctx.agreement_entities(text)
    rule_ents += given_name_persons(text) + arabic_entities(text)
    rule_ents += arabic_feminine_adjectives(text) + operation_entities(text)
    rule_ents += arabic_qualified_nouns(text) + arabic_title_persons(text) + kin_persons(text)
    rule_ents += renamed_organisations(text)  # "المجلس العسكري في منبج" after "مجلس منبج العسكري"
    rule_ents += credits + org_name_places(text, _country_named(index))
    rule_ents += channel_entities(text) + body_names(text)  # "الرقة تذبح بصمت", "Baath party"
    rule_ents += source_entities(text, _country_named(index))  # not "according to Israel,"
    rule_ents += byline_persons(text) + broadcaster_entities(text)
    rule_ents += article_outlets(text)  # "Al Rai media": the outlet, not Ar-Ra'ee
    rule_ents += apposition_persons(text) + [
        e
        for e in ordinal_units(text)
        if not any(d.start < e.end and e.start < d.end for d in dates)
    ]  # "4. Tümen" (a division), not "5. März" (a date)
    rule_ents += credit_persons(text) + shaped_entities(text, _country_named(index), rule_ents)
    rule_ents += institution_entities(text)  # "US-Zentralkommando"
    rule_ents += time_zones(text) + role_persons(text) + event_names(text)  # "11:47 AM(IST)"
    rule_ents += ctx.surname_entities(text, rule_ents) + ctx.acronym_entities(text, rule_ents)
    taken = _Occupancy(len(text), [(e.start, e.end) for e in rule_ents])
    rule_ents += [e for e in lone_given_names(text) if taken.free(e.start, e.end)]  # “Omar”
    return government_of_country(rule_ents, _country_named(index))  # "the Government of Syria"


def _kept_names(
    text: str, dates: list[DateMention], index: _Index, bias: str, rule_ents: list[Entity]
) -> tuple[list[_Item], list[Entity]]:
    """The gazetteer's names in the text that the context keeps as names of places, with
    their region marks, and every name found not to be a place."""
    blocked = [(d.start, d.end) for d in dates]
    title = _TitleLines(text)
    scanned = _scan(text, index)
    scanned += settlement_matches(text, index, scanned)  # "Racco Beldesi": Raju
    whole = {(m.start, m.end) for m in scanned}  # "Busra al-Sham" is a town, no group
    rule_ents += [e for e in group_entities(text) if (e.start, e.end) not in whole]
    items, entities = _select(
        text, scanned, rule_ents, blocked, title, _country_refs(index), _metropolis_refs(index)
    )
    items = city_sense(text, items, index, bias)  # "the Syrian city of Darra": Daraa
    items = keep_near_loose(drop_function_words(text, items), index, bias, text)
    items = prefer_near_spelling(text, items, index, bias)  # "Hader" on the Golan: Hadar
    items = drop_grammar_words(text, items, index)  # "وأن", "تركياً", "العدوان التركي"
    entities += _list_surnames(text, entities, items)
    ents = _Occupancy(len(text), [(e.start, e.end) for e in entities])
    items = [it for it in items if ents.free(it.start, it.start + 1)]
    items = _longer_names(text, items, entities + _date_entities(dates), index, bias, title)
    taken = [(e.start, e.end) for e in entities] + blocked
    items = repeat_cued_names(text, items, scanned, taken)  # "east of Dabiq" … "see Dabiq"
    items = drop_generic_heads(text, items)  # "Wadi" of "the Wadi al-Anaz area"
    items, persons = speakers_named_again(text, *_person_like(text, items, index))  # "… said"
    entities += persons
    _mark_regions(text, items)
    mark_owner_areas(text, items, index)  # "Afrin’s Shera district": Afrin's area
    items = drop_cue_nouns(items, text)  # "Afrin Canton", "the Cizîr Canton": no Guangzhou
    mark_plural_lists(text, items)  # "the provinces of Hama, Aleppo and Latakia"
    mark_bracketed_admin_lists(text, items)  # "خمس نواحٍ في منطقة عفرين (شران، وبلبلة …)"
    return items, entities


@dataclass(frozen=True)
class _Spans:
    """Spans of the text the construction passes read: names a construction or a list's
    marks set off (``unmarked``, ``marked``, both in ``listed``), roads, and the spans
    already taken by a non-place, a date or a road."""

    unmarked: list[tuple[int, int]]
    marked: list[tuple[int, int]]
    listed: list[tuple[int, int]]
    roads: list[tuple[int, int]]
    taken: list[tuple[int, int]]


def _constructed(
    text: str, places: list[PlaceMention], spans: _Spans, bias: str
) -> list[PlaceMention]:
    """The chosen places re-read by their lists, with the places the text's constructions
    name ("the villages of X and Y", "قريتي X وY"), placed at their clause's anchor."""
    listed = spans.listed
    places = rechoose_near(text, places, bias, listed + place_list_spans(text, places))
    places = whole_names(text, places, listed)  # "بقرية عقارب الصافية": one village
    places = follow_first_reading(text, places)
    places = province_word_towns(text, places)  # "Kafr Zita province": the town
    places = front_word_towns(text, places)  # "the Jisreen front": the village
    places = _inside_delimited(text, places, spans.marked)  # "قصور" of "مناطق “… وقصور أم سابا …"
    listed = listed + comma_list_spans(text, places) + road_end_spans(text) + checkpoint_spans(text)
    found = context_places(text, places, spans.taken, bias, spans.roads, listed)
    found = drop_agreement_words(text, drop_phrase_names(text, found))  # "بلدات كثيرة"
    found = placed_beside_towns(text, found, places, set(spans.marked) - set(spans.unmarked))
    return place_at_anchors(text, sorted(places + found, key=lambda m: m.start), bias)


def _corrected(
    text: str, places: list[PlaceMention], index: _Index, bias: str, taken: list[tuple[int, int]]
) -> list[PlaceMention]:
    """Each place re-read by the rest of the text, in order: one sense per text, a city's
    squares, quarters and sites, far directions and far list members, the two governorates
    of a pair, twins, and the names that are words after all."""
    places = follow_first_unresolved(text, places)  # "town of Al-Shuhayl" … "Al-Shuhayl"
    places = repeat_context_places(text, places, taken)  # "towns of Fuaa and …" … "Fuaa"
    places = keep_anchored_squares(text, places, bias)  # "X Square in central Aleppo"
    places = attached_villages(text, places, bias)  # "قرية X التابعة لبلدة Y": at Y
    places = place_nicknames(text, places, bias)  # the so-called "Triangle of Death"
    places = _drop_cut_names(text, places)  # "Obada Al|-Hussien", a byline
    places = drop_headline_words(text, places)  # "Raid ISIS Dam Complex": no Damascus
    places = far_directions(text, places)  # "al-Sukhna, east of Homs": its east
    places = far_list_members(text, places, bias)  # "… وأبو حمام والبحرة": not Bahra by Hama
    places = far_english_members(text, places, bias)  # "the villages of al-Khalil and al-Hanah"
    places = drop_far_quarters(text, places, bias)  # "oil-rich Rumaila" in a story on Hasakah
    places = paired_capitals(text, places)  # "في حلب وإدلب": the two governorates
    places = far_named_sites(text, city_quarters(text, places, bias, taken), bias)  # "حي X"
    places = person_named_sites(text, places, bias)  # "مرقد السيدة رقية في دمشق"
    places = town_mountains(text, places)  # "في جبل عندان": the hills, at Anadan
    places = son_of_names(text, places, bias)  # "بمنطقة فيضة ابن موينع": not Fayda
    places = far_first_words(text, places, bias)  # "قرية ميدان غزال في جبل شحشبو"
    places = river_mentions(text, places, bias)  # "سد الطبقة على نهر الفرات": its stretch
    places = city_markets(text, places, bias)  # "Hamidiyeh souk" in a story on Damascus
    places = shopping_centres(text, places, bias)  # "the Castello shopping center"
    places = old_cities(text, places, taken)  # "the Old City of Raqa" … "the Old City"
    places = elided_twins(text, places, index)  # "الدير الشرقي والغربي": Western Deir
    places = country_regions(text, places, index)  # "الساحل بسوريا": the Syrian coast
    places = [p for p in places if not _named_region_country(text, p)]  # "كوردستان سوريا"
    places = drop_construct_words(text, drop_unlikely_places(text, places))  # "هوية", "الثورة"
    places = drop_far_common_towns(text, places)  # "وبلدة الجديدة غربها": no far Jdideh
    places = listed_quarters(text, places, bias)  # "مناطق العظمية وصلاح الدين …"
    # "the town of Akerbat in the east of Hama province": Oqeirbat, the sound-alike in Hama
    places = context_namesakes(text, places, lambda n: index.lookup(n, top=8), bias)
    return clause_area_namesakes(text, places, lambda n: index.lookup(n, top=8), bias)


#: A region named after a people and the country it lies in: "كوردستان سوريا" (Syrian
#: Kurdistan, the set marks it one region), "Kurdistan Syria".
_REGION_OF_COUNTRY = re.compile(r"(?:^|\s)[وبلف]?(?:كوردستان|كردستان|Kurdistan)[ \t]+$")


def _named_region_country(text: str, p: PlaceMention) -> bool:
    """Whether a country is the second word of a region's name ("بكوردستان سوريا", in
    Syrian Kurdistan): the region, not the country, is named."""
    return p.kind == "country" and bool(
        _REGION_OF_COUNTRY.search(text, max(0, p.start - 20), p.start)
    )


#: A name's article with its hyphen and the next word's first letter: "Al-", "el-".
_ARTICLE_END = re.compile(r"(?<![\w'’-])(?:Al|al|El|el)$")
_HYPHEN_WORD = re.compile(r"-[^\W\d_]")


#: How far from every other place of the text a name cut at its article may lie before it
#: is read as part of an unknown name rather than the town.
CUT_NAME_REACH_KM = 100.0


def _drop_cut_names(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """Without the matches that end on an article whose hyphen goes on into the next word
    ("Obada Al-Hussien", a reporter's name under his story) and lie more than
    ``CUT_NAME_REACH_KM`` from every other place of the text: the name goes on past what the
    gazetteer holds, a person's most often. Near the text's places the town is kept ("Daraa
    Al-Bilad", the old town of Daraa)."""
    cut = [p for p in places if _cut_at_article(text, p.end)]
    if not cut:
        return places
    others = [p for p in places if p.kind != "country" and p not in cut]
    far = [
        p for p in cut
        if not any(
            haversine_km(p.place.lat, p.place.lon, o.place.lat, o.place.lon) <= CUT_NAME_REACH_KM
            for o in others
        )
    ]  # fmt: skip
    return [p for p in places if p not in far]


def _cut_at_article(text: str, end: int) -> bool:
    """Whether a match ends on an article whose hyphen goes on into the next word."""
    return bool(_ARTICLE_END.search(text, max(0, end - 3), end)) and bool(
        _HYPHEN_WORD.match(text, end)
    )


def _inside_delimited(
    text: str, places: list[PlaceMention], marked: list[tuple[int, int]]
) -> list[PlaceMention]:
    """Without the shorter names inside a name that a list's marks set off or a Turkish
    noun of settlement closes: the name is one ("قصور أم سابا", not the village Qusour;
    "Şeyh Aruz köyü", not Arsuz)."""
    spans = marked + named_settlement_spans(text)
    return [
        p
        for p in places
        if not any(a <= p.start and p.end <= b and b - a > p.end - p.start for a, b in spans)
    ]


#: A run of this many characters or more without a space is no word of any language (a
#: hostile "X-X-X-…" or "X.X.X…"): the name patterns would try it from each of its
#: characters, so it is blanked (same length, offsets kept) before any rule reads the text.
_LONG_RUN = re.compile(r"\S{100,}")


def _blank_long_runs(text: str) -> str:
    """``text`` with every run of 100 or more non-space characters replaced by spaces."""
    if _LONG_RUN.search(text) is None:
        return text
    return _LONG_RUN.sub(lambda m: " " * len(m.group()), text)


def _check_size(text: str) -> None:
    limit = settings.extract_max_chars
    if len(text) > limit:
        raise InputError(
            f"the text has {len(text):,} characters, more than extract() reads "
            f"(geozones.settings.extract_max_chars = {limit:,}); split it into articles, "
            "or raise the setting (environment: GEOZONES_EXTRACT_MAX_CHARS)"
        )


def _date_entities(dates: list[DateMention]) -> list[Entity]:
    return [Entity(d.text, d.start, d.end, "date", "date") for d in dates]


def _list_surnames(text: str, entities: list[Entity], items: list[_Item]) -> list[Entity]:
    """A person's surname seen once as a person is a person everywhere in the text."""
    persons = [e for e in entities if e.kind == "person" and " " in e.text]
    names = {e.text.split()[-1] for e in persons}
    out = []
    for it in items:
        if text[it.name_start : it.end] in names:
            out.append(Entity(text[it.name_start : it.end], it.name_start, it.end, "person",
                              "surname"))  # fmt: skip
    return out


def _country_named(index: _Index) -> Callable[[str], bool]:
    """Whether a name, as written, is a country's (the gazetteer's own or an exonym)."""

    def country(name: str) -> bool:
        return any(p.kind == "country" and p.score >= 0.95 for p in index.lookup(name, top=3))

    return country


def _country_refs(index: _Index) -> frozenset[int]:
    """The gazetteer entries that are countries (computed once per index)."""
    got = getattr(index, "_country_refs", None)
    if got is None:
        kinds = index.gaz.kinds
        got = frozenset(i for i in range(len(kinds)) if kinds[i] == "country")
        index._country_refs = got  # type: ignore[attr-defined]
    return got


#: Importance (≈ log10 of the population) from which a city "backs" for its government.
METROPOLIS_IMPORTANCE = 6.0


def _metropolis_refs(index: _Index) -> frozenset[int]:
    """The gazetteer entries that are cities of a million people or more (computed once
    per index): "Ankara-backed", "Moscow-led" name the government seated there."""
    got = getattr(index, "_metropolis_refs", None)
    if got is None:
        kinds, imp = index.gaz.kinds, index.importance
        got = frozenset(
            i for i in range(len(kinds))
            if kinds[i] == "populated place" and imp[i] >= METROPOLIS_IMPORTANCE
        )  # fmt: skip
        index._metropolis_refs = got  # type: ignore[attr-defined]
    return got
