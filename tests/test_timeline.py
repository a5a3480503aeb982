"""The bundled north-west Syria timeline: the contract, the facts it must show, Timeline methods."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import numpy as np
import pandas as pd
import pytest
import shapely
from pyproj import Geod

import geozones
from geozones import boundaries
from geozones.kinds import CONFIDENCE, KINDS
from geozones.projection import area_m2, fit, length_m
from geozones.timeline import FEATURE_COLUMNS, Timeline

GEOD = Geod(ellps="WGS84")


@pytest.fixture(scope="module")
def tl() -> Timeline:
    # module fixtures run before the per-test cache isolation: never touch the user's cache
    return geozones.load_timeline(use_cache=False)


@pytest.fixture(scope="module")
def feat(tl):
    return tl.features.set_index("id")


def _pt(name: str) -> shapely.Point:
    p = geozones.geocode(name, country="SY")
    return shapely.Point(p.lon, p.lat)


def _covering(tl: Timeline, name: str, date: str) -> set[str]:
    active = tl.at(date)
    return set(active.loc[active.geometry.covers(_pt(name)), "id"])


# --- the contract ----------------------------------------------------------------------------


def test_features_follow_the_contract(tl):
    f = tl.features
    assert list(f.columns[: len(FEATURE_COLUMNS)]) == FEATURE_COLUMNS
    assert f.crs.to_epsg() == 4326
    assert f["id"].is_unique
    assert str(f["start_date"].dtype) == "datetime64[ns]" == str(f["end_date"].dtype)
    assert f["kind"].isin(list(KINDS)).all() and f["confidence"].isin(list(CONFIDENCE)).all()
    assert f.geometry.is_valid.all() and not f.geometry.is_empty.any()
    assert ((f["end_date"].isna()) | (f["end_date"] >= f["start_date"])).all()
    areal = f["kind"].isin(
        ["zone", "demilitarized-zone", "security-corridor", "operation-area", "evacuation-area"]
    )
    assert f.loc[areal].geom_type.isin(["Polygon", "MultiPolygon"]).all()
    assert (f.loc[f["kind"] == "observation-post"].geom_type == "Point").all()
    assert tl.id == "north-west-syria" and len(tl.agreements) >= 7


def test_every_feature_cites_a_source_and_nothing_claims_to_be_surveyed(tl):
    for row in tl.features.itertuples():
        assert row.sources, row.id
        assert all(
            s["url"].startswith("https://") or s["url"].startswith("http://") for s in row.sources
        ), row.id
        # a verbatim quote, or a summary in our own words (never shown as a quote)
        assert all(s["quote"] or s.get("summary") for s in row.sources), row.id
        # an article, never a site's home page (issue #14)
        assert all(urlsplit(s["url"]).path.strip("/") for s in row.sources), row.id
    assert "surveyed" not in set(tl.features["confidence"])


def test_vague_facts_say_so_in_the_notes(feat):
    assert "month only" in feat.loc["op-anadan", "notes"]
    assert feat.loc["op-anadan", "end_date"].date() == dt.date(2020, 12, 31)
    assert "15 km–20 km" in feat.loc["sochi-dmz-2018-09-17", "notes"]
    assert "latest it can have stood" in feat.loc["op-zeytunah", "notes"]
    assert "not a reported date" in feat.loc["nationwide-ceasefire", "notes"]


def test_places_used_by_the_spec_are_listed(tl):
    names = {p.name for p in tl.places}
    assert {"Tromba", "Ein Elhur", "Selwa"} <= names
    assert all(isinstance(p, geozones.Place) for p in tl.places)


# --- what it must show -------------------------------------------------------------------------


def test_m4_corridor_on_2020_03_15(tl, feat):
    for town in ("Jisr al-Shughur", "Ariha", "al-Nayrab"):
        assert "m4-corridor" in _covering(tl, town, "2020-03-15"), town
    for town in ("Idlib", "Maarat al-Numan"):
        assert "m4-corridor" not in _covering(tl, town, "2020-03-15"), town
    corridor = feat.loc["m4-corridor", "geometry"]
    road = feat.loc["m4-joint-patrol-route", "geometry"]  # the M4 from Trumba to Ain al-Havr
    assert 60_000 < length_m(road) < 80_000  # reported: 71 km
    assert area_m2(corridor) == pytest.approx(12_000 * length_m(road), rel=0.01)


def test_m4_corridor_is_6_km_each_side_of_the_road(feat):
    corridor = feat.loc["m4-corridor", "geometry"]
    road = feat.loc["m4-joint-patrol-route", "geometry"]
    ring = np.asarray(corridor.exterior.coords)
    proj = fit(road)
    # measure from vertices away from the flat ends
    ends = proj.forward(shapely.MultiPoint([road.coords[0], road.coords[-1]]))
    far = shapely.distance(proj.forward(shapely.points(ring)), ends) > 7000
    dense = np.asarray(shapely.segmentize(road, 0.0005).coords)
    pts = ring[far][::5]
    px, dx = np.meshgrid(pts[:, 0], dense[:, 0], indexing="ij")
    py, dy = np.meshgrid(pts[:, 1], dense[:, 1], indexing="ij")
    d = GEOD.inv(px.ravel(), py.ravel(), dx.ravel(), dy.ravel())[2].reshape(px.shape).min(1)
    assert len(pts) > 20
    assert np.all(np.abs(d - 6000) <= 30), (d.min(), d.max())


def test_euphrates_shield_on_2017_06_01(tl):
    # the operation area is gone; who held what comes from the control table
    for town in ("Azaz", "Al-Bab", "Jarablus"):
        assert not {i for i in _covering(tl, town, "2017-06-01") if "euphrates" in i}, town
        assert tl.control_at(town, "2017-06-01").holder == "turkish-backed", town
    assert "euphrates-shield-operation" in _covering(tl, "Jarablus", "2016-09-01")
    for town in ("Afrin", "Manbij"):
        assert tl.control_at(town, "2017-06-01").holder == "sdf", town


def test_nothing_covers_douma_from_mid_april_2018(tl):
    assert "eastern-ghouta-zone" in _covering(tl, "Douma", "2018-01-01")
    assert "eastern-ghouta-zone" in _covering(tl, "Douma", "2018-04-14")
    assert _covering(tl, "Douma", "2018-04-15") == set()
    assert _covering(tl, "Douma", "2018-06-01") == set()


def _zone_on(tl: Timeline, day: str) -> shapely.Geometry:
    active = tl.at(day)
    rows = active[active["id"].str.startswith("idlib-zone-")]
    assert len(rows) == 1, (day, list(rows["id"]))
    return rows.geometry.iloc[0]


def test_the_idlib_zone_follows_the_front_within_its_outline(tl):
    zone = tl.features[tl.features["id"].str.startswith("idlib-zone-")].sort_values("start_date")
    assert len(zone) > 20 and zone["id"].is_unique
    # the periods tile the span from the memorandum on, one after the other
    assert zone["start_date"].iloc[0] == pd.Timestamp("2017-05-04")
    ends = zone["end_date"].iloc[:-1].to_numpy()
    starts = zone["start_date"].iloc[1:].to_numpy()
    assert (starts - ends == np.timedelta64(1, "D")).all() and pd.isna(zone["end_date"].iloc[-1])
    first = zone.geometry.iloc[0]
    assert 6_000e6 < area_m2(first) < 12_000e6
    # it only shrinks, but for a besieged pocket the opposition took (al-Fu'ah, July 2018)
    # and the towns its counter-attacks took (Tal Malah and Jibeen, June 2019)
    s = tl._control.surface
    gains = [e.cells for e in s.events if e.party == "opposition" and e.kind == "capture"]
    pockets = s.union(np.unique(np.concatenate([cells for _, _, cells in s.besieged] + gains)))
    for geom in zone.geometry:
        assert geom.difference(first.union(pockets)).area < 1e-9
    # after the offensives of 2019 and 2020 less than three quarters is left (captures are
    # sparse: villages no report names stay with their last holder)
    assert area_m2(_zone_on(tl, "2020-03-15")) < 0.75 * area_m2(_zone_on(tl, "2019-04-01"))


def test_retaken_towns_leave_the_zone_on_their_dates(tl):
    def inside(town: str, day: str) -> bool:
        return bool({i for i in _covering(tl, town, day) if i.startswith("idlib-zone")})

    assert inside("Khan Shaykhun", "2019-08-20") and not inside("Khan Shaykhun", "2019-08-21")
    assert inside("Maarat al-Numan", "2020-01-27") and not inside("Maarat al-Numan", "2020-01-28")
    # Saraqib: out, back in when the rebels retook it, out again
    days = ("2020-02-06", "2020-02-07", "2020-02-28", "2020-03-02")
    assert [inside("Saraqib", d) for d in days] == [True, False, True, False]


def test_sochi_dmz_is_inside_the_zone_along_the_contact_line_not_the_turkish_border(tl, feat):
    dmz, zone = feat.loc["sochi-dmz-2018-09-17", "geometry"], _zone_on(tl, "2018-09-17")
    assert dmz.difference(zone).area < 1e-6 * dmz.area  # round-trip noise only
    assert 0.2 < area_m2(dmz) / area_m2(zone) < 0.8
    turkey = boundaries.load("countries").set_index("pcode").loc["TR", "geometry"]
    proj = fit(zone)
    zone_m, dmz_m, turkey_m = proj.forward(zone), proj.forward(dmz), proj.forward(turkey)
    # the stretch of the zone's outline on the Turkish border has no band along it
    border = zone_m.boundary.intersection(turkey_m.buffer(2000))
    mid = shapely.line_interpolate_point(shapely.line_merge(border), 0.5, normalized=True)
    assert border.length > 30_000
    assert dmz_m.distance(mid) > 5_000
    # measured from the government–opposition line of its day, at most 20 km deep
    line = proj.forward(tl._control.contact_line("2018-09-17", ("government", "opposition")))
    assert dmz_m.difference(line.buffer(20_100)).area < 1e-3 * dmz_m.area
    for town in ("Salqin", "Harim", "Idlib"):
        assert not dmz.covers(_pt(town)), town
    for town in ("Khan Shaykhun", "Morek"):
        assert dmz.covers(_pt(town)), town
    # what was left of it shrank with the zone, and it ends with the Moscow protocol
    left = tl.features[tl.features["id"].str.startswith("sochi-dmz-")]
    assert left["end_date"].max() == pd.Timestamp("2020-03-05")
    assert area_m2(left.sort_values("start_date").geometry.iloc[-1]) < 0.7 * area_m2(dmz)


def test_observation_posts(tl, feat):
    posts = tl.features[tl.features["kind"] == "observation-post"]
    assert len(posts) == 12
    assert feat.loc["op-salwa", "start_date"].date() == dt.date(2017, 10, 13)  # the first
    assert feat.loc["op-surman", "start_date"].date() == dt.date(2018, 2, 15)
    assert (posts["start_date"] <= pd.Timestamp("2018-05-16")).all()
    assert len(tl.at("2018-05-16").query("kind == 'observation-post'")) == 12
    assert "op-morek" in set(tl.at("2020-10-19")["id"])
    assert "op-morek" not in set(tl.at("2020-10-20")["id"])
    # the Zaytuna post stood in the opposition's Jabal al-Turkman, not in government Latakia
    z = feat.loc["op-zeytunah", "geometry"]
    assert tl.holders([z.x], [z.y], ["2019-01-01"])[0] == "opposition"
    # posts at named places lie within 1 km of the place
    assert feat.loc["op-morek", "geometry"].distance(_pt("Morek")) < 0.01


def test_patrol_route_and_moscow_protocol_dates(tl):
    assert "m4-joint-patrol-route" in set(tl.at("2020-08-25")["id"])
    assert "m4-joint-patrol-route" not in set(tl.at("2020-08-26")["id"])
    assert "m4-joint-patrol-route" not in set(tl.at("2020-03-14")["id"])
    ids = set(tl.at("2020-03-06")["id"])
    assert "m4-corridor" in ids
    assert {i.rsplit("-", 3)[0] for i in ids} >= {"contact-line-2020", "idlib-zone"}


# --- Timeline methods -------------------------------------------------------------------------


def test_slices_are_sorted_change_dates(tl):
    s = tl.slices()
    assert s == sorted(set(s)) and s[0] == dt.date(2016, 8, 23)  # the control table's start
    assert dt.date(2020, 3, 6) in s and dt.date(2020, 8, 26) in s  # a start; end + 1 day
    # between two slices the active set does not change
    for a, b in zip(s, s[1:], strict=False):
        if (b - a).days > 1:
            mid = a + (b - a) / 2
            assert set(tl.at(a)["id"]) == set(tl.at(mid)["id"])


def test_events_on_a_date(tl):
    ev = tl.events("2020-03-06")
    assert {
        "type": "start",
        "id": "m4-corridor",
        "name": "M4 security corridor (6 km each side)",
        "kind": "security-corridor",
    } in ev
    signed = [e for e in tl.events("2020-03-05") if e["type"] == "signed"]
    assert [e["id"] for e in signed] == ["moscow-protocol"]
    ends = [e["id"] for e in tl.events("2020-08-26") if e["type"] == "end"]
    assert ends == ["m4-joint-patrol-route"]


def test_at_and_active_mask_accept_dates_in_any_form(tl):
    a = tl.at("2020-03-15")
    assert (
        set(a["id"])
        == set(tl.at(dt.date(2020, 3, 15))["id"])
        == set(tl.at(pd.Timestamp("2020-03-15"))["id"])
    )
    assert tl.active_mask("2015-01-01").sum() == 0
    with pytest.raises(geozones.InputError, match="YYYY-MM-DD"):
        tl.at("15 March 2020")


def test_filter_keeps_metadata(tl):
    sub = tl.filter(["m4-corridor"])
    assert len(sub) == 1 and sub.agreements == tl.agreements and sub.name == tl.name


def test_second_load_comes_from_the_cache_and_is_equal(tl):
    geozones.load_timeline()  # compiles into this session's cache folder
    again = geozones.load_timeline()
    assert again.features["id"].tolist() == tl.features["id"].tolist()
    assert all(
        a.equals_exact(b, 1e-12)
        for a, b in zip(again.features.geometry, tl.features.geometry, strict=True)
    )
    assert again.places == tl.places


def test_one_version_of_the_idlib_zone_and_of_the_dmz_at_a_time(tl):
    f = tl.features
    zone = f["id"].str.startswith("idlib-zone")
    dmz = f["id"].str.startswith("sochi-dmz")
    for day in tl.slices():
        active = tl.active_mask(day)
        assert (active & zone).sum() == (1 if day >= dt.date(2017, 5, 4) else 0), day
        in_dmz_period = dt.date(2018, 9, 17) <= day <= dt.date(2020, 3, 5)
        assert (active & dmz).sum() == (1 if in_dmz_period else 0), day


def test_a_bundled_timeline_can_be_named(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    named = geozones.load_timeline("north-west-syria", use_cache=False)
    assert named.id == "north-west-syria" and named.path.name == "north-west-syria.yaml"
    with pytest.raises(geozones.SpecError, match="no such spec file"):
        geozones.load_timeline("no-such-timeline")


def test_one_home_for_in_force_change_days_and_events(tl):
    days = tl.change_days()
    assert days == sorted(set(days)) and set(tl.slices()) <= set(days)
    iso = [d.isoformat() for d in days]
    matrix = tl.in_force_matrix(iso)
    for day, row in zip(iso, matrix, strict=True):
        assert row.tolist() == tl.in_force(day).tolist() == tl.active_mask(day).tolist()
    # between two change days nothing changes (the map shows the last change day's state)
    for a, b in zip(days, days[1:], strict=False):
        if (b - a).days > 1:
            mid = a + (b - a) / 2
            assert tl.in_force(mid).tolist() == tl.in_force(a).tolist()
    by_day = tl.events_by_day()
    assert all(tl.events(day) == events for day, events in by_day.items())
    assert tl.events("1999-01-01") == [] and not tl.in_force_matrix(["1999-01-01"]).any()
