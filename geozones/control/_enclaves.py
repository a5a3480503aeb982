"""Pockets the front passed: a group of cells of one holder with one other party all around
it (no border, coast or unheld cell) goes to that party, unless a report describes it as
besieged that day (the spec's ``besieged:``).

The search starts from the cells that changed hands on the day and grows each group ring
by ring with numpy, stopping at the first sign that it is open.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

import numpy as np

from ._cells import Cells

#: Holder code of a cell no baseline or event covers.
NOBODY = -1

#: A declared siege: its first day, its last day (None: open) and its cells.
Siege = tuple[_dt.date, _dt.date | None, np.ndarray]


def besieged_on(sieges: Sequence[Siege], day: _dt.date, n_cells: int) -> np.ndarray:
    """Which cells a siege covers on ``day`` (a boolean array).

    Examples
    --------
    >>> import datetime, numpy as np
    >>> d = datetime.date
    >>> besieged_on([(d(2020, 1, 1), d(2020, 2, 1), np.array([1]))], d(2020, 1, 5), 3).tolist()
    [False, True, False]
    """
    kept = np.zeros(n_cells, dtype=bool)
    for start, end, cells in sieges:
        if start <= day and (end is None or day <= end):
            kept[cells] = True
    return kept


def siege_days(sieges: Sequence[Siege]) -> set[_dt.date]:
    """The days on which a siege begins or has just ended (the surface changes on them).

    Examples
    --------
    >>> import datetime, numpy as np
    >>> d = datetime.date
    >>> sorted(siege_days([(d(2020, 1, 1), d(2020, 2, 1), np.array([1]))]))
    [datetime.date(2020, 1, 1), datetime.date(2020, 2, 2)]
    """
    days = set()
    for start, end, _ in sieges:
        days.add(start)
        if end is not None:
            days.add(end + _dt.timedelta(days=1))
    return days


def lifted_on(sieges: Sequence[Siege], day: _dt.date) -> np.ndarray:
    """The cells of the sieges whose last day was the day before ``day`` (they may fall).

    Examples
    --------
    >>> import datetime, numpy as np
    >>> d = datetime.date
    >>> lifted_on([(d(2020, 1, 1), d(2020, 2, 1), np.array([1]))], d(2020, 2, 2)).tolist()
    [1]
    """
    found = [
        np.asarray(cells, dtype=np.int64)
        for _, end, cells in sieges
        if end is not None and end + _dt.timedelta(days=1) == day
    ]
    return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)


def fill_enclaves(cells: Cells, h: np.ndarray, changed: np.ndarray, kept: np.ndarray) -> np.ndarray:
    """Give every enclosed group of cells to the one party around it (``h`` in place).

    A group of neighbouring cells of one holder that touches no border or coast and
    whose neighbours all belong to one other party is taken by that party (the front
    passed it), unless one of its cells is ``kept`` (besieged, or named by a holding report,
    that day). Only the groups
    next to the ``changed`` cells are searched. Returns the cells given.

    Examples
    --------
    >>> import numpy as np, shapely
    >>> c = Cells.from_polygons([shapely.box(i, j, i + 1, j + 1)
    ...                          for j in range(3) for i in range(3)])
    >>> h = np.array([0, 0, 0, 0, 1, 0, 0, 0, 0])
    >>> fill_enclaves(c, h, np.arange(9), np.zeros(9, dtype=bool)).tolist(), h.tolist()[4]
    ([4], 0)
    """
    blocked = cells.outer | kept  # and, as groups are found free, their cells
    seeds = np.unique(np.r_[changed, cells.neighbours(changed)])
    if len(seeds) > len(h) // 10:  # a baseline day: find every free cell at once
        blocked = _free(cells, h, blocked)
    seen = np.zeros(len(h), dtype=bool)
    given = []
    for seed in seeds:
        if seen[seed] or blocked[seed] or h[seed] == NOBODY:
            continue
        group, around = _group(cells, h, int(seed), seen, blocked)
        if group is not None:
            h[group] = around
            given.append(group)
    return np.concatenate(given) if given else np.zeros(0, dtype=np.int64)


def _free(cells: Cells, h: np.ndarray, free: np.ndarray) -> np.ndarray:
    """Every cell joined through cells of its own holder to a ``free`` one (numpy)."""
    a, b = cells.edge_a, cells.edge_b
    same = h[a] == h[b]
    a, b = a[same], b[same]
    free = free.copy()
    while True:
        grow = np.zeros_like(free)
        grow[b[free[a]]] = True
        grow[a[free[b]]] = True
        new = grow & ~free
        if not new.any():
            return free
        free |= new


def _group(
    cells: Cells, h: np.ndarray, seed: int, seen: np.ndarray, blocked: np.ndarray
) -> tuple[np.ndarray | None, int]:
    """The enclosed group of ``seed`` and the one party around it, or (None, -1).

    Grows the group ring by ring (numpy) and stops at the first sign that it is
    not enclosed: a border, besieged or already-free cell, or two holders around
    it. The cells of a group found not enclosed are marked free in ``blocked``, so
    a later seed of the same group stops as soon as it reaches one of them.
    """
    holder = h[seed]
    members, frontier = [np.array([seed])], np.array([seed])
    seen[seed] = True
    around = -2
    while len(frontier):
        nb = cells.neighbours(frontier)
        same = nb[h[nb] == holder]
        other = np.unique(h[nb][h[nb] != holder])
        if (
            blocked[frontier].any()
            or blocked[same].any()
            or len(other) > 1
            or (len(other) == 1 and (other[0] == NOBODY or around not in (-2, other[0])))
        ):
            blocked[np.concatenate(members)] = True  # free: not an enclave
            return None, -1
        if len(other):
            around = int(other[0])
        frontier = np.unique(same[~seen[same]])
        seen[frontier] = True
        members.append(frontier)
    if around < 0:
        blocked[np.concatenate(members)] = True
        return None, -1
    return np.concatenate(members), around
