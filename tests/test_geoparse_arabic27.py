"""Arabic names, round 27: what a reader of Arabic reads that the extractor cut or took
for a place.

Each rule is shown firing on a sentence written for it and staying silent where it must:

* "لل" (the preposition ل and the article, its alef dropped) before a name the gazetteer
  stores with the article is that name even when the name is also a common word ("المتحف
  الوطني للرقة،" is the museum of al-Raqqa); a definite attribute after it makes it the
  word ("للثورة السورية", of the Syrian revolution);
* an indefinite word in -ية after "غير" (non-) is the adjective it negates ("عمال من
  جنسيات سورية وغير سورية": not Syria); the country after "في" stays;
* a byline "Posted by X 24" (an embedded post) names the outlet X 24, not the town X;
* an outlet's name in Urdu or Persian script closed by "نیوز" (news) is the outlet's, its
  country word no place ("پاکستان ٹوڈے نیوز"); the same country in Arabic script stays a place.
"""

from __future__ import annotations

import geozones


def _places(text: str) -> list[tuple[str, str, float, float]]:
    return [
        (m.text, m.kind, round(m.place.lat, 2), round(m.place.lon, 2))
        for m in geozones.extract(text).places
    ]


def _texts(text: str) -> list[str]:
    return [m.text for m in geozones.extract(text).places]


def test_li_article_before_a_name_that_is_also_a_word() -> None:
    text = "زار الوفد المتحف الوطني للرقة، وقال مديره إن القطع الأثرية نُقلت."
    assert "رقة" in _texts(text)


def test_li_article_before_a_common_word_with_its_attribute() -> None:
    text = "أحيا الناشطون الذكرى العاشرة للثورة السورية في الساحات."
    assert "ثورة" not in _texts(text)


def test_adjective_negated_by_ghayr() -> None:
    text = "وظّفت الشركة عمالاً من جنسيات سورية وغير سورية في مصانعها بحلب."
    assert "سورية" not in _texts(text)
    assert "سورية" in _texts("عاد اللاجئون إلى سورية بعد سنوات.")


def test_posted_by_numbered_outlet() -> None:
    text = "وخرج المحتجون إلى الساحة.\nPosted by درعا 24 on Friday, May 1, 2020\nوكان"
    assert "درعا" not in _texts(text)
    assert "درعا" in _texts("وخرج المحتجون في مدينة درعا 24 ساعة متواصلة.")


def test_urdu_script_outlet_name() -> None:
    text = "(پاکستان ٹوڈے نیوز / وكالات) وصلت طائرة مساعدات إلى باكستان أمس."
    found = _texts(text)
    assert "پاکستان" not in found
    assert "باكستان" in found
