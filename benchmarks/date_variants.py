"""Variant testing of date resolution: every gold date mark of the dev passages 1–483 of
``geoparse_real/``, rewritten with other valid values in the SAME form.

For each mark the surface is cut into slots found by comparing it with its gold value: the
year ("2019", "٢٠١٩"), the month (a name in that language's spelling — Gregorian or Levantine
Arabic names, abbreviations — or a number of a numeric date), the day (a number with its
ordinal suffix, French "1er", an Arabic ordinal word) and the weekday. A variant picks another
date (a day 1–28, a month, a year 2011–2024) and moves the publication date with it so that
the distance between the two stays the same (in days and in calendar months), then writes
every slot again from the new date (the weekday from the new day) and expects the gold value
moved the same way. Marks without slots ("yesterday", "Monday", "last week") test the same
rule with the publication date moved alone. Marks whose value cannot be moved that way
(Ramadan, a weekday the page does not date, a year taken from another sentence) are left out.

Only marks the extractor resolves right in the original passage are varied, so that every
failure is a failure of generality (a spelling, a numeral, a day/month order, a year window).
Prints per language and per form how many variants resolve right, and the failures.

Usage::

    PYTHONPATH=. .venv/bin/python benchmarks/date_variants.py [--per 3] [--seed 21] [--show 40]
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
import eval_geoparse as E  # noqa: E402

FOLDER = Path(__file__).parent / "geoparse_real"
LAST = 483  # passages above are unseen (heldout20 and up): never read them
AR_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
TO_AR = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
HAMZA = str.maketrans("أإآ", "ااا")

# month tables: language → list of spelling systems, each 12 names (first is written back)
MONTHS = {
    "en": [
        "January February March April May June July August September October November "
        "December".split(),
    ],
    "fr": [
        "janvier février mars avril mai juin juillet août septembre octobre novembre "
        "décembre".split()
    ],
    "de": [
        "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()
    ],  # fmt: skip
    "tr": ["Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık".split()],
    "ar": [
        "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر".split(),
        [
            "كانون الثاني",
            "شباط",
            "آذار",
            "نيسان",
            "أيار",
            "حزيران",
            "تموز",
            "آب",
            "أيلول",
            "تشرين الأول",
            "تشرين الثاني",
            "كانون الأول",
        ],
    ],  # fmt: skip
}
EN_ABBR = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
EN_AP = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}
AR_EXTRA = {"إبريل": 4, "يونيه": 6, "يوليه": 7}
WEEKDAYS = {  # Monday first
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(),
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche".split(),
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag".split(),
    "tr": "Pazartesi Salı Çarşamba Perşembe Cuma Cumartesi Pazar".split(),
    "ar": "الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد".split(),
}
# other spellings writers use for a month (--spellings): (language, system) → month → names
SPELLINGS = {
    ("ar", 0): {4: ["ابريل", "إبريل"], 6: ["يونيه"], 7: ["يوليه"], 8: ["اغسطس"], 10: ["اكتوبر"]},
    ("ar", 1): {1: ["كانون ثاني"], 3: ["اذار"], 5: ["ايار"], 9: ["ايلول"],
                10: ["تشرين أول", "تشرين الاول"], 11: ["تشرين ثاني"],
                12: ["كانون أول", "كانون الاول"]},
    ("fr", 0): {2: ["fevrier"], 8: ["aout"], 12: ["decembre"]},
    ("de", 0): {1: ["Jänner"], 3: ["Maerz"]},
    ("tr", 0): {2: ["Subat"], 5: ["Mayis"], 8: ["Agustos"], 9: ["Eylul"], 11: ["Kasim"],
                12: ["Aralik"]},
}  # fmt: skip
AR_ORD = "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر".split()
# stems whose presence without a matched slot makes a mark unsafe to vary
GUARD = re.compile(
    r"(?i)monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi"
    r"|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
    r"|sonnabend|pazar|salı|çarşamba|perşembe|cuma|ثنين|ثلاثاء|ربعاء|خميس|جمعة|سبت(?!مبر)|الأحد|الاحد"
)
L = r"[\w\u0621-\u064A]"
NUMWORDS = re.compile(r"(?i)(?<!\w)(?:\w*thousand|tausend|mille|bin|[أا]لف|[أا]لفين)(?!\w)")


def _word(s: str) -> str:
    return rf"(?<!{L}){re.escape(s)}(?!{L})"


def _month_slots(surface: str, lang: str, month: int) -> list[tuple[int, int, tuple]] | None:
    """Spans of month names in ``surface``: (start, end, (system, style)); None when a name of
    another month is present (the mark names two months: left out)."""
    out, taken = [], []
    systems = MONTHS.get(lang, [])
    names = []
    for si, system in enumerate(systems):
        for mi, name in enumerate(system):
            names.append((name, mi + 1, ("full", si)))
            if lang == "ar":
                bare = name.translate(HAMZA)
                if bare != name:
                    names.append((bare, mi + 1, ("bare", si)))
    if lang == "en":
        names += [(a, i + 1, ("abbr", 0)) for i, a in enumerate(EN_ABBR)]
        names.append(("Sept", 9, ("abbr", 0)))
    if lang == "ar":
        names += [(k, v, ("full", 0)) for k, v in AR_EXTRA.items()]
    names.sort(key=lambda n: -len(n[0]))
    flags = 0 if lang == "ar" else re.IGNORECASE
    for name, num, style in names:
        for m in re.finditer(_word(name) + (r"\.?" if style[0] == "abbr" else ""), surface, flags):
            if any(m.start() < e and s < m.end() for s, e, _ in taken):
                continue
            if num != month:
                return None
            taken.append((m.start(), m.end(), style + (m.group(0),)))
    out = sorted(taken)
    return out


def _render_month(month: int, lang: str, style: tuple) -> str:
    kind, si, orig = style
    if kind == "abbr":
        return (
            EN_AP.get(month, MONTHS["en"][0][month - 1])
            if orig.endswith(".")
            else (EN_ABBR[month - 1])
        )
    name = MONTHS[lang][si][month - 1]
    if kind == "bare":
        name = name.translate(HAMZA)
    if lang == "ar":
        return name
    if orig.isupper():
        return name.upper()
    if orig[:1].isupper():
        return name[:1].upper() + name[1:]
    return name[:1].lower() + name[1:]


def _weekday_slot(surface: str, lang: str) -> tuple[int, int, int, str] | None | bool:
    """(start, end, weekday, original) of the one weekday name; None when there is none;
    False when there are several."""
    names = WEEKDAYS.get(lang, [])
    found = []
    for i, name in enumerate(names):
        forms = [name]
        if lang == "ar":
            forms += (
                [name.translate(HAMZA), "الإثنين", "الأثنين"] if i == 0 else [name.translate(HAMZA)]
            )
        for f in set(forms):
            flags = 0 if lang == "ar" else re.IGNORECASE
            tail = (
                r"(?=(?:abend|morgen|nacht|mittag|nachmittag|vormittag)?(?!\w))"
                if (lang == "de")
                else ""
            )
            pat = (re.escape(f) + tail) if tail else _word(f)
            for m in re.finditer(pat, surface, flags):
                if not any(m.start() < e and s < m.end() for s, e, _, _ in found):
                    found.append((m.start(), m.end(), i, m.group(0)))
    if len(found) > 1:
        return False
    return found[0] if found else None


def _render_weekday(wd: int, lang: str, orig: str) -> str:
    name = WEEKDAYS[lang][wd]
    if lang == "ar":
        return name.translate(HAMZA) if orig.translate(HAMZA) == orig else name
    if orig.isupper():
        return name.upper()
    return name[:1].upper() + name[1:] if orig[:1].isupper() else name[:1].lower() + name[1:]


def _value(v: str):
    """('day', date) / ('month', (y, m)) / ('year', y) / ('days', (a, b)) / ('months', ...)."""
    v = v.split("T")[0]
    if not re.fullmatch(r"\d{4}(-\d\d){0,2}(/\d{4}(-\d\d){0,2})?", v):
        return None
    if "/" in v:
        a, b = v.split("/")
        if len(a) == 10 and len(b) == 10:
            return "days", (dt.date.fromisoformat(a), dt.date.fromisoformat(b))
        if len(a) == 7 and len(b) == 7:
            return "months", (a, b)
        return None
    if len(v) == 10:
        return "day", dt.date.fromisoformat(v)
    if len(v) == 7:
        return "month", (int(v[:4]), int(v[5:]))
    if len(v) == 4:
        return "year", int(v)
    return None


def _padded(slot: tuple) -> tuple:
    a, b, k, d = slot
    if k == "D":
        return a, b, k, (d[0], 2) + d[2:]
    return (a, b, k, (2, d[1])) if k == "Mn" else slot


class Mark:
    """One gold mark cut into slots: a list of (start, end, kind, data)."""

    def __init__(self, surface: str, lang: str, value: str):
        self.surface, self.lang, self.ok = surface, lang, False
        parsed = _value(value)
        if parsed is None:
            return
        self.kind, self.val = parsed
        self.slots: list[tuple[int, int, str, object]] = []
        self.ok = self._cut()

    def _ymd(self) -> tuple[int | None, int | None, list[int]]:
        k, v = self.kind, self.val
        if k == "day":
            return v.year, v.month, [v.day]
        if k == "days":
            a, b = v
            if (a.year, a.month) != (b.year, b.month):
                return None, None, []
            return a.year, a.month, list(range(a.day, b.day + 1))
        if k == "month":
            return v[0], v[1], []
        if k == "year":
            return v, None, []
        return None, None, []

    def _cut(self) -> bool:
        s, lang = self.surface, self.lang
        plain = s.translate(AR_DIGITS)
        if self.kind == "months":
            return not re.search(r"\d", plain)  # seasons: no slot, moved by whole years
        year, month, days = self._ymd()
        if year is None:
            return False
        months = _month_slots(s, lang, month) if month else []
        if months is None:
            return False
        if not month and _month_slots(s, lang, 0):
            return False
        for a, b, style in months:
            self.slots.append((a, b, "M", style))
        wd = _weekday_slot(s, lang)
        if wd is False:
            return False
        if wd:
            if self.kind != "day" or wd[2] != self.val.weekday():
                return False
            self.slots.append((wd[0], wd[1], "W", wd[3]))
        elif GUARD.search(s):
            return False
        if NUMWORDS.search(s):
            return False  # a year or day written in words: not cut into slots
        if lang == "tr" and re.search(r"['’]", s):
            return False  # a suffix after an apostrophe would need vowel harmony
        numeric_month = month and not months
        for m in re.finditer(r"\d+", plain):
            n = int(m.group(0))
            width = len(m.group(0)) if m.group(0).startswith("0") else 1
            arabic = s[m.start()] != plain[m.start()]
            if len(m.group(0)) == 4 and n == year:
                self.slots.append((m.start(), m.end(), "Y", arabic))
            elif len(m.group(0)) <= 2 and numeric_month and n == month and n not in days:
                self.slots.append((m.start(), m.end(), "Mn", (width, arabic)))
                numeric_month = False
            elif len(m.group(0)) <= 2 and n in days:
                end = m.end()
                suf = re.match(r"(?i)st|nd|rd|th|er", s[end:])
                end += len(suf.group(0)) if suf else 0
                data = (n - days[0], width, arabic, suf.group(0) if suf else "")
                self.slots.append((m.start(), end, "D", data))
            elif len(m.group(0)) == 2 and 1900 <= 2000 + n <= 2030 and n == year % 100:
                return False  # a two-digit year: left out
            elif re.match(r"\s*:", s[m.end() :]) or re.search(r":\s*$", s[: m.start()]):
                continue  # a clock time
            else:
                return False  # a number we cannot place
        if self.kind == "day" and lang == "ar" and months and not self.has("D"):
            for i, w in enumerate(AR_ORD):
                for m in re.finditer(_word(w), s):
                    if any(a <= m.start() < b for a, b, k, _ in self.slots if k == "M"):
                        continue
                    if m.start() > months[0][0]:
                        continue  # an ordinal after the month ("أمس الأول") is no day
                    if i + 1 == days[0]:
                        self.slots.append((m.start(), m.end(), "Do", 0))
                    else:
                        return False
        if any(k in ("D", "Mn") and d[1 if k == "D" else 0] == 2 for _, _, k, d in self.slots):
            self.slots = [_padded(x) for x in self.slots]  # "2020.02.17": the writer pads
        d_slots = [x for x in self.slots if x[2] in ("D", "Do")]
        if self.kind == "days" and d_slots:
            covered = {days[0] + x[3][0] for x in d_slots if x[2] == "D"}
            if covered != {days[0], days[-1]} | covered or not {days[0], days[-1]} <= covered:
                return False
        if self.kind in ("day", "days") and (d_slots and not months and not any(
                k == "Mn" for _, _, k, _ in self.slots)):  # fmt: skip
            return False  # a day with no month slot: the month comes from elsewhere
        self.slots.sort()
        return len({(a, b) for a, b, _, _ in self.slots}) == len(self.slots)

    def moved(self, shift: tuple[int, int, int]) -> str:
        """The surface moved as the passage moves: by ``shift`` = (days, months, years) for a
        day, a month and a year; unchanged when it has no slot."""
        dd, dm, dy, unit = shift
        if not self.slots:
            return self.surface
        if self.kind in ("day", "days"):
            a = self.val if self.kind == "day" else self.val[0]
            n = a + dt.timedelta(days=dd) if unit == "d" else _add_months(a, dm)
            if self.has("Do") and n.day > 10 or self.has("D") and n.day + self._span() > 31:
                return self.surface
            if self.kind == "days" and (n + dt.timedelta(days=self._span())).month != n.month:
                return self.surface
            return self.render(n.year, n.month, n.day, n.weekday())
        if self.kind == "month":
            n = _add_months(dt.date(self.val[0], self.val[1], 1), dm)
            return self.render(n.year, n.month, 1, None)
        if self.kind == "year":
            return self.render(self.val + dy, 1, 1, None)
        return self.surface

    def _span(self) -> int:
        return (self.val[1] - self.val[0]).days if self.kind == "days" else 0

    def has(self, kind: str) -> bool:
        return any(k == kind for _, _, k, _ in self.slots)

    def form(self) -> str:
        out, last = [], 0
        for a, b, k, _ in self.slots:
            out.append(self.surface[last:a])
            out.append("{" + ("D" if k == "Do" else "M" if k == "Mn" else k) + "}")
            last = b
        out.append(self.surface[last:])
        return "".join(out)

    def render(self, y: int, m: int, d0: int, wd: int | None, pick=None) -> str:
        """The surface written for the date (y, m, d0); ``pick`` chooses among a month's
        other spellings (--spellings)."""
        out, last = [], 0
        for a, b, k, data in self.slots:
            out.append(self.surface[last:a])
            if k == "Y":
                txt = str(y)
                out.append(txt.translate(TO_AR) if data else txt)
            elif k == "M":
                name = _render_month(m, self.lang, data)
                alts = SPELLINGS.get((self.lang, data[1]), {}).get(m, [])
                if pick and alts and data[0] != "abbr":
                    name = pick([name] + alts)
                    name = name if data[2][:1].isupper() or self.lang == "ar" else name.lower()
                out.append(name)
            elif k == "Mn":
                width, arabic = data
                txt = f"{m:0{width}d}"
                out.append(txt.translate(TO_AR) if arabic else txt)
            elif k == "D":
                off, width, arabic, suf = data
                d = d0 + off
                txt = f"{d:0{width}d}"
                txt = txt.translate(TO_AR) if arabic else txt
                if suf and suf.lower() != "er":
                    sfx = (
                        "th"
                        if 10 <= d % 100 <= 20
                        else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
                    )
                    txt += sfx.upper() if suf.isupper() else sfx
                elif self.lang == "fr" and d == 1:
                    txt += "er"
                out.append(txt)
            elif k == "Do":
                out.append(AR_ORD[d0 - 1])
            elif k == "W":
                out.append(_render_weekday(wd, self.lang, data))
            last = b
        out.append(self.surface[last:])
        return "".join(out)


def _months(a: dt.date, b: dt.date) -> int:
    return (b.year * 12 + b.month) - (a.year * 12 + a.month)


def _add_months(d: dt.date, n: int) -> dt.date:
    k = d.year * 12 + d.month - 1 + n
    return dt.date(k // 12, k % 12 + 1, min(d.day, 28))


def _move_pub(pub, old: dt.date, new: dt.date, by_days: bool):
    """The publication date moved as ``old`` moved to ``new``; False when the move breaks the
    distance in calendar months (a "this month" would change meaning)."""
    if pub is None:
        return None
    if isinstance(pub, str):
        p = dt.date(int(pub[:4]), int(pub[5:7]), 1)
        return _add_months(p, _months(old, new)).isoformat()[:7]
    if by_days:
        moved = new + (pub - old)
        return moved if _months(new, moved) == _months(old, pub) else False
    return _add_months(pub, _months(old, new))


CONJ = {"en": " and ", "fr": " et ", "de": " und ", "tr": " ve ", "ar": " و"}


def _neighbour(mark: Mark, surf: str, exp: str, rng: random.Random) -> tuple[str, str, str]:
    """A neighbouring form of the same date (--forms): another way writers put the same
    slots down — Arabic-Indic digits, the era letter after a year ("2019م"), another
    separator in a numeric date, an ordinal suffix, capitals, the day run into its weekday
    ("الجمعة17"), a comma after the weekday, the day and the next one ("14 and 15 May").
    (kind, surface, expected value); kind '' when none applies."""
    year = int(exp[:4])
    todo = [(k, f, exp) for k, f in _same_day_forms(mark, surf, year, rng)]
    if mark.kind == "day" and mark.has("D") and mark.has("M") and not mark.has("W"):
        d = dt.date.fromisoformat(exp)
        one = re.search(rf"(?<![\d:])0?{d.day}(?:st|nd|rd|th|er)?(?![\d:])", surf)
        if d.day < 28 and one:
            nxt = str(d.day + 1) + (one.group(0)[-2:] if one.group(0)[-2:].isalpha() else "")
            pair = surf[: one.end()] + CONJ[mark.lang] + nxt + surf[one.end() :]
            todo.append(("pair", pair, f"{d}/{d + dt.timedelta(days=1)}"))
    todo += _round23_forms(mark, surf, exp, rng)
    if not todo:
        return "", surf, exp
    return rng.choice(todo)


#: Round 23's forms: an Arabic month's two names joined by a dash, "لعام" before a year, a
#: day as an ordinal word ("الثاني من شهر …"), a clock time with "الساعة" after a day, an
#: English weekday misspelled by two swapped letters after "on", the month before joined to
#: a month with its year ("May and June 2019").
AR_TIMES = [("الساعة 5 مساءً", "17:00"), ("الساعة العاشرة صباحاً", "10:00"),
            ("الساعة 19:17", "19:17"), ("الساعة الثالثة والنصف عصراً", "15:30"),
            ("حوالي الساعة 10 ليلاً", "22:00"), ("الساعة 19،45", "19:45")]  # fmt: skip


def _round23_forms(mark: Mark, surf: str, exp: str, rng: random.Random) -> list:
    todo: list[tuple[str, str, str]] = []
    names = (
        [(i, n) for sys_ in MONTHS["ar"] for i, n in enumerate(sys_)] if mark.lang == "ar" else []
    )
    found = [(i, n) for i, n in names if re.search(rf"(?<!\w){n}(?!\w)", surf)]
    if len(found) == 1 and "/" not in surf and "(" not in surf:
        i, n = found[0]
        pair = [MONTHS["ar"][1][i], MONTHS["ar"][0][i]]
        todo.append(("dash", surf.replace(n, rng.choice(["-", " - ", "–"]).join(pair), 1), exp))
        year = re.search(r"(?<=\s)(?:20|19)\d\d(?!\d)", surf)
        if year and not re.search(r"عام|سنة", surf) and surf.find(n) < year.start():
            todo.append(("lam", surf[: year.start()] + "لعام " + surf[year.start() :], exp))
        day = re.match(rf"(\d{{1,2}})\s+(?={n})", surf)
        if mark.kind == "day" and day and 1 <= int(day.group(1)) <= len(AR_ORD):
            ordinal = AR_ORD[int(day.group(1)) - 1] + " من شهر "
            todo.append(("ordinal", ordinal + surf[day.end() :], exp))
    if mark.lang == "ar" and mark.kind == "day" and len(exp) == 10 and re.search(r"\d", surf):
        written, clock = rng.choice(AR_TIMES)
        todo.append(("time", f"{surf} {written}", f"{exp}T{clock}"))
    span = re.fullmatch(r"(\w+) ((?:19|20)\d\d)", surf)
    if mark.kind == "month" and mark.lang in ("en", "fr") and span and len(exp) == 7:
        y, m = int(exp[:4]), int(exp[5:])
        if m > 1 and span.group(1) == MONTHS[mark.lang][0][m - 1]:
            first = MONTHS[mark.lang][0][m - 2]
            first = first if span.group(1)[0].isupper() else first.lower()
            last = calendar.monthrange(y, m)[1]
            todo.append(
                ("months", first + CONJ[mark.lang] + surf, f"{y}-{m - 1:02d}-01/{exp}-{last}")
            )
    typo = re.fullmatch(r"(?i)(on )(Tuesday|Wednesday|Thursday|Saturday)", surf)
    if mark.lang == "en" and typo:
        w, k = typo.group(2), rng.randrange(1, len(typo.group(2)) - 2)
        todo.append(("typo", typo.group(1) + w[:k] + w[k + 1] + w[k] + w[k + 2 :], exp))
    return todo


def _same_day_forms(mark: Mark, surf: str, year: int, rng: random.Random) -> list:
    todo = []
    if mark.has("W") and mark.has("D"):
        wd = "(?:" + "|".join(re.escape(w) for w in WEEKDAYS[mark.lang]) + ")"
        wd = wd if mark.lang != "ar" else wd.translate(HAMZA) + "|" + wd
        m = re.search(rf"(?i)({wd})\s+(?=[0-9٠-٩]|{L})", surf)
        if m and mark.lang == "ar" and re.match(r"[0-9]", surf[m.end() :]):
            todo.append(("glue", surf[: m.end(1)] + surf[m.end() :]))
        if m and surf[m.end(1)] == " ":
            comma = "،" if mark.lang == "ar" else ","
            todo.append(("comma", surf[: m.end(1)] + comma + surf[m.end(1) :]))
    if mark.lang == "ar" and re.search(r"[0-9]", surf):
        todo.append(("indic", surf.translate(TO_AR)))
    if mark.lang == "ar" and mark.slots and mark.slots[-1][2] == "Y" and str(year) in surf:
        todo.append(("era", re.sub(rf"{year}(?!م)", f"{year}م", surf, count=1)))
    if mark.has("Mn") and not re.search(r"\d[^\W\d]", surf):
        # a dot between numbers of one digit is a version ("2020.1.2"): no dot there
        one = re.search(r"(?<!\d)\d(?!\d)", surf)
        sep = rng.choice(["/", "-", " / "] + ([] if one else [".", " . "]))
        todo.append(("sep" + sep.strip(), re.sub(r"(?<=\d)\s*[./-]\s*(?=\d)", sep, surf)))
    if (
        mark.lang == "en"
        and mark.has("D")
        and mark.has("M")
        and not re.search(r"\d(?:st|nd|rd|th|\.)", surf)
    ):
        todo.append(("ord", re.sub(r"\b(\d{1,2})\b(?!\d)", lambda m: m.group(1) + (
            "th" if 10 <= int(m.group(1)) <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(
                int(m.group(1)) % 10, "th")), surf, count=1)))  # fmt: skip
    if mark.lang != "ar" and (mark.has("M") or mark.has("W")):
        todo.append(("caps", surf.upper()))
    return todo


def _shift(old: dt.date, new: dt.date, unit: str = "d") -> tuple[int, int, int, str]:
    """How the passage moves: in days, months and years; ``unit`` says which one the other
    written days follow ("d" for a day, "m" for a month or a year: their calendar order stays).
    """
    return (new - old).days, _months(old, new), new.year - old.year, unit


def variant(mark: Mark, pub, rng: random.Random, spell: bool = False):
    """(surface, published, expected value) or None when this draw does not fit."""
    k, v = mark.kind, mark.val
    explicit = mark.has("Y") and (mark.has("M") or mark.has("Mn") or k in ("year",))
    if pub is None and not explicit:
        return None
    y = rng.randint(2011, 2024)
    m = rng.randint(1, 12)
    pick = rng.choice if spell else None
    if k in ("day", "days"):
        a, b = (v, v) if k == "day" else v
        if k == "days" and not (mark.has("D") or (b - a).days == 6):
            return None  # an interval named by a word (Ramadan): not moved
        if k == "days" and not mark.has("D"):
            new_a = a + dt.timedelta(weeks=rng.randint(-250, 250))
            if not 2011 <= new_a.year <= 2024:
                return None
        else:
            top = 10 if mark.has("Do") else 28 - (b - a).days
            new_a = dt.date(y, m, rng.randint(1, top))
        new_b = new_a + (b - a)
        p2 = _move_pub(pub, a, new_a, True)
        if p2 is False or (isinstance(p2, dt.date) and p2.year > 2025):
            return None
        surf = mark.render(new_a.year, new_a.month, new_a.day, new_a.weekday(), pick)
        exp = new_a.isoformat() if k == "day" else f"{new_a}/{new_b}"
        return surf, p2, exp, _shift(a, new_a)
    if k == "month":
        old, new = dt.date(v[0], v[1], 1), dt.date(y, m, 1)
        p2 = _move_pub(pub, old, new, False)
        return mark.render(y, m, 1, None, pick), p2, f"{y:04d}-{m:02d}", _shift(old, new, "m")
    if k == "year":
        old, new = dt.date(v, 1, 1), dt.date(y, 1, 1)
        return (
            mark.render(y, 1, 1, None),
            _move_pub(pub, old, new, False),
            str(y),
            _shift(old, new, "m"),
        )
    if k == "months":
        a, b = v
        dy = y - int(a[:4])
        exp = f"{int(a[:4]) + dy}{a[4:]}/{int(b[:4]) + dy}{b[4:]}"
        old = dt.date(int(a[:4]), 1, 1)
        new = dt.date(y, 1, 1)
        return mark.surface, _move_pub(pub, old, new, False), exp, _shift(old, new, "m")
    return None


def _rewrite(text: str, g: dict, surf: str, others: list, shift: tuple) -> tuple[str, int]:
    """The passage with the mark ``g`` written ``surf`` and the other written dates moved
    with it (an "early May" or a "today" may take its year or day from them); the mark's new
    start."""
    edits = [(g["start"], g["end"], surf)]
    edits += [(o["start"], o["end"], m.moved(shift)) for o, m in others if o is not g]
    start = g["start"]
    for a, b, new in sorted(edits, reverse=True):
        text = text[:a] + new + text[b:]
        if a < g["start"]:
            start += len(new) - (b - a)
    return text, start


def right(ex, start: int, end: int, value: str) -> tuple[bool, str]:
    g = {"start": start, "end": end, "value": value}
    got = [f for f in ex.dates if E.overlaps(f, g)]
    return any(E.date_ok(f, g) for f in got), ", ".join(f"{f.text!r}→{f.iso}" for f in got)


def passages() -> list[Path]:
    names = [n for n in (p.name for p in FOLDER.iterdir()) if re.match(r"\d+_", n)]
    return [FOLDER / n for n in sorted(names, key=lambda n: int(n.split("_")[0]))
            if int(n.split("_")[0]) <= LAST]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per", type=int, default=3, help="variants per mark")
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--show", type=int, default=60, help="failures listed")
    ap.add_argument("--lang", default="", help="only this language")
    ap.add_argument(
        "--spellings",
        action="store_true",
        help="write months in their other spellings too (ابريل, كانون أول, aout)",
    )
    ap.add_argument(
        "--forms",
        action="store_true",
        help="neighbouring forms: Arabic-Indic digits, 2019م, separators, 14th, caps; round "
        "23: an Arabic month's two names joined by a dash, لعام, an ordinal day, a clock time "
        "with الساعة, an English weekday with two letters swapped",
    )
    ap.add_argument("--uncut", action="store_true", help="list the marks left out")
    args = ap.parse_args(argv)
    import geozones

    rng = random.Random(args.seed)
    stats: dict = defaultdict(Counter)
    left = Counter()
    fails = []
    t0 = time.process_time()
    for path in passages():
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        lang = doc.get("language", "")
        if doc.get("set") != "dev" or (args.lang and lang != args.lang):
            continue
        text, gold = E.parse(doc["text"])
        pub = E.published(doc)
        marks = [g for g in gold if g["type"] == "d" and g["value"] != "unknown"]
        if not marks:
            continue
        ex = geozones.extract(text, published=pub)
        others = [(g, Mark(g["text"], lang, g["value"])) for g in gold if g["type"] == "d"]
        others = [(g, m) for g, m in others if m.ok and m.slots]
        for g in marks:
            if not right(ex, g["start"], g["end"], g["value"])[0]:
                left["missed in the original"] += 1
                continue
            mark = Mark(g["text"], lang, g["value"])
            if not mark.ok:
                left["form not cut into slots"] += 1
                if args.uncut:
                    print("uncut", path.name[:4], lang, repr(g["text"]), g["value"])
                continue
            key = (lang, mark.kind, " ".join(k for _, _, k, _ in mark.slots) or "-")
            tried = 0
            for _ in range(args.per * 6):
                if tried == args.per:
                    break
                v = variant(mark, pub, rng, args.spellings)
                if v is None:
                    continue
                tried += 1
                surf, p2, exp, dy = v
                if args.forms:
                    kind, surf, exp = _neighbour(mark, surf, exp, rng)
                    if not kind:
                        continue
                    key = key[:3] + (kind,)
                new, start = _rewrite(text, g, surf, others, dy)
                ok, got = right(geozones.extract(new, published=p2), start, start + len(surf), exp)
                stats[key]["right" if ok else "wrong"] += 1
                if not ok:
                    fails.append((path.name[:4], lang, mark.form(), surf, p2, exp, got))
            if not tried:
                left["no variant fits"] += 1
    _report(stats, left, fails, args.show, time.process_time() - t0)
    return 0


def _report(stats, left, fails, show: int, cpu: float) -> None:
    print(f"{'language':4} {'kind':6} {'slots':14} {'form':8} right/variants")
    tot = Counter()
    for key in sorted(stats):
        c = stats[key]
        n = c["right"] + c["wrong"]
        tot[key[0]] += c["right"]
        tot[key[0] + " n"] += n
        form = key[3] if len(key) > 3 else ""
        print(f"{key[0]:4} {key[1]:6} {key[2]:14} {form:8} {c['right']}/{n}")
    for lang in sorted({k[0] for k in stats}):
        print(f"{lang}: {tot[lang]}/{tot[lang + ' n']} variants right")
    print("left out:", dict(left))
    print(f"{len(fails)} failures; CPU {cpu:.0f} s")
    for f in fails[:show]:
        print("  " + " | ".join(str(x) for x in f))


if __name__ == "__main__":
    sys.exit(main())
