"""Write ``data/geoparse/english_common_words.txt``: the common words of English.

The geoparser's common-word test for English (``geozones.geoparse.scan._items``): a
capitalised word that is one of the language's common words ("Small" opening a sentence)
is no place's name when only a loose spelling key ties it to a village ("Smal"), and it is
no given name before a speaker's name ("Meanwhile Ankara said"). The words are those of
wordfreq's English list (Wikipedia, subtitles, news, books, web text; data under CC BY-SA
4.0, by Robyn Speer and contributors) with a Zipf frequency of at least :data:`ZIPF` (once
in ~100,000 words), lower-case Latin letters only, one a line, sorted. Byte-reproducible for
one wordfreq version.

Run:  pip install wordfreq==3.1.1 && python scripts/build_english_common_words.py
"""

from __future__ import annotations

import re
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

#: Least Zipf frequency of a common word (4.0: ~10 per million words).
ZIPF = 4.0
OUT = Path(__file__).resolve().parent.parent / "data" / "geoparse" / "english_common_words.txt"
_WORD = re.compile(r"[a-z]{2,}")


def main() -> None:
    words = {
        w
        for w in top_n_list("en", 50_000)
        if zipf_frequency(w, "en") >= ZIPF and _WORD.fullmatch(w)
    }
    head = (
        "# The common words of English: wordfreq 3.1.1 (CC BY-SA 4.0), Zipf >= 4.0, lower-case\n"
        "# Latin letters only. Written by scripts/build_english_common_words.py; do not edit by\n"
        "# hand.\n"
    )
    OUT.write_text(head + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(words)} words")


if __name__ == "__main__":
    main()
