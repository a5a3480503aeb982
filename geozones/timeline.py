"""The :class:`Timeline`: dated, sourced features compiled from an agreement spec.

A feature is active on day ``d`` when ``start_date <= d`` and either
``end_date`` is open (NaT) or ``d <= end_date``: ``end_date`` is the last
day the feature was in force (inclusive).
"""

from __future__ import annotations

import bisect
import datetime as _dt
import html
import importlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from .errors import InputError

#: Columns every ``Timeline.features`` frame has, in this order.
FEATURE_COLUMNS = [
    "id",
    "name",
    "kind",
    "agreement",
    "agreement_name",
    "start_date",
    "end_date",
    "confidence",
    "notes",
    "sources",
    "geometry",
]


#: The function that draws a timeline as one HTML page for ``Timeline._repr_html_``
#: ("module:function"). Named rather than imported: maps are a higher layer than the model.
HTML_RENDERER = "geozones.maps:map_html"


def to_date(value: Any, *, what: str = "date") -> _dt.date:
    """Coerce an ISO string, ``date``, ``datetime`` or ``Timestamp`` to a ``date``.

    Examples
    --------
    >>> to_date("2020-03-06")
    datetime.date(2020, 3, 6)
    """
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime().date()
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise InputError(f"{what} {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2020-03-06")


def in_force_matrix(start: Any, end: Any, dates: Iterable[Any]) -> np.ndarray:
    """The in-force rule for any dated rows: boolean array (dates × rows).

    Row ``j`` is in force on day ``d`` when ``start[j] <= d`` and ``end[j]`` is
    open (NaT) or ``d <= end[j]`` (the last day in force). Used for features
    (:meth:`Timeline.in_force_matrix`) and for the control rows of a timeline.

    Examples
    --------
    >>> import pandas as pd
    >>> start = pd.to_datetime(pd.Series(["2020-01-01", "2020-02-01"]))
    >>> end = pd.to_datetime(pd.Series(["2020-01-31", None]))
    >>> in_force_matrix(start, end, ["2020-01-31", "2020-02-01"]).tolist()
    [[True, False], [False, True]]
    """

    days = pd.to_datetime(pd.Series([to_date(d) for d in dates], dtype=object))
    day = days.to_numpy().astype("datetime64[ns]")
    first = pd.to_datetime(pd.Series(start)).to_numpy().astype("datetime64[ns]")
    last = pd.to_datetime(pd.Series(end)).to_numpy().astype("datetime64[ns]")
    return (first[None, :] <= day[:, None]) & (
        np.isnat(last)[None, :] | (day[:, None] <= last[None, :])
    )


class Timeline:
    """Dated features of one or more agreements.

    Parameters
    ----------
    features : GeoDataFrame
        One row per feature, EPSG:4326, with at least :data:`FEATURE_COLUMNS`.
    name : str
        Human title of the timeline.
    id : str
        Short slug (the spec's file stem), used for default output names.
    agreements : list of dict
        The agreements: ``id``, ``name``, ``parties``, ``signed``, ``sources``, ``notes``.
    places : list of Place
        The gazetteer places the spec named (for the places CSV export).
    declared : dict, optional
        What the spec declared beyond the bundled data, paths resolved against the spec:
        ``countries`` (ISO codes of ``gazetteer: countries:``), ``country`` (the
        timeline's default country), ``places`` (``gazetteer: files:`` items),
        ``roads`` and ``boundaries`` (their items). Empty for a spec that declares
        nothing; the maps draw their basemap from it.

    Examples
    --------
    >>> tl = load_timeline()                                  # doctest: +SKIP
    >>> tl.at("2020-03-15")[["id", "kind"]].head()            # doctest: +SKIP
    """

    def __init__(
        self,
        features: gpd.GeoDataFrame,
        *,
        name: str = "timeline",
        id: str = "timeline",
        description: str = "",
        agreements: list[dict[str, Any]] | None = None,
        places: list[Any] | None = None,
        path: str | Path | None = None,
        control: Any = None,
        declared: dict[str, Any] | None = None,
    ) -> None:
        missing = [c for c in FEATURE_COLUMNS if c not in features.columns]
        if missing:
            raise InputError(f"timeline features lack columns {missing}")
        self.features = features
        self.name = name
        self.id = id
        self.description = description
        self.agreements = list(agreements or [])
        self.places = list(places or [])
        self.path = Path(path) if path else None
        #: The compiled control table (``geozones.control.Control``), or None. Held, not
        #: imported: control is an engine, a layer above the model.
        self._control = control
        #: What the spec declared (``gazetteer:``, ``roads:``, ``boundaries:``), paths resolved.
        self.declared: dict[str, Any] = dict(declared or {})

    def __repr__(self) -> str:
        n, a = len(self.features), len(self.agreements)
        return f"<Timeline {self.id!r}: {n} features, {a} agreements>"

    def _repr_html_(self) -> str:
        """The timeline's map, inline in Jupyter.

        The self-contained map of :func:`geozones.render_map` inside an
        ``<iframe srcdoc>`` (escaped, sandboxed: its scripts run, it cannot reach
        the notebook), so it shows with no network like the HTML file.

        Examples
        --------
        >>> tl = load_timeline()                                  # doctest: +SKIP
        >>> tl  # in a notebook cell, shows the map                 # doctest: +SKIP
        """

        # named, not imported: the map is an output, a layer above the model
        module, _, name = HTML_RENDERER.partition(":")
        doc = getattr(importlib.import_module(module), name)(self)
        return (
            f'<iframe title="{html.escape(self.name)}" srcdoc="{html.escape(doc, quote=True)}" '
            'style="width:100%;height:600px;border:1px solid #ccc" '
            'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>'
        )

    def __len__(self) -> int:
        return len(self.features)

    def in_force(self, date: Any) -> pd.Series:
        """Boolean Series: which features are in force on ``date``.

        The one rule of the project: a feature is in force on day ``d`` when
        ``start_date <= d`` and either ``end_date`` is open (NaT) or
        ``d <= end_date`` (the last day in force). Maps, locate and the
        event join all use it (or :meth:`in_force_matrix`).

        Examples
        --------
        >>> tl = load_timeline()                                  # doctest: +SKIP
        >>> tl.features.loc[tl.in_force("2020-03-15"), "id"].tolist()[:2]  # doctest: +SKIP
        ['euphrates-shield-held-area', 'm5-government-control']
        """

        d = pd.Timestamp(to_date(date))
        f = self.features
        return (f["start_date"] <= d) & (f["end_date"].isna() | (d <= f["end_date"]))

    def active_mask(self, date: Any) -> pd.Series:
        """Boolean Series: which features are active on ``date`` (:meth:`in_force`).

        Examples
        --------
        >>> tl = load_timeline()                                  # doctest: +SKIP
        >>> tl.active_mask("2020-03-15").equals(tl.in_force("2020-03-15"))  # doctest: +SKIP
        True
        """
        return self.in_force(date)

    def in_force_matrix(self, dates: Iterable[Any]) -> np.ndarray:
        """Boolean array (dates × features): :meth:`in_force` of many days at once.

        Examples
        --------
        >>> tl = load_timeline()                                  # doctest: +SKIP
        >>> tl.in_force_matrix(["2017-01-01", "2020-03-15"]).sum(axis=1)  # doctest: +SKIP
        array([ 3, 14])
        """
        return in_force_matrix(self.features["start_date"], self.features["end_date"], dates)

    def at(self, date: Any) -> gpd.GeoDataFrame:
        """The features active on ``date`` (a copy).

        Examples
        --------
        >>> load_timeline().at("2020-03-15")["id"].tolist()      # doctest: +SKIP
        """
        return self.features.loc[self.active_mask(date)].copy()

    def slices(self) -> list[_dt.date]:
        """The dates at which the set of active features changes, sorted.

        Each start date, and the day after each end date.

        Examples
        --------
        >>> load_timeline().slices()[:2]                          # doctest: +SKIP
        [datetime.date(2016, 8, 24), ...]
        """

        f = self.features
        ends = f["end_date"].dropna() + pd.Timedelta(days=1)
        stamps = pd.concat([f["start_date"].dropna(), ends]).drop_duplicates().sort_values()
        days = [t.date() for t in stamps]
        if self._control is not None:  # the change days of control count too
            days = sorted(set(days) | set(self._control.days))
        return days

    def change_days(self) -> list[_dt.date]:
        """Every day on which the map changes: :meth:`slices` and the control changes.

        The same as :meth:`slices` for a timeline without a control table.

        Examples
        --------
        >>> load_timeline().change_days()[:1]                     # doctest: +SKIP
        [datetime.date(2016, 8, 24)]
        """

        days = set(self.slices())
        for name in ("control", "contact_lines"):
            frame = getattr(self, name, None)
            if frame is None or not len(frame):
                continue
            days.update(t.date() for t in pd.to_datetime(frame["start_date"]).dropna())
            ends = pd.to_datetime(frame["end_date"]).dropna() + pd.Timedelta(days=1)
            days.update(t.date() for t in ends)
        return sorted(days)

    def events(self, date: Any) -> list[dict[str, Any]]:
        """What happened on ``date``: features that start or end, agreements signed.

        Each item: ``{"type": "start"|"end"|"signed", "id", "name", "kind"}``
        (a signing also has its ``"date"``); an ``end`` event is reported on the
        day after the last day in force.

        Examples
        --------
        >>> [e["id"] for e in load_timeline().events("2020-03-05")]  # doctest: +SKIP
        ['moscow-protocol']
        """
        day = to_date(date).isoformat()
        return self.events_by_day([day])[day]

    def events_by_day(self, days: Iterable[Any] | None = None) -> dict[str, list[dict[str, str]]]:
        """:meth:`events` of many days in one pass: ISO day → its events.

        Parameters
        ----------
        days : iterable of dates, optional
            The days to report. ``None``: every day on which something happens.
            With ``days`` given, an agreement signed between two of them is
            reported on the next one (with its own ``"date"``, as every
            signing), so that no signing falls between two positions of a
            time axis.

        Examples
        --------
        >>> load_timeline().events_by_day()["2020-03-05"][0]["type"]  # doctest: +SKIP
        'signed'
        """

        f = self.features
        starts = f["start_date"].dt.strftime("%Y-%m-%d").tolist()
        ends = (f["end_date"] + pd.Timedelta(days=1)).dt.strftime("%Y-%m-%d").tolist()
        signed = self._signed_days()
        if days is None:
            every = {d for d in starts + ends if isinstance(d, str)} | {d for d, _ in signed}
            out: dict[str, list[dict[str, str]]] = {d: [] for d in sorted(every)}
        else:
            out = {to_date(d).isoformat(): [] for d in days}
        ident = [f[c].astype(str).tolist() for c in ("id", "name", "kind")]
        for kind, column in (("start", starts), ("end", ends)):
            for day, fid, name, fkind in zip(column, *ident, strict=True):
                if isinstance(day, str) and day in out:
                    out[day].append({"type": kind, "id": fid, "name": name, "kind": fkind})
        ordered = sorted(out)
        for day, ag in signed:
            at = bisect.bisect_left(ordered, day)
            if at == len(ordered) or (at == 0 and day != ordered[0]):
                continue  # signed after the last or before the first day asked for
            out[ordered[at]].append(
                {
                    "type": "signed",
                    "id": str(ag.get("id", "")),
                    "name": str(ag.get("name") or ag.get("id", "")),
                    "kind": "agreement",
                    "date": day,
                }
            )
        return out

    def _signed_days(self) -> list[tuple[str, dict[str, Any]]]:
        """(ISO signing day, agreement) of every agreement with a readable signing date."""
        out = []
        for ag in self.agreements:
            try:
                day = to_date(ag.get("signed")).isoformat() if ag.get("signed") else None
            except InputError:
                continue
            if day is not None:
                out.append((day, ag))
        return out

    def filter(self, ids: Iterable[str]) -> Timeline:
        """A timeline with only the features whose ids are given.

        Examples
        --------
        >>> len(load_timeline().filter(["m4-corridor"]))          # doctest: +SKIP
        1
        """
        keep = set(ids)
        return Timeline(
            self.features.loc[self.features["id"].isin(keep)].copy(),
            name=self.name,
            id=self.id,
            description=self.description,
            agreements=self.agreements,
            places=self.places,
            path=self.path,
            control=self._control,
            declared=self.declared,
        )

    # --- control through time (issue #14) ----------------------------------------------------

    @property
    def parties(self) -> dict[str, dict[str, str]]:
        """The spec's parties: name → ``{"colour": "#rrggbb", "label": str}`` ({} if none).

        Examples
        --------
        >>> sorted(load_timeline().parties)[:2]                   # doctest: +SKIP
        ['government', 'isis']
        """
        return dict(self._control.parties) if self._control is not None else {}

    @property
    def control(self) -> gpd.GeoDataFrame:
        """Area held by each party per period: party, start_date, end_date, geometry.

        ``end_date`` is the last day (inclusive), NaT while still held; one row per
        party and period of unchanged area (MultiPolygons). Empty without a control table.

        Examples
        --------
        >>> load_timeline().control.columns.tolist()              # doctest: +SKIP
        ['party', 'start_date', 'end_date', 'geometry']
        """
        return self._control.frame if self._control is not None else _empty_control()[0]

    @property
    def contact_lines(self) -> gpd.GeoDataFrame:
        """The contact line per period: start_date, end_date, geometry (on land only).

        Examples
        --------
        >>> load_timeline().contact_lines.geometry.iloc[-1].geom_type  # doctest: +SKIP
        'MultiLineString'
        """
        if self._control is None:
            return _empty_control()[1]
        return self._control.contact_frame

    def control_at(self, place_or_point: Any, date: Any) -> Any:
        """Who held a place on ``date``, since when, by which report.

        Parameters
        ----------
        place_or_point : str, (lat, lon), shapely Point or Place
        date : str or date

        Returns
        -------
        Holding
            ``holder`` (a party, or None where the table says nothing), ``since``
            (first day of the unbroken hold), ``event`` and ``source`` (the report).

        Raises
        ------
        InputError
            When the timeline has no control table, or for a bad place or date.

        Examples
        --------
        >>> h = load_timeline().control_at("Kafranbel", "2020-03-15")  # doctest: +SKIP
        >>> h.holder, h.since                                      # doctest: +SKIP
        ('government', datetime.date(2020, 2, 25))
        """
        if self._control is None:
            raise InputError(
                f"timeline {self.id!r} has no control table; add 'parties:' and 'control:' "
                "to its spec (see docs/spec.md)"
            )
        return self._control.at(place_or_point, date)

    def holders(self, lons: Any, lats: Any, dates: Any) -> np.ndarray:
        """The holder (party or None) of each point on its date, vectorized.

        Examples
        --------
        >>> load_timeline().holders([36.56], [35.61], ["2020-03-15"]).tolist()  # doctest: +SKIP
        ['government']
        """

        if self._control is None:
            return np.full(len(np.asarray(lons)), None, dtype=object)
        return self._control.holders(lons, lats, dates)


def _empty_control() -> tuple[Any, Any]:
    """Empty control and contact-line frames (for a timeline without a control table)."""

    def frame(cols: list[str]) -> Any:
        data = {c: pd.Series([], dtype="datetime64[ns]" if "date" in c else object) for c in cols}
        return gpd.GeoDataFrame(data, geometry=[], crs="EPSG:4326")

    return frame(["party", "start_date", "end_date"]), frame(["start_date", "end_date"])
