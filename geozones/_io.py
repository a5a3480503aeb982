"""File helpers shared by the writers: atomic writes, bundled data paths."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from . import settings


def data_path(*parts: str) -> Path:
    """Path of a bundled data file under ``settings.data_dir``.

    Examples
    --------
    >>> data_path("SOURCES.md").name
    'SOURCES.md'
    """
    return Path(settings.data_dir, *parts)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it into place only on success.

    Use it for writers that want a file name (GDAL, folium). On any exception
    the temporary file is removed and ``path`` is left as it was.

    Examples
    --------
    >>> with atomic_path("out.txt") as tmp:          # doctest: +SKIP
    ...     tmp.write_text("hello")
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{target.stem}.", suffix=target.suffix or ".tmp", dir=target.parent
    )
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # writers such as GDAL refuse to overwrite; let them create it
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path`` for writing; rename it over ``path`` on success.

    Examples
    --------
    >>> with atomic_open("out.json") as f:            # doctest: +SKIP
    ...     f.write("{}")
    """
    if "b" not in mode:
        kwargs.setdefault("encoding", "utf-8")
    with atomic_path(path) as tmp, open(tmp, mode, **kwargs) as fh:
        yield fh
