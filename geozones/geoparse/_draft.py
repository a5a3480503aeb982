"""A draft spec from an extraction, with TODO where a person must decide."""

from __future__ import annotations

import bisect
import re
from typing import Any

from .._io import atomic_open
from .._text import fold
from ..errors import InputError
from ._results import Extraction, PlaceMention
from .dates._extract import DateMention
from .scan import _context as ctx

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[A-Z\"“(\[])|\n\s*\n")
_SIGNING = re.compile(
    r"\b(?:sign(?:ed|s|ing)?|agree(?:d|s|ment)?|reach(?:ed)?|brokered|concluded|struck|"
    r"memorandum|protocol|deal)\b",
    re.IGNORECASE,
)
_IN_FORCE = re.compile(
    r"\b(?:ceasefire|cease-fire|truce|take[sn]? effect|took effect|in force|come into force|"
    r"halt|stop)\b",
    re.IGNORECASE,
)
_WIDTH = re.compile(
    r"\b(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?\s*(?:km|kilomet(?:re|er)s?)\b",
    re.IGNORECASE,
)
_PLACE_NOUN = r"(?:the\s+)?(?:(?:settlements?|towns?|villages?|city|cities|areas?)\s+of\s+)?"
_FROM = re.compile(rf"\b(?:from|between)\s+{_PLACE_NOUN}$", re.IGNORECASE)
_TO = re.compile(rf"\b(?:to|until|as far as|and)\s+{_PLACE_NOUN}$", re.IGNORECASE)
_POST_WORD = re.compile(r"\bobservation\s+posts?\b|\bposts?\b", re.IGNORECASE)
_CORRIDOR = re.compile(r"\bcorridor\b", re.IGNORECASE)
_PATROL = re.compile(r"\bpatrol", re.IGNORECASE)


class _Spans(list):
    """The sentences of a text as ``(start, end)`` pairs, found by position in log time;
    what a sentence says (a regex search) is asked once per sentence and remembered."""

    def __init__(self, text: str, ex: Extraction | None = None) -> None:
        out, start = [], 0
        for m in _SENTENCE_END.finditer(text):
            out.append((start, m.start()))
            start = m.end()
        out.append((start, len(text)))
        super().__init__(out)
        self.text = text
        self._starts = [a for a, _ in out]
        self._said: dict[tuple[int, int, int], bool] = {}
        self._dates: dict[tuple[int, int], list[DateMention]] = {}
        if ex is not None:
            for d in ex.dates:
                if d.resolved and not d.dateline:
                    self._dates.setdefault(_sentence_of(self, d.start), []).append(d)

    def says(self, rx: re.Pattern[str], span: tuple[int, int]) -> bool:
        key = (id(rx), *span)
        got = self._said.get(key)
        if got is None:
            got = self._said[key] = rx.search(self.text, span[0], span[1]) is not None
        return got


def _sentence_of(spans: _Spans, pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(spans._starts, pos) - 1
    while i >= 0:
        a, b = spans[i]
        if a <= pos < b or pos == b:
            return a, b
        if b < pos:
            break
        i -= 1
    return (0, 0)


def _slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return s or "feature"


def _unique(ident: str, seen: dict[str, int]) -> str:
    """``ident``, or ``ident-2``, ``ident-3`` … when taken (``seen`` maps each id given to
    the next number to try, so a thousand namesakes cost a thousand steps, not a million)."""
    if ident not in seen:
        seen[ident] = 2
        return ident
    n = seen[ident]
    while f"{ident}-{n}" in seen:
        n += 1
    seen[ident] = n + 1
    seen[f"{ident}-{n}"] = 2
    return f"{ident}-{n}"


def _quote(text: str, span: tuple[int, int], n: int) -> str:
    """At most ``n`` characters of a sentence, blanks squeezed (reads a bounded slice)."""
    return " ".join(text[span[0] : min(span[1], span[0] + 4 * n)].split())[:n]


def _date_value(d: DateMention | None) -> str:
    if d is None or d.start_date is None:
        return "TODO: YYYY-MM-DD"
    if d.period == "month":
        return f"{d.start_date:%Y-%m}"
    if d.period in ("year", "season", "months", "week"):
        return f"TODO: YYYY-MM-DD (the text says {' '.join(d.text.split())!r})"
    return d.start_date.isoformat()


def _dates_in(spans: _Spans, span: tuple[int, int]) -> list[DateMention]:
    return spans._dates.get(span, [])


def _place_ref(m: PlaceMention) -> dict[str, Any]:
    """A geometry expression for a place mention."""
    p = m.place
    if p.source == "geoparse-regions":
        return {"buffer": {"of": {"point": {"lat": round(p.lat, 4), "lon": round(p.lon, 4)}},
                           "distance": "TODO: radius, e.g. 10 km"}}  # fmt: skip
    if p.kind == "admin area":
        return {"admin": p.source_id or p.name}
    if m.alternatives:
        return {"point": {"lat": round(p.lat, 5), "lon": round(p.lon, 5)}}
    return {"place": p.name}


def _road_features(ex: Extraction, spans: _Spans, start: str, seen: dict[str, int]):
    feats = []
    done: set[tuple[str, str]] = set()
    for r in ex.roads:
        if r.road is None:
            continue
        sent = _sentence_of(spans, r.start)
        kinds = []
        if spans.says(_CORRIDOR, sent):
            kinds.append("security-corridor")
        if spans.says(_PATROL, sent):
            kinds.append("patrol-route")
        for kind in kinds or ["TODO: kind (security-corridor, patrol-route …)"]:
            if (r.road.source_id, kind) in done:
                continue
            done.add((r.road.source_id, kind))
            label = "" if "TODO" in kind else kind
            frm, to = _from_to(ex, sent, r.end)
            dates = _dates_in(spans, sent)
            ends = {"road": r.road.source_id, "from": frm, "to": to}
            if kind == "security-corridor":
                w = _WIDTH.search(ex.text, *sent)
                ends["width"] = f"{w.group(1)} km" if w else "TODO: width each side, e.g. 6 km"
                geom: dict[str, Any] = {"corridor": ends}
            else:
                geom = {"along": ends} if "TODO" not in kind else {"road": r.road.source_id}
            feats.append({
                "id": _unique(_slug(f"{r.road.source_id} {label}"), seen),
                "name": f"{r.road.source_id} {label.replace('-', ' ')}".strip(),
                "kind": kind,
                "start": _date_value(dates[0]) if dates else start,
                "end": None,
                "confidence": "approximate",
                "notes": f"TODO: check against the text: {_quote(ex.text, sent, 300)}",
                "geometry": geom,
            })  # fmt: skip
    return feats


def _from_to(ex: Extraction, sent: tuple[int, int], after: int) -> tuple[str, str]:
    """The places after "from" and "to" in a sentence ("from Trumba … to Ain al-Havr")."""
    frm = to = None
    for m in ex.places:
        if not (sent[0] <= m.start < sent[1]) or m.kind != "place":
            continue
        before = ex.text[max(sent[0], m.start - 40) : m.start]
        if frm is None and _FROM.search(before):
            frm = m
        elif frm is not None and to is None and _TO.search(before):
            to = m
    return _end_name(frm), _end_name(to)


def _end_name(m: PlaceMention | None) -> str:
    if m is None:
        return "TODO: place on the road"
    if not m.resolved:  # the compiler could not find it: a person must place it
        return f"TODO: place on the road ({m.text} is not in the gazetteer)"
    return m.place.name


def _area_features(ex: Extraction, spans: _Spans, start: str, seen: dict[str, int]):
    feats = []
    done: set[tuple[str, str]] = set()
    for m in ex.places:
        if m.kind not in ("zone", "region"):
            continue
        key = (m.place.source, m.place.source_id)
        if key in done:
            continue
        done.add(key)
        sent = _sentence_of(spans, m.start)
        dates = _dates_in(spans, sent)
        kind = "zone" if m.kind == "zone" else "TODO: kind (zone, operation-area, control-area …)"
        feats.append({
            "id": _unique(_slug(m.text), seen),
            "name": m.text,
            "kind": kind,
            "start": _date_value(dates[0]) if dates else start,
            "end": None,
            "confidence": "schematic",
            "notes": _area_note(m) + f" The text says: {_quote(ex.text, sent, 300)}",
            "geometry": _place_ref(m),
        })  # fmt: skip
    return feats


def _area_note(m: PlaceMention) -> str:
    name = m.place.extra.get("part_of", m.place.name)
    if m.part is not None and m.part.direction:
        return (
            f"TODO: the text means the {m.part.direction} part of {name}, not all of it: "
            "intersect the area with that part (PlaceMention.geometry() draws one)."
        )
    return f"TODO: is this the whole {name} area?"


_STRIP = re.compile(
    r"\b(?P<what>demilitari[sz]ed (?:zone|strip|area)|buffer zone|safe zone|security zone)\b",
    re.IGNORECASE,
)


def _strip_features(ex: Extraction, spans: _Spans, start: str, seen: dict[str, int]):
    """A demilitarised or buffer zone the text describes by its depth ("15 to 20 km deep
    along the contact line"): a band whose edges a person must give."""
    feats = []
    for m in _STRIP.finditer(ex.text):
        sent = _sentence_of(spans, m.start())
        w = _WIDTH.search(ex.text, m.end(), sent[1]) or _WIDTH.search(ex.text, *sent)
        width = "TODO: depth, e.g. 15-20 km"
        if w:
            width = f"{w.group(1)}-{w.group(2)} km" if w.group(2) else f"{w.group(1)} km"
        dates = _dates_in(spans, sent)
        kind = "demilitarized-zone" if "demilitar" in m.group("what").lower() else "zone"
        feats.append({
            "id": _unique(_slug(m.group("what")), seen),
            "name": m.group("what"),
            "kind": kind,
            "start": _date_value(dates[0]) if dates else start,
            "end": None,
            "confidence": "schematic",
            "notes": f"TODO: draw it from the text: {_quote(ex.text, sent, 300)}",
            "geometry": {"band": {
                "inside": "TODO: the area it lies in, e.g. {ref: idlib-zone}",
                "along": "TODO: the line it follows, e.g. the contact line",
                "width": width,
            }},
        })  # fmt: skip
    return feats


def _post_features(ex: Extraction, spans: _Spans, start: str, seen: dict[str, int]):
    feats = []
    for m in ex.places:
        if m.kind != "place" or m.place.country != ex.country_bias:
            continue
        sent = _sentence_of(spans, m.start)
        if not spans.says(_POST_WORD, sent):
            continue
        dates = _dates_in(spans, sent)
        feats.append({
            "id": _unique(_slug(f"post {m.place.name}"), seen),
            "name": f"Observation post at {m.place.name}",
            "kind": "observation-post",
            "start": _date_value(dates[0]) if dates else start,
            "end": None,
            "confidence": "approximate",
            "notes": "TODO: check that the text places a post here",
            "geometry": _place_ref(m),
        })  # fmt: skip
    return feats


def _signed(ex: Extraction, spans: _Spans) -> tuple[str, DateMention | None]:
    for d in ex.dates:
        sent = _sentence_of(spans, d.start)
        if d.resolved and spans.says(_SIGNING, sent) and d.period != "year":
            return _date_value(d), d
    dl = next((d for d in ex.dates if d.dateline and d.resolved), None)
    if dl is not None:
        return _date_value(dl), dl
    return "TODO: YYYY-MM-DD", None


def _in_force(ex: Extraction, spans: _Spans, signed: str) -> str:
    for d in ex.dates:
        if (
            d.resolved
            and not d.dateline
            and d.period in ("day", "range")
            and spans.says(_IN_FORCE, _sentence_of(spans, d.start))
        ):
            return _date_value(d)
    return signed


def draft_spec(extraction: Extraction, *, name: str | None = None, url: str | None = None) -> str:
    """A YAML spec skeleton from an extraction, with ``TODO`` where a person must decide.

    The draft follows the spec format of :mod:`geozones.spec` (``timeline``,
    ``agreements`` with ``features``): parties are the countries named where the
    text speaks of signing or agreeing, ``signed`` the date in that sentence
    (else the dateline), roads become a ``security-corridor`` and/or
    ``patrol-route`` when their sentence says so (width and ``from``/``to``
    places filled in when stated), zones and regions become area features
    (``admin: <P-code>``), places near the word "post" become observation
    posts. Everything else it found is listed in comments at the top. Values
    it cannot know are the string ``"TODO: …"``, which ``geozones validate``
    rejects until a person replaces them.

    Parameters
    ----------
    extraction : Extraction
        What :func:`extract` returned.
    name : str, optional
        Agreement name; default a TODO.
    url : str, optional
        The text's address, for the source; default a TODO.

    Returns
    -------
    str
        YAML text (always valid YAML).

    Examples
    --------
    >>> import yaml, geozones
    >>> ex = geozones.extract("Moscow, 5 March 2020 — Russia and Turkey agreed a ceasefire "
    ...                       "in the Idlib de-escalation zone from 6 March.")
    >>> spec = yaml.safe_load(geozones.draft_spec(ex))
    >>> spec["agreements"][0]["parties"], spec["agreements"][0]["signed"]
    (['Russia', 'Turkey'], '2020-03-05')
    """
    import yaml  # lazy: keeps `import geozones` fast

    if not isinstance(extraction, Extraction):
        raise InputError("draft_spec() takes the Extraction that geozones.extract() returns")
    ex = extraction
    spans = _Spans(ex.text, ex)
    signed, signed_d = _signed(ex, spans)
    start = _in_force(ex, spans, signed)
    parties = _parties(ex, spans)
    seen: dict[str, int] = {}
    features = (
        _area_features(ex, spans, start, seen)
        + _strip_features(ex, spans, start, seen)
        + _road_features(ex, spans, start, seen)
        + _post_features(ex, spans, start, seen)
    )
    quote_span = _sentence_of(spans, signed_d.start) if signed_d is not None else spans[0]
    agreement = {
        "id": _slug(name) if name else "TODO-agreement-id",
        "name": name or "TODO: agreement name",
        "parties": parties or ["TODO: parties"],
        "signed": signed,
        "sources": [
            {
                "url": url or "TODO: URL of the text",
                "quote": _quote(ex.text, quote_span, 400),
            }
        ],  # fmt: skip
        "features": features,
    }
    doc = {
        "timeline": {"id": "TODO-timeline-id", "name": "TODO: timeline name"},
        "agreements": [agreement],
    }
    body = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
    return _header(ex) + body


def _parties(ex: Extraction, spans: _Spans) -> list[str]:
    """Countries named where the text speaks of agreeing, or whose leaders agree there
    ("Russian President Vladimir Putin and Turkish President …")."""
    found: list[tuple[int, str]] = []
    for m in ex.places:
        if m.kind != "country" or m.place.country == ex.country_bias:
            continue
        sent = _sentence_of(spans, m.start)
        if spans.says(_SIGNING, sent):
            found.append((m.start, m.place.name))
    demonyms = ctx.known_entities().get("demonym", {})
    for e in ex.entities:
        country = demonyms.get(e.text) if isinstance(demonyms, dict) else None
        if e.kind != "adjective" or not country:
            continue
        sent = _sentence_of(spans, e.start)
        after = ex.text[e.end : e.end + 40]
        if spans.says(_SIGNING, sent) and re.match(
            r"\s+(?:[A-Z]\w+\s+)?(?:President|Prime Minister|Foreign Minister|Minister|leader)",
            after,
        ):
            found.append((e.start, country))
    out: list[str] = []
    for _, name in sorted(found):
        if name not in out and name != _country_name(ex.country_bias, ex):
            out.append(name)
    return out


def _country_name(code: str, ex: Extraction) -> str:
    return next((m.place.name for m in ex.places if m.kind == "country" and
                 m.place.country == code), code)  # fmt: skip


def _header(ex: Extraction) -> str:
    def clean(s: str) -> str:
        return " ".join(s.split())

    lines = [
        "# Draft spec written by `geozones extract --spec` from a text. A person must finish it:",
        "# replace every TODO, check every place and date against the text, then run",
        "# `geozones validate` on this file.",
        f"# Reference date: {ex.reference_date.isoformat() if ex.reference_date else 'none'}",
        "#",
        "# Places found (name in the text -> gazetteer entry):",
    ]
    for m in ex.places:
        p = m.place
        alt = f"; also {len(m.alternatives)} other(s) of that name" if m.alternatives else ""
        if not m.resolved:
            alt += "; NOT IN THE GAZETTEER: position from the towns around it, check it"
        lines.append(
            f"#   {clean(m.text)!r} -> {p.name} ({m.kind}, {p.country}, {p.source}:{p.source_id}, "
            f"{p.lat:.4f}, {p.lon:.4f}){alt}"
        )
    for r in ex.roads:
        lines.append(f"#   road {clean(r.text)!r} -> {r.ref or 'TODO: unknown road'}")
    lines.append("# Dates found:")
    for d in ex.dates:
        lines.append(f"#   {clean(d.text)!r} -> {d.iso or 'unresolved'}")
    return "\n".join(lines) + "\n"


def write_draft_spec(extraction: Extraction, path: str, **kwargs: Any) -> str:
    """Write :func:`draft_spec` to ``path`` atomically; return the text.

    Examples
    --------
    >>> write_draft_spec(geozones.extract("Saraqib"), "draft.yaml")  # doctest: +SKIP
    """
    text = draft_spec(extraction, **kwargs)
    with atomic_open(path, "w") as fh:
        fh.write(text)
    return text
