"""A timeline's features made ready for matching: arrays of days, prepared and metric geometry."""

from __future__ import annotations

import copy
import hashlib
import threading
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer

from .. import projection
from ..projection import LocalProjection
from ._columns import NEVER, days_of

if TYPE_CHECKING:  # pragma: no cover
    from ..timeline import Timeline


class _Plan:
    """The features ready for matching: lon/lat and metric geometry, day ranges, labels.

    Distances are measured in :func:`geozones.projection.fit`'s azimuthal
    equidistant projection centred on the features' bounding box. Picklable
    (prepared state is rebuilt after unpickling), so the dask backend ships
    one plan to every worker; :meth:`subset` cuts a plan down to the features
    near one partition of events.
    """

    def __init__(self, features: Any, wkb: np.ndarray | None = None) -> None:

        if features.crs is not None and not features.crs.equals("EPSG:4326"):
            features, wkb = features.to_crs("EPSG:4326"), None
        if wkb is None:  # (plan_of passes the WKB it fingerprinted)
            wkb = shapely.to_wkb(np.asarray(features.geometry.values, dtype=object))
        self._wkb = wkb  # for the copies of other threads (for_thread)
        self.geoms = shapely.from_wkb(self._wkb)  # own copies, prepared below
        self.ids = np.asarray(features["id"].astype(str), dtype=object)
        self.names = np.asarray(features["name"].astype(str), dtype=object)
        self.kinds = np.asarray(features["kind"].astype(str), dtype=object)
        self.agreements = np.asarray(features["agreement"].astype(str), dtype=object)
        self.start = days_of(pd.Series(features["start_date"]), nat=NEVER)
        self.end = days_of(pd.Series(features["end_date"]), nat=NEVER)
        bounds = shapely.bounds(self.geoms)
        self.bounds = np.where(
            np.isnan(bounds), np.array([np.inf, np.inf, -np.inf, -np.inf]), bounds
        )
        self.polygonal = np.isin(shapely.get_type_id(self.geoms), (3, 6))
        local = projection.fit(*self.geoms[np.isfinite(bounds).all(axis=1)])
        self.center = (local.lat0, local.lon0)
        self._ready = False

    def __len__(self) -> int:
        return len(self.ids)

    def __getstate__(self) -> dict[str, Any]:

        drop = {"proj", "boundary", "_ready", "_grids", "_projected", "_metric_lock"}
        drop |= {"_owner", "_copies", "_wkb"}  # per-process and per-thread state
        state = {k: v for k, v in self.__dict__.items() if k not in drop}
        state["geoms"] = self._wkb
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:

        state["_wkb"] = state["geoms"]
        state["geoms"] = shapely.from_wkb(state["geoms"])
        self.__dict__.update(state)
        self._ready = False

    @property
    def projection(self) -> Any:
        """The :class:`geozones.projection.LocalProjection` distances are measured in."""

        return LocalProjection(*self.center)

    @property
    def crs(self) -> Any:
        """The metric CRS (a :class:`pyproj.CRS`) of :attr:`projection`."""
        return self.projection.crs

    def ready(self) -> _Plan:
        """Prepare the lon/lat geometry (the metric copies are made on demand: :meth:`metric`)."""

        if not self._ready:
            shapely.prepare(self.geoms)
            self._metric_lock = threading.Lock()
            self.proj = np.full(len(self), None, dtype=object)
            self.boundary = np.full(len(self), None, dtype=object)
            self._projected = np.zeros(len(self), dtype=bool)
            self._ready = True
        return self

    def metric(self, features: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The metric geometry and (polygons) boundary arrays, with ``features`` projected.

        Only features that an uncertain event comes near are ever projected
        (densified every 0.01°, then prepared): exact joins project nothing.
        """

        self.ready()
        todo = np.unique(features[~self._projected[features]])
        if todo.size:
            with self._metric_lock:
                todo = todo[~self._projected[todo]]
                proj = self.projection.forward(self.geoms[todo])
                polys = np.where(self.polygonal[todo], proj, None)
                bound = shapely.boundary(polys)
                shapely.prepare(proj)
                shapely.prepare(bound)
                self.proj[todo], self.boundary[todo] = proj, bound
                self._projected[todo] = True
        return self.proj, self.boundary

    def for_thread(self) -> _Plan:
        """This plan's geometry for the calling thread, prepared (made once per thread).

        GEOS prepared geometry builds its indexes lazily and is not safe to
        share between threads (libgeos/geos#825), so the first thread to ask
        uses this plan and every other thread gets its own copy of the
        geometry; the grid indexes (numpy arrays only) are shared.
        """
        me = threading.get_ident()
        with _THREADS:
            self.__dict__.setdefault("_grids", {})
            if self.__dict__.get("_owner") is None:
                self._owner = me
            if self._owner == me:
                mine = self
            else:
                copies = self.__dict__.setdefault("_copies", {})
                mine = copies.get(me) or copies.setdefault(me, self._copy(me))
        return mine.ready()

    def _copy(self, owner: int) -> _Plan:

        out = copy.copy(self)
        for name in ("proj", "boundary", "_projected", "_metric_lock", "_copies"):
            out.__dict__.pop(name, None)
        out.geoms = shapely.from_wkb(self._wkb)
        out._owner, out._ready = owner, False
        return out

    def to_metres(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Project lon/lat arrays to the plan's metric CRS."""
        return _transformer(*self.center).transform(x, y)

    def subset(self, keep: np.ndarray) -> _Plan:
        """A plan of the features ``keep`` (indices or mask), measured in the same projection."""

        out = copy.copy(self)
        for name in ("_grids", "proj", "boundary", "_projected", "_metric_lock", "_owner"):
            out.__dict__.pop(name, None)
        out.__dict__.pop("_copies", None)
        out._ready = False
        out._wkb = self._wkb[keep]
        for name in ("geoms", "ids", "names", "kinds", "agreements", "start", "end", "polygonal"):
            setattr(out, name, getattr(self, name)[keep])
        out.bounds = self.bounds[keep]
        return out


_THREADS = threading.Lock()  # guards the per-thread copies of every plan


@lru_cache(maxsize=32)
def _transformer(lat0: float, lon0: float) -> Any:
    """lon/lat → metres in the CRS of ``LocalProjection(lat0, lon0)`` (cached: PROJ setup)."""

    return Transformer.from_crs("EPSG:4326", LocalProjection(lat0, lon0).crs, always_xy=True)


def plan_of(timeline: Timeline) -> _Plan:
    """The timeline's features ready for matching, kept on the timeline for reuse.

    Rebuilt whenever the features change (a fingerprint of their ids, dates
    and geometry is compared; hashing even a large timeline takes
    milliseconds).

    Examples
    --------
    >>> from geozones import load_timeline
    >>> tl = load_timeline()                                       # doctest: +SKIP
    >>> plan_of(tl) is plan_of(tl)                                 # doctest: +SKIP
    True
    """

    wkb = shapely.to_wkb(timeline.features.geometry.values)
    key = _fingerprint(timeline.features, wkb)
    cached = getattr(timeline, "_events_plan", None)
    if cached is not None and cached[0] == key:
        return cached[1]
    plan = _Plan(timeline.features, wkb)
    try:
        timeline._events_plan = (key, plan)  # type: ignore[attr-defined]
    except AttributeError:  # pragma: no cover - slotted objects
        pass
    return plan


def _fingerprint(features: Any, wkb: np.ndarray) -> str:

    h = hashlib.blake2b(digest_size=16)
    for col in ("id", "name", "kind", "agreement", "start_date", "end_date"):
        h.update(
            pd.util.hash_pandas_object(features[col].astype(str), index=False).to_numpy().tobytes()
        )
    parts = [w or b"-" for w in wkb]
    h.update(str([len(w) for w in parts]).encode())  # the lengths make the join unambiguous
    h.update(b"".join(parts))
    h.update(str(features.crs).encode())
    return h.hexdigest()
