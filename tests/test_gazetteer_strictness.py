"""Unknown words are errors with candidates, not confident answers from far away."""

import pytest

import geozones
from geozones.errors import UnknownPlaceError


@pytest.fixture(scope="module")
def bundled():
    """The bundled data only: other tests load countries (Libya has a town named Hun)."""
    return geozones.Gazetteer()


@pytest.mark.parametrize("name", ["Hun", "Qwertyuiop", "Blorptown", "Xyzzyville", "Foo"])
def test_unknown_words_raise_with_candidates(name, bundled):
    with pytest.raises(UnknownPlaceError) as info:
        bundled.geocode(name)
    assert info.value.candidates  # the message still offers the closest names


@pytest.mark.parametrize(
    "typo, expected_pcode",
    [
        ("Jarabls", "C2227"),  # Jarablus
        ("Saraqeeb", "C3916"),  # Saraqib
        ("Khan Shaikhoun", None),
        ("Maaret al-Nouman", "C3985"),
    ],
)
def test_real_misspellings_still_resolve(typo, expected_pcode):
    p = geozones.geocode(typo)
    assert p.country == "SY" and p.score >= 0.85
    if expected_pcode:
        assert p.source_id == expected_pcode
