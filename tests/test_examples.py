"""The examples in examples/ really run, and say what they should.

Each script runs in a subprocess, in a fresh temporary working directory, the way a user copies
and runs it; the notebook is executed with nbclient. Nothing may reach the network: the
subprocesses and the notebook's kernel install the same loopback-only socket guard as the
suite's conftest before any example code runs.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

#: Installed first in every example process: refuse sockets to anything but loopback.
GUARD = (
    f"import sys as _sys; _sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})\n"
    "import _netguard; _netguard.install('examples')\n"
)

RUNNER = GUARD + textwrap.dedent(
    """
    import runpy, sys
    if sys.argv[1] == "-m":  # python _run_guarded.py -m MODULE ARGS...
        sys.argv = sys.argv[2:]
        runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
    else:  # python _run_guarded.py SCRIPT ARGS...
        sys.argv = sys.argv[1:]
        runpy.run_path(sys.argv[0], run_name="__main__")
    """
)


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One geozones cache for all examples: the timeline is compiled once, as for a user."""
    return tmp_path_factory.mktemp("examples-cache")


@pytest.fixture()
def workdir(tmp_path: Path, shared_cache: Path) -> Path:
    """An empty working directory, with the network guard and the shared cache beside it."""
    (tmp_path / "work").mkdir()
    (tmp_path / "_run_guarded.py").write_text(RUNNER)
    (tmp_path / "cache").symlink_to(shared_cache, target_is_directory=True)
    return tmp_path / "work"


def _env(cwd: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOZONES_")}
    env.update(
        GEOZONES_CACHE_DIR=str(cwd.parent / "cache"),
        MPLBACKEND="Agg",
        PYTHONIOENCODING="utf-8",
        NO_COLOR="1",
    )
    return env


def run_example(name: str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run examples/<name> with ``args`` in ``cwd``; fail with its stderr if it fails."""
    res = subprocess.run(
        [sys.executable, str(cwd.parent / "_run_guarded.py"), str(EXAMPLES / name), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=240,
        env=_env(cwd),
    )
    assert res.returncode == 0, f"{name} failed ({res.returncode}):\n{res.stderr[-3000:]}"
    assert "Traceback" not in res.stderr
    return res


# --- the M4 corridor and the towns it crosses ------------------------------------------------


def test_m4_corridor_towns(workdir: Path):
    res = run_example("m4_corridor_towns.py", "--csv", "towns.csv", cwd=workdir)
    out = res.stdout
    # the corridor named by the Moscow protocol, and its size in kilometres
    assert "security corridor" in out.lower()
    width = float(out.split("mean width")[1].split("km")[0].strip(" :~"))
    assert 11.0 <= width <= 13.0  # 6 km each side of the road
    import pandas as pd

    towns = pd.read_csv(workdir / "towns.csv")
    names = set(towns["name"])
    for inside in ("Jisr-Ash-Shugur", "Ariha", "Nayrab"):
        assert any(inside.lower() in n.lower() for n in names), (inside, sorted(names)[:40])
    for outside in ("Idleb", "Ma'arrat An Nu'man"):
        assert outside not in names
    # sorted west to east along the road, every town within 6 km (+ rounding) of it
    assert towns["lon"].is_monotonic_increasing
    assert (towns["km_from_road"] <= 6.05).all()
    assert len(towns) >= 20


# --- events per zone per month --------------------------------------------------------------


def test_events_per_zone(workdir: Path):
    res = run_example("events_per_zone.py", "--out", "per_zone.csv", cwd=workdir)
    import pandas as pd

    table = pd.read_csv(workdir / "per_zone.csv")
    assert {"zone", "month", "certain", "possible"} <= set(table.columns)
    assert len(table) > 0 and (table[["certain", "possible"]] >= 0).all().all()
    assert (table["certain"] + table["possible"] > 0).all()
    # months are first days of months, and every zone is a feature of the bundled timeline
    assert pd.to_datetime(table["month"]).dt.day.eq(1).all()
    assert "events" in res.stdout and "month" in res.stdout.lower()


def test_events_per_zone_on_a_csv_of_your_own(workdir: Path):
    """The same script on a user's CSV with ACLED's date format and one unreadable row."""
    (workdir / "mine.csv").write_text(
        "event_id_cnty,event_date,latitude,longitude,geo_precision,event_type\n"
        "SYR1,16 March 2020,35.8197,36.6134,1,Shelling\n"  # Ariha: inside the M4 corridor
        "SYR2,17 March 2020,35.8197,36.6134,1,Shelling\n"
        "SYR3,not a date,35.8197,36.6134,1,Shelling\n"
        "SYR4,20 April 2020,35.93,36.63,3,Shelling\n"  # Idlib city, imprecise
    )
    res = run_example("events_per_zone.py", "mine.csv", "--out", "mine_out.csv", cwd=workdir)
    import pandas as pd

    table = pd.read_csv(workdir / "mine_out.csv")
    march = table[table["month"].str.startswith("2020-03")]
    assert march["certain"].max() == 2  # both Ariha events certainly inside some feature
    assert "1 row" in res.stdout + res.stderr  # the unreadable date is reported, not dropped


# --- a new timeline for another conflict ----------------------------------------------------


def test_new_conflict_timeline(workdir: Path):
    res = run_example("new_conflict_timeline.py", cwd=workdir)
    out = res.stdout
    assert (workdir / "libya-sirte-jufra.html").stat().st_size > 10_000
    geojson = json.loads((workdir / "libya-sirte-jufra.geojson").read_text())
    ids = {f["id"] for f in geojson["features"]}
    assert {"sirte-jufra-line", "frontline-withdrawal-area", "jmc-hq-sirte"} <= ids
    # the places resolved in Libya, not to a Syrian village
    hq = next(f for f in geojson["features"] if f["id"] == "jmc-hq-sirte")
    lon, lat = hq["geometry"]["coordinates"]
    assert 16.3 < lon < 16.9 and 31.0 < lat < 31.4
    assert "Sirte" in out and "LY" in out
    assert "2020-11-03" in out


def test_new_conflict_spec_validates_with_the_cli(workdir: Path):
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "geozones",
            "validate",
            str(EXAMPLES / "specs" / "libya-sirte-jufra.yaml"),
        ],
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(workdir),
    )
    assert res.returncode == 0, res.stderr


# --- the notebook ---------------------------------------------------------------------------


def test_walkthrough_notebook_executes_offline(workdir: Path):
    for module in ("nbclient", "nbformat", "ipykernel"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not installed: pip install -e '.[test]'")
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(EXAMPLES / "walkthrough.ipynb", as_version=4)
    n_cells = len(nb.cells)
    nb.cells.insert(0, nbformat.v4.new_code_cell(GUARD))
    env_before = dict(os.environ)
    os.environ.update(_env(workdir))
    try:
        NotebookClient(
            nb, timeout=240, kernel_name="python3", resources={"metadata": {"path": str(workdir)}}
        ).execute()
    finally:
        os.environ.clear()
        os.environ.update(env_before)
    outputs = nb.cells[1:]
    assert len(outputs) == n_cells
    errors = [
        o for c in outputs if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    assert not errors, errors
    text = "\n".join(
        o.get("text", "") + json.dumps(o.get("data", {}))
        for c in outputs
        if c.cell_type == "code"
        for o in c.outputs
    )
    assert "Jarablus" in text  # geocode of a Turkish spelling
    assert "-> Moscow (RU" in text and "-> 2020-03-15" in text  # extract: abroad stays abroad
    assert (workdir / "north-west-syria.html").exists()
    assert (workdir / "north-west-syria.geojson").exists()
    # the last cell shows the timeline itself: its map, inline, in a sandboxed iframe
    last = [c for c in outputs if c.cell_type == "code"][-1]
    shown = [o["data"]["text/html"] for o in last.outputs if "text/html" in o.get("data", {})]
    assert shown and "<iframe" in shown[0]


# --- the getting-started page, command by command -------------------------------------------


def _documented_commands(page: Path) -> list[tuple[list[str], list[str]]]:
    """``$ geozones ...`` commands of a page's console blocks, each with its shown output."""
    import shlex

    commands: list[tuple[list[str], list[str]]] = []
    in_console = False
    for line in page.read_text().splitlines():
        if line.startswith("```"):
            in_console = line.strip() == "```console"
            continue
        if not in_console:
            continue
        if line.startswith("$ "):
            commands.append((shlex.split(line[2:]), []))
        elif commands:
            commands[-1][1].append(line)
    return [(argv, out) for argv, out in commands if argv[0] == "geozones"]


def test_getting_started_commands_run_as_documented(workdir: Path):
    """Every geozones command on the getting-started page runs, with the output it shows."""
    commands = _documented_commands(ROOT / "docs" / "getting-started.md")
    names = [argv[1] for argv, _ in commands]
    for needed in ("geocode", "map", "export", "locate"):
        assert needed in names
    for argv, shown in commands:
        res = subprocess.run(
            [sys.executable, str(workdir.parent / "_run_guarded.py"), "-m", *argv],
            cwd=workdir,
            capture_output=True,
            text=True,
            timeout=240,
            env=_env(workdir),
        )
        expected_rc = 2 if any("error:" in line for line in shown) else 0
        assert res.returncode == expected_rc, (argv, res.stderr[-2000:])
        actual = res.stdout + res.stderr
        for line in shown:
            first = line.split()[0] if line.split() else ""
            assert first in actual, f"`{' '.join(argv)}` no longer prints {line!r}:\n{actual}"
        if "--out" in argv:
            out = workdir / argv[argv.index("--out") + 1]
            assert out.stat().st_size > 1000, out
