"""Run-time settings for geozones, in one place (after OSMnx's ``settings``).

Change them by assignment before calling the library::

    import geozones
    geozones.settings.online_user_agent = "my-project/1.0 (me@example.org)"

Every value can also come from an environment variable ``GEOZONES_<NAME>``
(upper case), read once at import time.
"""

from __future__ import annotations

import os
from pathlib import Path


def _env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(f"GEOZONES_{name.upper()}", default)


def _default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "geozones"


def _package_data_dir() -> Path:
    """The bundled data folder: inside the installed package, or ``data/`` of a checkout."""
    installed = Path(__file__).resolve().parent / "data"
    if (installed / "SOURCES.md").exists():
        return installed
    return Path(__file__).resolve().parent.parent / "data"


#: Folder holding the bundled, derived data (``data/`` of the repository).
data_dir: Path = Path(_env("data_dir") or _package_data_dir())

#: Folder for caches (compiled timelines, online geocoder answers).
cache_dir: Path = Path(_env("cache_dir") or _default_cache_dir())

#: Whether compiled timelines are cached on disk under ``cache_dir``.
use_cache: bool = (_env("use_cache", "1") or "1") not in ("0", "false", "no")

#: Bundled timeline used when no spec path is given.
default_timeline: str = "north-west-syria"

#: Decimal places kept for coordinates in maps and GeoJSON (6 ≈ 0.1 m).
coordinate_precision: int = 6

#: Longest text, in characters, that ``geozones.extract`` reads (longer raises
#: InputError; the CLI exits 2). Extraction is linear, about 8 ms per 1,000 characters.
extract_max_chars: int = int(_env("extract_max_chars", "500000") or "500000")

# --- online geocoding (opt-in only) ---------------------------------------

#: geopy geocoder class name used with ``online=True`` (e.g. ``"Nominatim"``).
online_service: str = _env("online_service", "Nominatim") or "Nominatim"

#: Extra keyword arguments for the geopy geocoder (``domain``, ``scheme``, ``api_key`` …).
online_options: dict = {}

#: Identifying user agent sent to the online service. Must be set by the user.
online_user_agent: str | None = _env("user_agent")

#: Minimum seconds between two online requests.
online_min_delay: float = 1.0

#: Seconds before an online request times out.
online_timeout: float = 10.0

#: How many times an online request is retried on 429 or 5xx.
online_max_retries: int = 3

#: Days an online answer (or a "not found") stays in the on-disk cache.
online_cache_days: float = 30.0

#: Largest online answer read (bytes); a larger one is refused, not read into memory.
online_max_bytes: int = 2_000_000

#: Most results kept from one online answer.
online_max_results: int = 50

# --- gazetteer ------------------------------------------------------------------

#: Area ``(south, west, north, east)`` whose places win among namesakes when ``near=`` is
#: not given (the regional prior); None: the area of the bundled Syrian places.
gazetteer_region: tuple[float, float, float, float] | None = None

# --- untrusted specs (bounds on size, nesting and work) -------------------------------

#: Let ``file:`` geometry (and files a spec declares) open GDAL virtual datasets (VRT) and
#: ``/vsi*`` network paths. Off by default: such a file can make GDAL fetch a web address.
#: ``geozones validate --online`` turns it on for one run.
online_files: bool = (_env("online_files", "0") or "0") not in ("0", "false", "no")

#: Largest spec file read (bytes).
max_spec_bytes: int = 2_000_000

#: Largest number of YAML nodes a spec may hold once its aliases are expanded.
max_spec_nodes: int = 200_000

#: Largest number of characters of text a spec may hold once its aliases are expanded.
max_spec_chars: int = 20_000_000

#: Deepest nesting of mappings and lists in a spec.
max_spec_depth: int = 64

#: Largest vector file (bytes) a spec may name in ``file:`` or declare as data.
max_input_file_bytes: int = 500_000_000

# --- event joins -------------------------------------------------------------

#: Threads ``join_events`` matches events with (None: one per core, ``os.cpu_count()``).
join_workers: int | None = int(_env("join_workers") or 0) or None

#: A ``dask.distributed`` scheduler (``"tcp://host:8786"``) that ``geozones join`` runs on
#: (None: this machine); ``--scheduler`` overrides it.
dask_scheduler: str | None = _env("dask_scheduler")

# --- control through time (``geozones.control``) -------------------------------------
# Reports name the towns a party took, rarely every village between them; these rules move
# the ground between too. Read each time a control surface is built (a timeline compiled).

#: Captures of one party within this many days of each other are one offensive: the ground
#: their points enclose with the party's front before them changes hands (0 = no window:
#: only the captures of the same day).
control_offensive_days: int = 45

#: How far (metres) a capture may be from the day's captures to be part of their offensive,
#: and a party's front cell from the capture, for the ground between to change hands
#: (0 = the offensive rule off).
control_offensive_reach_m: float = 30_000.0

#: How far (metres) behind a town taken ahead of the front the party's nearest held cell may
#: be for the cells on the straight way between to fall with the town (0 = off).
control_advance_max_m: float = 25_000.0

#: A name of the control table that fits gazetteer places farther apart than this (metres)
#: is ambiguous: the compile warns with the candidates unless ``control: places`` pins it
#: (closer ones are the same place twice).
control_name_same_m: float = 5_000.0

#: … and only places within this many metres of the hull of the table's places are listed
#: (a namesake at the other end of the country is not a place the table could mean).
control_name_area_m: float = 25_000.0
