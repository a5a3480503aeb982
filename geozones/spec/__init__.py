"""The agreement spec: YAML loading with line numbers, and schema checks.

A spec is a YAML file::

    timeline: {id: idlib, name: Idlib agreements, description: ...}
    agreements:
      - id: moscow-2020
        name: Moscow Additional Protocol
        parties: [Russia, Turkey]
        signed: 2020-03-05
        sources: [{url: https://..., quote: "6 km deep to the north ..."}]
        features:
          - id: m4-corridor
            name: M4 security corridor
            kind: security-corridor
            start: 2020-03-06
            end: null
            confidence: approximate
            geometry: {corridor: {road: M4, from: Trumba, to: Ain al-Havr, width: 6 km}}

This module reads the file (keeping the line of every key and list item),
checks keys, dates, kinds and confidence levels, and returns a :class:`Spec`.
Geometry expressions are checked and evaluated by :mod:`geozones.compiler`.
Every problem is a :class:`~geozones.errors.SpecError` with the file, the
line and what to write instead.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .. import settings
from .._io import data_path
from ..errors import SpecError
from ._check import check
from ._model import (
    AGREEMENT_KEYS,
    AGREEMENT_KINDS,
    BOUNDARY_KEYS,
    FEATURE_KEYS,
    GAZETTEER_KEYS,
    PLACES_FILE_KEYS,
    ROAD_KEYS,
    SIGNED_KINDS,
    SOURCE_KEYS,
    TIMELINE_KEYS,
    TOP_KEYS,
    FeatureSpec,
    Spec,
    suggest,
)
from ._sources import shared_problem, source_problem, url_problem
from ._values import FIRST_DATE, LAST_DATE, OPEN_END_YEAR, parse_date, parse_distance
from ._yaml import LineDict, LineList, line_of, load_yaml

__all__ = [
    "AGREEMENT_KEYS",
    "AGREEMENT_KINDS",
    "BOUNDARY_KEYS",
    "FEATURE_KEYS",
    "FIRST_DATE",
    "GAZETTEER_KEYS",
    "LAST_DATE",
    "OPEN_END_YEAR",
    "PLACES_FILE_KEYS",
    "ROAD_KEYS",
    "SIGNED_KINDS",
    "SOURCE_KEYS",
    "TIMELINE_KEYS",
    "TOP_KEYS",
    "FeatureSpec",
    "LineDict",
    "LineList",
    "Spec",
    "bundled_path",
    "check",
    "line_of",
    "load_yaml",
    "parse_date",
    "parse_distance",
    "read_spec",
    "shared_problem",
    "source_problem",
    "suggest",
    "url_problem",
]


def read_spec(path: str | Path) -> tuple[Spec, bytes]:
    """Read and check a spec file; return the :class:`Spec` (with ``errors``) and its bytes.

    Raises
    ------
    SpecError
        When the file cannot be read or is not YAML (other problems are in ``errors``).

    Examples
    --------
    >>> spec, raw = read_spec(bundled_path())              # doctest: +SKIP
    """
    p = Path(path)
    try:
        raw = _read_bounded(p)
    except FileNotFoundError:
        raise SpecError(
            "no such spec file", path=str(p), hint="give the path of a .yaml spec"
        ) from None
    except OSError as exc:
        raise SpecError(f"cannot read the spec: {exc.strerror}", path=str(p)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SpecError(
            "the spec is not UTF-8 text", path=str(p), line=line, hint="save the file as UTF-8"
        ) from None
    data = load_yaml(text, str(p))
    return check(data, str(p)), raw


def _read_bounded(p: Path) -> bytes:
    """The bytes of a regular file of at most ``settings.max_spec_bytes`` (no FIFO, no device)."""
    st = os.stat(p)
    if not stat.S_ISREG(st.st_mode):
        raise SpecError(
            "the spec is not a regular file (a folder, FIFO or device)",
            path=str(p),
            hint="give the path of a .yaml spec",
        )
    limit = settings.max_spec_bytes
    with open(p, "rb") as fh:
        raw = fh.read(limit + 1)
    if len(raw) > limit:
        raise SpecError(
            f"the spec is larger than settings.max_spec_bytes ({limit:,} bytes)",
            path=str(p),
            hint="split it into several timelines, or raise the setting for a file you trust",
        )
    return raw


def bundled_path(name: str | None = None) -> Path:
    """Path of a bundled timeline spec (default ``settings.default_timeline``).

    Examples
    --------
    >>> bundled_path().name
    'north-west-syria.yaml'
    """

    return data_path("timelines", f"{name or settings.default_timeline}.yaml")
