"""``join_file`` on a running dask.distributed cluster: Parquet in, Parquet out, per partition.

The client (the machine running ``geozones join --scheduler``) reads only
Parquet *metadata*: the row groups of the input file(s), their row counts and
the min/max statistics of the latitude and longitude columns. Each row group
becomes one task: a worker reads it, cleans and joins it, and writes one
Parquet file of the output dataset; only counts, rejected rows and the
per-period summary travel back, and feed the progress bar as tasks finish.

**Spatial partitioning.** A task is given only the features whose box
(padded by the largest radius) meets its row group's lon/lat box, as a
separately scattered sub-plan. When the events are sorted spatially (for
example with dask-geopandas' ``spatial_shuffle``, see docs/events.md), each
worker sees only the features near its events: polygon-heavy timelines
(thousands of control cells) are never shipped or prepared whole.

Input and output paths must be reachable by every worker under the same
name (a shared file system).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .._io import _exit_on_signals
from ..errors import InputError
from ._columns import _Columns
from ._frame import join_frame
from ._kernel import _padded
from ._output import DATASET_MARKER
from ._read import clean_events
from ._summary import _partial_counts

if TYPE_CHECKING:  # pragma: no cover
    from ._file import JoinReport, _Job
    from ._plan import _Plan


def join_dataset(
    job: _Job,
    plan: _Plan,
    cols: _Columns,
    radii: dict[int, float],
    scheduler: str,
    report: JoinReport,
    *,
    progress: bool | None = None,
) -> tuple[list[pd.DataFrame], list[pd.DataFrame]]:
    """Join the Parquet events of ``job`` on the cluster at ``scheduler``; fill ``report``.

    Returns the rejected rows and the partial counts of every partition.

    Examples
    --------
    >>> join_file("acled/", "joined.parquet", scheduler="tcp://10.0.0.5:8786")  # doctest: +SKIP
    """
    from tqdm import tqdm  # lazy: only when a progress bar is shown

    pieces = _pieces(job.events, cols)
    client = _connect(scheduler)
    report.scheduler, report.partitions = scheduler, len(pieces)
    rejected: list[pd.DataFrame] = []
    counts: list[pd.DataFrame] = []
    bar = tqdm(
        total=sum(p["rows"] for p in pieces),
        unit=" events",
        file=sys.stderr,
        disable=None if progress is None else not progress,
        desc="join (cluster)",
    )
    with client, bar, _atomic_dataset(job.out) as tmp:
        futures = _submit(client, pieces, plan, cols, radii, job, tmp)
        from distributed import (
            as_completed,  # optional: the dask extra, only for a cluster run
        )

        for fut in as_completed(futures, loop=client.loop):
            part = fut.result()  # an InputError on a worker is raised here, as one line
            _add(report, part)
            if len(part["rejected"]):
                rejected.append(part["rejected"])
            counts.append(part["counts"])
            bar.update(part["read"])
    return rejected, counts


def _connect(address: str) -> Any:
    """A ``distributed.Client`` of the scheduler at ``address``, or one line saying why not."""
    try:
        from distributed import (
            Client,  # optional: the dask extra, only for a cluster run
        )
    except ImportError:  # pragma: no cover - depends on the installation
        raise InputError("--scheduler needs dask: pip install 'geozones[dask]'") from None
    check_address(address)
    try:
        return Client(address, timeout="20s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(f"cannot reach the dask scheduler at {address!r}: {exc}") from None


def check_address(address: str) -> str:
    """``address`` if it looks like a scheduler address (``tcp://host:port``), else one line.

    Examples
    --------
    >>> check_address("tcp://10.0.0.5:8786")
    'tcp://10.0.0.5:8786'
    """
    scheme, sep, rest = str(address).partition("://")
    if not sep or not scheme or not rest:
        raise InputError(
            f"--scheduler {address!r} is not an address; write e.g. tcp://10.0.0.5:8786"
        )
    return address


def _pieces(path: Path, cols: _Columns) -> list[dict[str, Any]]:
    """The row groups of a Parquet file or dataset folder: file, group, first row, lon/lat box."""

    files = _parquet_files(path)
    pieces, offset = [], 0
    for f in files:
        try:
            meta = pq.ParquetFile(f).metadata
        except (pa.ArrowException, OSError) as exc:
            raise InputError(f"cannot read {str(f)!r} as Parquet: {exc}") from None
        names = [meta.schema.column(i).name for i in range(meta.num_columns)]
        cols.check(names, where=str(f), how="option")
        for g in range(meta.num_row_groups):
            rg = meta.row_group(g)
            pieces.append(
                {
                    "file": str(f.resolve()),
                    "group": g,
                    "offset": offset,
                    "rows": rg.num_rows,
                    "box": _box(rg, names, cols),
                }
            )
            offset += rg.num_rows
    return pieces


def _parquet_files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*.parquet") if p.is_file())
        if not files:
            raise InputError(f"{str(path)!r} holds no .parquet files")
        return files
    if not path.is_file():
        raise InputError(f"events {str(path)!r} is not a Parquet file or folder")
    if path.suffix.lower() not in (".parquet", ".pq", ".parq"):
        raise InputError(
            f"on a dask cluster the events must be Parquet (a file or a folder), not "
            f"{str(path)!r}; convert it once, e.g. pandas.read_csv(...).to_parquet(...)"
        )
    return [path]


def _box(rg: Any, names: list[str], cols: _Columns) -> tuple[float, ...] | None:
    """(minx, miny, maxx, maxy) of a row group from its column statistics, if written."""
    out = []
    for col in (cols.lon, cols.lat):
        stats = rg.column(names.index(col)).statistics
        if stats is None or not stats.has_min_max:
            return None
        try:
            out.append((float(stats.min), float(stats.max)))
        except (TypeError, ValueError):  # text columns: no numeric box
            return None
    (x0, x1), (y0, y1) = out
    return (x0, y0, x1, y1)


def _submit(
    client: Any,
    pieces: list[dict[str, Any]],
    plan: _Plan,
    cols: _Columns,
    radii: dict[int, float],
    job: _Job,
    tmp: Path,
) -> list[Any]:
    """One task per row group, each given the sub-plan of the features near its box."""

    reach = _padded(plan.bounds, max(radii.values()) if radii else 0.0)
    shipped: dict[bytes, Any] = {}
    futures = []
    for i, piece in enumerate(pieces):
        keep = features_near(reach, piece["box"])
        key = keep.tobytes()
        if key not in shipped:
            shipped[key] = client.scatter(plan.subset(keep), hash=False)
        futures.append(
            client.submit(
                _join_piece,
                piece,
                shipped[key],
                (cols.date, cols.lat, cols.lon, cols.precision),
                job.how,
                radii,
                job.pfreq,
                str(tmp / f"part.{i:05d}.parquet"),
                key=f"geozones-join-{os.getpid()}-{id(tmp)}-{i}",
                pure=False,
            )
        )
    return futures


def features_near(reach: np.ndarray, box: tuple[float, ...] | None) -> np.ndarray:
    """Indices of the features whose padded box ``reach`` meets ``box`` (None: all).

    Examples
    --------
    >>> import numpy as np
    >>> features_near(np.array([[0, 0, 1, 1], [5, 5, 6, 6]]), (0.5, 0.5, 2, 2)).tolist()
    [0]
    """

    if box is None:
        return np.arange(len(reach))
    x0, y0, x1, y1 = box
    return np.flatnonzero(
        (reach[:, 0] <= x1) & (reach[:, 2] >= x0) & (reach[:, 1] <= y1) & (reach[:, 3] >= y0)
    )


def _join_piece(
    piece: dict[str, Any],
    plan: _Plan,
    names: tuple[Any, ...],
    how: str,
    radii: dict[int, float],
    pfreq: str,
    target: str,
) -> dict[str, Any]:
    """On a worker: read one row group, join it, write one output file, return the numbers."""

    cols = _Columns(*names)
    try:
        frame = pq.ParquetFile(piece["file"]).read_row_group(piece["group"]).to_pandas()
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"cannot read {piece['file']!r} as Parquet: {exc}") from None
    frame.index = pd.RangeIndex(piece["offset"], piece["offset"] + len(frame))
    good, bad = clean_events(frame, cols)
    joined = join_frame(good, plan, cols, how=how, radii=radii, workers=1)
    joined.to_parquet(target, index=False)
    matched = joined["feature_id"].notna()
    return {
        "read": len(frame),
        "rejected": bad,
        "rows": int(matched.sum()),
        "certain": int((joined["match"] == "certain").sum()),
        "possible": int((joined["match"] == "possible").sum()),
        "matched_events": int(joined.loc[matched, "event_index"].nunique()),
        "counts": _partial_counts(joined, pfreq, cols.date),
    }


def _add(report: JoinReport, part: dict[str, Any]) -> None:
    report.read += part["read"]
    report.rejected += len(part["rejected"])
    for name in ("rows", "certain", "possible", "matched_events"):
        setattr(report, name, getattr(report, name) + part[name])


@contextlib.contextmanager
def _atomic_dataset(target: Path) -> Iterator[Path]:
    """A temporary folder beside ``target`` that replaces it only when complete.

    An earlier dataset at ``target`` is replaced only if geozones wrote it
    (:data:`~geozones.events._output.DATASET_MARKER`); on any failure, and
    on SIGTERM, the temporary folder is removed.
    """

    target.parent.mkdir(parents=True, exist_ok=True)
    with _exit_on_signals():
        tmp = Path(
            tempfile.mkdtemp(prefix=f".{target.stem}.", suffix=".parquet", dir=target.parent)
        )
        try:
            yield tmp
            (tmp / DATASET_MARKER).write_text("written by geozones join\n", encoding="utf-8")
            old = None
            if target.exists():
                old = Path(tempfile.mkdtemp(prefix=f".{target.stem}.old.", dir=target.parent))
                os.replace(target, old / "dataset")
            os.replace(tmp, target)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
