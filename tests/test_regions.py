"""Natural regions that agreements and reports name are regions, not namesake villages."""

import pytest

import geozones
from geozones.errors import UnknownPlaceError


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Eastern Ghouta", "Eastern Ghouta"),
        ("East Ghouta", "Eastern Ghouta"),
        ("al-Ghouta al-Sharqiya", "Eastern Ghouta"),
        ("Jabal al-Zawiya", "Jabal al-Zawiya"),
        ("Jebel Zawiya", "Jabal al-Zawiya"),
        ("Sahl al-Ghab", "Ghab plain"),
        ("Jabal al-Akrad", "Jabal al-Akrad"),
    ],
)
def test_region_names_resolve_to_the_region(name, expected):
    p = geozones.geocode(name)
    assert p.kind == "region"
    assert p.name == expected
    assert p.precision == "approximate"
    assert p.country == "SY"


def test_eastern_ghouta_is_near_damascus_not_in_raqqa():
    p = geozones.geocode("Eastern Ghouta")
    # the village "Ghota" the phonetic fallback used to return lies in Ar-Raqqa, 35.9N 39.0E
    assert abs(p.lat - 33.55) < 0.2 and abs(p.lon - 36.40) < 0.2
    assert "Rural Damascus" in p.admin


def test_kind_filter_accepts_region_and_excludes_it_elsewhere():
    assert geozones.geocode("Ghab plain", kind="region").name == "Ghab plain"
    with pytest.raises(UnknownPlaceError):
        geozones.geocode("Jabal al-Zawiya", kind="country")


def test_region_geometry_is_its_centre_point():
    assert geozones.geocode("Jabal al-Zawiya").geometry.geom_type == "Point"
