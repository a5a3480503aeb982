"""The :class:`Place`: what the gazetteer and the online geocoder return."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

#: The kinds of place the gazetteer knows.
PLACE_KINDS = ("populated place", "road", "admin area", "region", "country")

#: How a Place becomes a geometry beyond its point (roads, areas); the gazetteer registers
#: itself here when imported, so this foundation module never imports an engine.
_GEOMETRY_RESOLVER: Callable[[Place], Any] | None = None


def register_geometry(resolver: Callable[[Place], Any] | None) -> None:
    """Set the function that turns a :class:`Place` into its shapely geometry.

    :mod:`geozones.gazetteer` registers one that returns a road's line and an
    admin area's polygon; without it a place is its point.

    Examples
    --------
    >>> import geozones.gazetteer  # registers the gazetteer's resolver
    >>> Place("X", 1.0, 2.0).geometry.wkt
    'POINT (2 1)'
    """
    global _GEOMETRY_RESOLVER
    _GEOMETRY_RESOLVER = resolver


@dataclass(frozen=True)
class Place:
    """A resolved place.

    Attributes
    ----------
    name : str
        The canonical (English) name.
    lat, lon : float
        WGS84 coordinates of a representative point (a road: its midpoint;
        an area: a point inside it).
    kind : str
        One of :data:`PLACE_KINDS` (a ``region`` is a natural or historical
        region such as Eastern Ghouta or Jabal al-Zawiya: a centre point, no polygon).
    admin : tuple of str
        Administrative path, widest first (``("Syria", "Idleb", "Ariha")``).
    source : str
        Where the entry comes from: ``ocha-cod``, ``geonames``, ``alias``,
        ``roads``, ``geoboundaries``, ``natural-earth``, ``online:<service>``.
    source_id : str
        The id in that source (P-code, GeoNames id, road id …).
    score : float
        Match quality in 0..1 (1 = exact after folding).
    matched : str
        The name variant that matched the query.
    country : str
        ISO 3166-1 alpha-2 code, when known.
    level : int or None
        Admin level for admin areas (1 governorate, 2 district, 3 subdistrict).
    precision : str
        ``exact`` for surveyed points, ``schematic`` for lines drawn through
        ordered towns, ``approximate`` otherwise.
    population : int
        Population where the source gives it (0 when unknown).
    extra : dict
        Further source attributes (Arabic name, alternates …).
    """

    name: str
    lat: float
    lon: float
    kind: str = "populated place"
    admin: tuple[str, ...] = ()
    source: str = ""
    source_id: str = ""
    score: float = 1.0
    matched: str = ""
    country: str = ""
    level: int | None = None
    precision: str = "exact"
    population: int = 0
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def __getattr__(self, name: str) -> Any:
        # The gazetteer may leave ``_fill`` (a function returning the other fields) so that
        # a look-up builds no field it is not asked for, and ``_extra_fn`` (a function
        # returning ``extra``) so that the exact-match path parses no JSON.
        d = self.__dict__
        fill = d.pop("_fill", None)
        if fill is not None:
            d.update(fill())
            return getattr(self, name)
        if name == "extra":
            fn = d.pop("_extra_fn", None)
            value = fn() if fn is not None else {}
            d["extra"] = value
            return value
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __getstate__(self) -> dict[str, Any]:
        self.extra  # noqa: B018 - fills the lazy fields and extra before copying them
        return dict(self.__dict__)

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    @property
    def point(self) -> tuple[float, float]:
        """``(lon, lat)``, the order GeoJSON and shapely use.

        Examples
        --------
        >>> Place("Azaz", 36.59, 37.05).point
        (37.05, 36.59)
        """
        return (self.lon, self.lat)

    @property
    def governorate(self) -> str | None:
        """The governorate (first-level admin area) the place lies in.

        A governorate-level admin area (``level`` 1) is its own governorate; any other
        place's is the second item of its admin path (the first is the country), which a
        named region or a road carries too. ``None`` when the path stops at the country.

        Returns
        -------
        str or None
            The governorate's name.

        Examples
        --------
        >>> Place("Ariha", 35.81, 36.61, admin=("Syria", "Idleb", "Ariha")).governorate
        'Idleb'
        >>> Place("Idleb", 35.9, 36.6, kind="admin area", admin=("Syria",), level=1).governorate
        'Idleb'
        >>> hatay = Place("Hatay", 36.4, 36.2, "admin area", ("Turkey", "Hatay"), level=1)
        >>> hatay.governorate
        'Hatay'
        >>> Place("M4 highway", 35.8, 36.6, kind="road", admin=("Syria",)).governorate is None
        True
        """
        if self.kind == "admin area" and self.level == 1:
            return self.name
        return self.admin[1] if len(self.admin) > 1 else None

    @property
    def geometry(self) -> Any:
        """The place's shapely geometry: a Point, a road's LineString, an area's polygon."""
        if _GEOMETRY_RESOLVER is not None:
            return _GEOMETRY_RESOLVER(self)
        import shapely  # lazy: shapely only when a geometry is asked for

        return shapely.Point(self.lon, self.lat)

    def with_score(self, score: float, matched: str) -> Place:
        """A copy with another score and matched variant.

        Examples
        --------
        >>> Place("Azaz", 36.59, 37.05).with_score(0.5, "Azez").score
        0.5
        """
        return replace(self, score=score, matched=matched)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (used by ``--json``).

        Examples
        --------
        >>> Place("Azaz", 36.59, 37.05, admin=("Syria",)).to_dict()["admin"]
        ['Syria']
        """
        d = asdict(self)
        d["admin"] = list(self.admin)
        d.pop("extra", None)
        return d

    def __str__(self) -> str:
        where = ", ".join(reversed(self.admin)) if self.admin else self.country
        label = f"{self.kind}, {where}" if where else self.kind
        return f"{self.name} ({label}) {self.lat:.5f}, {self.lon:.5f}"


# The dataclass leaves each field's default as a class attribute, which an instance whose
# fields are filled lazily (``_fill``, see Place.__getattr__) would show instead of its own
# value. __init__ keeps its defaults (they live in its signature), so the class attributes go.
for _f in fields(Place):
    if _f.name in Place.__dict__:
        delattr(Place, _f.name)
del _f
