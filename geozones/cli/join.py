"""``geozones join``: label the events of a CSV/Parquet file with the features in force."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import InputError
from ._common import add_json_flag, print_json


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Declare ``geozones join EVENTS --out OUT [--summary S] [--plot P] …``."""
    p = subparsers.add_parser(
        "join",
        help="label events (ACLED-style CSV/Parquet) with the features in force at their "
        "place and date",
        description="Join dated events (ACLED export columns: event_date, latitude, "
        "longitude, geo_precision) to the features of a timeline (default: the bundled "
        "north-west Syria timeline): one output row per (event, feature) match, with "
        "match = certain or possible from the event's precision. Rows whose date or "
        "coordinates cannot be read are reported on stderr and listed in "
        "OUT.rejected.csv. Exit 0 on success, 2 on bad input.",
    )
    _add_files(p)
    _add_columns(p)
    _add_run(p)
    add_json_flag(p)
    return p


def _add_files(p: argparse.ArgumentParser) -> None:
    """EVENTS, the timeline and what is written."""
    p.add_argument("events", metavar="EVENTS", help="events file (.csv or .parquet)")
    p.add_argument(
        "--out",
        required=True,
        metavar="OUT",
        help="output file, .csv or .parquet (written only when complete)",
    )
    p.add_argument("--spec", metavar="SPEC", help="timeline spec (YAML); default: bundled")
    p.add_argument(
        "--how",
        choices=("inner", "left"),
        default="inner",
        help="left: keep events that match no feature (default: inner)",
    )
    p.add_argument(
        "--summary",
        metavar="SUMMARY.csv",
        help="also write counts per feature and period (certain/possible)",
    )
    p.add_argument(
        "--freq",
        default="MS",
        metavar="FREQ",
        help="period of --summary/--plot: MS (month, default), QS, YS, W, D",
    )
    p.add_argument("--plot", metavar="OUT.png", help="chart the counts over time (png/svg/pdf)")


def _add_columns(p: argparse.ArgumentParser) -> None:
    """Which columns hold the date, the position and the precision."""
    p.add_argument(
        "--date-column",
        default="event_date",
        metavar="COLUMN",
        help="date column (default: event_date)",
    )
    p.add_argument("--date", dest="date_alias", metavar="COLUMN", help=argparse.SUPPRESS)
    p.add_argument(
        "--lat", default="latitude", metavar="COLUMN", help="latitude column (default: latitude)"
    )
    p.add_argument(
        "--lon", default="longitude", metavar="COLUMN", help="longitude column (default: longitude)"
    )
    p.add_argument(
        "--precision",
        default="geo_precision",
        metavar="COLUMN",
        help="ACLED geo_precision column; if absent every event is exact",
    )


def _add_run(p: argparse.ArgumentParser) -> None:
    """Radii, chunks, threads and the cluster."""
    p.add_argument(
        "--radius",
        action="append",
        default=[],
        metavar="CODE=METRES",
        help="uncertainty radius of a precision code (default 1=0 2=5000 "
        "3=25000); repeat for several codes",
    )
    p.add_argument(
        "--chunksize",
        type=int,
        default=200_000,
        metavar="N",
        help="events read and joined at a time (default 200000)",
    )
    p.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="threads joining each chunk (default: settings.join_workers, or every core)",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on a dask.distributed cluster, e.g. tcp://10.0.0.5:8786 (default: "
        "settings.dask_scheduler / GEOZONES_DASK_SCHEDULER; 'local' = this machine); EVENTS "
        "is then a Parquet file or folder and OUT a .parquet folder, on storage every worker "
        "can reach",
    )


def _parse_radii(items: list[str]) -> dict[int, float]:
    radii: dict[int, float] = {}
    for item in items:
        code, sep, metres = item.partition("=")
        try:
            if not sep:
                raise ValueError
            radii[int(code)] = float(metres)
        except ValueError:
            raise InputError(
                f"--radius {item!r} is not CODE=METRES; write e.g. --radius 3=25000"
            ) from None
    return radii


def _date_column(args: argparse.Namespace) -> str:
    """``--date-column``, or the deprecated ``--date COLUMN`` with a warning."""
    if args.date_alias is None:
        return args.date_column
    print(
        "geozones join: warning: --date is deprecated here (every other --date takes a day); "
        "use --date-column",
        file=sys.stderr,
    )
    return args.date_alias


def run(args: argparse.Namespace) -> int:
    """Join the events file (in chunks, or on a dask cluster); print the report."""
    from ..events import join_file  # lazy: a sub-command's --help stays fast

    radii = _parse_radii(args.radius)
    date = _date_column(args)
    report = join_file(
        args.events,
        args.out,
        args.spec,  # None: the bundled timeline
        date=date,
        lat=args.lat,
        lon=args.lon,
        precision=args.precision,
        how=args.how,
        radii=radii,
        summary=args.summary,
        plot=args.plot,
        freq=args.freq,
        chunksize=args.chunksize,
        workers=args.workers,
        scheduler=args.scheduler,
    )
    line = report.rejected_line()
    if line:
        print(f"geozones join: {line}", file=sys.stderr)
    if args.json:
        print_json(report.to_dict())
    else:
        print(
            f"{report.read} events read, {report.rejected} left out; "
            f"{report.matched_events} fell inside a feature of {report.timeline} on their "
            f"date: {report.rows} rows ({report.certain} certain, {report.possible} possible) "
            f"→ {report.out}"
        )
    return 0
