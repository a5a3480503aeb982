"""The default QGIS style of each GeoPackage layer (table ``layer_styles``)."""

from __future__ import annotations

import datetime as _dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pyogrio

from ..kinds import KINDS
from ._common import sub

if TYPE_CHECKING:  # pragma: no cover
    from ..timeline import Timeline

# QGIS default styles stored in the GeoPackage (table ``layer_styles``, the
# table QGIS itself writes with "Save as Default → Datasource Database"):
# features are coloured by kind with solid / dashed / dotted outlines for
# surveyed / approximate / schematic. The temporal part is exactly what QGIS
# guesses by itself from the fields (mode "Separate Fields" on start_date and
# end_date, its default limits), switched on: a user who only ticks Dynamic
# Temporal Control gets the same filter as one who restores this style. It is
# right because the fields are datetimes from the start day's 00:00:00 to the
# end day's 23:59:59 (see ``_tables._attribute_frame``); NULL ends are open.

#: ``Qgis::VectorTemporalMode::FeatureDateTimeStartAndEndFromFields``
_MODE_FIELDS = "2"
#: ``Qgis::VectorTemporalLimitMode::IncludeBeginExcludeEnd``, QGIS's default
_LIMIT_DEFAULT = "0"
_QGIS_SYMBOL = {2: ("fill", "SimpleFill"), 1: ("line", "SimpleLine"), 0: ("marker", "SimpleMarker")}
_QGIS_DASH = (
    "CASE WHEN \"confidence\" = 'surveyed' THEN 'solid' "
    "WHEN \"confidence\" = 'schematic' THEN 'dot' ELSE 'dash' END"
)


def _rgba(hex_color: str, alpha: float = 1.0) -> str:
    h = hex_color.lstrip("#")
    if not re.fullmatch(r"[0-9a-fA-F]{6}", h):
        h = "808080"
    return f"{int(h[0:2], 16)},{int(h[2:4], 16)},{int(h[4:6], 16)},{round(alpha * 255)}"


def _qml_symbol(parent: ET.Element, name: str, dim: int, color: str) -> None:
    sym_type, layer_class = _QGIS_SYMBOL[dim]
    sym = sub(
        parent, "symbol", type=sym_type, name=name, alpha="1", clip_to_extent="1", force_rhr="0"
    )
    layer = sub(sym, "layer", **{"class": layer_class, "enabled": "1", "locked": "0", "pass": "0"})
    if dim == 2:
        props = {
            "color": _rgba(color, 0.3),
            "outline_color": _rgba(color),
            "style": "solid",
            "outline_style": "solid",
            "outline_width": "0.6",
            "outline_width_unit": "MM",
            "joinstyle": "round",
        }
        dashed = "outlineStyle"
    elif dim == 1:
        props = {
            "line_color": _rgba(color),
            "line_width": "0.8",
            "line_width_unit": "MM",
            "line_style": "solid",
            "capstyle": "round",
            "joinstyle": "round",
        }
        dashed = "outlineStyle"
    else:
        props = {
            "color": _rgba(color),
            "name": "circle",
            "size": "3",
            "size_unit": "MM",
            "outline_color": "35,35,35,255",
            "outline_style": "solid",
            "outline_width": "0.3",
            "outline_width_unit": "MM",
        }
        dashed = ""
    options = sub(layer, "Option", type="Map")
    for k, v in props.items():
        sub(options, "Option", type="QString", name=k, value=v)
    for k, v in props.items():  # QGIS < 3.20 reads <prop>
        sub(layer, "prop", k=k, v=v)
    ddp = sub(sub(layer, "data_defined_properties"), "Option", type="Map")
    sub(ddp, "Option", type="QString", name="name", value="")
    prop_map = sub(ddp, "Option", type="Map", name="properties")
    if dashed:
        dd = sub(prop_map, "Option", type="Map", name=dashed)
        sub(dd, "Option", type="bool", name="active", value="true")
        sub(dd, "Option", type="QString", name="expression", value=_QGIS_DASH)
        sub(dd, "Option", type="int", name="type", value="3")
    sub(ddp, "Option", type="QString", name="type", value="collection")


def _qml(dim: int, kinds: list[str]) -> str:
    """A QGIS style (QML) for one layer: temporal settings and a renderer by kind."""
    root = ET.Element("qgis", version="3.22.0", styleCategories="Symbology|Temporal")
    temporal = sub(
        root,
        "temporal",
        enabled="1",
        mode=_MODE_FIELDS,
        limitMode=_LIMIT_DEFAULT,
        startField="start_date",
        endField="end_date",
        accumulate="0",
        durationField="",
        durationUnit="d",
        fixedDuration="0",
        startExpression="",
        endExpression="",
    )
    fixed = sub(temporal, "fixedRange")
    sub(fixed, "start", "")
    sub(fixed, "end", "")
    renderer = sub(
        root,
        "renderer-v2",
        type="categorizedSymbol",
        attr="kind",
        forceraster="0",
        enableorderby="0",
        symbollevels="0",
    )
    cats = sub(renderer, "categories")
    symbols = sub(renderer, "symbols")
    for i, kind_id in enumerate(kinds):
        k = KINDS.get(kind_id)
        sub(
            cats,
            "category",
            value=kind_id,
            symbol=str(i),
            label=k.label if k else kind_id,
            render="true",
        )
        _qml_symbol(symbols, str(i), dim, k.color if k else "#808080")
    sub(root, "layerGeometryType", str(dim))
    body = ET.tostring(root, encoding="unicode")
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + body


def write_qgis_styles(
    path: Path, timeline: Timeline, layers: dict[str, tuple[int, list[str]]]
) -> None:
    """Add the ``layer_styles`` table with a default style for each layer."""

    rows = []
    for layer, (dim, present) in layers.items():
        kinds = list(KINDS) + [k for k in present if k not in KINDS]
        rows.append(
            {
                "f_table_catalog": "",
                "f_table_schema": "",
                "f_table_name": layer,
                "f_geometry_column": "geom",
                "styleName": f"geozones {layer}",
                "styleQML": _qml(dim, kinds),
                "styleSLD": "",
                "useAsDefault": True,
                "description": "geozones: coloured by kind, Temporal Controller on "
                "start_date..end_date (both days included)",
                "owner": "",
                "ui": "",
                "update_time": _dt.datetime(2000, 1, 1),  # fixed: deterministic output
            }
        )
    pyogrio.write_dataframe(
        pd.DataFrame(rows), path, layer="layer_styles", driver="GPKG", layer_options={"FID": "id"}
    )
