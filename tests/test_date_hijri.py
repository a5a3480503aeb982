"""The feast table of geoparse/dates/_hijri.py agrees with the Umm al-Qura calendar of
hijridate, the library it was generated with (hijridate is a test dependency only: the
package ships the 49-year table and needs nothing at run time)."""

from __future__ import annotations

import datetime as dt

import pytest

from geozones.geoparse.dates._hijri import _spans, feast_days

hijridate = pytest.importorskip("hijridate")


def _gregorian(year: int, month: int, day: int) -> dt.date:
    return hijridate.Hijri(year, month, day).to_gregorian()


@pytest.mark.parametrize("hijri_year", range(1410, 1460))
def test_table_matches_umm_al_qura(hijri_year: int) -> None:
    ramadan = _gregorian(hijri_year, 9, 1)
    fitr = _gregorian(hijri_year, 10, 1)
    adha = _gregorian(hijri_year, 12, 10)
    by_start = {s[0]: s for s in _spans("ramadan")}
    assert by_start[ramadan][1] == fitr - dt.timedelta(days=1)
    assert fitr in {s[0] for s in _spans("fitr")}
    assert adha in {s[0] for s in _spans("adha")}


def test_eid_al_adha_2019_is_its_four_days() -> None:
    # 10 Dhu al-Hijjah 1440 = 11 August 2019 (Umm al-Qura), four days of feast
    assert feast_days("adha", 2019, None) == (dt.date(2019, 8, 11), dt.date(2019, 8, 14))
