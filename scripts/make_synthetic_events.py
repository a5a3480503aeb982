"""Write data/events/synthetic_events.csv: a small, seeded, SYNTHETIC events file.

It has ACLED's export columns (event_id_cnty, event_date, year, event_type,
sub_event_type, actor1, admin1, location, latitude, longitude, geo_precision,
fatalities, notes) so examples and tests can run offline, but every row is
made up: it is not ACLED data and describes no real event. Locations are
scattered around a few towns of north-west Syria (coordinates from the
public facts sheet), dates run from 2016 to mid-2021 and are written the way
ACLED writes them ("15 March 2020"), precision codes 1/2/3 in roughly the
proportions ACLED reports (70/20/10 %).

Run ``python scripts/make_synthetic_events.py`` to rebuild it; the output is
byte-identical for the same seed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd

#: (location, admin1, latitude, longitude) of towns the events cluster around.
TOWNS = [
    ("Saraqib", "Idleb", 35.866, 36.803),
    ("Maarat al-Numan", "Idleb", 35.648, 36.676),
    ("Khan Shaykhun", "Idleb", 35.443, 36.645),
    ("Trumba", "Idleb", 35.859, 36.767),
    ("Al-Nayrab", "Idleb", 35.872, 36.717),
    ("Urum al-Jawz", "Idleb", 35.792, 36.565),
    ("Ain al-Havr", "Lattakia", 35.711, 36.126),
    ("Jisr al-Shughur", "Idleb", 35.811, 36.318),
    ("Ariha", "Idleb", 35.811, 36.608),
    ("Morek", "Hama", 35.372, 36.685),
    ("Jarablus", "Aleppo", 36.818, 38.011),
    ("Al-Bab", "Aleppo", 36.371, 37.515),
    ("Azaz", "Aleppo", 36.586, 37.044),
]
EVENT_TYPES = {
    "Battles": ["Armed clash", "Government regains territory"],
    "Explosions/Remote violence": [
        "Shelling/artillery/missile attack",
        "Air/drone strike",
        "Remote explosive/landmine/IED",
    ],
    "Violence against civilians": ["Attack"],
    "Strategic developments": ["Agreement", "Other"],
}
ACTORS = [
    "Military Forces of Syria",
    "Military Forces of Russia",
    "Military Forces of Turkey",
    "Opposition faction (synthetic)",
    "Unidentified Armed Group (Syria)",
]


def make(n: int = 2000, seed: int = 20200305) -> pd.DataFrame:
    """``n`` synthetic ACLED-like rows, reproducible for a given ``seed``."""
    rng = np.random.default_rng(seed)
    town = rng.integers(0, len(TOWNS), n)
    precision = rng.choice([1, 2, 3], n, p=[0.7, 0.2, 0.1])
    spread_km = np.choose(precision - 1, [1.0, 5.0, 15.0])
    lat0 = np.array([TOWNS[i][2] for i in town])
    lon0 = np.array([TOWNS[i][3] for i in town])
    lat = lat0 + rng.normal(0, 1, n) * spread_km / 111.0
    lon = lon0 + rng.normal(0, 1, n) * spread_km / (111.0 * np.cos(np.radians(lat0)))
    days = rng.integers(0, (pd.Timestamp("2021-06-30") - pd.Timestamp("2016-01-01")).days, n)
    dates = pd.Timestamp("2016-01-01") + pd.to_timedelta(np.sort(days), unit="D")
    types = list(EVENT_TYPES)
    etype = rng.choice(len(types), n, p=[0.3, 0.5, 0.1, 0.1])
    sub = [EVENT_TYPES[types[t]][rng.integers(0, len(EVENT_TYPES[types[t]]))] for t in etype]
    frame = pd.DataFrame(
        {
            "event_id_cnty": [f"SYN{i + 1:05d}" for i in range(n)],
            "event_date": [d.strftime("%d %B %Y").lstrip("0") for d in dates],
            "year": dates.year,
            "event_type": [types[t] for t in etype],
            "sub_event_type": sub,
            "actor1": rng.choice(ACTORS, n),
            "admin1": [TOWNS[i][1] for i in town],
            "location": [TOWNS[i][0] for i in town],
            "latitude": lat.round(4),
            "longitude": lon.round(4),
            "geo_precision": precision,
            "fatalities": rng.poisson(0.6, n),
            "notes": "Synthetic event for geozones examples; not real data.",
        }
    )
    return frame


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20200305)
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "data" / "events" / "synthetic_events.csv",
    )
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    make(args.n, args.seed).to_csv(args.out, index=False, lineterminator="\n")
    print(f"wrote {args.out} ({args.n} synthetic events)")


if __name__ == "__main__":
    main()
