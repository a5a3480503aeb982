"""Runs of place names that a text writes as one list ("قرى (تل هواش، الجابرية، التوبة،
الشيخ إدريس)", "Raco, Şedia ve Surki"): the villages of one list lie together, so one of
them whose only sense lies far from the others is another village of that name."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ...place import Place
from .._results import PlaceMention

#: What may stand between two items of a list: commas, "and" in the set's languages,
#: brackets and quotation marks.
_GLUE = re.compile(
    r"^(?:[\s,،()\"“”«»'’]|\band\b|\bund\b|\bet\b|\bve\b|و(?=[\u0621-\u064a]))*$", re.IGNORECASE
)
#: Fewest names a run must hold to count as a list.
MIN_LIST = 3


def place_list_spans(text: str, places: Sequence[PlaceMention]) -> list[tuple[int, int]]:
    """The spans of the place mentions that stand in a run of at least :data:`MIN_LIST`
    mentions joined only by list glue.

    Examples
    --------
    >>> import geozones
    >>> t = "They took Saraqib, Sarmin and Binnish."
    >>> ms = geozones.extract(t).places
    >>> [t[a:b] for a, b in place_list_spans(t, ms)]
    ['Saraqib', 'Sarmin', 'Binnish']
    """
    ms = sorted((m for m in places if m.kind == "place"), key=lambda m: m.start)
    out: list[tuple[int, int]] = []
    run: list[PlaceMention] = []
    for m in ms:
        if run and not _GLUE.match(text[run[-1].end : m.start]):
            out += _keep(run)
            run = []
        run.append(m)
    return out + _keep(run)


def _keep(run: list[PlaceMention]) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in run] if len(run) >= MIN_LIST else []


def follow_first_reading(text: str, places: Sequence[PlaceMention]) -> list[PlaceMention]:
    """A name written again means what its first mention was found to mean: when the
    first was moved off a far namesake (to another sense, or to its list's point, as
    :func:`rechoose_near` does), a later mention still on that namesake follows it
    ("قرى (…، الشيخ إدريس)" and, further on, "قرب قرية الشيخ إدريس").

    Examples
    --------
    >>> follow_first_reading("", [])
    []
    """
    out = list(places)
    first: dict[str, PlaceMention] = {}
    for i, m in enumerate(places):
        if m.kind != "place":
            continue
        name = text[m.name_start : m.name_end]
        f = first.setdefault(name, m)
        if f is m or f.place == m.place:
            continue
        moved_off = any(_same(a, m.place) for a in f.alternatives)
        if moved_off and not any(_same(a, f.place) for a in (m.place, *m.alternatives)):
            out[i] = replace(m, place=f.place, alternatives=f.alternatives, resolved=f.resolved)
    return out


def _same(a: Place, b: Place) -> bool:
    return (a.source, a.source_id, a.lat, a.lon) == (b.source, b.source_id, b.lat, b.lon)
