"""The schema tables, the checked :class:`Spec` and :class:`FeatureSpec`, and the checker."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any

from .._text import did_you_mean
from ..errors import SpecError
from ._sources import source_problem
from ._values import FIRST_DATE, LAST_DATE, OPEN_END_YEAR, parse_date
from ._yaml import LineDict, LineList, line_of

TOP_KEYS = {
    "timeline": False,
    "gazetteer": False,
    "boundaries": False,
    "roads": False,
    "parties": False,
    "control": False,
    "agreements": True,
}
#: ``gazetteer:``: countries whose GeoNames places to load, and the user's places files.
GAZETTEER_KEYS = {"countries": False, "files": False}
#: an item of ``gazetteer: files:`` (a bare path is the same as ``{path: ...}``).
PLACES_FILE_KEYS = {
    "path": True,
    "name_field": False,
    "lat_field": False,
    "lon_field": False,
    "layer": False,
    "credit": False,
}
#: an item of ``boundaries:``: an admin layer (geoBoundaries, OCHA COD …) of one level.
BOUNDARY_KEYS = {
    "path": True,
    "level": True,
    "layer": False,
    "name_field": False,
    "code_field": False,
    "credit": False,
}
#: an item of ``roads:``: a named line from a file (as ``geozones.gazetteer.load_road``).
ROAD_KEYS = {"path": True, "name": True, "aliases": False, "layer": False, "credit": False}
TIMELINE_KEYS = {"id": False, "name": False, "description": False, "country": False}
AGREEMENT_KEYS = {
    "id": True,
    "name": True,
    "kind": False,
    "parties": False,
    "signed": False,
    "sources": False,
    "notes": False,
    "features": False,
}
FEATURE_KEYS = {
    "id": True,
    "name": False,
    "kind": True,
    "start": True,
    "end": False,
    "confidence": True,
    "notes": False,
    "sources": False,
    "geometry": True,
}
SOURCE_KEYS = {
    "url": False,
    "quote": False,
    "summary": False,
    "title": False,
    "publisher": False,
    "published": False,
}

#: Kinds of agreement record (``kind:`` of an agreement). Only agreements and truces
#: are signed: an operation, offensive or capture carries no ``signed`` date.
AGREEMENT_KINDS = ("agreement", "truce", "operation", "offensive", "capture")
SIGNED_KINDS = ("agreement", "truce")

#: Source addresses must be web addresses: maps and exports turn them into links.
_URL_RE = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")


def suggest(word: Any, choices: Any) -> str:
    """A ``did you mean`` hint for ``word`` among ``choices`` (or the full list).

    The closest choice comes from :func:`geozones._text.did_you_mean`, the one
    "did you mean" helper of the package.

    Examples
    --------
    >>> suggest("confidance", ["confidence", "kind"])
    "did you mean 'confidence'?"
    """
    choices = list(choices)
    close = did_you_mean(str(word), [str(c) for c in choices], n=1, cutoff=60)
    if close:
        return f"did you mean {close[0]!r}?"
    return "use one of: " + ", ".join(map(str, choices))


@dataclass
class FeatureSpec:
    """One feature of a spec, checked (geometry still an expression)."""

    id: str
    name: str
    kind: str
    start: _dt.date
    end: _dt.date | None
    confidence: str
    notes: str
    sources: list[dict[str, str]]
    geometry: Any
    agreement: str
    agreement_name: str
    line: int | None = None
    start_precision: str = "day"
    end_precision: str = "day"


@dataclass
class Spec:
    """A checked spec: timeline metadata, agreements and features in file order."""

    path: str | None
    id: str
    name: str
    description: str
    country: str | None
    agreements: list[dict[str, Any]]
    features: list[FeatureSpec]
    errors: list[SpecError] = field(default_factory=list)
    #: the data the spec declares, checked: ``{"gazetteer": {"countries": [...], "files":
    #: [...]}, "boundaries": [...], "roads": [...]}`` (items are the YAML mappings, with lines)
    declared: dict[str, Any] = field(default_factory=dict)
    #: The ``parties:`` and ``control:`` tables as written (checked by the compiler's
    #: control step, issue #14), and their lines; None when absent.
    parties: Any = None
    parties_line: int | None = None
    control: Any = None
    control_line: int | None = None


class _Checker:
    """Walks the YAML tree and collects every problem, with its line."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.errors: list[SpecError] = []

    def error(self, message: str, line: int | None, hint: str = "") -> None:
        self.errors.append(SpecError(message, path=self.path, line=line, hint=hint))

    def keys(self, obj: Any, allowed: dict[str, bool], what: str, line: int | None) -> bool:
        """Check ``obj`` is a mapping with known keys and its required keys."""
        if not isinstance(obj, dict):
            self.error(
                f"{what} must be a mapping of keys, not {type(obj).__name__}",
                line,
                "write 'key: value' lines indented under it",
            )
            return False
        meant: set[str] = set()
        for key in obj:
            if key not in allowed:
                hint = suggest(key, allowed)
                meant.update(k for k in allowed if hint == f"did you mean {k!r}?")
                self.error(f"unknown key {key!r} in {what}", line_of(obj, key), hint)
        for key, required in allowed.items():
            if required and key not in meant and obj.get(key) in (None, ""):
                self.error(
                    f"{what} has no {key!r}", line_of(obj) or line, f"add '{key}: ...' to it"
                )
        return True

    def text(self, obj: Any, key: str, default: str = "") -> str:
        value = obj.get(key)
        if value is None:
            return default
        if isinstance(value, (dict, list)):
            self.error(
                f"{key!r} must be text",
                line_of(obj, key),
                "write it on one line, or use '|' for a block of text",
            )
            return default
        return str(value).strip()

    def ident(self, obj: Any, what: str) -> str:
        value = self.text(obj, "id")
        if value and not _ID_RE.match(value):
            self.error(
                f"{what} id {value!r} has spaces or signs",
                line_of(obj, "id"),
                "use letters, digits and - _ . : only, e.g. m4-corridor",
            )
        return value

    def date(self, obj: Any, key: str, *, end: bool = False) -> tuple[_dt.date | None, str]:
        """A checked date; an ``end`` in year 9999 (GIS data's "no end") is an open end."""
        value = obj.get(key)
        if value is None or value == "":
            return None, "day"
        try:
            day, precision = parse_date(value, end=end)
        except ValueError as exc:
            self.error(f"{key}: {exc}", line_of(obj, key))
            return None, "day"
        if end and day.year == OPEN_END_YEAR:
            return None, "day"
        if not FIRST_DATE <= day <= LAST_DATE:
            self.error(
                f"{key}: {value!r} is outside the dates geozones can draw "
                f"({FIRST_DATE} to {LAST_DATE})",
                line_of(obj, key),
                "for an open end write 9999-12-31 or leave 'end' out",
            )
            return None, "day"
        return day, precision

    def sources(self, obj: Any, what: str) -> list[dict[str, str]]:
        value = obj.get("sources")
        if value is None:
            return []
        if isinstance(value, (str, dict)):
            value = LineList([value])
            value.line = line_of(obj, "sources")
        if not isinstance(value, list):
            self.error(
                f"sources of {what} must be a list",
                line_of(obj, "sources"),
                "write '- url: https://...' items with an optional quote and title",
            )
            return []
        out = []
        for i, item in enumerate(value):
            if isinstance(item, str):
                item = {"url": item}
            elif not self.keys(item, SOURCE_KEYS, f"a source of {what}", line_of(value, i)):
                continue
            src = {k: self.text(item, k) for k in SOURCE_KEYS}
            src = {k: v for k, v in src.items() if v or k in ("url", "quote", "title")}
            problem = source_problem(src)
            if problem:
                hint = "" if "cite" in problem else "cite the article that states the fact"
                self.error(
                    f"a source of {what} {problem}",
                    line_of(item, "url") if isinstance(item, LineDict) else line_of(value, i),
                    hint + (" (a paraphrase goes in 'summary')" if hint else ""),
                )
                continue
            if not (src["url"] or src["title"]):
                self.error(
                    f"a source of {what} has neither url nor title",
                    line_of(value, i),
                    "add 'url: https://...' (or a title for print)",
                )
            elif src["url"] and not _URL_RE.match(src["url"]):
                self.error(
                    f"source url {src['url'][:60]!r} of {what} is not a web address",
                    line_of(item, "url") if isinstance(item, LineDict) else line_of(value, i),
                    "write the full address starting with https:// (maps link to it)",
                )
                continue
            out.append(src)
        return out
