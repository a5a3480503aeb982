"""join_events, read_events, summarize, plot_summary and ``geozones join``.

The reference for every match is plain geopandas: ``sjoin`` + a date filter
(``_events_synth.reference_join``), compared on random events with points
exactly on vertices and edges, dates on start and end days, and every
precision code.
"""

from __future__ import annotations

import json
import warnings

import numpy as np
import pandas as pd
import pytest
import shapely
from _events_synth import ROAD, reference_join, synthetic_timeline
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geozones._io import data_path
from geozones.errors import InputError
from geozones.events import (
    DEFAULT_RADII,
    EventsWarning,
    join_events,
    parse_dates,
    plot_summary,
    read_events,
    summarize,
)

TL = synthetic_timeline()
SYNTHETIC = data_path("events", "synthetic_events.csv")


def _events(rows):
    return pd.DataFrame(rows, columns=["event_date", "latitude", "longitude", "geo_precision"])


def _triples(joined):
    return {
        (int(i), str(f), str(m))
        for i, f, m in zip(
            joined["event_index"], joined["feature_id"], joined["match"], strict=True
        )
    }


def _assert_same_as_reference(events, timeline, radii=DEFAULT_RADII):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EventsWarning)
        got = _triples(join_events(events, timeline, radii=radii))
    want, unsure = reference_join(events, timeline, radii)
    diff = {(i, f) for i, f, _ in got ^ want}
    pairs_got = {(i, f) for i, f, _ in got}
    pairs_want = {(i, f) for i, f, _ in want}
    assert pairs_got == pairs_want  # the same (event, feature) matches, exactly
    assert diff <= unsure  # certainty differs only where the disc grazes the boundary
    return got


# --------------------------------------------------------------------------- semantics


def test_boundary_and_vertex_points_are_inside_and_end_day_is_inclusive():
    tri = TL.features.set_index("id").geometry["tri"]
    vx, vy = tri.exterior.coords[0]
    ev = _events(
        [
            ("2019-01-01", vy, vx, 1),  # a vertex, on the only day in force
            ("2019-01-01", 35.0, 36.2, 1),  # on an edge
            ("2019-01-02", vy, vx, 1),  # the day after the end
            ("2018-12-31", 35.1, 36.2, 1),  # the day before the start
            ("2019-01-01", 35.1, 36.2, 1),  # inside
        ]
    )
    out = join_events(ev, TL.filter(["tri"]))
    assert out["event_index"].tolist() == [0, 1, 4]
    assert set(out["match"]) == {"certain"}


def test_open_end_and_left_join_keeps_unmatched_events_once():
    ev = _events(
        [
            ("2030-01-01", 35.8, 36.5, 1),
            ("2030-01-01", 10.0, 10.0, 1),
            ("2010-01-01", 35.8, 36.5, 1),
        ]
    )
    inner = join_events(ev, TL)
    assert "zone" in set(inner["feature_id"].astype(str))  # open end: still in force in 2030
    left = join_events(ev, TL, how="left")
    assert sorted(set(left["event_index"])) == [0, 1, 2]
    lone = left.loc[left["event_index"] == 1]
    assert len(lone) == 1 and lone["feature_id"].isna().all() and lone["match"].isna().all()


def test_precision_three_is_never_certain_in_a_6km_corridor():
    x, y = np.mean(ROAD[1:], axis=0)  # on the road, mid-way
    ev = _events([("2020-04-01", y, x, 1), ("2020-04-01", y, x, 2), ("2020-04-01", y, x, 3)])
    out = join_events(ev, TL.filter(["corridor"]))
    assert out["match"].astype(str).tolist() == ["certain", "certain", "possible"]
    # 5 km off the road is 1 km inside the edge: a precision-2 disc (5 km) spills out
    ev2 = _events([("2020-04-01", y + 5000 / 111_000, x, 2)])
    assert join_events(ev2, TL.filter(["corridor"]))["match"].astype(str).tolist() == ["possible"]
    # 20 km off: no exact match, but a 25 km disc touches the corridor
    ev3 = _events(
        [("2020-04-01", y + 20_000 / 111_000, x, 1), ("2020-04-01", y + 20_000 / 111_000, x, 3)]
    )
    out3 = join_events(ev3, TL.filter(["corridor"]))
    assert out3["event_index"].tolist() == [1] and out3["match"].iloc[0] == "possible"


def test_lines_and_points_are_only_possible_matches_and_radii_are_configurable():
    ev = _events([("2020-05-01", 35.7 + 0.01, 36.6, 2)])  # 1.1 km from the post
    out = join_events(ev, TL.filter(["post"]))
    assert out["match"].astype(str).tolist() == ["possible"]
    assert join_events(ev, TL.filter(["post"]), radii={2: 1000}).empty
    with pytest.raises(InputError, match="metres >= 0"):
        join_events(ev, TL, radii={2: -5})


def test_unknown_precision_codes_get_the_largest_radius_with_a_warning():
    ev = _events([("2020-04-01", 35.85, 36.0, np.nan), ("2020-04-01", 35.85, 36.0, 7)])
    with pytest.warns(EventsWarning, match="largest radius"):
        out = join_events(ev, TL.filter(["zone"]))
    assert set(out["match"].astype(str)) <= {"certain", "possible"} and len(out) == 2


def test_missing_columns_are_named_with_the_keyword_that_sets_them():
    ev = pd.DataFrame({"when": ["2020-01-01"], "latitude": [35.0], "longitude": [36.0]})
    with pytest.raises(InputError, match=r"no column 'event_date' \(set it with date="):
        join_events(ev, TL)
    joined = join_events(ev.rename(columns={"when": "event_date"}), TL)
    with pytest.raises(InputError, match="already have column"):
        join_events(joined, TL)


def test_geodataframe_input_in_another_crs_and_text_dates():
    import geopandas as gpd

    gdf = gpd.GeoDataFrame(
        {"event_date": ["15 March 2020", "2020-03-15"]},
        geometry=gpd.points_from_xy([36.5, 36.5], [35.8, 35.8]),
        crs="EPSG:4326",
    ).to_crs(3857)
    out = join_events(gdf, TL)
    assert isinstance(out, gpd.GeoDataFrame)
    assert sorted(out.loc[out["feature_id"] == "zone", "event_index"]) == [0, 1]


def test_plain_frame_with_a_geometry_column_uses_lat_lon_and_options_are_checked():
    ev = pd.DataFrame(
        {
            "event_date": ["2020-01-01"],
            "latitude": [35.8],
            "longitude": [36.5],
            "geometry": ["POINT (0 0)"],
        }
    )
    assert join_events(ev, TL)["feature_id"].astype(str).tolist() == ["zone"]
    with pytest.raises(InputError, match="'inner' or 'left'"):
        join_events(ev, TL, how="outer")
    with pytest.raises(InputError, match="'auto', 'pandas' or 'dask'"):
        join_events(ev, TL, backend="spark")


# --------------------------------------------------------------------------- vs geopandas


def test_matches_plain_geopandas_on_10000_random_events():
    rng = np.random.default_rng(7)
    n = 10_000
    minx, miny, maxx, maxy = TL.features.total_bounds
    days = pd.to_datetime("2016-06-01") + pd.to_timedelta(rng.integers(0, 5 * 365, n), "D")
    ev = pd.DataFrame(
        {
            "event_date": days,
            "latitude": rng.uniform(miny - 0.3, maxy + 0.3, n),
            "longitude": rng.uniform(minx - 0.3, maxx + 0.3, n),
            "geo_precision": rng.choice([1, 2, 3], n, p=[0.6, 0.25, 0.15]),
        }
    )
    got = _assert_same_as_reference(ev, TL)
    assert len(got) > 1000
    assert {m for *_, m in got} == {"certain", "possible"}


def _event_strategy(features):
    """Events aimed at the features: on their vertices, edges and insides, on their first and
    last days and the days around them; plus random points and days."""
    rows = []
    for geom, start, end in zip(
        features.geometry, features["start_date"], features["end_date"], strict=True
    ):
        coords = shapely.get_coordinates(geom)
        spots = [tuple(c) for c in coords[:: max(1, len(coords) // 40)]]
        spots += [tuple(c) for c in (coords[:-1] + coords[1:])[:: max(1, len(coords) // 40)] / 2]
        spots.append(tuple(shapely.get_coordinates(geom.representative_point())[0]))
        days = [start + pd.Timedelta(days=k) for k in (-1, 0, 1)]
        if not pd.isna(end):
            days += [end + pd.Timedelta(days=k) for k in (-1, 0, 1)]
        rows.append((spots, days))
    minx, miny, maxx, maxy = features.total_bounds
    aimed = st.sampled_from(rows).flatmap(
        lambda r: st.tuples(st.sampled_from(r[0]), st.sampled_from(r[1]))
    )
    random = st.tuples(
        st.tuples(st.floats(minx - 0.2, maxx + 0.2), st.floats(miny - 0.2, maxy + 0.2)),
        st.dates(pd.Timestamp("2016-01-01").date(), pd.Timestamp("2021-12-31").date()).map(
            pd.Timestamp
        ),
    )
    return st.tuples(st.one_of(aimed, aimed, random), st.sampled_from([1, 1, 1, 2, 3, np.nan]))


def _events_from(drawn):
    return _events([(d, xy[1], xy[0], p) for (xy, d), p in drawn])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_event_strategy(TL.features), min_size=1, max_size=40),
    st.fixed_dictionaries(
        {2: st.sampled_from([0.0, 500.0, 5000.0]), 3: st.sampled_from([2000.0, 25000.0])}
    ),
)
def test_property_same_as_sjoin_plus_date_filter(rows, radii):
    _assert_same_as_reference(_events_from(rows), TL, {**DEFAULT_RADII, **radii})


@pytest.fixture(scope="module")
def bundled():
    import geozones

    try:
        return geozones.load_timeline()
    except Exception as exc:  # noqa: BLE001 - the compiler may not have landed yet
        pytest.skip(f"bundled timeline not available: {exc}")


def test_bundled_timeline_same_as_geopandas_on_the_synthetic_events(bundled):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EventsWarning)
        ev = read_events(SYNTHETIC)
    got = _assert_same_as_reference(ev, bundled)
    assert len(got) > 500 and {m for *_, m in got} == {"certain", "possible"}


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_property_bundled_timeline_same_as_sjoin_plus_date_filter(bundled, data):
    rows = data.draw(st.lists(_event_strategy(bundled.features), min_size=1, max_size=30))
    _assert_same_as_reference(_events_from(rows), bundled)


# --------------------------------------------------------------------------- reading


def test_parse_dates_reads_acled_and_iso_and_refuses_ambiguous():
    out = parse_dates(
        pd.Series(
            [
                "15 March 2020",
                "2020-03-15",
                "March 15, 2020",
                "15-Mar-2020",
                "25/03/2020",
                "03/04/2020",
                "2020",
                "March 2020",
                "",
                None,
                "2020-02-30",
            ]
        )
    )
    want = [pd.Timestamp("2020-03-15")] * 4 + [pd.Timestamp("2020-03-25")]
    assert out.iloc[:5].tolist() == want
    assert out.iloc[5:].isna().all()


def test_read_events_reports_bad_rows_with_numbers(tmp_path):
    path = tmp_path / "ev.csv"
    path.write_text(
        "event_date,latitude,longitude,geo_precision,fatalities\n"
        "15 March 2020,35.8,36.5,1,2\n"
        "someday,35.8,36.5,1,0\n"
        "2020-03-16,,36.5,2,0\n"
        "2020-03-17,35.8,361,3,1\n"
        "16 March 2020,35.9,36.4,2,3\n"
    )
    with pytest.warns(EventsWarning, match=r"3 of 5 rows .*rows 2, 3, 4"):
        ev, bad = read_events(path, with_rejected=True)
    assert ev.index.tolist() == [0, 4] and ev["fatalities"].sum() == 5
    assert bad["row"].tolist() == [2, 3, 4]
    assert bad["reason"].tolist() == [
        "unreadable event_date",
        "no latitude",
        "longitude outside -180..180",
    ]


def test_read_events_parquet_and_bad_files(tmp_path):
    ev = read_events(SYNTHETIC)
    assert len(ev) == 2000 and ev["latitude"].between(34, 38).all()
    pq = tmp_path / "ev.parquet"
    ev.to_parquet(pq)
    again = read_events(pq)
    assert len(again) == 2000 and again["event_date"].equals(ev["event_date"])
    with pytest.raises(InputError, match="does not exist"):
        read_events(tmp_path / "nope.csv")
    (tmp_path / "x.xlsx").write_text("")
    with pytest.raises(InputError, match=r"\.csv or \.parquet"):
        read_events(tmp_path / "x.xlsx")
    (tmp_path / "broken.parquet").write_bytes(b"not parquet")
    with pytest.raises(InputError, match="as Parquet"):
        read_events(tmp_path / "broken.parquet")
    with pytest.raises(InputError, match="set it with lat="):
        read_events(SYNTHETIC, lat="lat")


# --------------------------------------------------------------------------- summaries


def test_summarize_counts_certain_and_possible_per_month():
    ev = read_events(SYNTHETIC)
    joined = join_events(ev, TL)
    s = summarize(joined, "MS")
    assert list(s.columns[:8]) == [
        "feature_id",
        "feature_name",
        "kind",
        "agreement",
        "period",
        "certain",
        "possible",
        "total",
    ]
    assert s["certain"].sum() == (joined["match"] == "certain").sum()
    assert s["possible"].sum() == (joined["match"] == "possible").sum()
    assert (s["period"].dt.day == 1).all()
    assert (
        s["fatalities_certain"].sum()
        == joined.loc[joined["match"] == "certain", "fatalities"].sum()
    )
    per_feature = s.groupby("feature_id")["period"].agg(["min", "max", "count"])
    months = (
        (per_feature["max"].dt.year - per_feature["min"].dt.year) * 12
        + per_feature["max"].dt.month
        - per_feature["min"].dt.month
        + 1
    )
    assert (months == per_feature["count"]).all()  # gaps filled with zeros
    assert summarize(joined, "YS")["total"].sum() == len(joined)
    with pytest.raises(InputError, match="not a period"):
        summarize(joined, "fortnight")


def test_plot_summary_writes_a_png(tmp_path):
    joined = join_events(read_events(SYNTHETIC), TL)
    path = plot_summary(summarize(joined), TL, tmp_path / "counts.png")
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


# --------------------------------------------------------------------------- CLI


@pytest.fixture()
def cli(monkeypatch):
    import geozones.compiler
    from geozones.cli import main

    monkeypatch.setattr(geozones.compiler, "load_timeline", lambda spec=None, **kw: TL)
    return main


def test_cli_join_writes_out_summary_plot_and_json(cli, tmp_path, capsys):
    out, summ, png = tmp_path / "j.parquet", tmp_path / "s.csv", tmp_path / "p.png"
    code = cli(
        [
            "join",
            str(SYNTHETIC),
            "--out",
            str(out),
            "--summary",
            str(summ),
            "--plot",
            str(png),
            "--chunksize",
            "300",
            "--json",
        ]
    )
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    joined = pd.read_parquet(out)
    expected = join_events(read_events(SYNTHETIC), TL)
    assert report["read"] == 2000 and report["rejected"] == 0
    assert report["rows"] == len(joined) == len(expected)
    assert _triples(joined) == _triples(expected)
    assert pd.read_csv(summ)["total"].sum() == len(expected)
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_cli_join_reports_rejected_rows_in_a_sidecar(cli, tmp_path, capsys):
    src = tmp_path / "ev.csv"
    src.write_text(
        "event_date,latitude,longitude\n15 March 2020,35.8,36.5\nxx,35.8,36.5\n2020-03-20,,36.5\n",
        encoding="utf-8",
    )
    out = tmp_path / "o.csv"
    assert cli(["join", str(src), "--out", str(out), "--how", "left"]) == 0
    err = capsys.readouterr().err
    assert "2 of 3 rows left out" in err and "rows 2, 3" in err
    side = pd.read_csv(tmp_path / "o.rejected.csv")
    assert side["row"].tolist() == [2, 3]
    assert pd.read_csv(out)["event_index"].unique().tolist() == [0]
    src.write_text("event_date,latitude,longitude\n15 March 2020,35.8,36.5\n", encoding="utf-8")
    assert cli(["join", str(src), "--out", str(out)]) == 0
    assert not (tmp_path / "o.rejected.csv").exists()  # no stale sidecar from the last run


def test_cli_join_bad_input_exits_2_with_one_line_and_no_output(cli, tmp_path, capsys):
    out = tmp_path / "o.csv"
    assert cli(["join", str(SYNTHETIC), "--out", str(out), "--lon", "lng"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "no column 'lng' (set it with --lon" in err
    assert not out.exists() and not list(tmp_path.iterdir())
    assert cli(["join", str(SYNTHETIC), "--out", str(tmp_path / "o.txt")]) == 2
    assert cli(["join", str(SYNTHETIC), "--out", str(out), "--radius", "3:5"]) == 2
    assert "CODE=METRES" in capsys.readouterr().err


def test_cli_date_column_and_the_deprecated_date_alias(cli, tmp_path, capsys):
    src = tmp_path / "ev.csv"
    src.write_text("day,latitude,longitude\n15 March 2020,35.8,36.5\n", encoding="utf-8")
    out = tmp_path / "o.csv"
    assert cli(["join", str(src), "--out", str(out), "--date-column", "day"]) == 0
    assert "deprecated" not in capsys.readouterr().err
    first = pd.read_csv(out)
    assert cli(["join", str(src), "--out", str(out), "--date", "day"]) == 0
    err = capsys.readouterr().err
    assert "--date is deprecated" in err and "--date-column" in err
    pd.testing.assert_frame_equal(pd.read_csv(out), first)
    assert cli(["join", str(src), "--out", str(out)]) == 2
    assert "set it with --date-column COLUMN" in capsys.readouterr().err


def test_join_file_returns_a_report_and_matches_join_events(tmp_path):
    from geozones.events import JoinReport, join_file

    out = tmp_path / "j.csv"
    report = join_file(SYNTHETIC, out, TL, summary=tmp_path / "s.csv", chunksize=700, workers=2)
    assert isinstance(report, JoinReport)
    expected = join_events(read_events(SYNTHETIC), TL)
    assert report.read == 2000 and report.rows == len(expected)
    assert report.certain == int((expected["match"] == "certain").sum())
    assert report.matched_events == expected["event_index"].nunique()
    assert _triples(pd.read_csv(out)) == _triples(expected)
    assert report.to_dict()["summary"] == str(tmp_path / "s.csv")
    with pytest.raises(InputError, match="is a folder"):
        join_file(SYNTHETIC, tmp_path, TL)


def test_workers_split_the_events_and_give_the_same_rows(monkeypatch):
    from geozones.events import _frame

    monkeypatch.setattr(_frame, "MIN_CHUNK", 50_000)  # chunks of this test's size
    rng = np.random.default_rng(5)
    n = 120_000
    days = pd.to_datetime("2016-06-01") + pd.to_timedelta(rng.integers(0, 5 * 365, n), "D")
    ev = pd.DataFrame(
        {
            "event_date": days,
            "latitude": rng.uniform(34.9, 36.5, n),
            "longitude": rng.uniform(35.7, 37.6, n),
            "geo_precision": rng.choice([1, 2, 3], n, p=[0.7, 0.2, 0.1]),
        }
    )
    one = join_events(ev, TL, workers=1)
    assert n > 2 * _frame.MIN_CHUNK  # really split into chunks on two threads
    two = join_events(ev, TL, workers=2)
    pd.testing.assert_frame_equal(one, two)
    assert len(one) > 10_000
    with pytest.raises(InputError, match="workers"):
        join_events(ev.head(3), TL, workers=0)


def test_many_small_features_same_as_geopandas_on_vertices_and_dates():
    # the grid index classifies (feature, cell) pairs as outside / deep inside / edge:
    # with hundreds of small features, points on vertices and every precision code,
    # the matches must still be exactly sjoin's
    from _events_synth import events_near, many_features_timeline

    tl = many_features_timeline(300)
    events = events_near(tl, 6000, seed=2)
    got = _assert_same_as_reference(events, tl)
    assert len(got) > 500 and {m for _, _, m in got} == {"certain", "possible"}


def test_the_join_date_rule_is_the_timelines_in_force_rule():
    # the kernel compares integer days on candidate pairs; Timeline.in_force_matrix is
    # the one home of the rule: both must agree on every feature, on and around its ends
    from geozones.events import plan_of

    plan = plan_of(TL)
    ends = pd.concat([TL.features["start_date"], TL.features["end_date"].dropna()])
    days = sorted({d + pd.Timedelta(days=k) for d in ends for k in (-1, 0, 1)})
    want = TL.in_force_matrix([d.date() for d in days])
    day = np.array([(d - pd.Timestamp("1970-01-01")).days for d in days])[:, None]
    got = (plan.start[None, :] <= day) & (day <= plan.end[None, :])
    assert (got == want).all() and want.any() and not want.all()
