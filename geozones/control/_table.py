"""The control table of a spec: parties, baselines and dated events, checked and resolved.

A spec declares its parties once::

    parties:
      government: {colour: "#c0392b", label: Syrian government and allies}
      opposition: {colour: "#27ae60", label: Syrian opposition factions}

and a ``control:`` table: baselines (a party holds an area as of a date) and events
(inline ``events:`` and/or a CSV ``file:`` beside the spec) with the columns of
:data:`CONTROL_COLUMNS`. Every event cites an article (``url`` with a path, ``title``,
``publisher``, ``published``) and a verbatim passage of it (``quote``); a paraphrase
goes in ``summary``.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import GeozonesWarning, SpecError
from ..projection import haversine_m
from ..spec import shared_problem, url_problem
from ._cells import Cells
from ._surface import ControlEvent

#: Columns of a control table (CSV header or keys of an inline event).
CONTROL_COLUMNS = (
    "date",
    "place",
    "party",
    "reach",
    "url",
    "title",
    "publisher",
    "published",
    "quote",
    "summary",
    "notes",
)
#: Columns every event must fill.
REQUIRED_COLUMNS = ("date", "place", "party", "url", "title", "publisher", "published")
#: Source fields kept with each event (shown in popups and ``control_at`` answers).
SOURCE_FIELDS = ("url", "title", "publisher", "published", "quote", "summary", "notes")

_PARTY_RE = re.compile(r"[a-z][a-z0-9-]{0,39}\Z")
_COLOUR_RE = re.compile(r"#[0-9a-fA-F]{6}\Z")
_RADIUS_RE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(km|m)\s*\Z", re.IGNORECASE)
#: Farthest a named village of a reach may lie from the event's place (metres).
VILLAGE_MAX_M = 25_000.0


@dataclass(frozen=True)
class Row:
    """One control event as written: its fields and where (file, line).

    Examples
    --------
    >>> Row({"date": "2020-01-28"}, "spec.yaml", 12).where
    'spec.yaml:12'
    """

    fields: dict[str, str]
    path: str | None
    line: int | None

    @property
    def where(self) -> str:
        """``file:line`` of the row (for messages).

        Examples
        --------
        >>> Row({}, None, 3).where
        '<spec>:3'
        """
        return f"{self.path or '<spec>'}:{self.line}" if self.line else (self.path or "<spec>")

    def error(self, message: str, hint: str = "") -> SpecError:
        """A SpecError pointing at this row.

        Examples
        --------
        >>> str(Row({}, "t.csv", 4).error("bad party", "use one of: a, b"))
        't.csv:4: bad party — use one of: a, b'
        """
        return SpecError(message, path=self.path, line=self.line, hint=hint)


class AmbiguousPlaceWarning(GeozonesWarning):
    """A name of the control table fits several places of the gazetteer, kilometres
    apart, and the spec's ``control: places`` does not pin it: the message gives the row,
    the candidates, the one chosen and why, and the line to add to pin it.

    Examples
    --------
    >>> issubclass(AmbiguousPlaceWarning, UserWarning)
    True
    """


def parse_parties(raw: Any, *, path: str | None = None, line: int | None = None) -> dict:
    """Check a spec's ``parties:`` mapping: name → ``{"colour": "#rrggbb", "label": str}``.

    Examples
    --------
    >>> parse_parties({"government": {"colour": "#C0392B", "label": "Government"}})
    {'government': {'colour': '#c0392b', 'label': 'Government'}}
    """
    if not isinstance(raw, dict) or not raw:
        raise SpecError(
            "'parties' must map each party's name to its colour and label",
            path=path,
            line=line,
            hint="write e.g. 'government: {colour: \"#c0392b\", label: Syrian government}'",
        )
    out: dict[str, dict[str, str]] = {}
    for name, spec in raw.items():
        name = str(name)
        if not _PARTY_RE.match(name):
            raise SpecError(
                f"party name {name[:40]!r} is not a short lower-case name",
                path=path,
                line=line,
                hint="use letters, digits and '-', e.g. 'turkish-backed'",
            )
        spec = spec if isinstance(spec, dict) else {}
        colour, label = str(spec.get("colour", "")), spec.get("label", name)
        if not _COLOUR_RE.match(colour):
            raise SpecError(
                f"party {name!r} has no colour #rrggbb (got {colour[:20]!r})",
                path=path,
                line=line,
                hint="add 'colour: \"#1f78b4\"'",
            )
        out[name] = {"colour": colour.lower(), "label": str(label)[:200]}
    return out


def check_row(row: Row, parties: dict) -> None:
    """Raise SpecError unless a control event is complete and cites an article.

    Examples
    --------
    >>> r = Row({"date": "2020-01-28", "place": "Maarat al-Numan", "party": "government",
    ...          "url": "https://example.org/a/1", "title": "t", "publisher": "p",
    ...          "published": "2020-01-28", "quote": "q"}, None, 2)
    >>> check_row(r, {"government": {}})
    """
    f = row.fields
    missing = [c for c in REQUIRED_COLUMNS if not f.get(c, "").strip()]
    if missing:
        raise row.error(f"control event lacks {', '.join(missing)}", "fill every source column")
    if not (f.get("quote", "").strip() or f.get("summary", "").strip()):
        raise row.error("control event has neither quote nor summary", "add the article's words")
    if f["party"] not in parties:
        raise row.error(f"unknown party {f['party'][:40]!r}", f"use one of: {', '.join(parties)}")
    problem = url_problem(f["url"])
    if problem:
        raise row.error(f"source url {f['url'][:80]!r} {problem}")
    problem = shared_problem(f)
    if problem:
        raise row.error(f"control event {problem}", "cite the primary report")
    for key in ("date", "published"):
        parse_day(f[key], row, key)


def parse_day(text: str, row: Row, key: str = "date") -> _dt.date:
    """A ``YYYY-MM-DD`` field of a row as a date.

    Examples
    --------
    >>> parse_day("2020-02-08", Row({}, None, 1))
    datetime.date(2020, 2, 8)
    """
    try:
        return _dt.date.fromisoformat(str(text).strip())
    except ValueError:
        raise row.error(f"{key} {str(text)[:30]!r} is not a date", "write YYYY-MM-DD") from None


def read_rows(path: Path, *, max_bytes: int) -> list[Row]:
    """The rows of a control CSV (UTF-8, header of :data:`CONTROL_COLUMNS`), with line numbers.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "c.csv"
    >>> _ = p.write_text("date,place,party\\n2020-01-28,Saraqib,government\\n")
    >>> read_rows(p, max_bytes=10_000)[0].line
    2
    """
    shown = path.name
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SpecError(
                f"control table {shown} has {size:,} bytes, more than {max_bytes:,}", path=shown
            )
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(f"cannot read control table {shown}: {exc}", path=shown) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    unknown = [h for h in header if h not in CONTROL_COLUMNS]
    if unknown or "date" not in header:
        raise SpecError(
            f"control table {shown} has columns {unknown or header}",
            path=shown,
            line=1,
            hint=f"use the columns {', '.join(CONTROL_COLUMNS)}",
        )
    rows = []
    for rec in reader:
        if rec.get(None):
            raise SpecError(
                "a row has more cells than the header", path=shown, line=reader.line_num
            )
        rows.append(Row({k: (v or "").strip() for k, v in rec.items()}, shown, reader.line_num))
    return rows


def parse_reach(text: str, row: Row) -> tuple[str, Any]:
    """How far an event reaches: ``("self", None)``, ``("radius", metres)``,
    ``("villages", [names])`` or ``("subdistrict", name)``.

    Examples
    --------
    >>> r = Row({}, None, 1)
    >>> parse_reach("", r), parse_reach("3 km", r), parse_reach("subdistrict:Saraqab", r)
    (('self', None), ('radius', 3000.0), ('subdistrict', 'Saraqab'))
    >>> parse_reach("Tronba; Afis", r)
    ('villages', ['Tronba', 'Afis'])
    """
    text = (text or "").strip()
    if not text:
        return "self", None
    m = _RADIUS_RE.match(text)
    if m:
        metres = float(m.group(1)) * (1000.0 if m.group(2).lower() == "km" else 1.0)
        if not 0 < metres <= 50_000:
            raise row.error(f"reach {text!r} is out of range", "write a radius up to 50 km")
        return "radius", metres
    if text.lower().startswith("subdistrict:"):
        return "subdistrict", text.split(":", 1)[1].strip()
    names = [n.strip() for n in text.split(";") if n.strip()]
    if len(names) > 100:
        raise row.error("reach names more than 100 villages", "split the event")
    return "villages", names


#: resolve(name, near) → (lon, lat, community code or None); raises SpecError.
Resolver = Callable[[str, "tuple[float, float] | None", Row], "tuple[float, float, str | None]"]


def event_cells(
    row: Row, cells: Cells, resolve: Resolver, subdistrict: Callable[[str, Row], str]
) -> tuple[np.ndarray, str, tuple[float, float]]:
    """The cells an event covers, the place's label and its point.

    ``resolve`` turns a name into ``(lon, lat, community code)``; ``subdistrict``
    a subdistrict name into its code.
    """
    place = row.fields["place"]
    lon, lat, code = resolve(place, None, row)
    own = _cell_of(cells, lon, lat, code)
    if own < 0:
        raise row.error(f"{place!r} lies outside the control cells", "name a place in the country")
    how, value = parse_reach(row.fields.get("reach", ""), row)
    found = [np.array([own])]
    if how == "radius":
        found.append(cells.within_m(lon, lat, value))
    elif how == "subdistrict":
        found.append(cells.in_admin3(subdistrict(value, row)))
    elif how == "villages":
        for name in value:
            vx, vy, vcode = resolve(name, (lon, lat), row)
            if haversine_m(lat, lon, vy, vx) > VILLAGE_MAX_M:
                raise row.error(
                    f"village {name!r} of the reach lies more than "
                    f"{VILLAGE_MAX_M / 1000:.0f} km from {place!r}",
                    "check the name, or write it as its own event",
                )
            found.append(np.array([_cell_of(cells, vx, vy, vcode)]))
    out = np.unique(np.concatenate(found))
    return out[out >= 0], place, (lon, lat)


def _cell_of(cells: Cells, lon: float, lat: float, code: str | None) -> int:
    if code:
        k = cells.of_community(code)
        if k is not None:
            return k
    return int(cells.locate([lon], [lat])[0])


def build_events(
    rows: list[Row],
    parties: dict,
    cells: Cells,
    resolve: Resolver,
    subdistrict: Callable[[str, Row], str],
) -> list[ControlEvent]:
    """Check and resolve control rows into events (in the order written).

    Raises
    ------
    SpecError
        At the first bad row, with its file and line.
    """
    out = []
    for row in rows:
        check_row(row, parties)
        covered, place, at = event_cells(row, cells, resolve, subdistrict)
        source = {k: row.fields.get(k, "") for k in SOURCE_FIELDS if row.fields.get(k, "")}
        out.append(
            ControlEvent(
                parse_day(row.fields["date"], row),
                row.fields["party"],
                covered,
                kind="capture",
                place=place,
                reach=row.fields.get("reach", ""),
                source=source,
                at=at,
            )
        )
    return out
