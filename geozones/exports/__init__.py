"""Export a Timeline to files that GIS tools open unchanged.

The public functions are `export` and `resolve_format`; each format has a
private module (``_geojson``, ``_tables`` for GeoPackage and FlatGeobuf with
``_qgis`` for the stored QGIS style, ``_kml``, ``_csv``), and ``_common``
holds what they share. Attribute values are written through
`geozones.feature_values`, the rule the HTML map follows too (missing text is
``""``, a missing date ``None``).

The formats:

- **geojson** (`.geojson`, `.json`): an RFC 7946 FeatureCollection: lon/lat
  WGS84, no `crs`, counter-clockwise exterior rings and clockwise holes,
  `settings.coordinate_precision` decimals, a `bbox`.
- **gpkg** (`.gpkg`): a GeoPackage with layers `areas`, `lines` and `points`
  (one per geometry dimension, each with a `kind` column); `start_date` and
  `end_date` are DATE columns; a default QGIS style per layer (colours by
  kind, outlines by confidence, temporal settings).
- **kml** (`.kml`): KML 2.2, one Folder per map layer, a `<TimeSpan>` per
  Placemark for Google Earth's time slider, a Style per kind, sources as links.
- **fgb** (`.fgb`): FlatGeobuf, one layer, the GeoPackage columns.
- **csv** (`.csv`): the gazetteer places the spec named (name, lat, lon,
  kind, source, source_id, admin, country).

Every file is written beside its target and renamed into place only once it
is complete (`geozones._io.atomic_path`): a failure never leaves a partial
file.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._io import atomic_path
from ..errors import ExportError, GeozonesError, InputError
from ..feature_values import COLUMNS
from ._common import check_coordinates, reason, select
from ._csv import PLACE_COLUMNS, unique_places, write_csv
from ._geojson import geojson_text, write_geojson
from ._kml import write_kml
from ._tables import GPKG_LAYERS, write_fgb, write_gpkg

if TYPE_CHECKING:  # pragma: no cover
    from ..timeline import Timeline

#: Export formats and the file extensions they are inferred from.
FORMATS: dict[str, tuple[str, ...]] = {
    "geojson": (".geojson", ".json"),
    "gpkg": (".gpkg",),
    "kml": (".kml",),
    "fgb": (".fgb",),
    "csv": (".csv",),
}


def export(
    timeline: Timeline,
    path: str | os.PathLike[str],
    format: str | None = None,
    date: Any = None,
) -> Path:
    """Write a timeline (or what is active on one date) to a GIS file.

    Parameters
    ----------
    timeline : Timeline
        The compiled timeline, e.g. from `geozones.load_timeline()`.
    path : str or PathLike
        The file to write. ``"-"`` writes GeoJSON to standard output.
    format : str, optional
        One of ``geojson``, ``gpkg``, ``kml``, ``fgb``, ``csv``. By default it
        is inferred from the extension of ``path`` (``.geojson``/``.json``,
        ``.gpkg``, ``.kml``, ``.fgb``, ``.csv``).
    date : str or date, optional
        Export only the features active on this day (``Timeline.at``). Not
        allowed with ``csv``, which lists the places the spec named.

    Returns
    -------
    Path
        `path` as a `pathlib.Path` (`Path("-")` for standard output).

    Raises
    ------
    ExportError
        Unknown format, an extension that names no format, or a file that
        cannot be written (the message says why). Nothing is left behind.
    InputError
        ``date`` is not a date.

    Examples
    --------
    >>> import geozones
    >>> tl = geozones.load_timeline()                                  # doctest: +SKIP
    >>> geozones.export(tl, "nw-syria.gpkg")                           # doctest: +SKIP
    PosixPath('nw-syria.gpkg')
    >>> geozones.export(tl, "2020-03-15.kml", date="2020-03-15")       # doctest: +SKIP
    PosixPath('2020-03-15.kml')
    """
    fmt = resolve_format(path, format)
    if fmt == "csv" and date is not None:
        raise InputError(
            "the places CSV lists every place the spec named and has no dates; "
            "export it without a date"
        )
    features = select(timeline, date)
    check_coordinates(features)
    if str(path) == "-":
        if fmt != "geojson":
            raise ExportError(f"only GeoJSON can be written to standard output, not {fmt}")
        sys.stdout.write(geojson_text(timeline, features))
        sys.stdout.flush()
        return Path("-")
    target = Path(path).expanduser()
    if target.is_dir():
        raise ExportError(f"cannot write {fmt} to {target}: it is a folder; give a file name")
    try:
        with atomic_path(target) as tmp:
            _WRITERS[fmt](timeline, features, tmp)
    except GeozonesError:
        raise
    except Exception as exc:
        # OS and encoding errors, GDAL's (pyogrio raises RuntimeError subclasses), GEOS's
        if not isinstance(exc, (OSError, UnicodeError, ValueError, RuntimeError)) and not (
            type(exc).__module__.startswith("shapely")
        ):
            raise
        raise ExportError(f"cannot write {fmt} to {target}: {reason(exc)}") from exc
    return target


def resolve_format(path: str | os.PathLike[str], format: str | None = None) -> str:
    """The format `export` writes: ``format`` if given (checked), else from the extension.

    Parameters
    ----------
    path : str or PathLike
        The file to write; ``"-"`` means GeoJSON on standard output.
    format : str, optional
        A format name (``geojson``, ``gpkg``, ``kml``, ``fgb``, ``csv``; also
        ``json``, ``geopackage``, ``flatgeobuf``), any case.

    Returns
    -------
    str
        One of the keys of `FORMATS`.

    Raises
    ------
    ExportError
        An unknown format, or an extension that names none.

    Examples
    --------
    >>> resolve_format("zones.GPKG"), resolve_format("-"), resolve_format("x.txt", "KML")
    ('gpkg', 'geojson', 'kml')
    """
    if format is not None:
        fmt = str(format).strip().lower().lstrip(".")
        fmt = {"json": "geojson", "flatgeobuf": "fgb", "geopackage": "gpkg"}.get(fmt, fmt)
        if fmt not in FORMATS:
            raise ExportError(f"unknown export format {format!r}; use one of: {', '.join(FORMATS)}")
        return fmt
    if str(path) == "-":
        return "geojson"
    suffix = Path(path).suffix.lower()
    for fmt, exts in FORMATS.items():
        if suffix in exts:
            return fmt
    known = ", ".join(e for exts in FORMATS.values() for e in exts)
    raise ExportError(
        f"cannot tell the export format of {str(path)!r} from its extension "
        f"{suffix or '(none)'!r}; name the file with one of {known} or give a format "
        f"({', '.join(FORMATS)})"
    )


_WRITERS: dict[str, Callable[[Any, Any, Path], None]] = {
    "geojson": write_geojson,
    "gpkg": write_gpkg,
    "kml": write_kml,
    "fgb": write_fgb,
    "csv": write_csv,
}

__all__ = [
    "export",
    "resolve_format",
    "unique_places",
    "FORMATS",
    "GPKG_LAYERS",
    "COLUMNS",
    "PLACE_COLUMNS",
]
