"""Names that are not places: persons, organisations, armed groups, outlets, operations.

A place name inside a longer name belongs to it ("Aleppo Media Center", "the
Hama Military Council"), and a name beside a title, a byline or a credit is a
person's. Each module reads one shape: outlets, channels, bylines, sources and
credits (``_outlets``, ``_ar_outlets``), organisations by their head words and
their forms ("… of X and Y", "X 24", ``_org_names``, ``_org_forms``, ``_ar_orgs``,
``_ar_bodies``, ``_institutions``), numbered units (``_ar_units``), a person after a
kinship or office noun with a possessive ("ونائبتها هند الخضير", ``_ar_kin``), military
operations and groups (``_operations``), Arabic titles (``_ar_titles``), "the
Government of Syria" (``_government_of``), bodies named by their shape (a campaign named
by a sentence, "الإدارة الذاتية لشمال وشرق سوريا", "the Baath party", "the Syriac
Orthodox Church", ``_body_names``), a common given name standing alone ("homemade
“Omar” missiles", ``_lone_names``), English names known by the words around them (a
time zone after a clock time, a full name a noun of role or kinship calls a person's,
an event's name, ``_en_shapes``), and phrases whose words the gazetteer holds as
villages (``_phrase_names``). Each returns
:class:`~geozones.geoparse.Entity` spans; the extraction lists them as
``.entities`` and never as places.

Examples
--------
>>> from geozones.geoparse.entities import broadcaster_entities
>>> [(e.text, e.kind) for e in broadcaster_entities("a correspondent for Radio Cham FM in Homs")]
[('Radio Cham FM', 'news')]
"""

from ._ar_kin import kin_persons
from ._ar_orgs import renamed_organisations
from ._ar_outlets import arabic_outlets
from ._ar_titles import arabic_title_persons
from ._body_names import body_names
from ._en_shapes import event_names, role_persons, time_zones
from ._government_of import government_of_country
from ._institutions import institution_entities
from ._lone_names import lone_given_names
from ._operations import group_entities, operation_entities
from ._org_forms import numbered_outlets, shaped_entities, speakers_named_again
from ._org_names import dateline_entities, org_name_places
from ._outlets import (
    apposition_persons,
    article_outlets,
    broadcaster_entities,
    byline_persons,
    channel_entities,
    credit_persons,
    ordinal_units,
    signature_outlets,
    source_entities,
)
from ._phrase_names import drop_construct_words, drop_phrase_names

__all__ = [
    "apposition_persons",
    "arabic_outlets",
    "article_outlets",
    "arabic_title_persons",
    "body_names",
    "broadcaster_entities",
    "byline_persons",
    "channel_entities",
    "credit_persons",
    "dateline_entities",
    "drop_construct_words",
    "drop_phrase_names",
    "event_names",
    "government_of_country",
    "group_entities",
    "institution_entities",
    "kin_persons",
    "lone_given_names",
    "numbered_outlets",
    "operation_entities",
    "ordinal_units",
    "org_name_places",
    "renamed_organisations",
    "role_persons",
    "shaped_entities",
    "signature_outlets",
    "source_entities",
    "time_zones",
    "speakers_named_again",
]
