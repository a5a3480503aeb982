"""The control engine on a small synthetic grid, and the bundled cells of Syria."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
import shapely
from _files import digest

from geozones.control import Cells, ControlEvent, ControlSurface, load_cells

D = dt.date


@pytest.fixture(scope="module")
def grid():
    """A 4 × 3 grid of unit squares, cell i at column i % 4, row i // 4."""
    return Cells.from_polygons(
        [shapely.box(i % 4, i // 4, i % 4 + 1, i // 4 + 1) for i in range(12)]
    )


def _surface(grid, *events):
    base = ControlEvent(D(2020, 1, 1), "opp", np.arange(12), kind="baseline")
    return ControlSurface(grid, ["gov", "opp"], [base, *events])


def test_grid_edges_are_the_shared_sides(grid):
    assert len(grid.edge_a) == 3 * 3 + 4 * 2  # horizontal neighbours + vertical neighbours
    assert all(g.length == pytest.approx(1.0) for g in grid.edge_geometry)


def test_a_capture_flips_exactly_its_cells(grid):
    s = _surface(grid, ControlEvent(D(2020, 2, 1), "gov", np.array([0, 4])))
    before, after = s.holder_names("2020-01-31"), s.holder_names("2020-02-01")
    assert before == ["opp"] * 12
    changed = [i for i in range(12) if before[i] != after[i]]
    assert changed == [0, 4] and after[0] == after[4] == "gov"
    assert s.holder_names("2019-12-31") == [None] * 12


def test_the_later_event_wins_whatever_the_order_given(grid):
    late = ControlEvent(D(2020, 3, 1), "opp", np.array([0]))
    early = ControlEvent(D(2020, 2, 1), "gov", np.array([0, 1]))
    s = _surface(grid, late, early)
    assert s.holder_names("2020-02-15")[:2] == ["gov", "gov"]
    assert s.holder_names("2020-03-01")[:2] == ["opp", "gov"]
    h = s.holding(0, "2020-03-05")
    assert (h.holder, h.since, h.event.date) == ("opp", D(2020, 3, 1), D(2020, 3, 1))
    # a cell never taken is held since the baseline, by the baseline
    h = s.holding(5, "2020-03-05")
    assert (h.holder, h.since, h.event.kind) == ("opp", D(2020, 1, 1), "baseline")
    # same day: the one written later wins
    a = ControlEvent(D(2020, 2, 1), "gov", np.array([7]))
    b = ControlEvent(D(2020, 2, 1), "opp", np.array([7]))
    assert _surface(grid, a, b).holder_names("2020-02-01")[7] == "opp"
    assert _surface(grid, b, a).holder_names("2020-02-01")[7] == "gov"


def test_holding_since_runs_back_over_confirmations(grid):
    s = _surface(
        grid,
        ControlEvent(D(2020, 2, 1), "gov", np.array([3])),
        ControlEvent(D(2020, 2, 9), "gov", np.array([3])),
    )
    h = s.holding(3, "2020-03-01")
    assert h.since == D(2020, 2, 1) and h.event.date == D(2020, 2, 1)


def test_the_contact_line_is_the_boundary_between_holders(grid):
    # government takes the left column: the line is x = 1 from y = 0 to y = 3
    s = _surface(grid, ControlEvent(D(2020, 2, 1), "gov", np.array([0, 4, 8])))
    lines = s.contact_lines()
    assert [(a, b) for a, b, _ in lines] == [(D(2020, 2, 1), None)]
    line = lines[0][2]
    assert line.equals(shapely.LineString([(1, 0), (1, 3)]))
    # never along the outer edge of the grid (the "border")
    assert line.intersection(shapely.box(0, 0, 4, 3).boundary).length == 0


def test_areas_per_party_and_period(grid):
    s = _surface(grid, ControlEvent(D(2020, 2, 1), "gov", np.array([0, 4, 8])))
    rows = [(p, a, b, round(g.area, 6)) for p, a, b, g in s.areas()]
    assert rows == [
        ("gov", D(2020, 2, 1), None, 3.0),
        ("opp", D(2020, 1, 1), D(2020, 1, 31), 12.0),
        ("opp", D(2020, 2, 1), None, 9.0),
    ]
    assert all(g.geom_type == "MultiPolygon" for *_, g in s.areas())


def test_an_enclave_the_front_passed_goes_to_the_party_around_it(grid):
    # cell 5 is inland (no outer edge): taken alone, it is an island the front passed
    s = _surface(grid, ControlEvent(D(2020, 2, 1), "gov", np.array([5])))
    assert s.holder_names("2020-02-01")[5] == "opp"
    assert s.contact_lines() == []
    assert s.holding(5, "2020-02-02").since == D(2020, 1, 1)
    # an opposition pocket left behind by a government advance is taken too …
    s = _surface(grid, ControlEvent(D(2020, 2, 1), "gov", np.array([0, 1, 2, 4, 6, 8, 9, 10])))
    assert s.holder_names("2020-02-01")[5] == "gov"
    h = s.holding(5, "2020-02-02")
    assert h.holder == "gov" and h.enclosed and h.event is None and h.since == D(2020, 2, 1)
    # … unless a report describes the pocket as besieged: then it stays, ringed
    siege = [(D(2020, 2, 1), D(2020, 2, 10), np.array([5]))]
    base = ControlEvent(D(2020, 1, 1), "opp", np.arange(12), kind="baseline")
    gov = ControlEvent(D(2020, 2, 1), "gov", np.array([0, 1, 2, 4, 6, 8, 9, 10]))
    s = ControlSurface(grid, ["gov", "opp"], [base, gov], besieged=siege)
    assert s.holder_names("2020-02-10")[5] == "opp"
    assert s.holder_names("2020-02-11")[5] == "gov"  # the siege over, the pocket falls
    ring = [g for a, _, g in s.contact_lines() if a == D(2020, 2, 1)][0]
    assert shapely.Polygon(shapely.box(1, 1, 2, 2).exterior).boundary.within(ring.buffer(1e-9))
    # a group touching the outer edge (a border) is never filled
    s = _surface(grid, ControlEvent(D(2020, 2, 1), "gov", np.array([0])))
    assert s.holder_names("2020-02-01")[0] == "gov"


def test_a_holding_report_of_the_day_outranks_the_enclave_rule_on_that_day(grid):
    # a report of 1 Feb says cell 5 is still held by the opposition while the government
    # takes the ring around it: that day the report wins over the inference "the front
    # passed it" (without the report the pocket is filled)
    base = ControlEvent(D(2020, 1, 1), "opp", np.arange(12), kind="baseline")
    gov = ControlEvent(D(2020, 2, 1), "gov", np.array([0, 1, 2, 4, 6, 8, 9, 10]))
    held = ControlEvent(D(2020, 2, 1), "opp", np.array([5]), kind="baseline")
    s = ControlSurface(grid, ["gov", "opp"], [base, gov, held])
    assert s.holder_names("2020-02-01")[5] == "opp" and not s.holding(5, "2020-02-01").enclosed
    s = ControlSurface(grid, ["gov", "opp"], [base, gov])
    assert s.holder_names("2020-02-01")[5] == "gov" and s.holding(5, "2020-02-01").enclosed


def test_nobody_draws_no_line(grid):
    partial = ControlSurface(
        grid, ["gov"], [ControlEvent(D(2020, 1, 1), "gov", np.array([0]))], fill_enclaves=False
    )
    assert partial.contact_lines() == []


def test_vectorized_holders_match_per_cell_answers(grid):
    s = _surface(
        grid,
        ControlEvent(D(2020, 2, 1), "gov", np.array([0, 1, 2])),
        ControlEvent(D(2020, 3, 1), "opp", np.array([1])),
    )
    lons = np.array([0.5, 1.5, 1.5, 2.5, 9.0])
    cells = grid.locate(lons, np.full(5, 0.5))
    dates = ["2020-02-15", "2020-02-15", "2020-03-15", "2019-01-01", "2020-03-15"]
    codes = s.holder_codes(cells, dates)
    assert codes.tolist() == [0, 0, 1, -1, -1]


@pytest.fixture(scope="module")
def syria():
    return load_cells()


def test_bundled_cells_cover_syria_as_an_exact_coverage(syria):
    assert 5200 < len(syria) <= 5251
    assert shapely.coverage_is_valid(syria.geometry)
    # every OCHA community has a cell, and its point lies in it
    assert syria.of_community("C4268") is not None  # Bazabur, Ariha
    cell = syria.of_community("C4268")
    assert syria.locate([36.6148441], [35.7747819])[0] == cell


def test_bundled_contact_lines_never_run_along_the_border(syria):
    from geozones import boundaries

    # one party holds everything north of 36° N, another the rest
    cx, cy = syria.centroid_lonlat
    north = np.flatnonzero(cy > 36.0)
    s = ControlSurface(
        syria,
        ["a", "b"],
        [
            ControlEvent(D(2020, 1, 1), "b", np.arange(len(syria))),
            ControlEvent(D(2020, 1, 1), "a", north),
        ],
    )
    line = s.contact_lines()[0][2]
    sy = boundaries.load("countries").set_index("pcode").geometry["SY"]
    # the line crosses the country from west to east, and never runs along its edge
    assert line.length > 6.0
    along_border = line.intersection(sy.boundary.buffer(0.001)).length
    assert along_border < 0.01
    area_a = [g for p, _, _, g in s.areas() if p == "a"][0]
    assert area_a.bounds[1] == pytest.approx(36.0, abs=0.3)


def test_a_town_taken_ahead_of_the_front_takes_the_way_to_it(grid):
    # government holds the left column (cells 0, 4, 8); it takes cell 7 (x 3..4, y 1..2)
    base = ControlEvent(D(2020, 1, 1), "opp", np.arange(12), kind="baseline")
    left = ControlEvent(D(2020, 1, 1), "gov", np.array([0, 4, 8]), kind="baseline")
    ahead = ControlEvent(D(2020, 2, 1), "gov", np.array([7]), at=(3.5, 1.5))
    # (the grid's cells are 1° wide: allow a long way)
    s = ControlSurface(grid, ["gov", "opp"], [base, left, ahead], advance_max_m=1e6)
    after = s.holder_names("2020-02-01")
    assert [i for i in range(12) if after[i] == "gov"] == [0, 4, 5, 6, 7, 8]
    assert s.holding(5, "2020-02-01").event is ahead
    # beyond advance_max_m nothing is added (the capture stands alone, on the border)
    far = ControlSurface(grid, ["gov", "opp"], [base, left, ahead], advance_max_m=1.0)
    assert [i for i, x in enumerate(far.holder_names("2020-02-01")) if x == "gov"] == [0, 4, 7, 8]


@pytest.mark.slow
def test_build_data_reproduces_the_control_cells_byte_for_byte(tmp_path):
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    shared = root.parent / "shared" / "data"
    if not shared.exists():
        pytest.skip("raw sources (../shared/data) not available")
    # the curated inputs live in data/ too: build over a copy, without our outputs
    out = tmp_path / "data"
    shutil.copytree(root / "data", out)
    for name in ("control/cells.parquet", "control/edges.parquet", "boundaries/disputed.parquet"):
        (out / name).unlink()
    res = subprocess.run(
        [
            sys.executable,
            str(root / "scripts/build_data.py"),
            "--source",
            str(shared),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    for name in ("control/cells.parquet", "control/edges.parquet", "boundaries/disputed.parquet"):
        assert digest(out / name) == digest(root / "data" / name), name
