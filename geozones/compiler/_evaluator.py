"""The expression evaluator and the operator registry.

An operator family is one module ``geozones/compiler/_ops_<family>.py`` that registers its
operators with :func:`op`; :func:`load_families` imports every such module of the package, so
a new family needs no change anywhere else.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import settings
from ..spec import suggest
from ._context import Geometry, _Context, _line

#: operator -> (handler, allowed keys of its mapping argument or None)
OPS: dict[str, tuple[Callable[[_Context, Any, int | None], Geometry], set[str] | None]] = {}


def op(name: str, keys: set[str] | None = None) -> Callable:
    """Register the decorated function as the operator ``name`` (``keys``: its allowed keys).

    Examples
    --------
    >>> @op("nothing")                                           # doctest: +SKIP
    ... def _op_nothing(ctx, arg, line):
    ...     return shapely.Point()
    """

    def deco(fn: Callable) -> Callable:
        OPS[name] = (fn, keys)
        return fn

    return deco


def evaluate(expr: Any, ctx: _Context, line: int | None = None) -> Geometry:
    """Evaluate a parsed geometry expression in a compilation context (internal).

    Use :func:`compile_expression` from outside a spec.
    """
    if isinstance(expr, str):  # a bare name is a place
        return OPS["place"][0](ctx, expr, line)
    if not isinstance(expr, dict) or len(expr) != 1:
        got = (
            "nothing"
            if expr is None
            else (
                f"{len(expr)} keys ({', '.join(map(str, expr))})"
                if isinstance(expr, dict)
                else type(expr).__name__
            )
        )
        raise ctx.error(
            f"a geometry expression must be a mapping with one operator, got {got}",
            _line(expr) or line,
            "write e.g. 'place: Saraqib' or 'buffer: {of: {place: Saraqib}, "
            "distance: 5 km}'; operators: " + ", ".join(OPS),
        )
    # a node whose value depends on the day (held_by, contact_line …) is memoised per day
    day = (
        ctx.day if ctx.day is not None and ctx.day_node is not None and ctx.day_node(expr) else None
    )
    key = (id(expr), id(ctx.near), day)
    hit = ctx.memo.get(key)
    if hit is not None:
        ctx.notes.extend(hit[3])
        return hit[2]
    before = len(ctx.notes)
    if ctx.depth >= settings.max_spec_depth:  # a tree built in Python, not read from YAML
        raise ctx.error(
            f"the expression nests more than {settings.max_spec_depth} levels deep",
            _line(expr) or line,
            "write a flatter expression (union takes a list of any length)",
        )
    ctx.depth += 1
    try:
        geom = _evaluate_op(expr, ctx, line)
    finally:
        ctx.depth -= 1
    ctx.memo[key] = (expr, ctx.near, geom, ctx.notes[before:])
    return geom


def _evaluate_op(expr: dict, ctx: _Context, line: int | None) -> Geometry:
    """Evaluate one operator mapping (after :func:`evaluate`'s memo missed)."""
    ((op, arg),) = expr.items()
    op_line = _line(expr, op) or line
    if op not in OPS:
        raise ctx.error(f"unknown geometry operator {op!r}", op_line, suggest(op, OPS))
    fn, keys = OPS[op]
    if keys is not None and isinstance(arg, dict):
        for key in arg:
            if key not in keys:
                raise ctx.error(
                    f"unknown key {key!r} in '{op}'",
                    _line(arg, key) or op_line,
                    suggest(key, sorted(keys)),
                )
    return fn(ctx, arg, op_line)


def _items(ctx: _Context, arg: list, line: int | None) -> list[Geometry]:
    return [evaluate(item, ctx, _line(arg, i) or line) for i, item in enumerate(arg)]


def load_families() -> dict[str, tuple[Callable, set[str] | None]]:
    """Import every operator family (``_ops_*.py`` of this package); return the registry.

    Examples
    --------
    >>> "corridor" in load_families()
    True
    """
    here = str(Path(__file__).resolve().parent)
    for info in pkgutil.iter_modules([here]):
        if info.name.startswith("_ops_"):
            importlib.import_module(f"{__package__}.{info.name}")
    return OPS
