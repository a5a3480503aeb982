"""``geozones join --scheduler`` on a real dask cluster: a ``dask scheduler`` and two
``dask worker`` processes on 127.0.0.1, started and always killed by the test."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from _events_synth import synthetic_timeline

from geozones.events import join_events

distributed = pytest.importorskip("distributed")

TL = synthetic_timeline()
DASK = shutil.which("dask", path=str(Path(sys.executable).parent)) or shutil.which("dask")


def _stop(procs):
    for p in procs:
        if p.poll() is None:
            p.terminate()
    for p in procs:
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    if DASK is None:
        pytest.skip("the dask command is not installed")
    folder = tmp_path_factory.mktemp("cluster")
    info = folder / "scheduler.json"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    env = dict(os.environ, DASK_DISTRIBUTED__WORKER__DAEMON="False")
    procs = [
        subprocess.Popen(
            [
                DASK,
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-dashboard",
                "--scheduler-file",
                str(info),
            ],
            env=env,
            **quiet,
        )
    ]
    try:
        deadline = time.monotonic() + 60
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert info.exists(), "the dask scheduler did not start"
        time.sleep(0.3)  # the file is written in one go, but give it a moment
        address = json.loads(info.read_text())["address"]
        assert address.startswith("tcp://127.0.0.1:")
        for _ in range(2):
            procs.append(
                subprocess.Popen(
                    [
                        DASK,
                        "worker",
                        address,
                        "--nthreads",
                        "1",
                        "--nworkers",
                        "1",
                        "--host",
                        "127.0.0.1",
                        "--no-dashboard",
                        "--memory-limit",
                        "1GiB",
                        "--local-directory",
                        str(folder),
                    ],
                    env=env,
                    **quiet,
                )
            )
        with distributed.Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=90)
        yield address
    finally:
        _stop(procs)


@pytest.fixture()
def cli(monkeypatch):
    import geozones.compiler
    from geozones.cli import main

    monkeypatch.setattr(geozones.compiler, "load_timeline", lambda spec=None, **kw: TL)
    return main


def _events(n, seed):
    rng = np.random.default_rng(seed)
    days = pd.to_datetime("2016-06-01") + pd.to_timedelta(rng.integers(0, 5 * 365, n), "D")
    return pd.DataFrame(
        {
            "event_date": days,
            "latitude": rng.uniform(34.9, 36.5, n),
            "longitude": rng.uniform(35.7, 37.6, n),
            "geo_precision": rng.choice([1, 2, 3], n, p=[0.7, 0.2, 0.1]),
            "fatalities": rng.integers(0, 4, n),
        }
    )


def test_cli_join_on_a_real_cluster_gives_the_local_counts(cli, scheduler, tmp_path, capsys):
    events = _events(30_000, seed=4).sort_values("longitude", ignore_index=True)  # spatial order
    src = tmp_path / "events"
    src.mkdir()
    parts = np.array_split(np.arange(len(events)), 3)
    for i, idx in enumerate(parts):
        events.iloc[idx].to_parquet(src / f"part-{i}.parquet", index=False, row_group_size=4_000)
    out = tmp_path / "joined.parquet"
    argv = ["join", str(src), "--out", str(out), "--scheduler", scheduler,
            "--summary", str(tmp_path / "s.csv"), "--json"]  # fmt: skip
    assert cli(argv) == 0
    report = json.loads(capsys.readouterr().out)
    expected = join_events(events, TL)
    assert report["partitions"] == 9 and report["scheduler"] == scheduler
    assert report["read"] == len(events) and report["rows"] == len(expected)
    assert report["certain"] == int((expected["match"] == "certain").sum())
    got = pd.read_parquet(out)
    key = ["event_index", "feature_id", "match"]
    pd.testing.assert_frame_equal(
        got[key].astype(str).sort_values(key[:2]).reset_index(drop=True),
        expected[key].astype(str).sort_values(key[:2]).reset_index(drop=True),
    )
    assert pd.read_csv(tmp_path / "s.csv")["total"].sum() == len(expected)
    assert cli(argv) == 0  # a second run replaces the dataset it wrote
    capsys.readouterr()
    assert len(pd.read_parquet(out)) == len(expected)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_cluster_join_bad_inputs_are_one_line(cli, scheduler, tmp_path, capsys):
    csv = tmp_path / "e.csv"
    _events(10, seed=1).to_csv(csv, index=False)
    out = tmp_path / "o.parquet"
    for argv, needle in [
        (["join", str(csv), "--out", str(out), "--scheduler", scheduler], "must be Parquet"),
        (["join", str(csv), "--out", str(tmp_path / "o.csv"), "--scheduler", scheduler],
         "Parquet dataset"),
        (["join", str(csv), "--out", str(out), "--scheduler", "10.0.0.5"], "not an address"),
    ]:  # fmt: skip
        assert cli(argv) == 2
        err = capsys.readouterr().err.strip()
        assert err.count("\n") == 0 and needle in err, err
    assert not out.exists()


def test_each_partition_gets_only_the_features_near_its_events(tmp_path):
    from geozones.events import plan_of
    from geozones.events._cluster import _pieces, features_near
    from geozones.events._columns import _Columns
    from geozones.events._kernel import _padded

    events = _events(3_000, seed=2).sort_values("longitude", ignore_index=True)
    path = tmp_path / "e.parquet"
    events.to_parquet(path, index=False, row_group_size=1_000)
    pieces = _pieces(path, _Columns("event_date", "latitude", "longitude", "geo_precision"))
    assert [p["offset"] for p in pieces] == [0, 1_000, 2_000]
    plan = plan_of(TL)
    reach = _padded(plan.bounds, 25_000)
    west = set(plan.ids[features_near(reach, pieces[0]["box"])])
    east = set(plan.ids[features_near(reach, pieces[-1]["box"])])
    assert "multi" in east and "multi" not in west  # the eastern boxes at 37.0-37.5°E
    assert features_near(reach, (10.0, 10.0, 11.0, 11.0)).size == 0
    assert features_near(reach, None).size == len(plan)
