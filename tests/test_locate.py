"""geozones.locate and the ``geozones locate`` command."""

from __future__ import annotations

import json

import pytest
import shapely

import geozones
from geozones.analysis import locate
from geozones.cli import main


@pytest.fixture(scope="module")
def tl():
    # module fixtures run before the per-test cache isolation: never touch the user's cache
    return geozones.load_timeline(use_cache=False)


def test_locate_a_name_on_a_date(tl):
    got = locate("Ariha", "2020-03-15", tl)
    assert "m4-corridor" in set(got["id"])
    # the Idlib zone's period of that day (its id ends with the period's first day)
    assert got["id"].str.fullmatch(r"idlib-zone-2020-03-\d\d").sum() == 1
    assert (got.loc[got["kind"] == "security-corridor", "distance_m"] == 0).all()
    assert got["start_date"].is_monotonic_increasing


def test_locate_accepts_a_tuple_a_point_and_a_place(tl):
    ariha = geozones.geocode("Ariha")
    by_name = set(locate("Ariha", "2020-03-15", tl)["id"])
    assert set(locate((ariha.lat, ariha.lon), "2020-03-15", tl)["id"]) == by_name
    assert set(locate(shapely.Point(ariha.lon, ariha.lat), "2020-03-15", tl)["id"]) == by_name
    assert set(locate(ariha, "2020-03-15", tl)["id"]) == by_name


def test_without_a_date_every_period_counts(tl):
    ids = set(locate("Douma", timeline=tl)["id"])
    assert ids == {"eastern-ghouta-zone", "nationwide-ceasefire"}
    assert locate("Douma", "2018-06-01", tl).empty


def test_lines_and_points_match_within_a_tolerance_in_metres(tl):
    nayrab = geozones.geocode("al-Nayrab")
    got = locate(nayrab, "2020-03-15", tl).set_index("id")
    assert "m4-joint-patrol-route" in got.index  # the route passes the town
    assert got.loc["m4-joint-patrol-route", "distance_m"] < 1000
    morek = geozones.geocode("Morek")
    assert "op-morek" in set(locate(morek, "2019-01-01", tl)["id"])
    # 1.5 km north of the post: outside the default 1 km, inside a 2 km tolerance
    north = (morek.lat + 1500 / 111_000, morek.lon)
    assert "op-morek" not in set(locate(north, "2019-01-01", tl)["id"])
    assert "op-morek" in set(locate(north, "2019-01-01", tl, tolerance=2000)["id"])


def test_locate_uses_the_bundled_timeline_by_default():
    assert "m4-corridor" in set(locate("Ariha", "2020-03-15")["id"])


@pytest.mark.parametrize(
    "bad,message",
    [
        ((95.0, 36.0), "not a \\(lat, lon\\) pair"),
        (shapely.LineString([(36, 35), (37, 36)]), "takes a point"),
        (42, "not int"),
    ],
)
def test_bad_input(bad, message, tl):
    with pytest.raises(geozones.InputError, match=message):
        locate(bad, None, tl)


def test_unknown_name_lists_candidates(tl):
    with pytest.raises(geozones.UnknownPlaceError):
        locate("Xqzwvkjh", None, tl)


# --- the command --------------------------------------------------------------------------------


def test_cli_locate_name(capsys):
    assert main(["locate", "Jisr al-Shughur", "--date", "2020-03-15"]) == 0
    out = capsys.readouterr().out
    assert "m4-corridor" in out and "security-corridor" in out and "2020-03-06 → open" in out


def test_cli_locate_latlon_json(capsys):
    ariha = geozones.geocode("Ariha")
    where = f"{ariha.lat},{ariha.lon}"
    assert main(["locate", where, "--date", "2020-03-15", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["lat"] == pytest.approx(ariha.lat) and data["place"] is None
    corridor = next(f for f in data["features"] if f["id"] == "m4-corridor")
    assert corridor["end_date"] is None


def test_cli_locate_nothing_found_exits_1(capsys):
    assert main(["locate", "Douma", "--date", "2018-06-01"]) == 1
    assert "no feature" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv,message",
    [
        (["locate", "Ariha", "--date", "2020-02-30"], "not a date"),
        (["locate", "Xqzwvkjh"], "unknown place"),
        (["locate", "95.1,36.2"], "not a (lat, lon) pair"),
    ],
)
def test_cli_locate_bad_input_exits_2_with_one_line(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_cli_locate_with_another_spec(tmp_path, capsys):
    spec = tmp_path / "one.yaml"
    spec.write_text(
        "timeline: {id: one, name: One}\n"
        "agreements:\n"
        "  - id: a\n"
        "    name: A\n"
        "    sources: [https://example.org/2020/01/01/report]\n"
        "    features:\n"
        "      - id: box\n"
        "        kind: zone\n"
        "        start: 2020-01-01\n"
        "        confidence: schematic\n"
        "        geometry: {buffer: {of: {point: {lat: 35.8, lon: 36.6}}, distance: 10 km}}\n",
        encoding="utf-8",
    )
    assert main(["locate", "35.85,36.6", "--spec", str(spec), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["timeline"] == "one" and [f["id"] for f in data["features"]] == ["box"]


def test_cli_locate_tolerance(capsys):
    morek = geozones.geocode("Morek")
    where = f"{morek.lat + 1500 / 111_000:.5f},{morek.lon:.5f}"
    assert main(["locate", where, "--date", "2019-01-01", "--json"]) == 0
    assert "op-morek" not in {f["id"] for f in json.loads(capsys.readouterr().out)["features"]}
    argv = ["locate", where, "--date", "2019-01-01", "--tolerance", "2000", "--json"]
    assert main(argv) == 0
    assert "op-morek" in {f["id"] for f in json.loads(capsys.readouterr().out)["features"]}
    assert main(["locate", where, "--tolerance", "-5"]) == 2
    assert "negative" in capsys.readouterr().err


def test_locate_takes_the_gazetteer_to_look_names_up_in(tl, tmp_path):
    """Issue #13: the gazetteer is passed in; the shared default is left alone."""
    from geozones import Gazetteer

    ariha = geozones.geocode("Ariha", country="SY")
    (tmp_path / "mine.csv").write_text(
        f"name,lat,lon,country\nOur Checkpoint Seven,{ariha.lat},{ariha.lon},SY\n",
        encoding="utf-8",
    )
    mine = Gazetteer()
    mine.add_places_file(tmp_path / "mine.csv")
    got = locate("Our Checkpoint Seven", "2020-03-15", timeline=tl, gazetteer=mine)
    assert list(got["id"]) == list(locate(ariha, "2020-03-15", timeline=tl)["id"])
    with pytest.raises(geozones.UnknownPlaceError):
        locate("Our Checkpoint Seven", "2020-03-15", timeline=tl)


def test_a_name_is_read_as_the_control_table_reads_it(tl):
    """'Kafr Halab' is OCHA Kafr Aleppo (C1039) in the table's ``places:``, not the
    gazetteer's guess (no place since round 19; Kafr Haya in the Idlib zone before): locate
    answers for the table's place."""
    table = geozones.geocode("C1039", country="SY")
    # the gazetteer alone gives another place, or (its guesses keep the consonants) none
    try:
        alone = geozones.geocode("Kafr Halab", country="SY").source_id
    except geozones.UnknownPlaceError:
        alone = None
    assert alone != "C1039"
    got = set(locate("Kafr Halab", "2020-03-10", tl)["id"])
    assert got == set(locate((table.lat, table.lon), "2020-03-10", tl)["id"])
    assert not any(i.startswith("idlib-zone") for i in got)


def test_a_cached_timeline_reads_the_table_s_names_without_compiling_control(tmp_path):
    """From the cache the control table is compiled on first use; a name for locate is
    read by the table's ``places:`` without compiling it."""
    geozones.load_timeline()  # stores it in this test's cache
    cached = geozones.load_timeline()
    assert cached._control._real is None  # a LazyControl, not compiled yet
    got = set(locate("Kafr Halab", "2020-03-10", cached)["id"])
    assert cached._control._real is None
    assert not any(i.startswith("idlib-zone") for i in got)


def test_the_command_reads_a_name_as_the_control_table_does(capsys):
    """``geozones locate "Kafr Halab"`` answers for OCHA Kafr Aleppo (the table's place)."""
    assert main(["locate", "Kafr Halab", "--date", "2020-03-10", "--json"]) in (0, 1)
    out = json.loads(capsys.readouterr().out)
    assert out["place"]["source_id"] == "C1039"
    assert out["control"]["holder"] == "government"


def test_a_name_the_table_does_not_list_is_looked_up_everywhere(tl):
    """Only the table's ``places:`` names are read its way: a foreign city still resolves
    abroad (the gazetteer's answer, no country filter)."""
    point, place = geozones.analysis.point_of("Gaziantep", timeline=tl)
    assert place is not None and place.country == "TR"
