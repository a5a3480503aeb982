"""Comparing large outputs byte for byte, with a failure that reports at once.

``assert a.read_bytes() == b.read_bytes()`` on megabyte files is right but, when it fails,
pytest's assertion diff of the two byte strings runs for half an hour (a CI run stalled on
the gazetteer's). Comparing SHA-256 digests is the same check with a one-line message.
"""

from __future__ import annotations

import hashlib
from pathlib import Path


def digest(data: Path | bytes) -> str:
    """The SHA-256 hex digest of a file's bytes or of ``data`` itself.

    Examples
    --------
    >>> digest(b"abc")[:12]
    'ba7816bf8f01'
    """
    raw = data.read_bytes() if isinstance(data, Path) else data
    return hashlib.sha256(raw).hexdigest()
