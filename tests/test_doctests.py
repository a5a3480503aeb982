"""Every example in the package's docstrings runs and gives what it shows.

The public functions' docstrings carry an ``Examples`` section; private modules' helpers
often do too. Examples that drift from the code mislead whoever reads them (round 25 found
seven in the geoparser, unnoticed because only some modules' examples were run), so every
module under ``geozones/`` is run here, as ``python -m doctest`` would.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import geozones

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(geozones.__path__, prefix="geozones.")
    if m.name != "geozones.__main__"
)


def test_the_package_has_modules_with_examples() -> None:
    assert len(MODULES) > 150
    assert "geozones.geoparse.dates._numerals" in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_examples_run(name: str) -> None:
    mod = importlib.import_module(name)
    res = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert res.failed == 0, f"{name}: {res.failed} of {res.attempted} examples fail"
