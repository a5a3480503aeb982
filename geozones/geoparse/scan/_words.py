"""The words of a text as the scan matches them: matching keys (articles dropped, glued
articles cut, Arabic spellings joined or split) and the folded tokens with their offsets
(possessives, German genitives, Turkish case endings, Arabic proclitics and joined "و")."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..._io import data_path
from ..._text import fold, fold_with_offsets

if TYPE_CHECKING:  # pragma: no cover
    from ._index import _Index


_ARTICLES = frozenset(
    "al el il ul ol l ash esh as es ad ed ar er at et an en az ez adh edh ath eth".split()
)
_GLUED_SUN = re.compile(r"^[ae](sh|th|dh|[tdrszln])\1(?=[a-z]{2,})")
_BOUNDARY = re.compile(r"[.,;:!?()\[\]{}\"“”«»/|\n]|\s[-–—]\s|[–—]\s|\s[–—]")
_PROCLITICS = frozenset("وفبل")
_CODE_LIKE = re.compile(r"^(?:[a-z]{1,3} ?\d+|\d+)$")
_POSSESSIVE = re.compile(r"['’]s$")
_ELISION = re.compile(r"[dlDL]['’](?=[A-ZÀ-ÖØ-Þİ])")
#: Turkish case endings written after an apostrophe ("İdlib'in", "Numan'da", "Halep'e").
_CASE_SUFFIX = re.compile(
    r"(?<=\w)['’´](?:d[ae]ki|t[ae]ki|n[ıiuü]n|y?l[ae]|d[ae]n?|t[ae]n?|y?[ıiuü]n?|y?[ae]|"
    r"ns[ıiuü]|d[ıi]r)$",
    re.IGNORECASE,
)


def _word_key(word: str) -> str:
    """One folded word as matched: articles dropped, glued articles cut ("ezzor" → "zor")."""
    if word in _ARTICLES:
        return ""
    if "\u0600" <= word[:1] <= "\u06ff":
        if word.startswith("ال") and len(word) > 3:
            return word[2:]
        if word.startswith("وال") and len(word) > 4:
            return word[3:]
        return word
    m = _GLUED_SUN.match(word)
    if m:
        return word[2:]
    if word.startswith(("al", "el")) and len(word) >= 6 and word[2] not in "aeiou":
        return word[2:]  # "elhur", "alhasakeh" (not "aleppo", "alia")
    return word


@functools.lru_cache(maxsize=200_000)
def _key(folded: str) -> str:
    return " ".join(k for k in (_word_key(w) for w in folded.split()) if k)


#: First words of Arabic village names that writers join to the next word or not
#: ("كفر نبل" and "كفرنبل", "أبو الظهور" and "أبوالظهور"), as matching keys.
ARABIC_HEADS = frozenset("كفر دير تل عين بيت خربه ابو معره جسر بير راس بني ام قصر".split())


def _arabic_spellings(k: str) -> tuple[str, ...]:
    """The other ways Arabic writers space a name that starts with a common head word:
    joined ("كفر موسي" → "كفرموسي", "ابو ظهور" → "ابوالظهور") or split ("كفرسجنه" →
    "كفر سجنه"). Keys are folded and have no article."""
    if not "\u0600" <= k[:1] <= "\u06ff":
        return ()
    words = k.split()
    if len(words) >= 2 and words[0] in ARABIC_HEADS:
        rest = " ".join(words[2:])
        joined = (words[0] + words[1], words[0] + "ال" + words[1])
        return tuple(f"{j} {rest}".strip() for j in joined)
    if len(words) >= 3 and words[1] in ARABIC_HEADS:  # "مطار ديرالزور": a head inside
        rest = " ".join(words[3:])
        joined = (words[1] + words[2], words[1] + "ال" + words[2])
        return tuple(f"{words[0]} {j} {rest}".strip() for j in joined)
    if len(words) == 1:
        head = next((h for h in ARABIC_HEADS if k.startswith(h) and len(k) >= len(h) + 3), None)
        if head is not None:
            rest = k[len(head) :].removeprefix("ال")
            return (f"{head} {rest}",) if len(rest) >= 3 else ()
    return ()


def glued_article(name: str) -> bool:
    """Whether a name's last word starts with a glued sun-letter article ("Assad",
    "al-Assad"; not "Sad")."""
    return bool(_GLUED_SUN.match(re.split(r"[\s-]", fold(name))[-1]))


@dataclass
class _Token:
    key: str
    start: int  # original offsets of the word
    end: int
    lead: int  # start including an article written just before ("al-" of "al-Bab")


#: German nouns after which a place name takes the genitive -s ("im Süden Idlibs").
_GENITIVE_BEFORE = re.compile(
    r"(?:Süden|Norden|Osten|Westen|Nordwesten|Nordosten|Südwesten|Südosten|Teile?|Provinz"
    r"|Hauptstadt|Grenze|Rand|Umgebung|Zentrum|Regierung|Armee)\s+$"
)


def _tokens(
    text: str,
    known: frozenset[str] = frozenset(),
    genitive: frozenset[str] = frozenset(),
    capitals: frozenset[str] = frozenset(),
) -> list[_Token | None]:
    """The folded words of ``text`` with original offsets; None marks a boundary.

    ``known`` holds the first words of the index's keys: an Arabic word that is not one
    but is one after a one-letter proclitic (و and, ب in, ل to, ف so) loses the proclitic
    ("وإدلب", "وسهل الغاب", also before a two-letter head: "وأم جلال", "وتل رفعت")."""
    folded, off = fold_with_offsets(text)
    out: list[_Token | None] = []
    pending_article: int | None = None
    prev_start = prev_end = 0
    boundary, word_key = _BOUNDARY.search, _word_key_cached
    for m in _WORD.finditer(folded):
        fs, fe = m.span()
        s, e = off[fs], off[fe - 1] + 1
        while e < len(text) and text[e] in _DROPPED_LETTERS:
            e += 1  # a final hamza, tatweel or vowel mark the fold dropped: "الشهداء"
        spaced = s - prev_end == 1 and text[prev_end] == " "  # one space: no boundary
        if (
            out
            and not spaced
            and boundary(text, prev_end, s)
            and not _initials(text, prev_start, s, e)
        ):
            out.append(None)
            pending_article = None
        prev_start, prev_end = s, e
        word = m.group(0)
        written = text[s:e]
        apostrophe = "'" in written or "’" in written or "´" in written  # elision, -'s, -'ta
        if apostrophe and _ELISION.match(written) and e - s > 4:
            s += 2  # French "d’Idleb", "l’Euphrate"
            word = fold(text[s:e]).strip() or word
            written = text[s:e]
        if apostrophe and _POSSESSIVE.search(written) and word.endswith("s"):
            word, e = word[:-1], e - 2  # "Syria's" → "syria"
        elif (
            known
            and word.endswith("s")
            and word_key(word[:-1]) in known
            and word_key(word) not in genitive  # "Hauptstadt Damaskus": an exonym in -s
            and _GENITIVE_BEFORE.search(text[max(0, s - 14) : s])
        ):
            word, e = word[:-1], e - 1  # German genitive: "den Süden Idlibs", "Teile Syriens"
        elif word.endswith("s") and _prenominal_genitive(text, s, e, word, known, genitive):
            word, e = word[:-1], e - 1  # "in Syriens Rebellengebiet", "Russlands Präsident"
        elif apostrophe and (suffix := _CASE_SUFFIX.search(written)):
            e = s + suffix.start()  # "İdlib'in", "Halep'te", "d’Idleb" (below): the name
            word = fold(text[s:e]).strip() or word
        k = word_key(word)
        if known and k not in known and word[:1] in _PROCLITICS and len(word) > 2:
            k2 = word_key(word[1:])
            if k2 in known:
                k, s = k2, off[fs + 1]  # "وإدلب" → "إدلب"
            elif _to_the_name(word, known, capitals):
                k, s = word_key(word[2:]), off[fs + 2]  # "للبوكمال": ل and the article's ل
        elif known and k not in known and _as_the_name(word, known):
            k, s = word_key(word[1:]), off[fs + 1]  # "كالرقة" (like al-Raqqa) → "الرقة"
        if not k:
            # "al-Bab", "al Bab", "ash-Shughur" belong to the name; English "at", "an" do not
            if word in ("al", "el") or text[e : e + 1] in ("-", "‑"):
                pending_article = s if pending_article is None else pending_article
            continue
        lead = pending_article if pending_article is not None else s
        out.append(_Token(k, s, e, lead))
        pending_article = None
    return out


def _to_the_name(word: str, known: frozenset[str], capitals: frozenset[str] = frozenset()) -> bool:
    """Whether a folded Arabic word is "لل" (the preposition ل, the article's alef dropped
    after it) and a name the index knows with the article: "للبوكمال" (to al-Bukamal) is
    "ل" and "البوكمال". A common word stays the word ("السنة الأولى للثورة", of the
    revolution: not the town of al-Thawrah), unless the name is a governorate's or its
    capital's (``capitals``): "السور الأثري للرقة" is the ancient wall of al-Raqqa.

    Examples
    --------
    >>> _to_the_name("للرقه", frozenset({"رقه"}), frozenset({"رقه"}))
    True
    >>> _to_the_name("للثوره", frozenset({"ثوره"}))
    False
    """
    if not word.startswith("لل") or len(word) <= 4 or _word_key(word[2:]) not in known:
        return False
    return "ال" + word[2:] not in _arabic_common_words() or _word_key(word[2:]) in capitals


def _as_the_name(word: str, known: frozenset[str]) -> bool:
    """Whether a folded Arabic word is the preposition ك (as, like) glued to a name with
    the article: "كالرقة" ("such as al-Raqqa") is "ك" and "الرقة". Only before the article,
    where the preposition is common and a name starting "كال" rare; a name the index knows
    whole ("كالطه") never gets here.

    Examples
    --------
    >>> _as_the_name("كالرقه", frozenset({"رقه"})), _as_the_name("كالعاده", frozenset({"رقه"}))
    (True, False)
    >>> _as_the_name("كرقه", frozenset({"رقه"}))
    False
    """
    return word.startswith("كال") and len(word) > 5 and _word_key(word[1:]) in known


@functools.cache
def word_list(name: str) -> frozenset[str]:
    """The words of ``data/geoparse/<name>``, one per line, ``#`` lines aside (read once).

    Examples
    --------
    >>> "the" in word_list("english_common_words.txt")
    True
    """
    with open(data_path("geoparse", name), encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip() and line[0] != "#")


def _arabic_common_words() -> frozenset[str]:
    """The common Arabic words (folded, with the article where they take it) of
    ``data/geoparse/arabic_common_words.txt``."""
    return word_list("arabic_common_words.txt")


def _english_common_words() -> frozenset[str]:
    return word_list("english_common_words.txt")


def english_common_word(word: str) -> bool:
    """Whether ``word``, in any case, is one of the common words of English (wordfreq's
    Zipf of 4.0 or more, ``data/geoparse/english_common_words.txt``).

    Examples
    --------
    >>> english_common_word("Small"), english_common_word("Rubar")
    (True, False)
    """
    return word.lower() in _english_common_words()


#: Arabic letters and marks the fold drops (hamza, tatweel, harakat, superscript alef): still
#: part of the word, so a word's span runs over them ("الشهداء" is not "الشهدا" and a hamza).
_DROPPED_LETTERS = frozenset("\u0621\u0640\u0670" + "".join(map(chr, range(0x064B, 0x0660))))
#: A folded word (the folded text has single spaces only).
_WORD = re.compile(r"\S+")
#: :func:`_word_key` of the words of texts, kept: the same words come back in every text.
_word_key_cached = functools.lru_cache(maxsize=65536)(_word_key)


#: A German noun after a name in the genitive ("Syriens Rebellengebiet").
_NOUN_AFTER = re.compile(r"[ \t]+[A-ZÄÖÜ][a-zäöüß]{2,}")


def _prenominal_genitive(
    text: str, s: int, e: int, word: str, known: frozenset[str], genitive: frozenset[str]
) -> bool:
    """A country's name (or a foreign spelling of a big city's) with the German genitive
    "-s" before a capitalised noun, the way German names a country's people or things
    ("in Syriens Rebellengebiet", "Russlands Präsident"), the name without "-s" unknown."""
    return (
        word.endswith("s")
        and text[s : s + 1].isupper()
        and _word_key(word[:-1]) in genitive
        and _word_key(word) not in known
        and bool(_NOUN_AFTER.match(text, e))
    )


#: Arabic letters that do not join the next one: a typist who leaves out the space after
#: one sees no difference ("أنقرةوموسكو" looks like "أنقرة وموسكو").
_NON_JOINING = frozenset("اأإآدذرزوؤة")


def _split_and(text: str, toks: list[_Token | None], index: _Index) -> list[_Token | None]:
    """Two names joined by the conjunction و with no space ("أنقرةوموسكو"): an unknown
    Arabic word that is a known one-word name, a letter that does not join, و, and another
    known name is read as the two names."""
    out: list[_Token | None] = []
    for t in toks:
        if t is None or t.key in index.words or not "\u0600" <= t.key[:1] <= "\u06ff":
            out.append(t)
            continue
        out.extend(_and_halves(text, t, index) or (t,))
    return out


def _and_halves(text: str, t: _Token, index: _Index) -> tuple[_Token, _Token] | None:
    """The two names of a word "A‌وB" (see :func:`_split_and`), or None."""
    word = text[t.start : t.end]
    for i in range(3, len(word) - 2):
        if word[i] != "و" or word[i - 1] not in _NON_JOINING:
            continue
        left, right = _word_key(fold(word[:i])), _word_key(fold(word[i + 1 :]))
        if left in index.arabic_single and right in index.arabic_single:
            a = _Token(left, t.start, t.start + i, t.lead)
            return a, _Token(right, t.start + i + 1, t.end, t.start + i + 1)
    return None


def _initials(text: str, prev_start: int, start: int, end: int) -> bool:
    """Two capital initials joined by a full stop ("U.S.", "U.K."): one name, no boundary."""
    return (
        text[prev_start + 1 : start] == "."
        and text[prev_start : prev_start + 1].isupper()
        and end - start == 1
        and text[start:end].isupper()
    )
