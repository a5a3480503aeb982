"""The M4 security corridor and the towns it crosses.

The Moscow Additional Protocol (5 March 2020) set up a security corridor "6 km deep to the
north and 6 km deep to the south of the M4", from Trumba to Ain al-Havr. This script takes the
corridor from the bundled timeline, measures it on the ground, and lists every populated place
of the offline gazetteer that lies inside it, west to east, with its distance from the road.

Run it::

    python m4_corridor_towns.py                      # on 15 March 2020, the first joint patrol
    python m4_corridor_towns.py --date 2021-01-01 --csv towns.csv

Remember that the M4 is drawn through ordered towns (schematic): distances from the road are
distances from that line, not from the asphalt.
"""

from __future__ import annotations

import argparse

import geopandas as gpd
import shapely

import geozones
from geozones.projection import area_m2, fit, length_m


def corridor_on(timeline: geozones.Timeline, date: str) -> gpd.GeoSeries:
    """The security corridor(s) in force on ``date`` (one row per corridor)."""
    active = timeline.at(date)
    return active[active["kind"] == "security-corridor"]


def populated_places(within: shapely.Geometry) -> gpd.GeoDataFrame:
    """Every populated place of the bundled gazetteer inside ``within`` (lon/lat)."""
    gz = geozones.Gazetteer.default()
    rows = [gz.place(i) for i, kind in enumerate(gz.kinds) if kind == "populated place"]
    points = shapely.points([p.lon for p in rows], [p.lat for p in rows])
    inside = shapely.contains_xy(within, [p.lon for p in rows], [p.lat for p in rows])
    places = gpd.GeoDataFrame(
        {
            "name": [p.name for p in rows],
            "pcode": [p.source_id for p in rows],
            "district": [p.admin[2] if len(p.admin) > 2 else "" for p in rows],
            "lat": [p.lat for p in rows],
            "lon": [p.lon for p in rows],
        },
        geometry=points,
        crs="EPSG:4326",
    )
    # the gazetteer may list a town under several sources: keep one row per name and point
    return places[inside].drop_duplicates(subset=["name", "lat", "lon"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--date", default="2020-03-15", help="YYYY-MM-DD (default 2020-03-15)")
    parser.add_argument("--csv", help="also write the towns to this CSV file")
    args = parser.parse_args(argv)

    timeline = geozones.load_timeline()
    corridors = corridor_on(timeline, args.date)
    if corridors.empty:
        print(f"No security corridor was in force on {args.date}.")
        return 1
    corridor = corridors.iloc[0]
    road = geozones.geocode("M4", kind="road").geometry
    on_road = shapely.intersection(road, corridor.geometry)

    area_km2 = area_m2(corridor.geometry) / 1e6
    length_km = length_m(on_road) / 1e3
    start = corridor["start_date"]
    print(f"{corridor['name']} — kind: {corridor['kind']}, confidence: {corridor['confidence']}")
    print(f"  from: {corridor['agreement_name']}")
    print(f"  in force from {start.day} {start:%B %Y}")
    print(f"  road inside it: {length_km:.1f} km; area {area_km2:,.0f} km²")
    print(f"  mean width: {area_km2 / length_km:.1f} km")

    towns = populated_places(corridor.geometry)
    proj = fit(corridor.geometry)  # a local metric projection centred on the corridor
    road_m = proj.forward(on_road)
    towns["km_from_road"] = (
        shapely.distance(proj.forward(towns.geometry.values), road_m) / 1e3
    ).round(2)
    towns = towns.sort_values("lon").drop(columns="geometry")

    print(f"\n{len(towns)} populated places inside the corridor, west to east:")
    print(towns[["name", "district", "km_from_road"]].to_string(index=False))
    if args.csv:
        towns.to_csv(args.csv, index=False)
        print(f"\nwritten {args.csv}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
