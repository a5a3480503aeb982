"""Round 11 of issue 16: rules learnt from heldout10's misses (passages 172-195), each
tested on the real sentence that showed it."""

from __future__ import annotations

import geozones


def test_a_name_with_a_political_adjective_is_a_force_not_the_country():
    # Radio al-Kul, Deir ez-Zor (192): the SDF's short name "سوريا الديمقراطية" in quotes
    # came out twice as Syria; the country after a compass word stays a place
    ex = geozones.extract(
        "قتلى وجرحى من “سوريا الديمقراطية” على يد “داعش” بدير الزور\n"
        'تشهد مناطق سيطرة "قوات سوريا الديمقراطية" في شمال شرقي سوريا، استنفاراً أمنياً.'
    )
    starts = [m.start for m in ex.places if m.place.kind == "country"]
    assert len(starts) == 1 and ex.text[starts[0] :].startswith("شمال شرقي سوريا")
    assert all("الديمقراطية" not in m.text for m in ex.places)
