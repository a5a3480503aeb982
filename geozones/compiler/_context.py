"""The state of one compilation and the argument helpers every operator shares."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import SpecError
from ..projection import MAX_RADIUS_M, fit, lonlat_problem, metric_problem
from ..spec import LineDict, LineList, Spec, parse_distance

Geometry = Any


@dataclass
class _Context:
    """State of one compilation: the spec, the gazetteer, finished features, places used."""

    spec: Spec
    features: dict[str, Any]
    done: dict[str, Geometry] = field(default_factory=dict)
    stack: list[str] = field(default_factory=list)
    places: dict[tuple, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    feature_notes: dict[str, list[str]] = field(default_factory=dict)
    in_cycle: set[str] = field(default_factory=set)
    #: the :class:`~geozones.gazetteer.Gazetteer` names are looked up in
    gazetteer: Any = None
    #: admin layers the spec declares (``boundaries:``) and their index; None: the bundled
    admin_index: Any = None
    #: whether ``file:`` may open VRT and /vsi* network paths (``--online``)
    online: bool = False
    #: results by expression node: a sub-expression shared through a YAML alias is built once
    memo: dict[tuple, tuple[Any, Any, Geometry, list[str]]] = field(default_factory=dict)
    #: while the ends of a road stretch are resolved: the road (namesakes far off it lose)
    near: Any = None
    #: (south, west, north, east) of the places resolved so far (see ``_ops_names._spec_area``)
    resolved_box: Any = None
    #: how deep the evaluator is in nested expressions (bounded by settings.max_spec_depth)
    depth: int = 0
    #: control (issue #14): the spec's compiled control table, the day a feature that
    #: follows control is being built for, the ids of such features, their geometries of
    #: that day, and whether an expression node depends on the day (see ``_control``)
    control: Any = None
    day: Any = None
    dynamic: set[str] = field(default_factory=set)
    day_done: dict[str, Geometry] = field(default_factory=dict)
    day_node: Any = None

    @property
    def path(self) -> str | None:
        return self.spec.path

    def error(self, message: str, line: int | None, hint: str = "") -> SpecError:
        return SpecError(message, path=self.path, line=line, hint=hint)


def _line(node: Any, key: Any = None) -> int | None:
    if isinstance(node, (LineDict, LineList)):
        return node.line_of(key) if key is not None else node.line
    return None


def _need(ctx: _Context, arg: Any, key: str, op: str, line: int | None) -> Any:
    if not isinstance(arg, dict):
        raise ctx.error(
            f"'{op}' takes a mapping with '{key}'",
            _line(arg) or line,
            f"write '{op}: {{{key}: ...}}'",
        )
    value = arg.get(key)
    if value is None or value == "":
        raise ctx.error(f"'{op}' has no '{key}'", line or _line(arg), f"add '{key}: ...'")
    return value


def _distance(
    ctx: _Context, arg: dict, key: str, op: str, line: int | None, *, allow_range: bool = True
) -> float:
    """A distance in metres; a range is drawn at its mean and recorded in the notes."""
    value = _need(ctx, arg, key, op, line)
    try:
        low, high = parse_distance(value, allow_range=allow_range)
    except ValueError as exc:
        raise ctx.error(f"{op} {key}: {exc}", _line(arg, key) or line) from None
    if high > MAX_RADIUS_M:
        raise ctx.error(
            f"{op} {key} {_km(high)} is beyond the {_km(MAX_RADIUS_M)} within which "
            "distances are drawn accurately",
            _line(arg, key) or line,
            "geozones draws distances in a local projection; use a smaller distance, "
            "or draw the area from admin areas or a file",
        )
    if high != low:
        mid = (low + high) / 2.0
        ctx.notes.append(
            f"{op} {key} given as a range, {_km(low)}–{_km(high)}: drawn at the mean, {_km(mid)}"
        )
        return mid
    return low


def _fit(ctx: _Context, line: int | None, *geoms: Geometry, distance_m: float = 0.0) -> Any:
    """The local projection for metric work on ``geoms``, refusing what it cannot draw right."""
    problem = metric_problem(*geoms, distance_m=distance_m)
    if problem:
        raise ctx.error(
            f"cannot work in metres here: {problem}",
            line,
            "keep metric operators (buffer, band, corridor, hull) within about 1,000 km, "
            "away from the poles and the antimeridian",
        )
    return fit(*geoms)


def _check_lonlat(ctx: _Context, geom: Geometry, what: str, line: int | None) -> Geometry:
    """``geom`` when its coordinates are finite degrees on the globe, else a SpecError."""
    problem = lonlat_problem(geom)
    if problem:
        raise ctx.error(
            f"{what}: {problem}",
            line,
            "write longitude -180..180 and latitude -90..90, in degrees (EPSG:4326)",
        )
    return geom


def _km(metres: float) -> str:
    return f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"


def _list(ctx: _Context, arg: Any, op: str, line: int | None, *, min_len: int = 1) -> list:
    if not isinstance(arg, list) or len(arg) < min_len:
        raise ctx.error(
            f"'{op}' takes a list of at least {min_len} expression(s)",
            _line(arg) or line,
            f"write '{op}:' followed by '- ...' items",
        )
    return arg


def _spec_relative(ctx: _Context, rel: str) -> Path:
    """A path written in the spec: absolute, or relative to the spec's folder."""
    p = Path(rel)
    base = Path(ctx.path).parent if ctx.path and ctx.path != "<expression>" else Path.cwd()
    return p if p.is_absolute() else base / p
