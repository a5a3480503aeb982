"""The trained "is this really a place?" filter on Arabic mentions (issue #16, round 21)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from _files import digest

import geozones
from geozones.geoparse import _extract
from geozones.geoparse.places import _place_model as pm

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "data" / "geoparse" / "place_model.json"


def _unfiltered(monkeypatch, text: str) -> list[str]:
    """The extractor's places with the filter switched off: what it weighs."""
    with monkeypatch.context() as m:
        m.setattr(_extract, "drop_unlikely_places", lambda text, places: places)
        return [p.text for p in geozones.extract(text).places]


def _found(text: str) -> list[str]:
    return [p.text for p in geozones.extract(text).places]


def test_the_model_file_holds_a_weight_per_feature_and_its_provenance():
    raw = json.loads(MODEL.read_text(encoding="utf-8"))
    assert raw["features"] == list(pm.FEATURES)
    assert len(raw["weights"]) == len(raw["mean"]) == len(raw["scale"]) == len(pm.FEATURES)
    assert 0.0 < raw["threshold"] < 1.0
    assert len(raw["extractor_commit"]) == 40
    assert raw["examples"]["places"] > 1000 and raw["examples"]["not_places"] > 200
    zipf = pm._model()["zipf"]
    assert zipf["الثوره"] > zipf["الصدد"] > 3.5  # normalised words, by frequency
    assert "سراقب" not in zipf


def test_a_common_noun_in_construct_is_dropped(monkeypatch):
    # passage 353: "لم تحدد هوية منفذها" (its perpetrator's identity was not given); هوية is
    # also a village (Elhawiyeh) that the extractor's rules take
    text = (
        "وقتلت غارات جوية، لم تحدد هوية منفذها، 11 شخصا في قرية تقع تحت سيطرة التنظيم، "
        'وإن لم يتضح إن كان لهذا صلة بتقدم قوات "سوريا الديمقراطية".'
    )
    assert "هوية" in _unfiltered(monkeypatch, text)
    assert "هوية" not in _found(text)


def test_an_adjective_after_a_definite_noun_is_dropped(monkeypatch):
    # passage 385: "القبة الحديدة" (the Iron Dome), not the village Hadideh
    text = (
        "وفي الجهة المقابلة أعلن الجيش الإسرائيلي في بيان، أن صافرات إنذار أطلقت في منطقة "
        "هضبة الجولان، وتم اعتراض 4 صواريخ من أراضي سوريا بواسطة القبة الحديدة، وتم "
        "إسقاطها خارج إسرائيل بحسب زعمها ."
    )
    assert "الحديدة" in _unfiltered(monkeypatch, text)
    assert _found(text) == ["منطقة هضبة الجولان", "سوريا", "إسرائيل"]


def test_listed_villages_with_common_word_names_stay():
    # passage 95: فطيرة (a pie) is a village of Jabal al-Zawiya, listed among others
    text = (
        'وقالت مصادر للمعارضة السورية أن مقاتلات روسية قصفت بلدة "كفرنبل" وقرى "فطيرة" '
        'و"دركوش" و"حاس" في إدلب'
    )
    assert _found(text) == ["كفرنبل", "فطيرة", "دركوش", "حاس", "إدلب"]


def test_a_settlement_noun_keeps_the_name_whatever_the_model_says():
    # passage 165: "بلدة “الصورة”" (the town of as-Sura; الصورة is "the picture")
    text = "كما تعرضت بلدة “الصورة” لقصف جوي من المقاتلات الروسية"
    places = geozones.extract(text).places
    assert [p.text for p in places] == ["الصورة"]
    assert pm.drop_unlikely_places(text, places, threshold=1.0) == places
    idx, rows = pm.feature_rows(text, places)
    assert pm.strong_cue(rows[0]) and pm.probabilities(rows)[0] < 0.99


def test_latin_script_and_countries_are_not_weighed():
    text = "Russian jets struck Saraqib and Kafranbel in Idlib; Turkey protested. تركيا"
    places = geozones.extract(text).places
    idx, rows = pm.feature_rows(text, places)
    assert idx == [] and rows.shape == (0, len(pm.FEATURES))
    assert pm.drop_unlikely_places(text, places, threshold=1.0) == places


def test_features_of_a_text_of_thousands_of_names_stay_linear():
    # the nearness feature compares each mention with a window of neighbours, not all pairs
    text = "، ".join(["سراقب", "كفرنبل", "معرة النعمان", "أريحا"] * 500)
    places = geozones.extract(text).places
    assert len(places) > pm.NEAR_ALL
    idx, rows = pm.feature_rows(text, places)
    assert rows.shape == (len(idx), len(pm.FEATURES)) and np.isfinite(rows).all()
    near = rows[:, pm.FEATURES.index("near_km")]
    assert near.max() < 2.0  # every town has a neighbour named close by


@pytest.mark.slow
def test_the_training_script_rebuilds_the_committed_model(tmp_path):
    pytest.importorskip("wordfreq")
    raw = json.loads(MODEL.read_text(encoding="utf-8"))
    head = subprocess.run(
        ["git", "log", "-1", "--format=%H", "--", "geozones",
         ":(exclude)geozones/geoparse/places/_place_model.py"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    ).stdout.strip()  # fmt: skip
    if not head or head != raw["extractor_commit"]:
        pytest.skip("the extractor changed since the model was trained: retrain it")
    out = tmp_path / "place_model.json"
    res = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_place_model.py"), "--out", str(out)],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr[-2000:]
    assert digest(out) == digest(MODEL)
