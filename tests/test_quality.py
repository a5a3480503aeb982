"""The quality gates, as tests: ruff lint and format, mypy, the documentation build.

Each gate runs the real tool in a subprocess, the way CI and a contributor run it. A gate is
skipped, with the command that installs it, only when its tool is not installed (the ``test``
extra of pyproject.toml brings all of them).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Files whose formatting ``ruff format --check`` enforces (the docs/examples owner's files;
#: widen the list as other parts adopt ``ruff format``).
FORMATTED = ["geozones", "tests", "examples", "scripts", "benchmarks"]


def _need(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed: pip install -e '.[test]'")


def _run(*args: str, cwd: Path = ROOT, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def test_ruff_check_is_clean():
    _need("ruff")
    res = _run("ruff", "check", "--no-cache", *FORMATTED)
    assert res.returncode == 0, f"ruff check found problems:\n{res.stdout}{res.stderr}"


def test_ruff_format_check_is_clean():
    _need("ruff")
    present = [p for p in FORMATTED if (ROOT / p).exists()]
    assert present, "none of the formatted files exist"
    res = _run("ruff", "format", "--check", "--no-cache", *present)
    assert res.returncode == 0, f"run `ruff format {' '.join(present)}`:\n{res.stdout}"


def test_mypy_on_the_package_is_clean():
    """The package ships py.typed, so its annotations must hold up under mypy.

    Imports of untyped third-party libraries (geopandas, shapely, folium…) are taken as Any;
    pandas is checked against pandas-stubs.
    """
    _need("mypy")
    res = _run(
        "mypy",
        "--follow-imports=silent",
        "--ignore-missing-imports",
        "--no-error-summary",
        "geozones",
    )
    assert res.returncode == 0, f"mypy found problems:\n{res.stdout[-6000:]}{res.stderr}"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The documentation built once with ``mkdocs build --strict`` into a temp folder."""
    _need("mkdocs")
    _need("material")
    _need("mkdocstrings_handlers.python")
    out = tmp_path_factory.mktemp("site")
    res = _run("mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out))
    assert res.returncode == 0, f"mkdocs build --strict failed:\n{res.stderr[-4000:]}"
    return out


def test_docs_build_strict_has_every_page(site: Path):
    import yaml

    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)

    def pages(nav):
        for item in nav:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                yield from pages(value)
            else:
                yield value

    for page in pages(config["nav"]):
        stem = page[: -len(".md")]
        folder = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem
        html = site / folder / "index.html"
        assert html.exists(), f"{page} was not rendered"


def test_api_reference_is_generated_from_docstrings(site: Path):
    """mkdocstrings rendered real signatures and numpy sections, not empty pages."""
    html = (site / "reference" / "gazetteer" / "index.html").read_text()
    assert 'id="geozones.gazetteer.geocode"' in html
    assert "Examples" in html and "Parameters" in html
    timeline = (site / "reference" / "timeline" / "index.html").read_text()
    assert 'id="geozones.timeline.Timeline.at"' in timeline


def test_getting_started_shows_commands_and_their_output(site: Path):
    import html as html_lib
    import re

    page = (site / "getting-started" / "index.html").read_text()
    html = html_lib.unescape(re.sub(r"<[^>]+>", "", page))  # code blocks are split in spans
    for command in ("pip install", "geozones map", "geozones export", "geozones locate"):
        assert command in html, f"getting started lacks `{command}`"


def test_strict_build_fails_on_a_broken_reference(tmp_path: Path):
    """The gate has teeth: a cross-reference to an object that does not exist fails the build."""
    _need("mkdocs")
    _need("mkdocstrings_handlers.python")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n\nSee [nothing][geozones.no_such_function].\n")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nstrict: true\nplugins:\n  - search\n  - mkdocstrings\n"
        "nav:\n  - Home: index.md\n"
    )
    res = _run("mkdocs", "build", "--strict", "-d", str(tmp_path / "site"), cwd=tmp_path)
    assert res.returncode != 0
    assert "geozones.no_such_function" in res.stderr


@pytest.mark.skipif(
    shutil.which("git") is None or not (ROOT / ".git").exists(), reason="not a git checkout"
)
def test_license_changelog_and_single_version():
    """A licence, a changelog naming the current version, and the version defined once."""
    from geozones import __version__

    assert "MIT License" in (ROOT / "LICENSE").read_text()
    changelog = (ROOT / "CHANGELOG.md").read_text()
    assert f"## [{__version__}]" in changelog
    files = subprocess.run(
        ["git", "ls-files", "*.py", "*.toml", "*.cfg"], cwd=ROOT, capture_output=True, text=True
    ).stdout.split()
    defining = [
        f
        for f in files
        if f'__version__ = "{__version__}"' in (ROOT / f).read_text(errors="replace")
        or f'version = "{__version__}"' in (ROOT / f).read_text(errors="replace")
    ]
    assert defining == ["geozones/_version.py"], defining


def test_sphinx_roles_render_as_code_in_the_api_reference():
    """The docs build's griffe extension turns Sphinx roles into inline code, never links."""
    import importlib.util as iu

    spec = iu.spec_from_file_location("roles", ROOT / "scripts" / "griffe_sphinx_roles.py")
    if spec is None or spec.loader is None or iu.find_spec("griffe") is None:
        pytest.skip("griffe is not installed: pip install -e '.[test]'")
    roles = iu.module_from_spec(spec)
    spec.loader.exec_module(roles)
    text = "See :class:`~geozones.place.Place`, :func:`geozones.geocode` and :meth:`x <A.b>`."
    assert roles.rewrite_roles(text) == "See `Place`, `geozones.geocode` and `x`."
    assert roles.rewrite_roles("no roles: `code` stays") == "no roles: `code` stays"


def test_every_geometry_expression_has_its_picture():
    """docs/spec-pictures.md shows a picture for each operator the compiler knows."""
    from geozones import compiler

    gallery = (ROOT / "docs" / "spec-pictures.md").read_text()
    missing = [
        op
        for op in sorted(compiler._OPS)
        if f"## `{op}`" not in gallery or not (ROOT / "docs" / "img" / f"expr-{op}.png").exists()
    ]
    assert not missing, f"no picture for {missing}: run python scripts/make_doc_images.py"
