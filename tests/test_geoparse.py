"""Geoparsing (issue 7): places, roads and dates in news text, with the real gazetteer."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geozones
from geozones.cli import main
from geozones.errors import InputError
from geozones.geoparse import Extraction, draft_spec, extract, write_draft_spec

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import eval_geoparse as ev  # noqa: E402
from eval_geoparse import parse as parse_marked  # noqa: E402

EVAL = sorted((ROOT / "benchmarks" / "geoparse_eval").glob("*.yaml"))


def _eval_text(name: str) -> tuple[str, list[dict], dt.date | None]:
    doc = yaml.safe_load((ROOT / "benchmarks" / "geoparse_eval" / name).read_text("utf-8"))
    text, gold = parse_marked(doc["text"])
    ref = doc.get("reference_date")
    return text, gold, dt.date.fromisoformat(ref) if isinstance(ref, str) else ref


def _places(text: str, **kw) -> list[tuple[str, str, str, str]]:
    ex = extract(text, **kw)
    return [(m.text, m.kind, m.place.name, m.place.country) for m in ex.places]


def _overlapping(ex: Extraction, needle: str, text: str) -> list:
    i = text.index(needle)
    return [m for m in ex.places if m.start < i + len(needle) and i < m.end]


# --------------------------------------------------------------------------- offsets


@pytest.mark.parametrize("path", EVAL, ids=[p.stem for p in EVAL])
def test_every_offset_points_at_the_mention_text(path):
    text, _, ref = _eval_text(path.name)
    ex = extract(text, reference_date=ref)
    assert ex.places and ex.dates
    for m in [*ex.places, *ex.roads, *ex.dates, *ex.entities]:
        assert text[m.start : m.end] == m.text, m
    for m in ex.places:
        assert m.start <= m.name_start < m.name_end <= m.end


def test_evaluation_set_meets_the_issue_targets():
    """The figures benchmarks/eval_geoparse.py prints: places ≥ 0.93 / 0.94 (today's
    figure), dates ≥ 0.8, no person/organisation/agency taken for a place."""
    tot = {"places": [0, 0, 0], "dates": [0, 0, 0]}
    confused = 0
    for path in EVAL:
        text, gold, ref = _eval_text(path.name)
        ex = extract(text, reference_date=ref)
        got = {
            "places": ev.score(
                ex.places, [g for g in gold if g["type"] in ("p", "r", "c")], ev.place_ok
            ),
            "dates": ev.score(
                ex.dates, [g for g in gold if g["type"] == "d"], lambda f, g: f.iso == g["value"]
            ),
        }
        for k, (tp, nf, ng, _) in got.items():
            tot[k] = [a + b for a, b in zip(tot[k], (tp, nf, ng), strict=True)]
        confused += sum(
            1 for m in ex.places for g in gold if g["type"] == "x" and ev.overlaps(m, g)
        )
    (pp, pr_), (dp, dr) = ev.pr(*tot["places"]), ev.pr(*tot["dates"])
    # round 24: 164 of 176 found right, 164 of 173 marked (0.932 / 0.948, this count keeps the
    # towns inside road names); the bound sits at today's figure so that a slide like rounds
    # 21-23's (two towns moved 100 km by an anchor that was not theirs) fails here
    assert pp >= 0.93 and pr_ >= 0.94, tot["places"]
    assert dp >= 0.8 and dr >= 0.8, tot["dates"]
    assert confused == 0


_FRAGMENTS = st.sampled_from(
    [
        "Saraqib", "al-Bab", "İdlib", "Ma'arrat al-Nu'man", "Jisr al-Shughur", "سراقب",
        "Putin", "Reuters", " ", ", ", ". ", "\n\n", "—", "–", "(", ")", "'s", "ş", "é",
        "western Aleppo countryside", "the M4", "Aleppo–Latakia highway", "5 March 2020",
        "on Friday", "00:01", "Mr Lavrov", "Ankara", "Syria's", "\u200f", "Tal Rifaat",
    ]
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_FRAGMENTS, min_size=1, max_size=25))
def test_offsets_are_exact_on_any_mix_of_names_punctuation_and_scripts(parts):
    text = "".join(parts)
    ex = extract(text, reference_date="2020-03-05")
    for m in [*ex.places, *ex.roads, *ex.dates, *ex.entities]:
        assert text[m.start : m.end] == m.text


def test_arabic_names_are_found_with_offsets_and_prose_words_are_not_places():
    text = "اتفاق وقف إطلاق النار في سراقب وإدلب"
    ex = extract(text)
    assert [(m.text, m.place.source_id) for m in ex.places] == [
        ("سراقب", "C3916"), ("إدلب", "SY07")]  # fmt: skip  # Idlib alone: the province (#16)
    for m in ex.places:
        assert text[m.start : m.end] == m.text  # "و" (and) is not part of Idlib


# --------------------------------------------------------------------------- not places

PERSON_TEXT = (
    "Foreign Minister Sergei Lavrov met his Turkish counterpart Mevlut Cavusoglu. "
    "Lavrov said Cavusoglu agreed. President Erdogan called Putin. Mr Bara, a local "
    "official, said Defence Minister Hulusi Akar and US envoy James Jeffrey would meet "
    "Secretary-General Antonio Guterres."
)


def test_persons_are_never_places_even_when_a_place_has_the_name():
    ex = extract(PERSON_TEXT)
    # "US envoy": the country that sends him, a noun (the real set's country guideline)
    assert [(m.text, m.kind) for m in ex.places] == [("US", "country")]
    persons = {e.text for e in ex.entities if e.kind == "person"}
    assert {"Sergei Lavrov", "Mevlut Cavusoglu", "Lavrov", "Cavusoglu", "Erdogan", "Putin",
            "Bara", "Hulusi Akar", "James Jeffrey", "Antonio Guterres"} <= persons  # fmt: skip
    # "Bara" is a village of Idleb: the same word after "in" is a place
    assert _places("Air strikes hit villages in Bara.")[0][2:] == ("Bara", "SY")


def test_village_names_that_are_a_persons_name_here():
    # Khaled, Mustafa and Ariha are all villages; Damascus and Ankara "said": governments
    text = ("Khaled Mustafa, a resident of Ariha, said shelling hit Saraqib. Mustafa said he "
            "fled. Damascus said the army advanced.")  # fmt: skip
    ex = extract(text)
    assert [m.text for m in ex.places] == ["Ariha", "Saraqib", "Damascus"]
    # "Khaled" is a given name: the pair is a person by that rule, "Mustafa" then its surname
    assert [(e.text, e.kind) for e in ex.entities] == [
        ("Khaled Mustafa", "person"),
        ("Mustafa", "person"),
    ]
    assert [m.text for m in extract("The flag flew over Daraa al-Balad.").places] == [
        "Daraa al-Balad"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Fighters of Hayat Tahrir al-Sham, Ahrar al-Sham and Faylaq al-Sham withdrew.",
        "Jabhat al-Nusra and the Free Syrian Army clashed; Jaysh al-Izza stayed out.",
        "The Syrian Democratic Forces and the National Front for Liberation agreed.",
        "Liwa al-Quds, the Hamza Division and the Sultan Murad Division moved in.",
        "The Idlib Free Police and the Aleppo Media Center published photos.",
        "Reuters, TASS, Anadolu, SANA and Al Jazeera reported it.",
        "The Hurriyet Daily News, the Washington Post and the Jordan Times reported it.",
        "The Syrian Observatory for Human Rights and the National Security Council said.",
    ],
)
def test_organisations_and_news_outlets_are_never_places(text):
    ex = extract(text)
    assert ex.places == [], [(m.text, m.place.name) for m in ex.places]
    assert ex.entities


def test_a_possessive_country_stays_out_of_the_organisation_after_it():
    ex = extract("Turkey's National Security Council met.")
    assert [(m.text, m.kind) for m in ex.places] == [("Turkey", "country")]
    assert [e.text for e in ex.entities] == ["National Security Council"]


def test_acronyms_of_organisations_are_not_places():
    text = ("The Government of National Accord (GNA) and the Libyan National Army (LNA) met "
            "in Geneva; the GNA said the LNA had left Sirte.")  # fmt: skip
    ex = extract(text, country_bias="LY")
    assert [(m.text, m.place.country) for m in ex.places] == [("Geneva", "CH"), ("Sirte", "LY")]
    assert [e.text for e in ex.entities if e.rule == "acronym"] == ["GNA", "LNA", "GNA", "LNA"]


def test_agency_acronym_only_in_capitals():
    # SANA the agency is written in capitals; the curated entry does not block other words
    ex = extract("SANA reported shelling.")
    assert [e.text for e in ex.entities] == ["SANA"] and ex.places == []


# --------------------------------------------------------------------------- resolution

FOREIGN = [
    "Ankara",
    "Tehran",
    "Geneva",
    "Moscow",
    "Sochi",
    "Astana",
    "Nur-Sultan",
    "Istanbul",
    "Beirut",
    "Amman",
    "Baghdad",
    "Cairo",
    "Washington",
    "Brussels",
    "Gaziantep",
]


@pytest.mark.parametrize("city", FOREIGN)
def test_cities_abroad_are_never_put_in_syria(city):
    for text in (f"Talks were held in {city} on Monday.", f"{city.upper()}, March 5 (Reuters) - "):
        found = [m for m in extract(text).places if m.name_start == text.find(city.upper()[0])
                 or text[m.start : m.end].lower() == city.lower()]  # fmt: skip
        assert found, text
        assert found[0].place.country != "SY", (text, found[0].place)
        assert found[0].kind == "place"


@pytest.mark.parametrize("name", ["Dar", "Busra", "Ada", "Balat", "Tiba", "Sala"])
def test_syrian_villages_beat_foreign_cities_known_by_another_name(name):
    # GeoNames lists these as alternate names of Dar es Salaam, Basrah, Adana, Jerusalem …
    got = _places(f"Shelling hit {name} on Monday.")
    assert len(got) == 1 and got[0][3] == "SY", got


def test_a_foreign_city_wins_by_its_own_name_or_when_its_country_is_named():
    assert _places("Talks were held in Doha.")[0][3] == "QA"
    got = _places("Talks were held in Dar, Tanzania.")
    assert got[0][2:] == ("Dar es Salaam", "TZ") and got[1][1] == "country"


def test_a_country_is_a_country_also_with_a_direction_or_possessive():
    got = _places("Russia, Iran, Lebanon and Kazakhstan; fighting in northern Syria; Syria's army.")
    assert [(k, c) for _, k, _, c in got] == [
        ("country", "RU"), ("country", "IR"), ("country", "LB"), ("country", "KZ"),
        ("country", "SY"), ("country", "SY"),
    ]  # fmt: skip
    assert got[-1][0] == "Syria"  # the possessive is not part of the name


def test_regions_are_areas_not_points():
    text = ("Shelling hit the western Aleppo countryside, southern Idlib, Jabal al-Zawiya "
            "and the Ghab plain.")  # fmt: skip
    ex = extract(text)
    got = {m.text: m for m in ex.places}
    assert set(got) == {"western Aleppo countryside", "southern Idlib", "Jabal al-Zawiya",
                        "Ghab plain"}  # fmt: skip
    assert all(m.kind == "region" for m in ex.places)
    aleppo = got["western Aleppo countryside"]
    assert aleppo.place.kind == "admin area" and aleppo.place.level == 1
    assert aleppo.direction == "western" and text[aleppo.name_start : aleppo.name_end] == "Aleppo"
    assert got["southern Idlib"].place.source_id == "SY07"


def test_city_or_governorate_from_context():
    ex = extract("Aleppo was calm. Aleppo province was not. Latakia, Hama and Idlib provinces.")
    city, prov, *provs = ex.places
    assert (city.kind, city.place.kind, city.place.source_id) == ("place", "populated place",
                                                                  "C1007")  # fmt: skip
    assert any(a.kind == "admin area" for a in city.alternatives)
    assert (prov.kind, prov.place.source_id) == ("region", "SY02")
    assert [(m.kind, m.place.level) for m in provs] == [("region", 1)] * 3


def test_ambiguous_names_prefer_the_place_near_the_others():
    # five communities are called Quneitra; among Idlib towns it is the Idleb one
    ex = extract("Shelling hit Saraqib, Ariha, Sarmin and Quneitra.")
    q = ex.places[-1]
    assert q.place.name == "Quneitra" and q.place.admin[1] == "Idleb"
    assert len(q.alternatives) >= 3 and q.place.score < 1.0


def test_place_inside_a_longer_name_belongs_to_it():
    text = "Traffic on the Aleppo–Latakia highway and the M5 (Aleppo–Hama) resumed."
    ex = extract(text)
    # the towns a road is named after are places too, and the road's ends (issue 16)
    assert [(m.text, m.kind) for m in ex.places] == [
        ("Aleppo", "place"),
        ("Latakia", "place"),
        ("Aleppo", "place"),
        ("Hama", "place"),
    ]
    assert [p.name for p in ex.roads[0].endpoints] == ["Aleppo", "Lattakia"]
    assert [(r.text, r.ref) for r in ex.roads] == [
        ("Aleppo–Latakia highway", "M4"), ("M5", "M5"), ("Aleppo–Hama", "M5")]  # fmt: skip
    zone = extract("inside the Idlib de-escalation zone").places[0]
    assert (zone.text, zone.kind, zone.place.source_id) == ("Idlib de-escalation zone", "zone",
                                                            "SY07")  # fmt: skip


def test_headlines_in_title_case_or_capitals_keep_their_places():
    got = _places("Russia And Turkey Agree New Ceasefire In Idlib Province\n\nThe deal holds.")
    assert [(t, k) for t, k, _, _ in got] == [
        ("Russia", "country"), ("Turkey", "country"), ("Idlib Province", "region")]  # fmt: skip
    got = _places("SHELLING HIT SARAQIB AND ARIHA ON MONDAY")
    assert [n for _, _, n, _ in got] == ["Saraqab", "Ariha"]  # not "Hit", a town in Iraq


def test_a_post_named_after_a_place_is_the_place():
    got = _places("Troops reached the Morek Observation Post.")
    assert [(t, n) for t, _, n, _ in got] == [("Morek", "Murak")]


def test_transliterations_and_unlisted_spellings():
    got = _places("Convoys reached Cerablus, Azez and Tal Rifaat, and camps near Atmeh.")
    assert [n for _, _, n, _ in got] == ["Jarablus", "Azaz", "Tall Refaat", "Atma"]


# --------------------------------------------------------------------------- dates


def _iso(text: str, **kw) -> list[tuple[str, str | None]]:
    return [(d.text, d.iso) for d in extract(text, **kw).dates]


def test_dates_from_the_wire_dateline():
    text = ("ANKARA, March 5 (Reuters) - The ceasefire starts at 00:01 on Friday. "
            "Talks were held on Wednesday and on 12 January; patrols start on 15 March. "
            "The protocol signed on 5 March 2020 extends the 2018 deal.")  # fmt: skip
    ex = extract(text)
    assert ex.reference_date == dt.date(2020, 3, 5)  # year from the text's full date
    assert [(d.text, d.iso) for d in ex.dates] == [
        ("March 5", "2020-03-05"),
        ("00:01 on Friday", "2020-03-06T00:01"),
        ("on Wednesday", "2020-03-04"),
        ("12 January", "2020-01-12"),
        ("15 March", "2020-03-15"),
        ("5 March 2020", "2020-03-05"),
        ("2018", "2018"),  # "the 2018 deal": a year, as the real set marks "a 1974 zone"
    ]
    assert ex.dates[0].dateline


def test_dates_from_a_published_line_and_periods():
    text = ("Published: 29 December 2016\n\nThe truce announced yesterday follows talks "
            "between 5 and 7 December, fighting in November and a deal of March 2016.")  # fmt: skip
    got = _iso(text)
    assert got == [
        ("29 December 2016", "2016-12-29"),
        ("yesterday", "2016-12-28"),
        ("5 and 7 December", "2016-12-05/2016-12-07"),
        ("November", "2016-11"),
        ("March 2016", "2016-03"),
    ]
    month = extract(text).dates[-1]
    assert (month.start_date, month.end_date) == (dt.date(2016, 3, 1), dt.date(2016, 3, 31))


def test_reference_date_wins_and_relative_dates_need_one():
    assert _iso("Fighting resumed on Monday.") == [("on Monday", None)]
    assert _iso("Fighting resumed on Monday.", reference_date="2020-03-05") == [
        ("on Monday", "2020-03-02")
    ]
    assert _iso("It ends from 5 March to 9 March 2020 and four days later it resumed.") == [
        ("5 March to 9 March 2020", "2020-03-05/2020-03-09"),
        ("four days later", "2020-03-13"),
    ]


def test_may_and_march_as_verbs_are_not_dates():
    assert _iso("Talks may resume; troops march on.") == []


# --------------------------------------------------------------------------- bad input


def test_bad_input_is_a_clear_error():
    with pytest.raises(InputError, match="str"):
        extract(b"Saraqib")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        extract("Saraqib", reference_date="last week")
    with pytest.raises(InputError, match="Extraction"):
        draft_spec("Saraqib")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- draft spec


def test_draft_spec_is_valid_yaml_in_the_spec_format_with_todos():
    from geozones.spec import check, load_yaml

    text, _, ref = _eval_text("01_moscow_protocol.yaml")
    draft = draft_spec(extract(text, reference_date=ref))
    doc = yaml.safe_load(draft)
    ag = doc["agreements"][0]
    assert ag["parties"] == ["Russia", "Turkey"] and ag["signed"] == "2020-03-05"
    feats = {f["id"]: f for f in ag["features"]}
    corridor = feats["m4-security-corridor"]["geometry"]["corridor"]
    assert corridor == {"road": "M4", "from": "Tromba", "to": "Ein Elhur", "width": "6 km"}
    assert feats["m4-patrol-route"]["geometry"]["along"]["to"] == "Ein Elhur"
    assert "TODO" in draft and "# Places found" in draft
    # the spec checker accepts it except where a person must choose
    errors = check(load_yaml(draft)).errors
    assert errors and all("TODO" in str(e) for e in errors)


def test_draft_spec_drafts_a_demilitarised_band_and_leaves_vague_dates_to_a_person():
    text, _, ref = _eval_text("02_sochi_memorandum.yaml")
    feats = {f["id"]: f for f in yaml.safe_load(draft_spec(extract(text)))["agreements"][0][
        "features"]}  # fmt: skip
    dmz = feats["demilitarised-zone"]
    assert dmz["kind"] == "demilitarized-zone" and dmz["start"] == "2018-09-17"
    assert dmz["geometry"]["band"]["width"] == "15-20 km"
    assert feats["m4"]["start"].startswith("TODO") and "2018" in feats["m4"]["start"]


def test_draft_spec_reads_parties_from_leaders_and_ends_from_between_and():
    text = (
        "MOSCOW, March 5 (Reuters) - Russian President Vladimir Putin and Turkish President "
        "Tayyip Erdogan agreed on Thursday a ceasefire in Syria's Idlib province. Patrols "
        "run from March 15 between the settlements of Trumba and Ain al-Havr on the M4."
    )
    ag = yaml.safe_load(draft_spec(extract(text, reference_date="2020-03-05")))["agreements"][0]
    assert ag["parties"] == ["Russia", "Turkey"]
    patrol = next(f for f in ag["features"] if f["kind"] == "patrol-route")
    assert patrol["geometry"]["along"] == {"road": "M4", "from": "Tromba", "to": "Ein Elhur"}
    assert patrol["start"] == "2020-03-15"


def test_a_finished_draft_compiles(tmp_path):
    from geozones.compiler import validate

    text, _, ref = _eval_text("01_moscow_protocol.yaml")
    draft = draft_spec(
        extract(text, reference_date=ref), name="Moscow protocol", url="https://example.org/a"
    )
    # what a person does: choose the kinds and name the timeline
    finished = re.sub(r"kind: '?TODO[^\n]*", "kind: operation-area", draft)
    finished = finished.replace("id: TODO-timeline-id", "id: draft-test")
    finished = re.sub(r"\bTODO\b:? *", "", finished)  # and resolves every other TODO
    path = tmp_path / "draft.yaml"
    path.write_text(finished, encoding="utf-8")
    spec, gdf, errors = validate(str(path))
    assert errors == []
    assert set(gdf["kind"]) == {"operation-area", "security-corridor", "patrol-route"}
    corridor = gdf[gdf["kind"] == "security-corridor"].to_crs(3857).geometry.iloc[0]
    assert corridor.geom_type in ("Polygon", "MultiPolygon") and corridor.area > 1e8


def test_draft_spec_of_a_text_with_nothing_is_still_valid_yaml():
    doc = yaml.safe_load(draft_spec(extract("Nothing to see here.")))
    assert doc["agreements"][0]["signed"].startswith("TODO")
    assert doc["agreements"][0]["features"] == []


def test_write_draft_spec_is_atomic(tmp_path, monkeypatch):
    out = tmp_path / "draft.yaml"
    out.write_text("previous\n")
    ex = extract("Moscow, 5 March 2020 — a ceasefire in the Idlib de-escalation zone.")

    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr("yaml.safe_dump", boom)
    with pytest.raises(RuntimeError):
        write_draft_spec(ex, str(out))
    assert out.read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.yaml"]


# --------------------------------------------------------------------------- CLI


def test_cli_json_and_spec(tmp_path, capsys):
    text, _, _ = _eval_text("01_moscow_protocol.yaml")
    src = tmp_path / "article.txt"
    src.write_text(text, encoding="utf-8")
    spec = tmp_path / "draft.yaml"
    assert main(["extract", str(src), "--json", "--date", "2020-03-05", "--spec", str(spec)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["reference_date"] == "2020-03-05"
    assert {"text": "Trumba", "start": text.index("Trumba")}.items() <= out["places"][4].items()
    assert out["places"][4]["place"]["source_id"] == "C3908"
    assert any(d["iso"] == "2020-03-06T00:01" for d in out["dates"])
    assert yaml.safe_load(spec.read_text("utf-8"))["agreements"][0]["features"]
    url = "https://example.org/moscow"
    assert main(["extract", str(src), "--spec", str(spec), "--url", url, "--name", "Moscow"]) == 0
    ag = yaml.safe_load(spec.read_text("utf-8"))["agreements"][0]
    assert (ag["id"], ag["name"], ag["sources"][0]["url"]) == ("moscow", "Moscow", url)


def test_cli_table_and_exit_codes(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("Talks in Geneva on 5 March 2020.", encoding="utf-8")
    assert main(["extract", str(src)]) == 0
    out = capsys.readouterr().out
    assert "'Geneva' → Geneva, CH" in out and "2020-03-05" in out
    empty = tmp_path / "e.txt"
    empty.write_text("nothing at all", encoding="utf-8")
    assert main(["extract", str(empty)]) == 1
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    assert main(["extract", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "not UTF-8" in err and len(err.strip().splitlines()) == 1
    assert main(["extract", str(tmp_path / "missing.txt")]) == 2
    assert main(["extract", str(src), "--date", "5/3/2020"]) == 2
    assert not (tmp_path / "draft.yaml").exists()


def test_public_api_is_lazy_exported():
    assert geozones.extract is extract and geozones.draft_spec is draft_spec
