"""join_events(..., control=True): events also get who held their place on their date."""

from __future__ import annotations

import pandas as pd
import pytest
from _control_spec import HEAD, ZONE, load

import geozones
from geozones.errors import InputError
from geozones.events import join_events


@pytest.fixture(scope="module")
def tl(tmp_path_factory):
    return load(tmp_path_factory.mktemp("control"), HEAD + ZONE, "c.yaml")


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
