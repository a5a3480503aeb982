"""``geozones validate``: check a timeline spec and compile it, reporting every problem."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ._common import add_json_flag, print_json


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Declare ``geozones validate SPEC [--json]``."""
    p = subparsers.add_parser(
        "validate",
        help="check a timeline spec (YAML) and report every problem with its line",
        description="Check and compile an agreement spec. Exit 0 with a summary when it "
        "compiles; exit 2 with one line per problem (file:line: what is wrong — what to "
        "write instead) when it does not.",
    )
    p.add_argument("spec", metavar="SPEC", help="timeline spec (YAML)")
    p.add_argument(
        "--online",
        action="store_true",
        help="let 'file:' open GDAL virtual datasets (VRT) and /vsi* network paths",
    )
    add_json_flag(p)
    return p


def run(args: argparse.Namespace) -> int:
    """Validate; print a summary (exit 0) or the problems (exit 2)."""
    import warnings  # lazy: a sub-command's --help stays fast

    from ..compiler import validate  # lazy, as above
    from ..control import AmbiguousPlaceWarning  # lazy, as above

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", AmbiguousPlaceWarning)
        spec, gdf, errors = validate(args.spec, online=args.online or None)
    notes = [str(w.message) for w in caught if issubclass(w.category, AmbiguousPlaceWarning)]
    for w in caught:  # shown as the CLI shows any warning (one line each); still exit 0
        warnings.showwarning(w.message, w.category, w.filename, w.lineno)
    if errors:
        if args.json:
            print_json(
                {
                    "valid": False,
                    "spec": args.spec,
                    "errors": [
                        {"path": e.path, "line": e.line, "message": e.message, "hint": e.hint}
                        for e in errors
                    ],
                }
            )
        for e in errors:
            print(" ".join(str(e).split()), file=sys.stderr)
        return 2
    assert spec is not None and gdf is not None
    kinds = gdf["kind"].value_counts().to_dict()
    first = gdf["start_date"].min()
    last = gdf["end_date"].max()
    summary = {
        "valid": True,
        "spec": args.spec,
        "timeline": spec.id,
        "name": spec.name,
        "agreements": len(spec.agreements),
        "features": len(gdf),
        "kinds": {str(k): int(v) for k, v in kinds.items()},
        "first_date": first.date().isoformat() if len(gdf) else None,
        "last_end_date": last.date().isoformat() if len(gdf) and last == last else None,
        "warnings": notes,
    }
    if args.json:
        print_json(summary)
    else:
        print(
            f"{args.spec}: valid — {summary['agreements']} agreements, "
            f"{summary['features']} features "
            f"({', '.join(f'{v} {k}' for k, v in summary['kinds'].items())}), "
            f"from {summary['first_date']}"
        )
    return 0
