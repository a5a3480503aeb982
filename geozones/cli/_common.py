"""Helpers shared by the sub-commands."""

from __future__ import annotations

import datetime as _dt
import json
import re
import sys
from typing import Any

from ..errors import InputError

#: How every sub-command describes its SPEC argument.
SPEC_HELP = (
    "a timeline: a YAML spec file, or a bundled timeline's name (north-west-syria); "
    "default: the bundled north-west-syria"
)


def add_json_flag(parser: Any) -> None:
    """Add the ``--json`` flag every sub-command has."""
    parser.add_argument("--json", action="store_true", help="machine-readable JSON on stdout")


# What a terminal may act on instead of showing: C0 and C1 control characters and DEL
# (ESC sequences move the cursor, retitle the window, hide text), and the bidirectional
# embeddings, overrides and isolates that reorder what follows them on the line.
_TERMINAL_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# the same less the C0 controls, which JSON escapes by itself
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape_char(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(value: Any) -> str:
    r"""Text from a spec, the gazetteer or the user made safe to print on a terminal.

    Control characters (C0, DEL, C1: tab and newline too, so one record stays
    on one line) and bidirectional overrides are shown as ``\xNN`` or
    ``\uNNNN``; everything else, Arabic included, is printed as is.

    Examples
    --------
    >>> printable("Azaz\x1b[2J\u202etxt.exe")
    'Azaz\\x1b[2J\\u202etxt.exe'
    >>> printable("اعزاز")
    'اعزاز'
    """
    return _TERMINAL_UNSAFE.sub(_escape_char, str(value))


def print_json(obj: Any) -> None:
    r"""Write ``obj`` as JSON to stdout (dates as ISO strings, non-ASCII kept).

    Characters a terminal acts on are written as ``\uNNNN`` escapes, so the
    JSON stays the same data and is still safe to print.
    """
    text = json.dumps(obj, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
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
