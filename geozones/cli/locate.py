"""``geozones locate``: which features contain a place or a point (on a date)."""

from __future__ import annotations

import argparse
import re
from typing import Any

from ..errors import InputError
from ._common import SPEC_HELP, add_json_flag, parse_date, print_json, printable

_LATLON = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[, ]\s*(-?\d+(?:\.\d+)?)\s*$")


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Declare ``geozones locate NAME|LAT,LON [--date D] [--spec SPEC] [--json]``."""
    p = subparsers.add_parser(
        "locate",
        help="list the zones, corridors, routes and posts that contain a place",
        description="List the features of a timeline (default: the bundled north-west "
        "Syria timeline) that contain a place name or a LAT,LON point, on a date or at any "
        "time. Exit 0 when something contains it, 1 when nothing does, 2 on bad input.",
    )
    p.add_argument("where", metavar="NAME|LAT,LON", help="a place name or 'lat,lon' in degrees")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="only features in force that day")
    p.add_argument("--spec", metavar="SPEC", help=SPEC_HELP)
    p.add_argument(
        "--tolerance",
        metavar="METRES",
        type=float,
        default=None,
        help="how near a route or post counts as containing the place (default: 1000)",
    )
    add_json_flag(p)
    return p


def run(args: argparse.Namespace) -> int:
    """Locate; print one line per feature (or JSON)."""
    day = parse_date(args.date) if args.date else None

    from ..analysis import locate, point_of  # lazy: a sub-command's --help stays fast
    from ..compiler import load_timeline  # lazy: a sub-command's --help stays fast

    m = _LATLON.match(args.where)
    where: Any = (float(m.group(1)), float(m.group(2))) if m else args.where
    timeline = load_timeline(args.spec)
    point, place = point_of(where, timeline=timeline)  # the control table's names first
    if args.tolerance is not None and not args.tolerance >= 0:
        raise InputError(f"--tolerance {args.tolerance:g} is negative; give metres, e.g. 500")
    kwargs = {} if args.tolerance is None else {"tolerance": args.tolerance}
    found = locate(point, day, timeline, **kwargs)
    held = _held(timeline, point, day)
    label = printable(place) if place is not None else f"{point.y:.5f}, {point.x:.5f}"
    rows = [
        {
            "id": r["id"],
            "name": r["name"],
            "kind": r["kind"],
            "agreement": r["agreement"],
            "start_date": r["start_date"].date().isoformat(),
            "end_date": None
            if r["end_date"] != r["end_date"]
            else r["end_date"].date().isoformat(),
            "confidence": r["confidence"],
            "distance_m": float(r["distance_m"]),
        }
        for _, r in found.iterrows()
    ]
    if args.json:
        print_json(
            {
                "query": args.where,
                "place": place.to_dict() if place else None,
                "lat": point.y,
                "lon": point.x,
                "date": day,
                "timeline": timeline.id,
                "features": rows,
                "control": held,
            }
        )
    else:
        _print_rows(label, printable(timeline.id), day, rows)
        _print_held(held)
    return 0 if rows else 1


def _print_rows(label: str, timeline_id: str, day: Any, rows: list[dict[str, Any]]) -> None:
    """The human-readable answer; every text from the spec is escaped for the terminal."""
    when = f" on {day.isoformat()}" if day else ""
    if not rows:
        print(f"{label}: no feature of {timeline_id}{when}")
        return
    print(f"{label}: {len(rows)} feature(s) of {timeline_id}{when}")
    for r in rows:
        end = r["end_date"] or "open"
        fid, kind, conf, name = (printable(r[k]) for k in ("id", "kind", "confidence", "name"))
        print(f"  {fid:<28} {kind:<20} {r['start_date']} → {end:<10} {conf}  {name}")


def _held(timeline: Any, point: Any, day: Any) -> dict[str, Any] | None:
    """Who held the point that day, since when, by which report (None without a date,
    a control table, or a holder there)."""
    if day is None or not timeline.parties:
        return None
    h = timeline.control_at(point, day)
    if h.holder is None:
        return None
    src = h.source
    return {
        "holder": h.holder,
        "label": timeline.parties[h.holder]["label"],
        "since": h.since.isoformat() if h.since else None,
        "enclosed": h.enclosed,
        "source": {k: src[k] for k in ("url", "title", "publisher", "published") if src.get(k)},
    }


def _print_held(held: dict[str, Any] | None) -> None:
    """The holder line of the human-readable answer (spec and table text escaped)."""
    if held is None:
        return
    src = held["source"]
    how = "the front passed it" if held["enclosed"] else printable(src.get("publisher", ""))
    when = printable(src.get("published", ""))
    print(
        f"  held by {printable(held['label'])} ({printable(held['holder'])}) since "
        f"{held['since']} — {how}{', ' + when if when else ''}"
        f"{': ' + printable(src['url']) if src.get('url') else ''}"
    )
