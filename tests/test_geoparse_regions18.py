"""Named regions the press uses (issue #16, round 18): the Syrian coast, Western Ghouta, Eastern
and Western Qalamoun, the Hamad desert, Jabal al-Arab, the Khabur valley, Mount Hermon, and the
two Aleppo hills whose names begin like Mount Hermon's "جبل الشيخ". Each is found in a sentence
quoted from the page its entry in data/geoparse/regions.yaml cites, and each has a sentence where
it must not fire (a common word, a person, a namesake, a neighbouring region)."""

from __future__ import annotations

import pytest
import yaml

import geozones
from geozones._io import data_path
from geozones.projection import haversine_km


def _regions(text: str) -> dict[str, str]:
    """The curated regions ``extract`` reports in ``text``: mention text -> region name (a
    mention may carry its cue: "منطقة الساحل السوري", "vicinity of Jabal al-Sheikh")."""
    return {
        m.text: m.place.name for m in geozones.extract(text).places if m.place.extra.get("region")
    }


def _found(text: str, needle: str) -> str | None:
    """The region of the one mention of ``text`` that holds ``needle``."""
    hits = [name for mention, name in _regions(text).items() if needle in mention]
    assert len(hits) <= 1, hits
    return hits[0] if hits else None


FOUND = [
    (  # genevastrategics.org, 10 March 2025
        "واستهدفت هذه الهجمات عشرات المواقع في منطقة الساحل السوري، بما في ذلك ريف اللاذقية، "
        "ريف طرطوس، وقرى جبلة",
        "الساحل السوري",
        "Syrian coast",
    ),
    (  # syriahr.com/en/34669
        "the regime forces shelled areas in the city of Darayya in the Western Ghouta, no "
        "reports of casualties so far.",
        "Western Ghouta",
        "Western Ghouta",
    ),
    (  # syria.tv, tag الغوطة الغربية
        "تحركت الجرافات لإغلاق كل مداخل ومخارج مدينة داريا في الغوطة الغربية",
        "الغوطة الغربية",
        "Western Ghouta",
    ),
    (  # newarab.com, 21 April 2018
        "The rebels will begin departing al-Ruhayba - a town in Eastern Qalamoun, which lies "
        "around 35 miles northeast of Damascus - for other opposition areas in Syria on Saturday.",
        "Eastern Qalamoun",
        "Eastern Qalamoun",
    ),
    (  # french.presstv.ir, 23 August 2017
        "L'armée syrienne et le Hezbollah ont ainsi repris le contrôle du mont stratégique "
        "« Al Mossoul » situé dans la région montagneuse « al-Barij » dans le Qalamoun occidental.",
        "Qalamoun occidental",
        "Western Qalamoun",
    ),
    (  # howlingpixel.com/i-en/Syrian_Desert
        'Some sources equate the Syrian Desert with the "Hamad Desert", while others limit the '
        "name Hamad to the southern central plateau",
        "Hamad Desert",
        "Hamad desert",
    ),
    (  # respect491.rssing.com, article 2438
        "The most recent clashes that erupted on multiple fronts in Jabal al-Arab seemed to be "
        "more serious than previous ones",
        "Jabal al-Arab",
        "Jabal al-Arab",
    ),
    (  # syriacpress.com, 26 February 2024
        "Resilience and Challenges: Syriac–Assyrian villages of the Khabur River Valley",
        "Khabur River Valley",
        "Khabur valley",
    ),
    (  # heartoforient.blogspot.com, November 2017
        "The vicinity of Jabal al-Sheikh (aka Mt. Hermon), which lies at the intersection of "
        "Lebanon, Syria and the Israeli-occupied Golan Heights, contains the last pockets of "
        "rebel-held territory in the southwestern Damascus countryside",
        "Jabal al-Sheikh",
        "Mount Hermon",
    ),
    (  # marefa.org, جبل الشيخ بركات
        "جبل الشيخ بركات أو جبل دارة عزة، هو أحد جبال سوريا يبلغ ارتفاعه 1000 م فوق سطح البحر، "
        "ويقع غرب مدينة دارة عزة، في ريف حلب الغربي",
        "جبل الشيخ بركات",
        "Jabal Sheikh Barakat",
    ),
    (  # alwatan.sy/archives/325534
        "تظاهر العشرات من أهالي جبل الشيخ عقيل في مدينة الباب المحتلة بريف حلب الشرقي",
        "جبل الشيخ عقيل",
        "Jabal Sheikh Aqil",
    ),
    (  # benchmarks/geoparse_real/310 (Rappler/AFP): the Middle Euphrates, where Hajin lies
        "SDF forces fanned out across the large village in the Euphrates valley.",
        "Euphrates valley",
        "Middle Euphrates River Valley",
    ),
]


@pytest.mark.parametrize("text, mention, region", FOUND, ids=[f[2] for f in FOUND])
def test_a_named_region_in_a_real_sentence_is_found(text, mention, region):
    assert _found(text, mention) == region


NOT_FOUND = [
    ("وصلت القوارب إلى الساحل مساء أمس", "Syrian coast"),  # the bare common word "coast"
    ("Western powers condemned the shelling of Darayya.", "Western Ghouta"),
    ("Syrian troops shelled Douma in Eastern Ghouta.", "Western Ghouta"),
    ("Hezbollah fought in the Qalamoun mountains near Arsal.", "Eastern Qalamoun"),
    ("Hezbollah fought in the Qalamoun mountains near Arsal.", "Western Qalamoun"),
    ("قال أحمد الحماد إن القصف استمر", "Hamad desert"),  # a family name
    ("Sheikh Hamad bin Jassim visited Damascus.", "Hamad desert"),
    ("اجتمع وزراء الخارجية العرب في القاهرة", "Jabal al-Arab"),  # "the Arabs"
    ("Shelling hit Jabal al-Arbaeen near Ariha.", "Jabal al-Arab"),
    ("The Khabur River flows into the Euphrates.", "Khabur valley"),  # the river, not its valley
    ("the newly-formed Jaysh Hermon coalition claims to have seized key territory", "Mount Hermon"),
    ("اشتباكات في جبل الشيخ بركات غرب حلب", "Mount Hermon"),  # another "جبل الشيخ …"
    ("قاعدة عسكرية فوق جبل الشيخ عقيل في مدينة الباب", "Mount Hermon"),
    ("قصف على جبل الشيخ مقصود في حلب", "Mount Hermon"),  # the Aleppo district
]


@pytest.mark.parametrize("text, region", NOT_FOUND)
def test_a_region_does_not_fire_on_a_common_word_person_or_namesake(text, region):
    assert region not in _regions(text).values()


def test_the_eastern_ghouta_and_the_bare_ghouta_are_unchanged():
    text = "القصف على الغوطة الشرقية والغوطة الغربية"
    assert sorted(_regions(text).values()) == ["Eastern Ghouta", "Western Ghouta"]
    assert _found(text, "الغوطة الغربية") == "Western Ghouta"
    assert _regions("Regime forces advanced in Ghouta.") == {"Ghouta": "Eastern Ghouta"}


def _entry(name: str) -> dict:
    with open(data_path("geoparse", "regions.yaml"), encoding="utf-8") as fh:
        return next(r for r in yaml.safe_load(fh) if r["name"] == name)


@pytest.mark.parametrize(
    "region, town, km",
    [
        ("Syrian coast", "Jableh", 15),
        ("Western Ghouta", "Darayya", 10),
        ("Eastern Qalamoun", "Jayrud", 10),
        ("Eastern Qalamoun", "al-Ruhayba", 10),
        ("Western Qalamoun", "Yabroud", 15),
        ("Jabal al-Arab", "As-Sweida", 15),
        ("Khabur valley", "Tal Tamr", 15),
        ("Mount Hermon", "Beit Jinn", 10),
        ("Jabal Sheikh Barakat", "Daret Azza", 5),
        ("Jabal Sheikh Aqil", "Al-Bab", 5),
    ],
)
def test_a_centre_lies_by_a_town_of_its_region(region, town, km):
    r, p = _entry(region), geozones.geocode(town)
    assert haversine_km(r["lat"], r["lon"], p.lat, p.lon) < km
    assert r["admin"][1] == p.admin[1]  # the same governorate


def test_every_entry_cites_a_page_and_no_variant_is_a_bare_common_word():
    with open(data_path("geoparse", "regions.yaml"), encoding="utf-8") as fh:
        rows = yaml.safe_load(fh)
    text = data_path("geoparse", "regions.yaml").read_text(encoding="utf-8")
    for name in ("Syrian coast", "Hamad desert", "Khabur valley", "Mount Hermon"):
        block = text[text.index(f"- name: {name}") :].split("\n- name:")[0]
        assert "http" in block, name
    variants = {v for r in rows for v in r.get("variants", [])}
    for word in ("الساحل", "الحماد", "al-Hamad", "Hermon", "Khabur", "الخابور", "العرب"):
        assert word not in variants, word
