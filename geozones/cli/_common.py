"""Helpers shared by the sub-commands."""

from __future__ import annotations

import datetime as _dt
import json
import sys
from typing import Any

from ..errors import InputError


def add_json_flag(parser: Any) -> None:
    """Add the ``--json`` flag every sub-command has."""
    parser.add_argument("--json", action="store_true", help="machine-readable JSON on stdout")


def print_json(obj: Any) -> None:
    """Write ``obj`` as JSON to stdout (dates as ISO strings, non-ASCII kept)."""
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write("\n")


def _default(o: Any) -> Any:
    if isinstance(o, (_dt.date, _dt.datetime)):
        return o.isoformat()
    if hasattr(o, "isoformat"):
        return o.isoformat()
    if hasattr(o, "to_dict"):
        return o.to_dict()
    if hasattr(o, "tolist"):
        return o.tolist()
    return str(o)


def parse_date(text: str, *, what: str = "--date") -> _dt.date:
    """Parse an ISO date (``2020-03-06``) given on the command line.

    Raises
    ------
    InputError
        With the value and the expected form.
    """
    try:
        return _dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(
            f"{what} {text!r} is not a date; write it as YYYY-MM-DD, e.g. 2020-03-06"
        ) from None
