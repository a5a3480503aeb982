"""Feature kinds and confidence levels: the vocabulary shared by specs, maps and exports."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """How a kind of feature is named and drawn.

    Attributes
    ----------
    id : str
        The value of ``kind`` in a spec (``security-corridor``).
    label : str
        Singular label for popups and legends.
    layer : str
        Name of the map layer that holds features of this kind.
    color : str
        Stroke and fill colour (hex) in maps and KML.
    """

    id: str
    label: str
    layer: str
    color: str


KINDS: dict[str, Kind] = {
    k.id: k
    for k in (
        Kind("zone", "De-escalation / ceasefire zone", "Zones", "#1f78b4"),
        Kind("demilitarized-zone", "Demilitarized zone", "Demilitarized zone", "#e31a1c"),
        Kind("security-corridor", "Security corridor", "Corridors", "#ff7f00"),
        Kind("patrol-route", "Joint patrol route", "Patrol routes", "#6a3d9a"),
        Kind("observation-post", "Observation post", "Observation posts", "#33a02c"),
        Kind("operation-area", "Military operation area", "Operation areas", "#b15928"),
        Kind("control-area", "Area of control", "Areas of control", "#737373"),
        Kind("contact-line", "Contact line", "Contact lines", "#000000"),
        Kind("evacuation-area", "Evacuation / besieged area", "Zones", "#fb9a99"),
    )
}

#: Confidence levels, most to least certain, with the line style that shows them.
CONFIDENCE: dict[str, dict[str, object]] = {
    "surveyed": {
        "dash": None,
        "weight": 3,
        "fill_opacity": 0.35,
        "label": "surveyed: drawn from a published map or survey",
    },
    "approximate": {
        "dash": "8 6",
        "weight": 3,
        "fill_opacity": 0.25,
        "label": "approximate: built from named places and stated distances",
    },
    "schematic": {
        "dash": "2 6",
        "weight": 2,
        "fill_opacity": 0.15,
        "label": "schematic: the sources give only the idea of the shape",
    },
}


def kind(kind_id: str) -> Kind:
    """Return the :class:`Kind` of ``kind_id``.

    Examples
    --------
    >>> kind("security-corridor").layer
    'Corridors'
    """
    try:
        return KINDS[kind_id]
    except KeyError:
        raise KeyError(
            f"unknown feature kind {kind_id!r}; use one of: {', '.join(KINDS)}"
        ) from None
