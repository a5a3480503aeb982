"""City neighbourhoods (data/neighbourhoods.csv): the sourced table, the gazetteer's entries,
and the geoparser taking a quarter by its cue or its city, never as a common word.

The sentences are quoted from the published reports the search found (their URLs are noted)."""

from __future__ import annotations

import csv
from collections import Counter
from urllib.parse import urlparse

import pytest

import geozones
from geozones import settings
from geozones.gazetteer import Gazetteer

CITY = {"C1007": "Aleppo", "C1001": "Damascus", "C2528": "Homs", "C2987": "Hama",
        "C5710": "Ar-Raqqa", "C5086": "Deir-ez-Zor"}  # fmt: skip


@pytest.fixture(scope="module")
def rows():
    with open(settings.data_dir / "neighbourhoods.csv", encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if not r["name"].startswith("#")]


def _places(text: str) -> list:
    return [m.place for m in geozones.extract(text).places]


def _quarters(text: str) -> dict[str, str]:
    """The neighbourhoods found in ``text``: name → city."""
    places = _places(text)
    return {p.name: p.extra["city"] for p in places if p.extra.get("feature") == "neighbourhood"}


def test_the_table_is_sourced_and_covers_the_big_cities(rows):
    assert len(rows) >= 120
    per_city = Counter(r["city"] for r in rows)
    assert per_city["C1007"] >= 30 and per_city["C1001"] >= 20 and per_city["C2528"] >= 12
    assert all(per_city[c] >= 4 for c in ("C2987", "C5710", "C5086", "C5993", "C3480"))
    for r in rows:
        url = urlparse(r["source"])
        assert url.scheme in ("http", "https") and url.netloc, r["name"]
        assert url.path.strip("/") or url.query, f"{r['name']}: a home page is no source"
        assert bool(r["lat"]) != (r["approx"] == "city"), r["name"]
        assert r["name_ar"] and r["city"] and r["cue"] in ("", "word", "ar")


def test_each_row_is_a_populated_place_under_its_city_with_no_population(rows):
    gz = Gazetteer.default()
    for r in rows:
        i = gz.find_id(f"{r['city']}:{r['name']}", source="neighbourhoods")
        assert i is not None, r["name"]
        p, city = gz.place(i), gz.place(gz.find_id(r["city"]))
        assert p.kind == "populated place" and p.population == 0
        assert p.extra["feature"] == "neighbourhood" and p.admin[-1] == city.name
        if r["approx"] == "city":
            assert (p.lat, p.lon) == (city.lat, city.lon) and p.extra["approx"] == "city"
        else:
            assert geozones.projection.haversine_km(p.lat, p.lon, city.lat, city.lon) < 10


def test_geocode_al_waer_is_the_homs_quarter_not_a_village_far_away():
    for name in ("al-Waer", "الوعر", "Waer"):
        p = geozones.geocode(name)
        assert p.extra.get("feature") == "neighbourhood", name
        assert p.extra["city"] == "Homs" and "Homs" in p.admin


def test_a_list_of_quarters_with_districts_after_it():
    # english.manartv.com.lb/115927
    text = (
        "On Monday, government forces seized the Sakhur, Haydariya and Sheikh Khodr "
        "districts, while Kurdish fighters took"
    )
    assert _quarters(text) == {"Sakhour": "Aleppo", "Haydariya": "Aleppo", "Sheikh Khodr": "Aleppo"}


def test_a_common_word_counts_with_its_cue():
    # syriadirect.org/another-car-bomb-in-homs-alawite-district/
    text = "A car bomb detonated in the pro-regime Alawite neighborhood of Akrama in Homs city."
    assert _quarters(text) == {"Akrama": "Homs"}
    # damascenerose.com/2017/07/23/al-midan/
    text = "The sunrays shed their warmth into our house in the historic neighbourhood of Al Midan."
    assert _quarters(text) == {"Midan": "Damascus"}
    # al-monitor.com (ar), 2017/01: the Arabic cue حيّ, written with its shadda
    text = "حيّ الوعر أو حمص الجديدة باسمه الرسميّ، يقع غربيّ حمص بالقرب من الأحياء القديمة"
    assert _quarters(text).get("Waer") == "Homs"
    assert "Waara" not in {p.name for p in _places(text)}


def test_a_quarter_with_its_city_in_the_sentence():
    # syriahr.com/en/34832: Jobar is also a village near Homs
    text = (
        "they also targeted using artillery shells and heavy machineguns areas in Jobar "
        "neighborhood east of the capital, no injuries reported."
    )
    assert _quarters(text) == {"Jobar": "Damascus"}
    # sana.sy/en/?p=169877: al-Hamadaniyah is also a village in Idlib and a town in Iraq
    text = (
        "Meanwhile, seven civilians were martyred and many others wounded in an attack by "
        "terrorist groups with rocket shells and explosive bullets on residential "
        "neighborhoods in al-Hamadaniyah and Jamiliyah in Aleppo."
    )
    assert _quarters(text) == {"Hamdaniya": "Aleppo", "Jamiliyah": "Aleppo"}


def test_a_common_word_without_cue_or_city_is_no_quarter():
    # syriandays.sy: "أخبار الميدان", news from the field
    text = "الخميس 2015-06-04 أخبار الميدان: احتدام الصراع في سورية"
    assert not _quarters(text)
    # the Iraqi province, not Aleppo's Salaheddine
    assert not _quarters("Fighting went on in Salah al-Din province north of Baghdad.")


def test_a_town_keeps_its_name_next_to_a_quarter_of_the_same_name():
    # aljazeera.net 2016/9/10: the towns Nubl and Zahraa north of Aleppo, not Aleppo's quarter
    text = "تمكنت قوات النظام من الوصول إلى بلدتي نبل والزهراء في ريف حلب الشمالي"
    names = {p.name: p for p in _places(text)}
    assert not _quarters(text)
    assert any("Zahra" in n for n in names)


def test_a_name_whose_arabic_spelling_is_a_word_counts_in_latin_letters():
    # syriahr.com/en/56828
    text = (
        "Aerial bombardment targeted Bustan Qaser, Ferdos, Sekkari, Zabidia, Jesr Haj and "
        "other areas in eastern Aleppo."
    )
    got = _quarters(text)
    assert {"Bustan al-Qasr", "Firdous", "Sukkari", "Zebdiyeh", "Jisr al-Hajj"} <= set(got)
    assert set(got.values()) == {"Aleppo"}
    assert _quarters("Rebels in Sekkari said the shelling went on.") == {"Sukkari": "Aleppo"}
    # syriazone.sy: السكري, diabetes, is no quarter of Aleppo
    text = "يواجه مرضى السكري في منطقتي تل أبيض بريف الرقة ورأس العين بريف الحسكة أزمة"
    assert not _quarters(text)


def test_aleppo_quarters_named_by_common_words_with_their_city():
    # npasyria.com/20079: النيل, السبيل, الشهباء are words (the Nile, the way, the grey one)
    text = (
        "حيث تقوم فصائل المعارضة المسلحة المتمركزة بمنطقة معامل الليرمون وحي الراشدين غربي "
        "مدينة حلب باستهداف كل من شارع النيل وشارع تشرين وحي الشهباء ومساكن السبيل وأطراف حي "
        "الموكامبو بعشرات القذائف الصاروخية."
    )
    got = _quarters(text)
    assert {"Nile Street", "Shahba", "Sabil", "Mogambo", "Rashideen"} <= set(got)
    assert set(got.values()) == {"Aleppo"}
    # 'منطقة معامل الليرمون', the Layramoun factories: the industrial area (a site), not the quarter
    assert "Layramoun industrial area" in {p.name for p in _places(text)}
    # (a sentence of our own) without its city or a cue, السبيل is the way, not a quarter
    assert not _quarters("وقال إن السبيل الوحيد هو الحل السياسي.")


def test_french_and_german_cues():
    # rpress.blogspot.com (Le Monde, 2013)
    text = (
        "Le quartier de Cheikh Saïd assure aux rebelles une voie d'accès à l'aéroport "
        "international d'Alep, toujours contrôlé par les troupes du régime."
    )
    assert _quarters(text) == {"Sheikh Saeed": "Aleppo"}
    # the German cue "Viertel" (a sentence of our own, after radio-utopie.de's "das Viertel Waer")
    assert _quarters("Die Rebellen hielten das Viertel Waer in Homs.") == {"Waer": "Homs"}


def test_the_scan_keeps_only_the_quarter_of_the_city_named_with_a_cue():
    from geozones.geoparse.scan._index import _index_for, _scan

    index = _index_for(None)
    text = "Government forces took al-Zahraa district in western Aleppo."
    (m,) = [m for m in _scan(text, index) if "Zahraa" in text[m.start : m.end]]
    assert [index.place(p).extra.get("city") for p in m.payloads] == ["Aleppo"]


def _mention(text: str, surface: str):
    return next(m for m in geozones.extract(text).places if m.text == surface)


@pytest.mark.parametrize(
    "text",
    [
        # France 24 Observers, 17 Dec 2015 (observers.france24.com/en/20151217-homs-residents-…)
        "hundreds of rebels and civilians have been evacuated from the al-Waer neighbourhood, "
        "the last rebel stronghold in Homs.",
        # Reuters, March 2017, as carried in benchmarks/geoparse_real/205
        "Syrian rebels in Homs resumed their evacuation as part of a deal to surrender the "
        "city's last insurgent pocket of al-Waer to the government, a senior official and a "
        "war monitor said Saturday.",
    ],
)
def test_a_capital_beside_one_of_its_quarters_is_the_city(text):
    homs = _mention(text, "Homs")
    assert homs.kind == "place" and homs.place.kind == "populated place"
    assert abs(homs.place.lat - 34.72) < 0.05 and abs(homs.place.lon - 36.71) < 0.05


def test_a_quarter_far_off_in_a_list_of_towns_leaves_the_province():
    # Silkway News relaying Anadolu, 2020 (benchmarks/geoparse_real/231): "Dera" here is the
    # province the former rebels stayed in; Dera el-Beled is one of the places listed after.
    text = (
        "Dera'dan ayrılmayan eski muhalif gruplar, rejim birliklerinin girdiği Tafas, Dera "
        "el-Beled, Basra Şam gibi bölgelerde hafif silahlarla mücadele ediyor."
    )
    assert _mention(text, "Dera").kind == "region"


def test_a_district_noun_between_two_names_is_the_first_ones():
    # Syria Direct, "Final evacuees depart Homs city, rebels surrender the 'capital of the
    # revolution'" (syriadirect.org/final-evacuees-depart-homs-city-rebels-surrender-…)
    text = (
        "The final convoy of opposition fighters and residents is departing the long-disputed "
        "Waer district of Homs on Sunday."
    )
    homs = _mention(text, "Homs")
    assert homs.kind == "place" and abs(homs.place.lon - 36.71) < 0.05
    # a people's adjective is no name: the region is still Tal Rifaat's (Ahval/Anadolu, 242)
    text = "Turkish forces shelled positions in the northern Syrian region of Tal Rifaat."
    tal = next(m for m in geozones.extract(text).places if m.text.endswith("Tal Rifaat"))
    assert tal.kind == "region" and tal.text == "region of Tal Rifaat"
