"""Ambiguous names of a control table: a row's name that fits gazetteer places kilometres
apart, not pinned by ``control: places``, is read by a rule (nearest the previous row's
place) and the compile says so with the candidates (real gazetteer, real cells)."""

from __future__ import annotations

import json
import textwrap
import warnings
from pathlib import Path

import pytest

import geozones
from geozones.cli import main
from geozones.control import AmbiguousPlaceWarning
from geozones.spec import bundled_path

# Kafr Zita (north Hama), then 'Deir Sunbul': two OCHA communities have the name, one in
# Jabal al-Zawiya (Idleb, C4293), one 20 km west of Kafr Zita (Hama, C3190); nearest the
# previous row is Hama's, the trap the bundled table fell into.
SPEC = """
timeline: {{id: t, name: T, country: SY}}
parties:
  government: {{colour: "#c0392b", label: Government}}
  opposition: {{colour: "#2e8b57", label: Opposition}}
control:
  file: t-control.csv
{places}  baselines:
    - date: 2019-01-01
      party: government
      area: {{admin: {{names: [SY05], level: 1}}}}
      summary: Hama
    - date: 2019-01-01
      party: opposition
      area: {{admin: {{names: [SY07], level: 1}}}}
      summary: Idleb
agreements:
  - id: a
    name: A
    signed: 2019-01-01
    sources: [{{url: "https://example.org/a/1", quote: "q"}}]
    features:
      - id: zone
        name: Zone
        kind: zone
        start: 2019-06-01
        confidence: schematic
        geometry:
          held_by: {{party: opposition, within: {{admin: {{names: [SY07, SY05], level: 1}}}}}}
"""

_SOURCE = "https://example.org/news/2019/06/0{d}/x,Taken,Example,2019-06-0{d}"
ROWS = (
    "date,place,party,reach,url,title,publisher,published,quote,notes\n"
    f'2019-06-01,Kafr Zita,government,,{_SOURCE.format(d=1)},"The army took Kafr Zita.",\n'
    f"2019-06-02,Deir Sunbul,government,,{_SOURCE.format(d=2)},"
    '"The army took Deir Sunbul in Jabal al-Zawiya.",\n'
)

PIN = "  places:\n    Deir Sunbul: C4293\n"


def _write(folder: Path, places: str = "") -> Path:
    (folder / "t-control.csv").write_text(ROWS, encoding="utf-8")
    path = folder / "t.yaml"
    path.write_text(textwrap.dedent(SPEC.format(places=places)), encoding="utf-8")
    return path


def _ambiguous(caught) -> list[str]:
    return [str(w.message) for w in caught if issubclass(w.category, AmbiguousPlaceWarning)]


def test_an_ambiguous_name_warns_with_the_row_the_candidates_and_the_pin(tmp_path):
    path = _write(tmp_path)
    with pytest.warns(AmbiguousPlaceWarning) as caught:
        tl = geozones.load_timeline(path, use_cache=False)
    (msg,) = _ambiguous(caught)
    assert "t-control.csv:3" in msg and "2019-06-02" in msg and "'Deir Sunbul'" in msg
    assert "C3190" in msg and "C4293" in msg and "Hama" in msg and "Idleb" in msg
    assert "chosen 'Deir Sunbul' (Madiq Castle, As-Suqaylabiyah, Hama; C3190)" in msg
    assert "nearest the previous row's place ('Kafr Zita', 2019-06-01)" in msg
    assert " km away" in msg and "control: places" in msg and "'Deir Sunbul: C4293'" in msg
    # still compiled, and (the warning's point) with Hama's Deir Sunbul: Jabal al-Zawiya's
    # is not taken
    assert tl.holders([36.6014], [35.6982], ["2019-06-03"]).tolist() == ["opposition"]


def test_a_pinned_name_is_quiet_and_drawn_where_pinned(tmp_path):
    path = _write(tmp_path, PIN)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tl = geozones.load_timeline(path, use_cache=False)
    assert _ambiguous(caught) == []
    assert tl.holders([36.6014], [35.6982], ["2019-06-03"]).tolist() == ["government"]
    assert tl.holders([36.6014], [35.6982], ["2019-06-01"]).tolist() == ["opposition"]


def test_a_name_whose_places_lie_a_few_km_apart_is_not_ambiguous(tmp_path, monkeypatch):
    from geozones import settings

    path = _write(tmp_path)
    monkeypatch.setattr(settings, "control_name_same_m", 40_000.0)  # 27 km: "the same"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        geozones.load_timeline(path, use_cache=False)
    assert _ambiguous(caught) == []


def test_the_bundled_timeline_validates_without_an_ambiguous_name():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        spec, gdf, errors = geozones.compiler.validate(bundled_path())
    assert errors == [] and len(gdf) > 0
    assert _ambiguous(caught) == []


def test_the_cli_prints_the_warning_on_stderr_and_exits_0(tmp_path, capsys):
    path = _write(tmp_path)
    assert main(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert ": valid —" in out
    lines = [ln for ln in err.splitlines() if ln.startswith("geozones validate: warning: ")]
    assert len(lines) == 1 and "'Deir Sunbul'" in lines[0] and "C4293" in lines[0]
    assert main(["validate", str(path), "--json"]) == 0
    out, _ = capsys.readouterr()
    answer = json.loads(out)
    assert answer["valid"] is True and len(answer["warnings"]) == 1
    assert "C3190" in answer["warnings"][0]
    assert main(["validate", str(_write(tmp_path, PIN))]) == 0
    assert "warning" not in capsys.readouterr().err
