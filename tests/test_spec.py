"""The spec reader: line numbers, values, schema, and every bad-input case (CLI exit 2)."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from geozones.cli import main
from geozones.errors import SpecError
from geozones.spec import check, load_yaml, parse_date, parse_distance, read_spec

SPECS = Path(__file__).parent / "specs"
BAD = sorted(SPECS.glob("*.yaml"))


def _expected(path: Path) -> tuple[int, str]:
    head = path.read_text(encoding="utf-8").splitlines()[:2]
    line = int(re.search(r"expect-line: (\d+)", head[0]).group(1))
    text = re.search(r"expect-text: (.+)", head[1]).group(1).strip()
    return line, text


def test_there_is_a_fixture_for_each_bad_input_case():
    names = {p.stem for p in BAD}
    assert {
        "yaml_syntax",
        "unknown_key",
        "unknown_place",
        "negative_width",
        "missing_width",
        "impossible_date",
        "end_before_start",
        "missing_ref",
        "ref_cycle",
        "empty_geometry",
        "unknown_kind",
        "unknown_confidence",
    } <= names


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_validate_exits_2_with_file_line_and_message(path, capsys):
    line, text = _expected(path)
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    first = err.splitlines()[0]
    assert first.startswith(f"{path}:{line}: "), first
    assert text in first
    assert "Traceback" not in err


@pytest.mark.parametrize("name", ["impossible_date", "unknown_operator"])
def test_compile_raises_spec_error_with_path_and_line(name):
    from geozones import load_timeline

    path = SPECS / f"{name}.yaml"
    with pytest.raises(SpecError) as info:
        load_timeline(path, use_cache=False)
    assert info.value.path == str(path)
    assert info.value.line == _expected(path)[0]


def test_cli_bad_spec_in_a_subprocess_is_one_line_without_traceback():
    res = subprocess.run(
        [sys.executable, "-m", "geozones", "validate", str(SPECS / "end_before_start.yaml")],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 2
    assert "Traceback" not in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert "end_before_start.yaml:13:" in res.stderr


def test_map_command_reports_spec_errors_as_one_line(capsys):
    # any command that loads a spec goes through main()'s GeozonesError handler
    assert main(["locate", "35.8,36.6", "--spec", str(SPECS / "missing_ref.yaml")]) == 2
    err = capsys.readouterr().err
    assert "missing_ref.yaml:14" in err and len(err.strip().splitlines()) == 1


def test_missing_file_is_a_spec_error(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope.yaml")]) == 2
    assert "no such spec file" in capsys.readouterr().err


def test_validate_reports_every_problem_one_per_line(tmp_path, capsys):
    spec = tmp_path / "two.yaml"
    spec.write_text(
        "agreements:\n"
        "  - id: a\n"
        "    name: A\n"
        "    features:\n"
        "      - {id: x, kind: zone, start: 2020-13-01, confidence: approximate, geometry: "
        "{point: {lat: 35, lon: 36}}}\n"
        "      - {id: y, kind: zone, start: 2020-01-01, confidence: surveyd, geometry: "
        "{point: {lat: 35, lon: 36}}}\n",
        encoding="utf-8",
    )
    assert main(["validate", str(spec)]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{spec}:5:") and "no month 13" in lines[0]
    assert lines[1].startswith(f"{spec}:6:") and "did you mean 'surveyed'" in lines[1]


# --- the YAML reader and values --------------------------------------------------------------


def test_yaml_keeps_lines_of_keys_and_items():
    data = load_yaml("a: 1\nlist:\n  - x\n  - {k: v}\n")
    assert data.line_of("a") == 1 and data.line_of("list") == 2
    assert data["list"].line_of(1) == 4 and data["list"][1].line_of("k") == 4


def test_yaml_keeps_dates_as_text_and_rejects_duplicate_keys():
    assert load_yaml("d: 2020-02-30") == {"d": "2020-02-30"}
    with pytest.raises(SpecError, match="appears twice") as info:
        load_yaml("a: 1\nb: 2\na: 3\n", "x.yaml")
    assert info.value.line == 3 and info.value.path == "x.yaml"


@pytest.mark.parametrize(
    "text,low,high",
    [
        ("6 km", 6000, 6000),
        ("6000 m", 6000, 6000),
        (6000, 6000, 6000),
        ("6km", 6000, 6000),
        ("0.5 km", 500, 500),
        ("15-20 km", 15000, 20000),
        ("15–20 km", 15000, 20000),
        ("15 to 20 km", 15000, 20000),
        ("2 mi", 3218.688, 3218.688),
    ],
)
def test_distances(text, low, high):
    assert parse_distance(text, allow_range=True) == pytest.approx((low, high))


@pytest.mark.parametrize(
    "text,message",
    [
        ("-6 km", "negative"),
        (-5, "not positive"),
        ("0 km", "not positive"),
        ("six km", "not a distance"),
        ("6 parsecs", "unknown unit"),
        (None, "not a distance"),
        ("20-15 km", "ends below"),
    ],
)
def test_bad_distances(text, message):
    with pytest.raises(ValueError, match=message):
        parse_distance(text, allow_range=True)


def test_a_range_is_refused_where_one_value_is_needed():
    with pytest.raises(ValueError, match="is a range"):
        parse_distance("15-20 km")


def test_dates_and_month_precision():
    assert parse_date("2020-03-06") == (dt.date(2020, 3, 6), "day")
    assert parse_date("2020-10") == (dt.date(2020, 10, 1), "month")
    assert parse_date("2020-02", end=True) == (dt.date(2020, 2, 29), "month")
    for bad, msg in [
        ("2019-02-29", "has 28 days"),
        ("2020-13-01", "no month 13"),
        ("6 March 2020", "not a date"),
        (True, "not a date"),
    ]:
        with pytest.raises(ValueError, match=msg):
            parse_date(bad)


def test_feature_inherits_agreement_sources_and_checks_ids():
    spec = check(
        load_yaml(
            "agreements:\n"
            "  - id: a\n"
            "    name: A\n"
            "    sources: [https://example.org/a]\n"
            "    features:\n"
            "      - {id: x, kind: zone, start: 2020-01-01, confidence: schematic, geometry: x}\n"
            "      - {id: x, kind: zone, start: 2020-01-01, confidence: schematic, geometry: x}\n"
            "      - {id: 'bad id', kind: zone, start: 2020-01-01, confidence: schematic, "
            "geometry: x}\n"
        ),
        "s.yaml",
    )
    assert spec.features[0].sources == [{"url": "https://example.org/a", "quote": "", "title": ""}]
    messages = [(e.line, e.message) for e in spec.errors]
    assert (7, "feature id 'x' is used twice") in messages
    assert any(line == 8 and "has spaces" in m for line, m in messages)


def test_not_utf8_is_reported_with_its_line(tmp_path):
    p = tmp_path / "latin1.yaml"
    p.write_bytes(b"agreements:\n  - id: a\n    name: Ma\xe2rrat\n")
    with pytest.raises(SpecError, match="not UTF-8") as info:
        read_spec(p)
    assert info.value.line == 3


def test_validate_the_bundled_timeline_exits_0_with_a_summary(capsys):
    from geozones.spec import bundled_path

    assert main(["validate", str(bundled_path())]) == 0
    out = capsys.readouterr().out
    assert "valid" in out and "security-corridor" in out and "from 2016-08-24" in out
    assert main(["validate", str(bundled_path()), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["valid"] is True and data["timeline"] == "north-west-syria"
    assert data["features"] == sum(data["kinds"].values()) and data["agreements"] >= 7


def test_validate_json_lists_errors_with_lines(capsys):
    path = SPECS / "unknown_kind.yaml"
    assert main(["validate", str(path), "--json"]) == 2
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["valid"] is False
    assert data["errors"][0]["line"] == 11 and "security-corridor" in data["errors"][0]["hint"]
    assert captured.err.startswith(f"{path}:11:")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "jpost.com/x", "https://a b.org"])
def test_source_urls_must_be_web_addresses(url):
    spec = check(
        load_yaml(
            "agreements:\n"
            "  - id: a\n"
            "    name: A\n"
            "    sources:\n"
            f"      - url: '{url}'\n"
            "        title: T\n"
        ),
        "s.yaml",
    )
    assert [(e.line, "not a web address" in e.message) for e in spec.errors] == [(5, True)]


def _doc_commands():
    """(command, expected output) of every ``$ geozones ...`` in docs/spec.md's console blocks."""
    import shlex

    doc = Path(__file__).resolve().parent.parent / "docs" / "spec.md"
    blocks = re.findall(r"```console\n(.*?)```", doc.read_text(encoding="utf-8"), re.S)
    out = []
    for block in blocks:
        lines = block.splitlines()
        for i, line in enumerate(lines):
            if line.startswith("$ geozones "):
                expected = []
                for nxt in lines[i + 1 :]:
                    if nxt.startswith("$ ") or not nxt.strip():
                        break
                    expected.append(nxt)
                out.append((shlex.split(line[2:])[1:], expected))
    return out


@pytest.mark.parametrize("argv,expected", _doc_commands(), ids=lambda v: " ".join(v)[:40])
def test_docs_show_real_output(argv, expected, capsys, monkeypatch):
    root = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(root)
    if not all((root / a).exists() for a in argv if a.endswith(".yaml")):
        pytest.skip("the page's example file is the reader's own")
    main(argv)
    captured = capsys.readouterr()
    assert (captured.out + captured.err).splitlines() == expected


def test_the_example_spec_in_the_docs_compiles(tmp_path):
    from geozones.compiler import validate

    doc = Path(__file__).resolve().parent.parent / "docs" / "spec.md"
    blocks = re.findall(r"```yaml\n(timeline:.*?)```", doc.read_text(encoding="utf-8"), re.S)
    assert blocks
    for i, block in enumerate(blocks):
        path = tmp_path / f"doc{i}.yaml"
        path.write_text(block, encoding="utf-8")
        spec, gdf, errors = validate(path)
        assert errors == [] and len(gdf) >= 1
