"""Dates in a text: candidates by pattern, resolved against the article's own day.

The room holds everything the geoparser knows of dates and nothing of places:
month and weekday names of five languages and both Arabic month series
(``_words``), Eastern Arabic and Persian numerals (``_numerals``), the patterns
and their scan (``_patterns``, ``_scan``, ``_find``) with the tests that drop a
candidate ("may" the verb, a span of time, ``_filters``) and misspelled weekdays
(``_misspelled``), relative days, seasons and feasts (``_relative``,
``_seasons``, ``_hijri``), Arabic clock times (``_ar_times``), the article's own
date read from its dateline or its story (``_story``, ``_page_month``,
``_weekday_year``, ``_written_day``; a capitals dateline closed by a dash,
``_dateline_dash``; an embedded tweet's own date, ``_tweet``), the parts of a month
a text counts out and the days of a month named just before (``_month_parts``), two
months or years the text names as one period (``_periods``), and the
resolution of each mention to a day, a month, a
year or an interval (``_resolve``, ``_merge``) as a :class:`DateMention`
(``_mention``). :func:`extract_dates` (``_extract``) runs them in order.

Examples
--------
>>> import datetime as dt
>>> from geozones.geoparse.dates import extract_dates
>>> dates, ref = extract_dates("The truce began on 5 March 2020.", None)
>>> [d.iso for d in dates]
['2020-03-05']
"""

from ._dateline_dash import dateline_by_dash
from ._extract import DateMention, extract_dates

__all__ = ["DateMention", "dateline_by_dash", "extract_dates"]
