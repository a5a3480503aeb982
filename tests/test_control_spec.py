"""The control table in the spec language (issue #14): parties, captures, held_by,
contact_line, features per period, and the provenance rules, on small specs."""

from __future__ import annotations

import pytest
import shapely
from _control_spec import AGREEMENT, HEAD, load

import geozones
from geozones.errors import SpecError


def test_a_zone_that_follows_control_compiles_into_periods(tmp_path):
    tl = load(tmp_path, HEAD + AGREEMENT)
    zones = tl.features[tl.features["kind"] == "zone"].sort_values("start_date")
    assert zones["id"].tolist() == ["zone-2019-06-01", "zone-2020-02-07"]
    assert zones["end_date"].iloc[0] == pd_ts("2020-02-06") and zones["end_date"].isna().iloc[1]
    saraqib = geozones.geocode("Saraqib", country="SY")
    pt = shapely.Point(saraqib.lon, saraqib.lat)
    assert zones.geometry.iloc[0].covers(pt) and not zones.geometry.iloc[1].covers(pt)
    assert tl.control_at("Saraqib", "2020-02-07").holder == "government"
    assert tl.control_at("Saraqib", "2020-02-06").holder == "opposition"
    h = tl.control_at("Saraqib", "2020-03-01")
    assert h.source["quote"] == "Government forces took Saraqib on Friday."
    lines = tl.features[tl.features["kind"] == "contact-line"]
    assert len(lines) == 2 and all(g.length > 0 for g in lines.geometry)
    assert set(tl.parties) == {"government", "opposition"}
    assert tl.parties["government"] == {"colour": "#c0392b", "label": "Government"}
    assert list(tl.control.columns) == ["party", "start_date", "end_date", "geometry"]
    assert list(tl.contact_lines.columns) == ["start_date", "end_date", "geometry"]
    assert pd_ts("2020-02-07").date() in tl.slices()


def pd_ts(s):
    import pandas as pd

    return pd.Timestamp(s)


def test_a_spec_without_control_has_empty_frames_and_no_parties(tmp_path):
    tl = load(
        tmp_path,
        """
        agreements:
          - id: a
            name: A
            features:
              - {id: p, kind: observation-post, start: 2020-01-01, confidence: approximate,
                 geometry: {place: Saraqib}}
        """,
    )
    assert tl.parties == {} and len(tl.control) == 0 and len(tl.contact_lines) == 0
    assert list(tl.control.columns) == ["party", "start_date", "end_date", "geometry"]
    assert tl.holders([36.8], [35.86], ["2020-01-01"]).tolist() == [None]
    with pytest.raises(geozones.InputError, match="no control table"):
        tl.control_at("Saraqib", "2020-01-01")


@pytest.mark.parametrize(
    "change,message",
    [
        (("https://example.org/news/2020/02/07/saraqib", "https://example.org/"), "home page"),
        (("party: government\n      reach", "party: rebels\n      reach"), "unknown party"),
        (("reach: 3 km", "reach: 300 km"), "out of range"),
        (("published: 2020-02-07", "published: last week"), "not a date"),
        (('quote: "Government forces took Saraqib on Friday."', "notes: x"), "neither quote"),
        (("summary: the frame", "summary: see ../shared/data/AGREEMENTS-FACTS.md"), "../shared"),
    ],
)
def test_bad_control_rows_are_refused_with_the_line(tmp_path, change, message):
    old, new = change
    text = HEAD.replace(old, new, 1)
    assert text != HEAD
    with pytest.raises(SpecError, match=message) as exc:
        load(tmp_path, text + AGREEMENT)
    assert exc.value.line is not None


def test_agreement_sources_must_cite_an_article_and_only_agreements_are_signed(tmp_path):
    home = AGREEMENT.replace("https://example.org/a/1", "https://example.org")
    with pytest.raises(SpecError, match="home page"):
        load(tmp_path, HEAD + home)
    shared = AGREEMENT.replace("https://example.org/a/1", "../shared/data/AGREEMENTS-FACTS.md")
    with pytest.raises(SpecError):
        load(tmp_path, HEAD + shared)
    op = AGREEMENT.replace("    name: A\n", "    name: A\n    kind: operation\n")
    with pytest.raises(SpecError, match="not signed"):
        load(tmp_path, HEAD + op)
    ok = op.replace("    signed: 2019-01-01\n", "")
    assert load(tmp_path, HEAD + ok).agreements[0]["kind"] == "operation"


def test_held_by_needs_a_control_table(tmp_path):
    with pytest.raises(SpecError, match="needs a control table"):
        load(tmp_path, AGREEMENT)


def test_a_control_csv_beside_the_spec(tmp_path):
    (tmp_path / "c.csv").write_text(
        "date,place,party,reach,url,title,publisher,published,quote,notes\n"
        "2020-02-08,Saraqib,government,,https://example.org/x/1,T,P,2020-02-08,q,\n",
        encoding="utf-8",
    )
    text = HEAD.replace("control:\n", "control:\n  file: c.csv\n")
    tl = load(tmp_path, text + AGREEMENT)
    h = tl.control_at("Saraqib", "2020-02-09")  # held since the inline event of the 7th
    assert h.since.isoformat() == "2020-02-07" and h.source["url"].endswith("saraqib")
    assert tl._control.surface.events[-1].source["url"] == "https://example.org/x/1"
    with pytest.raises(SpecError, match="beside the spec"):
        load(tmp_path, HEAD.replace("control:\n", "control:\n  file: ../c.csv\n") + AGREEMENT)


def test_control_at_reads_the_table_s_places_before_the_gazetteer(tmp_path):
    """A name of ``control: places`` means what the table's rows mean by it, whatever the
    gazetteer would answer (here 'Kafr Halab', which the gazetteer alone does not place, is
    given Saraqib's code; 'Frontville' a point in Saraqib), case and accents aside."""
    saraqib = geozones.geocode("Saraqib", country="SY")
    places = (
        "  places:\n"
        f"    Kafr Halab: {saraqib.source_id}\n"
        f"    Frontville: {{lat: {saraqib.lat}, lon: {saraqib.lon}}}\n"
    )
    tl = load(tmp_path, HEAD.replace("control:\n", "control:\n" + places, 1) + AGREEMENT)
    # the gazetteer alone gives another place, or (its guesses keep the consonants) none
    try:
        alone = geozones.geocode("Kafr Halab", country="SY").source_id
    except geozones.UnknownPlaceError:
        alone = None
    assert alone != saraqib.source_id
    for name in ("Kafr Halab", "KAFR HALAB", "Frontville"):
        h = tl.control_at(name, "2020-02-07")
        assert h.holder == "government" and h.since.isoformat() == "2020-02-07", name
        assert tl.control_at(name, "2020-02-06").holder == "opposition", name
    # a name not in 'places' still goes to the gazetteer
    assert tl.control_at("Saraqib", "2020-02-07").since.isoformat() == "2020-02-07"
