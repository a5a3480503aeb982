"""Control in a spec (issue #14): its ``parties:`` and ``control:`` table compiled into a
:class:`geozones.control.Control`, and the features that follow control.

A feature whose geometry uses ``held_by`` or ``contact_line`` without a fixed ``date``
(directly or through ``ref``) is built once per change day of control within its span,
and compiled into one row per period of unchanged geometry (ids end with the period's
first day). The operators themselves are in ``_ops_control``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

import shapely

from .. import boundaries, settings
from .._text import fold
from ..control import Control, ControlEvent, ControlSurface, load_cells
from ..control._table import (
    SOURCE_FIELDS,
    Row,
    build_events,
    event_cells,
    parse_day,
    parse_parties,
    read_rows,
)
from ..errors import SpecError
from ..spec import LineDict, shared_problem, suggest, url_problem
from ._context import Geometry, _Context, _line
from ._control_names import NameChecks, _table_place, _village
from ._evaluator import evaluate

#: Operators whose value depends on the day (unless given ``date:``).
DAY_OPS = ("held_by", "contact_line")
_SOURCE_KEYS = {"url", "title", "publisher", "published", "quote", "summary", "notes"}
#: Keys of the control table, of a baseline and of a siege.
CONTROL_KEYS = {"file", "events", "baselines", "besieged", "places"}
BASELINE_KEYS = {"date", "party", "area", "place", "reach", *_SOURCE_KEYS}
SIEGE_KEYS = {"place", "reach", "from", "to", *_SOURCE_KEYS}


def start_control(ctx: _Context) -> None:
    """Compile the spec's control table into ``ctx.control`` and mark the features that
    follow it (``ctx.dynamic``); nothing for a spec without one."""
    ctx.control = build_control(ctx)
    if ctx.control is not None:
        ctx.dynamic = dynamic_features(ctx.spec)
        cache: dict[int, bool] = {}

        def day_node(expr: Any) -> bool:
            if id(expr) not in cache:
                cache[id(expr)] = _uses_day(expr, ctx.dynamic)
            return cache[id(expr)]

        ctx.day_node = day_node


def build_control(ctx: _Context) -> Control | None:
    """The spec's compiled control table, or None without ``parties:``/``control:``.

    Raises
    ------
    SpecError
        For a bad party, baseline, siege or event, with its file and line.
    """
    spec = ctx.spec
    if spec.parties is None and spec.control is None:
        return None
    if spec.parties is None:
        raise ctx.error(
            "a 'control:' table needs 'parties:'",
            spec.control_line,
            "declare each party once: 'parties: {government: {colour: \"#c0392b\", label: …}}'",
        )
    parties = parse_parties(spec.parties, path=ctx.path, line=spec.parties_line)
    table = spec.control if isinstance(spec.control, dict) else LineDict()
    for key in table:
        if key not in CONTROL_KEYS:
            raise ctx.error(
                f"unknown key {key!r} in 'control'", _line(table, key), suggest(key, CONTROL_KEYS)
            )
    cells = load_cells()
    warned = NameChecks()  # ambiguous names: warned about once the table is read
    resolve = _resolver(ctx, table, warned)
    # baselines resolve with their own resolver: the table's "nearest to the previous row"
    # chain starts at its first row
    base = _baselines(
        ctx, _items(ctx, table, "baselines"), parties, cells, _resolver(ctx, table, warned)
    )
    sieges = _sieges(ctx, _items(ctx, table, "besieged"), cells, resolve)
    events = build_events(_rows(ctx, table), parties, cells, resolve, _subdistrict)
    warned.area(cells, base + events)
    warned.warn()
    surface = ControlSurface(cells, list(parties), base + events, besieged=sieges)
    resolve = control_answerer(spec, ctx.gazetteer)
    return Control(parties, surface, resolve=resolve, alias=control_aliases(spec))


def control_aliases(spec: Any) -> Callable[[str], str | tuple[float, float] | None]:
    """alias(name) → what the control table's ``places:`` gives a name (case and accents
    aside): a gazetteer code, a ``(lat, lon)`` pair, or None for a name it does not list.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> spec = NS(control={"places": {"Kafr Halab": "C1039", "Here": {"lat": 35, "lon": 36}}})
    >>> alias = control_aliases(spec)
    >>> alias("kafr halab"), alias("Here"), alias("Ariha")
    ('C1039', (35.0, 36.0), None)
    """
    table = spec.control if isinstance(spec.control, dict) else {}
    fixed = table.get("places") or {}
    aliases = {fold(str(k)): v for k, v in fixed.items()} if isinstance(fixed, dict) else {}

    def alias(name: str) -> str | tuple[float, float] | None:
        given = aliases.get(fold(name))
        if given is None or not isinstance(given, dict):
            return None if given is None else str(given)
        try:
            return float(given["lat"]), float(given["lon"])
        except (KeyError, TypeError, ValueError):
            raise SpecError(f"place {name!r} of 'control: places' needs lat and lon") from None

    return alias


def control_answerer(spec: Any, gazetteer: Any) -> Callable[[str], tuple[float, float, str | None]]:
    """answer(name) → (lon, lat, OCHA code or None) for the names given to ``control_at``:
    a name of the control table's ``places:`` first (``control_aliases``), as the table's
    rows read it, then the gazetteer (in the spec's country).

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> spec = NS(country="SY", control={"places": {"Here": {"lat": 35.0, "lon": 36.0}}})
    >>> control_answerer(spec, None)("here")
    (36.0, 35.0, None)
    """
    gz, alias = gazetteer, control_aliases(spec)
    opts = {"country": spec.country} if spec.country else {}

    def answer(name: str) -> tuple[float, float, str | None]:
        given = alias(name)
        if isinstance(given, tuple):
            return given[1], given[0], None
        place = gz.geocode(given or name, **opts)
        return float(place.lon), float(place.lat), _code(place)

    return answer


def _items(ctx: _Context, table: Any, key: str) -> list:
    value = table.get(key) or []
    if not isinstance(value, list):
        raise ctx.error(f"'control: {key}' must be a list", _line(table, key), "write '- …' items")
    return value


def _fields(node: Any) -> dict[str, str]:
    return {str(k): "" if v is None else str(v).strip() for k, v in node.items()}


def _code(place: Any) -> str | None:
    return place.source_id if place.source == "ocha-cod" else None


# --- the rows of the table ---------------------------------------------------------------


def _control_file(ctx: _Context, name: Any, line: int | None) -> Path:
    rel = PurePosixPath(str(name))
    if rel.is_absolute() or ".." in rel.parts or not str(name).lower().endswith(".csv"):
        raise ctx.error(
            f"control file {str(name)[:80]!r} must be a .csv beside the spec",
            line,
            "write e.g. 'file: my-timeline-control.csv' (no absolute path, no '..')",
        )
    base = Path(ctx.path).parent if ctx.path else Path.cwd()
    path = base / rel
    if not path.is_file():
        raise ctx.error(f"control file {str(name)!r} not found (looked in {base})", line)
    return path


def _rows(ctx: _Context, table: Any) -> list[Row]:
    rows = []
    if table.get("file"):
        path = _control_file(ctx, table["file"], _line(table, "file"))
        rows += read_rows(path, max_bytes=settings.max_spec_bytes)
    events = _items(ctx, table, "events")
    for i, ev in enumerate(events):
        if not isinstance(ev, dict):
            raise ctx.error("a control event must be a mapping", _line(events, i))
        rows.append(Row(_fields(ev), ctx.path, _line(ev) or _line(events, i)))
    return rows


def _resolver(ctx: _Context, table: Any, warned: NameChecks | None = None) -> Callable:
    """resolve(name, near, row) → (lon, lat, OCHA code or None) for the control table.

    A name of the table's ``places:`` mapping is replaced by its code or point first.
    A name that fits several places is read as the one nearest to the previous row's
    place: the rows of a table are in date order and an offensive moves from village to
    village (the first row must be unambiguous). A village of a reach is the one
    nearest to the event's place. A row's name that fits places kilometres apart, not
    pinned by ``places:``, is warned about (``_control_names``), once per name and choice.
    """
    fixed = table.get("places") or {}
    if not isinstance(fixed, dict):
        raise ctx.error(
            "'control: places' must map names to codes or points", _line(table, "places")
        )
    last: list[Any] = [None]  # (lon, lat, name, date) of the previous row's place
    seen: dict[tuple, Any] = {}
    checks = NameChecks() if warned is None else warned

    def resolve(name: str, near: Any, row: Row) -> tuple[float, float, str | None]:
        given, written = fixed.get(name), name
        if isinstance(given, dict):
            try:
                return _pinned(float(given["lon"]), float(given["lat"]))
            except (KeyError, TypeError, ValueError):
                raise ctx.error(
                    f"place {name!r} of 'control: places' needs lat and lon", _line(fixed, name)
                ) from None
        if given is not None:
            name = str(given)
        prev = last[0][:2] if last[0] is not None else None
        key = (name, near if near is not None else prev, near is None)
        if key not in seen:  # a table names its places again and again
            if near is None:
                seen[key], why = _table_place(ctx, name, row, last[0])
                if given is None:
                    checks.note(ctx, name, seen[key], row, why)
            else:
                seen[key] = _village(ctx, name, near, row)
        place = seen[key]
        if near is None:
            date = row.fields.get("date") or row.fields.get("from") or "?"
            last[0] = (float(place.lon), float(place.lat), written, date)
            checks.place(float(place.lon), float(place.lat))
        return float(place.lon), float(place.lat), _code(place)

    def _pinned(lon: float, lat: float) -> tuple[float, float, None]:
        checks.place(lon, lat)
        return lon, lat, None

    return resolve


def _subdistrict(name: str, row: Row) -> str:

    a3 = boundaries.load("admin3")
    hit = a3[(a3["pcode"].str.upper() == name.upper()) | (a3["name_en"].map(fold) == fold(name))]
    if len(hit) != 1:
        raise row.error(
            f"subdistrict {name!r} {'is ambiguous' if len(hit) else 'is not known'}",
            suggest(name, a3["name_en"].tolist()),
        )
    return str(hit["pcode"].iloc[0])


# --- baselines and sieges ----------------------------------------------------------------


def _source_of(ctx: _Context, node: Any, what: str) -> dict[str, str]:
    f = _fields(node)
    row = Row(f, ctx.path, _line(node))
    if not (f.get("quote") or f.get("summary")):
        raise row.error(f"{what} has neither quote nor summary", "add the report's words")
    if f.get("url"):
        problem = url_problem(f["url"])
        if problem:
            raise row.error(f"source url {f['url'][:80]!r} of {what} {problem}")
    problem = shared_problem(f)
    if problem:
        raise row.error(f"{what} {problem}", "cite the primary report")
    return {k: f[k] for k in SOURCE_FIELDS if f.get(k)}


def _checked(ctx: _Context, node: Any, keys: set[str], what: str, line: int | None) -> Row:
    if not isinstance(node, dict):
        raise ctx.error(f"a {what} must be a mapping", line)
    for key in node:
        if key not in keys:
            raise ctx.error(
                f"unknown key {key!r} in a {what}", _line(node, key) or line, suggest(key, keys)
            )
    return Row(_fields(node), ctx.path, line)


def _baselines(
    ctx: _Context, items: list, parties: dict, cells: Any, resolve: Callable
) -> list[ControlEvent]:
    """A baseline covers the cells of its ``area`` (a geometry expression), or those of
    a ``place`` and its ``reach`` (named villages, a radius, a subdistrict), as an event."""
    out = []
    for i, b in enumerate(items):
        line = _line(b) or _line(items, i)
        row = _checked(ctx, b, BASELINE_KEYS, "baseline", line)
        party = row.fields.get("party", "")
        if party not in parties:
            raise row.error(f"unknown party {party[:40]!r}", f"use one of: {', '.join(parties)}")
        if (b.get("area") is None) == (not row.fields.get("place")):
            raise row.error(
                "a baseline needs either 'area' or 'place' (with an optional 'reach')",
                "add 'area: <a geometry expression>' or 'place: <name>' and 'reach: A;B;C'",
            )
        if b.get("area") is not None:
            covered = cells.covered_by(evaluate(b["area"], ctx, _line(b, "area") or line))
        else:
            covered = event_cells(row, cells, resolve, _subdistrict)[0]
        out.append(
            ControlEvent(
                parse_day(row.fields.get("date", ""), row),
                party,
                covered,
                kind="baseline",
                place=f"baseline #{i + 1}",
                source=_source_of(ctx, b, "a baseline"),
            )
        )
    return out


def _sieges(ctx: _Context, items: list, cells: Any, resolve: Callable) -> list[tuple]:
    out = []
    for i, b in enumerate(items):
        line = _line(b) or _line(items, i)
        row = _checked(ctx, b, SIEGE_KEYS, "siege", line)
        if not row.fields.get("place") or not row.fields.get("from"):
            raise row.error("a siege needs 'place' and 'from' (and 'to')")
        _source_of(ctx, b, "a siege")
        covered, _, _ = event_cells(row, cells, resolve, _subdistrict)
        end = parse_day(row.fields["to"], row, "to") if row.fields.get("to") else None
        out.append((parse_day(row.fields["from"], row, "from"), end, covered))
    return out


# --- features that follow control --------------------------------------------------------


def _uses_day(expr: Any, dynamic: set[str]) -> bool:
    if isinstance(expr, dict):
        for op, arg in expr.items():
            if op in DAY_OPS and not (isinstance(arg, dict) and arg.get("date") is not None):
                return True
            if op == "ref" and str(arg) in dynamic:
                return True
            if _uses_day(arg, dynamic):
                return True
    elif isinstance(expr, list):
        return any(_uses_day(x, dynamic) for x in expr)
    return False


def dynamic_features(spec: Any) -> set[str]:
    """Ids of the features whose geometry depends on the day (directly or through refs)."""
    dynamic: set[str] = set()
    while True:
        more = {
            f.id for f in spec.features if f.id not in dynamic and _uses_day(f.geometry, dynamic)
        }
        if not more:
            return dynamic
        dynamic |= more


def periods(
    ctx: _Context, f: Any, feature_geometry: Callable
) -> list[tuple[_dt.date, _dt.date | None, Geometry]]:
    """A feature's geometry on each change day of control in its span, merged into periods
    of unchanged geometry; days on which it comes out empty are left out."""
    days = [f.start] + [
        d for d in ctx.control.days if f.start < d and (f.end is None or d <= f.end)
    ]
    out: list[list] = []
    leaves = _day_leaves(ctx, f.geometry, [], set())
    last: list[Any] | None = None
    for day in days:
        ctx.day, ctx.day_done = day, {}
        try:
            # the control operators of the day first (cheap: their results are cached
            # per run of unchanged holdings); all the same objects as the day before:
            # the feature is unchanged, so it is not rebuilt
            now = _leaf_values(ctx, leaves)
            if now is not None and last is not None and _all_same(now, last):
                continue
            last = now
            geom = feature_geometry(ctx, f.id, f.line)
        except SpecError as exc:
            if "comes out empty" not in exc.message:
                raise
            geom = None
        finally:
            ctx.day = None
        if out and _same(out[-1][2], geom):
            continue
        if out:
            out[-1][1] = day - _dt.timedelta(days=1)
        out.append([day, f.end, geom])
    return [(a, b, g) for a, b, g in out if g is not None]


def _day_leaves(ctx: _Context, expr: Any, out: list, seen: set[str]) -> list:
    """The control operators (without a fixed date) a feature's geometry uses on a day,
    through the features it refers to."""
    if isinstance(expr, dict):
        for op, arg in expr.items():
            if op in DAY_OPS and not (isinstance(arg, dict) and arg.get("date") is not None):
                out.append(expr)
            elif op == "ref" and str(arg) in ctx.dynamic and str(arg) not in seen:
                seen.add(str(arg))
                target = ctx.features.get(str(arg))
                if target is not None:
                    _day_leaves(ctx, target.geometry, out, seen)
            else:
                _day_leaves(ctx, arg, out, seen)
    elif isinstance(expr, list):
        for x in expr:
            _day_leaves(ctx, x, out, seen)
    return out


def _leaf_values(ctx: _Context, leaves: list) -> list[Any] | None:
    """The geometries of the day's control operators (None when one cannot be built:
    the feature is then always rebuilt, and reports the error itself)."""
    try:
        return [evaluate(node, ctx, _line(node)) for node in leaves]
    except SpecError:
        return None


def _all_same(now: list[Any], before: list[Any]) -> bool:
    return len(now) == len(before) and all(a is b for a, b in zip(now, before, strict=True))


def _same(a: Any, b: Any) -> bool:

    if a is None or b is None:
        return a is b
    return bool(shapely.equals_exact(shapely.normalize(a), shapely.normalize(b), 0.0))


class LazyControl:
    """A control table compiled on first use (a timeline loaded from the cache).

    Examples
    --------
    >>> LazyControl(lambda: None)._real is None
    True
    >>> LazyControl(lambda: None, alias=lambda n: "C1039").place_alias("Kafr Halab")
    'C1039'
    """

    def __init__(
        self,
        build: Callable[[], Any],
        alias: Callable[[str], str | tuple[float, float] | None] | None = None,
    ) -> None:
        self._build = build
        self._alias = alias
        self._real = None

    def place_alias(self, name: str) -> str | tuple[float, float] | None:
        """What the table's ``places:`` gives a name, without compiling the table (see
        ``Control.place_alias``).

        Examples
        --------
        >>> LazyControl(lambda: None).place_alias("x") is None
        True
        """
        return self._alias(name) if self._alias is not None else None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if self._real is None:
            self._real = self._build()
        return getattr(self._real, name)
