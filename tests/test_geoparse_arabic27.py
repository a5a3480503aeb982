"""Arabic names, round 27: what a reader of Arabic reads that the extractor cut or took
for a place.

Each rule is shown firing on a sentence written for it and staying silent where it must:

* "لل" (the preposition ل and the article, its alef dropped) before a name the gazetteer
  stores with the article is that name even when the name is also a common word ("المتحف
  الوطني للرقة،" is the museum of al-Raqqa); a definite attribute after it makes it the
  word ("للثورة السورية", of the Syrian revolution).
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
