"""Whether a name's namesakes abroad may be what it means: a foreign town wins only when
it is named by its own name or its country is named, and a name whose every namesake is a
small or far town abroad is a village at home the gazetteer lacks, or no place."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..._text import fold, has_arabic_letter
from ...place import Place
from ...projection import haversine_km
from ..scan._index import FOREIGN_MIN_POPULATION, _key

#: Countries next to the default bias (Syria): their towns are named by the press at ~15,000.
NEIGHBOURS = frozenset({"TR", "LB", "JO", "IQ", "IL", "PS", "CY"})


#: Kilometres from the text's centre within which a home namesake is in the text's cluster.
CLUSTER_KM = 40.0
#: Kilometres from the text's centre beyond which a small town abroad is not what it means.
FAR_ABROAD_KM = 150.0


def _any_in_cluster(cands: list[tuple[Place, float]], kms: list[float | None], bias: str) -> bool:
    """A home town among the namesakes lies within :data:`CLUSTER_KM` of the text's centre."""
    return any(
        km is not None and km <= CLUSTER_KM and p.country == bias and p.kind == "populated place"
        for (p, _), km in zip(cands, kms, strict=True)
    )


def _home_in_cluster(
    domestic: list[tuple[Place, float]],
    foreign: list[tuple[Place, float]],
    key: str,
    centroid: tuple[float, float] | None,
) -> bool:
    """A home namesake lies among the text's other towns, and no foreign namesake big
    enough to be meant is written with its own name: "Jizah" in a list of Daraa's towns is
    the Daraa Jizeh, not Giza (Egypt), whose press spelling it only shares."""
    if centroid is None or any(
        _key(fold(p.name)) == key and p.population >= FOREIGN_MIN_POPULATION for p, _ in foreign
    ):
        return False
    return any(
        p.kind == "populated place" and haversine_km(p.lat, p.lon, *centroid) <= CLUSTER_KM
        for p, _ in domestic
    )


def _far_small_abroad(
    cands: list[tuple[Place, float]],
    bias: str,
    named: frozenset[str],
    centroid: tuple[float, float] | None,
) -> bool:
    """Every namesake is a small town abroad, in a country the text does not name, far from
    the text's towns: "al-Sajur" in a text about Manbij is the Sajur river's village there,
    not Sājūr in Israel (the gazetteer lacks the first)."""
    return centroid is not None and all(
        p.kind == "populated place"
        and p.country != bias
        and p.country not in named
        and p.population < FOREIGN_MIN_POPULATION
        and haversine_km(p.lat, p.lon, *centroid) > FAR_ABROAD_KM
        for p, _ in cands
    )


_LATIN_ARTICLE = re.compile(r"(?:[Aa]l|[Ee]l)[-‑ ]")


def _far_article_abroad(
    name: str,
    cands: list[tuple[Place, float]],
    bias: str,
    named: frozenset[str],
    centroid: tuple[float, float] | None,
) -> bool:
    """A name written with the Arabic article ("al-Jadida", "al-Qahira") whose every
    namesake lies abroad, beyond the neighbours, in a country the text does not name and far
    from its towns, is a village at home the gazetteer lacks: the press writes such cities
    by their own names (El Jadida, Cairo), and their country with them."""
    return (
        bool(_LATIN_ARTICLE.match(name))
        and centroid is not None
        and all(
            p.country != bias
            and p.country not in named
            and p.country not in NEIGHBOURS
            and haversine_km(p.lat, p.lon, *centroid) > FAR_ABROAD_KM
            for p, _ in cands
        )
    )


def _abroad_plausible(p: Place, key: str, named_countries: frozenset[str]) -> bool:
    """Whether a foreign namesake may win: named by its own name (not one of the many
    GeoNames alternates, "Dar" for Dar es Salaam), or its country is named in the text."""
    if p.country in named_countries:
        return True
    own = _key(fold(p.name)) == key
    if p.country in NEIGHBOURS:
        return own
    return own or (p.population >= 10 * FOREIGN_MIN_POPULATION and len(key) >= 5)


def _only_far_alternates(
    cands: list[tuple[Place, float]], key: str, bias: str, named: frozenset[str]
) -> bool:
    """Every namesake is a place abroad that this spelling names only through one of its
    many alternate names ("Der" for Győr, "Spî" for Springfield): not a place here."""
    return all(
        p.kind == "populated place"
        and p.country != bias
        and not p.extra.get("region")
        and not _abroad_plausible(p, key, named)
        for p, _ in cands
    )


#: Population from which a city abroad may be named by one Arabic word.
ARABIC_ABROAD_MIN_POPULATION = 1_000_000


def _far_for_arabic(
    name: str, cands: list[tuple[Place, float]], bias: str, named: frozenset[str]
) -> bool:
    """One Arabic word whose every namesake is a smaller town far abroad is a common word
    ("كان", was, against Caen): Arabic news name such towns with their country nearby."""
    if " " in name.strip() or not has_arabic_letter(name):
        return False
    return all(
        p.kind == "populated place"
        and p.country not in (bias, *NEIGHBOURS)
        and p.country not in named
        and p.population < ARABIC_ABROAD_MIN_POPULATION
        for p, _ in cands
    )


def _common_word_abroad(
    text: str,
    start: int,
    end: int,
    cands: list[tuple[Place, float]],
    bias: str,
    named: frozenset[str],
) -> bool:
    """A one-word Latin name whose every namesake is a town abroad, beyond the neighbours and
    in a country the text does not name, and which the same text writes in lower case too, is
    that common word capitalised ("Syria: Surprise Islamic State attacks" beside "a brutal
    surprise offensive": no Surprise, Arizona)."""
    word = text[start:end]
    if not word.isascii() or not word.isalpha() or not word[:1].isupper() or len(word) < 3:
        return False
    if not all(
        p.kind == "populated place" and p.country not in (bias, *NEIGHBOURS)
        and p.country not in named
        for p, _ in cands
    ):  # fmt: skip
        return False
    return re.search(rf"(?<![\w'’-]){re.escape(word.lower())}(?![\w'’-])", text) is not None


#: A country's adjective right after a name ("الهرمل اللبنانية", "مدينة القائم العراقية"):
#: the article, the country's stem and the adjective's ending, masculine or feminine.
_AR_DEMONYM_AFTER = re.compile(
    r"[ \t]+ال(?P<stem>[\u0621-\u064a]{3,}?)(?:ية|يه|ي)(?![\u0600-\u06ff])"
)
#: How a country's name is made from its adjective's stem: لبنان، العراق، تركيا، سوريا.
_COUNTRY_FORMS = ("{}", "ال{}", "{}يا", "{}ا")


def demonym_country(text: str, end: int, lookup: Callable[[str], list[Place]]) -> str | None:
    """The country an Arabic adjective right after a name says it lies in ("بلدة الهرمل
    اللبنانية": the Lebanese Hermel), or None; ``lookup`` gives a name's gazetteer places.

    Examples
    --------
    >>> from geozones import Gazetteer
    >>> gz = Gazetteer.default()
    >>> t = "من أجواء بلدة الهرمل اللبنانية"
    >>> demonym_country(t, t.index(" اللبنانية"), lambda n: gz.candidates(n, top=3))
    'LB'
    """
    m = _AR_DEMONYM_AFTER.match(text, end, end + 24)
    if m is None:
        return None
    stem = m.group("stem")
    for form in _COUNTRY_FORMS:
        found = [p for p in lookup(form.format(stem)) if p.kind == "country"]
        if found:
            return found[0].country
    return None
