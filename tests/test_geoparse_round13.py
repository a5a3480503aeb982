"""Round 13 of issue 16: rules learnt from heldout12's misses (passages 220-243), each
tested on the real sentence that showed it."""

from __future__ import annotations

import geozones
from geozones.projection import haversine_km


def test_a_name_with_an_apposition_saying_what_a_person_is_names_a_person():
    # The Arab Weekly carrying AFP (228): "Zeina, a resident of …" came out as Zeineh (Tartus)
    ex = geozones.extract(
        "Zeina, a resident of the tiny village of Al-Matuna within Sweida province, told AFP "
        "that her family woke up to the sound of gunfire and grenade blasts."
    )
    assert "Zeina" not in [m.text for m in ex.places]
    assert any(e.text == "Zeina" and e.kind == "person" for e in ex.entities)
    assert "Sweida province" in [m.text for m in ex.places]


def test_a_town_with_an_apposition_is_still_a_town():
    ex = geozones.extract("Saraqib, a town in Idlib province, was shelled on Monday.")
    assert [m.text for m in ex.places][:1] == ["Saraqib"]


def test_an_ordinal_before_a_noun_names_a_unit_not_a_place():
    # Silkway News carrying Anadolu (231): "4. Tümen" (the 4th Division) came out as Tyumen
    ex = geozones.extract(
        "Beşşar Esed’in kardeşi Mahir Esed komutasındaki 4. Tümen’e ait bir askeri konvoy, "
        "Dera’nın batı kırsalındaki Miziyrip beldesi yakınlarında pusuya düşürüldü."
    )
    assert all(m.place.country == "SY" for m in ex.places)
    assert any(e.text == "Tümen" for e in ex.entities)
    assert "Miziyrip" in [m.text for m in ex.places]


def test_a_german_day_with_its_ordinal_stays_a_date():
    ex = geozones.extract("Am 5. März 2020 trat in Idlib eine Waffenruhe in Kraft.")
    assert [d.iso for d in ex.dates] == ["2020-03-05"]


def test_a_definite_word_after_a_name_is_no_adjective_of_it():
    # alarbelyoum relaying SANA (241): "بريفي حماة واللاذقية" (the countrysides of Hama and
    # Latakia): "واللاذقية" was read as an adjective agreeing with "حماة"
    ex = geozones.extract(
        "يحضرون لتنفيذ اعتداءات على المناطق الآمنة ومواقع الجيش بريفي حماة واللاذقية."
    )
    got = {m.text: m.kind for m in ex.places}  # round 15: "ريفي" is part of the first mention
    assert got.get("واللاذقية") == "region" and got.get("ريفي حماة") == "region"


def test_an_indefinite_adjective_still_agrees_with_its_noun():
    ex = geozones.extract("خرجت مظاهرة سلمية في مدينة سلمية.")
    assert [m.text for m in ex.places] == ["سلمية"]


def test_villages_west_of_a_town_lie_near_it_not_at_a_namesake_far_away():
    # Al Mayadeen (237): "قرى الخالدية وهوشان ومعلّق غربيّ عين عيسى": الخالدية came out as
    # Kalidiyeh near Homs (230 km away), هوشان with it; معلّق (with a shadda) was not read
    ex = geozones.extract(
        "قصفت القوات التركية عدّة قرًى في شرقي وغربيّ منطقة عين عيسى بريف الرقّة الشمالي. "
        "وطال القصف قرى الخالدية وهوشان ومعلّق غربيّ عين عيسى."
    )
    got = {m.text: m for m in ex.places}
    for name in ("الخالدية", "هوشان", "معلّق"):
        p = got[name].place
        assert haversine_km(p.lat, p.lon, 36.386, 38.859) < 30, name


def test_a_village_a_direction_places_within_reach_of_its_town_keeps_its_own_point():
    # UrduPoint (52): Kafr Zita lies 27 km north of Hama: "north of Hama" does not move it
    ex = geozones.extract(
        "The Syrian troops have gained control over the villages of Kafr Zita, Ltamenah, "
        "Latmeen, Tal Fas north of Hama, a Syrian military source told Sputnik."
    )
    kz = next(m for m in ex.places if m.text == "Kafr Zita")
    assert kz.resolved and abs(kz.place.lat - 35.37) < 0.02


def test_a_dual_noun_names_two_villages_not_the_verbal_noun_after_them():
    # New Orient News (233): "قريتي تل حلف وأم الخير والتوغل في …" (the two villages, and
    # the incursion into …): "التوغل" came out as a third village
    ex = geozones.extract(
        "واستهدف القصف مدينة رأس العين بعد احتلال قريتي تل حلف وأم الخير والتوغل في علوك."
    )
    names = [m.text for m in ex.places]
    assert "أم الخير" in names and "التوغل" not in names and "والتوغل" not in names


def test_hills_listed_in_the_governorate_the_text_names_lie_there():
    # Levant News (239): "تلال الكبينة والخضر والحدادة" (the hills of …) in the Latakia
    # countryside: الخضر came out as Khader near Afrin (130 km away), الكبينة was not read
    ex = geozones.extract(
        "تتواصل المعارك على جبهة قرية الكبانة بريف اللاذقية الشمالي.\n"
        "وسط استمرار قصف النظام المدفعي على تلال الكبينة والخضر والحدادة، واستقدامه "
        "تعزيزات عسكرية."
    )
    got = {m.text: m.place for m in ex.places}
    for name in ("الكبينة", "والخضر", "والحدادة"):
        assert haversine_km(got[name].lat, got[name].lon, 35.738, 36.208) < 15, name


def test_the_region_of_a_town_is_its_surroundings():
    # Ahval relaying Anadolu (242): "the northern Syrian region of Tal Rifaat" came out as
    # the town itself; the set marks the town's area (r), as it marks "Tall Rifat region"
    ex = geozones.extract("clashes erupted in the northern Syrian region of Tal Rifaat.")
    m = next(m for m in ex.places if "Tal Rifaat" in m.text)
    assert m.kind == "region" and haversine_km(m.place.lat, m.place.lon, 36.47, 37.10) < 5
    idlib = geozones.extract("air strikes on the Idlib region").places[0]
    assert idlib.kind == "region" and idlib.place.kind == "admin area"


def test_a_capital_at_a_road_s_end_is_the_city():
    # Al-Hayat via Sauress (236): "طريق الإمداد الرئيس إلى دير الزور" (the main supply road to
    # Deir ez-Zor) came out as the governorate
    ex = geozones.extract(
        "لكن الهجمات المضادة زادت الضغط على طريق الإمداد الرئيس إلى دير الزور من غرب سورية."
    )
    deir = next(m for m in ex.places if m.text == "دير الزور")
    assert deir.kind == "place" and deir.place.kind == "populated place"


def test_a_city_a_road_links_is_itself_not_a_place_inside_the_other():
    # Al Mayadeen (237): "وتربطٌ الحسكة بحلب" (and links Hasakah with Aleppo): Hasakah came
    # out as the governorate, and once the city, as a place "in" Aleppo
    ex = geozones.extract("في محيط المدينة التي تقع مباشرة على طريق M4 وتربطٌ الحسكة بحلب.")
    hasakah = next(m for m in ex.places if m.text == "الحسكة")
    assert hasakah.kind == "place" and hasakah.resolved
    assert haversine_km(hasakah.place.lat, hasakah.place.lon, 36.512, 40.757) < 5


def test_the_names_listed_after_a_plural_admin_noun_are_governorates():
    # Al-Manar (230): "les provinces de Hama, Alep et Lattaquié": Alep came out as the city
    ex = geozones.extract(
        "Les combats se concentrent dans les provinces de Hama, Alep et Lattaquié."
    )
    assert {m.place.name: m.kind for m in ex.places}["Aleppo"] == "region"
    ex = geozones.extract("Shelling hit the provinces of Hama and Idlib, Aleppo was calm.")
    assert {m.place.name: m.kind for m in ex.places}["Aleppo"] == "place"
