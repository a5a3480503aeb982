"""extract() gives the same answer in every process, whatever Python's string-hash seed.

A key of the name index can carry two payloads that differ only in ``glued`` (" syrian ":
the adjective "Syrian", and the same key cut from a name written with a glued article). The
index once ordered them by a key that tied, so their order, and with it whether "Syrian" was
read as an adjective, followed ``PYTHONHASHSEED`` (lost under seed 1, kept under seed 0).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

_SCRIPT = """
import json, geozones
r = geozones.extract(
    "Syrian troops shelled Kafr Nabl on Monday, the Syrian Observatory said.",
    published="2019-05-06",
)
print(json.dumps([[e.text, e.start, e.kind] for e in r.entities]
                 + [[p.text, p.start, p.kind] for p in r.places]))
"""


def _run(seed: int) -> list:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    out = subprocess.run(
        [sys.executable, "-c", _SCRIPT], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def test_the_answer_does_not_follow_the_hash_seed():
    first, second = _run(0), _run(1)
    assert first == second
    assert ["Syrian", 0, "adjective"] in first  # the adjective is read under both seeds
