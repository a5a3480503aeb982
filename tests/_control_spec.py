"""A small spec with a control table, shared by the control tests (the spec language, the
event joins): government holds Idleb governorate, the opposition three subdistricts
(Saraqab, Ariha, Idleb) from 2019-01-01, and the government takes Saraqib (3 km) on
2020-02-07. ``ZONE`` adds an agreement whose zone follows the opposition's ground from
2019-06-01, ``LINE`` (appended to it) a contact line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import geozones

#: ``timeline:``, ``parties:`` and ``control:`` (baselines and one capture).
HEAD = """
timeline: {id: t, name: T, country: SY}
parties:
  government: {colour: "#c0392b", label: Government}
  opposition: {colour: "#2e8b57", label: Opposition}
control:
  baselines:
    - date: 2019-01-01
      party: government
      area: {admin: {names: [SY07], level: 1}}
      summary: the frame
    - date: 2019-01-01
      party: opposition
      area: {admin: {names: [Saraqab, Ariha, Idleb], level: 3}}
      summary: three subdistricts
  events:
    - date: 2020-02-07
      place: Saraqib
      party: government
      reach: 3 km
      url: https://example.org/news/2020/02/07/saraqib
      title: Saraqib taken
      publisher: Example News
      published: 2020-02-07
      quote: "Government forces took Saraqib on Friday."
"""

#: An agreement with a zone that follows control (``held_by``, no date).
ZONE = """
agreements:
  - id: a
    name: A
    signed: 2019-01-01
    sources: [{url: "https://example.org/a/1", quote: "q"}]
    features:
      - id: zone
        name: Zone
        kind: zone
        start: 2019-06-01
        confidence: schematic
        geometry:
          held_by: {party: opposition, within: {admin: {names: [SY07], level: 1}}}
"""

#: A contact-line feature, to append to ``ZONE``.
LINE = """
      - id: line
        name: Line
        kind: contact-line
        start: 2019-06-01
        confidence: schematic
        geometry: {contact_line: {between: [government, opposition]}}
"""

#: The zone and the line: the agreement the spec-language tests use.
AGREEMENT = ZONE + LINE.lstrip("\n")


def load(folder: Path, text: str, name: str = "t.yaml"):
    """Write ``text`` (dedented) as a spec in ``folder`` and compile it, without the cache."""
    path = Path(folder) / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return geozones.load_timeline(path, use_cache=False)
