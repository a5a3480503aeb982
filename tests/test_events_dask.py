"""The dask backend of join_events on a dask.distributed LocalCluster (127.0.0.1)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from _events_synth import synthetic_timeline

from geozones.events import join_events, summarize

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
dask_geopandas = pytest.importorskip("dask_geopandas")

TL = synthetic_timeline()


@pytest.fixture(scope="module")
def client():
    # a worker thread in this process, scheduler and worker on loopback TCP only
    cluster = distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=2,
        processes=False,
        protocol="tcp://",
        host="127.0.0.1",
        dashboard_address=None,
    )
    with cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def events():
    rng = np.random.default_rng(3)
    n = 30_000
    days = pd.to_datetime("2016-06-01") + pd.to_timedelta(rng.integers(0, 5 * 365, n), "D")
    return pd.DataFrame(
        {
            "event_date": days.strftime("%d %B %Y"),
            "latitude": rng.uniform(34.9, 36.5, n),
            "longitude": rng.uniform(35.7, 37.6, n),
            "geo_precision": rng.choice([1, 2, 3], n, p=[0.7, 0.2, 0.1]),
            "fatalities": rng.integers(0, 4, n),
        },
        index=pd.RangeIndex(100, 100 + n),
    )


def _key(frame):
    return (
        frame[["event_index", "feature_id", "match"]]
        .astype(str)
        .sort_values(["event_index", "feature_id"])
        .reset_index(drop=True)
    )


def test_dask_dataframe_gives_the_same_rows_as_pandas(client, events):
    expected = join_events(events, TL)
    lazy = join_events(dd.from_pandas(events, npartitions=4), TL)
    assert type(lazy).__module__.startswith("dask")
    got = lazy.compute()
    pd.testing.assert_frame_equal(_key(got), _key(expected))
    assert set(client.run(lambda: 1)) == set(client.scheduler_info()["workers"])
    s_dask, s_pandas = summarize(lazy), summarize(expected)
    pd.testing.assert_frame_equal(s_dask, s_pandas, check_dtype=False)


def test_backend_dask_on_pandas_returns_pandas_left_join(client, events):
    expected = join_events(events, TL, how="left")
    got = join_events(events, TL, how="left", backend="dask")
    assert isinstance(got, pd.DataFrame) and len(got) == len(expected)
    assert set(got["event_index"]) == set(events.index)
    pd.testing.assert_frame_equal(_key(got), _key(expected))


def test_dask_geopandas_points_in_a_projected_crs(client, events):
    import geopandas as gpd

    gdf = gpd.GeoDataFrame(
        events.drop(columns=["latitude", "longitude"]),
        geometry=gpd.points_from_xy(events.longitude, events.latitude),
        crs="EPSG:4326",
    ).to_crs(3857)
    got = join_events(dask_geopandas.from_geopandas(gdf, npartitions=3), TL).compute()
    pd.testing.assert_frame_equal(_key(got), _key(join_events(events, TL)))
