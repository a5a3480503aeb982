"""Reading real reports (issue 16): compound names, parts of places, Arabic names and dates,
German/French/Turkish wire copy, dates anchored like a reader, and the real-report set."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import shapely
import yaml

import geozones
from geozones import boundaries
from geozones.cli import main
from geozones.geoparse.dates._extract import dateline_year, extract_dates
from geozones.projection import haversine_km

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import eval_geoparse as ev  # noqa: E402


def _one(text: str, needle: str, **kw):
    ex = geozones.extract(text, **kw)
    i, j = text.index(needle), text.index(needle) + len(needle)
    hits = [m for m in ex.places if m.start < j and i < m.end]
    assert len(hits) == 1, [(m.text, m.kind) for m in ex.places]
    return hits[0]


def _dates(text: str, **kw) -> dict[str, tuple[str | None, bool]]:
    return {d.text: (d.iso, d.year_known) for d in geozones.extract(text, **kw).dates}


# --------------------------------------------------------------------------- compound names


def test_a_road_named_after_two_cities_yields_both_cities_and_the_road():
    ex = geozones.extract("Rebels cut the Damascus–Daraa highway near Sanamayn.")
    names = {m.place.name for m in ex.places}
    assert {"Damascus", "Dar'a"} <= names
    (road,) = ex.roads
    assert road.text == "Damascus–Daraa highway"
    assert [p.name for p in road.endpoints] == ["Damascus", "Dar'a"]


def test_a_province_capital_at_a_road_end_is_the_town():
    ex = geozones.extract("Traffic resumed on the Idlib-Latakia road.")
    assert [(m.text, m.kind) for m in ex.places] == [("Idlib", "place"), ("Latakia", "place")]


# --------------------------------------------------------------------------- parts of places


def test_a_direction_on_a_governorate_is_its_sector_not_its_centre():
    m = _one("Shelling hit northern Hama on Monday.", "Hama")
    assert m.kind == "region" and m.part is not None and m.part.direction == "north"
    area = boundaries.geometry_of(m.place.source_id)
    assert m.place.lat > area.centroid.y + 0.15  # moved north, into the part
    part = m.geometry()
    assert part.area < 0.5 * area.area and area.buffer(1e-6).contains(part)
    assert part.centroid.y > area.centroid.y


@pytest.mark.parametrize(
    "text, name, direction",
    [
        ("Clashes in the southern countryside of Idlib.", "Idlib", "south"),
        ("Clashes in Idleb southern countryside.", "Idleb", "south"),
        ("قصف على ريف إدلب الجنوبي الشرقي اليوم.", "إدلب", "south-east"),
        ("اشتباكات في جنوب إدلب.", "إدلب", "south"),
        ("Gefechte südlich von Idlib.", "Idlib", "south"),
        ("Combats au sud-est de la province d'Idleb.", "Idleb", "south-east"),
        ("Suriye güçleri İdlib'in güneyindeki köyleri aldı.", "İdlib", "south"),
    ],
)
def test_parts_of_a_province_in_five_languages(text, name, direction):
    m = _one(text, name)
    assert m.kind == "region" and m.place.kind == "admin area" and m.place.level == 1
    assert m.part is not None and m.part.direction == direction


def test_a_town_with_a_direction_stays_the_town_never_a_governorate():
    m = _one("Troops advanced south of Khan Sheikhun on Monday.", "Khan Sheikhun")
    assert m.kind == "place" and m.place.kind == "populated place"
    assert m.text == "south of Khan Sheikhun"
    g = m.geometry()
    assert g.centroid.y < m.place.lat and not g.contains(shapely.Point(m.place.lon, m.place.lat))
    assert haversine_km(g.centroid.y, g.centroid.x, m.place.lat, m.place.lon) < 15


def test_outskirts_and_countryside_of_a_town_are_rings_around_it():
    m = _one("Shells fell on the outskirts of Saraqib.", "Saraqib")
    assert m.place.kind == "populated place" and m.part.ring == "outskirts"
    ring = m.geometry()
    assert not ring.contains(shapely.Point(m.place.lon, m.place.lat))
    assert ring.buffer(0.01).contains(shapely.Point(m.place.lon, m.place.lat))
    m = _one("قصف على ريف معرة النعمان.", "معرة النعمان")
    assert m.kind == "region" and m.place.kind == "populated place"
    assert m.part.ring == "countryside"


@pytest.mark.parametrize(
    "text, name, region",
    [
        ("Airstrikes hit Jabal al-Zawiya.", "Jabal al-Zawiya", "Jabal al-Zawiya"),
        ("غارات على جبل الزاوية وسهل الغاب.", "جبل الزاوية", "Jabal al-Zawiya"),
        ("غارات على جبل الزاوية وسهل الغاب.", "سهل الغاب", "Ghab plain"),
        ("Troops entered eastern Ghouta.", "Ghouta", "Eastern Ghouta"),
        ("Fighting in the Ghab plain.", "Ghab", "Ghab plain"),
    ],
)
def test_named_regions_in_english_and_arabic(text, name, region):
    m = _one(text, name)
    assert m.kind == "region" and m.place.name == region
    assert m.geometry().area > 0  # drawn as an area, not a point


def test_a_province_named_alone_is_the_province_and_its_city_when_the_text_says_so():
    assert _one("Fighting raged in Idlib on Monday.", "Idlib").kind == "region"
    assert _one("Fighting raged in Idlib city on Monday.", "Idlib").kind == "place"
    assert _one("قتلى في مدينة إدلب.", "إدلب").kind == "place"
    assert _one("Fighting raged in Aleppo on Monday.", "Aleppo").kind == "place"  # metropolis


# --------------------------------------------------------------------------- Arabic names


@pytest.mark.parametrize(
    "spelling", ["كفرنبل", "كفر نبل", "وكفرنبل", "بكفر نبل"]
)  # fmt: skip
def test_arabic_village_names_joined_apart_or_with_a_proclitic(spelling):
    m = _one(f"سيطرت القوات على {spelling} أمس.", spelling)
    assert m.place.country == "SY" and haversine_km(m.place.lat, m.place.lon, 35.614, 36.56) < 3


def test_arabic_names_with_an_article_the_gazetteer_lacks_and_joined_heads():
    a = _one("تقدم الجيش نحو أبوالظهور.", "أبوالظهور")
    b = _one("تقدم الجيش نحو أبو الظهور.", "أبو الظهور")
    assert a.place.name == b.place.name and a.place.country == "SY"
    m = _one("سيطرت القوات على الزربة.", "الزربة")
    assert m.place.country == "SY"


def test_arabic_adjectives_and_common_words_are_not_places():
    text = "قال الجيش السوري إن القوات التركية كانت في تل عديدة، وكان القصف كبيراً."
    ex = geozones.extract(text)
    assert ex.places == []
    # "السوري" is an adjective, here inside the army's name ("الجيش السوري")
    assert any("السوري" in e.text for e in ex.entities)


def test_very_short_arabic_names_are_found_when_they_are_villages():
    m = _one("قصفت الطائرات بلدة حيش جنوب إدلب.", "حيش")
    assert m.place.country == "SY" and m.place.kind == "populated place"


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "text, iso",
    [
        ("منذ آذار/مارس 2020", "2020-03"),
        ("في تشرين الأول/ أكتوبر عام 2012", "2012-10"),
        ("في ١٥ آذار ٢٠٢٠", "2020-03-15"),
        ("يوم 5 مارس 2020", "2020-03-05"),
        ("في 15 كانون الثاني 2019", "2019-01-15"),
        ("في أيلول 2018", "2018-09"),
        ("am 17. September 2018", "2018-09-17"),
        ("im Sommer 2018", "2018-06/2018-08"),
        ("le 31 août 2019", "2019-08-31"),
        ("4-5 Mayıs 2017", "2017-05-04/2017-05-05"),
        ("28 Şubat 2020", "2020-02-28"),
    ],
)
def test_dates_in_arabic_german_french_and_turkish(text, iso):
    ms, _ = extract_dates(text)
    assert [m.iso for m in ms] == [iso]


def test_relative_days_in_arabic_and_other_languages_read_against_published():
    got = _dates("قالت المصادر اليوم الأربعاء إن القوات دخلت البلدة أمس.", published="2020-02-26")
    assert got == {"اليوم الأربعاء": ("2020-02-26", True), "أمس": ("2020-02-25", True)}
    got = _dates("Les combats ont repris jeudi soir.", published="2019-08-03")
    assert got == {"jeudi": ("2019-08-01", True)}
    got = _dates("Die Waffenruhe gilt seit Donnerstagabend.", published="2020-03-06")
    assert got == {"Donnerstagabend": ("2020-03-05", True)}


def test_a_dateline_without_year_is_placed_by_its_weekday_and_the_years_the_text_cites():
    text = ("DAMASCUS, Thursday, March 5 (Reuters) - Talks that began in December 2019 "
            "resumed on Monday.")  # fmt: skip
    got = _dates(text)
    # 5 March fell on a Thursday in 2020 (not in 2019, the year the text cites as past)
    assert got["Thursday, March 5"] == ("2020-03-05", True)
    assert got["on Monday"] == ("2020-03-02", True)
    assert dateline_year(3, 5, 3, [2019], None) == (2020, True)
    assert dateline_year(3, 5, 3, [], None) == (None, False)


def test_an_uncertain_year_is_said_not_guessed_silently():
    got = _dates("DAMASCUS, March 5 (Reuters) - Talks that began in December 2019 resumed "
                 "on Monday.")  # fmt: skip
    assert got["March 5"] == ("2019-03-05", False)
    assert got["on Monday"][1] is False
    assert got["December 2019"] == ("2019-12", True)
    # with the publication date the year is known
    got = _dates("DAMASCUS, March 5 (Reuters) - Talks resumed on Monday.", published="2020-03-06")
    assert got == {"March 5": ("2020-03-05", True), "on Monday": ("2020-03-02", True)}


def test_no_reference_leaves_a_weekday_unresolved():
    assert _dates("Clashes resumed on Thursday.") == {"on Thursday": (None, True)}


def test_published_is_checked(capsys, tmp_path):
    with pytest.raises(geozones.errors.InputError, match="published"):
        geozones.extract("Saraqib", published="last week")
    src = tmp_path / "a.txt"
    src.write_text(
        "DAMASCUS, March 5 (Reuters) - Talks held since December 2019 resumed on Monday.\n",
        encoding="utf-8",
    )
    assert main(["extract", str(src)]) == 0
    assert "year unknown" in capsys.readouterr().out
    assert main(["extract", str(src), "--published", "2020-03-06"]) == 0
    out = capsys.readouterr().out
    assert "2020-03-02" in out and "year unknown" not in out
    assert main(["extract", str(src), "--published", "6 March"]) == 2
    assert "--published" in capsys.readouterr().err


# --------------------------------------------------------------------------- wire copy


def test_german_french_and_turkish_wire_copy_keep_their_village_and_countries():
    de = geozones.extract("Russland und die Türkei einigten sich bei Sarakib in Syrien.")
    assert [(m.place.name, m.kind) for m in de.places] == [
        ("Russia", "country"), ("Turkey", "country"), ("Saraqab", "place"), ("Syria", "country"),
    ]  # fmt: skip
    fr = _one("Les rebelles tiennent la province d’Idleb.", "Idleb")
    assert fr.kind == "region" and fr.text == "province d’Idleb"
    tr = _one("Rejim güçleri Maarat el Numan'da kontrolü sağladı.", "Maarat")
    assert tr.text == "Maarat el Numan" and tr.place.country == "SY"


# --------------------------------------------------------------------------- the real set


def test_real_report_set_is_measured_and_keeps_its_floor():
    """The figures benchmarks/eval_geoparse.py prints for the real reports (issue 16): the
    floor below is what the extractor reaches now; the issue's targets are higher. Only the
    parts in ``CHECKED`` are run (a held-out part still unseen is added by whoever
    measures it, once its first run is recorded)."""
    files = sorted(ev.REAL.glob("*.yaml"))
    assert len(files) >= 40
    tot: dict = {}
    parts: dict[str, dict] = {}
    for path in files:
        part = yaml.safe_load(path.read_text(encoding="utf-8")).get("set", "dev")
        if part not in CHECKED:
            continue
        doc, res, bad, _t, _ex = ev.run_file(path, geozones)
        ev.add(tot, res, bad)
        ev.add(parts.setdefault(part, {}), res, bad)
    p, r = ev.pr(*tot["places"])
    _, day = ev.pr(*tot["dates"])
    # round 20 (ex-heldout19, 436-483, in dev, 483 passages): 0.96 / 0.91 (the 48 passages
    # moved in reach 0.99 / 0.91: English 0.99 / 0.98, Arabic 0.98 / 0.84);
    # round 19 (ex-heldout18, 412-435, in dev, 435 passages): 0.959 / 0.91 (the 24 passages
    # moved in reach 0.97 / 0.91: English 0.99 / 0.97, Arabic 0.95 / 0.87);
    # round 18 (ex-heldout17, 364-411, in dev, 411 passages): 0.958 / 0.905 (the 48 passages
    # moved in reach 0.97 / 0.92);
    # round 17 (ex-heldout16, 340-363, in dev, 363 passages): 0.953 / 0.8995 (the 24 passages
    # moved in reach 0.96 / 0.88); round 16 (ex-heldout15, 304-339, in dev, 339 passages): 0.951 /
    # 0.8996 (the 36 passages moved in reach 0.92 / 0.83); round 15 (303): 0.955 / 0.907;
    # round 14 (267 passages):
    # 0.959 / 0.909; round 13: 0.955 / 0.908 (243)
    assert p >= 0.95 and r >= 0.89, (p, r)
    assert day >= 0.97, day  # round 15: 1.00 (the dates' round 15); round 11: 0.94
    # no person or agency taken for a place in dev (with heldout2 to heldout19 moved there in
    # rounds 3-20) or the old held-out ones
    assert parts["dev"]["confused"] == 0 and parts["heldout"]["confused"] == 0
    dp, dr = ev.pr(*parts["dev"]["places"])
    assert dp >= 0.95 and dr >= 0.89, (dp, dr)  # round 20: 0.96 / 0.91 (474 passages)
    hp, hr = ev.pr(*parts["heldout"]["places"])
    assert hp >= 0.95 and hr >= 0.93, (hp, hr)  # round 14: 0.963 / 0.939 (9 passages)


#: The set parts this test runs: dev (with ex-heldout15, 304-339, since round 16,
#: ex-heldout16, 340-363, since round 17, ex-heldout17, 364-411, since round 18, and
#: ex-heldout18, 412-435, since round 19, and ex-heldout19, 436-483, since round 20) and the old
#: held-out passages; heldout20 (484-531) stays out: it is the unseen part.
CHECKED = ("dev", "heldout")


def test_a_named_region_of_the_gazetteer_is_a_region_mention():
    # Süper Haber, Feb 2020: "Cebel Zaviye" (Jabal al-Zawiya) came out as a town-sized place
    ex = geozones.extract("Muhalifler Cebel Zaviye bölgesinde kontrolü sağladı.")
    m = next(m for m in ex.places if m.text.startswith("Cebel Zaviye"))
    assert m.kind == "region" and m.place.kind == "region" and m.place.country == "SY"
    # a town stays a place
    assert [m.kind for m in geozones.extract("Muhalifler Serakib'i aldı.").places] == ["place"]


def test_an_arabic_part_of_today_before_a_weekday_is_one_date():
    # Lebanon Today, 24 Feb 2020: "صباح اليوم الاثنين" is Monday 24 February, one mention
    ex = geozones.extract(
        "أعلنت وكالة سانا، صباح اليوم الاثنين، عن استعادة", published="2020-02-24"
    )
    assert [(d.text, d.iso) for d in ex.dates] == [("صباح اليوم الاثنين", "2020-02-24")]
    ex = geozones.extract("وأشارت سانا مساء أمس الأحد إلى", published="2020-02-24")
    assert [(d.text, d.iso) for d in ex.dates] == [("مساء أمس الأحد", "2020-02-23")]


def test_a_weekday_in_a_french_or_turkish_future_sentence_is_the_coming_one():
    # Belga, Friday 30 Aug 2019: the ceasefire "entrera en vigueur samedi matin" (31 Aug)
    fr = "L'armée russe a annoncé vendredi qu'un cessez-le-feu entrera en vigueur samedi matin."
    got = [(d.text, d.iso) for d in geozones.extract(fr, published="2019-08-30").dates]
    assert got == [("vendredi", "2019-08-30"), ("samedi", "2019-08-31")]
    tr = geozones.extract("Ateşkes cumartesi günü başlayacak.", published="2019-08-30")
    assert [d.iso for d in tr.dates] == ["2019-08-31"]
    # a past sentence keeps the last one, and an English "camera" is no French future
    past = geozones.extract("Les rebelles ont attaqué samedi la ville.", published="2019-08-30")
    assert [d.iso for d in past.dates] == ["2019-08-24"]
    cam = geozones.extract("Camera footage showed the strike on Saturday.", published="2019-08-30")
    assert [d.iso for d in cam.dates] == ["2019-08-24"]


def test_a_publication_month_without_its_day_gives_the_year_of_yearless_dates():
    # SOHR, August 2020 (the page shows the month only): "On August 17" is 17 Aug 2020
    ex = geozones.extract(
        "On August 17, a patrol ran. On Friday another one ran.", published="2020-08"
    )
    assert [(d.text, d.iso) for d in ex.dates] == [("August 17", "2020-08-17"), ("On Friday", None)]
    # Kleine Zeitung, January 2020: "Seit Dezember" is December 2019, the nearest one
    de = geozones.extract("Seit Dezember flüchteten zwischen dem 15. und dem 19. Jänner viele.",
                          published="2020-01")  # fmt: skip
    assert [d.iso for d in de.dates] == ["2019-12", "2020-01-15/2020-01-19"]
    with pytest.raises(geozones.InputError):
        geozones.extract("On August 17.", published="2020-13")


def test_as_part_of_is_membership_not_a_part_of_a_place():
    # Mehr, 18 Mar 2018: "as part of Turkey's Operation Olive Branch" names Turkey, no part
    ex = geozones.extract("Troops took the town center as part of Turkey's Operation Olive Branch.")
    assert [(m.text, m.kind) for m in ex.places] == [("Turkey", "country")]
    ex = geozones.extract("Rebels hold part of Idlib province.")
    assert [(m.text, m.kind) for m in ex.places] == [("part of Idlib province", "region")]


# --------------------------------------------------------------- round 3: heldout2's misses


def test_the_countryside_of_the_city_of_x_is_a_region_east_of_the_city():
    # Syriac Press, 7 Aug 2020: the eastern countryside of Deir ez-Zor city, not the city
    city = _one("في مدينة دير الزور.", "دير الزور").place
    for text in (
        "شهد ريف مدينة دير الزور الشرقي سلسلة أحداث وجرائم متسارعة خلال الأيام المنصرمة",
        "مستغلين مظاهرة سلمية خرجت في الريف الشرقي لمدينة دير الزور.",
        "قصفت الطائرات الريف الشرقي لدير الزور أمس",
    ):
        m = _one(text, "دير الزور")
        assert m.kind == "region" and m.text.startswith(("ريف", "الريف")), m.text
        assert m.place.lon > city.lon  # the east side
    assert _one("قصفت الطائرات الريف الشمالي لحماة أمس", "حماة").kind == "region"


def test_a_word_in_iya_after_a_feminine_noun_is_an_adjective_not_salamiyah():
    # Syriac Press, 7 Aug 2020: "مظاهرة سلمية" is a peaceful demonstration
    text = "مستغلين مظاهرة سلمية خرجت في الريف الشرقي لمدينة دير الزور."
    assert "سلمية" not in [m.text for m in geozones.extract(text).places]
    assert "سلمية" in [m.text for m in geozones.extract("قصف مدينة سلمية بريف حماة").places]


def test_a_village_named_like_a_noun_of_place_heading_a_phrase_is_no_place():
    # Syriac Press, 7 Aug 2020: "في مزارع منطقة الشحيل", the farms of the Shuheil area
    text = "بناء على بلاغ لشيوخ عشائر المدينة بوجود مسلحين في مزارع منطقة الشحيل، بدأت القوات"
    names = [m.text for m in geozones.extract(text).places]
    assert "مزارع" not in names and any("الشحيل" in n for n in names)


def test_a_year_first_slashed_date_and_an_arabic_day_of_month_with_min():
    # SMART News (2018/12/19) and the Syrian Press Center ("5 من آذار", 5th of March)
    assert _dates("Publication date: 2018/12/19 08:25\n\nHama - SMART") == {
        "2018/12/19 08:25": ("2018-12-19T08:25", True)
    }
    got = _dates("وقف إطلاق النار الموقع في 5 من آذار الماضي", published="2020-06-01")
    assert got == {"5 من آذار": ("2020-03-05", True)}


def test_aliases_of_round_two_name_their_villages_in_daraa_and_idlib():
    # Al-Masdar via PanArmenian (2018), Süper Haber (2020): spellings OCHA writes otherwise
    text = (
        "According to a military source, the Syrian army entered Sheikh Saad and recaptured "
        "Al-Sukariyah and Qarqas towns in Quneitra province."
    )
    ids = {m.text: m.place.source_id for m in geozones.extract(text).places}
    assert ids["Sheikh Saad"] == "C6120" and ids["Al-Sukariyah"] == "C6122"
    tr = geozones.extract("Ilımlı muhalifler, İdlib'in güneyinde Darul Kebire köyünü aldı.")
    assert "C4057" in [m.place.source_id for m in tr.places]


def test_a_point_near_a_province_capital_is_the_city():
    # AFP Video via Boursorama: "A Sarmin, près d'Idleb" is next to the city of Idlib
    m = _one("A Sarmin, près d'Idleb, sept membres de la même famille seraient morts.", "Idleb")
    assert m.kind == "place" and haversine_km(m.place.lat, m.place.lon, 35.93, 36.63) < 5
    assert _one("قتل مدنيان في قصف قرب إدلب", "إدلب").kind == "place"
    assert _one("Fighting in Idlib went on.", "Idlib").kind == "region"


def test_named_regions_of_round_three_turkmen_mountain_and_east_of_the_euphrates():
    # Dik Gazete (AA): "Türkmendağı" in one word; Syria News: "شرق الفرات"
    text = "Suriye'nin Türkmendağı bölgesindeki ÖSO'nun saha komutanlarından Hamo"
    assert _one(text, "Türkmendağı").place.name == "Jabal al-Turkman"
    text = "لاستعادة ما تبقى من أراضي في الجزيرة وشرق الفرات والمناطق الشرقية بريف دير الزور"
    m = _one(text, "شرق الفرات")
    assert m.kind == "region" and m.place.name == "East of the Euphrates"


def test_a_country_that_backs_or_hosts_is_named_a_town_that_backs_is_not():
    # AP (15) and Mehr (13): the country guideline of round 3 marks "Turkey-backed",
    # "Britain-based"; "Aleppo-based fighters" says who, not where
    text = (
        "The Britain-based Syrian Observatory for Human Rights says the Turkey-backed forces "
        "have taken control of half of Afrin."
    )
    ex = geozones.extract(text)
    assert [(m.text, m.kind) for m in ex.places] == [
        ("Britain", "country"),
        ("Turkey", "country"),
        ("Afrin", "place"),
    ]
    assert "Syrian Observatory for Human Rights" in [e.text for e in ex.entities]
    assert [m.text for m in geozones.extract("Aleppo-based fighters shelled Saraqib.").places] == [
        "Saraqib"
    ]


def test_a_dateline_with_its_agency_in_brackets_or_after_a_dash_is_the_city():
    # AA via Dik Gazete: "LAZKİYE (AA) -" is the city of Latakia, not its province
    m = _one("LAZKİYE (AA) - Suriye'nin Türkmendağı bölgesindeki ÖSO'nun komutanı", "LAZKİYE")
    assert m.kind == "place" and haversine_km(m.place.lat, m.place.lon, 35.52, 35.78) < 10
    assert _one("Hama - SMART\nOn Wednesday, fighters attacked.", "Hama").kind == "place"
    assert _one("Idlib is shelled daily.", "Idlib").kind == "region"


def test_the_area_of_a_village_is_the_village_the_area_of_a_district_the_district():
    # Syriac Press (60): "في مزارع منطقة الشحيل"; SANA relays: "منطقة معرة النعمان"
    m = _one("بوجود مسلحين في مزارع منطقة الشحيل، بدأت القوات", "الشحيل")
    assert m.kind == "place" and m.place.kind == "populated place"
    assert _one("قصفت الطائرات منطقة معرة النعمان", "معرة النعمان").kind == "region"


def test_a_listed_outlets_name_after_a_noun_of_settlement_is_the_town():
    # Step News (62): "مدينة الميادين" is the town of al-Mayadin, not the Al Mayadeen channel
    t = "وقال مصدر إن الاجتماع انعقد في مدينة الميادين شرقي دير الزور، بحضور وجهاء"
    assert _one(t, "الميادين").place.name == "Al Mayadin"
    ex = geozones.extract("وقالت قناة الميادين إن الجيش تقدم")
    assert ex.places == [] and "قناة الميادين" in [e.text for e in ex.entities]


# --------------------------------------------------------------- round 4: heldout3's misses


def test_a_country_abbreviated_in_capitals_is_the_country_never_the_word_us():
    # Kurdistan24, 2016: "the US-backed coalition"; SouthFront, 2019: "the U.S. sponsored
    # ceasefire"; a short name in capitals is matched only in capitals
    text = "The YPG-led, US-backed SDF launched the operation under the U.S. sponsored ceasefire."
    got = [(m.text, m.place.country) for m in geozones.extract(text).places]
    assert got == [("US", "US"), ("U.S", "US")]
    assert geozones.extract("The statement told us that the clashes went on.").places == []
    assert [m.text for m in geozones.extract("ABD ve Rusya, İdlib konusunda anlaştı.").places][
        :1
    ] == ["ABD"]


def test_aliases_of_round_four_name_tel_tamr_tel_abyad_and_dawoudiya():
    # manbijmc.net (SDF media centre), Nov 2019; doğruhaber, 11 Oct 2019
    text = (
        "the Turkish occupation attempts to occupy the villages of al-Dawoudia and Arisha in "
        "the countryside of Tel Tamr. Akçakale'nin karşısındaki Tel Abyad'daki hedefler"
    )
    got = {m.text: m.place for m in geozones.extract(text).places}
    assert haversine_km(got["al-Dawoudia"].lat, got["al-Dawoudia"].lon, 36.813, 40.268) < 2
    assert got["Tel Abyad"].kind == "populated place"
    assert haversine_km(got["Tel Abyad"].lat, got["Tel Abyad"].lon, 36.698, 38.955) < 2
    tamr = next(m for m in geozones.extract(text).places if m.text.endswith("Tel Tamr"))
    assert haversine_km(tamr.place.lat, tamr.place.lon, 36.659, 40.365) < 15


def test_a_direction_adjective_before_a_town_is_its_countryside_on_that_side():
    # Kurdish Daily News, 26 Nov 2016: "the western Manbij villages of Sab Wiran"
    text = "Turkish soldiers are attacking the western Manbij villages of Sab Wiran and Kur Huyuk."
    m = _one(text, "Manbij")
    assert m.kind == "region" and m.place.kind == "populated place"
    assert m.part.ring == "countryside" and m.geometry().centroid.x < m.place.lon
    # with "of" it is a point beside the town, as before
    m = _one("Troops advanced west of Manbij on Monday.", "Manbij")
    assert m.kind == "place" and m.part.ring == "direction"


def test_the_rural_areas_of_a_town_are_its_countryside():
    # Kurdistan24, 2016: "the Turkish-backed Syrian rebels on Sunday attacked the western
    # rural areas of Manbij along with airstrikes"
    text = "The rebels on Sunday attacked the western rural areas of Manbij along with airstrikes."
    m = _one(text, "Manbij")
    assert m.kind == "region" and m.text == "western rural areas of Manbij"
    assert m.part.ring == "countryside" and m.geometry().centroid.x < m.place.lon
