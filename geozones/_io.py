"""File helpers shared by the writers: atomic writes, bundled data paths."""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
import threading
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


#: Signals that end a process by default and that a writer turns into an exception
#: while it holds a temporary file, so the file is removed before the process ends.
_CLEANUP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def _raise_exit(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def _exit_on_signals() -> Iterator[None]:
    """While inside, SIGTERM and SIGHUP raise ``SystemExit(128 + signal)``.

    Only where they would otherwise kill the process outright (the default
    handler, in the main thread): an application's own handlers are left alone.
    SIGINT already raises ``KeyboardInterrupt``.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    saved = {}
    for sig in _CLEANUP_SIGNALS:
        if signal.getsignal(sig) is signal.SIG_DFL:
            saved[sig] = signal.signal(sig, _raise_exit)
    try:
        yield
    finally:
        for sig, previous in saved.items():
            signal.signal(sig, previous)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it into place only on success.

    Use it for writers that want a file name (GDAL, folium). On any exception
    the temporary file is removed and ``path`` is left as it was; so it is
    when the process is interrupted (Ctrl-C) or terminated (SIGTERM, SIGHUP:
    in the main thread they raise `SystemExit` while the file is written, and
    the process then ends with status 128 + the signal's number).

    Examples
    --------
    >>> with atomic_path("out.txt") as tmp:          # doctest: +SKIP
    ...     tmp.write_text("hello")
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with _exit_on_signals():
        yield from _write_beside(target)


def _write_beside(target: Path) -> Iterator[Path]:
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
