"""Which place a found name means, and the readings that correct it.

:func:`build` (``_choose``) turns each selected name into a
:class:`~geozones.geoparse.PlaceMention`: home or abroad (``_abroad``), the nearest
namesake to the text's other towns (``_town_centre``), a governorate's capital as
the city or the governorate (``_capitals``, ``_capital_reading``), the namesakes in
the country written after a name ("Sinjar, northern Iraq", ``_apposed_country``), a
quarter called a district (``_quarter_district``), a road and the towns that name it
(``_roads``). The other modules each correct one reading after the choice: a loose
spelling kept only near the story (``_loose``, ``_city_sense``), a province word on
a town ("Kafr Zita province", a front named after a village, ``_province_word``), a far
direction ("al-Sukhna, east of Homs", ``_far_direction``), a quarter far from the story
(``_far_quarters``), an area's nickname (``_nicknames``), a site's base name in the
governorate the text names ("الرصافة" in a story on Raqqa's countryside,
``_site_bases``), generic heads and function words that are no names
(``_generic_heads``, ``_function_words``), a common word of a title-case headline read as a
city's short form ("Raid ISIS Dam Complex", ``_headline_words``), the trained
filter of Arabic names that are words (``_place_model``), and the gazetteer's sound-alike of
a name found by its construction only, near the towns around it or in the governorate its
clause names ("the town of Akerbat in the east of Hama province": Oqeirbat; an exact
namesake outside the governorate a town's clause names giving way to a sound-alike inside
it, ``_context_namesakes``).

Examples
--------
>>> import geozones
>>> ex = geozones.extract("Clashes in northern Hama and in Kafr Zita.")
>>> [(m.text, m.kind) for m in ex.places]
[('northern Hama', 'region'), ('Kafr Zita', 'place')]
"""

from ._choose import _build
from ._city_sense import city_sense
from ._context_namesakes import clause_area_namesakes, context_namesakes
from ._far_direction import far_directions
from ._far_quarters import drop_far_quarters
from ._function_words import drop_function_words
from ._generic_heads import drop_generic_heads
from ._headline_words import drop_headline_words
from ._loose import keep_near_loose, prefer_near_spelling
from ._nicknames import place_nicknames
from ._place_model import drop_unlikely_places
from ._province_word import front_word_towns, province_word_towns
from ._site_bases import site_bases

build = _build

__all__ = [
    "build",
    "city_sense",
    "clause_area_namesakes",
    "context_namesakes",
    "drop_far_quarters",
    "drop_function_words",
    "drop_generic_heads",
    "drop_headline_words",
    "drop_unlikely_places",
    "far_directions",
    "front_word_towns",
    "keep_near_loose",
    "place_nicknames",
    "prefer_near_spelling",
    "province_word_towns",
    "site_bases",
]
