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
    assert len(lines) == 1, err  # one problem, one line
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


def test_map_and_export_refuse_the_vrt_too_and_write_nothing(tmp_path, capsys, recorder):
    url, requests = recorder
    _vrt(tmp_path, url)
    spec = _spec(tmp_path, "{buffer: {of: {file: remote.vrt}, distance: 1 km}}")
    for command, out in (("map", "m.html"), ("export", "e.geojson")):
        assert main([command, str(spec), "--out", str(tmp_path / out)]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "vector formats" in err[0] and "Traceback" not in err[0]
        assert not (tmp_path / out).exists()
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


# --- item 3: alias bombs, nesting, size ------------------------------------------------------


def _bomb(levels: int, where: str) -> str:
    """A 'billion laughs' spec: each level repeats the one before nine times."""
    lines = ['x0: &x0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels + 1):
        lines.append(f"x{i}: &x{i} [" + ", ".join([f"*x{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n" + where.replace("LAST", f"*x{levels}")


def test_an_alias_bomb_is_refused_while_loading_with_its_line(tmp_path, capsys):
    from geozones.spec import load_yaml

    text = _bomb(9, "agreements: LAST\n")
    assert len(text) < 1000  # 9^10 strings once expanded
    with pytest.raises(SpecError, match="once its aliases") as exc:
        load_yaml(text, "bomb.yaml")
    assert exc.value.line is not None and exc.value.path == "bomb.yaml"
    path = tmp_path / "bomb.yaml"
    path.write_text(text, encoding="utf-8")
    assert "aliases" in _validate_fails(capsys, path)


def test_an_alias_bomb_in_a_quote_is_refused(tmp_path, capsys):
    source = "    sources: [{url: 'https://example.org/2020/03/06/report', quote: LAST}]\n"
    head = _bomb(8, "") + HEAD.replace("    name: A\n", "    name: A\n" + source)
    path = _spec(tmp_path, "{place: Saraqib}", head=head.replace("LAST", "*x8"))
    assert "aliases" in _validate_fails(capsys, path)


def test_a_small_alias_graph_is_within_bounds_and_a_quote_must_be_text(tmp_path, capsys):
    quote = "[&q [a, b, c], *q, *q]"
    source = f"    sources: [{{url: 'https://example.org/2020/03/06/report', quote: {quote}}}]\n"
    head = HEAD.replace("    name: A\n", "    name: A\n" + source)
    path = _spec(tmp_path, "{place: Saraqib}", head=head)
    assert "'quote' must be text" in _validate_fails(capsys, path)


def test_300_nested_brackets_are_one_line(tmp_path, capsys):
    path = _spec(tmp_path, "[" * 300 + "]" * 300)
    first = _validate_fails(capsys, path)
    assert "more than 64 levels deep" in first


def test_an_alias_that_contains_itself_is_refused():
    from geozones.spec import load_yaml

    with pytest.raises(SpecError, match="contains it"):
        load_yaml("a: &a [1, *a]\n")


def test_an_oversized_spec_is_refused_before_parsing(tmp_path, capsys, monkeypatch):
    import geozones

    monkeypatch.setattr(geozones.settings, "max_spec_bytes", 1000)
    path = _spec(tmp_path, "{place: Saraqib}", head=HEAD + "        notes: " + "x" * 2000 + "\n")
    assert "larger than settings.max_spec_bytes" in _validate_fails(capsys, path)


def test_an_aliased_sub_expression_is_compiled_once(tmp_path, monkeypatch):
    import geozones.projection as projection
    from geozones.compiler import compile_spec
    from geozones.spec import read_spec

    calls = []
    real = projection.buffer
    monkeypatch.setattr(projection, "buffer", lambda *a, **k: calls.append(1) or real(*a, **k))
    shared = "&b {buffer: {of: {place: Saraqib}, distance: '2-4 km'}}"
    path = _spec(tmp_path, f"{{union: [{shared}, *b, *b, *b, {{union: [*b, *b]}}]}}")
    spec, _ = read_spec(path)
    gdf, _, errors = compile_spec(spec, collect=True)
    assert errors == [] and len(gdf) == 1
    assert len(calls) == 1
    assert "drawn at the mean, 3 km" in gdf["notes"].iloc[0]


# --- item 5: silently wrong geometry ---------------------------------------------------------


@pytest.mark.parametrize(
    ("geometry", "message"),
    [
        ("{wkt: 'POINT (500 35)'}", "longitude 500 is outside"),
        ("{wkt: 'POINT (36 1e308)'}", "latitude 1e+308 is outside"),
        ("{wkt: 'LINESTRING (36 35, inf 35)'}", "not a finite number"),
        ("{wkt: 'POLYGON ((36 35, 37 35, 37 nan, 36 35))'}", "not a finite number"),
        ("{point: {lat: .nan, lon: 36}}", "off the globe"),
        ("{buffer: {of: {point: {lat: 35.8, lon: 36.6}}, distance: 20000 km}}", "beyond"),
        ("{buffer: {of: {point: {lat: 89.9, lon: 0}}, distance: 100 km}}", "pole"),
        ("{buffer: {of: {point: {lat: 64, lon: 179.9}}, distance: 20 km}}", "antimeridian"),
        (
            "{hull: [{point: {lat: 35, lon: 36}}, {point: {lat: 35, lon: 66}}]}",
            "within which the local projection is accurate",
        ),
        (
            "{band: {of: {wkt: 'POLYGON ((170 10, 179.9 10, 179.9 20, 170 20, 170 10))'}, "
            "width: 50 km}}",
            "antimeridian",
        ),
    ],
)
def test_coordinates_and_distances_beyond_what_can_be_drawn_are_refused(
    tmp_path, capsys, geometry, message
):
    path = _spec(tmp_path, geometry)
    first = _validate_fails(capsys, path)
    assert message in first, first


def test_a_file_with_coordinates_off_the_globe_is_refused(tmp_path, capsys):
    (tmp_path / "utm.geojson").write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {},
                        "geometry": {"type": "Point", "coordinates": [312000.0, 3965000.0]},
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    path = _spec(tmp_path, "{file: utm.geojson}")
    assert "longitude 312000 is outside" in _validate_fails(capsys, path)


def test_a_legitimate_buffer_still_compiles(tmp_path, capsys):
    path = _spec(tmp_path, "{buffer: {of: {point: {lat: 35.8, lon: 36.6}}, distance: 500 km}}")
    assert main(["validate", str(path)]) == 0, capsys.readouterr().err


# --- item 6: dates outside what can be drawn -------------------------------------------------


def test_end_9999_12_31_is_an_open_end(tmp_path):
    from geozones.compiler import validate

    path = _spec(tmp_path, "{place: Saraqib}", head=HEAD + "        end: 9999-12-31\n")
    _, gdf, errors = validate(path)
    assert errors == []
    assert gdf["end_date"].isna().all()


@pytest.mark.parametrize(
    ("field", "value"),
    [("start", "0001-01-01"), ("start", "9999-12-31"), ("end", "2500-01-01"), ("start", "1600-05")],
)
def test_dates_outside_the_drawable_span_are_one_line(tmp_path, capsys, field, value):
    head = HEAD.replace("start: 2020-03-06", f"start: {value}") if field == "start" else HEAD
    if field == "end":
        head += f"        end: {value}\n"
    path = _spec(tmp_path, "{place: Saraqib}", head=head)
    first = _validate_fails(capsys, path)
    assert "outside the dates geozones can draw" in first and "9999-12-31" in first


def test_signed_in_year_one_is_one_line_too(tmp_path, capsys):
    head = HEAD.replace("    name: A\n", "    name: A\n    signed: 0001-01-01\n")
    assert "outside the dates" in _validate_fails(capsys, _spec(tmp_path, "Saraqib", head=head))


# --- item 8: duplicate ids, unfinished drafts ------------------------------------------------


def test_duplicate_agreement_ids_are_refused(tmp_path, capsys):
    text = HEAD + "        geometry: {place: Saraqib}\n"
    second = text.split("agreements:\n", 1)[1].replace("id: f\n", "id: g\n")
    path = tmp_path / "dup.yaml"
    path.write_text(text + second, encoding="utf-8")
    first = _validate_fails(capsys, path)
    assert "agreement id 'a' is used twice" in first and ":11:" in first


def test_duplicate_feature_ids_are_refused(tmp_path, capsys):
    text = HEAD + "        geometry: {place: Saraqib}\n"
    feature = text.split("    features:\n", 1)[1]
    path = tmp_path / "dup.yaml"
    path.write_text(text + feature, encoding="utf-8")
    assert "feature id 'f' is used twice" in _validate_fails(capsys, path)


def test_a_draft_still_holding_todo_fails_validate_with_the_line(tmp_path, capsys):
    head = HEAD.replace("    name: A\n", "    name: 'TODO: name of the agreement'\n")
    path = _spec(tmp_path, "{place: Saraqib}", head=head)
    first = _validate_fails(capsys, path)
    assert first.startswith(f"{path}:4: ") and "TODO" in first


def test_an_expression_nested_deep_in_python_is_one_error_not_a_recursion_error():
    from geozones.compiler import compile_expression

    expr: dict = {"point": {"lat": 35.8, "lon": 36.6}}
    for _ in range(2000):
        expr = {"union": [expr]}
    with pytest.raises(SpecError, match="nests more than 64 levels"):
        compile_expression(expr)


# --- the same check when a VRT is given from Python, not from a spec -----------------------


def test_gazetteer_files_from_python_are_checked_like_spec_files(tmp_path, recorder):
    """load_road and add_places_file refuse a VRT (by name or by content) before GDAL opens it."""
    from geozones import Gazetteer

    url, requests = recorder
    gz = Gazetteer()
    vrt = _vrt(tmp_path, url)
    disguised = _vrt(tmp_path, url, "disguised.gpkg")
    with pytest.raises(InputError, match="vector formats"):
        gz.load_road(vrt, "Remote road")
    with pytest.raises(InputError, match="virtual dataset"):
        gz.load_road(disguised, "Remote road")
    with pytest.raises(InputError, match="vector formats"):
        gz.add_places_file(vrt, name_field="name")
    with pytest.raises(InputError, match="virtual dataset"):
        gz.add_places_file(disguised, name_field="name")
    assert requests == []
    assert gz.find_id("Remote road", "file") is None


def test_gazetteer_with_online_opens_the_same_vrt(tmp_path, recorder):
    """The control: with online=True GDAL does reach the server (so [] above means refused)."""
    from geozones import Gazetteer

    url, requests = recorder
    vrt = _vrt(tmp_path, url)
    with pytest.raises(InputError, match="holds no line"):  # the server serves a point
        Gazetteer().load_road(vrt, "Remote road", online=True)
    assert any("points.geojson" in r for r in requests)
