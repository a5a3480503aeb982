"""The package imports fast, and its CLI answers --help without heavy imports."""

import subprocess
import sys

import pytest


def test_import_does_not_load_heavy_libraries():
    code = (
        "import sys, geozones; "
        "heavy = [m for m in ('geopandas', 'folium', 'shapely', 'pandas', 'pyproj') "
        "if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_cli_help_is_light_and_exits_zero():
    code = (
        "import sys\n"
        "from geozones.cli import build_parser\n"
        "build_parser()\n"
        "heavy = [m for m in ('geopandas', 'folium', 'pandas', 'pyproj') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
    res = subprocess.run(
        [sys.executable, "-m", "geozones", "--help"], capture_output=True, text=True
    )
    assert res.returncode == 0
    assert "geocode" in res.stdout or "COMMAND" in res.stdout


def test_cli_unknown_option_exits_2_with_one_line():
    res = subprocess.run(
        [sys.executable, "-m", "geozones", "--no-such-option"], capture_output=True, text=True
    )
    assert res.returncode == 2
    assert "error" in res.stderr and "Traceback" not in res.stderr


def test_every_subpackage_is_installed():
    """`pip install .` ships every folder of geozones/ that holds Python: a subpackage
    missing from pyproject's list installs a geozones that cannot import itself."""
    from pathlib import Path

    tomllib = pytest.importorskip("tomllib")  # Python >= 3.11

    root = Path(__file__).resolve().parent.parent
    listed = set(
        tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    folders = {
        ".".join(p.parent.relative_to(root).parts)
        for p in (root / "geozones").rglob("*.py")
        if "__pycache__" not in p.parts
    }
    missing = sorted(folders - listed)
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {missing}"
