"""What the popups and the title panel say about agreements (text only; the runtime escapes)."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

from .. import feature_values
from ..errors import InputError
from ..timeline import to_date

if TYPE_CHECKING:  # pragma: no cover
    from ..timeline import Timeline


def _signed_iso(value: Any) -> str | None:
    try:
        return to_date(value).isoformat() if value else None
    except InputError:
        return None


def agreements_meta(timeline: Timeline) -> dict[str, dict[str, Any]]:
    """Agreement id → name, signing date (ISO) and parties, for the popups."""
    out = {}
    for ag in timeline.agreements:
        parties = ag.get("parties") or []
        if isinstance(parties, str):
            parties = [parties]
        out[str(ag.get("id", ""))] = {
            "name": feature_values.text(ag.get("name")),
            "signed": _signed_iso(ag.get("signed")),
            "parties": [feature_values.text(p) for p in parties],
        }
    return out


def title_info(timeline: Timeline, heading: str, day: _dt.date | None) -> dict[str, Any]:
    """Title, description and the agreements (sorted by signing date) of the title panel."""
    agreements = []
    for ag in timeline.agreements:
        signed = ag.get("signed")
        agreements.append(
            {
                "name": str(ag.get("name") or ag.get("id") or ""),
                "signed": _signed_iso(signed) if signed is not None else None,
            }
        )
    agreements.sort(key=lambda a: (a["signed"] or "9999", a["name"]))
    description = str(timeline.description or "")
    if day is not None:
        description = (
            description + " " if description else ""
        ) + f"Features in force on {day.isoformat()}."
    return {"title": str(heading), "description": description, "agreements": agreements}
