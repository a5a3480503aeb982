"""Text folding for place names: one normalization shared by the gazetteer and the geoparser.

Three levels, each built on the previous one:

:func:`fold`
    Case, diacritics, Turkish letters (``İ ı ş ç ğ``), Arabic letter variants
    (hamza forms ``أ إ آ ٱ`` → ``ا``, ``ة`` → ``ه``, ``ى`` → ``ي``, ``ؤ`` → ``و``,
    ``ئ`` → ``ي``, tatweel and harakat removed), apostrophes and ayn/hamza signs
    (``' ʿ ʾ ’ ‘ `` ` ``) removed, every other non-alphanumeric run → one space.
    Words are kept. This is what texts are matched on.
:func:`fold_with_offsets`
    The same string plus, for each of its characters, the index of the
    character of the original text it comes from, so a match in the folded
    text maps back to a span of the original (for the geoparser).
:func:`name_key`
    :func:`fold`, then articles dropped (``al-``/``el-``/``ash-``/``ad-``/…,
    Arabic ``ال``) and the spaces removed: the *exact* key of the gazetteer
    ("Al-Bab", "al Bab", "El Bab" and "الباب" all give ``bab``/``باب``).
:func:`phonetic_key`
    :func:`name_key` reduced to a consonant skeleton that absorbs the usual
    transliteration habits of English, French, German, Turkish and BGN
    romanizations (``ou/u``, ``ee/i``, ``q/k/g``, ``sh/ş/ch/s``, ``kh/h``,
    ``dh/z``, ``gh/g/rh``, ``th/t``, ``v/w``, Turkish ``c`` = ``j``, Slavic
    ``j`` = ``y``, doubled letters, ``-eh/-a`` endings, construct ``-at``,
    ``nb → mb``; vowels and weak ``w``/``y`` after the first letter dropped, a
    word-initial vowel kept as ``a``). Arabic script keeps its consonants with
    emphatics merged (``ص/س``, ``ط/ت``, ``ق/ك`` …). Two spellings of one name
    usually share it ("Saraqib", "Saraqeb", "Saraqab" → ``srkb``). It is coarse
    on purpose: the gazetteer ranks its matches below exact ones.

All functions are pure, cached where useful, and import nothing heavy.

Examples
--------
>>> fold("İdlib")
'idlib'
>>> name_key("Ma'arrat an-Nu'man")
'maarratnuman'
>>> phonetic_key("Khan Sheikhoun") == phonetic_key("Khan Shaykhun")
True
>>> name_key("إدلب") == name_key("ادلب")
True
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable

__all__ = [
    "fold",
    "fold_with_offsets",
    "name_key",
    "phonetic_key",
    "is_arabic",
    "did_you_mean",
    "FOLD_VERSION",
]

#: Bumped whenever the output of any key function changes; bundled indexes
#: built with another version are re-keyed at load time.
FOLD_VERSION = 7

# Characters mapped before Unicode decomposition (decomposition would lose them
# or map them wrongly). Turkish: ş/ç keep their sound, ı is i, ğ is silent.
_PRE = {
    "ı": "i",
    "İ": "i",
    "ş": "sh",
    "Ş": "sh",
    "ç": "ch",
    "Ç": "ch",
    "ğ": "",
    "Ğ": "",
    "ß": "ss",
    "æ": "ae",
    "Æ": "ae",
    "ø": "o",
    "Ø": "o",
    "đ": "d",
    "Đ": "d",
    "ł": "l",
    "Ł": "l",
    "œ": "oe",
    "Œ": "oe",
    "þ": "th",
    "ð": "d",
    # Arabic letter variants
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ة": "ه",
    "ۀ": "ه",
    "ى": "ي",
    "ی": "ي",
    "ي": "ي",
    "ئ": "ي",
    "ؤ": "و",
    "ك": "ك",
    "ک": "ك",
    "ڪ": "ك",
    "گ": "ك",
    "پ": "ب",
    "چ": "ج",
    "ژ": "ز",
    "ڤ": "ف",
    # Kurdish letters (Sorani/Kurmanji in Arabic script): ێ is a long ي, ۆ a و, ە an ه,
    # ڕ and ڵ the heavy ر and ل, ھ the two-eyed ه ('کۆبانی' keys as 'كوباني').
    "ێ": "ي",
    "ۆ": "و",
    "ە": "ه",
    "ڕ": "ر",
    "ڵ": "ل",
    "ھ": "ه",
}
# Removed outright: apostrophes and ayn/hamza signs (a name keeps its letters
# whether or not they are written), tatweel, Arabic hamza, zero-width marks.
_DROP = set("'`´ʹʻʼʽʾʿ’‘‛′ˈˊˋ\u0640\u0621\u200b\u200c\u200d\u200e\u200f\ufeff")
_ARABIC_DIGITS = {chr(0x660 + i): str(i) for i in range(10)}
_ARABIC_DIGITS.update({chr(0x6F0 + i): str(i) for i in range(10)})


def _fold_char(ch: str) -> str:
    """Fold one character (may return '' or several characters)."""
    if ch in _DROP:
        return ""
    if ch in _PRE:
        return _PRE[ch]
    if ch in _ARABIC_DIGITS:
        return _ARABIC_DIGITS[ch]
    out = []
    for c in unicodedata.normalize("NFKD", ch):
        if unicodedata.combining(c):  # Latin diacritics and Arabic harakat (Mn)
            continue
        if c in _DROP:
            continue
        c = _PRE.get(c, c)
        if c.isalnum():
            out.append(c.lower())
        else:
            out.append(" ")
    return "".join(out)


@functools.lru_cache(maxsize=4096)
def _fold_char_cached(ch: str) -> str:
    return _fold_char(ch)


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` and map each folded character back to its source index.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    folded : str
        ``fold(text)`` (same result).
    offsets : list of int
        ``offsets[i]`` is the index in ``text`` of the character that
        produced ``folded[i]``; a match ``folded[a:b]`` covers
        ``text[offsets[a]:offsets[b - 1] + 1]``.

    Examples
    --------
    >>> folded, off = fold_with_offsets("Near İdlib.")
    >>> folded
    'near idlib'
    >>> i = folded.index("idlib"); "Near İdlib."[off[i]:off[i + 4] + 1]
    'İdlib'
    """
    fmap = {ord(ch): _fold_char_cached(ch) for ch in set(text)}
    raw = text.translate(fmap)  # each character folded: "" (dropped), one or more
    odd = "".join(sorted(chr(k) for k, f in fmap.items() if len(f) != 1))
    offsets: range | list[int] = range(len(text))  # one folded character each: the identity
    if odd:
        offsets = _raw_offsets(text, fmap, odd)
    # separators: runs of spaces become one, none at the start or the end
    chars: list[str] = []
    out: list[int] = []
    prev = 0
    for m in _SPACE_RUNS.finditer(raw):
        a, b = m.span()
        cut = a if a == 0 or b == len(raw) else a + 1
        chars.append(raw[prev:cut])
        out.extend(offsets[prev:cut])
        prev = b
    chars.append(raw[prev:])
    out.extend(offsets[prev:])
    return "".join(chars), out


#: The spaces :func:`fold_with_offsets` drops: a run at the start or the end, all but the
#: first of a run inside.
_SPACE_RUNS = re.compile(r"\A +| +\Z| {2,}")


def _raw_offsets(text: str, fmap: dict[int, str], odd: str) -> list[int]:
    """The source index of each character of ``text.translate(fmap)``, where the characters
    of ``odd`` fold to none or several (the others to one)."""
    offsets: list[int] = []
    prev = 0
    for m in re.finditer(f"[{re.escape(odd)}]", text):
        i = m.start()
        offsets.extend(range(prev, i))
        offsets.extend([i] * len(fmap[ord(text[i])]))
        prev = i + 1
    offsets.extend(range(prev, len(text)))
    return offsets


# ASCII folded with one precompiled table: letters lowered, apostrophes dropped, every
# other non-alphanumeric character a space (then ``split`` collapses the runs).
_ASCII_TABLE = {
    cp: (chr(cp).lower() if chr(cp).isalnum() else None if chr(cp) in "'`" else " ")
    for cp in range(128)
}
# A character the non-ASCII table does not cover (scripts beyond Latin and Arabic).
_OUTSIDE = re.compile(r"[^\x00-\x7f\u0600-\u06ff]").search
_TABLE: dict[int, str] | None = None


def _table() -> dict[int, str]:
    """str.translate table of every ASCII, Latin, Arabic and punctuation character we fold."""
    global _TABLE
    if _TABLE is None:
        ranges = [(0x80, 0x250), (0x2B0, 0x370), (0x600, 0x700), (0x1E00, 0x1F00), (0x2000, 0x2070)]
        table: dict[int, str | None] = dict(_ASCII_TABLE)
        for lo, hi in ranges:
            for cp in range(lo, hi):
                f = _fold_char(chr(cp))
                table[cp] = f if f.strip() or not f else " "
        for ch in _DROP:
            table[ord(ch)] = ""
        _TABLE = table  # type: ignore[assignment]
    return _TABLE  # type: ignore[return-value]


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Fold case, diacritics, Arabic letter variants and punctuation; keep words.

    Parameters
    ----------
    text : str
        A name or any text.

    Returns
    -------
    str
        Lower-case words separated by single spaces.

    Examples
    --------
    >>> fold("Ma'arrat an-Nu'man")
    'maarrat an numan'
    >>> fold("Kamışlı")
    'kamishli'
    >>> fold("أعزاز")
    'اعزاز'
    """
    if text.isascii():
        return " ".join(text.translate(_ASCII_TABLE).split())
    t = text.translate(_TABLE or _table())
    if _OUTSIDE(t):
        return fold_with_offsets(text)[0]  # scripts outside the table: the slow exact path
    # the table yields lower-case letters, digits and spaces only (tested): no regex, no lower()
    return " ".join(t.split())


# --- articles -------------------------------------------------------------------------

_ARTICLES = frozenset(
    "al el il ul ol l ash esh as es ad ed ar er at et an en az ez adh edh ath eth".split()
)
# glued article + sun-letter doubling: ezzor, ashshughur, errastan, ennabk
_GLUED_SUN = re.compile(r"^[ae](sh|th|dh|[tdrszln])\1(?=[a-z]{2,})")
# glued al/el before a word of at least 3 letters: elhur, alhasakeh, eljoz
_GLUED_AL = re.compile(r"^(?:al|el)(?=[a-z]{3,})")
_GLUED = re.compile(f"{_GLUED_SUN.pattern}|{_GLUED_AL.pattern}").match


def starts_arabic(text: str) -> bool:
    """Whether ``text`` starts with a character of the Arabic block (U+0600–U+06FF).

    Examples
    --------
    >>> starts_arabic("الوعر"), starts_arabic("al-Waer"), starts_arabic("")
    (True, False, False)
    """
    return "\u0600" <= text[:1] <= "\u06ff"


def has_arabic_letter(text: str) -> bool:
    """Whether ``text`` holds an Arabic letter (hamza to yeh, U+0621–U+064A; the Arabic
    comma, digits and vowel marks are not letters).

    Examples
    --------
    >>> has_arabic_letter("Tal Abyad (تل أبيض)"), has_arabic_letter("Tal Abyad ،")
    (True, False)
    """
    return any("\u0621" <= c <= "\u064a" for c in text)


def _drop_articles(words: list[str]) -> list[str]:
    """Remove articles from folded words (never the last remaining word)."""
    out: list[str] = []
    last = len(words) - 1
    for i, w in enumerate(words):
        c = w[:1]
        if "\u0600" <= c <= "\u06ff":  # an Arabic word: its ال or وال
            if len(w) > 3 and w.startswith("ال"):
                w = w[2:]
            elif len(w) > 4 and w.startswith("وال"):
                w = w[3:]
        elif w in _ARTICLES:
            if i < last:
                continue  # (an article is too short to be glued to a word)
        elif i and (c == "a" or c == "e") and _GLUED(w):
            # a glued article inside a name ("Ein Elhur", "Deir Ezzor"); never on the
            # first word, where it is as often an initial ʿayn ("Annazah", "Ashara")
            w = w[2:]
        out.append(w)
    return out or words


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The exact-match key: :func:`fold`, articles dropped, spaces removed.

    Examples
    --------
    >>> name_key("Al-Bab"), name_key("El Bab"), name_key("الباب")
    ('bab', 'bab', 'باب')
    >>> name_key("Deir ez-Zor") == name_key("Deir Ezzor")
    True
    """
    if text.isascii():  # fold's paths, without joining words only to split them again
        # letters, digits and spaces only (most names): lower() is what the table does
        t = text.lower() if text.replace(" ", "").isalnum() else text.translate(_ASCII_TABLE)
    else:
        t = text.translate(_TABLE or _table())
        if _OUTSIDE(t):
            t = fold(text)  # scripts outside the table: the slow exact path
    words = t.split()
    if len(words) == 1:  # the common case: no article to drop but an Arabic ال
        w = words[0]
        if len(w) > 3 and w[0] == "ا" and w[1] == "ل":
            return w[2:]
        if len(w) > 4 and w.startswith("وال"):
            return w[3:]
        return w
    if not words:
        return ""
    # what _drop_articles looks for: a whole-word article, a glued one on a later word
    # (after a space, from a or e), an Arabic ال; most names have none of them
    if " a" not in t and " e" not in t and "ال" not in t and _ARTICLES.isdisjoint(words):
        return "".join(words)
    return "".join(_drop_articles(words))


# --- phonetic skeleton ----------------------------------------------------------------

# ordered digraph rules applied on a folded Latin word
_DIGRAPHS = [
    ("tch", "S"),
    ("sch", "S"),
    ("sh", "S"),
    ("ch", "S"),
    ("zh", "j"),
    ("dj", "j"),
    ("kh", "h"),
    ("gh", "g"),
    ("rh", "g"),  # French for gh: Rhazale = Ghazala, Chorhour = Shughur
    ("dh", "z"),
    ("th", "t"),
    ("ph", "f"),
    ("ck", "k"),
]
_LETTERS = str.maketrans({"q": "k", "g": "k", "c": "k", "v": "w", "x": "ks", "p": "b", "S": "s"})
# a ta marbuta in construct before the next word: Jdidet/Jdaide, Maarrat/Maarra, Khirbat/Khirba
_CONSTRUCT_T = re.compile(r"(?<=[a-z][aeiouy])t$")
# Turkish c (Cerablus, Ceblê, Cisr) is English j; an English soft c hardly occurs in Arabic names
_SOFT_C = re.compile(r"c(?=[ei])")
# Slavic and German j after a vowel is a y: Dajr → Dayr, Kunejtra → Kuneytra (not Hajin, Manbij)
_J_AS_Y = re.compile(r"(?<=[aeiou])j(?=[^aeiouy])")
_VOWELS = set("aeiouwy")
_FINAL_H = re.compile(r"(?<=[aeiouy])h$")
_ARABIC_SKELETON = str.maketrans(
    {
        "ا": "",
        "و": "",
        "ي": "",
        "ه": "",
        "ع": "",
        "ء": "",  # weak letters and ayn
        "ث": "ت",
        "ذ": "ز",
        "ظ": "ز",
        "ض": "د",
        "ص": "س",
        "ط": "ت",
        "ق": "ك",
        "غ": "ك",
    }
)


_DOUBLE = re.compile(r"(.)\1+")


def _first(m: re.Match[str]) -> str:
    return m.group(1)


@functools.lru_cache(maxsize=65536)
def _latin_skeleton(word: str) -> str:
    w = _FINAL_H.sub("", word)  # -eh / -ah endings
    if w.startswith("x"):
        w = "h" + w[1:]  # Kurmanji x is kh (Til Xelef = Tal Khalaf); no Arabic name starts with ks
    if w.startswith("ou") and len(w) > 2 and w[2] in "aei":
        w = "w" + w[2:]  # French initial ou before a vowel is a w: Ouadi = Wadi
    w = _J_AS_Y.sub("y", w)
    for a, b in _DIGRAPHS:
        if a in w:
            w = w.replace(a, b)
    w = _SOFT_C.sub("j", w)
    w = w.translate(_LETTERS)
    if not w:
        return ""
    first = "a" if w[0] in "aeiou" else w[0]
    rest = [c for c in w[1:] if c not in _VOWELS]
    s = first + "".join(rest)
    s = s.replace("nb", "mb")
    return _DOUBLE.sub(_first, s)


@functools.lru_cache(maxsize=65536)
def phonetic_key(text: str) -> str:
    """A consonant skeleton that most transliterations of one name share.

    Parameters
    ----------
    text : str
        A name (Latin or Arabic script).

    Returns
    -------
    str
        The skeleton, words joined without spaces.

    Examples
    --------
    >>> phonetic_key("Saraqib"), phonetic_key("Saraqeb")
    ('srkb', 'srkb')
    >>> phonetic_key("Trumba") == phonetic_key("Tronba")
    True
    """
    words = _drop_articles(fold(text).split())
    parts = []
    last = len(words) - 1
    for i, w in enumerate(words):
        if i < last and len(w) >= 4 and not starts_arabic(w):
            w = _CONSTRUCT_T.sub("", w)
        if starts_arabic(w):
            s = w[0] + w[1:].translate(_ARABIC_SKELETON)
            parts.append(_DOUBLE.sub(_first, s))
        else:
            parts.append(_latin_skeleton(w))
    return "".join(parts)


def is_arabic(text: str) -> bool:
    """Whether ``text`` is mostly Arabic script.

    Examples
    --------
    >>> is_arabic("جرابلس"), is_arabic("Jarablus")
    (True, False)
    """
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    return sum("\u0600" <= c <= "\u06ff" for c in letters) * 2 > len(letters)


def did_you_mean(
    name: str,
    candidates: Iterable[str],
    *,
    n: int = 5,
    cutoff: float = 0.0,
    key: Callable[[str], str] | None = None,
) -> list[str]:
    """The candidates closest to ``name``, best first: the one "did you mean" helper.

    Names are compared folded (:func:`name_key` by default, so case, accents,
    articles and Arabic letter variants do not count) with rapidfuzz's
    ``ratio``; ties keep the candidates' order.

    Parameters
    ----------
    name : str
        What the user wrote.
    candidates : iterable of str
        The names that exist.
    n : int
        How many to return at most.
    cutoff : float
        Least similarity in 0..100 (0: always the ``n`` closest).
    key : callable, optional
        How to fold a string before comparing (default :func:`name_key`).

    Returns
    -------
    list of str
        Up to ``n`` candidates as given (not folded).

    Examples
    --------
    >>> did_you_mean("confidance", ["kind", "confidence", "notes"], n=1)
    ['confidence']
    >>> did_you_mean("Jarabls", ["Azaz", "Jarablus"], n=1)
    ['Jarablus']
    """
    from rapidfuzz import fuzz, process  # lazy: rapidfuzz only on the error path

    fold_ = key or name_key
    cands = list(dict.fromkeys(str(c) for c in candidates))
    if not cands or n < 1:
        return []
    folded = [fold_(c) or c.lower() for c in cands]
    q = fold_(str(name)) or str(name).lower()
    hits = process.extract(q, folded, scorer=fuzz.ratio, limit=None, score_cutoff=cutoff)
    hits.sort(key=lambda h: (-h[1], h[2]))
    return [cands[i] for _, _, i in hits[:n]]
