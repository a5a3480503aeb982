"""``geozones join``: label the events of a CSV/Parquet file with the features in force."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ._common import add_json_flag, print_json

_OUT_SUFFIXES = (".csv", ".parquet")


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
    p.add_argument(
        "--date", default="event_date", metavar="COLUMN", help="date column (default: event_date)"
    )
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
    add_json_flag(p)
    return p


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


def _check_out(path: str, what: str, suffixes: tuple[str, ...]) -> Path:
    """An output path that can be written to atomically, or one line saying why not."""
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{what} {path!r} is a folder; give a file name inside it")
    if p.suffix.lower() not in suffixes:
        raise InputError(f"{what} {path!r}: give a file name ending in {' or '.join(suffixes)}")
    if p.exists() and not p.is_file():
        raise InputError(f"{what} {path!r} is not a regular file (a device or pipe)")
    parent = next((a for a in p.absolute().parents if a.exists()), None)
    if parent is not None and not parent.is_dir():
        raise InputError(f"{what} {path!r}: {str(parent)!r} is a file, not a folder")
    return p


@contextlib.contextmanager
def _writing(path: Path) -> Iterator[None]:
    """Turn an OS error while writing ``path`` (full disk, no permission) into one line."""
    try:
        yield
    except OSError as exc:
        reason = exc.strerror or _first_line(exc)
        raise InputError(f"cannot write {str(path)!r}: {reason}") from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def run(args: argparse.Namespace) -> int:
    """Join the events file chunk by chunk; write OUT, the sidecar, summary and plot."""
    out = _check_out(args.out, "--out", _OUT_SUFFIXES)
    _check_out(str(out.with_name(out.stem + ".rejected.csv")), "the rejected-rows file", (".csv",))
    summary_path = _check_out(args.summary, "--summary", (".csv",)) if args.summary else None
    plot_path = _check_out(args.plot, "--plot", (".png", ".svg", ".pdf")) if args.plot else None
    if args.chunksize < 1:
        raise InputError(f"--chunksize must be at least 1, got {args.chunksize}")

    from .. import events as E
    from ..timeline import load_timeline

    radii = E._radii(_parse_radii(args.radius))
    pfreq = E._period_freq(args.freq)
    cols = E._Columns(args.date, args.lat, args.lon, args.precision)
    total = E.count_rows(args.events)  # also checks the file exists and is readable
    timeline = load_timeline(args.spec)
    plan = E.plan_of(timeline).ready()
    with _writing(out):
        stats = _join_file(args, out, cols, plan, radii, pfreq, total)

    rejected_path = out.with_name(out.stem + ".rejected.csv")
    if stats["rejected"]:
        from .._io import atomic_open

        with _writing(rejected_path), atomic_open(rejected_path, newline="") as fh:
            E._csv_safe(stats.pop("rejected_frame")).to_csv(fh, index=False)
        rows = ", ".join(str(r) for r in stats["rejected_rows"][:5])
        print(
            f"geozones join: {stats['rejected']} of {stats['read']} rows left out (unreadable "
            f"date or coordinates; rows {rows}{', …' if stats['rejected'] > 5 else ''}); "
            f"see {rejected_path}",
            file=sys.stderr,
        )
    elif rejected_path.exists():  # left by an earlier run of the same command: now stale
        rejected_path.unlink()
    counts = E._finish_counts(stats.pop("counts"), pfreq)
    if summary_path:
        from .._io import atomic_open

        with _writing(summary_path), atomic_open(summary_path, newline="") as fh:
            E._csv_safe(counts).to_csv(fh, index=False, date_format="%Y-%m-%d")
    if plot_path:
        with _writing(plot_path):
            E.plot_summary(counts, timeline, plot_path)
    report = {
        "events": str(args.events),
        "timeline": timeline.id,
        "read": stats["read"],
        "rejected": stats["rejected"],
        "matched_events": stats["matched_events"],
        "rows": stats["rows"],
        "certain": stats["certain"],
        "possible": stats["possible"],
        "out": str(out),
        "rejected_file": str(rejected_path) if stats["rejected"] else None,
        "summary": str(summary_path) if summary_path else None,
        "plot": str(plot_path) if plot_path else None,
    }
    if args.json:
        print_json(report)
    else:
        print(
            f"{stats['read']} events read, {stats['rejected']} left out; "
            f"{stats['matched_events']} fell inside a feature of {timeline.id} on their date: "
            f"{stats['rows']} rows ({stats['certain']} certain, {stats['possible']} possible) "
            f"→ {out}"
        )
    return 0


def _join_file(
    args: argparse.Namespace,
    out: Path,
    cols: Any,
    plan: Any,
    radii: dict,
    pfreq: str,
    total: int | None,
) -> dict[str, Any]:
    """Stream the events through the join into ``out`` (atomically), with a progress bar."""
    import pandas as pd
    from tqdm import tqdm

    from .. import events as E
    from .._io import atomic_path

    stats: dict[str, Any] = {
        "read": 0,
        "rejected": 0,
        "rows": 0,
        "certain": 0,
        "possible": 0,
        "matched_events": 0,
        "rejected_rows": [],
    }
    rejected, counts = [], []
    writer = _Writer(out)
    with (
        atomic_path(out) as tmp,
        tqdm(total=total, unit=" events", file=sys.stderr, disable=None, desc="join") as bar,
    ):
        writer.open(tmp)
        try:
            for n, chunk in enumerate(E.iter_chunks(args.events, args.chunksize)):
                if n == 0:
                    cols.check(chunk.columns, where=str(args.events), how="option")
                good, bad = E.clean_events(chunk, cols)
                joined = E.join_frame(good, plan, cols, how=args.how, radii=radii)
                writer.write(joined)
                stats["read"] += len(chunk)
                stats["rejected"] += len(bad)
                if len(bad):
                    rejected.append(bad)
                matched = joined["feature_id"].notna()
                stats["rows"] += int(matched.sum())
                stats["certain"] += int((joined["match"] == "certain").sum())
                stats["possible"] += int((joined["match"] == "possible").sum())
                stats["matched_events"] += int(joined.loc[matched, "event_index"].nunique())
                counts.append(E._partial_counts(joined, pfreq, cols.date))
                bar.update(len(chunk))
        finally:
            writer.close()
    stats["rejected_frame"] = pd.concat(rejected, ignore_index=True) if rejected else None
    stats["rejected_rows"] = stats["rejected_frame"]["row"].head(5).tolist() if rejected else []
    stats["counts"] = (
        pd.concat(counts, ignore_index=True)
        if counts
        else E._partial_counts(
            pd.DataFrame(columns=["feature_id", "match", cols.date]), pfreq, cols.date
        )
    )
    return stats


class _Writer:
    """Appends joined chunks to one CSV or Parquet file (a stable schema across chunks)."""

    def __init__(self, target: Path) -> None:
        self.parquet = target.suffix.lower() == ".parquet"
        self.fh: Any = None
        self.pq: Any = None
        self.schema: Any = None
        self.path: Path | None = None

    def open(self, tmp: Path) -> None:
        self.path = tmp
        if not self.parquet:
            self.fh = open(tmp, "w", encoding="utf-8", newline="")

    def write(self, frame: Any) -> None:
        if not self.parquet:
            from ..events import _csv_safe

            _csv_safe(frame).to_csv(
                self.fh, header=self.fh.tell() == 0, index=False, date_format="%Y-%m-%d"
            )
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pandas(frame, preserve_index=False)
        if self.pq is None:
            self.schema = table.schema
            self.pq = pq.ParquetWriter(self.path, self.schema)
        elif not table.schema.equals(self.schema):
            try:
                table = table.cast(self.schema)
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError, ValueError) as exc:
                raise InputError(
                    f"a column changes type part-way through the events file "
                    f"({exc}); write the output as .csv instead"
                ) from None
        self.pq.write_table(table)

    def close(self) -> None:
        if self.fh is not None:
            self.fh.close()
        if self.pq is not None:
            self.pq.close()
        elif self.parquet and self.path is not None and not self.path.exists():
            pass
