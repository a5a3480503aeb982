"""Values of a spec: dates (day or month precision, the drawable span) and distances."""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from typing import Any

_DATE_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\s*$")


def parse_date(value: Any, *, end: bool = False) -> tuple[_dt.date, str]:
    """Parse a spec date: ``YYYY-MM-DD`` or, when only the month is known, ``YYYY-MM``.

    A month-only date is the first day of the month for a start and the last
    day for an end (``end=True``); the returned precision (``"day"`` or
    ``"month"``) lets the compiler say so in the feature's notes.

    Raises
    ------
    ValueError
        With what was wrong (the caller adds the file and line).

    Examples
    --------
    >>> parse_date("2020-03-06")
    (datetime.date(2020, 3, 6), 'day')
    >>> parse_date("2020-10", end=True)
    (datetime.date(2020, 10, 31), 'month')
    """
    if isinstance(value, _dt.datetime):
        return value.date(), "day"
    if isinstance(value, _dt.date):
        return value, "day"
    m = _DATE_RE.match(str(value))
    if not m or isinstance(value, bool):
        raise ValueError(
            f"{value!r} is not a date; write YYYY-MM-DD (e.g. 2020-03-06), "
            "or YYYY-MM when only the month is known"
        )
    year, month = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12:
        raise ValueError(f"{value!r} has no month {month}; months run 01 to 12")
    if m.group(3) is None:
        day = calendar.monthrange(year, month)[1] if end else 1
        return _dt.date(year, month, day), "month"
    day = int(m.group(3))
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise ValueError(
            f"{value!r} is not a day of the calendar: "
            f"{calendar.month_name[month]} {year} has {last} days"
        )
    return _dt.date(year, month, day), "day"


_UNITS = {
    "m": 1.0,
    "metre": 1.0,
    "metres": 1.0,
    "meter": 1.0,
    "meters": 1.0,
    "km": 1000.0,
    "kilometre": 1000.0,
    "kilometres": 1000.0,
    "kilometer": 1000.0,
    "kilometers": 1000.0,
    "mi": 1609.344,
    "miles": 1609.344,
    "nm": 1852.0,
}
_NUM = r"(\d+(?:\.\d+)?|\.\d+)"
_DIST_RE = re.compile(rf"^\s*{_NUM}\s*(?:(?:-|–|—|to)\s*{_NUM})?\s*([a-z]*)\s*$", re.I)


def parse_distance(value: Any, *, allow_range: bool = False) -> tuple[float, float]:
    """Parse a distance: ``6 km``, ``6000 m``, ``6000`` (metres) or a range ``15-20 km``.

    Returns ``(low, high)`` in metres (equal for a single value).

    Raises
    ------
    ValueError
        On a negative, zero, malformed or (unless ``allow_range``) ranged value.

    Examples
    --------
    >>> parse_distance("6 km")
    (6000.0, 6000.0)
    >>> parse_distance("15–20 km", allow_range=True)
    (15000.0, 20000.0)
    """
    if isinstance(value, bool) or value is None:
        raise ValueError(f"{value!r} is not a distance; write e.g. 6 km, 6000 m or 6000")
    if isinstance(value, (int, float)):
        low = high = float(value)
    else:
        text = str(value).strip()
        if text.startswith("-"):
            raise ValueError(f"{value!r} is negative; a distance is positive, e.g. 6 km")
        m = _DIST_RE.match(text)
        if not m:
            raise ValueError(f"{value!r} is not a distance; write e.g. 6 km, 6000 m or 6000")
        unit = (m.group(3) or "m").lower()
        if unit not in _UNITS:
            raise ValueError(f"unknown unit {m.group(3)!r} in {value!r}; use km or m")
        low = float(m.group(1)) * _UNITS[unit]
        high = float(m.group(2)) * _UNITS[unit] if m.group(2) else low
        if m.group(2) and not allow_range:
            raise ValueError(f"{value!r} is a range; this distance takes one value, e.g. 6 km")
    if low <= 0 or high <= 0:
        raise ValueError(f"{value!r} is not positive; a distance is more than 0, e.g. 6 km")
    if high < low:
        raise ValueError(
            f"{value!r}: the range ends below its start; write low-high, e.g. 15-20 km"
        )
    return low, high


#: Dates a spec may use: the span of pandas' nanosecond timestamps, which maps and
#: exports are built on (1677-09-21 to 2262-04-11), in whole years.
FIRST_DATE = _dt.date(1678, 1, 1)
LAST_DATE = _dt.date(2261, 12, 31)
#: An ``end`` in this year (``9999-12-31``, GIS data's habit for "no end yet") is open.
OPEN_END_YEAR = 9999
#: A word left in a draft for the author to fill in (``geozones extract --spec``).
_TODO_RE = re.compile(r"\bTODO\b")
