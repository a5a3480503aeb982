"""``geozones extract``: the places, roads and dates of an article, and a draft spec."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import InputError
from ._common import add_json_flag, parse_date, print_json


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Declare ``geozones extract FILE|- [--json] [--spec OUT.yaml] [--date REFERENCE]``."""
    p = subparsers.add_parser(
        "extract",
        help="find the places, roads and dates in an article; draft a spec from them",
        description="Read a text (a news article, a communiqué, an agreement) and list the "
        "places, roads and dates it mentions, resolved with the offline gazetteer. Relative "
        "dates ('on Friday') are read against --date, or else the article's own dateline. "
        "Exit 0 when something was found, 1 when nothing was, 2 on bad input.",
    )
    p.add_argument("file", metavar="FILE", help="text file (UTF-8), or - for standard input")
    p.add_argument("--spec", metavar="OUT.yaml", help="also write a draft spec (YAML) there")
    p.add_argument("--url", help="the text's web address, for the draft spec's source")
    p.add_argument("--name", help="the agreement's name, for the draft spec")
    p.add_argument(
        "--date", metavar="YYYY-MM-DD", help="the date the text was written (default: its dateline)"
    )
    p.add_argument("--country", default="SY", metavar="CC",
                   help="country whose places win ambiguous names (default SY)")  # fmt: skip
    add_json_flag(p)
    return p


def _read(path: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read()
        where = "standard input"
    else:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except FileNotFoundError:
            raise InputError(f"{path}: no such file; give a text file or - for stdin") from None
        except IsADirectoryError:
            raise InputError(f"{path} is a folder; give a text file") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot read it ({exc.strerror})") from None
        where = path
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where} is not UTF-8 text (byte {exc.start}); convert it, e.g. with iconv -t UTF-8"
        ) from None


def run(args: argparse.Namespace) -> int:
    """Extract; print a table (or JSON); write the draft spec when asked."""
    from ..geoparse import extract, write_draft_spec

    ref = parse_date(args.date) if args.date else None
    text = _read(args.file)
    ex = extract(text, country_bias=args.country, reference_date=ref)
    if args.spec:
        write_draft_spec(ex, args.spec, name=args.name, url=args.url)
    if args.json:
        print_json(ex.to_dict())
    else:
        _print_table(ex)
        if args.spec:
            print(f"draft spec written to {args.spec} (finish every TODO, then geozones validate)")
    return 0 if (ex.places or ex.roads or ex.dates) else 1


def _print_table(ex: Any) -> None:
    def one(s: str) -> str:
        return " ".join(s.split())

    ref = ex.reference_date.isoformat() if ex.reference_date else "none"
    print(f"reference date: {ref}")
    for m in ex.places:
        p = m.place
        alt = f"  (+{len(m.alternatives)} other of that name)" if m.alternatives else ""
        print(f"{m.start:>6}  {m.kind:8} {one(m.text)!r} → {p.name}, {p.country} "
              f"[{p.kind}] {p.lat:.4f}, {p.lon:.4f}{alt}")  # fmt: skip
    for r in ex.roads:
        print(f"{r.start:>6}  road     {one(r.text)!r} → {r.ref or 'unknown road'}")
    for d in ex.dates:
        print(f"{d.start:>6}  date     {one(d.text)!r} → {d.iso or 'unresolved'}")
    if ex.entities:
        names = ", ".join(f"{one(e.text)} ({e.kind})" for e in ex.entities)
        print(f"not places: {names}")
