"""Events per zone per month, from a CSV of dated events.

The CSV has ACLED's columns (``event_date``, ``latitude``, ``longitude`` and, if known,
``geo_precision``). Each event is labelled with the zones in force at its place on its date,
then counted per zone and month — "certain" when its whole uncertainty disc lies inside the
zone, "possible" when it only overlaps it.

Run it::

    python events_per_zone.py                       # the synthetic events shipped with geozones
    python events_per_zone.py my_acled_export.csv --out per_zone.csv --plot per_zone.png

Without a file it uses ``data/events/synthetic_events.csv``: generated, NOT real ACLED data.
"""

from __future__ import annotations

import argparse
import warnings

import geozones
from geozones import settings

#: Kinds that are areas an event can fall in (posts are points and routes are lines).
AREA_KINDS = {
    "zone",
    "demilitarized-zone",
    "security-corridor",
    "operation-area",
    "control-area",
    "evacuation-area",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "events",
        nargs="?",
        default=str(settings.data_dir / "events" / "synthetic_events.csv"),
        help="CSV or Parquet of events (default: the bundled synthetic events)",
    )
    parser.add_argument("--spec", help="a timeline spec (default: the bundled timeline)")
    parser.add_argument("--out", default="events_per_zone.csv", help="CSV to write")
    parser.add_argument("--plot", help="also draw the counts over time (PNG/SVG/PDF)")
    args = parser.parse_args(argv)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # rejected rows are reported below, row by row
        events, rejected = geozones.read_events(args.events, with_rejected=True)
    print(f"read {len(events):,} events from {args.events}")
    if len(rejected):
        print(f"left out {len(rejected)} row(s) that could not be read:")
        for row in rejected.head(10).itertuples():
            print(f"  row {row.row}: {row.reason}")

    timeline = geozones.load_timeline(args.spec)
    joined = geozones.join_events(events, timeline)
    joined = joined[joined["kind"].isin(AREA_KINDS)]
    summary = geozones.summarize(joined, freq="MS")
    summary = summary[summary["total"] > 0]  # months with no event are left out

    table = summary.rename(columns={"feature_name": "zone", "period": "month"})[
        ["zone", "feature_id", "kind", "month", "certain", "possible", "total"]
    ].sort_values(["month", "zone"])
    table["month"] = table["month"].dt.strftime("%Y-%m-%d")
    table.to_csv(args.out, index=False)

    events_in_zones = joined["event_index"].nunique()
    print(f"{events_in_zones:,} events fell in at least one zone on their date")
    per_zone = (
        table.groupby("zone", observed=True)[["certain", "possible"]]
        .sum()
        .sort_values("certain", ascending=False)
    )
    print("\nevents per zone (all months):")
    print(per_zone.to_string())
    busiest = table.sort_values("total", ascending=False).head(8)
    print("\nbusiest zone-months:")
    print(busiest[["month", "zone", "certain", "possible"]].to_string(index=False))
    print(f"\nwritten {args.out} ({len(table)} zone-month rows)")
    if args.plot:
        from geozones.events import plot_summary

        plot_summary(summary, timeline, args.plot)
        print(f"written {args.plot}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
