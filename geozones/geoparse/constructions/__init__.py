"""Places known by how the text writes them, not by a list: constructions, lists, anchors.

A reader knows "Kaddour" is a place in "captured the towns of Kaddour and
Ruwehah" without any gazetteer. This room finds such names and places them:
the noun before a list ("the villages of", "قريتي", ``_unknown`` with
``_list_area``), runs of names written as one list (``_place_lists``,
``_arabic_lists``; "و" lists after a preposition whose members are mostly known places,
``_ar_and_lists``), the anchor of a clause ("… villages in eastern al-Bab",
``_anchor``), "قرية X التابعة لبلدة Y" (``_ar_attached``; the names before a tie in the
singular or the dual, "A وB التابعتين لبلدة Y", ``_ar_tied``), a city's quarters
and sites ("حي X", "X Square in central Aleppo", ``_ar_quarters``, ``_ar_sites``,
``_square_sites``; a mountain named after its town, "جبل عندان"; a market named after a
far village, "Hamidiyeh souk" in a story on Damascus, and a shopping centre named by a name
of its own, ``_market_sites``; "the Old City of Raqa" and the later bare "the Old City",
``_old_city``), mosques and
shrines named after a person ("مرقد السيدة رقية", ``_ar_named_sites``), a far
list member or a pair of capitals read as governorates (``_ar_far_listed``,
``_ar_paired_capitals``; an English list's far member, ``_en_far_listed``), elided
twins ("الدير الشرقي والغربي", ``_ar_twins``),
a village's name of two or three words read as shorter ones ("بقرية عقارب
الصافية", "بمنطقة فيضة ابن موينع", ``_ar_whole_names``), rivers named with the
river's noun ("نهر الفرات", placed nearest their sentence's places, ``_rivers``), a
region word and the country after a preposition ("الساحل بسوريا", ``_country_regions``),
and one sense per
text: a name the context showed to be a place is one wherever it is written
again (``_repeats``, ``_context_repeats``, ``_unresolved_repeats``).

Examples
--------
>>> import geozones
>>> ex = geozones.extract("Rebels captured the villages of Kaddour and Ruwehah near Saraqib.")
>>> [m.text for m in ex.places]
['Kaddour', 'Ruwehah', 'Saraqib']
"""

from ._anchor import place_at_anchors
from ._ar_and_lists import and_list_spans
from ._ar_attached import attached_villages, checkpoint_spans, road_end_spans
from ._ar_far_listed import far_list_members
from ._ar_named_sites import person_named_sites
from ._ar_paired_capitals import paired_capitals
from ._ar_quarters import city_quarters, listed_quarters
from ._ar_sites import far_named_sites, town_mountains
from ._ar_tied import tied_spans
from ._ar_twins import elided_twins
from ._ar_whole_names import far_first_words, son_of_names, whole_names
from ._arabic_lists import comma_list_spans
from ._context_repeats import repeat_context_places
from ._country_regions import country_regions
from ._en_far_listed import far_english_members
from ._market_sites import city_markets, shopping_centres
from ._old_city import old_cities
from ._place_lists import follow_first_reading, place_list_spans
from ._repeats import repeat_cued_names
from ._rivers import river_mentions
from ._square_sites import keep_anchored_squares
from ._unknown import construction_spans, context_places, rechoose_near
from ._unresolved_repeats import follow_first_unresolved

__all__ = [
    "and_list_spans",
    "attached_villages",
    "checkpoint_spans",
    "city_markets",
    "city_quarters",
    "comma_list_spans",
    "country_regions",
    "construction_spans",
    "context_places",
    "elided_twins",
    "far_english_members",
    "far_list_members",
    "far_named_sites",
    "follow_first_reading",
    "follow_first_unresolved",
    "keep_anchored_squares",
    "listed_quarters",
    "old_cities",
    "paired_capitals",
    "person_named_sites",
    "place_at_anchors",
    "place_list_spans",
    "rechoose_near",
    "river_mentions",
    "road_end_spans",
    "shopping_centres",
    "far_first_words",
    "son_of_names",
    "tied_spans",
    "town_mountains",
    "repeat_context_places",
    "repeat_cued_names",
    "whole_names",
]
