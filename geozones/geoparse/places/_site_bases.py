"""A bare name that is the base of a named site in the governorate the text names: the site.

The named sites of ``data/landmarks.csv`` answer to the phrases the press writes around
their base names ("سد الطبقة", "the Tabqa dam") and, for a few, to their own bare names; a
base name alone is the town the site is named after ("Tabqa"). But the gazetteer may hold
no town of that name where the story is: "الرصافة" in a story on "ريف الرقة الجنوبي" is
Rusafa (the ancient city of the site Resafa and the town beside it, which the OCHA
communities lack), not the Rasafa by Saraqib 250 km west. When the text names one or more
governorates at home (region mentions of them: "ريف الرقة", "Raqqa province"), the
reading chosen for a bare name lies in none of them, and a site whose base name it is lies
in one of them, the site is the place meant; the chosen reading becomes an alternative.

Only the sites whose base is the name of a settlement the gazetteer lacks are read so: an
ancient site (:data:`SETTLEMENT_FEATURES`: the old town and its modern namesake beside it)
that is named after no community the table ties it to (its ``near`` is empty). A dam, a
field or a lake is named after a word or a person as often ("البعث", "العمر", "الأسد"),
and a site named after a community is that community's namesake, which the gazetteer holds.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import replace
from typing import TYPE_CHECKING

from ..._io import data_path
from ..._text import fold
from .._results import PlaceMention
from ..scan._landmarks import landmarks
from ..scan._words import _key

if TYPE_CHECKING:  # pragma: no cover
    from ...gazetteer import Gazetteer
    from ..scan._index import _Index


#: The features of a site whose base name is the name of a settlement (an ancient city).
SETTLEMENT_FEATURES = frozenset({"ancient-site"})


@functools.lru_cache(maxsize=4)
def _bases_of(gaz: Gazetteer) -> dict[str, tuple[int, ...]]:
    """Each base name's key (``base``, ``base_ar`` of the table) → the sites of a
    settlement's name the gazetteer lacks that bear it (their gazetteer entries)."""
    entry = {gaz.place(i).source_id: i for i in landmarks(gaz)}
    with open(data_path("landmarks.csv"), encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    out: dict[str, set[int]] = {}
    for r in rows:
        i = entry.get(r["name"])
        if i is None or r["near"] or r["feature"] not in SETTLEMENT_FEATURES:
            continue
        for name in f"{r['base']};{r['base_ar']}".split(";"):
            if k := _key(fold(name.strip())):
                out.setdefault(k, set()).add(i)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _named_governorates(places: list[PlaceMention], bias: str) -> set[str]:
    """The governorates at home the text names as areas ("ريف الرقة الجنوبي": Ar-Raqqa)."""
    return {
        m.place.name for m in places
        if m.kind in ("region", "zone") and m.resolved and m.place.kind == "admin area"
        and m.place.level == 1 and m.place.country == bias
    }  # fmt: skip


def site_bases(
    text: str, places: list[PlaceMention], index: _Index, bias: str
) -> list[PlaceMention]:
    """``places`` with each bare base name of a site in a governorate the text names, read
    as a namesake outside all of them, placed at the site.

    Parameters
    ----------
    text : str
        The text.
    places : list of PlaceMention
        Its place mentions, in text order.
    index : _Index
        The scan index (its gazetteer holds the sites).
    bias : str
        The home country.

    Returns
    -------
    list of PlaceMention
        ``places``, such mentions placed at the site (their reading kept as an alternative).

    Examples
    --------
    >>> import geozones
    >>> t = "قصفت الطائرات ريف الرقة الجنوبي ثم سيطرت القوات على مدينة الرصافة."
    >>> [m.place.name for m in geozones.extract(t).places if "الرصافة" in m.text]
    ['Resafa']
    """
    areas = _named_governorates(places, bias)
    if not areas:
        return places
    bases = _bases_of(index.gaz)
    out = list(places)
    for i, m in enumerate(places):
        p = m.place
        if m.kind not in ("place", "region") or not m.resolved or p.country != bias:
            continue
        if p.source == "landmarks" or p.kind != "populated place" or areas & set(p.admin):
            continue
        name = text[m.name_start : m.name_end] if m.name_end > m.name_start else m.text
        sites = [index.gaz.place(j) for j in bases.get(_key(fold(name)), ())]
        sites = [s for s in sites if areas & set(s.admin)]
        if len(sites) != 1:
            continue
        site = sites[0].with_score(p.score, p.matched)
        out[i] = replace(m, place=site, alternatives=(p, *m.alternatives))
    return out
