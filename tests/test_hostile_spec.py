"""Hostile specs (issue #12): no hidden network, bounded work, one line for every failure.

Every case runs the real CLI (exit code 2, one line on stderr) or the real compiler.
"""

from __future__ import annotations

import http.server
import json
import os
import threading
from pathlib import Path

import pytest

from geozones.cli import main
from geozones.errors import InputError, SpecError  # noqa: F401 - used below

HEAD = """\
timeline: {id: hostile, name: Hostile}
agreements:
  - id: a
    name: A
    features:
      - id: f
        kind: zone
        start: 2020-03-06
        confidence: schematic
"""


def _spec(tmp_path: Path, geometry: str, name: str = "spec.yaml", head: str = HEAD) -> Path:
    path = tmp_path / name
    path.write_text(head + f"        geometry: {geometry}\n", encoding="utf-8")
    return path


def _validate_fails(capsys, path: Path, *extra: str) -> str:
    """Run ``geozones validate``: exit 2 and a first stderr line naming the spec; return it."""
    assert main(["validate", str(path), *extra]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert lines, "no message on stderr"
    assert lines[0].startswith(str(path)), lines[0]
    return lines[0]


# --- item 2: file: never reaches the network without --online -------------------------------


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []
    body = json.dumps(
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": {},
                    "geometry": {"type": "Point", "coordinates": [36.6, 35.8]},
                }
            ],
        }
    ).encode()

    def _answer(self, with_body: bool) -> None:
        type(self).requests.append(f"{self.command} {self.path}")
        self.send_response(200)
        self.send_header("Content-Type", "application/geo+json")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        if with_body:
            self.wfile.write(self.body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._answer(True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(False)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def recorder():
    _Recorder.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Recorder.requests
    server.shutdown()
    server.server_close()


def _vrt(tmp_path: Path, url: str, name: str = "remote.vrt") -> Path:
    path = tmp_path / name
    path.write_text(
        "<OGRVRTDataSource>\n"
        '  <OGRVRTLayer name="remote">\n'
        f"    <SrcDataSource>/vsicurl/{url}/points.geojson</SrcDataSource>\n"
        "    <SrcLayer>points</SrcLayer>\n"
        "  </OGRVRTLayer>\n"
        "</OGRVRTDataSource>\n",
        encoding="utf-8",
    )
    return path


def test_a_vrt_with_a_vsicurl_source_is_refused_and_fetches_nothing(tmp_path, capsys, recorder):
    url, requests = recorder
    _vrt(tmp_path, url)
    spec = _spec(tmp_path, "{buffer: {of: {file: remote.vrt}, distance: 1 km}}")
    first = _validate_fails(capsys, spec)
    assert "remote.vrt" in first and "vector formats" in first and "--online" in first
    # the same VRT behind a .geojson name is recognised by its content
    _vrt(tmp_path, url, "disguised.geojson")
    spec = _spec(tmp_path, "{file: disguised.geojson}", "disguised.yaml")
    first = _validate_fails(capsys, spec)
    assert "virtual dataset (VRT)" in first
    # a /vsicurl/ path written in the spec itself
    spec = _spec(tmp_path, f"{{file: /vsicurl/{url}/points.geojson}}", "direct.yaml")
    first = _validate_fails(capsys, spec)
    assert "network path" in first
    assert requests == []


def test_with_online_the_same_vrt_is_read_from_the_server(tmp_path, capsys, recorder):
    """The control: the server above does answer GDAL, so 'no request' above means refused."""
    url, requests = recorder
    _vrt(tmp_path, url)
    spec = _spec(tmp_path, "{buffer: {of: {file: remote.vrt}, distance: 1 km}}")
    assert main(["validate", str(spec), "--online"]) == 0, capsys.readouterr().err
    assert any("points.geojson" in r for r in requests)


def test_a_fifo_as_file_is_refused_without_hanging(tmp_path, capsys):
    os.mkfifo(tmp_path / "pipe.geojson")
    spec = _spec(tmp_path, "{file: pipe.geojson}")
    first = _validate_fails(capsys, spec)
    assert "not a regular file" in first


def test_a_fifo_as_the_spec_is_refused_without_hanging(tmp_path, capsys):
    os.mkfifo(tmp_path / "pipe.yaml")
    assert main(["validate", str(tmp_path / "pipe.yaml")]) == 2
    assert "not a regular file" in capsys.readouterr().err


def test_a_file_that_is_not_what_its_name_says_is_refused(tmp_path, capsys):
    (tmp_path / "fake.gpkg").write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    spec = _spec(tmp_path, "{file: fake.gpkg}")
    assert "is not a GPKG file" in _validate_fails(capsys, spec)
