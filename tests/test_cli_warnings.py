"""Warnings: one hierarchy under GeozonesWarning, and on the command line one escaped line
per warning on stderr while the command goes on (real gazetteer, real control cells)."""

from __future__ import annotations

import json

from test_control_names import _write

import geozones
from geozones.cli import main
from geozones.control import AmbiguousPlaceWarning
from geozones.events import EventsWarning
from geozones.gazetteer import FarGuessWarning
from geozones.geoparse import CountryBiasWarning


def test_every_warning_is_a_geozones_warning():
    for cls in (AmbiguousPlaceWarning, EventsWarning, FarGuessWarning, CountryBiasWarning):
        assert issubclass(cls, geozones.GeozonesWarning), cls
    assert not issubclass(geozones.GeozonesWarning, geozones.GeozonesError)


def test_export_prints_a_warning_as_one_line_and_still_writes(tmp_path, capsys):
    spec = _write(tmp_path)  # 'Deir Sunbul' fits two villages 26 km apart, not pinned
    out = tmp_path / "t.geojson"
    assert main(["export", str(spec), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    lines = err.splitlines()
    warned = [ln for ln in lines if ln.startswith("geozones export: warning: ")]
    assert len(warned) == 1 and "'Deir Sunbul'" in warned[0] and "C4293" in warned[0]
    # not Python's developer format: no file name, line number or category name
    assert "AmbiguousPlaceWarning" not in err and ".py:" not in err
    assert json.loads(out.read_text(encoding="utf-8"))["type"] == "FeatureCollection"
