"""Shared test set-up.

No test reaches the internet: for the whole session every socket connection
to an address outside the loopback range is refused (and the attempt fails
the test that made it). Servers that tests need (the stand-in online
geocoder, chromedriver, a dask LocalCluster) run on 127.0.0.1.
"""

from __future__ import annotations

import sys

import pytest
from _netguard import NetworkBlockedError, install

BLOCKED: list[str] = []

__all__ = ["BLOCKED", "NetworkBlockedError"]


def pytest_configure(config: pytest.Config) -> None:
    install("tests", on_block=BLOCKED.append)


@pytest.fixture(autouse=True)
def _no_network_attempts():
    """Fail any test that tried to reach a non-loopback address, even if it caught the error."""
    start = len(BLOCKED)
    yield
    tried = BLOCKED[start:]
    assert not tried, f"test tried to reach the network: {tried}"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Each test session gets its own cache folder, never the user's."""
    from geozones import settings

    monkeypatch.setattr(settings, "cache_dir", tmp_path_factory.getbasetemp() / "cache")


@pytest.fixture(autouse=True)
def _fresh_default_gazetteer():
    """A test that loaded a country, a places file or a road into the shared gazetteer
    (``geocode(country=...)``, ``extract(country_bias=...)``, ``add_places_file``) leaves
    it as it found it: the next test gets the bundled gazetteer again, so no test's
    result depends on which tests ran before it (a loaded Lebanon made 'وصور الرئيس'
    read as a village in a later geoparse test)."""
    yield
    from geozones.gazetteer import _gazetteer

    default = _gazetteer._DEFAULT
    if default is not None and default._loaded:
        _gazetteer._DEFAULT = None
        scan = sys.modules.get("geozones.geoparse.scan._index")
        if scan is not None:  # its scan index goes with it (memory)
            scan._INDEXES.pop(id(default), None)
