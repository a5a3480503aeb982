"""The offensive rule: the ground between a party's front and the towns it took."""

from __future__ import annotations

import datetime

import numpy as np
import pandas as pd
import pytest
import shapely

import geozones
from geozones.control import ControlEvent, ControlSurface
from geozones.control._cells import Cells

D = datetime.date


def _grid(n: int = 6) -> Cells:
    return Cells.from_polygons(
        [shapely.box(i, j, i + 1, j + 1) for j in range(n) for i in range(n)]
    )


def _cell(i: int, j: int, n: int = 6) -> int:
    return j * n + i


def test_captures_of_one_offensive_take_the_ground_back_to_the_front():
    """a holds column 0, b the rest; a takes (4,1), then (4,4) whose nearest front is
    (4,1): the triangle of the front cell (0,1) and both towns falls, nothing else."""
    cells = _grid()
    a0 = np.array([_cell(0, j) for j in range(6)])
    rest = np.setdiff1d(np.arange(36), a0)
    ev = [
        ControlEvent(D(2020, 1, 1), "a", a0, kind="baseline"),
        ControlEvent(D(2020, 1, 1), "b", rest, kind="baseline"),
        ControlEvent(D(2020, 2, 1), "a", np.array([_cell(4, 1)]), at=(4.5, 1.5)),
        ControlEvent(D(2020, 2, 10), "a", np.array([_cell(4, 4)]), at=(4.5, 4.5)),
    ]
    s = ControlSurface(
        cells, ["a", "b"], ev, fill_enclaves=False, advance_max_m=0, offensive_reach_m=1e9
    )
    names = s.holder_names("2020-02-10")
    for i, j in [(2, 2), (3, 2), (3, 3)]:  # strictly inside the hull
        assert names[_cell(i, j)] == "a", (i, j)
    assert names[_cell(1, 3)] == "b" and names[_cell(2, 3)] == "b"  # beyond its edge
    assert names[_cell(5, 3)] == "b"  # beyond the towns: untouched
    assert names[_cell(2, 0)] == "b"  # outside the hull
    # before the second town, only the first town's way (a line: no hull) moved
    assert s.holder_names("2020-02-05")[_cell(2, 3)] == "b"


def test_the_rule_never_takes_a_third_party_s_cells_nor_outside_the_window():
    cells = _grid()
    a0 = np.array([_cell(0, j) for j in range(6)])
    c0 = np.array([_cell(2, 3)])
    rest = np.setdiff1d(np.arange(36), np.r_[a0, c0])
    base = [
        ControlEvent(D(2020, 1, 1), "a", a0, kind="baseline"),
        ControlEvent(D(2020, 1, 1), "b", rest, kind="baseline"),
        ControlEvent(D(2020, 1, 1), "c", c0, kind="baseline"),
    ]
    took = [
        ControlEvent(D(2020, 2, 1), "a", np.array([_cell(4, 1)]), at=(4.5, 1.5)),
        ControlEvent(D(2020, 2, 10), "a", np.array([_cell(4, 4)]), at=(4.5, 4.5)),
    ]
    s = ControlSurface(
        cells,
        ["a", "b", "c"],
        base + took,
        fill_enclaves=False,
        advance_max_m=0,
        offensive_reach_m=1e9,
    )
    names = s.holder_names("2020-02-10")
    assert names[_cell(2, 3)] == "c" and names[_cell(2, 2)] == "a"
    late = [took[0], ControlEvent(D(2020, 6, 1), "a", np.array([_cell(4, 4)]), at=(4.5, 4.5))]
    s = ControlSurface(
        cells,
        ["a", "b", "c"],
        base + late,
        fill_enclaves=False,
        advance_max_m=0,
        offensive_reach_m=1e9,
    )
    assert s.holder_names("2020-06-01")[_cell(2, 2)] == "b"  # two offensives, no hull


def test_no_rule_without_reach():
    cells = _grid()
    a0 = np.array([_cell(0, j) for j in range(6)])
    ev = [
        ControlEvent(D(2020, 1, 1), "a", a0, kind="baseline"),
        ControlEvent(D(2020, 1, 1), "b", np.setdiff1d(np.arange(36), a0), kind="baseline"),
        ControlEvent(D(2020, 2, 1), "a", np.array([_cell(4, 1)]), at=(4.5, 1.5)),
        ControlEvent(D(2020, 2, 2), "a", np.array([_cell(4, 4)]), at=(4.5, 4.5)),
    ]
    s = ControlSurface(
        cells, ["a", "b"], ev, fill_enclaves=False, advance_max_m=0, offensive_reach_m=0
    )
    assert s.holder_names("2020-02-02").count("a") == 8


@pytest.fixture(scope="module")
def zone():
    tl = geozones.load_timeline()
    f = tl.features
    day = pd.Timestamp("2020-03-15")
    on = f[f["id"].str.startswith("idlib-zone-") & (f["start_date"] <= day)]
    on = on[on["end_date"].isna() | (on["end_date"] >= day)]
    assert len(on) == 1, on["id"].tolist()
    return tl, on["geometry"].iloc[0]


@pytest.mark.parametrize(
    "lon, lat",
    # south-east of Maarat al-Numan and east of the M5: government since the
    # offensives of Dec 2017-Feb 2018, Aug 2019 and Dec 2019-Jan 2020
    [(36.9, 35.5), (36.95, 35.65), (36.85, 35.75), (37.0, 35.55)],
)
def test_ground_east_of_the_m5_is_out_of_the_zone_on_2020_03_15(zone, lon, lat):
    tl, z = zone
    assert not z.contains(shapely.Point(lon, lat))
    assert tl._control.at(shapely.Point(lon, lat), "2020-03-15").holder == "government"


@pytest.mark.parametrize(
    "place", ["Idlib", "Ariha", "Jisr al-Shughur", "Sarmada", "Binnish", "Taftanaz"]
)
def test_the_opposition_s_towns_stay_in_the_zone(zone, place):
    tl, z = zone
    assert tl._control.at(place, "2020-03-15").holder == "opposition"
    p = tl._control.at(place, "2020-03-15")
    assert p.holder == "opposition"


def _two_towns(second: datetime.date) -> list[ControlEvent]:
    """a holds column 0, b the rest; a takes (4,1) on 1 Feb and (4,4) on ``second``."""
    a0 = np.array([_cell(0, j) for j in range(6)])
    return [
        ControlEvent(D(2020, 1, 1), "a", a0, kind="baseline"),
        ControlEvent(D(2020, 1, 1), "b", np.setdiff1d(np.arange(36), a0), kind="baseline"),
        ControlEvent(D(2020, 2, 1), "a", np.array([_cell(4, 1)]), at=(4.5, 1.5)),
        ControlEvent(second, "a", np.array([_cell(4, 4)]), at=(4.5, 4.5)),
    ]


def test_the_rule_s_reach_and_window_are_settings(monkeypatch):
    """geozones.settings.control_offensive_reach_m / _days drive the rule: the grid's
    cells are 1° (111 km) wide, so the default 30 km reach encloses nothing; a long
    reach takes the hull; a short window splits the two captures into two offensives."""
    from geozones import settings

    monkeypatch.setattr(settings, "control_advance_max_m", 0.0)
    cells, ev, day = _grid(), _two_towns(D(2020, 2, 10)), "2020-02-10"
    inside = _cell(2, 2)
    assert settings.control_offensive_reach_m == 30_000.0
    assert ControlSurface(cells, ["a", "b"], ev, fill_enclaves=False).offensive_reach_m == 30e3
    assert (
        ControlSurface(cells, ["a", "b"], ev, fill_enclaves=False).holder_names(day)[inside] == "b"
    )
    monkeypatch.setattr(settings, "control_offensive_reach_m", 1e9)
    s = ControlSurface(cells, ["a", "b"], ev, fill_enclaves=False)
    assert s.holder_names(day)[inside] == "a"
    monkeypatch.setattr(settings, "control_offensive_days", 5)  # 9 days apart: two offensives
    s = ControlSurface(cells, ["a", "b"], ev, fill_enclaves=False)
    assert s.offensive_days == 5 and s.holder_names(day)[inside] == "b"
    # an argument still wins over the setting
    s = ControlSurface(cells, ["a", "b"], ev, fill_enclaves=False, offensive_days=45)
    assert s.holder_names(day)[inside] == "a"


def test_the_advance_is_a_setting(monkeypatch):
    """settings.control_advance_max_m: a town taken ahead of the front takes the way to it."""
    from geozones import settings

    monkeypatch.setattr(settings, "control_offensive_reach_m", 0.0)
    cells, ev = _grid(), _two_towns(D(2020, 3, 1))[:3]
    way = [_cell(i, 1) for i in (1, 2, 3)]
    before = ControlSurface(cells, ["a", "b"], ev, fill_enclaves=False)
    assert [before.holder_names("2020-02-01")[i] for i in way] == ["b"] * 3  # 25 km < 1°
    monkeypatch.setattr(settings, "control_advance_max_m", 1e9)
    after = ControlSurface(cells, ["a", "b"], ev, fill_enclaves=False)
    assert [after.holder_names("2020-02-01")[i] for i in way] == ["a"] * 3


def test_a_changed_rule_is_a_new_compile(monkeypatch):
    """The compiled-timeline cache is keyed on the control settings too."""
    from geozones import Gazetteer, settings
    from geozones.compiler import cache_key
    from geozones.spec import bundled_path, read_spec

    spec, raw = read_spec(bundled_path())
    gz = Gazetteer.default()
    key = cache_key(raw, spec, gz)
    monkeypatch.setattr(settings, "control_offensive_days", 30)
    assert cache_key(raw, spec, gz) != key


def _hull_day(extra: list[ControlEvent], **kw) -> ControlSurface:
    """The first test's offensive (a takes (4,1) on 1 Feb and (4,4) on 10 Feb, whose hull
    encloses (2,2), (3,2) and (3,3)), with ``extra`` reports."""
    a0 = np.array([_cell(0, j) for j in range(6)])
    ev = [
        ControlEvent(D(2020, 1, 1), "a", a0, kind="baseline"),
        ControlEvent(D(2020, 1, 1), "b", np.setdiff1d(np.arange(36), a0), kind="baseline"),
        ControlEvent(D(2020, 2, 1), "a", np.array([_cell(4, 1)]), at=(4.5, 1.5)),
        ControlEvent(D(2020, 2, 10), "a", np.array([_cell(4, 4)]), at=(4.5, 4.5)),
        *extra,
    ]
    return ControlSurface(
        _grid(), ["a", "b"], ev, fill_enclaves=False, advance_max_m=0, offensive_reach_m=1e9, **kw
    )


@pytest.mark.parametrize("day", [D(2020, 2, 10), D(2020, 1, 20)])
def test_a_holding_report_of_the_day_outranks_that_day_s_hull(day):
    """A report that b still held (3,3) on the day of the hull (listed before or after the
    capture) keeps it with b that day; the rest of the hull falls. A report of an earlier
    day does not protect it from a later hull."""
    held = ControlEvent(day, "b", np.array([_cell(3, 3)]), kind="baseline", place="(3,3)")
    names = _hull_day([held]).holder_names("2020-02-10")
    assert names[_cell(2, 2)] == "a" and names[_cell(3, 2)] == "a"
    assert names[_cell(3, 3)] == ("b" if day == D(2020, 2, 10) else "a")
    # file order within the day does not matter: the report before the capture
    first = ControlEvent(D(2020, 2, 10), "b", np.array([_cell(3, 3)]), kind="baseline")
    a0 = np.array([_cell(0, j) for j in range(6)])
    ev = [
        ControlEvent(D(2020, 1, 1), "a", a0, kind="baseline"),
        ControlEvent(D(2020, 1, 1), "b", np.setdiff1d(np.arange(36), a0), kind="baseline"),
        ControlEvent(D(2020, 2, 1), "a", np.array([_cell(4, 1)]), at=(4.5, 1.5)),
        first,
        ControlEvent(D(2020, 2, 10), "a", np.array([_cell(4, 4)]), at=(4.5, 4.5)),
    ]
    s = ControlSurface(
        _grid(), ["a", "b"], ev, fill_enclaves=False, advance_max_m=0, offensive_reach_m=1e9
    )
    assert s.holder_names("2020-02-10")[_cell(3, 3)] == "b"


def test_a_holding_report_keeps_its_cell_off_the_way_from_the_front():
    """The way from a's front to a town it took skips a cell b is reported holding that day."""
    cells = Cells.from_polygons([shapely.box(i, 0, i + 1, 1) for i in range(5)])
    ev = [
        ControlEvent(D(2020, 1, 1), "a", np.array([0]), kind="baseline"),
        ControlEvent(D(2020, 1, 1), "b", np.arange(1, 5), kind="baseline"),
        ControlEvent(D(2020, 2, 1), "b", np.array([2]), kind="baseline"),  # listed first
        ControlEvent(D(2020, 2, 1), "a", np.array([4]), at=(4.5, 0.5)),
    ]
    s = ControlSurface(cells, ["a", "b"], ev, fill_enclaves=False, advance_max_m=1e9)
    assert s.holder_names("2020-02-01") == ["a", "a", "b", "a", "a"]


def test_a_besieged_cell_falls_only_to_a_capture_that_names_it():
    """A siege over (3,3) keeps it from the hull of 10 Feb (and the enclave rule), and the
    capture that names it on 20 Feb takes it; without the siege the hull takes it."""
    siege = [(D(2020, 2, 5), D(2020, 2, 25), np.array([_cell(3, 3)]))]
    names = _hull_day([], besieged=siege).holder_names("2020-02-10")
    assert names[_cell(3, 3)] == "b" and names[_cell(2, 2)] == "a"
    assert _hull_day([]).holder_names("2020-02-10")[_cell(3, 3)] == "a"
    took = ControlEvent(D(2020, 2, 20), "a", np.array([_cell(3, 3)]), at=(3.5, 3.5))
    s = _hull_day([took], besieged=siege)
    assert s.holder_names("2020-02-19")[_cell(3, 3)] == "b"
    assert s.holder_names("2020-02-20")[_cell(3, 3)] == "a"
    assert s.holding(_cell(3, 3), "2020-02-20").event is took
