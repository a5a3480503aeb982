"""Every export checked by the tools of the ecosystem, not by our own reading (issue #17).

- Debian's GDAL (``ogrinfo``, a different GDAL from the one pyogrio bundles) reads every
  file, every feature, with no warning and no error;
- ``@placemarkio/check-geojson`` (npm, pinned in tests/package.json) finds no issue in the
  GeoJSON;
- ``xmllint`` validates the KML against the OGC KML 2.2 schema (``ogckml22.xsd`` and the
  schemas it imports, as the fastkml wheel ships them: Debian ships no KML schema);
- ``@tmcw/togeojson`` (what web maps use to read KML) keeps every name, TimeSpan,
  description and id.

scripts/test.sh installs all of them; CI (``CI`` set) fails instead of skipping when one
is missing.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import geozones
from geozones.timeline import Timeline

TESTS = Path(__file__).resolve().parent
CI = bool(os.environ.get("CI"))

_NODE = r"""
const fs = require("fs");
const { getIssues } = require("@placemarkio/check-geojson");
const { kml } = require("@tmcw/togeojson");
const { DOMParser } = require("@xmldom/xmldom");
const [mode, file] = process.argv.slice(1);
const text = fs.readFileSync(file, "utf8");
if (mode === "geojson") {
  console.log(JSON.stringify(getIssues(text)));
} else {
  const errors = [];
  const onError = (level, msg) => errors.push(`${level}: ${msg}`);
  const doc = new DOMParser({ onError }).parseFromString(text, "text/xml");
  const features = kml(doc).features.map((f) => ({
    id: f.properties.id,
    name: f.properties.name,
    timespan: f.properties.timespan || null,
    description: f.properties.description || "",
    geometry: f.geometry ? f.geometry.type : null,
  }));
  console.log(JSON.stringify({ errors, features }));
}
"""


def _need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        if CI:
            pytest.fail(f"{tool} is missing in CI: scripts/test.sh must install it")
        pytest.skip(f"{tool} is not installed (scripts/test.sh installs it)")
    return path


def _node_modules() -> Path:
    _need("node")
    modules = TESTS / "node_modules"
    if not (modules / "@placemarkio" / "check-geojson").is_dir():
        if CI:
            pytest.fail("tests/node_modules is missing in CI: scripts/test.sh runs npm ci")
        pytest.skip("run 'npm ci' in tests/ (scripts/test.sh does)")
    return modules


def _kml_schema() -> Path:
    spec = importlib.util.find_spec("fastkml")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("fastkml (test extra) is missing: it ships the OGC KML 2.2 schema")
    return Path(next(iter(spec.submodule_search_locations))) / "schema" / "ogckml22.xsd"


def _bundled() -> Timeline:
    try:
        return geozones.load_timeline()
    except (ImportError, geozones.GeozonesError) as exc:
        if os.environ.get("CI"):  # in CI the bundled timeline must compile: fail, never skip
            raise
        pytest.skip(f"bundled timeline not available yet: {exc}")


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> dict[tuple[str, str], Path]:
    """Every format of the bundled timeline: all of it, one day, and an empty day."""
    from test_exports import _synthetic

    out = tmp_path_factory.mktemp("validators")
    files = {}
    for label, tl in (("bundled", _bundled()), ("hostile", _synthetic())):
        for when, date in (("all", None), ("day", "2020-03-15"), ("empty", "2001-01-01")):
            for fmt in ("geojson", "gpkg", "kml", "fgb", "csv"):
                if fmt == "csv" and date is not None:
                    continue
                path = out / f"{label}-{when}.{fmt}"
                files[(f"{label}-{when}", fmt)] = geozones.export(tl, path, date=date)
    return files


def test_ogrinfo_reads_every_export_without_a_warning(exports):
    ogrinfo = _need("ogrinfo")
    for (what, fmt), path in exports.items():
        res = subprocess.run(
            [ogrinfo, "-ro", "-al", "-q", str(path)],  # every layer, every feature
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "CPL_DEBUG": "OFF"},
        )
        assert res.returncode == 0, (what, fmt, res.stderr)
        messages = [
            line
            for line in (res.stderr + res.stdout).splitlines()
            if line.startswith(("Warning", "ERROR", "FAILURE"))
        ]
        assert not messages, (what, fmt, messages)
        if fmt == "gpkg":  # the style table too, which -al lists among the layers
            assert (
                "layer_styles"
                in subprocess.run(
                    [ogrinfo, "-ro", "-so", str(path)], capture_output=True, text=True
                ).stdout
            )


def test_check_geojson_finds_no_issue(exports):
    modules = _node_modules()
    for (what, fmt), path in exports.items():
        if fmt != "geojson":
            continue
        res = subprocess.run(
            ["node", "-e", _NODE, "geojson", str(path)],
            cwd=modules.parent,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert res.returncode == 0, res.stderr
        assert json.loads(res.stdout) == [], (what, res.stdout[:2000])


def test_kml_validates_against_the_ogc_kml_22_schema(exports):
    xmllint = _need("xmllint")
    schema = _kml_schema()
    kmls = [str(p) for (_, fmt), p in exports.items() if fmt == "kml"]
    res = subprocess.run(
        [xmllint, "--noout", "--nonet", "--schema", str(schema), *kmls],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 0, res.stderr[-3000:]
    assert res.stderr.count(" validates") == len(kmls), res.stderr


def test_togeojson_reads_names_timespans_and_descriptions(exports):
    modules = _node_modules()
    for what in ("bundled-all", "hostile-all", "bundled-day"):
        path = exports[(what, "kml")]
        res = subprocess.run(
            ["node", "-e", _NODE, "kml", str(path)],
            cwd=modules.parent,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert res.returncode == 0, res.stderr
        got = json.loads(res.stdout)
        assert got["errors"] == [], got["errors"]
        doc = json.loads(exports[(what, "geojson")].read_text("utf-8"))
        expected = {f["id"]: f["properties"] for f in doc["features"]}
        read = {f["id"]: f for f in got["features"]}
        assert set(read) == set(expected), what
        for fid, props in expected.items():
            f = read[fid]
            assert f["name"] == (props["name"] or fid), fid
            assert f["timespan"]["begin"] == props["start_date"], fid
            assert (f["timespan"]["end"] or None) == props["end_date"], fid
            assert f["description"].startswith("<p><b>"), fid
            assert f"In force from {props['start_date']}" in f["description"], fid
            assert f["geometry"] is not None, fid
