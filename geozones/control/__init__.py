"""Control through time: who held what, on which day (issue #14).

The land is divided into cells around communities (:class:`Cells`; the bundled ones
by :func:`load_cells`); dated events (:class:`ControlEvent`: baselines and captures)
give each cell its holder on each change day (:class:`ControlSurface`), from which
come the area each party holds and the contact lines between holders.

Examples
--------
>>> import datetime, numpy as np, shapely
>>> from geozones.control import Cells, ControlEvent, ControlSurface
>>> cells = Cells.from_polygons([shapely.box(i, 0, i + 1, 1) for i in range(4)])
>>> s = ControlSurface(cells, ["government", "opposition"], [
...     ControlEvent(datetime.date(2019, 1, 1), "opposition", np.arange(4), kind="baseline"),
...     ControlEvent(datetime.date(2019, 8, 23), "government", np.array([0]))])
>>> s.holder_names("2019-09-01")
['government', 'opposition', 'opposition', 'opposition']
"""

from __future__ import annotations

from ._cells import Cells, cell_edges, load_cells
from ._model import CONTACT_FRAME_COLUMNS, CONTROL_FRAME_COLUMNS, Control, empty_frames
from ._surface import ENCLOSED, NOBODY, ControlEvent, ControlSurface, Holding
from ._table import AmbiguousPlaceWarning

__all__ = [
    "AmbiguousPlaceWarning",
    "CONTACT_FRAME_COLUMNS",
    "CONTROL_FRAME_COLUMNS",
    "Control",
    "empty_frames",
    "ENCLOSED",
    "NOBODY",
    "Cells",
    "ControlEvent",
    "ControlSurface",
    "Holding",
    "cell_edges",
    "load_cells",
]
