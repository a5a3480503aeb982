"""How a feature's values are written out: one rule shared by maps and exports.

Every output (the HTML map's popups, GeoJSON, GeoPackage, KML, FlatGeobuf)
serializes the attribute values of a timeline's features through this module,
so they agree on what an empty value is:

- **text** (``id``, ``name``, ``kind``, ``agreement``, ``agreement_name``,
  ``confidence``, ``notes``) is always a ``str``; a missing value (``None``,
  ``NaN``, ``pd.NA``) is ``""``, never ``None``.
- **dates** (``start_date``, ``end_date``) are ``"YYYY-MM-DD"`` strings, or
  ``None`` where there is no date (an open end): ``null`` in JSON, an empty
  DATE field in a GeoPackage. There is no empty-string date.
- **sources** are a list of dicts with ``"url"``, ``"title"`` and ``"quote"``
  always (each a ``str``, ``""`` when missing, the URL stripped of
  surrounding blanks), then ``"summary"`` (a paraphrase where no verbatim
  quote is given), ``"publisher"`` and ``"published"`` (``YYYY-MM-DD``) only
  when the spec gives them; an entry with nothing in it is dropped.
- Text never carries a character that XML 1.0 cannot hold or at which GDAL
  cuts a string: NUL and the other C0 control characters except tab, line
  feed and carriage return, U+FFFE, U+FFFF and lone surrogates are removed.
  So a name reads the same in every format, and ``"A\\x00B"`` is not
  truncated to ``"A"`` in a GeoPackage.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .timeline import FEATURE_COLUMNS, to_date

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: The attribute columns of a feature, in output order (the timeline's feature
#: columns but the geometry).
COLUMNS: tuple[str, ...] = tuple(c for c in FEATURE_COLUMNS if c != "geometry")

#: The columns written as text (all but the dates and the sources).
TEXT_COLUMNS: tuple[str, ...] = tuple(
    c for c in COLUMNS if c not in ("start_date", "end_date", "sources")
)

#: The fields every written source has, in output order.
SOURCE_FIELDS: tuple[str, ...] = ("url", "title", "quote")

#: The fields a written source has only when the spec gives them, after those.
OPTIONAL_SOURCE_FIELDS: tuple[str, ...] = ("summary", "publisher", "published")

# characters XML 1.0 cannot carry at all, even escaped; GDAL also cuts text at NUL
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _missing(value: Any) -> bool:
    """True for None, NaN, NaT and pd.NA (not for containers)."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, (str, bytes, list, tuple, dict)):
        return False
    # pandas only when a value is neither None nor a plain type: import geozones stays fast
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # array-likes
        return False


def text(value: Any) -> str:
    """A text value as written: ``""`` when missing, unwritable characters removed.

    Parameters
    ----------
    value : Any
        A cell of a text column.

    Returns
    -------
    str

    Examples
    --------
    >>> text(None), text(float("nan")), text("Idlib\\x00 zone"), text(12)
    ('', '', 'Idlib zone', '12')
    """
    if _missing(value):
        return ""
    return _UNWRITABLE.sub("", value if isinstance(value, str) else str(value))


def iso_date(value: Any) -> str | None:
    """A date value as written: ``"YYYY-MM-DD"``, or ``None`` when there is none.

    Parameters
    ----------
    value : date, datetime, Timestamp, ISO string, None or NaT
        A cell of ``start_date`` or ``end_date``.

    Returns
    -------
    str or None

    Raises
    ------
    InputError
        A value that is not a date.

    Examples
    --------
    >>> import datetime
    >>> iso_date(datetime.datetime(2020, 3, 6, 12)), iso_date(None), iso_date("")
    ('2020-03-06', None, None)
    """
    if _missing(value) or (isinstance(value, str) and not value.strip()):
        return None
    return to_date(value).isoformat()


def sources(value: Any) -> list[dict[str, str]]:
    """A feature's sources as written: a list of ``{"url", "title", "quote"}`` strings.

    Accepts what a timeline holds (a list of dicts or of URLs), a single URL,
    or the JSON text of a list (as GDAL hands a ``sources`` field back).

    Parameters
    ----------
    value : list, str or None
        A cell of the ``sources`` column.

    Returns
    -------
    list of dict

    Examples
    --------
    >>> sources([{"url": " https://example.org/a ", "quote": "6 km"}, None, ""])
    [{'url': 'https://example.org/a', 'title': '', 'quote': '6 km'}]
    >>> import datetime
    >>> sources([{"url": "e.org", "summary": "signed", "published": datetime.date(2020, 3, 5)}])
    [{'url': 'e.org', 'title': '', 'quote': '', 'summary': 'signed', 'published': '2020-03-05'}]
    >>> sources('[{"url": "https://example.org/b", "title": null}]')
    [{'url': 'https://example.org/b', 'title': '', 'quote': ''}]
    """
    if isinstance(value, str) and value.lstrip().startswith("["):
        try:
            value = json.loads(value)
        except ValueError:
            pass
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        value = [] if _missing(value) else [value]
    out = []
    for item in value:
        entry = (
            _source(item)
            if isinstance(item, dict)
            else {"url": text(item), "title": "", "quote": ""}
        )
        entry["url"] = entry["url"].strip()
        if any(entry.values()):
            out.append(entry)
    return out


def _source(item: dict[str, Any]) -> dict[str, str]:
    entry = {k: text(item.get(k)) for k in SOURCE_FIELDS}
    for key in OPTIONAL_SOURCE_FIELDS:
        value = item.get(key)
        if key == "published" and not isinstance(value, str) and not _missing(value):
            value = iso_date(value)
        if not _missing(value) and text(value).strip():
            entry[key] = text(value)
    return entry


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """One dict of written values per feature, keys in `COLUMNS` order.

    Parameters
    ----------
    frame : DataFrame or GeoDataFrame
        Features with at least the `COLUMNS` (e.g. ``Timeline.features``).

    Returns
    -------
    list of dict
        Text as ``str``, dates as ``"YYYY-MM-DD"`` or ``None``, sources as a
        list of ``{"url", "title", "quote"}``.

    Examples
    --------
    >>> import geozones
    >>> records(geozones.load_timeline().features)[0]["start_date"]   # doctest: +SKIP
    '2017-05-06'
    """
    cols = {c: frame[c].tolist() for c in COLUMNS}
    convert: dict[str, Callable[[Any], Any]] = {c: text for c in TEXT_COLUMNS}
    convert.update(start_date=iso_date, end_date=iso_date, sources=sources)
    return [{c: convert[c](cols[c][i]) for c in COLUMNS} for i in range(len(frame))]


__all__ = [
    "COLUMNS",
    "TEXT_COLUMNS",
    "SOURCE_FIELDS",
    "OPTIONAL_SOURCE_FIELDS",
    "text",
    "iso_date",
    "sources",
    "records",
]
