"""Writing join outputs: targets checked before any work, one line on failure, safe CSV."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import InputError

#: File inside a Parquet dataset folder written by geozones (so a re-run may replace it).
DATASET_MARKER = "_geozones"

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def _csv_safe_text(value: Any) -> Any:
    """One cell: text that a spreadsheet would run as a formula gets a leading ``'``."""
    if (
        isinstance(value, str)
        and value.startswith(_FORMULA_START)
        and not _PLAIN_NUMBER.match(value)
    ):
        return "'" + value
    return value


def _csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` safe to open in a spreadsheet (OWASP CSV injection advice).

    Text cells starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return get a leading ``'``; numbers (numeric columns, and text that is a
    plain number such as ``-3.5``) are left as they are.
    """

    out = frame.copy(deep=False)
    for col in out.columns:
        series = out[col]
        if isinstance(series.dtype, pd.CategoricalDtype):
            cats = series.cat.categories
            if cats.dtype == object or pd.api.types.is_string_dtype(cats.dtype):
                new = [_csv_safe_text(c) for c in cats]
                if new == list(cats):
                    continue
                if len(set(new)) == len(new):
                    out[col] = series.cat.rename_categories(new)
                else:  # "=x" and "'=x" both present: plain text instead
                    out[col] = series.astype(object).map(_csv_safe_text, na_action="ignore")
        elif series.dtype == object or pd.api.types.is_string_dtype(series.dtype):
            out[col] = series.map(_csv_safe_text, na_action="ignore")
    return out


def check_target(
    path: str | Path, what: str, suffixes: tuple[str, ...], *, dataset: bool = False
) -> Path:
    """An output path that can be written atomically, or :class:`InputError` saying why not.

    ``dataset=True``: the output is a folder of Parquet files; an existing one
    is replaced only if geozones wrote it (it holds a ``_geozones`` marker).

    Examples
    --------
    >>> check_target("out.csv", "--out", (".csv",)).name
    'out.csv'
    """
    p = Path(path)
    if p.is_dir() and not (dataset and (p / DATASET_MARKER).exists()):
        raise InputError(f"{what} {str(path)!r} is a folder; give a file name inside it")
    if p.suffix.lower() not in suffixes:
        raise InputError(
            f"{what} {str(path)!r}: give a file name ending in {' or '.join(suffixes)}"
        )
    if p.exists() and not p.is_file() and not p.is_dir():
        raise InputError(f"{what} {str(path)!r} is not a regular file (a device or pipe)")
    parent = next((a for a in p.absolute().parents if a.exists()), None)
    if parent is not None and not parent.is_dir():
        raise InputError(f"{what} {str(path)!r}: {str(parent)!r} is a file, not a folder")
    return p


@contextlib.contextmanager
def writing(path: str | Path) -> Iterator[None]:
    """Turn an OS error while writing ``path`` (full disk, no permission) into one line.

    Examples
    --------
    >>> with writing("/no/such/folder/x.csv"):                 # doctest: +SKIP
    ...     open("/no/such/folder/x.csv", "w")
    Traceback (most recent call last):
    InputError: cannot write '/no/such/folder/x.csv': No such file or directory
    """
    try:
        yield
    except OSError as exc:
        text = str(exc).strip().splitlines()
        reason = exc.strerror or (text[0] if text else type(exc).__name__)
        raise InputError(f"cannot write {str(path)!r}: {reason}") from None


class ChunkWriter:
    """Appends joined chunks to one CSV or Parquet file (a stable schema across chunks)."""

    def __init__(self, target: Path) -> None:
        self.parquet = target.suffix.lower() == ".parquet"
        self.fh: Any = None
        self.pq: Any = None
        self.schema: Any = None
        self.path: Path | None = None

    def open(self, tmp: Path) -> None:
        """Start writing to the temporary file ``tmp``."""
        self.path = tmp
        if not self.parquet:
            self.fh = open(tmp, "w", encoding="utf-8", newline="")

    def write(self, frame: pd.DataFrame) -> None:
        """Append one chunk (CSV: text cells made spreadsheet-safe)."""
        if not self.parquet:
            _csv_safe(frame).to_csv(
                self.fh, header=self.fh.tell() == 0, index=False, date_format="%Y-%m-%d"
            )
            return

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
        """Finish the file (also after an error, so the temporary file can be removed)."""
        if self.fh is not None:
            self.fh.close()
        if self.pq is not None:
            self.pq.close()
