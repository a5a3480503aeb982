"""Arabic grammar for the geoparser: when an Arabic word the gazetteer holds is no place.

Many Syrian villages bear an everyday Arabic word, a verb form or an adjective as
their name. This room reads the grammar around a match: common words and the
normalised spelling (``_common``, ``_unknown_words``), the agreement of an
adjective with its noun (``_agreement``), accusative endings, suffixes and name
prefixes (``_accusative``, ``_suffixes``, ``_name_prefix``, gathered by
``_grammar``), word classes that are never places (ordinals, an action "من قبل" someone,
``_word_classes``), nouns qualified by a name (``_nouns``, ``_named``), the cues that
make a bare word a place ("قرية", "بلدة", "في", ``_cues``, ``_linked``), and the
names a list's marks set off (``_delimited``).

Examples
--------
>>> from geozones.geoparse.arabic import is_common_word
>>> is_common_word("الثورة"), is_common_word("كفرنبل")
(True, False)
"""

from ._agreement import drop_agreement_words
from ._common import is_common_word
from ._cues import drop_uncued_arabic
from ._delimited import delimited_arabic_spans, placed_beside_towns
from ._grammar import drop_grammar_words
from ._linked import drop_far_common_towns
from ._nouns import arabic_qualified_nouns

__all__ = [
    "arabic_qualified_nouns",
    "delimited_arabic_spans",
    "drop_agreement_words",
    "drop_far_common_towns",
    "drop_grammar_words",
    "drop_uncued_arabic",
    "is_common_word",
    "placed_beside_towns",
]
