"""KML 2.2 for Google Earth: a Folder per map layer, a TimeSpan per Placemark."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..feature_values import COLUMNS, records
from ..kinds import KINDS
from ._common import clean_geometries, sub

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from ..timeline import Timeline

_KML_NS = "http://www.opengis.net/kml/2.2"


def _kml_color(hex_color: str, alpha: float = 1.0) -> str:
    """``#rrggbb`` → KML ``aabbggrr``."""
    h = hex_color.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    if not re.fullmatch(r"[0-9a-fA-F]{6}", h):
        h = "808080"
    return f"{round(alpha * 255):02x}{h[4:6]}{h[2:4]}{h[0:2]}".lower()


def _style_id(kind_id: str) -> str:
    return "kind-" + re.sub(r"[^A-Za-z0-9_.-]", "_", kind_id or "unknown")


def _kml_styles(doc: ET.Element, kinds: list[str]) -> None:
    for kind_id in kinds:
        k = KINDS.get(kind_id)
        color = k.color if k else "#808080"
        style = sub(doc, "Style", id=_style_id(kind_id))
        icon = sub(style, "IconStyle")
        sub(icon, "color", _kml_color(color))
        sub(icon, "scale", "1.1")
        line = sub(style, "LineStyle")
        sub(line, "color", _kml_color(color))
        sub(line, "width", "3")
        poly = sub(style, "PolyStyle")
        sub(poly, "color", _kml_color(color, 0.3))


def _safe_url(url: str | None) -> str | None:
    """Only web and mail links become ``href``s (never ``javascript:``)."""
    if url and re.match(r"(?i)^(https?|ftp|mailto):", url.strip()):
        return url.strip()
    return None


def _description_html(rec: dict[str, Any]) -> str:
    """The balloon HTML of a Placemark; every piece of text is HTML-escaped."""
    e = html.escape
    k = KINDS.get(rec["kind"])
    label = k.label if k else rec["kind"]
    end = rec["end_date"] or "still in force"
    parts = [
        f"<p><b>{e(label)}</b> — {e(rec['agreement_name'] or rec['agreement'])}</p>",
        f"<p>In force from {e(rec['start_date'] or 'unknown')} to {e(end)}"
        f"{' (last day)' if rec['end_date'] else ''}; confidence: {e(rec['confidence'])}</p>",
    ]
    if rec["notes"]:
        parts.append(f"<p>{e(rec['notes'])}</p>")
    if rec["sources"]:
        items = []
        for s in rec["sources"]:
            title = e(s.get("title") or s.get("url") or "source")
            url = _safe_url(s.get("url"))
            link = f'<a href="{e(url, quote=True)}">{title}</a>' if url else title
            by = ", ".join(e(s[k]) for k in ("publisher", "published") if s.get(k))
            by = f" ({by})" if by else ""
            if s.get("quote"):
                said = f" — “{e(s['quote'])}”"
            else:
                said = f" — {e(s['summary'])}" if s.get("summary") else ""
            items.append(f"<li>{link}{by}{said}</li>")
        parts.append("<p>Sources:</p><ul>" + "".join(items) + "</ul>")
    return "".join(parts)


def _kml_coords(coords: Any) -> str:
    return " ".join(f"{_num(x)},{_num(y)}" for x, y, *_ in coords)


def _num(v: float) -> str:
    """Shortest text of an already rounded coordinate (``36.5``, not ``36.500000``)."""
    return repr(float(v))


def _kml_geometry(parent: ET.Element, geom: Any) -> None:
    gtype = geom.geom_type
    if gtype == "Point":
        sub(sub(parent, "Point"), "coordinates", _kml_coords(geom.coords))
    elif gtype == "LineString":
        line = sub(parent, "LineString")
        sub(line, "tessellate", "1")
        sub(line, "coordinates", _kml_coords(geom.coords))
    elif gtype == "Polygon":
        poly = sub(parent, "Polygon")
        sub(poly, "tessellate", "1")
        ring = sub(sub(poly, "outerBoundaryIs"), "LinearRing")
        sub(ring, "coordinates", _kml_coords(geom.exterior.coords))
        for hole in geom.interiors:
            ring = sub(sub(poly, "innerBoundaryIs"), "LinearRing")
            sub(ring, "coordinates", _kml_coords(hole.coords))
    elif not geom.is_empty:  # Multi* and collections
        multi = sub(parent, "MultiGeometry")
        for part in geom.geoms:
            _kml_geometry(multi, part)


def _kml_tree(timeline: Timeline, feats: gpd.GeoDataFrame) -> ET.ElementTree:
    """The KML document: Styles by kind, one Folder per map layer, dated Placemarks."""
    root = ET.Element("kml", xmlns=_KML_NS)
    doc = sub(root, "Document")
    sub(doc, "name", timeline.name)  # KML 2.2 schema order: name, open, description
    sub(doc, "open", "1")
    if timeline.description:
        sub(doc, "description", timeline.description)
    recs = records(feats)
    geoms = clean_geometries(feats.geometry.array)
    kinds = list(dict.fromkeys(r["kind"] for r in recs))
    _kml_styles(doc, kinds)
    folders: dict[str, ET.Element] = {}
    for rec, geom in zip(recs, geoms, strict=True):
        k = KINDS.get(rec["kind"])
        layer = k.layer if k else (rec["kind"] or "Other")
        if layer not in folders:
            folders[layer] = sub(doc, "Folder")
            sub(folders[layer], "name", layer)
        pm = sub(folders[layer], "Placemark")
        sub(pm, "name", rec["name"] or rec["id"])
        sub(pm, "description", _description_html(rec))
        if rec["start_date"] or rec["end_date"]:
            span = sub(pm, "TimeSpan")
            if rec["start_date"]:
                sub(span, "begin", rec["start_date"])
            if rec["end_date"]:
                # a date at day resolution covers the whole day: <end>2020-03-05</end>
                # runs to 2020-03-05T23:59:59, i.e. end_date stays the last day in force
                sub(span, "end", rec["end_date"])
        sub(pm, "styleUrl", "#" + _style_id(rec["kind"]))
        ext = sub(pm, "ExtendedData")
        for key in COLUMNS:  # the name is <name> already
            if key == "name":
                continue
            value = rec[key]
            if key == "sources":
                value = json.dumps(value, ensure_ascii=False)
            data = sub(ext, "Data", name=key)
            sub(data, "value", "" if value is None else value)
        if geom is not None and not geom.is_empty:
            _kml_geometry(pm, geom)
    ET.indent(root, space=" ")
    return ET.ElementTree(root)


def write_kml(timeline: Timeline, feats: gpd.GeoDataFrame, path: Path) -> None:
    tree = _kml_tree(timeline, feats)
    with open(path, "wb") as fh:
        tree.write(fh, encoding="UTF-8", xml_declaration=True)
