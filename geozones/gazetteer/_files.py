"""Files a user gives the gazetteer: only local regular files of bounded size."""

from __future__ import annotations

import stat
from pathlib import Path

from ..errors import InputError

#: Largest file the gazetteer reads (a GeoNames country dump, zipped or not, is below it).
MAX_FILE_BYTES = 512 * 1024 * 1024


def local_file(path: str | Path, what: str, max_bytes: int = MAX_FILE_BYTES) -> Path:
    """``path`` as a Path if it is a readable local regular file not over ``max_bytes``.

    GDAL virtual paths (``/vsicurl/``, ``/vsizip/`` …), URLs, FIFOs, devices and
    directories are refused: a file named by a spec must not reach the network
    or block the reader.

    Examples
    --------
    >>> local_file("/vsicurl/http://example.org/x.geojson", "road file")
    Traceback (most recent call last):
    geozones.errors.InputError: road file '/vsicurl/http://example.org/x.geojson' is not a ...
    """
    text = str(path)
    if text.lower().startswith("/vsi") or "://" in text or "\0" in text:
        raise InputError(
            f"{what} {text!r} is not a local file: give the path of a file on this computer"
        )
    p = Path(text).expanduser()
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(f"{what} {text!r} does not exist") from None
    except OSError as exc:
        raise InputError(f"{what} {text!r} cannot be read ({exc.strerror})") from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{what} {text!r} is not a regular file; give a file, not a folder")
    if st.st_size > max_bytes:
        raise InputError(
            f"{what} {text!r} is {st.st_size / 1e6:,.0f} MB, more than the "
            f"{max_bytes / 1e6:,.0f} MB the gazetteer reads; extract the places you need"
        )
    return p
