"""``geozones export``: write a timeline as GeoJSON, GeoPackage, KML, FlatGeobuf or a places CSV.

Examples::

    geozones export                      # north-west-syria.geojson in the current folder
    geozones export --out nw-syria.gpkg
    geozones export my-spec.yaml --format kml --out zones.kml --date 2020-03-15
    geozones export --out - | jq '.features | length'
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ._common import SPEC_HELP, add_json_flag, parse_date, print_json

#: Formats and their usual extensions (kept here so ``--help`` imports nothing heavy).
_FORMATS = {"geojson": "geojson", "gpkg": "gpkg", "kml": "kml", "fgb": "fgb", "csv": "csv"}
#: The format written when neither --out nor --format says one.
DEFAULT_FORMAT = "geojson"
_NAMES = {
    "geojson": "GeoJSON",
    "gpkg": "GeoPackage",
    "kml": "KML",
    "fgb": "FlatGeobuf",
    "csv": "CSV",
}


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Declare ``geozones export`` and its arguments."""
    p = subparsers.add_parser(
        "export",
        help="write a timeline to GeoJSON, GeoPackage, KML, FlatGeobuf or a places CSV",
        description="Write a timeline (the bundled north-west Syria one by default) to a GIS "
        "file. The format is taken from --format or from the extension of --out "
        "(.geojson/.json, .gpkg, .kml, .fgb, .csv). '--out -' writes GeoJSON to standard "
        "output. The csv format lists the gazetteer places the spec named.",
    )
    p.add_argument(
        "spec",
        nargs="?",
        metavar="SPEC",
        help=SPEC_HELP,
    )
    p.add_argument(
        "--format",
        "-f",
        choices=list(_FORMATS),
        type=str.lower,
        help="output format (default: from the extension of --out; geojson without --out)",
    )
    p.add_argument(
        "--out",
        "-o",
        metavar="PATH",
        help="file to write, or '-' for GeoJSON on standard output "
        "(default: <timeline id>[-<date>].<format> in the current folder)",
    )
    p.add_argument(
        "--date", "-d", metavar="YYYY-MM-DD", help="export only the features in force on this day"
    )
    add_json_flag(p)
    return p


def run(args: argparse.Namespace) -> int:
    """Export the timeline; print where it went (or the GeoJSON itself with ``--out -``)."""
    from ..compiler import load_timeline  # lazy: a sub-command's --help stays fast
    from ..exports import (  # lazy: a sub-command's --help stays fast
        export,
        resolve_format,
        unique_places,
    )

    date = parse_date(args.date) if args.date else None
    if args.out is None and args.format is None:
        args.format = DEFAULT_FORMAT
    if args.out is not None:  # fail on a bad name before compiling anything
        resolve_format(args.out, args.format)
    timeline = load_timeline(args.spec)
    out = args.out
    if out is None:
        suffix = f"-{date.isoformat()}" if date else ""
        out = f"{timeline.id}{suffix}.{_FORMATS[args.format]}"
    path = export(timeline, out, format=args.format, date=date)
    if str(path) == "-":
        return 0
    fmt = resolve_format(path, args.format)
    if fmt == "csv":
        count, what = len(unique_places(timeline.places)), "places"
    else:
        count = len(timeline.features) if date is None else int(timeline.active_mask(date).sum())
        what = "features"
    if args.json:
        print_json(
            {
                "path": str(path),
                "format": fmt,
                what: count,
                "date": date.isoformat() if date else None,
            }
        )
    else:
        when = f" in force on {date.isoformat()}" if date else ""
        print(f"wrote {count} {what}{when} to {path} ({_NAMES[fmt]})")
        if count == 0 and fmt != "csv":
            print(
                f"geozones export: warning: nothing of {timeline.id!r} is in force"
                f"{when}; the file is empty",
                file=sys.stderr,
            )
    return 0
