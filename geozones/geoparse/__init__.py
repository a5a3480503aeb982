"""From an article to a draft map: the places, roads and dates a text mentions.

:func:`extract` finds place names with the gazetteer's own name variants
(every variant of every entry, folded with :func:`geozones._text.fold` and
scanned in one pass with an Aho–Corasick automaton from ``pyahocorasick``),
maps each match back to the original text, and lets the context decide what
it is:

* persons ("Foreign Minister Sergei Lavrov", "Mr Cavusoglu", "Putin"),
  organisations ("the Free Syrian Army", "Jabhat al-Nusra") and news outlets
  ("Reuters", "SANA") are not places, by general rules (titles, organisation
  words, surnames seen earlier) and a short curated list
  (``data/geoparse/entities.yaml``);
* a name that is a country is a country; a city abroad ("Ankara", "Geneva")
  keeps its own country unless a Syrian place of that name is about as
  prominent;
* "western Aleppo countryside", "southern Idlib", "Aleppo province" are
  regions (the admin area); "Jabal al-Zawiya" and "the Ghab plain" are
  regions from ``data/geoparse/regions.yaml``; "the Idlib de-escalation zone"
  is a *zone* mention anchored on the Idlib governorate;
* a place inside a longer name belongs to it: "the Aleppo–Latakia highway" is
  a road (the M4), "Aleppo Media Center" an organisation.

Dates come from :mod:`geozones.geoparse.dates._extract` (regex candidates, resolved
against the caller's reference date or the article's own dateline).
:func:`draft_spec` turns an extraction into a YAML spec skeleton with TODO
markers where a person must decide.

The work is split into rooms, each a subpackage whose ``__init__`` says what it
holds; they point one way (an import-linter contract in ``pyproject.toml``):

* ``_extract`` (the public :func:`extract`, the order of the passes) and
  ``_draft`` (draft specs) on top;
* ``constructions``: places known by how the text writes them (lists, anchors,
  "the villages of …", a city's quarters, one sense per text);
* ``places``: which place a found name means, and the corrections after the choice;
* ``entities``: names that are not places (persons, organisations, outlets);
* ``arabic``: the Arabic grammar that tells a village from a word;
* ``_results``: what :func:`extract` returns;
* ``scan``: the gazetteer's names in the text, their context, the selection;
* ``dates`` and ``_parts`` (parts of places) at the bottom.
"""

from __future__ import annotations

from ._draft import draft_spec, write_draft_spec
from ._extract import extract
from ._results import Extraction, PlaceMention, RoadMention
from .dates._extract import DateMention
from .scan._context import Entity
from .scan._country_bias import CountryBiasWarning

__all__ = [
    "CountryBiasWarning",
    "Extraction",
    "PlaceMention",
    "RoadMention",
    "DateMention",
    "Entity",
    "extract",
    "draft_spec",
    "write_draft_spec",
]
