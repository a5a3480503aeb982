"""Joining an events file to an output file: streamed in chunks, or on a dask cluster."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .. import compiler, settings
from .._io import atomic_open, atomic_path
from ..errors import InputError
from . import _cluster
from ._cluster import check_address
from ._columns import _Columns, radii_table
from ._frame import join_frame
from ._join import default_workers
from ._output import ChunkWriter, _csv_safe, check_target, writing
from ._plan import plan_of
from ._plot import plot_summary
from ._read import clean_events, count_rows, iter_chunks
from ._summary import _finish_counts, _partial_counts, _period_freq

if TYPE_CHECKING:  # pragma: no cover
    from ..timeline import Timeline

#: Output suffixes :func:`join_file` writes.
OUT_SUFFIXES = (".csv", ".parquet")


@dataclasses.dataclass
class JoinReport:
    """What :func:`join_file` read, matched and wrote.

    Examples
    --------
    >>> JoinReport(events="ev.csv", timeline="t", out="o.csv").rows
    0
    """

    events: str
    timeline: str
    out: str
    read: int = 0
    rejected: int = 0
    matched_events: int = 0
    rows: int = 0
    certain: int = 0
    possible: int = 0
    rejected_rows: list[int] = dataclasses.field(default_factory=list)
    rejected_file: str | None = None
    summary: str | None = None
    plot: str | None = None
    scheduler: str | None = None
    partitions: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The report as plain values (for ``--json``)."""
        return dataclasses.asdict(self)

    def rejected_line(self) -> str | None:
        """One line about the rows left out, or None when none were."""
        if not self.rejected:
            return None
        rows = ", ".join(str(r) for r in self.rejected_rows[:5])
        return (
            f"{self.rejected} of {self.read} rows left out (unreadable date or coordinates; "
            f"rows {rows}{', …' if self.rejected > 5 else ''}); see {self.rejected_file}"
        )


def join_file(
    events: str | Path,
    out: str | Path,
    timeline: Timeline | str | Path | None = None,
    *,
    date: str = "event_date",
    lat: str = "latitude",
    lon: str = "longitude",
    precision: str | None = "geo_precision",
    how: str = "inner",
    radii: Mapping[int, float] | None = None,
    summary: str | Path | None = None,
    plot: str | Path | None = None,
    freq: str = "MS",
    chunksize: int = 200_000,
    workers: int | None = None,
    scheduler: str | None = None,
    progress: bool | None = None,
) -> JoinReport:
    """Join an events file to a timeline and write the rows, the rejects and the counts.

    The file is read and joined ``chunksize`` rows at a time (its size is bounded by
    the disk, not memory). Every output is checked before any work and written only
    when complete: a failure is one :class:`~geozones.errors.InputError` line and
    leaves no file. Unreadable rows go to ``OUT.rejected.csv``; CSV outputs quote
    text a spreadsheet would run as a formula.

    Parameters
    ----------
    events, out : str or Path
        A ``.csv`` (optionally compressed) or ``.parquet`` events file, and ``.csv`` or
        ``.parquet`` out; with ``scheduler``, Parquet files or folders (datasets).
    timeline : Timeline, or the path of a spec, optional
        Default: the bundled timeline. A spec is compiled after the outputs are checked.
    date, lat, lon, precision, how, radii
        As for :func:`geozones.events.join_events`.
    summary, plot : str or Path, optional
        Also write :func:`~geozones.events.summarize` counts as CSV, and chart
        them (PNG, SVG or PDF), per period ``freq``.
    chunksize : int
        Events read and joined at a time.
    workers : int, optional
        Threads per chunk (default: :data:`geozones.settings.join_workers`, or every core).
    scheduler : str, optional
        A running ``dask.distributed`` scheduler (``tcp://host:8786``) whose workers read,
        join and write the partitions (default :data:`geozones.settings.dask_scheduler`;
        ``"local"``: this machine).
    progress : bool, optional
        A progress bar on stderr (default: when stderr is a terminal).

    Returns
    -------
    JoinReport

    Examples
    --------
    >>> from geozones._io import data_path
    >>> rep = join_file(data_path("events", "synthetic_events.csv"), "joined.csv")  # doctest: +SKIP
    >>> rep.read, rep.rejected                                                  # doctest: +SKIP
    (2000, 0)
    """
    scheduler = _scheduler_of(scheduler)
    job = _Job.make(events, out, summary, plot, how, chunksize, freq, dataset=bool(scheduler))
    cols = _Columns(date, lat, lon, precision)
    table = radii_table(radii)
    if timeline is None or isinstance(timeline, (str, Path)):
        timeline = compiler.load_timeline(timeline)
    plan = plan_of(timeline).ready()
    report = JoinReport(events=str(events), timeline=timeline.id, out=str(job.out))
    with writing(job.out):
        if scheduler:
            rejected, counts = _cluster.join_dataset(
                job, plan, cols, table, scheduler, report, progress=progress
            )
        else:
            workers = default_workers(workers)
            rejected, counts = _stream(job, plan, cols, table, workers, report, progress)
    _write_extras(job, report, rejected, counts, timeline)
    return report


def _scheduler_of(scheduler: str | None) -> str | None:
    """The cluster to run on (checked), or None for this machine."""
    scheduler = scheduler or settings.dask_scheduler
    if scheduler in (None, "", "local"):
        return None
    check_address(scheduler)
    return scheduler


@dataclasses.dataclass
class _Job:
    """The checked paths and options of one :func:`join_file` call."""

    events: Path
    out: Path
    rejected: Path
    summary: Path | None
    plot: Path | None
    how: str
    chunksize: int
    pfreq: str

    @classmethod
    def make(
        cls,
        events: str | Path,
        out: str | Path,
        summary: str | Path | None,
        plot: str | Path | None,
        how: str,
        chunksize: int,
        freq: str,
        *,
        dataset: bool,
    ) -> _Job:
        if how not in ("inner", "left"):
            raise InputError(f"how={how!r} is not a join type; use 'inner' or 'left'")
        if int(chunksize) < 1:
            raise InputError(f"chunksize must be at least 1, got {chunksize}")
        suffixes = (".parquet",) if dataset else OUT_SUFFIXES
        if dataset and Path(out).suffix.lower() != ".parquet":
            raise InputError(
                f"on a dask cluster the output is a Parquet dataset: give --out ending in "
                f".parquet, not {str(out)!r}"
            )
        target = check_target(out, "--out", suffixes, dataset=dataset)
        rejected = target.with_name(target.stem + ".rejected.csv")
        check_target(rejected, "the rejected-rows file", (".csv",))
        return cls(
            events=Path(events),
            out=target,
            rejected=rejected,
            summary=check_target(summary, "--summary", (".csv",)) if summary else None,
            plot=check_target(plot, "--plot", (".png", ".svg", ".pdf")) if plot else None,
            how=how,
            chunksize=int(chunksize),
            pfreq=_period_freq(freq),
        )


def _stream(
    job: _Job,
    plan: Any,
    cols: _Columns,
    radii: dict[int, float],
    workers: int,
    report: JoinReport,
    progress: bool | None,
) -> tuple[list[pd.DataFrame], list[pd.DataFrame]]:
    """Stream the events through the join into ``job.out`` (atomically), with a progress bar."""
    from tqdm import tqdm  # lazy: only when a progress bar is shown

    total = count_rows(job.events)  # also checks the file exists and is readable
    rejected: list[pd.DataFrame] = []
    counts: list[pd.DataFrame] = []
    writer = ChunkWriter(job.out)
    bar = tqdm(
        total=total,
        unit=" events",
        file=sys.stderr,
        disable=None if progress is None else not progress,
        desc="join",
    )
    with atomic_path(job.out) as tmp, bar:
        writer.open(tmp)
        try:
            for n, chunk in enumerate(iter_chunks(job.events, job.chunksize)):
                if n == 0:
                    cols.check(chunk.columns, where=str(job.events), how="option")
                good, bad = clean_events(chunk, cols)
                joined = join_frame(good, plan, cols, how=job.how, radii=radii, workers=workers)
                writer.write(joined)
                tally(report, chunk, bad, joined, cols)
                if len(bad):
                    rejected.append(bad)
                counts.append(_partial_counts(joined, job.pfreq, cols.date))
                bar.update(len(chunk))
        finally:
            writer.close()
    return rejected, counts


def tally(
    report: JoinReport, chunk: pd.DataFrame, bad: pd.DataFrame, joined: pd.DataFrame, cols: Any
) -> None:
    """Add one chunk's numbers to ``report``."""
    matched = joined["feature_id"].notna()
    report.read += len(chunk)
    report.rejected += len(bad)
    report.rows += int(matched.sum())
    report.certain += int((joined["match"] == "certain").sum())
    report.possible += int((joined["match"] == "possible").sum())
    report.matched_events += int(joined.loc[matched, "event_index"].nunique())


def _write_extras(
    job: _Job,
    report: JoinReport,
    rejected: list[pd.DataFrame],
    counts: list[pd.DataFrame],
    timeline: Timeline,
) -> None:
    """The rejected-rows sidecar, the summary CSV and the chart, each written atomically."""

    if rejected:
        frame = pd.concat(rejected, ignore_index=True).sort_values("row", kind="stable")
        with writing(job.rejected), atomic_open(job.rejected, newline="") as fh:
            _csv_safe(frame).to_csv(fh, index=False)
        report.rejected_rows = [int(r) for r in frame["row"].head(5)]
        report.rejected_file = str(job.rejected)
    elif job.rejected.exists():  # left by an earlier run of the same command: now stale
        job.rejected.unlink()
    if not (job.summary or job.plot):
        return
    empty = pd.DataFrame(columns=["feature_id", "match", "event_date"])
    parts = (
        pd.concat(counts, ignore_index=True)
        if counts
        else _partial_counts(empty, job.pfreq, "event_date")
    )
    table = _finish_counts(parts, job.pfreq)
    if job.summary:
        with writing(job.summary), atomic_open(job.summary, newline="") as fh:
            _csv_safe(table).to_csv(fh, index=False, date_format="%Y-%m-%d")
        report.summary = str(job.summary)
    if job.plot:
        with writing(job.plot):
            plot_summary(table, timeline, job.plot)
        report.plot = str(job.plot)
