"""Kurdish names of the north-east written in Arabic script (issue #16).

Kurdish and Arabic media write the Kurdish names of the north-east's towns in Arabic
letters ('كوباني', 'سري كانيه', 'كري سبي', 'تربه سبيه'); the rows of
``data/kurdish_names.csv`` after its Arabic-script comment line name them, each with the
page that uses the spelling. The gazetteer must reach them through its Arabic folding
(ه/ة, ي/ى/ی, ك/ک/گ, the Kurdish letters ێ ۆ ە) and name the right town, not a namesake
hundreds of kilometres away, while the namesakes keep their own names.
"""

from __future__ import annotations

import csv
import re

import pytest

import geozones
from geozones._io import data_path
from geozones._text import name_key

_ARABIC = re.compile(r"[\u0620-\u064a\u066e-\u06d5]")


def _rows() -> list[list[str]]:
    with open(data_path("kurdish_names.csv"), encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.reader(fh) if r and not r[0].startswith("#")]
    return rows[1:]


_ARABIC_ROWS = [r for r in _rows() if _ARABIC.search(r[0])]


def test_the_table_has_arabic_script_rows_each_with_an_article_address():
    assert len(_ARABIC_ROWS) >= 20
    for name, target, source, *_ in _ARABIC_ROWS:
        assert re.fullmatch(r"C\d{4}", target), name
        assert source.startswith(("https://", "http://")), name
        # an article, never a home page: the address has a path or a query
        assert re.match(r"https?://[^/]+/.+", source), (name, source)


@pytest.mark.parametrize(("name", "target"), [(r[0], r[1]) for r in _ARABIC_ROWS])
def test_every_added_spelling_geocodes_to_its_town(name, target):
    place = geozones.geocode(name)
    assert place.source_id == target, (name, place)


@pytest.mark.parametrize(
    ("text", "pcode", "town"),
    [
        ("كوباني", "C1946", "Ain Al Arab"),
        ("کۆبانی", "C1946", "Ain Al Arab"),  # Kurdish letters: ۆ and ی
        ("سري كانيه", "C4988", "Ras Al Ain"),
        ("سري كانية", "C4988", "Ras Al Ain"),  # ة for ه
        ("سريكانيه", "C4988", "Ras Al Ain"),  # written without the space
        ("سرێ کانیێ", "C4988", "Ras Al Ain"),  # Kurdish -ê written ێ, with ک and ی
        ("سەرێ کانیێ", "C4988", "Ras Al Ain"),  # and with ە
        ("سري كانييه", "C4988", "Ras Al Ain"),
        ("كري سبي", "C5792", "Tell Abiad"),
        ("گري سبي", "C5792", "Tell Abiad"),  # گ for ك
        ("گري سپی", "C5792", "Tell Abiad"),  # and پ, ی
        ("تربه سبيه", "C4751", "Qahtaniyyeh"),
        ("تربة سبية", "C4751", "Qahtaniyyeh"),
        ("ديركا حمكو", "C4881", "Al-Malikeyyeh"),
        ("كركي لكي", "C4841", "Maabada"),
        ("كركى لكى", "C4841", "Maabada"),  # ى for ي
        ("تل كوجر", "C4969", "Ya'robiyah"),
        ("شيه", "C1525", "Sheikh El-Hadid"),
    ],
)
def test_variants_reach_the_right_town(text, pcode, town):
    place = geozones.geocode(text)
    assert (place.source_id, place.name) == (pcode, town), (text, place)


def test_the_namesakes_keep_their_own_names():
    # 'كوباني' was Kabani in Latakia, 400 km from Kobani; Kabani answers to its own names
    kabani = geozones.geocode("Kabani")
    assert kabani.source_id == "C3751"
    assert kabani.admin[1] == "Lattakia"
    assert geozones.geocode("كباني").source_id == "C3751"
    assert geozones.geocode("كوباني").source_id != "C3751"
    # 'سري كانيه' was Sarmaniya in Hama; Sarmaniya keeps its name
    assert geozones.geocode("Sarmaniya").admin[1] == "Hama"
    assert geozones.geocode("سري كانيه").admin[1] == "Al-Hasakeh"


def test_the_kurdish_letters_fold_like_their_arabic_ones():
    assert name_key("سرێ کانیێ") == name_key("سري كانيي")
    assert name_key("کۆبانی") == name_key("كوباني")
    assert name_key("سەرێ") == name_key("سهري")


def _extract(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.place.source_id) for m in geozones.extract(text).places]


def test_extract_reads_both_names_of_a_town_in_a_sentence_of_ronahi():
    # https://ronahi.net/?p=53251
    text = (
        "وبعد احتلاله لكل من مدينتي كري سبي (تل أبيض) وسري كانيه (رأس العين)؛ "
        "عمل الاحتلال التركي على تغيير ديمغرافيتها"
    )
    found = _extract(text)
    assert ("كري سبي", "C5792") in found
    assert ("سري كانيه", "C4988") in found
    assert ("رأس العين", "C4988") in found


@pytest.mark.parametrize(
    ("text", "name", "pcode"),
    [
        # https://yek-dem.net/ar/?p=16134
        (
            "تُعتبر مدينة سري كانيه/ رأس العين السورية واحدة من أقدم المدن",
            "سري كانيه",
            "C4988",
        ),
        # the hawarnews.com report cited for تربه سبيه
        (
            "الإداري في مديرية حماية موارد المياه في ناحية تربه سبيه رودان إبراهيم تحدث لوكالتنا",
            "تربه سبيه",
            "C4751",
        ),
        # the sawtbeirut.com article cited for كوباني
        ("تعتبر مدينة كوباني (عين العرب) إحدى أبرز المدن السورية", "كوباني", "C1946"),
        # https://anfarabic.com/... s-93455
        (
            "على الدرباسية وعلى سري كانييه الخاضعة للاحتلال التركي",
            "سري كانييه",
            "C4988",
        ),
        # https://www.kurd.day/threads/27817/latest
        ("تقع مدينة سريه كانيه في شمال شرق سوريا", "سريه كانيه", "C4988"),
        # http://afrinpost.net/ar/archives/10219
        ("المنازل في مركز بلدة شيه/شيخ الحديد بريف إقليم عفرين المحتل", "شيه", "C1525"),
        # https://aso-network.com/archives/22210 ('زركان' was Terkan in Aleppo)
        ("يعيش أهالي ناحية زركان / أبو راسين، حالة من عدم الاستقرار", "زركان", "C5005"),
        # http://ea121.blogspot.com/2012/06/blog-post_6915.html
        ("وتتبعها ناحيتا الجوادية (تشل آغا) واليعربية (تل كوتشر)", "تشل آغا", "C4919"),
        ("وتتبعها ناحيتا الجوادية (تشل آغا) واليعربية (تل كوتشر)", "تل كوتشر", "C4969"),
        # https://yek-dem.net/ar/?p=6896
        ("منطقة كري علي قاسما أو كري كوجرا (تل كوجر – اليعربية)", "كري كوجرا", "C4969"),
    ],
)
def test_extract_finds_the_kurdish_name_in_a_sentence_of_its_page(text, name, pcode):
    found = _extract(text)
    assert any(pcode == sid and name in t for t, sid in found), found


def test_both_names_side_by_side_are_one_mention():
    found = _extract("قصفت القوات التركية قرى في ريف عين العرب كوباني الحدودية")
    assert [sid for _, sid in found] == ["C1946"]
    assert "عين العرب كوباني" in found[0][0]


def test_an_arabic_word_like_shiyeh_is_not_taken_from_an_ordinary_sentence():
    # 'شيء' (a thing) folds without its hamza to 'شي', not to the town's 'شيه'
    assert _extract("وقال إنه لا يعرف أي شيء عن الأمر") == []
