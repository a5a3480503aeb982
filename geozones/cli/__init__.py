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
import os
import sys
import warnings
from collections.abc import Sequence
from typing import Any

from .. import __version__
from ..errors import GeozonesError, GeozonesWarning
from ._common import printable

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

    def _print_message(self, message: str, file: Any = None) -> None:
        # argparse swallows write errors; a --help sent to a full disk must say it failed
        if message:
            (file or sys.stderr).write(message)


class _WatchedStdout:
    """Standard output that remembers whether writing to it failed."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.failed = False

    def write(self, text: str) -> int:
        try:
            return int(self.inner.write(text))
        except OSError:
            self.failed = True
            raise

    def flush(self) -> None:
        try:
            self.inner.flush()
        except OSError:
            self.failed = True
            raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


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
    watched = _WatchedStdout(sys.stdout)
    sys.stdout = watched
    try:
        return _parse_and_run(parser, argv, watched)
    finally:
        sys.stdout = watched.inner


def _parse_and_run(
    parser: argparse.ArgumentParser, argv: Sequence[str] | None, watched: _WatchedStdout
) -> int:
    command = "geozones"
    try:
        args = parser.parse_args(argv)  # --help and --version print and raise SystemExit
        command = f"geozones {args.command}" if args.command else command
        if not getattr(args, "_run", None):
            parser.print_help()
            return 2
        code = _run_showing_warnings(args, command)
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
        return code
    except GeozonesError as exc:
        return _fail(command, str(exc))
    except KeyboardInterrupt:
        print(f"{command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (| head): not an error
        _silence_stdout()
        return 0
    except OSError as exc:  # a full disk, an I/O error: one line, never a traceback
        if watched.failed:
            _silence_stdout()
            return _fail(command, f"cannot write to standard output: {exc.strerror or exc}")
        where = f": {exc.filename}" if exc.filename else ""
        return _fail(command, f"{exc.strerror or exc}{where}")


def _run_showing_warnings(args: argparse.Namespace, command: str) -> int:
    """Run the sub-command; each geozones warning is one escaped line on stderr.

    Python's own format (file, line number, the source line) is for developers;
    a user of the command gets ``geozones map: warning: ...`` and the command goes
    on. Other warnings are shown as Python shows them.
    """
    with warnings.catch_warnings():  # restores showwarning afterwards
        shown = warnings.showwarning

        def _show(message: Any, category: type[Warning], *rest: Any, **kw: Any) -> None:
            if issubclass(category, GeozonesWarning):
                line = printable(_one_line(str(message)))
                print(f"{command}: warning: {line}", file=sys.stderr)
            else:
                shown(message, category, *rest, **kw)

        warnings.showwarning = _show
        return int(args._run(args) or 0)


def _fail(command: str, message: str) -> int:
    """One line on stderr, escaped for the terminal; exit code 2."""
    print(f"{command}: error: {printable(_one_line(message))}", file=sys.stderr)
    return 2


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real file behind sys.stdout
        pass


def _one_line(text: str) -> str:
    return " ".join(text.split())
