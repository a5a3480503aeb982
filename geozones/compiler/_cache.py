"""The on-disk cache of compiled timelines, and the fingerprints that key it.

A compiled timeline is stored under ``settings.cache_dir/timelines/<key>/`` as GeoParquet
(features) and JSON (metadata). The key covers everything a compile reads: the spec's bytes,
the files it names, the bundled data, the gazetteer's state (its fingerprint: data, loaded
roads, countries and places files), the geozones version and the code of the package.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import json
import shutil
import time
from pathlib import Path
from typing import Any

from .. import settings
from .._io import atomic_open, atomic_path
from .._version import __version__
from ..place import Place
from ..spec import Spec
from ..timeline import Timeline

#: Bumped whenever compiled output changes for the same spec and data.
COMPILER_VERSION = "2"
#: Sub-folders of the bundled data that compiled timelines depend on (besides the
#: files at its top level: the gazetteer, its aliases and roads).
DATA_DEPENDENCIES = ("boundaries", "control", "basemap")  # basemap: countries: (world layer)
#: How many compiled timelines the cache keeps (the most recently written).
CACHE_KEEP = 32
#: Keys of a spec whose value names a file (``file:``, and the files a spec declares).
_FILE_KEYS = ("file", "path", "files")


def _data_fingerprint() -> str:
    """Cheap fingerprint of the bundled data a compile reads: names, sizes and mtimes.

    The top-level files of ``settings.data_dir`` (gazetteer, aliases, roads) and the
    folders of :data:`DATA_DEPENDENCIES`; other folders (events, timelines…) do not
    change a compiled result.
    """
    root = Path(settings.data_dir)
    if not root.is_dir():
        return _stat_digest(root, [])
    files = [p for p in root.iterdir() if p.is_file()]
    for sub in DATA_DEPENDENCIES:
        if (root / sub).is_dir():
            files += [p for p in (root / sub).rglob("*") if p.is_file()]
    return _stat_digest(root, files)


def _stat_digest(root: Path, files: list[Path]) -> str:
    """SHA-256 of the names (relative to ``root``), sizes and mtimes of ``files``."""
    h = hashlib.sha256()
    for p in sorted(files):
        try:
            st = p.stat()
        except OSError:
            continue
        h.update(f"{p.relative_to(root)}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()


def _file_refs(node: Any, base: Path, out: list[str]) -> None:
    """Append ``path:size:mtime`` of every file the spec tree names (iteratively)."""
    stack, seen = [node], set()
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, dict):
            for k, v in item.items():
                if k in _FILE_KEYS and isinstance(v, (str, list)):
                    for rel in [v] if isinstance(v, str) else v:
                        out.append(_file_sig(base / str(rel)) if isinstance(rel, str) else "")
                stack.append(v)
        elif isinstance(item, list):
            stack.extend(item)


def _file_sig(p: Path) -> str:
    try:
        st = p.stat()
    except OSError:
        return f"{p}:missing"
    return f"{p}:{st.st_size}:{st.st_mtime_ns}"


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Names, sizes and mtimes of every module of the geozones package (a checkout being edited).

    Walks the package folder, so a module added or split recompiles without a list to keep.

    Examples
    --------
    >>> len(code_fingerprint())
    64
    """
    root = Path(__file__).resolve().parent.parent
    return _stat_digest(root, list(root.rglob("*.py")))


def cache_key(raw: bytes, spec: Spec, gazetteer: Any) -> str:
    """The cache key of a compile: spec bytes and files, data, gazetteer state, version, code.

    Examples
    --------
    >>> from geozones import Gazetteer
    >>> from geozones.spec import bundled_path, read_spec
    >>> spec, raw = read_spec(bundled_path())
    >>> len(cache_key(raw, spec, Gazetteer.default()))
    32
    """
    h = hashlib.sha256()
    h.update(raw)
    h.update(f"|{__version__}|{COMPILER_VERSION}|{_data_fingerprint()}|".encode())
    h.update(f"|{gazetteer.fingerprint()}|{code_fingerprint()}|".encode())
    rules = (  # the settings a control surface reads (a changed rule is a new compile)
        settings.control_offensive_days,
        settings.control_offensive_reach_m,
        settings.control_advance_max_m,
    )
    h.update(f"|control rules {rules}|".encode())
    refs: list[str] = []
    base = Path(spec.path).parent if spec.path else Path.cwd()
    _file_refs(spec.declared, base, refs)
    _file_refs(spec.control, base, refs)  # the control table's CSV (issue #14)
    for f in spec.features:
        _file_refs(f.geometry, base, refs)
    h.update("|".join(refs).encode())
    return h.hexdigest()[:32]


class TimelineCache:
    """Compiled timelines on disk: look up, store, and the ``info()``/``clear()`` of the CLI.

    Parameters
    ----------
    root : str or Path, optional
        The folder; default ``settings.cache_dir / "timelines"`` (read at each use).

    Examples
    --------
    >>> from geozones.compiler import timeline_cache
    >>> sorted(timeline_cache.info())
    ['bytes', 'entries', 'path']
    """

    def __init__(self, root: str | Path | None = None) -> None:
        self._root = Path(root) if root is not None else None

    @property
    def root(self) -> Path:
        """The cache folder."""
        return self._root or Path(settings.cache_dir) / "timelines"

    def info(self) -> dict[str, Any]:
        """``{"path", "entries", "bytes"}`` of the cache.

        Examples
        --------
        >>> TimelineCache("/nonexistent").info()["entries"]
        0
        """
        entries = list(self.root.iterdir()) if self.root.is_dir() else []
        size = sum(_size(p) for p in entries)
        return {"path": str(self.root), "entries": len(entries), "bytes": size}

    def clear(self) -> int:
        """Forget every compiled timeline; return how many there were.

        Examples
        --------
        >>> TimelineCache("/nonexistent").clear()
        0
        """
        entries = list(self.root.iterdir()) if self.root.is_dir() else []
        for p in entries:
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink(missing_ok=True)
        return len(entries)

    def load(self, key: str, path: Path) -> Any:
        """The cached :class:`~geozones.timeline.Timeline` of ``key``, or None."""
        return _cache_load(self.root / key, path)

    def store(self, key: str, tl: Any) -> None:
        """Store a compiled timeline under ``key`` (failures only cost speed)."""
        _cache_store(self.root / key, tl)
        _prune_cache(self.root)


def _size(path: Path) -> int:
    try:
        if path.is_file():
            return path.stat().st_size
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    except OSError:
        return 0


def _cache_store(folder: Path, tl: Any) -> None:
    """Write features (GeoParquet) and metadata (JSON); failures only cost speed."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        frame = tl.features.copy()
        frame["sources"] = [json.dumps(s, ensure_ascii=False) for s in frame["sources"]]
        with atomic_path(folder / "features.parquet") as tmp:
            frame.to_parquet(tmp)
        meta = {
            "name": tl.name,
            "id": tl.id,
            "description": tl.description,
            "agreements": [
                {**a, "signed": a["signed"].isoformat() if a.get("signed") else None}
                for a in tl.agreements
            ],
            "places": [_place_dict(p) for p in tl.places],
            "created": time.time(),
        }
        with atomic_open(folder / "meta.json") as fh:
            json.dump(meta, fh, ensure_ascii=False)
    except (OSError, ValueError, TypeError):
        return


def _prune_cache(root: Path, keep: int | None = None) -> None:
    """Remove all but the ``keep`` (default :data:`CACHE_KEEP`) most recent compiled timelines."""
    keep = CACHE_KEEP if keep is None else keep
    try:
        entries = sorted(
            (p for p in root.iterdir() if p.is_dir()),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
    except OSError:
        return
    for old in entries[keep:]:
        shutil.rmtree(old, ignore_errors=True)


def _place_dict(place: Any) -> dict[str, Any]:
    d = place.to_dict()
    d["extra"] = {
        k: v
        for k, v in (getattr(place, "extra", None) or {}).items()
        if isinstance(v, (str, int, float, bool, type(None), list))
    }
    return d


def _cache_load(folder: Path, path: Path) -> Any:
    import geopandas as gpd  # heavy: imported when a cached timeline is read

    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        gdf = gpd.read_parquet(folder / "features.parquet")
    except (OSError, ValueError, KeyError):
        return None
    except Exception:  # a corrupt parquet file raises pyarrow's own errors
        return None
    gdf["sources"] = [json.loads(s) for s in gdf["sources"]]
    for a in meta["agreements"]:
        a["signed"] = _dt.date.fromisoformat(a["signed"]) if a.get("signed") else None
    places = []
    for d in meta["places"]:
        d["admin"] = tuple(d.get("admin") or ())
        try:
            places.append(Place(**d))
        except TypeError:
            return None
    return Timeline(
        gdf,
        name=meta["name"],
        id=meta["id"],
        description=meta["description"],
        agreements=meta["agreements"],
        places=places,
        path=path,
    )
