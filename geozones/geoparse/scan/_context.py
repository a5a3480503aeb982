"""Context rules of the geoparser: what a capitalised name next to a place name is.

General rules first, a small curated list second (``data/geoparse/entities.yaml``):

* a name after a title ("President", "Foreign Minister", "Mr", "envoy"), or of two words
  or more with a title in apposition after it ("Abdulrazak al-Hassan, a media official
  in …"), is a person, and so is its surname wherever else it stands in the same text
  (an "al-"/"el-" surname in either case);
* a capitalised sequence that ends in a Turkish organisation noun of a compound name
  ("Özgür Suriye Ordusu", "Suriye Milli Ordusu'nun") is an organisation;
* a capitalised sequence that ends in an organisation word ("Army", "Front",
  "Forces", "Agency", "News", "Party", "Council" …), starts with an Arabic group
  word ("Jabhat", "Jaysh", "Hayat", "Harakat", "Liwa", "Ahrar" …) or holds
  "of"/"for" before such a word is an organisation;
* words before and after a place say whether it is a region ("western …
  countryside", "southern …", "… province", "the … plain") or a zone
  ("… de-escalation zone"): :mod:`._region_cue`, whose names are re-exported here.

All functions take the original text and return character spans.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from ..._io import data_path
from ._region_cue import (  # noqa: F401  (re-exported: ctx.region_cue, ctx.RegionCue …)
    RegionCue,
    coordinated,
    owner_of_area,
    plural_region_follows,
    plural_region_noun,
    region_cue,
)

#: The end of a sentence: a stop, a question or exclamation mark, or a line break, then space.
SENTENCE_END = re.compile(r"[.!?؟\n]\s")

#: Capital letters that may open a name: Latin, Latin-1 and Turkish ("İblin", "Şam").
CAPITALS = "A-ZÀ-ÖØ-ÞİŞĞ"
_NAME_WORD = rf"(?:[{CAPITALS}][\w'’]*(?:-[A-Za-z][\w'’]*)*|[A-Z]{{2,}}\d*)"
_LINK = r"(?:al|el|ash|as|ad|ar|at|an|az|bin|ibn|abu|of|for|de|du|la|le|van|von)"
_CAP_SEQ = re.compile(
    rf"(?<![\w'’-]){_NAME_WORD}"
    rf"(?:[ \t]+(?:{_LINK}[ \t-]+)*{_NAME_WORD}|\s+(?:al|el)-{_NAME_WORD}"
    rf"|-(?:{_LINK}-)?{_NAME_WORD})*"
)
#: Names with a lower-case article before an organisation word ("al-Mayadeen TV", "al-Watan
#: Party"): the article is not capitalised, so the name starts before the capitalised run.
_ARTICLE_NAMES_BEFORE = re.compile(r"(?<![\w'’-])(?:(?:al|el)-[A-Z][\w'’]*[ \t]+)+$")

#: Words that make the name after them a person's.
TITLES = frozenset(
    """president presidents minister ministers mr mrs ms dr prof general gen lt col colonel
    major maj brig brigadier captain capt sergeant lieutenant commander admiral marshal
    spokesman spokeswoman spokesperson envoy ambassador counterpart leader chief head
    secretary chancellor premier king queen prince emir sheikh sheik imam pope senator
    deputy adviser advisor director chairman chairwoman governor mayor judge
    official officer analyst researcher journalist correspondent reporter
    président présidente ministre porte-parole général émissaire ambassadeur chef
    directeur directrice responsable commandant correspondant correspondante militant
    präsident präsidentin minister ministerin außenminister aussenminister
    verteidigungsminister kanzler kanzlerin sprecher sprecherin gesandte botschafter
    herr frau staatschef machthaber leiter leiterin kommandeur korrespondent aktivist
    cumhurbaşkanı cumhurbaşkani bakanı bakani başbakan başbakanı sözcüsü sozcusu
    başkanı temsilcisi büyükelçisi""".split()
)
#: Last words that make a capitalised sequence an organisation.
ORG_TAILS = frozenset(
    """army armies front forces force brigade brigades battalion battalions regiment division
    corps movement movements agency news party council committee commission ministry
    organisation organization observatory group groups coalition alliance union league
    command guard guards militia militias legion network channel television tv radio times
    post herald tribune gazette daily journal press service services office center centre
    institute foundation association society bank company corporation court parliament
    assembly government administration authority authorities police helmets crescent cross
    mission delegation defence defense desk""".split()
)
#: Turkish organisation nouns in the possessive of a compound name, with a case ending
#: ("Özgür Suriye Ordusu", "Suriye Milli Ordusunun", "Dışişleri Bakanlığı'ndan").
_TR_ORG_TAIL = re.compile(
    r"^(?:ordu|güçler|meclis|konsey|ajans|bakanlığ|gözlemev|cephe|tugay|tümen|örgüt"
    r"|komutanlığ|hükümet|partis|birlikler|hareket|teşkilat)"
    r"(?:s?[ıiuü])(?:n[ıiuü]n|nd[ae]n?|n[ae]|yl[ae]|nc[ae])?$"
    r"|^savunma(?:s[ıi](?:n[ıi]n|nd[ae]n?|n[ae]|yl[ae])?)?$"  # "Suriye Sivil Savunma(sı)"
)
_NEWS_TAILS = frozenset(
    "agency news times post herald tribune gazette daily journal press television tv radio "
    "channel network".split()
)
#: Two last words that look like an organisation's but name a facility at a place.
NOT_ORG_ENDINGS = frozenset(
    {"observation post", "observation posts", "observation point", "observation points",
     "military post", "border post", "military base", "air base", "police station"}
)  # fmt: skip
#: First words of Arabic-named armed groups and parties.
ORG_HEADS = frozenset(
    """jabhat jabha hayat hayat hayet harakat haraka liwa liwaa faylaq failaq jaysh jaish
    kataib katibat saraya firqat firqa jund ansar ahrar hizb tajammu tanzim fawj""".split()
)


@dataclass(frozen=True)
class Entity:
    """A name that is not a place: a person, an organisation, a news outlet, an adjective.

    Attributes
    ----------
    text : str
        As in the text.
    start, end : int
        Offsets into the original text.
    kind : str
        ``person``, ``organization``, ``news`` or ``adjective``.
    rule : str
        What decided it: ``title``, ``surname``, ``org-word``, ``list``.
    """

    text: str
    start: int
    end: int
    kind: str
    rule: str

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict."""
        return {"text": self.text, "start": self.start, "end": self.end, "kind": self.kind,
                "rule": self.rule}  # fmt: skip


@functools.lru_cache(maxsize=1)
def known_entities() -> dict[str, Any]:
    """The curated non-place names, by kind (from ``data/geoparse/entities.yaml``).

    Examples
    --------
    >>> "Reuters" in known_entities()["news"]
    True
    """
    import yaml  # lazy: keeps `import geozones` fast

    with open(data_path("geoparse", "entities.yaml"), encoding="utf-8") as fh:
        raw = yaml.safe_load(fh) or {}
    return {
        k: {str(a): str(b) for a, b in v.items()} if isinstance(v, dict) else [str(x) for x in v]
        for k, v in raw.items()
        if v
    }


_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ـ": None})


@functools.lru_cache(maxsize=1)
def _arabic_adjectives() -> frozenset[str]:
    words = known_entities().get("arabic_adjective", [])
    return frozenset(str(w).translate(_ALEF) for w in words)


def arabic_adjective(word: str) -> bool:
    """Whether an Arabic word is a nationality adjective with its article ("السوري",
    "والتركية"), which folds to a country's name once the article is dropped.

    Examples
    --------
    >>> arabic_adjective("السوري"), arabic_adjective("وسورية")
    (True, False)
    """
    w = word.strip().translate(_ALEF)
    if len(w) > 4 and w[0] in "وفبل" and w[1:3] == "ال":
        w = w[1:]
    return w in _arabic_adjectives()


def _is_title(word: str) -> bool:
    return any(part.rstrip(".") in TITLES for part in word.split("-"))


#: English articles: a capitalised "A" opening a sentence is no word of the name after it.
_ARTICLES = frozenset(("the", "a", "an"))


#: The expressions of :func:`rule_entities` and :func:`_words`, compiled once.
_WORDS = re.compile(r"[\w'’]+")
_SEQ_WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
_POSSESSIVE_END = re.compile(r"['’]s$")
_APOSTROPHE = re.compile("['’]")


def _words(s: str) -> list[str]:
    return _WORDS.findall(s)


def rule_entities(text: str) -> list[Entity]:
    """Persons and organisations found by the general rules (titles, organisation words).

    Examples
    --------
    >>> [e.text for e in rule_entities("Foreign Minister Sergei Lavrov met the Free Syrian Army.")]
    ['Sergei Lavrov', 'Free Syrian Army']
    """
    out: list[Entity] = []
    for s0, e0 in _cap_sequences(text):
        seq, m = text[s0:e0], _Span(e0)
        words = [(w.group(0), w.start()) for w in _SEQ_WORD.finditer(seq)]
        if not words:
            continue
        poss = [i for i, (w, _) in enumerate(words[:-1]) if _POSSESSIVE_END.search(w)]
        if poss:  # "Turkey's National Security Council": the name starts after the possessive
            cut = poss[-1] + 1
            s0, seq = s0 + words[cut][1], seq[words[cut][1] :]
            words = [(w, o - words[cut][1]) for w, o in words[cut:]]
        low = [w.lower().strip("'’") for w, _ in words]
        # organisation: tail word, Arabic group head word, or "X of/for Y" with an org tail
        if len(low) >= 2 and f"{low[-2]} {low[-1]}" in NOT_ORG_ENDINGS:
            continue  # "Morek Observation Post" is a place's post, not a newspaper
        of_for = any(
            w in ORG_TAILS and nxt in ("of", "for") for w, nxt in zip(low, low[1:], strict=False)
        )
        tail = low[-1] in ORG_TAILS or bool(_TR_ORG_TAIL.match(_APOSTROPHE.split(low[-1])[0]))
        if tail or _APOSTROPHE.sub("", low[0].split("-")[0]) in ORG_HEADS or of_for:
            k = 0  # "the", "A", "Britain-based" before the name are not part of it
            while k < len(words) - 1 and (low[k] in _ARTICLES or _MODIFIER.search(low[k])):
                k += 1
            start = s0 + words[k][1]
            if k == 0:  # "al-Mayadeen TV": the lower-case article's name opens it
                lead = _ARTICLE_NAMES_BEFORE.search(text, max(0, start - 60), start)
                start = lead.start() if lead else start
            kind = "news" if low[-1] in _NEWS_TAILS else "organization"
            out.append(Entity(text[start : m.end()], start, m.end(), kind, "org-word"))
            continue
        # a title inside the sequence: the words after the last title are a person
        title_at = max((i for i, w in enumerate(low) if _is_title(w)), default=-1)
        if 0 <= title_at < len(words) - 1 and low[title_at + 1] not in ("of", "for"):
            if _LINK_WORDS & set(low[title_at + 1 :]):
                continue  # "Militant Shelling of Western Aleppo …": a headline's words, no name
            p0 = s0 + words[title_at + 1][1]
            out.append(Entity(text[p0 : m.end()], p0, m.end(), "person", "title"))
            k = 0  # "X Canton Interior Council Co-President Kenan Bereket": the council,
            while k < title_at - 1 and low[k] in _ARTICLES:  # then its officer
                k += 1
            if title_at - k >= 2 and low[title_at - 1] in _BODY_TAILS:
                o0 = s0 + words[k][1]
                o1 = s0 + words[title_at - 1][1] + len(words[title_at - 1][0])
                out.append(Entity(text[o0:o1], o0, o1, "organization", "org-word"))
            continue
        # a lower-case title just before the sequence ("envoy Geir Pedersen", "Mr. X")
        before = _words(text[max(0, s0 - 30) : s0])
        if before and _is_title(before[-1].lower()):
            out.append(Entity(seq, s0, m.end(), "person", "title"))
        elif _name_words(low) >= 2 and _title_in_apposition(text, m.end()):
            if not SETTLEMENT_OF.search(text, max(0, s0 - 30), s0):  # "the town of Deir
                out.append(Entity(seq, s0, m.end(), "person", "title"))  # Hafer, a major …"
    return out


#: Nouns of a body that close an organisation's name before its officer's title ("X Canton
#: Interior Council Co-President Y"); not the domain of an office that qualifies the title
#: ("US Defense Secretary", "Foreign Minister").
_BODY_TAILS = frozenset(
    """council councils committee commission assembly administration authority board
    front party union movement forces army brigade brigades command office center centre
    organization organisation agency ministry directorate""".split()
)


class _Span:
    """The end of a capitalised sequence, as a match's ``end()`` gives it."""

    def __init__(self, end: int) -> None:
        self._end = end

    def end(self) -> int:
        return self._end


_TR_TAIL_HINT = re.compile(r"ordu|güçler|meclis|konsey|ajans|bakanlı|gözlemev|cephe|tugay|tümen"
                           r"|örgüt|komutanlı|hükümet|parti|birlikler|hareket|teşkilat|savunma",
                           re.I)  # fmt: skip


def _cap_sequences(text: str) -> list[tuple[int, int]]:
    """The capitalised sequences, each cut after a Turkish organisation noun inside it: a
    possessive compound closes a name ("Suriye Sivil Savunma | İdlib Medya Sorumlusu Firas
    Halife", the Civil Defence, then its Idlib media officer)."""
    out = []
    for m in _CAP_SEQ.finditer(text):
        s = m.start()
        if " " not in m.group(0) or not _TR_TAIL_HINT.search(m.group(0)):
            out.append((s, m.end()))  # no Turkish organisation noun inside: one name
            continue
        for w in re.finditer(r"[\w'’]+", m.group(0)):
            e = m.start() + w.end()
            if e < m.end() and _TR_ORG_TAIL.match(re.split("['’]", w.group(0).lower())[0]):
                nxt = re.match(r"[ \t]+", text[e:])
                if nxt:  # only between words, not inside "X'in"
                    out.append((s, e))
                    s = e + nxt.end()
        out.append((s, m.end()))
    return out


#: What follows a name in apposition: a comma, an article, then a few words
#: ("Abdulrazak al-Hassan, a media official in …", "X, the group's spokesman, said").
_APPOSITION = re.compile(
    r",[ \t]+(?P<art>(?:a|an|the|un|une|le|la|der|die|ein|eine)[ \t]+)?"
    r"(?P<words>[\w'’-]+(?:[ \t]+[\w'’-]+){0,6})"
)


#: A settlement's noun right before a name: "the town of X, a major stronghold" is a town.
SETTLEMENT_OF = re.compile(r"\b(?:town|city|village|hamlet|district|suburb)\s+of\s+$", re.I)


#: Lower-case words that join a headline's words and never stand inside a person's name.
_LINK_WORDS = frozenset("of for in on at and the to from with".split())


def _title_in_apposition(text: str, end: int) -> bool:
    """Whether a title stands in apposition after a name: within the six words after
    "NAME, a/an/the …" (or right after "NAME, " without an article)."""
    m = _APPOSITION.match(text, end)
    if m is None:
        return False
    words = [w.lower() for w in m.group("words").split()]
    if m.group("art") is None:
        return _is_title(words[0])
    return any(_is_title(w) for w in words[:7])


#: "X-backed" before a name (and "X-back", the -ed dropped, as a page writes it).
_MODIFIER = re.compile(
    r"-(?:based|back(?:ed)?|led|allied|aligned|sponsored|funded|supported|held|controlled|run)$"
)


def _name_words(low: list[str]) -> int:
    """The words of a capitalised sequence once the modifiers before it are left out
    ("IS-held al-Bab, a militia spokesman told …" is one word: a town, no person)."""
    return sum(1 for w in low if not _MODIFIER.search(w) and w not in _ARTICLES)


_ACRONYM_AFTER = re.compile(r"^\s*\(([A-Z][A-Z0-9-]{1,7})\)")


_AGREEMENT_AFTER = (
    r"(?:memorandum|memorandums|agreement|agreements|accord|accords|protocol"
    r"|anlaşma\w*|mutabakat\w*|abkommen\w*|vereinbarung\w*)"
)
#: A round of talks named by its city and number: "the Astana 6 decision", "Geneva II talks".
_ROUND_AFTER = (
    r"(?:[0-9]{1,2}|[IVX]{1,4})\s+(?=(?:decisions?|talks|rounds?|summits?|meetings?"
    r"|conferences?|process|declaration|statement|communiqu[eé])\b)"
)
#: The place in an agreement's name ("the Sochi memorandum", "Astana anlaşmaları",
#: "Sotschi-Abkommen", "l'accord de Sotchi", "اتفاق سوتشي") names the agreement here.
_AGREEMENT = re.compile(
    rf"(?<![\w'’-])(?P<a>[A-ZÀ-ÝÇĞİÖŞÜ][\w'’]+)(?:\s+|-)(?:{_ROUND_AFTER}|(?={_AGREEMENT_AFTER}\b))"
    r"|\b(?:accords?|mémorandum|protocole|Abkommen|Memorandum)\s+(?:de\s+|d['’]\s*|von\s+)"
    r"(?P<b>[A-ZÀ-ÝÇĞİÖŞÜ][\w'’]+)"
    r"|(?<![\u0600-\u06ff])(?:[وبل]?(?:ال)?(?:اتفاق|اتفاقية|مذكرة|تفاهمات|تفاهم|بروتوكول))\s+"
    r"(?P<c>[\u0621-\u064a]+)",
    re.IGNORECASE,
)


def agreement_entities(text: str) -> list[Entity]:
    """The place word of an agreement's name, which is no place mention here.

    Examples
    --------
    >>> [e.text for e in agreement_entities("Under the Sochi memorandum, patrols began.")]
    ['Sochi']
    """
    out = []
    for m in _AGREEMENT.finditer(text):
        g = next(k for k in ("a", "b", "c") if m.group(k) is not None)
        if g == "a" and not m.group(g)[0].isupper():
            continue
        if g == "c" and m.group(g) in ("بين", "مع", "على", "في", "الذي", "التي"):
            continue
        out.append(Entity(m.group(g), m.start(g), m.end(g), "agreement", "agreement-name"))
    return out


def acronym_entities(text: str, named: list[Entity]) -> list[Entity]:
    """ "(GNA)" right after an organisation's name is that organisation, wherever it stands.

    Examples
    --------
    >>> t = "The Libyan National Army (LNA) advanced. The LNA said."
    >>> [(e.text, e.start) for e in acronym_entities(t, rule_entities(t))]
    [('LNA', 26), ('LNA', 45)]
    """
    acr: dict[str, str] = {}
    for e in named:
        if e.kind in ("organization", "news"):
            m = _ACRONYM_AFTER.match(text[e.end : e.end + 12])
            if m:
                acr[m.group(1)] = e.kind
    if not acr:
        return []
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(acr))) + r")(?![\w-])")
    return [Entity(m.group(0), m.start(), m.end(), acr[m.group(0)], "acronym")
            for m in rx.finditer(text)]  # fmt: skip


def surname_entities(text: str, persons: list[Entity]) -> list[Entity]:
    """Every other occurrence of a known person's surname ("Lavrov" after "Sergei Lavrov").

    Examples
    --------
    >>> t = "President Tayyip Erdogan spoke. Erdogan said more."
    >>> [e.start for e in surname_entities(t, rule_entities(t))]
    [32]
    """
    names = {e.text.split()[-1] for e in persons if e.kind == "person" and e.text.split()}
    names = {n for n in names if len(n) > 2}
    if not names:
        return []
    # "al-Hassan" is "Al-Hassan" at the start of a sentence: the article's case is free
    alts = [
        f"(?i:{re.escape(n[:3])}){re.escape(n[3:])}" if n[:3].lower() in ("al-", "el-") else
        re.escape(n) for n in sorted(names)
    ]  # fmt: skip
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])")
    taken = bytearray(len(text) + 1)  # characters already inside a person's name
    for e in persons:
        taken[e.start : e.end] = b"\x01" * (e.end - e.start)
    out = []
    for m in rx.finditer(text):
        if not taken[m.start()]:
            out.append(Entity(m.group(0), m.start(), m.end(), "person", "surname"))
    return out
