"""The ``geozones`` command line.

Each sub-command lives in its own module of this package with two functions:
``add_parser(subparsers)`` (declare the arguments; import nothing heavy) and
``run(args) -> int`` (do the work; heavy imports go here). ``--help`` stays
fast because only the argument declarations are imported.

Exit codes: 0 success, 1 nothing found where something was asked for
(documented per command), 2 bad input (one line on stderr), 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from .._version import __version__
from ..errors import GeozonesError

#: sub-command -> module under geozones.cli
COMMANDS: dict[str, str] = {
    "geocode": "geocode",
    "map": "map",
    "export": "export",
    "locate": "locate",
    "join": "join",
    "extract": "extract",
    "validate": "validate",
    "cache": "cache",
}


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors and exit code 2 (argparse's own convention)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command that can be imported."""
    parser = _Parser(
        prog="geozones",
        description="Map ceasefire and de-escalation zones: geocode names, compile "
        "agreement specs, render maps, export GIS files, join events.",
    )
    parser.add_argument("--version", action="version", version=f"geozones {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module_name in COMMANDS.values():
        try:
            module = importlib.import_module(f"{__name__}.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{module_name}":
                continue  # not written yet
            raise
        p = module.add_parser(sub)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit code.

    Examples
    --------
    >>> main(["geocode", "Azaz"])                     # doctest: +SKIP
    0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        return int(args._run(args) or 0)
    except GeozonesError as exc:
        print(f"geozones {args.command}: error: {_one_line(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"geozones {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _one_line(text: str) -> str:
    return " ".join(text.split())
