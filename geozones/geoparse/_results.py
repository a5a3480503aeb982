"""What :func:`geozones.extract` returns: place, road mentions and the extraction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..place import Place
from ._parts import Part, part_geometry
from .dates._extract import DateMention
from .scan._context import Entity


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text.

    Attributes
    ----------
    text : str
        The words as they stand in the text (``source[start:end] == text``), with
        the words that make it a region or zone ("western Aleppo countryside").
    start, end : int
        Offsets into the original text.
    place : Place
        The resolved place (its ``score`` is the confidence of the choice).
    kind : str
        ``place`` (a populated place, a point), ``region`` (an admin area or a
        named region), ``zone`` ("the Idlib de-escalation zone", anchored on the
        area it is named after) or ``country``.
    name_start, name_end : int
        Offsets of the name itself ("Aleppo" inside "western Aleppo countryside").
    direction : str or None
        "western", "southern" … when the text qualifies a region.
    alternatives : tuple of Place
        Other places of the same name, best first, when the name is ambiguous.
    part : Part or None
        The part of the place the text means ("northern Hama": the northern sector
        of the governorate, whose point ``place`` is then moved into; "the outskirts
        of Saraqib", "south of Khan Sheikhun": a ring or sector around the town),
        drawn by :meth:`geometry`.
    resolved : bool
        False for a name the gazetteer does not hold that the text's construction
        shows to be a place ("the villages of Kaddour and Ruwehah", "قريتي أرينبة
        وسطوح الدير"): its ``place`` is then approximate, placed at the centre of the
        resolved towns around it (``place.precision == "context"``, a low score).
    """

    text: str
    start: int
    end: int
    place: Place
    kind: str = "place"
    name_start: int = -1
    name_end: int = -1
    direction: str | None = None
    alternatives: tuple[Place, ...] = ()
    part: Part | None = None
    resolved: bool = True

    @property
    def name(self) -> str:
        """The place's canonical name."""
        return self.place.name

    @property
    def ambiguous(self) -> bool:
        """Whether other places share the name."""
        return bool(self.alternatives)

    def geometry(self) -> Any:
        """The shape meant, lon/lat: the part of the place when the text names one (a
        sector of an admin area, a ring around a town), else the place's own geometry.

        Examples
        --------
        >>> m = extract("Shelling in the northern Hama countryside.").places[0]  # doctest: +SKIP
        >>> m.geometry().geom_type                                                # doctest: +SKIP
        'Polygon'
        """
        if self.part is not None:
            return part_geometry(self.place, self.part)
        if self.place.extra.get("region"):  # a named region: an area round its centre
            return part_geometry(self.place, Part(None))
        return self.place.geometry

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "part": self.part.to_dict() if self.part is not None else None,
            "direction": self.direction,
            "resolved": self.resolved,
            "place": self.place.to_dict(),
            "alternatives": [p.to_dict() for p in self.alternatives],
        }


@dataclass(frozen=True)
class RoadMention:
    """A road named in a text ("the M4", "the Aleppo–Latakia highway").

    Attributes
    ----------
    text : str
        As in the text.
    start, end : int
        Offsets into the original text.
    road : Place or None
        The gazetteer's road (kind ``road``), None when the gazetteer has no road
        of that name (then ``endpoints`` says what the text gives).
    endpoints : tuple of Place
        The towns the name is made of ("Aleppo", "Latakia"), when it is.
    """

    text: str
    start: int
    end: int
    road: Place | None
    endpoints: tuple[Place, ...] = ()

    @property
    def ref(self) -> str | None:
        """The road's id ("M4"), or None."""
        return self.road.source_id if self.road is not None else None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "ref": self.ref,
            "road": self.road.to_dict() if self.road is not None else None,
            "endpoints": [p.to_dict() for p in self.endpoints],
        }


@dataclass
class Extraction:
    """What :func:`extract` found in a text.

    Attributes
    ----------
    text : str
        The text.
    places : list of PlaceMention
        Place, region, zone and country mentions, in text order.
    roads : list of RoadMention
        Road mentions, in text order.
    dates : list of DateMention
        Dates, periods and date-times, in text order.
    entities : list of Entity
        Names recognised as persons, organisations or news outlets (not places).
    reference_date : datetime.date or None
        The date relative expressions were resolved against.
    country_bias : str
        The country preferred for ambiguous names.

    Examples
    --------
    >>> ex = extract("Moscow, 5 March 2020 — a ceasefire in Idlib province.")  # doctest: +SKIP
    >>> [(m.text, m.kind) for m in ex.places]                                # doctest: +SKIP
    [('Moscow', 'place'), ('Idlib province', 'region')]
    """

    text: str
    places: list[PlaceMention] = field(default_factory=list)
    roads: list[RoadMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    reference_date: dt.date | None = None
    country_bias: str = "SY"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (what ``geozones extract --json`` prints)."""
        return {
            "reference_date": self.reference_date.isoformat() if self.reference_date else None,
            "country_bias": self.country_bias,
            "places": [m.to_dict() for m in self.places],
            "roads": [m.to_dict() for m in self.roads],
            "dates": [m.to_dict() for m in self.dates],
            "entities": [e.to_dict() for e in self.entities],
        }

    def __repr__(self) -> str:
        return (
            f"<Extraction {len(self.places)} places, {len(self.roads)} roads, "
            f"{len(self.dates)} dates, {len(self.entities)} non-place names>"
        )
