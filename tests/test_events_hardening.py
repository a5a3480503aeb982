"""``geozones join`` on hostile or broken inputs and outputs (issue #12).

Every failure is one line on stderr and exit code 2, and no output file (or
temporary file) is left behind. CSV outputs are safe to open in a
spreadsheet: text that would run as a formula is quoted (OWASP's advice).
"""

from __future__ import annotations

import gzip
import os
import resource
import signal
import subprocess
import sys
import time

import numpy as np
import pandas as pd
import pytest
from _events_synth import synthetic_timeline

from geozones._io import data_path

TL = synthetic_timeline()
SYNTHETIC = data_path("events", "synthetic_events.csv")


@pytest.fixture()
def cli(monkeypatch):
    import geozones.compiler
    from geozones.cli import main

    monkeypatch.setattr(geozones.compiler, "load_timeline", lambda spec=None, **kw: TL)
    return main


def _fails_in_one_line(cli, capsys, argv, *needles):
    assert cli(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "Traceback" not in err, err
    for needle in needles:
        assert needle in err, err
    return err


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _subprocess_env(tmp_path):
    env = dict(os.environ, GEOZONES_CACHE_DIR=str(tmp_path / "cache"))
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    return env


# --------------------------------------------------------------------------- inputs


def test_corrupt_and_truncated_gzip_and_a_fake_parquet_are_one_line(cli, tmp_path, capsys):
    out = tmp_path / "o.csv"
    (tmp_path / "bad.csv.gz").write_bytes(b"this is not gzip at all")
    whole = gzip.compress(SYNTHETIC.read_bytes())
    (tmp_path / "cut.csv.gz").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "fake.parquet").write_text("event_date,latitude,longitude\n", encoding="utf-8")
    _fails_in_one_line(
        cli, capsys, ["join", str(tmp_path / "bad.csv.gz"), "--out", str(out)], "as CSV"
    )
    _fails_in_one_line(
        cli, capsys, ["join", str(tmp_path / "cut.csv.gz"), "--out", str(out)], "ended before"
    )
    _fails_in_one_line(
        cli, capsys, ["join", str(tmp_path / "fake.parquet"), "--out", str(out)], "as Parquet"
    )
    assert not out.exists() and _leftovers(tmp_path) == []


def test_a_fifo_as_events_input_is_refused_not_read(tmp_path):
    fifo = tmp_path / "events.csv"
    os.mkfifo(fifo)
    proc = subprocess.run(
        [sys.executable, "-m", "geozones", "join", str(fifo), "--out", str(tmp_path / "o.csv")],
        capture_output=True,
        text=True,
        timeout=120,  # a regression would block on open() forever
        env=_subprocess_env(tmp_path),
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "not a regular file" in proc.stderr


# --------------------------------------------------------------------------- outputs


def test_output_that_is_a_folder_a_device_or_under_a_file_is_refused(cli, tmp_path, capsys):
    (tmp_path / "dir.csv").mkdir()
    (tmp_path / "full.csv").symlink_to("/dev/full")
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    ev = str(SYNTHETIC)
    _fails_in_one_line(cli, capsys, ["join", ev, "--out", str(tmp_path / "dir.csv")], "folder")
    _fails_in_one_line(
        cli, capsys, ["join", ev, "--out", str(tmp_path / "full.csv")], "not a regular file"
    )
    _fails_in_one_line(
        cli, capsys, ["join", ev, "--out", str(tmp_path / "afile" / "o.csv")], "not a folder"
    )
    out = tmp_path / "o.csv"
    for flag, bad in (("--summary", "dir.csv"), ("--plot", "full.csv")):
        target = tmp_path / bad
        if flag == "--plot":
            target = tmp_path / "p.png"
            target.symlink_to("/dev/full")
        _fails_in_one_line(cli, capsys, ["join", ev, "--out", str(out), flag, str(target)])
        assert not out.exists()  # checked before any work
    assert _leftovers(tmp_path) == []


def _limit_file_size():  # runs in the child: a 16 KB file size limit, EFBIG instead of a kill
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (16_384, 16_384))


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_a_write_that_fails_part_way_is_one_line_and_leaves_nothing(tmp_path, suffix):
    out = tmp_path / f"o{suffix}"
    big = tmp_path / "big.csv"
    pd.concat([pd.read_csv(SYNTHETIC)] * 5).to_csv(big, index=False)
    proc = subprocess.run(
        [sys.executable, "-m", "geozones", "join", str(big), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        env=_subprocess_env(tmp_path),
        preexec_fn=_limit_file_size,
    )
    assert proc.returncode == 2, proc.stderr
    err = proc.stderr.strip()
    assert err.count("\n") == 0 and "cannot write" in err and "Traceback" not in err
    assert not out.exists() and _leftovers(tmp_path) == []


def test_sigterm_during_a_join_leaves_no_temporary_file(tmp_path):
    rng = np.random.default_rng(0)
    n = 400_000
    big = tmp_path / "big.csv"
    pd.DataFrame(
        {
            "event_date": "2020-03-20",
            "latitude": rng.uniform(35.0, 36.5, n).round(4),
            "longitude": rng.uniform(35.7, 37.6, n).round(4),
            "geo_precision": 1,
        }
    ).to_csv(big, index=False)
    out = tmp_path / "o.csv"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "geozones",
            "join",
            str(big),
            "--out",
            str(out),
            "--chunksize",
            "5000",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=_subprocess_env(tmp_path),
    )
    try:
        deadline = time.monotonic() + 120
        while not _leftovers(tmp_path) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _leftovers(tmp_path), "the join never started writing"
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode != 0
    assert not out.exists() and _leftovers(tmp_path) == []


# --------------------------------------------------------------------------- CSV injection


def test_csv_outputs_quote_formulas_but_not_numbers(cli, tmp_path, capsys):
    src = tmp_path / "ev.csv"
    cells = ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tx", "-3.5", "+7", "plain", "a=b"]
    rows = [f'15 March 2020,35.8,36.5,1,"{c}"' for c in cells]
    src.write_text(
        "event_date,latitude,longitude,geo_precision,notes\n"
        + "\n".join(rows)
        + "\n=HYPERLINK(1),35.8,36.5,1,bad date\n",
        encoding="utf-8",
    )
    out = tmp_path / "o.csv"
    assert cli(["join", str(src), "--out", str(out), "--how", "left"]) == 0
    capsys.readouterr()
    got = pd.read_csv(out, dtype=str, keep_default_na=False).drop_duplicates("event_index")
    notes = got["notes"].tolist()
    assert notes[:5] == ["'=1+2", "'+SUM(A1)", "'-2+3", "'@cmd", "'\tx"]
    assert notes[5:] == ["-3.5", "+7", "plain", "a=b"]  # numbers and inner '=' untouched
    assert got["longitude"].tolist() == ["36.5"] * len(cells)
    side = pd.read_csv(tmp_path / "o.rejected.csv", dtype=str, keep_default_na=False)
    assert side["event_date"].tolist() == ["'=HYPERLINK(1)"]


def test_csv_safe_keeps_negative_numbers_and_quotes_categorical_text():
    from geozones.events._output import _csv_safe

    frame = pd.DataFrame(
        {
            "lon": [-36.5, 12.0],
            "name": pd.Categorical(["=evil()", "fine"]),
            "text": ["\rcmd", "-1e5"],
            "both": pd.Categorical(["=x", "'=x"]),
        }
    )
    safe = _csv_safe(frame)
    assert safe["lon"].tolist() == [-36.5, 12.0]
    assert safe["name"].astype(str).tolist() == ["'=evil()", "fine"]
    assert safe["text"].tolist() == ["'\rcmd", "-1e5"]
    assert safe["both"].astype(str).tolist() == ["'=x", "'=x"]
    assert frame["name"].astype(str).tolist() == ["=evil()", "fine"]  # the input is untouched
