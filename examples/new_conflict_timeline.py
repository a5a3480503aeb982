"""A timeline for another conflict, written from scratch: Libya 2020, Sirte and al-Jufra.

geozones is not tied to Syria. ``specs/libya-sirte-jufra.yaml`` describes four statements and
agreements of 2020 with places the offline gazetteer knows (Sirte, a world city), explicit
coordinates (Hun) and a hand-drawn line shipped beside the spec (``file:``). This script
compiles it, says what changes when, answers one question with ``locate``, and writes the map
and a GeoJSON file into the current directory.

Run it::

    python new_conflict_timeline.py
    python new_conflict_timeline.py --spec my-conflict.yaml      # your own spec

Check a spec you are writing with ``geozones validate my-conflict.yaml``: errors come with the
file, the line and what to write instead.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import geozones

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", default=str(HERE / "specs" / "libya-sirte-jufra.yaml"))
    parser.add_argument("--ask", default="2020-09-01", help="date for the locate question")
    args = parser.parse_args(argv)

    tl = geozones.load_timeline(args.spec)
    print(f"{tl.name}\n{len(tl.features)} features from {len(tl.agreements)} agreements\n")

    print("places named in the spec, as the offline gazetteer resolved them:")
    for place in tl.places:
        print(
            f"  {place.name} ({place.country}) {place.lat:.4f}, {place.lon:.4f}  [{place.source}]"
        )

    print("\nwhat changes when:")
    for day in tl.slices():
        for event in tl.events(day):
            print(f"  {day}  {event['type']:<6} {event['name']}")

    sirte = geozones.geocode("Sirte", country="LY")
    inside = geozones.locate(sirte, args.ask, timeline=tl)
    print(f"\nin force at Sirte on {args.ask}:")
    for row in inside.itertuples():
        print(f"  {row.name} ({row.kind}, {row.confidence})")

    html = geozones.render_map(tl, f"{tl.id}.html")
    geojson = geozones.export(tl, f"{tl.id}.geojson")
    print(f"\nwritten {html} and {geojson}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
