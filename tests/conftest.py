"""Shared test set-up.

No test reaches the internet: for the whole session every socket connection
to an address outside the loopback range is refused (and the attempt fails
the test that made it). Servers that tests need (the stand-in online
geocoder, chromedriver, a dask LocalCluster) run on 127.0.0.1.
"""

from __future__ import annotations

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
