"""A date found in a text: :class:`DateMention`, what the date finder returns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DateMention:
    """A date, period or time found in a text.

    Attributes
    ----------
    text : str
        The words as they stand in the text (``text == source[start:end]``).
    start, end : int
        Offsets into the original text.
    start_date, end_date : datetime.date or None
        The first and last day meant (equal for a single day); None when the
        text gives no year and no reference date is known.
    period : str
        ``day``, ``range``, ``week``, ``month``, ``months`` (a span of whole months named
        as one period, "from May 2015 to May 2016"), ``season``, ``year`` or ``time``.
    time : str or None
        A clock time ("00:01") when the text gives one.
    relative : bool
        Whether it was resolved against the reference date ("on Friday").
    dateline : bool
        Whether it is the article's own dateline.
    year_known : bool
        False when the year is a guess: the text gives none and neither the
        publication date nor the dateline's weekday settles it ("year unknown").
    """

    text: str
    start: int
    end: int
    start_date: dt.date | None
    end_date: dt.date | None
    period: str
    time: str | None = None
    relative: bool = False
    dateline: bool = False
    year_known: bool = True

    @property
    def resolved(self) -> bool:
        """Whether the calendar date is known."""
        return self.start_date is not None

    @property
    def iso(self) -> str | None:
        """ISO 8601 form: ``2020-03-05``, ``2020-03``, ``2020``, ``2020-03-05/2020-03-07``,
        ``2015-12/2016-12`` (a season or a span of months), ``2020-03-06T00:01``; None when
        unresolved."""
        s, e = self.start_date, self.end_date
        if s is None or e is None:
            return None
        if self.period == "month":
            return f"{s:%Y-%m}"
        if self.period in ("season", "months"):
            return f"{s:%Y-%m}/{e:%Y-%m}"
        if self.period == "year":
            return f"{s:%Y}" if s.year == e.year else f"{s:%Y}/{e:%Y}"  # "De 2014 à 2016"
        if s != e:
            return f"{s.isoformat()}/{e.isoformat()}"
        if self.time:
            return f"{s.isoformat()}T{self.time}"
        return s.isoformat()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "iso": self.iso,
            "start_date": self.start_date.isoformat() if self.start_date else None,
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "period": self.period,
            "time": self.time,
            "relative": self.relative,
            "dateline": self.dateline,
            "year_known": self.year_known,
        }
