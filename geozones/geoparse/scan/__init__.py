"""The scan: every gazetteer name a text writes, and which of them are names of places.

The first pass of the geoparser, shared by every later room:

* the words of a text as the scan matches them (``_words``: folded tokens,
  possessives and case endings, Arabic proclitics rejoined by ``_proclitics``) and
  one Aho–Corasick automaton over every name variant of the gazetteer, city
  quarters and named sites included (``_index``, ``_neighbourhoods``,
  ``_landmarks``, the French "ch" key of ``_loose_ch``, a foreign country's towns by
  ``_country_bias``, Turkish settlement nouns by ``_turkish``);
* the context rules that say what a capitalised name next to a match is: persons
  and given names (``_persons``, ``_person_after``, ``_speech``), the curated
  non-place list and its general rules (``_context``), region and zone cues
  (``_region_cue``);
* the selection of the matches that are names of places (``_select``, with the
  words that never are one in ``_items`` and the names only a phonetic match finds
  in ``_unlisted``).

Examples
--------
The scan finds every name the gazetteer holds, words that are also villages
included ("hit": Hit); the selection keeps the names of places.

>>> from geozones.geoparse.scan._index import _index_for, _scan
>>> text = "Shelling hit Maarat al-Numan."
>>> [text[m.start:m.end] for m in _scan(text, _index_for(None, "SY"))]
['hit', 'Maarat al-Numan']
"""

from ._context import Entity
from ._country_bias import CountryBiasWarning
from ._persons import (
    arabic_entities,
    arabic_feminine_adjectives,
    given_name_persons,
    reporter_outlets,
)
from ._region_cue import mark_bracketed_admin_lists, mark_plural_lists
from ._turkish import named_settlement_spans, settlement_matches

__all__ = [
    "CountryBiasWarning",
    "Entity",
    "arabic_entities",
    "arabic_feminine_adjectives",
    "given_name_persons",
    "mark_bracketed_admin_lists",
    "mark_plural_lists",
    "named_settlement_spans",
    "reporter_outlets",
    "settlement_matches",
]
