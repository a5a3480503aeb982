"""The bundled timeline against dated reports: who held a town on a day, and whether it
was inside the Idlib zone (issue #14).

``tests/data/control_facts.csv`` lists town–date facts taken from dated reports (each
with its article and a verbatim passage); they are independent of the captures the
timeline is built from, though both come from the same kind of reporting.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
import shapely

import geozones

FACTS = Path(__file__).parent / "data" / "control_facts.csv"
#: The facts the issue lists (town, day, inside the Idlib zone?).
ISSUE_FACTS = [
    *[(t, "2020-03-15", True) for t in ("Idlib", "Ariha", "Jisr al-Shughur", "Sarmada")],
    *[
        (t, "2020-03-15", False)
        for t in (
            "Abu al-Duhur",
            "Qalaat al-Madiq",
            "al-Tamanah",
            "Kafranbel",
            "Haritan",
            "Maarat al-Numan",
            "Saraqib",
        )
    ],
    ("Khan Shaykhun", "2018-11-01", True),
    ("Morek", "2018-11-01", True),
    ("Abu al-Duhur", "2018-11-01", False),
]
#: Besieged pockets the reports describe (the spec's ``besieged:``): (place, first day
#: inside, last day of the siege, the day its holder changed).
SIEGES = [("al-Fu'ah", "2016-08-23", "2018-07-18", "2018-07-19")]


@pytest.fixture(scope="module")
def tl():
    return geozones.load_timeline()


def _facts() -> list[dict[str, str]]:
    with FACTS.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _in_zone(tl, place: str, day: str) -> bool:
    found = geozones.locate(place, day, timeline=tl)
    return bool(found["id"].str.startswith("idlib-zone").any())


def test_the_facts_sheet_is_large_and_sourced():
    facts = _facts()
    assert len(facts) >= 40
    for f in facts:
        assert f["url"].startswith("http") and f["quote"].strip(), f


@pytest.mark.parametrize("place,day,inside", ISSUE_FACTS)
def test_the_issue_s_towns_in_and_out_of_the_idlib_zone(tl, place, day, inside):
    assert _in_zone(tl, place, day) is inside


@pytest.mark.parametrize("fact", _facts(), ids=lambda f: f"{f['place']}@{f['date']}")
def test_every_reported_holder(tl, fact):
    h = tl.control_at(fact["place"], fact["date"])
    if fact["date"] < tl._control.days[0].isoformat():  # before the table starts: unknown
        assert h.holder is None
        return
    assert h.holder == fact["holder"], (fact["place"], fact["date"], h)
    # in the north-west, held by the opposition ⇔ inside the Idlib zone (from its start)
    if fact["date"] >= "2017-05-04" and fact["holder"] in ("opposition", "government"):
        outline = tl.control_at(fact["place"], fact["date"])
        assert outline.since is not None
        if fact["holder"] == "government":
            assert not _in_zone(tl, fact["place"], fact["date"])


def test_control_at_says_since_when_and_by_which_report(tl):
    h = tl.control_at("Kafranbel", "2020-03-15")
    assert h.holder == "government"
    assert h.since is not None and "2020-02-01" <= h.since.isoformat() <= "2020-02-25"
    src = h.source
    assert src["url"].startswith("http") and src.get("quote") or src.get("summary")


def _holes(geom) -> int:
    return sum(len(p.interiors) for p in shapely.get_parts(geom))


def test_no_zone_has_an_enclave_on_any_day(tl):
    """A zone has a hole only around a pocket a report describes as besieged that day."""
    zones = tl.features[tl.features["kind"] == "zone"]
    cells = tl._control.surface.cells
    holed = 0
    for _, row in zones.iterrows():
        kept = _besieged_cells(tl, row["start_date"].date())
        for ring in (r for p in shapely.get_parts(row.geometry) for r in p.interiors):
            inside = cells.covered_by(shapely.Polygon(ring))
            assert len(inside) and np.isin(inside, kept).all(), (row["id"], ring.centroid)
            holed += 1
    assert holed  # the Idlib zone rings al-Fu'ah and Kafraya while they are besieged


@pytest.mark.parametrize("place,first,last,fell", SIEGES)
def test_a_besieged_pocket_holds_out_until_its_siege_ends(tl, place, first, last, fell):
    """A government pocket inside opposition ground keeps its holder (the front passed it
    but the reports say it was besieged), stays out of the Idlib zone, and changes hands
    on the day the reports give."""
    import datetime as dt

    assert tl.control_at(place, first).holder == "government"
    assert tl.control_at(place, last).holder == "government"
    assert not _in_zone(tl, place, "2017-06-01") and not _in_zone(tl, place, last)
    h = tl.control_at(place, fell)
    assert h.holder == "opposition" and h.since == dt.date.fromisoformat(fell)
    assert h.source["url"].startswith("https://") and h.source["quote"]
    assert _in_zone(tl, place, fell)
    # the siege is what keeps it: when the front moves beside it (here a made-up sortie that
    # takes one neighbouring cell and loses it the next day), the same pocket without
    # ``besieged:`` falls, as the enclave rule gives it to the party around it; with its
    # siege it holds out (the day's holding report only protected it on its own day)
    s = tl._control.surface
    (pocket,), others = _this_siege(s, first, last)
    from dataclasses import replace

    from geozones.control import ControlSurface

    day = dt.date(2017, 1, 10)
    ring = np.setdiff1d(s.cells.neighbours(np.asarray(pocket)), pocket)
    cell = ring[[s.holder_names(day)[i] == "opposition" for i in ring]][:1]
    sortie = [
        replace(s.events[0], date=d, party=p, cells=cell, kind="capture", at=None, place="x")
        for d, p in ((day - dt.timedelta(days=1), "government"), (day, "opposition"))
    ]
    for besieged, holder in ((s.besieged, "government"), (others, "opposition")):
        moved = ControlSurface(s.cells, s.parties, [*s.events, *sortie], besieged=besieged)
        assert set(moved.holder_names(day)[i] for i in pocket) == {holder}


def _this_siege(surface, first: str, last: str) -> tuple[list, list]:
    """The cells of the one siege from ``first`` to ``last``, and the other sieges."""
    mine = [c for a, b, c in surface.besieged if (str(a), str(b)) == (first, last)]
    others = [x for x in surface.besieged if (str(x[0]), str(x[1])) != (first, last)]
    assert len(mine) == 1, (first, last, surface.besieged)
    return mine, others


def test_encircled_afrin_holds_out_against_the_offensive_hull(tl):
    """Afrin city, encircled from 13 March 2018 ('besieged:') and reported still YPG-held on
    10 March (a holding report of that day), stays with the SDF on the days the hull of
    Operation Olive Branch's captures around it would give it away (10, 13, 17 March), and
    falls with the capture that names it (18 March)."""
    import datetime as dt

    for day in ("2018-03-10", "2018-03-11", "2018-03-13", "2018-03-14", "2018-03-17"):
        assert tl.control_at("Afrin", day).holder == "sdf", day
    h = tl.control_at("Afrin", "2018-03-18")
    assert h.holder == "turkish-backed" and h.since == dt.date(2018, 3, 18)
    assert h.event is not None and h.event.kind == "capture" and h.event.place == "Afrin"
    # the siege is what keeps it on 13 and 17 March: without it the hull takes the city
    from geozones.control import ControlSurface

    s = tl._control.surface
    (pocket,), others = _this_siege(s, "2018-03-13", "2018-03-17")
    bare = ControlSurface(s.cells, s.parties, s.events, besieged=others)
    assert {bare.holder_names("2018-03-13")[i] for i in pocket} == {"turkish-backed"}


def _besieged_cells(tl, day) -> np.ndarray:
    """The cells of the spec's ``besieged:`` pockets in force on ``day``."""
    found = [
        cells
        for start, stop, cells in tl._control.surface.besieged
        if start <= day and (stop is None or day <= stop)
    ]
    return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)


def test_no_contact_line_rings_an_enclave(tl):
    """No contact line of any day, between any parties, closes around a pocket, unless a
    report describes the pocket as besieged (the spec's ``besieged:``).

    A ring in the line of all parties or of any pair encloses a besieged cell.
    """
    import itertools

    c = tl._control
    s = c.surface
    cells = s.cells
    assert len(tl.contact_lines) > 10
    pairs = [None, *itertools.combinations(s.parties, 2)]
    for day in s.days:
        kept = _besieged_cells(tl, day)
        for pair in pairs:
            line = c.contact_line(day, pair)
            for ring in (g for g in shapely.get_parts(line) if g.is_ring):
                inside = cells.covered_by(shapely.Polygon(ring))
                assert np.isin(inside, kept).any(), (day, pair, ring.centroid.coords[0])


@pytest.mark.xfail(
    strict=True,
    reason="groups of cells are ringed by other parties. Mare' and its villages "
    "(2016-08-23 to 2017-03-28, until the Euphrates Shield baseline of 29 March): the rebels "
    "held the Mare'-A'zaz road from 8 June 2016 (AFP, SOHR: Kafr Kalbin and Kaljibrin "
    "retaken), but no community lies on the road between Mare' and Kaljibrin, so in the cells "
    "Mare' reaches A'zaz only through Kafra (IS until the Euphrates Shield factions took it on "
    "2016-10-12, Enab Baladi; another party from then on) or Sheikh Issa (SDF): the cells are "
    "too coarse for the corridor, the holders and the pocket rule are right. Tiyara, Shamer "
    "and the village of Afrin, east of the Aleppo-Gaziantep road (opposition in the frame's "
    "Haritan subdistrict, 2016-08-23 to 2017-01-21, beside IS at Mran until the army took it "
    "on 2017-01-22, Alwaght; then ringed by the government alone, so the pocket rule gives "
    "them to it): no dated report of their capture was found (SANA names them government-held "
    "on 2017-02-20). Samuqa (Samuqet Aazaz, IS, 2016-10-25 to 2017-03-28), between the "
    "Euphrates Shield factions at Tweis (Reuters, 25 Oct 2016) and the opposition of Mare': "
    "no report naming it was found. IS villages west and south-west of al-Bab (Abla, Taanah, "
    "Eskar, Sheikh Kif, Um al-Amad, Tal Rahhal, Nayrabiyeh, Shaala; 2017-02-26 to "
    "2017-03-28) between the government at Mran and Tadaf, the Euphrates Shield factions at "
    "Daghelbash, Hazwan and Teltana and the opposition of Mare': no dated report of their "
    "capture was found (Southfront, undated, late January 2017: pro-Turkish groups 'retook "
    "control of the villages of Tell Rahhal and Kharabishah', 'This has not been confirmed'), "
    "until the Euphrates Shield baseline. A pocket "
    "bordering two or more other parties is not filled (the rule needs one party around it)",
)
def test_no_group_of_cells_is_ringed_by_other_parties(tl):
    """The same on the cells: no group of one holder has only other parties around it
    (no border, coast or unheld cell), unless it is a declared besieged pocket."""
    s = tl._control.surface
    cells = s.cells
    for k, day in enumerate(s.days):
        kept = _besieged_cells(tl, day)
        h = s.holders[k]
        group = cells.components(h)
        open_ = cells.outer | (h == -1)
        nb = cells.neighbours(np.flatnonzero(h == -1))
        open_[nb] = True  # a group beside an unheld cell is not ringed by a contact line
        free = np.zeros(len(h), dtype=bool)
        free[np.unique(group[open_ | np.isin(np.arange(len(h)), kept)])] = True
        enclaves = np.unique(group[(h != -1) & ~free[group]])
        assert not len(enclaves), (day, [cells.communities[g] for g in enclaves[:5]])


def test_the_contact_line_stays_on_land_and_off_the_borders(tl):
    from geozones import boundaries

    sy = boundaries.load("countries").set_index("pcode").geometry["SY"]
    edge = sy.boundary.buffer(0.002)
    for _, row in tl.contact_lines.iterrows():
        line = row.geometry
        assert line.intersection(edge).length < 0.02 * line.length + 0.01, row["start_date"]


def test_the_idlib_zone_follows_the_front(tl):
    zone = tl.features[tl.features["id"].str.startswith("idlib-zone-")]
    assert len(zone) > 20  # one feature per period of unchanged geometry
    # the zone never covers a cell the government holds that day
    starts = zone["start_date"].dt.date.astype(str).tolist()
    for day, geom in zip(starts, zone.geometry, strict=True):
        pt = geom.representative_point()
        assert tl.holders([pt.x], [pt.y], [day])[0] == "opposition"
    from geozones.projection import area_m2

    first, last = area_m2(zone.geometry.iloc[0]), area_m2(zone.geometry.iloc[-1])
    assert last < 0.8 * first


def test_the_southern_zone_leaves_out_the_golan_and_homs_has_rastan_and_houla(tl):
    from geozones import boundaries
    from geozones.projection import area_m2

    south = tl.features.set_index("id").geometry["southern-zone"]
    golan = boundaries.load("disputed").set_index("pcode").geometry["GOLAN"]
    assert area_m2(south.intersection(golan)) < 1e6  # was 1,240 km²
    assert not south.covers(shapely.Point(35.69, 32.99))  # Katzrin
    assert 2500e6 < area_m2(south) < 3500e6
    homs = tl.features.set_index("id").geometry["northern-homs-zone"]
    for town in ("Rastan", "Talbiseh", "Houla"):
        p = geozones.geocode(town, country="SY")
        assert homs.covers(shapely.Point(p.lon, p.lat)), town


def test_holders_is_vectorized_and_says_none_outside_the_table(tl):
    out = tl.holders(
        np.array([36.63, 36.63, 40.0]),
        np.array([35.93, 35.93, 35.0]),
        ["2020-03-15", "2010-01-01", "2020-03-15"],
    )
    assert out.tolist() == ["opposition", None, None]


def test_locate_says_who_held_the_place(capsys):
    import json

    from geozones.cli import main

    assert main(["locate", "Kafranbel", "--date", "2020-03-15"]) == 1  # in no zone that day
    out = capsys.readouterr().out
    assert "held by Syrian government and allies (government) since 2020-02-25" in out
    assert "https://" in out
    assert main(["locate", "Ariha", "--date", "2020-03-15", "--json"]) == 0
    held = json.loads(capsys.readouterr().out)["control"]
    assert held["holder"] == "opposition" and held["source"]["url"].startswith("http")
    main(["locate", "Ariha", "--json"])  # no date: no holder
    assert json.loads(capsys.readouterr().out)["control"] is None


def test_events_are_labelled_with_the_holder_of_their_cell(tl):
    import pandas as pd

    from geozones.analysis import label_holders

    ev = pd.DataFrame(
        {
            "event_date": ["2020-03-15", "2019-06-01", "2020-03-15"],
            "latitude": [35.6134, 35.6134, 33.5],
            "longitude": [36.5610, 36.5610, 36.3],
        }
    )
    out = label_holders(ev, tl)
    assert out["holder"].iloc[:2].tolist() == ["government", "opposition"]  # Kafranbel
    assert pd.isna(out["holder"].iloc[2])  # Damascus: outside the table


@pytest.mark.parametrize(
    "day,inside,rastan",
    [
        ("2017-08-03", True, "opposition"),
        ("2018-05-14", True, "opposition"),
        ("2018-05-15", True, "government"),
        ("2018-05-17", False, "government"),
    ],
)
def test_the_rastan_pocket_until_the_army_took_it(tl, day, inside, rastan):
    """The opposition's northern Homs pocket (Rastan, Talbiseh, Houla) is the northern Homs
    zone until the General Command declared it cleared on 16 May 2018 (DW 2018-05-04,
    SANA/AFP 2018-05-17); Homs is outside the control table, except Rastan, whose point
    lies in Hama's frame: opposition until the first report of full government control
    (an officer on state TV, 15 May: The New Arab)."""
    for town in ("Rastan", "Talbiseh"):
        found = geozones.locate(town, day, timeline=tl)
        assert ("northern-homs-zone" in set(found["id"])) is inside, town
    assert tl.control_at("Rastan", day).holder == rastan
    assert tl.control_at("Talbiseh", day).holder is None  # outside the table


#: Towns near the Idlib front whose holder the frame's whole subdistricts got wrong, as the
#: table's reports give it (place, day, holder): Khan Tuman (Jaish al-Fatah from 6 May 2016,
#: Al Jazeera, until 30 Jan 2020, Al-Masdar); Halfaya, Taybat al-Imam, Suran and Maardes in
#: the rebel offensive of 29 Aug 2016 (Reuters, EA WorldView, The New Arab), Suran and
#: Maardes back on 27 Oct 2016 (Alalam, SOHR), Suran and Khattab lost on 21-22 Mar 2017
#: (Al-Masdar, EA WorldView; Khattab back on 31 Mar, Al-Masdar), Suran
#: retaken on 16 Apr 2017, Taybat al-Imam on 20 Apr, Halfaya on 23 Apr 2017 (Reuters, Press TV).
CHANGES_OF_HANDS = [
    ("Khan Tuman", "2016-09-01", "opposition"),
    ("Khan Tuman", "2020-01-29", "opposition"),
    ("Khan Tuman", "2020-02-01", "government"),
    ("Halfaya", "2016-08-28", "government"),
    ("Halfaya", "2016-09-15", "opposition"),
    ("Halfaya", "2017-04-23", "government"),
    ("Taybat al-Imam", "2016-08-29", "government"),
    ("Taybat al-Imam", "2016-11-15", "opposition"),
    ("Taybat al-Imam", "2017-04-20", "government"),
    ("C3026", "2016-08-30", "government"),  # Suran (Hama)
    ("C3026", "2016-09-15", "opposition"),
    ("C3026", "2016-11-15", "government"),
    ("C3026", "2017-04-01", "opposition"),
    ("C3026", "2017-04-16", "government"),
    ("C3026", "2018-11-01", "government"),
    ("Taybat al-Imam", "2018-11-01", "government"),
    ("Khattab", "2017-03-21", "government"),  # taken on the offensive's second day
    ("Khattab", "2017-03-25", "opposition"),
    ("Khattab", "2017-03-31", "government"),
    ("Maardes", "2016-09-15", "opposition"),
    ("Maardes", "2017-01-01", "government"),
    ("Morek", "2018-11-01", "opposition"),  # the frame was right there: Morek fell in Aug 2019
]


@pytest.mark.parametrize("place,day,holder", CHANGES_OF_HANDS)
def test_towns_the_frame_got_wrong_change_hands_as_reported(tl, place, day, holder):
    assert tl.control_at(place, day).holder == holder
    if day >= "2017-05-04" and holder == "government":  # the Idlib zone: opposition ground
        assert not _in_zone(tl, place, day)
    if place in ("Taybat al-Imam", "C3026", "Morek") and day == "2018-11-01":
        assert _in_zone(tl, place, day) is (holder == "opposition")  # the outline has them


@pytest.mark.parametrize("name,code", [("Kafr Halab", "C1039"), ("Latamneh", "C3458")])
def test_control_at_reads_a_name_as_the_table_does(tl, name, code):
    """The reports' spellings of ``control: places`` ('Kafr Halab' = OCHA Kafr Aleppo, not
    Kafr Haya; 'Latamneh' = OCHA Latmana, not Latmin) give the cell of the code."""
    assert tl._control.place_alias(name) == code
    place = geozones.geocode(code, country="SY")
    for day in ("2019-08-15", "2020-01-01", "2020-03-10"):
        assert tl.control_at(name, day) == tl.control_at((place.lat, place.lon), day), day
    # the gazetteer alone differs: another place, or (since its guesses keep the name's
    # consonants, round 19) no guess at all
    try:
        alone = geozones.geocode(name, country="SY").source_id
    except geozones.UnknownPlaceError:
        alone = None
    assert alone != code
