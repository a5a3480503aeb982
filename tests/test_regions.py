"""Regions: natural regions are regions, not namesake villages; and the gazetteer's regional
knowledge (issue #16): Kurdish names, the neighbours' border towns, the regional prior."""

import csv
import warnings
from pathlib import Path

import pytest

import geozones
from geozones import settings
from geozones.errors import UnknownPlaceError
from geozones.gazetteer import FAR_KM, FarGuessWarning, Gazetteer
from geozones.projection import haversine_km


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


# --- issue #16, the gazetteer: Kurdish names, border towns, the regional prior -------------


@pytest.fixture(scope="module")
def gz():
    return Gazetteer()  # the bundled data only (other tests load countries into the default)


@pytest.mark.parametrize(
    "name, pcode",
    [
        ("Dirbêsiyê", "C5054"),  # Ad-Darbasiyah
        ("Tirbespî", "C4751"),  # Al-Qahtaniyah
        ("Qamişlo", "C4564"),
        ("Kobanî", "C1946"),  # Ain al-Arab
        ("Serêkaniyê", "C4988"),  # Ras al-Ain, one word or two
        ("Serê Kaniyê", "C4988"),
        ("Dêrik", "C4881"),  # Al-Malikiyah
        ("Efrînê", "C1366"),  # the oblique case as the texts write it
        ("DIRBESIYE", "C5054"),  # without the diacritics
    ],
)
def test_kurdish_names_of_the_north_east(gz, name, pcode):
    p = gz.geocode(name)
    assert (p.source_id, p.score) == (pcode, 1.0)


def test_every_kurdish_name_is_sourced_and_names_its_town(gz):
    path = settings.data_dir / "kurdish_names.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.reader(fh) if r and not r[0].startswith("#")][1:]
    assert len(rows) >= 15
    for name, target, source, *_ in rows:
        assert source.startswith(("https://", "http://")), name
        p = gz.geocode(name)
        assert p.source_id == target and p.score == 1.0, (name, p)
    assert "kurdish_names.csv" in (settings.data_dir / "SOURCES.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name, lat, lon",
    [
        ("Akçakale", 36.71, 38.95),  # opposite Tell Abyad; it resolved to Alanya, 620 km away
        ("Elbeyli", 36.68, 37.46),  # a small town of Kilis province
        ("Yayladağı", 35.90, 36.06),  # Hatay, on the border
        ("Ar Ramtha", 32.56, 36.01),  # Jordan, opposite Daraa
    ],
)
def test_towns_of_the_neighbours_border_provinces(gz, name, lat, lon):
    p = gz.geocode(name)
    assert p.country in ("TR", "LB", "JO", "IQ", "IL") and p.score >= 0.97
    assert haversine_km(p.lat, p.lon, lat, lon) < 10


def test_an_exonym_across_the_border_is_the_neighbour_not_another_continent(gz):
    assert gz.geocode("Tripoli").country == "LB"  # 30 km from Syria, not Libya's capital
    assert gz.geocode("Tripoli", near=(32.9, 13.2)).country == "LY"
    assert gz.geocode("Tripoli", country="LY").country == "LY"
    assert [p.country for p in gz.geocode("Tripoli", top=2)] == ["LB", "LY"]


def test_a_well_known_town_north_of_aleppo(gz):
    for name in ("Menagh", "منغ"):
        p = gz.geocode(name)
        assert p.source_id == "C1569" and haversine_km(p.lat, p.lon, 36.52, 37.05) < 3


def test_a_name_shared_by_two_governorates_follows_the_region(gz, monkeypatch):
    # Qahtaniyyeh: a town in Al-Hasakeh (C4751) and a village near Raqqa (C5726)
    raqqa = (35.5, 38.5, 36.5, 39.5)
    assert gz.geocode("Qahtaniyyeh", near=raqqa).source_id == "C5726"
    assert gz.geocode("Qahtaniyyeh", kind="populated place", near=(37.0, 41.5)).source_id == (
        "C4751"
    )
    other = Gazetteer()
    other.region = raqqa  # e.g. a timeline's bounds
    assert other.geocode("Qahtaniyyeh").source_id == "C5726"
    monkeypatch.setattr(settings, "gazetteer_region", raqqa)
    assert Gazetteer().geocode("Qahtaniyyeh").source_id == "C5726"
    with pytest.raises(geozones.errors.InputError, match="south"):
        other.region = (36.5, 38.5, 35.5, 39.5)


def test_a_fuzzy_guess_far_from_the_region_is_low_and_warned(gz):
    with pytest.warns(FarGuessWarning, match="km from the region"):
        p = gz.geocode("Managuax")  # nothing like it near Syria: Managua, Nicaragua
    assert p.country == "NI" and p.score <= 0.5
    with warnings.catch_warnings():
        warnings.simplefilter("error", FarGuessWarning)
        near = gz.geocode("Jarabls")  # a typo of a Syrian town: no warning, a good score
        assert near.source_id == "C2227" and near.score > 0.85
        assert gz.geocode("Moscow").country == "RU"  # far but exact: no warning
    assert FAR_KM >= 100


# --- the regional prior of a spec: its own area (issue #16 item 4) ---------------------------


def _names_spec(tmp_path: Path, head: str, *names: str) -> Path:
    text = f"{head}\nagreements:\n  - id: a\n    name: A\n    features:\n"
    for i, n in enumerate(names):
        text += (
            f"      - {{id: f{i}, kind: zone, start: 2020-10-23, confidence: schematic, "
            f"geometry: {{place: {n}}}}}\n"
        )
    path = tmp_path / f"spec{len(list(tmp_path.iterdir()))}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_shared_name_resolves_in_the_specs_own_area(tmp_path):
    """Tripoli is Lebanon's for a Syria spec and Libya's for a Libya spec, by the spec's area."""
    from geozones.compiler import validate

    gz = geozones.Gazetteer.default()
    region = gz.region
    syria = _names_spec(tmp_path, "timeline: {id: s, name: S}", "Idlib", "Tripoli")
    libya = _names_spec(tmp_path, "timeline: {id: l, name: L}", "Sirte", "Tripoli")
    declared = _names_spec(
        tmp_path, "timeline: {id: d, name: D}\ngazetteer: {countries: [LY]}", "Tripoli"
    )
    tripoli = {}
    for name, path in (("syria", syria), ("libya", libya), ("declared", declared)):
        _, gdf, errors = validate(path)
        assert errors == [], errors
        tripoli[name] = gdf.geometry.iloc[-1]
    assert 34.3 < tripoli["syria"].y < 34.6 and 35.7 < tripoli["syria"].x < 36.0  # Lebanon
    for name in ("libya", "declared"):
        assert 32.8 < tripoli[name].y < 33.0 and 13.0 < tripoli[name].x < 13.4  # Libya
    # the shared default gazetteer is left as it was for everyone else
    assert gz.region == region
    assert gz.geocode("Tripoli").country == "LB"


def test_a_shared_name_with_no_area_to_decide_is_still_refused(tmp_path):
    from geozones.compiler import validate

    path = _names_spec(tmp_path, "timeline: {id: n, name: N}", "Tripoli")
    _, _, errors = validate(path)
    assert len(errors) == 1 and "names several places" in str(errors[0])
