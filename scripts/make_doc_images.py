"""Draw one picture per geometry expression of the spec language into docs/img/.

Each picture is made by the real compiler: the script writes a small spec with one feature per
expression (and the features it builds on), compiles it with ``geozones.load_timeline`` and
draws, on a basemap of the bundled boundaries, the inputs in grey and the result in colour,
with the expression itself as the title.

Run it from the repository root after a change to the compiler or the bundled data::

    python scripts/make_doc_images.py            # docs/img/expr-*.png + docs/spec-pictures.md
    python scripts/make_doc_images.py --out /tmp/img --only corridor band

The pictures are named ``docs/img/expr-<operator>.png`` (``expr-place.png``,
``expr-corridor.png``, …); :data:`PICTURES` lists them.
"""

from __future__ import annotations

import argparse
import math
import tempfile
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import shapely  # noqa: E402
import yaml  # noqa: E402

import geozones  # noqa: E402
from geozones import boundaries  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESULT = "#d94801"
INPUT = "#6b6b6b"

#: A hand-drawn polygon written beside the temporary spec, for the ``file`` picture.
FILE_GEOJSON = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"name": "hand-drawn area"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [
                    [[36.45, 35.72], [36.72, 35.70], [36.80, 35.86], [36.60, 35.95], [36.45, 35.72]]
                ],
            },
        }
    ],
}


@dataclass
class Picture:
    """One picture: the expression, the inputs drawn in grey, the places labelled."""

    op: str
    expr: dict
    inputs: dict[str, dict] = field(default_factory=dict)
    labels: list[str] = field(default_factory=list)
    extent_km: float | None = None  # half-width of the view around the result, if fixed


M4 = {"road": "M4", "from": "Trumba", "to": "Ain al-Havr"}
ARIHA_10 = {"buffer": {"of": {"place": "Ariha"}, "distance": "10 km"}}
SARAQIB_10 = {"buffer": {"of": {"place": "Saraqib"}, "distance": "10 km"}}
CORRIDOR = {"corridor": {**M4, "width": "6 km"}}
IDLIB = {"admin": "SY07"}
TURKEY = {"countries": "Turkey"}

#: Every geometry expression, drawn into docs/img/expr-<op>.png.
PICTURES: list[Picture] = [
    Picture("place", {"place": "Saraqib"}, labels=["Saraqib"], extent_km=25),
    Picture(
        "places",
        {"places": ["Saraqib", "Ariha", "Jisr al-Shughur"]},
        labels=["Saraqib", "Ariha", "Jisr al-Shughur"],
    ),
    Picture("point", {"point": {"lat": 35.93, "lon": 36.63}}, labels=["Idlib"], extent_km=25),
    Picture(
        "wkt",
        {"wkt": "POLYGON ((36.5 35.7, 36.8 35.7, 36.8 35.9, 36.5 35.9, 36.5 35.7))"},
        labels=["Ariha", "Saraqib"],
    ),
    Picture(
        "admin", {"admin": {"names": ["Ariha", "Saraqab"], "level": 3}}, labels=["Ariha", "Saraqib"]
    ),
    Picture("countries", TURKEY, labels=["Aleppo", "Idlib"], extent_km=160),
    Picture(
        "area",
        {"area": {"layer": "operation-areas", "name": "Euphrates Shield"}},
        labels=["Azaz", "Al-Bab", "Jarablus"],
    ),
    Picture("road", {"road": "M4"}, labels=["Latakia", "Aleppo", "Ariha"]),
    Picture(
        "along", {"along": M4}, {"road M4": {"road": "M4"}}, ["Trumba", "Ain al-Havr", "Ariha"]
    ),
    Picture(
        "corridor", CORRIDOR, {"along": {"along": M4}}, ["Trumba", "Ain al-Havr", "Jisr al-Shughur"]
    ),
    Picture("buffer", ARIHA_10, {"place": {"place": "Ariha"}}, ["Ariha"]),
    Picture(
        "band",
        {"band": {"of": IDLIB, "width": "15 km", "exclude": TURKEY, "tolerance": "3 km"}},
        {"of": IDLIB},
        ["Idlib", "Jisr al-Shughur", "Maarat al-Numan"],
    ),
    Picture(
        "boundary",
        {"boundary": {"of": IDLIB, "exclude": TURKEY, "tolerance": "3 km"}},
        {"of": IDLIB},
        ["Idlib", "Jisr al-Shughur", "Maarat al-Numan"],
    ),
    Picture(
        "hull",
        {"hull": ["Saraqib", "Ariha", "Maarat al-Numan", "Khan Shaykhun"]},
        {"places": {"places": ["Saraqib", "Ariha", "Maarat al-Numan", "Khan Shaykhun"]}},
        ["Saraqib", "Ariha", "Maarat al-Numan", "Khan Shaykhun"],
    ),
    Picture(
        "union",
        {"union": [ARIHA_10, SARAQIB_10]},
        {"first": ARIHA_10, "second": SARAQIB_10},
        ["Ariha", "Saraqib"],
    ),
    Picture(
        "difference",
        {"difference": [ARIHA_10, CORRIDOR]},
        {"first": ARIHA_10, "minus": CORRIDOR},
        ["Ariha"],
    ),
    Picture(
        "intersection",
        {"intersection": [ARIHA_10, CORRIDOR]},
        {"first": ARIHA_10, "second": CORRIDOR},
        ["Ariha"],
    ),
    Picture("ref", {"ref": "m4-corridor"}, {"m4-corridor": CORRIDOR}, ["Ariha", "Trumba"]),
    Picture("file", {"file": {"path": "hand-drawn.geojson"}}, labels=["Ariha", "Saraqib", "Idlib"]),
    Picture(
        "held_by",
        {"held_by": {"party": "opposition", "within": IDLIB, "date": "2020-03-15"}},
        {"within": IDLIB},
        ["Idlib", "Ariha", "Saraqib"],
    ),
    Picture(
        "contact_line",
        {"contact_line": {"between": ["government", "opposition"], "date": "2020-03-15"}},
        {"opposition": {"held_by": {"party": "opposition", "date": "2020-03-15"}}},
        ["Idlib", "Ariha", "Saraqib"],
    ),
]


#: One line under each picture of the gallery page.
ABOUT: dict[str, str] = {
    "place": "A named place from the offline gazetteer: a point.",
    "places": "Several names: one multipoint.",
    "point": "Explicit coordinates, for a site the gazetteer does not know.",
    "wkt": "Any geometry written as WKT, in longitude and latitude.",
    "admin": "The union of admin areas by name or P-code; here two subdistricts (level 3).",
    "countries": "The union of countries (Natural Earth): Turkey, seen from its Syrian border.",
    "area": "A polygon of a bundled layer: the schematic Euphrates Shield operation area.",
    "road": "The whole line of a named road (schematic: straight segments between towns).",
    "along": "The road between the points on it nearest two places (grey: the whole M4).",
    "corridor": "`along`, widened by `width` on each side, with flat ends at the two places.",
    "buffer": "Everything within a distance on the ground of another expression.",
    "band": "The strip of an area within `width` of its outline, leaving out the stretch "
    "along `exclude` (here the Turkish border).",
    "boundary": "The outline of an area less the stretch along `exclude`: a contact line.",
    "hull": "The convex hull of places or expressions.",
    "union": "Everything in any of the expressions (grey: the operands).",
    "difference": "The first expression minus the others: the 10 km around Ariha outside the "
    "M4 corridor.",
    "intersection": "What the expressions share: the M4 corridor within 10 km of Ariha.",
    "ref": "The geometry of another feature of the spec, by its id.",
    "file": "Geometry from any file GDAL reads, relative to the spec (here a hand-drawn "
    "GeoJSON polygon).",
    "held_by": "The cells a party holds on the day (the spec's control table), within an "
    "outline: here the opposition in Idleb governorate after Saraqib was taken.",
    "contact_line": "The line between two parties' cells on the day, on land only (grey: the "
    "opposition's area).",
}

#: The small control table the held_by and contact_line pictures use (issue #14).
CONTROL_SOURCE = {"url": "https://example.org/geozones/doc-pictures", "summary": "for the docs"}
PARTIES = {
    "government": {"colour": "#c0392b", "label": "Government"},
    "opposition": {"colour": "#2e8b57", "label": "Opposition"},
}
CONTROL = {
    "baselines": [
        {"date": "2019-01-01", "party": "government", "area": IDLIB, **CONTROL_SOURCE},
        {
            "date": "2019-01-01",
            "party": "opposition",
            "area": {"admin": {"names": ["Ariha", "Saraqab", "Idleb"], "level": 3}},
            **CONTROL_SOURCE,
        },
    ],
    "events": [
        {
            "date": "2020-02-07",
            "place": "Saraqib",
            "party": "government",
            "reach": "5 km",
            "title": "Saraqib taken (example)",
            "publisher": "example",
            "published": "2020-02-07",
            **CONTROL_SOURCE,
        }
    ],
}

GALLERY_HEAD = """# Geometry expressions, pictured

<!-- generated by scripts/make_doc_images.py: edit that script, not this page -->

Every geometry expression of the [spec language](spec.md), drawn by the compiler itself from
the expression shown above the picture: the inputs in grey, the result in orange, on the bundled
boundaries (governorates, borders) and the schematic M4 and M5. Distances are metres on the
ground. Regenerate the pictures and this page with `python scripts/make_doc_images.py`.
"""


def write_gallery(pictures: list[Picture], path: Path, img_prefix: str = "img/") -> Path:
    """Write the gallery page: for each picture its YAML, the picture and one line."""
    parts = [GALLERY_HEAD]
    for pic in pictures:
        snippet = yaml.safe_dump(
            {"geometry": pic.expr}, sort_keys=False, allow_unicode=True, width=90
        ).strip()
        parts.append(
            f"## `{pic.op}`\n\n{ABOUT[pic.op]}\n\n```yaml\n{snippet}\n```\n\n"
            f"![{pic.op}: {ABOUT[pic.op]}]({img_prefix}expr-{pic.op}.png)\n"
        )
    path.write_text("\n".join(parts))
    return path


def _spec(pictures: list[Picture]) -> dict:
    """A spec with one feature per picture, plus one per input (ids ``<op>--<name>``)."""
    features = []
    for pic in pictures:
        for name, expr in pic.inputs.items():
            fid = name if pic.op == "ref" else f"{pic.op}--{_slug(name)}"
            features.append(_feature(fid, expr))
        features.append(_feature(f"{pic.op}--result", pic.expr))
    return {
        "timeline": {"id": "doc-images", "name": "Pictures of the geometry expressions"},
        "parties": PARTIES,
        "control": CONTROL,
        "agreements": [
            {
                "id": "doc",
                "name": "Documentation pictures",
                "parties": ["nobody"],
                "signed": "2020-01-01",
                "sources": [{"url": "https://example.org/geozones/doc-pictures", "quote": "-"}],
                "features": features,
            }
        ],
    }


def _feature(fid: str, expr: dict) -> dict:
    return {
        "id": fid,
        "name": fid,
        "kind": "zone",
        "start": "2020-01-01",
        "confidence": "schematic",
        "geometry": expr,
    }


def _slug(text: str) -> str:
    return "-".join(text.lower().split())


def _flow(value: object) -> str:
    text = yaml.safe_dump(
        value, default_flow_style=True, width=10_000, allow_unicode=True, sort_keys=False
    )
    return text.strip().removesuffix("...").strip()


def _title(expr: dict) -> str:
    """The expression as one would write it in a spec: ``op: {flow mapping}``."""
    ((op, arg),) = expr.items()
    return "\n".join(
        textwrap.wrap(f"{op}: {_flow(arg)}", 64, subsequent_indent="  ", break_on_hyphens=False)
    )


def _draw(ax, geom, *, color: str, result: bool) -> None:
    """Draw a lon/lat geometry: polygons filled (holes kept), lines stroked, points as dots."""
    import geopandas as gpd

    parts = gpd.GeoSeries(shapely.get_parts(geom), crs="EPSG:4326")
    areas = parts[parts.geom_type == "Polygon"]
    lines = parts[parts.geom_type.isin(["LineString", "LinearRing"])]
    points = parts[parts.geom_type == "Point"]
    style = "-" if result else "--"
    if len(areas):
        areas.plot(ax=ax, color=color, alpha=0.35 if result else 0.12, lw=0)
        areas.boundary.plot(ax=ax, color=color, lw=1.8 if result else 1.0, ls=style)
    if len(lines):
        lines.plot(ax=ax, color=color, lw=3 if result else 1.4, ls=style)
    for pt in points:
        ax.plot(pt.x, pt.y, "o", color=color, ms=8 if result else 6, mec="white", mew=1)


def _basemap(ax) -> None:
    for layer, lw, color in (("admin1", 0.6, "#9e9e9e"), ("countries", 1.2, "#424242")):
        for geom in boundaries.load(layer).geometry.boundary:
            for part in shapely.get_parts(geom):
                ax.plot(*part.xy, color=color, lw=lw, zorder=0)
    for name in ("M4", "M5"):
        line = geozones.geocode(name, kind="road").geometry
        ax.plot(*line.xy, color="#bdbdbd", lw=2.2, zorder=0, solid_capstyle="round")


def _view(ax, geoms: list, extent_km: float | None) -> None:
    """Zoom on ``geoms`` with a margin; equal ground distances on both axes."""
    both = shapely.union_all([g for g in geoms if g is not None])
    minx, miny, maxx, maxy = both.bounds
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    kx = 111.32 * math.cos(math.radians(cy))  # km per degree of longitude
    if extent_km is None:
        half_km = max((maxx - minx) * kx, (maxy - miny) * 110.57) / 2 * 1.25 + 4
    else:
        half_km = extent_km
    ax.set_xlim(cx - half_km / kx * 1.25, cx + half_km / kx * 1.25)
    ax.set_ylim(cy - half_km / 110.57, cy + half_km / 110.57)
    ax.set_aspect(1 / math.cos(math.radians(cy)))
    _scale_bar(ax, half_km, kx)


def _scale_bar(ax, half_km: float, kx: float) -> None:
    km = next(k for k in (5, 10, 20, 50, 100, 200) if k >= half_km / 4)
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    x, y = x0 + (x1 - x0) * 0.05, y0 + (y1 - y0) * 0.06
    ax.plot([x, x + km / kx], [y, y], color="black", lw=2.5)
    ax.text(x, y + (y1 - y0) * 0.025, f"{km} km", fontsize=8)


def _label(ax, names: list[str]) -> None:
    for name in names:
        p = geozones.geocode(name)
        ax.plot(p.lon, p.lat, "s", color="black", ms=2.5, zorder=5)
        ax.annotate(
            name, (p.lon, p.lat), xytext=(4, 3), textcoords="offset points", fontsize=8, zorder=6
        )


def draw(pic: Picture, tl: geozones.Timeline, out: Path) -> Path:
    """Draw ``pic`` from the compiled timeline ``tl`` into ``out`` (a folder)."""
    geoms = tl.features.set_index("id").geometry
    result = geoms[f"{pic.op}--result"]
    inputs = [geoms[n if pic.op == "ref" else f"{pic.op}--{_slug(n)}"] for n in pic.inputs]
    fig, ax = plt.subplots(figsize=(4.6, 3.9), dpi=110)
    try:
        _basemap(ax)
        for geom in inputs:
            _draw(ax, geom, color=INPUT, result=False)
        _draw(ax, result, color=RESULT, result=True)
        _label(ax, pic.labels)
        if pic.op == "countries":  # the whole country is too large: look at its Syrian border
            around = [shapely.Point(37.0, 36.3)]
        elif pic.extent_km:
            around = [shapely.centroid(result)]
        else:
            around = [result, *inputs]
        _view(ax, around, pic.extent_km)
        ax.set_title(_title(pic.expr), fontsize=8, family="monospace", loc="left")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_xlabel("")
        ax.set_ylabel("")
        fig.tight_layout()
        path = out / f"expr-{pic.op}.png"
        fig.savefig(path, metadata={"Software": None})
        return path
    finally:
        plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "img"), help="output folder")
    parser.add_argument("--only", nargs="*", help="operators to draw (default: all)")
    args = parser.parse_args(argv)
    pictures = [p for p in PICTURES if not args.only or p.op in args.only]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        import json

        (Path(tmp) / "hand-drawn.geojson").write_text(json.dumps(FILE_GEOJSON))
        spec = Path(tmp) / "doc-images.yaml"
        spec.write_text(yaml.safe_dump(_spec(pictures), sort_keys=False, allow_unicode=True))
        tl = geozones.load_timeline(spec, use_cache=False)
    for pic in pictures:
        path = draw(pic, tl, out)
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    if not args.only and out == ROOT / "docs" / "img":
        print(write_gallery(pictures, ROOT / "docs" / "spec-pictures.md").relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
