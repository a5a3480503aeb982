"""Counts of joined events per feature and period, certain and possible apart."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..errors import InputError
from ._columns import is_dask_collection
from ._read import parse_dates


def summarize(joined: Any, freq: str = "MS", *, date: str = "event_date") -> pd.DataFrame:
    """Count matched events per feature and period, certain and possible apart.

    Parameters
    ----------
    joined : DataFrame
        The output of :func:`join_events` (pandas or dask).
    freq : str
        Period length: ``"MS"`` (months), ``"QS"``, ``"YS"``, ``"W"`` (weeks
        from Monday), ``"D"`` — or the pandas period aliases ``M``, ``Q``, ``Y``.
    date : str
        The events' date column.

    Returns
    -------
    pandas.DataFrame
        ``feature_id``, ``feature_name``, ``kind``, ``agreement``, ``period``
        (first day of the period), ``certain``, ``possible``, ``total``, and
        ``fatalities_certain``/``fatalities_possible`` when the events have
        ``fatalities``. Periods with no events between a feature's first and
        last period are listed with zeros.

    Examples
    --------
    >>> summarize(join_events(read_events("events.csv")), "MS").head()   # doctest: +SKIP
    """
    pfreq = _period_freq(freq)
    if is_dask_collection(joined):
        parts = joined.map_partitions(
            _partial_counts, pfreq, date, meta=_partial_counts(joined._meta, pfreq, date)
        ).compute()
    else:
        parts = _partial_counts(joined, pfreq, date)
    return _finish_counts(parts, pfreq)


def _period_freq(freq: str) -> str:

    text = str(freq).strip()
    aliases = {
        "MS": "M",
        "QS": "Q",
        "YS": "Y",
        "AS": "Y",
        "ME": "M",
        "QE": "Q",
        "YE": "Y",
        "A": "Y",
    }
    cand = aliases.get(text.upper(), text)
    try:
        pd.Period("2020-01-01", freq=cand)
    except (ValueError, TypeError):
        raise InputError(
            f"freq {freq!r} is not a period; use MS (months), QS, YS, W or D"
        ) from None
    return cand


_COUNT_KEYS = ["feature_id", "feature_name", "kind", "agreement", "period"]


def _partial_counts(joined: pd.DataFrame, pfreq: str, date: str) -> pd.DataFrame:
    """Counts per (feature, period) of one chunk; sums of chunks give the whole."""

    missing = [c for c in ("feature_id", "match", date) if c not in joined.columns]
    if missing:
        raise InputError(
            f"summarize needs the output of join_events; missing column(s) "
            f"{missing} (set date= to the events' date column)"
        )
    j = joined.loc[joined["feature_id"].notna()]
    dates = j[date]
    if not pd.api.types.is_datetime64_any_dtype(dates.dtype):
        dates = parse_dates(dates)
    period = dates.dt.to_period(pfreq).dt.start_time
    certain = (j["match"].astype(object) == "certain").to_numpy()
    frame = pd.DataFrame(
        {
            "feature_id": j["feature_id"].array,
            "period": period.to_numpy(),
            "certain": certain.astype(np.int64),
            "possible": (~certain).astype(np.int64),
        }
    )
    if "fatalities" in j.columns:
        fat = pd.to_numeric(j["fatalities"], errors="coerce").fillna(0).to_numpy(dtype=float)
        frame["fatalities_certain"] = np.where(certain, fat, 0.0)
        frame["fatalities_possible"] = np.where(certain, 0.0, fat)
    sums = frame.groupby(["feature_id", "period"], sort=False, observed=True).sum()
    sums = sums.reset_index()
    sums["feature_id"] = sums["feature_id"].astype(object)
    labels = j.drop_duplicates("feature_id")[_COUNT_KEYS[:4]].astype(object)
    out = labels.merge(sums, on="feature_id", how="inner")
    return out[[*_COUNT_KEYS, *[c for c in out.columns if c not in _COUNT_KEYS]]]


def _finish_counts(parts: pd.DataFrame, pfreq: str) -> pd.DataFrame:

    sums = parts.groupby(_COUNT_KEYS, sort=True, dropna=False).sum()
    rows = []
    for key, grp in sums.groupby(level=[0, 1, 2, 3], sort=False, dropna=False):
        periods = grp.index.get_level_values("period")
        full = pd.period_range(periods.min(), periods.max(), freq=pfreq).start_time
        idx = pd.MultiIndex.from_tuples([(*key, p) for p in full], names=_COUNT_KEYS)
        rows.append(grp.reindex(idx, fill_value=0))
    if not rows:
        out = pd.DataFrame(columns=[*_COUNT_KEYS, "certain", "possible", "total"])
        return out.astype({"certain": "int64", "possible": "int64", "total": "int64"})
    out = pd.concat(rows).reset_index()
    out["total"] = out["certain"] + out["possible"]
    lead = [*_COUNT_KEYS, "certain", "possible", "total"]
    out = out[lead + [c for c in out.columns if c not in lead]]
    return out.sort_values(["feature_id", "period"], kind="stable").reset_index(drop=True)
