"""Inexact matching: a symmetric-deletion index for typos, rapidfuzz blocks for the rest.

One-letter typos (a letter changed, added, dropped or two letters swapped)
are the commonest misspellings. Every key and every typo of it share a
string with one letter deleted, so an index from "key minus one letter" to
keys finds them all with ``len(query) + 1`` dictionary look-ups (the
symmetric-deletion idea of SymSpell); they are then scored with rapidfuzz's
``ratio`` as a brute-force scan over all keys would. The index also finds
keys *two* edits away (a letter dropped and another added: "Hxmis" and
"Hmeis" both lose a letter to "Hmis"), which ``ratio`` scores like one changed
letter ("Hxmis" for "Hamis") because it counts a change as a deletion plus an
insertion; those are scored by edits per letter instead (the optimal string
alignment distance), so the one-edit reading wins. Names further off fall
back to ``rapidfuzz.process.extract`` over keys of similar length that start
with the same letter.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from .._text import phonetic_key

#: Fuzzy matches below this (rapidfuzz ratio, 0..100) are not returned.
FUZZY_CUTOFF = 80.0
#: Keys shorter than this need a closer match (a one-letter change is a third of "hun").
SHORT = 5
SHORT_CUTOFF = 85.0


def deletes(key: str) -> set[str]:
    """The key and every string made by deleting one of its letters.

    Examples
    --------
    >>> sorted(deletes("bab"))
    ['ab', 'ba', 'bab', 'bb']
    """
    out = {key}
    for i in range(len(key)):
        out.add(key[:i] + key[i + 1 :])
    return out


def _deletion_block(keys: Iterable[str]) -> dict[str, list[str] | str]:
    """Each key and each one-letter deletion of it (keys of 3 letters or more) → the key
    that gives it, or the list of keys when several do."""
    dels: dict[str, list[str] | str] = {}
    for k in keys:
        for d in deletes(k) if len(k) > 2 else (k,):
            old = dels.get(d)
            if old is None:
                dels[d] = k  # most deletions belong to one key: no list for them
            elif isinstance(old, str):
                dels[d] = [old, k]
            else:
                old.append(k)
    return dels


class FuzzyIndex:
    """Deletion index and length blocks over a set of keys.

    Parameters
    ----------
    keys : iterable of str
        The keys that may match inexactly.
    deletions : bool
        Build the deletion index (:meth:`near`); without it only :meth:`scan` works.

    Examples
    --------
    >>> ix = FuzzyIndex(["saraqib", "jarablus", "azaz"])
    >>> ix.near("saraqip")
    [('saraqib', 85.71428571428572)]
    """

    def __init__(self, keys: Iterable[str], *, deletions: bool = True) -> None:
        self.keys = sorted({k for k in keys if k}, key=lambda k: (k[0], len(k), k))
        # the deletion index, one block per key length, each built on first need: a query
        # of n letters needs the keys of n - 1, n and n + 1 letters only
        self._by_len: dict[int, list[str]] = {}
        for k in self.keys if deletions else ():
            self._by_len.setdefault(len(k), []).append(k)
        self._dels: dict[int, dict[str, list[str] | str]] = {}
        blocks: dict[str, tuple[list[int], list[str]]] = {}
        for k in self.keys:
            lens, ks = blocks.setdefault(k[0], ([], []))
            lens.append(len(k))
            ks.append(k)
        self._blocks = blocks

    def build(self) -> FuzzyIndex:
        """Build every block of the deletion index now (a server at start-up, a benchmark).

        Examples
        --------
        >>> FuzzyIndex(["saraqib", "azaz"]).build().near("saraqbi")
        [('saraqib', 85.71428571428572)]
        """
        for n in list(self._by_len):
            self._deletions(n)
        return self

    def _deletions(self, n: int) -> dict[str, list[str] | str]:
        """The deletion index of the keys of ``n`` letters (built on first need)."""
        block = self._dels.get(n)
        if block is None:
            block = self._dels[n] = _deletion_block(self._by_len.get(n, ()))
        return block

    def __len__(self) -> int:
        return len(self.keys)

    def near(self, query: str, cutoff: float = FUZZY_CUTOFF) -> list[tuple[str, float]]:
        """Keys at most one edit (Damerau) from ``query``, with their ratio, best first.

        Examples
        --------
        >>> FuzzyIndex(["jarablus", "azaz"]).near("jarablsu")    # two letters swapped
        [('jarablus', 87.5)]
        """
        from rapidfuzz.distance.OSA import distance as osa  # lazy: only for inexact names
        from rapidfuzz.fuzz import ratio  # lazy: only for inexact names

        if len(query) < 3:
            return []
        need = max(cutoff, SHORT_CUTOFF) if len(query) < SHORT else cutoff
        seen: set[str] = set()
        gone = deletes(query)
        n = len(query)
        for m in (n - 1, n, n + 1):
            if m not in self._by_len:
                continue
            dels = self._deletions(m)
            for d in gone:
                hit = dels.get(d)
                if hit is None:
                    continue
                if isinstance(hit, str):
                    seen.add(hit)
                else:
                    seen.update(hit)
        found = []
        for k in seen:
            s = ratio(query, k)
            if s >= need:
                edits = osa(query, k, score_cutoff=2)
                if edits > 1:  # two edits: scored per letter, below one edit at equal ratio
                    s = min(s, 100.0 * (1.0 - edits / max(len(query), len(k))))
                found.append((k, s))
        found.sort(key=lambda t: (-t[1], t[0]))
        return found

    def scan(self, query: str, limit: int, cutoff: float = FUZZY_CUTOFF) -> list[tuple[str, float]]:
        """rapidfuzz ``ratio`` over the keys of similar length that start like ``query``.

        Examples
        --------
        >>> FuzzyIndex(["saraqib", "sarmada"]).scan("saraqeeb", limit=1)
        [('saraqib', 80.0)]
        """
        from rapidfuzz import fuzz, process  # lazy: rapidfuzz only for inexact names

        if not query or query[0] not in self._blocks:
            return []
        lens, keys = self._blocks[query[0]]
        n = len(query)
        slack = max(1, n // 4)
        lo = bisect.bisect_left(lens, n - slack)
        hi = bisect.bisect_right(lens, n + slack)
        need = max(cutoff, SHORT_CUTOFF) if n < SHORT else cutoff
        return [
            (k, s)
            for k, s, _ in process.extract(
                query, keys[lo:hi], scorer=fuzz.ratio, limit=limit, score_cutoff=need
            )
        ]

    def all_keys(self) -> list[str]:
        """Every key (for "did you mean" hints, which have no cutoff).

        Examples
        --------
        >>> FuzzyIndex(["b", "a"]).all_keys()
        ['a', 'b']
        """
        return self.keys


#: Letters a misspelling or a transliteration may put for one another without changing the
#: name: Arabic letters told apart only by their dots (one written shape: جرابلس / حرابلس,
#: سراقب / سراقت), the long vowels, ta marbuta written as the t it is before a genitive
#: (معرة / معرت), q / k; in Latin skeletons d / t / z (ذ ث ظ ض written d, th, dh, z).
_SAME = [
    "بتثنيى", "جحخ", "دذزر", "سش", "صض", "طظ", "عغ", "فق", "قك", "هةت", "اويىء", "dtz",
]  # fmt: skip


def _same_letter(x: str, y: str) -> bool:
    return x == y or any(x in g and y in g for g in _SAME)


#: Least length of the shorter skeleton (Latin consonants) or key (Arabic letters, long
#: vowels included) for a slip of one letter added, dropped or swapped: in a shorter name
#: one letter more or less makes another name ("Basi" is not "Bsir", "بزة" not "برزة").
SLIP_MIN_LATIN = 4
SLIP_MIN_ARABIC = 5
#: ... unless the shorter Latin key has at least this many letters.
SLIP_LONG = 7


def _one_slip(a: str, b: str, least: int) -> bool:
    """Whether ``a`` and ``b`` are equal up to :data:`_SAME` letters, or (both at least
    ``least`` letters long) one letter (not the first) is added or dropped, or two
    neighbouring letters are swapped."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if not _same_letter(a[i], b[i])]
        if not diff:
            return True
        return (
            len(a) >= least
            and len(diff) == 2
            and diff[0] > 0
            and diff[1] == diff[0] + 1
            and (a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(long_) - len(short) != 1 or len(short) < least:
        return False
    for i in range(1, len(long_)):
        rest = long_[:i] + long_[i + 1 :]
        if all(map(_same_letter, rest, short)):
            return True
    return False


def keeps_consonants(query: str, query_skeleton: str, found: str, found_skeleton: str) -> bool:
    """Whether an inexact match keeps the consonants of the name asked for.

    A misspelling changes vowels, drops or doubles a letter, swaps two; it does not turn one
    consonant into another: "Masnaa" is not "Manara", "Bleisa" not "Hleisa", "المصنع" not
    "صنعاء". The consonant skeletons (:func:`geozones._text.phonetic_key`; for Arabic the
    keys themselves) must be equal up to the letters of :data:`_SAME`, or differ by one letter
    added or dropped after the first, or by two neighbouring letters swapped (names of at
    least :data:`SLIP_MIN_LATIN` consonants, :data:`SLIP_MIN_ARABIC` Arabic letters). An
    Arabic key, which keeps its vowels, may add or drop only a long vowel, a hamza's seat, a
    final ة / ه or a doubled letter, unless it is long (:data:`SLIP_LONG_ARABIC`): "مرسين"
    (Mersin) is not "مرسحين" (Masahin).

    Parameters
    ----------
    query, found : str
        The exact keys (:func:`geozones._text.name_key`) of the name and of the match.
    query_skeleton, found_skeleton : str
        Their phonetic skeletons, word by word (:func:`word_skeletons`); two names of as
        many words are compared word by word.

    Examples
    --------
    >>> pk = word_skeletons
    >>> keeps_consonants("masnaa", pk("Masnaa"), "manara", pk("Manara"))
    False
    >>> keeps_consonants("ildib", pk("Ildib"), "idlib", pk("Idlib"))
    True
    >>> keeps_consonants("حرابلس", "", "جرابلس", "")
    True
    >>> keeps_consonants("مصنع", "", "صنعا", "")
    False
    >>> keeps_consonants("مرسين", "", "مرسحين", "")
    False
    >>> keeps_consonants("easternhama", pk("Eastern Hama"), "easternhamra", pk("Eastern Hamra"))
    False
    """
    if not query.isascii() or not found.isascii():
        q, f = _letters(query), _letters(found)
        return _one_slip(q, f, SLIP_MIN_ARABIC) and _arabic_slip_is_weak(q, f)
    qs, fs = query_skeleton.split(), found_skeleton.split()
    if len(qs) == len(fs) > 1:  # word by word: "Eastern Hama" is not "Eastern Hamra"
        last = len(qs) - 1  # before another word a final t is the construct state: Maaret
        return all(
            _one_slip(
                _letters(a if i == last else a.removesuffix("t")),
                _letters(b if i == last else b.removesuffix("t")),
                SLIP_MIN_LATIN,
            )
            for i, (a, b) in enumerate(zip(qs, fs, strict=True))
        )
    if _one_slip(_letters("".join(qs)), _letters("".join(fs)), SLIP_MIN_LATIN):
        return True
    # a long name may slip one typed letter ("Managuax" for "Managua": x is "ks" in a skeleton)
    q, f = _letters(query), _letters(found)
    return min(len(q), len(f)) >= SLIP_LONG and _one_slip(_consonants(q), _consonants(f), 0)


#: Arabic letters a spelling adds or drops without making another name: the long vowels,
#: the hamza's seats and the final ta marbuta / ha ("مرسين" is not "مرسحين": ح is a consonant).
_ARABIC_WEAK = set("اأإآءؤئويىةه")
#: ... and any letter in an Arabic key at least this long.
SLIP_LONG_ARABIC = 8


def _arabic_slip_is_weak(a: str, b: str) -> bool:
    """Whether two Arabic keys one letter apart in length differ by a weak letter
    (:data:`_ARABIC_WEAK`) or a doubled one, or the shorter is at least
    :data:`SLIP_LONG_ARABIC` letters long; keys of one length pass."""
    if abs(len(a) - len(b)) != 1:
        return True
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(short) >= SLIP_LONG_ARABIC:
        return True
    for i, c in enumerate(long_):
        if not all(map(_same_letter, long_[:i] + long_[i + 1 :], short)):
            continue
        doubled = (i > 0 and long_[i - 1] == c) or (i + 1 < len(long_) and long_[i + 1] == c)
        if c in _ARABIC_WEAK or doubled:
            return True
    return False


def _consonants(key: str) -> str:
    """The letters of a Latin key other than vowels."""
    return "".join(c for c in key if c not in "aeiouy")


def word_skeletons(text: str) -> str:
    """The phonetic skeleton of each word of ``text`` (articles left out), joined by spaces.

    Examples
    --------
    >>> word_skeletons("Eastern Hama"), word_skeletons("al-Bab")
    ('astrn hm', 'b')
    """
    return " ".join(k for k in map(phonetic_key, text.split()) if k)


def _letters(text: str) -> str:
    """The letters of ``text`` (digits and marks left out: they are no consonants)."""
    return text if text.isalpha() else "".join(filter(str.isalpha, text))
