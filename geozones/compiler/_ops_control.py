"""Control operators (issue #14): ``held_by`` (the area a party holds on the day) and
``contact_line`` (the line between holders on the day), from the spec's control table.

Both take the day of the feature period being built (see ``_control``), or a fixed
``date: YYYY-MM-DD``.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import shapely

from ..errors import SpecError
from ..spec import LineDict, parse_date, suggest
from ._context import Geometry, _Context, _line, _need
from ._evaluator import evaluate, op


def _control_of(ctx: _Context, name: str, line: int | None) -> Any:
    if ctx.control is None:
        raise ctx.error(
            f"'{name}' needs a control table",
            line,
            "declare 'parties:' and 'control:' at the top of the spec (see docs/spec.md)",
        )
    return ctx.control


def _day_of(ctx: _Context, arg: Any, name: str, line: int | None) -> _dt.date:
    if isinstance(arg, dict) and arg.get("date") is not None:
        try:
            day, _ = parse_date(arg["date"])
        except SpecError as exc:
            raise ctx.error(
                f"'{name}' date: {exc.message}", _line(arg, "date") or line, exc.hint
            ) from None
        return day
    if ctx.day is None:
        raise ctx.error(f"'{name}' has no day", line, "give 'date: YYYY-MM-DD'")
    return ctx.day


def _party(ctx: _Context, control: Any, value: Any, name: str, line: int | None) -> str:
    party = str(value)
    if party not in control.parties:
        raise ctx.error(
            f"unknown party {party[:40]!r} in '{name}'", line, suggest(party, list(control.parties))
        )
    return party


@op("held_by", {"party", "within", "date"})
def _op_held_by(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    """The area a party holds on the day: the union of its cells, only those whose
    interior point lies in ``within`` when given."""
    control = _control_of(ctx, "held_by", line)
    party = _party(ctx, control, _need(ctx, arg, "party", "held_by", line), "held_by", line)
    within = None
    if arg.get("within") is not None:
        key = ("held_by within", id(arg["within"]))
        if key not in ctx.memo:  # the cells of an outline: found once per compilation
            outline = evaluate(arg["within"], ctx, _line(arg, "within") or line)
            ctx.memo[key] = control.surface.cells.covered_by(outline)
        within = ctx.memo[key]
    return control.area(party, _day_of(ctx, arg, "held_by", line), within=within)


@op("contact_line", {"between", "within", "date"})
def _op_contact_line(ctx: _Context, arg: Any, line: int | None) -> Geometry:
    """The contact line of the day, only ``between`` two parties and ``within`` an area
    when given (empty when there is none)."""

    control = _control_of(ctx, "contact_line", line)
    arg = arg if isinstance(arg, dict) else LineDict()
    between = arg.get("between")
    if between is not None:
        if not (isinstance(between, list) and len(between) == 2):
            raise ctx.error(
                "contact_line 'between' takes two parties",
                _line(arg, "between") or line,
                "write 'between: [government, opposition]'",
            )
        between = tuple(
            _party(ctx, control, p, "contact_line", _line(arg, "between") or line) for p in between
        )
    lines = control.contact_line(_day_of(ctx, arg, "contact_line", line), between)
    if arg.get("within") is not None:
        area = evaluate(arg["within"], ctx, _line(arg, "within") or line)
        lines = shapely.intersection(lines, area)
    return lines
