"""The agreement spec: YAML loading with line numbers, and schema checks.

A spec is a YAML file::

    timeline: {id: idlib, name: Idlib agreements, description: ...}
    agreements:
      - id: moscow-2020
        name: Moscow Additional Protocol
        parties: [Russia, Turkey]
        signed: 2020-03-05
        sources: [{url: https://..., quote: "6 km deep to the north ..."}]
        features:
          - id: m4-corridor
            name: M4 security corridor
            kind: security-corridor
            start: 2020-03-06
            end: null
            confidence: approximate
            geometry: {corridor: {road: M4, from: Trumba, to: Ain al-Havr, width: 6 km}}

This module reads the file (keeping the line of every key and list item),
checks keys, dates, kinds and confidence levels, and returns a :class:`Spec`.
Geometry expressions are checked and evaluated by :mod:`geozones.compiler`.
Every problem is a :class:`~geozones.errors.SpecError` with the file, the
line and what to write instead.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._text import did_you_mean
from .errors import SpecError
from .kinds import CONFIDENCE, KINDS

# --- YAML with line numbers ---------------------------------------------------


class LineDict(dict):
    """A dict from YAML that remembers the line of itself and of each key."""

    line: int | None = None
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int | None:
        """Line of ``key`` (1-based), or of the mapping itself."""
        return getattr(self, "key_lines", {}).get(key, self.line)


class LineList(list):
    """A list from YAML that remembers the line of itself and of each item."""

    line: int | None = None
    item_lines: list[int]

    def line_of(self, index: int) -> int | None:
        """Line of item ``index`` (1-based), or of the list itself."""
        lines = getattr(self, "item_lines", [])
        return lines[index] if 0 <= index < len(lines) else self.line


def line_of(node: Any, key: Any = None) -> int | None:
    """Line (1-based) of ``key`` in a YAML mapping/list from :func:`load_yaml`, or of the node.

    ``None`` for plain Python values (no line known).

    Examples
    --------
    >>> line_of(load_yaml("a: 1\\nb: [x, y]\\n"), "b")
    2
    >>> line_of({"a": 1}, "a") is None
    True
    """
    if isinstance(node, (LineDict, LineList)):
        return node.line_of(key) if key is not None else node.line
    return None


def _make_loader() -> type:
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built with it

    class _Loader(base):  # type: ignore[valid-type,misc]
        pass

    # dates stay strings: we check them ourselves, with the line and a hint
    _Loader.yaml_implicit_resolvers = {
        ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(loader: Any, node: Any) -> LineDict:
        own = {id(k) for k, _ in node.value if k.tag != "tag:yaml.org,2002:merge"}
        loader.flatten_mapping(node)  # '<<: *anchor' entries first, so own keys override
        out = LineDict()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        seen: set = set()
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise SpecError("a key must be a plain word", line=line)
            if id(key_node) in own:
                if key in seen:
                    raise SpecError(
                        f"key {key!r} appears twice in the same mapping",
                        line=line,
                        hint=f"first at line {out.key_lines[key]}; keep one",
                    )
                seen.add(key)
            out[key] = loader.construct_object(value_node, deep=True)
            out.key_lines[key] = line
        return out

    def construct_sequence(loader: Any, node: Any) -> LineList:
        out = LineList(loader.construct_object(child, deep=True) for child in node.value)
        out.line = node.start_mark.line + 1
        out.item_lines = [child.start_mark.line + 1 for child in node.value]
        return out

    _Loader.add_constructor("tag:yaml.org,2002:map", construct_mapping)
    _Loader.add_constructor("tag:yaml.org,2002:seq", construct_sequence)
    return _Loader


_LOADER: type | None = None


def load_yaml(text: str, path: str | None = None) -> Any:
    """Parse YAML text into :class:`LineDict`/:class:`LineList` with line numbers.

    The text is bounded before any Python object is built: at most
    ``settings.max_spec_bytes`` characters, and once aliases (``*name``) are
    expanded at most ``settings.max_spec_nodes`` nodes, ``settings.max_spec_chars``
    characters of text and ``settings.max_spec_depth`` levels of nesting. An alias
    is built once and shared, so a small spec cannot grow into gigabytes.

    Raises
    ------
    SpecError
        On a YAML syntax error, a duplicate key or a spec beyond the bounds, with the line.

    Examples
    --------
    >>> d = load_yaml("a: 1\\nb:\\n  - x\\n")
    >>> d.line_of("b"), d["b"].line_of(0)
    (2, 3)
    """
    import yaml

    from . import settings

    global _LOADER
    if _LOADER is None:
        _LOADER = _make_loader()
    if len(text) > settings.max_spec_bytes:
        raise SpecError(
            f"the spec is longer than settings.max_spec_bytes ({settings.max_spec_bytes:,})",
            path=path,
            hint="split it into several timelines",
        )
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_bounds(node, path)
        return loader.construct_document(node)
    except SpecError as exc:
        raise SpecError(exc.message, path=path, line=exc.line, hint=exc.hint) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = " ".join(str(exc.problem or exc.context or "syntax error").split())
        raise SpecError(
            f"YAML syntax error: {problem}",
            path=path,
            line=line,
            hint="check the indentation and quote text containing ': ' or '#'",
        ) from None
    except yaml.YAMLError as exc:
        raise SpecError(f"YAML error: {' '.join(str(exc).split())}", path=path) from None
    finally:
        loader.dispose()


def _children(node: Any) -> list:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_bounds(root: Any, path: str | None) -> None:
    """Refuse a YAML node graph too big or too deep once its aliases are expanded.

    Walks each distinct node once (iteratively, so depth cannot exhaust the stack) and
    adds up, per node, the nodes, characters and depth of its expanded subtree.
    """
    from . import settings

    limits = (settings.max_spec_nodes, settings.max_spec_chars, settings.max_spec_depth)
    memo: dict[int, tuple[int, int, int]] = {}
    on_path: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        nid = id(node)
        kids = _children(node)
        if finished:
            sizes = [memo[id(k)] for k in kids]
            own = len(node.value) if isinstance(node.value, str) else 0
            total = (
                1 + sum(s[0] for s in sizes),
                own + sum(s[1] for s in sizes),
                1 + max((s[2] for s in sizes), default=0),
            )
            on_path.discard(nid)
            memo[nid] = total
            _refuse_beyond(total, limits, node, path)
            continue
        if nid in memo:
            continue
        if nid in on_path:
            raise SpecError(
                "an alias refers to the mapping or list that contains it",
                path=path,
                line=node.start_mark.line + 1,
                hint="a spec cannot contain itself; copy the part you need",
            )
        on_path.add(nid)
        stack.append((node, True))
        stack.extend((k, False) for k in kids if id(k) not in memo)


def _refuse_beyond(total: tuple, limits: tuple, node: Any, path: str | None) -> None:
    nodes, chars, depth = total
    max_nodes, max_chars, max_depth = limits
    line = node.start_mark.line + 1
    if depth > max_depth:
        raise SpecError(
            f"the spec nests mappings and lists more than {max_depth} levels deep",
            path=path,
            line=line,
            hint="write a flatter expression (union takes a list of any length)",
        )
    if nodes > max_nodes or chars > max_chars:
        what = f"{nodes:,} values" if nodes > max_nodes else f"{chars:,} characters"
        raise SpecError(
            f"the spec expands to {what} once its aliases (*name) are repeated",
            path=path,
            line=line,
            hint=f"the limits are {max_nodes:,} values and {max_chars:,} characters "
            "(settings.max_spec_nodes, settings.max_spec_chars); use fewer aliases",
        )


# --- values: dates, distances ---------------------------------------------------------

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

# --- the schema --------------------------------------------------------------------------

TOP_KEYS = {
    "timeline": False,
    "gazetteer": False,
    "boundaries": False,
    "roads": False,
    "parties": False,
    "control": False,
    "agreements": True,
}
#: ``gazetteer:``: countries whose GeoNames places to load, and the user's places files.
GAZETTEER_KEYS = {"countries": False, "files": False}
#: an item of ``gazetteer: files:`` (a bare path is the same as ``{path: ...}``).
PLACES_FILE_KEYS = {
    "path": True,
    "name_field": False,
    "lat_field": False,
    "lon_field": False,
    "layer": False,
}
#: an item of ``boundaries:``: an admin layer (geoBoundaries, OCHA COD …) of one level.
BOUNDARY_KEYS = {
    "path": True,
    "level": True,
    "layer": False,
    "name_field": False,
    "code_field": False,
}
#: an item of ``roads:``: a named line from a file (as ``geozones.gazetteer.load_road``).
ROAD_KEYS = {"path": True, "name": True, "aliases": False, "layer": False}
TIMELINE_KEYS = {"id": False, "name": False, "description": False, "country": False}
AGREEMENT_KEYS = {
    "id": True,
    "name": True,
    "kind": False,
    "parties": False,
    "signed": False,
    "sources": False,
    "notes": False,
    "features": False,
}
FEATURE_KEYS = {
    "id": True,
    "name": False,
    "kind": True,
    "start": True,
    "end": False,
    "confidence": True,
    "notes": False,
    "sources": False,
    "geometry": True,
}
SOURCE_KEYS = {
    "url": False,
    "quote": False,
    "summary": False,
    "title": False,
    "publisher": False,
    "published": False,
}

#: Kinds of agreement record (``kind:`` of an agreement). Only agreements and truces
#: are signed: an operation, offensive or capture carries no ``signed`` date.
AGREEMENT_KINDS = ("agreement", "truce", "operation", "offensive", "capture")
SIGNED_KINDS = ("agreement", "truce")

#: Source addresses must be web addresses: maps and exports turn them into links.
_URL_RE = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")


def suggest(word: Any, choices: Any) -> str:
    """A ``did you mean`` hint for ``word`` among ``choices`` (or the full list).

    The closest choice comes from :func:`geozones._text.did_you_mean`, the one
    "did you mean" helper of the package.

    Examples
    --------
    >>> suggest("confidance", ["confidence", "kind"])
    "did you mean 'confidence'?"
    """
    choices = list(choices)
    close = did_you_mean(str(word), [str(c) for c in choices], n=1, cutoff=60)
    if close:
        return f"did you mean {close[0]!r}?"
    return "use one of: " + ", ".join(map(str, choices))


@dataclass
class FeatureSpec:
    """One feature of a spec, checked (geometry still an expression)."""

    id: str
    name: str
    kind: str
    start: _dt.date
    end: _dt.date | None
    confidence: str
    notes: str
    sources: list[dict[str, str]]
    geometry: Any
    agreement: str
    agreement_name: str
    line: int | None = None
    start_precision: str = "day"
    end_precision: str = "day"


@dataclass
class Spec:
    """A checked spec: timeline metadata, agreements and features in file order."""

    path: str | None
    id: str
    name: str
    description: str
    country: str | None
    agreements: list[dict[str, Any]]
    features: list[FeatureSpec]
    errors: list[SpecError] = field(default_factory=list)
    #: the data the spec declares, checked: ``{"gazetteer": {"countries": [...], "files":
    #: [...]}, "boundaries": [...], "roads": [...]}`` (items are the YAML mappings, with lines)
    declared: dict[str, Any] = field(default_factory=dict)
    #: The ``parties:`` and ``control:`` tables as written (checked by the compiler's
    #: control step, issue #14), and their lines; None when absent.
    parties: Any = None
    parties_line: int | None = None
    control: Any = None
    control_line: int | None = None


class _Checker:
    """Walks the YAML tree and collects every problem, with its line."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.errors: list[SpecError] = []

    def error(self, message: str, line: int | None, hint: str = "") -> None:
        self.errors.append(SpecError(message, path=self.path, line=line, hint=hint))

    def keys(self, obj: Any, allowed: dict[str, bool], what: str, line: int | None) -> bool:
        """Check ``obj`` is a mapping with known keys and its required keys."""
        if not isinstance(obj, dict):
            self.error(
                f"{what} must be a mapping of keys, not {type(obj).__name__}",
                line,
                "write 'key: value' lines indented under it",
            )
            return False
        meant: set[str] = set()
        for key in obj:
            if key not in allowed:
                hint = suggest(key, allowed)
                meant.update(k for k in allowed if hint == f"did you mean {k!r}?")
                self.error(f"unknown key {key!r} in {what}", line_of(obj, key), hint)
        for key, required in allowed.items():
            if required and key not in meant and obj.get(key) in (None, ""):
                self.error(
                    f"{what} has no {key!r}", line_of(obj) or line, f"add '{key}: ...' to it"
                )
        return True

    def text(self, obj: Any, key: str, default: str = "") -> str:
        value = obj.get(key)
        if value is None:
            return default
        if isinstance(value, (dict, list)):
            self.error(
                f"{key!r} must be text",
                line_of(obj, key),
                "write it on one line, or use '|' for a block of text",
            )
            return default
        return str(value).strip()

    def ident(self, obj: Any, what: str) -> str:
        value = self.text(obj, "id")
        if value and not _ID_RE.match(value):
            self.error(
                f"{what} id {value!r} has spaces or signs",
                line_of(obj, "id"),
                "use letters, digits and - _ . : only, e.g. m4-corridor",
            )
        return value

    def date(self, obj: Any, key: str, *, end: bool = False) -> tuple[_dt.date | None, str]:
        """A checked date; an ``end`` in year 9999 (GIS data's "no end") is an open end."""
        value = obj.get(key)
        if value is None or value == "":
            return None, "day"
        try:
            day, precision = parse_date(value, end=end)
        except ValueError as exc:
            self.error(f"{key}: {exc}", line_of(obj, key))
            return None, "day"
        if end and day.year == OPEN_END_YEAR:
            return None, "day"
        if not FIRST_DATE <= day <= LAST_DATE:
            self.error(
                f"{key}: {value!r} is outside the dates geozones can draw "
                f"({FIRST_DATE} to {LAST_DATE})",
                line_of(obj, key),
                "for an open end write 9999-12-31 or leave 'end' out",
            )
            return None, "day"
        return day, precision

    def sources(self, obj: Any, what: str) -> list[dict[str, str]]:
        value = obj.get("sources")
        if value is None:
            return []
        if isinstance(value, (str, dict)):
            value = LineList([value])
            value.line = line_of(obj, "sources")
        if not isinstance(value, list):
            self.error(
                f"sources of {what} must be a list",
                line_of(obj, "sources"),
                "write '- url: https://...' items with an optional quote and title",
            )
            return []
        out = []
        for i, item in enumerate(value):
            if isinstance(item, str):
                item = {"url": item}
            elif not self.keys(item, SOURCE_KEYS, f"a source of {what}", line_of(value, i)):
                continue
            src = {k: self.text(item, k) for k in SOURCE_KEYS}
            src = {k: v for k, v in src.items() if v or k in ("url", "quote", "title")}
            problem = source_problem(src)
            if problem:
                self.error(
                    f"a source of {what} {problem}",
                    line_of(item, "url") if isinstance(item, LineDict) else line_of(value, i),
                    "cite the article that states the fact (a paraphrase goes in 'summary')",
                )
                continue
            if not (src["url"] or src["title"]):
                self.error(
                    f"a source of {what} has neither url nor title",
                    line_of(value, i),
                    "add 'url: https://...' (or a title for print)",
                )
            elif src["url"] and not _URL_RE.match(src["url"]):
                self.error(
                    f"source url {src['url'][:60]!r} of {what} is not a web address",
                    line_of(item, "url") if isinstance(item, LineDict) else line_of(value, i),
                    "write the full address starting with https:// (maps link to it)",
                )
                continue
            out.append(src)
        return out


def url_problem(url: str) -> str | None:
    """What is wrong with a source address (None: an article's address).

    A source must be an http(s) address with a path beyond the domain: a site's
    home page does not say where the fact is.

    Examples
    --------
    >>> url_problem("https://www.mfa.gov.tr/")
    'is a home page, not an article: cite the page that states the fact'
    >>> url_problem("https://www.syriahr.com/en/139035/") is None
    True
    """
    from urllib.parse import urlsplit

    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return "is not a web address"
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in text:
        return "is not a web address (http:// or https://)"
    if parts.path.strip("/") == "" and not parts.query:
        return "is a home page, not an article: cite the page that states the fact"
    return None


def shared_problem(fields: dict[str, Any]) -> str | None:
    """Whether a source cites the project's private ``../shared`` folder (None: it does not).

    Examples
    --------
    >>> shared_problem({"url": "../shared/data/AGREEMENTS-FACTS.md"})
    "cites '../shared', which a clone of the project does not have"
    """
    for value in fields.values():
        if isinstance(value, str) and re.search(r"(^|[\s/(])\.\./shared\b", value):
            return "cites '../shared', which a clone of the project does not have"
    return None


def source_problem(src: dict[str, Any]) -> str | None:
    """What is wrong with a checked source (None: fine): a home page, ``../shared``,
    or a ``published`` that is not a date.

    Examples
    --------
    >>> source_problem({"url": "https://english.alarabiya.net/", "quote": "x"})[:40]
    "url 'https://english.alarabiya.net/' is "
    """
    problem = shared_problem(src)
    if problem:
        return problem
    url = src.get("url") or ""
    if url:
        problem = url_problem(url)
        if problem and "home page" in problem:
            return f"url {url[:60]!r} {problem}"
    published = src.get("published") or ""
    if published and not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", published):
        return f"has published {published[:20]!r}, not a date (YYYY-MM-DD or YYYY-MM)"
    return None


def check(data: Any, path: str | None = None) -> Spec:
    """Check a parsed spec tree; the returned :class:`Spec` lists every problem in ``errors``.

    Examples
    --------
    >>> s = check(load_yaml("agreements: []"))
    >>> s.errors, s.features
    ([], [])
    """
    c = _Checker(path)
    stem = Path(path).stem if path else "timeline"
    spec = Spec(path, stem, stem, "", None, [], [])
    if data is None:
        c.error("the spec is empty", 1, "start with 'timeline:' and 'agreements:'")
        spec.errors = c.errors
        return spec
    if not c.keys(data, TOP_KEYS, "the spec", 1):
        spec.errors = c.errors
        return spec
    spec.parties, spec.parties_line = data.get("parties"), line_of(data, "parties")
    spec.control, spec.control_line = data.get("control"), line_of(data, "control")
    if spec.control is not None and not isinstance(spec.control, dict):
        c.error("'control' must be a mapping", spec.control_line, "write 'file:', 'baselines:' …")
    meta = data.get("timeline") or LineDict()
    if c.keys(meta, TIMELINE_KEYS, "timeline", line_of(data, "timeline")):
        spec.id = c.ident(meta, "timeline") or stem
        spec.name = c.text(meta, "name", spec.id)
        spec.description = c.text(meta, "description")
        spec.country = c.text(meta, "country") or None
    spec.declared = _check_declared(c, data)
    agreements: Any = data.get("agreements") or []
    if not isinstance(agreements, list):
        c.error(
            "'agreements' must be a list",
            line_of(data, "agreements"),
            "write '- id: ...' items under it",
        )
        agreements = []
    seen: dict[str, int | None] = {}
    agreement_lines: dict[str, int | None] = {}
    for i, ag in enumerate(agreements):
        line = line_of(agreements, i)
        if not c.keys(ag, AGREEMENT_KEYS, f"agreement #{i + 1}", line):
            continue
        ag_id = c.text(ag, "id")
        if ag_id and ag_id in agreement_lines:
            c.error(
                f"agreement id {ag_id!r} is used twice",
                line_of(ag, "id"),
                f"first used at line {agreement_lines[ag_id]}; ids must be unique",
            )
            continue
        agreement_lines[ag_id] = line_of(ag, "id")
        _check_agreement(c, ag, spec, seen)
    _check_todos(c, data)
    spec.errors = c.errors
    return spec


def _check_declared(c: _Checker, data: Any) -> dict[str, Any]:
    """Check the ``gazetteer:``, ``boundaries:`` and ``roads:`` blocks; return them normalised."""
    out: dict[str, Any] = {"gazetteer": {"countries": [], "files": []}}
    gz = data.get("gazetteer")
    if gz is not None and c.keys(gz, GAZETTEER_KEYS, "gazetteer", line_of(data, "gazetteer")):
        countries = gz.get("countries") or []
        countries = [countries] if isinstance(countries, str) else countries
        if not isinstance(countries, list) or not all(
            isinstance(x, str) and re.fullmatch(r"[A-Za-z]{2}", x) for x in countries
        ):
            c.error(
                "gazetteer countries must be a list of two-letter ISO codes",
                line_of(gz, "countries"),
                "write e.g. 'countries: [LY]'",
            )
            countries = []
        out["gazetteer"]["countries"] = [x.upper() for x in countries]
        out["gazetteer"]["files"] = _file_items(c, gz, "files", PLACES_FILE_KEYS, "a places file")
    for key, keys, what in (
        ("boundaries", BOUNDARY_KEYS, "a boundary layer"),
        ("roads", ROAD_KEYS, "a road"),
    ):
        out[key] = _file_items(c, data, key, keys, what)
    for item in out["boundaries"]:
        if not isinstance(item.get("level"), int) or not 0 <= item["level"] <= 5:
            c.error(
                f"boundary level must be a whole number 0 to 5, not {item.get('level')!r}",
                line_of(item, "level"),
                "1 for the first admin level (governorate, province …), 2 for the next",
            )
    return out


def _file_items(c: _Checker, obj: Any, key: str, keys: dict, what: str) -> list:
    """The items of a list of files (``- path: ...`` or a bare path), each checked."""
    value = obj.get(key)
    if value is None:
        return []
    if isinstance(value, (str, dict)):
        value = LineList([value])
        value.line = line_of(obj, key)
    if not isinstance(value, list):
        c.error(f"{key!r} must be a list", line_of(obj, key), "write '- path: ...' items")
        return []
    items = []
    for i, item in enumerate(value):
        if isinstance(item, str) and "path" in keys and "name" not in keys:
            item = LineDict(path=item)
            item.line = line_of(value, i)
            item.key_lines = {"path": item.line} if item.line is not None else {}
        if c.keys(item, keys, what, line_of(value, i)):
            if all(item.get(k) not in (None, "") for k, req in keys.items() if req):
                items.append(item)
    return items


def _check_todos(c: _Checker, data: Any) -> None:
    """Report every text still holding TODO (a draft from ``extract --spec`` not finished)."""
    stack: list[tuple[Any, int | None]] = [(data, line_of(data))]
    seen: set[int] = set()
    while stack:
        node, line = stack.pop()
        if isinstance(node, str):
            if _TODO_RE.search(node):
                c.error(
                    f"the spec still says {' '.join(node.split())[:60]!r}",
                    line,
                    "a draft is finished when no TODO is left: replace it with the value",
                )
            continue
        if id(node) in seen:
            continue
        if isinstance(node, dict):
            seen.add(id(node))
            stack.extend((v, line_of(node, k)) for k, v in reversed(list(node.items())))
        elif isinstance(node, list):
            seen.add(id(node))
            stack.extend((v, line_of(node, i)) for i, v in reversed(list(enumerate(node))))


def _check_agreement(c: _Checker, ag: LineDict, spec: Spec, seen: dict) -> None:
    ag_id = c.ident(ag, "agreement") or f"agreement-{len(spec.agreements) + 1}"
    what = f"agreement {ag_id!r}"
    signed, _ = c.date(ag, "signed")
    kind = c.text(ag, "kind", "agreement")
    if kind not in AGREEMENT_KINDS:
        c.error(
            f"unknown kind {kind!r} of {what}", line_of(ag, "kind"), suggest(kind, AGREEMENT_KINDS)
        )
    elif signed is not None and kind not in SIGNED_KINDS:
        c.error(
            f"{what} is a {kind}, which is not signed",
            line_of(ag, "signed"),
            "remove 'signed:' (only agreements and truces are signed)",
        )
        signed = None
    parties = ag.get("parties") or []
    if isinstance(parties, str):
        parties = [parties]
    record = {
        "id": ag_id,
        "name": c.text(ag, "name", ag_id),
        "parties": [str(p) for p in parties] if isinstance(parties, list) else [],
        "signed": signed,
        "kind": kind,
        "sources": c.sources(ag, what),
        "notes": c.text(ag, "notes"),
    }
    spec.agreements.append(record)
    features: Any = ag.get("features") or []
    if not isinstance(features, list):
        c.error(
            f"'features' of {what} must be a list",
            line_of(ag, "features"),
            "write '- id: ...' items under it",
        )
        return
    for j, ft in enumerate(features):
        line = line_of(features, j)
        if not c.keys(ft, FEATURE_KEYS, f"feature #{j + 1} of {what}", line):
            continue
        f = _check_feature(c, ft, record)
        if f is None:
            continue
        if f.id in seen:
            c.error(
                f"feature id {f.id!r} is used twice",
                line_of(ft, "id"),
                f"first used at line {seen[f.id]}; ids must be unique",
            )
            continue
        seen[f.id] = line_of(ft, "id")
        spec.features.append(f)


def _check_feature(c: _Checker, ft: LineDict, ag: dict) -> FeatureSpec | None:
    fid = c.ident(ft, "feature")
    what = f"feature {fid!r}"
    kind = c.text(ft, "kind")
    if kind and kind not in KINDS:
        c.error(f"unknown kind {kind!r} in {what}", line_of(ft, "kind"), suggest(kind, KINDS))
    confidence = c.text(ft, "confidence")
    if confidence and confidence not in CONFIDENCE:
        c.error(
            f"unknown confidence {confidence!r} in {what}",
            line_of(ft, "confidence"),
            suggest(confidence, CONFIDENCE),
        )
    start, start_prec = c.date(ft, "start")
    end, end_prec = c.date(ft, "end", end=True)
    if start and end and end < start:
        c.error(
            f"{what} ends ({end}) before it starts ({start})",
            line_of(ft, "end"),
            "the end is the last day in force: make it the start day or later",
        )
    sources = c.sources(ft, what) or list(ag["sources"])
    if not fid or not start or kind not in KINDS or confidence not in CONFIDENCE:
        return None
    return FeatureSpec(
        id=fid,
        name=c.text(ft, "name", fid),
        kind=kind,
        start=start,
        end=end,
        confidence=confidence,
        notes=c.text(ft, "notes"),
        sources=sources,
        geometry=ft.get("geometry"),
        agreement=ag["id"],
        agreement_name=ag["name"],
        line=line_of(ft),
        start_precision=start_prec,
        end_precision=end_prec,
    )


def read_spec(path: str | Path) -> tuple[Spec, bytes]:
    """Read and check a spec file; return the :class:`Spec` (with ``errors``) and its bytes.

    Raises
    ------
    SpecError
        When the file cannot be read or is not YAML (other problems are in ``errors``).

    Examples
    --------
    >>> spec, raw = read_spec(bundled_path())              # doctest: +SKIP
    """
    p = Path(path)
    try:
        raw = _read_bounded(p)
    except FileNotFoundError:
        raise SpecError(
            "no such spec file", path=str(p), hint="give the path of a .yaml spec"
        ) from None
    except OSError as exc:
        raise SpecError(f"cannot read the spec: {exc.strerror}", path=str(p)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SpecError(
            "the spec is not UTF-8 text", path=str(p), line=line, hint="save the file as UTF-8"
        ) from None
    data = load_yaml(text, str(p))
    return check(data, str(p)), raw


def _read_bounded(p: Path) -> bytes:
    """The bytes of a regular file of at most ``settings.max_spec_bytes`` (no FIFO, no device)."""
    import os
    import stat

    from . import settings

    st = os.stat(p)
    if not stat.S_ISREG(st.st_mode):
        raise SpecError(
            "the spec is not a regular file (a folder, FIFO or device)",
            path=str(p),
            hint="give the path of a .yaml spec",
        )
    limit = settings.max_spec_bytes
    with open(p, "rb") as fh:
        raw = fh.read(limit + 1)
    if len(raw) > limit:
        raise SpecError(
            f"the spec is larger than settings.max_spec_bytes ({limit:,} bytes)",
            path=str(p),
            hint="split it into several timelines, or raise the setting for a file you trust",
        )
    return raw


def bundled_path(name: str | None = None) -> Path:
    """Path of a bundled timeline spec (default ``settings.default_timeline``).

    Examples
    --------
    >>> bundled_path().name
    'north-west-syria.yaml'
    """
    from . import settings
    from ._io import data_path

    return data_path("timelines", f"{name or settings.default_timeline}.yaml")
