"""join_events(..., control=True): events also get who held their place on their date."""

from __future__ import annotations

import textwrap

import pandas as pd
import pytest

import geozones
from geozones.errors import InputError
from geozones.events import join_events

SPEC = """
timeline: {id: c, name: C, country: SY}
parties:
  government: {colour: "#c0392b", label: Government}
  opposition: {colour: "#2e8b57", label: Opposition}
control:
  baselines:
    - date: 2019-01-01
      party: government
      area: {admin: {names: [SY07], level: 1}}
      summary: the frame
    - date: 2019-01-01
      party: opposition
      area: {admin: {names: [Saraqab, Ariha, Idleb], level: 3}}
      summary: three subdistricts
  events:
    - date: 2020-02-07
      place: Saraqib
      party: government
      reach: 3 km
      url: https://example.org/news/2020/02/07/saraqib
      title: Saraqib taken
      publisher: Example News
      published: 2020-02-07
      quote: "Government forces took Saraqib on Friday."
agreements:
  - id: a
    name: A
    signed: 2019-01-01
    sources: [{url: "https://example.org/a/1", quote: "q"}]
    features:
      - id: zone
        name: Zone
        kind: zone
        start: 2019-06-01
        confidence: schematic
        geometry:
          held_by: {party: opposition, within: {admin: {names: [SY07], level: 1}}}
"""


@pytest.fixture(scope="module")
def tl(tmp_path_factory):
    path = tmp_path_factory.mktemp("control") / "c.yaml"
    path.write_text(textwrap.dedent(SPEC), encoding="utf-8")
    return geozones.load_timeline(path, use_cache=False)


def test_holder_column_says_who_held_each_event_place_that_day(tl):
    saraqib = geozones.geocode("Saraqib", country="SY")
    ev = pd.DataFrame(
        {
            "event_date": ["2020-02-06", "2020-02-08", "2020-02-08", "2018-01-01"],
            "latitude": [saraqib.lat, saraqib.lat, 33.51, saraqib.lat],
            "longitude": [saraqib.lon, saraqib.lon, 36.29, saraqib.lon],
            "geo_precision": [1, 1, 1, 1],
        }
    )
    out = join_events(ev, tl, how="left", control=True)
    first = out.drop_duplicates("event_index").set_index("event_index")["holder"]
    assert first[0] == "opposition"  # the day before the capture
    assert first[1] == "government"  # after it
    assert pd.isna(first[2]) and pd.isna(first[3])  # Damascus: no cell; before the table
    zone = out.loc[out["feature_id"].astype(str).str.startswith("zone")]
    assert set(zone["event_index"]) == {0} and (zone["holder"] == "opposition").all()
    plain = join_events(ev, tl, how="left")
    assert "holder" not in plain.columns
    assert plain.drop(columns=[]).equals(out.drop(columns=["holder"]))
    with pytest.raises(InputError, match="holder"):
        join_events(ev.assign(holder="x"), tl, control=True)
