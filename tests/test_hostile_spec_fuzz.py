"""Fuzz the spec loader and compiler (issue #12): 10,000 generated specs, no exception but
InputError.

Hypothesis draws a seed; a seeded generator builds a random tree shaped like a spec (keys
right or wrong, leaves from lists of good and hostile values), dumps it as YAML and sometimes
damages the text. Generating this way costs far less than drawing every node through
hypothesis, and most specs fail early, so the 10,000 examples run in about two minutes (``slow``;
CI runs it). A failure prints the seed and the YAML text.
"""

from __future__ import annotations

import math
import random

import pytest
import yaml

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from geozones.compiler import compile_spec  # noqa: E402
from geozones.errors import InputError  # noqa: E402
from geozones.spec import check, load_yaml  # noqa: E402

pytestmark = pytest.mark.slow

NAMES = ["Saraqib", "Ariha", "Trumba", "Idlib", "M4", "Nowhere-xyz", "", "Sirte", "زردنا", "Ṭ"]
NUMBERS = [0, 1, -1, 36.6, 35.8, 90.0001, -180.5, 1e308, -1e308, math.inf, math.nan, 10**30]
DISTANCES = ["1 km", "500 m", "2-4 km", "0 km", "-3 km", "20000 km", "6 kmx", "1e400", 5, True]
DATES = ["2020-03-06", "2020-13-01", "2020-02-30", "9999-12-31", "0001-01-01", "2020-05", "x"]
WKT = [
    "POINT (36.6 35.8)",
    "POINT (500 35)",
    "LINESTRING (36 35, 36.1 35.1)",
    "POLYGON ((36 35, 36.1 35, 36.1 35.1, 36 35))",
    "POLYGON ((36 35, 36 35, 36 35, 36 35))",
    "POINT (nan inf)",
    "POLYGON EMPTY",
    "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))",
    "nonsense",
]
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
JUNK = ["&a ", "*a", "[", "{", ": ", "- ", "\t", "<<: *a\n", "!!python/object:os.system ''", "\x00"]


class _Gen:
    """A random spec-shaped tree from one seed."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        #: one spec in ten is well formed, with values that compile: the compiler is reached
        self.good = self.r.random() < 0.1

    def pick(self, items: list):
        return self.r.choice(items)

    def word(self):
        if self.r.random() < 0.8:
            return self.pick(NAMES)
        return "".join(chr(self.r.randrange(32, 0x700)) for _ in range(self.r.randrange(6)))

    def value(self, pool: list):
        return self.pick(pool) if self.r.random() < 0.85 else self.pick([*NUMBERS, self.word()])

    def leaf(self):
        if self.good:
            return self.pick(
                [
                    {"place": "Saraqib"},
                    "Ariha",
                    {"point": {"lat": 35.8, "lon": 36.6}},
                    {"wkt": WKT[3]},
                ]
            )
        kind = self.r.randrange(9)
        if kind == 0:
            return {"point": {"lat": self.value(NUMBERS), "lon": self.value(NUMBERS)}}
        if kind == 1:
            return {"wkt": self.value(WKT)}
        if kind in (2, 3):
            return {"place": self.word()} if kind == 2 else self.word()
        if kind == 4:
            return {"ref": self.pick(["f0", "f1", "f2", "nope"])}
        if kind == 5:
            return {"file": self.pick(["nope.geojson", "/dev/null", "/vsicurl/http://x/a", "."])}
        if kind == 6:
            return {"admin": self.pick(["Ariha", "SY0703", "Atlantis", 7, []])}
        return self.pick([None, 3, [], {}, {"bogus": 1}, {"point": 1}, {"union": "x"}])

    def geometry(self, depth: int = 0):
        if depth > 2 or self.r.random() < 0.4:
            return self.leaf()
        sub = [self.geometry(depth + 1) for _ in range(self.r.randrange(4))]
        op = self.r.randrange(8)
        if self.good:
            if op < 3 or not sub:
                return {"buffer": {"of": sub[0] if sub else self.leaf(), "distance": "2 km"}}
            return {self.pick(["union", "hull"]): sub}
        if op == 0:
            return {"buffer": {"of": sub[0] if sub else None, "distance": self.value(DISTANCES)}}
        if op == 1:
            width = self.value(DISTANCES)
            return {"band": {"of": sub[0] if sub else None, "width": width}}
        if op == 2:
            ends = {"from": self.word(), "to": self.word(), "width": self.value(DISTANCES)}
            return {"corridor": {"road": self.pick(["M4", "M5", "X9"]), **ends}}
        return {self.pick(["union", "difference", "intersection", "hull", "boundary"]): sub}

    def feature(self, i: int):
        if self.good:
            f = {"id": f"f{i}", "kind": "zone", "start": "2020-03-06", "confidence": "schematic"}
            return {**f, "geometry": self.geometry()}
        f = {
            "id": self.pick(["f0", "f1", "f2", "bad id", ""]),
            "kind": self.pick(["zone", "security-corridor", "observation-post", "zonee"]),
            "start": self.value(DATES),
            "confidence": self.pick(["schematic", "approximate", "certain"]),
            "geometry": self.geometry(),
        }
        extras = {
            "end": lambda: self.value(DATES),
            "notes": lambda: self.pick(["ok", "TODO: fill in", ""]),
            "sources": lambda: self.pick([[{"url": "https://x.org"}], "ftp://x", [{"quote": [1]}]]),
            "surprise": self.word,
        }
        for key, make in extras.items():
            if self.r.random() < 0.25:
                f[key] = make()
        if self.r.random() < 0.05:
            del f[self.pick(list(f))]
        return f

    def spec(self):
        agreements = [
            {
                "id": self.pick(["a", "b", "a b"]),
                "name": self.word(),
                "signed": self.value(DATES),
                "features": [self.feature(3 * j + i) for i in range(self.r.randrange(1, 4))],
            }
            for j in range(self.r.randrange(1, 3))
        ]
        if self.good:
            for j, ag in enumerate(agreements):
                ag.update(id=f"a{j}", name="A", signed="2020-03-05")
        out = {"timeline": {"id": self.word()}, "agreements": agreements}
        if self.r.random() < 0.05:
            out["extra"] = self.value(NUMBERS)
        if not self.good and self.r.random() < 0.1:
            out.update(self.declared())
        return out

    def declared(self) -> dict:
        """A ``gazetteer:``/``roads:``/``boundaries:`` block, mostly wrong (no network, no I/O
        beyond missing files, /dev/null and a folder)."""
        path = lambda: self.pick(["nope.geojson", "/dev/null", ".", "/vsicurl/http://x/a"])  # noqa: E731
        blocks = {
            "gazetteer": lambda: {
                "countries": self.pick([["LY"], ["XX"], "sy", 5, ["Libya"], []]),
                "files": self.pick([[path()], path(), [{"path": path(), "name_field": 3}]]),
            },
            "roads": lambda: [{"path": path(), "name": self.word(), "aliases": self.word()}],
            "boundaries": lambda: [{"path": path(), "level": self.value([1, 2, 9, -1])}],
        }
        key = self.pick(list(blocks))
        return {key: blocks[key]()}

    def text(self) -> str:
        text = yaml.dump(self.spec(), Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
        how = self.r.randrange(6) if not self.good else 5
        if how == 0:
            return text[: self.r.randrange(len(text) + 1)]
        if how == 1:
            at = self.r.randrange(len(text) + 1)
            return text[:at] + self.pick(JUNK) + text[at:]
        return text


def _compile(text: str, collect: bool) -> None:
    """Load, check and compile; anything but an InputError propagates.

    ``collect=True`` is what ``geozones validate`` does (every problem), ``False`` what
    ``load_timeline`` does (the first problem ends the compile).
    """
    try:
        checked = check(load_yaml(text, "fuzz.yaml"), "fuzz.yaml")
        gdf, _, errors = compile_spec(checked, collect=collect)
    except InputError:
        return
    assert all(isinstance(e, InputError) for e in errors)
    if not errors:
        assert gdf.geometry.is_valid.all()


@settings(
    max_examples=10_000,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
@given(seed=st.integers(0, 2**32 - 1))
def test_no_spec_raises_anything_but_input_error(seed):
    gen = _Gen(seed)
    text = gen.text()
    try:
        _compile(text, collect=gen.good or seed % 8 == 0)
    except Exception as exc:  # say which spec, then fail with the original error
        raise AssertionError(f"seed {seed}: {type(exc).__name__}: {exc}\n{text}") from exc


def test_the_generator_makes_specs_that_compile_and_specs_that_fail():
    """The fuzzer must reach the compiler: some generated specs are valid, many are not."""
    ok = bad = 0
    for seed in range(300):
        text = _Gen(seed).text()
        try:
            checked = check(load_yaml(text, "fuzz.yaml"), "fuzz.yaml")
            _, _, errors = compile_spec(checked, collect=True)
        except InputError:
            bad += 1
            continue
        ok += not errors and bool(checked.features)
        bad += bool(errors)
    assert ok >= 3 and bad >= 100, (ok, bad)
