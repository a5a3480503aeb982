"""The vocabulary of the event join: column names, precision radii, days as integers."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ..errors import GeozonesWarning, InputError

#: Uncertainty radius in metres for each ACLED ``geo_precision`` code.
DEFAULT_RADII: dict[int, float] = {1: 0.0, 2: 5_000.0, 3: 25_000.0}

#: Columns that :func:`geozones.events.join_events` adds to the events' own columns.
FEATURE_COLUMNS = ["feature_id", "feature_name", "kind", "agreement", "match"]

#: ACLED export columns read as numbers (when every value in them is one).
NUMERIC_COLUMNS = (
    "year",
    "geo_precision",
    "time_precision",
    "fatalities",
    "inter1",
    "inter2",
    "interaction",
    "iso",
    "timestamp",
    "population_best",
)

NAT = -(2**63)  # an event without a date
NEVER = 2**63 - 1  # a feature without an end (or without a start: it never matches)


class EventsWarning(GeozonesWarning):
    """Events that were read or joined with a caveat (unreadable rows, unknown codes)."""


class _Columns:
    """The names of the event columns the join reads."""

    def __init__(self, date: str, lat: str, lon: str, precision: str | None) -> None:
        self.date, self.lat, self.lon, self.precision = date, lat, lon, precision

    def check(
        self, columns: Any, *, where: str, how: str = "keyword", geometry: bool = False
    ) -> None:
        """Raise :class:`InputError` naming each missing column and how to set it."""
        present = [str(c) for c in columns]
        need = {"date": self.date}
        if not geometry:
            need.update(lat=self.lat, lon=self.lon)
        missing = [(opt, col) for opt, col in need.items() if col not in present]
        if missing:
            flags = {"date": "--date-column", "lat": "--lat", "lon": "--lon"}
            hints = "; ".join(
                f"no column {col!r} (set it with "
                + (flags[opt] if how == "option" else f"{opt}=")
                + " COLUMN)"
                for opt, col in missing
            )
            shown = ", ".join(present[:20]) + (", …" if len(present) > 20 else "")
            raise InputError(f"{where}: {hints}; its columns are: {shown or '(none)'}")


def radii_table(radii: Mapping[int, float] | None) -> dict[int, float]:
    """:data:`DEFAULT_RADII` updated with ``radii``, checked (metres >= 0, finite).

    Examples
    --------
    >>> radii_table({3: 50_000})
    {1: 0.0, 2: 5000.0, 3: 50000.0}
    """
    table = dict(DEFAULT_RADII)
    for code, metres in (radii or {}).items():
        try:
            key, val = int(code), float(metres)
        except (TypeError, ValueError):
            raise InputError(
                f"radii must map precision codes to metres, got {code!r}: "
                f"{metres!r}; e.g. radii={{2: 5000, 3: 25000}}"
            ) from None
        if not math.isfinite(val) or val < 0:
            raise InputError(f"radius for precision {key} must be metres >= 0, got {metres!r}")
        table[key] = val
    return table


def days_of(values: pd.Series, *, nat: int) -> np.ndarray:
    """Datetime-like values → int64 days since 1970; NaT → ``nat``.

    Examples
    --------
    >>> import pandas as pd
    >>> days_of(pd.Series(pd.to_datetime(["1970-01-02", None])), nat=-1).tolist()
    [1, -1]
    """

    if not pd.api.types.is_datetime64_any_dtype(values.dtype):
        values = pd.to_datetime(values, errors="coerce")
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        values = values.dt.tz_localize(None)
    arr = values.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    out = arr.astype("int64")
    out[np.isnat(arr)] = nat
    return out


def is_dask_collection(obj: Any) -> bool:
    """Whether ``obj`` is a dask (or dask-geopandas) collection, without importing dask.

    Examples
    --------
    >>> is_dask_collection([])
    False
    """
    return type(obj).__module__.split(".")[0] in ("dask", "dask_geopandas", "dask_expr")
