"""``geozones extract``: the places, roads and dates of an article, and a draft spec."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from .. import settings
from ..errors import InputError
from ._common import add_json_flag, parse_date, print_json, printable


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Declare ``geozones extract FILE|- [--json] [--spec OUT.yaml] [--published DATE]``."""
    p = subparsers.add_parser(
        "extract",
        help="find the places, roads and dates in an article; draft a spec from them",
        description="Read a text (a news article, a communiqué, an agreement) and list the "
        "places, roads and dates it mentions, resolved with the offline gazetteer. Relative "
        "dates ('on Friday') are read against --published, or else the article's own dateline. "
        "Exit 0 when something was found, 1 when nothing was, 2 on bad input.",
    )
    p.add_argument("file", metavar="FILE", help="text file (UTF-8), or - for standard input")
    p.add_argument("--spec", metavar="OUT.yaml", help="also write a draft spec (YAML) there")
    p.add_argument("--url", help="the text's web address, for the draft spec's source")
    p.add_argument("--name", help="the agreement's name, for the draft spec")
    p.add_argument(
        "--published",
        metavar="YYYY-MM-DD",
        help="the day the text was published: relative dates ('on Friday', 'yesterday', "
        "'اليوم') and a dateline without a year are read against it (default: the text's "
        "own dateline; a year that stays a guess is flagged 'year unknown')",
    )
    p.add_argument("--date", metavar="YYYY-MM-DD", help="former name of --published")
    p.add_argument("--country", default="SY", metavar="CC",
                   help="country whose places win ambiguous names (default SY)")  # fmt: skip
    add_json_flag(p)
    return p


def _read(path: str) -> str:
    # read at most what the size cap allows (UTF-8 takes up to 4 bytes a character), plus one
    cap = 4 * settings.extract_max_chars + 1
    if path == "-":
        data = sys.stdin.buffer.read(cap)
        where = "standard input"
    else:
        try:
            with open(path, "rb") as fh:
                data = fh.read(cap)
        except FileNotFoundError:
            raise InputError(f"{path}: no such file; give a text file or - for stdin") from None
        except IsADirectoryError:
            raise InputError(f"{path} is a folder; give a text file") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot read it ({exc.strerror})") from None
        where = path
    if len(data) >= cap:
        raise InputError(
            f"{where} is larger than {cap - 1:,} bytes, more than extract reads "
            f"(geozones.settings.extract_max_chars = {settings.extract_max_chars:,} characters); "
            "split it into articles or set GEOZONES_EXTRACT_MAX_CHARS"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where} is not UTF-8 text (byte {exc.start}); convert it, e.g. with iconv -t UTF-8"
        ) from None


def run(args: argparse.Namespace) -> int:
    """Extract; print a table (or JSON); write the draft spec when asked."""
    import warnings  # lazy: a sub-command's --help stays fast

    from ..geoparse import (  # lazy: a sub-command's --help stays fast
        CountryBiasWarning,
        extract,
        write_draft_spec,
    )

    ref = None
    if args.published or args.date:
        ref = parse_date(args.published or args.date, what="--published")
    if args.spec:
        _check_output(args.spec)  # before the work, so a wrong path fails at once
    text = _read(args.file)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CountryBiasWarning)
        ex = extract(text, country_bias=args.country, published=ref)
    for w in caught:
        if issubclass(w.category, CountryBiasWarning):
            print(f"geozones extract: warning: {printable(str(w.message))}", file=sys.stderr)
    if args.spec:
        try:
            write_draft_spec(ex, args.spec, name=args.name, url=args.url)
        except OSError as exc:
            raise InputError(
                f"--spec {args.spec}: cannot write the draft there ({_reason(exc)}); "
                "nothing was written; give a writable file path"
            ) from None
    try:
        if args.json:
            print_json(ex.to_dict())
        else:
            _print_table(ex)
            if args.spec:
                print(f"draft spec written to {args.spec} (finish every TODO, then "
                      "geozones validate)")  # fmt: skip
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise InputError(f"cannot write to standard output ({_reason(exc)})") from None
    return 0 if (ex.places or ex.roads or ex.dates) else 1


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _check_output(path: str) -> None:
    """Refuse a draft path that cannot take a file: a folder, a device or a pipe (writing
    beside it and renaming would replace the device), or a folder that is a file."""
    p = Path(path)
    if p.is_dir():
        raise InputError(f"--spec {path} is a folder; give a file name, e.g. {path}/draft.yaml")
    if p.exists() and not p.is_file():
        raise InputError(f"--spec {path} is not a regular file (a device or a pipe); "
                         "give a file path")  # fmt: skip
    parent = p.parent
    if parent.exists() and not parent.is_dir():
        raise InputError(f"--spec {path}: {parent} is a file, not a folder")
    if parent.is_dir() and not os.access(parent, os.W_OK | os.X_OK):
        raise InputError(f"--spec {path}: the folder {parent} is not writable")


def _print_table(ex: Any) -> None:
    def one(s: str) -> str:
        return " ".join(s.split())

    ref = ex.reference_date.isoformat() if ex.reference_date else "none"
    print(f"reference date: {ref}")
    for m in ex.places:
        p = m.place
        alt = f"  (+{len(m.alternatives)} other of that name)" if m.alternatives else ""
        if m.part is not None:
            ring = f", {m.part.ring}" if m.part.ring else ""
            alt += f"  [part: {m.part.direction or 'all round'}{ring}]"
        if not m.resolved:
            alt += "  [not in the gazetteer: position from the towns around it]"
        print(f"{m.start:>6}  {m.kind:8} {one(m.text)!r} → {p.name}, {p.country} "
              f"[{p.kind}] {p.lat:.4f}, {p.lon:.4f}{alt}")  # fmt: skip
    for r in ex.roads:
        print(f"{r.start:>6}  road     {one(r.text)!r} → {r.ref or 'unknown road'}")
    for d in ex.dates:
        guess = "  (year unknown: a guess)" if d.resolved and not d.year_known else ""
        print(f"{d.start:>6}  date     {one(d.text)!r} → {d.iso or 'unresolved'}{guess}")
    if ex.entities:
        names = ", ".join(f"{one(e.text)} ({e.kind})" for e in ex.entities)
        print(f"not places: {names}")
