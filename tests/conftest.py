"""Shared test set-up.

No test reaches the internet: for the whole session every socket connection
to an address outside the loopback range is refused (and the attempt fails
the test that made it). Servers that tests need (the stand-in online
geocoder, chromedriver, a dask LocalCluster) run on 127.0.0.1.
"""

from __future__ import annotations

import ipaddress
import socket

import pytest

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo
BLOCKED: list[str] = []


class NetworkBlockedError(OSError):
    """Raised when a test tries to reach a non-loopback address."""


def _is_loopback(host: object) -> bool:
    if not isinstance(host, str):
        return True  # AF_UNIX paths and the like
    if host in ("localhost", "ip6-localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _check(address: object) -> None:
    host = address[0] if isinstance(address, tuple) else address
    if not _is_loopback(host):
        BLOCKED.append(str(host))
        raise NetworkBlockedError(f"tests may not reach the network (tried {host!r})")


def _guarded_connect(self: socket.socket, address: object) -> None:
    _check(address)
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: object) -> int:
    _check(address)
    return _real_connect_ex(self, address)


def _guarded_getaddrinfo(host: object, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
    if isinstance(host, bytes):
        host = host.decode()
    _check((host, 0))
    return _real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]


def pytest_configure(config: pytest.Config) -> None:
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = _guarded_getaddrinfo  # type: ignore[assignment]


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
