"""``geozones map``: render a timeline as a self-contained, time-sliced HTML map."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ._common import SPEC_HELP, add_json_flag, parse_date, print_json


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Declare ``geozones map [SPEC] [--out PATH] [--date D] [--tiles NAME] [--json]``."""
    p = subparsers.add_parser(
        "map",
        help="render a timeline as one self-contained HTML map",
        description="Render an agreement timeline (a YAML spec; default: the bundled "
        "north-west Syria timeline) as one HTML file that works offline: layers by feature "
        "kind, control by party when the spec has a control table, a calendar time axis "
        "(any day; the change days marked), a basemap with every bundled community, search, "
        "a legend and popups that cite their sources.",
    )
    p.add_argument("spec", nargs="?", metavar="SPEC", help=SPEC_HELP)
    p.add_argument(
        "--out", "-o", metavar="PATH", help="output HTML file (default: maps/<timeline id>.html)"
    )
    p.add_argument("--date", metavar="YYYY-MM-DD", help="render one date only (no time axis)")
    p.add_argument(
        "--tiles",
        metavar="NAME",
        action="append",
        help="add an optional web tile base layer (xyzservices name, e.g. "
        "OpenStreetMap.Mapnik, Esri.WorldImagery, OpenTopoMap); may be repeated",
    )
    p.add_argument(
        "--online",
        action="store_true",
        help="also offer OpenStreetMap, Esri World Imagery and OpenTopoMap tiles (optional layers)",
    )
    p.add_argument("--title", help="map title (default: the timeline's name)")
    p.add_argument(
        "--simplify",
        type=float,
        metavar="METRES",
        default=None,
        help="simplification tolerance of the features in metres (default: 20)",
    )
    add_json_flag(p)
    return p


def run(args: argparse.Namespace) -> int:
    """Render the map; print where it went."""
    day = parse_date(args.date) if args.date else None

    from ..compiler import load_timeline  # lazy: a sub-command's --help stays fast
    from ..maps import (  # lazy: a sub-command's --help stays fast
        SIMPLIFY_M,
        render_map,
        tile_providers,
    )

    tile_providers(args.tiles, offline=not args.online)  # bad names fail before the compile

    timeline = load_timeline(args.spec)
    out = Path(args.out) if args.out else Path("maps") / f"{timeline.id}.html"
    simplify = SIMPLIFY_M if args.simplify is None else args.simplify
    path = render_map(
        timeline,
        out,
        offline=not args.online,
        date=day,
        tiles=args.tiles,
        title=args.title,
        simplify_m=simplify,
    )
    size = path.stat().st_size
    shown = len(timeline.at(day)) if day else len(timeline.features)
    info = {
        "path": str(path),
        "bytes": size,
        "features": shown,
        "slices": 0 if day else len(timeline.change_days()),
        "date": day.isoformat() if day else None,
        "timeline": timeline.id,
    }
    if args.json:
        print_json(info)
    else:
        when = f"on {info['date']}" if day else f"{info['slices']} change days on the time axis"
        print(f"{path} ({size / 1024:.0f} KB): {shown} features, {when}")
    return 0
