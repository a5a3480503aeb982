"""Round 16 of issue 16: rules learnt from heldout15's misses (passages 304-339), each
tested on the real sentence that showed it and on a sentence where the rule must not fire."""

from __future__ import annotations

import geozones


def _places(text: str) -> dict[str, tuple[str, str, str]]:
    ex = geozones.extract(text)
    return {m.text: (m.place.name, m.place.country, m.kind) for m in ex.places}


def _entities(text: str) -> dict[str, str]:
    return {e.text: e.kind for e in geozones.extract(text).entities}


def test_a_turkish_capital_letter_opens_an_organisations_name():
    # Yeni Şafak relaying AA (326): "İdlib Sivil Savunma" came out as the Idlib region
    text = (
        "İdlib Sivil Savunma (Beyaz Baretliler) Müdürü Mustafa Hac Yusuf, AA muhabirine "
        "yaptığı açıklamada, Han Şeyhun ilçesine saldırı düzenlendiğini söyledi."
    )
    assert "İdlib" not in _places(text)
    assert _entities(text).get("İdlib Sivil Savunma") == "organization"


def test_a_turkish_organisation_noun_closes_the_name_before_a_place():
    # the Civil Defence, then its Idlib officer: the place after the name is still a place
    got = _places(
        "Suriye Sivil Savunma İdlib Medya Sorumlusu Firas Halife yaptığı açıklamada, "
        "rejim güçlerinin İdlib'in güneyindeki köyleri hedef aldığını söyledi."
    )
    assert "Suriye" not in got
    assert got["İdlib"][1] == "SY"
