"""Write ``data/geoparse/arabic_common_words.txt``: the common words of Arabic.

The geoparser's common-word test for Arabic (``geozones.geoparse.arabic._cues``): a one-word
village name that is also one of the language's common words ("الصراع", the conflict: the
village of Seraa; "الحصار", the siege) is taken for the village only where a noun of place
or a list of places says so, not after a bare preposition. The words are those of wordfreq's
Arabic list (Wikipedia, subtitles, news, web text; data under CC BY-SA 4.0, by Robyn Speer
and contributors) with a Zipf frequency of at least :data:`ZIPF` (once in ~60,000 words),
normalised as the geoparser reads them (vowel marks and tatweel dropped, أ إ آ → ا, ى → ي,
ة → ه), one a line, sorted. Byte-reproducible for one wordfreq version.

Run:  pip install wordfreq==3.1.1 && python scripts/build_arabic_common_words.py
"""

from __future__ import annotations

import re
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

#: Least Zipf frequency of a common word (4.2: ~16 per million words).
ZIPF = 4.2
OUT = Path(__file__).resolve().parent.parent / "data" / "geoparse" / "arabic_common_words.txt"
_MARKS = re.compile(r"[\u064b-\u0652\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]{2,}")


def normalise(word: str) -> str:
    """The word as the geoparser compares it."""
    return _MARKS.sub("", word).translate(_FOLD)


def main() -> None:
    words = {
        normalise(w)
        for w in top_n_list("ar", 50_000)
        if zipf_frequency(w, "ar") >= ZIPF and _ARABIC_WORD.fullmatch(normalise(w))
    }
    head = (
        "# The common words of Arabic: wordfreq 3.1.1 (CC BY-SA 4.0), Zipf >= 4.2, normalised\n"
        "# (marks and tatweel dropped, أ إ آ → ا, ى → ي, ة → ه). Written by\n"
        "# scripts/build_arabic_common_words.py; do not edit by hand.\n"
    )
    OUT.write_text(head + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(words)} words")


if __name__ == "__main__":
    main()
