"""The CLI says what it takes, and its defaults work (issue #17)."""

from __future__ import annotations

import argparse
import json

import pytest

from geozones.cli import build_parser, main
from geozones.cli._common import SPEC_HELP


def _help(*args: str, capsys) -> str:
    with pytest.raises(SystemExit) as exc:
        main([*args, "--help"])
    assert exc.value.code == 0
    return " ".join(capsys.readouterr().out.split())


@pytest.mark.parametrize("command", ["export", "locate", "map"])
def test_spec_is_a_yaml_file_or_a_bundled_name(command, capsys):
    text = _help(command, capsys=capsys)
    assert "".join(SPEC_HELP.split()) in "".join(text.split())  # argparse wraps lines
    assert "bundled timeline's name" in SPEC_HELP and "YAML" in SPEC_HELP


def test_every_date_option_takes_a_day(capsys):
    """`--date` is a day everywhere; a column name is `--date-column` (join)."""
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, p in sub.choices.items():
        options = {o for a in p._actions for o in a.option_strings}
        if name == "join" and "--date-column" not in options:
            continue  # join's rename to --date-column is under way (issue #17, events)
        for action in p._actions:
            if action.help == argparse.SUPPRESS:
                continue  # a hidden alias kept for old scripts, not offered in --help
            if "--date" in action.option_strings:
                assert action.metavar == "YYYY-MM-DD", (name, action.metavar)


def test_cache_help_says_where_each_setting_is_set(capsys):
    text = _help("cache", capsys=capsys)
    assert "GEOZONES_CACHE_DIR" in text and "geozones.settings.cache_dir" in text
    assert "geozones.settings.online_cache_days" in text


def test_export_with_no_arguments_writes_the_bundled_timeline_here(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["format"] == "geojson" and report["path"] == "north-west-syria.geojson"
    doc = json.loads((tmp_path / "north-west-syria.geojson").read_text("utf-8"))
    assert len(doc["features"]) == report["features"] > 0


def test_a_bundled_name_works_where_a_spec_file_does(tmp_path, capsys):
    out = tmp_path / "z.kml"
    assert main(["export", "north-west-syria", "--out", str(out)]) == 0
    assert out.stat().st_size > 1000
    assert main(["locate", "36.5,36.6", "--spec", "north-west-syria", "--json"]) in (0, 1)
