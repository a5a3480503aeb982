"""Matching a name against the index: exact key, phonetic skeleton, then fuzzy.

Scores: the exact key 1.0 (a foreign place's alternate name 0.97); the loose
transliteration key of :mod:`._loose` 0.96 (Atme for Atma, Merc ez Zuhur for Marj
al-Zohur; ``matched`` then names the gazetteer's spelling); the phonetic
skeleton 0.85–0.95 by spelling similarity; a typo or another inexact match at
most 0.85. Ranking and the regional prior live in :mod:`._rank`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from .._text import fold, name_key, phonetic_key
from ..place import Place
from ._fuzzy import FUZZY_CUTOFF, FuzzyIndex, keeps_consonants, word_skeletons
from ._loose import loose_key
from ._query import _check_args, _qualifier, _strip_compass
from ._rank import _Ranker

#: Score of a match on the exact key, on the phonetic skeleton, and the cap of fuzzy matches.
EXACT, PHONETIC_MIN, PHONETIC_MAX, FUZZY_MAX = 1.0, 0.85, 0.95, 0.85
#: An alternate name of a foreign place scores a little lower than a Syrian name.
FOREIGN_ALTERNATE = 0.97
#: Score of a match on the loose transliteration key (:func:`._loose.loose_key`).
LOOSE = 0.96
#: Least spelling similarity (0..100) of a phonetic-skeleton match to the name asked for.
PHONETIC_LOOKALIKE = 60.0
#: Score factor of "northern X", "western X countryside": a part of X, not X.
PART_OF = 0.9
_MEMO_SIZE = 100_000
_FUZZY_GOOD = 85.0
_RURAL = -1  # the "level" of a countryside qualifier
_new = object.__new__


class _Matcher(_Ranker):
    """The matching half of :class:`~geozones.gazetteer.Gazetteer`."""

    # ------------------------------------------------------------------ helpers
    def _ensure_country(self, cc: str) -> None:
        """Load country ``cc`` on its first use: :class:`._places._Places` does it."""

    def _guessable(self, vi: int) -> bool:
        """Whether a variant may match inexactly: not a foreign place's alternate name."""
        return self._v_how[vi] != "a" or self._country[self._v_entry[vi]] in self._home

    def _fuzzy_ix(self) -> tuple[FuzzyIndex, FuzzyIndex]:
        """The fuzzy indexes of the keys and of the phonetic skeletons (built on first use).

        Besides each key, the variant's *full key* (folded, articles kept, spaces
        removed: "alsahl") is indexed, so a typo inside an article still finds it.
        Foreign alternate names (Moskva, Moscou …) are matched exactly only, which
        keeps the fuzzy pool to about a third of the keys.
        """
        ix = self._fuzzy_index
        if ix is None:
            guess = self._guessable_flags()
            ks, ps, order = self._key_start, self._pkey_start, self._pkey_order
            keys = [
                k for j, k in enumerate(self._keys) if k.isalpha() and any(guess[ks[j] : ks[j + 1]])
            ]
            keys += [k for k, v in self._more_key.items() if any(map(guess.__getitem__, v))]
            self._full_vids = full = self._full_keys(guess)
            pkeys = [
                k
                for m, k in enumerate(self._pkeys)
                if len(k) >= 3
                and k.isalpha()
                and any(map(guess.__getitem__, order[ps[m] : ps[m + 1]]))
            ]
            pkeys += [
                k
                for k, v in self._more_pkey.items()
                if len(k) >= 3 and any(map(guess.__getitem__, v))
            ]
            ix = self._fuzzy_index = (
                FuzzyIndex([*keys, *full]),
                FuzzyIndex(pkeys, deletions=False),
            )
        return ix

    def _guessable_flags(self) -> list[bool]:
        """:meth:`_guessable` of every variant, in one pass."""
        ccs, home = self._country, self._home
        return [h != "a" or ccs[e] in home for h, e in zip(self._v_how, self._v_entry, strict=True)]

    def _full_keys(self, guess: list[bool]) -> dict[str, list[int]]:
        """Full key (folded, articles kept, no spaces) → the guessable variants whose full
        key differs from their key ("alsahl" for "Al-Sahl", whose key is "sahl")."""
        key_of: list[str] = []
        ks = self._key_start
        for j, k in enumerate(self._keys):
            key_of += [k] * (ks[j + 1] - ks[j])
        more = self._more_vkey
        key_of += [more[vi] for vi in range(len(key_of), len(self._v_text))]
        fold_ = fold.__wrapped__  # once per variant: no need to fill fold's cache
        full: dict[str, list[int]] = {}
        for vi, text in enumerate(self._v_text):
            if guess[vi] and not (text.isascii() and text.isalnum()):  # one plain word: fk = key
                fk = fold_(text).replace(" ", "")
                if fk != key_of[vi] and fk.isalpha():
                    full.setdefault(fk, []).append(vi)
        return full

    def _vids_any(self, k: str) -> list[int]:
        """Variants whose key or full key is ``k``."""
        return [*self._vids_key(k), *self._full_vids.get(k, ())]

    def _loose_vids(self, name: str) -> list[int]:
        """Guessable variants whose loose key (:func:`._loose.loose_key`) is the name's,
        whose exact key is not (the index of loose keys is built on first use)."""
        ix = self._loose_index
        if ix is None:
            ix = {}
            fold_ = fold.__wrapped__  # once per variant: no need to fill fold's cache
            flags = self._guessable_flags()
            for vi, (text, ok) in enumerate(zip(self._v_text, flags, strict=True)):
                if ok and text.isascii() and (lk := loose_key(fold_(text))):
                    ix.setdefault(lk, []).append(vi)
            self._loose_index = ix
        lk = loose_key(fold(name))
        return [vi for vi in ix.get(lk, ()) if self._key_of(vi) != name_key(name)] if lk else []

    def _looks_alike(self, key: str, vi: int) -> bool:
        """A skeleton match must also look like the name: 'Hun' is not 'Khan', nor
        'Qwertyuiop' 'Curitiba', though their consonant skeletons agree."""
        from rapidfuzz.fuzz import ratio  # lazy: not on the exact path

        need = PHONETIC_LOOKALIKE if len(key) > 4 else FUZZY_CUTOFF  # short names: stricter
        return ratio(key, self._key_of(vi)) >= need

    def _phonetic_score(self, vi: int, key: str) -> float:
        from rapidfuzz.fuzz import ratio  # lazy: not on the exact path

        return PHONETIC_MIN + (PHONETIC_MAX - PHONETIC_MIN) * ratio(key, self._key_of(vi)) / 100.0

    def _accept(self, e: int, kind: str | None, country: Any) -> bool:
        if kind is not None and self._kind[e] != kind:
            return False
        if country is not None and self._country[e] not in country:
            return False
        return True

    def _collect(self, scored, kind, country, out: dict, query: str = "") -> None:
        """Keep, per entry, its best ``(score, variant)`` from ``(variant, score)`` pairs."""
        for vi, s in scored:
            e = self._v_entry[vi]
            if not self._accept(e, kind, country):
                continue
            old = out.get(e)
            if old is None or s > old[0]:
                out[e] = (s, vi)
            elif s == old[0] and query and self._v_text[vi] == query:
                out[e] = (s, vi)  # report the spelling the user wrote as the matched variant

    def _exact(self, key: str, kind, country, query: str) -> dict[int, tuple[float, int]]:
        """The entries whose key is ``key`` (the hot path: no closures, no sorting)."""
        out: dict[int, tuple[float, int]] = {}
        v_entry, v_how, ccs, home = self._v_entry, self._v_how, self._country, self._home
        for vi in self._vids_key(key):
            e = v_entry[vi]
            if (kind is not None and self._kind[e] != kind) or (
                country is not None and ccs[e] not in country
            ):
                continue
            s = FOREIGN_ALTERNATE if v_how[vi] == "a" and ccs[e] not in home else EXACT
            old = out.get(e)
            if old is None or s > old[0] or (s == old[0] and self._v_text[vi] == query):
                out[e] = (s, vi)
        return out

    def _typos(self, name: str, key: str) -> dict[int, float]:
        """Variants one edit (a letter changed, added, dropped, swapped) from the name,
        by key or full key, with their rapidfuzz ratio."""
        kix, _ = self._fuzzy_ix()
        found: dict[int, float] = {}
        fk = fold(name).replace(" ", "")
        for q in (key, fk) if fk != key else (key,):
            for k, sc in kix.near(q):
                for vi in self._vids_any(k):
                    if sc > found.get(vi, 0.0) and self._guessable(vi):
                        if self._same_consonants(name, q, k, vi):
                            found[vi] = sc
        return found

    def _same_consonants(self, name: str, q: str, k: str, vi: int) -> bool:
        """Whether variant ``vi``, found by its key (or full key) ``k`` for the name's ``q``,
        keeps the consonants of ``name`` (:func:`._fuzzy.keeps_consonants`): a guess may
        change vowels or drop a letter, never turn one consonant into another."""
        return keeps_consonants(q, word_skeletons(name), k, word_skeletons(self._v_text[vi]))

    def _fuzzy(self, name: str, key: str, pkey: str, limit: int) -> list[tuple[float, int]]:
        """(score 0..100, variant index) of the keys most similar to ``key``/``pkey``."""
        from rapidfuzz import fuzz  # lazy: not on the exact path

        kix, pix = self._fuzzy_ix()
        found: dict[int, float] = {}
        ws = word_skeletons(name)
        for k, sc in kix.scan(key, limit):
            for vi in self._vids_any(k):
                if sc > found.get(vi, 0) and keeps_consonants(
                    key, ws, k, word_skeletons(self._v_text[vi])
                ):
                    found[vi] = sc
        if len(pkey) >= 3 and max(found.values(), default=0) < _FUZZY_GOOD:
            for k, sc in pix.scan(pkey, limit):  # the skeleton catches what spelling misses
                for vi in self._vids_pkey(k):
                    kv = self._key_of(vi)
                    s = (sc + fuzz.ratio(key, kv)) / 2  # must look like the name
                    if (
                        s >= FUZZY_CUTOFF
                        and s > found.get(vi, 0)
                        and keeps_consonants(key, ws, kv, word_skeletons(self._v_text[vi]))
                    ):
                        found[vi] = s
        return sorted(((s, vi) for vi, s in found.items()), reverse=True)

    # ------------------------------------------------------------------ queries
    def candidates(
        self,
        name: str,
        *,
        top: int = 5,
        country: str | Sequence[str] | None = None,
        near: Any = None,
        kind: str | None = None,
        fuzzy: bool = True,
    ) -> list[Place]:
        """Up to ``top`` matches for ``name``, best first (empty list if none).

        Same parameters as :meth:`geocode`; never raises for an unknown name.

        Examples
        --------
        >>> from geozones import Gazetteer
        >>> gz = Gazetteer.default()
        >>> [p.kind for p in gz.candidates("Afrin", top=3)]
        ['populated place', 'admin area', 'admin area']
        """
        if top == 1 and kind is None and country is None and near is None and type(name) is str:
            hit = self._exact_one(name)  # the commonest question: one exact name
            if hit is not None:
                return [hit]
        kind, country, near = _check_args(name, top, kind, country, near)  # hashable values
        memo_key = (name, top, country, near, kind, fuzzy)
        found = self._memo.get(memo_key)
        if found is None:
            found = self._candidates(name, top, country, near, kind, fuzzy)
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            self._memo[memo_key] = found
        out = [self.place(e, matched=self._v_text[vi], score=s) for e, vi, s in found]
        if found and found[0][2] < FOREIGN_ALTERNATE:
            self._warn_if_far(name, found[0][0], found[0][2], near, country)
        return out

    def _exact_one(self, name: str) -> Place | None:
        """The best exact match of ``name`` with default options, or None to take the long way.

        The hot path of ``geocode``: the name is folded once (:func:`name_key`), its
        variants are a range of the sorted index, and the :class:`Place` fills its
        fields only when one is read.
        """
        key = name_key(name)
        j = self._by_key.get(key)
        if j is None or (self._more_key and key in self._more_key):
            return None
        ks = self._key_start
        a = ks[j]
        vi = a if ks[j + 1] - a == 1 else self._best_exact(a, ks[j + 1], name)
        e = self._v_entry[vi]
        p = _new(Place)  # what self.place(...) builds, without its call
        d = p.__dict__  # item by item: faster than update(...) or setting __dict__
        d["score"] = (
            FOREIGN_ALTERNATE
            if self._v_how[vi] == "a" and self._country[e] not in self._home
            else EXACT
        )
        d["matched"] = self._v_text[vi]
        d["_fill"] = partial(self._fields, e)
        return p

    def _best_exact(self, a: int, b: int, name: str) -> int:
        """The variant among ``a .. b-1`` (one key) that :meth:`_ranked` puts first with
        default options: the best score plus the entry's default rank, then the lower
        entry; among one entry's variants the spelling the user wrote."""
        ranks = self._default_rank_list()
        v_entry, v_how, v_text, ccs, home = (
            self._v_entry,
            self._v_how,
            self._v_text,
            self._country,
            self._home,
        )
        query = name.strip()
        best_r, best_e, best_vi, best_s = -1e9, -1, a, 0.0
        for vi in range(a, b):
            e = v_entry[vi]
            s = FOREIGN_ALTERNATE if v_how[vi] == "a" and ccs[e] not in home else EXACT
            r = ranks[e]
            if r is None:
                r = self._fill_default_rank(e)
            r += s
            if r > best_r or (r == best_r and e < best_e):
                best_r, best_e, best_vi, best_s = r, e, vi, s
            elif e == best_e and s == best_s and v_text[vi] == query:
                best_vi = vi  # report the spelling the user wrote
        return best_vi

    def _candidates(self, name, top, country, near, kind, fuzzy) -> list[tuple[int, int, float]]:
        kind, country, near = _check_args(name, top, kind, country, near)
        for cc in country or ():
            if cc not in self._home:
                self._ensure_country(cc)  # the first use of a country builds its index
        key = name_key(name)
        if key in self._by_key or key in self._more_key:  # named exactly: the fast path
            cands = self._exact(key, kind, country, name.strip())
            if len(cands) >= top:
                return self._ranked(cands, near, country, top)
        words = fold(name).split()
        if len(words) > 1 and not self._named_exactly(key, kind, country):
            inner = _strip_compass(words)
            if inner and not (fuzzy and self._typo_of_a_whole_name(name, key, kind, country)):
                # "southern Idlib", "ريف حلب الغربي": the area, scored as a part of it
                found = []
                if kind is None:  # a region of a named area before the town of that name
                    found = self._candidates(inner, top, country, near, "admin area", False)
                    found = [f for f in found if f[2] == EXACT]
                found = found or self._candidates(inner, top, country, near, kind, fuzzy)
                if found:
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

    def _typo_of_a_whole_name(self, name: str, key: str, kind: Any, country: Any) -> bool:
        """Whether the whole name is one letter off a name that has its compass word
        ("Eastern Ghazxla" is a typo of the village "Eastern Ghazala", not east of Ghazla)."""
        return any(
            s >= 90.0 and self._accept(self._v_entry[vi], kind, country)
            for vi, s in self._typos(name, key).items()
        )

    def _named_exactly(self, key: str, kind: str | None, country: Any) -> bool:
        """Whether the whole name is an exact variant ("Rural Damascus", "Jebel Saman")."""
        return any(self._accept(self._v_entry[vi], kind, country) for vi in self._vids_key(key))

    def _match(self, name, top, country, near, kind, level, fuzzy) -> list[tuple[int, int, float]]:
        key = name_key(name)
        if not key:
            return []
        query = name.strip()
        cands = self._exact(key, kind, country, query)
        if len(cands) < top:  # foreign alternate names count only when nothing closer does
            self._collect(
                ((vi, FOREIGN_ALTERNATE) for vi in self._alternates(key)),
                kind,
                country,
                cands,
                query,
            )
        if len(cands) < top:  # the loose key: press spellings of endings, vowels, doubles
            self._collect(((vi, LOOSE) for vi in self._loose_vids(name)), kind, country, cands)
        pkey = phonetic_key(name) if len(cands) < top else ""
        if len(cands) < top:  # spellings that sound alike, and one-letter typos, on one scale
            ph = self._vids_pkey(pkey) if len(pkey) >= 2 or not cands else ()
            inexact = {
                vi: self._phonetic_score(vi, key)
                for vi in ph
                if self._key_of(vi) != key and self._guessable(vi) and self._looks_alike(key, vi)
            }
            if fuzzy:
                for vi, sc in self._typos(name, key).items():
                    s = PHONETIC_MIN + (PHONETIC_MAX - PHONETIC_MIN) * sc / 100.0
                    if s > inexact.get(vi, 0.0):
                        inexact[vi] = s
            self._collect(inexact.items(), kind, country, cands)
        if fuzzy and len(cands) < top:
            fz = self._fuzzy(name, key, pkey, limit=max(10, top * 3))
            self._collect(((vi, FUZZY_MAX * s / 100.0) for s, vi in fz), kind, country, cands)
        if level is not None:
            lv = {e: c for e, c in cands.items() if self._level[e] == level}
            cands = lv or cands
        return self._ranked(cands, near, country, top)
