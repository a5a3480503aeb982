"""Persons, bodies and common words taken for places (round 25, from heldout23's misses).

Each rule is shown firing on a sentence of its own and leaving alone the same word where the
sentence makes it a place: a campaign named by a sentence ("حمص تحترق بصمت") and an
administration named for a region ("الإدارة الذاتية لشمال وشرق سوريا"); a party written with a
lower-case "party" and a church body named by its denomination; a byline's "By" before a given
name, a given name standing alone, an Arabic given name before a bare family name; an Arabic
ordinal, an action "من قبل" someone, a dual that the text names in apposition; and a title
after a noun of place, which opens the town's name ("مدينة السيدة زينب").
"""

from __future__ import annotations

import geozones
from geozones.geoparse.arabic._word_classes import word_class_drops
from geozones.geoparse.entities import body_names, lone_given_names
from geozones.geoparse.scan._items import _Item


def _places(text: str) -> list[tuple[str, int]]:
    return [(m.text, m.start) for m in geozones.extract(text).places]


def _names(text: str) -> list[str]:
    return [m.text for m in geozones.extract(text).places]


# -- bodies named by their shape -----------------------------------------------------------


def test_a_campaign_named_by_a_sentence_on_its_own_line_is_no_report_on_the_town():
    got = _places("حمص تحترق بصمت\nقصفت الطائرات حي الوعر في مدينة حمص صباح اليوم.")
    assert all(start > 0 for _, start in got)  # the signature line names no place
    assert ("مدينة حمص", 41) in got  # the town of the story is still found
    got = _places("The group Raqqa is Being Slaughtered Silently said two died in Raqqa city.")
    assert [t for t, _ in got] == ["Raqqa"] and got[0][1] > 50


def test_a_headline_with_a_verb_and_its_object_keeps_its_town():
    assert ("حمص", 0) in _places("حمص تستعيد الهدوء\nعاد الأهالي إلى أحياء المدينة.")
    assert ("Raqqa", 0) in _places("Raqqa is being shelled again, residents said.")
    assert body_names("حلب تستعيد الكهرباء\nعادت الكهرباء إلى المدينة") == []


def test_an_administration_named_for_a_region_is_one_name():
    text = "أعلنت الإدارة الذاتية لشمال وشرق سوريا حظر التجول في مدينة القامشلي."
    assert _names(text) == ["القامشلي"]  # not the region "North and East Syria"
    text = "قالت الإدارة الذاتية في عفرين إن القصف مستمر على عفرين."
    assert _places(text) == [("عفرين", 49)]  # the second Afrin, "على عفرين", is the town


def test_a_body_without_the_administrations_adjective_leaves_the_town():
    assert _names("دخلت الشرطة العسكرية إلى منبج صباح اليوم.") == ["منبج"]


def test_a_party_with_a_lower_case_party_is_an_organisation():
    assert _names("Protesters gathered outside the Baath party headquarters in Quneitra.") == [
        "Quneitra"
    ]
    assert "Baath" in _names("Israeli shelling hit the village of Baath in Quneitra province.")


def test_a_church_named_by_its_denomination_is_a_body_not_a_building():
    text = "These schools are run by the Syriac Orthodox Church in Qamishli, its teachers said."
    assert _names(text) == ["Qamishli"]
    text = "Shelling damaged the Saint George Church in Qamishli on Sunday."
    assert "Saint George Church" in _names(text)  # a church of its own name is a site


# -- given names -----------------------------------------------------------------------------


def test_a_byline_given_name_is_the_writer():
    text = "By Omar Haj Kadour, AFP\nIDLIB, Syria - Shelling killed three people."
    assert "Omar" not in _names(text)
    ents = geozones.extract(text).entities
    assert any(e.text == "Omar Haj Kadour" and e.kind == "person" for e in ents)


def test_a_given_name_alone_is_no_village():
    assert _names("Fighters fired locally made “Omar” rockets at the checkpoint near Daraa.") == [
        "Daraa"
    ]
    assert [e.text for e in lone_given_names("homemade “Omar” missiles")] == ["Omar"]


def test_a_given_name_the_sentence_places_is_the_village():
    assert "Omar" in _names("Turkish shelling hit the village of Omar near Raju.")
    assert "Omar" in _names("The rebels shelled Omar and Kafr Janna.")
    assert "Omar" in _names("Ali told AFP that the road to Omar was cut.")
    assert lone_given_names("the hamlets of Omar, Raju and Bulbul") == []


def test_a_lone_given_name_does_not_make_the_word_a_surname_elsewhere():
    text = "homemade “Omar” missiles hit the village of Omar near Raju."
    got = _places(text)
    assert [t for t, _ in got] == ["Omar", "Raju"] and got[0][1] > 20


def test_an_arabic_given_name_before_a_bare_family_name_and_a_comma_is_a_person():
    text = "وأوضح رئيس اللجنة أحمد حمرا، أن العائلات عادت إلى قراها. وأكد حمرا أن الطريق آمن."
    assert _names(text) == []
    assert "حمرا" in _names("قصفت الطائرات قرية حمرا في ريف حماة الشرقي.")


# -- Arabic word classes -------------------------------------------------------------------


def test_an_ordinal_in_a_count_is_no_village():
    names = _names("قتل مدني في بلدة داعل، وثان في بلدة طفس، وسابع في الجيزة.")
    assert "سابع" not in names and "ثان" not in names
    assert "الجيزة" in names and "داعل" in names


def test_an_ordinal_named_by_a_noun_of_place_may_be_a_village():
    text = "سقطت قذيفة على قرية سابع في ريف درعا."
    start = text.find("سابع")
    assert not word_class_drops(text, _Item(start, start + 4, start, ()))


def test_an_action_by_someone_is_no_town():
    assert _names("وسط غضب واسع وحراك من قبل الأهالي ضد الغلاء.") == []
    assert "الحراك" in _names("تواصل القصف على الحراك من قبل قوات النظام.")


def test_a_dual_the_text_names_in_apposition_is_the_pair_not_the_town():
    text = "سيطر الجيش على القريتين “صدد والحفر” بعد معارك، وأكد أن السيطرة على القريتين مهمة."
    names = _names(text)
    assert "القريتين" not in names and "صدد" in names
    assert "القريتين" in _names("سيطر الجيش على القريتين شرقي حمص بعد معارك عنيفة.")


# -- a title opening a town's name ---------------------------------------------------------


def test_a_title_after_a_noun_of_place_opens_the_towns_name():
    got = geozones.extract("أعلنت الحكومة عزل مدينة السيدة زينب جنوب دمشق.").places
    assert [(m.text, m.place.name) for m in got][0] == ("السيدة زينب", "Sayyeda Zeinab")
    assert _names("وقالت السيدة فاطمة الأحمد إن الأسعار ارتفعت.") == []
