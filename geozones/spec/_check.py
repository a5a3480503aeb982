"""Checking a parsed spec: timeline, agreements, features, declared data and TODOs left."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..kinds import CONFIDENCE, KINDS
from ._model import (
    AGREEMENT_KEYS,
    AGREEMENT_KINDS,
    BOUNDARY_KEYS,
    FEATURE_KEYS,
    GAZETTEER_KEYS,
    PLACES_FILE_KEYS,
    ROAD_KEYS,
    SIGNED_KINDS,
    TIMELINE_KEYS,
    TOP_KEYS,
    FeatureSpec,
    Spec,
    _Checker,
    suggest,
)
from ._values import _TODO_RE
from ._yaml import LineDict, LineList, line_of


def check(data: Any, path: str | None = None) -> Spec:
    """Check a parsed spec tree; the returned :class:`Spec` lists every problem in ``errors``.

    Examples
    --------
    >>> from geozones.spec import load_yaml
    >>> s = check(load_yaml("agreements: []"))
    >>> s.errors, s.features
    ([], [])
    """
    c = _Checker(path)
    stem = Path(path).stem if path else "timeline"
    spec = Spec(path, stem, stem, "", None, [], [])
    if data is None:
        c.error("the spec is empty", 1, "start with 'timeline:' and 'agreements:'")
        spec.errors = c.errors
        return spec
    if not c.keys(data, TOP_KEYS, "the spec", 1):
        spec.errors = c.errors
        return spec
    spec.parties, spec.parties_line = data.get("parties"), line_of(data, "parties")
    spec.control, spec.control_line = data.get("control"), line_of(data, "control")
    if spec.control is not None and not isinstance(spec.control, dict):
        c.error("'control' must be a mapping", spec.control_line, "write 'file:', 'baselines:' …")
    meta = data.get("timeline") or LineDict()
    if c.keys(meta, TIMELINE_KEYS, "timeline", line_of(data, "timeline")):
        spec.id = c.ident(meta, "timeline") or stem
        spec.name = c.text(meta, "name", spec.id)
        spec.description = c.text(meta, "description")
        spec.country = c.text(meta, "country") or None
    spec.declared = _check_declared(c, data)
    agreements: Any = data.get("agreements") or []
    if not isinstance(agreements, list):
        c.error(
            "'agreements' must be a list",
            line_of(data, "agreements"),
            "write '- id: ...' items under it",
        )
        agreements = []
    seen: dict[str, int | None] = {}
    agreement_lines: dict[str, int | None] = {}
    for i, ag in enumerate(agreements):
        line = line_of(agreements, i)
        if not c.keys(ag, AGREEMENT_KEYS, f"agreement #{i + 1}", line):
            continue
        ag_id = c.text(ag, "id")
        if ag_id and ag_id in agreement_lines:
            c.error(
                f"agreement id {ag_id!r} is used twice",
                line_of(ag, "id"),
                f"first used at line {agreement_lines[ag_id]}; ids must be unique",
            )
            continue
        agreement_lines[ag_id] = line_of(ag, "id")
        _check_agreement(c, ag, spec, seen)
    _check_todos(c, data)
    spec.errors = c.errors
    return spec


def _check_declared(c: _Checker, data: Any) -> dict[str, Any]:
    """Check the ``gazetteer:``, ``boundaries:`` and ``roads:`` blocks; return them normalised."""
    out: dict[str, Any] = {"gazetteer": {"countries": [], "files": []}}
    gz = data.get("gazetteer")
    if gz is not None and c.keys(gz, GAZETTEER_KEYS, "gazetteer", line_of(data, "gazetteer")):
        countries = gz.get("countries") or []
        countries = [countries] if isinstance(countries, str) else countries
        if not isinstance(countries, list) or not all(
            isinstance(x, str) and re.fullmatch(r"[A-Za-z]{2}", x) for x in countries
        ):
            c.error(
                "gazetteer countries must be a list of two-letter ISO codes",
                line_of(gz, "countries"),
                "write e.g. 'countries: [LY]'",
            )
            countries = []
        out["gazetteer"]["countries"] = [x.upper() for x in countries]
        out["gazetteer"]["files"] = _file_items(c, gz, "files", PLACES_FILE_KEYS, "a places file")
    for key, keys, what in (
        ("boundaries", BOUNDARY_KEYS, "a boundary layer"),
        ("roads", ROAD_KEYS, "a road"),
    ):
        out[key] = _file_items(c, data, key, keys, what)
    for item in out["boundaries"]:
        if not isinstance(item.get("level"), int) or not 0 <= item["level"] <= 5:
            c.error(
                f"boundary level must be a whole number 0 to 5, not {item.get('level')!r}",
                line_of(item, "level"),
                "1 for the first admin level (governorate, province …), 2 for the next",
            )
    return out


def _file_items(c: _Checker, obj: Any, key: str, keys: dict, what: str) -> list:
    """The items of a list of files (``- path: ...`` or a bare path), each checked."""
    value = obj.get(key)
    if value is None:
        return []
    if isinstance(value, (str, dict)):
        value = LineList([value])
        value.line = line_of(obj, key)
    if not isinstance(value, list):
        c.error(f"{key!r} must be a list", line_of(obj, key), "write '- path: ...' items")
        return []
    items = []
    for i, item in enumerate(value):
        if isinstance(item, str) and "path" in keys and "name" not in keys:
            item = LineDict(path=item)
            item.line = line_of(value, i)
            item.key_lines = {"path": item.line} if item.line is not None else {}
        if c.keys(item, keys, what, line_of(value, i)):
            if all(item.get(k) not in (None, "") for k, req in keys.items() if req):
                items.append(item)
    return items


def _check_todos(c: _Checker, data: Any) -> None:
    """Report every text still holding TODO (a draft from ``extract --spec`` not finished)."""
    stack: list[tuple[Any, int | None]] = [(data, line_of(data))]
    seen: set[int] = set()
    while stack:
        node, line = stack.pop()
        if isinstance(node, str):
            if _TODO_RE.search(node):
                c.error(
                    f"the spec still says {' '.join(node.split())[:60]!r}",
                    line,
                    "a draft is finished when no TODO is left: replace it with the value",
                )
            continue
        if id(node) in seen:
            continue
        if isinstance(node, dict):
            seen.add(id(node))
            stack.extend((v, line_of(node, k)) for k, v in reversed(list(node.items())))
        elif isinstance(node, list):
            seen.add(id(node))
            stack.extend((v, line_of(node, i)) for i, v in reversed(list(enumerate(node))))


def _check_agreement(c: _Checker, ag: LineDict, spec: Spec, seen: dict) -> None:
    ag_id = c.ident(ag, "agreement") or f"agreement-{len(spec.agreements) + 1}"
    what = f"agreement {ag_id!r}"
    signed, _ = c.date(ag, "signed")
    kind = c.text(ag, "kind", "agreement")
    if kind not in AGREEMENT_KINDS:
        c.error(
            f"unknown kind {kind!r} of {what}", line_of(ag, "kind"), suggest(kind, AGREEMENT_KINDS)
        )
    elif signed is not None and kind not in SIGNED_KINDS:
        c.error(
            f"{what} is a {kind}, which is not signed",
            line_of(ag, "signed"),
            "remove 'signed:' (only agreements and truces are signed)",
        )
        signed = None
    parties = ag.get("parties") or []
    if isinstance(parties, str):
        parties = [parties]
    record = {
        "id": ag_id,
        "name": c.text(ag, "name", ag_id),
        "parties": [str(p) for p in parties] if isinstance(parties, list) else [],
        "signed": signed,
        "kind": kind,
        "sources": c.sources(ag, what),
        "notes": c.text(ag, "notes"),
    }
    spec.agreements.append(record)
    features: Any = ag.get("features") or []
    if not isinstance(features, list):
        c.error(
            f"'features' of {what} must be a list",
            line_of(ag, "features"),
            "write '- id: ...' items under it",
        )
        return
    for j, ft in enumerate(features):
        line = line_of(features, j)
        if not c.keys(ft, FEATURE_KEYS, f"feature #{j + 1} of {what}", line):
            continue
        f = _check_feature(c, ft, record)
        if f is None:
            continue
        if f.id in seen:
            c.error(
                f"feature id {f.id!r} is used twice",
                line_of(ft, "id"),
                f"first used at line {seen[f.id]}; ids must be unique",
            )
            continue
        seen[f.id] = line_of(ft, "id")
        spec.features.append(f)


def _check_feature(c: _Checker, ft: LineDict, ag: dict) -> FeatureSpec | None:
    fid = c.ident(ft, "feature")
    what = f"feature {fid!r}"
    kind = c.text(ft, "kind")
    if kind and kind not in KINDS:
        c.error(f"unknown kind {kind!r} in {what}", line_of(ft, "kind"), suggest(kind, KINDS))
    confidence = c.text(ft, "confidence")
    if confidence and confidence not in CONFIDENCE:
        c.error(
            f"unknown confidence {confidence!r} in {what}",
            line_of(ft, "confidence"),
            suggest(confidence, CONFIDENCE),
        )
    start, start_prec = c.date(ft, "start")
    end, end_prec = c.date(ft, "end", end=True)
    if start and end and end < start:
        c.error(
            f"{what} ends ({end}) before it starts ({start})",
            line_of(ft, "end"),
            "the end is the last day in force: make it the start day or later",
        )
    sources = c.sources(ft, what) or list(ag["sources"])
    if not fid or not start or kind not in KINDS or confidence not in CONFIDENCE:
        return None
    return FeatureSpec(
        id=fid,
        name=c.text(ft, "name", fid),
        kind=kind,
        start=start,
        end=end,
        confidence=confidence,
        notes=c.text(ft, "notes"),
        sources=sources,
        geometry=ft.get("geometry"),
        agreement=ag["id"],
        agreement_name=ag["name"],
        line=line_of(ft),
        start_precision=start_prec,
        end_precision=end_prec,
    )
