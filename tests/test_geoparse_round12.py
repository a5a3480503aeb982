"""Round 12 of issue 16: rules learnt from heldout11's misses (passages 196-219), each
tested on the real sentence that showed it."""

from __future__ import annotations

import geozones


def test_a_byline_names_the_writer_not_a_village():
    # Xeber24 (219): the byline "Selava Omar –" came out as the village of Omar (Aleppo)
    ex = geozones.extract(
        "5 ISIS members were arrested in a new SDF operation in Deir Ezzor countryside\n\n"
        "Selava Omar –\n\n"
        "The Syrian Democratic Forces have arrested a cell affiliated with ISIS."
    )
    assert "Omar" not in " ".join(m.text for m in ex.places)
    assert any(e.text == "Selava Omar" and e.kind == "person" for e in ex.entities)


def test_a_french_preposition_opening_a_sentence_is_no_village():
    # La Référence (199): "Sur cette artère vitale" came out as Sur (Deir ez-Zor)
    ex = geozones.extract(
        "Sur cette artère vitale, le régime a déjà reconquis la ville de Khan Cheikhoun, "
        "dans le sud d’Idleb."
    )
    assert [m.text for m in ex.places if m.text == "Sur"] == []
    assert any(m.text == "Khan Cheikhoun" for m in ex.places)


def test_media_is_a_common_word():
    # TASS (218): "Media reports claim …" came out as Madaya (Rural Damascus)
    ex = geozones.extract("Media reports claim that residential areas in Abu Rasin are under fire.")
    assert [m.text for m in ex.places] == ["Abu Rasin"]
