"""The examples in examples/ really run, and say what they should.

Each script runs in a subprocess, in a fresh temporary working directory, the way a user copies
and runs it; the notebook is executed with nbclient. Nothing may reach the network: the
subprocesses and the notebook's kernel install the same loopback-only socket guard as the
suite's conftest before any example code runs.
"""

from __future__ import annotations

import difflib
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
    # the files go to a temporary folder, not into the folder the notebook runs in
    assert list(workdir.iterdir()) == []
    assert "north-west-syria.html" in text and "2020-03-15.gpkg" in text
    # and no call is wrapped in a warnings filter that hides nothing
    assert not any("catch_warnings" in "".join(c.source) for c in outputs)
    # the last cell shows the timeline itself: its map, inline, in a sandboxed iframe
    last = [c for c in outputs if c.cell_type == "code"][-1]
    shown = [o["data"]["text/html"] for o in last.outputs if "text/html" in o.get("data", {})]
    assert shown and "<iframe" in shown[0]


# --- the getting-started page, end to end, as written ---------------------------------------


def _load_refresh():
    """scripts/refresh_doc_outputs.py, which writes the pages' outputs and checks them."""
    spec = importlib.util.spec_from_file_location(
        "refresh_doc_outputs", ROOT / "scripts" / "refresh_doc_outputs.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _guard_dir(tmp: Path) -> Path:
    """A folder whose sitecustomize installs the loopback-only socket guard in every Python."""
    folder = tmp / "guard"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(GUARD)
    return folder


def _install_block(page: Path) -> str:
    """The first bash block of the page: the install steps a user types."""
    text = page.read_text("utf-8")
    start = text.index("```bash\n") + len("```bash\n")
    return text[start : text.index("```", start)]


def _copy_of_the_repository(dest: Path) -> None:
    """What a clone holds: the project's files as they are in this working tree (tracked or
    new, never ignored ones such as .venv)."""
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, files):
        src = ROOT / os.fsdecode(name)
        if src.is_file():
            target = dest / os.fsdecode(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(src.read_bytes())


def test_getting_started_runs_end_to_end_as_written(tmp_path: Path, workdir: Path):
    """The page as a new user follows it: from the folder that holds the copy, its install
    block exactly as written (`cd geozones` included) into a fresh venv, then every command
    and the Python block with exactly the output the page shows.

    Offline: pip finds every dependency already installed (this suite's environment on
    PYTHONPATH) and builds without isolation; no index is asked.
    """
    import sysconfig

    page = ROOT / "docs" / "getting-started.md"
    _copy_of_the_repository(tmp_path / "geozones")
    site = sysconfig.get_paths()["purelib"]
    env = {k: v for k, v in _env(workdir).items() if k != "VIRTUAL_ENV"}
    env.update(
        PYTHONPATH=os.pathsep.join([str(_guard_dir(tmp_path)), site]),
        PIP_NO_INDEX="1",
        PIP_NO_BUILD_ISOLATION="0",  # pip's spelling of --no-build-isolation
        PIP_DISABLE_PIP_VERSION_CHECK="1",
    )
    script = "set -e\n" + _install_block(page) + "\ngeozones --version\n"
    res = subprocess.run(
        ["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600
    )
    assert res.returncode == 0, res.stdout[-2000:] + res.stderr[-3000:]
    venv = tmp_path / "geozones" / ".venv"
    from geozones import __version__

    assert res.stdout.strip().splitlines()[-1] == f"geozones {__version__}"
    # the rest of the page, run in the activated venv, must print exactly what the page shows
    env.update(VIRTUAL_ENV=str(venv), PATH=f"{venv / 'bin'}{os.pathsep}{env['PATH']}")
    got = _load_refresh().refresh(page, env=env, cwd=workdir)
    diff = "\n".join(
        difflib.unified_diff(page.read_text("utf-8").splitlines(), got.splitlines(), lineterm="")
    )
    assert not diff, f"docs/getting-started.md is stale (scripts/refresh_doc_outputs.py):\n{diff}"
    assert (workdir / "north-west-syria.html").stat().st_size > 100_000


def test_readme_python_comments_show_what_a_repl_shows():
    """README's `geocode("Cerablus")` comment is the start of the Place's repr, as a REPL
    prints it (not a str() form the REPL never shows)."""
    import re

    import geozones

    readme = (ROOT / "README.md").read_text("utf-8")
    m = re.search(r'^geozones\.geocode\("Cerablus"\)\s+# (.+?)…\)?$', readme, re.M)
    assert m, "README no longer shows geocode('Cerablus') with its result"
    assert repr(geozones.geocode("Cerablus")).startswith(m.group(1).rstrip())
