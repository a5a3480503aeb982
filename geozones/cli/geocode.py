"""``geozones geocode NAME...``: resolve place names with the offline gazetteer.

``-`` reads one name per line from standard input. Plain output: one line per
result (``name<TAB>kind<TAB>lat, lon<TAB>admin path<TAB>source:id<TAB>score``);
``--json``: a list of objects (one per NAME, each with its ``results``). The
names found are printed even when another is unknown; then the command exits 2
with one line naming the closest candidates of the first unknown name.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..place import PLACE_KINDS as KINDS
from ._common import add_json_flag, print_json, printable


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Declare ``geocode`` (imports nothing heavy)."""
    p = subparsers.add_parser(
        "geocode",
        help="resolve place names offline (any spelling, Latin or Arabic)",
        description="Resolve place, admin-area, country and road names with the bundled "
        "offline gazetteer. Examples: geozones geocode Azaz 'Khan Sheikhoun' إدلب ; "
        "geozones geocode Sirte --country LY ; "
        "geozones geocode Idlib --kind 'admin area' ; geozones geocode M4 --json",
    )
    p.add_argument("names", nargs="+", metavar="NAME", help="names to resolve ('-': read stdin)")
    p.add_argument("--top", type=int, default=1, metavar="K", help="results per name (default 1)")
    p.add_argument(
        "--country",
        metavar="CC",
        help="only places of this ISO country code, e.g. LY; the first use of a country "
        "builds its index from GeoNames (the geozones[world] extra), offline",
    )
    p.add_argument("--kind", choices=KINDS, help="only this kind of place")
    p.add_argument(
        "--near",
        metavar="LAT,LON",
        help="prefer places near this point, e.g. 35.9,36.6, or inside an area "
        "SOUTH,WEST,NORTH,EAST (default: the area of the bundled data)",
    )
    p.add_argument(
        "--online",
        action="store_true",
        help="ask the online geocoder when nothing good is found offline "
        "(needs GEOZONES_USER_AGENT)",
    )
    add_json_flag(p)
    return p


def _parse_near(text: str | None) -> tuple[float, ...] | None:
    from ..errors import InputError  # lazy: a sub-command's --help stays fast

    if text is None:
        return None
    try:
        values = tuple(float(x) for x in text.replace(" ", "").split(","))
    except ValueError:
        values = ()
    if len(values) not in (2, 4):
        raise InputError(
            f"--near {text!r}: write it as LAT,LON in degrees, e.g. 35.93,36.63, or an area "
            "SOUTH,WEST,NORTH,EAST"
        )
    return values


def _line(p: Any) -> str:
    """One tab-separated line; text from the data or the query escaped for the terminal."""
    e = printable
    admin = " > ".join(p.admin) if p.admin else p.country
    return (
        f"{e(p.name)}\t{e(p.kind)}\t{p.lat:.5f}, {p.lon:.5f}\t{e(admin)}\t"
        f"{e(p.source)}:{e(p.source_id)}\t{p.score:.2f}\t(matched {e(repr(p.matched))})"
    )


def _resolve(name: str, args: argparse.Namespace, near: Any) -> tuple[list[Any], list[str]]:
    """The places found for one name and the warnings issued (far guesses)."""
    import warnings  # lazy: a sub-command's --help stays fast

    from ..gazetteer import FarGuessWarning, geocode  # lazy: a sub-command's --help stays fast

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FarGuessWarning)
        res = geocode(
            name, top=args.top, country=args.country, near=near, kind=args.kind, online=args.online
        )
    notes = [str(w.message) for w in caught if issubclass(w.category, FarGuessWarning)]
    return (res if isinstance(res, list) else [res]), notes


def run(args: argparse.Namespace) -> int:
    """Resolve every NAME (``-``: one name per line on stdin).

    The names found are printed; if any is unknown, its error (with the closest
    candidates) is raised after them, so the command exits 2 with one line on stderr.
    A guess far from the region searched is printed with a warning line on stderr
    (``--json``: in the answer's ``warnings``).
    """
    import sys  # lazy: a sub-command's --help stays fast

    from ..errors import GeozonesError, InputError  # lazy: a sub-command's --help stays fast
    from ._common import printable  # lazy: a sub-command's --help stays fast

    near = _parse_near(args.near)
    names = args.names
    if names == ["-"]:
        names = [line.strip() for line in sys.stdin if line.strip()]
        if not names:
            raise InputError("no names on standard input; give one name per line")
    out: list[tuple[str, list[Any] | None, GeozonesError | None, list[str]]] = []
    for name in names:
        try:
            places, notes = _resolve(name, args, near)
        except InputError:
            raise  # a bad option: nothing is worth printing
        except GeozonesError as exc:  # an unknown name: report it after the others
            out.append((name, None, exc, []))
            continue
        out.append((name, places, None, notes))
    if args.json:
        print_json([_json_entry(q, ps, err, notes) for q, ps, err, notes in out])
    else:
        for _, ps, _err, notes in out:
            for p in ps or ():
                print(_line(p))
            for note in notes:
                print(f"geozones geocode: warning: {printable(note)}", file=sys.stderr)
    errors = [err for _, _, err, _ in out if err is not None]
    if errors:
        sys.stdout.flush()
        raise errors[0]
    return 0


def _json_entry(query: str, places: Any, err: Any, notes: list[str]) -> dict[str, Any]:
    entry: dict[str, Any] = {"query": query, "results": [p.to_dict() for p in places or ()]}
    if err is not None:
        entry["error"] = str(err)
    if notes:
        entry["warnings"] = notes
    return entry
