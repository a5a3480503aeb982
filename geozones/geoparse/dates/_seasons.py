"""Seasons and parts of the year in news text, and numeric dates: "spring 2017", "this
spring", "l'été dernier", "geçen kış", "الصيف الماضي", "بداية العام", "11. 01. 2018"."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from . import _words as W

_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


def _season(name: str, year: int) -> tuple[dt.date, dt.date]:
    """Meteorological seasons of the northern hemisphere; winter runs into the next year."""
    if name == "winter":
        end = dt.date(year + 1, 2, calendar.monthrange(year + 1, 2)[1])
        return dt.date(year, 12, 1), end
    a, b = _SEASONS[name]
    return dt.date(year, a, 1), dt.date(year, b, calendar.monthrange(year, b)[1])


def _numeric(g: dict[str, str]) -> dt.date | None:
    """dd.mm.yyyy, dd/mm/yyyy, dd-mm-yyyy as Europe and the Arab world write them; the
    month first only when the first number cannot be a month and the second can
    ("12/25/2019"): never the US order when both readings are days of the calendar."""
    d, m, y = int(g["n_d"]), int(g["n_m"]), int(g["n_y"])
    if m > 12 and d <= 12 and g.get("n_s") == "/":
        d, m = m, d
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _tr_season(word: str) -> str:
    """A Turkish season with its case ending ("ilkbaharında") to its table key."""
    return next(k for k in ("ilkbahar", "sonbahar", "bahar", "yaz", "kış") if word.startswith(k))


def _season_rel(g: dict[str, str], ref: dt.date) -> tuple[dt.date, dt.date]:
    """A season placed from the page's date: the one the page is in (or of the page's
    year) for "this spring", the last one ended before the page for "last spring", the next
    one begun after it for "next spring"; of the year named ("ربيع العام الماضي", "im Sommer
    vergangenen Jahres") when the words count years."""
    word = g.get("sr_s") or g["sr_t"]
    name = W.SEASONS.get(W.key(word)) or W.SEASONS[_tr_season(W.key(word))]
    if g.get("sr_y"):
        return _season(name, ref.year + W.YEAR_SHIFT_WORDS[W.key(g["sr_y"])])
    how = (
        W.SEASON_WORDS_BEFORE[W.key(g["sr_b"])]
        if g.get("sr_b")
        else W.SEASON_WORDS_AFTER[W.key(g["sr_a"])]
    )
    year = ref.year - 1 if name == "winter" and ref.month < 3 else ref.year
    s, e = _season(name, year)
    if how < 0:
        while e >= ref:
            year -= 1
            s, e = _season(name, year)
    elif how > 0:
        while s <= ref:
            year += 1
            s, e = _season(name, year)
    return s, e


_YEAR_BACK = re.compile(
    r"last|vergangenen|letzten|dernière|passée|geçen|geçtiğimiz|الماضي|المنصرم|الفائت"
)


def _year_part(g: dict[str, str], ref: dt.date) -> tuple[dt.date, dt.date]:
    """ "بداية العام", "since the start of the year", "Anfang des Jahres": the page's year
    (the year before or after when the words say so)."""
    words = W.key(g["yp_w"])
    y = ref.year - 1 if _YEAR_BACK.search(words) else ref.year + ("next" in words) + (
        "prochaine" in words) + ("المقبل" in words)  # fmt: skip
    return dt.date(y, 1, 1), dt.date(y, 12, 31)
