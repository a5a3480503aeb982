"""Round 9 of issue 16: rules drawn from heldout8's misses (passages 124-147, news from
Afrin, Manbij, the Euphrates, Daraa, the Ghouta, Latakia and northern Hama: the first set
outside Idlib). Each test reads a real sentence."""

from __future__ import annotations

import geozones


def _places(text: str, **kw) -> list[tuple[str, str, str, float, float]]:
    ex = geozones.extract(text, **kw)
    return [
        (m.text, m.kind, m.place.name, round(m.place.lat, 2), round(m.place.lon, 2))
        for m in ex.places
    ]


# Alyaoum24, 8 Apr 2018 (137): the first sentence and the start of the third
DOUMA = (
    "قتل 40 مدنيًا على الأقل، خلال الساعات الماضية، جراء هجوم كيمياوي للنظام السوري على مدينة "
    '"دوما" الخاضعة لسيطرة المعارضة في الغوطة الشرقية. '
    "وبدأت قوات النظام، أول أمس الجمعة، شن هجمات جوية، وبرية عنيفة على دوما آخر مدينة "
    "خاضعة لسيطرة المعارضة في الغوطة."
)


def test_a_named_region_and_a_prominent_town_beat_a_far_namesake_village():
    # "الغوطة" was a village Ghota in Raqqa, and being the text's only unambiguous name it
    # pulled دوما (Douma, 110,000 people, Rural Damascus) to a village Duma near Hama
    got = _places(DOUMA)
    douma = [g for g in got if g[0] == "دوما"]
    assert len(douma) == 2 and all(g[1:] == ("place", "Duma", 33.57, 36.4) for g in douma)
    ghouta = [g for g in got if g[0] == "الغوطة"]
    assert ghouta and all(g[1] == "region" and g[2] == "Eastern Ghouta" for g in ghouta)


def test_the_regions_of_the_north_and_east_the_press_names():
    # Hawar News (129), Difesa & Sicurezza (127), Enab Baladi (136)
    shahba = _places(
        "The Turkish occupation army and its mercenaries are violently bombarding the "
        "populated district of Tel Rifat in al-Shahba canton."
    )
    assert ("al-Shahba", "region", "Shahba region", 36.42, 37.18) in [
        (g[0][:9], *g[1:]) for g in shahba
    ]
    merv = _places(
        "The goal is to weaken the IS lines of defense and prevent terrorists from receiving "
        "reinforcements from the west of the Middle Euphrates River Valley (MERV)."
    )
    assert {g[2] for g in merv} == {"Middle Euphrates River Valley"}
    yarmouk = _places("وتسعى حاليًا لمحاصرة حوض اليرموك بشكل كامل، ومدينة نوى الخارجة عن سيطرتها.")
    assert any(g[2] == "Yarmouk Basin" and g[1] == "region" for g in yarmouk)
