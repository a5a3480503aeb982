"""Round 6 of issue 16: rules drawn from heldout5's misses (passages 84-91, examined after
heldout6 was committed and first run). Each test reads a real sentence of those passages."""

from __future__ import annotations

import geozones


def _places(text: str) -> dict[str, tuple[str, object]]:
    return {m.text: (m.kind, m.place) for m in geozones.extract(text).places}


def test_a_directorate_in_a_town_is_an_organisation_not_the_town():
    # Masrawy relaying dpa, 2018 (passage 84): the Idlib education directorate is no mention
    # of Idlib, the town named in the same sentence is
    text = (
        "في عضون ذلك، قال قصي نور ، وهو ناشط مقيم في إدلب، لوكالة الأنباء الألمانية إن "
        "السلطات طلبت من جميع المدارس والمكاتب التابعة لمديرية التربية والتعليم في إدلب "
        "إغلاق أبوابها لمدة ثلاثة أيام"
    )
    spans = [(m.start, m.end) for m in geozones.extract(text).places if m.text == "إدلب"]
    cut = text.index("لمديرية")
    assert spans and all(s < cut for s, _ in spans)


def test_an_office_word_with_a_name_and_an_adjective_is_an_organisation():
    # Al-Souria Net, 2019 (passage 86): "مركز إدلب الإعلامي" is the Idlib Media Centre
    text = (
        "من جانبه، وثق “مركز إدلب الإعلامي” مقتل مدنيين اثنين وإصابة آخرين، جراء استهداف "
        "الطيران الروسي بالصواريخ محيط بلدة البارة جنوبي إدلب."
    )
    got = geozones.extract(text).places
    cut = text.index("مقتل")
    assert not [m for m in got if m.start < cut]
    assert any("البارة" in m.text for m in got)


def test_an_office_word_alone_keeps_the_place():
    # "مركز إدلب" without an adjective is the district's centre: still a mention of Idlib
    got = _places("قصف الطيران مركز إدلب ومحيطه مساء اليوم")
    assert any("إدلب" in name for name in got)


def test_a_preposition_with_an_attached_pronoun_is_no_village():
    # Al Jazeera, 2019 (passage 87): "من خلاله" (through it) is not the village Khlaleh
    text = "اختار النظام معبر أبو الظهور في ريف إدلب شرقي ليعلن عن استقبال المدنيين من خلاله"
    got = _places(text)
    assert "خلاله" not in got and any("أبو الظهور" in name for name in got)


def test_the_noun_of_aged_is_no_village():
    # Al-Souria Net, 2019 (passage 86): "يبلغ من العمر 22 عاماً" (aged 22), not the village Omar
    text = (
        "إن 9 أشخاص قتلوا، اليوم الثلاثاء، في غارة روسية على قرية كفرتعال في ريف حلب الغربي، "
        "بينهم 6 أطفال أشقاء مع أمهم وأبيهم، بالإضافة إلى مقتل شاب يبلغ من العمر 22 عاماً."
    )
    assert "العمر" not in _places(text)


def test_a_verb_after_hakadha_is_no_village():
    # Al Jazeera, 2019 (passage 87): "هكذا بدا المشهد" (thus the scene looked), not Bada
    text = "هكذا بدا المشهد في المنطقة الفاصلة بين مناطق سيطرة النظام والمعارضة"
    assert "بدا" not in _places(text)


def test_and_before_a_two_letter_head_word_keeps_the_village():
    # Masrawy relaying dpa, 2018 (passage 84): "وأم جلال" is "and Umm Jalal" (Tamanaah)
    text = (
        "إن الغارات الجوية التي يشنها النظام السوري والطائرات الروسية استهدفت مناطق في خان "
        "شيخون والتمانعة والتح وتل عاس وأم جلال والدرابلة."
    )
    kind, place = _places(text)["أم جلال"]
    assert kind == "place" and place.name == "Um Jalal" and abs(place.lat - 35.502) < 0.01


def test_britain_in_arabic_is_the_united_kingdom():
    # Masrawy relaying dpa, 2018 (passage 84): "ومقره بريطانيا" (based in Britain) is a noun
    # mention of the country under the set's guideline; the adjective is not
    text = (
        "وقال المرصد السوري لحقوق الإنسان ومقره بريطانيا إن طائرات النظام السوري نفذت نحو "
        "46 غارة على ريف إدلب الجنوبي."
    )
    got = _places(text)
    assert got["بريطانيا"][0] == "country" and got["بريطانيا"][1].name == "United Kingdom"
    assert not _places("وصلت القوات البريطانية إلى القاعدة")
