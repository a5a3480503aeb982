"""``geozones geocode NAME...``: resolve place names with the offline gazetteer.

Plain output: one line per result (``name<TAB>kind<TAB>lat, lon<TAB>admin path<TAB>
source:id<TAB>score``); ``--json``: a list of objects (one per NAME, each with
its ``results``). An unknown name exits 2 with one line naming the closest
candidates.
"""

from __future__ import annotations

import argparse
from typing import Any

from ._common import add_json_flag, print_json

KINDS = ("populated place", "road", "admin area", "country")


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Declare ``geocode`` (imports nothing heavy)."""
    p = subparsers.add_parser(
        "geocode",
        help="resolve place names offline (any spelling, Latin or Arabic)",
        description="Resolve place, admin-area, country and road names with the bundled "
        "offline gazetteer. Examples: geozones geocode Azaz 'Khan Sheikhoun' إدلب ; "
        "geozones geocode Idlib --kind 'admin area' ; geozones geocode M4 --json",
    )
    p.add_argument("names", nargs="+", metavar="NAME", help="names to resolve")
    p.add_argument("--top", type=int, default=1, metavar="K", help="results per name (default 1)")
    p.add_argument("--country", metavar="CC", help="only places of this ISO country code, e.g. SY")
    p.add_argument("--kind", choices=KINDS, help="only this kind of place")
    p.add_argument(
        "--near", metavar="LAT,LON", help="prefer places near this point, e.g. 35.9,36.6"
    )
    p.add_argument(
        "--online",
        action="store_true",
        help="ask the online geocoder when nothing good is found offline "
        "(needs GEOZONES_USER_AGENT)",
    )
    add_json_flag(p)
    return p


def _parse_near(text: str | None) -> tuple[float, float] | None:
    from ..errors import InputError

    if text is None:
        return None
    try:
        lat, lon = (float(x) for x in text.replace(" ", "").split(","))
    except ValueError:
        raise InputError(
            f"--near {text!r}: write it as LAT,LON in degrees, e.g. 35.93,36.63"
        ) from None
    return lat, lon


def _line(p: Any) -> str:
    admin = " > ".join(p.admin) if p.admin else p.country
    return (
        f"{p.name}\t{p.kind}\t{p.lat:.5f}, {p.lon:.5f}\t{admin}\t"
        f"{p.source}:{p.source_id}\t{p.score:.2f}\t(matched {p.matched!r})"
    )


def run(args: argparse.Namespace) -> int:
    """Resolve every NAME; raise UnknownPlaceError (exit 2) for the first unknown one."""
    from ..gazetteer import geocode

    near = _parse_near(args.near)
    out = []
    for name in args.names:
        res = geocode(
            name, top=args.top, country=args.country, near=near, kind=args.kind, online=args.online
        )
        places = res if isinstance(res, list) else [res]
        out.append((name, places))
    if args.json:
        print_json([{"query": q, "results": [p.to_dict() for p in ps]} for q, ps in out])
    else:
        for _, ps in out:
            for p in ps:
                print(_line(p))
    return 0
